//! The authentication use cases, over the ports.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use chrono::SubsecRound;
use serde::Deserialize;

use super::attempt::{Attempt, Factor};
use super::client::AddressGrouping;
use super::clock::Clock;
use super::error::{AuthError, FieldProblem, PortError, parse_three};
use super::federated_sign_in::FederationSettings;
use super::mfa::MfaSettings;
use super::model::{Account, Principal, PublicKey, TokenSet, User, UserId};
use super::notice::Notice;
use super::policy::PasswordPolicy;
use super::roles::{AccountRules, Actor};
use super::second_factor::MfaKey;
use super::session::SessionPolicy;
use super::values::{ConfirmationCode, DisplayName, Email, MfaSession, Password};
use super::voiding::CredentialEvent;
use crate::metrics::SignInOutcome;
use crate::ports::{
    AttemptCounter, CodeDelivery, Confirmation, FederationStore, IdentityProvider, Insert, Mailer, MfaStore,
    PasswordChange, PasswordReset, SecurityEvent, SecurityEventKind, SecurityLog, SessionGrant, SessionStore, SignIn,
    SignUp, UserStore,
};
use tracing::Instrument;

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
    pub(super) fn window(&self) -> Duration {
        Duration::from_secs(self.window_secs)
    }
}

/// How accounts are confirmed. The code lifetimes and limits apply to the
/// embedded backend; an external identity provider applies its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SignupSettings {
    /// Confirm new accounts at once, with no mailed code. On by default so
    /// that a local run needs no mail; turn it off in production.
    pub auto_confirm: bool,
    pub code_ttl_secs: u64,
    /// Shortest time between two confirmation mails to one account.
    pub resend_interval_secs: u64,
    /// Wrong codes that void the current code.
    pub code_max_attempts: u32,
}

impl Default for SignupSettings {
    fn default() -> Self {
        Self { auto_confirm: true, code_ttl_secs: 24 * 60 * 60, resend_interval_secs: 60, code_max_attempts: 5 }
    }
}

impl SignupSettings {
    pub fn validate(&self) -> Result<(), String> {
        validate_code_settings("signup", self.code_ttl_secs, self.code_max_attempts)
    }
}

/// Codes must live long enough to be typed and allow at least one try.
fn validate_code_settings(section: &str, ttl_secs: u64, max_attempts: u32) -> Result<(), String> {
    if ttl_secs < 60 || max_attempts == 0 {
        return Err(format!("{section}.code_ttl_secs must be at least 60 and {section}.code_max_attempts positive"));
    }
    Ok(())
}

/// Password reset codes. They apply to the embedded backend; an external
/// identity provider applies its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ResetSettings {
    pub code_ttl_secs: u64,
    /// How long the code mailed with an invitation lives: a person may
    /// read the mail days later.
    pub invitation_code_ttl_secs: u64,
    /// Shortest time between two reset mails to one account.
    pub resend_interval_secs: u64,
    /// Wrong codes that void the current code.
    pub code_max_attempts: u32,
}

impl Default for ResetSettings {
    fn default() -> Self {
        Self {
            code_ttl_secs: 15 * 60,
            invitation_code_ttl_secs: 7 * 24 * 60 * 60,
            resend_interval_secs: 60,
            code_max_attempts: 5,
        }
    }
}

impl ResetSettings {
    pub fn validate(&self) -> Result<(), String> {
        validate_code_settings("password_reset", self.code_ttl_secs, self.code_max_attempts)?;
        if self.invitation_code_ttl_secs < 60 {
            return Err("password_reset.invitation_code_ttl_secs must be at least 60".into());
        }
        Ok(())
    }
}

/// A new account as requested.
pub struct Registration {
    pub email: Email,
    pub password: Password,
    pub name: DisplayName,
}

pub struct SignedIn {
    pub account: Account,
    pub tokens: TokenSet,
}

/// What a right password leads to.
pub enum Login {
    /// Boxed: a profile with its roles and attributes is large beside a challenge.
    SignedIn(Box<SignedIn>),
    /// The account has a second factor: no tokens until `verify_mfa`.
    MfaRequired { session: MfaSession, expires_in: Duration },
}

/// Who is asking, as far as the transport can tell.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub ip: Option<IpAddr>,
    /// The `User-Agent` header, as sent.
    pub user_agent: Option<String>,
}

/// The adapters the service works through.
pub struct Ports {
    pub identity: Arc<dyn IdentityProvider>,
    pub users: Arc<dyn UserStore>,
    pub attempts: Arc<dyn AttemptCounter>,
    pub mfa: Arc<dyn MfaStore>,
    pub sessions: Arc<dyn SessionStore>,
    pub events: Arc<dyn SecurityLog>,
    pub federation: Arc<dyn FederationStore>,
    /// Mails security notices; the identity provider mails its own codes.
    pub mailer: Arc<dyn Mailer>,
    pub clock: Arc<dyn Clock>,
}

/// The service's rules.
pub struct Settings {
    pub policy: PasswordPolicy,
    pub limits: LoginLimits,
    pub signup: SignupSettings,
    pub mfa: MfaSettings,
    pub sessions: SessionPolicy,
    /// The roles that exist and the custom attributes' rules.
    pub accounts: AccountRules,
    /// Which addresses count as one client for the per-address limits.
    pub grouping: AddressGrouping,
    /// The OpenID Connect providers people may sign in with, and where
    /// apps get the outcome.
    pub federation: FederationSettings,
    /// Whether work can go on after the answer: yes in the server, no on
    /// Lambda, where nothing runs after it. Work whose cost would differ
    /// between existing and unknown addresses (a password reset's code and
    /// mail, a failed sign-in's event) then runs after the answer, so that
    /// the answer's timing reveals nothing; see
    /// [`AuthService::request_password_reset`] and [`AuthService::login`].
    pub work_after_answer: bool,
}

pub struct AuthService {
    pub(super) identity: Arc<dyn IdentityProvider>,
    pub(super) users: Arc<dyn UserStore>,
    pub(super) attempts: Arc<dyn AttemptCounter>,
    pub(super) mfa: Arc<dyn MfaStore>,
    pub(super) sessions: Arc<dyn SessionStore>,
    pub(super) events: Arc<dyn SecurityLog>,
    pub(super) federation: Arc<dyn FederationStore>,
    pub(super) mailer: Arc<dyn Mailer>,
    pub(super) clock: Arc<dyn Clock>,
    pub(super) mfa_key: MfaKey,
    policy: PasswordPolicy,
    pub(super) limits: LoginLimits,
    pub(super) signup: SignupSettings,
    pub(super) mfa_settings: MfaSettings,
    pub(super) sessions_policy: SessionPolicy,
    pub(super) account_rules: AccountRules,
    pub(super) grouping: AddressGrouping,
    pub(super) federation_settings: FederationSettings,
    pub(super) work_after_answer: bool,
}

impl AuthService {
    pub fn new(ports: Ports, settings: Settings, mfa_key: MfaKey) -> Self {
        let Ports { identity, users, attempts, mfa, sessions, events, federation, mailer, clock } = ports;
        let Settings {
            policy,
            limits,
            signup,
            mfa: mfa_settings,
            sessions: sessions_policy,
            accounts: account_rules,
            grouping,
            federation: federation_settings,
            work_after_answer,
        } = settings;
        Self {
            identity,
            users,
            attempts,
            mfa,
            sessions,
            events,
            federation,
            mailer,
            clock,
            mfa_key,
            policy,
            limits,
            signup,
            mfa_settings,
            sessions_policy,
            account_rules,
            grouping,
            federation_settings,
            work_after_answer,
        }
    }

    pub fn policy(&self) -> &PasswordPolicy {
        &self.policy
    }

    /// Creates an account: credentials first, then the profile, then (unless
    /// accounts are confirmed at once) the confirmation mail. If a later step
    /// fails the earlier ones are undone, so that no half-created account
    /// remains.
    pub async fn register(&self, registration: Registration) -> Result<Account, AuthError> {
        self.policy.check("password", &registration.password).map_err(AuthError::WeakPassword)?;
        let confirmed = self.signup.auto_confirm;
        let signed_up = self.identity.sign_up(&registration.email, &registration.password, confirmed).await;
        let (user_id, code_sent) = match signed_up.map_err(|error| new_password_error(error, "password"))? {
            SignUp::Created { user_id, code_sent } => (user_id, code_sent),
            SignUp::EmailTaken => return Err(AuthError::EmailTaken),
        };
        let user = User { email_verified: confirmed, ..self.new_user(user_id, registration.email, registration.name) };
        self.insert_profile(&user).await?;
        if !confirmed && !code_sent {
            let sent = self.identity.send_confirmation_code(&user.email).await;
            if let Err(failure) = new_account_code(sent) {
                self.undo_sign_up(user_id, true).await;
                return Err(failure);
            }
        }
        self.record(user_id, SecurityEventKind::SignedUp, None).await;
        Ok(Account { user, mfa_enabled: false })
    }

    /// The profile of an account whose credentials were just created, as
    /// it starts: unconfirmed, with no roles or attributes, stamped now
    /// with the millisecond precision it is stored with, so that the
    /// answer is what a read will return.
    pub(super) fn new_user(&self, id: UserId, email: Email, name: DisplayName) -> User {
        let now = self.clock.now().trunc_subsecs(3);
        User {
            id,
            email,
            name,
            email_verified: false,
            roles: Default::default(),
            attributes: Default::default(),
            disabled: false,
            created_at: now,
            updated_at: now,
        }
    }

    /// Stores the profile of an account whose credentials were just
    /// created; if it can't be stored, the credentials go too.
    pub(super) async fn insert_profile(&self, user: &User) -> Result<(), AuthError> {
        let failure = match self.users.insert(user).await {
            Ok(Insert::Inserted) => return Ok(()),
            Ok(Insert::EmailTaken) => AuthError::EmailTaken,
            Err(error) => error.into(),
        };
        self.undo_sign_up(user.id, false).await;
        Err(failure)
    }

    /// Removes what a failed registration or invitation created. Best
    /// effort: the caller is already failing with the original error.
    pub(super) async fn undo_sign_up(&self, user_id: UserId, profile_stored: bool) {
        if profile_stored && let Err(error) = self.users.delete(user_id).await {
            tracing::error!(user_id = %user_id, error = %error, "could not remove the profile of a failed registration");
        }
        if let Err(error) = self.identity.delete_user(user_id).await {
            tracing::error!(user_id = %user_id, error = %error, "could not remove the credentials of a failed registration");
        }
    }

    /// Confirms an address with its mailed code.
    pub async fn confirm_sign_up(&self, email: &Email, code: &ConfirmationCode) -> Result<(), AuthError> {
        match self.identity.confirm_sign_up(email, code).await? {
            Confirmation::Confirmed(user_id) => {
                self.users
                    .set_email_verified(user_id, self.clock.now())
                    .await?
                    .ok_or_else(|| AuthError::Internal(anyhow!("confirmed user {user_id} has no profile")))?;
                tracing::info!(user_id = %user_id, "email address confirmed");
                self.record(user_id, SecurityEventKind::EmailConfirmed, None).await;
                Ok(())
            }
            Confirmation::InvalidCode => Err(AuthError::InvalidCode),
        }
    }

    /// Mails a new confirmation code if the address has an account awaiting
    /// one. Answers the same whatever the address, even when the mail cannot
    /// be sent (that is logged): only existing accounts get mail, so a
    /// failure would reveal one. A store failure affects every address alike
    /// and is an error.
    pub async fn resend_confirmation(&self, email: &Email) -> Result<(), AuthError> {
        match self.identity.send_confirmation_code(email).await? {
            CodeDelivery::MailFailed(error) => tracing::error!(error = %error, "could not mail a confirmation code"),
            delivery => tracing::info!(outcome = ?delivery, "confirmation code requested"),
        }
        Ok(())
    }

    /// Starts a password reset. With an identity provider that does the
    /// work itself, the code is looked up, stored and mailed in the
    /// background, so that the answer comes at once and takes as long
    /// whether or not the address has an account. A provider that answers
    /// alike for every address (Cognito) is awaited instead: work left
    /// running after the answer may never finish on Lambda.
    pub async fn request_password_reset(&self, email: Email) {
        let identity = Arc::clone(&self.identity);
        let work = async move {
            match identity.send_password_reset_code(&email).await {
                Ok(CodeDelivery::MailFailed(error)) => {
                    tracing::error!(error = %error, "could not mail a password reset code");
                }
                Ok(delivery) => tracing::info!(outcome = ?delivery, "password reset requested"),
                Err(error) => tracing::error!(error = %error, "could not start a password reset"),
            }
        };
        let work = work.instrument(tracing::Span::current());
        if self.work_after_answer {
            tokio::spawn(work);
        } else {
            work.await;
        }
    }

    /// Sets a new password with a mailed reset code. Every session of the
    /// user ends, sign-ins waiting for their second factor included, and
    /// the failed passwords counted against the account go with the
    /// password they were guessing at. A second factor stays on, and so do
    /// its failures: a mailed code proves the mailbox, not the second factor.
    pub async fn confirm_password_reset(
        &self,
        email: &Email,
        code: &ConfirmationCode,
        new: &Password,
    ) -> Result<(), AuthError> {
        self.policy.check("newPassword", new).map_err(AuthError::WeakPassword)?;
        let reset = self.identity.reset_password(email, code, new).await;
        match reset.map_err(|error| new_password_error(error, "newPassword"))? {
            PasswordReset::Reset(user_id) => {
                self.void_after(CredentialEvent::PasswordReset, user_id, None).await?;
                self.attempts.reset(&Factor::Password.budget(email)).await?;
                // An account made by a federated sign-in has a password now:
                // its last linked identity may go.
                self.federation.set_passwordless(user_id, false).await?;
                tracing::info!(user_id = %user_id, "password reset; every session revoked");
                self.record(user_id, SecurityEventKind::PasswordReset, None).await;
                Ok(())
            }
            PasswordReset::InvalidCode => Err(AuthError::InvalidCode),
        }
    }

    /// Signs in with email and password, within the attempt limits. When
    /// the account has a second factor the right password only opens a
    /// challenge; it clears the password's failures, never the second
    /// factor's (see [`Factor`]).
    pub async fn login(&self, email: Email, password: Password, client: &Client) -> Result<Login, AuthError> {
        let login = self.check_password(email, password, client).await;
        SignInOutcome::of(&login).count();
        login
    }

    async fn check_password(&self, email: Email, password: Password, client: &Client) -> Result<Login, AuthError> {
        let attempt = self.start_attempt(Factor::Password, &email, client).await?;
        let outcome = self.identity.sign_in(&email, &password).await;
        match outcome {
            Ok(SignIn::Authenticated { user_id, grant }) => {
                self.after_first_factor(user_id, email, grant, client, Some(attempt), SecurityEventKind::SignedIn).await
            }
            Ok(SignIn::NotConfirmed) => {
                attempt.succeeded().await?;
                Err(AuthError::EmailNotVerified)
            }
            Ok(SignIn::InvalidCredentials) => {
                attempt.failed();
                // Looked up whether or not the address has an account, so
                // that both cost the same. Both then start one task, which
                // writes the event for an existing account and does nothing
                // for an unknown address, after the answer where work can go
                // on after it: the event's write does not show in the timing.
                let account = self.users.id_by_email(&email).await;
                let record = self.record_failed_sign_in(account.ok().flatten(), client);
                if self.work_after_answer {
                    tokio::spawn(record.instrument(tracing::Span::current()));
                } else {
                    record.await;
                }
                Err(AuthError::InvalidCredentials)
            }
            Err(error) => {
                // The password was not checked, so the attempt does not count.
                attempt.undecided().await;
                Err(error.into())
            }
        }
    }

    /// What follows a first factor that checked out (a password, or an
    /// identity a provider vouched for), with the identity provider's
    /// `grant`: refused for a disabled account; the second factor's
    /// challenge when the account has one; else a new session, recorded as
    /// `event`, and ended again at once if the account was deleted or
    /// disabled meanwhile. `attempt`, the first factor's, is settled as
    /// succeeded whatever follows, or left undecided when the account
    /// could not be read.
    pub(super) async fn after_first_factor(
        &self,
        user_id: UserId,
        email: Email,
        grant: SessionGrant,
        client: &Client,
        attempt: Option<Attempt>,
        event: SecurityEventKind,
    ) -> Result<Login, AuthError> {
        let settled = |attempt: Option<Attempt>| async move {
            match attempt {
                Some(attempt) => attempt.succeeded().await,
                None => Ok(()),
            }
        };
        let (mfa_enabled, profile) = tokio::join!(self.mfa_enabled(user_id), self.users.get(user_id));
        let (mfa_enabled, profile) = match (mfa_enabled, profile.map_err(AuthError::from)) {
            (Ok(enabled), Ok(profile)) => (enabled, profile),
            (Err(error), _) | (_, Err(error)) => {
                if let Some(attempt) = attempt {
                    attempt.undecided().await;
                }
                return Err(error);
            }
        };
        // Told only to whoever passed the first factor, before any
        // challenge or session: a disabled account is not one to enumerate.
        if profile.is_some_and(|user| user.disabled) {
            settled(attempt).await?;
            return Err(AuthError::AccountDisabled);
        }
        if mfa_enabled {
            let challenge = self.open_challenge(user_id, email, &grant).await;
            settled(attempt).await?;
            let (session, expires_in) = challenge?;
            return Ok(Login::MfaRequired { session, expires_in });
        }
        let (session_id, tokens) = match self.start_session(user_id, grant, client).await {
            Ok(started) => started,
            Err(error) => {
                settled(attempt).await?;
                return Err(error);
            }
        };
        let (settled, user) = tokio::join!(settled(attempt), self.users.get(user_id));
        settled?;
        let Some(user) = user? else {
            // The account was deleted while its first factor was being
            // checked (see `erase_account`): its session goes too.
            self.sessions.end(user_id, &session_id).await?;
            return Err(AuthError::InvalidCredentials);
        };
        if user.disabled {
            // Disabled meanwhile: the disable ended every session before
            // this one started, so this one ends here.
            self.sessions.end(user_id, &session_id).await?;
            return Err(AuthError::AccountDisabled);
        }
        self.record(user_id, event, Some(client)).await;
        let account = Account { user, mfa_enabled: false };
        Ok(Login::SignedIn(Box::new(SignedIn { account, tokens })))
    }

    /// Ends every session of a user, with sign-ins still waiting for their
    /// second factor, and voids outstanding password reset codes: a global
    /// sign-out, for the user or for operators and workflows acting on the
    /// user's behalf.
    pub async fn sign_out_user(&self, user_id: UserId, client: Option<&Client>) -> Result<(), AuthError> {
        self.void_after(CredentialEvent::SignedOutEverywhere, user_id, None).await?;
        self.record(user_id, SecurityEventKind::SignedOut, client).await;
        Ok(())
    }

    /// The user's latest security events, newest first.
    pub async fn security_events(&self, user_id: UserId, limit: usize) -> Result<Vec<SecurityEvent>, AuthError> {
        let page = self.events.page(user_id, None, limit).await?;
        Ok(page.into_iter().map(|(_, event)| event).collect())
    }

    /// Adds an event to the user's security history, with the client's
    /// address and `User-Agent` where the operation has a client, and
    /// mails the notice the event calls for (see [`Notice::of`]). Best
    /// effort: the operation it records has happened, so a failure is
    /// logged, not answered.
    pub(super) async fn record(&self, user_id: UserId, kind: SecurityEventKind, client: Option<&Client>) {
        self.record_by(user_id, kind, None, client).await;
    }

    /// [`Self::record`], naming the administrator who acted, if one did.
    pub(super) async fn record_by(
        &self,
        user_id: UserId,
        kind: SecurityEventKind,
        actor: Actor,
        client: Option<&Client>,
    ) {
        self.record_later(user_id, kind, actor, client).await;
        if let Some(notice) = Notice::of(kind) {
            self.notify(user_id, notice, client).await;
        }
    }

    /// Records a wrong password against `account`, if there is one.
    fn record_failed_sign_in(
        &self,
        account: Option<UserId>,
        client: &Client,
    ) -> impl Future<Output = ()> + Send + 'static {
        let record =
            account.map(|user_id| self.record_later(user_id, SecurityEventKind::SignInFailed, None, Some(client)));
        async move {
            if let Some(record) = record {
                record.await;
            }
        }
    }

    /// [`Self::record`] as work of its own, stamped now, which may run
    /// after the answer.
    fn record_later(
        &self,
        user_id: UserId,
        kind: SecurityEventKind,
        actor: Actor,
        client: Option<&Client>,
    ) -> impl Future<Output = ()> + Send + 'static {
        let event = SecurityEvent {
            user_id,
            kind,
            actor,
            at: self.clock.now(),
            ip: client.and_then(|client| client.ip),
            user_agent: client
                .and_then(|client| client.user_agent.as_deref())
                .map(super::session::truncated_user_agent),
        };
        let events = Arc::clone(&self.events);
        async move {
            if let Err(error) = events.record(&event).await {
                tracing::warn!(user_id = %user_id, event = kind.as_str(), error = %error, "could not record a security event");
            }
        }
    }

    /// Whether an account has this address.
    pub async fn user_exists(&self, email: &Email) -> Result<bool, AuthError> {
        Ok(self.users.id_by_email(email).await?.is_some())
    }

    pub async fn profile(&self, principal: &Principal) -> Result<Account, AuthError> {
        self.account(principal.user_id).await
    }

    pub async fn rename(&self, principal: &Principal, name: &DisplayName) -> Result<Account, AuthError> {
        let user =
            self.users.set_name(principal.user_id, name, self.clock.now()).await?.ok_or_else(|| {
                AuthError::Internal(anyhow!("authenticated user {} has no profile", principal.user_id))
            })?;
        let mfa_enabled = self.mfa_enabled(user.id).await?;
        Ok(Account { user, mfa_enabled })
    }

    /// The profile of a user known to exist.
    pub(super) async fn account(&self, user_id: UserId) -> Result<Account, AuthError> {
        let user = self.user(user_id).await?;
        let mfa_enabled = self.mfa_enabled(user_id).await?;
        Ok(Account { user, mfa_enabled })
    }

    /// The user record of a user known to exist.
    pub(super) async fn user(&self, user_id: UserId) -> Result<User, AuthError> {
        self.users
            .get(user_id)
            .await?
            .ok_or_else(|| AuthError::Internal(anyhow!("user {user_id} has credentials but no profile")))
    }

    /// Changes the password. Wrong current passwords count toward the
    /// account's sign-in limit, so a stolen access token cannot be used to
    /// guess the password. Ends every other session and sign-in challenge,
    /// and voids outstanding password reset codes.
    pub async fn change_password(
        &self,
        principal: &Principal,
        current: &Password,
        new: &Password,
        client: &Client,
    ) -> Result<(), AuthError> {
        self.policy.check("newPassword", new).map_err(AuthError::WeakPassword)?;
        let user = self.user(principal.user_id).await?;
        let attempt = self.start_attempt(Factor::Password, &user.email, client).await?;
        match self.identity.change_password(principal.user_id, current, new).await {
            Ok(PasswordChange::Changed) => {
                attempt.succeeded().await?;
                self.void_after(CredentialEvent::PasswordChanged, principal.user_id, Some(principal)).await?;
                self.record(principal.user_id, SecurityEventKind::PasswordChanged, Some(client)).await;
                Ok(())
            }
            Ok(PasswordChange::CurrentPasswordIncorrect) => {
                attempt.failed();
                Err(AuthError::CurrentPasswordIncorrect)
            }
            Err(error) => {
                attempt.undecided().await;
                Err(new_password_error(error, "newPassword"))
            }
        }
    }

    pub async fn public_keys(&self) -> Result<Vec<PublicKey>, AuthError> {
        Ok(self.identity.public_keys().await?)
    }

    pub async fn health(&self) -> Result<(), AuthError> {
        Ok(self.users.ping().await?)
    }
}

/// Whether a new account's code went out: the account is only kept if
/// it did.
pub(super) fn new_account_code(sent: Result<CodeDelivery, PortError>) -> Result<(), AuthError> {
    match sent {
        Ok(CodeDelivery::Sent) => Ok(()),
        Ok(CodeDelivery::MailFailed(error)) | Err(error) => Err(error.into()),
        Ok(other) => Err(AuthError::Internal(anyhow!("a new account's code was not sent: {other:?}"))),
    }
}

/// A port error, with a password the identity provider refused reported
/// under `field`.
fn new_password_error(error: PortError, field: &str) -> AuthError {
    match error {
        PortError::PasswordRejected(problem) => {
            AuthError::WeakPassword(FieldProblem { field: field.to_owned(), ..problem })
        }
        other => other.into(),
    }
}

/// Parses the three fields of a registration, reporting every bad field.
pub fn parse_registration(email: &str, password: &str, name: &str) -> Result<Registration, AuthError> {
    let (email, password, name) = parse_three(
        Email::parse("email", email),
        Password::parse("password", password),
        DisplayName::parse("name", name),
    )?;
    Ok(Registration { email, password, name })
}
