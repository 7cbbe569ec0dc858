//! Property tests: arbitrary bytes and arbitrary JSON into the event
//! parser and through the HTTP handler, in process, against an in-process
//! sandbox. Nothing may panic, every response is 2xx or 4xx, and only a
//! valid event gets a 2xx.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use plenty_service_helper::config::{self, MessageType, ServerLimits, TicketSettings};
use plenty_service_helper::event;
use plenty_service_helper::i18n::Lang;
use plenty_service_helper::metrics::Metrics;
use plenty_service_helper::outbox::schedule::RetryPolicy;
use plenty_service_helper::outbox::Outbox;
use plenty_service_helper::plenty::token::TokenCache;
use plenty_service_helper::plenty::{ClientOptions, PlentyClient};
use plenty_service_helper::sandbox::{self, SandboxOptions};
use plenty_service_helper::server::{self, AppState};
use plenty_service_helper::ticket;
use plenty_service_helper::webhook_auth::WebhookAuth;
use plenty_service_helper::worker::{Worker, WorkerHandle};
use proptest::collection::{hash_map, vec};
use proptest::prelude::*;
use serde_json::{json, Value};
use tower::ServiceExt as _;

const PATH: &str = "/service/tickets";

fn settings() -> TicketSettings {
    TicketSettings {
        plenty_id: 1000,
        type_id: 4,
        status_id: 11,
        role_id: 3,
        owner_ids: vec![7],
        message_type: MessageType::Message,
        message_language: Lang::De,
        message_template: plenty_service_helper::template::MessageTemplate::built_in(),
    }
}

/// Returns one runtime and one router shared by all cases, so each case costs a request
/// and not a sandbox start.
fn harness() -> &'static (tokio::runtime::Runtime, Router) {
    static HARNESS: OnceLock<(tokio::runtime::Runtime, Router)> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let router = runtime.block_on(async {
            let options = SandboxOptions {
                read_limit: 1_000_000,
                write_limit: 1_000_000,
                ..SandboxOptions::default()
            };
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let sandbox = sandbox::spawn(listener, options.clone()).unwrap();
            let connection = config::Connection {
                base_url: sandbox.base_url.clone(),
                username: options.username.clone(),
                password: options.password.clone(),
            };
            let client_options = ClientOptions {
                token_cache: TokenCache::disabled(),
                ..ClientOptions::default()
            };
            let limits = ServerLimits::default();
            let client = PlentyClient::new(&connection, client_options).unwrap();
            let dir = Box::leak(Box::new(tempfile::tempdir().unwrap()));
            let outbox = Outbox::open(&dir.path().join("outbox.sqlite3")).unwrap();
            let metrics = Metrics::new();
            let handle = WorkerHandle::default();
            let worker = Worker {
                outbox: outbox.clone(),
                client: client.clone(),
                ticket: settings(),
                policy: RetryPolicy::default(),
                handle: handle.clone(),
                metrics: metrics.clone(),
                poll: Duration::from_secs(1),
                repeats: Default::default(),
            };
            let (_stop, stop) = tokio::sync::watch::channel(false);
            Box::leak(Box::new(_stop));
            tokio::spawn(worker.run(stop));
            let state = AppState {
                outbox,
                worker: handle,
                deadline: Duration::from_secs(2),
                body_limit: limits.max_body_bytes,
                metrics,
                client,
                auth: Arc::new(WebhookAuth::default()),
                limits,
            };
            server::router(state, PATH)
        });
        (runtime, router)
    })
}

/// Sends `body` with `content_type` and returns the status code.
fn post(content_type: Option<&str>, body: Vec<u8>) -> u16 {
    let (runtime, router) = harness();
    let mut request = Request::post(PATH);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let request = request.body(Body::from(body)).unwrap();
    let response = runtime.block_on(router.clone().oneshot(request)).unwrap();
    response.status().as_u16()
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            hash_map(any::<String>(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Generates a field value: mostly text, sometimes a number, null or another type.
fn field() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => any::<String>().prop_map(Value::String),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => Just(json!([])),
    ]
}

/// JSON shaped like a purchase event, with arbitrary values in its fields,
/// so cases reach the deeper checks and ticket building.
fn event_like() -> impl Strategy<Value = Value> {
    let variation = prop_oneof![
        3 => (0i64..100_000).prop_map(Value::from),
        1 => field(),
    ];
    let price = || {
        prop_oneof![
            2 => (0i64..10_000_000, 0u32..5).prop_map(|(units, scale)| {
                Value::from(units as f64 / 10f64.powi(scale as i32))
            }),
            1 => field(),
        ]
    };
    let item = (variation, field(), price(), price())
        .prop_map(|(variation, name, net, gross)| {
            json!({"itemVariationId": variation, "orderItemName": name, "priceNet": net, "priceGross": gross})
        });
    let event_type = prop_oneof![
        4 => Just(Value::from(event::PURCHASE_TYPE)),
        1 => field(),
    ];
    let order_id = prop_oneof![
        3 => (1i64..10_000_000).prop_map(Value::from),
        1 => field(),
    ];
    (
        field(),
        event_type,
        (field(), field(), field(), field()),
        order_id,
        field(),
        vec(item, 0..4),
    )
        .prop_map(|(id, kind, (gender, first, last, email), order_id, paypal, items)| {
            json!({
                "id": id, "type": kind, "createdAt": 1735725600,
                "resource": {
                    "contact": {"gender": gender, "firstName": first, "lastName": last, "email": email},
                    "order": {"id": order_id, "payPalTransactionId": paypal, "orderItems": items}
                }
            })
        })
}

/// Content types a sender might use; only the first three are accepted.
const CONTENT_TYPES: [Option<&str>; 7] = [
    Some("application/json"),
    Some("application/json; charset=utf-8"),
    None,
    Some("text/plain"),
    Some("application/json; charset=iso-8859-1"),
    Some("application/x-www-form-urlencoded"),
    Some("multipart/form-data; boundary=x"),
];

/// Checks the parser on its own, then what `serve` builds from a valid event.
fn check_parse(bytes: &[u8]) {
    if let Ok(parsed) = event::parse(bytes) {
        let ticket = ticket::build_ticket(&parsed, &settings());
        assert!(ticket.title.chars().count() <= ticket::MAX_TITLE_CHARS);
        assert!(!ticket.title.chars().any(char::is_control));
        let message = ticket::build_message(&parsed, &settings());
        assert!(message.text.starts_with("<strong>"));
    }
}

fn check_answer(status: u16, accepted_type: bool, bytes: &[u8]) {
    assert!(
        (200..300).contains(&status) || (400..500).contains(&status),
        "status {status}"
    );
    let valid = event::parse(bytes).is_ok();
    if (200..300).contains(&status) {
        assert!(valid, "2xx for an invalid event");
    }
    if valid && accepted_type {
        assert_eq!(status, 200, "a valid event was not delivered");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_arbitrary_bytes(bytes in vec(any::<u8>(), 0..512)) {
        check_parse(&bytes);
    }

    #[test]
    fn parse_arbitrary_json(value in json_value()) {
        check_parse(value.to_string().as_bytes());
    }

    #[test]
    fn parse_event_like_json(value in event_like()) {
        check_parse(value.to_string().as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn handler_arbitrary_bytes(bytes in vec(any::<u8>(), 0..512), type_index in 0..CONTENT_TYPES.len()) {
        let status = post(CONTENT_TYPES[type_index], bytes.clone());
        check_answer(status, type_index < 3, &bytes);
    }

    #[test]
    fn handler_arbitrary_json(value in json_value(), type_index in 0..CONTENT_TYPES.len()) {
        let bytes = value.to_string().into_bytes();
        let status = post(CONTENT_TYPES[type_index], bytes.clone());
        check_answer(status, type_index < 3, &bytes);
    }

    #[test]
    fn handler_event_like_json(value in event_like()) {
        let bytes = value.to_string().into_bytes();
        let status = post(Some("application/json"), bytes.clone());
        check_answer(status, true, &bytes);
    }
}
