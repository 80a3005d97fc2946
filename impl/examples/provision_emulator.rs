//! Creates a user pool, a confidential app client, a table and a verified
//! SES sender in an AWS emulator (moto), and prints the settings that
//! point the service at them as shell `export` lines, with the MFA key of
//! the emulator's custom authentication trigger (`MOTO_CUSTOM_AUTH_KEY`, see
//! `scripts/moto.sh`), or a new one.
//! The pool's groups and custom attributes are the roles and attributes of
//! the configuration the server would read (`AUTH_CONFIG`, `AUTH_…`).
//!
//! Usage: `provision_emulator ENDPOINT [NAME]`; credentials and region come
//! from the environment (`AWS_ACCESS_KEY_ID`, `AWS_REGION`, ...), which
//! moto accepts whatever they are.

use std::process::ExitCode;

use auth_service::adapters::aws::local;
use auth_service::config::{CONFIG_FILE_ENV, Config};
use auth_service::domain::MfaKey;
use auth_service::domain::federation::ChallengeKey;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use secrecy::ExposeSecret;

/// The sender of the service's own mail (security notices) through SES.
const SENDER: &str = "no-reply@auth.test";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(endpoint), name) = (args.next(), args.next()) else {
        eprintln!("usage: provision_emulator ENDPOINT [NAME]");
        return ExitCode::from(2);
    };
    let name = name.unwrap_or_else(|| "auth-local".to_owned());
    let region = std::env::var("AWS_REGION").unwrap_or_else(|_| "us-east-1".to_owned());
    let provisioned = async {
        let file = std::env::var_os(CONFIG_FILE_ENV).map(std::path::PathBuf::from);
        let accounts =
            Config::load(file.as_deref()).map_err(anyhow::Error::msg)?.accounts.rules().map_err(anyhow::Error::msg)?;
        let aws = local::provision(&endpoint, &region, &name, &accounts).await?;
        local::verify_sender(&aws, SENDER).await?;
        anyhow::Ok(aws)
    };
    match provisioned.await {
        Ok(aws) => {
            // A new MFA key, and the key of the emulator's custom
            // authentication trigger when it has one (scripts/moto.sh).
            let key = STANDARD.encode(MfaKey::generate());
            let challenge_key = std::env::var("MOTO_CUSTOM_AUTH_KEY")
                .unwrap_or_else(|_| ChallengeKey::generate().expose_secret().to_owned());
            for (variable, value) in [
                ("AUTH_BACKEND", "aws"),
                ("AUTH_AWS__REGION", region.as_str()),
                ("AUTH_AWS__ENDPOINT_URL", endpoint.as_str()),
                ("AUTH_AWS__USER_POOL_ID", aws.user_pool_id.as_str()),
                ("AUTH_AWS__CLIENT_ID", aws.client_id.as_str()),
                ("AUTH_AWS__TABLE_NAME", aws.table_name.as_str()),
                ("AUTH_MFA__ENCRYPTION_KEY", key.as_str()),
                ("AUTH_AWS__CUSTOM_AUTH_KEY", challenge_key.as_str()),
                ("AUTH_MAIL__TRANSPORT", "ses"),
                ("AUTH_MAIL__SES__SENDER", SENDER),
            ] {
                println!("export {variable}='{value}'");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("provision_emulator: {error:#}");
            ExitCode::FAILURE
        }
    }
}
