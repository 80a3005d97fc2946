//! What writing the metrics as CloudWatch Embedded Metric Format costs a
//! Lambda invocation: `lambda_rate SECONDS DIR off|emf [runtime-api]` runs
//! `getHealth` invocations one after another, as one execution environment
//! does, through the code path `auth-lambda` runs — `lambda_http`'s
//! decoding of an HTTP API event, `auth_service::lambda::service` (which
//! writes the invocation's metrics to stdout after each one when the
//! recorder is installed), the router over the backend the `AUTH_…`
//! variables choose (by default the embedded one, its data in DIR), and
//! the encoding of the answer, with its log line per request — for SECONDS,
//! then prints `{"per_second": …, "count": …, "seconds": …}` as the last
//! line on stdout. With `emf`, the recorder `auth-lambda` installs is
//! installed first; with `off`, none is. The per-address request limit is
//! off, as in the benchmark: every event comes from the same address.
//!
//! By default the events are handed to the service in process. With
//! `runtime-api`, they come as on Lambda: `lambda_http::run` polls a
//! stand-in Lambda Runtime API on 127.0.0.1 (in this process) for each
//! event and posts each answer back, two HTTP requests per invocation.
//!
//! Run both modes, alternated, with stdout a pipe (as Lambda's is), e.g.:
//!
//! ```sh
//! cargo build --release --features aws --example lambda_rate
//! for mode in off emf off emf; do
//!   target/release/examples/lambda_rate 3 "$(mktemp -d)" $mode runtime-api | tail -n 1
//! done
//! ```

use std::convert::Infallible;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use auth_service::config::Config;
use auth_service::{app, lambda};
use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::routing::{get, post};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Context, LambdaEvent};
use serde_json::json;
use tower::{Service, ServiceExt};

const EVENT: &str = include_str!("../tests/fixtures/lambda/http-v2.json");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [seconds, dir, mode @ ("off" | "emf")] => measure(seconds, dir, *mode == "emf", false),
        [seconds, dir, mode @ ("off" | "emf"), "runtime-api"] => measure(seconds, dir, *mode == "emf", true),
        _ => Err(anyhow::anyhow!("usage: lambda_rate SECONDS DIR off|emf [runtime-api]")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("lambda_rate: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn measure(seconds: &str, dir: &str, emf: bool, runtime_api: bool) -> anyhow::Result<()> {
    let seconds = Duration::from_secs_f64(seconds.parse::<f64>()?);
    // Bound before the runtime starts, so that the variables `lambda_http`
    // reads are set while this is the only thread.
    let api = runtime_api.then(|| std::net::TcpListener::bind("127.0.0.1:0")).transpose()?;
    if let Some(api) = &api {
        let address = api.local_addr()?;
        // SAFETY: no other thread exists yet.
        unsafe {
            std::env::set_var("AWS_LAMBDA_RUNTIME_API", address.to_string());
            std::env::set_var("AWS_LAMBDA_FUNCTION_NAME", "auth");
            std::env::set_var("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            std::env::set_var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async move {
        let router = service(dir, emf).await?;
        let (count, elapsed) = match api {
            None => in_process(router, seconds).await?,
            Some(api) => through_runtime_api(router, api, seconds).await?,
        };
        println!("{}", json!({"per_second": count as f64 / elapsed, "count": count, "seconds": elapsed}));
        Ok(())
    })
}

/// The router `auth-lambda` builds, with the settings it reads (`AUTH_…`
/// variables; the embedded backend's data in `dir`).
async fn service(dir: &str, emf: bool) -> anyhow::Result<axum::Router> {
    let mut config = Config::load(None).map_err(anyhow::Error::msg)?;
    config.storage.data_dir = dir.into();
    // Off, as in the benchmark: every event comes from the same address.
    config.server.rate_limit_per_second = 0;
    // Logs as `auth-lambda` writes them: a line per request, to stdout.
    auth_service::telemetry::init(&config.log, &config.traces, std::io::stdout, false)?;
    if emf {
        auth_service::metrics::install_emf(&config.metrics)?;
    }
    app::build(&config).await
}

/// Invocations answered in `seconds`, handed to the service directly.
async fn in_process(router: axum::Router, seconds: Duration) -> anyhow::Result<(u64, f64)> {
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
    Ok((count, started.elapsed().as_secs_f64()))
}

/// Invocations answered in `seconds`, with `lambda_http::run` polling a
/// stand-in Runtime API on `api` for them.
async fn through_runtime_api(
    router: axum::Router,
    api: std::net::TcpListener,
    seconds: Duration,
) -> anyhow::Result<(u64, f64)> {
    let answered = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    api.set_nonblocking(true)?;
    let stand_in = runtime_api(answered.clone(), failed.clone());
    let listener = tokio::net::TcpListener::from_std(api)?;
    tokio::spawn(async move { axum::serve(listener, stand_in).await });
    let started = Instant::now();
    tokio::select! {
        ran = lambda_http::run(lambda::service(router)) => {
            anyhow::bail!("the runtime client stopped: {:?}", ran.err());
        }
        () = tokio::time::sleep(seconds) => {}
    }
    let (count, elapsed) = (answered.load(Ordering::Relaxed), started.elapsed().as_secs_f64());
    anyhow::ensure!(failed.load(Ordering::Relaxed) == 0, "some invocations did not answer 200");
    Ok((count, elapsed))
}

/// A Lambda Runtime API that hands out the `getHealth` event forever and
/// counts the answers posted back, `answered` for a 200, `failed` otherwise.
fn runtime_api(answered: Arc<AtomicU64>, failed: Arc<AtomicU64>) -> Router {
    let next_id = Arc::new(AtomicU64::new(0));
    let next = move || {
        let id = next_id.fetch_add(1, Ordering::Relaxed);
        async move {
            let mut headers = HeaderMap::new();
            let id = HeaderValue::from_str(&format!("invocation-{id}")).expect("an id");
            headers.insert("lambda-runtime-aws-request-id", id);
            headers.insert("lambda-runtime-deadline-ms", HeaderValue::from_static("4102444800000"));
            headers.insert(
                "lambda-runtime-invoked-function-arn",
                HeaderValue::from_static("arn:aws:lambda:eu-central-1:123456789012:function:auth"),
            );
            headers.insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            (headers, EVENT)
        }
    };
    let response = move |body: Bytes| async move {
        let ok = serde_json::from_slice::<serde_json::Value>(&body).is_ok_and(|answer| answer["statusCode"] == 200);
        match ok {
            true => answered.fetch_add(1, Ordering::Relaxed),
            false => failed.fetch_add(1, Ordering::Relaxed),
        };
        StatusCode::ACCEPTED
    };
    Router::new()
        .route("/2018-06-01/runtime/invocation/next", get(next))
        .route("/2018-06-01/runtime/invocation/{id}/response", post(response))
}
