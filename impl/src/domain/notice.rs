//! Security notices: the account's address is told of every change to how
//! it signs in, of a sign-in ended for a reused refresh token and of the
//! account's deletion (OWASP ASVS 4.0.3 V2.2.3, V2.5.5), so
//! that a change the owner did not make is noticed. A notice says what
//! happened, when and from which device; it carries no code and no link,
//! so that nothing in it acts on the account.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tracing::Instrument;

use super::model::UserId;
use super::service::{AuthService, Client};
use super::session::device_label;
use super::values::Email;
use crate::ports::{OutgoingMail, SecurityEventKind};

/// What a notice tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Notice {
    PasswordChanged,
    PasswordReset,
    MfaEnabled,
    MfaDisabled,
    BackupCodesRegenerated,
    /// A refresh token came back after its rotation, and its session ended.
    RefreshTokenReused,
    AccountDeleted,
}

impl Notice {
    /// The notice a recorded event sends, if any: the changes to how the
    /// account signs in that its owner should hear of.
    pub(super) fn of(kind: SecurityEventKind) -> Option<Self> {
        Some(match kind {
            SecurityEventKind::PasswordChanged => Self::PasswordChanged,
            SecurityEventKind::PasswordReset => Self::PasswordReset,
            SecurityEventKind::MfaEnabled => Self::MfaEnabled,
            SecurityEventKind::MfaDisabled => Self::MfaDisabled,
            SecurityEventKind::BackupCodesRegenerated => Self::BackupCodesRegenerated,
            SecurityEventKind::RefreshTokenReused => Self::RefreshTokenReused,
            _ => return None,
        })
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
            Self::MfaEnabled => "mfa_enabled",
            Self::MfaDisabled => "mfa_disabled",
            Self::BackupCodesRegenerated => "backup_codes_regenerated",
            Self::RefreshTokenReused => "refresh_token_reused",
            Self::AccountDeleted => "account_deleted",
        }
    }

    fn subject(self) -> &'static str {
        match self {
            Self::PasswordChanged => "Your password was changed",
            Self::PasswordReset => "Your password was reset",
            Self::MfaEnabled => "Two-step verification was turned on",
            Self::MfaDisabled => "Two-step verification was turned off",
            Self::BackupCodesRegenerated => "New backup codes were created",
            Self::RefreshTokenReused => "A sign-in was ended to protect your account",
            Self::AccountDeleted => "Your account was deleted",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Self::PasswordChanged => {
                "The password of your account was changed. Every other device signed in to it was signed out."
            }
            Self::PasswordReset => {
                "The password of your account was reset with a code mailed to this address. Every device signed \
                 in to it was signed out."
            }
            Self::MfaEnabled => {
                "Two-step verification was turned on for your account: signing in now also takes a code from an \
                 authenticator app. Every other device signed in to it was signed out."
            }
            Self::MfaDisabled => {
                "Two-step verification was turned off for your account: signing in now takes only the password."
            }
            Self::BackupCodesRegenerated => {
                "New backup codes were created for your account. The earlier ones no longer work."
            }
            Self::RefreshTokenReused => {
                "A sign-in to your account was ended because its refresh token was presented again after it had \
                 been replaced, which happens when a token has been copied. Sign in again on that device."
            }
            Self::AccountDeleted => {
                "Your account and everything stored with it were deleted. This address can register again at any \
                 time."
            }
        }
    }

    fn advice(self) -> &'static str {
        match self {
            Self::AccountDeleted => {
                "If you did not delete it, someone had your password and your second factor; contact the \
                 service's support."
            }
            Self::RefreshTokenReused => {
                "If this keeps happening, change your password and review the devices signed in to your account."
            }
            _ => {
                "If this was you, there is nothing to do. If it was not, reset your password now and review the \
                 devices signed in to your account."
            }
        }
    }

    /// The mail to `to`: what happened, at `at`, from `client`.
    fn mail(self, to: Email, at: DateTime<Utc>, client: Option<&Client>) -> OutgoingMail {
        let mut text = format!("{}\n\nWhen: {}\n", self.what(), at.format("%Y-%m-%d %H:%M UTC"));
        if let Some(client) = client {
            text.push_str(&format!("Device: {}\n", device_label(client.user_agent.as_deref())));
            if let Some(ip) = client.ip {
                text.push_str(&format!("Network address: {ip}\n"));
            }
        }
        text.push_str(&format!("\n{}\n", self.advice()));
        OutgoingMail { to, subject: self.subject().to_owned(), text }
    }
}

impl AuthService {
    /// Mails `notice` to the user's address. Best effort, like recording
    /// the event: what it tells of has happened, so a failure is logged.
    pub(super) async fn notify(&self, user_id: UserId, notice: Notice, client: Option<&Client>) {
        match self.users.get(user_id).await {
            Ok(Some(user)) => self.mail_notice(user.email, notice, client).await,
            Ok(None) => tracing::warn!(user_id = %user_id, notice = notice.as_str(), "no address to mail a notice to"),
            Err(error) => {
                tracing::warn!(user_id = %user_id, notice = notice.as_str(), error = %error, "could not mail a notice");
            }
        }
    }

    /// Mails `notice` to `to`, after the answer where work can go on after
    /// it: a slow mail server does not hold up the operation.
    pub(super) async fn mail_notice(&self, to: Email, notice: Notice, client: Option<&Client>) {
        let mail = notice.mail(to, self.clock.now(), client);
        let mailer = Arc::clone(&self.mailer);
        let send = async move {
            match mailer.send(&mail).await {
                Ok(()) => tracing::info!(notice = notice.as_str(), "security notice mailed"),
                Err(error) => tracing::warn!(notice = notice.as_str(), error = %error, "could not mail a notice"),
            }
        };
        if self.work_after_answer {
            tokio::spawn(send.instrument(tracing::Span::current()));
        } else {
            send.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY: [Notice; 7] = [
        Notice::PasswordChanged,
        Notice::PasswordReset,
        Notice::MfaEnabled,
        Notice::MfaDisabled,
        Notice::BackupCodesRegenerated,
        Notice::RefreshTokenReused,
        Notice::AccountDeleted,
    ];

    #[test]
    fn a_notice_names_the_time_and_device_and_carries_no_link_or_code() {
        let client = Client {
            ip: Some("203.0.113.7".parse().unwrap()),
            user_agent: Some(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0".to_owned(),
            ),
        };
        let at = DateTime::parse_from_rfc3339("2026-11-30T06:12:45Z").unwrap().with_timezone(&Utc);
        for notice in EVERY {
            let mail = notice.mail(Email::parse("to", "ada@example.com").unwrap(), at, Some(&client));

            assert!(mail.text.contains("When: 2026-11-30 06:12 UTC"), "{notice:?}: {}", mail.text);
            assert!(mail.text.contains("Device: Firefox on macOS"), "{notice:?}: {}", mail.text);
            assert!(mail.text.contains("203.0.113.7"), "{notice:?}: {}", mail.text);
            assert!(!mail.text.contains("://") && !mail.text.contains("www."), "{notice:?}: {}", mail.text);
            let digits = mail.text.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
            assert!(digits < 6, "{notice:?} has a run of {digits} digits: {}", mail.text);
        }
    }

    #[test]
    fn the_changes_to_how_an_account_signs_in_send_a_notice_and_routine_events_do_not() {
        let noticed: Vec<_> = SecurityEventKind::ALL.into_iter().filter(|kind| Notice::of(*kind).is_some()).collect();

        assert_eq!(
            noticed,
            [
                SecurityEventKind::PasswordChanged,
                SecurityEventKind::PasswordReset,
                SecurityEventKind::MfaEnabled,
                SecurityEventKind::MfaDisabled,
                SecurityEventKind::BackupCodesRegenerated,
                SecurityEventKind::RefreshTokenReused,
            ]
        );
    }
}
