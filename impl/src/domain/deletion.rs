//! Deleting an account (GDPR Art. 17): after step-up, everything the
//! service keeps of it goes, in an order that leaves no way back in while
//! it runs and nothing behind when it is done.

use super::attempt::Factor;
use super::error::{AuthError, FieldProblem};
use super::model::{Principal, UserId};
use super::notice::Notice;
use super::service::{AuthService, Client};
use super::values::{Email, MfaCode, Password};

impl AuthService {
    /// Deletes the signed-in user's account after step-up: the password
    /// (or, for an account without one, a recent sign-in: see
    /// [`Self::reauthenticate`]) and, when MFA is on, a current
    /// authenticator or backup code, each within its failure budget; a
    /// wrong one is [`AuthError::StepUpFailed`], a missing code an
    /// [`AuthError::InvalidInput`] on `code`. Then mails the address a
    /// notice. See [`Self::erase_account`] for what goes and in which order.
    pub async fn delete_account(
        &self,
        principal: &Principal,
        password: Option<&Password>,
        code: Option<&MfaCode>,
        client: &Client,
    ) -> Result<(), AuthError> {
        let user_id = principal.user_id;
        let (user, second_factor) = tokio::try_join!(self.user(user_id), async { Ok(self.mfa.get(user_id).await?) })?;
        match (second_factor.filter(|record| record.enabled), code) {
            (Some(record), Some(code)) => {
                self.step_up_with(principal, &user.email, &record, password, code, client).await?;
            }
            (Some(_), None) => {
                return Err(FieldProblem::new(
                    "code",
                    "required",
                    "multi-factor authentication is on: a current authenticator or backup code is required",
                )
                .into());
            }
            (None, _) => self.reauthenticate(principal, &user.email, password, client).await?,
        }
        self.erase_account(user_id, &user.email).await?;
        tracing::info!(user_id = %user_id, "account deleted");
        self.mail_notice(user.email, Notice::AccountDeleted, Some(client)).await;
        Ok(())
    }

    /// Removes everything of an account, each step safe to repeat:
    ///
    /// 1. its sessions and sign-in challenges, so that every token is
    ///    refused from the next request on;
    /// 2. its credentials: signing in now answers as for an unknown
    ///    address, and no new session can start;
    /// 3. its profile, which frees the address for a new registration;
    /// 4. its second factor, security history, linked identities and
    ///    failure counters, and
    ///    again every session and refresh token, rotated ones included: a
    ///    sign-in that checked the password before step 2 and starts its
    ///    session after step 1 either finds no profile (and ends its
    ///    session itself) or started it before this sweep.
    ///
    /// A failure stops at its step and is answered; what is left is
    /// unreachable (no credentials, no sessions) once step 2 has run, and
    /// the error log names the user.
    pub(super) async fn erase_account(&self, user_id: UserId, email: &Email) -> Result<(), AuthError> {
        self.mfa.end_challenges(user_id).await?;
        self.end_sessions(user_id, None).await?;
        self.identity.delete_user(user_id).await?;
        let rest = async {
            self.users.delete(user_id).await?;
            self.mfa.forget(user_id).await?;
            self.events.forget(user_id).await?;
            self.federation.forget(user_id).await?;
            for factor in [Factor::Password, Factor::SecondFactor] {
                self.attempts.reset(&factor.budget(email)).await?;
            }
            self.sessions.forget(user_id).await
        };
        rest.await.map_err(|error| {
            tracing::error!(user_id = %user_id, error = %error, "an account's deletion stopped after its credentials");
            AuthError::from(error)
        })
    }
}
