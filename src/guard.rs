//! Guards in front of every route: a cap on header size, a deadline for
//! the request body, a limit on requests handled at once, and a net for
//! panics that responds 500 and logs the event ID.

use std::future::Future as _;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, Extensions, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use futures_util::FutureExt as _;
use tokio::sync::Semaphore;

use crate::config::ServerLimits;
use crate::server::problem;

/// Wraps `router` in the guards, outermost first: panic net, concurrency
/// limit, header size, body deadline.
pub fn apply(router: Router, limits: &ServerLimits) -> Router {
    let permits = Arc::new(Semaphore::new(limits.max_concurrent_requests));
    let header_limit = limits.max_header_bytes;
    let body_timeout = limits.request_timeout;
    router
        .layer(middleware::from_fn_with_state(body_timeout, body_deadline))
        .layer(middleware::from_fn_with_state(header_limit, header_size))
        .layer(middleware::from_fn_with_state(permits, concurrency))
        .layer(middleware::from_fn(catch_panic))
}

/// Rejects a request whose request line and headers together exceed
/// `limit` bytes. Each header counts its name, its value and 4 bytes for
/// `": "` and the line end, as on the wire.
async fn header_size(State(limit): State<usize>, request: Request, next: Next) -> Response {
    let head = request.uri().to_string().len()
        + request
            .headers()
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + 4)
            .sum::<usize>();
    if head > limit {
        return problem(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "headers_too_large",
            &format!("the request line and headers exceed {limit} bytes"),
        );
    }
    next.run(request).await
}

/// Responds 503 with `Retry-After` when all permits are taken, instead of
/// queueing requests without bound.
async fn concurrency(
    State(permits): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response {
    let Ok(_permit) = permits.try_acquire_owned() else {
        tracing::warn!("request rejected: too many requests at once");
        let mut response = problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            "too many requests at once; send the event again in a moment",
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return response;
    };
    next.run(request).await
}

/// The error a request body returns once its deadline has passed.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive within {0:?}")]
pub struct BodyTimedOut(pub Duration);

/// True when `error`, from reading a body, comes from a passed deadline.
pub fn is_body_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(current) = cause {
        if current.is::<BodyTimedOut>() {
            return true;
        }
        cause = current.source();
    }
    false
}

/// Gives the request body `timeout` from now to arrive in full, so a client
/// that trickles bytes cannot hold a connection and a permit for ever.
async fn body_deadline(State(timeout): State<Duration>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let body = Body::new(DeadlineBody {
        inner: body,
        sleep: Box::pin(tokio::time::sleep(timeout)),
        timeout,
    });
    next.run(Request::from_parts(parts, body)).await
}

struct DeadlineBody {
    inner: Body,
    sleep: Pin<Box<tokio::time::Sleep>>,
    timeout: Duration,
}

impl HttpBody for DeadlineBody {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        if let Poll::Ready(frame) = Pin::new(&mut self.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|result| result.map_err(Into::into)));
        }
        if self.sleep.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(BodyTimedOut(self.timeout).into())));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// The event ID of the request being handled, filled in by the handler
/// once it has parsed the event, so the panic net can log it.
#[derive(Clone, Default)]
struct EventIdSlot(Arc<Mutex<Option<String>>>);

/// Records the event ID of the current request for the panic log.
pub fn record_event_id(extensions: &Extensions, event_id: &str) {
    if let Some(slot) = extensions.get::<EventIdSlot>() {
        if let Ok(mut guard) = slot.0.lock() {
            *guard = Some(event_id.to_string());
        }
    }
}

/// Catches a panic in any inner layer or handler, logs it with the event
/// ID when known, and responds 500 without details, so no request can stop
/// the process or leak internals.
async fn catch_panic(mut request: Request, next: Next) -> Response {
    let slot = EventIdSlot::default();
    request.extensions_mut().insert(slot.clone());
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(_payload) => {
            let event_id = slot.0.lock().ok().and_then(|guard| guard.clone());
            log_panic(event_id.as_deref());
            problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "internal error",
            )
        }
    }
}

/// Logs a caught panic. The panic message is left out, since it may quote
/// event content such as a customer's name.
fn log_panic(event_id: Option<&str>) {
    tracing::error!(
        event_id = event_id.unwrap_or("unknown"),
        outcome = "panicked",
        "request handler panicked; responded 500"
    );
}

/// Replaces the default panic hook, which prints the panic message to
/// stderr, with one that logs only where the panic happened, since the
/// message may quote event content.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|place| format!("{}:{}", place.file(), place.line()))
            .unwrap_or_default();
        tracing::error!(location, "panic");
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::post;
    use tower::ServiceExt as _;

    fn limits() -> ServerLimits {
        ServerLimits {
            max_body_bytes: 1024,
            max_header_bytes: 1024,
            request_timeout: Duration::from_millis(200),
            max_concurrent_requests: 1,
        }
    }

    async fn panics(request: Request) -> &'static str {
        record_event_id(request.extensions(), "evt_panicking");
        panic!("customer Erika Beispiel broke it");
    }

    async fn status_of(app: Router, request: Request) -> (StatusCode, serde_json::Value) {
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap_or_default())
    }

    #[tokio::test]
    async fn panic_answered_500_without_details() {
        let app = apply(Router::new().route("/", post(panics)), &limits());
        let request = Request::post("/").body(Body::empty()).unwrap();
        let (status, body) = status_of(app, request).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(body["error"], "internal_error");
        assert!(!body.to_string().contains("Erika"), "{body}");
    }

    /// A log sink the test can read back.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn panic_logged_with_event_id() {
        let captured = Captured::default();
        let sink = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || sink.clone())
            .with_ansi(false)
            .finish();
        let _default = tracing::subscriber::set_default(subscriber);

        let app = apply(Router::new().route("/", post(panics)), &limits());
        let request = Request::post("/").body(Body::empty()).unwrap();
        let (status, _) = status_of(app, request).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);

        let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        assert!(logs.contains("evt_panicking"), "{logs}");
        assert!(!logs.contains("Erika"), "{logs}");
    }

    #[tokio::test]
    async fn oversized_headers_get_431() {
        let app = apply(Router::new().route("/", post(|| async { "ok" })), &limits());
        let request = Request::post("/")
            .header("x-padding", "a".repeat(2000))
            .body(Body::empty())
            .unwrap();
        let (status, body) = status_of(app, request).await;
        assert_eq!(status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
        assert_eq!(body["error"], "headers_too_large");
    }

    #[tokio::test]
    async fn body_deadline_passes_as_error() {
        async fn read(request: Request) -> StatusCode {
            match axum::body::to_bytes(request.into_body(), 1024).await {
                Ok(_) => StatusCode::OK,
                Err(error) if is_body_timeout(&error) => StatusCode::REQUEST_TIMEOUT,
                Err(_) => StatusCode::BAD_REQUEST,
            }
        }
        let app = apply(Router::new().route("/", post(read)), &limits());
        let (_sender, body) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(1);
        let stream = tokio_stream_from(body);
        let request = Request::post("/").body(Body::from_stream(stream)).unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::REQUEST_TIMEOUT);
    }

    fn tokio_stream_from(
        mut receiver: tokio::sync::mpsc::Receiver<Result<Bytes, std::io::Error>>,
    ) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> {
        futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx))
    }

    #[tokio::test]
    async fn second_request_at_once_gets_503() {
        let (entered, mut wait_entered) = tokio::sync::mpsc::channel::<()>(1);
        let release = Arc::new(tokio::sync::Notify::new());
        let held = release.clone();
        let handler = move || {
            let entered = entered.clone();
            let held = held.clone();
            async move {
                let _ = entered.send(()).await;
                held.notified().await;
                "done"
            }
        };
        let app = apply(Router::new().route("/", post(handler)), &limits());
        let first = tokio::spawn(
            app.clone()
                .oneshot(Request::post("/").body(Body::empty()).unwrap()),
        );
        wait_entered.recv().await.unwrap();
        let request = Request::post("/").body(Body::empty()).unwrap();
        let (status, body) = status_of(app, request).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(body["error"], "overloaded");
        release.notify_one();
        assert_eq!(first.await.unwrap().unwrap().status(), StatusCode::OK);
    }
}
