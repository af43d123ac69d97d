//! Realistic sample complaints for training and load tests, on any day and at
//! any hour: most of them closed over past working days, and the last working
//! hours before the clock still on the desk — some late, some near their
//! deadline, some waiting in the outbox, a few sharing one ticket.
//!
//! The samples are built from the domain alone and handed to the desk
//! ([`crate::desk::Desk::demo`]), which writes them; the desk knows nothing of
//! this module.

use crate::desk::{Sample, SampleStep};
use crate::domain::calendar::WorkCalendar;
use crate::domain::complaint::{Applicant, ApplicantKind, Channel, Complaint, NewComplaint, Stage};
use crate::domain::followup::NOTIFIED_EVENT;
use crate::domain::intake::earliest_receipt;
use crate::domain::sla;
use crate::domain::when::local_date;
use crate::store::{IntakeRecord, NewEvent};
use chrono::{DateTime, Datelike, TimeDelta, Utc};

/// Working minutes before the clock whose complaints are still on the desk: the
/// 2-hour budget and a margin, so that the oldest of them are late.
const ON_DESK_MINUTES: i64 = 190;
/// Closed complaints were received this far back or more, so that their steps
/// (at most 170 working minutes to hand-over) end before the on-desk window.
const CLOSED_FROM_MINUTES: i64 = ON_DESK_MINUTES + 180;
/// About forty complaints a working day at a busy office (~450 working minutes).
const MINUTES_PER_COMPLAINT: i64 = 11;
/// Working minutes in about five years: the oldest a sample can be.
const MAX_PAST_MINUTES: i64 = 5 * 245 * 450;
/// At most this many complaints share the outage's ticket besides the first.
const MAX_LINKED: usize = 4;

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

/// The complaint many callers report at once: they share one ticket.
const OUTAGE: (&str, &str, &str) = (
    "IMP",
    "Portal CEISA tidak bisa diakses, PIB tidak terkirim",
    "BC 2.0 PIB",
);

/// What BCare answered the last time an outbox row was tried.
const DELIVERY_ERRORS: &[&str] = &[
    "BCare sibuk atau tidak tersedia (HTTP 503)",
    "waktu habis setelah 30 s menunggu BCare",
    "BCare menolak sementara (HTTP 429)",
    "koneksi ke BCare terputus",
];

/// Where a sample complaint stands at the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Received on a past working day and walked through the procedure.
    Closed,
    /// Still on the desk: not yet forwarded.
    Received,
    /// Forwarded through the outbox; BCare has not answered yet.
    InOutbox,
    /// Filed on the portal; the ticket number has not come back.
    Forwarded,
    /// The ticket number came back; not yet handed to the applicant.
    Ticketed,
    /// Shares the ticket of the first complaint about an outage.
    Linked,
}

/// The order the desk's complaints take, oldest first: late ones at the
/// outbox, a waiting one, the outage's first complaint and its followers.
const ON_DESK_PATTERN: [Fate; 10] = [
    Fate::InOutbox,
    Fate::Received,
    Fate::Ticketed,
    Fate::Linked,
    Fate::Forwarded,
    Fate::Received,
    Fate::Linked,
    Fate::InOutbox,
    Fate::Ticketed,
    Fate::Received,
];

/// How many of `count` complaints are still on the desk: about one in eight,
/// at least three (or all of a tiny sample), at most sixty.
fn on_desk_count(count: usize) -> usize {
    (count / 8).clamp(count.min(3), 60)
}

/// The working time before a clock, newest interval first, so that "m working
/// minutes before now" is one binary search.
struct WorkingPast {
    /// (start, end) of each working interval, clipped at the clock, newest first.
    spans: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// Working seconds from the clock back to the start of each span.
    reach: Vec<i64>,
}

impl WorkingPast {
    /// At least `minutes` of working time before `now`, or all there is back to
    /// `earliest` (intake takes no receipt before it, so no sample is older),
    /// looking at most about ten years back.
    fn new(
        cal: &WorkCalendar,
        now: DateTime<Utc>,
        minutes: i64,
        earliest: DateTime<Utc>,
    ) -> Option<WorkingPast> {
        let mut spans = Vec::new();
        let mut reach = Vec::new();
        let mut total = 0;
        let mut day = local_date(now, cal.offset());
        let first_day = local_date(earliest, cal.offset());
        for _ in 0..3700 {
            for (s, e) in cal.working_intervals(day).into_iter().rev() {
                let (s, e) = (s.max(earliest), e.min(now));
                if e <= s {
                    continue;
                }
                total += (e - s).num_seconds();
                spans.push((s, e));
                reach.push(total);
            }
            if total >= minutes * 60 || day <= first_day {
                break;
            }
            day = day.pred_opt()?;
        }
        (total > 0).then_some(WorkingPast { spans, reach })
    }

    /// The working minutes it holds.
    fn minutes(&self) -> i64 {
        self.reach.last().map_or(0, |r| r / 60)
    }

    /// The instant `seconds` of working time before the clock.
    fn before(&self, seconds: i64) -> DateTime<Utc> {
        let last = self.reach.len() - 1;
        let seconds = seconds.clamp(0, self.reach[last] - 1);
        let i = self.reach.partition_point(|&r| r <= seconds);
        let (_, end) = self.spans[i];
        let into = seconds - if i == 0 { 0 } else { self.reach[i - 1] };
        end - TimeDelta::seconds(into)
    }
}

/// `d` of working time after `t` (plain time if the calendar ran out).
fn after_working(cal: &WorkCalendar, t: DateTime<Utc>, d: TimeDelta) -> DateTime<Utc> {
    sla::deadline(cal, t, d).unwrap_or(t + d)
}

fn event(
    kind: &'static str,
    at: DateTime<Utc>,
    before: Option<Stage>,
    after: Stage,
    note: Option<String>,
) -> NewEvent {
    NewEvent {
        at,
        officer: "demo".into(),
        kind,
        before: before.map(|s| s.as_str().into()),
        after: Some(after.as_str().into()),
        note,
        said: None,
    }
}

/// A deterministic source of sample complaints: first the instants they were
/// received and where each stands (sorted, so references count up in time),
/// then one sample at a time, so a large sample never sits in memory whole.
pub struct Sampler {
    cal: WorkCalendar,
    now: DateTime<Utc>,
    dice: Dice,
    plan: std::vec::IntoIter<(DateTime<Utc>, Fate)>,
    /// The ticket of the outage's first complaint, once it is made.
    outage_ticket: Option<String>,
}

impl Sampler {
    /// Exactly `count` complaints received in the working time before `now`,
    /// whatever the day and hour: on a Sunday, Friday's last hours are on the desk.
    pub fn new(
        cal: WorkCalendar,
        now: DateTime<Utc>,
        count: usize,
        seed: u64,
    ) -> anyhow::Result<Sampler> {
        let mut dice = Dice(seed);
        let on_desk = on_desk_count(count);
        let closed = count - on_desk;
        // A load test's million complaints crowd into the last five years, and
        // never before the first receipt intake takes.
        let wanted = (closed as i64 * MINUTES_PER_COMPLAINT).clamp(450, MAX_PAST_MINUTES);
        let earliest = earliest_receipt(cal.offset());
        let past = WorkingPast::new(&cal, now, CLOSED_FROM_MINUTES + wanted, earliest)
            .filter(|p| p.minutes() > CLOSED_FROM_MINUTES)
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "the calendar has too little working time between {earliest} and {now} for samples"
                )
            })?;
        let closed_span = wanted.min(past.minutes() - CLOSED_FROM_MINUTES);
        let mut plan = Vec::with_capacity(count);
        for _ in 0..closed {
            let back = CLOSED_FROM_MINUTES * 60 + dice.below(closed_span as u64 * 60) as i64;
            plan.push((past.before(back), Fate::Closed));
        }
        // The desk's complaints spread evenly over its last working hours, the
        // oldest first, each somewhere in its own slot.
        let slot = ON_DESK_MINUTES * 60 / on_desk.max(1) as i64;
        let mut linked = 0;
        for i in 0..on_desk {
            let back = ON_DESK_MINUTES * 60 * (on_desk - i) as i64 / on_desk as i64
                - dice.below((slot * 4 / 5).max(1) as u64) as i64;
            let mut fate = ON_DESK_PATTERN[i % ON_DESK_PATTERN.len()];
            if fate == Fate::Linked {
                linked += 1;
                if linked > MAX_LINKED {
                    fate = Fate::Received;
                }
            }
            plan.push((past.before(back.max(60)), fate));
        }
        // Stable: two complaints received in the same second keep their plan order.
        plan.sort_by_key(|(at, _)| *at);
        Ok(Sampler {
            cal,
            now,
            dice,
            plan: plan.into_iter(),
            outage_ticket: None,
        })
    }

    /// The next `n` samples, oldest first; empty when done.
    pub fn batch(&mut self, n: usize) -> Vec<Sample> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let Some((received, fate)) = self.plan.next() else {
                break;
            };
            out.push(self.sample(received, fate));
        }
        out
    }

    fn ticket_no(&mut self) -> String {
        format!(
            "{}{:09X}",
            (b'A' + self.dice.below(26) as u8) as char,
            self.dice.below(0xF_FFFF_FFFF)
        )
    }

    fn sample(&mut self, received: DateTime<Utc>, fate: Fate) -> Sample {
        // The outage's first complaint is the first ticketed one while
        // followers are still to come; the followers report the same outage.
        let outage = match fate {
            Fate::Linked => self.outage_ticket.is_some(),
            Fate::Ticketed => self.outage_ticket.is_none(),
            _ => false,
        };
        let problem = if outage {
            OUTAGE
        } else {
            *self.dice.pick(PROBLEMS)
        };
        let details = details(&mut self.dice, self.cal.offset(), received, problem);
        let budget = TimeDelta::minutes(sla::DEFAULT_BUDGET_MINUTES);
        let deadline = after_working(&self.cal, received, budget);
        let mut c = Complaint::received(details, deadline);
        let mut events = vec![event("intake", received, None, Stage::Received, None)];
        let mut then = None;
        if fate == Fate::Closed {
            self.walk_closed(&mut c, &mut events);
        } else {
            // Steps of a complaint still on the desk happen at fractions of its
            // working age, so they all lie before the clock.
            let age = sla::working_time_between(&self.cal, received, self.now);
            let at = |dice: &mut Dice, lo: i32, hi: i32| {
                let pct = lo + dice.below((hi - lo) as u64) as i32;
                after_working(&self.cal, received, age * pct / 100)
            };
            match fate {
                Fate::InOutbox => {
                    let forwarded = at(&mut self.dice, 10, 40);
                    let minutes = 1 + self.dice.below(10) as i64;
                    then = Some(SampleStep::WaitingInOutbox {
                        at: forwarded,
                        attempts: 1 + self.dice.below(4) as u32,
                        last_error: self.dice.pick(DELIVERY_ERRORS).to_string(),
                        next_attempt_at: self.now + TimeDelta::minutes(minutes),
                    });
                }
                Fate::Forwarded | Fate::Ticketed => {
                    let forwarded = at(&mut self.dice, 10, 40);
                    c.stage = Stage::Forwarded;
                    c.forwarded_at = Some(forwarded);
                    events.push(event(
                        "forward",
                        forwarded,
                        Some(Stage::Received),
                        Stage::Forwarded,
                        Some("client portal".into()),
                    ));
                    if fate == Fate::Ticketed {
                        let ticketed = at(&mut self.dice, 50, 90);
                        let ticket = self.ticket_no();
                        if outage {
                            self.outage_ticket = Some(ticket.clone());
                        }
                        c.stage = Stage::Ticketed;
                        c.ticketed_at = Some(ticketed);
                        c.ticket_no = Some(ticket);
                        events.push(event(
                            "ticket",
                            ticketed,
                            Some(Stage::Forwarded),
                            Stage::Ticketed,
                            None,
                        ));
                    }
                }
                Fate::Linked => {
                    if let Some(ticket_no) = self.outage_ticket.clone() {
                        then = Some(SampleStep::Link {
                            at: at(&mut self.dice, 20, 60),
                            ticket_no,
                        });
                    }
                }
                Fate::Received | Fate::Closed => {}
            }
        }
        Sample {
            record: IntakeRecord {
                ref_year: local_date(received, self.cal.offset()).year(),
                complaint: c,
                events,
            },
            then,
        }
    }

    /// Walks a past complaint forward in working time while the steps are in
    /// the past: forwarded, ticketed, handed over (one in eight late), resolved;
    /// one in forty cancelled instead.
    fn walk_closed(&mut self, c: &mut Complaint, events: &mut Vec<NewEvent>) {
        let received = c.details.received_at;
        if self.dice.below(40) == 0 {
            let at = after_working(&self.cal, received, self.dice.minutes(5, 60));
            if at <= self.now {
                c.stage = Stage::Cancelled;
                c.cancelled_at = Some(at);
                c.cancel_reason = Some("Masalah sudah teratasi sendiri".into());
                events.push(event(
                    "cancel",
                    at,
                    Some(Stage::Received),
                    Stage::Cancelled,
                    None,
                ));
            }
            return;
        }
        let slow_ticket = if self.dice.below(8) == 0 {
            (100, 160)
        } else {
            (5, 60)
        };
        let steps = [
            (Stage::Forwarded, "forward", (5, 40)),
            (Stage::Ticketed, "ticket", slow_ticket),
            (Stage::HandedOver, "handover", (2, 20)),
            (Stage::Resolved, "resolve", (60, 1800)),
        ];
        let mut at = received;
        for (stage, kind, (lo, hi)) in steps {
            at = after_working(&self.cal, at, self.dice.minutes(lo, hi));
            if at > self.now {
                break;
            }
            let note = (stage == Stage::Forwarded).then(|| "client portal".to_string());
            events.push(event(kind, at, Some(c.stage), stage, note));
            c.stage = stage;
            match stage {
                Stage::Forwarded => c.forwarded_at = Some(at),
                Stage::Ticketed => {
                    c.ticketed_at = Some(at);
                    c.ticket_no = Some(self.ticket_no());
                }
                Stage::HandedOver => {
                    c.handed_over_at = Some(at);
                    c.handover_via = Some(*self.dice.pick(&Channel::ALL));
                }
                Stage::Resolved => {
                    c.resolved_at = Some(at);
                    c.resolution_note = Some("Sudah normal kembali menurut Dir. IKC".into());
                    self.notify(c, at, events);
                }
                _ => {}
            }
        }
    }

    /// Tells the applicant of a resolved sample, as an officer does within a few
    /// working hours; only those resolved in the last hours before the clock are
    /// still owed a notice, so a training desk shows a few, not thousands.
    fn notify(&mut self, c: &mut Complaint, resolved: DateTime<Utc>, events: &mut Vec<NewEvent>) {
        let at = after_working(&self.cal, resolved, self.dice.minutes(10, 240));
        if at > self.now {
            return;
        }
        let via = c.handover_via.unwrap_or(c.details.channel);
        c.notified_at = Some(at);
        events.push(NewEvent {
            at,
            officer: "demo".into(),
            kind: NOTIFIED_EVENT,
            before: None,
            after: None,
            note: Some(format!("via {}", via.as_str())),
            said: None,
        });
    }
}

/// The applicant and the problem of one sample complaint.
fn details(
    dice: &mut Dice,
    off: chrono::FixedOffset,
    received: DateTime<Utc>,
    (cat, subject, doc): (&str, &str, &str),
) -> NewComplaint {
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
    NewComplaint {
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
    }
}
