//! The one place where outcomes become the contract's `Error` schema.

use auth_api::apis::Rejection;
use auth_api::models;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::response::{IntoResponse, Response};
use http::header::{RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderValue, StatusCode};

use super::context;
use crate::domain::{AuthError, FieldProblem};

/// A refusal or failure on its way to the client.
#[derive(Debug, Clone)]
pub struct Problem {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Vec<FieldProblem>,
    pub retry_after_secs: Option<u32>,
    /// For 401s: whether a bearer token was presented and refused, which
    /// RFC 6750 §3 answers with `error="invalid_token"`.
    pub token_refused: bool,
}

impl Problem {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            details: Vec::new(),
            retry_after_secs: None,
            token_refused: false,
        }
    }

    fn with_details(mut self, details: Vec<FieldProblem>) -> Self {
        self.details = details;
        self
    }

    pub fn unauthenticated(token_refused: bool) -> Self {
        Self {
            token_refused,
            ..Self::new(StatusCode::UNAUTHORIZED, "unauthenticated", "A valid bearer access token is required.")
        }
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "An unexpected error occurred; quote the request id when reporting it.",
        )
    }

    pub fn unavailable(message: &str) -> Self {
        Self { retry_after_secs: Some(1), ..Self::new(StatusCode::SERVICE_UNAVAILABLE, "service_unavailable", message) }
    }

    /// The answer for a status produced below the API layer (no route, wrong
    /// method, a framework rejection), keeping only the status.
    pub fn for_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => Self::new(status, "not_found", "No such resource."),
            StatusCode::METHOD_NOT_ALLOWED => {
                Self::new(status, "method_not_allowed", "This method is not allowed here.")
            }
            StatusCode::PAYLOAD_TOO_LARGE => Self::new(status, "payload_too_large", "The body exceeds the size limit."),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                Self::new(status, "unsupported_media_type", "The body must be application/json.")
            }
            StatusCode::UNAUTHORIZED => Self::unauthenticated(false),
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => {
                Self::unavailable("The service could not answer in time.")
            }
            status if status.is_server_error() => Self::internal(),
            status => Self::new(status, "malformed_request", "The request could not be understood."),
        }
    }

    pub fn body(&self) -> models::Error {
        let mut body = models::Error::new(self.code.to_owned(), self.message.clone(), context::request_id());
        if !self.details.is_empty() {
            body.details = Some(
                self.details
                    .iter()
                    .map(|detail| {
                        models::FieldError::new(detail.field.clone(), detail.code.to_owned(), detail.message.clone())
                    })
                    .collect(),
            );
        }
        body
    }

    pub fn www_authenticate(&self) -> String {
        if self.token_refused { r#"Bearer error="invalid_token""#.to_owned() } else { "Bearer".to_owned() }
    }

    pub fn retry_after(&self) -> u32 {
        self.retry_after_secs.unwrap_or(1)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body())).into_response();
        let headers = response.headers_mut();
        if self.status == StatusCode::UNAUTHORIZED
            && let Ok(value) = HeaderValue::from_str(&self.www_authenticate())
        {
            headers.insert(WWW_AUTHENTICATE, value);
        }
        if let Some(seconds) = self.retry_after_secs {
            headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<AuthError> for Problem {
    /// Failures are logged here, once, with their cause; the client sees
    /// only the code, a fixed message and the request id.
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::InvalidInput(details) => {
                Self::new(StatusCode::BAD_REQUEST, "validation_failed", "The request has invalid fields.")
                    .with_details(details)
            }
            AuthError::WeakPassword(detail) => {
                let message = format!("The password {}.", detail.message);
                Self::new(StatusCode::BAD_REQUEST, "weak_password", message).with_details(vec![detail])
            }
            AuthError::EmailTaken => {
                Self::new(StatusCode::CONFLICT, "email_taken", "An account with this email exists.")
            }
            AuthError::InvalidCredentials => {
                Self::new(StatusCode::UNAUTHORIZED, "invalid_credentials", "The email or password is incorrect.")
            }
            AuthError::InvalidRefreshToken => Self::new(
                StatusCode::UNAUTHORIZED,
                "invalid_refresh_token",
                "The refresh token is invalid, expired or revoked; sign in again.",
            ),
            AuthError::InvalidCode => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid_code",
                "The code is wrong or no longer valid; request a new one if needed.",
            ),
            AuthError::EmailNotVerified => Self::new(
                StatusCode::FORBIDDEN,
                "email_not_verified",
                "Confirm the email address with the mailed code before signing in.",
            ),
            AuthError::CurrentPasswordIncorrect => {
                Self::new(StatusCode::FORBIDDEN, "current_password_incorrect", "The current password is incorrect.")
            }
            AuthError::InvalidMfaCode => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid_mfa_code",
                "The authenticator or backup code is wrong or was already used.",
            ),
            AuthError::InvalidMfaSession => Self::new(
                StatusCode::UNAUTHORIZED,
                "invalid_mfa_session",
                "The sign-in session is invalid, expired or used up; sign in again.",
            ),
            AuthError::ReauthenticationRequired => Self::new(
                StatusCode::FORBIDDEN,
                "reauthentication_required",
                "This account has no password: sign in again, then confirm the change within 5 minutes.",
            ),
            AuthError::StepUpFailed => Self::new(
                StatusCode::FORBIDDEN,
                "step_up_failed",
                "The password or the authenticator or backup code is incorrect.",
            ),
            AuthError::MfaAlreadyEnabled => Self::new(
                StatusCode::CONFLICT,
                "mfa_already_enabled",
                "Multi-factor authentication is already on; turn it off first.",
            ),
            AuthError::MfaNotEnabled => {
                Self::new(StatusCode::CONFLICT, "mfa_not_enabled", "Multi-factor authentication is off.")
            }
            AuthError::MfaSetupNotStarted => Self::new(
                StatusCode::CONFLICT,
                "mfa_setup_not_started",
                "There is no authenticator waiting to be verified; start with setupMfa.",
            ),
            AuthError::SessionNotFound => {
                Self::new(StatusCode::NOT_FOUND, "session_not_found", "The account has no active session with this id.")
            }
            AuthError::UserNotFound => Self::new(StatusCode::NOT_FOUND, "user_not_found", "No account has this id."),
            AuthError::AccountDisabled => Self::new(
                StatusCode::FORBIDDEN,
                "account_disabled",
                "This account is disabled; contact an administrator.",
            ),
            AuthError::AdminRequired => Self::new(
                StatusCode::FORBIDDEN,
                "admin_required",
                "This operation needs an account with the admin role.",
            ),
            AuthError::SelfActionRefused => Self::new(
                StatusCode::CONFLICT,
                "self_action_refused",
                "An administrator cannot take the admin role from, disable or delete their own account.",
            ),
            AuthError::ProviderNotFound => Self::new(
                StatusCode::NOT_FOUND,
                "provider_not_found",
                "No identity provider has this id; listIdentityProviders names them.",
            ),
            AuthError::InvalidFederationState => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid_state",
                "This sign-in is unknown, expired or already completed; start it again from the app.",
            ),
            AuthError::InvalidGrant => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid_grant",
                "The code is invalid, expired or used, or the verifier or redirect URI does not match it.",
            ),
            AuthError::IdentityNotFound => Self::new(
                StatusCode::NOT_FOUND,
                "identity_not_found",
                "The account has no linked identity with this id.",
            ),
            AuthError::LastSignInMethod => Self::new(
                StatusCode::CONFLICT,
                "last_sign_in_method",
                "This identity is the account's only way to sign in; set a password or link another first.",
            ),
            AuthError::RateLimited { retry_after } => {
                let seconds = u32::try_from(retry_after.as_secs_f64().ceil() as u64).unwrap_or(u32::MAX).max(1);
                Self {
                    retry_after_secs: Some(seconds),
                    ..Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "Too many attempts; try again later.")
                }
            }
            AuthError::Unavailable(cause) => {
                tracing::error!(error = format!("{cause:#}"), "dependency unavailable");
                Self::unavailable("The service is temporarily unavailable; try again shortly.")
            }
            AuthError::Internal(cause) => {
                tracing::error!(error = format!("{cause:#}"), "internal error");
                Self::internal()
            }
        }
    }
}

impl From<Rejection> for Problem {
    fn from(rejection: Rejection) -> Self {
        match rejection {
            Rejection::Unauthenticated { credentials_presented } => Self::unauthenticated(credentials_presented),
            Rejection::Body(rejection) => body_problem(&rejection),
            _ => Self::internal(),
        }
    }
}

fn body_problem(rejection: &JsonRejection) -> Problem {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => Problem::for_status(StatusCode::UNSUPPORTED_MEDIA_TYPE),
        JsonRejection::JsonSyntaxError(_) => {
            Problem::new(StatusCode::BAD_REQUEST, "malformed_request", "The body is not valid JSON.")
        }
        JsonRejection::JsonDataError(error) => {
            Problem::new(StatusCode::BAD_REQUEST, "malformed_request", "The body does not have the expected shape.")
                .with_details(shape_problem(error).into_iter().collect())
        }
        JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            Problem::for_status(StatusCode::PAYLOAD_TOO_LARGE)
        }
        _ => Problem::new(StatusCode::BAD_REQUEST, "malformed_request", "The body could not be read."),
    }
}

/// Names the field whose value or absence broke deserialisation, without
/// passing on serde's own wording.
fn shape_problem(error: &(dyn std::error::Error + 'static)) -> Option<FieldProblem> {
    let mut source = error.source();
    while let Some(current) = source {
        if let Some(found) = current.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            let path = found.path().to_string();
            let inner = found.inner().to_string();
            if let Some(missing) = inner.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
                let field = if path == "." { missing.to_owned() } else { format!("{path}.{missing}") };
                return Some(FieldProblem::new(&field, "required", "is required"));
            }
            // serde reads a struct from an array too; to the client the body is just not an object.
            if path == "." || path.starts_with('[') {
                return Some(FieldProblem::new("body", "invalid_type", "must be a JSON object"));
            }
            return Some(FieldProblem::new(&path, "invalid_type", "has the wrong type"));
        }
        source = current.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limits_round_retry_after_up_to_whole_seconds() {
        let problem = Problem::from(AuthError::RateLimited { retry_after: std::time::Duration::from_millis(1500) });
        assert_eq!(problem.retry_after_secs, Some(2));
        let problem = Problem::from(AuthError::RateLimited { retry_after: std::time::Duration::ZERO });
        assert_eq!(problem.retry_after_secs, Some(1));
    }
}
