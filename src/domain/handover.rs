//! The message that hands the ticket number to the applicant (langkah 4), in the
//! UI language: greeting by the local time of day, the ticket, what happens next.
//! Pure: the screen copies it, and a bulk handover gives every caller their own.

use super::complaint::{ApplicantKind, Channel, Complaint};
use super::msg::{FieldError, Lang, M};
use chrono::{DateTime, FixedOffset, Timelike, Utc};

fn greeting(lang: Lang, now: DateTime<Utc>, offset: FixedOffset) -> &'static str {
    let hour = now.with_timezone(&offset).hour();
    // Indonesian greets by four parts of the day, English by three.
    let part = match (lang, hour) {
        (Lang::Id, 0..=10) | (Lang::En, 0..=11) => M::GreetMorning,
        (Lang::Id, 11..=14) => M::GreetMidday,
        (Lang::Id, 15..=17) | (Lang::En, 12..=17) => M::GreetAfternoon,
        _ => M::GreetEvening,
    };
    part.get(lang)
}

/// The text copied to the clipboard for the officer to send by the chosen channel.
pub fn handover_message(
    lang: Lang,
    c: &Complaint,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> String {
    let d = &c.details;
    let name = d.applicant.name.trim();
    let ticket = c.ticket_no.as_deref().unwrap_or("-");
    let salute = match d.applicant.kind {
        ApplicantKind::Pegawai => M::SaluteEmployee,
        ApplicantKind::PenggunaJasa => M::SaluteServiceUser,
    };
    let salutation = salute(lang, greeting(lang, now, offset), name);
    M::HandoverMessage(lang, &salutation, &d.subject, ticket, &c.reference)
}

/// Where the message goes by `via`: the phone for telepon and WhatsApp, the e-mail
/// for email; nothing to address for a handover in person, by letter or otherwise.
/// Refused when the applicant left no such contact at intake.
pub fn contact_for(c: &Complaint, via: Channel) -> Result<Option<&str>, FieldError> {
    let a = &c.details.applicant;
    let (contact, what) = match via {
        Channel::Telepon | Channel::Whatsapp => (a.phone.as_deref(), M::ContactPhone),
        Channel::Email => (a.email.as_deref(), M::ContactEmail),
        Channel::Langsung | Channel::Surat | Channel::Lainnya => return Ok(None),
    };
    contact.map(Some).ok_or_else(|| {
        FieldError::says("via", |lang| {
            M::NoContact(lang, what.get(lang), via.label(lang))
        })
    })
}

/// The messages of a bulk handover by one channel, as one text to copy or print:
/// for each applicant a header line (reference, name, channel and where it goes —
/// the number for WhatsApp, the address for e-mail) and their own message.
pub fn handover_list(
    lang: Lang,
    complaints: &[Complaint],
    via: Channel,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> String {
    let mut out = String::new();
    for c in complaints {
        let contact = contact_for(c, via).ok().flatten().unwrap_or("-");
        out.push_str(&format!(
            "=== {} — {} — {} {contact}\n{}\n\n",
            c.reference,
            super::text::for_terminal(&c.details.applicant.name),
            via.label(lang),
            handover_message(lang, c, now, offset)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::complaint::{Applicant, Channel, NewComplaint};
    use chrono::TimeZone;

    fn complaint(name: &str, kind: ApplicantKind) -> Complaint {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        let mut c = Complaint::received(
            NewComplaint {
                applicant: Applicant {
                    kind,
                    name: name.into(),
                    nip: None,
                    org: None,
                    npwp: None,
                    nib: None,
                    phone: Some("+6281234567890".into()),
                    email: None,
                },
                channel: Channel::Whatsapp,
                category: "IMP".into(),
                subject: "CEISA tidak merespon".into(),
                description: "-".into(),
                user_id: None,
                aju: vec![],
                doc_type: None,
                doc_status: None,
                doc_submitted_at: None,
                attachments: vec![],
                received_at: at,
            },
            at,
        );
        c.reference = "ADU-2026-00007".into();
        c.ticket_no = Some("A0254EB2B1".into());
        c
    }

    #[test]
    fn the_message_names_the_caller_the_ticket_and_the_reference() {
        let wita = FixedOffset::east_opt(8 * 3600).unwrap();
        let morning = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        let m = handover_message(
            Lang::Id,
            &complaint("Andi", ApplicantKind::PenggunaJasa),
            morning,
            wita,
        );
        assert!(m.starts_with("Selamat pagi Bapak/Ibu Andi,"), "{m}");
        assert!(m.contains("Nomor tiket BCare: A0254EB2B1"), "{m}");
        assert!(m.contains("Referensi kantor: ADU-2026-00007"), "{m}");
        let afternoon = Utc.with_ymd_and_hms(2026, 11, 30, 7, 0, 0).unwrap();
        let m = handover_message(
            Lang::En,
            &complaint("Budi", ApplicantKind::Pegawai),
            afternoon,
            wita,
        );
        assert!(m.starts_with("Good afternoon Budi,"), "{m}");
        assert!(m.contains("BCare ticket number: A0254EB2B1"), "{m}");
    }

    #[test]
    fn the_contact_follows_the_channel() {
        let c = complaint("Andi", ApplicantKind::PenggunaJasa);
        assert_eq!(
            contact_for(&c, Channel::Whatsapp),
            Ok(Some("+6281234567890"))
        );
        assert_eq!(contact_for(&c, Channel::Langsung), Ok(None));
        let err = contact_for(&c, Channel::Email).unwrap_err().text(Lang::En);
        assert!(
            err.starts_with("via: the applicant left no e-mail address"),
            "{err}"
        );
    }

    #[test]
    fn the_list_gives_each_applicant_their_number_and_message() {
        let wita = FixedOffset::east_opt(8 * 3600).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        let mut b = complaint("Budi", ApplicantKind::Pegawai);
        b.reference = "ADU-2026-00008".into();
        b.details.applicant.phone = Some("+628112222333".into());
        let list = handover_list(
            Lang::Id,
            &[complaint("Andi", ApplicantKind::PenggunaJasa), b],
            Channel::Whatsapp,
            now,
            wita,
        );
        let blocks: Vec<&str> = list.split("=== ").filter(|b| !b.is_empty()).collect();
        assert_eq!(blocks.len(), 2, "{list}");
        assert!(blocks[0].starts_with("ADU-2026-00007 — Andi — WhatsApp +6281234567890\n"));
        assert!(blocks[0].contains("Bapak/Ibu Andi,"));
        assert!(blocks[1].starts_with("ADU-2026-00008 — Budi — WhatsApp +628112222333\n"));
        assert!(blocks[1].contains("rekan Budi,"));
        assert!(blocks[1].contains("Referensi kantor: ADU-2026-00008"));
    }
}
