//! `serve`: the webhook receiver.

use tokio::net::TcpListener;

use crate::app::Context;
use crate::cli::ServeArgs;
use crate::config::{self, MessageType, PartialConfig, TicketSettings};
use crate::i18n::{tf, Lang};
use crate::plenty::token::TokenCache;
use crate::plenty::{ClientOptions, PlentyClient};
use crate::sandbox::{self, SandboxOptions};
use crate::server::{self, AppState, DEFAULT_BODY_LIMIT};

pub async fn run(ctx: &Context, args: ServeArgs) -> anyhow::Result<()> {
    let mut flags = PartialConfig::default();
    flags.webhook.bind = args.bind.clone();
    let (client, ticket, webhook) = if args.sandbox {
        with_sandbox(ctx, flags).await?
    } else {
        let merged = ctx.layered_with_file(flags)?;
        let password = config::resolve_password(&merged)?;
        let settings = merged.settings(password)?;
        let client = PlentyClient::new(&settings.connection, ClientOptions::default())?;
        (client, settings.ticket, settings.webhook)
    };

    let listener = TcpListener::bind(webhook.bind).await.map_err(|error| {
        anyhow::anyhow!(
            "{}: {error}",
            tf(ctx.lang, "err.bind", &[("addr", &webhook.bind)])
        )
    })?;
    let addr = listener.local_addr()?;
    let url = format!("http://{addr}{}", webhook.path);
    println!("{}", tf(ctx.lang, "msg.serve.listening", &[("url", &url)]));
    if args.sandbox {
        println!("{}", tf(ctx.lang, "msg.serve.try", &[("url", &url)]));
    }
    tracing::info!(addr = %addr, path = %webhook.path, "serving webhook");

    let state = AppState {
        client,
        ticket,
        body_limit: DEFAULT_BODY_LIMIT,
    };
    server::run(
        listener,
        server::router(state, &webhook.path),
        super::shutdown_signal(),
    )
    .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Starts the sandbox in this process and a configuration that points at
/// it, so `serve --sandbox` needs no file and no account.
async fn with_sandbox(
    ctx: &Context,
    flags: PartialConfig,
) -> anyhow::Result<(PlentyClient, TicketSettings, config::WebhookSettings)> {
    let options = SandboxOptions::default();
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let sandbox = sandbox::spawn(listener, options.clone())?;
    println!(
        "{}",
        tf(
            ctx.lang,
            "msg.serve.sandbox",
            &[("url", &sandbox.base_url), ("user", &options.username)]
        )
    );
    let connection = config::Connection {
        base_url: sandbox.base_url.clone(),
        username: options.username.clone(),
        password: options.password.clone(),
    };
    let client = PlentyClient::new(
        &connection,
        ClientOptions {
            token_cache: TokenCache::disabled(),
            ..ClientOptions::default()
        },
    )?;
    let ticket = TicketSettings {
        plenty_id: 1000,
        type_id: 4,
        status_id: 11,
        role_id: 3,
        owner_ids: vec![7, 12],
        message_type: MessageType::Message,
        message_language: Lang::De,
    };
    let webhook = flags.over(ctx.env.clone()).webhook_settings()?;
    Ok((client, ticket, webhook))
}
