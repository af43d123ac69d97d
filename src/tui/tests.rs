//! Key sequences → state, against a real desk on a temporary database with a fixed
//! clock; and snapshots of every screen at 100×30 and 80×24 in both languages.

use super::action::{Action, Msg, Outcome};
use super::app::{App, Overlay, Pane, StageFilter};
use super::effects::Effect;
use super::form::Field;
use super::{dispatch, open_app, translate, update, view};
use crate::config::{ClientKind, Config};
use crate::desk::Desk;
use crate::domain::complaint::Stage;
use crate::domain::msg::Lang;
use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

/// Monday 30 November 2026, 09:00 WITA: a working morning.
fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap()
}

struct Harness {
    app: App,
    desk: Desk,
    copies: Vec<String>,
    nudges: usize,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn new(lang: Lang, size: (u16, u16)) -> Harness {
        Harness::with_client(lang, size, ClientKind::Portal)
    }

    fn with_client(lang: Lang, size: (u16, u16), client: ClientKind) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::default();
        config.officer.name = Some("petugas-uji".into());
        config.bcare.client = client;
        let now = monday_morning();
        let desk = Desk::open(
            &dir.path().join("desk.db"),
            config,
            None,
            Arc::new(move || now),
        )
        .unwrap();
        let app = open_app(&desk, lang, size);
        let mut h = Harness {
            app,
            desk,
            copies: Vec::new(),
            nudges: 0,
            _dir: dir,
        };
        let first = update::start(&mut h.app);
        for e in first {
            for o in super::effects::run(&mut h.desk, lang, e) {
                h.send(Msg::Done(o));
            }
        }
        h
    }

    fn send(&mut self, msg: Msg) {
        for q in self.send_holding_searches(msg) {
            let answer = super::search::run(self.desk.store(), self.app.lang(), q);
            self.send(Msg::Done(answer));
        }
    }

    /// Sends a message; the searches it asks for are returned, not answered.
    fn send_holding_searches(&mut self, msg: Msg) -> Vec<super::search::SearchQuery> {
        let (copies, nudges) = (&mut self.copies, &mut self.nudges);
        let mut searches = Vec::new();
        dispatch(&mut self.app, &mut self.desk, msg, &mut |e| match e {
            Effect::Copy(t) => copies.push(t),
            Effect::NudgeWorker => *nudges += 1,
            Effect::Search(q) => searches.push(q),
            _ => {}
        });
        searches
    }

    fn press(&mut self, code: KeyCode, mods: KeyModifiers) {
        if let Some(msg) = translate(&self.app, Event::Key(KeyEvent::new(code, mods))) {
            self.send(msg);
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.press(code, KeyModifiers::NONE);
    }

    fn ctrl(&mut self, c: char) {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn render(&self) -> String {
        let (w, h) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        let theme = super::theme::Theme { color: false };
        terminal.draw(|f| view::draw(f, &self.app, &theme)).unwrap();
        terminal.backend().to_string()
    }

    /// Fills the form for a DJBC employee who cannot log in, up to the description.
    fn fill_intake(&mut self) {
        self.key(KeyCode::Char('n'));
        self.key(KeyCode::Right); // kind: Pegawai DJBC
        self.key(KeyCode::Tab);
        self.type_text("Andi Wijaya");
        self.key(KeyCode::Tab);
        self.type_text("198501012010011001");
        for _ in 0..4 {
            self.key(KeyCode::Tab); // org, npwp, nib → phone
        }
        self.type_text("081234567890");
        self.key(KeyCode::Tab); // email
        self.key(KeyCode::Tab); // channel
        self.key(KeyCode::Right); // Langsung
        self.key(KeyCode::Tab); // category
        self.key(KeyCode::Left); // LAIN (the last)
        self.key(KeyCode::Tab);
        self.type_text("Tidak bisa login CEISA");
        self.key(KeyCode::Tab);
        self.type_text("Sejak pagi gagal masuk.");
        self.key(KeyCode::Enter);
        self.type_text("Pesan: akun terkunci.");
    }

    fn intake(&self) -> &super::form::IntakeState {
        match &self.app.pane {
            Pane::Intake(f) => f,
            other => panic!("expected the intake pane, got {other:?}"),
        }
    }

    fn selected_stage(&self) -> Stage {
        self.app.queue.selected_row().unwrap().complaint.stage
    }
}

// ------------------------------------------------------------- pure update

fn bare_app() -> App {
    let desk_dir = tempfile::tempdir().unwrap();
    let now = monday_morning();
    let desk = Desk::open(
        &desk_dir.path().join("d.db"),
        Config::default(),
        None,
        Arc::new(move || now),
    )
    .unwrap();
    open_app(&desk, Lang::Id, (100, 30))
}

#[test]
fn update_alone_asks_for_work_and_never_does_it() {
    let mut app = bare_app();
    let fx = update::update(&mut app, Msg::Do(Action::CycleFilter));
    assert_eq!(app.queue.filter, StageFilter::Only(Stage::Received));
    assert!(matches!(&fx[0], Effect::LoadQueue(q) if q.stages == [Stage::Received]));
    let fx = update::update(&mut app, Msg::Do(Action::NewIntake));
    assert!(fx.is_empty());
    assert!(matches!(app.pane, Pane::Intake(_)));
    let fx = update::update(&mut app, Msg::Do(Action::NextField));
    assert!(
        matches!(&fx[0], Effect::CheckField { field: "kind", .. }),
        "leaving a field checks it: {fx:?}"
    );
    let fx = update::update(&mut app, Msg::Do(Action::Quit));
    assert!(app.quit);
    assert!(
        matches!(&fx[0], Effect::SaveDraft(_)),
        "quit keeps the draft"
    );
}

#[test]
fn steps_that_do_not_fit_the_stage_are_refused_with_a_reason() {
    let mut app = bare_app();
    let fx = update::update(&mut app, Msg::Do(Action::Forward));
    assert!(fx.is_empty());
    assert!(matches!(app.pane, Pane::Queue));
    assert_eq!(app.notice.as_ref().unwrap().text, "Pilih pengaduan dulu.");
}

#[test]
fn help_and_palette_open_and_close() {
    let mut app = bare_app();
    update::update(&mut app, Msg::Do(Action::Help));
    assert_eq!(app.overlay, Some(Overlay::Help));
    update::update(&mut app, Msg::Do(Action::Back));
    assert_eq!(app.overlay, None);
    update::update(&mut app, Msg::Do(Action::Palette));
    for c in "baru".chars() {
        update::update(
            &mut app,
            Msg::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    // "Pengaduan baru" is the best match; Enter runs it.
    update::update(&mut app, Msg::Do(Action::Confirm));
    assert_eq!(app.overlay, None);
    assert!(matches!(app.pane, Pane::Intake(_)));
}

#[test]
fn fuzzy_matching_prefers_word_starts_and_runs() {
    assert!(update::fuzzy_score("tb", "Teruskan ke BCare").is_some());
    assert!(update::fuzzy_score("xyz", "Teruskan ke BCare").is_none());
    assert!(
        update::fuzzy_score("ser", "Serahkan ke pemohon")
            > update::fuzzy_score("ser", "Saring tahap ke sr")
    );
}

// ------------------------------------------------------------- with a desk

#[test]
fn the_whole_procedure_from_the_keyboard() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    assert!(h.app.queue.rows.is_empty());
    h.fill_intake();
    assert_eq!(
        h.intake().text(Field::Description),
        "Sejak pagi gagal masuk.\nPesan: akun terkunci."
    );
    h.ctrl('s');
    assert!(matches!(h.app.pane, Pane::Queue), "{:?}", h.app.notice);
    assert_eq!(h.app.queue.rows.len(), 1);
    let reference = h.app.queue.rows[0].complaint.reference.clone();
    assert_eq!(reference, "ADU-2026-00001");
    assert!(h.app.detail.is_some());
    assert_eq!(h.app.counts.queue.running, 1);

    // Forward (portal): the report is copied and the receipt pane opens.
    h.key(KeyCode::Char('f'));
    assert!(matches!(&h.app.pane, Pane::Forward(f) if f.report.is_some()));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Receipt(_)));
    assert_eq!(h.copies.len(), 1);
    assert!(h.copies[0].contains("Permasalahan: Tidak bisa login CEISA"));

    // Receipt: a number of an unusual shape is a warning, not a refusal.
    h.type_text("12345");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(h.selected_stage(), Stage::Ticketed);
    assert_eq!(h.app.notice.as_ref().unwrap().tone, super::app::Tone::Warn);

    // Handover: the message is copied and the SLA clock stops.
    h.key(KeyCode::Char('h'));
    let Pane::Handover(ho) = &h.app.pane else {
        panic!("handover pane")
    };
    assert!(ho.message.contains("Nomor tiket BCare: 12345"));
    assert!(ho.message.starts_with("Selamat pagi rekan Andi Wijaya"));
    h.key(KeyCode::Right); // Telepon
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert_eq!(h.selected_stage(), Stage::HandedOver);
    assert_eq!(h.copies.len(), 2);
    let c = h.desk.get(&reference).unwrap();
    assert_eq!(c.handover_via.map(|v| v.as_str()), Some("telepon"));
    assert_eq!(h.app.counts.queue.running, 0);
}

#[test]
fn leaving_a_field_shows_its_error_and_saving_marks_them_all() {
    let mut h = Harness::new(Lang::En, (100, 30));
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Tab); // leave kind empty
    assert_eq!(
        h.intake().errors.get("kind").map(String::as_str),
        Some("is required")
    );
    h.key(KeyCode::Tab); // leave name empty
    h.type_text("12345"); // NIP too short
    h.key(KeyCode::Tab);
    assert!(
        h.intake().errors.contains_key("nip"),
        "{:?}",
        h.intake().errors
    );
    h.ctrl('s');
    let form = h.intake();
    for key in [
        "kind",
        "name",
        "channel",
        "category",
        "subject",
        "description",
    ] {
        assert!(form.errors.contains_key(key), "{key}: {:?}", form.errors);
    }
    assert_eq!(form.focused(), Field::Kind, "focus goes to the first error");
    assert_eq!(
        h.app.notice.as_ref().unwrap().text,
        "Check the fields marked in red."
    );
    assert_eq!(h.desk.counts().unwrap().running, 0);
}

#[test]
fn a_password_in_the_description_is_refused_at_the_field() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.fill_intake();
    h.type_text(" password: rahasia123");
    h.key(KeyCode::Tab);
    assert!(
        h.intake().errors.contains_key("description"),
        "{:?}",
        h.intake().errors
    );
}

#[test]
fn esc_closes_the_form_and_the_draft_comes_back() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Tab);
    h.type_text("Budi");
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue));
    // The draft is in the database: a new session offers it.
    let reopened = open_app(&h.desk, Lang::Id, (100, 30));
    assert_eq!(reopened.draft.as_ref().unwrap().0.name, "Budi");
    h.key(KeyCode::Char('n'));
    assert_eq!(h.intake().text(Field::Name), "Budi");
    // Ctrl-D throws it away.
    h.ctrl('d');
    assert!(matches!(h.app.pane, Pane::Queue));
    assert!(open_app(&h.desk, Lang::Id, (100, 30)).draft.is_none());
}

#[test]
fn typing_is_saved_as_a_draft_on_the_tick() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Tab);
    h.type_text("Citra");
    assert!(open_app(&h.desk, Lang::Id, (100, 30)).draft.is_none());
    h.send(Msg::Tick(monday_morning()));
    assert_eq!(
        open_app(&h.desk, Lang::Id, (100, 30)).draft.unwrap().0.name,
        "Citra"
    );
}

#[test]
fn forward_can_be_cancelled_and_the_report_edited() {
    let mut h = Harness::with_client(Lang::Id, (100, 30), ClientKind::Sim);
    h.fill_intake();
    h.ctrl('s');
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
    h.ctrl('s');
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
    assert_eq!(notice.tone, super::app::Tone::Bad);
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
        h.ctrl('s');
    }
    // The first gets a ticket the normal way.
    h.app.queue.selected = 0;
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Enter);
    h.type_text("A0254EB2B1");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.notice.as_ref().unwrap().tone, super::app::Tone::Good);
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
    assert!(matches!(h.app.pane, Pane::Queue));
    let c = h.desk.get("ADU-2026-00002").unwrap();
    assert_eq!(c.ticket_no.as_deref(), Some("A0254EB2B1"));
    assert_eq!(c.linked_to.as_deref(), Some("ADU-2026-00001"));
}

#[test]
fn search_filters_as_you_type_and_esc_clears() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Char('/'));
    h.type_text("zzzz");
    assert!(h.app.queue.rows.is_empty());
    for _ in 0..4 {
        h.key(KeyCode::Backspace);
    }
    h.type_text("andi");
    assert_eq!(h.app.queue.rows.len(), 1);
    h.key(KeyCode::Esc);
    assert_eq!(h.app.queue.search, None);
    assert!(!h.app.queue.searching);
}

/// Types one key into the search line; the search it asks for is held back.
fn type_held(h: &mut Harness, c: char) -> super::search::SearchQuery {
    let msg = translate(
        &h.app,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    )
    .expect("a key for the search line");
    let mut held = h.send_holding_searches(msg);
    assert_eq!(held.len(), 1, "one search per key");
    held.remove(0)
}

#[test]
fn a_late_answer_to_an_older_search_is_dropped() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Char('/'));
    let a = type_held(&mut h, 'a');
    let ab = type_held(&mut h, 'b');
    assert!(ab.seq > a.seq);
    // The queue as "ab" would leave it: nothing matches.
    h.app.queue.rows.clear();
    // The answer for "a" arrives after "ab" was sent: "a" matches Andi, "ab" nothing.
    let late = super::search::run(h.desk.store(), Lang::Id, a.clone());
    assert!(matches!(&late, Outcome::SearchAnswered { rows, .. } if rows.len() == 1));
    h.send(Msg::Done(late));
    assert_eq!(h.app.queue.search.as_deref(), Some("ab"));
    assert!(
        h.app.queue.rows.is_empty(),
        "the stale answer for 'a' was shown under 'ab'"
    );
    let newest = super::search::run(h.desk.store(), Lang::Id, ab.clone());
    h.send(Msg::Done(newest));
    assert!(h.app.queue.rows.is_empty());
    // Esc and `/` again: the answer to the newest search sent, "ab", is for a
    // line that is gone; nor may the older "a" fill the new, empty line.
    h.key(KeyCode::Esc);
    assert_eq!(h.app.queue.rows.len(), 1);
    h.key(KeyCode::Char('/'));
    h.app.queue.rows.clear();
    for q in [ab, a] {
        let mut answer = super::search::run(h.desk.store(), Lang::Id, q);
        if let Outcome::SearchAnswered { rows, .. } = &mut answer {
            // Give it a row, so that showing it would show.
            *rows = h.desk.search("andi", 1).unwrap();
        }
        h.send(Msg::Done(answer));
        assert_eq!(h.app.queue.search.as_deref(), Some(""));
        assert!(
            h.app.queue.rows.is_empty(),
            "an old answer under an empty line"
        );
    }
}

#[test]
fn the_newest_answer_fills_the_queue_with_countdowns() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Char('/'));
    let _older = type_held(&mut h, 'z');
    h.key(KeyCode::Backspace);
    let a = type_held(&mut h, 'a');
    h.app.queue.rows.clear();
    h.app.detail = None;
    let answer = super::search::run(h.desk.store(), Lang::Id, a);
    h.send(Msg::Done(answer));
    assert_eq!(h.app.queue.rows.len(), 1);
    assert!(
        h.app.queue.rows[0].sla.is_some(),
        "the countdown is computed"
    );
    assert!(
        h.app.detail.is_some(),
        "the first hit is shown in the detail pane"
    );
}

#[test]
fn typing_in_the_search_line_never_queries_in_place() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.key(KeyCode::Char('/'));
    let msg = translate(
        &h.app,
        Event::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE)),
    )
    .unwrap();
    let fx = update::update(&mut h.app, msg);
    assert!(
        matches!(fx.as_slice(), [Effect::Search(q)] if q.text == "a"),
        "{fx:?}"
    );
}

#[test]
fn only_one_page_is_fetched_and_paging_walks_the_keyset() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    let page = h.app.page_size();
    for _ in 0..page + 3 {
        h.fill_intake();
        h.ctrl('s');
    }
    h.key(KeyCode::Esc);
    assert_eq!(h.app.queue.rows.len(), page);
    assert!(h.app.queue.more);
    for _ in 0..page {
        h.key(KeyCode::Down);
    }
    assert_eq!(h.app.queue.rows.len(), 3, "second page");
    assert_eq!(h.app.queue.selected, 0);
    h.key(KeyCode::Up);
    assert_eq!(h.app.queue.rows.len(), page);
    assert_eq!(h.app.queue.selected, page - 1);
}

#[test]
fn control_characters_from_the_database_are_shown_as_text() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.fill_intake();
    h.send(Msg::Paste("\x1b[2J\x1b]52;c;SGFjaw==\x07".into()));
    h.ctrl('s');
    let screen = h.render();
    assert!(!screen.contains('\x1b'));
}

// ------------------------------------------------------------- snapshots

fn snapshot_all(lang: Lang, size: (u16, u16)) {
    let suffix = format!(
        "{}_{}x{}",
        match lang {
            Lang::Id => "id",
            Lang::En => "en",
        },
        size.0,
        size.1
    );
    let mut h = Harness::new(lang, size);
    insta::assert_snapshot!(format!("queue_empty_{suffix}"), h.render());

    h.fill_intake();
    insta::assert_snapshot!(format!("intake_{suffix}"), h.render());
    h.ctrl('s');
    insta::assert_snapshot!(format!("queue_{suffix}"), h.render());

    h.key(KeyCode::Char('?'));
    insta::assert_snapshot!(format!("help_{suffix}"), h.render());
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char(':'));
    h.type_text("ter");
    insta::assert_snapshot!(format!("palette_{suffix}"), h.render());
    h.key(KeyCode::Esc);

    h.key(KeyCode::Char('f'));
    insta::assert_snapshot!(format!("forward_{suffix}"), h.render());
    h.key(KeyCode::Enter);
    h.type_text("A0254EB2B");
    insta::assert_snapshot!(format!("receipt_{suffix}"), h.render());
    h.type_text("1");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('h'));
    insta::assert_snapshot!(format!("handover_{suffix}"), h.render());

    h.send(Msg::Resize(79, 23));
    h.app.size = (79, 23);
    insta::assert_snapshot!(format!("too_small_{suffix}"), h.render());
}

#[test]
fn snapshots_indonesian_100x30() {
    snapshot_all(Lang::Id, (100, 30));
}

#[test]
fn snapshots_indonesian_80x24() {
    snapshot_all(Lang::Id, (80, 24));
}

#[test]
fn snapshots_english_100x30() {
    snapshot_all(Lang::En, (100, 30));
}

#[test]
fn snapshots_english_80x24() {
    snapshot_all(Lang::En, (80, 24));
}
