//! The federation store's guarantees, on the backend under test: requests
//! and codes are taken once and not after they expire, an identity is
//! linked to one account at most, and unlinking can keep an account's last
//! link even when two unlinks race.

use std::sync::Arc;

use auth_service::domain::UserId;
use auth_service::ports::{FederationCode, FederationStore, LinkedIdentity, PendingAuthorization, Unlink};
use chrono::{DateTime, Duration, Utc};

use auth_service::config::Backend;

use crate::support::{backend_config, test_backend};

const ISSUER: &str = "https://issuer.example";

/// The store of a fresh backend, kept alive with what it needs.
struct Fixture {
    store: Arc<dyn FederationStore>,
    _data: tempfile::TempDir,
}

async fn fixture() -> Fixture {
    let (config, data, _) = backend_config().await;
    let store: Arc<dyn FederationStore> = match test_backend() {
        Backend::Embedded => {
            let db = auth_service::adapters::embedded::Db::open(&data.path().join("auth.db")).expect("database");
            Arc::new(auth_service::adapters::embedded::SqliteStore::new(db))
        }
        Backend::Aws => dynamo_store(&config).await,
    };
    Fixture { store, _data: data }
}

#[cfg(feature = "aws")]
async fn dynamo_store(config: &auth_service::config::Config) -> Arc<dyn FederationStore> {
    let clients = auth_service::adapters::aws::Clients::new(&config.aws).await.expect("clients");
    let table = &config.aws.table_name;
    Arc::new(auth_service::adapters::aws::DynamoStore::new(
        clients.dynamodb,
        table,
        std::time::Duration::from_secs(3600),
    ))
}

#[cfg(not(feature = "aws"))]
async fn dynamo_store(_: &auth_service::config::Config) -> Arc<dyn FederationStore> {
    unreachable!("backend_config refuses the AWS backend without the feature")
}

fn now() -> DateTime<Utc> {
    // Whole milliseconds, as stored.
    DateTime::from_timestamp_millis(Utc::now().timestamp_millis()).unwrap()
}

fn identity(user_id: UserId, subject: &str, linked_at: DateTime<Utc>) -> LinkedIdentity {
    LinkedIdentity {
        id: uuid::Uuid::new_v4(),
        user_id,
        provider: "example".to_owned(),
        issuer: ISSUER.to_owned(),
        subject: subject.to_owned(),
        email: Some(format!("{subject}@example.com")),
        linked_at,
    }
}

fn user() -> UserId {
    UserId(uuid::Uuid::new_v4())
}

#[tokio::test]
async fn a_pending_authorization_is_taken_once_and_never_after_it_expires() {
    let Fixture { store, _data } = fixture().await;
    let now = now();
    let pending = PendingAuthorization {
        provider: "example".to_owned(),
        sealed_secrets: vec![1, 2, 3],
        redirect_uri: "https://app.example/callback".to_owned(),
        code_challenge: "challenge".to_owned(),
        app_state: Some("app state".to_owned()),
        expires_at: now + Duration::minutes(10),
    };
    store.insert_authorization(b"live", &pending).await.unwrap();
    store.insert_authorization(b"stale", &PendingAuthorization { app_state: None, ..pending.clone() }).await.unwrap();

    let taken = store.take_authorization(b"live", now).await.unwrap().expect("the request");
    assert_eq!(
        (&taken.provider, &taken.sealed_secrets, &taken.redirect_uri, &taken.code_challenge, &taken.app_state),
        (
            &pending.provider,
            &pending.sealed_secrets,
            &pending.redirect_uri,
            &pending.code_challenge,
            &pending.app_state
        )
    );
    assert_eq!(taken.expires_at, pending.expires_at);
    assert!(store.take_authorization(b"live", now).await.unwrap().is_none(), "taken twice");
    assert!(store.take_authorization(b"unknown", now).await.unwrap().is_none());

    let later = pending.expires_at;
    assert!(store.take_authorization(b"stale", later).await.unwrap().is_none(), "taken at its expiry");
    assert!(store.take_authorization(b"stale", now).await.unwrap().is_none(), "an expired take removes it");
}

#[tokio::test]
async fn a_code_is_taken_once_and_never_after_it_expires() {
    let Fixture { store, _data } = fixture().await;
    let now = now();
    let code = FederationCode {
        user_id: user(),
        provider: "example".to_owned(),
        code_challenge: "challenge".to_owned(),
        redirect_uri: "com.example.app:/callback".to_owned(),
        expires_at: now + Duration::seconds(60),
    };
    store.insert_code(b"code", &code).await.unwrap();
    store.insert_code(b"stale", &code).await.unwrap();
    assert_eq!(store.take_code(b"code", now).await.unwrap(), Some(code.clone()));
    assert_eq!(store.take_code(b"code", now).await.unwrap(), None, "taken twice");
    assert_eq!(store.take_code(b"stale", code.expires_at).await.unwrap(), None, "taken at its expiry");
    assert_eq!(store.take_code(b"stale", now).await.unwrap(), None, "an expired take removes it");
}

#[tokio::test]
async fn an_identity_links_to_one_account_at_most() {
    let Fixture { store, _data } = fixture().await;
    let (alice, bob, now) = (user(), user(), now());
    let first = identity(alice, "alice", now);
    let second = identity(alice, "alice-work", now + Duration::seconds(1));
    assert!(store.link(&second).await.unwrap());
    assert!(store.link(&first).await.unwrap());
    assert!(!store.link(&identity(bob, "alice", now)).await.unwrap(), "linked to another account");
    assert!(!store.link(&identity(alice, "alice", now)).await.unwrap(), "linked twice");

    assert_eq!(store.identity(ISSUER, "alice").await.unwrap(), Some(first.clone()));
    assert_eq!(store.identity(ISSUER, "nobody").await.unwrap(), None);
    assert_eq!(store.identity("https://other.example", "alice").await.unwrap(), None, "subjects are per issuer");
    assert_eq!(store.identities(alice).await.unwrap(), vec![first, second], "oldest first");
    assert_eq!(store.identities(bob).await.unwrap(), vec![]);
}

#[tokio::test]
async fn unlinking_keeps_the_last_link_when_asked() {
    let Fixture { store, _data } = fixture().await;
    let (alice, bob, now) = (user(), user(), now());
    let (first, second) = (identity(alice, "a1", now), identity(alice, "a2", now + Duration::seconds(1)));
    for link in [&first, &second] {
        assert!(store.link(link).await.unwrap());
    }
    assert_eq!(
        store.unlink(bob, first.id, true, self::now()).await.unwrap(),
        Unlink::NotFound,
        "another account's link"
    );
    assert_eq!(store.unlink(alice, uuid::Uuid::new_v4(), false, self::now()).await.unwrap(), Unlink::NotFound);
    assert_eq!(store.unlink(alice, first.id, true, self::now()).await.unwrap(), Unlink::Unlinked);
    assert_eq!(store.unlink(alice, first.id, true, self::now()).await.unwrap(), Unlink::NotFound, "unlinked twice");
    assert_eq!(store.unlink(alice, second.id, true, self::now()).await.unwrap(), Unlink::LastOne);
    assert_eq!(store.identities(alice).await.unwrap(), vec![second.clone()]);
    assert_eq!(store.identity(ISSUER, "a1").await.unwrap(), None);
    // The account remembers what its owner unlinked; no one else does.
    assert!(store.was_unlinked(alice, ISSUER, "a1").await.unwrap());
    assert!(!store.was_unlinked(alice, ISSUER, "a2").await.unwrap());
    assert!(!store.was_unlinked(bob, ISSUER, "a1").await.unwrap());
    assert!(!store.was_unlinked(alice, "https://other.example", "a1").await.unwrap());

    // Once unlinked, the identity may join another account.
    assert!(store.link(&identity(bob, "a1", now)).await.unwrap());
    assert_eq!(store.unlink(alice, second.id, false, self::now()).await.unwrap(), Unlink::Unlinked);
    assert_eq!(store.identities(alice).await.unwrap(), vec![]);
}

#[tokio::test]
async fn two_racing_unlinks_never_both_remove_an_accounts_last_links() {
    let Fixture { store, _data } = fixture().await;
    for round in 0..8 {
        let (alice, now) = (user(), now());
        let links = [identity(alice, &format!("r{round}a"), now), identity(alice, &format!("r{round}b"), now)];
        for link in &links {
            assert!(store.link(link).await.unwrap());
        }
        let (one, two) = tokio::join!(
            store.unlink(alice, links[0].id, true, self::now()),
            store.unlink(alice, links[1].id, true, self::now())
        );
        // A backend may refuse one as unavailable (a conflicting
        // transaction) rather than as the last link; never both unlinked.
        let unlinked = [&one, &two].iter().filter(|outcome| matches!(outcome, Ok(Unlink::Unlinked))).count();
        assert!(unlinked <= 1, "round {round}: {one:?}, {two:?}");
        assert_eq!(store.identities(alice).await.unwrap().len(), 2 - unlinked, "round {round}");
    }
}

#[tokio::test]
async fn forgetting_an_account_removes_its_links_and_codes() {
    let Fixture { store, _data } = fixture().await;
    let (alice, bob, now) = (user(), user(), now());
    let links = [identity(alice, "f1", now), identity(alice, "f2", now)];
    for link in &links {
        assert!(store.link(link).await.unwrap());
    }
    let kept = identity(bob, "f3", now);
    assert!(store.link(&kept).await.unwrap());
    let code = FederationCode {
        user_id: alice,
        provider: "example".to_owned(),
        code_challenge: "challenge".to_owned(),
        redirect_uri: "https://app.example/callback".to_owned(),
        expires_at: now + Duration::seconds(60),
    };
    store.insert_code(b"alice's code", &code).await.unwrap();
    store.forget(alice).await.unwrap();

    assert_eq!(store.identities(alice).await.unwrap(), vec![]);
    assert_eq!(store.identity(ISSUER, "f1").await.unwrap(), None);
    assert_eq!(store.take_code(b"alice's code", now).await.unwrap(), None);
    assert_eq!(store.identities(bob).await.unwrap(), vec![kept]);
    // The account is gone, and so is its count of links.
    let again = identity(alice, "f1", now);
    assert!(store.link(&again).await.unwrap());
    assert_eq!(store.unlink(alice, again.id, true, self::now()).await.unwrap(), Unlink::LastOne);
}

#[tokio::test]
async fn an_account_is_marked_passwordless_until_cleared_or_forgotten() {
    let Fixture { store, _data } = fixture().await;
    let (alice, bob) = (user(), user());
    assert!(!store.is_passwordless(alice).await.unwrap());
    store.set_passwordless(alice, true).await.unwrap();
    store.set_passwordless(alice, true).await.unwrap();
    assert!(store.is_passwordless(alice).await.unwrap());
    assert!(!store.is_passwordless(bob).await.unwrap());
    // Clearing what was never marked (every password reset clears) succeeds.
    store.set_passwordless(bob, false).await.unwrap();
    assert!(!store.is_passwordless(bob).await.unwrap());
    store.set_passwordless(alice, false).await.unwrap();
    assert!(!store.is_passwordless(alice).await.unwrap());

    // A link and the mark live side by side, and both go with the account.
    store.set_passwordless(alice, true).await.unwrap();
    assert!(store.link(&identity(alice, "p1", now())).await.unwrap());
    assert!(store.is_passwordless(alice).await.unwrap());
    let link = store.identities(alice).await.unwrap().remove(0);
    assert_eq!(store.unlink(alice, link.id, false, self::now()).await.unwrap(), Unlink::Unlinked);
    assert!(store.was_unlinked(alice, ISSUER, "p1").await.unwrap());
    store.forget(alice).await.unwrap();
    assert!(!store.is_passwordless(alice).await.unwrap());
    assert!(!store.was_unlinked(alice, ISSUER, "p1").await.unwrap());
}
