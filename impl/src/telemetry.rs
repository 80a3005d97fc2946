//! Structured logs and, when configured, traces.
//!
//! Every line written while serving a request carries the request span,
//! and with it the request id. With `[traces] otlp_endpoint` set, the
//! spans also go out as OpenTelemetry traces over OTLP/HTTP (protobuf):
//! one server span per request, named by the contract's operationId; under
//! it the generated handler's span (e.g. `login_user`), and under that one
//! span per port call, named `port.call` (e.g. `user_store.get`). A request's W3C `traceparent` (W3C Trace Context
//! Level 1) parents its span, and the AWS backend's calls carry the
//! current span's on (`adapters::aws`). Span attributes are operation
//! names, routes, statuses and port results: never an address, a token,
//! a code or a password.

use std::sync::OnceLock;
use std::time::Duration;

use http::HeaderMap;
use opentelemetry::propagation::{Injector, TextMapPropagator};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_http::{Bytes, HeaderExtractor, HttpClient, HttpError, Request, Response};
use opentelemetry_otlp::{Protocol, WithExportConfig, WithHttpConfig};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{Sampler, SdkTracerProvider};
use serde::Deserialize;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::Layer;
use tracing_subscriber::filter::{EnvFilter, LevelFilter, Targets};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::prelude::*;
use tracing_subscriber::registry::LookupSpan;

use crate::config::{LogConfig, LogFormat};

/// The crates whose spans become traces: the service's, and the generated
/// server's (a span per handler, between a request's span and its port
/// calls, which work spawned from a handler continues). The libraries' own
/// spans (the AWS SDK's, hyper's, the Lambda runtime's) stay out.
const TRACED_TARGETS: [&str; 2] = ["auth_service", "auth_api"];

/// Where traces go, if anywhere.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TracesConfig {
    /// The OTLP/HTTP base URL of an OpenTelemetry Collector (or any OTLP
    /// receiver), e.g. `http://127.0.0.1:4318`, as in
    /// `OTEL_EXPORTER_OTLP_ENDPOINT`: spans are posted to
    /// `{otlp_endpoint}/v1/traces`. Plain `http` only, for a collector on
    /// the same host or network (a sidecar, the ADOT Lambda layer), which
    /// forwards them on with TLS. Unset (the default): no traces.
    pub otlp_endpoint: Option<String>,
    /// `service.name` of the traces' resource.
    pub service_name: String,
    /// The fraction of traces started here that are kept, 0 to 1; a
    /// request with a `traceparent` follows its caller's sampling decision.
    pub sample_ratio: f64,
}

impl Default for TracesConfig {
    fn default() -> Self {
        Self { otlp_endpoint: None, service_name: "auth-service".to_owned(), sample_ratio: 1.0 }
    }
}

impl TracesConfig {
    pub fn validate(&self) -> Result<(), String> {
        if let Some(endpoint) = &self.otlp_endpoint {
            let uri: http::Uri =
                endpoint.parse().map_err(|_| format!("traces.otlp_endpoint: {endpoint:?} is not a URL"))?;
            if uri.scheme_str() != Some("http") || uri.host().is_none() {
                return Err(format!("traces.otlp_endpoint: {endpoint:?} must be an http:// URL of a collector"));
            }
        }
        if !(0.0..=1.0).contains(&self.sample_ratio) {
            return Err("traces.sample_ratio must be between 0 and 1".to_owned());
        }
        if self.service_name.trim().is_empty() {
            return Err("traces.service_name must not be empty".to_owned());
        }
        Ok(())
    }

    /// Where spans are posted.
    fn traces_url(&self) -> Option<String> {
        self.otlp_endpoint.as_ref().map(|endpoint| format!("{}/v1/traces", endpoint.trim_end_matches('/')))
    }
}

/// The process's tracer provider, once traces are on.
static PROVIDER: OnceLock<SdkTracerProvider> = OnceLock::new();

/// The runtime the exporter's HTTP requests run on: the batch processor
/// exports from a thread of its own, outside the service's runtime (which
/// the Lambda functions and `auth-server` build after this).
static EXPORT_RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();

/// Installs the global subscriber: logs written to `writer` (colours only
/// when `ansi`, a terminal, is set), filtered by `log.level`; and, when
/// `traces.otlp_endpoint` is set, the trace exporter, which sees this
/// crate's spans whatever the log level.
pub fn init<W>(log: &LogConfig, traces: &TracesConfig, writer: W, ansi: bool) -> anyhow::Result<()>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(&log.level).map_err(|error| anyhow::anyhow!("log.level: {error}"))?;
    let installed = match traces.traces_url() {
        // Without traces, the plain formatting subscriber: a global filter
        // and no per-layer filtering, the cheapest per request.
        None => {
            let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer).with_ansi(ansi);
            match log.format {
                // The span list carries the request span, and with it the
                // request id, on lines logged inside nested spans too.
                LogFormat::Json => builder.json().with_current_span(false).with_span_list(true).try_init(),
                LogFormat::Text => builder.try_init(),
            }
            .map_err(|error| anyhow::anyhow!("{error}"))
        }
        // With traces, each layer filters for itself: the logs by
        // `log.level`, the exporter this crate's spans at any level.
        Some(url) => {
            let provider = provider(traces, url)?;
            let tracer = provider.tracer("auth-service");
            // A second `init` keeps the first provider, and fails below.
            let _ = PROVIDER.set(provider);
            let lines = tracing_subscriber::fmt::layer().with_writer(writer).with_ansi(ansi);
            let lines = match log.format {
                LogFormat::Json => {
                    lines.json().with_current_span(false).with_span_list(true).with_filter(filter).boxed()
                }
                LogFormat::Text => lines.with_filter(filter).boxed(),
            };
            tracing_subscriber::registry()
                .with(lines)
                .with(traces_layer(tracer))
                .try_init()
                .map_err(|error| anyhow::anyhow!("{error}"))
        }
    };
    installed.map_err(|error| anyhow::anyhow!("installing the log subscriber: {error}"))
}

/// The layer that turns [`TRACED_TARGETS`]' spans into `tracer`'s, with no
/// attribute but their fields.
pub(crate) fn traces_layer<S>(tracer: opentelemetry_sdk::trace::Tracer) -> impl Layer<S> + Send + Sync
where
    S: tracing::Subscriber + for<'span> LookupSpan<'span> + Send + Sync,
{
    let only_ours = Targets::new().with_targets(TRACED_TARGETS.map(|target| (target, LevelFilter::DEBUG)));
    tracing_opentelemetry::layer()
        .with_tracer(tracer)
        .with_location(false)
        .with_target(false)
        .with_threads(false)
        .with_tracked_inactivity(false)
        .with_filter(only_ours)
}

fn provider(traces: &TracesConfig, url: String) -> anyhow::Result<SdkTracerProvider> {
    let runtime = match EXPORT_RUNTIME.get() {
        Some(runtime) => runtime,
        None => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("trace-export")
                .enable_all()
                .build()?;
            EXPORT_RUNTIME.get_or_init(|| runtime)
        }
    };
    let timeout = Duration::from_secs(10);
    let client = ExportClient {
        client: opentelemetry_http::hyper::HyperClient::with_default_connector(timeout, None),
        runtime: runtime.handle().clone(),
    };
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_http_client(client)
        .with_protocol(Protocol::HttpBinary)
        .with_endpoint(url)
        .with_timeout(timeout)
        .build()?;
    Ok(SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_sampler(Sampler::ParentBased(Box::new(Sampler::TraceIdRatioBased(traces.sample_ratio))))
        .with_resource(Resource::builder().with_service_name(traces.service_name.clone()).build())
        .build())
}

/// Hyper's client, run on [`EXPORT_RUNTIME`] whatever thread exports.
#[derive(Debug, Clone)]
struct ExportClient {
    client: opentelemetry_http::hyper::HyperClient,
    runtime: tokio::runtime::Handle,
}

#[async_trait::async_trait]
impl HttpClient for ExportClient {
    async fn send_bytes(&self, request: Request<Bytes>) -> Result<Response<Bytes>, HttpError> {
        let client = self.client.clone();
        self.runtime.spawn(async move { client.send_bytes(request).await }).await?
    }
}

/// Whether spans are exported.
pub fn traces_on() -> bool {
    PROVIDER.get().is_some()
}

/// Makes the request's `traceparent` (and `tracestate`), when it has a
/// valid one, the parent of `span`. Does nothing while traces are off.
pub fn continue_trace(span: &tracing::Span, headers: &HeaderMap) {
    if !traces_on() || !headers.contains_key("traceparent") {
        return;
    }
    let parent = TraceContextPropagator::new().extract(&HeaderExtractor(headers));
    // Fails only for a span the exporter does not see.
    let _ = span.set_parent(parent);
}

/// Writes the innermost traced span's `traceparent` (and `tracestate`)
/// into `carrier`, for a call this one makes; nothing when no span is
/// traced (traces off, or a call outside of any request).
pub fn pass_on_trace(carrier: &mut dyn Injector) {
    // The context the exporter's layer made current on entering its
    // innermost span: libraries' spans inside it, which it does not see,
    // are skipped.
    TraceContextPropagator::new().inject_context(&opentelemetry::Context::current(), carrier);
}

/// Exports the spans that ended so far, waiting for the collector's answer
/// (each Lambda invocation ends with this, before its environment may be
/// frozen). Does nothing while traces are off.
pub fn flush() {
    if let Some(provider) = PROVIDER.get()
        && let Err(error) = provider.force_flush()
    {
        tracing::warn!(%error, "could not export the traces");
    }
}

/// Exports what is left and stops the exporter, at exit.
pub fn shutdown() {
    if let Some(provider) = PROVIDER.get()
        && let Err(error) = provider.shutdown()
    {
        tracing::warn!(%error, "could not export the last traces");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traces(endpoint: Option<&str>, sample_ratio: f64) -> TracesConfig {
        TracesConfig { otlp_endpoint: endpoint.map(str::to_owned), sample_ratio, ..TracesConfig::default() }
    }

    #[test]
    fn traces_go_to_a_plain_http_collector_and_are_off_by_default() {
        assert_eq!(TracesConfig::default().traces_url(), None);
        let config = traces(Some("http://127.0.0.1:4318/"), 0.25);
        assert_eq!(config.validate(), Ok(()));
        assert_eq!(config.traces_url().as_deref(), Some("http://127.0.0.1:4318/v1/traces"));
        for endpoint in ["https://collector:4318", "127.0.0.1:4318", "not a url", "http://"] {
            let error = traces(Some(endpoint), 1.0).validate().unwrap_err();
            assert!(error.starts_with("traces.otlp_endpoint"), "{endpoint}: {error}");
        }
        for ratio in [-0.1, 1.5, f64::NAN] {
            assert!(traces(None, ratio).validate().is_err(), "{ratio}");
        }
    }
}
