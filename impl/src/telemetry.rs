//! Structured logs. Every line written while serving a request carries the
//! request span, and with it the request id.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

use crate::config::{LogConfig, LogFormat};

/// Installs the global subscriber, writing to `writer`; colours only when
/// `ansi` (a terminal) is set.
pub fn init<W>(config: &LogConfig, writer: W, ansi: bool) -> anyhow::Result<()>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(&config.level).map_err(|error| anyhow::anyhow!("log.level: {error}"))?;
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer).with_ansi(ansi);
    let installed = match config.format {
        // The span list carries the request span, and with it the request id,
        // on lines logged inside nested spans too.
        LogFormat::Json => builder.json().with_current_span(false).with_span_list(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
    installed.map_err(|error| anyhow::anyhow!("installing the log subscriber: {error}"))
}
