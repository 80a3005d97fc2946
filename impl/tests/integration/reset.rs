//! Password reset with a mailed code.

use crate::support;

use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{PASSWORD, TestApp, error_body, mailed_codes, spawn_app, spawn_app_with, str_field, wait_for_codes};

const LEAD: &str = "Your password reset code is";
const NEW_PASSWORD: &str = "a freshly reset passphrase";

async fn forgot(app: &TestApp, email: &str) -> reqwest::Response {
    app.post("/auth/password/forgot", json!({ "email": email })).await
}

async fn reset(app: &TestApp, email: &str, code: &str, new_password: &str) -> reqwest::Response {
    app.post("/auth/password/reset", json!({ "email": email, "code": code, "newPassword": new_password })).await
}

#[tokio::test]
async fn a_reset_code_sets_a_new_password_and_ends_every_session() {
    let app = spawn_app().await;
    let session = app.signed_in_user("forgetful@example.com").await;

    let response = forgot(&app, "Forgetful@Example.com").await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert!(response.bytes().await.unwrap().is_empty());
    let code = wait_for_codes(&app, "forgetful@example.com", LEAD, 1).await.remove(0);

    assert_eq!(reset(&app, "forgetful@example.com", &code, NEW_PASSWORD).await.status(), StatusCode::NO_CONTENT);

    let access = str_field(&session, "accessToken");
    error_body(app.get_authed("/users/me", access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let refresh = str_field(&session, "refreshToken");
    error_body(app.refresh(refresh).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    error_body(app.login("forgetful@example.com", PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    assert_eq!(app.login("forgetful@example.com", NEW_PASSWORD).await.status(), StatusCode::OK);

    // Single use.
    let again = reset(&app, "forgetful@example.com", &code, "yet another passphrase").await;
    error_body(again, StatusCode::BAD_REQUEST, "invalid_code").await;
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answers_and_no_mail() {
    let app = spawn_app().await;
    app.signed_in_user("known@example.com").await;
    for email in ["known@example.com", "ghost@example.com"] {
        let response = forgot(&app, email).await;
        assert_eq!(response.status(), StatusCode::ACCEPTED, "{email}");
    }
    wait_for_codes(&app, "known@example.com", LEAD, 1).await;
    assert!(mailed_codes(&app, "ghost@example.com", LEAD).is_empty());
    let strip = |mut body: Value| {
        body.as_object_mut().unwrap().remove("requestId");
        body
    };
    let known = reset(&app, "known@example.com", "999999", NEW_PASSWORD).await;
    let known = error_body(known, StatusCode::BAD_REQUEST, "invalid_code").await;
    let unknown = reset(&app, "ghost@example.com", "999999", NEW_PASSWORD).await;
    let unknown = error_body(unknown, StatusCode::BAD_REQUEST, "invalid_code").await;
    assert_eq!(strip(known), strip(unknown));
}

#[tokio::test]
async fn five_wrong_codes_void_the_reset_code() {
    let app = spawn_app().await;
    app.signed_in_user("guessed@example.com").await;
    forgot(&app, "guessed@example.com").await;
    let code = wait_for_codes(&app, "guessed@example.com", LEAD, 1).await.remove(0);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        error_body(
            reset(&app, "guessed@example.com", wrong, NEW_PASSWORD).await,
            StatusCode::BAD_REQUEST,
            "invalid_code",
        )
        .await;
    }
    error_body(reset(&app, "guessed@example.com", &code, NEW_PASSWORD).await, StatusCode::BAD_REQUEST, "invalid_code")
        .await;
    assert_eq!(app.login("guessed@example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn reset_codes_expire_after_fifteen_minutes() {
    let app = spawn_app().await;
    app.signed_in_user("slow@example.com").await;
    forgot(&app, "slow@example.com").await;
    let code = wait_for_codes(&app, "slow@example.com", LEAD, 1).await.remove(0);
    app.clock.advance(chrono::Duration::minutes(15));
    error_body(reset(&app, "slow@example.com", &code, NEW_PASSWORD).await, StatusCode::BAD_REQUEST, "invalid_code")
        .await;
}

#[tokio::test]
async fn a_weak_new_password_is_refused_and_leaves_the_code_usable() {
    let app = spawn_app().await;
    app.signed_in_user("weak@example.com").await;
    forgot(&app, "weak@example.com").await;
    let code = wait_for_codes(&app, "weak@example.com", LEAD, 1).await.remove(0);
    let body =
        error_body(reset(&app, "weak@example.com", &code, "password1").await, StatusCode::BAD_REQUEST, "weak_password")
            .await;
    assert_eq!(body["details"][0]["field"], "newPassword");
    assert_eq!(reset(&app, "weak@example.com", &code, NEW_PASSWORD).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn reset_mail_goes_out_at_most_once_a_minute_and_a_new_code_replaces_the_old() {
    let app = spawn_app().await;
    app.signed_in_user("twice@example.com").await;
    forgot(&app, "twice@example.com").await;
    let first = wait_for_codes(&app, "twice@example.com", LEAD, 1).await.remove(0);
    forgot(&app, "twice@example.com").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(mailed_codes(&app, "twice@example.com", LEAD).len(), 1, "too soon: nothing sent");
    app.clock.advance(chrono::Duration::seconds(60));
    forgot(&app, "twice@example.com").await;
    let codes = wait_for_codes(&app, "twice@example.com", LEAD, 2).await;
    if codes[1] != first {
        error_body(
            reset(&app, "twice@example.com", &first, NEW_PASSWORD).await,
            StatusCode::BAD_REQUEST,
            "invalid_code",
        )
        .await;
    }
    assert_eq!(reset(&app, "twice@example.com", &codes[1], NEW_PASSWORD).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_reset_unlocks_an_account_locked_by_failed_sign_ins() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    app.signed_in_user("locked@example.com").await;
    for _ in 0..5 {
        app.login("locked@example.com", "not the password").await;
    }
    assert_eq!(app.login("locked@example.com", PASSWORD).await.status(), StatusCode::TOO_MANY_REQUESTS);
    forgot(&app, "locked@example.com").await;
    let code = wait_for_codes(&app, "locked@example.com", LEAD, 1).await.remove(0);
    assert_eq!(reset(&app, "locked@example.com", &code, NEW_PASSWORD).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.login("locked@example.com", NEW_PASSWORD).await.status(), StatusCode::OK);
}
