//! The message that hands the ticket number to the applicant (langkah 4), in the
//! UI language: greeting by the local time of day, the ticket, what happens next.

use crate::domain::complaint::{ApplicantKind, Complaint};
use crate::domain::msg::Lang;
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
