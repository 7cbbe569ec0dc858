//! Hostile event content through the built binary and the sandbox: every
//! value must reach the ticket message HTML-escaped with our own markup
//! intact, and the title must be plain text.

mod common;

use common::*;
use serde_json::{json, Value};

/// Values a buyer controls, each aimed at a different way to break out of
/// the message HTML or to confuse a reader.
fn hostile_values() -> Vec<(&'static str, String)> {
    vec![
        ("script tag", "<script>alert(1)</script>".into()),
        ("event attribute", "<img src=x onerror=alert(1)>".into()),
        ("attribute break-out", "\"><svg/onload=alert(1)>".into()),
        ("single quotes", "' onmouseover='alert(1)".into()),
        (
            "closing our markup",
            "</p></strong><h1>injected</h1>".into(),
        ),
        ("comment and CDATA", "<!-- x --><![CDATA[y]]>".into()),
        ("pre-escaped entities", "&lt;b&gt;already&lt;/b&gt;".into()),
        ("raw entities", "&amp; &#x27; &#0; &nbsp; &".into()),
        ("javascript URL", "javascript:alert(document.cookie)".into()),
        (
            "control characters",
            "a\u{0}b\u{7}c\u{1b}[31mred\u{7f}end".into(),
        ),
        ("line breaks and tab", "line1\r\nline2\ttab".into()),
        (
            "right-to-left override",
            "\u{202e}fdp.exe\u{202c} invoice".into(),
        ),
        ("direction marks", "\u{200f}\u{200e}שלום عربي".into()),
        ("zero-width and BOM", "\u{feff}zero\u{200b}width".into()),
        ("astral characters", "😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Zoë".into()),
        (
            "percent and JSON escapes",
            "%3Cscript%3E \\u003cb\\u003e".into(),
        ),
        (
            "very long",
            format!("{}{}", "<i>".repeat(10_000), "ü".repeat(10_000)),
        ),
    ]
}

/// Builds an event with `value` in every text field the message shows.
fn event_with(value: &str, order_id: i64) -> Value {
    json!({
        "id": format!("evt_hostile_{order_id}"),
        "type": "SERVICE.PLUGIN.PURCHASE",
        "resource": {
            "contact": {"gender": value, "firstName": value, "lastName": value, "email": value},
            "order": {"id": order_id, "payPalTransactionId": value, "orderItems": [
                {"itemVariationId": 1, "orderItemName": value, "priceNet": value, "priceGross": value}
            ]}
        }
    })
}

const OUR_TAGS: [&str; 5] = ["<strong>", "</strong>", "<br/>", "<p>", "</p>"];

/// The direction marks and overrides that may not reach a ticket: LRM,
/// RLM, ALM, the embeddings and overrides U+202A to U+202E and the
/// isolates U+2066 to U+2069.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Builds the expected title by a rule stated apart from the code under test: control
/// characters become spaces, whitespace runs collapse, at most 255
/// characters with an ellipsis when cut.
fn expected_title(value: &str) -> String {
    let spaced: String = value
        .chars()
        .map(|c| {
            if c.is_control() || is_direction_mark(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let full = format!(
        "Service: {}",
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    if full.chars().count() <= 255 {
        return full;
    }
    let mut cut: String = full.chars().take(254).collect();
    cut.push('…');
    cut
}

fn visible(value: &str) -> String {
    value
        .chars()
        .filter(|c| (!c.is_control() || *c == '\n' || *c == '\t') && !is_direction_mark(*c))
        .collect()
}

#[test]
fn hostile_values_escaped_in_message() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &["--write-limit", "1000"]);
    assert!(env.setup(&base, &[]).status.success());
    let (_serve, webhook) = start_serve(&env, &[]);
    let reader = SandboxReader::login(&base);

    for (index, (name, value)) in hostile_values().into_iter().enumerate() {
        let event = event_with(&value, 7000 + index as i64);
        let (status, body, _) = post_json(&webhook, event.to_string());
        assert_eq!(status, 200, "{name}: {body}");
        let ticket_id = body["ticketId"].as_i64().unwrap();
        let messages = reader.messages(ticket_id);
        let text = messages[0]["text"].as_str().unwrap();

        assert_eq!(text.matches("<strong>").count(), 4, "{name}: our headings");
        assert_eq!(text.matches("<p>").count(), 3, "{name}: our paragraphs");
        assert!(
            text.starts_with("<strong>Service-Artikel:</strong> "),
            "{name}"
        );

        let mut outside_markup = text.to_string();
        for tag in OUR_TAGS {
            outside_markup = outside_markup.replace(tag, "");
        }
        for forbidden in ['<', '>', '"', '\''] {
            assert!(
                !outside_markup.contains(forbidden),
                "{name}: raw {forbidden:?} in {text}"
            );
        }
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{name}: control character in the message"
        );

        let decoded = html_escape::decode_html_entities(&outside_markup).into_owned();
        let shown = visible(&value);
        let occurrences = decoded.matches(shown.as_str()).count();
        // Item name twice, then name (first and last), salutation, e-mail,
        // PayPal ID and the two prices: every field shows the value.
        assert!(
            occurrences >= 8,
            "{name}: value shown {occurrences} times, expected 8 or more"
        );

        let ticket = reader.get(&format!("/tickets/{ticket_id}"));
        let title = ticket["title"].as_str().unwrap();
        assert_eq!(title, expected_title(&value), "{name}: title");
    }
}

#[test]
fn title_keeps_markup_as_text() {
    assert_eq!(expected_title("<b>x</b>"), "Service: <b>x</b>");
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    assert!(env.setup(&base, &[]).status.success());
    let (_serve, webhook) = start_serve(&env, &[]);
    let (status, body, _) = post_json(&webhook, event_with("<b>A & B</b>", 1).to_string());
    assert_eq!(status, 200, "{body}");
    let reader = SandboxReader::login(&base);
    let ticket = reader.get(&format!("/tickets/{}", body["ticketId"]));
    assert_eq!(
        ticket["title"], "Service: <b>A & B</b>",
        "not escaped twice"
    );
}
