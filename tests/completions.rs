//! Shell completions and manual pages: the files in `completions/` and
//! `man/` match what the binary generates now, and the shells installed
//! here load them and complete from them.
//!
//! bash is always present. zsh, fish and man-db are Debian packages that a
//! machine may lack; their checks are skipped with a printed reason then.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const REGENERATE: &str =
    "rm -r completions man && cargo run -- completions --write-to completions \
     && cargo run -- man --write-to man";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Reads every file below `dir`, keyed by its path relative to `dir`.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_path_buf();
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

fn generate(env: &Env, command: &str) -> PathBuf {
    let dir = env.dir.path().join(command);
    let output = env
        .command()
        .arg(command)
        .arg("--write-to")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    dir
}

#[test]
fn checked_in_files_are_current() {
    let env = Env::new();
    for name in ["completions", "man"] {
        let generated = tree(&generate(&env, name));
        let checked_in = tree(&repo().join(name));
        assert!(!generated.is_empty(), "{name}: nothing generated");
        let generated_names: Vec<_> = generated.keys().collect();
        let checked_in_names: Vec<_> = checked_in.keys().collect();
        assert_eq!(
            generated_names, checked_in_names,
            "{name}/ has other files than the binary generates; regenerate with: {REGENERATE}"
        );
        for (path, content) in &generated {
            assert!(
                checked_in[path] == *content,
                "{name}/{} is out of date; regenerate with: {REGENERATE}",
                path.display()
            );
        }
    }
}

#[test]
fn expected_completion_files() {
    let files = tree(&repo().join("completions"));
    for name in [
        "plenty-service-helper.bash",
        "_plenty-service-helper",
        "plenty-service-helper.fish",
        "_plenty-service-helper.ps1",
        "plenty-service-helper.elv",
    ] {
        assert!(
            files.contains_key(Path::new(name)),
            "{name} missing: {:?}",
            files.keys()
        );
    }
}

#[test]
fn printed_script_equals_file() {
    let env = Env::new();
    for (shell, file) in [
        ("bash", "plenty-service-helper.bash"),
        ("zsh", "_plenty-service-helper"),
        ("fish", "plenty-service-helper.fish"),
        ("powershell", "_plenty-service-helper.ps1"),
        ("elvish", "plenty-service-helper.elv"),
    ] {
        let output = env.command().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}: {}", text(&output.stderr));
        let checked_in = std::fs::read(repo().join("completions").join(file)).unwrap();
        assert!(
            output.stdout == checked_in,
            "{shell} differs from completions/{file}"
        );
    }
}

#[test]
fn completions_need_shell_or_dir() {
    let env = Env::new();
    let output = env.command().arg("completions").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let unknown = env
        .command()
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("tcsh"),
        "{}",
        text(&unknown.stderr)
    );
}

#[test]
fn generation_ignores_broken_config() {
    let env = Env::new();
    let output = env
        .command()
        .env("PSH_ROLE_ID", "three")
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let man = env
        .command()
        .env("PSH_ROLE_ID", "three")
        .arg("man")
        .output()
        .unwrap();
    assert!(man.status.success(), "{}", text(&man.stderr));
    assert!(
        text(&man.stdout).starts_with(".ie"),
        "{}",
        text(&man.stdout)
    );
}

/// Sources the checked-in bash script, completes `words` (the last one is
/// the word under the cursor) and returns the candidates.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = repo().join("completions/plenty-service-helper.bash");
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let current = words.last().unwrap();
    let previous = words[words.len() - 2];
    let program = format!(
        "source '{}'\n\
         COMP_WORDS=({})\n\
         COMP_CWORD={}\n\
         COMP_LINE='{}'\n\
         COMP_POINT=${{#COMP_LINE}}\n\
         $(complete -p plenty-service-helper | grep -o -- '-F [^ ]*' | cut -d' ' -f2) plenty-service-helper '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
    );
    let output = Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout).lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_from_checked_in_file() {
    let commands = bash_complete(&["plenty-service-helper", "ser"]);
    assert_eq!(commands, vec!["serve"]);

    let all = bash_complete(&["plenty-service-helper", ""]);
    for command in [
        "serve",
        "sandbox",
        "setup",
        "ticket",
        "config",
        "outbox",
        "completions",
        "man",
    ] {
        assert!(
            all.iter().any(|c| c == command),
            "{command} missing: {all:?}"
        );
    }

    let options = bash_complete(&["plenty-service-helper", "--l"]);
    assert_eq!(options, vec!["--lang", "--log-format"]);

    let languages = bash_complete(&["plenty-service-helper", "--lang", ""]);
    assert_eq!(languages, vec!["en", "de"]);
}

/// Below the first word: subcommands and options of subcommands, which
/// clap_complete 4.6 gets wrong for a hyphenated program name unless the
/// script is generated under a name without hyphens.
#[test]
fn bash_completes_subcommands() {
    let commands = bash_complete(&["plenty-service-helper", "ticket", "se"]);
    assert_eq!(commands, vec!["send-webhook"]);
    let options = bash_complete(&["plenty-service-helper", "ticket", "preview", "--tem"]);
    assert_eq!(options, vec!["--template"]);
}

fn installed(program: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        println!("skipped: {program} is not installed (Debian package {program})");
    }
    found
}

#[test]
fn zsh_parses_checked_in_file() {
    if !installed("zsh") {
        return;
    }
    let script = repo().join("completions/_plenty-service-helper");
    let output = Command::new("zsh").arg("-n").arg(&script).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let first_line = std::fs::read_to_string(&script).unwrap();
    assert!(
        first_line.starts_with("#compdef plenty-service-helper"),
        "{first_line:.40}"
    );
}

/// Sources the checked-in fish script and returns the candidates for
/// `line`, each without its description.
fn fish_complete(line: &str) -> Vec<String> {
    let script = repo().join("completions/plenty-service-helper.fish");
    let program = format!("source '{}'; complete -C '{line}'", script.display());
    let output = Command::new("fish")
        .args(["--no-config", "-c", &program])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
        .lines()
        .map(|line| line.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn fish_completes_from_checked_in_file() {
    if !installed("fish") {
        return;
    }
    let script = repo().join("completions/plenty-service-helper.fish");
    let parsed = Command::new("fish")
        .arg("--no-execute")
        .arg(&script)
        .output()
        .unwrap();
    assert!(parsed.status.success(), "{}", text(&parsed.stderr));

    assert_eq!(fish_complete("plenty-service-helper ser"), vec!["serve"]);
    assert_eq!(
        fish_complete("plenty-service-helper ticket se"),
        vec!["send-webhook"]
    );
    assert_eq!(
        fish_complete("plenty-service-helper ticket preview --tem"),
        vec!["--template"]
    );
    assert_eq!(
        fish_complete("plenty-service-helper ticket list --output "),
        vec!["json", "table"]
    );
}

#[test]
fn man_renders_checked_in_pages() {
    if !installed("man") {
        return;
    }
    let pages = repo().join("man");
    let output = Command::new("man")
        .arg("-M")
        .arg(&pages)
        .arg("plenty-service-helper-ticket-send-webhook")
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let page = text(&output.stdout);
    assert!(page.contains("--to <URL>"), "{page}");
    assert!(page.contains("running serve"), "{page}");

    let german =
        std::fs::read_to_string(pages.join("de/man1/plenty-service-helper-ticket-preview.1"))
            .unwrap();
    assert!(german.contains("Nachrichtenvorlage"), "{german}");
}

#[test]
fn man_prints_page_in_chosen_language() {
    let env = Env::new();
    let english = env
        .command()
        .args(["--lang", "en", "man"])
        .output()
        .unwrap();
    assert!(english.status.success());
    assert!(text(&english.stdout).contains("Turns plentyMarketplace service purchases"));
    let german = env
        .command()
        .args(["--lang", "de", "man"])
        .output()
        .unwrap();
    assert!(text(&german.stdout).contains("Macht aus Dienstleistungskäufen"));
}
