//! `demo` on PostgreSQL talks to the server in batches, not row by row: a
//! counting relay between the binary and the test cluster counts the round trips
//! (each Sync or simple Query the client sends waits for the server's answer).
//! A thousand more complaints must cost a handful of them per batch, not several
//! per complaint; the numbers stay gap-free and every complaint has its events.

mod desk_binary;

use desk_binary::{Desk, pg_support};
use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The server's socket: `.s.PGSQL.5432` in the cluster's directory.
const SOCKET: &str = ".s.PGSQL.5432";
/// SSLRequest and GSSENCRequest: untyped messages before the startup message.
const ENCRYPTION_REQUESTS: [u32; 2] = [80_877_103, 80_877_104];

/// Relays every connection made to `dir`'s socket to the cluster's, counting the
/// client's round trips into `count`. Runs until the test process ends.
fn relay(dir: &Path, server: &Path, count: Arc<AtomicUsize>) {
    let listener = UnixListener::bind(dir.join(SOCKET)).unwrap();
    let server = server.join(SOCKET);
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { return };
            let Ok(upstream) = UnixStream::connect(&server) else {
                return;
            };
            let (mut down_from, mut down_to) =
                (upstream.try_clone().unwrap(), client.try_clone().unwrap());
            std::thread::spawn(move || std::io::copy(&mut down_from, &mut down_to));
            let count = count.clone();
            std::thread::spawn(move || relay_client(client, upstream, &count));
        }
    });
}

/// Copies the client's messages one by one, counting those that end a round trip.
fn relay_client(
    mut from: UnixStream,
    mut to: UnixStream,
    count: &AtomicUsize,
) -> std::io::Result<()> {
    let mut started = false;
    loop {
        let mut kind = [0u8; 1];
        if started {
            from.read_exact(&mut kind)?;
        }
        let mut len = [0u8; 4];
        from.read_exact(&mut len)?;
        let mut body = vec![0u8; (u32::from_be_bytes(len) as usize).saturating_sub(4)];
        from.read_exact(&mut body)?;
        if started {
            to.write_all(&kind)?;
            if matches!(kind[0], b'S' | b'Q') {
                count.fetch_add(1, Ordering::Relaxed);
            }
        } else {
            let code = body
                .get(..4)
                .map_or(0, |c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]));
            started = !ENCRYPTION_REQUESTS.contains(&code);
        }
        to.write_all(&len)?;
        to.write_all(&body)?;
    }
}

/// The test cluster's URL for `url`'s database, through the socket in `dir`.
fn through(url: &str, dir: &Path) -> String {
    let (scheme_user, rest) = url.split_once('@').unwrap();
    let (_, db) = rest.split_once('/').unwrap();
    let host: String = dir
        .to_string_lossy()
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{scheme_user}@{host}/{db}")
}

/// Round trips of one `demo --count n` on a fresh database, and the database's URL.
fn demo_round_trips(n: usize, relay_dir: &Path, count: &AtomicUsize) -> (usize, String) {
    let mut desk = Desk::new();
    let url = through(desk.url.as_ref().unwrap(), relay_dir);
    desk.url = Some(url.clone());
    // The schema first, so the figure is the samples' alone.
    desk.json(&["demo", "--count", "1", "--seed", "3"]);
    let before = count.load(Ordering::Relaxed);
    let v = desk.json(&["demo", "--count", &n.to_string(), "--force"]);
    assert_eq!(v["inserted"], n);
    (count.load(Ordering::Relaxed) - before, url)
}

#[test]
fn a_thousand_more_sample_complaints_cost_a_few_round_trips_per_batch() {
    desk_binary::on_postgres("demo_round_trips", || {
        let server = pg_support::server().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let count = Arc::new(AtomicUsize::new(0));
        relay(dir.path(), server.socket_dir(), count.clone());

        let (small, _) = demo_round_trips(1000, dir.path(), &count);
        let (large, url) = demo_round_trips(2000, dir.path(), &count);
        println!("round trips: {small} for 1,000 complaints, {large} for 2,000");
        // 1,000 more complaints: four batches of 250 more, each a few statements.
        let extra = large.saturating_sub(small);
        assert!(
            extra <= 100,
            "1,000 more complaints took {extra} more round trips ({small} for 1,000, {large} for 2,000)"
        );

        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let r = c
            .query_one(
                "SELECT COUNT(*), COUNT(DISTINCT ref), MAX(ref_seq) - MIN(ref_seq) + 1,
                        (SELECT COUNT(*) FROM complaints WHERE id NOT IN
                            (SELECT complaint_id FROM events WHERE kind = 'intake'))
                 FROM complaints WHERE ref_year = 2026",
                &[],
            )
            .unwrap();
        let (n, distinct, span, without): (i64, i64, i64, i64) =
            (r.get(0), r.get(1), r.get(2), r.get(3));
        assert_eq!(
            (distinct, span),
            (n, n),
            "2026's numbers are unique and gap-free"
        );
        assert_eq!(without, 0, "every complaint has its intake event");
    });
}
