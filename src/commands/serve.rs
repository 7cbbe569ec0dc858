//! `serve`: the webhook receiver.

use std::sync::Arc;

use tokio::net::TcpListener;

use crate::app::Context;
use crate::cli::ServeArgs;
use crate::config::{self, MessageType, PartialConfig, TicketSettings};
use crate::i18n::{tf, Lang};
use crate::listen;
use crate::plenty::token::TokenCache;
use crate::plenty::{ClientOptions, PlentyClient};
use crate::sandbox::{self, SandboxOptions};
use crate::server::{self, AppState};
use crate::webhook_auth::WebhookAuth;

pub async fn run(ctx: &Context, args: ServeArgs) -> anyhow::Result<()> {
    let mut flags = PartialConfig::default();
    flags.webhook.bind = args.bind.clone();
    flags.webhook.tls_cert = args.tls_cert.clone();
    flags.webhook.tls_key = args.tls_key.clone();
    let (client, ticket, webhook) = if args.sandbox {
        with_sandbox(ctx, flags).await?
    } else {
        let merged = ctx.layered_with_file(flags)?;
        let password = config::resolve_password(&merged)?;
        let settings = merged.settings(password)?;
        let client = PlentyClient::new(&settings.connection, ClientOptions::default())?;
        (client, settings.ticket, settings.webhook)
    };

    let tls = match &webhook.tls {
        Some(files) => Some(listen::load_tls(files)?),
        None => None,
    };
    let listener = TcpListener::bind(webhook.bind).await.map_err(|error| {
        anyhow::anyhow!(
            "{}: {error}",
            tf(ctx.lang, "err.bind", &[("addr", &webhook.bind)])
        )
    })?;
    let addr = listener.local_addr()?;
    let scheme = if tls.is_some() { "https" } else { "http" };
    let url = format!("{scheme}://{addr}{}", webhook.path);
    println!("{}", tf(ctx.lang, "msg.serve.listening", &[("url", &url)]));
    if args.sandbox {
        println!("{}", tf(ctx.lang, "msg.serve.try", &[("url", &url)]));
    }
    if webhook.secret.is_some() {
        println!("{}", crate::i18n::t(ctx.lang, "msg.serve.secret_required"));
    }
    tracing::info!(
        addr = %addr,
        path = %webhook.path,
        tls = tls.is_some(),
        secret = webhook.secret.is_some(),
        signatures = webhook.signing_key.is_some(),
        "serving webhook"
    );

    crate::guard::install_panic_hook();
    let limits = webhook.limits;
    let state = AppState {
        client,
        ticket,
        body_limit: limits.max_body_bytes,
        auth: Arc::new(WebhookAuth::new(webhook.secret, webhook.signing_key)),
        limits,
    };
    let app = server::router(state, &webhook.path);
    listen::serve(listener, app, limits, tls, super::shutdown_signal()).await?;
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
