//! A complaint and the words of the officer's world around it.

use super::lang::Lang;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Where a complaint stands in the procedure (Instruksi Kerja, langkah 1–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Received,
    Forwarded,
    Ticketed,
    HandedOver,
    Resolved,
    Cancelled,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Received,
        Stage::Forwarded,
        Stage::Ticketed,
        Stage::HandedOver,
        Stage::Resolved,
        Stage::Cancelled,
    ];
    /// Stages in which the 2-working-hour clock is running.
    pub const SLA_RUNNING: [Stage; 3] = [Stage::Received, Stage::Forwarded, Stage::Ticketed];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Received => "received",
            Stage::Forwarded => "forwarded",
            Stage::Ticketed => "ticketed",
            Stage::HandedOver => "handed_over",
            Stage::Resolved => "resolved",
            Stage::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        Stage::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stage::Received, Lang::Id) => "Diterima",
            (Stage::Forwarded, Lang::Id) => "Diteruskan ke BCare",
            (Stage::Ticketed, Lang::Id) => "Nomor tiket diterima",
            (Stage::HandedOver, Lang::Id) => "Diserahkan ke pemohon",
            (Stage::Resolved, Lang::Id) => "Selesai",
            (Stage::Cancelled, Lang::Id) => "Dibatalkan",
            (Stage::Received, Lang::En) => "Received",
            (Stage::Forwarded, Lang::En) => "Forwarded to BCare",
            (Stage::Ticketed, Lang::En) => "Ticket number received",
            (Stage::HandedOver, Lang::En) => "Handed over to applicant",
            (Stage::Resolved, Lang::En) => "Resolved",
            (Stage::Cancelled, Lang::En) => "Cancelled",
        }
    }

    /// Open means the procedure is not finished: the desk still shows it.
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Resolved | Stage::Cancelled)
    }

    pub fn sla_running(self) -> bool {
        Stage::SLA_RUNNING.contains(&self)
    }

    /// Whose move it is (matriks RASCI): who is Responsible for the next step.
    pub fn whose_move(self) -> Option<Party> {
        match self {
            Stage::Received => Some(Party::Pdad),
            Stage::Forwarded => Some(Party::DirIkc),
            Stage::Ticketed => Some(Party::Pdad),
            Stage::HandedOver => Some(Party::DirIkc),
            Stage::Resolved | Stage::Cancelled => None,
        }
    }
}

/// The parties of the RASCI matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Pdad,
    DirIkc,
    Pemohon,
}

impl Party {
    pub fn label(self) -> &'static str {
        match self {
            Party::Pdad => "PDAD",
            Party::DirIkc => "Dir. IKC",
            Party::Pemohon => "Pemohon",
        }
    }
}

/// Who the applicant (Pemohon) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ApplicantKind {
    /// A DJBC employee, identified by NIP.
    #[serde(rename = "pegawai")]
    Pegawai,
    /// A service user exchanging electronic customs data through the office.
    #[serde(rename = "pengguna-jasa")]
    PenggunaJasa,
}

impl ApplicantKind {
    pub const ALL: [ApplicantKind; 2] = [ApplicantKind::Pegawai, ApplicantKind::PenggunaJasa];

    pub fn as_str(self) -> &'static str {
        match self {
            ApplicantKind::Pegawai => "pegawai",
            ApplicantKind::PenggunaJasa => "pengguna-jasa",
        }
    }

    pub fn parse(s: &str) -> Option<ApplicantKind> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "pegawai" | "pegawai-djbc" | "employee" => Some(ApplicantKind::Pegawai),
            "pengguna-jasa" | "penggunajasa" | "service-user" => Some(ApplicantKind::PenggunaJasa),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ApplicantKind::Pegawai, Lang::Id) => "Pegawai DJBC",
            (ApplicantKind::Pegawai, Lang::En) => "DJBC employee",
            (ApplicantKind::PenggunaJasa, Lang::Id) => "Pengguna jasa",
            (ApplicantKind::PenggunaJasa, Lang::En) => "Service user",
        }
    }
}

/// How the complaint reached, or the ticket number is handed back to, the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Langsung,
    Telepon,
    Whatsapp,
    Email,
    Surat,
    Lainnya,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Langsung,
        Channel::Telepon,
        Channel::Whatsapp,
        Channel::Email,
        Channel::Surat,
        Channel::Lainnya,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Langsung => "langsung",
            Channel::Telepon => "telepon",
            Channel::Whatsapp => "whatsapp",
            Channel::Email => "email",
            Channel::Surat => "surat",
            Channel::Lainnya => "lainnya",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        match s.trim().to_ascii_lowercase().as_str() {
            "langsung" | "in-person" | "walk-in" => Some(Channel::Langsung),
            "telepon" | "phone" | "telp" => Some(Channel::Telepon),
            "whatsapp" | "wa" => Some(Channel::Whatsapp),
            "email" | "e-mail" => Some(Channel::Email),
            "surat" | "letter" => Some(Channel::Surat),
            "lainnya" | "other" => Some(Channel::Lainnya),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Channel::Langsung, Lang::Id) => "Langsung",
            (Channel::Langsung, Lang::En) => "In person",
            (Channel::Telepon, Lang::Id) => "Telepon",
            (Channel::Telepon, Lang::En) => "Phone",
            (Channel::Whatsapp, _) => "WhatsApp",
            (Channel::Email, _) => "Email",
            (Channel::Surat, Lang::Id) => "Surat",
            (Channel::Surat, Lang::En) => "Letter",
            (Channel::Lainnya, Lang::Id) => "Lainnya",
            (Channel::Lainnya, Lang::En) => "Other",
        }
    }
}

/// The applicant, as recorded at intake. Personal data: lives only in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applicant {
    pub kind: ApplicantKind,
    pub name: String,
    pub nip: Option<String>,
    pub org: Option<String>,
    pub npwp: Option<String>,
    pub nib: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A complaint as validated at intake, before it has a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComplaint {
    pub applicant: Applicant,
    pub channel: Channel,
    pub category: String,
    pub subject: String,
    pub description: String,
    pub user_id: Option<String>,
    pub aju: Vec<String>,
    pub doc_type: Option<String>,
    pub doc_status: Option<String>,
    pub doc_submitted_at: Option<DateTime<Utc>>,
    pub attachments: Vec<String>,
    pub received_at: DateTime<Utc>,
}

/// A complaint on the desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complaint {
    pub id: i64,
    /// The local reference handed out at intake, e.g. `ADU-2026-00042`.
    pub reference: String,
    pub stage: Stage,
    pub details: NewComplaint,
    pub sla_deadline: DateTime<Utc>,
    pub forwarded_at: Option<DateTime<Utc>>,
    pub ticket_no: Option<String>,
    pub ticketed_at: Option<DateTime<Utc>>,
    /// The reference of the complaint whose ticket this one shares (one outage, many callers).
    pub linked_to: Option<String>,
    pub handed_over_at: Option<DateTime<Utc>>,
    pub handover_via: Option<Channel>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_note: Option<String>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<String>,
    /// When the applicant was last told that Dir. IKC solved it.
    pub notified_at: Option<DateTime<Utc>>,
}

impl Complaint {
    /// A complaint just received, before the store gives it an id and a reference.
    pub fn received(details: NewComplaint, sla_deadline: DateTime<Utc>) -> Complaint {
        Complaint {
            id: 0,
            reference: String::new(),
            stage: Stage::Received,
            details,
            sla_deadline,
            forwarded_at: None,
            ticket_no: None,
            ticketed_at: None,
            linked_to: None,
            handed_over_at: None,
            handover_via: None,
            resolved_at: None,
            resolution_note: None,
            cancelled_at: None,
            cancel_reason: None,
            notified_at: None,
        }
    }
}

/// The desk's own words of one event, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "say", rename_all = "snake_case")]
pub enum DeskNote {
    /// Forwarded to BCare with this client.
    Client { client: String },
    /// A ticket number typed in (none when it corrects one: before → after says
    /// it), with what the check remarked.
    Ticket {
        ticket: Option<String>,
        #[serde(default)]
        remarks: Vec<Remark>,
    },
    /// Linked: the ticket, and the complaint it was shared from.
    Linked {
        ticket: String,
        from: Option<String>,
    },
    /// BCare gave this number and the complaint took it.
    FromBcare {
        ticket: String,
        client: String,
        #[serde(default)]
        remarks: Vec<Remark>,
    },
    /// BCare gave a number the complaint did not take: it had moved on (`stage`),
    /// carrying `recorded` or none.
    KeptFromBcare {
        ticket: String,
        client: String,
        recorded: Option<String>,
        stage: String,
        #[serde(default)]
        remarks: Vec<Remark>,
    },
    /// What the intake's checks remarked.
    Checks { remarks: Vec<Remark> },
    /// The personal data went, the complaint closed longer than the retention.
    Purged { months: u32 },
}

/// A check's remark about one field, kept worded in both languages (as the
/// check said it) and shown in the one asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Remark {
    pub field: String,
    pub id: String,
    pub en: String,
}

impl DeskNote {
    /// As kept in the event's `fields` column.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a desk note is plain data")
    }

    /// From the `fields` column; `None` for what this desk cannot read (a newer
    /// desk's kind), which is then shown from its stored note.
    pub fn from_json(raw: &str) -> Option<DeskNote> {
        serde_json::from_str(raw).ok()
    }
}

/// One line of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub at: DateTime<Utc>,
    /// Who did it: on a shared PostgreSQL database the server's login role,
    /// elsewhere the desk's `[officer] name`.
    pub officer: String,
    /// The name the desk gave beside the role, when the server recorded one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<String>,
    pub kind: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub note: Option<String>,
    /// The desk that wrote it (`[desk] name` or the host name), when recorded.
    pub desk: Option<String>,
    /// The desk's own words as a kind and values (events written since they are
    /// kept so), worded when shown: `domain::desk_note::shown`.
    #[serde(skip)]
    pub said: Option<DeskNote>,
}

impl Event {
    /// The officer as the history shows it: see [`officer_shown`].
    pub fn officer_shown(&self) -> String {
        officer_shown(&self.officer, self.officer_name.as_deref())
    }
}

/// The officer as a history shows it: the server's role, which says who did
/// it, then the name the desk gave, when it differs ("budi (Budi Santoso)").
pub fn officer_shown(role: &str, name: Option<&str>) -> String {
    match name {
        Some(n) if !n.is_empty() && n != role => format!("{role} ({n})"),
        _ => role.to_string(),
    }
}

/// Formats a reference from its year and its number in that year.
pub fn reference(year: i32, seq: i64) -> String {
    format!("ADU-{year}-{seq:05}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_round_trips_through_its_name() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
        }
        assert_eq!(Stage::parse("handed-over"), Some(Stage::HandedOver));
        assert_eq!(Stage::parse("done"), None);
    }

    #[test]
    fn whose_move_follows_rasci() {
        assert_eq!(Stage::Received.whose_move(), Some(Party::Pdad));
        assert_eq!(Stage::Forwarded.whose_move(), Some(Party::DirIkc));
        assert_eq!(Stage::Ticketed.whose_move(), Some(Party::Pdad));
        assert_eq!(Stage::Resolved.whose_move(), None);
    }

    #[test]
    fn reference_is_zero_padded() {
        assert_eq!(reference(2026, 42), "ADU-2026-00042");
        assert_eq!(reference(2026, 123456), "ADU-2026-123456");
    }

    #[test]
    fn channel_and_kind_parse_their_names() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(c));
        }
        for k in ApplicantKind::ALL {
            assert_eq!(ApplicantKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn the_officer_shows_the_role_then_a_different_name() {
        assert_eq!(
            officer_shown("siti", Some("Siti Rahma")),
            "siti (Siti Rahma)"
        );
        assert_eq!(officer_shown("siti", Some("siti")), "siti");
        assert_eq!(officer_shown("siti", Some("")), "siti");
        assert_eq!(officer_shown("Rina", None), "Rina");
    }
}
