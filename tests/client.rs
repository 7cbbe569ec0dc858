//! The REST client against the in-process sandbox and small stand-in
//! servers: token reuse, one shared re-login, 429 handling and the errors
//! a wrong base URL produces.

use std::time::Duration;

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{any, post};
use axum::Router;
use plenty_service_helper::config::Connection;
use plenty_service_helper::plenty::token::TokenCache;
use plenty_service_helper::plenty::{ClientOptions, PageKind, PlentyClient, PlentyError};
use plenty_service_helper::sandbox::{self, SandboxOptions};
use plenty_service_helper::secret::Secret;
use tokio::net::TcpListener;

fn options() -> ClientOptions {
    ClientOptions {
        timeout: Duration::from_secs(5),
        token_cache: TokenCache::disabled(),
        ..ClientOptions::default()
    }
}

async fn sandbox_with(options: SandboxOptions) -> (sandbox::Sandbox, PlentyClient) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let connection = Connection {
        base_url: format!("http://{}", listener.local_addr().unwrap()),
        username: options.username.clone(),
        password: options.password.clone(),
    };
    let sandbox = sandbox::spawn(listener, options).unwrap();
    (
        sandbox,
        PlentyClient::new(&connection, self::options()).unwrap(),
    )
}

#[tokio::test]
async fn concurrent_calls_share_one_login() {
    let (sandbox, client) = sandbox_with(SandboxOptions::default()).await;
    let calls = (0..12).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.type_names().await })
    });
    for call in calls {
        assert!(!call.await.unwrap().unwrap().is_empty());
    }
    assert_eq!(client.login_count(), 1);
    assert_eq!(sandbox.stats().logins, 1);
}

#[tokio::test]
async fn rejected_token_relogs_once() {
    let (sandbox, client) = sandbox_with(SandboxOptions::default()).await;
    let token = client.token().await.unwrap();
    let logout = reqwest::Client::new()
        .post(format!("{}/rest/logout", sandbox.base_url))
        .bearer_auth(token.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 200);
    let users = client.users().await.unwrap();
    assert!(users.iter().any(|u| u.user == "mmuster"));
    assert_eq!(client.login_count(), 2);
}

#[tokio::test]
async fn token_cache_reused_across_clients() {
    let dir = tempfile::tempdir().unwrap();
    let (sandbox, _) = sandbox_with(SandboxOptions::default()).await;
    let connection = Connection {
        base_url: sandbox.base_url.clone(),
        username: "sandbox".into(),
        password: Secret::new("sandbox-password"),
    };
    for _ in 0..3 {
        let mut options = options();
        options.token_cache = TokenCache::at(dir.path().join("tokens.json"));
        let client = PlentyClient::new(&connection, options).unwrap();
        client.webstores().await.unwrap();
    }
    assert_eq!(sandbox.stats().logins, 1);
}

#[tokio::test]
async fn wrong_password_named() {
    let (sandbox, _) = sandbox_with(SandboxOptions::default()).await;
    let connection = Connection {
        base_url: sandbox.base_url.clone(),
        username: "sandbox".into(),
        password: Secret::new("nope"),
    };
    let client = PlentyClient::new(&connection, options()).unwrap();
    let error = client.webstores().await.unwrap_err();
    assert!(
        matches!(error, PlentyError::InvalidCredentials { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("/rest/login"));
}

#[tokio::test]
async fn session_limit_reported() {
    let limited = SandboxOptions {
        max_sessions: 1,
        ..SandboxOptions::default()
    };
    let (sandbox, first) = sandbox_with(limited).await;
    first.token().await.unwrap();
    let connection = Connection {
        base_url: sandbox.base_url.clone(),
        username: "sandbox".into(),
        password: Secret::new("sandbox-password"),
    };
    let second = PlentyClient::new(&connection, options()).unwrap();
    let error = second.webstores().await.unwrap_err();
    assert!(
        matches!(error, PlentyError::TooManySessions { .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn spent_budget_waits_instead_of_429() {
    let limited = SandboxOptions {
        read_limit: 3,
        period: Duration::from_secs(2),
        ..SandboxOptions::default()
    };
    let (sandbox, client) = sandbox_with(limited).await;
    for _ in 0..7 {
        client.webstores().await.unwrap();
    }
    assert_eq!(sandbox.stats().throttled, 0, "pacing avoided every 429");
    assert!(client.rate_wait() >= Duration::from_secs(1));
}

#[tokio::test]
async fn injected_429_retried() {
    let mut throttled = SandboxOptions::default();
    throttled.faults.throttle_rate = 0.5;
    throttled.faults.retry_after_secs = 0;
    let (sandbox, client) = sandbox_with(throttled).await;
    let mut ok = 0;
    for _ in 0..10 {
        if client.webstores().await.is_ok() {
            ok += 1;
        }
    }
    assert!(sandbox.stats().faults > 0);
    assert!(ok >= 8, "429 answers are retried: {ok} of 10 succeeded");
}

/// Serves `app` on a free loopback port and returns its base URL.
async fn stand_in(app: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

fn client_for(base_url: String) -> PlentyClient {
    let connection = Connection {
        base_url,
        username: "u".into(),
        password: Secret::new("p"),
    };
    PlentyClient::new(&connection, options()).unwrap()
}

#[tokio::test]
async fn html_shop_front_named() {
    let app = Router::new().route(
        "/{*rest}",
        any(|| async {
            (
                [(header::CONTENT_TYPE, "text/html")],
                "<!doctype html><html>Shop</html>",
            )
        }),
    );
    let error = client_for(stand_in(app).await)
        .webstores()
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            PlentyError::NotJson {
                kind: PageKind::Html,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("HTML page"));
}

#[tokio::test]
async fn redirect_not_followed() {
    let app = Router::new().route(
        "/rest/login",
        post(|| async {
            (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, "https://www.shop.example/rest/login")],
            )
                .into_response()
        }),
    );
    let error = client_for(stand_in(app).await)
        .webstores()
        .await
        .unwrap_err();
    assert!(
        matches!(error, PlentyError::Redirect { ref location, .. } if location.contains("www.shop.example")),
        "{error:?}"
    );
}

#[tokio::test]
async fn forbidden_route_named() {
    let app = Router::new()
        .route(
            "/rest/login",
            post(|| async {
                axum::Json(serde_json::json!({"accessToken": "t", "expiresIn": 86400}))
            }),
        )
        .route(
            "/rest/webstores",
            any(|| async {
                (
                    StatusCode::FORBIDDEN,
                    axum::Json(serde_json::json!({"error": "forbidden"})),
                )
            }),
        );
    let error = client_for(stand_in(app).await)
        .webstores()
        .await
        .unwrap_err();
    assert!(matches!(error, PlentyError::Forbidden { .. }), "{error:?}");
    assert!(error.to_string().contains("/rest/webstores"));
}

#[tokio::test]
async fn snake_case_login_and_timeout() {
    let app = Router::new()
        .route(
            "/rest/login",
            post(|| async {
                axum::Json(serde_json::json!({"access_token": "t", "expires_in": 86400}))
            }),
        )
        .route(
            "/rest/webstores",
            any(|| async {
                tokio::time::sleep(Duration::from_secs(10)).await;
                "[]"
            }),
        );
    let connection = Connection {
        base_url: stand_in(app).await,
        username: "u".into(),
        password: Secret::new("p"),
    };
    let client = PlentyClient::new(
        &connection,
        ClientOptions {
            timeout: Duration::from_millis(300),
            ..options()
        },
    )
    .unwrap();
    let error = client.webstores().await.unwrap_err();
    assert!(matches!(error, PlentyError::Timeout { .. }), "{error:?}");
    assert_eq!(client.login_count(), 1, "the snake_case reply gave a token");
}
