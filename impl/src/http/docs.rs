//! The contract itself, as YAML and JSON, and Swagger UI over it.

use std::sync::LazyLock;

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::HeaderValue;
use http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa_swagger_ui::SwaggerUi;

/// The contract this build implements, embedded at compile time.
pub const CONTRACT_YAML: &str = include_str!("../../../contract/openapi.yaml");

/// The contract as JSON; the tests check that it converts.
static CONTRACT_JSON: LazyLock<serde_json::Value> =
    LazyLock::new(|| serde_norway::from_str(CONTRACT_YAML).unwrap_or(serde_json::Value::Null));

pub fn router() -> Router {
    let swagger = SwaggerUi::new("/docs").external_url_unchecked("/openapi.json", CONTRACT_JSON.clone());
    Router::new()
        .route("/openapi.yaml", get(yaml))
        .merge(swagger)
        // Swagger UI loads its own scripts, styles and images.
        .layer(SetResponseHeaderLayer::overriding(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("no-cache")))
}

async fn yaml() -> Response {
    ([(CONTENT_TYPE, HeaderValue::from_static("application/yaml"))], CONTRACT_YAML).into_response()
}
