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
//! nothing the service decided yet. [`decide_link`] then decides what the
//! identity may do here: sign in the account it is linked to, join an
//! existing account, create one, or nothing.

use anyhow::{Context, anyhow};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

use super::second_factor::Keyring;
use super::{DisplayName, Email, UserId};

/// The secrets of one authorization request, each 256 random bits in
/// base64url (43 characters): the `state` the provider echoes back, the
/// `nonce` its ID token must carry, and the PKCE `code_verifier` the code's
/// redemption must present. Secrets: never logged, never in an error.
#[derive(Clone)]
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

/// 256 random bits, base64url without padding: 43 characters.
pub(crate) fn random_secret() -> SecretString {
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

/// What a federated sign-in does with an [`AssertedIdentity`]: the rule
/// against account pre-hijacking (Sudhodanan & Paverd, 2022), in one place.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkDecision {
    /// The identity is already linked to this account: sign it in.
    SignIn(UserId),
    /// Link the identity to this existing account, then sign it in.
    Link(UserId),
    /// No account has the address: create one for it, without a password.
    Create { email: Email, name: Option<DisplayName> },
    /// Refused, for this reason; nothing changes.
    Refuse(LinkRefusal),
}

/// Why a federated sign-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRefusal {
    /// The provider gave no address, or one the service can't take.
    NoUsableEmail,
    /// The provider does not assert that it verified the address: it can't
    /// vouch for an account with it, existing or new.
    EmailNotVerifiedByProvider,
    /// An account has the address but never confirmed it: whoever made it
    /// may not own the address, and linking would let them in beside the
    /// person who does.
    AccountNotConfirmed,
    /// The account's owner unlinked this identity: it is not linked again
    /// by its address.
    UnlinkedByOwner,
    /// An account has the address, and the provider is not trusted to
    /// join existing accounts (its `link_existing_accounts` is off).
    AccountExists,
}

/// An account with the address a provider asserted, as far as linking cares.
#[derive(Debug, Clone, Copy)]
pub struct AccountWithEmail {
    pub user_id: UserId,
    /// The account's owner confirmed the address with a mailed code (or an
    /// administrator vouched for it).
    pub email_confirmed: bool,
    /// The account's owner unlinked the identity from it before.
    pub unlinked_by_owner: bool,
}

/// Decides what `identity` does. `linked` is the account it is already
/// linked to, if any; `by_email`, the account with the address it asserts,
/// if any; `joins_existing`, whether its provider is trusted to join
/// existing accounts at all.
///
/// - A linked identity signs its account in: the link was checked when made,
///   and an address changed at the provider since changes nothing.
/// - Otherwise the provider must assert a verified, usable address.
/// - An account with that address gets the identity linked only when the
///   provider may join existing accounts, that account confirmed the
///   address too, and its owner did not unlink that identity before;
///   otherwise the sign-in is refused.
/// - No account with it: a new one is created, named from the profile.
pub fn decide_link(
    identity: &AssertedIdentity,
    linked: Option<UserId>,
    by_email: Option<AccountWithEmail>,
    joins_existing: bool,
) -> LinkDecision {
    if let Some(user_id) = linked {
        return LinkDecision::SignIn(user_id);
    }
    let Some(email) = identity.email.as_deref().and_then(|raw| Email::parse("email", raw).ok()) else {
        return LinkDecision::Refuse(LinkRefusal::NoUsableEmail);
    };
    if !identity.email_verified {
        return LinkDecision::Refuse(LinkRefusal::EmailNotVerifiedByProvider);
    }
    match by_email {
        Some(_) if !joins_existing => LinkDecision::Refuse(LinkRefusal::AccountExists),
        Some(account) if !account.email_confirmed => LinkDecision::Refuse(LinkRefusal::AccountNotConfirmed),
        Some(account) if account.unlinked_by_owner => LinkDecision::Refuse(LinkRefusal::UnlinkedByOwner),
        Some(account) => LinkDecision::Link(account.user_id),
        None => {
            let name = identity.name.as_deref().and_then(|raw| DisplayName::parse("name", raw).ok());
            LinkDecision::Create { email, name }
        }
    }
}

/// The one challenge of the custom authentication through which the AWS
/// backend gets Cognito's tokens for a federated sign-in: the service
/// answers it with [`ChallengeKey::answer`].
pub const CUSTOM_CHALLENGE: &str = "CUSTOM_CHALLENGE";

/// The fewest characters a [`ChallengeKey`]'s key may have.
pub const CHALLENGE_KEY_MIN_CHARS: usize = 32;

/// The key shared by the service and the user pool's custom authentication
/// trigger, and nothing else: the service answers each
/// [`CUSTOM_CHALLENGE`] with HMAC-SHA256 over the username and the
/// challenge's nonce, and the trigger checks the answer. It is its own key,
/// not one derived from the MFA key, so that the trigger holds no key that
/// opens second-factor secrets.
///
/// A key is any string of at least [`CHALLENGE_KEY_MIN_CHARS`] random
/// characters (e.g. `openssl rand -base64 32`, or a Secrets Manager
/// generated password), from which the MAC key is derived with
/// HKDF-SHA256. After a rotation it is a keyring, as the MFA key is: the
/// current key answers, and every key of the ring verifies, so that answers
/// keep working while the rotation reaches every function.
#[derive(Clone)]
pub struct ChallengeKey {
    /// The current key first, then the previous ones, newest first.
    keys: Vec<Hmac<Sha256>>,
}

impl ChallengeKey {
    /// One key, as configuration gives it. Errors when it is too short;
    /// never quotes it.
    pub fn from_text(key: &SecretString) -> anyhow::Result<Self> {
        Ok(Self { keys: vec![Self::derive(key).context("the custom authentication key")?] })
    }

    /// A keyring as a secret holds it: `{"current": KEY, "previous": [KEY, …]}`.
    /// Errors name the entry at fault, never its value.
    pub fn from_keyring(json: &SecretString) -> anyhow::Result<Self> {
        // serde_json's messages can quote the input: none is passed on.
        let keyring: Keyring = serde_json::from_str(json.expose_secret()).map_err(|_| {
            anyhow!(
                r#"the custom authentication keyring is not JSON of the form {{"current": KEY, "previous": [KEY, …]}}"#
            )
        })?;
        let current = Self::derive(&keyring.current).context("the custom authentication keyring's current key")?;
        let mut keys = vec![current];
        for (index, key) in keyring.previous.iter().enumerate() {
            keys.push(
                Self::derive(key).with_context(|| format!("the custom authentication keyring's previous[{index}]"))?,
            );
        }
        Ok(Self { keys })
    }

    /// A new key: 256 random bits, base64url.
    pub fn generate() -> SecretString {
        random_secret()
    }

    fn derive(key: &SecretString) -> anyhow::Result<Hmac<Sha256>> {
        let key = key.expose_secret().trim();
        if key.chars().count() < CHALLENGE_KEY_MIN_CHARS {
            anyhow::bail!("is shorter than {CHALLENGE_KEY_MIN_CHARS} characters");
        }
        let mut derived = [0u8; 32];
        Hkdf::<Sha256>::new(Some(b"auth-service cognito custom auth"), key.as_bytes())
            .expand(b"answer v1", &mut derived)
            .map_err(|_| anyhow!("deriving the custom authentication key"))?;
        <Hmac<Sha256> as Mac>::new_from_slice(&derived).context("keying the custom authentication MAC")
    }

    fn mac(key: &Hmac<Sha256>, username: &str, nonce: &str) -> Hmac<Sha256> {
        let mut mac = key.clone();
        // Length-prefixed, so that no two pairs run together alike.
        for part in [username, nonce] {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        mac
    }

    /// The answer to the challenge with `nonce` for `username`, under the
    /// current key, in base64url. Only a holder of the key can answer, and
    /// an answer is good for that one challenge.
    pub fn answer(&self, username: &str, nonce: &str) -> String {
        URL_SAFE_NO_PAD.encode(Self::mac(&self.keys[0], username, nonce).finalize().into_bytes())
    }

    /// Whether `answer` is [`Self::answer`] for `username` and `nonce`
    /// under any key of the ring. Compared in constant time.
    pub fn verifies(&self, username: &str, nonce: &str, answer: &str) -> bool {
        let Ok(answer) = URL_SAFE_NO_PAD.decode(answer) else { return false };
        self.keys.iter().any(|key| Self::mac(key, username, nonce).verify_slice(&answer).is_ok())
    }
}

/// A fresh nonce for a [`CUSTOM_CHALLENGE`]: 256 random bits, base64url.
pub fn challenge_nonce() -> String {
    random_secret().expose_secret().to_owned()
}

/// The next step of a Cognito custom authentication (its
/// DefineAuthChallenge trigger).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Pose [`CUSTOM_CHALLENGE`].
    Challenge,
    IssueTokens,
    Fail,
}

/// The rule of the custom authentication, from the challenges answered so
/// far, oldest first, as (name, answered correctly): a known user gets one
/// [`CUSTOM_CHALLENGE`] and tokens when it was answered correctly; any
/// other history (an unknown user, a wrong answer, a challenge of another
/// kind, more than one) fails, so an answer can't be guessed twice.
pub fn next_step(answered: &[(Option<&str>, bool)], user_found: bool) -> NextStep {
    match answered {
        _ if !user_found => NextStep::Fail,
        [] => NextStep::Challenge,
        [(Some(CUSTOM_CHALLENGE), true)] => NextStep::IssueTokens,
        _ => NextStep::Fail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asserted(email: Option<&str>, verified: bool) -> AssertedIdentity {
        AssertedIdentity {
            issuer: "https://accounts.example".into(),
            subject: "248289761001".into(),
            email: email.map(str::to_owned),
            email_verified: verified,
            name: Some("Jane Doe".into()),
        }
    }

    #[test]
    fn a_linked_identity_signs_its_account_in_whatever_it_asserts_now() {
        let (mine, other) = (UserId::random(), UserId::random());
        let confirmed = AccountWithEmail { user_id: other, email_confirmed: true, unlinked_by_owner: false };
        for identity in [asserted(None, false), asserted(Some("jane@example.com"), false)] {
            assert_eq!(decide_link(&identity, Some(mine), Some(confirmed), true), LinkDecision::SignIn(mine));
        }
    }

    #[test]
    fn an_address_joins_an_account_only_when_both_sides_verified_it() {
        let user_id = UserId::random();
        let cases = [
            (true, true, LinkDecision::Link(user_id)),
            (true, false, LinkDecision::Refuse(LinkRefusal::AccountNotConfirmed)),
            (false, true, LinkDecision::Refuse(LinkRefusal::EmailNotVerifiedByProvider)),
            (false, false, LinkDecision::Refuse(LinkRefusal::EmailNotVerifiedByProvider)),
        ];
        for (provider_verified, account_confirmed, expected) in cases {
            let account = AccountWithEmail { user_id, email_confirmed: account_confirmed, unlinked_by_owner: false };
            let identity = asserted(Some("jane@example.com"), provider_verified);
            assert_eq!(
                decide_link(&identity, None, Some(account), true),
                expected,
                "{provider_verified} {account_confirmed}"
            );
        }
    }

    #[test]
    fn a_provider_not_trusted_to_join_accounts_joins_none_but_still_makes_new_ones() {
        let user_id = UserId::random();
        let account = AccountWithEmail { user_id, email_confirmed: true, unlinked_by_owner: false };
        let identity = asserted(Some("jane@example.com"), true);
        assert_eq!(
            decide_link(&identity, None, Some(account), false),
            LinkDecision::Refuse(LinkRefusal::AccountExists)
        );
        assert!(matches!(decide_link(&identity, None, None, false), LinkDecision::Create { .. }));
        assert_eq!(decide_link(&identity, Some(user_id), Some(account), false), LinkDecision::SignIn(user_id));
    }

    #[test]
    fn an_identity_its_owner_unlinked_does_not_join_the_account_again() {
        let user_id = UserId::random();
        let account = AccountWithEmail { user_id, email_confirmed: true, unlinked_by_owner: true };
        let identity = asserted(Some("jane@example.com"), true);
        assert_eq!(
            decide_link(&identity, None, Some(account), true),
            LinkDecision::Refuse(LinkRefusal::UnlinkedByOwner)
        );
    }

    #[test]
    fn a_new_address_makes_an_account_only_when_the_provider_verified_it() {
        let LinkDecision::Create { email, name } =
            decide_link(&asserted(Some("Jane@Example.com"), true), None, None, true)
        else {
            panic!("no account created")
        };
        assert_eq!(email, Email::parse("email", "Jane@Example.com").unwrap());
        assert_eq!(name, Some(DisplayName::parse("name", "Jane Doe").unwrap()));
        assert_eq!(
            decide_link(&asserted(Some("jane@example.com"), false), None, None, true),
            LinkDecision::Refuse(LinkRefusal::EmailNotVerifiedByProvider)
        );
        for unusable in [None, Some(""), Some("not an address")] {
            assert_eq!(
                decide_link(&asserted(unusable, true), None, None, true),
                LinkDecision::Refuse(LinkRefusal::NoUsableEmail)
            );
        }
    }

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

    #[test]
    fn custom_authentication_poses_one_challenge_and_issues_tokens_only_for_its_right_answer() {
        assert_eq!(next_step(&[], true), NextStep::Challenge);
        assert_eq!(next_step(&[(Some(CUSTOM_CHALLENGE), true)], true), NextStep::IssueTokens);
        assert_eq!(next_step(&[(Some(CUSTOM_CHALLENGE), false)], true), NextStep::Fail);
        assert_eq!(next_step(&[], false), NextStep::Fail, "unknown user");
        assert_eq!(next_step(&[(Some(CUSTOM_CHALLENGE), true)], false), NextStep::Fail, "unknown user");
        assert_eq!(next_step(&[(Some("SRP_A"), true)], true), NextStep::Fail);
        assert_eq!(next_step(&[(None, true)], true), NextStep::Fail);
        let twice = [(Some(CUSTOM_CHALLENGE), false), (Some(CUSTOM_CHALLENGE), true)];
        assert_eq!(next_step(&twice, true), NextStep::Fail, "a second try");
    }

    fn challenge_key(text: &str) -> ChallengeKey {
        ChallengeKey::from_text(&SecretString::from(text.to_owned())).unwrap()
    }

    #[test]
    fn a_custom_authentication_answer_holds_for_its_key_user_and_nonce_only() {
        let key = challenge_key(&"1".repeat(32));
        let answer = key.answer("user", "nonce");
        assert!(key.verifies("user", "nonce", &answer));
        assert!(!key.verifies("other", "nonce", &answer));
        assert!(!key.verifies("user", "other", &answer));
        assert!(!key.verifies("usern", "once", &key.answer("user", "nonce")));
        assert!(!key.verifies("user", "nonce", ""));
        assert!(!key.verifies("user", "nonce", "not base64!"));
        assert!(!challenge_key(&"2".repeat(32)).verifies("user", "nonce", &answer));
    }

    #[test]
    fn a_rotated_key_still_verifies_answers_of_the_previous_one() {
        let (old, new) = ("1".repeat(32), "2".repeat(32));
        let ring = |json: String| ChallengeKey::from_keyring(&SecretString::from(json)).unwrap();
        let before = ring(format!(r#"{{"current": "{old}"}}"#));
        let after = ring(format!(r#"{{"current": "{new}", "previous": ["{old}"]}}"#));
        assert!(after.verifies("user", "nonce", &before.answer("user", "nonce")));
        assert!(!before.verifies("user", "nonce", &after.answer("user", "nonce")));
    }

    #[test]
    fn a_short_or_malformed_challenge_key_is_refused_without_being_quoted() {
        let short = "s3cr3t-but-short".to_owned();
        let error = ChallengeKey::from_text(&SecretString::from(short.clone())).err().unwrap();
        assert!(!format!("{error:#}").contains(&short), "{error:#}");
        let ring = format!(r#"{{"current": "{}", "previous": ["{short}"]}}"#, "1".repeat(32));
        let error = ChallengeKey::from_keyring(&SecretString::from(ring)).err().unwrap();
        assert!(format!("{error:#}").contains("previous[0]") && !format!("{error:#}").contains(&short), "{error:#}");
        let error = ChallengeKey::from_keyring(&SecretString::from(format!("not json {short}"))).err().unwrap();
        assert!(!format!("{error:#}").contains(&short), "{error:#}");
    }
}
