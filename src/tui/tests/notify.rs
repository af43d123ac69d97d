//! Telling applicants on the desk: `m` (or `h` on a resolved complaint) opens
//! the notify pane with each applicant's own message; Enter copies it and
//! records the notice, then the SKM line keeps their satisfaction.

use super::*;

/// Two complaints handed over on one morning, both resolved by Dir. IKC.
fn two_resolved(lang: Lang, size: (u16, u16)) -> Harness {
    let mut h = Harness::new(lang, size);
    file_to_ticket(&mut h, "A0254EB2B1");
    h.key(KeyCode::Enter);
    file_to_ticket(&mut h, "A0254EB2B2");
    h.key(KeyCode::Enter);
    h.desk
        .resolve("ADU-2026-00001", "Akun dibuka kembali oleh Dir. IKC")
        .unwrap();
    h.desk.resolve("ADU-2026-00002", "").unwrap();
    // The queue shows every stage, the resolved ones among them.
    h.key(KeyCode::Char('s'));
    while h.app.queue.filter != StageFilter::All {
        h.key(KeyCode::Char('s'));
    }
    h
}

fn select(h: &mut Harness, reference: &str) {
    for _ in 0..h.app.queue.rows.len() {
        if h.app
            .queue
            .selected_row()
            .map(|r| r.complaint.reference.as_str())
            == Some(reference)
        {
            return;
        }
        h.key(KeyCode::Down);
    }
    panic!("{reference} not in the queue");
}

fn notify_pane(h: &Harness) -> &crate::tui::notify::NotifyState {
    match &h.app.pane {
        Pane::Notify(n) => n,
        other => panic!("expected the notify pane, got {other:?}"),
    }
}

#[test]
fn picked_applicants_are_told_one_after_another_and_asked_their_satisfaction() {
    let mut h = two_resolved(Lang::Id, (120, 35));
    assert_eq!(h.desk.notices_owed().unwrap(), 2);
    select(&mut h, "ADU-2026-00001");
    h.key(KeyCode::Char(' '));
    select(&mut h, "ADU-2026-00002");
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char('m'));
    let n = notify_pane(&h);
    assert_eq!(n.callers.len(), 2);
    let screen = h.render_uncut();
    // Their own message: their name, the ticket, the resolution note quoted.
    assert!(screen.contains("Andi Wijaya"), "{screen}");
    assert!(screen.contains("A0254EB2B1"), "{screen}");
    assert!(
        screen.contains("Akun dibuka kembali oleh Dir. IKC"),
        "{screen}"
    );
    insta::assert_snapshot!("notify_id_120x35", screen);

    // Enter: copied and recorded; the SKM line opens.
    h.key(KeyCode::Enter);
    assert!(h.copies.last().unwrap().contains("A0254EB2B1"));
    assert_eq!(h.desk.notices_owed().unwrap(), 1);
    assert!(notify_pane(&h).skm.is_some(), "the SKM line is asked");
    h.type_text("434-43424");
    insta::assert_snapshot!("notify_skm_id_120x35", h.render_uncut());
    h.key(KeyCode::Enter);
    // The next applicant comes up; an empty SKM line skips the survey.
    assert_eq!(
        notify_pane(&h).current().unwrap().complaint.reference,
        "ADU-2026-00002"
    );
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter);
    assert!(
        matches!(h.app.pane, Pane::Queue),
        "all told: back to the queue"
    );
    assert_eq!(h.desk.notices_owed().unwrap(), 0);
    let report = h
        .desk
        .section_report(
            crate::domain::report::Period::day(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            ),
            crate::domain::report::GroupBy::Category,
        )
        .unwrap();
    assert_eq!(report.skm.respondents, 1, "one answered, one skipped");
}

#[test]
fn h_on_a_resolved_complaint_notifies_and_a_wrong_skm_line_is_named() {
    let mut h = two_resolved(Lang::En, (80, 24));
    select(&mut h, "ADU-2026-00002");
    h.key(KeyCode::Char('h'));
    assert_eq!(notify_pane(&h).callers.len(), 1);
    insta::assert_snapshot!("notify_en_80x24", h.render_uncut());
    h.key(KeyCode::Enter);
    // Letters and fives never reach the line; eight answers are refused by name.
    h.type_text("4x3-4454-");
    assert_eq!(notify_pane(&h).skm.as_deref(), Some("43-444-"));
    h.key(KeyCode::Enter);
    let err = notify_pane(&h).error.clone().unwrap_or_default();
    assert!(err.contains("nine") && err.contains('7'), "{err}");
    insta::assert_snapshot!("notify_skm_en_80x24", h.render_uncut());
    h.type_text("44");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
}

#[test]
fn m_on_a_complaint_not_resolved_says_why() {
    let mut h = Harness::new(Lang::En, (120, 35));
    h.fill_intake();
    h.save_to_queue();
    h.key(KeyCode::Char('m'));
    assert!(matches!(h.app.pane, Pane::Queue));
    let notice = h
        .app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("No resolved complaint"), "{notice}");
}
