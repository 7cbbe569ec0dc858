//! `ticket test`, `ticket list` and `ticket preview`; `ticket send-webhook`
//! lives in its own module.

use std::collections::HashMap;
use std::path::Path;

use serde_json::json;

use crate::app::Context;
use crate::cli::{OutputFormat, TicketCommand, TicketListArgs, TicketPreviewArgs, TicketTestArgs};
use crate::config::{self, PartialConfig};
use crate::deliver::deliver;
use crate::event::{self, PurchaseEvent};
use crate::i18n::{t, tf, Lang};
use crate::output;
use crate::plenty::TicketFilter;
use crate::secret::REDACTED;
use crate::ticket::{build_message, build_ticket, title};

pub async fn run(ctx: &Context, command: TicketCommand) -> anyhow::Result<()> {
    match command {
        TicketCommand::Test(args) => test(ctx, args).await,
        TicketCommand::List(args) => list(ctx, args).await,
        TicketCommand::Preview(args) => preview(ctx, args),
        TicketCommand::SendWebhook(args) => super::send_webhook::run(ctx, args).await,
    }
}

fn load_event(ctx: &Context, payload: Option<&Path>) -> anyhow::Result<PurchaseEvent> {
    let (bytes, source) = match payload {
        Some(path) => {
            let bytes = crate::paths::read_limited(path).map_err(|error| {
                anyhow::anyhow!(
                    "{}: {error}",
                    tf(ctx.lang, "err.payload.read", &[("path", &path.display())])
                )
            })?;
            (bytes, path.display().to_string())
        }
        None => (event::SAMPLE.as_bytes().to_vec(), "sample".to_string()),
    };
    event::parse(&bytes).map_err(|error| {
        crate::errors::UsageError(tf(
            ctx.lang,
            "err.payload.invalid",
            &[("source", &source), ("error", &error)],
        ))
        .into()
    })
}

async fn test(ctx: &Context, args: TicketTestArgs) -> anyhow::Result<()> {
    let event = load_event(ctx, args.payload.as_deref())?;
    let merged = ctx.layered_with_file(PartialConfig::default())?;
    let ticket = merged.ticket_settings()?;
    if args.dry_run {
        return dry_run(&merged, &ticket, &event, args.output);
    }
    let client = super::client(&merged)?;
    let spinner = output::spinner(t(ctx.lang, "msg.waiting.plenty").to_string());
    let delivered = deliver(&client, &ticket, &event).await?;
    drop(spinner);
    match args.output {
        OutputFormat::Json => output::json(
            &json!({"ticketId": delivered.ticket_id, "messageId": delivered.message_id}),
        ),
        OutputFormat::Table => {
            println!(
                "{}",
                tf(
                    ctx.lang,
                    "msg.ticket.created",
                    &[("ticket", &delivered.ticket_id)]
                )
            );
            Ok(())
        }
    }
}

/// Prints the requests a real run would send, with the password redacted.
fn dry_run(
    config: &PartialConfig,
    ticket: &config::TicketSettings,
    event: &PurchaseEvent,
    format: OutputFormat,
) -> anyhow::Result<()> {
    let base = config
        .plentymarkets
        .base_url
        .as_deref()
        .map(|url| config::normalize_base_url(url).unwrap_or_else(|_| url.to_string()))
        .unwrap_or_else(|| "<base_url>".to_string());
    let username = config.plentymarkets.username.clone().unwrap_or_default();
    let requests = json!([
        {"method": "POST", "url": format!("{base}/rest/login"), "body": {"username": username, "password": REDACTED}},
        {"method": "POST", "url": format!("{base}/rest/tickets"), "body": build_ticket(event, ticket)},
        {"method": "POST", "url": format!("{base}/rest/tickets/{{ticketId}}"), "body": build_message(event, ticket)},
    ]);
    match format {
        OutputFormat::Json => output::json(&requests),
        OutputFormat::Table => {
            for request in requests.as_array().expect("built as array") {
                println!(
                    "{} {}",
                    request["method"].as_str().unwrap_or_default(),
                    request["url"].as_str().unwrap_or_default()
                );
                println!("{}\n", serde_json::to_string_pretty(&request["body"])?);
            }
            Ok(())
        }
    }
}

/// Renders the message for a sample or given purchase with the configured
/// or given template, and sends nothing. Needs no configuration file.
fn preview(ctx: &Context, args: TicketPreviewArgs) -> anyhow::Result<()> {
    let event = load_event(ctx, args.payload.as_deref())?;
    let mut flags = PartialConfig::default();
    flags.ticket.message_template = args.template.map(|path| path.display().to_string());
    let merged = ctx.layered(flags);
    let template = merged.message_template()?;
    let lang = merged.ticket.message_language.unwrap_or(Lang::De);
    let text = template.render(&event, lang).map_err(|error| {
        config::ConfigError::Rejected(vec![config::Problem {
            spec: config::MESSAGE_TEMPLATE,
            issue: config::Issue::Template(error),
        }])
    })?;
    match args.output {
        OutputFormat::Json => output::json(&json!({
            "template": template.origin().to_string(),
            "language": lang,
            "type": merged.ticket.message_type.unwrap_or_default().as_str(),
            "title": title(event.first_item_name()),
            "text": text,
        })),
        OutputFormat::Table => {
            println!("{text}");
            Ok(())
        }
    }
}

async fn list(ctx: &Context, args: TicketListArgs) -> anyhow::Result<()> {
    let merged = ctx.layered_with_file(PartialConfig::default())?;
    let client = super::client(&merged)?;
    let filter = if args.all_types {
        TicketFilter::default()
    } else {
        TicketFilter {
            type_id: merged.ticket.type_id,
            plenty_id: merged.ticket.plenty_id,
            ..TicketFilter::default()
        }
    };
    let per_page = args.limit.clamp(1, 250);
    let spinner = output::spinner(t(ctx.lang, "msg.waiting.plenty").to_string());
    let page = client.tickets(&filter, 1, per_page).await?;
    let statuses = status_names(&client, ctx.lang).await;
    drop(spinner);
    match args.output {
        OutputFormat::Json => output::json(&page.entries),
        OutputFormat::Table => {
            let mut table = output::table(vec![
                t(ctx.lang, "col.id"),
                t(ctx.lang, "col.title"),
                t(ctx.lang, "col.status"),
                t(ctx.lang, "col.created"),
            ]);
            for ticket in &page.entries {
                let status = ticket.status_id.map(|id| match statuses.get(&id) {
                    Some(name) => format!("{name} ({id})"),
                    None => id.to_string(),
                });
                table.add_row(vec![
                    ticket.id.map(|id| id.to_string()).unwrap_or_default(),
                    ticket.title.clone(),
                    status.unwrap_or_default(),
                    ticket.created_at.clone(),
                ]);
            }
            println!("{table}");
            Ok(())
        }
    }
}

/// Status names in `lang`, falling back to the other language; empty when
/// the list cannot be read, since the table still shows the IDs.
async fn status_names(client: &crate::plenty::PlentyClient, lang: Lang) -> HashMap<i64, String> {
    let rows = client.status_names().await.unwrap_or_default();
    let mut names = HashMap::new();
    for wanted in [lang.other(), lang] {
        for row in rows.iter().filter(|r| r.lang == wanted.code()) {
            if let Some(id) = row.status_id {
                names.insert(id, row.name.clone());
            }
        }
    }
    names
}
