//! One outage, many callers, on the command line: intake linked to a ticket (or a
//! hint that one may fit), several references for link / handover / cancel, and
//! `incident TICKET_NO`: one ticket with every caller.

use super::output::complaint_json;
use super::output::print_step;
use super::print_json;
use crate::desk::{Desk, LinkTarget, link_target_of};
use crate::domain::complaint::{Channel, Complaint};
use crate::domain::handover::{contact_for, handover_list};
use crate::domain::incident::{IncidentCandidate, hint};
use crate::domain::msg::{Lang, M};
use crate::domain::when::{rfc3339_local, short_local};
use anyhow::Result;

/// `intake --link-to TICKET_OR_REF`: what the flag names.
pub fn link_to(raw: &str) -> LinkTarget {
    link_target_of(raw)
}

/// After a plain intake: the open tickets the new complaint may be about.
pub fn candidates_after_intake(desk: &Desk, c: &Complaint) -> Result<Vec<IncidentCandidate>> {
    Ok(desk.incident_candidates(c)?)
}

/// The hint lines under a saved complaint (the newest candidate first).
pub fn print_hints(candidates: &[IncidentCandidate], reference: &str, lang: Lang) {
    for cand in candidates {
        say!("{}", hint(cand, reference, lang));
    }
}

pub fn candidates_json(desk: &Desk, candidates: &[IncidentCandidate]) -> serde_json::Value {
    let off = desk.calendar().offset();
    candidates
        .iter()
        .map(|c| {
            serde_json::json!({
                "ref": c.reference,
                "ticket_no": c.ticket_no,
                "stage": c.stage.as_str(),
                "subject": c.subject,
                "received_at": rfc3339_local(c.received_at, off),
                "callers": c.callers,
                "alike": c.alike,
            })
        })
        .collect()
}

/// Several complaints after one bulk step: one line each (as one by one), or a
/// JSON array.
pub fn print_steps(
    desk: &Desk,
    done: &[Complaint],
    warning: Option<String>,
    json: bool,
    lang: Lang,
) -> Result<()> {
    if json {
        let out: Vec<_> = done
            .iter()
            .map(|c| {
                let mut j = complaint_json(desk, c, desk.sla_of(c), desk.sla_met(c));
                j.warnings = Some(warning.iter().cloned().collect());
                j
            })
            .collect();
        return print_json(&out);
    }
    for c in done {
        print_step(desk, c, None, false, lang)?;
    }
    if let Some(w) = warning {
        eprintln!("! {w}");
    }
    Ok(())
}

/// After a ticket is resolved: its callers who never received the number.
pub fn warn_waiting(waiting: &[Complaint], lang: Lang) {
    if waiting.is_empty() {
        return;
    }
    let refs: Vec<&str> = waiting.iter().map(|c| c.reference.as_str()).collect();
    eprintln!("{}", M::StillWaiting(lang, refs.join(" ")));
}

/// A bulk handover: every applicant with where their message goes and the
/// message itself, to send one by one or paste as one list per channel.
pub fn print_handovers(
    desk: &Desk,
    done: &[Complaint],
    via: Channel,
    json: bool,
    lang: Lang,
) -> Result<()> {
    if json {
        let out: Vec<_> = done
            .iter()
            .map(|c| {
                serde_json::json!({
                    "ref": c.reference,
                    "stage": c.stage.as_str(),
                    "ticket_no": c.ticket_no,
                    "applicant": c.details.applicant.name,
                    "via": via.as_str(),
                    "contact": contact_for(c, via).ok().flatten(),
                    "sla_met": desk.sla_met(c),
                    "message": desk.handover_message(c, lang),
                })
            })
            .collect();
        return print_json(&serde_json::json!({ "via": via.as_str(), "handed_over": out }));
    }
    put!(
        "{}",
        handover_list(lang, done, via, desk.now(), desk.calendar().offset())
    );
    let late = done
        .iter()
        .filter(|c| desk.sla_met(c) == Some(false))
        .count();
    say!(
        "{}",
        M::HandedOverMany(lang, done.len(), via.label(lang), late)
    );
    Ok(())
}

/// `incident TICKET_NO`: the ticket and every caller on it.
pub fn show(desk: &Desk, ticket_or_ref: &str, json: bool, lang: Lang) -> Result<()> {
    let inc = desk.incident(ticket_or_ref)?;
    let off = desk.calendar().offset();
    let local = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| rfc3339_local(t, off));
    if json {
        let callers: Vec<_> = inc
            .callers
            .iter()
            .map(|c| {
                serde_json::json!({
                    "ref": c.reference,
                    "stage": c.stage.as_str(),
                    "applicant": c.applicant,
                    "contact": c.contact,
                    "channel": c.channel.as_str(),
                    "received_at": rfc3339_local(c.received_at, off),
                    "handed_over_at": local(c.handed_over_at),
                    "handover_via": c.handover_via.map(Channel::as_str),
                    "notified_at": local(c.notified_at),
                    "owed_notice": c.owed_notice,
                })
            })
            .collect();
        return print_json(&serde_json::json!({
            "ticket_no": inc.ticket_no,
            "first": inc.first,
            "callers": callers,
            "awaiting_handover": inc.awaiting_handover(),
            "owed_notices": inc.owed_notices(),
            "at_bcare": inc.at_bcare.iter().map(|e| serde_json::json!({
                "at": rfc3339_local(e.at, off), "kind": e.kind, "by": e.officer, "by_name": e.officer_name,
                "status": e.after, "note": e.note,
            })).collect::<Vec<_>>(),
        }));
    }
    let short = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| short_local(t, off))
            .unwrap_or_else(|| "-".to_string())
    };
    say!(
        "{}",
        M::IncidentHead(
            lang,
            &inc.ticket_no,
            &inc.first,
            inc.callers.len(),
            inc.awaiting_handover(),
            inc.owed_notices()
        )
    );
    let [received, handed, notified] =
        [M::IncReceived, M::IncHandedOver, M::IncNotified].map(|m| m.get(lang));
    for c in &inc.callers {
        let notice = if c.owed_notice {
            M::IncOwed.get(lang).to_string()
        } else {
            short(c.notified_at)
        };
        say!(
            "{}  {:<21} {} · {} · {}  {received} {}  {handed} {}  {notified} {notice}",
            c.reference,
            c.stage.label(lang),
            crate::domain::text::for_terminal(&c.applicant),
            crate::domain::text::for_terminal(c.contact.as_deref().unwrap_or("-")),
            c.channel.label(lang),
            short(Some(c.received_at)),
            short(c.handed_over_at),
        );
    }
    // What Dir. IKC did on the ticket, for every caller on it.
    for e in &inc.at_bcare {
        say!(
            "  {}  {}  {}{}{}",
            short(Some(e.at)),
            crate::domain::msg::words::event_kind(&e.kind, lang),
            e.officer_shown(),
            e.after
                .as_deref()
                .map(|a| format!(" · {a}"))
                .unwrap_or_default(),
            e.note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default(),
        );
    }
    Ok(())
}
