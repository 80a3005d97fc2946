//! The AWS backend: Cognito holds credentials and issues tokens, one
//! DynamoDB table holds everything else.

#[cfg(feature = "aws")]
mod clients;
#[cfg(feature = "aws")]
mod cognito;
#[cfg(feature = "aws")]
pub mod custom_auth;
#[cfg(feature = "aws")]
mod federation;
#[cfg(feature = "aws")]
mod jwks;
#[cfg(feature = "aws")]
pub mod local;
#[cfg(feature = "aws")]
mod mfa;
#[cfg(feature = "aws")]
pub mod migrate;
#[cfg(feature = "aws")]
mod sessions;
#[cfg(feature = "aws")]
mod store;
#[cfg(feature = "aws")]
pub mod table;

use secrecy::SecretString;
use serde::Deserialize;

#[cfg(feature = "aws")]
pub use clients::Clients;
#[cfg(feature = "aws")]
pub use cognito::{CognitoIdentity, CognitoSettings};
#[cfg(feature = "aws")]
pub use store::DynamoStore;

/// Where the AWS backend finds its user pool and table. Credentials and
/// the region come from the environment, as for any AWS SDK program.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AwsConfig {
    /// Overrides the region of the environment (`AWS_REGION`).
    pub region: Option<String>,
    /// Sends every AWS call here instead of the public endpoints: an
    /// emulator such as moto, for development and tests.
    pub endpoint_url: Option<String>,
    pub user_pool_id: String,
    /// A confidential app client of the pool (it has a secret).
    pub client_id: String,
    /// The app client's secret; read from the pool when unset.
    pub client_secret: Option<SecretString>,
    pub table_name: String,
    /// The Secrets Manager secret (name or ARN) holding the keyring the
    /// service shares with the pool's custom authentication trigger,
    /// `{"current": KEY, "previous": [KEY, …]}` (see
    /// `domain::federation::ChallengeKey`); needed with federated sign-in.
    pub custom_auth_key_secret: Option<String>,
    /// Or the key itself, at least 32 characters: for development and tests.
    pub custom_auth_key: Option<SecretString>,
}

impl AwsConfig {
    pub fn validate(&self) -> Result<(), String> {
        let missing: Vec<&str> = [
            ("aws.user_pool_id", &self.user_pool_id),
            ("aws.client_id", &self.client_id),
            ("aws.table_name", &self.table_name),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.trim().is_empty().then_some(name))
        .collect();
        if !missing.is_empty() {
            return Err(format!("backend aws needs {}", missing.join(", ")));
        }
        Ok(())
    }
}
