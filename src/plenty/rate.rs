//! The `X-Plenty-*` throttling headers and the pacing they allow.

use std::time::{Duration, Instant};

use reqwest::header::HeaderMap;

/// One period's budget as the headers reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Budget {
    pub limit: Option<u64>,
    pub calls_left: Option<u64>,
    /// Seconds until the period resets.
    pub decay: Option<u64>,
}

/// All throttling headers of one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RateHeaders {
    pub short: Budget,
    pub long: Budget,
    pub route: Budget,
    /// `Retry-After` in seconds.
    pub retry_after: Option<u64>,
}

impl RateHeaders {
    pub fn parse(headers: &HeaderMap) -> Self {
        let number = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let budget = |prefix: &str| Budget {
            limit: number(&format!("{prefix}-Limit")),
            calls_left: number(&format!("{prefix}-Calls-Left")),
            decay: number(&format!("{prefix}-Decay")),
        };
        Self {
            short: budget("X-Plenty-Global-Short-Period"),
            long: budget("X-Plenty-Global-Long-Period"),
            route: budget("X-Plenty-Route"),
            retry_after: number("Retry-After"),
        }
    }
}

/// Whether a call reads or writes; plentymarkets counts the two apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallKind {
    Read,
    Write,
}

/// Remembers, per call kind, when the budget is spent and when it resets,
/// so the client waits instead of collecting 429 responses.
///
/// NOTE: plentymarkets does not document whether the short-period headers
/// of an answer count reads and writes together or only calls of the
/// answered kind; this keeps them apart, which the read and write limits
/// per tariff suggest.
#[derive(Debug, Default)]
pub struct Pacer {
    read_blocked_until: Option<Instant>,
    write_blocked_until: Option<Instant>,
}

impl Pacer {
    /// Records the headers of a response to a call of `kind`.
    pub fn observe(&mut self, kind: CallKind, headers: &RateHeaders, at: Instant) {
        let spent = |budget: &Budget| budget.calls_left == Some(0);
        let mut until: Option<Instant> = None;
        for budget in [&headers.short, &headers.route, &headers.long] {
            if spent(budget) {
                // NOTE: whether plentymarkets rounds `-Decay` up or down is
                // undocumented; a quarter second of slack covers a value
                // rounded down by less than that, and a 429 is still
                // retried after its `Retry-After`.
                let wait =
                    Duration::from_secs(budget.decay.unwrap_or(1)) + Duration::from_millis(250);
                until = until.max(Some(at + wait));
            }
        }
        let slot = self.slot(kind);
        *slot = until;
    }

    /// Blocks calls of `kind` for `wait`, after a 429 answer.
    pub fn block(&mut self, kind: CallKind, wait: Duration, at: Instant) {
        let slot = self.slot(kind);
        *slot = (*slot).max(Some(at + wait));
    }

    /// How long a call of `kind` must wait before it is sent.
    pub fn wait_needed(&self, kind: CallKind, now: Instant) -> Duration {
        let until = match kind {
            CallKind::Read => self.read_blocked_until,
            CallKind::Write => self.write_blocked_until,
        };
        until
            .map(|until| until.saturating_duration_since(now))
            .unwrap_or_default()
    }

    fn slot(&mut self, kind: CallKind) -> &mut Option<Instant> {
        match kind {
            CallKind::Read => &mut self.read_blocked_until,
            CallKind::Write => &mut self.write_blocked_until,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn headers_parsed() {
        let mut map = HeaderMap::new();
        map.insert(
            "X-Plenty-Global-Short-Period-Calls-Left",
            HeaderValue::from_static("0"),
        );
        map.insert(
            "X-Plenty-Global-Short-Period-Decay",
            HeaderValue::from_static("42"),
        );
        map.insert(
            "X-Plenty-Global-Long-Period-Limit",
            HeaderValue::from_static("48000"),
        );
        map.insert("Retry-After", HeaderValue::from_static("7"));
        let headers = RateHeaders::parse(&map);
        assert_eq!(headers.short.calls_left, Some(0));
        assert_eq!(headers.short.decay, Some(42));
        assert_eq!(headers.long.limit, Some(48000));
        assert_eq!(headers.retry_after, Some(7));
    }

    #[test]
    fn spent_budget_blocks_until_decay() {
        let now = Instant::now();
        let mut pacer = Pacer::default();
        let mut headers = RateHeaders {
            short: Budget {
                limit: Some(40),
                calls_left: Some(0),
                decay: Some(10),
            },
            ..RateHeaders::default()
        };
        pacer.observe(CallKind::Write, &headers, now);
        assert_eq!(
            pacer.wait_needed(CallKind::Write, now),
            Duration::from_millis(10_250)
        );
        assert_eq!(pacer.wait_needed(CallKind::Read, now), Duration::ZERO);
        headers.short.calls_left = Some(5);
        pacer.observe(CallKind::Write, &headers, now);
        assert_eq!(pacer.wait_needed(CallKind::Write, now), Duration::ZERO);
    }
}
