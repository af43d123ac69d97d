//! One outage, many callers on the desk: the offer of an open ticket after intake,
//! picking in the queue, bulk steps (all or nothing), the handover walk and the
//! incident view; with snapshots of the new panes.

use super::Harness;
use crate::domain::complaint::Stage;
use crate::domain::msg::Lang;
use crate::tui::app::Pane;
use crossterm::event::KeyCode;

const TICKET: &str = "A0254EB2B1";

/// The first caller: filed by the portal, numbered and handed over by the keyboard.
fn first_caller(h: &mut Harness) {
    h.fill_intake();
    h.ctrl('s');
    assert!(
        matches!(h.app.pane, Pane::Forward(_)),
        "nothing to suggest yet"
    );
    h.key(KeyCode::Enter); // forward (portal): the receipt pane opens
    h.type_text(TICKET);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Handover(_)));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
}

/// A caller after the first, saved and left in the queue at `received`.
fn another_caller_left_received(h: &mut Harness) {
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue));
}

fn stage_of(h: &Harness, reference: &str) -> Stage {
    h.desk.get(reference).unwrap().stage
}

fn select_row(h: &mut Harness, reference: &str) {
    let i = h
        .app
        .queue
        .rows
        .iter()
        .position(|r| r.complaint.reference == reference)
        .unwrap_or_else(|| panic!("{reference} not in the queue"));
    while h.app.queue.selected > i {
        h.key(KeyCode::Up);
    }
    while h.app.queue.selected < i {
        h.key(KeyCode::Down);
    }
}

#[test]
fn intake_offers_the_open_ticket_and_one_key_links_then_hands_over() {
    let mut h = Harness::new(Lang::En, (100, 30));
    first_caller(&mut h);
    h.fill_intake();
    h.ctrl('s');
    let Pane::Suggest(s) = &h.app.pane else {
        panic!("the same outage is offered, got {:?}", h.app.pane)
    };
    assert_eq!(s.reference, "ADU-2026-00002");
    let screen = h.render_uncut();
    assert!(
        screen.contains("same problem as ADU-2026-00001, ticket A0254EB2B1?"),
        "{screen}"
    );
    // Enter links; the handover pane follows with the shared number.
    h.key(KeyCode::Enter);
    let Pane::Handover(ho) = &h.app.pane else {
        panic!("handover after the link, got {:?}", h.app.notice)
    };
    assert_eq!(ho.complaint.reference, "ADU-2026-00002");
    assert!(ho.message.contains(TICKET), "{}", ho.message);
    let c = h.desk.get("ADU-2026-00002").unwrap();
    assert_eq!(c.stage, Stage::Ticketed);
    assert_eq!(c.linked_to.as_deref(), Some("ADU-2026-00001"));
    assert!(
        h.desk.dossier("ADU-2026-00002").unwrap().outbox.is_empty(),
        "no second report"
    );
    h.key(KeyCode::Enter);
    assert_eq!(stage_of(&h, "ADU-2026-00002"), Stage::HandedOver);
}

/// Another caller about a problem only partly alike to the first (an account
/// locked, no system named).
fn fill_partly_alike(h: &mut Harness) {
    h.key(KeyCode::Char('n'));
    h.type_text("1");
    h.type_text("Sari Dewi");
    h.key(KeyCode::Enter);
    h.type_text("198501012010011003");
    h.key(KeyCode::Enter);
    h.type_text("081234567899");
    h.key(KeyCode::Enter);
    h.type_text("la");
    h.key(KeyCode::Enter);
    h.type_text("LAIN");
    h.key(KeyCode::Enter);
    h.type_text("Akun terkunci");
    h.key(KeyCode::Enter);
    h.type_text("Mohon dibuka kembali.");
}

#[test]
fn enter_on_a_partly_alike_offer_forwards_and_l_takes_it() {
    let mut h = Harness::new(Lang::En, (100, 30));
    first_caller(&mut h);
    fill_partly_alike(&mut h);
    h.ctrl('s');
    // Shown on the forward pane, not on Enter.
    let Pane::Forward(f) = &h.app.pane else {
        panic!("the forward pane stays, got {:?}", h.app.pane)
    };
    assert_eq!(f.offers.len(), 1);
    let screen = h.render_uncut();
    assert!(
        screen.contains("perhaps the same problem as ADU-2026-00001, ticket A0254EB2B1"),
        "{screen}"
    );
    // l looks at it: the offer, where Enter links.
    h.key(KeyCode::Char('l'));
    assert!(matches!(&h.app.pane, Pane::Suggest(s) if s.reference == "ADU-2026-00002"));
    h.key(KeyCode::Char('f'));
    // Enter as always: forwarded as a report of its own, linked to no one.
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Receipt(_)), "{:?}", h.app.pane);
    let c = h.desk.get("ADU-2026-00002").unwrap();
    assert_eq!(c.stage, Stage::Forwarded);
    assert_eq!(c.linked_to, None);
    assert_eq!(c.ticket_no, None);
    // And straight away: Enter on the forward pane that shows the offer forwards.
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue), "{:?}", h.app.pane);
    fill_partly_alike(&mut h);
    h.ctrl('s');
    assert!(matches!(&h.app.pane, Pane::Forward(f) if !f.offers.is_empty()));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Receipt(_)), "{:?}", h.app.pane);
    let c = h.desk.get("ADU-2026-00003").unwrap();
    assert_eq!((c.stage, c.linked_to), (Stage::Forwarded, None));
}

#[test]
fn f_on_the_offer_forwards_as_usual_and_esc_leaves_it_received() {
    let mut h = Harness::new(Lang::En, (100, 30));
    first_caller(&mut h);
    h.fill_intake();
    h.ctrl('s');
    assert!(matches!(h.app.pane, Pane::Suggest(_)));
    h.key(KeyCode::Char('f'));
    assert!(matches!(&h.app.pane, Pane::Forward(f) if f.reference == "ADU-2026-00002"));
    h.key(KeyCode::Esc);
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(stage_of(&h, "ADU-2026-00003"), Stage::Received);
}

#[test]
fn a_new_caller_like_this_one_opens_on_the_name_with_the_problem_filled() {
    let mut h = Harness::new(Lang::En, (100, 30));
    first_caller(&mut h);
    h.key(KeyCode::Char('N'));
    let form = h.intake();
    assert_eq!(form.focused(), crate::tui::form::Field::Name);
    assert_eq!(
        form.text(crate::tui::form::Field::Subject),
        "Tidak bisa login CEISA"
    );
    assert_eq!(form.text(crate::tui::form::Field::Name), "");
    h.type_text("Budi Santoso");
    h.key(KeyCode::Enter);
    h.type_text("198501012010011002");
    h.key(KeyCode::Enter);
    h.type_text("081234567891");
    h.ctrl('s');
    assert!(
        matches!(&h.app.pane, Pane::Suggest(s) if s.reference == "ADU-2026-00002"),
        "{:?}",
        h.app.notice
    );
}

#[test]
fn space_picks_rows_and_a_bulk_cancel_is_all_or_nothing() {
    let mut h = Harness::new(Lang::En, (100, 30));
    for _ in 0..3 {
        another_caller_left_received(&mut h);
    }
    let top = h.app.queue.rows[0].complaint.reference.clone();
    select_row(&mut h, &top);
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char(' '));
    assert_eq!(h.app.picked.len(), 2);
    assert!(h.render_uncut().contains("✓ Andi Wijaya"));
    h.key(KeyCode::Char(' ')); // the third
    assert_eq!(h.app.picked.len(), 3);
    h.key(KeyCode::Char('*')); // all were picked: the same key unpicks them
    assert!(h.app.picked.is_empty());
    h.key(KeyCode::Char('*'));
    assert_eq!(h.app.picked.len(), 3);
    // One of them is cancelled from another window meanwhile.
    h.other_desk()
        .cancel("ADU-2026-00002", "double entry")
        .unwrap();
    h.key(KeyCode::Char('x'));
    assert!(matches!(h.app.pane, Pane::Bulk(_)));
    h.type_text("Same outage, filed once");
    h.key(KeyCode::Enter);
    let Pane::Bulk(b) = &h.app.pane else {
        panic!("the refusal stays in the pane")
    };
    let err = b.error.clone().unwrap_or_default();
    assert!(err.contains("ADU-2026-00002"), "names which: {err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(stage_of(&h, "ADU-2026-00001"), Stage::Received);
    assert_eq!(stage_of(&h, "ADU-2026-00003"), Stage::Received);
    // Without it, all go at once, each with its own event.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Enter); // drop the typed reason
    h.key(KeyCode::Esc); // unpick all
    assert!(h.app.picked.is_empty());
    select_row(&mut h, "ADU-2026-00001");
    h.key(KeyCode::Char(' '));
    select_row(&mut h, "ADU-2026-00003");
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char('x'));
    h.type_text("Same outage, filed once");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue), "{:?}", h.app.notice);
    for r in ["ADU-2026-00001", "ADU-2026-00003"] {
        assert_eq!(stage_of(&h, r), Stage::Cancelled);
        let events = h.desk.dossier(r).unwrap().events;
        assert_eq!(events.iter().filter(|e| e.kind == "cancel").count(), 1);
    }
    assert!(h.app.picked.is_empty());
    assert!(
        h.app
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("2 complaints cancelled")
    );
}

#[test]
fn picked_callers_link_to_one_ticket_and_are_walked_through_their_handovers() {
    let mut h = Harness::new(Lang::En, (100, 30));
    first_caller(&mut h);
    for _ in 0..3 {
        another_caller_left_received(&mut h);
    }
    for r in ["ADU-2026-00002", "ADU-2026-00003", "ADU-2026-00004"] {
        select_row(&mut h, r);
        if !h.app.picked.contains(r) {
            h.key(KeyCode::Char(' '));
        }
    }
    assert_eq!(h.app.picked.len(), 3);
    // A typo in the ticket is refused and nothing is linked.
    h.key(KeyCode::Char('t'));
    h.type_text("ADU-2026-00099");
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.pane, Pane::Bulk(b) if b.error.is_some()));
    assert_eq!(stage_of(&h, "ADU-2026-00002"), Stage::Received);
    // Esc with something typed asks first; n keeps the pane.
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_some());
    h.key(KeyCode::Char('n'));
    assert!(matches!(h.app.pane, Pane::Bulk(_)));
    h.key(KeyCode::Esc);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    h.key(KeyCode::Char('t'));
    h.type_text(TICKET);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue), "{:?}", h.app.notice);
    for r in ["ADU-2026-00002", "ADU-2026-00003", "ADU-2026-00004"] {
        assert_eq!(stage_of(&h, r), Stage::Ticketed);
    }
    // Hand over: each applicant's own message, one key each.
    for r in ["ADU-2026-00002", "ADU-2026-00003", "ADU-2026-00004"] {
        select_row(&mut h, r);
        h.key(KeyCode::Char(' '));
    }
    h.key(KeyCode::Char('h'));
    let Pane::Walk(w) = &h.app.pane else {
        panic!("walk, got {:?}", h.app.notice)
    };
    assert_eq!(w.remaining(), 3);
    h.copies.clear();
    h.key(KeyCode::Enter);
    assert_eq!(stage_of(&h, "ADU-2026-00002"), Stage::HandedOver);
    assert!(h.copies[0].contains("Andi Wijaya") && h.copies[0].contains(TICKET));
    assert!(h.copies[0].contains("ADU-2026-00002"));
    let Pane::Walk(w) = &h.app.pane else {
        panic!("the walk goes on")
    };
    assert_eq!(w.current().unwrap().complaint.reference, "ADU-2026-00003");
    assert!(
        !h.app.picked.contains("ADU-2026-00002"),
        "handed over: unpicked"
    );
    assert_eq!(h.app.picked.len(), 2);
    // One list for the channel, then the rest by it in one step.
    h.key(KeyCode::Char('l'));
    let list = h.copies.last().unwrap().clone();
    assert!(list.contains("=== ADU-2026-00003") && list.contains("=== ADU-2026-00004"));
    assert!(!list.contains("=== ADU-2026-00002"), "already handed over");
    h.key(KeyCode::Char('a'));
    assert!(matches!(h.app.pane, Pane::Queue), "{:?}", h.app.notice);
    assert_eq!(stage_of(&h, "ADU-2026-00004"), Stage::HandedOver);
}

#[test]
fn the_walk_is_refused_naming_a_complaint_that_cannot_be_handed_over() {
    let mut h = Harness::new(Lang::En, (100, 30));
    first_caller(&mut h);
    another_caller_left_received(&mut h);
    select_row(&mut h, "ADU-2026-00002");
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char('h'));
    assert!(matches!(h.app.pane, Pane::Queue));
    let said = h.app.notice.clone().unwrap().text;
    assert!(
        said.contains("ADU-2026-00002") && said.contains("ticketed"),
        "{said}"
    );
}

#[test]
fn the_incident_view_lists_every_caller_and_who_is_owed_a_notice() {
    let mut h = Harness::new(Lang::En, (120, 35));
    first_caller(&mut h);
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Enter); // link
    h.key(KeyCode::Esc); // hand over later
    select_row(&mut h, "ADU-2026-00002");
    h.key(KeyCode::Char('i'));
    let Pane::Incident(i) = &h.app.pane else {
        panic!("incident, got {:?}", h.app.notice)
    };
    assert_eq!(i.incident.callers.len(), 2);
    assert_eq!(i.incident.awaiting_handover(), 1);
    let screen = h.render_uncut();
    assert!(
        screen.contains("Incident · ticket A0254EB2B1 · callers: 2"),
        "{screen}"
    );
    assert!(screen.contains("awaiting handover 1"), "{screen}");
    // h walks those waiting.
    h.key(KeyCode::Char('h'));
    assert!(matches!(&h.app.pane, Pane::Walk(w) if w.callers.len() == 1));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    // The ticket is resolved: every caller is owed a notice, listed.
    h.other_desk()
        .resolve_ticket(TICKET, "CEISA normal again")
        .unwrap();
    // Resolved ones leave the open queue: the whole list finds them.
    while h.app.queue.filter != crate::tui::app::StageFilter::All {
        h.key(KeyCode::Char('s'));
    }
    h.key(KeyCode::Char(':'));
    h.type_text("incident");
    h.key(KeyCode::Enter);
    let screen = h.render_uncut();
    assert!(screen.contains("owed a notice 2"), "{screen}");
    // Once in the summary, once per caller; the status bar counts them too.
    let (pane, status) = screen.trim_end().rsplit_once('\n').unwrap();
    assert_eq!(pane.matches("owed").count(), 3, "{screen}");
    assert!(status.contains("2 owed a notice"), "{status}");
}

fn snapshots(lang: Lang, size: (u16, u16)) {
    let suffix = super::snapshot_suffix(lang, size);
    let mut h = Harness::new(lang, size);
    first_caller(&mut h);
    h.fill_intake();
    h.ctrl('s');
    insta::assert_snapshot!(format!("suggest_{suffix}"), h.render_uncut());
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('i'));
    insta::assert_snapshot!(format!("incident_{suffix}"), h.render_uncut());
    h.key(KeyCode::Char('h'));
    insta::assert_snapshot!(format!("walk_{suffix}"), h.render_uncut());
}

#[test]
fn snapshots_of_the_callers_panes() {
    for lang in [Lang::Id, Lang::En] {
        for size in [(80, 24), (120, 35)] {
            snapshots(lang, size);
        }
    }
}

// ------------------------------------------------------------- pure update

use crate::domain::alike::Alike;
use crate::domain::incident::IncidentCandidate;
use crate::tui::action::{Action, Msg};
use crate::tui::app::ForwardState;
use crate::tui::effect::Effect;
use crate::tui::outcome::Outcome;
use crate::tui::update::update;

fn candidate(reference: &str, ticket: Option<&str>) -> IncidentCandidate {
    IncidentCandidate {
        reference: reference.into(),
        ticket_no: ticket.map(str::to_string),
        stage: if ticket.is_some() {
            Stage::Ticketed
        } else {
            Stage::Forwarded
        },
        subject: "CEISA down".into(),
        received_at: super::monday_morning(),
        callers: 1,
        alike: Alike::OnEnter,
    }
}

fn forwarding(reference: &str, editing: bool) -> Pane {
    Pane::Forward(Box::new(ForwardState {
        reference: reference.into(),
        report: None,
        problem: Default::default(),
        description: Default::default(),
        editing,
        edit_focus: 1,
        sending: false,
        offers: Vec::new(),
    }))
}

fn suggestions(reference: &str, candidates: Vec<IncidentCandidate>) -> Msg {
    Msg::Done(Outcome::Suggestions {
        reference: reference.into(),
        candidates,
    })
}

#[test]
fn the_offer_comes_only_with_a_linkable_ticket_and_never_over_other_work() {
    let mut app = super::bare_app();
    app.pane = forwarding("ADU-2026-00005", false);
    // Only one waiting for its number: nothing to link yet, forwarding stays.
    update(
        &mut app,
        suggestions("ADU-2026-00005", vec![candidate("ADU-2026-00004", None)]),
    );
    assert!(matches!(app.pane, Pane::Forward(_)));
    // The officer is already editing the report: not interrupted.
    app.pane = forwarding("ADU-2026-00005", true);
    let both = vec![
        candidate("ADU-2026-00004", None),
        candidate("ADU-2026-00001", Some(TICKET)),
    ];
    update(&mut app, suggestions("ADU-2026-00005", both.clone()));
    assert!(matches!(app.pane, Pane::Forward(_)));
    // An answer about another complaint is not shown over this one.
    app.pane = forwarding("ADU-2026-00006", false);
    update(&mut app, suggestions("ADU-2026-00005", both.clone()));
    assert!(matches!(app.pane, Pane::Forward(_)));
    // Untouched: offered, on the first that can be linked.
    app.pane = forwarding("ADU-2026-00005", false);
    update(&mut app, suggestions("ADU-2026-00005", both));
    let Pane::Suggest(s) = &app.pane else {
        panic!("offered")
    };
    assert_eq!(s.selected, 1);
    let fx = update(&mut app, Msg::Do(Action::Confirm));
    assert_eq!(
        fx,
        [Effect::LinkTicket {
            reference: "ADU-2026-00005".into(),
            raw: TICKET.into()
        }]
    );
    // The one waiting for its number cannot be linked: said, nothing asked.
    update(&mut app, Msg::Do(Action::Up));
    assert!(update(&mut app, Msg::Do(Action::Confirm)).is_empty());
    assert!(app.notice.as_ref().unwrap().text.contains("ADU-2026-00004"));
    // f: forwarding as usual.
    let fx = update(&mut app, Msg::Do(Action::Forward));
    assert_eq!(fx, [Effect::PrepareForward("ADU-2026-00005".into())]);
}

#[test]
fn an_offer_only_partly_alike_stays_off_enter() {
    let mut app = super::bare_app();
    app.pane = forwarding("ADU-2026-00005", false);
    let mut partly = candidate("ADU-2026-00001", Some(TICKET));
    partly.alike = Alike::Offered;
    update(&mut app, suggestions("ADU-2026-00005", vec![partly]));
    let Pane::Forward(f) = &app.pane else {
        panic!("the forward pane stays")
    };
    assert_eq!(f.offers.len(), 1);
    // Enter is the forward pane's own (its report is not laid out here: nothing
    // to send, and above all no link).
    let fx = update(&mut app, Msg::Do(Action::Confirm));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LinkTicket { .. })),
        "{fx:?}"
    );
    // l: the offer, on the ticket; Enter there links.
    update(&mut app, Msg::Do(Action::TakeOffer));
    let Pane::Suggest(s) = &app.pane else {
        panic!("the offer")
    };
    assert_eq!(
        s.chosen().map(|c| c.reference.as_str()),
        Some("ADU-2026-00001")
    );
    let fx = update(&mut app, Msg::Do(Action::Confirm));
    assert_eq!(
        fx,
        [Effect::LinkTicket {
            reference: "ADU-2026-00005".into(),
            raw: TICKET.into()
        }]
    );
}

#[test]
fn the_walk_moves_to_the_next_waiting_caller_and_ends_in_the_queue() {
    let mut h = Harness::new(Lang::En, (100, 30));
    for _ in 0..3 {
        another_caller_left_received(&mut h);
    }
    let complaints: Vec<_> = (1..=3)
        .map(|i| h.desk.get(&format!("ADU-2026-{i:05}")).unwrap())
        .collect();
    let mut app = h.app.clone();
    update(&mut app, Msg::Done(Outcome::WalkReady(complaints)));
    // Start on the second: handing it over moves on to the third, then wraps to the first.
    update(&mut app, Msg::Do(Action::Down));
    let fx = update(&mut app, Msg::Do(Action::Confirm));
    assert!(matches!(&fx[0], Effect::Copy(m) if m.contains("ADU-2026-00002")));
    assert!(
        matches!(&fx[1], Effect::WalkHandOver { reference, via, late: None } if reference == "ADU-2026-00002" && via == "langsung")
    );
    update(
        &mut app,
        Msg::Done(Outcome::WalkHandedOver {
            reference: "ADU-2026-00002".into(),
        }),
    );
    let at = |app: &crate::tui::app::App| match &app.pane {
        Pane::Walk(w) => w.current().unwrap().complaint.reference.clone(),
        other => panic!("walk, got {other:?}"),
    };
    assert_eq!(at(&app), "ADU-2026-00003");
    // → changes this caller's channel; the list copies only the callers by it.
    update(&mut app, Msg::Do(Action::ChoiceNext));
    let fx = update(&mut app, Msg::Do(Action::CopyList));
    let Effect::Copy(list) = &fx[0] else {
        panic!("{fx:?}")
    };
    assert!(list.contains("=== ADU-2026-00003") && !list.contains("=== ADU-2026-00001"));
    for r in ["ADU-2026-00003", "ADU-2026-00001"] {
        update(
            &mut app,
            Msg::Done(Outcome::WalkHandedOver {
                reference: r.into(),
            }),
        );
    }
    assert!(matches!(app.pane, Pane::Queue));
    assert!(app.notice.unwrap().text.contains("Done: 3 applicants"));
}

#[test]
fn the_incident_view_follows_writes_elsewhere_and_enter_shows_the_caller_in_the_queue() {
    let mut h = Harness::new(Lang::En, (120, 35));
    first_caller(&mut h);
    h.key(KeyCode::Char('i'));
    assert!(matches!(&h.app.pane, Pane::Incident(i) if i.incident.callers.len() == 1));
    // A caller linked from the command line shows on the next tick.
    let mut other = h.other_desk();
    let form = crate::domain::intake::IntakeForm {
        name: "Siti Rahma".into(),
        kind: "pegawai".into(),
        nip: "198501012010011002".into(),
        phone: "081234567899".into(),
        channel: "whatsapp".into(),
        category: "LAIN".into(),
        subject: "CEISA down".into(),
        description: "-".into(),
        ..Default::default()
    };
    other
        .intake_linked(&form, &crate::desk::LinkTarget::Ticket(TICKET.into()))
        .unwrap();
    h.send(super::Msg::Tick(super::monday_morning()));
    let Pane::Incident(i) = &h.app.pane else {
        panic!("still the incident")
    };
    assert_eq!(i.incident.callers.len(), 2);
    assert!(h.render_uncut().contains("Siti Rahma"));
    // Enter on the second caller: the queue, on that complaint.
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(
        h.app.queue.selected_row().unwrap().complaint.reference,
        "ADU-2026-00002"
    );
}

#[test]
fn on_an_empty_queue_the_callers_keys_say_why_and_change_nothing() {
    let mut app = super::bare_app();
    for a in [
        Action::ToggleSelect,
        Action::SelectAll,
        Action::NewLikeThis,
        Action::Incident,
    ] {
        let fx = update(&mut app, Msg::Do(a));
        assert!(fx.is_empty(), "{a:?}: {fx:?}");
        assert!(matches!(app.pane, Pane::Queue), "{a:?}");
        assert!(app.picked.is_empty(), "{a:?}");
    }
    assert!(
        app.notice.is_some(),
        "the last one says there is no selection"
    );
}

#[test]
fn a_bulk_link_lists_the_open_tickets_and_one_arrow_chooses_one() {
    let mut h = Harness::new(Lang::Id, (80, 24));
    first_caller(&mut h);
    another_caller_left_received(&mut h);
    another_caller_left_received(&mut h);
    for r in ["ADU-2026-00002", "ADU-2026-00003"] {
        select_row(&mut h, r);
        if !h.app.picked.contains(r) {
            h.key(KeyCode::Char(' '));
        }
    }
    h.key(KeyCode::Char('t'));
    let Pane::Bulk(b) = &h.app.pane else {
        panic!("the bulk pane, got {:?}", h.app.notice)
    };
    // The first caller's ticket, not the picked ones (they have none).
    assert_eq!(b.choices.len(), 1, "{:?}", b.choices);
    assert_eq!(b.choices[0].ticket_no.as_deref(), Some(TICKET));
    let screen = h.render_uncut();
    assert!(screen.contains("Tiket terbuka"), "{screen}");
    assert!(
        screen.contains(&format!("{TICKET} · 1 pemohon")),
        "{screen}"
    );
    h.key(KeyCode::Down);
    let Pane::Bulk(b) = &h.app.pane else {
        panic!("still the bulk pane")
    };
    assert_eq!(b.text.lines().join(""), TICKET);
    assert!(h.render_uncut().contains(&format!("▶ {TICKET}")));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue), "{:?}", h.app.notice);
    for r in ["ADU-2026-00002", "ADU-2026-00003"] {
        assert_eq!(stage_of(&h, r), Stage::Ticketed);
        assert_eq!(h.desk.get(r).unwrap().ticket_no.as_deref(), Some(TICKET));
    }
}
