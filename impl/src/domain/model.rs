//! The domain's entities.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::roles::{Attributes, Roles};
use super::values::{DisplayName, Email};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UserId(pub Uuid);

impl UserId {
    pub fn random() -> Self {
        Self(Uuid::new_v4())
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One sign-in and everything refreshed from it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SessionId(pub String);

impl SessionId {
    /// The longest session id accepted.
    pub const MAX_CHARS: usize = 128;

    /// A session id as a client sends it: 1 to [`Self::MAX_CHARS`] of
    /// `A-Za-z0-9_-`, as the contract's `SessionId` says.
    pub fn parse(field: &str, raw: &str) -> Result<Self, super::FieldProblem> {
        let well_formed = (1..=Self::MAX_CHARS).contains(&raw.len())
            && raw.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-');
        if !well_formed {
            return Err(super::FieldProblem::new(
                field,
                "invalid_session_id",
                format!("must be 1 to {} letters, digits, '_' or '-'", Self::MAX_CHARS),
            ));
        }
        Ok(Self(raw.to_owned()))
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub name: DisplayName,
    pub email_verified: bool,
    /// Granted by an administrator; see [`super::roles`].
    pub roles: Roles,
    pub attributes: Attributes,
    /// Disabled by an administrator: signing in is refused.
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A user's profile with the state of their second factor.
#[derive(Debug, Clone)]
pub struct Account {
    pub user: User,
    pub mfa_enabled: bool,
}

/// The caller of an authenticated operation, from a verified access token.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user_id: UserId,
    pub session_id: SessionId,
}

/// Tokens handed to a client. `Debug` shows none of them.
#[derive(Clone)]
pub struct TokenSet {
    pub access_token: String,
    pub id_token: String,
    pub refresh_token: String,
    /// Lifetime of the access token.
    pub expires_in: Duration,
}

impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSet").field("expires_in", &self.expires_in).finish_non_exhaustive()
    }
}

/// A public key that verifies the service's tokens.
#[derive(Debug, Clone)]
pub enum PublicKey {
    /// A P-256 key for ES256, as the embedded backend signs.
    Ec {
        kid: String,
        /// Base64url coordinates.
        x: String,
        y: String,
    },
    /// An RSA key for RS256, as Cognito signs.
    Rsa {
        kid: String,
        /// Base64url modulus and exponent.
        n: String,
        e: String,
    },
}
