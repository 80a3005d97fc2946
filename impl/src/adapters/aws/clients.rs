//! The AWS SDK clients the backend calls.

use std::collections::HashMap;

use aws_sdk_dynamodb::config::interceptors::BeforeTransmitInterceptorContextMut;
use aws_sdk_dynamodb::config::{ConfigBag, Intercept, RuntimeComponents};
use aws_sdk_dynamodb::error::{BoxError, DisplayErrorContext};
use secrecy::SecretString;

use super::AwsConfig;
use crate::telemetry;

impl AwsConfig {
    /// The region: the configured one, else the environment's. Required,
    /// so that the SDK never asks the instance metadata service at start.
    fn region(&self) -> Result<String, String> {
        self.region
            .clone()
            .or_else(|| std::env::var("AWS_REGION").ok())
            .or_else(|| std::env::var("AWS_DEFAULT_REGION").ok())
            .filter(|region| !region.trim().is_empty())
            .ok_or_else(|| "backend aws needs a region: set aws.region or AWS_REGION".to_owned())
    }
}

/// The AWS clients and where the pool's tokens come from. Building them
/// makes no network calls; credentials are resolved on first use.
pub struct Clients {
    pub cognito: aws_sdk_cognitoidentityprovider::Client,
    pub dynamodb: aws_sdk_dynamodb::Client,
    pub ses: aws_sdk_sesv2::Client,
    pub secrets: aws_sdk_secretsmanager::Client,
    /// `iss` of the pool's tokens.
    pub issuer: String,
    /// Where the pool publishes its signing keys.
    pub jwks_url: String,
}

impl Clients {
    pub async fn new(config: &AwsConfig) -> anyhow::Result<Self> {
        let region = config.region().map_err(|message| anyhow::anyhow!(message))?;
        let mut loader =
            aws_config::defaults(aws_config::BehaviorVersion::latest()).region(aws_config::Region::new(region.clone()));
        if let Some(endpoint) = &config.endpoint_url {
            loader = loader.endpoint_url(endpoint);
        }
        let shared = loader.load().await;
        let issuer = format!("https://cognito-idp.{region}.amazonaws.com/{}", config.user_pool_id);
        let keys_base = config.endpoint_url.as_deref().map_or_else(
            || issuer.clone(),
            |endpoint| format!("{}/{}", endpoint.trim_end_matches('/'), config.user_pool_id),
        );
        Ok(Self {
            cognito: aws_sdk_cognitoidentityprovider::Client::from_conf(
                aws_sdk_cognitoidentityprovider::config::Builder::from(&shared).interceptor(TraceContext).build(),
            ),
            dynamodb: aws_sdk_dynamodb::Client::from_conf(
                aws_sdk_dynamodb::config::Builder::from(&shared).interceptor(TraceContext).build(),
            ),
            ses: aws_sdk_sesv2::Client::from_conf(
                aws_sdk_sesv2::config::Builder::from(&shared).interceptor(TraceContext).build(),
            ),
            secrets: aws_sdk_secretsmanager::Client::from_conf(
                aws_sdk_secretsmanager::config::Builder::from(&shared).interceptor(TraceContext).build(),
            ),
            issuer,
            jwks_url: format!("{keys_base}/.well-known/jwks.json"),
        })
    }
}

impl Clients {
    /// The text of the secret `id` (a name or ARN) in Secrets Manager, its
    /// current version (`AWSCURRENT`). An error names the secret and the
    /// service's answer, never a value.
    pub async fn secret_string(&self, id: &str) -> anyhow::Result<SecretString> {
        let answer = self.secrets.get_secret_value().secret_id(id).send().await.map_err(|error| {
            anyhow::anyhow!("reading the secret {id} from Secrets Manager: {}", DisplayErrorContext(&error))
        })?;
        answer
            .secret_string
            .map(SecretString::from)
            .ok_or_else(|| anyhow::anyhow!("the secret {id} holds binary data, not text"))
    }
}

/// Passes the current span's W3C `traceparent` (and `tracestate`) on with
/// every AWS call, while traces are on (see `telemetry`). On Lambda the
/// SDK also sends the X-Ray header, `X-Amzn-Trace-Id`, of the invocation.
#[derive(Debug)]
pub struct TraceContext;

impl Intercept for TraceContext {
    fn name(&self) -> &'static str {
        "TraceContext"
    }

    fn modify_before_transmit(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _components: &RuntimeComponents,
        _config: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let mut carrier = HashMap::new();
        telemetry::pass_on_trace(&mut carrier);
        for (name, value) in carrier {
            context.request_mut().headers_mut().try_insert(name, value)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use axum::Router;
    use http::{HeaderMap, StatusCode};
    use opentelemetry::trace::{TraceContextExt, TracerProvider as _};
    use opentelemetry_sdk::trace::SdkTracerProvider;
    use tracing::Instrument;
    use tracing_opentelemetry::OpenTelemetrySpanExt;
    use tracing_subscriber::prelude::*;

    use super::*;

    /// A DynamoDB endpoint that keeps each request's headers and answers
    /// with an error the SDK does not retry.
    async fn recording_endpoint() -> (String, Arc<Mutex<Vec<HeaderMap>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let kept = seen.clone();
        let app = Router::new().fallback(move |headers: HeaderMap| {
            kept.lock().unwrap().push(headers);
            async {
                let body =
                    r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"none"}"#;
                (StatusCode::BAD_REQUEST, [("content-type", "application/x-amz-json-1.0")], body)
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (url, seen)
    }

    #[tokio::test(flavor = "current_thread")]
    async fn aws_calls_carry_the_traceparent_of_the_span_they_are_made_in() {
        let (url, seen) = recording_endpoint().await;
        let client = aws_sdk_dynamodb::Client::from_conf(
            aws_sdk_dynamodb::config::Builder::new()
                .behavior_version(aws_sdk_dynamodb::config::BehaviorVersion::latest())
                .region(aws_sdk_dynamodb::config::Region::new("eu-west-1"))
                .credentials_provider(aws_sdk_dynamodb::config::Credentials::new("AKID", "SECRET", None, None, "test"))
                .endpoint_url(url)
                .interceptor(TraceContext)
                .build(),
        );
        let describe = || client.describe_table().table_name("auth").send();

        // No traced span: no traceparent.
        assert!(describe().await.is_err());
        // In a traced span: that span's context.
        let provider = SdkTracerProvider::builder().build();
        let subscriber = tracing_subscriber::registry().with(telemetry::traces_layer(provider.tracer("test")));
        let _traced = tracing::subscriber::set_default(subscriber);
        let span = tracing::info_span!("port call");
        let context = span.context();
        let expected = context.span().span_context().clone();
        assert!(expected.is_valid());
        assert!(describe().instrument(span).await.is_err());

        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        assert!(seen[0].get("traceparent").is_none(), "{:?}", seen[0]);
        let traceparent = seen[1].get("traceparent").expect("a traceparent").to_str().unwrap();
        assert_eq!(traceparent, format!("00-{}-{}-01", expected.trace_id(), expected.span_id()));
    }
}
