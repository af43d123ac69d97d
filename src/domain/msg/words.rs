//! The desk's stable machine keys (stages, event kinds, delivery states, field
//! keys) in the officer's words. JSON keeps the keys; text shows these.

use super::{Lang, M};
use crate::domain::complaint::{Channel, Stage};

/// A stage in one word or two, for a list column.
pub fn stage_short(stage: Stage) -> M {
    match stage {
        Stage::Received => M::StageReceived,
        Stage::Forwarded => M::StageForwarded,
        Stage::Ticketed => M::StageTicketed,
        Stage::HandedOver => M::StageHandedOver,
        Stage::Resolved => M::StageResolved,
        Stage::Cancelled => M::StageCancelled,
    }
}

/// The BCare client a desk is configured with (`[bcare] client`), as the officer
/// calls it; an unknown key is shown as it is.
pub fn client(key: &str, lang: Lang) -> String {
    let m = match key {
        "portal" => M::ClientPortal,
        "http" => M::ClientHttp,
        "sim" => M::ClientSim,
        "ceisacare" => M::ClientCeisacare,
        other => return other.to_string(),
    };
    m.get(lang).to_string()
}

/// Working time as the officer reads it: "45 menit", "18 jam 30 menit".
pub fn working_time(minutes: i64, lang: Lang) -> String {
    if minutes.abs() < 60 {
        return M::WorkMinutes(lang, minutes);
    }
    M::WorkHoursMinutes(lang, minutes / 60, (minutes % 60).abs())
}

/// An event kind from the audit log; an unknown kind is shown as it is.
pub fn event_kind(kind: &str, lang: Lang) -> String {
    let m = match kind {
        "intake" => M::EvIntake,
        "forward" => M::EvForward,
        "ticket" => M::EvTicket,
        "ticket_corrected" => M::EvTicketCorrected,
        "bcare_ticket" => M::EvBcareTicket,
        "bcare_status" => M::EvBcareStatus,
        "bcare_step" => M::EvBcareStep,
        "bcare_answer" => M::EvBcareAnswer,
        "link" => M::EvLink,
        "handover" => M::EvHandover,
        "resolve" => M::EvResolve,
        "cancel" => M::EvCancel,
        "notified" => M::EvNotified,
        "survey" => M::EvSurvey,
        "purged" => M::EvPurged,
        other => return other.to_string(),
    };
    m.get(lang).to_string()
}

/// An outbox state key (`pending`, `failed`, `sent`).
pub fn delivery_state(state: &str, lang: Lang) -> String {
    let m = match state {
        "pending" => M::DeliveryPending,
        "failed" => M::DeliveryFailed,
        "sent" => M::DeliverySent,
        other => return other.to_string(),
    };
    m.get(lang).to_string()
}

/// The catalog entry naming a field key, as the form names it.
pub fn field(key: &str) -> Option<M> {
    Some(match key {
        "kind" => M::FieldKind,
        "name" => M::FieldName,
        "nip" => M::FieldNip,
        "org" => M::FieldOrg,
        "npwp" => M::FieldNpwp,
        "nib" => M::FieldNib,
        "phone" => M::FieldPhone,
        "email" => M::FieldEmail,
        "channel" => M::FieldChannel,
        "category" => M::FieldCategory,
        "subject" => M::FieldSubject,
        "description" => M::FieldDescription,
        "user_id" => M::FieldUserId,
        "nomor_aju" | "aju" => M::FieldAju,
        "doc_type" => M::FieldDocType,
        "doc_status" => M::FieldDocStatus,
        "doc_submitted_at" => M::FieldDocSubmitted,
        "attach" | "attachments" => M::FieldAttachments,
        "received_at" => M::FieldReceivedAt,
        "ticket_no" => M::FieldTicketNo,
        "reference" => M::FieldReference,
        "stage" => M::FieldStage,
        _ => return None,
    })
}

/// A field key in words; an unknown key as it is.
pub fn field_name(key: &str, lang: Lang) -> String {
    field(key).map_or_else(|| key.to_string(), |m| m.get(lang).to_string())
}

/// A note the desk wrote into the log, in words, part by part (`; ` apart):
/// `client X`, `via telepon`, `ticket N …`, and check messages `field_key: text`.
/// What an officer typed is shown as typed.
pub fn event_note(note: &str, lang: Lang) -> String {
    note.split("; ")
        .map(|part| note_part(part, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

fn note_part(part: &str, lang: Lang) -> String {
    if let Some(client_key) = part.strip_prefix("client ") {
        return M::NoteClient(lang, client(client_key, lang));
    }
    if let Some(via) = part.strip_prefix("via ") {
        let label = Channel::parse(via).map_or(via, |c| c.label(lang));
        return M::NoteVia(lang, label);
    }
    if let Some(rest) = part.strip_prefix("ticket ") {
        if let Some((no, from)) = rest.split_once(" dari ") {
            return M::NoteTicketFrom(lang, no, from);
        }
        if let Some((no, client)) = rest.split_once(" via BCare ") {
            return M::NoteTicketBcare(lang, no, self::client(client, lang));
        }
        return M::NoteTicket(lang, rest);
    }
    match part.split_once(": ") {
        Some((key, text)) if field(key).is_some() => format!("{}: {text}", field_name(key, lang)),
        _ => part.to_string(),
    }
}

/// A value in an event's before → after: a stage key in words, anything else
/// (a ticket number) as it is.
pub fn event_value(value: &str, lang: Lang) -> String {
    match Stage::parse(value) {
        Some(stage) if stage.as_str() == value => stage_short(stage).get(lang).to_string(),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_time_reads_in_hours_and_minutes() {
        assert_eq!(working_time(45, Lang::Id), "45 menit");
        assert_eq!(working_time(1110, Lang::Id), "18 jam 30 menit");
        assert_eq!(working_time(120, Lang::En), "2 h 0 min");
    }

    #[test]
    fn keys_read_as_words_and_unknown_keys_pass_through() {
        assert_eq!(
            event_kind("ticket_corrected", Lang::Id),
            "Nomor tiket dikoreksi"
        );
        assert_eq!(event_kind("handover", Lang::En), "Handed over");
        assert_eq!(event_kind("something_new", Lang::Id), "something_new");
        assert_eq!(delivery_state("pending", Lang::Id), "menunggu");
        assert_eq!(field_name("nomor_aju", Lang::Id), "Nomor aju");
        assert_eq!(field_name("doc_type", Lang::En), "Document type");
        assert_eq!(field_name("whatever", Lang::En), "whatever");
    }

    #[test]
    fn desk_notes_read_as_words_and_typed_notes_stay() {
        assert_eq!(event_note("client sim", Lang::Id), "lewat simulator");
        assert_eq!(event_note("via telepon", Lang::En), "via Phone");
        assert_eq!(
            event_note("doc_type: sebaiknya diisi; Telepon ditunda", Lang::Id),
            "Jenis dokumen: sebaiknya diisi; Telepon ditunda"
        );
        assert_eq!(
            event_note("pemohon: minta cepat", Lang::Id),
            "pemohon: minta cepat"
        );
    }
}
