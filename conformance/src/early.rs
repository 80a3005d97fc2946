//! Requests whose body a server may refuse from the headers alone, as a
//! 413 for a `Content-Length` over its limit, sent with
//! `Expect: 100-continue` (RFC 9110 §10.1.1) over HTTP/1.1: the body
//! follows only after `100 Continue`, or after a short wait for a server
//! that sends no interim answers. A final answer that comes first is the
//! answer; one that comes while the body is being written (the server then
//! closes, and the write fails) is read all the same.

use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use reqwest::Url;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

use crate::check::Answer;
use crate::run::Request;

/// How long to wait for `100 Continue` before sending the body anyway.
const CONTINUE_WAIT: Duration = Duration::from_secs(2);
/// The whole exchange's limit.
const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer head read.
const MAX_HEAD: usize = 64 * 1024;

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

/// Sends `request` as described in the module's documentation.
pub async fn send(request: &Request) -> anyhow::Result<Answer> {
    timeout(EXCHANGE_TIMEOUT, exchange(request)).await.map_err(|_| anyhow!("no answer within 30 s"))?
}

async fn exchange(request: &Request) -> anyhow::Result<Answer> {
    let url = Url::parse(&request.url).with_context(|| format!("the URL {}", request.url))?;
    let mut stream = connect(&url).await?;
    let body = request.body.as_deref().unwrap_or_default();
    stream.write_all(&head(request, &url, body.len())).await.context("sending the request head")?;
    stream.flush().await.context("sending the request head")?;

    let mut buffer = Vec::new();
    let interim = match timeout(CONTINUE_WAIT, read_head(&mut stream, &mut buffer)).await {
        Ok(head) => Some(head?),
        Err(_) => None,
    };
    match interim {
        // The final answer, sent before the body.
        Some((status, _)) if status != 100 => {}
        continued => {
            if let Some((_, end)) = continued {
                buffer.drain(..end);
            }
            // The server may answer and close while the body is written;
            // its answer is read below all the same.
            let _ = async {
                stream.write_all(body).await?;
                stream.flush().await
            }
            .await;
        }
    }
    read_answer(&mut stream, buffer).await
}

async fn connect(url: &Url) -> anyhow::Result<Box<dyn Stream>> {
    let host = url.host_str().ok_or_else(|| anyhow!("{url} names no host"))?.to_owned();
    let port = url.port_or_known_default().ok_or_else(|| anyhow!("{url} names no port"))?;
    let tcp = TcpStream::connect((host.trim_start_matches('[').trim_end_matches(']'), port))
        .await
        .with_context(|| format!("connecting to {host}:{port}"))?;
    match url.scheme() {
        "http" => Ok(Box::new(tcp)),
        "https" => {
            let roots = tokio_rustls::rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
            let provider = tokio_rustls::rustls::crypto::ring::default_provider();
            let config = tokio_rustls::rustls::ClientConfig::builder_with_provider(provider.into())
                .with_safe_default_protocol_versions()?
                .with_root_certificates(roots)
                .with_no_client_auth();
            let name = tokio_rustls::rustls::pki_types::ServerName::try_from(host.clone())?;
            let tls = tokio_rustls::TlsConnector::from(std::sync::Arc::new(config))
                .connect(name, tcp)
                .await
                .with_context(|| format!("TLS with {host}"))?;
            Ok(Box::new(tls))
        }
        scheme => bail!("{scheme} is not a scheme the harness speaks"),
    }
}

fn head(request: &Request, url: &Url, length: usize) -> Vec<u8> {
    let target = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_owned(),
    };
    let mut head = format!("{} {target} HTTP/1.1\r\nhost: {host}\r\ncontent-length: {length}\r\n", request.method);
    let mut expects = false;
    for (name, value) in &request.headers {
        expects |= name.eq_ignore_ascii_case("expect");
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !expects {
        head.push_str("expect: 100-continue\r\n");
    }
    head.push_str("connection: close\r\n\r\n");
    head.into_bytes()
}

/// Reads until `buffer` holds a whole answer head; its status and length.
async fn read_head(stream: &mut Box<dyn Stream>, buffer: &mut Vec<u8>) -> anyhow::Result<(u16, usize)> {
    loop {
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut answer = httparse::Response::new(&mut headers);
        if let httparse::Status::Complete(end) = answer.parse(buffer).context("the answer's head")? {
            return Ok((answer.code.unwrap_or_default(), end));
        }
        if buffer.len() > MAX_HEAD {
            bail!("an answer head of more than {MAX_HEAD} bytes");
        }
        let mut chunk = [0u8; 8192];
        let read = stream.read(&mut chunk).await.context("reading the answer")?;
        if read == 0 {
            bail!("the connection closed before an answer");
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
}

/// The final answer: its head from `buffer` (read further as needed), then
/// the body to the end of the connection (the request asked it closed).
async fn read_answer(stream: &mut Box<dyn Stream>, mut buffer: Vec<u8>) -> anyhow::Result<Answer> {
    loop {
        let (status, end) = read_head(stream, &mut buffer).await?;
        if (100..200).contains(&status) {
            buffer.drain(..end);
            continue;
        }
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Response::new(&mut headers);
        parsed.parse(&buffer)?;
        let mut map = HeaderMap::new();
        for header in parsed.headers.iter() {
            map.append(HeaderName::from_bytes(header.name.as_bytes())?, HeaderValue::from_bytes(header.value)?);
        }
        let mut body = buffer[end..].to_vec();
        // A server that closes at once may reset the connection: what came is the answer.
        let _ = stream.read_to_end(&mut body).await;
        let chunked = map
            .get(reqwest::header::TRANSFER_ENCODING)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.to_ascii_lowercase().contains("chunked"));
        if chunked {
            body = dechunk(&body)?;
        } else if let Some(length) = map
            .get(reqwest::header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<usize>().ok())
        {
            body.truncate(length);
        }
        return Ok(Answer { status, headers: map, body });
    }
}

/// The body of a `Transfer-Encoding: chunked` message (RFC 9112 §7.1).
fn dechunk(mut encoded: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        match httparse::parse_chunk_size(encoded).map_err(|_| anyhow!("a bad chunk size"))? {
            httparse::Status::Complete((_, 0)) => return Ok(body),
            httparse::Status::Complete((start, size)) => {
                let size = usize::try_from(size)?;
                let chunk = encoded.get(start..start + size).ok_or_else(|| anyhow!("a chunk cut short"))?;
                body.extend_from_slice(chunk);
                encoded = encoded.get(start + size + 2..).ok_or_else(|| anyhow!("a chunk cut short"))?;
            }
            httparse::Status::Partial => bail!("a chunked body cut short"),
        }
    }
}

#[cfg(test)]
mod tests {
    use reqwest::Method;
    use tokio::net::TcpListener;

    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").unwrap(), b"hello world");
        assert!(dechunk(b"5\r\nhel").is_err());
    }

    /// A server on a free port of 127.0.0.1 that reads one request head
    /// and hands the rest of the exchange to `answer`.
    async fn serve<F, Fut>(answer: F) -> String
    where
        F: FnOnce(TcpStream, Vec<u8>) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let mut head = Vec::new();
            while !head.ends_with(b"\r\n\r\n") {
                let mut byte = [0u8; 1];
                if stream.read(&mut byte).await.unwrap() == 0 {
                    return;
                }
                head.push(byte[0]);
            }
            answer(stream, head).await;
        });
        format!("http://{address}/users/me")
    }

    fn request(url: String, bytes: usize) -> Request {
        let headers = vec![("content-type".to_owned(), "application/json".to_owned())];
        Request { method: Method::PATCH, url, headers, body: Some(vec![b'x'; bytes]) }
    }

    #[tokio::test]
    async fn an_answer_sent_from_the_headers_alone_is_read() {
        let url = serve(|mut stream, head| async move {
            let head = String::from_utf8(head).unwrap();
            assert!(head.contains("expect: 100-continue"), "{head}");
            assert!(head.contains("content-length: 8388608"), "{head}");
            let answer = "HTTP/1.1 413 Payload Too Large\r\ncontent-type: application/json\r\ncontent-length: 17\r\nconnection: close\r\n\r\n{\"code\":\"large\"}";
            stream.write_all(answer.as_bytes()).await.unwrap();
            // Closed without reading the body.
        })
        .await;
        let answer = send(&request(url, 8 * 1024 * 1024)).await.unwrap();
        assert_eq!(answer.status, 413);
        assert_eq!(answer.body, br#"{"code":"large"}"#);
        assert_eq!(answer.headers["content-type"], "application/json");
    }

    #[tokio::test]
    async fn the_body_follows_100_continue() {
        let url = serve(|mut stream, _| async move {
            stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await.unwrap();
            let mut body = vec![0u8; 300_000];
            stream.read_exact(&mut body).await.unwrap();
            assert!(body.iter().all(|byte| *byte == b'x'));
            let answer = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n";
            stream.write_all(answer.as_bytes()).await.unwrap();
        })
        .await;
        let answer = send(&request(url, 300_000)).await.unwrap();
        assert_eq!((answer.status, answer.body.as_slice()), (200, b"ok".as_slice()));
    }

    #[tokio::test]
    async fn a_server_that_sends_no_interim_answer_gets_the_body_after_a_wait() {
        let url = serve(|mut stream, _| async move {
            let mut body = vec![0u8; 1000];
            stream.read_exact(&mut body).await.unwrap();
            stream.write_all(b"HTTP/1.1 204 No Content\r\n\r\n").await.unwrap();
        })
        .await;
        let answer = send(&request(url, 1000)).await.unwrap();
        assert_eq!(answer.status, 204);
        assert!(answer.body.is_empty());
    }
}
