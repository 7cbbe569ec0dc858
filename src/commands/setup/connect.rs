//! The wizard's first step: address, user name and password, tried by
//! logging in. On failure it shows why and prompts again for the values
//! that were not given as flags.

use crate::app::Context;
use crate::cli::SetupArgs;
use crate::config::{self, Connection, PartialConfig};
use crate::errors::UsageError;
use crate::i18n::{t, tf, Lang};
use crate::plenty::token::TokenCache;
use crate::plenty::{ClientOptions, PlentyClient};
use crate::prompt::Prompter;
use crate::secret::Secret;

/// A working login and what the file should store for it.
pub struct Session {
    pub base_url: String,
    pub username: String,
    /// The password to store; `None` when `password_command` supplies it.
    pub password: Option<Secret>,
    pub password_command: Option<String>,
    pub client: PlentyClient,
}

/// Password for the login, with its source and what the file stores.
struct PasswordSource {
    login: Secret,
    stored: Option<Secret>,
    command: Option<String>,
    asked: bool,
}

/// Asks for the connection values that no flag gives and logs in, until
/// the login works. When nothing was asked, a failed login is returned as
/// the error, since asking again would change nothing.
pub async fn connect(
    ctx: &Context,
    args: &SetupArgs,
    known: &PartialConfig,
    prompter: &Prompter,
) -> anyhow::Result<Session> {
    let lang = ctx.lang;
    let fixed_url = match &args.base_url {
        Some(raw) => Some(flag_base_url(lang, raw)?),
        None => None,
    };
    let mut url_default = known.plentymarkets.base_url.clone();
    let mut user_default = known.plentymarkets.username.clone();
    loop {
        let base_url = match &fixed_url {
            Some(url) => url.clone(),
            None => ask_base_url(prompter, lang, url_default.as_deref())?,
        };
        let username = match &args.username {
            Some(username) => username.clone(),
            None => prompter.ask(
                t(lang, "prompt.username"),
                user_default.as_deref(),
                |text| non_empty(lang, text),
            )?,
        };
        let password = password(ctx, args, known, prompter)?;
        let asked = fixed_url.is_none() || args.username.is_none() || password.asked;

        let connection = Connection {
            base_url: base_url.clone(),
            username: username.clone(),
            password: password.login.clone(),
        };
        // A cached token would hide a wrong password, so the wizard always
        // logs in.
        let options = ClientOptions {
            token_cache: TokenCache::disabled(),
            ..ClientOptions::default()
        };
        let client = PlentyClient::new(&connection, options)?;
        let message = tf(lang, "msg.setup.logging_in", &[("url", &base_url)]);
        match prompter.spin(&message, client.token()).await {
            Ok(_) => {
                prompter.say(&tf(lang, "msg.setup.logged_in", &[("user", &username)]));
                return Ok(Session {
                    base_url,
                    username,
                    password: password.stored,
                    password_command: password.command,
                    client,
                });
            }
            Err(error) if asked => {
                prompter.say(&format!(
                    "{}: {}",
                    t(lang, "label.error"),
                    error.localized(lang)
                ));
                prompter.say(t(lang, "msg.setup.try_again"));
                url_default = Some(base_url);
                user_default = Some(username);
            }
            Err(error) => return Err(error.into()),
        }
    }
}

fn flag_base_url(lang: Lang, raw: &str) -> anyhow::Result<String> {
    config::normalize_base_url(raw).map_err(|reason| {
        UsageError(tf(
            lang,
            "err.setup.base_url_flag",
            &[("value", &raw), ("reason", &reason)],
        ))
        .into()
    })
}

fn ask_base_url(prompter: &Prompter, lang: Lang, default: Option<&str>) -> std::io::Result<String> {
    prompter.say(t(lang, "hint.setup.base_url"));
    prompter.ask(t(lang, "prompt.base_url"), default, |text| {
        config::normalize_base_url(text).map_err(|reason| {
            tf(
                lang,
                "msg.setup.base_url_invalid",
                &[("value", &text), ("reason", &reason)],
            )
        })
    })
}

fn non_empty(lang: Lang, text: &str) -> Result<String, String> {
    if text.is_empty() {
        Err(t(lang, "msg.prompt.empty").to_string())
    } else {
        Ok(text.to_string())
    }
}

/// Takes the password from `--password-command`, then `PSH_PASSWORD`, and
/// prompts for it otherwise. Enter keeps what the existing file contains.
fn password(
    ctx: &Context,
    args: &SetupArgs,
    known: &PartialConfig,
    prompter: &Prompter,
) -> anyhow::Result<PasswordSource> {
    if let Some(command) = &args.password_command {
        return from_command(command);
    }
    if let Some(password) = ctx.env.plentymarkets.password.clone() {
        return Ok(PasswordSource {
            login: password.clone(),
            stored: Some(password),
            command: None,
            asked: false,
        });
    }
    let saved = known
        .plentymarkets
        .password
        .clone()
        .filter(|p| !p.is_empty());
    let saved_command = known.plentymarkets.password_command.clone();
    let has_saved = saved.is_some() || saved_command.is_some();
    let prompt = t(
        ctx.lang,
        if has_saved {
            "prompt.password_keep"
        } else {
            "prompt.password"
        },
    );
    loop {
        let typed = prompter.password(prompt)?;
        if !typed.is_empty() {
            let typed = Secret::new(typed);
            return Ok(PasswordSource {
                login: typed.clone(),
                stored: Some(typed),
                command: None,
                asked: true,
            });
        }
        if let Some(saved) = &saved {
            return Ok(PasswordSource {
                login: saved.clone(),
                stored: Some(saved.clone()),
                command: None,
                asked: true,
            });
        }
        if let Some(command) = &saved_command {
            let mut source = from_command(command)?;
            source.asked = true;
            return Ok(source);
        }
        prompter.say(t(ctx.lang, "msg.prompt.empty"));
    }
}

fn from_command(command: &str) -> anyhow::Result<PasswordSource> {
    let mut layer = PartialConfig::default();
    layer.plentymarkets.password_command = Some(command.to_string());
    let password = config::resolve_password(&layer)?.unwrap_or_default();
    Ok(PasswordSource {
        login: password,
        stored: None,
        command: Some(command.to_string()),
        asked: false,
    })
}
