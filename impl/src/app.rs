//! Wiring: the service over the backend the configuration names.

use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
#[cfg(feature = "aws")]
use secrecy::ExposeSecret;
use secrecy::SecretString;

#[cfg(feature = "aws")]
use crate::adapters::aws::{self, CognitoIdentity, CognitoSettings, DynamoStore};
use crate::adapters::embedded::{
    CodeKey, Db, EmbeddedIdentity, IdentitySettings, PasswordHasher, SigningKey, SqliteStore, secret_file,
};
#[cfg(feature = "aws")]
use crate::adapters::mail::SesMailer;
use crate::adapters::mail::{OutboxMailer, SmtpMailer};
use crate::adapters::observed::observed;
use crate::adapters::oidc::{Oidc, ProviderSettings};
use crate::config::{Backend, Config, MailTransport};
#[cfg(feature = "aws")]
use crate::domain::federation::ChallengeKey;
use crate::domain::{AuthService, Clock, FederatedProvider, FederationSettings, MfaKey, Ports, Settings, SystemClock};
use crate::http;
use crate::ports::{
    AttemptCounter, FederationStore, IdentityProvider, Mailer, MfaStore, OpenIdProvider, SecurityLog, SessionStore,
    UserStore,
};

/// Runs `task`, a binary's work, on a multi-threaded runtime: exits 1 with
/// the error logged when the runtime cannot start or `task` fails, as
/// "`what` stopped".
pub fn run(what: &str, task: impl Future<Output = anyhow::Result<()>>) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!(error = %error, "could not start the runtime");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(task) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "{what} stopped");
            ExitCode::FAILURE
        }
    }
}

/// The HTTP application over the configured backend, with the system
/// clock. Makes no network calls: the AWS backend connects on first use.
pub async fn build(config: &Config) -> anyhow::Result<Router> {
    build_with_clock(config, Arc::new(SystemClock)).await
}

/// The HTTP application over the configured backend, with the given clock.
pub async fn build_with_clock(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Router> {
    Ok(http::router(service_with_clock(config, clock).await?, &config.server))
}

/// The domain service over the configured backend, with the system clock.
pub async fn service(config: &Config) -> anyhow::Result<Arc<AuthService>> {
    service_with_clock(config, Arc::new(SystemClock)).await
}

/// The domain service over the configured backend, with the given clock.
pub async fn service_with_clock(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Arc<AuthService>> {
    let service = match config.backend {
        Backend::Embedded => embedded_with_clock(config, clock).await?,
        #[cfg(feature = "aws")]
        Backend::Aws => aws_with_clock(config, clock).await?,
        #[cfg(not(feature = "aws"))]
        Backend::Aws => anyhow::bail!("backend aws: this build has no AWS backend; build with `--features aws`"),
    };
    Ok(Arc::new(service))
}

/// The service over the embedded backend, with the given clock.
async fn embedded_with_clock(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<AuthService> {
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
    let mailer = mailer(config).await?;
    let identity_settings = IdentitySettings {
        tokens: config.tokens.clone(),
        signup: config.signup.clone(),
        reset: config.password_reset.clone(),
    };
    let identity = Arc::new(EmbeddedIdentity::new(
        db,
        hasher,
        keys,
        mailer.clone(),
        store.clone(),
        clock.clone(),
        identity_settings,
    ));
    spawn_purge(store.clone(), clock.clone(), Duration::from_secs(config.login.window_secs));
    let settings = settings(config, true, clock.clone())?;
    Ok(AuthService::new(ports(identity, store, mailer, clock), settings, mfa_key))
}

/// Brings what earlier versions stored up to this version, for
/// `auth-server migrate`, and says what it did. The embedded backend
/// migrates its database whenever it opens it; the AWS backend's table and
/// pool are migrated only here (see [`aws::migrate`]). Safe to run again
/// and beside running instances.
pub async fn migrate(config: &Config) -> anyhow::Result<String> {
    match config.backend {
        Backend::Embedded => {
            let path = config.storage.data_dir.join("auth.db");
            anyhow::ensure!(path.exists(), "no database at {}", path.display());
            Db::open(&path)?;
            Ok(format!("the database at {} is current", path.display()))
        }
        #[cfg(feature = "aws")]
        Backend::Aws => {
            let clients = aws::Clients::new(&config.aws).await?;
            let done = aws::migrate::canonicalise_addresses(&clients, config).await?;
            Ok(format!(
                "addresses: {} profiles read, {} rewritten in the table, {} updated in Cognito, {} left alone (another account has the canonical spelling; see the warnings)",
                done.profiles, done.rewritten, done.cognito_updated, done.clashes
            ))
        }
        #[cfg(not(feature = "aws"))]
        Backend::Aws => anyhow::bail!("backend aws: this build has no AWS backend; build with `--features aws`"),
    }
}

/// The mailer the configuration asks for. SES uses the clients of the
/// `[aws]` section, with whichever backend.
pub async fn mailer(config: &Config) -> anyhow::Result<Arc<dyn Mailer>> {
    match config.mail.transport {
        #[cfg(feature = "aws")]
        MailTransport::Ses => ses_mailer(config, aws::Clients::new(&config.aws).await?.ses),
        _ => local_mailer(config),
    }
}

/// The outbox or SMTP mailer the configuration asks for.
fn local_mailer(config: &Config) -> anyhow::Result<Arc<dyn Mailer>> {
    let mailer: Arc<dyn Mailer> = match (&config.mail.transport, &config.mail.smtp) {
        (MailTransport::Smtp, Some(smtp)) => Arc::new(SmtpMailer::new(smtp)?),
        (MailTransport::Smtp, None) => anyhow::bail!("mail.transport is smtp but there is no [mail.smtp] section"),
        (MailTransport::Outbox, _) => Arc::new(OutboxMailer::new(&config.mail.outbox, &config.storage.data_dir)?),
        (MailTransport::Ses, _) => {
            anyhow::bail!("mail.transport ses: this build has no AWS SDK; build with `--features aws`")
        }
    };
    Ok(crate::metrics::counted(mailer))
}

#[cfg(feature = "aws")]
fn ses_mailer(config: &Config, client: aws_sdk_sesv2::Client) -> anyhow::Result<Arc<dyn Mailer>> {
    let Some(ses) = &config.mail.ses else { anyhow::bail!("mail.transport is ses but there is no [mail.ses] section") };
    Ok(crate::metrics::counted(Arc::new(SesMailer::new(client, ses)?)))
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

/// The service over Cognito and DynamoDB, with the given clock. Cognito
/// mails its codes itself; the mail settings are for security notices.
#[cfg(feature = "aws")]
async fn aws_with_clock(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<AuthService> {
    let clients = aws::Clients::new(&config.aws).await?;
    // The secrets at once: on Lambda, before the first event.
    let (key, challenge_key, config) = tokio::try_join!(
        aws_mfa_key(&config.mfa, &config.aws, Some(&clients)),
        aws_challenge_key(&config.aws, Some(&clients)),
        with_provider_secrets(config, &clients),
    )?;
    let config = &config;
    if challenge_key.is_none() && !config.federation.providers.is_empty() {
        anyhow::bail!(
            "federated sign-in on backend aws needs aws.custom_auth_key_secret (or aws.custom_auth_key), \
             the key of the user pool's custom authentication trigger"
        );
    }
    aws_with_clients(config, clients, key, challenge_key, clock)
}

/// The text of the Secrets Manager secret `id`, read with `clients`, or
/// with clients made for it when `None`.
#[cfg(feature = "aws")]
async fn secret_text(
    aws_config: &aws::AwsConfig,
    clients: Option<&aws::Clients>,
    id: &str,
) -> anyhow::Result<SecretString> {
    match clients {
        Some(clients) => clients.secret_string(id).await,
        None => aws::Clients::new(aws_config).await?.secret_string(id).await,
    }
}

/// `config` with the client secrets of its providers that have none from
/// `federation.client_secrets_secret`: a Secrets Manager secret holding
/// them by provider id, `{"google": "…", …}`. Errors name the secret and
/// the provider at fault, never a value.
#[cfg(feature = "aws")]
async fn with_provider_secrets(config: &Config, clients: &aws::Clients) -> anyhow::Result<Config> {
    let mut config = config.clone();
    let Some(secret) = config.federation.client_secrets_secret.clone() else { return Ok(config) };
    let text = clients.secret_string(&secret).await?;
    // serde_json's messages can quote the input: none is passed on.
    let stored: std::collections::BTreeMap<String, SecretString> =
        serde_json::from_str(text.expose_secret()).map_err(|_| {
            anyhow::anyhow!(r#"the secret {secret} is not JSON of the form {{"PROVIDER_ID": "CLIENT_SECRET", …}}"#)
        })?;
    for (id, client_secret) in stored {
        let Some(provider) = config.federation.providers.get_mut(&id) else {
            anyhow::bail!("the secret {secret} has a client secret for {id:?}, which is not a configured provider");
        };
        if provider.client_secret.is_none() && provider.client_secret_file.is_none() {
            provider.client_secret = Some(client_secret);
        }
    }
    Ok(config)
}

/// The key shared with the user pool's custom authentication trigger:
/// `aws.custom_auth_key`, or the keyring in the Secrets Manager secret
/// `aws.custom_auth_key_secret`; `None` when neither is set.
#[cfg(feature = "aws")]
pub async fn aws_challenge_key(
    aws_config: &aws::AwsConfig,
    clients: Option<&aws::Clients>,
) -> anyhow::Result<Option<ChallengeKey>> {
    match (&aws_config.custom_auth_key, &aws_config.custom_auth_key_secret) {
        (Some(key), _) => ChallengeKey::from_text(key).map(Some),
        (None, Some(secret)) => ChallengeKey::from_keyring(&secret_text(aws_config, clients, secret).await?)
            .map(Some)
            .with_context(|| format!("the secret {secret}")),
        (None, None) => Ok(None),
    }
}

/// The AWS backend's MFA key: `mfa.encryption_key`, or the keyring in the
/// Secrets Manager secret `mfa.encryption_key_secret`, read once per call
/// (on Lambda, once per execution environment) with `clients`, or with
/// clients made for it when `None`.
#[cfg(feature = "aws")]
pub async fn aws_mfa_key(
    mfa: &crate::domain::MfaSettings,
    aws_config: &aws::AwsConfig,
    clients: Option<&aws::Clients>,
) -> anyhow::Result<MfaKey> {
    match (&mfa.encryption_key, &mfa.encryption_key_secret) {
        (Some(encoded), _) => MfaKey::from_base64(encoded),
        (None, Some(secret)) => MfaKey::from_keyring(&secret_text(aws_config, clients, secret).await?)
            .with_context(|| format!("the secret {secret}")),
        (None, None) => anyhow::bail!(
            "backend aws needs mfa.encryption_key_secret (or mfa.encryption_key), the same for every instance"
        ),
    }
}

/// The service over the given AWS clients. Fails when the mail settings
/// do not make a mailer.
#[cfg(feature = "aws")]
pub fn aws_with_clients(
    config: &Config,
    clients: aws::Clients,
    key: MfaKey,
    challenge_key: Option<ChallengeKey>,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<AuthService> {
    let mailer = match config.mail.transport {
        MailTransport::Ses => ses_mailer(config, clients.ses.clone())?,
        _ => local_mailer(config)?,
    };
    let store = Arc::new(DynamoStore::new(
        clients.dynamodb,
        &config.aws.table_name,
        Duration::from_secs(config.tokens.refresh_ttl_secs),
    ));
    let cognito = CognitoSettings {
        user_pool_id: config.aws.user_pool_id.clone(),
        client_id: config.aws.client_id.clone(),
        client_secret: config.aws.client_secret.clone(),
        issuer: clients.issuer,
        jwks_url: clients.jwks_url,
    };
    let identity =
        Arc::new(CognitoIdentity::new(clients.cognito, cognito, (*store).clone(), clock.clone(), challenge_key));
    let settings = settings(config, false, clock.clone())?;
    Ok(AuthService::new(ports(identity, store, mailer, clock), settings, key))
}

/// The ports over one store that keeps everything but credentials, each
/// call timed (`adapters::observed`).
fn ports<S>(identity: Arc<dyn IdentityProvider>, store: Arc<S>, mailer: Arc<dyn Mailer>, clock: Arc<dyn Clock>) -> Ports
where
    S: UserStore + AttemptCounter + MfaStore + SessionStore + SecurityLog + FederationStore + 'static,
{
    Ports {
        identity: observed(identity),
        users: observed::<dyn UserStore>(store.clone()),
        attempts: observed::<dyn AttemptCounter>(store.clone()),
        mfa: observed::<dyn MfaStore>(store.clone()),
        sessions: observed::<dyn SessionStore>(store.clone()),
        events: observed::<dyn SecurityLog>(store.clone()),
        federation: observed::<dyn FederationStore>(store),
        mailer: observed(mailer),
        clock,
    }
}

/// The OpenID Connect providers of the configuration, each call timed
/// (`adapters::observed`). A client secret from a file is read now; the
/// error names the file, never its content.
fn federation(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<FederationSettings> {
    let federation = &config.federation;
    let mut providers = Vec::new();
    for (id, provider) in &federation.providers {
        let client_secret = match (&provider.client_secret, &provider.client_secret_file) {
            (Some(secret), _) => Some(secret.clone()),
            (None, Some(file)) => {
                let text = fs::read_to_string(file).with_context(|| {
                    format!("reading federation.providers.{id}.client_secret_file {}", file.display())
                })?;
                Some(SecretString::from(text.trim_end_matches(['\r', '\n']).to_owned()))
            }
            (None, None) => None,
        };
        let issuer = provider.issuer(id).unwrap_or_default();
        let settings = ProviderSettings {
            issuer: issuer.clone(),
            client_id: provider.client_id.clone(),
            client_secret,
            scopes: provider.scopes.clone(),
            redirect_uri: federation.callback_url.clone().unwrap_or_default(),
        };
        let client: Arc<dyn OpenIdProvider> =
            Arc::new(Oidc::new(settings, clock.clone()).with_context(|| format!("federation.providers.{id}"))?);
        providers.push(FederatedProvider {
            id: id.clone(),
            name: provider.name.clone().unwrap_or_else(|| id.clone()),
            issuer,
            link_existing_accounts: provider.link_existing_accounts,
            client: observed(client),
        });
    }
    let https = federation
        .callback_url
        .as_deref()
        .and_then(|url| url::Url::parse(url).ok())
        .is_some_and(|url| url.scheme() == "https");
    Ok(FederationSettings { providers, redirect_uris: federation.redirect_uris.clone(), https })
}

/// The domain's rules from the configuration.
fn settings(config: &Config, work_after_answer: bool, clock: Arc<dyn Clock>) -> anyhow::Result<Settings> {
    Ok(Settings {
        federation: federation(config, clock)?,
        policy: config.password.clone(),
        limits: config.login.clone(),
        signup: config.signup.clone(),
        mfa: config.mfa.clone(),
        sessions: config.tokens.session_policy(),
        accounts: config.accounts.rules().map_err(|error| anyhow::anyhow!("invalid configuration: {error}"))?,
        grouping: config.server.grouping(),
        work_after_answer,
    })
}
