//! Second factors, backup codes and sign-in challenges in DynamoDB. Every
//! use is one conditional write, so concurrent requests cannot both spend
//! the same step, code or challenge.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::{AttributeValue, ConditionCheck, Delete, ReturnValue, TransactWriteItem, Update};
use chrono::{DateTime, Utc};

use super::store::{DynamoStore, conditional, is_condition_failure};
use super::table::{
    Item, TTL_ATTRIBUTE, aws_error, b, from_millis, get_b, get_bool, get_n, get_opt_n, get_s, get_user_id, hex,
    internal, key, millis, n, s, ttl, user_pk,
};
use crate::domain::{Email, PortError, UserId};
use crate::ports::{BackupCodeUse, MfaChallenge, MfaRecord, MfaStore};

const MFA: &str = "MFA";
/// Per user, a generation that ending the user's challenges increments;
/// a challenge of an earlier generation is void.
const CHALLENGES: &str = "CHALLENGES";

fn mfa_key(user_id: UserId) -> Item {
    key(user_pk(user_id), MFA)
}

fn challenge_key(digest: &[u8]) -> Item {
    key(format!("CHALLENGE#{}", hex(digest)), "CHALLENGE")
}

fn generation_key(user_id: UserId) -> Item {
    key(user_pk(user_id), CHALLENGES)
}

fn code_set(digests: &[Vec<u8>]) -> AttributeValue {
    AttributeValue::Ss(digests.iter().map(|digest| hex(digest)).collect())
}

impl DynamoStore {
    async fn generation(&self, user_id: UserId) -> Result<u64, PortError> {
        let item = self.get_item("reading a challenge generation", generation_key(user_id)).await?;
        item.map_or(Ok(0), |item| get_n(&item, "generation"))
    }

    fn next_generation(&self, user_id: UserId) -> Result<TransactWriteItem, PortError> {
        let update = Update::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(generation_key(user_id)))
            .update_expression("ADD generation :one")
            .expression_attribute_values(":one", n(1))
            .build()
            .map_err(internal)?;
        Ok(TransactWriteItem::builder().update(update).build())
    }
}

#[async_trait]
impl MfaStore for DynamoStore {
    async fn get(&self, user_id: UserId) -> Result<Option<MfaRecord>, PortError> {
        let Some(item) = self.get_item("reading a second factor", mfa_key(user_id)).await? else { return Ok(None) };
        Ok(Some(MfaRecord {
            sealed_secret: get_b(&item, "sealedSecret")?,
            enabled: get_bool(&item, "enabled")?,
            last_used_step: get_opt_n(&item, "lastUsedStep")?,
        }))
    }

    async fn begin_setup(&self, user_id: UserId, sealed_secret: &[u8], at: DateTime<Utc>) -> Result<bool, PortError> {
        let mut item = mfa_key(user_id);
        item.extend([
            ("sealedSecret".to_owned(), b(sealed_secret)),
            ("enabled".to_owned(), AttributeValue::Bool(false)),
            ("updatedAt".to_owned(), n(millis(at))),
        ]);
        let put = self
            .client
            .put_item()
            .table_name(self.table.as_ref())
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(pk) OR enabled = :no")
            .expression_attribute_values(":no", AttributeValue::Bool(false))
            .send()
            .await;
        conditional(put, "storing a pending second factor")
    }

    async fn enable(
        &self,
        user_id: UserId,
        sealed_secret: &[u8],
        step: u64,
        backup_codes: &[Vec<u8>],
        at: DateTime<Utc>,
    ) -> Result<bool, PortError> {
        let mut request = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(mfa_key(user_id)))
            .condition_expression("enabled = :no AND sealedSecret = :secret")
            .expression_attribute_values(":yes", AttributeValue::Bool(true))
            .expression_attribute_values(":no", AttributeValue::Bool(false))
            .expression_attribute_values(":secret", b(sealed_secret))
            .expression_attribute_values(":step", n(step))
            .expression_attribute_values(":at", n(millis(at)));
        request = if backup_codes.is_empty() {
            request.update_expression(
                "SET enabled = :yes, lastUsedStep = :step, updatedAt = :at REMOVE backupCodes, spentBackupCodes",
            )
        } else {
            request
                .update_expression(
                    "SET enabled = :yes, lastUsedStep = :step, updatedAt = :at, backupCodes = :codes \
                     REMOVE spentBackupCodes",
                )
                .expression_attribute_values(":codes", code_set(backup_codes))
        };
        conditional(request.send().await, "enabling a second factor")
    }

    /// Removes the second factor with its backup codes and voids the
    /// user's open challenges, in one transaction.
    async fn disable(&self, user_id: UserId) -> Result<bool, PortError> {
        let delete = Delete::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(mfa_key(user_id)))
            .condition_expression("enabled = :yes")
            .expression_attribute_values(":yes", AttributeValue::Bool(true))
            .build()
            .map_err(internal)?;
        let items = vec![TransactWriteItem::builder().delete(delete).build(), self.next_generation(user_id)?];
        Ok(self.transact("removing a second factor", items).await?.is_none())
    }

    async fn cancel_setup(&self, user_id: UserId) -> Result<(), PortError> {
        let delete = self
            .client
            .delete_item()
            .table_name(self.table.as_ref())
            .set_key(Some(mfa_key(user_id)))
            .condition_expression("enabled = :no")
            .expression_attribute_values(":no", AttributeValue::Bool(false))
            .send()
            .await;
        // `false` (nothing pending) is fine too.
        conditional(delete, "dropping a pending authenticator").map(|_| ())
    }

    async fn use_step(&self, user_id: UserId, step: u64) -> Result<bool, PortError> {
        let update = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(mfa_key(user_id)))
            .update_expression("SET lastUsedStep = :step")
            .condition_expression("enabled = :yes AND (attribute_not_exists(lastUsedStep) OR lastUsedStep < :step)")
            .expression_attribute_values(":yes", AttributeValue::Bool(true))
            .expression_attribute_values(":step", n(step))
            .send()
            .await;
        conditional(update, "recording a used TOTP step")
    }

    /// Moves the code from the unused set to the spent one, in one
    /// conditional write; when it is not unused, one read tells a spent
    /// code from an unknown one.
    async fn use_backup_code(&self, user_id: UserId, digest: &[u8]) -> Result<BackupCodeUse, PortError> {
        let update = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(mfa_key(user_id)))
            .update_expression("DELETE backupCodes :spent ADD spentBackupCodes :spent")
            .condition_expression("enabled = :yes AND contains(backupCodes, :code)")
            .expression_attribute_values(":yes", AttributeValue::Bool(true))
            .expression_attribute_values(":spent", AttributeValue::Ss(vec![hex(digest)]))
            .expression_attribute_values(":code", s(hex(digest)))
            .send()
            .await;
        if conditional(update, "spending a backup code")? {
            return Ok(BackupCodeUse::Spent);
        }
        let item = self.get_item("reading spent backup codes", mfa_key(user_id)).await?;
        let spent = item.as_ref().and_then(|item| match item.get("spentBackupCodes") {
            Some(AttributeValue::Ss(spent)) => Some(spent),
            _ => None,
        });
        Ok(if spent.is_some_and(|spent| spent.contains(&hex(digest))) {
            BackupCodeUse::SpentBefore
        } else {
            BackupCodeUse::Unknown
        })
    }

    async fn replace_backup_codes(&self, user_id: UserId, digests: &[Vec<u8>]) -> Result<bool, PortError> {
        let request = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(mfa_key(user_id)))
            .condition_expression("enabled = :yes")
            .expression_attribute_values(":yes", AttributeValue::Bool(true));
        let request = if digests.is_empty() {
            request.update_expression("REMOVE backupCodes, spentBackupCodes")
        } else {
            request
                .update_expression("SET backupCodes = :codes REMOVE spentBackupCodes")
                .expression_attribute_values(":codes", code_set(digests))
        };
        conditional(request.send().await, "replacing backup codes")
    }

    async fn insert_challenge(&self, digest: &[u8], challenge: &MfaChallenge) -> Result<(), PortError> {
        let generation = self.generation(challenge.user_id).await?;
        let mut item = challenge_key(digest);
        item.extend([
            ("userId".to_owned(), s(challenge.user_id.to_string())),
            ("email".to_owned(), s(challenge.email.as_str())),
            ("sealedGrant".to_owned(), b(challenge.sealed_grant.clone())),
            ("expiresAt".to_owned(), n(millis(challenge.expires_at))),
            ("tries".to_owned(), n(0)),
            ("generation".to_owned(), n(generation)),
            (TTL_ATTRIBUTE.to_owned(), ttl(challenge.expires_at)),
        ]);
        self.insert_new("storing a sign-in challenge", item).await
    }

    async fn try_challenge(
        &self,
        digest: &[u8],
        max_tries: u32,
        now: DateTime<Utc>,
    ) -> Result<Option<MfaChallenge>, PortError> {
        let tried = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(challenge_key(digest)))
            .update_expression("SET tries = tries + :one")
            .condition_expression("attribute_exists(pk) AND tries < :max AND expiresAt > :now")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":max", n(max_tries))
            .expression_attribute_values(":now", n(millis(now)))
            .return_values(ReturnValue::AllNew)
            .send()
            .await;
        let item = match tried {
            Ok(output) => output.attributes.unwrap_or_default(),
            Err(error) if is_condition_failure(&error) => return Ok(None),
            Err(error) => return Err(aws_error("trying a sign-in challenge", error)),
        };
        let user_id = get_user_id(&item, "userId")?;
        if get_n::<u64>(&item, "generation")? < self.generation(user_id).await? {
            return Ok(None);
        }
        // Challenges stored before sessions started at the second factor
        // hold no grant; they lapse within minutes.
        let Some(AttributeValue::B(sealed_grant)) = item.get("sealedGrant") else { return Ok(None) };
        let email = Email::parse("email", get_s(&item, "email")?)
            .map_err(|_| PortError::Internal(anyhow::anyhow!("the stored email of a challenge does not parse")))?;
        Ok(Some(MfaChallenge {
            user_id,
            email,
            sealed_grant: sealed_grant.clone().into_inner(),
            expires_at: from_millis(get_n(&item, "expiresAt")?)?,
        }))
    }

    /// Deletes the challenge, in one transaction with a check that the
    /// user's challenges were not ended since it was opened.
    async fn consume_challenge(&self, digest: &[u8]) -> Result<bool, PortError> {
        let Some(item) = self.get_item("reading a sign-in challenge", challenge_key(digest)).await? else {
            return Ok(false);
        };
        let (user_id, generation) = (get_user_id(&item, "userId")?, get_n::<u64>(&item, "generation")?);
        let delete = self.transact_delete(challenge_key(digest), Some("attribute_exists(pk)"))?;
        let unchanged = ConditionCheck::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(generation_key(user_id)))
            .condition_expression("attribute_not_exists(generation) OR generation = :generation")
            .expression_attribute_values(":generation", n(generation))
            .build()
            .map_err(internal)?;
        let items = vec![delete, TransactWriteItem::builder().condition_check(unchanged).build()];
        Ok(self.transact("using up a sign-in challenge", items).await?.is_none())
    }

    /// Deletes the second factor, the challenge generation and every
    /// challenge, found through the user index.
    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        let mut keys = self.keys_naming("finding sign-in challenges", user_id, "CHALLENGE#").await?;
        keys.extend([mfa_key(user_id), generation_key(user_id)]);
        self.delete_all("deleting a second factor", keys).await
    }

    async fn end_challenges(&self, user_id: UserId) -> Result<(), PortError> {
        self.transact("ending sign-in challenges", vec![self.next_generation(user_id)?]).await?;
        Ok(())
    }
}
