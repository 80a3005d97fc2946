//! Mail through Amazon SES (API v2), for the AWS deployment: the
//! function's role is allowed to send, so no SMTP password is kept.

use serde::Deserialize;

/// Where SES mail comes from. The region and credentials are the AWS
/// backend's (`[aws]` and the environment).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SesConfig {
    /// The `From` of every message: a mailbox such as
    /// `Auth Service <no-reply@example.com>`, whose address or domain is a
    /// verified SES identity.
    pub sender: String,
    /// An SES configuration set to send with (delivery events, suppression).
    #[serde(default)]
    pub configuration_set: Option<String>,
}

#[cfg(feature = "aws")]
pub use sender::SesMailer;

#[cfg(feature = "aws")]
mod sender {
    use std::time::SystemTime;

    use async_trait::async_trait;
    use aws_sdk_sesv2::primitives::Blob;
    use aws_sdk_sesv2::types::{EmailContent, RawMessage};
    use lettre::message::Mailbox;

    use super::super::{build_message, parse_sender};
    use super::SesConfig;
    use crate::adapters::aws::table::{aws_error, internal};
    use crate::domain::PortError;
    use crate::ports::{Mailer, OutgoingMail};

    /// Hands each message to SES's `SendEmail` as raw MIME, the same
    /// message the other transports send; SES reads the recipient from it.
    pub struct SesMailer {
        client: aws_sdk_sesv2::Client,
        sender: Mailbox,
        configuration_set: Option<String>,
    }

    impl SesMailer {
        /// Fails when the sender is not a mailbox.
        pub fn new(client: aws_sdk_sesv2::Client, config: &SesConfig) -> anyhow::Result<Self> {
            let sender = parse_sender("mail.ses.sender", &config.sender)?;
            Ok(Self { client, sender, configuration_set: config.configuration_set.clone() })
        }
    }

    #[async_trait]
    impl Mailer for SesMailer {
        async fn send(&self, mail: &OutgoingMail) -> Result<(), PortError> {
            let message = build_message(&self.sender, mail, SystemTime::now())?;
            let raw = RawMessage::builder().data(Blob::new(message.formatted())).build().map_err(internal)?;
            self.client
                .send_email()
                .content(EmailContent::builder().raw(raw).build())
                .set_configuration_set_name(self.configuration_set.clone())
                .send()
                .await
                .map_err(|error| aws_error("sending a mail through SES", error))?;
            Ok(())
        }
    }
}
