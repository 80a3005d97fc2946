//! The real `auth-server` binary, run as a child process: durability across
//! `kill -9`, restarts, signals, the zero-configuration start, configuration
//! errors and what the JSON logs contain.
//!
//! Every wait is bounded and every child is killed when its guard drops, so a
//! hung server fails a test instead of hanging the suite.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use reqwest::{Client, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};

use crate::support::otlp::{Collector, ReceivedSpan};

const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "tremendous purple giraffe orchestra";
const WRONG_PASSWORD: &str = "entirely mistaken guess of mine";
const RESET_PASSWORD: &str = "reset by mail and never logged";
const NAME: &str = "Ada Lovelace";

/// How long a server may take to start, or to answer /health.
const START_DEADLINE: Duration = Duration::from_secs(20);
/// How long a server may take to exit after a signal, or a bad start to fail.
const EXIT_DEADLINE: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------
// The child process
// ---------------------------------------------------------------------------

/// The binary with an empty environment but for PATH and HOME (so that no
/// `AUTH_…` variable of the caller leaks in), on a random port.
fn bare_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_auth-server"));
    command.env_clear();
    for key in ["PATH", "HOME"] {
        if let Some(value) = std::env::var_os(key) {
            command.env(key, value);
        }
    }
    command.env("AUTH_SERVER__PORT", "0");
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

/// A server on `data_dir` logging JSON.
fn json_command(data_dir: &Path) -> Command {
    let mut command = bare_command();
    command.env("AUTH_STORAGE__DATA_DIR", data_dir).env("AUTH_LOG__FORMAT", "json");
    command
}

/// Lines of one of the child's streams, as they arrive.
struct Lines {
    all: Arc<Mutex<Vec<String>>>,
    arrivals: Receiver<String>,
}

impl Lines {
    /// Reads `stream` on a background thread until it closes.
    fn collect(stream: impl Read + Send + 'static) -> Self {
        let all = Arc::new(Mutex::new(Vec::new()));
        let (sender, arrivals) = mpsc::channel();
        let kept = all.clone();
        thread::spawn(move || {
            let mut reader = BufReader::new(stream);
            let mut buffer = Vec::new();
            loop {
                buffer.clear();
                match reader.read_until(b'\n', &mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        let line = String::from_utf8_lossy(&buffer).trim_end_matches(['\n', '\r']).to_owned();
                        kept.lock().unwrap().push(line.clone());
                        // The receiver may be gone; the line is kept regardless.
                        let _ = sender.send(line);
                    }
                }
            }
        });
        Self { all, arrivals }
    }

    fn snapshot(&self) -> Vec<String> {
        self.all.lock().unwrap().clone()
    }

    /// Waits, until `deadline`, for the stream to close.
    fn wait_closed(&self, deadline: Instant) -> bool {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.arrivals.recv_timeout(left) {
                Ok(_) => continue,
                Err(RecvTimeoutError::Disconnected) => return true,
                Err(RecvTimeoutError::Timeout) => return false,
            }
        }
    }
}

/// Waits up to `timeout` for the child to exit.
fn wait_for_exit(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// The address of a "listening" log line, in the JSON or the text format.
fn listening_address(line: &str) -> Option<SocketAddr> {
    if let Ok(value) = serde_json::from_str::<Value>(line) {
        let fields = &value["fields"];
        if fields["message"] != "listening" {
            return None;
        }
        return fields["address"].as_str()?.parse().ok();
    }
    let plain = strip_ansi(line);
    if !plain.split_whitespace().any(|word| word == "listening") {
        return None;
    }
    plain.split_whitespace().find_map(|word| word.strip_prefix("address=")).and_then(|address| address.parse().ok())
}

/// `text` without ANSI escape sequences (the text format colours its output).
fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// A running server. Dropping it kills the process.
struct Server {
    child: Child,
    address: SocketAddr,
    stdout: Lines,
    stderr: Lines,
    api: Api,
}

impl Server {
    /// Starts `command` and waits for its "listening" line.
    fn start(mut command: Command) -> Self {
        let mut child = command.spawn().expect("spawning auth-server");
        let stdout = Lines::collect(child.stdout.take().expect("stdout"));
        let stderr = Lines::collect(child.stderr.take().expect("stderr"));
        let deadline = Instant::now() + START_DEADLINE;
        let address = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match stdout.arrivals.recv_timeout(left) {
                Ok(line) => {
                    if let Some(address) = listening_address(&line) {
                        break address;
                    }
                }
                Err(error) => {
                    let _ = child.kill();
                    let status = child.wait().ok();
                    stderr.wait_closed(Instant::now() + Duration::from_secs(2));
                    panic!(
                        "auth-server did not log a listening address ({error:?}, exit status {status:?})\nstdout:\n{}\nstderr:\n{}",
                        stdout.snapshot().join("\n"),
                        stderr.snapshot().join("\n"),
                    );
                }
            }
        };
        assert!(address.ip().is_loopback(), "the server must bind 127.0.0.1 only, not {address}");
        Self { child, address, stdout, stderr, api: Api::new(address) }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Polls /health until it answers 200.
    async fn wait_healthy(&self) {
        let deadline = Instant::now() + START_DEADLINE;
        loop {
            if let Ok(response) = self.api.http.get(self.api.url("/health")).send().await
                && response.status() == StatusCode::OK
            {
                return;
            }
            assert!(Instant::now() < deadline, "{} never answered /health", self.address);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// `kill -9`: no chance to flush or clean up.
    fn kill_hard(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("wait");
    }

    /// Sends SIGTERM.
    fn send_sigterm(&self) {
        let status = Command::new("kill").args(["-TERM", &self.pid().to_string()]).status().expect("running kill");
        assert!(status.success(), "kill -TERM {} failed", self.pid());
    }

    /// SIGTERM, then waits for the exit and for the end of the output;
    /// returns the exit status and every stdout line.
    fn terminate(mut self) -> (ExitStatus, Vec<String>) {
        self.send_sigterm();
        let Some(status) = wait_for_exit(&mut self.child, EXIT_DEADLINE) else {
            panic!(
                "auth-server did not exit within {EXIT_DEADLINE:?} of SIGTERM\nstdout:\n{}",
                self.stdout.snapshot().join("\n")
            );
        };
        let deadline = Instant::now() + Duration::from_secs(5);
        assert!(self.stdout.wait_closed(deadline), "stdout stayed open after the exit");
        self.stderr.wait_closed(deadline);
        (status, self.stdout.snapshot())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

struct Api {
    base: String,
    http: Client,
}

impl Api {
    fn new(address: SocketAddr) -> Self {
        let http = Client::builder().timeout(Duration::from_secs(10)).no_proxy().build().expect("client");
        Self { base: format!("http://{address}"), http }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn post(&self, path: &str) -> RequestBuilder {
        self.http.post(self.url(path))
    }

    fn get(&self, path: &str) -> RequestBuilder {
        self.http.get(self.url(path))
    }

    fn patch(&self, path: &str) -> RequestBuilder {
        self.http.patch(self.url(path))
    }

    async fn register(&self, email: &str, password: &str) -> Response {
        send(self.post("/auth/register").json(&json!({ "email": email, "password": password, "name": NAME }))).await
    }

    async fn login(&self, email: &str, password: &str) -> Response {
        send(self.post("/auth/login").json(&json!({ "email": email, "password": password }))).await
    }

    /// Signs in and returns the body, which must hold tokens.
    async fn login_ok(&self, email: &str, password: &str) -> Value {
        let response = self.login(email, password).await;
        let body = expect_json(response, StatusCode::OK).await;
        assert_eq!(body["mfaRequired"], false, "{body}");
        for field in ["accessToken", "idToken", "refreshToken"] {
            assert!(body[field].as_str().is_some_and(|token| !token.is_empty()), "{field} in {body}");
        }
        body
    }

    async fn change_password(&self, access_token: &str, current: &str, new: &str) -> Response {
        send(
            self.post("/users/me/password")
                .bearer_auth(access_token)
                .json(&json!({ "currentPassword": current, "newPassword": new })),
        )
        .await
    }

    async fn me(&self, access_token: &str) -> Response {
        send(self.get("/users/me").bearer_auth(access_token)).await
    }

    async fn jwks(&self) -> Value {
        expect_json(send(self.get("/.well-known/jwks.json")).await, StatusCode::OK).await
    }
}

async fn send(request: RequestBuilder) -> Response {
    request.send().await.expect("request to auth-server")
}

async fn expect_status(response: Response, status: StatusCode) {
    let actual = response.status();
    let url = response.url().clone();
    assert_eq!(actual, status, "{url}: {}", response.text().await.unwrap_or_default());
}

async fn expect_json(response: Response, status: StatusCode) -> Value {
    let actual = response.status();
    let url = response.url().clone();
    let text = response.text().await.expect("body");
    assert_eq!(actual, status, "{url}: {text}");
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{url}: {error}: {text}"))
}

fn token<'a>(body: &'a Value, field: &str) -> &'a str {
    body[field].as_str().unwrap_or_else(|| panic!("{field} in {body}"))
}

/// The only key of a JWK set.
fn only_key(jwks: &Value) -> &Value {
    let keys = jwks["keys"].as_array().unwrap_or_else(|| panic!("keys in {jwks}"));
    assert_eq!(keys.len(), 1, "{jwks}");
    &keys[0]
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[tokio::test]
async fn a_registration_answered_201_survives_kill_9() {
    let data = tempfile::tempdir().expect("temp dir");
    let email = "durable@example.com";

    let server = Server::start(json_command(data.path()));
    expect_status(server.api.register(email, PASSWORD).await, StatusCode::CREATED).await;
    server.kill_hard();

    let server = Server::start(json_command(data.path()));
    let session = server.api.login_ok(email, PASSWORD).await;
    expect_status(server.api.register(email, PASSWORD).await, StatusCode::CONFLICT).await;
    let changed = server.api.change_password(token(&session, "accessToken"), PASSWORD, NEW_PASSWORD).await;
    expect_status(changed, StatusCode::NO_CONTENT).await;
    server.kill_hard();

    let server = Server::start(json_command(data.path()));
    expect_status(server.api.login(email, PASSWORD).await, StatusCode::UNAUTHORIZED).await;
    let session = server.api.login_ok(email, NEW_PASSWORD).await;
    assert_eq!(session["user"]["email"], email, "{session}");
    expect_status(server.api.register(email, NEW_PASSWORD).await, StatusCode::CONFLICT).await;
}

/// What a full flow through a JSON-logging server produced.
struct FlowLogs {
    lines: Vec<String>,
    /// Everything that must never be logged.
    secrets: Vec<(String, String)>,
    /// The `x-request-id` and status of every response, in order.
    responses: Vec<(String, u16)>,
    /// The spans the server exported, all of them by its exit.
    spans: Vec<ReceivedSpan>,
}

/// The code after `lead` in the newest message of the outbox in `data`,
/// waiting (at most 5 s) for one to arrive.
async fn mailed_code(data: &Path, lead: &str) -> String {
    for _ in 0..100 {
        let mut files: Vec<_> = std::fs::read_dir(data.join("outbox"))
            .map(|entries| entries.map(|entry| entry.unwrap().path()).collect())
            .unwrap_or_default();
        files.retain(|path: &std::path::PathBuf| path.extension().is_some_and(|ext| ext == "eml"));
        files.sort();
        let code = files.iter().rev().find_map(|file| {
            let text = std::fs::read_to_string(file).ok()?;
            text.split(&format!("{lead} ")).nth(1).map(|after| after[..6].to_owned())
        });
        if let Some(code) = code {
            return code;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no mail with {lead:?} in the outbox");
}

/// Register and confirm → failed and good login → profile read and update →
/// refresh → password change → logout, a couple of refused calls with
/// revoked credentials → password reset → MFA enrolment and a sign-in with a
/// wrong and a right backup code; then a graceful stop. Traces go to a
/// collector; the first good sign-in continues [`CALLER_TRACEPARENT`].
async fn run_full_flow() -> FlowLogs {
    let data = tempfile::tempdir().expect("temp dir");
    let collector = Collector::start();
    let mut command = json_command(data.path());
    command.env("AUTH_SIGNUP__AUTO_CONFIRM", "false").env("AUTH_TRACES__OTLP_ENDPOINT", &collector.endpoint);
    let server = Server::start(command);
    let api = &server.api;
    let email = "flow@example.com";
    let mut responses = Vec::new();
    let mut seen = |response: &Response| {
        let id = response.headers().get("x-request-id").expect("x-request-id on every response");
        responses.push((id.to_str().unwrap().to_owned(), response.status().as_u16()));
    };

    let registered = send(
        api.post("/auth/register")
            .header("X-Request-Id", "test-req-42")
            .json(&json!({ "email": email, "password": PASSWORD, "name": NAME })),
    )
    .await;
    seen(&registered);
    assert_eq!(registered.headers()["x-request-id"], "test-req-42");
    expect_status(registered, StatusCode::CREATED).await;

    let unconfirmed = api.login(email, PASSWORD).await;
    seen(&unconfirmed);
    expect_status(unconfirmed, StatusCode::FORBIDDEN).await;
    let confirmation_code = mailed_code(data.path(), "Your confirmation code is").await;
    let confirmed = send(api.post("/auth/confirm").json(&json!({ "email": email, "code": confirmation_code }))).await;
    seen(&confirmed);
    expect_status(confirmed, StatusCode::NO_CONTENT).await;

    let refused = api.login(email, WRONG_PASSWORD).await;
    seen(&refused);
    expect_status(refused, StatusCode::UNAUTHORIZED).await;

    let login = send(
        api.post("/auth/login")
            .header("traceparent", CALLER_TRACEPARENT)
            .json(&json!({ "email": email, "password": PASSWORD })),
    )
    .await;
    seen(&login);
    let first = expect_json(login, StatusCode::OK).await;
    assert_eq!(first["mfaRequired"], false, "{first}");
    let access = token(&first, "accessToken");

    let me = api.me(access).await;
    seen(&me);
    assert_eq!(expect_json(me, StatusCode::OK).await["email"], email);

    let renamed = send(api.patch("/users/me").bearer_auth(access).json(&json!({ "name": "Ada King" }))).await;
    seen(&renamed);
    assert_eq!(expect_json(renamed, StatusCode::OK).await["name"], "Ada King");

    let refreshed =
        send(api.post("/auth/token/refresh").json(&json!({ "refreshToken": token(&first, "refreshToken") }))).await;
    seen(&refreshed);
    let second = expect_json(refreshed, StatusCode::OK).await;
    let access = token(&second, "accessToken");

    let changed = api.change_password(access, PASSWORD, NEW_PASSWORD).await;
    seen(&changed);
    expect_status(changed, StatusCode::NO_CONTENT).await;

    let logout = send(api.post("/auth/logout").bearer_auth(access)).await;
    seen(&logout);
    expect_status(logout, StatusCode::NO_CONTENT).await;

    // Refusals that carry the revoked credentials.
    let revoked = api.me(access).await;
    seen(&revoked);
    expect_status(revoked, StatusCode::UNAUTHORIZED).await;
    let stale =
        send(api.post("/auth/token/refresh").json(&json!({ "refreshToken": token(&second, "refreshToken") }))).await;
    seen(&stale);
    expect_status(stale, StatusCode::UNAUTHORIZED).await;

    let forgot = send(api.post("/auth/password/forgot").json(&json!({ "email": email }))).await;
    seen(&forgot);
    expect_status(forgot, StatusCode::ACCEPTED).await;
    let reset_code = mailed_code(data.path(), "Your password reset code is").await;
    let reset = send(
        api.post("/auth/password/reset")
            .json(&json!({ "email": email, "code": reset_code, "newPassword": RESET_PASSWORD })),
    )
    .await;
    seen(&reset);
    expect_status(reset, StatusCode::NO_CONTENT).await;

    // Multi-factor: enrol an authenticator, then sign in with a wrong and a right backup code.
    let login = api.login(email, RESET_PASSWORD).await;
    seen(&login);
    let third = expect_json(login, StatusCode::OK).await;
    let access = token(&third, "accessToken");
    let setup = send(api.post("/users/me/mfa/setup").bearer_auth(access)).await;
    seen(&setup);
    let setup = expect_json(setup, StatusCode::OK).await;
    let uri = token(&setup, "otpauthUri");
    let totp_code = totp_rs::Totp::from_url(uri).expect("otpauth URI").generate_current().to_string();
    let enable = json!({ "password": RESET_PASSWORD, "code": totp_code });
    let enabled = send(api.post("/users/me/mfa/verify").bearer_auth(access).json(&enable)).await;
    seen(&enabled);
    let backup_codes: Vec<String> = expect_json(enabled, StatusCode::OK).await["backupCodes"]
        .as_array()
        .expect("backup codes")
        .iter()
        .map(|code| code.as_str().unwrap().to_owned())
        .collect();
    let challenge = api.login(email, RESET_PASSWORD).await;
    seen(&challenge);
    let challenge = expect_json(challenge, StatusCode::OK).await;
    let session = token(&challenge, "mfaSession");
    let wrong = send(api.post("/auth/mfa/verify").json(&json!({ "session": session, "code": "zzzzz-zzzzz" }))).await;
    seen(&wrong);
    expect_status(wrong, StatusCode::BAD_REQUEST).await;
    let verified =
        send(api.post("/auth/mfa/verify").json(&json!({ "session": session, "code": backup_codes[0] }))).await;
    seen(&verified);
    let fourth = expect_json(verified, StatusCode::OK).await;

    let mut secrets: Vec<(String, String)> = [
        ("password", PASSWORD),
        ("new password", NEW_PASSWORD),
        ("wrong password", WRONG_PASSWORD),
        ("reset password", RESET_PASSWORD),
        ("confirmation code", &confirmation_code),
        ("reset code", &reset_code),
    ]
    .map(|(what, secret)| (what.to_owned(), secret.to_owned()))
    .into();
    secrets.push(("TOTP secret".to_owned(), token(&setup, "secret").to_owned()));
    secrets.push(("otpauth URI".to_owned(), uri.to_owned()));
    secrets.push(("authenticator code".to_owned(), totp_code.clone()));
    secrets.push(("MFA session".to_owned(), session.to_owned()));
    for (index, code) in backup_codes.iter().enumerate() {
        secrets.push((format!("backup code {index}"), code.clone()));
        secrets.push((format!("backup code {index} without hyphen"), code.replace('-', "")));
    }
    for (which, set) in [("first", &first), ("refreshed", &second), ("third", &third), ("after MFA", &fourth)] {
        for field in ["accessToken", "idToken", "refreshToken"] {
            let value = token(set, field).to_owned();
            if field != "refreshToken" {
                let signature = value.rsplit('.').next().unwrap().to_owned();
                assert!(signature.len() > 20, "{field} is not a signed JWT: {value}");
                secrets.push((format!("{which} {field} signature"), signature));
            }
            secrets.push((format!("{which} {field}"), value));
        }
    }

    let (status, lines) = server.terminate();
    assert!(status.success(), "{status}");
    FlowLogs { lines, secrets, responses, spans: collector.spans() }
}

/// A caller's W3C trace context: version, trace id, parent span id, sampled.
const CALLER_TRACEPARENT: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

fn parse_log_lines(lines: &[String]) -> Vec<Value> {
    lines
        .iter()
        .map(|line| {
            let value: Value =
                serde_json::from_str(line).unwrap_or_else(|error| panic!("not a JSON log line ({error}): {line}"));
            assert!(value["timestamp"].is_string() && value["level"].is_string(), "{line}");
            assert!(value["fields"]["message"].is_string(), "{line}");
            value
        })
        .collect()
}

#[tokio::test]
async fn logs_of_a_full_flow_carry_request_ids_and_no_secrets() {
    let logs = run_full_flow().await;
    assert!(!logs.lines.is_empty());

    for line in &logs.lines {
        // The timestamp's digits could match a six-digit code by chance.
        let mut entry: Value = serde_json::from_str(line).unwrap_or_else(|_| Value::String(line.clone()));
        if let Some(fields) = entry.as_object_mut() {
            fields.remove("timestamp");
        }
        let checked = entry.to_string();
        for (what, secret) in &logs.secrets {
            assert!(!checked.contains(secret.as_str()), "the {what} was logged: {line}");
        }
    }
    let entries = parse_log_lines(&logs.lines);

    // One "request finished" line per request, in the request span, with the
    // id the response carried and the status it had.
    let finished: Vec<&Value> =
        entries.iter().filter(|entry| entry["fields"]["message"] == "request finished").collect();
    assert_eq!(
        finished.len(),
        logs.responses.len(),
        "one \"request finished\" line per request:\n{}",
        logs.lines.join("\n")
    );
    let mut statuses: HashMap<String, u64> = HashMap::new();
    for entry in &finished {
        let span = request_span(entry);
        assert_eq!(span["name"], "request", "{entry}");
        let id =
            span["request_id"].as_str().filter(|id| !id.is_empty()).unwrap_or_else(|| panic!("no request_id: {entry}"));
        assert!(span["method"].is_string() && span["path"].is_string(), "{entry}");
        assert!(
            statuses.insert(id.to_owned(), entry["fields"]["status"].as_u64().expect("status")).is_none(),
            "request id {id} twice"
        );
    }
    for (id, status) in &logs.responses {
        assert_eq!(
            statuses.get(id),
            Some(&u64::from(*status)),
            "no \"request finished\" line for {id} with status {status}"
        );
    }

    let tagged: Vec<&Value> =
        entries.iter().filter(|entry| request_span(entry)["request_id"] == "test-req-42").collect();
    assert!(!tagged.is_empty(), "no line carries request_id test-req-42");
    assert!(tagged.iter().any(|entry| request_span(entry)["path"] == "/auth/register"), "{tagged:?}");

    // Every line in the request span carries its id; lines outside any span
    // are the server's own (start and stop).
    for entry in &entries {
        if request_span(entry)["name"] == "request" {
            assert!(request_span(entry)["request_id"].is_string(), "{entry}");
        }
        if entry.get("spans").is_none() {
            assert_eq!(entry["target"], "auth_server", "a line outside any span: {entry}");
        }
    }
    let messages: HashSet<&str> = entries.iter().filter_map(|entry| entry["fields"]["message"].as_str()).collect();
    for expected in ["listening", "stopped"] {
        assert!(messages.contains(expected), "no {expected:?} line in {messages:?}");
    }
}

#[tokio::test]
async fn a_traced_flow_exports_a_server_span_per_request_with_its_port_calls_and_no_secret() {
    let logs = run_full_flow().await;
    let spans = &logs.spans;
    let servers: Vec<&ReceivedSpan> = spans.iter().filter(|span| span.kind == 2).collect();

    // One server span per request, named by its operation, with its status;
    // exported by the time the server has exited.
    assert_eq!(servers.len(), logs.responses.len(), "one server span per request: {servers:#?}");
    let operations: HashSet<&str> = auth_service::metrics::label_values()
        .into_iter()
        .find(|(metric, label, _)| *metric == auth_service::metrics::HTTP_REQUEST_DURATION && *label == "operation")
        .expect("the operations")
        .2
        .into_iter()
        .collect();
    for (request_id, status) in &logs.responses {
        let span = servers
            .iter()
            .find(|span| span.attribute("request_id") == Some(request_id.as_str()))
            .unwrap_or_else(|| panic!("no server span for request {request_id}"));
        assert!(operations.contains(span.name.as_str()), "{span:?}");
        assert_eq!(span.attribute("http.response.status_code"), Some(status.to_string().as_str()), "{span:?}");
        assert!(span.attribute("http.route").is_some_and(|route| route.starts_with('/')), "{span:?}");
        assert_eq!(span.resource.get("service.name").map(String::as_str), Some("auth-service"));
    }

    // The caller's trace goes on through the sign-in that carried it.
    let (_, caller_trace, caller_span, _) = split_traceparent(CALLER_TRACEPARENT);
    let continued: Vec<&&ReceivedSpan> = servers.iter().filter(|span| span.trace_id == caller_trace).collect();
    assert_eq!(continued.len(), 1, "{continued:#?}");
    let sign_in = continued[0];
    assert_eq!((sign_in.name.as_str(), sign_in.parent_span_id.as_str()), ("loginUser", caller_span));
    assert!(
        servers.iter().filter(|span| span.trace_id != caller_trace).all(|span| span.parent_span_id.is_empty()),
        "requests without a traceparent start their own traces"
    );

    // Under each request's span, its handler's (the generated server's),
    // and under that its port calls, each naming a real port call and
    // result; the sign-in's include the password check.
    let port_calls: HashSet<String> = auth_service::adapters::observed::calls()
        .iter()
        .flat_map(|(port, calls)| calls.iter().map(move |call| format!("{port}.{call}")))
        .collect();
    let handlers: HashSet<String> = operations.iter().map(|operation| snake_case(operation)).collect();
    let by_id: HashMap<&str, &ReceivedSpan> = spans.iter().map(|span| (span.span_id.as_str(), span)).collect();
    let parent_of = |span: &ReceivedSpan| {
        *by_id.get(span.parent_span_id.as_str()).unwrap_or_else(|| panic!("the parent of {span:?} was not exported"))
    };
    let mut port_spans = 0;
    for span in spans.iter().filter(|span| span.kind != 2) {
        assert_eq!(span.trace_id, parent_of(span).trace_id, "{span:?}");
        if handlers.contains(&span.name) {
            let server = parent_of(span);
            assert_eq!((server.kind, snake_case(&server.name)), (2, span.name.clone()), "{span:?} under {server:?}");
            continue;
        }
        assert!(port_calls.contains(&span.name), "{span:?} is neither a handler nor a port call");
        assert!(handlers.contains(&parent_of(span).name), "{span:?} is not under a handler");
        let (port, call) = span.name.split_once('.').unwrap();
        assert_eq!((span.attribute("port"), span.attribute("call")), (Some(port), Some(call)), "{span:?}");
        assert!(span.attribute("result").is_some(), "{span:?}");
        port_spans += 1;
    }
    assert!(port_spans > servers.len(), "{port_spans} port calls for {} requests", servers.len());
    let under_sign_in: HashSet<&str> = spans
        .iter()
        .filter(|span| span.parent_span_id != sign_in.span_id && span.kind != 2)
        .filter(|span| parent_of(span).parent_span_id == sign_in.span_id)
        .map(|span| span.name.as_str())
        .collect();
    assert!(under_sign_in.contains("identity_provider.sign_in"), "{under_sign_in:?}");
    assert!(under_sign_in.contains("session_store.start"), "{under_sign_in:?}");
    assert!(under_sign_in.contains("attempt_counter.acquire_all"), "work spawned by a handler stays in its trace");
    let wrong_password = servers
        .iter()
        .find(|span| span.name == "loginUser" && span.attribute("http.response.status_code") == Some("401"))
        .expect("the wrong password's span");
    assert_eq!(wrong_password.status, 0, "a 4xx leaves a server span's status unset");

    // No secret, address or token in any name, attribute or event (the
    // lines logged inside a span, debug ones included).
    let mut forbidden = logs.secrets.clone();
    forbidden.push(("email address".to_owned(), "flow@example.com".to_owned()));
    forbidden.push(("client address".to_owned(), "127.0.0.1".to_owned()));
    assert!(spans.iter().any(|span| !span.events.is_empty()), "no span has an event");
    for span in spans {
        let text = format!("{} {:?} {:?} {:?}", span.name, span.attributes, span.events, span.resource);
        for (what, secret) in &forbidden {
            assert!(!text.contains(secret.as_str()), "the {what} is in a span: {span:?}");
        }
    }
}

/// `loginUser` → `login_user`: a generated handler's name.
fn snake_case(operation_id: &str) -> String {
    operation_id
        .chars()
        .flat_map(|c| match c.is_ascii_uppercase() {
            true => vec!['_', c.to_ascii_lowercase()],
            false => vec![c],
        })
        .collect()
}

/// The four fields of a `traceparent`.
fn split_traceparent(value: &str) -> (&str, &str, &str, &str) {
    let fields: Vec<&str> = value.split('-').collect();
    (fields[0], fields[1], fields[2], fields[3])
}

/// The outermost span of a JSON log line, which is the request span for
/// every line logged while serving a request; `Null` outside of any span.
fn request_span(entry: &Value) -> &Value {
    &entry["spans"][0]
}

#[tokio::test]
async fn every_line_logged_while_serving_a_request_carries_its_request_id() {
    let logs = run_full_flow().await;
    let entries = parse_log_lines(&logs.lines);
    let nested = entries.iter().filter(|entry| entry["spans"].as_array().is_some_and(|spans| spans.len() > 1)).count();
    assert!(nested > 0, "no line was logged inside a handler span");
    let missing: Vec<String> = entries
        .iter()
        .filter(|entry| entry.get("spans").is_some() && !request_span(entry)["request_id"].is_string())
        .map(Value::to_string)
        .collect();
    assert!(missing.is_empty(), "{} lines logged in a request without its id:\n{}", missing.len(), missing.join("\n"));
}

#[tokio::test]
async fn sigterm_stops_the_server_gracefully() {
    let data = tempfile::tempdir().expect("temp dir");
    let server = Server::start(json_command(data.path()));
    server.wait_healthy().await;
    let started = Instant::now();
    let (status, lines) = server.terminate();
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert!(started.elapsed() < EXIT_DEADLINE);
    let messages: Vec<String> =
        parse_log_lines(&lines).iter().map(|entry| entry["fields"]["message"].as_str().unwrap().to_owned()).collect();
    assert!(messages.iter().any(|message| message == "stopped"), "no \"stopped\" line: {messages:?}");
}

#[tokio::test]
async fn zero_config_start_creates_a_private_data_dir_and_key() {
    let cwd = tempfile::tempdir().expect("temp dir");
    let mut command = bare_command();
    command.current_dir(cwd.path());
    let server = Server::start(command);
    server.wait_healthy().await;

    let mode = |path: &Path| {
        std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
    };
    let data = cwd.path().join("data");
    assert!(data.is_dir(), "./data was not created");
    assert_eq!(mode(&data), 0o700, "./data mode {:o}", mode(&data));
    let key = data.join("signing-key.pem");
    assert!(key.is_file(), "./data/signing-key.pem was not created");
    assert_eq!(mode(&key), 0o600, "signing key mode {:o}", mode(&key));
    assert!(data.join("auth.db").is_file(), "./data/auth.db was not created");
    assert_eq!(mode(&data.join("auth.db")), 0o600, "database mode {:o}", mode(&data.join("auth.db")));

    let (status, lines) = server.terminate();
    assert!(status.success(), "{status}");
    // The default format is text, not JSON.
    assert!(lines.iter().any(|line| strip_ansi(line).contains("stopped")), "{lines:?}");
}

/// Runs the binary expecting it to refuse to start; returns its stderr.
fn refused_start(mut command: Command) -> String {
    let started = Instant::now();
    let mut child = command.spawn().expect("spawning auth-server");
    let stdout = Lines::collect(child.stdout.take().expect("stdout"));
    let stderr = Lines::collect(child.stderr.take().expect("stderr"));
    let status = wait_for_exit(&mut child, EXIT_DEADLINE);
    let Some(status) = status else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("auth-server started despite a bad configuration: {}", stdout.snapshot().join("\n"));
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    stdout.wait_closed(deadline);
    stderr.wait_closed(deadline);
    let stderr = stderr.snapshot().join("\n");
    assert_eq!(status.code(), Some(2), "exit status {status}; stderr: {stderr}");
    assert!(started.elapsed() < Duration::from_secs(5), "refusing took {:?}", started.elapsed());
    assert!(stdout.snapshot().is_empty(), "{:?}", stdout.snapshot());
    stderr
}

#[test]
fn an_unknown_configuration_key_is_refused_with_its_name() {
    let cwd = tempfile::tempdir().expect("temp dir");

    let mut command = bare_command();
    command.current_dir(cwd.path()).env("AUTH_SERVER__PROT", "1");
    let stderr = refused_start(command);
    assert!(stderr.to_lowercase().contains("prot"), "{stderr}");

    let file = cwd.path().join("auth.toml");
    std::fs::write(&file, "[server]\nport = 0\nprot = 1\n").expect("writing the config file");
    let mut command = bare_command();
    command.current_dir(cwd.path()).arg("--config").arg(&file);
    let stderr = refused_start(command);
    assert!(stderr.contains("prot"), "{stderr}");
    assert!(stderr.contains("auth.toml"), "the file is named: {stderr}");

    // A refused configuration leaves nothing behind.
    assert!(!cwd.path().join("data").exists(), "a data directory was created");
}

/// `auth-server migrate` migrates the data directory's database and
/// exits, saying so; without a database there is nothing to migrate,
/// which is an error, not a new empty database.
#[test]
fn migrate_brings_the_database_up_to_date_and_exits() {
    let data = tempfile::tempdir().expect("temp dir");
    let run = || json_command(data.path()).arg("migrate").output().expect("running auth-server migrate");
    let missing = run();
    assert_eq!(missing.status.code(), Some(1), "{}", String::from_utf8_lossy(&missing.stdout));
    assert!(String::from_utf8_lossy(&missing.stdout).contains("no database at"));
    assert!(!data.path().join("auth.db").exists(), "a database was created");

    drop(rusqlite::Connection::open(data.path().join("auth.db")).expect("an empty database"));
    let migrated = run();
    let stdout = String::from_utf8_lossy(&migrated.stdout);
    assert_eq!(migrated.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("is current"), "{stdout}");
    let tables: i64 = rusqlite::Connection::open(data.path().join("auth.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'backup_codes'", [], |row| row.get(0))
        .unwrap();
    assert_eq!(tables, 1, "the schema was created");
}

#[tokio::test]
async fn the_signing_key_survives_restarts() {
    let data = tempfile::tempdir().expect("temp dir");
    let email = "keys@example.com";

    let server = Server::start(json_command(data.path()));
    let before = server.api.jwks().await;
    expect_status(server.api.register(email, PASSWORD).await, StatusCode::CREATED).await;
    let session = server.api.login_ok(email, PASSWORD).await;
    let (status, _) = server.terminate();
    assert!(status.success(), "{status}");

    let server = Server::start(json_command(data.path()));
    let after = server.api.jwks().await;
    let (old, new) = (only_key(&before), only_key(&after));
    assert!(old["kid"].as_str().is_some_and(|kid| !kid.is_empty()), "{before}");
    assert_eq!(old["kid"], new["kid"], "the key id changed across a restart");
    assert_eq!(old, new, "the public key changed across a restart");

    let me = expect_json(server.api.me(token(&session, "accessToken")).await, StatusCode::OK).await;
    assert_eq!(me["email"], email, "{me}");
}

// ---------------------------------------------------------------------------
// Memory under load
// ---------------------------------------------------------------------------

/// A line of `/proc/PID/status` (`VmRSS`, `VmHWM`), in bytes.
fn memory_of(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("reading /proc/PID/status");
    let line = status.lines().find(|line| line.starts_with(&format!("{field}:"))).expect("the field");
    let kib: u64 = line.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()).expect("a size in kB");
    kib * 1024
}

/// One request on a connection of its own.
fn alone() -> Client {
    Client::builder().timeout(Duration::from_secs(300)).no_proxy().build().expect("client")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn memory_stays_bounded_through_a_burst_of_500_connections_hashing_passwords() {
    const CONNECTIONS: usize = 500;
    let data = tempfile::tempdir().expect("temp dir");
    let mut command = json_command(data.path());
    command
        .env("AUTH_SERVER__RATE_LIMIT_PER_SECOND", "0")
        .env("AUTH_LOGIN__MAX_FAILURES_PER_IP", "1000000")
        .env("AUTH_LOGIN__MAX_FAILURES_PER_ACCOUNT", "1000000")
        .env("AUTH_SERVER__REQUEST_TIMEOUT_SECS", "300");
    let server = Server::start(command);
    server.wait_healthy().await;
    let idle = memory_of(server.pid(), "VmRSS");
    let api = &server.api;
    // Accounts to sign in with, and signed-in ones whose password changes.
    let accounts: Vec<String> = (0..25).map(|index| format!("burst-{index}@example.com")).collect();
    for email in &accounts {
        expect_status(api.register(email, PASSWORD).await, StatusCode::CREATED).await;
    }
    let mut sessions = Vec::new();
    for email in &accounts {
        sessions.push(token(&api.login_ok(email, PASSWORD).await, "accessToken").to_owned());
    }

    // Every request on a connection of its own, all at once: sign-ins,
    // registrations and password changes, each hashing at least once.
    let requests = (0..CONNECTIONS).map(|index| {
        let url = |path: &str| api.url(path);
        let client = alone();
        let request = match index % 20 {
            0..=14 => client
                .post(url("/auth/login"))
                .json(&json!({ "email": accounts[index % accounts.len()], "password": PASSWORD })),
            15..=18 => client
                .post(url("/auth/register"))
                .json(&json!({ "email": format!("new-{index}@example.com"), "password": PASSWORD, "name": NAME })),
            _ => client
                .post(url("/users/me/password"))
                .bearer_auth(&sessions[(index / 20) % sessions.len()])
                .json(&json!({ "currentPassword": PASSWORD, "newPassword": PASSWORD })),
        };
        async move { request.send().await.map(|response| response.status()) }
    });
    let statuses = futures::future::join_all(requests).await;
    let failed: Vec<_> =
        statuses.iter().filter(|status| !matches!(status, Ok(status) if status.is_success())).collect();
    assert!(
        failed.is_empty(),
        "{} of {CONNECTIONS} requests failed: {:?}",
        failed.len(),
        &failed[..failed.len().min(5)]
    );

    // argon2id holds m_cost per hashing thread, one thread per core; the
    // rest is the connections (64 KiB each is generous) and some slack.
    let workers = std::thread::available_parallelism().map_or(1, usize::from) as u64;
    let argon2 = workers * u64::from(auth_service::adapters::embedded::OWASP_MEMORY_KIB) * 1024;
    let bound = idle + argon2 + CONNECTIONS as u64 * 64 * 1024 + 48 * 1024 * 1024;
    let peak = memory_of(server.pid(), "VmHWM");
    eprintln!("peak RSS {} MiB, bound {} MiB, idle {} MiB", peak >> 20, bound >> 20, idle >> 20);
    assert!(
        peak <= bound,
        "peak RSS {} MiB is over the bound of {} MiB ({} MiB idle, {} MiB of argon2id)",
        peak >> 20,
        bound >> 20,
        idle >> 20,
        argon2 >> 20
    );
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_until_one_closes() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut command = json_command(data.path());
    command.env("AUTH_SERVER__MAX_CONNECTIONS", "4");
    let server = Server::start(command);
    server.wait_healthy().await;
    // Four connections that send nothing hold every slot.
    let held: Vec<std::net::TcpStream> =
        (0..4).map(|_| std::net::TcpStream::connect(server.address).expect("connect")).collect();
    let quick = Client::builder().timeout(Duration::from_millis(1500)).no_proxy().build().expect("client");
    let waiting = quick.get(server.api.url("/health")).send().await;
    assert!(waiting.as_ref().is_err_and(reqwest::Error::is_timeout), "a fifth connection was served: {waiting:?}");
    drop(held);
    let served = alone().get(server.api.url("/health")).send().await.expect("served once a slot freed");
    assert_eq!(served.status(), StatusCode::OK);
}
