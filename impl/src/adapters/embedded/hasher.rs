//! Argon2id hashing on a bounded pool: at most one hash per core runs at a
//! time, so a burst of sign-ins neither starves the async runtime nor holds
//! more than `permits × m_cost` of memory. The rest wait their turn.

use std::sync::Arc;

use anyhow::anyhow;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::domain::{Password, PortError};

/// OWASP's minimum for argon2id: 19 MiB, two passes, one lane.
pub const OWASP_MEMORY_KIB: u32 = 19 * 1024;
pub const OWASP_ITERATIONS: u32 = 2;
pub const OWASP_PARALLELISM: u32 = 1;

#[derive(Clone)]
pub struct PasswordHasher {
    argon2: Argon2<'static>,
    permits: Arc<Semaphore>,
    /// A hash of a random password, verified against when an email is
    /// unknown so that the answer takes as long as for a wrong password.
    dummy_hash: Arc<str>,
}

impl PasswordHasher {
    /// A hasher with OWASP's parameters, running at most `concurrency` hashes at once.
    pub fn new(concurrency: usize) -> anyhow::Result<Self> {
        let params = Params::new(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM, None)
            .map_err(|error| anyhow!("argon2 parameters: {error}"))?;
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut random = [0u8; 32];
        rand::RngCore::fill_bytes(&mut OsRng, &mut random);
        let dummy_hash = argon2
            .hash_password(&random, &SaltString::generate(&mut OsRng))
            .map_err(|error| anyhow!("hashing the dummy password: {error}"))?
            .to_string();
        Ok(Self { argon2, permits: Arc::new(Semaphore::new(concurrency.max(1))), dummy_hash: dummy_hash.into() })
    }

    /// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
    pub async fn hash(&self, password: &Password) -> Result<String, PortError> {
        let password = password.clone();
        let argon2 = self.argon2.clone();
        self.run(move || {
            argon2
                .hash_password(password.expose().as_bytes(), &SaltString::generate(&mut OsRng))
                .map(|hash| hash.to_string())
                .map_err(|error| PortError::Internal(anyhow!("hashing a password: {error}")))
        })
        .await
    }

    /// Whether `password` matches `stored`; with `None`, the same work is
    /// spent on a dummy hash and the answer is `false`.
    pub async fn verify(&self, password: &Password, stored: Option<String>) -> Result<bool, PortError> {
        let password = password.clone();
        let argon2 = self.argon2.clone();
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| self.dummy_hash.to_string());
        self.run(move || {
            let parsed = PasswordHash::new(&stored)
                .map_err(|error| PortError::Internal(anyhow!("stored password hash: {error}")))?;
            let matches = argon2.verify_password(password.expose().as_bytes(), &parsed).is_ok();
            Ok(known && matches)
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, PortError> + Send + 'static,
    ) -> Result<T, PortError> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| PortError::Internal(anyhow!("password hasher closed")))?;
        // The permit travels with the work: a caller that gives up (a timed
        // out request) does not free a slot while its hash still runs.
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|join| PortError::Internal(anyhow!("password hashing task failed: {join}")))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn password(raw: &str) -> Password {
        Password::parse("password", raw).unwrap()
    }

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let hasher = PasswordHasher::new(2).unwrap();
        let hash = hasher.hash(&password("correct horse")).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hasher.verify(&password("correct horse"), Some(hash.clone())).await.unwrap());
        assert!(!hasher.verify(&password("correct horsE"), Some(hash)).await.unwrap());
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        let hasher = PasswordHasher::new(1).unwrap();
        assert!(!hasher.verify(&password("anything"), None).await.unwrap());
    }

    #[tokio::test]
    async fn the_whole_password_counts_not_a_prefix() {
        let hasher = PasswordHasher::new(1).unwrap();
        let long = "a".repeat(200);
        let hash = hasher.hash(&password(&long)).await.unwrap();
        assert!(!hasher.verify(&password(&"a".repeat(199)), Some(hash.clone())).await.unwrap());
        assert!(hasher.verify(&password(&long), Some(hash)).await.unwrap());
    }
}
