//! The server on `axum::serve`, over the configured backend (the embedded
//! one unless configured otherwise).
//!
//! Usage: `auth-server [--config FILE] [migrate | admin grant EMAIL [ROLE]]`
//! (or `AUTH_CONFIG=FILE`); settings can also come from `AUTH_…`
//! environment variables. With `migrate`, it brings stored data up to this
//! version and exits instead of serving; with `admin grant`, it grants a
//! role (`admin` unless named) to the account with that address, in the
//! configured backend's store: the way to the first administrator.

use std::convert::Infallible;
use std::io::{BufWriter, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use auth_service::config::{Backend, CONFIG_FILE_ENV, Config};
use auth_service::domain::{AuthError, Email};
use auth_service::http::LimitedListener;
use auth_service::{app, telemetry};
use axum::Extension;
use axum::extract::ConnectInfo;
use axum::serve::{IncomingStream, Listener};
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::watch;
use tower::Layer;
use tracing_appender::non_blocking::NonBlockingBuilder;

/// What the binary was asked to do.
enum Command {
    Serve,
    Migrate,
    Grant { email: String, role: String },
}

fn main() -> ExitCode {
    let (command, config) = match parse_args().and_then(|(command, file)| Ok((command, Config::load(file.as_deref())?)))
    {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("auth-server: {message}");
            return ExitCode::from(2);
        }
    };
    let ansi = std::io::stdout().is_terminal();
    // Lines are formatted where they are logged and written by a thread of
    // their own, in batches: a request never waits for the write. None is
    // dropped (a full queue makes loggers wait), and those still queued
    // are written when `_written` drops, at exit.
    let (writer, _written) =
        NonBlockingBuilder::default().lossy(false).thread_name("log-writer").finish(BufWriter::new(std::io::stdout()));
    if let Err(error) = telemetry::init(&config.log, &config.traces, writer, ansi) {
        eprintln!("auth-server: {error:#}");
        return ExitCode::from(2);
    }
    let exit = match command {
        Command::Serve => app::run("the server", serve(config)),
        Command::Migrate => app::run("the migration", async move {
            let done = app::migrate(&config).await?;
            tracing::info!("{done}");
            println!("{done}");
            Ok(())
        }),
        Command::Grant { email, role } => app::run("the grant", async move {
            let email =
                Email::parse("email", &email).map_err(|problem| anyhow::anyhow!("{email:?} {}", problem.message))?;
            let service = app::service(&config).await?;
            let user = match service.grant_role(&email, &role).await {
                Ok(user) => user,
                Err(AuthError::UserNotFound) => anyhow::bail!("no account has the address {email}"),
                Err(AuthError::InvalidInput(problems)) => {
                    let known = problems.iter().map(|problem| problem.message.as_str()).collect::<Vec<_>>().join("; ");
                    anyhow::bail!("role {role:?}: {known}")
                }
                Err(error) => anyhow::bail!("the store failed: {error:?}"),
            };
            let roles = user.roles.iter().map(|role| role.as_str()).collect::<Vec<_>>().join(", ");
            tracing::info!(user_id = %user.id, role, "role granted at the command line");
            println!("{email} (user {}) has the roles: {roles}", user.id);
            Ok(())
        }),
    };
    telemetry::shutdown();
    exit
}

fn parse_args() -> Result<(Command, Option<PathBuf>), String> {
    let mut args = std::env::args().skip(1).peekable();
    let mut file = std::env::var_os(CONFIG_FILE_ENV).map(PathBuf::from);
    let mut command = Command::Serve;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--config" | "-c" => file = Some(args.next().ok_or("--config needs a file")?.into()),
            "--help" | "-h" => {
                println!(
                    "usage: auth-server [--config FILE] [migrate | admin grant EMAIL [ROLE]]\n\nServes the API. With migrate, brings the data stored by earlier versions up to this one and exits.\nWith admin grant, grants ROLE (admin unless named) to the account with address EMAIL and exits.\nSettings come from FILE (TOML) and AUTH_* environment variables; see README.md."
                );
                std::process::exit(0);
            }
            "migrate" => command = Command::Migrate,
            "admin" => {
                if args.next().as_deref() != Some("grant") {
                    return Err("admin: the command is `admin grant EMAIL [ROLE]`".to_owned());
                }
                let email = args.next().ok_or("admin grant needs an EMAIL")?;
                let role = args.next_if(|arg| !arg.starts_with('-')).unwrap_or_else(|| "admin".to_owned());
                command = Command::Grant { email, role };
            }
            other => return Err(format!("unknown argument {other:?}; try --help")),
        }
    }
    Ok((command, file))
}

async fn serve(config: Config) -> anyhow::Result<()> {
    // Listen for signals before anything else, so that an early SIGTERM
    // still stops the server cleanly.
    let stopping = shutdown_signal()?;
    // Before the service, so that what it records from the start is kept.
    if let Some(address) = config.metrics.listen {
        let handle = auth_service::metrics::install()?;
        let metrics = TcpListener::bind(address).await?;
        tracing::info!(address = %metrics.local_addr()?, "metrics at /metrics");
        let serving = axum::serve(metrics, auth_service::metrics::router(handle))
            .with_graceful_shutdown(wait_for(stopping.clone()));
        tokio::spawn(async move {
            if let Err(error) = serving.await {
                tracing::error!(error = %error, "the metrics listener stopped");
            }
        });
    }
    let router = app::build(&config).await?;
    let listener = LimitedListener::new(
        TcpListener::bind((config.server.host, config.server.port)).await?,
        config.server.max_connections,
    );
    match config.backend {
        Backend::Embedded => {
            tracing::info!(address = %Listener::local_addr(&listener)?, data_dir = %config.storage.data_dir.display(), "listening");
        }
        Backend::Aws => {
            tracing::info!(address = %Listener::local_addr(&listener)?, table = %config.aws.table_name, "listening")
        }
    }
    let grace = Duration::from_secs(config.server.shutdown_grace_secs);
    let deadline = stopping.clone();
    // Each connection's requests carry its peer address, as
    // `into_make_service_with_connect_info` gives them.
    let connections = tower::service_fn(move |connection: IncomingStream<'_, LimitedListener>| {
        let peer: SocketAddr = *connection.remote_addr();
        std::future::ready(Ok::<_, Infallible>(Extension(ConnectInfo(peer)).layer(router.clone())))
    });
    let server = axum::serve(listener, connections).with_graceful_shutdown(wait_for(stopping));
    // In-flight requests get `grace` to finish once a signal arrives.
    tokio::select! {
        served = server => served?,
        () = async { wait_for(deadline).await; tokio::time::sleep(grace).await } => {
            tracing::warn!("in-flight requests did not finish within the grace period");
        }
    }
    tracing::info!("stopped");
    Ok(())
}

/// A flag raised once, on SIGTERM or Ctrl-C.
fn shutdown_signal() -> anyhow::Result<watch::Receiver<bool>> {
    let mut terminate = signal(SignalKind::terminate())?;
    let (raise, flag) = watch::channel(false);
    tokio::spawn(async move {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = terminate.recv() => {}
        }
        tracing::info!("shutting down");
        let _ = raise.send(true);
    });
    Ok(flag)
}

async fn wait_for(mut flag: watch::Receiver<bool>) {
    // An error means the sender is gone, which happens only at exit.
    let _ = flag.wait_for(|raised| *raised).await;
}
