//! The one place the outbox database is opened: WAL, `synchronous=FULL`,
//! foreign keys, embedded migrations, and a writer thread that commits
//! queued jobs in batches so many events share one fsync.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode};
use rusqlite_migration::{Migrations, M};
use tokio::sync::oneshot;

/// Schema versions, applied in order at open.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(
        "CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            order_id TEXT NOT NULL UNIQUE,
            event_id TEXT,
            title TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('received', 'ticket_created', 'done', 'dead')),
            payload BLOB,
            received_at INTEGER NOT NULL,
            -- Start of the give-up clock: the arrival, or the last manual retry.
            retry_clock_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            ticket_attempted INTEGER NOT NULL DEFAULT 0,
            message_attempted INTEGER NOT NULL DEFAULT 0,
            ticket_id INTEGER,
            message_id INTEGER,
            last_error TEXT,
            dead_reason TEXT
        );
        CREATE INDEX events_due ON events (state, next_attempt_at);
        CREATE INDEX events_ticket ON events (ticket_id);",
    )])
}

/// Why the outbox could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// Another process holds the lock for too long.
    Busy,
    /// The disk or the database is full.
    Full,
    /// The writer thread is gone.
    Closed,
    Other,
}

/// A failed outbox operation. `Clone`, so one failed batch commit can be
/// reported to every job in it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("outbox {path}: {message}")]
pub struct OutboxError {
    pub kind: ErrorKind,
    pub path: String,
    pub message: String,
}

impl OutboxError {
    fn from_sqlite(path: &str, error: &rusqlite::Error) -> Self {
        let kind = match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => ErrorKind::Full,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => ErrorKind::Busy,
            _ => ErrorKind::Other,
        };
        Self {
            kind,
            path: path.to_string(),
            message: error.to_string(),
        }
    }
}

/// Reports a job's result once its batch is committed or has failed.
type Completion = Box<dyn FnOnce(Option<&OutboxError>) + Send>;
/// Work queued for the writer thread: run on the connection (`Some`) or
/// skipped because the batch could not start (`None`); returns whether
/// the work succeeded, and its completion.
type Job = Box<dyn FnOnce(Option<&Connection>) -> (bool, Completion) + Send>;

/// Jobs committed in one transaction at most.
const MAX_BATCH: usize = 512;

/// Handle to the writer thread. Dropping every handle stops the thread.
#[derive(Clone)]
pub struct Db {
    sender: mpsc::Sender<Job>,
    path: String,
}

impl Db {
    /// Opens (creating if needed) the database at `path`, migrates it and
    /// starts the writer thread.
    pub fn open(path: &Path) -> Result<Db, OutboxError> {
        let label = path.display().to_string();
        let fail = |error: &rusqlite::Error| OutboxError::from_sqlite(&label, error);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::paths::create_private_dir(dir).map_err(|error| OutboxError {
                kind: ErrorKind::Other,
                path: label.clone(),
                message: error.to_string(),
            })?;
        }
        let mut connection = Connection::open(path).map_err(|e| fail(&e))?;
        connection
            .busy_timeout(Duration::from_secs(5))
            .map_err(|e| fail(&e))?;
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| fail(&e))?;
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(|e| fail(&e))?;
        connection
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| fail(&e))?;
        migrations()
            .to_latest(&mut connection)
            .map_err(|error| OutboxError {
                kind: ErrorKind::Other,
                path: label.clone(),
                message: format!("migration failed: {error}"),
            })?;
        // The payloads hold customer data: keep the database and its WAL
        // files owner-only.
        for suffix in ["", "-wal", "-shm"] {
            let mut name = path.as_os_str().to_os_string();
            name.push(suffix);
            let _ = crate::paths::set_mode(std::path::Path::new(&name), 0o600);
        }

        let (sender, receiver) = mpsc::channel::<Job>();
        let thread_label = label.clone();
        std::thread::Builder::new()
            .name("outbox-writer".into())
            .spawn(move || write_loop(connection, receiver, &thread_label))
            .map_err(|error| OutboxError {
                kind: ErrorKind::Other,
                path: label.clone(),
                message: error.to_string(),
            })?;
        Ok(Db {
            sender,
            path: label,
        })
    }

    /// Runs `work` inside the next batch transaction and returns its result
    /// once that transaction is committed.
    ///
    /// `work` must make at most one write statement: jobs share the batch
    /// transaction without savepoints, and SQLite undoes a failed statement
    /// by itself. A failed commit is reported to every job of the batch,
    /// so no job reports success for a write that was not committed.
    pub async fn run<T, F>(&self, work: F) -> Result<T, OutboxError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let path = self.path.clone();
        let job: Job = Box::new(move |connection| {
            let result = connection.map(|connection| {
                work(connection).map_err(|error| OutboxError::from_sqlite(&path, &error))
            });
            let succeeded = matches!(result, Some(Ok(_)));
            let completion: Completion = Box::new(move |batch_error: Option<&OutboxError>| {
                let outcome = match (batch_error, result) {
                    (Some(error), _) => Err(error.clone()),
                    (None, Some(result)) => result,
                    (None, None) => unreachable!("a skipped job always has a batch error"),
                };
                let _ = reply.send(outcome);
            });
            (succeeded, completion)
        });
        let closed = || OutboxError {
            kind: ErrorKind::Closed,
            path: self.path.clone(),
            message: "the outbox writer stopped".into(),
        };
        self.sender.send(job).map_err(|_| closed())?;
        answer.await.map_err(|_| closed())?
    }
}

/// Takes every queued job, runs them all inside one transaction, commits
/// once, then reports to each job.
fn write_loop(mut connection: Connection, receiver: mpsc::Receiver<Job>, path: &str) {
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let (completions, commit_error) = run_batch(&mut connection, batch, path);
        for completion in completions {
            completion(commit_error.as_ref());
        }
    }
}

fn run_batch(
    connection: &mut Connection,
    batch: Vec<Job>,
    path: &str,
) -> (Vec<Completion>, Option<OutboxError>) {
    let fail = |error: rusqlite::Error| OutboxError::from_sqlite(path, &error);
    let transaction =
        match connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
            Ok(transaction) => transaction,
            Err(error) => {
                let completions = batch.into_iter().map(|job| job(None).1).collect();
                return (completions, Some(fail(error)));
            }
        };
    let completions = batch
        .into_iter()
        .map(|job| job(Some(&transaction)).1)
        .collect();
    let commit_error = transaction.commit().err().map(fail);
    (completions, commit_error)
}
