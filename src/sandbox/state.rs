//! The sandbox's data: seeded users, stores, types, statuses and tickets,
//! sessions, rate windows and counters.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{json, Value};

use super::SandboxOptions;

pub struct Session {
    pub expires_at: Instant,
}

/// Calls counted in the current rate period.
#[derive(Default)]
pub struct Window {
    pub started: Option<Instant>,
    pub calls: u64,
}

impl Window {
    /// Counts one call; returns the calls left and seconds until reset, or
    /// `Err(decay)` when the limit is already spent.
    pub fn take(&mut self, limit: u64, period: Duration, now: Instant) -> Result<(u64, u64), u64> {
        let started = match self.started {
            Some(started) if now.duration_since(started) < period => started,
            _ => {
                self.started = Some(now);
                self.calls = 0;
                now
            }
        };
        let decay = period
            .saturating_sub(now.duration_since(started))
            .as_secs_f64()
            .ceil() as u64;
        if self.calls >= limit {
            return Err(decay.max(1));
        }
        self.calls += 1;
        Ok((limit - self.calls, decay))
    }
}

/// Counters a test or benchmark reads from `GET /sandbox/stats`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub logins: u64,
    pub reads: u64,
    pub writes: u64,
    /// 429 answers because a read or write limit was spent.
    pub throttled: u64,
    /// 429 answers because too many sessions were open.
    pub session_rejections: u64,
    /// Answers replaced by an injected fault.
    pub faults: u64,
    pub tickets_created: u64,
    pub messages_created: u64,
    pub first_write_at_ms: Option<u64>,
    pub last_write_at_ms: Option<u64>,
}

pub struct State {
    pub options: SandboxOptions,
    pub started: Instant,
    pub sessions: HashMap<String, Session>,
    pub reads: Window,
    pub writes: Window,
    pub stats: Stats,
    pub users: Vec<Value>,
    pub webstores: Vec<Value>,
    pub type_names: Vec<Value>,
    pub status_names: Vec<Value>,
    pub role_ids: Vec<i64>,
    pub tickets: Vec<Value>,
    pub messages: Vec<Value>,
    pub next_ticket_id: i64,
    pub next_message_id: i64,
}

impl State {
    pub fn new(options: SandboxOptions) -> Self {
        let mut state = State {
            options,
            started: Instant::now(),
            sessions: HashMap::new(),
            reads: Window::default(),
            writes: Window::default(),
            stats: Stats::default(),
            users: seed_users(),
            webstores: seed_webstores(),
            type_names: seed_type_names(),
            status_names: seed_status_names(),
            role_ids: vec![1, 3, 5],
            tickets: Vec::new(),
            messages: Vec::new(),
            next_ticket_id: 1000,
            next_message_id: 90_000,
        };
        state.seed_tickets();
        state
    }

    /// Two older tickets, so the role IDs in use can be seen on owners.
    fn seed_tickets(&mut self) {
        let seeds = [
            (998, "Rückfrage zur Rechnung", 1, 1, vec![(12, 1)]),
            (
                999,
                "Service: Einrichtung Zahlungsarten",
                4,
                13,
                vec![(7, 3), (12, 3)],
            ),
        ];
        for (id, title, type_id, status_id, owners) in seeds {
            let owners: Vec<Value> = owners
                .into_iter()
                .map(|(user, role)| json!({"ticketId": id, "userId": user, "roleId": role}))
                .collect();
            self.tickets.push(json!({
                "id": id, "typeId": type_id, "statusId": status_id, "plentyId": 1000,
                "title": title, "source": "backend", "owners": owners,
                "createdAt": "2026-01-15T10:20:30+01:00", "confidential": 0, "progress": 0,
            }));
        }
    }

    pub fn has_type(&self, id: i64) -> bool {
        self.type_names.iter().any(|t| t["typeId"] == id)
    }

    pub fn has_status(&self, id: i64) -> bool {
        self.status_names.iter().any(|s| s["statusId"] == id)
    }

    pub fn has_user(&self, id: i64) -> bool {
        self.users.iter().any(|u| u["id"] == id)
    }

    pub fn has_plenty_id(&self, id: i64) -> bool {
        self.webstores.iter().any(|w| w["storeIdentifier"] == id)
    }

    pub fn elapsed_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }
}

fn seed_users() -> Vec<Value> {
    vec![
        json!({"id": 1, "user": "api-service-bot", "realName": "REST API", "email": "api@example.invalid", "lang": "de", "disabled": 0, "ticket": 0, "roleId": 1}),
        json!({"id": 7, "user": "jdoe_service", "realName": "Jana Dorn", "email": "jana.dorn@example.invalid", "lang": "de", "disabled": 0, "ticket": 1, "roleId": null}),
        json!({"id": 12, "user": "mmuster", "realName": "Max Muster", "email": "max.muster@example.invalid", "lang": "en", "disabled": 0, "ticket": 1, "roleId": null}),
        json!({"id": 15, "user": "lager", "realName": "Lager Team", "email": "lager@example.invalid", "lang": "de", "disabled": 0, "ticket": 0, "roleId": null}),
        json!({"id": 21, "user": "ehemalig", "realName": "Ehemalige Kollegin", "email": "alt@example.invalid", "lang": "de", "disabled": 1, "ticket": 1, "roleId": null}),
    ]
}

fn seed_webstores() -> Vec<Value> {
    vec![
        json!({"id": 0, "type": "plentymarkets", "storeIdentifier": 1000, "name": "Hauptshop", "pluginSetId": 3, "configuration": {"defaultLanguage": "de"}}),
        json!({"id": 1, "type": "plentymarkets", "storeIdentifier": 1001, "name": "Second store", "pluginSetId": 4, "configuration": {"defaultLanguage": "en"}}),
    ]
}

fn seed_type_names() -> Vec<Value> {
    let names = [
        (1, "Anfrage", "Inquiry"),
        (4, "Dienstleistung", "Service"),
        (5, "Reklamation", "Complaint"),
    ];
    names_in_both_languages(&names, "typeId")
}

fn seed_status_names() -> Vec<Value> {
    let names = [
        (1, 1, "Neu", "New"),
        (11, 4, "Neu (Dienstleistung)", "New (service)"),
        (12, 4, "In Bearbeitung", "In progress"),
        (13, 4, "Erledigt", "Done"),
        (20, 5, "Offen", "Open"),
    ];
    let mut rows = Vec::new();
    let mut row_id = 20;
    for (status_id, type_id, de, en) in names {
        for (lang, name) in [("de", de), ("en", en)] {
            row_id += 1;
            rows.push(json!({"id": row_id, "statusId": status_id, "typeId": type_id, "lang": lang, "name": name}));
        }
    }
    rows
}

fn names_in_both_languages(names: &[(i64, &str, &str)], key: &str) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut row_id = 7;
    for (id, de, en) in names {
        for (lang, name) in [("de", de), ("en", en)] {
            row_id += 1;
            rows.push(json!({"id": row_id, key: id, "lang": lang, "name": name}));
        }
    }
    rows
}
