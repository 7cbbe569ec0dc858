//! `validate` (alias `doctor`): checks the configuration and the
//! plentymarkets system it points at, one row per check with the fix for
//! each problem.

mod check;
mod local;
mod remote;

use serde_json::json;

pub use check::{Check, Outcome};

use crate::app::Context;
use crate::cli::{OutputFormat, ValidateArgs};
use crate::config::PartialConfig;
use crate::errors::ChecksFailed;
use crate::i18n::{t, tf, Lang};
use crate::output;

pub async fn run(ctx: &Context, args: ValidateArgs) -> anyhow::Result<()> {
    let checks = collect(ctx).await;
    let failed = count(&checks, Outcome::Failed);
    let warnings = count(&checks, Outcome::Warning);
    let passed = failed == 0 && (!args.strict || warnings == 0);
    match args.output {
        OutputFormat::Json => output::json(&json!({
            "ok": passed,
            "failed": failed,
            "warnings": warnings,
            "checks": checks,
        }))?,
        OutputFormat::Table => print_table(ctx.lang, &checks, failed, warnings),
    }
    if passed {
        Ok(())
    } else {
        Err(ChecksFailed { failed, warnings }.into())
    }
}

/// Runs every check in report order: the file, the values, plentymarkets,
/// then the webhook address.
pub async fn collect(ctx: &Context) -> Vec<Check> {
    let lang = ctx.lang;
    let mut checks = vec![local::file_check(ctx), local::permissions_check(ctx)];

    let merged = ctx.layered(PartialConfig::default());
    let password = match local::password(lang, &merged) {
        Ok(password) => password,
        Err(row) => {
            checks.push(row);
            None
        }
    };
    let (value_rows, _) = local::value_checks(lang, &merged, password.clone());
    checks.extend(value_rows);

    let connection = merged.connection(password).ok();
    checks.extend(remote::checks(lang, connection, &merged.ticket).await);

    checks.push(match merged.webhook_settings() {
        Ok(webhook) => local::bind_check(lang, webhook.bind).await,
        Err(_) => Check::new("webhook.bind", t(lang, "check.name.bind"), Outcome::Skipped)
            .detail(t(lang, "check.skipped.no_value")),
    });
    checks
}

fn count(checks: &[Check], outcome: Outcome) -> usize {
    checks
        .iter()
        .filter(|check| check.outcome == outcome)
        .count()
}

fn print_table(lang: Lang, checks: &[Check], failed: usize, warnings: usize) {
    let mut table = output::table(vec![
        t(lang, "col.check"),
        t(lang, "col.result"),
        t(lang, "col.details"),
        t(lang, "col.fix"),
    ]);
    for check in checks {
        table.add_row(vec![
            check.name.clone(),
            check.outcome.label(lang).to_string(),
            check.detail.clone(),
            check.fix.clone().unwrap_or_default(),
        ]);
    }
    println!("{table}");
    if failed == 0 && warnings == 0 {
        println!("{}", t(lang, "msg.validate.passed"));
    } else {
        println!(
            "{}",
            tf(
                lang,
                "msg.validate.summary",
                &[("failed", &failed), ("warnings", &warnings)],
            )
        );
    }
}
