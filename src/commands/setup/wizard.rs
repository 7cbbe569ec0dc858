//! The interactive `setup`: one step after the other, each skipped where
//! a flag gives its value, then a summary, a confirmation and the file.

use std::net::SocketAddr;

use super::choose::{self, Choice};
use super::connect::{self, Session};
use crate::app::Context;
use crate::cli::SetupArgs;
use crate::config::{self, MessageType, PartialConfig};
use crate::i18n::{t, tf, Lang};
use crate::output;
use crate::prompt::{Mode, Prompter};
use crate::secret::REDACTED;

/// Steps the wizard counts in its headings.
const STEPS: usize = 7;

/// Everything the wizard asked or took from flags.
struct Answers {
    session: Session,
    plenty_id: Choice,
    type_id: Choice,
    status_id: Choice,
    role_id: Choice,
    owners: Vec<Choice>,
    message_type: MessageType,
    message_language: Lang,
    bind: String,
    path: String,
}

pub async fn run(ctx: &Context, args: SetupArgs) -> anyhow::Result<()> {
    let prompter = Prompter::new(ctx.lang, Mode::detect());
    match ask_and_write(ctx, &args, &prompter).await {
        Err(error) if is_end_of_input(&error) => {
            Err(anyhow::anyhow!(t(ctx.lang, "err.setup.cancelled")))
        }
        other => other,
    }
}

fn is_end_of_input(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::UnexpectedEof)
    })
}

async fn ask_and_write(ctx: &Context, args: &SetupArgs, prompter: &Prompter) -> anyhow::Result<()> {
    let lang = ctx.lang;
    prompter.say(t(lang, "msg.setup.intro"));
    let Some(replace) = may_replace(ctx, args, prompter)? else {
        prompter.say(t(lang, "msg.setup.unchanged"));
        return Ok(());
    };
    // Values already set, by the environment or the existing file, are
    // offered as defaults.
    let known = ctx.env.clone().over(ctx.file.clone().unwrap_or_default());
    let answers = ask(ctx, args, &known, prompter).await?;
    // Settings the wizard does not ask for (secrets, limits, delivery) stay
    // as the existing file has them.
    let mut config = to_config(&answers).over(ctx.file.clone().unwrap_or_default());
    if args.generate_secret {
        config.webhook.secret = Some(config::generate_secret());
    }
    config.settings(config::resolve_password(&config)?)?;

    heading(prompter, lang, 7, "msg.setup.step.summary");
    prompter.say(&summary(lang, &answers));
    let confirmed = prompter.confirm(t(lang, "prompt.write"), true)?;
    if let Err(error) = answers.session.client.logout().await {
        tracing::debug!(%error, "logout after setup failed");
    }
    if !confirmed {
        prompter.say(t(lang, "msg.setup.unchanged"));
        return Ok(());
    }
    super::write(ctx, &config, replace)?;
    match config.webhook.secret.as_ref() {
        Some(secret) => prompter.say(&tf(
            lang,
            "msg.setup.webhook_url",
            &[("path", &answers.path), ("secret", &secret.expose())],
        )),
        None => prompter.say(&tf(
            lang,
            "msg.setup.webhook_url_plain",
            &[("path", &answers.path)],
        )),
    }
    if args.validate || prompter.confirm(t(lang, "prompt.validate"), true)? {
        return super::validate_written(ctx, config).await;
    }
    Ok(())
}

/// Decides whether an existing file may be replaced: `Some(false)` when
/// there is none, `Some(true)` with `--force` or a yes, `None` for a no.
fn may_replace(
    ctx: &Context,
    args: &SetupArgs,
    prompter: &Prompter,
) -> anyhow::Result<Option<bool>> {
    if !ctx.config_path.exists() {
        return Ok(Some(false));
    }
    if args.force {
        return Ok(Some(true));
    }
    let question = tf(
        ctx.lang,
        "prompt.replace",
        &[("path", &ctx.config_path.display())],
    );
    Ok(prompter.confirm(&question, false)?.then_some(true))
}

fn heading(prompter: &Prompter, lang: Lang, number: usize, key: &'static str) {
    prompter.say("");
    prompter.say(&tf(
        lang,
        "msg.setup.step",
        &[
            ("number", &number),
            ("total", &STEPS),
            ("title", &t(lang, key)),
        ],
    ));
}

async fn ask(
    ctx: &Context,
    args: &SetupArgs,
    known: &PartialConfig,
    prompter: &Prompter,
) -> anyhow::Result<Answers> {
    let lang = ctx.lang;
    let ticket = &known.ticket;

    heading(prompter, lang, 1, "msg.setup.step.login");
    let session = connect::connect(ctx, args, known, prompter).await?;
    let client = &session.client;

    heading(prompter, lang, 2, "msg.setup.step.plenty_id");
    let plenty_id = match args.plenty_id {
        Some(id) => Choice::bare(id),
        None => choose::plenty_id(prompter, lang, client, ticket.plenty_id).await?,
    };

    heading(prompter, lang, 3, "msg.setup.step.type_status");
    let type_id = match args.type_id {
        Some(id) => Choice::bare(id),
        None => choose::ticket_type(prompter, lang, client, ticket.type_id).await?,
    };
    let status_id = match args.status_id {
        Some(id) => Choice::bare(id),
        None => choose::status(prompter, lang, client, type_id.id, ticket.status_id).await?,
    };

    heading(prompter, lang, 4, "msg.setup.step.role");
    let role_id = match args.role_id {
        Some(id) => Choice::bare(id),
        None => choose::role(prompter, lang, client, ticket.role_id).await?,
    };

    heading(prompter, lang, 5, "msg.setup.step.owners");
    let owners = if args.owner_ids.is_empty() {
        let known_owners = ticket.owner_ids.clone().unwrap_or_default();
        choose::owners(prompter, lang, client, &known_owners).await?
    } else {
        args.owner_ids.iter().copied().map(Choice::bare).collect()
    };

    heading(prompter, lang, 6, "msg.setup.step.message_webhook");
    let message_type = match args.message_type {
        Some(kind) => kind,
        None => ask_message_type(prompter, lang, ticket.message_type)?,
    };
    let message_language = match args.message_language {
        Some(language) => language,
        None => ask_message_language(prompter, lang, ticket.message_language)?,
    };
    let bind = match &args.bind {
        Some(bind) => bind.clone(),
        None => ask_bind(prompter, lang, known.webhook.bind.as_deref())?,
    };
    let path = match &args.webhook_path {
        Some(path) => config::normalize_webhook_path(path).unwrap_or_else(|_| path.clone()),
        None => ask_path(prompter, lang, known.webhook.path.as_deref())?,
    };

    Ok(Answers {
        session,
        plenty_id,
        type_id,
        status_id,
        role_id,
        owners,
        message_type,
        message_language,
        bind,
        path,
    })
}

fn ask_message_type(
    prompter: &Prompter,
    lang: Lang,
    known: Option<MessageType>,
) -> std::io::Result<MessageType> {
    let items = [
        t(lang, "prompt.message_type.message").to_string(),
        t(lang, "prompt.message_type.comment").to_string(),
    ];
    let default = usize::from(known == Some(MessageType::Comment));
    let index = prompter.select(t(lang, "prompt.message_type"), &items, default)?;
    Ok(if index == 1 {
        MessageType::Comment
    } else {
        MessageType::Message
    })
}

fn ask_message_language(
    prompter: &Prompter,
    lang: Lang,
    known: Option<Lang>,
) -> std::io::Result<Lang> {
    let items = ["Deutsch (de)".to_string(), "English (en)".to_string()];
    let default = usize::from(known == Some(Lang::En));
    let index = prompter.select(t(lang, "prompt.message_language"), &items, default)?;
    Ok(if index == 1 { Lang::En } else { Lang::De })
}

fn ask_bind(prompter: &Prompter, lang: Lang, known: Option<&str>) -> std::io::Result<String> {
    prompter.say(t(lang, "hint.setup.bind"));
    let default = known.unwrap_or(config::DEFAULT_BIND);
    prompter.ask(t(lang, "prompt.bind"), Some(default), |text| {
        text.parse::<SocketAddr>()
            .map(|addr| addr.to_string())
            .map_err(|_| tf(lang, "msg.setup.bind_invalid", &[("value", &text)]))
    })
}

fn ask_path(prompter: &Prompter, lang: Lang, known: Option<&str>) -> std::io::Result<String> {
    let default = known.unwrap_or(config::DEFAULT_WEBHOOK_PATH);
    prompter.ask(t(lang, "prompt.webhook_path"), Some(default), |text| {
        config::normalize_webhook_path(text).map_err(|reason| {
            tf(
                lang,
                "msg.setup.path_invalid",
                &[("value", &text), ("reason", &reason)],
            )
        })
    })
}

fn to_config(answers: &Answers) -> PartialConfig {
    let session = &answers.session;
    let mut config = PartialConfig::default();
    config.plentymarkets.base_url = Some(session.base_url.clone());
    config.plentymarkets.username = Some(session.username.clone());
    config.plentymarkets.password = session.password.clone();
    config.plentymarkets.password_command = session.password_command.clone();
    config.ticket.plenty_id = Some(answers.plenty_id.id);
    config.ticket.type_id = Some(answers.type_id.id);
    config.ticket.status_id = Some(answers.status_id.id);
    config.ticket.role_id = Some(answers.role_id.id);
    config.ticket.owner_ids = Some(answers.owners.iter().map(|owner| owner.id).collect());
    config.ticket.message_type = Some(answers.message_type);
    config.ticket.message_language = Some(answers.message_language);
    config.webhook.bind = Some(answers.bind.clone());
    config.webhook.path = Some(answers.path.clone());
    config
}

/// Renders the values about to be written, with names where plentymarkets
/// listed them and the password hidden.
fn summary(lang: Lang, answers: &Answers) -> String {
    let session = &answers.session;
    let password = match &session.password_command {
        Some(command) => format!("password_command: {command}"),
        None => REDACTED.to_string(),
    };
    let owners: Vec<&str> = answers.owners.iter().map(|o| o.label.as_str()).collect();
    let rows = [
        ("plentymarkets.base_url", session.base_url.clone()),
        ("plentymarkets.username", session.username.clone()),
        ("plentymarkets.password", password),
        ("ticket.plenty_id", answers.plenty_id.label.clone()),
        ("ticket.type_id", answers.type_id.label.clone()),
        ("ticket.status_id", answers.status_id.label.clone()),
        ("ticket.role_id", answers.role_id.label.clone()),
        ("ticket.owner_ids", owners.join(", ")),
        (
            "ticket.message_type",
            answers.message_type.as_str().to_string(),
        ),
        (
            "ticket.message_language",
            answers.message_language.code().to_string(),
        ),
        ("webhook.bind", answers.bind.clone()),
        ("webhook.path", answers.path.clone()),
    ];
    let mut table = output::table(vec![t(lang, "col.key"), t(lang, "col.value")]);
    for (key, value) in rows {
        table.add_row(vec![key.to_string(), value]);
    }
    table.to_string()
}
