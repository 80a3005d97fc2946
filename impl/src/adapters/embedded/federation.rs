//! Federated sign-in's requests, one-time codes and linked identities in
//! SQLite. Takes are `DELETE … RETURNING`, and unlinking counts the user's
//! other links in the same statement: the one writer thread makes each
//! atomic.

use anyhow::anyhow;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::db::{from_millis, millis, parse_user_id};
use super::store::SqliteStore;
use crate::domain::{PortError, UserId};
use crate::ports::{FederationCode, FederationStore, LinkedIdentity, PendingAuthorization, Unlink};

const IDENTITY_COLUMNS: &str = "id, user_id, provider, issuer, subject, email, linked_at";

type IdentityRow = (String, String, String, String, String, Option<String>, i64);

fn identity_row(row: &Row<'_>) -> rusqlite::Result<IdentityRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?))
}

fn linked_identity(
    (id, user_id, provider, issuer, subject, email, linked_at): IdentityRow,
) -> Result<LinkedIdentity, PortError> {
    let id =
        uuid::Uuid::parse_str(&id).map_err(|_| PortError::Internal(anyhow!("a stored identity id is not a UUID")))?;
    Ok(LinkedIdentity {
        id,
        user_id: parse_user_id(&user_id)?,
        provider,
        issuer,
        subject,
        email,
        linked_at: from_millis(linked_at),
    })
}

#[async_trait]
impl FederationStore for SqliteStore {
    async fn insert_authorization(&self, digest: &[u8], pending: &PendingAuthorization) -> Result<(), PortError> {
        let (digest, pending) = (digest.to_vec(), pending.clone());
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "INSERT INTO federation_requests
                         (digest, provider, sealed_secrets, redirect_uri, code_challenge, app_state, expires_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?
                    .execute(params![
                        digest,
                        pending.provider,
                        pending.sealed_secrets,
                        pending.redirect_uri,
                        pending.code_challenge,
                        pending.app_state,
                        millis(pending.expires_at)
                    ])
            })
            .await?;
        Ok(())
    }

    async fn take_authorization(
        &self,
        digest: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<PendingAuthorization>, PortError> {
        let digest = digest.to_vec();
        let row = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "DELETE FROM federation_requests WHERE digest = ?1
                         RETURNING provider, sealed_secrets, redirect_uri, code_challenge, app_state, expires_at",
                    )?
                    .query_row([digest], |row| {
                        Ok(PendingAuthorization {
                            provider: row.get(0)?,
                            sealed_secrets: row.get(1)?,
                            redirect_uri: row.get(2)?,
                            code_challenge: row.get(3)?,
                            app_state: row.get(4)?,
                            expires_at: from_millis(row.get(5)?),
                        })
                    })
                    .optional()
            })
            .await?;
        Ok(row.filter(|pending| pending.expires_at > now))
    }

    async fn insert_code(&self, digest: &[u8], code: &FederationCode) -> Result<(), PortError> {
        let (digest, code) = (digest.to_vec(), code.clone());
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "INSERT INTO federation_codes
                         (digest, user_id, provider, code_challenge, redirect_uri, expires_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        digest,
                        code.user_id.to_string(),
                        code.provider,
                        code.code_challenge,
                        code.redirect_uri,
                        millis(code.expires_at)
                    ])
            })
            .await?;
        Ok(())
    }

    async fn take_code(&self, digest: &[u8], now: DateTime<Utc>) -> Result<Option<FederationCode>, PortError> {
        let digest = digest.to_vec();
        let row: Option<(String, String, String, String, i64)> = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "DELETE FROM federation_codes WHERE digest = ?1
                         RETURNING user_id, provider, code_challenge, redirect_uri, expires_at",
                    )?
                    .query_row([digest], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))
                    .optional()
            })
            .await?;
        let Some((user_id, provider, code_challenge, redirect_uri, expires_at)) = row else { return Ok(None) };
        let code = FederationCode {
            user_id: parse_user_id(&user_id)?,
            provider,
            code_challenge,
            redirect_uri,
            expires_at: from_millis(expires_at),
        };
        Ok((code.expires_at > now).then_some(code))
    }

    async fn identity(&self, issuer: &str, subject: &str) -> Result<Option<LinkedIdentity>, PortError> {
        let (issuer, subject) = (issuer.to_owned(), subject.to_owned());
        let row = self.db.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT {IDENTITY_COLUMNS} FROM linked_identities WHERE issuer = ?1 AND subject = ?2"
                ))?
                .query_row([issuer, subject], identity_row)
                .optional()
        })?;
        row.map(linked_identity).transpose()
    }

    async fn link(&self, identity: &LinkedIdentity) -> Result<bool, PortError> {
        let identity = identity.clone();
        let inserted = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(&format!(
                        "INSERT INTO linked_identities ({IDENTITY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                         ON CONFLICT (issuer, subject) DO NOTHING"
                    ))?
                    .execute(params![
                        identity.id.to_string(),
                        identity.user_id.to_string(),
                        identity.provider,
                        identity.issuer,
                        identity.subject,
                        identity.email,
                        millis(identity.linked_at)
                    ])
            })
            .await?;
        Ok(inserted == 1)
    }

    async fn identities(&self, user_id: UserId) -> Result<Vec<LinkedIdentity>, PortError> {
        let rows = self.db.read(move |connection| {
            connection
                .prepare_cached(&format!(
                    "SELECT {IDENTITY_COLUMNS} FROM linked_identities WHERE user_id = ?1 ORDER BY linked_at, id"
                ))?
                .query_map([user_id.to_string()], identity_row)?
                .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        rows.into_iter().map(linked_identity).collect()
    }

    async fn unlink(
        &self,
        user_id: UserId,
        id: uuid::Uuid,
        keep_last: bool,
        at: DateTime<Utc>,
    ) -> Result<Unlink, PortError> {
        self.db
            .write(move |connection| {
                let (user, id) = (user_id.to_string(), id.to_string());
                let removed: Option<(String, String)> = connection
                    .prepare_cached(
                        "DELETE FROM linked_identities WHERE id = ?1 AND user_id = ?2
                         AND (NOT ?3 OR (SELECT count(*) FROM linked_identities WHERE user_id = ?2) > 1)
                         RETURNING issuer, subject",
                    )?
                    .query_row(params![id, user, keep_last], |row| Ok((row.get(0)?, row.get(1)?)))
                    .optional()?;
                if let Some((issuer, subject)) = removed {
                    connection
                        .prepare_cached(
                            "INSERT INTO unlinked_identities (user_id, issuer, subject, unlinked_at)
                             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                        )?
                        .execute(params![user, issuer, subject, millis(at)])?;
                    return Ok(Unlink::Unlinked);
                }
                let exists = connection
                    .prepare_cached("SELECT 1 FROM linked_identities WHERE id = ?1 AND user_id = ?2")?
                    .query_row([&id, &user], |_| Ok(()))
                    .optional()?;
                Ok(if exists.is_some() { Unlink::LastOne } else { Unlink::NotFound })
            })
            .await
    }

    async fn was_unlinked(&self, user_id: UserId, issuer: &str, subject: &str) -> Result<bool, PortError> {
        let (issuer, subject) = (issuer.to_owned(), subject.to_owned());
        let found = self.db.read(move |connection| {
            connection
                .prepare_cached(
                    "SELECT 1 FROM unlinked_identities WHERE user_id = ?1 AND issuer = ?2 AND subject = ?3",
                )?
                .query_row(params![user_id.to_string(), issuer, subject], |_| Ok(()))
                .optional()
        })?;
        Ok(found.is_some())
    }

    async fn set_passwordless(&self, user_id: UserId, passwordless: bool) -> Result<(), PortError> {
        let statement = match passwordless {
            true => "INSERT INTO passwordless_accounts (user_id) VALUES (?1) ON CONFLICT DO NOTHING",
            false => "DELETE FROM passwordless_accounts WHERE user_id = ?1",
        };
        self.db.write(move |connection| connection.prepare_cached(statement)?.execute([user_id.to_string()])).await?;
        Ok(())
    }

    async fn is_passwordless(&self, user_id: UserId) -> Result<bool, PortError> {
        let found = self.db.read(move |connection| {
            connection
                .prepare_cached("SELECT 1 FROM passwordless_accounts WHERE user_id = ?1")?
                .query_row([user_id.to_string()], |_| Ok(()))
                .optional()
        })?;
        Ok(found.is_some())
    }

    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        self.db
            .write(move |connection| {
                let user = user_id.to_string();
                for table in ["linked_identities", "federation_codes", "passwordless_accounts", "unlinked_identities"] {
                    connection.prepare_cached(&format!("DELETE FROM {table} WHERE user_id = ?1"))?.execute([&user])?;
                }
                Ok(())
            })
            .await
    }
}
