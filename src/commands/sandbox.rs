//! `sandbox`: a stand-in plentymarkets on loopback.

use std::time::Duration;

use tokio::net::TcpListener;

use crate::app::Context;
use crate::cli::SandboxArgs;
use crate::i18n::tf;
use crate::output;
use crate::sandbox::{self, Faults, SandboxOptions};
use crate::secret::Secret;

pub async fn run(ctx: &Context, args: SandboxArgs) -> anyhow::Result<()> {
    let options = options(&args)?;
    let listener = TcpListener::bind(&args.bind).await.map_err(|error| {
        anyhow::anyhow!(
            "{}: {error}",
            tf(ctx.lang, "err.bind", &[("addr", &args.bind)])
        )
    })?;
    let addr = listener.local_addr()?;
    output::note(&tf(
        ctx.lang,
        "msg.sandbox.listening",
        &[("url", &format!("http://{addr}"))],
    ));
    output::note(&tf(
        ctx.lang,
        "msg.sandbox.credentials",
        &[("user", &args.username), ("password", &args.password)],
    ));
    sandbox::serve(listener, options, super::shutdown_signal()).await?;
    Ok(())
}

fn options(args: &SandboxArgs) -> anyhow::Result<SandboxOptions> {
    for (name, rate) in [
        ("--server-error-rate", args.server_error_rate),
        ("--throttle-rate", args.throttle_rate),
        ("--timeout-rate", args.timeout_rate),
        ("--drop-answer-rate", args.drop_answer_rate),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            return Err(crate::errors::UsageError(format!(
                "{name} {rate}: expected a fraction from 0 to 1"
            ))
            .into());
        }
    }
    Ok(SandboxOptions {
        username: args.username.clone(),
        // The sandbox's own stand-in password, not a secret of any real system.
        password: Secret::new(args.password.clone()),
        max_sessions: args.max_sessions,
        read_limit: args.read_limit,
        write_limit: args.write_limit,
        period: Duration::from_secs(args.period.max(1)),
        token_lifetime: Duration::from_secs(args.token_lifetime.max(1)),
        faults: Faults {
            server_error_rate: args.server_error_rate,
            throttle_rate: args.throttle_rate,
            timeout_rate: args.timeout_rate,
            drop_answer_rate: args.drop_answer_rate,
            latency: Duration::from_millis(args.latency_ms),
            hang: Duration::from_secs(args.hang),
            retry_after_secs: args.retry_after,
            forbidden_routes: args.forbidden_routes.clone(),
        },
    })
}
