//! Records the REST API returns, read leniently: numbers may arrive as
//! strings, flags as 0/1 or booleans, and unknown fields are ignored.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

fn lenient_i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

fn lenient_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Bool(b) => Some(b),
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        Value::String(s) => match s.trim() {
            "1" | "true" => Some(true),
            "0" | "false" | "" => Some(false),
            _ => None,
        },
        _ => None,
    })
}

fn lenient_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Ticket {
    #[serde(deserialize_with = "lenient_i64")]
    pub id: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub type_id: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub status_id: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub plenty_id: Option<i64>,
    #[serde(deserialize_with = "lenient_text")]
    pub title: String,
    #[serde(deserialize_with = "lenient_text")]
    pub source: String,
    #[serde(deserialize_with = "lenient_text")]
    pub created_at: String,
    pub owners: Vec<TicketOwner>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TicketOwner {
    #[serde(deserialize_with = "lenient_i64")]
    pub user_id: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub role_id: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TicketMessage {
    #[serde(deserialize_with = "lenient_i64")]
    pub id: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub ticket_id: Option<i64>,
    #[serde(rename = "type", deserialize_with = "lenient_text")]
    pub kind: String,
    #[serde(deserialize_with = "lenient_text")]
    pub text: String,
}

/// One language's name of a ticket type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TypeName {
    #[serde(deserialize_with = "lenient_i64")]
    pub type_id: Option<i64>,
    #[serde(deserialize_with = "lenient_text")]
    pub lang: String,
    #[serde(deserialize_with = "lenient_text")]
    pub name: String,
}

/// One language's name of a ticket status; `type_id` only from the
/// `status/type/names` route.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StatusName {
    #[serde(deserialize_with = "lenient_i64")]
    pub status_id: Option<i64>,
    #[serde(deserialize_with = "lenient_i64")]
    pub type_id: Option<i64>,
    #[serde(deserialize_with = "lenient_text")]
    pub lang: String,
    #[serde(deserialize_with = "lenient_text")]
    pub name: String,
}

/// A back-end user; `ticket` is the "Ticket" option owners need.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BackendUser {
    #[serde(deserialize_with = "lenient_i64")]
    pub id: Option<i64>,
    #[serde(deserialize_with = "lenient_text")]
    pub user: String,
    #[serde(deserialize_with = "lenient_text")]
    pub real_name: String,
    #[serde(deserialize_with = "lenient_text")]
    pub email: String,
    #[serde(deserialize_with = "lenient_bool")]
    pub disabled: Option<bool>,
    #[serde(deserialize_with = "lenient_bool")]
    pub ticket: Option<bool>,
}

/// A webstore (client); its `store_identifier` is the plentyId.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Webstore {
    #[serde(deserialize_with = "lenient_i64")]
    pub id: Option<i64>,
    #[serde(deserialize_with = "lenient_text")]
    pub name: String,
    #[serde(deserialize_with = "lenient_i64")]
    pub store_identifier: Option<i64>,
}

/// One page of a list: from the paged envelope, or a bare array taken as
/// the only page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub entries: Vec<T>,
    pub is_last_page: bool,
}

impl<T: for<'de> Deserialize<'de>> Page<T> {
    pub fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Array(items) => Ok(Page {
                entries: parse_items(items)?,
                is_last_page: true,
            }),
            Value::Object(mut map) => {
                let entries = match map.remove("entries") {
                    Some(Value::Array(items)) => parse_items(items)?,
                    Some(Value::Null) | None => Vec::new(),
                    Some(_) => return Err("`entries` is not an array".into()),
                };
                let is_last_page = map
                    .get("isLastPage")
                    .and_then(Value::as_bool)
                    .unwrap_or(true);
                Ok(Page {
                    entries,
                    is_last_page,
                })
            }
            _ => Err("expected a list or a paged envelope".into()),
        }
    }
}

fn parse_items<T: for<'de> Deserialize<'de>>(items: Vec<Value>) -> Result<Vec<T>, String> {
    items
        .into_iter()
        .map(|item| serde_json::from_value(item).map_err(|e| e.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn envelope_and_bare_array() {
        let envelope =
            json!({"page": 1, "isLastPage": false, "entries": [{"id": 1, "title": "a"}]});
        let page: Page<Ticket> = Page::from_value(envelope).unwrap();
        assert_eq!(page.entries[0].id, Some(1));
        assert!(!page.is_last_page);
        let bare: Page<Webstore> =
            Page::from_value(json!([{"id": 0, "storeIdentifier": "1000"}])).unwrap();
        assert_eq!(bare.entries[0].store_identifier, Some(1000));
        assert!(bare.is_last_page);
    }

    #[test]
    fn lenient_user_flags() {
        let user: BackendUser = serde_json::from_value(
            json!({"id": "7", "disabled": 0, "ticket": "1", "realName": null}),
        )
        .unwrap();
        assert_eq!(user.id, Some(7));
        assert_eq!(user.disabled, Some(false));
        assert_eq!(user.ticket, Some(true));
    }
}
