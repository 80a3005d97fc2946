//! Histograms recorded on every request by every worker, kept as one copy
//! per shard so that workers on different cores never contend for the same
//! counters, and summed when scraped.
//!
//! A `prometheus` histogram records a value with four atomic additions,
//! all on counters every thread shares; under load each addition waits for
//! the cache line to come back from the other core. Here each thread
//! records into its own shard's copy, and [`ShardedHistogramVec::collect`]
//! adds the copies up bucket by bucket, so a scrape shows exactly what a
//! single histogram would have.

use std::collections::HashMap;
use std::num::NonZero;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use metrics::{HistogramFn, Key, KeyName, Metadata, SharedString, Unit};
use prometheus::core::{Collector, Desc};
use prometheus::proto::{Metric, MetricFamily};
use prometheus::{HistogramOpts, HistogramVec};

/// A histogram with labels, as [`HistogramVec`], in one copy per shard.
#[derive(Clone)]
pub struct ShardedHistogramVec {
    name: &'static str,
    labels: &'static [&'static str],
    shards: Arc<[HistogramVec]>,
}

impl ShardedHistogramVec {
    /// A histogram of `options` with `labels`, in two shards per core (so
    /// that threads seldom share one), at most 64.
    pub fn new(
        name: &'static str,
        options: HistogramOpts,
        labels: &'static [&'static str],
    ) -> prometheus::Result<Self> {
        let cores = std::thread::available_parallelism().map_or(1, NonZero::get);
        let shards = (0..(cores * 2).min(64))
            .map(|_| HistogramVec::new(options.clone(), labels))
            .collect::<prometheus::Result<_>>()?;
        Ok(Self { name, labels, shards })
    }

    /// The handle of `key`'s series: `None` unless `key` is this
    /// histogram's name with exactly its labels.
    fn handle(&self, key: &Key) -> Option<metrics::Histogram> {
        if key.name() != self.name || key.labels().count() != self.labels.len() {
            return None;
        }
        let values = self
            .labels
            .iter()
            .map(|name| key.labels().find(|label| label.key() == *name).map(|label| label.value()))
            .collect::<Option<Vec<_>>>()?;
        let copies =
            self.shards.iter().map(|shard| shard.get_metric_with_label_values(&values).ok()).collect::<Option<_>>()?;
        Some(metrics::Histogram::from_arc(Arc::new(Copies(copies))))
    }
}

impl Collector for ShardedHistogramVec {
    fn desc(&self) -> Vec<&Desc> {
        self.shards[0].desc()
    }

    /// One family, whose series are the sums of the shards' copies.
    fn collect(&self) -> Vec<MetricFamily> {
        let mut families = self.shards.iter().flat_map(|shard| shard.collect());
        let Some(mut total) = families.next() else { return Vec::new() };
        let mut index: HashMap<Vec<(String, String)>, usize> =
            total.get_metric().iter().enumerate().map(|(at, metric)| (labels_of(metric), at)).collect();
        for mut family in families {
            for metric in family.take_metric() {
                match index.get(&labels_of(&metric)) {
                    Some(&at) => add(&mut total.mut_metric()[at], &metric),
                    None => {
                        index.insert(labels_of(&metric), total.get_metric().len());
                        total.mut_metric().push(metric);
                    }
                }
            }
        }
        vec![total]
    }
}

fn labels_of(metric: &Metric) -> Vec<(String, String)> {
    metric.get_label().iter().map(|pair| (pair.name().to_owned(), pair.value().to_owned())).collect()
}

/// Adds `other`'s counts and sum into `into`'s (same buckets).
fn add(into: &mut Metric, other: &Metric) {
    let (mut sum, other) = (into.get_histogram().clone(), other.get_histogram());
    sum.set_sample_count(sum.get_sample_count() + other.get_sample_count());
    sum.set_sample_sum(sum.get_sample_sum() + other.get_sample_sum());
    let mut buckets = sum.get_bucket().to_vec();
    for (bucket, more) in buckets.iter_mut().zip(other.get_bucket()) {
        bucket.set_cumulative_count(bucket.cumulative_count() + more.cumulative_count());
    }
    sum.set_bucket(buckets);
    into.set_histogram(sum);
}

/// One series' copies, one per shard.
struct Copies(Box<[prometheus::Histogram]>);

impl HistogramFn for Copies {
    fn record(&self, value: f64) {
        self.0[this_threads_shard() % self.0.len()].observe(value);
    }
}

/// A number of this thread's own, given out in turn as threads first record.
fn this_threads_shard() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static SHARD: usize = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    SHARD.with(|shard| *shard)
}

/// `inner`, except that the histograms of `sharded` are recorded there.
pub struct Recorder<R> {
    pub inner: R,
    pub sharded: Vec<ShardedHistogramVec>,
}

impl<R: metrics::Recorder> metrics::Recorder for Recorder<R> {
    fn describe_counter(&self, key: KeyName, unit: Option<Unit>, description: SharedString) {
        self.inner.describe_counter(key, unit, description);
    }

    fn describe_gauge(&self, key: KeyName, unit: Option<Unit>, description: SharedString) {
        self.inner.describe_gauge(key, unit, description);
    }

    fn describe_histogram(&self, key: KeyName, unit: Option<Unit>, description: SharedString) {
        // The sharded ones have their help from their options.
        if !self.sharded.iter().any(|histogram| histogram.name == key.as_str()) {
            self.inner.describe_histogram(key, unit, description);
        }
    }

    fn register_counter(&self, key: &Key, metadata: &Metadata<'_>) -> metrics::Counter {
        self.inner.register_counter(key, metadata)
    }

    fn register_gauge(&self, key: &Key, metadata: &Metadata<'_>) -> metrics::Gauge {
        self.inner.register_gauge(key, metadata)
    }

    fn register_histogram(&self, key: &Key, metadata: &Metadata<'_>) -> metrics::Histogram {
        self.sharded
            .iter()
            .find_map(|histogram| histogram.handle(key))
            .unwrap_or_else(|| self.inner.register_histogram(key, metadata))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values recorded from many threads come out of a scrape as one
    /// histogram would show them: every bucket, the count and the sum.
    #[test]
    fn a_scrape_sums_the_shards_as_one_histogram_would() {
        let options = HistogramOpts::new("test_seconds", "test").buckets(vec![0.1, 1.0]);
        let sharded = ShardedHistogramVec::new("test_seconds", options.clone(), &["kind"]).unwrap();
        let single = HistogramVec::new(options, &["kind"]).unwrap();
        let recorder = Recorder { inner: metrics::NoopRecorder, sharded: vec![sharded.clone()] };
        let key = |kind: &'static str| Key::from_parts("test_seconds", vec![metrics::Label::new("kind", kind)]);
        let metadata = Metadata::new("test", metrics::Level::INFO, None);
        std::thread::scope(|scope| {
            for thread in 0..8_u32 {
                let (recorder, single, key, metadata) = (&recorder, &single, &key, &metadata);
                scope.spawn(move || {
                    for at in 0..100_u32 {
                        let kind = if at % 3 == 0 { "a" } else { "b" };
                        let value = f64::from(thread * 100 + at) / 400.0;
                        metrics::Recorder::register_histogram(recorder, &key(kind), metadata).record(value);
                        single.with_label_values(&[kind]).observe(value);
                    }
                });
            }
        });
        let sorted = |mut family: MetricFamily| {
            let mut metrics = family.take_metric();
            metrics.sort_by_key(labels_of);
            metrics
        };
        let (summed, expected) = (sorted(sharded.collect().remove(0)), sorted(single.collect().remove(0)));
        assert_eq!(summed.len(), 2);
        for (summed, expected) in summed.iter().zip(&expected) {
            let (summed, expected) = (summed.get_histogram(), expected.get_histogram());
            assert_eq!(summed.get_sample_count(), expected.get_sample_count());
            assert!((summed.get_sample_sum() - expected.get_sample_sum()).abs() < 1e-9);
            assert_eq!(summed.get_bucket(), expected.get_bucket());
        }
        assert_eq!(summed.iter().map(|metric| metric.get_histogram().get_sample_count()).sum::<u64>(), 800);
    }

    /// A key with other labels than the histogram's is not its series.
    #[test]
    fn a_key_with_other_labels_is_left_to_the_inner_recorder() {
        let options = HistogramOpts::new("test_seconds", "test");
        let sharded = ShardedHistogramVec::new("test_seconds", options, &["kind"]).unwrap();
        let label = |name: &'static str| metrics::Label::new(name, "x");
        assert!(sharded.handle(&Key::from_parts("test_seconds", vec![label("kind")])).is_some());
        assert!(sharded.handle(&Key::from_parts("test_seconds", vec![label("other")])).is_none());
        assert!(sharded.handle(&Key::from_parts("test_seconds", vec![label("kind"), label("other")])).is_none());
        assert!(sharded.handle(&Key::from_parts("other_seconds", vec![label("kind")])).is_none());
    }
}
