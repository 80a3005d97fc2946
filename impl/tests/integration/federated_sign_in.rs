//! Federated sign-in over HTTP, on the backend under test, against a real
//! OpenID Connect provider on loopback (`oidc-provider`, see
//! `support::oidc`): from the app's start URL, through the provider's
//! sign-in page, back through the service's callback to the app's redirect
//! URI, and the code's exchange for tokens.

use std::collections::BTreeMap;

use auth_service::config::{FederationConfig, ProviderConfig};
use auth_service::domain::federation::pkce_challenge;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use secrecy::SecretString;
use serde_json::{Value, json};
use url::Url;

use crate::support::oidc::{OidcProvider, ProviderAccount, ProviderClient};
use crate::support::{PASSWORD, TestApp, error_body, spawn_app_and_service_at, str_field, wait_for_codes};

const APP: &str = "https://app.example/signed-in";
const MOBILE_APP: &str = "com.example.app:/oauth";
const PROVIDER: &str = "local";
const CLIENT_ID: &str = "auth-service";
const CLIENT_SECRET: &str = "the client secret";

const ALICE: ProviderAccount<'static> =
    ProviderAccount { login: "alice", email: "alice@example.com", email_verified: true, name: "Alice Liddell" };
/// The provider never verified Bob's address.
const BOB: ProviderAccount<'static> =
    ProviderAccount { login: "bob", email: "bob@example.com", email_verified: false, name: "Bob" };
const CAROL: ProviderAccount<'static> =
    ProviderAccount { login: "carol", email: "carol@example.com", email_verified: true, name: "Carol" };

/// The service, with one provider, and the provider.
struct Setup {
    app: TestApp,
    auth: std::sync::Arc<auth_service::domain::AuthService>,
    provider: OidcProvider,
    callback: String,
    /// Follows no redirects, so that each hop is checked; keeps cookies.
    browser: reqwest::Client,
    /// Makes this setup's addresses its own: the AWS backend's tests share
    /// one outbox.
    suffix: String,
}

async fn setup() -> Setup {
    setup_with(|_| {}).await
}

async fn setup_with(adjust: impl FnOnce(&mut auth_service::config::Config)) -> Setup {
    let mut callback = String::new();
    let mut provider = None;
    let suffix = uuid::Uuid::new_v4().simple().to_string();
    // On AWS the client secret comes from Secrets Manager, as deployed.
    let client_secrets_secret = client_secrets_secret().await;
    let (app, auth) = spawn_app_and_service_at(|config, base| {
        callback = format!("{base}/auth/federation/callback");
        let client =
            ProviderClient { id: CLIENT_ID, secret: CLIENT_SECRET, redirect_uri: &callback, id_token_alg: None };
        let emails: Vec<String> = [ALICE, BOB, CAROL].iter().map(|account| address(account, &suffix)).collect();
        let accounts: Vec<ProviderAccount<'_>> = [ALICE, BOB, CAROL]
            .iter()
            .zip(&emails)
            .map(|(account, email)| ProviderAccount { email, ..*account })
            .collect();
        let started = OidcProvider::start(&[client], &accounts, 600);
        let settings = ProviderConfig {
            name: Some("Local Provider".to_owned()),
            issuer: Some(started.issuer.clone()),
            client_id: CLIENT_ID.to_owned(),
            client_secret: client_secrets_secret.is_none().then(|| SecretString::from(CLIENT_SECRET)),
            client_secret_file: None,
            scopes: vec!["email".to_owned(), "profile".to_owned()],
            link_existing_accounts: true,
        };
        config.federation = FederationConfig {
            callback_url: Some(callback.clone()),
            redirect_uris: vec![APP.to_owned(), MOBILE_APP.to_owned()],
            providers: BTreeMap::from([(PROVIDER.to_owned(), settings)]),
            client_secrets_secret,
        };
        adjust(config);
        provider = Some(started);
    })
    .await;
    Setup { app, auth, provider: provider.expect("the provider"), callback, browser: browser(), suffix }
}

/// On the AWS backend, a new secret in moto's Secrets Manager holding the
/// provider's client secret (`federation.client_secrets_secret`); its name.
async fn client_secrets_secret() -> Option<String> {
    match crate::support::test_backend() {
        auth_service::config::Backend::Embedded => None,
        #[cfg(feature = "aws")]
        auth_service::config::Backend::Aws => {
            let aws = auth_service::adapters::aws::AwsConfig {
                endpoint_url: Some(crate::support::moto_url()),
                region: Some("us-east-1".to_owned()),
                ..Default::default()
            };
            let secrets = auth_service::adapters::aws::Clients::new(&aws).await.expect("clients").secrets;
            let name = format!("client-secrets-{}", uuid::Uuid::new_v4().simple());
            let value = json!({ PROVIDER: CLIENT_SECRET }).to_string();
            secrets.create_secret().name(&name).secret_string(value).send().await.expect("creating the secret");
            Some(name)
        }
        #[cfg(not(feature = "aws"))]
        auth_service::config::Backend::Aws => panic!("TEST_BACKEND=aws needs the AWS backend"),
    }
}

/// A browser of its own: cookies kept, redirects not followed.
fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// `account`'s address at the provider of the setup with `suffix`.
fn address(account: &ProviderAccount<'_>, suffix: &str) -> String {
    format!("{}-{suffix}@example.com", account.login)
}

/// An app's PKCE verifier and its challenge.
fn pkce() -> (String, String) {
    let verifier = auth_service::domain::federation::AuthorizationSecrets::generate().pkce_verifier;
    let challenge = pkce_challenge(&verifier);
    (secrecy::ExposeSecret::expose_secret(&verifier).to_owned(), challenge)
}

fn parameter(url: &Url, name: &str) -> Option<String> {
    url.query_pairs().find(|(key, _)| key == name).map(|(_, value)| value.into_owned())
}

fn location(response: &reqwest::Response) -> Url {
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{response:?}");
    Url::parse(response.headers()[LOCATION].to_str().unwrap()).expect("an absolute Location")
}

impl Setup {
    fn email(&self, account: &ProviderAccount<'_>) -> String {
        address(account, &self.suffix)
    }

    fn start_url(&self, redirect_uri: &str, challenge: &str, state: &str) -> String {
        let mut url = Url::parse(&self.app.url(&format!("/auth/federation/{PROVIDER}/authorize"))).unwrap();
        url.query_pairs_mut()
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("code_challenge", challenge)
            .append_pair("code_challenge_method", "S256")
            .append_pair("state", state);
        url.into()
    }

    /// From the app's start URL through the provider's sign-in as `login`:
    /// the callback URL the provider sends the browser to.
    async fn to_callback(&self, redirect_uri: &str, challenge: &str, login: &str) -> Url {
        let started = self.browser.get(self.start_url(redirect_uri, challenge, "app-state")).send().await.unwrap();
        let at_provider = location(&started);
        assert!(at_provider.as_str().starts_with(&self.provider.issuer), "{at_provider}");
        self.provider.sign_in(&at_provider, login, &self.callback).await
    }

    /// The whole browser leg: where the app's redirect URI is sent.
    async fn to_app(&self, redirect_uri: &str, challenge: &str, login: &str) -> Url {
        let callback = self.to_callback(redirect_uri, challenge, login).await;
        let back = self.browser.get(callback.as_str()).send().await.unwrap();
        let at_app = location(&back);
        assert!(at_app.as_str().starts_with(redirect_uri), "{at_app}");
        assert_eq!(parameter(&at_app, "state").as_deref(), Some("app-state"), "the app's state comes back");
        at_app
    }

    async fn exchange(&self, code: &str, verifier: &str, redirect_uri: &str) -> reqwest::Response {
        let body = json!({ "code": code, "codeVerifier": verifier, "redirectUri": redirect_uri });
        self.app.post("/auth/federation/token", body).await
    }

    /// A complete federated sign-in as `login` from the browser app: the
    /// exchange's answer.
    async fn sign_in(&self, login: &str) -> reqwest::Response {
        let (verifier, challenge) = pkce();
        let at_app = self.to_app(APP, &challenge, login).await;
        let code = parameter(&at_app, "code").unwrap_or_else(|| panic!("no code in {at_app}"));
        self.exchange(&code, &verifier, APP).await
    }

    async fn signed_in(&self, login: &str) -> Value {
        let response = self.sign_in(login).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// An account with [`PASSWORD`] whose owner confirmed its address with
    /// the mailed code (the setup must not confirm addresses at once),
    /// signed in: the login body.
    async fn confirmed_user(&self, email: &str) -> Value {
        assert!(!self.app.config.signup.auto_confirm, "addresses confirmed at once are not proven");
        assert_eq!(self.app.register(email, PASSWORD, "Account Owner").await.status(), StatusCode::CREATED);
        let code = wait_for_codes(&self.app, email, "Your confirmation code is", 1).await.remove(0);
        let confirmed = self.app.post("/auth/confirm", json!({ "email": email, "code": code })).await;
        assert_eq!(confirmed.status(), StatusCode::NO_CONTENT);
        let login = self.app.login(email, PASSWORD).await;
        assert_eq!(login.status(), StatusCode::OK);
        login.json().await.unwrap()
    }

    async fn profile(&self, token: &str) -> Value {
        self.app.get_authed("/users/me", token).await.json().await.unwrap()
    }

    async fn identities(&self, token: &str) -> Vec<Value> {
        let body: Value = self.app.get_authed("/users/me/identities", token).await.json().await.unwrap();
        body["identities"].as_array().unwrap().clone()
    }

    async fn event_types(&self, token: &str) -> Vec<String> {
        let page: Value = self.app.get_authed("/users/me/security-events", token).await.json().await.unwrap();
        page["events"].as_array().unwrap().iter().map(|event| str_field(event, "type").to_owned()).collect()
    }
}

#[tokio::test]
async fn the_providers_are_listed_with_their_names() {
    let setup = setup().await;
    let listed: Value =
        setup.app.http.get(setup.app.url("/auth/federation/providers")).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed, json!({ "providers": [{ "id": PROVIDER, "name": "Local Provider" }] }));
}

#[tokio::test]
async fn a_new_identity_gets_an_account_without_a_password_and_its_code_works_once() {
    let setup = setup().await;
    let (verifier, challenge) = pkce();
    let at_app = setup.to_app(APP, &challenge, ALICE.login).await;
    let code = parameter(&at_app, "code").expect("a code");
    assert!(parameter(&at_app, "access_token").is_none() && !at_app.as_str().contains("eyJ"), "no token in {at_app}");

    let response = setup.exchange(&code, &verifier, APP).await;
    assert_eq!(response.status(), StatusCode::OK);
    let login: Value = response.json().await.unwrap();
    let access = str_field(&login, "accessToken");
    let profile = setup.profile(access).await;
    assert_eq!(
        (profile["email"].as_str(), profile["emailVerified"].as_bool()),
        (Some(setup.email(&ALICE).as_str()), Some(true))
    );
    assert_eq!(profile["name"], ALICE.name);
    let identities = setup.identities(access).await;
    assert_eq!(identities.len(), 1);
    assert_eq!(
        (identities[0]["provider"].as_str(), identities[0]["email"].as_str()),
        (Some(PROVIDER), Some(setup.email(&ALICE).as_str()))
    );
    let events = setup.event_types(access).await;
    for kind in ["signed_up", "identity_linked", "signed_in_with_provider"] {
        assert!(events.iter().any(|event| event == kind), "{kind} in {events:?}");
    }
    // Refreshing works as for any session.
    let refreshed = setup.app.refresh(str_field(&login, "refreshToken")).await;
    assert_eq!(refreshed.status(), StatusCode::OK);

    // The code is spent, and no password signs the account in.
    error_body(setup.exchange(&code, &verifier, APP).await, StatusCode::BAD_REQUEST, "invalid_grant").await;
    error_body(setup.app.login(&setup.email(&ALICE), PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;

    // The next sign-in finds the same account through the link.
    let again = setup.signed_in(ALICE.login).await;
    let same = setup.profile(str_field(&again, "accessToken")).await;
    assert_eq!(same["id"], profile["id"]);
    assert_eq!(setup.identities(str_field(&again, "accessToken")).await.len(), 1);
}

#[tokio::test]
async fn a_mobile_app_gets_its_code_at_its_custom_scheme() {
    let setup = setup().await;
    let (verifier, challenge) = pkce();
    let at_app = setup.to_app(MOBILE_APP, &challenge, ALICE.login).await;
    assert_eq!(at_app.scheme(), "com.example.app");
    let code = parameter(&at_app, "code").expect("a code");
    assert_eq!(setup.exchange(&code, &verifier, MOBILE_APP).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_verified_identity_joins_the_account_that_confirmed_its_address() {
    let setup = setup_with(|config| config.signup.auto_confirm = false).await;
    let own = setup.confirmed_user(&setup.email(&ALICE)).await;
    let own_profile = setup.profile(str_field(&own, "accessToken")).await;

    let federated = setup.signed_in(ALICE.login).await;
    let profile = setup.profile(str_field(&federated, "accessToken")).await;
    assert_eq!(profile["id"], own_profile["id"]);
    // The password still works beside the link.
    assert_eq!(setup.app.login(&setup.email(&ALICE), PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_provider_not_trusted_to_join_accounts_only_makes_new_ones() {
    let setup = setup_with(|config| {
        config.signup.auto_confirm = false;
        for provider in config.federation.providers.values_mut() {
            provider.link_existing_accounts = false;
        }
    })
    .await;
    let own = setup.confirmed_user(&setup.email(&ALICE)).await;
    refused(&setup, ALICE.login, "account_exists").await;
    assert!(setup.identities(str_field(&own, "accessToken")).await.is_empty());
    // Carol has no account: she gets one, and signs it in again.
    let first = setup.profile(str_field(&setup.signed_in(CAROL.login).await, "accessToken")).await;
    let again = setup.profile(str_field(&setup.signed_in(CAROL.login).await, "accessToken")).await;
    assert_eq!(first["id"], again["id"]);
}

/// The app's redirect URI gets `error=access_denied` and this reason.
async fn refused(setup: &Setup, login: &str, reason: &str) {
    let (_, challenge) = pkce();
    let at_app = setup.to_app(APP, &challenge, login).await;
    assert_eq!(parameter(&at_app, "code"), None);
    assert_eq!(parameter(&at_app, "error").as_deref(), Some("access_denied"), "{at_app}");
    assert_eq!(parameter(&at_app, "error_description").as_deref(), Some(reason), "{at_app}");
}

#[tokio::test]
async fn an_address_the_provider_did_not_verify_neither_joins_nor_makes_an_account() {
    let setup = setup().await;
    refused(&setup, BOB.login, "email_not_verified_by_provider").await;
    // No account was made for it: the address is still free.
    assert_eq!(setup.app.register(&setup.email(&BOB), PASSWORD, "Bob").await.status(), StatusCode::CREATED);
    // An existing account with it is not joined either.
    refused(&setup, BOB.login, "email_not_verified_by_provider").await;
}

/// With `signup.auto_confirm` on, every address counts as confirmed without
/// anyone proving it: whoever registered it first is not trusted with it.
#[tokio::test]
async fn an_account_confirmed_at_once_without_a_mailed_code_is_not_joined() {
    let setup = setup().await;
    assert!(setup.app.config.signup.auto_confirm);
    let squatter = setup.app.signed_in_user(&setup.email(&CAROL)).await;
    let squatter_profile = setup.profile(str_field(&squatter, "accessToken")).await;
    assert_eq!(squatter_profile["emailVerified"], true);
    refused(&setup, CAROL.login, "account_not_confirmed").await;
    assert!(setup.identities(str_field(&squatter, "accessToken")).await.is_empty());
}

#[tokio::test]
async fn an_account_that_never_confirmed_its_address_is_not_joined() {
    let setup = setup_with(|config| config.signup.auto_confirm = false).await;
    // Someone registered Carol's address first, without confirming it.
    assert_eq!(setup.app.register(&setup.email(&CAROL), PASSWORD, "Not Carol").await.status(), StatusCode::CREATED);
    refused(&setup, CAROL.login, "account_not_confirmed").await;
}

#[tokio::test]
async fn the_code_holds_only_with_its_verifier_and_redirect_uri_and_only_once() {
    let setup = setup().await;
    for wrong in ["verifier", "redirect"] {
        let (verifier, challenge) = pkce();
        let at_app = setup.to_app(APP, &challenge, ALICE.login).await;
        let code = parameter(&at_app, "code").unwrap();
        let refused = match wrong {
            "verifier" => setup.exchange(&code, &pkce().0, APP).await,
            _ => setup.exchange(&code, &verifier, MOBILE_APP).await,
        };
        error_body(refused, StatusCode::BAD_REQUEST, "invalid_grant").await;
        // A wrong try spends the code: the right one comes too late.
        error_body(setup.exchange(&code, &verifier, APP).await, StatusCode::BAD_REQUEST, "invalid_grant").await;
    }
    let (verifier, _) = pkce();
    error_body(setup.exchange("never-issued", &verifier, APP).await, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

#[tokio::test]
async fn a_code_expires_after_a_minute() {
    let setup = setup().await;
    let (verifier, challenge) = pkce();
    let at_app = setup.to_app(APP, &challenge, ALICE.login).await;
    let code = parameter(&at_app, "code").unwrap();
    setup.app.clock.advance(chrono::Duration::seconds(61));
    error_body(setup.exchange(&code, &verifier, APP).await, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

#[tokio::test]
async fn a_callback_is_taken_once_and_an_unknown_state_is_refused_without_a_redirect() {
    let setup = setup().await;
    let (_, challenge) = pkce();
    let callback = setup.to_callback(APP, &challenge, ALICE.login).await;
    assert_eq!(setup.browser.get(callback.as_str()).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    let replayed = setup.browser.get(callback.as_str()).send().await.unwrap();
    assert!(replayed.headers().get(LOCATION).is_none());
    error_body(replayed, StatusCode::BAD_REQUEST, "invalid_state").await;

    // Another request's code under a forged state, and no state at all.
    let code = parameter(&callback, "code").unwrap();
    for query in [format!("?state=forged&code={code}"), format!("?code={code}")] {
        let url = format!("{}{query}", setup.callback);
        error_body(setup.browser.get(url).send().await.unwrap(), StatusCode::BAD_REQUEST, "invalid_state").await;
    }
}

/// RFC 9700 §4.7.1: someone starts a sign-in in their own browser and
/// has another person complete it at the provider. The callback reaches
/// that person's browser, which lacks the start's cookie: refused, and
/// the sign-in is over for the one who started it too.
#[tokio::test]
async fn a_callback_is_taken_only_in_the_browser_that_started_the_sign_in() {
    let setup = setup().await;
    let (_, challenge) = pkce();
    let started = setup.browser.get(setup.start_url(APP, &challenge, "app-state")).send().await.unwrap();
    let cookie = started.headers()[reqwest::header::SET_COOKIE].to_str().unwrap().to_owned();
    let attributes: Vec<&str> = cookie.split("; ").skip(1).collect();
    assert!(cookie.starts_with("auth_federation="), "over plain http, no __Host- prefix: {cookie}");
    assert_eq!(attributes, ["Path=/", "Max-Age=600", "HttpOnly", "SameSite=Lax"], "{cookie}");

    let callback = setup.provider.sign_in(&location(&started), ALICE.login, &setup.callback).await;
    let victim = browser();
    let elsewhere = victim.get(callback.as_str()).send().await.unwrap();
    assert!(elsewhere.headers().get(LOCATION).is_none());
    error_body(elsewhere, StatusCode::BAD_REQUEST, "invalid_state").await;
    // A made-up binding does no better, and the sign-in is spent.
    let forged = victim.get(callback.as_str()).header("cookie", "auth_federation=made-up").send().await.unwrap();
    error_body(forged, StatusCode::BAD_REQUEST, "invalid_state").await;
    let too_late = setup.browser.get(callback.as_str()).send().await.unwrap();
    error_body(too_late, StatusCode::BAD_REQUEST, "invalid_state").await;
}

/// One browser, two tabs: the second start keeps the first's binding, so
/// both sign-ins complete, in either order.
#[tokio::test]
async fn sign_ins_started_side_by_side_in_one_browser_both_complete() {
    let setup = setup().await;
    let (first_verifier, first_challenge) = pkce();
    let (second_verifier, second_challenge) = pkce();
    let first = setup.to_callback(APP, &first_challenge, ALICE.login).await;
    let second = setup.to_callback(MOBILE_APP, &second_challenge, CAROL.login).await;
    for (callback, verifier, redirect_uri) in [(second, second_verifier, MOBILE_APP), (first, first_verifier, APP)] {
        let at_app = location(&setup.browser.get(callback.as_str()).send().await.unwrap());
        let code = parameter(&at_app, "code").unwrap_or_else(|| panic!("no code in {at_app}"));
        assert_eq!(setup.exchange(&code, &verifier, redirect_uri).await.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn a_request_expires_while_the_person_is_at_the_provider_too_long() {
    let setup = setup().await;
    let (_, challenge) = pkce();
    let callback = setup.to_callback(APP, &challenge, ALICE.login).await;
    setup.app.clock.advance(chrono::Duration::minutes(11));
    let late = setup.browser.get(callback.as_str()).send().await.unwrap();
    error_body(late, StatusCode::BAD_REQUEST, "invalid_state").await;
}

/// RFC 9207: the provider names itself in `iss` and declares it does
/// (`authorization_response_iss_parameter_supported`), so an answer that
/// names another issuer, even one differing by a trailing slash, or none
/// at all, came from a mixed-up sign-in.
#[tokio::test]
async fn an_answer_naming_another_issuer_or_none_is_not_taken() {
    let setup = setup().await;
    let issuer = setup.provider.issuer.clone();
    let mixed_ups: [(&str, Option<String>); 3] =
        [("another", Some("https://other.example".to_owned())), ("slash", Some(format!("{issuer}/"))), ("none", None)];
    for (case, named) in mixed_ups {
        let (_, challenge) = pkce();
        let callback = setup.to_callback(APP, &challenge, ALICE.login).await;
        assert_eq!(parameter(&callback, "iss").as_deref(), Some(issuer.as_str()));
        let mut mixed_up = callback.clone();
        let pairs: Vec<(String, String)> = callback
            .query_pairs()
            .filter(|(key, _)| key != "iss")
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .chain(named.map(|named| ("iss".to_owned(), named)))
            .collect();
        mixed_up.query_pairs_mut().clear().extend_pairs(pairs);
        let at_app = location(&setup.browser.get(mixed_up.as_str()).send().await.unwrap());
        assert_eq!(parameter(&at_app, "error").as_deref(), Some("access_denied"), "{case}: {at_app}");
        assert_eq!(parameter(&at_app, "error_description").as_deref(), Some("provider_answer_rejected"), "{case}");
    }
}

#[tokio::test]
async fn a_sign_in_cancelled_at_the_provider_reaches_the_app_as_access_denied() {
    let setup = setup().await;
    let (_, challenge) = pkce();
    let callback = setup.to_callback(APP, &challenge, ALICE.login).await;
    let state = parameter(&callback, "state").unwrap();
    let mut url = Url::parse(&setup.callback).unwrap();
    url.query_pairs_mut()
        .append_pair("state", &state)
        .append_pair("error", "access_denied")
        .append_pair("iss", &setup.provider.issuer);
    let at_app = location(&setup.browser.get(url).send().await.unwrap());
    assert_eq!(parameter(&at_app, "error").as_deref(), Some("access_denied"));
    assert_eq!(parameter(&at_app, "error_description").as_deref(), Some("cancelled_at_provider"));
}

#[tokio::test]
async fn unregistered_redirects_and_other_challenges_are_refused_here_never_redirected() {
    let setup = setup().await;
    let (_, challenge) = pkce();
    // Not on the list, or on it only as a prefix or with something more.
    for redirect_uri in ["https://evil.example/signed-in", "https://app.example/signed-in/more", "https://app.example/"]
    {
        let response = setup.browser.get(setup.start_url(redirect_uri, &challenge, "s")).send().await.unwrap();
        assert!(response.headers().get(LOCATION).is_none(), "{redirect_uri}");
        let body = error_body(response, StatusCode::BAD_REQUEST, "validation_failed").await;
        assert_eq!(body["details"][0]["field"], "redirect_uri", "{body}");
    }
    let plain =
        setup.start_url(APP, &challenge, "s").replace("code_challenge_method=S256", "code_challenge_method=plain");
    error_body(setup.browser.get(plain).send().await.unwrap(), StatusCode::BAD_REQUEST, "validation_failed").await;
    let unknown = setup.start_url(APP, &challenge, "s").replace(&format!("/{PROVIDER}/"), "/nobody/");
    error_body(setup.browser.get(unknown).send().await.unwrap(), StatusCode::NOT_FOUND, "provider_not_found").await;
}

#[tokio::test]
async fn an_account_with_a_second_factor_still_asks_for_it() {
    let setup = setup_with(|config| config.signup.auto_confirm = false).await;
    let own = setup.confirmed_user(&setup.email(&ALICE)).await;
    let access = str_field(&own, "accessToken");
    let enrolment: Value = setup.app.post_authed("/users/me/mfa/setup", access, None).await.json().await.unwrap();
    let totp = totp_rs::Totp::from_url(str_field(&enrolment, "otpauthUri")).unwrap();
    let now = u64::try_from(auth_service::domain::Clock::now(&*setup.app.clock).timestamp()).unwrap();
    let body = json!({ "password": PASSWORD, "code": totp.generate(now).to_string() });
    assert_eq!(setup.app.post_authed("/users/me/mfa/verify", access, Some(body)).await.status(), StatusCode::OK);

    let federated = setup.signed_in(ALICE.login).await;
    assert_eq!(federated["mfaRequired"], true, "{federated}");
    assert!(federated.get("accessToken").is_none(), "{federated}");
    assert!(federated["mfaSession"].is_string());
}

#[tokio::test]
async fn the_last_way_to_sign_in_cannot_be_unlinked_and_others_can() {
    let setup = setup_with(|config| config.signup.auto_confirm = false).await;
    // An account made by the provider: its link is its only way in.
    let federated = setup.signed_in(ALICE.login).await;
    let access = str_field(&federated, "accessToken");
    let link = setup.identities(access).await[0]["id"].as_str().unwrap().to_owned();
    let last = setup.app.http.delete(setup.app.url(&format!("/users/me/identities/{link}"))).bearer_auth(access);
    error_body(last.send().await.unwrap(), StatusCode::CONFLICT, "last_sign_in_method").await;
    assert_eq!(setup.identities(access).await.len(), 1);

    // An account with a password may drop its link; it then links again.
    let own = setup.confirmed_user(&setup.email(&CAROL)).await;
    let own_access = str_field(&own, "accessToken");
    setup.signed_in(CAROL.login).await;
    let link = setup.identities(own_access).await[0]["id"].as_str().unwrap().to_owned();
    let unlink = |id: String| {
        setup.app.http.delete(setup.app.url(&format!("/users/me/identities/{id}"))).bearer_auth(own_access).send()
    };
    assert_eq!(unlink(link.clone()).await.unwrap().status(), StatusCode::NO_CONTENT);
    assert!(setup.identities(own_access).await.is_empty());
    // Unlinked for good: the identity does not join the account again by
    // its address.
    refused(&setup, CAROL.login, "identity_unlinked").await;
    assert!(setup.identities(own_access).await.is_empty());
    error_body(unlink(link).await.unwrap(), StatusCode::NOT_FOUND, "identity_not_found").await;
    assert!(setup.event_types(own_access).await.iter().any(|event| event == "identity_unlinked"));
    // Someone else's link is not found either.
    let alices = setup.identities(access).await[0]["id"].as_str().unwrap().to_owned();
    error_body(unlink(alices).await.unwrap(), StatusCode::NOT_FOUND, "identity_not_found").await;
}

#[tokio::test]
async fn a_deleted_account_takes_its_links_with_it() {
    let setup = setup_with(|config| config.signup.auto_confirm = false).await;
    let own = setup.confirmed_user(&setup.email(&CAROL)).await;
    let own_access = str_field(&own, "accessToken");
    let first = setup.profile(str_field(&setup.signed_in(CAROL.login).await, "accessToken")).await;
    let deleted = setup.app.post_authed("/users/me/delete", own_access, Some(json!({ "password": PASSWORD }))).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    // The identity now makes a new account rather than reach the old one.
    let again = setup.profile(str_field(&setup.signed_in(CAROL.login).await, "accessToken")).await;
    assert_ne!(again["id"], first["id"]);
}

/// A current authenticator code of `totp` by the app's clock.
fn totp_code(app: &TestApp, totp: &totp_rs::Totp) -> String {
    totp.generate(u64::try_from(auth_service::domain::Clock::now(&*app.clock).timestamp()).unwrap()).to_string()
}

/// An account without a password has no secret to re-authenticate with:
/// a sign-in no older than five minutes stands for it (OpenID Connect
/// Core's `max_age`), and refreshing tokens does not make a session younger.
#[tokio::test]
async fn an_account_without_a_password_confirms_changes_by_a_recent_sign_in() {
    let setup = setup().await;
    let login = setup.signed_in(ALICE.login).await;
    let access = str_field(&login, "accessToken");
    let enrolment: Value = setup.app.post_authed("/users/me/mfa/setup", access, None).await.json().await.unwrap();
    let totp = totp_rs::Totp::from_url(str_field(&enrolment, "otpauthUri")).unwrap();
    let on = json!({ "code": totp_code(&setup.app, &totp) });
    assert_eq!(setup.app.post_authed("/users/me/mfa/verify", access, Some(on)).await.status(), StatusCode::OK);

    setup.app.clock.advance(chrono::Duration::minutes(6));
    let refreshed: Value = setup.app.refresh(str_field(&login, "refreshToken")).await.json().await.unwrap();
    let refreshed = str_field(&refreshed, "accessToken");
    let code = totp_code(&setup.app, &totp);
    // A password changes nothing: the account has none to check.
    for body in [json!({ "code": code }), json!({ "code": code, "password": PASSWORD })] {
        let stale = setup.app.post_authed("/users/me/mfa/backup-codes", refreshed, Some(body)).await;
        error_body(stale, StatusCode::FORBIDDEN, "reauthentication_required").await;
    }
    let delete = setup.app.post_authed("/users/me/delete", refreshed, Some(json!({ "code": code }))).await;
    error_body(delete, StatusCode::FORBIDDEN, "reauthentication_required").await;

    // Signed in again (with the second factor): the change goes through.
    let challenge = setup.signed_in(ALICE.login).await;
    let verify = json!({ "session": str_field(&challenge, "mfaSession"), "code": code });
    let again = setup.app.post("/auth/mfa/verify", verify).await;
    assert_eq!(again.status(), StatusCode::OK);
    let again: Value = again.json().await.unwrap();
    setup.app.clock.advance(chrono::Duration::seconds(30));
    let body = json!({ "code": totp_code(&setup.app, &totp) });
    let deleted = setup.app.post_authed("/users/me/delete", str_field(&again, "accessToken"), Some(body)).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
}

/// An account with a password gives it; leaving it out is no way around it.
#[tokio::test]
async fn an_account_with_a_password_must_give_it_to_confirm_a_change() {
    let setup = setup().await;
    let login = setup.app.signed_in_user(&setup.email(&CAROL)).await;
    let missing = setup.app.post_authed("/users/me/delete", str_field(&login, "accessToken"), Some(json!({}))).await;
    let body = error_body(missing, StatusCode::BAD_REQUEST, "validation_failed").await;
    assert_eq!(body["details"][0]["field"], "password", "{body}");
}

/// An invited account has no password until the person sets one with the
/// mailed code: an identity linked to it meanwhile is its only way in.
#[tokio::test]
async fn an_invited_accounts_only_identity_cannot_be_unlinked() {
    let setup = setup_with(|config| config.signup.auto_confirm = false).await;
    let boss = setup.confirmed_user(&format!("boss-{}@example.com", setup.suffix)).await;
    let boss_email = auth_service::domain::Email::parse("email", str_field(&boss["user"], "email")).unwrap();
    setup.auth.grant_role(&boss_email, "admin").await.expect("granting admin");
    let boss = setup.app.login(str_field(&boss["user"], "email"), PASSWORD).await.json::<Value>().await.unwrap();
    let invitation = json!({ "email": setup.email(&ALICE), "name": "Alice" });
    let invited = setup.app.post_authed("/admin/users", str_field(&boss, "accessToken"), Some(invitation)).await;
    assert_eq!(invited.status(), StatusCode::CREATED);

    let federated = setup.signed_in(ALICE.login).await;
    let access = str_field(&federated, "accessToken");
    let identities = setup.identities(access).await;
    assert_eq!(identities.len(), 1, "the invitation vouched for the address: {identities:?}");
    let link = str_field(&identities[0], "id");
    let unlink = setup.app.http.delete(setup.app.url(&format!("/users/me/identities/{link}"))).bearer_auth(access);
    error_body(unlink.send().await.unwrap(), StatusCode::CONFLICT, "last_sign_in_method").await;
}

#[tokio::test]
async fn a_provider_gone_before_the_code_is_redeemed_reaches_the_app_as_temporarily_unavailable() {
    let mut setup = setup().await;
    let (_, challenge) = pkce();
    let callback = setup.to_callback(APP, &challenge, ALICE.login).await;
    setup.provider.stop();
    let at_app = location(&setup.browser.get(callback.as_str()).send().await.unwrap());
    assert_eq!(parameter(&at_app, "error").as_deref(), Some("temporarily_unavailable"), "{at_app}");
    assert_eq!(parameter(&at_app, "error_description").as_deref(), Some("provider_unavailable"));
    assert_eq!(parameter(&at_app, "state").as_deref(), Some("app-state"));
}

#[tokio::test]
async fn an_unreachable_provider_is_a_503_at_the_start() {
    let setup = setup_with(|config| {
        let provider = config.federation.providers.get_mut(PROVIDER).unwrap();
        provider.issuer = Some("http://127.0.0.1:9/unreachable".to_owned());
    })
    .await;
    let (_, challenge) = pkce();
    let response = setup.browser.get(setup.start_url(APP, &challenge, "s")).send().await.unwrap();
    let body = error_body(response, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable").await;
    assert!(!body.to_string().contains(CLIENT_SECRET));
}

/// The browser app of the browser test, for the service at `service`:
/// `/` makes a PKCE verifier and a state, keeps them in the tab's session
/// storage and sends the browser to the service; `/signed-in` checks the
/// state, exchanges the code with `fetch` (across origins, as CORS
/// allows) and shows in `#result` the profile it then reads with the
/// access token.
fn browser_app(service: &str) -> axum::Router {
    const START: &str = r#"<!doctype html><meta charset="utf-8"><title>App</title>
<script type="module">
const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
sessionStorage.setItem('verifier', verifier);
sessionStorage.setItem('state', state);
const url = new URL('SERVICE/auth/federation/local/authorize');
url.search = new URLSearchParams({
  redirect_uri: location.origin + '/signed-in', code_challenge: challenge, code_challenge_method: 'S256', state,
});
location.assign(url);
</script>"#;
    const SIGNED_IN: &str = r#"<!doctype html><meta charset="utf-8"><title>App</title><pre id="result"></pre>
<script type="module">
const params = new URLSearchParams(location.search);
let result;
if (params.get('state') !== sessionStorage.getItem('state')) {
  result = { error: 'state mismatch' };
} else if (params.get('error')) {
  result = { error: params.get('error'), description: params.get('error_description') };
} else {
  const answer = await fetch('SERVICE/auth/federation/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: params.get('code'), codeVerifier: sessionStorage.getItem('verifier'), redirectUri: location.origin + '/signed-in',
    }),
  });
  const tokens = await answer.json();
  if (!answer.ok) {
    result = { status: answer.status, body: tokens };
  } else {
    const me = await fetch('SERVICE/users/me', { headers: { authorization: 'Bearer ' + tokens.accessToken } });
    result = { status: answer.status, refreshToken: typeof tokens.refreshToken === 'string', profile: await me.json() };
  }
}
const out = document.getElementById('result');
out.textContent = JSON.stringify(result);
out.dataset.done = '1';
</script>"#;
    let page = |template: &str| axum::response::Html(template.replace("SERVICE", service));
    let (start, signed_in) = (page(START), page(SIGNED_IN));
    axum::Router::new()
        .route("/", axum::routing::get(move || async move { start }))
        .route("/signed-in", axum::routing::get(move || async move { signed_in }))
}

/// Signs `login` in from the app's start page in headless Chromium
/// (`support/browser-sign-in.mjs`): what the app ended up showing.
fn in_browser(app_start: &str, login: &str) -> Value {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    assert!(
        std::path::Path::new(&chromium).exists(),
        "no Chromium at {chromium}: run the test command, or `source scripts/tools.sh && tools_chromium`"
    );
    let script = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/support/browser-sign-in.mjs");
    let output = std::process::Command::new("node")
        .arg(script)
        .args([app_start, login])
        .env("CHROMIUM", &chromium)
        .env("PLAYWRIGHT_MODULES", crate::support::oidc::node_modules())
        .output()
        .expect("run node");
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "the browser flow failed: {stderr}\n{stdout}");
    serde_json::from_str(stdout.lines().last().unwrap_or_default()).unwrap_or_else(|_| panic!("{stdout}"))
}

#[tokio::test]
async fn a_person_signs_in_in_a_real_browser_and_the_app_holds_tokens() {
    let app_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let app_origin = format!("http://{}", app_listener.local_addr().unwrap());
    let setup = setup_with(|config| {
        config.federation.redirect_uris.push(format!("{app_origin}/signed-in"));
        config.server.cors_allowed_origins = vec![app_origin.clone()];
    })
    .await;
    let pages = browser_app(&setup.app.base);
    tokio::spawn(async move { axum::serve(app_listener, pages).await });

    let start = format!("{app_origin}/");
    let seen = tokio::task::spawn_blocking(move || in_browser(&start, ALICE.login)).await.unwrap();
    let result = &seen["result"];
    assert_eq!(result["status"], 200, "{seen}");
    assert_eq!(result["refreshToken"], true, "{seen}");
    assert_eq!(
        (result["profile"]["email"].as_str(), result["profile"]["name"].as_str()),
        (Some(setup.email(&ALICE).as_str()), Some(ALICE.name))
    );
    // The browser went app → service → provider → service → app.
    let visited: Vec<&str> = seen["visited"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    let issuer = setup.provider.issuer.trim_end_matches('/');
    assert!(visited.first().is_some_and(|url| url.starts_with(&app_origin)), "{visited:?}");
    assert!(visited.iter().any(|url| url.starts_with(issuer)), "{visited:?}");
    assert!(visited.last().is_some_and(|url| *url == format!("{app_origin}/signed-in")), "{visited:?}");
}
