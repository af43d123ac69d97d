//! The one catalog of everything the desk shows: each entry is Indonesian (the
//! officer's language, the default) and English. Placeholders are `{}`, filled in order.

use crate::domain::msg::Lang;

macro_rules! catalog {
    ($($name:ident => $id:literal, $en:literal;)*) => {
        /// A visible string, by meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($name,)* }

        impl T {
            #[cfg(test)]
            pub const ALL: &'static [T] = &[$(T::$name,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::Id) => $id, (T::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

catalog! {
    QueueTitle => "Antrean pengaduan", "Complaint queue";
    DetailTitle => "Rincian", "Detail";
    IntakeTitle => "Pengaduan baru", "New complaint";
    ForwardTitle => "Teruskan ke BCare", "Forward to BCare";
    ReceiptTitle => "Nomor tiket BCare", "BCare ticket number";
    HandoverTitle => "Serahkan ke pemohon", "Hand over to applicant";
    HelpTitle => "Bantuan tombol", "Keys";
    PaletteTitle => "Perintah", "Commands";
    GuideTitle => "Panduan kategori", "Category guide";

    ColSla => "Sisa", "Left";
    ColStage => "Tahap", "Stage";
    ColMove => "Giliran", "Move";
    ColRef => "Referensi", "Reference";
    ColApplicant => "Pemohon", "Applicant";
    ColCategory => "Kat.", "Cat.";
    ColAge => "Umur", "Age";
    SlaLate => "LEWAT", "LATE";
    SlaStopped => "—", "—";
    QueueEmpty => "Belum ada pengaduan di sini.", "No complaints here yet.";
    FilterAllOpen => "semua terbuka", "all open";
    FilterLabel => "Tahap: {}", "Stage: {}";
    SearchPrompt => "Cari: ", "Search: ";
    PageMore => "halaman {}", "page {}";

    StageShortReceived => "Diterima", "Received";
    StageShortForwarded => "Diteruskan", "Forwarded";
    StageShortTicketed => "Bertiket", "Ticketed";
    StageShortHandedOver => "Diserahkan", "Handed over";
    StageShortResolved => "Selesai", "Resolved";
    StageShortCancelled => "Batal", "Cancelled";

    NothingSelected => "Pilih pengaduan di antrean.", "Select a complaint in the queue.";
    DMove => "Giliran", "Whose move";
    DApplicant => "Pemohon", "Applicant";
    DReceived => "Diterima", "Received";
    DDeadline => "Batas SLA", "SLA deadline";
    DRemaining => "Sisa jam kerja", "Working time left";
    DTicket => "Nomor tiket", "Ticket number";
    DLinked => "Ikut tiket dari", "Shares ticket of";
    DCategory => "Kategori", "Category";
    DChannel => "Saluran", "Channel";
    DSubject => "Perihal", "Subject";
    DTimeline => "Linimasa", "Timeline";
    DReport => "Laporan BCare", "BCare report";
    DDelivery => "Pengiriman", "Delivery";
    DBcareSaid => "Jawaban BCare", "BCare said";
    DeliveryNotYet => "menunggu kirim, belum dicoba", "waiting to send, not tried yet";
    DeliveryRetry => "menunggu kirim; sudah dicoba {}×, lagi {}", "waiting to send; tried {}×, next at {}";
    DeliverySent => "terkirim {} (percobaan ke-{})", "sent {} (attempt {})";
    DeliveryFailed => "gagal setelah {}× percobaan", "failed after {} attempts";
    DNone => "—", "—";
    SlaMet => "SLA terpenuhi", "SLA met";
    SlaMissed => "SLA terlewati", "SLA missed";

    FName => "Nama", "Name";
    FKind => "Jenis pemohon", "Applicant kind";
    FOrg => "Perusahaan", "Company";
    FNip => "NIP", "NIP";
    FNpwp => "NPWP/NITKU/NIB", "NPWP/NITKU/NIB";
    FNib => "NIB", "NIB";
    FPhone => "Telepon", "Phone";
    FEmail => "Email", "Email";
    FChannel => "Saluran", "Channel";
    FCategory => "Kategori", "Category";
    FSubject => "Perihal", "Subject";
    FDescription => "Uraian masalah", "Description";
    FUserId => "User ID", "User ID";
    FAju => "Nomor aju", "Nomor aju";
    FDocType => "Jenis dokumen", "Document type";
    FDocStatus => "Status dokumen", "Document status";
    FDocSubmitted => "Waktu kirim dok.", "Document sent at";
    FAttachments => "Lampiran (path)", "Attachments (path)";
    FReceivedAt => "Diterima pada", "Received at";
    ChoiceNone => "(belum dipilih)", "(not chosen)";
    ChoiceType => "(ketik nama/kode atau nomor)", "(type a name, code or number)";
    ChoicesTitle => "Pilihan", "Options";
    ChoiceHowTo => "Ketik awal nama atau kode, atau nomornya; ←/→ menggeser; Enter lanjut.", "Type a name's or code's start, or its number; ←/→ step; Enter moves on.";
    ExtrasHidden => "Ctrl-O: kolom tambahan (email, dokumen…)", "Ctrl-O: more fields (email, documents…)";
    NewLineHint => "Ctrl-J: baris baru", "Ctrl-J: new line";
    ExtrasShown => "Ctrl-O: sembunyikan kolom tambahan", "Ctrl-O: hide the extra fields";
    ManyHint => "pisahkan dengan koma", "separate with commas";

    GuideCollect => "Kumpulkan", "Collect";
    GuideChecks => "Periksa dulu", "First checks";
    GuideEscalate => "Eskalasi bila", "Escalate when";
    GuideRequires => "Wajib", "Required";
    GuideNoCategory => "Pilih kategori untuk melihat panduannya.", "Choose a category to see its guide.";

    MsgSaved => "Tersimpan sebagai {}. Jam SLA berjalan.", "Saved as {}. The SLA clock runs.";
    MsgFixFields => "Periksa isian yang bertanda merah.", "Check the fields marked in red.";
    MsgDraftRestored => "Draf dipulihkan dari {}.", "Draft restored from {}.";
    MsgDraftKept => "Formulir ditutup; draf disimpan.", "Form closed; the draft is kept.";
    MsgDraftDiscarded => "Draf dibuang.", "Draft discarded.";
    MsgMessageRead => "Dari pesan pemohon terisi {} kolom (ditandai ◆); {} membatalkan.", "{} fields filled from the caller's message (marked ◆); {} undoes it.";
    MsgMessageSecret => "Pesan memuat kata sandi atau OTP: hapus dari uraian; tidak ada yang disimpan sebelum itu.", "The message holds a password or OTP: remove it from the description; nothing of it is saved until then.";
    MsgMessageNothing => "Tidak ada kolom kosong yang bisa diisi dari pesan.", "No empty field could be filled from the message.";
    MsgNoMessage => "Tempel atau ketik pesan pemohon di Uraian masalah dulu.", "Paste or type the caller's message into the description first.";
    MsgFillUndone => "Isian dari pesan dibatalkan.", "The fill from the message was undone.";
    MsgNothingToUndo => "Tidak ada isian pesan untuk dibatalkan.", "No message fill to undo.";
    PasteHint => "Tempel pesan pemohon untuk mengisi formulir ({} membaca uraian)", "Paste the caller's message to fill the form ({} reads the description)";
    FilledHint => "◆ diisi dari pesan; {} membatalkan", "◆ filled from the message; {} undoes it";
    MsgNotNow => "{}: tidak bisa pada tahap {}.", "{}: not possible at stage {}.";
    MsgNoSelection => "Pilih pengaduan dulu.", "Select a complaint first.";
    MsgCopiedPortal => "Laporan dikirim ke papan klip terminal. Tempel di {}, lalu ketik nomor tiketnya.", "Report sent to the terminal's clipboard. Paste it at {}, then type the ticket number.";
    RcReportText => "Laporan (bila tidak tertempel, pilih teks ini dengan tetikus):", "The report (if nothing pastes, select this text with the mouse):";
    MsgQueued => "{} masuk antrean kirim ({}).", "{} queued for sending ({}).";
    MsgDelivered => "{}: BCare memberi nomor tiket {}.", "{}: BCare gave ticket number {}.";
    MsgSendFailed => "{}: gagal kirim, dicoba lagi {} — jawaban BCare: {}", "{}: sending failed, retry at {} — BCare said: {}";
    MsgTicketRecorded => "{}: nomor tiket {} dicatat.", "{}: ticket number {} recorded.";
    MsgHandedOver => "{} diserahkan; jam SLA berhenti.", "{} handed over; the SLA clock stopped.";
    MsgCopied => "Pesan dikirim ke papan klip terminal.", "Message sent to the terminal's clipboard.";
    MsgError => "Gagal: {}", "Failed: {}";

    FwClient => "Klien BCare", "BCare client";
    FwProblem => "Permasalahan", "Problem";
    FwDescription => "Deskripsi", "Description";
    FwEditing => "mengubah — Esc selesai", "editing — Esc done";
    FwPortalHint => "Enter: ke papan klip terminal, tandai diteruskan · w: simpan file", "Enter: to the terminal's clipboard, mark forwarded · w: save a file";
    FwQueueHint => "Enter: ke antrean kirim (layar tetap bisa dipakai) · w: simpan file", "Enter: queue for sending (the screen stays usable) · w: save a file";

    RcTicket => "Nomor tiket", "Ticket number";
    RcShapeOk => "bentuk sesuai nomor tiket BCare", "looks like a BCare ticket number";
    RcShapeOff => "bentuknya tidak seperti nomor tiket BCare (mis. A0254EB2B1) — tetap bisa disimpan, periksa lagi", "does not look like a BCare ticket number (e.g. A0254EB2B1) — it can still be saved; look again";
    RcLinkTitle => "Atau tautkan ke tiket terbuka kategori {}", "Or link to an open ticket of category {}";
    RcNoTickets => "Tidak ada tiket terbuka di kategori ini.", "No open tickets in this category.";
    RcFocusType => "Tab: pilih dari daftar", "Tab: pick from the list";
    RcFocusList => "Tab: ketik nomor", "Tab: type the number";

    HoChannel => "Saluran penyerahan", "Handover channel";
    HoLate => "Lewat batas SLA {}: mengapa?", "Past the SLA deadline {}: why?";
    HoLateHowTo => "angka atau huruf awal memilih · Tab: keterangan", "a number or first letter picks · Tab: the words";
    HoWords => "Keterangan (opsional)", "Words (optional)";
    MsgNeedReason => "Penyerahan terlambat: pilih alasannya dulu (1–4).", "The handover is late: pick the reason first (1–4).";
    HoMessage => "Pesan untuk pemohon", "Message to the applicant";
    HoHint => "Enter: catat penyerahan, pesan ke papan klip terminal", "Enter: record the handover, message to the terminal's clipboard";

    SbRunning => "di jam SLA", "on the clock";
    SbAtDirIkc => "di Dir. IKC", "at Dir. IKC";
    SbDueSoon => "≤30 mnt", "≤30 min";
    SbBreached => "lewat", "late";
    SbWaiting => "menunggu kirim", "to send";
    SbReachable => "terhubung", "reachable";
    SbUnreachable => "tak terhubung", "unreachable";
    SbNoHolidays => "KALENDER TANPA DATA LIBUR {}", "CALENDAR HAS NO HOLIDAYS FOR {}";
    SbDamaged => "DATABASE RUSAK: {} — jangan input lagi; pulihkan salinan `bcare-desk backup`", "DATABASE DAMAGED: {} — stop entering data; restore a `bcare-desk backup` copy";

    UnitMin => "mnt", "m";
    UnitHour => "j", "h";
    UnitDay => "hr", "d";
    Sending => "mengirim…", "sending…";
    HelpMore => "Ctrl-P: semua perintah", "Ctrl-P: every command";
    TooSmall => "Perbesar terminal: minimal 80×24 (sekarang {}×{}).", "Enlarge the terminal: at least 80×24 (now {}×{}).";
    PaletteEmpty => "Tidak ada perintah yang cocok.", "No matching command.";
    HelpClose => "Esc atau ? untuk menutup", "Esc or ? to close";

    ScopeGlobal => "Di mana saja", "Anywhere";
    ScopeQueue => "Antrean", "Queue";
    ScopeSearch => "Pencarian", "Search";
    ScopeIntake => "Pengaduan baru", "New complaint";
    ScopeForward => "Teruskan", "Forward";
    ScopeReceipt => "Nomor tiket", "Ticket number";
    ScopeHandover => "Penyerahan", "Handover";
    ScopeOverlay => "Bantuan & perintah", "Help & commands";
    ScopeClose => "Tutup pengaduan", "Close a complaint";
    ScopeReport => "Laporan seksi", "Section report";

    AQuit => "Keluar", "Quit";
    AHelp => "Bantuan", "Help";
    APalette => "Perintah", "Commands";
    AUp => "Naik", "Up";
    ADown => "Turun", "Down";
    APageUp => "Halaman sebelumnya", "Previous page";
    APageDown => "Halaman berikut", "Next page";
    ANew => "Pengaduan baru", "New complaint";
    AForward => "Teruskan ke BCare", "Forward to BCare";
    AReceipt => "Catat nomor tiket", "Record ticket number";
    AHandover => "Serahkan ke pemohon", "Hand over";
    AFilter => "Saring tahap", "Filter by stage";
    ASearch => "Cari", "Search";
    AClear => "Hapus saringan", "Clear filter";
    ANextField => "Kolom berikut", "Next field";
    APrevField => "Kolom sebelumnya", "Previous field";
    ASave => "Simpan", "Save";
    ABack => "Kembali", "Back";
    AChoice => "Ganti pilihan", "Change choice";
    ASend => "Kirim", "Send";
    AEdit => "Ubah laporan", "Edit report";
    AConfirm => "Konfirmasi", "Confirm";
    ASwitch => "Ketik / daftar", "Type / list";
    AHandOverNow => "Catat penyerahan", "Record the handover";
    ACopy => "Kirim pesan ke papan klip", "Message to clipboard";
    ADiscard => "Buang draf", "Discard draft";
    AReport => "Laporan", "Report";
    AReasonWords => "Alasan / keterangan", "Reason / words";
    APeriod => "Periode", "Period";
    ReportTitle => "Laporan seksi PDAD", "PDAD section report";
    SpanToday => "Hari ini", "Today";
    SpanWeek => "Minggu ini", "This week";
    SpanMonth => "Bulan ini", "This month";
    SpanLastMonth => "Bulan lalu", "Last month";
    ReportLoading => "Menghitung…", "Counting…";
    ReportSla => "SLA 2 jam kerja", "2-working-hour SLA";
    ReportNoHandover => "belum ada yang diserahkan", "nothing handed over yet";
    ReportTotals => "diterima {} · diserahkan {} · tepat {} · lewat {} · terbuka {} · batal {}", "received {} · handed over {} · in time {} · late {} · open {} · cancelled {}";
    ReportMinutes => "menit kerja sampai serah: median {} · p90 {}", "working minutes to handover: median {} · p90 {}";
    ReportByCategory => "Diterima per kategori", "Received by category";
    ReportDaily => "Per hari", "Per day";
    ReportDailyReceived => "diterima", "received";
    ReportDailyWithin => "tepat SLA", "within SLA";
    ReportLateTitle => "Terlambat ({})", "Late ({})";
    ReportLateMore => "… dan {} lagi: bcare-desk report", "… and {} more: bcare-desk report";
    ReportNoLate => "Tidak ada yang terlambat.", "Nothing late.";
    ReportNoReason => "tanpa alasan", "no reason";
    ReportEmpty => "Belum ada pengaduan di periode ini.", "No complaints in this period.";
    AReadMessage => "Baca pesan pemohon", "Read the caller's message";
    AUndoFill => "Batalkan isian pesan", "Undo the message fill";
    ARun => "Jalankan", "Run";
    ADone => "Selesai mengubah", "Done editing";
    AResolve => "Selesaikan", "Resolve";
    ACancel => "Batalkan", "Cancel";
    AEarlier => "Minggu sebelumnya", "Earlier week";
    ALater => "Minggu berikutnya", "Later week";
    ASaveReport => "Simpan laporan ke file", "Save the report to a file";
    FilterAll => "semua", "all";
    FilterHistory => "riwayat {} – {}", "history {} – {}";
    HistoryHint => "terbaru dulu · [ ] geser minggu", "newest first · [ ] move the week";
    DraftWaits => "✎ Draf menunggu: {} — n untuk melanjutkan", "✎ A draft waits: {} — n to resume";
    AskDropEdits => "Isian di layar ini belum disimpan. Tinggalkan dan buang? Enter: buang · Esc: tetap di sini", "What you typed here is not saved. Leave and drop it? Enter: drop · Esc: stay";
    AskDraft => "Draf pengaduan {} ({}) menunggu. Enter: lanjutkan draf · n: pengaduan baru (draf dibuang) · Esc: batal", "A draft for {} ({}) waits. Enter: resume it · n: new complaint (the draft is dropped) · Esc: back";
    AskReplace => "Ganti nomor tiket {}{} dengan {}? Enter: ganti · Esc: batal", "Replace ticket number {}{} with {}? Enter: replace · Esc: back";
    AskFromBcare => " (diberikan BCare)", " (issued by BCare)";
    AskTitle => "Konfirmasi", "Confirm";
    CloseResolveTitle => "Selesaikan pengaduan", "Resolve the complaint";
    CloseCancelTitle => "Batalkan pengaduan", "Cancel the complaint";
    CloseNote => "Catatan penyelesaian (boleh kosong)", "Resolution note (may be empty)";
    CloseReason => "Alasan pembatalan (wajib)", "Reason for cancelling (required)";
    CloseHint => "Enter: simpan · Esc: kembali", "Enter: save · Esc: back";
    MsgResolved => "{} selesai; pemohon perlu dikabari.", "{} resolved; the applicant is owed a notice.";
    MsgCancelled => "{} dibatalkan.", "{} cancelled.";
    MsgReportSaved => "Laporan disimpan di {} (hanya bisa dibaca Anda).", "Report saved to {} (readable only by you).";
    RcCurrent => "Nomor sekarang", "Current number";
    ANextOrSave => "Lanjut (simpan di akhir)", "Next (saves at the end)";
    AMoreFields => "Kolom tambahan", "More fields";
    ScopeSuggest => "Gangguan yang sama?", "Same outage?";
    ScopeBulk => "Beberapa sekaligus", "Several at once";
    ScopeWalk => "Penyerahan beruntun", "Handover walk";
    ScopeIncident => "Gangguan", "Incident";
    ASelect => "Pilih/lepas baris", "Pick/unpick row";
    ASelectAll => "Pilih semua", "Pick all on screen";
    ANewLike => "Baru, seperti ini", "New, like this one";
    AIncident => "Lihat gangguan", "Incident view";
    ALinkTicket => "Tautkan ke tiket ini", "Link to this ticket";
    AToQueue => "Ke antrean", "To the queue";
    AForAll => "Untuk semua (semua atau tidak)", "For all (all or none)";
    AHandOverNext => "Catat, salin, berikutnya", "Record, copy, next";
    ACopyList => "Salin daftar saluran ini", "Copy this channel's list";
    AHandOverAll => "Serahkan semua lewat saluran ini", "Hand over all by this channel";
    AHandOverWaiting => "Serahkan yang menunggu", "Hand over those waiting";
    SuggestTitle => "Gangguan yang sama?", "Same outage?";
    SuggestIntro => "{} tersimpan. Tiket terbuka kategori {} yang diterima dalam jendela gangguan:", "{} saved. Open tickets of category {} received within the incident window:";
    SuggestLine => "sama dengan {}, tiket {}? ({} penelepon)", "same problem as {}, ticket {}? ({} caller(s))";
    SuggestWaiting => "sama dengan {}? (diteruskan, menunggu nomor tiket)", "same problem as {}? (forwarded, waiting for its ticket)";
    SuggestHint => "Enter menautkan ke tiket terpilih, lalu penyerahan; f meneruskan sebagai laporan sendiri.", "Enter links to the chosen ticket, then the handover; f forwards it as a report of its own.";
    MsgNoTicketYet => "{} belum punya nomor tiket BCare: tautkan setelah nomornya ada.", "{} has no BCare ticket number yet: link once it has one.";
    MsgPicked => "{} dipilih — t: tautkan, h: serahkan, x: batalkan, Esc: lepas.", "{} picked — t: link, h: hand over, x: cancel, Esc: unpick.";
    MsgDraftFirst => "Draf menunggu: tekan n untuk melanjutkan atau membuangnya dulu.", "A draft waits: press n to resume or discard it first.";
    MsgNoneWaiting => "Tidak ada pemohon yang menunggu nomor tiket ini.", "No applicant waits for this ticket number.";
    MsgWalkDone => "Selesai: {} pemohon sudah menerima nomor tiketnya.", "Done: {} applicants have their ticket number.";
    MsgListCopied => "{} pesan lewat {} disalin sebagai satu daftar.", "{} messages by {} copied as one list.";
    MsgBulkLinked => "{} pengaduan ditautkan ke tiket {}.", "{} complaints linked to ticket {}.";
    MsgBulkCancelled => "{} pengaduan dibatalkan.", "{} complaints cancelled.";
    MsgBulkHandedOver => "{} pengaduan diserahkan.", "{} complaints handed over.";
    BulkLinkTitle => "Tautkan {} pengaduan ke satu tiket", "Link {} complaints to one ticket";
    BulkCancelTitle => "Batalkan {} pengaduan", "Cancel {} complaints";
    BulkLinkLabel => "Nomor tiket BCare, atau referensi pengaduan yang sudah bertiket", "BCare ticket number, or the reference of a ticketed complaint";
    BulkCancelLabel => "Alasan pembatalan, satu untuk semua", "Reason for cancelling, one for all";
    WalkTitle => "Serahkan tiket · {} dari {} menunggu", "Hand over the ticket · {} of {} waiting";
    WalkDone => "diserahkan", "handed over";
    IncTitle => "Gangguan · tiket {} · penelepon: {}", "Incident · ticket {} · callers: {}";
    IncSummary => "Laporan pertama {} · menunggu penyerahan {} · perlu dikabari selesai {}", "First report {} · awaiting handover {} · owed a notice {}";
    ColContact => "Kontak", "Contact";
    ColChannel => "Saluran", "Channel";
    ColReceived => "Diterima", "Received";
    ColHandedOver => "Diserahkan", "Handed over";
    ColNotified => "Dikabari", "Notified";
    IncOwed => "terutang", "owed";
    AShowInQueue => "Tampilkan di antrean", "Show in the queue";
    SpanShift => "Serah terima shift", "Shift handoff";
    ShiftTitle => "Serah terima shift · {}", "Shift handoff · {}";
    ShiftOpen => "Pengaduan terbuka ({})", "Open complaints ({})";
    ShiftOutbox => "Laporan menunggu dikirim ke BCare ({})", "Reports waiting for BCare ({})";
    ShiftNotices => "Pemohon perlu dikabari selesai ({})", "Applicants owed a notice ({})";
    ShiftChase => "Tiket perlu ditanyakan ke Dir. IKC ({})", "Tickets to chase at Dir. IKC ({})";
    ShiftDue => "batas {}", "due {}";
    ShiftTicket => "tiket {}", "ticket {}";
    ShiftDays => "{} hari kerja", "{} working days";
    ShiftNone => "tidak ada", "none";
    ShiftMore => "… dan {} lagi: bcare-desk report --shift", "… and {} more: bcare-desk report --shift";
    SbNoticesOwed => "perlu dikabari", "owed a notice";
    KeySpace => "Spasi", "Space";
    WalkLateAll => "{} dari {} lewat {} sudah lewat batas SLA: mengapa? (satu alasan untuk semua)", "{} of {} by {} are past the SLA deadline: why? (one reason for all)";
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages_and_matching_placeholders() {
        for k in T::ALL {
            let (id, en) = (k.get(Lang::Id), k.get(Lang::En));
            assert!(!id.is_empty() && !en.is_empty(), "{k:?}");
            assert_eq!(id.matches("{}").count(), en.matches("{}").count(), "{k:?}");
        }
    }

    #[test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(fill("{} dan {}", &["a", "b"]), "a dan b");
        assert_eq!(fill("tanpa", &["x"]), "tanpa");
        assert_eq!(fill("{}{}", &["a"]), "a");
    }
}
