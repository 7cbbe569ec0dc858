//! One row of the `validate` report.

use serde::Serialize;

use crate::i18n::{t, Lang};

/// The result of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Ok,
    Warning,
    Failed,
    /// Not run because an earlier check failed, which the row names.
    Skipped,
}

impl Outcome {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Outcome::Ok => t(lang, "check.outcome.ok"),
            Outcome::Warning => t(lang, "check.outcome.warning"),
            Outcome::Failed => t(lang, "check.outcome.failed"),
            Outcome::Skipped => t(lang, "check.outcome.skipped"),
        }
    }
}

/// One check: a stable `id` for scripts, a name and details in the
/// user's language, and for a problem the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub id: String,
    pub name: String,
    #[serde(rename = "result")]
    pub outcome: Outcome,
    pub detail: String,
    pub fix: Option<String>,
}

impl Check {
    pub fn new(id: impl Into<String>, name: impl Into<String>, outcome: Outcome) -> Self {
        Check {
            id: id.into(),
            name: name.into(),
            outcome,
            detail: String::new(),
            fix: None,
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}
