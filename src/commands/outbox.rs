//! `outbox list | show | retry | purge`: the delivery state of each stored
//! event, and the commands that change it.

use serde_json::json;

use crate::app::Context;
use crate::cli::{OutboxCommand, OutputFormat};
use crate::config::{self, PartialConfig};
use crate::errors::UsageError;
use crate::i18n::{t, tf, Lang};
use crate::outbox::{self, now_ms, Entry, Outbox};
use crate::output;

pub async fn run(ctx: &Context, command: OutboxCommand) -> anyhow::Result<()> {
    let merged = ctx.layered(PartialConfig::default());
    let delivery = merged.delivery_settings()?;
    let path = match delivery.outbox_path.clone() {
        Some(path) => path,
        None => outbox::default_path()
            .ok_or_else(|| anyhow::anyhow!("no data directory found; set delivery.outbox_path"))?,
    };
    let outbox = Outbox::open(&path)?;
    match command {
        OutboxCommand::List(args) => {
            let entries = outbox.list(args.status, args.limit).await?;
            print_list(ctx.lang, &entries, args.output)
        }
        OutboxCommand::Show(args) => {
            let entry = outbox.get(args.id).await?.ok_or_else(|| {
                UsageError(tf(ctx.lang, "err.outbox.not_found", &[("id", &args.id)]))
            })?;
            print_one(ctx.lang, &entry, args.output)
        }
        OutboxCommand::Retry(args) => {
            let changed = outbox.retry(args.id).await?;
            if changed == 0 && args.id.is_some() {
                let id = args.id.unwrap_or_default();
                return Err(UsageError(tf(ctx.lang, "err.outbox.not_dead", &[("id", &id)])).into());
            }
            println!(
                "{}",
                tf(ctx.lang, "msg.outbox.retried", &[("count", &changed)])
            );
            Ok(())
        }
        OutboxCommand::Purge(args) => {
            let age = config::parse_duration(&args.older_than).ok_or_else(|| {
                UsageError(tf(
                    ctx.lang,
                    "err.outbox.bad_duration",
                    &[("value", &args.older_than)],
                ))
            })?;
            if age < delivery.retention {
                let retention = humantime::format_duration(delivery.retention).to_string();
                return Err(UsageError(tf(
                    ctx.lang,
                    "err.outbox.purge_too_young",
                    &[("value", &args.older_than), ("retention", &retention)],
                ))
                .into());
            }
            // A huge age must not wrap around into the present.
            let age_ms = i64::try_from(age.as_millis()).unwrap_or(i64::MAX);
            let removed = outbox.purge(now_ms().saturating_sub(age_ms)).await?;
            println!(
                "{}",
                tf(ctx.lang, "msg.outbox.purged", &[("count", &removed)])
            );
            Ok(())
        }
    }
}

fn time_text(ms: i64) -> String {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms.max(0) as u64);
    humantime::format_rfc3339_seconds(time).to_string()
}

fn print_list(lang: Lang, entries: &[Entry], format: OutputFormat) -> anyhow::Result<()> {
    if format == OutputFormat::Json {
        return output::json(&entries);
    }
    let mut table = output::table(vec![
        t(lang, "col.id"),
        t(lang, "col.order"),
        t(lang, "col.state"),
        t(lang, "col.ticket"),
        t(lang, "col.attempts"),
        t(lang, "col.received"),
        t(lang, "col.last_error"),
    ]);
    for entry in entries {
        table.add_row(vec![
            entry.id.to_string(),
            entry.order_id.clone(),
            entry.state.as_str().to_string(),
            entry.ticket_id.map(|id| id.to_string()).unwrap_or_default(),
            entry.attempts.to_string(),
            time_text(entry.received_at),
            entry
                .last_error
                .clone()
                .unwrap_or_default()
                .chars()
                .take(80)
                .collect(),
        ]);
    }
    println!("{table}");
    Ok(())
}

fn print_one(lang: Lang, entry: &Entry, format: OutputFormat) -> anyhow::Result<()> {
    if format == OutputFormat::Json {
        let mut value = serde_json::to_value(entry)?;
        value["payload_kept"] = json!(entry.payload.is_some());
        return output::json(&value);
    }
    let mut table = output::table(vec![t(lang, "col.key"), t(lang, "col.value")]);
    let optional = |value: Option<String>| value.unwrap_or_default();
    let rows = [
        ("id", entry.id.to_string()),
        ("order_id", entry.order_id.clone()),
        ("event_id", optional(entry.event_id.clone())),
        ("title", entry.title.clone()),
        ("state", entry.state.as_str().to_string()),
        (
            "ticket_id",
            optional(entry.ticket_id.map(|id| id.to_string())),
        ),
        (
            "message_id",
            optional(entry.message_id.map(|id| id.to_string())),
        ),
        ("attempts", entry.attempts.to_string()),
        ("received_at", time_text(entry.received_at)),
        ("next_attempt_at", time_text(entry.next_attempt_at)),
        ("last_error", optional(entry.last_error.clone())),
        ("dead_reason", optional(entry.dead_reason.clone())),
        ("payload_kept", entry.payload.is_some().to_string()),
    ];
    for (key, value) in rows {
        table.add_row(vec![key.to_string(), value]);
    }
    println!("{table}");
    Ok(())
}
