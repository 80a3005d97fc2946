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
pub enum ChangePasswordResponse {
    /// Changed
    Status204_Changed
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
pub enum DeleteCurrentUserResponse {
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
pub enum GetCurrentUserResponse {
    /// Profile
    Status200_Profile
    (models::User)
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
pub enum ListLinkedIdentitiesResponse {
    /// Linked identities, oldest first
    Status200_LinkedIdentities
    (models::LinkedIdentityList)
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
pub enum ListSecurityEventsResponse {
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
pub enum ListSessionsResponse {
    /// Active sessions
    Status200_ActiveSessions
    (models::SessionList)
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
pub enum RevokeSessionResponse {
    /// Ended
    Status204_Ended
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
pub enum UnlinkIdentityResponse {
    /// Unlinked
    Status204_Unlinked
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
pub enum UpdateCurrentUserResponse {
    /// Updated
    Status200_Updated
    (models::User)
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




/// Users
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Users<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Change the password.
    ///
    /// ChangePassword - POST /users/me/password
    async fn change_password(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
            body: &models::ChangePasswordRequest,
    ) -> Result<ChangePasswordResponse, E>;

    /// Delete the account.
    ///
    /// DeleteCurrentUser - POST /users/me/delete
    async fn delete_current_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
            body: &models::DeleteAccountRequest,
    ) -> Result<DeleteCurrentUserResponse, E>;

    /// The signed-in user's profile.
    ///
    /// GetCurrentUser - GET /users/me
    async fn get_current_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<GetCurrentUserResponse, E>;

    /// The provider identities linked to the account.
    ///
    /// ListLinkedIdentities - GET /users/me/identities
    async fn list_linked_identities(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<ListLinkedIdentitiesResponse, E>;

    /// What happened to the account.
    ///
    /// ListSecurityEvents - GET /users/me/security-events
    async fn list_security_events(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      query_params: &models::ListSecurityEventsQueryParams,
    ) -> Result<ListSecurityEventsResponse, E>;

    /// Where the user is signed in.
    ///
    /// ListSessions - GET /users/me/sessions
    async fn list_sessions(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<ListSessionsResponse, E>;

    /// End one session.
    ///
    /// RevokeSession - DELETE /users/me/sessions/{sessionId}
    async fn revoke_session(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::RevokeSessionPathParams,
    ) -> Result<RevokeSessionResponse, E>;

    /// Unlink a provider identity.
    ///
    /// UnlinkIdentity - DELETE /users/me/identities/{identityId}
    async fn unlink_identity(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      path_params: &models::UnlinkIdentityPathParams,
    ) -> Result<UnlinkIdentityResponse, E>;

    /// Change the signed-in user's profile.
    ///
    /// UpdateCurrentUser - PATCH /users/me
    async fn update_current_user(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
            body: &models::UpdateUserRequest,
    ) -> Result<UpdateCurrentUserResponse, E>;
}
