//! Federated sign-in's requests, one-time codes and linked identities in
//! DynamoDB. A take is one conditional delete that returns the item; a
//! link is one transaction over the identity's claim (which makes an
//! identity linkable once), the account's copy of the link and the
//! account's count of links, which unlinking's condition reads.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue, TransactWriteItem, Update};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::store::{DynamoStore, conditional, is_condition_failure};
use super::table::{
    Item, TTL_ATTRIBUTE, USER_ATTRIBUTE, aws_error, b, from_millis, get_b, get_n, get_s, get_user_id, hex, internal,
    key, millis, n, s, ttl, user_pk,
};
use crate::domain::{PortError, UserId};
use crate::ports::{FederationCode, FederationStore, LinkedIdentity, PendingAuthorization, Unlink};

/// Per account, how many identities are linked to it.
const IDENTITIES: &str = "IDENTITIES";

fn request_key(digest: &[u8]) -> Item {
    key(format!("FEDREQ#{}", hex(digest)), "FEDREQ")
}

fn code_key(digest: &[u8]) -> Item {
    key(format!("FEDCODE#{}", hex(digest)), "FEDCODE")
}

/// The identity `subject` at `issuer` in a key: hashed, so that any issuer
/// and subject make a key of fixed length.
fn identity_hash(issuer: &str, subject: &str) -> String {
    hex(&Sha256::new().chain_update(issuer).chain_update([0]).chain_update(subject).finalize())
}

/// The claim of the identity `subject` at `issuer`: one per identity,
/// whatever account holds it.
fn claim_key(issuer: &str, subject: &str) -> Item {
    key(format!("IDENTITY#{}", identity_hash(issuer, subject)), "IDENTITY")
}

/// The account's copy of its link `id`, read when listing its links.
fn link_key(user_id: UserId, id: uuid::Uuid) -> Item {
    key(user_pk(user_id), format!("IDENTITY#{id}"))
}

/// The account's record that its owner unlinked the identity `subject` at
/// `issuer`.
fn unlinked_key(user_id: UserId, issuer: &str, subject: &str) -> Item {
    key(user_pk(user_id), format!("UNLINKED#{}", identity_hash(issuer, subject)))
}

fn count_key(user_id: UserId) -> Item {
    key(user_pk(user_id), IDENTITIES)
}

fn with_link(mut item: Item, identity: &LinkedIdentity) -> Item {
    item.extend([
        ("id".to_owned(), s(identity.id.to_string())),
        (USER_ATTRIBUTE.to_owned(), s(identity.user_id.to_string())),
        ("provider".to_owned(), s(&identity.provider)),
        ("issuer".to_owned(), s(&identity.issuer)),
        ("subject".to_owned(), s(&identity.subject)),
        ("linkedAt".to_owned(), n(millis(identity.linked_at))),
    ]);
    if let Some(email) = &identity.email {
        item.insert("email".to_owned(), s(email));
    }
    item
}

fn linked_identity(item: &Item) -> Result<LinkedIdentity, PortError> {
    let id = uuid::Uuid::parse_str(get_s(item, "id")?)
        .map_err(|_| PortError::Internal(anyhow::anyhow!("a stored identity id is not a UUID")))?;
    Ok(LinkedIdentity {
        id,
        user_id: get_user_id(item, USER_ATTRIBUTE)?,
        provider: get_s(item, "provider")?.to_owned(),
        issuer: get_s(item, "issuer")?.to_owned(),
        subject: get_s(item, "subject")?.to_owned(),
        email: item.get("email").and_then(|value| value.as_s().ok()).cloned(),
        linked_at: from_millis(get_n(item, "linkedAt")?)?,
    })
}

impl DynamoStore {
    /// Deletes the item at `key` and returns it, if it was there.
    async fn take(&self, operation: &str, key: Item) -> Result<Option<Item>, PortError> {
        let deleted = self
            .client
            .delete_item()
            .table_name(self.table.as_ref())
            .set_key(Some(key))
            .condition_expression("attribute_exists(pk)")
            .return_values(ReturnValue::AllOld)
            .send()
            .await;
        match deleted {
            Ok(output) => Ok(output.attributes),
            Err(error) if is_condition_failure(&error) => Ok(None),
            Err(error) => Err(aws_error(operation, error)),
        }
    }

    fn count_change(&self, user_id: UserId, by: i64, condition: Option<&str>) -> Result<TransactWriteItem, PortError> {
        let mut update = Update::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(count_key(user_id)))
            .update_expression("ADD linked :by")
            .expression_attribute_values(":by", n(by))
            .set_condition_expression(condition.map(str::to_owned));
        if condition.is_some_and(|condition| condition.contains(":one")) {
            update = update.expression_attribute_values(":one", n(1));
        }
        Ok(TransactWriteItem::builder().update(update.build().map_err(internal)?).build())
    }
}

#[async_trait]
impl FederationStore for DynamoStore {
    async fn insert_authorization(&self, digest: &[u8], pending: &PendingAuthorization) -> Result<(), PortError> {
        let mut item = request_key(digest);
        item.extend([
            ("provider".to_owned(), s(&pending.provider)),
            ("sealedSecrets".to_owned(), b(pending.sealed_secrets.clone())),
            ("redirectUri".to_owned(), s(&pending.redirect_uri)),
            ("codeChallenge".to_owned(), s(&pending.code_challenge)),
            ("expiresAt".to_owned(), n(millis(pending.expires_at))),
            (TTL_ATTRIBUTE.to_owned(), ttl(pending.expires_at)),
        ]);
        if let Some(state) = &pending.app_state {
            item.insert("appState".to_owned(), s(state));
        }
        self.insert_new("storing a federated sign-in request", item).await
    }

    async fn take_authorization(
        &self,
        digest: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<PendingAuthorization>, PortError> {
        let Some(item) = self.take("taking a federated sign-in request", request_key(digest)).await? else {
            return Ok(None);
        };
        let pending = PendingAuthorization {
            provider: get_s(&item, "provider")?.to_owned(),
            sealed_secrets: get_b(&item, "sealedSecrets")?,
            redirect_uri: get_s(&item, "redirectUri")?.to_owned(),
            code_challenge: get_s(&item, "codeChallenge")?.to_owned(),
            app_state: item.get("appState").and_then(|value| value.as_s().ok()).cloned(),
            expires_at: from_millis(get_n(&item, "expiresAt")?)?,
        };
        Ok((pending.expires_at > now).then_some(pending))
    }

    async fn insert_code(&self, digest: &[u8], code: &FederationCode) -> Result<(), PortError> {
        let mut item = code_key(digest);
        item.extend([
            (USER_ATTRIBUTE.to_owned(), s(code.user_id.to_string())),
            ("provider".to_owned(), s(&code.provider)),
            ("codeChallenge".to_owned(), s(&code.code_challenge)),
            ("redirectUri".to_owned(), s(&code.redirect_uri)),
            ("expiresAt".to_owned(), n(millis(code.expires_at))),
            (TTL_ATTRIBUTE.to_owned(), ttl(code.expires_at)),
        ]);
        self.insert_new("storing a federated sign-in code", item).await
    }

    async fn take_code(&self, digest: &[u8], now: DateTime<Utc>) -> Result<Option<FederationCode>, PortError> {
        let Some(item) = self.take("taking a federated sign-in code", code_key(digest)).await? else {
            return Ok(None);
        };
        let code = FederationCode {
            user_id: get_user_id(&item, USER_ATTRIBUTE)?,
            provider: get_s(&item, "provider")?.to_owned(),
            code_challenge: get_s(&item, "codeChallenge")?.to_owned(),
            redirect_uri: get_s(&item, "redirectUri")?.to_owned(),
            expires_at: from_millis(get_n(&item, "expiresAt")?)?,
        };
        Ok((code.expires_at > now).then_some(code))
    }

    async fn identity(&self, issuer: &str, subject: &str) -> Result<Option<LinkedIdentity>, PortError> {
        let item = self.get_item("reading a linked identity", claim_key(issuer, subject)).await?;
        item.as_ref().map(linked_identity).transpose()
    }

    async fn link(&self, identity: &LinkedIdentity) -> Result<bool, PortError> {
        let claim = with_link(claim_key(&identity.issuer, &identity.subject), identity);
        let copy = with_link(link_key(identity.user_id, identity.id), identity);
        let items = vec![
            self.transact_put(claim, Some("attribute_not_exists(pk)"))?,
            self.transact_put(copy, Some("attribute_not_exists(pk)"))?,
            self.count_change(identity.user_id, 1, None)?,
        ];
        Ok(self.transact("linking an identity", items).await?.is_none())
    }

    async fn identities(&self, user_id: UserId) -> Result<Vec<LinkedIdentity>, PortError> {
        let query = self
            .client
            .query()
            .table_name(self.table.as_ref())
            .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
            .expression_attribute_values(":pk", s(user_pk(user_id)))
            .expression_attribute_values(":prefix", s("IDENTITY#"))
            .consistent_read(true);
        let items = self.query_all("listing linked identities", query).await?;
        let mut identities = items.iter().map(linked_identity).collect::<Result<Vec<_>, _>>()?;
        identities.sort_by(|a, b| a.linked_at.cmp(&b.linked_at).then(a.id.cmp(&b.id)));
        Ok(identities)
    }

    async fn unlink(
        &self,
        user_id: UserId,
        id: uuid::Uuid,
        keep_last: bool,
        at: DateTime<Utc>,
    ) -> Result<Unlink, PortError> {
        let Some(copy) = self.get_item("reading a linked identity", link_key(user_id, id)).await? else {
            return Ok(Unlink::NotFound);
        };
        let identity = linked_identity(&copy)?;
        let remaining = if keep_last { "linked > :one" } else { "attribute_exists(pk)" };
        let mut unlinked = unlinked_key(user_id, &identity.issuer, &identity.subject);
        unlinked.insert("unlinkedAt".to_owned(), n(millis(at)));
        let items = vec![
            self.transact_delete(link_key(user_id, id), Some("attribute_exists(pk)"))?,
            self.transact_delete(claim_key(&identity.issuer, &identity.subject), None)?,
            self.count_change(user_id, -1, Some(remaining))?,
            self.transact_put(unlinked, None)?,
        ];
        match self.transact("unlinking an identity", items).await? {
            None => Ok(Unlink::Unlinked),
            // Unlinked meanwhile by a concurrent request.
            Some(failed) if failed.first() == Some(&true) => Ok(Unlink::NotFound),
            Some(_) => Ok(Unlink::LastOne),
        }
    }

    async fn was_unlinked(&self, user_id: UserId, issuer: &str, subject: &str) -> Result<bool, PortError> {
        let item = self.get_item("reading an unlinked identity", unlinked_key(user_id, issuer, subject)).await?;
        Ok(item.is_some())
    }

    /// The mark is an attribute of the account's count of links.
    async fn set_passwordless(&self, user_id: UserId, passwordless: bool) -> Result<(), PortError> {
        let request = self.client.update_item().table_name(self.table.as_ref()).set_key(Some(count_key(user_id)));
        let request = match passwordless {
            true => request
                .update_expression("SET passwordless = :yes")
                .expression_attribute_values(":yes", AttributeValue::Bool(true)),
            // Only where the account has links: clearing makes no item for
            // an account that never had one (every password reset clears).
            false => request.update_expression("REMOVE passwordless").condition_expression("attribute_exists(pk)"),
        };
        conditional(request.send().await, "marking an account without a password")?;
        Ok(())
    }

    async fn is_passwordless(&self, user_id: UserId) -> Result<bool, PortError> {
        let item = self.get_item("reading an account's links", count_key(user_id)).await?;
        Ok(item.is_some_and(|item| item.get("passwordless").is_some_and(|value| value.as_bool() == Ok(&true))))
    }

    /// Deletes the account's links with their claims, its count (with its
    /// mark) and its codes (found through the user index).
    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        let mut keys = self.keys_naming("finding federated sign-in codes", user_id, "FEDCODE#").await?;
        for identity in self.identities(user_id).await? {
            keys.push(claim_key(&identity.issuer, &identity.subject));
            keys.push(link_key(user_id, identity.id));
        }
        keys.push(count_key(user_id));
        keys.extend(self.keys_under("finding unlinked identities", user_pk(user_id), "UNLINKED#").await?);
        self.delete_all("deleting linked identities", keys).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_of_different_identities_differ_even_when_their_parts_run_together() {
        assert_ne!(claim_key("https://a.example", "bc"), claim_key("https://a.exampleb", "c"));
        assert_eq!(claim_key("https://a.example", "bc"), claim_key("https://a.example", "bc"));
    }
}
