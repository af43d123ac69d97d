//! Key sequences → state, against a real desk on a temporary database with a fixed
//! clock; and snapshots of every screen at 120×35 and 80×24 in both languages.

use super::action::{Action, Msg};
use super::app::{App, Overlay, Pane, StageFilter};
use super::effect::Effect;
use super::form::Field;
use super::outcome::Outcome;
use super::{dispatch, open_app, palette, translate, update, view};
use crate::config::{ClientKind, Config};
use crate::desk::Desk;
use crate::domain::complaint::{Channel, Stage};
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
        // The token's place is the test's own, never the user's data folder.
        config.bcare.token_file = Some(dir.path().join("ceisacare.token"));
        config.bcare.token_env = Some("BCARE_DESK_TEST_TUI_TOKEN_NEVER_SET".into());
        let now = monday_morning();
        let desk = Desk::open(
            dir.path().join("desk.db"),
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

    /// A second connection to the same file, as the command line or another desk has.
    fn other_desk(&self) -> Desk {
        let mut config = Config::default();
        config.officer.name = Some("petugas-lain".into());
        let now = monday_morning();
        Desk::open(
            self._dir.path().join("desk.db"),
            config,
            None,
            Arc::new(move || now),
        )
        .unwrap()
    }

    fn send(&mut self, msg: Msg) {
        for q in self.send_holding_searches(msg) {
            let answer =
                super::search::run(&self.desk.search_connection().unwrap(), self.app.lang(), q);
            self.send(Msg::Done(answer));
        }
    }

    /// Sends a message; the searches it asks for are returned, not answered.
    fn send_holding_searches(&mut self, msg: Msg) -> Vec<super::effect::SearchQuery> {
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
        self.render_at(w, h)
    }

    fn render_at(&self, w: u16, h: u16) -> String {
        let mut app = self.app.clone();
        app.size = (w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        let theme = super::theme::Theme { color: false };
        terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
        terminal.backend().to_string()
    }

    /// Renders the screen and fails on any word cut without a mark: a word on
    /// screen that is only the start of a word the same state shows in full on a
    /// very wide terminal (or of a catalog entry) was cut at some right edge.
    fn render_uncut(&self) -> String {
        let screen = self.render();
        let wide = self.render_at(400, self.app.size.1.max(60));
        let mut words: std::collections::BTreeSet<String> = tokens(&wide).map(|(t, _)| t).collect();
        for e in super::i18n::T::ENTRIES {
            for template in [e.id, e.en] {
                words.extend(tokens(template).map(|(t, _)| t));
            }
        }
        // Under an overlay the pane is hidden on purpose: only the words the overlay
        // draws (those not identical, letter for letter, to the screen without it)
        // are checked.
        let checked: String = if self.app.overlay.is_some() {
            let mut bare = self.app.clone();
            bare.overlay = None;
            let (w, h) = self.app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let theme = super::theme::Theme { color: false };
            terminal.draw(|f| view::draw(f, &bare, &theme)).unwrap();
            let under: Vec<char> = terminal.backend().to_string().chars().collect();
            let top: Vec<char> = screen.chars().collect();
            let mut out = top.clone();
            let mut i = 0;
            while i < top.len() {
                if !top[i].is_alphanumeric() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < top.len() && top[i].is_alphanumeric() {
                    i += 1;
                }
                if top[start..i] == under[start..i.min(under.len())] {
                    for c in &mut out[start..i] {
                        *c = ' ';
                    }
                }
            }
            out.into_iter().collect()
        } else {
            screen.clone()
        };
        let cut: Vec<String> = tokens(&checked)
            .filter(|(t, marked)| {
                !marked
                    && t.chars().count() >= 2
                    && !words.contains(t)
                    && words
                        .iter()
                        .any(|w| w.len() > t.len() && w.starts_with(t.as_str()))
            })
            .map(|(t, _)| t)
            .collect();
        assert!(cut.is_empty(), "words cut at an edge: {cut:?}\n{screen}");
        screen
    }

    /// Fills the form for a DJBC employee who cannot log in, up to the description.
    fn fill_intake(&mut self) {
        self.key(KeyCode::Char('n'));
        self.type_text("1"); // kind: Pegawai DJBC, by number; the form moves on
        self.type_text("Andi Wijaya");
        self.key(KeyCode::Enter);
        self.type_text("198501012010011001");
        self.key(KeyCode::Enter);
        self.type_text("081234567890");
        self.key(KeyCode::Enter);
        self.type_text("la"); // channel: Langsung
        self.key(KeyCode::Enter);
        self.type_text("LAIN");
        self.key(KeyCode::Enter);
        self.type_text("Tidak bisa login CEISA");
        self.key(KeyCode::Enter);
        self.type_text("Sejak pagi gagal masuk.");
        self.ctrl('j');
        self.type_text("Pesan: akun terkunci.");
    }

    /// Saves the form and goes back to the queue (the forward pane opens after a save).
    fn save_to_queue(&mut self) {
        self.ctrl('s');
        // The forward pane, or the offer of an open ticket of the same outage.
        assert!(
            matches!(self.app.pane, Pane::Forward(_) | Pane::Suggest(_)),
            "{:?}",
            self.app.notice
        );
        self.key(KeyCode::Esc);
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

/// The words of a text (letters and digits), each with whether a "…" follows it
/// (a cut the screen marks as such).
fn tokens(text: &str) -> impl Iterator<Item = (String, bool)> + '_ {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push((word, chars.get(i) == Some(&'…')));
        } else {
            i += 1;
        }
    }
    out.into_iter()
}

#[test]
fn the_cut_word_check_catches_a_cut_word() {
    // The check itself: "Wija" is the start of "Wijaya" and nothing else.
    let words: Vec<(String, bool)> = tokens("Andi Wija│ Wija… x").collect();
    assert_eq!(words[1], ("Wija".to_string(), false));
    assert_eq!(words[2], ("Wija".to_string(), true), "a marked cut");
}

// ------------------------------------------------------------- pure update

fn bare_app() -> App {
    let desk_dir = tempfile::tempdir().unwrap();
    let now = monday_morning();
    let desk = Desk::open(
        desk_dir.path().join("d.db"),
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
        matches!(&fx[0], Effect::CheckFields { fields, .. } if fields == &["kind"]),
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
    assert!(palette::fuzzy_score("tb", "Teruskan ke BCare").is_some());
    assert!(palette::fuzzy_score("xyz", "Teruskan ke BCare").is_none());
    assert!(
        palette::fuzzy_score("ser", "Serahkan ke pemohon")
            > palette::fuzzy_score("ser", "Saring tahap ke sr")
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
    // Enter on the last field saves; forwarding follows with the report (portal).
    h.key(KeyCode::Enter);
    assert!(
        matches!(&h.app.pane, Pane::Forward(f) if f.report.is_some()),
        "{:?}",
        h.app.notice
    );
    assert_eq!(h.app.queue.rows.len(), 1);
    let reference = h.app.queue.rows[0].complaint.reference.clone();
    assert_eq!(reference, "ADU-2026-00001");
    assert!(h.app.detail.is_some());
    assert_eq!(h.app.counts.queue.running, 1);

    // Forward (portal): the report goes to the terminal's clipboard and the receipt pane opens.
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Receipt(_)));
    assert_eq!(h.copies.len(), 1);
    assert!(h.copies[0].contains("Permasalahan: Tidak bisa login CEISA"));
    // OSC 52 cannot confirm a copy: the desk says where it sent the report, not
    // that it was copied, and shows the report as text to select by hand.
    let said = &h.app.notice.as_ref().unwrap().text;
    assert!(said.contains("dikirim ke papan klip terminal"), "{said}");
    assert!(!said.contains("disalin"), "{said}");
    assert!(
        h.render_uncut()
            .contains("Permasalahan: Tidak bisa login CEISA")
    );

    // Receipt: a number of an unusual shape is a warning, not a refusal; the
    // handover pane follows.
    h.type_text("12345");
    h.key(KeyCode::Enter);
    assert_eq!(h.selected_stage(), Stage::Ticketed);
    assert_eq!(h.app.notice.as_ref().unwrap().tone, super::app::Tone::Warn);

    // Handover: the message is copied and the SLA clock stops.
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

/// An employee's network complaint, as another window or the command line files it.
fn employee_form() -> crate::domain::intake::IntakeForm {
    crate::domain::intake::IntakeForm {
        name: "Rudi".into(),
        kind: "pegawai".into(),
        nip: "198501012010011001".into(),
        phone: "081234567890".into(),
        channel: "telepon".into(),
        category: "TIK".into(),
        subject: "Jaringan putus".into(),
        description: "Lantai 2.".into(),
        ..Default::default()
    }
}

#[test]
fn question_mark_opens_and_closes_help() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.key(KeyCode::Char('?'));
    assert_eq!(h.app.overlay, Some(Overlay::Help));
    h.key(KeyCode::Char('?'));
    assert_eq!(h.app.overlay, None);
}

#[test]
fn the_palette_finds_actions_by_indonesian_and_english_words() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    for (query, action) in [
        ("selesai", Action::Resolve),
        ("batal", Action::CancelComplaint),
        ("lapor", Action::Forward),
        ("resolve", Action::Resolve),
        ("cancel", Action::CancelComplaint),
        ("hand over", Action::Handover),
        ("riwayat", Action::CycleFilter),
    ] {
        let found = palette::palette_matches(&h.app, query);
        assert_eq!(found.first().map(|b| b.action), Some(action), "{query}");
    }
    h.app.setup.lang = Lang::En;
    let found = palette::palette_matches(&h.app, "teruskan");
    assert_eq!(found.first().map(|b| b.action), Some(Action::Forward));
}

#[test]
fn below_the_smallest_size_only_quit_acts() {
    let mut h = Harness::new(Lang::Id, (79, 23));
    h.key(KeyCode::Char('n'));
    assert!(matches!(h.app.pane, Pane::Queue));
    h.key(KeyCode::Char('?'));
    assert_eq!(h.app.overlay, None);
    h.key(KeyCode::Char('q'));
    assert!(h.app.quit);
}

#[test]
fn the_indonesian_screen_speaks_the_officers_words() {
    let mut h = Harness::new(Lang::Id, (120, 35));
    // An import complaint without the suggested document type: a warning on save.
    h.key(KeyCode::Char('n'));
    h.type_text("2");
    for text in [
        "Siti Rahma",
        "PT Maju",
        "01.234.567.8-901.000",
        "081140001230",
        "w",
        "IMP",
        "02030012345620261127000001",
        "PIB tertahan",
        "Respon belum keluar.",
    ] {
        h.type_text(text);
        h.key(KeyCode::Enter);
    }
    let saved = h.app.notice.clone().unwrap().text;
    assert!(saved.contains("Jenis dokumen: sebaiknya diisi"), "{saved}");
    h.key(KeyCode::Enter); // forward (portal)
    h.type_text("A0254EB2B1");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('t')); // correct the number
    h.key(KeyCode::Backspace);
    h.type_text("2");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter); // yes, replace
    h.key(KeyCode::Enter); // hand over
    let screen = h.render_uncut();
    for internal in [
        "intake",
        "forward —",
        "client sim",
        "ticket_corrected",
        "via whatsapp",
        "pending",
        "nomor_aju",
        "doc_type",
        " ticket ",
    ] {
        assert!(
            !screen.contains(internal),
            "{internal:?} on screen:\n{screen}"
        );
    }
    for words in [
        "Diterima",
        "Diteruskan ke BCare",
        "Nomor tiket dikoreksi",
        "lewat WhatsApp",
    ] {
        assert!(screen.contains(words), "{words:?} missing:\n{screen}");
    }
}

// ------------------------------------------------------------- snapshots

/// The name part of a snapshot taken in `lang` at `size`: "id_80x24".
fn snapshot_suffix(lang: Lang, size: (u16, u16)) -> String {
    let lang = match lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    format!("{lang}_{}x{}", size.0, size.1)
}

fn snapshot_all(lang: Lang, size: (u16, u16)) {
    let suffix = snapshot_suffix(lang, size);
    let mut h = Harness::new(lang, size);
    insta::assert_snapshot!(format!("queue_empty_{suffix}"), h.render_uncut());
    h.key(KeyCode::Char('n'));
    h.type_text("2");
    for _ in 0..5 {
        h.key(KeyCode::Enter);
    }
    h.type_text("BY");
    insta::assert_snapshot!(format!("intake_choices_{suffix}"), h.render_uncut());
    h.ctrl('d');
    h.key(KeyCode::Enter); // yes, throw it away

    h.fill_intake();
    insta::assert_snapshot!(format!("intake_{suffix}"), h.render_uncut());
    h.save_to_queue();
    insta::assert_snapshot!(format!("queue_{suffix}"), h.render_uncut());

    h.key(KeyCode::Char('?'));
    insta::assert_snapshot!(format!("help_{suffix}"), h.render_uncut());
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char(':'));
    h.type_text("ter");
    insta::assert_snapshot!(format!("palette_{suffix}"), h.render_uncut());
    h.key(KeyCode::Esc);

    h.key(KeyCode::Char('f'));
    insta::assert_snapshot!(format!("forward_{suffix}"), h.render_uncut());
    h.key(KeyCode::Enter);
    h.type_text("A0254EB2B");
    insta::assert_snapshot!(format!("receipt_{suffix}"), h.render_uncut());
    h.type_text("1");
    h.key(KeyCode::Enter);
    insta::assert_snapshot!(format!("handover_{suffix}"), h.render_uncut());
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('r'));
    h.type_text("Akun dibuka");
    insta::assert_snapshot!(format!("resolve_{suffix}"), h.render_uncut());
    h.key(KeyCode::Esc);
    insta::assert_snapshot!(format!("question_{suffix}"), h.render_uncut());
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('n'));
    h.type_text("1");
    h.type_text("Budi");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('n'));
    insta::assert_snapshot!(format!("draft_question_{suffix}"), h.render_uncut());
    h.key(KeyCode::Esc);
    while h.app.queue.filter != StageFilter::History {
        h.key(KeyCode::Char('s'));
    }
    insta::assert_snapshot!(format!("history_{suffix}"), h.render_uncut());

    h.send(Msg::Resize(79, 23));
    h.app.size = (79, 23);
    insta::assert_snapshot!(format!("too_small_{suffix}"), h.render());
}

#[test]
fn snapshots_indonesian_120x35() {
    snapshot_all(Lang::Id, (120, 35));
}

#[test]
fn snapshots_indonesian_80x24() {
    snapshot_all(Lang::Id, (80, 24));
}

#[test]
fn snapshots_english_120x35() {
    snapshot_all(Lang::En, (120, 35));
}

#[test]
fn snapshots_english_80x24() {
    snapshot_all(Lang::En, (80, 24));
}

#[test]
fn a_damaged_database_found_in_the_background_takes_the_status_bar() {
    let mut h = Harness::new(Lang::Id, (80, 24));
    assert!(!h.render().contains("DATABASE RUSAK"));
    h.send(Msg::Done(Outcome::IntegrityFailed(
        "page 7: btreeInitPage() returns error code 11".into(),
    )));
    let screen = h.render();
    assert!(screen.contains("DATABASE RUSAK: page 7"), "{screen}");
}

#[test]
fn the_background_check_reports_only_a_damaged_file() {
    let mut h = Harness::new(Lang::Id, (80, 24));
    let mut sampler =
        crate::demo::Sampler::new(h.desk.calendar().clone(), h.desk.now(), 2_000, 7).unwrap();
    h.desk
        .demo(|n| sampler.batch(n), false, &mut |_| {})
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    super::start_integrity_check(&h.desk, tx.clone());
    assert!(
        rx.recv_timeout(std::time::Duration::from_secs(5)).is_err(),
        "a healthy file raised the alarm"
    );
    // Damage pages in the middle of the file (the data, not the header).
    let path = h.desk.file().expect("a file").to_path_buf();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid..mid + 40_000].fill(0x5a);
    std::fs::write(&path, bytes).unwrap();
    super::start_integrity_check(&h.desk, tx);
    match rx.recv_timeout(std::time::Duration::from_secs(30)) {
        Ok(super::Incoming::Worker(Outcome::IntegrityFailed(p))) => {
            assert!(!p.is_empty())
        }
        _ => panic!("the damage went unreported"),
    }
}

// ------------------------------------------------------------- a caller's message

/// A WhatsApp message as the officer copies it from WhatsApp Web.
const WA_MESSAGE: &str = "[27/11/26 10.15] Andi: Selamat siang, saya Andi dari PT Samudra, \
PIB kami nomor aju 000020-010017-20261127-000123 belum dapat respon sejak pagi, \
NPWP 01.234.567.8-901.000, mohon bantuannya. WA 0812 3456 7890";

fn snapshot_pasted(lang: Lang, size: (u16, u16)) {
    let suffix = snapshot_suffix(lang, size);
    let mut h = Harness::new(lang, size);
    h.key(KeyCode::Char('n'));
    h.send(Msg::Paste(WA_MESSAGE.into()));
    insta::assert_snapshot!(format!("intake_pasted_{suffix}"), h.render_uncut());
}

#[test]
fn snapshots_of_a_form_filled_from_a_message() {
    for lang in [Lang::Id, Lang::En] {
        for size in [(120, 35), (80, 24)] {
            snapshot_pasted(lang, size);
        }
    }
}

// ------------------------------------------------------------- the section's report

/// Files a complaint from the keyboard and takes it to a ticket (the handover pane open).
fn file_to_ticket(h: &mut Harness, ticket: &str) {
    h.fill_intake();
    h.save_to_queue();
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Enter);
    h.type_text(ticket);
    h.key(KeyCode::Enter);
    assert!(
        matches!(h.app.pane, Pane::Handover(_)),
        "{:?}",
        h.app.notice
    );
}

/// The same database with the clock at `local` WITA on Monday 30 November 2026.
fn desk_at(h: &Harness, hour: u32, minute: u32) -> Desk {
    let mut config = Config::default();
    config.officer.name = Some("petugas-uji".into());
    let now = Utc
        .with_ymd_and_hms(2026, 11, 30, hour - 8, minute, 0)
        .unwrap();
    Desk::open(
        h._dir.path().join("desk.db"),
        config,
        None,
        Arc::new(move || now),
    )
    .unwrap()
}

/// Three complaints of one morning: handed over in time, handed over late with a
/// reason (BCare down), and one still open.
fn report_fixture(lang: Lang, size: (u16, u16)) -> Harness {
    let mut h = Harness::new(lang, size);
    file_to_ticket(&mut h, "A0254EB2B1");
    h.key(KeyCode::Enter); // handed over at 09:00: in time
    file_to_ticket(&mut h, "A0254EB2B2");
    h.key(KeyCode::Esc);
    // 12:30 is past 11:00, the 2-working-hour deadline of a 09:00 complaint.
    let mut late = desk_at(&h, 12, 30);
    late.hand_over_with_reason(
        "ADU-2026-00002",
        "whatsapp",
        Some("bcare-down"),
        Some("server BCare mati"),
    )
    .unwrap();
    h.fill_intake();
    h.save_to_queue();
    h
}

#[test]
fn snapshots_of_the_report_pane() {
    for lang in [Lang::Id, Lang::En] {
        for size in [(120, 35), (80, 24)] {
            let mut h = report_fixture(lang, size);
            h.key(KeyCode::Char('l'));
            let suffix = snapshot_suffix(lang, size);
            insta::assert_snapshot!(format!("report_{suffix}"), h.render_uncut());
        }
    }
}

// ------------------------------------------------------------- a late handover

/// The handover pane of a 09:00 complaint, with the desk and the screen at 12:30.
fn late_handover(lang: Lang, size: (u16, u16)) -> Harness {
    let mut h = Harness::new(lang, size);
    file_to_ticket(&mut h, "A0254EB2B1");
    h.desk = desk_at(&h, 12, 30);
    h.send(Msg::Tick(
        Utc.with_ymd_and_hms(2026, 11, 30, 4, 30, 0).unwrap(),
    ));
    h
}

#[test]
fn snapshots_of_a_late_handover() {
    for lang in [Lang::Id, Lang::En] {
        for size in [(120, 35), (80, 24)] {
            let mut h = late_handover(lang, size);
            h.type_text("1");
            h.type_text("server mati");
            let suffix = snapshot_suffix(lang, size);
            insta::assert_snapshot!(format!("handover_late_{suffix}"), h.render_uncut());
        }
    }
}

// ------------------------------------------------- one outage, many callers

mod callers;

// ------------------------------------------------- the shift handoff, notices owed

mod shift;

// ------------------------------------------------- late callers in the handover walk

mod late_walk;

// ------------------------------------------------- the holidays: an SKB pasted in

mod calendar;

// ------------------------------------------------- the rooms of the screen and their walls

mod rooms;

// ------------------------------------------------- the intake form and a caller's message

mod intake;

// ------------------------------------------------- the queue, search and paging

mod queue;

// ------------------------------------------------- forward, receipt, handover, close

mod steps;

// ------------------------------------------------- the section's report

mod report;

// ------------------------------------------------- a held desk: the mark and the step guard

mod working;

// ------------------------------------------------- telling applicants, and the SKM line

mod notify;

// ------------------------------------------------- the CEISACare token

mod token;
