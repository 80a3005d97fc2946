//! A real OpenID Connect provider on loopback: `oidc-provider` from npm,
//! run by `oidc-provider.mjs` beside this file, with the clients and
//! accounts a test names.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};

use reqwest::header::LOCATION;
use reqwest::redirect::Policy;
use serde_json::{Value, json};
use tempfile::TempDir;
use url::Url;

/// A client registered at the provider.
#[derive(Clone, Copy)]
pub struct ProviderClient<'a> {
    pub id: &'a str,
    pub secret: &'a str,
    pub redirect_uri: &'a str,
    /// How the provider signs this client's ID tokens
    /// (`id_token_signed_response_alg`; `RS256` unless given).
    pub id_token_alg: Option<&'a str>,
}

/// A person with an account at the provider; `login` is what they type
/// on its sign-in page, and their `sub`.
#[derive(Clone, Copy)]
pub struct ProviderAccount<'a> {
    pub login: &'a str,
    pub email: &'a str,
    pub email_verified: bool,
    pub name: &'a str,
}

pub struct OidcProvider {
    /// The provider's issuer identifier, `http://127.0.0.1:PORT`, or the
    /// proxy's given to [`OidcProvider::start_as`].
    pub issuer: String,
    /// Where it listens.
    pub listening: String,
    child: Child,
    // Held open: the provider stops when it closes, should this process
    // end without dropping it.
    _stdin: Option<ChildStdin>,
    _config: TempDir,
}

/// Where the `oidc-provider` package is: `$OIDC_PROVIDER_MODULES`, or the
/// Node tools `scripts/test` installs.
pub fn node_modules() -> PathBuf {
    let modules = std::env::var_os("OIDC_PROVIDER_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/node/node_modules"));
    assert!(
        modules.join("oidc-provider").is_dir(),
        "oidc-provider is not installed in {}: run the test command, or `source scripts/tools.sh && tools_node`",
        modules.display()
    );
    modules
}

impl OidcProvider {
    /// Starts a provider with `clients` and `accounts`, whose ID tokens
    /// expire `id_token_ttl_seconds` after they are issued.
    pub fn start(clients: &[ProviderClient<'_>], accounts: &[ProviderAccount<'_>], id_token_ttl_seconds: u64) -> Self {
        Self::start_as(None, clients, accounts, id_token_ttl_seconds)
    }

    /// [`Self::start`], with `issuer` as its issuer identifier when given:
    /// the URL of a proxy in front of it, through which everyone reaches it.
    pub fn start_as(
        issuer: Option<&str>,
        clients: &[ProviderClient<'_>],
        accounts: &[ProviderAccount<'_>],
        id_token_ttl_seconds: u64,
    ) -> Self {
        let config = tempfile::tempdir().expect("temp dir");
        let clients: Vec<Value> = clients
            .iter()
            .map(|client| {
                json!({
                    "client_id": client.id,
                    "client_secret": client.secret,
                    "redirect_uris": [client.redirect_uri],
                    "id_token_signed_response_alg": client.id_token_alg.unwrap_or("RS256"),
                })
            })
            .collect();
        let accounts: serde_json::Map<String, Value> = accounts
            .iter()
            .map(|account| {
                let claims =
                    json!({"email": account.email, "email_verified": account.email_verified, "name": account.name});
                (account.login.to_owned(), claims)
            })
            .collect();
        let file = config.path().join("provider.json");
        let mut settings =
            json!({"clients": clients, "accounts": accounts, "id_token_ttl_seconds": id_token_ttl_seconds});
        if let Some(issuer) = issuer {
            settings["issuer"] = json!(issuer);
        }
        std::fs::write(&file, settings.to_string()).expect("write the provider's configuration");
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/support/oidc-provider.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .arg(&file)
            .env("OIDC_PROVIDER_MODULES", node_modules())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start node");
        let stdout = child.stdout.take().expect("stdout");
        let mut stdout = BufReader::new(stdout);
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read the provider's first line");
        // Whatever else it prints is read and dropped: a closed pipe would stop it.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let said = line.trim().strip_prefix("issuer ").and_then(|rest| rest.split_once(" at "));
        let (issuer, listening) = said.unwrap_or_else(|| panic!("provider said {line:?}"));
        let (issuer, listening) = (issuer.to_owned(), listening.to_owned());
        let stdin = child.stdin.take();
        Self { issuer, listening, child, _stdin: stdin, _config: config }
    }

    /// Signs `login` in on the provider's own sign-in page, from
    /// `authorization_url` on, as a browser would: following its redirects
    /// with its cookies and posting its form. Answers the URL the provider
    /// sends the browser back to, at `redirect_uri`.
    pub async fn sign_in(&self, authorization_url: &Url, login: &str, redirect_uri: &str) -> Url {
        let browser = reqwest::Client::builder().cookie_store(true).redirect(Policy::none()).build().unwrap();
        let mut next = authorization_url.clone();
        for _ in 0..10 {
            if next.as_str().starts_with(redirect_uri) {
                return next;
            }
            let response = if next.path().starts_with("/interaction/") {
                let page = browser.get(next.clone()).send().await.unwrap();
                assert_eq!(page.status(), 200, "the provider's sign-in page");
                let html = page.text().await.unwrap();
                assert!(html.contains(r#"name="login""#), "not a sign-in page: {html}");
                let form = [("prompt", "login"), ("login", login), ("password", "any")];
                browser.post(next.clone()).form(&form).send().await.unwrap()
            } else {
                browser.get(next.clone()).send().await.unwrap()
            };
            let status = response.status();
            let location = response.headers().get(LOCATION).map(|value| value.to_str().unwrap().to_owned());
            let Some(location) = location else {
                panic!("the provider answered {status} without a redirect: {}", response.text().await.unwrap())
            };
            next = next.join(&location).unwrap();
        }
        panic!("the provider did not send the browser back to {redirect_uri}")
    }
}

impl OidcProvider {
    /// Stops the provider: from now on it can't be reached.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
