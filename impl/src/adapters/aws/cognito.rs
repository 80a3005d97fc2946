//! Cognito as the identity provider: a confidential app client that signs
//! in with admin-initiated password auth, tokens verified against the
//! pool's keys, and sessions recorded in DynamoDB (see [`super::sessions`]).

use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use async_trait::async_trait;
use aws_sdk_cognitoidentityprovider::Client;
use aws_sdk_cognitoidentityprovider::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_cognitoidentityprovider::types::{
    AttributeType, AuthFlowType, AuthenticationResultType, ChallengeNameType, MessageActionType,
};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use tokio::sync::OnceCell;

use super::custom_auth::NONCE;
use super::jwks::KeySet;
use super::store::DynamoStore;
use super::table::{TTL_ATTRIBUTE, aws_error, error_code, internal, key, millis, n, ttl, user_pk};
use crate::domain::federation::ChallengeKey;
use crate::domain::{
    Attributes, Clock, ConfirmationCode, Email, FieldProblem, Password, PortError, Principal, PublicKey, Roles,
    SessionId, UserId,
};
use crate::ports::{
    CodeDelivery, Confirmation, IdentityProvider, Issued, PasswordChange, PasswordReset, SessionGrant, SignIn, SignUp,
};

/// Where the pool is and how the service talks to it.
pub struct CognitoSettings {
    pub user_pool_id: String,
    pub client_id: String,
    /// Read from the pool's client description on first use when `None`.
    pub client_secret: Option<SecretString>,
    /// `iss` of the pool's tokens.
    pub issuer: String,
    /// Where the pool publishes its keys.
    pub jwks_url: String,
}

pub struct CognitoIdentity {
    client: Client,
    settings: CognitoSettings,
    secret: OnceCell<SecretString>,
    keys: KeySet,
    store: DynamoStore,
    clock: Arc<dyn Clock>,
    /// Answers Cognito's custom authentication challenge (`custom_auth`).
    /// Answers the custom authentication's challenge; `None` where
    /// federated sign-in is not configured.
    challenge_key: Option<ChallengeKey>,
}

/// The sort key of a user's item that keeps when a password reset code was
/// last asked for and when outstanding ones were last voided.
const RESETS: &str = "RESETS";

/// The claims of a Cognito access token the service relies on.
#[derive(Deserialize)]
struct AccessClaims {
    sub: String,
    exp: i64,
    token_use: String,
    client_id: String,
    /// The sign-in the token descends from; the same across refreshes.
    origin_jti: Option<String>,
}

/// Cognito's tokens from a password sign-in, kept as the sign-in's
/// [`SessionGrant`] until its session starts.
#[derive(Serialize, Deserialize)]
struct CognitoGrant {
    access_token: String,
    id_token: String,
    refresh_token: String,
    /// Seconds the access token was valid for when issued.
    expires_in: i64,
    /// When Cognito issued them, in milliseconds since the Unix epoch.
    issued_at: i64,
}

/// Cognito error codes that say "slow down", with how long to wait.
fn throttled(code: &str) -> Option<Duration> {
    match code {
        "TooManyRequestsException" => Some(Duration::from_secs(1)),
        "LimitExceededException" | "TooManyFailedAttemptsException" => Some(Duration::from_secs(60)),
        _ => None,
    }
}

/// A failed Cognito call as a port error. Only codes are kept: Cognito's
/// messages may echo what was sent.
fn cognito_error<E, R>(operation: &str, error: SdkError<E, R>) -> PortError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    let code = error_code(&error).unwrap_or_default();
    if let Some(retry_after) = throttled(code) {
        return PortError::Throttled(retry_after);
    }
    if code == "InvalidPasswordException" {
        let message = error.as_service_error().and_then(|service| service.message()).unwrap_or_default();
        return PortError::PasswordRejected(password_rule(message));
    }
    aws_error(operation, error)
}

/// The rule of the pool's password policy that Cognito says was broken.
fn password_rule(message: &str) -> FieldProblem {
    let message = message.to_ascii_lowercase();
    let (code, text) = if message.contains("long enough") || message.contains("length") {
        ("too_short", "is shorter than the identity provider allows")
    } else if message.contains("uppercase") {
        ("missing_uppercase", "must contain an uppercase letter")
    } else if message.contains("lowercase") {
        ("missing_lowercase", "must contain a lowercase letter")
    } else if message.contains("numeric") {
        ("missing_digit", "must contain a digit")
    } else if message.contains("symbol") {
        ("missing_symbol", "must contain a symbol")
    } else {
        ("rejected", "is not accepted by the identity provider's password policy")
    };
    FieldProblem::new("password", code, text)
}

/// Cognito's answers to a code that is wrong, expired or for no such user.
const INVALID_CODE: [&str; 4] =
    ["CodeMismatchException", "ExpiredCodeException", "UserNotFoundException", "NotAuthorizedException"];

/// Whether Cognito took a code; `false` when it refused it.
fn code_taken<O, E, R>(outcome: Result<O, SdkError<E, R>>, operation: &str) -> Result<bool, PortError>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    match outcome {
        Ok(_) => Ok(true),
        Err(error) if is(error_code(&error), &INVALID_CODE) => Ok(false),
        Err(error) => Err(cognito_error(operation, error)),
    }
}

/// What became of asking Cognito to mail a code; `not_needed` are the
/// error codes that mean the account needs none.
fn delivery<O, E, R>(
    outcome: Result<O, SdkError<E, R>>,
    operation: &str,
    not_needed: &[&str],
) -> Result<CodeDelivery, PortError>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    let Err(error) = outcome else { return Ok(CodeDelivery::Sent) };
    match error_code(&error) {
        Some(code) if not_needed.contains(&code) => Ok(CodeDelivery::NotNeeded),
        Some("LimitExceededException" | "TooManyRequestsException") => Ok(CodeDelivery::TooSoon),
        Some("CodeDeliveryFailureException") => {
            Ok(CodeDelivery::MailFailed(PortError::Unavailable(anyhow!("Cognito could not deliver the code"))))
        }
        _ => Err(cognito_error(operation, error)),
    }
}

/// The address as Cognito knows it (username and `email` attribute): its
/// domain in ASCII, which Cognito, its mail and every mail server take. The
/// service's own records keep the canonical spelling of [`Email`].
fn cognito_address(email: &Email) -> String {
    email.with_ascii_domain()
}

fn is(code: Option<&str>, codes: &[&str]) -> bool {
    code.is_some_and(|code| codes.contains(&code))
}

/// What a call creating a user answered: `None` when the address has a
/// user already.
fn unless_taken<T, E, R>(result: Result<T, SdkError<E, R>>, operation: &str) -> Result<Option<T>, PortError>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    match result {
        Ok(output) => Ok(Some(output)),
        Err(error) if is(error_code(&error), &["UsernameExistsException", "AliasExistsException"]) => Ok(None),
        Err(error) => Err(cognito_error(operation, error)),
    }
}

fn parse_sub(sub: &str) -> Result<UserId, PortError> {
    uuid::Uuid::parse_str(sub).map(UserId).map_err(|_| PortError::Internal(anyhow!("a Cognito sub is not a UUID")))
}

/// The payload of a JWT that Cognito just handed over, without verifying
/// its signature: it came straight from the pool over TLS.
fn unverified_claims(token: &str) -> Result<AccessClaims, PortError> {
    let payload =
        token.split('.').nth(1).ok_or_else(|| PortError::Internal(anyhow!("Cognito sent a malformed token")))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| PortError::Internal(anyhow!("Cognito sent a token that is not base64url")))?;
    serde_json::from_slice(&bytes)
        .map_err(|_| PortError::Internal(anyhow!("Cognito sent a token without the expected claims")))
}

/// Cognito's tokens as issued for the session they name (`origin_jti`).
fn issued(
    user_id: UserId,
    access_token: String,
    id_token: String,
    refresh_token: String,
    expires_in: Duration,
) -> Result<Issued, PortError> {
    let claims = unverified_claims(&access_token)?;
    if parse_sub(&claims.sub)? != user_id {
        return Err(PortError::Internal(anyhow!("Cognito issued tokens for another user")));
    }
    let session_id = claims
        .origin_jti
        .ok_or_else(|| PortError::Internal(anyhow!("Cognito tokens lack origin_jti; enable token revocation")))?;
    Ok(Issued {
        session_id: SessionId(session_id),
        access_token,
        id_token,
        expires_in,
        provider_token: Some(SecretString::from(refresh_token)),
    })
}

impl CognitoIdentity {
    /// The provider over the pool and client of `settings`;
    /// `challenge_key` is the key the pool's custom authentication trigger
    /// (`auth-challenge`) holds too, needed for federated sign-in only.
    pub fn new(
        client: Client,
        settings: CognitoSettings,
        store: DynamoStore,
        clock: Arc<dyn Clock>,
        challenge_key: Option<ChallengeKey>,
    ) -> Self {
        let keys = KeySet::new(settings.jwks_url.clone());
        let secret = OnceCell::new_with(settings.client_secret.clone());
        Self { client, settings, secret, keys, store, clock, challenge_key }
    }

    async fn client_secret(&self) -> Result<&SecretString, PortError> {
        self.secret
            .get_or_try_init(|| async {
                let output = self
                    .client
                    .describe_user_pool_client()
                    .user_pool_id(&self.settings.user_pool_id)
                    .client_id(&self.settings.client_id)
                    .send()
                    .await
                    .map_err(|error| cognito_error("describing the app client", error))?;
                let secret = output.user_pool_client.and_then(|client| client.client_secret).ok_or_else(|| {
                    PortError::Internal(anyhow!("the app client has no secret; it must be confidential"))
                })?;
                Ok(SecretString::from(secret))
            })
            .await
    }

    /// `SECRET_HASH`: proof that the caller holds the client secret.
    async fn secret_hash(&self, username: &str) -> Result<String, PortError> {
        let secret = self.client_secret().await?;
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.expose_secret().as_bytes())
            .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
        mac.update(username.as_bytes());
        mac.update(self.settings.client_id.as_bytes());
        Ok(STANDARD.encode(mac.finalize().into_bytes()))
    }

    /// The user id (`sub`) and status of the account with `username` (an
    /// address or a user id); `None` when there is none.
    async fn lookup(&self, username: &str) -> Result<Option<(UserId, String)>, PortError> {
        let found =
            self.client.admin_get_user().user_pool_id(&self.settings.user_pool_id).username(username).send().await;
        let output = match found {
            Ok(output) => output,
            Err(error) if is(error_code(&error), &["UserNotFoundException"]) => return Ok(None),
            Err(error) => return Err(cognito_error("looking up a user", error)),
        };
        let sub = output
            .user_attributes()
            .iter()
            .find(|attribute| attribute.name() == "sub")
            .and_then(|attribute| attribute.value())
            .ok_or_else(|| PortError::Internal(anyhow!("a Cognito user has no sub")))?;
        let status = output.user_status().map(|status| status.as_str().to_owned()).unwrap_or_default();
        Ok(Some((parse_sub(sub)?, status)))
    }

    /// Sets `attribute` of the user's reset item to `at`.
    async fn mark_resets(&self, user_id: UserId, attribute: &str, at: DateTime<Utc>) -> Result<(), PortError> {
        self.store
            .client
            .update_item()
            .table_name(self.store.table.as_ref())
            .set_key(Some(key(user_pk(user_id), RESETS)))
            .update_expression("SET #at = :at, #ttl = :ttl")
            .expression_attribute_names("#at", attribute)
            .expression_attribute_names("#ttl", TTL_ATTRIBUTE)
            .expression_attribute_values(":at", n(millis(at)))
            .expression_attribute_values(":ttl", ttl(at + chrono::Duration::days(1)))
            .send()
            .await
            .map_err(|error| aws_error("recording a password reset", error))?;
        Ok(())
    }

    /// Whether the newest reset code mailed to the user was voided since.
    async fn resets_voided(&self, user_id: UserId) -> Result<bool, PortError> {
        let Some(item) = self.store.get_item("reading a password reset", key(user_pk(user_id), RESETS)).await? else {
            return Ok(false);
        };
        let at = |attribute: &str| item.get(attribute).and_then(|value| value.as_n().ok()?.parse::<i64>().ok());
        Ok(match (at("requestedAt"), at("voidedAt")) {
            (_, None) => false,
            (Some(requested), Some(voided)) => requested <= voided,
            (None, Some(_)) => true,
        })
    }

    /// Signs `username` in with the normalised password; when that fails
    /// and the password was typed in another form, with that form (a
    /// password set before passwords were normalised), and on success sets
    /// the normalised form as the user's password, so that the next sign-in
    /// needs one try.
    async fn password_auth(
        &self,
        username: &str,
        password: &Password,
    ) -> Result<Result<AuthenticationResultType, String>, PortError> {
        let flow = AuthFlowType::AdminUserPasswordAuth;
        let result = self.initiate(flow.clone(), username, [("PASSWORD", password.expose())]).await?;
        let Some(as_typed) = password.as_typed() else { return Ok(result) };
        // Tried for an unknown user too, so that the number of calls does not tell.
        if !matches!(&result, Err(code) if code == "NotAuthorizedException" || code == "UserNotFoundException") {
            return Ok(result);
        }
        let legacy = self.initiate(flow, username, [("PASSWORD", as_typed)]).await?;
        if legacy.is_ok() {
            let upgraded = self
                .client
                .admin_set_user_password()
                .user_pool_id(&self.settings.user_pool_id)
                .username(username)
                .password(password.expose())
                .permanent(true)
                .send()
                .await;
            if let Err(error) = upgraded {
                tracing::warn!(error = %cognito_error("storing a normalised password", error), "password left as typed");
            }
        }
        Ok(legacy)
    }

    /// Confirms a new account and marks its address verified, as a mailed
    /// code would have: Cognito resets passwords only for verified addresses.
    async fn confirm_at_once(&self, user_id: UserId) -> Result<(), PortError> {
        self.client
            .admin_confirm_sign_up()
            .user_pool_id(&self.settings.user_pool_id)
            .username(user_id.to_string())
            .send()
            .await
            .map_err(|error| cognito_error("confirming a new account", error))?;
        let verified = AttributeType::builder().name("email_verified").value("true").build().map_err(internal)?;
        self.client
            .admin_update_user_attributes()
            .user_pool_id(&self.settings.user_pool_id)
            .username(user_id.to_string())
            .user_attributes(verified)
            .send()
            .await
            .map_err(|error| cognito_error("marking a new account's address verified", error))?;
        Ok(())
    }

    /// Removes a user whose creation failed halfway. Best effort: the
    /// caller is already failing with the original error.
    async fn remove_half_created(&self, user_id: UserId) {
        if let Err(undo) = self.delete_user(user_id).await {
            tracing::error!(user_id = %user_id, error = %undo, "could not remove a half-created Cognito user");
        }
    }

    /// Runs an admin-initiated auth flow; the error code when Cognito
    /// refuses the credentials.
    async fn initiate(
        &self,
        flow: AuthFlowType,
        username: &str,
        parameters: [(&str, &str); 1],
    ) -> Result<Result<AuthenticationResultType, String>, PortError> {
        let refreshing = flow == AuthFlowType::RefreshTokenAuth;
        let mut request = self
            .client
            .admin_initiate_auth()
            .user_pool_id(&self.settings.user_pool_id)
            .client_id(&self.settings.client_id)
            .auth_flow(flow)
            .auth_parameters("SECRET_HASH", self.secret_hash(username).await?);
        for (name, value) in parameters {
            request = request.auth_parameters(name, value);
        }
        // A refresh token names its user; the hash still needs the username.
        if !refreshing {
            request = request.auth_parameters("USERNAME", username);
        }
        match request.send().await {
            Ok(output) => match (output.authentication_result, output.challenge_name) {
                (Some(result), _) => Ok(Ok(result)),
                (None, challenge) => Err(PortError::Internal(anyhow!(
                    "Cognito asked for a {} challenge; the service handles second factors itself",
                    challenge.map(|c| c.as_str().to_owned()).unwrap_or_default()
                ))),
            },
            Err(error) => match error_code(&error) {
                Some(
                    code @ ("NotAuthorizedException"
                    | "UserNotFoundException"
                    | "UserNotConfirmedException"
                    | "PasswordResetRequiredException"),
                ) => Ok(Err(code.to_owned())),
                _ => Err(cognito_error("authenticating with Cognito", error)),
            },
        }
    }

    /// The grant of a password sign-in: Cognito's tokens and when they came.
    fn grant(&self, result: AuthenticationResultType) -> Result<(UserId, SessionGrant), PortError> {
        let (Some(access_token), Some(id_token), Some(refresh_token)) =
            (result.access_token, result.id_token, result.refresh_token)
        else {
            return Err(PortError::Internal(anyhow!("Cognito signed in without issuing every token")));
        };
        let user_id = parse_sub(&unverified_claims(&access_token)?.sub)?;
        let grant = CognitoGrant {
            access_token,
            id_token,
            refresh_token,
            expires_in: i64::from(result.expires_in),
            issued_at: millis(self.clock.now()),
        };
        let text = serde_json::to_string(&grant).map_err(internal)?;
        Ok((user_id, SessionGrant::new(text)))
    }

    /// Fresh tokens from Cognito for a refresh token of its own, with the
    /// refresh token to keep; `None` when Cognito refuses it.
    async fn provider_refresh(&self, user_id: UserId, provider_token: &str) -> Result<Option<Issued>, PortError> {
        let result = self
            .initiate(AuthFlowType::RefreshTokenAuth, &user_id.to_string(), [("REFRESH_TOKEN", provider_token)])
            .await?;
        let Ok(AuthenticationResultType {
            access_token: Some(access),
            id_token: Some(id),
            refresh_token,
            expires_in,
            ..
        }) = result
        else {
            return Ok(None);
        };
        // With Cognito's own rotation on, it hands over a successor.
        let refresh = refresh_token.unwrap_or_else(|| provider_token.to_owned());
        let expires_in = Duration::from_secs(u64::try_from(expires_in).unwrap_or_default());
        issued(user_id, access, id, refresh, expires_in).map(Some)
    }
}

#[async_trait]
impl IdentityProvider for CognitoIdentity {
    async fn sign_up(&self, email: &Email, password: &Password, confirmed: bool) -> Result<SignUp, PortError> {
        let created = self
            .client
            .sign_up()
            .client_id(&self.settings.client_id)
            .secret_hash(self.secret_hash(&cognito_address(email)).await?)
            .username(cognito_address(email))
            .password(password.expose())
            .user_attributes(
                AttributeType::builder().name("email").value(cognito_address(email)).build().map_err(internal)?,
            )
            .send()
            .await;
        let Some(output) = unless_taken(created, "signing up with Cognito")? else { return Ok(SignUp::EmailTaken) };
        let user_id = parse_sub(output.user_sub())?;
        if confirmed && let Err(error) = self.confirm_at_once(user_id).await {
            self.remove_half_created(user_id).await;
            return Err(error);
        }
        // Cognito mails the code of an unconfirmed account itself.
        Ok(SignUp::Created { user_id, code_sent: !confirmed })
    }

    /// `AdminCreateUser` with Cognito's invitation suppressed (it would mail
    /// a temporary password), then a permanent password no one knows: a
    /// user left in `FORCE_CHANGE_PASSWORD` could not be sent a reset code.
    async fn invite(&self, email: &Email) -> Result<SignUp, PortError> {
        let username = cognito_address(email);
        let attribute = |name: &str, value: &str| AttributeType::builder().name(name).value(value).build();
        let created = self
            .client
            .admin_create_user()
            .user_pool_id(&self.settings.user_pool_id)
            .username(&username)
            .temporary_password(Password::unknowable().expose())
            .message_action(MessageActionType::Suppress)
            .user_attributes(attribute("email", &username).map_err(internal)?)
            .user_attributes(attribute("email_verified", "true").map_err(internal)?)
            .send()
            .await;
        let Some(output) = unless_taken(created, "inviting a user to Cognito")? else { return Ok(SignUp::EmailTaken) };
        let sub = output
            .user()
            .and_then(|user| user.attributes().iter().find(|attribute| attribute.name() == "sub"))
            .and_then(AttributeType::value)
            .ok_or_else(|| PortError::Internal(anyhow!("Cognito created a user without a sub")))?;
        let user_id = parse_sub(sub)?;
        let settled = self
            .client
            .admin_set_user_password()
            .user_pool_id(&self.settings.user_pool_id)
            .username(user_id.to_string())
            .password(Password::unknowable().expose())
            .permanent(true)
            .send()
            .await;
        if let Err(error) = settled {
            self.remove_half_created(user_id).await;
            return Err(cognito_error("settling an invited Cognito user", error));
        }
        Ok(SignUp::Created { user_id, code_sent: false })
    }

    /// Cognito's reset code, in its verification message's words (a
    /// `CustomMessage_ForgotPassword` trigger can word it as an invitation).
    async fn send_invitation_code(&self, email: &Email) -> Result<CodeDelivery, PortError> {
        self.send_password_reset_code(email).await
    }

    async fn send_confirmation_code(&self, email: &Email) -> Result<CodeDelivery, PortError> {
        match self.lookup(&cognito_address(email)).await? {
            Some((_, status)) if status == "UNCONFIRMED" => {}
            _ => return Ok(CodeDelivery::NotNeeded),
        }
        let sent = self
            .client
            .resend_confirmation_code()
            .client_id(&self.settings.client_id)
            .secret_hash(self.secret_hash(&cognito_address(email)).await?)
            .username(cognito_address(email))
            .send()
            .await;
        delivery(sent, "resending a confirmation code", &[])
    }

    async fn confirm_sign_up(&self, email: &Email, code: &ConfirmationCode) -> Result<Confirmation, PortError> {
        let confirmed = self
            .client
            .confirm_sign_up()
            .client_id(&self.settings.client_id)
            .secret_hash(self.secret_hash(&cognito_address(email)).await?)
            .username(cognito_address(email))
            .confirmation_code(code.expose())
            .send()
            .await;
        if !code_taken(confirmed, "confirming an address")? {
            return Ok(Confirmation::InvalidCode);
        }
        let (user_id, _) = self
            .lookup(&cognito_address(email))
            .await?
            .ok_or_else(|| PortError::Internal(anyhow!("a confirmed Cognito user vanished")))?;
        Ok(Confirmation::Confirmed(user_id))
    }

    async fn send_password_reset_code(&self, email: &Email) -> Result<CodeDelivery, PortError> {
        // Cognito's reset codes cannot be voided; the time each was asked
        // for is kept, so that one asked for before a void is refused.
        let username = cognito_address(email);
        let user = self.lookup(&username).await?;
        let requested_at = self.clock.now();
        let sent = self
            .client
            .forgot_password()
            .client_id(&self.settings.client_id)
            .secret_hash(self.secret_hash(&username).await?)
            .username(username)
            .send()
            .await;
        // A user without a (verified) address, or one the pool will not reset.
        let not_needed = ["UserNotFoundException", "NotAuthorizedException", "InvalidParameterException"];
        let delivery = delivery(sent, "starting a password reset", &not_needed)?;
        if let (CodeDelivery::Sent, Some((user_id, _))) = (&delivery, user) {
            self.mark_resets(user_id, "requestedAt", requested_at).await?;
        }
        Ok(delivery)
    }

    async fn reset_password(
        &self,
        email: &Email,
        code: &ConfirmationCode,
        new: &Password,
    ) -> Result<PasswordReset, PortError> {
        let username = cognito_address(email);
        let user_id = self.lookup(&username).await?.map(|(user_id, _)| user_id);
        if let Some(user_id) = user_id
            && self.resets_voided(user_id).await?
        {
            return Ok(PasswordReset::InvalidCode);
        }
        let reset = self
            .client
            .confirm_forgot_password()
            .client_id(&self.settings.client_id)
            .secret_hash(self.secret_hash(&username).await?)
            .username(username)
            .confirmation_code(code.expose())
            .password(new.expose())
            .send()
            .await;
        if !code_taken(reset, "resetting a password")? {
            return Ok(PasswordReset::InvalidCode);
        }
        let user_id = user_id.ok_or_else(|| PortError::Internal(anyhow!("Cognito reset a user it did not know")))?;
        Ok(PasswordReset::Reset(user_id))
    }

    async fn delete_user(&self, user_id: UserId) -> Result<(), PortError> {
        let deleted = self
            .client
            .admin_delete_user()
            .user_pool_id(&self.settings.user_pool_id)
            .username(user_id.to_string())
            .send()
            .await;
        match deleted {
            Ok(_) => {}
            Err(error) if is(error_code(&error), &["UserNotFoundException"]) => {}
            Err(error) => return Err(cognito_error("deleting a Cognito user", error)),
        }
        self.store.delete_item("deleting password reset codes", key(user_pk(user_id), RESETS)).await
    }

    async fn sign_in(&self, email: &Email, password: &Password) -> Result<SignIn, PortError> {
        let result = self.password_auth(&cognito_address(email), password).await?;
        match result {
            Ok(result) => {
                let (user_id, grant) = self.grant(result)?;
                Ok(SignIn::Authenticated { user_id, grant })
            }
            Err(code) if code == "UserNotConfirmedException" => Ok(SignIn::NotConfirmed),
            Err(_) => Ok(SignIn::InvalidCredentials),
        }
    }

    /// Cognito's custom authentication (see `custom_auth`): started as the
    /// password flow is (admin-initiated, with the client secret's hash),
    /// its one challenge answered with the service's MAC of the username
    /// and the challenge's nonce.
    async fn federated_grant(&self, user_id: UserId) -> Result<Option<SessionGrant>, PortError> {
        let Some(challenge_key) = &self.challenge_key else {
            return Err(PortError::Internal(anyhow!("federated sign-in on AWS needs aws.custom_auth_key_secret")));
        };
        let username = user_id.to_string();
        let secret_hash = self.secret_hash(&username).await?;
        let started = self
            .client
            .admin_initiate_auth()
            .user_pool_id(&self.settings.user_pool_id)
            .client_id(&self.settings.client_id)
            .auth_flow(AuthFlowType::CustomAuth)
            .auth_parameters("USERNAME", &username)
            .auth_parameters("SECRET_HASH", &secret_hash)
            .send()
            .await;
        let started = match started {
            Ok(started) => started,
            // Unknown, disabled or unconfirmed: Cognito (with
            // PreventUserExistenceErrors) says NotAuthorized for the first two.
            Err(error)
                if is(
                    error_code(&error),
                    &["NotAuthorizedException", "UserNotFoundException", "UserNotConfirmedException"],
                ) =>
            {
                return Ok(None);
            }
            Err(error) => return Err(cognito_error("starting Cognito's custom authentication", error)),
        };
        let nonce = started.challenge_parameters().and_then(|parameters| parameters.get(NONCE));
        let (Some(ChallengeNameType::CustomChallenge), Some(session), Some(nonce)) =
            (started.challenge_name(), started.session(), nonce)
        else {
            return Err(PortError::Internal(anyhow!("Cognito's custom authentication posed no custom challenge")));
        };
        let answered = self
            .client
            .admin_respond_to_auth_challenge()
            .user_pool_id(&self.settings.user_pool_id)
            .client_id(&self.settings.client_id)
            .challenge_name(ChallengeNameType::CustomChallenge)
            .session(session)
            .challenge_responses("USERNAME", &username)
            .challenge_responses("ANSWER", challenge_key.answer(&username, nonce))
            .challenge_responses("SECRET_HASH", &secret_hash)
            .send()
            .await
            .map_err(|error| cognito_error("answering Cognito's custom challenge", error))?;
        let Some(result) = answered.authentication_result else {
            return Err(PortError::Internal(anyhow!(
                "Cognito took the custom challenge's answer without issuing tokens"
            )));
        };
        let (granted, grant) = self.grant(result)?;
        if granted != user_id {
            return Err(PortError::Internal(anyhow!("Cognito's custom authentication signed in another user")));
        }
        Ok(Some(grant))
    }

    /// Cognito's tokens from the grant, refreshed first when they are past
    /// half their lifetime (a sign-in that waited for its second factor),
    /// so that the client gets them fresh. The session is the tokens'
    /// `origin_jti`, the same across refreshes.
    async fn issue(&self, user_id: UserId, grant: SessionGrant) -> Result<Issued, PortError> {
        let grant: CognitoGrant = serde_json::from_str(grant.expose())
            .map_err(|_| PortError::Internal(anyhow!("a session grant is not Cognito's tokens")))?;
        let age = chrono::Duration::milliseconds(millis(self.clock.now()) - grant.issued_at);
        if age.num_seconds() * 2 >= grant.expires_in {
            return self
                .provider_refresh(user_id, &grant.refresh_token)
                .await?
                .ok_or_else(|| PortError::Internal(anyhow!("Cognito refused to refresh the tokens of a sign-in")));
        }
        let left = Duration::from_secs(u64::try_from(grant.expires_in - age.num_seconds()).unwrap_or_default());
        issued(user_id, grant.access_token, grant.id_token, grant.refresh_token, left)
    }

    async fn reissue(
        &self,
        user_id: UserId,
        session_id: &SessionId,
        provider_token: Option<SecretString>,
    ) -> Result<Option<Issued>, PortError> {
        let Some(provider_token) = provider_token else {
            return Err(PortError::Internal(anyhow!("a Cognito session keeps no Cognito refresh token")));
        };
        let Some(issued) = self.provider_refresh(user_id, provider_token.expose_secret()).await? else {
            return Ok(None);
        };
        if &issued.session_id != session_id {
            return Err(PortError::Internal(anyhow!("Cognito refreshed into another sign-in")));
        }
        Ok(Some(issued))
    }

    async fn verify_access_token(&self, access_token: &str) -> Result<Option<Principal>, PortError> {
        let Some(claims) = self.keys.verify::<AccessClaims>(access_token, &self.settings.issuer).await? else {
            return Ok(None);
        };
        let now = self.clock.now();
        if claims.token_use != "access" || claims.client_id != self.settings.client_id || claims.exp <= now.timestamp()
        {
            return Ok(None);
        }
        let (Ok(user_id), Some(session_id)) = (parse_sub(&claims.sub), claims.origin_jti) else { return Ok(None) };
        Ok(Some(Principal { user_id, session_id: SessionId(session_id) }))
    }

    /// Signs the user out of Cognito: its refresh tokens stop working there too.
    async fn end_provider_sessions(&self, user_id: UserId) -> Result<(), PortError> {
        self.client
            .admin_user_global_sign_out()
            .user_pool_id(&self.settings.user_pool_id)
            .username(user_id.to_string())
            .send()
            .await
            .map_err(|error| cognito_error("signing a user out of Cognito", error))?;
        Ok(())
    }

    async fn void_password_resets(&self, user_id: UserId) -> Result<(), PortError> {
        self.mark_resets(user_id, "voidedAt", self.clock.now()).await
    }

    /// Roles as the user's groups (`cognito:groups` in both tokens) and
    /// attributes as `custom:NAME` (in the id token), each group and
    /// attribute declared in the pool beforehand (see `infra/`). Groups and
    /// custom attributes the user has beyond those given are removed.
    async fn set_claims(&self, user_id: UserId, roles: &Roles, attributes: &Attributes) -> Result<(), PortError> {
        let pool = &self.settings.user_pool_id;
        let username = user_id.to_string();
        let groups = self
            .client
            .admin_list_groups_for_user()
            .user_pool_id(pool)
            .username(&username)
            .limit(60)
            .send()
            .await
            .map_err(|error| cognito_error("listing a user's groups", error))?;
        let current: Vec<String> =
            groups.groups().iter().filter_map(|group| group.group_name().map(str::to_owned)).collect();
        for role in roles.iter().filter(|role| !current.iter().any(|group| group == role.as_str())) {
            self.client
                .admin_add_user_to_group()
                .user_pool_id(pool)
                .username(&username)
                .group_name(role.as_str())
                .send()
                .await
                .map_err(|error| cognito_error("adding a user to a group", error))?;
        }
        for group in current.iter().filter(|group| !roles.iter().any(|role| role.as_str() == group.as_str())) {
            self.client
                .admin_remove_user_from_group()
                .user_pool_id(pool)
                .username(&username)
                .group_name(group)
                .send()
                .await
                .map_err(|error| cognito_error("removing a user from a group", error))?;
        }
        let user = self
            .client
            .admin_get_user()
            .user_pool_id(pool)
            .username(&username)
            .send()
            .await
            .map_err(|error| cognito_error("reading a user's attributes", error))?;
        let stale: Vec<String> = user
            .user_attributes()
            .iter()
            .map(AttributeType::name)
            .filter(|name| name.strip_prefix("custom:").is_some_and(|custom| !attributes.contains_key(custom)))
            .map(str::to_owned)
            .collect();
        if !stale.is_empty() {
            self.client
                .admin_delete_user_attributes()
                .user_pool_id(pool)
                .username(&username)
                .set_user_attribute_names(Some(stale))
                .send()
                .await
                .map_err(|error| cognito_error("removing custom attributes", error))?;
        }
        if !attributes.is_empty() {
            let set = attributes
                .iter()
                .map(|(name, value)| AttributeType::builder().name(format!("custom:{name}")).value(value).build())
                .collect::<Result<Vec<_>, _>>()
                .map_err(internal)?;
            self.client
                .admin_update_user_attributes()
                .user_pool_id(pool)
                .username(&username)
                .set_user_attributes(Some(set))
                .send()
                .await
                .map_err(|error| cognito_error("setting custom attributes", error))?;
        }
        Ok(())
    }

    /// Signs in once to check the password. The session that opens is
    /// never recorded, so its tokens are refused by the service; they are
    /// dropped at once.
    async fn check_password(&self, user_id: UserId, password: &Password) -> Result<bool, PortError> {
        Ok(self.password_auth(&user_id.to_string(), password).await?.is_ok())
    }

    async fn change_password(
        &self,
        user_id: UserId,
        current: &Password,
        new: &Password,
    ) -> Result<PasswordChange, PortError> {
        if !self.check_password(user_id, current).await? {
            return Ok(PasswordChange::CurrentPasswordIncorrect);
        }
        self.client
            .admin_set_user_password()
            .user_pool_id(&self.settings.user_pool_id)
            .username(user_id.to_string())
            .password(new.expose())
            .permanent(true)
            .send()
            .await
            .map_err(|error| cognito_error("setting a new password", error))?;
        Ok(PasswordChange::Changed)
    }

    async fn public_keys(&self) -> Result<Vec<PublicKey>, PortError> {
        self.keys.public_keys().await
    }
}
