//! One outage, twenty callers, counted: the real desk in tmux with the simulated
//! BCare. The first caller is filed and handed over as usual; each caller after
//! that starts from `N` (a new complaint like the selected one), gets a name, NIP
//! and phone, is saved, linked to the open ticket the desk offers and handed over.
//! It prints the navigation keys of each caller and the wall time from the first
//! intake to the twentieth handover, and fails above 6 keys per caller after the
//! first or above 2 minutes in all. Typed text (names, numbers) is not counted.

mod support;
mod tui_support;

use std::time::{Duration, Instant};
use tui_support::{Session, empty_desk};

const CALLERS: usize = 20;
/// Navigation keys per caller after the first.
const KEYS_TARGET: usize = 6;
/// From the first intake to the last handover.
const TIME_TARGET: Duration = Duration::from_secs(120);

/// A DJBC employee's NIP, different per caller (the last three digits).
fn nip(n: usize) -> String {
    format!("198501012010011{n:03}")
}

fn phone(n: usize) -> String {
    format!("08123456{n:04}")
}

/// The ticket number in the worker's notice: "…: BCare gave ticket number X."
fn ticket_on(screen: &str) -> String {
    let (_, rest) = screen
        .split_once("BCare gave ticket number ")
        .expect("the delivery notice");
    rest.chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The first caller: the whole form, forwarded, its number handed over.
fn first_caller(s: &Session) -> String {
    s.keys(&["n"]);
    s.wait_for("New complaint");
    s.text("1");
    s.text("Caller 1");
    s.keys(&["Enter"]);
    s.text(&nip(1));
    s.keys(&["Enter"]);
    s.text(&phone(1));
    s.keys(&["Enter"]);
    s.text("t"); // channel: telephone
    s.keys(&["Enter"]);
    s.text("LAIN");
    s.keys(&["Enter"]);
    s.text("CEISA not answering");
    s.keys(&["Enter"]);
    s.text("Every document times out since 08.00.");
    s.keys(&["Enter"]);
    s.wait_for("Saved as ADU-2026-00001");
    s.wait_for("Every document times out");
    s.keys(&["Enter"]);
    let screen = s.wait_for("BCare gave ticket number");
    let ticket = ticket_on(&screen);
    s.wait_for("Hand over to applicant");
    s.keys(&["Enter"]);
    s.wait_for("ADU-2026-00001 handed over");
    ticket
}

/// Caller `n` (2…): returns the navigation keys used.
fn next_caller(s: &Session, n: usize, ticket: &str) -> usize {
    s.count_from_zero();
    let reference = format!("ADU-2026-{n:05}");
    s.keys(&["N"]);
    s.wait_for("New complaint");
    s.text(&format!("Caller {n}"));
    s.keys(&["Enter"]);
    s.text(&nip(n));
    s.keys(&["Enter"]);
    s.text(&phone(n));
    s.keys(&["C-s"]);
    s.wait_for(&format!("Same outage? · {reference}"));
    s.wait_for(&format!("ticket {ticket}?"));
    s.keys(&["Enter"]);
    s.wait_for(&format!("Hand over to applicant · {reference}"));
    s.wait_for(&format!("Caller {n}"));
    s.keys(&["Enter"]);
    s.wait_for(&format!("{reference} handed over"));
    s.navigation.get()
}

#[test]
fn twenty_callers_about_one_outage_are_handed_over_within_the_targets() {
    let Some(desk) = empty_desk("bcare-callers") else {
        return;
    };
    let s = &desk.session;

    let started = Instant::now();
    s.count_from_zero();
    let ticket = first_caller(s);
    println!("caller  1: {:>2} navigation keys", s.navigation.get());
    let mut over = Vec::new();
    let mut most = 0;
    for n in 2..=CALLERS {
        let keys = next_caller(s, n, &ticket);
        println!("caller {n:>2}: {keys:>2} navigation keys");
        most = most.max(keys);
        if keys > KEYS_TARGET {
            over.push(format!("caller {n}: {keys}"));
        }
    }
    let took = started.elapsed();
    println!(
        "{CALLERS} callers, first intake to last handover: {:.1} s; at most {most} navigation keys per caller after the first",
        took.as_secs_f64()
    );

    // The incident view agrees: one ticket, every caller handed over.
    s.keys(&["i"]);
    let screen = s.wait_for(&format!("Incident · ticket {ticket} · callers: {CALLERS}"));
    assert!(screen.contains("awaiting handover 0"), "{screen}");
    assert!(
        over.is_empty(),
        "above {KEYS_TARGET} navigation keys: {over:?}"
    );
    assert!(
        took <= TIME_TARGET,
        "{CALLERS} callers took {took:?}, above {TIME_TARGET:?}"
    );
    s.keys(&["Escape"]);
    s.wait_for("Complaint queue");
    s.keys(&["q"]);
    s.wait_gone();
}
