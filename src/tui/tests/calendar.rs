//! The calendar pane: reached from the palette by "libur", a pasted SKB
//! announcement read on the spot, stored with Enter, and the status bar's word.

use super::Harness;
use crate::domain::msg::Lang;
use crate::tui::action::Msg;
use crate::tui::app::Pane;
use crossterm::event::{KeyCode, KeyModifiers};

const SKB_2027: &str = "HARI LIBUR NASIONAL TAHUN 2027\r\
- 1 Januari (Jumat): Tahun Baru Masehi\r\
- 10 dan 11 Maret (Rabu dan Kamis): Idul Fitri\r\
CUTI BERSAMA TAHUN 2027\r\
- 8 dan 9 Maret (Senin, Selasa): Idul Fitri\r\
- 12 Maret (Kamis): Idul Fitri\r";

fn open_from_palette(h: &mut Harness, word: &str) {
    h.key(KeyCode::Char(':'));
    h.type_text(word);
    h.key(KeyCode::Enter);
    assert!(
        matches!(h.app.pane, Pane::Calendar(_)),
        "\"{word}\" opens the calendar"
    );
}

#[test]
fn a_pasted_announcement_is_read_on_the_spot_and_stored_with_enter() {
    for (lang, size) in [(Lang::Id, (80, 24)), (Lang::En, (120, 35))] {
        let mut h = Harness::new(lang, size);
        // From 1 October the status bar asks for next year's SKB.
        assert!(h.app.setup.calendar_notice.is_some());
        open_from_palette(
            &mut h,
            if lang == Lang::Id {
                "libur"
            } else {
                "calendar"
            },
        );
        let screen = h.render_uncut();
        // Next year first: the one to enter.
        assert!(screen.contains("2027"), "{screen}");
        // Enter before a paste stores nothing and says why.
        h.key(KeyCode::Enter);
        assert!(h.desk.calendar_changes().is_empty());

        h.send(Msg::Paste(SKB_2027.into()));
        let Pane::Calendar(c) = &h.app.pane else {
            panic!()
        };
        let r = c.reading.as_ref().unwrap();
        assert_eq!(r.year, Some(2027));
        assert_eq!(r.holidays.len(), 6);
        // 12 March 2027 is a Friday: the line is named.
        assert_eq!(r.notes.len(), 1);
        let screen = h.render_uncut();
        assert!(screen.contains("08-03"), "{screen}");
        let line = if lang == Lang::Id {
            "baris 6"
        } else {
            "line 6"
        };
        assert!(screen.contains(line), "{screen}");
        assert!(
            h.desk.calendar_changes().is_empty(),
            "a paste stores nothing"
        );

        h.key(KeyCode::Enter);
        assert_eq!(h.desk.calendar_changes().len(), 1);
        assert_eq!(
            h.desk.calendar().coverage(2027),
            crate::domain::calendar::Coverage::Complete
        );
        assert!(h.app.setup.calendar_notice.is_none(), "the word is gone");
        let notice = h.app.notice.as_ref().unwrap().text.clone();
        assert!(notice.contains("2027") && notice.contains('6'), "{notice}");
        let Pane::Calendar(c) = &h.app.pane else {
            panic!()
        };
        assert!(c.reading.is_none());
        let years = c.years.as_ref().unwrap();
        assert_eq!(years[0].year, 2027);
        assert_eq!(years[0].holidays.len(), 6);
        h.press(KeyCode::Esc, KeyModifiers::NONE);
        assert!(matches!(h.app.pane, Pane::Queue));
    }
}
