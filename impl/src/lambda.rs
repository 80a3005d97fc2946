//! The router on AWS Lambda, behind an API Gateway REST API (payload 1.0),
//! an HTTP API (payload 2.0) or an Application Load Balancer, through one
//! code path.
//!
//! `lambda_http` decodes each kind of event into an [`http::Request`];
//! [`service`] then gives that request what the router expects of a
//! connection: the client address as [`ConnectInfo`] and the path the
//! client asked for, without an API Gateway stage. Routing therefore does
//! not depend on `AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH`.

use std::convert::Infallible;
use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::response::Response;
use http::uri::PathAndQuery;
use http::{HeaderMap, Uri};
use lambda_http::RequestExt;
use lambda_http::request::RequestContext;
use tower::{Service, ServiceExt};

use crate::config::{CONFIG_FILE_ENV, Config, KeySettings, LogConfig};
use crate::metrics::MetricsConfig;
use crate::telemetry::TracesConfig;
use crate::{app, telemetry};

const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// Set by Lambda in every execution environment; the runtime client cannot
/// start without them.
const RUNTIME_VARIABLES: [&str; 4] = [
    "AWS_LAMBDA_RUNTIME_API",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
];

/// The settings a function reads: the whole [`Config`], or only
/// [`KeySettings`] for a function that holds the service's key alone.
pub trait FunctionSettings: Sized {
    fn load(file: Option<&Path>) -> Result<Self, String>;
    fn log(&self) -> &LogConfig;
    fn traces(&self) -> &TracesConfig;
    fn metrics(&self) -> &MetricsConfig;
}

impl FunctionSettings for Config {
    fn load(file: Option<&Path>) -> Result<Self, String> {
        Config::load(file)
    }
    fn log(&self) -> &LogConfig {
        &self.log
    }
    fn traces(&self) -> &TracesConfig {
        &self.traces
    }
    fn metrics(&self) -> &MetricsConfig {
        &self.metrics
    }
}

impl FunctionSettings for KeySettings {
    fn load(file: Option<&Path>) -> Result<Self, String> {
        KeySettings::load(file)
    }
    fn log(&self) -> &LogConfig {
        &self.log
    }
    fn traces(&self) -> &TracesConfig {
        &self.traces
    }
    fn metrics(&self) -> &MetricsConfig {
        &self.metrics
    }
}

/// The `main` of a function binary named `name`: reads the settings
/// (`AUTH_…` variables, and the file named by `AUTH_CONFIG`), logs to
/// stdout for CloudWatch Logs, installs the metrics recorder that writes
/// there too (`metrics::install_emf`), checks that it runs on Lambda and
/// runs `serve` with the settings. Exits 2 on bad settings or outside
/// Lambda, 1 when `serve` fails; never panics.
pub fn main<S, F, Fut>(name: &str, serve: F) -> ExitCode
where
    S: FunctionSettings,
    F: FnOnce(S) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let file = std::env::var_os(CONFIG_FILE_ENV).map(PathBuf::from);
    let settings = match S::load(file.as_deref()) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("{name}: {message}");
            return ExitCode::from(2);
        }
    };
    // CloudWatch Logs shows no colours.
    if let Err(error) = telemetry::init(settings.log(), settings.traces(), std::io::stdout, false) {
        eprintln!("{name}: {error:#}");
        return ExitCode::from(2);
    }
    if let Err(error) = crate::metrics::install_emf(settings.metrics()) {
        tracing::error!(error = format!("{error:#}"), "no metrics");
        return ExitCode::from(2);
    }
    if let Some(missing) = missing_runtime_variable() {
        tracing::error!(variable = missing, "not running on AWS Lambda: the runtime variable is not set");
        return ExitCode::from(2);
    }
    app::run("the function", serve(settings))
}

fn missing_runtime_variable() -> Option<&'static str> {
    RUNTIME_VARIABLES.into_iter().find(|name| match std::env::var(name) {
        Ok(value) => *name == "AWS_LAMBDA_FUNCTION_MEMORY_SIZE" && value.parse::<i32>().is_err(),
        Err(_) => true,
    })
}

/// The router as a handler for `lambda_http::run`: every event goes
/// through [`into_request`] first, and once it is answered the invocation's
/// metrics are written to the log (`metrics::flush_emf`) and its spans
/// exported (`telemetry::flush`), before Lambda may freeze the environment.
pub fn service(
    router: Router,
) -> impl Service<lambda_http::Request, Response = Response, Error = Infallible, Future: Send + 'static>
+ Clone
+ Send
+ 'static {
    router.map_request(into_request).map_future(|answer| async move {
        let answer = answer.await;
        crate::metrics::flush_emf();
        telemetry::flush();
        answer
    })
}

/// The router's request for an event decoded by `lambda_http`.
///
/// The client address comes from the event: `requestContext.identity.sourceIp`
/// for a REST API, `requestContext.http.sourceIp` for an HTTP API, and the
/// last `X-Forwarded-For` entry, the one the load balancer appended, for an
/// ALB. Without a readable address the request has none, as a request from
/// an unknown peer.
///
/// The path is the event's own: a REST API sends the resource path without
/// the stage; an HTTP API on a named stage sends `/{stage}/…`, and the stage
/// segment is removed. An API whose stage is named like the first segment of
/// a route (`auth`, `users`, …) and that is reached through a custom domain
/// (where no stage segment is sent) is therefore not supported.
pub fn into_request(request: lambda_http::Request) -> axum::extract::Request {
    let client = client_ip(&request);
    let path = route_path(&request);
    let (mut parts, body) = request.into_parts();
    if let Some(uri) = path.and_then(|path| with_path(&parts.uri, &path)) {
        parts.uri = uri;
    }
    if let Some(ip) = client {
        parts.extensions.insert(ConnectInfo(SocketAddr::new(ip, 0)));
    }
    axum::extract::Request::from_parts(parts, Body::new(body))
}

fn client_ip(request: &lambda_http::Request) -> Option<IpAddr> {
    match request.request_context_ref()? {
        RequestContext::ApiGatewayV1(context) => context.identity.source_ip.as_deref()?.trim().parse().ok(),
        RequestContext::ApiGatewayV2(context) => context.http.source_ip.as_deref()?.trim().parse().ok(),
        // Earlier entries are whatever the client claimed.
        RequestContext::Alb(_) => last_forwarded(request.headers()),
        _ => None,
    }
}

fn last_forwarded(headers: &HeaderMap) -> Option<IpAddr> {
    let values = headers.get_all(X_FORWARDED_FOR).iter().filter_map(|value| value.to_str().ok());
    values.flat_map(|value| value.split(',')).last().and_then(|entry| entry.trim().parse().ok())
}

/// The path as the router knows it, or `None` when the event carries none.
fn route_path(request: &lambda_http::Request) -> Option<String> {
    let raw = request.raw_http_path();
    if raw.is_empty() {
        return None;
    }
    let path = match request.request_context_ref() {
        Some(RequestContext::ApiGatewayV2(context)) => without_stage(raw, context.stage.as_deref()),
        _ => raw,
    };
    Some(percent_encode_path(path))
}

fn without_stage<'a>(path: &'a str, stage: Option<&str>) -> &'a str {
    let Some(stage) = stage.filter(|stage| !stage.is_empty() && *stage != "$default") else {
        return path;
    };
    match path.strip_prefix('/').and_then(|rest| rest.strip_prefix(stage)) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

/// Encodes the bytes a URI path may not hold; `%` is kept, so that an
/// already encoded path stays as it is.
fn percent_encode_path(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/%".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// `uri` with `path` in place of its path; its query is kept.
fn with_path(uri: &Uri, path: &str) -> Option<Uri> {
    let path_and_query = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(PathAndQuery::try_from(path_and_query).ok()?);
    Uri::from_parts(parts).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_named_stage_leading_the_path_is_removed() {
        assert_eq!(without_stage("/prod/health", Some("prod")), "/health");
        assert_eq!(without_stage("/prod", Some("prod")), "/");
        assert_eq!(without_stage("/production/health", Some("prod")), "/production/health");
        assert_eq!(without_stage("/health", Some("prod")), "/health");
        assert_eq!(without_stage("/health", Some("$default")), "/health");
        assert_eq!(without_stage("/health", None), "/health");
    }

    #[test]
    fn paths_are_encoded_once() {
        assert_eq!(percent_encode_path("/a b/é"), "/a%20b/%C3%A9");
        assert_eq!(percent_encode_path("/a%20b"), "/a%20b");
        assert_eq!(percent_encode_path("/users/me"), "/users/me");
    }

    #[test]
    fn the_query_survives_a_new_path() {
        let uri: Uri = "https://example.com/prod/health?a=1&b=2".parse().unwrap();
        assert_eq!(with_path(&uri, "/health").unwrap().to_string(), "https://example.com/health?a=1&b=2");
        let relative: Uri = "/prod/health".parse().unwrap();
        assert_eq!(with_path(&relative, "/health").unwrap().to_string(), "/health");
    }

    #[test]
    fn the_last_forwarded_entry_is_the_one_the_load_balancer_added() {
        let mut headers = HeaderMap::new();
        headers.append(X_FORWARDED_FOR, "203.0.113.9, 198.51.100.7".parse().unwrap());
        assert_eq!(last_forwarded(&headers), "198.51.100.7".parse().ok());
        headers.append(X_FORWARDED_FOR, "2001:db8::1".parse().unwrap());
        assert_eq!(last_forwarded(&headers), "2001:db8::1".parse().ok());
    }
}
