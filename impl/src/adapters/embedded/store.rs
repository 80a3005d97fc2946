//! Profiles and attempt counters in SQLite.

use std::time::Duration;

use anyhow::anyhow;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::db::{Db, from_millis, is_unique_violation, millis, parse_user_id};
use crate::domain::{Attributes, DisplayName, Email, PortError, Role, Roles, User, UserId};
use crate::ports::{
    Acquire, AttemptCounter, EventPosition, Insert, SECURITY_EVENT_RETENTION, SecurityEvent, SecurityEventKind,
    SecurityLog, UserFilter, UserStore,
};

#[derive(Clone)]
pub struct SqliteStore {
    pub(super) db: Db,
}

impl SqliteStore {
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

const USER_COLUMNS: &str = "id, email, name, email_verified, created_at, updated_at, roles, attributes, disabled";

/// A user row as stored; turned into a [`User`] outside the database call.
struct UserRow {
    id: String,
    email: String,
    name: String,
    email_verified: bool,
    created_at: i64,
    updated_at: i64,
    /// JSON, as [`roles_json`] and [`attributes_json`] write them.
    roles: String,
    attributes: String,
    disabled: bool,
}

/// Roles as stored: a JSON array of names.
fn roles_json(roles: &Roles) -> String {
    serde_json::Value::from(roles.iter().map(Role::as_str).collect::<Vec<_>>()).to_string()
}

/// Custom attributes as stored: a JSON object of strings.
fn attributes_json(attributes: &Attributes) -> Result<String, PortError> {
    serde_json::to_string(attributes).map_err(|error| PortError::Internal(error.into()))
}

impl UserRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            email: row.get(1)?,
            name: row.get(2)?,
            email_verified: row.get(3)?,
            created_at: row.get(4)?,
            updated_at: row.get(5)?,
            roles: row.get(6)?,
            attributes: row.get(7)?,
            disabled: row.get(8)?,
        })
    }

    fn into_user(self) -> Result<User, PortError> {
        let id = parse_user_id(&self.id)?;
        let email = Email::parse("email", &self.email)
            .map_err(|_| PortError::Internal(anyhow!("stored email of user {id} does not parse")))?;
        let roles: Vec<String> = serde_json::from_str(&self.roles)
            .map_err(|error| PortError::Internal(anyhow!("stored roles of user {id} do not parse: {error}")))?;
        let attributes: Attributes = serde_json::from_str(&self.attributes)
            .map_err(|error| PortError::Internal(anyhow!("stored attributes of user {id} do not parse: {error}")))?;
        Ok(User {
            id,
            email,
            name: DisplayName::from_trusted(self.name),
            email_verified: self.email_verified,
            roles: roles.into_iter().map(Role::from_trusted).collect(),
            attributes,
            disabled: self.disabled,
            created_at: from_millis(self.created_at),
            updated_at: from_millis(self.updated_at),
        })
    }
}

impl SqliteStore {
    /// Deletes what can no longer matter at `now`: sessions past their
    /// absolute expiry (with their refresh tokens), attempt counters whose
    /// window, at most `attempt_window` long, has ended, sealed refresh
    /// token successors older than a minute (the longest grace window),
    /// expired MFA challenges, federated sign-in requests and codes, and
    /// security events past their retention.
    /// Returns the rows changed.
    pub async fn purge_expired(&self, now: DateTime<Utc>, attempt_window: Duration) -> Result<usize, PortError> {
        let now = millis(now);
        let window_ms = i64::try_from(attempt_window.as_millis()).unwrap_or(i64::MAX);
        let retention_ms = i64::try_from(SECURITY_EVENT_RETENTION.as_millis()).unwrap_or(i64::MAX);
        self.db
            .write(move |connection| {
                let sessions =
                    connection.prepare_cached("DELETE FROM sessions WHERE expires_at <= ?1")?.execute([now])?;
                let attempts = connection
                    .prepare_cached("DELETE FROM attempts WHERE window_start <= ?1")?
                    .execute([now.saturating_sub(window_ms)])?;
                let successors = connection
                    .prepare_cached(
                        "UPDATE refresh_tokens SET successor = NULL WHERE successor IS NOT NULL AND rotated_at <= ?1",
                    )?
                    .execute([now.saturating_sub(60_000)])?;
                let mut challenges = 0;
                for table in ["mfa_challenges", "federation_requests", "federation_codes"] {
                    challenges += connection
                        .prepare_cached(&format!("DELETE FROM {table} WHERE expires_at <= ?1"))?
                        .execute([now])?;
                }
                let events = connection
                    .prepare_cached("DELETE FROM security_events WHERE at <= ?1")?
                    .execute([now.saturating_sub(retention_ms)])?;
                Ok(sessions + attempts + successors + challenges + events)
            })
            .await
    }
}

#[async_trait]
impl UserStore for SqliteStore {
    async fn insert(&self, user: &User) -> Result<Insert, PortError> {
        let row = (
            user.id.to_string(),
            user.email.as_str().to_owned(),
            user.name.as_str().to_owned(),
            user.email_verified,
            millis(user.created_at),
            millis(user.updated_at),
            roles_json(&user.roles),
            attributes_json(&user.attributes)?,
            user.disabled,
        );
        self.db
            .write(move |connection| {
                let inserted = connection
                    .prepare_cached(&format!(
                        "INSERT INTO users ({USER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                    ))?
                    .execute(params![row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8]);
                match inserted {
                    Ok(_) => Ok(Insert::Inserted),
                    Err(error) if is_unique_violation(&error) => Ok(Insert::EmailTaken),
                    Err(error) => Err(error),
                }
            })
            .await
    }

    async fn delete(&self, id: UserId) -> Result<(), PortError> {
        self.db
            .write(move |connection| {
                connection.prepare_cached("DELETE FROM users WHERE id = ?1")?.execute([id.to_string()])
            })
            .await?;
        Ok(())
    }

    async fn id_by_email(&self, email: &Email) -> Result<Option<UserId>, PortError> {
        let email = email.as_str().to_owned();
        let id: Option<String> = self.db.read(move |connection| {
            connection
                .prepare_cached("SELECT id FROM users WHERE email = ?1")?
                .query_row([email], |row| row.get(0))
                .optional()
        })?;
        id.as_deref().map(parse_user_id).transpose()
    }

    async fn set_email_verified(&self, id: UserId, at: DateTime<Utc>) -> Result<Option<User>, PortError> {
        let row = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(&format!(
                        "UPDATE users SET email_verified = 1, updated_at = ?1 WHERE id = ?2 RETURNING {USER_COLUMNS}"
                    ))?
                    .query_row(params![millis(at), id.to_string()], UserRow::read)
                    .optional()
            })
            .await?;
        row.map(UserRow::into_user).transpose()
    }

    async fn get(&self, id: UserId) -> Result<Option<User>, PortError> {
        let row = self.db.read(move |connection| {
            connection
                .prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"))?
                .query_row([id.to_string()], UserRow::read)
                .optional()
        })?;
        row.map(UserRow::into_user).transpose()
    }

    async fn set_name(&self, id: UserId, name: &DisplayName, at: DateTime<Utc>) -> Result<Option<User>, PortError> {
        let name = name.as_str().to_owned();
        let row = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(&format!(
                        "UPDATE users SET name = ?1, updated_at = ?2 WHERE id = ?3 RETURNING {USER_COLUMNS}"
                    ))?
                    .query_row(params![name, millis(at), id.to_string()], UserRow::read)
                    .optional()
            })
            .await?;
        row.map(UserRow::into_user).transpose()
    }

    async fn set_disabled(&self, id: UserId, disabled: bool, at: DateTime<Utc>) -> Result<Option<User>, PortError> {
        let row = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(&format!(
                        "UPDATE users SET disabled = ?1, updated_at = ?2 WHERE id = ?3 RETURNING {USER_COLUMNS}"
                    ))?
                    .query_row(params![disabled, millis(at), id.to_string()], UserRow::read)
                    .optional()
            })
            .await?;
        row.map(UserRow::into_user).transpose()
    }

    async fn set_claims(
        &self,
        id: UserId,
        roles: &Roles,
        attributes: &Attributes,
        at: DateTime<Utc>,
    ) -> Result<Option<User>, PortError> {
        let values = (roles_json(roles), attributes_json(attributes)?);
        let row = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(&format!(
                        "UPDATE users SET roles = ?1, attributes = ?2, updated_at = ?3 WHERE id = ?4
                         RETURNING {USER_COLUMNS}"
                    ))?
                    .query_row(params![values.0, values.1, millis(at), id.to_string()], UserRow::read)
                    .optional()
            })
            .await?;
        row.map(UserRow::into_user).transpose()
    }

    /// Reads the `email` index from the position on; the filters are
    /// checked row by row.
    async fn list(
        &self,
        filter: &UserFilter,
        after: Option<&str>,
        limit: usize,
    ) -> Result<(Vec<User>, Option<String>), PortError> {
        let after = after.map(str::to_owned);
        let prefix = filter.email_prefix.clone();
        // Every address that starts with the prefix sorts before it followed
        // by the last code point.
        let upper = prefix.as_ref().map(|prefix| format!("{prefix}\u{10FFFF}"));
        let verified = filter.email_verified;
        let disabled = filter.disabled;
        let role = filter.role.as_ref().map(|role| role.as_str().to_owned());
        let fetch = i64::try_from(limit.saturating_add(1)).unwrap_or(i64::MAX);
        let rows: Vec<UserRow> = self.db.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT {USER_COLUMNS} FROM users
                     WHERE (?1 IS NULL OR email > ?1)
                       AND (?2 IS NULL OR (email >= ?2 AND email < ?3))
                       AND (?4 IS NULL OR email_verified = ?4)
                       AND (?5 IS NULL OR EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = ?5))
                       AND (?6 IS NULL OR disabled = ?6)
                     ORDER BY email LIMIT ?7"
                ))?
                .query_map(params![after, prefix, upper, verified, role, disabled, fetch], UserRow::read)?
                .collect()
        })?;
        let mut users = rows.into_iter().map(UserRow::into_user).collect::<Result<Vec<_>, _>>()?;
        let more = users.len() > limit;
        users.truncate(limit);
        let next = users.last().filter(|_| more).map(|user| user.email.as_str().to_owned());
        Ok((users, next))
    }

    async fn ping(&self) -> Result<(), PortError> {
        self.db.read(|connection| {
            connection.prepare_cached("SELECT count(*) FROM sqlite_master")?.query_row([], |_| Ok(()))
        })
    }
}

/// Where an attempt counter stands for one more attempt.
enum Count {
    /// The window is full until then.
    Refused(Duration),
    /// Within the window: one more.
    Increment,
    /// No window, or it ended: a new one starts with this attempt.
    Restart,
}

fn count(
    connection: &rusqlite::Connection,
    key: &str,
    limit: u32,
    window_ms: i64,
    now: i64,
) -> rusqlite::Result<Count> {
    let current: Option<(i64, u32)> = connection
        .prepare_cached("SELECT window_start, count FROM attempts WHERE key = ?1")?
        .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    Ok(match current {
        Some((start, count)) if now < start.saturating_add(window_ms) => {
            if count >= limit {
                let remaining_ms = start.saturating_add(window_ms) - now;
                Count::Refused(Duration::from_millis(remaining_ms.max(0) as u64))
            } else {
                Count::Increment
            }
        }
        _ if limit == 0 => Count::Refused(Duration::from_millis(window_ms.max(0) as u64)),
        _ => Count::Restart,
    })
}

fn apply(connection: &rusqlite::Connection, key: &str, count: &Count, now: i64) -> rusqlite::Result<()> {
    match count {
        Count::Refused(_) => {}
        Count::Increment => {
            connection.prepare_cached("UPDATE attempts SET count = count + 1 WHERE key = ?1")?.execute([key])?;
        }
        Count::Restart => {
            connection
                .prepare_cached(
                    "INSERT INTO attempts (key, window_start, count) VALUES (?1, ?2, 1)
                 ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = 1",
                )?
                .execute(params![key, now])?;
        }
    }
    Ok(())
}

#[async_trait]
impl AttemptCounter for SqliteStore {
    async fn acquire(&self, key: &str, limit: u32, window: Duration, now: DateTime<Utc>) -> Result<Acquire, PortError> {
        self.acquire_all(&[(key, limit)], window, now).await
    }

    /// One write: every key is checked, then every key counted, or none.
    async fn acquire_all(
        &self,
        keys: &[(&str, u32)],
        window: Duration,
        now: DateTime<Utc>,
    ) -> Result<Acquire, PortError> {
        let keys: Vec<(String, u32)> = keys.iter().map(|(key, limit)| ((*key).to_owned(), *limit)).collect();
        let window_ms = i64::try_from(window.as_millis()).unwrap_or(i64::MAX);
        let now = millis(now);
        self.db
            .write(move |connection| {
                let mut counts = Vec::with_capacity(keys.len());
                for (key, limit) in &keys {
                    match count(connection, key, *limit, window_ms, now)? {
                        Count::Refused(retry_after) => return Ok(Acquire::Refused { retry_after }),
                        counted => counts.push(counted),
                    }
                }
                for ((key, _), counted) in keys.iter().zip(&counts) {
                    apply(connection, key, counted, now)?;
                }
                Ok(Acquire::Granted)
            })
            .await
    }

    async fn release(&self, key: &str) -> Result<(), PortError> {
        let key = key.to_owned();
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached("UPDATE attempts SET count = count - 1 WHERE key = ?1 AND count > 0")?
                    .execute([key])
            })
            .await?;
        Ok(())
    }

    async fn reset(&self, key: &str) -> Result<(), PortError> {
        let key = key.to_owned();
        self.db
            .write(move |connection| connection.prepare_cached("DELETE FROM attempts WHERE key = ?1")?.execute([key]))
            .await?;
        Ok(())
    }
}

#[async_trait]
impl SecurityLog for SqliteStore {
    async fn record(&self, event: &SecurityEvent) -> Result<(), PortError> {
        let row = (
            event.user_id.to_string(),
            event.kind.as_str(),
            millis(event.at),
            event.ip.map(|ip| ip.to_string()),
            event.user_agent.clone(),
            event.actor.map(|actor| actor.to_string()),
        );
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "INSERT INTO security_events (user_id, kind, at, ip, user_agent, actor)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![row.0, row.1, row.2, row.3, row.4, row.5])
            })
            .await?;
        Ok(())
    }

    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached("DELETE FROM security_events WHERE user_id = ?1")?
                    .execute([user_id.to_string()])
            })
            .await?;
        Ok(())
    }

    /// Positions are the row ids in hexadecimal; one beyond every row id
    /// (too long for one) comes after every event of its millisecond.
    async fn page(
        &self,
        user_id: UserId,
        after: Option<&EventPosition>,
        limit: usize,
    ) -> Result<Vec<(EventPosition, SecurityEvent)>, PortError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let after =
            after.map(|position| (millis(position.at), i64::from_str_radix(&position.id, 16).unwrap_or(i64::MAX)));
        type Row = (i64, String, i64, Option<String>, Option<String>, Option<String>);
        let rows: Vec<Row> = self.db.read(move |connection| {
            let (at, id) = after.unwrap_or((i64::MAX, i64::MAX));
            connection
                .prepare_cached(
                    "SELECT id, kind, at, ip, user_agent, actor FROM security_events
                     WHERE user_id = ?1 AND (at < ?2 OR (at = ?2 AND id < ?3))
                     ORDER BY at DESC, id DESC LIMIT ?4",
                )?
                .query_map(params![user_id.to_string(), at, id, limit], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?))
                })?
                .collect()
        })?;
        rows.into_iter()
            .map(|(id, kind, at, ip, user_agent, actor)| {
                let kind = SecurityEventKind::parse(&kind)
                    .ok_or_else(|| PortError::Internal(anyhow!("an unknown security event {kind:?}")))?;
                let at = from_millis(at);
                let actor = actor.as_deref().map(parse_user_id).transpose()?;
                let ip = ip.and_then(|ip| ip.parse().ok());
                let event = SecurityEvent { user_id, kind, at, ip, user_agent, actor };
                Ok((EventPosition { at, id: format!("{id:x}") }, event))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("auth.db")).unwrap();
        (dir, SqliteStore::new(db))
    }

    #[tokio::test]
    async fn attempts_beyond_the_limit_are_refused_until_the_window_ends() {
        let (_dir, store) = store();
        let start = Utc::now();
        let window = Duration::from_secs(900);
        for _ in 0..5 {
            assert!(matches!(store.acquire("k", 5, window, start).await.unwrap(), Acquire::Granted));
        }
        let later = start + chrono::Duration::seconds(300);
        match store.acquire("k", 5, window, later).await.unwrap() {
            Acquire::Refused { retry_after } => assert_eq!(retry_after, Duration::from_secs(600)),
            Acquire::Granted => panic!("the sixth attempt was granted"),
        }
        let after = start + chrono::Duration::seconds(900);
        assert!(matches!(store.acquire("k", 5, window, after).await.unwrap(), Acquire::Granted));
    }

    #[tokio::test]
    async fn purging_removes_only_ended_windows() {
        let (_dir, store) = store();
        let start = Utc::now();
        let window = Duration::from_secs(900);
        store.acquire("old", 5, window, start).await.unwrap();
        store.acquire("new", 5, window, start + chrono::Duration::seconds(600)).await.unwrap();
        let removed = store.purge_expired(start + chrono::Duration::seconds(900), window).await.unwrap();
        assert_eq!(removed, 1);
        let count = |key: &'static str| {
            let db = store.db.clone();
            async move {
                db.read(move |c| {
                    c.prepare_cached("SELECT count(*) FROM attempts WHERE key = ?1")?
                        .query_row([key], |row| row.get::<_, i64>(0))
                })
                .unwrap()
            }
        };
        assert_eq!((count("old").await, count("new").await), (0, 1));
    }

    #[tokio::test]
    async fn several_keys_are_counted_all_or_none() {
        let (_dir, store) = store();
        let now = Utc::now();
        let window = Duration::from_secs(900);
        store.acquire("full", 1, window, now).await.unwrap();
        let both = store.acquire_all(&[("room", 2), ("full", 1)], window, now).await.unwrap();
        assert!(matches!(both, Acquire::Refused { .. }));
        // "room" was not counted by the refused pair: it still has two.
        for _ in 0..2 {
            assert!(matches!(store.acquire("room", 2, window, now).await.unwrap(), Acquire::Granted));
        }
        assert!(matches!(store.acquire("room", 2, window, now).await.unwrap(), Acquire::Refused { .. }));
        let fresh = store.acquire_all(&[("a", 1), ("b", 1)], window, now).await.unwrap();
        assert!(matches!(fresh, Acquire::Granted));
        for key in ["a", "b"] {
            assert!(matches!(store.acquire(key, 1, window, now).await.unwrap(), Acquire::Refused { .. }), "{key}");
        }
    }

    #[tokio::test]
    async fn released_and_reset_attempts_no_longer_count() {
        let (_dir, store) = store();
        let now = Utc::now();
        let window = Duration::from_secs(900);
        for _ in 0..2 {
            store.acquire("k", 2, window, now).await.unwrap();
        }
        store.release("k").await.unwrap();
        assert!(matches!(store.acquire("k", 2, window, now).await.unwrap(), Acquire::Granted));
        store.reset("k").await.unwrap();
        assert!(matches!(store.acquire("k", 2, window, now).await.unwrap(), Acquire::Granted));
        assert!(matches!(store.acquire("k", 2, window, now).await.unwrap(), Acquire::Granted));
        assert!(matches!(store.acquire("k", 2, window, now).await.unwrap(), Acquire::Refused { .. }));
    }
}
