//! The access token: parsed from the login reply, cached on disk with its
//! expiry so later runs reuse it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::paths;
use crate::secret::Secret;

/// Renew a token this many seconds before its reported expiry.
pub const RENEW_BEFORE_SECS: u64 = 300;

/// Lifetime assumed when the login reply names none: the documented 24 h.
const DEFAULT_LIFETIME_SECS: u64 = 86_400;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub access_token: Secret,
    /// Unix time in seconds.
    pub expires_at: u64,
}

impl Token {
    /// True while the token has more than [`RENEW_BEFORE_SECS`] left.
    pub fn is_fresh(&self) -> bool {
        now_secs() + RENEW_BEFORE_SECS < self.expires_at
    }
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Reads the token from a login reply, which carries snake_case keys,
/// camelCase keys or both.
pub fn from_login_reply(reply: &Value) -> Option<Token> {
    let text = |snake: &str, camel: &str| {
        reply
            .get(snake)
            .or_else(|| reply.get(camel))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let access_token = text("access_token", "accessToken")?;
    let lifetime = reply
        .get("expires_in")
        .or_else(|| reply.get("expiresIn"))
        .and_then(|v| {
            v.as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        })
        .unwrap_or(DEFAULT_LIFETIME_SECS);
    Some(Token {
        access_token: Secret::new(access_token),
        expires_at: now_secs() + lifetime,
    })
}

/// Tokens on disk, one per base URL and user name, in a 0600 file.
#[derive(Clone, Debug)]
pub struct TokenCache {
    path: Option<PathBuf>,
}

#[derive(Default, Serialize, Deserialize)]
struct CacheFile {
    tokens: BTreeMap<String, Token>,
}

impl TokenCache {
    /// Creates a cache in the platform cache directory (`PSH_CACHE_DIR` overrides it).
    pub fn platform() -> Self {
        Self {
            path: paths::cache_dir().map(|dir| dir.join("tokens.json")),
        }
    }

    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self {
            path: Some(path.into()),
        }
    }

    /// Creates a cache that stores nothing, for dry runs and the built-in sandbox.
    pub fn disabled() -> Self {
        Self { path: None }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn load(&self, key: &str) -> Option<Token> {
        let file = self.read()?;
        file.tokens
            .get(key)
            .filter(|token| token.is_fresh())
            .cloned()
    }

    /// Stores or, with `None`, removes the token of `key`. A cache that
    /// cannot be written only costs a login next run, so failures are logged.
    pub fn store(&self, key: &str, token: Option<&Token>) {
        let Some(path) = &self.path else { return };
        let mut file = self.read().unwrap_or_default();
        file.tokens.retain(|_, token| token.is_fresh());
        match token {
            Some(token) => file.tokens.insert(key.to_string(), token.clone()),
            None => file.tokens.remove(key),
        };
        let bytes = serde_json::to_vec_pretty(&file).expect("token cache serialises");
        if let Err(error) = paths::write_private(path, &bytes) {
            tracing::warn!(path = %path.display(), %error, "token cache not written");
        }
    }

    fn read(&self) -> Option<CacheFile> {
        let bytes = std::fs::read(self.path.as_ref()?).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_key_casings_read() {
        let snake = from_login_reply(&json!({"access_token": "a", "expires_in": 86400})).unwrap();
        let camel = from_login_reply(&json!({"accessToken": "b", "expiresIn": 3600})).unwrap();
        assert_eq!(snake.access_token.expose(), "a");
        assert_eq!(camel.access_token.expose(), "b");
        assert!(snake.expires_at > camel.expires_at);
        assert!(
            from_login_reply(&json!({"accessToken": null, "error": "invalid_credentials"}))
                .is_none()
        );
    }

    #[test]
    fn cache_round_trip_and_expiry() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path().join("t/tokens.json"));
        let fresh = Token {
            access_token: Secret::new("x"),
            expires_at: now_secs() + 3600,
        };
        let stale = Token {
            access_token: Secret::new("y"),
            expires_at: now_secs() + 10,
        };
        cache.store("a", Some(&fresh));
        cache.store("b", Some(&stale));
        assert_eq!(cache.load("a"), Some(fresh));
        assert_eq!(cache.load("b"), None);
        cache.store("a", None);
        assert_eq!(cache.load("a"), None);
    }
}
