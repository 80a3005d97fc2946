//! Stateful chains through the generated Rust client (`clients/rust`),
//! following the contract's links: what one operation answers is what the
//! next one is called with, and what must stop working does.

use std::fmt::Debug;
use std::path::Path;

use auth_client::apis::configuration::Configuration;
use auth_client::apis::{Error, auth_api, mfa_api, users_api};
use auth_client::models;
use reqwest::Method;
use reqwest_middleware::ClientWithMiddleware;

use crate::check::Intent;
use crate::contract::Contract;
use crate::run::{Case, Outcome, Request};

/// The outcome a step expects.
#[derive(Clone, Copy)]
enum Expect {
    Success,
    Status(u16),
}

/// One chain: its steps' outcomes and the operations it called, in order.
struct Chain<'a> {
    name: &'static str,
    base: &'a str,
    http: ClientWithMiddleware,
    outcomes: Vec<Outcome>,
    called: Vec<String>,
}

impl<'a> Chain<'a> {
    fn new(name: &'static str, base: &'a str, http: &ClientWithMiddleware) -> Self {
        Self { name, base, http: http.clone(), outcomes: Vec::new(), called: Vec::new() }
    }

    fn config(&self, token: Option<&str>) -> Configuration {
        Configuration {
            base_path: self.base.to_owned(),
            client: self.http.clone(),
            bearer_access_token: token.map(str::to_owned),
            ..Configuration::default()
        }
    }

    /// Records a step and returns its value when it succeeded as expected.
    fn step<T, E: Debug>(
        &mut self,
        (operation, method, path): (&str, Method, &str),
        what: &str,
        result: Result<T, Error<E>>,
        expect: Expect,
    ) -> Option<T> {
        self.called.push(operation.to_owned());
        let (value, status, violation) = match (result, expect) {
            (Ok(value), Expect::Success) => (Some(value), None, None),
            (Ok(_), Expect::Status(wanted)) => (None, None, Some(format!("succeeded, but {wanted} was expected"))),
            (Err(Error::ResponseError(response)), Expect::Status(wanted)) if response.status.as_u16() == wanted => {
                (None, Some(wanted), None)
            }
            (Err(Error::ResponseError(response)), expect) => {
                let wanted = match expect {
                    Expect::Success => "success".to_owned(),
                    Expect::Status(status) => status.to_string(),
                };
                let status = response.status.as_u16();
                (None, Some(status), Some(format!("answered {status} ({}), {wanted} expected", response.content)))
            }
            (Err(error), _) => (None, None, Some(format!("failed: {error}"))),
        };
        self.record(operation, method, path, what, status, violation);
        value
    }

    /// Records a check on a step's answer.
    fn expect(&mut self, (operation, method, path): (&str, Method, &str), what: &str, holds: bool, problem: String) {
        self.record(operation, method, path, what, None, (!holds).then_some(problem));
    }

    fn record(
        &mut self,
        operation: &str,
        method: Method,
        path: &str,
        what: &str,
        status: Option<u16>,
        violation: Option<String>,
    ) {
        let request = Request { method, url: format!("{}{path}", self.base), headers: Vec::new(), body: None };
        let case = Case {
            operation: operation.to_owned(),
            label: format!("chain {}: {what}", self.name),
            intent: Intent::Valid,
            request,
        };
        self.outcomes.push(Outcome { case, status, violations: violation.into_iter().collect() });
    }
}

const REGISTER: (&str, Method, &str) = ("registerUser", Method::POST, "/auth/register");
const LOGIN: (&str, Method, &str) = ("loginUser", Method::POST, "/auth/login");
const ME: (&str, Method, &str) = ("getCurrentUser", Method::GET, "/users/me");
const RENAME: (&str, Method, &str) = ("updateCurrentUser", Method::PATCH, "/users/me");
const CHANGE_PASSWORD: (&str, Method, &str) = ("changePassword", Method::POST, "/users/me/password");
const REFRESH: (&str, Method, &str) = ("refreshToken", Method::POST, "/auth/token/refresh");
const LOGOUT: (&str, Method, &str) = ("logoutUser", Method::POST, "/auth/logout");
const RESEND: (&str, Method, &str) = ("resendConfirmationCode", Method::POST, "/auth/confirm/resend");
const FORGOT: (&str, Method, &str) = ("requestPasswordReset", Method::POST, "/auth/password/forgot");
const RESET: (&str, Method, &str) = ("confirmPasswordReset", Method::POST, "/auth/password/reset");
const SETUP_MFA: (&str, Method, &str) = ("setupMfa", Method::POST, "/users/me/mfa/setup");
const VERIFY_SETUP: (&str, Method, &str) = ("verifyMfaSetup", Method::POST, "/users/me/mfa/verify");
const VERIFY_MFA: (&str, Method, &str) = ("verifyMfa", Method::POST, "/auth/mfa/verify");
const DISABLE_MFA: (&str, Method, &str) = ("disableMfa", Method::POST, "/users/me/mfa/disable");
const BACKUP_CODES: (&str, Method, &str) = ("regenerateBackupCodes", Method::POST, "/users/me/mfa/backup-codes");
const SESSIONS: (&str, Method, &str) = ("listSessions", Method::GET, "/users/me/sessions");
const REVOKE_SESSION: (&str, Method, &str) = ("revokeSession", Method::DELETE, "/users/me/sessions/{sessionId}");
const ACTIVITY: (&str, Method, &str) = ("listSecurityEvents", Method::GET, "/users/me/security-events");
const DELETE_ACCOUNT: (&str, Method, &str) = ("deleteCurrentUser", Method::POST, "/users/me/delete");

/// Registers a new account and signs in; the answer of that sign-in, when it gave tokens.
async fn signed_up(chain: &mut Chain<'_>, email: &str, password: &str) -> Option<models::LoginResponse> {
    let request = models::RegisterRequest::new(email.to_owned(), password.to_owned(), "Chain Probe".to_owned());
    let user = chain.step(
        REGISTER,
        "register",
        auth_api::register_user(&chain.config(None), request).await,
        Expect::Success,
    )?;
    chain.expect(
        REGISTER,
        "the new account is as registered",
        user.email == email && !user.mfa_enabled,
        format!("{user:?}"),
    );
    let login = models::LoginRequest::new(email.to_owned(), password.to_owned());
    let signed_in =
        chain.step(LOGIN, "sign in", auth_api::login_user(&chain.config(None), login).await, Expect::Success)?;
    let tokens = signed_in.access_token.is_some() && signed_in.refresh_token.is_some() && !signed_in.mfa_required;
    chain.expect(
        LOGIN,
        "sign-in answers tokens",
        tokens,
        format!("mfaRequired {}, tokens missing", signed_in.mfa_required),
    );
    tokens.then_some(signed_in)
}

/// register → resend → login → profile → rename → change password →
/// refresh → refresh again → logout; then every earlier token is refused.
async fn session_chain(chain: &mut Chain<'_>, email: &str, password: &str) {
    let Some(first) = signed_up(chain, email, password).await else { return };
    let resend = models::ResendConfirmationRequest::new(email.to_owned());
    chain.step(
        RESEND,
        "resend a confirmation code",
        auth_api::resend_confirmation_code(&chain.config(None), resend).await,
        Expect::Success,
    );
    let access = first.access_token.clone().unwrap_or_default();
    let refresh = first.refresh_token.clone().unwrap_or_default();
    if let Some(user) = chain.step(
        ME,
        "read the profile",
        users_api::get_current_user(&chain.config(Some(&access))).await,
        Expect::Success,
    ) {
        chain.expect(ME, "the profile is the signed-in account", user.email == email, format!("{user:?}"));
    }
    let rename = models::UpdateUserRequest::new("Chain Probe Renamed".to_owned());
    if let Some(user) = chain.step(
        RENAME,
        "rename",
        users_api::update_current_user(&chain.config(Some(&access)), rename).await,
        Expect::Success,
    ) {
        chain.expect(RENAME, "the new name is answered", user.name == "Chain Probe Renamed", format!("{user:?}"));
    }
    let new_password = format!("{password} changed");
    let change = models::ChangePasswordRequest::new(password.to_owned(), new_password.clone());
    chain.step(
        CHANGE_PASSWORD,
        "change the password",
        users_api::change_password(&chain.config(Some(&access)), change).await,
        Expect::Success,
    );
    let old = models::LoginRequest::new(email.to_owned(), password.to_owned());
    chain.step(
        LOGIN,
        "the old password is refused",
        auth_api::login_user(&chain.config(None), old).await,
        Expect::Status(401),
    );
    let Some(second) = chain.step(
        REFRESH,
        "refresh",
        auth_api::refresh_token(&chain.config(None), models::RefreshRequest::new(refresh.clone())).await,
        Expect::Success,
    ) else {
        return;
    };
    chain.expect(
        REFRESH,
        "the refresh token rotates",
        second.refresh_token != refresh,
        "the same refresh token came back".to_owned(),
    );
    let Some(third) = chain.step(
        REFRESH,
        "refresh again",
        auth_api::refresh_token(&chain.config(None), models::RefreshRequest::new(second.refresh_token.clone())).await,
        Expect::Success,
    ) else {
        return;
    };
    chain.step(
        LOGOUT,
        "sign out everywhere",
        auth_api::logout_user(&chain.config(Some(&third.access_token)), None).await,
        Expect::Success,
    );
    for (what, token) in [
        ("the first access token is refused after logout", &access),
        ("the last access token is refused after logout", &third.access_token),
    ] {
        chain.step(ME, what, users_api::get_current_user(&chain.config(Some(token))).await, Expect::Status(401));
    }
    let last = models::RefreshRequest::new(third.refresh_token.clone());
    chain.step(
        REFRESH,
        "the last refresh token is refused after logout",
        auth_api::refresh_token(&chain.config(None), last).await,
        Expect::Status(401),
    );
}

/// register → login (laptop) → login again (phone) → the laptop lists both,
/// itself as current → ends the phone's session → the phone's tokens are
/// refused, the laptop's still work → the laptop signs out of its own
/// session only → its token is refused.
async fn devices_chain(chain: &mut Chain<'_>, email: &str, password: &str) {
    let Some(laptop) = signed_up(chain, email, password).await else { return };
    let laptop = laptop.access_token.unwrap_or_default();
    let login = models::LoginRequest::new(email.to_owned(), password.to_owned());
    let Some(phone) = chain.step(
        LOGIN,
        "sign in on a second device",
        auth_api::login_user(&chain.config(None), login).await,
        Expect::Success,
    ) else {
        return;
    };
    let (phone_access, phone_refresh) =
        (phone.access_token.unwrap_or_default(), phone.refresh_token.unwrap_or_default());
    let Some(listed) = chain.step(
        SESSIONS,
        "list the sessions",
        users_api::list_sessions(&chain.config(Some(&laptop))).await,
        Expect::Success,
    ) else {
        return;
    };
    let current: Vec<&models::Session> = listed.sessions.iter().filter(|session| session.current).collect();
    chain.expect(
        SESSIONS,
        "both sign-ins are listed, one as current",
        listed.sessions.len() == 2 && current.len() == 1,
        format!("{} sessions, {} current", listed.sessions.len(), current.len()),
    );
    let Some(other) = listed.sessions.iter().find(|session| !session.current) else { return };
    chain.step(
        REVOKE_SESSION,
        "end the other device's session",
        users_api::revoke_session(&chain.config(Some(&laptop)), &other.id).await,
        Expect::Success,
    );
    chain.step(
        ME,
        "the ended session's access token is refused",
        users_api::get_current_user(&chain.config(Some(&phone_access))).await,
        Expect::Status(401),
    );
    chain.step(
        REFRESH,
        "the ended session's refresh token is refused",
        auth_api::refresh_token(&chain.config(None), models::RefreshRequest::new(phone_refresh)).await,
        Expect::Status(401),
    );
    chain.step(
        ME,
        "the device that ended it still works",
        users_api::get_current_user(&chain.config(Some(&laptop))).await,
        Expect::Success,
    );
    chain.step(
        REVOKE_SESSION,
        "the ended session is not found again",
        users_api::revoke_session(&chain.config(Some(&laptop)), &other.id).await,
        Expect::Status(404),
    );
    if let Some(page) = chain.step(
        ACTIVITY,
        "read the account's activity",
        users_api::list_security_events(&chain.config(Some(&laptop)), Some(10), None).await,
        Expect::Success,
    ) {
        use models::security_event::Type;
        let kinds: Vec<Type> = page.events.iter().map(|event| event.r#type).collect();
        chain.expect(
            ACTIVITY,
            "the ended session and both sign-ins are listed, newest first",
            kinds.starts_with(&[Type::SessionEnded, Type::SignedIn, Type::SignedIn]),
            format!("{kinds:?}"),
        );
    }
    chain.step(
        LOGOUT,
        "sign out of this session only",
        auth_api::logout_user(&chain.config(Some(&laptop)), Some("current")).await,
        Expect::Success,
    );
    chain.step(
        ME,
        "its access token is refused",
        users_api::get_current_user(&chain.config(Some(&laptop))).await,
        Expect::Status(401),
    );
}

/// register → login → delete the account with its password; then its
/// token and its password are refused, and the address registers again.
async fn deletion_chain(chain: &mut Chain<'_>, email: &str, password: &str) {
    let Some(login) = signed_up(chain, email, password).await else { return };
    let (access, refresh) = (login.access_token.unwrap_or_default(), login.refresh_token.unwrap_or_default());
    let request = models::DeleteAccountRequest { password: Some(password.to_owned()), ..Default::default() };
    let deleted = chain.step(
        DELETE_ACCOUNT,
        "delete the account",
        users_api::delete_current_user(&chain.config(Some(&access)), request).await,
        Expect::Success,
    );
    if deleted.is_none() {
        return;
    }
    chain.step(
        ME,
        "the deleted account's access token is refused",
        users_api::get_current_user(&chain.config(Some(&access))).await,
        Expect::Status(401),
    );
    chain.step(
        REFRESH,
        "its refresh token is refused",
        auth_api::refresh_token(&chain.config(None), models::RefreshRequest::new(refresh)).await,
        Expect::Status(401),
    );
    let login = models::LoginRequest::new(email.to_owned(), password.to_owned());
    chain.step(
        LOGIN,
        "its password is refused as for an unknown address",
        auth_api::login_user(&chain.config(None), login).await,
        Expect::Status(401),
    );
    let request = models::RegisterRequest::new(email.to_owned(), password.to_owned(), "Chain Probe".to_owned());
    chain.step(
        REGISTER,
        "the address registers again",
        auth_api::register_user(&chain.config(None), request).await,
        Expect::Success,
    );
}

/// register → login → set up MFA → verify it with a code computed from the
/// secret → login answers a challenge → finish it with a backup code → the
/// session and the backup code are spent → regenerate backup codes → disable
/// MFA → login answers tokens again.
async fn mfa_chain(chain: &mut Chain<'_>, email: &str, password: &str) {
    let Some(first) = signed_up(chain, email, password).await else { return };
    let access = first.access_token.unwrap_or_default();
    let Some(setup) = chain.step(
        SETUP_MFA,
        "set up an authenticator",
        mfa_api::setup_mfa(&chain.config(Some(&access))).await,
        Expect::Success,
    ) else {
        return;
    };
    let code = match totp_rs::Totp::from_url(&setup.otpauth_uri) {
        Ok(totp) => totp.generate_current().to_string(),
        Err(error) => {
            chain.expect(SETUP_MFA, "the otpauth URI parses", false, format!("{error}: {}", setup.otpauth_uri));
            return;
        }
    };
    let verify = models::VerifyMfaSetupRequest {
        password: Some(password.to_owned()),
        ..models::VerifyMfaSetupRequest::new(code)
    };
    let Some(backup) = chain.step(
        VERIFY_SETUP,
        "turn MFA on with a current code",
        mfa_api::verify_mfa_setup(&chain.config(Some(&access)), verify).await,
        Expect::Success,
    ) else {
        return;
    };
    let codes = backup.backup_codes;
    chain.expect(VERIFY_SETUP, "ten backup codes", codes.len() == 10, format!("{} codes", codes.len()));
    if codes.len() < 4 {
        return;
    }
    if let Some(user) = chain.step(
        ME,
        "the profile says MFA is on",
        users_api::get_current_user(&chain.config(Some(&access))).await,
        Expect::Success,
    ) {
        chain.expect(ME, "mfaEnabled is true", user.mfa_enabled, format!("{user:?}"));
    }
    let login = || models::LoginRequest::new(email.to_owned(), password.to_owned());
    let Some(challenge) = chain.step(
        LOGIN,
        "sign in: a challenge",
        auth_api::login_user(&chain.config(None), login()).await,
        Expect::Success,
    ) else {
        return;
    };
    let is_challenge = challenge.mfa_required && challenge.mfa_session.is_some() && challenge.access_token.is_none();
    chain.expect(LOGIN, "a challenge, no tokens", is_challenge, format!("{challenge:?}"));
    let session = challenge.mfa_session.unwrap_or_default();
    let verify = |code: &str| models::VerifyMfaRequest::new(session.clone(), code.to_owned());
    let Some(signed_in) = chain.step(
        VERIFY_MFA,
        "finish with a backup code",
        auth_api::verify_mfa(&chain.config(None), verify(&codes[0])).await,
        Expect::Success,
    ) else {
        return;
    };
    chain.step(
        VERIFY_MFA,
        "the challenge is spent",
        auth_api::verify_mfa(&chain.config(None), verify(&codes[1])).await,
        Expect::Status(401),
    );
    let access = signed_in.access_token.unwrap_or_default();
    chain.step(
        ME,
        "the second factor's token reads the profile",
        users_api::get_current_user(&chain.config(Some(&access))).await,
        Expect::Success,
    );
    let refresh = models::RefreshRequest::new(signed_in.refresh_token.unwrap_or_default());
    let Some(refreshed) = chain.step(
        REFRESH,
        "the second factor's refresh token works",
        auth_api::refresh_token(&chain.config(None), refresh).await,
        Expect::Success,
    ) else {
        return;
    };
    let access = refreshed.access_token;
    let Some(again) =
        chain.step(LOGIN, "sign in again", auth_api::login_user(&chain.config(None), login()).await, Expect::Success)
    else {
        return;
    };
    let session = again.mfa_session.unwrap_or_default();
    let spent = models::VerifyMfaRequest::new(session.clone(), codes[0].clone());
    chain.step(
        VERIFY_MFA,
        "the backup code is spent",
        auth_api::verify_mfa(&chain.config(None), spent).await,
        Expect::Status(400),
    );
    let step_up = |code: &str| models::StepUpRequest {
        password: Some(password.to_owned()),
        ..models::StepUpRequest::new(code.to_owned())
    };
    let Some(renewed) = chain.step(
        BACKUP_CODES,
        "regenerate backup codes",
        mfa_api::regenerate_backup_codes(&chain.config(Some(&access)), step_up(&codes[1])).await,
        Expect::Success,
    ) else {
        return;
    };
    let before = models::VerifyMfaRequest::new(session.clone(), codes[2].clone());
    chain.step(
        VERIFY_MFA,
        "a sign-in opened before new backup codes has ended",
        auth_api::verify_mfa(&chain.config(None), before).await,
        Expect::Status(401),
    );
    let Some(after) = chain.step(
        LOGIN,
        "sign in once more",
        auth_api::login_user(&chain.config(None), login()).await,
        Expect::Success,
    ) else {
        return;
    };
    let old = models::VerifyMfaRequest::new(after.mfa_session.unwrap_or_default(), codes[2].clone());
    chain.step(
        VERIFY_MFA,
        "an old backup code no longer works",
        auth_api::verify_mfa(&chain.config(None), old).await,
        Expect::Status(400),
    );
    let Some(new_code) = renewed.backup_codes.first() else { return };
    chain.step(
        DISABLE_MFA,
        "turn MFA off",
        mfa_api::disable_mfa(&chain.config(Some(&access)), step_up(new_code)).await,
        Expect::Success,
    );
    if let Some(plain) = chain.step(
        LOGIN,
        "sign in without MFA",
        auth_api::login_user(&chain.config(None), login()).await,
        Expect::Success,
    ) {
        chain.expect(LOGIN, "tokens again", !plain.mfa_required && plain.access_token.is_some(), format!("{plain:?}"));
    }
    chain.step(
        LOGOUT,
        "sign out everywhere",
        auth_api::logout_user(&chain.config(Some(&access)), None).await,
        Expect::Success,
    );
}

/// forgot password → reset with a code. The code is mailed: with the
/// target's outbox at hand (`--outbox`) the chain reads it, resets the
/// password and checks that every session ended, the old password is
/// refused, the new one works and the code is spent. Without it, it checks
/// that a wrong code is refused and leaves the password as it was.
async fn reset_chain(chain: &mut Chain<'_>, email: &str, password: &str, outbox: Option<&Path>) {
    let Some(first) = signed_up(chain, email, password).await else { return };
    let forgot = models::PasswordResetRequest::new(email.to_owned());
    let asked = auth_api::request_password_reset(&chain.config(None), forgot).await;
    chain.step(FORGOT, "ask for a reset code", asked, Expect::Success);
    let mailed = match outbox {
        Some(dir) => {
            let code = mailed_code(dir, email, "Your password reset code is").await;
            chain.expect(
                FORGOT,
                "the reset code arrives in the outbox",
                code.is_some(),
                format!("none in {}", dir.display()),
            );
            code
        }
        None => None,
    };
    let wrong = if mailed.as_deref() == Some("000000") { "111111" } else { "000000" };
    let new_password = format!("{password} reset");
    let reset =
        |code: &str| models::ConfirmPasswordResetRequest::new(email.to_owned(), code.to_owned(), new_password.clone());
    let refused = auth_api::confirm_password_reset(&chain.config(None), reset(wrong)).await;
    chain.step(RESET, "a wrong code is refused", refused, Expect::Status(400));
    let login = |password: &str| models::LoginRequest::new(email.to_owned(), password.to_owned());
    let Some(code) = mailed else {
        let unchanged = auth_api::login_user(&chain.config(None), login(password)).await;
        chain.step(LOGIN, "the password is unchanged", unchanged, Expect::Success);
        return;
    };
    let done = auth_api::confirm_password_reset(&chain.config(None), reset(&code)).await;
    chain.step(RESET, "reset with the mailed code", done, Expect::Success);
    let access = first.access_token.unwrap_or_default();
    let revoked = users_api::get_current_user(&chain.config(Some(&access))).await;
    chain.step(ME, "the earlier session ended", revoked, Expect::Status(401));
    let old = auth_api::login_user(&chain.config(None), login(password)).await;
    chain.step(LOGIN, "the old password is refused", old, Expect::Status(401));
    let new = auth_api::login_user(&chain.config(None), login(&new_password)).await;
    chain.step(LOGIN, "the new password works", new, Expect::Success);
    let again = auth_api::confirm_password_reset(&chain.config(None), reset(&code)).await;
    chain.step(RESET, "the code is spent", again, Expect::Status(400));
}

/// The code after `lead` in the newest mail to `email` in `dir`, waiting
/// up to five seconds for it (the service may mail in the background).
async fn mailed_code(dir: &Path, email: &str, lead: &str) -> Option<String> {
    for _ in 0..50 {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
            .unwrap_or_default();
        files.retain(|path| path.extension().is_some_and(|extension| extension == "eml"));
        files.sort();
        let code = files.iter().rev().find_map(|file| {
            let text = std::fs::read_to_string(file).ok()?;
            if !text.lines().any(|line| line.starts_with("To: ") && line.contains(email)) {
                return None;
            }
            let after = text.split(lead).nth(1)?;
            let code: String = after.trim_start().chars().take_while(char::is_ascii_digit).collect();
            (!code.is_empty()).then_some(code)
        });
        if code.is_some() {
            return code;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    None
}

/// Runs every chain with fresh accounts named after the run `run_id`, its
/// requests sent by `http`; an outcome per step and per check, and one
/// failure per link of the contract that no chain followed.
pub async fn run_chains(
    contract: &Contract,
    base: &str,
    http: &ClientWithMiddleware,
    run_id: &str,
    password: &str,
    outbox: Option<&Path>,
) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    let mut called = Vec::new();
    let email = |chain: &str| format!("conformance-{run_id}-{chain}@example.com");
    let mut session = Chain::new("session", base, http);
    session_chain(&mut session, &email("session"), password).await;
    let mut mfa = Chain::new("mfa", base, http);
    mfa_chain(&mut mfa, &email("mfa"), password).await;
    let mut reset = Chain::new("reset", base, http);
    reset_chain(&mut reset, &email("reset"), password, outbox).await;
    let mut devices = Chain::new("devices", base, http);
    devices_chain(&mut devices, &email("devices"), password).await;
    let mut deletion = Chain::new("deletion", base, http);
    deletion_chain(&mut deletion, &email("deletion"), password).await;
    for chain in [session, mfa, reset, devices, deletion] {
        outcomes.extend(chain.outcomes);
        called.push(chain.called);
    }
    for operation in &contract.operations {
        for target in &operation.links {
            let followed = called.iter().any(|steps| {
                steps.iter().position(|step| step == &operation.id).is_some_and(|at| steps[at..].contains(target))
            });
            if !followed {
                let case = Case {
                    operation: operation.id.clone(),
                    label: format!("link to {target}"),
                    intent: Intent::Valid,
                    request: Request {
                        method: operation.method.clone(),
                        url: format!("{base}{}", operation.path),
                        headers: Vec::new(),
                        body: None,
                    },
                };
                outcomes.push(Outcome {
                    case,
                    status: None,
                    violations: vec![format!("no chain follows the link {} → {target}", operation.id)],
                });
            }
        }
    }
    outcomes
}
