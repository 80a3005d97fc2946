//! Second factors, backup codes and sign-in challenges in SQLite.

use anyhow::anyhow;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::db::{from_millis, millis, parse_user_id};
use super::store::SqliteStore;
use crate::domain::{Email, PortError, UserId};
use crate::ports::{BackupCodeUse, MfaChallenge, MfaRecord, MfaStore};

fn step_column(step: u64) -> Result<i64, PortError> {
    i64::try_from(step).map_err(|_| PortError::Internal(anyhow!("a TOTP step beyond the stored range")))
}

/// Replaces every backup code of a user with `digests`.
fn store_backup_codes(connection: &rusqlite::Connection, user_id: &str, digests: &[Vec<u8>]) -> rusqlite::Result<()> {
    connection.prepare_cached("DELETE FROM backup_codes WHERE user_id = ?1")?.execute([user_id])?;
    let mut insert = connection.prepare_cached("INSERT INTO backup_codes (user_id, digest) VALUES (?1, ?2)")?;
    for digest in digests {
        insert.execute(params![user_id, digest])?;
    }
    Ok(())
}

#[async_trait]
impl MfaStore for SqliteStore {
    async fn get(&self, user_id: UserId) -> Result<Option<MfaRecord>, PortError> {
        let row: Option<(Vec<u8>, bool, Option<i64>)> = self.db.read(move |connection| {
            connection
                .prepare_cached("SELECT sealed_secret, enabled, last_used_step FROM mfa WHERE user_id = ?1")?
                .query_row([user_id.to_string()], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
                .optional()
        })?;
        row.map(|(sealed_secret, enabled, last_used_step)| {
            let last_used_step = last_used_step
                .map(u64::try_from)
                .transpose()
                .map_err(|_| PortError::Internal(anyhow!("a stored TOTP step is negative")))?;
            Ok(MfaRecord { sealed_secret, enabled, last_used_step })
        })
        .transpose()
    }

    async fn begin_setup(&self, user_id: UserId, sealed_secret: &[u8], at: DateTime<Utc>) -> Result<bool, PortError> {
        let sealed_secret = sealed_secret.to_vec();
        let changed = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "INSERT INTO mfa (user_id, sealed_secret, enabled, updated_at) VALUES (?1, ?2, 0, ?3)
                     ON CONFLICT (user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret,
                         updated_at = excluded.updated_at
                     WHERE enabled = 0",
                    )?
                    .execute(params![user_id.to_string(), sealed_secret, millis(at)])
            })
            .await?;
        Ok(changed == 1)
    }

    async fn enable(
        &self,
        user_id: UserId,
        sealed_secret: &[u8],
        step: u64,
        backup_codes: &[Vec<u8>],
        at: DateTime<Utc>,
    ) -> Result<bool, PortError> {
        let (sealed_secret, digests, step) = (sealed_secret.to_vec(), backup_codes.to_vec(), step_column(step)?);
        self.db
            .write(move |connection| {
                let user = user_id.to_string();
                let changed = connection
                    .prepare_cached(
                        "UPDATE mfa SET enabled = 1, last_used_step = ?1, updated_at = ?2
                     WHERE user_id = ?3 AND enabled = 0 AND sealed_secret = ?4",
                    )?
                    .execute(params![step, millis(at), user, sealed_secret])?;
                if changed == 0 {
                    return Ok(false);
                }
                store_backup_codes(connection, &user, &digests)?;
                Ok(true)
            })
            .await
    }

    async fn disable(&self, user_id: UserId) -> Result<bool, PortError> {
        self.db
            .write(move |connection| {
                let user = user_id.to_string();
                let removed = connection
                    .prepare_cached("DELETE FROM mfa WHERE user_id = ?1 AND enabled = 1")?
                    .execute([&user])?;
                if removed == 0 {
                    return Ok(false);
                }
                connection.prepare_cached("DELETE FROM backup_codes WHERE user_id = ?1")?.execute([&user])?;
                connection.prepare_cached("DELETE FROM mfa_challenges WHERE user_id = ?1")?.execute([&user])?;
                Ok(true)
            })
            .await
    }

    async fn cancel_setup(&self, user_id: UserId) -> Result<(), PortError> {
        let user = user_id.to_string();
        self.db
            .write(move |connection| {
                connection.prepare_cached("DELETE FROM mfa WHERE user_id = ?1 AND enabled = 0")?.execute([&user])
            })
            .await?;
        Ok(())
    }

    async fn use_step(&self, user_id: UserId, step: u64) -> Result<bool, PortError> {
        let step = step_column(step)?;
        let changed = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "UPDATE mfa SET last_used_step = ?1
                     WHERE user_id = ?2 AND enabled = 1 AND (last_used_step IS NULL OR last_used_step < ?1)",
                    )?
                    .execute(params![step, user_id.to_string()])
            })
            .await?;
        Ok(changed == 1)
    }

    async fn use_backup_code(&self, user_id: UserId, digest: &[u8]) -> Result<BackupCodeUse, PortError> {
        let (digest, now) = (digest.to_vec(), millis(Utc::now()));
        self.db
            .write(move |connection| {
                let user = user_id.to_string();
                let spent = connection
                    .prepare_cached(
                        "UPDATE backup_codes SET used_at = ?1 WHERE user_id = ?2 AND digest = ?3 AND used_at IS NULL",
                    )?
                    .execute(params![now, user, digest])?;
                if spent == 1 {
                    return Ok(BackupCodeUse::Spent);
                }
                let known = connection
                    .prepare_cached("SELECT 1 FROM backup_codes WHERE user_id = ?1 AND digest = ?2")?
                    .query_row(params![user, digest], |_| Ok(()))
                    .optional()?;
                Ok(if known.is_some() { BackupCodeUse::SpentBefore } else { BackupCodeUse::Unknown })
            })
            .await
    }

    async fn replace_backup_codes(&self, user_id: UserId, digests: &[Vec<u8>]) -> Result<bool, PortError> {
        let digests = digests.to_vec();
        self.db
            .write(move |connection| {
                let user = user_id.to_string();
                let enabled = connection
                    .prepare_cached("SELECT 1 FROM mfa WHERE user_id = ?1 AND enabled = 1")?
                    .query_row([&user], |_| Ok(()))
                    .optional()?;
                if enabled.is_none() {
                    return Ok(false);
                }
                store_backup_codes(connection, &user, &digests)?;
                Ok(true)
            })
            .await
    }

    async fn insert_challenge(&self, digest: &[u8], challenge: &MfaChallenge) -> Result<(), PortError> {
        let row = (
            digest.to_vec(),
            challenge.user_id.to_string(),
            challenge.email.as_str().to_owned(),
            challenge.sealed_grant.clone(),
            millis(challenge.expires_at),
        );
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "INSERT INTO mfa_challenges (digest, user_id, email, sealed_grant, expires_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![row.0, row.1, row.2, row.3, row.4])
            })
            .await?;
        Ok(())
    }

    async fn try_challenge(
        &self,
        digest: &[u8],
        max_tries: u32,
        now: DateTime<Utc>,
    ) -> Result<Option<MfaChallenge>, PortError> {
        let digest = digest.to_vec();
        let row: Option<(String, String, Vec<u8>, i64)> = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "UPDATE mfa_challenges SET tries = tries + 1
                         WHERE digest = ?1 AND tries < ?2 AND expires_at > ?3
                         RETURNING user_id, email, sealed_grant, expires_at",
                    )?
                    .query_row(params![digest, max_tries, millis(now)], |row| {
                        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
                    })
                    .optional()
            })
            .await?;
        let Some((user_id, email, sealed_grant, expires_at)) = row else { return Ok(None) };
        let user_id = parse_user_id(&user_id)?;
        let email = Email::parse("email", &email)
            .map_err(|_| PortError::Internal(anyhow!("the stored email of a challenge does not parse")))?;
        Ok(Some(MfaChallenge { user_id, email, sealed_grant, expires_at: from_millis(expires_at) }))
    }

    async fn consume_challenge(&self, digest: &[u8]) -> Result<bool, PortError> {
        let digest = digest.to_vec();
        let removed = self
            .db
            .write(move |connection| {
                connection.prepare_cached("DELETE FROM mfa_challenges WHERE digest = ?1")?.execute([digest])
            })
            .await?;
        Ok(removed == 1)
    }

    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        self.db
            .write(move |connection| {
                let user = user_id.to_string();
                for table in ["mfa", "backup_codes", "mfa_challenges"] {
                    connection.prepare_cached(&format!("DELETE FROM {table} WHERE user_id = ?1"))?.execute([&user])?;
                }
                Ok(())
            })
            .await
    }

    async fn end_challenges(&self, user_id: UserId) -> Result<(), PortError> {
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached("DELETE FROM mfa_challenges WHERE user_id = ?1")?
                    .execute([user_id.to_string()])
            })
            .await?;
        Ok(())
    }
}
