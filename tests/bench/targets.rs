//! The desk's speed targets, measured side by side in one run on the release
//! binary: `cargo bench --bench targets --features bench-probes`. Builds a 1,000- and a 100,000-complaint
//! file (and 1,000,000 with BENCH_MILLION=1: minutes), then prints each target
//! with its figure, its ratio and PASS or MISS, and exits non-zero on a miss
//! unless BENCH_NO_FAIL=1. BENCH_RUNS sets how many runs a median is taken over
//! (default 15); BENCH_SIZE replaces 100,000 for a quick try. taskwarrior 2.6 is installed with apt when `task` is missing;
//! the comparison says SKIPPED when it cannot be.

use bcare_desk::config::Config;
use bcare_desk::desk::Desk;
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bcare-desk");
/// Friday 2026-11-27 09:00 WITA: every command runs at this instant.
const NOW: &str = "2026-11-27T01:00:00Z";
/// A name the sample data uses often: the text searched on both sides.
const SEARCH: &str = "Rahmat";

type Res<T> = Result<T, String>;

#[path = "../pg_support/mod.rs"]
mod pg_support;
// The shared wait-until; pg_support carries its own copy.
#[allow(clippy::duplicate_mod)]
#[path = "../support/wait.rs"]
mod wait;

/// One file of complaints, built with `demo` through the binary; or the same
/// complaints moved into a PostgreSQL database (`url`).
struct File {
    count: usize,
    dir: PathBuf,
    url: Option<String>,
    /// A reference from the middle, read from the file.
    middle: Option<String>,
}

impl File {
    /// What `--db` takes: the file, or the database's URL.
    fn db(&self) -> PathBuf {
        match &self.url {
            Some(u) => PathBuf::from(u),
            None => self.dir.join("desk.db"),
        }
    }

    fn kind(&self) -> &'static str {
        if self.url.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    }

    /// The same complaints on the test cluster's PostgreSQL (a Unix socket),
    /// moved with `migrate`; None (said SKIPPED) without PostgreSQL.
    fn on_postgres(&self, report: &mut Report) -> Option<File> {
        let what = format!("{}: move into PostgreSQL", self.count);
        let Some(server) = pg_support::server() else {
            report.line(&what, "PostgreSQL not installed", "runs", None);
            return None;
        };
        let url = server.fresh_database(&format!("bench_{}", self.count));
        let t = Instant::now();
        match self.run(&["migrate", "--to", &url]) {
            Ok(_) => println!(
                "  moved {} complaints into PostgreSQL in {:.1} s",
                self.count,
                t.elapsed().as_secs_f64()
            ),
            Err(e) => {
                report.failed(&what, &e);
                return None;
            }
        }
        Some(File {
            count: self.count,
            dir: self.dir.clone(),
            url: Some(url),
            middle: self.middle_ref().ok(),
        })
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args)
            .env_clear()
            .env("HOME", &self.dir)
            .env("BCARE_DESK_DB", self.db())
            // No config file: the defaults, read from the (absent) default place.
            .env("BCARE_DESK_NOW", NOW)
            .env("USER", "petugas.pdad")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    /// Runs a command to its end; Err with its one-line reason when it fails.
    fn run(&self, args: &[&str]) -> Res<String> {
        let out = self
            .cmd(args)
            .output()
            .map_err(|e| format!("running {args:?}: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn build(root: &Path, count: usize) -> Res<File> {
        let dir = root.join(format!("c{count}"));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let f = File {
            count,
            dir,
            url: None,
            middle: None,
        };
        if count > 0 {
            let t = Instant::now();
            f.run(&["demo", "--count", &count.to_string(), "--seed", "7"])?;
            println!(
                "  built {count} complaints in {:.1} s",
                t.elapsed().as_secs_f64()
            );
        }
        Ok(f)
    }

    /// A reference from the middle of the file (sample data spans more than
    /// one year's numbers, so it is read, not made up).
    fn middle_ref(&self) -> Res<String> {
        if let Some(r) = &self.middle {
            return Ok(r.clone());
        }
        let conn = rusqlite::Connection::open(self.db()).map_err(|e| e.to_string())?;
        conn.query_row(
            "SELECT ref FROM complaints ORDER BY id LIMIT 1 OFFSET ?1",
            [(self.count / 2) as i64],
            |r| r.get(0),
        )
        .map_err(|e| format!("reading a reference: {e}"))
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
        "IMP",
        "--subject",
        "PIB belum mendapat respon",
        "--description",
        "Sudah dikirim sejak pagi, belum ada respon.",
        "--aju",
        "000020-010017-20261127-000123",
        "--doc-type",
        "BC 2.0 PIB",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn percentile(v: &[Duration], p: f64) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    if v.is_empty() {
        return Duration::ZERO;
    }
    let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}

/// Wall time of one whole process, which must succeed.
fn time_once(mut c: Command) -> Res<Duration> {
    let t = Instant::now();
    let out = c.output().map_err(|e| format!("running {c:?}: {e}"))?;
    let took = t.elapsed();
    if !out.status.success() {
        return Err(format!(
            "{:?} failed: {}",
            c.get_args().collect::<Vec<_>>(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(took)
}

/// Median wall time of `runs` whole processes.
fn timed(runs: usize, mut make: impl FnMut(usize) -> Command) -> Res<Duration> {
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        times.push(time_once(make(i))?);
    }
    Ok(median(times))
}

type Maker<'a> = &'a mut dyn FnMut(usize) -> Command;

/// Medians of several commands run in turn (a, b, a, b, …), so that a busy
/// moment of the machine weighs on each side alike.
fn side_by_side(runs: usize, makers: &mut [Maker<'_>]) -> Res<Vec<Duration>> {
    let mut times = vec![Vec::with_capacity(runs); makers.len()];
    for i in 0..runs {
        for (make, t) in makers.iter_mut().zip(times.iter_mut()) {
            t.push(time_once(make(i))?);
        }
    }
    Ok(times.into_iter().map(median).collect())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The table being printed, and whether anything missed.
#[derive(Default)]
struct Report {
    missed: Vec<String>,
}

impl Report {
    fn line(&mut self, what: &str, figure: &str, target: &str, pass: Option<bool>) {
        let verdict = match pass {
            Some(true) => "PASS",
            Some(false) => "MISS",
            None => "SKIPPED",
        };
        println!("{verdict:<7} {what:<52} {figure:<30} target {target}");
        if pass == Some(false) {
            self.missed.push(what.to_string());
        }
    }

    /// `took` against `limit × floor`.
    fn ratio(&mut self, what: &str, took: Duration, floor: Duration, limit: f64) {
        let r = ms(took) / ms(floor).max(1e-3);
        self.line(
            what,
            &format!("{:.1} ms = {r:.1}× --version", ms(took)),
            &format!("≤ {limit}×"),
            Some(r <= limit),
        );
    }

    fn failed(&mut self, what: &str, e: &str) {
        self.line(what, &format!("error: {e}"), "runs", Some(false));
    }
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15)
        .max(3);
    let million = std::env::var("BENCH_MILLION").as_deref() == Ok("1");
    let root = tempfile::tempdir().expect("a temp dir");
    let mut report = Report::default();
    println!("bcare-desk targets (release; medians of {runs} runs)");

    // BENCH_SIZE replaces 100,000 for a quick try of the bench itself.
    let big: usize = std::env::var("BENCH_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut sizes = vec![1_000, big];
    if million {
        sizes.push(1_000_000);
    }
    let mut files = Vec::new();
    for &n in &sizes {
        match File::build(root.path(), n) {
            Ok(f) => files.push(f),
            Err(e) => {
                report.failed(&format!("build {n} complaints"), &e);
                finish(report);
            }
        }
    }

    let floor = match timed(runs, |_| version(&files[0])) {
        Ok(d) => d,
        Err(e) => {
            report.failed("--version", &e);
            finish(report)
        }
    };
    println!(
        "  floor: bcare-desk --version {:.2} ms (each ratio below is against --version run in turn with it)",
        ms(floor)
    );

    // The same measures on PostgreSQL, beside the file's (the issue of several desks).
    let on_server: Vec<File> = files
        .iter()
        .filter_map(|f| f.on_postgres(&mut report))
        .collect();
    // Each backend's big databases against its own 1,000 (the first of each list).
    let sized = |set: &[File]| -> Vec<(usize, usize)> { (1..set.len()).map(|i| (0, i)).collect() };
    let runs_on: Vec<(&[File], usize, usize)> = sized(&files)
        .into_iter()
        .map(|(a, b)| (&files[..], a, b))
        .chain(
            sized(&on_server)
                .into_iter()
                .map(|(a, b)| (&on_server[..], a, b)),
        )
        .collect();
    for (set, small, big) in runs_on {
        let (small, f) = (&set[small], &set[big]);
        let n = format!("{} {}", f.count, f.kind());
        let (cmd_limit, intake_limit, frame_limit, letter_limit) = if f.count >= 1_000_000 {
            (5.0, 8.0, 4.0, 50.0)
        } else {
            (3.0, 5.0, 2.0, 16.0)
        };
        let reference = f.middle_ref().unwrap_or_else(|e| e);
        for (what, args) in [
            ("list --limit 20", vec!["list", "--limit", "20"]),
            ("show REF", vec!["show", reference.as_str()]),
            ("search TEXT", vec!["search", SEARCH]),
        ] {
            let label = format!("{n}: whole `{what}`");
            match side_by_side(runs, &mut [&mut |_| version(f), &mut |_| f.cmd(&args)]) {
                Ok(t) => report.ratio(&label, t[1], t[0], cmd_limit),
                Err(e) => report.failed(&label, &e),
            }
        }
        let label = format!("{n}: whole `intake`");
        match side_by_side(
            runs,
            &mut [&mut |_| version(f), &mut |i| {
                let mut c = f.cmd(&[]);
                c.args(intake_args(&format!("Bench Pemohon {i}")));
                c
            }],
        ) {
            Ok(t) => report.ratio(&label, t[1], t[0], intake_limit),
            Err(e) => report.failed(&label, &e),
        }

        let label = format!("{n}: desk first frame vs 1000");
        match first_frames(small, f, runs) {
            Ok((small, big)) => {
                let r = ms(big) / ms(small).max(1e-3);
                report.line(
                    &label,
                    &format!("{:.1} ms vs {:.1} ms = {r:.1}×", ms(big), ms(small)),
                    &format!("≤ {frame_limit}×"),
                    Some(r <= frame_limit),
                );
            }
            Err(e) => report.failed(&label, &e),
        }

        let label = format!("{n}: search letter's frame, typing every 80 ms, p99");
        match typing(f) {
            Ok(t) => {
                let p99 = percentile(&t.letter_frames, 0.99);
                report.line(
                    &label,
                    &format!(
                        "{:.2} ms (p50 {:.2}, max {:.2}; {} letters)",
                        ms(p99),
                        ms(percentile(&t.letter_frames, 0.5)),
                        ms(percentile(&t.letter_frames, 1.0)),
                        t.letter_frames.len()
                    ),
                    &format!("≤ {letter_limit} ms"),
                    Some(ms(p99) <= letter_limit),
                );
                println!(
                    "        (results on screen: p50 {:.0} ms, p99 {:.0} ms after the key; {} stale answers dropped)",
                    ms(percentile(&t.answer_frames, 0.5)),
                    ms(percentile(&t.answer_frames, 0.99)),
                    t.stale_dropped
                );
            }
            Err(e) => report.failed(&label, &e),
        }
    }

    if let Some(f) = on_server.last() {
        session_floor(f, runs, &mut report);
    }
    many_writers(root.path(), &mut report);
    backup_while_writing(root.path(), &mut report);
    taskwarrior(root.path(), runs, &mut report);
    finish(report);
}

fn finish(report: Report) -> ! {
    if report.missed.is_empty() {
        println!("all targets met");
        std::process::exit(0);
    }
    println!("missed: {}", report.missed.join("; "));
    let fail = std::env::var("BENCH_NO_FAIL").as_deref() != Ok("1");
    std::process::exit(if fail { 1 } else { 0 });
}

fn version(f: &File) -> Command {
    f.cmd(&["--version"])
}

/// The desk in a pseudo-terminal (`script`; stty gives it a size) with
/// BCARE_DESK_EXIT_AFTER_FIRST_FRAME: it quits once the first page is drawn and
/// writes into `out` how long that took from its start, in microseconds.
fn in_pty(f: &File, out: &Path) -> Command {
    let mut c = f.cmd(&[]);
    c.env("BCARE_DESK_EXIT_AFTER_FIRST_FRAME", out)
        .env("TERM", "xterm")
        .env("PATH", "/usr/bin:/bin");
    let mut s = Command::new("script");
    s.args([
        "-qec",
        &format!("stty rows 30 cols 100; exec {BIN}"),
        "/dev/null",
    ])
    .env_clear();
    for (k, v) in c.get_envs() {
        if let Some(v) = v {
            s.env(k, v);
        }
    }
    s.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    s
}

/// Median time from the desk's start to its first frame with the queue on it, on
/// the small and the big database, run in turn (as the desk itself measures it:
/// the pseudo-terminal's own delays are not the desk's).
fn first_frames(small: &File, big: &File, runs: usize) -> Res<(Duration, Duration)> {
    let out = small.dir.join("first-frame.us");
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (f, t) in [small, big].into_iter().zip(times.iter_mut()) {
            let _ = std::fs::remove_file(&out);
            time_once(in_pty(f, &out))?;
            let us: u64 = std::fs::read_to_string(&out)
                .map_err(|e| format!("the desk wrote no first-frame time: {e}"))?
                .trim()
                .parse()
                .map_err(|e| format!("first-frame time: {e}"))?;
            t.push(Duration::from_micros(us));
        }
    }
    let [a, b] = times;
    Ok((median(a), median(b)))
}

/// The desk's own loop pieces, typing into the search line every 80 ms.
fn typing(f: &File) -> Res<bcare_desk::tui::TypingTimes> {
    let now: DateTime<Utc> = NOW.parse().map_err(|e| format!("{e}"))?;
    let mut desk = Desk::open(f.db(), Config::default(), None, Arc::new(move || now))
        .map_err(|e| format!("{e:#}"))?;
    let words = [
        "a", "an", "andi", "pib", "rahmat", "s", "sa", "samudra", "b", "bc 2", "akun", "c",
        "ceisa", "w", "wahyuni", "m", "makassar", "j", "jaringan", "e", "ekspor",
    ];
    bcare_desk::tui::typing_probe(
        &mut desk,
        &f.db().into(),
        &words,
        Duration::from_millis(80),
        (100, 30),
    )
    .map_err(|e| format!("{e:#}"))
}

/// What a PostgreSQL session alone costs a one-shot process: `psql -c 'SELECT 1'`
/// on the same database, beside the desk's `list` there (a peer, not a target:
/// each command starts a server backend that loads its catalog; the screen keeps
/// its session and does not pay it again).
fn session_floor(f: &File, runs: usize, report: &mut Report) {
    let what = format!("{} PostgreSQL: `list` beside psql's SELECT 1", f.count);
    let Some(url) = &f.url else { return };
    let psql = |_: usize| {
        let mut c = Command::new("psql");
        c.args(["-X", "-q", "-A", "-t", "-c", "SELECT 1", url])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    };
    match side_by_side(
        runs,
        &mut [&mut |_| f.cmd(&["list", "--limit", "20"]), &mut { psql }],
    ) {
        Ok(t) => report.line(
            &what,
            &format!(
                "desk {:.1} ms, psql {:.1} ms: {:.1}×",
                ms(t[0]),
                ms(t[1]),
                ms(t[1]) / ms(t[0]).max(1e-3)
            ),
            "desk ahead ≥ 1×",
            Some(t[0] <= t[1]),
        ),
        Err(e) => report.line(&what, &format!("psql: {e}"), "runs", None),
    }
}

/// 3 processes × 200 intakes and a 20,000 demo on one file at once.
fn many_writers(root: &Path, report: &mut Report) {
    let what = "3 processes × 200 intakes + a 20,000 demo";
    let f = File {
        count: 0,
        dir: root.join("writers"),
        url: None,
        middle: None,
    };
    if let Err(e) = std::fs::create_dir_all(&f.dir) {
        return report.failed(what, &e.to_string());
    }
    // Create the file first, so the writers race on writes and not on its creation.
    if let Err(e) = f.run(&["demo", "--count", "1"]) {
        return report.failed(what, &e);
    }
    let t = Instant::now();
    let (refs, refused, demo) = std::thread::scope(|s| {
        // --force: the intakes beside it are real complaints.
        let demo = s.spawn(|| f.run(&["demo", "--count", "20000", "--seed", "11", "--force"]));
        let loops: Vec<_> = (0..3)
            .map(|w| {
                let f = &f;
                s.spawn(move || {
                    let mut refs = Vec::new();
                    let mut refused = Vec::new();
                    for i in 0..200 {
                        let mut c = f.cmd(&[]);
                        c.args(intake_args(&format!("Penulis {w} {i}")));
                        match c.output() {
                            Ok(out) if out.status.success() => {
                                let text = String::from_utf8_lossy(&out.stdout);
                                if let Some(r) = text.split_whitespace().next() {
                                    refs.push(r.to_string());
                                }
                            }
                            Ok(out) => refused
                                .push(String::from_utf8_lossy(&out.stderr).trim().to_string()),
                            Err(e) => refused.push(e.to_string()),
                        }
                    }
                    (refs, refused)
                })
            })
            .collect();
        let mut refs = Vec::new();
        let mut refused = Vec::new();
        for l in loops {
            if let Ok((r, x)) = l.join() {
                refs.extend(r);
                refused.extend(x);
            }
        }
        let demo = demo
            .join()
            .unwrap_or_else(|_| Err("demo thread panicked".into()));
        (refs, refused, demo)
    });
    let unique: HashSet<_> = refs.iter().collect();
    let ok = refused.is_empty() && unique.len() == 600 && demo.is_ok();
    let mut figure = format!(
        "{} refused, {} unique refs, demo {} ({:.1} s)",
        refused.len(),
        unique.len(),
        if demo.is_ok() { "ok" } else { "FAILED" },
        t.elapsed().as_secs_f64()
    );
    if let Some(first) = refused.first() {
        figure.push_str(&format!("; first refusal: {first}"));
    }
    if let Err(e) = &demo {
        figure.push_str(&format!("; demo: {e}"));
    }
    report.line(what, &figure, "0 refused, 600 unique", Some(ok));
}

/// `backup` of a 20,000-complaint file while an intake loop writes to it.
fn backup_while_writing(root: &Path, report: &mut Report) {
    let what = "backup of 20,000 while an intake loop writes";
    let f = match File::build(&root.join("backup"), 20_000) {
        Ok(f) => f,
        Err(e) => return report.failed(what, &e),
    };
    let dest = f.dir.join("copy.db");
    let stop = AtomicBool::new(false);
    // Beyond this the backup counts as never finishing; it is killed.
    let give_up = Duration::from_secs(60);
    let (first_written, going) = std::sync::mpsc::channel();
    let (took, finished, writes) = std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let mut c = f.cmd(&[]);
                c.args(intake_args("Penulis Cadangan"));
                if c.output().is_ok_and(|o| o.status.success()) {
                    n += 1;
                    let _ = first_written.send(());
                }
            }
            n
        });
        // The loop is writing before the backup starts.
        let _ = going.recv_timeout(give_up);
        let t = Instant::now();
        let finished = match f.cmd(&["backup", &dest.to_string_lossy()]).spawn() {
            Ok(mut child) => {
                let ended = wait::wait_until(give_up, || child.try_wait().transpose());
                match ended {
                    Ok(status) => status.is_ok_and(|s| s.success()),
                    Err(_) => {
                        let _ = child.kill();
                        let _ = child.wait();
                        false
                    }
                }
            }
            Err(_) => false,
        };
        let took = t.elapsed();
        stop.store(true, Ordering::Relaxed);
        (took, finished, writer.join().unwrap_or(0))
    });
    let integrity = if finished {
        rusqlite::Connection::open(&dest)
            .and_then(|c| {
                let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
                let n: i64 = c.query_row("SELECT COUNT(*) FROM complaints", [], |r| r.get(0))?;
                Ok(format!("{ok}, {n} complaints"))
            })
            .unwrap_or_else(|e| e.to_string())
    } else {
        format!("not finished in {} s", give_up.as_secs())
    };
    let ok = finished && took <= Duration::from_secs(10) && integrity.starts_with("ok,");
    report.line(
        what,
        &format!(
            "{:.1} s, copy: {integrity}; {writes} intakes meanwhile",
            took.as_secs_f64()
        ),
        "≤ 10 s, integrity ok",
        Some(ok),
    );
}

/// `task`, installed with apt when missing; None when it cannot be had.
fn find_taskwarrior() -> Option<String> {
    let version = || {
        Command::new("task")
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    if let Some(v) = version() {
        return Some(v);
    }
    println!("  taskwarrior missing: apt-get install -y taskwarrior");
    let apt = |args: &[&str]| {
        Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !apt(&["install", "-y", "taskwarrior"]) {
        apt(&["update"]);
        apt(&["install", "-y", "taskwarrior"]);
    }
    version()
}

/// The same 10,000 complaints as taskwarrior tasks, and the same four jobs on each side.
fn taskwarrior(root: &Path, runs: usize, report: &mut Report) {
    let jobs = ["add one", "top 20 by urgency", "show one", "text search"];
    let Some(version) = find_taskwarrior() else {
        for j in jobs {
            report.line(&format!("taskwarrior: {j}"), "task not available", "", None);
        }
        return;
    };
    println!("  taskwarrior {version}");
    let result = (|| -> Res<Vec<(Duration, Duration)>> {
        let f = File::build(&root.join("tw"), 10_000)?;
        let json = f.run(&["list", "--stage", "all", "--limit", "10000", "--json"])?;
        let complaints: Vec<serde_json::Value> =
            serde_json::from_str(&json).map_err(|e| e.to_string())?;
        let data = root.join("tw/taskdata");
        std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
        let rc = root.join("tw/taskrc");
        std::fs::write(
            &rc,
            format!(
                "data.location={}\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.2\n",
                data.display()
            ),
        )
        .map_err(|e| e.to_string())?;
        let task = |args: &[&str]| {
            let mut c = Command::new("task");
            c.arg(format!("rc:{}", rc.display()))
                .args(args)
                .env("TASKRC", &rc)
                .env("TASKDATA", &data)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c
        };
        let stamp = |v: &serde_json::Value| {
            v.as_str()
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .map(|t| t.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string())
        };
        let mut tasks = Vec::new();
        let mut show_uuid = None;
        for (i, c) in complaints.iter().enumerate() {
            let stage = c["stage"].as_str().unwrap_or("");
            let done = matches!(stage, "handed_over" | "resolved" | "cancelled");
            let uuid = format!("00000000-0000-4000-8000-{i:012}");
            let end = ["resolved_at", "cancelled_at", "handed_over_at"]
                .iter()
                .find_map(|k| stamp(&c[*k]));
            let mut t = serde_json::json!({
                "uuid": uuid,
                "status": if done { "completed" } else { "pending" },
                "description": format!("{} {}: {}", c["ref"].as_str().unwrap_or(""),
                    c["applicant"]["name"].as_str().unwrap_or(""), c["subject"].as_str().unwrap_or("")),
                "entry": stamp(&c["received_at"]),
                "project": c["category"],
                "tags": [stage],
            });
            if done {
                t["end"] = serde_json::json!(end.or_else(|| stamp(&c["received_at"])));
            } else {
                t["due"] = serde_json::json!(stamp(&c["sla_deadline"]));
                show_uuid.get_or_insert_with(|| {
                    (uuid.clone(), c["ref"].as_str().unwrap_or("").to_string())
                });
            }
            tasks.push(t);
        }
        let file = root.join("tw/tasks.json");
        std::fs::write(
            &file,
            serde_json::to_string(&tasks).map_err(|e| e.to_string())?,
        )
        .map_err(|e| e.to_string())?;
        let t = Instant::now();
        let out = task(&["import", &file.to_string_lossy()])
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!(
                "task import: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        let pending =
            complaints.len() - tasks.iter().filter(|t| t["status"] == "completed").count();
        println!(
            "  imported {} tasks ({pending} pending) in {:.1} s",
            tasks.len(),
            t.elapsed().as_secs_f64()
        );
        let (uuid, reference) = show_uuid.unwrap_or_else(|| {
            (
                "00000000-0000-4000-8000-000000000000".into(),
                f.middle_ref().unwrap_or_default(),
            )
        });
        let mut pairs = Vec::new();
        let pair = |t: Vec<Duration>| (t[0], t[1]);
        // add one
        pairs.push(pair(side_by_side(
            runs,
            &mut [
                &mut |i| {
                    task(&[
                        "add",
                        &format!("ADU-BENCH-{i} Bench Pemohon - PIB belum mendapat respon"),
                    ])
                },
                &mut |i| {
                    let mut c = f.cmd(&[]);
                    c.args(intake_args(&format!("Bench Pemohon {i}")));
                    c
                },
            ],
        )?));
        // top 20 by urgency
        pairs.push(pair(side_by_side(
            runs,
            &mut [&mut |_| task(&["limit:20", "next"]), &mut |_| {
                f.cmd(&["list", "--limit", "20"])
            }],
        )?));
        // show one
        pairs.push(pair(side_by_side(
            runs,
            &mut [&mut |_| task(&[uuid.as_str(), "info"]), &mut |_| {
                f.cmd(&["show", &reference])
            }],
        )?));
        // text search, over every task as the desk searches every complaint
        let pattern = format!("/{SEARCH}/");
        pairs.push(pair(side_by_side(
            runs,
            &mut [&mut |_| task(&["limit:20", "all", &pattern]), &mut |_| {
                f.cmd(&["search", SEARCH])
            }],
        )?));
        Ok(pairs)
    })();
    match result {
        Ok(pairs) => {
            for (j, (tw, desk)) in jobs.iter().zip(pairs) {
                let r = ms(tw) / ms(desk).max(1e-3);
                let need = if *j == "text search" { 3.0 } else { 1.0 };
                report.line(
                    &format!("10000 vs taskwarrior: {j}"),
                    &format!("desk {:.1} ms, task {:.1} ms: {r:.1}×", ms(desk), ms(tw)),
                    &format!("desk ahead ≥ {need}×"),
                    Some(r >= need),
                );
            }
        }
        Err(e) => report.failed("taskwarrior comparison", &e),
    }
}
