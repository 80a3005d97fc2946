//! The happy paths and their rules, over HTTP against a real server.

use crate::support;

use std::collections::HashSet;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{
    CHROME_ON_ANDROID, FIREFOX_ON_MACOS, PASSWORD, TestApp, error_body, not_on_aws, spawn_app, spawn_app_with,
    str_field, wait_for_codes,
};

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("JWT payload");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url")).expect("JSON claims")
}

fn header(token: &str) -> Value {
    let header = token.split('.').next().expect("JWT header");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).expect("base64url")).expect("JSON header")
}

#[tokio::test]
async fn registration_returns_the_new_user_with_a_normalised_email() {
    let app = spawn_app().await;
    let response = app.register("Ada@Example.COM", PASSWORD, "Zoë O'Brien").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let user: Value = response.json().await.unwrap();
    assert_eq!(user["email"], "ada@example.com");
    assert_eq!(user["name"], "Zoë O'Brien");
    assert_eq!(user["emailVerified"], true);
    assert!(uuid::Uuid::parse_str(str_field(&user, "id")).is_ok());
    assert!(chrono::DateTime::parse_from_rfc3339(str_field(&user, "createdAt")).is_ok());
}

#[tokio::test]
async fn an_email_differing_only_in_case_is_the_same_account() {
    let app = spawn_app().await;
    assert_eq!(app.register("a@example.com", PASSWORD, "Ada").await.status(), StatusCode::CREATED);
    let duplicate = app.register("A@EXAMPLE.com", "another fine passphrase", "Ada").await;
    error_body(duplicate, StatusCode::CONFLICT, "email_taken").await;
    assert_eq!(app.login("A@Example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn concurrent_registrations_of_one_email_create_exactly_one_account() {
    let app = spawn_app().await;
    let attempts = (0..12).map(|i| {
        let app = &app;
        async move { app.register("race@example.com", PASSWORD, &format!("Racer {}", "x".repeat(i + 1))).await.status() }
    });
    let statuses = futures::future::join_all(attempts).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");
}

#[tokio::test]
async fn names_in_any_script_are_accepted_and_markup_is_refused() {
    let app = spawn_app().await;
    for (i, name) in ["José Núñez", "Zoë O'Brien", "李小龍", "Jean-Luc Picard"].into_iter().enumerate() {
        let response = app.register(&format!("n{i}@example.com"), PASSWORD, name).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{name}");
        assert_eq!(response.json::<Value>().await.unwrap()["name"], name);
    }
    for (i, name) in ["<script>alert(1)</script>", "Bell\u{7}", "Robert'); DROP TABLE users;--"].into_iter().enumerate()
    {
        let body = error_body(
            app.register(&format!("bad{i}@example.com"), PASSWORD, name).await,
            StatusCode::BAD_REQUEST,
            "validation_failed",
        )
        .await;
        assert_eq!(body["details"][0]["field"], "name", "{body}");
        assert_eq!(body["details"][0]["code"], "invalid_name", "{body}");
    }
}

#[tokio::test]
async fn weak_passwords_are_refused_naming_the_rule() {
    let app = spawn_app().await;
    let cases = [("short1!", "too_short"), ("password1", "too_common"), ("Qwerty123", "too_common")];
    for (i, (password, rule)) in cases.into_iter().enumerate() {
        let body = error_body(
            app.register(&format!("w{i}@example.com"), password, "Ada").await,
            StatusCode::BAD_REQUEST,
            "weak_password",
        )
        .await;
        assert_eq!(body["details"][0]["field"], "password");
        assert_eq!(body["details"][0]["code"], rule, "{password}");
    }
}

#[tokio::test]
async fn composition_rules_apply_when_configured() {
    let app = spawn_app_with(|config| {
        config.password.require_uppercase = true;
        config.password.require_symbol = true;
    })
    .await;
    let body = error_body(
        app.register("c@example.com", "all lower case words", "Ada").await,
        StatusCode::BAD_REQUEST,
        "weak_password",
    )
    .await;
    assert_eq!(body["details"][0]["code"], "missing_uppercase");
    let body = error_body(
        app.register("c@example.com", "No Symbols Here", "Ada").await,
        StatusCode::BAD_REQUEST,
        "weak_password",
    )
    .await;
    assert_eq!(body["details"][0]["code"], "missing_symbol");
    assert_eq!(app.register("c@example.com", "Has-A-Symbol now", "Ada").await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_64_character_password_works_and_is_not_truncated() {
    let app = spawn_app().await;
    let long = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do ei";
    assert_eq!(long.chars().count(), 64);
    assert_eq!(app.register("long@example.com", long, "Ada").await.status(), StatusCode::CREATED);
    assert_eq!(app.login("long@example.com", long).await.status(), StatusCode::OK);
    let truncated = &long[..63];
    assert_eq!(app.login("long@example.com", truncated).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn invalid_registrations_report_every_bad_field() {
    let app = spawn_app().await;
    let response = app.post("/auth/register", json!({ "email": "not-an-email", "password": "x", "name": "<b>" })).await;
    let body = error_body(response, StatusCode::BAD_REQUEST, "validation_failed").await;
    let fields: HashSet<&str> =
        body["details"].as_array().unwrap().iter().map(|d| d["field"].as_str().unwrap()).collect();
    assert_eq!(fields, HashSet::from(["email", "name"]), "{body}");
}

#[tokio::test]
async fn login_returns_es256_tokens_with_the_documented_claims() {
    if not_on_aws("Cognito signs RS256 tokens with its own claims; aws_backend.rs checks those") {
        return;
    }
    let app = spawn_app().await;
    let login = app.signed_in_user("claims@example.com").await;
    assert_eq!(login["mfaRequired"], false);
    assert_eq!(login["tokenType"], "Bearer");
    assert_eq!(login["expiresIn"], 900);
    assert_eq!(login["user"]["email"], "claims@example.com");
    let user_id = str_field(&login["user"], "id").to_owned();

    let jwks: Value = app.http.get(app.url("/.well-known/jwks.json")).send().await.unwrap().json().await.unwrap();
    let key = &jwks["keys"][0];
    assert_eq!(
        (key["kty"].as_str(), key["crv"].as_str(), key["alg"].as_str(), key["use"].as_str()),
        (Some("EC"), Some("P-256"), Some("ES256"), Some("sig"))
    );

    for (token, token_use) in [(str_field(&login, "accessToken"), "access"), (str_field(&login, "idToken"), "id")] {
        assert_eq!(header(token)["alg"], "ES256");
        assert_eq!(header(token)["kid"], key["kid"]);
        let claims = claims(token);
        assert_eq!(claims["iss"], app.config.tokens.issuer.as_str());
        assert_eq!(claims["aud"], app.config.tokens.audience.as_str());
        assert_eq!(claims["sub"], user_id.as_str());
        assert_eq!(claims["token_use"], token_use);
        assert_eq!(claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(), 900);
        assert!(claims["jti"].as_str().is_some_and(|jti| !jti.is_empty()));

        // An outside verifier needs nothing but the published key.
        let decoding = jsonwebtoken::DecodingKey::from_ec_components(str_field(key, "x"), str_field(key, "y")).unwrap();
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::ES256);
        validation.set_audience(&[&app.config.tokens.audience]);
        validation.validate_exp = false;
        jsonwebtoken::decode::<Value>(token, &decoding, &validation).expect("verifies with the JWKS");
    }
    assert_eq!(claims(str_field(&login, "idToken"))["email"], "claims@example.com");
    assert_eq!(claims(str_field(&login, "idToken"))["name"], "Ada Lovelace");
    assert!(str_field(&login, "refreshToken").len() >= 43, "256 random bits");
}

#[tokio::test]
async fn the_profile_can_be_read_and_renamed() {
    let app = spawn_app().await;
    let login = app.signed_in_user("profile@example.com").await;
    let token = str_field(&login, "accessToken");
    let me: Value = app.get_authed("/users/me", token).await.json().await.unwrap();
    assert_eq!(me, login["user"]);

    let renamed = app
        .http
        .patch(app.url("/users/me"))
        .bearer_auth(token)
        .json(&json!({ "name": "Ada King" }))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), StatusCode::OK);
    assert_eq!(renamed.json::<Value>().await.unwrap()["name"], "Ada King");
    let me: Value = app.get_authed("/users/me", token).await.json().await.unwrap();
    assert_eq!(me["name"], "Ada King");

    let refused = app
        .http
        .patch(app.url("/users/me"))
        .bearer_auth(token)
        .json(&json!({ "name": "<img src=x>" }))
        .send()
        .await
        .unwrap();
    error_body(refused, StatusCode::BAD_REQUEST, "validation_failed").await;
}

#[tokio::test]
async fn refresh_rotates_the_refresh_token() {
    let app = spawn_app().await;
    let login = app.signed_in_user("rotate@example.com").await;
    let first = str_field(&login, "refreshToken");
    let refreshed = app.refresh(first).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
    let refreshed: Value = refreshed.json().await.unwrap();
    let second = str_field(&refreshed, "refreshToken");
    assert_ne!(first, second);
    assert_eq!(refreshed["tokenType"], "Bearer");
    assert_eq!(app.get_authed("/users/me", str_field(&refreshed, "accessToken")).await.status(), StatusCode::OK);
    assert_eq!(app.refresh(second).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_concurrent_duplicate_refresh_within_the_grace_window_gets_the_same_successor() {
    let app = spawn_app().await;
    let login = app.signed_in_user("grace@example.com").await;
    let token = str_field(&login, "refreshToken");
    let (a, b) = tokio::join!(app.refresh(token), app.refresh(token));
    let (a, b): (Value, Value) = (a.json().await.unwrap(), b.json().await.unwrap());
    assert_eq!(a["refreshToken"], b["refreshToken"], "{a} {b}");

    app.clock.advance(chrono::Duration::seconds(9));
    let again: Value = app.refresh(token).await.json().await.unwrap();
    assert_eq!(again["refreshToken"], a["refreshToken"]);
}

#[tokio::test]
async fn reusing_a_rotated_refresh_token_after_the_grace_window_revokes_the_whole_sign_in() {
    let app = spawn_app().await;
    let login = app.signed_in_user("reuse@example.com").await;
    let stolen = str_field(&login, "refreshToken");
    let refreshed: Value = app.refresh(stolen).await.json().await.unwrap();
    let current = str_field(&refreshed, "refreshToken");

    app.clock.advance(chrono::Duration::seconds(11));
    error_body(app.refresh(stolen).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    error_body(app.refresh(current).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    error_body(
        app.get_authed("/users/me", str_field(&refreshed, "accessToken")).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    // Other sign-ins of the same user are unaffected.
    assert_eq!(app.login("reuse@example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn refresh_tokens_expire_after_their_absolute_lifetime() {
    let app = spawn_app_with(|config| config.tokens.refresh_ttl_secs = 3600).await;
    let login = app.signed_in_user("expiry@example.com").await;
    let refreshed: Value = app.refresh(str_field(&login, "refreshToken")).await.json().await.unwrap();
    app.clock.advance(chrono::Duration::seconds(3601));
    error_body(
        app.refresh(str_field(&refreshed, "refreshToken")).await,
        StatusCode::UNAUTHORIZED,
        "invalid_refresh_token",
    )
    .await;
}

/// A session not refreshed for its idle lifetime ends; each refresh starts
/// the idle lifetime again, up to the absolute one.
#[tokio::test]
async fn a_session_unused_for_its_idle_lifetime_ends() {
    let app = spawn_app_with(|config| config.tokens.session_idle_ttl_secs = 3600).await;
    let login = app.signed_in_user("idle@example.com").await;
    let mut token = str_field(&login, "refreshToken").to_owned();
    for _ in 0..3 {
        app.clock.advance(chrono::Duration::seconds(3500));
        let refreshed = app.refresh(&token).await;
        assert_eq!(refreshed.status(), StatusCode::OK, "refreshed within the idle lifetime");
        let refreshed: Value = refreshed.json().await.unwrap();
        token = str_field(&refreshed, "refreshToken").to_owned();
    }
    app.clock.advance(chrono::Duration::seconds(3601));
    error_body(app.refresh(&token).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    // Ended, not only refused for now: a refresh within the idle lifetime
    // of the failed one still fails.
    app.clock.advance(chrono::Duration::seconds(-3000));
    error_body(app.refresh(&token).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
}

#[tokio::test]
async fn unknown_refresh_tokens_are_refused() {
    let app = spawn_app().await;
    error_body(app.refresh("bm90LWEtcmVhbC10b2tlbg").await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
}

#[tokio::test]
async fn access_tokens_expire() {
    let app = spawn_app().await;
    let login = app.signed_in_user("access-expiry@example.com").await;
    let token = str_field(&login, "accessToken");
    let lifetime = login["expiresIn"].as_i64().expect("expiresIn");
    app.clock.advance(chrono::Duration::seconds(lifetime - 1));
    assert_eq!(app.get_authed("/users/me", token).await.status(), StatusCode::OK);
    app.clock.advance(chrono::Duration::seconds(10));
    error_body(app.get_authed("/users/me", token).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test]
async fn logout_rejects_every_earlier_access_and_refresh_token_at_once() {
    let app = spawn_app().await;
    let laptop = app.signed_in_user("logout@example.com").await;
    let phone: Value = app.login("logout@example.com", PASSWORD).await.json().await.unwrap();

    let response = app.post_authed("/auth/logout", str_field(&laptop, "accessToken"), None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    for session in [&laptop, &phone] {
        error_body(
            app.get_authed("/users/me", str_field(session, "accessToken")).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        )
        .await;
        error_body(
            app.refresh(str_field(session, "refreshToken")).await,
            StatusCode::UNAUTHORIZED,
            "invalid_refresh_token",
        )
        .await;
    }
    let again: Value = app.login("logout@example.com", PASSWORD).await.json().await.unwrap();
    assert_eq!(app.get_authed("/users/me", str_field(&again, "accessToken")).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    let app = spawn_app().await;
    let this = app.signed_in_user("change@example.com").await;
    let other: Value = app.login("change@example.com", PASSWORD).await.json().await.unwrap();
    let token = str_field(&this, "accessToken");

    let response = app
        .post_authed(
            "/users/me/password",
            token,
            Some(json!({ "currentPassword": PASSWORD, "newPassword": "a brand new passphrase" })),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    assert_eq!(app.get_authed("/users/me", token).await.status(), StatusCode::OK);
    assert_eq!(app.refresh(str_field(&this, "refreshToken")).await.status(), StatusCode::OK);
    error_body(
        app.get_authed("/users/me", str_field(&other, "accessToken")).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    error_body(app.refresh(str_field(&other, "refreshToken")).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;

    error_body(app.login("change@example.com", PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    assert_eq!(app.login("change@example.com", "a brand new passphrase").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn changing_the_password_requires_the_current_one_and_a_strong_new_one() {
    let app = spawn_app().await;
    let login = app.signed_in_user("change2@example.com").await;
    let token = str_field(&login, "accessToken");
    let wrong = app
        .post_authed(
            "/users/me/password",
            token,
            Some(json!({ "currentPassword": "not my password", "newPassword": "a brand new passphrase" })),
        )
        .await;
    error_body(wrong, StatusCode::FORBIDDEN, "current_password_incorrect").await;
    let weak = app
        .post_authed(
            "/users/me/password",
            token,
            Some(json!({ "currentPassword": PASSWORD, "newPassword": "password" })),
        )
        .await;
    let body = error_body(weak, StatusCode::BAD_REQUEST, "weak_password").await;
    assert_eq!(body["details"][0]["field"], "newPassword");
    assert_eq!(app.login("change2@example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn health_reports_the_store_ready() {
    let app = spawn_app().await;
    let response = app.http.get(app.url("/health")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap(), json!({ "status": "ok", "store": "ok" }));
}

/// A reset code outlives no credential change it could undo: one mailed
/// before a password change or a sign-out everywhere resets nothing, and
/// one asked for afterwards works.
#[tokio::test]
async fn reset_codes_mailed_before_a_password_change_or_a_sign_out_everywhere_reset_nothing() {
    const RESET_LEAD: &str = "Your password reset code is";
    const CHANGED: &str = "a password changed on purpose";
    let app = spawn_app().await;
    for event in ["password-change", "sign-out-everywhere"] {
        let email = format!("undo-{event}@example.com");
        let login = app.signed_in_user(&email).await;
        let token = str_field(&login, "accessToken");
        let forgot = app.post("/auth/password/forgot", json!({ "email": email })).await;
        assert_eq!(forgot.status(), StatusCode::ACCEPTED);
        let code = wait_for_codes(&app, &email, RESET_LEAD, 1).await.remove(0);

        let password = if event == "password-change" {
            let change = json!({ "currentPassword": PASSWORD, "newPassword": CHANGED });
            assert_eq!(
                app.post_authed("/users/me/password", token, Some(change)).await.status(),
                StatusCode::NO_CONTENT
            );
            CHANGED
        } else {
            assert_eq!(app.post_authed("/auth/logout", token, None).await.status(), StatusCode::NO_CONTENT);
            PASSWORD
        };

        let undo = json!({ "email": email, "code": code, "newPassword": "what the mailbox's reader chose" });
        error_body(app.post("/auth/password/reset", undo).await, StatusCode::BAD_REQUEST, "invalid_code").await;
        assert_eq!(app.login(&email, password).await.status(), StatusCode::OK, "{event} was undone");

        app.clock.advance(chrono::Duration::seconds(61));
        let forgot = app.post("/auth/password/forgot", json!({ "email": email })).await;
        assert_eq!(forgot.status(), StatusCode::ACCEPTED);
        let code = wait_for_codes(&app, &email, RESET_LEAD, 2).await.remove(1);
        let reset = json!({ "email": email, "code": code, "newPassword": "a reset asked for afterwards" });
        assert_eq!(app.post("/auth/password/reset", reset).await.status(), StatusCode::NO_CONTENT, "{event}");
    }
}

/// NIST SP 800-63B §5.1.1.2: a password is compared in one Unicode form
/// (NFKC), so the same characters sent composed, decomposed or in
/// compatibility forms are one password, wherever a password is checked.
#[tokio::test]
async fn one_password_typed_in_any_unicode_form_is_one_password() {
    let app = spawn_app().await;
    let composed = "Ma\u{f1}ana-\u{c7}af\u{e9}-Gr\u{f6}\u{df}e-2026";
    let decomposed = "Man\u{303}ana-C\u{327}afe\u{301}-Gro\u{308}\u{df}e-2026";
    let full_width_digits = "Ma\u{f1}ana-\u{c7}af\u{e9}-Gr\u{f6}\u{df}e-\u{ff12}\u{ff10}\u{ff12}\u{ff16}";
    for (registered, email) in [(composed, "nfc@example.com"), (decomposed, "nfd@example.com")] {
        assert_eq!(app.register(email, registered, "Ada Lovelace").await.status(), StatusCode::CREATED);
        for typed in [composed, decomposed, full_width_digits] {
            assert_eq!(app.login(email, typed).await.status(), StatusCode::OK, "{registered:?} / {typed:?}");
        }
        let login: Value = app.login(email, decomposed).await.json().await.unwrap();
        let change = json!({ "currentPassword": full_width_digits, "newPassword": "an entirely new passphrase" });
        let changed = app.post_authed("/users/me/password", str_field(&login, "accessToken"), Some(change)).await;
        assert_eq!(changed.status(), StatusCode::NO_CONTENT, "{registered:?}");
    }
}

/// A hash stored before passwords were normalised, or under other argon2id
/// parameters, still verifies, and the next sign-in replaces it with a hash
/// of the normalised password under the current parameters.
#[tokio::test]
async fn stored_hashes_of_the_password_as_typed_or_under_old_parameters_are_replaced_at_sign_in() {
    use argon2::password_hash::{PasswordHasher as _, SaltString, rand_core::OsRng};
    if not_on_aws("Cognito keeps the hashes; the Cognito case is in aws_backend") {
        return;
    }
    let app = spawn_app().await;
    let decomposed = "Man\u{303}ana-C\u{327}afe\u{301}-Gro\u{308}\u{df}e-2026";
    let composed = "Ma\u{f1}ana-\u{c7}af\u{e9}-Gr\u{f6}\u{df}e-2026";
    let database = app.config.storage.data_dir.join("auth.db");
    let stored = |email: &str| -> String {
        let connection = rusqlite::Connection::open(&database).unwrap();
        connection
            .query_row("SELECT password_hash FROM credentials WHERE email = ?1", [email], |row| row.get(0))
            .unwrap()
    };
    let store = |email: &str, hash: &str| {
        let connection = rusqlite::Connection::open(&database).unwrap();
        connection.execute("UPDATE credentials SET password_hash = ?1 WHERE email = ?2", [hash, email]).unwrap();
    };
    let old_parameters = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(8 * 1024, 3, 1, None).unwrap(),
    );
    let cases = [
        ("as-typed@example.com", decomposed.as_bytes(), composed),
        ("old-parameters@example.com", PASSWORD.as_bytes(), PASSWORD),
    ];
    for (email, hashed, typed) in cases {
        assert_eq!(app.register(email, PASSWORD, "Ada Lovelace").await.status(), StatusCode::CREATED);
        let old = old_parameters.hash_password(hashed, &SaltString::generate(&mut OsRng)).unwrap().to_string();
        store(email, &old);

        // The composed spelling of a password stored as typed (decomposed)
        // only matches through the form as typed, which is tried only when
        // it differs; so the decomposed spelling signs in first.
        let first = if email.starts_with("as-typed") { decomposed } else { typed };
        assert_eq!(app.login(email, first).await.status(), StatusCode::OK, "{email}");
        let mut replaced = stored(email);
        for _ in 0..100 {
            if replaced != old {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            replaced = stored(email);
        }
        assert!(replaced.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{email}: {replaced}");
        assert_eq!(app.login(email, typed).await.status(), StatusCode::OK, "{email}");
        assert_eq!(stored(email), replaced, "a current hash is kept");
    }
}

/// One address, one account: every spelling of a domain (A-labels,
/// capitals, decomposed or full-width characters) is one address, stored
/// and answered in one canonical spelling (UTS #46, Unicode form).
#[tokio::test]
async fn every_spelling_of_an_internationalised_address_is_one_account() {
    let app = spawn_app().await;
    let registered = app.register("x@b\u{fc}cher.example", PASSWORD, "Ada Lovelace").await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    let user: Value = registered.json().await.unwrap();
    assert_eq!(user["email"], "x@b\u{fc}cher.example");
    for spelling in ["x@xn--bcher-kva.example", "X@XN--BCHER-KVA.EXAMPLE", "x@bu\u{308}cher.example"] {
        let again = app.register(spelling, PASSWORD, "Someone Else").await;
        error_body(again, StatusCode::CONFLICT, "email_taken").await;
        let login = app.login(spelling, PASSWORD).await;
        assert_eq!(login.status(), StatusCode::OK, "{spelling}");
        let login: Value = login.json().await.unwrap();
        let me: Value = app.get_authed("/users/me", str_field(&login, "accessToken")).await.json().await.unwrap();
        assert_eq!(me["email"], "x@b\u{fc}cher.example", "{spelling}");
    }
}

/// Signs in from a device with `user_agent`.
async fn login_from_device(app: &TestApp, email: &str, user_agent: &str) -> Value {
    let response = app.login_from(email, PASSWORD, user_agent).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn sessions_of(app: &TestApp, login: &Value) -> Vec<Value> {
    let listed = app.get_authed("/users/me/sessions", str_field(login, "accessToken")).await;
    assert_eq!(listed.status(), StatusCode::OK);
    let body: Value = listed.json().await.unwrap();
    body["sessions"].as_array().expect("sessions").clone()
}

async fn revoke(app: &TestApp, login: &Value, session_id: &str) -> reqwest::Response {
    app.http
        .delete(app.url(&format!("/users/me/sessions/{session_id}")))
        .bearer_auth(str_field(login, "accessToken"))
        .send()
        .await
        .unwrap()
}

/// Each sign-in is a session the user can see, with its device and the
/// current one flagged, and end from another: the ended one's access token
/// is refused on its next request and its refresh token fails.
#[tokio::test]
async fn signed_in_devices_are_listed_and_one_can_be_ended_from_another() {
    let app = spawn_app().await;
    let email = "devices@example.com";
    assert_eq!(app.register(email, PASSWORD, "Ada Lovelace").await.status(), StatusCode::CREATED);
    let laptop = login_from_device(&app, email, FIREFOX_ON_MACOS).await;
    app.clock.advance(chrono::Duration::seconds(60));
    let phone = login_from_device(&app, email, CHROME_ON_ANDROID).await;

    let sessions = sessions_of(&app, &laptop).await;
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    // Most recently used first.
    assert_eq!(sessions[0]["device"], "Chrome on Android", "{sessions:?}");
    assert_eq!(sessions[1]["device"], "Firefox on macOS", "{sessions:?}");
    assert_eq!((sessions[0]["current"].as_bool(), sessions[1]["current"].as_bool()), (Some(false), Some(true)));
    assert!(sessions.iter().all(|session| session["ipAddress"] == "127.0.0.1"), "{sessions:?}");
    let phone_session = str_field(&sessions[0], "id").to_owned();
    let from_phone = sessions_of(&app, &phone).await;
    assert_eq!(from_phone[0]["current"], true, "{from_phone:?}");

    assert_eq!(revoke(&app, &laptop, &phone_session).await.status(), StatusCode::NO_CONTENT);
    let me = app.get_authed("/users/me", str_field(&phone, "accessToken")).await;
    error_body(me, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    error_body(app.refresh(str_field(&phone, "refreshToken")).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    assert_eq!(app.get_authed("/users/me", str_field(&laptop, "accessToken")).await.status(), StatusCode::OK);
    assert_eq!(sessions_of(&app, &laptop).await.len(), 1);

    // Gone now, never was, or another account's: all the same 404.
    error_body(revoke(&app, &laptop, &phone_session).await, StatusCode::NOT_FOUND, "session_not_found").await;
    error_body(revoke(&app, &laptop, "no-such-session").await, StatusCode::NOT_FOUND, "session_not_found").await;
    let stranger = app.signed_in_user("stranger@example.com").await;
    let theirs = str_field(&sessions_of(&app, &stranger).await[0], "id").to_owned();
    error_body(revoke(&app, &laptop, &theirs).await, StatusCode::NOT_FOUND, "session_not_found").await;
    assert_eq!(app.get_authed("/users/me", str_field(&stranger, "accessToken")).await.status(), StatusCode::OK);
    let malformed = revoke(&app, &laptop, "not%20an%20id").await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
}

async fn logout_with(app: &TestApp, login: &Value, scope: Option<&str>) -> reqwest::Response {
    let url = match scope {
        Some(scope) => app.url(&format!("/auth/logout?scope={scope}")),
        None => app.url("/auth/logout"),
    };
    app.http.post(url).bearer_auth(str_field(login, "accessToken")).send().await.unwrap()
}

async fn works(app: &TestApp, login: &Value) -> bool {
    app.get_authed("/users/me", str_field(login, "accessToken")).await.status() == StatusCode::OK
}

/// A sign-out ends the caller's session, the others, or (by default) all.
#[tokio::test]
async fn a_sign_out_ends_the_current_session_the_others_or_all() {
    let app = spawn_app().await;
    let email = "scopes@example.com";
    let first = app.signed_in_user(email).await;
    let second: Value = app.login(email, PASSWORD).await.json().await.unwrap();
    let third: Value = app.login(email, PASSWORD).await.json().await.unwrap();

    assert_eq!(logout_with(&app, &first, Some("others")).await.status(), StatusCode::NO_CONTENT);
    assert!(works(&app, &first).await);
    assert!(!works(&app, &second).await && !works(&app, &third).await);
    assert_eq!(app.refresh(str_field(&second, "refreshToken")).await.status(), StatusCode::UNAUTHORIZED);

    let fourth: Value = app.login(email, PASSWORD).await.json().await.unwrap();
    assert_eq!(logout_with(&app, &first, Some("current")).await.status(), StatusCode::NO_CONTENT);
    assert!(!works(&app, &first).await);
    assert_eq!(app.refresh(str_field(&first, "refreshToken")).await.status(), StatusCode::UNAUTHORIZED);
    assert!(works(&app, &fourth).await);

    let fifth: Value = app.login(email, PASSWORD).await.json().await.unwrap();
    error_body(logout_with(&app, &fourth, Some("everywhere")).await, StatusCode::BAD_REQUEST, "validation_failed")
        .await;
    assert!(works(&app, &fourth).await, "a refused sign-out changes nothing");
    assert_eq!(logout_with(&app, &fourth, None).await.status(), StatusCode::NO_CONTENT);
    assert!(!works(&app, &fourth).await && !works(&app, &fifth).await);
}
