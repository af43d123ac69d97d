//! `demo` on each backend, side by side in one run on the release binary:
//! `cargo bench --bench demo` (BENCH_SIZE replaces 20,000). For SQLite and
//! PostgreSQL, the demo alone and then beside three loops of 200 intakes; after
//! each, every reference is unique and each year's numbers run without a gap.
//! Exits non-zero when a run fails or the numbers are wrong; the times are figures.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "../pg_support/mod.rs"]
mod pg_support;

const BIN: &str = env!("CARGO_BIN_EXE_bcare-desk");
/// Friday 2026-11-27 09:00 WITA.
const NOW: &str = "2026-11-27T01:00:00Z";
const LOOPS: usize = 3;
const INTAKES: usize = 200;

type Res<T> = Result<T, String>;
/// One way of running the demo: its seconds.
type Run = fn(&Target, usize) -> Res<f64>;

/// A database to fill: a file in `dir`, or a PostgreSQL database.
struct Target {
    dir: PathBuf,
    url: Option<String>,
}

impl Target {
    fn db(&self) -> PathBuf {
        match &self.url {
            Some(u) => PathBuf::from(u),
            None => self.dir.join("desk.db"),
        }
    }

    fn run(&self, args: &[&str]) -> Res<()> {
        let out = Command::new(BIN)
            .args(args)
            .env_clear()
            .env("HOME", &self.dir)
            .env("BCARE_DESK_DB", self.db())
            .env("BCARE_DESK_CONFIG", self.dir.join("config.toml"))
            .env("BCARE_DESK_NOW", NOW)
            .env("USER", "petugas.pdad")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("running {args:?}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }

    /// Per year: (complaints, distinct numbers, highest number).
    fn numbers(&self) -> Res<BTreeMap<i64, (i64, i64, i64)>> {
        let sql = "SELECT ref_year, COUNT(*), COUNT(DISTINCT ref_seq), MAX(ref_seq)
                   FROM complaints GROUP BY ref_year";
        let mut out = BTreeMap::new();
        if let Some(url) = &self.url {
            let mut c =
                postgres::Client::connect(url, postgres::NoTls).map_err(|e| e.to_string())?;
            for r in c.query(sql, &[]).map_err(|e| e.to_string())? {
                out.insert(r.get(0), (r.get(1), r.get(2), r.get(3)));
            }
        } else {
            let c = rusqlite::Connection::open(self.db()).map_err(|e| e.to_string())?;
            let mut q = c.prepare(sql).map_err(|e| e.to_string())?;
            let rows = q
                .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
                .map_err(|e| e.to_string())?;
            for r in rows {
                let (y, v) = r.map_err(|e| e.to_string())?;
                out.insert(y, v);
            }
        }
        Ok(out)
    }

    /// Every reference unique, each year's numbers 1..=n; the total.
    fn check_numbers(&self) -> Res<i64> {
        let mut total = 0;
        for (year, (n, distinct, max)) in self.numbers()? {
            if n != distinct || n != max {
                return Err(format!(
                    "{year}: {n} complaints, {distinct} distinct numbers, highest {max}"
                ));
            }
            total += n;
        }
        Ok(total)
    }
}

fn intake_args(name: &str) -> Vec<String> {
    [
        "intake",
        "--name",
        name,
        "--kind",
        "pengguna-jasa",
        "--org",
        "PT Samudra Makassar",
        "--npwp",
        "01.234.567.8-901.000",
        "--phone",
        "0812-3456-7890",
        "--channel",
        "whatsapp",
        "--category",
        "LAIN",
        "--subject",
        "PIB belum mendapat respon",
        "--description",
        "Sudah dikirim sejak pagi, belum ada respon.",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

/// The demo alone: seconds.
fn alone(t: &Target, count: usize) -> Res<f64> {
    let started = Instant::now();
    t.run(&["demo", "--count", &count.to_string(), "--seed", "7"])?;
    let took = started.elapsed().as_secs_f64();
    let n = t.check_numbers()?;
    if n != count as i64 {
        return Err(format!("{n} complaints stored, {count} asked for"));
    }
    Ok(took)
}

/// The demo beside the intake loops: the demo's seconds.
fn beside_intakes(t: &Target, count: usize) -> Res<f64> {
    // The database exists before the race, so the writers race on writes only.
    t.run(&["demo", "--count", "1", "--seed", "3"])?;
    let (demo, loops) = std::thread::scope(|s| {
        let demo = s.spawn(|| {
            let started = Instant::now();
            t.run(&[
                "demo",
                "--count",
                &count.to_string(),
                "--seed",
                "11",
                "--force",
            ])
            .map(|()| started.elapsed().as_secs_f64())
        });
        let loops: Vec<_> = (0..LOOPS)
            .map(|w| {
                s.spawn(move || -> Res<()> {
                    for i in 0..INTAKES {
                        let args = intake_args(&format!("Penulis {w} {i}"));
                        let args: Vec<&str> = args.iter().map(String::as_str).collect();
                        t.run(&args)?;
                    }
                    Ok(())
                })
            })
            .collect();
        let loops: Res<Vec<()>> = loops
            .into_iter()
            .map(|l| {
                l.join()
                    .unwrap_or_else(|_| Err("an intake loop panicked".into()))
            })
            .collect();
        let demo = demo
            .join()
            .unwrap_or_else(|_| Err("the demo panicked".into()));
        (demo, loops)
    });
    loops?;
    let took = demo?;
    let n = t.check_numbers()?;
    let want = (1 + count + LOOPS * INTAKES) as i64;
    if n != want {
        return Err(format!("{n} complaints stored, {want} written"));
    }
    Ok(took)
}

fn target(root: &Path, name: &str, postgres: bool) -> Option<Target> {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).expect("bench dir");
    let url = if postgres {
        Some(pg_support::server()?.fresh_database(name))
    } else {
        None
    };
    Some(Target { dir, url })
}

fn main() {
    let count: usize = std::env::var("BENCH_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let root = tempfile::tempdir().expect("temp dir");
    let runs: [(&str, Run); 2] = [("alone", alone), ("beside 3 × 200 intakes", beside_intakes)];
    let mut failed = false;
    println!("demo --count {count}");
    for (i, (what, run)) in runs.iter().enumerate() {
        let mut cells = Vec::new();
        for (backend, postgres) in [("SQLite", false), ("PostgreSQL", true)] {
            let cell = match target(
                root.path(),
                &format!("{backend}_{i}").to_lowercase(),
                postgres,
            ) {
                None => "SKIPPED (no PostgreSQL)".to_string(),
                Some(t) => match run(&t, count) {
                    Ok(secs) => format!("{secs:>6.1} s"),
                    Err(e) => {
                        failed = true;
                        format!("FAILED: {e}")
                    }
                },
            };
            cells.push(format!("{backend} {cell}"));
        }
        println!("  {what:<24} {}", cells.join("   "));
    }
    if failed {
        std::process::exit(1);
    }
}
