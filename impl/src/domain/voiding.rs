//! What a change to how an account signs in voids: the artefacts issued
//! before it that could undo the change or outlive it (the README's
//! invalidation table). One place decides every event; the use cases call
//! [`AuthService::void_after`] once the change is durable.
//!
//! Sessions the change ends together with the credential (a password change
//! ends the others, a reset and a sign-out end all) are ended by the
//! adapter in the same write, so that no request sees the new credential
//! beside an old session; this table covers the rest.

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
}

/// What an event voids besides what its adapter call already ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Voids {
    /// Outstanding password reset codes: one mailed earlier would undo the change.
    reset_codes: bool,
    /// Sign-ins waiting for their second factor.
    challenges: bool,
    /// A pending, unverified authenticator, which a holder of a stolen token may have started.
    pending_setup: bool,
    /// Every session but the caller's.
    other_sessions: bool,
}

impl CredentialEvent {
    fn voids(self) -> Voids {
        let none = Voids { reset_codes: false, challenges: false, pending_setup: false, other_sessions: false };
        match self {
            // The other sessions end with the password, in the adapter's write.
            Self::PasswordChanged => Voids { reset_codes: true, challenges: true, pending_setup: true, ..none },
            // The code is spent and every session ends, in the adapter's write.
            Self::PasswordReset => Voids { challenges: true, pending_setup: true, ..none },
            // Enabling consumes the pending authenticator.
            Self::MfaEnabled => Voids { challenges: true, other_sessions: true, ..none },
            // Disabling removes the challenges with the secret.
            Self::MfaDisabled => Voids { other_sessions: true, ..none },
            // New codes are asked for when old ones may have leaked: a
            // session or a sign-in opened with one ends.
            Self::BackupCodesRegenerated => Voids { challenges: true, other_sessions: true, ..none },
            // Every session ends in the adapter's write.
            Self::SignedOutEverywhere => Voids { reset_codes: true, challenges: true, pending_setup: true, ..none },
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
        if let (true, Some(caller)) = (voids.other_sessions, caller) {
            self.identity.sign_out_others(caller).await?;
        }
        if voids.challenges {
            self.mfa.end_challenges(user_id).await?;
        }
        Ok(())
    }
}
