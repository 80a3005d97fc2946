//! Every request the harness sends is paced by [`Pacing`]: at most a set
//! number a second, and an answer 429 (RFC 6585 §4) is waited out for as
//! long as its `Retry-After` says (RFC 9110 §10.2.3) and the request sent
//! again, a bounded number of times. A deployment's throttles then slow the
//! run down instead of failing it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use http::Extensions;
use reqwest::header::HeaderValue;
use reqwest::header::RETRY_AFTER;
use reqwest::{Request, Response, StatusCode};
use reqwest_middleware::{ClientWithMiddleware, Middleware, Next};
use tokio::sync::Mutex;
use tokio::time::Instant;

/// How requests are paced and how 429s are waited out.
#[derive(Debug, Clone, Copy)]
pub struct PacingRules {
    /// At most this many requests a second, sends again included (0: no limit).
    pub rate: u32,
    /// A `Retry-After` longer than this is not waited for: the 429 stands.
    pub max_retry_wait: Duration,
    /// Sends of one request after a 429, at most.
    pub max_retries: u32,
}

/// Paces requests; cheap to clone, every clone shares one pace and one
/// count of waits. [`Pacing::client`] applies it to an HTTP client.
#[derive(Clone)]
pub struct Pacing {
    rules: PacingRules,
    shared: Arc<Shared>,
}

struct Shared {
    /// When the next request may leave.
    next_slot: Mutex<Instant>,
    /// Requests sent again after a 429.
    retried: AtomicU64,
    /// Milliseconds spent waiting for `Retry-After`.
    waited_ms: AtomicU64,
    /// 429s whose `Retry-After` was longer than the longest wait allowed.
    too_long: AtomicU64,
}

impl Pacing {
    pub fn new(rules: PacingRules) -> Self {
        let shared = Shared {
            next_slot: Mutex::new(Instant::now()),
            retried: AtomicU64::new(0),
            waited_ms: AtomicU64::new(0),
            too_long: AtomicU64::new(0),
        };
        Self { rules, shared: Arc::new(shared) }
    }

    /// An HTTP client (30 s timeout) whose every request is paced.
    pub fn client(&self) -> anyhow::Result<ClientWithMiddleware> {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build()?;
        Ok(reqwest_middleware::ClientBuilder::new(http).with(self.clone()).build())
    }

    /// Waits for the next request's turn under the rate.
    pub async fn turn(&self) {
        if self.rules.rate == 0 {
            return;
        }
        let interval = Duration::from_secs_f64(1.0 / f64::from(self.rules.rate));
        let at = {
            let mut next = self.shared.next_slot.lock().await;
            let at = (*next).max(Instant::now());
            *next = at + interval;
            at
        };
        tokio::time::sleep_until(at).await;
    }

    /// After the `retries`-th send of a request was answered 429 with
    /// `retry_after`: how long to wait before sending it again, or `None`
    /// when the 429 stands (no retries left, or a longer wait than
    /// allowed). A `Retry-After` the harness cannot read counts as one
    /// second (the checker reports such a 429 as a violation of its own).
    pub fn wait_for(&self, retry_after: Option<&HeaderValue>, retries: u32) -> Option<Duration> {
        if retries >= self.rules.max_retries {
            return None;
        }
        let wait = retry_after
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok())
            .map_or(Duration::from_secs(1), Duration::from_secs);
        if wait > self.rules.max_retry_wait {
            self.shared.too_long.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        Some(wait)
    }

    /// Waits `wait` (from [`Pacing::wait_for`]) before a request is sent again, and counts it.
    pub async fn wait(&self, wait: Duration) {
        tokio::time::sleep(wait).await;
        let waited = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
        self.shared.waited_ms.fetch_add(waited, Ordering::Relaxed);
        self.shared.retried.fetch_add(1, Ordering::Relaxed);
    }

    /// Requests sent again after a 429, so far.
    pub fn retried(&self) -> u64 {
        self.shared.retried.load(Ordering::Relaxed)
    }

    /// A line for the report: how many requests were sent again and how long the run waited.
    pub fn summary(&self) -> String {
        let waited = Duration::from_millis(self.shared.waited_ms.load(Ordering::Relaxed));
        let mut line = format!(
            "throttled: {} requests sent again after a 429, {:.1} s spent waiting for Retry-After",
            self.shared.retried.load(Ordering::Relaxed),
            waited.as_secs_f64()
        );
        let too_long = self.shared.too_long.load(Ordering::Relaxed);
        if too_long > 0 {
            line.push_str(&format!(
                "; {too_long} answers 429 asked for a longer wait than --max-retry-wait {} s allows",
                self.rules.max_retry_wait.as_secs()
            ));
        }
        line
    }
}

#[async_trait::async_trait]
impl Middleware for Pacing {
    async fn handle(
        &self,
        request: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<Response> {
        let (mut request, mut retries) = (request, 0);
        loop {
            // A copy to send again; a streamed body has none, and is sent once.
            let again = request.try_clone();
            self.turn().await;
            let response = next.clone().run(request, extensions).await?;
            let Some(again) = again.filter(|_| response.status() == StatusCode::TOO_MANY_REQUESTS) else {
                return Ok(response);
            };
            let Some(wait) = self.wait_for(response.headers().get(RETRY_AFTER), retries) else {
                return Ok(response);
            };
            drop(response);
            self.wait(wait).await;
            (request, retries) = (again, retries + 1);
        }
    }
}
