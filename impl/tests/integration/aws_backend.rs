//! What only the AWS backend has: Cognito's RS256 tokens, sessions that the
//! service records itself, state shared by every instance, and registration
//! that leaves nothing behind when one of the two stores fails. Runs
//! against the moto server at `TEST_MOTO_URL`.

#![cfg(feature = "aws")]

use crate::support;

use std::sync::Arc;

use auth_service::adapters::aws::{AwsConfig, Clients, CognitoIdentity, CognitoSettings, DynamoStore};
use auth_service::app;
use auth_service::config::Config;
use auth_service::domain::federation::ChallengeKey;
use auth_service::domain::{Clock, Email, ManualClock, MfaKey, Password, SystemClock, UserId};
use auth_service::ports::{IdentityProvider, SignIn, SignUp};
use aws_sdk_cognitoidentityprovider::types::{AttributeType, AuthFlowType};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::Utc;
use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Sha256;
use support::{PASSWORD, TestApp, aws_config, error_body, moto_custom_auth_key, serve, str_field, test_config};

/// A server over `config`, which names a pool and table in moto.
async fn instance(config: &Config) -> TestApp {
    let (_, data) = test_config();
    let clock = Arc::new(ManualClock::starting_at(Utc::now()));
    let router = app::build_with_clock(config, clock.clone()).await.expect("app");
    serve(router, config.clone(), clock, data).await
}

async fn aws_app() -> TestApp {
    instance(&aws_config(test_config().0).await).await
}

async fn cognito(aws: &AwsConfig) -> aws_sdk_cognitoidentityprovider::Client {
    Clients::new(aws).await.expect("clients").cognito
}

#[tokio::test]
async fn tokens_are_cognito_rs256_tokens_that_verify_with_the_published_keys() {
    let app = aws_app().await;
    let login = app.signed_in_user("rs256@example.com").await;
    let jwks: Value = app.http.get(app.url("/.well-known/jwks.json")).send().await.unwrap().json().await.unwrap();
    let key = &jwks["keys"][0];
    assert_eq!(
        (key["kty"].as_str(), key["alg"].as_str(), key["use"].as_str()),
        (Some("RSA"), Some("RS256"), Some("sig"))
    );
    let decoding = DecodingKey::from_rsa_components(key["n"].as_str().unwrap(), key["e"].as_str().unwrap()).unwrap();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.validate_aud = false;
    let claims =
        jsonwebtoken::decode::<Value>(str_field(&login, "accessToken"), &decoding, &validation).unwrap().claims;
    assert_eq!(claims["token_use"], "access");
    assert_eq!(claims["client_id"], app.config.aws.client_id.as_str());
    assert_eq!(
        claims["iss"],
        format!("https://cognito-idp.us-east-1.amazonaws.com/{}", app.config.aws.user_pool_id).as_str()
    );
    assert_eq!(claims["sub"], login["user"]["id"]);
}

/// Tokens that Cognito issues to someone holding the client secret are
/// refused unless the service started their session, so signing in past
/// the service (and its second factor) gains nothing.
#[tokio::test]
async fn tokens_obtained_from_cognito_directly_are_refused() {
    let app = aws_app().await;
    let login = app.signed_in_user("bypass@example.com").await;
    let client = cognito(&app.config.aws).await;
    let described = client
        .describe_user_pool_client()
        .user_pool_id(&app.config.aws.user_pool_id)
        .client_id(&app.config.aws.client_id)
        .send()
        .await
        .unwrap();
    let secret = described.user_pool_client.unwrap().client_secret.unwrap();
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("bypass@example.com{}", app.config.aws.client_id).as_bytes());
    let direct = client
        .admin_initiate_auth()
        .user_pool_id(&app.config.aws.user_pool_id)
        .client_id(&app.config.aws.client_id)
        .auth_flow(AuthFlowType::AdminUserPasswordAuth)
        .auth_parameters("USERNAME", "bypass@example.com")
        .auth_parameters("PASSWORD", PASSWORD)
        .auth_parameters("SECRET_HASH", STANDARD.encode(mac.finalize().into_bytes()))
        .send()
        .await
        .unwrap();
    let result = direct.authentication_result.unwrap();
    let token = result.access_token.unwrap();
    error_body(app.get_authed("/users/me", &token).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    error_body(app.refresh(&result.refresh_token.unwrap()).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    assert_eq!(app.get_authed("/users/me", str_field(&login, "accessToken")).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_lockout_on_one_instance_holds_on_another() {
    let config = aws_config(test_config().0).await;
    let (a, b) = (instance(&config).await, instance(&config).await);
    a.signed_in_user("shared-lockout@example.com").await;
    for i in 0..5 {
        let response = a.login("shared-lockout@example.com", &format!("guess {i}")).await;
        error_body(response, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    }
    error_body(b.login("shared-lockout@example.com", PASSWORD).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
}

#[tokio::test]
async fn a_logout_on_one_instance_holds_on_another() {
    let config = aws_config(test_config().0).await;
    let (a, b) = (instance(&config).await, instance(&config).await);
    let on_a = a.signed_in_user("shared-logout@example.com").await;
    let on_b: Value = b.login("shared-logout@example.com", PASSWORD).await.json().await.unwrap();
    for (app, session) in [(&a, &on_b), (&b, &on_a)] {
        assert_eq!(app.get_authed("/users/me", str_field(session, "accessToken")).await.status(), StatusCode::OK);
    }
    assert_eq!(
        b.post_authed("/auth/logout", str_field(&on_b, "accessToken"), None).await.status(),
        StatusCode::NO_CONTENT
    );
    for session in [&on_a, &on_b] {
        let token = str_field(session, "accessToken");
        error_body(a.get_authed("/users/me", token).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        let refresh = str_field(session, "refreshToken");
        error_body(a.refresh(refresh).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    }
}

/// A port of 127.0.0.1 where nothing listens.
fn unreachable() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{address}")
}

/// A server whose Cognito or DynamoDB calls go to a dead port.
async fn with_unreachable(config: &Config, cognito_down: bool) -> TestApp {
    let up = Clients::new(&config.aws).await.unwrap();
    let down = Clients::new(&AwsConfig { endpoint_url: Some(unreachable()), ..config.aws.clone() }).await.unwrap();
    let clients =
        if cognito_down { Clients { cognito: down.cognito, ..up } } else { Clients { dynamodb: down.dynamodb, ..up } };
    let (_, data) = test_config();
    let clock = Arc::new(ManualClock::starting_at(Utc::now()));
    let key = MfaKey::from_base64(config.mfa.encryption_key.as_ref().unwrap()).unwrap();
    let challenge_key = app::aws_challenge_key(&config.aws, None).await.unwrap();
    let auth = Arc::new(app::aws_with_clients(config, clients, key, challenge_key, clock.clone()).unwrap());
    serve(auth_service::http::router(auth, &config.server), config.clone(), clock, data).await
}

async fn table_items(config: &Config) -> usize {
    let dynamodb = Clients::new(&config.aws).await.unwrap().dynamodb;
    dynamodb.scan().table_name(&config.aws.table_name).send().await.unwrap().items().len()
}

#[tokio::test]
async fn registration_with_dynamodb_unreachable_leaves_no_cognito_user_and_can_be_retried() {
    let config = aws_config(test_config().0).await;
    let broken = with_unreachable(&config, false).await;
    error_body(
        broken.register("half@example.com", PASSWORD, "Half").await,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;
    let lookup = cognito(&config.aws)
        .await
        .admin_get_user()
        .user_pool_id(&config.aws.user_pool_id)
        .username("half@example.com")
        .send()
        .await;
    let code = lookup.err().and_then(|error| error.into_service_error().meta().code().map(str::to_owned));
    assert_eq!(code.as_deref(), Some("UserNotFoundException"), "the Cognito user was removed");

    let working = instance(&config).await;
    assert_eq!(working.register("half@example.com", PASSWORD, "Half").await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn registration_with_cognito_unreachable_stores_nothing() {
    let config = aws_config(test_config().0).await;
    let broken = with_unreachable(&config, true).await;
    error_body(
        broken.register("nowhere@example.com", PASSWORD, "Nowhere").await,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;
    assert_eq!(table_items(&config).await, 0);
    let login = broken.login("nowhere@example.com", PASSWORD).await;
    error_body(login, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable").await;
}

/// A Cognito password set before passwords were normalised (the text as
/// typed, decomposed) still signs in, and that sign-in sets the normalised
/// form, after which every spelling of it signs in.
#[tokio::test]
async fn a_cognito_password_set_as_typed_signs_in_and_is_replaced_by_its_normal_form() {
    let app = aws_app().await;
    let decomposed = "Man\u{303}ana-C\u{327}afe\u{301}-Gro\u{308}\u{df}e-2026";
    let composed = "Ma\u{f1}ana-\u{c7}af\u{e9}-Gr\u{f6}\u{df}e-2026";
    app.signed_in_user("as-typed@example.com").await;
    let client = cognito(&app.config.aws).await;
    client
        .admin_set_user_password()
        .user_pool_id(&app.config.aws.user_pool_id)
        .username("as-typed@example.com")
        .password(decomposed)
        .permanent(true)
        .send()
        .await
        .unwrap();
    assert_eq!(app.login("as-typed@example.com", composed).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("as-typed@example.com", decomposed).await.status(), StatusCode::OK);
    assert_eq!(app.login("as-typed@example.com", composed).await.status(), StatusCode::OK);
}

/// Moves a profile's stored address, and its claim, to `spelling`, as a
/// version that did not canonicalise domains would have stored it.
async fn store_address_as(config: &Config, user_id: &str, stored: &str, spelling: &str) {
    use aws_sdk_dynamodb::types::AttributeValue;
    let dynamodb = Clients::new(&config.aws).await.unwrap().dynamodb;
    let table = &config.aws.table_name;
    let s = |text: &str| AttributeValue::S(text.to_owned());
    dynamodb
        .update_item()
        .table_name(table)
        .key("pk", s(&format!("USER#{user_id}")))
        .key("sk", s("PROFILE"))
        .update_expression("SET email = :spelling")
        .expression_attribute_values(":spelling", s(spelling))
        .send()
        .await
        .unwrap();
    dynamodb
        .delete_item()
        .table_name(table)
        .key("pk", s(&format!("EMAIL#{stored}")))
        .key("sk", s("EMAIL"))
        .send()
        .await
        .unwrap();
    dynamodb
        .put_item()
        .table_name(table)
        .item("pk", s(&format!("EMAIL#{spelling}")))
        .item("sk", s("EMAIL"))
        .item("userId", s(user_id))
        .send()
        .await
        .unwrap();
}

/// The user ids of the address claims in the table, by claimed address.
async fn claims(config: &Config) -> std::collections::BTreeMap<String, String> {
    let dynamodb = Clients::new(&config.aws).await.unwrap().dynamodb;
    let items = dynamodb.scan().table_name(&config.aws.table_name).send().await.unwrap().items.unwrap_or_default();
    items
        .iter()
        .filter_map(|item| {
            let address = item["pk"].as_s().ok()?.strip_prefix("EMAIL#")?.to_owned();
            Some((address, item["userId"].as_s().ok()?.clone()))
        })
        .collect()
}

/// Addresses stored before domains were canonicalised are rewritten by
/// `auth-server migrate`: in the table (profile and claim) and in Cognito
/// (its `email`, the ASCII form). One whose canonical spelling belongs to
/// another account is left alone and counted. Running it again changes
/// nothing more.
#[tokio::test]
async fn the_migration_rewrites_addresses_stored_in_another_spelling_and_leaves_clashes_alone() {
    use auth_service::adapters::aws::migrate::{Respelled, canonicalise_addresses};
    let app = aws_app().await;
    let config = &app.config;
    let clients = Clients::new(&config.aws).await.unwrap();
    let id_of = |user: &Value| str_field(user, "id").to_owned();
    // Stored as A-labels, as before.
    let old = id_of(&app.signed_in_user("old@b\u{fc}cher.example").await["user"]);
    store_address_as(config, &old, "old@b\u{fc}cher.example", "old@xn--bcher-kva.example").await;
    // Two accounts that the old spelling let exist side by side.
    let first = id_of(&app.signed_in_user("twice@example.com").await["user"]);
    store_address_as(config, &first, "twice@example.com", "twice@xn--bcher-kva.example").await;
    app.signed_in_user("twice@b\u{fc}cher.example").await;
    // Cognito's `email` in another spelling than the one the service signs in with.
    let other = app.signed_in_user("cased@b\u{fc}cher.example").await;
    cognito(&config.aws)
        .await
        .admin_update_user_attributes()
        .user_pool_id(&config.aws.user_pool_id)
        .username(id_of(&other["user"]))
        .user_attributes(AttributeType::builder().name("email").value("Cased@XN--BCHER-KVA.example").build().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(app.login("cased@b\u{fc}cher.example", PASSWORD).await.status(), StatusCode::UNAUTHORIZED);

    let done = canonicalise_addresses(&clients, config).await.unwrap();
    assert_eq!(done, Respelled { profiles: 4, rewritten: 1, cognito_updated: 1, clashes: 1 });

    let claims = claims(config).await;
    assert_eq!(claims.get("old@b\u{fc}cher.example"), Some(&old), "{claims:?}");
    assert!(!claims.contains_key("old@xn--bcher-kva.example"), "{claims:?}");
    assert_eq!(claims.get("twice@xn--bcher-kva.example"), Some(&first), "the clash is left alone: {claims:?}");
    let signed_in: Value = app.login("OLD@xn--BCHER-kva.example", PASSWORD).await.json().await.unwrap();
    assert_eq!(signed_in["user"]["email"], "old@b\u{fc}cher.example");
    assert_eq!(app.login("cased@b\u{fc}cher.example", PASSWORD).await.status(), StatusCode::OK);

    let again = canonicalise_addresses(&clients, config).await.unwrap();
    assert_eq!(again, Respelled { profiles: 4, rewritten: 0, cognito_updated: 0, clashes: 1 });
}

/// A new secret in moto's Secrets Manager holding `keyring`; its name.
async fn keyring_secret(secrets: &aws_sdk_secretsmanager::Client, keyring: &Value) -> String {
    let name = format!("mfa-keys-{}", uuid::Uuid::new_v4().simple());
    secrets.create_secret().name(&name).secret_string(keyring.to_string()).send().await.expect("creating the secret");
    name
}

fn new_key() -> String {
    STANDARD.encode(MfaKey::generate())
}

/// Signs in through the second factor with `code`; the status of the last step.
async fn sign_in_with_second_factor(app: &TestApp, email: &str, code: &str) -> StatusCode {
    let login: Value = app.login(email, PASSWORD).await.json().await.expect("json");
    assert_eq!(login["mfaRequired"], true, "{login}");
    let session = str_field(&login, "mfaSession");
    app.post("/auth/mfa/verify", serde_json::json!({ "session": session, "code": code })).await.status()
}

/// The TOTP code `totp` shows at `app`'s time.
fn code_now(app: &TestApp, totp: &totp_rs::Totp) -> String {
    totp.generate(u64::try_from(app.clock.now().timestamp()).expect("after 1970")).to_string()
}

/// Registers `email` and turns MFA on; its authenticator and a backup code.
async fn enrolled(app: &TestApp, email: &str) -> (totp_rs::Totp, String) {
    let access = str_field(&app.signed_in_user(email).await, "accessToken").to_owned();
    let setup: Value = app.post_authed("/users/me/mfa/setup", &access, None).await.json().await.expect("json");
    let totp = totp_rs::Totp::from_url(str_field(&setup, "otpauthUri")).expect("an otpauth URI");
    let enable = serde_json::json!({ "password": PASSWORD, "code": code_now(app, &totp) });
    let enabled = app.post_authed("/users/me/mfa/verify", &access, Some(enable)).await;
    assert_eq!(enabled.status(), StatusCode::OK);
    let body: Value = enabled.json().await.expect("json");
    (totp, body["backupCodes"][0].as_str().expect("a backup code").to_owned())
}

#[tokio::test]
async fn the_mfa_keys_come_from_secrets_manager_and_a_rotation_keeps_what_the_old_key_sealed() {
    let mut config = aws_config(test_config().0).await;
    let secrets = Clients::new(&config.aws).await.expect("clients").secrets;
    let (old, new) = (new_key(), new_key());
    let secret = keyring_secret(&secrets, &serde_json::json!({ "current": old })).await;
    config.mfa.encryption_key = None;
    config.mfa.encryption_key_secret = Some(secret.clone());

    // Enrolled under the old key: the TOTP secret sealed, the backup codes digested.
    let before = instance(&config).await;
    let (early_totp, early_backup_code) = enrolled(&before, "early@example.com").await;

    // The rotation: a new current key, the old one kept as previous. A new
    // instance (a new execution environment) reads the rotated keyring,
    // opens what the old key sealed, and seals under the new one.
    let rotated = serde_json::json!({ "current": new, "previous": [old] }).to_string();
    secrets.put_secret_value().secret_id(&secret).secret_string(rotated).send().await.expect("rotating");
    let after = instance(&config).await;
    after.clock.advance(chrono::Duration::seconds(30));
    let code = code_now(&after, &early_totp);
    assert_eq!(sign_in_with_second_factor(&after, "early@example.com", &code).await, StatusCode::OK);
    assert_eq!(sign_in_with_second_factor(&after, "early@example.com", &early_backup_code).await, StatusCode::OK);
    let (late_totp, late_backup_code) = enrolled(&after, "late@example.com").await;

    // Once the old key is dropped, what only it sealed no longer opens;
    // what the new one sealed does.
    let only_new = serde_json::json!({ "current": new }).to_string();
    secrets.put_secret_value().secret_id(&secret).secret_string(only_new).send().await.expect("dropping the old key");
    let without_old = instance(&config).await;
    without_old.clock.advance(chrono::Duration::seconds(60));
    let code = code_now(&without_old, &early_totp);
    assert_ne!(sign_in_with_second_factor(&without_old, "early@example.com", &code).await, StatusCode::OK);
    let code = code_now(&without_old, &late_totp);
    assert_eq!(sign_in_with_second_factor(&without_old, "late@example.com", &code).await, StatusCode::OK);
    assert_eq!(sign_in_with_second_factor(&without_old, "late@example.com", &late_backup_code).await, StatusCode::OK);
}

/// The key shared with the pool's trigger, as deployed: a keyring in
/// Secrets Manager, whose previous keys still verify.
#[tokio::test]
async fn the_custom_authentication_key_comes_from_a_keyring_in_secrets_manager() {
    let config = aws_config(test_config().0).await;
    let secrets = Clients::new(&config.aws).await.expect("clients").secrets;
    let (old, new) = ("o".repeat(40), "n".repeat(40));
    let secret = keyring_secret(&secrets, &json!({ "current": new, "previous": [old] })).await;
    let aws = AwsConfig { custom_auth_key: None, custom_auth_key_secret: Some(secret), ..config.aws.clone() };
    let ring = app::aws_challenge_key(&aws, None).await.unwrap().expect("a key");
    let key = |text: &str| ChallengeKey::from_text(&text.to_owned().into()).unwrap();
    assert!(ring.verifies("user", "nonce", &key(&old).answer("user", "nonce")), "a previous key verifies");
    assert_eq!(ring.answer("user", "nonce"), key(&new).answer("user", "nonce"), "the current key answers");
    let neither = AwsConfig { custom_auth_key: None, custom_auth_key_secret: None, ..config.aws.clone() };
    assert!(app::aws_challenge_key(&neither, None).await.unwrap().is_none());
}

/// `federation.client_secrets_secret` fills in the client secret of a
/// provider that has none (the federated sign-in tests take theirs from
/// it on this backend); one that is malformed, or names a provider not
/// configured, stops the start without showing a value.
#[tokio::test]
async fn a_client_secrets_secret_that_is_malformed_or_names_another_provider_stops_the_start() {
    let mut config = aws_config(test_config().0).await;
    let secrets = Clients::new(&config.aws).await.expect("clients").secrets;
    let provider = auth_service::config::ProviderConfig {
        name: None,
        issuer: Some("https://provider.example".to_owned()),
        client_id: "client".to_owned(),
        client_secret: None,
        client_secret_file: None,
        scopes: Vec::new(),
        link_existing_accounts: true,
    };
    config.federation.callback_url = Some("https://auth.example/auth/federation/callback".to_owned());
    config.federation.redirect_uris = vec!["https://app.example/done".to_owned()];
    config.federation.providers.insert("local".to_owned(), provider);
    let value = "the client secret of a provider";
    let cases = [
        (json!({ "local": value }), None),
        (json!({ "other": value }), Some("\"other\", which is not a configured provider")),
        (json!(value), Some("not JSON of the form")),
        (json!({ "local": 42 }), Some("not JSON of the form")),
    ];
    for (stored, refused) in cases {
        config.federation.client_secrets_secret = Some(keyring_secret(&secrets, &stored).await);
        let clock = Arc::new(ManualClock::starting_at(Utc::now()));
        match (app::build_with_clock(&config, clock).await, refused) {
            (Ok(_), None) => {}
            (Err(error), Some(expected)) => {
                let error = format!("{error:#}");
                assert!(error.contains(expected), "{error}");
                assert!(!error.contains(value), "the value in {error}");
            }
            (outcome, expected) => panic!("{stored}: expected {expected:?}, got {:?}", outcome.err()),
        }
    }
}

#[tokio::test]
async fn a_keyring_secret_that_is_missing_or_malformed_stops_the_start_without_showing_its_value() {
    let mut config = aws_config(test_config().0).await;
    let secrets = Clients::new(&config.aws).await.expect("clients").secrets;
    let key = new_key();
    let malformed = keyring_secret(&secrets, &Value::String(key.clone())).await;
    config.mfa.encryption_key = None;
    for (secret, expected) in [(malformed.as_str(), "not JSON of the form"), ("no-such-secret", "no-such-secret")] {
        config.mfa.encryption_key_secret = Some(secret.to_owned());
        let clock = Arc::new(ManualClock::starting_at(Utc::now()));
        let error = format!("{:#}", app::build_with_clock(&config, clock).await.expect_err("refused"));
        assert!(error.contains(secret) && error.contains(expected), "{error}");
        assert!(!error.contains(&key), "the key in {error}");
    }
}

/// The Cognito provider over `config`'s pool, answering custom challenges
/// with `key`.
async fn cognito_identity(config: &Config, key: ChallengeKey) -> CognitoIdentity {
    let clients = Clients::new(&config.aws).await.expect("clients");
    let settings = CognitoSettings {
        user_pool_id: config.aws.user_pool_id.clone(),
        client_id: config.aws.client_id.clone(),
        client_secret: None,
        issuer: clients.issuer.clone(),
        jwks_url: clients.jwks_url.clone(),
    };
    let store = DynamoStore::new(clients.dynamodb, &config.aws.table_name, std::time::Duration::from_secs(3600));
    CognitoIdentity::new(clients.cognito, settings, store, Arc::new(SystemClock), Some(key))
}

#[tokio::test]
async fn a_federated_sign_in_gets_cognito_tokens_by_custom_authentication_answered_with_the_shared_key() {
    let config = aws_config(test_config().0).await;
    let key = ChallengeKey::from_text(&moto_custom_auth_key().into()).unwrap();
    let cognito = cognito_identity(&config, key).await;
    let email = Email::parse("email", "federated@example.com").unwrap();
    let Ok(SignUp::Created { user_id, .. }) = cognito.invite(&email).await else { panic!("no account created") };

    // The pool's triggers run `auth-challenge` (scripts/moto_cognito.py).
    let grant = cognito.federated_grant(user_id).await.unwrap().expect("a grant for a confirmed user");
    let issued = cognito.issue(user_id, grant).await.unwrap();
    let principal = cognito.verify_access_token(&issued.access_token).await.unwrap().expect("Cognito's access token");
    assert_eq!(principal.user_id, user_id);
    // Each grant is a sign-in of its own.
    let again = cognito.issue(user_id, cognito.federated_grant(user_id).await.unwrap().unwrap()).await.unwrap();
    assert_ne!(again.session_id, issued.session_id);

    // No password was set or used: one still can't sign in with any.
    let password = Password::parse("password", PASSWORD).unwrap();
    assert!(matches!(cognito.sign_in(&email, &password).await.unwrap(), SignIn::InvalidCredentials));

    // Unknown users get no grant.
    assert!(cognito.federated_grant(UserId(uuid::Uuid::new_v4())).await.unwrap().is_none());

    // An answer under another key is refused by the trigger: no tokens.
    let stranger = cognito_identity(&config, ChallengeKey::from_text(&ChallengeKey::generate()).unwrap()).await;
    let refused = stranger.federated_grant(user_id).await;
    assert!(refused.is_err(), "a grant for the wrong key's answer");
}
