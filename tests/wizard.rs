//! The interactive setup, driven through a pseudo-terminal against the
//! sandbox: plain questions for dumb terminals, dialoguer prompts for
//! capable ones, retries after a failed login, and replacing a file.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::*;
use plenty_service_helper::config::{read_file, MessageType, PartialConfig};
use plenty_service_helper::i18n::Lang;
use rexpect::session::PtySession;

const DOWN: &str = "\x1b[B";

/// A running wizard and everything it printed so far.
struct Dialog {
    session: PtySession,
    transcript: String,
}

impl Dialog {
    fn start(env: &Env, args: &[&str], fancy: bool) -> Self {
        Dialog {
            session: spawn_pty(env, args, fancy),
            transcript: String::new(),
        }
    }

    /// Waits for `needle`; returns what came before it.
    fn expect(&mut self, needle: &str) -> String {
        let before = self
            .session
            .exp_string(&as_read(needle))
            .unwrap_or_else(|error| {
                panic!(
                    "{needle:?} never came: {error}\n--- so far:\n{}",
                    self.transcript
                )
            });
        let before = decode(&before);
        self.transcript.push_str(&before);
        self.transcript.push_str(needle);
        before
    }

    /// Waits for `needle`, then types `line` and Enter.
    fn answer(&mut self, needle: &str, line: &str) -> String {
        let before = self.expect(needle);
        self.session.send_line(line).expect("type answer");
        before
    }

    /// Waits for `needle`, then sends `keys` as they are.
    fn keys(&mut self, needle: &str, keys: &str) {
        self.expect(needle);
        self.session.send(keys).expect("send keys");
        self.session.flush().expect("flush keys");
    }

    fn finish(mut self) -> String {
        let rest = self.session.exp_eof().unwrap_or_else(|error| {
            panic!(
                "wizard did not end: {error}\n--- so far:\n{}",
                self.transcript
            )
        });
        self.transcript.push_str(&decode(&rest));
        self.transcript
    }
}

/// `needle` as rexpect reads it: rexpect turns every byte into one `char`,
/// so UTF-8 text arrives as one `char` per byte.
fn as_read(needle: &str) -> String {
    needle.bytes().map(char::from).collect()
}

/// Turns what rexpect read back into UTF-8 text.
fn decode(read: &str) -> String {
    let bytes: Vec<u8> = read.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn written(env: &Env) -> PartialConfig {
    read_file(&env.config_path())
        .expect("config parses")
        .expect("config written")
}

#[test]
fn plain_wizard_writes_chosen_values() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let mut dialog = Dialog::start(&env, &["setup"], false);

    dialog.answer("plentymarkets address:", &format!("{base}/rest/"));
    dialog.answer("REST user name:", SANDBOX_USER);
    dialog.answer("Password:", SANDBOX_PASSWORD);
    dialog.expect("Logged in as sandbox.");
    dialog.expect("Second store (plentyId 1001)");
    dialog.answer("Number (1-2) [1]:", "2");
    dialog.expect("Ticket type of the new tickets");
    dialog.answer("Number (1-3) [1]:", "2");
    let statuses = dialog.expect("Number (1-3) [1]:");
    assert!(statuses.contains("In progress (12)"), "{statuses}");
    assert!(
        !statuses.contains("Open (20)"),
        "a status of another type is offered: {statuses}"
    );
    dialog.session.send_line("2").unwrap();
    let roles = dialog.expect("Number (1-3) [2]:");
    assert!(roles.contains("System » CRM » Ticket system"), "{roles}");
    assert!(roles.contains("Role 3 (tickets: 1)"), "{roles}");
    dialog.session.send_line("2").unwrap();
    let users = dialog.answer("Numbers (1-5), separated by commas:", "2,3");
    assert!(
        users.contains("Lager Team (lager, lager@example.invalid) – no Ticket option"),
        "{users}"
    );
    assert!(users.contains("Ehemalige Kollegin (ehemalig, alt@example.invalid) – disabled"));
    dialog.answer("Number (1-2) [1]:", "");
    dialog.answer("Number (1-2) [1]:", "2");
    dialog.answer("Address serve listens on [127.0.0.1:8080]:", "127.0.0.1:0");
    dialog.answer(
        "Path that receives purchase events [/service/tickets]:",
        "hooks/plenty/",
    );
    let summary = dialog.answer("Write this configuration? [Y/n]", "");
    assert!(
        summary.contains("| ticket.type_id          | 4 (Service)"),
        "{summary}"
    );
    assert!(summary.contains("********"));
    dialog.answer("Run validate now? [Y/n]", "n");
    let transcript = dialog.finish();

    assert!(
        !transcript.contains('\x1b'),
        "escape sequence on a dumb terminal: {transcript:?}"
    );
    assert!(
        !transcript.contains(SANDBOX_PASSWORD),
        "the password was echoed or printed"
    );
    let config = written(&env);
    assert_eq!(
        config.plentymarkets.base_url.as_deref(),
        Some(base.as_str())
    );
    assert_eq!(
        config.plentymarkets.password.as_ref().map(|p| p.expose()),
        Some(SANDBOX_PASSWORD)
    );
    assert_eq!(config.ticket.plenty_id, Some(1001));
    assert_eq!(config.ticket.type_id, Some(4));
    assert_eq!(config.ticket.status_id, Some(12));
    assert_eq!(config.ticket.role_id, Some(3));
    assert_eq!(config.ticket.owner_ids, Some(vec![7, 12]));
    assert_eq!(config.ticket.message_type, Some(MessageType::Message));
    assert_eq!(config.ticket.message_language, Some(Lang::En));
    assert_eq!(config.webhook.bind.as_deref(), Some("127.0.0.1:0"));
    assert_eq!(config.webhook.path.as_deref(), Some("/hooks/plenty"));
    let mode = std::fs::metadata(env.config_path())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn fancy_wizard_with_arrow_keys() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let mut dialog = Dialog::start(&env, &["--lang", "de", "setup"], true);

    dialog.keys("plentymarkets-Adresse", &format!("{base}\r"));
    dialog.keys(
        "Benutzername des REST-Benutzers",
        &format!("{SANDBOX_USER}\r"),
    );
    dialog.keys("Passwort", &format!("{SANDBOX_PASSWORD}\r"));
    dialog.keys("Second store (plentyId 1001)", "\r");
    dialog.keys("Reklamation (5)", &format!("{DOWN}\r"));
    dialog.keys("Erledigt (13)", "\r");
    dialog.keys("Andere Rollen-ID", "\r");
    dialog.keys("Ehemalige Kollegin", &format!("{DOWN} {DOWN} \r"));
    dialog.keys("comment (intern)", "\r");
    dialog.keys("English (en)", &format!("{DOWN}\r"));
    dialog.keys("Adresse, auf der serve lauscht", "\r");
    dialog.keys("Pfad, der die Kaufereignisse", "\r");
    dialog.keys("Diese Konfiguration schreiben?", "\r");
    dialog.keys("Jetzt validate ausführen?", &format!("{DOWN}\r"));
    dialog.finish();

    let config = written(&env);
    assert_eq!(config.ticket.plenty_id, Some(1000));
    assert_eq!(config.ticket.type_id, Some(4));
    assert_eq!(config.ticket.status_id, Some(11));
    assert_eq!(
        config.ticket.role_id,
        Some(3),
        "the most used role is offered first"
    );
    assert_eq!(config.ticket.owner_ids, Some(vec![7, 12]));
    assert_eq!(config.ticket.message_language, Some(Lang::En));
    assert_eq!(config.webhook.bind.as_deref(), Some("127.0.0.1:8080"));
    assert_eq!(config.lang, None, "the language of one run is not pinned");
}

#[test]
fn flags_skip_questions_and_login_retried() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let args = [
        "setup",
        "--base-url",
        &base,
        "--username",
        SANDBOX_USER,
        "--type-id",
        "4",
        "--status-id",
        "13",
        "--role-id",
        "3",
        "--owner-id",
        "12",
        "--message-type",
        "comment",
        "--message-language",
        "de",
        "--bind",
        "127.0.0.1:0",
        "--webhook-path",
        "/in",
    ];
    let mut dialog = Dialog::start(&env, &args, false);

    dialog.answer("Password:", "not-the-password");
    dialog.expect("rejected the user name or password");
    dialog.answer("Password:", SANDBOX_PASSWORD);
    dialog.expect("Logged in as sandbox.");
    dialog.answer("Number (1-2) [1]:", "1");
    dialog.answer("Write this configuration? [Y/n]", "y");
    dialog.answer("Run validate now? [Y/n]", "n");
    let transcript = dialog.finish();

    for skipped in [
        "plentymarkets address",
        "REST user name",
        "Ticket type of the new tickets",
        "Role the owners get",
        "Users who own the new tickets",
        "Address serve listens on",
    ] {
        assert!(
            !transcript.contains(skipped),
            "{skipped:?} asked although its flag was given"
        );
    }
    let config = written(&env);
    assert_eq!(config.ticket.status_id, Some(13));
    assert_eq!(config.ticket.owner_ids, Some(vec![12]));
    assert_eq!(config.ticket.message_type, Some(MessageType::Comment));
    assert_eq!(config.ticket.plenty_id, Some(1000));
    assert_eq!(
        config.plentymarkets.password.as_ref().map(|p| p.expose()),
        Some(SANDBOX_PASSWORD)
    );
}

#[test]
fn existing_file_replaced_after_question() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    assert!(env.setup("https://old.example", &[]).status.success());
    let args = [
        "setup",
        "--base-url",
        &base,
        "--username",
        SANDBOX_USER,
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
        "--message-type",
        "message",
        "--message-language",
        "de",
        "--bind",
        "127.0.0.1:0",
        "--webhook-path",
        "/service/tickets",
    ];

    let mut declined = Dialog::start(&env, &args, false);
    declined.answer("exists. Replace it? (a copy is kept as .bak) [y/N]", "");
    declined.expect("Nothing was written.");
    declined.finish();
    assert!(!env.config_path().with_file_name("config.toml.bak").exists());

    let mut dialog = Dialog::start(&env, &args, false);
    dialog.answer("exists. Replace it? (a copy is kept as .bak) [y/N]", "j");
    dialog.answer("Password (Enter keeps the saved one):", "");
    dialog.expect("Logged in as sandbox.");
    dialog.answer("Write this configuration? [Y/n]", "");
    dialog.answer("Run validate now? [Y/n]", "y");
    let transcript = dialog.finish();

    assert!(transcript.contains("All checks passed."), "{transcript}");
    let backup = env.config_path().with_file_name("config.toml.bak");
    let old = std::fs::read_to_string(&backup).unwrap();
    assert!(old.contains("https://old.example"), "{old}");
    assert_eq!(
        std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let config = written(&env);
    assert_eq!(
        config.plentymarkets.base_url.as_deref(),
        Some(base.as_str())
    );
}

#[test]
fn no_color_alone_gives_plain_prompts() {
    let env = Env::new();
    let (_sandbox, base) = start_sandbox(&env, &[]);
    let mut command = env.command();
    command
        .args(["setup", "--base-url", &base, "--username", SANDBOX_USER])
        .args(["--plenty-id", "1000", "--type-id", "4", "--status-id", "11"])
        .args([
            "--role-id",
            "3",
            "--owner-id",
            "7",
            "--message-type",
            "message",
        ])
        .args(["--message-language", "de", "--bind", "127.0.0.1:0"])
        .args(["--webhook-path", "/service/tickets"])
        .env("TERM", "xterm-256color");
    let options = rexpect::reader::Options::new().timeout_ms(Some(20_000));
    let session = rexpect::session::spawn_with_options(command, options).unwrap();
    let mut dialog = Dialog {
        session,
        transcript: String::new(),
    };

    dialog.answer("Password:", SANDBOX_PASSWORD);
    dialog.answer("Write this configuration? [Y/n]", "");
    dialog.answer("Run validate now? [Y/n]", "n");
    let transcript = dialog.finish();

    assert!(
        !transcript.contains('\x1b'),
        "escape sequence with NO_COLOR: {transcript:?}"
    );
    assert_eq!(written(&env).ticket.owner_ids, Some(vec![7]));
}
