//! The SQLite database: WAL mode with full synchronisation, so that a
//! committed write survives a crash of the process or the machine, read in
//! place and written in batches by one writer thread.

use std::cell::RefCell;
use std::os::unix::fs::OpenOptionsExt;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Weak};
use std::time::Duration;

use anyhow::{Context, anyhow};
use rusqlite::{Connection, ErrorCode, TransactionBehavior};
use tokio::sync::{mpsc, oneshot};

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
    // Rotation clears the sealed successors of a session's tokens past the
    // grace window: with this index it visits those few rows, not every
    // token the session has had.
    "
    CREATE INDEX refresh_tokens_with_successor ON refresh_tokens (session_id, rotated_at)
        WHERE successor IS NOT NULL;
",
    // A challenge keeps the grant that starts its session, not a session;
    // a spent backup code stays, marked, so that it is told from a guess.
    "
    ALTER TABLE mfa_challenges RENAME COLUMN sealed_refresh_token TO sealed_grant;
    ALTER TABLE backup_codes ADD COLUMN used_at INTEGER;
",
    // Sessions as the domain keeps them: when last used (for the idle
    // lifetime) and from where; a refresh token keeps the provider's.
    "
    ALTER TABLE sessions ADD COLUMN last_used_at INTEGER;
    ALTER TABLE sessions ADD COLUMN ip TEXT;
    ALTER TABLE sessions ADD COLUMN user_agent TEXT;
    ALTER TABLE refresh_tokens ADD COLUMN sealed_provider_token BLOB;
",
    // The device of an event, for the account's activity list.
    "
    ALTER TABLE security_events ADD COLUMN user_agent TEXT;
",
    // Roles and custom attributes, as JSON (an array of names, an object of
    // strings); the administrator behind an event.
    "
    ALTER TABLE users ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE users ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE security_events ADD COLUMN actor TEXT;
",
    // Accounts an administrator disabled.
    "
    ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
",
    // Federated sign-in: requests waiting for the provider, the app's
    // one-time codes, and identities linked to accounts.
    "
    CREATE TABLE federation_requests (
        digest         BLOB PRIMARY KEY,
        provider       TEXT NOT NULL,
        sealed_secrets BLOB NOT NULL,
        redirect_uri   TEXT NOT NULL,
        code_challenge TEXT NOT NULL,
        app_state      TEXT,
        expires_at     INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE federation_codes (
        digest         BLOB PRIMARY KEY,
        user_id        TEXT NOT NULL,
        provider       TEXT NOT NULL,
        code_challenge TEXT NOT NULL,
        redirect_uri   TEXT NOT NULL,
        expires_at     INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX federation_codes_by_user ON federation_codes (user_id);

    CREATE TABLE linked_identities (
        id        TEXT PRIMARY KEY,
        user_id   TEXT NOT NULL,
        provider  TEXT NOT NULL,
        issuer    TEXT NOT NULL,
        subject   TEXT NOT NULL,
        email     TEXT,
        linked_at INTEGER NOT NULL,
        UNIQUE (issuer, subject)
    ) STRICT;
    CREATE INDEX linked_identities_by_user ON linked_identities (user_id, linked_at);
",
    // Accounts made by a federated sign-in that have no password yet.
    "
    CREATE TABLE passwordless_accounts (user_id TEXT PRIMARY KEY) STRICT;
",
    // Identities an account's owner unlinked, never linked to it again by
    // their address.
    "
    CREATE TABLE unlinked_identities (
        user_id     TEXT NOT NULL,
        issuer      TEXT NOT NULL,
        subject     TEXT NOT NULL,
        unlinked_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, issuer, subject)
    ) STRICT;
",
];

/// The database, as the adapters use it: reads in place on the calling
/// thread, writes on one writer thread that commits them in batches.
///
/// - **Reads** ([`Db::read`]) are short lookups by key. Each runs at once
///   on the calling thread, over a read-only connection of that thread's
///   own (WAL lets readers run beside the writer): cheaper than a hop to
///   another thread for work of a few microseconds, and no lock is shared
///   between threads. A read sees every write whose [`Db::write`] has
///   returned.
/// - **Writes** ([`Db::write`]) queue for the writer thread, which runs
///   whatever has queued, each in a savepoint of one transaction, and
///   commits them together: one fsync for the batch instead of one per
///   write (group commit). A write whose work fails is rolled back alone.
///   Every caller is answered after the commit, so a write that returned
///   `Ok` is on disk.
#[derive(Clone)]
pub struct Db {
    shared: Arc<Shared>,
}

struct Shared {
    path: PathBuf,
    writes: mpsc::Sender<Box<dyn Job>>,
}

thread_local! {
    /// This thread's read connections, one per open database; those of
    /// databases since closed are dropped as others are looked up.
    static READERS: RefCell<Vec<(Weak<Shared>, Connection)>> = const { RefCell::new(Vec::new()) };
}

/// Writes committed together at most.
const BATCH: usize = 256;

/// Writes waiting for the writer at most; callers beyond wait to queue.
const QUEUE: usize = 4096;

impl Db {
    /// Opens (creating it if needed, owner-only) and migrates the database
    /// at `path`, and starts its writer thread, which stops when the last
    /// clone of the `Db` is dropped.
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
        connection.busy_timeout(BUSY_TIMEOUT)?;
        connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .context("configuring the database")?;
        migrate(&mut connection)?;
        canonicalise_emails(&mut connection)?;
        let (writes, queue) = mpsc::channel(QUEUE);
        std::thread::Builder::new()
            .name("sqlite-writer".to_owned())
            .spawn(move || write_batches(connection, queue))
            .context("starting the database writer")?;
        Ok(Self { shared: Arc::new(Shared { path: path.to_owned(), writes }) })
    }

    /// Runs `work`, which must only read, here and now on this thread's
    /// read connection.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, PortError> {
        // Taken out while in use, so that a read within `work` opens
        // another instead of finding this one borrowed.
        let ours = |(owner, _): &(Weak<Shared>, Connection)| std::ptr::eq(owner.as_ptr(), Arc::as_ptr(&self.shared));
        let kept = READERS.with_borrow_mut(|readers| {
            readers.retain(|(owner, _)| owner.strong_count() > 0);
            readers.iter().position(ours).map(|index| readers.swap_remove(index).1)
        });
        let connection = match kept {
            Some(connection) => connection,
            None => open_reader(&self.shared.path).map_err(classify)?,
        };
        let outcome = work(&connection).map_err(classify);
        READERS.with_borrow_mut(|readers| readers.push((Arc::downgrade(&self.shared), connection)));
        outcome
    }

    /// Runs `work` on the writer thread inside a transaction and answers
    /// once it is committed. When `work` fails, what it changed is rolled
    /// back and its error returned; every other outcome is kept.
    pub async fn write<T, F>(&self, work: F) -> Result<T, PortError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let job = Box::new(Pending { work: Some(work), outcome: None, answer });
        self.shared
            .writes
            .send(job)
            .await
            .map_err(|_| PortError::Internal(anyhow!("the database writer has stopped")))?;
        answered.await.map_err(|_| PortError::Internal(anyhow!("the database writer dropped a write")))?
    }
}

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Prepared statements kept per connection: more than the adapters have,
/// so that none is parsed twice.
const STATEMENT_CACHE: usize = 128;

fn open_reader(path: &Path) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    connection.execute_batch("PRAGMA query_only = ON;")?;
    Ok(connection)
}

/// A write waiting for the writer thread.
trait Job: Send {
    /// Runs the work; `true` when it succeeded and its changes stay.
    fn run(&mut self, connection: &Connection) -> bool;
    /// Answers the caller once the batch is committed, or not.
    fn finish(self: Box<Self>, committed: Result<(), &Failure>);
}

struct Pending<T, F> {
    work: Option<F>,
    outcome: Option<Result<T, PortError>>,
    answer: oneshot::Sender<Result<T, PortError>>,
}

impl<T, F> Job for Pending<T, F>
where
    T: Send,
    F: FnOnce(&Connection) -> rusqlite::Result<T> + Send,
{
    fn run(&mut self, connection: &Connection) -> bool {
        let Some(work) = self.work.take() else { return false };
        let outcome = work(connection).map_err(classify);
        let succeeded = outcome.is_ok();
        self.outcome = Some(outcome);
        succeeded
    }

    fn finish(self: Box<Self>, committed: Result<(), &Failure>) {
        let answer = match (self.outcome, committed) {
            (Some(Err(error)), _) => Err(error),
            (Some(Ok(value)), Ok(())) => Ok(value),
            (Some(Ok(_)) | None, Err(failure)) => Err(failure.to_port_error()),
            (None, Ok(())) => Err(PortError::Internal(anyhow!("a database write panicked"))),
        };
        // The caller may have given up; the write stands all the same.
        let _ = self.answer.send(answer);
    }
}

/// Why a batch was not committed, for each of its callers.
struct Failure {
    transient: bool,
    message: String,
}

impl Failure {
    fn new(error: &rusqlite::Error) -> Self {
        Self { transient: is_transient(error), message: format!("database: {error}") }
    }

    fn to_port_error(&self) -> PortError {
        let error = anyhow!("{}", self.message);
        if self.transient { PortError::Unavailable(error) } else { PortError::Internal(error) }
    }
}

/// The writer thread: takes whatever writes have queued, up to [`BATCH`],
/// and commits them as one transaction, until every sender is gone.
fn write_batches(mut connection: Connection, mut queue: mpsc::Receiver<Box<dyn Job>>) {
    let mut batch = Vec::with_capacity(BATCH);
    while let Some(first) = queue.blocking_recv() {
        batch.push(first);
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let committed = run_batch(&mut connection, &mut batch);
        for job in batch.drain(..) {
            job.finish(committed.as_ref().map(|_| ()));
        }
    }
}

fn run_batch(connection: &mut Connection, batch: &mut [Box<dyn Job>]) -> Result<(), Failure> {
    let mut transaction =
        connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|error| Failure::new(&error))?;
    for job in batch.iter_mut() {
        let savepoint = transaction.savepoint().map_err(|error| Failure::new(&error))?;
        // A panicking write is answered as failed; the savepoint rolls back
        // as it is dropped, and the others go on.
        let succeeded = std::panic::catch_unwind(AssertUnwindSafe(|| job.run(&savepoint))).unwrap_or(false);
        // `finish` on a savepoint not committed rolls it back.
        let kept = if succeeded { savepoint.commit() } else { savepoint.finish() };
        kept.map_err(|error| Failure::new(&error))?;
    }
    transaction.commit().map_err(|error| Failure::new(&error))
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

/// Rewrites addresses stored in another spelling than the one
/// [`Email::parse`](crate::domain::Email::parse) answers now (an
/// internationalised domain stored as A-labels, `x@xn--bcher-kva.example`),
/// so that lookups by the canonical spelling find them. Only addresses with
/// an ASCII-compatible label or a non-ASCII character can differ, so only
/// those are read. One whose canonical spelling belongs to another account
/// already is left as it is and reported: the two accounts are one
/// person's to reconcile.
fn canonicalise_emails(connection: &mut Connection) -> anyhow::Result<()> {
    let stored: Vec<(String, String)> = connection
        .prepare("SELECT user_id, email FROM credentials WHERE email LIKE '%xn--%' OR email GLOB '*[^ -~]*'")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (user_id, email) in stored {
        let Ok(canonical) = crate::domain::Email::parse("email", &email) else { continue };
        if canonical.as_str() == email {
            continue;
        }
        let transaction = connection.transaction()?;
        let rewritten = transaction
            .execute("UPDATE credentials SET email = ?1 WHERE user_id = ?2", [canonical.as_str(), &user_id])
            .and_then(|_| {
                transaction.execute("UPDATE users SET email = ?1 WHERE id = ?2", [canonical.as_str(), &user_id])
            });
        match rewritten {
            Ok(_) => transaction.commit()?,
            Err(error) if error.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                tracing::warn!(user_id = %user_id, "an address stored in another spelling belongs to another account too");
            }
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

/// Whether retrying may help: a busy, full or failing disk is a passing
/// condition; anything else is a bug.
fn is_transient(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(
            ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::DiskFull
                | ErrorCode::SystemIoFailure
                | ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
        )
    )
}

fn classify(error: rusqlite::Error) -> PortError {
    let transient = is_transient(&error);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("auth.db")).unwrap();
        (dir, db)
    }

    #[test]
    fn addresses_stored_in_another_spelling_are_rewritten_to_the_canonical_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.db");
        drop(Db::open(&path).unwrap());
        let connection = Connection::open(&path).unwrap();
        let rows = [("1", "x@xn--bcher-kva.example"), ("2", "y@b\u{fc}cher.example"), ("3", "z@example.com")];
        for (id, email) in rows {
            connection
                .execute(
                    "INSERT INTO credentials (user_id, email, password_hash, password_changed_at) VALUES (?1, ?2, 'h', 0)",
                    [id, email],
                )
                .unwrap();
            connection
                .execute(
                    "INSERT INTO users (id, email, name, email_verified, created_at, updated_at) VALUES (?1, ?2, 'n', 1, 0, 0)",
                    [id, email],
                )
                .unwrap();
        }
        // Another account already holds the canonical spelling of this one: left alone.
        let clash = [("4", "w@b\u{fc}cher.example"), ("5", "w@xn--bcher-kva.example")];
        for (id, email) in clash {
            connection
                .execute(
                    "INSERT INTO credentials (user_id, email, password_hash, password_changed_at) VALUES (?1, ?2, 'h', 0)",
                    [id, email],
                )
                .unwrap();
        }
        drop(connection);

        drop(Db::open(&path).unwrap());
        let connection = Connection::open(&path).unwrap();
        let email = |table: &str, column: &str, id: &str| -> String {
            connection
                .query_row(&format!("SELECT email FROM {table} WHERE {column} = ?1"), [id], |row| row.get(0))
                .unwrap()
        };
        assert_eq!(email("credentials", "user_id", "1"), "x@b\u{fc}cher.example");
        assert_eq!(email("users", "id", "1"), "x@b\u{fc}cher.example");
        assert_eq!(email("credentials", "user_id", "2"), "y@b\u{fc}cher.example");
        assert_eq!(email("credentials", "user_id", "3"), "z@example.com");
        assert_eq!(email("credentials", "user_id", "5"), "w@xn--bcher-kva.example");
    }

    fn count(db: &Db) -> i64 {
        db.read(|connection| connection.query_row("SELECT count(*) FROM attempts", [], |row| row.get(0))).unwrap()
    }

    fn insert(key: String) -> impl FnOnce(&Connection) -> rusqlite::Result<()> + Send + 'static {
        move |connection| {
            connection.execute("INSERT INTO attempts (key, window_start, count) VALUES (?1, 0, 1)", [key])?;
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_returned_write_is_visible_to_every_later_read() {
        let (_dir, db) = db();
        for round in 0..20 {
            db.write(insert(format!("k{round}"))).await.unwrap();
            assert_eq!(count(&db), round + 1);
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_are_all_committed_and_a_failing_one_alone_is_rolled_back() {
        let (_dir, db) = db();
        let writes = (0..200).map(|index| {
            let db = db.clone();
            tokio::spawn(async move {
                if index % 10 == 0 {
                    // Inserts a row, then fails: the row must not stay.
                    db.write(move |connection| {
                        insert(format!("doomed{index}"))(connection)?;
                        connection.execute("INSERT INTO no_such_table VALUES (1)", [])?;
                        Ok(())
                    })
                    .await
                } else {
                    db.write(insert(format!("kept{index}"))).await
                }
            })
        });
        let outcomes = futures::future::join_all(writes).await;
        let failed = outcomes.iter().filter(|outcome| outcome.as_ref().unwrap().is_err()).count();
        assert_eq!(failed, 20);
        assert_eq!(count(&db), 180);
        let doomed: i64 = db
            .read(|c| c.query_row("SELECT count(*) FROM attempts WHERE key LIKE 'doomed%'", [], |row| row.get(0)))
            .unwrap();
        assert_eq!(doomed, 0);
    }

    #[tokio::test]
    async fn a_panicking_write_is_an_error_and_the_writer_goes_on() {
        let (_dir, db) = db();
        let panicked = db
            .write(|connection: &Connection| -> rusqlite::Result<()> {
                insert("half-done".to_owned())(connection)?;
                panic!("a bug in a write");
            })
            .await;
        assert!(matches!(panicked, Err(PortError::Internal(_))));
        db.write(insert("after".to_owned())).await.unwrap();
        assert_eq!(count(&db), 1);
    }

    #[tokio::test]
    async fn reads_cannot_write() {
        let (_dir, db) = db();
        let written = db.read(|connection| connection.execute("DELETE FROM attempts", []));
        assert!(written.is_err());
    }
}
