//! The main job end to end: sandbox, `setup --non-interactive`, `serve`,
//! every fixture posted, tickets and messages read back.

mod common;

use common::*;
use serde_json::{json, Value};

struct Running {
    _sandbox: Process,
    serve: Process,
    base: String,
    webhook: String,
    _env: Env,
}

fn running(sandbox_flags: &[&str], setup_flags: &[&str]) -> Running {
    let env = Env::new();
    let (sandbox, base) = start_sandbox(&env, sandbox_flags);
    let output = env.setup(&base, setup_flags);
    assert!(
        output.status.success(),
        "setup failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (serve, webhook) = start_serve(&env, &[]);
    Running {
        _sandbox: sandbox,
        serve,
        base,
        webhook,
        _env: env,
    }
}

#[test]
fn every_fixture_becomes_its_ticket() {
    let run = running(&[], &[]);
    let fixtures = [
        (
            "purchase-basic.json",
            "880001",
            "Service: Shop-Einrichtung Starterpaket",
        ),
        (
            "purchase-multi-item.json",
            "880002",
            "Service: Datenmigration aus Fremdsystem",
        ),
        (
            "purchase-legacy-minimal.json",
            "880003",
            "Service: Plugin-Installation",
        ),
        (
            "purchase-unicode.json",
            "880004",
            "Service: SEO-Prüfung „Komplett“ – Übersicht & Maßnahmen 🚀",
        ),
    ];
    let reader = SandboxReader::login(&run.base);
    for (file, order_id, title) in fixtures {
        let (status, body, _) = post_json(&run.webhook, std::fs::read(fixture(file)).unwrap());
        assert_eq!(status, 200, "{file}: {body}");
        assert_eq!(body["orderId"], order_id);
        let ticket_id = body["ticketId"].as_i64().expect("ticket id");

        let ticket = reader.get(&format!("/tickets/{ticket_id}"));
        assert_eq!(ticket["typeId"], 4, "{file}");
        assert_eq!(ticket["statusId"], 11, "{file}");
        assert_eq!(ticket["plentyId"], 1000, "{file}");
        assert_eq!(ticket["source"], "frontend", "{file}");
        assert_eq!(ticket["title"], title, "{file}");
        let owners: Vec<(i64, i64)> = ticket["owners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| (o["userId"].as_i64().unwrap(), o["roleId"].as_i64().unwrap()))
            .collect();
        assert_eq!(owners, vec![(7, 3), (12, 3)], "{file}");

        let messages = reader.messages(ticket_id);
        assert_eq!(messages.len(), 1, "{file}: exactly one message");
        assert_eq!(messages[0]["type"], "message");
        let text = messages[0]["text"].as_str().unwrap();
        assert!(
            text.contains(&format!("Auftrags-Id: {order_id}")),
            "{file}: {text}"
        );
    }
    assert_eq!(reader.created_tickets().len(), 4);

    let multi = reader.messages(1001);
    let text = multi[0]["text"].as_str().unwrap();
    assert!(text.contains("Preis-Brutto: 41,18"), "{text}");
    assert!(!text.contains("Zahlungsgebühr"), "fee row listed: {text}");
    let unicode = reader.messages(1003);
    let text = unicode[0]["text"].as_str().unwrap();
    assert!(text.contains("Zoë-Françoise Grüßner-Øster"), "{text}");
    assert!(text.contains("Übersicht &amp; Maßnahmen 🚀"), "{text}");
}

#[test]
fn english_comment_when_configured() {
    let run = running(
        &[],
        &["--message-type", "comment", "--message-language", "en"],
    );
    let (status, body, _) = post_json(
        &run.webhook,
        std::fs::read(fixture("purchase-basic.json")).unwrap(),
    );
    assert_eq!(status, 200, "{body}");
    let reader = SandboxReader::login(&run.base);
    let message = &reader.messages(body["ticketId"].as_i64().unwrap())[0];
    assert_eq!(message["type"], "comment");
    let text = message["text"].as_str().unwrap();
    assert!(text.contains("Gross price: 119.00"), "{text}");
    assert!(text.contains("Salutation: Ms"), "{text}");
}

#[test]
fn hostile_name_arrives_escaped() {
    let run = running(&[], &[]);
    let event = json!({"resource": {
        "contact": {"firstName": "<img src=x onerror=alert(1)>", "lastName": "\"O'Brien\"", "email": "a@b.invalid"},
        "order": {"id": 4242, "payPalTransactionId": "<script>", "orderItems": [
            {"itemVariationId": 1, "orderItemName": "<b>Setup</b>", "priceNet": "<i>1</i>", "priceGross": 2}
        ]}
    }});
    let (status, body, _) = post_json(&run.webhook, event.to_string());
    assert_eq!(status, 200, "{body}");
    let reader = SandboxReader::login(&run.base);
    let ticket_id = body["ticketId"].as_i64().unwrap();
    let text = reader.messages(ticket_id)[0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{text}"
    );
    assert!(text.contains("&quot;O&#x27;Brien&quot;"), "{text}");
    assert!(
        !text.contains("<img") && !text.contains("<script>") && !text.contains("<i>"),
        "{text}"
    );
    let ticket = reader.get(&format!("/tickets/{ticket_id}"));
    assert_eq!(
        ticket["title"], "Service: <b>Setup</b>",
        "the title is plain text"
    );
}

#[test]
fn rest_prefixed_route_accepted() {
    let run = running(&[], &[]);
    let url = run
        .webhook
        .replace("/service/tickets", "/rest/service/tickets");
    let (status, body, _) = post_json(&url, std::fs::read(fixture("purchase-basic.json")).unwrap());
    assert_eq!(status, 200, "{body}");
}

#[test]
fn invalid_input_answers() {
    let run = running(&[], &[]);
    let http = reqwest::blocking::Client::new();
    let post = |content_type: Option<&str>, body: Vec<u8>| {
        let mut request = http.post(&run.webhook).body(body);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.send().unwrap();
        let status = response.status().as_u16();
        (status, response.json::<Value>().unwrap_or(Value::Null))
    };

    let (status, body) = post(Some("application/json"), b"{not json".to_vec());
    assert_eq!(status, 400);
    assert_eq!(body["error"], "malformed_json");

    let (status, body) = post(Some("text/plain"), b"{}".to_vec());
    assert_eq!(status, 415);
    assert_eq!(body["error"], "unsupported_media_type");

    let (status, _) = post(Some("application/json; charset=iso-8859-1"), b"{}".to_vec());
    assert_eq!(status, 415);

    let (status, body) = post(Some("application/json"), vec![b'"', 0xff, 0xfe, b'"']);
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_utf8");

    let (status, body) = post(
        Some("application/json"),
        br#"{"resource":{"contact":{},"order":{"id":1,"orderItems":[]}}}"#.to_vec(),
    );
    assert_eq!(status, 422);
    assert_eq!(body["path"], "$.resource.order.orderItems");

    let (status, body) = post(
        Some("application/json"),
        br#"{"type":"ORDER.CREATED","resource":{}}"#.to_vec(),
    );
    assert_eq!(status, 422);
    assert_eq!(body["path"], "$.type");

    let (status, answer) = raw_post(&run.webhook, "Content-Length: 2097152\r\n", &[]);
    assert_eq!(status, 413, "rejected before the body is read");
    assert!(answer.contains("payload_too_large"), "{answer}");

    assert_eq!(
        chunked_status(&run.webhook, 1024 * 1024 + 4096),
        413,
        "chunked body over the limit"
    );

    let response = http.get(&run.webhook).send().unwrap();
    assert_eq!(response.status().as_u16(), 405);
    let response = http
        .post(run.webhook.replace("/service/tickets", "/other"))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
    let health: Value = http
        .get(run.webhook.replace("/service/tickets", "/healthz"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(health["status"], "ok");

    let reader = SandboxReader::login(&run.base);
    assert!(
        reader.created_tickets().is_empty(),
        "no ticket from invalid input"
    );
}

/// Sends a POST with `headers` and `body` over a raw socket and returns the
/// status code and the whole answer.
fn raw_post(url: &str, headers: &str, body: &[u8]) -> (u16, String) {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let head = format!("POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nConnection: close\r\n{headers}\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    (status, text)
}

/// Sends `size` bytes of whitespace as a chunked body over a raw socket,
/// so no Content-Length announces the size, and returns the status code.
fn chunked_status(url: &str, size: usize) -> u16 {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b' '; 16 * 1024];
    let mut sent = 0;
    while sent < size {
        let frame = [
            format!("{:x}\r\n", chunk.len()).into_bytes(),
            chunk.clone(),
            b"\r\n".to_vec(),
        ]
        .concat();
        if stream.write_all(&frame).is_err() {
            break;
        }
        sent += chunk.len();
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let mut answer = [0u8; 64];
    let read = stream.read(&mut answer).unwrap();
    let text = String::from_utf8_lossy(&answer[..read]).to_string();
    text.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn plentymarkets_down_answers_202_queued() {
    let run = running(&["--server-error-rate", "1"], &[]);
    let (status, body, _) = post_json(
        &run.webhook,
        std::fs::read(fixture("purchase-basic.json")).unwrap(),
    );
    assert_eq!(status, 202, "{body}");
    assert_eq!(body["status"], "queued");
    assert!(body["eventId"].as_i64().is_some(), "{body}");
    let (again, body, _) = post_json(
        &run.webhook,
        std::fs::read(fixture("purchase-basic.json")).unwrap(),
    );
    assert_eq!(again, 202, "a duplicate still queued: {body}");
    assert_eq!(body["status"], "duplicate");
}

#[test]
fn plentymarkets_rejecting_goes_dead() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let output = env.setup(&base, &[]);
    assert!(output.status.success());
    let set = env
        .command()
        .args(["config", "set", "ticket.type_id", "999"])
        .output()
        .unwrap();
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let (_serve, webhook) = start_serve(&env, &[]);
    let (status, body, _) = post_json(
        &webhook,
        std::fs::read(fixture("purchase-basic.json")).unwrap(),
    );
    assert_eq!(status, 202, "{body}");
    assert_eq!(body["status"], "dead");
    let show = env
        .command()
        .args([
            "outbox",
            "show",
            &body["eventId"].to_string(),
            "--output",
            "json",
        ])
        .output()
        .unwrap();
    let entry: Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(entry["state"], "dead");
    assert!(
        entry["dead_reason"].as_str().unwrap().contains("typeId"),
        "{entry}"
    );
}

#[test]
fn logs_carry_ids_not_customers() {
    let mut run = running(&[], &[]);
    for file in ["purchase-basic.json", "purchase-unicode.json"] {
        let (status, _, _) = post_json(&run.webhook, std::fs::read(fixture(file)).unwrap());
        assert_eq!(status, 200);
    }
    let (status, _, _) = post_json(
        &run.webhook,
        br#"{"resource":{"contact":{"firstName":"Secretname"},"order":{"id":1}}}"#.to_vec(),
    );
    assert_eq!(status, 422);
    run.serve.signal("TERM");
    assert!(
        run.serve.wait(std::time::Duration::from_secs(10)).is_some(),
        "serve stops on SIGTERM"
    );
    let logs = run.serve.stderr();
    assert!(
        logs.contains("880001") && logs.contains("ticket_id=1000"),
        "{logs}"
    );
    for secret in [
        "Erika",
        "Beispiel",
        "erika.beispiel@example.invalid",
        "Zoë",
        "Secretname",
        SANDBOX_PASSWORD,
    ] {
        assert!(!logs.contains(secret), "log contains {secret}: {logs}");
    }
}

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find(|line| line.starts_with(name) && line[name.len()..].starts_with(' '))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("{name} not in {text}"))
}

#[test]
fn metrics_move_as_events_flow() {
    let run = running(&[], &[]);
    let base = run.webhook.replace("/service/tickets", "");
    let read = || {
        reqwest::blocking::get(format!("{base}/metrics"))
            .unwrap()
            .text()
            .unwrap()
    };
    let before = read();
    assert_eq!(metric(&before, "psh_events_received_total"), 0.0);

    for _ in 0..2 {
        let (status, _, _) = post_json(
            &run.webhook,
            std::fs::read(fixture("purchase-basic.json")).unwrap(),
        );
        assert_eq!(status, 200);
    }
    let (status, _, _) = post_json(&run.webhook, b"{broken".to_vec());
    assert_eq!(status, 400);

    let after = read();
    assert_eq!(metric(&after, "psh_events_received_total"), 3.0);
    assert_eq!(metric(&after, "psh_events_accepted_total"), 1.0);
    assert_eq!(metric(&after, "psh_events_duplicate_total"), 1.0);
    assert_eq!(
        metric(
            &after,
            "psh_events_rejected_total{reason=\"malformed_json\"}"
        ),
        1.0
    );
    assert_eq!(metric(&after, "psh_tickets_created_total"), 1.0);
    assert_eq!(metric(&after, "psh_delivery_attempts_total"), 2.0);
    assert_eq!(metric(&after, "psh_queue_depth"), 0.0);
    assert!(
        metric(
            &after,
            "psh_plentymarkets_request_duration_seconds_count{method=\"POST\"}"
        ) >= 2.0
    );
}

#[test]
fn readiness_needs_a_token() {
    let run = running(&[], &[]);
    let base = run.webhook.replace("/service/tickets", "");
    let ready = reqwest::blocking::get(format!("{base}/readyz")).unwrap();
    assert_eq!(ready.status().as_u16(), 200);

    let env = Env::new();
    let (_sandbox, sandbox_url) = start_sandbox(&env, &[]);
    assert!(env.setup(&sandbox_url, &[]).status.success());
    let mut command = env.command();
    command
        .env("PSH_PASSWORD", "not-the-password")
        .args(["serve", "--bind", "127.0.0.1:0"]);
    let mut serve = Process::spawn(command);
    let webhook = serve.wait_for_url("/service/tickets");
    let response = reqwest::blocking::get(webhook.replace("/service/tickets", "/readyz")).unwrap();
    assert_eq!(response.status().as_u16(), 503);
    let body: Value = response.json().unwrap();
    assert_eq!(
        body["checks"]["plentymarkets_token"]["reason"],
        "invalid_credentials"
    );
    assert_eq!(body["checks"]["outbox"]["ok"], true);
}
