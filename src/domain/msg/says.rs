//! The catalog of the command line, the desk's errors and the domain's messages.
//! The screen's own entries live in `tui::i18n`, built by the same macro.

use super::catalog;

catalog! {
    enum M;

    // Stages, short (a list column).
    StageReceived => "diterima", "received";
    StageForwarded => "diteruskan", "forwarded";
    StageTicketed => "bertiket", "ticketed";
    StageHandedOver => "diserahkan", "handed over";
    StageResolved => "selesai", "resolved";
    StageCancelled => "batal", "cancelled";

    // Event kinds of the audit log.
    EvIntake => "Diterima", "Received";
    EvForward => "Diteruskan ke BCare", "Forwarded to BCare";
    EvTicket => "Nomor tiket dicatat", "Ticket number recorded";
    EvTicketCorrected => "Nomor tiket dikoreksi", "Ticket number corrected";
    EvBcareTicket => "Nomor dari BCare", "Number from BCare";
    EvLink => "Ditautkan ke tiket", "Linked to a ticket";
    EvHandover => "Diserahkan ke pemohon", "Handed over";
    EvResolve => "Diselesaikan", "Resolved";
    EvCancel => "Dibatalkan", "Cancelled";
    EvNotified => "Pemohon dikabari", "Applicant notified";
    EvBcareStatus => "Status dari BCare", "Status from BCare";
    EvPurged => "Data pribadi dihapus", "Personal data purged";

    // Notes the desk writes itself into the log.
    NoteClient => "klien {}", "client {}";
    NoteVia => "lewat {}", "via {}";
    NoteTicketFrom => "nomor {} dari {}", "number {} from {}";
    NoteTicketBcare => "nomor {} dari BCare ({})", "number {} from BCare ({})";
    NoteTicket => "nomor {}", "number {}";

    // Delivery states of the outbox.
    DeliveryPending => "menunggu", "waiting";
    DeliveryFailed => "gagal", "failed";
    DeliverySent => "terkirim", "sent";
    DeliveryLine => "{} — {}× dicoba, berikutnya {}", "{} — tried {}×, next {}";
    BcareSaid => "BCare: {}", "BCare: {}";

    // Field names, as the form names them.
    FieldKind => "Jenis pemohon", "Applicant kind";
    FieldName => "Nama", "Name";
    FieldNip => "NIP", "NIP";
    FieldOrg => "Perusahaan", "Company";
    FieldNpwp => "NPWP/NITKU/NIB", "NPWP/NITKU/NIB";
    FieldNib => "NIB", "NIB";
    FieldPhone => "Telepon", "Phone";
    FieldEmail => "Email", "Email";
    FieldChannel => "Saluran", "Channel";
    FieldCategory => "Kategori", "Category";
    FieldSubject => "Perihal", "Subject";
    FieldDescription => "Uraian masalah", "Description";
    FieldUserId => "User ID", "User ID";
    FieldAju => "Nomor aju", "Nomor aju";
    FieldDocType => "Jenis dokumen", "Document type";
    FieldDocStatus => "Status dokumen", "Document status";
    FieldDocSubmitted => "Waktu kirim dokumen", "Document sent at";
    FieldAttachments => "Lampiran", "Attachments";
    FieldReceivedAt => "Diterima pada", "Received at";
    FieldTicketNo => "Nomor tiket", "Ticket number";
    FieldReference => "Referensi", "Reference";

    // `show` and `list`.
    LabelMove => "Giliran", "Whose move";
    LabelProblem => "Masalah", "Problem";
    LabelApplicant => "Pemohon", "Applicant";
    LabelSubmitted => "Dikirim", "Submitted";
    LabelReceived => "Diterima", "Received";
    LabelDeadline => "Batas SLA", "SLA deadline";
    LabelSlaLeft => "Sisa SLA", "SLA left";
    LabelTicket => "Nomor tiket BCare", "BCare ticket";
    LabelLinked => "Ditautkan ke", "Linked to";
    LabelHandedOverVia => "Diserahkan via", "Handed over via";
    LabelResolution => "Catatan selesai", "Resolution";
    LabelCancelReason => "Alasan batal", "Cancelled because";
    LabelTimeline => "Riwayat:", "Timeline:";
    LabelDeliveries => "Kiriman BCare:", "BCare deliveries:";
    HeadReference => "REFERENSI", "REFERENCE";
    HeadStage => "TAHAP", "STAGE";
    HeadMove => "GILIRAN", "MOVE";
    HeadSlaLeft => "SISA SLA", "SLA LEFT";
    HeadCategory => "KAT", "CAT";
    HeadApplicant => "PEMOHON", "APPLICANT";
    HeadProblem => "MASALAH", "PROBLEM";
    HourUnit => "j", "h";
    SlaLate => "LEWAT", "BREACHED";
    SlaMet => "tepat", "met";
    SlaMissed => "terlambat", "late";
    SlaMetLong => "terpenuhi", "met";
    MoveNone => "-", "-";

    // Steps of the procedure from the command line.
    Received => "{} diterima; batas 2 jam kerja: {} WITA", "{} received; 2-working-hour deadline: {} WITA";
    LinkedToTicket => "{}: ditautkan ke tiket {}", "{}: linked to ticket {}";
    ForwardQueued => "{} diteruskan; laporan menunggu dikirim ke BCare ({})", "{} forwarded; the report waits to be sent to BCare ({})";
    CalendarGapDoctor => "KALENDER TIDAK MEMUAT DATA LIBUR TAHUN {}: batas SLA bisa salah. Tambahkan libur nasional dan cuti bersama {} ke file kalender.", "THE CALENDAR HAS NO HOLIDAY DATA FOR {}: SLA deadlines may be wrong. Add the {} national holidays and cuti bersama to the calendar file.";
    CalendarGap => "!! KALENDER TIDAK MEMUAT DATA LIBUR TAHUN {}: batas SLA menghitung hari libur sebagai hari kerja. Perbarui file kalender (bcare-desk calendar --export).", "!! THE CALENDAR HAS NO HOLIDAY DATA FOR {}: SLA deadlines count holidays as working days. Update the calendar file (bcare-desk calendar --export).";
    StepTicket => " — tiket {}", " — ticket {}";
    StepSlaMet => " — SLA terpenuhi", " — SLA met";
    StepSlaLate => " — SLA terlambat", " — SLA late";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::msg::Lang;

    #[test]
    fn every_entry_has_both_languages_and_matching_placeholders() {
        for k in M::ALL {
            let (id, en) = (k.get(Lang::Id), k.get(Lang::En));
            assert!(!id.trim().is_empty(), "{k:?} has no Indonesian");
            assert!(!en.trim().is_empty(), "{k:?} has no English");
            assert_eq!(id.matches("{}").count(), en.matches("{}").count(), "{k:?}");
        }
    }
}
