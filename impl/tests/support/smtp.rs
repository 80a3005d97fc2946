//! A small SMTP server on 127.0.0.1 for tests: it speaks enough of RFC 5321
//! (EHLO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, QUIT) to record what it is
//! sent and to answer with the reply codes a test scripts.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use auth_service::adapters::mail::{SmtpConfig, SmtpTls};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// The longest any one step of the sink waits for the client.
const SINK_PATIENCE: Duration = Duration::from_secs(10);

/// How the sink answers; `None` means the positive reply.
#[derive(Clone, Copy, Default)]
pub struct Script {
    /// Accepts connections but never greets.
    pub silent: bool,
    /// Mechanisms advertised in the EHLO reply, e.g. `PLAIN LOGIN`.
    pub auth: Option<&'static str>,
    pub auth_reply: Option<&'static str>,
    pub mail_reply: Option<&'static str>,
    pub rcpt_reply: Option<&'static str>,
    /// The reply to the end of the message data.
    pub data_reply: Option<&'static str>,
}

/// What one connection sent.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// Every command verb, in order.
    pub verbs: Vec<String>,
    /// Mechanism, user name and password.
    pub auth: Option<(String, String, String)>,
    pub mail_from: Option<String>,
    pub rcpt_to: Vec<String>,
    /// The message as sent, dot-stuffing undone.
    pub data: Option<String>,
}

pub struct Sink {
    pub addr: SocketAddr,
    sessions: Arc<Mutex<Vec<Session>>>,
    task: JoinHandle<()>,
}

impl Sink {
    pub async fn start(script: Script) -> Self {
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

    pub fn sessions(&self) -> Vec<Session> {
        self.sessions.lock().unwrap().clone()
    }

    pub fn only_session(&self) -> Session {
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
pub fn angle_address(argument: &str) -> String {
    let start = argument.find('<').map_or(0, |i| i + 1);
    let end = argument.find('>').unwrap_or(argument.len());
    argument[start..end].to_owned()
}

/// SMTP settings for a port nothing listens on: every send is refused.
pub fn unreachable_smtp() -> SmtpConfig {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    SmtpConfig {
        host: "127.0.0.1".into(),
        port: Some(port),
        tls: SmtpTls::None,
        username: None,
        password: None,
        sender: "Auth <no-reply@example.com>".into(),
        timeout_secs: 2,
    }
}
