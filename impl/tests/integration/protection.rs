//! Every protected operation against every kind of bad credential, and the
//! limits on guessing passwords.

use crate::support;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::{PASSWORD, TestApp, error_body, every_operation, spawn_app_and_service_with, spawn_app_with, str_field};

/// Protected operations with a body that is valid for each.
fn protected_operations() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (Method::GET, "/users/me", None),
        (Method::PATCH, "/users/me", Some(json!({ "name": "Mallory" }))),
        (
            Method::POST,
            "/users/me/password",
            Some(json!({ "currentPassword": PASSWORD, "newPassword": "taken over account" })),
        ),
        (Method::POST, "/auth/logout", None),
    ]
}

async fn call(
    app: &TestApp,
    method: &Method,
    path: &str,
    body: &Option<Value>,
    authorization: Option<&str>,
) -> reqwest::Response {
    let mut request = app.http.request(method.clone(), app.url(path));
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.unwrap()
}

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap())
}

fn part(token: &str, index: usize) -> Value {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(token.split('.').nth(index).unwrap()).unwrap()).unwrap()
}

/// An ES256 token with the same claims, signed by a key the server never saw.
fn signed_by_a_stranger(token: &str) -> String {
    let key = p256::SecretKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
    let pem = p256::pkcs8::EncodePrivateKey::to_pkcs8_pem(&key, p256::pkcs8::LineEnding::LF).unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
    header.kid = part(token, 0)["kid"].as_str().map(str::to_owned);
    let encoding = jsonwebtoken::EncodingKey::from_ec_pem(pem.as_bytes()).unwrap();
    jsonwebtoken::encode(&header, &part(token, 1), &encoding).unwrap()
}

/// The same claims with `alg: none` and no signature.
fn unsigned(token: &str) -> String {
    let mut header = part(token, 0);
    header["alg"] = json!("none");
    format!("{}.{}.", b64(&header), b64(&part(token, 1)))
}

/// HS256 with the server's public key as the HMAC secret: the classic
/// algorithm-confusion forgery.
fn hmac_with_public_key(token: &str, jwks: &Value) -> String {
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    header.kid = part(token, 0)["kid"].as_str().map(str::to_owned);
    let secret = serde_json::to_vec(&jwks["keys"][0]).unwrap();
    jsonwebtoken::encode(&header, &part(token, 1), &jsonwebtoken::EncodingKey::from_secret(&secret)).unwrap()
}

/// Valid signature, but claims altered after signing.
fn tampered(token: &str) -> String {
    let mut claims = part(token, 1);
    claims["sub"] = json!(uuid::Uuid::new_v4().to_string());
    let pieces: Vec<&str> = token.split('.').collect();
    format!("{}.{}.{}", pieces[0], b64(&claims), pieces[2])
}

#[tokio::test]
async fn every_protected_operation_refuses_every_kind_of_bad_token() {
    let app = spawn_app_with(|config| config.server.rate_limit_burst = 1000).await;
    let victim = app.signed_in_user("victim@example.com").await;
    let access = str_field(&victim, "accessToken").to_owned();
    let jwks: Value = app.http.get(app.url("/.well-known/jwks.json")).send().await.unwrap().json().await.unwrap();

    let expired_session = app.signed_in_user("expired@example.com").await;
    let revoked_session = app.signed_in_user("revoked@example.com").await;
    let revoked = str_field(&revoked_session, "accessToken").to_owned();
    let relogin: Value = app.login("revoked@example.com", PASSWORD).await.json().await.unwrap();
    assert_eq!(
        app.post_authed("/auth/logout", str_field(&relogin, "accessToken"), None).await.status(),
        StatusCode::NO_CONTENT
    );

    let bad: Vec<(&str, Option<String>)> = vec![
        ("no header", None),
        ("empty bearer", Some("Bearer ".to_owned())),
        ("basic scheme", Some(format!("Basic {}", URL_SAFE_NO_PAD.encode("victim@example.com:password")))),
        ("garbage", Some("Bearer not.a.jwt".to_owned())),
        ("wrong signature", Some(format!("Bearer {}", signed_by_a_stranger(&access)))),
        ("alg none", Some(format!("Bearer {}", unsigned(&access)))),
        ("hs256 with the public key", Some(format!("Bearer {}", hmac_with_public_key(&access, &jwks)))),
        ("tampered claims", Some(format!("Bearer {}", tampered(&access)))),
        ("id token as access token", Some(format!("Bearer {}", str_field(&victim, "idToken")))),
        ("refresh token as access token", Some(format!("Bearer {}", str_field(&victim, "refreshToken")))),
        ("issued before logout", Some(format!("Bearer {revoked}"))),
    ];
    for (method, path, body) in protected_operations() {
        for (kind, authorization) in &bad {
            let response = call(&app, &method, path, &body, authorization.as_deref()).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{method} {path} with {kind}");
            let challenge = response.headers().get("www-authenticate").map(|v| v.to_str().unwrap().to_owned());
            let body = error_body(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
            let expected = if authorization.is_some() { r#"Bearer error="invalid_token""# } else { "Bearer" };
            assert_eq!(challenge.as_deref(), Some(expected), "{method} {path} with {kind}: {body}");
        }
    }

    // Expired: the same check once the clock has moved past `exp`.
    let lifetime = expired_session["expiresIn"].as_i64().expect("expiresIn");
    app.clock.advance(chrono::Duration::seconds(lifetime + 60));
    for (method, path, body) in protected_operations() {
        let authorization = format!("Bearer {}", str_field(&expired_session, "accessToken"));
        error_body(
            call(&app, &method, path, &body, Some(&authorization)).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        )
        .await;
    }

    // None of the attempts changed the victim's account.
    let fresh: Value = app.login("victim@example.com", PASSWORD).await.json().await.unwrap();
    assert_eq!(fresh["user"]["name"], "Ada Lovelace");
}

#[tokio::test]
async fn an_unknown_email_gets_exactly_the_answer_of_a_wrong_password() {
    let app = spawn_app_with(|_| {}).await;
    app.signed_in_user("known@example.com").await;
    let wrong = app.login("known@example.com", "not the password").await;
    let unknown = app.login("nobody@example.com", "not the password").await;
    let header = |response: &reqwest::Response| response.headers()["www-authenticate"].to_str().unwrap().to_owned();
    assert_eq!((header(&wrong), header(&unknown)), ("Bearer".to_owned(), "Bearer".to_owned()), "no token was refused");
    let wrong = error_body(wrong, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let unknown = error_body(unknown, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let strip = |mut body: Value| {
        body.as_object_mut().unwrap().remove("requestId");
        body
    };
    assert_eq!(strip(wrong), strip(unknown));
}

async fn fail_logins(app: &TestApp, email: &str, times: usize) {
    for _ in 0..times {
        assert_eq!(app.login(email, "not the password").await.status(), StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn five_failures_lock_an_account_and_an_unknown_email_alike() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    app.signed_in_user("locked@example.com").await;
    for email in ["locked@example.com", "ghost@example.com"] {
        fail_logins(&app, email, 5).await;
        let body =
            error_body(app.login(email, "not the password").await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        assert_eq!(body["message"], "Too many attempts; try again later.");
    }
    // Locked even with the right password, until the window ends.
    let locked = app.login("locked@example.com", PASSWORD).await;
    let retry_after: i64 = locked.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    app.clock.advance(chrono::Duration::seconds(retry_after));
    assert_eq!(app.login("locked@example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_successful_login_resets_the_account_counter() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    app.signed_in_user("reset@example.com").await;
    fail_logins(&app, "reset@example.com", 4).await;
    assert_eq!(app.login("reset@example.com", PASSWORD).await.status(), StatusCode::OK);
    fail_logins(&app, "reset@example.com", 4).await;
    assert_eq!(app.login("reset@example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn failures_from_one_address_across_accounts_are_limited() {
    let app = spawn_app_with(|_| {}).await;
    for i in 0..5 {
        fail_logins(&app, &format!("spray{i}@example.com"), 1).await;
    }
    error_body(
        app.login("spray9@example.com", "not the password").await,
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
    )
    .await;
}

#[tokio::test]
async fn concurrent_guesses_cannot_overrun_the_account_limit() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    app.signed_in_user("burst@example.com").await;
    let guesses = (0..20).map(|i| {
        let app = &app;
        async move { app.login("burst@example.com", &format!("guess number {i}")).await.status() }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert_eq!(checked, 5, "exactly five passwords were tried: {statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count(), 15);
}

#[tokio::test]
async fn wrong_current_passwords_count_toward_the_lockout() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    let login = app.signed_in_user("stolen@example.com").await;
    let token = str_field(&login, "accessToken");
    for i in 0..5 {
        let body = json!({ "currentPassword": format!("guess {i}"), "newPassword": "attacker passphrase" });
        error_body(
            app.post_authed("/users/me/password", token, Some(body)).await,
            StatusCode::FORBIDDEN,
            "current_password_incorrect",
        )
        .await;
    }
    let body = json!({ "currentPassword": PASSWORD, "newPassword": "attacker passphrase" });
    error_body(
        app.post_authed("/users/me/password", token, Some(body)).await,
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
    )
    .await;
    error_body(app.login("stolen@example.com", PASSWORD).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}

#[tokio::test]
async fn a_flood_from_one_client_is_throttled_on_every_operation() {
    for operation in every_operation() {
        // A server per operation, so that each starts with a full bucket.
        let app = spawn_app_with(|config| {
            config.server.rate_limit_per_second = 1;
            config.server.rate_limit_burst = 3;
        })
        .await;
        let mut throttled = None;
        for _ in 0..6 {
            let mut request = operation.request(&app.http, &app.base, "some-token");
            if let Some(body) = &operation.body {
                request = request.json(body);
            }
            let response = request.send().await.unwrap();
            if response.status() == StatusCode::TOO_MANY_REQUESTS {
                throttled = Some(response);
                break;
            }
        }
        let response = throttled.unwrap_or_else(|| panic!("{} was never throttled", operation.describe()));
        error_body(response, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ins_abandoned_half_way_leave_no_attempt_counted() {
    let (app, auth) = spawn_app_and_service_with(|config| {
        config.login.max_failures_per_account = 2;
        config.login.max_failures_per_ip = 2;
    })
    .await;
    app.signed_in_user("abandoned@example.com").await;
    let client = auth_service::domain::Client { ip: Some([203, 0, 113, 7].into()), user_agent: None };
    let email = || auth_service::domain::Email::parse("email", "abandoned@example.com").unwrap();
    let password = |raw: &str| auth_service::domain::Password::parse("password", raw).unwrap();
    // Abandoned at every stage: while counting, while the password is
    // hashed, while settling (a request that times out, a client that hangs up).
    for index in 0..40u64 {
        let raw = if index % 2 == 0 { PASSWORD } else { "not the password" };
        let wait = std::time::Duration::from_micros(index * 250);
        let _ = tokio::time::timeout(wait, auth.login(email(), password(raw), &client)).await;
    }
    // Give abandoned counting and giving back time to finish, then check
    // that neither the account nor the address is held: every right
    // password gets through, and wrong ones are limited exactly as before.
    let mut signed_in = false;
    for _ in 0..100 {
        if auth.login(email(), password(PASSWORD), &client).await.is_ok() {
            signed_in = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(signed_in, "abandoned sign-ins left the account or the address locked");
    for _ in 0..3 {
        assert!(auth.login(email(), password(PASSWORD), &client).await.is_ok());
    }
    for _ in 0..2 {
        let wrong = auth.login(email(), password("not the password"), &client).await;
        assert!(matches!(wrong, Err(auth_service::domain::AuthError::InvalidCredentials)), "{:?}", wrong.err());
    }
    let limited = auth.login(email(), password(PASSWORD), &client).await;
    assert!(matches!(limited, Err(auth_service::domain::AuthError::RateLimited { .. })), "{:?}", limited.err());
}

/// A sign-in as if sent through a proxy that reports `forwarded` as the
/// client address (`None`: no header at all).
async fn login_from(app: &TestApp, forwarded: Option<&str>, email: &str, password: &str) -> StatusCode {
    let mut request = app.http.post(app.url("/auth/login")).json(&json!({ "email": email, "password": password }));
    if let Some(forwarded) = forwarded {
        request = request.header("x-forwarded-for", forwarded);
    }
    request.send().await.unwrap().status()
}

fn behind_a_proxy(config: &mut auth_service::config::Config) {
    config.server.client_ip_header = Some("x-forwarded-for".to_owned());
    config.login.max_failures_per_account = 1000;
}

/// One IPv6 client holds a whole prefix (/64 by default): rotating through
/// its addresses does not buy more guesses.
#[tokio::test]
async fn failed_sign_ins_from_one_ipv6_prefix_share_one_limit() {
    let app = spawn_app_with(behind_a_proxy).await;
    for i in 1..=5 {
        let address = format!("2001:db8:7:8:{i:x}:{i:x}::{i:x}");
        assert_eq!(login_from(&app, Some(&address), "someone@example.com", "a guess").await, StatusCode::UNAUTHORIZED);
    }
    let same_prefix = login_from(&app, Some("2001:db8:7:8:ffff::1"), "someone@example.com", "a guess").await;
    assert_eq!(same_prefix, StatusCode::TOO_MANY_REQUESTS);
    let mapped_elsewhere = login_from(&app, Some("2001:db8:7:9::1"), "someone@example.com", "a guess").await;
    assert_eq!(mapped_elsewhere, StatusCode::UNAUTHORIZED, "another /64 is another client");
}

#[tokio::test]
async fn the_ipv6_prefix_that_makes_one_client_is_configurable() {
    let app = spawn_app_with(|config| {
        behind_a_proxy(config);
        config.server.client_ipv6_prefix = 48;
    })
    .await;
    for i in 1..=5 {
        let address = format!("2001:db8:7:{i:x}::1");
        assert_eq!(login_from(&app, Some(&address), "someone@example.com", "a guess").await, StatusCode::UNAUTHORIZED);
    }
    let same_48 = login_from(&app, Some("2001:db8:7:ffff::1"), "someone@example.com", "a guess").await;
    assert_eq!(same_48, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn requests_rotating_through_an_ipv6_prefix_are_rate_limited_as_one_client() {
    let app = spawn_app_with(|config| {
        config.server.client_ip_header = Some("x-forwarded-for".to_owned());
        config.server.rate_limit_per_second = 1;
        config.server.rate_limit_burst = 3;
    })
    .await;
    let health = async |address: String| {
        app.http.get(app.url("/health")).header("x-forwarded-for", address).send().await.unwrap().status()
    };
    let mut statuses = Vec::new();
    for i in 1..=6 {
        statuses.push(health(format!("2001:db8:5:6::{i:x}")).await);
    }
    assert!(statuses.contains(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    assert_eq!(health("2001:db8:5:7::1".to_owned()).await, StatusCode::OK, "another /64 is another client");
}

/// With a proxy header configured, a request whose header is missing or
/// unreadable is counted by its peer address: never by no address at all.
#[tokio::test]
async fn a_missing_or_unreadable_client_address_header_falls_back_to_the_peer_address() {
    let app = spawn_app_with(behind_a_proxy).await;
    let unreadable = [None, Some("unknown"), Some("198.51.100.7,"), Some("[2001:db8::1"), Some("for=198.51.100.7")];
    for forwarded in unreadable {
        assert_eq!(login_from(&app, forwarded, "someone@example.com", "a guess").await, StatusCode::UNAUTHORIZED);
    }
    for forwarded in unreadable {
        let status = login_from(&app, forwarded, "someone@example.com", "a guess").await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{forwarded:?} escaped the peer address's limit");
    }
}

/// The address forms proxies write with a port or in brackets are read as the address.
#[tokio::test]
async fn addresses_with_a_port_or_in_brackets_are_the_address() {
    let app = spawn_app_with(behind_a_proxy).await;
    let spellings = [
        ["198.51.100.9:1234", "198.51.100.9", "198.51.100.9:80", "198.51.100.9:1", "198.51.100.9:2", "198.51.100.9:5"],
        [
            "[2001:db8:9::1]",
            "[2001:db8:9::2]:443",
            "2001:db8:9::3",
            "[2001:db8:9::4]",
            "[2001:db8:9::5]:1",
            "2001:db8:9::6",
        ],
    ];
    for client in spellings {
        for forwarded in &client[..5] {
            let status = login_from(&app, Some(forwarded), "someone@example.com", "a guess").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{forwarded}");
        }
        let status = login_from(&app, Some(client[5]), "someone@example.com", "a guess").await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{client:?} were not one client");
    }
    // The peer address was never counted.
    assert_eq!(login_from(&app, None, "someone@example.com", "a guess").await, StatusCode::UNAUTHORIZED);
}
