//! Text for people: warnings and errors on stderr, tables and JSON on
//! stdout, colour and spinners only where the terminal wants them.
//!
//! Colour follows the variables in the order that clap's terminal layer
//! (anstream 1.0) applies them: `NO_COLOR` (set and not empty) turns colour
//! off, then `CLICOLOR_FORCE` (set and not `0`) turns it on, then
//! `CLICOLOR=0` turns it off. Otherwise colour needs a terminal and a `TERM`
//! other than `dumb`, or `CLICOLOR` set and not `0`. clap is handed the
//! result through [`clap_color`], so its help and errors follow these rules.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

use crate::i18n::{t, Lang};

static QUIET: AtomicBool = AtomicBool::new(false);

/// Sets `--quiet`: [`note`] lines and spinners are dropped from then on.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Decides colour for a stream from the environment that `var` reads.
fn color_for(is_terminal: bool, var: &dyn Fn(&str) -> Option<String>) -> bool {
    let set_and_not_zero =
        |name: &str| var(name).is_some_and(|value| !value.is_empty() && value != "0");
    if var("NO_COLOR").is_some_and(|value| !value.is_empty()) {
        return false;
    }
    if set_and_not_zero("CLICOLOR_FORCE") {
        return true;
    }
    if var("CLICOLOR").as_deref() == Some("0") {
        return false;
    }
    let term_supports_color = var("TERM").is_some_and(|term| term != "dumb");
    is_terminal && (term_supports_color || set_and_not_zero("CLICOLOR"))
}

/// True when lines on stderr may carry colour, see the module docs.
pub fn color_enabled_stderr() -> bool {
    color_for(std::io::stderr().is_terminal(), &var)
}

/// Returns the colour setting for clap's help (stdout) and errors (stderr).
/// It applies the rules above without the terminal check, which clap makes
/// per stream.
pub fn clap_color() -> clap::ColorChoice {
    if color_for(true, &var) {
        if color_for(false, &var) {
            clap::ColorChoice::Always
        } else {
            clap::ColorChoice::Auto
        }
    } else {
        clap::ColorChoice::Never
    }
}

/// True when the terminal can redraw a line: not `TERM=dumb` and not
/// without `TERM`. Box-drawing tables and spinners need this.
fn terminal_can_redraw() -> bool {
    var("TERM").is_some_and(|term| term != "dumb")
}

/// Prints an error line, prefixed with the program name.
pub fn error(lang: Lang, text: &str) {
    eprintln!(
        "plenty-service-helper: {}: {text}",
        label(t(lang, "label.error"), "\x1b[1;31m")
    );
}

/// Prints a warning line.
pub fn warn(lang: Lang, text: &str) {
    eprintln!(
        "plenty-service-helper: {}: {text}",
        label(t(lang, "label.warning"), "\x1b[1;33m")
    );
}

/// Narrowest terminal, in columns, that tables are wrapped to fit.
const MIN_WRAP_WIDTH: u16 = 40;

/// A table with the given headers; plain ASCII where the terminal is
/// dumb or not a terminal, so captured output stays stable.
fn label(text: &str, style: &str) -> String {
    if color_enabled_stderr() {
        format!("{style}{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Prints a line on stdout that only reports what happened, such as where
/// a file was written; `--quiet` drops it. Results (IDs, tables, JSON,
/// values) are printed with `println!` and stay.
pub fn note(text: &str) {
    if !quiet() {
        println!("{text}");
    }
}

/// A spinner on stderr while the program waits for a server; cleared when
/// dropped. It is drawn only when stderr is a terminal that can redraw a
/// line and `--quiet` is off, so pipes and logs never see it.
pub struct Spinner(Option<indicatif::ProgressBar>);

/// Starts a [`Spinner`] with `message` beside it.
pub fn spinner(message: String) -> Spinner {
    if quiet() || !std::io::stderr().is_terminal() || !terminal_can_redraw() {
        return Spinner(None);
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(message);
    bar.enable_steady_tick(Duration::from_millis(100));
    Spinner(Some(bar))
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Builds a table with the given headers. It is plain ASCII unless stdout
/// is a terminal with colour on and `TERM` is not `dumb`, so captured output
/// stays stable.
pub fn table(headers: Vec<&str>) -> Table {
    let mut table = Table::new();
    let fancy = color_for(std::io::stdout().is_terminal(), &var)
        && std::io::stdout().is_terminal()
        && terminal_can_redraw();
    table.load_preset(if fancy {
        presets::UTF8_FULL_CONDENSED
    } else {
        presets::ASCII_MARKDOWN
    });
    // Wrapping needs the terminal's width. A terminal that reports a width
    // of 0, as some pseudo-terminals do, would get one character per line.
    let width_known = table.width().is_some_and(|width| width >= MIN_WRAP_WIDTH);
    table.set_content_arrangement(if fancy && width_known {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
    table.set_header(headers);
    table
}

/// Prints `value` as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(is_terminal: bool, pairs: &[(&str, &str)]) -> bool {
        let lookup = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        };
        color_for(is_terminal, &lookup)
    }

    #[test]
    fn colour_rules_in_order() {
        let xterm = ("TERM", "xterm-256color");
        assert!(decide(true, &[xterm]));
        assert!(!decide(false, &[xterm]), "no colour into a pipe");
        assert!(!decide(true, &[xterm, ("NO_COLOR", "1")]));
        assert!(
            decide(true, &[xterm, ("NO_COLOR", "")]),
            "empty NO_COLOR is unset"
        );
        assert!(!decide(true, &[xterm, ("CLICOLOR", "0")]));
        assert!(!decide(true, &[("TERM", "dumb")]));
        assert!(!decide(true, &[]), "no TERM, no colour");
        assert!(decide(true, &[("TERM", "dumb"), ("CLICOLOR", "1")]));
        assert!(decide(false, &[("CLICOLOR_FORCE", "1")]));
        assert!(decide(false, &[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")]));
        assert!(!decide(false, &[("CLICOLOR_FORCE", "0")]));
        assert!(!decide(
            true,
            &[xterm, ("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
        ));
    }
}
