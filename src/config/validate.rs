//! Checks a merged [`PartialConfig`] and turns it into validated settings.

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use reqwest::Url;

use super::{
    Connection, DeliverySettings, PartialConfig, Settings, TicketSettings, WebhookSettings,
    DEFAULT_BIND, DEFAULT_WEBHOOK_PATH,
};
use crate::i18n::{tf, Lang};
use crate::outbox::schedule::RetryPolicy;
use crate::secret::Secret;
use crate::template::{MessageTemplate, TemplateError};

/// One configuration key with the flag and environment variable that set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec {
    pub key: &'static str,
    pub flag: &'static str,
    pub env: &'static str,
}

pub const BASE_URL: KeySpec = spec("plentymarkets.base_url", "--base-url", "PSH_BASE_URL");
pub const USERNAME: KeySpec = spec("plentymarkets.username", "--username", "PSH_USERNAME");
pub const PASSWORD: KeySpec = spec("plentymarkets.password", "--password-stdin", "PSH_PASSWORD");
pub const PLENTY_ID: KeySpec = spec("ticket.plenty_id", "--plenty-id", "PSH_PLENTY_ID");
pub const TYPE_ID: KeySpec = spec("ticket.type_id", "--type-id", "PSH_TYPE_ID");
pub const STATUS_ID: KeySpec = spec("ticket.status_id", "--status-id", "PSH_STATUS_ID");
pub const ROLE_ID: KeySpec = spec("ticket.role_id", "--role-id", "PSH_ROLE_ID");
pub const OWNER_IDS: KeySpec = spec("ticket.owner_ids", "--owner-id", "PSH_OWNER_IDS");
pub const BIND: KeySpec = spec("webhook.bind", "--bind", "PSH_BIND");
pub const WEBHOOK_PATH: KeySpec = spec("webhook.path", "--webhook-path", "PSH_WEBHOOK_PATH");
pub const MESSAGE_TEMPLATE: KeySpec = spec(
    "ticket.message_template",
    "ticket.message_template",
    "PSH_MESSAGE_TEMPLATE",
);
pub const DEADLINE: KeySpec = spec(
    "delivery.deadline",
    "delivery.deadline",
    "PSH_DELIVERY_DEADLINE",
);
pub const RETENTION: KeySpec = spec("delivery.retention", "delivery.retention", "PSH_RETENTION");
pub const RETRY_DELAYS: KeySpec = spec(
    "delivery.retry_delays",
    "delivery.retry_delays",
    "PSH_RETRY_DELAYS",
);
pub const GIVE_UP_AFTER: KeySpec = spec(
    "delivery.give_up_after",
    "delivery.give_up_after",
    "PSH_GIVE_UP_AFTER",
);
pub const MAX_RETRY_AFTER: KeySpec = spec(
    "delivery.max_retry_after",
    "delivery.max_retry_after",
    "PSH_MAX_RETRY_AFTER",
);
pub const PLENTY_TIMEOUT: KeySpec = spec(
    "delivery.plenty_timeout",
    "delivery.plenty_timeout",
    "PSH_PLENTY_TIMEOUT",
);

/// Shortest retention: a marketplace redelivery some days late must still
/// be recognised as a duplicate.
pub const MIN_RETENTION: Duration = Duration::from_secs(4 * 24 * 3600);

const fn spec(key: &'static str, flag: &'static str, env: &'static str) -> KeySpec {
    KeySpec { key, flag, env }
}

/// Problem with one configuration value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Missing,
    /// IDs must be above 0, the rule the replaced plugin applied.
    NotPositive(i64),
    Invalid {
        value: String,
        reason: String,
    },
    /// The message template cannot be read, compiled or rendered.
    Template(TemplateError),
}

/// One rejected configuration value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub spec: KeySpec,
    pub issue: Issue,
}

impl Problem {
    /// Describes the problem in `lang`, naming the key, its flag and variable.
    pub fn localized(&self, lang: Lang) -> String {
        let args: &[(&str, &dyn fmt::Display)] = &[
            ("key", &self.spec.key),
            ("flag", &self.spec.flag),
            ("env", &self.spec.env),
        ];
        match &self.issue {
            Issue::Missing => tf(lang, "err.config.missing", args),
            Issue::NotPositive(value) => {
                let mut all = args.to_vec();
                all.push(("value", value));
                tf(lang, "err.config.not_positive", &all)
            }
            Issue::Invalid { value, reason } => {
                let mut all = args.to_vec();
                all.push(("value", value));
                all.push(("reason", reason));
                tf(lang, "err.config.invalid", &all)
            }
            Issue::Template(error) => error.localized(lang),
        }
    }
}

/// A configuration that cannot be used as it is.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", render_problems(.0, Lang::En))]
    Rejected(Vec<Problem>),
}

impl ConfigError {
    pub fn problems(&self) -> &[Problem] {
        match self {
            ConfigError::Rejected(problems) => problems,
        }
    }

    pub fn localized(&self, lang: Lang) -> String {
        render_problems(self.problems(), lang)
    }
}

fn render_problems(problems: &[Problem], lang: Lang) -> String {
    let mut text = tf(lang, "err.config.rejected", &[("count", &problems.len())]);
    for problem in problems {
        text.push_str("\n  - ");
        text.push_str(&problem.localized(lang));
    }
    text
}

/// Normalises a plentymarkets base URL: trims it, drops a trailing `/` or
/// `/rest`, and requires `https` unless the host is a loopback address.
pub fn normalize_base_url(raw: &str) -> Result<String, String> {
    let mut text = raw.trim().trim_end_matches('/').to_string();
    if text.to_ascii_lowercase().ends_with("/rest") {
        text.truncate(text.len() - "/rest".len());
    }
    let text = text.trim_end_matches('/');
    let url = Url::parse(text).map_err(|error| error.to_string())?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("the address must not contain a user name or password; set plentymarkets.username and the password instead".into());
    }
    if url.host_str().is_none() || url.query().is_some() || url.fragment().is_some() {
        return Err("expected an address such as https://shop.example".into());
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err("https is required, except for 127.0.0.1 and localhost".into()),
        other => return Err(format!("unsupported scheme {other}")),
    }
    Ok(text.to_string())
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Normalises a webhook path: one leading `/`, no trailing `/`, no query.
pub fn normalize_webhook_path(raw: &str) -> Result<String, String> {
    let trimmed = raw.trim().trim_end_matches('/');
    if trimmed.is_empty() {
        return Err("the path must not be empty or /".into());
    }
    if trimmed.contains(['?', '#', ' ', '{', '}', '*']) {
        return Err("use only a plain path such as /service/tickets".into());
    }
    let path = if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    };
    let reserved = ["/healthz", "/readyz", "/metrics"];
    if reserved.contains(&path.as_str())
        || path.starts_with("/rest/") && path.len() <= "/rest/".len()
    {
        return Err("this path is reserved".into());
    }
    Ok(path)
}

impl PartialConfig {
    /// Validates the connection values alone, for commands that only read.
    pub fn connection(&self, password: Option<Secret>) -> Result<Connection, ConfigError> {
        let mut problems = Vec::new();
        let base_url = self.checked_base_url(&mut problems);
        let username = required_text(&self.plentymarkets.username, USERNAME, &mut problems);
        let password = password.filter(|secret| !secret.is_empty());
        if password.is_none() {
            problems.push(Problem {
                spec: PASSWORD,
                issue: Issue::Missing,
            });
        }
        finish(problems)?;
        Ok(Connection {
            base_url: base_url.unwrap_or_default(),
            username: username.unwrap_or_default(),
            password: password.unwrap_or_default(),
        })
    }

    /// Validates the ticket values with the rule of the replaced plugin:
    /// type, status and role above 0 and at least one owner.
    pub fn ticket_settings(&self) -> Result<TicketSettings, ConfigError> {
        let mut problems = Vec::new();
        let ticket = &self.ticket;
        let plenty_id = positive(ticket.plenty_id, PLENTY_ID, &mut problems);
        let type_id = positive(ticket.type_id, TYPE_ID, &mut problems);
        let status_id = positive(ticket.status_id, STATUS_ID, &mut problems);
        let role_id = positive(ticket.role_id, ROLE_ID, &mut problems);
        let owner_ids = ticket.owner_ids.clone().unwrap_or_default();
        if owner_ids.is_empty() {
            problems.push(Problem {
                spec: OWNER_IDS,
                issue: Issue::Missing,
            });
        }
        for &owner in owner_ids.iter().filter(|&&owner| owner <= 0) {
            problems.push(Problem {
                spec: OWNER_IDS,
                issue: Issue::NotPositive(owner),
            });
        }
        let message_template = self.message_template();
        if let Err(error) = &message_template {
            problems.extend(error.problems().iter().cloned());
        }
        finish(problems)?;
        let mut unique = owner_ids;
        dedup_keep_order(&mut unique);
        Ok(TicketSettings {
            plenty_id,
            type_id,
            status_id,
            role_id,
            owner_ids: unique,
            message_type: ticket.message_type.unwrap_or_default(),
            message_language: ticket.message_language.unwrap_or(Lang::De),
            message_template: message_template?,
        })
    }

    /// Loads the message template named by `ticket.message_template`, or
    /// the built-in one when the key is unset or empty.
    pub fn message_template(&self) -> Result<MessageTemplate, ConfigError> {
        let path = self
            .ticket
            .message_template
            .as_deref()
            .map(str::trim)
            .filter(|path| !path.is_empty());
        let Some(path) = path else {
            return Ok(MessageTemplate::built_in());
        };
        MessageTemplate::from_file(std::path::Path::new(path)).map_err(|error| {
            ConfigError::Rejected(vec![Problem {
                spec: MESSAGE_TEMPLATE,
                issue: Issue::Template(error),
            }])
        })
    }

    /// Validates the listener values, falling back to the defaults.
    pub fn webhook_settings(&self) -> Result<WebhookSettings, ConfigError> {
        let mut problems = Vec::new();
        let bind_text = self.webhook.bind.as_deref().unwrap_or(DEFAULT_BIND);
        let bind = match bind_text.trim().parse::<SocketAddr>() {
            Ok(bind) => Some(bind),
            Err(_) => {
                problems.push(invalid(
                    BIND,
                    bind_text,
                    "expected IP:PORT, such as 127.0.0.1:8080",
                ));
                None
            }
        };
        let path_text = self.webhook.path.as_deref().unwrap_or(DEFAULT_WEBHOOK_PATH);
        let path = match normalize_webhook_path(path_text) {
            Ok(path) => Some(path),
            Err(reason) => {
                problems.push(invalid(WEBHOOK_PATH, path_text, &reason));
                None
            }
        };
        let (secret, signing_key) = self.webhook_auth(&mut problems);
        let limits = self.server_limits(&mut problems);
        let tls = self.tls_files(&mut problems);
        finish(problems)?;
        Ok(WebhookSettings {
            bind: bind.expect("checked above"),
            path: path.expect("checked above"),
            secret,
            signing_key,
            limits,
            tls,
        })
    }

    /// Validates the delivery values, falling back to the defaults.
    pub fn delivery_settings(&self) -> Result<DeliverySettings, ConfigError> {
        let mut problems = Vec::new();
        let section = &self.delivery;
        let defaults = RetryPolicy::default();
        let day = 24 * 3600;
        let deadline = duration(
            &section.deadline,
            DEADLINE,
            Duration::from_secs(3),
            &mut problems,
        );
        let retention = duration(
            &section.retention,
            RETENTION,
            Duration::from_secs(30 * day),
            &mut problems,
        );
        if retention < MIN_RETENTION {
            let value = section.retention.clone().unwrap_or_default();
            problems.push(invalid(RETENTION, &value, "the minimum is 4 days"));
        }
        let give_up_after = duration(
            &section.give_up_after,
            GIVE_UP_AFTER,
            defaults.give_up_after,
            &mut problems,
        );
        let max_retry_after = duration(
            &section.max_retry_after,
            MAX_RETRY_AFTER,
            defaults.max_retry_after,
            &mut problems,
        );
        let plenty_timeout = duration(
            &section.plenty_timeout,
            PLENTY_TIMEOUT,
            Duration::from_secs(30),
            &mut problems,
        );
        let delays = match &section.retry_delays {
            None => defaults.delays.clone(),
            Some(list) => {
                let parsed: Vec<_> = list.iter().map(|text| parse_duration(text)).collect();
                if list.is_empty() || parsed.iter().any(Option::is_none) {
                    problems.push(invalid(
                        RETRY_DELAYS,
                        &list.join(","),
                        "expected durations such as 5s,30s,2m",
                    ));
                }
                parsed.into_iter().flatten().collect()
            }
        };
        finish(problems)?;
        Ok(DeliverySettings {
            outbox_path: section.outbox_path.as_ref().map(std::path::PathBuf::from),
            deadline,
            retention,
            policy: RetryPolicy {
                delays,
                give_up_after,
                max_retry_after,
                jitter: defaults.jitter,
            },
            plenty_timeout,
        })
    }

    /// Validates everything `serve` needs and reports all problems at once.
    pub fn settings(&self, password: Option<Secret>) -> Result<Settings, ConfigError> {
        let connection = self.connection(password);
        let ticket = self.ticket_settings();
        let webhook = self.webhook_settings();
        let delivery = self.delivery_settings();
        match (connection, ticket, webhook, delivery) {
            (Ok(connection), Ok(ticket), Ok(webhook), Ok(delivery)) => Ok(Settings {
                connection,
                ticket,
                webhook,
                delivery,
            }),
            (connection, ticket, webhook, delivery) => {
                let mut problems = Vec::new();
                let errors = [
                    connection.err(),
                    ticket.err(),
                    webhook.err(),
                    delivery.err(),
                ];
                for error in errors.into_iter().flatten() {
                    problems.extend(error.problems().iter().cloned());
                }
                Err(ConfigError::Rejected(problems))
            }
        }
    }

    fn checked_base_url(&self, problems: &mut Vec<Problem>) -> Option<String> {
        let raw = required_text(&self.plentymarkets.base_url, BASE_URL, problems)?;
        match normalize_base_url(&raw) {
            Ok(url) => Some(url),
            Err(reason) => {
                problems.push(invalid(BASE_URL, &raw, &reason));
                None
            }
        }
    }
}

fn required_text(
    value: &Option<String>,
    spec: KeySpec,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    match value.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => Some(text.to_string()),
        _ => {
            problems.push(Problem {
                spec,
                issue: Issue::Missing,
            });
            None
        }
    }
}

fn positive(value: Option<i64>, spec: KeySpec, problems: &mut Vec<Problem>) -> i64 {
    match value {
        Some(id) if id > 0 => id,
        Some(id) => {
            problems.push(Problem {
                spec,
                issue: Issue::NotPositive(id),
            });
            0
        }
        None => {
            problems.push(Problem {
                spec,
                issue: Issue::Missing,
            });
            0
        }
    }
}

fn invalid(spec: KeySpec, value: &str, reason: &str) -> Problem {
    Problem {
        spec,
        issue: Issue::Invalid {
            value: value.to_string(),
            reason: reason.to_string(),
        },
    }
}

/// Parses durations such as `250ms`, `5s`, `2m`, `72h` or `30d`.
pub fn parse_duration(text: &str) -> Option<Duration> {
    humantime::parse_duration(text.trim()).ok()
}

fn duration(
    value: &Option<String>,
    spec: KeySpec,
    default: Duration,
    problems: &mut Vec<Problem>,
) -> Duration {
    let Some(text) = value else { return default };
    match parse_duration(text) {
        Some(parsed) => parsed,
        None => {
            problems.push(invalid(
                spec,
                text,
                "expected a duration such as 3s, 30m or 30d",
            ));
            default
        }
    }
}

fn finish(problems: Vec<Problem>) -> Result<(), ConfigError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ConfigError::Rejected(problems))
    }
}

fn dedup_keep_order(ids: &mut Vec<i64>) {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_drops_rest_and_slash() {
        assert_eq!(
            normalize_base_url("https://shop.example/rest/").unwrap(),
            "https://shop.example"
        );
        assert_eq!(
            normalize_base_url(" https://shop.example/ ").unwrap(),
            "https://shop.example"
        );
        assert_eq!(
            normalize_base_url("http://127.0.0.1:9000/rest").unwrap(),
            "http://127.0.0.1:9000"
        );
    }

    #[test]
    fn base_url_requires_https_off_loopback() {
        assert!(normalize_base_url("http://shop.example").is_err());
        assert!(normalize_base_url("ftp://shop.example").is_err());
        assert!(normalize_base_url("shop.example").is_err());
        assert!(normalize_base_url("https://admin:pw@shop.example").is_err());
    }

    #[test]
    fn webhook_path_normalised() {
        assert_eq!(
            normalize_webhook_path("service/tickets/").unwrap(),
            "/service/tickets"
        );
        assert!(normalize_webhook_path("/").is_err());
        assert!(normalize_webhook_path("/a?b").is_err());
    }

    #[test]
    fn ticket_rule_of_old_plugin() {
        let mut config = PartialConfig::default();
        config.ticket.type_id = Some(0);
        config.ticket.status_id = Some(-1);
        let error = config.ticket_settings().unwrap_err();
        let keys: Vec<_> = error.problems().iter().map(|p| p.spec.key).collect();
        assert!(keys.contains(&"ticket.type_id"));
        assert!(keys.contains(&"ticket.status_id"));
        assert!(keys.contains(&"ticket.role_id"));
        assert!(keys.contains(&"ticket.owner_ids"));
        assert!(keys.contains(&"ticket.plenty_id"));
        let text = error.to_string();
        assert!(text.contains("ticket.type_id"), "{text}");
        assert!(text.contains("--owner-id"), "{text}");
    }

    #[test]
    fn owners_deduplicated_in_order() {
        let mut config = PartialConfig::default();
        config.ticket = crate::config::TicketSection {
            plenty_id: Some(1000),
            type_id: Some(4),
            status_id: Some(11),
            role_id: Some(3),
            owner_ids: Some(vec![12, 7, 12]),
            ..Default::default()
        };
        assert_eq!(config.ticket_settings().unwrap().owner_ids, vec![12, 7]);
    }
}
