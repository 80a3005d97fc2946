//! What writing the metrics as CloudWatch Embedded Metric Format costs a
//! Lambda invocation: `lambda_rate SECONDS DIR off|emf` runs `getHealth`
//! invocations one after another, as one execution environment does,
//! through the code path `auth-lambda` runs — `lambda_http`'s decoding of
//! an HTTP API event, `auth_service::lambda::service` (which writes the
//! invocation's metrics to stdout after each one when the recorder is
//! installed), the router over the embedded backend in DIR, and the
//! encoding of the answer, with its log line per request — for SECONDS, then prints `{"per_second": …,
//! "count": …, "seconds": …}` as the last line on stdout. With `emf`, the
//! recorder `auth-lambda` installs is installed first; with `off`, none is.
//! The per-address request limit is off, as in the benchmark: every event
//! comes from the same address.
//!
//! Run both, alternated, with stdout a pipe (as Lambda's is), e.g.:
//!
//! ```sh
//! cargo build --release --features aws --example lambda_rate
//! for mode in off emf off emf; do
//!   target/release/examples/lambda_rate 5 "$(mktemp -d)" $mode | tail -n 1
//! done
//! ```

use std::convert::Infallible;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use auth_service::config::Config;
use auth_service::{app, lambda};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Context, LambdaEvent};
use serde_json::json;
use tower::{Service, ServiceExt};

const EVENT: &str = include_str!("../tests/fixtures/lambda/http-v2.json");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("lambda_rate: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [seconds, dir, mode @ ("off" | "emf")] => runtime.block_on(rate(seconds, dir, *mode == "emf")),
        _ => Err(anyhow::anyhow!("usage: lambda_rate SECONDS DIR off|emf")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("lambda_rate: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn rate(seconds: &str, dir: &str, emf: bool) -> anyhow::Result<()> {
    let seconds = Duration::from_secs_f64(seconds.parse::<f64>()?);
    let mut config = Config::default();
    config.storage.data_dir = dir.into();
    // Off, as in the benchmark: every event comes from the same address.
    config.server.rate_limit_per_second = 0;
    // Logs as `auth-lambda` writes them: a line per request, to stdout.
    auth_service::telemetry::init(&config.log, &config.traces, std::io::stdout, false)?;
    if emf {
        auth_service::metrics::install_emf(&config.metrics)?;
    }
    let router = app::build(&config).await?;
    let mut handler = Adapter::from(lambda::service(router));
    let started = Instant::now();
    let mut count = 0_u64;
    while started.elapsed() < seconds {
        let event: LambdaRequest = serde_json::from_str(EVENT)?;
        let ready = handler.ready().await.unwrap_or_else(|never: Infallible| match never {});
        let response = ready
            .call(LambdaEvent::new(event, Context::default()))
            .await
            .unwrap_or_else(|never: Infallible| match never {});
        let answer = serde_json::to_value(response)?;
        anyhow::ensure!(answer["statusCode"] == 200, "getHealth answered {answer}");
        count += 1;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!("{}", json!({"per_second": count as f64 / elapsed, "count": count, "seconds": elapsed}));
    Ok(())
}
