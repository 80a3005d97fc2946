//! The SQLite database: WAL mode with full synchronisation, so that a
//! committed write survives a crash of the process or the machine.

use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, anyhow};
use rusqlite::{Connection, ErrorCode};

use crate::domain::PortError;

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    r"
    CREATE TABLE users (
        id             TEXT PRIMARY KEY,
        email          TEXT NOT NULL UNIQUE,
        name           TEXT NOT NULL,
        email_verified INTEGER NOT NULL,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE credentials (
        user_id             TEXT PRIMARY KEY,
        email               TEXT NOT NULL UNIQUE,
        password_hash       TEXT NOT NULL,
        password_changed_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
        id         TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
    ) STRICT;
    CREATE INDEX sessions_by_user ON sessions (user_id);

    CREATE TABLE refresh_tokens (
        token_hash BLOB PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        issued_at  INTEGER NOT NULL,
        rotated_at INTEGER,
        successor  BLOB
    ) STRICT;
    CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

    CREATE TABLE attempts (
        key          TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count        INTEGER NOT NULL
    ) STRICT;
",
    r"
    ALTER TABLE credentials ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE confirmation_codes (
        user_id         TEXT PRIMARY KEY,
        code_mac        BLOB NOT NULL,
        sent_at         INTEGER NOT NULL,
        expires_at      INTEGER NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        used_at         INTEGER
    ) STRICT;
",
    r"
    CREATE TABLE reset_codes (
        user_id         TEXT PRIMARY KEY,
        code_mac        BLOB NOT NULL,
        sent_at         INTEGER NOT NULL,
        expires_at      INTEGER NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        used_at         INTEGER
    ) STRICT;
",
    r"
    CREATE TABLE mfa (
        user_id        TEXT PRIMARY KEY,
        sealed_secret  BLOB NOT NULL,
        enabled        INTEGER NOT NULL,
        last_used_step INTEGER,
        updated_at     INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE backup_codes (
        user_id TEXT NOT NULL,
        digest  BLOB NOT NULL,
        PRIMARY KEY (user_id, digest)
    ) STRICT;

    CREATE TABLE mfa_challenges (
        digest               BLOB PRIMARY KEY,
        user_id              TEXT NOT NULL,
        email                TEXT NOT NULL,
        sealed_refresh_token BLOB NOT NULL,
        expires_at           INTEGER NOT NULL,
        tries                INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX mfa_challenges_by_user ON mfa_challenges (user_id);
",
    "
    CREATE TABLE security_events (
        id      INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL,
        kind    TEXT NOT NULL,
        at      INTEGER NOT NULL,
        ip      TEXT
    ) STRICT;
    CREATE INDEX security_events_by_user ON security_events (user_id, at);
",
];

/// A connection shared by the adapters. Calls run on the blocking pool, one
/// at a time, which also serialises the read-modify-write transactions.
#[derive(Clone)]
pub struct Db {
    connection: Arc<Mutex<Connection>>,
}

impl Db {
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        // Created owner-only; SQLite gives its -wal and -shm files the same mode.
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .with_context(|| format!("creating the database {}", path.display()))?;
        let mut connection =
            Connection::open(path).with_context(|| format!("opening the database {}", path.display()))?;
        connection.busy_timeout(Duration::from_secs(5))?;
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .context("configuring the database")?;
        migrate(&mut connection)?;
        Ok(Self { connection: Arc::new(Mutex::new(connection)) })
    }

    /// Runs `work` with the connection on the blocking pool.
    pub async fn call<T, F>(&self, work: F) -> Result<T, PortError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let connection = Arc::clone(&self.connection);
        tokio::task::spawn_blocking(move || {
            let mut connection =
                connection.lock().map_err(|_| PortError::Internal(anyhow!("database lock poisoned")))?;
            work(&mut connection).map_err(classify)
        })
        .await
        .map_err(|join| PortError::Internal(anyhow!("database task failed: {join}")))?
    }
}

fn migrate(connection: &mut Connection) -> anyhow::Result<()> {
    let applied: usize = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if applied > MIGRATIONS.len() {
        anyhow::bail!(
            "the database was written by a newer version (schema {applied}, this build knows {})",
            MIGRATIONS.len()
        );
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(applied) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(migration).with_context(|| format!("applying migration {}", index + 1))?;
        transaction.pragma_update(None, "user_version", index + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

/// Whether retrying may help: a busy, full or failing disk is a passing
/// condition; anything else is a bug.
fn classify(error: rusqlite::Error) -> PortError {
    let transient = matches!(
        error.sqlite_error_code(),
        Some(
            ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::DiskFull
                | ErrorCode::SystemIoFailure
                | ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
        )
    );
    let error = anyhow::Error::new(error).context("database");
    if transient { PortError::Unavailable(error) } else { PortError::Internal(error) }
}

/// Whether an error is a UNIQUE constraint violation.
pub fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(failure, _) if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE || failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

/// A user id read back from the database.
pub fn parse_user_id(stored: &str) -> Result<crate::domain::UserId, PortError> {
    uuid::Uuid::parse_str(stored)
        .map(crate::domain::UserId)
        .map_err(|_| PortError::Internal(anyhow!("a stored user id is not a UUID")))
}

/// Milliseconds since the Unix epoch, as stored.
pub fn millis(at: chrono::DateTime<chrono::Utc>) -> i64 {
    at.timestamp_millis()
}

pub fn from_millis(value: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(value).unwrap_or_default()
}
