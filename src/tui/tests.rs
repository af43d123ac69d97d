//! Key sequences → state, against a real desk on a temporary database with a fixed
//! clock; and snapshots of every screen at 120×35 and 80×24 in both languages.

use super::action::{Action, Msg, Outcome};
use super::app::{App, Overlay, Pane, StageFilter};
use super::effects::Effect;
use super::form::Field;
use super::{dispatch, open_app, translate, update, view};
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
        for t in super::i18n::T::ALL {
            for lang in [Lang::Id, Lang::En] {
                words.extend(tokens(t.get(lang)).map(|(t, _)| t));
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

#[test]
fn leaving_a_field_shows_its_error_and_saving_marks_them_all() {
    let mut h = Harness::new(Lang::En, (100, 30));
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Tab); // leave kind empty
    assert_eq!(
        h.intake().errors.get("kind").map(String::as_str),
        Some("is required")
    );
    h.press(KeyCode::BackTab, KeyModifiers::SHIFT);
    h.type_text("1"); // employee: the error goes at once, and the form moves on
    assert!(!h.intake().errors.contains_key("kind"));
    assert_eq!(h.intake().focused(), Field::Name);
    h.key(KeyCode::Tab); // leave name empty
    assert_eq!(
        h.intake().focused(),
        Field::Nip,
        "an employee is asked for a NIP"
    );
    h.type_text("12345"); // NIP too short
    h.key(KeyCode::Tab);
    assert!(
        h.intake().errors.contains_key("nip"),
        "{:?}",
        h.intake().errors
    );
    h.ctrl('s');
    let form = h.intake();
    for key in ["name", "channel", "category", "subject", "description"] {
        assert!(form.errors.contains_key(key), "{key}: {:?}", form.errors);
    }
    assert_eq!(form.focused(), Field::Name, "focus goes to the first error");
    assert_eq!(
        h.app.notice.as_ref().unwrap().text,
        "Check the fields marked in red."
    );
    assert_eq!(h.desk.counts().unwrap().running, 0);
}

#[test]
fn the_form_asks_what_the_applicant_and_category_need() {
    let mut h = Harness::new(Lang::En, (100, 30));
    let cats = h.app.setup.categories.clone();
    h.key(KeyCode::Char('n'));
    let main = |h: &Harness| h.intake().visible(&cats);
    assert_eq!(
        main(&h),
        [
            Field::Kind,
            Field::Name,
            Field::Phone,
            Field::Channel,
            Field::Category,
            Field::Subject,
            Field::Description
        ]
    );
    h.type_text("2"); // service user
    assert_eq!(&main(&h)[2..4], [Field::Org, Field::Npwp]);
    assert!(!main(&h).contains(&Field::Nip));
    assert!(h.intake().required(Field::Org, &cats));
    assert!(!h.intake().required(Field::Nip, &cats));
    for _ in 0..4 {
        h.key(KeyCode::Enter); // name, company, NPWP, phone → channel
    }
    assert_eq!(h.intake().focused(), Field::Channel);
    h.type_text("w");
    assert_eq!(h.intake().channel, Some(Channel::Whatsapp));
    h.key(KeyCode::Enter);
    h.type_text("BY");
    assert_eq!(h.intake().to_form(&cats).category, "BYR");
    assert!(main(&h).contains(&Field::Aju), "BYR asks for the nomor aju");
    assert!(
        !h.intake().required(Field::Aju, &cats),
        "…but does not require it"
    );
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.type_text("ak");
    assert_eq!(h.intake().to_form(&cats).category, "AKUN");
    assert!(main(&h).contains(&Field::UserId));
    assert!(!main(&h).contains(&Field::Aju));
    assert!(h.intake().required(Field::UserId, &cats));
    // By number: "1" could still become 10, 11 or 12; "2" then settles on the 12th.
    h.type_text("1");
    assert_eq!(h.intake().focused(), Field::Category);
    h.type_text("2");
    assert_eq!(h.intake().to_form(&cats).category, "LAIN");
    assert_eq!(
        h.intake().focused(),
        Field::Subject,
        "a settled number moves on"
    );
    // A letter nothing starts with changes nothing.
    h.press(KeyCode::BackTab, KeyModifiers::SHIFT);
    h.type_text("q");
    assert_eq!(h.intake().to_form(&cats).category, "LAIN");
    // The optional fields sit behind one key.
    assert!(!main(&h).contains(&Field::Email));
    h.ctrl('o');
    assert!(main(&h).contains(&Field::Email));
    assert!(!main(&h).contains(&Field::Nip), "no NIP for a service user");
}

#[test]
fn an_error_goes_the_moment_it_is_fixed() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.key(KeyCode::Char('n'));
    h.type_text("1");
    h.type_text("Andi");
    h.key(KeyCode::Enter);
    h.type_text("19850101201001100"); // 17 digits
    h.key(KeyCode::Enter);
    assert!(h.intake().errors.contains_key("nip"));
    h.press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(h.intake().focused(), Field::Nip);
    h.type_text("1");
    assert!(
        !h.intake().errors.contains_key("nip"),
        "{:?}",
        h.intake().errors
    );
    // An error about a field that no longer applies goes when the kind changes.
    h.type_text("x");
    h.key(KeyCode::Enter);
    assert!(h.intake().errors.contains_key("nip"));
    for _ in 0..3 {
        h.press(KeyCode::BackTab, KeyModifiers::SHIFT);
    }
    assert_eq!(h.intake().focused(), Field::Kind);
    h.key(KeyCode::Right); // service user
    assert!(!h.intake().errors.contains_key("nip"));
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
    h.key(KeyCode::Enter); // resume the draft
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
        h.save_to_queue();
    }
    // The first gets a ticket the normal way.
    h.app.queue.selected = 0;
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Enter);
    h.type_text("A0254EB2B1");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.notice.as_ref().unwrap().tone, super::app::Tone::Good);
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
fn the_queue_follows_changes_made_elsewhere_on_the_next_tick() {
    let mut h = Harness::new(Lang::En, (100, 30));
    let mut other = h.other_desk();
    let form = employee_form();
    other.intake(&form).unwrap();
    assert!(h.app.queue.rows.is_empty(), "nothing read yet");
    h.send(Msg::Tick(monday_morning()));
    assert_eq!(h.app.queue.rows.len(), 1, "filed from the command line");
    assert_eq!(h.app.counts.queue.running, 1);
    assert!(h.app.detail.is_some());
    // A step taken elsewhere moves the row and its detail.
    let nudges = h.nudges;
    other.forward("ADU-2026-00001").unwrap();
    h.send(Msg::Tick(monday_morning()));
    assert!(
        h.nudges > nudges,
        "the worker is woken for what was queued elsewhere"
    );
    assert_eq!(h.selected_stage(), Stage::Forwarded);
    let d = h.app.detail.as_ref().unwrap();
    assert_eq!(d.dossier.complaint.stage, Stage::Forwarded);
    // Nothing changed: the tick asks the counter and reads nothing more.
    let before = h.app.data_version;
    let fx = update::update(&mut h.app, Msg::Tick(monday_morning()));
    assert!(fx.iter().all(|e| !matches!(e, Effect::LoadQueue(_))));
    let v = super::effects::run(&mut h.desk, Lang::En, Effect::CheckDataVersion);
    h.send(Msg::Done(v.into_iter().next().unwrap()));
    assert_eq!(h.app.data_version, before);
}

#[test]
fn the_detail_shows_the_outbox_row_as_it_stands() {
    let mut h = Harness::with_client(Lang::En, (120, 35), ClientKind::Sim);
    h.fill_intake();
    h.ctrl('s');
    h.key(KeyCode::Enter); // send
    assert!(
        h.render()
            .contains("Delivery: waiting to send, not tried yet")
    );
    // The worker (another connection) fails four times; the next tick shows it.
    let worker = h.other_desk();
    let row = worker.dossier("ADU-2026-00001").unwrap().outbox[0].id;
    for _ in 0..4 {
        worker
            .attempt_failed(row, "HTTP 503 from BCare", monday_morning())
            .unwrap();
    }
    h.send(Msg::Tick(monday_morning()));
    let screen = h.render();
    assert!(
        screen.contains("Delivery: waiting to send; tried 4×,"),
        "{screen}"
    );
    assert!(
        screen.contains("BCare said: “HTTP 503 from BCare”"),
        "{screen}"
    );
    assert!(!screen.contains("pending"), "{screen}");
}

#[test]
fn without_colour_a_warning_level_shows_its_mark() {
    let mut h = Harness::new(Lang::En, (80, 24));
    let mut other = h.other_desk();
    let form = crate::domain::intake::IntakeForm {
        received_at: "2026-11-30 07:50".into(),
        ..employee_form()
    };
    other.intake(&form).unwrap();
    h.send(Msg::Tick(monday_morning()));
    // 70 of 120 working minutes used: past half, "!" beside the time.
    let screen = h.render_uncut();
    assert!(screen.contains("0:50!"), "{screen}");
    assert!(
        screen.contains("0:50!  │") && screen.contains("(past 50%)"),
        "{screen}"
    );
    assert_ne!(
        super::view::level_mark_for_tests(crate::domain::sla::SlaLevel::Warn50),
        super::view::level_mark_for_tests(crate::domain::sla::SlaLevel::Warn80)
    );
}

#[test]
fn the_status_bar_gives_way_part_by_part_and_keeps_the_calendar_alarm() {
    let mut h = Harness::new(Lang::Id, (80, 24));
    h.app.setup.calendar_notice = Some(crate::domain::calendar::CalendarNotice::ThisYear {
        year: 2027,
        coverage: crate::domain::calendar::Coverage::Missing,
    });
    h.app.counts.queue.running = 12;
    h.app.counts.queue.breached = 3;
    let screen = h.render_uncut();
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("KALENDER TANPA DATA LIBUR 2027"),
        "{status}"
    );
    assert!(status.contains("3 lewat"), "{status}");
    assert!(!status.contains("BCare: port "), "no part is cut: {status}");
    assert!(
        !status.contains("BCare"),
        "the least important part went whole"
    );
    // BCare out of reach is news: it stays.
    h.app.setup.calendar_notice = None;
    h.app.setup.client = ClientKind::Sim;
    h.app.reachable = Some(false);
    let screen = h.render_uncut();
    let status = screen.lines().last().unwrap();
    assert!(status.contains("tak terhubung"), "{status}");
    // Wider, everything shows.
    h.app.size = (120, 35);
    let status = h.render_uncut().lines().last().unwrap().to_string();
    assert!(status.contains("12 di jam SLA"), "{status}");
    assert!(status.contains("BCare: sim tak terhubung"), "{status}");
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
        let found = update::palette_matches(&h.app, query);
        assert_eq!(found.first().map(|b| b.action), Some(action), "{query}");
    }
    h.app.setup.lang = Lang::En;
    let found = update::palette_matches(&h.app, "teruskan");
    assert_eq!(found.first().map(|b| b.action), Some(Action::Forward));
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
        Some(Overlay::Confirm(super::app::Ask::DropEdits))
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
fn n_with_a_waiting_draft_offers_to_resume_it_or_start_new() {
    let mut h = Harness::new(Lang::En, (100, 30));
    h.key(KeyCode::Char('n'));
    h.type_text("1");
    h.type_text("Budi");
    h.key(KeyCode::Esc);
    assert!(
        h.render().contains("A draft waits: Budi"),
        "the queue says so"
    );
    h.key(KeyCode::Char('n'));
    assert!(matches!(
        &h.app.overlay,
        Some(Overlay::Confirm(super::app::Ask::Draft { name, .. })) if name == "Budi"
    ));
    assert!(h.render_uncut().contains("Budi"));
    h.key(KeyCode::Enter); // resume
    assert_eq!(h.intake().text(Field::Name), "Budi");
    h.key(KeyCode::Esc);
    // A new caller: n starts an empty form and drops the draft.
    h.key(KeyCode::Char('n'));
    h.type_text("n");
    assert_eq!(h.intake().text(Field::Name), "");
    h.type_text("2");
    h.type_text("Sari");
    assert_eq!(
        h.intake().text(Field::Name),
        "Sari",
        "nothing of Budi's draft"
    );
    let kept = open_app(&h.desk, Lang::En, (100, 30)).draft;
    assert_ne!(kept.map(|d| d.0.name), Some("Budi".to_string()));
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
        Some(Overlay::Confirm(super::app::Ask::ReplaceTicket { current, .. })) if current == "A0254EB2B1"
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
fn history_is_newest_first_within_its_week() {
    let mut h = Harness::new(Lang::En, (100, 30));
    let mut other = h.other_desk();
    for (name, at) in [("Lama", "2026-11-20 08:00"), ("Baru", "2026-11-30 08:00")] {
        let form = crate::domain::intake::IntakeForm {
            name: name.into(),
            kind: "pegawai".into(),
            nip: "198501012010011001".into(),
            phone: "081234567890".into(),
            channel: "telepon".into(),
            category: "TIK".into(),
            subject: "Jaringan".into(),
            description: "Putus.".into(),
            received_at: at.into(),
            ..Default::default()
        };
        other.intake(&form).unwrap();
    }
    while h.app.queue.filter != StageFilter::History {
        h.key(KeyCode::Char('s'));
    }
    let names: Vec<String> = h
        .app
        .queue
        .rows
        .iter()
        .map(|r| r.complaint.details.applicant.name.clone())
        .collect();
    assert_eq!(names, ["Baru"], "this week only");
    assert!(h.render_uncut().contains("history 2026-11-24 – 2026-11-30"));
    assert!(h.render().contains("newest first"));
    h.key(KeyCode::Char('['));
    let names: Vec<String> = h
        .app
        .queue
        .rows
        .iter()
        .map(|r| r.complaint.details.applicant.name.clone())
        .collect();
    assert_eq!(names, ["Lama"], "the week before");
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
    h.send(Msg::Done(super::action::Outcome::Delivered {
        reference: "ADU-2026-00001".into(),
        ticket_no: "A0254EB2B1".into(),
    }));
    assert!(matches!(h.app.pane, Pane::Queue));
    // The awaited one: its handover opens.
    h.send(Msg::Done(super::action::Outcome::Delivered {
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
    h.send(Msg::Done(super::action::Outcome::Delivered {
        reference: "ADU-2026-00003".into(),
        ticket_no: "A0254EB2B1".into(),
    }));
    assert!(matches!(h.app.pane, Pane::Queue));
}

#[test]
fn a_send_failure_says_whether_the_worker_tries_again() {
    let mut h = Harness::new(Lang::En, (100, 30));
    h.send(Msg::Done(super::action::Outcome::SendFailed {
        reference: "ADU-2026-00001".into(),
        error: "BCare is busy or down (HTTP 503)".into(),
        retry_at: Some("09:05".into()),
    }));
    let busy = h.app.notice.clone().unwrap().text;
    assert!(busy.contains("retry at 09:05"), "{busy}");
    h.send(Msg::Done(super::action::Outcome::SendFailed {
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
fn search_filters_as_you_type_and_esc_clears() {
    let mut h = Harness::new(Lang::Id, (100, 30));
    h.fill_intake();
    h.save_to_queue();
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
    h.save_to_queue();
    h.key(KeyCode::Char('/'));
    let a = type_held(&mut h, 'a');
    let ab = type_held(&mut h, 'b');
    assert!(ab.seq > a.seq);
    // The queue as "ab" would leave it: nothing matches.
    h.app.queue.rows.clear();
    // The answer for "a" arrives after "ab" was sent: "a" matches Andi, "ab" nothing.
    let late = super::search::run(&h.desk.search_connection().unwrap(), Lang::Id, a.clone());
    assert!(matches!(&late, Outcome::SearchAnswered { rows, .. } if rows.len() == 1));
    h.send(Msg::Done(late));
    assert_eq!(h.app.queue.search.as_deref(), Some("ab"));
    assert!(
        h.app.queue.rows.is_empty(),
        "the stale answer for 'a' was shown under 'ab'"
    );
    let newest = super::search::run(&h.desk.search_connection().unwrap(), Lang::Id, ab.clone());
    h.send(Msg::Done(newest));
    assert!(h.app.queue.rows.is_empty());
    // Esc and `/` again: the answer to the newest search sent, "ab", is for a
    // line that is gone; nor may the older "a" fill the new, empty line.
    h.key(KeyCode::Esc);
    assert_eq!(h.app.queue.rows.len(), 1);
    h.key(KeyCode::Char('/'));
    h.app.queue.rows.clear();
    for q in [ab, a] {
        let mut answer = super::search::run(&h.desk.search_connection().unwrap(), Lang::Id, q);
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
    h.save_to_queue();
    h.key(KeyCode::Char('/'));
    let _older = type_held(&mut h, 'z');
    h.key(KeyCode::Backspace);
    let a = type_held(&mut h, 'a');
    h.app.queue.rows.clear();
    h.app.detail = None;
    let answer = super::search::run(&h.desk.search_connection().unwrap(), Lang::Id, a);
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
        h.save_to_queue();
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
    let mut h = Harness::new(Lang::Id, (120, 40));
    h.fill_intake();
    h.save_to_queue();
    // Past every filter on the way in: written straight into the file.
    const STORED: &str = "\x1b[2J\x1b]52;c;SGFjaw==\x07\u{9b}31m\u{202e}Racun";
    let conn = rusqlite::Connection::open(h._dir.path().join("desk.db")).unwrap();
    let n = conn
        .execute(
            "UPDATE complaints SET subject = ?1, applicant_name = ?1, description = ?1, org = ?1",
            [STORED],
        )
        .unwrap();
    assert_eq!(n, 1);
    // The desk opens on that file: the queue and the complaint's detail.
    h.app = open_app(&h.desk, Lang::Id, (120, 40));
    for e in update::start(&mut h.app) {
        for o in super::effects::run(&mut h.desk, Lang::Id, e) {
            h.send(Msg::Done(o));
        }
    }
    assert!(h.app.detail.is_some());
    let screen = h.render();
    assert!(screen.contains("Racun"), "the text is there: {screen}");
    assert!(screen.contains("^["), "the escape shows as text: {screen}");
    let acting = |c: char| {
        (c < ' ' && c != '\n')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    assert!(!screen.chars().any(acting), "{screen:?}");
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
    h.send(Msg::Done(super::action::Outcome::IntegrityFailed(
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
        Ok(super::Incoming::Worker(super::action::Outcome::IntegrityFailed(p))) => {
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

fn new_form(app: &mut App) {
    update::update(app, Msg::Do(Action::NewIntake));
    assert!(matches!(app.pane, Pane::Intake(_)));
}

fn form_of(app: &App) -> &super::form::IntakeState {
    match &app.pane {
        Pane::Intake(f) => f,
        other => panic!("expected the intake pane, got {other:?}"),
    }
}

#[test]
fn a_paste_into_an_empty_form_fills_and_marks_the_fields() {
    let mut app = bare_app();
    new_form(&mut app);
    let fx = update::update(&mut app, Msg::Paste(WA_MESSAGE.into()));
    assert!(
        matches!(&fx[0], Effect::SaveDraft(_)),
        "the filled form is kept as a draft: {fx:?}"
    );
    let cats = app.setup.categories.clone();
    let form = form_of(&app);
    let f = form.to_form(&cats);
    assert_eq!(f.kind, "pengguna-jasa");
    assert_eq!(f.name, "Andi");
    assert_eq!(f.org, "PT Samudra");
    assert_eq!(f.npwp, "012345678901000");
    assert_eq!(f.phone, "+6281234567890");
    assert_eq!(f.channel, "whatsapp");
    assert_eq!(f.category, "IMP", "PIB points to import");
    assert_eq!(f.aju, ["00002001001720261127000123"]);
    assert!(f.description.contains("belum dapat respon"));
    assert!(form.marked.contains(&Field::Name) && form.marked.contains(&Field::Phone));
    assert!(
        !form.marked.contains(&Field::Subject),
        "nothing proposes a subject"
    );
    assert_eq!(
        form.focus,
        Field::Subject,
        "the cursor waits where the officer acts"
    );
    assert!(app.notice.as_ref().unwrap().text.contains("Ctrl-Z"));
}

#[test]
fn undo_puts_back_the_form_as_it_was_and_keeps_later_typing() {
    let mut app = bare_app();
    new_form(&mut app);
    update::update(&mut app, Msg::Paste(WA_MESSAGE.into()));
    for c in "PIB belum respon".chars() {
        update::update(&mut app, Msg::Type(KeyEvent::from(KeyCode::Char(c))));
    }
    update::update(&mut app, Msg::Do(Action::UndoFill));
    let cats = app.setup.categories.clone();
    let form = form_of(&app);
    let f = form.to_form(&cats);
    assert_eq!(f.name, "");
    assert_eq!(f.phone, "");
    assert_eq!(f.kind, "");
    assert_eq!(f.category, "");
    assert_eq!(f.description, "");
    assert!(f.aju.is_empty());
    assert_eq!(f.subject, "PIB belum respon", "what was typed after stays");
    assert!(form.marked.is_empty());
    // A second undo has nothing to undo, and says so.
    update::update(&mut app, Msg::Do(Action::UndoFill));
    assert_eq!(app.notice.as_ref().unwrap().tone, super::app::Tone::Warn);
}

#[test]
fn a_message_never_overwrites_what_the_officer_typed() {
    let mut app = bare_app();
    new_form(&mut app);
    // Service user, by number (moves on to the name), then the name.
    for c in "2Siti Rahma".chars() {
        update::update(&mut app, Msg::Type(KeyEvent::from(KeyCode::Char(c))));
    }
    // The form is no longer empty: a paste goes into the focused field as typed text.
    update::update(&mut app, Msg::Paste(" binti Ahmad".into()));
    assert_eq!(form_of(&app).text(Field::Name), "Siti Rahma binti Ahmad");
    assert!(form_of(&app).marked.is_empty());
    // The message typed (or pasted) into the description is read with the key.
    if let Pane::Intake(form) = &mut app.pane {
        form.textarea_mut(Field::Description)
            .unwrap()
            .insert_str(WA_MESSAGE);
    }
    update::update(&mut app, Msg::Do(Action::ReadMessage));
    let cats = app.setup.categories.clone();
    let f = form_of(&app).to_form(&cats);
    assert_eq!(f.name, "Siti Rahma binti Ahmad", "typed, so kept");
    assert_eq!(f.kind, "pengguna-jasa");
    assert_eq!(f.phone, "+6281234567890", "empty, so filled");
    assert_eq!(
        f.description, WA_MESSAGE,
        "the message stays the description, once"
    );
    assert!(!form_of(&app).marked.contains(&Field::Name));
}

#[test]
fn a_paste_with_the_terminals_carriage_returns_keeps_its_lines() {
    let mut app = bare_app();
    new_form(&mut app);
    let message =
        "Selamat pagi,\rsaya Budi dari CV Sinar Laut\r\nTerima kasih\rBudi\r0811 2345 678\r";
    update::update(&mut app, Msg::Paste(message.into()));
    let cats = app.setup.categories.clone();
    let f = form_of(&app).to_form(&cats);
    assert_eq!(f.phone, "+628112345678", "the last line is read on its own");
    assert!(
        f.description.contains("Terima kasih\nBudi\n0811"),
        "{:?}",
        f.description
    );
}

#[test]
fn a_name_pasted_alone_into_an_empty_form_is_the_name() {
    let mut app = bare_app();
    new_form(&mut app);
    update::update(&mut app, Msg::Do(Action::NextField));
    assert_eq!(form_of(&app).focus, Field::Name);
    update::update(&mut app, Msg::Paste("Siti Rahma".into()));
    assert_eq!(form_of(&app).text(Field::Name), "Siti Rahma");
    assert_eq!(form_of(&app).text(Field::Description), "");
    assert!(form_of(&app).marked.is_empty());
}

#[test]
fn a_message_too_long_to_read_changes_nothing() {
    let mut app = bare_app();
    new_form(&mut app);
    let huge = "PIB belum respon ".repeat(5000);
    let fx = update::update(&mut app, Msg::Paste(huge));
    assert!(fx.is_empty());
    assert!(form_of(&app).is_blank());
    let n = app.notice.as_ref().unwrap();
    assert_eq!(n.tone, super::app::Tone::Bad);
    assert!(n.text.contains("KiB"), "{}", n.text);
}

#[test]
fn a_password_in_the_message_is_named_and_never_reaches_the_draft() {
    let mut h = Harness::new(Lang::En, (100, 30));
    h.key(KeyCode::Char('n'));
    h.send(Msg::Paste(
        "saya Andi dari PT Samudra, tidak bisa login, password saya Rahasia123! \
         WA 0812 3456 7890"
            .into(),
    ));
    assert_eq!(h.app.notice.as_ref().unwrap().tone, super::app::Tone::Bad);
    assert!(h.app.notice.as_ref().unwrap().text.contains("password"));
    assert!(h.render().contains("◆"), "the filled fields are marked");
    assert!(
        h.intake().errors.contains_key("description"),
        "named at the field: {:?}",
        h.intake().errors
    );
    let (body, _) = h.desk.load_draft("intake").unwrap().unwrap();
    assert!(!body.contains("Rahasia123"), "{body}");
    assert!(body.contains("+6281234567890"), "the rest is kept: {body}");
    // Undone, the form is as it was: no error about a message no longer there.
    h.ctrl('z');
    assert!(h.intake().errors.is_empty(), "{:?}", h.intake().errors);
    assert!(h.intake().is_blank());
}

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
        month,
        crate::domain::report::GroupBy::Category,
        &crate::domain::calendar::WorkCalendar::builtin(),
        chrono::TimeDelta::hours(2),
    );
    update::update(
        &mut app,
        Msg::Done(super::action::Outcome::SectionReportLoaded(Box::new(stale))),
    );
    let Pane::Report(r) = &app.pane else { panic!() };
    assert_ne!(r.period, month);
    assert!(r.report.is_none());
}

#[test]
fn the_palette_finds_the_report_by_laporan_and_report() {
    let app = bare_app();
    for word in ["laporan", "report"] {
        let found = update::palette_matches(&app, word);
        assert_eq!(
            found.first().map(|b| b.action),
            Some(Action::OpenReport),
            "{word}"
        );
    }
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
    h.send(Msg::Done(super::action::Outcome::Failed(
        "disk I/O error".into(),
    )));
    h.app.notice = None;
    assert!(h.render().contains("disk I/O error"), "{}", h.render());
}

#[test]
fn a_choice_settled_by_number_moves_past_fields_the_message_filled() {
    // No chat header: the message names no channel, but it does name the category.
    let mut app = bare_app();
    new_form(&mut app);
    let body = WA_MESSAGE.split_once(": ").map(|(_, b)| b).unwrap();
    update::update(&mut app, Msg::Paste(body.into()));
    assert_eq!(
        form_of(&app).focus,
        Field::Channel,
        "the channel is asked for"
    );
    update::update(&mut app, Msg::Type(KeyEvent::from(KeyCode::Char('3'))));
    let cats = app.setup.categories.clone();
    let form = form_of(&app);
    assert_eq!(form.to_form(&cats).channel, "whatsapp");
    assert_eq!(
        form.focus,
        Field::Subject,
        "the category the message named is not in the way of the next keys"
    );
    assert_eq!(form.to_form(&cats).category, "IMP");
}
// ------------------------------------------------- one outage, many callers

mod callers;

// ------------------------------------------------- the shift handoff, notices owed

mod shift;

// ------------------------------------------------- late callers in the handover walk

mod late_walk;

// ------------------------------------------------- the holidays: an SKB pasted in

mod calendar;
