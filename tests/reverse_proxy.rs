//! The nginx and Caddy examples of docs/reverse-proxy.md, run for real on
//! 127.0.0.1 in front of `serve` and the sandbox: the webhook path and the
//! `/rest` path reach `serve` over HTTPS, every other path stays closed.
//!
//! The examples are taken from the document, with only the listen address,
//! the certificate and the backend port replaced, so the document cannot
//! drift from what works. nginx, Caddy and openssl are Debian packages that
//! a machine may lack; the checks are skipped with a printed reason then.

mod common;

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::*;
use serde_json::Value;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn installed(program: &str, version_flag: &str) -> bool {
    let found = Command::new(program)
        .arg(version_flag)
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        println!("skipped: {program} is not installed");
    }
    found
}

/// Returns the first fenced code block of `language` in the document.
fn example(language: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/reverse-proxy.md");
    let document = std::fs::read_to_string(path).unwrap();
    let fence = format!("```{language}\n");
    let start = document.find(&fence).expect("example present") + fence.len();
    let length = document[start..].find("```").unwrap();
    document[start..start + length].to_string()
}

fn replace(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "the example no longer contains {from:?}"
    );
    text.replace(from, to)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16, proxy: &Process) {
    let ready = wait_until(Duration::from_secs(15), || {
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    assert!(ready, "the proxy did not start: {}", proxy.stderr());
}

/// `serve` with a sandbox behind it; returns them and the port of `serve`.
fn backend(env: &Env) -> (Process, Process, u16) {
    let (sandbox, base) = start_sandbox(env, &[]);
    let output = env.setup(&base, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (serve, webhook) = start_serve(env, &[]);
    let port = webhook
        .trim_start_matches("http://127.0.0.1:")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    (sandbox, serve, port)
}

/// Sends requests through the proxy at `port` and checks what arrives.
fn check_proxy(port: u16) {
    // The proxies use certificates no root trusts; the test checks the
    // forwarding, not the certificate.
    let client = reqwest::blocking::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let post = |path: &str, order: u64| {
        let response = client
            .post(format!("https://127.0.0.1:{port}{path}"))
            .header("content-type", "application/json")
            .body(event_for(order))
            .send()
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json::<Value>().unwrap_or(Value::Null))
    };

    let (status, body) = post("/service/tickets", 9101);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "created", "{body}");
    assert_eq!(body["orderId"], "9101");

    let (status, body) = post("/rest/service/tickets", 9102);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["orderId"], "9102");

    for path in ["/healthz", "/service/tickets/extra", "/"] {
        let response = client
            .get(format!("https://127.0.0.1:{port}{path}"))
            .send()
            .unwrap();
        assert_eq!(response.status().as_u16(), 404, "{path} must stay closed");
    }
}

#[test]
fn nginx_example_forwards_webhook() {
    if !installed("nginx", "-v") || !installed("openssl", "version") {
        return;
    }
    let env = Env::new();
    let (_sandbox, _serve, serve_port) = backend(&env);
    let dir = env.dir.path().join("nginx");
    std::fs::create_dir_all(&dir).unwrap();
    let output = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=localhost", "-keyout"])
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));

    let port = free_port();
    let mut site = example("nginx");
    site = replace(
        &site,
        "listen 443 ssl;",
        &format!("listen 127.0.0.1:{port} ssl;"),
    );
    site = replace(&site, "    listen [::]:443 ssl;\n", "");
    site = replace(
        &site,
        "/etc/letsencrypt/live/service.example.com/fullchain.pem",
        &dir.join("cert.pem").display().to_string(),
    );
    site = replace(
        &site,
        "/etc/letsencrypt/live/service.example.com/privkey.pem",
        &dir.join("key.pem").display().to_string(),
    );
    site = replace(&site, "127.0.0.1:8080", &format!("127.0.0.1:{serve_port}"));
    std::fs::write(dir.join("site.conf"), site).unwrap();
    let d = dir.display();
    let main = format!(
        "pid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\nhttp {{\n\
         access_log off;\nclient_body_temp_path {d}/body;\nproxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\nuwsgi_temp_path {d}/uwsgi;\nscgi_temp_path {d}/scgi;\n\
         include {d}/site.conf;\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), main).unwrap();

    let mut command = Command::new("nginx");
    command
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .args(["-g", "daemon off; master_process off;"]);
    let nginx = Process::spawn(command);
    wait_for_port(port, &nginx);
    check_proxy(port);
}

#[test]
fn caddy_example_forwards_webhook() {
    if !installed("caddy", "version") {
        return;
    }
    let env = Env::new();
    let (_sandbox, _serve, serve_port) = backend(&env);
    let dir = env.dir.path().join("caddy");
    std::fs::create_dir_all(&dir).unwrap();

    let port = free_port();
    let mut site = example("caddy");
    site = replace(
        &site,
        "service.example.com {\n",
        &format!("https://127.0.0.1:{port} {{\n\ttls internal\n"),
    );
    site = replace(&site, "127.0.0.1:8080", &format!("127.0.0.1:{serve_port}"));
    // No admin endpoint, no port 80, no system trust store, state in the
    // test's directory: nothing outside the test is touched.
    let global = format!(
        "{{\n\tadmin off\n\tauto_https disable_redirects\n\tskip_install_trust\n\
         \tstorage file_system {{\n\t\troot {}\n\t}}\n}}\n\n",
        dir.join("data").display()
    );
    std::fs::write(dir.join("Caddyfile"), format!("{global}{site}")).unwrap();

    let mut command = Command::new("caddy");
    command
        .args(["run", "--adapter", "caddyfile", "--config"])
        .arg(dir.join("Caddyfile"))
        .env_clear()
        .env("HOME", &dir)
        .env("XDG_DATA_HOME", dir.join("xdg-data"))
        .env("XDG_CONFIG_HOME", dir.join("xdg-config"));
    let caddy = Process::spawn(command);
    wait_for_port(port, &caddy);
    check_proxy(port);
}

/// Returns the fenced blocks of `language` in `document`, without comment
/// lines, which are translated.
fn code_without_comments(document: &str, language: &str) -> Vec<String> {
    let fence = format!("```{language}\n");
    document
        .split(&fence)
        .skip(1)
        .map(|rest| {
            rest[..rest.find("```").unwrap()]
                .lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[test]
fn german_examples_match_english() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let english = std::fs::read_to_string(docs.join("reverse-proxy.md")).unwrap();
    let german = std::fs::read_to_string(docs.join("reverse-proxy.de.md")).unwrap();
    for language in ["nginx", "caddy", "sh"] {
        let blocks = code_without_comments(&english, language);
        assert!(!blocks.is_empty(), "no {language} example");
        assert_eq!(
            blocks,
            code_without_comments(&german, language),
            "{language}"
        );
    }
}
