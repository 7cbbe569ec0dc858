//! Reads the `PSH_*` environment variables and resolves the password.

use std::process::Command;

use super::{MessageType, PartialConfig};
use crate::i18n::Lang;
use crate::secret::Secret;

/// An environment variable whose value cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("environment variable {var}={value:?} is invalid: {expected}")]
pub struct EnvError {
    pub var: &'static str,
    pub value: String,
    pub expected: &'static str,
}

/// Builds a configuration layer from `PSH_*` variables; `lookup` returns a
/// variable's value, so tests can pass their own environment.
pub fn from_env(lookup: &dyn Fn(&str) -> Option<String>) -> Result<PartialConfig, EnvError> {
    let text = |var: &str| lookup(var).filter(|value| !value.trim().is_empty());
    let mut config = PartialConfig {
        lang: parse(&text, "PSH_LANG", "de or en", Lang::parse)?,
        ..PartialConfig::default()
    };
    config.plentymarkets.base_url = text("PSH_BASE_URL");
    config.plentymarkets.username = text("PSH_USERNAME");
    config.plentymarkets.password = text("PSH_PASSWORD").map(Secret::new);
    config.plentymarkets.password_command = text("PSH_PASSWORD_COMMAND");

    let id = |value: &str| value.trim().parse::<i64>().ok();
    config.ticket.plenty_id = parse(&text, "PSH_PLENTY_ID", "a whole number", id)?;
    config.ticket.type_id = parse(&text, "PSH_TYPE_ID", "a whole number", id)?;
    config.ticket.status_id = parse(&text, "PSH_STATUS_ID", "a whole number", id)?;
    config.ticket.role_id = parse(&text, "PSH_ROLE_ID", "a whole number", id)?;
    config.ticket.owner_ids = parse(
        &text,
        "PSH_OWNER_IDS",
        "comma-separated whole numbers, such as 7,12",
        parse_id_list,
    )?;
    config.ticket.message_type =
        parse(
            &text,
            "PSH_MESSAGE_TYPE",
            "message or comment",
            |value| match value.trim() {
                "message" => Some(MessageType::Message),
                "comment" => Some(MessageType::Comment),
                _ => None,
            },
        )?;
    config.ticket.message_language = parse(&text, "PSH_MESSAGE_LANGUAGE", "de or en", Lang::parse)?;
    config.ticket.message_template = text("PSH_MESSAGE_TEMPLATE");
    config.webhook.bind = text("PSH_BIND");
    config.webhook.path = text("PSH_WEBHOOK_PATH");
    config.delivery.outbox_path = text("PSH_OUTBOX");
    config.delivery.deadline = text("PSH_DELIVERY_DEADLINE");
    config.delivery.retention = text("PSH_RETENTION");
    config.delivery.retry_delays = text("PSH_RETRY_DELAYS").map(|list| {
        list.split(',')
            .map(|part| part.trim().to_string())
            .collect()
    });
    config.delivery.give_up_after = text("PSH_GIVE_UP_AFTER");
    config.delivery.max_retry_after = text("PSH_MAX_RETRY_AFTER");
    config.delivery.plenty_timeout = text("PSH_PLENTY_TIMEOUT");
    config.webhook.secret = text("PSH_WEBHOOK_SECRET").map(Secret::new);
    config.webhook.signing_secret = text("PSH_WEBHOOK_SIGNING_SECRET").map(Secret::new);
    let count = |value: &str| value.trim().parse::<u64>().ok();
    let number = "a whole number";
    config.webhook.max_body_bytes = parse(&text, "PSH_MAX_BODY_BYTES", number, count)?;
    config.webhook.max_header_bytes = parse(&text, "PSH_MAX_HEADER_BYTES", number, count)?;
    config.webhook.request_timeout_secs = parse(&text, "PSH_REQUEST_TIMEOUT_SECS", number, count)?;
    config.webhook.max_concurrent_requests =
        parse(&text, "PSH_MAX_CONCURRENT_REQUESTS", number, count)?;
    config.webhook.tls_cert = text("PSH_TLS_CERT").map(Into::into);
    config.webhook.tls_key = text("PSH_TLS_KEY").map(Into::into);
    Ok(config)
}

fn parse<T>(
    text: &dyn Fn(&str) -> Option<String>,
    var: &'static str,
    expected: &'static str,
    convert: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, EnvError> {
    let Some(value) = text(var) else {
        return Ok(None);
    };
    match convert(&value) {
        Some(parsed) => Ok(Some(parsed)),
        None => Err(EnvError {
            var,
            value,
            expected,
        }),
    }
}

/// Parses `7,12 15` into IDs; `None` when any part is not a number.
pub fn parse_id_list(text: &str) -> Option<Vec<i64>> {
    text.split([',', ' ', ';'])
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<i64>().ok())
        .collect()
}

/// A `password_command` that did not produce a password.
#[derive(Debug, thiserror::Error)]
pub enum PasswordCommandError {
    #[error("password_command could not be started: {0}")]
    Start(#[source] std::io::Error),
    #[error("password_command exited with {status}; run it in a shell to see why")]
    Failed { status: std::process::ExitStatus },
    #[error("password_command printed nothing")]
    Empty,
}

/// Resolves the password: an explicit one wins, then `password_command`.
pub fn resolve_password(config: &PartialConfig) -> Result<Option<Secret>, PasswordCommandError> {
    if let Some(password) = config
        .plentymarkets
        .password
        .clone()
        .filter(|p| !p.is_empty())
    {
        return Ok(Some(password));
    }
    let Some(command) = config.plentymarkets.password_command.as_deref() else {
        return Ok(None);
    };
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(PasswordCommandError::Start)?;
    if !output.status.success() {
        return Err(PasswordCommandError::Failed {
            status: output.status,
        });
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let password = text.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        return Err(PasswordCommandError::Empty);
    }
    Ok(Some(Secret::new(password)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |key| map.get(key).cloned()
    }

    #[test]
    fn reads_every_variable() {
        let lookup = env(&[
            ("PSH_BASE_URL", "https://shop.example"),
            ("PSH_OWNER_IDS", "7, 12"),
            ("PSH_TYPE_ID", "4"),
            ("PSH_MESSAGE_TYPE", "comment"),
            ("PSH_LANG", "de_DE.UTF-8"),
            ("PSH_WEBHOOK_SECRET", "from-the-environment-0123456789"),
            ("PSH_REQUEST_TIMEOUT_SECS", "5"),
            ("PSH_TLS_CERT", "cert.pem"),
        ]);
        let config = from_env(&lookup).unwrap();
        assert_eq!(
            config.plentymarkets.base_url.as_deref(),
            Some("https://shop.example")
        );
        assert_eq!(config.ticket.owner_ids, Some(vec![7, 12]));
        assert_eq!(config.ticket.type_id, Some(4));
        assert_eq!(config.ticket.message_type, Some(MessageType::Comment));
        assert_eq!(config.lang, Some(Lang::De));
        let secret = config.webhook.secret.as_ref().unwrap();
        assert_eq!(secret.expose(), "from-the-environment-0123456789");
        assert_eq!(config.webhook.request_timeout_secs, Some(5));
        assert_eq!(config.webhook.tls_cert, Some("cert.pem".into()));
    }

    #[test]
    fn invalid_variable_named() {
        let lookup = env(&[("PSH_ROLE_ID", "three")]);
        let error = from_env(&lookup).unwrap_err();
        assert_eq!(error.var, "PSH_ROLE_ID");
        assert!(error.to_string().contains("three"));
    }

    #[test]
    fn password_command_output_used() {
        let mut config = PartialConfig::default();
        config.plentymarkets.password_command = Some("printf 'from-command\\n'".into());
        let password = resolve_password(&config).unwrap().unwrap();
        assert_eq!(password.expose(), "from-command");
    }
}
