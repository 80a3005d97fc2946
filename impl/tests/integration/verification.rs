//! Email verification: codes mailed to the outbox, confirmation, resends,
//! and what an unconfirmed account may do.

use crate::support;

use std::path::Path;

use auth_service::adapters::mail::SmtpConfig;
use auth_service::config::MailTransport;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::smtp::{Script, Sink, unreachable_smtp};
use support::{PASSWORD, TestApp, error_body, spawn_app_with};

async fn app_requiring_confirmation() -> TestApp {
    spawn_app_with(|config| config.signup.auto_confirm = false).await
}

/// The confirmation codes mailed to `email`, oldest first.
fn mailed_codes(app: &TestApp, email: &str) -> Vec<String> {
    support::mailed_codes(app, email, "Your confirmation code is")
}

fn outbox_is_private(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        let mode = entry.unwrap().metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "mail files carry codes");
    }
}

async fn confirm(app: &TestApp, email: &str, code: &str) -> reqwest::Response {
    app.post("/auth/confirm", json!({ "email": email, "code": code })).await
}

async fn resend(app: &TestApp, email: &str) -> reqwest::Response {
    app.post("/auth/confirm/resend", json!({ "email": email })).await
}

#[tokio::test]
async fn by_default_accounts_are_confirmed_at_once_and_nothing_is_mailed() {
    let app = spawn_app_with(|_| {}).await;
    let user: Value = app.register("auto@example.com", PASSWORD, "Ada").await.json().await.unwrap();
    assert_eq!(user["emailVerified"], true);
    assert!(mailed_codes(&app, "auto@example.com").is_empty());
    assert_eq!(app.login("auto@example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_account_is_confirmed_with_the_mailed_code_and_can_then_sign_in() {
    let app = app_requiring_confirmation().await;
    let user: Value = app.register("Verify@Example.com", PASSWORD, "Ada").await.json().await.unwrap();
    assert_eq!(user["emailVerified"], false);
    let codes = mailed_codes(&app, "verify@example.com");
    assert_eq!(codes.len(), 1);
    assert!(codes[0].chars().all(|c| c.is_ascii_digit()));
    outbox_is_private(&app.config.storage.data_dir.join("outbox"));

    let body =
        error_body(app.login("verify@example.com", PASSWORD).await, StatusCode::FORBIDDEN, "email_not_verified").await;
    assert!(body["message"].as_str().unwrap().contains("Confirm"));
    let wrong = error_body(
        app.login("verify@example.com", "not the password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert!(wrong.get("details").is_none());

    assert_eq!(confirm(&app, "VERIFY@example.com", &codes[0]).await.status(), StatusCode::NO_CONTENT);
    let login: Value = app.login("verify@example.com", PASSWORD).await.json().await.unwrap();
    assert_eq!(login["user"]["emailVerified"], true);
    // A repeated confirmation (a retry after a lost answer) succeeds again.
    assert_eq!(confirm(&app, "verify@example.com", &codes[0]).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn five_wrong_codes_void_the_code() {
    let app = app_requiring_confirmation().await;
    app.register("void@example.com", PASSWORD, "Ada").await;
    let code = mailed_codes(&app, "void@example.com").remove(0);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        error_body(confirm(&app, "void@example.com", wrong).await, StatusCode::BAD_REQUEST, "invalid_code").await;
    }
    error_body(confirm(&app, "void@example.com", &code).await, StatusCode::BAD_REQUEST, "invalid_code").await;
    assert_eq!(app.login("void@example.com", PASSWORD).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn codes_expire() {
    let app = spawn_app_with(|config| {
        config.signup.auto_confirm = false;
        config.signup.code_ttl_secs = 3600;
    })
    .await;
    app.register("late@example.com", PASSWORD, "Ada").await;
    let code = mailed_codes(&app, "late@example.com").remove(0);
    app.clock.advance(chrono::Duration::seconds(3600));
    error_body(confirm(&app, "late@example.com", &code).await, StatusCode::BAD_REQUEST, "invalid_code").await;
}

#[tokio::test]
async fn a_resend_mails_a_new_code_at_most_once_a_minute_and_the_new_code_replaces_the_old() {
    let app = app_requiring_confirmation().await;
    app.register("again@example.com", PASSWORD, "Ada").await;
    let first = mailed_codes(&app, "again@example.com").remove(0);

    assert_eq!(resend(&app, "again@example.com").await.status(), StatusCode::ACCEPTED);
    assert_eq!(mailed_codes(&app, "again@example.com").len(), 1, "too soon: nothing sent");

    app.clock.advance(chrono::Duration::seconds(60));
    assert_eq!(resend(&app, "again@example.com").await.status(), StatusCode::ACCEPTED);
    let codes = mailed_codes(&app, "again@example.com");
    assert_eq!(codes.len(), 2);
    if codes[1] != first {
        error_body(confirm(&app, "again@example.com", &first).await, StatusCode::BAD_REQUEST, "invalid_code").await;
    }
    assert_eq!(confirm(&app, "again@example.com", &codes[1]).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn resend_and_confirm_reveal_nothing_about_an_address() {
    let app = app_requiring_confirmation().await;
    app.register("exists@example.com", PASSWORD, "Ada").await;
    app.clock.advance(chrono::Duration::seconds(60));
    for email in ["exists@example.com", "ghost@example.com"] {
        let response = resend(&app, email).await;
        assert_eq!(response.status(), StatusCode::ACCEPTED, "{email}");
        assert!(response.bytes().await.unwrap().is_empty());
    }
    let strip = |mut body: Value| {
        body.as_object_mut().unwrap().remove("requestId");
        body
    };
    let known =
        error_body(confirm(&app, "exists@example.com", "999999").await, StatusCode::BAD_REQUEST, "invalid_code").await;
    let unknown =
        error_body(confirm(&app, "ghost@example.com", "999999").await, StatusCode::BAD_REQUEST, "invalid_code").await;
    assert_eq!(strip(known), strip(unknown));
}

#[tokio::test]
async fn malformed_codes_are_refused_as_validation_failures() {
    let app = app_requiring_confirmation().await;
    for code in ["12345", "12345678901", "12a456", ""] {
        let body =
            error_body(confirm(&app, "a@example.com", code).await, StatusCode::BAD_REQUEST, "validation_failed").await;
        assert_eq!(body["details"][0]["field"], "code", "{code:?}");
    }
}

#[tokio::test]
async fn when_the_code_cannot_be_mailed_no_account_is_left_behind() {
    let app = spawn_app_with(|config| {
        config.signup.auto_confirm = false;
        config.mail.transport = MailTransport::Smtp;
        config.mail.smtp = Some(unreachable_smtp());
    })
    .await;
    for _ in 0..2 {
        // Not a 409 the second time: the first attempt left nothing behind.
        let response = app.register("unmailable@example.com", PASSWORD, "Ada").await;
        error_body(response, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable").await;
    }
    let response = app.login("unmailable@example.com", PASSWORD).await;
    error_body(response, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
}

#[tokio::test]
async fn a_resend_that_cannot_be_mailed_still_answers_like_any_other() {
    let with_outbox = app_requiring_confirmation().await;
    with_outbox.register("pending@example.com", PASSWORD, "Ada").await;
    // A second server over the same data, whose mail is down.
    let data_dir = with_outbox.config.storage.data_dir.clone();
    let mail_down = spawn_app_with(|config| {
        config.storage.data_dir = data_dir;
        config.signup.auto_confirm = false;
        config.mail.transport = MailTransport::Smtp;
        config.mail.smtp = Some(unreachable_smtp());
    })
    .await;
    mail_down.clock.advance(chrono::Duration::seconds(60));
    for email in ["pending@example.com", "ghost@example.com"] {
        assert_eq!(resend(&mail_down, email).await.status(), StatusCode::ACCEPTED, "{email}");
    }
    // Nothing changed: the first code still confirms.
    let code = mailed_codes(&with_outbox, "pending@example.com").remove(0);
    assert_eq!(confirm(&with_outbox, "pending@example.com", &code).await.status(), StatusCode::NO_CONTENT);
}

/// SMTP settings for the test sink at `port`.
fn sink_smtp(port: u16) -> SmtpConfig {
    SmtpConfig { port: Some(port), ..unreachable_smtp() }
}

/// The code after `lead` in the one message the sink received for `email`.
async fn code_received(sink: &Sink, email: &str, lead: &str) -> String {
    for _ in 0..100 {
        let sessions = sink.sessions();
        let delivered = sessions.iter().find(|session| {
            session.rcpt_to.iter().any(|to| to == email)
                && session.data.as_ref().is_some_and(|data| data.contains(lead))
        });
        if let Some(data) = delivered.and_then(|session| session.data.as_ref()) {
            let after = data.split(&format!("{lead} ")).nth(1).expect("a code after the lead");
            return after[..6].to_owned();
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no mail to {email} reached the SMTP server");
}

#[tokio::test]
async fn codes_arrive_through_a_real_smtp_server() {
    let sink = Sink::start(Script::default()).await;
    let app = spawn_app_with(|config| {
        config.signup.auto_confirm = false;
        config.mail.transport = MailTransport::Smtp;
        config.mail.smtp = Some(sink_smtp(sink.addr.port()));
    })
    .await;

    assert_eq!(app.register("smtp@example.com", PASSWORD, "Ada").await.status(), StatusCode::CREATED);
    let code = code_received(&sink, "smtp@example.com", "Your confirmation code is").await;
    assert_eq!(confirm(&app, "smtp@example.com", &code).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.login("smtp@example.com", PASSWORD).await.status(), StatusCode::OK);

    let forgot = app.post("/auth/password/forgot", json!({ "email": "smtp@example.com" })).await;
    assert_eq!(forgot.status(), StatusCode::ACCEPTED);
    let code = code_received(&sink, "smtp@example.com", "Your password reset code is").await;
    let body = json!({ "email": "smtp@example.com", "code": code, "newPassword": "reset over smtp" });
    assert_eq!(app.post("/auth/password/reset", body).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.login("smtp@example.com", "reset over smtp").await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_resends_mail_one_code() {
    let app = app_requiring_confirmation().await;
    app.register("burst@example.com", PASSWORD, "Ada").await;
    app.clock.advance(chrono::Duration::seconds(60));
    let resends = (0..20).map(|_| resend(&app, "burst@example.com"));
    for response in futures::future::join_all(resends).await {
        assert_eq!(response.status(), StatusCode::ACCEPTED);
    }
    let codes = mailed_codes(&app, "burst@example.com");
    assert_eq!(codes.len(), 2, "the sign-up mail and exactly one resend: {codes:?}");
    assert_eq!(confirm(&app, "burst@example.com", &codes[1]).await.status(), StatusCode::NO_CONTENT);
}

/// An internationalised domain is mailed as its A-labels, which every mail
/// server takes without SMTPUTF8: on the envelope and in the header.
#[tokio::test]
async fn an_internationalised_domain_is_mailed_in_its_ascii_form() {
    let sink = Sink::start(Script::default()).await;
    let app = spawn_app_with(|config| {
        config.signup.auto_confirm = false;
        config.mail.transport = MailTransport::Smtp;
        config.mail.smtp = Some(sink_smtp(sink.addr.port()));
    })
    .await;
    let registered = app.register("idn@b\u{fc}cher.example", PASSWORD, "Ada").await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    let code = code_received(&sink, "idn@xn--bcher-kva.example", "Your confirmation code is").await;
    let session = sink.only_session();
    assert_eq!(session.rcpt_to, ["idn@xn--bcher-kva.example"], "{:?}", session.rcpt_to);
    assert!(session.data.as_deref().is_some_and(|data| data.contains("To: idn@xn--bcher-kva.example")));
    // Confirmed under any spelling.
    assert_eq!(confirm(&app, "idn@xn--bcher-kva.example", &code).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.login("idn@b\u{fc}cher.example", PASSWORD).await.status(), StatusCode::OK);
}
