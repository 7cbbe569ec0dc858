//! A stand-in for plentymarkets on loopback: every REST route the client
//! uses, with sessions, rate limits, validation and injectable faults.

mod handlers;
mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;

use state::State;
pub use state::Stats;

use crate::secret::Secret;

/// Ways to make the sandbox misbehave; each rate is a fraction from 0 to 1
/// of the calls after login.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Responds 500, 502 or 503 without doing anything.
    pub server_error_rate: f64,
    /// Responds 429 with `Retry-After` without doing anything.
    pub throttle_rate: f64,
    /// Waits [`Faults::hang`] before responding, so clients time out.
    pub timeout_rate: f64,
    /// Create the ticket or message, then break the connection before the
    /// answer's body arrives.
    pub drop_answer_rate: f64,
    /// Added to every answer.
    pub latency: Duration,
    /// How long a timed-out call hangs.
    pub hang: Duration,
    /// `Retry-After` seconds of injected 429 answers.
    pub retry_after_secs: u64,
    /// Routes answered with 403, as for a REST user without the right,
    /// such as `/rest/backend/users`.
    pub forbidden_routes: Vec<String>,
}

/// Settings of the sandbox: credentials, limits and faults.
#[derive(Debug, Clone)]
pub struct SandboxOptions {
    pub username: String,
    pub password: Secret,
    /// Open sessions allowed per user; plentymarkets' default is 3.
    pub max_sessions: usize,
    /// Read calls per period.
    pub read_limit: u64,
    /// Write calls per period.
    pub write_limit: u64,
    pub period: Duration,
    pub token_lifetime: Duration,
    pub faults: Faults,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        Self {
            username: "sandbox".into(),
            password: Secret::new("sandbox-password"),
            max_sessions: 3,
            // plentymarkets' "Classic" tariff: 200 reads and 80 writes a minute.
            read_limit: 200,
            write_limit: 80,
            period: Duration::from_secs(60),
            token_lifetime: Duration::from_secs(86_400),
            faults: Faults {
                hang: Duration::from_secs(120),
                retry_after_secs: 1,
                ..Faults::default()
            },
        }
    }
}

pub type Shared = Arc<Mutex<State>>;

/// A sandbox serving on a bound listener.
pub struct Sandbox {
    pub addr: SocketAddr,
    pub base_url: String,
    state: Shared,
}

impl Sandbox {
    pub fn stats(&self) -> Stats {
        self.state.lock().expect("sandbox state").stats.clone()
    }
}

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/rest/login", post(handlers::login))
        .route("/rest/logout", post(handlers::logout))
        .route(
            "/rest/tickets",
            get(handlers::list_tickets).post(handlers::create_ticket),
        )
        .route("/rest/tickets/types/names", get(handlers::type_names))
        .route("/rest/tickets/status/names", get(handlers::status_names))
        .route(
            "/rest/tickets/status/type/names",
            get(handlers::status_type_names),
        )
        .route(
            "/rest/tickets/{id}",
            get(handlers::get_ticket).post(handlers::create_message),
        )
        .route(
            "/rest/tickets/{id}/messages",
            get(handlers::ticket_messages),
        )
        .route("/rest/backend/users", get(handlers::users))
        .route("/rest/webstores", get(handlers::webstores))
        .route("/sandbox/stats", get(handlers::stats))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            handlers::forbid,
        ))
        .with_state(state)
}

/// Serves the sandbox on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    options: SandboxOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = Arc::new(Mutex::new(State::new(options)));
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Starts the sandbox in the background on `listener`, for `serve --sandbox`
/// and tests.
pub fn spawn(listener: TcpListener, options: SandboxOptions) -> std::io::Result<Sandbox> {
    let addr = listener.local_addr()?;
    let state = Arc::new(Mutex::new(State::new(options)));
    let app = router(state.clone());
    tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, app).await {
            tracing::error!(%error, "sandbox stopped");
        }
    });
    Ok(Sandbox {
        addr,
        base_url: format!("http://{addr}"),
        state,
    })
}
