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
pub enum AdminCreateUserResponse {
    /// Invited
    Status201_Invited
    (models::AdminUser)
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
pub enum AdminDeleteUserResponse {
    /// Deleted
    Status204_Deleted
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
    /// Not found
    Status404_NotFound
    (models::Error)
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
pub enum AdminDisableUserResponse {
    /// Disabled
    Status200_Disabled
    (models::AdminUser)
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
    /// Not found
    Status404_NotFound
    (models::Error)
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
pub enum AdminEnableUserResponse {
    /// Enabled
    Status200_Enabled
    (models::AdminUser)
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum AdminGetUserResponse {
    /// The account
    Status200_TheAccount
    (models::AdminUser)
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum AdminListSecurityEventsResponse {
    /// A page of events
    Status200_APageOfEvents
    (models::SecurityEventPage)
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum AdminListUsersResponse {
    /// A page of accounts
    Status200_APageOfAccounts
    (models::AdminUserPage)
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
pub enum AdminLogoutUserResponse {
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
    /// Forbidden
    Status403_Forbidden
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum AdminResetMfaResponse {
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
    /// Not found
    Status404_NotFound
    (models::Error)
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
pub enum AdminUpdateUserResponse {
    /// Updated
    Status200_Updated
    (models::AdminUser)
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
    /// Not found
    Status404_NotFound
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




/// Admin
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Admin<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Invite a person.
    ///
    /// AdminCreateUser - POST /admin/users
    async fn admin_create_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
            body: &models::AdminCreateUserRequest,
    ) -> Result<AdminCreateUserResponse, E>;

    /// Delete an account.
    ///
    /// AdminDeleteUser - DELETE /admin/users/{userId}
    async fn admin_delete_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminDeleteUserPathParams,
    ) -> Result<AdminDeleteUserResponse, E>;

    /// Disable an account.
    ///
    /// AdminDisableUser - POST /admin/users/{userId}/disable
    async fn admin_disable_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminDisableUserPathParams,
    ) -> Result<AdminDisableUserResponse, E>;

    /// Enable a disabled account.
    ///
    /// AdminEnableUser - POST /admin/users/{userId}/enable
    async fn admin_enable_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminEnableUserPathParams,
    ) -> Result<AdminEnableUserResponse, E>;

    /// One account.
    ///
    /// AdminGetUser - GET /admin/users/{userId}
    async fn admin_get_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminGetUserPathParams,
    ) -> Result<AdminGetUserResponse, E>;

    /// What happened to an account.
    ///
    /// AdminListSecurityEvents - GET /admin/users/{userId}/security-events
    async fn admin_list_security_events(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminListSecurityEventsPathParams,
      query_params: &models::AdminListSecurityEventsQueryParams,
    ) -> Result<AdminListSecurityEventsResponse, E>;

    /// List accounts.
    ///
    /// AdminListUsers - GET /admin/users
    async fn admin_list_users(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      query_params: &models::AdminListUsersQueryParams,
    ) -> Result<AdminListUsersResponse, E>;

    /// Sign an account out everywhere.
    ///
    /// AdminLogoutUser - POST /admin/users/{userId}/logout
    async fn admin_logout_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminLogoutUserPathParams,
    ) -> Result<AdminLogoutUserResponse, E>;

    /// Turn an account's second factor off.
    ///
    /// AdminResetMfa - POST /admin/users/{userId}/mfa/reset
    async fn admin_reset_mfa(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminResetMfaPathParams,
    ) -> Result<AdminResetMfaResponse, E>;

    /// Change an account's name, roles or custom attributes.
    ///
    /// AdminUpdateUser - PATCH /admin/users/{userId}
    async fn admin_update_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::AdminUpdateUserPathParams,
            body: &models::AdminUpdateUserRequest,
    ) -> Result<AdminUpdateUserResponse, E>;
}
