//! The real binary in a real terminal: tmux runs the desk against a temporary
//! database with the simulated BCare client, keys go in with send-keys and the
//! screen is read back with capture-pane. From an empty queue through intake,
//! forward, receipt of the ticket number and handover.

mod support;
mod tui_support;

use tui_support::{Session, desk_command, have_tmux, type_employee_intake, write_config};

/// Fills the intake form for an employee who cannot log in, and saves it: the
/// forward pane opens next with the report.
fn intake(s: &Session, name: &str) {
    type_employee_intake(s, name);
    s.wait_for("Saved as ADU-");
    s.wait_for("Forward to BCare");
}

/// The ticket number in the worker's notice: "…: BCare gave ticket number X."
fn ticket_on(screen: &str) -> String {
    let (_, rest) = screen
        .split_once("BCare gave ticket number ")
        .expect("the delivery notice");
    let ticket: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(ticket.len(), 10, "a CEISA Care-shaped number: {ticket}");
    ticket
}

#[test]
fn from_an_empty_queue_to_a_handed_over_ticket() {
    if !have_tmux() {
        eprintln!("SKIPPED: tmux is not installed; the end-to-end test needs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let config = write_config(dir.path());
    let name = format!("bcare-e2e-{}", std::process::id());
    let s = Session::start(&name, &desk_command(&db, &config, "en"));

    s.wait_for("No complaints here yet.");
    s.wait_for("BCare: simulator");

    // Intake; the forward pane follows with the report.
    intake(&s, "Andi Wijaya");

    // Forward: the report goes to the outbox, and the worker files it with the
    // simulated BCare in the background; its ticket number comes back on screen
    // and, since the officer waited for it, the handover pane opens.
    s.wait_for("Account locked since this morning.");
    s.keys(&["Enter"]);
    let screen = s.wait_for("BCare gave ticket number");
    let ticket = ticket_on(&screen);

    // Handover
    s.wait_for("Hand over to applicant");
    s.wait_for(&format!("BCare ticket number: {ticket}"));
    s.keys(&["Enter"]);
    let screen = s.wait_for("handed over; the SLA clock stopped");
    assert!(screen.contains("Handed over"), "{screen}");
    assert!(screen.contains("0 on the clock"), "{screen}");

    // A second caller with the same problem: the receipt pane links the complaint
    // to the ticket already filed, picked from the list of open tickets.
    intake(&s, "Siti Rahma");
    s.keys(&["Escape"]);
    s.wait_for("Complaint queue");
    s.keys(&["t"]);
    s.wait_for("BCare ticket number");
    s.wait_for(&ticket);
    s.keys(&["Tab", "Enter"]);
    s.wait_for(&format!("ticket number {ticket} recorded"));
    s.wait_for("Hand over to applicant");
    s.keys(&["Enter"]);
    let screen = s.wait_for("handed over; the SLA clock stopped");
    assert!(screen.contains("0 on the clock"), "{screen}");

    // The section's report for this month: both received and handed over in time.
    s.keys(&["l"]);
    s.wait_for("PDAD section report");
    let screen = s.wait_for("received 2 · handed over 2 · in time 2 · late 0");
    assert!(screen.contains("100.0 % (2/2)"), "{screen}");
    assert!(screen.contains("Nothing late."), "{screen}");
    // Last month had none of them.
    s.keys(&["Right"]);
    s.wait_for("‹ Last month ›");
    s.wait_for("No complaints in this period.");
    s.keys(&["Escape"]);
    s.wait_for("Complaint queue");

    s.keys(&["q"]);
    s.wait_gone();
}
