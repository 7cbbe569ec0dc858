//! Message templates: the ticket message is rendered with minijinja, from
//! a built-in German or English template or from a merchant's own file.
//!
//! Every template is rendered with HTML auto-escaping, whatever its file
//! name, because plentymarkets shows the message as HTML. Values are
//! escaped by [`crate::ticket::escape`], the same function the message used
//! before templates existed, so the built-in templates produce that message
//! byte for byte. `|safe` in a template turns escaping off for one value.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Error, Output, State, UndefinedBehavior, Value};
use serde::Serialize;

use crate::event::{self, OrderItem, PurchaseEvent};
use crate::i18n::{tf, Lang};
use crate::ticket::{escape, price_text};

const BUILT_IN_DE: &str = include_str!("../assets/templates/message.de.html");
const BUILT_IN_EN: &str = include_str!("../assets/templates/message.en.html");

/// Source of a message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `message.de.html` or `message.en.html`, picked by the message language.
    BuiltIn,
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built-in"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A compiled message template; cloning it is cheap.
#[derive(Clone)]
pub struct MessageTemplate {
    origin: Origin,
    source: Arc<str>,
    env: Arc<Environment<'static>>,
}

impl fmt::Debug for MessageTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MessageTemplate")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl PartialEq for MessageTemplate {
    fn eq(&self, other: &Self) -> bool {
        self.origin == other.origin && self.source == other.source
    }
}

/// A template that cannot be read, compiled or rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("the message template {} cannot be read: {detail}", path.display())]
    Read { path: PathBuf, detail: String },
    #[error("the message template {origin} has an error{}: {detail}", line_suffix(*line))]
    Invalid {
        origin: Origin,
        line: Option<usize>,
        detail: String,
    },
}

fn line_suffix(line: Option<usize>) -> String {
    line.map(|line| format!(" in line {line}"))
        .unwrap_or_default()
}

impl TemplateError {
    /// Returns the line of the error in the template, where known.
    pub fn line(&self) -> Option<usize> {
        match self {
            TemplateError::Read { .. } => None,
            TemplateError::Invalid { line, .. } => *line,
        }
    }

    /// Describes the error in `lang`, naming the file and, where known, the line.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            TemplateError::Read { path, detail } => tf(
                lang,
                "err.template.read",
                &[("path", &path.display()), ("detail", detail)],
            ),
            TemplateError::Invalid {
                origin,
                line: Some(line),
                detail,
            } => tf(
                lang,
                "err.template.invalid_line",
                &[("path", origin), ("line", line), ("detail", detail)],
            ),
            TemplateError::Invalid {
                origin,
                line: None,
                detail,
            } => tf(
                lang,
                "err.template.invalid",
                &[("path", origin), ("detail", detail)],
            ),
        }
    }
}

impl MessageTemplate {
    /// Returns the built-in German and English templates.
    pub fn built_in() -> MessageTemplate {
        static BUILT_IN: OnceLock<MessageTemplate> = OnceLock::new();
        BUILT_IN
            .get_or_init(|| {
                let mut env = environment();
                env.add_template("message.de.html", BUILT_IN_DE)
                    .expect("built-in German template compiles");
                env.add_template("message.en.html", BUILT_IN_EN)
                    .expect("built-in English template compiles");
                MessageTemplate {
                    origin: Origin::BuiltIn,
                    source: Arc::from(""),
                    env: Arc::new(env),
                }
            })
            .clone()
    }

    /// Reads and compiles the template at `path`, then renders it once with
    /// the sample purchase in both languages. A template that fails on the
    /// sample would fail on every purchase, so it is rejected here, before
    /// `serve` accepts the first event.
    pub fn from_file(path: &Path) -> Result<MessageTemplate, TemplateError> {
        let source = crate::paths::read_limited(path)
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "the file is not UTF-8")
                })
            })
            .map_err(|error| TemplateError::Read {
                path: path.to_path_buf(),
                detail: error.to_string(),
            })?;
        let origin = Origin::File(path.to_path_buf());
        let mut env = environment();
        env.add_template_owned(path.display().to_string(), source.clone())
            .map_err(|error| invalid(&origin, &error))?;
        let template = MessageTemplate {
            origin,
            source: Arc::from(source),
            env: Arc::new(env),
        };
        let sample = event::sample();
        for lang in [Lang::De, Lang::En] {
            template.render(&sample, lang)?;
        }
        Ok(template)
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Renders the message for `event`. `lang` picks the built-in template,
    /// and the salutation and number format in every template.
    pub fn render(&self, event: &PurchaseEvent, lang: Lang) -> Result<String, TemplateError> {
        let name = match &self.origin {
            Origin::BuiltIn => match lang {
                Lang::De => "message.de.html".to_string(),
                Lang::En => "message.en.html".to_string(),
            },
            Origin::File(path) => path.display().to_string(),
        };
        let template = self
            .env
            .get_template(&name)
            .map_err(|error| invalid(&self.origin, &error))?;
        template
            .render(Serde(MessageContext::new(event, lang)))
            .map_err(|error| invalid(&self.origin, &error))
    }
}

fn invalid(origin: &Origin, error: &Error) -> TemplateError {
    let detail = match error.detail() {
        Some(detail) => format!("{}: {detail}", error.kind()),
        None => error.kind().to_string(),
    };
    TemplateError::Invalid {
        origin: origin.clone(),
        line: error.line(),
        detail,
    }
}

/// Builds an environment that HTML-escapes every template and treats
/// printing an undefined value as an error, so a misspelt name shows up in
/// `ticket preview` instead of as a gap in the message.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_formatter(format_value);
    env
}

/// Writes `value`, escaped with [`escape`] where HTML escaping applies.
/// `none` prints as nothing.
fn format_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    if value.is_safe() || *state.auto_escape() != AutoEscape::Html {
        return minijinja::escape_formatter(out, state, value);
    }
    if value.is_none() {
        return Ok(());
    }
    let text = match value.as_str() {
        Some(text) => escape(text),
        None => escape(&value.to_string()),
    };
    out.write_str(&text).map_err(Error::from)
}

/// The values a template can use. README.md lists them for merchants.
#[derive(Debug, Serialize)]
struct MessageContext<'a> {
    /// `de` or `en`, the message language.
    lang: &'static str,
    /// The marketplace event ID, `none` when the event has none.
    event_id: Option<&'a str>,
    first_item_name: &'a str,
    customer: CustomerContext<'a>,
    order: OrderContext<'a>,
    /// The items listed in the message: those with a variation ID above 0.
    items: Vec<ItemContext<'a>>,
}

#[derive(Debug, Serialize)]
struct CustomerContext<'a> {
    /// `Frau`/`Herr` or `Ms`/`Mr` for `female`/`male`, otherwise the gender as sent.
    salutation: String,
    gender: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    /// First and last name with one space between them.
    name: String,
    email: &'a str,
}

#[derive(Debug, Serialize)]
struct OrderContext<'a> {
    id: &'a str,
    paypal_transaction_id: &'a str,
    /// Every row of the order, fee rows with variation ID 0 included.
    items: Vec<ItemContext<'a>>,
}

#[derive(Debug, Serialize)]
struct ItemContext<'a> {
    name: &'a str,
    variation_id: i64,
    /// Formatted in the message language, such as `1.234,50` or `1,234.50`.
    price_net: String,
    price_gross: String,
}

impl<'a> MessageContext<'a> {
    fn new(event: &'a PurchaseEvent, lang: Lang) -> Self {
        let contact = &event.contact;
        let item = |item: &'a OrderItem| ItemContext {
            name: &item.name,
            variation_id: item.variation_id,
            price_net: price_text(&item.price_net, lang),
            price_gross: price_text(&item.price_gross, lang),
        };
        MessageContext {
            lang: lang.code(),
            event_id: event.id.as_deref(),
            first_item_name: event.first_item_name(),
            customer: CustomerContext {
                salutation: salutation(&contact.gender, lang),
                gender: &contact.gender,
                first_name: &contact.first_name,
                last_name: &contact.last_name,
                name: format!("{} {}", contact.first_name, contact.last_name)
                    .trim()
                    .to_string(),
                email: &contact.email,
            },
            order: OrderContext {
                id: &event.order.id,
                paypal_transaction_id: &event.order.paypal_transaction_id,
                items: event.order.items.iter().map(item).collect(),
            },
            items: event.listed_items().map(item).collect(),
        }
    }
}

/// Returns the replaced plugin's salutation for `female` and `male`, or
/// its English counterpart.
fn salutation(gender: &str, lang: Lang) -> String {
    let known = match (gender.trim().to_ascii_lowercase().as_str(), lang) {
        ("female", Lang::De) => "Frau",
        ("male", Lang::De) => "Herr",
        ("female", Lang::En) => "Ms",
        ("male", Lang::En) => "Mr",
        _ => return gender.to_string(),
    };
    known.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> Vec<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        files
    }

    /// The expected messages in tests/fixtures/messages were written by the
    /// message builder that the built-in templates replaced.
    #[test]
    fn built_ins_match_previous_messages() {
        let fixtures = fixtures();
        assert!(fixtures.len() >= 4, "fixtures found: {fixtures:?}");
        for path in fixtures {
            let event = event::parse(&std::fs::read(&path).unwrap()).unwrap();
            let stem = path.file_stem().unwrap().to_str().unwrap();
            for lang in [Lang::De, Lang::En] {
                let expected_path = path
                    .parent()
                    .unwrap()
                    .join(format!("messages/{stem}.{lang}.html"));
                let expected = std::fs::read_to_string(&expected_path).unwrap();
                let rendered = MessageTemplate::built_in().render(&event, lang).unwrap();
                assert_eq!(rendered, expected, "{stem} in {lang}");
            }
        }
    }

    fn hostile_event() -> PurchaseEvent {
        let body = serde_json::json!({"resource": {
            "contact": {
                "firstName": "<img src=x onerror=alert(1)>",
                "lastName": "\"><script>alert(1)</script>",
                "email": "' onmouseover='x",
                "gender": "&lt;already&gt;"
            },
            "order": {"id": "A/B<1>", "payPalTransactionId": "a\u{0}b\u{1b}[31m", "orderItems": [
                {"orderItemName": "\u{202e}evil / path", "itemVariationId": 1, "priceNet": "12,50 €<b>", "priceGross": null}
            ]}
        }});
        event::from_value(&body).unwrap()
    }

    /// Written by the message builder that the built-in templates replaced,
    /// less the direction override, which is now dropped.
    const HOSTILE_DE: &str = "<strong>Service-Artikel:</strong> evil / path<br/><br/><strong>Kunde:</strong><p>Anrede: &amp;lt;already&amp;gt;<br/>Name: &lt;img src=x onerror=alert(1)&gt; &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;<br/>E-Mail: &#x27; onmouseover=&#x27;x</p><strong>Auftrag-Details:</strong><p>Auftrags-Id: A/B&lt;1&gt;<br/>PayPal-TransactionId: ab[31m</p><strong>Artikel:</strong><p>Artikelname: evil / path<br/>Preis-Netto: 12,50 €&lt;b&gt;<br/>Preis-Brutto: –</p>";

    #[test]
    fn built_in_escapes_like_before() {
        let rendered = MessageTemplate::built_in()
            .render(&hostile_event(), Lang::De)
            .unwrap();
        assert_eq!(rendered, HOSTILE_DE);
    }

    fn template_file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("message.txt");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn custom_template_escapes_values() {
        let (_dir, path) = template_file(
            "{{ customer.first_name }}|{{ customer.first_name|safe }}|{{ items[0].price_net }}|{{ order.items|length }}",
        );
        let template = MessageTemplate::from_file(&path).unwrap();
        let rendered = template.render(&hostile_event(), Lang::En).unwrap();
        assert_eq!(
            rendered,
            "&lt;img src=x onerror=alert(1)&gt;|<img src=x onerror=alert(1)>|12,50 €&lt;b&gt;|1"
        );
    }

    #[test]
    fn custom_template_sees_event_values() {
        let (_dir, path) = template_file(concat!(
            "{{ lang }} {{ event_id }} {{ first_item_name }} {{ customer.salutation }} ",
            "{{ customer.name }} {{ order.id }} ",
            "{% for item in order.items %}[{{ item.variation_id }} {{ item.price_gross }}]{% endfor %} ",
            "{{ items|length }}"
        ));
        let template = MessageTemplate::from_file(&path).unwrap();
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/purchase-multi-item.json");
        let event = event::parse(&std::fs::read(path).unwrap()).unwrap();
        let rendered = template.render(&event, Lang::De).unwrap();
        assert_eq!(
            rendered,
            "de evt_9c2d7e1f0a3b4c5d8e9f0a1b2c3d4e5f Datenmigration aus Fremdsystem Herr \
             Jonas Platzhalter 880002 [4102 589,05][4103 41,18][0 2,50] 2"
        );
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let (_dir, path) = template_file("Hello\n{{ customer.name }}\n{% for item in items %}\n");
        let error = MessageTemplate::from_file(&path).unwrap_err();
        let TemplateError::Invalid {
            origin,
            line,
            detail,
        } = &error
        else {
            panic!("expected an invalid template: {error:?}");
        };
        assert_eq!(origin, &Origin::File(path.clone()));
        assert_eq!(*line, Some(3), "{detail}");
        assert!(detail.contains("syntax error"), "{detail}");
        let text = error.localized(Lang::En);
        assert!(text.contains(&path.display().to_string()), "{text}");
        assert!(text.contains("line 3"), "{text}");
        assert!(error.localized(Lang::De).contains("Zeile 3"));
    }

    #[test]
    fn misspelt_name_is_render_error() {
        let (_dir, path) = template_file("line one\n\n{{ customer.nmae }}");
        let error = MessageTemplate::from_file(&path).unwrap_err();
        let TemplateError::Invalid { line, detail, .. } = &error else {
            panic!("expected an invalid template: {error:?}");
        };
        assert_eq!(*line, Some(3), "{detail}");
        assert!(detail.contains("undefined"), "{detail}");
    }

    #[test]
    fn missing_file_named() {
        let error = MessageTemplate::from_file(Path::new("/nonexistent/message.html")).unwrap_err();
        assert!(matches!(error, TemplateError::Read { .. }), "{error:?}");
        assert!(error
            .localized(Lang::En)
            .contains("/nonexistent/message.html"));
    }
}
