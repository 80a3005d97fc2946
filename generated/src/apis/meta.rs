use async_trait::async_trait;
use axum::extract::*;
use axum_extra::extract::CookieJar;
use bytes::Bytes;
use headers::Host;
use http::Method;
use serde::{Deserialize, Serialize};

use crate::{models, types::*};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetHealthResponse {
    /// Healthy
    Status200_Healthy
    (models::Health)
    ,
    /// Too many requests
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        u32
    }
    ,
    /// Internal error
    Status500_InternalError
    (models::Error)
    ,
    /// Service unavailable
    Status503_ServiceUnavailable
    (models::Error)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetJwksResponse {
    /// Key set
    Status200_KeySet
    (models::Jwks)
    ,
    /// Too many requests
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        u32
    }
    ,
    /// Internal error
    Status500_InternalError
    (models::Error)
    ,
    /// Service unavailable
    Status503_ServiceUnavailable
    (models::Error)
}




/// Meta
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Meta<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    /// Liveness and store readiness.
    ///
    /// GetHealth - GET /health
    async fn get_health(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
    ) -> Result<GetHealthResponse, E>;

    /// Public keys that verify access and id tokens.
    ///
    /// GetJwks - GET /.well-known/jwks.json
    async fn get_jwks(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
    ) -> Result<GetJwksResponse, E>;
}
