//! Every port behind a decorator that times each call: the histogram
//! [`PORT_CALL_DURATION`](crate::metrics::PORT_CALL_DURATION) by `port`,
//! `call` (the port's method) and `result` (`ok`, or the kind of
//! [`PortError`]), and a span `port.call` (debug level, so in traces but
//! not in the logs unless asked for) with the same three attributes. The
//! decorators hold no state and change nothing: each call goes to the
//! adapter inside, whose answer is returned as it is.

use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use secrecy::SecretString;
use tracing::Instrument;
use tracing_opentelemetry::OpenTelemetrySpanExt;

use crate::domain::federation::AuthorizationSecrets;
use crate::domain::{
    Attributes, ConfirmationCode, DisplayName, Email, Password, PortError, Principal, PublicKey, Roles, SessionId,
    User, UserId,
};
use crate::metrics::PortResult;
use crate::ports::{
    Acquire, AttemptCounter, BackupCodeUse, CodeDelivery, Confirmation, EventPosition, FederationCode, FederationStore,
    IdentityProvider, Insert, Issued, LinkedIdentity, Mailer, MfaChallenge, MfaRecord, MfaStore, NewRefreshToken,
    OpenIdProvider, OutgoingMail, PasswordChange, PasswordReset, PendingAuthorization, Redeemed, Rotation,
    SecurityEvent, SecurityLog, SessionGrant, SessionRecord, SessionStore, SignIn, SignUp, StoredRefreshToken, Unlink,
    UserFilter, UserStore,
};

/// A port whose calls are timed.
pub struct Observed<P: ?Sized> {
    inner: Arc<P>,
}

/// Wraps `port` so that its calls are timed.
pub fn observed<P: ?Sized>(port: Arc<P>) -> Arc<Observed<P>> {
    Arc::new(Observed { inner: port })
}

/// Awaits `answer` in a span named `name` (`port.call`) and records how
/// long it took. A call's histogram for `ok`, by far its most frequent
/// result, is fetched from the recorder at its first use and kept in `ok`
/// (one per call): a recorder installed later would not see it, and every
/// binary installs its recorder before building the service. The other
/// results are looked up each time.
async fn timed<T>(
    ok: &'static OnceLock<metrics::Histogram>,
    (name, port, call): (&'static str, &'static str, &'static str),
    answer: impl Future<Output = Result<T, PortError>>,
) -> Result<T, PortError> {
    let span = tracing::debug_span!("port_call", otel.name = name, port, call, result = tracing::field::Empty);
    let started = Instant::now();
    let answer = answer.instrument(span.clone()).await;
    let seconds = started.elapsed().as_secs_f64();
    let result = PortResult::of(&answer);
    match result {
        PortResult::Ok => ok.get_or_init(|| crate::metrics::port_call(port, call, PortResult::Ok)).record(seconds),
        result => crate::metrics::port_call(port, call, result).record(seconds),
    }
    if !span.is_disabled() {
        span.record("result", result.as_str());
        if result != PortResult::Ok {
            span.set_status(opentelemetry::trace::Status::error(""));
        }
    }
    answer
}

/// Implements `$trait` for `Observed<dyn $trait>`, every method timed and
/// spanned under `port = $port`, and lists the methods as
/// `Observed::<dyn $trait>::CALLS`.
macro_rules! observe {
    ($trait:ident as $port:literal { $(fn $call:ident($($arg:ident: $ty:ty),*) -> $answer:ty;)* }) => {
        #[async_trait]
        impl $trait for Observed<dyn $trait> {
            $(
                async fn $call(&self $(, $arg: $ty)*) -> $answer {
                    static OK: OnceLock<metrics::Histogram> = OnceLock::new();
                    let name = concat!($port, ".", stringify!($call));
                    timed(&OK, (name, $port, stringify!($call)), self.inner.$call($($arg),*)).await
                }
            )*
        }

        impl Observed<dyn $trait> {
            /// The port's name in metrics.
            pub const PORT: &'static str = $port;
            /// The port's calls, by the names metrics give them.
            pub const CALLS: &'static [&'static str] = &[$(stringify!($call)),*];
        }
    };
}

observe! {
    IdentityProvider as "identity_provider" {
        fn sign_up(email: &Email, password: &Password, confirmed: bool) -> Result<SignUp, PortError>;
        fn invite(email: &Email) -> Result<SignUp, PortError>;
        fn send_invitation_code(email: &Email) -> Result<CodeDelivery, PortError>;
        fn send_confirmation_code(email: &Email) -> Result<CodeDelivery, PortError>;
        fn confirm_sign_up(email: &Email, code: &ConfirmationCode) -> Result<Confirmation, PortError>;
        fn send_password_reset_code(email: &Email) -> Result<CodeDelivery, PortError>;
        fn reset_password(email: &Email, code: &ConfirmationCode, new: &Password) -> Result<PasswordReset, PortError>;
        fn delete_user(user_id: UserId) -> Result<(), PortError>;
        fn sign_in(email: &Email, password: &Password) -> Result<SignIn, PortError>;
        fn issue(user_id: UserId, grant: SessionGrant) -> Result<Issued, PortError>;
        fn federated_grant(user_id: UserId) -> Result<Option<SessionGrant>, PortError>;
        fn reissue(user_id: UserId, session_id: &SessionId, provider_token: Option<SecretString>) -> Result<Option<Issued>, PortError>;
        fn verify_access_token(access_token: &str) -> Result<Option<Principal>, PortError>;
        fn end_provider_sessions(user_id: UserId) -> Result<(), PortError>;
        fn void_password_resets(user_id: UserId) -> Result<(), PortError>;
        fn set_claims(user_id: UserId, roles: &Roles, attributes: &Attributes) -> Result<(), PortError>;
        fn check_password(user_id: UserId, password: &Password) -> Result<bool, PortError>;
        fn change_password(user_id: UserId, current: &Password, new: &Password) -> Result<PasswordChange, PortError>;
        fn public_keys() -> Result<Vec<PublicKey>, PortError>;
    }
}

observe! {
    UserStore as "user_store" {
        fn insert(user: &User) -> Result<Insert, PortError>;
        fn delete(id: UserId) -> Result<(), PortError>;
        fn get(id: UserId) -> Result<Option<User>, PortError>;
        fn id_by_email(email: &Email) -> Result<Option<UserId>, PortError>;
        fn set_email_verified(id: UserId, at: DateTime<Utc>) -> Result<Option<User>, PortError>;
        fn set_name(id: UserId, name: &DisplayName, at: DateTime<Utc>) -> Result<Option<User>, PortError>;
        fn set_disabled(id: UserId, disabled: bool, at: DateTime<Utc>) -> Result<Option<User>, PortError>;
        fn set_claims(id: UserId, roles: &Roles, attributes: &Attributes, at: DateTime<Utc>) -> Result<Option<User>, PortError>;
        fn list(filter: &UserFilter, after: Option<&str>, limit: usize) -> Result<(Vec<User>, Option<String>), PortError>;
        fn ping() -> Result<(), PortError>;
    }
}

observe! {
    SessionStore as "session_store" {
        fn start(session: &SessionRecord, token: NewRefreshToken<'_>) -> Result<(), PortError>;
        fn session(user_id: UserId, session_id: &SessionId) -> Result<Option<SessionRecord>, PortError>;
        fn refresh_token(digest: &[u8]) -> Result<Option<(StoredRefreshToken, SessionRecord)>, PortError>;
        fn rotate(rotation: Rotation<'_>) -> Result<bool, PortError>;
        fn end(user_id: UserId, session_id: &SessionId) -> Result<bool, PortError>;
        fn end_all(user_id: UserId, keep: Option<&SessionId>) -> Result<(), PortError>;
        fn list(user_id: UserId) -> Result<Vec<SessionRecord>, PortError>;
        fn forget(user_id: UserId) -> Result<(), PortError>;
    }
}

observe! {
    MfaStore as "mfa_store" {
        fn get(user_id: UserId) -> Result<Option<MfaRecord>, PortError>;
        fn begin_setup(user_id: UserId, sealed_secret: &[u8], at: DateTime<Utc>) -> Result<bool, PortError>;
        fn enable(user_id: UserId, sealed_secret: &[u8], step: u64, backup_codes: &[Vec<u8>], at: DateTime<Utc>) -> Result<bool, PortError>;
        fn disable(user_id: UserId) -> Result<bool, PortError>;
        fn cancel_setup(user_id: UserId) -> Result<(), PortError>;
        fn use_step(user_id: UserId, step: u64) -> Result<bool, PortError>;
        fn use_backup_code(user_id: UserId, digest: &[u8]) -> Result<BackupCodeUse, PortError>;
        fn replace_backup_codes(user_id: UserId, digests: &[Vec<u8>]) -> Result<bool, PortError>;
        fn insert_challenge(digest: &[u8], challenge: &MfaChallenge) -> Result<(), PortError>;
        fn try_challenge(digest: &[u8], max_tries: u32, now: DateTime<Utc>) -> Result<Option<MfaChallenge>, PortError>;
        fn consume_challenge(digest: &[u8]) -> Result<bool, PortError>;
        fn end_challenges(user_id: UserId) -> Result<(), PortError>;
        fn forget(user_id: UserId) -> Result<(), PortError>;
    }
}

observe! {
    SecurityLog as "security_log" {
        fn record(event: &SecurityEvent) -> Result<(), PortError>;
        fn page(user_id: UserId, after: Option<&EventPosition>, limit: usize) -> Result<Vec<(EventPosition, SecurityEvent)>, PortError>;
        fn forget(user_id: UserId) -> Result<(), PortError>;
    }
}

observe! {
    AttemptCounter as "attempt_counter" {
        fn acquire(key: &str, limit: u32, window: Duration, now: DateTime<Utc>) -> Result<Acquire, PortError>;
        fn acquire_all(keys: &[(&str, u32)], window: Duration, now: DateTime<Utc>) -> Result<Acquire, PortError>;
        fn release(key: &str) -> Result<(), PortError>;
        fn reset(key: &str) -> Result<(), PortError>;
    }
}

observe! {
    FederationStore as "federation_store" {
        fn insert_authorization(digest: &[u8], pending: &PendingAuthorization) -> Result<(), PortError>;
        fn take_authorization(digest: &[u8], now: DateTime<Utc>) -> Result<Option<PendingAuthorization>, PortError>;
        fn insert_code(digest: &[u8], code: &FederationCode) -> Result<(), PortError>;
        fn take_code(digest: &[u8], now: DateTime<Utc>) -> Result<Option<FederationCode>, PortError>;
        fn identity(issuer: &str, subject: &str) -> Result<Option<LinkedIdentity>, PortError>;
        fn link(identity: &LinkedIdentity) -> Result<bool, PortError>;
        fn identities(user_id: UserId) -> Result<Vec<LinkedIdentity>, PortError>;
        fn unlink(user_id: UserId, id: uuid::Uuid, keep_last: bool, at: DateTime<Utc>) -> Result<Unlink, PortError>;
        fn was_unlinked(user_id: UserId, issuer: &str, subject: &str) -> Result<bool, PortError>;
        fn set_passwordless(user_id: UserId, passwordless: bool) -> Result<(), PortError>;
        fn is_passwordless(user_id: UserId) -> Result<bool, PortError>;
        fn forget(user_id: UserId) -> Result<(), PortError>;
    }
}

observe! {
    OpenIdProvider as "openid_provider" {
        fn authorization_url(secrets: &AuthorizationSecrets) -> Result<url::Url, PortError>;
        fn authorization_response_iss_parameter_supported() -> Result<bool, PortError>;
        fn redeem(code: &str, secrets: &AuthorizationSecrets) -> Result<Redeemed, PortError>;
    }
}

observe! {
    Mailer as "mailer" {
        fn send(mail: &OutgoingMail) -> Result<(), PortError>;
    }
}

/// Every port's name and calls, as metrics name them.
pub fn calls() -> [(&'static str, &'static [&'static str]); 9] {
    [
        (Observed::<dyn IdentityProvider>::PORT, Observed::<dyn IdentityProvider>::CALLS),
        (Observed::<dyn UserStore>::PORT, Observed::<dyn UserStore>::CALLS),
        (Observed::<dyn SessionStore>::PORT, Observed::<dyn SessionStore>::CALLS),
        (Observed::<dyn MfaStore>::PORT, Observed::<dyn MfaStore>::CALLS),
        (Observed::<dyn SecurityLog>::PORT, Observed::<dyn SecurityLog>::CALLS),
        (Observed::<dyn AttemptCounter>::PORT, Observed::<dyn AttemptCounter>::CALLS),
        (Observed::<dyn FederationStore>::PORT, Observed::<dyn FederationStore>::CALLS),
        (Observed::<dyn OpenIdProvider>::PORT, Observed::<dyn OpenIdProvider>::CALLS),
        (Observed::<dyn Mailer>::PORT, Observed::<dyn Mailer>::CALLS),
    ]
}
