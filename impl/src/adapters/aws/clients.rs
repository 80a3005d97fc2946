//! The AWS SDK clients the backend calls.

use super::AwsConfig;

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
    pub ses: aws_sdk_sesv2::Client,
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
            ses: aws_sdk_sesv2::Client::new(&shared),
            issuer,
            jwks_url: format!("{keys_base}/.well-known/jwks.json"),
        })
    }
}
