//! How complaints look on the command line: JSON for machines, lines for people.
//! Times are shown in the calendar's zone (WITA).

use crate::desk::{Desk, Dossier};
use crate::domain::complaint::{Applicant, Complaint, Event};
use crate::domain::msg::{FieldWarning, Lang};
use crate::domain::sla::SlaStatus;
use crate::domain::text::for_terminal;
use crate::domain::when::{rfc3339_local, short_local};
use crate::store::OutboxRow;
use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use serde::Serialize;

#[derive(Serialize)]
pub struct ComplaintJson<'a> {
    #[serde(rename = "ref")]
    pub reference: &'a str,
    pub stage: &'static str,
    pub whose_move: Option<&'static str>,
    pub category: &'a str,
    pub subject: &'a str,
    pub description: &'a str,
    pub applicant: &'a Applicant,
    pub channel: &'static str,
    pub user_id: Option<&'a str>,
    pub aju: &'a [String],
    pub doc_type: Option<&'a str>,
    pub doc_status: Option<&'a str>,
    pub doc_submitted_at: Option<String>,
    pub attachments: &'a [String],
    pub received_at: String,
    pub sla_deadline: String,
    pub sla_level: Option<crate::domain::sla::SlaLevel>,
    pub sla_remaining_minutes: Option<i64>,
    pub sla_met: Option<bool>,
    pub forwarded_at: Option<String>,
    pub ticket_no: Option<&'a str>,
    pub ticketed_at: Option<String>,
    pub linked_to: Option<&'a str>,
    pub handed_over_at: Option<String>,
    pub handover_via: Option<&'static str>,
    pub resolved_at: Option<String>,
    pub resolution_note: Option<&'a str>,
    pub cancelled_at: Option<String>,
    pub cancel_reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<EventJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbox: Option<Vec<OutboxJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<String>>,
}

#[derive(Serialize)]
pub struct EventJson<'a> {
    pub at: String,
    pub officer: &'a str,
    pub kind: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct OutboxJson<'a> {
    pub client: &'a str,
    pub state: &'static str,
    pub attempts: i64,
    pub next_attempt_at: String,
    pub last_error: Option<&'a str>,
    pub ticket_no: Option<&'a str>,
}

/// `v` as pretty JSON with C1 controls (U+0080–U+009F) and bidi controls written
/// as `\u` escapes. Such characters can only stand inside JSON strings, where the
/// escape means the same character: the data is unchanged, the bytes are harmless.
pub fn json_text<T: Serialize>(v: &T) -> serde_json::Result<String> {
    Ok(escape_hidden(&serde_json::to_string_pretty(v)?))
}

/// [`json_text`] on one line.
pub fn json_line<T: Serialize>(v: &T) -> serde_json::Result<String> {
    Ok(escape_hidden(&serde_json::to_string(v)?))
}

fn escape_hidden(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        let hidden = ('\u{7F}'..='\u{9F}').contains(&c)
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
        if hidden {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn local(t: DateTime<Utc>, off: FixedOffset) -> String {
    rfc3339_local(t, off)
}

pub fn complaint_json<'a>(
    desk: &Desk,
    c: &'a Complaint,
    sla: Option<SlaStatus>,
    sla_met: Option<bool>,
) -> ComplaintJson<'a> {
    let off = desk.calendar().offset();
    let d = &c.details;
    let opt = |t: Option<DateTime<Utc>>| t.map(|t| local(t, off));
    ComplaintJson {
        reference: &c.reference,
        stage: c.stage.as_str(),
        whose_move: c.stage.whose_move().map(|p| p.label()),
        category: &d.category,
        subject: &d.subject,
        description: &d.description,
        applicant: &d.applicant,
        channel: d.channel.as_str(),
        user_id: d.user_id.as_deref(),
        aju: &d.aju,
        doc_type: d.doc_type.as_deref(),
        doc_status: d.doc_status.as_deref(),
        doc_submitted_at: opt(d.doc_submitted_at),
        attachments: &d.attachments,
        received_at: local(d.received_at, off),
        sla_deadline: local(c.sla_deadline, off),
        sla_level: sla.map(|s| s.level),
        sla_remaining_minutes: sla.map(|s| s.remaining.num_minutes()),
        sla_met,
        forwarded_at: opt(c.forwarded_at),
        ticket_no: c.ticket_no.as_deref(),
        ticketed_at: opt(c.ticketed_at),
        linked_to: c.linked_to.as_deref(),
        handed_over_at: opt(c.handed_over_at),
        handover_via: c.handover_via.map(|v| v.as_str()),
        resolved_at: opt(c.resolved_at),
        resolution_note: c.resolution_note.as_deref(),
        cancelled_at: opt(c.cancelled_at),
        cancel_reason: c.cancel_reason.as_deref(),
        events: None,
        outbox: None,
        warnings: None,
    }
}

pub fn dossier_json<'a>(desk: &Desk, d: &'a Dossier) -> ComplaintJson<'a> {
    let off = desk.calendar().offset();
    let mut j = complaint_json(desk, &d.complaint, d.sla, d.sla_met);
    j.events = Some(d.events.iter().map(|e| event_json(e, off)).collect());
    j.outbox = Some(d.outbox.iter().map(|o| outbox_json(o, off)).collect());
    j
}

fn event_json(e: &Event, off: FixedOffset) -> EventJson<'_> {
    EventJson {
        at: local(e.at, off),
        officer: &e.officer,
        kind: &e.kind,
        before: e.before.as_deref(),
        after: e.after.as_deref(),
        note: e.note.as_deref(),
    }
}

fn outbox_json(o: &OutboxRow, off: FixedOffset) -> OutboxJson<'_> {
    OutboxJson {
        client: &o.client,
        state: o.state.as_str(),
        attempts: o.attempts,
        next_attempt_at: local(o.next_attempt_at, off),
        last_error: o.last_error.as_deref(),
        ticket_no: o.ticket_no.as_deref(),
    }
}

pub fn warnings_text(ws: &[FieldWarning], lang: Lang) -> Vec<String> {
    ws.iter().map(|w| w.text(lang)).collect()
}

/// The Indonesian or the English of a label.
fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// Working time as the officer reads it: `1j 05m` / `1h 05m`.
pub fn duration(d: TimeDelta, lang: Lang) -> String {
    let m = d.num_minutes();
    let h = match lang {
        Lang::Id => "j",
        Lang::En => "h",
    };
    format!("{}{h} {:02}m", m / 60, m % 60)
}

fn sla_cell(desk: &Desk, c: &Complaint, lang: Lang) -> String {
    match desk.sla_of(c) {
        Some(s) if c.stage.sla_running() => match s.level {
            crate::domain::sla::SlaLevel::Breached => match lang {
                Lang::Id => "LEWAT".into(),
                Lang::En => "BREACHED".into(),
            },
            _ => duration(s.remaining, lang),
        },
        _ => match desk.sla_met(c) {
            Some(true) => match lang {
                Lang::Id => "tepat".into(),
                Lang::En => "met".into(),
            },
            Some(false) => match lang {
                Lang::Id => "terlambat".into(),
                Lang::En => "late".into(),
            },
            None => "-".into(),
        },
    }
}

fn cut(s: &str, n: usize) -> String {
    let s = for_terminal(s).replace('\n', " ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// One line per complaint, most urgent first.
pub fn list_lines(desk: &Desk, rows: &[Complaint], lang: Lang) -> String {
    let mut out = String::new();
    let head = match lang {
        Lang::Id => [
            "REFERENSI",
            "TAHAP",
            "GILIRAN",
            "SISA SLA",
            "KAT",
            "PEMOHON",
            "MASALAH",
        ],
        Lang::En => [
            "REFERENCE",
            "STAGE",
            "MOVE",
            "SLA LEFT",
            "CAT",
            "APPLICANT",
            "PROBLEM",
        ],
    };
    out.push_str(&format!(
        "{:<15} {:<12} {:<8} {:<9} {:<5} {:<20} {}\n",
        head[0], head[1], head[2], head[3], head[4], head[5], head[6]
    ));
    for c in rows {
        out.push_str(&format!(
            "{:<15} {:<12} {:<8} {:<9} {:<5} {:<20} {}\n",
            c.reference,
            c.stage.as_str(),
            c.stage.whose_move().map(|p| p.label()).unwrap_or("-"),
            sla_cell(desk, c, lang),
            c.details.category,
            cut(&c.details.applicant.name, 20),
            cut(&c.details.subject, 60),
        ));
    }
    out
}

/// A complaint in full, with its timeline.
pub fn dossier_text(desk: &Desk, d: &Dossier, lang: Lang) -> String {
    let off = desk.calendar().offset();
    let c = &d.complaint;
    let x = &c.details;
    let a = &x.applicant;
    let t = |tm: DateTime<Utc>| format!("{} WITA", short_local(tm, off));
    let mut lines = vec![
        format!(
            "{}  [{}] {}",
            c.reference,
            c.stage.as_str(),
            c.stage.label(lang)
        ),
        format!(
            "{}: {}",
            pick(lang, "Giliran", "Whose move"),
            c.stage.whose_move().map(|p| p.label()).unwrap_or("-")
        ),
        format!(
            "{}: {}",
            pick(lang, "Masalah", "Problem"),
            for_terminal(&x.subject)
        ),
        format!(
            "{}: {} ({}){}",
            pick(lang, "Pemohon", "Applicant"),
            for_terminal(&a.name),
            a.kind.label(lang),
            a.org
                .as_deref()
                .map(|o| format!(", {}", for_terminal(o)))
                .unwrap_or_default()
        ),
    ];
    let mut put = |label: &str, v: Option<String>| {
        if let Some(v) = v {
            lines.push(format!("{label}: {}", for_terminal(&v)));
        }
    };
    put("NIP", a.nip.clone());
    put("NPWP", a.npwp.clone());
    put("NIB", a.nib.clone());
    put(pick(lang, "Telepon", "Phone"), a.phone.clone());
    put("Email", a.email.clone());
    put(
        pick(lang, "Saluran", "Channel"),
        Some(x.channel.label(lang).into()),
    );
    put(pick(lang, "Kategori", "Category"), Some(x.category.clone()));
    put("User ID", x.user_id.clone());
    put("Nomor aju", (!x.aju.is_empty()).then(|| x.aju.join(", ")));
    put(
        pick(lang, "Jenis dokumen", "Document type"),
        x.doc_type.clone(),
    );
    put(
        pick(lang, "Status dokumen", "Document status"),
        x.doc_status.clone(),
    );
    put(
        pick(lang, "Dikirim", "Submitted"),
        x.doc_submitted_at.map(t),
    );
    put(
        pick(lang, "Lampiran", "Attachments"),
        (!x.attachments.is_empty()).then(|| x.attachments.join(", ")),
    );
    put(pick(lang, "Diterima", "Received"), Some(t(x.received_at)));
    put(
        pick(lang, "Batas SLA", "SLA deadline"),
        Some(t(c.sla_deadline)),
    );
    if let Some(s) = d.sla.filter(|_| c.stage.sla_running()) {
        put(
            pick(lang, "Sisa SLA", "SLA left"),
            Some(format!(
                "{} ({})",
                duration(s.remaining, lang),
                s.level.label(lang)
            )),
        );
    }
    put(
        "SLA",
        d.sla_met.map(|m| match (m, lang) {
            (true, Lang::Id) => "terpenuhi".to_string(),
            (false, Lang::Id) => "terlambat".to_string(),
            (true, Lang::En) => "met".to_string(),
            (false, Lang::En) => "late".to_string(),
        }),
    );
    put(
        pick(lang, "Nomor tiket BCare", "BCare ticket"),
        c.ticket_no.clone(),
    );
    put(pick(lang, "Ditautkan ke", "Linked to"), c.linked_to.clone());
    put(
        pick(lang, "Diserahkan via", "Handed over via"),
        c.handover_via.map(|v| v.label(lang).to_string()),
    );
    put(
        pick(lang, "Catatan selesai", "Resolution"),
        c.resolution_note.clone(),
    );
    put(
        pick(lang, "Alasan batal", "Cancelled because"),
        c.cancel_reason.clone(),
    );
    lines.push(String::new());
    lines.push(for_terminal(&x.description));
    lines.push(String::new());
    lines.push(pick(lang, "Riwayat:", "Timeline:").into());
    for e in &d.events {
        let change = match (&e.before, &e.after) {
            (Some(b), Some(a)) => format!(" {b} → {a}"),
            (None, Some(a)) => format!(" → {a}"),
            _ => String::new(),
        };
        lines.push(format!(
            "  {}  {:<16} {}{}{}",
            short_local(e.at, off),
            e.kind,
            for_terminal(&e.officer),
            change,
            e.note
                .as_deref()
                .map(|n| format!("  ({})", for_terminal(n)))
                .unwrap_or_default()
        ));
    }
    if !d.outbox.is_empty() {
        lines.push(pick(lang, "Kiriman BCare:", "BCare deliveries:").into());
        for o in &d.outbox {
            lines.push(format!(
                "  {} {} — {} attempt(s), next {}{}",
                o.client,
                o.state.as_str(),
                o.attempts,
                short_local(o.next_attempt_at, off),
                o.last_error
                    .as_deref()
                    .map(|e| format!(", last error: {}", for_terminal(e)))
                    .unwrap_or_default()
            ));
        }
    }
    lines.join("\n") + "\n"
}
