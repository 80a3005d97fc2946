//! `conformance --base-url URL`: checks a running deployment against the contract.

use std::path::PathBuf;
use std::process::ExitCode;

use auth_conformance::contract::Contract;
use auth_conformance::pacing::PacingRules;
use auth_conformance::report::{Summary, failures, write_junit};
use auth_conformance::run::{Settings, run};
use clap::Parser;

/// Sends generated valid and invalid requests to every operation of the
/// contract and checks every answer against it: declared status, content
/// type and body schema, no 5xx, no 2xx for invalid input, 401 for every
/// kind of bad credential, and the headers every answer carries.
#[derive(Parser)]
#[command(name = "conformance", version, after_help = TARGET)]
struct Args {
    /// Where the API is served, e.g. http://127.0.0.1:8080 or a Lambda function URL.
    #[arg(long)]
    base_url: String,
    /// The contract to check against.
    #[arg(long, default_value = "contract/openapi.yaml")]
    contract: PathBuf,
    /// Seeds the generated data; the same seed sends the same requests.
    #[arg(long, default_value_t = 20240611)]
    seed: u64,
    /// Valid, schema-generated requests per operation.
    #[arg(long, default_value_t = 10)]
    cases: usize,
    /// Only this operation (by operationId); may be repeated.
    #[arg(long = "operation")]
    operations: Vec<String>,
    /// At most this many requests per second, sends after a 429 included
    /// (0: as fast as answers come). The default stays under the service's
    /// default per-address rate limit (20 a second).
    #[arg(long, default_value_t = 15)]
    rate: u32,
    /// On a 429, wait up to this many seconds for its Retry-After and send
    /// the same request again; a 429 asking for longer stands, and fails
    /// the case.
    #[arg(long, default_value_t = 60)]
    max_retry_wait: u64,
    /// Sends of one request after a 429, at most.
    #[arg(long, default_value_t = 5)]
    max_retries: u32,
    /// Size of the oversized-body case, in bytes.
    #[arg(long, default_value_t = 1024 * 1024)]
    oversized_bytes: usize,
    /// Wait up to this many seconds for an access token to expire, to check
    /// that expired tokens are refused (the target's token lifetime decides
    /// how long; 0 leaves the case out).
    #[arg(long, default_value_t = 0)]
    max_expiry_wait: u64,
    /// Seconds past its expiry that a token may still be accepted, for
    /// clock skew between instances.
    #[arg(long, default_value_t = 10)]
    expiry_leeway: u64,
    /// The target's mail outbox directory (`.eml` files), for a local
    /// server: the reset chain then resets a password with the mailed code.
    #[arg(long)]
    outbox: Option<PathBuf>,
    /// Where to write the JUnit XML report.
    #[arg(long)]
    junit: Option<PathBuf>,
    /// The address of an account holding the `admin` role, for the admin
    /// operations' valid cases; its password comes from the environment
    /// variable CONFORMANCE_ADMIN_PASSWORD. Without one, the admin
    /// operations are checked with a plain account's token (403).
    #[arg(long)]
    admin_email: Option<String>,
}

/// The environment variable holding the administrator's password.
const ADMIN_PASSWORD_ENV: &str = "CONFORMANCE_ADMIN_PASSWORD";

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match check(&args).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("conformance: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether the deployment conforms; an error when the check itself could not run.
async fn check(args: &Args) -> anyhow::Result<bool> {
    let contract = Contract::load(&args.contract)?;
    for operation in &args.operations {
        if !contract.operations.iter().any(|declared| &declared.id == operation) {
            anyhow::bail!("the contract has no operation {operation}");
        }
    }
    let admin = match &args.admin_email {
        Some(email) => {
            let password = std::env::var(ADMIN_PASSWORD_ENV)
                .map_err(|_| anyhow::anyhow!("--admin-email needs the password in {ADMIN_PASSWORD_ENV}"))?;
            Some((email.clone(), password))
        }
        None => None,
    };
    let settings = Settings {
        base_url: args.base_url.clone(),
        seed: args.seed,
        positive_cases: args.cases,
        only: args.operations.clone(),
        pacing: PacingRules {
            rate: args.rate,
            max_retry_wait: std::time::Duration::from_secs(args.max_retry_wait),
            max_retries: args.max_retries,
        },
        oversized_bytes: args.oversized_bytes,
        max_expiry_wait: std::time::Duration::from_secs(args.max_expiry_wait),
        expiry_leeway: std::time::Duration::from_secs(args.expiry_leeway),
        outbox: args.outbox.clone(),
        admin,
    };
    let started = std::time::Instant::now();
    let (outcomes, pacing) = run(&contract, &settings).await?;
    let summary = Summary::new(&contract, &outcomes, &args.operations);
    print!("{}", failures(&outcomes, args.seed));
    print!("{}", summary.table());
    if let Some(path) = &args.junit {
        write_junit(path, &outcomes, args.seed)?;
    }
    let failed = summary.failures();
    println!("{}", pacing.summary());
    println!(
        "{} cases, {failed} failures (seed {}) in {:.0} s",
        outcomes.len(),
        args.seed,
        started.elapsed().as_secs_f64()
    );
    Ok(failed == 0)
}

/// What the harness needs from a target, for `--help`.
const TARGET: &str = "\
What the target must allow:
  - Sign-up confirmed automatically: the harness registers accounts named
    conformance-<run>-<role>@example.com and signs them in at once.
  - Its limits, which the harness keeps to: requests are paced (--rate) and
    every 429 is waited out for its Retry-After (up to --max-retry-wait) and
    sent again. A run makes 4 failed sign-ins from its address (the chains
    check that old passwords and spent codes are refused); the service's
    default limit is 5 per address in 15 minutes, so a second run from the
    same address within 15 minutes finds it locked out, and says so.
  - For the reset chain to reset a password, the mailed code: --outbox DIR
    for a local server's outbox; without it the chain checks that a wrong
    code is refused.
  - For the admin operations' valid cases, an administrator: --admin-email
    with the password in CONFORMANCE_ADMIN_PASSWORD. They act on an account
    the run registers (conformance-<run>-member@example.com).
Against the service with its default settings a run takes about half a
minute, most of it the pacing.";
