//! Measures the desk at the size of years of work: 100,000 complaints.
//! Run with `cargo bench --bench desk` (optionally `-- 20000` for another size).
//! Prints each measurement and its target; exits non-zero when a target is missed.

use bcare_desk::config::Config;
use bcare_desk::desk::Desk;
use bcare_desk::domain::complaint::Stage;
use bcare_desk::domain::sla;
use bcare_desk::store::ListQuery;
use chrono::{TimeDelta, TimeZone, Utc};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kib| kib / 1024.0)
        .unwrap_or(f64::NAN)
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap();
    let mut desk = Desk::open(
        dir.path().join("bench.db"),
        Config::default(),
        None,
        Arc::new(move || now),
    )
    .expect("open");
    let mut missed = Vec::new();
    let mut report = |what: &str, took: Duration, target: Duration| {
        let ok = took <= target;
        println!(
            "{what:<44} {:>9.1} ms   target ≤ {:>7.0} ms   {}",
            took.as_secs_f64() * 1e3,
            target.as_secs_f64() * 1e3,
            if ok { "ok" } else { "MISSED" }
        );
        if !ok {
            missed.push(what.to_string());
        }
    };

    let t = Instant::now();
    let mut sampler = bcare_desk::demo::Sampler::new(desk.calendar().clone(), desk.now(), count, 7)
        .expect("sampler");
    let n = desk
        .demo(|k| sampler.batch(k), false, &mut |_| {})
        .expect("demo");
    report(
        &format!("insert {n} sample complaints"),
        t.elapsed(),
        Duration::from_secs(30),
    );

    let t = Instant::now();
    drop(desk);
    let desk = Desk::open(
        dir.path().join("bench.db"),
        Config::default(),
        None,
        Arc::new(move || now),
    )
    .expect("reopen");
    report(
        "open (quick_check, migrations)",
        t.elapsed(),
        Duration::from_secs(3),
    );

    let page = |stages: Vec<Stage>| ListQuery {
        stages,
        deadline_before: None,
        category: None,
        after: None,
        limit: 40,
    };
    let t = Instant::now();
    let rows = desk.list(&page(Stage::SLA_RUNNING.to_vec())).expect("list");
    report(
        &format!("queue page, running ({} rows)", rows.len()),
        t.elapsed(),
        Duration::from_millis(50),
    );
    let t = Instant::now();
    let rows = desk.list(&page(vec![Stage::Resolved])).expect("list");
    report(
        &format!("queue page, resolved ({} rows)", rows.len()),
        t.elapsed(),
        Duration::from_millis(50),
    );
    let t = Instant::now();
    let hits = desk.search("andi PIB", 40).expect("search");
    report(
        &format!("search 'andi PIB' ({} hits)", hits.len()),
        t.elapsed(),
        Duration::from_millis(300),
    );
    let t = Instant::now();
    let counts = desk.counts().expect("counts");
    report(
        &format!("status-bar counts ({} running)", counts.running),
        t.elapsed(),
        Duration::from_millis(100),
    );

    // One outage, many callers: the suggestion at intake, the incident view of the
    // demo's outage ticket, and a bulk step of the most a call may take, in one
    // transaction.
    // A caller to offer tickets to: the most urgent running complaint.
    let caller = desk
        .list(&page(Stage::SLA_RUNNING.to_vec()))
        .expect("list")
        .into_iter()
        .next()
        .expect("a running complaint");
    let t = Instant::now();
    let candidates = desk.incident_candidates(&caller).expect("candidates");
    report(
        &format!("incident suggestion ({} candidates)", candidates.len()),
        t.elapsed(),
        Duration::from_millis(50),
    );
    // The demo's outage: the ticket its followers were linked to.
    let open: Vec<Stage> = Stage::ALL.into_iter().filter(|s| s.is_open()).collect();
    let outage = desk
        .list(&ListQuery {
            limit: 5_000,
            ..page(open.clone())
        })
        .expect("list")
        .into_iter()
        .find(|c| c.linked_to.is_some())
        .and_then(|c| c.ticket_no);
    if let Some(ticket) = outage {
        let t = Instant::now();
        let inc = desk.incident(&ticket).expect("incident");
        report(
            &format!("incident view ({} callers)", inc.callers.len()),
            t.elapsed(),
            Duration::from_millis(50),
        );
    }
    // Nearly every sample is resolved (and most of them notified): the list and
    // the count read the owed and the open tickets, not every resolved complaint.
    // Measured before the bulk cancel below closes the open tickets.
    let resolved: i64 = rusqlite::Connection::open(dir.path().join("bench.db"))
        .and_then(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM complaints WHERE stage = ?1",
                [Stage::Resolved.as_str()],
                |r| r.get(0),
            )
        })
        .expect("count resolved");
    let t = Instant::now();
    let followed = desk.followup().expect("follow-up");
    report(
        &format!(
            "follow-up list ({} tickets, {resolved} resolved)",
            followed.len()
        ),
        t.elapsed(),
        Duration::from_millis(100),
    );
    let t = Instant::now();
    let owed = desk.notices_owed().expect("notices owed");
    report(
        &format!("notices owed ({owed}, the status bar's count)"),
        t.elapsed(),
        Duration::from_millis(10),
    );

    let mut desk = desk;
    let running: Vec<String> = desk
        .list(&ListQuery {
            limit: bcare_desk::domain::incident::BULK_MAX,
            ..page(open)
        })
        .expect("list")
        .into_iter()
        .map(|c| c.reference)
        .collect();
    let t = Instant::now();
    let done = desk
        .cancel_many(&running, "bench: outage over")
        .expect("bulk cancel");
    report(
        &format!("bulk cancel of {} complaints", done.len()),
        t.elapsed(),
        Duration::from_secs(1),
    );
    let cal = desk.calendar();
    let t = Instant::now();
    let mut start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    for _ in 0..100_000 {
        std::hint::black_box(sla::deadline(cal, start, TimeDelta::minutes(120)));
        start += TimeDelta::seconds(313);
    }
    report("100,000 SLA deadlines", t.elapsed(), Duration::from_secs(2));

    let size = std::fs::metadata(dir.path().join("bench.db"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "database size {:.1} MiB, peak memory {:.1} MiB",
        size as f64 / 1048576.0,
        peak_rss_mib()
    );
    if !missed.is_empty() {
        eprintln!("missed: {}", missed.join(", "));
        std::process::exit(1);
    }
}
