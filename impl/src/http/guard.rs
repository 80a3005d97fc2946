//! Middleware that keeps every answer inside the contract: a per-client rate
//! limit, a request timeout, and `Error` bodies for whatever the framework
//! answers on its own (no route, wrong method, an unreadable request).

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use http::StatusCode;
use http::header::CONTENT_TYPE;

use super::context;
use super::problem::Problem;
use crate::domain::{AddressGrouping, ClientAddress};

/// A token bucket per client address, in memory: a first line against
/// floods. Limits that must hold across instances (failed sign-ins) live in
/// the store instead.
#[derive(Clone)]
pub struct RateLimit {
    buckets: Arc<DefaultKeyedRateLimiter<ClientAddress>>,
    grouping: AddressGrouping,
}

impl RateLimit {
    /// `per_second` requests per client (an IPv4 address or an IPv6 prefix,
    /// as `grouping` says) with bursts of `burst` (of the rate when 0);
    /// `None` when `per_second` is 0, which turns the limit off.
    pub fn new(per_second: u32, burst: u32, grouping: AddressGrouping) -> Option<Self> {
        NonZeroU32::new(per_second).map(|rate| {
            let burst = NonZeroU32::new(burst).unwrap_or(rate);
            let buckets = Arc::new(DefaultKeyedRateLimiter::keyed(Quota::per_second(rate).allow_burst(burst)));
            Self { buckets, grouping }
        })
    }
}

pub async fn rate_limit(State(limit): State<RateLimit>, request: Request, next: Next) -> Response {
    if let Some(ip) = context::client_ip() {
        if let Err(not_until) = limit.buckets.check_key(&limit.grouping.client_of(ip)) {
            crate::metrics::Limit::Requests.count();
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let seconds = u32::try_from(wait.as_secs() + 1).unwrap_or(u32::MAX);
            let problem = Problem {
                retry_after_secs: Some(seconds),
                ..Problem::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "Too many requests; slow down.")
            };
            return problem.into_response();
        }
        if limit.buckets.len() > 100_000 {
            limit.buckets.retain_recent();
        }
    }
    next.run(request).await
}

/// Bounds the request's time and turns any error response without a JSON
/// body into the `Error` schema.
pub async fn normalize(State(timeout): State<Duration>, request: Request, next: Next) -> Response {
    let Ok(response) = tokio::time::timeout(timeout, next.run(request)).await else {
        tracing::warn!(timeout_secs = timeout.as_secs(), "request timed out");
        return Problem::for_status(StatusCode::SERVICE_UNAVAILABLE).into_response();
    };
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (parts, _) = response.into_parts();
    let mut normalized = Problem::for_status(status).into_response();
    if let Some(allow) = parts.headers.get(http::header::ALLOW) {
        normalized.headers_mut().insert(http::header::ALLOW, allow.clone());
    }
    normalized
}
