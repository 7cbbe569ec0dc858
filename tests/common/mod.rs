//! Helpers for tests that run the built binary: a hermetic environment,
//! a sandbox and a `serve` process on 127.0.0.1 with port 0.

#![allow(dead_code)] // Each test binary uses a different part of these helpers.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

pub const SANDBOX_USER: &str = "sandbox";
pub const SANDBOX_PASSWORD: &str = "sandbox-password-for-tests";

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_plenty-service-helper")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A temporary home with its own config, cache and data directories.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config/config.toml")
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// A command of the binary with only this environment's variables.
    pub fn command(&self) -> Command {
        let mut command = Command::new(bin());
        command.env_clear();
        command
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", self.dir.path().join("xdg-cache"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .env("PSH_CONFIG", self.config_path())
            .env("PSH_CACHE_DIR", self.cache_dir())
            .env("PSH_DATA_DIR", self.dir.path().join("data"))
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("TERM", "dumb");
        command
    }

    /// Runs `setup --non-interactive` against `base_url` with the sandbox
    /// password on standard input.
    pub fn setup(&self, base_url: &str, extra: &[&str]) -> std::process::Output {
        let mut command = self.command();
        command.args([
            "setup",
            "--non-interactive",
            "--base-url",
            base_url,
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
            "--owner-id",
            "12",
        ]);
        command.args(extra);
        run_with_stdin(command, SANDBOX_PASSWORD)
    }
}

pub fn run_with_stdin(mut command: Command, input: &str) -> std::process::Output {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("binary finishes")
}

/// A background process of the binary whose stdout and stderr are
/// collected; killed on drop.
pub struct Process {
    child: Child,
    stdout: mpsc::Receiver<String>,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
    pub seen_stdout: Vec<String>,
}

impl Process {
    pub fn spawn(mut command: Command) -> Self {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("binary starts");
        let (sender, receiver) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let collected = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = collected.clone();
        let stderr = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut text = sink.lock().unwrap();
                text.push_str(&line);
                text.push('\n');
            }
        });
        Self {
            child,
            stdout: receiver,
            stderr: collected,
            seen_stdout: Vec::new(),
        }
    }

    /// Waits for a stdout line containing `marker` and returns the first
    /// `http://` URL in it.
    pub fn wait_for_url(&mut self, marker: &str) -> String {
        let line = self.wait_for_line(marker);
        let start = line.find("http://").expect("line has a URL");
        line[start..].split_whitespace().next().unwrap().to_string()
    }

    /// Waits for a stdout line containing `marker` and returns it.
    pub fn wait_for_line(&mut self, marker: &str) -> String {
        loop {
            let line = self
                .stdout
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("no line with {marker:?}; stderr: {}", self.stderr()));
            self.seen_stdout.push(line.clone());
            if line.contains(marker) {
                return line;
            }
        }
    }

    /// Returns every stdout line, the ones [`Process::wait_for_url`] saw and the
    /// rest up to the end of the stream; call after the process stopped.
    pub fn all_stdout(&mut self) -> String {
        while let Ok(line) = self.stdout.recv_timeout(Duration::from_secs(5)) {
            self.seen_stdout.push(line);
        }
        self.seen_stdout.join("\n")
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn signal(&self, name: &str) {
        Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .expect("kill runs");
    }

    pub fn wait(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let start = std::time::Instant::now();
        while start.elapsed() < timeout {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `sandbox` on a free loopback port; returns it with its base URL.
pub fn start_sandbox(env: &Env, extra: &[&str]) -> (Process, String) {
    let mut command = env.command();
    command.args([
        "sandbox",
        "--bind",
        "127.0.0.1:0",
        "--username",
        SANDBOX_USER,
        "--password",
        SANDBOX_PASSWORD,
    ]);
    command.args(extra);
    let mut process = Process::spawn(command);
    let url = process.wait_for_url("127.0.0.1");
    (process, url)
}

/// Starts `serve` on a free loopback port; returns it with the webhook URL.
pub fn start_serve(env: &Env, extra: &[&str]) -> (Process, String) {
    start_serve_with(env, extra, &[])
}

/// Like [`start_serve`], with extra environment variables such as
/// `PSH_WEBHOOK_SECRET`.
pub fn start_serve_with(env: &Env, extra: &[&str], vars: &[(&str, &str)]) -> (Process, String) {
    let mut command = env.command();
    command.args(["serve", "--bind", "127.0.0.1:0"]);
    command.args(extra);
    command.envs(vars.iter().copied());
    let mut process = Process::spawn(command);
    let url = process.wait_for_url("/service/tickets");
    (process, url)
}

/// Sends raw bytes to the server behind `url`, then reads until the server
/// responds or closes, at most `wait`. Returns what arrived.
pub fn raw_exchange(url: &str, request: &[u8], wait: Duration) -> String {
    use std::io::Read;
    let rest = url.split_once("://").unwrap().1;
    let host = rest.split('/').next().unwrap();
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream.set_read_timeout(Some(wait)).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while let Ok(read) = stream.read(&mut buffer) {
        if read == 0 {
            break;
        }
        answer.extend_from_slice(&buffer[..read]);
        if answer.windows(4).any(|w| w == b"\r\n\r\n") && answer.ends_with(b"}") {
            break;
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

/// Returns the host and port of `url`, such as `127.0.0.1:4321`.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    rest.split('/').next().unwrap().to_string()
}

/// A direct REST client of the sandbox, to read back what it stores.
pub struct SandboxReader {
    base: String,
    token: String,
    http: reqwest::blocking::Client,
}

impl SandboxReader {
    pub fn login(base: &str) -> Self {
        let http = reqwest::blocking::Client::new();
        let reply: Value = http
            .post(format!("{base}/rest/login"))
            .json(&serde_json::json!({"username": SANDBOX_USER, "password": SANDBOX_PASSWORD}))
            .send()
            .expect("login")
            .json()
            .expect("login JSON");
        Self {
            base: base.to_string(),
            token: reply["accessToken"].as_str().expect("token").to_string(),
            http,
        }
    }

    /// GETs `path`, retrying the faults a test may have switched on.
    pub fn get(&self, path: &str) -> Value {
        for _ in 0..100 {
            let response = self
                .http
                .get(format!("{}/rest{path}", self.base))
                .bearer_auth(&self.token)
                .send();
            if let Ok(response) = response {
                if response.status().is_success() {
                    if let Ok(value) = response.json() {
                        return value;
                    }
                }
            }
        }
        panic!("GET {path} kept failing");
    }

    /// Tickets created through the API (the two seeded ones excluded).
    pub fn created_tickets(&self) -> Vec<Value> {
        let page = self.get("/tickets?itemsPerPage=250");
        page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["id"].as_i64().unwrap() >= 1000)
            .cloned()
            .collect()
    }

    pub fn messages(&self, ticket_id: i64) -> Vec<Value> {
        self.get(&format!("/tickets/{ticket_id}/messages"))
            .as_array()
            .unwrap()
            .clone()
    }
}

pub fn stats(base: &str) -> Value {
    reqwest::blocking::get(format!("{base}/sandbox/stats"))
        .expect("stats")
        .json()
        .expect("stats JSON")
}

pub fn post_json(
    url: &str,
    body: impl Into<reqwest::blocking::Body>,
) -> (u16, Value, reqwest::header::HeaderMap) {
    let response = reqwest::blocking::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .expect("POST");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let value = response.json().unwrap_or(Value::Null);
    (status, value, headers)
}

/// Variables that make `serve` retry fast, for tests of faults.
pub const FAST_RETRIES: &[(&str, &str)] = &[
    ("PSH_RETRY_DELAYS", "100ms,200ms,300ms"),
    ("PSH_PLENTY_TIMEOUT", "1s"),
    ("PSH_DELIVERY_DEADLINE", "1s"),
    ("PSH_MAX_RETRY_AFTER", "2s"),
];

/// The basic fixture with its own order and event ID.
pub fn event_for(order_id: u64) -> String {
    let mut event: Value =
        serde_json::from_slice(&std::fs::read(fixture("purchase-basic.json")).unwrap()).unwrap();
    event["id"] = Value::from(format!("evt_test_{order_id}"));
    event["resource"]["order"]["id"] = Value::from(order_id);
    event.to_string()
}

/// Reads the order ID out of a message text.
pub fn order_in(text: &str) -> Option<String> {
    let start = text.find("Auftrags-Id: ")? + "Auftrags-Id: ".len();
    let rest = &text[start..];
    Some(rest[..rest.find('<')?].to_string())
}

/// For every created ticket, its order IDs as found in its messages.
pub fn tickets_by_order(
    reader: &SandboxReader,
) -> std::collections::HashMap<String, Vec<(i64, usize)>> {
    let mut map: std::collections::HashMap<String, Vec<(i64, usize)>> = Default::default();
    for ticket in reader.created_tickets() {
        let id = ticket["id"].as_i64().unwrap();
        let messages = reader.messages(id);
        let order = messages
            .iter()
            .find_map(|m| order_in(m["text"].as_str().unwrap_or_default()))
            .unwrap_or_else(|| format!("no-message-{id}"));
        map.entry(order).or_default().push((id, messages.len()));
    }
    map
}

/// Pending events in the outbox, read through the CLI.
pub fn pending_count(env: &Env) -> usize {
    let output = env
        .command()
        .args([
            "outbox", "list", "--status", "pending", "--limit", "100000", "--output", "json",
        ])
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Array(vec![]));
    list.as_array().map(Vec::len).unwrap_or(usize::MAX)
}

/// Polls `done` every 200 ms until it holds or `timeout` passes.
pub fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < timeout {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    done()
}

/// Serves `response`, a whole HTTP response, to at most 50 connections on a
/// free loopback port and returns the base URL. It stands in for a server
/// that is not plentymarkets.
pub fn serve_fixed(response: &'static str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(50) {
            let Ok(mut stream) = stream else { continue };
            let mut buffer = [0u8; 8192];
            let _ = std::io::Read::read(&mut stream, &mut buffer);
            let _ = stream.write_all(response.as_bytes());
        }
    });
    url
}

/// Spawns the binary on a pseudo-terminal, so stdin and stdout are a
/// terminal. `fancy` sets a capable `TERM` without `NO_COLOR`;
/// escape sequences are then stripped from what the test reads.
pub fn spawn_pty(env: &Env, args: &[&str], fancy: bool) -> rexpect::session::PtySession {
    let mut command = env.command();
    command.args(args);
    if fancy {
        command.env("TERM", "xterm-256color").env_remove("NO_COLOR");
    }
    let options = rexpect::reader::Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(fancy);
    rexpect::session::spawn_with_options(command, options).expect("binary starts on a terminal")
}
