//! When a failed delivery is tried again.

use std::time::Duration;

use rand::Rng;

/// Delays between attempts; the last one repeats until
/// [`RetryPolicy::give_up_after`] has passed since the event arrived.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    pub delays: Vec<Duration>,
    pub give_up_after: Duration,
    /// Longest `Retry-After` honoured; a longer one is cut to this.
    pub max_retry_after: Duration,
    /// Fraction by which each delay varies at random, so retries of many
    /// events spread out.
    pub jitter: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        let minutes = |m: u64| Duration::from_secs(m * 60);
        Self {
            delays: vec![
                Duration::from_secs(5),
                Duration::from_secs(30),
                minutes(2),
                minutes(10),
                minutes(30),
                minutes(60),
            ],
            give_up_after: Duration::from_secs(72 * 3600),
            max_retry_after: minutes(15),
            jitter: 0.2,
        }
    }
}

impl RetryPolicy {
    /// Delay before attempt number `attempts + 1`, after `attempts` failures,
    /// at least the `Retry-After` plentymarkets asked for (within the cap).
    pub fn delay(&self, attempts: u32, retry_after: Option<Duration>) -> Duration {
        let index = (attempts.max(1) as usize - 1).min(self.delays.len().saturating_sub(1));
        let base = self
            .delays
            .get(index)
            .copied()
            .unwrap_or(Duration::from_secs(60));
        let spread = base.as_secs_f64() * self.jitter;
        let jittered = if spread > 0.0 {
            base.as_secs_f64() + rand::rng().random_range(-spread..=spread)
        } else {
            base.as_secs_f64()
        };
        let wanted = retry_after
            .map(|d| d.min(self.max_retry_after))
            .unwrap_or_default();
        Duration::from_secs_f64(jittered.max(0.0)).max(wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_follows_list_then_repeats() {
        let policy = RetryPolicy {
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        assert_eq!(policy.delay(1, None), Duration::from_secs(5));
        assert_eq!(policy.delay(2, None), Duration::from_secs(30));
        assert_eq!(policy.delay(6, None), Duration::from_secs(3600));
        assert_eq!(policy.delay(40, None), Duration::from_secs(3600));
    }

    #[test]
    fn retry_after_honoured_up_to_cap() {
        let policy = RetryPolicy {
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(90))),
            Duration::from_secs(90)
        );
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(7200))),
            Duration::from_secs(900)
        );
    }

    #[test]
    fn jitter_stays_in_range() {
        let policy = RetryPolicy::default();
        for _ in 0..200 {
            let delay = policy.delay(2, None).as_secs_f64();
            assert!((24.0..=36.0).contains(&delay), "{delay}");
        }
    }
}
