//! Errors of the plentymarkets REST client, each naming the URL and the
//! next step.

use std::time::Duration;

use crate::i18n::{tf, Lang};

/// Kind of page returned where JSON was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// An HTML page, usually a shop front or login page: a wrong base URL.
    Html,
    /// A maintenance page (HTTP 503 with HTML).
    Maintenance,
    /// Anything else that is not JSON.
    Other,
}

/// A failed call to plentymarkets.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PlentyError {
    #[error("{}", self.localized(Lang::En))]
    InvalidCredentials { url: String },
    #[error("{}", self.localized(Lang::En))]
    LoginForbidden { url: String },
    #[error("{}", self.localized(Lang::En))]
    Forbidden { url: String },
    #[error("{}", self.localized(Lang::En))]
    NotJson {
        url: String,
        status: u16,
        kind: PageKind,
    },
    #[error("{}", self.localized(Lang::En))]
    Redirect { url: String, location: String },
    #[error("{}", self.localized(Lang::En))]
    Timeout { url: String },
    #[error("{}", self.localized(Lang::En))]
    Unreachable { url: String, detail: String },
    #[error("{}", self.localized(Lang::En))]
    RateLimited {
        url: String,
        retry_after: Option<Duration>,
    },
    #[error("{}", self.localized(Lang::En))]
    TooManySessions { url: String },
    #[error("{}", self.localized(Lang::En))]
    Rejected {
        url: String,
        status: u16,
        message: String,
    },
    #[error("{}", self.localized(Lang::En))]
    Server {
        url: String,
        status: u16,
        message: String,
    },
    #[error("{}", self.localized(Lang::En))]
    InvalidResponse { url: String, detail: String },
}

impl PlentyError {
    /// True when the same call may succeed later without any change on our
    /// side: network trouble, timeouts, rate limits and 5xx responses.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            PlentyError::Timeout { .. }
                | PlentyError::Unreachable { .. }
                | PlentyError::RateLimited { .. }
                | PlentyError::TooManySessions { .. }
                | PlentyError::Server { .. }
        ) || matches!(
            self,
            PlentyError::NotJson {
                kind: PageKind::Maintenance,
                ..
            }
        )
    }

    /// True when the request may have reached plentymarkets and taken
    /// effect although no response arrived.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            PlentyError::Timeout { .. } | PlentyError::Unreachable { .. }
        ) || matches!(self, PlentyError::Server { status, .. } if *status >= 500)
    }

    /// True for errors the merchant fixes in plentymarkets or the
    /// configuration: credentials and rights.
    pub fn is_access(&self) -> bool {
        matches!(
            self,
            PlentyError::InvalidCredentials { .. }
                | PlentyError::LoginForbidden { .. }
                | PlentyError::Forbidden { .. }
        )
    }

    /// Returns the `Retry-After` delay plentymarkets requested, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            PlentyError::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// A short, stable name of the kind, for logs and JSON responses.
    pub fn kind(&self) -> &'static str {
        match self {
            PlentyError::InvalidCredentials { .. } => "invalid_credentials",
            PlentyError::LoginForbidden { .. } => "login_forbidden",
            PlentyError::Forbidden { .. } => "forbidden",
            PlentyError::NotJson { .. } => "not_json",
            PlentyError::Redirect { .. } => "redirect",
            PlentyError::Timeout { .. } => "timeout",
            PlentyError::Unreachable { .. } => "unreachable",
            PlentyError::RateLimited { .. } => "rate_limited",
            PlentyError::TooManySessions { .. } => "too_many_sessions",
            PlentyError::Rejected { .. } => "rejected",
            PlentyError::Server { .. } => "server_error",
            PlentyError::InvalidResponse { .. } => "invalid_response",
        }
    }

    /// Renders the error in `lang`, with the URL and what to do next.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            PlentyError::InvalidCredentials { url } => {
                tf(lang, "err.plenty.credentials", &[("url", url)])
            }
            PlentyError::LoginForbidden { url } => {
                tf(lang, "err.plenty.login_forbidden", &[("url", url)])
            }
            PlentyError::Forbidden { url } => tf(lang, "err.plenty.forbidden", &[("url", url)]),
            PlentyError::NotJson { url, status, kind } => {
                let key = match kind {
                    PageKind::Html => "err.plenty.html",
                    PageKind::Maintenance => "err.plenty.maintenance",
                    PageKind::Other => "err.plenty.not_json",
                };
                tf(lang, key, &[("url", url), ("status", status)])
            }
            PlentyError::Redirect { url, location } => tf(
                lang,
                "err.plenty.redirect",
                &[("url", url), ("location", location)],
            ),
            PlentyError::Timeout { url } => tf(lang, "err.plenty.timeout", &[("url", url)]),
            PlentyError::Unreachable { url, detail } => tf(
                lang,
                "err.plenty.unreachable",
                &[("url", url), ("detail", detail)],
            ),
            PlentyError::RateLimited { url, retry_after } => {
                let seconds = retry_after
                    .map(|d| d.as_secs().to_string())
                    .unwrap_or_else(|| "?".into());
                tf(
                    lang,
                    "err.plenty.rate_limited",
                    &[("url", url), ("seconds", &seconds)],
                )
            }
            PlentyError::TooManySessions { url } => {
                tf(lang, "err.plenty.sessions", &[("url", url)])
            }
            PlentyError::Rejected {
                url,
                status,
                message,
            } => tf(
                lang,
                "err.plenty.rejected",
                &[("url", url), ("status", status), ("message", message)],
            ),
            PlentyError::Server {
                url,
                status,
                message,
            } => tf(
                lang,
                "err.plenty.server",
                &[("url", url), ("status", status), ("message", message)],
            ),
            PlentyError::InvalidResponse { url, detail } => tf(
                lang,
                "err.plenty.invalid_response",
                &[("url", url), ("detail", detail)],
            ),
        }
    }
}
