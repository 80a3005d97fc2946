//! The service on AWS Lambda: real event JSON of each kind — API Gateway
//! REST API (payload 1.0, on a stage), HTTP API (payload 2.0, on `$default`
//! and on a named stage) and ALB (single- and multi-value headers) — through
//! the code path `auth-lambda` runs: `lambda_http`'s decoding, the glue in
//! `auth_service::lambda`, the router, and `lambda_http`'s encoding back into
//! the JSON the Lambda runtime sends. The last tests run the binary itself
//! against a stand-in for the Lambda Runtime API.

#![cfg(feature = "aws")]

use crate::support;

use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use auth_service::{app, lambda};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use http::{HeaderMap, HeaderValue, StatusCode};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Context, LambdaEvent};
use serde_json::{Value, json};
use support::{PASSWORD, test_config};
use tempfile::TempDir;
use tokio::sync::mpsc;
use tower::{Service, ServiceExt};

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

/// Where an event comes from, and so its shape and the shape of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// API Gateway REST API, payload 1.0, stage `prod`.
    RestV1,
    /// API Gateway HTTP API, payload 2.0, stage `$default`.
    HttpV2,
    /// API Gateway HTTP API, payload 2.0, stage `prod`: the stage leads `rawPath`.
    HttpV2Staged,
    /// ALB target group with single-value headers.
    Alb,
    /// ALB target group with multi-value headers turned on.
    AlbMultiValue,
}

const KINDS: [Kind; 5] = [Kind::RestV1, Kind::HttpV2, Kind::HttpV2Staged, Kind::Alb, Kind::AlbMultiValue];

/// The client address every event carries unless a call says otherwise.
const CLIENT_IP: &str = "198.51.100.23";
/// What a client may put first in X-Forwarded-For to pose as someone else.
const FORGED_IP: &str = "203.0.113.50";

impl Kind {
    fn fixture(self) -> &'static str {
        match self {
            Kind::RestV1 => include_str!("../fixtures/lambda/rest-v1.json"),
            Kind::HttpV2 | Kind::HttpV2Staged => include_str!("../fixtures/lambda/http-v2.json"),
            Kind::Alb => include_str!("../fixtures/lambda/alb.json"),
            Kind::AlbMultiValue => include_str!("../fixtures/lambda/alb-multi-value.json"),
        }
    }

    fn is_alb(self) -> bool {
        matches!(self, Kind::Alb | Kind::AlbMultiValue)
    }
}

/// An HTTP request, to be dressed as an event of some kind.
#[derive(Debug, Clone)]
struct Call {
    method: &'static str,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<String>,
    base64: bool,
    source_ip: String,
}

impl Call {
    fn new(method: &'static str, path: &str) -> Self {
        Self {
            method,
            path: path.to_owned(),
            query: Vec::new(),
            headers: vec![("accept".to_owned(), "application/json".to_owned())],
            body: None,
            base64: false,
            source_ip: CLIENT_IP.to_owned(),
        }
    }

    fn get(path: &str) -> Self {
        Self::new("GET", path)
    }

    fn post_json(path: &str, body: &Value) -> Self {
        Self::new("POST", path).header("content-type", "application/json").body(&body.to_string())
    }

    fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    fn query(mut self, name: &str, value: &str) -> Self {
        self.query.push((name.to_owned(), value.to_owned()));
        self
    }

    fn body(mut self, body: &str) -> Self {
        self.body = Some(body.to_owned());
        self
    }

    /// The body base64-encoded, with `isBase64Encoded` set, as API Gateway
    /// sends bodies it treats as binary.
    fn base64(mut self) -> Self {
        self.body = self.body.map(|body| BASE64.encode(body));
        self.base64 = true;
        self
    }

    fn from(mut self, ip: &str) -> Self {
        self.source_ip = ip.to_owned();
        self
    }

    fn bearer(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    /// The event the `kind` of source would send for this request.
    fn event(&self, kind: Kind) -> Value {
        let mut event: Value = serde_json::from_str(kind.fixture()).expect("fixture JSON");
        match kind {
            Kind::RestV1 => {
                event["httpMethod"] = json!(self.method);
                event["path"] = json!(self.path);
                event["pathParameters"]["proxy"] = json!(self.path.trim_start_matches('/'));
                event["requestContext"]["httpMethod"] = json!(self.method);
                event["requestContext"]["path"] = json!(format!("/prod{}", self.path));
                event["requestContext"]["identity"]["sourceIp"] = json!(self.source_ip);
                for (name, value) in &self.headers {
                    event["headers"][name] = json!(value);
                    event["multiValueHeaders"][name] = json!([value]);
                }
                if !self.query.is_empty() {
                    let single: serde_json::Map<_, _> =
                        self.query.iter().map(|(name, value)| (name.clone(), json!(value))).collect();
                    let multi: serde_json::Map<_, _> =
                        self.query.iter().map(|(name, value)| (name.clone(), json!([value]))).collect();
                    event["queryStringParameters"] = Value::Object(single);
                    event["multiValueQueryStringParameters"] = Value::Object(multi);
                }
            }
            Kind::HttpV2 | Kind::HttpV2Staged => {
                let raw_path =
                    if kind == Kind::HttpV2Staged { format!("/prod{}", self.path) } else { self.path.clone() };
                if kind == Kind::HttpV2Staged {
                    event["requestContext"]["stage"] = json!("prod");
                }
                event["rawPath"] = json!(raw_path);
                event["requestContext"]["http"]["path"] = json!(raw_path);
                event["requestContext"]["http"]["method"] = json!(self.method);
                event["requestContext"]["http"]["sourceIp"] = json!(self.source_ip);
                for (name, value) in &self.headers {
                    event["headers"][name.to_ascii_lowercase()] = json!(value);
                }
                if !self.query.is_empty() {
                    event["rawQueryString"] = json!(encoded_query(&self.query));
                    let single: serde_json::Map<_, _> =
                        self.query.iter().map(|(name, value)| (name.clone(), json!(value))).collect();
                    event["queryStringParameters"] = Value::Object(single);
                }
            }
            Kind::Alb => {
                event["httpMethod"] = json!(self.method);
                event["path"] = json!(self.path);
                event["headers"]["x-forwarded-for"] = json!(format!("{FORGED_IP}, {}", self.source_ip));
                for (name, value) in &self.headers {
                    event["headers"][name.to_ascii_lowercase()] = json!(value);
                }
                for (name, value) in &self.query {
                    event["queryStringParameters"][name] = json!(percent_encode(value));
                }
            }
            Kind::AlbMultiValue => {
                event["httpMethod"] = json!(self.method);
                event["path"] = json!(self.path);
                event["multiValueHeaders"]["x-forwarded-for"] = json!([format!("{FORGED_IP}, {}", self.source_ip)]);
                for (name, value) in &self.headers {
                    event["multiValueHeaders"][name.to_ascii_lowercase()] = json!([value]);
                }
                for (name, value) in &self.query {
                    event["multiValueQueryStringParameters"][name] = json!([percent_encode(value)]);
                }
            }
        }
        match &self.body {
            Some(body) => event["body"] = json!(body),
            // API Gateway sends null; an ALB sends an empty string.
            None if kind.is_alb() => event["body"] = json!(""),
            None => event["body"] = Value::Null,
        }
        event["isBase64Encoded"] = json!(self.base64);
        event
    }
}

fn percent_encode(value: &str) -> String {
    value.bytes().fold(String::new(), |mut out, byte| {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
        out
    })
}

/// The pairs of an `application/x-www-form-urlencoded` query.
fn form_decode(query: &str) -> Vec<(String, String)> {
    let decode = |text: &str| {
        let bytes = text.replace('+', " ").into_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = bytes.get(i + 1..i + 3).and_then(|hex| std::str::from_utf8(hex).ok());
            match (bytes[i], hex.and_then(|hex| u8::from_str_radix(hex, 16).ok())) {
                (b'%', Some(byte)) => {
                    out.push(byte);
                    i += 3;
                }
                (byte, _) => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

fn encoded_query(query: &[(String, String)]) -> String {
    let pairs: Vec<String> =
        query.iter().map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value))).collect();
    pairs.join("&")
}

// ---------------------------------------------------------------------------
// The function and its answers
// ---------------------------------------------------------------------------

/// The router `auth-lambda` builds, over the embedded backend in a fresh
/// data directory.
struct Function {
    router: Router,
    _data: TempDir,
}

impl Function {
    async fn start() -> Self {
        let (config, data) = test_config();
        let router = app::build(&config).await.expect("the service");
        Self { router, _data: data }
    }

    /// Runs `call` as an event of `kind` the way `lambda_http::run` does:
    /// the JSON deserialized as `lambda_http` reads it, handed to the same
    /// adapter, and the answer serialized as the runtime sends it.
    async fn invoke(&self, kind: Kind, call: &Call) -> Answer {
        self.invoke_event(kind, &call.event(kind)).await
    }

    async fn invoke_event(&self, kind: Kind, event: &Value) -> Answer {
        let payload: LambdaRequest =
            serde_json::from_slice(&serde_json::to_vec(event).expect("event bytes")).expect("a Lambda HTTP event");
        let mut handler = Adapter::from(lambda::service(self.router.clone()));
        let ready = handler.ready().await.unwrap_or_else(|never: Infallible| match never {});
        let response = ready
            .call(LambdaEvent::new(payload, Context::default()))
            .await
            .unwrap_or_else(|never: Infallible| match never {});
        Answer::new(kind, serde_json::to_value(response).expect("response JSON"))
    }
}

/// The JSON the function hands back to Lambda for one event.
#[derive(Debug)]
struct Answer {
    kind: Kind,
    json: Value,
}

impl Answer {
    /// Checks the shape the event's source reads: REST APIs read
    /// `multiValueHeaders` (and `headers`, which must then be empty lest
    /// they merge into duplicates); HTTP APIs read `headers` and `cookies`;
    /// ALBs read one or the other depending on the target group, so both
    /// carry everything, with a `statusDescription`.
    fn new(kind: Kind, json: Value) -> Self {
        let status = json["statusCode"].as_u64().unwrap_or_else(|| panic!("statusCode in {json}"));
        let object = json.as_object().unwrap_or_else(|| panic!("an object: {json}"));
        let single = object.get("headers").and_then(Value::as_object).expect("headers");
        let multi = object.get("multiValueHeaders").and_then(Value::as_object).expect("multiValueHeaders");
        assert!(json["isBase64Encoded"].is_boolean(), "{json}");
        match kind {
            Kind::RestV1 => {
                assert!(single.is_empty(), "REST API answers keep headers in multiValueHeaders only: {json}");
                assert!(!multi.is_empty() && multi.values().all(is_string_array), "{json}");
                assert!(!object.contains_key("statusDescription") && !object.contains_key("cookies"), "{json}");
            }
            Kind::HttpV2 | Kind::HttpV2Staged => {
                assert!(multi.is_empty(), "HTTP API answers have no multiValueHeaders: {json}");
                assert!(!single.is_empty() && single.values().all(Value::is_string), "{json}");
                assert!(json["cookies"].is_array(), "{json}");
                assert!(!object.contains_key("statusDescription"), "{json}");
            }
            Kind::Alb | Kind::AlbMultiValue => {
                assert!(!single.is_empty() && single.values().all(Value::is_string), "{json}");
                assert!(multi.values().all(is_string_array), "{json}");
                let names = |map: &serde_json::Map<String, Value>| map.keys().cloned().collect::<Vec<_>>();
                assert_eq!(names(single), names(multi), "{json}");
                let reason = StatusCode::from_u16(status as u16).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
                assert_eq!(json["statusDescription"], format!("{status} {reason}"), "{json}");
            }
        }
        Self { kind, json }
    }

    fn status(&self) -> u16 {
        self.json["statusCode"].as_u64().map_or(0, |status| status as u16)
    }

    /// The values of a response header, read where the event's source reads them.
    fn header(&self, name: &str) -> Option<String> {
        let from_multi = || {
            let values = self.json["multiValueHeaders"][name].as_array()?;
            let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
            Some(values.join(", "))
        };
        match self.kind {
            Kind::RestV1 => from_multi(),
            Kind::HttpV2 | Kind::HttpV2Staged => self.json["headers"][name].as_str().map(str::to_owned),
            Kind::Alb | Kind::AlbMultiValue => {
                let single = self.json["headers"][name].as_str().map(str::to_owned);
                assert_eq!(single, from_multi(), "{name} in headers and multiValueHeaders");
                single
            }
        }
    }

    /// The body, parsed as JSON; JSON bodies travel as text.
    fn body(&self) -> Value {
        assert_eq!(self.json["isBase64Encoded"], false, "{}", self.json);
        let text = self.json["body"].as_str().unwrap_or_else(|| panic!("a body in {}", self.json));
        serde_json::from_str(text).unwrap_or_else(|error| panic!("a JSON body ({error}) in {}", self.json))
    }

    fn describe(&self) -> String {
        format!("{:?}: {}", self.kind, self.json)
    }

    /// Asserts the contract's `Error` shape with `status` and `code`.
    fn assert_error(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status(), status, "{}", self.describe());
        assert!(
            self.header("content-type").is_some_and(|value| value.starts_with("application/json")),
            "{}",
            self.describe()
        );
        let body = self.body();
        assert_eq!(body["code"], code, "{}", self.describe());
        assert!(body["message"].as_str().is_some_and(|message| !message.is_empty()), "{}", self.describe());
        assert_eq!(body["requestId"].as_str(), self.header("x-request-id").as_deref(), "{}", self.describe());
        body
    }
}

fn is_string_array(value: &Value) -> bool {
    value.as_array().is_some_and(|values| !values.is_empty() && values.iter().all(Value::is_string))
}

fn registration(email: &str) -> Value {
    json!({ "email": email, "password": PASSWORD, "name": "Ada Lovelace" })
}

fn email_for(kind: Kind, what: &str) -> String {
    format!("{what}-{}@example.com", format!("{kind:?}").to_ascii_lowercase())
}

// ---------------------------------------------------------------------------
// Events through the glue
// ---------------------------------------------------------------------------

#[tokio::test]
async fn health_answers_every_kind_of_event_in_the_shape_its_source_reads() {
    let function = Function::start().await;
    for kind in KINDS {
        let answer = function.invoke(kind, &Call::get("/health")).await;
        assert_eq!(answer.status(), 200, "{}", answer.describe());
        assert_eq!(answer.body(), json!({ "status": "ok", "store": "ok" }), "{}", answer.describe());
        assert_eq!(answer.header("content-type").as_deref(), Some("application/json"), "{}", answer.describe());
        assert_eq!(answer.header("x-content-type-options").as_deref(), Some("nosniff"), "{}", answer.describe());
    }
}

#[tokio::test]
async fn the_api_gateway_stage_is_not_part_of_the_route() {
    let function = Function::start().await;
    for kind in [Kind::RestV1, Kind::HttpV2Staged] {
        let event = Call::get("/health").event(kind);
        // What lambda_http alone makes of the event: the stage leads the path.
        let decoded = lambda_http::request::from_str(&event.to_string()).expect("a Lambda HTTP event");
        if std::env::var_os("AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH").is_none() {
            assert_eq!(decoded.uri().path(), "/prod/health", "{kind:?}");
        }
        assert_eq!(lambda::into_request(decoded).uri().path(), "/health", "{kind:?}");

        let answer = function.invoke_event(kind, &event).await;
        assert_eq!(answer.status(), 200, "{}", answer.describe());
    }
}

#[tokio::test]
async fn register_takes_a_json_body_plain_or_base64_encoded() {
    let function = Function::start().await;
    for kind in KINDS {
        for encoded in [false, true] {
            let email = email_for(kind, if encoded { "encoded" } else { "plain" });
            let call = Call::post_json("/auth/register", &registration(&email));
            let call = if encoded { call.base64() } else { call };
            let answer = function.invoke(kind, &call).await;
            assert_eq!(answer.status(), 201, "{}", answer.describe());
            let profile = answer.body();
            assert_eq!(profile["email"], email.as_str(), "{}", answer.describe());
            assert_eq!(profile["name"], "Ada Lovelace", "{}", answer.describe());
            assert_eq!(profile["emailVerified"], true, "{}", answer.describe());
            assert!(profile["id"].as_str().is_some_and(|id| id.len() == 36), "{}", answer.describe());
        }
    }
}

#[tokio::test]
async fn a_bearer_token_from_a_login_reads_the_profile() {
    let function = Function::start().await;
    for kind in KINDS {
        let email = email_for(kind, "me");
        let registered = function.invoke(kind, &Call::post_json("/auth/register", &registration(&email))).await;
        assert_eq!(registered.status(), 201, "{}", registered.describe());
        let credentials = json!({ "email": email, "password": PASSWORD });
        let login = function.invoke(kind, &Call::post_json("/auth/login", &credentials)).await;
        assert_eq!(login.status(), 200, "{}", login.describe());
        let tokens = login.body();
        let token = tokens["accessToken"].as_str().unwrap_or_else(|| panic!("accessToken in {tokens}"));

        let me = function.invoke(kind, &Call::get("/users/me").bearer(token)).await;
        assert_eq!(me.status(), 200, "{}", me.describe());
        assert_eq!(me.body()["email"], email.as_str(), "{}", me.describe());

        let anonymous = function.invoke(kind, &Call::get("/users/me")).await;
        anonymous.assert_error(401, "unauthenticated");
        assert!(anonymous.header("www-authenticate").is_some_and(|value| value.starts_with("Bearer")));
    }
}

#[tokio::test]
async fn a_query_string_reaches_a_route_that_ignores_it() {
    let function = Function::start().await;
    for kind in KINDS {
        let call = Call::get("/health").query("probe", "load balancer").query("n", "1");
        let answer = function.invoke(kind, &call).await;
        assert_eq!(answer.status(), 200, "{}", answer.describe());
        assert_eq!(answer.body()["status"], "ok", "{}", answer.describe());
    }
}

#[test]
fn the_query_string_of_the_event_is_the_one_the_router_sees() {
    for kind in KINDS {
        let event = Call::get("/health").query("probe", "load balancer").query("n", "1").event(kind);
        let decoded = lambda_http::request::from_str(&event.to_string()).expect("a Lambda HTTP event");
        let request = lambda::into_request(decoded);
        let mut pairs = form_decode(request.uri().query().unwrap_or_default());
        pairs.sort_unstable();
        assert_eq!(
            pairs,
            [("n".into(), "1".into()), ("probe".into(), "load balancer".into())],
            "{kind:?}: {}",
            request.uri()
        );
    }
}

#[tokio::test]
async fn an_unknown_path_is_a_404_in_the_error_shape() {
    let function = Function::start().await;
    for kind in KINDS {
        function.invoke(kind, &Call::get("/no/such/path")).await.assert_error(404, "not_found");
    }
}

#[tokio::test]
async fn a_text_plain_body_is_a_415() {
    let function = Function::start().await;
    for kind in KINDS {
        let call = Call::new("POST", "/auth/register")
            .header("content-type", "text/plain")
            .body(&registration(&email_for(kind, "plain-text")).to_string());
        function.invoke(kind, &call).await.assert_error(415, "unsupported_media_type");
    }
}

#[tokio::test]
async fn the_request_id_is_echoed() {
    let function = Function::start().await;
    for kind in KINDS {
        let id = format!("lambda-{kind:?}-42");
        let health = function.invoke(kind, &Call::get("/health").header("X-Request-Id", &id)).await;
        assert_eq!(health.header("x-request-id"), Some(id.clone()), "{}", health.describe());

        let missing = function.invoke(kind, &Call::get("/nope").header("X-Request-Id", &id)).await;
        assert_eq!(missing.assert_error(404, "not_found")["requestId"], id.as_str());

        let fresh = function.invoke(kind, &Call::get("/health")).await;
        let generated = fresh.header("x-request-id").unwrap_or_else(|| panic!("an id in {}", fresh.describe()));
        assert!(uuid::Uuid::parse_str(&generated).is_ok(), "{generated}");
    }
}

#[tokio::test]
async fn failed_logins_are_limited_by_the_source_ip_of_the_event() {
    // API Gateway events also carry an X-Forwarded-For header, which stays
    // the same for both addresses here; ALB events start theirs with a
    // forged entry. Only the address each source vouches for counts.
    for kind in [Kind::RestV1, Kind::HttpV2, Kind::Alb, Kind::AlbMultiValue] {
        let function = Function::start().await;
        let attempt = |n: usize, ip: &str| {
            let credentials = json!({ "email": format!("guess{n}@example.com"), "password": "not the password" });
            Call::post_json("/auth/login", &credentials).from(ip)
        };
        for n in 0..5 {
            let answer = function.invoke(kind, &attempt(n, "192.0.2.10")).await;
            answer.assert_error(401, "invalid_credentials");
        }
        let limited = function.invoke(kind, &attempt(5, "192.0.2.10")).await;
        limited.assert_error(429, "rate_limited");
        let retry: u64 = limited
            .header("retry-after")
            .and_then(|value| value.parse().ok())
            .unwrap_or_else(|| panic!("Retry-After in {}", limited.describe()));
        assert!(retry >= 1, "{}", limited.describe());

        let other = function.invoke(kind, &attempt(6, "192.0.2.77")).await;
        other.assert_error(401, "invalid_credentials");
    }
}

#[tokio::test]
async fn an_event_without_a_source_ip_is_served() {
    let function = Function::start().await;
    let mut event = Call::get("/health").event(Kind::HttpV2);
    event["requestContext"]["http"].as_object_mut().expect("http").remove("sourceIp");
    let answer = function.invoke_event(Kind::HttpV2, &event).await;
    assert_eq!(answer.status(), 200, "{}", answer.describe());
}

// ---------------------------------------------------------------------------
// The binary
// ---------------------------------------------------------------------------

/// Invocations handed out by the stand-in Runtime API, and the answers posted back.
#[derive(Clone)]
struct RuntimeApi {
    events: Arc<Mutex<VecDeque<(String, Value)>>>,
    answers: mpsc::UnboundedSender<(String, String, Value)>,
}

async fn next_invocation(State(api): State<RuntimeApi>) -> axum::response::Response {
    let next = api.events.lock().expect("events").pop_front();
    let Some((id, event)) = next else {
        // Lambda holds the request open until there is an event.
        return std::future::pending().await;
    };
    let mut headers = HeaderMap::new();
    headers.insert("lambda-runtime-aws-request-id", HeaderValue::from_str(&id).expect("id"));
    headers.insert("lambda-runtime-deadline-ms", HeaderValue::from_static("4102444800000"));
    headers.insert(
        "lambda-runtime-invoked-function-arn",
        HeaderValue::from_static("arn:aws:lambda:eu-central-1:123456789012:function:auth"),
    );
    headers.insert("lambda-runtime-trace-id", HeaderValue::from_static("Root=1-6740a1b2-7a8b9c0d1e2f3a4b5c6d7e8f"));
    (headers, axum::Json(event)).into_response()
}

/// An invocation's `response` or `error`, posted by the function.
async fn outcome(
    State(api): State<RuntimeApi>,
    Path((id, outcome)): Path<(String, String)>,
    body: String,
) -> StatusCode {
    let value = serde_json::from_str(&body).unwrap_or(Value::String(body));
    let _ = api.answers.send((outcome, id, value));
    StatusCode::ACCEPTED
}

async fn init_error(State(api): State<RuntimeApi>, body: String) -> StatusCode {
    let _ = api.answers.send(("init-error".to_owned(), String::new(), Value::String(body)));
    StatusCode::ACCEPTED
}

/// Serves `events` as a Lambda Runtime API on 127.0.0.1; returns its address
/// and the answers (`response` or `error`, the invocation id, the body).
async fn runtime_api(events: Vec<(String, Value)>) -> (SocketAddr, mpsc::UnboundedReceiver<(String, String, Value)>) {
    let (answers, received) = mpsc::unbounded_channel();
    let api = RuntimeApi { events: Arc::new(Mutex::new(events.into())), answers };
    let router = Router::new()
        .route("/2018-06-01/runtime/invocation/next", get(next_invocation))
        .route("/2018-06-01/runtime/invocation/{id}/{outcome}", post(outcome))
        .route("/2018-06-01/runtime/init/error", post(init_error))
        .with_state(api);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
    (address, received)
}

/// `auth-lambda` with an empty environment but for PATH and HOME, so that
/// no `AUTH_…` variable of the caller leaks in.
fn lambda_command() -> tokio::process::Command {
    function_command(env!("CARGO_BIN_EXE_auth-lambda"))
}

fn function_command(binary: &str) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(binary);
    command.env_clear();
    for key in ["PATH", "HOME"] {
        if let Some(value) = std::env::var_os(key) {
            command.env(key, value);
        }
    }
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).kill_on_drop(true);
    command
}

/// The next `count` answers the function posts, waiting at most 30 s for each.
async fn receive(
    answers: &mut mpsc::UnboundedReceiver<(String, String, Value)>,
    count: usize,
) -> Vec<(String, String, Value)> {
    let mut received = Vec::new();
    for _ in 0..count {
        let answer = tokio::time::timeout(Duration::from_secs(30), answers.recv())
            .await
            .expect("an answer within 30 s")
            .expect("the runtime API is up");
        received.push(answer);
    }
    received
}

fn with_runtime_variables(command: &mut tokio::process::Command, api: SocketAddr) {
    command
        .env("AWS_LAMBDA_RUNTIME_API", api.to_string())
        .env("AWS_LAMBDA_FUNCTION_NAME", "auth")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
}

#[tokio::test]
async fn the_binary_answers_events_from_the_runtime_api() {
    let data = tempfile::tempdir().expect("temp dir");
    let register = Call::post_json("/auth/register", &registration("binary@example.com"));
    let events = vec![
        ("invocation-1".to_owned(), Call::get("/health").event(Kind::RestV1)),
        ("invocation-2".to_owned(), register.event(Kind::HttpV2Staged)),
        ("invocation-3".to_owned(), Call::get("/nope").event(Kind::Alb)),
    ];
    let (api, mut answers) = runtime_api(events).await;
    let collector = support::otlp::Collector::start();
    let mut command = lambda_command();
    with_runtime_variables(&mut command, api);
    command
        .env("AUTH_STORAGE__DATA_DIR", data.path())
        .env("AUTH_LOG__FORMAT", "json")
        .env("AUTH_METRICS__CLOUDWATCH_NAMESPACE", "auth-test")
        .env("AUTH_TRACES__OTLP_ENDPOINT", &collector.endpoint);
    let mut child = command.spawn().expect("auth-lambda starts");

    let received = receive(&mut answers, 3).await;
    // Each invocation's spans are exported before it is answered (Lambda may
    // freeze the environment then): all three are in, though the function is
    // killed at once.
    let spans = collector.spans();
    let _ = child.start_kill();
    let mut served: Vec<&str> = spans.iter().filter(|span| span.kind == 2).map(|span| span.name.as_str()).collect();
    served.sort_unstable();
    assert_eq!(served, ["getHealth", "registerUser", "unknown"], "{spans:#?}");
    let output = child.wait_with_output().await.expect("output");
    let stdout = String::from_utf8_lossy(&output.stdout);

    let (kind, id, health) = &received[0];
    assert_eq!((kind.as_str(), id.as_str()), ("response", "invocation-1"), "{received:?}");
    let health = Answer::new(Kind::RestV1, health.clone());
    assert_eq!(health.status(), 200, "{}", health.describe());
    assert_eq!(health.body()["status"], "ok");

    let (kind, id, registered) = &received[1];
    assert_eq!((kind.as_str(), id.as_str()), ("response", "invocation-2"), "{received:?}");
    let registered = Answer::new(Kind::HttpV2Staged, registered.clone());
    assert_eq!(registered.status(), 201, "{}", registered.describe());
    assert_eq!(registered.body()["email"], "binary@example.com");

    let (kind, id, missing) = &received[2];
    assert_eq!((kind.as_str(), id.as_str()), ("response", "invocation-3"), "{received:?}");
    Answer::new(Kind::Alb, missing.clone()).assert_error(404, "not_found");

    let logs: Vec<Value> = stdout.lines().filter_map(|line| serde_json::from_str(line).ok()).collect();
    assert!(
        logs.iter().any(|line| line["fields"]["message"] == "request finished" && line["fields"]["status"] == 201),
        "JSON request logs on stdout: {stdout}"
    );

    // Each invocation's metrics follow it in the log as Embedded Metric
    // Format documents, in the configured namespace, labels as dimensions:
    // one request duration per invocation, none counted twice.
    let documents: Vec<&Value> = logs.iter().filter(|line| line.get("_aws").is_some()).collect();
    let mut requests = Vec::new();
    for document in &documents {
        let directive = &document["_aws"]["CloudWatchMetrics"][0];
        assert_eq!(directive["Namespace"], "auth-test", "{document}");
        let dimensions: Vec<&str> = directive["Dimensions"][0]
            .as_array()
            .expect("a dimension set")
            .iter()
            .map(|name| name.as_str().expect("a dimension"))
            .collect();
        for metric in directive["Metrics"].as_array().expect("metrics") {
            let name = metric["Name"].as_str().expect("a metric name");
            assert!(auth_service::metrics::ALL.contains(&name), "{name} is not a metric of the service");
            if name == auth_service::metrics::HTTP_REQUEST_DURATION {
                assert_eq!(dimensions, ["operation", "status"], "{document}");
                let durations = document[name].as_array().expect("the durations recorded");
                for _ in durations {
                    requests.push((
                        support::str_field(document, "operation").to_owned(),
                        support::str_field(document, "status").to_owned(),
                    ));
                }
            }
        }
    }
    requests.sort();
    assert_eq!(
        requests,
        [("getHealth", "200"), ("registerUser", "201"), ("unknown", "404")].map(|(o, s)| (o.to_owned(), s.to_owned())),
        "{stdout}"
    );
    assert!(
        documents.iter().all(|document| !document.to_string().contains("binary@example.com")),
        "an address in the metrics: {stdout}"
    );
}

#[tokio::test]
async fn a_bad_start_exits_non_zero_without_panicking() {
    let (api, _answers) = runtime_api(Vec::new()).await;
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("not-a-directory");
    std::fs::write(&file, "").expect("a file");

    let mut unknown_setting = lambda_command();
    with_runtime_variables(&mut unknown_setting, api);
    unknown_setting.env("AUTH_NO_SUCH_SETTING", "1");

    let mut outside_lambda = lambda_command();
    outside_lambda.env("AUTH_STORAGE__DATA_DIR", data.path());

    let mut unusable_data_dir = lambda_command();
    with_runtime_variables(&mut unusable_data_dir, api);
    unusable_data_dir.env("AUTH_STORAGE__DATA_DIR", &file);

    for (mut command, code, says) in [
        (unknown_setting, 2, "invalid configuration"),
        (outside_lambda, 2, "AWS_LAMBDA_RUNTIME_API"),
        (unusable_data_dir, 1, "creating the data directory"),
    ] {
        let output = tokio::time::timeout(Duration::from_secs(30), command.output())
            .await
            .expect("exits within 30 s")
            .expect("runs");
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.status.code(), Some(code), "{text}");
        assert!(text.contains(says), "{says:?} in {text}");
        assert!(!text.contains("panicked"), "{text}");
    }
}

#[tokio::test]
async fn the_seed_binary_runs_the_workflow_tasks_from_the_runtime_api() {
    let data = tempfile::tempdir().expect("temp dir");
    let email = "seeded@example.com";
    let password = "seed passphrase 1";
    let events = vec![
        ("check-new".to_owned(), json!({ "action": "exists", "email": email })),
        ("sign-up".to_owned(), json!({ "action": "signUp", "email": email, "password": password, "name": "Seed" })),
        ("check-again".to_owned(), json!({ "action": "exists", "email": email })),
        ("log-in".to_owned(), json!({ "action": "login", "email": email, "password": password })),
        ("wrong-password".to_owned(), json!({ "action": "login", "email": email, "password": "not it at all" })),
        ("unknown".to_owned(), json!({ "action": "delete", "email": email, "password": password })),
    ];
    let count = events.len();
    let (api, mut answers) = runtime_api(events).await;
    let mut command = function_command(env!("CARGO_BIN_EXE_auth-seed"));
    with_runtime_variables(&mut command, api);
    command.env("AUTH_STORAGE__DATA_DIR", data.path());
    let mut child = command.spawn().expect("auth-seed starts");
    let received = receive(&mut answers, count).await;
    let _ = child.start_kill();
    let output = child.wait_with_output().await.expect("output");

    let outcome = |id: &str| -> (String, Value) {
        let (kind, _, body) = received.iter().find(|(_, answer_id, _)| answer_id == id).expect(id);
        (kind.clone(), body.clone())
    };
    assert_eq!(outcome("check-new"), ("response".to_owned(), json!({ "exists": false })));
    let (kind, signed_up) = outcome("sign-up");
    assert_eq!(kind, "response", "{signed_up}");
    let user_id = signed_up["userId"].as_str().expect("userId").to_owned();
    assert_eq!(outcome("check-again"), ("response".to_owned(), json!({ "exists": true })));
    assert_eq!(outcome("log-in"), ("response".to_owned(), json!({ "userId": user_id })));
    let (kind, refused) = outcome("wrong-password");
    assert_eq!((kind.as_str(), &refused["errorType"]), ("error", &json!("InvalidCredentials")), "{refused}");
    let (kind, unknown) = outcome("unknown");
    assert_eq!((kind.as_str(), &unknown["errorType"]), ("error", &json!("InvalidInput")), "{unknown}");
    let everything = format!("{received:?}{}", String::from_utf8_lossy(&output.stdout));
    assert!(!everything.contains(password), "the password is in an answer or the log");
}
