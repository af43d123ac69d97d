//! Realistic sample complaints for training and load tests: spread over past
//! working days, most of them closed, today's still on the desk.

use crate::desk::sla_budget;
use crate::domain::calendar::WorkCalendar;
use crate::domain::complaint::{Applicant, ApplicantKind, Channel, Complaint, NewComplaint, Stage};
use crate::domain::sla;
use crate::domain::when::local_date;
use crate::store::{IntakeRecord, NewEvent};
use chrono::{DateTime, Datelike, TimeDelta, Utc};

/// A small deterministic generator (SplitMix64): the same seed, the same sample.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn minutes(&mut self, lo: i64, hi: i64) -> TimeDelta {
        TimeDelta::minutes(lo + self.below((hi - lo + 1) as u64) as i64)
    }
}

const FIRST: &[&str] = &[
    "Andi",
    "Budi",
    "Siti",
    "Nurul",
    "Muhammad",
    "Rahmat",
    "Dewi",
    "Ayu",
    "Fajar",
    "Irwan",
    "Hasanuddin",
    "Sulastri",
    "Yusuf",
    "Rini",
    "Arif",
    "Wahyuni",
    "Syamsul",
    "Ratna",
];
const LAST: &[&str] = &[
    "Wijaya",
    "Rahman",
    "Saputra",
    "Lestari",
    "Hidayat",
    "Pratama",
    "Amir",
    "Daeng Tata",
    "Sari",
    "Nugroho",
    "Kurniawan",
    "Syahrir",
    "Manggabarani",
    "Putri",
];
const COMPANIES: &[&str] = &[
    "PT Samudra Makassar Logistik",
    "PT Sulawesi Cargo Utama",
    "CV Anugerah Bahari",
    "PT Losari Ekspor Impor",
    "PT Karebosi Prima Niaga",
    "PT Celebes Kakao Nusantara",
    "PT Soekarno-Hatta Forwarding",
    "CV Mamminasata Jaya",
];
/// (category, subject, document type)
const PROBLEMS: &[(&str, &str, &str)] = &[
    ("IMP", "PIB belum mendapat respon sejak pagi", "BC 2.0 PIB"),
    (
        "IMP",
        "Respon PIB menolak kode HS yang sudah benar",
        "BC 2.0 PIB",
    ),
    (
        "EKS",
        "PEB tidak bisa dikirim, muncul error validasi",
        "BC 3.0 PEB",
    ),
    (
        "EKS",
        "NPE belum terbit mendekati closing time",
        "BC 3.0 PEB",
    ),
    ("MAN", "BC 1.1 tidak bisa ditutup pos", "BC 1.1"),
    ("TPB", "Dokumen BC 2.5 tertahan status draft", "BC 2.5"),
    ("AKUN", "Akun terkunci setelah reset password", ""),
    ("AKUN", "OTP tidak masuk ke nomor terdaftar", ""),
    ("REG", "Data NIB di CEISA belum sinkron dengan OSS", ""),
    ("CUK", "Pemesanan pita cukai gagal diproses", "CK-1"),
    (
        "BYR",
        "Billing sudah dibayar tetapi status belum lunas",
        "BC 2.0 PIB",
    ),
    ("INT", "Data TPS online tidak masuk ke CEISA", ""),
    ("INH", "Aplikasi internal tidak menampilkan data", ""),
    ("TIK", "Jaringan ke CEISA putus di ruang layanan", ""),
    ("LAIN", "Pertanyaan teknis lainnya", ""),
];

/// A working instant of `day` (local), chosen by the dice; None on a day off.
fn working_instant(
    cal: &WorkCalendar,
    day: chrono::NaiveDate,
    dice: &mut Dice,
) -> Option<DateTime<Utc>> {
    let intervals = cal.working_intervals(day);
    if intervals.is_empty() {
        return None;
    }
    let (from, to) = *dice.pick(&intervals);
    let span = (to - from).num_seconds().max(1) as u64;
    Some(from + TimeDelta::seconds(dice.below(span) as i64))
}

fn event(kind: &'static str, at: DateTime<Utc>, before: Stage, after: Stage) -> NewEvent {
    NewEvent {
        at,
        officer: "demo".into(),
        kind,
        before: Some(before.as_str().into()),
        after: Some(after.as_str().into()),
        note: None,
    }
}

/// A deterministic source of sample complaints: first the instants they were
/// received (sorted, so references count up in time), then one record at a time,
/// so a large sample never sits in memory whole.
pub struct Sampler<'a> {
    cal: &'a WorkCalendar,
    now: DateTime<Utc>,
    dice: Dice,
    received: std::vec::IntoIter<DateTime<Utc>>,
}

impl<'a> Sampler<'a> {
    /// `count` complaints received on the working days before `now`, about forty a day.
    pub fn new(cal: &'a WorkCalendar, now: DateTime<Utc>, count: usize, seed: u64) -> Self {
        let mut dice = Dice(seed);
        let today = local_date(now, cal.offset());
        let days_back = (count / 40).clamp(1, 3000) as u64;
        let mut received = Vec::with_capacity(count);
        let mut tries = 0;
        while received.len() < count && tries < count * 20 {
            tries += 1;
            let day = today - TimeDelta::days(dice.below(days_back + 1) as i64);
            if let Some(t) = working_instant(cal, day, &mut dice).filter(|t| *t <= now) {
                received.push(t);
            }
        }
        received.sort();
        Sampler {
            cal,
            now,
            dice,
            received: received.into_iter(),
        }
    }

    /// The next `n` records, oldest first; empty when done.
    pub fn batch(&mut self, n: usize) -> Vec<IntakeRecord> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let Some(received) = self.received.next() else {
                break;
            };
            out.push(record(self.cal, self.now, received, &mut self.dice));
        }
        out
    }
}

fn record(
    cal: &WorkCalendar,
    now: DateTime<Utc>,
    received: DateTime<Utc>,
    dice: &mut Dice,
) -> IntakeRecord {
    let off = cal.offset();
    let (cat, subject, doc) = *dice.pick(PROBLEMS);
    let service_user = cat != "INH" && cat != "TIK" && dice.below(5) > 0;
    let name = format!("{} {}", dice.pick(FIRST), dice.pick(LAST));
    let aju = if matches!(cat, "IMP" | "EKS" | "MAN" | "TPB" | "BYR") {
        let d = local_date(received, off);
        vec![format!(
            "{:06}{:06}{:04}{:02}{:02}{:06}",
            dice.below(1000),
            10017,
            d.year(),
            d.month(),
            d.day(),
            dice.below(999_999)
        )]
    } else {
        Vec::new()
    };
    let details = NewComplaint {
        applicant: Applicant {
            kind: if service_user {
                ApplicantKind::PenggunaJasa
            } else {
                ApplicantKind::Pegawai
            },
            name,
            nip: (!service_user).then(|| {
                format!(
                    "19{:02}0{}1520{:02}121{:03}",
                    70 + dice.below(25),
                    1 + dice.below(9),
                    10 + dice.below(10),
                    dice.below(999)
                )
            }),
            org: service_user.then(|| dice.pick(COMPANIES).to_string()),
            npwp: service_user.then(|| format!("{:015}", dice.below(999_999_999_999_999))),
            nib: None,
            phone: Some(format!("+62812{:08}", dice.below(100_000_000))),
            email: None,
        },
        channel: *dice.pick(&Channel::ALL),
        category: cat.into(),
        subject: subject.into(),
        description: format!("{subject}. Pemohon sudah mencoba ulang dan masalah tetap terjadi."),
        user_id: (cat == "AKUN").then(|| format!("user{:05}", dice.below(99_999))),
        aju,
        doc_type: (!doc.is_empty()).then(|| doc.to_string()),
        doc_status: None,
        doc_submitted_at: None,
        attachments: Vec::new(),
        received_at: received,
    };
    let deadline = sla::deadline(cal, received, sla_budget()).unwrap_or(received + sla_budget());
    let mut c = Complaint::received(details, deadline);
    let mut events = vec![NewEvent {
        at: received,
        officer: "demo".into(),
        kind: "intake",
        before: None,
        after: Some("received".into()),
        note: None,
    }];
    // Walk the procedure forward while the steps are in the past.
    if dice.below(40) == 0 {
        let at = received + dice.minutes(5, 60);
        if at <= now {
            c.stage = Stage::Cancelled;
            c.cancelled_at = Some(at);
            c.cancel_reason = Some("Masalah sudah teratasi sendiri".into());
            events.push(event("cancel", at, Stage::Received, Stage::Cancelled));
        }
    } else {
        let steps = [
            (Stage::Forwarded, "forward", 5, 40),
            (Stage::Ticketed, "ticket", 5, 90),
            (Stage::HandedOver, "handover", 2, 40),
            (Stage::Resolved, "resolve", 60, 4000),
        ];
        let mut at = received;
        for (stage, kind, lo, hi) in steps {
            at += dice.minutes(lo, hi);
            if at > now {
                break;
            }
            events.push(event(kind, at, c.stage, stage));
            c.stage = stage;
            match stage {
                Stage::Forwarded => c.forwarded_at = Some(at),
                Stage::Ticketed => {
                    c.ticketed_at = Some(at);
                    c.ticket_no = Some(format!(
                        "{}{:09X}",
                        (b'A' + dice.below(26) as u8) as char,
                        dice.below(0xF_FFFF_FFFF)
                    ));
                }
                Stage::HandedOver => {
                    c.handed_over_at = Some(at);
                    c.handover_via = Some(*dice.pick(&Channel::ALL));
                }
                Stage::Resolved => c.resolved_at = Some(at),
                _ => {}
            }
        }
    }
    IntakeRecord {
        ref_year: local_date(received, off).year(),
        complaint: c,
        events,
    }
}
