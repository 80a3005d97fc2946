//! The OpenID Connect client against a real provider on loopback
//! (`oidc-provider`, see `support::oidc`): the authentication request it
//! builds, the code's redemption, and each check of the ID token the
//! provider answers with.

use std::sync::{Arc, Mutex};

use auth_service::adapters::oidc::{Oidc, ProviderSettings};
use auth_service::domain::federation::{AssertedIdentity, AuthorizationSecrets, Rejection, pkce_challenge};
use auth_service::domain::{Clock, ManualClock, PortError, SystemClock};
use auth_service::ports::{OpenIdProvider, Redeemed};
use chrono::Utc;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use crate::support::oidc::{OidcProvider, ProviderAccount, ProviderClient};

const CALLBACK: &str = "http://127.0.0.1:9/auth/federation/callback";
const CLIENT: ProviderClient<'static> =
    ProviderClient { id: "auth-service", secret: "client secret", redirect_uri: CALLBACK, id_token_alg: None };
const ALICE: ProviderAccount<'static> =
    ProviderAccount { login: "alice", email: "alice@example.com", email_verified: true, name: "Alice Liddell" };
const BOB: ProviderAccount<'static> =
    ProviderAccount { login: "bob", email: "bob@example.com", email_verified: false, name: "Bob" };

fn provider() -> OidcProvider {
    OidcProvider::start(&[CLIENT], &[ALICE, BOB], 600)
}

fn client_of(provider: &OidcProvider, clock: Arc<dyn Clock>) -> Oidc {
    client_as(provider, &CLIENT, clock)
}

fn client_as(provider: &OidcProvider, client: &ProviderClient<'_>, clock: Arc<dyn Clock>) -> Oidc {
    let settings = ProviderSettings {
        issuer: provider.issuer.clone(),
        client_id: client.id.to_owned(),
        client_secret: Some(SecretString::from(client.secret)),
        scopes: vec!["email".to_owned(), "profile".to_owned()],
        redirect_uri: CALLBACK.to_owned(),
    };
    Oidc::new(settings, clock).unwrap()
}

fn parameter(url: &Url, name: &str) -> Option<String> {
    url.query_pairs().find(|(key, _)| key == name).map(|(_, value)| value.into_owned())
}

/// Signs `login` in at the provider for a request with `secrets`, and
/// answers the code the provider sends back (after checking its `state`).
async fn code_for(provider: &OidcProvider, client: &Oidc, secrets: &AuthorizationSecrets, login: &str) -> String {
    let request = client.authorization_url(secrets).await.unwrap();
    let back = provider.sign_in(&request, login, CALLBACK).await;
    assert_eq!(parameter(&back, "state").as_deref(), Some(secrets.state.expose_secret()));
    parameter(&back, "code").expect("a code")
}

#[tokio::test]
async fn the_authentication_request_carries_the_requests_state_nonce_and_s256_challenge() {
    let provider = provider();
    let client = client_of(&provider, Arc::new(SystemClock));
    let secrets = AuthorizationSecrets::generate();
    let url = client.authorization_url(&secrets).await.unwrap();
    assert!(url.as_str().starts_with(&format!("{}/auth?", provider.issuer)), "{url}");
    let expected = [
        ("response_type", "code".to_owned()),
        ("client_id", CLIENT.id.to_owned()),
        ("redirect_uri", CALLBACK.to_owned()),
        ("scope", "openid email profile".to_owned()),
        ("state", secrets.state.expose_secret().to_owned()),
        ("nonce", secrets.nonce.expose_secret().to_owned()),
        ("code_challenge", pkce_challenge(&secrets.pkce_verifier)),
        ("code_challenge_method", "S256".to_owned()),
    ];
    for (name, value) in expected {
        assert_eq!(parameter(&url, name).as_deref(), Some(value.as_str()), "{name}");
    }
    // The verifier itself never leaves the service before the redemption.
    assert!(!url.as_str().contains(secrets.pkce_verifier.expose_secret()));
}

#[tokio::test]
async fn a_code_redeemed_with_its_requests_secrets_gives_the_identity_the_provider_asserts() {
    let provider = provider();
    let client = client_of(&provider, Arc::new(SystemClock));
    for account in [ALICE, BOB] {
        let secrets = AuthorizationSecrets::generate();
        let code = code_for(&provider, &client, &secrets, account.login).await;
        let Redeemed::Identity(identity) = client.redeem(&code, &secrets).await.unwrap() else {
            panic!("{} was not signed in", account.login)
        };
        let expected = AssertedIdentity {
            issuer: provider.issuer.clone(),
            subject: account.login.to_owned(),
            email: Some(account.email.to_owned()),
            email_verified: account.email_verified,
            name: Some(account.name.to_owned()),
        };
        assert_eq!(identity, expected);
    }
}

#[tokio::test]
async fn a_code_is_redeemed_once() {
    let provider = provider();
    let client = client_of(&provider, Arc::new(SystemClock));
    let secrets = AuthorizationSecrets::generate();
    let code = code_for(&provider, &client, &secrets, ALICE.login).await;
    assert!(matches!(client.redeem(&code, &secrets).await.unwrap(), Redeemed::Identity(_)));
    let replayed = client.redeem(&code, &secrets).await.unwrap();
    assert!(matches!(replayed, Redeemed::Rejected(Rejection::CodeRefused)), "{replayed:?}");
}

#[tokio::test]
async fn a_code_redeemed_with_another_requests_pkce_verifier_is_refused() {
    let provider = provider();
    let client = client_of(&provider, Arc::new(SystemClock));
    let secrets = AuthorizationSecrets::generate();
    let code = code_for(&provider, &client, &secrets, ALICE.login).await;
    // An attacker's injected code, redeemed in the victim's request.
    let other =
        AuthorizationSecrets { pkce_verifier: AuthorizationSecrets::generate().pkce_verifier, ..secrets.clone() };
    let redeemed = client.redeem(&code, &other).await.unwrap();
    assert!(matches!(redeemed, Redeemed::Rejected(Rejection::CodeRefused)), "{redeemed:?}");
}

#[tokio::test]
async fn an_id_token_carrying_another_requests_nonce_is_rejected() {
    let provider = provider();
    let client = client_of(&provider, Arc::new(SystemClock));
    let secrets = AuthorizationSecrets::generate();
    let code = code_for(&provider, &client, &secrets, ALICE.login).await;
    let other = AuthorizationSecrets { nonce: AuthorizationSecrets::generate().nonce, ..secrets.clone() };
    let redeemed = client.redeem(&code, &other).await.unwrap();
    assert!(matches!(redeemed, Redeemed::Rejected(Rejection::Nonce)), "{redeemed:?}");
}

#[tokio::test]
async fn an_expired_id_token_is_rejected() {
    let provider = provider();
    let clock = Arc::new(ManualClock::starting_at(Utc::now()));
    let client = client_of(&provider, clock.clone());
    let secrets = AuthorizationSecrets::generate();
    let code = code_for(&provider, &client, &secrets, ALICE.login).await;
    // The provider's ID tokens live 600 s.
    clock.advance(chrono::Duration::seconds(601));
    let redeemed = client.redeem(&code, &secrets).await.unwrap();
    assert!(matches!(redeemed, Redeemed::Rejected(Rejection::Expired)), "{redeemed:?}");
}

/// An ID token signed with the client secret (`HS256`), which the
/// provider's discovery document allows, is not taken: only asymmetric
/// signatures by the provider's published keys are.
#[tokio::test]
async fn an_id_token_signed_with_a_symmetric_algorithm_is_rejected() {
    let symmetric = ProviderClient { id: "symmetric", id_token_alg: Some("HS256"), ..CLIENT };
    let provider = OidcProvider::start(&[symmetric], &[ALICE], 600);
    let client = client_as(&provider, &symmetric, Arc::new(SystemClock));
    let secrets = AuthorizationSecrets::generate();
    let code = code_for(&provider, &client, &secrets, ALICE.login).await;
    let redeemed = client.redeem(&code, &secrets).await.unwrap();
    assert!(matches!(redeemed, Redeemed::Rejected(Rejection::Signature)), "{redeemed:?}");
}

#[tokio::test]
async fn an_unreachable_provider_is_unavailable_and_its_secret_is_in_no_error() {
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let settings = ProviderSettings {
        issuer: format!("http://{closed}"),
        client_id: CLIENT.id.to_owned(),
        client_secret: Some(SecretString::from(CLIENT.secret)),
        scopes: vec![],
        redirect_uri: CALLBACK.to_owned(),
    };
    let client = Oidc::new(settings, Arc::new(SystemClock)).unwrap();
    let secrets = AuthorizationSecrets::generate();
    for error in
        [client.authorization_url(&secrets).await.unwrap_err(), client.redeem("code", &secrets).await.unwrap_err()]
    {
        assert!(matches!(error, PortError::Unavailable(_)), "{error}");
        assert!(!format!("{error:?}").contains(CLIENT.secret));
    }
}

/// A proxy in front of a provider, which the provider names as its issuer:
/// it passes every request through, keeps the last ID token the token
/// endpoint issued, and answers token requests with `substitute` in place
/// of the ID token when one is set, as an attacker who swaps tokens would.
#[derive(Clone)]
struct TokenSwap {
    upstream: String,
    http: reqwest::Client,
    last_issued: Arc<Mutex<Option<String>>>,
    substitute: Arc<Mutex<Option<String>>>,
}

async fn through_swap(
    axum::extract::State(swap): axum::extract::State<TokenSwap>,
    request: axum::extract::Request,
) -> axum::response::Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20).await.unwrap();
    let target = format!("{}{}", swap.upstream, parts.uri.path_and_query().map_or("/", |path| path.as_str()));
    let mut forwarded = swap.http.request(parts.method.clone(), target).body(body);
    // The Host header goes through as is: the provider builds its URLs from it.
    for (name, value) in parts.headers.iter().filter(|(name, _)| *name != http::header::CONTENT_LENGTH) {
        forwarded = forwarded.header(name, value);
    }
    let answer = forwarded.send().await.unwrap();
    let (status, mut headers) = (answer.status(), answer.headers().clone());
    let mut bytes = answer.bytes().await.unwrap().to_vec();
    if parts.uri.path() == "/token" && status.is_success() {
        let mut tokens: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        *swap.last_issued.lock().unwrap() = tokens["id_token"].as_str().map(str::to_owned);
        if let Some(substitute) = swap.substitute.lock().unwrap().clone() {
            tokens["id_token"] = serde_json::Value::String(substitute);
        }
        bytes = serde_json::to_vec(&tokens).unwrap();
    }
    headers.remove(http::header::CONTENT_LENGTH);
    headers.remove(http::header::TRANSFER_ENCODING);
    let mut response = axum::response::Response::new(axum::body::Body::from(bytes));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// An ID token the provider really signed, for this person, but issued to
/// another client, handed over in place of this client's: refused on its
/// audience.
#[tokio::test]
async fn an_id_token_issued_to_another_client_is_rejected() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy = format!("http://{}", listener.local_addr().unwrap());
    let other = ProviderClient { id: "another-app", secret: "another secret", ..CLIENT };
    let provider = OidcProvider::start_as(Some(&proxy), &[CLIENT, other], &[ALICE], 600);
    let swap = TokenSwap {
        upstream: provider.listening.clone(),
        http: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(),
        last_issued: Arc::default(),
        substitute: Arc::default(),
    };
    let router = axum::Router::new().fallback(through_swap).with_state(swap.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);

    // The other client's ID token for Alice, issued through the proxy.
    let theirs = client_as(&provider, &other, clock.clone());
    let their_secrets = AuthorizationSecrets::generate();
    let code = code_for(&provider, &theirs, &their_secrets, ALICE.login).await;
    let redeemed = theirs.redeem(&code, &their_secrets).await.unwrap();
    assert!(matches!(redeemed, Redeemed::Identity(_)), "the other client's own sign-in works: {redeemed:?}");
    let their_token = swap.last_issued.lock().unwrap().clone().expect("an ID token went through");

    // This client's sign-in gets it in place of its own.
    let ours = client_of(&provider, clock);
    let secrets = AuthorizationSecrets::generate();
    let code = code_for(&provider, &ours, &secrets, ALICE.login).await;
    *swap.substitute.lock().unwrap() = Some(their_token);
    let redeemed = ours.redeem(&code, &secrets).await.unwrap();
    assert!(matches!(redeemed, Redeemed::Rejected(Rejection::Audience)), "{redeemed:?}");
}
