//! An OpenID Connect provider, through the `openidconnect` crate: its
//! discovery document and keys, the authentication request, the code's
//! redemption at the token endpoint and the ID token's verification
//! (OpenID Connect Core 1.0 §3.1.3.7).

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::anyhow;
use async_trait::async_trait;
use openidconnect::core::{
    CoreAuthDisplay, CoreClaimName, CoreClaimType, CoreClient, CoreClientAuthMethod, CoreGrantType,
    CoreIdTokenVerifier, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm,
    CoreJwsSigningAlgorithm, CoreResponseMode, CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    ProviderMetadata, RedirectUrl, RequestTokenError, Scope, SignatureVerificationError, TokenResponse as _,
};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use tokio::sync::RwLock;

use crate::domain::federation::{AssertedIdentity, AuthorizationSecrets, Rejection};
use crate::domain::{Clock, PortError};
use crate::ports::{OpenIdProvider, Redeemed};

/// How long a provider's discovery document and keys are used before they
/// are fetched again. A token signed with a key not among them has them
/// fetched again sooner (see [`Oidc::verify`]), so rotated keys are
/// picked up at once.
const DISCOVERY_TTL: Duration = Duration::from_secs(60 * 60);
/// The least time between two fetches for an unknown key, so that tokens
/// naming made-up keys can't have the provider fetched on every request.
const REFETCH_AT_MOST_EVERY: Duration = Duration::from_secs(60);
/// How long a call to the provider may take.
const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// The algorithms an ID token may be signed with: asymmetric ones only,
/// so that nothing signed with the client secret (`HS256`) or unsigned
/// (`none`) passes, whatever the discovery document lists.
const ALLOWED_ALGORITHMS: [CoreJwsSigningAlgorithm; 6] = [
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    CoreJwsSigningAlgorithm::EcdsaP384Sha384,
];

/// The discovery document's metadata beyond OpenID Connect Discovery's.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct ExtraMetadata {
    /// RFC 9207 §3: whether the provider names itself in `iss` in every
    /// authorization response.
    #[serde(default)]
    authorization_response_iss_parameter_supported: bool,
}

impl AdditionalProviderMetadata for ExtraMetadata {}

/// A discovery document, with [`ExtraMetadata`].
type Metadata = ProviderMetadata<
    ExtraMetadata,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

/// A client discovered from the provider's metadata.
type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// One provider, as this service's client there.
#[derive(Clone)]
pub struct ProviderSettings {
    /// The provider's issuer identifier: `{issuer}/.well-known/openid-configuration`
    /// is its discovery document, and its ID tokens' `iss`.
    pub issuer: String,
    pub client_id: String,
    /// For providers that authenticate confidential clients (sent with
    /// HTTP Basic); `None` for a public client.
    pub client_secret: Option<SecretString>,
    /// Scopes asked besides `openid`, e.g. `email` and `profile`.
    pub scopes: Vec<String>,
    /// Where the provider sends the browser back: the service's callback.
    pub redirect_uri: String,
}

pub struct Oidc {
    settings: ProviderSettings,
    /// `settings`' issuer and redirect URI, parsed once.
    issuer: IssuerUrl,
    redirect_uri: RedirectUrl,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    discovered: RwLock<Option<Discovered>>,
}

#[derive(Clone)]
struct Discovered {
    client: Client,
    /// [`ExtraMetadata::authorization_response_iss_parameter_supported`].
    names_issuer: bool,
    at: Instant,
}

impl Oidc {
    /// The provider of `settings`; nothing is fetched until first needed.
    /// Errors when the issuer or redirect URI is not a URL.
    pub fn new(settings: ProviderSettings, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let issuer = IssuerUrl::new(settings.issuer.clone())
            .map_err(|error| anyhow!("issuer {:?}: {error}", settings.issuer))?;
        let redirect_uri = RedirectUrl::new(settings.redirect_uri.clone())
            .map_err(|error| anyhow!("redirect URI {:?}: {error}", settings.redirect_uri))?;
        // Never follow redirects: a provider's endpoints answer directly
        // (and following them would let a redirect reach other hosts).
        let http =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).timeout(CALL_TIMEOUT).build()?;
        Ok(Self { settings, issuer, redirect_uri, http, clock, discovered: RwLock::new(None) })
    }

    /// The client of the current discovery document, fetched again when
    /// older than [`DISCOVERY_TTL`], or than `fresher_than` if given.
    async fn client(&self, fresher_than: Option<Duration>) -> Result<Client, PortError> {
        Ok(self.discovered(fresher_than).await?.client)
    }

    /// The current discovery, fetched again when older than
    /// [`DISCOVERY_TTL`], or than `fresher_than` if given.
    async fn discovered(&self, fresher_than: Option<Duration>) -> Result<Discovered, PortError> {
        let max_age = fresher_than.unwrap_or(DISCOVERY_TTL);
        if let Some(discovered) = self.discovered.read().await.as_ref()
            && discovered.at.elapsed() < max_age
        {
            return Ok(discovered.clone());
        }
        let mut slot = self.discovered.write().await;
        // Another caller may have fetched it meanwhile.
        if let Some(discovered) = slot.as_ref()
            && discovered.at.elapsed() < max_age
        {
            return Ok(discovered.clone());
        }
        let discovered = self.discover().await?;
        *slot = Some(discovered.clone());
        Ok(discovered)
    }

    async fn discover(&self) -> Result<Discovered, PortError> {
        let metadata = Metadata::discover_async(self.issuer.clone(), &self.http).await.map_err(|error| {
            PortError::Unavailable(anyhow!("fetching the discovery document of {}: {error:#}", self.settings.issuer))
        })?;
        let names_issuer = metadata.additional_metadata().authorization_response_iss_parameter_supported;
        let secret =
            self.settings.client_secret.as_ref().map(|secret| ClientSecret::new(secret.expose_secret().to_owned()));
        let client =
            CoreClient::from_provider_metadata(metadata, ClientId::new(self.settings.client_id.clone()), secret)
                .set_redirect_uri(self.redirect_uri.clone());
        Ok(Discovered { client, names_issuer, at: Instant::now() })
    }

    /// The verifier of ID tokens: the client's issuer, audience and keys,
    /// [`ALLOWED_ALGORITHMS`], and the service's clock.
    fn verifier<'a>(&self, client: &'a Client) -> CoreIdTokenVerifier<'a> {
        let clock = self.clock.clone();
        client.id_token_verifier().set_allowed_algs(ALLOWED_ALGORITHMS).set_time_fn(move || clock.now())
    }

    /// `token`'s claims as an identity, or why not; with the provider's
    /// keys fetched again once if none of them signed it.
    async fn verify(
        &self,
        client: &Client,
        token: &openidconnect::core::CoreIdToken,
        nonce: &Nonce,
    ) -> Result<Result<AssertedIdentity, Rejection>, PortError> {
        let checked = token.claims(&self.verifier(client), nonce).map(identity_of);
        if let Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) = checked
        {
            let refreshed = self.client(Some(REFETCH_AT_MOST_EVERY)).await?;
            return Ok(token
                .claims(&self.verifier(&refreshed), nonce)
                .map(identity_of)
                .map_err(|error| rejection_of(&error)));
        }
        Ok(checked.map_err(|error| rejection_of(&error)))
    }
}

fn identity_of(claims: &openidconnect::core::CoreIdTokenClaims) -> AssertedIdentity {
    AssertedIdentity {
        issuer: claims.issuer().as_str().to_owned(),
        subject: claims.subject().as_str().to_owned(),
        email: claims.email().map(|email| email.as_str().to_owned()),
        email_verified: claims.email_verified() == Some(true),
        name: claims.name().and_then(|name| name.get(None)).map(|name| name.as_str().to_owned()),
    }
}

fn rejection_of(error: &ClaimsVerificationError) -> Rejection {
    match error {
        ClaimsVerificationError::Expired(_) => Rejection::Expired,
        ClaimsVerificationError::InvalidAudience(_) => Rejection::Audience,
        ClaimsVerificationError::InvalidIssuer(_) => Rejection::Issuer,
        ClaimsVerificationError::InvalidNonce(_) => Rejection::Nonce,
        ClaimsVerificationError::SignatureVerification(_) => Rejection::Signature,
        _ => Rejection::Malformed,
    }
}

#[async_trait]
impl OpenIdProvider for Oidc {
    async fn authorization_url(&self, secrets: &AuthorizationSecrets) -> Result<url::Url, PortError> {
        let client = self.client(None).await?;
        let (state, nonce) = (secrets.state.expose_secret().to_owned(), secrets.nonce.expose_secret().to_owned());
        let verifier = PkceCodeVerifier::new(secrets.pkce_verifier.expose_secret().to_owned());
        let (url, _, _) = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                move || CsrfToken::new(state),
                move || Nonce::new(nonce),
            )
            .add_scopes(self.settings.scopes.iter().map(|scope| Scope::new(scope.clone())))
            .set_pkce_challenge(PkceCodeChallenge::from_code_verifier_sha256(&verifier))
            .url();
        Ok(url)
    }

    async fn authorization_response_iss_parameter_supported(&self) -> Result<bool, PortError> {
        Ok(self.discovered(None).await?.names_issuer)
    }

    async fn redeem(&self, code: &str, secrets: &AuthorizationSecrets) -> Result<Redeemed, PortError> {
        let client = self.client(None).await?;
        let request = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|_| PortError::Unavailable(anyhow!("{} publishes no token endpoint", self.settings.issuer)))?
            .set_pkce_verifier(PkceCodeVerifier::new(secrets.pkce_verifier.expose_secret().to_owned()));
        let response = match request.request_async(&self.http).await {
            Ok(response) => response,
            // An OAuth error response (RFC 6749 §5.2): the code is not one
            // to redeem, whichever the reason.
            Err(RequestTokenError::ServerResponse(_)) => return Ok(Redeemed::Rejected(Rejection::CodeRefused)),
            Err(error) => {
                return Err(PortError::Unavailable(anyhow!(
                    "redeeming a code at {}: {}",
                    self.settings.issuer,
                    // The error's own text; its response body is not shown.
                    match error {
                        RequestTokenError::Request(_) => "the token endpoint could not be reached".to_owned(),
                        RequestTokenError::Parse(..) => "the token endpoint's answer could not be read".to_owned(),
                        other => other.to_string(),
                    }
                )));
            }
        };
        // The ID token is the assertion; the access token is not used.
        let Some(token) = response.id_token() else { return Ok(Redeemed::Rejected(Rejection::NoIdToken)) };
        let nonce = Nonce::new(secrets.nonce.expose_secret().to_owned());
        Ok(match self.verify(&client, token, &nonce).await? {
            Ok(identity) => Redeemed::Identity(identity),
            Err(rejection) => Redeemed::Rejected(rejection),
        })
    }
}
