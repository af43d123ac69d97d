//! How long reading a caller's message takes: a usual WhatsApp complaint, and
//! hostile pastes at the 64 KiB limit (one long run of digit groups, cue words
//! by the thousand). Reading happens on paste, so it must never make the
//! screen wait; a reader that turns quadratic misses these targets by minutes.
//! Run with `cargo bench --bench read_message`; exits non-zero when a target
//! is missed.

use bcare_desk::domain::category::Categories;
use bcare_desk::domain::message::{MESSAGE_MAX_BYTES, read};
use std::time::{Duration, Instant};

const WHATSAPP: &str = "[27/11/26 10.15] Andi Wijaya: Selamat siang, saya Andi dari PT Samudra Makassar, PIB kami nomor aju 000020-010017-20261127-000123 belum dapat respon sejak pagi, NPWP 01.234.567.8-901.000, mohon bantuannya. WA 0812 3456 7890";

/// `unit` repeated up to the message limit.
fn filled(unit: &str) -> String {
    let mut s = unit.repeat(MESSAGE_MAX_BYTES / unit.len());
    s.truncate(MESSAGE_MAX_BYTES);
    s
}

fn main() {
    let cats = Categories::builtin();
    let mut missed = Vec::new();
    let mut report = |what: &str, took: Duration, target: Duration| {
        let ok = took <= target;
        println!(
            "{what:<52} {:>9.2} ms   target ≤ {:>6.0} ms   {}",
            took.as_secs_f64() * 1e3,
            target.as_secs_f64() * 1e3,
            if ok { "ok" } else { "MISSED" }
        );
        if !ok {
            missed.push(what.to_string());
        }
    };

    let rounds = 200;
    let t = Instant::now();
    for _ in 0..rounds {
        read(WHATSAPP, &cats).expect("read");
    }
    report(
        "a WhatsApp complaint (mean of 200)",
        t.elapsed() / rounds,
        Duration::from_millis(5),
    );

    let hostile = [
        ("64 KiB of one-digit groups \"1 2 3 …\"", filled("7 ")),
        ("64 KiB of \"08.08.08…\"", filled("08.")),
        (
            "64 KiB of user-id cues with a NIK",
            filled("user 3201 2345 6789 0001 akun: budi.s "),
        ),
        (
            "64 KiB of WhatsApp lines full of identifiers",
            filled(&format!("{WHATSAPP} budi@x.co.id\n")),
        ),
        (
            "64 KiB of names and signatures",
            filled("saya Budi Santoso\nSalam,\nBudi\n"),
        ),
    ];
    for (what, text) in &hostile {
        let t = Instant::now();
        read(text, &cats).expect("within the limit");
        report(what, t.elapsed(), Duration::from_millis(1000));
    }

    if !missed.is_empty() {
        eprintln!("missed: {}", missed.join(", "));
        std::process::exit(1);
    }
}
