//! The task handler of the seed workflow (`infra/statemachine/seed.asl.json`):
//! checks whether a user exists, signs one up, signs one in and signs one
//! out, through the same domain service as the API.
//!
//! Its answers and errors end up in the workflow's execution history, so
//! they carry ids and outcomes only: never a password or a token.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::domain::{AuthError, AuthService, Client, Email, Login, Password, UserId, parse_registration};

/// One task, as the state machine sends it.
#[derive(Debug, Deserialize)]
#[serde(tag = "action", rename_all = "camelCase", deny_unknown_fields)]
pub enum Task {
    Exists {
        email: String,
    },
    #[serde(rename_all = "camelCase")]
    SignUp {
        email: String,
        password: String,
        name: String,
    },
    Login {
        email: String,
        password: String,
    },
    #[serde(rename_all = "camelCase")]
    Logout {
        user_id: String,
    },
}

/// Why a task failed, in words fit for an execution history. `kind` names
/// the error for the state machine's Retry and Catch.
#[derive(Debug, thiserror::Error)]
#[error("{kind}: {message}")]
pub struct TaskError {
    pub kind: &'static str,
    pub message: String,
}

impl TaskError {
    fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Self { kind, message: message.into() }
    }
}

impl From<AuthError> for TaskError {
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::InvalidInput(problems) => Self::new(
                "InvalidInput",
                problems
                    .iter()
                    .map(|problem| format!("{}: {}", problem.field, problem.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            AuthError::WeakPassword(problem) => {
                Self::new("WeakPassword", format!("{}: {}", problem.field, problem.message))
            }
            AuthError::EmailTaken => Self::new("EmailTaken", "an account with this email exists"),
            AuthError::InvalidCredentials => Self::new("InvalidCredentials", "the email or password is incorrect"),
            AuthError::EmailNotVerified => Self::new("EmailNotVerified", "the address is not confirmed yet"),
            AuthError::RateLimited { retry_after } => {
                Self::new("RateLimited", format!("too many attempts; retry after {} s", retry_after.as_secs().max(1)))
            }
            AuthError::Unavailable(cause) => {
                tracing::warn!(error = format!("{cause:#}"), "a dependency is unavailable");
                Self::new("Unavailable", "a dependency is unavailable; retry later")
            }
            other => {
                tracing::error!(error = ?other, "a seed task failed");
                Self::new("Internal", "the task failed; see the function's log")
            }
        }
    }
}

/// Runs one task.
pub async fn run(auth: &AuthService, task: Task) -> Result<Value, TaskError> {
    match task {
        Task::Exists { email } => {
            let email = Email::parse("email", &email).map_err(AuthError::from)?;
            Ok(json!({ "exists": auth.user_exists(&email).await? }))
        }
        Task::SignUp { email, password, name } => {
            let account = auth.register(parse_registration(&email, &password, &name)?).await?;
            Ok(json!({ "userId": account.user.id.to_string() }))
        }
        Task::Login { email, password } => {
            let email = Email::parse("email", &email).map_err(AuthError::from)?;
            let password = Password::parse("password", &password).map_err(AuthError::from)?;
            match auth.login(email, password, &Client::default()).await? {
                Login::SignedIn(signed_in) => Ok(json!({ "userId": signed_in.account.user.id.to_string() })),
                Login::MfaRequired { .. } => {
                    Err(TaskError::new("MfaRequired", "the account has a second factor, which a workflow cannot give"))
                }
            }
        }
        Task::Logout { user_id } => {
            let user_id = uuid::Uuid::parse_str(&user_id)
                .map(UserId)
                .map_err(|_| TaskError::new("InvalidInput", "userId: must be a user id"))?;
            auth.sign_out_user(user_id, None).await?;
            Ok(json!({ "signedOut": true }))
        }
    }
}
