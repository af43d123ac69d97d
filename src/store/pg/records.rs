//! PostgreSQL rows into the desk's records, and the desk's values into parameters.

use crate::domain::complaint::{
    Applicant, ApplicantKind, Channel, Complaint, Event, NewComplaint, Stage,
};
use crate::domain::desk_note::DeskNote;
use crate::store::StoreError;
use crate::store::instant;
use chrono::{DateTime, Utc};
use postgres::Row;

/// The complaint's columns, in the order [`complaint`] reads them.
pub const COLUMNS: &str = "id, ref, stage, applicant_kind, applicant_name, nip, org, npwp, nib, phone, email, \
    channel, category, subject, description, user_id, aju, doc_type, doc_status, doc_submitted_at, \
    attachments, received_at, sla_deadline, forwarded_at, ticket_no, ticketed_at, linked_to, \
    handed_over_at, handover_via, resolved_at, resolution_note, cancelled_at, cancel_reason, notified_at";

pub type Read<T> = std::result::Result<T, StoreError>;

fn bad(what: &str, v: &str) -> StoreError {
    StoreError::Server {
        at: "database".into(),
        detail: format!("unknown {what} '{v}' in a stored row"),
    }
}

/// A column by index, or a store error (a type that does not fit is a damaged row).
pub fn col<'a, T: postgres::types::FromSql<'a>>(r: &'a Row, i: usize) -> Read<T> {
    r.try_get(i).map_err(|e| StoreError::Server {
        at: "database".into(),
        detail: format!("column {i}: {e}"),
    })
}

pub fn at(r: &Row, i: usize) -> Read<DateTime<Utc>> {
    let s: String = col(r, i)?;
    instant::from_text(&s).map_err(|_| bad("instant", &s))
}

pub fn opt_at(r: &Row, i: usize) -> Read<Option<DateTime<Utc>>> {
    let s: Option<String> = col(r, i)?;
    s.map(|s| instant::from_text(&s).map_err(|_| bad("instant", &s)))
        .transpose()
}

pub fn text(t: DateTime<Utc>) -> String {
    instant::to_text(t)
}

pub fn opt_text(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(instant::to_text)
}

pub fn stage(r: &Row, i: usize) -> Read<Stage> {
    let s: String = col(r, i)?;
    Stage::parse(&s).ok_or_else(|| bad("stage", &s))
}

pub fn channel(r: &Row, i: usize) -> Read<Channel> {
    let s: String = col(r, i)?;
    Channel::parse(&s).ok_or_else(|| bad("channel", &s))
}

pub fn kind(r: &Row, i: usize) -> Read<ApplicantKind> {
    let s: String = col(r, i)?;
    ApplicantKind::parse(&s).ok_or_else(|| bad("applicant kind", &s))
}

/// The stage names, bound as one `text[]` parameter.
pub fn stage_names(stages: impl IntoIterator<Item = Stage>) -> Vec<String> {
    stages.into_iter().map(|s| s.as_str().to_string()).collect()
}

/// A row of [`COLUMNS`].
pub fn complaint(r: &Row) -> Read<Complaint> {
    let aju: String = col(r, 16)?;
    let attachments: String = col(r, 20)?;
    let via: Option<String> = col(r, 28)?;
    Ok(Complaint {
        id: col(r, 0)?,
        reference: col(r, 1)?,
        stage: stage(r, 2)?,
        details: NewComplaint {
            applicant: Applicant {
                kind: kind(r, 3)?,
                name: col(r, 4)?,
                nip: col(r, 5)?,
                org: col(r, 6)?,
                npwp: col(r, 7)?,
                nib: col(r, 8)?,
                phone: col(r, 9)?,
                email: col(r, 10)?,
            },
            channel: channel(r, 11)?,
            category: col(r, 12)?,
            subject: col(r, 13)?,
            description: col(r, 14)?,
            user_id: col(r, 15)?,
            aju: aju.split_whitespace().map(str::to_string).collect(),
            doc_type: col(r, 17)?,
            doc_status: col(r, 18)?,
            doc_submitted_at: opt_at(r, 19)?,
            attachments: serde_json::from_str(&attachments)
                .map_err(|_| bad("attachment list", &attachments))?,
            received_at: at(r, 21)?,
        },
        sla_deadline: at(r, 22)?,
        forwarded_at: opt_at(r, 23)?,
        ticket_no: col(r, 24)?,
        ticketed_at: opt_at(r, 25)?,
        linked_to: col(r, 26)?,
        handed_over_at: opt_at(r, 27)?,
        handover_via: match via {
            Some(v) => Some(Channel::parse(&v).ok_or_else(|| bad("channel", &v))?),
            None => None,
        },
        resolved_at: opt_at(r, 29)?,
        resolution_note: col(r, 30)?,
        cancelled_at: opt_at(r, 31)?,
        cancel_reason: col(r, 32)?,
        notified_at: opt_at(r, 33)?,
    })
}

pub fn complaints(rows: &[Row]) -> Read<Vec<Complaint>> {
    rows.iter().map(complaint).collect()
}

/// A row of `at, officer, kind, before, after, note, desk, fields, officer_name`.
pub fn event(r: &Row) -> Read<Event> {
    Ok(Event {
        at: at(r, 0)?,
        officer: col(r, 1)?,
        officer_name: col(r, 8)?,
        kind: col(r, 2)?,
        before: col(r, 3)?,
        after: col(r, 4)?,
        note: col(r, 5)?,
        desk: col(r, 6)?,
        said: col::<Option<String>>(r, 7)?
            .as_deref()
            .and_then(DeskNote::from_json),
    })
}
