//! Delivery through an SMTP server (a relay or a provider's submission
//! endpoint), one connection per message, TLS by rustls.

use std::net::IpAddr;
use std::time::{Duration, SystemTime};

use anyhow::{anyhow, bail};
use async_trait::async_trait;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::response::Severity;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::{build_message, parse_sender};
use crate::domain::PortError;
use crate::ports::{Mailer, OutgoingMail};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain text, for a relay on the same host or network and for tests.
    None,
    /// Plain connection upgraded with STARTTLS, which the server must offer
    /// (usually port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl SmtpTls {
    fn default_port(self) -> u16 {
        match self {
            Self::None => 25,
            Self::Starttls => 587,
            Self::Tls => 465,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// The server's host name (checked against its certificate) or address.
    pub host: String,
    /// The server's port; unset means 25, 587 or 465 according to `tls`.
    #[serde(default)]
    pub port: Option<u16>,
    /// `none`, `starttls` (the default) or `tls`.
    #[serde(default)]
    pub tls: SmtpTls,
    /// The user name to authenticate with (AUTH PLAIN or LOGIN); unset
    /// means no authentication.
    #[serde(default)]
    pub username: Option<String>,
    /// The password that goes with `username`.
    #[serde(default)]
    pub password: Option<SecretString>,
    /// The `From` of every message: a mailbox such as
    /// `Auth Service <no-reply@example.com>`.
    pub sender: String,
    /// The longest a whole delivery (connect, TLS, authentication, transfer)
    /// may take.
    #[serde(default = "default_timeout_secs")]
    pub timeout_secs: u64,
}

fn default_timeout_secs() -> u64 {
    10
}

/// Sends each message over a new SMTP connection. Certificates are checked
/// against the bundled Mozilla roots (webpki-roots), so no system library or
/// certificate store is needed.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    sender: Mailbox,
    /// `host:port`, for error messages.
    server: String,
    timeout: Duration,
}

impl SmtpMailer {
    /// Checks the configuration and prepares the transport; connects to
    /// nothing. Fails on an empty host, a sender that is not a mailbox, a
    /// zero timeout, a username without a password or the reverse, and
    /// credentials that would cross a network in clear (`tls = "none"` to
    /// a host other than the loopback).
    pub fn new(config: &SmtpConfig) -> anyhow::Result<Self> {
        let host = config.host.trim();
        if host.is_empty() {
            bail!("the SMTP host must not be empty");
        }
        let sender = parse_sender("the SMTP sender", &config.sender)?;
        if config.timeout_secs == 0 {
            bail!("the SMTP timeout must be positive");
        }
        let port = config.port.unwrap_or(config.tls.default_port());
        let timeout = Duration::from_secs(config.timeout_secs);

        let tls = match config.tls {
            SmtpTls::None => Tls::None,
            SmtpTls::Starttls => Tls::Required(TlsParameters::builder(host.to_owned()).build_rustls()?),
            SmtpTls::Tls => Tls::Wrapper(TlsParameters::builder(host.to_owned()).build_rustls()?),
        };
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port).tls(tls).timeout(Some(timeout));
        match (&config.username, &config.password) {
            (None, None) => {}
            (Some(username), Some(password)) => {
                if config.tls == SmtpTls::None && !is_loopback(host) {
                    bail!("SMTP credentials would be sent in clear to {host}: set tls to starttls or tls");
                }
                builder = builder.credentials(Credentials::new(username.clone(), password.expose_secret().to_owned()));
            }
            _ => bail!("the SMTP username and password go together"),
        }

        Ok(Self { transport: builder.build(), sender, server: format!("{host}:{port}"), timeout })
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, mail: &OutgoingMail) -> Result<(), PortError> {
        let message = build_message(&self.sender, mail, SystemTime::now())?;
        // lettre bounds only the connect with its timeout, so the whole
        // exchange is bounded here.
        let response = tokio::time::timeout(self.timeout, self.transport.send(message))
            .await
            .map_err(|_| {
                PortError::Unavailable(anyhow!("SMTP server {} did not finish within {:?}", self.server, self.timeout))
            })?
            .map_err(|error| classify(&error, &self.server))?;
        // lettre accepts any positive reply; only a 2xx means the server took the message.
        if response.code().severity == Severity::PositiveCompletion {
            Ok(())
        } else {
            Err(PortError::Internal(anyhow!(
                "SMTP server {} answered the message with {} instead of 2xx",
                self.server,
                response.code()
            )))
        }
    }
}

/// Whether trying again later may help, and a description that names the
/// server and the kind of failure. It never quotes the server's reply text,
/// which may echo what was sent.
fn classify(error: &lettre::transport::smtp::Error, server: &str) -> PortError {
    let code = error.status().map_or_else(String::new, |code| code.to_string());
    if error.is_permanent() {
        PortError::Internal(anyhow!("SMTP server {server} refused with {code}, a permanent failure"))
    } else if error.is_transient() {
        PortError::Unavailable(anyhow!("SMTP server {server} refused with {code}, a transient failure"))
    } else if error.is_timeout() {
        PortError::Unavailable(anyhow!("SMTP server {server} timed out"))
    } else if error.is_tls() {
        // A certificate that does not verify, or a server that does not speak TLS.
        PortError::Internal(anyhow!("TLS with SMTP server {server} failed: {error}"))
    } else if error.is_client() {
        // Something the client refuses to do, e.g. without the STARTTLS that was required.
        PortError::Internal(anyhow!("cannot send through SMTP server {server}: {error}"))
    } else if error.is_response() {
        // Mostly a connection closed in the middle of a reply.
        PortError::Unavailable(anyhow!("SMTP server {server} closed the connection or answered garbage"))
    } else {
        // Connection refused or reset, name resolution, or an I/O error.
        PortError::Unavailable(anyhow!("cannot reach SMTP server {server}: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SmtpConfig {
        SmtpConfig {
            host: "smtp.example.com".to_owned(),
            port: None,
            tls: SmtpTls::Starttls,
            username: None,
            password: None,
            sender: "Auth Service <no-reply@example.com>".to_owned(),
            timeout_secs: 10,
        }
    }

    #[test]
    fn a_valid_configuration_is_accepted_and_the_port_follows_the_tls_mode() {
        for (tls, port) in [(SmtpTls::None, 25), (SmtpTls::Starttls, 587), (SmtpTls::Tls, 465)] {
            let mailer = SmtpMailer::new(&SmtpConfig { tls, ..config() }).unwrap();
            assert_eq!(mailer.server, format!("smtp.example.com:{port}"));
        }
        let mailer = SmtpMailer::new(&SmtpConfig { port: Some(2525), ..config() }).unwrap();
        assert_eq!(mailer.server, "smtp.example.com:2525");
    }

    #[test]
    fn meaningless_settings_are_refused() {
        let refused = |config: SmtpConfig| SmtpMailer::new(&config).is_err();
        assert!(refused(SmtpConfig { host: " ".to_owned(), ..config() }));
        assert!(refused(SmtpConfig { sender: "no-reply at example.com".to_owned(), ..config() }));
        assert!(refused(SmtpConfig { timeout_secs: 0, ..config() }));
        assert!(refused(SmtpConfig { username: Some("mailer".to_owned()), ..config() }));
        assert!(refused(SmtpConfig { password: Some(SecretString::from("s3cret")), ..config() }));
    }

    #[test]
    fn credentials_never_cross_a_network_in_clear() {
        let with_credentials = |host: &str, tls| SmtpConfig {
            host: host.to_owned(),
            tls,
            username: Some("mailer".to_owned()),
            password: Some(SecretString::from("s3cret")),
            ..config()
        };

        assert!(SmtpMailer::new(&with_credentials("smtp.example.com", SmtpTls::None)).is_err());
        assert!(SmtpMailer::new(&with_credentials("smtp.example.com", SmtpTls::Starttls)).is_ok());
        assert!(SmtpMailer::new(&with_credentials("127.0.0.1", SmtpTls::None)).is_ok());
        assert!(SmtpMailer::new(&with_credentials("localhost", SmtpTls::None)).is_ok());
        assert!(SmtpMailer::new(&with_credentials("[::1]", SmtpTls::None)).is_ok());
    }

    #[test]
    fn the_configuration_reads_from_toml_and_refuses_unknown_keys() {
        use figment::providers::{Format, Toml};

        let config: SmtpConfig = figment::Figment::new()
            .merge(Toml::string(
                "host = \"smtp.example.com\"\ntls = \"tls\"\nusername = \"mailer\"\npassword = \"s3cret\"\n\
                 sender = \"Auth Service <no-reply@example.com>\"\n",
            ))
            .extract()
            .unwrap();
        assert_eq!(config.tls, SmtpTls::Tls);
        assert_eq!(config.port, None);
        assert_eq!(config.timeout_secs, 10);
        assert_eq!(config.password.as_ref().unwrap().expose_secret(), "s3cret");
        assert!(!format!("{config:?}").contains("s3cret"));

        let misspelt: Result<SmtpConfig, _> =
            figment::Figment::new().merge(Toml::string("host = \"h\"\nsender = \"a@b.c\"\ntimeout = 5\n")).extract();
        assert!(misspelt.unwrap_err().to_string().contains("timeout"));
    }
}
