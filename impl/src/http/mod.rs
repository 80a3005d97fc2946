//! The HTTP layer: the generated router over [`api::Api`], wrapped in the
//! middleware every response goes through, plus the contract and Swagger UI.

mod api;
pub mod context;
mod docs;
mod guard;
mod listener;
pub(crate) mod operations;
mod problem;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::Response;
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use api::Api;
pub use context::ClientIpSource;
pub use listener::LimitedListener;
pub use problem::Problem;

use crate::config::ServerConfig;
use crate::domain::AuthService;

/// The whole HTTP application over an [`AuthService`].
pub fn router(auth: Arc<AuthService>, config: &ServerConfig) -> Router {
    let api = auth_api::server::new(Arc::new(Api::new(auth)));
    let source =
        ClientIpSource { header: config.client_ip_header.as_deref().and_then(|name| HeaderName::try_from(name).ok()) };
    let limiter = guard::RateLimit::new(config.rate_limit_per_second, config.rate_limit_burst, config.grouping());
    let timeout = Duration::from_secs(config.request_timeout_secs);

    let mut app = api
        .merge(docs::router())
        .layer(DefaultBodyLimit::max(config.body_limit_bytes))
        .layer(middleware::from_fn_with_state(timeout, guard::normalize));
    if let Some(limiter) = limiter {
        app = app.layer(middleware::from_fn_with_state(limiter, guard::rate_limit));
    }
    if let Some(cors) = cors(&config.cors_allowed_origins) {
        app = app.layer(cors);
    }
    security_headers(app).layer(middleware::from_fn_with_state(source, context::track))
}

/// Headers every response carries (OWASP Secure Headers), unless a handler
/// set its own.
const SECURITY_HEADERS: [(HeaderName, HeaderValue); 7] = [
    (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    (X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    (REFERRER_POLICY, HeaderValue::from_static("no-referrer")),
    (CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'")),
    (STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains")),
    (CACHE_CONTROL, HeaderValue::from_static("no-store")),
    (HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin")),
];

fn security_headers(app: Router) -> Router {
    app.layer(middleware::map_response(|mut response: Response| async move {
        let headers = response.headers_mut();
        for (name, value) in SECURITY_HEADERS {
            headers.entry(name).or_insert(value);
        }
        response
    }))
}

fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let origins: Vec<HeaderValue> =
        origins.iter().filter_map(|origin| HeaderValue::try_from(origin.as_str()).ok()).collect();
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
            .allow_headers([http::header::AUTHORIZATION, http::header::CONTENT_TYPE, context::REQUEST_ID])
            .expose_headers([context::REQUEST_ID, http::header::RETRY_AFTER, http::header::WWW_AUTHENTICATE])
            .max_age(Duration::from_secs(600)),
    )
}
