//! The message that hands the ticket number to the applicant (langkah 4), in the
//! UI language: greeting by the local time of day, the ticket, what happens next.
//! Pure: the screen copies it, and a bulk handover gives every caller their own.

use super::complaint::{ApplicantKind, Channel, Complaint};
use super::msg::{FieldError, Lang};
use chrono::{DateTime, FixedOffset, Timelike, Utc};

fn greeting(lang: Lang, now: DateTime<Utc>, offset: FixedOffset) -> &'static str {
    let hour = now.with_timezone(&offset).hour();
    match (lang, hour) {
        (Lang::Id, 0..=10) => "Selamat pagi",
        (Lang::Id, 11..=14) => "Selamat siang",
        (Lang::Id, 15..=17) => "Selamat sore",
        (Lang::Id, _) => "Selamat malam",
        (Lang::En, 0..=11) => "Good morning",
        (Lang::En, 12..=17) => "Good afternoon",
        (Lang::En, _) => "Good evening",
    }
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
    let hello = greeting(lang, now, offset);
    match lang {
        Lang::Id => {
            let whom = match d.applicant.kind {
                ApplicantKind::Pegawai => "rekan",
                ApplicantKind::PenggunaJasa => "Bapak/Ibu",
            };
            format!(
                "{hello} {whom} {name},\n\n\
                 Pengaduan Anda \"{subject}\" telah kami teruskan ke Direktorat Informasi \
                 Kepabeanan dan Cukai (Dir. IKC) melalui BCare.\n\
                 Nomor tiket BCare: {ticket}\n\
                 Referensi kantor: {reference}\n\n\
                 Selanjutnya Dir. IKC akan menindaklanjuti tiket ini; mohon sebutkan nomor \
                 tiket bila menanyakan perkembangannya. Kami kabari bila ada tanggapan.\n\n\
                 Terima kasih.\nPDAD",
                subject = d.subject,
                reference = c.reference,
            )
        }
        Lang::En => format!(
            "{hello} {name},\n\n\
             Your complaint \"{subject}\" has been forwarded to the Directorate of Customs \
             and Excise Information (Dir. IKC) through BCare.\n\
             BCare ticket number: {ticket}\n\
             Office reference: {reference}\n\n\
             Dir. IKC will now follow the ticket up; please quote the ticket number when \
             asking about it. We will let you know when they answer.\n\n\
             Thank you.\nPDAD",
            subject = d.subject,
            reference = c.reference,
        ),
    }
}

/// Where the message goes by `via`: the phone for telepon and WhatsApp, the e-mail
/// for email; nothing to address for a handover in person, by letter or otherwise.
/// Refused when the applicant left no such contact at intake.
pub fn contact_for(c: &Complaint, via: Channel) -> Result<Option<&str>, FieldError> {
    let a = &c.details.applicant;
    let (contact, id, en) = match via {
        Channel::Telepon | Channel::Whatsapp => {
            (a.phone.as_deref(), "nomor telepon", "phone number")
        }
        Channel::Email => (a.email.as_deref(), "alamat e-mail", "e-mail address"),
        Channel::Langsung | Channel::Surat | Channel::Lainnya => return Ok(None),
    };
    contact.map(Some).ok_or_else(|| {
        FieldError::new(
            "via",
            format!(
                "pemohon tidak meninggalkan {id} untuk {}; serahkan lewat saluran lain",
                via.as_str()
            ),
            format!(
                "the applicant left no {en} for {}; hand it over by another channel",
                via.as_str()
            ),
        )
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
            via.as_str(),
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
        assert!(blocks[0].starts_with("ADU-2026-00007 — Andi — whatsapp +6281234567890\n"));
        assert!(blocks[0].contains("Bapak/Ibu Andi,"));
        assert!(blocks[1].starts_with("ADU-2026-00008 — Budi — whatsapp +628112222333\n"));
        assert!(blocks[1].contains("rekan Budi,"));
        assert!(blocks[1].contains("Referensi kantor: ADU-2026-00008"));
    }
}
