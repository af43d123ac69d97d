//! The audit log's words as the officer reads them: event kinds and the notes the
//! desk writes itself ("client sim", "via telepon", "ticket X") in the screen's
//! language. What an officer typed (a note, a reason) is shown as typed.

use super::form::Field;
use crate::domain::complaint::Channel;
use crate::domain::msg::Lang;

/// An event kind from the log, in words.
pub fn event_kind(kind: &str, lang: Lang) -> String {
    let (id, en) = match kind {
        "intake" => ("Diterima", "Received"),
        "forward" => ("Diteruskan ke BCare", "Forwarded to BCare"),
        "ticket" => ("Nomor tiket dicatat", "Ticket number recorded"),
        "ticket_corrected" => ("Nomor tiket dikoreksi", "Ticket number corrected"),
        "bcare_ticket" => ("Nomor dari BCare", "Number from BCare"),
        "link" => ("Ditautkan ke tiket", "Linked to a ticket"),
        "handover" => ("Diserahkan ke pemohon", "Handed over"),
        "resolve" => ("Diselesaikan", "Resolved"),
        "cancel" => ("Dibatalkan", "Cancelled"),
        "notified" => ("Pemohon dikabari", "Applicant notified"),
        other => return other.to_string(),
    };
    match lang {
        Lang::Id => id.into(),
        Lang::En => en.into(),
    }
}

/// A note the desk wrote, in the screen's language; any other note as it is.
pub fn event_note(note: &str, lang: Lang) -> String {
    let pick = |id: String, en: String| match lang {
        Lang::Id => id,
        Lang::En => en,
    };
    if let Some(client) = note.strip_prefix("client ") {
        return pick(format!("klien {client}"), format!("client {client}"));
    }
    if let Some(via) = note.strip_prefix("via ") {
        let label = Channel::parse(via).map_or(via, |c| c.label(lang));
        return pick(format!("lewat {label}"), format!("via {label}"));
    }
    if let Some(rest) = note.strip_prefix("ticket ") {
        if let Some((no, from)) = rest.split_once(" dari ") {
            return pick(
                format!("nomor {no} dari {from}"),
                format!("number {no} from {from}"),
            );
        }
        if let Some((no, client)) = rest.split_once(" via BCare ") {
            return pick(
                format!("nomor {no} dari BCare ({client})"),
                format!("number {no} from BCare ({client})"),
            );
        }
        return pick(format!("nomor {rest}"), format!("number {rest}"));
    }
    // Intake notes list the warnings as "field_key: text; …": name the fields.
    note.split("; ")
        .map(|part| match part.split_once(": ") {
            Some((key, _)) if Field::ORDER.iter().any(|f| f.key() == key) => {
                field_message(key, part, lang)
            }
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

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

    #[test]
    fn the_desks_own_notes_read_in_the_screens_language() {
        assert_eq!(
            event_kind("ticket_corrected", Lang::Id),
            "Nomor tiket dikoreksi"
        );
        assert_eq!(event_kind("intake", Lang::En), "Received");
        assert_eq!(event_note("client sim", Lang::Id), "klien sim");
        assert_eq!(event_note("via telepon", Lang::Id), "lewat Telepon");
        assert_eq!(event_note("via telepon", Lang::En), "via Phone");
        assert_eq!(
            event_note("ticket A0254EB2B1 dari ADU-2026-00001", Lang::En),
            "number A0254EB2B1 from ADU-2026-00001"
        );
        assert_eq!(
            event_note("ticket A0254EB2B1 via BCare sim", Lang::Id),
            "nomor A0254EB2B1 dari BCare (sim)"
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
