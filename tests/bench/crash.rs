//! The crash harness at length: `cargo bench --bench crash` kills the real
//! binary (a loop of `intake`, with `demo` batches) with SIGKILL at 1,000 random
//! moments on one file, checks after every 50 kills and at the end that every
//! printed reference survived with its event, none twice, without a gap, and
//! that `PRAGMA integrity_check` holds. `-- N` for another number of kills;
//! `BCARE_CRASH_SEED` replays a run. Prints PASS or MISS; exits non-zero on a
//! miss unless BENCH_NO_FAIL=1.

#[path = "crash_harness.rs"]
mod crash_harness;

use crash_harness::{Harness, Rng};
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let kills: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000);
    let (mut rng, seed) = Rng::from_env();
    println!("crash harness: {kills} kills, BCARE_CRASH_SEED={seed}");
    let mut h = Harness::new(Path::new(env!("CARGO_BIN_EXE_bcare-desk")));
    let started = Instant::now();
    let mut failure = None;
    for round in 1..=kills {
        let after = Duration::from_millis(2 + rng.below(120));
        let checked = h
            .round(after)
            .and_then(|_| if round % 50 == 0 { h.verify() } else { Ok(0) });
        if let Err(e) = checked {
            failure = Some(format!("round {round}: {e}"));
            break;
        }
        if round % 100 == 0 {
            println!(
                "  {round} kills, {} references printed, {:.0} s",
                h.printed.len(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    let result = match failure {
        Some(e) => Err(e),
        None => h.verify(),
    };
    match result {
        Ok(total) => println!(
            "PASS  {} kills, {} printed references all present with their events, {total} complaints gap-free, integrity ok ({:.0} s)",
            h.kills,
            h.printed.len(),
            started.elapsed().as_secs_f64()
        ),
        Err(e) => {
            println!("MISS  {e} (seed {seed})");
            if std::env::var("BENCH_NO_FAIL").as_deref() != Ok("1") {
                std::process::exit(1);
            }
        }
    }
}
