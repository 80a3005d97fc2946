//! The service's metrics. They are recorded through the `metrics` facade
//! where things happen (a request's end, a sign-in's outcome, a hashing
//! job), which costs next to nothing while no recorder is installed, and
//! exported in Prometheus's text format on a listener of their own
//! (`[metrics] listen`), never on the public API; on AWS Lambda, as
//! CloudWatch Embedded Metric Format documents in the function's log
//! (`install_emf`, feature `aws`).
//!
//! Names follow Prometheus's conventions: an `auth_` prefix, the unit in
//! the name, `_total` on counters. Label values come from short fixed
//! sets (operation ids, statuses, outcomes): never an address, an email,
//! a token or anything else a client chooses.

use std::cell::RefCell;
use std::collections::HashMap;
#[cfg(feature = "aws")]
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use axum::Router;
use axum::response::IntoResponse;
use axum::routing::get;
use http::StatusCode;
use http::header::CONTENT_TYPE;
use metrics::{Unit, counter, describe_counter, describe_gauge, describe_histogram, histogram};
use prometheus::{HistogramOpts, TextEncoder};
use serde::Deserialize;

use crate::domain::{AuthError, Login, PortError};
use crate::ports::{Mailer, OutgoingMail};
use sharded::ShardedHistogramVec;

mod sharded;

/// Requests served, by `operation` (the contract's operationId; `docs` for
/// the contract and Swagger UI, `unknown` for no route) and `status`: a
/// histogram of seconds from the first byte read to the response.
pub const HTTP_REQUEST_DURATION: &str = "auth_http_request_duration_seconds";
/// Sign-in attempts by `outcome` (see [`SignInOutcome`]).
pub const SIGN_INS: &str = "auth_sign_ins_total";
/// Federated sign-ins' callbacks by `outcome`: `code_issued`,
/// `invalid_state`, `other_browser`, or the `error_description` the app
/// was sent (see `domain::federated_sign_in::callback_outcomes`).
pub const FEDERATED_CALLBACKS: &str = "auth_federated_callbacks_total";
/// Requests refused by a limit, by `limit`: `requests` (the per-client
/// request rate), `password` or `second_factor` (failed attempts of the
/// factor, per account or per client).
pub const RATE_LIMITED: &str = "auth_rate_limited_total";
/// Rotated refresh tokens presented again: each ended its session.
pub const REFRESH_TOKEN_REUSES: &str = "auth_refresh_token_reuses_total";
/// Mail the service handed over (codes on the embedded backend, security
/// notices on both), by `result`: `sent` or `failed`.
pub const MAILS: &str = "auth_mails_total";
/// Seconds a password hashing job waited for a free worker (embedded backend).
pub const HASHER_QUEUE_WAIT: &str = "auth_hasher_queue_wait_seconds";
/// Hashing workers busy now, of [`HASHER_WORKERS`].
pub const HASHER_BUSY_WORKERS: &str = "auth_hasher_busy_workers";
/// Hashing workers there are.
pub const HASHER_WORKERS: &str = "auth_hasher_workers";
/// Calls to the ports (the stores, the identity provider, the mailer), by
/// `port`, `call` (the port's method) and `result` (see [`PortResult`]): a
/// histogram of seconds (`adapters::observed`).
pub const PORT_CALL_DURATION: &str = "auth_port_call_duration_seconds";

/// Every metric the service exports, for checks that dashboards and
/// alert rules use only these.
pub const ALL: [&str; 10] = [
    HTTP_REQUEST_DURATION,
    SIGN_INS,
    FEDERATED_CALLBACKS,
    RATE_LIMITED,
    REFRESH_TOKEN_REUSES,
    MAILS,
    HASHER_QUEUE_WAIT,
    HASHER_BUSY_WORKERS,
    HASHER_WORKERS,
    PORT_CALL_DURATION,
];

/// The histograms among [`ALL`].
pub const HISTOGRAMS: [&str; 3] = [HTTP_REQUEST_DURATION, HASHER_QUEUE_WAIT, PORT_CALL_DURATION];

/// The names of the series a scrape shows: each counter's and gauge's
/// own, and each histogram's `_bucket`, `_sum` and `_count`.
pub fn series_names() -> Vec<String> {
    ALL.iter()
        .flat_map(|name| match HISTOGRAMS.contains(name) {
            true => ["_bucket", "_sum", "_count"].iter().map(|suffix| format!("{name}{suffix}")).collect(),
            false => vec![(*name).to_owned()],
        })
        .collect()
}

/// Where the metrics go: nowhere from `auth-server` unless `listen` is
/// set; into the log, to `cloudwatch_namespace`, from the Lambda functions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    /// The address of the metrics listener, e.g. `127.0.0.1:9464`;
    /// `GET /metrics` there answers Prometheus's text format.
    pub listen: Option<SocketAddr>,
    /// The CloudWatch namespace of the Lambda functions' metrics
    /// (default `AuthService`).
    pub cloudwatch_namespace: String,
}

impl Default for MetricsConfig {
    fn default() -> Self {
        Self { listen: None, cloudwatch_namespace: "AuthService".to_owned() }
    }
}

/// Every label of each metric with every value it takes, as `(metric,
/// label, values)`, for checks that dashboards and alert rules select real
/// series. [`HTTP_REQUEST_DURATION`]'s `status` takes any HTTP status code,
/// and is not listed; nor is the `le` of histograms' buckets.
pub fn label_values() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    let ports = crate::adapters::observed::calls();
    vec![
        (HTTP_REQUEST_DURATION, "operation", crate::http::operations::names().collect()),
        (SIGN_INS, "outcome", SignInOutcome::ALL.iter().map(|outcome| outcome.as_str()).collect()),
        (FEDERATED_CALLBACKS, "outcome", crate::domain::federated_sign_in::callback_outcomes()),
        (RATE_LIMITED, "limit", Limit::ALL.iter().map(|limit| limit.as_str()).collect()),
        (MAILS, "result", MAIL_RESULTS.to_vec()),
        (PORT_CALL_DURATION, "port", ports.iter().map(|(port, _)| *port).collect()),
        (PORT_CALL_DURATION, "call", ports.iter().flat_map(|(_, calls)| calls.iter().copied()).collect()),
        (PORT_CALL_DURATION, "result", PortResult::ALL.iter().map(|result| result.as_str()).collect()),
    ]
}

/// How a port call ended, as [`PORT_CALL_DURATION`] labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortResult {
    Ok,
    /// [`PortError::Unavailable`]: unreachable, or too slow.
    Unavailable,
    /// [`PortError::Throttled`].
    Throttled,
    /// [`PortError::PasswordRejected`].
    PasswordRejected,
    /// [`PortError::Internal`].
    Internal,
}

impl PortResult {
    pub const ALL: [Self; 5] = [Self::Ok, Self::Unavailable, Self::Throttled, Self::PasswordRejected, Self::Internal];

    pub fn of<T>(answer: &Result<T, PortError>) -> Self {
        match answer {
            Ok(_) => Self::Ok,
            Err(PortError::Unavailable(_)) => Self::Unavailable,
            Err(PortError::Throttled(_)) => Self::Throttled,
            Err(PortError::PasswordRejected(_)) => Self::PasswordRejected,
            Err(PortError::Internal(_)) => Self::Internal,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Unavailable => "unavailable",
            Self::Throttled => "throttled",
            Self::PasswordRejected => "password_rejected",
            Self::Internal => "internal",
        }
    }
}

/// The histogram of `port`'s `call` ending in `result` (see
/// [`PORT_CALL_DURATION`]), from the recorder installed now.
pub fn port_call(port: &'static str, call: &'static str, result: PortResult) -> metrics::Histogram {
    histogram!(PORT_CALL_DURATION, "port" => port, "call" => call, "result" => result.as_str())
}

/// Records that a request for `operation` answered `status` after
/// `seconds` (see [`HTTP_REQUEST_DURATION`]). Each thread keeps the handle
/// of every (operation, status) it has recorded, so that the key is built
/// and looked up once per thread rather than per request; both sets are
/// small and fixed. As with the port calls' handles, a recorder installed
/// after a thread's first request would not see that thread's requests,
/// and every binary installs its recorder before serving.
pub fn record_request(operation: &'static str, status: u16, seconds: f64) {
    thread_local! {
        static HANDLES: RefCell<HashMap<(&'static str, u16), metrics::Histogram>> = RefCell::new(HashMap::new());
    }
    HANDLES.with_borrow_mut(|handles| {
        handles
            .entry((operation, status))
            .or_insert_with(
                || histogram!(HTTP_REQUEST_DURATION, "operation" => operation, "status" => status.to_string()),
            )
            .record(seconds);
    });
}

/// How a sign-in attempt ended, as [`SIGN_INS`] counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInOutcome {
    /// Tokens issued for a password alone.
    SignedIn,
    /// The right password of an account with a second factor: a challenge opened.
    MfaRequired,
    /// The second factor was right: tokens issued.
    MfaPassed,
    /// A wrong authenticator or backup code.
    MfaFailed,
    /// A wrong password, or an unknown address.
    InvalidCredentials,
    /// Refused before checking: too many failures for the account or
    /// client (or, on AWS, Cognito throttling the service).
    LockedOut,
    /// The right password of an account awaiting its address's confirmation.
    EmailNotVerified,
    /// The right password of a disabled account.
    AccountDisabled,
    /// A federated sign-in's code unknown, used, expired, or presented
    /// with another verifier or redirect URI.
    InvalidGrant,
    /// Anything else: an unknown challenge, a store failure.
    Other,
}

impl SignInOutcome {
    pub const ALL: [Self; 10] = [
        Self::SignedIn,
        Self::MfaRequired,
        Self::MfaPassed,
        Self::MfaFailed,
        Self::InvalidCredentials,
        Self::LockedOut,
        Self::EmailNotVerified,
        Self::AccountDisabled,
        Self::InvalidGrant,
        Self::Other,
    ];

    /// The outcome of a first factor: a password, or a federated sign-in's code.
    pub fn of(login: &Result<Login, AuthError>) -> Self {
        match login {
            Ok(Login::SignedIn(_)) => Self::SignedIn,
            Ok(Login::MfaRequired { .. }) => Self::MfaRequired,
            Err(error) => Self::of_error(error),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignedIn => "signed_in",
            Self::MfaRequired => "mfa_required",
            Self::MfaPassed => "mfa_passed",
            Self::MfaFailed => "mfa_failed",
            Self::InvalidCredentials => "invalid_credentials",
            Self::LockedOut => "locked_out",
            Self::EmailNotVerified => "email_not_verified",
            Self::AccountDisabled => "account_disabled",
            Self::InvalidGrant => "invalid_grant",
            Self::Other => "other",
        }
    }

    /// The outcome an error ends a sign-in step with.
    pub fn of_error(error: &AuthError) -> Self {
        match error {
            AuthError::InvalidCredentials => Self::InvalidCredentials,
            AuthError::RateLimited { .. } => Self::LockedOut,
            AuthError::EmailNotVerified => Self::EmailNotVerified,
            AuthError::AccountDisabled => Self::AccountDisabled,
            AuthError::InvalidMfaCode => Self::MfaFailed,
            AuthError::InvalidGrant => Self::InvalidGrant,
            _ => Self::Other,
        }
    }

    /// Counts one attempt that ended so.
    pub fn count(self) {
        counter!(SIGN_INS, "outcome" => self.as_str()).increment(1);
    }
}

/// Counts one federated sign-in's callback that ended in `outcome` (see
/// [`FEDERATED_CALLBACKS`]).
pub fn count_federated_callback(outcome: &'static str) {
    counter!(FEDERATED_CALLBACKS, "outcome" => outcome).increment(1);
}

/// What refused a request, as [`RATE_LIMITED`] counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The per-client request rate.
    Requests,
    /// Failed passwords, per account or per client.
    Password,
    /// Failed authenticator or backup codes, per account or per client.
    SecondFactor,
}

impl Limit {
    pub const ALL: [Self; 3] = [Self::Requests, Self::Password, Self::SecondFactor];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Requests => "requests",
            Self::Password => "password",
            Self::SecondFactor => "second_factor",
        }
    }

    /// Counts one request this limit refused.
    pub fn count(self) {
        counter!(RATE_LIMITED, "limit" => self.as_str()).increment(1);
    }
}

/// The `result`s of [`MAILS`]: handed over, or not.
const MAIL_SENT: &str = "sent";
const MAIL_FAILED: &str = "failed";
const MAIL_RESULTS: [&str; 2] = [MAIL_SENT, MAIL_FAILED];

/// The bounds of the buckets of the histograms of seconds: 1 ms to 10 s.
const SECONDS_BUCKETS: [f64; 13] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// Installs the Prometheus recorder for the process, once, and answers the
/// registry it records into; later calls answer the same registry.
///
/// Each histogram is a `prometheus` histogram of [`SECONDS_BUCKETS`]:
/// recording a value is a few atomic additions into its bucket, sum and
/// count, with no allocation and nothing kept until a scrape. The two
/// recorded on every request, [`HTTP_REQUEST_DURATION`] and
/// [`PORT_CALL_DURATION`], are sharded (see [`sharded`]), so that workers
/// on different cores don't contend for their counters.
pub fn install() -> anyhow::Result<prometheus::Registry> {
    static REGISTRY: OnceLock<prometheus::Registry> = OnceLock::new();
    if let Some(registry) = REGISTRY.get() {
        return Ok(registry.clone());
    }
    let seconds = |name: &str, help: &str| HistogramOpts::new(name, help).buckets(SECONDS_BUCKETS.to_vec());
    let registry = prometheus::Registry::new();
    let sharded = vec![
        ShardedHistogramVec::new(
            HTTP_REQUEST_DURATION,
            seconds(HTTP_REQUEST_DURATION, REQUEST_DURATION_HELP),
            &["operation", "status"],
        )?,
        ShardedHistogramVec::new(
            PORT_CALL_DURATION,
            seconds(PORT_CALL_DURATION, PORT_CALL_DURATION_HELP),
            &["port", "call", "result"],
        )?,
    ];
    for histogram in &sharded {
        registry.register(Box::new(histogram.clone()))?;
    }
    let inner = metrics_prometheus::Recorder::builder()
        .with_registry(&registry)
        .try_with_metric(prometheus::Histogram::with_opts(seconds(HASHER_QUEUE_WAIT, HASHER_QUEUE_WAIT_HELP))?)?
        .build();
    // Only the first caller's recorder is installed; a racing one's is dropped.
    if REGISTRY.set(registry.clone()).is_ok() {
        metrics::set_global_recorder(sharded::Recorder { inner, sharded })?;
        describe();
    }
    Ok(REGISTRY.get().cloned().unwrap_or(registry))
}

/// The Lambda functions' recorder, once installed.
#[cfg(feature = "aws")]
static EMF: OnceLock<&'static metrics_cloudwatch_embedded::Collector> = OnceLock::new();

/// Installs, once, the recorder of a Lambda function: the same series as
/// the Prometheus exporter's, which [`flush_emf`] writes to the log after
/// each invocation as CloudWatch Embedded Metric Format documents, one JSON
/// line per set of labels. CloudWatch Logs turns them into metrics in
/// `cloudwatch_namespace`, each label a dimension, with no network call
/// from the function.
#[cfg(feature = "aws")]
pub fn install_emf(config: &MetricsConfig) -> anyhow::Result<()> {
    if EMF.get().is_some() {
        return Ok(());
    }
    let collector = metrics_cloudwatch_embedded::Builder::new()
        .cloudwatch_namespace(config.cloudwatch_namespace.clone())
        .init()
        .map_err(|error| anyhow::anyhow!("installing the metrics recorder: {error}"))?;
    if EMF.set(collector).is_ok() {
        describe();
    }
    Ok(())
}

/// Writes what was recorded since the last call to stdout, the function's
/// log, as Embedded Metric Format documents: counters as what they gained,
/// histograms as the values recorded, gauges as they are. Does nothing
/// unless [`install_emf`] ran.
#[cfg(feature = "aws")]
pub fn flush_emf() {
    let Some(collector) = EMF.get() else { return };
    // Gathered first and written in one go: one write to the log's pipe per
    // invocation rather than one per line, and no log line can land inside
    // a document.
    let mut documents = Vec::with_capacity(4096);
    let written = collector.flush(&mut documents).and_then(|()| std::io::stdout().lock().write_all(&documents));
    if let Err(error) = written {
        tracing::warn!(%error, "could not write the metrics to the log");
    }
}

const REQUEST_DURATION_HELP: &str = "Requests served, by operationId and status.";
const HASHER_QUEUE_WAIT_HELP: &str = "Time a password hashing job waited for a worker.";
const PORT_CALL_DURATION_HELP: &str = "Calls to the stores, the identity provider and the mailer.";

fn describe() {
    describe_histogram!(HTTP_REQUEST_DURATION, Unit::Seconds, REQUEST_DURATION_HELP);
    describe_counter!(SIGN_INS, Unit::Count, "Sign-in attempts by outcome.");
    describe_counter!(FEDERATED_CALLBACKS, Unit::Count, "Federated sign-ins' callbacks by outcome.");
    describe_counter!(RATE_LIMITED, Unit::Count, "Requests refused by a limit, by limit.");
    describe_counter!(REFRESH_TOKEN_REUSES, Unit::Count, "Rotated refresh tokens presented again.");
    describe_counter!(MAILS, Unit::Count, "Mail handed over, by result.");
    describe_histogram!(HASHER_QUEUE_WAIT, Unit::Seconds, HASHER_QUEUE_WAIT_HELP);
    describe_gauge!(HASHER_BUSY_WORKERS, Unit::Count, "Password hashing workers busy now.");
    describe_gauge!(HASHER_WORKERS, Unit::Count, "Password hashing workers.");
    describe_histogram!(PORT_CALL_DURATION, Unit::Seconds, PORT_CALL_DURATION_HELP);
}

/// `GET /metrics`: what `registry` holds, in Prometheus's text exposition
/// format 0.0.4.
pub fn router(registry: prometheus::Registry) -> Router {
    Router::new().route(
        "/metrics",
        get(move || {
            let encoded = TextEncoder::new().encode_to_string(&registry.gather());
            async move {
                match encoded {
                    Ok(text) => ([(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response(),
                    Err(error) => {
                        tracing::error!(%error, "could not encode the metrics");
                        StatusCode::INTERNAL_SERVER_ERROR.into_response()
                    }
                }
            }
        }),
    )
}

/// A mailer that counts what it hands over (see [`MAILS`]).
pub fn counted(mailer: Arc<dyn Mailer>) -> Arc<dyn Mailer> {
    Arc::new(CountedMailer(mailer))
}

struct CountedMailer(Arc<dyn Mailer>);

#[async_trait]
impl Mailer for CountedMailer {
    async fn send(&self, mail: &OutgoingMail) -> Result<(), PortError> {
        let sent = self.0.send(mail).await;
        counter!(MAILS, "result" => if sent.is_ok() { MAIL_SENT } else { MAIL_FAILED }).increment(1);
        sent
    }
}
