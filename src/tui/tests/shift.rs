//! The shift handoff in the report pane and the notices owed on the status bar.

use super::{Harness, bare_app, monday_morning, report_fixture};
use crate::domain::complaint::Stage;
use crate::domain::msg::Lang;
use crate::tui::action::{Action, Msg};
use crate::tui::app::{Pane, ReportSpan};
use crate::tui::effect::Effect;
use crate::tui::outcome::Outcome;
use crate::tui::shift::{OpenItem, ShiftHandoff};
use crate::tui::update;
use crossterm::event::KeyCode;

/// The report fixture with the in-time complaint solved: its applicant is owed a notice.
fn handoff_fixture(lang: Lang, size: (u16, u16)) -> Harness {
    let mut h = report_fixture(lang, size);
    h.desk
        .resolve("ADU-2026-00001", "akun dibuka kembali")
        .unwrap();
    h
}

/// From the queue to the handoff: `l`, then the period switch to its last entry.
fn open_handoff(h: &mut Harness) {
    h.key(KeyCode::Char('l'));
    while !matches!(&h.app.pane, Pane::Report(r) if r.span == ReportSpan::Shift) {
        h.key(KeyCode::Tab);
    }
}

#[test]
fn the_handoff_lists_what_the_next_officer_inherits() {
    let mut h = handoff_fixture(Lang::En, (120, 35));
    open_handoff(&mut h);
    let Pane::Report(r) = &h.app.pane else {
        panic!()
    };
    let s = r.shift.as_ref().expect("read by the effect");
    let open: Vec<(&str, Stage)> = s
        .open
        .iter()
        .map(|o| (o.reference.as_str(), o.stage))
        .collect();
    // The clock runs on the received one: it comes first.
    assert_eq!(
        open,
        [
            ("ADU-2026-00003", Stage::Received),
            ("ADU-2026-00002", Stage::HandedOver)
        ]
    );
    assert_eq!(s.notices_owed.len(), 1);
    assert_eq!(s.notices_owed[0].reference, "ADU-2026-00001");
    assert!(s.outbox.is_empty() && s.tickets_to_chase.is_empty());
    let screen = h.render_uncut();
    for want in [
        "Shift handoff · 2026-11-30 09:00",
        "Open complaints (2)",
        "ADU-2026-00003  Received     PDAD      due 2026-11-30 11:00",
        "ADU-2026-00002  Handed over  Dir. IKC  ticket A0254EB2B2",
        "Reports waiting for BCare (0)",
        "Applicants owed a notice (1)",
        "ADU-2026-00001  ticket A0254EB2B1",
        "Tickets to chase at Dir. IKC (0)",
    ] {
        assert!(screen.contains(want), "{want}\n{screen}");
    }
    // Tab goes round to today's figures.
    h.key(KeyCode::Tab);
    let Pane::Report(r) = &h.app.pane else {
        panic!()
    };
    assert_eq!(r.span, ReportSpan::Today);
    assert!(r.shift.is_none());
}

#[test]
fn the_handoff_is_read_by_an_effect_and_a_stale_answer_is_dropped() {
    let mut app = bare_app();
    update::update(&mut app, Msg::Do(Action::OpenReport));
    let fx = update::update(&mut app, Msg::Do(Action::ChoiceNext));
    assert!(
        matches!(&app.pane, Pane::Report(r) if r.span == ReportSpan::LastMonth),
        "{:?}",
        app.pane
    );
    assert!(matches!(fx.first(), Some(Effect::LoadSectionReport(_))));
    // Forward from last month: the handoff, through an effect.
    let fx = update::update(&mut app, Msg::Do(Action::ChoiceNext));
    assert!(matches!(fx.as_slice(), [Effect::LoadShift]), "{fx:?}");
    // Today's figures arriving now (same day as the handoff) are not the handoff.
    let Pane::Report(r) = &app.pane else { panic!() };
    let today = crate::domain::report::compute(
        &[],
        &Default::default(),
        r.period,
        crate::domain::report::GroupBy::Category,
        &crate::domain::calendar::WorkCalendar::builtin(),
        chrono::TimeDelta::hours(2),
    );
    update::update(
        &mut app,
        Msg::Done(Outcome::SectionReportLoaded(Box::new(today))),
    );
    let Pane::Report(r) = &app.pane else { panic!() };
    assert!(r.report.is_none());
    // And a handoff arriving after the officer moved on is dropped.
    update::update(&mut app, Msg::Do(Action::ChoiceNext));
    update::update(
        &mut app,
        Msg::Done(Outcome::ShiftLoaded(Box::new(ShiftHandoff {
            open: Vec::new(),
            outbox: Vec::new(),
            tickets_to_chase: Vec::new(),
            notices_owed: Vec::new(),
        }))),
    );
    let Pane::Report(r) = &app.pane else { panic!() };
    assert_eq!(r.span, ReportSpan::Today);
    assert!(r.shift.is_none());
}

#[test]
fn a_long_handoff_keeps_every_heading_and_says_how_many_more() {
    let mut h = handoff_fixture(Lang::En, (80, 24));
    open_handoff(&mut h);
    let Pane::Report(r) = &mut h.app.pane else {
        panic!()
    };
    let s = r.shift.as_mut().unwrap();
    s.open = (1..=40)
        .map(|i| OpenItem {
            reference: format!("ADU-2026-{i:05}"),
            applicant: format!("Pemohon {i}"),
            subject: "Tidak bisa login".into(),
            stage: Stage::Received,
            ticket_no: None,
            sla_deadline: monday_morning() - chrono::TimeDelta::minutes(i),
        })
        .collect();
    let screen = h.render_uncut();
    for want in [
        "Open complaints (40)",
        "Reports waiting for BCare (0)",
        "Applicants owed a notice (1)",
        "ADU-2026-00001  ticket A0254EB2B1",
        "Tickets to chase at Dir. IKC (0)",
        "due 2026-11-30 08:59 LATE",
    ] {
        assert!(screen.contains(want), "{want}\n{screen}");
    }
    let shown = (1..=40)
        .filter(|i| screen.contains(&format!("ADU-2026-{i:05}  Received")))
        .count();
    assert!(shown >= 3, "{screen}");
    assert!(
        screen.contains(&format!(
            "and {} more: bcare-desk report --shift",
            40 - shown
        )),
        "{screen}"
    );
}

#[test]
fn snapshots_of_the_shift_handoff() {
    for lang in [Lang::Id, Lang::En] {
        for size in [(120, 35), (80, 24)] {
            let mut h = handoff_fixture(lang, size);
            open_handoff(&mut h);
            let suffix = super::snapshot_suffix(lang, size);
            insta::assert_snapshot!(format!("shift_{suffix}"), h.render_uncut());
        }
    }
}

#[test]
fn the_handoff_reads_again_when_another_connection_writes() {
    let mut h = handoff_fixture(Lang::En, (120, 35));
    open_handoff(&mut h);
    let mut other = h.other_desk();
    other.resolve("ADU-2026-00002", "sudah normal").unwrap();
    h.send(Msg::Tick(monday_morning()));
    let Pane::Report(r) = &h.app.pane else {
        panic!()
    };
    let s = r.shift.as_ref().unwrap();
    assert_eq!(s.open.len(), 1, "{:?}", s.open);
    assert_eq!(s.notices_owed.len(), 2);
    assert!(h.render_uncut().contains("Applicants owed a notice (2)"));
}

#[test]
fn the_status_bar_counts_the_notices_owed_and_keeps_the_calendar_alarm() {
    let mut h = Harness::new(Lang::Id, (80, 24));
    let status = |h: &Harness| h.render_uncut().lines().last().unwrap().to_string();
    assert!(
        !status(&h).contains("perlu dikabari"),
        "none owed, none said: {}",
        status(&h)
    );
    // Resolved from the command line: the count comes with the others on the next tick.
    let mut other = h.other_desk();
    file_and_hand_over(&mut other);
    other.resolve("ADU-2026-00001", "sudah normal").unwrap();
    h.send(Msg::Tick(monday_morning()));
    assert_eq!(h.app.counts.notices_owed, 1);
    let s = status(&h);
    assert!(s.contains("1 perlu dikabari"), "{s}");
    // It outranks the reports waiting to be sent when the bar is short.
    assert!(!s.contains("menunggu kirim"), "{s}");
    // The calendar alarm is never pushed out.
    h.app.setup.calendar_notice = Some(crate::domain::calendar::CalendarNotice::ThisYear {
        year: 2027,
        coverage: crate::domain::calendar::Coverage::Missing,
    });
    h.app.counts.queue.running = 12;
    h.app.counts.queue.breached = 3;
    h.app.counts.notices_owed = 14;
    let s = status(&h);
    assert!(s.contains("KALENDER TANPA DATA LIBUR 2027"), "{s}");
    assert!(s.contains("3 lewat"), "{s}");
    // Wider, it shows beside the alarm.
    h.app.size = (120, 35);
    let s = status(&h);
    assert!(s.contains("14 perlu dikabari"), "{s}");
    assert!(s.contains("KALENDER TANPA DATA LIBUR 2027"), "{s}");
}

/// A complaint filed, forwarded, numbered and handed over through the desk API.
fn file_and_hand_over(desk: &mut crate::desk::Desk) {
    let form = super::employee_form();
    desk.intake(&form).unwrap();
    desk.forward("ADU-2026-00001").unwrap();
    desk.record_ticket("ADU-2026-00001", "A0254EB2B1").unwrap();
    desk.hand_over("ADU-2026-00001", "telepon").unwrap();
}

#[test]
fn a_row_too_long_for_the_pane_keeps_its_indent_and_ends_in_an_ellipsis() {
    let mut h = handoff_fixture(Lang::En, (80, 24));
    open_handoff(&mut h);
    let Pane::Report(r) = &mut h.app.pane else {
        panic!()
    };
    let s = r.shift.as_mut().unwrap();
    s.outbox = vec![crate::tui::shift::WaitingReport {
        reference: "ADU-2026-00009".into(),
        state: crate::desk::OutboxState::Pending,
        attempts: 3,
        next_attempt_at: monday_morning() + chrono::TimeDelta::minutes(5),
        last_error: Some("BCare busy or unavailable (HTTP 503), will try again later".into()),
    }];
    let screen = h.render_uncut();
    let row = screen
        .lines()
        .find(|l| l.contains("ADU-2026-00009"))
        .unwrap();
    assert!(
        row.starts_with(
            "\"│  ADU-2026-00009  waiting to send; tried 3×, next at 2026-11-30 09:05  BCare"
        ),
        "{row}"
    );
    assert!(row.contains("…"), "{row}");
}
