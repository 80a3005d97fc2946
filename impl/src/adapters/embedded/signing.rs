//! The ES256 key that signs access and id tokens. Generated on first start
//! and kept as PKCS#8 PEM, readable by the owner only.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, anyhow, bail};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use p256::elliptic_curve::rand_core::OsRng;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::secret_file;
use crate::domain::PublicKey;

pub struct SigningKey {
    encoding: EncodingKey,
    decoding: DecodingKey,
    kid: String,
    public: PublicKey,
}

impl SigningKey {
    /// Reads the key at `path`, or creates one there if the file does not exist.
    pub fn load_or_create(path: &Path) -> anyhow::Result<Self> {
        let pem = secret_file::load_or_create(path, || {
            let secret = p256::SecretKey::random(&mut OsRng);
            let pem =
                secret.to_pkcs8_pem(LineEnding::LF).map_err(|error| anyhow!("encoding the signing key: {error}"))?;
            Ok(pem.as_bytes().to_vec())
        })?;
        let pem = String::from_utf8(pem).context("the signing key is not text")?;
        Self::from_pkcs8_pem(&pem).with_context(|| format!("parsing the signing key {}", path.display()))
    }

    fn from_pkcs8_pem(pem: &str) -> anyhow::Result<Self> {
        let secret = p256::SecretKey::from_pkcs8_pem(pem).map_err(|error| anyhow::anyhow!("{error}"))?;
        let point = secret.public_key().to_encoded_point(false);
        let (Some(x), Some(y)) = (point.x(), point.y()) else { bail!("the public key has no affine coordinates") };
        let x = URL_SAFE_NO_PAD.encode(x);
        let y = URL_SAFE_NO_PAD.encode(y);
        let kid = thumbprint(&x, &y);
        Ok(Self {
            encoding: EncodingKey::from_ec_pem(pem.as_bytes())?,
            decoding: DecodingKey::from_ec_components(&x, &y)?,
            public: PublicKey::Ec { kid: kid.clone(), x, y },
            kid,
        })
    }

    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    pub fn sign<C: Serialize>(&self, claims: &C) -> anyhow::Result<String> {
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(self.kid.clone());
        Ok(jsonwebtoken::encode(&header, claims, &self.encoding)?)
    }

    /// Verifies signature, algorithm (ES256 only), key id and `validation`'s
    /// claims; `None` for any token that fails.
    pub fn verify<C: DeserializeOwned>(&self, token: &str, validation: &Validation) -> Option<C> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        if header.alg != Algorithm::ES256 || header.kid.as_deref() != Some(self.kid.as_str()) {
            return None;
        }
        jsonwebtoken::decode::<C>(token, &self.decoding, validation).ok().map(|data| data.claims)
    }
}

/// Tokens whose signature and claims checked out under one [`SigningKey`],
/// remembered by the SHA-256 of the token, so that a token presented again
/// skips the ECDSA verification. Only tokens that verified are remembered,
/// and a token and its key never change, so a hit answers as verifying
/// again would; expiry and revocation are the caller's to check on every
/// use. Holds at most `capacity` tokens' claims, the least recently used
/// giving way.
pub struct VerifiedTokens<C> {
    verified: quick_cache::sync::Cache<[u8; 32], Arc<C>>,
}

impl<C: Send + Sync + 'static> VerifiedTokens<C> {
    pub fn new(capacity: usize) -> Self {
        Self { verified: quick_cache::sync::Cache::new(capacity) }
    }

    /// The claims of `token`, remembered or from `verify`, which must check
    /// the signature with the one key this cache is for.
    pub fn get_or_verify(&self, token: &str, verify: impl FnOnce(&str) -> Option<C>) -> Option<Arc<C>> {
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        if let Some(claims) = self.verified.get(&digest) {
            return Some(claims);
        }
        let claims = Arc::new(verify(token)?);
        self.verified.insert(digest, Arc::clone(&claims));
        Some(claims)
    }
}

/// A validation that accepts only ES256 and requires the registered claims.
/// Expiry is left to the caller, who checks it against the service's clock.
pub fn validation(issuer: &str, audience: &str) -> Validation {
    let mut validation = Validation::new(Algorithm::ES256);
    validation.algorithms = vec![Algorithm::ES256];
    validation.set_issuer(&[issuer]);
    validation.set_audience(&[audience]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    validation.validate_exp = false;
    validation
}

/// Clock skew tolerated between this service and itself across instances.
pub const LEEWAY_SECS: i64 = 5;

/// Whether a token issued at `iat` and expiring at `exp` is valid at `now`
/// (seconds since the epoch): not expired, and not issued in the future.
pub fn is_current(iat: i64, exp: i64, now: i64) -> bool {
    now < exp.saturating_add(LEEWAY_SECS) && iat <= now.saturating_add(LEEWAY_SECS)
}

/// The RFC 7638 thumbprint of the public key, used as its `kid`.
fn thumbprint(x: &str, y: &str) -> String {
    let canonical = format!(r#"{{"crv":"P-256","kty":"EC","x":"{x}","y":"{y}"}}"#);
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
    struct Claims {
        iss: String,
        aud: String,
        sub: String,
        iat: i64,
        exp: i64,
    }

    fn claims() -> Claims {
        let now = 1_900_000_000;
        Claims { iss: "issuer".into(), aud: "audience".into(), sub: "user".into(), iat: now, exp: now + 60 }
    }

    #[test]
    fn a_key_is_created_once_with_owner_only_permissions_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing-key.pem");
        let first = SigningKey::load_or_create(&path).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let second = SigningKey::load_or_create(&path).unwrap();
        assert_eq!(first.kid(), second.kid());
        let token = first.sign(&claims()).unwrap();
        assert_eq!(second.verify::<Claims>(&token, &validation("issuer", "audience")), Some(claims()));
    }

    #[test]
    fn a_key_readable_by_others_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing-key.pem");
        SigningKey::load_or_create(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(SigningKey::load_or_create(&path).is_err());
    }

    #[test]
    fn tokens_from_another_key_or_audience_do_not_verify() {
        let dir = tempfile::tempdir().unwrap();
        let ours = SigningKey::load_or_create(&dir.path().join("a.pem")).unwrap();
        let theirs = SigningKey::load_or_create(&dir.path().join("b.pem")).unwrap();
        let token = theirs.sign(&claims()).unwrap();
        assert_eq!(ours.verify::<Claims>(&token, &validation("issuer", "audience")), None);
        let token = ours.sign(&claims()).unwrap();
        assert_eq!(ours.verify::<Claims>(&token, &validation("issuer", "another")), None);
        assert_eq!(ours.verify::<Claims>(&token, &validation("another", "audience")), None);
    }

    #[test]
    fn tokens_are_current_from_issue_until_expiry() {
        assert!(is_current(1000, 1900, 1000));
        assert!(is_current(1000, 1900, 1899));
        assert!(!is_current(1000, 1900, 1900 + LEEWAY_SECS));
        assert!(!is_current(1000 + LEEWAY_SECS + 1, 1900, 1000));
    }

    #[test]
    fn only_verified_tokens_are_remembered_and_each_by_its_exact_text() {
        let dir = tempfile::tempdir().unwrap();
        let key = SigningKey::load_or_create(&dir.path().join("k.pem")).unwrap();
        let cache = VerifiedTokens::<Claims>::new(16);
        let verifications = std::cell::Cell::new(0);
        let verify = |token: &str| {
            verifications.set(verifications.get() + 1);
            key.verify::<Claims>(token, &validation("issuer", "audience"))
        };
        let token = key.sign(&claims()).unwrap();
        assert_eq!(cache.get_or_verify(&token, verify).as_deref(), Some(&claims()));
        assert_eq!(cache.get_or_verify(&token, verify).as_deref(), Some(&claims()));
        assert_eq!(verifications.get(), 1, "a remembered token was verified again");
        // A token one character off is verified, and refused, every time.
        let at = token.len() - 10;
        let swapped = if &token[at..=at] == "A" { "B" } else { "A" };
        let forged = format!("{}{swapped}{}", &token[..at], &token[at + 1..]);
        assert_eq!(cache.get_or_verify(&forged, verify), None);
        assert_eq!(cache.get_or_verify(&forged, verify), None);
        assert_eq!(verifications.get(), 3);
    }

    #[test]
    fn unsigned_tokens_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let key = SigningKey::load_or_create(&dir.path().join("k.pem")).unwrap();
        let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"none","typ":"JWT","kid":"{}"}}"#, key.kid()));
        let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims()).unwrap());
        assert_eq!(key.verify::<Claims>(&format!("{header}.{body}."), &validation("issuer", "audience")), None);
    }
}
