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
pub enum CompleteFederatedSignInResponse {
    /// To the app's redirect URI
    Status303_ToTheApp
    {
        location:
        String
    }
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
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
pub enum ExchangeFederatedCodeResponse {
    /// Signed in
    Status200_SignedIn
    (models::LoginResponse)
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
    ,
    /// Forbidden
    Status403_Forbidden
    (models::Error)
    ,
    /// Payload too large
    Status413_PayloadTooLarge
    (models::Error)
    ,
    /// Unsupported media type
    Status415_UnsupportedMediaType
    (models::Error)
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
pub enum ListIdentityProvidersResponse {
    /// The configured providers, in the configuration's order
    Status200_TheConfiguredProviders
    (models::IdentityProviderList)
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
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum StartFederatedSignInResponse {
    /// To the provider's sign-in page
    Status303_ToTheProvider
    {
        location:
        String
        ,
        set_cookie:
        String
    }
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
    ,
    /// Not found
    Status404_NotFound
    (models::Error)
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




/// Federation
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Federation<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    /// Where providers send the browser back.
    ///
    /// CompleteFederatedSignIn - GET /auth/federation/callback
    async fn complete_federated_sign_in(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
      query_params: &models::CompleteFederatedSignInQueryParams,
    ) -> Result<CompleteFederatedSignInResponse, E>;

    /// Exchange a federated sign-in's code for tokens.
    ///
    /// ExchangeFederatedCode - POST /auth/federation/token
    async fn exchange_federated_code(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::FederatedCodeExchange,
    ) -> Result<ExchangeFederatedCodeResponse, E>;

    /// The providers people can sign in with.
    ///
    /// ListIdentityProviders - GET /auth/federation/providers
    async fn list_identity_providers(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
    ) -> Result<ListIdentityProvidersResponse, E>;

    /// Start a sign-in at a provider.
    ///
    /// StartFederatedSignIn - GET /auth/federation/{provider}/authorize
    async fn start_federated_sign_in(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
      path_params: &models::StartFederatedSignInPathParams,
      query_params: &models::StartFederatedSignInQueryParams,
    ) -> Result<StartFederatedSignInResponse, E>;
}
