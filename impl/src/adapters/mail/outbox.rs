//! The development mailer: every message becomes one `.eml` file in a
//! directory, where a developer (or a test) reads the codes it carries.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use async_trait::async_trait;
use chrono::Utc;
use lettre::message::Mailbox;
use serde::Deserialize;
use uuid::Uuid;

use super::{build_message, parse_sender};
use crate::domain::PortError;
use crate::ports::{Mailer, OutgoingMail};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutboxConfig {
    /// The directory that receives one `.eml` file per message; unset means
    /// `outbox` in the data directory. Created with mode 0700 if missing.
    pub dir: Option<PathBuf>,
    /// The `From` of every message: a mailbox such as
    /// `Auth Service <no-reply@localhost>`.
    pub sender: String,
}

impl Default for OutboxConfig {
    fn default() -> Self {
        Self { dir: None, sender: "Auth Service <no-reply@localhost>".to_owned() }
    }
}

/// Writes each message as an RFC 5322 file named
/// `<UTC time>-<UUIDv7>.eml`, so that names sort by time. A file appears
/// whole or not at all: it is written under a hidden temporary name, synced,
/// then renamed, and the directory synced. Files have mode 0600, since
/// messages carry one-time codes.
pub struct OutboxMailer {
    dir: PathBuf,
    sender: Mailbox,
}

impl OutboxMailer {
    /// Checks the sender and creates the directory (`dir`, or `outbox` in
    /// `data_dir`). Fails when the sender is not a mailbox or the directory
    /// cannot be created.
    pub fn new(config: &OutboxConfig, data_dir: &Path) -> anyhow::Result<Self> {
        let sender = parse_sender("the outbox sender", &config.sender)?;
        let dir = config.dir.clone().unwrap_or_else(|| data_dir.join("outbox"));
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .with_context(|| format!("creating the outbox directory {}", dir.display()))?;
        Ok(Self { dir, sender })
    }

    /// Where the messages go.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

#[async_trait]
impl Mailer for OutboxMailer {
    async fn send(&self, mail: &OutgoingMail) -> Result<(), PortError> {
        let now = Utc::now();
        let bytes = build_message(&self.sender, mail, now.into())?.formatted();
        // A UUIDv7 keeps names from one process in order within a millisecond.
        let name = format!("{}-{}.eml", now.format("%Y%m%dT%H%M%S%.3fZ"), Uuid::now_v7());
        let dir = self.dir.clone();
        tokio::task::spawn_blocking(move || write_whole(&dir, &name, &bytes))
            .await
            .map_err(|error| PortError::Internal(anyhow!("the outbox writer failed: {error}")))?
            .map_err(|error| {
                let cause = anyhow!("writing to the outbox {}: {error}", self.dir.display());
                if is_transient(&error) { PortError::Unavailable(cause) } else { PortError::Internal(cause) }
            })
    }
}

/// Writes `dir/name` so that no reader ever sees part of it.
fn write_whole(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let temporary = dir.join(format!(".{name}.tmp"));
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).mode(0o600).open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temporary, dir.join(name))?;
        File::open(dir)?.sync_all()
    })();
    if written.is_err() {
        // Best effort: after a successful rename there is nothing left to remove.
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Whether trying again later may succeed: a full disk may be cleared, a
/// missing or read-only directory is a configuration error.
fn is_transient(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::StorageFull
            | io::ErrorKind::QuotaExceeded
            | io::ErrorKind::Interrupted
            | io::ErrorKind::WouldBlock
            | io::ErrorKind::TimedOut
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::os::unix::fs::PermissionsExt;
    use std::sync::Arc;

    use super::*;
    use crate::domain::Email;

    fn mail(to: &str, subject: &str, text: &str) -> OutgoingMail {
        OutgoingMail { to: Email::parse("to", to).unwrap(), subject: subject.to_owned(), text: text.to_owned() }
    }

    fn outbox(data_dir: &Path) -> OutboxMailer {
        let config = OutboxConfig { dir: None, sender: "Auth Service <no-reply@example.com>".to_owned() };
        OutboxMailer::new(&config, data_dir).unwrap()
    }

    fn entries(dir: &Path) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
        paths.sort();
        paths
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[tokio::test]
    async fn each_send_writes_one_private_eml_file_in_a_private_directory() {
        let data_dir = tempfile::tempdir().unwrap();
        let mailer = outbox(data_dir.path());

        mailer.send(&mail("ada@example.com", "Your code", "Your code is 493817")).await.unwrap();

        let files = entries(mailer.dir());
        assert_eq!(mailer.dir(), data_dir.path().join("outbox"));
        assert_eq!(mode(mailer.dir()), 0o700);
        assert_eq!(files.len(), 1, "{files:?}");
        let name = files[0].file_name().unwrap().to_str().unwrap();
        assert!(name.ends_with(".eml") && !name.starts_with('.'), "{name}");
        assert_eq!(mode(&files[0]), 0o600);

        mailer.send(&mail("ada@example.com", "Your code", "Your code is 100200")).await.unwrap();

        let files = entries(mailer.dir());
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(fs::read_to_string(&files[1]).unwrap().contains("100200"), "names sort by time");
    }

    #[tokio::test]
    async fn the_file_is_an_rfc_5322_message_with_non_ascii_text_encoded() {
        let data_dir = tempfile::tempdir().unwrap();
        let mailer = outbox(data_dir.path());
        let text = "Bonjour Zoë,\nvotre code est 493817.\n";

        mailer.send(&mail("zoe@example.com", "Vérifiez votre adresse", text)).await.unwrap();

        let raw = fs::read(&entries(mailer.dir())[0]).unwrap();
        assert!(raw.is_ascii(), "the message is 7-bit clean: {}", String::from_utf8_lossy(&raw));
        let parsed = mailparse::parse_mail(&raw).unwrap();
        let header = |name: &str| parsed.headers.iter().find(|h| h.get_key().eq_ignore_ascii_case(name));
        assert_eq!(header("Subject").unwrap().get_value(), "Vérifiez votre adresse");
        assert_eq!(header("To").unwrap().get_value(), "zoe@example.com");
        assert_eq!(header("From").unwrap().get_value(), "\"Auth Service\" <no-reply@example.com>");
        let date = mailparse::dateparse(&header("Date").unwrap().get_value()).unwrap();
        assert!((date - Utc::now().timestamp()).abs() < 60, "{date}");
        let message_id = header("Message-ID").unwrap().get_value();
        assert!(message_id.starts_with('<') && message_id.ends_with("@example.com>"), "{message_id}");
        assert_eq!(header("MIME-Version").unwrap().get_value(), "1.0");
        assert_eq!(parsed.ctype.mimetype, "text/plain");
        assert_eq!(parsed.ctype.charset, "utf-8");
        assert_eq!(parsed.get_body().unwrap().replace("\r\n", "\n"), text);
    }

    #[tokio::test]
    async fn concurrent_sends_write_distinct_files() {
        let data_dir = tempfile::tempdir().unwrap();
        let mailer = Arc::new(outbox(data_dir.path()));

        let sends: Vec<_> = (0..20)
            .map(|i| {
                let mailer = mailer.clone();
                tokio::spawn(
                    async move { mailer.send(&mail("ada@example.com", "Code", &format!("code {i:03}"))).await },
                )
            })
            .collect();
        for send in sends {
            send.await.unwrap().unwrap();
        }

        let files = entries(mailer.dir());
        assert_eq!(files.len(), 20, "no temporary file is left behind: {files:?}");
        let bodies: HashSet<String> = files
            .iter()
            .map(|path| mailparse::parse_mail(&fs::read(path).unwrap()).unwrap().get_body().unwrap())
            .collect();
        assert_eq!(bodies.len(), 20, "every message is in its own file");
    }

    #[tokio::test]
    async fn a_vanished_directory_is_an_error_not_a_lost_message() {
        let data_dir = tempfile::tempdir().unwrap();
        let mailer = outbox(data_dir.path());
        fs::remove_dir(mailer.dir()).unwrap();

        let result = mailer.send(&mail("ada@example.com", "Your code", "Your code is 493817")).await;

        match result {
            Err(PortError::Internal(cause)) => assert!(!format!("{cause:#}").contains("493817"), "{cause:#}"),
            other => panic!("expected an internal error, got {other:?}"),
        }
    }

    #[test]
    fn an_invalid_sender_is_refused_at_start() {
        let data_dir = tempfile::tempdir().unwrap();
        let config = OutboxConfig { dir: None, sender: "not a mailbox".to_owned() };

        assert!(OutboxMailer::new(&config, data_dir.path()).is_err());
    }

    #[test]
    fn the_default_configuration_is_usable() {
        let data_dir = tempfile::tempdir().unwrap();

        assert!(OutboxMailer::new(&OutboxConfig::default(), data_dir.path()).is_ok());
    }
}
