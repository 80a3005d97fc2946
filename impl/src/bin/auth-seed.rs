//! The seed workflow's task handler on AWS Lambda
//! (`infra/statemachine/seed.asl.json`): each invocation is one task of
//! [`auth_service::seed::Task`], run through the same domain service as
//! the API, built once per execution environment.
//!
//! Settings come from `AUTH_…` environment variables, as for `auth-lambda`.

use std::process::ExitCode;

use anyhow::Context;
use auth_service::config::Config;
use auth_service::seed::{self, Task, TaskError};
use auth_service::{app, lambda};
use lambda_http::lambda_runtime::{self, Diagnostic, LambdaEvent, service_fn};
use serde_json::Value;

fn main() -> ExitCode {
    lambda::main("auth-seed", |config: Config| async move {
        let auth = app::service(&config).await.context("building the service")?;
        tracing::info!(backend = ?config.backend, "ready for tasks");
        let handler = service_fn(move |event: LambdaEvent<Value>| {
            let auth = auth.clone();
            async move {
                // serde's message could quote a field's value, a password
                // among them; the error names the shape instead.
                let task: Task = serde_json::from_value(event.payload)
                    .map_err(|_| TaskError {
                        kind: "InvalidInput",
                        message: "expected an action of exists, signUp, login or logout with its fields".to_owned(),
                    })
                    .map_err(diagnostic)?;
                let done = seed::run(&auth, task).await.map_err(diagnostic);
                auth_service::metrics::flush_emf();
                done
            }
        });
        lambda_runtime::run(handler).await.map_err(|error| anyhow::anyhow!(error))
    })
}

fn diagnostic(error: TaskError) -> Diagnostic {
    Diagnostic { error_type: error.kind.to_owned(), error_message: error.message }
}
