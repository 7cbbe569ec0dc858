//! `ticket send-webhook` against a real `serve` and sandbox, and against a
//! one-shot receiver that records the request as it arrived.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

use common::*;
use serde_json::Value;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A sandbox, a configuration pointing at it and `serve`; returns the
/// processes, the sandbox URL and the webhook URL.
fn deployment(env: &Env) -> (Process, Process, String, String) {
    let (sandbox, base) = start_sandbox(env, &[]);
    let output = env.setup(&base, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (serve, webhook) = start_serve(env, &[]);
    (sandbox, serve, base, webhook)
}

fn send(env: &Env, args: &[&str]) -> std::process::Output {
    env.command()
        .args(["ticket", "send-webhook"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn sample_creates_new_ticket_each_run() {
    let env = Env::new();
    let (_sandbox, _serve, base, webhook) = deployment(&env);
    let mut orders = Vec::new();
    let mut tickets = Vec::new();
    for _ in 0..2 {
        let output = send(&env, &["--to", &webhook, "--output", "json"]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(answer["status"], 200, "{answer}");
        assert_eq!(answer["body"]["status"], "created", "{answer}");
        assert_eq!(answer["body"]["orderId"], answer["orderId"], "{answer}");
        orders.push(answer["orderId"].as_str().unwrap().to_string());
        tickets.push(answer["body"]["ticketId"].as_i64().unwrap());
    }
    assert_ne!(orders[0], orders[1], "every run sends a new order ID");
    assert_ne!(tickets[0], tickets[1]);

    let by_order = tickets_by_order(&SandboxReader::login(&base));
    for order in &orders {
        let found = by_order
            .get(order)
            .unwrap_or_else(|| panic!("{order}: {by_order:?}"));
        assert_eq!(found.len(), 1, "one ticket for {order}");
        assert_eq!(found[0].1, 1, "one message for {order}");
    }
}

#[test]
fn text_output_shows_status_and_body() {
    let env = Env::new();
    let (_sandbox, _serve, _base, webhook) = deployment(&env);
    let output = send(&env, &["--to", &webhook]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Sending a sample purchase with order ID"),
        "{stdout}"
    );
    assert!(stdout.contains("HTTP 200 OK"), "{stdout}");
    assert!(stdout.contains("\"status\": \"created\""), "{stdout}");

    let quiet = send(&env, &["--to", &webhook, "--quiet"]);
    let stdout = text(&quiet.stdout);
    assert!(!stdout.contains("Sending"), "{stdout}");
    assert!(stdout.starts_with("HTTP 200 OK"), "{stdout}");
}

#[test]
fn payload_sent_as_given() {
    let env = Env::new();
    let (_sandbox, _serve, _base, webhook) = deployment(&env);
    let payload = fixture("purchase-basic.json");
    let payload = payload.to_str().unwrap();
    let first = send(
        &env,
        &["--to", &webhook, "--payload", payload, "--output", "json"],
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    let first: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(first["body"]["orderId"], "880001");
    assert_eq!(first["orderId"], Value::Null, "no order ID was made up");

    let again = send(
        &env,
        &["--to", &webhook, "--payload", payload, "--output", "json"],
    );
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["body"]["status"], "duplicate", "{again}");
    assert_eq!(again["body"]["ticketId"], first["body"]["ticketId"]);

    let invalid = env.dir.path().join("invalid.json");
    std::fs::write(&invalid, r#"{"resource": {"order": {"id": 5}}}"#).unwrap();
    let output = send(
        &env,
        &["--to", &webhook, "--payload", invalid.to_str().unwrap()],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "a rejected event fails the command"
    );
    let stdout = text(&output.stdout);
    assert!(stdout.contains("HTTP 422"), "{stdout}");
    assert!(stdout.contains("invalid_event"), "{stdout}");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("HTTP 422"), "{stderr}");
    assert!(stderr.contains(&webhook), "{stderr}");
}

/// Accepts one connection, records the request head and body, and responds
/// with 201 and a small JSON body.
fn one_shot_receiver() -> (String, std::thread::JoinHandle<(String, String)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let answer = "{\"seen\":true}";
        write!(
            reader.get_mut(),
            "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
            answer.len()
        )
        .unwrap();
        (head, String::from_utf8(body).unwrap())
    });
    (url, handle)
}

#[test]
fn request_looks_like_marketplace() {
    let env = Env::new();
    let (url, receiver) = one_shot_receiver();
    let output = send(
        &env,
        &["--to", &url, "--secret", "s3cret-value", "--output", "json"],
    );
    let (head, body) = receiver.join().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));

    assert!(head.starts_with("POST /hook HTTP/1.1\r\n"), "{head}");
    let lower = head.to_ascii_lowercase();
    assert!(
        lower.contains("content-type: application/json\r\n"),
        "{head}"
    );
    assert!(head.contains("Bearer s3cret-value\r\n"), "{head}");
    assert!(lower.contains("authorization: bearer"), "{head}");
    let event: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(event["type"], "SERVICE.PLUGIN.PURCHASE");
    assert!(event["resource"]["order"]["id"].is_u64(), "{body}");

    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["status"], 201);
    assert_eq!(answer["body"]["seen"], true);
    assert!(
        !text(&output.stdout).contains("s3cret"),
        "the secret is not echoed"
    );
}

#[test]
fn no_secret_no_authorization() {
    let env = Env::new();
    let (url, receiver) = one_shot_receiver();
    let output = send(&env, &["--to", &url]);
    let (head, _) = receiver.join().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        !head.to_ascii_lowercase().contains("authorization"),
        "{head}"
    );
}

#[test]
fn only_web_urls_accepted() {
    let env = Env::new();
    for bad in [
        "ftp://127.0.0.1/hook",
        "127.0.0.1:8080/service/tickets",
        "file:///etc/hosts",
    ] {
        let output = send(&env, &["--to", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(bad), "{stderr}");
        assert!(
            stderr.contains("http://127.0.0.1:8080/service/tickets"),
            "{stderr}"
        );
    }
}

#[test]
fn unreachable_names_url_and_fix() {
    let env = Env::new();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/service/tickets", listener.local_addr().unwrap());
    drop(listener);
    let output = send(&env, &["--to", &url]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains(&url), "{stderr}");
    assert!(stderr.contains("plenty-service-helper serve"), "{stderr}");
    assert!(stderr.contains("--to"), "{stderr}");

    let german = env
        .command()
        .args(["--lang", "de", "ticket", "send-webhook", "--to", &url])
        .output()
        .unwrap();
    assert!(
        text(&german.stderr).contains("nicht erreichbar"),
        "{}",
        text(&german.stderr)
    );
}
