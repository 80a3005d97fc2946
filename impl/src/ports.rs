//! The ports through which the domain reaches the outside world. Each has an
//! embedded adapter (SQLite, own password hashing and JWTs) and, for the AWS
//! deployment, a Cognito or DynamoDB one.

use std::net::IpAddr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};

use crate::domain::federation::{AssertedIdentity, AuthorizationSecrets, Rejection};
use crate::domain::{
    Attributes, ConfirmationCode, DisplayName, Email, Password, PortError, Principal, PublicKey, Role, Roles,
    SessionId, User, UserId,
};

pub enum SignUp {
    Created {
        user_id: UserId,
        /// Whether the provider mailed the confirmation code itself.
        code_sent: bool,
    },
    EmailTaken,
}

pub enum SignIn {
    /// The password is right. No session has started yet: the domain starts
    /// one with `grant` through [`IdentityProvider::start_session`], at
    /// once or after the second factor.
    Authenticated {
        user_id: UserId,
        grant: SessionGrant,
    },
    /// The password is right but the address is not confirmed.
    NotConfirmed,
    InvalidCredentials,
}

/// Tokens an identity provider issued for a session.
pub struct Issued {
    /// The session the tokens belong to, as the access token names it.
    pub session_id: SessionId,
    pub access_token: String,
    pub id_token: String,
    /// Lifetime left to the access token.
    pub expires_in: Duration,
    /// The provider's own refresh token, which the session keeps (sealed)
    /// for the next [`IdentityProvider::reissue`]; `None` when the
    /// provider needs none.
    pub provider_token: Option<SecretString>,
}

impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued").field("session_id", &self.session_id).finish_non_exhaustive()
    }
}

/// What an identity provider needs to start a session for a sign-in whose
/// password it checked: nothing for the embedded backend, Cognito's tokens
/// on AWS. Opaque to the domain, which keeps it sealed while the sign-in
/// waits for its second factor; a secret, so never logged.
pub struct SessionGrant(SecretString);

impl SessionGrant {
    /// A grant that carries nothing beyond the user it is for.
    pub fn empty() -> Self {
        Self(SecretString::from(String::new()))
    }

    pub fn new(text: String) -> Self {
        Self(SecretString::from(text))
    }

    /// The grant a sealed challenge held.
    pub fn from_secret(text: SecretString) -> Self {
        Self(text)
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// What became of a request to mail a confirmation code.
#[derive(Debug)]
pub enum CodeDelivery {
    Sent,
    /// A code went out less than the resend interval ago; none was sent.
    TooSoon,
    /// No account with that address awaits confirmation.
    NotNeeded,
    /// The mail could not be handed over; nothing changed. Kept apart from
    /// the port's errors because it happens only for existing accounts.
    MailFailed(PortError),
}

pub enum Confirmation {
    Confirmed(UserId),
    InvalidCode,
}

pub enum PasswordReset {
    Reset(UserId),
    InvalidCode,
}

pub enum PasswordChange {
    Changed,
    CurrentPasswordIncorrect,
}

/// Holds credentials and issues, refreshes, verifies and revokes tokens.
#[async_trait]
pub trait IdentityProvider: Send + Sync {
    /// Creates credentials for a new account, confirmed at once or awaiting
    /// confirmation of its address.
    async fn sign_up(&self, email: &Email, password: &Password, confirmed: bool) -> Result<SignUp, PortError>;

    /// Creates credentials for a person an administrator invites: the
    /// address counts as confirmed and the account has no password anyone
    /// knows, so that signing in fails as for a wrong password until a
    /// code from [`Self::send_invitation_code`] sets one.
    async fn invite(&self, email: &Email) -> Result<SignUp, PortError>;

    /// Mails an invited account a code with which [`Self::reset_password`]
    /// sets its first password, replacing any earlier reset code; as
    /// [`Self::send_password_reset_code`], in the invitation's words where
    /// the provider mails its own.
    async fn send_invitation_code(&self, email: &Email) -> Result<CodeDelivery, PortError>;

    /// Mails a new confirmation code to an account awaiting confirmation,
    /// replacing any earlier code; the code works as soon as the mail
    /// arrives. Nothing changes if the mail cannot be sent.
    /// Errors are the store's; a failed send is [`CodeDelivery::MailFailed`].
    async fn send_confirmation_code(&self, email: &Email) -> Result<CodeDelivery, PortError>;

    /// Confirms an address with a mailed code. Wrong codes count toward
    /// voiding the code; repeating a successful confirmation succeeds again.
    async fn confirm_sign_up(&self, email: &Email, code: &ConfirmationCode) -> Result<Confirmation, PortError>;

    /// Mails a password reset code to an account, replacing any earlier one;
    /// the code works as soon as the mail arrives. Nothing changes if the
    /// mail cannot be sent.
    /// Errors are the store's; a failed send is [`CodeDelivery::MailFailed`].
    async fn send_password_reset_code(&self, email: &Email) -> Result<CodeDelivery, PortError>;

    /// Sets a new password with a mailed reset code. The code is single
    /// use; wrong codes count toward voiding it. Sessions are the domain's
    /// to end.
    async fn reset_password(
        &self,
        email: &Email,
        code: &ConfirmationCode,
        new: &Password,
    ) -> Result<PasswordReset, PortError>;

    /// Removes an account's credentials with every code mailed for it, for
    /// a deleted account or a sign-up whose profile could not be stored:
    /// signing in then answers as for an unknown address. Removing what is
    /// not there succeeds.
    async fn delete_user(&self, user_id: UserId) -> Result<(), PortError>;

    /// Checks a password, starting no session. An unknown email costs the
    /// same work as a wrong password and gives the same answer.
    async fn sign_in(&self, email: &Email, password: &Password) -> Result<SignIn, PortError>;

    /// Issues the first access and id tokens of a new session, for a
    /// sign-in whose password [`Self::sign_in`] checked, fresh now, and
    /// names the session they belong to. The domain records the session.
    async fn issue(&self, user_id: UserId, grant: SessionGrant) -> Result<Issued, PortError>;

    /// A grant for a sign-in whose person the domain authenticated through
    /// a federated OpenID Connect provider, for [`Self::issue`]. The user's
    /// password, if there is one, plays no part; nothing changes for the
    /// user. `None` when the user has no confirmed credentials (deleted
    /// meanwhile) or, at Cognito, is disabled.
    async fn federated_grant(&self, user_id: UserId) -> Result<Option<SessionGrant>, PortError>;

    /// Issues fresh access and id tokens for a live session, at a refresh;
    /// `provider_token` is what [`Issued::provider_token`] (or the last
    /// reissue) handed over. `None` when the provider refuses: the session
    /// can't go on.
    async fn reissue(
        &self,
        user_id: UserId,
        session_id: &SessionId,
        provider_token: Option<SecretString>,
    ) -> Result<Option<Issued>, PortError>;

    /// Verifies an access token's signature, issuer, audience, use and
    /// lifetime, and names its user and session; `None` when it fails. Whether
    /// the session is still live is the domain's to check.
    async fn verify_access_token(&self, access_token: &str) -> Result<Option<Principal>, PortError>;

    /// Ends whatever sessions the provider keeps of its own (Cognito's
    /// refresh tokens); nothing for a provider that keeps none.
    async fn end_provider_sessions(&self, user_id: UserId) -> Result<(), PortError>;

    /// Voids every outstanding password reset code of a user: a code mailed
    /// before this call no longer resets the password.
    async fn void_password_resets(&self, user_id: UserId) -> Result<(), PortError>;

    /// Makes the tokens issued for the user from now on carry `roles` and
    /// `attributes` (Cognito's groups and custom attributes); nothing for a
    /// provider that reads them from the profile when it signs. Setting
    /// what is already set succeeds.
    async fn set_claims(&self, user_id: UserId, roles: &Roles, attributes: &Attributes) -> Result<(), PortError>;

    /// Whether `password` is the user's password. Changes nothing.
    async fn check_password(&self, user_id: UserId, password: &Password) -> Result<bool, PortError>;

    /// Replaces the password after checking the current one. Sessions are
    /// the domain's to end.
    async fn change_password(
        &self,
        user_id: UserId,
        current: &Password,
        new: &Password,
    ) -> Result<PasswordChange, PortError>;

    /// The public keys that verify issued tokens.
    async fn public_keys(&self) -> Result<Vec<PublicKey>, PortError>;
}

/// A session as the store keeps it: one sign-in, from its start to its
/// end. An ended session is not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: SessionId,
    pub user_id: UserId,
    pub started_at: DateTime<Utc>,
    /// The start or the last refresh.
    pub last_used_at: DateTime<Utc>,
    /// The absolute end: refreshing never moves it.
    pub expires_at: DateTime<Utc>,
    /// The client's address and `User-Agent` at the start, where known.
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

/// A refresh token as the store keeps it: its SHA-256 digest names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRefreshToken {
    pub user_id: UserId,
    pub session_id: SessionId,
    /// The provider's refresh token when this token was issued, sealed.
    pub sealed_provider_token: Option<Vec<u8>>,
    /// Set once the token was exchanged: when, and its successor, sealed
    /// under the token itself.
    pub rotated: Option<(DateTime<Utc>, Vec<u8>)>,
}

/// A new refresh token of a session.
#[derive(Debug, Clone, Copy)]
pub struct NewRefreshToken<'a> {
    pub digest: &'a [u8],
    pub sealed_provider_token: Option<&'a [u8]>,
}

/// The exchange of a session's refresh token for its successor.
#[derive(Debug, Clone, Copy)]
pub struct Rotation<'a> {
    pub user_id: UserId,
    pub session_id: &'a SessionId,
    /// The digest of the token exchanged.
    pub old: &'a [u8],
    pub new: NewRefreshToken<'a>,
    /// The successor, sealed under the old token, kept for the grace window.
    pub sealed_successor: &'a [u8],
    pub at: DateTime<Utc>,
    /// The session's absolute end, which the new token shares.
    pub expires_at: DateTime<Utc>,
}

/// Sessions and their refresh tokens. The rules (rotation, grace, reuse,
/// lifetimes) are the domain's; the store keeps rows and makes each
/// rotation one conditional write.
#[async_trait]
pub trait SessionStore: Send + Sync {
    /// Records a new session with its first refresh token.
    async fn start(&self, session: &SessionRecord, token: NewRefreshToken<'_>) -> Result<(), PortError>;
    /// A live (not ended) session of the user.
    async fn session(&self, user_id: UserId, session_id: &SessionId) -> Result<Option<SessionRecord>, PortError>;
    /// The refresh token with `digest`, with its session; `None` when
    /// either is unknown or the session ended.
    async fn refresh_token(&self, digest: &[u8]) -> Result<Option<(StoredRefreshToken, SessionRecord)>, PortError>;
    /// Marks the old token rotated, records the new one as the session's
    /// current token and the session as used at `rotation.at`, in one
    /// write; `false` (nothing changed) when the old token was rotated
    /// already or the session ended.
    async fn rotate(&self, rotation: Rotation<'_>) -> Result<bool, PortError>;
    /// Ends one session with its refresh tokens; `false` when it was not live.
    async fn end(&self, user_id: UserId, session_id: &SessionId) -> Result<bool, PortError>;
    /// Ends every session of the user but `keep`.
    async fn end_all(&self, user_id: UserId, keep: Option<&SessionId>) -> Result<(), PortError>;
    /// The user's live sessions, in no particular order.
    async fn list(&self, user_id: UserId) -> Result<Vec<SessionRecord>, PortError>;
    /// Ends every session of the user and removes every refresh token it
    /// was issued, rotated ones included, for a deleted account.
    async fn forget(&self, user_id: UserId) -> Result<(), PortError>;
}

pub enum Insert {
    Inserted,
    EmailTaken,
}

/// Which accounts a listing keeps; each `None` keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserFilter {
    /// A start of the canonical address.
    pub email_prefix: Option<String>,
    pub email_verified: Option<bool>,
    pub disabled: Option<bool>,
    /// Accounts holding this role.
    pub role: Option<Role>,
}

/// Profiles of users.
#[async_trait]
pub trait UserStore: Send + Sync {
    async fn insert(&self, user: &User) -> Result<Insert, PortError>;
    /// Removes a profile; undoes an insert whose account could not be completed.
    async fn delete(&self, id: UserId) -> Result<(), PortError>;
    async fn get(&self, id: UserId) -> Result<Option<User>, PortError>;
    /// The user with this address. The AWS backend reads an index that may
    /// lag a write by a moment.
    async fn id_by_email(&self, email: &Email) -> Result<Option<UserId>, PortError>;
    /// Marks the address verified; `None` when there is no such user.
    async fn set_email_verified(&self, id: UserId, at: DateTime<Utc>) -> Result<Option<User>, PortError>;
    /// Renames a user; `None` when there is no such user.
    async fn set_name(&self, id: UserId, name: &DisplayName, at: DateTime<Utc>) -> Result<Option<User>, PortError>;
    /// Disables or enables a user; `None` when there is no such user.
    async fn set_disabled(&self, id: UserId, disabled: bool, at: DateTime<Utc>) -> Result<Option<User>, PortError>;
    /// Replaces a user's roles and custom attributes; `None` when there is
    /// no such user.
    async fn set_claims(
        &self,
        id: UserId,
        roles: &Roles,
        attributes: &Attributes,
        at: DateTime<Utc>,
    ) -> Result<Option<User>, PortError>;
    /// Profiles in address order whose address sorts after `after` (any
    /// text; from the first when `None`) that `filter` keeps: at most
    /// `limit`, and the address to go on after when there may be more
    /// (`None` at the end). A store that filters after reading may answer
    /// fewer than `limit` with a position.
    async fn list(
        &self,
        filter: &UserFilter,
        after: Option<&str>,
        limit: usize,
    ) -> Result<(Vec<User>, Option<String>), PortError>;
    /// Answers when the store can serve requests.
    async fn ping(&self) -> Result<(), PortError>;
}

/// A user's second factor as stored. The TOTP secret is sealed with the
/// service's MFA key; stores never see it in clear.
#[derive(Debug, Clone)]
pub struct MfaRecord {
    pub sealed_secret: Vec<u8>,
    /// False while the secret awaits its first code.
    pub enabled: bool,
    /// The last TOTP time step accepted; codes of it and earlier steps are refused.
    pub last_used_step: Option<u64>,
}

/// A sign-in waiting for its second factor.
#[derive(Debug, Clone)]
pub struct MfaChallenge {
    pub user_id: UserId,
    pub email: Email,
    /// The [`SessionGrant`] of the checked password, sealed; a session
    /// starts with it only when the second factor checks out, so a sign-in
    /// never finished leaves no session behind.
    pub sealed_grant: Vec<u8>,
    pub expires_at: DateTime<Utc>,
}

/// What presenting a backup code did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupCodeUse {
    /// An unused code of the user, now spent.
    Spent,
    /// A code of the user spent before: by a concurrent duplicate of the
    /// request, or a replay.
    SpentBefore,
    /// Not a code of the user's current set.
    Unknown,
}

/// Second factors, backup codes and sign-in challenges. Every "use" is a
/// conditional write, so that concurrent requests cannot both spend the
/// same code, step or challenge.
#[async_trait]
pub trait MfaStore: Send + Sync {
    async fn get(&self, user_id: UserId) -> Result<Option<MfaRecord>, PortError>;
    /// Stores a pending secret, replacing an earlier pending one; `false`
    /// (and nothing stored) when MFA is already enabled.
    async fn begin_setup(&self, user_id: UserId, sealed_secret: &[u8], at: DateTime<Utc>) -> Result<bool, PortError>;
    /// Enables the pending secret `sealed_secret`, records `step` as used
    /// and stores the backup code digests; `false` (and nothing changed)
    /// when that secret is no longer the pending one.
    async fn enable(
        &self,
        user_id: UserId,
        sealed_secret: &[u8],
        step: u64,
        backup_codes: &[Vec<u8>],
        at: DateTime<Utc>,
    ) -> Result<bool, PortError>;
    /// Removes the secret, the backup codes and pending challenges; `false`
    /// when MFA was not enabled.
    async fn disable(&self, user_id: UserId) -> Result<bool, PortError>;
    /// Drops a pending (not yet verified) authenticator secret, if any;
    /// an enabled one stays.
    async fn cancel_setup(&self, user_id: UserId) -> Result<(), PortError>;
    /// Records `step` as used if it is later than the last used one;
    /// `false` for a replay.
    async fn use_step(&self, user_id: UserId, step: u64) -> Result<bool, PortError>;
    /// Spends a backup code. A spent code stays recorded as spent until
    /// the codes are replaced, so that presenting it again is told from a guess.
    async fn use_backup_code(&self, user_id: UserId, digest: &[u8]) -> Result<BackupCodeUse, PortError>;
    /// Replaces every backup code, spent ones included; `false` when MFA is not enabled.
    async fn replace_backup_codes(&self, user_id: UserId, digests: &[Vec<u8>]) -> Result<bool, PortError>;
    async fn insert_challenge(&self, digest: &[u8], challenge: &MfaChallenge) -> Result<(), PortError>;
    /// Counts one try at a challenge and returns it; `None` when it is
    /// unknown, expired at `now` or has had `max_tries` tries already.
    async fn try_challenge(
        &self,
        digest: &[u8],
        max_tries: u32,
        now: DateTime<Utc>,
    ) -> Result<Option<MfaChallenge>, PortError>;
    /// Removes a challenge after its success; `false` when it was gone already.
    async fn consume_challenge(&self, digest: &[u8]) -> Result<bool, PortError>;
    /// Removes every open challenge of a user, whose sessions were revoked.
    async fn end_challenges(&self, user_id: UserId) -> Result<(), PortError>;
    /// Removes everything of the user's: the secret, pending or enabled,
    /// every backup code, spent ones included, and every challenge, for a
    /// deleted account.
    async fn forget(&self, user_id: UserId) -> Result<(), PortError>;
}

/// What happened to an account, as its security history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityEventKind {
    SignedUp,
    EmailConfirmed,
    SignedIn,
    /// A wrong password for an existing account.
    SignInFailed,
    /// A wrong authenticator or backup code at sign-in.
    SecondFactorFailed,
    SignedOut,
    PasswordChanged,
    PasswordReset,
    MfaEnabled,
    MfaDisabled,
    BackupCodesRegenerated,
    /// A refresh token came back after its rotation's grace window: stolen
    /// or replayed. Its session ended.
    RefreshTokenReused,
    /// The user ended one session (signed out of it, or ended it from another).
    SessionEnded,
    /// The user ended every other session.
    SignedOutOthers,
    /// An administrator (or the operator) changed the account's roles.
    RolesChanged,
    /// An administrator changed the account's custom attributes.
    AttributesChanged,
    /// An administrator renamed the account.
    NameChanged,
    /// An administrator disabled the account: every session ended.
    AccountDisabled,
    /// An administrator enabled the account again.
    AccountEnabled,
    /// An administrator created the account by invitation.
    Invited,
    /// Signed in through a linked OpenID Connect identity.
    SignedInWithProvider,
    /// An OpenID Connect identity was linked to the account.
    IdentityLinked,
    /// The account's owner unlinked an OpenID Connect identity.
    IdentityUnlinked,
}

impl SecurityEventKind {
    pub const ALL: [Self; 23] = [
        Self::SignedUp,
        Self::EmailConfirmed,
        Self::SignedIn,
        Self::SignInFailed,
        Self::SecondFactorFailed,
        Self::SignedOut,
        Self::PasswordChanged,
        Self::PasswordReset,
        Self::MfaEnabled,
        Self::MfaDisabled,
        Self::BackupCodesRegenerated,
        Self::RefreshTokenReused,
        Self::SessionEnded,
        Self::SignedOutOthers,
        Self::RolesChanged,
        Self::AttributesChanged,
        Self::NameChanged,
        Self::AccountDisabled,
        Self::AccountEnabled,
        Self::Invited,
        Self::SignedInWithProvider,
        Self::IdentityLinked,
        Self::IdentityUnlinked,
    ];

    /// The stored name, e.g. `sign_in_failed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignedUp => "signed_up",
            Self::EmailConfirmed => "email_confirmed",
            Self::SignedIn => "signed_in",
            Self::SignInFailed => "sign_in_failed",
            Self::SecondFactorFailed => "second_factor_failed",
            Self::SignedOut => "signed_out",
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
            Self::MfaEnabled => "mfa_enabled",
            Self::MfaDisabled => "mfa_disabled",
            Self::BackupCodesRegenerated => "backup_codes_regenerated",
            Self::RefreshTokenReused => "refresh_token_reused",
            Self::SessionEnded => "session_ended",
            Self::SignedOutOthers => "signed_out_others",
            Self::RolesChanged => "roles_changed",
            Self::AttributesChanged => "attributes_changed",
            Self::NameChanged => "name_changed",
            Self::AccountDisabled => "account_disabled",
            Self::AccountEnabled => "account_enabled",
            Self::Invited => "invited",
            Self::SignedInWithProvider => "signed_in_with_provider",
            Self::IdentityLinked => "identity_linked",
            Self::IdentityUnlinked => "identity_unlinked",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// One entry of an account's security history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityEvent {
    pub user_id: UserId,
    pub kind: SecurityEventKind,
    pub at: DateTime<Utc>,
    /// The client's address and `User-Agent`, where the operation knows them.
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
    /// The administrator who acted on the account, for what one did.
    pub actor: Option<UserId>,
}

/// Where an event stands in its account's history, newest first: its time,
/// then an id of the store's (lower-case hexadecimal digits) that orders
/// events of one millisecond.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventPosition {
    pub at: DateTime<Utc>,
    pub id: String,
}

/// How long security events are kept.
pub const SECURITY_EVENT_RETENTION: Duration = Duration::from_secs(90 * 24 * 60 * 60);

/// The security history of accounts, for operators and for reviewing an
/// account after the fact; entries expire after [`SECURITY_EVENT_RETENTION`].
#[async_trait]
pub trait SecurityLog: Send + Sync {
    async fn record(&self, event: &SecurityEvent) -> Result<(), PortError>;
    /// The user's events that come after `after` (from the newest when
    /// `None`), newest first, at most `limit`, each with its position.
    async fn page(
        &self,
        user_id: UserId,
        after: Option<&EventPosition>,
        limit: usize,
    ) -> Result<Vec<(EventPosition, SecurityEvent)>, PortError>;
    /// Removes every event of the user, for a deleted account.
    async fn forget(&self, user_id: UserId) -> Result<(), PortError>;
}

pub enum Acquire {
    Granted,
    Refused { retry_after: Duration },
}

/// Counts attempts per key in fixed windows, shared by every instance of
/// the service, so that limits hold however many instances run.
#[async_trait]
pub trait AttemptCounter: Send + Sync {
    /// Counts one attempt under `key`, unless `limit` attempts were already
    /// counted in the window that began with the first of them.
    async fn acquire(&self, key: &str, limit: u32, window: Duration, now: DateTime<Utc>) -> Result<Acquire, PortError>;
    /// Counts one attempt under every key, each within its own limit, or
    /// under none: when any key is at its limit, nothing stays counted and
    /// the answer is that key's wait. Stores that can change several keys
    /// in one write do it in one; this default counts key by key and takes
    /// back what it counted when a later key refuses or fails.
    async fn acquire_all(
        &self,
        keys: &[(&str, u32)],
        window: Duration,
        now: DateTime<Utc>,
    ) -> Result<Acquire, PortError> {
        for (index, (key, limit)) in keys.iter().enumerate() {
            let acquired = self.acquire(key, *limit, window, now).await;
            if !matches!(acquired, Ok(Acquire::Granted)) {
                for (counted, _) in &keys[..index] {
                    if let Err(error) = self.release(counted).await {
                        tracing::warn!(error = %error, "could not take back an attempt");
                    }
                }
                return acquired;
            }
        }
        Ok(Acquire::Granted)
    }
    /// Takes back one attempt counted by `acquire`.
    async fn release(&self, key: &str) -> Result<(), PortError>;
    /// Forgets every attempt under `key`.
    async fn reset(&self, key: &str) -> Result<(), PortError>;
}

/// One message to one recipient, in plain text.
pub struct OutgoingMail {
    pub to: Email,
    pub subject: String,
    /// The body. It may carry one-time codes, so `Debug` leaves it out.
    pub text: String,
}

impl std::fmt::Debug for OutgoingMail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutgoingMail").field("to", &self.to).field("subject", &self.subject).finish_non_exhaustive()
    }
}

/// Sends mail to users.
#[async_trait]
pub trait Mailer: Send + Sync {
    /// Hands one message over for delivery. `Ok` means it was accepted:
    /// written durably to the outbox, or accepted by the SMTP server with a
    /// 2xx reply. A transient failure (connection refused, timeout, a 4xx
    /// reply) is [`PortError::Unavailable`]; a permanent one (a 5xx
    /// rejection, an address the transport cannot use) is
    /// [`PortError::Internal`]. Errors never include the message's text.
    async fn send(&self, mail: &OutgoingMail) -> Result<(), PortError>;
}

/// What became of a code a provider's authorization response carried.
#[derive(Debug)]
pub enum Redeemed {
    /// The code was redeemed and its ID token verified.
    Identity(AssertedIdentity),
    /// The provider's answer was not taken, for this reason.
    Rejected(Rejection),
}

/// An OpenID Connect provider the service federates sign-in to, as its
/// client (OpenID Connect Core 1.0 §3.1, authorization code flow, with
/// PKCE `S256`). The provider's configuration comes from its discovery
/// document (OpenID Connect Discovery 1.0), fetched when first needed and
/// kept for a while.
#[async_trait]
pub trait OpenIdProvider: Send + Sync {
    /// The URL of the authentication request to send the person's browser
    /// to: the provider's authorization endpoint with this client, the
    /// service's redirect URI, the configured scopes (`openid` among them),
    /// `response_type=code`, and `secrets`' `state`, `nonce` and PKCE
    /// challenge. [`PortError::Unavailable`] when the provider's discovery
    /// document can't be fetched.
    async fn authorization_url(&self, secrets: &AuthorizationSecrets) -> Result<url::Url, PortError>;

    /// Whether the provider's discovery document declares that every
    /// authorization response names it in `iss` (RFC 9207 §3,
    /// `authorization_response_iss_parameter_supported`): a response
    /// without `iss` is then not its own. [`PortError::Unavailable`] as
    /// for [`OpenIdProvider::authorization_url`].
    async fn authorization_response_iss_parameter_supported(&self) -> Result<bool, PortError>;

    /// Redeems `code` at the token endpoint with the request's PKCE
    /// verifier, and verifies the ID token answered: signature (with an
    /// asymmetric algorithm, against the provider's published keys), `iss`,
    /// `aud` and `azp`, `exp` and `iat`, and `nonce` against the request's.
    /// A refusal is [`Redeemed::Rejected`]; [`PortError::Unavailable`] when
    /// the provider can't be reached or answers with a server error.
    async fn redeem(&self, code: &str, secrets: &AuthorizationSecrets) -> Result<Redeemed, PortError>;
}

/// A federated sign-in between its authorization request and the
/// provider's answer, kept under the SHA-256 digest of its `state`.
#[derive(Clone)]
pub struct PendingAuthorization {
    /// The configured provider the request went to.
    pub provider: String,
    /// The request's `nonce` and PKCE verifier, sealed with the service's
    /// key: stores never see them in clear.
    pub sealed_secrets: Vec<u8>,
    /// The app's redirect URI, one of the allowlisted ones, where the
    /// outcome goes.
    pub redirect_uri: String,
    /// The app's own PKCE `code_challenge` (`S256`), which the code it gets
    /// back is bound to.
    pub code_challenge: String,
    /// The app's `state`, echoed back to it unchanged.
    pub app_state: Option<String>,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for PendingAuthorization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingAuthorization")
            .field("provider", &self.provider)
            .field("redirect_uri", &self.redirect_uri)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// The one-time code a federated sign-in's callback hands the app, kept
/// under its SHA-256 digest, for the app to exchange for tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FederationCode {
    pub user_id: UserId,
    pub provider: String,
    /// The app's PKCE `code_challenge` the exchange must answer.
    pub code_challenge: String,
    /// The redirect URI the code was sent to; the exchange must name it.
    pub redirect_uri: String,
    pub expires_at: DateTime<Utc>,
}

/// An identity at an OpenID Connect provider, linked to an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedIdentity {
    /// The link's own id, as the API names it.
    pub id: uuid::Uuid,
    pub user_id: UserId,
    /// The configured provider it came through.
    pub provider: String,
    /// `iss` and `sub`: together, the identity.
    pub issuer: String,
    pub subject: String,
    /// The address the provider asserted when it was linked, if any.
    pub email: Option<String>,
    pub linked_at: DateTime<Utc>,
}

/// What unlinking an identity did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlink {
    Unlinked,
    /// The user has no identity with that id.
    NotFound,
    /// It is the user's only identity, and the caller asked to keep the last.
    LastOne,
}

/// Federated sign-in's state: pending authorization requests and the
/// app's one-time codes, each taken once, and the identities linked to
/// accounts. The rules are the domain's; every take and every unlink is
/// one conditional write, so concurrent requests cannot both use the same
/// request or code, nor both unlink an account's last two identities.
#[async_trait]
pub trait FederationStore: Send + Sync {
    async fn insert_authorization(&self, digest: &[u8], pending: &PendingAuthorization) -> Result<(), PortError>;
    /// Removes the request and returns it; `None` when it is unknown, was
    /// taken already or expired at `now`.
    async fn take_authorization(
        &self,
        digest: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<PendingAuthorization>, PortError>;
    async fn insert_code(&self, digest: &[u8], code: &FederationCode) -> Result<(), PortError>;
    /// Removes the code and returns it; `None` when it is unknown, was
    /// taken already or expired at `now`.
    async fn take_code(&self, digest: &[u8], now: DateTime<Utc>) -> Result<Option<FederationCode>, PortError>;
    /// The link of the identity `subject` at `issuer`, if any.
    async fn identity(&self, issuer: &str, subject: &str) -> Result<Option<LinkedIdentity>, PortError>;
    /// Records a link; `false` (nothing stored) when the identity is
    /// linked already, to this account or another.
    async fn link(&self, identity: &LinkedIdentity) -> Result<bool, PortError>;
    /// The user's linked identities, oldest first.
    async fn identities(&self, user_id: UserId) -> Result<Vec<LinkedIdentity>, PortError>;
    /// Removes the user's link `id`; with `keep_last`, only if the user has
    /// another one at that moment. An unlinked identity is remembered for
    /// the account as unlinked `at`, in the same write (see
    /// [`Self::was_unlinked`]).
    async fn unlink(
        &self,
        user_id: UserId,
        id: uuid::Uuid,
        keep_last: bool,
        at: DateTime<Utc>,
    ) -> Result<Unlink, PortError>;
    /// Whether the account's owner unlinked the identity `subject` at
    /// `issuer` from it.
    async fn was_unlinked(&self, user_id: UserId, issuer: &str, subject: &str) -> Result<bool, PortError>;
    /// Marks the account as one with no password (made by a federated
    /// sign-in), or clears the mark once it has one. Marking what is marked
    /// succeeds.
    async fn set_passwordless(&self, user_id: UserId, passwordless: bool) -> Result<(), PortError>;
    /// Whether the account is marked as having no password.
    async fn is_passwordless(&self, user_id: UserId) -> Result<bool, PortError>;
    /// Removes every link, code and unlinked identity of the user, and its
    /// mark, for a deleted account.
    async fn forget(&self, user_id: UserId) -> Result<(), PortError>;
}
