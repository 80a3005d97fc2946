//! The SMTP mailer against a real SMTP server on 127.0.0.1 (the sink in
//! `support::smtp`).

use crate::support;

use std::time::{Duration, Instant};

use auth_service::adapters::mail::{SmtpConfig, SmtpMailer, SmtpTls};
use auth_service::domain::{Email, PortError};
use auth_service::ports::{Mailer, OutgoingMail};
use secrecy::SecretString;
use support::smtp::{Script, Sink};

/// The longest a test waits for a send, whatever the mailer's own timeout.
const TEST_PATIENCE: Duration = Duration::from_secs(15);

fn config(port: u16) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".to_owned(),
        port: Some(port),
        tls: SmtpTls::None,
        username: None,
        password: None,
        sender: "Auth Service <no-reply@example.com>".to_owned(),
        timeout_secs: 2,
    }
}

fn with_credentials(port: u16) -> SmtpConfig {
    SmtpConfig {
        username: Some("mailer".to_owned()),
        password: Some(SecretString::from("s3cret pass")),
        ..config(port)
    }
}

const CODE: &str = "493817";

fn verification_mail() -> OutgoingMail {
    OutgoingMail {
        to: Email::parse("to", "Zoe@Example.com").unwrap(),
        subject: "Vérifiez votre adresse".to_owned(),
        text: format!("Bonjour Zoë,\n\nvotre code est {CODE}.\n.\n"),
    }
}

async fn send(config: &SmtpConfig) -> Result<(), PortError> {
    let mailer = SmtpMailer::new(config).unwrap();
    tokio::time::timeout(TEST_PATIENCE, mailer.send(&verification_mail())).await.expect("the send is bounded")
}

/// The error's description, checked to carry no part of the message text.
fn described(error: &PortError, port: u16) -> String {
    let text = format!("{error}");
    assert!(!text.contains(CODE), "the error quotes the message: {text}");
    assert!(text.contains(&format!("127.0.0.1:{port}")), "the error names the server: {text}");
    text
}

#[tokio::test]
async fn a_message_is_delivered_to_the_recipient_with_its_text() {
    let sink = Sink::start(Script::default()).await;

    send(&config(sink.addr.port())).await.unwrap();

    let session = sink.only_session();
    assert_eq!(session.mail_from.as_deref(), Some("no-reply@example.com"));
    assert_eq!(session.rcpt_to, ["zoe@example.com"]);
    assert_eq!(session.auth, None, "no credentials were configured");
    let data = session.data.unwrap();
    let parsed = mailparse::parse_mail(data.as_bytes()).unwrap();
    let header = |name: &str| parsed.headers.iter().find(|h| h.get_key().eq_ignore_ascii_case(name)).unwrap();
    assert_eq!(header("To").get_value(), "zoe@example.com");
    assert_eq!(header("Subject").get_value(), "Vérifiez votre adresse");
    // lettre ends the data with CRLF.CRLF even after a final CRLF, which adds a blank line.
    let body = parsed.get_body().unwrap().replace("\r\n", "\n");
    assert_eq!(body.trim_end(), verification_mail().text.trim_end(), "the line holding a lone dot survives");
}

#[tokio::test]
async fn a_451_reply_to_mail_from_is_unavailable() {
    let sink = Sink::start(Script { mail_reply: Some("451 4.3.0 try again later"), ..Script::default() }).await;

    let error = send(&config(sink.addr.port())).await.unwrap_err();

    assert!(matches!(error, PortError::Unavailable(_)), "{error:?}");
    assert!(described(&error, sink.addr.port()).contains("451"), "{error}");
    assert_eq!(sink.only_session().data, None);
}

#[tokio::test]
async fn a_421_reply_to_rcpt_to_is_unavailable() {
    let sink = Sink::start(Script { rcpt_reply: Some("421 4.7.0 closing, too busy"), ..Script::default() }).await;

    let error = send(&config(sink.addr.port())).await.unwrap_err();

    assert!(matches!(error, PortError::Unavailable(_)), "{error:?}");
    assert!(described(&error, sink.addr.port()).contains("421"), "{error}");
    assert_eq!(sink.only_session().data, None);
}

#[tokio::test]
async fn a_550_reply_to_rcpt_to_is_internal() {
    let sink = Sink::start(Script { rcpt_reply: Some("550 5.1.1 no such user"), ..Script::default() }).await;

    let error = send(&config(sink.addr.port())).await.unwrap_err();

    assert!(matches!(error, PortError::Internal(_)), "{error:?}");
    assert!(described(&error, sink.addr.port()).contains("550"), "{error}");
    assert_eq!(sink.only_session().data, None);
}

#[tokio::test]
async fn a_554_reply_to_the_message_is_internal_and_the_error_does_not_quote_it() {
    let reply = "554 5.6.0 message refused: Bonjour Zoë, votre code est 493817";
    let sink = Sink::start(Script { data_reply: Some(reply), ..Script::default() }).await;

    let error = send(&config(sink.addr.port())).await.unwrap_err();

    assert!(matches!(error, PortError::Internal(_)), "{error:?}");
    assert!(described(&error, sink.addr.port()).contains("554"), "{error}");
    assert!(sink.only_session().data.is_some());
}

#[tokio::test]
async fn a_closed_port_is_unavailable_within_the_timeout() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let started = Instant::now();

    let error = send(&config(port)).await.unwrap_err();

    assert!(matches!(error, PortError::Unavailable(_)), "{error:?}");
    described(&error, port);
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_server_that_never_greets_is_unavailable_after_the_timeout() {
    let sink = Sink::start(Script { silent: true, ..Script::default() }).await;
    let started = Instant::now();

    let error = send(&SmtpConfig { timeout_secs: 1, ..config(sink.addr.port()) }).await.unwrap_err();

    assert!(matches!(error, PortError::Unavailable(_)), "{error:?}");
    described(&error, sink.addr.port());
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_secs(1) && elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[tokio::test]
async fn credentials_are_sent_with_auth_plain() {
    let sink = Sink::start(Script { auth: Some("PLAIN LOGIN"), ..Script::default() }).await;

    send(&with_credentials(sink.addr.port())).await.unwrap();

    let session = sink.only_session();
    let auth = session.auth.unwrap();
    assert_eq!(auth, ("PLAIN".to_owned(), "mailer".to_owned(), "s3cret pass".to_owned()));
    assert_eq!(session.rcpt_to, ["zoe@example.com"]);
}

#[tokio::test]
async fn credentials_are_sent_with_auth_login_when_it_is_the_only_mechanism() {
    let sink = Sink::start(Script { auth: Some("LOGIN"), ..Script::default() }).await;

    send(&with_credentials(sink.addr.port())).await.unwrap();

    let session = sink.only_session();
    let auth = session.auth.unwrap();
    assert_eq!(auth, ("LOGIN".to_owned(), "mailer".to_owned(), "s3cret pass".to_owned()));
    assert!(session.data.is_some());
}

#[tokio::test]
async fn refused_credentials_are_internal_and_nothing_is_sent() {
    let script =
        Script { auth: Some("PLAIN"), auth_reply: Some("535 5.7.8 authentication failed"), ..Script::default() };
    let sink = Sink::start(script).await;

    let error = send(&with_credentials(sink.addr.port())).await.unwrap_err();

    assert!(matches!(error, PortError::Internal(_)), "{error:?}");
    let text = described(&error, sink.addr.port());
    assert!(text.contains("535") && !text.contains("s3cret"), "{text}");
    assert!(!sink.only_session().verbs.contains(&"MAIL".to_owned()));
}

#[tokio::test]
async fn required_starttls_refuses_a_server_that_does_not_offer_it() {
    let sink = Sink::start(Script::default()).await;

    let error = send(&SmtpConfig { tls: SmtpTls::Starttls, ..config(sink.addr.port()) }).await.unwrap_err();

    assert!(matches!(error, PortError::Internal(_)), "{error:?}");
    described(&error, sink.addr.port());
    let session = sink.only_session();
    assert!(!session.verbs.contains(&"MAIL".to_owned()), "{session:?}");
}

#[tokio::test]
async fn only_a_2xx_reply_to_the_message_counts_as_accepted() {
    let sink = Sink::start(Script { data_reply: Some("354 send more"), ..Script::default() }).await;

    let error = send(&config(sink.addr.port())).await.unwrap_err();

    assert!(matches!(error, PortError::Internal(_)), "{error:?}");
    assert!(described(&error, sink.addr.port()).contains("354"), "{error}");
}
