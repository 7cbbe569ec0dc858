//! `validate` against the sandbox: a good setup passes, and each check,
//! broken in turn, fails on its own row with exit code 6.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::*;
use serde_json::Value;

const CHECKS_FAILED: i32 = 6;

/// Runs `validate --output json` with `extra` arguments and variables;
/// returns the exit code and the report.
fn validate(env: &Env, extra: &[&str], vars: &[(&str, &str)]) -> (i32, Value) {
    let mut command = env.command();
    command.args(["validate", "--output", "json"]).args(extra);
    for (key, value) in vars {
        command.env(key, value);
    }
    let output = command.output().expect("validate runs");
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "no JSON report ({error}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().expect("exit code"), report)
}

/// Finds the row with `id`.
fn row<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|check| check["id"] == id)
        .unwrap_or_else(|| panic!("no row {id} in {report:#}"))
}

fn failed_ids(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|check| check["result"] == "failed")
        .map(|check| check["id"].as_str().unwrap().to_string())
        .collect()
}

/// Starts a sandbox and writes a setup that passes, with the listener on a
/// free port.
fn good_setup(sandbox_args: &[&str]) -> (Env, Process, String) {
    let env = Env::new();
    let (sandbox, base) = start_sandbox(&env, sandbox_args);
    let output = env.setup(&base, &["--bind", "127.0.0.1:0"]);
    assert!(output.status.success(), "{output:?}");
    (env, sandbox, base)
}

fn config_set(env: &Env, key: &str, value: &str) {
    let output = env
        .command()
        .args(["config", "set", key, value])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn good_setup_passes() {
    let (env, _sandbox, base) = good_setup(&[]);
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["ok"], true);
    for check in report["checks"].as_array().unwrap() {
        assert_eq!(check["result"], "ok", "{check:#}");
    }
    for id in [
        "config.file",
        "config.permissions",
        "config.values",
        "plenty.address",
        "plenty.login",
        "plenty.rights",
        "ticket.plenty_id",
        "ticket.type_id",
        "ticket.status_id",
        "ticket.owner.7",
        "ticket.owner.12",
        "ticket.role_id",
        "webhook.bind",
    ] {
        row(&report, id);
    }
    assert_eq!(stats(&base)["open_sessions"], 0, "validate logs out again");
}

#[test]
fn table_in_german_names_failure() {
    let (env, _sandbox, _) = good_setup(&[]);
    config_set(&env, "ticket.type_id", "99");
    let output = env
        .command()
        .args(["--lang", "de", "validate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(CHECKS_FAILED));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("| Ticket-Typ existiert"), "{stdout}");
    assert!(stdout.contains("fehlgeschlagen"), "{stdout}");
    assert!(stdout.contains("kein Ticket-Typ hat die ID 99"), "{stdout}");
    assert!(stdout.contains("config set ticket.type_id ID"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The status of type 4 no longer fits the type either.
    assert!(stderr.contains("2 Prüfung(en) fehlgeschlagen"), "{stderr}");
}

#[test]
fn missing_file_fails() {
    let env = Env::new();
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, CHECKS_FAILED);
    assert_eq!(row(&report, "config.file")["result"], "failed");
    assert_eq!(
        row(&report, "config.file")["fix"],
        "plenty-service-helper setup"
    );
    assert_eq!(row(&report, "plenty.login")["result"], "skipped");
}

#[test]
fn unparsable_file_fails() {
    let env = Env::new();
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(env.config_path(), "[ticket\ntype_id = 4\n").unwrap();
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, CHECKS_FAILED);
    let file = row(&report, "config.file");
    assert_eq!(file["result"], "failed");
    assert!(
        file["detail"].as_str().unwrap().contains("is not valid"),
        "{file}"
    );
}

#[test]
fn readable_file_fails() {
    let (env, _sandbox, _) = good_setup(&[]);
    std::fs::set_permissions(env.config_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, CHECKS_FAILED);
    assert_eq!(failed_ids(&report), ["config.permissions"]);
    let fix = row(&report, "config.permissions")["fix"].as_str().unwrap();
    assert!(fix.starts_with("chmod 600 "), "{fix}");
}

#[test]
fn missing_value_named() {
    let (env, _sandbox, _) = good_setup(&[]);
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    let without_role: String = text
        .lines()
        .filter(|line| !line.starts_with("role_id"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(env.config_path(), without_role).unwrap();
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, CHECKS_FAILED);
    assert_eq!(failed_ids(&report), ["value.ticket.role_id"]);
    let detail = row(&report, "value.ticket.role_id")["detail"]
        .as_str()
        .unwrap();
    assert!(detail.contains("--role-id"), "{detail}");
    assert_eq!(row(&report, "ticket.role_id")["result"], "skipped");
}

#[test]
fn base_url_not_plentymarkets_named() {
    let cases = [
        (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 28\r\nConnection: close\r\n\r\n<html><form>login</form></html>",
            "HTML page",
        ),
        (
            "HTTP/1.1 302 Found\r\nLocation: https://login.example/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            "redirects to https://login.example/",
        ),
        (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\nContent-Length: 27\r\nConnection: close\r\n\r\n<html>maintenance</html>   ",
            "maintenance page",
        ),
    ];
    for (response, named) in cases {
        let env = Env::new();
        let base = serve_fixed(response);
        assert!(env
            .setup(&base, &["--bind", "127.0.0.1:0"])
            .status
            .success());
        let (code, report) = validate(&env, &[], &[]);
        assert_eq!(code, CHECKS_FAILED, "{named}");
        assert_eq!(failed_ids(&report), ["plenty.address"], "{named}");
        let detail = row(&report, "plenty.address")["detail"].as_str().unwrap();
        assert!(detail.contains(named), "{named}: {detail}");
        assert_eq!(row(&report, "plenty.login")["result"], "skipped");
    }
}

#[test]
fn wrong_password_fails_login() {
    let (env, _sandbox, _) = good_setup(&[]);
    let (code, report) = validate(&env, &[], &[("PSH_PASSWORD", "wrong-password")]);
    assert_eq!(code, CHECKS_FAILED);
    assert_eq!(failed_ids(&report), ["plenty.login"]);
    assert_eq!(row(&report, "plenty.address")["result"], "ok");
    assert_eq!(row(&report, "ticket.type_id")["result"], "skipped");
    assert!(!report.to_string().contains("wrong-password"));
}

#[test]
fn missing_right_names_route() {
    let (env, _sandbox, _) = good_setup(&["--forbid-route", "/rest/backend/users"]);
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, CHECKS_FAILED);
    assert_eq!(failed_ids(&report), ["plenty.rights"]);
    let detail = row(&report, "plenty.rights")["detail"].as_str().unwrap();
    assert!(detail.contains("/rest/backend/users"), "{detail}");
    assert_eq!(row(&report, "ticket.owner_ids")["result"], "skipped");
}

#[test]
fn each_wrong_id_fails_its_row() {
    let cases: [(&str, &str, &[&str], &str); 6] = [
        (
            "ticket.plenty_id",
            "1234",
            &["ticket.plenty_id"],
            "1000 (Hauptshop)",
        ),
        (
            "ticket.type_id",
            "99",
            &["ticket.type_id", "ticket.status_id"],
            "4 (Service)",
        ),
        (
            "ticket.status_id",
            "20",
            &["ticket.status_id"],
            "belongs to type 5",
        ),
        (
            "ticket.owner_ids",
            "7,15",
            &["ticket.owner.15"],
            "lacks the Ticket option",
        ),
        (
            "ticket.owner_ids",
            "21",
            &["ticket.owner.21"],
            "is disabled",
        ),
        (
            "ticket.owner_ids",
            "99",
            &["ticket.owner.99"],
            "no back-end user has ID 99",
        ),
    ];
    let (env, _sandbox, _) = good_setup(&[]);
    let original = std::fs::read(env.config_path()).unwrap();
    for (key, value, failing, named) in cases {
        std::fs::write(env.config_path(), &original).unwrap();
        config_set(&env, key, value);
        let (code, report) = validate(&env, &[], &[]);
        assert_eq!(code, CHECKS_FAILED, "{key}={value}");
        assert_eq!(failed_ids(&report), failing, "{key}={value}");
        let text = row(&report, failing[0]).to_string();
        assert!(text.contains(named), "{key}={value}: {text}");
    }
}

#[test]
fn unseen_role_warns_and_strict_fails() {
    let (env, _sandbox, _) = good_setup(&[]);
    config_set(&env, "ticket.role_id", "4");
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, 0, "a warning alone passes");
    let role = row(&report, "ticket.role_id");
    assert_eq!(role["result"], "warning");
    assert!(
        role["detail"]
            .as_str()
            .unwrap()
            .contains("roles seen: 1, 3"),
        "{role}"
    );
    assert!(
        role["fix"].as_str().unwrap().contains("Ticket system"),
        "{role}"
    );
    let (strict, report) = validate(&env, &["--strict"], &[]);
    assert_eq!(strict, CHECKS_FAILED);
    assert_eq!(report["ok"], false);
}

#[test]
fn webhook_address_in_use_fails() {
    let (env, _sandbox, _) = good_setup(&[]);
    let taken =
        serve_fixed("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    let addr = taken.trim_start_matches("http://");
    config_set(&env, "webhook.bind", addr);
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, CHECKS_FAILED);
    assert_eq!(failed_ids(&report), ["webhook.bind"]);
    let bind = row(&report, "webhook.bind");
    assert!(
        bind["detail"].as_str().unwrap().contains("another program"),
        "{bind}"
    );
}

#[test]
fn running_serve_counts_as_bindable() {
    let (env, _sandbox, _) = good_setup(&[]);
    let (_serve, url) = start_serve(&env, &[]);
    let addr = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    config_set(&env, "webhook.bind", &addr);
    let (code, report) = validate(&env, &[], &[]);
    assert_eq!(code, 0, "{report:#}");
    let bind = row(&report, "webhook.bind");
    assert!(
        bind["detail"]
            .as_str()
            .unwrap()
            .contains("serve is already running"),
        "{bind}"
    );
}
