//! Roles and custom attributes: what an administrator grants an account,
//! and what its tokens carry so that services downstream can authorise
//! offline. Only an administrator (or the operator's `auth-server admin
//! grant`) sets them; no route lets users set their own.
//!
//! Which roles exist and which attributes an account may have, with each
//! attribute's rule, is configuration ([`AccountSettings`]); the tokens
//! carry them as each backend documents (a `roles` claim and `custom:NAME`
//! id-token claims on the embedded backend, Cognito groups and custom
//! attributes on AWS). A change reaches the tokens issued from then on:
//! at the next refresh at the latest.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::LazyLock;

use anyhow::anyhow;
use regex::Regex;
use serde::Deserialize;

use super::error::{AuthError, FieldProblem};
use super::model::{User, UserId};
use super::service::AuthService;
use super::values::Email;
use crate::ports::SecurityEventKind;

/// A role name: 1 to 32 of `a-z0-9_-`, starting with a letter, such as
/// `admin` or `employee`; it names a Cognito group on AWS.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Role(String);

static ROLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[a-z][a-z0-9_-]{0,31}$").unwrap_or_else(|_| unreachable!("the pattern is valid")));

/// A custom attribute's name: 1 to 20 of `a-z0-9_`, starting with a letter
/// (Cognito allows 20 characters after `custom:`; lower case survives
/// `AUTH_…` environment variables, whose keys are case-insensitive).
static ATTRIBUTE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[a-z][a-z0-9_]{0,19}$").unwrap_or_else(|_| unreachable!("the pattern is valid")));

impl Role {
    /// The role whose holders may use the admin API.
    pub fn admin() -> Self {
        Self("admin".to_owned())
    }

    /// A role name as sent; whether the role exists is
    /// [`AccountRules::roles`]'s to say.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        if ROLE.is_match(raw) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(FieldProblem::new(
                field,
                "invalid_role",
                "must be 1 to 32 of a-z, 0-9, '_' or '-', starting with a letter",
            ))
        }
    }

    /// A role read back from storage, where it was stored after parsing.
    pub fn from_trusted(stored: String) -> Self {
        Self(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Role({})", self.0)
    }
}

/// An account's roles, in name order.
pub type Roles = BTreeSet<Role>;

/// An account's custom attributes: name to value, in name order.
pub type Attributes = BTreeMap<String, String>;

/// The longest value any custom attribute may have (Cognito's limit for a
/// string attribute).
pub const ATTRIBUTE_VALUE_MAX_CHARS: usize = 2048;
/// The most roles the configuration may declare.
pub const ROLES_MAX: usize = 32;
/// The most custom attributes the configuration may declare (Cognito
/// allows 50 per user pool).
pub const ATTRIBUTES_MAX: usize = 50;

/// One custom attribute's rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AttributeRule {
    /// The longest value, in characters: 1 to [`ATTRIBUTE_VALUE_MAX_CHARS`].
    pub max_chars: usize,
    /// A regular expression (Rust `regex` syntax) the whole value must
    /// match, such as `E[0-9]{6}`.
    pub pattern: Option<String>,
}

impl Default for AttributeRule {
    fn default() -> Self {
        Self { max_chars: 256, pattern: None }
    }
}

/// Which roles exist and which custom attributes an account may have: the
/// `[accounts]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccountSettings {
    /// The roles an administrator may grant; `admin` always exists.
    pub roles: Vec<String>,
    /// Custom attributes by name.
    pub attributes: BTreeMap<String, AttributeRule>,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self { roles: vec!["admin".to_owned()], attributes: BTreeMap::new() }
    }
}

impl AccountSettings {
    /// The rules these settings make, or what is wrong with them.
    pub fn rules(&self) -> Result<AccountRules, String> {
        let mut roles = Roles::from([Role::admin()]);
        for name in &self.roles {
            let role =
                Role::parse("role", name).map_err(|problem| format!("accounts.roles: {name:?} {}", problem.message))?;
            roles.insert(role);
        }
        if roles.len() > ROLES_MAX {
            return Err(format!("accounts.roles: at most {ROLES_MAX} roles"));
        }
        if self.attributes.len() > ATTRIBUTES_MAX {
            return Err(format!("accounts.attributes: at most {ATTRIBUTES_MAX} attributes"));
        }
        let mut attributes = BTreeMap::new();
        for (name, rule) in &self.attributes {
            if !ATTRIBUTE_NAME.is_match(name) {
                return Err(format!(
                    "accounts.attributes: {name:?} must be 1 to 20 of a-z, 0-9 or '_', starting with a letter"
                ));
            }
            if !(1..=ATTRIBUTE_VALUE_MAX_CHARS).contains(&rule.max_chars) {
                return Err(format!("accounts.attributes.{name}.max_chars must be 1 to {ATTRIBUTE_VALUE_MAX_CHARS}"));
            }
            let pattern = rule
                .pattern
                .as_deref()
                .map(|pattern| Regex::new(&format!("^(?:{pattern})$")))
                .transpose()
                .map_err(|error| format!("accounts.attributes.{name}.pattern: {error}"))?;
            attributes.insert(name.clone(), CompiledRule { max_chars: rule.max_chars, pattern });
        }
        Ok(AccountRules { roles, attributes })
    }
}

#[derive(Debug, Clone)]
struct CompiledRule {
    max_chars: usize,
    pattern: Option<Regex>,
}

/// The roles that exist and the custom attributes' rules, checked.
#[derive(Debug, Clone)]
pub struct AccountRules {
    roles: Roles,
    attributes: BTreeMap<String, CompiledRule>,
}

impl Default for AccountRules {
    fn default() -> Self {
        Self { roles: Roles::from([Role::admin()]), attributes: BTreeMap::new() }
    }
}

impl AccountRules {
    /// The roles that exist, `admin` among them.
    pub fn known_roles(&self) -> &Roles {
        &self.roles
    }

    /// The declared custom attributes' names.
    pub fn attribute_names(&self) -> impl Iterator<Item = &str> {
        self.attributes.keys().map(String::as_str)
    }

    /// Roles as sent under `field`: each a known role, none twice.
    pub fn roles(&self, field: &str, raw: &[String]) -> Result<Roles, Vec<FieldProblem>> {
        let mut roles = Roles::new();
        let mut problems = Vec::new();
        for (index, name) in raw.iter().enumerate() {
            let at = format!("{field}[{index}]");
            match Role::parse(&at, name) {
                Ok(role) if !self.roles.contains(&role) => problems.push(FieldProblem::new(
                    &at,
                    "unknown_role",
                    format!("must be one of: {}", self.roles.iter().map(Role::as_str).collect::<Vec<_>>().join(", ")),
                )),
                Ok(role) => {
                    if !roles.insert(role) {
                        problems.push(FieldProblem::new(&at, "duplicate_role", "is listed twice"));
                    }
                }
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() { Ok(roles) } else { Err(problems) }
    }

    /// Custom attributes as sent under `field`: each declared, each value
    /// within its rule.
    pub fn attributes<'a>(
        &self,
        field: &str,
        raw: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Result<Attributes, Vec<FieldProblem>> {
        let mut attributes = Attributes::new();
        let mut problems = Vec::new();
        for (name, value) in raw {
            let at = format!("{field}.{name}");
            let Some(rule) = self.attributes.get(name) else {
                problems.push(FieldProblem::new(&at, "unknown_attribute", "is not a declared custom attribute"));
                continue;
            };
            let chars = value.chars().count();
            if chars == 0 {
                problems.push(FieldProblem::new(&at, "required", "must not be empty; leave it out to remove it"));
            } else if chars > rule.max_chars {
                problems.push(FieldProblem::new(
                    &at,
                    "too_long",
                    format!("must be at most {} characters", rule.max_chars),
                ));
            } else if value.chars().any(char::is_control) {
                problems.push(FieldProblem::new(&at, "invalid_attribute", "must not contain control characters"));
            } else if rule.pattern.as_ref().is_some_and(|pattern| !pattern.is_match(value)) {
                problems.push(FieldProblem::new(&at, "invalid_attribute", "does not match the attribute's pattern"));
            } else {
                attributes.insert(name.clone(), value.clone());
            }
        }
        if problems.is_empty() { Ok(attributes) } else { Err(problems) }
    }
}

/// Who changed an account, as its history records it: an administrator,
/// or the operator at the command line (`None`).
pub type Actor = Option<UserId>;

impl AuthService {
    /// Grants `role` to the account with `email`, for the operator at the
    /// command line (`auth-server admin grant`): the way to the first
    /// administrator. Granting a role the account has changes nothing.
    /// [`AuthError::UserNotFound`] when no account has the address.
    pub async fn grant_role(&self, email: &Email, role: &str) -> Result<User, AuthError> {
        let roles = self.account_rules.roles("role", &[role.to_owned()])?;
        let user_id = self.users.id_by_email(email).await?.ok_or(AuthError::UserNotFound)?;
        let user = self.users.get(user_id).await?.ok_or(AuthError::UserNotFound)?;
        let roles = user.roles.union(&roles).cloned().collect();
        let attributes = user.attributes.clone();
        self.set_claims(None, &user, roles, attributes).await
    }

    /// Stores `user`'s new roles and attributes, records each change
    /// naming `actor`, then hands them to the identity provider for the
    /// tokens it issues from now on. The profile is the authority and is
    /// written first; the provider is told every time, changed or not, so
    /// that making the same change again after a failure in between brings
    /// the tokens in line.
    pub(super) async fn set_claims(
        &self,
        actor: Actor,
        user: &User,
        roles: Roles,
        attributes: Attributes,
    ) -> Result<User, AuthError> {
        let (roles_changed, attributes_changed) = (roles != user.roles, attributes != user.attributes);
        let updated = if roles_changed || attributes_changed {
            self.users
                .set_claims(user.id, &roles, &attributes, self.clock.now())
                .await?
                .ok_or_else(|| AuthError::Internal(anyhow!("user {} has no profile", user.id)))?
        } else {
            user.clone()
        };
        if roles_changed {
            tracing::info!(user_id = %user.id, actor = ?actor.map(|id| id.to_string()), "roles changed");
            self.record_by(user.id, SecurityEventKind::RolesChanged, actor, None).await;
        }
        if attributes_changed {
            self.record_by(user.id, SecurityEventKind::AttributesChanged, actor, None).await;
        }
        self.identity.set_claims(user.id, &roles, &attributes).await?;
        Ok(updated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> AccountRules {
        AccountSettings {
            roles: vec!["employee".into()],
            attributes: BTreeMap::from([
                ("department".into(), AttributeRule { max_chars: 8, pattern: None }),
                ("employee_id".into(), AttributeRule { max_chars: 16, pattern: Some("E[0-9]{6}".into()) }),
            ]),
        }
        .rules()
        .unwrap()
    }

    #[test]
    fn admin_always_exists_and_only_declared_roles_are_granted() {
        let rules = rules();
        fn names(roles: &Roles) -> Vec<&str> {
            roles.iter().map(Role::as_str).collect()
        }
        assert_eq!(names(rules.known_roles()), ["admin", "employee"]);
        assert_eq!(names(&rules.roles("roles", &["employee".into(), "admin".into()]).unwrap()), ["admin", "employee"]);
        let problems = rules.roles("roles", &["root".into(), "Admin".into(), "employee".into(), "employee".into()]);
        let codes: Vec<_> = problems.unwrap_err().into_iter().map(|problem| (problem.field, problem.code)).collect();
        assert_eq!(
            codes,
            [
                ("roles[0]".into(), "unknown_role"),
                ("roles[1]".into(), "invalid_role"),
                ("roles[3]".into(), "duplicate_role")
            ]
        );
    }

    #[test]
    fn attributes_keep_their_rules() {
        let rules = rules();
        let sent = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())).collect()
        };
        let set = rules.attributes("attributes", &sent(&[("employee_id", "E123456")])).unwrap();
        assert_eq!(set, Attributes::from([("employee_id".into(), "E123456".into())]));
        let refused = rules
            .attributes(
                "attributes",
                &sent(&[("department", "much too long"), ("employee_id", "E12345X"), ("role", "admin")]),
            )
            .unwrap_err();
        let codes: Vec<_> = refused.into_iter().map(|problem| (problem.field, problem.code)).collect();
        assert_eq!(
            codes,
            [
                ("attributes.department".into(), "too_long"),
                ("attributes.employee_id".into(), "invalid_attribute"),
                ("attributes.role".into(), "unknown_attribute")
            ]
        );
        let empty = rules.attributes("attributes", &sent(&[("department", "")]));
        assert_eq!(empty.unwrap_err()[0].code, "required");
        let control = rules.attributes("attributes", &sent(&[("department", "a\nb")]));
        assert_eq!(control.unwrap_err()[0].code, "invalid_attribute");
    }

    #[test]
    fn settings_that_cannot_work_are_refused() {
        let bad = |settings: AccountSettings| settings.rules().unwrap_err();
        let attribute = |name: &str, rule: AttributeRule| AccountSettings {
            roles: vec![],
            attributes: BTreeMap::from([(name.to_owned(), rule)]),
        };
        assert!(
            bad(AccountSettings { roles: vec!["Admins".into()], attributes: BTreeMap::new() })
                .contains("accounts.roles")
        );
        assert!(bad(attribute("employeeId", AttributeRule::default())).contains("employeeId"));
        assert!(bad(attribute("a", AttributeRule { max_chars: 0, pattern: None })).contains("max_chars"));
        assert!(bad(attribute("a", AttributeRule { max_chars: 9, pattern: Some("(".into()) })).contains("pattern"));
    }

    #[test]
    fn a_pattern_must_match_the_whole_value() {
        let rules = rules();
        let set =
            |value: &str| rules.attributes("attributes", &Attributes::from([("employee_id".into(), value.into())]));
        assert!(set("E123456").is_ok());
        assert!(set("xE123456").is_err());
        assert!(set("E1234567").is_err());
    }
}
