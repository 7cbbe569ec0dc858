//! The HTTP listener of `serve`: plain HTTP or HTTPS with rustls, HTTP/1
//! and HTTP/2, with a deadline for the request headers and a cap on their
//! buffer, and graceful shutdown.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::TlsAcceptor;

use crate::config::{ServerLimits, TlsFiles};

/// A certificate or key file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("TLS file {path} could not be read as PEM: {detail}")]
    Read { path: PathBuf, detail: String },
    #[error("TLS certificate {cert} and key {key} do not form a usable pair: {detail}")]
    Pair {
        cert: PathBuf,
        key: PathBuf,
        detail: String,
    },
}

impl TlsError {
    /// Returns the file to name in the message.
    pub fn path(&self) -> &Path {
        match self {
            TlsError::Read { path, .. } => path,
            TlsError::Pair { cert, .. } => cert,
        }
    }

    pub fn detail(&self) -> &str {
        match self {
            TlsError::Read { detail, .. } | TlsError::Pair { detail, .. } => detail,
        }
    }
}

/// Loads the certificate chain and key into a rustls server configuration
/// that offers HTTP/2 and HTTP/1.1.
pub fn load_tls(files: &TlsFiles) -> Result<Arc<ServerConfig>, TlsError> {
    let read_error = |path: &Path, detail: String| TlsError::Read {
        path: path.to_path_buf(),
        detail,
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&files.cert)
        .and_then(|iter| iter.collect())
        .map_err(|error| read_error(&files.cert, error.to_string()))?;
    if certs.is_empty() {
        return Err(read_error(&files.cert, "no CERTIFICATE block found".into()));
    }
    let key = PrivateKeyDer::from_pem_file(&files.key)
        .map_err(|error| read_error(&files.key, error.to_string()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|builder| builder.with_no_client_auth().with_single_cert(certs, key))
        .map_err(|error| TlsError::Pair {
            cert: files.cert.clone(),
            key: files.key.clone(),
            detail: error.to_string(),
        })?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Serves `app` on `listener` until `shutdown` completes, then waits for
/// open connections to finish their requests. With `tls`, every connection
/// must complete a TLS handshake within the request timeout.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ServerLimits,
    tls: Option<Arc<ServerConfig>>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let builder = connection_builder(&limits);
    let acceptor = tls.map(TlsAcceptor::from);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(connection) => connection,
                Err(error) => {
                    // Running out of file descriptors is the usual cause;
                    // a short pause lets connections close before retrying.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let builder = builder.clone();
        let app = app.clone();
        let watcher = graceful.watcher();
        let acceptor = acceptor.clone();
        let handshake_timeout = limits.request_timeout;
        tokio::spawn(async move {
            let Some(acceptor) = acceptor else {
                serve_connection(&builder, stream, app, watcher).await;
                return;
            };
            match tokio::time::timeout(handshake_timeout, acceptor.accept(stream)).await {
                Ok(Ok(tls_stream)) => serve_connection(&builder, tls_stream, app, watcher).await,
                Ok(Err(error)) => tracing::debug!(%error, "TLS handshake failed"),
                Err(_) => tracing::debug!("TLS handshake timed out"),
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// HTTP/1 gets the request timeout as its header read timeout and a read
/// buffer of four times the header limit, at least 64 KiB. Headers between
/// the limit and the buffer size get the JSON 431 of the header guard;
/// beyond the buffer hyper responds 431 itself.
fn connection_builder(limits: &ServerLimits) -> auto::Builder<TokioExecutor> {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.request_timeout)
        .max_buf_size((limits.max_header_bytes * 4).max(64 * 1024));
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_header_list_size((limits.max_header_bytes * 4) as u32);
    builder
}

async fn serve_connection<I>(
    builder: &auto::Builder<TokioExecutor>,
    io: I,
    app: Router,
    watcher: hyper_util::server::graceful::Watcher,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = TowerToHyperService::new(app);
    let connection = builder.serve_connection_with_upgrades(TokioIo::new(io), service);
    if let Err(error) = watcher.watch(connection.into_owned()).await {
        tracing::debug!(error = %error, "connection closed with an error");
    }
}
