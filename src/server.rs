//! The webhook receiver: checks each purchase event and turns it into a
//! ticket.

// Handlers return an early `Response` as their error; it is built once per
// request, so boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::net::TcpListener;

use crate::config::{ServerLimits, TicketSettings};
use crate::deliver::{deliver, DeliveryError};
use crate::event::{self, EventError};
use crate::guard;
use crate::plenty::PlentyClient;
use crate::webhook_auth::{self, WebhookAuth};

/// Largest request body accepted, in bytes.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub client: PlentyClient,
    pub ticket: TicketSettings,
    pub body_limit: usize,
    pub auth: Arc<WebhookAuth>,
    pub limits: ServerLimits,
}

/// Builds the router: the webhook on `path` and on `/rest` + `path`, where
/// plentymarkets served the replaced plugin's route, and `GET /healthz`.
/// With a shared secret, both paths also take it as a last segment.
pub fn router(state: AppState, path: &str) -> Router {
    let rest_path = format!("/rest{path}");
    let mut router = Router::new()
        .route(path, post(receive))
        .route(&rest_path, post(receive));
    if state.auth.has_secret() {
        let param = webhook_auth::SECRET_PARAM;
        router = router
            .route(&format!("{path}/{{{param}}}"), post(receive))
            .route(&format!("{rest_path}/{{{param}}}"), post(receive));
    }
    let limits = state.limits;
    let router = router
        .route("/healthz", get(healthz))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state);
    guard::apply(router, &limits)
}

/// Serves `app` on `listener` until `shutdown` completes, then lets
/// requests in flight finish.
pub async fn run(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
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
        "use POST with a JSON purchase event",
    )
}

/// A JSON error answer: `{"error": kind, "message": text}`.
pub fn problem(status: StatusCode, kind: &str, message: &str) -> Response {
    (status, Json(json!({"error": kind, "message": message}))).into_response()
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
            return (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
        }
    };
    let event_id = event.id.clone().unwrap_or_default();
    guard::record_event_id(&parts.extensions, &event_id);
    let order_id = event.order.id.clone();
    match deliver(&state.client, &state.ticket, &event).await {
        Ok(delivered) => {
            tracing::info!(
                event_id,
                order_id,
                ticket_id = delivered.ticket_id,
                outcome = "created",
                "ticket created"
            );
            let body = json!({
                "status": "created", "ticketId": delivered.ticket_id, "messageId": delivered.message_id,
                "eventId": event.id, "orderId": order_id,
            });
            (StatusCode::OK, Json(body)).into_response()
        }
        Err(error) => delivery_failed(&error, &event_id, &order_id),
    }
}

fn delivery_failed(error: &DeliveryError, event_id: &str, order_id: &str) -> Response {
    let plenty = error.plenty();
    tracing::error!(event_id, order_id, ticket_id = error.ticket_id(), outcome = "failed", kind = plenty.kind(), error = %error, "ticket not delivered");
    let status = if plenty.is_transient() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::BAD_GATEWAY
    };
    let body = json!({
        "error": "plentymarkets_failed", "kind": plenty.kind(), "message": error.to_string(),
        "ticketId": error.ticket_id(),
    });
    let mut response = (status, Json(body)).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        let seconds = plenty
            .retry_after()
            .unwrap_or(Duration::from_secs(60))
            .as_secs()
            .max(1);
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
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
