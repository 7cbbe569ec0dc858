//! The ticket and message built from a purchase event, as the replaced
//! plugin built them, with every event value HTML-escaped. The message text
//! comes from a template, see [`crate::template`].

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::config::TicketSettings;
use crate::event::{Price, PurchaseEvent};
use crate::i18n::Lang;
use crate::template::MessageTemplate;

/// Maximum title length sent, in characters.
/// NOTE: plentymarkets documents no limit for `title`; 255 is the common
/// VARCHAR size and an estimate, not a confirmed figure.
pub const MAX_TITLE_CHARS: usize = 255;

/// Body of `POST /rest/tickets`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewTicket {
    pub type_id: i64,
    pub status_id: i64,
    pub plenty_id: i64,
    pub title: String,
    pub source: &'static str,
    pub owners: Vec<Owner>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Owner {
    pub user_id: i64,
    pub role_id: i64,
}

/// Body of `POST /rest/tickets/{id}`, which adds a message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewMessage {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: String,
}

/// Builds the ticket for `event`.
pub fn build_ticket(event: &PurchaseEvent, settings: &TicketSettings) -> NewTicket {
    NewTicket {
        type_id: settings.type_id,
        status_id: settings.status_id,
        plenty_id: settings.plenty_id,
        title: title(event.first_item_name()),
        source: "frontend",
        owners: settings
            .owner_ids
            .iter()
            .map(|&user_id| Owner {
                user_id,
                role_id: settings.role_id,
            })
            .collect(),
    }
}

/// Builds the ticket title: `Service: ` and the item name as plain text,
/// whitespace and control characters collapsed, cut at [`MAX_TITLE_CHARS`].
pub fn title(item_name: &str) -> String {
    let cleaned: String = item_name
        .chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let full = format!("Service: {cleaned}");
    if full.chars().count() <= MAX_TITLE_CHARS {
        return full;
    }
    let mut cut: String = full.chars().take(MAX_TITLE_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Builds the message from the configured template: the first item, the
/// customer, the order, then each item with a variation ID above 0 and its
/// prices, in the built-in templates.
///
/// A custom template rendered the sample purchase when it was loaded. If it
/// still fails for this event, the built-in template is used, so the
/// purchase still reaches the merchant. The log line names the template and
/// line but not the error text, which may quote customer data.
pub fn build_message(event: &PurchaseEvent, settings: &TicketSettings) -> NewMessage {
    let lang = settings.message_language;
    let text = match settings.message_template.render(event, lang) {
        Ok(text) => text,
        Err(error) => {
            tracing::error!(
                order_id = %event.order.id,
                event_id = event.id.as_deref(),
                template = %settings.message_template.origin(),
                line = error.line(),
                "message template failed for this event, built-in template used; \
                 run 'ticket preview --payload FILE' with the event to see why"
            );
            message_html(event, lang)
        }
    };
    NewMessage {
        kind: settings.message_type.as_str(),
        text,
    }
}

/// Renders the message HTML in `lang` with the built-in template.
pub fn message_html(event: &PurchaseEvent, lang: Lang) -> String {
    MessageTemplate::built_in()
        .render(event, lang)
        .expect("the built-in templates render every parsed event")
}

/// True for the invisible marks that change the direction of the text
/// around them: U+200E, U+200F, U+061C, U+202A to U+202E and U+2066 to
/// U+2069. In an event value they can make a name or an amount read
/// differently from what it is, so they are dropped.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Escapes text for HTML element content and attribute values, dropping
/// control characters (but line breaks and tabs) and direction marks.
pub fn escape(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| (!c.is_control() || *c == '\n' || *c == '\t') && !is_bidi_control(*c))
        .collect();
    html_escape::encode_quoted_attribute(&visible).into_owned()
}

/// Formats a price with two decimals in the style of `lang`, HTML-escaped:
/// `1.234,50` in German, `1,234.50` in English.
pub fn format_price(price: &Price, lang: Lang) -> String {
    escape(&price_text(price, lang))
}

/// Formats a price like [`format_price`], without escaping: a price sent as
/// text that is no number stays as sent, and a missing one becomes `–`.
pub fn price_text(price: &Price, lang: Lang) -> String {
    match price {
        Price::Amount(amount) => format_decimal(*amount, lang),
        Price::Text(text) => text.clone(),
        Price::Absent => "–".to_string(),
    }
}

fn format_decimal(amount: Decimal, lang: Lang) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
    let (group, point) = match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}{point}{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::MessageType;
    use crate::event;

    fn settings(lang: Lang) -> TicketSettings {
        TicketSettings {
            plenty_id: 1000,
            type_id: 4,
            status_id: 11,
            role_id: 3,
            owner_ids: vec![7, 12],
            message_type: MessageType::Message,
            message_language: lang,
            message_template: MessageTemplate::built_in(),
        }
    }

    fn fixture(name: &str) -> PurchaseEvent {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        event::parse(&std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn ticket_matches_old_plugin() {
        let ticket = build_ticket(&fixture("purchase-basic.json"), &settings(Lang::De));
        let json = serde_json::to_value(&ticket).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "typeId": 4, "statusId": 11, "plentyId": 1000,
                "title": "Service: Shop-Einrichtung Starterpaket",
                "source": "frontend",
                "owners": [{"userId": 7, "roleId": 3}, {"userId": 12, "roleId": 3}]
            })
        );
    }

    #[test]
    fn message_german_labels_and_prices() {
        let html = message_html(&fixture("purchase-basic.json"), Lang::De);
        assert!(html.contains("<strong>Service-Artikel:</strong> Shop-Einrichtung Starterpaket"));
        assert!(html.contains("Anrede: Frau"));
        assert!(html.contains("Name: Erika Beispiel"));
        assert!(html.contains("Auftrags-Id: 880001"));
        assert!(html.contains("PayPal-TransactionId: 8TEST000000000001"));
        assert!(html.contains("Preis-Netto: 100,00"));
        assert!(html.contains("Preis-Brutto: 119,00"));
    }

    #[test]
    fn message_english_labels() {
        let html = message_html(&fixture("purchase-multi-item.json"), Lang::En);
        assert!(html.contains("Salutation: Mr"));
        assert!(html.contains("Net price: 495.00"));
        assert!(html.contains("Gross price: 41.18"));
        assert!(html.contains("Net price: 34.60"));
    }

    #[test]
    fn fee_row_left_out() {
        let html = message_html(&fixture("purchase-multi-item.json"), Lang::De);
        assert!(!html.contains("Zahlungsgebühr"));
        assert_eq!(html.matches("Artikelname:").count(), 2);
        assert!(html.contains("Preis-Brutto: 589,05"));
    }

    #[test]
    fn umlauts_kept_ampersand_escaped() {
        let event = fixture("purchase-unicode.json");
        let html = message_html(&event, Lang::De);
        assert!(html.contains("Zoë-Françoise Grüßner-Øster"));
        assert!(html.contains("Übersicht &amp; Maßnahmen 🚀"));
        assert_eq!(
            title(event.first_item_name()),
            "Service: SEO-Prüfung „Komplett“ – Übersicht & Maßnahmen 🚀"
        );
    }

    #[test]
    fn hostile_values_escaped() {
        let hostile = [
            "<img src=x onerror=alert(1)>",
            "\"><script>alert(1)</script>",
            "' onmouseover='x",
            "&lt;already&gt;",
            "a\u{0}b\u{1b}[31m",
            "\u{202e}evil",
        ];
        for value in hostile {
            let body = serde_json::json!({"resource": {
                "contact": {"firstName": value, "lastName": value, "email": value, "gender": value},
                "order": {"id": 1, "payPalTransactionId": value, "orderItems": [
                    {"orderItemName": value, "itemVariationId": 1, "priceNet": value, "priceGross": value}
                ]}
            }});
            let event = event::from_value(&body).unwrap();
            let html = message_html(&event, Lang::De);
            let stripped = html
                .replace("<strong>", "")
                .replace("</strong>", "")
                .replace("<br/>", "")
                .replace("<p>", "")
                .replace("</p>", "");
            assert!(!stripped.contains('<'), "unescaped < for {value:?}: {html}");
            assert!(!stripped.contains('"'), "unescaped quote for {value:?}");
            assert!(
                !stripped.contains('\''),
                "unescaped apostrophe for {value:?}"
            );
            assert!(!html.contains('\u{0}'), "NUL kept for {value:?}");
            assert!(!html.contains('\u{1b}'), "ESC kept for {value:?}");
        }
    }

    #[test]
    fn long_title_capped() {
        let name = "x".repeat(1000);
        let capped = title(&name);
        assert_eq!(capped.chars().count(), MAX_TITLE_CHARS);
        assert!(capped.ends_with('…'));
        assert_eq!(title(" a\n\tb "), "Service: a b");
    }

    #[test]
    fn price_formats() {
        let cases = [
            (Decimal::new(123450, 2), Lang::De, "1.234,50"),
            (Decimal::new(123450, 2), Lang::En, "1,234.50"),
            (Decimal::new(5, 3), Lang::De, "0,01"),
            (Decimal::new(-1005, 1), Lang::En, "-100.50"),
            (Decimal::new(1_000_000, 0), Lang::De, "1.000.000,00"),
        ];
        for (amount, lang, expected) in cases {
            assert_eq!(format_price(&Price::Amount(amount), lang), expected);
        }
    }
}
