//! `config show | path | get | set`.

use serde_json::Value;

use crate::app::Context;
use crate::cli::{ConfigCommand, OutputFormat};
use crate::config::{self, PartialConfig};
use crate::errors::UsageError;
use crate::i18n::{t, tf};
use crate::output;
use crate::secret::REDACTED;

/// True when the file may hold `key`: the configuration types reject
/// unknown fields, so a document that sets only `key` to null parses
/// exactly when the key exists.
fn is_known_key(key: &str) -> bool {
    let mut tree = serde_json::json!({});
    let (section, name) = key.split_once('.').unwrap_or(("", key));
    if name.is_empty() || name.contains('.') {
        return false;
    }
    if section.is_empty() {
        tree[name] = Value::Null;
    } else {
        tree[section] = serde_json::json!({ name: Value::Null });
    }
    serde_json::from_value::<PartialConfig>(tree).is_ok()
}

/// Keys whose values are never printed.
const SECRET_KEYS: &[&str] = &[
    "plentymarkets.password",
    "webhook.secret",
    "webhook.signing_secret",
];

/// Keys whose values are whole numbers.
const NUMBER_KEYS: &[&str] = &[
    "webhook.max_body_bytes",
    "webhook.max_header_bytes",
    "webhook.request_timeout_secs",
    "webhook.max_concurrent_requests",
];

pub fn run(ctx: &Context, command: ConfigCommand) -> anyhow::Result<()> {
    match command {
        ConfigCommand::Path => {
            println!("{}", ctx.config_path.display());
            Ok(())
        }
        ConfigCommand::Show(args) => show(ctx, args.output),
        ConfigCommand::Get { key } => get(ctx, &key),
        ConfigCommand::Set { key, value } => set(ctx, &key, &value),
    }
}

fn file(ctx: &Context) -> anyhow::Result<PartialConfig> {
    ctx.file.clone().ok_or_else(|| {
        config::FileError::NotFound {
            path: ctx.config_path.clone(),
        }
        .into()
    })
}

/// Flattens the configuration into `section.key` pairs, secrets redacted.
fn flatten(config: &PartialConfig) -> Vec<(String, Value)> {
    let value = serde_json::to_value(config).expect("configuration serialises");
    let mut pairs = Vec::new();
    for (section, inner) in value.as_object().into_iter().flatten() {
        match inner {
            Value::Object(map) => {
                for (key, value) in map {
                    let full = format!("{section}.{key}");
                    let shown = if SECRET_KEYS.contains(&full.as_str()) {
                        Value::from(REDACTED)
                    } else {
                        value.clone()
                    };
                    pairs.push((full, shown));
                }
            }
            other => pairs.push((section.clone(), other.clone())),
        }
    }
    pairs
}

fn show(ctx: &Context, format: OutputFormat) -> anyhow::Result<()> {
    let pairs = flatten(&file(ctx)?);
    match format {
        OutputFormat::Json => {
            let map: serde_json::Map<String, Value> = pairs.into_iter().collect();
            output::json(&map)
        }
        OutputFormat::Table => {
            let mut table = output::table(vec![t(ctx.lang, "col.key"), t(ctx.lang, "col.value")]);
            for (key, value) in pairs {
                table.add_row(vec![key, display(&value)]);
            }
            println!("{table}");
            Ok(())
        }
    }
}

fn display(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn get(ctx: &Context, key: &str) -> anyhow::Result<()> {
    let pairs = flatten(&file(ctx)?);
    match pairs.iter().find(|(name, _)| name == key) {
        Some((_, value)) => {
            println!("{}", display(value));
            Ok(())
        }
        None if is_known_key(key) => {
            Err(UsageError(tf(ctx.lang, "err.config.unset", &[("key", &key)])).into())
        }
        None => Err(UsageError(tf(ctx.lang, "err.config.unknown_key", &[("key", &key)])).into()),
    }
}

fn set(ctx: &Context, key: &str, raw: &str) -> anyhow::Result<()> {
    if !is_known_key(key) {
        return Err(UsageError(tf(ctx.lang, "err.config.unknown_key", &[("key", &key)])).into());
    }
    let current = ctx.file.clone().unwrap_or_default();
    let mut tree = serde_json::to_value(&current).expect("configuration serialises");
    let value = parse_value(key, raw).ok_or_else(|| {
        UsageError(tf(
            ctx.lang,
            "err.config.bad_value",
            &[("key", &key), ("value", &raw)],
        ))
    })?;
    let (section, name) = key.split_once('.').unwrap_or(("", key));
    let slot = if section.is_empty() {
        &mut tree
    } else {
        &mut tree[section]
    };
    if !slot.is_object() {
        *slot = Value::Object(Default::default());
    }
    slot[name] = value;
    let updated: PartialConfig = serde_json::from_value(tree).map_err(|_| {
        UsageError(tf(
            ctx.lang,
            "err.config.bad_value",
            &[("key", &key), ("value", &raw)],
        ))
    })?;
    let dir = ctx.config_path.parent().unwrap_or(std::path::Path::new(""));
    check_key(&updated.clone().relative_to(dir), key)?;
    config::write_file(&ctx.config_path, &updated)?;
    let shown = if SECRET_KEYS.contains(&key) {
        REDACTED
    } else {
        raw
    };
    output::note(&tf(
        ctx.lang,
        "msg.config.set",
        &[("key", &key), ("value", &shown)],
    ));
    Ok(())
}

/// Parses a value by the key's type: ID lists, duration lists, whole
/// numbers or text. The base URL and webhook path are normalised as
/// `setup` does; a value that cannot be normalised is kept for
/// [`check_key`] to reject.
fn parse_value(key: &str, raw: &str) -> Option<Value> {
    if key == "delivery.retry_delays" {
        let parts: Vec<Value> = raw.split(',').map(|p| Value::from(p.trim())).collect();
        return Some(Value::from(parts));
    }
    if key == "ticket.owner_ids" {
        return config::parse_id_list(raw).map(Value::from);
    }
    if key.starts_with("ticket.") && key.ends_with("_id") || NUMBER_KEYS.contains(&key) {
        return raw.trim().parse::<i64>().ok().map(Value::from);
    }
    let normalized = match key {
        "plentymarkets.base_url" => config::normalize_base_url(raw).ok(),
        "webhook.path" => config::normalize_webhook_path(raw).ok(),
        _ => None,
    };
    Some(Value::from(
        normalized.unwrap_or_else(|| raw.trim().to_string()),
    ))
}

/// Validates the changed key with the same rules as `setup`.
fn check_key(config: &PartialConfig, key: &str) -> anyhow::Result<()> {
    let problems: Vec<_> = [
        config
            .connection(Some(crate::secret::Secret::new("-")))
            .err(),
        config.ticket_settings().err(),
        config.webhook_settings().err(),
        config.delivery_settings().err(),
    ]
    .into_iter()
    .flatten()
    .flat_map(|error| error.problems().to_vec())
    // A key that was just set is only "missing" when set to nothing.
    .filter(|problem| problem.spec.key == key)
    .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(config::ConfigError::Rejected(problems).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_keys_follow_the_types() {
        for key in [
            "lang",
            "ticket.type_id",
            "webhook.secret",
            "delivery.retention",
            "ticket.message_template",
        ] {
            assert!(is_known_key(key), "{key}");
        }
        for key in [
            "ticket.colour",
            "colour",
            "ticket",
            "ticket.type_id.x",
            "nothing.at_all",
        ] {
            assert!(!is_known_key(key), "{key}");
        }
    }
}
