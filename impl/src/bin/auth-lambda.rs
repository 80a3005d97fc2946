//! The service on AWS Lambda, behind an API Gateway REST API, an HTTP API or
//! an Application Load Balancer. The router is built once per execution
//! environment, before the first event, and serves every invocation.
//!
//! Settings come from `AUTH_…` environment variables, and from the TOML file
//! named by `AUTH_CONFIG` when it is set, as for `auth-server`.

use std::process::ExitCode;

use anyhow::Context;
use auth_service::config::Config;
use auth_service::{app, lambda};

fn main() -> ExitCode {
    lambda::main("auth-lambda", |config: Config| async move {
        let router = app::build(&config).await.context("building the service")?;
        tracing::info!(backend = ?config.backend, "ready for events");
        lambda_http::run(lambda::service(router)).await.map_err(|error| anyhow::anyhow!(error))
    })
}
