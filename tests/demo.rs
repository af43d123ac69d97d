//! `demo` on the real binary: exactly the count asked for on any day, Friday's
//! open complaints on a Sunday (some late, some in the outbox, a few sharing a
//! ticket), no samples mixed into real complaints unasked, and a busy database
//! waited for rather than given up on.

mod desk_binary;
mod support;

use desk_binary::Desk;
use rusqlite::Connection;
use std::time::Duration;

/// Sunday 2026-11-29 10:00 WITA: no working time today or yesterday.
const SUNDAY_MORNING: &str = "2026-11-29T02:00:00Z";
/// The same instant as stored in the database (UTC text, so text order is time order).
const SUNDAY_SQL: &str = "2026-11-29T02:00:00Z";

fn sunday_desk() -> Desk {
    let mut desk = Desk::new();
    desk.now = SUNDAY_MORNING.into();
    desk
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

const OPEN: &str = "stage IN ('received', 'forwarded', 'ticketed')";

#[test]
fn a_sunday_demo_inserts_exactly_the_count_asked_for() {
    for n in [1, 5, 79, 200] {
        let desk = sunday_desk();
        let v = desk.json(&["demo", "--count", &n.to_string()]);
        assert_eq!(v["inserted"], n, "reported for --count {n}");
        assert_eq!(desk.rows().0, n, "stored for --count {n}");
        desk.cmd().arg("check").assert().success();

        let conn = Connection::open(desk.db()).unwrap();
        // Still on the desk: Friday's last working hours, none received after the clock.
        let open = count(
            &conn,
            &format!("SELECT COUNT(*) FROM complaints WHERE {OPEN}"),
        );
        assert!(open >= 1, "--count {n}: nothing on the desk");
        let friday_open = count(
            &conn,
            &format!(
                "SELECT COUNT(*) FROM complaints WHERE {OPEN}
                 AND received_at >= '2026-11-27T00:00:00Z' AND received_at < '2026-11-27T16:00:00Z'"
            ),
        );
        assert_eq!(friday_open, open, "--count {n}: open ones are Friday's");
        let future = count(
            &conn,
            &format!(
                "SELECT (SELECT COUNT(*) FROM complaints WHERE received_at > '{SUNDAY_SQL}')
                      + (SELECT COUNT(*) FROM events WHERE at > '{SUNDAY_SQL}')"
            ),
        );
        assert_eq!(future, 0, "--count {n}: nothing happens after the clock");
    }
}

#[test]
fn any_hour_of_any_day_gets_exactly_the_count() {
    // Before office hours on Monday, Wednesday's lunch break, Christmas (a
    // holiday), midnight on New Year's Eve.
    for now in [
        "2026-11-29T22:30:00Z",
        "2026-12-02T04:15:00Z",
        "2026-12-25T03:00:00Z",
        "2026-12-31T16:00:00Z",
    ] {
        let mut desk = Desk::new();
        desk.now = now.into();
        let v = desk.json(&["demo", "--count", "79"]);
        assert_eq!(v["inserted"], 79, "at {now}");
        assert_eq!(desk.rows().0, 79, "at {now}");
        let conn = Connection::open(desk.db()).unwrap();
        let open = count(
            &conn,
            &format!("SELECT COUNT(*) FROM complaints WHERE {OPEN}"),
        );
        assert!(open >= 5, "at {now}: {open} on the desk");
        let future = count(
            &conn,
            &format!("SELECT COUNT(*) FROM events WHERE at > '{now}'"),
        );
        assert_eq!(future, 0, "at {now}: nothing after the clock");
    }
}

#[test]
fn samples_are_never_received_before_the_earliest_receipt_intake_takes() {
    // Monday 2020-03-02 10:00 WITA: 5,000 closed complaints at forty a day would
    // reach back into 2019, before the first receipt `intake` accepts.
    let mut desk = Desk::new();
    desk.now = "2020-03-02T02:00:00Z".into();
    let v = desk.json(&["demo", "--count", "5000"]);
    assert_eq!(v["inserted"], 5000);
    let conn = Connection::open(desk.db()).unwrap();
    let first: String = conn
        .query_row("SELECT MIN(received_at) FROM complaints", [], |r| r.get(0))
        .unwrap();
    // 2020-01-01 00:00 WITA.
    assert!(
        first.as_str() >= "2019-12-31T16:00:00Z",
        "first receipt {first}"
    );
    assert!(
        first.as_str() < "2020-01-10",
        "the samples fill the range: {first}"
    );
    let before = count(
        &conn,
        "SELECT COUNT(*) FROM events WHERE at < '2019-12-31T16:00:00Z'",
    );
    assert_eq!(before, 0);
}

#[test]
fn sample_complaints_are_late_near_the_deadline_in_the_outbox_and_linked() {
    let desk = sunday_desk();
    desk.json(&["demo", "--count", "200"]);
    let conn = Connection::open(desk.db()).unwrap();

    let late = count(
        &conn,
        &format!("SELECT COUNT(*) FROM complaints WHERE {OPEN} AND sla_deadline < '{SUNDAY_SQL}'"),
    );
    assert!(late >= 2, "late on the desk: {late}");
    // Near the deadline: due on Monday's first half hour of work (08:00–08:30 WITA).
    let near = count(
        &conn,
        &format!(
            "SELECT COUNT(*) FROM complaints WHERE {OPEN}
             AND sla_deadline >= '2026-11-30T00:00:00Z' AND sla_deadline <= '2026-11-30T00:30:00Z'"
        ),
    );
    assert!(near >= 1, "near the deadline: {near}");
    // Closed ones, some of them handed over after their deadline.
    let closed_late = count(
        &conn,
        "SELECT COUNT(*) FROM complaints WHERE handed_over_at > sla_deadline",
    );
    assert!(closed_late >= 1, "handed over late: {closed_late}");
    assert!(
        count(
            &conn,
            "SELECT COUNT(*) FROM complaints WHERE stage = 'resolved'"
        ) >= 50
    );

    // Waiting in the outbox: forwarded, pending, tried and refused.
    let waiting = count(
        &conn,
        "SELECT COUNT(*) FROM outbox o JOIN complaints c ON c.id = o.complaint_id
         WHERE o.state = 'pending' AND o.attempts >= 1 AND o.last_error IS NOT NULL
           AND c.stage = 'forwarded' AND o.next_attempt_at > c.forwarded_at",
    );
    assert!(waiting >= 2, "waiting in the outbox: {waiting}");
    let outbox = desk.json(&["outbox"]);
    let rows = outbox.as_array().expect("outbox rows");
    assert_eq!(rows.len() as i64, waiting, "{outbox}");

    // A few complaints share the ticket of the outage's first one.
    let linked: Vec<(String, String, String)> = conn
        .prepare(
            "SELECT c.ref, c.ticket_no, f.ticket_no FROM complaints c
             JOIN complaints f ON f.ref = c.linked_to",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        (2..=4).contains(&linked.len()),
        "linked complaints: {linked:?}"
    );
    for (r, mine, first) in &linked {
        assert_eq!(mine, first, "{r} carries the first complaint's ticket");
    }
    let events = count(&conn, "SELECT COUNT(*) FROM events WHERE kind = 'link'");
    assert_eq!(events, linked.len() as i64);
    // Every sample's event says it came from demo.
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM events WHERE officer <> 'demo'"),
        0
    );
}

#[test]
fn a_demo_waits_for_a_busy_database_instead_of_giving_up() {
    let desk = sunday_desk();
    desk.json(&["demo", "--count", "3"]);
    // Another writer holds the write lock for a while.
    let other = Connection::open(desk.db()).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
        .execute(
            "INSERT INTO meta (key, value) VALUES ('busy-test', 'x')",
            [],
        )
        .unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_bcare-desk"))
        .env_clear()
        .env("HOME", desk.dir.path())
        .env("BCARE_DESK_DB", desk.db())
        .env("BCARE_DESK_CONFIG", desk.config())
        .env("BCARE_DESK_NOW", &desk.now)
        .args(["demo", "--count", "50", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Let go only once the demo is waiting on our lock: it has the file open and
    // sleeps in SQLite's busy wait (where the kernel says where it sleeps).
    support::wait_for(
        "the demo to wait for the lock",
        Duration::from_secs(10),
        || waiting_on(child.id(), &desk.db()).then_some(()),
    );
    other.execute_batch("COMMIT").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "demo gave up: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["inserted"], 50);
    assert_eq!(desk.rows().0, 53);
}

/// Whether process `pid` has `db` open and its main thread is asleep on a timer
/// (SQLite's busy wait). Where the kernel hides where a process sleeps, having
/// the file open is taken as enough.
fn waiting_on(pid: u32, db: &std::path::Path) -> bool {
    let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let open = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .into_iter()
        .flatten()
        .flatten()
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|p| p == db));
    let asleep = match std::fs::read_to_string(format!("/proc/{pid}/wchan")) {
        Ok(w) if !w.is_empty() && w != "0" => w.contains("nanosleep"),
        _ => true,
    };
    open && asleep
}

// Every test here runs on a SQLite file and on a PostgreSQL database.
on_both! {
    #[test]
    fn samples_are_not_mixed_into_real_complaints_unless_forced() {
        let mut desk = Desk::new();
        let r = desk.intake(&[]);
        desk.now = SUNDAY_MORNING.into();
        let err = desk.refused(&["demo", "--count", "10"]);
        assert!(err.contains("1 complaint(s) not made by demo"), "{err}");
        assert!(err.contains("--force"), "{err}");

        let v = desk.json(&["demo", "--count", "10", "--force"]);
        assert_eq!(v["inserted"], 10);
        assert_eq!(desk.rows().0, 11);
        assert_eq!(desk.json(&["show", &r])["stage"], "received");
        // Still mixed: the next run asks again.
        desk.refused(&["demo", "--count", "10"]);

        // A database of samples alone takes more samples without asking.
        let samples = sunday_desk();
        samples.json(&["demo", "--count", "10"]);
        let v = samples.json(&["demo", "--count", "15"]);
        assert_eq!(v["inserted"], 15);
        assert_eq!(samples.rows().0, 25);
    }
}
