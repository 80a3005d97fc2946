//! The AWS backend: Cognito holds credentials and issues tokens, one
//! DynamoDB table holds everything else.

mod cognito;
mod jwks;
pub mod local;
mod mfa;
mod sessions;
mod store;
pub mod table;

use secrecy::SecretString;
use serde::Deserialize;

pub use cognito::{CognitoIdentity, CognitoSettings};
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

impl AwsConfig {
    /// The region: the configured one, else the environment's. Required,
    /// so that the SDK never asks the instance metadata service at start.
    fn region(&self) -> Result<String, String> {
        self.region
            .clone()
            .or_else(|| std::env::var("AWS_REGION").ok())
            .or_else(|| std::env::var("AWS_DEFAULT_REGION").ok())
            .filter(|region| !region.trim().is_empty())
            .ok_or_else(|| "backend aws needs a region: set aws.region or AWS_REGION".to_owned())
    }
}

/// The AWS clients and where the pool's tokens come from. Building them
/// makes no network calls; credentials are resolved on first use.
pub struct Clients {
    pub cognito: aws_sdk_cognitoidentityprovider::Client,
    pub dynamodb: aws_sdk_dynamodb::Client,
    /// `iss` of the pool's tokens.
    pub issuer: String,
    /// Where the pool publishes its signing keys.
    pub jwks_url: String,
}

impl Clients {
    pub async fn new(config: &AwsConfig) -> anyhow::Result<Self> {
        let region = config.region().map_err(|message| anyhow::anyhow!(message))?;
        let mut loader =
            aws_config::defaults(aws_config::BehaviorVersion::latest()).region(aws_config::Region::new(region.clone()));
        if let Some(endpoint) = &config.endpoint_url {
            loader = loader.endpoint_url(endpoint);
        }
        let shared = loader.load().await;
        let issuer = format!("https://cognito-idp.{region}.amazonaws.com/{}", config.user_pool_id);
        let keys_base = config.endpoint_url.as_deref().map_or_else(
            || issuer.clone(),
            |endpoint| format!("{}/{}", endpoint.trim_end_matches('/'), config.user_pool_id),
        );
        Ok(Self {
            cognito: aws_sdk_cognitoidentityprovider::Client::new(&shared),
            dynamodb: aws_sdk_dynamodb::Client::new(&shared),
            issuer,
            jwks_url: format!("{keys_base}/.well-known/jwks.json"),
        })
    }
}
