//! The single DynamoDB table: its key schema, the shape of its items and
//! how AWS errors become port errors.
//!
//! | item | `pk` | `sk` |
//! | --- | --- | --- |
//! | profile | `USER#<id>` | `PROFILE` (carries `email`, the `email-index` key) |
//! | address claim | `EMAIL#<email>` | `EMAIL` |
//! | second factor | `USER#<id>` | `MFA` |
//! | end of a user's challenges | `USER#<id>` | `CHALLENGES` |
//! | session | `USER#<id>` | `SESSION#<id>` |
//! | refresh token | `REFRESH#<digest>` | `REFRESH` |
//! | sign-in challenge | `CHALLENGE#<digest>` | `CHALLENGE` |
//! | attempt counter | `ATTEMPTS#<key>` | `ATTEMPTS` |
//! | security event | `USER#<id>` | `EVENT#<ms>#<UUIDv7>` |
//! | password reset codes (Cognito's adapter) | `USER#<id>` | `RESETS` |
//! | federated sign-in request | `FEDREQ#<digest>` | `FEDREQ` |
//! | federated sign-in code | `FEDCODE#<digest>` | `FEDCODE` |
//! | claim of a linked identity | `IDENTITY#<SHA-256 of issuer, subject>` | `IDENTITY` |
//! | an account's copy of a link | `USER#<id>` | `IDENTITY#<link id>` |
//! | an account's count of links | `USER#<id>` | `IDENTITIES` |
//!
//! Profiles, refresh tokens, challenges, federated sign-in codes and
//! identity claims name their user in `userId`,
//! the key of the `user-index` global secondary index: it finds the items
//! of an account outside its partition when the account is deleted.
//!
//! Items that expire carry `ttl` (seconds since the epoch) for DynamoDB to
//! delete them eventually; reads compare expiry themselves.

use std::collections::HashMap;

use anyhow::anyhow;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::AttributeValue;
use chrono::{DateTime, TimeZone, Utc};

use crate::domain::{PortError, UserId};

pub const PARTITION_KEY: &str = "pk";
pub const SORT_KEY: &str = "sk";
/// The global secondary index over profiles by address.
pub const EMAIL_INDEX: &str = "email-index";
/// The partition key of [`EMAIL_INDEX`].
pub const EMAIL_ATTRIBUTE: &str = "email";
/// The global secondary index over the items that name their user.
pub const USER_INDEX: &str = "user-index";
/// The index of profiles in address order: every profile's `sk` is
/// `PROFILE` and only profiles have an `email`, so its partition `PROFILE`
/// holds every profile, sorted by address, and nothing else.
pub const DIRECTORY_INDEX: &str = "directory-index";
/// The partition key of [`USER_INDEX`].
pub const USER_ATTRIBUTE: &str = "userId";
/// DynamoDB's time-to-live attribute.
pub const TTL_ATTRIBUTE: &str = "ttl";

pub type Item = HashMap<String, AttributeValue>;

pub fn user_pk(user_id: UserId) -> String {
    format!("USER#{user_id}")
}

pub fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

pub fn n(value: impl ToString) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

pub fn b(value: impl Into<Vec<u8>>) -> AttributeValue {
    AttributeValue::B(value.into().into())
}

pub fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub fn from_millis(ms: i64) -> Result<DateTime<Utc>, PortError> {
    Utc.timestamp_millis_opt(ms).single().ok_or_else(|| corrupt("a stored time"))
}

/// The `ttl` of an item that stops mattering at `at`.
pub fn ttl(at: DateTime<Utc>) -> AttributeValue {
    n(at.timestamp().max(0))
}

/// A key of the table.
pub fn key(pk: impl Into<String>, sk: impl Into<String>) -> Item {
    HashMap::from([(PARTITION_KEY.to_owned(), s(pk)), (SORT_KEY.to_owned(), s(sk))])
}

/// A request that could not be built: a bug, not a condition of AWS.
pub fn internal(error: impl Into<anyhow::Error>) -> PortError {
    PortError::Internal(error.into())
}

/// Lower-case hexadecimal, for digests in keys and sets.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn corrupt(what: &str) -> PortError {
    PortError::Internal(anyhow!("{what} in the table is missing or malformed"))
}

pub fn get_s<'a>(item: &'a Item, name: &str) -> Result<&'a str, PortError> {
    item.get(name).and_then(|value| value.as_s().ok()).map(String::as_str).ok_or_else(|| corrupt(name))
}

pub fn get_n<T: std::str::FromStr>(item: &Item, name: &str) -> Result<T, PortError> {
    item.get(name).and_then(|value| value.as_n().ok()).and_then(|text| text.parse().ok()).ok_or_else(|| corrupt(name))
}

pub fn get_opt_n<T: std::str::FromStr>(item: &Item, name: &str) -> Result<Option<T>, PortError> {
    item.contains_key(name).then(|| get_n(item, name)).transpose()
}

pub fn get_b(item: &Item, name: &str) -> Result<Vec<u8>, PortError> {
    item.get(name).and_then(|value| value.as_b().ok()).map(|blob| blob.as_ref().to_vec()).ok_or_else(|| corrupt(name))
}

pub fn get_bool(item: &Item, name: &str) -> Result<bool, PortError> {
    item.get(name).and_then(|value| value.as_bool().ok()).copied().ok_or_else(|| corrupt(name))
}

pub fn get_user_id(item: &Item, name: &str) -> Result<UserId, PortError> {
    uuid::Uuid::parse_str(get_s(item, name)?).map(UserId).map_err(|_| corrupt(name))
}

/// Error codes that mean "not now": retrying later may succeed.
const TRANSIENT: &[&str] = &[
    "ThrottlingException",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "InternalServerError",
    "InternalFailure",
    "ServiceUnavailable",
    "TransactionInProgressException",
];

/// A failed AWS call as a port error: unreachable, timed out or throttled
/// is [`PortError::Unavailable`], anything else [`PortError::Internal`].
/// Only the error's code goes into the cause: AWS messages may echo input.
pub fn aws_error<E, R>(operation: &str, error: SdkError<E, R>) -> PortError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    match &error {
        SdkError::ServiceError(service) => {
            let code = service.err().code().unwrap_or("unknown").to_owned();
            let cause = anyhow!("{operation} failed with {code}");
            if TRANSIENT.contains(&code.as_str()) { PortError::Unavailable(cause) } else { PortError::Internal(cause) }
        }
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            let detail = aws_sdk_dynamodb::error::DisplayErrorContext(&error).to_string();
            PortError::Unavailable(anyhow!("{operation} could not reach AWS: {detail}"))
        }
        _ => PortError::Internal(anyhow!(
            "{operation} could not be sent: {}",
            aws_sdk_dynamodb::error::DisplayErrorContext(&error)
        )),
    }
}

/// The code of a service error, if the call got as far as the service.
pub fn error_code<E: ProvideErrorMetadata, R>(error: &SdkError<E, R>) -> Option<&str> {
    match error {
        SdkError::ServiceError(service) => service.err().code(),
        _ => None,
    }
}
