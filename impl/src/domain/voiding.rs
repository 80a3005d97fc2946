//! What a change to how an account signs in voids: the artefacts issued
//! before it that could undo the change or outlive it (the README's
//! invalidation table). One place decides every event; the use cases call
//! [`AuthService::void_after`] once the change is durable.
//!
//! Open sign-in challenges end before sessions do: a challenge finishing
//! meanwhile starts its session first and spends the challenge after, so
//! either the challenge is gone and the new session ends at once, or the
//! session exists in time to be ended (see [`AuthService::verify_mfa`]).

use super::error::AuthError;
use super::model::{Principal, UserId};
use super::service::AuthService;

/// A change to how an account signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CredentialEvent {
    PasswordChanged,
    PasswordReset,
    MfaEnabled,
    MfaDisabled,
    BackupCodesRegenerated,
    SignedOutEverywhere,
    /// An administrator disabled the account.
    AccountDisabled,
    /// An administrator turned the second factor off, for a lost authenticator.
    MfaReset,
}

/// Which sessions an event ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sessions {
    Kept,
    /// Every session but the one that made the change.
    Others,
    All,
}

/// What an event voids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Voids {
    /// Outstanding password reset codes: one mailed earlier would undo the change.
    reset_codes: bool,
    /// Sign-ins waiting for their second factor.
    challenges: bool,
    /// A pending, unverified authenticator, which a holder of a stolen token may have started.
    pending_setup: bool,
    sessions: Sessions,
}

impl CredentialEvent {
    fn voids(self) -> Voids {
        let none = Voids { reset_codes: false, challenges: false, pending_setup: false, sessions: Sessions::Kept };
        match self {
            Self::PasswordChanged => {
                Voids { reset_codes: true, challenges: true, pending_setup: true, sessions: Sessions::Others }
            }
            // The code is spent by the reset itself.
            Self::PasswordReset => Voids { challenges: true, pending_setup: true, sessions: Sessions::All, ..none },
            // Enabling consumes the pending authenticator.
            Self::MfaEnabled => Voids { challenges: true, sessions: Sessions::Others, ..none },
            // Disabling removes the challenges with the secret.
            Self::MfaDisabled => Voids { sessions: Sessions::Others, ..none },
            // New codes are asked for when old ones may have leaked: a
            // session or a sign-in opened with one ends.
            Self::BackupCodesRegenerated => Voids { challenges: true, sessions: Sessions::Others, ..none },
            Self::SignedOutEverywhere | Self::AccountDisabled => {
                Voids { reset_codes: true, challenges: true, pending_setup: true, sessions: Sessions::All }
            }
            // The secret went with its challenges; whoever held the lost
            // authenticator's sessions signs in again.
            Self::MfaReset => Voids { pending_setup: true, sessions: Sessions::All, ..none },
        }
    }
}

impl AuthService {
    /// Voids what `event` voids (see [`CredentialEvent`]) for `user_id`;
    /// `caller` is the session that made the change, which stays.
    pub(super) async fn void_after(
        &self,
        event: CredentialEvent,
        user_id: UserId,
        caller: Option<&Principal>,
    ) -> Result<(), AuthError> {
        let voids = event.voids();
        if voids.reset_codes {
            self.identity.void_password_resets(user_id).await?;
        }
        if voids.pending_setup {
            self.mfa.cancel_setup(user_id).await?;
        }
        if voids.challenges {
            self.mfa.end_challenges(user_id).await?;
        }
        match (voids.sessions, caller) {
            (Sessions::Kept, _) => {}
            (Sessions::Others, Some(caller)) => self.end_sessions(user_id, Some(&caller.session_id)).await?,
            (Sessions::Others | Sessions::All, _) => self.end_sessions(user_id, None).await?,
        }
        Ok(())
    }
}
