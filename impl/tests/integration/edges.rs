//! What the framework would answer on its own, kept inside the contract:
//! malformed bodies, wrong content types, oversized bodies, unknown routes,
//! request ids, security headers, and the published contract and docs.

use crate::support;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::{PASSWORD, error_body, every_operation, spawn_app, spawn_app_with, str_field};

/// A server with one signed-in user, and that user's access token. The
/// per-address request limit is off: these tests send every operation
/// several times from one address, and test other refusals.
async fn app_with_token(adjust: impl FnOnce(&mut auth_service::config::Config)) -> (support::TestApp, String) {
    let app = spawn_app_with(|config| {
        config.server.rate_limit_per_second = 0;
        adjust(config);
    })
    .await;
    let login = app.signed_in_user("edges@example.com").await;
    let token = str_field(&login, "accessToken").to_owned();
    (app, token)
}

#[tokio::test]
async fn malformed_json_is_a_400_in_the_error_schema() {
    let (app, token) = app_with_token(|_| {}).await;
    for operation in every_operation().into_iter().filter(|operation| operation.body.is_some()) {
        let response = operation
            .request(&app.http, &app.base, &token)
            .header("content-type", "application/json")
            .body("{\"email\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{}", operation.describe());
        error_body(response, StatusCode::BAD_REQUEST, "malformed_request").await;
    }
}

#[tokio::test]
async fn a_missing_or_wrong_content_type_is_a_415() {
    let (app, token) = app_with_token(|_| {}).await;
    for operation in every_operation().into_iter().filter(|operation| operation.body.is_some()) {
        let body = operation.body.as_ref().unwrap().to_string();
        for content_type in [None, Some("text/plain"), Some("application/x-www-form-urlencoded")] {
            let mut request = operation.request(&app.http, &app.base, &token).body(body.clone());
            if let Some(content_type) = content_type {
                request = request.header("content-type", content_type);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{} with {content_type:?}",
                operation.describe()
            );
            error_body(response, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
        }
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413() {
    let (app, token) = app_with_token(|config| config.server.body_limit_bytes = 4096).await;
    let huge = json!({ "padding": "x".repeat(5000) });
    for operation in every_operation().into_iter().filter(|operation| operation.body.is_some()) {
        let response = operation.request(&app.http, &app.base, &token).json(&huge).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE, "{}", operation.describe());
        error_body(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    }
}

#[tokio::test]
async fn missing_fields_and_wrong_types_name_the_field() {
    let app = spawn_app().await;
    let missing = error_body(
        app.post("/auth/login", json!({ "email": "a@example.com" })).await,
        StatusCode::BAD_REQUEST,
        "malformed_request",
    )
    .await;
    assert_eq!(missing["details"][0], json!({ "field": "password", "code": "required", "message": "is required" }));
    let wrong = error_body(
        app.post("/auth/login", json!({ "email": 42, "password": PASSWORD })).await,
        StatusCode::BAD_REQUEST,
        "malformed_request",
    )
    .await;
    assert_eq!(wrong["details"][0]["field"], "email");
    assert_eq!(wrong["details"][0]["code"], "invalid_type");
    let not_object =
        error_body(app.post("/auth/login", json!([1, 2])).await, StatusCode::BAD_REQUEST, "malformed_request").await;
    assert_eq!(not_object["details"][0]["field"], "body");
}

#[tokio::test]
async fn lengths_from_the_contract_are_enforced_with_details() {
    let (app, token) = app_with_token(|_| {}).await;
    let long_email = format!("{}@example.com", "a".repeat(250));
    let body = error_body(app.login(&long_email, PASSWORD).await, StatusCode::BAD_REQUEST, "validation_failed").await;
    assert_eq!(
        body["details"][0],
        json!({ "field": "email", "code": "too_long", "message": "must be at most 254 characters" })
    );
    let long_password = "p".repeat(257);
    let body =
        error_body(app.login("a@example.com", &long_password).await, StatusCode::BAD_REQUEST, "validation_failed")
            .await;
    assert_eq!(body["details"][0]["field"], "password");
    assert_eq!(body["details"][0]["code"], "too_long");
    let body = error_body(app.refresh(&"r".repeat(513)).await, StatusCode::BAD_REQUEST, "validation_failed").await;
    assert_eq!(body["details"][0]["field"], "refreshToken");
    let long_name = "a".repeat(101);
    let renamed = app
        .http
        .patch(app.url("/users/me"))
        .bearer_auth(&token)
        .json(&json!({ "name": long_name }))
        .send()
        .await
        .unwrap();
    let body = error_body(renamed, StatusCode::BAD_REQUEST, "validation_failed").await;
    assert_eq!(body["details"][0]["code"], "too_long");
    let empty = error_body(app.login("", "").await, StatusCode::BAD_REQUEST, "validation_failed").await;
    assert_eq!(empty["details"].as_array().unwrap().len(), 2, "{empty}");
}

#[tokio::test]
async fn authentication_is_checked_before_the_body() {
    let app = spawn_app().await;
    let response =
        app.http.patch(app.url("/users/me")).header("content-type", "application/json").body("{").send().await.unwrap();
    error_body(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test]
async fn unknown_paths_and_methods_answer_in_the_error_schema() {
    let app = spawn_app().await;
    error_body(app.http.get(app.url("/nope")).send().await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
    let wrong_method = app.http.delete(app.url("/users/me")).send().await.unwrap();
    let allow = wrong_method.headers().get("allow").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    assert!(allow.contains("GET") && allow.contains("PATCH"), "{allow}");
    error_body(wrong_method, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test]
async fn a_plain_request_id_is_echoed_and_a_hostile_one_replaced() {
    let app = spawn_app().await;
    let response = app.http.get(app.url("/health")).header("x-request-id", "trace-123.abc").send().await.unwrap();
    assert_eq!(response.headers()["x-request-id"], "trace-123.abc");

    let response = app.http.get(app.url("/nope")).header("x-request-id", "evil id\" injected").send().await.unwrap();
    let echoed = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&echoed).is_ok(), "{echoed}");
    let body = error_body(response, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(body["requestId"], echoed.as_str());

    let first = app.http.get(app.url("/health")).send().await.unwrap();
    let second = app.http.get(app.url("/health")).send().await.unwrap();
    assert_ne!(first.headers()["x-request-id"], second.headers()["x-request-id"]);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let login = app.signed_in_user("headers@example.com").await;
    let token = str_field(&login, "accessToken");
    let responses = vec![
        app.http.get(app.url("/health")).send().await.unwrap(),
        app.get_authed("/users/me", token).await,
        app.http.get(app.url("/users/me")).send().await.unwrap(),
        app.http.get(app.url("/missing")).send().await.unwrap(),
        app.login("headers@example.com", "wrong password here").await,
        app.http.get(app.url("/docs/")).send().await.unwrap(),
    ];
    for response in responses {
        let headers = response.headers();
        for (name, expected) in [
            ("x-content-type-options", Some("nosniff")),
            ("x-frame-options", Some("DENY")),
            ("referrer-policy", Some("no-referrer")),
            ("strict-transport-security", None),
            ("content-security-policy", None),
            ("cache-control", None),
            ("x-request-id", None),
        ] {
            let value = headers.get(name).unwrap_or_else(|| panic!("{} lacks {name}", response.url()));
            if let Some(expected) = expected {
                assert_eq!(value, expected, "{name} on {}", response.url());
            }
        }
    }
    let api = app.get_authed("/users/me", token).await;
    assert_eq!(api.headers()["cache-control"], "no-store", "token-bearing answers are never cached");
}

#[tokio::test]
async fn cors_answers_only_configured_origins() {
    let app =
        spawn_app_with(|config| config.server.cors_allowed_origins = vec!["https://app.example.com".into()]).await;
    let preflight = |origin: &'static str| {
        app.http
            .request(Method::OPTIONS, app.url("/auth/login"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let allowed = preflight("https://app.example.com").await.unwrap();
    assert_eq!(allowed.headers()["access-control-allow-origin"], "https://app.example.com");
    let refused = preflight("https://evil.example.com").await.unwrap();
    assert!(refused.headers().get("access-control-allow-origin").is_none());
    // Every method the contract uses is allowed, so that a browser app can call every operation.
    let allowed: String = allowed.headers()["access-control-allow-methods"].to_str().unwrap().to_owned();
    for method in every_operation().iter().map(|operation| operation.method.as_str()) {
        assert!(allowed.split(',').any(|listed| listed.trim() == method), "{method} not in {allowed}");
    }
}

/// The tables that walk "every operation" must be complete, or a new
/// operation would silently escape the matrix, failure and flood tests.
#[test]
fn the_operation_table_covers_every_operation_in_the_contract() {
    let contract: Value = serde_norway::from_str(include_str!("../../../contract/openapi.yaml")).unwrap();
    let mut declared: Vec<(String, String, bool)> = Vec::new();
    for (path, item) in contract["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let protected = operation.get("security").is_some_and(|security| !security.as_array().unwrap().is_empty());
            declared.push((method.to_uppercase(), path.clone(), protected));
        }
    }
    let mut tabled: Vec<(String, String, bool)> = every_operation()
        .into_iter()
        .map(|operation| (operation.method.to_string(), operation.route.to_owned(), operation.protected))
        .collect();
    declared.sort();
    tabled.sort();
    assert_eq!(tabled, declared);
}

#[tokio::test]
async fn the_contract_and_swagger_ui_are_served() {
    let app = spawn_app().await;
    let yaml = app.http.get(app.url("/openapi.yaml")).send().await.unwrap();
    assert_eq!(yaml.status(), StatusCode::OK);
    assert_eq!(yaml.text().await.unwrap(), include_str!("../../../contract/openapi.yaml"));

    let json: Value = app.http.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(json["openapi"], "3.0.3");
    let operation_ids: Vec<&str> = json["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|operation| operation["operationId"].as_str())
        .collect();
    for id in [
        "getHealth",
        "getJwks",
        "registerUser",
        "loginUser",
        "refreshToken",
        "logoutUser",
        "getCurrentUser",
        "updateCurrentUser",
        "changePassword",
    ] {
        assert!(operation_ids.contains(&id), "{id} in {operation_ids:?}");
    }

    let docs = app.http.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), StatusCode::OK);
    assert!(docs.text().await.unwrap().contains("swagger-ui"));
}

#[tokio::test]
async fn a_missing_or_malformed_host_header_does_not_change_the_answer() {
    let app = spawn_app().await;
    let address = app.base.trim_start_matches("http://").to_owned();
    for request in
        ["GET /health HTTP/1.0\r\n\r\n", "GET /health HTTP/1.1\r\nHost: bad host!\r\nConnection: close\r\n\r\n"]
    {
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        tokio::io::AsyncWriteExt::write_all(&mut stream, request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        tokio::io::AsyncReadExt::read_to_string(&mut stream, &mut answer).await.unwrap();
        assert!(answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200"), "{request:?}: {answer}");
    }
}
