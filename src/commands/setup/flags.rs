//! `setup --non-interactive`, and `setup` without a terminal: every value
//! from flags, nothing asked.

use std::io::Read;

use crate::app::Context;
use crate::cli::SetupArgs;
use crate::config::{self, PartialConfig};
use crate::errors::UsageError;
use crate::i18n::{t, tf, Lang};
use crate::secret::Secret;

/// Builds the configuration from flags alone and writes it.
pub async fn run(ctx: &Context, args: SetupArgs) -> anyhow::Result<()> {
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
    // Settings no flag sets (secrets, limits, delivery) stay as the
    // existing file has them.
    let mut config = from_flags(&args, password).over(ctx.file.clone().unwrap_or_default());
    if args.generate_secret {
        config.webhook.secret = Some(config::generate_secret());
    }
    config.settings(config::resolve_password(&config)?)?;
    super::write(ctx, &config, args.force)?;
    if args.generate_secret {
        print_webhook_url(ctx, &config);
    }
    if args.validate {
        return super::validate_written(ctx, config).await;
    }
    Ok(())
}

/// Prints the webhook URL with the new secret, the one time it is shown.
fn print_webhook_url(ctx: &Context, config: &PartialConfig) {
    let path = config.webhook.path.as_deref().unwrap_or_default();
    let secret = config.webhook.secret.as_ref().map(Secret::expose);
    let secret = secret.unwrap_or_default();
    println!(
        "{}",
        tf(
            ctx.lang,
            "msg.setup.webhook_url",
            &[("path", &path), ("secret", &secret)]
        )
    );
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
    config.ticket.message_language = Some(args.message_language.unwrap_or(Lang::De));
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
