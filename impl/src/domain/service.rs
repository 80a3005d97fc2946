//! The authentication use cases, over the ports.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use chrono::SubsecRound;
use serde::Deserialize;

use super::clock::Clock;
use super::error::{AuthError, FieldProblem};
use super::model::{Principal, PublicKey, TokenSet, User};
use super::policy::PasswordPolicy;
use super::values::{DisplayName, Email, Password, RefreshToken};
use crate::ports::{Acquire, AttemptCounter, IdentityProvider, Insert, PasswordChange, SignIn, SignUp, UserStore};

/// Limits on failed sign-ins. An attempt is counted when it starts and
/// given back when it succeeds, so concurrent guesses cannot overrun a limit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LoginLimits {
    pub max_failures_per_account: u32,
    pub max_failures_per_ip: u32,
    pub window_secs: u64,
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self { max_failures_per_account: 5, max_failures_per_ip: 5, window_secs: 15 * 60 }
    }
}

impl LoginLimits {
    fn window(&self) -> Duration {
        Duration::from_secs(self.window_secs)
    }
}

/// A new account as requested.
pub struct Registration {
    pub email: Email,
    pub password: Password,
    pub name: DisplayName,
}

pub struct SignedIn {
    pub user: User,
    pub tokens: TokenSet,
}

/// Who is asking, as far as the transport can tell.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub ip: Option<IpAddr>,
}

pub struct AuthService {
    identity: Arc<dyn IdentityProvider>,
    users: Arc<dyn UserStore>,
    attempts: Arc<dyn AttemptCounter>,
    clock: Arc<dyn Clock>,
    policy: PasswordPolicy,
    limits: LoginLimits,
}

/// The attempt counters one sign-in draws on.
struct AttemptKeys {
    account: String,
    ip: Option<String>,
}

impl AttemptKeys {
    fn new(email: &Email, client: &Client) -> Self {
        Self { account: format!("login:account:{email}"), ip: client.ip.map(|ip| format!("login:ip:{ip}")) }
    }
}

impl AuthService {
    pub fn new(
        identity: Arc<dyn IdentityProvider>,
        users: Arc<dyn UserStore>,
        attempts: Arc<dyn AttemptCounter>,
        clock: Arc<dyn Clock>,
        policy: PasswordPolicy,
        limits: LoginLimits,
    ) -> Self {
        Self { identity, users, attempts, clock, policy, limits }
    }

    pub fn policy(&self) -> &PasswordPolicy {
        &self.policy
    }

    /// Creates an account: credentials first, then the profile. If the
    /// profile cannot be stored the credentials are removed again, so that
    /// no half-created account remains.
    pub async fn register(&self, registration: Registration) -> Result<User, AuthError> {
        self.policy.check("password", &registration.password).map_err(AuthError::WeakPassword)?;
        let user_id = match self.identity.sign_up(&registration.email, &registration.password).await? {
            SignUp::Created(user_id) => user_id,
            SignUp::EmailTaken => return Err(AuthError::EmailTaken),
        };
        // Stored with millisecond precision; answer with what a read will return.
        let now = self.clock.now().trunc_subsecs(3);
        let user = User {
            id: user_id,
            email: registration.email,
            name: registration.name,
            email_verified: true,
            created_at: now,
            updated_at: now,
        };
        let stored = self.users.insert(&user).await;
        if !matches!(stored, Ok(Insert::Inserted))
            && let Err(error) = self.identity.delete_user(user_id).await
        {
            tracing::error!(user_id = %user_id, error = %error, "could not undo the sign-up of an account whose profile was not stored");
        }
        match stored? {
            Insert::Inserted => Ok(user),
            Insert::EmailTaken => Err(AuthError::EmailTaken),
        }
    }

    /// Signs in with email and password, within the attempt limits.
    pub async fn login(&self, email: Email, password: Password, client: &Client) -> Result<SignedIn, AuthError> {
        let keys = AttemptKeys::new(&email, client);
        self.acquire_attempts(&keys).await?;
        let outcome = self.identity.sign_in(&email, &password).await;
        match outcome {
            Ok(SignIn::Authenticated { user_id, tokens }) => {
                self.attempts.reset(&keys.account).await?;
                if let Some(ip) = &keys.ip {
                    self.attempts.release(ip).await?;
                }
                let user = self
                    .users
                    .get(user_id)
                    .await?
                    .ok_or_else(|| AuthError::Internal(anyhow!("user {user_id} has credentials but no profile")))?;
                Ok(SignedIn { user, tokens })
            }
            Ok(SignIn::InvalidCredentials) => Err(AuthError::InvalidCredentials),
            Err(error) => {
                // The password was not checked, so the attempt does not count.
                self.release_attempts(&keys).await;
                Err(error.into())
            }
        }
    }

    pub async fn refresh(&self, token: &RefreshToken) -> Result<TokenSet, AuthError> {
        self.identity.refresh(token).await?.ok_or(AuthError::InvalidRefreshToken)
    }

    /// The caller behind an access token, or `None` when the token is not
    /// valid now.
    pub async fn authenticate(&self, access_token: &str) -> Result<Option<Principal>, AuthError> {
        Ok(self.identity.authenticate(access_token).await?)
    }

    pub async fn logout(&self, principal: &Principal) -> Result<(), AuthError> {
        Ok(self.identity.sign_out_everywhere(principal).await?)
    }

    pub async fn profile(&self, principal: &Principal) -> Result<User, AuthError> {
        self.users
            .get(principal.user_id)
            .await?
            .ok_or_else(|| AuthError::Internal(anyhow!("authenticated user {} has no profile", principal.user_id)))
    }

    pub async fn rename(&self, principal: &Principal, name: &DisplayName) -> Result<User, AuthError> {
        self.users
            .set_name(principal.user_id, name, self.clock.now())
            .await?
            .ok_or_else(|| AuthError::Internal(anyhow!("authenticated user {} has no profile", principal.user_id)))
    }

    /// Changes the password. Wrong current passwords count toward the
    /// account's sign-in limit, so a stolen access token cannot be used to
    /// guess the password.
    pub async fn change_password(
        &self,
        principal: &Principal,
        current: &Password,
        new: &Password,
        client: &Client,
    ) -> Result<(), AuthError> {
        self.policy.check("newPassword", new).map_err(AuthError::WeakPassword)?;
        let user = self.profile(principal).await?;
        let keys = AttemptKeys::new(&user.email, client);
        self.acquire_attempts(&keys).await?;
        match self.identity.change_password(principal, current, new).await {
            Ok(PasswordChange::Changed) => {
                self.attempts.reset(&keys.account).await?;
                if let Some(ip) = &keys.ip {
                    self.attempts.release(ip).await?;
                }
                Ok(())
            }
            Ok(PasswordChange::CurrentPasswordIncorrect) => Err(AuthError::CurrentPasswordIncorrect),
            Err(error) => {
                self.release_attempts(&keys).await;
                Err(error.into())
            }
        }
    }

    pub async fn public_keys(&self) -> Result<Vec<PublicKey>, AuthError> {
        Ok(self.identity.public_keys().await?)
    }

    pub async fn health(&self) -> Result<(), AuthError> {
        Ok(self.users.ping().await?)
    }

    /// Counts the attempt against the account and the client address; when
    /// either is over its limit nothing is counted.
    async fn acquire_attempts(&self, keys: &AttemptKeys) -> Result<(), AuthError> {
        let now = self.clock.now();
        let window = self.limits.window();
        if let Acquire::Refused { retry_after } =
            self.attempts.acquire(&keys.account, self.limits.max_failures_per_account, window, now).await?
        {
            return Err(AuthError::RateLimited { retry_after });
        }
        if let Some(ip) = &keys.ip {
            let acquired = self.attempts.acquire(ip, self.limits.max_failures_per_ip, window, now).await;
            match acquired {
                Ok(Acquire::Granted) => {}
                Ok(Acquire::Refused { retry_after }) => {
                    self.attempts.release(&keys.account).await?;
                    return Err(AuthError::RateLimited { retry_after });
                }
                Err(error) => {
                    self.attempts.release(&keys.account).await?;
                    return Err(error.into());
                }
            }
        }
        Ok(())
    }

    /// Gives back attempts that could not be decided. Best effort: the
    /// caller is already failing with the original error.
    async fn release_attempts(&self, keys: &AttemptKeys) {
        for key in std::iter::once(&keys.account).chain(&keys.ip) {
            if let Err(error) = self.attempts.release(key).await {
                tracing::warn!(error = %error, "could not give back a sign-in attempt");
            }
        }
    }
}

/// Parses the three fields of a registration, reporting every bad field.
pub fn parse_registration(email: &str, password: &str, name: &str) -> Result<Registration, AuthError> {
    let email = Email::parse("email", email);
    let password = Password::parse("password", password);
    let name = DisplayName::parse("name", name);
    match (email, password, name) {
        (Ok(email), Ok(password), Ok(name)) => Ok(Registration { email, password, name }),
        (email, password, name) => Err(AuthError::InvalidInput(
            [email.err(), password.err(), name.err()].into_iter().flatten().collect::<Vec<FieldProblem>>(),
        )),
    }
}
