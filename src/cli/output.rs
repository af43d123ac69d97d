//! How complaints look on the command line: JSON for machines, lines for people.
//! Times are shown in the calendar's zone (WITA).

use crate::desk::{Desk, Dossier};
use crate::desk::{OutboxRow, OutboxState};
use crate::domain::complaint::{Applicant, Complaint, Event};
use crate::domain::desk_note;
use crate::domain::msg::{FieldWarning, Lang, M, words};
use crate::domain::sla::SlaStatus;
use crate::domain::text::for_terminal;
use crate::domain::when::{rfc3339_local, short_local};
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
    /// The server's role (or the desk's officer); the name beside it apart.
    pub officer: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<&'a str>,
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
        officer_name: e.officer_name.as_deref(),
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

/// Working time as the officer reads it: `1j 05m` / `1h 05m`.
pub fn duration(d: TimeDelta, lang: Lang) -> String {
    let m = d.num_minutes();
    let h = M::HourUnit.get(lang);
    format!("{}{h} {:02}m", m / 60, m % 60)
}

fn sla_cell(desk: &Desk, c: &Complaint, lang: Lang) -> String {
    match desk.sla_of(c) {
        Some(s) if c.stage.sla_running() => match s.level {
            crate::domain::sla::SlaLevel::Breached => M::SlaLate.get(lang).into(),
            _ => duration(s.remaining, lang),
        },
        _ => match desk.sla_met(c) {
            Some(true) => M::SlaMet.get(lang).into(),
            Some(false) => M::SlaMissed.get(lang).into(),
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
    let head = [
        M::HeadReference,
        M::HeadStage,
        M::HeadMove,
        M::HeadSlaLeft,
        M::HeadCategory,
        M::HeadApplicant,
        M::HeadProblem,
    ]
    .map(|m| m.get(lang));
    out.push_str(&format!(
        "{:<15} {:<12} {:<8} {:<9} {:<5} {:<20} {}\n",
        head[0], head[1], head[2], head[3], head[4], head[5], head[6]
    ));
    for c in rows {
        out.push_str(&format!(
            "{:<15} {:<12} {:<8} {:<9} {:<5} {:<20} {}\n",
            c.reference,
            words::stage_short(c.stage).get(lang),
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
        format!("{}  {}", c.reference, c.stage.label(lang)),
        format!(
            "{}: {}",
            M::LabelMove.get(lang),
            c.stage.whose_move().map(|p| p.label()).unwrap_or("-")
        ),
        format!(
            "{}: {}",
            M::LabelProblem.get(lang),
            for_terminal(&x.subject)
        ),
        format!(
            "{}: {} ({}){}",
            M::LabelApplicant.get(lang),
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
    put(M::FieldPhone.get(lang), a.phone.clone());
    put("Email", a.email.clone());
    put(
        M::FieldChannel.get(lang),
        Some(x.channel.label(lang).into()),
    );
    put(M::FieldCategory.get(lang), Some(x.category.clone()));
    put("User ID", x.user_id.clone());
    put("Nomor aju", (!x.aju.is_empty()).then(|| x.aju.join(", ")));
    put(M::FieldDocType.get(lang), x.doc_type.clone());
    put(M::FieldDocStatus.get(lang), x.doc_status.clone());
    put(M::LabelSubmitted.get(lang), x.doc_submitted_at.map(t));
    put(
        M::FieldAttachments.get(lang),
        (!x.attachments.is_empty()).then(|| x.attachments.join(", ")),
    );
    put(M::LabelReceived.get(lang), Some(t(x.received_at)));
    put(M::LabelDeadline.get(lang), Some(t(c.sla_deadline)));
    if let Some(s) = d.sla.filter(|_| c.stage.sla_running()) {
        put(
            M::LabelSlaLeft.get(lang),
            Some(format!(
                "{} ({})",
                duration(s.remaining, lang),
                s.level.label(lang)
            )),
        );
    }
    put(
        "SLA",
        d.sla_met.map(|m| {
            let said = if m { M::SlaMetLong } else { M::SlaMissed };
            said.get(lang).to_string()
        }),
    );
    put(M::LabelTicket.get(lang), c.ticket_no.clone());
    put(M::LabelLinked.get(lang), c.linked_to.clone());
    put(
        M::LabelHandedOverVia.get(lang),
        c.handover_via.map(|v| v.label(lang).to_string()),
    );
    put(M::LabelResolution.get(lang), c.resolution_note.clone());
    put(M::LabelCancelReason.get(lang), c.cancel_reason.clone());
    lines.push(String::new());
    lines.push(for_terminal(&x.description));
    lines.push(String::new());
    lines.push(M::LabelTimeline.get(lang).into());
    for e in &d.events {
        let word = |v: &str| words::event_value(v, lang);
        let change = match (&e.before, &e.after) {
            (Some(b), Some(a)) => format!(" {} → {}", word(b), word(a)),
            (None, Some(a)) => format!(" → {}", word(a)),
            _ => String::new(),
        };
        lines.push(format!(
            "  {}  {:<21} {}{}{}",
            short_local(e.at, off),
            words::event_kind(&e.kind, lang),
            for_terminal(&e.officer_shown()),
            change,
            desk_note::shown(e, lang)
                .map(|n| format!("  ({})", for_terminal(&n)))
                .unwrap_or_default()
        ));
    }
    if !d.outbox.is_empty() {
        lines.push(M::LabelDeliveries.get(lang).into());
        for o in &d.outbox {
            let head = format!(
                "{}: {}",
                words::client(&o.client, lang),
                words::delivery_state(o.state.as_str(), lang)
            );
            // What happens next, as it is: a time, nothing (sent), or the officer's move.
            let tries = o.attempts.to_string();
            let mut line = match o.state {
                OutboxState::Pending => {
                    M::DeliveryLine(lang, &head, &tries, short_local(o.next_attempt_at, off))
                }
                OutboxState::Sent => M::DeliveryLineSent(lang, &head, &tries),
                OutboxState::Failed => {
                    M::DeliveryLineHeld(lang, &head, &tries, &d.complaint.reference)
                }
            };
            if let Some(e) = o.last_error.as_deref() {
                line.push_str(&format!(", {}", bcare_said(e, lang)));
            }
            lines.push(format!("  {line}"));
        }
    }
    lines.join("\n") + "\n"
}

/// What BCare answered (or how reaching it failed), on one line and labelled as
/// BCare's, so the officer never takes it for the desk's own words.
pub fn bcare_said(raw: &str, lang: Lang) -> String {
    M::BcareSaid(lang, crate::bcare::from_bcare(raw))
}

/// One complaint after a step: its JSON, or a line with the stage, the ticket and
/// whether the SLA was met (and the warning on stderr).
pub fn print_step(
    desk: &Desk,
    c: &crate::domain::complaint::Complaint,
    warning: Option<String>,
    json: bool,
    lang: Lang,
) -> anyhow::Result<()> {
    if json {
        let mut j = complaint_json(desk, c, desk.sla_of(c), desk.sla_met(c));
        j.warnings = Some(warning.into_iter().collect());
        say!("{}", json_text(&j)?);
        return Ok(());
    }
    let mut line = format!("{}: {}", c.reference, c.stage.label(lang));
    if let Some(t) = &c.ticket_no {
        line.push_str(&M::StepTicket(lang, t));
    }
    if let Some(met) = desk.sla_met(c) {
        line.push_str(if met { M::StepSlaMet } else { M::StepSlaLate }.get(lang));
    }
    say!("{line}");
    if let Some(w) = warning {
        tell!("! {w}");
    }
    Ok(())
}
