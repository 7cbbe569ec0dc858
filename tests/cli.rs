//! The command line: setup, config, ticket test and list, precedence of
//! configuration sources, exit codes and languages.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::*;
use serde_json::Value;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn setup_writes_private_file() {
    let env = Env::new();
    let output = env.setup("https://shop.example/rest/", &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let path = env.config_path();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("base_url = \"https://shop.example\""),
        "{written}"
    );
    assert!(
        written.contains("owner_ids = [\n    7,\n    12,\n]")
            || written.contains("owner_ids = [7, 12]"),
        "{written}"
    );
    assert!(written.contains("path = \"/service/tickets\""), "{written}");
}

#[test]
fn setup_missing_flag_exits_2() {
    let env = Env::new();
    let output = env
        .command()
        .args([
            "setup",
            "--non-interactive",
            "--base-url",
            "https://shop.example",
            "--username",
            "u",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    for flag in [
        "--password-stdin",
        "--plenty-id",
        "--type-id",
        "--status-id",
        "--role-id",
        "--owner-id",
    ] {
        assert!(stderr.contains(flag), "{flag} not named: {stderr}");
    }
    assert!(!env.config_path().exists());
}

#[test]
fn setup_without_terminal_asks_nothing() {
    let env = Env::new();
    let mut command = env.command();
    command.args(["setup", "--username", "u"]);
    let output = run_with_stdin(command, "");
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("--base-url"));
}

#[test]
fn setup_rejects_old_plugin_rule() {
    let env = Env::new();
    let mut command = env.command();
    command.args([
        "setup",
        "--non-interactive",
        "--base-url",
        "https://shop.example",
        "--username",
        "u",
        "--password-stdin",
    ]);
    command.args([
        "--plenty-id",
        "1000",
        "--type-id",
        "0",
        "--status-id",
        "11",
        "--role-id",
        "3",
        "--owner-id",
        "7",
    ]);
    let output = run_with_stdin(command, "pw");
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("ticket.type_id"));
}

#[test]
fn setup_keeps_backup_with_force() {
    let env = Env::new();
    assert!(env.setup("https://one.example", &[]).status.success());
    let again = env.setup("https://two.example", &[]);
    assert_eq!(again.status.code(), Some(2), "existing file needs --force");
    assert!(text(&again.stderr).contains("--force"));
    let forced = env.setup("https://two.example", &["--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let backup = env.config_path().with_file_name("config.toml.bak");
    assert!(std::fs::read_to_string(&backup)
        .unwrap()
        .contains("one.example"));
    assert!(std::fs::read_to_string(env.config_path())
        .unwrap()
        .contains("two.example"));
    assert_eq!(
        std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn config_show_hides_password() {
    let env = Env::new();
    assert!(env.setup("https://shop.example", &[]).status.success());
    let output = env
        .command()
        .args(["config", "show", "--output", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(shown["plentymarkets.password"], "********");
    assert_eq!(shown["ticket.type_id"], 4);
    let table = env.command().args(["config", "show"]).output().unwrap();
    assert!(!text(&table.stdout).contains(SANDBOX_PASSWORD));
    let get = env
        .command()
        .args(["config", "get", "plentymarkets.password"])
        .output()
        .unwrap();
    assert_eq!(text(&get.stdout).trim(), "********");
}

#[test]
fn config_set_validates_and_keeps_mode() {
    let env = Env::new();
    assert!(env.setup("https://shop.example", &[]).status.success());
    let bad = env
        .command()
        .args(["config", "set", "ticket.role_id", "-3"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(3), "{}", text(&bad.stderr));
    let unknown = env
        .command()
        .args(["config", "set", "ticket.colour", "red"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    std::fs::set_permissions(env.config_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let good = env
        .command()
        .args(["config", "set", "ticket.owner_ids", "7,12,15"])
        .output()
        .unwrap();
    assert!(good.status.success(), "{}", text(&good.stderr));
    assert_eq!(
        std::fs::metadata(env.config_path())
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    let get = env
        .command()
        .args(["config", "get", "ticket.owner_ids"])
        .output()
        .unwrap();
    assert_eq!(text(&get.stdout).trim(), "[7,12,15]");
}

#[test]
fn readable_config_draws_warning() {
    let env = Env::new();
    assert!(env.setup("https://shop.example", &[]).status.success());
    std::fs::set_permissions(env.config_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = env.command().args(["config", "path"]).output().unwrap();
    assert!(
        text(&output.stderr).contains("chmod 600"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn precedence_flag_env_file_default() {
    let env = Env::new();
    assert!(env
        .setup("https://file.example", &["--bind", "127.0.0.1:1"])
        .status
        .success());

    let dry = |extra_env: &[(&str, &str)]| {
        let mut command = env.command();
        command.args(["ticket", "test", "--dry-run", "--output", "json"]);
        for (key, value) in extra_env {
            command.env(key, value);
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        serde_json::from_slice::<Value>(&output.stdout).unwrap()
    };
    let from_file = dry(&[]);
    assert_eq!(from_file[0]["url"], "https://file.example/rest/login");
    let from_env = dry(&[
        ("PSH_BASE_URL", "https://env.example"),
        ("PSH_TYPE_ID", "5"),
    ]);
    assert_eq!(from_env[0]["url"], "https://env.example/rest/login");
    assert_eq!(from_env[1]["body"]["typeId"], 5);
    assert_eq!(
        from_env[1]["body"]["statusId"], 11,
        "unset variables keep the file's value"
    );

    // The flag beats the variable, which beats the file's 127.0.0.1:1.
    let mut command = env.command();
    command
        .env("PSH_BIND", "127.0.0.1:2")
        .args(["serve", "--bind", "127.0.0.1:0"]);
    let mut serve = Process::spawn(command);
    let url = serve.wait_for_url("/service/tickets");
    assert!(!url.contains(":1/"), "the file's address was used: {url}");
    assert!(
        !url.contains(":2/"),
        "the variable's address was used: {url}"
    );
    drop(serve);
    let mut command = env.command();
    command.env("PSH_BIND", "127.0.0.1:0").arg("serve");
    let mut serve = Process::spawn(command);
    let url = serve.wait_for_url("/service/tickets");
    assert!(!url.contains(":1/"), "the variable beats the file: {url}");
}

#[test]
fn dry_run_sends_nothing_and_hides_password() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    assert!(env.setup(&base, &[]).status.success());
    let output = env
        .command()
        .args(["ticket", "test", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("POST http://127.0.0.1"), "{stdout}");
    assert!(
        stdout.contains("\"title\": \"Service: Shop-Einrichtung Starterpaket\""),
        "{stdout}"
    );
    assert!(stdout.contains("********"));
    assert!(!stdout.contains(SANDBOX_PASSWORD));
    let stats = stats(&base);
    assert_eq!(stats["logins"], 0);
    assert_eq!(stats["tickets_created"], 0);
}

#[test]
fn ticket_test_then_list() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    assert!(env.setup(&base, &[]).status.success());
    let output = env.command().args(["ticket", "test"]).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("Ticket 1000"),
        "{}",
        text(&output.stdout)
    );

    let payload = fixture("purchase-unicode.json");
    let output = env
        .command()
        .args(["ticket", "test", "--output", "json", "--payload"])
        .arg(&payload)
        .output()
        .unwrap();
    let created: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(created["ticketId"], 1001);

    let list = env
        .command()
        .args(["ticket", "list", "--output", "json"])
        .output()
        .unwrap();
    assert!(list.status.success(), "{}", text(&list.stderr));
    let tickets: Value = serde_json::from_slice(&list.stdout).unwrap();
    let titles: Vec<&str> = tickets
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Service: Shop-Einrichtung Starterpaket"),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("SEO-Prüfung")));

    let table = env
        .command()
        .args(["--lang", "de", "ticket", "list"])
        .output()
        .unwrap();
    let table = text(&table.stdout);
    assert!(
        table.contains("Titel") && table.contains("Erstellt"),
        "{table}"
    );
    assert!(table.contains("Neu (Dienstleistung) (11)"), "{table}");

    assert_eq!(
        stats(&base)["logins"],
        1,
        "the cached token serves every run"
    );
    let cache = env.cache_dir().join("tokens.json");
    assert_eq!(
        std::fs::metadata(&cache).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(!std::fs::read_to_string(&cache)
        .unwrap()
        .contains(SANDBOX_PASSWORD));
}

#[test]
fn wrong_password_exit_4() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    assert!(env.setup(&base, &[]).status.success());
    let output = env
        .command()
        .env("PSH_PASSWORD", "wrong-password")
        .args(["ticket", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("rejected the user name or password"),
        "{stderr}"
    );
    assert!(!stderr.contains("wrong-password"));
}

#[test]
fn unreachable_exit_5() {
    let env = Env::new();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    assert!(env
        .setup(&format!("http://127.0.0.1:{port}"), &[])
        .status
        .success());
    let output = env.command().args(["ticket", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(5), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("could not be reached"));
}

#[test]
fn missing_config_exit_3() {
    let env = Env::new();
    let output = env.command().args(["ticket", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(text(&output.stderr).contains("plenty-service-helper setup"));
}

#[test]
fn help_in_both_languages() {
    let env = Env::new();
    let english = env
        .command()
        .args(["--lang", "en", "setup", "--help"])
        .output()
        .unwrap();
    let english = text(&english.stdout);
    assert!(
        english.contains("Options") && english.contains("Ticket type ID"),
        "{english}"
    );
    let german = env
        .command()
        .env("LANG", "de_DE.UTF-8")
        .args(["setup", "--help"])
        .output()
        .unwrap();
    let german = text(&german.stdout);
    assert!(
        german.contains("Optionen") && german.contains("ID des Ticket-Typs"),
        "{german}"
    );
    let commands = env
        .command()
        .args(["--lang", "de", "--help"])
        .output()
        .unwrap();
    assert!(text(&commands.stdout).contains("Befehle"));
}

#[test]
fn errors_in_german() {
    let env = Env::new();
    let output = env
        .command()
        .args(["--lang", "de", "ticket", "list"])
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("Fehler") && stderr.contains("nicht gefunden"),
        "{stderr}"
    );
}

#[test]
fn setup_validate_flag_and_doctor_alias() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let output = env.setup(&base, &["--bind", "127.0.0.1:0", "--validate"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("Configuration written"), "{stdout}");
    assert!(stdout.contains("All checks passed."), "{stdout}");

    let doctor = env
        .command()
        .args(["doctor", "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor.stderr));
    let report: Value = serde_json::from_slice(&doctor.stdout).unwrap();
    assert_eq!(report["ok"], true);
}

#[test]
fn setup_validate_flag_reports_failure_with_6() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let output = env.setup(
        &base,
        &["--bind", "127.0.0.1:0", "--owner-id", "99", "--validate"],
    );
    assert_eq!(output.status.code(), Some(6), "{}", text(&output.stderr));
    assert!(
        env.config_path().exists(),
        "the file is written before validate"
    );
    assert!(text(&output.stdout).contains("no back-end user has ID 99"));
}

#[test]
fn config_set_normalises_like_setup() {
    let env = Env::new();
    assert!(env.setup("https://shop.example", &[]).status.success());
    let set = |key: &str, value: &str| {
        let output = env
            .command()
            .args(["config", "set", key, value])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
    };
    set("plentymarkets.base_url", "https://other.example/rest/");
    set("webhook.path", "hooks/in/");
    let written = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(
        written.contains("base_url = \"https://other.example\""),
        "{written}"
    );
    assert!(written.contains("path = \"/hooks/in\""), "{written}");
    let http = env
        .command()
        .args([
            "config",
            "set",
            "plentymarkets.base_url",
            "http://shop.example",
        ])
        .output()
        .unwrap();
    assert_eq!(http.status.code(), Some(3), "{}", text(&http.stderr));
    assert!(text(&http.stderr).contains("https is required"));
}

#[test]
fn closed_stdout_ends_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let env = Env::new();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = env
        .command()
        .args(["completions", "bash"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101));
    assert_eq!(
        output.status.signal(),
        Some(13),
        "ended by SIGPIPE like other tools"
    );
}
