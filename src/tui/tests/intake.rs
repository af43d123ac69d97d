//! The intake form from the keyboard: fields and their errors, the draft, and a
//! caller's message pasted in and read into the empty fields.

use super::*;

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
    // Ctrl-D throws it away, once Enter answers its question.
    h.ctrl('d');
    h.key(KeyCode::Enter);
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
        Some(Overlay::Confirm(crate::tui::app::Ask::Draft { name, .. })) if name == "Budi"
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

fn new_form(app: &mut App) {
    update::update(app, Msg::Do(Action::NewIntake));
    assert!(matches!(app.pane, Pane::Intake(_)));
}

fn form_of(app: &App) -> &crate::tui::form::IntakeState {
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
    // The message's own time, not the clock's: the SLA starts when it was sent.
    assert_eq!(f.received_at, "2026-11-27 10:15");
    assert!(form.marked.contains(&Field::ReceivedAt));
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
    assert_eq!(
        app.notice.as_ref().unwrap().tone,
        crate::tui::app::Tone::Warn
    );
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
    assert_eq!(n.tone, crate::tui::app::Tone::Bad);
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
    assert_eq!(
        h.app.notice.as_ref().unwrap().tone,
        crate::tui::app::Tone::Bad
    );
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

#[test]
fn a_receipt_time_the_officer_typed_is_kept_over_the_messages() {
    let mut app = bare_app();
    new_form(&mut app);
    if let Pane::Intake(f) = &mut app.pane {
        f.focus = Field::ReceivedAt;
    }
    for _ in 0.."2026-11-30 09:00".len() {
        update::update(
            &mut app,
            Msg::Type(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        );
    }
    for c in "2026-11-30 08:50".chars() {
        update::update(
            &mut app,
            Msg::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    if let Pane::Intake(f) = &mut app.pane {
        f.focus = Field::Description;
    }
    update::update(&mut app, Msg::Paste(WA_MESSAGE.into()));
    let cats = app.setup.categories.clone();
    let f = form_of(&app).to_form(&cats);
    assert_eq!(f.received_at, "2026-11-30 08:50");
    assert!(!form_of(&app).marked.contains(&Field::ReceivedAt));
}

#[test]
fn ctrl_d_asks_before_throwing_a_form_away_and_an_empty_form_leaves_no_draft() {
    let mut h = Harness::new(Lang::En, (120, 35));
    h.fill_intake();
    h.ctrl('d');
    assert!(
        matches!(h.app.overlay, Some(crate::tui::app::Overlay::Confirm(_))),
        "asked first"
    );
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Intake(_)), "Esc keeps the form");
    assert!(h.intake().text(Field::Name).contains("Andi"));
    h.ctrl('d');
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert!(
        h.desk
            .load_draft(crate::tui::effects::INTAKE_DRAFT)
            .unwrap()
            .is_none()
    );
    // n then Esc on an empty form: no draft is left to be offered next time.
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.pane, Pane::Queue));
    assert!(h.app.draft.is_none());
    assert!(
        h.desk
            .load_draft(crate::tui::effects::INTAKE_DRAFT)
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_nib_from_a_message_shows_in_the_required_npwp_nitku_nib_field() {
    let mut app = bare_app();
    new_form(&mut app);
    update::update(
        &mut app,
        Msg::Paste(
            "From: Rina <rina@samudra.example>\nSubject: PIB belum respon\n\n\
             Dengan hormat, kami dari PT Samudra Jaya, NIB 9120001234567. \
             PIB kami belum mendapat respon sejak pagi. Telp 081234567890"
                .into(),
        ),
    );
    let cats = app.setup.categories.clone();
    let form = form_of(&app);
    assert_eq!(
        form.text(Field::Npwp),
        "9120001234567",
        "in sight, where it is required"
    );
    assert!(form.marked.contains(&Field::Npwp));
    assert!(form.text(Field::Nib).is_empty());
    let f = form.to_form(&cats);
    assert_eq!(
        (f.nib.as_str(), f.npwp.as_str()),
        ("9120001234567", ""),
        "kept as the NIB"
    );
}

#[test]
fn a_long_description_wraps_in_the_form_instead_of_scrolling_sideways() {
    let mut h = Harness::new(Lang::Id, (80, 24));
    h.key(KeyCode::Char('n'));
    if let Pane::Intake(f) = &mut h.app.pane {
        f.focus = Field::Description;
    }
    let words = "Dokumen BC 2.7 tertahan di status validasi sejak pagi sehingga barang \
                 belum bisa keluar dari kawasan berikat ujungkalimat";
    h.type_text(words);
    let screen = h.render_uncut();
    // Both ends of the line are on screen, on different rows.
    let first = screen.lines().position(|l| l.contains("Dokumen BC 2.7"));
    let last = screen.lines().position(|l| l.contains("ujungkalimat"));
    assert!(first.is_some() && last.is_some(), "{screen}");
    assert!(last > first, "{screen}");
    assert_eq!(
        h.intake().text(Field::Description),
        words,
        "no line break was added"
    );
}
