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
pub enum DisableMfaResponse {
    /// Turned off
    Status204_TurnedOff
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
pub enum RegenerateBackupCodesResponse {
    /// New backup codes
    Status200_NewBackupCodes
    (models::BackupCodes)
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
pub enum SetupMfaResponse {
    /// Pending
    Status200_Pending
    (models::MfaSetup)
    ,
    /// Unauthorized
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
    }
    ,
    /// Conflict
    Status409_Conflict
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
pub enum VerifyMfaSetupResponse {
    /// Turned on
    Status200_TurnedOn
    (models::BackupCodes)
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




/// Mfa
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Mfa<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Turn multi-factor authentication off.
    ///
    /// DisableMfa - POST /users/me/mfa/disable
    async fn disable_mfa(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
            body: &models::StepUpRequest,
    ) -> Result<DisableMfaResponse, E>;

    /// Replace the backup codes.
    ///
    /// RegenerateBackupCodes - POST /users/me/mfa/backup-codes
    async fn regenerate_backup_codes(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
            body: &models::StepUpRequest,
    ) -> Result<RegenerateBackupCodesResponse, E>;

    /// Start enrolling an authenticator app.
    ///
    /// SetupMfa - POST /users/me/mfa/setup
    async fn setup_mfa(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<SetupMfaResponse, E>;

    /// Turn multi-factor authentication on with the password and a current code.
    ///
    /// VerifyMfaSetup - POST /users/me/mfa/verify
    async fn verify_mfa_setup(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
            body: &models::VerifyMfaSetupRequest,
    ) -> Result<VerifyMfaSetupResponse, E>;
}
