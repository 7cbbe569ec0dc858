//! Configuration: the TOML file, `PSH_*` environment variables and flags,
//! merged in that order of rising precedence and validated once.

mod file;
mod sources;
mod validate;
mod webhook;

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use file::{default_config_path, read_file, readable_by_others, write_file, FileError};
pub use sources::{from_env, parse_id_list, resolve_password, EnvError, PasswordCommandError};
pub use validate::{
    normalize_base_url, normalize_webhook_path, parse_duration, ConfigError, Issue, KeySpec,
    Problem, MIN_RETENTION,
};
pub use validate::{
    BASE_URL, BIND, MESSAGE_TEMPLATE, OWNER_IDS, PASSWORD, PLENTY_ID, ROLE_ID, STATUS_ID, TYPE_ID,
    USERNAME, WEBHOOK_PATH,
};
pub use webhook::{
    decode_signing_secret, generate_secret, ServerLimits, SigningKey, TlsFiles, MAX_BODY_BYTES,
    MAX_CONCURRENT_REQUESTS, MAX_HEADER_BYTES, REQUEST_TIMEOUT_SECS, SIGNING_SECRET, TLS_CERT,
    TLS_KEY, WEBHOOK_SECRET,
};

use crate::i18n::Lang;
use crate::secret::Secret;
use crate::template::MessageTemplate;

/// Default address `serve` listens on.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Default webhook path, the one the replaced plugin registered.
pub const DEFAULT_WEBHOOK_PATH: &str = "/service/tickets";

/// Kind of ticket message: `message` is visible to the customer, `comment`
/// is internal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum MessageType {
    #[default]
    Message,
    Comment,
}

impl MessageType {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageType::Message => "message",
            MessageType::Comment => "comment",
        }
    }
}

/// Connection to the plentymarkets REST API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlentySection {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// Shell command whose standard output is the password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_command: Option<String>,
}

/// Settings of the created ticket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketSection {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plenty_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_type: Option<MessageType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_language: Option<Lang>,
    /// Path of a message template; the built-in one is used when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_template: Option<String>,
}

/// Listener settings of `serve`: address, path, authentication, limits, TLS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookSection {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Shared secret expected as the last path segment or as a bearer token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<Secret>,
    /// Standard Webhooks signing secret, `whsec_` followed by base64.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_secret: Option<Secret>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_body_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_header_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout_secs: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_concurrent_requests: Option<u64>,
    /// PEM file with the certificate chain; `serve` speaks HTTPS when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_cert: Option<PathBuf>,
    /// PEM file with the private key of `tls_cert`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_key: Option<PathBuf>,
}

/// Storage and delivery settings of accepted events. Durations are text such as
/// `3s`, `30m` or `72h`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliverySection {
    /// The outbox database file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbox_path: Option<String>,
    /// How long `serve` waits for the ticket before it responds 202.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// How long payloads and deduplication keys are kept (at least 4 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<String>,
    /// Delays between attempts; the last one repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delays: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub give_up_after: Option<String>,
    /// Longest `Retry-After` honoured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_retry_after: Option<String>,
    /// Time for one plentymarkets request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plenty_timeout: Option<String>,
}

/// One layer of configuration in which every value may be absent: the
/// file, the environment and the flags each produce one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialConfig {
    /// Language of the tool's own messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub plentymarkets: PlentySection,
    #[serde(default)]
    pub ticket: TicketSection,
    #[serde(default)]
    pub webhook: WebhookSection,
    #[serde(default, skip_serializing_if = "is_default")]
    pub delivery: DeliverySection,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    value == &T::default()
}

macro_rules! overlay {
    ($high:expr, $low:expr, $($field:ident),+) => {
        $( $high.$field = $high.$field.take().or($low.$field); )+
    };
}

impl PartialConfig {
    /// Resolves relative paths in a configuration file against `dir`, the
    /// file's directory, so the file works wherever the program starts.
    pub fn relative_to(mut self, dir: &std::path::Path) -> PartialConfig {
        if let Some(path) = &self.ticket.message_template {
            if std::path::Path::new(path).is_relative() {
                self.ticket.message_template = Some(dir.join(path).display().to_string());
            }
        }
        self
    }

    /// Fills every value `self` lacks from `lower`, so `self` wins.
    pub fn over(mut self, lower: PartialConfig) -> PartialConfig {
        self.lang = self.lang.or(lower.lang);
        overlay!(
            self.plentymarkets,
            lower.plentymarkets,
            base_url,
            username,
            password,
            password_command
        );
        overlay!(
            self.ticket,
            lower.ticket,
            plenty_id,
            type_id,
            status_id,
            role_id,
            owner_ids,
            message_type,
            message_language,
            message_template
        );
        overlay!(
            self.delivery,
            lower.delivery,
            outbox_path,
            deadline,
            retention,
            retry_delays,
            give_up_after,
            max_retry_after,
            plenty_timeout
        );
        overlay!(
            self.webhook,
            lower.webhook,
            bind,
            path,
            secret,
            signing_secret,
            max_body_bytes,
            max_header_bytes,
            request_timeout_secs,
            max_concurrent_requests,
            tls_cert,
            tls_key
        );
        self
    }
}

/// Validated settings for talking to plentymarkets.
#[derive(Debug, Clone)]
pub struct Connection {
    pub base_url: String,
    pub username: String,
    pub password: Secret,
}

/// Validated settings for building a ticket.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketSettings {
    pub plenty_id: i64,
    pub type_id: i64,
    pub status_id: i64,
    pub role_id: i64,
    pub owner_ids: Vec<i64>,
    pub message_type: MessageType,
    pub message_language: Lang,
    pub message_template: MessageTemplate,
}

/// Validated settings for the webhook listener.
#[derive(Debug, Clone)]
pub struct WebhookSettings {
    pub bind: SocketAddr,
    pub path: String,
    pub secret: Option<Secret>,
    /// The decoded HMAC key of `webhook.signing_secret`.
    pub signing_key: Option<SigningKey>,
    pub limits: ServerLimits,
    pub tls: Option<TlsFiles>,
}

/// Validated delivery settings.
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    pub outbox_path: Option<std::path::PathBuf>,
    pub deadline: std::time::Duration,
    pub retention: std::time::Duration,
    pub policy: crate::outbox::schedule::RetryPolicy,
    pub plenty_timeout: std::time::Duration,
}

/// Everything `serve` needs, validated.
#[derive(Debug, Clone)]
pub struct Settings {
    pub connection: Connection,
    pub ticket: TicketSettings,
    pub webhook: WebhookSettings,
    pub delivery: DeliverySettings,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(base_url: Option<&str>, type_id: Option<i64>, bind: Option<&str>) -> PartialConfig {
        let mut config = PartialConfig::default();
        config.plentymarkets.base_url = base_url.map(str::to_string);
        config.ticket.type_id = type_id;
        config.webhook.bind = bind.map(str::to_string);
        config
    }

    #[test]
    fn precedence_flags_env_file_defaults() {
        let flags = layer(None, None, Some("127.0.0.1:1"));
        let env = layer(Some("https://env.example"), None, Some("127.0.0.1:2"));
        let file = layer(Some("https://file.example"), Some(4), Some("127.0.0.1:3"));
        let merged = flags.over(env).over(file);
        assert_eq!(
            merged.webhook.bind.as_deref(),
            Some("127.0.0.1:1"),
            "flag wins"
        );
        assert_eq!(
            merged.plentymarkets.base_url.as_deref(),
            Some("https://env.example"),
            "env beats file"
        );
        assert_eq!(merged.ticket.type_id, Some(4), "file fills the rest");
        let path = merged.webhook_settings().unwrap().path;
        assert_eq!(path, DEFAULT_WEBHOOK_PATH, "default last");
    }
}
