//! Sessions: one sign-in each, from its start to its end, whatever the
//! backend. The rules live here once; the [`SessionStore`] keeps rows and
//! the [`IdentityProvider`](crate::ports::IdentityProvider) issues the
//! access and id tokens.
//!
//! - **Refresh tokens** are opaque, 256 random bits, stored as SHA-256
//!   digests, and rotate on every use (RFC 9700 §4.14.2). A token presented
//!   again within the grace window after its rotation (a client that
//!   refreshed twice at once) gets fresh tokens and the same successor,
//!   which is kept sealed under the old token meanwhile. Presented later, it
//!   was stolen or replayed: its session ends and the reuse is recorded as
//!   a security event.
//! - **Lifetimes.** A session ends at its absolute lifetime, however often
//!   it is refreshed, and after its idle lifetime without a refresh.
//! - **Access tokens** are refused as soon as their session has ended, on
//!   their very next use.

use std::time::Duration;

use anyhow::anyhow;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use chrono::{DateTime, Utc};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

use super::error::AuthError;
use super::model::{Principal, SessionId, TokenSet, UserId};
use super::second_factor::Sealed;
use super::service::{AuthService, Client};
use super::values::RefreshToken;
use crate::ports::{
    Issued, NewRefreshToken, Rotation, SecurityEventKind, SessionGrant, SessionRecord, StoredRefreshToken,
};

/// The longest `User-Agent` kept with a session, in bytes.
const USER_AGENT_MAX_BYTES: usize = 512;

/// The most sessions [`AuthService::list_sessions`] answers.
pub const SESSIONS_LISTED: usize = 100;

/// One of the account's live sessions, as its user sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSession {
    pub id: SessionId,
    pub started_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
    /// The sooner of the idle and the absolute end.
    pub expires_at: DateTime<Utc>,
    pub ip: Option<std::net::IpAddr>,
    /// A readable label such as `Firefox on macOS`.
    pub device: String,
    /// Whether it is the session of the caller.
    pub current: bool,
}

/// Which sessions a sign-out ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogoutScope {
    /// Every session, with open sign-in challenges and reset codes.
    #[default]
    Global,
    /// Every session but the caller's.
    Others,
    /// The caller's.
    Current,
}

/// How long sessions last and how their refresh tokens rotate.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// From the sign-in to the end, however often it is refreshed.
    pub absolute: Duration,
    /// Without a refresh for this long, a session ends.
    pub idle: Duration,
    /// How long a rotated refresh token still yields its successor.
    pub reuse_grace: Duration,
}

impl SessionPolicy {
    /// When `session` ends unless refreshed first: the sooner of its idle
    /// and its absolute end.
    fn ends_at(&self, session: &SessionRecord) -> DateTime<Utc> {
        session.expires_at.min(session.last_used_at + self.idle)
    }

    /// Whether `session` is live at `now`: within both lifetimes.
    fn live(&self, session: &SessionRecord, now: DateTime<Utc>) -> bool {
        now < self.ends_at(session)
    }
}

/// A readable label for a device from its `User-Agent` (Project Woothee's
/// dataset): `Firefox on macOS`, `Chrome on Android`, `curl`.
pub fn device_label(user_agent: Option<&str>) -> String {
    const UNKNOWN: &str = "UNKNOWN";
    let parsed = user_agent.and_then(|agent| woothee::parser::Parser::new().parse(agent));
    let Some(parsed) = parsed.filter(|parsed| parsed.name != UNKNOWN) else {
        return "Unknown device".to_owned();
    };
    let os = match parsed.os {
        "Mac OSX" => "macOS",
        UNKNOWN => return parsed.name.to_owned(),
        os => os,
    };
    let label = format!("{} on {os}", parsed.name);
    label.chars().take(100).collect()
}

/// 256 random bits, base64url: a new refresh token.
fn new_refresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What a refresh token is stored under. Tokens carry 256 random bits, so
/// a fast hash suffices.
fn refresh_token_digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The successor of a rotated token is sealed under a key derived from the
/// rotated token itself: only a holder of that token can read it back,
/// and the store alone reveals nothing. Each key seals one message, so a
/// fixed nonce is safe.
fn successor_cipher(presented: &str) -> ChaCha20Poly1305 {
    let key = Sha256::new().chain_update(b"refresh-successor\0").chain_update(presented.as_bytes()).finalize();
    ChaCha20Poly1305::new(Key::from_slice(&key))
}

fn seal_successor(presented: &str, successor: &str) -> Result<Vec<u8>, AuthError> {
    successor_cipher(presented)
        .encrypt(Nonce::from_slice(&[0u8; 12]), successor.as_bytes())
        .map_err(|_| AuthError::Internal(anyhow!("sealing a refresh token's successor")))
}

fn open_successor(presented: &str, sealed: &[u8]) -> Option<String> {
    let plain = successor_cipher(presented).decrypt(Nonce::from_slice(&[0u8; 12]), sealed).ok()?;
    String::from_utf8(plain).ok()
}

impl AuthService {
    /// Starts a session for a sign-in whose factors all checked out, and
    /// issues its first token set.
    pub(super) async fn start_session(
        &self,
        user_id: UserId,
        grant: SessionGrant,
        client: &Client,
    ) -> Result<(SessionId, TokenSet), AuthError> {
        let issued = self.identity.issue(user_id, grant).await?;
        let now = self.clock.now();
        let refresh_token = new_refresh_token();
        let sealed_provider_token = self.seal_provider_token(user_id, issued.provider_token.as_ref())?;
        let session = SessionRecord {
            id: issued.session_id.clone(),
            user_id,
            started_at: now,
            last_used_at: now,
            expires_at: now + self.sessions_policy.absolute,
            ip: client.ip,
            user_agent: client.user_agent.as_deref().map(truncated_user_agent),
        };
        let token = NewRefreshToken {
            digest: &refresh_token_digest(&refresh_token),
            sealed_provider_token: sealed_provider_token.as_deref(),
        };
        self.sessions.start(&session, token).await?;
        Ok((session.id, token_set(issued, refresh_token)))
    }

    /// Exchanges a refresh token for a new token set (see the module's
    /// rules); [`AuthError::InvalidRefreshToken`] when it is unknown, its
    /// session ended or ends now, or it was reused.
    pub async fn refresh(&self, token: &RefreshToken, client: &Client) -> Result<TokenSet, AuthError> {
        let presented = token.expose();
        let digest = refresh_token_digest(presented);
        let Some((stored, session)) = self.sessions.refresh_token(&digest).await? else {
            return Err(AuthError::InvalidRefreshToken);
        };
        let now = self.clock.now();
        if !self.sessions_policy.live(&session, now) {
            self.sessions.end(session.user_id, &session.id).await?;
            return Err(AuthError::InvalidRefreshToken);
        }
        if stored.rotated.is_some() {
            return self.refresh_rotated(presented, &stored, now, client).await;
        }
        let provider_token = self.open_provider_token(&stored)?;
        let Some(issued) = self.identity.reissue(stored.user_id, &stored.session_id, provider_token).await? else {
            self.sessions.end(stored.user_id, &stored.session_id).await?;
            return Err(AuthError::InvalidRefreshToken);
        };
        let successor = new_refresh_token();
        let sealed_provider_token = self.seal_provider_token(stored.user_id, issued.provider_token.as_ref())?;
        let rotation = Rotation {
            user_id: stored.user_id,
            session_id: &stored.session_id,
            old: &digest,
            new: NewRefreshToken {
                digest: &refresh_token_digest(&successor),
                sealed_provider_token: sealed_provider_token.as_deref().or(stored.sealed_provider_token.as_deref()),
            },
            sealed_successor: &seal_successor(presented, &successor)?,
            at: now,
            expires_at: session.expires_at,
        };
        if self.sessions.rotate(rotation).await? {
            return Ok(token_set(issued, successor));
        }
        // A concurrent refresh of the same token won, or the session ended.
        match self.sessions.refresh_token(&digest).await? {
            Some((current, _)) if current.rotated.is_some() => {
                self.refresh_rotated(presented, &current, now, client).await
            }
            _ => Err(AuthError::InvalidRefreshToken),
        }
    }

    /// A token presented again after its rotation: within the grace window
    /// it yields fresh tokens with the same successor; later, its session
    /// ends and the reuse is recorded.
    async fn refresh_rotated(
        &self,
        presented: &str,
        stored: &StoredRefreshToken,
        now: DateTime<Utc>,
        client: &Client,
    ) -> Result<TokenSet, AuthError> {
        let Some((rotated_at, sealed_successor)) = &stored.rotated else {
            return Err(AuthError::InvalidRefreshToken);
        };
        let within_grace = (now - *rotated_at).to_std().map_or(true, |since| since <= self.sessions_policy.reuse_grace);
        if !within_grace {
            tracing::warn!(user_id = %stored.user_id, "a rotated refresh token was reused; its session ended");
            metrics::counter!(crate::metrics::REFRESH_TOKEN_REUSES).increment(1);
            if self.sessions.end(stored.user_id, &stored.session_id).await? {
                self.record(stored.user_id, SecurityEventKind::RefreshTokenReused, Some(client)).await;
            }
            return Err(AuthError::InvalidRefreshToken);
        }
        let Some(successor) = open_successor(presented, sealed_successor) else {
            return Err(AuthError::InvalidRefreshToken);
        };
        let provider_token = self.open_provider_token(stored)?;
        let Some(issued) = self.identity.reissue(stored.user_id, &stored.session_id, provider_token).await? else {
            return Err(AuthError::InvalidRefreshToken);
        };
        Ok(token_set(issued, successor))
    }

    /// The caller behind an access token, or `None` when the token is not
    /// valid now or its session has ended.
    pub async fn authenticate(&self, access_token: &str) -> Result<Option<Principal>, AuthError> {
        let Some(principal) = self.identity.verify_access_token(access_token).await? else { return Ok(None) };
        let Some(session) = self.sessions.session(principal.user_id, &principal.session_id).await? else {
            return Ok(None);
        };
        Ok(self.sessions_policy.live(&session, self.clock.now()).then_some(principal))
    }

    /// The caller's account's live sessions, most recently used first, at
    /// most [`SESSIONS_LISTED`].
    pub async fn list_sessions(&self, principal: &Principal) -> Result<Vec<ActiveSession>, AuthError> {
        let now = self.clock.now();
        let mut sessions: Vec<SessionRecord> = self
            .sessions
            .list(principal.user_id)
            .await?
            .into_iter()
            .filter(|session| self.sessions_policy.live(session, now))
            .collect();
        sessions.sort_by(|a, b| b.last_used_at.cmp(&a.last_used_at).then_with(|| b.started_at.cmp(&a.started_at)));
        Ok(sessions
            .into_iter()
            .take(SESSIONS_LISTED)
            .map(|session| ActiveSession {
                expires_at: self.sessions_policy.ends_at(&session),
                device: device_label(session.user_agent.as_deref()),
                current: session.id == principal.session_id,
                id: session.id,
                started_at: session.started_at,
                last_used_at: session.last_used_at,
                ip: session.ip,
            })
            .collect())
    }

    /// Ends one of the caller's account's sessions; [`AuthError::SessionNotFound`]
    /// when it has no live one with that id.
    pub async fn revoke_session(
        &self,
        principal: &Principal,
        session_id: &SessionId,
        client: &Client,
    ) -> Result<(), AuthError> {
        let user_id = principal.user_id;
        let live = self.sessions.session(user_id, session_id).await?;
        if !live.is_some_and(|session| self.sessions_policy.live(&session, self.clock.now())) {
            return Err(AuthError::SessionNotFound);
        }
        if !self.sessions.end(user_id, session_id).await? {
            return Err(AuthError::SessionNotFound);
        }
        tracing::info!(user_id = %user_id, "a session was ended by its user");
        self.record(user_id, SecurityEventKind::SessionEnded, Some(client)).await;
        Ok(())
    }

    /// Signs the caller out of the sessions `scope` names.
    pub async fn logout(&self, principal: &Principal, scope: LogoutScope, client: &Client) -> Result<(), AuthError> {
        let user_id = principal.user_id;
        match scope {
            LogoutScope::Global => return self.sign_out_user(user_id, Some(client)).await,
            LogoutScope::Others => {
                self.end_sessions(user_id, Some(&principal.session_id)).await?;
                self.record(user_id, SecurityEventKind::SignedOutOthers, Some(client)).await;
            }
            LogoutScope::Current => {
                self.sessions.end(user_id, &principal.session_id).await?;
                self.record(user_id, SecurityEventKind::SessionEnded, Some(client)).await;
            }
        }
        Ok(())
    }

    /// Ends every session of a user but `keep`, and, when none is kept,
    /// whatever the identity provider keeps of them.
    pub(super) async fn end_sessions(&self, user_id: UserId, keep: Option<&SessionId>) -> Result<(), AuthError> {
        self.sessions.end_all(user_id, keep).await?;
        if keep.is_none() {
            self.identity.end_provider_sessions(user_id).await?;
        }
        Ok(())
    }

    fn seal_provider_token(&self, user_id: UserId, token: Option<&SecretString>) -> Result<Option<Vec<u8>>, AuthError> {
        token
            .map(|token| {
                self.mfa_key
                    .seal(Sealed::ProviderRefreshToken, user_id.0.as_bytes(), token.expose_secret().as_bytes())
                    .map_err(AuthError::Internal)
            })
            .transpose()
    }

    fn open_provider_token(&self, stored: &StoredRefreshToken) -> Result<Option<SecretString>, AuthError> {
        let Some(sealed) = &stored.sealed_provider_token else { return Ok(None) };
        let opened = self.mfa_key.open_text(Sealed::ProviderRefreshToken, stored.user_id.0.as_bytes(), sealed);
        opened.map(Some).map_err(AuthError::Internal)
    }
}

fn token_set(issued: Issued, refresh_token: String) -> TokenSet {
    TokenSet {
        access_token: issued.access_token,
        id_token: issued.id_token,
        refresh_token,
        expires_in: issued.expires_in,
    }
}

/// At most [`USER_AGENT_MAX_BYTES`] of a `User-Agent`, cut at a character boundary.
pub(super) fn truncated_user_agent(user_agent: &str) -> String {
    let mut end = user_agent.len().min(USER_AGENT_MAX_BYTES);
    while !user_agent.is_char_boundary(end) {
        end -= 1;
    }
    user_agent[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_labelled_by_browser_and_system() {
        let firefox = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert_eq!(device_label(Some(firefox)), "Firefox on macOS");
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                      (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(Some(safari)), "Safari on iPhone");
        assert_eq!(device_label(Some("curl/8.5.0")), "HTTP Library");
        assert_eq!(device_label(Some("\u{1}garbage")), "Unknown device");
        assert_eq!(device_label(None), "Unknown device");
    }

    #[test]
    fn a_successor_opens_only_with_the_token_it_was_sealed_under() {
        let (old, new) = (new_refresh_token(), new_refresh_token());
        let sealed = seal_successor(&old, &new).unwrap();
        assert_eq!(open_successor(&old, &sealed).as_deref(), Some(new.as_str()));
        assert_eq!(open_successor(&new, &sealed), None);
        assert!(!sealed.windows(new.len()).any(|window| window == new.as_bytes()));
    }

    #[test]
    fn refresh_tokens_are_256_random_bits() {
        let token = new_refresh_token();
        assert_eq!(URL_SAFE_NO_PAD.decode(&token).unwrap().len(), 32);
        assert_ne!(token, new_refresh_token());
    }

    #[test]
    fn a_long_user_agent_is_cut_at_a_character_boundary() {
        let long = "é".repeat(400);
        let cut = truncated_user_agent(&long);
        assert_eq!(cut.len(), USER_AGENT_MAX_BYTES);
        assert_eq!(truncated_user_agent("curl/8.5.0"), "curl/8.5.0");
    }
}
