//! Sessions and their refresh tokens in SQLite. A session row ends by being
//! deleted, with its tokens (`ON DELETE CASCADE`); rows revoked by earlier
//! versions (`revoked_at` set) count as ended.

use async_trait::async_trait;
use rusqlite::{OptionalExtension, Row, params};

use super::db::{from_millis, millis, parse_user_id};
use super::store::SqliteStore;
use crate::domain::{PortError, SessionId, UserId};
use crate::ports::{NewRefreshToken, Rotation, SessionRecord, SessionStore, StoredRefreshToken};

const SESSION_COLUMNS: &str = "s.id, s.user_id, s.created_at, s.last_used_at, s.expires_at, s.ip, s.user_agent";

/// A session row as read; turned into a [`SessionRecord`] outside the database call.
struct SessionRow {
    id: String,
    user_id: String,
    created_at: i64,
    last_used_at: Option<i64>,
    expires_at: i64,
    ip: Option<String>,
    user_agent: Option<String>,
}

impl SessionRow {
    /// Reads [`SESSION_COLUMNS`] from `row`, starting at column `first`.
    fn read(row: &Row<'_>, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(first)?,
            user_id: row.get(first + 1)?,
            created_at: row.get(first + 2)?,
            last_used_at: row.get(first + 3)?,
            expires_at: row.get(first + 4)?,
            ip: row.get(first + 5)?,
            user_agent: row.get(first + 6)?,
        })
    }

    fn record(self) -> Result<SessionRecord, PortError> {
        Ok(SessionRecord {
            id: SessionId(self.id),
            user_id: parse_user_id(&self.user_id)?,
            started_at: from_millis(self.created_at),
            last_used_at: from_millis(self.last_used_at.unwrap_or(self.created_at)),
            expires_at: from_millis(self.expires_at),
            ip: self.ip.and_then(|ip| ip.parse().ok()),
            user_agent: self.user_agent,
        })
    }
}

fn insert_token(
    connection: &rusqlite::Connection,
    session_id: &str,
    token: NewRefreshToken<'_>,
    at: i64,
) -> rusqlite::Result<usize> {
    connection
        .prepare_cached(
            "INSERT INTO refresh_tokens (token_hash, session_id, issued_at, sealed_provider_token) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![token.digest, session_id, at, token.sealed_provider_token])
}

#[async_trait]
impl SessionStore for SqliteStore {
    async fn start(&self, session: &SessionRecord, token: NewRefreshToken<'_>) -> Result<(), PortError> {
        let row = (
            session.id.0.clone(),
            session.user_id.to_string(),
            millis(session.started_at),
            millis(session.last_used_at),
            millis(session.expires_at),
            session.ip.map(|ip| ip.to_string()),
            session.user_agent.clone(),
        );
        let (digest, sealed) = (token.digest.to_vec(), token.sealed_provider_token.map(<[u8]>::to_vec));
        self.db
            .write(move |connection| {
                let (id, user_id, started_at, last_used_at, expires_at, ip, user_agent) = &row;
                connection
                    .prepare_cached(
                        "INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, ip, user_agent)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?
                    .execute(params![id, user_id, started_at, last_used_at, expires_at, ip, user_agent])?;
                let token = NewRefreshToken { digest: &digest, sealed_provider_token: sealed.as_deref() };
                insert_token(connection, id, token, *started_at)?;
                Ok(())
            })
            .await
    }

    async fn session(&self, user_id: UserId, session_id: &SessionId) -> Result<Option<SessionRecord>, PortError> {
        let (id, user) = (session_id.0.clone(), user_id.to_string());
        let row = self.db.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.id = ?1 AND s.user_id = ?2 AND s.revoked_at IS NULL"
                ))?
                .query_row([id, user], |row| SessionRow::read(row, 0))
                .optional()
        })?;
        row.map(SessionRow::record).transpose()
    }

    async fn refresh_token(&self, digest: &[u8]) -> Result<Option<(StoredRefreshToken, SessionRecord)>, PortError> {
        let digest = digest.to_vec();
        let row = self.db.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT t.rotated_at, t.successor, t.sealed_provider_token, {SESSION_COLUMNS}
                     FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
                     WHERE t.token_hash = ?1 AND s.revoked_at IS NULL"
                ))?
                .query_row([digest], |row| {
                    let token: (Option<i64>, Option<Vec<u8>>, Option<Vec<u8>>) =
                        (row.get(0)?, row.get(1)?, row.get(2)?);
                    Ok((token, SessionRow::read(row, 3)?))
                })
                .optional()
        })?;
        let Some(((rotated_at, successor, sealed_provider_token), session)) = row else { return Ok(None) };
        let session = session.record()?;
        let rotated = match (rotated_at, successor) {
            (Some(at), Some(successor)) => Some((from_millis(at), successor)),
            // A successor is cleared once its grace window is long past.
            (Some(at), None) => Some((from_millis(at), Vec::new())),
            (None, _) => None,
        };
        let token = StoredRefreshToken {
            user_id: session.user_id,
            session_id: session.id.clone(),
            sealed_provider_token,
            rotated,
        };
        Ok(Some((token, session)))
    }

    async fn rotate(&self, rotation: Rotation<'_>) -> Result<bool, PortError> {
        let (session_id, old, at) = (rotation.session_id.0.clone(), rotation.old.to_vec(), millis(rotation.at));
        let (new, sealed_provider) =
            (rotation.new.digest.to_vec(), rotation.new.sealed_provider_token.map(<[u8]>::to_vec));
        let sealed_successor = rotation.sealed_successor.to_vec();
        self.db
            .write(move |connection| {
                let retired = connection
                    .prepare_cached(
                        "UPDATE refresh_tokens SET rotated_at = ?1, successor = ?2
                         WHERE token_hash = ?3 AND session_id = ?4 AND rotated_at IS NULL",
                    )?
                    .execute(params![at, sealed_successor, old, session_id])?;
                if retired == 0 {
                    return Ok(false);
                }
                let live = connection
                    .prepare_cached("UPDATE sessions SET last_used_at = ?1 WHERE id = ?2 AND revoked_at IS NULL")?
                    .execute(params![at, session_id])?;
                if live == 0 {
                    // Ended meanwhile; the token it retired is worthless with it.
                    return Ok(false);
                }
                let token = NewRefreshToken { digest: &new, sealed_provider_token: sealed_provider.as_deref() };
                insert_token(connection, &session_id, token, at)?;
                // Sealed successors are needed only within the grace window
                // (at most a minute); older ones of this session go.
                connection
                    .prepare_cached(
                        "UPDATE refresh_tokens SET successor = NULL
                         WHERE session_id = ?1 AND successor IS NOT NULL AND rotated_at < ?2",
                    )?
                    .execute(params![session_id, at - 60_000])?;
                Ok(true)
            })
            .await
    }

    async fn end(&self, user_id: UserId, session_id: &SessionId) -> Result<bool, PortError> {
        let (id, user) = (session_id.0.clone(), user_id.to_string());
        let ended = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached("DELETE FROM sessions WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL")?
                    .execute([id, user])
            })
            .await?;
        Ok(ended == 1)
    }

    async fn end_all(&self, user_id: UserId, keep: Option<&SessionId>) -> Result<(), PortError> {
        let (user, keep) = (user_id.to_string(), keep.map(|id| id.0.clone()).unwrap_or_default());
        self.db
            .write(move |connection| {
                connection.prepare_cached("DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2")?.execute([user, keep])
            })
            .await?;
        Ok(())
    }

    /// Every token goes with its session row (`ON DELETE CASCADE`).
    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        self.end_all(user_id, None).await
    }

    async fn list(&self, user_id: UserId) -> Result<Vec<SessionRecord>, PortError> {
        let user = user_id.to_string();
        let rows = self.db.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.user_id = ?1 AND s.revoked_at IS NULL"
                ))?
                .query_map([user], |row| SessionRow::read(row, 0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        rows.into_iter().map(SessionRow::record).collect()
    }
}
