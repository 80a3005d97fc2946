//! The embedded identity provider: credentials in SQLite, argon2id hashes,
//! ES256 access and id tokens, and opaque rotating refresh tokens.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use jsonwebtoken::Validation;
use rand::{Rng, RngCore};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use uuid::Uuid;

use super::db::{Db, is_unique_violation, millis, parse_user_id};
use super::hasher::{PasswordHasher, Verified};
use super::signing::{SigningKey, VerifiedTokens, is_current, validation};
use crate::config::TokenSettings;
use crate::domain::{
    Attributes, Clock, ConfirmationCode, Email, Password, PortError, Principal, PublicKey, ResetSettings, Role, Roles,
    SessionId, SignupSettings, User, UserId,
};
use crate::ports::{
    CodeDelivery, Confirmation, IdentityProvider, Issued, Mailer, OutgoingMail, PasswordChange, PasswordReset,
    SessionGrant, SignIn, SignUp, UserStore,
};
use secrecy::SecretString;

const ACCESS: &str = "access";

/// Access tokens whose signatures are remembered as verified: enough for
/// every client active within an access token's lifetime on a busy
/// instance, at about 200 bytes each.
const VERIFIED_TOKENS: usize = 16_384;
const ID: &str = "id";

#[derive(Serialize, Deserialize)]
pub(super) struct AccessClaims {
    iss: String,
    sub: String,
    aud: String,
    exp: i64,
    iat: i64,
    jti: String,
    token_use: String,
    /// The session (sign-in) the token belongs to; revoking it revokes the token.
    sid: String,
    /// The account's roles (RFC 9068 §2.2.3.1), in name order.
    #[serde(default)]
    roles: Vec<String>,
}

#[derive(Serialize)]
struct IdClaims<'a> {
    iss: &'a str,
    sub: String,
    aud: &'a str,
    exp: i64,
    iat: i64,
    jti: String,
    token_use: &'static str,
    sid: &'a str,
    email: &'a str,
    email_verified: bool,
    name: &'a str,
    roles: Vec<&'a str>,
    /// Custom attributes as `custom:NAME`, the names Cognito gives them.
    #[serde(flatten)]
    custom: BTreeMap<String, &'a str>,
}

/// The key of the HMAC under which confirmation codes are stored: six
/// digits are too few to survive a leaked database under a plain hash.
#[derive(Clone)]
pub struct CodeKey(Arc<[u8]>);

impl CodeKey {
    /// Reads the key at `path`, or creates a random 256-bit one there.
    pub fn load_or_create(path: &std::path::Path) -> anyhow::Result<Self> {
        let key = super::secret_file::load_or_create(path, || {
            let mut key = vec![0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut key);
            Ok(key)
        })?;
        anyhow::ensure!(key.len() >= 32, "{} holds fewer than 256 bits", path.display());
        Ok(Self(key.into()))
    }

    fn mac(&self, kind: &CodeKind, user_id: UserId, code: &str) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
        mac.update(kind.purpose.as_bytes());
        mac.update(b"\0");
        mac.update(user_id.to_string().as_bytes());
        mac.update(b"\0");
        mac.update(code.as_bytes());
        mac
    }
}

/// A kind of mailed one-time code: where it is kept and how its mail reads.
struct CodeKind {
    table: &'static str,
    purpose: &'static str,
    subject: &'static str,
    /// The words before the code; people and tests look for them.
    lead: &'static str,
    /// What to do with an unexpected mail.
    advice: &'static str,
}

const CONFIRMATION: CodeKind = CodeKind {
    table: "confirmation_codes",
    purpose: "confirm",
    subject: "Confirm your email address",
    lead: "Your confirmation code is",
    advice: "If you did not create an account, ignore this message.",
};

const RESET: CodeKind = CodeKind {
    table: "reset_codes",
    purpose: "reset",
    subject: "Reset your password",
    lead: "Your password reset code is",
    advice: "If you did not ask to reset your password, ignore this message; your password stays as it is.",
};

/// An invitation's code is a reset code (the same table and MAC purpose,
/// so `reset_password` takes it) in words for a person who has no
/// password yet.
const INVITATION: CodeKind = CodeKind {
    table: RESET.table,
    purpose: RESET.purpose,
    subject: "You are invited: choose your password",
    lead: "Your code to choose a password is",
    advice: "An administrator created an account for you with this address. If you did not expect it, ignore this message.",
};

/// A code row as stored, kept to put it back when its replacement could
/// not be mailed.
struct StoredCode {
    code_mac: Vec<u8>,
    sent_at: i64,
    expires_at: i64,
    failed_attempts: u32,
    used_at: Option<i64>,
}

impl StoredCode {
    fn read(connection: &rusqlite::Connection, kind: &CodeKind, user_id: &str) -> rusqlite::Result<Option<Self>> {
        connection
            .prepare_cached(&format!(
                "SELECT code_mac, sent_at, expires_at, failed_attempts, used_at FROM {} WHERE user_id = ?1",
                kind.table
            ))?
            .query_row([user_id], |row| {
                Ok(Self {
                    code_mac: row.get(0)?,
                    sent_at: row.get(1)?,
                    expires_at: row.get(2)?,
                    failed_attempts: row.get(3)?,
                    used_at: row.get(4)?,
                })
            })
            .optional()
    }

    /// Writes the row back, unless another code has taken its place.
    fn restore(&self, connection: &rusqlite::Connection, kind: &CodeKind, user_id: &str) -> rusqlite::Result<()> {
        connection
            .prepare_cached(&format!(
                "INSERT OR IGNORE INTO {} (user_id, code_mac, sent_at, expires_at, failed_attempts, used_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                kind.table
            ))?
            .execute(params![
                user_id,
                self.code_mac,
                self.sent_at,
                self.expires_at,
                self.failed_attempts,
                self.used_at
            ])?;
        Ok(())
    }
}

/// User id, code MAC, expiry, failed attempts and time of use of a stored code.
type CodeRow = (String, Vec<u8>, i64, u32, Option<i64>);

/// What a presented code turned out to be.
enum CodeCheck {
    /// It matches the stored code, which is still usable; the caller uses it up.
    Valid { user_id: String, id: UserId },
    /// It matches a code already used.
    Reused(UserId),
    /// Wrong, expired, voided or for an address with no code. A wrong code
    /// was counted; the caller commits so that the count sticks.
    Invalid,
}

/// Checks `code` for `email` against the stored code of `kind`, in
/// constant time, counting a wrong one toward voiding the code.
fn check_code(
    connection: &rusqlite::Connection,
    (kind, key): (&CodeKind, &CodeKey),
    email: &str,
    code: &str,
    now: i64,
    max_attempts: u32,
) -> rusqlite::Result<CodeCheck> {
    let found: Option<CodeRow> = connection
        .prepare_cached(&format!(
            "SELECT k.user_id, k.code_mac, k.expires_at, k.failed_attempts, k.used_at
                 FROM credentials c JOIN {} k ON k.user_id = c.user_id WHERE c.email = ?1",
            kind.table
        ))?
        .query_row([email], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))
        .optional()?;
    let Some((user_id, code_mac, expires_at, failed_attempts, used_at)) = found else { return Ok(CodeCheck::Invalid) };
    let Ok(id) = Uuid::parse_str(&user_id).map(UserId) else { return Ok(CodeCheck::Invalid) };
    let matches = key.mac(kind, id, code).verify_slice(&code_mac).is_ok();
    if used_at.is_some() {
        return Ok(if matches { CodeCheck::Reused(id) } else { CodeCheck::Invalid });
    }
    if expires_at <= now || failed_attempts >= max_attempts {
        return Ok(CodeCheck::Invalid);
    }
    if !matches {
        connection
            .prepare_cached(&format!(
                "UPDATE {} SET failed_attempts = failed_attempts + 1 WHERE user_id = ?1",
                kind.table
            ))?
            .execute([&user_id])?;
        return Ok(CodeCheck::Invalid);
    }
    connection
        .prepare_cached(&format!("UPDATE {} SET used_at = ?1 WHERE user_id = ?2", kind.table))?
        .execute(params![now, user_id])?;
    Ok(CodeCheck::Valid { user_id, id })
}

/// How long a code of one kind lives, how often it may be mailed and how
/// many wrong tries void it.
#[derive(Debug, Clone, Copy)]
struct CodeLimits {
    ttl_secs: u64,
    resend_interval_secs: u64,
    max_attempts: u32,
}

/// What the embedded identity provider is configured with.
#[derive(Debug, Clone, Default)]
pub struct IdentitySettings {
    pub tokens: TokenSettings,
    pub signup: SignupSettings,
    pub reset: ResetSettings,
}

pub struct EmbeddedIdentity {
    db: Db,
    hasher: PasswordHasher,
    key: SigningKey,
    code_key: CodeKey,
    mailer: Arc<dyn Mailer>,
    users: Arc<dyn UserStore>,
    clock: Arc<dyn Clock>,
    settings: TokenSettings,
    confirmation: CodeLimits,
    reset: CodeLimits,
    invitation: CodeLimits,
    validation: Validation,
    verified: VerifiedTokens<AccessClaims>,
}

impl EmbeddedIdentity {
    pub fn new(
        db: Db,
        hasher: PasswordHasher,
        (key, code_key): (SigningKey, CodeKey),
        mailer: Arc<dyn Mailer>,
        users: Arc<dyn UserStore>,
        clock: Arc<dyn Clock>,
        settings: IdentitySettings,
    ) -> Self {
        let IdentitySettings { tokens: settings, signup, reset } = settings;
        let validation = validation(&settings.issuer, &settings.audience);
        let confirmation = CodeLimits {
            ttl_secs: signup.code_ttl_secs,
            resend_interval_secs: signup.resend_interval_secs,
            max_attempts: signup.code_max_attempts,
        };
        let invitation = CodeLimits {
            ttl_secs: reset.invitation_code_ttl_secs,
            resend_interval_secs: reset.resend_interval_secs,
            max_attempts: reset.code_max_attempts,
        };
        let reset = CodeLimits {
            ttl_secs: reset.code_ttl_secs,
            resend_interval_secs: reset.resend_interval_secs,
            max_attempts: reset.code_max_attempts,
        };
        Self {
            db,
            hasher,
            key,
            code_key,
            mailer,
            users,
            clock,
            settings,
            confirmation,
            reset,
            invitation,
            validation,
            verified: VerifiedTokens::new(VERIFIED_TOKENS),
        }
    }

    /// Stores the MAC of a new code of `kind` for `user_id` (replacing any
    /// earlier code) and mails the code to `email`, unless one went out
    /// within the resend interval; the check and the store are one
    /// transaction, so concurrent requests send one mail. The code is stored
    /// first, so that it works as soon as the mail arrives; if the mail
    /// cannot be sent, the earlier state is put back.
    async fn mail_code(
        &self,
        kind: &'static CodeKind,
        limits: CodeLimits,
        email: &Email,
        user_id: UserId,
    ) -> Result<CodeDelivery, PortError> {
        let now = self.clock.now();
        let interval = millis_of(duration(limits.resend_interval_secs));
        let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000));
        let code_mac = self.code_key.mac(kind, user_id, &code).finalize().into_bytes().to_vec();
        let expires_at = now + duration(limits.ttl_secs);
        let row = (user_id.to_string(), code_mac.clone());
        let stored: Option<Option<StoredCode>> = self
            .db
            .write(move |connection| {
                let earlier = StoredCode::read(connection, kind, &row.0)?;
                if earlier.as_ref().is_some_and(|earlier| millis(now) - earlier.sent_at < interval) {
                    return Ok(None);
                }
                connection
                    .prepare_cached(&format!(
                        "INSERT INTO {} (user_id, code_mac, sent_at, expires_at) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (user_id) DO UPDATE SET code_mac = excluded.code_mac, sent_at = excluded.sent_at,
                             expires_at = excluded.expires_at, failed_attempts = 0, used_at = NULL",
                        kind.table
                    ))?
                    .execute(params![row.0, row.1, millis(now), millis(expires_at)])?;
                Ok(Some(earlier))
            })
            .await?;
        let Some(earlier) = stored else { return Ok(CodeDelivery::TooSoon) };
        let lifetime = match limits.ttl_secs {
            secs if secs % 86_400 == 0 && secs > 86_400 => format!("{} days", secs / 86_400),
            secs if secs % 3600 == 0 => format!("{} hours", secs / 3600),
            secs => format!("{} minutes", secs.div_ceil(60)),
        };
        let mail = OutgoingMail {
            to: email.clone(),
            subject: kind.subject.to_owned(),
            text: format!("{} {code}.\n\nIt expires in {lifetime}. {}\n", kind.lead, kind.advice),
        };
        let Err(error) = self.mailer.send(&mail).await else { return Ok(CodeDelivery::Sent) };
        let user = user_id.to_string();
        self.db
            .write(move |connection| {
                // Only if no newer code replaced ours meanwhile.
                connection
                    .prepare_cached(&format!("DELETE FROM {} WHERE user_id = ?1 AND code_mac = ?2", kind.table))?
                    .execute(params![user, code_mac])?;
                if let Some(earlier) = earlier {
                    earlier.restore(connection, kind, &user)?;
                }
                Ok(())
            })
            .await?;
        Ok(CodeDelivery::MailFailed(error))
    }

    /// The account with a confirmed address `email`, if there is one.
    fn confirmed_user(&self, email: &Email) -> Result<Option<UserId>, PortError> {
        let lookup = email.as_str().to_owned();
        let account: Option<String> = self.db.read(move |connection| {
            connection
                // Only confirmed addresses, as on Cognito: a reset proves
                // the mailbox, which an unconfirmed account has not proved.
                .prepare_cached("SELECT user_id FROM credentials WHERE email = ?1 AND confirmed = 1")?
                .query_row([lookup], |row| row.get(0))
                .optional()
        })?;
        account.map(|user_id| parse_user_id(&user_id)).transpose()
    }

    /// The stored password hash of a user known to exist.
    /// Replaces the user's hash `old` with `new`, the same password hashed
    /// as passwords are now (normalised, current parameters), unless the
    /// password changed meanwhile. Best effort: the old hash still verifies.
    async fn replace_hash(&self, user_id: UserId, old: String, new: String) {
        let user_id = user_id.to_string();
        let replaced = self
            .db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "UPDATE credentials SET password_hash = ?1 WHERE user_id = ?2 AND password_hash = ?3",
                    )?
                    .execute(params![new, user_id, old])
            })
            .await;
        if let Err(error) = replaced {
            tracing::warn!(error = %error, "could not store a password's new hash");
        }
    }

    async fn password_hash(&self, user_id: UserId) -> Result<String, PortError> {
        let lookup = user_id.to_string();
        let stored: Option<String> = self.db.read(move |connection| {
            connection
                .prepare_cached("SELECT password_hash FROM credentials WHERE user_id = ?1")?
                .query_row([lookup], |row| row.get(0))
                .optional()
        })?;
        stored.ok_or_else(|| PortError::Internal(anyhow!("authenticated user {user_id} has no credentials")))
    }

    async fn profile(&self, user_id: UserId) -> Result<User, PortError> {
        self.users
            .get(user_id)
            .await?
            .ok_or_else(|| PortError::Internal(anyhow!("user {user_id} has credentials but no profile")))
    }

    /// Access and id tokens of `session_id` for `user`, signed now.
    fn issued(&self, user: &User, session_id: SessionId, now: DateTime<Utc>) -> Result<Issued, PortError> {
        let iat = now.timestamp();
        let exp = iat + self.settings.access_ttl_secs as i64;
        let access = AccessClaims {
            iss: self.settings.issuer.clone(),
            sub: user.id.to_string(),
            aud: self.settings.audience.clone(),
            exp,
            iat,
            jti: Uuid::new_v4().to_string(),
            token_use: ACCESS.to_owned(),
            sid: session_id.0.clone(),
            roles: user.roles.iter().map(|role| role.as_str().to_owned()).collect(),
        };
        let id = IdClaims {
            iss: &self.settings.issuer,
            sub: user.id.to_string(),
            aud: &self.settings.audience,
            exp,
            iat,
            jti: Uuid::new_v4().to_string(),
            token_use: ID,
            sid: &session_id.0,
            email: user.email.as_str(),
            email_verified: user.email_verified,
            name: user.name.as_str(),
            roles: user.roles.iter().map(Role::as_str).collect(),
            custom: user.attributes.iter().map(|(name, value)| (format!("custom:{name}"), value.as_str())).collect(),
        };
        let sign = |result: anyhow::Result<String>| {
            result.map_err(|error| PortError::Internal(error.context("signing a token")))
        };
        Ok(Issued {
            access_token: sign(self.key.sign(&access))?,
            id_token: sign(self.key.sign(&id))?,
            expires_in: Duration::from_secs(self.settings.access_ttl_secs),
            session_id,
            provider_token: None,
        })
    }
}

#[async_trait]
impl IdentityProvider for EmbeddedIdentity {
    async fn sign_up(&self, email: &Email, password: &Password, confirmed: bool) -> Result<SignUp, PortError> {
        let hash = self.hasher.hash(password).await?;
        let user_id = UserId::random();
        let email = email.as_str().to_owned();
        let now = millis(self.clock.now());
        self.db
            .write(move |connection| {
                let inserted = connection
                    .prepare_cached(
                        "INSERT INTO credentials (user_id, email, password_hash, password_changed_at, confirmed)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![user_id.to_string(), email, hash, now, confirmed]);
                match inserted {
                    Ok(_) => Ok(SignUp::Created { user_id, code_sent: false }),
                    Err(error) if is_unique_violation(&error) => Ok(SignUp::EmailTaken),
                    Err(error) => Err(error),
                }
            })
            .await
    }

    /// Stores the hash of [`Password::unknowable`]: signing in costs what
    /// it costs for any account, and fails.
    async fn invite(&self, email: &Email) -> Result<SignUp, PortError> {
        self.sign_up(email, &Password::unknowable(), true).await
    }

    async fn send_invitation_code(&self, email: &Email) -> Result<CodeDelivery, PortError> {
        let Some(user_id) = self.confirmed_user(email)? else { return Ok(CodeDelivery::NotNeeded) };
        self.mail_code(&INVITATION, self.invitation, email, user_id).await
    }

    async fn delete_user(&self, user_id: UserId) -> Result<(), PortError> {
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached("DELETE FROM confirmation_codes WHERE user_id = ?1")?
                    .execute([user_id.to_string()])?;
                connection
                    .prepare_cached("DELETE FROM reset_codes WHERE user_id = ?1")?
                    .execute([user_id.to_string()])?;
                connection
                    .prepare_cached("DELETE FROM credentials WHERE user_id = ?1")?
                    .execute([user_id.to_string()])?;
                Ok(())
            })
            .await
    }

    async fn sign_in(&self, email: &Email, password: &Password) -> Result<SignIn, PortError> {
        let lookup = email.as_str().to_owned();
        let stored: Option<(String, String, bool)> = self.db.read(move |connection| {
            connection
                .prepare_cached("SELECT user_id, password_hash, confirmed FROM credentials WHERE email = ?1")?
                .query_row([lookup], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
                .optional()
        })?;
        let (user_id, hash, confirmed) =
            stored.map_or((None, None, false), |(id, hash, confirmed)| (Some(id), Some(hash), confirmed));
        let verified = self.hasher.verify(password, hash.clone()).await?;
        if !verified.matched() {
            return Ok(SignIn::InvalidCredentials);
        }
        let Some(user_id) = user_id.as_deref().and_then(|id| Uuid::parse_str(id).ok()).map(UserId) else {
            return Err(PortError::Internal(anyhow!("a stored user id is not a UUID")));
        };
        if let (Verified::Yes { rehash: Some(rehash) }, Some(old)) = (verified, hash) {
            self.replace_hash(user_id, old, rehash).await;
        }
        if !confirmed {
            return Ok(SignIn::NotConfirmed);
        }
        Ok(SignIn::Authenticated { user_id, grant: SessionGrant::empty() })
    }

    /// The grant carries nothing here: there only has to be a confirmed
    /// account.
    async fn federated_grant(&self, user_id: UserId) -> Result<Option<SessionGrant>, PortError> {
        let lookup = user_id.to_string();
        let found = self.db.read(move |connection| {
            connection
                .prepare_cached("SELECT 1 FROM credentials WHERE user_id = ?1 AND confirmed = 1")?
                .query_row([lookup], |_| Ok(()))
                .optional()
        })?;
        Ok(found.map(|()| SessionGrant::empty()))
    }

    /// Names a new session (a UUID) and signs its first tokens. The grant
    /// carries nothing here.
    async fn issue(&self, user_id: UserId, _grant: SessionGrant) -> Result<Issued, PortError> {
        let user = self.profile(user_id).await?;
        self.issued(&user, SessionId(Uuid::new_v4().to_string()), self.clock.now())
    }

    async fn reissue(
        &self,
        user_id: UserId,
        session_id: &SessionId,
        _provider_token: Option<SecretString>,
    ) -> Result<Option<Issued>, PortError> {
        let user = self.profile(user_id).await?;
        self.issued(&user, session_id.clone(), self.clock.now()).map(Some)
    }

    async fn send_confirmation_code(&self, email: &Email) -> Result<CodeDelivery, PortError> {
        let lookup = email.as_str().to_owned();
        let pending: Option<String> = self.db.read(move |connection| {
            connection
                .prepare_cached("SELECT user_id FROM credentials WHERE email = ?1 AND confirmed = 0")?
                .query_row([lookup], |row| row.get(0))
                .optional()
        })?;
        let Some(user_id) = pending else { return Ok(CodeDelivery::NotNeeded) };
        self.mail_code(&CONFIRMATION, self.confirmation, email, parse_user_id(&user_id)?).await
    }

    async fn send_password_reset_code(&self, email: &Email) -> Result<CodeDelivery, PortError> {
        let Some(user_id) = self.confirmed_user(email)? else { return Ok(CodeDelivery::NotNeeded) };
        self.mail_code(&RESET, self.reset, email, user_id).await
    }

    async fn reset_password(
        &self,
        email: &Email,
        code: &ConfirmationCode,
        new: &Password,
    ) -> Result<PasswordReset, PortError> {
        // Hashed whatever the code, so that a wrong code or an unknown
        // address costs the same as a right one.
        let hash = self.hasher.hash(new).await?;
        let lookup = email.as_str().to_owned();
        let now = millis(self.clock.now());
        let max_attempts = self.reset.max_attempts;
        let code = code.expose().to_owned();
        let code_key = self.code_key.clone();
        self.db
            .write(move |connection| {
                let CodeCheck::Valid { user_id, id } =
                    check_code(connection, (&RESET, &code_key), &lookup, &code, now, max_attempts)?
                else {
                    // A used reset code never works twice.
                    return Ok(PasswordReset::InvalidCode);
                };
                connection
                    .prepare_cached(
                        "UPDATE credentials SET password_hash = ?1, password_changed_at = ?2 WHERE user_id = ?3",
                    )?
                    .execute(params![hash, now, user_id])?;
                Ok(PasswordReset::Reset(id))
            })
            .await
    }

    async fn confirm_sign_up(&self, email: &Email, code: &ConfirmationCode) -> Result<Confirmation, PortError> {
        let lookup = email.as_str().to_owned();
        let now = millis(self.clock.now());
        let max_attempts = self.confirmation.max_attempts;
        let code = code.expose().to_owned();
        let code_key = self.code_key.clone();
        self.db
            .write(move |connection| {
                let checked = check_code(connection, (&CONFIRMATION, &code_key), &lookup, &code, now, max_attempts)?;
                let (user_id, id) = match checked {
                    CodeCheck::Valid { user_id, id } => (user_id, id),
                    // Repeating a successful confirmation succeeds again.
                    CodeCheck::Reused(id) => return Ok(Confirmation::Confirmed(id)),
                    CodeCheck::Invalid => {
                        return Ok(Confirmation::InvalidCode);
                    }
                };
                connection
                    .prepare_cached("UPDATE credentials SET confirmed = 1 WHERE user_id = ?1")?
                    .execute([&user_id])?;
                Ok(Confirmation::Confirmed(id))
            })
            .await
    }

    async fn verify_access_token(&self, access_token: &str) -> Result<Option<Principal>, PortError> {
        let Some(claims) =
            self.verified.get_or_verify(access_token, |token| self.key.verify::<AccessClaims>(token, &self.validation))
        else {
            return Ok(None);
        };
        if claims.token_use != ACCESS || !is_current(claims.iat, claims.exp, self.clock.now().timestamp()) {
            return Ok(None);
        }
        let Ok(user_id) = Uuid::parse_str(&claims.sub).map(UserId) else { return Ok(None) };
        Ok(Some(Principal { user_id, session_id: SessionId(claims.sid.clone()) }))
    }

    /// Sessions are all the service's; there is nothing else to end.
    async fn end_provider_sessions(&self, _user_id: UserId) -> Result<(), PortError> {
        Ok(())
    }

    async fn void_password_resets(&self, user_id: UserId) -> Result<(), PortError> {
        let user_id = user_id.to_string();
        self.db
            .write(move |connection| {
                connection.prepare_cached("DELETE FROM reset_codes WHERE user_id = ?1")?.execute(params![user_id])
            })
            .await?;
        Ok(())
    }

    /// Nothing to do: tokens are signed from the profile, which has them.
    async fn set_claims(&self, _user_id: UserId, _roles: &Roles, _attributes: &Attributes) -> Result<(), PortError> {
        Ok(())
    }

    async fn check_password(&self, user_id: UserId, password: &Password) -> Result<bool, PortError> {
        let stored = self.password_hash(user_id).await?;
        match self.hasher.verify(password, Some(stored.clone())).await? {
            Verified::No => Ok(false),
            Verified::Yes { rehash } => {
                if let Some(rehash) = rehash {
                    self.replace_hash(user_id, stored, rehash).await;
                }
                Ok(true)
            }
        }
    }

    async fn change_password(
        &self,
        user_id: UserId,
        current: &Password,
        new: &Password,
    ) -> Result<PasswordChange, PortError> {
        let stored = self.password_hash(user_id).await?;
        if !self.hasher.verify(current, Some(stored)).await?.matched() {
            return Ok(PasswordChange::CurrentPasswordIncorrect);
        }
        let hash = self.hasher.hash(new).await?;
        let user_id = user_id.to_string();
        let now = millis(self.clock.now());
        self.db
            .write(move |connection| {
                connection
                    .prepare_cached(
                        "UPDATE credentials SET password_hash = ?1, password_changed_at = ?2 WHERE user_id = ?3",
                    )?
                    .execute(params![hash, now, user_id])
            })
            .await?;
        Ok(PasswordChange::Changed)
    }

    async fn public_keys(&self) -> Result<Vec<PublicKey>, PortError> {
        Ok(vec![self.key.public_key().clone()])
    }
}

fn duration(secs: u64) -> chrono::Duration {
    chrono::Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 1000))
}

fn millis_of(duration: chrono::Duration) -> i64 {
    duration.num_milliseconds()
}
