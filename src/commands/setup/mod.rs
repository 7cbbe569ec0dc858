//! `setup`: writes the configuration file, by asking step by step or from
//! flags alone.

mod choose;
mod connect;
mod flags;
mod wizard;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::app::Context;
use crate::cli::{OutputFormat, SetupArgs, ValidateArgs};
use crate::config::{self, PartialConfig};
use crate::errors::UsageError;
use crate::i18n::tf;

pub async fn run(ctx: &Context, args: SetupArgs) -> anyhow::Result<()> {
    // Without a terminal on stdin no person can reply, so flags must do.
    let interactive = !args.non_interactive && std::io::stdin().is_terminal();
    if interactive {
        wizard::run(ctx, args).await
    } else {
        flags::run(ctx, args).await
    }
}

/// Writes the file; an existing one is kept as `<name>.bak` when `replace`
/// allows replacing it.
pub fn write(ctx: &Context, config: &PartialConfig, replace: bool) -> anyhow::Result<()> {
    let path = &ctx.config_path;
    if path.exists() {
        if !replace {
            return Err(UsageError(tf(
                ctx.lang,
                "err.setup.exists",
                &[("path", &path.display())],
            ))
            .into());
        }
        let backup = backup_path(path);
        std::fs::copy(path, &backup)?;
        crate::paths::set_mode(&backup, 0o600)?;
        crate::output::note(&tf(
            ctx.lang,
            "msg.setup.backup",
            &[("path", &backup.display())],
        ));
    }
    config::write_file(path, config)?;
    crate::output::note(&tf(
        ctx.lang,
        "msg.setup.written",
        &[("path", &path.display())],
    ));
    Ok(())
}

pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Runs `validate` on the configuration just written.
async fn validate_written(ctx: &Context, written: PartialConfig) -> anyhow::Result<()> {
    let fresh = Context {
        lang: ctx.lang,
        config_path: ctx.config_path.clone(),
        quiet: ctx.quiet,
        file: Some(written),
        file_error: None,
        env: ctx.env.clone(),
    };
    let args = ValidateArgs {
        output: OutputFormat::Table,
        strict: false,
    };
    super::validate::run(&fresh, args).await
}
