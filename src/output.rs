//! Text for people: warnings and errors on stderr, tables and JSON on
//! stdout, colour only where the terminal wants it.

use std::io::IsTerminal;

use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

use crate::i18n::{t, Lang};

/// True unless `NO_COLOR` is set, `CLICOLOR=0`, `TERM=dumb`, or stderr is
/// not a terminal.
pub fn color_enabled_stderr() -> bool {
    color_allowed() && std::io::stderr().is_terminal()
}

fn color_allowed() -> bool {
    let var = |name: &str| std::env::var(name).ok();
    var("NO_COLOR").is_none_or(|v| v.is_empty())
        && var("CLICOLOR").as_deref() != Some("0")
        && var("TERM").as_deref() != Some("dumb")
}

/// Prints an error line, prefixed with the program name.
pub fn error(lang: Lang, text: &str) {
    eprintln!("plenty-service-helper: {}: {text}", t(lang, "label.error"));
}

/// Prints a warning line.
pub fn warn(lang: Lang, text: &str) {
    eprintln!(
        "plenty-service-helper: {}: {text}",
        t(lang, "label.warning")
    );
}

/// Narrowest terminal, in columns, that tables are wrapped to fit.
const MIN_WRAP_WIDTH: u16 = 40;

/// A table with the given headers; plain ASCII where the terminal is
/// dumb or not a terminal, so captured output stays stable.
pub fn table(headers: Vec<&str>) -> Table {
    let mut table = Table::new();
    let fancy = color_allowed() && std::io::stdout().is_terminal();
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
