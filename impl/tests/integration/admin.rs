//! Administration: roles and custom attributes that only administrators
//! set and tokens carry, the first administrator made by the operator, and
//! the admin API, on the backend under test.

use crate::support;

use auth_service::domain::{AuthService, Clock};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::{PASSWORD, TestApp, error_body, every_operation, spawn_app_and_service, str_field, test_backend};

/// The claims of a JWT, unverified (the service verified it).
fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("JWT payload");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url")).expect("JSON claims")
}

/// The roles a token carries, as the backend puts them: the `roles` claim
/// when the service signs, `cognito:groups` when Cognito does.
fn token_roles(token: &str) -> Vec<String> {
    let claims = claims(token);
    let claim = match test_backend() {
        auth_service::config::Backend::Embedded => "roles",
        auth_service::config::Backend::Aws => "cognito:groups",
    };
    let roles = claims.get(claim).cloned().unwrap_or(json!([]));
    serde_json::from_value(roles).expect("a list of roles")
}

/// An account signed in, with its id and tokens.
struct Member {
    id: String,
    email: String,
    access: String,
    refresh: String,
}

async fn member(app: &TestApp, email: &str) -> Member {
    let login = app.signed_in_user(email).await;
    Member {
        id: str_field(&login["user"], "id").to_owned(),
        email: email.to_owned(),
        access: str_field(&login, "accessToken").to_owned(),
        refresh: str_field(&login, "refreshToken").to_owned(),
    }
}

/// An administrator made as the operator makes the first one.
async fn admin(app: &TestApp, auth: &AuthService, email: &str) -> Member {
    let member = member(app, email).await;
    let email = auth_service::domain::Email::parse("email", email).unwrap();
    let user = auth.grant_role(&email, "admin").await.expect("granting admin");
    assert_eq!(user.roles.iter().map(|role| role.as_str()).collect::<Vec<_>>(), ["admin"]);
    member
}

async fn call(app: &TestApp, method: Method, path: &str, token: &str, body: Option<Value>) -> reqwest::Response {
    let request = app.http.request(method, app.url(path)).bearer_auth(token);
    let request = match body {
        Some(body) => request.json(&body),
        None => request,
    };
    request.send().await.expect("request")
}

async fn ok_json(response: reqwest::Response) -> Value {
    let status = response.status();
    let body: Value = response.json().await.expect("json");
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn roles_and_attributes_set_by_an_administrator_reach_the_profile_and_the_next_tokens() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let ada = member(&app, "ada@example.com").await;

    // The role counts from the next request: the boss's token is the one
    // it had before the grant.
    let update = json!({ "roles": ["employee"], "attributes": { "department": "Research", "employee_id": "E000042" } });
    let updated =
        ok_json(call(&app, Method::PATCH, &format!("/admin/users/{}", ada.id), &boss.access, Some(update)).await).await;
    assert_eq!(updated["roles"], json!(["employee"]));
    assert_eq!(updated["attributes"], json!({ "department": "Research", "employee_id": "E000042" }));
    assert_eq!(updated["status"], "active");

    let profile = ok_json(app.get_authed("/users/me", &ada.access).await).await;
    assert_eq!(profile["roles"], json!(["employee"]));
    assert_eq!(profile["attributes"]["department"], "Research");

    let refreshed = ok_json(app.refresh(&ada.refresh).await).await;
    assert_eq!(token_roles(str_field(&refreshed, "accessToken")), ["employee"]);
    let id_token = claims(str_field(&refreshed, "idToken"));
    assert_eq!(token_roles(str_field(&refreshed, "idToken")), ["employee"]);
    assert_eq!(id_token["custom:department"], "Research", "{id_token}");
    assert_eq!(id_token["custom:employee_id"], "E000042", "{id_token}");

    // Taking them away reaches the tokens the same way.
    let cleared = json!({ "roles": [], "attributes": {} });
    ok_json(call(&app, Method::PATCH, &format!("/admin/users/{}", ada.id), &boss.access, Some(cleared)).await).await;
    let refreshed = ok_json(app.refresh(str_field(&refreshed, "refreshToken")).await).await;
    assert!(token_roles(str_field(&refreshed, "accessToken")).is_empty());
    assert!(claims(str_field(&refreshed, "idToken")).get("custom:department").is_none());

    // Every change is in the account's activity, naming the administrator.
    let activity =
        ok_json(app.get_authed("/users/me/security-events", str_field(&refreshed, "accessToken")).await).await;
    let by_admin: Vec<(&str, &str)> = activity["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|event| Some((event["type"].as_str()?, event["actorId"].as_str()?)))
        .collect();
    assert_eq!(
        by_admin,
        [
            ("attributes_changed", boss.id.as_str()),
            ("roles_changed", boss.id.as_str()),
            ("attributes_changed", boss.id.as_str()),
            ("roles_changed", boss.id.as_str())
        ]
    );
    // The administrator reads the same history.
    let read =
        ok_json(app.get_authed(&format!("/admin/users/{}/security-events?limit=2", ada.id), &boss.access).await).await;
    assert_eq!(read["events"].as_array().unwrap().len(), 2);
    assert!(read["nextCursor"].is_string());
}

#[tokio::test]
async fn users_cannot_give_themselves_roles_or_attributes_by_any_route() {
    let (app, auth) = spawn_app_and_service().await;
    let registered = app
        .post(
            "/auth/register",
            json!({ "email": "eve@example.com", "password": PASSWORD, "name": "Eve",
                    "roles": ["admin"], "attributes": { "department": "Security" } }),
        )
        .await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    let login = ok_json(app.login("eve@example.com", PASSWORD).await).await;
    let access = str_field(&login, "accessToken").to_owned();
    let renamed = call(
        &app,
        Method::PATCH,
        "/users/me",
        &access,
        Some(json!({ "name": "Eve", "roles": ["admin"], "attributes": { "department": "Security" } })),
    )
    .await;
    assert_eq!(renamed.status(), StatusCode::OK);
    let profile = ok_json(app.get_authed("/users/me", &access).await).await;
    assert_eq!(profile["roles"], json!([]));
    assert_eq!(profile["attributes"], json!({}));
    assert!(token_roles(&access).is_empty());

    // A plain user's token gets 403 on every admin operation, its own
    // account's included.
    let eve_id = str_field(&login["user"], "id").to_owned();
    for operation in every_operation().into_iter().filter(|operation| operation.route.starts_with("/admin/")) {
        let path = operation.path.replace("6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11", &eve_id);
        let body = operation.body.clone().map(|mut body| {
            body["roles"] = json!(["admin"]);
            body
        });
        let refused = call(&app, operation.method.clone(), &path, &access, body).await;
        error_body(refused, StatusCode::FORBIDDEN, "admin_required").await;
    }
    let profile = ok_json(app.get_authed("/users/me", &access).await).await;
    assert_eq!(profile["roles"], json!([]));
    // An administrator whose role is taken away is refused from the next request on.
    let boss = admin(&app, &auth, "boss@example.com").await;
    let deputy = admin(&app, &auth, "deputy@example.com").await;
    let demoted = json!({ "roles": [] });
    ok_json(call(&app, Method::PATCH, &format!("/admin/users/{}", deputy.id), &boss.access, Some(demoted)).await).await;
    let refused = app.get_authed("/admin/users", &deputy.access).await;
    error_body(refused, StatusCode::FORBIDDEN, "admin_required").await;
}

#[tokio::test]
async fn an_administrators_changes_are_checked_before_anything_changes() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let ada = member(&app, "ada@example.com").await;
    let path = format!("/admin/users/{}", ada.id);

    let invalid = json!({ "name": "Ada Byron", "roles": ["employee", "root"], "attributes": { "employee_id": "42", "shoe_size": "9" } });
    let refused = error_body(
        call(&app, Method::PATCH, &path, &boss.access, Some(invalid)).await,
        StatusCode::BAD_REQUEST,
        "validation_failed",
    )
    .await;
    let fields: Vec<(&str, &str)> = refused["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|detail| (detail["field"].as_str().unwrap(), detail["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("roles[1]", "unknown_role"),
            ("attributes.employee_id", "invalid_attribute"),
            ("attributes.shoe_size", "unknown_attribute")
        ]
    );
    let unchanged = ok_json(app.get_authed(&path, &boss.access).await).await;
    assert_eq!(unchanged["name"], "Ada Lovelace");
    assert_eq!(unchanged["roles"], json!([]));

    let empty = call(&app, Method::PATCH, &path, &boss.access, Some(json!({}))).await;
    error_body(empty, StatusCode::BAD_REQUEST, "validation_failed").await;

    // An administrator keeps their own admin role.
    let own = format!("/admin/users/{}", boss.id);
    let refused = call(&app, Method::PATCH, &own, &boss.access, Some(json!({ "roles": ["employee"] }))).await;
    error_body(refused, StatusCode::CONFLICT, "self_action_refused").await;
    let renamed = call(&app, Method::PATCH, &own, &boss.access, Some(json!({ "name": "The Boss" }))).await;
    assert_eq!(ok_json(renamed).await["roles"], json!(["admin"]));

    let missing = "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11";
    error_body(app.get_authed(missing, &boss.access).await, StatusCode::NOT_FOUND, "user_not_found").await;
    let patched = call(&app, Method::PATCH, missing, &boss.access, Some(json!({ "roles": [] }))).await;
    error_body(patched, StatusCode::NOT_FOUND, "user_not_found").await;
    error_body(
        app.get_authed("/admin/users/not-a-uuid", &boss.access).await,
        StatusCode::BAD_REQUEST,
        "validation_failed",
    )
    .await;

    // Renaming is recorded too.
    let renamed = call(&app, Method::PATCH, &path, &boss.access, Some(json!({ "name": "Ada Byron" }))).await;
    assert_eq!(ok_json(renamed).await["name"], "Ada Byron");
    let events = ok_json(app.get_authed(&format!("{path}/security-events"), &boss.access).await).await;
    assert_eq!(events["events"][0]["type"], "name_changed");
    assert_eq!(events["events"][0]["actorId"], boss.id.as_str());
}

#[tokio::test]
async fn an_administrator_signs_an_account_out_everywhere() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let ada = member(&app, "ada@example.com").await;
    let second = ok_json(app.login(&ada.email, PASSWORD).await).await;

    let signed_out = app.post_authed(&format!("/admin/users/{}/logout", ada.id), &boss.access, None).await;
    assert_eq!(signed_out.status(), StatusCode::NO_CONTENT);
    for access in [ada.access.as_str(), str_field(&second, "accessToken")] {
        error_body(app.get_authed("/users/me", access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    }
    for refresh in [ada.refresh.as_str(), str_field(&second, "refreshToken")] {
        error_body(app.refresh(refresh).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    }
    let events = ok_json(app.get_authed(&format!("/admin/users/{}/security-events", ada.id), &boss.access).await).await;
    assert_eq!(events["events"][0]["type"], "signed_out");
    assert_eq!(events["events"][0]["actorId"], boss.id.as_str());
    // The administrator's own session goes on.
    assert_eq!(app.get_authed("/users/me", &boss.access).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn accounts_are_listed_in_address_order_a_page_at_a_time_with_filters() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let mut staff = Vec::new();
    for email in ["carol@corp.example", "alice@corp.example", "dave@home.example", "bob@corp.example"] {
        staff.push(member(&app, email).await);
    }
    let employee = json!({ "roles": ["employee"] });
    for member in staff.iter().filter(|member| member.email.ends_with("@corp.example")) {
        ok_json(
            call(&app, Method::PATCH, &format!("/admin/users/{}", member.id), &boss.access, Some(employee.clone()))
                .await,
        )
        .await;
    }

    // Every page in turn, two at a time.
    let mut listed = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let path = match &cursor {
            Some(cursor) => format!("/admin/users?limit=2&cursor={cursor}"),
            None => "/admin/users?limit=2".to_owned(),
        };
        let page = ok_json(app.get_authed(&path, &boss.access).await).await;
        let users = page["users"].as_array().unwrap();
        assert!(users.len() <= 2);
        listed.extend(users.iter().map(|user| user["email"].as_str().unwrap().to_owned()));
        match page["nextCursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(
        listed,
        ["alice@corp.example", "bob@corp.example", "boss@example.com", "carol@corp.example", "dave@home.example"]
    );

    let emails = |page: &Value| -> Vec<String> {
        page["users"].as_array().unwrap().iter().map(|user| user["email"].as_str().unwrap().to_owned()).collect()
    };
    let prefixed = ok_json(app.get_authed("/admin/users?emailPrefix=B", &boss.access).await).await;
    assert_eq!(emails(&prefixed), ["bob@corp.example", "boss@example.com"]);
    let employees = ok_json(app.get_authed("/admin/users?role=employee", &boss.access).await).await;
    assert_eq!(emails(&employees), ["alice@corp.example", "bob@corp.example", "carol@corp.example"]);
    let both = ok_json(app.get_authed("/admin/users?role=employee&emailPrefix=c", &boss.access).await).await;
    assert_eq!(emails(&both), ["carol@corp.example"]);
    let active = ok_json(app.get_authed("/admin/users?status=active&role=admin", &boss.access).await).await;
    assert_eq!(emails(&active), ["boss@example.com"]);
    let unconfirmed = ok_json(app.get_authed("/admin/users?status=unconfirmed", &boss.access).await).await;
    assert_eq!(emails(&unconfirmed), Vec::<String>::new());
    assert!(unconfirmed.get("nextCursor").is_none());

    // A cursor is a place in address order, whichever text it is.
    let after = ok_json(app.get_authed("/admin/users?cursor=bob%40d", &boss.access).await).await;
    assert_eq!(emails(&after), ["boss@example.com", "carol@corp.example", "dave@home.example"]);
    let long = format!("cursor={}", "x".repeat(255));
    for bad in ["limit=0", "limit=101", long.as_str(), "role=Admin", "emailPrefix="] {
        let refused = app.get_authed(&format!("/admin/users?{bad}"), &boss.access).await;
        error_body(refused, StatusCode::BAD_REQUEST, "validation_failed").await;
    }
    // A value outside the contract's enum does not parse at all.
    let refused = app.get_authed("/admin/users?status=gone", &boss.access).await;
    error_body(refused, StatusCode::BAD_REQUEST, "malformed_request").await;
}

/// Turns MFA on for the session `token`; answers the authenticator.
async fn enable_mfa(app: &TestApp, token: &str) -> totp_rs::Totp {
    let setup = ok_json(app.post_authed("/users/me/mfa/setup", token, None).await).await;
    let totp = totp_rs::Totp::from_url(str_field(&setup, "otpauthUri")).expect("an otpauth URI");
    let code = totp.generate(u64::try_from(app.clock.now().timestamp()).unwrap()).to_string();
    let enabled =
        app.post_authed("/users/me/mfa/verify", token, Some(json!({ "password": PASSWORD, "code": code }))).await;
    assert_eq!(enabled.status(), StatusCode::OK);
    totp
}

#[tokio::test]
async fn a_disabled_account_is_signed_out_at_once_and_refused_until_enabled() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let ada = member(&app, "ada@example.com").await;
    let path = format!("/admin/users/{}", ada.id);

    let disabled = ok_json(app.post_authed(&format!("{path}/disable"), &boss.access, None).await).await;
    assert_eq!(disabled["status"], "disabled");
    // Every session ends at once.
    error_body(app.get_authed("/users/me", &ada.access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    error_body(app.refresh(&ada.refresh).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    // The right password is told the account is disabled; a wrong one is not.
    error_body(app.login(&ada.email, PASSWORD).await, StatusCode::FORBIDDEN, "account_disabled").await;
    error_body(app.login(&ada.email, "not the password at all").await, StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    let listed = ok_json(app.get_authed("/admin/users?status=disabled", &boss.access).await).await;
    assert_eq!(listed["users"].as_array().unwrap().len(), 1);
    assert_eq!(listed["users"][0]["email"], ada.email.as_str());
    let active = ok_json(app.get_authed("/admin/users?status=active", &boss.access).await).await;
    assert_eq!(active["users"].as_array().unwrap().len(), 1, "{active}");
    // Disabling again changes nothing; an administrator cannot disable themselves.
    assert_eq!(
        ok_json(app.post_authed(&format!("{path}/disable"), &boss.access, None).await).await["status"],
        "disabled"
    );
    let own = app.post_authed(&format!("/admin/users/{}/disable", boss.id), &boss.access, None).await;
    error_body(own, StatusCode::CONFLICT, "self_action_refused").await;

    let enabled = ok_json(app.post_authed(&format!("{path}/enable"), &boss.access, None).await).await;
    assert_eq!(enabled["status"], "active");
    let signed_in = ok_json(app.login(&ada.email, PASSWORD).await).await;
    assert_eq!(app.get_authed("/users/me", str_field(&signed_in, "accessToken")).await.status(), StatusCode::OK);

    let events = ok_json(app.get_authed(&format!("{path}/security-events?limit=4"), &boss.access).await).await;
    let kinds: Vec<(&str, Option<&str>)> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| (event["type"].as_str().unwrap(), event["actorId"].as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("signed_in", None),
            ("account_enabled", Some(boss.id.as_str())),
            ("sign_in_failed", None),
            ("account_disabled", Some(boss.id.as_str()))
        ]
    );

    // A disabled administrator is refused too: its sessions end, and the
    // admin API checks the account at every request.
    let deputy = admin(&app, &auth, "deputy@example.com").await;
    ok_json(app.post_authed(&format!("/admin/users/{}/disable", deputy.id), &boss.access, None).await).await;
    error_body(app.get_authed("/admin/users", &deputy.access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    error_body(app.login(&deputy.email, PASSWORD).await, StatusCode::FORBIDDEN, "account_disabled").await;
}

#[tokio::test]
async fn a_sign_in_waiting_for_its_second_factor_is_refused_once_the_account_is_disabled() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let ada = member(&app, "ada@example.com").await;
    let totp = enable_mfa(&app, &ada.access).await;
    let challenge = ok_json(app.login(&ada.email, PASSWORD).await).await;
    ok_json(app.post_authed(&format!("/admin/users/{}/disable", ada.id), &boss.access, None).await).await;
    app.clock.advance(chrono::Duration::seconds(30));
    let code = totp.generate(u64::try_from(app.clock.now().timestamp()).unwrap()).to_string();
    let finished = app.post("/auth/mfa/verify", json!({ "session": challenge["mfaSession"], "code": code })).await;
    // The disable ended the challenge with the sessions.
    error_body(finished, StatusCode::UNAUTHORIZED, "invalid_mfa_session").await;
}

#[tokio::test]
async fn resetting_a_lost_second_factor_lets_the_user_sign_in_with_the_password_alone() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let ada = member(&app, "ada@example.com").await;
    enable_mfa(&app, &ada.access).await;
    let challenged = ok_json(app.login(&ada.email, PASSWORD).await).await;
    assert_eq!(challenged["mfaRequired"], true);
    let path = format!("/admin/users/{}/mfa/reset", ada.id);

    let reset = app.post_authed(&path, &boss.access, None).await;
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    // Every session and the open challenge ended with the secret.
    error_body(app.get_authed("/users/me", &ada.access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let signed_in = ok_json(app.login(&ada.email, PASSWORD).await).await;
    assert_eq!(signed_in["mfaRequired"], false);
    assert_eq!(signed_in["user"]["mfaEnabled"], false);
    support::wait_for_mail(&app, &ada.email, "Two-step verification was turned off").await;
    let events = ok_json(app.get_authed(&format!("/admin/users/{}/security-events", ada.id), &boss.access).await).await;
    assert_eq!(events["events"][1]["type"], "mfa_disabled", "{events}");
    assert_eq!(events["events"][1]["actorId"], boss.id.as_str());
    // Nothing left to reset.
    error_body(app.post_authed(&path, &boss.access, None).await, StatusCode::CONFLICT, "mfa_not_enabled").await;
}

#[tokio::test]
async fn an_administrator_deletes_an_account_as_its_user_would() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "boss@example.com").await;
    let ada = member(&app, "ada@example.com").await;
    let path = format!("/admin/users/{}", ada.id);

    let own = call(&app, Method::DELETE, &format!("/admin/users/{}", boss.id), &boss.access, None).await;
    error_body(own, StatusCode::CONFLICT, "self_action_refused").await;
    let deleted = call(&app, Method::DELETE, &path, &boss.access, None).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    // Nothing of the account is left in the store (a sign-in attempt at
    // the address would count against it, as for any address).
    let values = support::store_values(&app).await;
    let leftovers: Vec<&String> = values
        .iter()
        .filter(|(_, value)| {
            support::contains(value, ada.id.as_bytes()) || support::contains(value, ada.email.as_bytes())
        })
        .map(|(column, _)| column)
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    error_body(app.get_authed("/users/me", &ada.access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    error_body(app.login(&ada.email, PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    error_body(app.get_authed(&path, &boss.access).await, StatusCode::NOT_FOUND, "user_not_found").await;
    support::wait_for_mail(&app, &ada.email, "Your account was deleted").await;
    let again = call(&app, Method::DELETE, &path, &boss.access, None).await;
    error_body(again, StatusCode::NOT_FOUND, "user_not_found").await;
}

/// The words before the code in the mail an invited person gets: the
/// service's invitation on the embedded backend, Cognito's reset code
/// mail on AWS.
fn invitation_lead() -> &'static str {
    match test_backend() {
        auth_service::config::Backend::Embedded => "Your code to choose a password is",
        auth_service::config::Backend::Aws => "Your password reset code is",
    }
}

async fn invite(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    call(app, Method::POST, "/admin/users", token, Some(body)).await
}

async fn choose_password(app: &TestApp, email: &str, code: &str, password: &str) -> reqwest::Response {
    app.post("/auth/password/reset", json!({ "email": email, "code": code, "newPassword": password })).await
}

#[tokio::test]
async fn an_invited_person_chooses_a_password_from_the_mail_and_signs_in_with_the_roles_given() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "inviter@example.com").await;

    let body = json!({
        "email": "Invitee@Example.com",
        "name": "Grace Hopper",
        "roles": ["employee"],
        "attributes": { "department": "Research" },
    });
    let response = invite(&app, &boss.access, body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let invited: Value = response.json().await.unwrap();
    assert_eq!(invited["email"], "invitee@example.com");
    assert_eq!(invited["status"], "active");
    assert_eq!(invited["emailVerified"], true);
    assert_eq!(invited["roles"], json!(["employee"]));
    assert_eq!(invited["attributes"], json!({ "department": "Research" }));
    let id = str_field(&invited, "id").to_owned();

    // No password works before the person chooses one, the administrator's
    // guesses included.
    for guess in [PASSWORD, "", "Invitee@Example.com"] {
        let response = app.login("invitee@example.com", if guess.is_empty() { "x" } else { guess }).await;
        error_body(response, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    }

    let code = support::wait_for_codes(&app, "invitee@example.com", invitation_lead(), 1).await.remove(0);
    let chosen = "a passphrase of my own choosing";
    assert_eq!(choose_password(&app, "invitee@example.com", &code, chosen).await.status(), StatusCode::NO_CONTENT);
    // The code is single use.
    let again = choose_password(&app, "invitee@example.com", &code, "another passphrase entirely").await;
    error_body(again, StatusCode::BAD_REQUEST, "invalid_code").await;

    let login = ok_json(app.login("invitee@example.com", chosen).await).await;
    assert_eq!(login["user"]["id"], id.as_str());
    assert_eq!(token_roles(str_field(&login, "accessToken")), ["employee"]);
    assert_eq!(claims(str_field(&login, "idToken"))["custom:department"], "Research");

    // The invitation is in the account's activity, naming the administrator.
    let activity = ok_json(app.get_authed("/users/me/security-events", str_field(&login, "accessToken")).await).await;
    let invitation: Vec<&Value> =
        activity["events"].as_array().unwrap().iter().filter(|event| event["type"] == "invited").collect();
    assert_eq!(invitation.len(), 1, "{activity}");
    assert_eq!(invitation[0]["actorId"], boss.id.as_str());

    // An address with an account can't be invited again, in any spelling.
    let twice = invite(&app, &boss.access, json!({ "email": "INVITEE@example.com", "name": "Grace Hopper" })).await;
    error_body(twice, StatusCode::CONFLICT, "email_taken").await;
}

#[tokio::test]
async fn an_invitation_is_checked_before_any_account_exists() {
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "checker@example.com").await;
    let ada = member(&app, "plain@example.com").await;

    let bad = [
        json!({ "email": "later@example.com", "name": "Later", "roles": ["wizard"] }),
        json!({ "email": "later@example.com", "name": "Later", "attributes": { "employee_id": "42" } }),
        json!({ "email": "later@example.com", "name": "Later", "attributes": { "undeclared": "x" } }),
        json!({ "email": "not an address", "name": "Later" }),
        json!({ "email": "later@example.com", "name": "<script>" }),
    ];
    for body in bad {
        let response = invite(&app, &boss.access, body.clone()).await;
        let status = response.status();
        let error: Value = response.json().await.unwrap();
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {error}");
        assert_eq!(error["code"], "validation_failed", "{body}: {error}");
    }
    // A plain user can't invite anyone.
    let response = invite(&app, &ada.access, json!({ "email": "later@example.com", "name": "Later" })).await;
    error_body(response, StatusCode::FORBIDDEN, "admin_required").await;

    // None of them left an account: the address is still free.
    let listed = ok_json(call(&app, Method::GET, "/admin/users?emailPrefix=later", &boss.access, None).await).await;
    assert_eq!(listed["users"], json!([]), "{listed}");
    assert_eq!(app.register("later@example.com", PASSWORD, "Later").await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn an_invitation_whose_mail_cannot_be_sent_leaves_no_account() {
    if support::not_on_aws("Cognito mails the invitation's code") {
        return;
    }
    let (app, auth) = support::spawn_app_and_service_with(|config| {
        config.mail.transport = auth_service::config::MailTransport::Smtp;
        config.mail.smtp = Some(support::smtp::unreachable_smtp());
    })
    .await;
    let boss = admin(&app, &auth, "unlucky@example.com").await;
    for _ in 0..2 {
        // Not a 409 the second time: the first attempt left nothing behind.
        let body = json!({ "email": "unmailable@example.com", "name": "Ada", "roles": ["employee"] });
        error_body(invite(&app, &boss.access, body).await, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable")
            .await;
    }
    let listed =
        ok_json(call(&app, Method::GET, "/admin/users?emailPrefix=unmailable", &boss.access, None).await).await;
    assert_eq!(listed["users"], json!([]), "{listed}");
}

#[tokio::test]
async fn an_invitation_code_lives_for_days_and_a_reset_replaces_an_expired_one() {
    if support::not_on_aws("Cognito sets its reset codes' lifetime") {
        return;
    }
    let (app, auth) = spawn_app_and_service().await;
    let boss = admin(&app, &auth, "patient@example.com").await;
    for email in ["slow@example.com", "slower@example.com"] {
        let response = invite(&app, &boss.access, json!({ "email": email, "name": "Slow Reader" })).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let slow = support::wait_for_codes(&app, "slow@example.com", invitation_lead(), 1).await.remove(0);
    let slower = support::wait_for_codes(&app, "slower@example.com", invitation_lead(), 1).await.remove(0);

    // Six days on, far past a reset code's 15 minutes, the code still works.
    app.clock.advance(chrono::Duration::days(6));
    assert_eq!(
        choose_password(&app, "slow@example.com", &slow, "six days later").await.status(),
        StatusCode::NO_CONTENT
    );

    // Past seven days it has expired, and the usual reset mails a new one.
    app.clock.advance(chrono::Duration::days(1) + chrono::Duration::seconds(1));
    let expired = choose_password(&app, "slower@example.com", &slower, "a week too late").await;
    error_body(expired, StatusCode::BAD_REQUEST, "invalid_code").await;
    let forgot = app.post("/auth/password/forgot", json!({ "email": "slower@example.com" })).await;
    assert_eq!(forgot.status(), StatusCode::ACCEPTED);
    let fresh = support::wait_for_codes(&app, "slower@example.com", "Your password reset code is", 1).await.remove(0);
    assert_eq!(
        choose_password(&app, "slower@example.com", &fresh, "a week too late").await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(app.login("slower@example.com", "a week too late").await.status(), StatusCode::OK);
}
