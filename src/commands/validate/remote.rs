//! Checks against plentymarkets: the address, the login, the REST rights
//! and every ID in the configuration.

use std::time::Duration;

use super::check::{Check, Outcome};
use crate::config::{Connection, TicketSection};
use crate::i18n::{t, tf, Lang};
use crate::plenty::lists::{self, NamedStatus, NamedType, RoleSurvey};
use crate::plenty::model::{BackendUser, Webstore};
use crate::plenty::token::TokenCache;
use crate::plenty::{ClientOptions, PlentyClient, PlentyError};

/// Everything the ID checks compare against, one result per route.
struct Lists {
    webstores: Result<Vec<Webstore>, PlentyError>,
    types: Result<Vec<NamedType>, PlentyError>,
    statuses: Result<Vec<NamedStatus>, PlentyError>,
    users: Result<Vec<BackendUser>, PlentyError>,
    roles: Result<RoleSurvey, PlentyError>,
}

/// Rows that depend on a working login, in report order.
const DEPENDENT: [(&str, &str); 6] = [
    ("plenty.rights", "check.name.rights"),
    ("ticket.plenty_id", "check.name.plenty_id"),
    ("ticket.type_id", "check.name.type"),
    ("ticket.status_id", "check.name.status"),
    ("ticket.owner_ids", "check.name.owners"),
    ("ticket.role_id", "check.name.role"),
];

/// Runs the plentymarkets checks. It logs in afresh, without the token
/// cache, so the stored password is what is tested, and logs out at the
/// end to free the session.
pub async fn checks(
    lang: Lang,
    connection: Option<Connection>,
    ticket: &TicketSection,
) -> Vec<Check> {
    let Some(connection) = connection else {
        return skipped_all(lang, t(lang, "check.skipped.no_connection"));
    };

    let options = ClientOptions {
        timeout: Duration::from_secs(20),
        token_cache: TokenCache::disabled(),
        ..ClientOptions::default()
    };
    let client = match PlentyClient::new(&connection, options) {
        Ok(client) => client,
        Err(error) => {
            let mut rows = vec![address_failed(lang, &error)];
            rows.extend(
                skipped_all(lang, t(lang, "check.skipped.no_address"))
                    .into_iter()
                    .skip(1),
            );
            return rows;
        }
    };

    let mut rows = match client.token().await {
        Ok(_) => vec![address_ok(lang, &connection), login_ok(lang, &connection)],
        Err(error) if is_login_error(&error) => {
            let mut rows = vec![address_ok(lang, &connection), login_failed(lang, &error)];
            rows.extend(skipped_dependent(lang, t(lang, "check.skipped.no_login")));
            return rows;
        }
        Err(error) => {
            let mut rows = vec![address_failed(lang, &error)];
            rows.extend(
                skipped_all(lang, t(lang, "check.skipped.no_address"))
                    .into_iter()
                    .skip(1),
            );
            return rows;
        }
    };

    let lists = fetch(&client, lang).await;
    rows.push(rights_check(lang, &client, &lists));
    rows.push(plenty_id_check(lang, ticket.plenty_id, &lists.webstores));
    rows.push(type_check(lang, ticket.type_id, &lists.types));
    rows.push(status_check(lang, ticket, &lists));
    rows.extend(owner_checks(
        lang,
        ticket.owner_ids.as_deref().unwrap_or_default(),
        &lists.users,
    ));
    rows.push(role_check(lang, ticket.role_id, &lists.roles));

    if let Err(error) = client.logout().await {
        tracing::debug!(%error, "logout after validate failed");
    }
    rows
}

async fn fetch(client: &PlentyClient, lang: Lang) -> Lists {
    Lists {
        webstores: client.webstores().await,
        types: client
            .type_names()
            .await
            .map(|rows| lists::types(&rows, lang)),
        statuses: lists::status_rows(client)
            .await
            .map(|rows| lists::statuses(&rows, lang)),
        users: client.users().await,
        roles: lists::roles_in_use(client).await,
    }
}

/// Returns true for login failures: plentymarkets responded, but rejected
/// this user.
fn is_login_error(error: &PlentyError) -> bool {
    matches!(
        error,
        PlentyError::InvalidCredentials { .. }
            | PlentyError::LoginForbidden { .. }
            | PlentyError::TooManySessions { .. }
            | PlentyError::RateLimited { .. }
    )
}

fn address_ok(lang: Lang, connection: &Connection) -> Check {
    Check::new("plenty.address", t(lang, "check.name.address"), Outcome::Ok).detail(tf(
        lang,
        "check.address.ok",
        &[("url", &connection.base_url)],
    ))
}

fn address_failed(lang: Lang, error: &PlentyError) -> Check {
    Check::new(
        "plenty.address",
        t(lang, "check.name.address"),
        Outcome::Failed,
    )
    .detail(error.localized(lang))
    .fix("plenty-service-helper config set plentymarkets.base_url https://…")
}

fn login_ok(lang: Lang, connection: &Connection) -> Check {
    Check::new("plenty.login", t(lang, "check.name.login"), Outcome::Ok).detail(tf(
        lang,
        "check.login.ok",
        &[("user", &connection.username)],
    ))
}

fn login_failed(lang: Lang, error: &PlentyError) -> Check {
    Check::new("plenty.login", t(lang, "check.name.login"), Outcome::Failed)
        .detail(error.localized(lang))
        .fix(t(lang, "check.fix.login"))
}

/// Skipped rows for address, login and everything after them.
fn skipped_all(lang: Lang, reason: &str) -> Vec<Check> {
    let mut rows = vec![
        Check::new(
            "plenty.address",
            t(lang, "check.name.address"),
            Outcome::Skipped,
        )
        .detail(reason),
        Check::new(
            "plenty.login",
            t(lang, "check.name.login"),
            Outcome::Skipped,
        )
        .detail(reason),
    ];
    rows.extend(skipped_dependent(lang, reason));
    rows
}

fn skipped_dependent(lang: Lang, reason: &str) -> Vec<Check> {
    DEPENDENT
        .iter()
        .map(|(id, name)| Check::new(*id, t(lang, name), Outcome::Skipped).detail(reason))
        .collect()
}

/// Collects the route paths of the lists that returned 403.
fn forbidden_routes(client: &PlentyClient, lists: &Lists) -> Vec<String> {
    let errors = [
        lists.webstores.as_ref().err(),
        lists.types.as_ref().err(),
        lists.statuses.as_ref().err(),
        lists.users.as_ref().err(),
        lists.roles.as_ref().err(),
    ];
    errors
        .into_iter()
        .flatten()
        .filter_map(|error| match error {
            PlentyError::Forbidden { url } => Some(
                url.strip_prefix(client.base_url())
                    .unwrap_or(url)
                    .to_string(),
            ),
            _ => None,
        })
        .collect()
}

fn rights_check(lang: Lang, client: &PlentyClient, lists: &Lists) -> Check {
    let check = |outcome| Check::new("plenty.rights", t(lang, "check.name.rights"), outcome);
    let forbidden = forbidden_routes(client, lists);
    if forbidden.is_empty() {
        return check(Outcome::Ok).detail(t(lang, "check.rights.ok"));
    }
    check(Outcome::Failed)
        .detail(tf(
            lang,
            "check.rights.forbidden",
            &[("routes", &forbidden.join(", "))],
        ))
        .fix(t(lang, "check.fix.rights"))
}

/// Builds the row for a check whose list could not be read. After a 403 it
/// is skipped, since the rights row reports it, and failed otherwise.
fn list_error(id: &str, name: &str, lang: Lang, error: &PlentyError) -> Check {
    match error {
        PlentyError::Forbidden { .. } => {
            Check::new(id, name, Outcome::Skipped).detail(t(lang, "check.skipped.no_right"))
        }
        other => Check::new(id, name, Outcome::Failed).detail(other.localized(lang)),
    }
}

/// Returns the configured value when it is usable. `Err` contains the
/// skipped row when it is missing or not above 0, which the value check
/// reports.
fn usable(id: &str, name: &str, lang: Lang, value: Option<i64>) -> Result<i64, Check> {
    value.filter(|id| *id > 0).ok_or_else(|| {
        Check::new(id, name, Outcome::Skipped).detail(t(lang, "check.skipped.no_value"))
    })
}

fn choose_fix(lang: Lang, key: &str, choices: &[String]) -> String {
    tf(
        lang,
        "check.fix.choose",
        &[("choices", &choices.join(", ")), ("key", &key)],
    )
}

fn plenty_id_check(
    lang: Lang,
    value: Option<i64>,
    stores: &Result<Vec<Webstore>, PlentyError>,
) -> Check {
    let (id, name) = ("ticket.plenty_id", t(lang, "check.name.plenty_id"));
    let plenty_id = match usable(id, name, lang, value) {
        Ok(plenty_id) => plenty_id,
        Err(row) => return row,
    };
    let stores = match stores {
        Ok(stores) => stores,
        Err(error) => return list_error(id, name, lang, error),
    };
    if let Some(store) = stores
        .iter()
        .find(|s| s.store_identifier == Some(plenty_id))
    {
        return Check::new(id, name, Outcome::Ok).detail(format!("{plenty_id} ({})", store.name));
    }
    let choices: Vec<String> = stores
        .iter()
        .filter_map(|s| Some(format!("{} ({})", s.store_identifier?, s.name)))
        .collect();
    Check::new(id, name, Outcome::Failed)
        .detail(tf(lang, "check.plenty_id.unknown", &[("id", &plenty_id)]))
        .fix(choose_fix(lang, id, &choices))
}

fn type_check(
    lang: Lang,
    value: Option<i64>,
    types: &Result<Vec<NamedType>, PlentyError>,
) -> Check {
    let (id, name) = ("ticket.type_id", t(lang, "check.name.type"));
    let type_id = match usable(id, name, lang, value) {
        Ok(type_id) => type_id,
        Err(row) => return row,
    };
    let types = match types {
        Ok(types) => types,
        Err(error) => return list_error(id, name, lang, error),
    };
    if let Some(found) = types.iter().find(|named| named.type_id == type_id) {
        return Check::new(id, name, Outcome::Ok).detail(format!("{type_id} ({})", found.name));
    }
    let choices: Vec<String> = types
        .iter()
        .map(|named| format!("{} ({})", named.type_id, named.name))
        .collect();
    Check::new(id, name, Outcome::Failed)
        .detail(tf(lang, "check.type.unknown", &[("id", &type_id)]))
        .fix(choose_fix(lang, id, &choices))
}

fn status_check(lang: Lang, ticket: &TicketSection, lists: &Lists) -> Check {
    let (id, name) = ("ticket.status_id", t(lang, "check.name.status"));
    let status_id = match usable(id, name, lang, ticket.status_id) {
        Ok(status_id) => status_id,
        Err(row) => return row,
    };
    let statuses = match &lists.statuses {
        Ok(statuses) => statuses,
        Err(error) => return list_error(id, name, lang, error),
    };
    let type_id = ticket.type_id.filter(|id| *id > 0);
    let of_type: Vec<String> = statuses
        .iter()
        .filter(|s| type_id.is_none() || s.type_id.is_none() || s.type_id == type_id)
        .map(|s| format!("{} ({})", s.status_id, s.name))
        .collect();
    let Some(status) = statuses.iter().find(|s| s.status_id == status_id) else {
        return Check::new(id, name, Outcome::Failed)
            .detail(tf(lang, "check.status.unknown", &[("id", &status_id)]))
            .fix(choose_fix(lang, id, &of_type));
    };
    let shown = format!("{status_id} ({})", status.name);
    match (status.type_id, type_id) {
        (Some(actual), Some(wanted)) if actual != wanted => Check::new(id, name, Outcome::Failed)
            .detail(tf(
                lang,
                "check.status.other_type",
                &[("status", &shown), ("actual", &actual), ("wanted", &wanted)],
            ))
            .fix(choose_fix(lang, id, &of_type)),
        (None, _) => Check::new(id, name, Outcome::Ok).detail(tf(
            lang,
            "check.status.type_unknown",
            &[("status", &shown)],
        )),
        _ => Check::new(id, name, Outcome::Ok).detail(shown),
    }
}

fn owner_checks(
    lang: Lang,
    owner_ids: &[i64],
    users: &Result<Vec<BackendUser>, PlentyError>,
) -> Vec<Check> {
    let name_all = t(lang, "check.name.owners");
    if owner_ids.iter().all(|id| *id <= 0) {
        return vec![Check::new("ticket.owner_ids", name_all, Outcome::Skipped)
            .detail(t(lang, "check.skipped.no_value"))];
    }
    let users = match users {
        Ok(users) => users,
        Err(error) => return vec![list_error("ticket.owner_ids", name_all, lang, error)],
    };
    let choices: Vec<String> = users
        .iter()
        .filter(|u| u.ticket == Some(true) && u.disabled != Some(true))
        .filter_map(|u| Some(format!("{} ({})", u.id?, u.real_name)))
        .collect();
    let mut seen = Vec::new();
    let mut rows = Vec::new();
    for &owner in owner_ids.iter().filter(|id| **id > 0) {
        if seen.contains(&owner) {
            continue;
        }
        seen.push(owner);
        rows.push(owner_check(lang, owner, users, &choices));
    }
    rows
}

fn owner_check(lang: Lang, owner: i64, users: &[BackendUser], choices: &[String]) -> Check {
    let check = |outcome| {
        Check::new(
            format!("ticket.owner.{owner}"),
            tf(lang, "check.name.owner", &[("id", &owner)]),
            outcome,
        )
    };
    let other_owner = || tf(lang, "check.fix.owner", &[("choices", &choices.join(", "))]);
    let Some(user) = users.iter().find(|u| u.id == Some(owner)) else {
        return check(Outcome::Failed)
            .detail(tf(lang, "check.owner.unknown", &[("id", &owner)]))
            .fix(other_owner());
    };
    let shown = format!("{owner} ({}, {})", user.real_name, user.user);
    if user.disabled == Some(true) {
        return check(Outcome::Failed)
            .detail(tf(lang, "check.owner.disabled", &[("user", &shown)]))
            .fix(other_owner());
    }
    if user.ticket != Some(true) {
        return check(Outcome::Failed)
            .detail(tf(
                lang,
                "check.owner.no_ticket_option",
                &[("user", &shown)],
            ))
            .fix(other_owner());
    }
    check(Outcome::Ok).detail(shown)
}

fn role_check(lang: Lang, value: Option<i64>, survey: &Result<RoleSurvey, PlentyError>) -> Check {
    let (id, name) = ("ticket.role_id", t(lang, "check.name.role"));
    let role_id = match usable(id, name, lang, value) {
        Ok(role_id) => role_id,
        Err(row) => return row,
    };
    let survey = match survey {
        Ok(survey) => survey,
        Err(PlentyError::Forbidden { .. }) => {
            return Check::new(id, name, Outcome::Skipped).detail(t(lang, "check.skipped.no_right"))
        }
        Err(error) => {
            return Check::new(id, name, Outcome::Warning)
                .detail(tf(
                    lang,
                    "check.role.unreadable",
                    &[("error", &error.localized(lang))],
                ))
                .fix(t(lang, "hint.roles.where"))
        }
    };
    let scanned = survey.tickets_scanned;
    if let Some(count) = survey.tickets_with(role_id) {
        return Check::new(id, name, Outcome::Ok).detail(tf(
            lang,
            "check.role.seen",
            &[("id", &role_id), ("count", &count), ("scanned", &scanned)],
        ));
    }
    let seen: Vec<String> = survey.roles.iter().map(|r| r.role_id.to_string()).collect();
    let seen = if seen.is_empty() {
        "-".to_string()
    } else {
        seen.join(", ")
    };
    Check::new(id, name, Outcome::Warning)
        .detail(tf(
            lang,
            "check.role.unseen",
            &[("id", &role_id), ("scanned", &scanned), ("seen", &seen)],
        ))
        .fix(t(lang, "hint.roles.where"))
}
