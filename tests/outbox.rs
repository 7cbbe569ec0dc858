//! Durable delivery under faults: the sandbox misbehaves, `serve` is
//! killed, events arrive twice, and every order answered 2xx still ends as
//! exactly one ticket with exactly one message.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::*;
use serde_json::Value;

/// A sandbox with `faults`, a setup against it and a fast-retrying serve.
fn start(env: &Env, faults: &[&str]) -> (Process, String, Process, String) {
    let mut flags = vec![
        "--read-limit",
        "100000",
        "--write-limit",
        "100000",
        "--hang",
        "2",
    ];
    flags.extend_from_slice(faults);
    let (sandbox, base) = start_sandbox(env, &flags);
    let output = env.setup(&base, &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (serve, webhook) = serve_fast(env);
    (sandbox, base, serve, webhook)
}

fn serve_fast(env: &Env) -> (Process, String) {
    let mut command = env.command();
    command.args(["serve", "--bind", "127.0.0.1:0"]);
    command.envs(FAST_RETRIES.iter().copied());
    let mut process = Process::spawn(command);
    let url = process.wait_for_url("/service/tickets");
    (process, url)
}

/// Asserts that each of `orders` has exactly one ticket with exactly one
/// message, and that no ticket lacks its message or doubles an order.
fn assert_exactly_once(base: &str, orders: &HashSet<String>) {
    let reader = SandboxReader::login(base);
    let by_order = tickets_by_order(&reader);
    for (order, tickets) in &by_order {
        assert_eq!(
            tickets.len(),
            1,
            "order {order} has {} tickets: {tickets:?}",
            tickets.len()
        );
        assert_eq!(
            tickets[0].1, 1,
            "order {order}: ticket {} has {} messages",
            tickets[0].0, tickets[0].1
        );
    }
    for order in orders {
        assert!(
            by_order.contains_key(order),
            "accepted order {order} has no ticket"
        );
    }
}

fn run_fault(faults: &[&str], events: u64) {
    let env = Env::new();
    let (_sandbox, base, _serve, webhook) = start(&env, faults);
    let mut orders = HashSet::new();
    for order in 0..events {
        let order_id = 700_000 + order;
        let (status, body, _) = post_json(&webhook, event_for(order_id));
        assert!(status == 200 || status == 202, "{status}: {body}");
        orders.insert(order_id.to_string());
    }
    assert!(
        wait_until(Duration::from_secs(90), || pending_count(&env) == 0),
        "events still pending"
    );
    assert_exactly_once(&base, &orders);
}

#[test]
fn server_errors_alone() {
    run_fault(&["--server-error-rate", "0.3"], 25);
}

#[test]
fn throttling_alone() {
    run_fault(&["--throttle-rate", "0.3", "--retry-after", "1"], 15);
}

#[test]
fn timeouts_alone() {
    run_fault(&["--timeout-rate", "0.15"], 15);
}

#[test]
fn dropped_answers_alone() {
    run_fault(&["--drop-answer-rate", "0.4"], 25);
}

#[test]
fn latency_alone() {
    run_fault(&["--latency-ms", "150"], 10);
}

#[test]
fn mixed_faults_every_event_twice() {
    let env = Env::new();
    let faults = [
        "--server-error-rate",
        "0.05",
        "--throttle-rate",
        "0.05",
        "--retry-after",
        "1",
        "--timeout-rate",
        "0.02",
        "--drop-answer-rate",
        "0.1",
        "--latency-ms",
        "5",
    ];
    let (_sandbox, base, _serve, webhook) = start(&env, &faults);
    let mut orders = HashSet::new();
    let total = 200u64;
    for order in 0..total {
        let order_id = 800_000 + order;
        orders.insert(order_id.to_string());
        let statuses: Vec<u16> = if order % 2 == 0 {
            (0..2)
                .map(|_| post_json(&webhook, event_for(order_id)).0)
                .collect()
        } else {
            let handles: Vec<_> = (0..2)
                .map(|_| {
                    let webhook = webhook.clone();
                    std::thread::spawn(move || post_json(&webhook, event_for(order_id)).0)
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        };
        for status in statuses {
            assert!(status == 200 || status == 202, "order {order_id}: {status}");
        }
    }
    assert!(
        wait_until(Duration::from_secs(180), || pending_count(&env) == 0),
        "events still pending"
    );
    assert_exactly_once(&base, &orders);
    let reader = SandboxReader::login(&base);
    assert_eq!(reader.created_tickets().len(), total as usize);
}

#[test]
fn dedup_survives_restart() {
    let env = Env::new();
    let (_sandbox, base, mut serve, webhook) = start(&env, &[]);
    let mut first = Vec::new();
    for order in 1..=3u64 {
        let (status, body, _) = post_json(&webhook, event_for(order));
        assert_eq!(status, 200, "{body}");
        first.push(body["ticketId"].clone());
    }
    serve.signal("TERM");
    assert_eq!(
        serve.wait(Duration::from_secs(10)).and_then(|s| s.code()),
        Some(0)
    );

    let (_serve, webhook) = serve_fast(&env);
    for order in 1..=3u64 {
        let mut event: Value = serde_json::from_str(&event_for(order)).unwrap();
        event["createdAt"] = Value::from(1_900_000_000);
        event["extra"] = Value::from("a field the first delivery lacked");
        let (status, body, _) = post_json(&webhook, event.to_string());
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["status"], "duplicate");
        assert_eq!(body["ticketId"], first[order as usize - 1]);
    }
    assert_eq!(SandboxReader::login(&base).created_tickets().len(), 3);
}

#[test]
fn sigkill_at_random_moments() {
    let env = Env::new();
    let (_sandbox, base, serve, _) =
        start(&env, &["--latency-ms", "20", "--drop-answer-rate", "0.1"]);
    drop(serve);
    let mut accepted = HashSet::new();
    let mut next_order = 900_000u64;
    for round in 0..6u64 {
        let (serve, webhook) = serve_fast(&env);
        let sender = std::thread::spawn({
            let webhook = webhook.clone();
            let first = next_order;
            move || {
                let mut answered = Vec::new();
                for order_id in first..first + 40 {
                    let response = reqwest::blocking::Client::new()
                        .post(&webhook)
                        .header("content-type", "application/json")
                        .body(event_for(order_id))
                        .timeout(Duration::from_secs(5))
                        .send();
                    match response {
                        Ok(response) if response.status().is_success() => {
                            answered.push(order_id.to_string())
                        }
                        Ok(_) => {}
                        Err(_) => break,
                    }
                }
                answered
            }
        });
        next_order += 40;
        std::thread::sleep(Duration::from_millis(150 + (round * 97) % 400));
        serve.signal("KILL");
        accepted.extend(sender.join().unwrap());
        drop(serve);
    }
    let (_serve, _) = serve_fast(&env);
    assert!(
        !accepted.is_empty(),
        "some events were answered before the kills"
    );
    assert!(
        wait_until(Duration::from_secs(120), || pending_count(&env) == 0),
        "events still pending"
    );
    assert_exactly_once(&base, &accepted);
}

#[test]
fn pacing_keeps_429_at_zero() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(
        &env,
        &[
            "--write-limit",
            "6",
            "--period",
            "2",
            "--read-limit",
            "100000",
        ],
    );
    assert!(env.setup(&base, &[]).status.success());
    let (_serve, webhook) = serve_fast(&env);
    for order in 0..8u64 {
        let (status, _, _) = post_json(&webhook, event_for(500 + order));
        assert!(status == 200 || status == 202);
    }
    assert!(wait_until(Duration::from_secs(60), || pending_count(&env) == 0));
    let stats = stats(&base);
    assert_eq!(stats["tickets_created"], 8);
    assert_eq!(stats["messages_created"], 8);
    assert_eq!(stats["throttled"], 0, "{stats}");
    assert_eq!(stats["logins"], 1, "one login for the whole process");
}

#[test]
fn sigterm_finishes_and_exits() {
    let env = Env::new();
    let (_sandbox, base, mut serve, webhook) = start(&env, &["--latency-ms", "300"]);
    let poster = std::thread::spawn(move || post_json(&webhook, event_for(42)).0);
    std::thread::sleep(Duration::from_millis(200));
    serve.signal("TERM");
    let status = serve
        .wait(Duration::from_secs(15))
        .expect("serve exits after SIGTERM");
    assert_eq!(status.code(), Some(0));
    let answered = poster.join().unwrap();
    assert!(answered == 200 || answered == 202, "{answered}");
    let (_serve, _) = serve_fast(&env);
    assert!(wait_until(Duration::from_secs(30), || pending_count(&env) == 0));
    assert_exactly_once(&base, &HashSet::from(["42".to_string()]));
}

#[test]
fn store_failure_answers_503() {
    let env = Env::new();
    let (_sandbox, _base, _serve, webhook) = start(&env, &[]);
    let db = env.dir.path().join("data/outbox.sqlite3");
    let lock = rusqlite::Connection::open(&db).unwrap();
    lock.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let (status, body, headers) = post_json(&webhook, event_for(77));
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"], "not_stored");
    assert!(headers.contains_key("retry-after"));
    lock.execute_batch("ROLLBACK;").unwrap();
    let (status, body, _) = post_json(&webhook, event_for(77));
    assert_eq!(status, 200, "stored once the lock is gone: {body}");
}

#[test]
fn outbox_commands() {
    let env = Env::new();
    let (_sandbox, base, _serve, webhook) = start(&env, &[]);
    let (status, created, _) = post_json(&webhook, event_for(1));
    assert_eq!(status, 200);
    let set = env
        .command()
        .args(["config", "set", "ticket.type_id", "999"])
        .output()
        .unwrap();
    assert!(set.status.success());
    drop(_serve);
    let (_serve, webhook) = serve_fast(&env);
    let (status, dead, _) = post_json(&webhook, event_for(2));
    assert_eq!(status, 202);
    assert_eq!(dead["status"], "dead");

    let list = env
        .command()
        .args(["outbox", "list", "--output", "json"])
        .output()
        .unwrap();
    let entries: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 2);
    let dead_list = env
        .command()
        .args(["outbox", "list", "--status", "dead", "--output", "json"])
        .output()
        .unwrap();
    let dead_entries: Value = serde_json::from_slice(&dead_list.stdout).unwrap();
    assert_eq!(dead_entries[0]["order_id"], "2");

    let show = env
        .command()
        .args(["outbox", "show", &created["eventId"].to_string()])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&show.stdout);
    assert!(
        table.contains("done") && table.contains(&created["ticketId"].to_string()),
        "{table}"
    );
    assert!(!table.contains("Erika"), "no customer data in the table");
    let missing = env
        .command()
        .args(["outbox", "show", "999"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));

    let fix = env
        .command()
        .args(["config", "set", "ticket.type_id", "4"])
        .output()
        .unwrap();
    assert!(fix.status.success());
    drop(_serve);
    let (_serve, _) = serve_fast(&env);
    let retry = env
        .command()
        .args(["outbox", "retry", "--all-dead"])
        .output()
        .unwrap();
    assert!(
        retry.status.success(),
        "{}",
        String::from_utf8_lossy(&retry.stderr)
    );
    assert!(wait_until(Duration::from_secs(20), || pending_count(&env) == 0));
    assert_eq!(SandboxReader::login(&base).created_tickets().len(), 2);

    let young = env
        .command()
        .args(["outbox", "purge", "--older-than", "1d"])
        .output()
        .unwrap();
    assert_eq!(
        young.status.code(),
        Some(2),
        "shorter than the retention period"
    );
    let purge = env
        .command()
        .args(["outbox", "purge", "--older-than", "30d"])
        .output()
        .unwrap();
    assert!(purge.status.success());
    assert!(String::from_utf8_lossy(&purge.stdout).contains('0'));
}

#[test]
fn second_serve_on_one_outbox_refused() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let (_sandbox, _base, _serve, webhook) = start(&env, &[]);
    let (status, _, _) = post_json(&webhook, event_for(5));
    assert_eq!(status, 200);
    let mut command = env.command();
    command.args(["serve", "--bind", "127.0.0.1:0"]);
    let output = command.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("another serve process"));
    for name in ["outbox.sqlite3", "outbox.sqlite3-wal", "outbox.sqlite3-shm"] {
        let path = env.dir.path().join("data").join(name);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
}

#[test]
fn sandbox_mode_keeps_a_named_outbox() {
    let env = Env::new();
    let outbox = env.dir.path().join("kept.sqlite3");
    let mut command = env.command();
    command
        .args(["serve", "--sandbox", "--bind", "127.0.0.1:0", "--outbox"])
        .arg(&outbox);
    let mut serve = Process::spawn(command);
    let webhook = serve.wait_for_url("/service/tickets");
    let (status, _, _) = post_json(&webhook, event_for(6));
    assert_eq!(status, 200);
    serve.signal("TERM");
    assert_eq!(
        serve.wait(Duration::from_secs(10)).and_then(|s| s.code()),
        Some(0)
    );
    assert!(outbox.exists(), "a file the user named is not deleted");
}
