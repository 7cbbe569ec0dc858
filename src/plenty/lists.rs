//! The lists `setup`, `list` and `validate` show: type and status names
//! picked by language, statuses with their type, and the role IDs seen on
//! tickets, since plentymarkets has no route that lists ticket roles.

use std::collections::BTreeMap;

use serde::Serialize;

use super::model::{StatusName, TypeName};
use super::{PlentyClient, PlentyError, TicketFilter};
use crate::i18n::Lang;

/// Tickets read per page while counting roles; the largest page the
/// sandbox serves, and plentymarkets documents no maximum.
const ROLE_SURVEY_PAGE_SIZE: u32 = 250;

/// Pages read at most while counting roles, so a large system costs at most
/// 20 read calls (5,000 tickets).
const ROLE_SURVEY_MAX_PAGES: u32 = 20;

/// A ticket type with its name in every language plentymarkets returned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedType {
    pub type_id: i64,
    /// The name in the requested language, else in the other one.
    pub name: String,
    pub names: BTreeMap<String, String>,
}

/// A ticket status with its names and, where known, its type.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedStatus {
    pub status_id: i64,
    pub type_id: Option<i64>,
    /// The name in the requested language, else in the other one.
    pub name: String,
    pub names: BTreeMap<String, String>,
}

/// A role ID seen on ticket owners, with the number of tickets using it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleUse {
    pub role_id: i64,
    pub tickets: u64,
}

/// The roles seen on the owners of existing tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleSurvey {
    pub roles: Vec<RoleUse>,
    pub tickets_scanned: u64,
    /// False when more tickets exist than were read.
    pub all_tickets_scanned: bool,
}

impl RoleSurvey {
    pub fn tickets_with(&self, role_id: i64) -> Option<u64> {
        self.roles
            .iter()
            .find(|role| role.role_id == role_id)
            .map(|role| role.tickets)
    }
}

/// Groups type name rows by `typeId`, ordered by ID. Rows without a
/// `typeId` are left out: their own `id` numbers the name row, not the type.
pub fn types(rows: &[TypeName], lang: Lang) -> Vec<NamedType> {
    let mut grouped: BTreeMap<i64, BTreeMap<String, String>> = BTreeMap::new();
    for row in rows {
        if let Some(type_id) = row.type_id {
            grouped
                .entry(type_id)
                .or_default()
                .insert(row.lang.clone(), row.name.clone());
        }
    }
    grouped
        .into_iter()
        .map(|(type_id, names)| NamedType {
            type_id,
            name: pick_name(&names, lang),
            names,
        })
        .collect()
}

/// Groups status name rows by `statusId`, ordered by ID, keeping the type
/// a row names.
pub fn statuses(rows: &[StatusName], lang: Lang) -> Vec<NamedStatus> {
    let mut grouped: BTreeMap<i64, (Option<i64>, BTreeMap<String, String>)> = BTreeMap::new();
    for row in rows {
        if let Some(status_id) = row.status_id {
            let entry = grouped.entry(status_id).or_default();
            entry.0 = entry.0.or(row.type_id);
            entry.1.insert(row.lang.clone(), row.name.clone());
        }
    }
    grouped
        .into_iter()
        .map(|(status_id, (type_id, names))| NamedStatus {
            status_id,
            type_id,
            name: pick_name(&names, lang),
            names,
        })
        .collect()
}

fn pick_name(names: &BTreeMap<String, String>, lang: Lang) -> String {
    [lang, lang.other()]
        .iter()
        .filter_map(|wanted| names.get(wanted.code()))
        .chain(names.values())
        .find(|name| !name.trim().is_empty())
        .cloned()
        .unwrap_or_default()
}

/// Reads the status names with the type of each status. The route with
/// types is tried first. Where it does not exist (404), the plain name list
/// is used, so no status has a known type.
pub async fn status_rows(client: &PlentyClient) -> Result<Vec<StatusName>, PlentyError> {
    match client.status_type_names().await {
        Err(PlentyError::Rejected { status: 404, .. }) => client.status_names().await,
        other => other,
    }
}

/// Counts the tickets per owner role over the first
/// [`ROLE_SURVEY_MAX_PAGES`] pages of `GET /rest/tickets`.
///
/// NOTE: the ticket list is asked for its owners with `with=owners`;
/// whether plentymarkets returns owners in the list at all is unverified.
/// Without them the survey finds no roles, which callers report as
/// "cannot be verified".
pub async fn roles_in_use(client: &PlentyClient) -> Result<RoleSurvey, PlentyError> {
    let filter = TicketFilter {
        with_owners: true,
        ..TicketFilter::default()
    };
    let mut counts: BTreeMap<i64, u64> = BTreeMap::new();
    let mut scanned = 0;
    let mut complete = false;
    for page_number in 1..=ROLE_SURVEY_MAX_PAGES {
        let page = client
            .tickets(&filter, page_number, ROLE_SURVEY_PAGE_SIZE)
            .await?;
        for ticket in &page.entries {
            scanned += 1;
            let mut roles: Vec<i64> = ticket.owners.iter().filter_map(|o| o.role_id).collect();
            roles.sort_unstable();
            roles.dedup();
            for role in roles {
                *counts.entry(role).or_default() += 1;
            }
        }
        if page.is_last_page || page.entries.is_empty() {
            complete = true;
            break;
        }
    }
    Ok(RoleSurvey {
        roles: counts
            .into_iter()
            .map(|(role_id, tickets)| RoleUse { role_id, tickets })
            .collect(),
        tickets_scanned: scanned,
        all_tickets_scanned: complete,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_row(type_id: i64, lang: &str, name: &str) -> TypeName {
        TypeName {
            type_id: Some(type_id),
            lang: lang.into(),
            name: name.into(),
        }
    }

    #[test]
    fn type_name_falls_back_to_other_language() {
        let rows = [
            type_row(4, "de", "Dienstleistung"),
            type_row(4, "en", "Service"),
            type_row(5, "de", "Reklamation"),
        ];
        let english = types(&rows, Lang::En);
        assert_eq!(english[0].name, "Service");
        assert_eq!(english[1].name, "Reklamation", "only German exists");
        let german = types(&rows, Lang::De);
        assert_eq!(german[0].name, "Dienstleistung");
    }

    #[test]
    fn status_keeps_type_and_skips_rows_without_id() {
        let rows = [
            StatusName {
                status_id: Some(11),
                type_id: Some(4),
                lang: "en".into(),
                name: "New (service)".into(),
            },
            StatusName {
                status_id: None,
                type_id: Some(4),
                lang: "en".into(),
                name: "orphan".into(),
            },
        ];
        let list = statuses(&rows, Lang::De);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].status_id, 11);
        assert_eq!(list[0].type_id, Some(4));
        assert_eq!(list[0].name, "New (service)");
    }
}
