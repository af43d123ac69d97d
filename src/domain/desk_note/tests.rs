use super::*;
use crate::domain::msg::M;
use chrono::{TimeZone, Utc};

fn event(kind: &str, note: Option<&str>, said: Option<DeskNote>) -> Event {
    Event {
        at: Utc.with_ymd_and_hms(2026, 11, 27, 1, 0, 0).unwrap(),
        officer: "rina".into(),
        officer_name: None,
        kind: kind.into(),
        before: None,
        after: None,
        note: note.map(Into::into),
        desk: None,
        said,
    }
}

fn shape_remark() -> Remark {
    Remark::from(&FieldMsg::says("ticket_no", |lang| {
        M::TicketShape(lang, "^[A-Z0-9]{10}$")
    }))
}

#[test]
fn the_desks_words_are_said_in_the_language_asked_for() {
    let kept = DeskNote::KeptFromBcare {
        ticket: "A0254EB2B1".into(),
        client: "sim".into(),
        recorded: None,
        stage: "cancelled".into(),
        remarks: vec![],
    };
    assert_eq!(
        kept.say(Lang::Id),
        "BCare sim memberi tiket A0254EB2B1 saat tahap batal; tidak diubah"
    );
    assert_eq!(
        kept.say(Lang::En),
        "BCare sim gave ticket A0254EB2B1 at stage cancelled; left unchanged"
    );
    let ticket = DeskNote::Ticket {
        ticket: Some("X1".into()),
        remarks: vec![shape_remark()],
    };
    assert_eq!(
        ticket.say(Lang::Id),
        "nomor X1; Nomor tiket: bentuk nomor tiket tidak dikenal (pola ^[A-Z0-9]{10}$); tetap disimpan, periksa lagi"
    );
    assert_eq!(
        ticket.say(Lang::En),
        "number X1; Ticket number: unknown ticket number shape (pattern ^[A-Z0-9]{10}$); kept, check again"
    );
    assert_eq!(
        DeskNote::Purged { months: 24 }.say(Lang::En),
        "personal data removed: closed more than 24 months ago (retention)"
    );
}

#[test]
fn every_kind_survives_its_column_and_says_something_in_both_languages() {
    let notes = [
        DeskNote::Client {
            client: "http".into(),
        },
        DeskNote::Ticket {
            ticket: Some("X1".into()),
            remarks: vec![],
        },
        DeskNote::Linked {
            ticket: "X1".into(),
            from: Some("ADU-2026-00001".into()),
        },
        DeskNote::FromBcare {
            ticket: "X1".into(),
            client: "sim".into(),
            remarks: vec![shape_remark()],
        },
        DeskNote::KeptFromBcare {
            ticket: "X1".into(),
            client: "sim".into(),
            recorded: Some("X2".into()),
            stage: "ticketed".into(),
            remarks: vec![],
        },
        DeskNote::Checks {
            remarks: vec![shape_remark()],
        },
        DeskNote::Purged { months: 24 },
    ];
    for n in notes {
        assert_eq!(DeskNote::from_json(&n.to_json()), Some(n.clone()));
        let (id, en) = (n.say(Lang::Id), n.say(Lang::En));
        assert!(!id.is_empty() && !en.is_empty(), "{n:?}");
        assert_ne!(id, en, "{n:?} reads the same in both languages");
    }
}

#[test]
fn an_event_with_the_desks_words_is_shown_in_each_language() {
    let e = event(
        "forward",
        Some("client sim"),
        Some(DeskNote::Client {
            client: "sim".into(),
        }),
    );
    assert_eq!(shown(&e, Lang::Id).as_deref(), Some("lewat simulator"));
    assert_eq!(shown(&e, Lang::En).as_deref(), Some("through simulator"));
}

#[test]
fn an_old_event_with_only_its_stored_note_still_reads() {
    let old = event("link", Some("ticket A0254EB2B1 dari ADU-2026-00001"), None);
    assert_eq!(
        shown(&old, Lang::Id).as_deref(),
        Some("nomor A0254EB2B1 dari ADU-2026-00001")
    );
    let typed = event("cancel", Some("Pemohon menarik"), None);
    assert_eq!(shown(&typed, Lang::En).as_deref(), Some("Pemohon menarik"));
    assert_eq!(shown(&event("resolve", None, None), Lang::En), None);
    // A kind a newer desk wrote is not understood: its stored note is shown.
    assert_eq!(DeskNote::from_json(r#"{"say":"from_the_future"}"#), None);
}
