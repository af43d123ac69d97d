//! The steps after intake from the keyboard: forwarding, the receipt of the
//! ticket number, the handover (late or not), resolving and cancelling.

use super::*;

#[test]
fn forward_can_be_cancelled_and_the_report_edited() {
    let mut h = Harness::with_client(Lang::Id, (100, 30), ClientKind::Sim);
    h.fill_intake();
    h.save_to_queue();
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(h.selected_stage(), Stage::Received, "Esc sends nothing");

    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Char('e'));
    h.type_text(" Mohon segera.");
    h.key(KeyCode::Esc); // done editing
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(h.selected_stage(), Stage::Forwarded);
    assert_eq!(h.nudges, 1, "the worker is woken");
    assert_eq!(h.app.counts.queue.waiting_to_send, 1);
    let outbox = h.desk.dossier("ADU-2026-00001").unwrap().outbox;
    assert!(outbox[0].payload.contains("Mohon segera."));
    assert!(h.copies.is_empty(), "sim/http send; nothing to paste");
}

#[test]
fn a_password_typed_into_the_report_is_refused_and_nothing_is_sent() {
    let mut h = Harness::with_client(Lang::En, (100, 30), ClientKind::Sim);
    h.fill_intake();
    h.save_to_queue();
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Char('e'));
    h.type_text(" password: Rahasia123");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Enter);
    assert!(
        matches!(h.app.pane, Pane::Forward(_)),
        "stays on the report"
    );
    let notice = h.app.notice.as_ref().expect("a notice");
    assert_eq!(notice.tone, crate::tui::app::Tone::Bad);
    assert!(notice.text.contains("password"), "{}", notice.text);
    assert_eq!(h.selected_stage(), Stage::Received);
    assert!(h.desk.dossier("ADU-2026-00001").unwrap().outbox.is_empty());
    assert_eq!(h.nudges, 0);
}

#[test]
fn receipt_refuses_garbage_and_links_to_an_open_ticket() {
    let mut h = Harness::new(Lang::En, (100, 30));
    for _ in 0..2 {
        h.fill_intake();
        h.save_to_queue();
    }
    // The first gets a ticket the normal way.
    h.app.queue.selected = 0;
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Enter);
    h.type_text("A0254EB2B1");
    h.key(KeyCode::Enter);
    assert_eq!(
        h.app.notice.as_ref().unwrap().tone,
        crate::tui::app::Tone::Good
    );
    assert!(matches!(h.app.pane, Pane::Handover(_)), "handover follows");
    h.key(KeyCode::Esc);
    // The second caller has the same outage: link it.
    let second = h
        .app
        .queue
        .rows
        .iter()
        .position(|r| r.complaint.stage == Stage::Received)
        .unwrap();
    h.app.queue.selected = second;
    h.key(KeyCode::Char('t'));
    h.type_text("bad ticket!");
    h.key(KeyCode::Enter);
    let Pane::Receipt(r) = &h.app.pane else {
        panic!("receipt stays open on a refusal")
    };
    assert!(
        r.error.as_deref().unwrap().contains("only letters"),
        "{:?}",
        r.error
    );
    assert_eq!(r.open_tickets.len(), 1);
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert!(
        matches!(&h.app.pane, Pane::Handover(ho) if ho.complaint.reference == "ADU-2026-00002")
    );
    let c = h.desk.get("ADU-2026-00002").unwrap();
    assert_eq!(c.ticket_no.as_deref(), Some("A0254EB2B1"));
    assert_eq!(c.linked_to.as_deref(), Some("ADU-2026-00001"));
}

#[test]
fn esc_with_unsaved_edits_asks_before_dropping_them() {
    let mut h = Harness::with_client(Lang::En, (100, 30), ClientKind::Sim);
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Char('e'));
    h.type_text(" Mohon segera.");
    h.key(KeyCode::Esc); // done editing
    h.key(KeyCode::Esc); // leave the pane: asks
    assert_eq!(
        h.app.overlay,
        Some(Overlay::Confirm(crate::tui::app::Ask::DropEdits))
    );
    assert!(matches!(h.app.pane, Pane::Forward(_)));
    h.key(KeyCode::Esc); // stay
    assert_eq!(h.app.overlay, None);
    assert!(
        matches!(&h.app.pane, Pane::Forward(f) if f.description.lines().join("\n").contains("Mohon segera."))
    );
    h.key(KeyCode::Esc);
    h.key(KeyCode::Enter); // drop
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(h.selected_stage(), Stage::Received, "nothing sent");
    // Without edits, Esc just leaves.
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(h.app.overlay, None);
}

#[test]
fn a_correction_shows_the_number_and_asks_before_replacing_it() {
    let mut h = Harness::new(Lang::En, (100, 30));
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Enter); // forward (portal)
    h.type_text("A0254EB2B1");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc); // not handing over yet
    h.key(KeyCode::Char('t'));
    let Pane::Receipt(r) = &h.app.pane else {
        panic!("receipt pane")
    };
    assert_eq!(
        r.ticket.lines().join(""),
        "A0254EB2B1",
        "starts from the number"
    );
    assert!(h.render_uncut().contains("Current number: A0254EB2B1"));
    for _ in 0..10 {
        h.key(KeyCode::Backspace);
    }
    h.type_text("B0254EB2B1");
    h.key(KeyCode::Enter);
    assert!(matches!(
        &h.app.overlay,
        Some(Overlay::Confirm(crate::tui::app::Ask::ReplaceTicket { current, .. })) if current == "A0254EB2B1"
    ));
    h.key(KeyCode::Esc);
    let c = h.desk.get("ADU-2026-00001").unwrap();
    assert_eq!(
        c.ticket_no.as_deref(),
        Some("A0254EB2B1"),
        "not replaced on Esc"
    );
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter); // yes
    let c = h.desk.get("ADU-2026-00001").unwrap();
    assert_eq!(c.ticket_no.as_deref(), Some("B0254EB2B1"));
}

#[test]
fn resolve_and_cancel_from_the_desk_and_find_them_again() {
    let mut h = Harness::new(Lang::En, (100, 30));
    for _ in 0..2 {
        h.fill_intake();
        h.save_to_queue();
    }
    // Cancel the second with a reason; an empty reason is refused at the pane.
    h.app.queue.selected = h
        .app
        .queue
        .rows
        .iter()
        .position(|r| r.complaint.reference == "ADU-2026-00002")
        .unwrap();
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.pane, Pane::Close(c) if c.error.is_some()));
    h.type_text("Pemohon menarik pengaduan");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(
        h.desk.get("ADU-2026-00002").unwrap().stage,
        Stage::Cancelled
    );
    // The first: forward, ticket, hand over, then resolve with a note.
    h.app.queue.selected = 0;
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Enter);
    h.type_text("A0254EB2B1");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter); // handover opened by itself
    h.key(KeyCode::Char('r'));
    h.type_text("Akun dibuka Dir. IKC");
    h.key(KeyCode::Enter);
    assert_eq!(h.desk.get("ADU-2026-00001").unwrap().stage, Stage::Resolved);
    assert!(h.app.queue.rows.is_empty(), "nothing open");
    // The stage filter reaches resolved, cancelled and all.
    let mut seen = Vec::new();
    for _ in 0..StageFilter::CYCLE.len() {
        h.key(KeyCode::Char('s'));
        seen.push((h.app.queue.filter, h.app.queue.rows.len()));
    }
    assert!(
        seen.contains(&(StageFilter::Only(Stage::Resolved), 1)),
        "{seen:?}"
    );
    assert!(
        seen.contains(&(StageFilter::Only(Stage::Cancelled), 1)),
        "{seen:?}"
    );
    assert!(seen.contains(&(StageFilter::All, 2)), "{seen:?}");
    assert!(seen.contains(&(StageFilter::History, 2)), "{seen:?}");
}

#[test]
fn the_report_is_saved_to_a_private_file_with_one_key() {
    use std::os::unix::fs::PermissionsExt;
    let mut h = Harness::new(Lang::En, (100, 30));
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Char('w'));
    let notice = h.app.notice.clone().unwrap().text;
    let path = h._dir.path().join("reports/ADU-2026-00001-bcare.txt");
    assert!(notice.contains(&path.display().to_string()), "{notice}");
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Tidak bisa login CEISA"));
}

#[test]
fn the_number_opens_the_handover_only_while_the_officer_waits_for_it() {
    let mut h = Harness::with_client(Lang::En, (100, 30), ClientKind::Sim);
    for _ in 0..2 {
        h.fill_intake();
        h.ctrl('s');
        h.key(KeyCode::Enter); // send
    }
    assert_eq!(h.app.awaiting.as_deref(), Some("ADU-2026-00002"));
    let mut bcare = h.other_desk();
    for r in ["ADU-2026-00001", "ADU-2026-00002"] {
        bcare.record_ticket(r, "A0254EB2B1").unwrap();
    }
    // The first one's number: not the one waited for; the queue stays.
    h.send(Msg::Done(Outcome::Delivered {
        reference: "ADU-2026-00001".into(),
        ticket_no: "A0254EB2B1".into(),
    }));
    assert!(matches!(h.app.pane, Pane::Queue));
    // The awaited one: its handover opens.
    h.send(Msg::Done(Outcome::Delivered {
        reference: "ADU-2026-00002".into(),
        ticket_no: "A0254EB2B1".into(),
    }));
    assert!(
        matches!(&h.app.pane, Pane::Handover(ho) if ho.complaint.reference == "ADU-2026-00002")
    );
    // Once the officer moved on, a number only shows as a notice.
    h.key(KeyCode::Esc);
    h.fill_intake();
    h.ctrl('s');
    // The others carry a ticket now: the same outage is offered; f forwards anyway.
    assert!(matches!(h.app.pane, Pane::Suggest(_)));
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Down);
    bcare.record_ticket("ADU-2026-00003", "A0254EB2B1").unwrap();
    h.send(Msg::Done(Outcome::Delivered {
        reference: "ADU-2026-00003".into(),
        ticket_no: "A0254EB2B1".into(),
    }));
    assert!(matches!(h.app.pane, Pane::Queue));
}

#[test]
fn a_send_failure_says_whether_the_worker_tries_again() {
    let mut h = Harness::new(Lang::En, (100, 30));
    h.send(Msg::Done(Outcome::SendFailed {
        reference: "ADU-2026-00001".into(),
        error: "BCare is busy or down (HTTP 503)".into(),
        retry_at: Some("09:05".into()),
    }));
    let busy = h.app.notice.clone().unwrap().text;
    assert!(busy.contains("retry at 09:05"), "{busy}");
    h.send(Msg::Done(Outcome::SendFailed {
        reference: "ADU-2026-00002".into(),
        error: "BCare refused the report (HTTP 400)".into(),
        retry_at: None,
    }));
    let refused = h.app.notice.clone().unwrap().text;
    assert!(
        refused.contains("not tried again") && refused.contains("outbox retry ADU-2026-00002"),
        "{refused}"
    );
    assert!(!refused.contains("retry at"), "{refused}");
}

#[test]
fn a_late_handover_asks_for_the_reason_and_records_it() {
    let mut h = late_handover(Lang::En, (120, 35));
    // Enter alone is not enough past the deadline: the reason is asked for.
    let copied = h.copies.len();
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Handover(_)), "still asking");
    assert!(
        h.app
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("pick the reason")
    );
    assert_eq!(h.copies.len(), copied, "nothing copied yet");
    // "b" picks BCare down by its name; typing then goes to the words.
    h.type_text("bserver mati");
    let Pane::Handover(p) = &h.app.pane else {
        panic!()
    };
    assert_eq!(
        p.late_reason,
        Some(crate::domain::report::LateReason::BcareDown)
    );
    assert_eq!(p.late_words.lines().join(""), "server mati");
    // Back on the reasons, a number picks directly.
    h.key(KeyCode::Tab);
    h.type_text("3");
    let Pane::Handover(p) = &h.app.pane else {
        panic!()
    };
    assert_eq!(
        p.late_reason,
        Some(crate::domain::report::LateReason::WaitingData)
    );
    h.key(KeyCode::Enter);
    assert!(
        h.app
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("ADU-2026-00001 handed over"),
        "{:?}",
        h.app.notice
    );
    let today =
        crate::domain::report::Period::day(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let report = h
        .desk
        .section_report(today, crate::domain::report::GroupBy::Category)
        .unwrap();
    assert_eq!(report.late_list.len(), 1);
    assert_eq!(
        report.late_list[0].reason.as_deref(),
        Some("waiting-data: server mati")
    );
}

#[test]
fn an_on_time_handover_asks_nothing() {
    let mut h = Harness::new(Lang::En, (120, 35));
    file_to_ticket(&mut h, "A0254EB2B1");
    assert!(!h.render().contains("Past the SLA deadline"));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
}

#[test]
fn a_handover_by_e_mail_asks_for_the_address_the_applicant_did_not_leave() {
    let mut h = Harness::new(Lang::En, (120, 35));
    file_to_ticket(&mut h, "A0254EB2B1");
    // The channel steps round to e-mail; the employee left a phone, no address.
    while !matches!(&h.app.pane, Pane::Handover(p) if p.channel == crate::domain::complaint::Channel::Email)
    {
        h.key(KeyCode::Right);
    }
    assert!(
        h.render().contains("Applicant's e-mail (none on file)"),
        "{}",
        h.render()
    );
    // Enter with nothing typed: refused, naming what is missing; nothing changes.
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Handover(_)));
    let notice = h
        .app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("e-mail"), "{notice}");
    assert_eq!(h.selected_stage(), Stage::Ticketed);
    // 'y' is typed here, not a copy: the address takes every letter.
    h.type_text("yusuf.andi@example.go.id");
    h.key(KeyCode::Enter);
    let c = h.desk.get("ADU-2026-00001").unwrap();
    assert_eq!(c.stage, Stage::HandedOver);
    assert_eq!(
        c.handover_via,
        Some(crate::domain::complaint::Channel::Email)
    );
    assert_eq!(
        c.details.applicant.email.as_deref(),
        Some("yusuf.andi@example.go.id")
    );
}
