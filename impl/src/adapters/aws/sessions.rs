//! Sessions and refresh tokens in DynamoDB.
//!
//! Cognito's tokens stay cryptographically valid after a sign-out, and its
//! refresh tokens name no user, so the service keeps its own record: a
//! session item per sign-in (keyed by the tokens' `origin_jti`), which every
//! authenticated request must find, and an item per refresh token, keyed by
//! its digest, naming its session and keeping Cognito's refresh token
//! (sealed by the domain). A token whose session is not recorded is
//! refused, so tokens obtained from Cognito directly, bypassing the service
//! and its second factor, are worthless here.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
use chrono::{DateTime, Utc};

use super::store::DynamoStore;
use super::table::{
    Item, SORT_KEY, TTL_ATTRIBUTE, b, from_millis, get_b, get_n, get_opt_n, get_s, get_user_id, hex, internal, key,
    millis, n, s, ttl, user_pk,
};
use crate::domain::{PortError, SessionId, UserId};
use crate::ports::{NewRefreshToken, Rotation, SessionRecord, SessionStore, StoredRefreshToken};

const SESSION_PREFIX: &str = "SESSION#";

fn session_key(user_id: UserId, session_id: &str) -> Item {
    key(user_pk(user_id), format!("{SESSION_PREFIX}{session_id}"))
}

fn token_key(digest: &str) -> Item {
    key(format!("REFRESH#{digest}"), "REFRESH")
}

impl DynamoStore {
    fn token_item(
        &self,
        digest: &str,
        user_id: UserId,
        session_id: &str,
        token: NewRefreshToken<'_>,
        expires_at: DateTime<Utc>,
    ) -> Item {
        let mut item = token_key(digest);
        item.extend([
            ("userId".to_owned(), s(user_id.to_string())),
            ("sessionId".to_owned(), s(session_id)),
            ("expiresAt".to_owned(), n(millis(expires_at))),
            (TTL_ATTRIBUTE.to_owned(), ttl(expires_at)),
        ]);
        if let Some(sealed) = token.sealed_provider_token {
            item.insert("sealedToken".to_owned(), b(sealed));
        }
        item
    }

    fn session_record(&self, item: &Item) -> Result<SessionRecord, PortError> {
        let expires_at = from_millis(get_n(item, "expiresAt")?)?;
        // Sessions recorded by earlier versions kept only their end.
        let started_at = match get_opt_n(item, "startedAt")? {
            Some(at) => from_millis(at)?,
            None => expires_at - self.session_ttl,
        };
        let last_used_at = get_opt_n(item, "lastUsedAt")?.map(from_millis).transpose()?.unwrap_or(started_at);
        let text = |name: &str| item.get(name).and_then(|value| value.as_s().ok()).cloned();
        Ok(SessionRecord {
            id: SessionId(get_s(item, SORT_KEY)?.trim_start_matches(SESSION_PREFIX).to_owned()),
            user_id: get_s(item, "pk")?
                .strip_prefix("USER#")
                .and_then(|id| uuid::Uuid::parse_str(id).ok())
                .map(UserId)
                .ok_or_else(|| PortError::Internal(anyhow::anyhow!("a session item names no user")))?,
            started_at,
            last_used_at,
            expires_at,
            ip: text("ip").and_then(|ip| ip.parse().ok()),
            user_agent: text("userAgent"),
        })
    }

    /// Ends the session of `item` with its current refresh token.
    async fn end_session_item(&self, user_id: UserId, item: &Item) -> Result<(), PortError> {
        let session_id = get_s(item, SORT_KEY)?.trim_start_matches(SESSION_PREFIX).to_owned();
        let mut items = vec![self.transact_delete(session_key(user_id, &session_id), None)?];
        if let Some(AttributeValue::S(digest)) = item.get("refreshDigest") {
            items.push(self.transact_delete(token_key(digest), None)?);
        }
        self.transact("ending a session", items).await?;
        Ok(())
    }

    /// Every session item of a user.
    async fn session_items(&self, user_id: UserId) -> Result<Vec<Item>, PortError> {
        let query = self
            .client
            .query()
            .table_name(self.table.as_ref())
            .key_condition_expression("pk = :pk AND begins_with(#sk, :prefix)")
            .expression_attribute_names("#sk", SORT_KEY)
            .expression_attribute_values(":pk", s(user_pk(user_id)))
            .expression_attribute_values(":prefix", s(SESSION_PREFIX))
            .consistent_read(true);
        self.query_all("listing sessions", query).await
    }
}

#[async_trait]
impl SessionStore for DynamoStore {
    async fn start(&self, session: &SessionRecord, token: NewRefreshToken<'_>) -> Result<(), PortError> {
        let digest = hex(token.digest);
        let mut item = session_key(session.user_id, &session.id.0);
        item.extend([
            ("refreshDigest".to_owned(), s(&digest)),
            ("startedAt".to_owned(), n(millis(session.started_at))),
            ("lastUsedAt".to_owned(), n(millis(session.last_used_at))),
            ("expiresAt".to_owned(), n(millis(session.expires_at))),
            (TTL_ATTRIBUTE.to_owned(), ttl(session.expires_at)),
        ]);
        if let Some(ip) = session.ip {
            item.insert("ip".to_owned(), s(ip.to_string()));
        }
        if let Some(user_agent) = &session.user_agent {
            item.insert("userAgent".to_owned(), s(user_agent));
        }
        let token = self.token_item(&digest, session.user_id, &session.id.0, token, session.expires_at);
        let items = vec![
            self.transact_put(item, Some("attribute_not_exists(pk)"))?,
            self.transact_put(token, Some("attribute_not_exists(pk)"))?,
        ];
        match self.transact("recording a session", items).await? {
            None => Ok(()),
            Some(_) => Err(PortError::Internal(anyhow::anyhow!("a new session's id or refresh token is taken"))),
        }
    }

    async fn session(&self, user_id: UserId, session_id: &SessionId) -> Result<Option<SessionRecord>, PortError> {
        let item = self.get_item("reading a session", session_key(user_id, &session_id.0)).await?;
        item.as_ref().map(|item| self.session_record(item)).transpose()
    }

    async fn refresh_token(&self, digest: &[u8]) -> Result<Option<(StoredRefreshToken, SessionRecord)>, PortError> {
        let Some(item) = self.get_item("reading a refresh token", token_key(&hex(digest))).await? else {
            return Ok(None);
        };
        let user_id = get_user_id(&item, "userId")?;
        let session_id = SessionId(get_s(&item, "sessionId")?.to_owned());
        let Some(session) = self.session(user_id, &session_id).await? else { return Ok(None) };
        let rotated = match item.get("rotatedAt") {
            Some(_) => Some((from_millis(get_n(&item, "rotatedAt")?)?, get_b(&item, "sealedSuccessor")?)),
            None => None,
        };
        let sealed_provider_token =
            item.contains_key("sealedToken").then(|| get_b(&item, "sealedToken")).transpose()?;
        Ok(Some((StoredRefreshToken { user_id, session_id, sealed_provider_token, rotated }, session)))
    }

    /// One transaction: the old token marked rotated (if it was not), the
    /// new one put, and the session moved to it (if the old one was its
    /// current token). Of two concurrent rotations, or a rotation and an
    /// end, only one wins.
    async fn rotate(&self, rotation: Rotation<'_>) -> Result<bool, PortError> {
        let (old, new) = (hex(rotation.old), hex(rotation.new.digest));
        let retire = Update::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(token_key(&old)))
            .update_expression("SET rotatedAt = :at, sealedSuccessor = :successor")
            .condition_expression("attribute_exists(pk) AND attribute_not_exists(rotatedAt)")
            .expression_attribute_values(":at", n(millis(rotation.at)))
            .expression_attribute_values(":successor", b(rotation.sealed_successor))
            .build()
            .map_err(internal)?;
        let session = Update::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(session_key(rotation.user_id, &rotation.session_id.0)))
            .update_expression("SET refreshDigest = :new, lastUsedAt = :at")
            .condition_expression("refreshDigest = :old")
            .expression_attribute_values(":new", s(&new))
            .expression_attribute_values(":old", s(&old))
            .expression_attribute_values(":at", n(millis(rotation.at)))
            .build()
            .map_err(internal)?;
        let token = self.token_item(&new, rotation.user_id, &rotation.session_id.0, rotation.new, rotation.expires_at);
        let items = vec![
            TransactWriteItem::builder().update(retire).build(),
            self.transact_put(token, Some("attribute_not_exists(pk)"))?,
            TransactWriteItem::builder().update(session).build(),
        ];
        Ok(self.transact("rotating a refresh token", items).await?.is_none())
    }

    async fn end(&self, user_id: UserId, session_id: &SessionId) -> Result<bool, PortError> {
        let Some(item) = self.get_item("reading a session", session_key(user_id, &session_id.0)).await? else {
            return Ok(false);
        };
        self.end_session_item(user_id, &item).await?;
        Ok(true)
    }

    async fn end_all(&self, user_id: UserId, keep: Option<&SessionId>) -> Result<(), PortError> {
        for item in self.session_items(user_id).await? {
            let session_id = get_s(&item, SORT_KEY)?.strip_prefix(SESSION_PREFIX);
            if keep.is_some_and(|keep| session_id == Some(keep.0.as_str())) {
                continue;
            }
            self.end_session_item(user_id, &item).await?;
        }
        Ok(())
    }

    /// Ends the sessions, then deletes the refresh tokens that are left
    /// (rotated ones), found through the user index.
    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        self.end_all(user_id, None).await?;
        let keys = self.keys_naming("finding refresh tokens", user_id, "REFRESH#").await?;
        self.delete_all("deleting refresh tokens", keys).await
    }

    async fn list(&self, user_id: UserId) -> Result<Vec<SessionRecord>, PortError> {
        self.session_items(user_id).await?.iter().map(|item| self.session_record(item)).collect()
    }
}
