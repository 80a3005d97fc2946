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
pub enum ConfirmPasswordResetResponse {
    /// Password reset
    Status204_PasswordReset
    ,
    /// Bad request
    Status400_BadRequest
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
pub enum ConfirmSignUpResponse {
    /// Confirmed
    Status204_Confirmed
    ,
    /// Bad request
    Status400_BadRequest
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
pub enum LoginUserResponse {
    /// Signed in
    Status200_SignedIn
    (models::LoginResponse)
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
    ,
    /// Unauthorized
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
    }
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
pub enum LogoutUserResponse {
    /// Signed out
    Status204_SignedOut
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
    ,
    /// Unauthorized
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
    }
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
pub enum RefreshTokenResponse {
    /// Refreshed
    Status200_Refreshed
    (models::TokenSet)
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
    ,
    /// Unauthorized
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
    }
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
pub enum RegisterUserResponse {
    /// Created
    Status201_Created
    (models::User)
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
    ,
    /// Conflict
    Status409_Conflict
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
pub enum RequestPasswordResetResponse {
    /// Accepted
    Status202_Accepted
    ,
    /// Bad request
    Status400_BadRequest
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
pub enum ResendConfirmationCodeResponse {
    /// Accepted
    Status202_Accepted
    ,
    /// Bad request
    Status400_BadRequest
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
pub enum VerifyMfaResponse {
    /// Signed in
    Status200_SignedIn
    (models::LoginResponse)
    ,
    /// Bad request
    Status400_BadRequest
    (models::Error)
    ,
    /// Unauthorized
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
    }
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




/// Auth
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Auth<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Set a new password with a mailed reset code.
    ///
    /// ConfirmPasswordReset - POST /auth/password/reset
    async fn confirm_password_reset(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::ConfirmPasswordResetRequest,
    ) -> Result<ConfirmPasswordResetResponse, E>;

    /// Confirm an email address with the mailed code.
    ///
    /// ConfirmSignUp - POST /auth/confirm
    async fn confirm_sign_up(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::ConfirmSignUpRequest,
    ) -> Result<ConfirmSignUpResponse, E>;

    /// Sign in with email and password.
    ///
    /// LoginUser - POST /auth/login
    async fn login_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::LoginRequest,
    ) -> Result<LoginUserResponse, E>;

    /// Sign out.
    ///
    /// LogoutUser - POST /auth/logout
    async fn logout_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      query_params: &models::LogoutUserQueryParams,
    ) -> Result<LogoutUserResponse, E>;

    /// Exchange a refresh token for a new token set.
    ///
    /// RefreshToken - POST /auth/token/refresh
    async fn refresh_token(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::RefreshRequest,
    ) -> Result<RefreshTokenResponse, E>;

    /// Create an account.
    ///
    /// RegisterUser - POST /auth/register
    async fn register_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::RegisterRequest,
    ) -> Result<RegisterUserResponse, E>;

    /// Mail a password reset code.
    ///
    /// RequestPasswordReset - POST /auth/password/forgot
    async fn request_password_reset(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::PasswordResetRequest,
    ) -> Result<RequestPasswordResetResponse, E>;

    /// Mail a new confirmation code.
    ///
    /// ResendConfirmationCode - POST /auth/confirm/resend
    async fn resend_confirmation_code(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::ResendConfirmationRequest,
    ) -> Result<ResendConfirmationCodeResponse, E>;

    /// Finish an MFA sign-in with an authenticator or backup code.
    ///
    /// VerifyMfa - POST /auth/mfa/verify
    async fn verify_mfa(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
            body: &models::VerifyMfaRequest,
    ) -> Result<VerifyMfaResponse, E>;
}
