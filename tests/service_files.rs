//! The systemd unit in docs/systemd: `systemd-analyze verify` and
//! `security` accept it where systemd-analyze is installed, and `serve`
//! works with the environment and directories the unit gives it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const UNIT_NAME: &str = "plenty-service-helper.service";
const INSTALLED_BINARY: &str = "/usr/local/bin/plenty-service-helper";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn unit_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/systemd")
        .join(UNIT_NAME);
    std::fs::read_to_string(path).unwrap()
}

/// Returns the values of the `key=` lines in the unit, in order.
fn values(unit: &str, key: &str) -> Vec<String> {
    let prefix = format!("{key}=");
    unit.lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(str::to_string)
        .collect()
}

fn systemd_analyze() -> bool {
    let found = Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        println!("skipped: systemd-analyze is not installed (Debian package systemd)");
    }
    found
}

/// Copies the unit into `dir` with `ExecStart` pointing at the built binary,
/// since `verify` checks that the program exists.
fn unit_for_this_build(dir: &Path) -> PathBuf {
    let unit = unit_text();
    assert!(
        unit.contains(INSTALLED_BINARY),
        "the unit runs {INSTALLED_BINARY}"
    );
    let path = dir.join(UNIT_NAME);
    std::fs::write(&path, unit.replace(INSTALLED_BINARY, bin())).unwrap();
    path
}

#[test]
fn systemd_analyze_verify_accepts_unit() {
    if !systemd_analyze() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let unit = unit_for_this_build(dir.path());
    // `verify` runs man for Documentation=man:… lines, so the pages in man/
    // must be found.
    let output = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&unit)
        .env("MANPATH", Path::new(env!("CARGO_MANIFEST_DIR")).join("man"))
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // verify exits 0 after ignoring an unknown key or a bad value, and only
    // prints it, so any output is a finding.
    assert_eq!(stderr, "", "verify reported problems");
}

#[test]
fn systemd_analyze_security_rates_unit_ok() {
    if !systemd_analyze() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let unit = unit_for_this_build(dir.path());
    // The threshold is on systemd's 0 to 100 scale; 20 is an exposure of
    // 2.0, inside the best band ("OK", below 2.5, systemd 252).
    let output = Command::new("systemd-analyze")
        .args(["security", "--offline=yes", "--threshold=20"])
        .arg(&unit)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

#[test]
fn unit_sandboxing_options_present() {
    let unit = unit_text();
    for setting in [
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "SystemCallFilter=@system-service",
        "CapabilityBoundingSet=",
        "User=plenty-service-helper",
    ] {
        assert!(
            unit.lines().any(|line| line == setting),
            "{setting} missing"
        );
    }
}

#[test]
fn unit_environment_matches_directories() {
    let unit = unit_text();
    let environment = values(&unit, "Environment");
    let cases = [
        (
            "PSH_CONFIG",
            "/etc",
            "ConfigurationDirectory",
            "/config.toml",
        ),
        ("PSH_DATA_DIR", "/var/lib", "StateDirectory", ""),
        ("PSH_CACHE_DIR", "/var/cache", "CacheDirectory", ""),
    ];
    for (variable, root, directive, file) in cases {
        let directory = values(&unit, directive);
        assert_eq!(directory.len(), 1, "{directive}");
        let expected = format!("{variable}={root}/{}{file}", directory[0]);
        assert!(
            environment.contains(&expected),
            "{expected} missing: {environment:?}"
        );
    }
}

/// Runs the receiver with the unit's variables, its directories moved
/// under a temporary root, and checks that each file lands where the unit
/// expects it.
#[test]
fn serve_uses_unit_directories() {
    let env = Env::new();
    let root = env.dir.path().join("root");
    let rooted = |path: &str| format!("{}{path}", root.display());
    let unit = unit_text();
    let mut variables = Vec::new();
    for assignment in values(&unit, "Environment") {
        let (name, value) = assignment.split_once('=').unwrap();
        variables.push((name.to_string(), rooted(value)));
    }
    let config_dir = root.join("etc/plenty-service-helper");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("message.html"),
        "Order ID: {{ order.id }}<br/>",
    )
    .unwrap();

    let (_sandbox, base) = start_sandbox(&env, &[]);
    let mut setup = env.command();
    setup.envs(variables.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    setup.args([
        "setup",
        "--non-interactive",
        "--base-url",
        &base,
        "--username",
        SANDBOX_USER,
        "--password-stdin",
        "--plenty-id",
        "1000",
        "--type-id",
        "4",
        "--status-id",
        "11",
        "--role-id",
        "3",
        "--owner-id",
        "7",
    ]);
    let output = run_with_stdin(setup, SANDBOX_PASSWORD);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(config_dir.join("config.toml").exists());
    let mut set = env.command();
    set.envs(variables.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let output = set
        .args(["config", "set", "ticket.message_template", "message.html"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));

    let mut command = env.command();
    command.envs(variables.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    command.args(["serve", "--bind", "127.0.0.1:0"]);
    let mut serve = Process::spawn(command);
    let webhook = serve.wait_for_url("/service/tickets");
    let (status, body, _) = post_json(&webhook, event_for(777));
    assert_eq!(status, 200, "{body}");

    assert!(root
        .join("var/lib/plenty-service-helper/outbox.sqlite3")
        .exists());
    assert!(root
        .join("var/cache/plenty-service-helper/tokens.json")
        .exists());
    let ticket_id = body["ticketId"].as_i64().unwrap();
    let messages = SandboxReader::login(&base).messages(ticket_id);
    assert_eq!(
        messages[0]["text"], "Order ID: 777<br/>",
        "the template beside the config is used"
    );
}
