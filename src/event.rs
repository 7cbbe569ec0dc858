//! The plentyMarketplace purchase event (`SERVICE.PLUGIN.PURCHASE`).
//!
//! Only the fields the ticket needs are read; unknown fields are ignored.
//! `id`, `type`, `createdAt` and `address` may be absent, because the
//! replaced plugin read only `resource`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The event type this tool handles.
pub const PURCHASE_TYPE: &str = "SERVICE.PLUGIN.PURCHASE";

/// A purchase event, checked and reduced to what the ticket needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseEvent {
    pub id: Option<String>,
    pub created_at: Option<i64>,
    pub contact: Contact,
    pub order: Order,
}

/// The buying customer. Every field may be empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub gender: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// Marketplace order ID, as text so a string ID survives unchanged.
    pub id: String,
    pub paypal_transaction_id: String,
    pub items: Vec<OrderItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderItem {
    /// 0 marks rows that are no item, such as a payment fee.
    pub variation_id: i64,
    pub name: String,
    pub price_net: Price,
    pub price_gross: Price,
}

/// A price as sent: a decimal number, or text when the sender put
/// something else in a string.
#[derive(Debug, Clone, PartialEq)]
pub enum Price {
    Amount(Decimal),
    Text(String),
    Absent,
}

impl PurchaseEvent {
    /// Returns the first item's name, which the ticket title carries.
    pub fn first_item_name(&self) -> &str {
        &self.order.items[0].name
    }

    /// Items listed in the message: those with a variation ID above 0.
    pub fn listed_items(&self) -> impl Iterator<Item = &OrderItem> {
        self.order.items.iter().filter(|item| item.variation_id > 0)
    }
}

/// Rejection of an event, with the JSON path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("the body is not valid JSON: {0}")]
    Syntax(String),
    #[error("{path}: {problem}")]
    Invalid { path: String, problem: Problem },
}

impl EventError {
    pub fn path(&self) -> Option<&str> {
        match self {
            EventError::Syntax(_) => None,
            EventError::Invalid { path, .. } => Some(path),
        }
    }
}

/// Problem with one value of the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Empty,
    WrongType { expected: &'static str },
    WrongEventType { found: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing => f.write_str("is missing"),
            Problem::Empty => f.write_str("must not be empty"),
            Problem::WrongType { expected } => write!(f, "must be {expected}"),
            Problem::WrongEventType { found } => {
                write!(f, "is {found:?}, expected {PURCHASE_TYPE:?}")
            }
        }
    }
}

fn invalid(path: impl Into<String>, problem: Problem) -> EventError {
    EventError::Invalid {
        path: path.into(),
        problem,
    }
}

/// The built-in sample purchase, used where no payload file is given.
pub const SAMPLE: &str = include_str!("../assets/sample-event.json");

/// Parses [`SAMPLE`].
pub fn sample() -> PurchaseEvent {
    parse(SAMPLE.as_bytes()).expect("the sample purchase is valid")
}

/// Parses and checks a purchase event from the raw request body.
pub fn parse(body: &[u8]) -> Result<PurchaseEvent, EventError> {
    // A UTF-8 byte order mark is legal before JSON text but not JSON itself.
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let value: Value =
        serde_json::from_slice(body).map_err(|error| EventError::Syntax(error.to_string()))?;
    from_value(&value)
}

/// Checks a purchase event that is already JSON.
pub fn from_value(value: &Value) -> Result<PurchaseEvent, EventError> {
    let root = object(value, "$")?;
    let id = optional_text(root, "id", "$.id")?;
    if let Some(kind) = optional_text(root, "type", "$.type")? {
        if kind != PURCHASE_TYPE {
            return Err(invalid("$.type", Problem::WrongEventType { found: kind }));
        }
    }
    let created_at = match root.get("createdAt") {
        None | Some(Value::Null) => None,
        Some(value) => Some(value.as_i64().ok_or_else(|| {
            invalid(
                "$.createdAt",
                Problem::WrongType {
                    expected: "a Unix timestamp",
                },
            )
        })?),
    };
    let resource = object(required(root, "resource", "$")?, "$.resource")?;
    let contact = parse_contact(resource)?;
    let order = parse_order(resource)?;
    Ok(PurchaseEvent {
        id,
        created_at,
        contact,
        order,
    })
}

fn parse_contact(resource: &Map<String, Value>) -> Result<Contact, EventError> {
    let path = "$.resource.contact";
    let contact = object(required(resource, "contact", "$.resource")?, path)?;
    let field = |key: &str| -> Result<String, EventError> {
        Ok(optional_text(contact, key, &format!("{path}.{key}"))?.unwrap_or_default())
    };
    Ok(Contact {
        gender: field("gender")?,
        first_name: field("firstName")?,
        last_name: field("lastName")?,
        email: field("email")?,
    })
}

fn parse_order(resource: &Map<String, Value>) -> Result<Order, EventError> {
    let path = "$.resource.order";
    let order = object(required(resource, "order", "$.resource")?, path)?;
    let id = order_id(required(order, "id", path)?)?;
    let paypal_transaction_id = optional_text(
        order,
        "payPalTransactionId",
        "$.resource.order.payPalTransactionId",
    )?
    .unwrap_or_default();

    let items_path = "$.resource.order.orderItems";
    let items = match required(order, "orderItems", path)? {
        Value::Array(items) => items,
        _ => {
            return Err(invalid(
                items_path,
                Problem::WrongType {
                    expected: "an array",
                },
            ))
        }
    };
    if items.is_empty() {
        return Err(invalid(items_path, Problem::Empty));
    }
    let items = items
        .iter()
        .enumerate()
        .map(|(index, item)| parse_item(item, &format!("{items_path}[{index}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Order {
        id,
        paypal_transaction_id,
        items,
    })
}

/// Reads the order ID, the key that deduplicates deliveries. A number and
/// a string of digits name the same order, so both become the digits
/// without leading zeros; other strings are kept as sent, trimmed.
fn order_id(value: &Value) -> Result<String, EventError> {
    let path = "$.resource.order.id";
    let positive = Problem::WrongType {
        expected: "a whole number above 0",
    };
    let text = match value {
        Value::Number(number) => match number.as_u64() {
            Some(id) if id > 0 => return Ok(id.to_string()),
            _ => return Err(invalid(path, positive)),
        },
        Value::String(text) => text.trim().to_string(),
        Value::Null => return Err(invalid(path, Problem::Missing)),
        _ => {
            return Err(invalid(
                path,
                Problem::WrongType {
                    expected: "a whole number",
                },
            ))
        }
    };
    if text.is_empty() {
        return Err(invalid(path, Problem::Empty));
    }
    if text.len() > 200 || text.chars().any(char::is_control) {
        let expected = "at most 200 characters without control characters";
        return Err(invalid(path, Problem::WrongType { expected }));
    }
    let digits = text.strip_prefix('+').unwrap_or(&text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match digits.trim_start_matches('0') {
            "" => Err(invalid(path, positive)),
            canonical => Ok(canonical.to_string()),
        };
    }
    if text.starts_with('-') && text[1..].bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(path, positive));
    }
    Ok(text)
}

fn parse_item(value: &Value, path: &str) -> Result<OrderItem, EventError> {
    let item = object(value, path)?;
    let variation_id = match item.get("itemVariationId") {
        None | Some(Value::Null) => 0,
        Some(value) => integer(value).ok_or_else(|| {
            invalid(
                format!("{path}.itemVariationId"),
                Problem::WrongType {
                    expected: "a whole number",
                },
            )
        })?,
    };
    let name_path = format!("{path}.orderItemName");
    let name = optional_text(item, "orderItemName", &name_path)?
        .ok_or_else(|| invalid(&name_path, Problem::Missing))?;
    if name.trim().is_empty() {
        return Err(invalid(name_path, Problem::Empty));
    }
    Ok(OrderItem {
        variation_id,
        name,
        price_net: price(item.get("priceNet"), &format!("{path}.priceNet"))?,
        price_gross: price(item.get("priceGross"), &format!("{path}.priceGross"))?,
    })
}

fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(number) => number.as_i64().or_else(|| {
            number
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
                .map(|f| f as i64)
        }),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

fn price(value: Option<&Value>, path: &str) -> Result<Price, EventError> {
    match value {
        None | Some(Value::Null) => Ok(Price::Absent),
        Some(Value::Number(number)) => Decimal::from_str(&number.to_string())
            .or_else(|_| Decimal::from_scientific(&number.to_string()))
            .map(Price::Amount)
            .map_err(|_| {
                invalid(
                    path,
                    Problem::WrongType {
                        expected: "a decimal number",
                    },
                )
            }),
        Some(Value::String(text)) => Ok(match Decimal::from_str(text.trim()) {
            Ok(amount) => Price::Amount(amount),
            Err(_) => Price::Text(text.clone()),
        }),
        Some(_) => Err(invalid(
            path,
            Problem::WrongType {
                expected: "a decimal number",
            },
        )),
    }
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>, EventError> {
    value.as_object().ok_or_else(|| {
        invalid(
            path,
            Problem::WrongType {
                expected: "an object",
            },
        )
    })
}

fn required<'a>(
    map: &'a Map<String, Value>,
    key: &str,
    parent: &str,
) -> Result<&'a Value, EventError> {
    match map.get(key) {
        None | Some(Value::Null) => Err(invalid(format!("{parent}.{key}"), Problem::Missing)),
        Some(value) => Ok(value),
    }
}

/// Reads a text field. Numbers are accepted and kept as their digits,
/// because senders are not always strict about IDs.
fn optional_text(
    map: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<String>, EventError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(Value::Number(number)) => Ok(Some(number.to_string())),
        Some(_) => Err(invalid(
            path,
            Problem::WrongType {
                expected: "a string",
            },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        std::fs::read(path).unwrap()
    }

    #[test]
    fn basic_fixture_parses() {
        let event = parse(&fixture("purchase-basic.json")).unwrap();
        assert_eq!(
            event.id.as_deref(),
            Some("evt_3b1f0c9e2a7d4c58b6e1f2a3c4d5e6f7")
        );
        assert_eq!(event.order.id, "880001");
        assert_eq!(event.contact.first_name, "Erika");
        assert_eq!(event.first_item_name(), "Shop-Einrichtung Starterpaket");
        assert_eq!(
            event.order.items[0].price_gross,
            Price::Amount(Decimal::new(119, 0))
        );
    }

    #[test]
    fn legacy_fixture_without_envelope_fields() {
        let event = parse(&fixture("purchase-legacy-minimal.json")).unwrap();
        assert_eq!(event.id, None);
        assert_eq!(event.created_at, None);
        assert_eq!(event.order.id, "880003");
        assert_eq!(
            event.order.items[0].price_gross,
            Price::Amount(Decimal::new(595, 1))
        );
    }

    #[test]
    fn multi_item_fractional_prices_and_fee() {
        let event = parse(&fixture("purchase-multi-item.json")).unwrap();
        assert_eq!(event.order.items.len(), 3);
        assert_eq!(event.listed_items().count(), 2);
        assert_eq!(
            event.order.items[1].price_net,
            Price::Amount(Decimal::new(346021, 4))
        );
    }

    #[test]
    fn unknown_fields_ignored() {
        let body = br#"{"extra":1,"resource":{"contact":{"x":true},"order":{"id":5,"orderItems":[{"orderItemName":"A","itemVariationId":1,"new":[]}]}}}"#;
        assert!(parse(body).is_ok());
    }

    #[test]
    fn rejections_name_the_path() {
        let cases: &[(&str, &str)] = &[
            (r#"{"type":"OTHER","resource":{}}"#, "$.type"),
            (
                r#"{"resource":{"order":{"id":1,"orderItems":[{"orderItemName":"A"}]}}}"#,
                "$.resource.contact",
            ),
            (
                r#"{"resource":{"contact":{},"order":{"orderItems":[{"orderItemName":"A"}]}}}"#,
                "$.resource.order.id",
            ),
            (
                r#"{"resource":{"contact":{},"order":{"id":1}}}"#,
                "$.resource.order.orderItems",
            ),
            (
                r#"{"resource":{"contact":{},"order":{"id":1,"orderItems":[]}}}"#,
                "$.resource.order.orderItems",
            ),
            (
                r#"{"resource":{"contact":{},"order":{"id":1,"orderItems":[{"priceNet":1}]}}}"#,
                "$.resource.order.orderItems[0].orderItemName",
            ),
            (
                r#"{"resource":{"contact":{},"order":{"id":1,"orderItems":[{"orderItemName":"  "}]}}}"#,
                "$.resource.order.orderItems[0].orderItemName",
            ),
            (
                r#"{"resource":{"contact":{},"order":{"id":1,"orderItems":[{"orderItemName":"A","priceNet":[]}]}}}"#,
                "$.resource.order.orderItems[0].priceNet",
            ),
            (r#"[]"#, "$"),
            (r#"{}"#, "$.resource"),
        ];
        for (body, path) in cases {
            let error = parse(body.as_bytes()).unwrap_err();
            assert_eq!(error.path(), Some(*path), "body {body}");
        }
    }

    #[test]
    fn order_ids_canonical() {
        let order = |id: &str| {
            let body = format!(
                r#"{{"resource":{{"contact":{{}},"order":{{"id":{id},"orderItems":[{{"orderItemName":"A"}}]}}}}}}"#
            );
            parse(body.as_bytes()).map(|event| event.order.id)
        };
        assert_eq!(order("440001").unwrap(), "440001");
        assert_eq!(order("\"0440001\"").unwrap(), "440001");
        assert_eq!(order("\" 440001 \"").unwrap(), "440001");
        assert_eq!(order("\"A-17\"").unwrap(), "A-17");
        for bad in ["0", "-5", "\"-5\"", "\"000\"", "1.5"] {
            let error = order(bad).unwrap_err();
            assert_eq!(error.path(), Some("$.resource.order.id"), "{bad}");
        }
    }

    #[test]
    fn syntax_error_has_no_path() {
        assert!(matches!(parse(b"{nope"), Err(EventError::Syntax(_))));
    }

    #[test]
    fn price_strings_kept() {
        let body = br#"{"resource":{"contact":{},"order":{"id":"A-1","orderItems":[{"orderItemName":"A","priceNet":"12.5","priceGross":"<b>"}]}}}"#;
        let event = parse(body).unwrap();
        assert_eq!(event.order.id, "A-1");
        assert_eq!(
            event.order.items[0].price_net,
            Price::Amount(Decimal::new(125, 1))
        );
        assert_eq!(event.order.items[0].price_gross, Price::Text("<b>".into()));
    }
}
