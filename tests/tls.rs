//! `serve --tls-cert --tls-key`: HTTPS with a self-signed certificate made
//! in the test, and a client that trusts only that certificate.

mod common;

use common::*;
use serde_json::Value;

struct Certificate {
    cert: std::path::PathBuf,
    key: std::path::PathBuf,
    pem: String,
}

fn self_signed(env: &Env) -> Certificate {
    let names = vec!["127.0.0.1".to_string(), "localhost".to_string()];
    let generated = rcgen::generate_simple_self_signed(names).expect("certificate");
    let pem = generated.cert.pem();
    let cert = env.dir.path().join("cert.pem");
    let key = env.dir.path().join("key.pem");
    std::fs::write(&cert, &pem).unwrap();
    std::fs::write(&key, generated.key_pair.serialize_pem()).unwrap();
    Certificate { cert, key, pem }
}

fn start_tls(env: &Env, certificate: &Certificate) -> (Process, String) {
    let mut command = env.command();
    command.args(["serve", "--sandbox", "--bind", "127.0.0.1:0", "--tls-cert"]);
    command
        .arg(&certificate.cert)
        .arg("--tls-key")
        .arg(&certificate.key);
    let mut process = Process::spawn(command);
    let line = process.wait_for_line("https://");
    let start = line.find("https://").unwrap();
    let url = line[start..].split_whitespace().next().unwrap().to_string();
    (process, url)
}

#[test]
fn event_delivered_over_https() {
    let env = Env::new();
    let certificate = self_signed(&env);
    let (_serve, url) = start_tls(&env, &certificate);
    assert!(url.starts_with("https://127.0.0.1:"), "{url}");

    let trusted = reqwest::Certificate::from_pem(certificate.pem.as_bytes()).unwrap();
    let client = reqwest::blocking::Client::builder()
        .add_root_certificate(trusted)
        .https_only(true)
        .build()
        .unwrap();
    let response = client
        .post(&url)
        .header("content-type", "application/json")
        .body(std::fs::read(fixture("purchase-basic.json")).unwrap())
        .send()
        .expect("HTTPS request");
    assert_eq!(response.status().as_u16(), 200);
    let body: Value = response.json().unwrap();
    assert!(body["ticketId"].is_i64(), "{body}");

    let untrusting = reqwest::blocking::Client::new();
    let refused = untrusting.post(&url).body("{}").send();
    assert!(
        refused.is_err(),
        "a client without the certificate must fail"
    );

    let plain = url.replace("https://", "http://");
    let answer = raw_exchange(
        &plain,
        b"POST /service/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
        std::time::Duration::from_secs(5),
    );
    assert!(!answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[test]
fn unusable_tls_files_named() {
    let env = Env::new();
    let certificate = self_signed(&env);
    let missing = env.dir.path().join("missing-cert.pem");
    let output = env
        .command()
        .args(["serve", "--sandbox", "--bind", "127.0.0.1:0", "--tls-cert"])
        .arg(&missing)
        .arg("--tls-key")
        .arg(&certificate.key)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing-cert.pem"), "{stderr}");
    assert!(stderr.contains("--tls-cert"), "{stderr}");

    let output = env
        .command()
        .args([
            "--lang",
            "de",
            "serve",
            "--sandbox",
            "--bind",
            "127.0.0.1:0",
            "--tls-cert",
        ])
        .arg(&certificate.key)
        .arg("--tls-key")
        .arg(&certificate.cert)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("TLS-Datei"), "{stderr}");

    let output = env
        .command()
        .args(["serve", "--sandbox", "--tls-cert"])
        .arg(&certificate.cert)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "--tls-cert needs --tls-key");
}
