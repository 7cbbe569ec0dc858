//! Terminal manners of the binary: colour only where `NO_COLOR`,
//! `CLICOLOR`, `CLICOLOR_FORCE` and `TERM` allow it, a spinner only on a
//! terminal, and `--quiet` keeping results while dropping status lines.
//!
//! Runs on a real pseudo-terminal use util-linux `script`; without it those
//! checks are skipped with a printed reason.

mod common;

use std::process::{Command, Output};

use common::*;

const ESC: char = '\u{1b}';

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Builds a command of the binary that leaves colour to the variables a test sets.
fn uncoloured(env: &Env) -> Command {
    let mut command = env.command();
    command.env_remove("NO_COLOR").env_remove("TERM");
    command
}

fn has_script() -> bool {
    let found = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        println!("skipped: util-linux 'script' is not installed, so no pseudo-terminal");
    }
    found
}

/// Runs the binary with `args` on a pseudo-terminal, with the variables of
/// `command` plus `vars`; returns what the terminal showed.
fn on_terminal(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> String {
    let mut line = format!("'{}'", bin());
    for arg in args {
        line.push_str(&format!(" '{arg}'"));
    }
    let binary = uncoloured(env);
    let mut script = Command::new("script");
    script
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .env_clear();
    for (key, value) in binary.get_envs() {
        if let Some(value) = value {
            script.env(key, value);
        }
    }
    script.envs(vars.iter().copied());
    let output = script.output().expect("script runs");
    text(&output.stdout)
}

fn missing_config(command: &mut Command) -> Output {
    command.args(["ticket", "list"]).output().unwrap()
}

#[test]
fn error_label_colour_follows_variables() {
    let env = Env::new();
    let cases: &[(&[(&str, &str)], bool)] = &[
        (&[("CLICOLOR_FORCE", "1")], true),
        (&[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")], true),
        (&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
        (&[("CLICOLOR_FORCE", "0"), ("TERM", "xterm")], false),
        (&[("TERM", "xterm")], false),
    ];
    for (vars, coloured) in cases {
        let mut command = uncoloured(&env);
        command.envs(vars.iter().copied());
        let output = missing_config(&mut command);
        assert_eq!(output.status.code(), Some(3));
        let stderr = text(&output.stderr);
        assert!(stderr.contains("error"), "{stderr}");
        assert_eq!(stderr.contains(ESC), *coloured, "{vars:?}: {stderr:?}");
    }
}

#[test]
fn help_colour_follows_variables() {
    let env = Env::new();
    let help = |vars: &[(&str, &str)]| {
        let mut command = uncoloured(&env);
        command.envs(vars.iter().copied()).arg("--help");
        let output = command.output().unwrap();
        assert!(output.status.success());
        text(&output.stdout)
    };
    assert!(help(&[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(!help(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(ESC));
    assert!(
        !help(&[("TERM", "xterm")]).contains(ESC),
        "no colour into a pipe"
    );
}

#[test]
fn terminal_colour_follows_variables() {
    if !has_script() {
        return;
    }
    let env = Env::new();
    let cases: &[(&[(&str, &str)], bool)] = &[
        (&[("TERM", "xterm")], true),
        (&[("TERM", "xterm"), ("NO_COLOR", "1")], false),
        (&[("TERM", "xterm"), ("CLICOLOR", "0")], false),
        (&[("TERM", "dumb")], false),
    ];
    for (vars, coloured) in cases {
        let shown = on_terminal(&env, vars, &["ticket", "list"]);
        assert!(shown.contains("error"), "{shown}");
        assert_eq!(shown.contains(ESC), *coloured, "{vars:?}: {shown:?}");

        let help = on_terminal(&env, vars, &["--help"]);
        assert!(help.contains("Usage"), "{help}");
        assert_eq!(
            help.contains(ESC),
            *coloured,
            "help with {vars:?}: {help:?}"
        );
    }
}

/// Starts a sandbox with 300 ms latency, so the spinner has time to be
/// drawn, and writes a configuration that points at it.
fn slow_sandbox(env: &Env) -> Process {
    let (sandbox, base) = start_sandbox(env, &["--latency-ms", "300"]);
    let output = env.setup(&base, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    sandbox
}

#[test]
fn spinner_only_on_capable_terminal() {
    if !has_script() {
        return;
    }
    let env = Env::new();
    let _sandbox = slow_sandbox(&env);
    let waiting = "Waiting for plentymarkets";

    let shown = on_terminal(&env, &[("TERM", "xterm")], &["ticket", "test"]);
    assert!(shown.contains(waiting), "{shown:?}");
    assert!(shown.contains("Ticket 1000 created"), "{shown:?}");

    let dumb = on_terminal(&env, &[("TERM", "dumb")], &["ticket", "test"]);
    assert!(!dumb.contains(waiting), "{dumb:?}");
    assert!(dumb.contains("Ticket 1001 created"), "{dumb:?}");

    let quiet = on_terminal(&env, &[("TERM", "xterm")], &["--quiet", "ticket", "test"]);
    assert!(!quiet.contains(waiting), "{quiet:?}");
    assert!(quiet.contains("Ticket 1002 created"), "{quiet:?}");
}

#[test]
fn spinner_never_in_pipe() {
    let env = Env::new();
    let _sandbox = slow_sandbox(&env);
    let output = uncoloured(&env)
        .env("TERM", "xterm")
        .args(["ticket", "test"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "Ticket 1000 created\n");
    assert!(output.stderr.is_empty(), "{:?}", text(&output.stderr));
}

#[test]
fn quiet_drops_status_lines_keeps_results() {
    let env = Env::new();
    let _sandbox = slow_sandbox(&env);
    let run = |args: &[&str]| {
        let output = env.command().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    };

    assert!(run(&["config", "set", "ticket.type_id", "4"]).contains("ticket.type_id"));
    assert_eq!(
        run(&["--quiet", "config", "set", "ticket.type_id", "4"]),
        ""
    );
    assert_eq!(run(&["-q", "config", "get", "ticket.type_id"]), "4\n");
    assert_eq!(run(&["-q", "ticket", "test"]), "Ticket 1000 created\n");
    let json: serde_json::Value =
        serde_json::from_str(&run(&["-q", "ticket", "test", "--output", "json"])).unwrap();
    assert_eq!(json["ticketId"], 1001);

    let output = env.setup("http://127.0.0.1:9", &["--force", "--quiet"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
}
