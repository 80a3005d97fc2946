//! Multi-factor authentication: enrolling an authenticator app, signing in
//! with it or a backup code, and turning it off again.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::attempt::Factor;
use super::error::{AuthError, FieldProblem};
use super::model::{Account, Principal, UserId};
use super::second_factor::{Authenticator, MfaKey, Sealed, generate_backup_codes, mfa_session_digest, new_mfa_session};
use super::service::{AuthService, Client, SignedIn};
use super::values::{Email, MfaCode, MfaSession, Password, TotpCode};
use super::voiding::CredentialEvent;
use crate::metrics::SignInOutcome;
use crate::ports::{BackupCodeUse, MfaChallenge, MfaRecord, SecurityEventKind, SessionGrant};

/// How recently an account without a password must have signed in for a
/// change that needs re-authentication (see `AuthService::reauthenticate`).
pub const REAUTHENTICATION_MAX_AGE: chrono::Duration = chrono::Duration::minutes(5);

/// Second-factor settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MfaSettings {
    /// The name authenticator apps show above the account's codes.
    pub issuer: String,
    /// How long a sign-in may wait for its second factor.
    pub challenge_ttl_secs: u64,
    /// Codes a sign-in challenge allows before it is void.
    pub challenge_max_attempts: u32,
    /// Base64 of the 32-byte key that seals TOTP secrets at rest. When
    /// unset, the embedded backend generates one into the data directory.
    pub encryption_key: Option<SecretString>,
    /// With the AWS backend, instead of `encryption_key`: the name or ARN of
    /// a Secrets Manager secret holding the keys as a keyring (see
    /// [`MfaKey::from_keyring`]), read once at start.
    pub encryption_key_secret: Option<String>,
}

impl Default for MfaSettings {
    fn default() -> Self {
        Self {
            issuer: "auth-service".to_owned(),
            challenge_ttl_secs: 5 * 60,
            challenge_max_attempts: 5,
            encryption_key: None,
            encryption_key_secret: None,
        }
    }
}

impl MfaSettings {
    pub fn validate(&self) -> Result<(), String> {
        if self.issuer.trim().is_empty() || self.issuer.contains(':') {
            return Err("mfa.issuer must be non-empty and without a colon".to_owned());
        }
        if !(30..=3600).contains(&self.challenge_ttl_secs) || self.challenge_max_attempts == 0 {
            return Err("mfa.challenge_ttl_secs must be 30 to 3600 and mfa.challenge_max_attempts positive".to_owned());
        }
        if let Some(key) = &self.encryption_key {
            MfaKey::from_base64(key).map_err(|error| format!("mfa.encryption_key: {error}"))?;
        }
        if self.encryption_key.is_some() && self.encryption_key_secret.is_some() {
            return Err("set one of mfa.encryption_key and mfa.encryption_key_secret, not both".to_owned());
        }
        if self.encryption_key_secret.as_deref().is_some_and(|id| id.trim().is_empty()) {
            return Err("mfa.encryption_key_secret must name a secret".to_owned());
        }
        Ok(())
    }
}

/// A pending authenticator, as shown to the user once.
pub struct MfaEnrollment {
    pub secret: String,
    pub uri: String,
    pub qr_code_png: String,
}

/// Backup codes as shown to the user once.
pub struct BackupCodes(pub Vec<String>);

/// What a second factor turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SecondFactor {
    /// A current authenticator code or an unused backup code, now spent.
    Accepted,
    /// Neither: a guess, counted against the second factor's budget.
    Rejected,
    /// A right code used already: an authenticator code of a step already
    /// used or a spent backup code, from a duplicate of the request that
    /// used it (two identical submits) or a replay. Refused, but no guess,
    /// so not counted.
    Spent,
}

impl AuthService {
    pub(super) async fn mfa_enabled(&self, user_id: UserId) -> Result<bool, AuthError> {
        Ok(self.mfa.get(user_id).await?.is_some_and(|record| record.enabled))
    }

    /// Keeps the session grant of a password-checked sign-in sealed behind
    /// a new challenge session; no session starts until the second factor.
    pub(super) async fn open_challenge(
        &self,
        user_id: UserId,
        email: Email,
        grant: &SessionGrant,
    ) -> Result<(MfaSession, Duration), AuthError> {
        let session = new_mfa_session();
        let digest = mfa_session_digest(&session);
        let sealed_grant = self
            .mfa_key
            .seal(Sealed::ChallengeGrant, &digest, grant.expose().as_bytes())
            .map_err(AuthError::Internal)?;
        let ttl = Duration::from_secs(self.mfa_settings.challenge_ttl_secs);
        let expires_at = self.clock.now() + ttl;
        let challenge = MfaChallenge { user_id, email, sealed_grant, expires_at };
        self.mfa.insert_challenge(&digest, &challenge).await?;
        tracing::info!(user_id = %user_id, "password accepted; second factor required");
        Ok((session, ttl))
    }

    /// Creates a new pending authenticator secret, replacing an earlier
    /// pending one. MFA stays off until [`Self::verify_mfa_setup`].
    pub async fn setup_mfa(&self, principal: &Principal) -> Result<MfaEnrollment, AuthError> {
        let user = self.user(principal.user_id).await?;
        let (authenticator, secret) =
            Authenticator::generate(&self.mfa_settings.issuer, &user.email).map_err(AuthError::Internal)?;
        let enrollment = MfaEnrollment {
            secret: authenticator.secret_base32(),
            uri: authenticator.uri().map_err(AuthError::Internal)?,
            qr_code_png: authenticator.qr_code_png().map_err(AuthError::Internal)?,
        };
        let user_id = principal.user_id;
        let sealed = self
            .mfa_key
            .seal(Sealed::TotpSecret, user_id.0.as_bytes(), secret.expose_secret())
            .map_err(AuthError::Internal)?;
        if !self.mfa.begin_setup(user_id, &sealed, self.clock.now()).await? {
            return Err(AuthError::MfaAlreadyEnabled);
        }
        tracing::info!(user_id = %user_id, "authenticator setup started");
        Ok(enrollment)
    }

    /// Turns MFA on with the password and a current code of the pending
    /// secret, and revokes the user's other sessions. The password is
    /// re-authentication (OWASP ASVS 2.5.x): changing how the account
    /// signs in takes more than a bearer token, which may be stolen. It is
    /// checked within the password's failure budget; a wrong one is
    /// [`AuthError::StepUpFailed`].
    pub async fn verify_mfa_setup(
        &self,
        principal: &Principal,
        password: Option<&Password>,
        code: &TotpCode,
        client: &Client,
    ) -> Result<BackupCodes, AuthError> {
        let user_id = principal.user_id;
        let user = self.user(user_id).await?;
        let record = match self.mfa.get(user_id).await? {
            None => return Err(AuthError::MfaSetupNotStarted),
            Some(record) if record.enabled => return Err(AuthError::MfaAlreadyEnabled),
            Some(record) => record,
        };
        self.reauthenticate(principal, &user.email, password, client).await?;
        let authenticator = self.authenticator(user_id, &user.email, &record)?;
        let Some(step) = authenticator.matching_step(code, self.clock.now()) else {
            return Err(AuthError::InvalidMfaCode);
        };
        let (shown, digests) = self.new_backup_codes(user_id);
        if !self.mfa.enable(user_id, &record.sealed_secret, step, &digests, self.clock.now()).await? {
            // Enabled or replaced by a concurrent request meanwhile.
            return Err(if self.mfa_enabled(user_id).await? {
                AuthError::MfaAlreadyEnabled
            } else {
                AuthError::InvalidMfaCode
            });
        }
        self.void_after(CredentialEvent::MfaEnabled, user_id, Some(principal)).await?;
        tracing::info!(user_id = %user_id, "MFA enabled; other sessions revoked");
        self.record(user_id, SecurityEventKind::MfaEnabled, Some(client)).await;
        Ok(shown)
    }

    /// Finishes a sign-in with its challenge session and a second factor.
    /// Every try counts against the challenge and, like a wrong password,
    /// against the account's and the address's limits.
    pub async fn verify_mfa(
        &self,
        session: &MfaSession,
        code: &MfaCode,
        client: &Client,
    ) -> Result<SignedIn, AuthError> {
        let verified = self.finish_sign_in(session, code, client).await;
        verified.as_ref().map_or_else(SignInOutcome::of_error, |_| SignInOutcome::MfaPassed).count();
        verified
    }

    async fn finish_sign_in(
        &self,
        session: &MfaSession,
        code: &MfaCode,
        client: &Client,
    ) -> Result<SignedIn, AuthError> {
        let digest = mfa_session_digest(session);
        let now = self.clock.now();
        let max_tries = self.mfa_settings.challenge_max_attempts;
        let Some(challenge) = self.mfa.try_challenge(&digest, max_tries, now).await? else {
            return Err(AuthError::InvalidMfaSession);
        };
        let attempt = self.start_attempt(Factor::SecondFactor, &challenge.email, client).await?;
        let checked = match self.mfa.get(challenge.user_id).await {
            Ok(Some(record)) if record.enabled => {
                self.check_second_factor(challenge.user_id, &challenge.email, &record, code).await.map(Some)
            }
            // MFA was turned off since the password was checked.
            Ok(_) => Ok(None),
            Err(error) => Err(error.into()),
        };
        match checked {
            Ok(Some(SecondFactor::Accepted)) => {}
            Ok(Some(SecondFactor::Rejected)) => {
                attempt.failed();
                self.record(challenge.user_id, SecurityEventKind::SecondFactorFailed, Some(client)).await;
                return Err(AuthError::InvalidMfaCode);
            }
            Ok(Some(SecondFactor::Spent)) => {
                // A right code used already, by a duplicate of this request
                // or a replay: refused, but no guess to count.
                attempt.undecided().await;
                return Err(AuthError::InvalidMfaCode);
            }
            Ok(None) => {
                attempt.undecided().await;
                return Err(AuthError::InvalidMfaSession);
            }
            Err(error) => {
                attempt.undecided().await;
                return Err(error);
            }
        }
        // The second factor is proved; what is left is the session. It
        // starts before the challenge is spent, so that a sign-out or reset
        // ending the challenges meanwhile also ends this session: either the
        // challenge is gone (and the session ends here) or the session
        // exists when they end every session.
        attempt.succeeded().await?;
        let Ok(grant) = self.mfa_key.open_text(Sealed::ChallengeGrant, &digest, &challenge.sealed_grant) else {
            tracing::warn!(user_id = %challenge.user_id, "a challenge's session grant does not open");
            return Err(AuthError::InvalidMfaSession);
        };
        let grant = SessionGrant::from_secret(grant);
        let (session_id, tokens) = self.start_session(challenge.user_id, grant, client).await?;
        if !self.mfa.consume_challenge(&digest).await? {
            // A concurrent request finished this sign-in first, or the
            // challenge was ended.
            self.sessions.end(challenge.user_id, &session_id).await?;
            return Err(AuthError::InvalidMfaSession);
        }
        let user = self.user(challenge.user_id).await?;
        if user.disabled {
            // Disabled while the sign-in waited for its second factor.
            self.sessions.end(challenge.user_id, &session_id).await?;
            return Err(AuthError::AccountDisabled);
        }
        let account = Account { user, mfa_enabled: true };
        tracing::info!(user_id = %challenge.user_id, "second factor accepted");
        self.record(challenge.user_id, SecurityEventKind::SignedIn, Some(client)).await;
        Ok(SignedIn { account, tokens })
    }

    /// Turns MFA off after step-up, and revokes the user's other sessions.
    pub async fn disable_mfa(
        &self,
        principal: &Principal,
        password: Option<&Password>,
        code: &MfaCode,
        client: &Client,
    ) -> Result<(), AuthError> {
        self.step_up(principal, password, code, client).await?;
        if !self.mfa.disable(principal.user_id).await? {
            return Err(AuthError::MfaNotEnabled);
        }
        self.void_after(CredentialEvent::MfaDisabled, principal.user_id, Some(principal)).await?;
        tracing::info!(user_id = %principal.user_id, "MFA disabled; other sessions revoked");
        self.record(principal.user_id, SecurityEventKind::MfaDisabled, Some(client)).await;
        Ok(())
    }

    /// Replaces the backup codes after step-up.
    pub async fn regenerate_backup_codes(
        &self,
        principal: &Principal,
        password: Option<&Password>,
        code: &MfaCode,
        client: &Client,
    ) -> Result<BackupCodes, AuthError> {
        self.step_up(principal, password, code, client).await?;
        let (shown, digests) = self.new_backup_codes(principal.user_id);
        if !self.mfa.replace_backup_codes(principal.user_id, &digests).await? {
            return Err(AuthError::MfaNotEnabled);
        }
        self.void_after(CredentialEvent::BackupCodesRegenerated, principal.user_id, Some(principal)).await?;
        tracing::info!(user_id = %principal.user_id, "backup codes replaced; other sessions revoked");
        self.record(principal.user_id, SecurityEventKind::BackupCodesRegenerated, Some(client)).await;
        Ok(shown)
    }

    /// Checks the password and a second factor of a signed-in user, each
    /// within its own failure budget of the account (see [`Factor`]). The
    /// code is checked (and spent) only after a right password, and either
    /// failure gives the same answer.
    async fn step_up(
        &self,
        principal: &Principal,
        password: Option<&Password>,
        code: &MfaCode,
        client: &Client,
    ) -> Result<(), AuthError> {
        let user_id = principal.user_id;
        let user = self.user(user_id).await?;
        let Some(record) = self.mfa.get(user_id).await?.filter(|record| record.enabled) else {
            return Err(AuthError::MfaNotEnabled);
        };
        self.step_up_with(principal, &user.email, &record, password, code, client).await
    }

    /// [`Self::step_up`] for a user whose address and enabled second
    /// factor (`record`) the caller has read already.
    pub(super) async fn step_up_with(
        &self,
        principal: &Principal,
        email: &Email,
        record: &MfaRecord,
        password: Option<&Password>,
        code: &MfaCode,
        client: &Client,
    ) -> Result<(), AuthError> {
        let user_id = principal.user_id;
        self.reauthenticate(principal, email, password, client).await?;
        let attempt = self.start_attempt(Factor::SecondFactor, email, client).await?;
        match self.check_second_factor(user_id, email, record, code).await {
            Ok(SecondFactor::Accepted) => attempt.succeeded().await,
            Ok(SecondFactor::Rejected) => {
                attempt.failed();
                Err(AuthError::StepUpFailed)
            }
            Ok(SecondFactor::Spent) => {
                attempt.undecided().await;
                Err(AuthError::StepUpFailed)
            }
            Err(error) => {
                attempt.undecided().await;
                Err(error)
            }
        }
    }

    /// Re-authenticates the signed-in user before a change to how the
    /// account signs in (NIST SP 800-63B §4.2.3's re-authentication):
    ///
    /// - an account with a password gives it again, checked within the
    ///   password's failure budget; a wrong one is
    ///   [`AuthError::StepUpFailed`], a missing one an
    ///   [`AuthError::InvalidInput`] on `password`;
    /// - an account without one (made by a federated sign-in or by
    ///   invitation, until a password is set) has no secret to give: its
    ///   calling session must have begun, by a sign-in, within
    ///   [`REAUTHENTICATION_MAX_AGE`] (OpenID Connect Core's `max_age`),
    ///   else [`AuthError::ReauthenticationRequired`]. Refreshing tokens
    ///   does not make a session younger.
    pub(super) async fn reauthenticate(
        &self,
        principal: &Principal,
        email: &Email,
        password: Option<&Password>,
        client: &Client,
    ) -> Result<(), AuthError> {
        let user_id = principal.user_id;
        if self.federation.is_passwordless(user_id).await? {
            let session = self.sessions.session(user_id, &principal.session_id).await?;
            let signed_in_at = session.map(|session| session.started_at);
            return match signed_in_at {
                Some(at) if self.clock.now() - at <= REAUTHENTICATION_MAX_AGE => Ok(()),
                _ => Err(AuthError::ReauthenticationRequired),
            };
        }
        let Some(password) = password else {
            return Err(FieldProblem::new("password", "required", "is required: the account has a password").into());
        };
        let attempt = self.start_attempt(Factor::Password, email, client).await?;
        match self.identity.check_password(user_id, password).await {
            Ok(true) => attempt.succeeded().await,
            Ok(false) => {
                attempt.failed();
                Err(AuthError::StepUpFailed)
            }
            Err(error) => {
                attempt.undecided().await;
                Err(error.into())
            }
        }
    }

    /// What `code` is: a current, unused authenticator code or an unused
    /// backup code of the user; a code that checks out is spent.
    async fn check_second_factor(
        &self,
        user_id: UserId,
        email: &Email,
        record: &MfaRecord,
        code: &MfaCode,
    ) -> Result<SecondFactor, AuthError> {
        match code {
            MfaCode::Totp(code) => {
                let authenticator = self.authenticator(user_id, email, record)?;
                let Some(step) = authenticator.matching_step(code, self.clock.now()) else {
                    return Ok(SecondFactor::Rejected);
                };
                if record.last_used_step.is_some_and(|last| step <= last) || !self.mfa.use_step(user_id, step).await? {
                    tracing::warn!(user_id = %user_id, "an authenticator code was used again");
                    return Ok(SecondFactor::Spent);
                }
                Ok(SecondFactor::Accepted)
            }
            MfaCode::Backup(code) => {
                // Under the current key first: codes issued before a key
                // rotation are stored under a previous one.
                for digest in self.mfa_key.backup_code_digests(user_id, code) {
                    match self.mfa.use_backup_code(user_id, &digest).await? {
                        BackupCodeUse::Spent => {
                            tracing::info!(user_id = %user_id, "a backup code was used");
                            return Ok(SecondFactor::Accepted);
                        }
                        BackupCodeUse::SpentBefore => {
                            tracing::warn!(user_id = %user_id, "a spent backup code was used again");
                            return Ok(SecondFactor::Spent);
                        }
                        BackupCodeUse::Unknown => {}
                    }
                }
                Ok(SecondFactor::Rejected)
            }
        }
    }

    fn authenticator(&self, user_id: UserId, email: &Email, record: &MfaRecord) -> Result<Authenticator, AuthError> {
        let secret = self
            .mfa_key
            .open(Sealed::TotpSecret, user_id.0.as_bytes(), &record.sealed_secret)
            .map_err(AuthError::Internal)?;
        Authenticator::new(secret.expose_secret(), &self.mfa_settings.issuer, email).map_err(AuthError::Internal)
    }

    fn new_backup_codes(&self, user_id: UserId) -> (BackupCodes, Vec<Vec<u8>>) {
        let (shown, digests) = generate_backup_codes()
            .into_iter()
            .map(|(shown, canonical)| (shown, self.mfa_key.backup_code_digest(user_id, &canonical)))
            .unzip();
        (BackupCodes(shown), digests)
    }
}
