//! A real server on 127.0.0.1:0 per test, with its own data directory and clock.
#![allow(dead_code)]

pub mod oidc;
pub mod otlp;
pub mod smtp;

use std::net::SocketAddr;
use std::sync::Arc;

use auth_service::app;
use auth_service::config::{Backend, Config};
use auth_service::domain::ManualClock;
use chrono::{TimeZone, Utc};
use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};
use rusqlite::types::ValueRef;
use serde_json::{Value, json};
use tempfile::TempDir;

pub const PASSWORD: &str = "correct horse battery staple";

/// Browsers' `User-Agent`s, for tests of device labels.
pub const FIREFOX_ON_MACOS: &str =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0";
pub const CHROME_ON_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
                                     Chrome/126.0.0.0 Mobile Safari/537.36";

pub struct TestApp {
    pub base: String,
    pub http: Client,
    pub clock: Arc<ManualClock>,
    pub config: Config,
    _data: TempDir,
}

/// The default configuration with a fresh data directory.
pub fn test_config() -> (Config, TempDir) {
    let data = tempfile::tempdir().expect("temp dir");
    let mut config = Config::default();
    config.storage.data_dir = data.path().to_path_buf();
    config.accounts = test_accounts();
    (config, data)
}

/// The roles and custom attributes the tests configure: those of an
/// employee directory (a role, a department, an employee number).
pub fn test_accounts() -> auth_service::domain::AccountSettings {
    use auth_service::domain::{AccountSettings, AttributeRule};
    AccountSettings {
        roles: vec!["admin".into(), "employee".into()],
        attributes: [
            ("department".to_owned(), AttributeRule { max_chars: 64, pattern: None }),
            ("employee_id".to_owned(), AttributeRule { max_chars: 16, pattern: Some("E[0-9]{6}".into()) }),
        ]
        .into(),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The backend the tests run against: the embedded one, or with
/// `TEST_BACKEND=aws` Cognito and DynamoDB as emulated by the moto
/// server at `TEST_MOTO_URL`, with a new pool and table per test.
pub fn test_backend() -> Backend {
    match std::env::var("TEST_BACKEND").as_deref() {
        Ok("aws") => Backend::Aws,
        Ok("embedded") | Err(_) => Backend::Embedded,
        Ok(other) => panic!("TEST_BACKEND={other}: expected embedded or aws"),
    }
}

/// The moto server the AWS tests use.
pub fn moto_url() -> String {
    std::env::var("TEST_MOTO_URL")
        .expect("TEST_MOTO_URL names a running moto server; scripts/test starts one (see scripts/moto.sh)")
}

/// The key with which moto runs the pools' custom authentication trigger
/// (`scripts/moto.sh`): the service must use the same.
pub fn moto_custom_auth_key() -> String {
    std::env::var("MOTO_CUSTOM_AUTH_KEY")
        .expect("MOTO_CUSTOM_AUTH_KEY is the key of moto's Cognito triggers; scripts/moto.sh sets it")
}

/// A configuration for the AWS backend over a new pool, client and table
/// in moto, mailing through moto's SES (which delivers to the outbox
/// `MOTO_OUTBOX` names).
#[cfg(feature = "aws")]
pub async fn aws_config(mut config: Config) -> Config {
    const SENDER: &str = "no-reply@auth.test";
    let name = format!("test-{}", uuid::Uuid::new_v4().simple());
    config.backend = Backend::Aws;
    let accounts = config.accounts.rules().expect("the test configuration's roles and attributes");
    config.aws = auth_service::adapters::aws::local::provision(&moto_url(), "us-east-1", &name, &accounts)
        .await
        .expect("provisioning moto");
    auth_service::adapters::aws::local::verify_sender(&config.aws, SENDER).await.expect("verifying the SES sender");
    config.mail.transport = auth_service::config::MailTransport::Ses;
    config.mail.ses =
        Some(auth_service::adapters::mail::SesConfig { sender: SENDER.to_owned(), configuration_set: None });
    let mfa_key = auth_service::domain::MfaKey::generate();
    config.mfa.encryption_key =
        Some(base64::Engine::encode(&base64::engine::general_purpose::STANDARD, mfa_key).into());
    config.aws.custom_auth_key = Some(moto_custom_auth_key().into());
    config
}

/// A configuration for the backend under test, with a fresh data directory
/// (and in moto a new pool and table), and the time its clock starts at.
pub async fn backend_config() -> (Config, TempDir, chrono::DateTime<Utc>) {
    let (config, data) = test_config();
    match test_backend() {
        Backend::Embedded => (config, data, Utc.with_ymd_and_hms(2030, 1, 1, 12, 0, 0).unwrap()),
        // Cognito stamps tokens with the real time, so the AWS backend's clock starts now.
        #[cfg(feature = "aws")]
        Backend::Aws => (aws_config(config).await, data, Utc::now()),
        #[cfg(not(feature = "aws"))]
        Backend::Aws => panic!("TEST_BACKEND=aws needs the AWS backend: cargo test --features aws"),
    }
}

/// Starts a server whose configuration `adjust` may change first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let (mut config, data, start) = backend_config().await;
    adjust(&mut config);
    let clock = Arc::new(ManualClock::starting_at(start));
    let router = app::build_with_clock(&config, clock.clone()).await.expect("app");
    serve(router, config, clock, data).await
}

/// Starts a server and answers the domain service behind it as well, for
/// tests that look at what the API does not show.
pub async fn spawn_app_and_service() -> (TestApp, Arc<auth_service::domain::AuthService>) {
    spawn_app_and_service_with(|_| {}).await
}

/// [`spawn_app_and_service`] with a configuration that `adjust` may change first.
pub async fn spawn_app_and_service_with(
    adjust: impl FnOnce(&mut Config),
) -> (TestApp, Arc<auth_service::domain::AuthService>) {
    let (mut config, data, start) = backend_config().await;
    adjust(&mut config);
    let clock = Arc::new(ManualClock::starting_at(start));
    let auth = app::service_with_clock(&config, clock.clone()).await.expect("service");
    let router = auth_service::http::router(auth.clone(), &config.server);
    (serve(router, config, clock, data).await, auth)
}

/// Serves `router` on a new port of 127.0.0.1.
pub async fn serve(router: axum::Router, config: Config, clock: Arc<ManualClock>, data: TempDir) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    serve_on(listener, router, config, clock, data)
}

/// Starts a server on the backend under test whose configuration `adjust`
/// may change first, knowing the server's base URL (its listener is bound
/// before the service is built), with its clock at the real time, as
/// tokens from outside need. Answers the domain service behind the server
/// too.
pub async fn spawn_app_and_service_at(
    adjust: impl FnOnce(&mut Config, &str),
) -> (TestApp, Arc<auth_service::domain::AuthService>) {
    let (mut config, data, _) = backend_config().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    adjust(&mut config, &base);
    let clock = Arc::new(ManualClock::starting_at(Utc::now()));
    let auth = app::service_with_clock(&config, clock.clone()).await.expect("service");
    let router = auth_service::http::router(auth.clone(), &config.server);
    (serve_on(listener, router, config, clock, data), auth)
}

fn serve_on(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    config: Config,
    clock: Arc<ManualClock>,
    data: TempDir,
) -> TestApp {
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.expect("serve");
    });
    TestApp { base: format!("http://{address}"), http: Client::new(), clock, config, _data: data }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.http.post(self.url(path)).json(&body).send().await.expect("request")
    }

    pub async fn post_authed(&self, path: &str, token: &str, body: Option<Value>) -> Response {
        let request = self.http.post(self.url(path)).bearer_auth(token);
        let request = match body {
            Some(body) => request.json(&body),
            None => request,
        };
        request.send().await.expect("request")
    }

    pub async fn get_authed(&self, path: &str, token: &str) -> Response {
        self.http.get(self.url(path)).bearer_auth(token).send().await.expect("request")
    }

    pub async fn register(&self, email: &str, password: &str, name: &str) -> Response {
        self.post("/auth/register", json!({ "email": email, "password": password, "name": name })).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post("/auth/login", json!({ "email": email, "password": password })).await
    }

    /// Signs in from a client that sends `user_agent`.
    pub async fn login_from(&self, email: &str, password: &str, user_agent: &str) -> Response {
        self.http
            .post(self.url("/auth/login"))
            .header(reqwest::header::USER_AGENT, user_agent)
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("request")
    }

    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.post("/auth/token/refresh", json!({ "refreshToken": refresh_token })).await
    }

    /// Registers `email` with [`PASSWORD`] and signs in; returns the login body.
    pub async fn signed_in_user(&self, email: &str) -> Value {
        let registered = self.register(email, PASSWORD, "Ada Lovelace").await;
        assert_eq!(registered.status(), StatusCode::CREATED, "{}", registered.text().await.unwrap_or_default());
        let login = self.login(email, PASSWORD).await;
        assert_eq!(login.status(), StatusCode::OK);
        login.json().await.expect("json")
    }
}

/// Asserts the contract's `Error` shape and returns the body.
pub async fn error_body(response: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(response.status(), status);
    let header_id = response.headers().get("x-request-id").expect("x-request-id").to_str().unwrap().to_owned();
    assert!(
        response.headers().get("content-type").is_some_and(|v| v.to_str().unwrap().starts_with("application/json")),
        "error bodies are JSON"
    );
    if status == StatusCode::UNAUTHORIZED {
        let challenge = response.headers().get("www-authenticate").expect("401 carries WWW-Authenticate");
        assert!(challenge.to_str().unwrap().starts_with("Bearer"));
    }
    if status == StatusCode::TOO_MANY_REQUESTS {
        let retry: u64 =
            response.headers().get("retry-after").expect("429 carries Retry-After").to_str().unwrap().parse().unwrap();
        assert!(retry >= 1);
    }
    let body: Value = response.json().await.expect("json body");
    assert_eq!(body["code"], code, "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
    assert_eq!(body["requestId"], header_id.as_str(), "{body}");
    body
}

pub fn str_field<'a>(body: &'a Value, field: &str) -> &'a str {
    body[field].as_str().unwrap_or_else(|| panic!("{field} in {body}"))
}

/// The app redirect URI and provider the operation table's federated
/// sign-in uses (`every_operation`).
pub const FEDERATED_REDIRECT: &str = "https://app.example/signed-in";
pub const FEDERATED_PROVIDER: &str = "local";
const FEDERATED_START: &str = "/auth/federation/local/authorize?redirect_uri=https%3A%2F%2Fapp.example%2Fsigned-in\
    &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=xyz";

/// One operation of the contract with a request it would accept.
pub struct Operation {
    pub method: Method,
    /// The path as the contract writes it, `{parameter}`s and all.
    pub route: &'static str,
    /// The path requested, parameters filled in.
    pub path: &'static str,
    pub body: Option<Value>,
    pub protected: bool,
}

/// Every operation of the contract.
pub fn every_operation() -> Vec<Operation> {
    let op =
        |method: Method, path, body: Option<Value>, protected| Operation { method, route: path, path, body, protected };
    vec![
        op(Method::GET, "/health", None, false),
        op(Method::GET, "/.well-known/jwks.json", None, false),
        op(
            Method::POST,
            "/auth/register",
            Some(json!({ "email": "new@example.com", "password": PASSWORD, "name": "Ada" })),
            false,
        ),
        op(Method::POST, "/auth/login", Some(json!({ "email": "a@example.com", "password": PASSWORD })), false),
        op(Method::POST, "/auth/token/refresh", Some(json!({ "refreshToken": "some-token" })), false),
        op(Method::POST, "/auth/confirm", Some(json!({ "email": "a@example.com", "code": "123456" })), false),
        op(Method::POST, "/auth/confirm/resend", Some(json!({ "email": "a@example.com" })), false),
        op(Method::POST, "/auth/password/forgot", Some(json!({ "email": "a@example.com" })), false),
        op(
            Method::POST,
            "/auth/password/reset",
            Some(json!({ "email": "a@example.com", "code": "123456", "newPassword": "another passphrase" })),
            false,
        ),
        op(Method::POST, "/auth/mfa/verify", Some(json!({ "session": "some-session", "code": "123456" })), false),
        op(Method::POST, "/auth/logout", None, true),
        op(Method::GET, "/users/me", None, true),
        op(Method::GET, "/users/me/sessions", None, true),
        op(Method::GET, "/users/me/security-events", None, true),
        Operation {
            method: Method::DELETE,
            route: "/users/me/sessions/{sessionId}",
            path: "/users/me/sessions/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11",
            body: None,
            protected: true,
        },
        op(Method::PATCH, "/users/me", Some(json!({ "name": "Ada" })), true),
        op(Method::POST, "/users/me/delete", Some(json!({ "password": PASSWORD })), true),
        op(
            Method::POST,
            "/users/me/password",
            Some(json!({ "currentPassword": PASSWORD, "newPassword": "another passphrase" })),
            true,
        ),
        op(Method::POST, "/users/me/mfa/setup", None, true),
        op(Method::POST, "/users/me/mfa/verify", Some(json!({ "password": PASSWORD, "code": "123456" })), true),
        op(Method::POST, "/users/me/mfa/disable", Some(json!({ "password": PASSWORD, "code": "123456" })), true),
        op(Method::POST, "/users/me/mfa/backup-codes", Some(json!({ "password": PASSWORD, "code": "123456" })), true),
        op(Method::GET, "/admin/users", None, true),
        Operation {
            method: Method::GET,
            route: "/admin/users/{userId}",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11",
            body: None,
            protected: true,
        },
        Operation {
            method: Method::POST,
            route: "/admin/users",
            path: "/admin/users",
            body: Some(json!({ "email": "invitee@example.org", "name": "Invitee" })),
            protected: true,
        },
        Operation {
            method: Method::PATCH,
            route: "/admin/users/{userId}",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11",
            body: Some(json!({ "roles": ["employee"] })),
            protected: true,
        },
        Operation {
            method: Method::DELETE,
            route: "/admin/users/{userId}",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11",
            body: None,
            protected: true,
        },
        Operation {
            method: Method::POST,
            route: "/admin/users/{userId}/disable",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11/disable",
            body: None,
            protected: true,
        },
        Operation {
            method: Method::POST,
            route: "/admin/users/{userId}/enable",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11/enable",
            body: None,
            protected: true,
        },
        Operation {
            method: Method::POST,
            route: "/admin/users/{userId}/mfa/reset",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11/mfa/reset",
            body: None,
            protected: true,
        },
        Operation {
            method: Method::POST,
            route: "/admin/users/{userId}/logout",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11/logout",
            body: None,
            protected: true,
        },
        op(Method::GET, "/auth/federation/providers", None, false),
        Operation {
            method: Method::GET,
            route: "/auth/federation/{provider}/authorize",
            path: FEDERATED_START,
            body: None,
            protected: false,
        },
        Operation {
            method: Method::GET,
            route: "/auth/federation/callback",
            path: "/auth/federation/callback?state=a-state-no-one-issued&code=a-code",
            body: None,
            protected: false,
        },
        op(
            Method::POST,
            "/auth/federation/token",
            Some(json!({
                "code": "a-code-no-one-issued",
                "codeVerifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                "redirectUri": FEDERATED_REDIRECT
            })),
            false,
        ),
        op(Method::GET, "/users/me/identities", None, true),
        Operation {
            method: Method::DELETE,
            route: "/users/me/identities/{identityId}",
            path: "/users/me/identities/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11",
            body: None,
            protected: true,
        },
        Operation {
            method: Method::GET,
            route: "/admin/users/{userId}/security-events",
            path: "/admin/users/6f1e0d2c-1b7a-4c1e-9d3a-2a5b8c0e4f11/security-events",
            body: None,
            protected: true,
        },
    ]
}

impl Operation {
    /// The request with `token` as bearer when the operation is protected, without a body.
    pub fn request(&self, http: &Client, base: &str, token: &str) -> RequestBuilder {
        let request = http.request(self.method.clone(), format!("{base}{}", self.path));
        if self.protected { request.bearer_auth(token) } else { request }
    }

    pub fn describe(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// The messages mailed to `email`, oldest first, as whole files. On the
/// AWS backend that is the outbox moto's Cognito and SES write to
/// (`MOTO_OUTBOX`, set by `scripts/moto.sh`).
fn mailed_to(app: &TestApp, email: &str) -> Vec<String> {
    let outbox = match test_backend() {
        Backend::Aws => std::path::PathBuf::from(std::env::var("MOTO_OUTBOX").expect("MOTO_OUTBOX")),
        Backend::Embedded => app.config.storage.data_dir.join("outbox"),
    };
    // Only finished messages: the outbox writes under a hidden name first.
    let finished = |path: &std::path::PathBuf| {
        path.file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| !name.starts_with('.') && name.ends_with(".eml"))
    };
    let mut files: Vec<_> = std::fs::read_dir(&outbox)
        .map(|entries| entries.map(|entry| entry.expect("outbox entry").path()).filter(finished).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .map(|file| std::fs::read_to_string(file).expect("mail file"))
        .filter(|message| {
            message.lines().any(|line| {
                line.strip_prefix("To: ").is_some_and(|to| {
                    to.trim().trim_start_matches('<').trim_end_matches('>').eq_ignore_ascii_case(email)
                })
            })
        })
        .collect()
}

/// The codes mailed to `email` whose text has `lead` right before the
/// code, oldest first.
pub fn mailed_codes(app: &TestApp, email: &str, lead: &str) -> Vec<String> {
    mailed_to(app, email)
        .iter()
        .filter_map(|message| message.split(&format!("{lead} ")).nth(1).map(|after| after[..6].to_owned()))
        .collect()
}

/// A message as its reader sees it: the subject and the decoded text.
#[derive(Debug, Clone)]
pub struct Mail {
    pub subject: String,
    pub text: String,
}

/// Every message mailed to `email`, oldest first, decoded.
pub fn mailed(app: &TestApp, email: &str) -> Vec<Mail> {
    mailed_to(app, email)
        .iter()
        .map(|raw| {
            let parsed = mailparse::parse_mail(raw.as_bytes()).expect("a mail that parses");
            let subject =
                parsed.headers.iter().find(|header| header.get_key() == "Subject").map(|header| header.get_value());
            Mail { subject: subject.unwrap_or_default(), text: parsed.get_body().expect("a body that decodes") }
        })
        .collect()
}

/// Waits (at most 5 s) until a message with `subject` was mailed to
/// `email`, and answers every such message.
pub async fn wait_for_mail(app: &TestApp, email: &str, subject: &str) -> Vec<Mail> {
    for _ in 0..100 {
        let found: Vec<Mail> = mailed(app, email).into_iter().filter(|mail| mail.subject == subject).collect();
        if !found.is_empty() {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no mail {subject:?} to {email} arrived in the outbox");
}

/// Waits (at most 5 s) until `count` codes with `lead` were mailed to `email`.
pub async fn wait_for_codes(app: &TestApp, email: &str, lead: &str, count: usize) -> Vec<String> {
    for _ in 0..100 {
        let codes = mailed_codes(app, email, lead);
        if codes.len() >= count {
            return codes;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{count} mails to {email} did not arrive in the outbox");
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// Every value of every row of every table, as `(table.column, bytes)`.
fn database_values(app: &TestApp) -> Vec<(String, Vec<u8>)> {
    let connection =
        rusqlite::Connection::open(app.config.storage.data_dir.join("auth.db")).expect("open the database");
    let tables: Vec<String> = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut values = Vec::new();
    for table in tables {
        let mut statement = connection.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let names: Vec<String> = statement.column_names().into_iter().map(str::to_owned).collect();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for (index, name) in names.iter().enumerate() {
                let bytes = match row.get_ref(index).unwrap() {
                    ValueRef::Null => continue,
                    ValueRef::Integer(number) => number.to_string().into_bytes(),
                    ValueRef::Real(number) => number.to_string().into_bytes(),
                    ValueRef::Text(bytes) | ValueRef::Blob(bytes) => bytes.to_vec(),
                };
                values.push((format!("{table}.{name}"), bytes));
            }
        }
    }
    values
}

/// Every value of every item of the DynamoDB table, as `(kind.attribute,
/// bytes)` where the kind is the start of the item's sort key (`MFA`,
/// `SESSION`, `CHALLENGE`, …); each member of a set, list or map is a
/// value of its own.
#[cfg(feature = "aws")]
async fn table_values(app: &TestApp) -> Vec<(String, Vec<u8>)> {
    use aws_sdk_dynamodb::types::AttributeValue;
    let dynamodb = auth_service::adapters::aws::Clients::new(&app.config.aws).await.expect("clients").dynamodb;
    let mut values = Vec::new();
    let mut start = None;
    loop {
        let page = dynamodb
            .scan()
            .table_name(&app.config.aws.table_name)
            .set_exclusive_start_key(start.take())
            .send()
            .await
            .expect("scan");
        for item in page.items() {
            let kind = item["sk"].as_s().expect("sk").split('#').next().unwrap_or_default().to_owned();
            for (name, value) in item {
                let column = format!("{kind}.{name}");
                match value {
                    AttributeValue::S(text) | AttributeValue::N(text) => {
                        values.push((column, text.clone().into_bytes()))
                    }
                    AttributeValue::B(blob) => values.push((column, blob.as_ref().to_vec())),
                    AttributeValue::Ss(texts) => {
                        values.extend(texts.iter().map(|text| (column.clone(), text.clone().into_bytes())));
                    }
                    // A profile's roles (a list) and custom attributes (a map) of strings.
                    AttributeValue::L(members) => {
                        values.extend(members.iter().map(|member| {
                            (column.clone(), member.as_s().expect("a list of strings").clone().into_bytes())
                        }));
                    }
                    AttributeValue::M(members) => {
                        values.extend(members.iter().map(|(key, member)| {
                            let text = member.as_s().expect("a map of strings");
                            (format!("{column}.{key}"), text.clone().into_bytes())
                        }));
                    }
                    AttributeValue::Bool(_) => {}
                    other => panic!("{column} holds an unexpected {other:?}"),
                }
            }
        }
        match page.last_evaluated_key {
            Some(next) if !next.is_empty() => start = Some(next),
            _ => return values,
        }
    }
}

/// Every value the backend under test stores, as `(table.column, bytes)`
/// for SQLite and `(kind.attribute, bytes)` for DynamoDB (see
/// `table_values`).
pub async fn store_values(app: &TestApp) -> Vec<(String, Vec<u8>)> {
    #[cfg(feature = "aws")]
    if matches!(test_backend(), Backend::Aws) {
        return table_values(app).await;
    }
    database_values(app)
}

/// Whether the test runs on the AWS backend, which lacks what the test
/// checks; says why on stderr when so, so that the skip shows in the output.
pub fn not_on_aws(reason: &str) -> bool {
    let skip = matches!(test_backend(), Backend::Aws);
    if skip {
        eprintln!("not run on the AWS backend: {reason}");
    }
    skip
}
