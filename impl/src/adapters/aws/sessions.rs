//! Sessions and refresh handles in DynamoDB.
//!
//! Cognito's tokens stay cryptographically valid after a sign-out, and its
//! refresh tokens name no user, so the service keeps its own record: a
//! session per sign-in (keyed by the tokens' `origin_jti`), which every
//! authenticated request must find, and a refresh handle per session — the
//! opaque token clients hold — that maps to the session and to Cognito's
//! refresh token, sealed. A token whose session is not recorded is refused,
//! so tokens obtained from Cognito directly, bypassing the service and its
//! second factor, are worthless here.

use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
use chrono::{DateTime, Utc};

use super::store::DynamoStore;
use super::table::{
    Item, SORT_KEY, TTL_ATTRIBUTE, aws_error, b, from_millis, get_b, get_n, get_s, get_user_id, internal, key, millis,
    n, s, ttl, user_pk,
};
use crate::domain::{PortError, UserId};

const SESSION_PREFIX: &str = "SESSION#";

fn session_key(user_id: UserId, session_id: &str) -> Item {
    key(user_pk(user_id), format!("{SESSION_PREFIX}{session_id}"))
}

fn handle_key(digest: &str) -> Item {
    key(format!("REFRESH#{digest}"), "REFRESH")
}

/// What a refresh handle stands for.
pub struct RefreshHandle {
    pub user_id: UserId,
    pub session_id: String,
    /// Cognito's refresh token, sealed for the user.
    pub sealed_token: Vec<u8>,
    pub expires_at: DateTime<Utc>,
    /// Set once the handle was exchanged: when, and for which successor
    /// (sealed), so that a duplicate within the grace window gets the same
    /// successor and a later reuse is recognised.
    pub rotated: Option<(DateTime<Utc>, Vec<u8>)>,
}

impl DynamoStore {
    fn handle_item(&self, digest: &str, handle: &RefreshHandle) -> Item {
        let mut item = handle_key(digest);
        item.extend([
            ("userId".to_owned(), s(handle.user_id.to_string())),
            ("sessionId".to_owned(), s(handle.session_id.clone())),
            ("sealedToken".to_owned(), b(handle.sealed_token.clone())),
            ("expiresAt".to_owned(), n(millis(handle.expires_at))),
            (TTL_ATTRIBUTE.to_owned(), ttl(handle.expires_at)),
        ]);
        item
    }

    /// Records a new session with its first refresh handle.
    pub async fn start_session(&self, digest: &str, handle: &RefreshHandle) -> Result<(), PortError> {
        let mut session = session_key(handle.user_id, &handle.session_id);
        session.extend([
            ("refreshDigest".to_owned(), s(digest)),
            ("expiresAt".to_owned(), n(millis(handle.expires_at))),
            (TTL_ATTRIBUTE.to_owned(), ttl(handle.expires_at)),
        ]);
        let items = vec![
            self.transact_put(session, Some("attribute_not_exists(pk)"))?,
            self.transact_put(self.handle_item(digest, handle), Some("attribute_not_exists(pk)"))?,
        ];
        match self.transact("recording a session", items).await? {
            None => Ok(()),
            Some(_) => Err(PortError::Internal(anyhow::anyhow!("a new session's id or handle is taken"))),
        }
    }

    /// Whether the session is recorded and has not expired at `now`.
    pub async fn session_active(
        &self,
        user_id: UserId,
        session_id: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, PortError> {
        let Some(item) = self.get_item("reading a session", session_key(user_id, session_id)).await? else {
            return Ok(false);
        };
        Ok(get_n::<i64>(&item, "expiresAt")? > millis(now))
    }

    /// The handle with `digest`, if it exists and has not expired at `now`.
    pub async fn refresh_handle(&self, digest: &str, now: DateTime<Utc>) -> Result<Option<RefreshHandle>, PortError> {
        let Some(item) = self.get_item("reading a refresh handle", handle_key(digest)).await? else {
            return Ok(None);
        };
        let rotated = match item.get("rotatedAt") {
            Some(_) => Some((from_millis(get_n(&item, "rotatedAt")?)?, get_b(&item, "sealedSuccessor")?)),
            None => None,
        };
        let handle = RefreshHandle {
            user_id: get_user_id(&item, "userId")?,
            session_id: get_s(&item, "sessionId")?.to_owned(),
            sealed_token: get_b(&item, "sealedToken")?,
            expires_at: from_millis(get_n(&item, "expiresAt")?)?,
            rotated,
        };
        Ok((handle.expires_at > now).then_some(handle))
    }

    /// Replaces the handle `old` of a session with `new`, in one
    /// transaction that requires the old handle to be unused and the
    /// session to hold it: of two concurrent rotations, or a rotation and a
    /// sign-out, only one wins. The old handle stays, marked as rotated at
    /// `at` with its successor (sealed), until the session expires.
    /// `false` when it lost.
    pub async fn rotate_handle(
        &self,
        old: &str,
        (new, sealed_new): (&str, Vec<u8>),
        handle: &RefreshHandle,
        at: DateTime<Utc>,
    ) -> Result<bool, PortError> {
        let retire = Update::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(handle_key(old)))
            .update_expression("SET rotatedAt = :at, sealedSuccessor = :successor")
            .condition_expression("attribute_exists(pk) AND attribute_not_exists(rotatedAt)")
            .expression_attribute_values(":at", n(millis(at)))
            .expression_attribute_values(":successor", b(sealed_new))
            .build()
            .map_err(internal)?;
        let session = Update::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(session_key(handle.user_id, &handle.session_id)))
            .update_expression("SET refreshDigest = :new")
            .condition_expression("refreshDigest = :old")
            .expression_attribute_values(":new", s(new))
            .expression_attribute_values(":old", s(old))
            .build()
            .map_err(internal)?;
        let items = vec![
            TransactWriteItem::builder().update(retire).build(),
            self.transact_put(self.handle_item(new, handle), Some("attribute_not_exists(pk)"))?,
            TransactWriteItem::builder().update(session).build(),
        ];
        Ok(self.transact("rotating a refresh handle", items).await?.is_none())
    }

    /// Ends one session with its current refresh handle.
    pub async fn end_session(&self, user_id: UserId, session_id: &str) -> Result<(), PortError> {
        let Some(item) = self.get_item("reading a session", session_key(user_id, session_id)).await? else {
            return Ok(());
        };
        self.end_session_item(user_id, &item).await
    }

    async fn end_session_item(&self, user_id: UserId, item: &Item) -> Result<(), PortError> {
        let session_id = get_s(item, SORT_KEY)?.trim_start_matches(SESSION_PREFIX).to_owned();
        let mut items = vec![self.transact_delete(session_key(user_id, &session_id), None)?];
        if let Some(AttributeValue::S(digest)) = item.get("refreshDigest") {
            items.push(self.transact_delete(handle_key(digest), None)?);
        }
        self.transact("ending a session", items).await?;
        Ok(())
    }

    /// Ends every session of a user but `keep`, with their refresh handles.
    pub async fn end_sessions(&self, user_id: UserId, keep: Option<&str>) -> Result<(), PortError> {
        let mut start: Option<Item> = None;
        loop {
            let page = self
                .client
                .query()
                .table_name(self.table.as_ref())
                .key_condition_expression("pk = :pk AND begins_with(#sk, :prefix)")
                .expression_attribute_names("#sk", SORT_KEY)
                .expression_attribute_values(":pk", s(user_pk(user_id)))
                .expression_attribute_values(":prefix", s(SESSION_PREFIX))
                .consistent_read(true)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|error| aws_error("listing sessions", error))?;
            for item in page.items() {
                let session_id = get_s(item, SORT_KEY)?.strip_prefix(SESSION_PREFIX);
                if keep.is_some() && session_id == keep {
                    continue;
                }
                self.end_session_item(user_id, item).await?;
            }
            match page.last_evaluated_key {
                Some(next) if !next.is_empty() => start = Some(next),
                _ => return Ok(()),
            }
        }
    }
}
