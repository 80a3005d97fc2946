//! Builds the cases of every operation and sends them.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use reqwest::Method;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, EXPECT, RETRY_AFTER};
use reqwest_middleware::ClientWithMiddleware;
use serde_json::{Value, json};

use crate::check::{Answer, Checker, Intent};
use crate::contract::{Contract, Location, Operation, Parameter};
use crate::pacing::{Pacing, PacingRules};
use crate::{chains, early, generate};

/// A request as sent, kept so that a failure can be reproduced.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

/// One request to one operation and what was meant by it.
#[derive(Debug, Clone)]
pub struct Case {
    pub operation: String,
    pub label: String,
    pub intent: Intent,
    pub request: Request,
}

/// A case with its answer and every rule the answer broke.
#[derive(Debug)]
pub struct Outcome {
    pub case: Case,
    pub status: Option<u16>,
    pub violations: Vec<String>,
}

pub struct Settings {
    pub base_url: String,
    pub seed: u64,
    /// Valid (schema-generated) cases per operation.
    pub positive_cases: usize,
    /// Only these operations, when not empty.
    pub only: Vec<String>,
    /// The pace of requests and the waits after a 429.
    pub pacing: PacingRules,
    /// Bytes in the oversized-body case.
    pub oversized_bytes: usize,
    /// Longest wait for an access token to expire, for the expired-token
    /// case; when tokens live longer the case is left out (and said so).
    pub max_expiry_wait: Duration,
    /// How long after its expiry a token may still be accepted (clock skew).
    pub expiry_leeway: Duration,
    /// The target's mail outbox, when the harness can read it (a local
    /// server); the reset chain then completes a reset with the mailed code.
    pub outbox: Option<std::path::PathBuf>,
    /// The address and password of an account holding the `admin` role,
    /// for the admin operations' valid cases; without one they run with
    /// the plain probe's token, and only its 403 is checked.
    pub admin: Option<(String, String)>,
}

/// A signed-up account whose tokens the protected operations use.
struct Probe {
    /// The account's id, as sign-in answered it.
    id: String,
    email: String,
    password: String,
    access_token: String,
    id_token: String,
    /// When the access token stops working, as its sign-in answered.
    expires_at: Instant,
}

/// Sends requests at the run's pace, waiting out 429s.
struct Sender {
    http: ClientWithMiddleware,
    pacing: Pacing,
}

impl Sender {
    async fn send(&self, request: &Request) -> anyhow::Result<Answer> {
        if request.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case(EXPECT.as_str())) {
            return self.send_expecting_continue(request).await;
        }
        let mut builder = self.http.request(request.method.clone(), &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let response = builder.send().await.with_context(|| format!("{} {}", request.method, request.url))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.context("reading the body")?.to_vec();
        Ok(Answer { status, headers, body })
    }

    /// Sends a request with `Expect: 100-continue` (see [`early`]), at the
    /// same pace and with the same waits after a 429 as every other.
    async fn send_expecting_continue(&self, request: &Request) -> anyhow::Result<Answer> {
        let mut retries = 0;
        loop {
            self.pacing.turn().await;
            let answer = early::send(request).await.with_context(|| format!("{} {}", request.method, request.url))?;
            let wait = (answer.status == 429).then(|| self.pacing.wait_for(answer.headers.get(RETRY_AFTER), retries));
            let Some(Some(wait)) = wait else { return Ok(answer) };
            self.pacing.wait(wait).await;
            retries += 1;
        }
    }
}

/// Runs every case of every selected operation, then the chains; the
/// pacing's count of waits comes back for the report.
pub async fn run(contract: &Contract, settings: &Settings) -> anyhow::Result<(Vec<Outcome>, Pacing)> {
    let checker = Checker::new(contract)?;
    let pacing = Pacing::new(settings.pacing);
    let sender = Sender { http: pacing.client()?, pacing: pacing.clone() };
    let base = settings.base_url.trim_end_matches('/').to_owned();
    let selected: Vec<&Operation> = contract
        .operations
        .iter()
        .filter(|operation| settings.only.is_empty() || settings.only.contains(&operation.id))
        .collect();
    let mut seed_rng = StdRng::seed_from_u64(settings.seed);
    // New on every run, so that the harness can run again against the same deployment.
    let started = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let run_id = format!("{started}-{}", random_letters(&mut seed_rng, 8));

    // The accounts the cases need. One that cannot be set up is a failure
    // of the operation that refused it; the cases that need no account run all the same.
    let mut outcomes = Vec::new();
    let mut probe =
        sign_up(&sender, &base, &run_id, "probe", &mut seed_rng).await.map_err(|failure| outcomes.push(failure)).ok();
    let revoked =
        revoked_token(&sender, &base, &run_id, &mut seed_rng).await.map_err(|failure| outcomes.push(failure)).ok();
    // The administrator the deployment's operator made, and the account
    // the admin operations act on (signed out, renamed and stripped of
    // roles by them: not the probe).
    let admin = match &settings.admin {
        Some((email, password)) => {
            let mut admin = Probe {
                id: String::new(),
                email: email.clone(),
                password: password.clone(),
                access_token: String::new(),
                id_token: String::new(),
                expires_at: Instant::now(),
            };
            sign_in(&sender, &base, &mut admin).await.map_err(|failure| outcomes.push(failure)).ok().map(|()| admin)
        }
        None => None,
    };
    let member =
        sign_up(&sender, &base, &run_id, "member", &mut seed_rng).await.map_err(|failure| outcomes.push(failure)).ok();
    // Its token is used once it has expired, when that is soon enough.
    let expiring = if settings.max_expiry_wait.is_zero() {
        None
    } else {
        sign_up(&sender, &base, &run_id, "expiring", &mut seed_rng).await.map_err(|failure| outcomes.push(failure)).ok()
    };

    for &operation in &selected {
        let mut rng = StdRng::seed_from_u64(settings.seed ^ fnv1a(operation.id.as_bytes()));
        // Deleting the caller's account would delete the probe, and deleting
        // the target the member: these operations' cases run on an account
        // of their own, registered anew after each deletion.
        // Each operation's accounts are named apart, so that one's last
        // account never stands in the way of the other's.
        let doomed_role = if operation.id == "adminDeleteUser" { "target" } else { "doomed" };
        let mut doomed = match operation.id.as_str() {
            "deleteCurrentUser" | "adminDeleteUser" => {
                sign_up(&sender, &base, &run_id, &format!("{doomed_role}-0"), &mut rng)
                    .await
                    .map_err(|failure| outcomes.push(failure))
                    .ok()
            }
            _ => None,
        };
        let account = match operation.id.as_str() {
            "deleteCurrentUser" => doomed.as_ref(),
            id if is_admin(id) => admin.as_ref().or(probe.as_ref()),
            _ => probe.as_ref(),
        };
        if operation.protected && account.is_none() {
            outcomes.push(not_checked(operation, &base));
        }
        let target = if operation.id == "adminDeleteUser" { doomed.as_ref() } else { member.as_ref() };
        let accounts = Accounts { caller: account, plain: probe.as_ref(), target };
        let mut cases: VecDeque<Case> =
            cases(operation, &base, &accounts, revoked.as_deref(), settings, &mut rng)?.into();
        let mut deletions = 0;
        while let Some(case) = cases.pop_front() {
            let outcome = send_and_check(&sender, &checker, operation, case).await;
            let succeeded = outcome.status.is_some_and(|status| status < 300);
            outcomes.push(outcome);
            if let Some(probe) = probe.as_mut().filter(|_| succeeded && operation.id == "logoutUser") {
                // The probe's tokens are revoked now; the cases that follow need new ones.
                if let Err(failure) = sign_in(&sender, &base, probe).await {
                    outcomes.push(failure);
                }
            }
            if let Some(gone) = doomed.as_mut().filter(|_| succeeded) {
                // The account is deleted: the cases that follow go to a new
                // one, with the same password, as its bearer or its id.
                deletions += 1;
                let role = format!("{doomed_role}-{deletions}");
                match register(&sender, &base, &run_id, &role, gone.password.clone()).await {
                    Ok(next) => {
                        let (old, new) =
                            (format!("Bearer {}", gone.access_token), format!("Bearer {}", next.access_token));
                        for case in &mut cases {
                            for (_, value) in case.request.headers.iter_mut().filter(|(_, value)| *value == old) {
                                value.clone_from(&new);
                            }
                            case.request.url = case.request.url.replace(&gone.id, &next.id);
                        }
                        *gone = next;
                    }
                    Err(failure) => outcomes.push(failure),
                }
            }
        }
    }
    // Past the expiry by more than the clock skew a server may tolerate.
    let wait = expiring
        .as_ref()
        .map(|expiring| expiring.expires_at.saturating_duration_since(Instant::now()) + settings.expiry_leeway);
    match (expiring, wait) {
        (Some(expiring), Some(wait)) if wait <= settings.max_expiry_wait => {
            tokio::time::sleep(wait).await;
            for &operation in selected.iter().filter(|operation| operation.protected) {
                let case = expired_token_case(operation, &base, &expiring.access_token, &outcomes);
                outcomes.push(send_and_check(&sender, &checker, operation, case).await);
            }
        }
        (_, wait) if !settings.max_expiry_wait.is_zero() => eprintln!(
            "note: no expired-token case: waiting for a token to expire would take {}, more than --max-expiry-wait {} s",
            wait.map_or_else(|| "some time".to_owned(), |wait| format!("{} s", wait.as_secs())),
            settings.max_expiry_wait.as_secs()
        ),
        _ => eprintln!("note: no expired-token case (--max-expiry-wait is 0)"),
    }
    if settings.only.is_empty() {
        let password = format!("Chains-{}", random_letters(&mut seed_rng, 20));
        let http = sender.http.clone();
        outcomes
            .extend(chains::run_chains(contract, &base, &http, &run_id, &password, settings.outbox.as_deref()).await);
    }
    Ok((outcomes, pacing))
}

/// A protected operation whose valid requests could not be sent, for want of a signed-in account.
fn not_checked(operation: &Operation, base: &str) -> Outcome {
    let request = Request {
        method: operation.method.clone(),
        url: format!("{base}{}", operation.path),
        headers: Vec::new(),
        body: None,
    };
    Outcome {
        case: Case {
            operation: operation.id.clone(),
            label: "valid requests".to_owned(),
            intent: Intent::Valid,
            request,
        },
        status: None,
        violations: vec![
            "not checked: the probe account could not be set up (see registerUser and loginUser)".to_owned(),
        ],
    }
}

/// The request of the operation's first valid case, with an expired token.
fn expired_token_case(operation: &Operation, base: &str, token: &str, outcomes: &[Outcome]) -> Case {
    let valid = outcomes
        .iter()
        .find(|outcome| outcome.case.operation == operation.id && outcome.case.intent == Intent::Valid)
        .map(|outcome| &outcome.case.request);
    let body = valid.and_then(|request| request.body.clone());
    let url = valid.map_or_else(|| format!("{base}{}", operation.path), |request| request.url.clone());
    let headers = if body.is_some() { with_json(bearer(token)) } else { bearer(token) };
    let cases = Cases { operation, url, cases: Vec::new() };
    cases.case("credentials: token past its expiry", Intent::Unauthenticated, headers, body)
}

async fn send_and_check(sender: &Sender, checker: &Checker, operation: &Operation, case: Case) -> Outcome {
    match sender.send(&case.request).await {
        Ok(answer) => {
            let violations = checker.violations(operation, case.intent, &answer);
            Outcome { status: Some(answer.status), violations, case }
        }
        Err(error) => Outcome { status: None, violations: vec![format!("no answer: {error:#}")], case },
    }
}

type Headers = Vec<(String, String)>;

/// Makes the cases of one operation.
struct Cases<'a> {
    operation: &'a Operation,
    url: String,
    cases: Vec<Case>,
}

impl Cases<'_> {
    fn case(&self, label: impl Into<String>, intent: Intent, headers: Headers, body: Option<Vec<u8>>) -> Case {
        let request = Request { method: self.operation.method.clone(), url: self.url.clone(), headers, body };
        Case { operation: self.operation.id.clone(), label: label.into(), intent, request }
    }

    fn add(&mut self, label: impl Into<String>, intent: Intent, headers: Headers, body: Option<Vec<u8>>) {
        let case = self.case(label, intent, headers, body);
        self.cases.push(case);
    }

    /// [`Self::add`] with another URL than the operation's valid one.
    fn add_at(&mut self, url: String, label: String, intent: Intent, headers: Headers, body: Option<Vec<u8>>) {
        let request = Request { method: self.operation.method.clone(), url, headers, body };
        self.cases.push(Case { operation: self.operation.id.clone(), label, intent, request });
    }
}

/// Whether an operation is one of the admin API's.
fn is_admin(operation_id: &str) -> bool {
    operation_id.starts_with("admin")
}

/// The accounts one operation's cases use.
struct Accounts<'a> {
    /// Whose token the valid cases carry.
    caller: Option<&'a Probe>,
    /// A plain user, whose token an admin operation must refuse.
    plain: Option<&'a Probe>,
    /// The account an admin operation's `userId` names.
    target: Option<&'a Probe>,
}

/// A valid value of each path and query parameter; `userId` names the
/// target account, so that admin operations act on one that exists.
fn parameter_values<'a>(
    operation: &'a Operation,
    target: Option<&Probe>,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<(&'a Parameter, Value)>> {
    operation
        .parameters
        .iter()
        .map(|parameter| match (parameter.name.as_str(), target) {
            ("userId", Some(target)) if parameter.location == Location::Path => {
                Ok((parameter, Value::String(target.id.clone())))
            }
            _ => Ok((parameter, generate::positive(&parameter.schema, rng)?)),
        })
        .collect()
}

/// A parameter value as it goes into a URL: strings as they are, anything
/// else as JSON text (`5`, `true`).
fn as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Every byte but RFC 3986's unreserved ones, percent-encoded.
fn percent_encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(byte).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The operation's URL with `values` in its path and query; optional query
/// parameters go in only when `optional` is set.
fn url_with(base: &str, operation: &Operation, values: &[(&Parameter, Value)], optional: bool) -> String {
    let mut path = operation.path.clone();
    let mut query = Vec::new();
    for (parameter, value) in values {
        let value = as_text(value);
        match parameter.location {
            Location::Path => path = path.replace(&format!("{{{}}}", parameter.name), &percent_encoded(&value)),
            Location::Query if parameter.required || optional => {
                query.push(format!("{}={}", percent_encoded(&parameter.name), percent_encoded(&value)));
            }
            Location::Query => {}
        }
    }
    if query.is_empty() { format!("{base}{path}") } else { format!("{base}{path}?{}", query.join("&")) }
}

/// One case per rule a parameter's value can break (each parameter in
/// turn, the others valid), and for an optional query parameter an empty
/// value: each must be refused.
fn parameter_cases(
    cases: &mut Cases<'_>,
    base: &str,
    values: &[(&Parameter, Value)],
    (headers, body): (&Headers, Option<&Vec<u8>>),
    rng: &mut StdRng,
) {
    for (index, (parameter, valid)) in values.iter().enumerate() {
        // A URL carries text, so a value's type is its parse: only the
        // rules of the value itself can be broken there.
        let mut broken: Vec<(String, String)> = generate::negatives(&parameter.schema, valid, rng)
            .into_iter()
            .filter(|mutation| !mutation.description.contains("wrong type"))
            .map(|mutation| {
                let problem = mutation.description.strip_prefix("body: ").unwrap_or(&mutation.description).to_owned();
                (problem, as_text(&mutation.body))
            })
            .collect();
        if parameter.location == Location::Query && !parameter.required {
            broken.push(("empty (allowEmptyValue is false)".to_owned(), String::new()));
        }
        for (problem, value) in broken {
            let mut changed = values.to_vec();
            changed[index].1 = Value::String(value);
            let url = url_with(base, cases.operation, &changed, true);
            let location = if parameter.location == Location::Path { "path" } else { "query" };
            let label = format!("{location} parameter {}: {problem}", parameter.name);
            cases.add_at(url, label, Intent::Invalid, headers.clone(), body.cloned());
        }
    }
}

fn bearer(token: &str) -> Headers {
    vec![(AUTHORIZATION.to_string(), format!("Bearer {token}"))]
}

fn with_json(mut headers: Headers) -> Headers {
    headers.push((CONTENT_TYPE.to_string(), "application/json".to_owned()));
    headers
}

/// Every case for one operation: valid bodies, one case per broken rule of
/// the body, broken transport, and (for protected operations) every kind of
/// bad credential.
///
/// Without a signed-in `probe`, a protected operation gets only the bad
/// credentials that need no token of its own; without a `revoked` token,
/// no case of a token signed out.
fn cases(
    operation: &Operation,
    base: &str,
    accounts: &Accounts<'_>,
    revoked: Option<&str>,
    settings: &Settings,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<Case>> {
    let probe = accounts.caller;
    let values = parameter_values(operation, accounts.target, rng)?;
    let mut cases = Cases { operation, url: url_with(base, operation, &values, false), cases: Vec::new() };
    let with_optional = url_with(base, operation, &values, true);
    let auth = match (operation.protected, probe) {
        (false, _) => Vec::new(),
        (true, Some(probe)) => bearer(&probe.access_token),
        (true, None) => {
            let body = match &operation.body {
                Some(schema) => Some(to_bytes(&generate::positive(schema, rng)?)),
                None => None,
            };
            credential_cases(&mut cases, None, None, body);
            return Ok(cases.cases);
        }
    };

    let Some(schema) = &operation.body else {
        for index in 0..settings.positive_cases.clamp(1, 3) {
            // Optional query parameters in every other valid case.
            let url = if index % 2 == 1 { with_optional.clone() } else { cases.url.clone() };
            cases.add_at(url, format!("valid #{index}"), Intent::Valid, auth.clone(), None);
        }
        parameter_cases(&mut cases, base, &values, (&auth, None), rng);
        credential_cases(&mut cases, probe, revoked, None);
        plain_user_case(&mut cases, accounts, None);
        return Ok(cases.cases);
    };

    let mut bodies = Vec::new();
    for _ in 0..settings.positive_cases.max(1) {
        bodies.push(known_fields(operation, probe, generate::positive(schema, rng)?));
    }
    for (index, body) in bodies.iter().enumerate().take(settings.positive_cases) {
        cases.add(format!("valid #{index}"), Intent::Valid, with_json(auth.clone()), Some(to_bytes(body)));
    }
    let valid = to_bytes(&bodies[0]);
    parameter_cases(&mut cases, base, &values, (&with_json(auth.clone()), Some(&valid)), rng);
    for mutation in generate::negatives(schema, &bodies[0], rng) {
        cases.add(mutation.description, Intent::Invalid, with_json(auth.clone()), Some(to_bytes(&mutation.body)));
    }
    cases.add(
        "body: malformed JSON",
        Intent::Invalid,
        with_json(auth.clone()),
        Some(valid[..valid.len() / 2].to_vec()),
    );
    cases.add("body: missing", Intent::Invalid, with_json(auth.clone()), None);
    let mut text_plain = auth.clone();
    text_plain.push((CONTENT_TYPE.to_string(), "text/plain".to_owned()));
    cases.add("body: wrong content type (text/plain)", Intent::Invalid, text_plain, Some(valid.clone()));
    let oversized = to_bytes(&json!({ "padding": "x".repeat(settings.oversized_bytes) }));
    // A server may refuse such a body from its length alone, answer at
    // once and close: sent with `Expect: 100-continue`, so that the answer
    // is seen whenever it comes.
    let mut expecting = with_json(auth);
    expecting.push((EXPECT.to_string(), "100-continue".to_owned()));
    cases.add(format!("body: oversized ({} bytes)", oversized.len()), Intent::Invalid, expecting, Some(oversized));
    credential_cases(&mut cases, probe, revoked, Some(valid.clone()));
    plain_user_case(&mut cases, accounts, Some(valid));
    Ok(cases.cases)
}

/// For an admin operation called as an administrator, the same valid
/// request with a plain user's token: it must be a 403.
fn plain_user_case(cases: &mut Cases<'_>, accounts: &Accounts<'_>, body: Option<Vec<u8>>) {
    let (Some(caller), Some(plain)) = (accounts.caller, accounts.plain) else { return };
    if !is_admin(&cases.operation.id) || caller.email == plain.email {
        return;
    }
    let headers = bearer(&plain.access_token);
    let headers = if body.is_some() { with_json(headers) } else { headers };
    cases.add("credentials: a plain user's token", Intent::Forbidden, headers, body);
}

/// For a protected operation, the same valid request with every kind of
/// bad credential: each must be a 401. Those made from the probe's tokens
/// or a signed-out token are left out when there is none.
fn credential_cases(cases: &mut Cases<'_>, probe: Option<&Probe>, revoked: Option<&str>, body: Option<Vec<u8>>) {
    if !cases.operation.protected {
        return;
    }
    let mut credentials: Vec<(&str, Headers)> = vec![
        ("no token", Vec::new()),
        ("garbage token", bearer("not-a-token")),
        ("Basic credentials", vec![(AUTHORIZATION.to_string(), "Basic YWxhZGRpbjpvcGVuc2VzYW1l".to_owned())]),
    ];
    if let Some(probe) = probe {
        credentials.push(("token with a wrong signature", bearer(&wrong_signature(&probe.access_token))));
        credentials.push(("token with alg none", bearer(&alg_none(&probe.access_token))));
        credentials.push(("id token instead of an access token", bearer(&probe.id_token)));
    }
    if let Some(revoked) = revoked {
        credentials.push(("token issued before a logout", bearer(revoked)));
    }
    for (label, headers) in credentials {
        let headers = if body.is_some() { with_json(headers) } else { headers };
        cases.add(format!("credentials: {label}"), Intent::Unauthenticated, headers, body.clone());
    }
}

/// Fills the fields that must hold the probe's own secrets for a request
/// to mean something. A generated password would only be a failed sign-in,
/// and failed sign-ins from one address are what a deployment's limits
/// lock out (5 in 15 minutes by default): the run's own few, in the
/// chains, must stay under that.
fn known_fields(operation: &Operation, probe: Option<&Probe>, mut body: Value) -> Value {
    let Some(probe) = probe else { return body };
    if let Some(fields) = body.as_object_mut() {
        match operation.id.as_str() {
            "loginUser" => {
                fields.insert("email".to_owned(), json!(probe.email));
                fields.insert("password".to_owned(), json!(probe.password));
            }
            // Keeps the password as it is, so that the probe can sign in again.
            "changePassword" => {
                fields.insert("currentPassword".to_owned(), json!(probe.password));
                fields.insert("newPassword".to_owned(), json!(probe.password));
            }
            "disableMfa" | "regenerateBackupCodes" | "verifyMfaSetup" | "deleteCurrentUser" => {
                fields.insert("password".to_owned(), json!(probe.password));
            }
            // Roles and attributes are whatever the deployment configures;
            // none at all is always valid.
            "adminUpdateUser" | "adminCreateUser" => {
                if fields.contains_key("roles") {
                    fields.insert("roles".to_owned(), json!([]));
                }
                if fields.contains_key("attributes") {
                    fields.insert("attributes".to_owned(), json!({}));
                }
            }
            _ => {}
        }
    }
    body
}

fn to_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// The token with one bit of its signature flipped.
fn wrong_signature(token: &str) -> String {
    let Some((signed, signature)) = token.rsplit_once('.') else { return format!("{token}x") };
    let mut bytes = URL_SAFE_NO_PAD.decode(signature).unwrap_or_else(|_| signature.as_bytes().to_vec());
    if let Some(first) = bytes.first_mut() {
        *first ^= 1;
    }
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The token's claims under an unsigned `alg: none` header.
fn alg_none(token: &str) -> String {
    let claims = token.split('.').nth(1).unwrap_or("");
    format!("{}.{claims}.", URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

fn random_letters(rng: &mut StdRng, count: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..count).map(|_| char::from(LETTERS[rng.random_range(0..LETTERS.len())])).collect()
}

/// A step of setting up an account that did not go as it must: a failure
/// of the operation that refused it.
fn setup_failure(request: Request, operation: &str, what: String, answer: Result<&Answer, &anyhow::Error>) -> Outcome {
    let (status, said) = match answer {
        Ok(answer) => {
            let retry_after = answer.headers.get(RETRY_AFTER).and_then(|value| value.to_str().ok());
            let limited = match retry_after {
                Some(seconds) if answer.status == 429 => {
                    format!(" (the target's limits refuse this address for another {seconds} s)")
                }
                _ => String::new(),
            };
            let body = String::from_utf8_lossy(&answer.body);
            (Some(answer.status), format!("answered {} {body}{limited}", answer.status))
        }
        Err(error) => (None, format!("no answer: {error:#}")),
    };
    let case = Case { operation: operation.to_owned(), label: what.clone(), intent: Intent::Valid, request };
    Outcome { case, status, violations: vec![format!("could not {what}: {said}")] }
}

/// Registers the account `role` of this run with a new password and signs in.
async fn sign_up(sender: &Sender, base: &str, run_id: &str, role: &str, rng: &mut StdRng) -> Result<Probe, Outcome> {
    register(sender, base, run_id, role, format!("Conformance-{}", random_letters(rng, 20))).await
}

/// Registers the account `role` of this run with `password` and signs in.
async fn register(sender: &Sender, base: &str, run_id: &str, role: &str, password: String) -> Result<Probe, Outcome> {
    let email = format!("conformance-{run_id}-{role}@example.com");
    let body = json!({ "email": email, "password": password, "name": "Conformance Probe" });
    let request = post_json(&format!("{base}/auth/register"), &body);
    let what = format!("register the {role} account");
    match sender.send(&request).await {
        Ok(answer) if answer.status == 201 => {}
        answer => return Err(setup_failure(request, "registerUser", what, answer.as_ref())),
    }
    let mut probe = Probe {
        id: String::new(),
        email,
        password,
        access_token: String::new(),
        id_token: String::new(),
        expires_at: Instant::now(),
    };
    sign_in(sender, base, &mut probe).await?;
    Ok(probe)
}

async fn sign_in(sender: &Sender, base: &str, probe: &mut Probe) -> Result<(), Outcome> {
    let body = json!({ "email": probe.email, "password": probe.password });
    let request = post_json(&format!("{base}/auth/login"), &body);
    let what = "sign the probe account in (is sign-up confirmed automatically?)".to_owned();
    let answer = match sender.send(&request).await {
        Ok(answer) => answer,
        Err(error) => return Err(setup_failure(request, "loginUser", what, Err(&error))),
    };
    let tokens: Value = serde_json::from_slice(&answer.body).unwrap_or_default();
    let (Some(access), Some(id)) = (tokens["accessToken"].as_str(), tokens["idToken"].as_str()) else {
        return Err(setup_failure(request, "loginUser", what, Ok(&answer)));
    };
    probe.id = tokens["user"]["id"].as_str().unwrap_or_default().to_owned();
    probe.access_token = access.to_owned();
    probe.id_token = id.to_owned();
    probe.expires_at = Instant::now() + Duration::from_secs(tokens["expiresIn"].as_u64().unwrap_or(u64::MAX / 4));
    Ok(())
}

/// An access token of a second account, issued before that account signed out.
async fn revoked_token(sender: &Sender, base: &str, run_id: &str, rng: &mut StdRng) -> Result<String, Outcome> {
    let probe = sign_up(sender, base, run_id, "revoked", rng).await?;
    let logout = Request {
        method: Method::POST,
        url: format!("{base}/auth/logout"),
        headers: bearer(&probe.access_token),
        body: None,
    };
    let what = "sign the second probe account out".to_owned();
    match sender.send(&logout).await {
        Ok(answer) if answer.status == 204 => Ok(probe.access_token),
        answer => Err(setup_failure(logout, "logoutUser", what, answer.as_ref())),
    }
}

fn post_json(url: &str, body: &Value) -> Request {
    Request { method: Method::POST, url: url.to_owned(), headers: with_json(Vec::new()), body: Some(to_bytes(body)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forged_tokens_keep_the_claims_and_break_the_signature() {
        let token = format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"ES256"}"#),
            URL_SAFE_NO_PAD.encode(br#"{"sub":"1"}"#),
            URL_SAFE_NO_PAD.encode([7u8; 64])
        );
        let wrong = wrong_signature(&token);
        assert_eq!(wrong.rsplit_once('.').unwrap().0, token.rsplit_once('.').unwrap().0);
        assert_ne!(wrong, token);
        let none = alg_none(&token);
        let parts: Vec<&str> = none.split('.').collect();
        assert_eq!(URL_SAFE_NO_PAD.decode(parts[0]).unwrap(), br#"{"alg":"none","typ":"JWT"}"#);
        assert_eq!(parts[1], token.split('.').nth(1).unwrap());
        assert_eq!(parts[2], "");
    }

    #[test]
    fn parameters_go_into_the_path_and_query_encoded() {
        let schema = json!({ "type": "string" });
        let parameter = |name: &str, location, required| Parameter {
            name: name.to_owned(),
            location,
            required,
            schema: schema.clone(),
        };
        let operation = Operation {
            id: "op".to_owned(),
            method: Method::GET,
            path: "/things/{id}".to_owned(),
            protected: false,
            body: None,
            parameters: vec![parameter("id", Location::Path, true), parameter("q", Location::Query, false)],
            responses: Default::default(),
            links: Vec::new(),
        };
        let values = vec![(&operation.parameters[0], json!("a b/c")), (&operation.parameters[1], json!("x&y=z"))];
        assert_eq!(url_with("http://h", &operation, &values, false), "http://h/things/a%20b%2Fc");
        assert_eq!(url_with("http://h", &operation, &values, true), "http://h/things/a%20b%2Fc?q=x%26y%3Dz");
    }
}
