//! `setup`: writes the configuration file, from flags or by asking.

use std::io::{IsTerminal, Read};
use std::path::Path;

use crate::app::Context;
use crate::cli::SetupArgs;
use crate::config::{self, PartialConfig};
use crate::errors::UsageError;
use crate::i18n::{t, tf};
use crate::output;
use crate::secret::Secret;

pub async fn run(ctx: &Context, args: SetupArgs) -> anyhow::Result<()> {
    let interactive = !args.non_interactive && std::io::stdin().is_terminal();
    if interactive {
        return Err(
            UsageError(t(ctx.lang, "err.setup.interactive_unavailable").to_string()).into(),
        );
    }
    non_interactive(ctx, args)
}

/// Builds the configuration from flags alone and writes it.
fn non_interactive(ctx: &Context, args: SetupArgs) -> anyhow::Result<()> {
    let password = read_password(&args, ctx)?;
    let missing = missing_flags(&args, password.is_some());
    if !missing.is_empty() {
        let flags = missing.join(", ");
        return Err(UsageError(tf(
            ctx.lang,
            "err.setup.missing_flags",
            &[("flags", &flags)],
        ))
        .into());
    }
    let config = from_flags(&args, password);
    config.settings(config::resolve_password(&config)?)?;
    write(ctx, &config, args.force)
}

fn read_password(args: &SetupArgs, ctx: &Context) -> anyhow::Result<Option<Secret>> {
    if args.password_stdin {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        let password = text.trim_end_matches(['\r', '\n']);
        if password.is_empty() {
            return Err(UsageError(t(ctx.lang, "err.setup.empty_password").to_string()).into());
        }
        return Ok(Some(Secret::new(password)));
    }
    Ok(ctx.env.plentymarkets.password.clone())
}

fn missing_flags(args: &SetupArgs, has_password: bool) -> Vec<&'static str> {
    let checks = [
        (args.base_url.is_some(), "--base-url"),
        (args.username.is_some(), "--username"),
        (
            has_password || args.password_command.is_some(),
            "--password-stdin",
        ),
        (args.plenty_id.is_some(), "--plenty-id"),
        (args.type_id.is_some(), "--type-id"),
        (args.status_id.is_some(), "--status-id"),
        (args.role_id.is_some(), "--role-id"),
        (!args.owner_ids.is_empty(), "--owner-id"),
    ];
    checks
        .iter()
        .filter(|(present, _)| !present)
        .map(|(_, flag)| *flag)
        .collect()
}

fn from_flags(args: &SetupArgs, password: Option<Secret>) -> PartialConfig {
    let mut config = PartialConfig::default();
    config.plentymarkets.base_url = args
        .base_url
        .as_deref()
        .map(|url| config::normalize_base_url(url).unwrap_or_else(|_| url.to_string()));
    config.plentymarkets.username = args.username.clone();
    config.plentymarkets.password = password;
    config.plentymarkets.password_command = args.password_command.clone();
    config.ticket.plenty_id = args.plenty_id;
    config.ticket.type_id = args.type_id;
    config.ticket.status_id = args.status_id;
    config.ticket.role_id = args.role_id;
    config.ticket.owner_ids = Some(args.owner_ids.clone());
    config.ticket.message_type = Some(args.message_type.unwrap_or_default());
    config.ticket.message_language = Some(args.message_language.unwrap_or(crate::i18n::Lang::De));
    config.webhook.bind = Some(
        args.bind
            .clone()
            .unwrap_or_else(|| config::DEFAULT_BIND.to_string()),
    );
    config.webhook.path = Some(
        args.webhook_path
            .as_deref()
            .map(|path| config::normalize_webhook_path(path).unwrap_or_else(|_| path.to_string()))
            .unwrap_or_else(|| config::DEFAULT_WEBHOOK_PATH.to_string()),
    );
    config
}

/// Writes the file; an existing one is kept as `<name>.bak` when `force`
/// allows replacing it.
pub fn write(ctx: &Context, config: &PartialConfig, force: bool) -> anyhow::Result<()> {
    let path = &ctx.config_path;
    if path.exists() {
        if !force {
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
        output::note(&tf(
            ctx.lang,
            "msg.setup.backup",
            &[("path", &backup.display())],
        ));
    }
    config::write_file(path, config)?;
    output::note(&tf(
        ctx.lang,
        "msg.setup.written",
        &[("path", &path.display())],
    ));
    Ok(())
}

fn backup_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}
