//! Questions on a terminal. A capable terminal gets dialoguer's prompts
//! with arrow keys and a spinner. With `TERM=dumb`, `NO_COLOR` or a stdout
//! that is not a terminal, questions are plain numbered lines, which write
//! no escape sequence and query nothing from the terminal.

use std::io::{self, BufRead, IsTerminal, Write};
use std::time::Duration;

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, MultiSelect, Password, Select};
use indicatif::{ProgressBar, ProgressDrawTarget};

use crate::i18n::{t, tf, Lang};

/// Drawing style of the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// dialoguer prompts; they move the cursor and redraw lines.
    Fancy,
    /// Line by line, for dumb terminals and anyone who asked for no colour.
    Plain,
}

impl Mode {
    /// Plain when `TERM` is `dumb` or unset, `NO_COLOR` is set, or stdout
    /// is not a terminal; fancy otherwise.
    pub fn detect() -> Mode {
        let term = std::env::var("TERM").unwrap_or_default();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        if term.is_empty() || term == "dumb" || no_color || !io::stdout().is_terminal() {
            Mode::Plain
        } else {
            Mode::Fancy
        }
    }
}

/// Asks questions in one language and mode. Every question returns an
/// `io::Error` of kind `UnexpectedEof` when input ends.
///
/// NOTE: Ctrl-C during a fancy list ends the process through SIGINT,
/// which console raises itself, so dialoguer cannot show the cursor again.
/// The shell then has no visible cursor until `tput cnorm` is run.
pub struct Prompter {
    lang: Lang,
    mode: Mode,
    theme: ColorfulTheme,
    term: Term,
}

impl Prompter {
    pub fn new(lang: Lang, mode: Mode) -> Self {
        Prompter {
            lang,
            mode,
            theme: ColorfulTheme::default(),
            term: Term::stdout(),
        }
    }

    /// Prints a line of text for the user.
    pub fn say(&self, text: &str) {
        println!("{text}");
    }

    /// Asks until `parse` accepts the input; Enter takes `default`.
    pub fn ask<T>(
        &self,
        prompt: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> io::Result<T> {
        loop {
            let answer = match self.mode {
                Mode::Fancy => self.fancy_text(prompt, default)?,
                Mode::Plain => self.plain_text(prompt, default)?,
            };
            match parse(answer.trim()) {
                Ok(value) => return Ok(value),
                Err(reason) => {
                    self.say(&tf(self.lang, "msg.prompt.invalid", &[("reason", &reason)]))
                }
            }
        }
    }

    fn fancy_text(&self, prompt: &str, default: Option<&str>) -> io::Result<String> {
        let mut input = Input::<String>::with_theme(&self.theme).with_prompt(prompt);
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        Ok(input.interact_text_on(&self.term)?)
    }

    fn plain_text(&self, prompt: &str, default: Option<&str>) -> io::Result<String> {
        loop {
            match default {
                Some(default) => print!("{prompt} [{default}]: "),
                None => print!("{prompt}: "),
            }
            let line = read_line()?;
            match (line.trim(), default) {
                ("", Some(default)) => return Ok(default.to_string()),
                ("", None) => continue,
                (text, _) => return Ok(text.to_string()),
            }
        }
    }

    /// Asks for a secret without echoing it; the input may be empty.
    pub fn password(&self, prompt: &str) -> io::Result<String> {
        if self.mode == Mode::Fancy {
            return Ok(Password::with_theme(&self.theme)
                .with_prompt(prompt)
                .allow_empty_password(true)
                .interact_on(&self.term)?);
        }
        print!("{prompt}: ");
        io::stdout().flush()?;
        // Reads with echo switched off through termios; writes no escape
        // sequence. The terminal must be one of stdout and stderr.
        let term = if self.term.is_term() {
            Term::stdout()
        } else {
            Term::stderr()
        };
        if !term.is_term() {
            return read_line();
        }
        term.read_secure_line()
    }

    /// Asks for one of `items`; returns its index.
    pub fn select(&self, prompt: &str, items: &[String], default: usize) -> io::Result<usize> {
        let default = default.min(items.len().saturating_sub(1));
        if self.mode == Mode::Fancy {
            return Ok(Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(items)
                .default(default)
                .interact_on(&self.term)?);
        }
        self.say(prompt);
        for (index, item) in items.iter().enumerate() {
            self.say(&format!("  {:>2}) {item}", index + 1));
        }
        let question = tf(self.lang, "prompt.choose_one", &[("max", &items.len())]);
        self.ask(&question, Some(&(default + 1).to_string()), |answer| {
            parse_number(self.lang, answer, items.len())
        })
    }

    /// Asks for any number of `items`, with `checked` marked at first;
    /// returns the chosen indexes in list order.
    pub fn multi_select(
        &self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> io::Result<Vec<usize>> {
        if self.mode == Mode::Fancy {
            let prompt = format!("{prompt} {}", t(self.lang, "prompt.multi_keys"));
            return Ok(MultiSelect::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(items)
                .defaults(checked)
                .interact_on(&self.term)?);
        }
        self.say(prompt);
        for (index, item) in items.iter().enumerate() {
            let mark = if checked.get(index) == Some(&true) {
                "x"
            } else {
                " "
            };
            self.say(&format!("  {:>2}) [{mark}] {item}", index + 1));
        }
        let defaults: Vec<String> = (0..items.len())
            .filter(|index| checked.get(*index) == Some(&true))
            .map(|index| (index + 1).to_string())
            .collect();
        let default = (!defaults.is_empty()).then(|| defaults.join(","));
        let question = tf(self.lang, "prompt.choose_many", &[("max", &items.len())]);
        self.ask(&question, default.as_deref(), |answer| {
            let mut chosen = Vec::new();
            for part in answer.split([',', ' ']).filter(|part| !part.is_empty()) {
                chosen.push(parse_number(self.lang, part, items.len())?);
            }
            chosen.sort_unstable();
            chosen.dedup();
            Ok(chosen)
        })
    }

    /// Asks a yes/no question.
    pub fn confirm(&self, prompt: &str, default: bool) -> io::Result<bool> {
        let yes = t(self.lang, "label.yes").to_string();
        let no = t(self.lang, "label.no").to_string();
        if self.mode == Mode::Fancy {
            let choice = self.select(prompt, &[yes, no], if default { 0 } else { 1 })?;
            return Ok(choice == 0);
        }
        let hint = if default {
            "prompt.yes_no_default_yes"
        } else {
            "prompt.yes_no_default_no"
        };
        let question = format!("{prompt} {}", t(self.lang, hint));
        loop {
            print!("{question} ");
            let line = read_line()?;
            match line.trim().to_lowercase().as_str() {
                "" => return Ok(default),
                "y" | "yes" | "j" | "ja" => return Ok(true),
                "n" | "no" | "nein" => return Ok(false),
                _ => self.say(t(self.lang, "msg.prompt.yes_no")),
            }
        }
    }

    /// Runs `work` with a spinner showing `message` on a fancy terminal, or
    /// after printing `message` as a line.
    pub async fn spin<T>(&self, message: &str, work: impl std::future::Future<Output = T>) -> T {
        if self.mode == Mode::Plain {
            self.say(message);
            return work.await;
        }
        let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stdout());
        spinner.set_message(message.to_string());
        spinner.enable_steady_tick(Duration::from_millis(100));
        let result = work.await;
        spinner.finish_and_clear();
        result
    }
}

/// Reads one line from standard input; `UnexpectedEof` when input ended.
fn read_line() -> io::Result<String> {
    io::stdout().flush()?;
    let mut line = String::new();
    if io::stdin().lock().read_line(&mut line)? == 0 {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "input ended"));
    }
    Ok(line)
}

/// Parses a 1-based choice into an index below `count`.
fn parse_number(lang: Lang, text: &str, count: usize) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(number) if (1..=count).contains(&number) => Ok(number - 1),
        _ => Err(tf(
            lang,
            "msg.prompt.not_a_choice",
            &[("value", &text.trim()), ("max", &count)],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choice_numbers_are_one_based() {
        assert_eq!(parse_number(Lang::En, "1", 3), Ok(0));
        assert_eq!(parse_number(Lang::En, " 3 ", 3), Ok(2));
        assert!(parse_number(Lang::En, "0", 3).is_err());
        assert!(parse_number(Lang::En, "4", 3).is_err());
        assert!(parse_number(Lang::En, "zwei", 3)
            .unwrap_err()
            .contains("zwei"));
    }
}
