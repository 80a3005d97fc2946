//! The service's configuration: one typed structure with safe defaults,
//! read from an optional TOML file and overridden by `AUTH_…` environment
//! variables (`AUTH_SERVER__PORT=9000` sets `server.port`). Unknown keys are
//! refused, so that a misspelt setting cannot silently fall back to a default.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;

use crate::adapters::aws::AwsConfig;
use crate::adapters::mail::{OutboxConfig, SesConfig, SmtpConfig};
use crate::domain::{
    AccountSettings, AddressGrouping, LoginLimits, MfaSettings, PasswordPolicy, ResetSettings, SessionPolicy,
    SignupSettings,
};

/// The environment variable prefix for overrides.
pub const ENV_PREFIX: &str = "AUTH_";
/// The environment variable naming a configuration file.
pub const CONFIG_FILE_ENV: &str = "AUTH_CONFIG";

/// The longest session lifetime accepted, absolute or idle: 10 years, far
/// within what a timestamp holds.
const SESSION_TTL_MAX_SECS: u64 = 10 * 365 * 24 * 60 * 60;

/// Token and session lifetimes, and the names the embedded backend's
/// tokens carry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TokenSettings {
    /// `iss` of every token; verifiers compare it exactly.
    pub issuer: String,
    /// `aud` of every token.
    pub audience: String,
    pub access_ttl_secs: u64,
    /// Absolute lifetime of a sign-in: refreshing does not extend it.
    pub refresh_ttl_secs: u64,
    /// How long after a rotation the old refresh token still yields the
    /// same successor, for clients that refresh twice concurrently.
    pub refresh_reuse_grace_secs: u64,
    /// Idle lifetime of a sign-in: without a refresh for this long, it ends.
    pub session_idle_ttl_secs: u64,
}

impl Default for TokenSettings {
    fn default() -> Self {
        Self {
            issuer: "http://127.0.0.1:8080".to_owned(),
            audience: "auth-service".to_owned(),
            access_ttl_secs: 15 * 60,
            refresh_ttl_secs: 30 * 24 * 60 * 60,
            refresh_reuse_grace_secs: 10,
            session_idle_ttl_secs: 14 * 24 * 60 * 60,
        }
    }
}

impl TokenSettings {
    pub fn validate(&self) -> Result<(), String> {
        if self.issuer.is_empty() || self.audience.is_empty() {
            return Err("tokens.issuer and tokens.audience must not be empty".to_owned());
        }
        if !(60..=24 * 60 * 60).contains(&self.access_ttl_secs) {
            return Err("tokens.access_ttl_secs must be between 60 and 86400".to_owned());
        }
        if !(self.access_ttl_secs..=SESSION_TTL_MAX_SECS).contains(&self.refresh_ttl_secs) {
            return Err(format!(
                "tokens.refresh_ttl_secs must be between tokens.access_ttl_secs and {SESSION_TTL_MAX_SECS} (10 years)"
            ));
        }
        if self.refresh_reuse_grace_secs > 60 {
            return Err("tokens.refresh_reuse_grace_secs must be at most 60".to_owned());
        }
        if !(self.access_ttl_secs..=SESSION_TTL_MAX_SECS).contains(&self.session_idle_ttl_secs) {
            return Err(format!(
                "tokens.session_idle_ttl_secs must be between tokens.access_ttl_secs and {SESSION_TTL_MAX_SECS} (10 years)"
            ));
        }
        Ok(())
    }

    /// The domain's session rules these settings make.
    pub fn session_policy(&self) -> SessionPolicy {
        SessionPolicy {
            absolute: Duration::from_secs(self.refresh_ttl_secs),
            idle: Duration::from_secs(self.session_idle_ttl_secs),
            reuse_grace: Duration::from_secs(self.refresh_reuse_grace_secs),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where credentials and data live.
    pub backend: Backend,
    pub server: ServerConfig,
    pub storage: StorageConfig,
    pub tokens: TokenSettings,
    pub password: PasswordPolicy,
    pub login: LoginLimits,
    pub signup: SignupSettings,
    pub password_reset: ResetSettings,
    pub mfa: MfaSettings,
    /// Roles and custom attributes.
    pub accounts: AccountSettings,
    pub mail: MailConfig,
    pub log: LogConfig,
    /// Where metrics are served, if anywhere.
    pub metrics: crate::metrics::MetricsConfig,
    /// Where traces go, if anywhere.
    pub traces: crate::telemetry::TracesConfig,
    /// Required when `backend` is `aws`.
    pub aws: AwsConfig,
    /// Sign-in through OpenID Connect providers; none by default.
    pub federation: FederationConfig,
}

/// Federated sign-in's settings: the providers, this service's callback
/// and the apps' redirect URIs.
///
/// ```toml
/// [federation]
/// callback_url = "https://auth.example.com/auth/federation/callback"
/// redirect_uris = ["https://app.example.com/signed-in", "com.example.app:/oauth"]
///
/// [federation.providers.google]
/// client_id = "1234.apps.googleusercontent.com"
/// client_secret_file = "/run/secrets/google-client-secret"
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FederationConfig {
    /// This service's `/auth/federation/callback`, as the public URL that
    /// every provider has registered as the client's redirect URI.
    pub callback_url: Option<String>,
    /// Where apps may have outcomes sent: compared with what they send as
    /// strings, exactly.
    pub redirect_uris: Vec<String>,
    /// By id, the name in the service's URLs: lower-case letters, digits
    /// and hyphens.
    pub providers: std::collections::BTreeMap<String, ProviderConfig>,
    /// With `backend = "aws"`: a Secrets Manager secret (name or ARN)
    /// holding providers' client secrets by id, `{"google": "…"}`, read at
    /// start-up, for the providers without `client_secret` or
    /// `client_secret_file`.
    pub client_secrets_secret: Option<String>,
}

/// One OpenID Connect provider.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// What apps show on its button; the id when absent.
    pub name: Option<String>,
    /// Its issuer identifier (discovery runs from it). May be left out for
    /// the id `google`: `https://accounts.google.com`.
    pub issuer: Option<String>,
    pub client_id: String,
    /// The client secret, e.g. from `AUTH_FEDERATION__PROVIDERS__GOOGLE__CLIENT_SECRET`;
    /// or `client_secret_file`, a file holding it. Never logged.
    pub client_secret: Option<secrecy::SecretString>,
    pub client_secret_file: Option<PathBuf>,
    /// Scopes asked besides `openid`.
    #[serde(default = "default_scopes")]
    pub scopes: Vec<String>,
    /// Whether an address this provider asserts as verified may join an
    /// existing account whose owner proved it (the default). Turn it off
    /// for a provider that marks addresses verified without proof: its
    /// sign-ins then only make new accounts or use links already made.
    #[serde(default = "default_true")]
    pub link_existing_accounts: bool,
}

fn default_true() -> bool {
    true
}

fn default_scopes() -> Vec<String> {
    vec!["email".to_owned(), "profile".to_owned()]
}

/// Google's issuer, the preset of the provider id `google`.
pub const GOOGLE_ISSUER: &str = "https://accounts.google.com";

impl ProviderConfig {
    /// The issuer, the preset's for `google`.
    pub fn issuer(&self, id: &str) -> Option<String> {
        self.issuer.clone().or_else(|| (id == "google").then(|| GOOGLE_ISSUER.to_owned()))
    }
}

impl FederationConfig {
    pub fn validate(&self) -> Result<(), String> {
        if self.providers.is_empty() {
            return Ok(());
        }
        let callback = self.callback_url.as_deref().ok_or("federation.callback_url is required with providers")?;
        match url::Url::parse(callback) {
            Ok(url) if matches!(url.scheme(), "https" | "http") && url.fragment().is_none() => {}
            _ => return Err(format!("federation.callback_url {callback:?} is not an http(s) URL without a fragment")),
        }
        if self.redirect_uris.is_empty() {
            return Err("federation.redirect_uris must name at least one app's redirect URI".to_owned());
        }
        for uri in &self.redirect_uris {
            // RFC 6749 §3.1.2: absolute, without a fragment.
            if !url::Url::parse(uri).is_ok_and(|url| url.fragment().is_none()) || uri.contains('#') {
                return Err(format!("federation.redirect_uris: {uri:?} is not an absolute URI without a fragment"));
            }
        }
        for (id, provider) in &self.providers {
            let id_ok = !id.is_empty()
                && id.len() <= 32
                && id.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
            if !id_ok {
                return Err(format!(
                    "federation.providers.{id}: ids are 1 to 32 lower-case letters, digits or hyphens"
                ));
            }
            if provider.issuer(id).is_none() {
                return Err(format!("federation.providers.{id}.issuer is required"));
            }
            if provider.client_id.trim().is_empty() {
                return Err(format!("federation.providers.{id}.client_id is required"));
            }
            if provider.client_secret.is_some() && provider.client_secret_file.is_some() {
                return Err(format!("federation.providers.{id}: client_secret and client_secret_file are exclusive"));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// SQLite in the data directory, with the service's own password hashes and tokens.
    #[default]
    Embedded,
    /// Cognito for credentials and tokens, DynamoDB for everything else.
    Aws,
}

/// How mail leaves the service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    /// Each message becomes an `.eml` file in a directory; for development.
    #[default]
    Outbox,
    Smtp,
    /// Amazon SES, with the AWS backend's region and credentials.
    Ses,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    pub transport: MailTransport,
    pub outbox: OutboxConfig,
    /// Required when `transport` is `smtp`.
    pub smtp: Option<SmtpConfig>,
    /// Required when `transport` is `ses`.
    pub ses: Option<SesConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    pub host: IpAddr,
    pub port: u16,
    /// Largest request body accepted.
    pub body_limit_bytes: usize,
    /// Longest time a request may take before it is answered with a 503.
    pub request_timeout_secs: u64,
    /// How long in-flight requests get to finish after SIGTERM.
    pub shutdown_grace_secs: u64,
    /// Origins allowed to call the API from a browser; none by default.
    pub cors_allowed_origins: Vec<String>,
    /// A header carrying the client address, set by a trusted reverse proxy
    /// (e.g. `x-forwarded-for`). Leave unset when clients connect directly:
    /// a client could otherwise pick its own address.
    pub client_ip_header: Option<String>,
    /// IPv6 clients are limited by this prefix of their address, not by
    /// each address (one subscriber usually holds a whole /64); IPv4
    /// clients by their address. Applies to the request rate and to failed
    /// sign-ins. 1 to 128.
    pub client_ipv6_prefix: u8,
    /// Requests per second allowed per client address (0 turns it off).
    pub rate_limit_per_second: u32,
    /// Requests a client may send in a burst above the rate.
    pub rate_limit_burst: u32,
    /// Connections held open at most; more wait in the listen backlog until
    /// one closes. Bounds the memory connections take.
    pub max_connections: usize,
}

impl ServerConfig {
    /// Which addresses count as one client; the default grouping if
    /// `client_ipv6_prefix` is out of range, which validation refuses.
    pub fn grouping(&self) -> AddressGrouping {
        AddressGrouping::new(self.client_ipv6_prefix).unwrap_or_default()
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            host: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            body_limit_bytes: 64 * 1024,
            request_timeout_secs: 10,
            shutdown_grace_secs: 20,
            cors_allowed_origins: Vec::new(),
            client_ip_header: None,
            client_ipv6_prefix: crate::domain::DEFAULT_IPV6_PREFIX,
            rate_limit_per_second: 20,
            rate_limit_burst: 50,
            max_connections: 1024,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StorageConfig {
    /// Where the database and the signing key live.
    pub data_dir: PathBuf,
}

impl Default for StorageConfig {
    fn default() -> Self {
        Self { data_dir: PathBuf::from("data") }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    pub format: LogFormat,
    /// A tracing filter, e.g. `info` or `auth_service=debug,info`.
    pub level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        Self { format: LogFormat::Text, level: "info".to_owned() }
    }
}

/// The sections of the settings that a function holding only the custom
/// authentication key reads (`auth-challenge`, the user pool's trigger): the
/// same file and variables as [`Config`], the other sections ignored, so
/// that it needs neither the pool nor the table the other functions name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct KeySettings {
    /// Where AWS is, and the key (`custom_auth_key_secret`).
    pub aws: AwsConfig,
    pub log: LogConfig,
    pub metrics: crate::metrics::MetricsConfig,
    pub traces: crate::telemetry::TracesConfig,
}

impl KeySettings {
    /// Defaults, then the file (if any), then the environment, as [`Config::load`].
    pub fn load(file: Option<&Path>) -> Result<Self, String> {
        let settings: Self =
            Config::figment(file).extract().map_err(|error| format!("invalid configuration: {error}"))?;
        settings.traces.validate().map_err(|error| format!("invalid configuration: {error}"))?;
        Ok(settings)
    }
}

impl Config {
    /// Defaults, then the file (if any), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Self, String> {
        Self::from_figment(Self::figment(file))
    }

    fn figment(file: Option<&Path>) -> Figment {
        let mut figment = Figment::new();
        if let Some(file) = file {
            figment = figment.merge(Toml::file_exact(file));
        }
        figment.merge(Env::prefixed(ENV_PREFIX).split("__").ignore(&["CONFIG"]))
    }

    fn from_figment(figment: Figment) -> Result<Self, String> {
        let config: Self = figment.extract().map_err(|error| format!("invalid configuration: {error}"))?;
        config.validate().map_err(|error| format!("invalid configuration: {error}"))?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), String> {
        self.password.validate()?;
        self.tokens.validate()?;
        self.signup.validate()?;
        self.password_reset.validate()?;
        self.mfa.validate()?;
        self.traces.validate()?;
        self.accounts.rules()?;
        self.federation.validate()?;
        if self.backend == Backend::Aws {
            self.aws.validate()?;
        } else if self.mfa.encryption_key_secret.is_some() {
            return Err("mfa.encryption_key_secret is read from AWS Secrets Manager: backend aws only".to_owned());
        } else if self.federation.client_secrets_secret.is_some() {
            return Err(
                "federation.client_secrets_secret is read from AWS Secrets Manager: backend aws only".to_owned()
            );
        }
        if self.mail.transport == MailTransport::Smtp && self.mail.smtp.is_none() {
            return Err("mail.transport is smtp but there is no [mail.smtp] section".to_owned());
        }
        if self.mail.transport == MailTransport::Ses && self.mail.ses.is_none() {
            return Err("mail.transport is ses but there is no [mail.ses] section".to_owned());
        }
        if self.server.body_limit_bytes < 1024 {
            return Err("server.body_limit_bytes must be at least 1024".to_owned());
        }
        if self.server.request_timeout_secs == 0 {
            return Err("server.request_timeout_secs must be positive".to_owned());
        }
        if self.server.max_connections == 0 {
            return Err("server.max_connections must be positive".to_owned());
        }
        if AddressGrouping::new(self.server.client_ipv6_prefix).is_none() {
            return Err("server.client_ipv6_prefix must be between 1 and 128".to_owned());
        }
        if let Some(header) = &self.server.client_ip_header {
            http::HeaderName::try_from(header.as_str())
                .map_err(|_| format!("server.client_ip_header {header:?} is not a header name"))?;
        }
        for origin in &self.server.cors_allowed_origins {
            http::HeaderValue::try_from(origin.as_str())
                .map_err(|_| format!("server.cors_allowed_origins has an invalid origin {origin:?}"))?;
        }
        if self.login.max_failures_per_account == 0
            || self.login.max_failures_per_ip == 0
            || self.login.window_secs == 0
        {
            return Err("login limits must be positive".to_owned());
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment's Jail closures return its large error type
mod tests {
    use figment::Jail;

    use super::*;

    #[test]
    fn no_configuration_gives_the_documented_defaults() {
        Jail::expect_with(|_| {
            let config = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(config.server.port, 8080);
            assert_eq!(config.server.host, IpAddr::from([127, 0, 0, 1]));
            assert_eq!(config.storage.data_dir, PathBuf::from("data"));
            assert_eq!(config.tokens.refresh_ttl_secs, 30 * 24 * 3600);
            assert_eq!(config.tokens.refresh_reuse_grace_secs, 10);
            assert_eq!(config.password.min_length, 8);
            assert_eq!(config.login.max_failures_per_account, 5);
            assert_eq!(config.login.window_secs, 900);
            Ok(())
        });
    }

    #[test]
    fn environment_overrides_the_file() {
        Jail::expect_with(|jail| {
            jail.create_file("auth.toml", "[server]\nport = 9000\n[password]\nrequire_digit = true\n")?;
            jail.set_env("AUTH_SERVER__PORT", "9100");
            jail.set_env("AUTH_LOG__FORMAT", "json");
            let config = Config::load(Some(Path::new("auth.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(config.server.port, 9100);
            assert!(config.password.require_digit);
            assert_eq!(config.log.format, LogFormat::Json);
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_are_refused_with_their_name() {
        Jail::expect_with(|jail| {
            jail.create_file("auth.toml", "[server]\nprot = 9000\n")?;
            let error = Config::load(Some(Path::new("auth.toml"))).unwrap_err();
            assert!(error.contains("prot"), "{error}");
            Ok(())
        });
        Jail::expect_with(|jail| {
            jail.set_env("AUTH_TOKENS__ACCESS_TTL", "60");
            let error = Config::load(None).unwrap_err();
            assert!(error.contains("access_ttl"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn a_missing_configuration_file_is_an_error() {
        Jail::expect_with(|_| {
            assert!(Config::load(Some(Path::new("missing.toml"))).is_err());
            Ok(())
        });
    }

    #[test]
    fn meaningless_settings_are_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("AUTH_PASSWORD__MIN_LENGTH", "2");
            assert!(Config::load(None).unwrap_err().contains("min_length"));
            jail.set_env("AUTH_PASSWORD__MIN_LENGTH", "8");
            for prefix in ["0", "129"] {
                jail.set_env("AUTH_SERVER__CLIENT_IPV6_PREFIX", prefix);
                assert!(Config::load(None).unwrap_err().contains("client_ipv6_prefix"), "{prefix}");
            }
            jail.set_env("AUTH_SERVER__CLIENT_IPV6_PREFIX", "64");
            // Lifetimes past any date a timestamp holds, or shorter than an access token's.
            for (key, value) in [
                ("AUTH_TOKENS__REFRESH_TTL_SECS", "18446744073709551615"),
                ("AUTH_TOKENS__REFRESH_TTL_SECS", "60"),
                ("AUTH_TOKENS__SESSION_IDLE_TTL_SECS", "18446744073709551615"),
                ("AUTH_TOKENS__SESSION_IDLE_TTL_SECS", "60"),
            ] {
                jail.set_env(key, value);
                let name = key.trim_start_matches("AUTH_TOKENS__").to_lowercase();
                assert!(Config::load(None).unwrap_err().contains(&name), "{key}={value}");
                jail.set_env(key, if key.contains("IDLE") { "1209600" } else { "2592000" });
            }
            Ok(())
        });
    }

    #[test]
    fn federation_settings_are_checked_and_the_client_secret_is_never_echoed() {
        const PROVIDER: &str = "[federation.providers.google]\nclient_id = \"app\"\nclient_secret = \"s3cret-value\"\n";
        let load = |toml: &str| {
            let toml = toml.to_owned();
            let mut outcome = None;
            Jail::expect_with(|jail| {
                jail.create_file("auth.toml", &toml)?;
                outcome = Some(Config::load(Some(Path::new("auth.toml"))));
                Ok(())
            });
            outcome.expect("loaded")
        };
        let complete = format!(
            "[federation]\ncallback_url = \"https://auth.example/auth/federation/callback\"\n\
             redirect_uris = [\"https://app.example/done\", \"com.example.app:/oauth\"]\n{PROVIDER}"
        );
        let config = load(&complete).expect("a valid federation");
        // Google is a preset; the default scopes add email and profile.
        let google = &config.federation.providers["google"];
        assert_eq!(google.issuer("google").as_deref(), Some(GOOGLE_ISSUER));
        assert_eq!(google.scopes, ["email", "profile"]);
        assert!(!format!("{config:?}").contains("s3cret-value"), "the secret is redacted");
        for (broken, named) in [
            (PROVIDER.to_owned(), "callback_url"),
            (complete.replace("\"https://app.example/done\", \"com.example.app:/oauth\"", ""), "redirect_uris"),
            (complete.replace("https://app.example/done", "https://app.example/done#fragment"), "redirect_uris"),
            (complete.replace("providers.google", "providers.Google"), "providers.Google"),
            (complete.replace("providers.google", "providers.other"), "issuer"),
            (format!("{complete}client_secret_file = \"/run/secret\"\n"), "exclusive"),
            (format!("{complete}clientid = \"typo\"\n"), "clientid"),
        ] {
            let error = load(&broken).unwrap_err();
            assert!(error.contains(named), "{named}: {error}");
            assert!(!error.contains("s3cret-value"), "{error}");
        }
    }

    #[test]
    fn an_mfa_key_must_be_32_bytes_of_base64_and_is_never_echoed() {
        Jail::expect_with(|jail| {
            jail.set_env("AUTH_MFA__ENCRYPTION_KEY", "c2hvcnQta2V5LW5vdC0zMi1ieXRlcw==");
            let error = Config::load(None).unwrap_err();
            assert!(error.contains("mfa.encryption_key"), "{error}");
            assert!(!error.contains("c2hvcnQta2V5"), "{error}");
            Ok(())
        });
        Jail::expect_with(|jail| {
            jail.set_env("AUTH_MFA__ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            let config = Config::load(None).map_err(|e| e.to_string())?;
            assert!(config.mfa.encryption_key.is_some());
            assert!(!format!("{config:?}").contains("AAECAwQF"));
            Ok(())
        });
    }

    #[test]
    fn the_mfa_keys_come_from_one_place_and_secrets_manager_only_with_the_aws_backend() {
        Jail::expect_with(|jail| {
            jail.set_env("AUTH_MFA__ENCRYPTION_KEY_SECRET", "auth-service/mfa-keys");
            let error = Config::load(None).unwrap_err();
            assert!(error.contains("backend aws only"), "{error}");
            jail.set_env("AUTH_BACKEND", "aws");
            jail.set_env("AUTH_MFA__ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            let error = Config::load(None).unwrap_err();
            assert!(error.contains("not both"), "{error}");
            Ok(())
        });
    }
}
