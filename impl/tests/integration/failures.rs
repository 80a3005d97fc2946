//! Every operation when its dependencies fail: the store unreachable, an
//! unexpected internal error, or a dependency too slow to answer in time.
//! The ports are replaced by adapters that fail on every call.

use crate::support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use async_trait::async_trait;
use auth_service::config::Config;
use auth_service::domain::federation::AuthorizationSecrets;
use auth_service::domain::{
    Attributes, AuthService, ConfirmationCode, DisplayName, Email, FederatedProvider, FederationSettings, MfaKey,
    Password, PortError, Ports, Principal, PublicKey, Roles, SessionId, Settings, SystemClock, User, UserId,
};
use auth_service::ports::{
    Acquire, AttemptCounter, BackupCodeUse, CodeDelivery, Confirmation, EventPosition, FederationCode, FederationStore,
    IdentityProvider, Insert, Issued, LinkedIdentity, Mailer, MfaChallenge, MfaRecord, MfaStore, NewRefreshToken,
    OpenIdProvider, OutgoingMail, PasswordChange, PasswordReset, PendingAuthorization, Redeemed, Rotation,
    SecurityEvent, SecurityLog, SessionGrant, SessionRecord, SessionStore, SignIn, SignUp, StoredRefreshToken, Unlink,
    UserFilter, UserStore,
};
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use secrecy::SecretString;
use support::{FEDERATED_PROVIDER, FEDERATED_REDIRECT, error_body, every_operation};

#[derive(Clone, Copy)]
enum Failure {
    Unavailable,
    Internal,
    /// Answers only after longer than the request timeout.
    Slow,
}

struct Broken(Failure);

impl Broken {
    async fn fail<T>(&self) -> Result<T, PortError> {
        match self.0 {
            Failure::Unavailable => Err(PortError::Unavailable(anyhow!("connection refused"))),
            Failure::Internal => Err(PortError::Internal(anyhow!("corrupt row"))),
            Failure::Slow => {
                tokio::time::sleep(Duration::from_secs(30)).await;
                Err(PortError::Unavailable(anyhow!("too slow")))
            }
        }
    }
}

#[async_trait]
impl IdentityProvider for Broken {
    async fn sign_up(&self, _: &Email, _: &Password, _: bool) -> Result<SignUp, PortError> {
        self.fail().await
    }
    async fn invite(&self, _: &Email) -> Result<SignUp, PortError> {
        self.fail().await
    }
    async fn send_invitation_code(&self, _: &Email) -> Result<CodeDelivery, PortError> {
        self.fail().await
    }
    async fn send_confirmation_code(&self, _: &Email) -> Result<CodeDelivery, PortError> {
        self.fail().await
    }
    async fn confirm_sign_up(&self, _: &Email, _: &ConfirmationCode) -> Result<Confirmation, PortError> {
        self.fail().await
    }
    async fn send_password_reset_code(&self, _: &Email) -> Result<CodeDelivery, PortError> {
        self.fail().await
    }
    async fn reset_password(&self, _: &Email, _: &ConfirmationCode, _: &Password) -> Result<PasswordReset, PortError> {
        self.fail().await
    }
    async fn delete_user(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
    async fn sign_in(&self, _: &Email, _: &Password) -> Result<SignIn, PortError> {
        self.fail().await
    }
    async fn federated_grant(&self, _: UserId) -> Result<Option<SessionGrant>, PortError> {
        self.fail().await
    }
    async fn issue(&self, _: UserId, _: SessionGrant) -> Result<Issued, PortError> {
        self.fail().await
    }
    async fn reissue(&self, _: UserId, _: &SessionId, _: Option<SecretString>) -> Result<Option<Issued>, PortError> {
        self.fail().await
    }
    async fn verify_access_token(&self, _: &str) -> Result<Option<Principal>, PortError> {
        self.fail().await
    }
    async fn end_provider_sessions(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
    async fn void_password_resets(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
    async fn change_password(&self, _: UserId, _: &Password, _: &Password) -> Result<PasswordChange, PortError> {
        self.fail().await
    }
    async fn set_claims(&self, _: UserId, _: &Roles, _: &Attributes) -> Result<(), PortError> {
        self.fail().await
    }
    async fn check_password(&self, _: UserId, _: &Password) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn public_keys(&self) -> Result<Vec<PublicKey>, PortError> {
        self.fail().await
    }
}

#[async_trait]
impl SessionStore for Broken {
    async fn start(&self, _: &SessionRecord, _: NewRefreshToken<'_>) -> Result<(), PortError> {
        self.fail().await
    }
    async fn session(&self, _: UserId, _: &SessionId) -> Result<Option<SessionRecord>, PortError> {
        self.fail().await
    }
    async fn refresh_token(&self, _: &[u8]) -> Result<Option<(StoredRefreshToken, SessionRecord)>, PortError> {
        self.fail().await
    }
    async fn rotate(&self, _: Rotation<'_>) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn end(&self, _: UserId, _: &SessionId) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn end_all(&self, _: UserId, _: Option<&SessionId>) -> Result<(), PortError> {
        self.fail().await
    }
    async fn list(&self, _: UserId) -> Result<Vec<SessionRecord>, PortError> {
        self.fail().await
    }
    async fn forget(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
}

#[async_trait]
impl MfaStore for Broken {
    async fn get(&self, _: UserId) -> Result<Option<MfaRecord>, PortError> {
        self.fail().await
    }
    async fn begin_setup(&self, _: UserId, _: &[u8], _: DateTime<Utc>) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn enable(&self, _: UserId, _: &[u8], _: u64, _: &[Vec<u8>], _: DateTime<Utc>) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn disable(&self, _: UserId) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn cancel_setup(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
    async fn use_step(&self, _: UserId, _: u64) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn use_backup_code(&self, _: UserId, _: &[u8]) -> Result<BackupCodeUse, PortError> {
        self.fail().await
    }
    async fn replace_backup_codes(&self, _: UserId, _: &[Vec<u8>]) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn insert_challenge(&self, _: &[u8], _: &MfaChallenge) -> Result<(), PortError> {
        self.fail().await
    }
    async fn try_challenge(&self, _: &[u8], _: u32, _: DateTime<Utc>) -> Result<Option<MfaChallenge>, PortError> {
        self.fail().await
    }
    async fn consume_challenge(&self, _: &[u8]) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn end_challenges(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
    async fn forget(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
}

#[async_trait]
impl UserStore for Broken {
    async fn insert(&self, _: &User) -> Result<Insert, PortError> {
        self.fail().await
    }
    async fn delete(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
    async fn get(&self, _: UserId) -> Result<Option<User>, PortError> {
        self.fail().await
    }
    async fn id_by_email(&self, _: &Email) -> Result<Option<UserId>, PortError> {
        self.fail().await
    }
    async fn set_email_verified(&self, _: UserId, _: DateTime<Utc>) -> Result<Option<User>, PortError> {
        self.fail().await
    }
    async fn set_name(&self, _: UserId, _: &DisplayName, _: DateTime<Utc>) -> Result<Option<User>, PortError> {
        self.fail().await
    }
    async fn set_disabled(&self, _: UserId, _: bool, _: DateTime<Utc>) -> Result<Option<User>, PortError> {
        self.fail().await
    }
    async fn set_claims(
        &self,
        _: UserId,
        _: &Roles,
        _: &Attributes,
        _: DateTime<Utc>,
    ) -> Result<Option<User>, PortError> {
        self.fail().await
    }
    async fn list(&self, _: &UserFilter, _: Option<&str>, _: usize) -> Result<(Vec<User>, Option<String>), PortError> {
        self.fail().await
    }
    async fn ping(&self) -> Result<(), PortError> {
        self.fail().await
    }
}

#[async_trait]
impl AttemptCounter for Broken {
    async fn acquire(&self, _: &str, _: u32, _: Duration, _: DateTime<Utc>) -> Result<Acquire, PortError> {
        self.fail().await
    }
    async fn release(&self, _: &str) -> Result<(), PortError> {
        self.fail().await
    }
    async fn reset(&self, _: &str) -> Result<(), PortError> {
        self.fail().await
    }
}

#[async_trait]
impl SecurityLog for Broken {
    async fn record(&self, _: &SecurityEvent) -> Result<(), PortError> {
        self.fail().await
    }
    async fn page(
        &self,
        _: UserId,
        _: Option<&EventPosition>,
        _: usize,
    ) -> Result<Vec<(EventPosition, SecurityEvent)>, PortError> {
        self.fail().await
    }
    async fn forget(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
}

#[async_trait]
impl FederationStore for Broken {
    async fn insert_authorization(&self, _: &[u8], _: &PendingAuthorization) -> Result<(), PortError> {
        self.fail().await
    }
    async fn take_authorization(&self, _: &[u8], _: DateTime<Utc>) -> Result<Option<PendingAuthorization>, PortError> {
        self.fail().await
    }
    async fn insert_code(&self, _: &[u8], _: &FederationCode) -> Result<(), PortError> {
        self.fail().await
    }
    async fn take_code(&self, _: &[u8], _: DateTime<Utc>) -> Result<Option<FederationCode>, PortError> {
        self.fail().await
    }
    async fn identity(&self, _: &str, _: &str) -> Result<Option<LinkedIdentity>, PortError> {
        self.fail().await
    }
    async fn link(&self, _: &LinkedIdentity) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn identities(&self, _: UserId) -> Result<Vec<LinkedIdentity>, PortError> {
        self.fail().await
    }
    async fn unlink(&self, _: UserId, _: uuid::Uuid, _: bool, _: DateTime<Utc>) -> Result<Unlink, PortError> {
        self.fail().await
    }
    async fn was_unlinked(&self, _: UserId, _: &str, _: &str) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn set_passwordless(&self, _: UserId, _: bool) -> Result<(), PortError> {
        self.fail().await
    }
    async fn is_passwordless(&self, _: UserId) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn forget(&self, _: UserId) -> Result<(), PortError> {
        self.fail().await
    }
}

#[async_trait]
impl OpenIdProvider for Broken {
    async fn authorization_url(&self, _: &AuthorizationSecrets) -> Result<url::Url, PortError> {
        self.fail().await
    }
    async fn authorization_response_iss_parameter_supported(&self) -> Result<bool, PortError> {
        self.fail().await
    }
    async fn redeem(&self, _: &str, _: &AuthorizationSecrets) -> Result<Redeemed, PortError> {
        self.fail().await
    }
}

#[async_trait]
impl Mailer for Broken {
    async fn send(&self, _: &OutgoingMail) -> Result<(), PortError> {
        self.fail().await
    }
}

async fn spawn_broken(failure: Failure) -> String {
    let broken = Arc::new(Broken(failure));
    let mut config = Config::default();
    config.server.request_timeout_secs = 1;
    let ports = Ports {
        identity: broken.clone(),
        users: broken.clone(),
        attempts: broken.clone(),
        mfa: broken.clone(),
        sessions: broken.clone(),
        events: broken.clone(),
        federation: broken.clone(),
        mailer: broken.clone(),
        clock: Arc::new(SystemClock),
    };
    let settings = Settings {
        policy: config.password.clone(),
        limits: config.login.clone(),
        signup: config.signup.clone(),
        mfa: config.mfa.clone(),
        sessions: config.tokens.session_policy(),
        accounts: config.accounts.rules().unwrap(),
        grouping: config.server.grouping(),
        federation: FederationSettings {
            providers: vec![FederatedProvider {
                id: FEDERATED_PROVIDER.to_owned(),
                name: "Local".to_owned(),
                issuer: "https://provider.example".to_owned(),
                link_existing_accounts: true,
                client: broken.clone(),
            }],
            redirect_uris: vec![FEDERATED_REDIRECT.to_owned()],
            https: false,
        },
        work_after_answer: true,
    };
    let auth = AuthService::new(ports, settings, MfaKey::from_bytes(&MfaKey::generate()).unwrap());
    let router = auth_service::http::router(Arc::new(auth), &config.server);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.unwrap();
    });
    base
}

async fn check_every_operation(failure: Failure, status: StatusCode, code: &str) {
    let base = spawn_broken(failure).await;
    let http = reqwest::Client::new();
    // requestPasswordReset answers 202 before it touches the store (so that
    // its timing reveals nothing); its failures are only logged.
    // listIdentityProviders answers from the configuration alone.
    let untouched = ["/auth/password/forgot", "/auth/federation/providers"];
    let operations = every_operation().into_iter().filter(|operation| !untouched.contains(&operation.path));
    let checks = operations.map(|operation| {
        let (http, base) = (&http, &base);
        async move {
            let mut request = operation.request(http, base, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
            if let Some(body) = &operation.body {
                request = request.json(body);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), status, "{}", operation.describe());
            let text = error_body(response, status, code).await.to_string();
            for leak in ["connection refused", "corrupt row", "too slow"] {
                assert!(!text.contains(leak), "{} leaks the internal cause: {text}", operation.describe());
            }
        }
    });
    futures::future::join_all(checks).await;
}

#[tokio::test]
async fn an_unreachable_store_is_a_503_on_every_operation() {
    check_every_operation(Failure::Unavailable, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable").await;
}

#[tokio::test]
async fn an_internal_failure_is_a_500_on_every_operation() {
    check_every_operation(Failure::Internal, StatusCode::INTERNAL_SERVER_ERROR, "internal_error").await;
}

#[tokio::test]
async fn a_request_that_times_out_is_a_503_on_every_operation() {
    check_every_operation(Failure::Slow, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable").await;
}

#[tokio::test]
async fn a_password_reset_request_is_accepted_even_when_the_store_fails() {
    let base = spawn_broken(Failure::Unavailable).await;
    let response = reqwest::Client::new()
        .post(format!("{base}/auth/password/forgot"))
        .json(&serde_json::json!({ "email": "a@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::ACCEPTED);
}
