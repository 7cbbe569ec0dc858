//! Authentication of incoming purchase events.
//!
//! plentyMarketplace signs nothing and sends no credentials, so the
//! endpoint protects itself with two optional checks, each on only when
//! configured:
//!
//! - a shared secret, as the last path segment (the marketplace form takes
//!   only a URL) or as `Authorization: Bearer <secret>`;
//! - a Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,
//!   `webhook-signature`), for relays that sign what they forward.
//!
//! Both compare in constant time, and a failed check gets 401 with a fixed
//! body that never depends on the value sent.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::config::SigningKey;
use crate::secret::Secret;

/// How far `webhook-timestamp` may lie from the server's clock, either way,
/// in seconds; the Standard Webhooks specification suggests five minutes.
pub const TIMESTAMP_TOLERANCE_SECS: i64 = 5 * 60;

/// Name of the path parameter that carries the shared secret.
pub const SECRET_PARAM: &str = "secret";

/// The checks configured for the webhook.
#[derive(Debug, Clone, Default)]
pub struct WebhookAuth {
    secret: Option<Secret>,
    signing_key: Option<SigningKey>,
}

impl WebhookAuth {
    pub fn new(secret: Option<Secret>, signing_key: Option<SigningKey>) -> Self {
        Self {
            secret,
            signing_key,
        }
    }

    /// True when a shared secret is configured, so the routes that carry it
    /// in the path exist.
    pub fn has_secret(&self) -> bool {
        self.secret.is_some()
    }
}

/// Reason a request was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The shared secret is missing or wrong.
    Secret,
    /// A signature header is missing or malformed.
    SignatureMissing,
    /// `webhook-timestamp` lies outside the tolerance.
    SignatureExpired,
    /// No signature matches the body.
    SignatureInvalid,
}

impl Rejection {
    fn kind(self) -> &'static str {
        match self {
            Rejection::Secret => "unauthorized",
            Rejection::SignatureMissing => "signature_missing",
            Rejection::SignatureExpired => "signature_expired",
            Rejection::SignatureInvalid => "signature_invalid",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Rejection::Secret => "the webhook secret is missing or wrong: append it to the URL path as its last segment, or send it as Authorization: Bearer <secret>",
            Rejection::SignatureMissing => "the headers webhook-id, webhook-timestamp and webhook-signature are required",
            Rejection::SignatureExpired => "webhook-timestamp is more than 5 minutes away from the server's clock: check the sender's clock and send the event again",
            Rejection::SignatureInvalid => "no signature in webhook-signature matches the body: check the signing secret",
        }
    }

    /// Builds the 401 response, whose body depends only on the kind of
    /// rejection.
    pub fn into_response(self) -> Response {
        let body = json!({"error": self.kind(), "message": self.message()});
        let mut response = (StatusCode::UNAUTHORIZED, Json(body)).into_response();
        if self == Rejection::Secret {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"webhook\""),
            );
        }
        response
    }
}

/// Checks one request after its body was read: the shared secret from the
/// path or the `Authorization` header, then the signature over the raw body.
/// Returns the 401 response for a request that fails.
pub async fn authorize(auth: &WebhookAuth, parts: &mut Parts, body: &[u8]) -> Result<(), Response> {
    let path_secret = path_secret(parts).await;
    let result = check(
        auth,
        path_secret.as_deref(),
        &parts.headers,
        body,
        unix_now(),
    );
    result.map_err(|rejection| {
        log_rejection(rejection);
        rejection.into_response()
    })
}

/// Runs the checks without I/O, with the current time passed in.
pub fn check(
    auth: &WebhookAuth,
    path_secret: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<(), Rejection> {
    if let Some(expected) = &auth.secret {
        let candidates = [path_secret, bearer_token(headers)];
        let matched = candidates
            .into_iter()
            .flatten()
            .fold(false, |found, given| found | secrets_equal(given, expected));
        if !matched {
            return Err(Rejection::Secret);
        }
    }
    if let Some(key) = &auth.signing_key {
        verify_signature(key, headers, body, now)?;
    }
    Ok(())
}

async fn path_secret(parts: &mut Parts) -> Option<String> {
    let params = RawPathParams::from_request_parts(parts, &()).await.ok()?;
    params
        .iter()
        .find(|(name, _)| *name == SECRET_PARAM)
        .map(|(_, value)| value.to_string())
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Compares the SHA-256 digests of both values in constant time, so neither
/// the content nor the length of the expected secret shows in the timing.
fn secrets_equal(given: &str, expected: &Secret) -> bool {
    let given = Sha256::digest(given.as_bytes());
    let expected = Sha256::digest(expected.expose().as_bytes());
    given.ct_eq(&expected).into()
}

/// Verifies a Standard Webhooks signature: HMAC-SHA256 with `key` over
/// `id.timestamp.body`, base64-encoded, one of the space-separated `v1,`
/// entries of `webhook-signature`.
pub fn verify_signature(
    key: &SigningKey,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<(), Rejection> {
    let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    let (Some(id), Some(timestamp), Some(signatures)) = (
        text("webhook-id").filter(|id| !id.is_empty()),
        text("webhook-timestamp"),
        text("webhook-signature"),
    ) else {
        return Err(Rejection::SignatureMissing);
    };
    let sent_at: i64 = timestamp.parse().map_err(|_| Rejection::SignatureMissing)?;
    if (now - sent_at).abs() > TIMESTAMP_TOLERANCE_SECS {
        return Err(Rejection::SignatureExpired);
    }
    let mac = signed_content_mac(key, id, timestamp, body);
    let mut matched = false;
    for entry in signatures.split_whitespace() {
        let Some(("v1", encoded)) = entry.split_once(',') else {
            continue;
        };
        let Ok(signature) = base64::engine::general_purpose::STANDARD.decode(encoded) else {
            continue;
        };
        matched |= mac.clone().verify_slice(&signature).is_ok();
    }
    if matched {
        Ok(())
    } else {
        Err(Rejection::SignatureInvalid)
    }
}

/// Signs `body` as a Standard Webhooks sender would and returns the
/// `webhook-signature` value, such as `v1,g0hM…`. Used by tests and by
/// relays built on this crate.
pub fn sign(key: &SigningKey, id: &str, timestamp: &str, body: &[u8]) -> String {
    let tag = signed_content_mac(key, id, timestamp, body)
        .finalize()
        .into_bytes();
    format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(tag)
    )
}

fn signed_content_mac(key: &SigningKey, id: &str, timestamp: &str, body: &[u8]) -> Hmac<Sha256> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(key.expose()).expect("HMAC accepts keys of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or_default()
}

/// Logs a rejection without the value sent. A scan can send thousands, so
/// only the first ten and then every hundredth are logged, with the count.
fn log_rejection(rejection: Rejection) {
    static REJECTED: AtomicU64 = AtomicU64::new(0);
    let count = REJECTED.fetch_add(1, Ordering::Relaxed) + 1;
    if count <= 10 || count.is_multiple_of(100) {
        tracing::warn!(
            reason = rejection.kind(),
            rejected_so_far = count,
            "unauthenticated request rejected"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::decode_signing_secret;

    // The test vector published with the Standard Webhooks specification.
    const VECTOR_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const VECTOR_ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const VECTOR_TIMESTAMP: i64 = 1614265330;
    const VECTOR_BODY: &[u8] = br#"{"test": 2432232314}"#;
    const VECTOR_SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    fn key() -> SigningKey {
        decode_signing_secret(VECTOR_SECRET).unwrap()
    }

    fn signed_headers(id: &str, timestamp: i64, signature: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("webhook-id", id.parse().unwrap());
        headers.insert("webhook-timestamp", timestamp.to_string().parse().unwrap());
        headers.insert("webhook-signature", signature.parse().unwrap());
        headers
    }

    #[test]
    fn specification_test_vector_signs() {
        let signature = sign(
            &key(),
            VECTOR_ID,
            &VECTOR_TIMESTAMP.to_string(),
            VECTOR_BODY,
        );
        assert_eq!(signature, VECTOR_SIGNATURE);
    }

    #[test]
    fn specification_test_vector_verifies() {
        let headers = signed_headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        let result = verify_signature(&key(), &headers, VECTOR_BODY, VECTOR_TIMESTAMP);
        assert_eq!(result, Ok(()));
    }

    #[test]
    fn one_matching_signature_of_several_passes() {
        let list = format!("v1,Zm9vYmFy v1a,ignored {VECTOR_SIGNATURE} v1,bm9wZQ==");
        let headers = signed_headers(VECTOR_ID, VECTOR_TIMESTAMP, &list);
        let result = verify_signature(&key(), &headers, VECTOR_BODY, VECTOR_TIMESTAMP);
        assert_eq!(result, Ok(()));
    }

    #[test]
    fn tampered_body_or_id_fails() {
        let headers = signed_headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        let result = verify_signature(&key(), &headers, b"{\"test\": 1}", VECTOR_TIMESTAMP);
        assert_eq!(result, Err(Rejection::SignatureInvalid));
        let headers = signed_headers("msg_other", VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        let result = verify_signature(&key(), &headers, VECTOR_BODY, VECTOR_TIMESTAMP);
        assert_eq!(result, Err(Rejection::SignatureInvalid));
    }

    #[test]
    fn timestamp_tolerance_both_ways() {
        let headers = signed_headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        for offset in [-TIMESTAMP_TOLERANCE_SECS, TIMESTAMP_TOLERANCE_SECS] {
            let now = VECTOR_TIMESTAMP + offset;
            assert_eq!(verify_signature(&key(), &headers, VECTOR_BODY, now), Ok(()));
        }
        for offset in [-TIMESTAMP_TOLERANCE_SECS - 1, TIMESTAMP_TOLERANCE_SECS + 1] {
            let now = VECTOR_TIMESTAMP + offset;
            let result = verify_signature(&key(), &headers, VECTOR_BODY, now);
            assert_eq!(result, Err(Rejection::SignatureExpired), "offset {offset}");
        }
    }

    #[test]
    fn missing_or_malformed_headers() {
        let mut headers = signed_headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        headers.remove("webhook-id");
        let result = verify_signature(&key(), &headers, VECTOR_BODY, VECTOR_TIMESTAMP);
        assert_eq!(result, Err(Rejection::SignatureMissing));
        let mut headers = signed_headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        headers.insert("webhook-timestamp", "yesterday".parse().unwrap());
        let result = verify_signature(&key(), &headers, VECTOR_BODY, VECTOR_TIMESTAMP);
        assert_eq!(result, Err(Rejection::SignatureMissing));
        let headers = signed_headers(VECTOR_ID, VECTOR_TIMESTAMP, "v1,@@@ garbage");
        let result = verify_signature(&key(), &headers, VECTOR_BODY, VECTOR_TIMESTAMP);
        assert_eq!(result, Err(Rejection::SignatureInvalid));
    }

    #[test]
    fn secret_from_path_or_bearer() {
        let auth = WebhookAuth::new(Some(Secret::new("correct-horse-battery-staple")), None);
        let none = HeaderMap::new();
        assert_eq!(
            check(&auth, Some("correct-horse-battery-staple"), &none, b"", 0),
            Ok(())
        );
        let mut bearer = HeaderMap::new();
        bearer.insert(
            header::AUTHORIZATION,
            "bearer correct-horse-battery-staple".parse().unwrap(),
        );
        assert_eq!(check(&auth, None, &bearer, b"", 0), Ok(()));
        assert_eq!(check(&auth, Some("wrong"), &bearer, b"", 0), Ok(()));
    }

    #[test]
    fn wrong_secrets_get_identical_answers() {
        let auth = WebhookAuth::new(Some(Secret::new("correct-horse-battery-staple")), None);
        let wrong = [
            None,
            Some(""),
            Some("x"),
            Some("correct-horse-battery-stapl"),
            Some("correct-horse-battery-staple!"),
        ];
        for given in wrong {
            let result = check(&auth, given, &HeaderMap::new(), b"", 0);
            assert_eq!(result, Err(Rejection::Secret), "{given:?}");
        }
        let mut bearer = HeaderMap::new();
        bearer.insert(header::AUTHORIZATION, "Basic Y29ycmVjdA==".parse().unwrap());
        assert_eq!(check(&auth, None, &bearer, b"", 0), Err(Rejection::Secret));
    }

    #[test]
    fn nothing_configured_lets_all_through() {
        let auth = WebhookAuth::default();
        assert_eq!(check(&auth, None, &HeaderMap::new(), b"{}", 0), Ok(()));
    }
}
