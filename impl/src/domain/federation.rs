//! Sign-in federated to OpenID Connect providers (OpenID Connect Core 1.0,
//! authorization code flow), with the protections RFC 9700 asks of a
//! client: `state` against cross-site request forgery, `nonce` against ID
//! token replay and PKCE (RFC 7636, `S256`) against code injection.
//!
//! This module holds the values of the flow. Each authorization request
//! gets a fresh [`AuthorizationSecrets`]; the provider's adapter
//! ([`crate::ports::OpenIdProvider`]) builds the request from them,
//! redeems the code the provider answers with and verifies the ID token,
//! and hands back an [`AssertedIdentity`]: what the provider asserts, and
//! nothing the service decided yet.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// The secrets of one authorization request, each 256 random bits in
/// base64url (43 characters): the `state` the provider echoes back, the
/// `nonce` its ID token must carry, and the PKCE `code_verifier` the code's
/// redemption must present. Secrets: never logged, never in an error.
pub struct AuthorizationSecrets {
    pub state: SecretString,
    pub nonce: SecretString,
    pub pkce_verifier: SecretString,
}

impl AuthorizationSecrets {
    pub fn generate() -> Self {
        Self { state: random_secret(), nonce: random_secret(), pkce_verifier: random_secret() }
    }
}

impl std::fmt::Debug for AuthorizationSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthorizationSecrets")
    }
}

/// The PKCE `code_challenge` of `verifier` by method `S256` (RFC 7636
/// §4.2): BASE64URL(SHA256(ASCII(code_verifier))), without padding.
pub fn pkce_challenge(verifier: &SecretString) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.expose_secret().as_bytes()))
}

/// 256 random bits, base64url without padding.
fn random_secret() -> SecretString {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    SecretString::from(URL_SAFE_NO_PAD.encode(bytes))
}

/// Who a provider says signed in, from an ID token whose signature,
/// issuer, audience, authorized party, expiry and nonce checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssertedIdentity {
    /// The provider's issuer identifier (`iss`).
    pub issuer: String,
    /// The provider's identifier of the person (`sub`): with `issuer`, the
    /// one stable key of a federated identity (OpenID Connect Core §5.7).
    pub subject: String,
    /// The address the provider gives (`email`), if any, as given.
    pub email: Option<String>,
    /// Whether the provider asserts that it verified `email`
    /// (`email_verified`); absent counts as not verified.
    pub email_verified: bool,
    /// The person's name (`name`), if the provider gives one.
    pub name: Option<String>,
}

/// Why a provider's answer was not taken as an identity. The kinds are
/// fixed words, fit for logs and metrics: never a token, code or claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The token endpoint refused the code: unknown, expired, already
    /// redeemed, issued to another client, or its PKCE verifier wrong.
    CodeRefused,
    /// No ID token in the token endpoint's answer.
    NoIdToken,
    /// The ID token's signature did not verify against the provider's
    /// keys, or it was signed with an algorithm not allowed.
    Signature,
    /// `iss` is not the provider's issuer.
    Issuer,
    /// `aud` does not hold this client, or `azp` names another.
    Audience,
    /// The ID token has expired (`exp`), or was issued in the future.
    Expired,
    /// `nonce` is not the one this authorization request sent.
    Nonce,
    /// Anything else malformed in the provider's answer.
    Malformed,
}

impl Rejection {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CodeRefused => "code_refused",
            Self::NoIdToken => "no_id_token",
            Self::Signature => "signature",
            Self::Issuer => "issuer",
            Self::Audience => "audience",
            Self::Expired => "expired",
            Self::Nonce => "nonce",
            Self::Malformed => "malformed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636 Appendix B's example.
    #[test]
    fn the_s256_challenge_is_rfc_7636s() {
        let verifier = SecretString::from("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(pkce_challenge(&verifier), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn each_request_gets_secrets_of_its_own_of_256_bits() {
        let (first, second) = (AuthorizationSecrets::generate(), AuthorizationSecrets::generate());
        let all =
            [&first.state, &first.nonce, &first.pkce_verifier, &second.state, &second.nonce, &second.pkce_verifier];
        let distinct: std::collections::HashSet<_> = all.iter().map(|secret| secret.expose_secret()).collect();
        assert_eq!(distinct.len(), 6);
        assert!(all.iter().all(|secret| URL_SAFE_NO_PAD.decode(secret.expose_secret()).unwrap().len() == 32));
        assert_eq!(format!("{first:?}"), "AuthorizationSecrets");
    }
}
