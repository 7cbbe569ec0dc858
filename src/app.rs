//! Start-up: picks the language, parses the command line, sets up logging,
//! runs the command and maps its error to an exit code.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches;

use crate::cli::{self, Cli, Command, LogFormat};
use crate::commands;
use crate::config::{self, PartialConfig};
use crate::errors::{self, code};
use crate::i18n::{tf, Lang};
use crate::output;

/// Context every command receives: the language, the configuration layers and
/// output settings.
pub struct Context {
    pub lang: Lang,
    pub config_path: PathBuf,
    pub quiet: bool,
    /// The configuration file as read, `None` when it does not exist or,
    /// for `validate`, could not be read.
    pub file: Option<PartialConfig>,
    /// Error that kept the file from being read. Only `validate` runs on
    /// with it, every other command stops at the error.
    pub file_error: Option<config::FileError>,
    /// The `PSH_*` environment layer.
    pub env: PartialConfig,
}

impl Context {
    /// Merges `flags` over the environment over the file. Relative paths in
    /// the file start at the file's directory.
    pub fn layered(&self, flags: PartialConfig) -> PartialConfig {
        flags
            .over(self.env.clone())
            .over(self.file_relative_to_its_dir().unwrap_or_default())
    }

    /// Returns the file layer with its relative paths resolved.
    pub fn file_relative_to_its_dir(&self) -> Option<PartialConfig> {
        let dir = self
            .config_path
            .parent()
            .unwrap_or(std::path::Path::new(""));
        self.file.clone().map(|file| file.relative_to(dir))
    }

    /// Like [`Context::layered`], but fails when the file does not exist.
    pub fn layered_with_file(
        &self,
        flags: PartialConfig,
    ) -> Result<PartialConfig, config::FileError> {
        if self.file.is_none() && self.env.plentymarkets.base_url.is_none() {
            return Err(config::FileError::NotFound {
                path: self.config_path.clone(),
            });
        }
        Ok(self.layered(flags))
    }
}

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let env_lookup = |var: &str| std::env::var(var).ok();
    let lang = early_lang(&args, &env_lookup);

    let command = cli::command(lang).color(output::clap_color());
    let matches = match command.try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                code::USAGE
            } else {
                code::OK
            });
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(code::USAGE);
        }
    };
    if !matches!(cli.command, Command::Serve(_) | Command::Sandbox(_)) {
        restore_sigpipe();
    }
    // Held until main returns, so every buffered log line is written.
    let _log_writer = init_logging(&cli);
    output::set_quiet(cli.quiet);

    match run(cli, lang) {
        Ok(()) => ExitCode::from(code::OK),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(code::OK),
        Err(error) => {
            output::error(lang, &errors::render(&error, lang));
            ExitCode::from(errors::exit_code(&error))
        }
    }
}

fn run(cli: Cli, detected: Lang) -> anyhow::Result<()> {
    // Generated files depend on the command line alone, never on a
    // configuration file or `PSH_*` variables.
    let command = match cli.command {
        Command::Completions(args) => return commands::completions::run(&args),
        Command::Man(args) => return commands::man::run(detected, &args),
        command => command,
    };
    let config_path = match cli.config.clone() {
        Some(path) => path,
        None => config::default_config_path()
            .ok_or_else(|| anyhow::anyhow!("no home directory found; pass --config PATH"))?,
    };
    let env = config::from_env(&|var| std::env::var(var).ok())?;
    let validating = matches!(command, Command::Validate(_));
    let (file, file_error) = match config::read_file(&config_path) {
        Ok(file) => (file, None),
        Err(error) if validating => (None, Some(error)),
        Err(error) => return Err(error.into()),
    };
    // `validate` reports the file mode as one of its checks instead.
    if file.is_some() && !validating && config::readable_by_others(&config_path) {
        output::warn(
            detected,
            &tf(
                detected,
                "msg.config.readable_by_others",
                &[("path", &config_path.display())],
            ),
        );
    }
    let ctx = Context {
        lang: detected,
        config_path,
        quiet: cli.quiet,
        file,
        file_error,
        env,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(dispatch(command, ctx))
}

async fn dispatch(command: Command, ctx: Context) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => commands::serve::run(&ctx, args).await,
        Command::Sandbox(args) => commands::sandbox::run(&ctx, args).await,
        Command::Setup(args) => commands::setup::run(&ctx, args).await,
        Command::Ticket(command) => commands::ticket::run(&ctx, command).await,
        Command::Config(command) => commands::config::run(&ctx, command),
        Command::Outbox(command) => commands::outbox::run(&ctx, command).await,
        Command::List(command) => commands::list::run(&ctx, command).await,
        Command::Validate(args) => commands::validate::run(&ctx, args).await,
        Command::Completions(args) => commands::completions::run(&args),
        Command::Man(args) => commands::man::run(ctx.lang, &args),
    }
}

/// Picks the language before parsing, so help and parse errors are already
/// in it: `--lang`, then `PSH_LANG`, then the file's `lang`, then the locale.
fn early_lang(args: &[OsString], env: &dyn Fn(&str) -> Option<String>) -> Lang {
    let flag_value = |name: &str| -> Option<String> {
        let mut iter = args.iter().filter_map(|a| a.to_str());
        while let Some(arg) = iter.next() {
            if arg == name {
                return iter.next().map(str::to_string);
            }
            if let Some(value) = arg.strip_prefix(&format!("{name}=")) {
                return Some(value.to_string());
            }
        }
        None
    };
    if let Some(lang) = flag_value("--lang").and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    if let Some(lang) = env("PSH_LANG").and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    let path = flag_value("--config")
        .map(PathBuf::from)
        .or_else(|| env("PSH_CONFIG").map(PathBuf::from))
        .or_else(config::default_config_path);
    if let Some(lang) = path
        .and_then(|p| config::read_file(&p).ok().flatten())
        .and_then(|c| c.lang)
    {
        return lang;
    }
    Lang::from_locale(env)
}

/// Sets up `tracing` on stderr. Each `-v` raises the level of this
/// crate's own logs by one step; other crates stay at `info` at most, so
/// HTTP and TLS internals never reach the log unless `RUST_LOG` requests them.
///
/// Lines go to stderr through a background writer, so a request never
/// waits for the terminal or pipe; it is not lossy, so a full buffer
/// slows the logging thread instead of dropping lines.
fn init_logging(cli: &Cli) -> tracing_appender::non_blocking::WorkerGuard {
    use tracing_subscriber::EnvFilter;
    let levels = ["error", "warn", "info", "debug", "trace"];
    let base = match cli.command {
        Command::Serve(_) | Command::Sandbox(_) => 2,
        _ => 1,
    };
    let own = if cli.quiet {
        0
    } else {
        (base + cli.verbose as usize).min(4)
    };
    let others = own.min(2);
    let default = format!("{},plenty_service_helper={}", levels[others], levels[own]);
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .finish(std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(output::color_enabled_stderr());
    let _ = match cli.log_format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
    guard
}

/// Lets a closed pipe end a printing command the way it ends `cat`: the
/// Rust runtime ignores SIGPIPE, which turns `println!` into a panic when
/// the reader has gone. Servers keep ignoring it, since a peer closing its
/// socket must not end them.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start, before any thread is spawned; SIG_DFL
    // is a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_flag_beats_environment() {
        let args: Vec<OsString> = ["psh", "--lang", "en", "serve"]
            .iter()
            .map(OsString::from)
            .collect();
        let env = |var: &str| (var == "PSH_LANG" || var == "LANG").then(|| "de".to_string());
        assert_eq!(early_lang(&args, &env), Lang::En);
        let args: Vec<OsString> = ["psh", "serve"].iter().map(OsString::from).collect();
        assert_eq!(early_lang(&args, &env), Lang::De);
    }
}
