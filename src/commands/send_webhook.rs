//! `ticket send-webhook`: posts a purchase event to a running `serve` the
//! way plentyMarketplace does, and shows the response. It tests a deployment
//! end to end: reverse proxy, `serve`, outbox and plentymarkets.

use std::path::Path;
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, LOCATION};
use reqwest::Url;
use serde_json::{json, Value};

use crate::app::Context;
use crate::cli::{OutputFormat, TicketSendWebhookArgs};
use crate::errors::UsageError;
use crate::event;
use crate::i18n::{t, tf, Lang};
use crate::output;
use crate::secret::Secret;

/// Time for the whole exchange. `serve` responds within its delivery
/// deadline (3 s by default), and a reverse proxy may add its own wait.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A request that got no response, or a response other than 2xx.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("{url} could not be reached: {detail}")]
    Unreachable { url: String, detail: String },
    #[error("{url} did not respond within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("{url} responded with HTTP {status}")]
    Rejected { url: String, status: u16 },
}

impl SendError {
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            SendError::Unreachable { url, detail } => tf(
                lang,
                "err.webhook.unreachable",
                &[("url", url), ("detail", detail)],
            ),
            SendError::Timeout { url, seconds } => tf(
                lang,
                "err.webhook.timeout",
                &[("url", url), ("seconds", seconds)],
            ),
            SendError::Rejected { url, status } => tf(
                lang,
                "err.webhook.rejected",
                &[("url", url), ("status", status)],
            ),
        }
    }
}

/// The response of the receiver, with a JSON body or its text.
struct WebhookResponse {
    status: reqwest::StatusCode,
    location: Option<String>,
    body: Value,
}

pub async fn run(ctx: &Context, args: TicketSendWebhookArgs) -> anyhow::Result<()> {
    let url = target_url(ctx.lang, &args.to)?;
    let (body, order_id) = match &args.payload {
        Some(path) => (read_payload(ctx.lang, path)?, None),
        None => {
            let (body, order_id) = fresh_sample();
            (body, Some(order_id))
        }
    };
    // JSON output carries the order ID itself and must stay one document.
    if let (Some(order_id), OutputFormat::Table) = (&order_id, args.output) {
        output::note(&tf(
            ctx.lang,
            "msg.webhook.sending",
            &[("url", &url), ("order", order_id)],
        ));
    }

    let spinner = output::spinner(tf(ctx.lang, "msg.webhook.waiting", &[("url", &url)]));
    let response = send(&url, body, args.secret.map(Secret::new).as_ref()).await;
    drop(spinner);
    let response = response?;

    print_response(ctx.lang, &url, order_id.as_deref(), &response, args.output)?;
    if response.status.is_success() {
        Ok(())
    } else {
        Err(SendError::Rejected {
            url: url.to_string(),
            status: response.status.as_u16(),
        }
        .into())
    }
}

/// Accepts only absolute `http` and `https` URLs with a host.
fn target_url(lang: Lang, text: &str) -> Result<Url, UsageError> {
    let rejected = || UsageError(tf(lang, "err.webhook.url", &[("value", &text)]));
    let url = Url::parse(text.trim()).map_err(|_| rejected())?;
    let web = matches!(url.scheme(), "http" | "https");
    if !web || url.host_str().is_none() {
        return Err(rejected());
    }
    Ok(url)
}

/// Reads a payload file, sent as it is, so that invalid events can be
/// tried too.
fn read_payload(lang: Lang, path: &Path) -> anyhow::Result<Vec<u8>> {
    crate::paths::read_limited(path).map_err(|error| {
        anyhow::anyhow!(
            "{}: {error}",
            tf(lang, "err.payload.read", &[("path", &path.display())])
        )
    })
}

/// Returns the sample purchase with a new order ID, event ID and time, so
/// `serve` treats it as a new purchase and creates a ticket.
fn fresh_sample() -> (Vec<u8>, String) {
    let mut sample: Value = serde_json::from_str(event::SAMPLE).expect("the sample is JSON");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    // Milliseconds and three random digits: unique across runs, and below
    // 2^53, so every JSON reader keeps the number exact.
    let order_id = now.as_millis() as u64 * 1000 + rand::random_range(0..1000u64);
    sample["id"] = Value::from(format!("evt_test_{:032x}", rand::random::<u128>()));
    sample["createdAt"] = Value::from(now.as_secs());
    sample["resource"]["order"]["id"] = Value::from(order_id);
    let body = serde_json::to_vec_pretty(&sample).expect("JSON serialises");
    (body, order_id.to_string())
}

async fn send(
    url: &Url,
    body: Vec<u8>,
    secret: Option<&Secret>,
) -> Result<WebhookResponse, SendError> {
    let client = reqwest::Client::builder()
        .user_agent(concat!("plenty-service-helper/", env!("CARGO_PKG_VERSION")))
        // A redirect is shown with its target; following it would turn the
        // POST into a GET and hide a misconfigured proxy.
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .build()
        .map_err(|error| network_error(url, &error))?;
    let mut request = client
        .post(url.clone())
        .header(CONTENT_TYPE, "application/json")
        .body(body);
    if let Some(secret) = secret {
        request = request.bearer_auth(secret.expose());
    }
    let response = request
        .send()
        .await
        .map_err(|error| network_error(url, &error))?;
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    let bytes = response
        .bytes()
        .await
        .map_err(|error| network_error(url, &error))?;
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::from(String::from_utf8_lossy(&bytes).into_owned()));
    Ok(WebhookResponse {
        status,
        location,
        body,
    })
}

fn network_error(url: &Url, error: &reqwest::Error) -> SendError {
    if error.is_timeout() {
        return SendError::Timeout {
            url: url.to_string(),
            seconds: TIMEOUT.as_secs(),
        };
    }
    let mut detail = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        detail = format!("{detail}: {cause}");
        source = cause.source();
    }
    SendError::Unreachable {
        url: url.to_string(),
        detail,
    }
}

fn print_response(
    lang: Lang,
    url: &Url,
    order_id: Option<&str>,
    response: &WebhookResponse,
    format: OutputFormat,
) -> anyhow::Result<()> {
    if format == OutputFormat::Json {
        return output::json(&json!({
            "url": url.as_str(),
            "orderId": order_id,
            "status": response.status.as_u16(),
            "location": response.location,
            "body": response.body,
        }));
    }
    let reason = response.status.canonical_reason().unwrap_or_default();
    println!("HTTP {} {reason}", response.status.as_u16());
    if let Some(location) = &response.location {
        println!("{}: {location}", t(lang, "label.location"));
    }
    match &response.body {
        Value::String(text) => println!("{text}"),
        body => println!("{}", serde_json::to_string_pretty(body)?),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_url_accepts_only_web_urls() {
        for good in [
            "http://127.0.0.1:8080/service/tickets",
            "https://shop.example/x",
        ] {
            assert!(target_url(Lang::En, good).is_ok(), "{good}");
        }
        for bad in [
            "ftp://shop.example/",
            "127.0.0.1:8080",
            "/service/tickets",
            "file:///etc/passwd",
            "http://",
        ] {
            let error = target_url(Lang::En, bad).unwrap_err();
            assert!(error.0.contains(bad), "{bad}: {}", error.0);
        }
    }

    #[test]
    fn fresh_sample_differs_each_time() {
        let (first, first_order) = fresh_sample();
        let (second, second_order) = fresh_sample();
        assert_ne!(first_order, second_order);
        let first = event::parse(&first).unwrap();
        let second = event::parse(&second).unwrap();
        assert_eq!(first.order.id, first_order);
        assert_ne!(first.id, second.id);
        assert_eq!(first.first_item_name(), "Shop-Einrichtung Starterpaket");
    }
}
