//! Client of the plentymarkets REST API: login with a cached token,
//! the ticket routes and the lists the setup needs.

mod error;
pub mod lists;
pub mod model;
pub mod rate;
pub mod token;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

pub use error::{PageKind, PlentyError};
use model::{BackendUser, Page, StatusName, Ticket, TicketMessage, TypeName, Webstore};
use rate::{CallKind, Pacer, RateHeaders};
use token::{Token, TokenCache};

use crate::config::Connection;
use crate::secret::Secret;
use crate::ticket::{NewMessage, NewTicket};

/// Settings of the client: timeouts, rate-limit handling and token cache.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Time for one whole request, response included.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Longest `Retry-After` the client waits for before it gives up.
    pub max_retry_after: Duration,
    /// Number of retries of one call after a 429 response.
    pub rate_limit_retries: u32,
    pub token_cache: TokenCache,
    /// Metrics that record request durations and rate-limit waits, if any.
    pub metrics: Option<crate::metrics::Metrics>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_retry_after: Duration::from_secs(120),
            rate_limit_retries: 3,
            token_cache: TokenCache::platform(),
            metrics: None,
        }
    }
}

/// Filters of `GET /rest/tickets`.
#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    pub type_id: Option<i64>,
    pub status_id: Option<i64>,
    pub plenty_id: Option<i64>,
    pub title: Option<String>,
    /// Asks for each ticket's owners (`with=owners`).
    pub with_owners: bool,
}

/// A plentymarkets REST client. Cheap to clone; clones share the token,
/// so one login serves the whole process.
#[derive(Clone)]
pub struct PlentyClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    username: String,
    password: Secret,
    options: ClientOptions,
    token: tokio::sync::Mutex<Option<Token>>,
    pacer: std::sync::Mutex<Pacer>,
    logins: AtomicU64,
    rate_wait_ms: AtomicU64,
}

impl PlentyClient {
    pub fn new(connection: &Connection, options: ClientOptions) -> Result<Self, PlentyError> {
        let http = reqwest::Client::builder()
            .user_agent(concat!("plenty-service-helper/", env!("CARGO_PKG_VERSION")))
            // A redirected POST loses its body; report redirects instead.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(options.timeout)
            .connect_timeout(options.connect_timeout)
            .build()
            .map_err(|error| PlentyError::Unreachable {
                url: connection.base_url.clone(),
                detail: error.to_string(),
            })?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                base_url: connection.base_url.clone(),
                username: connection.username.clone(),
                password: connection.password.clone(),
                options,
                token: tokio::sync::Mutex::new(None),
                pacer: std::sync::Mutex::new(Pacer::default()),
                logins: AtomicU64::new(0),
                rate_wait_ms: AtomicU64::new(0),
            }),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Logins this client performed (cached tokens do not count).
    pub fn login_count(&self) -> u64 {
        self.inner.logins.load(Ordering::Relaxed)
    }

    /// Total time spent waiting for rate limits.
    pub fn rate_wait(&self) -> Duration {
        Duration::from_millis(self.inner.rate_wait_ms.load(Ordering::Relaxed))
    }

    pub fn rest_url(&self, path: &str) -> String {
        format!("{}/rest{}", self.inner.base_url, path)
    }

    fn cache_key(&self) -> String {
        format!("{}|{}", self.inner.base_url, self.inner.username)
    }

    /// Returns a valid token: the one in memory, the cached one, or a new
    /// login. The lock makes renewal single-flight for concurrent callers.
    pub async fn token(&self) -> Result<Secret, PlentyError> {
        let mut slot = self.inner.token.lock().await;
        if let Some(token) = slot.as_ref().filter(|t| t.is_fresh()) {
            return Ok(token.access_token.clone());
        }
        let cache = &self.inner.options.token_cache;
        let token = match cache.load(&self.cache_key()) {
            Some(token) => token,
            None => {
                let token = self.login().await?;
                cache.store(&self.cache_key(), Some(&token));
                token
            }
        };
        let access = token.access_token.clone();
        *slot = Some(token);
        Ok(access)
    }

    /// Forgets `stale` after a 401, unless another caller already replaced it.
    async fn invalidate(&self, stale: &Secret) {
        let mut slot = self.inner.token.lock().await;
        if slot.as_ref().is_none_or(|t| &t.access_token == stale) {
            *slot = None;
            self.inner
                .options
                .token_cache
                .store(&self.cache_key(), None);
        }
    }

    async fn login(&self) -> Result<Token, PlentyError> {
        let url = self.rest_url("/login");
        let body = json!({
            "username": self.inner.username,
            "password": self.inner.password.expose(),
        });
        let request = self
            .inner
            .http
            .post(&url)
            .header(ACCEPT, "application/json")
            .json(&body);
        let (status, headers, bytes) = send(request, &url).await?;
        self.inner.logins.fetch_add(1, Ordering::Relaxed);
        tracing::debug!(url = %url, status = status.as_u16(), "login response received");

        let parsed: Option<Value> = serde_json::from_slice(&bytes).ok();
        let error_code = parsed
            .as_ref()
            .and_then(|v| v.get("error"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        if error_code == "invalid_credentials" || status == StatusCode::UNAUTHORIZED {
            return Err(PlentyError::InvalidCredentials { url });
        }
        if status == StatusCode::FORBIDDEN {
            return Err(PlentyError::LoginForbidden { url });
        }
        if status == StatusCode::TOO_MANY_REQUESTS && error_code == "too_many_concurrent_sessions" {
            return Err(PlentyError::TooManySessions { url });
        }
        let value = classify(&url, status, &headers, &bytes)?;
        let token = token::from_login_reply(&value)
            .ok_or(PlentyError::InvalidCredentials { url: url.clone() })?;
        tracing::info!(url = %url, "logged in to plentymarkets");
        Ok(token)
    }

    /// Ends the session of the token in use, which frees one of the user's
    /// concurrent sessions, and drops the token. Does nothing when the
    /// client has not logged in.
    pub async fn logout(&self) -> Result<(), PlentyError> {
        let Some(token) = self.inner.token.lock().await.take() else {
            return Ok(());
        };
        self.inner
            .options
            .token_cache
            .store(&self.cache_key(), None);
        let url = self.rest_url("/logout");
        let request = self
            .inner
            .http
            .post(&url)
            .bearer_auth(token.access_token.expose())
            .header(ACCEPT, "application/json");
        let (status, headers, bytes) = send(request, &url).await?;
        classify(&url, status, &headers, &bytes).map(|_| ())
    }

    /// Sends one REST call and returns its JSON response: waits for spent
    /// rate budgets, logs in again once on 401, and retries 429 responses
    /// whose `Retry-After` is within [`ClientOptions::max_retry_after`].
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
    ) -> Result<Value, PlentyError> {
        let url = self.rest_url(path);
        let kind = if method == Method::GET {
            CallKind::Read
        } else {
            CallKind::Write
        };
        let mut relogged = false;
        let mut rate_retries = 0;
        loop {
            self.wait_for_budget(kind).await;
            let token = self.token().await?;
            let mut request = self
                .inner
                .http
                .request(method.clone(), &url)
                .bearer_auth(token.expose())
                .header(ACCEPT, "application/json")
                .query(query);
            if let Some(body) = body {
                request = request.json(body);
            }
            let started = Instant::now();
            let sent = send(request, &url).await;
            self.observe_latency(&method, started.elapsed());
            let (status, headers, bytes) = sent?;
            let rate = RateHeaders::parse(&headers);
            self.inner
                .pacer
                .lock()
                .expect("pacer lock")
                .observe(kind, &rate, Instant::now());

            if status == StatusCode::UNAUTHORIZED && !relogged {
                tracing::info!(url = %url, "token rejected, logging in again");
                self.invalidate(&token).await;
                relogged = true;
                continue;
            }
            if status == StatusCode::TOO_MANY_REQUESTS {
                let wait =
                    Duration::from_secs(rate.retry_after.or(rate.short.decay).unwrap_or(1).max(1));
                self.inner
                    .pacer
                    .lock()
                    .expect("pacer lock")
                    .block(kind, wait, Instant::now());
                if rate_retries < self.inner.options.rate_limit_retries
                    && wait <= self.inner.options.max_retry_after
                {
                    rate_retries += 1;
                    tracing::warn!(url = %url, wait_secs = wait.as_secs(), "rate limited by plentymarkets, waiting");
                    continue;
                }
                return Err(PlentyError::RateLimited {
                    url,
                    retry_after: Some(wait),
                });
            }
            return classify(&url, status, &headers, &bytes);
        }
    }

    fn observe_latency(&self, method: &Method, elapsed: Duration) {
        if let Some(metrics) = &self.inner.options.metrics {
            let label = crate::metrics::MethodLabel {
                method: method.to_string(),
            };
            metrics
                .plenty_latency
                .get_or_create(&label)
                .observe(elapsed.as_secs_f64());
        }
    }

    async fn wait_for_budget(&self, kind: CallKind) {
        let wait = self
            .inner
            .pacer
            .lock()
            .expect("pacer lock")
            .wait_needed(kind, Instant::now());
        if !wait.is_zero() {
            tracing::debug!(
                wait_ms = wait.as_millis() as u64,
                "waiting for the plentymarkets rate budget"
            );
            self.inner
                .rate_wait_ms
                .fetch_add(wait.as_millis() as u64, Ordering::Relaxed);
            if let Some(metrics) = &self.inner.options.metrics {
                metrics.rate_limit_wait_seconds.inc_by(wait.as_secs_f64());
            }
            tokio::time::sleep(wait).await;
        }
    }

    async fn get(&self, path: &str, query: &[(&str, String)]) -> Result<Value, PlentyError> {
        self.call(Method::GET, path, query, None).await
    }

    async fn get_list<T: for<'de> serde::Deserialize<'de>>(
        &self,
        path: &str,
    ) -> Result<Vec<T>, PlentyError> {
        let value = self.get(path, &[]).await?;
        let page = Page::from_value(value).map_err(|detail| PlentyError::InvalidResponse {
            url: self.rest_url(path),
            detail,
        })?;
        Ok(page.entries)
    }

    pub async fn create_ticket(&self, ticket: &NewTicket) -> Result<Ticket, PlentyError> {
        let body = serde_json::to_value(ticket).expect("ticket serialises");
        let value = self
            .call(Method::POST, "/tickets", &[], Some(&body))
            .await?;
        let created: Ticket = parse_record(&self.rest_url("/tickets"), value)?;
        if created.id.is_none() {
            return Err(PlentyError::InvalidResponse {
                url: self.rest_url("/tickets"),
                detail: "the created ticket has no id".into(),
            });
        }
        Ok(created)
    }

    pub async fn create_message(
        &self,
        ticket_id: i64,
        message: &NewMessage,
    ) -> Result<TicketMessage, PlentyError> {
        let path = format!("/tickets/{ticket_id}");
        let body = serde_json::to_value(message).expect("message serialises");
        let value = self.call(Method::POST, &path, &[], Some(&body)).await?;
        parse_record(&self.rest_url(&path), value)
    }

    pub async fn ticket(&self, ticket_id: i64) -> Result<Ticket, PlentyError> {
        let path = format!("/tickets/{ticket_id}");
        let value = self.get(&path, &[]).await?;
        parse_record(&self.rest_url(&path), value)
    }

    pub async fn ticket_messages(&self, ticket_id: i64) -> Result<Vec<TicketMessage>, PlentyError> {
        self.get_list(&format!("/tickets/{ticket_id}/messages"))
            .await
    }

    /// Fetches one page of tickets, in the order the API returns them.
    pub async fn tickets(
        &self,
        filter: &TicketFilter,
        page: u32,
        per_page: u32,
    ) -> Result<Page<Ticket>, PlentyError> {
        let mut query = vec![
            ("page", page.to_string()),
            ("itemsPerPage", per_page.to_string()),
        ];
        let numbers = [
            ("typeId", filter.type_id),
            ("statusId", filter.status_id),
            ("plentyId", filter.plenty_id),
        ];
        for (name, value) in numbers {
            if let Some(value) = value {
                query.push((name, value.to_string()));
            }
        }
        if let Some(title) = &filter.title {
            query.push(("title", title.clone()));
        }
        if filter.with_owners {
            query.push(("with", "owners".to_string()));
        }
        let value = self.get("/tickets", &query).await?;
        Page::from_value(value).map_err(|detail| PlentyError::InvalidResponse {
            url: self.rest_url("/tickets"),
            detail,
        })
    }

    pub async fn type_names(&self) -> Result<Vec<TypeName>, PlentyError> {
        self.get_list("/tickets/types/names").await
    }

    pub async fn status_names(&self) -> Result<Vec<StatusName>, PlentyError> {
        self.get_list("/tickets/status/names").await
    }

    /// Status names with the type each status belongs to.
    pub async fn status_type_names(&self) -> Result<Vec<StatusName>, PlentyError> {
        self.get_list("/tickets/status/type/names").await
    }

    pub async fn users(&self) -> Result<Vec<BackendUser>, PlentyError> {
        self.get_list("/backend/users").await
    }

    pub async fn webstores(&self) -> Result<Vec<Webstore>, PlentyError> {
        self.get_list("/webstores").await
    }
}

fn parse_record<T: for<'de> serde::Deserialize<'de>>(
    url: &str,
    value: Value,
) -> Result<T, PlentyError> {
    serde_json::from_value(value).map_err(|error| PlentyError::InvalidResponse {
        url: url.to_string(),
        detail: error.to_string(),
    })
}

/// Sends a request and reads the whole answer, mapping network failures.
async fn send(
    request: reqwest::RequestBuilder,
    url: &str,
) -> Result<(StatusCode, HeaderMap, bytes::Bytes), PlentyError> {
    let response = request
        .send()
        .await
        .map_err(|error| network_error(url, &error))?;
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .bytes()
        .await
        .map_err(|error| network_error(url, &error))?;
    Ok((status, headers, bytes))
}

fn network_error(url: &str, error: &reqwest::Error) -> PlentyError {
    if error.is_timeout() {
        return PlentyError::Timeout {
            url: url.to_string(),
        };
    }
    let mut detail = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        detail = format!("{detail}: {cause}");
        source = cause.source();
    }
    PlentyError::Unreachable {
        url: url.to_string(),
        detail,
    }
}

/// Turns an answer into its JSON value or the matching error.
fn classify(
    url: &str,
    status: StatusCode,
    headers: &HeaderMap,
    bytes: &[u8],
) -> Result<Value, PlentyError> {
    let url = url.to_string();
    if status.is_redirection() {
        let location = headers
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("?")
            .to_string();
        return Err(PlentyError::Redirect { url, location });
    }
    let parsed = parse_json(headers, bytes);
    let Some(value) = parsed else {
        return Err(not_json(url, status, headers, bytes));
    };
    let code = status.as_u16();
    match status {
        s if s.is_success() => Ok(value),
        StatusCode::UNAUTHORIZED => Err(PlentyError::InvalidCredentials { url }),
        StatusCode::FORBIDDEN => Err(PlentyError::Forbidden { url }),
        StatusCode::TOO_MANY_REQUESTS => Err(PlentyError::RateLimited {
            url,
            retry_after: retry_after(headers),
        }),
        s if s.is_server_error() => Err(PlentyError::Server {
            url,
            status: code,
            message: error_message(&value),
        }),
        _ => Err(PlentyError::Rejected {
            url,
            status: code,
            message: error_message(&value),
        }),
    }
}

fn parse_json(headers: &HeaderMap, bytes: &[u8]) -> Option<Value> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let looks_json = content_type.contains("json")
        || bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{' || *b == b'[');
    if !looks_json {
        return None;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some(Value::Null);
    }
    serde_json::from_slice(bytes).ok()
}

fn not_json(url: String, status: StatusCode, headers: &HeaderMap, bytes: &[u8]) -> PlentyError {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let html = content_type.contains("html")
        || bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'<');
    let kind = match (html, status) {
        (true, StatusCode::SERVICE_UNAVAILABLE) => PageKind::Maintenance,
        (true, _) => PageKind::Html,
        _ => PageKind::Other,
    };
    if status == StatusCode::FORBIDDEN {
        return PlentyError::Forbidden { url };
    }
    if status.is_server_error() && kind != PageKind::Maintenance {
        let message = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
        return PlentyError::Server {
            url,
            status: status.as_u16(),
            message,
        };
    }
    PlentyError::NotJson {
        url,
        status: status.as_u16(),
        kind,
    }
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
}

/// Extracts plentymarkets' own message from an error answer: `message`,
/// `error.message`, `error` or the `validation_errors` map.
pub fn error_message(value: &Value) -> String {
    let mut parts = Vec::new();
    if let Some(errors) = value
        .get("validation_errors")
        .or_else(|| value.pointer("/error/validation_errors"))
    {
        match errors {
            Value::Object(map) => {
                for (field, messages) in map {
                    parts.push(format!("{field}: {}", flatten(messages)));
                }
            }
            other => parts.push(flatten(other)),
        }
    }
    let message = value
        .get("message")
        .or_else(|| value.pointer("/error/message"))
        .or_else(|| value.get("error").filter(|e| e.is_string()))
        .and_then(Value::as_str);
    if let Some(message) = message {
        parts.insert(0, message.to_string());
    }
    let text = if parts.is_empty() {
        value.to_string()
    } else {
        parts.join("; ")
    };
    text.chars().take(500).collect()
}

fn flatten(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(flatten).collect::<Vec<_>>().join(", "),
        Value::Object(map) => map.values().map(flatten).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn validation_errors_flattened() {
        let value = json!({"validation_errors": {"typeId": ["The type id field is required."]}});
        assert_eq!(
            error_message(&value),
            "typeId: The type id field is required."
        );
        let nested = json!({"error": {"message": "No query results"}});
        assert_eq!(error_message(&nested), "No query results");
    }

    #[test]
    fn html_is_named() {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, "text/html".parse().unwrap());
        let error = classify("u", StatusCode::OK, &headers, b"<html>").unwrap_err();
        assert!(matches!(
            error,
            PlentyError::NotJson {
                kind: PageKind::Html,
                ..
            }
        ));
        let error =
            classify("u", StatusCode::SERVICE_UNAVAILABLE, &headers, b"<html>").unwrap_err();
        assert!(matches!(
            error,
            PlentyError::NotJson {
                kind: PageKind::Maintenance,
                ..
            }
        ));
    }

    #[test]
    fn redirect_reported() {
        let mut headers = HeaderMap::new();
        headers.insert(LOCATION, "https://other.example/".parse().unwrap());
        let error = classify("u", StatusCode::MOVED_PERMANENTLY, &headers, b"").unwrap_err();
        assert!(
            matches!(error, PlentyError::Redirect { ref location, .. } if location == "https://other.example/")
        );
    }
}
