//! The user pool's signing keys: fetched on first use, cached, and fetched
//! again when a token names a key the cache lacks — at most once a minute,
//! so that tokens with made-up key ids cannot make the service hammer
//! Cognito.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::anyhow;
use jsonwebtoken::jwk::{AlgorithmParameters, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::de::DeserializeOwned;
use tokio::sync::RwLock;

use crate::domain::{PortError, PublicKey};

const REFETCH_AFTER: Duration = Duration::from_secs(60);
const FETCH_TIMEOUT: Duration = Duration::from_secs(5);

pub struct KeySet {
    url: String,
    http: reqwest::Client,
    /// The last fetched set and when; read by every authenticated request.
    cached: RwLock<Option<(Arc<JwkSet>, Instant)>>,
}

impl KeySet {
    pub fn new(url: String) -> Self {
        let http = reqwest::Client::builder().timeout(FETCH_TIMEOUT).build().unwrap_or_default();
        Self { url, http, cached: RwLock::new(None) }
    }

    async fn fetch(&self) -> Result<JwkSet, PortError> {
        let response = self
            .http
            .get(&self.url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|error| PortError::Unavailable(anyhow!("fetching the user pool's keys: {error}")))?;
        response
            .json()
            .await
            .map_err(|error| PortError::Internal(anyhow!("the user pool's keys do not parse: {error}")))
    }

    /// Whether the cached set must be fetched (again): there is none, or
    /// it lacks `kid` and was fetched long enough ago.
    fn stale(cached: &Option<(Arc<JwkSet>, Instant)>, kid: Option<&str>) -> bool {
        match cached {
            None => true,
            Some((set, fetched)) => {
                kid.is_some_and(|kid| set.find(kid).is_none()) && fetched.elapsed() >= REFETCH_AFTER
            }
        }
    }

    /// The cached set, fetched first when it is [`Self::stale`]; one
    /// request fetches while the others wait for its result.
    async fn with_kid(&self, kid: Option<&str>) -> Result<Arc<JwkSet>, PortError> {
        {
            let cached = self.cached.read().await;
            if !Self::stale(&cached, kid) {
                return Ok(cached.as_ref().map(|(set, _)| Arc::clone(set)).unwrap_or_default());
            }
        }
        let mut cached = self.cached.write().await;
        if Self::stale(&cached, kid) {
            *cached = Some((Arc::new(self.fetch().await?), Instant::now()));
        }
        Ok(cached.as_ref().map(|(set, _)| Arc::clone(set)).unwrap_or_default())
    }

    /// The claims of a token signed with RS256 by one of the pool's keys
    /// and issued by `issuer`; `None` for any other token. Expiry is left
    /// to the caller, who checks it against the service's clock.
    pub async fn verify<C: DeserializeOwned>(&self, token: &str, issuer: &str) -> Result<Option<C>, PortError> {
        let Ok(header) = jsonwebtoken::decode_header(token) else { return Ok(None) };
        let Some(kid) = header.kid.filter(|_| header.alg == Algorithm::RS256) else { return Ok(None) };
        let set = self.with_kid(Some(&kid)).await?;
        let Some(jwk) = set.find(&kid) else { return Ok(None) };
        if !matches!(jwk.algorithm, AlgorithmParameters::RSA(_)) {
            return Ok(None);
        }
        let Ok(key) = DecodingKey::from_jwk(jwk) else { return Ok(None) };
        let mut validation = Validation::new(Algorithm::RS256);
        validation.algorithms = vec![Algorithm::RS256];
        validation.set_issuer(&[issuer]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.validate_exp = false;
        validation.validate_aud = false;
        Ok(jsonwebtoken::decode::<C>(token, &key, &validation).ok().map(|data| data.claims))
    }

    pub async fn public_keys(&self) -> Result<Vec<PublicKey>, PortError> {
        let set = self.with_kid(None).await?;
        Ok(set
            .keys
            .iter()
            .filter_map(|jwk| match (&jwk.algorithm, &jwk.common.key_id) {
                (AlgorithmParameters::RSA(rsa), Some(kid)) => {
                    Some(PublicKey::Rsa { kid: kid.clone(), n: rsa.n.clone(), e: rsa.e.clone() })
                }
                _ => None,
            })
            .collect())
    }
}
