//! The webhook's secrets, request limits and TLS files: their keys,
//! defaults and validation.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use base64::Engine as _;
use rand::RngCore as _;

use super::{KeySpec, PartialConfig, Problem};
use crate::config::Issue;
use crate::secret::{Secret, REDACTED};

pub const WEBHOOK_SECRET: KeySpec = KeySpec {
    key: "webhook.secret",
    flag: "setup --generate-secret",
    env: "PSH_WEBHOOK_SECRET",
};
pub const SIGNING_SECRET: KeySpec = KeySpec {
    key: "webhook.signing_secret",
    flag: "'plenty-service-helper config set webhook.signing_secret whsec_…'",
    env: "PSH_WEBHOOK_SIGNING_SECRET",
};
pub const MAX_BODY_BYTES: KeySpec = KeySpec {
    key: "webhook.max_body_bytes",
    flag: "'plenty-service-helper config set webhook.max_body_bytes N'",
    env: "PSH_MAX_BODY_BYTES",
};
pub const MAX_HEADER_BYTES: KeySpec = KeySpec {
    key: "webhook.max_header_bytes",
    flag: "'plenty-service-helper config set webhook.max_header_bytes N'",
    env: "PSH_MAX_HEADER_BYTES",
};
pub const REQUEST_TIMEOUT_SECS: KeySpec = KeySpec {
    key: "webhook.request_timeout_secs",
    flag: "'plenty-service-helper config set webhook.request_timeout_secs N'",
    env: "PSH_REQUEST_TIMEOUT_SECS",
};
pub const MAX_CONCURRENT_REQUESTS: KeySpec = KeySpec {
    key: "webhook.max_concurrent_requests",
    flag: "'plenty-service-helper config set webhook.max_concurrent_requests N'",
    env: "PSH_MAX_CONCURRENT_REQUESTS",
};
pub const TLS_CERT: KeySpec = KeySpec {
    key: "webhook.tls_cert",
    flag: "--tls-cert",
    env: "PSH_TLS_CERT",
};
pub const TLS_KEY: KeySpec = KeySpec {
    key: "webhook.tls_key",
    flag: "--tls-key",
    env: "PSH_TLS_KEY",
};

/// Shortest accepted shared secret, in characters. A generated secret has 43.
pub const MIN_SECRET_CHARS: usize = 24;
/// Shortest accepted signing key, in bytes after base64 decoding.
pub const MIN_SIGNING_KEY_BYTES: usize = 16;

/// Limits on each request `serve` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// Largest request body; larger ones get 413.
    pub max_body_bytes: usize,
    /// Largest sum of the request line and all header names and values;
    /// larger ones get 431.
    pub max_header_bytes: usize,
    /// Time allowed for the headers to arrive, and again for the body
    /// after them. Slow headers get the connection closed, a slow body 408.
    pub request_timeout: Duration,
    /// Requests handled at once; more get 503 with `Retry-After`.
    pub max_concurrent_requests: usize,
}

impl Default for ServerLimits {
    /// 1 MiB of body is hundreds of times a real purchase event. 16 KiB of
    /// headers is twice the 8 KiB per header line that nginx and Apache
    /// accept by default. 30 seconds and 64 requests at once are far above what one
    /// merchant's marketplace traffic needs.
    fn default() -> Self {
        Self {
            max_body_bytes: 1024 * 1024,
            max_header_bytes: 16 * 1024,
            request_timeout: Duration::from_secs(30),
            max_concurrent_requests: 64,
        }
    }
}

/// Certificate chain and private key, both PEM files, for HTTPS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// A decoded Standard Webhooks signing key; printed only as [`REDACTED`].
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKey(Vec<u8>);

impl SigningKey {
    /// Returns the key bytes, for the HMAC that needs them.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey({REDACTED})")
    }
}

/// Generates a shared secret: 32 random bytes from the thread-local CSPRNG
/// as unpadded URL-safe base64, so it can stand in a URL path as it is.
pub fn generate_secret() -> Secret {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    Secret::new(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// Decodes a Standard Webhooks secret: `whsec_` and standard base64. The
/// prefix may be left out, as the reference libraries allow.
pub fn decode_signing_secret(text: &str) -> Result<SigningKey, &'static str> {
    let encoded = text.trim();
    let encoded = encoded.strip_prefix("whsec_").unwrap_or(encoded);
    let key = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .map_err(|_| "expected whsec_ followed by base64, as the signing relay shows it")?;
    if key.len() < MIN_SIGNING_KEY_BYTES {
        return Err("the key is shorter than 16 bytes; use the secret the relay generated");
    }
    Ok(SigningKey(key))
}

fn check_secret(secret: &Secret) -> Result<(), String> {
    let text = secret.expose();
    if text.chars().count() < MIN_SECRET_CHARS {
        return Err(format!(
            "shorter than {MIN_SECRET_CHARS} characters; run 'plenty-service-helper setup --non-interactive --generate-secret' for a random one"
        ));
    }
    let url_safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~');
    if !text.chars().all(url_safe) {
        return Err("use only letters, digits, '-', '_', '.' and '~', so it fits in a URL".into());
    }
    Ok(())
}

impl PartialConfig {
    /// Validates the secrets; an empty value counts as not set.
    pub(super) fn webhook_auth(
        &self,
        problems: &mut Vec<Problem>,
    ) -> (Option<Secret>, Option<SigningKey>) {
        let webhook = &self.webhook;
        let secret = webhook.secret.clone().filter(|s| !s.is_empty());
        if let Some(reason) = secret.as_ref().and_then(|s| check_secret(s).err()) {
            problems.push(redacted(WEBHOOK_SECRET, reason));
        }
        let signing = webhook.signing_secret.as_ref().filter(|s| !s.is_empty());
        let signing_key = match signing.map(|s| decode_signing_secret(s.expose())) {
            None => None,
            Some(Ok(key)) => Some(key),
            Some(Err(reason)) => {
                problems.push(redacted(SIGNING_SECRET, reason.to_string()));
                None
            }
        };
        (secret, signing_key)
    }

    /// Validates the request limits, falling back to the defaults.
    pub(super) fn server_limits(&self, problems: &mut Vec<Problem>) -> ServerLimits {
        let webhook = &self.webhook;
        let defaults = ServerLimits::default();
        let mut check = |value: Option<u64>, spec: KeySpec, min: u64, max: u64, default: u64| {
            let Some(value) = value else {
                return default;
            };
            if (min..=max).contains(&value) {
                return value;
            }
            problems.push(Problem {
                spec,
                issue: Issue::Invalid {
                    value: value.to_string(),
                    reason: format!("expected a whole number from {min} to {max}"),
                },
            });
            default
        };
        let body = check(
            webhook.max_body_bytes,
            MAX_BODY_BYTES,
            1024,
            64 * 1024 * 1024,
            defaults.max_body_bytes as u64,
        );
        let header = check(
            webhook.max_header_bytes,
            MAX_HEADER_BYTES,
            1024,
            256 * 1024,
            defaults.max_header_bytes as u64,
        );
        let timeout = check(
            webhook.request_timeout_secs,
            REQUEST_TIMEOUT_SECS,
            1,
            600,
            defaults.request_timeout.as_secs(),
        );
        let concurrent = check(
            webhook.max_concurrent_requests,
            MAX_CONCURRENT_REQUESTS,
            1,
            10_000,
            defaults.max_concurrent_requests as u64,
        );
        ServerLimits {
            max_body_bytes: body as usize,
            max_header_bytes: header as usize,
            request_timeout: Duration::from_secs(timeout),
            max_concurrent_requests: concurrent as usize,
        }
    }

    /// Validates that certificate and key are given together.
    pub(super) fn tls_files(&self, problems: &mut Vec<Problem>) -> Option<TlsFiles> {
        let non_empty = |path: &Option<PathBuf>| path.clone().filter(|p| !p.as_os_str().is_empty());
        match (
            non_empty(&self.webhook.tls_cert),
            non_empty(&self.webhook.tls_key),
        ) {
            (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
            (None, None) => None,
            (Some(_), None) => {
                problems.push(Problem {
                    spec: TLS_KEY,
                    issue: Issue::Missing,
                });
                None
            }
            (None, Some(_)) => {
                problems.push(Problem {
                    spec: TLS_CERT,
                    issue: Issue::Missing,
                });
                None
            }
        }
    }
}

/// Builds the problem for a secret value: it names the key, never the value.
fn redacted(spec: KeySpec, reason: String) -> Problem {
    Problem {
        spec,
        issue: Issue::Invalid {
            value: REDACTED.to_string(),
            reason,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_secret_passes_validation() {
        let secret = generate_secret();
        assert_eq!(secret.expose().len(), 43);
        assert!(check_secret(&secret).is_ok());
        assert_ne!(generate_secret(), secret);
    }

    #[test]
    fn short_or_unsafe_secret_rejected_redacted() {
        let mut config = PartialConfig::default();
        config.webhook.secret = Some(Secret::new("short-secret"));
        config.webhook.signing_secret = Some(Secret::new("whsec_not base64!"));
        let mut problems = Vec::new();
        config.webhook_auth(&mut problems);
        let keys: Vec<_> = problems.iter().map(|p| p.spec.key).collect();
        assert_eq!(keys, ["webhook.secret", "webhook.signing_secret"]);
        let text = format!("{problems:?}");
        assert!(!text.contains("short-secret"), "{text}");
        assert!(!text.contains("not base64"), "{text}");

        config.webhook.secret = Some(Secret::new("a".repeat(30) + "/x"));
        let mut problems = Vec::new();
        config.webhook_auth(&mut problems);
        assert_eq!(problems[0].spec, WEBHOOK_SECRET);
    }

    #[test]
    fn signing_secret_with_and_without_prefix() {
        let with = decode_signing_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let without = decode_signing_secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        assert_eq!(with, without);
        assert_eq!(with.expose().len(), 24);
        assert!(decode_signing_secret("whsec_c2hvcnQ=").is_err());
    }

    #[test]
    fn limits_default_and_range_checked() {
        let mut config = PartialConfig::default();
        let mut problems = Vec::new();
        assert_eq!(config.server_limits(&mut problems), ServerLimits::default());
        config.webhook.request_timeout_secs = Some(0);
        config.webhook.max_concurrent_requests = Some(8);
        let limits = config.server_limits(&mut problems);
        assert_eq!(limits.max_concurrent_requests, 8);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].spec, REQUEST_TIMEOUT_SECS);
    }

    #[test]
    fn tls_needs_both_files() {
        let mut config = PartialConfig::default();
        config.webhook.tls_cert = Some("cert.pem".into());
        let mut problems = Vec::new();
        assert_eq!(config.tls_files(&mut problems), None);
        assert_eq!(problems[0].spec, TLS_KEY);
        assert_eq!(problems[0].issue, Issue::Missing);
    }
}
