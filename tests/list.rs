//! `list` against the sandbox, in both languages, as tables and as JSON.
//! The table snapshots pin what people read, and the JSON snapshots pin
//! the keys scripts rely on.

mod common;

use common::*;

const WHAT: [&str; 5] = ["types", "statuses", "roles", "users", "webstores"];

fn list(env: &Env, args: &[&str]) -> String {
    let output = env.command().arg("list").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "list {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn configured() -> (Env, Process) {
    let env = Env::new();
    let (sandbox, base) = start_sandbox(&env, &[]);
    assert!(env.setup(&base, &[]).status.success());
    (env, sandbox)
}

#[test]
fn tables_in_english_and_german() {
    let (env, _sandbox) = configured();
    for what in WHAT {
        for lang in ["en", "de"] {
            let table = list(&env, &["--lang", lang, what]);
            insta::assert_snapshot!(format!("{what}_{lang}"), table);
        }
    }
}

#[test]
fn json_has_stable_keys() {
    let (env, _sandbox) = configured();
    for what in WHAT {
        let json = list(&env, &[what, "--output", "json"]);
        serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
        insta::assert_snapshot!(format!("{what}_json"), json);
    }
}

#[test]
fn json_names_follow_language() {
    let (env, _sandbox) = configured();
    let english: serde_json::Value =
        serde_json::from_str(&list(&env, &["types", "--output", "json"])).unwrap();
    let german: serde_json::Value =
        serde_json::from_str(&list(&env, &["--lang", "de", "types", "--output", "json"])).unwrap();
    assert_eq!(english[1]["name"], "Service");
    assert_eq!(german[1]["name"], "Dienstleistung");
    assert_eq!(english[1]["typeId"], german[1]["typeId"]);
}

#[test]
fn statuses_filtered_by_type() {
    let (env, _sandbox) = configured();
    let table = list(&env, &["statuses", "--type-id", "5"]);
    assert!(table.contains("| 20 | Open"), "{table}");
    assert!(!table.contains("New (service)"), "{table}");
}

#[test]
fn missing_right_exits_4() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &["--forbid-route", "/rest/webstores"]);
    assert!(env.setup(&base, &[]).status.success());
    let output = env.command().args(["list", "webstores"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/rest/webstores"), "{stderr}");
}
