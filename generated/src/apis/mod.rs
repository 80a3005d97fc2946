pub mod admin;
pub mod auth;
pub mod federation;
pub mod meta;
pub mod mfa;
pub mod users;



#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BasicAuthKind {
    Basic,
    Bearer,
}

/// API Key Authentication - Authentication Header.
/// For `Basic token` and `Bearer token`
#[async_trait::async_trait]
pub trait ApiAuthBasic {
    type Claims;

    /// Extracting Claims from Header. Return None if the Claims are invalid.
    async fn extract_claims_from_auth_header(&self, kind: BasicAuthKind, headers: &axum::http::header::HeaderMap, key: &str) -> Option<Self::Claims>;
}


/// A request refused before it reached the implementation.
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// The operation requires credentials and none were valid.
    Unauthenticated {
        /// Whether the request carried an `Authorization` header at all.
        credentials_presented: bool,
    },
    /// The body is missing, not JSON, too large or not of the expected shape.
    Body(axum::extract::rejection::JsonRejection),
}

// Error handler for unhandled errors.
#[async_trait::async_trait]
pub trait ErrorHandler<E: std::fmt::Debug + Send + Sync + 'static = ()> {
    /// Answers a request refused before it reached the implementation.
    async fn reject(&self, rejection: Rejection) -> axum::response::Response;

    #[allow(unused_variables)]
    #[tracing::instrument(skip_all)]
    async fn handle_error(
        &self,
        method: &::http::Method,
        host: &headers::Host,
        cookies: &axum_extra::extract::CookieJar,
        error: E
    ) -> Result<axum::response::Response, http::StatusCode> {
        tracing::error!("Unhandled error: {:?}", error);
        axum::response::Response::builder()
            .status(http::StatusCode::INTERNAL_SERVER_ERROR)
            .body(axum::body::Body::empty())
            .map_err(|_| http::StatusCode::INTERNAL_SERVER_ERROR)
    }
}
