//! The webhook under attack, through the built binary and the sandbox:
//! shared secret, signatures, a scan of bad requests, and the limits on
//! headers, slow bodies and requests at once.

mod common;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::*;
use plenty_service_helper::config::decode_signing_secret;
use plenty_service_helper::webhook_auth::sign;
use serde_json::Value;

const SECRET: &str = "hardening-test-secret-0123456789abcdef";
const SIGNING_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

struct Running {
    _sandbox: Process,
    serve: Process,
    base: String,
    webhook: String,
    _env: Env,
}

fn running(vars: &[(&str, &str)]) -> Running {
    let env = Env::new();
    let (sandbox, base) = start_sandbox(&env, &[]);
    let output = env.setup(&base, &[]);
    assert!(
        output.status.success(),
        "setup failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (serve, webhook) = start_serve_with(&env, &[], vars);
    Running {
        _sandbox: sandbox,
        serve,
        base,
        webhook,
        _env: env,
    }
}

fn basic_event() -> Vec<u8> {
    std::fs::read(fixture("purchase-basic.json")).unwrap()
}

/// Posts `body` with optional headers; returns status, raw body and JSON.
fn post(url: &str, headers: &[(&str, &str)], body: Vec<u8>) -> (u16, String, Value) {
    let mut request = reqwest::blocking::Client::new().post(url).body(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().expect("POST");
    let status = response.status().as_u16();
    let text = response.text().unwrap_or_default();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, text, json)
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[test]
fn secret_in_path_or_bearer_accepted() {
    let run = running(&[("PSH_WEBHOOK_SECRET", SECRET)]);
    let with_path = format!("{}/{SECRET}", run.webhook);
    let (status, text, _) = post(&with_path, &[JSON], basic_event());
    assert_eq!(status, 200, "path secret: {text}");

    let bearer = format!("Bearer {SECRET}");
    let headers = [JSON, ("authorization", bearer.as_str())];
    let (status, text, _) = post(&run.webhook, &headers, basic_event());
    assert_eq!(status, 200, "bearer: {text}");

    let rest = with_path.replace("/service/tickets", "/rest/service/tickets");
    let (status, text, _) = post(&rest, &[JSON], basic_event());
    assert_eq!(status, 200, "/rest path secret: {text}");

    let reader = SandboxReader::login(&run.base);
    assert_eq!(reader.created_tickets().len(), 1, "one order, one ticket");
}

#[test]
fn wrong_secrets_get_one_fixed_answer() {
    let run = running(&[("PSH_WEBHOOK_SECRET", SECRET)]);
    let almost = &SECRET[..SECRET.len() - 1];
    let longer = format!("{SECRET}x");
    let long = "a".repeat(8000);
    let urls = [
        run.webhook.clone(),
        format!("{}/{almost}", run.webhook),
        format!("{}/{longer}", run.webhook),
        format!("{}/{long}", run.webhook),
        format!("{}/%FF%FE", run.webhook),
        format!("{}/..%2F..%2Fetc", run.webhook),
    ];
    let mut bodies = Vec::new();
    for url in &urls {
        let (status, text, json) = post(url, &[JSON], basic_event());
        assert_eq!(status, 401, "{url}: {text}");
        assert_eq!(json["error"], "unauthorized", "{url}");
        bodies.push(text);
    }
    for bearer in [
        "Bearer wrong",
        "Basic c2VjcmV0",
        &format!("Bearer {almost}"),
    ] {
        let (status, text, _) = post(
            &run.webhook,
            &[JSON, ("authorization", bearer)],
            basic_event(),
        );
        assert_eq!(status, 401, "{bearer}");
        bodies.push(text);
    }
    assert!(
        bodies.windows(2).all(|pair| pair[0] == pair[1]),
        "answers differ: {bodies:#?}"
    );
    let reader = SandboxReader::login(&run.base);
    assert!(reader.created_tickets().is_empty());
}

/// Name, URL, headers, body, expected status and expected `error` kind.
type ScanCase<'a> = (
    &'a str,
    String,
    Vec<(&'a str, &'a str)>,
    Vec<u8>,
    u16,
    &'a str,
);

#[test]
fn scan_gets_only_documented_4xx() {
    let mut run = running(&[("PSH_WEBHOOK_SECRET", SECRET)]);
    let good = format!("{}/{SECRET}", run.webhook);
    let latin1 = ("content-type", "application/json; charset=iso-8859-1");
    let text_plain = ("content-type", "text/plain");
    let invalid_event = br#"{"resource":{"contact":{},"order":{"id":1,"orderItems":[]}}}"#;
    let cases: Vec<ScanCase> = vec![
        (
            "no secret",
            run.webhook.clone(),
            vec![JSON],
            basic_event(),
            401,
            "unauthorized",
        ),
        (
            "malformed JSON",
            good.clone(),
            vec![JSON],
            b"{\"resource\":".to_vec(),
            400,
            "malformed_json",
        ),
        (
            "not JSON",
            good.clone(),
            vec![text_plain],
            basic_event(),
            415,
            "unsupported_media_type",
        ),
        (
            "Latin-1",
            good.clone(),
            vec![latin1],
            basic_event(),
            415,
            "unsupported_charset",
        ),
        (
            "bad UTF-8",
            good.clone(),
            vec![JSON],
            b"{\"a\":\"\xc3\x28\"}".to_vec(),
            400,
            "invalid_utf8",
        ),
        (
            "invalid event",
            good.clone(),
            vec![JSON],
            invalid_event.to_vec(),
            422,
            "invalid_event",
        ),
        (
            "empty body",
            good.clone(),
            vec![JSON],
            Vec::new(),
            400,
            "malformed_json",
        ),
        (
            "nested deeply",
            good.clone(),
            vec![JSON],
            nested(100_000),
            400,
            "malformed_json",
        ),
        (
            "unknown route",
            run.webhook.replace("/service/tickets", "/admin"),
            vec![JSON],
            basic_event(),
            404,
            "not_found",
        ),
    ];
    for (name, url, headers, body, expected, kind) in cases {
        let (status, text, json) = post(&url, &headers, body);
        assert_eq!(status, expected, "{name}: {text}");
        assert_eq!(json["error"], kind, "{name}: {text}");
        assert!(json["message"].is_string(), "{name}: no message in {text}");
    }
    let response = reqwest::blocking::Client::new().get(&good).send().unwrap();
    assert_eq!(response.status().as_u16(), 405);

    // Oversized bodies are announced but not sent: the server responds
    // before reading, and a client still writing would see a broken pipe.
    for url in [&good, &run.webhook] {
        let path = &url[url.find("/service").unwrap()..];
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            host_of(url),
            2 << 20
        );
        let answer = raw_exchange(url, head.as_bytes(), Duration::from_secs(10));
        assert!(answer.starts_with("HTTP/1.1 413"), "{url}: {answer}");
        assert!(answer.contains("payload_too_large"), "{url}: {answer}");
    }

    let reader = SandboxReader::login(&run.base);
    assert!(
        reader.created_tickets().is_empty(),
        "no ticket from the scan"
    );
    assert!(run.serve.wait(Duration::ZERO).is_none(), "serve still runs");
    let (status, text, _) = post(&good, &[JSON], basic_event());
    assert_eq!(status, 200, "a good event still works: {text}");
    assert_eq!(reader.created_tickets().len(), 1);
}

fn nested(depth: usize) -> Vec<u8> {
    let mut body = "[".repeat(depth);
    body.push_str(&"]".repeat(depth));
    body.into_bytes()
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn signed(id: &str, timestamp: i64, body: &[u8]) -> String {
    let key = decode_signing_secret(SIGNING_SECRET).unwrap();
    sign(&key, id, &timestamp.to_string(), body)
}

#[test]
fn signed_event_verified() {
    let run = running(&[("PSH_WEBHOOK_SIGNING_SECRET", SIGNING_SECRET)]);
    let body = basic_event();
    let timestamp = now();
    let signature = format!("v1,AAAA {}", signed("msg_1", timestamp, &body));
    let stamp = timestamp.to_string();
    let headers = |id: &'static str, stamp: &str, signature: &str| {
        vec![
            JSON,
            ("webhook-id", id),
            ("webhook-timestamp", stamp),
            ("webhook-signature", signature),
        ]
        .into_iter()
        .map(|(name, value)| (name, value.to_string()))
        .collect::<Vec<_>>()
    };
    let send = |headers: Vec<(&str, String)>, body: Vec<u8>| {
        let borrowed: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        post(&run.webhook, &borrowed, body)
    };

    let (status, text, _) = send(headers("msg_1", &stamp, &signature), body.clone());
    assert_eq!(status, 200, "{text}");

    let (status, _, json) = post(&run.webhook, &[JSON], body.clone());
    assert_eq!(
        (status, json["error"].as_str()),
        (401, Some("signature_missing"))
    );

    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    let (status, _, json) = send(headers("msg_1", &stamp, &signature), tampered);
    assert_eq!(
        (status, json["error"].as_str()),
        (401, Some("signature_invalid"))
    );

    let old = timestamp - 6 * 60;
    let old_signature = signed("msg_2", old, &body);
    let (status, _, json) = send(
        headers("msg_2", &old.to_string(), &old_signature),
        body.clone(),
    );
    assert_eq!(
        (status, json["error"].as_str()),
        (401, Some("signature_expired"))
    );

    let future = timestamp + 6 * 60;
    let future_signature = signed("msg_3", future, &body);
    let (status, _, json) = send(
        headers("msg_3", &future.to_string(), &future_signature),
        body,
    );
    assert_eq!(
        (status, json["error"].as_str()),
        (401, Some("signature_expired"))
    );

    let reader = SandboxReader::login(&run.base);
    assert_eq!(reader.created_tickets().len(), 1);
}

#[test]
fn generated_secret_url_works() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let output = env.setup(&base, &["--generate-secret"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|line| line.contains("https://YOUR-SERVER/service/tickets/"))
        .unwrap_or_else(|| panic!("no webhook URL in {stdout}"));
    let secret = line.rsplit('/').next().unwrap().trim();
    assert_eq!(secret.len(), 43, "{line}");
    let written = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(
        written.contains(secret),
        "secret stored in the configuration"
    );

    let shown = env.command().args(["config", "show"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&shown.stdout).contains(secret));

    let (_serve, webhook) = start_serve(&env, &[]);
    let (status, text, _) = post(&format!("{webhook}/{secret}"), &[JSON], basic_event());
    assert_eq!(status, 200, "{text}");
    let (status, _, _) = post(&webhook, &[JSON], basic_event());
    assert_eq!(status, 401);
}

#[test]
fn large_headers_get_json_431() {
    let run = running(&[]);
    let padding = "a".repeat(20 * 1024);
    let (status, text, json) = post(
        &run.webhook,
        &[JSON, ("x-padding", &padding)],
        basic_event(),
    );
    assert_eq!(status, 431, "{text}");
    assert_eq!(json["error"], "headers_too_large");

    // Past the listener's buffer hyper responds 431 itself, without JSON.
    let huge = "a".repeat(200 * 1024);
    let (status, _, _) = post(&run.webhook, &[JSON, ("x-padding", &huge)], basic_event());
    assert_eq!(status, 431);
    let reader = SandboxReader::login(&run.base);
    assert!(reader.created_tickets().is_empty());
}

#[test]
fn slow_body_gets_408() {
    let run = running(&[("PSH_REQUEST_TIMEOUT_SECS", "1")]);
    let path = run.webhook.split_once("127.0.0.1").unwrap().1;
    let path = &path[path.find('/').unwrap()..];
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{{\"resource\":",
        host_of(&run.webhook)
    );
    let started = Instant::now();
    let answer = raw_exchange(&run.webhook, head.as_bytes(), Duration::from_secs(10));
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");
    assert!(started.elapsed() >= Duration::from_millis(900));
}

#[test]
fn slow_headers_closed() {
    let run = running(&[("PSH_REQUEST_TIMEOUT_SECS", "1")]);
    let started = Instant::now();
    let answer = raw_exchange(
        &run.webhook,
        b"POST /service/tickets HTTP/1.1\r\nHost: x\r\n",
        Duration::from_secs(10),
    );
    let elapsed = started.elapsed();
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    assert!(elapsed >= Duration::from_millis(900), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[test]
fn requests_beyond_limit_get_503() {
    let run = running(&[
        ("PSH_MAX_CONCURRENT_REQUESTS", "1"),
        ("PSH_REQUEST_TIMEOUT_SECS", "10"),
    ]);
    let head = format!(
        "POST /service/tickets HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{{",
        host_of(&run.webhook)
    );
    let webhook = run.webhook.clone();
    let holder = std::thread::spawn(move || {
        raw_exchange(&webhook, head.as_bytes(), Duration::from_secs(20))
    });
    // The held request must take the one slot before the probes start,
    // or a probe in flight would get it turned away instead. It then keeps
    // the slot for the 10 s request timeout.
    std::thread::sleep(Duration::from_millis(500));
    let deadline = Instant::now() + Duration::from_secs(8);
    let mut seen = None;
    while Instant::now() < deadline {
        let (status, text, json) = post(&run.webhook, &[JSON], b"{}".to_vec());
        if status == 503 {
            seen = Some(json);
            break;
        }
        assert_eq!(status, 422, "{text}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let json = seen.expect("a second request at once got 503");
    assert_eq!(json["error"], "overloaded");
    let held = holder.join().unwrap();
    assert!(held.starts_with("HTTP/1.1 408"), "{held}");
}
