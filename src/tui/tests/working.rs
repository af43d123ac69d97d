//! The desk's thread held (a locked file, a far server): the screen says it is
//! working, keys stay live, and a step taken again while the first is still
//! being written is refused instead of filed twice.

use super::*;
use crate::tui::form::Field;
use crate::tui::work::Job;

const STEP: Job = Job { step: true };

#[test]
fn a_second_save_while_the_first_is_out_is_refused_not_filed_twice() {
    let mut h = Harness::new(Lang::En, (120, 35));
    h.fill_intake();
    // The first save went to the desk's thread and is held there.
    h.send(Msg::Posted(STEP, monday_morning()));
    let fx = update::update(&mut h.app, Msg::Do(Action::Save));
    assert!(fx.is_empty(), "nothing asked while a step is out: {fx:?}");
    assert!(matches!(h.app.pane, Pane::Intake(_)), "the form stays");
    let notice = h
        .app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("still being saved"), "{notice}");

    // Moving between fields and typing go on meanwhile.
    h.press(KeyCode::BackTab, KeyModifiers::SHIFT);
    let field = h.intake().focused();
    assert_ne!(field, Field::Description, "the focus moved");
    h.type_text(" lagi");
    assert!(h.intake().text(field).ends_with(" lagi"), "{field:?}");

    // Answered: the same key saves, once.
    h.send(Msg::Settled(STEP));
    h.ctrl('s');
    assert!(matches!(h.app.pane, Pane::Forward(_) | Pane::Suggest(_)));
    let saved = h
        .desk
        .list(&crate::desk::ListQuery {
            stages: vec![Stage::Received],
            deadline_before: None,
            category: None,
            after: None,
            limit: 10,
        })
        .unwrap();
    assert_eq!(saved.len(), 1, "one complaint, not two");
}

#[test]
fn held_work_shows_a_mark_that_counts_and_goes_when_answered() {
    let mut h = Harness::new(Lang::Id, (80, 24));
    let t0 = monday_morning();
    h.send(Msg::Posted(STEP, t0));
    assert!(!h.render().contains('⏳'), "no mark in the first blink");
    h.send(Msg::Slow);
    assert!(h.render().contains("⏳ menyimpan… 0 dtk"), "{}", h.render());
    h.send(Msg::Tick(t0 + chrono::TimeDelta::seconds(3)));
    assert!(h.render().contains("⏳ menyimpan… 3 dtk"), "{}", h.render());
    // The help opens meanwhile: the keys are live.
    h.key(KeyCode::Char('?'));
    assert_eq!(h.app.overlay, Some(crate::tui::app::Overlay::Help));
    h.key(KeyCode::Char('?'));
    h.send(Msg::Settled(STEP));
    assert!(!h.render().contains('⏳'), "{}", h.render());
}

#[test]
fn a_read_held_says_working_and_takes_no_step_from_the_officer() {
    let mut h = Harness::new(Lang::En, (120, 35));
    let read = Job { step: false };
    h.send(Msg::Posted(read, monday_morning()));
    h.send(Msg::Slow);
    assert!(h.render().contains("⏳ working… 0 s"), "{}", h.render());
    // A read out does not hold a step back.
    h.fill_intake();
    h.ctrl('s');
    assert!(matches!(h.app.pane, Pane::Forward(_) | Pane::Suggest(_)));
}
