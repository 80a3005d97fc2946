//! The seed workflow's tasks through the domain service, on the same
//! service that answers HTTP, so that their effects show in the API.

use crate::support;

use auth_service::seed::{self, Task};
use reqwest::StatusCode;
use serde_json::json;
use support::{PASSWORD, error_body, spawn_app_and_service, str_field};

fn task(value: serde_json::Value) -> Task {
    serde_json::from_value(value).expect("a task")
}

#[tokio::test]
async fn a_new_user_is_signed_up_and_an_existing_one_signed_in_and_out() {
    let (app, auth) = spawn_app_and_service().await;
    let email = "seed-flow@example.com";
    let exists = |email: &str| task(json!({ "action": "exists", "email": email }));
    assert_eq!(seed::run(&auth, exists(email)).await.unwrap(), json!({ "exists": false }));
    let signed_up =
        seed::run(&auth, task(json!({ "action": "signUp", "email": email, "password": PASSWORD, "name": "Seed" })))
            .await
            .unwrap();
    let user_id = signed_up["userId"].as_str().unwrap().to_owned();
    assert_eq!(seed::run(&auth, exists(email)).await.unwrap(), json!({ "exists": true }));

    let login = app.login(email, PASSWORD).await.json::<serde_json::Value>().await.unwrap();
    assert_eq!(login["user"]["id"], user_id.as_str());
    let logged_in = seed::run(&auth, task(json!({ "action": "login", "email": email, "password": PASSWORD }))).await;
    assert_eq!(logged_in.unwrap(), json!({ "userId": user_id }));

    let out = seed::run(&auth, task(json!({ "action": "logout", "userId": user_id }))).await.unwrap();
    assert_eq!(out, json!({ "signedOut": true }));
    error_body(
        app.get_authed("/users/me", str_field(&login, "accessToken")).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

#[tokio::test]
async fn failed_tasks_name_the_error_and_never_the_password() {
    let (app, auth) = spawn_app_and_service().await;
    app.signed_in_user("seed-taken@example.com").await;
    let failure = |value| {
        let auth = auth.clone();
        async move { seed::run(&auth, task(value)).await.expect_err("the task fails") }
    };
    let taken =
        failure(json!({ "action": "signUp", "email": "seed-taken@example.com", "password": PASSWORD, "name": "X" }))
            .await;
    assert_eq!(taken.kind, "EmailTaken");
    let weak =
        failure(json!({ "action": "signUp", "email": "seed-weak@example.com", "password": "short", "name": "X" }))
            .await;
    assert_eq!(weak.kind, "WeakPassword");
    assert!(!weak.to_string().contains("short"), "{weak}");
    let wrong =
        failure(json!({ "action": "login", "email": "seed-taken@example.com", "password": "wrong guess here" })).await;
    assert_eq!(wrong.kind, "InvalidCredentials");
    assert!(!wrong.to_string().contains("wrong guess here"), "{wrong}");
    let bad_id = failure(json!({ "action": "logout", "userId": "not-a-user" })).await;
    assert_eq!(bad_id.kind, "InvalidInput");
}
