//! Each account keeps a security history: what happened to it, when and
//! from which address, newest first.

mod support;

use std::net::IpAddr;

use auth_service::domain::{AuthService, Clock, UserId};
use auth_service::ports::SecurityEventKind::{self, *};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{CHROME_ON_ANDROID, FIREFOX_ON_MACOS, PASSWORD, TestApp, spawn_app_and_service, str_field};
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
        [(SignedOut, here), (PasswordChanged, here), (SignInFailed, here), (SignedIn, here), (SignedUp, None)]
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

async fn activity(app: &TestApp, token: &str, query: &str) -> reqwest::Response {
    app.get_authed(&format!("/users/me/security-events{query}"), token).await
}

/// The account's activity, as its user reads it: newest first, a page at a
/// time, each event with its time, address and device.
#[tokio::test]
async fn the_activity_lists_what_happened_newest_first_a_page_at_a_time() {
    let (app, _) = spawn_app_and_service().await;
    let email = "activity@example.com";
    assert_eq!(app.register(email, PASSWORD, "Ada Lovelace").await.status(), StatusCode::CREATED);
    let step = || app.clock.advance(chrono::Duration::seconds(1));
    step();
    let laptop: Value = app.login_from(email, PASSWORD, FIREFOX_ON_MACOS).await.json().await.unwrap();
    step();
    let phone: Value = app.login_from(email, PASSWORD, CHROME_ON_ANDROID).await.json().await.unwrap();
    step();
    assert_eq!(app.login_from(email, "not the password", CHROME_ON_ANDROID).await.status(), StatusCode::UNAUTHORIZED);
    step();
    let token = str_field(&laptop, "accessToken");
    let sessions: Value = app.get_authed("/users/me/sessions", token).await.json().await.unwrap();
    let phone_session = sessions["sessions"].as_array().unwrap().iter().find(|s| s["current"] == false).unwrap();
    let ended = app
        .http
        .delete(app.url(&format!("/users/me/sessions/{}", str_field(phone_session, "id"))))
        .bearer_auth(token)
        .header(reqwest::header::USER_AGENT, FIREFOX_ON_MACOS)
        .send()
        .await
        .unwrap();
    assert_eq!(ended.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get_authed("/users/me", str_field(&phone, "accessToken")).await.status(), StatusCode::UNAUTHORIZED);

    // The failed sign-in's event is written after its answer.
    let mut pages = Vec::new();
    for _ in 0..250 {
        let first: Value = activity(&app, token, "?limit=2").await.json().await.unwrap();
        if first["events"][1]["type"] == "sign_in_failed" {
            pages.push(first);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(pages.len(), 1, "the failed sign-in was not recorded");
    while let Some(cursor) = pages.last().and_then(|page: &Value| page["nextCursor"].as_str().map(str::to_owned)) {
        let next = activity(&app, token, &format!("?limit=2&cursor={cursor}")).await;
        assert_eq!(next.status(), StatusCode::OK);
        pages.push(next.json().await.unwrap());
    }
    let seen: Vec<(String, String)> = pages
        .iter()
        .flat_map(|page| page["events"].as_array().unwrap().clone())
        .map(|event| (event["type"].as_str().unwrap().to_owned(), event["device"].as_str().unwrap().to_owned()))
        .collect();
    let expected = [
        ("session_ended", "Firefox on macOS"),
        ("sign_in_failed", "Chrome on Android"),
        ("signed_in", "Chrome on Android"),
        ("signed_in", "Firefox on macOS"),
        ("signed_up", "Unknown device"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
    assert_eq!(seen, expected);
    assert_eq!(pages.len(), 3, "pages of 2, 2 and 1");
    assert!(pages[2].get("nextCursor").is_none(), "{}", pages[2]);
    assert_eq!(pages[0]["events"][0]["ipAddress"], "127.0.0.1");

    // Any cursor of the contract's shape is a position: before every event, nothing older.
    let huge = format!("?cursor=999999999999999-{}", "f".repeat(64));
    for nothing_older in ["?cursor=0-0", huge.as_str()] {
        let page = activity(&app, token, nothing_older).await;
        assert_eq!(page.status(), StatusCode::OK, "{nothing_older}");
        let page: Value = page.json().await.unwrap();
        let expected = if nothing_older.contains("-0") { 0 } else { 5 };
        assert_eq!(page["events"].as_array().unwrap().len(), expected, "{nothing_older}: {page}");
    }
    for bad in ["?limit=0", "?limit=101", "?limit=x", "?cursor=not-a-cursor", "?cursor=", "?cursor=12.1f"] {
        let refused = activity(&app, token, bad).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
}
