//! Exit codes, and the one place that turns an error into text for people.

use std::fmt;

use crate::commands::send_webhook::SendError;
use crate::config::{ConfigError, EnvError, FileError, PasswordCommandError};
use crate::deliver::DeliveryError;
use crate::i18n::{tf, Lang};
use crate::listen::TlsError;
use crate::plenty::PlentyError;

/// Documented exit codes.
pub mod code {
    pub const OK: u8 = 0;
    /// Any failure without a more specific code.
    pub const FAILURE: u8 = 1;
    /// Wrong usage: an unknown flag, a missing required flag.
    pub const USAGE: u8 = 2;
    /// The configuration is missing, unreadable or incomplete.
    pub const CONFIG: u8 = 3;
    /// plentymarkets rejected the login or the user lacks REST rights.
    pub const ACCESS: u8 = 4;
    /// plentymarkets could not be reached or failed the request.
    pub const PLENTY: u8 = 5;
    /// `validate` found a failed check (or, with `--strict`, a warning).
    pub const CHECKS_FAILED: u8 = 6;
}

/// Wrong usage the command line parser could not catch, such as a flag
/// required only in one mode.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// `validate` ran and at least one check failed, or with `--strict`
/// returned a warning. The checks themselves are already printed.
#[derive(Debug)]
pub struct ChecksFailed {
    pub failed: usize,
    pub warnings: usize,
}

impl fmt::Display for ChecksFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} check(s) failed, {} warning(s)",
            self.failed, self.warnings
        )
    }
}

impl std::error::Error for ChecksFailed {}

/// Picks the exit code from the first error in the chain that has one.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    for cause in error.chain() {
        if cause.is::<UsageError>() {
            return code::USAGE;
        }
        if cause.is::<ChecksFailed>() {
            return code::CHECKS_FAILED;
        }
        if cause.is::<ConfigError>()
            || cause.is::<FileError>()
            || cause.is::<EnvError>()
            || cause.is::<PasswordCommandError>()
            || cause.is::<TlsError>()
        {
            return code::CONFIG;
        }
        if let Some(plenty) = cause.downcast_ref::<PlentyError>() {
            return if plenty.is_access() {
                code::ACCESS
            } else {
                code::PLENTY
            };
        }
        if let Some(delivery) = cause.downcast_ref::<DeliveryError>() {
            return if delivery.plenty().is_access() {
                code::ACCESS
            } else {
                code::PLENTY
            };
        }
    }
    code::FAILURE
}

/// Renders the error chain in `lang`: localised where the error type has a
/// catalogue text, its own `Display` otherwise.
pub fn render(error: &anyhow::Error, lang: Lang) -> String {
    let mut lines: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = localized(cause, lang).unwrap_or_else(|| cause.to_string());
        if lines.last().is_some_and(|last| last.contains(&text)) {
            continue;
        }
        lines.push(text);
        if cause.is::<PlentyError>() || cause.is::<ConfigError>() {
            break;
        }
    }
    lines.join("\n  ")
}

fn localized(cause: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    if let Some(error) = cause.downcast_ref::<PlentyError>() {
        return Some(error.localized(lang));
    }
    if let Some(error) = cause.downcast_ref::<ConfigError>() {
        return Some(error.localized(lang));
    }
    if let Some(DeliveryError::Message { ticket_id, .. }) = cause.downcast_ref::<DeliveryError>() {
        return Some(tf(lang, "err.delivery.message", &[("ticket", ticket_id)]));
    }
    if let Some(error) = cause.downcast_ref::<TlsError>() {
        let path = error.path().display();
        let detail = error.detail();
        return Some(tf(
            lang,
            "err.tls.load",
            &[("path", &path), ("detail", &detail)],
        ));
    }
    if let Some(ChecksFailed { failed, warnings }) = cause.downcast_ref::<ChecksFailed>() {
        return Some(tf(
            lang,
            "err.validate.failed",
            &[("failed", failed), ("warnings", warnings)],
        ));
    }
    if let Some(error) = cause.downcast_ref::<SendError>() {
        return Some(error.localized(lang));
    }
    if let Some(FileError::NotFound { path }) = cause.downcast_ref::<FileError>() {
        return Some(tf(
            lang,
            "err.config.not_found",
            &[("path", &path.display())],
        ));
    }
    None
}
