//! The parts of the second factor: TOTP authenticators (RFC 6238), backup
//! codes, sign-in challenges and the key that seals secrets at rest.

use std::collections::BTreeSet;

use anyhow::{Context, anyhow};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{DateTime, Utc};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::{Rng, RngCore};
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Builder, Totp};

use super::model::UserId;
use super::values::{BACKUP_CODE_ALPHABET, BACKUP_CODE_CHARS, Email, MfaSession, TotpCode};

/// Bytes in a TOTP secret: 160 bits, as RFC 4226 §4 recommends.
pub const TOTP_SECRET_BYTES: usize = 20;
/// Backup codes issued at a time.
pub const BACKUP_CODE_COUNT: usize = 10;
/// Bytes in a master key.
pub const MFA_KEY_BYTES: usize = 32;

const TOTP_STEP_SECS: u64 = 30;
const TOTP_DIGITS: u8 = 6;
/// Steps of clock drift accepted either way (RFC 6238 §5.2 recommends one).
const TOTP_SKEW: u16 = 1;

/// An authenticator app's view of one TOTP secret.
pub struct Authenticator {
    totp: Totp,
}

impl Authenticator {
    /// A new random secret for the account `email`, shown under `issuer`.
    pub fn generate(issuer: &str, email: &Email) -> anyhow::Result<(Self, SecretSlice<u8>)> {
        let mut secret = vec![0u8; TOTP_SECRET_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        let secret = SecretSlice::from(secret);
        Ok((Self::new(secret.expose_secret(), issuer, email)?, secret))
    }

    pub fn new(secret: &[u8], issuer: &str, email: &Email) -> anyhow::Result<Self> {
        // The otpauth label separates issuer and account with a colon, so
        // neither may contain one; a quoted local part of an address might.
        let account = email.as_str().replace(':', "");
        let totp = Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(TOTP_DIGITS)
            .with_skew(TOTP_SKEW)
            .with_step_duration(TOTP_STEP_SECS)
            .with_secret(secret.to_vec())
            .with_issuer(Some(issuer))
            .with_account_name(account)
            .build()
            .map_err(|error| anyhow!("building a TOTP authenticator: {error}"))?;
        Ok(Self { totp })
    }

    /// The secret in unpadded base32, for typing into an app.
    pub fn secret_base32(&self) -> String {
        self.totp.secret().to_base32()
    }

    /// The `otpauth://totp/…` URI that apps read from a QR code.
    pub fn uri(&self) -> anyhow::Result<String> {
        self.totp.to_url().map_err(|error| anyhow!("writing the otpauth URI: {error}"))
    }

    /// A QR code of [`Self::uri`] as a PNG data URI.
    pub fn qr_code_png(&self) -> anyhow::Result<String> {
        let png = self.totp.to_qr_base64().map_err(|error| anyhow!("drawing the QR code: {error}"))?;
        Ok(format!("data:image/png;base64,{png}"))
    }

    /// The time step whose code `code` is, if it is within the accepted
    /// drift of `now`. Codes are compared in constant time.
    pub fn matching_step(&self, code: &TotpCode, now: DateTime<Utc>) -> Option<u64> {
        let seconds = u64::try_from(now.timestamp()).ok()?;
        self.totp.check(code.expose(), seconds)
    }
}

/// Ten fresh backup codes, as shown to the user (`xxxxx-xxxxx`), and their
/// canonical forms (no hyphen), which are what gets hashed.
pub fn generate_backup_codes() -> Vec<(String, SecretString)> {
    let mut canonical = BTreeSet::new();
    while canonical.len() < BACKUP_CODE_COUNT {
        let code: String = (0..BACKUP_CODE_CHARS)
            .map(|_| char::from(BACKUP_CODE_ALPHABET[rand::rngs::OsRng.gen_range(0..BACKUP_CODE_ALPHABET.len())]))
            .collect();
        canonical.insert(code);
    }
    canonical
        .into_iter()
        .map(|code| {
            let (head, tail) = code.split_at(BACKUP_CODE_CHARS / 2);
            (format!("{head}-{tail}"), SecretString::from(code))
        })
        .collect()
}

/// A new sign-in challenge session: 256 random bits, base64url.
pub fn new_mfa_session() -> MfaSession {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    MfaSession::from_issued(URL_SAFE_NO_PAD.encode(bytes))
}

/// What a challenge session is stored under. Sessions carry 256 random
/// bits, so a fast hash suffices.
pub fn mfa_session_digest(session: &MfaSession) -> Vec<u8> {
    Sha256::digest(session.expose().as_bytes()).to_vec()
}

/// What a sealed value is for; part of the associated data, so that a value
/// sealed for one purpose or owner cannot be passed off as another.
#[derive(Debug, Clone, Copy)]
pub enum Sealed {
    TotpSecret,
    /// A sign-in's [`crate::ports::SessionGrant`] while it waits for its second factor.
    ChallengeGrant,
    /// An identity provider's refresh token, kept behind a handle of the service's.
    ProviderRefreshToken,
    /// The handle that replaced a rotated refresh handle.
    SuccessorHandle,
    /// A federated sign-in's `nonce` and PKCE verifier while the person is
    /// at the provider.
    AuthorizationSecrets,
}

impl Sealed {
    fn label(self) -> &'static [u8] {
        match self {
            Self::TotpSecret => b"totp-secret",
            Self::ChallengeGrant => b"challenge-session-grant",
            Self::ProviderRefreshToken => b"provider-refresh-token",
            Self::SuccessorHandle => b"successor-handle",
            Self::AuthorizationSecrets => b"authorization-secrets",
        }
    }
}

/// The first byte of every sealed value, so that the format or key can change later.
const SEALED_VERSION: u8 = 1;
const NONCE_BYTES: usize = 24;

/// The key that keeps second-factor secrets confidential at rest. Two
/// subkeys are derived from one master key with HKDF-SHA256: one encrypts
/// TOTP secrets and challenge tokens with XChaCha20-Poly1305 (random
/// 192-bit nonces), the other keys the HMAC under which backup codes are
/// stored, so that a copy of the database alone cannot test guesses.
///
/// After a rotation it is a keyring: the current master key seals and
/// digests everything new, and the previous ones, kept for what was sealed
/// under them, still open it and check its backup codes (as AWS KMS keeps
/// a rotated key's old material for decryption).
#[derive(Clone)]
pub struct MfaKey {
    current: Subkeys,
    /// Newest first.
    previous: Vec<Subkeys>,
}

#[derive(Clone)]
struct Subkeys {
    cipher: XChaCha20Poly1305,
    backup_codes: Hmac<Sha256>,
}

impl Subkeys {
    fn derive(master: &[u8]) -> anyhow::Result<Self> {
        if master.len() != MFA_KEY_BYTES {
            anyhow::bail!("the MFA key must be {MFA_KEY_BYTES} bytes, not {}", master.len());
        }
        let kdf = Hkdf::<Sha256>::new(Some(b"auth-service mfa"), master);
        let mut encryption = [0u8; 32];
        let mut backup = [0u8; 32];
        kdf.expand(b"seal v1", &mut encryption).map_err(|_| anyhow!("deriving the sealing key"))?;
        kdf.expand(b"backup codes v1", &mut backup).map_err(|_| anyhow!("deriving the backup code key"))?;
        let backup_codes = <Hmac<Sha256> as Mac>::new_from_slice(&backup).context("keying the backup code MAC")?;
        Ok(Self { cipher: XChaCha20Poly1305::new(&encryption.into()), backup_codes })
    }

    fn from_base64(encoded: &str) -> anyhow::Result<Self> {
        let bytes = STANDARD.decode(encoded.trim()).map_err(|_| anyhow!("the MFA key is not valid base64"))?;
        Self::derive(&bytes)
    }

    fn backup_code_digest(&self, user_id: UserId, canonical: &SecretString) -> Vec<u8> {
        let mut mac = self.backup_codes.clone();
        mac.update(user_id.0.as_bytes());
        mac.update(canonical.expose_secret().as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

/// A keyring as stored in a secret (e.g. AWS Secrets Manager): JSON,
/// `{"current": KEY, "previous": [KEY, …]}`, `previous` newest first and
/// optional. An MFA key is base64 of [`MFA_KEY_BYTES`] bytes.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Keyring {
    pub(super) current: SecretString,
    #[serde(default)]
    pub(super) previous: Vec<SecretString>,
}

impl MfaKey {
    pub fn from_bytes(master: &[u8]) -> anyhow::Result<Self> {
        Ok(Self { current: Subkeys::derive(master)?, previous: Vec::new() })
    }

    /// A key read from configuration: base64 of [`MFA_KEY_BYTES`] bytes.
    pub fn from_base64(encoded: &SecretString) -> anyhow::Result<Self> {
        Ok(Self { current: Subkeys::from_base64(encoded.expose_secret())?, previous: Vec::new() })
    }

    /// A keyring from its JSON (see [`Keyring`]). Errors name the entry at
    /// fault, never its value.
    pub fn from_keyring(json: &SecretString) -> anyhow::Result<Self> {
        // serde_json's messages can quote the input: none is passed on.
        let keyring: Keyring = serde_json::from_str(json.expose_secret()).map_err(|_| {
            anyhow!(r#"the MFA keyring is not JSON of the form {{"current": KEY, "previous": [KEY, …]}}"#)
        })?;
        let current = Subkeys::from_base64(keyring.current.expose_secret()).context("the MFA keyring's current key")?;
        let previous = keyring
            .previous
            .iter()
            .enumerate()
            .map(|(index, key)| {
                Subkeys::from_base64(key.expose_secret())
                    .with_context(|| format!("the MFA keyring's previous[{index}]"))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Self { current, previous })
    }

    /// The current key, then the previous ones.
    fn keys(&self) -> impl Iterator<Item = &Subkeys> {
        std::iter::once(&self.current).chain(&self.previous)
    }

    /// Fresh random bytes for a new master key.
    pub fn generate() -> Vec<u8> {
        let mut bytes = vec![0u8; MFA_KEY_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        bytes
    }

    /// Encrypts `plain` for `purpose` and `owner`, under the current key.
    pub fn seal(&self, purpose: Sealed, owner: &[u8], plain: &[u8]) -> anyhow::Result<Vec<u8>> {
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let aad = associated_data(purpose, owner);
        let ciphertext = self
            .current
            .cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad: &aad })
            .map_err(|_| anyhow!("sealing a {purpose:?}"))?;
        let mut sealed = Vec::with_capacity(1 + NONCE_BYTES + ciphertext.len());
        sealed.push(SEALED_VERSION);
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        Ok(sealed)
    }

    /// [`Self::open`] for a value that was text when sealed.
    pub fn open_text(&self, purpose: Sealed, owner: &[u8], sealed: &[u8]) -> anyhow::Result<SecretString> {
        let opened = self.open(purpose, owner, sealed)?;
        let text =
            std::str::from_utf8(opened.expose_secret()).map_err(|_| anyhow!("a sealed {purpose:?} is not text"))?;
        Ok(SecretString::from(text.to_owned()))
    }

    /// Decrypts what [`Self::seal`] produced for the same purpose and
    /// owner, under the current key or a previous one; an error when it was
    /// altered, sealed for something else or under no key of the ring.
    pub fn open(&self, purpose: Sealed, owner: &[u8], sealed: &[u8]) -> anyhow::Result<SecretSlice<u8>> {
        let (version, rest) = sealed.split_first().ok_or_else(|| anyhow!("an empty sealed {purpose:?}"))?;
        if *version != SEALED_VERSION || rest.len() < NONCE_BYTES {
            anyhow::bail!("a sealed {purpose:?} in an unknown format");
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_BYTES);
        let aad = associated_data(purpose, owner);
        self.keys()
            .find_map(|key| key.cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad: &aad }).ok())
            .map(SecretSlice::from)
            .ok_or_else(|| anyhow!("a sealed {purpose:?} does not open with the configured MFA key"))
    }

    /// The service's answer to the custom authentication challenge Cognito
    /// poses for the user `username` (see `adapters::aws::custom_auth`):
    /// What a new backup code of `user_id` is stored as.
    pub fn backup_code_digest(&self, user_id: UserId, canonical: &SecretString) -> Vec<u8> {
        self.current.backup_code_digest(user_id, canonical)
    }

    /// What a backup code of `user_id` may be stored as: under the current
    /// key, then under each previous one.
    pub fn backup_code_digests(&self, user_id: UserId, canonical: &SecretString) -> Vec<Vec<u8>> {
        self.keys().map(|key| key.backup_code_digest(user_id, canonical)).collect()
    }
}

fn associated_data(purpose: Sealed, owner: &[u8]) -> Vec<u8> {
    [&[SEALED_VERSION], purpose.label(), b"\0", owner].concat()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn key() -> MfaKey {
        MfaKey::from_bytes(&MfaKey::generate()).unwrap()
    }

    #[test]
    fn sealed_values_open_only_for_their_purpose_owner_and_key() {
        let key = key();
        let sealed = key.seal(Sealed::TotpSecret, b"user-1", b"secret").unwrap();
        assert_eq!(key.open(Sealed::TotpSecret, b"user-1", &sealed).unwrap().expose_secret(), b"secret");
        assert!(key.open(Sealed::TotpSecret, b"user-2", &sealed).is_err());
        assert!(key.open(Sealed::ChallengeGrant, b"user-1", &sealed).is_err());
        assert!(self::key().open(Sealed::TotpSecret, b"user-1", &sealed).is_err());
        let mut altered = sealed.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert!(key.open(Sealed::TotpSecret, b"user-1", &altered).is_err());
        assert!(key.open(Sealed::TotpSecret, b"user-1", &[]).is_err());
        assert_ne!(sealed, key.seal(Sealed::TotpSecret, b"user-1", b"secret").unwrap(), "nonces repeat");
    }

    #[test]
    fn a_keyring_seals_with_its_current_key_and_opens_with_any() {
        let (old, new) = (MfaKey::generate(), MfaKey::generate());
        let json = |current: &[u8], previous: &[&[u8]]| {
            let previous: Vec<String> = previous.iter().map(|key| STANDARD.encode(key)).collect();
            SecretString::from(
                serde_json::json!({ "current": STANDARD.encode(current), "previous": previous }).to_string(),
            )
        };
        let before = MfaKey::from_keyring(&json(&old, &[])).unwrap();
        let after = MfaKey::from_keyring(&json(&new, &[&old])).unwrap();
        let sealed_before = before.seal(Sealed::TotpSecret, b"user-1", b"secret").unwrap();
        assert_eq!(after.open(Sealed::TotpSecret, b"user-1", &sealed_before).unwrap().expose_secret(), b"secret");
        let sealed_after = after.seal(Sealed::TotpSecret, b"user-1", b"secret").unwrap();
        assert!(before.open(Sealed::TotpSecret, b"user-1", &sealed_after).is_err(), "sealed under the old key");
        assert!(MfaKey::from_bytes(&new).unwrap().open(Sealed::TotpSecret, b"user-1", &sealed_after).is_ok());
        // Backup codes issued before the rotation still check out after it.
        let (ada, code) = (UserId::random(), SecretString::from("7kq2mx9d4t"));
        let stored = before.backup_code_digest(ada, &code);
        assert_eq!(after.backup_code_digests(ada, &code)[1], stored);
        assert_ne!(after.backup_code_digest(ada, &code), stored);
        assert_eq!(after.backup_code_digests(ada, &code)[0], after.backup_code_digest(ada, &code));
    }

    #[test]
    fn a_bad_keyring_is_refused_without_echoing_a_key() {
        let good = STANDARD.encode(MfaKey::generate());
        let short = STANDARD.encode([9u8; 16]);
        for (json, names) in [
            (format!(r#"{{"current": "{good}", "previous": ["{short}"]}}"#), "previous[0]"),
            (format!(r#"{{"current": "{short}"}}"#), "current key"),
            (format!(r#"{{"current": "{good}", "next": "{good}"}}"#), "not JSON of the form"),
            (good.clone(), "not JSON of the form"),
        ] {
            let error = format!("{:#}", MfaKey::from_keyring(&SecretString::from(json)).err().expect("refused"));
            assert!(error.contains(names), "{error}");
            assert!(!error.contains(&good) && !error.contains(&short), "a key in {error}");
        }
    }

    #[test]
    fn keys_must_be_32_bytes_of_base64() {
        assert!(MfaKey::from_bytes(&[0u8; 16]).is_err());
        assert!(MfaKey::from_base64(&SecretString::from("not base64!")).is_err());
        assert!(MfaKey::from_base64(&SecretString::from(STANDARD.encode([7u8; 32]))).is_ok());
    }

    #[test]
    fn backup_code_digests_depend_on_the_user_and_the_key() {
        let key = key();
        let code = SecretString::from("7kq2mx9d4t");
        let (ada, bob) = (UserId::random(), UserId::random());
        assert_eq!(key.backup_code_digest(ada, &code), key.backup_code_digest(ada, &code));
        assert_ne!(key.backup_code_digest(ada, &code), key.backup_code_digest(bob, &code));
        assert_ne!(key.backup_code_digest(ada, &code), self::key().backup_code_digest(ada, &code));
    }

    #[test]
    fn backup_codes_are_ten_distinct_codes_of_the_documented_shape() {
        let codes = generate_backup_codes();
        assert_eq!(codes.len(), BACKUP_CODE_COUNT);
        let shown: BTreeSet<_> = codes.iter().map(|(shown, _)| shown.clone()).collect();
        assert_eq!(shown.len(), BACKUP_CODE_COUNT);
        let shape = regex::Regex::new("^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$").unwrap();
        for (shown, canonical) in &codes {
            assert!(shape.is_match(shown), "{shown}");
            assert_eq!(shown.replace('-', ""), canonical.expose_secret());
        }
    }

    /// RFC 6238 appendix B, SHA-1: the secret is "12345678901234567890".
    #[test]
    fn codes_match_the_rfc_6238_test_vectors_within_one_step() {
        let email = Email::parse("email", "ada@example.com").unwrap();
        let authenticator = Authenticator::new(b"12345678901234567890", "auth-service", &email).unwrap();
        let at = |seconds| Utc.timestamp_opt(seconds, 0).unwrap();
        let code = TotpCode::parse("code", "081804").unwrap(); // T = 1111111109, 8-digit 07081804
        assert_eq!(authenticator.matching_step(&code, at(1_111_111_109)), Some(1_111_111_109 / 30));
        assert_eq!(authenticator.matching_step(&code, at(1_111_111_109 + 30)), Some(1_111_111_109 / 30));
        assert_eq!(authenticator.matching_step(&code, at(1_111_111_109 - 30)), Some(1_111_111_109 / 30));
        assert_eq!(authenticator.matching_step(&code, at(1_111_111_109 + 60)), None);
        assert_eq!(authenticator.matching_step(&code, at(1_111_111_109 - 60)), None);
    }

    #[test]
    fn the_uri_names_issuer_and_account_and_the_qr_code_is_a_png() {
        let email = Email::parse("email", "ada@example.com").unwrap();
        let (authenticator, secret) = Authenticator::generate("auth-service", &email).unwrap();
        assert_eq!(secret.expose_secret().len(), TOTP_SECRET_BYTES);
        let uri = authenticator.uri().unwrap();
        assert!(uri.starts_with("otpauth://totp/auth-service:ada%40example.com?"), "{uri}");
        assert!(uri.contains(&format!("secret={}", authenticator.secret_base32())), "{uri}");
        assert!(uri.contains("issuer=auth-service"), "{uri}");
        let png = authenticator.qr_code_png().unwrap();
        let bytes = STANDARD.decode(png.strip_prefix("data:image/png;base64,").unwrap()).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
}
