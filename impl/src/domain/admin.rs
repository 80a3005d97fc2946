//! Administration: what an administrator does to other accounts. Every
//! operation takes an [`Admin`], which only [`AuthService::admin`] makes,
//! from a caller whose account holds the `admin` role at the time of the
//! request; every change is recorded on the account it changes, naming
//! the administrator, without the administrator's address or device,
//! which the account's user reads in its history and notices.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use super::activity::{ActivityCursor, ActivityPage};
use super::error::{AuthError, FieldProblem};
use super::model::{Account, Principal, User, UserId};
use super::notice::Notice;
use super::roles::{Attributes, Role, Roles};
use super::service::{AuthService, new_account_code};
use super::values::{DisplayName, EMAIL_MAX_CHARS, Email};
use super::voiding::CredentialEvent;
use crate::ports::{SecurityEventKind, SignUp, UserFilter};

/// Accounts a page holds when the caller does not say.
pub const USERS_PAGE_DEFAULT: usize = 20;
/// The most accounts a page holds.
pub const USERS_PAGE_MAX: usize = 100;

/// An administrator, checked for the current request.
#[derive(Debug, Clone, Copy)]
pub struct Admin {
    user_id: UserId,
}

impl Admin {
    pub fn user_id(&self) -> UserId {
        self.user_id
    }
}

/// Where an account stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountStatus {
    /// The address awaits its mailed code.
    Unconfirmed,
    /// The account can sign in.
    Active,
    /// An administrator disabled the account: signing in is refused.
    Disabled,
}

impl AccountStatus {
    pub fn of(user: &User) -> Self {
        match (user.disabled, user.email_verified) {
            (true, _) => Self::Disabled,
            (false, true) => Self::Active,
            (false, false) => Self::Unconfirmed,
        }
    }

    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        match raw {
            "unconfirmed" => Ok(Self::Unconfirmed),
            "active" => Ok(Self::Active),
            "disabled" => Ok(Self::Disabled),
            _ => Err(FieldProblem::new(field, "invalid_enum", "must be one of unconfirmed, active, disabled")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unconfirmed => "unconfirmed",
            Self::Active => "active",
            Self::Disabled => "disabled",
        }
    }
}

/// Which accounts a listing keeps, as an administrator asks.
#[derive(Debug, Clone, Default)]
pub struct UserQuery {
    pub email_prefix: Option<String>,
    pub status: Option<AccountStatus>,
    pub role: Option<Role>,
}

impl UserQuery {
    /// An address prefix as sent (any text of 1 to [`EMAIL_MAX_CHARS`]
    /// characters; one no address starts with matches none), in the
    /// canonical spelling's case and form (NFC, lower case), so that it
    /// matches what the store keeps.
    pub fn email_prefix(field: &str, raw: &str) -> Result<String, FieldProblem> {
        if !(1..=EMAIL_MAX_CHARS).contains(&raw.chars().count()) {
            return Err(FieldProblem::new(
                field,
                "invalid_prefix",
                format!("must be 1 to {EMAIL_MAX_CHARS} characters"),
            ));
        }
        Ok(raw.nfc().collect::<String>().to_lowercase())
    }
}

/// Where a page of accounts starts: after this address (any text of 1
/// to [`EMAIL_MAX_CHARS`] characters; a page's last address continues the
/// listing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserCursor(String);

impl UserCursor {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        if !(1..=EMAIL_MAX_CHARS).contains(&raw.chars().count()) {
            return Err(FieldProblem::new(
                field,
                "invalid_cursor",
                format!("must be 1 to {EMAIL_MAX_CHARS} characters: a nextCursor from an earlier page"),
            ));
        }
        Ok(Self(raw.to_owned()))
    }
}

/// A page of accounts, and the cursor of the next one when there may be more.
#[derive(Debug, Clone)]
pub struct UserPage {
    pub accounts: Vec<Account>,
    pub next_cursor: Option<String>,
}

/// What an administrator changes in an account; `None` leaves it. Roles and
/// attributes come as sent: the configured rules check them.
#[derive(Debug, Clone, Default)]
pub struct AccountUpdate {
    pub name: Option<DisplayName>,
    pub roles: Option<Vec<String>>,
    pub attributes: Option<BTreeMap<String, String>>,
}

/// The account an administrator invites a person to. Roles and attributes
/// come as sent (empty for none): the configured rules check them.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub email: Email,
    pub name: DisplayName,
    pub roles: Vec<String>,
    pub attributes: BTreeMap<String, String>,
}

impl AuthService {
    /// The caller as an administrator: [`AuthError::AdminRequired`] unless
    /// the account holds the `admin` role now (not as its token says: a
    /// role taken away counts from the next request).
    pub async fn admin(&self, principal: &Principal) -> Result<Admin, AuthError> {
        let user = self.user(principal.user_id).await?;
        if user.disabled || !user.roles.contains(&Role::admin()) {
            tracing::info!(user_id = %principal.user_id, "admin operation refused: no admin role");
            return Err(AuthError::AdminRequired);
        }
        Ok(Admin { user_id: principal.user_id })
    }

    /// Accounts in address order: `limit` (1 to [`USERS_PAGE_MAX`]) after
    /// `cursor` that `query` keeps.
    pub async fn admin_list_users(
        &self,
        _admin: &Admin,
        query: &UserQuery,
        cursor: Option<&UserCursor>,
        limit: usize,
    ) -> Result<UserPage, AuthError> {
        if !(1..=USERS_PAGE_MAX).contains(&limit) {
            return Err(FieldProblem::new("limit", "out_of_range", format!("must be 1 to {USERS_PAGE_MAX}")).into());
        }
        let (email_verified, disabled) = match query.status {
            None => (None, None),
            Some(AccountStatus::Unconfirmed) => (Some(false), Some(false)),
            Some(AccountStatus::Active) => (Some(true), Some(false)),
            Some(AccountStatus::Disabled) => (None, Some(true)),
        };
        let filter =
            UserFilter { email_prefix: query.email_prefix.clone(), email_verified, disabled, role: query.role.clone() };
        let (users, more) = self.users.list(&filter, cursor.map(|cursor| cursor.0.as_str()), limit).await?;
        // The page's second factors, read side by side.
        let enabled = futures::future::try_join_all(users.iter().map(|user| self.mfa_enabled(user.id))).await?;
        let accounts =
            users.into_iter().zip(enabled).map(|(user, mfa_enabled)| Account { user, mfa_enabled }).collect();
        Ok(UserPage { accounts, next_cursor: more })
    }

    /// One account; [`AuthError::UserNotFound`] when there is none.
    pub async fn admin_get_user(&self, _admin: &Admin, user_id: UserId) -> Result<Account, AuthError> {
        let user = self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        let mfa_enabled = self.mfa_enabled(user_id).await?;
        Ok(Account { user, mfa_enabled })
    }

    /// Changes an account's name, roles or custom attributes, each checked
    /// first: nothing changes unless all are valid. An administrator cannot
    /// take the `admin` role from their own account
    /// ([`AuthError::SelfActionRefused`]): an organisation must not lose
    /// its last administrator by a slip.
    pub async fn admin_update_user(
        &self,
        admin: &Admin,
        user_id: UserId,
        update: AccountUpdate,
    ) -> Result<Account, AuthError> {
        if update.name.is_none() && update.roles.is_none() && update.attributes.is_none() {
            return Err(
                FieldProblem::new("body", "required", "must name at least one of name, roles, attributes").into()
            );
        }
        let (roles, attributes) = self.checked_claims(update.roles.as_deref(), update.attributes.as_ref())?;
        let mut user = self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        if user_id == admin.user_id && roles.as_ref().is_some_and(|roles| !roles.contains(&Role::admin())) {
            return Err(AuthError::SelfActionRefused);
        }
        if let Some(name) = &update.name
            && *name != user.name
        {
            user = self.users.set_name(user_id, name, self.clock.now()).await?.ok_or(AuthError::UserNotFound)?;
            self.record_by(user_id, SecurityEventKind::NameChanged, Some(admin.user_id), None).await;
        }
        if roles.is_some() || attributes.is_some() {
            let roles = roles.unwrap_or_else(|| user.roles.clone());
            let attributes = attributes.unwrap_or_else(|| user.attributes.clone());
            user = self.set_claims(Some(admin.user_id), &user, roles, attributes).await?;
        }
        let mfa_enabled = self.mfa_enabled(user_id).await?;
        Ok(Account { user, mfa_enabled })
    }

    /// Creates an account for a person by invitation: the address counts
    /// as confirmed, no one knows a password for it, and it is mailed a
    /// code with which the person chooses one (`confirm_password_reset`).
    /// Roles and attributes are checked first, as [`Self::admin_update_user`]
    /// checks them. If a later step fails the earlier ones are undone, as
    /// for a registration: no account stays whose person got no code.
    /// [`AuthError::EmailTaken`] when the address has an account.
    pub async fn admin_create_user(&self, admin: &Admin, invitation: Invitation) -> Result<Account, AuthError> {
        let (roles, attributes) = self.checked_claims(Some(&invitation.roles), Some(&invitation.attributes))?;
        let (roles, attributes) = (roles.unwrap_or_default(), attributes.unwrap_or_default());
        let user_id = match self.identity.invite(&invitation.email).await? {
            SignUp::Created { user_id, .. } => user_id,
            SignUp::EmailTaken => return Err(AuthError::EmailTaken),
        };
        let user = User {
            email_verified: true,
            roles,
            attributes,
            ..self.new_user(user_id, invitation.email, invitation.name)
        };
        self.insert_profile(&user).await?;
        let invited = async {
            // No password until the person chooses one with the mailed
            // code: a provider's identity linked meanwhile is their only
            // way in, and can't be unlinked.
            self.federation.set_passwordless(user_id, true).await?;
            if !(user.roles.is_empty() && user.attributes.is_empty()) {
                self.identity.set_claims(user_id, &user.roles, &user.attributes).await?;
            }
            new_account_code(self.identity.send_invitation_code(&user.email).await)
        };
        if let Err(error) = invited.await {
            self.undo_sign_up(user_id, true).await;
            return Err(error);
        }
        tracing::info!(user_id = %user_id, admin = %admin.user_id, "account created by invitation");
        self.record_by(user_id, SecurityEventKind::Invited, Some(admin.user_id), None).await;
        Ok(Account { user, mfa_enabled: false })
    }

    /// Roles and attributes as sent, each checked by the configured rules
    /// when present, with every problem of both reported at once.
    fn checked_claims(
        &self,
        roles: Option<&[String]>,
        attributes: Option<&BTreeMap<String, String>>,
    ) -> Result<(Option<Roles>, Option<Attributes>), AuthError> {
        let roles = roles.map(|roles| self.account_rules.roles("roles", roles)).transpose();
        let attributes =
            attributes.map(|attributes| self.account_rules.attributes("attributes", attributes)).transpose();
        match (roles, attributes) {
            (Ok(roles), Ok(attributes)) => Ok((roles, attributes)),
            (roles, attributes) => {
                let problems = roles.err().into_iter().chain(attributes.err()).flatten().collect();
                Err(AuthError::InvalidInput(problems))
            }
        }
    }

    /// Disables an account: signing in is refused with
    /// [`AuthError::AccountDisabled`] (once the password is right), and
    /// every session, sign-in challenge and reset code ends at once.
    /// Disabling a disabled account changes nothing more. An administrator
    /// cannot disable their own account ([`AuthError::SelfActionRefused`]).
    pub async fn admin_disable_user(&self, admin: &Admin, user_id: UserId) -> Result<Account, AuthError> {
        if user_id == admin.user_id {
            return Err(AuthError::SelfActionRefused);
        }
        let before = self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        let user = self.users.set_disabled(user_id, true, self.clock.now()).await?.ok_or(AuthError::UserNotFound)?;
        // Always, so that a disable whose sign-out failed can be repeated.
        self.void_after(CredentialEvent::AccountDisabled, user_id, None).await?;
        if !before.disabled {
            tracing::info!(user_id = %user_id, admin = %admin.user_id, "account disabled");
            self.record_by(user_id, SecurityEventKind::AccountDisabled, Some(admin.user_id), None).await;
        }
        let mfa_enabled = self.mfa_enabled(user_id).await?;
        Ok(Account { user, mfa_enabled })
    }

    /// Enables a disabled account: signing in works again (its sessions
    /// stay ended). Enabling an enabled account changes nothing.
    pub async fn admin_enable_user(&self, admin: &Admin, user_id: UserId) -> Result<Account, AuthError> {
        let before = self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        let user = if before.disabled {
            let user =
                self.users.set_disabled(user_id, false, self.clock.now()).await?.ok_or(AuthError::UserNotFound)?;
            tracing::info!(user_id = %user_id, admin = %admin.user_id, "account enabled");
            self.record_by(user_id, SecurityEventKind::AccountEnabled, Some(admin.user_id), None).await;
            user
        } else {
            before
        };
        let mfa_enabled = self.mfa_enabled(user_id).await?;
        Ok(Account { user, mfa_enabled })
    }

    /// Turns a user's second factor off, for one who lost the
    /// authenticator and the backup codes: the secret, the backup codes,
    /// sign-ins waiting for a code and every session end, and the user is
    /// mailed (the `mfa_disabled` notice). [`AuthError::MfaNotEnabled`]
    /// when it is off.
    pub async fn admin_reset_mfa(&self, admin: &Admin, user_id: UserId) -> Result<(), AuthError> {
        self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        if !self.mfa.disable(user_id).await? {
            return Err(AuthError::MfaNotEnabled);
        }
        self.void_after(CredentialEvent::MfaReset, user_id, None).await?;
        tracing::info!(user_id = %user_id, admin = %admin.user_id, "second factor reset by an administrator");
        self.record_by(user_id, SecurityEventKind::MfaDisabled, Some(admin.user_id), None).await;
        Ok(())
    }

    /// Deletes an account with the guarantees of self-deletion (see
    /// [`AuthService::delete_account`]): the address is mailed a notice.
    /// An administrator deletes their own account with `deleteCurrentUser`
    /// ([`AuthError::SelfActionRefused`] here).
    pub async fn admin_delete_user(&self, admin: &Admin, user_id: UserId) -> Result<(), AuthError> {
        if user_id == admin.user_id {
            return Err(AuthError::SelfActionRefused);
        }
        let user = self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        self.erase_account(user_id, &user.email).await?;
        tracing::info!(user_id = %user_id, admin = %admin.user_id, "account deleted by an administrator");
        self.mail_notice(user.email, Notice::AccountDeleted, None).await;
        Ok(())
    }

    /// Signs an account out everywhere, as its user's global sign-out does.
    pub async fn admin_sign_out_user(&self, admin: &Admin, user_id: UserId) -> Result<(), AuthError> {
        self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        self.void_after(CredentialEvent::SignedOutEverywhere, user_id, None).await?;
        tracing::info!(user_id = %user_id, admin = %admin.user_id, "signed out everywhere by an administrator");
        self.record_by(user_id, SecurityEventKind::SignedOut, Some(admin.user_id), None).await;
        Ok(())
    }

    /// An account's activity, as [`AuthService::activity`] gives it to its user.
    pub async fn admin_activity(
        &self,
        _admin: &Admin,
        user_id: UserId,
        cursor: Option<&ActivityCursor>,
        limit: usize,
    ) -> Result<ActivityPage, AuthError> {
        self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        self.activity_of(user_id, cursor, limit).await
    }
}

/// An account's id as sent in a path: a UUID.
pub fn parse_user_id(field: &str, raw: &str) -> Result<UserId, FieldProblem> {
    uuid::Uuid::parse_str(raw).map(UserId).map_err(|_| FieldProblem::new(field, "invalid_user_id", "must be a UUID"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_is_any_text_of_an_address_length() {
        assert_eq!(UserCursor::parse("cursor", "zoë@example.com").unwrap(), UserCursor("zoë@example.com".into()));
        assert_eq!(UserCursor::parse("cursor", "0").unwrap(), UserCursor("0".into()));
        for raw in [String::new(), "x".repeat(EMAIL_MAX_CHARS + 1)] {
            assert_eq!(UserCursor::parse("cursor", &raw).unwrap_err().code, "invalid_cursor");
        }
    }

    #[test]
    fn prefixes_are_compared_in_the_canonical_spelling() {
        assert_eq!(UserQuery::email_prefix("emailPrefix", "ZOE\u{0308}").unwrap(), "zoë");
        assert!(UserQuery::email_prefix("emailPrefix", "").is_err());
        assert!(UserQuery::email_prefix("emailPrefix", &"a".repeat(EMAIL_MAX_CHARS + 1)).is_err());
    }
}
