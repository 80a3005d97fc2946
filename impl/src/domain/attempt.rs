//! The sign-in throttle (OWASP ASVS 2.2.1): every attempt at proving a
//! credential is counted against the account and the client address when it
//! starts, so that concurrent guesses cannot overrun a limit, and settled
//! exactly once when its outcome is known.
//!
//! An account has one failure budget per factor: the password, and the
//! second factor (authenticator and backup codes). A budget is cleared only
//! by proving the factor it guards (or by its window running out), so that
//! proving one factor never buys more guesses at the other. The client
//! address's budget counts failures of either factor, and is never cleared
//! by a success: its window has to run out.

use std::sync::Arc;

use anyhow::anyhow;
use tracing::Instrument;

use super::error::{AuthError, PortError};
use super::service::{AuthService, Client};
use super::values::Email;
use crate::ports::{Acquire, AttemptCounter};

/// The factor an attempt proves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Factor {
    Password,
    /// An authenticator code or a backup code.
    SecondFactor,
}

impl Factor {
    /// The limit that refuses this factor's attempts, in metrics.
    pub(super) fn limit(self) -> crate::metrics::Limit {
        match self {
            Self::Password => crate::metrics::Limit::Password,
            Self::SecondFactor => crate::metrics::Limit::SecondFactor,
        }
    }

    /// The key of the account's failure budget for this factor.
    pub(super) fn budget(self, email: &Email) -> String {
        match self {
            Self::Password => format!("login:account:{email}"),
            Self::SecondFactor => format!("second-factor:account:{email}"),
        }
    }
}

/// The attempt counters one attempt draws on.
struct AttemptKeys {
    account: String,
    ip: Option<String>,
}

/// One counted attempt, from [`AuthService::start_attempt`]. Settle it with
/// [`Attempt::succeeded`], [`Attempt::failed`] or [`Attempt::undecided`];
/// one dropped unsettled, as when its request is abandoned half-way (a
/// timeout, a client that hangs up), is given back as undecided, so that
/// abandoned requests cannot lock an account or an address out.
#[must_use = "an attempt is settled with succeeded, failed or undecided"]
pub(super) struct Attempt {
    attempts: Arc<dyn AttemptCounter>,
    /// `None` once settled.
    keys: Option<AttemptKeys>,
}

impl Attempt {
    /// The credential checked out: the account's failures are forgotten and
    /// the address gets its attempt back.
    pub(super) async fn succeeded(mut self) -> Result<(), AuthError> {
        let Some(keys) = self.keys.take() else { return Ok(()) };
        let attempts = Arc::clone(&self.attempts);
        detached(async move {
            // Both at once: the store commits them together.
            let (account, ip) = tokio::join!(attempts.reset(&keys.account), release_address(attempts.as_ref(), &keys));
            account?;
            ip?;
            Ok(())
        })
        .await
    }

    /// The credential was wrong: the attempt stays counted.
    pub(super) fn failed(mut self) {
        self.keys = None;
    }

    /// The credential was not checked (a failure elsewhere, a second factor
    /// still to come): the attempt is given back. Best effort: the caller is
    /// answering with the outcome that left it undecided.
    pub(super) async fn undecided(mut self) {
        if let Some(keys) = self.keys.take() {
            let attempts = Arc::clone(&self.attempts);
            let _ = detached(async move {
                give_back(attempts.as_ref(), &keys).await;
                Ok(())
            })
            .await;
        }
    }
}

impl Drop for Attempt {
    fn drop(&mut self) {
        let Some(keys) = self.keys.take() else { return };
        let attempts = Arc::clone(&self.attempts);
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move { give_back(attempts.as_ref(), &keys).await });
            }
            Err(_) => tracing::warn!("an abandoned sign-in attempt could not be given back"),
        }
    }
}

async fn give_back(attempts: &dyn AttemptCounter, keys: &AttemptKeys) {
    // Both at once: the store commits them together.
    let (account, ip) = tokio::join!(attempts.release(&keys.account), release_address(attempts, keys));
    for error in [account, ip].into_iter().filter_map(Result::err) {
        tracing::warn!(error = %error, "could not give back a sign-in attempt");
    }
}

/// Runs a change to the counters to its end even if the request that asked
/// for it is abandoned meanwhile: one stopped half-way would miscount.
async fn detached<T: Send + 'static>(
    work: impl Future<Output = Result<T, AuthError>> + Send + 'static,
) -> Result<T, AuthError> {
    tokio::spawn(work.in_current_span())
        .await
        .map_err(|failure| AuthError::Internal(anyhow!("settling a sign-in attempt: {failure}")))?
}

/// Gives the address its attempt back, if the attempt counted one.
async fn release_address(attempts: &dyn AttemptCounter, keys: &AttemptKeys) -> Result<(), PortError> {
    match &keys.ip {
        Some(ip) => attempts.release(ip).await,
        None => Ok(()),
    }
}

impl AuthService {
    /// Counts an attempt at proving `factor` against the account's budget
    /// for that factor and the client address's (its IPv6 prefix, see
    /// [`AddressGrouping`](super::AddressGrouping)); when either is over
    /// its limit nothing stays counted and the answer is
    /// [`AuthError::RateLimited`]. Counting runs to its end even if the
    /// request is abandoned meanwhile; the attempt it returns is then
    /// dropped unsettled, and given back.
    pub(super) async fn start_attempt(
        &self,
        factor: Factor,
        email: &Email,
        client: &Client,
    ) -> Result<Attempt, AuthError> {
        let ip = client.ip.map(|ip| format!("login:ip:{}", self.grouping.client_of(ip)));
        let keys = AttemptKeys { account: factor.budget(email), ip };
        let (attempts, limits, now) = (Arc::clone(&self.attempts), self.limits.clone(), self.clock.now());
        detached(async move {
            let AttemptKeys { account, ip } = keys;
            let mut counted = vec![(account.as_str(), limits.max_failures_per_account)];
            if let Some(ip) = &ip {
                counted.push((ip.as_str(), limits.max_failures_per_ip));
            }
            match attempts.acquire_all(&counted, limits.window(), now).await? {
                Acquire::Granted => Ok(Attempt { attempts, keys: Some(AttemptKeys { account, ip }) }),
                Acquire::Refused { retry_after } => {
                    factor.limit().count();
                    Err(AuthError::RateLimited { retry_after })
                }
            }
        })
        .await
    }
}
