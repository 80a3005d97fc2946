//! The ceilings the benchmark (`scripts/bench`) measures the service
//! against, on the same machine in the same run:
//!
//! - `baseline serve PORT`: a bare axum JSON handler on 127.0.0.1:PORT
//!   (`GET /` answers `{"status":"ok","store":"ok"}`), on the same runtime
//!   and axum as the server: the most any operation could do over HTTP.
//! - `baseline hash-rate SECONDS`: argon2id hashes per second on one
//!   thread, with the service's parameters and hasher.
//! - `baseline commit-rate SECONDS DIR`: writes per second committed one at
//!   a time through the service's SQLite store in DIR (WAL, `synchronous =
//!   FULL`, one fsync each).
//!
//! Rates are printed as one JSON object: `{"per_second": …, "count": …,
//! "seconds": …}`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use auth_service::adapters::embedded::{Db, PasswordHasher};
use auth_service::domain::Password;
use axum::Json;
use axum::routing::get;
use serde_json::json;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("baseline: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["serve", port] => runtime.block_on(serve(port)),
        ["hash-rate", seconds] => runtime.block_on(hash_rate(seconds)),
        ["commit-rate", seconds, dir] => runtime.block_on(commit_rate(seconds, dir)),
        _ => Err(anyhow::anyhow!("usage: baseline serve PORT | hash-rate SECONDS | commit-rate SECONDS DIR")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("baseline: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(port: &str) -> anyhow::Result<()> {
    let app = axum::Router::new().route("/", get(|| async { Json(json!({"status": "ok", "store": "ok"})) }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port.parse::<u16>()?)).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

fn seconds(text: &str) -> anyhow::Result<Duration> {
    Ok(Duration::from_secs_f64(text.parse::<f64>()?))
}

/// Runs `step` back to back for `seconds` and prints how often it ran.
async fn rate<F: Future<Output = anyhow::Result<()>>>(
    seconds: Duration,
    mut step: impl FnMut(u64) -> F,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut count = 0;
    while started.elapsed() < seconds {
        step(count).await?;
        count += 1;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!("{}", json!({"per_second": count as f64 / elapsed, "count": count, "seconds": elapsed}));
    Ok(())
}

async fn hash_rate(duration: &str) -> anyhow::Result<()> {
    let hasher = PasswordHasher::new(1)?;
    let password =
        Password::parse("password", "correct horse battery staple").map_err(|_| anyhow::anyhow!("password"))?;
    rate(seconds(duration)?, |_| {
        let hasher = hasher.clone();
        let password = password.clone();
        async move {
            hasher.hash(&password).await?;
            Ok(())
        }
    })
    .await
}

async fn commit_rate(duration: &str, dir: &str) -> anyhow::Result<()> {
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("commit-rate.db");
    let db = Db::open(&path)?;
    let outcome = rate(seconds(duration)?, |count| {
        let db = db.clone();
        async move {
            db.write(move |connection| {
                connection.execute(
                    "INSERT INTO attempts (key, window_start, count) VALUES (?1, 0, 1)",
                    [format!("commit-{count}")],
                )
            })
            .await?;
            Ok(())
        }
    })
    .await;
    drop(db);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    outcome
}
