//! Profiles and attempt counters in DynamoDB.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder;
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{
    AttributeValue, Delete, DeleteRequest, Put, ReturnValue, TransactWriteItem, WriteRequest,
};
use chrono::{DateTime, Utc};

use super::table::{
    DIRECTORY_INDEX, EMAIL_ATTRIBUTE, EMAIL_INDEX, Item, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE, USER_ATTRIBUTE,
    USER_INDEX, aws_error, error_code, from_millis, get_bool, get_n, get_s, get_user_id, internal, key, millis, n, s,
    ttl, user_pk,
};
use crate::domain::{Attributes, DisplayName, Email, PortError, Role, Roles, User, UserId};
use crate::ports::{
    Acquire, AttemptCounter, EventPosition, Insert, SECURITY_EVENT_RETENTION, SecurityEvent, SecurityEventKind,
    SecurityLog, UserFilter, UserStore,
};

/// The table, shared by every store of the AWS backend.
#[derive(Clone)]
pub struct DynamoStore {
    pub(super) client: Client,
    pub(super) table: Arc<str>,
    /// The sessions' absolute lifetime: when a session recorded by an
    /// earlier version, which kept only its end, started.
    pub(super) session_ttl: chrono::Duration,
}

pub(super) const PROFILE: &str = "PROFILE";

pub(super) fn email_claim(email: &Email) -> Item {
    key(format!("EMAIL#{email}"), "EMAIL")
}

fn profile_item(user: &User) -> Item {
    let mut item = key(user_pk(user.id), PROFILE);
    item.extend([
        ("userId".to_owned(), s(user.id.to_string())),
        (EMAIL_ATTRIBUTE.to_owned(), s(user.email.as_str())),
        ("name".to_owned(), s(user.name.as_str())),
        ("emailVerified".to_owned(), AttributeValue::Bool(user.email_verified)),
        (ROLES.to_owned(), roles_value(&user.roles)),
        (ATTRIBUTES.to_owned(), attributes_value(&user.attributes)),
        (DISABLED.to_owned(), AttributeValue::Bool(user.disabled)),
        ("createdAt".to_owned(), n(millis(user.created_at))),
        ("updatedAt".to_owned(), n(millis(user.updated_at))),
    ]);
    item
}

/// A profile's roles: a list of names (a list, unlike a string set, may be
/// empty), which `contains` reads in a filter.
const ROLES: &str = "roles";
/// A profile's custom attributes: a map of strings.
const ATTRIBUTES: &str = "attributes";
/// Whether an administrator disabled the account; absent reads as no.
const DISABLED: &str = "disabled";

fn roles_value(roles: &Roles) -> AttributeValue {
    AttributeValue::L(roles.iter().map(|role| s(role.as_str())).collect())
}

fn attributes_value(attributes: &Attributes) -> AttributeValue {
    AttributeValue::M(attributes.iter().map(|(name, value)| (name.clone(), s(value))).collect())
}

/// The roles of a profile; none in a profile written before roles existed.
fn roles_from(item: &Item) -> Result<Roles, PortError> {
    let Some(value) = item.get(ROLES) else { return Ok(Roles::new()) };
    let malformed = || PortError::Internal(anyhow::anyhow!("a profile's roles are malformed"));
    value
        .as_l()
        .map_err(|_| malformed())?
        .iter()
        .map(|role| role.as_s().map(|name| Role::from_trusted(name.clone())).map_err(|_| malformed()))
        .collect()
}

/// The custom attributes of a profile; none in one written before they existed.
fn attributes_from(item: &Item) -> Result<Attributes, PortError> {
    let Some(value) = item.get(ATTRIBUTES) else { return Ok(Attributes::new()) };
    let malformed = || PortError::Internal(anyhow::anyhow!("a profile's attributes are malformed"));
    value
        .as_m()
        .map_err(|_| malformed())?
        .iter()
        .map(|(name, value)| value.as_s().map(|value| (name.clone(), value.clone())).map_err(|_| malformed()))
        .collect()
}

fn profile_from(item: &Item) -> Result<User, PortError> {
    let email = Email::parse("email", get_s(item, EMAIL_ATTRIBUTE)?)
        .map_err(|_| PortError::Internal(anyhow::anyhow!("a stored email does not parse")))?;
    Ok(User {
        id: get_user_id(item, "userId")?,
        email,
        name: DisplayName::from_trusted(get_s(item, "name")?.to_owned()),
        email_verified: get_bool(item, "emailVerified")?,
        roles: roles_from(item)?,
        attributes: attributes_from(item)?,
        disabled: item.contains_key(DISABLED).then(|| get_bool(item, DISABLED)).transpose()?.unwrap_or(false),
        created_at: from_millis(get_n(item, "createdAt")?)?,
        updated_at: from_millis(get_n(item, "updatedAt")?)?,
    })
}

/// Pages of the directory index one listing reads at most.
const LIST_ROUNDS: usize = 8;

/// A start key in the directory index just after the address `after`:
/// index keys tie-break on the table's key, and `USER#~` sorts after every
/// `USER#<uuid>`. The address need not be one's.
fn directory_key(after: &str) -> Item {
    let mut item = key("USER#~", PROFILE);
    item.insert(EMAIL_ATTRIBUTE.to_owned(), s(after));
    item
}

/// Whether a write was refused by its condition.
pub(super) fn is_condition_failure<E: aws_sdk_dynamodb::error::ProvideErrorMetadata, R>(
    error: &aws_sdk_dynamodb::error::SdkError<E, R>,
) -> bool {
    error_code(error) == Some("ConditionalCheckFailedException")
}

/// The outcome of a conditional write: `false` when its condition failed.
pub(super) fn conditional<T, E, R>(
    outcome: Result<T, aws_sdk_dynamodb::error::SdkError<E, R>>,
    operation: &str,
) -> Result<bool, PortError>
where
    E: aws_sdk_dynamodb::error::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    match outcome {
        Ok(_) => Ok(true),
        Err(error) if is_condition_failure(&error) => Ok(false),
        Err(error) => Err(aws_error(operation, error)),
    }
}

impl DynamoStore {
    /// The store over `table`, whose sessions last `session_ttl`.
    pub fn new(client: Client, table: &str, session_ttl: Duration) -> Self {
        let session_ttl = chrono::Duration::from_std(session_ttl).unwrap_or(chrono::Duration::MAX);
        Self { client, table: table.into(), session_ttl }
    }

    /// A put of `item` within a transaction, under `condition` if any.
    pub(super) fn transact_put(&self, item: Item, condition: Option<&str>) -> Result<TransactWriteItem, PortError> {
        let put = Put::builder()
            .table_name(self.table.as_ref())
            .set_item(Some(item))
            .set_condition_expression(condition.map(str::to_owned))
            .build()
            .map_err(internal)?;
        Ok(TransactWriteItem::builder().put(put).build())
    }

    /// A delete of `key` within a transaction, under `condition` if any.
    pub(super) fn transact_delete(&self, key: Item, condition: Option<&str>) -> Result<TransactWriteItem, PortError> {
        let delete = Delete::builder()
            .table_name(self.table.as_ref())
            .set_key(Some(key))
            .set_condition_expression(condition.map(str::to_owned))
            .build()
            .map_err(internal)?;
        Ok(TransactWriteItem::builder().delete(delete).build())
    }

    /// Runs a transaction: `Ok(None)` when it committed, `Ok(Some(failed))`
    /// when a condition cancelled it, `failed` saying which items' conditions
    /// failed. Cancelled by a concurrent transaction, it is unavailable.
    pub(super) async fn transact(
        &self,
        operation: &str,
        items: Vec<TransactWriteItem>,
    ) -> Result<Option<Vec<bool>>, PortError> {
        let Err(error) = self.client.transact_write_items().set_transact_items(Some(items)).send().await else {
            return Ok(None);
        };
        let reasons: Vec<&str> = match error.as_service_error() {
            Some(TransactWriteItemsError::TransactionCanceledException(cancelled)) => {
                cancelled.cancellation_reasons().iter().map(|reason| reason.code().unwrap_or("None")).collect()
            }
            _ => Vec::new(),
        };
        if reasons.contains(&"ConditionalCheckFailed") {
            return Ok(Some(reasons.iter().map(|code| *code == "ConditionalCheckFailed").collect()));
        }
        if reasons.contains(&"TransactionConflict") {
            return Err(PortError::Unavailable(anyhow::anyhow!("{operation} met a concurrent transaction")));
        }
        Err(aws_error(operation, error))
    }

    pub(super) async fn get_item(&self, operation: &str, key: Item) -> Result<Option<Item>, PortError> {
        let output = self
            .client
            .get_item()
            .table_name(self.table.as_ref())
            .set_key(Some(key))
            .consistent_read(true)
            .send()
            .await
            .map_err(|error| aws_error(operation, error))?;
        Ok(output.item)
    }

    /// Puts a new item whose key is fresh (a digest of random bytes): one
    /// already there is a bug, not a condition, and nothing is overwritten.
    pub(super) async fn insert_new(&self, operation: &str, item: Item) -> Result<(), PortError> {
        let put = self
            .client
            .put_item()
            .table_name(self.table.as_ref())
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await;
        match conditional(put, operation)? {
            true => Ok(()),
            false => Err(PortError::Internal(anyhow::anyhow!("{operation}: the new item's key is taken"))),
        }
    }

    pub(super) async fn delete_item(&self, operation: &str, key: Item) -> Result<(), PortError> {
        self.client
            .delete_item()
            .table_name(self.table.as_ref())
            .set_key(Some(key))
            .send()
            .await
            .map_err(|error| aws_error(operation, error))?;
        Ok(())
    }

    /// Every item `query` answers, page after page.
    pub(super) async fn query_all(&self, operation: &str, query: QueryFluentBuilder) -> Result<Vec<Item>, PortError> {
        let mut items = Vec::new();
        let mut start: Option<Item> = None;
        loop {
            let page = query
                .clone()
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|error| aws_error(operation, error))?;
            items.extend(page.items.unwrap_or_default());
            match page.last_evaluated_key {
                Some(next) if !next.is_empty() => start = Some(next),
                _ => return Ok(items),
            }
        }
    }

    /// The keys of the items in partition `pk` whose sort key begins with `prefix`.
    pub(super) async fn keys_under(&self, operation: &str, pk: String, prefix: &str) -> Result<Vec<Item>, PortError> {
        let query = self
            .client
            .query()
            .table_name(self.table.as_ref())
            .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
            .expression_attribute_values(":pk", s(pk))
            .expression_attribute_values(":prefix", s(prefix))
            .projection_expression("pk, sk")
            .consistent_read(true);
        self.query_all(operation, query).await
    }

    /// The keys of the items outside the user's partition that name the
    /// user in `userId` and whose partition key begins with `prefix`, from
    /// [`USER_INDEX`]. The index is eventually consistent: an item written
    /// within the last moment may be missing.
    pub(super) async fn keys_naming(
        &self,
        operation: &str,
        user_id: UserId,
        prefix: &str,
    ) -> Result<Vec<Item>, PortError> {
        let query = self
            .client
            .query()
            .table_name(self.table.as_ref())
            .index_name(USER_INDEX)
            .key_condition_expression("#user = :user")
            .expression_attribute_names("#user", USER_ATTRIBUTE)
            .expression_attribute_values(":user", s(user_id.to_string()));
        self.query_all(operation, query)
            .await?
            .iter()
            .filter(|item| get_s(item, PARTITION_KEY).is_ok_and(|pk| pk.starts_with(prefix)))
            .map(|item| Ok(key(get_s(item, PARTITION_KEY)?, get_s(item, SORT_KEY)?)))
            .collect()
    }

    /// Deletes the items with `keys`, 25 to a batch, retrying what DynamoDB
    /// leaves unprocessed. Deleting a missing item succeeds.
    pub(super) async fn delete_all(&self, operation: &str, keys: Vec<Item>) -> Result<(), PortError> {
        const BATCH: usize = 25;
        const TRIES: u32 = 8;
        for chunk in keys.chunks(BATCH) {
            let mut requests = chunk
                .iter()
                .map(|key| {
                    let delete = DeleteRequest::builder().set_key(Some(key.clone())).build().map_err(internal)?;
                    Ok(WriteRequest::builder().delete_request(delete).build())
                })
                .collect::<Result<Vec<_>, PortError>>()?;
            let mut tries = 0;
            while !requests.is_empty() {
                tries += 1;
                if tries > TRIES {
                    return Err(PortError::Unavailable(anyhow::anyhow!(
                        "{operation}: DynamoDB left deletes unprocessed"
                    )));
                }
                if tries > 1 {
                    tokio::time::sleep(Duration::from_millis(50 << tries.min(6))).await;
                }
                let output = self
                    .client
                    .batch_write_item()
                    .request_items(self.table.as_ref(), std::mem::take(&mut requests))
                    .send()
                    .await
                    .map_err(|error| aws_error(operation, error))?;
                requests =
                    output.unprocessed_items.and_then(|mut left| left.remove(self.table.as_ref())).unwrap_or_default();
            }
        }
        Ok(())
    }

    /// Updates the profile of `id` with `update` (which sets `updatedAt`
    /// from `:at`); `None` when there is no such profile.
    async fn update_profile(
        &self,
        id: UserId,
        update: &str,
        values: Vec<(&str, AttributeValue)>,
    ) -> Result<Option<User>, PortError> {
        let mut request = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(key(user_pk(id), PROFILE)))
            .update_expression(update)
            .condition_expression("attribute_exists(pk)")
            .return_values(ReturnValue::AllNew);
        for (name, value) in values {
            request = request.expression_attribute_values(name, value);
        }
        for name in [ROLES, ATTRIBUTES, "name"] {
            if update.contains(&format!("#{name}")) {
                request = request.expression_attribute_names(format!("#{name}"), name);
            }
        }
        match request.send().await {
            Ok(output) => output.attributes.as_ref().map(profile_from).transpose(),
            Err(error) if is_condition_failure(&error) => Ok(None),
            Err(error) => Err(aws_error("updating a profile", error)),
        }
    }
}

#[async_trait]
impl UserStore for DynamoStore {
    /// The profile and a claim on its address, together: a second profile
    /// with the same address cannot be written.
    async fn insert(&self, user: &User) -> Result<Insert, PortError> {
        let items = vec![
            self.transact_put(profile_item(user), Some("attribute_not_exists(pk)"))?,
            self.transact_put(
                {
                    let mut claim = email_claim(&user.email);
                    claim.insert("userId".to_owned(), s(user.id.to_string()));
                    claim
                },
                Some("attribute_not_exists(pk)"),
            )?,
        ];
        match self.transact("storing a profile", items).await? {
            None => Ok(Insert::Inserted),
            Some(failed) if failed.get(1) == Some(&true) => Ok(Insert::EmailTaken),
            Some(_) => Err(PortError::Internal(anyhow::anyhow!("a profile with a new user's id exists"))),
        }
    }

    async fn delete(&self, id: UserId) -> Result<(), PortError> {
        let Some(user) = self.get(id).await? else { return Ok(()) };
        let items = vec![
            self.transact_delete(key(user_pk(id), PROFILE), None)?,
            self.transact_delete(email_claim(&user.email), None)?,
        ];
        self.transact("removing a profile", items).await?;
        Ok(())
    }

    async fn get(&self, id: UserId) -> Result<Option<User>, PortError> {
        self.get_item("reading a profile", key(user_pk(id), PROFILE)).await?.as_ref().map(profile_from).transpose()
    }

    /// Reads the `email-index`, whose entries carry the profile's key.
    async fn id_by_email(&self, email: &Email) -> Result<Option<UserId>, PortError> {
        let found = self
            .client
            .query()
            .table_name(self.table.as_ref())
            .index_name(EMAIL_INDEX)
            .key_condition_expression("#email = :email")
            .expression_attribute_names("#email", EMAIL_ATTRIBUTE)
            .expression_attribute_values(":email", s(email.as_str()))
            .limit(1)
            .send()
            .await
            .map_err(|error| aws_error("looking up an address", error))?;
        let Some(item) = found.items().first() else { return Ok(None) };
        let Some(id) = get_s(item, PARTITION_KEY)?.strip_prefix("USER#") else { return Ok(None) };
        let id = uuid::Uuid::parse_str(id)
            .map(UserId)
            .map_err(|_| PortError::Internal(anyhow::anyhow!("an index entry names no user")))?;
        Ok(Some(id))
    }

    async fn set_email_verified(&self, id: UserId, at: DateTime<Utc>) -> Result<Option<User>, PortError> {
        self.update_profile(
            id,
            "SET emailVerified = :yes, updatedAt = :at",
            vec![(":yes", AttributeValue::Bool(true)), (":at", n(millis(at)))],
        )
        .await
    }

    async fn set_name(&self, id: UserId, name: &DisplayName, at: DateTime<Utc>) -> Result<Option<User>, PortError> {
        self.update_profile(
            id,
            "SET #name = :name, updatedAt = :at",
            vec![(":name", s(name.as_str())), (":at", n(millis(at)))],
        )
        .await
    }

    async fn set_disabled(&self, id: UserId, disabled: bool, at: DateTime<Utc>) -> Result<Option<User>, PortError> {
        self.update_profile(
            id,
            "SET disabled = :disabled, updatedAt = :at",
            vec![(":disabled", AttributeValue::Bool(disabled)), (":at", n(millis(at)))],
        )
        .await
    }

    async fn set_claims(
        &self,
        id: UserId,
        roles: &Roles,
        attributes: &Attributes,
        at: DateTime<Utc>,
    ) -> Result<Option<User>, PortError> {
        self.update_profile(
            id,
            "SET #roles = :roles, #attributes = :attributes, updatedAt = :at",
            vec![(":roles", roles_value(roles)), (":attributes", attributes_value(attributes)), (":at", n(millis(at)))],
        )
        .await
    }

    /// Queries the `directory-index` from the position on, filtering in
    /// DynamoDB; reads at most [`LIST_ROUNDS`] pages of the index per call,
    /// so a page may come back short with a position to go on from.
    async fn list(
        &self,
        filter: &UserFilter,
        after: Option<&str>,
        limit: usize,
    ) -> Result<(Vec<User>, Option<String>), PortError> {
        let mut start = after.map(directory_key);
        let mut users = Vec::new();
        for _ in 0..LIST_ROUNDS {
            let mut query = self
                .client
                .query()
                .table_name(self.table.as_ref())
                .index_name(DIRECTORY_INDEX)
                .expression_attribute_names("#sk", SORT_KEY)
                .expression_attribute_values(":profile", s(PROFILE))
                .set_exclusive_start_key(start.take())
                .limit(i32::try_from(limit.saturating_add(1)).unwrap_or(i32::MAX));
            query = match &filter.email_prefix {
                Some(prefix) => query
                    .key_condition_expression("#sk = :profile AND begins_with(#email, :prefix)")
                    .expression_attribute_names("#email", EMAIL_ATTRIBUTE)
                    .expression_attribute_values(":prefix", s(prefix)),
                None => query.key_condition_expression("#sk = :profile"),
            };
            let mut conditions = Vec::new();
            if let Some(verified) = filter.email_verified {
                conditions.push("emailVerified = :verified");
                query = query.expression_attribute_values(":verified", AttributeValue::Bool(verified));
            }
            if let Some(disabled) = filter.disabled {
                // Profiles written before accounts could be disabled have no flag.
                conditions.push(if disabled {
                    "disabled = :disabled"
                } else {
                    "(attribute_not_exists(disabled) OR disabled = :disabled)"
                });
                query = query.expression_attribute_values(":disabled", AttributeValue::Bool(disabled));
            }
            if let Some(role) = &filter.role {
                conditions.push("contains(#roles, :role)");
                query = query
                    .expression_attribute_names("#roles", ROLES)
                    .expression_attribute_values(":role", s(role.as_str()));
            }
            if !conditions.is_empty() {
                query = query.filter_expression(conditions.join(" AND "));
            }
            let page = query.send().await.map_err(|error| aws_error("listing profiles", error))?;
            for item in page.items() {
                let user = profile_from(item)?;
                // A start key sorts after its own address, but only just.
                if after != Some(user.email.as_str()) {
                    users.push(user);
                }
            }
            start = page.last_evaluated_key;
            if users.len() > limit || start.is_none() {
                break;
            }
        }
        if users.len() > limit {
            users.truncate(limit);
            let last = users.last().map(|user| user.email.as_str().to_owned());
            return Ok((users, last));
        }
        let next = start.as_ref().map(|key| get_s(key, EMAIL_ATTRIBUTE).map(str::to_owned)).transpose()?;
        Ok((users, next))
    }

    async fn ping(&self) -> Result<(), PortError> {
        self.client
            .describe_table()
            .table_name(self.table.as_ref())
            .send()
            .await
            .map_err(|error| aws_error("describing the table", error))?;
        Ok(())
    }
}

/// How often `acquire` tries again after losing a race.
const MAX_ROUNDS: usize = 16;

fn attempts_key(name: &str) -> Item {
    key(format!("ATTEMPTS#{name}"), "ATTEMPTS")
}

impl DynamoStore {
    /// Counts one attempt in a window that began after `cutoff` (ms) and
    /// has room; `false` when there is no such window.
    async fn count_within_window(&self, name: &str, limit: u32, cutoff: i64) -> Result<bool, PortError> {
        let counted = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(attempts_key(name)))
            .update_expression("SET #count = #count + :one")
            .condition_expression("attribute_exists(pk) AND windowStart > :cutoff AND #count < :limit")
            .expression_attribute_names("#count", "count")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":cutoff", n(cutoff))
            .expression_attribute_values(":limit", n(limit))
            .send()
            .await;
        conditional(counted, "counting an attempt")
    }

    /// Starts a new window with one attempt, unless a window that began
    /// after `now - window_ms` exists.
    async fn start_window(&self, name: &str, now: DateTime<Utc>, window_ms: i64) -> Result<bool, PortError> {
        let now_ms = millis(now);
        let started = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(attempts_key(name)))
            .update_expression("SET #count = :one, windowStart = :now, #ttl = :ttl")
            .condition_expression("attribute_not_exists(pk) OR windowStart <= :cutoff")
            .expression_attribute_names("#count", "count")
            .expression_attribute_names("#ttl", TTL_ATTRIBUTE)
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":now", n(now_ms))
            .expression_attribute_values(":ttl", ttl(now + chrono::Duration::milliseconds(window_ms)))
            .expression_attribute_values(":cutoff", n(now_ms.saturating_sub(window_ms)))
            .send()
            .await;
        conditional(started, "starting an attempt window")
    }
}

#[async_trait]
impl AttemptCounter for DynamoStore {
    /// Counts within the current window when it has room, else starts a
    /// new window when the last one ended; both are conditional writes, so
    /// concurrent requests cannot overrun the limit. A write that loses a
    /// race is tried again on what the winner left.
    async fn acquire(
        &self,
        name: &str,
        limit: u32,
        window: Duration,
        now: DateTime<Utc>,
    ) -> Result<Acquire, PortError> {
        let window_ms = i64::try_from(window.as_millis()).unwrap_or(i64::MAX);
        let now_ms = millis(now);
        let cutoff = now_ms.saturating_sub(window_ms);
        if limit == 0 {
            return Ok(Acquire::Refused { retry_after: window });
        }
        for _ in 0..MAX_ROUNDS {
            if self.count_within_window(name, limit, cutoff).await? {
                return Ok(Acquire::Granted);
            }
            match self.get_item("reading an attempt counter", attempts_key(name)).await? {
                Some(item) if get_n::<i64>(&item, "windowStart")? > cutoff => {
                    if get_n::<u32>(&item, "count")? >= limit {
                        let start: i64 = get_n(&item, "windowStart")?;
                        let remaining = start.saturating_add(window_ms).saturating_sub(now_ms).max(0);
                        return Ok(Acquire::Refused { retry_after: Duration::from_millis(remaining as u64) });
                    }
                }
                _ => {
                    if self.start_window(name, now, window_ms).await? {
                        return Ok(Acquire::Granted);
                    }
                }
            }
        }
        Err(PortError::Unavailable(anyhow::anyhow!("the attempt counter stayed contended")))
    }

    async fn release(&self, name: &str) -> Result<(), PortError> {
        let released = self
            .client
            .update_item()
            .table_name(self.table.as_ref())
            .set_key(Some(attempts_key(name)))
            .update_expression("SET #count = #count - :one")
            .condition_expression("#count > :zero")
            .expression_attribute_names("#count", "count")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":zero", n(0))
            .send()
            .await;
        conditional(released, "giving back an attempt").map(drop)
    }

    async fn reset(&self, name: &str) -> Result<(), PortError> {
        self.delete_item("forgetting attempts", attempts_key(name)).await
    }
}

const EVENT_PREFIX: &str = "EVENT#";

/// Events sort by time under the user: `EVENT#<ms, zero-padded>#<UUIDv7>`,
/// the UUID keeping the order of events recorded within one millisecond.
#[async_trait]
impl SecurityLog for DynamoStore {
    async fn record(&self, event: &SecurityEvent) -> Result<(), PortError> {
        let sort = event_sort_key(millis(event.at), &uuid::Uuid::now_v7().simple().to_string());
        let mut item = key(user_pk(event.user_id), sort);
        item.extend([
            ("kind".to_owned(), s(event.kind.as_str())),
            ("at".to_owned(), n(millis(event.at))),
            (TTL_ATTRIBUTE.to_owned(), ttl(event.at + SECURITY_EVENT_RETENTION)),
        ]);
        if let Some(ip) = event.ip {
            item.insert("ip".to_owned(), s(ip.to_string()));
        }
        if let Some(user_agent) = &event.user_agent {
            item.insert("userAgent".to_owned(), s(user_agent));
        }
        if let Some(actor) = event.actor {
            item.insert("actor".to_owned(), s(actor.to_string()));
        }
        self.client
            .put_item()
            .table_name(self.table.as_ref())
            .set_item(Some(item))
            .send()
            .await
            .map_err(|error| aws_error("recording a security event", error))?;
        Ok(())
    }

    async fn forget(&self, user_id: UserId) -> Result<(), PortError> {
        let keys = self.keys_under("listing security events", user_pk(user_id), EVENT_PREFIX).await?;
        self.delete_all("deleting security events", keys).await
    }

    /// Positions are the UUIDv7 in the sort key; a page after one reads the
    /// sort keys below it.
    async fn page(
        &self,
        user_id: UserId,
        after: Option<&EventPosition>,
        limit: usize,
    ) -> Result<Vec<(EventPosition, SecurityEvent)>, PortError> {
        let query = self
            .client
            .query()
            .table_name(self.table.as_ref())
            .expression_attribute_values(":pk", s(user_pk(user_id)))
            .scan_index_forward(false);
        let (query, below) = match after {
            None => (
                query
                    .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
                    .expression_attribute_values(":prefix", s(EVENT_PREFIX)),
                None,
            ),
            Some(position) => {
                let below = event_sort_key(millis(position.at), &position.id);
                let query = query
                    .key_condition_expression("pk = :pk AND sk BETWEEN :first AND :below")
                    .expression_attribute_values(":first", s(EVENT_PREFIX))
                    .expression_attribute_values(":below", s(&below));
                (query, Some(below))
            }
        };
        // One more, in case the first is the position itself.
        let found = query
            .limit(i32::try_from(limit.saturating_add(1)).unwrap_or(i32::MAX))
            .send()
            .await
            .map_err(|error| aws_error("reading security events", error))?;
        found
            .items()
            .iter()
            .filter(|item| below.as_deref() != item.get("sk").and_then(|sk| sk.as_s().ok()).map(String::as_str))
            .take(limit)
            .map(|item| {
                let kind = get_s(item, "kind")?;
                let kind = SecurityEventKind::parse(kind)
                    .ok_or_else(|| PortError::Internal(anyhow::anyhow!("an unknown security event {kind:?}")))?;
                let text = |name: &str| item.get(name).and_then(|value| value.as_s().ok()).cloned();
                let at = from_millis(get_n(item, "at")?)?;
                let id = get_s(item, "sk")?.rsplit('#').next().unwrap_or_default().to_owned();
                let ip = text("ip").and_then(|ip| ip.parse().ok());
                let actor = item.contains_key("actor").then(|| get_user_id(item, "actor")).transpose()?;
                let event = SecurityEvent { user_id, kind, at, ip, user_agent: text("userAgent"), actor };
                Ok((EventPosition { at, id }, event))
            })
            .collect()
    }
}

/// The sort key of an event: its time, zero-padded so that keys sort by it, then its id.
fn event_sort_key(at_millis: i64, id: &str) -> String {
    format!("{EVENT_PREFIX}{:015}#{id}", at_millis.max(0))
}
