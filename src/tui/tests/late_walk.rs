//! Late callers in the handover walk: Enter on one, or `a` for a channel, asks for
//! the late reason as the single handover pane does, then records it.

use super::{Harness, desk_at};
use crate::desk::LinkTarget;
use crate::domain::complaint::Stage;
use crate::domain::msg::Lang;
use crate::domain::report::{GroupBy, LateReason, Period};
use crate::tui::action::{Action, Msg};
use crate::tui::app::Pane;
use crate::tui::effect::Effect;
use crate::tui::outcome::Outcome;
use crate::tui::scope::Scope;
use crate::tui::update;
use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;

const TICKET: &str = "A0254EB2B1";
const CALLERS: [&str; 3] = ["ADU-2026-00001", "ADU-2026-00002", "ADU-2026-00003"];

/// Three callers on one ticket, received at 09:00; the desk and the screen at 12:30,
/// past their 11:00 deadline; the walk open on them.
fn late_walk(lang: Lang, size: (u16, u16)) -> Harness {
    let mut h = Harness::new(lang, size);
    for _ in CALLERS {
        h.fill_intake();
        h.ctrl('s');
        h.key(KeyCode::Esc);
    }
    h.desk.forward(CALLERS[0]).unwrap();
    h.desk.record_ticket(CALLERS[0], TICKET).unwrap();
    h.desk
        .link_many(
            &[CALLERS[1].to_string(), CALLERS[2].to_string()],
            &LinkTarget::Ticket(TICKET.into()),
        )
        .unwrap();
    h.desk = desk_at(&h, 12, 30);
    h.send(Msg::Tick(
        Utc.with_ymd_and_hms(2026, 11, 30, 4, 30, 0).unwrap(),
    ));
    // The incident view of the ticket, as `i` on a caller opens it.
    let incident = h.desk.incident(TICKET).unwrap();
    h.send(Msg::Done(Outcome::IncidentLoaded(Box::new(incident))));
    assert!(
        matches!(h.app.pane, Pane::Incident(_)),
        "{:?}",
        h.app.notice
    );
    h.key(KeyCode::Char('h'));
    let Pane::Walk(w) = &h.app.pane else {
        panic!("the walk, got {:?}", h.app.notice)
    };
    assert_eq!(w.remaining(), 3);
    h
}

fn reasons_today(h: &Harness) -> Vec<(String, Option<String>)> {
    let today = Period::day(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    h.desk
        .section_report(today, GroupBy::Category)
        .unwrap()
        .late_list
        .into_iter()
        .map(|l| (l.reference, l.reason))
        .collect()
}

#[test]
fn enter_on_a_late_caller_asks_why_then_records_the_reason() {
    let mut h = late_walk(Lang::En, (120, 35));
    h.copies.clear();
    h.key(KeyCode::Enter);
    assert_eq!(h.app.scope(), Scope::WalkLate, "{:?}", h.app.notice);
    assert!(h.copies.is_empty(), "nothing copied before the reason");
    assert_eq!(h.desk.get(CALLERS[0]).unwrap().stage, Stage::Ticketed);
    let screen = h.render_uncut();
    assert!(
        screen.contains("Past the SLA deadline 2026-11-30 11:00: why?"),
        "{screen}"
    );
    // Enter without a reason says so and records nothing.
    h.key(KeyCode::Enter);
    assert!(
        h.app
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("pick the reason")
    );
    assert_eq!(h.desk.get(CALLERS[0]).unwrap().stage, Stage::Ticketed);
    // "b" picks BCare down by its name; typing then goes to the words.
    h.type_text("bserver mati");
    h.key(KeyCode::Enter);
    assert_eq!(h.desk.get(CALLERS[0]).unwrap().stage, Stage::HandedOver);
    assert!(h.copies[0].contains(CALLERS[0]) && h.copies[0].contains(TICKET));
    assert_eq!(
        reasons_today(&h),
        [(
            CALLERS[0].to_string(),
            Some("bcare-down: server mati".into())
        )]
    );
    // The walk goes on to the next caller, not asking until Enter on it.
    let Pane::Walk(w) = &h.app.pane else {
        panic!("the walk goes on: {:?}", h.app.notice)
    };
    assert!(w.late.is_none());
    assert_eq!(w.current().unwrap().complaint.reference, CALLERS[1]);
    // Esc in the question goes back to the walk and records nothing.
    h.key(KeyCode::Enter);
    assert_eq!(h.app.scope(), Scope::WalkLate);
    h.key(KeyCode::Esc);
    assert_eq!(h.app.scope(), Scope::Walk);
    assert_eq!(h.desk.get(CALLERS[1]).unwrap().stage, Stage::Ticketed);
}

#[test]
fn a_for_a_channel_with_late_callers_asks_one_reason_for_all() {
    let mut h = late_walk(Lang::En, (120, 35));
    h.copies.clear();
    h.key(KeyCode::Char('a'));
    assert_eq!(h.app.scope(), Scope::WalkLate);
    assert!(h.copies.is_empty());
    let screen = h.render_uncut();
    assert!(
        screen.contains("3 of 3 by In person are past the SLA deadline: why?"),
        "{screen}"
    );
    // ↓ picks the first reason, as in the handover pane.
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue), "{:?}", h.app.notice);
    for r in CALLERS {
        assert_eq!(h.desk.get(r).unwrap().stage, Stage::HandedOver, "{r}");
    }
    let code = LateReason::ALL[0].code().to_string();
    let mut got = reasons_today(&h);
    got.sort();
    assert_eq!(
        got,
        CALLERS
            .iter()
            .map(|r| (r.to_string(), Some(code.clone())))
            .collect::<Vec<_>>()
    );
    let list = h.copies.last().unwrap();
    assert!(CALLERS.iter().all(|r| list.contains(&format!("=== {r}"))));
}

#[test]
fn the_walk_asks_through_update_alone_and_carries_the_reason_in_its_effect() {
    let mut h = late_walk(Lang::Id, (120, 35));
    let app = &mut h.app;
    assert!(update::update(app, Msg::Do(Action::Confirm)).is_empty());
    assert!(
        update::update(app, Msg::Do(Action::Confirm)).is_empty(),
        "no reason yet"
    );
    update::update(app, Msg::Do(Action::Up));
    let fx = update::update(app, Msg::Do(Action::Confirm));
    let last = LateReason::ALL[LateReason::ALL.len() - 1]
        .code()
        .to_string();
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::Copy(_), Effect::WalkHandOver { reference, late: Some((code, words)), .. }]
                if reference == CALLERS[0] && *code == last && words.is_empty()
        ),
        "{fx:?}"
    );
    // The bulk form carries the one reason for all.
    let Pane::Walk(w) = &mut app.pane else {
        panic!()
    };
    w.late = None;
    assert!(update::update(app, Msg::Do(Action::HandOverAll)).is_empty());
    update::update(app, Msg::Do(Action::Down));
    let fx = update::update(app, Msg::Do(Action::Confirm));
    let first = LateReason::ALL[0].code().to_string();
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::Copy(_), Effect::HandOverMany { refs, late: Some((code, _)), .. }]
                if refs.len() == 3 && *code == first
        ),
        "{fx:?}"
    );
}

#[test]
fn snapshots_of_the_walk_asking_why() {
    for lang in [Lang::Id, Lang::En] {
        for size in [(120, 35), (80, 24)] {
            let mut h = late_walk(lang, size);
            h.key(KeyCode::Enter);
            h.type_text("1");
            h.type_text("server mati");
            let suffix = super::snapshot_suffix(lang, size);
            insta::assert_snapshot!(format!("walk_late_{suffix}"), h.render_uncut());
        }
    }
}
