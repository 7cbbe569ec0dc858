//! Message templates through the binary: `ticket preview`, a custom
//! template set in the configuration and used by `serve`, and errors that
//! name the file and the line.

mod common;

use common::*;
use serde_json::Value;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A custom template that shows values escaped, one raw through `|safe`,
/// the items with their formatted prices, and the order ID for the worker.
const CUSTOM: &str = "<h2>{{ first_item_name }}</h2>\n\
<p>{{ customer.salutation }} {{ customer.name }} ({{ customer.email }})</p>\n\
<p>Order ID: {{ order.id }}<br/>Raw: {{ '<b>fett</b>'|safe }}</p>\n\
<ul>{% for item in items %}<li>{{ item.name }}: {{ item.price_gross }}</li>{% endfor %}</ul>\n";

const CUSTOM_UNICODE_DE: &str = "<h2>SEO-Prüfung „Komplett“ – Übersicht &amp; Maßnahmen 🚀</h2>\n\
<p>Frau Zoë-Françoise Grüßner-Øster (zoe.gruessner@example.invalid)</p>\n\
<p>Order ID: 880004<br/>Raw: <b>fett</b></p>\n\
<ul><li>SEO-Prüfung „Komplett“ – Übersicht &amp; Maßnahmen 🚀: 297,50</li></ul>";

/// Writes the configuration with the template next to it, named by a
/// relative path, as a merchant would.
fn configure_template(env: &Env, base_url: &str, template: &str) {
    let output = env.setup(base_url, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let dir = env.config_path().parent().unwrap().to_path_buf();
    std::fs::write(dir.join("message.html"), template).unwrap();
    let set = env
        .command()
        .args(["config", "set", "ticket.message_template", "message.html"])
        .output()
        .unwrap();
    assert!(set.status.success(), "{}", text(&set.stderr));
}

#[test]
fn preview_without_config_uses_built_in() {
    let env = Env::new();
    let output = env
        .command()
        .args(["ticket", "preview", "--payload"])
        .arg(fixture("purchase-basic.json"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let expected = std::fs::read_to_string(fixture("messages/purchase-basic.de.html")).unwrap();
    assert_eq!(text(&output.stdout), format!("{expected}\n"));

    let english = env
        .command()
        .env("PSH_MESSAGE_LANGUAGE", "en")
        .args(["ticket", "preview", "--payload"])
        .arg(fixture("purchase-basic.json"))
        .output()
        .unwrap();
    let expected = std::fs::read_to_string(fixture("messages/purchase-basic.en.html")).unwrap();
    assert_eq!(text(&english.stdout), format!("{expected}\n"));
}

#[test]
fn preview_uses_configured_template() {
    let env = Env::new();
    configure_template(&env, "https://shop.example", CUSTOM);
    let output = env
        .command()
        .current_dir(env.dir.path())
        .args(["ticket", "preview", "--output", "json", "--payload"])
        .arg(fixture("purchase-unicode.json"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let preview: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(preview["text"], CUSTOM_UNICODE_DE);
    assert_eq!(preview["type"], "message");
    assert_eq!(preview["language"], "de");
    let template = preview["template"].as_str().unwrap();
    assert!(template.ends_with("config/message.html"), "{template}");
}

#[test]
fn preview_template_flag_beats_config() {
    let env = Env::new();
    configure_template(&env, "https://shop.example", CUSTOM);
    std::fs::write(
        env.dir.path().join("short.txt"),
        "{{ order.id }}/{{ customer.email }}",
    )
    .unwrap();
    let output = env
        .command()
        .current_dir(env.dir.path())
        .args(["ticket", "preview", "--template", "short.txt"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "880001/erika.beispiel@example.invalid\n"
    );

    let from_env = env
        .command()
        .current_dir(env.dir.path())
        .env("PSH_MESSAGE_TEMPLATE", "short.txt")
        .args(["ticket", "preview"])
        .output()
        .unwrap();
    assert_eq!(
        text(&from_env.stdout),
        "880001/erika.beispiel@example.invalid\n"
    );
}

#[test]
fn broken_template_names_file_and_line() {
    let env = Env::new();
    let path = env.dir.path().join("broken.html");
    std::fs::write(
        &path,
        "<p>{{ customer.name }}</p>\n\n{% for item in items %}\n<li>{{ item.name }}\n",
    )
    .unwrap();
    let output = env
        .command()
        .args(["ticket", "preview", "--template"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(stderr.contains("line 4"), "{stderr}");
    assert!(stderr.contains("syntax error"), "{stderr}");
    assert!(output.stdout.is_empty());

    let german = env
        .command()
        .args(["--lang", "de", "ticket", "preview", "--template"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        text(&german.stderr).contains("Zeile 4"),
        "{}",
        text(&german.stderr)
    );
}

#[test]
fn misspelt_value_names_line() {
    let env = Env::new();
    let path = env.dir.path().join("typo.html");
    std::fs::write(
        &path,
        "<p>Order {{ order.id }}</p>\n<p>{{ customer.emial }}</p>\n",
    )
    .unwrap();
    let output = env
        .command()
        .args(["ticket", "preview", "--template"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(stderr.contains("customer.emial"), "{stderr}");
}

#[test]
fn config_set_rejects_broken_template() {
    let env = Env::new();
    assert!(env.setup("https://shop.example", &[]).status.success());
    let dir = env.config_path().parent().unwrap().to_path_buf();
    std::fs::write(dir.join("broken.html"), "{{ order.id }\n").unwrap();
    let output = env
        .command()
        .args(["config", "set", "ticket.message_template", "broken.html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("line 1"),
        "{}",
        text(&output.stderr)
    );
    let file = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(
        !file.contains("broken.html"),
        "the file keeps its old value: {file}"
    );
}

#[test]
fn serve_sends_custom_template() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    configure_template(&env, &base, CUSTOM);
    let (_serve, webhook) = start_serve(&env, &[]);

    let (status, body, _) = post_json(
        &webhook,
        std::fs::read(fixture("purchase-unicode.json")).unwrap(),
    );
    assert_eq!(status, 200, "{body}");
    let ticket_id = body["ticketId"].as_i64().unwrap();
    let messages = SandboxReader::login(&base).messages(ticket_id);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0]["text"], CUSTOM_UNICODE_DE);
}

#[test]
fn serve_refuses_to_start_with_broken_template() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    configure_template(&env, &base, CUSTOM);
    let dir = env.config_path().parent().unwrap().to_path_buf();
    std::fs::write(dir.join("message.html"), "ok\n{% if %}\n").unwrap();
    let mut command = env.command();
    command.args(["serve", "--bind", "127.0.0.1:0"]);
    let mut serve = Process::spawn(command);
    let status = serve.wait(std::time::Duration::from_secs(20));
    assert_eq!(status.and_then(|s| s.code()), Some(3), "{}", serve.stderr());
    // The reader thread may still be copying stderr after the exit.
    wait_until(std::time::Duration::from_secs(5), || {
        serve.stderr().contains("line 2")
    });
    let stderr = serve.stderr();
    assert!(stderr.contains("message.html"), "{stderr}");
    assert!(stderr.contains("line 2"), "{stderr}");
}
