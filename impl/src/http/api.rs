//! The generated API traits, implemented as short forwarders to the domain.

use std::sync::Arc;

use async_trait::async_trait;
use auth_api::apis::admin::{
    Admin, AdminCreateUserResponse, AdminDeleteUserResponse, AdminDisableUserResponse, AdminEnableUserResponse,
    AdminGetUserResponse, AdminListSecurityEventsResponse, AdminListUsersResponse, AdminLogoutUserResponse,
    AdminResetMfaResponse, AdminUpdateUserResponse,
};
use auth_api::apis::auth::{
    Auth, ConfirmPasswordResetResponse, ConfirmSignUpResponse, LoginUserResponse, LogoutUserResponse,
    RefreshTokenResponse, RegisterUserResponse, RequestPasswordResetResponse, ResendConfirmationCodeResponse,
    VerifyMfaResponse,
};
use auth_api::apis::federation::{
    CompleteFederatedSignInResponse, ExchangeFederatedCodeResponse, Federation, ListIdentityProvidersResponse,
    StartFederatedSignInResponse,
};
use auth_api::apis::meta::{GetHealthResponse, GetJwksResponse, Meta};
use auth_api::apis::mfa::{
    DisableMfaResponse, Mfa, RegenerateBackupCodesResponse, SetupMfaResponse, VerifyMfaSetupResponse,
};
use auth_api::apis::users::{
    ChangePasswordResponse, DeleteCurrentUserResponse, GetCurrentUserResponse, ListLinkedIdentitiesResponse,
    ListSecurityEventsResponse, ListSessionsResponse, RevokeSessionResponse, UnlinkIdentityResponse,
    UpdateCurrentUserResponse, Users,
};
use auth_api::apis::{ApiAuthBasic, BasicAuthKind, ErrorHandler, Rejection};
use auth_api::models;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use headers::Host;
use http::header::AUTHORIZATION;
use http::{HeaderMap, Method, StatusCode};

use secrecy::SecretString;

use super::context;
use super::problem::Problem;
use crate::domain::Admin as AdminCaller;
use crate::domain::{
    ACTIVITY_PAGE_DEFAULT, Account, AccountStatus, AccountUpdate, ActiveSession, ActivityCursor, ActivityPage,
    AuthError, AuthService, BackupCodes, Callback, Client, ConfirmationCode, DisplayName, EMAIL_MAX_CHARS, Email,
    Exchange, FieldProblem, Invitation, Login, LogoutScope, MfaCode, MfaEnrollment, MfaSession, Password, Principal,
    PublicKey, RefreshToken, Role, SessionId, SignedIn, StartRequest, TokenSet, TotpCode, USERS_PAGE_DEFAULT,
    UserCursor, UserId, UserPage, UserQuery, parse_both, parse_registration, parse_three, parse_user_id,
};
use crate::ports::LinkedIdentity;

/// A failure that is not one of an operation's expected outcomes; answered
/// by [`ErrorHandler::handle_error`] with a 5xx.
#[derive(Debug)]
pub struct ApiError(Problem);

pub struct Api {
    auth: Arc<AuthService>,
}

impl Api {
    pub fn new(auth: Arc<AuthService>) -> Self {
        Self { auth }
    }

    /// The caller as an administrator, and the account the path's `userId` names.
    async fn admin_on(&self, principal: &Principal, user_id: &str) -> Result<(AdminCaller, UserId), AuthError> {
        let admin = self.auth.admin(principal).await?;
        Ok((admin, parse_user_id("userId", user_id)?))
    }

    /// The federated sign-in's browser binding cookie, if the request has one.
    fn browser_binding(&self, cookies: &CookieJar) -> Option<SecretString> {
        let cookie = cookies.get(self.auth.browser_binding_cookie())?;
        Some(SecretString::from(cookie.value().to_owned()))
    }
}

/// The outcome of verifying a bearer token: a principal, or a failure to
/// verify it at all (the store was unreachable), which is not a 401.
pub type Claims = Result<Principal, Problem>;

fn principal(claims: &Claims) -> Result<&Principal, ApiError> {
    claims.as_ref().map_err(|problem| ApiError(problem.clone()))
}

fn client() -> Client {
    Client { ip: context::client_ip(), user_agent: context::user_agent() }
}

/// Builds an operation's response enum from a [`Problem`], for the statuses
/// the operation declares. `plain` variants carry the body only; the others
/// also carry their required header.
macro_rules! problem_responses {
    ($response:ident { $($status:literal => $shape:ident $variant:ident),* $(,)? }) => {
        impl FromProblem for $response {
            fn from_problem(problem: Problem) -> Result<Self, ApiError> {
                match problem.status.as_u16() {
                    $($status => Ok(problem_responses!(@$shape $response::$variant, problem)),)*
                    _ => Err(ApiError(problem)),
                }
            }
        }
    };
    (@plain $($variant:ident)::+, $problem:ident) => { $($variant)::+($problem.body()) };
    (@unauthorized $($variant:ident)::+, $problem:ident) => {
        $($variant)::+ { www_authenticate: $problem.www_authenticate(), body: $problem.body() }
    };
    (@limited $($variant:ident)::+, $problem:ident) => {
        $($variant)::+ { retry_after: $problem.retry_after(), body: $problem.body() }
    };
}

trait FromProblem: Sized {
    /// The variant for the problem's status; statuses the operation does not
    /// declare come back as errors and are answered as 5xx.
    fn from_problem(problem: Problem) -> Result<Self, ApiError>;
}

problem_responses!(AdminListUsersResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminCreateUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminGetUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminUpdateUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminDeleteUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminDisableUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminEnableUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminResetMfaResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminLogoutUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(AdminListSecurityEventsResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    404 => plain Status404_NotFound,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(RegisterUserResponse {
    400 => plain Status400_BadRequest,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(LoginUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ConfirmSignUpResponse {
    400 => plain Status400_BadRequest,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ResendConfirmationCodeResponse {
    400 => plain Status400_BadRequest,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(RequestPasswordResetResponse {
    400 => plain Status400_BadRequest,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ConfirmPasswordResetResponse {
    400 => plain Status400_BadRequest,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(RefreshTokenResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(LogoutUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ListSessionsResponse {
    401 => unauthorized Status401_Unauthorized,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ListSecurityEventsResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(StartFederatedSignInResponse {
    400 => plain Status400_BadRequest,
    404 => plain Status404_NotFound,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(CompleteFederatedSignInResponse {
    400 => plain Status400_BadRequest,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ExchangeFederatedCodeResponse {
    400 => plain Status400_BadRequest,
    403 => plain Status403_Forbidden,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ListLinkedIdentitiesResponse {
    401 => unauthorized Status401_Unauthorized,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(UnlinkIdentityResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    404 => plain Status404_NotFound,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(RevokeSessionResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    404 => plain Status404_NotFound,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(DeleteCurrentUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(GetCurrentUserResponse {
    401 => unauthorized Status401_Unauthorized,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(UpdateCurrentUserResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(ChangePasswordResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(VerifyMfaResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(SetupMfaResponse {
    401 => unauthorized Status401_Unauthorized,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(VerifyMfaSetupResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(DisableMfaResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(RegenerateBackupCodesResponse {
    400 => plain Status400_BadRequest,
    401 => unauthorized Status401_Unauthorized,
    403 => plain Status403_Forbidden,
    409 => plain Status409_Conflict,
    429 => limited Status429_TooManyRequests,
});
problem_responses!(GetHealthResponse {
    429 => limited Status429_TooManyRequests,
});
problem_responses!(GetJwksResponse {
    429 => limited Status429_TooManyRequests,
});

/// Maps a domain outcome onto an operation's response: success through `ok`,
/// expected refusals onto their declared variants, failures onto the error path.
fn respond<T, R: FromProblem>(outcome: Result<T, AuthError>, ok: impl FnOnce(T) -> R) -> Result<R, ApiError> {
    match outcome {
        Ok(value) => Ok(ok(value)),
        Err(error) => {
            let problem = Problem::from(error);
            if problem.status.is_server_error() {
                return Err(ApiError(problem));
            }
            tracing::info!(status = problem.status.as_u16(), code = problem.code, "request refused");
            R::from_problem(problem)
        }
    }
}

fn user_body(account: Account) -> models::User {
    let Account { user, mfa_enabled } = account;
    models::User::new(
        user.id.0,
        user.email.to_string(),
        user.name.as_str().to_owned(),
        user.email_verified,
        mfa_enabled,
        user.roles.into_iter().map(|role| models::Role(role.as_str().to_owned())).collect(),
        user.attributes.into_iter().collect(),
        user.created_at,
    )
}

fn admin_user_body(account: Account) -> models::AdminUser {
    let status = match AccountStatus::of(&account.user) {
        AccountStatus::Unconfirmed => models::AccountStatus::Unconfirmed,
        AccountStatus::Active => models::AccountStatus::Active,
        AccountStatus::Disabled => models::AccountStatus::Disabled,
    };
    let updated_at = account.user.updated_at;
    let user = user_body(account);
    models::AdminUser::new(
        user.id,
        user.email,
        user.name,
        user.email_verified,
        user.mfa_enabled,
        user.roles,
        user.attributes,
        status,
        user.created_at,
        updated_at,
    )
}

fn user_page_body(page: UserPage) -> models::AdminUserPage {
    let users = page.accounts.into_iter().map(admin_user_body).collect();
    models::AdminUserPage { next_cursor: page.next_cursor, ..models::AdminUserPage::new(users) }
}

/// The listing's filters and cursor as sent, each checked.
fn user_query(query: &models::AdminListUsersQueryParams) -> Result<(UserQuery, Option<UserCursor>), AuthError> {
    let (email_prefix, role, cursor) = parse_three(
        query.email_prefix.as_deref().map(|raw| UserQuery::email_prefix("emailPrefix", raw)).transpose(),
        query.role.as_deref().map(|raw| Role::parse("role", raw)).transpose(),
        query.cursor.as_deref().map(|raw| UserCursor::parse("cursor", raw)).transpose(),
    )?;
    let status = query.status.map(|status| match status {
        models::AccountStatus::Unconfirmed => AccountStatus::Unconfirmed,
        models::AccountStatus::Active => AccountStatus::Active,
        models::AccountStatus::Disabled => AccountStatus::Disabled,
    });
    Ok((UserQuery { email_prefix, status, role }, cursor))
}

fn expires_in(tokens: &TokenSet) -> u32 {
    u32::try_from(tokens.expires_in.as_secs()).unwrap_or(u32::MAX)
}

fn token_set_body(tokens: TokenSet) -> models::TokenSet {
    let expires_in = expires_in(&tokens);
    models::TokenSet::new(tokens.access_token, tokens.id_token, tokens.refresh_token, "Bearer".to_owned(), expires_in)
}

fn signed_in_body(signed_in: SignedIn) -> models::LoginResponse {
    let SignedIn { account, tokens } = signed_in;
    tracing::info!(user_id = %account.user.id, "signed in");
    let mut body = models::LoginResponse::new(false);
    body.expires_in = Some(expires_in(&tokens));
    body.access_token = Some(tokens.access_token);
    body.id_token = Some(tokens.id_token);
    body.refresh_token = Some(tokens.refresh_token);
    body.token_type = Some("Bearer".to_owned());
    body.user = Some(user_body(account));
    body
}

fn login_body(login: Login) -> models::LoginResponse {
    match login {
        Login::SignedIn(signed_in) => signed_in_body(*signed_in),
        Login::MfaRequired { session, expires_in } => {
            let mut body = models::LoginResponse::new(true);
            body.mfa_session = Some(session.expose().to_owned());
            body.mfa_session_expires_in = Some(u32::try_from(expires_in.as_secs()).unwrap_or(u32::MAX));
            body
        }
    }
}

fn enrollment_body(enrollment: MfaEnrollment) -> models::MfaSetup {
    models::MfaSetup::new(enrollment.secret, enrollment.uri, enrollment.qr_code_png)
}

fn backup_codes_body(codes: BackupCodes) -> models::BackupCodes {
    models::BackupCodes::new(codes.0)
}

/// The password, when given: an account without one re-authenticates by
/// signing in (see `AuthService::reauthenticate`).
fn optional_password(password: &Option<String>) -> Result<Option<Password>, FieldProblem> {
    password.as_deref().map(|password| Password::parse("password", password)).transpose()
}

/// The password and second factor of a step-up request.
fn step_up_fields(body: &models::StepUpRequest) -> Result<(Option<Password>, MfaCode), AuthError> {
    parse_both(optional_password(&body.password), MfaCode::parse("code", &body.code))
}

fn linked_identity_body(identity: LinkedIdentity) -> models::LinkedIdentity {
    models::LinkedIdentity {
        // As the provider gave it, when it fits the contract's bound.
        email: identity.email.filter(|email| email.chars().count() <= EMAIL_MAX_CHARS),
        ..models::LinkedIdentity::new(identity.id, identity.provider, identity.linked_at)
    }
}

fn session_body(session: ActiveSession) -> models::Session {
    models::Session {
        ip_address: session.ip.map(|ip| ip.to_string()),
        ..models::Session::new(
            session.id.0,
            session.started_at,
            session.last_used_at,
            session.expires_at,
            session.device,
            session.current,
        )
    }
}

fn activity_body(page: ActivityPage) -> models::SecurityEventPage {
    let events = page
        .events
        .into_iter()
        .map(|event| models::SecurityEvent {
            ip_address: event.ip.map(|ip| ip.to_string()),
            actor_id: event.actor.map(|actor| actor.0),
            ..models::SecurityEvent::new(event.kind.as_str().to_owned(), event.at, event.device)
        })
        .collect();
    models::SecurityEventPage { next_cursor: page.next_cursor, ..models::SecurityEventPage::new(events) }
}

/// The `scope` of a sign-out; the contract's default when absent.
fn logout_scope(scope: Option<&str>) -> Result<LogoutScope, AuthError> {
    match scope {
        None | Some("global") => Ok(LogoutScope::Global),
        Some("others") => Ok(LogoutScope::Others),
        Some("current") => Ok(LogoutScope::Current),
        Some(_) => Err(FieldProblem::new("scope", "invalid_enum", "must be one of global, others, current").into()),
    }
}

fn jwk_body(key: PublicKey) -> models::Jwk {
    match key {
        PublicKey::Ec { kid, x, y } => models::Jwk {
            crv: Some("P-256".into()),
            x: Some(x),
            y: Some(y),
            ..models::Jwk::new("EC".into(), kid, "sig".into(), "ES256".into())
        },
        PublicKey::Rsa { kid, n, e } => {
            models::Jwk { n: Some(n), e: Some(e), ..models::Jwk::new("RSA".into(), kid, "sig".into(), "RS256".into()) }
        }
    }
}

#[async_trait]
impl ErrorHandler<ApiError> for Api {
    async fn reject(&self, rejection: Rejection) -> Response {
        let problem = Problem::from(rejection);
        tracing::info!(status = problem.status.as_u16(), code = problem.code, "request rejected");
        problem.into_response()
    }

    async fn handle_error(&self, _: &Method, _: &Host, _: &CookieJar, error: ApiError) -> Result<Response, StatusCode> {
        let ApiError(problem) = error;
        if !problem.status.is_server_error() {
            // A domain outcome the operation does not declare: a bug here, not the client's fault.
            tracing::error!(
                status = problem.status.as_u16(),
                code = problem.code,
                "undeclared outcome for this operation"
            );
            return Ok(Problem::internal().into_response());
        }
        Ok(problem.into_response())
    }
}

#[async_trait]
impl ApiAuthBasic for Api {
    type Claims = Claims;

    async fn extract_claims_from_auth_header(
        &self,
        kind: BasicAuthKind,
        headers: &HeaderMap,
        _key: &str,
    ) -> Option<Claims> {
        if kind != BasicAuthKind::Bearer {
            return None;
        }
        let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
        let (scheme, token) = value.split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
            return None;
        }
        match self.auth.authenticate(token.trim()).await {
            Ok(principal) => principal.map(Ok),
            Err(error) => Some(Err(Problem::from(error))),
        }
    }
}

#[async_trait]
impl Auth<ApiError> for Api {
    type Claims = Claims;

    async fn register_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::RegisterRequest,
    ) -> Result<RegisterUserResponse, ApiError> {
        let outcome = match parse_registration(&body.email, &body.password, &body.name) {
            Ok(registration) => self.auth.register(registration).await,
            Err(error) => Err(error),
        };
        respond(outcome, |account| {
            tracing::info!(user_id = %account.user.id, "account created");
            RegisterUserResponse::Status201_Created(user_body(account))
        })
    }

    async fn login_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::LoginRequest,
    ) -> Result<LoginUserResponse, ApiError> {
        let credentials = parse_both(Email::parse("email", &body.email), Password::parse("password", &body.password));
        let outcome = match credentials {
            Ok((email, password)) => self.auth.login(email, password, &client()).await,
            Err(error) => Err(error),
        };
        respond(outcome, |login| LoginUserResponse::Status200_SignedIn(login_body(login)))
    }

    async fn verify_mfa(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::VerifyMfaRequest,
    ) -> Result<VerifyMfaResponse, ApiError> {
        let fields = parse_both(MfaSession::parse("session", &body.session), MfaCode::parse("code", &body.code));
        let outcome = match fields {
            Ok((session, code)) => self.auth.verify_mfa(&session, &code, &client()).await,
            Err(error) => Err(error),
        };
        respond(outcome, |signed_in| VerifyMfaResponse::Status200_SignedIn(signed_in_body(signed_in)))
    }

    async fn confirm_sign_up(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::ConfirmSignUpRequest,
    ) -> Result<ConfirmSignUpResponse, ApiError> {
        let outcome = match parse_both(Email::parse("email", &body.email), ConfirmationCode::parse("code", &body.code))
        {
            Ok((email, code)) => self.auth.confirm_sign_up(&email, &code).await,
            Err(error) => Err(error),
        };
        respond(outcome, |()| ConfirmSignUpResponse::Status204_Confirmed)
    }

    async fn resend_confirmation_code(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::ResendConfirmationRequest,
    ) -> Result<ResendConfirmationCodeResponse, ApiError> {
        let outcome = match Email::parse("email", &body.email) {
            Ok(email) => self.auth.resend_confirmation(&email).await,
            Err(problem) => Err(problem.into()),
        };
        respond(outcome, |()| ResendConfirmationCodeResponse::Status202_Accepted)
    }

    async fn request_password_reset(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::PasswordResetRequest,
    ) -> Result<RequestPasswordResetResponse, ApiError> {
        let outcome = match Email::parse("email", &body.email) {
            Ok(email) => {
                self.auth.request_password_reset(email).await;
                Ok(())
            }
            Err(problem) => Err(AuthError::from(problem)),
        };
        respond(outcome, |()| RequestPasswordResetResponse::Status202_Accepted)
    }

    async fn confirm_password_reset(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::ConfirmPasswordResetRequest,
    ) -> Result<ConfirmPasswordResetResponse, ApiError> {
        let fields = parse_three(
            Email::parse("email", &body.email),
            ConfirmationCode::parse("code", &body.code),
            Password::parse("newPassword", &body.new_password),
        );
        let outcome = match fields {
            Ok((email, code, new)) => self.auth.confirm_password_reset(&email, &code, &new).await,
            Err(error) => Err(error),
        };
        respond(outcome, |()| ConfirmPasswordResetResponse::Status204_PasswordReset)
    }

    async fn refresh_token(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::RefreshRequest,
    ) -> Result<RefreshTokenResponse, ApiError> {
        let outcome = match RefreshToken::parse("refreshToken", &body.refresh_token) {
            Ok(token) => self.auth.refresh(&token, &client()).await,
            Err(problem) => Err(problem.into()),
        };
        respond(outcome, |tokens| RefreshTokenResponse::Status200_Refreshed(token_set_body(tokens)))
    }

    async fn logout_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        query: &models::LogoutUserQueryParams,
    ) -> Result<LogoutUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = match logout_scope(query.scope.as_deref()) {
            Ok(scope) => self.auth.logout(principal, scope, &client()).await.map(|()| scope),
            Err(error) => Err(error),
        };
        respond(outcome, |scope| {
            tracing::info!(user_id = %principal.user_id, scope = ?scope, "signed out");
            LogoutUserResponse::Status204_SignedOut
        })
    }
}

#[async_trait]
impl Admin<ApiError> for Api {
    type Claims = Claims;

    async fn admin_list_users(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        query: &models::AdminListUsersQueryParams,
    ) -> Result<AdminListUsersResponse, ApiError> {
        let principal = principal(claims)?;
        let limit = query.limit.map_or(USERS_PAGE_DEFAULT, |limit| usize::try_from(limit).unwrap_or(usize::MAX));
        let outcome = async {
            let admin = self.auth.admin(principal).await?;
            let (query, cursor) = user_query(query)?;
            self.auth.admin_list_users(&admin, &query, cursor.as_ref(), limit).await
        };
        respond(outcome.await, |page| AdminListUsersResponse::Status200_APageOfAccounts(user_page_body(page)))
    }

    async fn admin_create_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        body: &models::AdminCreateUserRequest,
    ) -> Result<AdminCreateUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let admin = self.auth.admin(principal).await?;
            let (email, name) = parse_both(Email::parse("email", &body.email), DisplayName::parse("name", &body.name))?;
            let invitation = Invitation {
                email,
                name,
                roles: body.roles.iter().flatten().map(|role| role.0.clone()).collect(),
                attributes: body.attributes.clone().into_iter().flatten().collect(),
            };
            self.auth.admin_create_user(&admin, invitation).await
        };
        respond(outcome.await, |account| AdminCreateUserResponse::Status201_Invited(admin_user_body(account)))
    }

    async fn admin_get_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminGetUserPathParams,
    ) -> Result<AdminGetUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let (admin, user_id) = self.admin_on(principal, &path.user_id).await?;
            self.auth.admin_get_user(&admin, user_id).await
        };
        respond(outcome.await, |account| AdminGetUserResponse::Status200_TheAccount(admin_user_body(account)))
    }

    async fn admin_update_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminUpdateUserPathParams,
        body: &models::AdminUpdateUserRequest,
    ) -> Result<AdminUpdateUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let admin = self.auth.admin(principal).await?;
            let (user_id, name) = parse_both(
                parse_user_id("userId", &path.user_id),
                body.name.as_deref().map(|name| DisplayName::parse("name", name)).transpose(),
            )?;
            let update = AccountUpdate {
                name,
                roles: body.roles.as_ref().map(|roles| roles.iter().map(|role| role.0.clone()).collect()),
                attributes: body.attributes.as_ref().map(|attributes| attributes.clone().into_iter().collect()),
            };
            self.auth.admin_update_user(&admin, user_id, update).await
        };
        respond(outcome.await, |account| AdminUpdateUserResponse::Status200_Updated(admin_user_body(account)))
    }

    async fn admin_delete_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminDeleteUserPathParams,
    ) -> Result<AdminDeleteUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let (admin, user_id) = self.admin_on(principal, &path.user_id).await?;
            self.auth.admin_delete_user(&admin, user_id).await
        };
        respond(outcome.await, |()| AdminDeleteUserResponse::Status204_Deleted)
    }

    async fn admin_disable_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminDisableUserPathParams,
    ) -> Result<AdminDisableUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let (admin, user_id) = self.admin_on(principal, &path.user_id).await?;
            self.auth.admin_disable_user(&admin, user_id).await
        };
        respond(outcome.await, |account| AdminDisableUserResponse::Status200_Disabled(admin_user_body(account)))
    }

    async fn admin_enable_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminEnableUserPathParams,
    ) -> Result<AdminEnableUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let (admin, user_id) = self.admin_on(principal, &path.user_id).await?;
            self.auth.admin_enable_user(&admin, user_id).await
        };
        respond(outcome.await, |account| AdminEnableUserResponse::Status200_Enabled(admin_user_body(account)))
    }

    async fn admin_reset_mfa(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminResetMfaPathParams,
    ) -> Result<AdminResetMfaResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let (admin, user_id) = self.admin_on(principal, &path.user_id).await?;
            self.auth.admin_reset_mfa(&admin, user_id).await
        };
        respond(outcome.await, |()| AdminResetMfaResponse::Status204_TurnedOff)
    }

    async fn admin_logout_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminLogoutUserPathParams,
    ) -> Result<AdminLogoutUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = async {
            let (admin, user_id) = self.admin_on(principal, &path.user_id).await?;
            self.auth.admin_sign_out_user(&admin, user_id).await
        };
        respond(outcome.await, |()| AdminLogoutUserResponse::Status204_SignedOut)
    }

    async fn admin_list_security_events(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::AdminListSecurityEventsPathParams,
        query: &models::AdminListSecurityEventsQueryParams,
    ) -> Result<AdminListSecurityEventsResponse, ApiError> {
        let principal = principal(claims)?;
        let limit = query.limit.map_or(ACTIVITY_PAGE_DEFAULT, |limit| usize::try_from(limit).unwrap_or(usize::MAX));
        let outcome = async {
            let admin = self.auth.admin(principal).await?;
            let (user_id, cursor) = parse_both(
                parse_user_id("userId", &path.user_id),
                query.cursor.as_deref().map(|raw| ActivityCursor::parse("cursor", raw)).transpose(),
            )?;
            self.auth.admin_activity(&admin, user_id, cursor.as_ref(), limit).await
        };
        respond(outcome.await, |page| AdminListSecurityEventsResponse::Status200_APageOfEvents(activity_body(page)))
    }
}

#[async_trait]
impl Users<ApiError> for Api {
    type Claims = Claims;

    async fn list_security_events(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        query: &models::ListSecurityEventsQueryParams,
    ) -> Result<ListSecurityEventsResponse, ApiError> {
        let principal = principal(claims)?;
        let limit = query.limit.map_or(ACTIVITY_PAGE_DEFAULT, |limit| usize::try_from(limit).unwrap_or(usize::MAX));
        let outcome = match query.cursor.as_deref().map(|raw| ActivityCursor::parse("cursor", raw)).transpose() {
            Ok(cursor) => self.auth.activity(principal, cursor.as_ref(), limit).await,
            Err(problem) => Err(problem.into()),
        };
        respond(outcome, |page| ListSecurityEventsResponse::Status200_APageOfEvents(activity_body(page)))
    }

    async fn list_sessions(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
    ) -> Result<ListSessionsResponse, ApiError> {
        let principal = principal(claims)?;
        respond(self.auth.list_sessions(principal).await, |sessions| {
            let sessions = sessions.into_iter().map(session_body).collect();
            ListSessionsResponse::Status200_ActiveSessions(models::SessionList::new(sessions))
        })
    }

    async fn revoke_session(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::RevokeSessionPathParams,
    ) -> Result<RevokeSessionResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = match SessionId::parse("sessionId", &path.session_id) {
            Ok(session_id) => self.auth.revoke_session(principal, &session_id, &client()).await,
            Err(problem) => Err(problem.into()),
        };
        respond(outcome, |()| RevokeSessionResponse::Status204_Ended)
    }

    async fn list_linked_identities(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
    ) -> Result<ListLinkedIdentitiesResponse, ApiError> {
        let principal = principal(claims)?;
        respond(self.auth.linked_identities(principal).await, |identities| {
            let identities = identities.into_iter().map(linked_identity_body).collect();
            ListLinkedIdentitiesResponse::Status200_LinkedIdentities(models::LinkedIdentityList::new(identities))
        })
    }

    async fn unlink_identity(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        path: &models::UnlinkIdentityPathParams,
    ) -> Result<UnlinkIdentityResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = self.auth.unlink_identity(principal, path.identity_id, &client()).await;
        respond(outcome, |()| UnlinkIdentityResponse::Status204_Unlinked)
    }

    async fn delete_current_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        body: &models::DeleteAccountRequest,
    ) -> Result<DeleteCurrentUserResponse, ApiError> {
        let principal = principal(claims)?;
        let code = body.code.as_deref().map(|code| MfaCode::parse("code", code)).transpose();
        let outcome = match parse_both(optional_password(&body.password), code) {
            Ok((password, code)) => {
                self.auth.delete_account(principal, password.as_ref(), code.as_ref(), &client()).await
            }
            Err(error) => Err(error),
        };
        respond(outcome, |()| DeleteCurrentUserResponse::Status204_Deleted)
    }

    async fn get_current_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
    ) -> Result<GetCurrentUserResponse, ApiError> {
        let principal = principal(claims)?;
        respond(self.auth.profile(principal).await, |account| {
            GetCurrentUserResponse::Status200_Profile(user_body(account))
        })
    }

    async fn update_current_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        body: &models::UpdateUserRequest,
    ) -> Result<UpdateCurrentUserResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = match DisplayName::parse("name", &body.name) {
            Ok(name) => self.auth.rename(principal, &name).await,
            Err(problem) => Err(problem.into()),
        };
        respond(outcome, |account| UpdateCurrentUserResponse::Status200_Updated(user_body(account)))
    }

    async fn change_password(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        body: &models::ChangePasswordRequest,
    ) -> Result<ChangePasswordResponse, ApiError> {
        let principal = principal(claims)?;
        let passwords = parse_both(
            Password::parse("currentPassword", &body.current_password),
            Password::parse("newPassword", &body.new_password),
        );
        let outcome = match passwords {
            Ok((current, new)) => self.auth.change_password(principal, &current, &new, &client()).await,
            Err(error) => Err(error),
        };
        respond(outcome, |()| {
            tracing::info!(user_id = %principal.user_id, "password changed; other sessions revoked");
            ChangePasswordResponse::Status204_Changed
        })
    }
}

#[async_trait]
impl Federation<ApiError> for Api {
    async fn list_identity_providers(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
    ) -> Result<ListIdentityProvidersResponse, ApiError> {
        let providers = self.auth.identity_providers().into_iter();
        let providers = providers.map(|(id, name)| models::IdentityProvider::new(id.to_owned(), name.to_owned()));
        let list = models::IdentityProviderList::new(providers.collect());
        Ok(ListIdentityProvidersResponse::Status200_TheConfiguredProviders(list))
    }

    async fn start_federated_sign_in(
        &self,
        _: &Method,
        _: &Host,
        cookies: &CookieJar,
        path: &models::StartFederatedSignInPathParams,
        query: &models::StartFederatedSignInQueryParams,
    ) -> Result<StartFederatedSignInResponse, ApiError> {
        let request = StartRequest {
            provider: path.provider.clone(),
            redirect_uri: query.redirect_uri.clone(),
            code_challenge: query.code_challenge.clone(),
            code_challenge_method: query.code_challenge_method.clone(),
            state: query.state.clone(),
            browser_binding: self.browser_binding(cookies),
        };
        respond(self.auth.start_federated_sign_in(request).await, |started| {
            StartFederatedSignInResponse::Status303_ToTheProvider {
                location: started.url.into(),
                set_cookie: started.binding.set_cookie(),
            }
        })
    }

    async fn complete_federated_sign_in(
        &self,
        _: &Method,
        _: &Host,
        cookies: &CookieJar,
        query: &models::CompleteFederatedSignInQueryParams,
    ) -> Result<CompleteFederatedSignInResponse, ApiError> {
        let callback = Callback {
            state: query.state.clone(),
            code: query.code.clone().map(SecretString::from),
            error: query.error.clone(),
            issuer: query.iss.clone(),
            browser_binding: self.browser_binding(cookies),
        };
        respond(self.auth.complete_federated_sign_in(callback).await, |url| {
            CompleteFederatedSignInResponse::Status303_ToTheApp { location: url.into() }
        })
    }

    async fn exchange_federated_code(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::FederatedCodeExchange,
    ) -> Result<ExchangeFederatedCodeResponse, ApiError> {
        let exchange = Exchange {
            code: SecretString::from(body.code.clone()),
            code_verifier: SecretString::from(body.code_verifier.clone()),
            redirect_uri: body.redirect_uri.clone(),
        };
        respond(self.auth.exchange_federated_code(exchange, &client()).await, |login| {
            ExchangeFederatedCodeResponse::Status200_SignedIn(login_body(login))
        })
    }
}

#[async_trait]
impl Mfa<ApiError> for Api {
    type Claims = Claims;

    async fn setup_mfa(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
    ) -> Result<SetupMfaResponse, ApiError> {
        let principal = principal(claims)?;
        respond(self.auth.setup_mfa(principal).await, |enrollment| {
            SetupMfaResponse::Status200_Pending(enrollment_body(enrollment))
        })
    }

    async fn verify_mfa_setup(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        body: &models::VerifyMfaSetupRequest,
    ) -> Result<VerifyMfaSetupResponse, ApiError> {
        let principal = principal(claims)?;
        let fields = parse_both(optional_password(&body.password), TotpCode::parse("code", &body.code));
        let outcome = match fields {
            Ok((password, code)) => self.auth.verify_mfa_setup(principal, password.as_ref(), &code, &client()).await,
            Err(error) => Err(error),
        };
        respond(outcome, |codes| VerifyMfaSetupResponse::Status200_TurnedOn(backup_codes_body(codes)))
    }

    async fn disable_mfa(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        body: &models::StepUpRequest,
    ) -> Result<DisableMfaResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = match step_up_fields(body) {
            Ok((password, code)) => self.auth.disable_mfa(principal, password.as_ref(), &code, &client()).await,
            Err(error) => Err(error),
        };
        respond(outcome, |()| DisableMfaResponse::Status204_TurnedOff)
    }

    async fn regenerate_backup_codes(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Claims,
        body: &models::StepUpRequest,
    ) -> Result<RegenerateBackupCodesResponse, ApiError> {
        let principal = principal(claims)?;
        let outcome = match step_up_fields(body) {
            Ok((password, code)) => {
                self.auth.regenerate_backup_codes(principal, password.as_ref(), &code, &client()).await
            }
            Err(error) => Err(error),
        };
        respond(outcome, |codes| RegenerateBackupCodesResponse::Status200_NewBackupCodes(backup_codes_body(codes)))
    }
}

#[async_trait]
impl Meta<ApiError> for Api {
    async fn get_health(&self, _: &Method, _: &Host, _: &CookieJar) -> Result<GetHealthResponse, ApiError> {
        respond(self.auth.health().await, |()| {
            GetHealthResponse::Status200_Healthy(models::Health::new("ok".into(), "ok".into()))
        })
    }

    async fn get_jwks(&self, _: &Method, _: &Host, _: &CookieJar) -> Result<GetJwksResponse, ApiError> {
        respond(self.auth.public_keys().await, |keys| {
            GetJwksResponse::Status200_KeySet(models::Jwks::new(keys.into_iter().map(jwk_body).collect()))
        })
    }
}
