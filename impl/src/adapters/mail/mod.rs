//! Mailers: an outbox directory of `.eml` files for development, SMTP, and
//! Amazon SES for the AWS deployment. All send the same RFC 5322 message,
//! built with `lettre`.

mod outbox;
mod ses;
mod smtp;

use std::time::SystemTime;

use anyhow::{Context, anyhow};
use lettre::Message;
use lettre::message::Mailbox;
use lettre::message::header::{ContentType, MIME_VERSION_1_0};

use crate::domain::PortError;
use crate::ports::OutgoingMail;

pub use outbox::{OutboxConfig, OutboxMailer};
pub use ses::SesConfig;
#[cfg(feature = "aws")]
pub use ses::SesMailer;
pub use smtp::{SmtpConfig, SmtpMailer, SmtpTls};

/// Parses a configured sender such as `Auth Service <no-reply@example.com>`.
fn parse_sender(setting: &str, raw: &str) -> anyhow::Result<Mailbox> {
    raw.parse::<Mailbox>()
        .with_context(|| format!("{setting} {raw:?} is not a mailbox like \"Name <user@example.com>\""))
}

/// The message as it goes on the wire: headers, then the text as
/// MIME `text/plain; charset=utf-8`, encoded by `lettre` to stay 7-bit clean.
fn build_message(sender: &Mailbox, mail: &OutgoingMail, date: SystemTime) -> Result<Message, PortError> {
    // The domain's `Email` is valid by RFC 5322; lettre is stricter about
    // some forms, and a message it cannot address will never go out. An
    // internationalised domain goes out as its A-labels, which every mail
    // server takes without SMTPUTF8.
    let to = mail
        .to
        .with_ascii_domain()
        .parse::<Mailbox>()
        .map_err(|_| PortError::Internal(anyhow!("the recipient address cannot be used in a mail header")))?;
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), sender.email.domain());
    Message::builder()
        .from(sender.clone())
        .to(to)
        .subject(mail.subject.as_str())
        .date(date)
        .message_id(Some(message_id))
        .header(MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN)
        .body(mail.text.clone())
        .map_err(|error| PortError::Internal(anyhow!("building the message failed: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Email;

    #[test]
    fn the_debug_of_a_mail_leaves_out_its_text() {
        let mail = OutgoingMail {
            to: Email::parse("to", "ada@example.com").unwrap(),
            subject: "Your code".to_owned(),
            text: "Your code is 493817".to_owned(),
        };

        let debug = format!("{mail:?}");

        assert!(!debug.contains("493817"), "{debug}");
        assert!(debug.contains("ada@example.com") && debug.contains("Your code"), "{debug}");
    }

    #[test]
    fn a_sender_must_be_a_mailbox() {
        assert!(parse_sender("mail.sender", "Auth Service <no-reply@example.com>").is_ok());
        assert!(parse_sender("mail.sender", "no-reply@example.com").is_ok());
        let error = parse_sender("mail.sender", "Auth Service").unwrap_err();
        assert!(format!("{error:#}").contains("mail.sender"), "{error:#}");
    }
}
