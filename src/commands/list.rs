//! `list types | statuses | roles | users | webstores`: what the
//! plentymarkets system offers, as a table or as JSON with stable keys.

use serde::Serialize;

use crate::app::Context;
use crate::cli::{ListCommand, OutputFormat};
use crate::config::PartialConfig;
use crate::i18n::{t, tf, Lang};
use crate::output;
use crate::plenty::lists::{self, NamedStatus, NamedType, RoleSurvey};
use crate::plenty::model::{BackendUser, Webstore};
use crate::plenty::PlentyClient;

pub async fn run(ctx: &Context, command: ListCommand) -> anyhow::Result<()> {
    let merged = ctx.layered_with_file(PartialConfig::default())?;
    let client = super::client(&merged)?;
    let lang = ctx.lang;
    match command {
        ListCommand::Types(args) => {
            let types = lists::types(&client.type_names().await?, lang);
            show(args.output, &types, || types_table(lang, &types))
        }
        ListCommand::Statuses(args) => {
            let mut statuses = lists::statuses(&lists::status_rows(&client).await?, lang);
            if let Some(type_id) = args.type_id {
                statuses.retain(|status| status.type_id == Some(type_id));
            }
            let types = lists::types(&client.type_names().await?, lang);
            show(args.output, &statuses, || {
                statuses_table(lang, &statuses, &types)
            })
        }
        ListCommand::Roles(args) => roles(&client, lang, args.output).await,
        ListCommand::Users(args) => {
            let users: Vec<UserRow> = client.users().await?.iter().map(UserRow::from).collect();
            show(args.output, &users, || users_table(lang, &users))
        }
        ListCommand::Webstores(args) => {
            let stores: Vec<WebstoreRow> = client
                .webstores()
                .await?
                .iter()
                .filter_map(WebstoreRow::from_webstore)
                .collect();
            show(args.output, &stores, || webstores_table(lang, &stores))
        }
    }
}

/// Prints `rows` as JSON, or the table `render` builds.
fn show<T: Serialize>(
    format: OutputFormat,
    rows: &T,
    render: impl FnOnce() -> String,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => output::json(rows),
        OutputFormat::Table => {
            println!("{}", render());
            Ok(())
        }
    }
}

fn types_table(lang: Lang, types: &[NamedType]) -> String {
    let mut table = output::table(vec![t(lang, "col.id"), t(lang, "col.name")]);
    for named in types {
        table.add_row(vec![named.type_id.to_string(), named.name.clone()]);
    }
    table.to_string()
}

fn statuses_table(lang: Lang, statuses: &[NamedStatus], types: &[NamedType]) -> String {
    let mut table = output::table(vec![
        t(lang, "col.id"),
        t(lang, "col.name"),
        t(lang, "col.type"),
    ]);
    for status in statuses {
        let type_text = match status.type_id {
            Some(type_id) => match types.iter().find(|named| named.type_id == type_id) {
                Some(named) => format!("{} ({type_id})", named.name),
                None => type_id.to_string(),
            },
            None => t(lang, "label.unknown").to_string(),
        };
        table.add_row(vec![
            status.status_id.to_string(),
            status.name.clone(),
            type_text,
        ]);
    }
    table.to_string()
}

async fn roles(client: &PlentyClient, lang: Lang, format: OutputFormat) -> anyhow::Result<()> {
    let survey = lists::roles_in_use(client).await?;
    show(format, &survey, || roles_text(lang, &survey))
}

/// Renders the roles table below lines that explain where the IDs come from.
pub fn roles_text(lang: Lang, survey: &RoleSurvey) -> String {
    let mut lines = vec![tf(
        lang,
        "msg.roles.seen_on_tickets",
        &[("count", &survey.tickets_scanned)],
    )];
    if !survey.all_tickets_scanned {
        lines.push(t(lang, "msg.roles.partial").to_string());
    }
    lines.push(t(lang, "hint.roles.where").to_string());
    let mut table = output::table(vec![t(lang, "col.role_id"), t(lang, "col.tickets")]);
    for role in &survey.roles {
        table.add_row(vec![role.role_id.to_string(), role.tickets.to_string()]);
    }
    lines.push(table.to_string());
    lines.join("\n")
}

/// A back-end user as `list users --output json` prints it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct UserRow {
    user_id: Option<i64>,
    login: String,
    name: String,
    email: String,
    disabled: bool,
    ticket_option: bool,
}

impl From<&BackendUser> for UserRow {
    fn from(user: &BackendUser) -> Self {
        UserRow {
            user_id: user.id,
            login: user.user.clone(),
            name: user.real_name.clone(),
            email: user.email.clone(),
            disabled: user.disabled.unwrap_or(false),
            ticket_option: user.ticket.unwrap_or(false),
        }
    }
}

fn users_table(lang: Lang, users: &[UserRow]) -> String {
    let mut table = output::table(vec![
        t(lang, "col.id"),
        t(lang, "col.login"),
        t(lang, "col.name"),
        t(lang, "col.email"),
        t(lang, "col.ticket_option"),
        t(lang, "col.account"),
    ]);
    for user in users {
        let yes_no = |flag: bool| t(lang, if flag { "label.yes" } else { "label.no" });
        let account = if user.disabled {
            "label.disabled"
        } else {
            "label.enabled"
        };
        table.add_row(vec![
            user.user_id.map(|id| id.to_string()).unwrap_or_default(),
            user.login.clone(),
            user.name.clone(),
            user.email.clone(),
            yes_no(user.ticket_option).to_string(),
            t(lang, account).to_string(),
        ]);
    }
    table.to_string()
}

/// A webstore as `list webstores --output json` prints it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WebstoreRow {
    plenty_id: i64,
    name: String,
    webstore_id: Option<i64>,
}

impl WebstoreRow {
    /// `None` for a webstore without a plentyId, which no ticket can use.
    fn from_webstore(store: &Webstore) -> Option<Self> {
        Some(WebstoreRow {
            plenty_id: store.store_identifier?,
            name: store.name.clone(),
            webstore_id: store.id,
        })
    }
}

fn webstores_table(lang: Lang, stores: &[WebstoreRow]) -> String {
    let mut table = output::table(vec![t(lang, "col.plenty_id"), t(lang, "col.name")]);
    for store in stores {
        table.add_row(vec![store.plenty_id.to_string(), store.name.clone()]);
    }
    table.to_string()
}
