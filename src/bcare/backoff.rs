//! When to try again: exponential backoff with full jitter, so a desk that was
//! offline does not hammer BCare at the same instant as every other desk.

use std::time::Duration;

/// A small seeded generator (SplitMix64): enough for jitter and the simulator,
/// and reproducible in tests.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// Seeded from the clock and the process, for production jitter.
    pub fn from_entropy() -> Rng {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        Rng(nanos ^ ((std::process::id() as u64) << 32))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
}

impl Default for Backoff {
    /// Base 2 s, cap 5 min.
    fn default() -> Self {
        Backoff {
            base: Duration::from_secs(2),
            cap: Duration::from_secs(300),
        }
    }
}

impl Backoff {
    /// The ceiling before the `attempt`-th retry (0 for the first): base·2^attempt, capped.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let factor = 1u32.checked_shl(attempt.min(31)).unwrap_or(u32::MAX);
        self.base.saturating_mul(factor).min(self.cap)
    }

    /// Full jitter: uniform between zero and the ceiling. A `Retry-After` from the
    /// server wins when it asks for longer, but never past the cap: a server cannot
    /// park a report for years (or overflow the clock) by asking.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>, rng: &mut Rng) -> Duration {
        let ceiling = self.ceiling(attempt);
        let jittered = ceiling.mul_f64(rng.next_f64().clamp(0.0, 1.0)).min(ceiling);
        match retry_after.map(|r| r.min(self.cap)) {
            Some(r) if r > jittered => r,
            _ => jittered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_doubles_from_the_base_up_to_the_cap() {
        let b = Backoff::default();
        assert_eq!(b.ceiling(0), Duration::from_secs(2));
        assert_eq!(b.ceiling(1), Duration::from_secs(4));
        assert_eq!(b.ceiling(6), Duration::from_secs(128));
        assert_eq!(b.ceiling(7), Duration::from_secs(256));
        assert_eq!(b.ceiling(8), Duration::from_secs(300));
        assert_eq!(b.ceiling(1000), Duration::from_secs(300));
    }

    #[test]
    fn jitter_stays_under_the_ceiling_and_spreads_over_it() {
        let b = Backoff::default();
        let mut rng = Rng::new(7);
        let delays: Vec<Duration> = (0..2000).map(|_| b.delay(3, None, &mut rng)).collect();
        assert!(delays.iter().all(|d| *d <= Duration::from_secs(16)));
        assert!(delays.iter().any(|d| *d < Duration::from_secs(2)));
        assert!(delays.iter().any(|d| *d > Duration::from_secs(14)));
    }

    use proptest::prelude::{any, prop_assert, proptest};

    proptest! {
        /// Every delay lies in [0, min(cap, base·2^n)], computed here independently
        /// in u128 milliseconds, for any base, cap, attempt and seed.
        #[test]
        fn a_delay_stays_within_zero_and_the_capped_doubling(
            base_ms in 1u64..=60_000,
            cap_ms in 1u64..=3_600_000,
            attempt in 0u32..=200,
            seed in any::<u64>(),
        ) {
            let b = Backoff { base: Duration::from_millis(base_ms), cap: Duration::from_millis(cap_ms) };
            let doubled = u128::from(base_ms).checked_shl(attempt).filter(|_| attempt < 64).unwrap_or(u128::MAX);
            let limit = Duration::from_millis(doubled.min(u128::from(cap_ms)) as u64);
            let d = b.delay(attempt, None, &mut Rng::new(seed));
            prop_assert!(d <= limit, "{d:?} > {limit:?}");
        }

        /// A `Retry-After` is honoured (the delay is at least what was asked) but
        /// never beyond the cap, whatever the server asks.
        #[test]
        fn retry_after_is_honoured_up_to_the_cap(
            attempt in 0u32..=40,
            asked_secs in 0u64..=u64::MAX,
            seed in any::<u64>(),
        ) {
            let b = Backoff::default();
            let asked = Duration::from_secs(asked_secs);
            let d = b.delay(attempt, Some(asked), &mut Rng::new(seed));
            prop_assert!(d >= asked.min(b.cap), "{d:?} shorter than {asked:?} (capped)");
            prop_assert!(d <= b.cap, "{d:?} beyond the cap");
        }
    }

    #[test]
    fn retry_after_wins_only_when_longer() {
        let b = Backoff::default();
        let mut rng = Rng::new(1);
        let long = b.delay(0, Some(Duration::from_secs(30)), &mut rng);
        assert_eq!(long, Duration::from_secs(30));
        // Asking for a day gets the cap (5 min), not a day.
        let day = b.delay(0, Some(Duration::from_secs(86_400)), &mut Rng::new(1));
        assert_eq!(day, Duration::from_secs(300));
        assert_eq!(
            b.delay(0, Some(Duration::MAX), &mut Rng::new(1)),
            Duration::from_secs(300)
        );
    }
}
