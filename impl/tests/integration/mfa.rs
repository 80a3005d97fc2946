//! Multi-factor authentication with an authenticator app (TOTP) and backup
//! codes, over HTTP against a real server whose clock only moves when told.
//! Authenticator codes are computed here from the secret `setupMfa` answers.

use crate::support;

use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;

use auth_service::config::Backend;
use auth_service::domain::Clock;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use support::{
    PASSWORD, TestApp, contains, error_body, not_on_aws, spawn_app, spawn_app_with, store_values, str_field,
    test_backend, wait_for_codes,
};
use totp_rs::Totp;

/// Seconds in a TOTP step.
const STEP_SECS: i64 = 30;
const RESET_LEAD: &str = "Your password reset code is";
const NEW_PASSWORD: &str = "a freshly reset passphrase";
const WRONG_PASSWORD: &str = "not the password at all";

/// Moves the server's clock to the next TOTP step.
fn next_step(app: &TestApp) {
    app.clock.advance(chrono::Duration::seconds(STEP_SECS));
}

/// The code `totp` shows `steps` steps away from the server's clock.
fn code_at(app: &TestApp, totp: &Totp, steps: i64) -> String {
    let at = app.clock.now().timestamp() + steps * STEP_SECS;
    totp.generate(u64::try_from(at).expect("a time after 1970")).to_string()
}

fn current_code(app: &TestApp, totp: &Totp) -> String {
    code_at(app, totp, 0)
}

/// A well-formed code that is none of the codes the server accepts now.
fn wrong_code(app: &TestApp, totp: &Totp) -> String {
    let accepted: Vec<String> = (-1..=1).map(|steps| code_at(app, totp, steps)).collect();
    (0..10).map(|digit: u8| digit.to_string().repeat(6)).find(|code| !accepted.contains(code)).expect("a wrong code")
}

fn authenticator(setup: &Value) -> Totp {
    Totp::from_url(str_field(setup, "otpauthUri")).expect("a valid otpauth URI")
}

async fn setup_mfa(app: &TestApp, token: &str) -> Response {
    app.post_authed("/users/me/mfa/setup", token, None).await
}

/// Starts enrolling; returns the `MfaSetup` body.
async fn pending_secret(app: &TestApp, token: &str) -> Value {
    let response = setup_mfa(app, token).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

/// Turns MFA on with [`PASSWORD`] and `code`.
async fn verify_setup(app: &TestApp, token: &str, code: &str) -> Response {
    verify_setup_with(app, token, PASSWORD, code).await
}

async fn verify_setup_with(app: &TestApp, token: &str, password: &str, code: &str) -> Response {
    app.post_authed("/users/me/mfa/verify", token, Some(json!({ "password": password, "code": code }))).await
}

async fn verify(app: &TestApp, session: &str, code: &str) -> Response {
    app.post("/auth/mfa/verify", json!({ "session": session, "code": code })).await
}

async fn disable(app: &TestApp, token: &str, password: &str, code: &str) -> Response {
    app.post_authed("/users/me/mfa/disable", token, Some(json!({ "password": password, "code": code }))).await
}

async fn regenerate(app: &TestApp, token: &str, password: &str, code: &str) -> Response {
    app.post_authed("/users/me/mfa/backup-codes", token, Some(json!({ "password": password, "code": code }))).await
}

/// `mfaEnabled` of the profile behind `token`.
async fn mfa_enabled(app: &TestApp, token: &str) -> bool {
    let response = app.get_authed("/users/me", token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let user: Value = response.json().await.expect("json");
    user["mfaEnabled"].as_bool().unwrap_or_else(|| panic!("mfaEnabled in {user}"))
}

/// Signs in with the password of an MFA user; returns the challenge session.
async fn challenge(app: &TestApp, email: &str, password: &str) -> String {
    let response = app.login(email, password).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["mfaRequired"], true, "{body}");
    str_field(&body, "mfaSession").to_owned()
}

/// Finishes a sign-in that must succeed; returns the `LoginResponse`.
async fn signed_in_with(app: &TestApp, session: &str, code: &str) -> Value {
    let response = verify(app, session, code).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

fn codes_of(body: &Value) -> Vec<String> {
    body["backupCodes"]
        .as_array()
        .unwrap_or_else(|| panic!("backupCodes in {body}"))
        .iter()
        .map(|code| code.as_str().expect("a string code").to_owned())
        .collect()
}

/// Asserts ten distinct backup codes of the documented shape.
fn assert_backup_codes(codes: &[String]) {
    assert_eq!(codes.len(), 10, "{codes:?}");
    assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 10, "{codes:?}");
    let shape = regex::Regex::new("^[0-9a-z]{5}-[0-9a-z]{5}$").unwrap();
    assert!(codes.iter().all(|code| shape.is_match(code)), "{codes:?}");
}

/// A user who turned MFA on from the session `access`/`refresh`.
struct Enrolled {
    email: String,
    access: String,
    refresh: String,
    totp: Totp,
    secret: String,
    backup_codes: Vec<String>,
    /// The code that turned MFA on; its step is spent.
    setup_code: String,
}

async fn enrolled_user(app: &TestApp, email: &str) -> Enrolled {
    let login = app.signed_in_user(email).await;
    let access = str_field(&login, "accessToken").to_owned();
    let refresh = str_field(&login, "refreshToken").to_owned();
    let setup = pending_secret(app, &access).await;
    let totp = authenticator(&setup);
    let setup_code = current_code(app, &totp);
    let response = verify_setup(app, &access, &setup_code).await;
    assert_eq!(response.status(), StatusCode::OK);
    let backup_codes = codes_of(&response.json().await.expect("json"));
    Enrolled {
        email: email.to_owned(),
        access,
        refresh,
        totp,
        secret: str_field(&setup, "secret").to_owned(),
        backup_codes,
        setup_code,
    }
}

/// The same error body without its request id.
fn without_request_id(mut body: Value) -> Value {
    body.as_object_mut().expect("an object").remove("requestId");
    body
}

/// RFC 4648 base32 without padding.
fn base32_decode(encoded: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut buffer, mut bytes) = (0u32, 0u32, Vec::new());
    for symbol in encoded.bytes() {
        let value = ALPHABET.iter().position(|&letter| letter == symbol).expect("a base32 letter");
        buffer = (buffer << 5) | u32::try_from(value).unwrap();
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            bytes.push(u8::try_from((buffer >> bits) & 0xff).unwrap());
        }
    }
    bytes
}

#[tokio::test]
async fn setup_answers_a_secret_an_otpauth_uri_and_a_qr_code_and_leaves_mfa_off() {
    let app = spawn_app().await;
    let login = app.signed_in_user("ada@example.com").await;
    let token = str_field(&login, "accessToken");

    let setup = pending_secret(&app, token).await;

    let secret = str_field(&setup, "secret");
    assert!(regex::Regex::new("^[A-Z2-7]{32}$").unwrap().is_match(secret), "{secret}");
    let uri = str_field(&setup, "otpauthUri");
    assert!(uri.starts_with("otpauth://totp/auth-service:ada%40example.com?"), "{uri}");
    assert!(uri.contains("issuer=auth-service"), "{uri}");
    assert!(uri.contains(&format!("secret={secret}")), "{uri}");
    assert_eq!(authenticator(&setup).secret().as_ref(), base32_decode(secret).as_slice());
    assert_eq!(base32_decode(secret).len(), 20, "160 bits");
    let png = str_field(&setup, "qrCodePng").strip_prefix("data:image/png;base64,").expect("a PNG data URI");
    assert!(STANDARD.decode(png).expect("base64").starts_with(b"\x89PNG\r\n\x1a\n"));

    assert!(!mfa_enabled(&app, token).await);
    let login = app.login("ada@example.com", PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK);
    let login: Value = login.json().await.unwrap();
    assert_eq!(login["mfaRequired"], false, "{login}");
    assert!(login["accessToken"].is_string(), "{login}");
}

#[tokio::test]
async fn a_current_code_turns_mfa_on_and_answers_ten_backup_codes() {
    let app = spawn_app().await;
    let login = app.signed_in_user("turn-on@example.com").await;
    let token = str_field(&login, "accessToken");
    error_body(verify_setup(&app, token, "123456").await, StatusCode::CONFLICT, "mfa_setup_not_started").await;
    let setup = pending_secret(&app, token).await;
    let totp = authenticator(&setup);

    let wrong = verify_setup(&app, token, &wrong_code(&app, &totp)).await;
    error_body(wrong, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    assert!(!mfa_enabled(&app, token).await, "a wrong code turned MFA on");

    let response = verify_setup(&app, token, &current_code(&app, &totp)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_backup_codes(&codes_of(&response.json().await.unwrap()));
    assert!(mfa_enabled(&app, token).await);

    error_body(setup_mfa(&app, token).await, StatusCode::CONFLICT, "mfa_already_enabled").await;
    next_step(&app);
    let again = verify_setup(&app, token, &current_code(&app, &totp)).await;
    error_body(again, StatusCode::CONFLICT, "mfa_already_enabled").await;
}

/// Changing how an account signs in takes re-authentication: a bearer
/// token alone (which may be stolen) cannot enrol an authenticator.
#[tokio::test]
async fn turning_mfa_on_takes_the_password_not_only_a_bearer_token() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    let login = app.signed_in_user("stolen-token@example.com").await;
    let token = str_field(&login, "accessToken");
    let totp = authenticator(&pending_secret(&app, token).await);

    let code = current_code(&app, &totp);
    let refused = verify_setup_with(&app, token, WRONG_PASSWORD, &code).await;
    error_body(refused, StatusCode::FORBIDDEN, "step_up_failed").await;
    // The account has a password: leaving it out is no way around it.
    let missing = app.post_authed("/users/me/mfa/verify", token, Some(json!({ "code": code }))).await;
    let body = error_body(missing, StatusCode::BAD_REQUEST, "validation_failed").await;
    assert_eq!(body["details"][0]["field"], "password", "{body}");
    assert!(!mfa_enabled(&app, token).await, "MFA turned on without the password");

    // Wrong passwords count toward the password lockout like any other.
    for _ in 0..4 {
        let refused = verify_setup_with(&app, token, WRONG_PASSWORD, &code).await;
        error_body(refused, StatusCode::FORBIDDEN, "step_up_failed").await;
    }
    let locked = verify_setup(&app, token, &code).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    error_body(app.login("stolen-token@example.com", PASSWORD).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
    assert!(!mfa_enabled(&app, token).await);

    app.clock.advance(chrono::Duration::seconds(i64::try_from(app.config.login.window_secs).unwrap() + 1));
    let enabled = verify_setup(&app, token, &current_code(&app, &totp)).await;
    assert_eq!(enabled.status(), StatusCode::OK);
}

#[tokio::test]
async fn turning_mfa_on_revokes_the_other_sessions_and_keeps_the_calling_one() {
    let app = spawn_app().await;
    let caller = app.signed_in_user("sessions@example.com").await;
    let other = app.login("sessions@example.com", PASSWORD).await.json::<Value>().await.unwrap();
    let (access, refresh) = (str_field(&caller, "accessToken"), str_field(&caller, "refreshToken"));
    assert_eq!(app.get_authed("/users/me", str_field(&other, "accessToken")).await.status(), StatusCode::OK);

    let totp = authenticator(&pending_secret(&app, access).await);
    assert_eq!(verify_setup(&app, access, &current_code(&app, &totp)).await.status(), StatusCode::OK);

    let revoked = app.get_authed("/users/me", str_field(&other, "accessToken")).await;
    error_body(revoked, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let refused = app.refresh(str_field(&other, "refreshToken")).await;
    error_body(refused, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    assert_eq!(app.get_authed("/users/me", access).await.status(), StatusCode::OK);
    assert_eq!(app.refresh(refresh).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn setting_up_again_replaces_the_pending_secret() {
    let app = spawn_app().await;
    let login = app.signed_in_user("twice@example.com").await;
    let token = str_field(&login, "accessToken");
    let first = pending_secret(&app, token).await;
    let second = pending_secret(&app, token).await;
    assert_ne!(first["secret"], second["secret"]);
    let (first, second) = (authenticator(&first), authenticator(&second));
    // Where the two secrets do not happen to show the same code.
    while current_code(&app, &first) == current_code(&app, &second) {
        next_step(&app);
    }
    let (first_code, second_code) = (current_code(&app, &first), current_code(&app, &second));

    error_body(verify_setup(&app, token, &first_code).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    assert!(!mfa_enabled(&app, token).await);
    assert_eq!(verify_setup(&app, token, &second_code).await.status(), StatusCode::OK);
    assert!(mfa_enabled(&app, token).await);
}

#[tokio::test]
async fn the_password_of_an_mfa_user_answers_only_a_challenge_and_a_code_finishes_the_sign_in() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "two-step@example.com").await;

    let response = app.login(&user.email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["mfaRequired"], true, "{body}");
    assert_eq!(body["mfaSessionExpiresIn"], 300, "{body}");
    for absent in ["accessToken", "refreshToken", "idToken", "tokenType", "expiresIn", "user"] {
        assert!(body.get(absent).is_none(), "{absent} in {body}");
    }
    let session = str_field(&body, "mfaSession");

    next_step(&app);
    let signed_in = signed_in_with(&app, session, &current_code(&app, &user.totp)).await;

    assert_eq!(signed_in["mfaRequired"], false, "{signed_in}");
    assert_eq!(signed_in["tokenType"], "Bearer", "{signed_in}");
    assert!(signed_in["idToken"].is_string(), "{signed_in}");
    assert_eq!(signed_in["user"]["email"], user.email.as_str(), "{signed_in}");
    assert_eq!(signed_in["user"]["mfaEnabled"], true, "{signed_in}");
    assert!(signed_in.get("mfaSession").is_none(), "{signed_in}");
    assert!(mfa_enabled(&app, str_field(&signed_in, "accessToken")).await);
    let refreshed = app.refresh(str_field(&signed_in, "refreshToken")).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
    let refreshed: Value = refreshed.json().await.unwrap();
    assert_eq!(app.get_authed("/users/me", str_field(&refreshed, "accessToken")).await.status(), StatusCode::OK);
}

/// How many sessions the store records, ended or not: what no operation
/// shows yet.
async fn recorded_sessions(app: &TestApp) -> usize {
    let column = if matches!(test_backend(), Backend::Aws) { "SESSION.sk" } else { "sessions.id" };
    store_values(app).await.iter().filter(|(name, _)| name == column).count()
}

/// A sign-in starts its session only once its second factor checks out:
/// one left unfinished leaves nothing that lives on, and one that waited
/// gets tokens as fresh as a sign-in without a wait.
#[tokio::test]
async fn a_sign_in_waiting_for_its_second_factor_holds_no_session() {
    let app = spawn_app_with(|config| config.mfa.challenge_ttl_secs = 3600).await;
    let user = enrolled_user(&app, "unfinished@example.com").await;
    let before = recorded_sessions(&app).await;

    let quick = challenge(&app, &user.email, PASSWORD).await;
    let waiting = challenge(&app, &user.email, PASSWORD).await;
    let _abandoned = challenge(&app, &user.email, PASSWORD).await;
    assert_eq!(recorded_sessions(&app).await, before, "a challenge alone starts no session");

    next_step(&app);
    let first = signed_in_with(&app, &quick, &current_code(&app, &user.totp)).await;
    assert_eq!(recorded_sessions(&app).await, before + 1);

    app.clock.advance(chrono::Duration::minutes(40));
    let second = signed_in_with(&app, &waiting, &current_code(&app, &user.totp)).await;
    assert_eq!(recorded_sessions(&app).await, before + 2, "the abandoned challenge still holds none");
    let lifetime = |body: &Value| body["expiresIn"].as_i64().expect("expiresIn");
    let (quick, waited) = (lifetime(&first), lifetime(&second));
    assert!(waited + 5 >= quick, "expiresIn {waited} after the wait, {quick} without");
    let me = app.get_authed("/users/me", str_field(&second, "accessToken")).await;
    assert_eq!(me.status(), StatusCode::OK);
    assert_eq!(app.refresh(str_field(&second, "refreshToken")).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_authenticator_code_works_once_even_within_its_step() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "replay@example.com").await;

    // The step of the code that turned MFA on is spent, though still current.
    let session = challenge(&app, &user.email, PASSWORD).await;
    error_body(verify(&app, &session, &user.setup_code).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;

    // The challenge stays open; the next step's code finishes it.
    next_step(&app);
    let code = current_code(&app, &user.totp);
    signed_in_with(&app, &session, &code).await;

    let session = challenge(&app, &user.email, PASSWORD).await;
    error_body(verify(&app, &session, &code).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    next_step(&app);
    signed_in_with(&app, &session, &current_code(&app, &user.totp)).await;
}

#[tokio::test]
async fn codes_one_step_off_are_accepted_and_two_steps_off_are_refused() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "drift@example.com").await;
    app.clock.advance(chrono::Duration::seconds(3 * STEP_SECS));

    let earlier = challenge(&app, &user.email, PASSWORD).await;
    signed_in_with(&app, &earlier, &code_at(&app, &user.totp, -1)).await;
    let later = challenge(&app, &user.email, PASSWORD).await;
    signed_in_with(&app, &later, &code_at(&app, &user.totp, 1)).await;

    // Well past every used step, and where no code two steps off happens to
    // equal one within the accepted drift.
    app.clock.advance(chrono::Duration::seconds(10 * STEP_SECS));
    while [-2, 2]
        .iter()
        .any(|far| (-1..=1).any(|near| code_at(&app, &user.totp, *far) == code_at(&app, &user.totp, near)))
    {
        next_step(&app);
    }
    let session = challenge(&app, &user.email, PASSWORD).await;
    for far in [-2, 2] {
        let refused = verify(&app, &session, &code_at(&app, &user.totp, far)).await;
        error_body(refused, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    }
    signed_in_with(&app, &session, &current_code(&app, &user.totp)).await;
}

#[tokio::test]
async fn a_backup_code_finishes_one_sign_in_in_any_case_with_or_without_its_hyphen() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "backup@example.com").await;
    let codes = &user.backup_codes;

    let session = challenge(&app, &user.email, PASSWORD).await;
    let signed_in = signed_in_with(&app, &session, &codes[0]).await;
    assert_eq!(signed_in["user"]["email"], user.email.as_str());
    let session = challenge(&app, &user.email, PASSWORD).await;
    error_body(verify(&app, &session, &codes[0]).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;

    signed_in_with(&app, &session, &codes[1].to_uppercase()).await;
    let session = challenge(&app, &user.email, PASSWORD).await;
    signed_in_with(&app, &session, &codes[2].replace('-', "")).await;

    // Spent whatever the spelling.
    let session = challenge(&app, &user.email, PASSWORD).await;
    error_body(verify(&app, &session, &codes[1]).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    signed_in_with(&app, &session, &codes[3]).await;
}

#[tokio::test]
async fn a_challenge_session_works_only_once() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "once@example.com").await;
    let session = challenge(&app, &user.email, PASSWORD).await;
    next_step(&app);
    signed_in_with(&app, &session, &current_code(&app, &user.totp)).await;

    next_step(&app);
    let reused = verify(&app, &session, &current_code(&app, &user.totp)).await;
    error_body(reused, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
}

#[tokio::test]
async fn five_wrong_codes_void_the_challenge_and_lock_the_second_factor() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    let user = enrolled_user(&app, "guesser@example.com").await;
    let session = challenge(&app, &user.email, PASSWORD).await;
    next_step(&app);
    let wrong = wrong_code(&app, &user.totp);

    for _ in 0..5 {
        error_body(verify(&app, &session, &wrong).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    }

    let right = verify(&app, &session, &current_code(&app, &user.totp)).await;
    error_body(right, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
    // The password still opens a challenge, but no code is checked until the window ends.
    let session = challenge(&app, &user.email, PASSWORD).await;
    let locked = verify(&app, &session, &current_code(&app, &user.totp)).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}

#[tokio::test]
async fn the_right_password_does_not_forgive_wrong_codes() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    let user = enrolled_user(&app, "patient@example.com").await;
    let session = challenge(&app, &user.email, PASSWORD).await;
    next_step(&app);
    let wrong = wrong_code(&app, &user.totp);
    for _ in 0..4 {
        error_body(verify(&app, &session, &wrong).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    }

    let session = challenge(&app, &user.email, PASSWORD).await;
    error_body(verify(&app, &session, &wrong).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;

    let session = challenge(&app, &user.email, PASSWORD).await;
    let locked = verify(&app, &session, &current_code(&app, &user.totp)).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}

#[tokio::test]
async fn a_challenge_lasts_five_minutes() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "slow@example.com").await;
    let (prompt, slow) = (challenge(&app, &user.email, PASSWORD).await, challenge(&app, &user.email, PASSWORD).await);

    app.clock.advance(chrono::Duration::seconds(299));
    signed_in_with(&app, &prompt, &current_code(&app, &user.totp)).await;

    app.clock.advance(chrono::Duration::seconds(2));
    let late = verify(&app, &slow, &current_code(&app, &user.totp)).await;
    error_body(late, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
}

#[tokio::test]
async fn an_unknown_challenge_session_is_refused() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "unknown@example.com").await;
    next_step(&app);
    let forged = verify(&app, "bm90LWEtcmVhbC1zZXNzaW9u", &current_code(&app, &user.totp)).await;
    error_body(forged, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
}

#[tokio::test]
async fn concurrent_tries_of_one_challenge_sign_in_exactly_once() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "race@example.com").await;
    let session = challenge(&app, &user.email, PASSWORD).await;
    next_step(&app);
    let code = current_code(&app, &user.totp);

    let tries = (0..10).map(|_| verify(&app, &session, &code));
    let statuses: Vec<StatusCode> =
        futures::future::join_all(tries).await.iter().map(reqwest::Response::status).collect();

    assert_eq!(statuses.iter().filter(|status| **status == StatusCode::OK).count(), 1, "{statuses:?}");
    let losing = [StatusCode::BAD_REQUEST, StatusCode::UNAUTHORIZED];
    assert!(statuses.iter().all(|status| *status == StatusCode::OK || losing.contains(status)), "{statuses:?}");
}

/// Identical submits of one right code, an authenticator's or a backup
/// code (a double click, a retried request), sign in once, and the
/// duplicates are not counted as guesses: the budget for wrong codes is
/// untouched. Nor is the same code presented again later.
#[tokio::test]
async fn duplicates_of_a_right_code_are_not_counted_as_guesses() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    for kind in ["authenticator", "backup"] {
        let user = enrolled_user(&app, &format!("double-click-{kind}@example.com")).await;
        let session = challenge(&app, &user.email, PASSWORD).await;
        next_step(&app);
        let code = match kind {
            "authenticator" => current_code(&app, &user.totp),
            _ => user.backup_codes[0].clone(),
        };
        let tries = (0..4).map(|_| verify(&app, &session, &code));
        let statuses: Vec<StatusCode> =
            futures::future::join_all(tries).await.iter().map(reqwest::Response::status).collect();
        assert_eq!(statuses.iter().filter(|status| **status == StatusCode::OK).count(), 1, "{kind}: {statuses:?}");
        let session = challenge(&app, &user.email, PASSWORD).await;
        error_body(verify(&app, &session, &code).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;

        // Four wrong codes still leave the fifth try to the right one.
        let session = challenge(&app, &user.email, PASSWORD).await;
        next_step(&app);
        for _ in 0..4 {
            error_body(
                verify(&app, &session, &wrong_code(&app, &user.totp)).await,
                StatusCode::BAD_REQUEST,
                "invalid_mfa_code",
            )
            .await;
        }
        signed_in_with(&app, &session, &current_code(&app, &user.totp)).await;
    }
}

#[tokio::test]
async fn one_authenticator_code_finishes_only_one_of_several_concurrent_challenges() {
    let app = spawn_app_with(|config| {
        config.login.max_failures_per_account = 1000;
        config.login.max_failures_per_ip = 1000;
    })
    .await;
    let user = enrolled_user(&app, "many-tabs@example.com").await;
    let mut sessions = Vec::new();
    for _ in 0..8 {
        sessions.push(challenge(&app, &user.email, PASSWORD).await);
    }
    next_step(&app);
    let code = current_code(&app, &user.totp);

    let tries = sessions.iter().map(|session| verify(&app, session, &code));
    let responses = futures::future::join_all(tries).await;

    let (winners, losers): (Vec<_>, Vec<_>) =
        responses.into_iter().partition(|response| response.status() == StatusCode::OK);
    assert_eq!(winners.len(), 1);
    for loser in losers {
        error_body(loser, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    }
}

#[tokio::test]
async fn turning_mfa_off_needs_the_password_and_a_code_and_ends_other_sessions_and_challenges() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "off@example.com").await;
    next_step(&app);
    let other_session = challenge(&app, &user.email, PASSWORD).await;
    let other = signed_in_with(&app, &other_session, &current_code(&app, &user.totp)).await;
    let pending = challenge(&app, &user.email, PASSWORD).await;
    next_step(&app);
    let code = current_code(&app, &user.totp);

    let bad_password = disable(&app, &user.access, WRONG_PASSWORD, &code).await;
    let bad_password = error_body(bad_password, StatusCode::FORBIDDEN, "step_up_failed").await;
    let bad_code = disable(&app, &user.access, PASSWORD, &wrong_code(&app, &user.totp)).await;
    let bad_code = error_body(bad_code, StatusCode::FORBIDDEN, "step_up_failed").await;
    assert_eq!(without_request_id(bad_password), without_request_id(bad_code));
    assert!(mfa_enabled(&app, &user.access).await);

    // The code sent with the wrong password was not spent.
    let response = disable(&app, &user.access, PASSWORD, &code).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.bytes().await.unwrap().is_empty());

    assert!(!mfa_enabled(&app, &user.access).await);
    assert_eq!(app.refresh(&user.refresh).await.status(), StatusCode::OK);
    let revoked = app.get_authed("/users/me", str_field(&other, "accessToken")).await;
    error_body(revoked, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    next_step(&app);
    let dead = verify(&app, &pending, &current_code(&app, &user.totp)).await;
    error_body(dead, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
    let login = app.login(&user.email, PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK);
    let login: Value = login.json().await.unwrap();
    assert_eq!(login["mfaRequired"], false, "{login}");
    assert_eq!(login["user"]["mfaEnabled"], false, "{login}");
    assert!(login["accessToken"].is_string(), "{login}");

    let again = disable(&app, &user.access, PASSWORD, &current_code(&app, &user.totp)).await;
    error_body(again, StatusCode::CONFLICT, "mfa_not_enabled").await;
}

#[tokio::test]
async fn a_backup_code_can_confirm_turning_mfa_off() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "lost-phone@example.com").await;

    let response = disable(&app, &user.access, PASSWORD, &user.backup_codes[4]).await;

    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(!mfa_enabled(&app, &user.access).await);
}

#[tokio::test]
async fn regenerating_backup_codes_replaces_the_old_ones() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "regenerate@example.com").await;
    next_step(&app);
    let code = current_code(&app, &user.totp);

    let bad_password = regenerate(&app, &user.access, WRONG_PASSWORD, &code).await;
    error_body(bad_password, StatusCode::FORBIDDEN, "step_up_failed").await;
    let bad_code = regenerate(&app, &user.access, PASSWORD, "zzzzz-zzzzz").await;
    error_body(bad_code, StatusCode::FORBIDDEN, "step_up_failed").await;

    let response = regenerate(&app, &user.access, PASSWORD, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    let fresh = codes_of(&response.json().await.unwrap());
    assert_backup_codes(&fresh);
    assert!(fresh.iter().all(|code| !user.backup_codes.contains(code)), "{fresh:?}");

    let session = challenge(&app, &user.email, PASSWORD).await;
    error_body(verify(&app, &session, &user.backup_codes[0]).await, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    signed_in_with(&app, &session, &fresh[0]).await;
}

#[tokio::test]
async fn backup_codes_cannot_be_regenerated_while_mfa_is_off() {
    let app = spawn_app().await;
    let login = app.signed_in_user("no-mfa@example.com").await;
    let token = str_field(&login, "accessToken");

    error_body(regenerate(&app, token, PASSWORD, "123456").await, StatusCode::CONFLICT, "mfa_not_enabled").await;
    error_body(disable(&app, token, PASSWORD, "123456").await, StatusCode::CONFLICT, "mfa_not_enabled").await;
}

#[tokio::test]
async fn wrong_passwords_at_a_step_up_count_toward_the_password_lockout() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    let user = enrolled_user(&app, "step-up@example.com").await;
    next_step(&app);
    let code = current_code(&app, &user.totp);
    for _ in 0..3 {
        let refused = regenerate(&app, &user.access, WRONG_PASSWORD, &code).await;
        error_body(refused, StatusCode::FORBIDDEN, "step_up_failed").await;
    }
    for _ in 0..2 {
        error_body(app.login(&user.email, WRONG_PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    }

    error_body(app.login(&user.email, PASSWORD).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let locked = regenerate(&app, &user.access, PASSWORD, &code).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert!(mfa_enabled(&app, &user.access).await);
}

#[tokio::test]
async fn wrong_codes_at_a_step_up_and_at_a_sign_in_share_the_second_factor_lockout() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    let user = enrolled_user(&app, "step-up-codes@example.com").await;
    next_step(&app);
    for _ in 0..3 {
        let refused = disable(&app, &user.access, PASSWORD, &wrong_code(&app, &user.totp)).await;
        error_body(refused, StatusCode::FORBIDDEN, "step_up_failed").await;
    }
    let session = challenge(&app, &user.email, PASSWORD).await;
    for _ in 0..2 {
        let refused = verify(&app, &session, &wrong_code(&app, &user.totp)).await;
        error_body(refused, StatusCode::BAD_REQUEST, "invalid_mfa_code").await;
    }

    let locked = regenerate(&app, &user.access, PASSWORD, &current_code(&app, &user.totp)).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let locked = verify(&app, &session, &current_code(&app, &user.totp)).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert!(mfa_enabled(&app, &user.access).await);
}

/// A failure budget is cleared only by proving the factor it guards: the
/// password, proved at a sign-in, a step-up or a password change, never
/// clears the second factor's failures.
#[tokio::test]
async fn proving_the_password_never_clears_second_factor_failures() {
    let app = spawn_app_with(|config| config.login.max_failures_per_ip = 1000).await;
    let user = enrolled_user(&app, "budget@example.com").await;
    next_step(&app);
    let fail_a_code = async || {
        let refused = disable(&app, &user.access, PASSWORD, &wrong_code(&app, &user.totp)).await;
        error_body(refused, StatusCode::FORBIDDEN, "step_up_failed").await;
    };
    fail_a_code().await;
    // The password proved at a sign-in that opens a challenge, ...
    challenge(&app, &user.email, PASSWORD).await;
    fail_a_code().await;
    // ... at the step-ups above, whose codes were wrong, ...
    fail_a_code().await;
    // ... and at a password change, which keeps the calling session.
    for (current, new) in [(PASSWORD, NEW_PASSWORD), (NEW_PASSWORD, PASSWORD)] {
        let change = json!({ "currentPassword": current, "newPassword": new });
        let changed = app.post_authed("/users/me/password", &user.access, Some(change)).await;
        assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    }
    fail_a_code().await;
    fail_a_code().await;

    let locked = disable(&app, &user.access, PASSWORD, &current_code(&app, &user.totp)).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let session = challenge(&app, &user.email, PASSWORD).await;
    let locked = verify(&app, &session, &user.backup_codes[0]).await;
    error_body(locked, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert!(mfa_enabled(&app, &user.access).await);

    // Its window running out clears it.
    app.clock.advance(chrono::Duration::seconds(i64::try_from(app.config.login.window_secs).unwrap() + 1));
    next_step(&app);
    let session = challenge(&app, &user.email, PASSWORD).await;
    signed_in_with(&app, &session, &current_code(&app, &user.totp)).await;
}

#[tokio::test]
async fn a_password_reset_keeps_mfa_on_and_voids_open_challenges() {
    if not_on_aws("needs the mailed reset code, which Cognito sends itself") {
        return;
    }
    let app = spawn_app().await;
    let user = enrolled_user(&app, "reset@example.com").await;
    let before = challenge(&app, &user.email, PASSWORD).await;

    let forgot = app.post("/auth/password/forgot", json!({ "email": user.email })).await;
    assert_eq!(forgot.status(), StatusCode::ACCEPTED);
    let code = wait_for_codes(&app, &user.email, RESET_LEAD, 1).await.remove(0);
    let reset = app
        .post("/auth/password/reset", json!({ "email": user.email, "code": code, "newPassword": NEW_PASSWORD }))
        .await;
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);

    let after = challenge(&app, &user.email, NEW_PASSWORD).await;
    next_step(&app);
    let signed_in = signed_in_with(&app, &after, &current_code(&app, &user.totp)).await;
    assert_eq!(signed_in["user"]["mfaEnabled"], true, "{signed_in}");

    // A right, unused code: the challenge ended with the reset, and the code is not spent on it.
    let stale = verify(&app, &before, &user.backup_codes[0]).await;
    error_body(stale, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
    let fresh = challenge(&app, &user.email, NEW_PASSWORD).await;
    signed_in_with(&app, &fresh, &user.backup_codes[0]).await;
}

#[tokio::test]
async fn signing_out_everywhere_ends_sign_ins_waiting_for_their_second_factor() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "logout@example.com").await;
    let waiting = challenge(&app, &user.email, PASSWORD).await;

    let logout = app.post_authed("/auth/logout", &user.access, None).await;
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);

    let refused = verify(&app, &waiting, &user.backup_codes[0]).await;
    error_body(refused, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
    let fresh = challenge(&app, &user.email, PASSWORD).await;
    signed_in_with(&app, &fresh, &user.backup_codes[0]).await;
}

#[tokio::test]
async fn secrets_backup_codes_and_challenge_sessions_are_not_stored_in_the_clear() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "at-rest@example.com").await;
    let used = challenge(&app, &user.email, PASSWORD).await;
    let signed_in = signed_in_with(&app, &used, &user.backup_codes[9]).await;
    let pending = challenge(&app, &user.email, PASSWORD).await;

    let aws = matches!(test_backend(), Backend::Aws);
    let values = store_values(&app).await;

    let column = |name: &str| -> Vec<&Vec<u8>> {
        values.iter().filter(|(column, _)| column == name).map(|(_, bytes)| bytes).collect()
    };
    let [sealed_secret, backup_code, challenge_digest] = if aws {
        ["MFA.sealedSecret", "MFA.backupCodes", "CHALLENGE.pk"]
    } else {
        ["mfa.sealed_secret", "backup_codes.digest", "mfa_challenges.digest"]
    };
    assert_eq!(column(sealed_secret).iter().map(|sealed| sealed.len()).collect::<Vec<_>>(), [1 + 24 + 20 + 16]);
    // The spent code stays, as a digest too, marked as spent.
    let (unused, spent) = if aws {
        (column(backup_code).len(), column("MFA.spentBackupCodes").len())
    } else {
        let spent = column("backup_codes.used_at").len();
        (column(backup_code).len() - spent, spent)
    };
    assert_eq!((unused, spent), (9, 1));
    assert_eq!(column(challenge_digest).len(), 1);
    assert!(values.iter().any(|(_, bytes)| contains(bytes, user.email.as_bytes())), "the dump reads nothing");

    let mut secrets: Vec<(String, Vec<u8>)> = vec![
        ("secret (base32)".to_owned(), user.secret.clone().into_bytes()),
        ("secret (raw)".to_owned(), base32_decode(&user.secret)),
        ("mfaSession".to_owned(), pending.clone().into_bytes()),
        ("used mfaSession".to_owned(), used.into_bytes()),
        ("refresh token".to_owned(), user.refresh.clone().into_bytes()),
        ("refresh token after MFA".to_owned(), str_field(&signed_in, "refreshToken").as_bytes().to_vec()),
    ];
    for code in &user.backup_codes {
        secrets.push((format!("backup code {code}"), code.clone().into_bytes()));
        secrets.push((format!("backup code {code} without hyphen"), code.replace('-', "").into_bytes()));
    }
    for (what, secret) in &secrets {
        for (column, bytes) in &values {
            assert!(!contains(bytes, secret), "{what} is stored in {column}");
        }
    }
    if aws {
        return;
    }
    // Nor anywhere in the files, free pages and the write-ahead log included.
    for file in ["auth.db", "auth.db-wal"] {
        let Ok(bytes) = std::fs::read(app.config.storage.data_dir.join(file)) else { continue };
        for (what, secret) in &secrets {
            assert!(!contains(&bytes, secret), "{what} is in {file}");
        }
    }

    let key = std::fs::metadata(app.config.storage.data_dir.join("mfa-key")).expect("the generated MFA key");
    assert_eq!(key.permissions().mode() & 0o777, 0o600);
}

#[tokio::test]
async fn malformed_codes_are_validation_failures_that_spend_no_tries() {
    let app = spawn_app().await;
    let user = enrolled_user(&app, "typo@example.com").await;
    let session = challenge(&app, &user.email, PASSWORD).await;

    for malformed in ["12345", "abc", "1234567", "abcde-fghj", "12345a"] {
        let body =
            error_body(verify(&app, &session, malformed).await, StatusCode::BAD_REQUEST, "validation_failed").await;
        assert_eq!(body["details"][0]["field"], "code", "{malformed}: {body}");
    }
    let body = error_body(
        verify_setup(&app, &user.access, &user.backup_codes[0]).await,
        StatusCode::BAD_REQUEST,
        "validation_failed",
    )
    .await;
    assert_eq!(body["details"][0]["field"], "code", "{body}");

    next_step(&app);
    signed_in_with(&app, &session, &current_code(&app, &user.totp)).await;
}
