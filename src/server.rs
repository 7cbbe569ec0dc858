//! The webhook receiver: checks each purchase event and turns it into a
//! ticket.

// Handlers return an early `Response` as their error; it is built once per
// request, so boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::config::ServerLimits;
use crate::event::{self, EventError};
use crate::guard;
use crate::metrics::Metrics;
use crate::outbox::{now_ms, Accepted, Entry, NewEvent, Outbox, State as EntryState};
use crate::plenty::PlentyClient;
use crate::webhook_auth::{self, WebhookAuth};
use crate::worker::{Finished, WorkerHandle};

/// State shared by the handlers.
#[derive(Clone)]
pub struct AppState {
    pub outbox: Outbox,
    pub worker: WorkerHandle,
    /// How long a request waits for its ticket before it responds 202.
    pub deadline: Duration,
    pub body_limit: usize,
    pub metrics: Metrics,
    /// Used by `/readyz` to check that a token can be had.
    pub client: PlentyClient,
    pub auth: Arc<WebhookAuth>,
    pub limits: ServerLimits,
}

/// Kind of a webhook response, attached to the response so one
/// middleware can count every outcome.
#[derive(Clone, Debug)]
struct Outcome(String);

/// Builds the router: the webhook on `path` and on `/rest` + `path`, where
/// plentymarkets served the replaced plugin's route, and `GET /healthz`.
/// With a shared secret, both paths also take it as a last segment.
pub fn router(state: AppState, path: &str) -> Router {
    let rest_path = format!("/rest{path}");
    let mut webhook = Router::new()
        .route(path, post(receive))
        .route(&rest_path, post(receive));
    if state.auth.has_secret() {
        let param = webhook_auth::SECRET_PARAM;
        webhook = webhook
            .route(&format!("{path}/{{{param}}}"), post(receive))
            .route(&format!("{rest_path}/{{{param}}}"), post(receive));
    }
    let webhook = webhook.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        count_outcome,
    ));
    let limits = state.limits;
    let router = Router::new()
        .merge(webhook)
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state);
    guard::apply(router, &limits)
}

async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

/// Counts every webhook request by the outcome its response carries.
async fn count_outcome(
    State(state): State<AppState>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    state.metrics.received.inc();
    let response = next.run(request).await;
    let fallback = match response.status().as_u16() {
        401 => "unauthorized".to_string(),
        408 => "request_timeout".to_string(),
        413 => "payload_too_large".to_string(),
        431 => "headers_too_large".to_string(),
        503 => "overloaded".to_string(),
        other => format!("status_{other}"),
    };
    let outcome = response
        .extensions()
        .get::<Outcome>()
        .map(|o| o.0.clone())
        .unwrap_or(fallback);
    match outcome.as_str() {
        "created" | "queued" | "dead" => {
            state.metrics.accepted.inc();
        }
        "duplicate" => {
            state.metrics.duplicates.inc();
        }
        reason => state.metrics.reject(reason),
    }
    response
}

/// `GET /metrics`: the Prometheus text format, with the queue gauges read
/// from the outbox at scrape time.
async fn metrics(State(state): State<AppState>) -> Response {
    match state.outbox.counts().await {
        Ok(counts) => {
            state.metrics.queue_depth.set(counts.pending);
            state.metrics.dead.set(counts.dead);
            let age = counts
                .oldest_pending_at
                .map(|at| (now_ms() - at).max(0) as f64 / 1000.0)
                .unwrap_or(0.0);
            state.metrics.oldest_pending_seconds.set(age);
        }
        Err(error) => tracing::warn!(%error, "outbox counts unavailable for metrics"),
    }
    let content_type = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    (
        [(header::CONTENT_TYPE, content_type)],
        state.metrics.render(),
    )
        .into_response()
}

/// `GET /readyz`: 200 when the outbox takes writes and a plentymarkets
/// token can be had, 503 naming the failed check otherwise.
async fn readyz(State(state): State<AppState>) -> Response {
    let outbox = state
        .outbox
        .counts()
        .await
        .map(|_| ())
        .map_err(|e| e.to_string());
    let token = state
        .client
        .token()
        .await
        .map(|_| ())
        .map_err(|e| e.kind().to_string());
    let check = |result: &Result<(), String>| match result {
        Ok(()) => json!({"ok": true}),
        Err(reason) => json!({"ok": false, "reason": reason}),
    };
    let ready = outbox.is_ok() && token.is_ok();
    let body = json!({
        "status": if ready { "ready" } else { "not_ready" },
        "checks": {"config": {"ok": true}, "outbox": check(&outbox), "plentymarkets_token": check(&token)},
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

async fn not_found() -> Response {
    problem(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such route; POST purchase events to the configured webhook path",
    )
}

async fn method_not_allowed() -> Response {
    problem(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this method is not allowed on this route; the webhook takes POST",
    )
}

/// Builds a JSON error answer: `{"error": kind, "message": text}`.
pub fn problem(status: StatusCode, kind: &str, message: &str) -> Response {
    let mut response = (status, Json(json!({"error": kind, "message": message}))).into_response();
    response.extensions_mut().insert(Outcome(kind.to_string()));
    response
}

async fn receive(State(state): State<AppState>, request: Request) -> Response {
    let (mut parts, body) = request.into_parts();
    if let Err(response) = check_content_type(&parts.headers) {
        return response;
    }
    let bytes = match read_body(&parts.headers, body, state.body_limit).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    if let Err(response) = webhook_auth::authorize(&state.auth, &mut parts, &bytes).await {
        return response;
    }
    if std::str::from_utf8(&bytes).is_err() {
        return problem(
            StatusCode::BAD_REQUEST,
            "invalid_utf8",
            "the body is not valid UTF-8",
        );
    }
    let event = match event::parse(&bytes) {
        Ok(event) => event,
        Err(EventError::Syntax(message)) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                &format!("the body is not valid JSON: {message}"),
            );
        }
        Err(error @ EventError::Invalid { .. }) => {
            tracing::info!(
                outcome = "rejected",
                path = error.path(),
                "invalid purchase event"
            );
            let body = json!({"error": "invalid_event", "message": error.to_string(), "path": error.path()});
            let mut response = (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
            response
                .extensions_mut()
                .insert(Outcome("invalid_event".into()));
            return response;
        }
    };
    let event_id = event.id.clone().unwrap_or_default();
    guard::record_event_id(&parts.extensions, &event_id);
    let stored = NewEvent {
        order_id: event.order.id.clone(),
        event_id: event.id.clone(),
        title: crate::ticket::title(event.first_item_name()),
        payload: bytes.to_vec(),
        now: now_ms(),
    };
    match state.outbox.accept(stored).await {
        Ok(Accepted::New(entry)) => await_delivery(&state, entry).await,
        Ok(Accepted::Duplicate(entry)) => {
            tracing::info!(id = entry.id, event_id = entry.event_id.as_deref().unwrap_or(""), order_id = %entry.order_id, ticket_id = entry.ticket_id, outcome = "duplicate", "event already stored");
            duplicate_answer(&entry)
        }
        Err(error) => {
            tracing::error!(order_id = %event.order.id, %error, outcome = "not_stored", "event could not be stored");
            let mut response = problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "not_stored",
                "the event could not be stored; send it again later",
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(30u32));
            response
        }
    }
}

/// Waits up to the deadline for the worker to deliver a new event: 200
/// with the ticket ID when it did, 202 while it is still queued.
async fn await_delivery(state: &AppState, entry: Entry) -> Response {
    if state.deadline.is_zero() {
        state.worker.wake();
        tracing::info!(id = entry.id, event_id = entry.event_id.as_deref().unwrap_or(""), order_id = %entry.order_id, outcome = "queued", "stored, delivery pending");
        return answer(
            StatusCode::ACCEPTED,
            "queued",
            &entry,
            None,
            entry.event_id.clone(),
        );
    }
    let finished = state.worker.subscribe(entry.id);
    state.worker.wake();
    let outcome = tokio::time::timeout(state.deadline, finished).await;
    let marketplace_id = entry.event_id.clone();
    match outcome {
        Ok(Ok(Finished::Done { ticket_id })) => {
            tracing::info!(id = entry.id, event_id = entry.event_id.as_deref().unwrap_or(""), order_id = %entry.order_id, ticket_id, outcome = "created", "answered with ticket");
            answer(
                StatusCode::OK,
                "created",
                &entry,
                Some(ticket_id),
                marketplace_id,
            )
        }
        Ok(Ok(Finished::Dead)) => {
            tracing::info!(id = entry.id, event_id = entry.event_id.as_deref().unwrap_or(""), order_id = %entry.order_id, outcome = "dead", "stored, delivery given up");
            answer(StatusCode::ACCEPTED, "dead", &entry, None, marketplace_id)
        }
        _ => {
            state.worker.unsubscribe_closed(entry.id);
            tracing::info!(id = entry.id, event_id = entry.event_id.as_deref().unwrap_or(""), order_id = %entry.order_id, outcome = "queued", "stored, delivery pending");
            answer(StatusCode::ACCEPTED, "queued", &entry, None, marketplace_id)
        }
    }
}

fn duplicate_answer(entry: &Entry) -> Response {
    // 200 once the order has a ticket, 202 while it has none (queued or dead).
    let status = if entry.ticket_id.is_some() {
        StatusCode::OK
    } else {
        StatusCode::ACCEPTED
    };
    answer(
        status,
        "duplicate",
        entry,
        entry.ticket_id,
        entry.event_id.clone(),
    )
}

/// Builds the JSON answer to a stored event: `eventId` is the outbox ID that
/// `outbox show` takes.
fn answer(
    status: StatusCode,
    kind: &str,
    entry: &Entry,
    ticket_id: Option<i64>,
    marketplace_id: Option<String>,
) -> Response {
    let body = json!({
        "status": kind,
        "eventId": entry.id,
        "orderId": entry.order_id,
        "ticketId": ticket_id,
        "state": entry_state(entry, kind, ticket_id),
        "marketplaceEventId": marketplace_id,
    });
    let mut response = (status, Json(body)).into_response();
    response.extensions_mut().insert(Outcome(kind.to_string()));
    response
}

/// Returns the event's delivery state as the answer reports it: the stored state
/// of a duplicate, or what the wait for a new event found out.
fn entry_state(entry: &Entry, kind: &str, ticket_id: Option<i64>) -> &'static str {
    match (kind, ticket_id) {
        ("created", _) => EntryState::Done.as_str(),
        ("dead", _) => EntryState::Dead.as_str(),
        ("duplicate", Some(_)) if entry.state != EntryState::Dead => {
            if entry.state == EntryState::Done {
                "done"
            } else {
                "ticket_created"
            }
        }
        _ => entry.state.as_str(),
    }
}

/// Accepts `application/json` and `application/*+json` in UTF-8. A request
/// without `Content-Type` is let through to the JSON check.
/// NOTE: the marketplace's own headers are undocumented; rejecting a
/// missing type could lose purchases, so only a wrong type is refused.
fn check_content_type(headers: &HeaderMap) -> Result<(), Response> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let text = value.to_str().unwrap_or_default().to_ascii_lowercase();
    let mut parts = text.split(';').map(str::trim);
    let mime = parts.next().unwrap_or_default();
    let is_json =
        mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"));
    if !is_json {
        return Err(problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the event as Content-Type: application/json",
        ));
    }
    for param in parts {
        if let Some((name, charset)) = param.split_once('=') {
            let charset = charset.trim().trim_matches('"');
            if name.trim() == "charset" && charset != "utf-8" && charset != "utf8" {
                return Err(problem(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_charset",
                    "send the event in UTF-8",
                ));
            }
        }
    }
    Ok(())
}

/// Reads the body up to `limit` bytes: a larger `Content-Length` is
/// rejected before reading, a chunked body as soon as it crosses the limit.
async fn read_body(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<axum::body::Bytes, Response> {
    let too_large = || {
        problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            &format!("the body exceeds {limit} bytes"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large());
    }
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => Ok(bytes),
        Err(error) => {
            let is_limit = std::error::Error::source(&error)
                .is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            if is_limit {
                Err(too_large())
            } else if guard::is_body_timeout(&error) {
                Err(problem(
                    StatusCode::REQUEST_TIMEOUT,
                    "request_timeout",
                    "the body did not arrive in time; send the event again",
                ))
            } else {
                Err(problem(
                    StatusCode::BAD_REQUEST,
                    "body_read_failed",
                    "the body could not be read",
                ))
            }
        }
    }
}
