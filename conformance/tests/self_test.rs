//! The harness against servers broken on purpose: the real service behind a
//! layer that breaks one thing. Each breakage must be caught and named; the
//! same service unbroken must pass, so that the failures are the breakage's.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use auth_conformance::contract::Contract;
use auth_conformance::pacing::{Pacing, PacingRules};
use auth_conformance::run::{Outcome, Settings, run};
use auth_service::config::Config;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Response};

#[derive(Clone, Copy, Debug)]
enum Breakage {
    None,
    /// Every 400 becomes a 422, which no operation declares.
    UndeclaredStatus,
    /// The profile loses its required `email`.
    BodyOffSchema,
    /// No `X-Request-Id` on any answer.
    NoRequestId,
    /// A refused token is a 500 on the profile.
    ServerError,
    /// 401s lose `WWW-Authenticate`.
    NoChallenge,
    /// Sign-ins refused for bad input answer 200.
    AcceptsInvalidInput,
    /// Error bodies are labelled `text/plain`.
    UndeclaredContentType,
    /// A refused token still reads a profile, as if sign-out did nothing.
    IgnoresLogout,
    /// Registration is a 500.
    BrokenRegistration,
    /// The first three requests are throttled: 429 with `Retry-After: 1`.
    Throttles,
    /// Admin operations refused to a plain user answer 404, as if the
    /// account were looked up before the caller's role was checked.
    AdminLeaksLookup,
}

/// Marks the test's own setup requests, which no breakage touches.
const SETUP: &str = "x-self-test-setup";

/// Requests seen by [`Breakage::Throttles`].
static SEEN: AtomicUsize = AtomicUsize::new(0);

async fn break_it(breakage: Breakage, request: Request, next: Next) -> Response {
    // The test's own setup goes through unbroken.
    if request.headers().contains_key(SETUP) {
        return next.run(request).await;
    }
    let path = request.uri().path().to_owned();
    match breakage {
        Breakage::BrokenRegistration if path == "/auth/register" => {
            return (StatusCode::INTERNAL_SERVER_ERROR, [("x-request-id", "broken")], "").into_response();
        }
        Breakage::Throttles if SEEN.fetch_add(1, Ordering::SeqCst) < 3 => {
            let body = r#"{"code":"rate_limited","message":"Too many requests."}"#;
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [("retry-after", "1"), ("content-type", "application/json"), ("x-request-id", "throttled")],
                body,
            )
                .into_response();
        }
        _ => {}
    }
    let mut response = next.run(request).await;
    let status = response.status();
    match breakage {
        Breakage::None => {}
        Breakage::UndeclaredStatus if status == StatusCode::BAD_REQUEST => {
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        }
        Breakage::BodyOffSchema if path == "/users/me" && status == StatusCode::OK => {
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
            let mut user: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            if let Some(fields) = user.as_object_mut() {
                fields.remove("email");
            }
            let mut response = Response::from_parts(parts, Body::from(user.to_string()));
            response.headers_mut().remove(header::CONTENT_LENGTH);
            return response;
        }
        Breakage::NoRequestId => {
            response.headers_mut().remove("x-request-id");
        }
        Breakage::ServerError if path == "/users/me" && status == StatusCode::UNAUTHORIZED => {
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        }
        Breakage::NoChallenge => {
            response.headers_mut().remove(header::WWW_AUTHENTICATE);
        }
        Breakage::AcceptsInvalidInput if path == "/auth/login" && status == StatusCode::BAD_REQUEST => {
            *response.status_mut() = StatusCode::OK;
        }
        Breakage::IgnoresLogout if path == "/users/me" && status == StatusCode::UNAUTHORIZED => {
            let user = serde_json::json!({
                "id": "6f1c6f5e-8d4c-4c1b-9a53-2f0c1c3e8a11", "email": "someone@example.com", "name": "Someone",
                "emailVerified": true, "mfaEnabled": false, "roles": [], "attributes": {},
                "createdAt": "2030-01-01T00:00:00Z"
            });
            let mut response = Response::new(Body::from(user.to_string()));
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            return response;
        }
        Breakage::AdminLeaksLookup if path.starts_with("/admin/") && status == StatusCode::FORBIDDEN => {
            *response.status_mut() = StatusCode::NOT_FOUND;
        }
        Breakage::UndeclaredContentType if status.is_client_error() => {
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        }
        _ => {}
    }
    response
}

/// The outcomes of the harness against the service broken by `breakage`,
/// for the operations `only`.
async fn check(breakage: Breakage, only: &[&str]) -> Vec<Outcome> {
    checked(breakage, only).await.0
}

/// [`check`], with the harness's pacing and its count of waits.
async fn checked(breakage: Breakage, only: &[&str]) -> (Vec<Outcome>, Pacing) {
    let data = tempfile::tempdir().expect("temp dir");
    let mut config = Config::default();
    config.storage.data_dir = data.path().to_path_buf();
    config.server.rate_limit_per_second = 0;
    config.login.max_failures_per_ip = 1_000_000;
    config.login.max_failures_per_account = 1_000_000;
    let auth = auth_service::app::service(&config).await.expect("the service");
    let router = auth_service::http::router(auth.clone(), &config.server)
        .layer(from_fn(move |request: Request, next: Next| break_it(breakage, request, next)));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.expect("serve");
    });
    // The administrator, made as an operator makes one.
    let (admin_email, admin_password) = ("self-test-admin@example.com", "Self-test admin passphrase");
    let registered = reqwest::Client::new()
        .post(format!("http://{address}/auth/register"))
        .header(SETUP, "1")
        .json(&serde_json::json!({ "email": admin_email, "password": admin_password, "name": "Admin" }))
        .send()
        .await
        .expect("registering the administrator");
    if registered.status() == StatusCode::CREATED {
        let email = auth_service::domain::Email::parse("email", admin_email).expect("an address");
        auth.grant_role(&email, "admin").await.expect("granting admin");
    }
    let contract =
        Contract::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../contract/openapi.yaml")).expect("the contract");
    let settings = Settings {
        base_url: format!("http://{address}"),
        seed: 7,
        positive_cases: 2,
        only: only.iter().map(|id| (*id).to_owned()).collect(),
        pacing: PacingRules { rate: 0, max_retry_wait: std::time::Duration::from_secs(5), max_retries: 3 },
        oversized_bytes: 128 * 1024,
        max_expiry_wait: std::time::Duration::ZERO,
        expiry_leeway: std::time::Duration::ZERO,
        outbox: Some(data.path().join("outbox")),
        admin: Some((admin_email.to_owned(), admin_password.to_owned())),
    };
    let ran = run(&contract, &settings).await.expect("the harness ran");
    drop(data);
    ran
}

/// Asserts that some case of `operation` failed with a violation containing `named`.
fn caught(outcomes: &[Outcome], operation: &str, named: &str) {
    let found = outcomes
        .iter()
        .filter(|outcome| outcome.case.operation == operation)
        .any(|outcome| outcome.violations.iter().any(|violation| violation.contains(named)));
    let seen: Vec<&String> = outcomes.iter().flat_map(|outcome| &outcome.violations).collect();
    assert!(found, "no {operation} case failed with {named:?}; violations seen: {seen:?}");
}

#[tokio::test]
async fn the_unbroken_service_passes() {
    let outcomes = check(Breakage::None, &["loginUser", "getCurrentUser", "updateCurrentUser"]).await;
    assert!(outcomes.len() > 30, "{} cases", outcomes.len());
    let failed: Vec<_> = outcomes.iter().filter(|outcome| !outcome.violations.is_empty()).collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

#[tokio::test]
async fn the_unbroken_service_passes_the_admin_operations() {
    let admin = [
        "adminListUsers",
        "adminGetUser",
        "adminUpdateUser",
        "adminLogoutUser",
        "adminListSecurityEvents",
        "adminDisableUser",
        "adminEnableUser",
        "adminDeleteUser",
        "adminResetMfa",
    ];
    let outcomes = check(Breakage::None, &admin).await;
    let failed: Vec<_> = outcomes.iter().filter(|outcome| !outcome.violations.is_empty()).collect();
    assert!(failed.is_empty(), "{failed:#?}");
    // Valid cases succeeded as the administrator, on the run's own member
    // (whose second factor is off: resetting it is a 409).
    for operation in admin.into_iter().filter(|operation| *operation != "adminResetMfa") {
        let succeeded = outcomes
            .iter()
            .filter(|outcome| outcome.case.operation == operation)
            .any(|outcome| outcome.status.is_some_and(|status| (200..300).contains(&status)));
        assert!(succeeded, "no {operation} case succeeded");
    }
}

#[tokio::test]
async fn an_admin_operation_that_answers_a_plain_user_otherwise_than_403_is_named() {
    let outcomes = check(Breakage::AdminLeaksLookup, &["adminGetUser"]).await;
    caught(&outcomes, "adminGetUser", "not 403");
}

#[tokio::test]
async fn an_undeclared_status_is_named() {
    let outcomes = check(Breakage::UndeclaredStatus, &["loginUser"]).await;
    caught(&outcomes, "loginUser", "status 422 is not declared");
}

#[tokio::test]
async fn a_body_off_its_schema_is_named() {
    let outcomes = check(Breakage::BodyOffSchema, &["getCurrentUser"]).await;
    caught(&outcomes, "getCurrentUser", "\"email\" is a required property");
}

#[tokio::test]
async fn a_missing_request_id_is_named() {
    let outcomes = check(Breakage::NoRequestId, &["getHealth"]).await;
    caught(&outcomes, "getHealth", "no X-Request-Id header");
}

#[tokio::test]
async fn a_server_error_is_named() {
    let outcomes = check(Breakage::ServerError, &["getCurrentUser"]).await;
    caught(&outcomes, "getCurrentUser", "server error 500");
    caught(&outcomes, "getCurrentUser", "answered 500, not 401");
}

#[tokio::test]
async fn a_401_without_its_challenge_is_named() {
    let outcomes = check(Breakage::NoChallenge, &["getCurrentUser"]).await;
    caught(&outcomes, "getCurrentUser", "401 without WWW-Authenticate");
    caught(&outcomes, "getCurrentUser", "no www-authenticate header, which 401 requires");
}

#[tokio::test]
async fn invalid_input_accepted_is_named() {
    let outcomes = check(Breakage::AcceptsInvalidInput, &["loginUser"]).await;
    caught(&outcomes, "loginUser", "invalid input accepted with 200");
}

#[tokio::test]
async fn an_undeclared_content_type_is_named() {
    let outcomes = check(Breakage::UndeclaredContentType, &["updateCurrentUser"]).await;
    caught(&outcomes, "updateCurrentUser", "content type \"text/plain\" is not one declared");
}

#[tokio::test]
async fn a_sign_out_that_revokes_nothing_is_named_by_the_chains() {
    let outcomes = check(Breakage::IgnoresLogout, &[]).await;
    caught(&outcomes, "getCurrentUser", "succeeded, but 401 was expected");
}

#[tokio::test]
async fn a_broken_registration_names_every_operation_it_leaves_unchecked() {
    let outcomes = check(Breakage::BrokenRegistration, &["getHealth", "getCurrentUser", "changePassword"]).await;
    caught(&outcomes, "registerUser", "could not register the probe account: answered 500");
    caught(&outcomes, "getCurrentUser", "not checked: the probe account could not be set up");
    caught(&outcomes, "changePassword", "not checked: the probe account could not be set up");
    // What needs no account still ran, and passed.
    let health: Vec<_> = outcomes.iter().filter(|outcome| outcome.case.operation == "getHealth").collect();
    assert!(!health.is_empty() && health.iter().all(|outcome| outcome.violations.is_empty()), "{health:#?}");
    let no_token = outcomes
        .iter()
        .find(|outcome| outcome.case.operation == "getCurrentUser" && outcome.case.label == "credentials: no token")
        .expect("the no-token case ran");
    assert_eq!(no_token.status, Some(401), "{no_token:#?}");
}

#[tokio::test]
async fn throttled_requests_are_sent_again_after_their_retry_after() {
    let (outcomes, pacing) = checked(Breakage::Throttles, &["getHealth", "getCurrentUser"]).await;
    let failed: Vec<_> = outcomes.iter().filter(|outcome| !outcome.violations.is_empty()).collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(outcomes.iter().all(|outcome| outcome.status != Some(429)), "{outcomes:#?}");
    assert_eq!(pacing.retried(), 3, "{}", pacing.summary());
}
