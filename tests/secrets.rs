//! No secret and no customer detail in any output: the suite's scenarios
//! run with known secrets and customer names at the most verbose log
//! levels, in text and JSON, and every captured stream is searched.

mod common;

use std::process::Output;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::*;
use plenty_service_helper::config::decode_signing_secret;
use plenty_service_helper::webhook_auth::sign;
use serde_json::json;

const WEBHOOK_SECRET: &str = "KnownWebhookSecret-4f1c9a7e2b6d8053";
const SIGNING_SECRET: &str = "whsec_S25vd25TaWduaW5nU2VjcmV0LTIwMjYtMTItMDQ=";
const FIRST_NAME: &str = "Leakprobefirst";
const LAST_NAME: &str = "Leakprobelast";
const EMAIL: &str = "leak.probe@example.invalid";
const PAYPAL_ID: &str = "LEAKPROBEPAYPAL77";

/// Everything that must never be printed outside the one place that
/// shows it on purpose.
fn needles() -> Vec<&'static str> {
    vec![
        SANDBOX_PASSWORD,
        WEBHOOK_SECRET,
        SIGNING_SECRET,
        // The base64 part alone, in case the prefix is stripped first.
        &SIGNING_SECRET[6..],
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        PAYPAL_ID,
    ]
}

fn event() -> String {
    json!({
        "id": "evt_leakprobe_1",
        "type": "SERVICE.PLUGIN.PURCHASE",
        "resource": {
            "contact": {"gender": "female", "firstName": FIRST_NAME, "lastName": LAST_NAME, "email": EMAIL},
            "order": {"id": 990001, "payPalTransactionId": PAYPAL_ID, "orderItems": [
                {"itemVariationId": 1, "orderItemName": "Leak probe service", "priceNet": 10, "priceGross": 11.9}
            ]}
        }
    })
    .to_string()
}

/// Captured streams, each with a label for the failure message.
#[derive(Default)]
struct Captured(Vec<(String, String)>);

impl Captured {
    fn output(&mut self, label: &str, output: &Output) {
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        self.0.push((format!("{label} stdout"), stdout));
        self.0.push((format!("{label} stderr"), stderr));
    }

    fn text(&mut self, label: &str, text: String) {
        self.0.push((label.to_string(), text));
    }

    fn assert_clean(&self) {
        let mut leaks = Vec::new();
        for (label, text) in &self.0 {
            for needle in needles() {
                if text.contains(needle) {
                    leaks.push(format!("{needle:?} in {label}:\n{text}"));
                }
            }
        }
        assert!(leaks.is_empty(), "{}", leaks.join("\n\n"));
    }
}

fn run(env: &Env, args: &[&str]) -> Output {
    env.command().args(args).output().expect("binary runs")
}

/// Runs `serve` with `log_flags`, sends valid, signed, unauthenticated,
/// invalid and hostile events, stops it and captures everything it wrote.
fn serve_scenario(env: &Env, log_flags: &[&str], captured: &mut Captured) {
    let mut args = vec![];
    args.extend_from_slice(log_flags);
    let (mut serve, webhook) = start_serve(env, &args);
    let with_secret = format!("{webhook}/{WEBHOOK_SECRET}");
    let body = event();
    let timestamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let key = decode_signing_secret(SIGNING_SECRET).unwrap();
    let signature = sign(&key, "msg_leakprobe", &timestamp, body.as_bytes());
    let http = reqwest::blocking::Client::new();
    let signed = |url: &str, body: String| {
        http.post(url)
            .header("content-type", "application/json")
            .header("webhook-id", "msg_leakprobe")
            .header("webhook-timestamp", &timestamp)
            .header("webhook-signature", &signature)
            .body(body)
            .send()
            .unwrap()
    };

    let answer = signed(&with_secret, body.clone());
    assert_eq!(answer.status().as_u16(), 200, "{}", answer.text().unwrap());
    let bearer = http
        .post(&webhook)
        .header("content-type", "application/json")
        .bearer_auth(WEBHOOK_SECRET)
        .header("webhook-id", "msg_leakprobe")
        .header("webhook-timestamp", &timestamp)
        .header("webhook-signature", &signature)
        .body(body.clone())
        .send()
        .unwrap();
    assert_eq!(bearer.status().as_u16(), 200);
    let wrong = signed(&format!("{webhook}/{WEBHOOK_SECRET}x"), body.clone());
    assert_eq!(wrong.status().as_u16(), 401);
    let unsigned = http
        .post(&with_secret)
        .header("content-type", "application/json")
        .body(body.clone())
        .send()
        .unwrap();
    assert_eq!(unsigned.status().as_u16(), 401);
    let invalid = body.replace("\"orderItems\"", "\"items\"");
    let invalid_key = decode_signing_secret(SIGNING_SECRET).unwrap();
    let invalid_signature = sign(
        &invalid_key,
        "msg_leakprobe",
        &timestamp,
        invalid.as_bytes(),
    );
    let answer = http
        .post(&with_secret)
        .header("content-type", "application/json")
        .header("webhook-id", "msg_leakprobe")
        .header("webhook-timestamp", &timestamp)
        .header("webhook-signature", &invalid_signature)
        .body(invalid)
        .send()
        .unwrap();
    assert_eq!(answer.status().as_u16(), 422);

    serve.signal("TERM");
    assert!(serve.wait(Duration::from_secs(10)).is_some(), "serve stops");
    let logs = serve.stderr();
    assert!(
        logs.contains("evt_leakprobe_1") && logs.contains("990001"),
        "the logs were captured and carry the IDs: {logs}"
    );
    let label = format!("serve {}", log_flags.join(" "));
    captured.text(&format!("{label} stdout"), serve.all_stdout());
    captured.text(&format!("{label} stderr"), serve.stderr());
}

#[test]
fn no_secret_or_customer_in_any_output() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &["--write-limit", "1000"]);
    let mut captured = Captured::default();

    let verbose = ["-vv", "--log-format", "json"];
    let mut command = env.command();
    command.args(verbose);
    command.args([
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
    let setup = run_with_stdin(command, SANDBOX_PASSWORD);
    assert!(setup.status.success());
    captured.output("setup", &setup);

    for (key, value) in [
        ("webhook.secret", WEBHOOK_SECRET),
        ("webhook.signing_secret", SIGNING_SECRET),
    ] {
        let set = run(&env, &["-vv", "config", "set", key, value]);
        assert!(
            set.status.success(),
            "{}",
            String::from_utf8_lossy(&set.stderr)
        );
        captured.output(&format!("config set {key}"), &set);
        captured.output(
            &format!("config get {key}"),
            &run(&env, &["config", "get", key]),
        );
    }
    captured.output("config show", &run(&env, &["-vv", "config", "show"]));
    let json_show = run(&env, &["config", "show", "--output", "json"]);
    captured.output("config show json", &json_show);

    let payload = env.dir.path().join("leak-event.json");
    std::fs::write(&payload, event()).unwrap();
    let payload = payload.to_str().unwrap();
    let test = run(
        &env,
        &[
            "-vv",
            "--log-format",
            "json",
            "ticket",
            "test",
            "--payload",
            payload,
        ],
    );
    assert!(
        test.status.success(),
        "{}",
        String::from_utf8_lossy(&test.stderr)
    );
    captured.output("ticket test", &test);
    captured.output("ticket list", &run(&env, &["-vv", "ticket", "list"]));

    serve_scenario(&env, &["-vv", "--log-format", "json"], &mut captured);
    serve_scenario(&env, &["-vvv"], &mut captured);

    let reader = SandboxReader::login(&base);
    // One ticket from `ticket test` and one from serve's first delivery of
    // the order; every later delivery of that order is a duplicate.
    assert_eq!(reader.created_tickets().len(), 2, "the scenarios ran");
    captured.assert_clean();
}

#[test]
fn rejected_secrets_not_echoed() {
    let env = Env::new();
    let mut captured = Captured::default();
    assert!(env.setup("https://shop.example", &[]).status.success());
    let short = "Leakprobe-short";
    for (var, value) in [
        ("PSH_WEBHOOK_SECRET", short),
        ("PSH_WEBHOOK_SIGNING_SECRET", "whsec_Leakprobe-not-base64!"),
    ] {
        let output = env
            .command()
            .env(var, value)
            .args(["-vv", "serve", "--bind", "127.0.0.1:0"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(3), "{var} rejected");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("webhook."), "{stderr}");
        captured.output(var, &output);
    }
    let set = run(&env, &["config", "set", "webhook.secret", short]);
    assert_ne!(set.status.code(), Some(0));
    captured.output("config set short secret", &set);
    for (label, text) in &captured.0 {
        assert!(!text.contains("Leakprobe"), "{label}: {text}");
    }
}
