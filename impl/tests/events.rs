//! Each account keeps a security history: what happened to it, when and
//! from which address, newest first.

mod support;

use std::net::IpAddr;

use auth_service::domain::{AuthService, Clock, UserId};
use auth_service::ports::SecurityEventKind::{self, *};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{PASSWORD, TestApp, spawn_app_and_service, str_field};
use totp_rs::Totp;

async fn history(auth: &AuthService, login: &Value) -> Vec<(SecurityEventKind, Option<IpAddr>)> {
    let user_id = UserId(login["user"]["id"].as_str().expect("id").parse().expect("uuid"));
    let events = auth.security_events(user_id, 20).await.expect("events");
    assert!(events.windows(2).all(|pair| pair[0].at >= pair[1].at), "newest first: {events:?}");
    events.into_iter().map(|event| (event.kind, event.ip)).collect()
}

/// The history once it holds `count` events: a failed sign-in's event is
/// written after the answer (so that its cost does not tell existing
/// accounts from unknown ones), so it may land a moment later. Waits at
/// most 5 s.
async fn history_of(auth: &AuthService, login: &Value, count: usize) -> Vec<(SecurityEventKind, Option<IpAddr>)> {
    for _ in 0..250 {
        let events = history(auth, login).await;
        if events.len() >= count {
            return events;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    history(auth, login).await
}

#[tokio::test]
async fn sign_ins_failures_and_changes_are_recorded_newest_first_with_the_address() {
    let (app, auth) = spawn_app_and_service().await;
    let login = app.signed_in_user("history@example.com").await;
    let here: Option<IpAddr> = "127.0.0.1".parse().ok();
    let failed = app.login("history@example.com", "not the password").await;
    assert_eq!(failed.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(history_of(&auth, &login, 3).await.len(), 3, "the failed sign-in was not recorded");
    let token = str_field(&login, "accessToken");
    let changed = app
        .post_authed(
            "/users/me/password",
            token,
            Some(json!({ "currentPassword": PASSWORD, "newPassword": "a new passphrase" })),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.post_authed("/auth/logout", token, None).await.status(), StatusCode::NO_CONTENT);

    assert_eq!(
        history(&auth, &login).await,
        [(SignedOut, None), (PasswordChanged, here), (SignInFailed, here), (SignedIn, here), (SignedUp, None)]
    );
}

#[tokio::test]
async fn failed_sign_ins_for_unknown_addresses_record_nothing_and_answer_alike() {
    let (app, auth) = spawn_app_and_service().await;
    let login = app.signed_in_user("known@example.com").await;
    let unknown = app.login("unknown@example.com", "not the password").await;
    let known = app.login("known@example.com", "not the password").await;
    assert_eq!((unknown.status(), known.status()), (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED));
    let (unknown, known): (Value, Value) = (unknown.json().await.unwrap(), known.json().await.unwrap());
    assert_eq!((&unknown["code"], &unknown["message"]), (&known["code"], &known["message"]));
    let kinds: Vec<SecurityEventKind> = history_of(&auth, &login, 3).await.into_iter().map(|(kind, _)| kind).collect();
    assert_eq!(kinds, [SignInFailed, SignedIn, SignedUp]);
}

#[tokio::test]
async fn second_factor_changes_and_failures_are_recorded() {
    let (app, auth) = spawn_app_and_service().await;
    let login = app.signed_in_user("mfa-history@example.com").await;
    let here: Option<IpAddr> = "127.0.0.1".parse().ok();
    let token = str_field(&login, "accessToken");
    let setup: Value = app.post_authed("/users/me/mfa/setup", token, None).await.json().await.unwrap();
    let totp = Totp::from_url(str_field(&setup, "otpauthUri")).expect("an otpauth URI");
    let code = |app: &TestApp| totp.generate(u64::try_from(app.clock.now().timestamp()).unwrap()).to_string();
    let enable = json!({ "password": PASSWORD, "code": code(&app) });
    let enabled = app.post_authed("/users/me/mfa/verify", token, Some(enable)).await;
    assert_eq!(enabled.status(), StatusCode::OK);

    let challenge: Value = app.login("mfa-history@example.com", PASSWORD).await.json().await.unwrap();
    let session = str_field(&challenge, "mfaSession");
    let wrong = if code(&app) == "000000" { "111111" } else { "000000" };
    let refused = app.post("/auth/mfa/verify", json!({ "session": session, "code": wrong })).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    app.clock.advance(chrono::Duration::seconds(30));
    let signed_in = app.post("/auth/mfa/verify", json!({ "session": session, "code": code(&app) })).await;
    assert_eq!(signed_in.status(), StatusCode::OK);

    assert_eq!(
        history(&auth, &login).await,
        [(SignedIn, here), (SecondFactorFailed, here), (MfaEnabled, here), (SignedIn, here), (SignedUp, None)]
    );
}

/// A refresh token presented again after its rotation's grace window ends
/// its session, and the history says so, with the address it came from.
#[tokio::test]
async fn a_reused_refresh_token_is_recorded() {
    let (app, auth) = spawn_app_and_service().await;
    let login = app.signed_in_user("reused@example.com").await;
    let stolen = str_field(&login, "refreshToken");
    assert_eq!(app.refresh(stolen).await.status(), StatusCode::OK);
    app.clock.advance(chrono::Duration::seconds(11));
    assert_eq!(app.refresh(stolen).await.status(), StatusCode::UNAUTHORIZED);
    // Once: the session is gone, so a second replay finds nothing to end.
    assert_eq!(app.refresh(stolen).await.status(), StatusCode::UNAUTHORIZED);
    let here: Option<IpAddr> = "127.0.0.1".parse().ok();
    assert_eq!(history(&auth, &login).await, [(RefreshTokenReused, here), (SignedIn, here), (SignedUp, None)]);
}
