//! One module per subcommand.

pub mod completions;
pub mod config;
pub mod list;
pub mod man;
pub mod outbox;
pub mod sandbox;
pub mod send_webhook;
pub mod serve;
pub mod setup;
pub mod ticket;
pub mod validate;

use crate::config::{resolve_password, PartialConfig};
use crate::plenty::{ClientOptions, PlentyClient};

/// Builds a REST client from a merged configuration.
pub fn client(config: &PartialConfig) -> anyhow::Result<PlentyClient> {
    let password = resolve_password(config)?;
    let connection = config.connection(password)?;
    Ok(PlentyClient::new(&connection, ClientOptions::default())?)
}

/// Completes when the process receives SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {}
        _ = terminate => {}
    }
    tracing::info!("stop signal received, finishing requests in flight");
}
