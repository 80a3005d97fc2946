//! The domain's errors. They know nothing of HTTP; `crate::http::problem`
//! maps them onto the contract's `Error` schema in one place.

use std::time::Duration;

/// One field that broke one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    /// Stable rule name, e.g. `too_short`.
    pub code: &'static str,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        Self { field: field.to_owned(), code, message: message.into() }
    }
}

/// Why an operation did not succeed.
///
/// Every variant but [`AuthError::Unavailable`] and [`AuthError::Internal`]
/// is an expected outcome that the caller can act on. The last two carry an
/// internal cause that is logged, never shown to the client; the type has no
/// `Display` of its own so that the cause cannot reach a response by accident.
#[derive(Debug)]
pub enum AuthError {
    /// Input broke a rule; one entry per field.
    InvalidInput(Vec<FieldProblem>),
    /// A new password breaks the password policy.
    WeakPassword(FieldProblem),
    EmailTaken,
    /// Email or password wrong, or no such account: deliberately the same.
    InvalidCredentials,
    InvalidRefreshToken,
    /// A confirmation code that is wrong, expired or used up, or an address
    /// with nothing to confirm: deliberately the same.
    InvalidCode,
    /// The password was right, but the address is not confirmed yet.
    EmailNotVerified,
    CurrentPasswordIncorrect,
    /// An authenticator or backup code that is wrong or already used.
    InvalidMfaCode,
    /// A sign-in challenge that is unknown, expired, used or out of tries.
    InvalidMfaSession,
    /// The password or the second factor given to confirm a sensitive
    /// change is wrong: deliberately the same.
    StepUpFailed,
    MfaAlreadyEnabled,
    MfaNotEnabled,
    /// There is no pending authenticator secret to verify.
    MfaSetupNotStarted,
    /// The account has no live session with that id.
    SessionNotFound,
    /// No account has that id or address (for administrators and the
    /// operator, who may know which accounts exist).
    UserNotFound,
    /// The password was right, but an administrator disabled the account.
    AccountDisabled,
    /// The caller's account lacks the `admin` role.
    AdminRequired,
    /// An administrator tried to take the `admin` role from, disable or
    /// delete their own account.
    SelfActionRefused,
    /// No configured identity provider has that id.
    ProviderNotFound,
    /// A federated sign-in's callback whose `state` is missing, unknown,
    /// used before or expired.
    InvalidFederationState,
    /// A federated sign-in's code that is unknown, used before or expired,
    /// or presented with the wrong PKCE verifier or redirect URI:
    /// deliberately the same (RFC 6749 §5.2's `invalid_grant`).
    InvalidGrant,
    /// The account has no linked identity with that id.
    IdentityNotFound,
    /// Unlinking would leave the account no way to sign in: it has no
    /// password and no other linked identity.
    LastSignInMethod,
    /// A change that needs re-authentication, by an account without a
    /// password whose session began longer ago than
    /// [`super::REAUTHENTICATION_MAX_AGE`].
    ReauthenticationRequired,
    /// Too many attempts; try again after the given time.
    RateLimited {
        retry_after: Duration,
    },
    /// A dependency (the store, the identity provider) cannot serve now.
    Unavailable(anyhow::Error),
    /// A bug or an unexpected state.
    Internal(anyhow::Error),
}

impl From<FieldProblem> for AuthError {
    fn from(problem: FieldProblem) -> Self {
        Self::InvalidInput(vec![problem])
    }
}

impl From<Vec<FieldProblem>> for AuthError {
    fn from(problems: Vec<FieldProblem>) -> Self {
        Self::InvalidInput(problems)
    }
}

/// Two parsed fields, or the problems of every field that failed to parse.
pub fn parse_both<A, B>(a: Result<A, FieldProblem>, b: Result<B, FieldProblem>) -> Result<(A, B), AuthError> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(AuthError::InvalidInput(a.err().into_iter().chain(b.err()).collect())),
    }
}

/// Three parsed fields, or the problems of every field that failed to parse.
pub fn parse_three<A, B, C>(
    a: Result<A, FieldProblem>,
    b: Result<B, FieldProblem>,
    c: Result<C, FieldProblem>,
) -> Result<(A, B, C), AuthError> {
    match (a, b, c) {
        (Ok(a), Ok(b), Ok(c)) => Ok((a, b, c)),
        (a, b, c) => Err(AuthError::InvalidInput(a.err().into_iter().chain(b.err()).chain(c.err()).collect())),
    }
}

/// A failure of a port's adapter. Adapters say whether retrying later may
/// help (`Unavailable`) or not (`Internal`); the domain passes it on.
#[derive(Debug, thiserror::Error)]
pub enum PortError {
    #[error("dependency unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    /// The dependency refuses more requests of this kind for now.
    #[error("throttled by a dependency; retry after {0:?}")]
    Throttled(Duration),
    /// The identity provider refused a new password under its own policy,
    /// which should be no stricter than the service's.
    #[error("the identity provider refused the password: {}", .0.code)]
    PasswordRejected(FieldProblem),
    #[error("internal error: {0:#}")]
    Internal(anyhow::Error),
}

impl From<PortError> for AuthError {
    fn from(error: PortError) -> Self {
        match error {
            PortError::Unavailable(cause) => Self::Unavailable(cause),
            PortError::Throttled(retry_after) => Self::RateLimited { retry_after },
            PortError::PasswordRejected(problem) => Self::WeakPassword(problem),
            PortError::Internal(cause) => Self::Internal(cause),
        }
    }
}
