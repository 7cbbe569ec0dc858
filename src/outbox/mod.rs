//! The durable outbox: every accepted purchase event is stored here before
//! `serve` responds, keyed by its marketplace order ID, and advanced through
//! its delivery states by the worker.

mod db;
pub mod schedule;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, Row as SqlRow};
use serde::Serialize;

use db::Db;
pub use db::{ErrorKind, OutboxError};

/// Delivery state of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Stored; no ticket known yet.
    Received,
    /// The ticket exists (its ID is stored); the message is still missing.
    TicketCreated,
    /// Ticket and message exist.
    Done,
    /// Given up, with the reason stored.
    Dead,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Received => "received",
            State::TicketCreated => "ticket_created",
            State::Done => "done",
            State::Dead => "dead",
        }
    }

    fn parse(text: &str) -> State {
        match text {
            "ticket_created" => State::TicketCreated,
            "done" => State::Done,
            "dead" => State::Dead,
            _ => State::Received,
        }
    }

    pub fn is_pending(self) -> bool {
        matches!(self, State::Received | State::TicketCreated)
    }
}

/// One stored event. Times are Unix milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: i64,
    pub order_id: String,
    pub event_id: Option<String>,
    pub title: String,
    pub state: State,
    #[serde(skip)]
    pub payload: Option<Vec<u8>>,
    pub received_at: i64,
    /// Start of the give-up clock: the arrival, or the last manual retry.
    pub retry_clock_at: i64,
    pub updated_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub ticket_attempted: bool,
    pub message_attempted: bool,
    pub ticket_id: Option<i64>,
    pub message_id: Option<i64>,
    pub last_error: Option<String>,
    pub dead_reason: Option<String>,
}

const COLUMNS: &str = "id, order_id, event_id, title, state, payload, received_at, retry_clock_at, updated_at, \
     attempts, next_attempt_at, ticket_attempted, message_attempted, ticket_id, message_id, last_error, dead_reason";

/// [`COLUMNS`] without the payload, which the caller of `accept` already
/// has; `NULL` keeps the column positions that [`entry`] reads.
const COLUMNS_WITHOUT_PAYLOAD: &str = "id, order_id, event_id, title, state, NULL, received_at, retry_clock_at, \
     updated_at, attempts, next_attempt_at, ticket_attempted, message_attempted, ticket_id, message_id, last_error, \
     dead_reason";

fn entry(row: &SqlRow<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: row.get(0)?,
        order_id: row.get(1)?,
        event_id: row.get(2)?,
        title: row.get(3)?,
        state: State::parse(&row.get::<_, String>(4)?),
        payload: row.get(5)?,
        received_at: row.get(6)?,
        retry_clock_at: row.get(7)?,
        updated_at: row.get(8)?,
        attempts: row.get(9)?,
        next_attempt_at: row.get(10)?,
        ticket_attempted: row.get(11)?,
        message_attempted: row.get(12)?,
        ticket_id: row.get(13)?,
        message_id: row.get(14)?,
        last_error: row.get(15)?,
        dead_reason: row.get(16)?,
    })
}

fn select_one(connection: &Connection, id: i64) -> rusqlite::Result<Option<Entry>> {
    connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM events WHERE id = ?1"),
            [id],
            entry,
        )
        .optional()
}

/// A valid event to store.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub order_id: String,
    pub event_id: Option<String>,
    pub title: String,
    pub payload: Vec<u8>,
    pub now: i64,
}

/// Result of storing an event.
#[derive(Debug, Clone)]
pub enum Accepted {
    /// The order is new and now stored.
    New(Entry),
    /// The order was stored before; nothing changed.
    Duplicate(Entry),
}

/// Filter of the events `list` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFilter {
    Pending,
    Done,
    Dead,
}

/// Numbers for metrics and `outbox list`.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub pending: i64,
    pub done: i64,
    pub dead: i64,
    /// Receipt time of the oldest pending event.
    pub oldest_pending_at: Option<i64>,
}

/// The outbox. Cheap to clone; all clones share one writer thread.
#[derive(Clone)]
pub struct Outbox {
    db: Db,
    path: PathBuf,
}

/// Takes the lock that lets one `serve` alone deliver from the outbox at
/// `path`: two workers on one file could both send the same event. The
/// lock is held until the returned file is dropped; other commands such
/// as `outbox list` do not take it.
pub fn lock_exclusive(path: &Path) -> std::io::Result<std::fs::File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::paths::create_private_dir(dir)?;
    }
    let mut name = path.as_os_str().to_os_string();
    name.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(name))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(std::io::Error::new(
            std::io::ErrorKind::WouldBlock,
            "another serve process uses this outbox",
        )),
        Err(std::fs::TryLockError::Error(error)) => Err(error),
    }
}

/// Returns the platform's outbox file (`PSH_DATA_DIR` overrides the directory).
pub fn default_path() -> Option<PathBuf> {
    crate::paths::data_dir().map(|dir| dir.join("outbox.sqlite3"))
}

impl Outbox {
    pub fn open(path: &Path) -> Result<Outbox, OutboxError> {
        Ok(Outbox {
            db: Db::open(path)?,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores `event` unless its order is already stored. Concurrent
    /// calls for one order yield one `New` and the rest `Duplicate`.
    pub async fn accept(&self, event: NewEvent) -> Result<Accepted, OutboxError> {
        self.db
            .run(move |connection| {
                // RETURNING yields the new row, or nothing when the order
                // is already stored; only then is a second query needed.
                let mut insert = connection.prepare_cached(&format!(
                    "INSERT INTO events (order_id, event_id, title, state, payload, received_at, retry_clock_at,
                     updated_at, next_attempt_at)
                     VALUES (?1, ?2, ?3, 'received', ?4, ?5, ?5, ?5, ?5)
                     ON CONFLICT (order_id) DO NOTHING RETURNING {COLUMNS_WITHOUT_PAYLOAD}"
                ))?;
                let params = params![event.order_id, event.event_id, event.title, event.payload, event.now];
                if let Some(created) = insert.query_row(params, entry).optional()? {
                    return Ok(Accepted::New(created));
                }
                let mut select = connection.prepare_cached(&format!("SELECT {COLUMNS_WITHOUT_PAYLOAD} FROM events WHERE order_id = ?1"))?;
                Ok(Accepted::Duplicate(select.query_row([&event.order_id], entry)?))
            })
            .await
    }

    pub async fn get(&self, id: i64) -> Result<Option<Entry>, OutboxError> {
        self.db
            .run(move |connection| select_one(connection, id))
            .await
    }

    /// Pending events whose next attempt is due at `now`, oldest first.
    pub async fn due(&self, now: i64, limit: usize) -> Result<Vec<Entry>, OutboxError> {
        self.db
            .run(move |connection| {
                let mut statement = connection.prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM events WHERE state IN ('received', 'ticket_created')
                     AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2"
                ))?;
                let rows = statement.query_map(params![now, limit as i64], entry)?;
                rows.collect()
            })
            .await
    }

    /// When the next pending event falls due, if any is pending.
    pub async fn next_due_at(&self) -> Result<Option<i64>, OutboxError> {
        self.db
            .run(|connection| {
                connection.query_row(
                    "SELECT MIN(next_attempt_at) FROM events WHERE state IN ('received', 'ticket_created')",
                    [],
                    |row| row.get(0),
                )
            })
            .await
    }

    async fn update(
        &self,
        id: i64,
        sql: &'static str,
        values: Vec<rusqlite::types::Value>,
    ) -> Result<(), OutboxError> {
        let now = crate::outbox::now_ms();
        self.db
            .run(move |connection| {
                let mut all = vec![
                    rusqlite::types::Value::Integer(id),
                    rusqlite::types::Value::Integer(now),
                ];
                all.extend(values);
                connection.execute(sql, rusqlite::params_from_iter(all))?;
                Ok(())
            })
            .await
    }

    /// Records that a ticket POST is about to be sent, before it is sent:
    /// after a crash or a lost response the ticket is looked up first.
    pub async fn mark_ticket_attempt(&self, id: i64) -> Result<(), OutboxError> {
        self.update(
            id,
            "UPDATE events SET ticket_attempted = 1, updated_at = ?2 WHERE id = ?1",
            vec![],
        )
        .await
    }

    pub async fn mark_ticket_created(&self, id: i64, ticket_id: i64) -> Result<(), OutboxError> {
        let sql = "UPDATE events SET state = 'ticket_created', ticket_id = ?3, updated_at = ?2, attempts = 0,
                   next_attempt_at = ?2, last_error = NULL WHERE id = ?1";
        self.update(id, sql, vec![ticket_id.into()]).await
    }

    /// Records that a message POST is about to be sent.
    pub async fn mark_message_attempt(&self, id: i64) -> Result<(), OutboxError> {
        self.update(
            id,
            "UPDATE events SET message_attempted = 1, updated_at = ?2 WHERE id = ?1",
            vec![],
        )
        .await
    }

    pub async fn mark_done(&self, id: i64, message_id: Option<i64>) -> Result<(), OutboxError> {
        let sql = "UPDATE events SET state = 'done', message_id = ?3, updated_at = ?2, last_error = NULL WHERE id = ?1";
        self.update(
            id,
            sql,
            vec![message_id.map_or(rusqlite::types::Value::Null, Into::into)],
        )
        .await
    }

    pub async fn schedule_retry(
        &self,
        id: i64,
        attempts: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), OutboxError> {
        let sql = "UPDATE events SET attempts = ?3, next_attempt_at = ?4, last_error = ?5, updated_at = ?2 WHERE id = ?1";
        self.update(
            id,
            sql,
            vec![
                attempts.into(),
                next_attempt_at.into(),
                error.to_string().into(),
            ],
        )
        .await
    }

    pub async fn mark_dead(&self, id: i64, reason: &str) -> Result<(), OutboxError> {
        let sql = "UPDATE events SET state = 'dead', dead_reason = ?3, last_error = ?3, updated_at = ?2 WHERE id = ?1";
        self.update(id, sql, vec![reason.to_string().into()]).await
    }

    /// True when some stored event other than `except` owns `ticket_id`.
    pub async fn ticket_claimed(&self, ticket_id: i64, except: i64) -> Result<bool, OutboxError> {
        self.db
            .run(move |connection| {
                connection
                    .query_row(
                        "SELECT 1 FROM events WHERE ticket_id = ?1 AND id != ?2 LIMIT 1",
                        params![ticket_id, except],
                        |_| Ok(()),
                    )
                    .optional()
                    .map(|found| found.is_some())
            })
            .await
    }

    /// Events, newest first.
    pub async fn list(
        &self,
        filter: Option<StatusFilter>,
        limit: usize,
    ) -> Result<Vec<Entry>, OutboxError> {
        let condition = match filter {
            None => "1",
            Some(StatusFilter::Pending) => "state IN ('received', 'ticket_created')",
            Some(StatusFilter::Done) => "state = 'done'",
            Some(StatusFilter::Dead) => "state = 'dead'",
        };
        self.db
            .run(move |connection| {
                let mut statement = connection.prepare(&format!(
                    "SELECT {COLUMNS} FROM events WHERE {condition} ORDER BY id DESC LIMIT ?1"
                ))?;
                let rows = statement.query_map([limit as i64], entry)?;
                rows.collect()
            })
            .await
    }

    /// Makes dead events pending again, due now: `Some(id)` for one event,
    /// `None` for every dead one. Returns how many changed.
    pub async fn retry(&self, id: Option<i64>) -> Result<usize, OutboxError> {
        let now = now_ms();
        self.db
            .run(move |connection| {
                connection.execute(
                    "UPDATE events SET state = CASE WHEN ticket_id IS NULL THEN 'received' ELSE 'ticket_created' END,
                     attempts = 0, next_attempt_at = ?1, dead_reason = NULL, updated_at = ?1, retry_clock_at = ?1
                     WHERE state = 'dead' AND payload IS NOT NULL AND (?2 IS NULL OR id = ?2)",
                    params![now, id],
                )
            })
            .await
    }

    /// Deletes finished (done or dead) events received before `before`.
    pub async fn purge(&self, before: i64) -> Result<usize, OutboxError> {
        self.db
            .run(move |connection| {
                connection.execute(
                    "DELETE FROM events WHERE state IN ('done', 'dead') AND received_at < ?1",
                    [before],
                )
            })
            .await
    }

    /// Deletes the payloads, which hold customer data, of finished events
    /// received before `before`; IDs and states stay.
    pub async fn drop_payloads(&self, before: i64) -> Result<usize, OutboxError> {
        self.db
            .run(move |connection| {
                connection.execute(
                    "UPDATE events SET payload = NULL WHERE payload IS NOT NULL
                     AND state IN ('done', 'dead') AND received_at < ?1",
                    [before],
                )
            })
            .await
    }

    pub async fn counts(&self) -> Result<Counts, OutboxError> {
        self.db
            .run(|connection| {
                connection.query_row(
                    "SELECT
                        COALESCE(SUM(state IN ('received', 'ticket_created')), 0),
                        COALESCE(SUM(state = 'done'), 0),
                        COALESCE(SUM(state = 'dead'), 0),
                        MIN(CASE WHEN state IN ('received', 'ticket_created') THEN received_at END)
                     FROM events",
                    [],
                    |row| {
                        Ok(Counts {
                            pending: row.get(0)?,
                            done: row.get(1)?,
                            dead: row.get(2)?,
                            oldest_pending_at: row.get(3)?,
                        })
                    },
                )
            })
            .await
    }
}

/// Returns the current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(order: &str) -> NewEvent {
        NewEvent {
            order_id: order.into(),
            event_id: Some(format!("evt_{order}")),
            title: "Service: X".into(),
            payload: b"{}".to_vec(),
            now: now_ms(),
        }
    }

    #[tokio::test]
    async fn duplicates_collapse() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
        let calls: Vec<_> = (0..20)
            .map(|_| {
                let outbox = outbox.clone();
                tokio::spawn(async move { outbox.accept(event("880001")).await.unwrap() })
            })
            .collect();
        let mut new = 0;
        for call in calls {
            if matches!(call.await.unwrap(), Accepted::New(_)) {
                new += 1;
            }
        }
        assert_eq!(new, 1);
        assert_eq!(outbox.counts().await.unwrap().pending, 1);
    }

    #[tokio::test]
    async fn states_advance_and_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.sqlite3");
        let id = {
            let outbox = Outbox::open(&path).unwrap();
            let Accepted::New(entry) = outbox.accept(event("1")).await.unwrap() else {
                panic!("new")
            };
            outbox.mark_ticket_attempt(entry.id).await.unwrap();
            outbox.mark_ticket_created(entry.id, 4711).await.unwrap();
            entry.id
        };
        let outbox = Outbox::open(&path).unwrap();
        let entry = outbox.get(id).await.unwrap().unwrap();
        assert_eq!(entry.state, State::TicketCreated);
        assert_eq!(entry.ticket_id, Some(4711));
        assert!(entry.ticket_attempted);
        assert!(matches!(
            outbox.accept(event("1")).await.unwrap(),
            Accepted::Duplicate(_)
        ));
        assert!(outbox.ticket_claimed(4711, id + 1).await.unwrap());
        assert!(!outbox.ticket_claimed(4711, id).await.unwrap());
        outbox.mark_done(id, Some(9)).await.unwrap();
        assert_eq!(outbox.counts().await.unwrap().done, 1);
    }

    #[tokio::test]
    async fn dead_retried_and_payloads_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(&dir.path().join("o.sqlite3")).unwrap();
        let Accepted::New(entry) = outbox.accept(event("2")).await.unwrap() else {
            panic!("new")
        };
        outbox.mark_dead(entry.id, "rejected").await.unwrap();
        assert_eq!(
            outbox
                .list(Some(StatusFilter::Dead), 10)
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(outbox.retry(None).await.unwrap(), 1);
        assert_eq!(
            outbox.get(entry.id).await.unwrap().unwrap().state,
            State::Received
        );
        outbox.mark_done(entry.id, None).await.unwrap();
        assert_eq!(outbox.drop_payloads(now_ms() + 1).await.unwrap(), 1);
        let kept = outbox.get(entry.id).await.unwrap().unwrap();
        assert_eq!(kept.payload, None);
        assert_eq!(kept.order_id, "2");
        assert_eq!(outbox.purge(now_ms() + 1).await.unwrap(), 1);
    }
}
