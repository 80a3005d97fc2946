//! Each account keeps a security history: what happened to it, when and
//! from which address, newest first. Its address is told by mail of every
//! change to how it signs in, and the account can be deleted, leaving
//! nothing of it behind.

use crate::support;

use std::net::IpAddr;

use auth_service::domain::{AuthService, Clock, UserId};
use auth_service::ports::SecurityEventKind::{self, *};
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{
    CHROME_ON_ANDROID, FIREFOX_ON_MACOS, PASSWORD, TestApp, contains, error_body, mailed, spawn_app,
    spawn_app_and_service, store_values, str_field, wait_for_mail,
};
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

/// Turns MFA on for the session `token`; answers the authenticator and the backup codes.
async fn enable_mfa(app: &TestApp, token: &str) -> (Totp, Vec<String>) {
    let setup: Value = app.post_authed("/users/me/mfa/setup", token, None).await.json().await.unwrap();
    let totp = Totp::from_url(str_field(&setup, "otpauthUri")).expect("an otpauth URI");
    let enable = json!({ "password": PASSWORD, "code": current_code(app, &totp) });
    let enabled = app.post_authed("/users/me/mfa/verify", token, Some(enable)).await;
    assert_eq!(enabled.status(), StatusCode::OK);
    let body: Value = enabled.json().await.unwrap();
    let codes = body["backupCodes"].as_array().unwrap().iter().map(|code| code.as_str().unwrap().to_owned()).collect();
    (totp, codes)
}

fn current_code(app: &TestApp, totp: &Totp) -> String {
    totp.generate(u64::try_from(app.clock.now().timestamp()).unwrap()).to_string()
}

/// What a notice may not carry: a link, or a run of six digits or more,
/// which could be a code that acts on the account.
fn assert_no_link_or_code(text: &str) {
    assert!(!text.contains("://") && !text.contains("www."), "a link in {text}");
    let digits = text.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
    assert!(digits < 6, "a run of {digits} digits in {text}");
}

/// The address is told of every change to how the account signs in, with
/// when and from which device, and of nothing routine.
#[tokio::test]
async fn every_change_to_how_the_account_signs_in_is_mailed_to_its_address() {
    let app = spawn_app().await;
    let email = "noticed@example.com";
    assert_eq!(app.register(email, PASSWORD, "Ada").await.status(), StatusCode::CREATED);
    let login: Value = app.login_from(email, PASSWORD, FIREFOX_ON_MACOS).await.json().await.unwrap();
    let token = str_field(&login, "accessToken").to_owned();
    let renamed = app.http.patch(app.url("/users/me")).bearer_auth(&token).json(&json!({ "name": "Ada L." })).send();
    assert_eq!(renamed.await.unwrap().status(), StatusCode::OK);

    let new_password = "a brand new passphrase";
    let change = json!({ "currentPassword": PASSWORD, "newPassword": new_password });
    let changed = app
        .http
        .post(app.url("/users/me/password"))
        .bearer_auth(&token)
        .header(reqwest::header::USER_AGENT, FIREFOX_ON_MACOS)
        .json(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    let changed = wait_for_mail(&app, email, "Your password was changed").await;
    assert!(changed[0].text.contains("Device: Firefox on macOS"), "{}", changed[0].text);
    assert!(changed[0].text.contains("Network address: 127.0.0.1"), "{}", changed[0].text);

    let change_back = json!({ "currentPassword": new_password, "newPassword": PASSWORD });
    assert_eq!(app.post_authed("/users/me/password", &token, Some(change_back)).await.status(), StatusCode::NO_CONTENT);
    let (totp, backup_codes) = enable_mfa(&app, &token).await;
    wait_for_mail(&app, email, "Two-step verification was turned on").await;
    app.clock.advance(chrono::Duration::seconds(30));
    let step_up = json!({ "password": PASSWORD, "code": current_code(&app, &totp) });
    let regenerated = app.post_authed("/users/me/mfa/backup-codes", &token, Some(step_up)).await;
    assert_eq!(regenerated.status(), StatusCode::OK);
    wait_for_mail(&app, email, "New backup codes were created").await;
    let regenerated: Value = regenerated.json().await.unwrap();
    let step_up = json!({ "password": PASSWORD, "code": regenerated["backupCodes"][0] });
    assert_eq!(app.post_authed("/users/me/mfa/disable", &token, Some(step_up)).await.status(), StatusCode::NO_CONTENT);
    wait_for_mail(&app, email, "Two-step verification was turned off").await;
    assert!(!backup_codes.is_empty());

    let refresh = str_field(&login, "refreshToken");
    assert_eq!(app.refresh(refresh).await.status(), StatusCode::OK);
    app.clock.advance(chrono::Duration::seconds(11));
    assert_eq!(app.refresh(refresh).await.status(), StatusCode::UNAUTHORIZED);
    wait_for_mail(&app, email, "A sign-in was ended to protect your account").await;

    // Cognito mails a confirmation code at sign-up even when the service
    // confirms the address at once: a code, not a notice.
    let notices: Vec<_> =
        mailed(&app, email).into_iter().filter(|mail| mail.subject != "Your verification code").collect();
    assert_eq!(
        notices.iter().map(|mail| mail.subject.as_str()).collect::<Vec<_>>(),
        [
            "Your password was changed",
            "Your password was changed",
            "Two-step verification was turned on",
            "New backup codes were created",
            "Two-step verification was turned off",
            "A sign-in was ended to protect your account",
        ],
        "sign-up, sign-in, renaming and refreshing mail nothing"
    );
    for notice in &notices {
        assert_no_link_or_code(&notice.text);
    }
}

/// A reset is told too: the mail after the one with the code says it was used.
#[tokio::test]
async fn a_password_reset_is_mailed_to_the_address() {
    let app = spawn_app().await;
    let email = "reset-noticed@example.com";
    app.signed_in_user(email).await;
    assert_eq!(app.post("/auth/password/forgot", json!({ "email": email })).await.status(), StatusCode::ACCEPTED);
    let code = support::wait_for_codes(&app, email, RESET_LEAD, 1).await.remove(0);
    let reset = json!({ "email": email, "code": code, "newPassword": "a freshly reset passphrase" });
    assert_eq!(app.post("/auth/password/reset", reset).await.status(), StatusCode::NO_CONTENT);

    let notice = wait_for_mail(&app, email, "Your password was reset").await.remove(0);
    assert_no_link_or_code(&notice.text);
    assert!(notice.text.contains("Every device signed in to it was signed out"), "{}", notice.text);
}

/// The lead before a reset code in its mail, Cognito's and the service's alike.
const RESET_LEAD: &str = "Your password reset code is";

async fn delete_account(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post_authed("/users/me/delete", token, Some(body)).await
}

/// Deleting an account takes the password and, with MFA on, a code; then
/// every token is refused at once, signing in answers as for an unknown
/// address, the address registers again, nothing of the account is left
/// in the store and the address is told.
#[tokio::test]
async fn a_deleted_account_leaves_nothing_behind_and_its_address_can_register_again() {
    let app = spawn_app().await;
    let email = "deleted@example.com";
    let laptop = app.signed_in_user(email).await;
    let token = str_field(&laptop, "accessToken");
    let user_id = str_field(&laptop["user"], "id").to_owned();
    let (totp, backup_codes) = enable_mfa(&app, token).await;
    // Everything an account leaves in the store: a second session from a
    // sign-in with a backup code, refreshed (a rotated token); an open
    // challenge; a wrong password (a failure counter); events.
    let challenge: Value = app.login(email, PASSWORD).await.json().await.unwrap();
    let verified = app.post("/auth/mfa/verify", json!({ "session": challenge["mfaSession"], "code": backup_codes[0] }));
    let phone: Value = verified.await.json().await.unwrap();
    let refreshed: Value = app.refresh(str_field(&phone, "refreshToken")).await.json().await.unwrap();
    let open: Value = app.login(email, PASSWORD).await.json().await.unwrap();
    assert_eq!(open["mfaRequired"], true);
    assert_eq!(app.login(email, "not the password").await.status(), StatusCode::UNAUTHORIZED);
    let traces = |values: &[(String, Vec<u8>)]| -> Vec<String> {
        values
            .iter()
            .filter(|(_, bytes)| contains(bytes, user_id.as_bytes()) || contains(bytes, email.as_bytes()))
            .map(|(column, _)| column.clone())
            .collect()
    };
    assert!(!traces(&store_values(&app).await).is_empty(), "the scan finds the account before its deletion");

    let without_code = delete_account(&app, token, json!({ "password": PASSWORD })).await;
    let problem = error_body(without_code, StatusCode::BAD_REQUEST, "validation_failed").await;
    assert_eq!(problem["details"][0]["field"], "code", "{problem}");
    app.clock.advance(chrono::Duration::seconds(30));
    let wrong_password = json!({ "password": "not the password", "code": current_code(&app, &totp) });
    error_body(delete_account(&app, token, wrong_password).await, StatusCode::FORBIDDEN, "step_up_failed").await;
    let spent_code = json!({ "password": PASSWORD, "code": backup_codes[0] });
    error_body(delete_account(&app, token, spent_code).await, StatusCode::FORBIDDEN, "step_up_failed").await;
    assert_eq!(app.get_authed("/users/me", token).await.status(), StatusCode::OK, "refusals delete nothing");

    app.clock.advance(chrono::Duration::seconds(30));
    let step_up = json!({ "password": PASSWORD, "code": current_code(&app, &totp) });
    assert_eq!(delete_account(&app, token, step_up).await.status(), StatusCode::NO_CONTENT);
    // Before the sign-in below, which counts a failure against the address
    // as it would for any address.
    assert_eq!(traces(&store_values(&app).await), Vec::<String>::new(), "what is left of the account");

    for access in [token, str_field(&phone, "accessToken"), str_field(&refreshed, "accessToken")] {
        error_body(app.get_authed("/users/me", access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    }
    for refresh in [str_field(&laptop, "refreshToken"), str_field(&refreshed, "refreshToken")] {
        error_body(app.refresh(refresh).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    }
    let finish = app.post("/auth/mfa/verify", json!({ "session": open["mfaSession"], "code": backup_codes[1] }));
    error_body(finish.await, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
    let deleted = error_body(app.login(email, PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let unknown = app.login("never-registered@example.com", PASSWORD).await;
    let unknown = error_body(unknown, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    assert_eq!(deleted["message"], unknown["message"]);

    let notice = wait_for_mail(&app, email, "Your account was deleted").await.remove(0);
    assert_no_link_or_code(&notice.text);

    assert_eq!(app.register(email, PASSWORD, "Ada again").await.status(), StatusCode::CREATED);
    let again: Value = app.login(email, PASSWORD).await.json().await.unwrap();
    assert_ne!(str_field(&again["user"], "id"), user_id);
    assert_eq!(again["user"]["mfaEnabled"], false, "{again}");
    let token = str_field(&again, "accessToken");
    let history: Value = app.get_authed("/users/me/security-events", token).await.json().await.unwrap();
    let kinds: Vec<&str> = history["events"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["signed_in", "signed_up"], "the new account starts a history of its own");
}

/// Without MFA the password is the step-up, within the password's lockout.
#[tokio::test]
async fn deleting_an_account_without_mfa_takes_the_password_within_its_lockout() {
    let app = spawn_app().await;
    let email = "delete-guess@example.com";
    let login = app.signed_in_user(email).await;
    let token = str_field(&login, "accessToken");
    for _ in 0..5 {
        let guess = delete_account(&app, token, json!({ "password": "a guessed password" })).await;
        error_body(guess, StatusCode::FORBIDDEN, "step_up_failed").await;
    }
    let locked = delete_account(&app, token, json!({ "password": PASSWORD })).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert_eq!(app.get_authed("/users/me", token).await.status(), StatusCode::OK);

    app.clock.advance(chrono::Duration::minutes(16));
    let login: Value = app.login(email, PASSWORD).await.json().await.unwrap();
    let token = str_field(&login, "accessToken");
    assert_eq!(delete_account(&app, token, json!({ "password": PASSWORD })).await.status(), StatusCode::NO_CONTENT);
    error_body(app.login(email, PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
}
