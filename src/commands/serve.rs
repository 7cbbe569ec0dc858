//! `serve`: the webhook receiver with its outbox and delivery worker.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::app::Context;
use crate::cli::ServeArgs;
use crate::config::{
    self, Connection, DeliverySettings, MessageType, PartialConfig, TicketSettings, WebhookSettings,
};
use crate::i18n::{tf, Lang};
use crate::listen;
use crate::metrics::Metrics;
use crate::outbox::{self, now_ms, Outbox};
use crate::output;
use crate::plenty::token::TokenCache;
use crate::plenty::{ClientOptions, PlentyClient};
use crate::sandbox::{self, SandboxOptions};
use crate::server::{self, AppState};
use crate::webhook_auth::WebhookAuth;
use crate::worker::{Worker, WorkerHandle};

/// Everything `serve` runs with, from the configuration or the sandbox.
struct Plan {
    connection: Connection,
    ticket: TicketSettings,
    webhook: WebhookSettings,
    delivery: DeliverySettings,
    outbox_path: PathBuf,
    /// True when the outbox is a throwaway file made for this run.
    outbox_is_temporary: bool,
    token_cache: TokenCache,
}

pub async fn run(ctx: &Context, args: ServeArgs) -> anyhow::Result<()> {
    let mut flags = PartialConfig::default();
    flags.webhook.bind = args.bind.clone();
    flags.delivery.outbox_path = args.outbox.as_ref().map(|p| p.display().to_string());
    flags.webhook.tls_cert = args.tls_cert.clone();
    flags.webhook.tls_key = args.tls_key.clone();
    let plan = if args.sandbox {
        sandbox_plan(ctx, flags).await?
    } else {
        config_plan(ctx, flags)?
    };

    let outbox_lock = outbox::lock_exclusive(&plan.outbox_path).map_err(|error| {
        anyhow::anyhow!(
            "{}: {error}",
            tf(
                ctx.lang,
                "err.outbox.in_use",
                &[("path", &plan.outbox_path.display())]
            )
        )
    })?;
    let outbox = Outbox::open(&plan.outbox_path)?;
    let metrics = Metrics::new();
    let client = PlentyClient::new(
        &plan.connection,
        ClientOptions {
            timeout: plan.delivery.plenty_timeout,
            max_retry_after: plan.delivery.policy.max_retry_after,
            token_cache: plan.token_cache.clone(),
            metrics: Some(metrics.clone()),
            ..ClientOptions::default()
        },
    )?;
    let webhook = &plan.webhook;
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
    output::note(&tf(ctx.lang, "msg.serve.listening", &[("url", &url)]));
    if args.sandbox {
        output::note(&tf(ctx.lang, "msg.serve.try", &[("url", &url)]));
    }
    if webhook.secret.is_some() {
        output::note(crate::i18n::t(ctx.lang, "msg.serve.secret_required"));
    }
    tracing::info!(
        addr = %addr,
        path = %webhook.path,
        outbox = %plan.outbox_path.display(),
        tls = tls.is_some(),
        secret = webhook.secret.is_some(),
        signatures = webhook.signing_key.is_some(),
        "serving webhook"
    );

    let (stop_sender, stop) = watch::channel(false);
    let handle = WorkerHandle::default();
    let worker = Worker {
        outbox: outbox.clone(),
        client: client.clone(),
        ticket: plan.ticket.clone(),
        policy: plan.delivery.policy.clone(),
        handle: handle.clone(),
        metrics: metrics.clone(),
        poll: Duration::from_secs(1),
        repeats: Default::default(),
    };
    let worker_task = tokio::spawn(worker.run(stop.clone()));
    let retention_task = tokio::spawn(keep_retention(
        outbox.clone(),
        plan.delivery.retention,
        stop.clone(),
    ));

    crate::guard::install_panic_hook();
    let limits = plan.webhook.limits;
    let state = AppState {
        outbox,
        worker: handle,
        deadline: plan.delivery.deadline,
        body_limit: limits.max_body_bytes,
        metrics,
        client,
        auth: Arc::new(WebhookAuth::new(
            plan.webhook.secret.clone(),
            plan.webhook.signing_key.clone(),
        )),
        limits,
    };
    let app = server::router(state, &plan.webhook.path);
    listen::serve(listener, app, limits, tls, super::shutdown_signal()).await?;

    // Intake has stopped; let the worker finish the step in flight.
    let _ = stop_sender.send(true);
    let _ = worker_task.await;
    let _ = retention_task.await;
    if plan.outbox_is_temporary {
        drop(outbox_lock);
        remove_database(&plan.outbox_path);
    }
    tracing::info!("stopped");
    Ok(())
}

fn config_plan(ctx: &Context, flags: PartialConfig) -> anyhow::Result<Plan> {
    let merged = ctx.layered_with_file(flags)?;
    let password = config::resolve_password(&merged)?;
    let settings = merged.settings(password)?;
    let outbox_path = match settings.delivery.outbox_path.clone() {
        Some(path) => path,
        None => outbox::default_path()
            .ok_or_else(|| anyhow::anyhow!("no data directory found; set delivery.outbox_path"))?,
    };
    Ok(Plan {
        connection: settings.connection,
        ticket: settings.ticket,
        webhook: settings.webhook,
        delivery: settings.delivery,
        outbox_path,
        outbox_is_temporary: false,
        token_cache: TokenCache::platform(),
    })
}

/// Starts the sandbox in this process and a plan that points at it, so
/// `serve --sandbox` needs no file and no account. Its outbox is a fresh
/// file removed at exit, since the sandbox forgets its tickets too.
async fn sandbox_plan(ctx: &Context, flags: PartialConfig) -> anyhow::Result<Plan> {
    let options = SandboxOptions::default();
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let sandbox = sandbox::spawn(listener, options.clone())?;
    output::note(&tf(
        ctx.lang,
        "msg.serve.sandbox",
        &[("url", &sandbox.base_url), ("user", &options.username)],
    ));
    let layered = flags.over(ctx.env.clone());
    let (outbox_path, outbox_is_temporary) = match layered.delivery.outbox_path.clone() {
        Some(path) => (PathBuf::from(path), false),
        None => {
            let dir = crate::paths::data_dir().unwrap_or_else(std::env::temp_dir);
            (
                dir.join(format!("sandbox-outbox-{}.sqlite3", std::process::id())),
                true,
            )
        }
    };
    Ok(Plan {
        connection: Connection {
            base_url: sandbox.base_url.clone(),
            username: options.username.clone(),
            password: options.password.clone(),
        },
        ticket: TicketSettings {
            plenty_id: 1000,
            type_id: 4,
            status_id: 11,
            role_id: 3,
            owner_ids: vec![7, 12],
            message_type: MessageType::Message,
            message_language: Lang::De,
            message_template: layered.message_template()?,
        },
        webhook: layered.webhook_settings()?,
        delivery: layered.delivery_settings()?,
        outbox_path,
        outbox_is_temporary,
        token_cache: TokenCache::disabled(),
    })
}

fn remove_database(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm", ".lock"] {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Deletes the payloads of finished events once they are older than the
/// retention period: at start and then every hour.
async fn keep_retention(outbox: Outbox, retention: Duration, mut stop: watch::Receiver<bool>) {
    loop {
        let before = now_ms() - retention.as_millis() as i64;
        match outbox.drop_payloads(before).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "payloads past the retention period deleted"),
            Err(error) => tracing::error!(%error, "payload retention failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = stop.changed() => return,
        }
    }
}
