//! What of a complaint is personal data (UU PDP No. 27/2022), and how it is masked for a
//! redacted export or removed by the retention purge.
//!
//! Personal: the applicant's name, NIP, company, NPWP/NIB, phone, e-mail, the account's
//! user id, the subject and description (free text names people), the nomor aju, the
//! document status, attachment paths, the resolution note and the cancel reason, the
//! officers' names, and the free text of event notes. Kept: the reference, stage,
//! applicant kind, channel, category, document type, every time, the SLA figures, ticket
//! numbers, links and event kinds.
//!
//! Events: `before`/`after` hold stages or ticket numbers only. Notes hold personal text
//! for `intake` (warnings quoting what was typed), `resolve`, `cancel` and the officer's
//! words on a `handover`; notes of other kinds are kept only for the kinds known to hold
//! nothing but ticket numbers and client names.

use super::complaint::{Complaint, Event};
use super::report::HandoverNote;

/// What a masked value shows: there was something, and it is not for this reader.
pub const MASK: &str = "***";

fn mask(v: &str) -> String {
    if v.is_empty() {
        String::new()
    } else {
        MASK.into()
    }
}

fn mask_opt(v: &Option<String>) -> Option<String> {
    v.as_deref().map(mask)
}

/// Event kinds whose note holds only ticket numbers, references and client names.
const PLAIN_NOTE_KINDS: [&str; 6] = [
    "forward",
    "ticket",
    "ticket_corrected",
    "link",
    "bcare_ticket",
    "purged",
];

/// The part of an event's note that is not personal: the whole note of a plain kind,
/// the channel and late reason of a handover (without the officer's words), else nothing.
pub fn event_note(kind: &str, note: Option<&str>) -> Option<String> {
    let note = note?;
    if PLAIN_NOTE_KINDS.contains(&kind) {
        return Some(note.to_string());
    }
    if kind == "handover" {
        let mut h = HandoverNote::parse(note);
        h.text = None;
        return Some(h.to_note());
    }
    None
}

/// The complaint with its personal data masked.
pub fn complaint(c: &Complaint) -> Complaint {
    let mut r = c.clone();
    let d = &mut r.details;
    let a = &mut d.applicant;
    a.name = mask(&a.name);
    a.nip = mask_opt(&a.nip);
    a.org = mask_opt(&a.org);
    a.npwp = mask_opt(&a.npwp);
    a.nib = mask_opt(&a.nib);
    a.phone = mask_opt(&a.phone);
    a.email = mask_opt(&a.email);
    d.subject = mask(&d.subject);
    d.description = mask(&d.description);
    d.user_id = mask_opt(&d.user_id);
    d.aju = d.aju.iter().map(|v| mask(v)).collect();
    d.doc_status = mask_opt(&d.doc_status);
    d.attachments = d.attachments.iter().map(|v| mask(v)).collect();
    r.resolution_note = mask_opt(&r.resolution_note);
    r.cancel_reason = mask_opt(&r.cancel_reason);
    r
}

/// The event with the officer's name masked and only the plain part of its note.
/// The desk's own words stay only where the note stays whole.
pub fn event(e: &Event) -> Event {
    let note = event_note(&e.kind, e.note.as_deref());
    Event {
        officer: mask(&e.officer),
        officer_name: mask_opt(&e.officer_name),
        said: e.said.clone().filter(|_| note == e.note),
        note,
        ..e.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handover_note_keeps_the_reason_and_loses_the_words() {
        assert_eq!(
            event_note(
                "handover",
                Some("via telepon; late-reason=applicant-unreachable; note=Pak Andi 0812 tidak angkat")
            )
            .as_deref(),
            Some("via telepon; late-reason=applicant-unreachable")
        );
        assert_eq!(event_note("resolve", Some("Andi puas")), None);
        assert_eq!(event_note("cancel", Some("Andi menarik")), None);
        assert_eq!(event_note("intake", Some("nomor_aju: ...")), None);
        assert_eq!(event_note("some_future_kind", Some("anything")), None);
        // Dir. IKC's notes and answers read back from BCare quote the applicant.
        assert_eq!(
            event_note(
                crate::domain::ceisacare::STEP_EVENT,
                Some("PIB Andi sudah terkirim")
            ),
            None
        );
        assert_eq!(
            event_note(
                crate::domain::ceisacare::ANSWER_EVENT,
                Some("Agen IKC: hubungi Pak Andi 0812")
            ),
            None
        );
        assert_eq!(
            event_note("ticket", Some("ticket A0254EB2B1")).as_deref(),
            Some("ticket A0254EB2B1")
        );
    }
}
