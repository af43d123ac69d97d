//! The audit log's words as the officer reads them: event kinds and the notes the
//! desk writes itself ("client sim", "via telepon", "ticket X") in the screen's
//! language. What an officer typed (a note, a reason) is shown as typed.

use super::form::Field;
use crate::domain::msg::Lang;

// One table of the log's words for the screen and the command line.
pub use crate::domain::msg::words::event_kind;

/// A check's message "field_key: text" with the field named as on the form.
pub fn field_message(field: &str, text: &str, lang: Lang) -> String {
    let label = Field::ORDER
        .iter()
        .find(|f| f.key() == field)
        .map(|f| f.label().get(lang).to_string())
        .unwrap_or_else(|| field.to_string());
    let message = text
        .strip_prefix(field)
        .and_then(|t| t.strip_prefix(": "))
        .unwrap_or(text);
    format!("{label}: {message}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::msg::words::event_note;

    #[test]
    fn the_desks_own_notes_read_in_the_screens_language() {
        assert_eq!(
            event_kind("ticket_corrected", Lang::Id),
            "Nomor tiket dikoreksi"
        );
        assert_eq!(event_kind("intake", Lang::En), "Received");
        assert_eq!(event_note("client sim", Lang::Id), "lewat simulator");
        assert_eq!(event_note("via telepon", Lang::Id), "lewat Telepon");
        assert_eq!(event_note("via telepon", Lang::En), "via Phone");
        assert_eq!(
            event_note("ticket A0254EB2B1 dari ADU-2026-00001", Lang::En),
            "number A0254EB2B1 from ADU-2026-00001"
        );
        assert_eq!(
            event_note("ticket A0254EB2B1 via BCare sim", Lang::Id),
            "nomor A0254EB2B1 dari BCare (simulator)"
        );
        assert_eq!(event_note("Pemohon menarik", Lang::En), "Pemohon menarik");
        assert_eq!(
            event_note("doc_type: sebaiknya diisi; doc_status: juga", Lang::Id),
            "Jenis dokumen: sebaiknya diisi; Status dokumen: juga"
        );
        assert_eq!(
            field_message("nomor_aju", "nomor_aju: tanggal aju aneh", Lang::Id),
            "Nomor aju: tanggal aju aneh"
        );
        assert_eq!(
            field_message("doc_type", "doc_type: sebaiknya diisi", Lang::Id),
            "Jenis dokumen: sebaiknya diisi"
        );
    }
}
