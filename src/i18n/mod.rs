//! Languages of the tool's own text: one message catalogue per language,
//! looked up by key.

mod de;
mod en;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language the tool speaks: for its own messages and for ticket text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    De,
}

impl Lang {
    /// Parses `de`, `en` and locale names such as `de_AT.UTF-8`.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let code = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match code {
            "de" => Some(Lang::De),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language from `LC_ALL`, `LC_MESSAGES` and `LANG`, in the
    /// order POSIX gives them; English when none names a known language.
    pub fn from_locale(lookup: &dyn Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| lookup(var).filter(|value| !value.is_empty()))
            .next()
            .and_then(|value| Lang::parse(&value))
            .unwrap_or(Lang::En)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::De,
            Lang::De => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

fn catalogue(lang: Lang) -> &'static HashMap<&'static str, &'static str> {
    static EN: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static DE: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| en::MESSAGES.iter().copied().collect()),
        Lang::De => DE.get_or_init(|| de::MESSAGES.iter().copied().collect()),
    }
}

/// Returns the message `key` in `lang`. A key missing from the catalogue
/// returns the key itself; a test keeps both catalogues complete.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    catalogue(lang).get(key).copied().unwrap_or(key)
}

/// Returns the message `key` in `lang` with each `{name}` replaced by its
/// argument.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// Every key of a catalogue, for tests that compare them.
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let source = match lang {
        Lang::En => en::MESSAGES,
        Lang::De => de::MESSAGES,
    };
    source.iter().map(|(key, _)| *key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn catalogues_have_same_keys() {
        let en: BTreeSet<_> = keys(Lang::En).into_iter().collect();
        let de: BTreeSet<_> = keys(Lang::De).into_iter().collect();
        let only_en: Vec<_> = en.difference(&de).collect();
        let only_de: Vec<_> = de.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in German: {only_en:?}");
        assert!(only_de.is_empty(), "missing in English: {only_de:?}");
    }

    #[test]
    fn catalogues_have_no_duplicate_keys() {
        for lang in [Lang::En, Lang::De] {
            let all = keys(lang);
            let unique: BTreeSet<_> = all.iter().collect();
            assert_eq!(all.len(), unique.len(), "duplicate key in {lang}");
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        let placeholders = |text: &str| -> BTreeSet<String> {
            text.split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                .collect()
        };
        for key in keys(Lang::En) {
            assert_eq!(
                placeholders(t(Lang::En, key)),
                placeholders(t(Lang::De, key)),
                "placeholders differ for {key}"
            );
        }
    }

    #[test]
    fn every_key_used_in_source_exists() {
        let known: BTreeSet<_> = keys(Lang::En).into_iter().collect();
        let mut missing = Vec::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for file in rust_files(&src) {
            let text = std::fs::read_to_string(&file).unwrap();
            for literal in text.split('"').skip(1).step_by(2) {
                if is_message_key(literal) && !known.contains(literal) {
                    missing.push(format!("{literal} ({})", file.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys used but not in the catalogue: {missing:#?}"
        );
    }

    fn is_message_key(text: &str) -> bool {
        let prefixes = [
            "err.", "msg.", "hint.", "col.", "prompt.", "check.", "help.", "label.",
        ];
        prefixes.iter().any(|prefix| text.starts_with(prefix))
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
            && !text.ends_with('.')
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(rust_files(&path));
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
        files
    }

    #[test]
    fn locale_detection() {
        let lookup = |var: &str| match var {
            "LC_ALL" => Some(String::new()),
            "LANG" => Some("de_CH.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(Lang::from_locale(&lookup), Lang::De);
        assert_eq!(Lang::from_locale(&|_| None), Lang::En);
    }
}
