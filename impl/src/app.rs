//! Wiring: the embedded backend built from the configuration.

use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;

use crate::adapters::embedded::{
    CodeKey, Db, EmbeddedIdentity, IdentitySettings, PasswordHasher, SigningKey, SqliteStore, secret_file,
};
use crate::adapters::mail::{OutboxMailer, SmtpMailer};
use crate::config::{Config, MailTransport};
use crate::domain::{AuthService, Clock, MfaKey, Ports, Settings, SystemClock};
use crate::http;
use crate::ports::Mailer;

/// The service over the embedded backend, with the system clock.
pub fn embedded(config: &Config) -> anyhow::Result<Router> {
    embedded_with_clock(config, Arc::new(SystemClock))
}

/// The service over the embedded backend, with the given clock.
pub fn embedded_with_clock(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Router> {
    let data_dir = &config.storage.data_dir;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(data_dir)
        .with_context(|| format!("creating the data directory {}", data_dir.display()))?;
    let db = Db::open(&data_dir.join("auth.db"))?;
    let keys = (
        SigningKey::load_or_create(&data_dir.join("signing-key.pem"))?,
        CodeKey::load_or_create(&data_dir.join("code-key"))?,
    );
    let mfa_key = match &config.mfa.encryption_key {
        Some(encoded) => MfaKey::from_base64(encoded)?,
        None => {
            MfaKey::from_bytes(&secret_file::load_or_create(&data_dir.join("mfa-key"), || Ok(MfaKey::generate()))?)?
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let hasher = PasswordHasher::new(cores)?;
    let store = Arc::new(SqliteStore::new(db.clone()));
    let settings = IdentitySettings {
        tokens: config.tokens.clone(),
        signup: config.signup.clone(),
        reset: config.password_reset.clone(),
    };
    let identity =
        Arc::new(EmbeddedIdentity::new(db, hasher, keys, mailer(config)?, store.clone(), clock.clone(), settings));
    spawn_purge(store.clone(), clock.clone(), Duration::from_secs(config.login.window_secs));
    let ports = Ports { identity, users: store.clone(), attempts: store.clone(), mfa: store, clock };
    let settings = Settings {
        policy: config.password.clone(),
        limits: config.login.clone(),
        signup: config.signup.clone(),
        mfa: config.mfa.clone(),
    };
    let auth = AuthService::new(ports, settings, mfa_key);
    Ok(http::router(Arc::new(auth), &config.server))
}

/// The mailer the configuration asks for.
pub fn mailer(config: &Config) -> anyhow::Result<Arc<dyn Mailer>> {
    Ok(match (&config.mail.transport, &config.mail.smtp) {
        (MailTransport::Smtp, Some(smtp)) => Arc::new(SmtpMailer::new(smtp)?),
        (MailTransport::Smtp, None) => anyhow::bail!("mail.transport is smtp but there is no [mail.smtp] section"),
        (MailTransport::Outbox, _) => Arc::new(OutboxMailer::new(&config.mail.outbox, &config.storage.data_dir)?),
    })
}

/// How often expired sessions and attempt counters are deleted.
const PURGE_EVERY: Duration = Duration::from_secs(60 * 60);

/// Deletes expired rows now and then every [`PURGE_EVERY`], for as long as
/// the runtime lives.
fn spawn_purge(store: Arc<SqliteStore>, clock: Arc<dyn Clock>, attempt_window: Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(PURGE_EVERY);
        loop {
            ticks.tick().await;
            match store.purge_expired(clock.now(), attempt_window).await {
                Ok(removed) => tracing::debug!(removed, "purged expired sessions and attempt counters"),
                Err(error) => tracing::warn!(error = %error, "could not purge expired rows"),
            }
        }
    });
}
