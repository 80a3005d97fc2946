//! The password policy applied to new passwords.

use serde::Deserialize;

use super::error::FieldProblem;
use super::values::{PASSWORD_MAX_CHARS, Password};

/// Rules for new passwords. Composition rules are off by default (NIST SP
/// 800-63B advises against them); turn them on to mirror a Cognito pool.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PasswordPolicy {
    pub min_length: usize,
    pub require_lowercase: bool,
    pub require_uppercase: bool,
    pub require_digit: bool,
    pub require_symbol: bool,
    /// Refuse the passwords of a list of about 100,000 that are most often
    /// found in breaches, whatever their letter case.
    pub reject_common: bool,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self {
            min_length: 8,
            require_lowercase: false,
            require_uppercase: false,
            require_digit: false,
            require_symbol: false,
            reject_common: true,
        }
    }
}

impl PasswordPolicy {
    /// Checks a new password; the problem names the first rule it breaks.
    pub fn check(&self, field: &str, password: &Password) -> Result<(), FieldProblem> {
        let text = password.expose();
        if text.chars().count() < self.min_length {
            return Err(FieldProblem::new(
                field,
                "too_short",
                format!("must be at least {} characters", self.min_length),
            ));
        }
        let rules: [CompositionRule; 4] = [
            (self.require_lowercase, char::is_lowercase, "missing_lowercase", "must contain a lowercase letter"),
            (self.require_uppercase, char::is_uppercase, "missing_uppercase", "must contain an uppercase letter"),
            (self.require_digit, |c| c.is_ascii_digit(), "missing_digit", "must contain a digit"),
            (self.require_symbol, is_symbol, "missing_symbol", "must contain a symbol"),
        ];
        for (required, matches, code, message) in rules {
            if required && !text.chars().any(matches) {
                return Err(FieldProblem::new(field, code, message));
            }
        }
        if self.reject_common && is_common(text) {
            return Err(FieldProblem::new(field, "too_common", "is one of the most commonly used passwords"));
        }
        Ok(())
    }

    /// Refuses settings that would make the policy meaningless.
    pub fn validate(&self) -> Result<(), String> {
        // The contract promises new passwords of 8 characters are long enough
        // for the length rule; a policy may only ask for more.
        if self.min_length < 8 || self.min_length > PASSWORD_MAX_CHARS {
            return Err(format!("password.min_length must be between 8 and {PASSWORD_MAX_CHARS}"));
        }
        Ok(())
    }
}

/// Whether the rule is on, what a character must be, the rule's code and message.
type CompositionRule = (bool, fn(char) -> bool, &'static str, &'static str);

/// Symbols as Cognito counts them: anything that is not a letter, digit or space.
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Whether the password, as typed or in lower case, is on the common
/// passwords list of the `passwords` crate (99,838 entries from breach
/// corpora, including variants such as `p@ssw0rd` and `qwerty123`).
fn is_common(password: &str) -> bool {
    passwords::analyzer::is_common_password(password)
        || passwords::analyzer::is_common_password(password.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(policy: &PasswordPolicy, raw: &str) -> Result<(), &'static str> {
        policy.check("password", &Password::parse("password", raw).unwrap()).map_err(|p| p.code)
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        let policy = PasswordPolicy::default();
        for raw in [
            "password",
            "Password",
            "PASSWORD1",
            "12345678",
            "qwertyuiop",
            "iloveyou",
            "p@ssw0rd",
            "baseball",
            "sunshine",
        ] {
            assert_eq!(check(&policy, raw), Err("too_common"), "{raw}");
        }
    }

    #[test]
    fn uncommon_passwords_pass_the_default_policy() {
        let policy = PasswordPolicy::default();
        for raw in ["correct horse battery staple", "Tr0ub4dor&3x", "zq8#Lm2!pW", "gräßliche Öfen 42"] {
            assert_eq!(check(&policy, raw), Ok(()), "{raw}");
        }
    }

    #[test]
    fn long_passwords_are_accepted_in_full() {
        let policy = PasswordPolicy::default();
        let long: String = "Lorem ipsum dolor sit amet 123 ".repeat(8).chars().take(PASSWORD_MAX_CHARS).collect();
        assert_eq!(check(&policy, &long), Ok(()));
        assert_eq!(check(&policy, &"abcdefgh".repeat(8)[..64]), Ok(()));
    }

    #[test]
    fn the_first_broken_rule_is_named() {
        let strict = PasswordPolicy {
            require_lowercase: true,
            require_uppercase: true,
            require_digit: true,
            require_symbol: true,
            ..PasswordPolicy::default()
        };
        assert_eq!(check(&strict, "short"), Err("too_short"));
        assert_eq!(check(&strict, "ALLUPPER1!"), Err("missing_lowercase"));
        assert_eq!(check(&strict, "alllower1!"), Err("missing_uppercase"));
        assert_eq!(check(&strict, "NoDigits!!"), Err("missing_digit"));
        assert_eq!(check(&strict, "NoSymbol12"), Err("missing_symbol"));
        assert_eq!(check(&strict, "Fine-Pass-42"), Ok(()));
    }

    #[test]
    fn minimum_length_counts_characters_not_bytes() {
        let policy = PasswordPolicy::default();
        assert_eq!(check(&policy, "ééééééé"), Err("too_short"));
        assert_eq!(check(&policy, "éàüöçñøå"), Ok(()));
    }
}
