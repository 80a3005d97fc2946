//! The SMTP mailer against a real SMTP server on 127.0.0.1: a small sink,
//! written here, that speaks enough of RFC 5321 (EHLO, AUTH PLAIN and LOGIN,
//! MAIL, RCPT, DATA, QUIT) to record what it is sent and to answer with the
//! reply codes a test scripts.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use auth_service::adapters::mail::{SmtpConfig, SmtpMailer, SmtpTls};
use auth_service::domain::{Email, PortError};
use auth_service::ports::{Mailer, OutgoingMail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use secrecy::SecretString;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// The longest any one step of the sink waits for the client.
const SINK_PATIENCE: Duration = Duration::from_secs(10);
/// The longest a test waits for a send, whatever the mailer's own timeout.
const TEST_PATIENCE: Duration = Duration::from_secs(15);

/// How the sink answers; `None` means the positive reply.
#[derive(Clone, Copy, Default)]
struct Script {
    /// Accepts connections but never greets.
    silent: bool,
    /// Mechanisms advertised in the EHLO reply, e.g. `PLAIN LOGIN`.
    auth: Option<&'static str>,
    auth_reply: Option<&'static str>,
    mail_reply: Option<&'static str>,
    rcpt_reply: Option<&'static str>,
    /// The reply to the end of the message data.
    data_reply: Option<&'static str>,
}

/// What one connection sent.
#[derive(Debug, Clone, Default)]
struct Session {
    /// Every command verb, in order.
    verbs: Vec<String>,
    /// Mechanism, user name and password.
    auth: Option<(String, String, String)>,
    mail_from: Option<String>,
    rcpt_to: Vec<String>,
    /// The message as sent, dot-stuffing undone.
    data: Option<String>,
}

struct Sink {
    addr: SocketAddr,
    sessions: Arc<Mutex<Vec<Session>>>,
    task: JoinHandle<()>,
}

impl Sink {
    async fn start(script: Script) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let sessions = Arc::new(Mutex::new(Vec::new()));
        let recorded = sessions.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let index = {
                    let mut sessions = recorded.lock().unwrap();
                    sessions.push(Session::default());
                    sessions.len() - 1
                };
                let recorded = recorded.clone();
                tokio::spawn(async move {
                    // Every wait inside is bounded; a connection that goes
                    // quiet or breaks simply ends.
                    let _ = serve(stream, script, |change: &dyn Fn(&mut Session)| {
                        change(&mut recorded.lock().unwrap()[index]);
                    })
                    .await;
                });
            }
        });
        Self { addr, sessions, task }
    }

    fn sessions(&self) -> Vec<Session> {
        self.sessions.lock().unwrap().clone()
    }

    fn only_session(&self) -> Session {
        let sessions = self.sessions();
        assert_eq!(sessions.len(), 1, "{sessions:?}");
        sessions.into_iter().next().unwrap()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(stream: TcpStream, script: Script, record: impl Fn(&dyn Fn(&mut Session))) -> std::io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    if script.silent {
        tokio::time::sleep(SINK_PATIENCE).await;
        return Ok(());
    }
    writer.write_all(b"220 sink.test ESMTP\r\n").await?;
    loop {
        let Some(line) = read_line(&mut reader).await? else { return Ok(()) };
        let verb = line.split(' ').next().unwrap_or_default().to_ascii_uppercase();
        let argument = line.get(verb.len()..).unwrap_or_default().trim().to_owned();
        record(&|session| session.verbs.push(verb.clone()));
        let reply = match verb.as_str() {
            "EHLO" => match script.auth {
                Some(mechanisms) => format!("250-sink.test\r\n250-8BITMIME\r\n250 AUTH {mechanisms}"),
                None => "250-sink.test\r\n250 8BITMIME".to_owned(),
            },
            "HELO" => "250 sink.test".to_owned(),
            "AUTH" => {
                let (user, password, mechanism) = match authenticate(&argument, &mut reader, &mut writer).await? {
                    Some(credentials) => credentials,
                    None => return Ok(()),
                };
                record(&|session| session.auth = Some((mechanism.clone(), user.clone(), password.clone())));
                script.auth_reply.unwrap_or("235 2.7.0 authenticated").to_owned()
            }
            "MAIL" => match script.mail_reply {
                Some(reply) => reply.to_owned(),
                None => {
                    record(&|session| session.mail_from = Some(angle_address(&argument)));
                    "250 2.1.0 sender ok".to_owned()
                }
            },
            "RCPT" => match script.rcpt_reply {
                Some(reply) => reply.to_owned(),
                None => {
                    record(&|session| session.rcpt_to.push(angle_address(&argument)));
                    "250 2.1.5 recipient ok".to_owned()
                }
            },
            "DATA" => {
                writer.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let mut data = String::new();
                loop {
                    let Some(line) = read_line(&mut reader).await? else { return Ok(()) };
                    if line == "." {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                    data.push_str("\r\n");
                }
                record(&|session| session.data = Some(data.clone()));
                script.data_reply.unwrap_or("250 2.0.0 queued").to_owned()
            }
            "RSET" | "NOOP" => "250 2.0.0 ok".to_owned(),
            "QUIT" => {
                writer.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => "502 5.5.2 command not implemented".to_owned(),
        };
        writer.write_all(format!("{reply}\r\n").as_bytes()).await?;
        if reply.starts_with("421") {
            return Ok(());
        }
    }
}

/// One line without its CRLF; `None` at the end of the stream or when the
/// client stays quiet too long.
async fn read_line(reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    match tokio::time::timeout(SINK_PATIENCE, reader.read_line(&mut line)).await {
        Ok(Ok(0)) | Err(_) => Ok(None),
        Ok(Ok(_)) => Ok(Some(line.trim_end_matches(['\r', '\n']).to_owned())),
        Ok(Err(error)) => Err(error),
    }
}

/// Runs the AUTH exchange and gives the user name, password and mechanism.
async fn authenticate(
    argument: &str,
    reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
    writer: &mut tokio::net::tcp::OwnedWriteHalf,
) -> std::io::Result<Option<(String, String, String)>> {
    let decode = |encoded: &str| String::from_utf8(BASE64.decode(encoded.trim()).unwrap()).unwrap();
    let mut words = argument.split(' ');
    let mechanism = words.next().unwrap_or_default().to_ascii_uppercase();
    match mechanism.as_str() {
        "PLAIN" => {
            let response = match words.next() {
                Some(initial) => initial.to_owned(),
                None => {
                    writer.write_all(b"334 \r\n").await?;
                    let Some(line) = read_line(reader).await? else { return Ok(None) };
                    line
                }
            };
            let decoded = decode(&response);
            let mut parts = decoded.split('\0').skip(1);
            let (user, password) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
            Ok(Some((user.to_owned(), password.to_owned(), mechanism)))
        }
        "LOGIN" => {
            writer.write_all(format!("334 {}\r\n", BASE64.encode("Username:")).as_bytes()).await?;
            let Some(user) = read_line(reader).await? else { return Ok(None) };
            writer.write_all(format!("334 {}\r\n", BASE64.encode("Password:")).as_bytes()).await?;
            let Some(password) = read_line(reader).await? else { return Ok(None) };
            Ok(Some((decode(&user), decode(&password), mechanism)))
        }
        _ => Ok(None),
    }
}

/// `FROM:<a@b.c> BODY=8BITMIME` gives `a@b.c`.
fn angle_address(argument: &str) -> String {
    let start = argument.find('<').map_or(0, |i| i + 1);
    let end = argument.find('>').unwrap_or(argument.len());
    argument[start..end].to_owned()
}

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
