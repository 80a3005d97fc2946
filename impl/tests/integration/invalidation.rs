//! The invalidation table of the README, cell by cell, over HTTP: for every
//! change to how an account signs in, which artefacts issued before it
//! still work afterwards. Runs on both backends.

use crate::support;

use auth_service::domain::Clock;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{PASSWORD, TestApp, spawn_app_with, str_field, wait_for_codes};
use totp_rs::Totp;

const RESET_LEAD: &str = "Your password reset code is";
const CHANGED: &str = "a password set by the change";

/// What a cell says of an artefact after the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Voided,
    Kept,
    /// The account has no such artefact, or the event consumes it.
    None,
}
use Cell::{Kept, None as NotApplicable, Voided};

/// One row of the table.
#[derive(Debug, Clone, Copy)]
struct Row {
    reset_code: Cell,
    pending_setup: Cell,
    open_challenge: Cell,
    backup_codes: Cell,
    this_session: Cell,
    other_sessions: Cell,
}

#[derive(Debug, Clone)]
struct Session {
    access: String,
    refresh: String,
}

fn session(login: &Value) -> Session {
    Session { access: str_field(login, "accessToken").to_owned(), refresh: str_field(login, "refreshToken").to_owned() }
}

/// An account with every artefact the table speaks of that its MFA state allows.
struct Account {
    email: String,
    password: String,
    this: Session,
    other: Session,
    reset_code: String,
    /// MFA off: an authenticator enrolment started and not verified.
    pending: Option<Totp>,
    /// MFA on: the authenticator, its backup codes and a sign-in waiting for a code.
    totp: Option<Totp>,
    backup_codes: Vec<String>,
    challenge: Option<String>,
}

async fn app() -> TestApp {
    spawn_app_with(|config| {
        config.login.max_failures_per_ip = 1000;
        config.server.rate_limit_per_second = 0;
    })
    .await
}

fn next_step(app: &TestApp) {
    app.clock.advance(chrono::Duration::seconds(30));
}

fn code(app: &TestApp, totp: &Totp) -> String {
    totp.generate(u64::try_from(app.clock.now().timestamp()).unwrap()).to_string()
}

async fn json(response: reqwest::Response, status: StatusCode) -> Value {
    let actual = response.status();
    let body: Value = response.json().await.unwrap_or_default();
    assert_eq!(actual, status, "{body}");
    body
}

async fn login(app: &TestApp, email: &str, password: &str) -> Value {
    json(app.login(email, password).await, StatusCode::OK).await
}

/// Starts an enrolment with `token`; the authenticator of its secret.
async fn pending_authenticator(app: &TestApp, token: &str) -> Totp {
    let setup = json(app.post_authed("/users/me/mfa/setup", token, None).await, StatusCode::OK).await;
    Totp::from_url(str_field(&setup, "otpauthUri")).unwrap()
}

async fn account(app: &TestApp, email: &str, mfa: bool) -> Account {
    let this = session(&app.signed_in_user(email).await);
    let (mut pending, mut totp, mut backup_codes, mut challenge) = (None, None, Vec::new(), None);
    let other = if mfa {
        let authenticator = pending_authenticator(app, &this.access).await;
        let enable = json!({ "password": PASSWORD, "code": code(app, &authenticator) });
        let enabled = app.post_authed("/users/me/mfa/verify", &this.access, Some(enable)).await;
        let enabled = json(enabled, StatusCode::OK).await;
        backup_codes =
            enabled["backupCodes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();
        next_step(app);
        let started = login(app, email, PASSWORD).await;
        let verify = json!({ "session": str_field(&started, "mfaSession"), "code": code(app, &authenticator) });
        let other = session(&json(app.post("/auth/mfa/verify", verify).await, StatusCode::OK).await);
        challenge = Some(str_field(&login(app, email, PASSWORD).await, "mfaSession").to_owned());
        totp = Some(authenticator);
        other
    } else {
        let other = session(&login(app, email, PASSWORD).await);
        pending = Some(pending_authenticator(app, &this.access).await);
        other
    };
    let forgot = app.post("/auth/password/forgot", json!({ "email": email })).await;
    assert_eq!(forgot.status(), StatusCode::ACCEPTED);
    let reset_code = wait_for_codes(app, email, RESET_LEAD, 1).await.remove(0);
    Account {
        email: email.to_owned(),
        password: PASSWORD.to_owned(),
        this,
        other,
        reset_code,
        pending,
        totp,
        backup_codes,
        challenge,
    }
}

/// Whether a session still reads the profile and refreshes.
async fn session_alive(app: &TestApp, session: &Session) -> bool {
    let read = app.get_authed("/users/me", &session.access).await.status();
    let refreshed = app.refresh(&session.refresh).await.status();
    assert_eq!(read == StatusCode::OK, refreshed == StatusCode::OK, "access {read}, refresh {refreshed}");
    read == StatusCode::OK
}

/// A fresh session of the account, through its second factor if it has one.
async fn fresh_session(app: &TestApp, account: &Account) -> (Session, bool) {
    let login = login(app, &account.email, &account.password).await;
    if login["mfaRequired"] != true {
        return (session(&login), false);
    }
    next_step(app);
    let totp = account.totp.as_ref().expect("an authenticator");
    let verify = json!({ "session": str_field(&login, "mfaSession"), "code": code(app, totp) });
    (session(&json(app.post("/auth/mfa/verify", verify).await, StatusCode::OK).await), true)
}

fn cell(kept: bool) -> Cell {
    if kept { Kept } else { Voided }
}

/// Probes every artefact of `account` after `event` and compares with `row`.
async fn check(app: &TestApp, event: &str, account: &Account, row: Row) {
    let what = |artefact: &str| format!("{event}: {artefact} of {}", account.email);
    if row.this_session != NotApplicable {
        assert_eq!(cell(session_alive(app, &account.this).await), row.this_session, "{}", what("this session"));
    }
    assert_eq!(cell(session_alive(app, &account.other).await), row.other_sessions, "{}", what("another session"));

    if let (Some(challenge), Some(totp)) = (&account.challenge, &account.totp)
        && row.open_challenge != NotApplicable
    {
        next_step(app);
        let verify = json!({ "session": challenge, "code": code(app, totp) });
        let status = app.post("/auth/mfa/verify", verify).await.status();
        assert_eq!(cell(status == StatusCode::OK), row.open_challenge, "{} ({status})", what("open challenge"));
    }

    if let Some(pending) = &account.pending
        && row.pending_setup != NotApplicable
    {
        let (fresh, _) = fresh_session(app, account).await;
        let enable = json!({ "password": account.password, "code": code(app, pending) });
        let status = app.post_authed("/users/me/mfa/verify", &fresh.access, Some(enable)).await.status();
        assert_eq!(cell(status == StatusCode::OK), row.pending_setup, "{} ({status})", what("pending setup"));
    }

    if !account.backup_codes.is_empty() && row.backup_codes != NotApplicable {
        let login = login(app, &account.email, &account.password).await;
        let kept = if login["mfaRequired"] == true {
            let verify = json!({ "session": str_field(&login, "mfaSession"), "code": account.backup_codes[0] });
            app.post("/auth/mfa/verify", verify).await.status() == StatusCode::OK
        } else {
            // MFA is off: no backup code is asked for or taken.
            false
        };
        assert_eq!(cell(kept), row.backup_codes, "{}", what("backup codes"));
    }

    if row.reset_code != NotApplicable {
        let reset = json!({ "email": account.email, "code": account.reset_code, "newPassword": "set by an old code" });
        let status = app.post("/auth/password/reset", reset).await.status();
        assert_eq!(cell(status == StatusCode::NO_CONTENT), row.reset_code, "{} ({status})", what("reset code"));
    }
}

/// A step-up operation at `path` (password and a current code) from the account's own session.
async fn step_up(app: &TestApp, account: &Account, path: &str, status: StatusCode) {
    next_step(app);
    let totp = account.totp.as_ref().expect("an authenticator");
    let body = json!({ "password": PASSWORD, "code": code(app, totp) });
    assert_eq!(app.post_authed(path, &account.this.access, Some(body)).await.status(), status, "{path}");
}

async fn change_password(app: &TestApp, account: &mut Account) {
    let change = json!({ "currentPassword": account.password, "newPassword": CHANGED });
    let changed = app.post_authed("/users/me/password", &account.this.access, Some(change)).await;
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    account.password = CHANGED.to_owned();
}

#[tokio::test]
async fn a_password_change_voids_reset_codes_challenges_a_pending_authenticator_and_other_sessions() {
    let app = app().await;
    for mfa in [false, true] {
        let mut account = account(&app, &format!("changed-{mfa}@example.com"), mfa).await;
        change_password(&app, &mut account).await;
        let row = Row {
            reset_code: Voided,
            pending_setup: Voided,
            open_challenge: Voided,
            backup_codes: Kept,
            this_session: Kept,
            other_sessions: Voided,
        };
        check(&app, "password changed", &account, row).await;
    }
}

#[tokio::test]
async fn a_password_reset_voids_challenges_a_pending_authenticator_and_every_session() {
    let app = app().await;
    for mfa in [false, true] {
        let mut account = account(&app, &format!("reset-{mfa}@example.com"), mfa).await;
        let reset = json!({ "email": account.email, "code": account.reset_code, "newPassword": CHANGED });
        assert_eq!(app.post("/auth/password/reset", reset).await.status(), StatusCode::NO_CONTENT);
        account.password = CHANGED.to_owned();
        let row = Row {
            reset_code: NotApplicable,
            pending_setup: Voided,
            open_challenge: Voided,
            backup_codes: Kept,
            this_session: Voided,
            other_sessions: Voided,
        };
        check(&app, "password reset", &account, row).await;
    }
}

#[tokio::test]
async fn turning_mfa_on_voids_the_other_sessions_and_keeps_reset_codes() {
    let app = app().await;
    let account = account(&app, "enabled@example.com", false).await;
    let pending = account.pending.as_ref().unwrap();
    let enable = json!({ "password": PASSWORD, "code": code(&app, pending) });
    let enabled = app.post_authed("/users/me/mfa/verify", &account.this.access, Some(enable)).await;
    assert_eq!(enabled.status(), StatusCode::OK);
    let row = Row {
        // Consumed by the event itself.
        pending_setup: NotApplicable,
        reset_code: Kept,
        open_challenge: NotApplicable,
        backup_codes: NotApplicable,
        this_session: Kept,
        other_sessions: Voided,
    };
    check(&app, "MFA enabled", &account, row).await;
}

#[tokio::test]
async fn turning_mfa_off_voids_challenges_backup_codes_and_other_sessions() {
    let app = app().await;
    let account = account(&app, "disabled@example.com", true).await;
    step_up(&app, &account, "/users/me/mfa/disable", StatusCode::NO_CONTENT).await;
    let row = Row {
        reset_code: Kept,
        pending_setup: NotApplicable,
        open_challenge: Voided,
        backup_codes: Voided,
        this_session: Kept,
        other_sessions: Voided,
    };
    check(&app, "MFA disabled", &account, row).await;
}

#[tokio::test]
async fn new_backup_codes_void_the_old_ones_challenges_and_other_sessions() {
    let app = app().await;
    let account = account(&app, "regenerated@example.com", true).await;
    step_up(&app, &account, "/users/me/mfa/backup-codes", StatusCode::OK).await;
    let row = Row {
        reset_code: Kept,
        pending_setup: NotApplicable,
        open_challenge: Voided,
        backup_codes: Voided,
        this_session: Kept,
        other_sessions: Voided,
    };
    check(&app, "backup codes regenerated", &account, row).await;
}

#[tokio::test]
async fn signing_out_everywhere_voids_reset_codes_challenges_a_pending_authenticator_and_every_session() {
    let app = app().await;
    for mfa in [false, true] {
        let account = account(&app, &format!("signed-out-{mfa}@example.com"), mfa).await;
        let logout = app.post_authed("/auth/logout", &account.this.access, None).await;
        assert_eq!(logout.status(), StatusCode::NO_CONTENT);
        let row = Row {
            reset_code: Voided,
            pending_setup: Voided,
            open_challenge: Voided,
            backup_codes: Kept,
            this_session: Voided,
            other_sessions: Voided,
        };
        check(&app, "signed out everywhere", &account, row).await;
    }
}
