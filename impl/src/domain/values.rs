//! Values parsed at the edge, so that the domain never sees an unchecked string.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use secrecy::{ExposeSecret, SecretString};
use unicode_normalization::UnicodeNormalization;

use super::error::FieldProblem;

/// Longest email address accepted (RFC 5321 path limit).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Longest password accepted; longer inputs are refused, never truncated.
pub const PASSWORD_MAX_CHARS: usize = 256;
/// Longest display name accepted.
pub const NAME_MAX_CHARS: usize = 100;
/// Longest refresh token or MFA session accepted; issued ones are 43 characters.
pub const OPAQUE_TOKEN_MAX_CHARS: usize = 512;

/// An email address in one canonical spelling, so that every spelling of
/// one address names one account:
/// - the local part in NFC and lower case (`A@Example.com` and
///   `a@example.com` are one address);
/// - the domain processed by UTS #46 (IDNA 2008 with its compatibility
///   mapping) and kept in its Unicode form: `x@xn--bcher-kva.example`,
///   `x@BÜCHER.example` and `x@bücher.example` are all `x@bücher.example`.
///   Mail goes to the domain's ASCII form (see the mail adapter).
///
/// Address literals (`[192.0.2.1]`) are kept as they are.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        let too_long = || FieldProblem::new(field, "too_long", format!("must be at most {EMAIL_MAX_CHARS} characters"));
        let invalid = || FieldProblem::new(field, "invalid_email", "must be an email address");
        if raw.chars().count() > EMAIL_MAX_CHARS {
            return Err(too_long());
        }
        let normalised: String = raw.nfc().collect::<String>().to_lowercase();
        let Some((local, domain)) = normalised.rsplit_once('@') else { return Err(invalid()) };
        let domain = if domain.starts_with('[') {
            domain.to_owned()
        } else {
            let ascii = idna::domain_to_ascii(domain).map_err(|_| invalid())?;
            let (unicode, mapped) = idna::domain_to_unicode(&ascii);
            mapped.map_err(|_| invalid())?;
            unicode
        };
        let canonical = format!("{local}@{domain}");
        if canonical.chars().count() > EMAIL_MAX_CHARS {
            return Err(too_long());
        }
        match canonical.parse::<email_address::EmailAddress>() {
            Ok(address) if address.domain().contains('.') || address.domain().starts_with('[') => Ok(Self(canonical)),
            _ => Err(invalid()),
        }
    }

    /// The address with its domain in ASCII (A-labels, RFC 5890), as mail
    /// headers and envelopes without SMTPUTF8 need it.
    pub fn with_ascii_domain(&self) -> String {
        match self.0.rsplit_once('@') {
            Some((local, domain)) if !domain.starts_with('[') => match idna::domain_to_ascii(domain) {
                Ok(ascii) => format!("{local}@{ascii}"),
                Err(_) => self.0.clone(),
            },
            _ => self.0.clone(),
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

/// A password in one canonical form: Unicode NFKC (NIST SP 800-63B
/// §5.1.1.2), so that the same characters typed on keyboards that send
/// them composed (NFC) or decomposed (NFD), or in compatibility forms
/// (full-width letters), are one password. Every hash, every check of the
/// policy and every identity provider gets [`Password::expose`], the
/// normalised text. The text as typed is kept beside it when it differs,
/// only to verify hashes stored before passwords were normalised. Its
/// `Debug` is redacted; it is never logged.
#[derive(Clone)]
pub struct Password {
    normalised: SecretString,
    /// The text as typed, when NFKC changed it.
    as_typed: Option<SecretString>,
}

impl Password {
    /// Any string of 1 to [`PASSWORD_MAX_CHARS`] characters, as typed and
    /// once normalised; the policy for new passwords is applied separately
    /// by [`super::policy::PasswordPolicy`].
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        if raw.is_empty() {
            return Err(FieldProblem::new(field, "required", "must not be empty"));
        }
        let normalised: String = raw.nfkc().collect();
        if raw.chars().count() > PASSWORD_MAX_CHARS || normalised.chars().count() > PASSWORD_MAX_CHARS {
            return Err(FieldProblem::new(
                field,
                "too_long",
                format!("must be at most {PASSWORD_MAX_CHARS} characters, also once Unicode-normalised (NFKC)"),
            ));
        }
        let as_typed = (normalised != raw).then(|| SecretString::from(raw.to_owned()));
        Ok(Self { normalised: SecretString::from(normalised), as_typed })
    }

    /// A random password no one knows: 256 bits as 43 URL-safe base64
    /// characters, with a lower- and an upper-case letter, a digit and a
    /// symbol added so that any provider's policy takes it. For credentials
    /// that must exist before their person chooses a password; never shown.
    pub fn unknowable() -> Self {
        use base64::Engine;
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let random = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        Self { normalised: SecretString::from(format!("{random}aA1!")), as_typed: None }
    }

    /// The password in NFKC.
    pub fn expose(&self) -> &str {
        self.normalised.expose_secret()
    }

    /// The password as typed, when that differs from [`Password::expose`]:
    /// for verifying a hash stored before passwords were normalised, never
    /// for storing a new one.
    pub fn as_typed(&self) -> Option<&str> {
        self.as_typed.as_ref().map(ExposeSecret::expose_secret)
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([redacted])")
    }
}

/// What a name must match: words of letters (with combining accents) from
/// the scripts the contract lists, separated by one space, hyphen,
/// apostrophe or period, or by a period and a space. The contract's `Name`
/// schema carries the same pattern (a test holds the two together), spelt
/// as code point ranges so that every regex engine, a client's or a
/// fuzzer's, reads it as this one does.
pub const NAME_PATTERN: &str = r"^[\u0041-\u005A\u0061-\u007A\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u0386\u0388-\u03FF\u0400-\u0481\u048A-\u052F\u0531-\u0556\u0561-\u0587\u05D0-\u05EA\u0620-\u064A\u0900-\u0963\u0980-\u09E3\u0B80-\u0BE5\u0E01-\u0E3A\u0E40-\u0E4E\u10A0-\u10FF\u1200-\u135A\u1E00-\u1FFF\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF\uAC00-\uD7A3]+(?:(?:[ '\u2019.-]|\. )[\u0041-\u005A\u0061-\u007A\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u0386\u0388-\u03FF\u0400-\u0481\u048A-\u052F\u0531-\u0556\u0561-\u0587\u05D0-\u05EA\u0620-\u064A\u0900-\u0963\u0980-\u09E3\u0B80-\u0BE5\u0E01-\u0E3A\u0E40-\u0E4E\u10A0-\u10FF\u1200-\u135A\u1E00-\u1FFF\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF\uAC00-\uD7A3]+)*\.?$";

#[allow(clippy::expect_used)] // A constant pattern; the tests compile it.
static NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(NAME_PATTERN).expect("NAME_PATTERN compiles"));

/// A person's display name (see [`NAME_PATTERN`]), stored in NFC. Digits,
/// control characters and markup are refused.
#[derive(Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Checks the name as sent, as the contract's schema does, and keeps its
    /// NFC form.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        let chars = raw.chars().count();
        if chars == 0 {
            return Err(FieldProblem::new(field, "required", "must not be empty"));
        }
        if chars > NAME_MAX_CHARS {
            return Err(FieldProblem::new(field, "too_long", format!("must be at most {NAME_MAX_CHARS} characters")));
        }
        if !NAME.is_match(raw) {
            return Err(FieldProblem::new(
                field,
                "invalid_name",
                "may contain only letters, with spaces, hyphens, apostrophes or periods between them",
            ));
        }
        Ok(Self(raw.nfc().collect()))
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

/// A confirmation code as typed: 6 to 10 digits. `Debug` hides it.
#[derive(Clone)]
pub struct ConfirmationCode(SecretString);

impl ConfirmationCode {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        digits(field, raw, 6..=10, "must be 6 to 10 digits").map(Self)
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for ConfirmationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ConfirmationCode([redacted])")
    }
}

/// An opaque refresh token as presented by a client.
#[derive(Clone)]
pub struct RefreshToken(SecretString);

impl RefreshToken {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        opaque(field, raw).map(Self)
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

/// The opaque session of a sign-in waiting for its second factor.
#[derive(Clone)]
pub struct MfaSession(SecretString);

impl MfaSession {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        opaque(field, raw).map(Self)
    }

    /// A session as issued.
    pub fn from_issued(token: String) -> Self {
        Self(SecretString::from(token))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for MfaSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MfaSession([redacted])")
    }
}

/// A non-empty opaque token of at most [`OPAQUE_TOKEN_MAX_CHARS`].
fn opaque(field: &str, raw: &str) -> Result<SecretString, FieldProblem> {
    if raw.is_empty() {
        return Err(FieldProblem::new(field, "required", "must not be empty"));
    }
    if raw.chars().count() > OPAQUE_TOKEN_MAX_CHARS {
        return Err(FieldProblem::new(
            field,
            "too_long",
            format!("must be at most {OPAQUE_TOKEN_MAX_CHARS} characters"),
        ));
    }
    Ok(SecretString::from(raw.to_owned()))
}

/// A code of ASCII digits whose count is in `lengths`.
fn digits(
    field: &str,
    raw: &str,
    lengths: std::ops::RangeInclusive<usize>,
    rule: &str,
) -> Result<SecretString, FieldProblem> {
    if !lengths.contains(&raw.len()) || !raw.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(FieldProblem::new(field, "invalid_code_format", rule));
    }
    Ok(SecretString::from(raw.to_owned()))
}

/// The six digits an authenticator app shows. `Debug` hides them.
#[derive(Clone)]
pub struct TotpCode(SecretString);

impl TotpCode {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        digits(field, raw, 6..=6, "must be 6 digits").map(Self)
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for TotpCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpCode([redacted])")
    }
}

/// The letters of backup codes: Crockford's base32, without the letters
/// easily mistaken for digits.
pub const BACKUP_CODE_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
/// Characters in a backup code, not counting the hyphen in its middle.
pub const BACKUP_CODE_CHARS: usize = 10;

/// A second factor as typed: an authenticator code or a backup code.
#[derive(Clone)]
pub enum MfaCode {
    Totp(TotpCode),
    /// A backup code in canonical form: lower case, no hyphen, with `o`
    /// read as `0` and `i` and `l` as `1`, as Crockford's base32 does.
    Backup(SecretString),
}

impl MfaCode {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldProblem> {
        if raw.len() == 6 {
            return TotpCode::parse(field, raw).map(Self::Totp);
        }
        let compact = match raw.split_once('-') {
            Some((head, tail)) if head.len() == BACKUP_CODE_CHARS / 2 => format!("{head}{tail}"),
            _ => raw.to_owned(),
        };
        if compact.len() != BACKUP_CODE_CHARS || !compact.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
            return Err(FieldProblem::new(field, "invalid_code_format", "must be 6 digits or a backup code"));
        }
        let canonical = compact
            .to_ascii_lowercase()
            .chars()
            .map(|c| match c {
                'o' => '0',
                'i' | 'l' => '1',
                c => c,
            })
            .collect::<String>();
        Ok(Self::Backup(SecretString::from(canonical)))
    }
}

impl fmt::Debug for MfaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Totp(_) => "MfaCode::Totp([redacted])",
            Self::Backup(_) => "MfaCode::Backup([redacted])",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_one_password_in_every_unicode_form() {
        let composed = Password::parse("password", "Ma\u{f1}ana-\u{c7}af\u{e9}-Gr\u{f6}\u{df}e").unwrap();
        let decomposed = Password::parse("password", "Man\u{303}ana-C\u{327}afe\u{301}-Gro\u{308}\u{df}e").unwrap();
        assert_eq!(composed.expose(), decomposed.expose());
        assert_eq!(composed.as_typed(), None, "NFC text of these characters is already NFKC");
        assert_eq!(decomposed.as_typed(), Some("Man\u{303}ana-C\u{327}afe\u{301}-Gro\u{308}\u{df}e"));
        let full_width = Password::parse("password", "\u{ff50}\u{ff41}\u{ff53}\u{ff53}").unwrap();
        assert_eq!(full_width.expose(), "pass");
    }

    #[test]
    fn a_password_too_long_once_normalised_is_refused() {
        // U+FDFA is one character that NFKC spells as eighteen.
        let expanding = "\u{fdfa}".repeat(20);
        let problem = Password::parse("password", &expanding).unwrap_err();
        assert_eq!(problem.code, "too_long");
        assert!(Password::parse("password", &"\u{fdfa}".repeat(14)).is_ok());
    }

    #[test]
    fn emails_differing_only_in_case_are_one_address() {
        let upper = Email::parse("email", "A@Example.com").unwrap();
        let lower = Email::parse("email", "a@example.com").unwrap();
        assert_eq!(upper, lower);
        assert_eq!(lower.as_str(), "a@example.com");
    }

    #[test]
    fn every_spelling_of_a_domain_is_one_address() {
        let canonical = Email::parse("email", "x@b\u{fc}cher.example").unwrap();
        assert_eq!(canonical.as_str(), "x@b\u{fc}cher.example");
        for spelling in [
            "x@xn--bcher-kva.example",
            "X@XN--BCHER-KVA.EXAMPLE",
            "x@B\u{dc}CHER.example",
            "x@bu\u{308}cher.example",
            "x@\u{ff42}\u{fc}cher.example",
        ] {
            assert_eq!(Email::parse("email", spelling).unwrap(), canonical, "{spelling}");
        }
        assert_eq!(canonical.with_ascii_domain(), "x@xn--bcher-kva.example");
        let plain = Email::parse("email", "Ada@Example.COM").unwrap();
        assert_eq!((plain.as_str(), plain.with_ascii_domain().as_str()), ("ada@example.com", "ada@example.com"));
        assert_eq!(Email::parse("email", "a@xn--zz.example").unwrap_err().code, "invalid_email");
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
        for raw in [
            "José Núñez",
            "Zoë O'Brien",
            "Jean-Luc Picard",
            "李小龍",
            "Ólafur Arnalds",
            "Martin Luther King Jr.",
            "J. R. R. Tolkien",
            "Zoë O\u{2019}Brien",
        ] {
            assert!(DisplayName::parse("name", raw).is_ok(), "{raw}");
        }
    }

    /// The parsers are the service's only validation of requests, so their
    /// limits must be the contract's.
    #[test]
    fn the_limits_are_the_ones_in_the_contract() {
        let contract: serde_json::Value =
            serde_norway::from_str(include_str!("../../../contract/openapi.yaml")).unwrap();
        let schemas = &contract["components"]["schemas"];
        assert_eq!(schemas["Name"]["pattern"], NAME_PATTERN);
        assert_eq!((&schemas["Name"]["minLength"], &schemas["Name"]["maxLength"]), (&1.into(), &NAME_MAX_CHARS.into()));
        assert_eq!(schemas["Email"]["maxLength"], EMAIL_MAX_CHARS);
        assert_eq!(schemas["Email"]["format"], "email");
        assert_eq!(
            (&schemas["Password"]["minLength"], &schemas["Password"]["maxLength"]),
            (&1.into(), &PASSWORD_MAX_CHARS.into())
        );
        let least = crate::domain::PasswordPolicy::default().min_length;
        assert_eq!(
            (&schemas["NewPassword"]["minLength"], &schemas["NewPassword"]["maxLength"]),
            (&least.into(), &PASSWORD_MAX_CHARS.into())
        );
        let refresh = &schemas["RefreshRequest"]["properties"]["refreshToken"];
        assert_eq!((&refresh["minLength"], &refresh["maxLength"]), (&1.into(), &OPAQUE_TOKEN_MAX_CHARS.into()));
        let session = &schemas["VerifyMfaRequest"]["properties"]["session"];
        assert_eq!((&session["minLength"], &session["maxLength"]), (&1.into(), &OPAQUE_TOKEN_MAX_CHARS.into()));
        let pattern = |name: &str| Regex::new(schemas[name]["pattern"].as_str().unwrap()).unwrap();
        let (mfa_code, totp_code) = (pattern("MfaCode"), pattern("TotpCode"));
        for raw in
            ["123456", "12345", "1234567", "abcde-fghjk", "ABCDEFGHJK", "abcd-efghjk", "abcde_fghjk", "abcdé-fghj"]
        {
            assert_eq!(mfa_code.is_match(raw), MfaCode::parse("code", raw).is_ok(), "{raw}");
            assert_eq!(totp_code.is_match(raw), TotpCode::parse("code", raw).is_ok(), "{raw}");
        }
    }

    #[test]
    fn names_with_combining_marks_are_accepted() {
        for raw in ["\u{091C}\u{093C}\u{094B}\u{092F}\u{093E}", "\u{095B}\u{094B}\u{092F}\u{093E}", "\u{03B1}\u{0313}"]
        {
            assert!(DisplayName::parse("name", raw).is_ok(), "{raw:?}");
        }
    }

    #[test]
    fn decomposed_names_are_stored_composed() {
        let name = DisplayName::parse("name", "Jose\u{0301}").unwrap();
        assert_eq!(name.as_str(), "Jos\u{e9}");
    }

    #[test]
    fn names_with_markup_controls_digits_or_stray_separators_are_refused() {
        for raw in [
            "<script>alert(1)</script>",
            "Bob\u{0000}",
            "Tab\tName",
            "R2D2",
            " Ada",
            "Ada ",
            "Ada  Lovelace",
            "-Ada",
            "Ada-",
            "a&b",
            "Ada\u{202E}",
        ] {
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

    #[test]
    fn backup_codes_are_read_as_crockford_base32() {
        let canonical = |raw: &str| match MfaCode::parse("code", raw).unwrap() {
            MfaCode::Backup(code) => code.expose_secret().to_owned(),
            MfaCode::Totp(_) => panic!("{raw} read as an authenticator code"),
        };
        assert_eq!(canonical("7KQ2M-X9D4T"), "7kq2mx9d4t");
        assert_eq!(canonical("7kq2mx9d4t"), "7kq2mx9d4t");
        assert_eq!(canonical("O1IL0-abcde"), "01110abcde");
        assert!(matches!(MfaCode::parse("code", "123456").unwrap(), MfaCode::Totp(_)));
        for raw in ["12345", "1234567", "7kq2-mx9d4t", "7kq2mx9d4t-", "7kq2m_x9d4t", "ü234567890", "12345678901"] {
            assert_eq!(MfaCode::parse("code", raw).unwrap_err().code, "invalid_code_format", "{raw}");
        }
    }

    #[test]
    fn second_factors_are_redacted_in_debug_output() {
        let totp = MfaCode::parse("code", "123456").unwrap();
        let backup = MfaCode::parse("code", "abcde-fghjk").unwrap();
        let session = MfaSession::parse("session", "opaque-session").unwrap();
        let shown = format!("{totp:?}{backup:?}{session:?}");
        assert!(!shown.contains("123456") && !shown.contains("abcde") && !shown.contains("opaque"), "{shown}");
    }
}
