//! The crash harness shared by `tests/crash.rs` (50 kills) and
//! `cargo bench --bench crash` (1,000): the real binary records complaints in a
//! loop (`intake`, with now and then a `demo` batch) and the whole process
//! group is killed with SIGKILL at a random moment. What the loop printed
//! before the kill was confirmed to the officer, so it must all be there.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// xorshift64*: enough randomness for kill moments, reproducible from the seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The seed from `BCARE_CRASH_SEED`, or the clock (printed, to replay a failure).
    pub fn from_env() -> (Rng, u64) {
        let seed = std::env::var("BCARE_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(7)
            });
        (Rng::new(seed), seed)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D) % n.max(1)
    }
}

pub struct Harness {
    pub bin: PathBuf,
    pub dir: tempfile::TempDir,
    /// A PostgreSQL database instead of the file, when set.
    pub url: Option<String>,
    /// Every reference a killed loop printed, in order.
    pub printed: Vec<String>,
    pub kills: usize,
}

/// The loop one writer runs until it is killed. `$1` is the binary; `$2`
/// where its count starts, so that short rounds reach a `demo` batch too.
const WRITER: &str = r#"
i=$2
while :; do
    "$1" intake --name "Andi Wijaya" --kind pengguna-jasa --org "PT Samudra Makassar" \
        --npwp 01.234.567.8-901.000 --phone 0812-3456-7890 --channel whatsapp \
        --category IMP --subject "PIB belum mendapat respon" \
        --description "Sudah dikirim sejak pagi, belum ada respon." \
        --aju 000020-010017-20261127-000123 --doc-type "BC 2.0 PIB" || exit 3
    i=$((i + 1))
    if [ $((i % 9)) = 0 ]; then
        "$1" demo --count 300 --seed $i --force >/dev/null || exit 4
    fi
done
"#;

impl Harness {
    pub fn new(bin: &Path) -> Harness {
        let dir = tempfile::tempdir().expect("a temp dir");
        // `BCARE_DESK_CONFIG` must name a file that exists: an empty one means the defaults.
        std::fs::write(dir.path().join("config.toml"), "").expect("an empty config");
        Harness {
            bin: bin.to_path_buf(),
            dir,
            url: None,
            printed: Vec::new(),
            kills: 0,
        }
    }

    /// The same loop and checks on a PostgreSQL database: killing the client
    /// mid-transaction must leave neither a lost complaint nor a gap.
    pub fn on_postgres(bin: &Path, url: &str) -> Harness {
        Harness {
            url: Some(url.to_string()),
            ..Harness::new(bin)
        }
    }

    /// What `--db` takes.
    pub fn db(&self) -> PathBuf {
        match &self.url {
            Some(u) => PathBuf::from(u),
            None => self.dir.path().join("desk.db"),
        }
    }

    /// Starts a writer loop, kills its process group after `after`, and keeps
    /// the references it printed. Err when a command in the loop failed.
    pub fn round(&mut self, after: Duration) -> Result<usize, String> {
        let stderr_path = self.dir.path().join("stderr");
        let stderr = std::fs::File::create(&stderr_path).map_err(|e| e.to_string())?;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(WRITER)
            .arg("writer")
            .arg(&self.bin)
            .arg(self.kills.to_string())
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.dir.path())
            .env("BCARE_DESK_DB", self.db())
            .env("BCARE_DESK_CONFIG", self.dir.path().join("config.toml"))
            .env("BCARE_DESK_NOW", "2026-11-27T01:00:00Z")
            .env("USER", "petugas.pdad")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            // Its own group, so one kill reaches the shell and the command it runs.
            .process_group(0)
            .spawn()
            .map_err(|e| format!("starting the writer: {e}"))?;
        let started = Instant::now();
        let mut early_exit = None;
        while started.elapsed() < after {
            if let Ok(Some(status)) = child.try_wait() {
                early_exit = Some(status);
                break;
            }
            std::thread::sleep(Duration::from_micros(200).min(after));
        }
        if early_exit.is_none() {
            let killed = Command::new("kill")
                .args(["-s", "KILL", "--", &format!("-{}", child.id())])
                .status()
                .map_err(|e| format!("running kill: {e}"))?;
            if !killed.success() {
                return Err("kill -KILL failed".into());
            }
            self.kills += 1;
        }
        let mut out = String::new();
        if let Some(mut stdout) = child.stdout.take() {
            // EOF once every process of the group is gone.
            let _ = stdout.read_to_string(&mut out);
        }
        let _ = child.wait();
        let errors = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        if let Some(status) = early_exit {
            return Err(format!(
                "the writer stopped by itself ({status}) before the kill: {}",
                errors.trim()
            ));
        }
        // Only whole lines: a line cut by the kill was not shown in full.
        let before = self.printed.len();
        for line in out.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            if let Some(r) = line
                .split_whitespace()
                .next()
                .filter(|w| w.starts_with("ADU-"))
            {
                self.printed.push(r.to_string());
            }
        }
        Ok(self.printed.len() - before)
    }

    /// Checks the database against everything printed so far: every printed
    /// reference is there with its intake event, none twice, each year's
    /// references run 1..N without a gap, every complaint has its intake
    /// event, and (on a file) `PRAGMA integrity_check` is ok.
    /// Returns how many complaints the database holds.
    pub fn verify(&self) -> Result<usize, String> {
        let stored = match &self.url {
            Some(url) => Stored::from_server(url)?,
            None => Stored::from_file(&self.db())?,
        };
        self.check(&stored)
    }

    fn check(&self, stored: &Stored) -> Result<usize, String> {
        let rows = &stored.rows;
        let mut seqs: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        let mut refs = HashSet::new();
        for (r, year, seq) in rows {
            if !refs.insert(r.clone()) {
                return Err(format!("{r} is in the database twice"));
            }
            seqs.entry(*year).or_default().push(*seq);
        }
        let mut seen = HashSet::new();
        for r in &self.printed {
            if !seen.insert(r) {
                return Err(format!("{r} was printed twice"));
            }
            if !refs.contains(r) {
                return Err(format!("{r} was printed, then lost in a crash"));
            }
            let n = stored.intake_events.get(r).copied().unwrap_or(0);
            if n != 1 {
                return Err(format!("{r} has {n} intake events"));
            }
        }
        for (year, list) in &seqs {
            for (i, seq) in list.iter().enumerate() {
                if *seq != i as i64 + 1 {
                    return Err(format!(
                        "references of {year} have a gap or a repeat: number {} is {seq}",
                        i + 1
                    ));
                }
            }
        }
        // A torn transaction would leave a complaint without the event that recorded it.
        let orphans = rows
            .iter()
            .filter(|(r, _, _)| !stored.intake_events.contains_key(r))
            .count();
        if orphans > 0 {
            return Err(format!("{orphans} complaints have no intake event"));
        }
        Ok(rows.len())
    }
}

/// What a database holds, read for the checks.
struct Stored {
    /// (ref, year, number), in year and number order.
    rows: Vec<(String, i64, i64)>,
    /// Intake events per reference.
    intake_events: std::collections::HashMap<String, i64>,
}

const ROWS: &str = "SELECT ref, ref_year, ref_seq FROM complaints ORDER BY ref_year, ref_seq";
const INTAKES: &str =
    "SELECT c.ref, COUNT(*) FROM events e JOIN complaints c ON c.id = e.complaint_id
     WHERE e.kind = 'intake' GROUP BY c.ref";

impl Stored {
    fn from_file(path: &Path) -> Result<Stored, String> {
        let conn = rusqlite::Connection::open(path).map_err(|e| format!("open: {e}"))?;
        let integrity: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| {
                s.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| format!("integrity_check: {e}"))?;
        if integrity != ["ok"] {
            return Err(format!("integrity_check: {}", integrity.join("; ")));
        }
        let rows = conn
            .prepare(ROWS)
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| format!("reading references: {e}"))?;
        let intake_events = conn
            .prepare(INTAKES)
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()
            })
            .map_err(|e| format!("reading events: {e}"))?;
        Ok(Stored {
            rows,
            intake_events,
        })
    }

    fn from_server(url: &str) -> Result<Stored, String> {
        let mut c = postgres::Client::connect(url, postgres::NoTls).map_err(|e| e.to_string())?;
        let rows = c
            .query(ROWS, &[])
            .map_err(|e| format!("reading references: {e}"))?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        let intake_events = c
            .query(INTAKES, &[])
            .map_err(|e| format!("reading events: {e}"))?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        Ok(Stored {
            rows,
            intake_events,
        })
    }
}
