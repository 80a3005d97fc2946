//! Per-request context: the request id and the client address, set by the
//! outermost middleware and readable anywhere below it in the same task.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use headers::{HeaderMapExt, Host};
use http::header::HOST;
use http::{HeaderMap, HeaderName, HeaderValue};
use tracing::Instrument;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use uuid::Uuid;

use crate::telemetry;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

#[derive(Debug, Clone)]
pub struct RequestContext {
    pub request_id: String,
    pub client_ip: Option<IpAddr>,
    /// The `User-Agent` header as sent (a cheap clone of its bytes).
    pub user_agent: Option<HeaderValue>,
}

tokio::task_local! {
    static CURRENT: RequestContext;
}

/// The request id of the request being served, or `-` outside of one.
pub fn request_id() -> String {
    CURRENT.try_with(|context| context.request_id.clone()).unwrap_or_else(|_| "-".to_owned())
}

pub fn client_ip() -> Option<IpAddr> {
    CURRENT.try_with(|context| context.client_ip).ok().flatten()
}

/// The `User-Agent` of the request being served, when it is text.
pub fn user_agent() -> Option<String> {
    CURRENT
        .try_with(|context| context.user_agent.as_ref().and_then(|value| value.to_str().ok()).map(str::to_owned))
        .ok()
        .flatten()
}

/// Where the client address comes from.
#[derive(Debug, Clone, Default)]
pub struct ClientIpSource {
    /// A header set by a trusted reverse proxy (e.g. `x-forwarded-for`);
    /// its last entry is used. Without it, or when the request has no
    /// readable last entry, the peer address of the connection: a request
    /// never escapes the per-address limits by leaving the header out or
    /// garbling it.
    pub header: Option<HeaderName>,
}

impl ClientIpSource {
    fn client_ip(&self, request: &Request) -> Option<IpAddr> {
        let forwarded = self.header.as_ref().and_then(|header| last_forwarded(request.headers(), header));
        let peer = || request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(peer)| peer.ip());
        forwarded.or_else(peer).map(|ip| ip.to_canonical())
    }
}

/// The last entry of `header`, as proxies write it: an address, an IPv4
/// address with a port (`192.0.2.1:443`), or an IPv6 address in brackets
/// with or without a port (`[2001:db8::1]`, `[2001:db8::1]:443`).
fn last_forwarded(headers: &HeaderMap, header: &HeaderName) -> Option<IpAddr> {
    let values = headers.get_all(header).iter().filter_map(|value| value.to_str().ok());
    let entry = values.flat_map(|value| value.split(',')).last()?.trim();
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(address) = entry.parse::<SocketAddr>() {
        return Some(address.ip());
    }
    entry.strip_prefix('[')?.strip_suffix(']')?.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6)
}

/// An incoming request id is kept when it is short and plain, so that it
/// can neither forge log lines nor bloat them.
fn acceptable_request_id(value: &HeaderValue) -> Option<String> {
    let text = value.to_str().ok()?;
    let plain = (1..=128).contains(&text.len())
        && text.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b':'));
    plain.then(|| text.to_owned())
}

/// Gives the request its id and a tracing span, runs it, echoes the id in
/// the response and logs one line when it finishes.
pub async fn track(State(source): State<ClientIpSource>, mut request: Request, next: Next) -> Response {
    let request_id =
        request.headers().get(REQUEST_ID).and_then(acceptable_request_id).unwrap_or_else(|| Uuid::new_v4().to_string());
    let context = RequestContext {
        request_id: request_id.clone(),
        client_ip: source.client_ip(&request),
        user_agent: request.headers().get(http::header::USER_AGENT).cloned(),
    };
    // The generated handlers need a well-formed Host; HTTP/2 and HTTP/1.0
    // requests may carry none, and a malformed one would be a 400 on
    // operations that declare no 400. The service never uses the value.
    if request.headers().typed_get::<Host>().is_none() {
        let authority = request.uri().authority().map_or("localhost", |authority| authority.as_str());
        let value = HeaderValue::from_str(authority).unwrap_or(HeaderValue::from_static("localhost"));
        request.headers_mut().insert(HOST, value);
    }
    let operation = super::operations::operation(request.method().as_str(), request.uri().path());
    // With traces on, a trace's server span, named by the operation; the
    // `otel.*` fields are the exporter's, recorded only then (an empty
    // field costs the logs nothing).
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %request.method(),
        path = %request.uri().path(),
        otel.name = tracing::field::Empty,
        otel.kind = tracing::field::Empty,
    );
    if telemetry::traces_on() {
        span.record("otel.name", operation.id);
        span.record("otel.kind", "server");
        telemetry::continue_trace(&span, request.headers());
        span.set_attribute("http.request.method", request.method().to_string());
        if let Some(route) = operation.route {
            span.set_attribute("http.route", route);
        }
    }
    let started = Instant::now();
    let mut response = CURRENT.scope(context, next.run(request)).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let status = response.status();
    if telemetry::traces_on() {
        span.set_attribute("http.response.status_code", i64::from(status.as_u16()));
        // A server span is an error for a 5xx only (OpenTelemetry's HTTP conventions).
        if status.is_server_error() {
            span.set_status(opentelemetry::trace::Status::error(""));
        }
    }
    crate::metrics::record_request(operation.id, status.as_u16(), elapsed.as_secs_f64());
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    span.in_scope(|| {
        tracing::info!(
            status = response.status().as_u16(),
            latency_ms = elapsed.as_millis() as u64,
            "request finished"
        );
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_request_ids_are_kept_and_others_replaced() {
        assert_eq!(acceptable_request_id(&HeaderValue::from_static("abc-123_x.y:z")), Some("abc-123_x.y:z".into()));
        for bad in ["", "has space", "new\u{7f}line", "quote\"", &"a".repeat(129)] {
            if let Ok(value) = HeaderValue::from_str(bad) {
                assert_eq!(acceptable_request_id(&value), None, "{bad:?}");
            }
        }
    }

    #[test]
    fn the_last_forwarded_address_is_the_one_the_proxy_saw() {
        let header = HeaderName::from_static("x-forwarded-for");
        let last = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.append("x-forwarded-for", HeaderValue::from_static(value));
            last_forwarded(&headers, &header)
        };
        assert_eq!(last("203.0.113.9, 198.51.100.7"), "198.51.100.7".parse().ok());
        assert_eq!(last("203.0.113.9, 198.51.100.7:8443"), "198.51.100.7".parse().ok());
        assert_eq!(last("[2001:db8::7]"), "2001:db8::7".parse().ok());
        assert_eq!(last("[2001:db8::7]:443"), "2001:db8::7".parse().ok());
        for unreadable in ["198.51.100.7,", "unknown", "[2001:db8::7", "for=198.51.100.7", ""] {
            assert_eq!(last(unreadable), None, "{unreadable:?}");
        }
    }
}
