//! Values parsed at the edge, so that the domain never sees an unchecked string.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use unicode_normalization::UnicodeNormalization;

use super::error::FieldProblem;

/// Longest email address accepted (RFC 5321 path limit).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Longest password accepted; longer inputs are refused, never truncated.
pub const PASSWORD_MAX_CHARS: usize = 256;
/// Longest display name accepted.
pub const NAME_MAX_CHARS: usize = 100;

/// An email address, normalised (NFC, lower case) so that `A@Example.com`
/// and `a@example.com` name one account.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        if raw.chars().count() > EMAIL_MAX_CHARS {
            return Err(FieldProblem::new(field, "too_long", format!("must be at most {EMAIL_MAX_CHARS} characters")));
        }
        let normalised: String = raw.nfc().collect::<String>().to_lowercase();
        match normalised.parse::<email_address::EmailAddress>() {
            Ok(address) if address.domain().contains('.') || address.domain().starts_with('[') => Ok(Self(normalised)),
            _ => Err(FieldProblem::new(field, "invalid_email", "must be an email address")),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({})", self.0)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A password as typed. Its `Debug` is redacted; it is never logged.
#[derive(Clone)]
pub struct Password(SecretString);

impl Password {
    /// Any string of 1 to [`PASSWORD_MAX_CHARS`] characters; the policy for new
    /// passwords is applied separately by [`super::policy::PasswordPolicy`].
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        let chars = raw.chars().count();
        if chars == 0 {
            return Err(FieldProblem::new(field, "required", "must not be empty"));
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(FieldProblem::new(field, "too_long", format!("must be at most {PASSWORD_MAX_CHARS} characters")));
        }
        Ok(Self(SecretString::from(raw.to_owned())))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([redacted])")
    }
}

/// A person's display name: letters and combining marks, with single spaces,
/// hyphens, apostrophes or periods between them. Control characters, digits
/// and markup are refused. Stored in NFC.
#[derive(Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        let name: String = raw.nfc().collect();
        let chars = name.chars().count();
        if chars == 0 {
            return Err(FieldProblem::new(field, "required", "must not be empty"));
        }
        if chars > NAME_MAX_CHARS {
            return Err(FieldProblem::new(field, "too_long", format!("must be at most {NAME_MAX_CHARS} characters")));
        }
        if !is_well_formed_name(&name) {
            return Err(FieldProblem::new(
                field,
                "invalid_name",
                "may contain only letters, with spaces, hyphens, apostrophes or periods between them",
            ));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A name read back from storage, where it was stored after parsing.
    pub fn from_trusted(stored: String) -> Self {
        Self(stored)
    }
}

impl fmt::Debug for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DisplayName({})", self.0)
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.')
}

/// `word (separator word)* "."?`, where a word is a run of letters and a
/// separator is one space, hyphen, apostrophe or period, or a period and a
/// space ("J. R. R. Tolkien", "Martin Luther King Jr.").
fn is_well_formed_name(name: &str) -> bool {
    let mut rest = name;
    loop {
        let word = rest.find(|c: char| !is_letter(c)).unwrap_or(rest.len());
        if word == 0 {
            return false;
        }
        rest = &rest[word..];
        if rest.is_empty() || rest == "." {
            return true;
        }
        let separator = match rest.chars().next() {
            _ if rest.starts_with(". ") => 2,
            Some(c) if is_separator(c) => c.len_utf8(),
            _ => return false,
        };
        rest = &rest[separator..];
    }
}

/// An opaque refresh token as presented by a client.
#[derive(Clone)]
pub struct RefreshToken(SecretString);

impl RefreshToken {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        if raw.is_empty() {
            return Err(FieldProblem::new(field, "required", "must not be empty"));
        }
        Ok(Self(SecretString::from(raw.to_owned())))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for RefreshToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RefreshToken([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_differing_only_in_case_are_one_address() {
        let upper = Email::parse("email", "A@Example.com").unwrap();
        let lower = Email::parse("email", "a@example.com").unwrap();
        assert_eq!(upper, lower);
        assert_eq!(lower.as_str(), "a@example.com");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for raw in ["", "plain", "a@", "@b.com", "a b@c.com", "a@b", "<a@b.com>"] {
            let problem = Email::parse("email", raw).unwrap_err();
            assert_eq!(problem.code, "invalid_email", "{raw}");
        }
    }

    #[test]
    fn names_in_many_scripts_are_accepted() {
        for raw in ["José Núñez", "Zoë O'Brien", "Jean-Luc Picard", "李小龍", "Ólafur Arnalds", "Martin Luther King Jr.", "J. R. R. Tolkien", "Zoë O\u{2019}Brien"] {
            assert!(DisplayName::parse("name", raw).is_ok(), "{raw}");
        }
    }

    #[test]
    fn decomposed_names_are_stored_composed() {
        let name = DisplayName::parse("name", "Jose\u{0301}").unwrap();
        assert_eq!(name.as_str(), "Jos\u{e9}");
    }

    #[test]
    fn names_with_markup_controls_digits_or_stray_separators_are_refused() {
        for raw in ["<script>alert(1)</script>", "Bob\u{0000}", "Tab\tName", "R2D2", " Ada", "Ada ", "Ada  Lovelace", "-Ada", "Ada-", "a&b", "Ada\u{202E}"] {
            let problem = DisplayName::parse("name", raw).unwrap_err();
            assert_eq!(problem.code, "invalid_name", "{raw:?}");
        }
    }

    #[test]
    fn passwords_longer_than_the_limit_are_refused_not_truncated() {
        let exact = "x".repeat(PASSWORD_MAX_CHARS);
        assert_eq!(Password::parse("password", &exact).unwrap().expose(), exact);
        let longer = "x".repeat(PASSWORD_MAX_CHARS + 1);
        assert_eq!(Password::parse("password", &longer).unwrap_err().code, "too_long");
    }

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let password = Password::parse("password", "hunter2hunter2").unwrap();
        let token = RefreshToken::parse("refreshToken", "abcdef").unwrap();
        assert!(!format!("{password:?}{token:?}").contains("hunter2"));
        assert!(!format!("{token:?}").contains("abcdef"));
    }
}
