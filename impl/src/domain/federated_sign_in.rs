//! Federated sign-in through OpenID Connect providers, as apps use it: the
//! authorization code flow twice over, the service being the provider's
//! client and the app's authorization server at once.
//!
//! 1. [`AuthService::start_federated_sign_in`]: the app sends the person's
//!    browser to the service with its redirect URI (matched exactly against
//!    the allowlist, RFC 9700 §4.1.3), its own PKCE challenge (`S256`) and
//!    `state`. The service keeps a pending request under a fresh `state` of
//!    its own, with the request's `nonce` and PKCE verifier sealed, and
//!    answers with the provider's authorization URL.
//! 2. [`AuthService::complete_federated_sign_in`]: the provider sends the
//!    browser back with `code` and `state`. The pending request is taken
//!    (once; unknown, replayed or expired states are refused), the code
//!    redeemed and the ID token verified (`OpenIdProvider::redeem`), and
//!    [`decide_link`] decides what the identity may do. The app's redirect
//!    URI gets a one-time code, valid 60 seconds and bound to the app's
//!    PKCE challenge, or an `error` (RFC 6749 §4.1.2.1), with the app's
//!    `state` either way.
//! 3. [`AuthService::exchange_federated_code`]: the app exchanges the code
//!    with its PKCE verifier and the same redirect URI, as at a token
//!    endpoint (RFC 6749 §4.1.3, RFC 7636 §4.6), and gets what a password
//!    sign-in gives: tokens, or the second factor's challenge.
//!
//! Tokens never travel in a URL. A code that reaches the wrong app, or an
//! authorization response injected into someone else's browser, is
//! worthless without the verifier of the app instance that started the
//! flow. And the callback itself is only taken from the browser that
//! started the sign-in ([`BrowserBinding`]).

use std::sync::Arc;

use anyhow::anyhow;
use chrono::Duration;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use url::Url;
use uuid::Uuid;

use super::federation::{
    AccountWithEmail, AssertedIdentity, AuthorizationSecrets, LinkDecision, LinkRefusal, decide_link, pkce_challenge,
    random_secret,
};
use super::{AuthError, AuthService, Client, DisplayName, Email, FieldProblem, Login, Principal, Sealed, User, UserId};
use crate::metrics::{self, SignInOutcome};
use crate::ports::{
    FederationCode, LinkedIdentity, OpenIdProvider, PendingAuthorization, Redeemed, SecurityEventKind, SignUp, Unlink,
};

/// How long a person may take at the provider.
pub const AUTHORIZATION_LIFETIME: Duration = Duration::minutes(10);
/// How long the app has to exchange its code.
pub const CODE_LIFETIME: Duration = Duration::seconds(60);
/// The longest `state` an app may pass through.
pub const APP_STATE_MAX_CHARS: usize = 512;

/// A provider people can sign in with.
#[derive(Clone)]
pub struct FederatedProvider {
    /// Its id in the service's URLs, from the configuration.
    pub id: String,
    /// The name apps show on its button.
    pub name: String,
    /// Its issuer identifier, which its authorization responses name in
    /// `iss` (RFC 9207).
    pub issuer: String,
    /// Whether its verified addresses may join existing accounts
    /// ([`decide_link`]); new accounts are made either way.
    pub link_existing_accounts: bool,
    pub client: Arc<dyn OpenIdProvider>,
}

/// The providers and where the outcomes may go.
#[derive(Clone, Default)]
pub struct FederationSettings {
    pub providers: Vec<FederatedProvider>,
    /// The apps' redirect URIs, compared as strings, exactly.
    pub redirect_uris: Vec<String>,
    /// Whether the service's callback URL is `https`: the browser binding
    /// is then a `Secure`, `__Host-` cookie.
    pub https: bool,
}

/// The binding of a sign-in to the browser that started it (RFC 9700
/// §4.7.1, OpenID Connect Core §15.5.2): 256 random bits kept in a cookie
/// by the browser and, sealed, with each pending request it starts. The
/// callback is taken only with the same value, so an authorization URL
/// that someone started and sent to another person ends there, refused,
/// rather than deliver that person's sign-in to the sender's app session.
///
/// One value per browser, not per sign-in: a browser that already holds
/// one keeps it, so that sign-ins started in two tabs both complete.
pub struct BrowserBinding {
    value: SecretString,
    https: bool,
}

impl BrowserBinding {
    /// The cookie's name: `__Host-auth_federation` over `https`, which
    /// only that host can set (RFC 6265bis §4.1.3.2, against cookies set
    /// from sibling subdomains), and `auth_federation` over plain `http`,
    /// where browsers refuse `Secure` cookies.
    pub fn cookie_name(https: bool) -> &'static str {
        if https { "__Host-auth_federation" } else { "auth_federation" }
    }

    /// The `Set-Cookie` value: unreadable by scripts (`HttpOnly`), sent on
    /// the provider's top-level redirect back but on no cross-site
    /// subrequest (`SameSite=Lax`), gone when the sign-in would have
    /// expired. The value is a secret: this string is never logged.
    pub fn set_cookie(&self) -> String {
        let secure = if self.https { "; Secure" } else { "" };
        format!(
            "{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
            Self::cookie_name(self.https),
            self.value.expose_secret(),
            AUTHORIZATION_LIFETIME.num_seconds(),
        )
    }

    /// Whether `presented` (the cookie's value, if the browser sent one)
    /// is `expected`. Digests compared, so that the comparison's time
    /// tells nothing of the value.
    fn holds(presented: Option<&SecretString>, expected: &str) -> bool {
        presented.is_some_and(|value| digest(value.expose_secret()) == digest(expected))
    }
}

/// A started sign-in: where to send the browser, and the cookie it keeps.
pub struct Started {
    pub url: Url,
    pub binding: BrowserBinding,
}

/// An app's request to start a federated sign-in, as sent.
#[derive(Debug, Clone)]
pub struct StartRequest {
    pub provider: String,
    pub redirect_uri: String,
    pub code_challenge: String,
    pub code_challenge_method: String,
    pub state: Option<String>,
    /// The browser's [`BrowserBinding`] cookie, if it sent one.
    pub browser_binding: Option<SecretString>,
}

/// The provider's authorization response, as it reached the callback.
#[derive(Debug, Clone, Default)]
pub struct Callback {
    pub state: Option<String>,
    pub code: Option<SecretString>,
    /// The provider's `error`, when the person did not sign in there.
    pub error: Option<String>,
    /// The provider's `iss` (RFC 9207), when it sends one.
    pub issuer: Option<String>,
    /// The browser's [`BrowserBinding`] cookie, if it sent one.
    pub browser_binding: Option<SecretString>,
}

/// An app's exchange of its code, as sent.
pub struct Exchange {
    pub code: SecretString,
    pub code_verifier: SecretString,
    pub redirect_uri: String,
}

/// Why a federated sign-in ended without a code for the app: the
/// `error_description` its redirect URI gets, beside `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// The person cancelled or the provider refused (`error` from it).
    Cancelled,
    /// The provider's answer did not verify (`Rejection`).
    ProviderAnswerRejected,
    Refused(LinkRefusal),
    /// The provider could not be reached.
    ProviderUnavailable,
    /// A store or the identity provider could not serve now.
    ServiceUnavailable,
    /// Anything unexpected.
    ServerError,
}

/// The outcome [`metrics::FEDERATED_CALLBACKS`] counts for a callback that
/// sent the app its code.
const CODE_ISSUED: &str = "code_issued";
/// ... for a `state` unknown, expired or used before.
const INVALID_STATE: &str = "invalid_state";
/// ... for a callback in another browser than the start's.
const OTHER_BROWSER: &str = "other_browser";

/// Every outcome of a callback, as [`metrics::FEDERATED_CALLBACKS`] counts it.
pub fn callback_outcomes() -> Vec<&'static str> {
    let failures = Failure::ALL.iter().map(|failure| failure.description());
    [CODE_ISSUED, INVALID_STATE, OTHER_BROWSER].into_iter().chain(failures).collect()
}

impl Failure {
    const ALL: [Self; 10] = [
        Self::Cancelled,
        Self::ProviderAnswerRejected,
        Self::Refused(LinkRefusal::NoUsableEmail),
        Self::Refused(LinkRefusal::EmailNotVerifiedByProvider),
        Self::Refused(LinkRefusal::AccountNotConfirmed),
        Self::Refused(LinkRefusal::UnlinkedByOwner),
        Self::Refused(LinkRefusal::AccountExists),
        Self::ProviderUnavailable,
        Self::ServiceUnavailable,
        Self::ServerError,
    ];

    /// What the app is told of an error of the service's own after the
    /// `state` was used: a dependency that can't serve now (unreachable,
    /// or throttling the service) is `temporarily_unavailable`, as a retry
    /// may succeed; anything else a `server_error`.
    fn of_error(error: &AuthError) -> Self {
        match error {
            AuthError::Unavailable(_) | AuthError::RateLimited { .. } => Self::ServiceUnavailable,
            _ => Self::ServerError,
        }
    }

    /// RFC 6749 §4.1.2.1's `error`.
    fn error(self) -> &'static str {
        match self {
            Self::ProviderUnavailable | Self::ServiceUnavailable => "temporarily_unavailable",
            Self::ServerError => "server_error",
            _ => "access_denied",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Self::Cancelled => "cancelled_at_provider",
            Self::ProviderAnswerRejected => "provider_answer_rejected",
            Self::Refused(LinkRefusal::NoUsableEmail) => "no_usable_email",
            Self::Refused(LinkRefusal::EmailNotVerifiedByProvider) => "email_not_verified_by_provider",
            Self::Refused(LinkRefusal::AccountNotConfirmed) => "account_not_confirmed",
            Self::Refused(LinkRefusal::UnlinkedByOwner) => "identity_unlinked",
            Self::Refused(LinkRefusal::AccountExists) => "account_exists",
            Self::ProviderUnavailable => "provider_unavailable",
            Self::ServiceUnavailable => "service_unavailable",
            Self::ServerError => "server_error",
        }
    }
}

fn digest(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// 256 random bits, base64url: a code for the app.
fn new_code() -> SecretString {
    AuthorizationSecrets::generate().state
}

/// 256 bits in base64url without padding, as an `S256` challenge and a
/// [`BrowserBinding`] are: 43 characters of `A-Z`, `a-z`, `0-9`, `-`, `_`.
fn is_base64url_256(value: &str) -> bool {
    value.len() == 43 && value.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_'))
}

/// A PKCE challenge or verifier: 43 to 128 characters of RFC 7636's
/// unreserved set.
fn is_pkce_value(value: &str) -> bool {
    (43..=128).contains(&value.len())
        && value.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~'))
}

impl AuthService {
    /// The providers people can sign in with: id and name, in the
    /// configuration's order.
    pub fn identity_providers(&self) -> Vec<(&str, &str)> {
        self.federation_settings
            .providers
            .iter()
            .map(|provider| (provider.id.as_str(), provider.name.as_str()))
            .collect()
    }

    /// The name of the [`BrowserBinding`] cookie this service sets.
    pub fn browser_binding_cookie(&self) -> &'static str {
        BrowserBinding::cookie_name(self.federation_settings.https)
    }

    fn provider(&self, id: &str) -> Option<&FederatedProvider> {
        self.federation_settings.providers.iter().find(|provider| provider.id == id)
    }

    /// Step 1: the URL to send the person's browser to, and the
    /// [`BrowserBinding`] it is to keep. [`AuthError::ProviderNotFound`] for an unknown provider;
    /// [`AuthError::InvalidInput`] for a redirect URI not on the allowlist,
    /// a challenge that is not `S256` or a `state` too long or not
    /// printable ASCII; [`AuthError::Unavailable`] when the provider's
    /// discovery document can't be fetched.
    pub async fn start_federated_sign_in(&self, request: StartRequest) -> Result<Started, AuthError> {
        let provider = self.provider(&request.provider).ok_or(AuthError::ProviderNotFound)?;
        let mut problems = Vec::new();
        if !self.federation_settings.redirect_uris.contains(&request.redirect_uri) {
            problems.push(FieldProblem::new(
                "redirect_uri",
                "not_allowed",
                "is not one of the registered redirect URIs",
            ));
        }
        if request.code_challenge_method != "S256" {
            problems.push(FieldProblem::new("code_challenge_method", "unsupported", "must be S256"));
        }
        if !is_base64url_256(&request.code_challenge) {
            problems.push(FieldProblem::new(
                "code_challenge",
                "invalid_challenge",
                "must be the base64url SHA-256 of the code verifier (43 characters)",
            ));
        }
        if let Some(state) = &request.state
            && (state.chars().count() > APP_STATE_MAX_CHARS || !state.bytes().all(|byte| (0x20..0x7f).contains(&byte)))
        {
            problems.push(FieldProblem::new(
                "state",
                "invalid_state",
                format!("must be at most {APP_STATE_MAX_CHARS} printable ASCII characters"),
            ));
        }
        if !problems.is_empty() {
            return Err(AuthError::InvalidInput(problems));
        }
        // A browser's binding is kept as it is only in the form this
        // service gives out; anything else is replaced.
        let binding = request
            .browser_binding
            .filter(|value| is_base64url_256(value.expose_secret()))
            .unwrap_or_else(random_secret);
        let secrets = AuthorizationSecrets::generate();
        let key = digest(secrets.state.expose_secret());
        let sealed = format!(
            "{}.{}.{}",
            secrets.nonce.expose_secret(),
            secrets.pkce_verifier.expose_secret(),
            binding.expose_secret()
        );
        let sealed_secrets =
            self.mfa_key.seal(Sealed::AuthorizationSecrets, &key, sealed.as_bytes()).map_err(AuthError::Internal)?;
        // The provider's URL first: if it can't be had, nothing is kept.
        let url = provider.client.authorization_url(&secrets).await?;
        let pending = PendingAuthorization {
            provider: provider.id.clone(),
            sealed_secrets,
            redirect_uri: request.redirect_uri,
            code_challenge: request.code_challenge,
            app_state: request.state,
            expires_at: self.clock.now() + AUTHORIZATION_LIFETIME,
        };
        self.federation.insert_authorization(&key, &pending).await?;
        Ok(Started { url, binding: BrowserBinding { value: binding, https: self.federation_settings.https } })
    }

    /// Step 2: where to send the browser back to: the app's redirect URI
    /// with `code` and `state`, or `error`, `error_description` and
    /// `state`. [`AuthError::InvalidFederationState`] when the `state` is
    /// missing, unknown, used before or expired, or when the browser is
    /// not the one that started the sign-in (which ends it): there is then
    /// no app to send an answer to.
    pub async fn complete_federated_sign_in(&self, callback: Callback) -> Result<Url, AuthError> {
        let taken = match callback.state.clone() {
            Some(state) => {
                let key = digest(&state);
                self.federation.take_authorization(&key, self.clock.now()).await?.map(|pending| (state, key, pending))
            }
            None => None,
        };
        let Some((state, key, pending)) = taken else {
            metrics::count_federated_callback(INVALID_STATE);
            return Err(AuthError::InvalidFederationState);
        };
        let mut target = Url::parse(&pending.redirect_uri)
            .map_err(|_| AuthError::Internal(anyhow!("a registered redirect URI does not parse")))?;
        let opened = self
            .mfa_key
            .open_text(Sealed::AuthorizationSecrets, &key, &pending.sealed_secrets)
            .map_err(AuthError::Internal)?;
        let mut parts = opened.expose_secret().splitn(3, '.');
        let (Some(nonce), Some(verifier)) = (parts.next(), parts.next()) else {
            return Err(AuthError::Internal(anyhow!("sealed authorization secrets in an unknown form")));
        };
        // A request started before browsers were bound has no binding: it
        // can't be completed, and is started again.
        let bound =
            parts.next().is_some_and(|binding| BrowserBinding::holds(callback.browser_binding.as_ref(), binding));
        if !bound {
            tracing::warn!(provider = %pending.provider, "a sign-in's callback came from another browser than its start");
            metrics::count_federated_callback(OTHER_BROWSER);
            return Err(AuthError::InvalidFederationState);
        }
        let secrets = AuthorizationSecrets {
            state: SecretString::from(state),
            nonce: SecretString::from(nonce.to_owned()),
            pkce_verifier: SecretString::from(verifier.to_owned()),
        };
        // The state is spent: whatever fails from here on goes to the app,
        // whose redirect URI is known, rather than strand the browser.
        let outcome = self.redeem(&pending, &secrets, callback).await.unwrap_or_else(|error| {
            let failure = Failure::of_error(&error);
            tracing::error!(error = ?error, "a federated sign-in failed after its state was used");
            Err(failure)
        });
        metrics::count_federated_callback(match &outcome {
            Ok(_) => CODE_ISSUED,
            Err(failure) => failure.description(),
        });
        {
            let mut query = target.query_pairs_mut();
            match &outcome {
                Ok(code) => {
                    query.append_pair("code", code.expose_secret());
                }
                Err(failure) => {
                    query.append_pair("error", failure.error());
                    query.append_pair("error_description", failure.description());
                }
            }
            if let Some(app_state) = &pending.app_state {
                query.append_pair("state", app_state);
            }
        }
        Ok(target)
    }

    /// The provider's answer to a pending request, as the app's code or
    /// the reason there is none.
    async fn redeem(
        &self,
        pending: &PendingAuthorization,
        secrets: &AuthorizationSecrets,
        callback: Callback,
    ) -> Result<Result<SecretString, Failure>, AuthError> {
        let provider = self
            .provider(&pending.provider)
            .ok_or_else(|| AuthError::Internal(anyhow!("a pending sign-in names a provider no longer configured")))?;
        // Mix-up defence (RFC 9207 §2.4, RFC 9700 §4.4): an answer that
        // names another issuer than the one the sign-in went to, compared
        // as strings, is not taken; nor one without `iss` from a provider
        // that declares it names itself in every answer.
        let named_as_expected = match &callback.issuer {
            Some(issuer) => *issuer == provider.issuer,
            None => match provider.client.authorization_response_iss_parameter_supported().await {
                Ok(names_itself) => !names_itself,
                Err(error) => {
                    tracing::warn!(provider = %provider.id, error = %error, "a provider could not be reached");
                    return Ok(Err(Failure::ProviderUnavailable));
                }
            },
        };
        if !named_as_expected {
            tracing::warn!(provider = %provider.id, "an authorization response did not name its provider as issuer");
            return Ok(Err(Failure::ProviderAnswerRejected));
        }
        let (Some(code), None) = (callback.code, callback.error) else { return Ok(Err(Failure::Cancelled)) };
        let identity = match provider.client.redeem(code.expose_secret(), secrets).await {
            Ok(Redeemed::Identity(identity)) => identity,
            Ok(Redeemed::Rejected(rejection)) => {
                tracing::warn!(provider = %provider.id, rejection = rejection.as_str(), "a provider's answer was rejected");
                return Ok(Err(Failure::ProviderAnswerRejected));
            }
            Err(error) => {
                tracing::warn!(provider = %provider.id, error = %error, "a provider could not be reached");
                return Ok(Err(Failure::ProviderUnavailable));
            }
        };
        let user_id = match self.resolve(provider, &identity).await? {
            Ok(user_id) => user_id,
            Err(refusal) => return Ok(Err(Failure::Refused(refusal))),
        };
        let code = new_code();
        let issued = FederationCode {
            user_id,
            provider: provider.id.clone(),
            code_challenge: pending.code_challenge.clone(),
            redirect_uri: pending.redirect_uri.clone(),
            expires_at: self.clock.now() + CODE_LIFETIME,
        };
        self.federation.insert_code(&digest(code.expose_secret()), &issued).await?;
        Ok(Ok(code))
    }

    /// The account `identity` signs in, linked or created as
    /// [`decide_link`] decides. Two callbacks for one new identity may
    /// race: the one that loses finds the other's link on a second look.
    async fn resolve(
        &self,
        provider: &FederatedProvider,
        identity: &AssertedIdentity,
    ) -> Result<Result<UserId, LinkRefusal>, AuthError> {
        for _ in 0..2 {
            let mut linked = self.federation.identity(&identity.issuer, &identity.subject).await?;
            if let Some(link) = &linked
                && self.users.get(link.user_id).await?.is_none()
            {
                // Left by an account deleted while the link was being
                // made: the identity is free again.
                self.federation.forget(link.user_id).await?;
                linked = None;
            }
            let by_email = match (&linked, identity.email.as_deref().and_then(|raw| Email::parse("email", raw).ok())) {
                (None, Some(email)) => match self.users.id_by_email(&email).await? {
                    Some(user_id) => match self.users.get(user_id).await? {
                        Some(user) => Some(AccountWithEmail {
                            user_id,
                            email_confirmed: self.address_proven(&user),
                            unlinked_by_owner: self
                                .federation
                                .was_unlinked(user_id, &identity.issuer, &identity.subject)
                                .await?,
                        }),
                        None => None,
                    },
                    None => None,
                },
                _ => None,
            };
            let linked = linked.map(|link| link.user_id);
            let decision = decide_link(identity, linked, by_email, provider.link_existing_accounts);
            match decision {
                LinkDecision::SignIn(user_id) => return Ok(Ok(user_id)),
                LinkDecision::Refuse(refusal) => {
                    tracing::info!(provider = %provider.id, refusal = ?refusal, "a federated sign-in was refused");
                    return Ok(Err(refusal));
                }
                LinkDecision::Link(user_id) => {
                    if self.link(provider, identity, user_id).await? {
                        return Ok(Ok(user_id));
                    }
                }
                LinkDecision::Create { email, name } => {
                    if let Some(user_id) = self.create_federated_account(provider, identity, email, name).await? {
                        return Ok(Ok(user_id));
                    }
                }
            }
        }
        Err(AuthError::Unavailable(anyhow!("a federated sign-in kept racing another for the same identity")))
    }

    /// Whether the account's owner proved its address, as linking needs:
    /// confirmed, and not by `signup.auto_confirm`, which confirms every
    /// address unproven. With it on, no existing account is ever linked
    /// (whoever registered an address first could otherwise be let in
    /// beside the person who owns it).
    fn address_proven(&self, user: &User) -> bool {
        user.email_verified && !self.signup.auto_confirm
    }

    /// Links `identity` to the account; `false` when it was linked meanwhile.
    async fn link(
        &self,
        provider: &FederatedProvider,
        identity: &AssertedIdentity,
        user_id: UserId,
    ) -> Result<bool, AuthError> {
        let link = LinkedIdentity {
            id: Uuid::new_v4(),
            user_id,
            provider: provider.id.clone(),
            issuer: identity.issuer.clone(),
            subject: identity.subject.clone(),
            email: identity.email.clone(),
            linked_at: self.clock.now(),
        };
        if !self.federation.link(&link).await? {
            return Ok(false);
        }
        tracing::info!(user_id = %user_id, provider = %provider.id, "identity linked");
        self.record(user_id, SecurityEventKind::IdentityLinked, None).await;
        Ok(true)
    }

    /// Creates an account for a new identity: confirmed (the provider
    /// verified the address), without a password, named from the profile
    /// or else after the address. `None` when the address was taken
    /// meanwhile. If a step fails the earlier ones are undone, as for a
    /// registration.
    async fn create_federated_account(
        &self,
        provider: &FederatedProvider,
        identity: &AssertedIdentity,
        email: Email,
        name: Option<DisplayName>,
    ) -> Result<Option<UserId>, AuthError> {
        let name = name.unwrap_or_else(|| fallback_name(&email));
        let user_id = match self.identity.invite(&email).await? {
            SignUp::Created { user_id, .. } => user_id,
            SignUp::EmailTaken => return Ok(None),
        };
        let user = User { email_verified: true, ..self.new_user(user_id, email, name) };
        match self.insert_profile(&user).await {
            Ok(()) => {}
            Err(AuthError::EmailTaken) => return Ok(None),
            Err(error) => return Err(error),
        }
        let completed = async {
            self.federation.set_passwordless(user_id, true).await?;
            self.link(provider, identity, user_id).await
        };
        match completed.await {
            Ok(true) => {}
            Ok(false) => {
                self.undo_federated_account(user_id).await;
                return Ok(None);
            }
            Err(error) => {
                self.undo_federated_account(user_id).await;
                return Err(error);
            }
        }
        tracing::info!(user_id = %user_id, provider = %provider.id, "account created by federated sign-in");
        self.record(user_id, SecurityEventKind::SignedUp, None).await;
        Ok(Some(user_id))
    }

    async fn undo_federated_account(&self, user_id: UserId) {
        if let Err(error) = self.federation.forget(user_id).await {
            tracing::error!(user_id = %user_id, error = %error, "could not remove a half-created account's links");
        }
        self.undo_sign_up(user_id, true).await;
    }

    /// Step 3: the app's code for what a password sign-in gives.
    /// [`AuthError::InvalidGrant`] when the code is unknown, used before or
    /// expired, the verifier does not match its challenge or the redirect
    /// URI is not the one the code was sent to: the code is spent either
    /// way. [`AuthError::AccountDisabled`] for a disabled account.
    /// Counted among the sign-ins ([`metrics::SIGN_INS`]) as a password
    /// sign-in is: the step that ends in tokens or a challenge.
    pub async fn exchange_federated_code(&self, exchange: Exchange, client: &Client) -> Result<Login, AuthError> {
        let login = self.redeem_app_code(exchange, client).await;
        SignInOutcome::of(&login).count();
        login
    }

    async fn redeem_app_code(&self, exchange: Exchange, client: &Client) -> Result<Login, AuthError> {
        if !is_pkce_value(exchange.code_verifier.expose_secret()) {
            return Err(AuthError::InvalidInput(vec![FieldProblem::new(
                "code_verifier",
                "invalid_verifier",
                "must be 43 to 128 characters of A-Z, a-z, 0-9, -, ., _ or ~",
            )]));
        }
        let now = self.clock.now();
        let code = self
            .federation
            .take_code(&digest(exchange.code.expose_secret()), now)
            .await?
            .ok_or(AuthError::InvalidGrant)?;
        // Digests compared, so that the comparison's time tells nothing.
        let challenge = pkce_challenge(&exchange.code_verifier);
        let verified = Sha256::digest(challenge.as_bytes()) == Sha256::digest(code.code_challenge.as_bytes());
        if !verified || exchange.redirect_uri != code.redirect_uri {
            return Err(AuthError::InvalidGrant);
        }
        let user = self.users.get(code.user_id).await?.ok_or(AuthError::InvalidGrant)?;
        let grant = self.identity.federated_grant(code.user_id).await?.ok_or(AuthError::InvalidGrant)?;
        let signed_in = self
            .after_first_factor(code.user_id, user.email, grant, client, None, SecurityEventKind::SignedInWithProvider)
            .await;
        // Deleted meanwhile: the code's account is gone, as for an unknown code.
        signed_in.map_err(|error| match error {
            AuthError::InvalidCredentials => AuthError::InvalidGrant,
            other => other,
        })
    }

    /// The identities linked to the caller's account, oldest first.
    pub async fn linked_identities(&self, principal: &Principal) -> Result<Vec<LinkedIdentity>, AuthError> {
        Ok(self.federation.identities(principal.user_id).await?)
    }

    /// Unlinks one of the caller's identities. [`AuthError::IdentityNotFound`]
    /// when the account has no such link; [`AuthError::LastSignInMethod`]
    /// when it is the only way left to sign in (no password, no other link).
    pub async fn unlink_identity(&self, principal: &Principal, id: Uuid, client: &Client) -> Result<(), AuthError> {
        let user_id = principal.user_id;
        let keep_last = self.federation.is_passwordless(user_id).await?;
        match self.federation.unlink(user_id, id, keep_last, self.clock.now()).await? {
            Unlink::Unlinked => {
                tracing::info!(user_id = %user_id, "identity unlinked");
                self.record(user_id, SecurityEventKind::IdentityUnlinked, Some(client)).await;
                Ok(())
            }
            Unlink::NotFound => Err(AuthError::IdentityNotFound),
            Unlink::LastOne => Err(AuthError::LastSignInMethod),
        }
    }
}

/// A name for an account whose provider gave none: the address's local
/// part where it makes a name, else "Member".
fn fallback_name(email: &Email) -> DisplayName {
    let local = email.as_str().split('@').next().unwrap_or_default();
    let words: String = local.chars().map(|c| if c.is_alphabetic() { c } else { ' ' }).collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    DisplayName::parse("name", &words).unwrap_or_else(|_| DisplayName::from_trusted("Member".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_binding_cookie_is_host_only_and_secure_over_https_and_plain_over_http() {
        let value = SecretString::from("v".repeat(43));
        let https = BrowserBinding { value: value.clone(), https: true }.set_cookie();
        assert_eq!(
            https,
            format!("__Host-auth_federation={}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure", "v".repeat(43))
        );
        let http = BrowserBinding { value, https: false }.set_cookie();
        assert_eq!(http, format!("auth_federation={}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax", "v".repeat(43)));
    }

    #[test]
    fn a_dependency_that_cannot_serve_now_is_temporarily_unavailable_to_the_app() {
        let throttled = AuthError::RateLimited { retry_after: std::time::Duration::from_secs(1) };
        for error in [throttled, AuthError::Unavailable(anyhow!("connection refused"))] {
            assert_eq!(Failure::of_error(&error).error(), "temporarily_unavailable", "{error:?}");
        }
        assert_eq!(Failure::of_error(&AuthError::Internal(anyhow!("corrupt row"))).error(), "server_error");
    }

    #[test]
    fn every_callback_outcome_is_named_once() {
        let outcomes = callback_outcomes();
        let distinct: std::collections::BTreeSet<_> = outcomes.iter().collect();
        assert_eq!(distinct.len(), outcomes.len(), "{outcomes:?}");
    }

    #[test]
    fn only_the_same_value_holds_the_binding() {
        let expected = "a".repeat(43);
        assert!(BrowserBinding::holds(Some(&SecretString::from(expected.clone())), &expected));
        assert!(!BrowserBinding::holds(Some(&SecretString::from("b".repeat(43))), &expected));
        assert!(!BrowserBinding::holds(Some(&SecretString::from(String::new())), &expected));
        assert!(!BrowserBinding::holds(None, &expected));
    }
}
