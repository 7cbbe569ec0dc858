//! Route handlers of the sandbox.

// Handlers return an early `Response` as their error; it is built once per
// request, so boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request, State as AxumState};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rand::Rng;
use serde_json::{json, Value};

use super::state::Session;
use super::Shared;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Read,
    Write,
}

/// A call that passed authentication, rate limits and fault injection.
struct Admitted {
    headers: HeaderMap,
    drop_answer: bool,
}

fn error(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

/// Checks the token, counts the call against its rate window and rolls the
/// configured faults.
async fn admit(state: &Shared, headers: &HeaderMap, kind: Kind) -> Result<Admitted, Response> {
    let (latency, hang, faults) = {
        let state = state.lock().expect("sandbox state");
        (
            state.options.faults.latency,
            state.options.faults.hang,
            state.options.faults.clone(),
        )
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }

    let rate_headers = {
        let mut state = state.lock().expect("sandbox state");
        let now = Instant::now();
        let valid = bearer(headers)
            .and_then(|token| state.sessions.get(token))
            .is_some_and(|session| session.expires_at > now);
        if !valid {
            return Err(error(
                StatusCode::UNAUTHORIZED,
                json!({"error": "unauthenticated", "message": "The resource owner or authorization server denied the request."}),
            ));
        }
        let (limit, period) = match kind {
            Kind::Read => (state.options.read_limit, state.options.period),
            Kind::Write => (state.options.write_limit, state.options.period),
        };
        let window = match kind {
            Kind::Read => &mut state.reads,
            Kind::Write => &mut state.writes,
        };
        match window.take(limit, period, now) {
            Ok((left, decay)) => {
                let elapsed = state.elapsed_ms();
                match kind {
                    Kind::Read => state.stats.reads += 1,
                    Kind::Write => {
                        state.stats.writes += 1;
                        state.stats.first_write_at_ms.get_or_insert(elapsed);
                        state.stats.last_write_at_ms = Some(elapsed);
                    }
                }
                rate_limit_headers(limit, left, decay)
            }
            Err(decay) => {
                state.stats.throttled += 1;
                let what = if kind == Kind::Read { "read" } else { "write" };
                let mut response = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    json!({"error": format!("short period {what} limit reached"), "message": format!("short period {what} limit reached")}),
                );
                let mut headers = rate_limit_headers(limit, 0, decay);
                headers.insert("retry-after", HeaderValue::from(decay));
                response.headers_mut().extend(headers);
                return Err(response);
            }
        }
    };

    let fault = roll_fault(&faults, kind);
    if fault.is_some() {
        count_fault(state);
    }
    match fault {
        Some(Fault::ServerError(status)) => {
            return Err(error(
                status,
                json!({"error": {"message": "injected server error"}}),
            ));
        }
        Some(Fault::Throttle) => {
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                json!({"error": "short period write limit reached"}),
            );
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from(faults.retry_after_secs));
            return Err(response);
        }
        Some(Fault::Hang) => {
            tokio::time::sleep(hang).await;
            return Err(error(
                StatusCode::GATEWAY_TIMEOUT,
                json!({"error": {"message": "injected timeout"}}),
            ));
        }
        Some(Fault::DropAnswer) | None => {}
    }
    let drop_answer = fault == Some(Fault::DropAnswer);
    Ok(Admitted {
        headers: rate_headers,
        drop_answer,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fault {
    ServerError(StatusCode),
    Throttle,
    Hang,
    DropAnswer,
}

/// Picks at most one fault for a call; the random generator is dropped
/// before any await, since it is not `Send`.
fn roll_fault(faults: &super::Faults, kind: Kind) -> Option<Fault> {
    let mut rng = rand::rng();
    let mut roll = |rate: f64| rate > 0.0 && rng.random::<f64>() < rate;
    if roll(faults.server_error_rate) {
        let statuses = [
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::BAD_GATEWAY,
            StatusCode::SERVICE_UNAVAILABLE,
        ];
        return Some(Fault::ServerError(statuses[rand::rng().random_range(0..3)]));
    }
    if roll(faults.throttle_rate) {
        return Some(Fault::Throttle);
    }
    if roll(faults.timeout_rate) {
        return Some(Fault::Hang);
    }
    if kind == Kind::Write && roll(faults.drop_answer_rate) {
        return Some(Fault::DropAnswer);
    }
    None
}

fn count_fault(state: &Shared) {
    state.lock().expect("sandbox state").stats.faults += 1;
}

fn rate_limit_headers(limit: u64, left: u64, decay: u64) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-plenty-global-short-period-limit",
        HeaderValue::from(limit),
    );
    headers.insert(
        "x-plenty-global-short-period-calls-left",
        HeaderValue::from(left),
    );
    headers.insert(
        "x-plenty-global-short-period-decay",
        HeaderValue::from(decay),
    );
    headers.insert(
        "x-plenty-global-long-period-limit",
        HeaderValue::from(48_000u64),
    );
    headers.insert(
        "x-plenty-global-long-period-calls-left",
        HeaderValue::from(47_000u64),
    );
    headers.insert(
        "x-plenty-global-long-period-decay",
        HeaderValue::from(86_400u64),
    );
    headers
}

/// Responds with `body` and the rate headers, or breaks the connection after the
/// status line when the call was chosen to lose its response.
fn answer(admitted: Admitted, status: StatusCode, body: Value) -> Response {
    let mut response = if admitted.drop_answer {
        let stream = futures_util::stream::once(async {
            Err::<Bytes, std::io::Error>(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "answer dropped",
            ))
        });
        (status, Body::from_stream(stream)).into_response()
    } else {
        (status, Json(body)).into_response()
    };
    response.headers_mut().extend(admitted.headers);
    response
}

/// Returns 403 on the routes listed in [`super::Faults::forbidden_routes`],
/// as plentymarkets does for a REST user without the right.
pub async fn forbid(AxumState(state): AxumState<Shared>, request: Request, next: Next) -> Response {
    let forbidden = {
        let state = state.lock().expect("sandbox state");
        let path = request.uri().path();
        state
            .options
            .faults
            .forbidden_routes
            .iter()
            .any(|route| route.trim_end_matches('/') == path)
    };
    if forbidden {
        return error(
            StatusCode::FORBIDDEN,
            json!({"error": {"message": "This action is unauthorized."}}),
        );
    }
    next.run(request).await
}

pub async fn login(
    AxumState(state): AxumState<Shared>,
    query: Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let credentials = login_fields(&query, &body);
    let mut state = state.lock().expect("sandbox state");
    let (username, password) = match credentials {
        Some(pair) => pair,
        None => {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"validation_errors": {"username": ["The username field is required."], "password": ["The password field is required."]}}),
            )
        }
    };
    if username != state.options.username || password != state.options.password.expose() {
        return error(
            StatusCode::UNAUTHORIZED,
            json!({"error": "invalid_credentials", "message": "The user credentials were incorrect.", "accessToken": null, "refreshToken": null, "tokenType": null, "expiresIn": null}),
        );
    }
    let now = Instant::now();
    state.sessions.retain(|_, session| session.expires_at > now);
    if state.sessions.len() >= state.options.max_sessions {
        state.stats.session_rejections += 1;
        let max = state.options.max_sessions;
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            json!({"error": "too_many_concurrent_sessions", "max_current_sessions": max, "message": "Too many users are logged in with this account."}),
        );
    }
    let token = random_token();
    let lifetime = state.options.token_lifetime;
    state.sessions.insert(
        token.clone(),
        Session {
            expires_at: now + lifetime,
        },
    );
    state.stats.logins += 1;
    let refresh = random_token();
    let seconds = lifetime.as_secs();
    let sessions = state.sessions.len();
    let max = state.options.max_sessions;
    Json(json!({
        "token_type": "Bearer", "expires_in": seconds, "access_token": token, "refresh_token": refresh,
        "concurrent_sessions": sessions, "max_current_sessions": max,
        "tokenType": "Bearer", "expiresIn": seconds, "accessToken": token, "refreshToken": refresh,
    }))
    .into_response()
}

/// Reads user name and password from a JSON body, a form body or the query,
/// the three forms plentymarkets accepts.
fn login_fields(query: &HashMap<String, String>, body: &[u8]) -> Option<(String, String)> {
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        let username = value.get("username")?.as_str()?.to_string();
        let password = value.get("password")?.as_str()?.to_string();
        return Some((username, password));
    }
    let form: HashMap<String, String> = url::form_urlencoded::parse(body).into_owned().collect();
    let source = if form.contains_key("username") {
        &form
    } else {
        query
    };
    Some((
        source.get("username")?.clone(),
        source.get("password")?.clone(),
    ))
}

fn random_token() -> String {
    let bytes: [u8; 24] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn logout(AxumState(state): AxumState<Shared>, headers: HeaderMap) -> Response {
    let mut state = state.lock().expect("sandbox state");
    match bearer(&headers).and_then(|token| state.sessions.remove(token)) {
        Some(_) => Json(json!({"success": true})).into_response(),
        None => error(
            StatusCode::UNAUTHORIZED,
            json!({"error": "unauthenticated"}),
        ),
    }
}

pub async fn create_ticket(
    AxumState(state): AxumState<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let admitted = match admit(&state, &headers, Kind::Write).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"error": {"message": "Argument 1 passed must be of the type array"}}),
        );
    };
    let mut guard = state.lock().expect("sandbox state");
    let errors = ticket_errors(&guard, &body);
    if !errors.is_empty() {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"validation_errors": errors}),
        );
    }
    let id = guard.next_ticket_id;
    guard.next_ticket_id += 1;
    let owners: Vec<Value> = body["owners"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| json!({"ticketId": id, "userId": o["userId"], "roleId": o["roleId"]}))
        .collect();
    let ticket = json!({
        "id": id, "typeId": body["typeId"], "statusId": body["statusId"], "plentyId": body["plentyId"],
        "title": body["title"], "source": body["source"], "owners": owners,
        "priorityId": null, "parentTicketId": null, "confidential": 0, "contactId": null,
        "progress": 0, "documentsCount": 0, "hasDocuments": 0, "childrenCount": 0,
        "createdAt": now_iso(), "updatedAt": now_iso(),
    });
    guard.tickets.push(ticket.clone());
    guard.stats.tickets_created += 1;
    drop(guard);
    answer(admitted, StatusCode::OK, ticket)
}

/// The validation plentymarkets applies to a new ticket, as far as known:
/// required fields and IDs that must exist.
fn ticket_errors(
    state: &super::state::State,
    body: &serde_json::Map<String, Value>,
) -> serde_json::Map<String, Value> {
    let mut errors = serde_json::Map::new();
    let mut fail = |field: &str, message: String| {
        errors.insert(field.to_string(), json!([message]));
    };
    let id_field = |name: &str| body.get(name).and_then(Value::as_i64);
    type Exists<'a> = &'a dyn Fn(i64) -> bool;
    let checks: [(&str, &str, Exists); 3] = [
        ("typeId", "type", &|id| state.has_type(id)),
        ("statusId", "status", &|id| state.has_status(id)),
        ("plentyId", "plenty id", &|id| state.has_plenty_id(id)),
    ];
    for (field, label, exists) in checks {
        match id_field(field) {
            None => fail(field, format!("The {label} field is required.")),
            Some(id) if !exists(id) => fail(field, format!("The selected {label} is invalid.")),
            Some(_) => {}
        }
    }
    match body.get("title").and_then(Value::as_str) {
        Some(title) if !title.trim().is_empty() => {}
        _ => fail("title", "The title field is required.".into()),
    }
    if body.get("source").and_then(Value::as_str).is_none() {
        fail("source", "The source field is required.".into());
    }
    let owners = body.get("owners").and_then(Value::as_array);
    match owners {
        None => fail("owners", "The owners field is required.".into()),
        Some(list) if list.is_empty() => fail("owners", "The owners field is required.".into()),
        Some(list) => {
            for (index, owner) in list.iter().enumerate() {
                let user = owner.get("userId").and_then(Value::as_i64);
                let role = owner.get("roleId").and_then(Value::as_i64);
                if !user.is_some_and(|id| state.has_user(id)) {
                    fail(
                        &format!("owners.{index}.userId"),
                        "The selected user is invalid.".into(),
                    );
                }
                if !role.is_some_and(|id| state.role_ids.contains(&id)) {
                    fail(
                        &format!("owners.{index}.roleId"),
                        "The selected role is invalid.".into(),
                    );
                }
            }
        }
    }
    errors
}

/// Returns the current time as plentymarkets writes it: RFC 3339 with an offset.
fn now_iso() -> String {
    let now = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
        .replace('Z', "+00:00")
}

pub async fn create_message(
    AxumState(state): AxumState<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let admitted = match admit(&state, &headers, Kind::Write).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let mut guard = state.lock().expect("sandbox state");
    let Some(ticket_id) = id
        .parse::<i64>()
        .ok()
        .filter(|id| guard.tickets.iter().any(|t| t["id"] == *id))
    else {
        return not_found("Ticket", &id);
    };
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let kind = body.get("type").and_then(Value::as_str).unwrap_or_default();
    let text = body.get("text").and_then(Value::as_str).unwrap_or_default();
    let mut errors = serde_json::Map::new();
    if kind != "message" && kind != "comment" {
        errors.insert("type".into(), json!(["The selected type is invalid."]));
    }
    if text.is_empty() {
        errors.insert("text".into(), json!(["The text field is required."]));
    }
    if !errors.is_empty() {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"validation_errors": errors}),
        );
    }
    let message_id = guard.next_message_id;
    guard.next_message_id += 1;
    let message = json!({
        "id": message_id, "ticketId": ticket_id, "userId": 1, "type": kind, "text": text,
        "source": "backend", "topicId": null, "createdAt": now_iso(),
    });
    guard.messages.push(message.clone());
    guard.stats.messages_created += 1;
    drop(guard);
    answer(admitted, StatusCode::OK, message)
}

fn not_found(model: &str, id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        json!({"error": {"message": format!("No query results for model [{model}] {id}")}}),
    )
}

pub async fn list_tickets(
    AxumState(state): AxumState<Shared>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let admitted = match admit(&state, &headers, Kind::Read).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let guard = state.lock().expect("sandbox state");
    let number = |name: &str| query.get(name).and_then(|v| v.parse::<i64>().ok());
    let title = query.get("title").map(|t| t.to_lowercase());
    let matches = |ticket: &&Value| {
        ["typeId", "statusId", "plentyId"]
            .iter()
            .all(|field| number(field).is_none_or(|wanted| ticket[*field] == wanted))
            && title.as_ref().is_none_or(|t| {
                ticket["title"]
                    .as_str()
                    .unwrap_or_default()
                    .to_lowercase()
                    .contains(t.as_str())
            })
    };
    let all: Vec<&Value> = guard.tickets.iter().filter(matches).collect();
    let per_page = number("itemsPerPage").unwrap_or(25).clamp(1, 250) as usize;
    let page = number("page").unwrap_or(1).max(1) as usize;
    let last_page = all.len().div_ceil(per_page).max(1);
    let entries: Vec<Value> = all
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|t| (*t).clone())
        .collect();
    let body = json!({
        "page": page, "totalsCount": all.len(), "isLastPage": page >= last_page,
        "lastPageNumber": last_page, "firstOnPage": (page - 1) * per_page + 1,
        "lastOnPage": (page - 1) * per_page + entries.len(), "itemsPerPage": per_page,
        "entries": entries,
    });
    drop(guard);
    answer(admitted, StatusCode::OK, body)
}

pub async fn get_ticket(
    AxumState(state): AxumState<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let admitted = match admit(&state, &headers, Kind::Read).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let guard = state.lock().expect("sandbox state");
    let found = id
        .parse::<i64>()
        .ok()
        .and_then(|id| guard.tickets.iter().find(|t| t["id"] == id).cloned());
    drop(guard);
    match found {
        Some(ticket) => answer(admitted, StatusCode::OK, ticket),
        None => not_found("Ticket", &id),
    }
}

pub async fn ticket_messages(
    AxumState(state): AxumState<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let admitted = match admit(&state, &headers, Kind::Read).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let guard = state.lock().expect("sandbox state");
    let Some(ticket_id) = id
        .parse::<i64>()
        .ok()
        .filter(|id| guard.tickets.iter().any(|t| t["id"] == *id))
    else {
        return not_found("Ticket", &id);
    };
    let messages: Vec<Value> = guard
        .messages
        .iter()
        .filter(|m| m["ticketId"] == ticket_id)
        .cloned()
        .collect();
    drop(guard);
    answer(admitted, StatusCode::OK, Value::Array(messages))
}

async fn list(
    state: Shared,
    headers: HeaderMap,
    pick: fn(&super::state::State) -> Value,
) -> Response {
    let admitted = match admit(&state, &headers, Kind::Read).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let body = pick(&state.lock().expect("sandbox state"));
    answer(admitted, StatusCode::OK, body)
}

pub async fn type_names(AxumState(state): AxumState<Shared>, headers: HeaderMap) -> Response {
    list(state, headers, |s| Value::Array(s.type_names.clone())).await
}

/// Status names without their type, as `GET /rest/tickets/status/names`.
pub async fn status_names(AxumState(state): AxumState<Shared>, headers: HeaderMap) -> Response {
    list(state, headers, |s| {
        Value::Array(
            s.status_names
                .iter()
                .map(|row| json!({"id": row["id"], "statusId": row["statusId"], "lang": row["lang"], "name": row["name"]}))
                .collect(),
        )
    })
    .await
}

pub async fn status_type_names(
    AxumState(state): AxumState<Shared>,
    headers: HeaderMap,
) -> Response {
    list(state, headers, |s| Value::Array(s.status_names.clone())).await
}

pub async fn users(AxumState(state): AxumState<Shared>, headers: HeaderMap) -> Response {
    list(state, headers, |s| Value::Array(s.users.clone())).await
}

pub async fn webstores(AxumState(state): AxumState<Shared>, headers: HeaderMap) -> Response {
    list(state, headers, |s| Value::Array(s.webstores.clone())).await
}

pub async fn stats(AxumState(state): AxumState<Shared>) -> Response {
    let guard = state.lock().expect("sandbox state");
    let mut body = serde_json::to_value(&guard.stats).expect("stats serialise");
    body["open_sessions"] = json!(guard.sessions.len());
    body["tickets"] = json!(guard.tickets.len());
    body["messages"] = json!(guard.messages.len());
    Json(body).into_response()
}
