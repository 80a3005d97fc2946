//! The user pool's custom authentication triggers on AWS Lambda
//! (DefineAuthChallenge, CreateAuthChallenge, VerifyAuthChallengeResponse;
//! see `auth_service::adapters::aws::custom_auth`). It needs the key it
//! shares with the service (`aws.custom_auth_key_secret`) and nothing else:
//! no table, no pool, and not the MFA key.
//!
//! Settings come from `AUTH_…` environment variables, as for `auth-lambda`;
//! it reads only the key's (`config::KeySettings`).
//!
//! `auth-challenge invoke` answers one event read from stdin on stdout and
//! exits, outside Lambda: how an emulator of Cognito (moto, in the tests)
//! runs the triggers. Exits 1 when the event is not one of the three, 2 on
//! bad settings.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use auth_service::adapters::aws::custom_auth;
use auth_service::config::{CONFIG_FILE_ENV, KeySettings};
use auth_service::domain::federation::ChallengeKey;
use auth_service::{app, lambda};
use lambda_http::lambda_runtime::{self, Diagnostic, LambdaEvent, service_fn};
use serde_json::Value;

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("invoke") {
        return invoke();
    }
    lambda::main("auth-challenge", |settings: KeySettings| async move {
        let key = challenge_key(&settings).await?;
        tracing::info!("ready for events");
        let handler = service_fn(move |event: LambdaEvent<Value>| {
            let answered = custom_auth::respond(&key, event.payload).map_err(|error| Diagnostic {
                error_type: "InvalidEvent".to_owned(),
                error_message: error.to_string(),
            });
            std::future::ready(answered)
        });
        lambda_runtime::run(handler).await.map_err(|error| anyhow::anyhow!(error))
    })
}

/// The custom authentication key of `settings`, which must name one.
async fn challenge_key(settings: &KeySettings) -> anyhow::Result<ChallengeKey> {
    app::aws_challenge_key(&settings.aws, None)
        .await
        .context("reading the custom authentication key")?
        .context("aws.custom_auth_key_secret (or aws.custom_auth_key) is required")
}

fn invoke() -> ExitCode {
    let file = std::env::var_os(CONFIG_FILE_ENV).map(PathBuf::from);
    let settings = match KeySettings::load(file.as_deref()) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("auth-challenge: {message}");
            return ExitCode::from(2);
        }
    };
    let answered = async {
        let key = challenge_key(&settings).await?;
        let mut event = String::new();
        std::io::stdin().read_to_string(&mut event).context("reading the event")?;
        // serde's message could quote the event: none is passed on.
        let event: Value = serde_json::from_str(&event).map_err(|_| anyhow::anyhow!("the event is not JSON"))?;
        anyhow::Ok(custom_auth::respond(&key, event)?)
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("auth-challenge: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(answered) {
        Ok(answer) => {
            println!("{answer}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("auth-challenge: {error:#}");
            ExitCode::FAILURE
        }
    }
}
