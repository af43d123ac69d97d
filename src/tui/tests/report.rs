//! The section's report pane from the keyboard: its periods, its figures asked
//! for and a stale answer dropped, and the palette's words for it.

use super::*;

#[test]
fn the_report_pane_counts_the_period_and_switches_it() {
    let mut h = report_fixture(Lang::En, (120, 35));
    h.key(KeyCode::Char('l'));
    let Pane::Report(r) = &h.app.pane else {
        panic!("the report pane opens on l: {:?}", h.app.pane);
    };
    let report = r.report.as_ref().expect("counted by the effect");
    assert_eq!(r.period.from.to_string(), "2026-11-01", "this month first");
    assert_eq!(report.totals.received, 3);
    assert_eq!(report.totals.handed_over, 2);
    assert_eq!(report.totals.within_sla, 1);
    assert_eq!(report.totals.late, 1);
    assert_eq!(report.totals.open, 1);
    assert_eq!(report.totals.sla_pct, Some(50.0));
    let screen = h.render_uncut();
    assert!(screen.contains("50.0 %"), "{screen}");
    assert!(screen.contains("ADU-2026-00002"), "the late list: {screen}");
    assert!(
        screen.contains("BCare down: server BCare mati"),
        "with its reason: {screen}"
    );
    // Tab: last month, where nothing was received.
    h.key(KeyCode::Tab);
    let Pane::Report(r) = &h.app.pane else {
        panic!()
    };
    assert_eq!(r.period.from.to_string(), "2026-10-01");
    assert!(h.render().contains("No complaints in this period."));
    // Past the shift handoff, back round to today, which holds the three again.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    let Pane::Report(r) = &h.app.pane else {
        panic!()
    };
    assert_eq!(r.period.from, r.period.to, "today");
    assert_eq!(r.report.as_ref().unwrap().totals.received, 3);
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue));
}

#[test]
fn the_report_asks_for_its_figures_and_drops_a_stale_answer() {
    let mut app = bare_app();
    let fx = update::update(&mut app, Msg::Do(Action::OpenReport));
    let Some(Effect::LoadSectionReport(month)) = fx.first().cloned() else {
        panic!("the figures come through an effect: {fx:?}");
    };
    update::update(&mut app, Msg::Do(Action::ChoiceNext));
    // This month's answer arrives after the switch to last month: not shown.
    let stale = crate::domain::report::compute(
        &[],
        &Default::default(),
        month,
        crate::domain::report::GroupBy::Category,
        &crate::domain::calendar::WorkCalendar::builtin(),
        chrono::TimeDelta::hours(2),
    );
    update::update(
        &mut app,
        Msg::Done(Outcome::SectionReportLoaded(Box::new(stale))),
    );
    let Pane::Report(r) = &app.pane else { panic!() };
    assert_ne!(r.period, month);
    assert!(r.report.is_none());
}

#[test]
fn the_palette_finds_the_report_by_laporan_and_report() {
    let app = bare_app();
    for word in ["laporan", "report"] {
        let found = palette::palette_matches(&app, word);
        assert_eq!(
            found.first().map(|b| b.action),
            Some(Action::OpenReport),
            "{word}"
        );
    }
}

#[test]
fn a_long_late_list_says_how_many_more_and_a_failed_count_says_why() {
    let mut h = Harness::new(Lang::En, (80, 24));
    h.key(KeyCode::Char('l'));
    let Pane::Report(r) = &mut h.app.pane else {
        panic!()
    };
    let mut report = r.report.clone().unwrap();
    report.totals.received = 9;
    let at = monday_morning();
    report.late_list = (1..=9)
        .map(|i| crate::domain::report::LateEntry {
            reference: format!("ADU-2026-{i:05}"),
            received_at: at,
            handed_over_at: at + chrono::TimeDelta::hours(3),
            working_minutes: 180,
            reason: Some("other: -".into()),
        })
        .collect();
    r.report = Some(report);
    let screen = h.render_uncut();
    assert!(screen.contains("ADU-2026-00001"), "{screen}");
    assert!(!screen.contains("ADU-2026-00009"), "{screen}");
    assert!(screen.contains("more: bcare-desk report"), "{screen}");
    let shown = (1..=9)
        .filter(|i| screen.contains(&format!("ADU-2026-{i:05}")))
        .count();
    assert!(
        screen.contains(&format!("and {} more", 9 - shown)),
        "{screen}"
    );
    // A count that fails says so in the pane, not only in the passing notice.
    let Pane::Report(r) = &mut h.app.pane else {
        panic!()
    };
    r.report = None;
    h.send(Msg::Done(Outcome::Failed("disk I/O error".into())));
    h.app.notice = None;
    assert!(h.render().contains("disk I/O error"), "{}", h.render());
}

#[test]
fn the_report_pane_shows_the_satisfaction_index_once_someone_answered() {
    for lang in [Lang::Id, Lang::En] {
        let mut h = report_fixture(lang, (120, 35));
        h.key(KeyCode::Char('l'));
        assert!(!h.render_uncut().contains("SKM"), "no line before a survey");
        h.key(KeyCode::Esc);
        h.desk
            .record_survey("ADU-2026-00001", "4,4,3,-,4,4,4,3,4")
            .unwrap();
        h.desk
            .record_survey("ADU-2026-00002", "3,3,3,3,3,3,3,3,3")
            .unwrap();
        h.key(KeyCode::Char('l'));
        let screen = h.render_uncut();
        // u1..u9 means 3.5 3.5 3 3 3.5 3.5 3.5 3 3.5 → 30/9 = 3.3333 → 83.33 (B).
        let line = match lang {
            Lang::Id => "SKM: IKM 83,33 (mutu B) dari 2 responden",
            Lang::En => "SKM: IKM 83.33 (grade B) from 2 respondents",
        };
        assert!(screen.contains(line), "{screen}");
        let suffix = snapshot_suffix(lang, (120, 35));
        insta::assert_snapshot!(format!("report_skm_{suffix}"), screen);
    }
}
