//! The command line as clap types. Help texts come from the message
//! catalogue of the chosen language, see [`command`].

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::config::MessageType;
use crate::i18n::{t, Lang};

#[derive(Debug, Parser)]
#[command(name = "plenty-service-helper", version, propagate_version = true)]
pub struct Cli {
    #[arg(long, global = true, env = "PSH_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<Lang>,

    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[arg(long, global = true, value_name = "FORMAT", default_value = "text")]
    pub log_format: LogFormat,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Serve(ServeArgs),
    Sandbox(SandboxArgs),
    #[command(visible_aliases = ["configure", "init"])]
    Setup(SetupArgs),
    #[command(subcommand)]
    Ticket(TicketCommand),
    #[command(subcommand)]
    Config(ConfigCommand),
    #[command(subcommand)]
    Outbox(OutboxCommand),
    #[command(subcommand)]
    List(ListCommand),
    #[command(visible_alias = "doctor")]
    Validate(ValidateArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<String>,

    #[arg(long)]
    pub sandbox: bool,

    #[arg(long, value_name = "FILE")]
    pub outbox: Option<PathBuf>,
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SandboxArgs {
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8765")]
    pub bind: String,

    #[arg(long, value_name = "USER", default_value = "sandbox")]
    pub username: String,

    #[arg(long, value_name = "PASSWORD", default_value = "sandbox-password")]
    pub password: String,

    #[arg(long, value_name = "N", default_value_t = 3)]
    pub max_sessions: usize,

    #[arg(long, value_name = "CALLS", default_value_t = 200)]
    pub read_limit: u64,

    #[arg(long, value_name = "CALLS", default_value_t = 80)]
    pub write_limit: u64,

    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub period: u64,

    #[arg(long, value_name = "SECONDS", default_value_t = 86_400)]
    pub token_lifetime: u64,

    #[arg(long, value_name = "FRACTION", default_value_t = 0.0)]
    pub server_error_rate: f64,

    #[arg(long, value_name = "FRACTION", default_value_t = 0.0)]
    pub throttle_rate: f64,

    #[arg(long, value_name = "SECONDS", default_value_t = 1)]
    pub retry_after: u64,

    #[arg(long, value_name = "FRACTION", default_value_t = 0.0)]
    pub timeout_rate: f64,

    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    pub hang: u64,

    #[arg(long, value_name = "FRACTION", default_value_t = 0.0)]
    pub drop_answer_rate: f64,

    #[arg(long, value_name = "MILLISECONDS", default_value_t = 0)]
    pub latency_ms: u64,

    #[arg(long = "forbid-route", value_name = "PATH")]
    pub forbidden_routes: Vec<String>,
}

#[derive(Debug, Args, Default)]
pub struct SetupArgs {
    #[arg(long)]
    pub non_interactive: bool,

    #[arg(long)]
    pub force: bool,

    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    #[arg(long, value_name = "USER")]
    pub username: Option<String>,

    #[arg(long)]
    pub password_stdin: bool,

    #[arg(long, value_name = "COMMAND")]
    pub password_command: Option<String>,

    #[arg(long, value_name = "ID")]
    pub plenty_id: Option<i64>,

    #[arg(long, value_name = "ID")]
    pub type_id: Option<i64>,

    #[arg(long, value_name = "ID")]
    pub status_id: Option<i64>,

    #[arg(long, value_name = "ID")]
    pub role_id: Option<i64>,

    #[arg(long = "owner-id", value_name = "ID", value_delimiter = ',')]
    pub owner_ids: Vec<i64>,

    #[arg(long, value_name = "TYPE")]
    pub message_type: Option<MessageType>,

    #[arg(long, value_name = "LANG")]
    pub message_language: Option<Lang>,

    #[arg(long, value_name = "ADDR")]
    pub bind: Option<String>,

    #[arg(long, value_name = "PATH")]
    pub webhook_path: Option<String>,

    #[arg(long)]
    pub generate_secret: bool,

    #[arg(long)]
    pub validate: bool,
}

#[derive(Debug, Subcommand)]
pub enum TicketCommand {
    Test(TicketTestArgs),
    List(TicketListArgs),
    Preview(TicketPreviewArgs),
    SendWebhook(TicketSendWebhookArgs),
}

#[derive(Debug, Args)]
pub struct TicketTestArgs {
    #[arg(long, value_name = "FILE")]
    pub payload: Option<PathBuf>,

    #[arg(long)]
    pub dry_run: bool,

    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct TicketListArgs {
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,

    #[arg(long, value_name = "N", default_value_t = 25, value_parser = clap::value_parser!(u32).range(1..=250))]
    pub limit: u32,

    #[arg(long)]
    pub all_types: bool,
}

#[derive(Debug, Args)]
pub struct TicketPreviewArgs {
    #[arg(long, value_name = "FILE")]
    pub payload: Option<PathBuf>,

    #[arg(long, value_name = "PATH")]
    pub template: Option<PathBuf>,

    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct TicketSendWebhookArgs {
    #[arg(long, value_name = "URL")]
    pub to: String,

    #[arg(long, value_name = "FILE")]
    pub payload: Option<PathBuf>,

    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,

    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    Show(ConfigShowArgs),
    Path,
    Get {
        key: String,
    },
    Set {
        key: String,
        #[arg(allow_negative_numbers = true)]
        value: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    Types(ListArgs),
    Statuses(ListStatusesArgs),
    Roles(ListArgs),
    Users(ListArgs),
    Webstores(ListArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct ListStatusesArgs {
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,

    #[arg(long, value_name = "ID")]
    pub type_id: Option<i64>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,

    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct ConfigShowArgs {
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,
}

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    List(OutboxListArgs),
    Show(OutboxShowArgs),
    Retry(OutboxRetryArgs),
    Purge(OutboxPurgeArgs),
}

#[derive(Debug, Args)]
pub struct OutboxListArgs {
    #[arg(long, value_name = "STATUS")]
    pub status: Option<crate::outbox::StatusFilter>,

    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,

    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct OutboxShowArgs {
    pub id: i64,

    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["id", "all_dead"])))]
pub struct OutboxRetryArgs {
    pub id: Option<i64>,

    #[arg(long)]
    pub all_dead: bool,
}

#[derive(Debug, Args)]
pub struct OutboxPurgeArgs {
    #[arg(long, value_name = "DURATION")]
    pub older_than: String,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).multiple(true).args(["shell", "write_to"])))]
pub struct CompletionsArgs {
    pub shell: Option<clap_complete::Shell>,

    #[arg(long, value_name = "DIR")]
    pub write_to: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(long, value_name = "DIR")]
    pub write_to: Option<PathBuf>,
}

/// Builds the clap command with help texts in `lang`. Every command's
/// `about` is `help.cmd.<path>` and every argument's help is
/// `help.arg.<path>.<id>` in the catalogue.
pub fn command(lang: Lang) -> clap::Command {
    let command = Cli::command()
        .about(t(lang, "help.cmd.root"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(clap::ArgAction::Help),
        )
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version),
        );
    localize(command, lang, "root")
}

fn localize(mut command: clap::Command, lang: Lang, path: &str) -> clap::Command {
    command = command
        .help_template(t(lang, "help.template"))
        .subcommand_help_heading(t(lang, "label.commands"))
        .next_help_heading(t(lang, "label.options"));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let key = help_key(&format!("help.arg.{path}.{id}"));
        let global_key = help_key(&format!("help.arg.root.{id}"));
        let text = lookup(lang, key).or_else(|| lookup(lang, global_key));
        if let Some(text) = text {
            command = command.mut_arg(id.as_str(), |arg| {
                let (notes, shown) = annotations(&arg, lang);
                let arg = arg
                    .help(format!("{text}{notes}"))
                    .help_heading(t(lang, "label.options"));
                // Only the notes written above are hidden from clap's own.
                let arg = if shown.possible {
                    arg.hide_possible_values(true)
                } else {
                    arg
                };
                let arg = if shown.default {
                    arg.hide_default_value(true)
                } else {
                    arg
                };
                if shown.env {
                    arg.hide_env(true)
                } else {
                    arg
                }
            });
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path}.{name}");
        let about = lookup(lang, help_key(&format!("help.cmd.{sub_path}")));
        command = command.mut_subcommand(name.as_str(), |sub| {
            let sub = match about {
                Some(text) => sub.about(text),
                None => sub,
            };
            localize(sub, lang, &sub_path)
        });
    }
    command
}

/// Flags for the clap notes that [`annotations`] wrote itself.
#[derive(Default)]
struct Shown {
    possible: bool,
    default: bool,
    env: bool,
}

/// Builds the default, the accepted values and the environment variable of
/// `arg`, in `lang`, in place of the English notes clap would add.
fn annotations(arg: &clap::Arg, lang: Lang) -> (String, Shown) {
    let mut notes = String::new();
    let mut shown = Shown::default();
    let takes_value = arg.get_num_args().is_none_or(|range| range.takes_values());
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if takes_value && !possible.is_empty() && !matches!(arg.get_action(), clap::ArgAction::SetTrue)
    {
        notes.push_str(&format!(
            " [{}: {}]",
            t(lang, "label.possible_values"),
            possible.join(", ")
        ));
        shown.possible = true;
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty()
        && !matches!(
            arg.get_action(),
            clap::ArgAction::SetTrue | clap::ArgAction::Count
        )
    {
        notes.push_str(&format!(
            " [{}: {}]",
            t(lang, "label.default"),
            defaults.join(", ")
        ));
        shown.default = true;
    }
    if let Some(env) = arg.get_env() {
        notes.push_str(&format!(
            " [{}: {}]",
            t(lang, "label.env"),
            env.to_string_lossy()
        ));
        shown.env = true;
    }
    (notes, shown)
}

/// Keys are built at run time, so they are leaked once into `'static`
/// strings the catalogue lookup accepts; the set is small and fixed.
fn help_key(key: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static KEYS: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut guard = KEYS.lock().expect("help key cache");
    let set = guard.get_or_insert_with(HashSet::new);
    if let Some(existing) = set.get(key) {
        return existing;
    }
    let leaked: &'static str = Box::leak(key.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

fn lookup(lang: Lang, key: &'static str) -> Option<&'static str> {
    let text = t(lang, key);
    (text != key).then_some(text)
}

/// Lists every help key the command tree uses, for the catalogue test.
pub fn help_keys() -> Vec<String> {
    fn walk(command: &clap::Command, path: &str, keys: &mut Vec<String>) {
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" || arg.is_global_set() && path != "root" {
                continue;
            }
            keys.push(format!("help.arg.{path}.{id}"));
        }
        for sub in command.get_subcommands() {
            let sub_path = format!("{path}.{}", sub.get_name());
            keys.push(format!("help.cmd.{sub_path}"));
            walk(sub, &sub_path, keys);
        }
    }
    let mut keys = vec!["help.cmd.root".to_string()];
    walk(&Cli::command(), "root", &mut keys);
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_help_text_in_both_languages() {
        let mut missing = Vec::new();
        for key in help_keys() {
            for lang in [Lang::En, Lang::De] {
                if lookup(lang, help_key(&key)).is_none() {
                    missing.push(format!("{lang}: {key}"));
                }
            }
        }
        assert!(missing.is_empty(), "help texts missing: {missing:#?}");
    }
}
