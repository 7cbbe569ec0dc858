//! The wizard's choices from plentymarkets lists: plentyId, ticket type,
//! status, role and owners. Where a list cannot be read, the reason is
//! shown and the ID is asked for directly.

use crate::i18n::{t, tf, Lang};
use crate::plenty::lists::{self, NamedStatus};
use crate::plenty::model::BackendUser;
use crate::plenty::{PlentyClient, PlentyError};
use crate::prompt::Prompter;

/// A chosen ID with the text the summary shows for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: i64,
    pub label: String,
}

impl Choice {
    /// Creates a choice known by its ID alone, such as one given as a flag.
    pub fn bare(id: i64) -> Self {
        Choice {
            id,
            label: id.to_string(),
        }
    }

    fn named(id: i64, name: &str) -> Self {
        Choice {
            id,
            label: format!("{id} ({name})"),
        }
    }
}

pub async fn plenty_id(
    prompter: &Prompter,
    lang: Lang,
    client: &PlentyClient,
    known: Option<i64>,
) -> anyhow::Result<Choice> {
    let prompt = t(lang, "prompt.plenty_id");
    let stores = match client.webstores().await {
        Ok(stores) => stores,
        Err(error) => return fallback(prompter, lang, &error, prompt, known),
    };
    let stores: Vec<(i64, String)> = stores
        .iter()
        .filter_map(|store| Some((store.store_identifier?, store.name.clone())))
        .collect();
    match stores.as_slice() {
        [] => Ok(Choice::bare(ask_id(prompter, lang, prompt, known)?)),
        [(id, name)] => {
            prompter.say(&tf(
                lang,
                "msg.setup.only_webstore",
                &[("name", name), ("id", id)],
            ));
            Ok(Choice::named(*id, name))
        }
        _ => {
            let items: Vec<String> = stores
                .iter()
                .map(|(id, name)| tf(lang, "prompt.webstore_item", &[("name", name), ("id", id)]))
                .collect();
            let default = position(stores.iter().map(|(id, _)| *id), known);
            let index = prompter.select(prompt, &items, default)?;
            let (id, name) = &stores[index];
            Ok(Choice::named(*id, name))
        }
    }
}

pub async fn ticket_type(
    prompter: &Prompter,
    lang: Lang,
    client: &PlentyClient,
    known: Option<i64>,
) -> anyhow::Result<Choice> {
    let prompt = t(lang, "prompt.type");
    let types = match client.type_names().await {
        Ok(rows) => lists::types(&rows, lang),
        Err(error) => return fallback(prompter, lang, &error, prompt, known),
    };
    if types.is_empty() {
        prompter.say(t(lang, "msg.setup.no_types"));
        return Ok(Choice::bare(ask_id(prompter, lang, prompt, known)?));
    }
    let items: Vec<String> = types
        .iter()
        .map(|named| format!("{} ({})", named.name, named.type_id))
        .collect();
    let default = position(types.iter().map(|named| named.type_id), known);
    let chosen = &types[prompter.select(prompt, &items, default)?];
    Ok(Choice::named(chosen.type_id, &chosen.name))
}

/// Offers the statuses of `type_id` where plentymarkets ties statuses to
/// types, and every status where it does not.
pub async fn status(
    prompter: &Prompter,
    lang: Lang,
    client: &PlentyClient,
    type_id: i64,
    known: Option<i64>,
) -> anyhow::Result<Choice> {
    let prompt = t(lang, "prompt.status");
    let all = match lists::status_rows(client).await {
        Ok(rows) => lists::statuses(&rows, lang),
        Err(error) => return fallback(prompter, lang, &error, prompt, known),
    };
    let typed = all.iter().any(|status| status.type_id.is_some());
    let mut offered: Vec<&NamedStatus> = all
        .iter()
        .filter(|status| !typed || status.type_id == Some(type_id))
        .collect();
    if offered.is_empty() && !all.is_empty() {
        prompter.say(&tf(
            lang,
            "msg.setup.no_status_of_type",
            &[("id", &type_id)],
        ));
        offered = all.iter().collect();
    }
    if offered.is_empty() {
        prompter.say(t(lang, "msg.setup.no_statuses"));
        return Ok(Choice::bare(ask_id(prompter, lang, prompt, known)?));
    }
    let items: Vec<String> = offered
        .iter()
        .map(|status| format!("{} ({})", status.name, status.status_id))
        .collect();
    let default = position(offered.iter().map(|status| status.status_id), known);
    let chosen = offered[prompter.select(prompt, &items, default)?];
    Ok(Choice::named(chosen.status_id, &chosen.name))
}

/// Shows the role IDs seen on ticket owners, since plentymarkets has no
/// route that lists roles, and accepts one of them or any other ID.
pub async fn role(
    prompter: &Prompter,
    lang: Lang,
    client: &PlentyClient,
    known: Option<i64>,
) -> anyhow::Result<Choice> {
    let prompt = t(lang, "prompt.role");
    prompter.say(t(lang, "hint.roles.where"));
    let survey = prompter
        .spin(
            t(lang, "msg.setup.reading_roles"),
            lists::roles_in_use(client),
        )
        .await;
    let survey = match survey {
        Ok(survey) => survey,
        Err(error) => return fallback(prompter, lang, &error, prompt, known),
    };
    if survey.roles.is_empty() {
        prompter.say(&tf(
            lang,
            "msg.setup.no_roles_seen",
            &[("count", &survey.tickets_scanned)],
        ));
        return Ok(Choice::bare(ask_id(prompter, lang, prompt, known)?));
    }
    let mut items: Vec<String> = survey
        .roles
        .iter()
        .map(|role| {
            tf(
                lang,
                "prompt.role_item",
                &[("id", &role.role_id), ("count", &role.tickets)],
            )
        })
        .collect();
    items.push(t(lang, "prompt.role_other").to_string());
    let most_used = survey
        .roles
        .iter()
        .enumerate()
        .max_by_key(|(_, role)| role.tickets)
        .map_or(0, |(index, _)| index);
    let default = match known {
        Some(id) => survey
            .roles
            .iter()
            .position(|role| role.role_id == id)
            .unwrap_or(survey.roles.len()),
        None => most_used,
    };
    let index = prompter.select(prompt, &items, default)?;
    match survey.roles.get(index) {
        Some(role) => Ok(Choice::bare(role.role_id)),
        None => Ok(Choice::bare(ask_id(prompter, lang, prompt, known)?)),
    }
}

/// Offers every back-end user, marking those plentymarkets would not
/// offer as owners; choosing one of those needs a confirmation.
pub async fn owners(
    prompter: &Prompter,
    lang: Lang,
    client: &PlentyClient,
    known: &[i64],
) -> anyhow::Result<Vec<Choice>> {
    let prompt = t(lang, "prompt.owners");
    let users = match client.users().await {
        Ok(users) => users,
        Err(error) => {
            prompter.say(&tf(
                lang,
                "msg.setup.list_failed",
                &[("error", &error.localized(lang))],
            ));
            return Ok(ask_ids(prompter, lang, prompt, known)?);
        }
    };
    let users: Vec<&BackendUser> = users.iter().filter(|user| user.id.is_some()).collect();
    if users.is_empty() {
        return Ok(ask_ids(prompter, lang, prompt, known)?);
    }
    let items: Vec<String> = users.iter().map(|user| user_item(lang, user)).collect();
    let mut checked: Vec<bool> = users
        .iter()
        .map(|user| user.id.is_some_and(|id| known.contains(&id)))
        .collect();
    loop {
        let chosen = prompter.multi_select(prompt, &items, &checked)?;
        if chosen.is_empty() {
            prompter.say(t(lang, "msg.setup.owner_required"));
            continue;
        }
        let flagged: Vec<String> = chosen
            .iter()
            .filter(|index| !is_usable_owner(users[**index]))
            .map(|index| items[*index].clone())
            .collect();
        if !flagged.is_empty() {
            prompter.say(&tf(
                lang,
                "msg.setup.owner_warning",
                &[("users", &flagged.join("; "))],
            ));
            if !prompter.confirm(t(lang, "prompt.keep_owners"), false)? {
                checked = (0..users.len())
                    .map(|index| chosen.contains(&index))
                    .collect();
                continue;
            }
        }
        return Ok(chosen
            .iter()
            .map(|index| {
                let user = users[*index];
                Choice::named(user.id.unwrap_or_default(), &user.real_name)
            })
            .collect());
    }
}

/// True for a user plentymarkets offers as ticket owner: enabled and with
/// the "Ticket" option.
fn is_usable_owner(user: &BackendUser) -> bool {
    user.ticket == Some(true) && user.disabled != Some(true)
}

fn user_item(lang: Lang, user: &BackendUser) -> String {
    let mut text = format!("{} ({}, {})", user.real_name, user.user, user.email);
    if user.ticket != Some(true) {
        text.push_str(" – ");
        text.push_str(t(lang, "label.no_ticket_option"));
    }
    if user.disabled == Some(true) {
        text.push_str(" – ");
        text.push_str(t(lang, "label.disabled"));
    }
    text
}

/// Index of `known` among `ids`, or 0.
fn position(ids: impl Iterator<Item = i64>, known: Option<i64>) -> usize {
    let mut ids = ids;
    known
        .and_then(|wanted| ids.position(|id| id == wanted))
        .unwrap_or(0)
}

/// Shows why a list could not be read, then prompts for the ID instead.
fn fallback(
    prompter: &Prompter,
    lang: Lang,
    error: &PlentyError,
    prompt: &str,
    known: Option<i64>,
) -> anyhow::Result<Choice> {
    prompter.say(&tf(
        lang,
        "msg.setup.list_failed",
        &[("error", &error.localized(lang))],
    ));
    Ok(Choice::bare(ask_id(prompter, lang, prompt, known)?))
}

fn ask_id(
    prompter: &Prompter,
    lang: Lang,
    prompt: &str,
    known: Option<i64>,
) -> std::io::Result<i64> {
    let default = known.map(|id| id.to_string());
    prompter.ask(prompt, default.as_deref(), |text| {
        match text.parse::<i64>() {
            Ok(id) if id > 0 => Ok(id),
            _ => Err(tf(lang, "msg.prompt.not_an_id", &[("value", &text)])),
        }
    })
}

fn ask_ids(
    prompter: &Prompter,
    lang: Lang,
    prompt: &str,
    known: &[i64],
) -> std::io::Result<Vec<Choice>> {
    let default: Vec<String> = known.iter().map(i64::to_string).collect();
    let default = (!default.is_empty()).then(|| default.join(","));
    prompter.ask(
        prompt,
        default.as_deref(),
        |text| match crate::config::parse_id_list(text) {
            Some(ids) if !ids.is_empty() && ids.iter().all(|id| *id > 0) => {
                Ok(ids.into_iter().map(Choice::bare).collect())
            }
            _ => Err(tf(lang, "msg.prompt.not_an_id", &[("value", &text)])),
        },
    )
}
