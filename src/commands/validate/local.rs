//! Checks that need no plentymarkets: the file, the values in it and the
//! webhook address.

use std::net::SocketAddr;
use std::time::Duration;

use super::check::{Check, Outcome};
use crate::app::Context;
use crate::config::{self, FileError, PartialConfig, Settings};
use crate::i18n::{t, tf, Lang};
use crate::secret::Secret;

/// Checks that the configuration file exists and parses.
pub fn file_check(ctx: &Context) -> Check {
    let lang = ctx.lang;
    let path = ctx.config_path.display();
    let check = |outcome| Check::new("config.file", t(lang, "check.name.file"), outcome);
    match (&ctx.file, &ctx.file_error) {
        (Some(_), _) => check(Outcome::Ok).detail(path.to_string()),
        (None, Some(FileError::Parse { message, .. })) => check(Outcome::Failed)
            .detail(tf(
                lang,
                "check.file.invalid",
                &[("path", &path), ("error", message)],
            ))
            .fix(t(lang, "check.fix.rewrite_file")),
        (None, Some(error)) => check(Outcome::Failed)
            .detail(error.to_string())
            .fix(t(lang, "check.fix.rewrite_file")),
        (None, None) if ctx.env.plentymarkets.base_url.is_some() => check(Outcome::Warning)
            .detail(tf(lang, "check.file.env_only", &[("path", &path)]))
            .fix(t(lang, "check.fix.run_setup")),
        (None, None) => check(Outcome::Failed)
            .detail(tf(lang, "check.file.missing", &[("path", &path)]))
            .fix(t(lang, "check.fix.run_setup")),
    }
}

/// Checks that no user but the owner can read the file, since it contains
/// the password.
pub fn permissions_check(ctx: &Context) -> Check {
    let lang = ctx.lang;
    let path = ctx.config_path.display();
    let check = |outcome| {
        Check::new(
            "config.permissions",
            t(lang, "check.name.permissions"),
            outcome,
        )
    };
    if !ctx.config_path.is_file() {
        return check(Outcome::Skipped).detail(t(lang, "check.skipped.no_file"));
    }
    if config::readable_by_others(&ctx.config_path) {
        return check(Outcome::Failed)
            .detail(tf(lang, "check.permissions.open", &[("path", &path)]))
            .fix(format!("chmod 600 {path}"));
    }
    check(Outcome::Ok).detail(t(lang, "check.permissions.private"))
}

/// Resolves the password. `Err` contains the failed row when
/// `password_command` did not produce one.
pub fn password(lang: Lang, merged: &PartialConfig) -> Result<Option<Secret>, Check> {
    config::resolve_password(merged).map_err(|error| {
        Check::new(
            "config.password",
            t(lang, "check.name.password"),
            Outcome::Failed,
        )
        .detail(tf(lang, "check.password.command", &[("error", &error)]))
        .fix(t(lang, "check.fix.password"))
    })
}

/// One row per missing or invalid value, or one `ok` row; returns the
/// validated settings when every value is right.
pub fn value_checks(
    lang: Lang,
    merged: &PartialConfig,
    password: Option<Secret>,
) -> (Vec<Check>, Option<Settings>) {
    match merged.settings(password) {
        Ok(settings) => {
            let check = Check::new("config.values", t(lang, "check.name.values"), Outcome::Ok)
                .detail(t(lang, "check.values.complete"));
            (vec![check], Some(settings))
        }
        Err(error) => {
            let rows = error
                .problems()
                .iter()
                .map(|problem| {
                    let key = problem.spec.key;
                    Check::new(
                        format!("value.{key}"),
                        tf(lang, "check.name.value", &[("key", &key)]),
                        Outcome::Failed,
                    )
                    .detail(problem.localized(lang))
                    .fix(format!("plenty-service-helper config set {key} VALUE"))
                })
                .collect();
            (rows, None)
        }
    }
}

/// Checks that `serve` could listen on `addr`. An address in use passes
/// when a running `serve` responds on its health route there.
pub async fn bind_check(lang: Lang, addr: SocketAddr) -> Check {
    let check = |outcome| Check::new("webhook.bind", t(lang, "check.name.bind"), outcome);
    let fix = || {
        format!(
            "plenty-service-helper config set webhook.bind {}",
            addr_example(addr)
        )
    };
    match std::net::TcpListener::bind(addr) {
        Ok(_) => check(Outcome::Ok).detail(tf(lang, "check.bind.free", &[("addr", &addr)])),
        Err(error) if error.kind() == std::io::ErrorKind::AddrInUse => {
            if serve_answers(addr).await {
                check(Outcome::Ok).detail(tf(lang, "check.bind.serve_running", &[("addr", &addr)]))
            } else {
                check(Outcome::Failed)
                    .detail(tf(lang, "check.bind.in_use", &[("addr", &addr)]))
                    .fix(fix())
            }
        }
        Err(error) => check(Outcome::Failed)
            .detail(tf(
                lang,
                "check.bind.failed",
                &[("addr", &addr), ("error", &error)],
            ))
            .fix(fix()),
    }
}

fn addr_example(addr: SocketAddr) -> String {
    SocketAddr::new(addr.ip(), addr.port().wrapping_add(1).max(1)).to_string()
}

/// Returns true when `GET /healthz` at `addr` responds as `serve` does.
/// The request goes to this machine only, because an unspecified address
/// is probed on loopback.
async fn serve_answers(addr: SocketAddr) -> bool {
    let mut target = addr;
    if target.ip().is_unspecified() {
        let loopback = if addr.is_ipv4() {
            std::net::IpAddr::from([127, 0, 0, 1])
        } else {
            std::net::IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
        };
        target.set_ip(loopback);
    }
    let Ok(client) = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(2))
        .build()
    else {
        return false;
    };
    let Ok(response) = client.get(format!("http://{target}/healthz")).send().await else {
        return false;
    };
    let body: Option<serde_json::Value> = response.json().await.ok();
    body.is_some_and(|value| value["status"] == "ok")
}
