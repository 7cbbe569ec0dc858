//! Prometheus metrics of `serve`, rendered in the text exposition format at
//! `GET /metrics`.

use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabel {
    pub reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KindLabel {
    pub kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MethodLabel {
    pub method: String,
}

/// Every metric `serve` exports. Clones share the values.
#[derive(Clone)]
pub struct Metrics {
    pub received: Counter,
    pub accepted: Counter,
    pub duplicates: Counter,
    pub rejected: Family<ReasonLabel, Counter>,
    pub tickets_created: Counter,
    pub attempts: Counter,
    pub failures: Family<KindLabel, Counter>,
    pub queue_depth: Gauge,
    pub oldest_pending_seconds: Gauge<f64, AtomicU64>,
    pub dead: Gauge,
    pub plenty_latency: Family<MethodLabel, Histogram>,
    pub rate_limit_wait_seconds: Counter<f64, AtomicU64>,
    registry: std::sync::Arc<Registry>,
}

fn latency_histogram() -> Histogram {
    Histogram::new([0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0])
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("psh");
        let metrics = Metrics {
            received: Counter::default(),
            accepted: Counter::default(),
            duplicates: Counter::default(),
            rejected: Family::default(),
            tickets_created: Counter::default(),
            attempts: Counter::default(),
            failures: Family::default(),
            queue_depth: Gauge::default(),
            oldest_pending_seconds: Gauge::default(),
            dead: Gauge::default(),
            plenty_latency: Family::new_with_constructor(latency_histogram),
            rate_limit_wait_seconds: Counter::default(),
            registry: std::sync::Arc::new(Registry::default()),
        };
        registry.register(
            "events_received",
            "Webhook requests received",
            metrics.received.clone(),
        );
        registry.register(
            "events_accepted",
            "New events stored in the outbox",
            metrics.accepted.clone(),
        );
        registry.register(
            "events_duplicate",
            "Events whose order was already stored",
            metrics.duplicates.clone(),
        );
        registry.register(
            "events_rejected",
            "Webhook requests rejected, by reason",
            metrics.rejected.clone(),
        );
        registry.register(
            "tickets_created",
            "Tickets created in plentymarkets",
            metrics.tickets_created.clone(),
        );
        registry.register(
            "delivery_attempts",
            "Ticket and message requests sent",
            metrics.attempts.clone(),
        );
        registry.register(
            "delivery_failures",
            "Failed delivery steps, by kind",
            metrics.failures.clone(),
        );
        registry.register(
            "queue_depth",
            "Events waiting for delivery",
            metrics.queue_depth.clone(),
        );
        registry.register(
            "oldest_pending_age_seconds",
            "Age of the oldest event waiting for delivery",
            metrics.oldest_pending_seconds.clone(),
        );
        registry.register("events_dead", "Events given up", metrics.dead.clone());
        registry.register(
            "plentymarkets_request_duration_seconds",
            "Duration of plentymarkets REST requests",
            metrics.plenty_latency.clone(),
        );
        registry.register(
            "rate_limit_wait_seconds",
            "Time spent waiting for plentymarkets rate limits",
            metrics.rate_limit_wait_seconds.clone(),
        );
        Metrics {
            registry: std::sync::Arc::new(registry),
            ..metrics
        }
    }

    pub fn reject(&self, reason: &str) {
        self.rejected
            .get_or_create(&ReasonLabel {
                reason: reason.to_string(),
            })
            .inc();
    }

    pub fn fail(&self, kind: &str) {
        self.failures
            .get_or_create(&KindLabel {
                kind: kind.to_string(),
            })
            .inc();
    }

    /// Renders all metrics in the Prometheus text format.
    pub fn render(&self) -> String {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)
            .expect("writing to a String cannot fail");
        text
    }
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_with_labels() {
        let metrics = Metrics::new();
        metrics.received.inc();
        metrics.reject("malformed_json");
        metrics
            .plenty_latency
            .get_or_create(&MethodLabel {
                method: "POST".into(),
            })
            .observe(0.02);
        let text = metrics.render();
        assert!(text.contains("psh_events_received_total 1"), "{text}");
        assert!(
            text.contains("psh_events_rejected_total{reason=\"malformed_json\"} 1"),
            "{text}"
        );
        assert!(
            text.contains(
                "psh_plentymarkets_request_duration_seconds_bucket{le=\"0.025\",method=\"POST\"} 1"
            ),
            "{text}"
        );
    }
}
