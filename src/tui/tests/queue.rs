//! The queue from the keyboard: following other windows' writes, the detail and
//! the status bar, the history week, search as you type, paging.

use super::*;

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
    let v = crate::tui::effects::run(&mut h.desk, Lang::En, Effect::CheckDataVersion);
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
        crate::tui::view::level_mark_for_tests(crate::domain::sla::SlaLevel::Warn50),
        crate::tui::view::level_mark_for_tests(crate::domain::sla::SlaLevel::Warn80)
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
    assert!(
        status.contains("BCare: simulator tak terhubung"),
        "{status}"
    );
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
    // The title says what is listed: the search and its hits, not the stage's count.
    let top = h.render().lines().next().unwrap_or_default().to_string();
    assert!(
        top.contains("Cari \u{201c}andi\u{201d}: 1 ditemukan"),
        "{top}"
    );
    h.key(KeyCode::Esc);
    assert_eq!(h.app.queue.search, None);
    assert!(!h.app.queue.searching);
}

/// Types one key into the search line; the search it asks for is held back.
fn type_held(h: &mut Harness, c: char) -> crate::tui::effect::SearchQuery {
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
    let late = crate::tui::search::run(&h.desk.search_connection().unwrap(), Lang::Id, a.clone());
    assert!(matches!(&late, Outcome::SearchAnswered { rows, .. } if rows.len() == 1));
    h.send(Msg::Done(late));
    assert_eq!(h.app.queue.search.as_deref(), Some("ab"));
    assert!(
        h.app.queue.rows.is_empty(),
        "the stale answer for 'a' was shown under 'ab'"
    );
    let newest =
        crate::tui::search::run(&h.desk.search_connection().unwrap(), Lang::Id, ab.clone());
    h.send(Msg::Done(newest));
    assert!(h.app.queue.rows.is_empty());
    // Esc and `/` again: the answer to the newest search sent, "ab", is for a
    // line that is gone; nor may the older "a" fill the new, empty line.
    h.key(KeyCode::Esc);
    assert_eq!(h.app.queue.rows.len(), 1);
    h.key(KeyCode::Char('/'));
    h.app.queue.rows.clear();
    for q in [ab, a] {
        let mut answer = crate::tui::search::run(&h.desk.search_connection().unwrap(), Lang::Id, q);
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
    let answer = crate::tui::search::run(&h.desk.search_connection().unwrap(), Lang::Id, a);
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
        for o in crate::tui::effects::run(&mut h.desk, Lang::Id, e) {
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

#[test]
fn home_and_end_go_to_the_first_and_the_last_row_on_the_page() {
    let mut h = Harness::new(Lang::En, (120, 35));
    for _ in 0..3 {
        h.fill_intake();
        h.save_to_queue();
    }
    assert_eq!(h.app.queue.rows.len(), 3);
    h.key(KeyCode::End);
    assert_eq!(h.app.queue.selected, 2);
    h.key(KeyCode::Home);
    assert_eq!(h.app.queue.selected, 0);
}
