//! Complaints and their events: intake, stage changes, the queue, search.

use super::outbox::{self, NewOutbox};
use super::time::{from_sql, opt_from_sql, opt_to_sql, to_sql};
use super::{Result, Store, StoreError};
use crate::domain::complaint::{
    Applicant, ApplicantKind, Channel, Complaint, Event, NewComplaint, Stage,
};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

const COLUMNS: &str = "id, ref, stage, applicant_kind, applicant_name, nip, org, npwp, nib, phone, email, \
    channel, category, subject, description, user_id, aju, doc_type, doc_status, doc_submitted_at, \
    attachments, received_at, sla_deadline, forwarded_at, ticket_no, ticketed_at, linked_to, \
    handed_over_at, handover_via, resolved_at, resolution_note, cancelled_at, cancel_reason";

/// An audit-log line to be written with a change.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub at: DateTime<Utc>,
    pub officer: String,
    pub kind: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
    pub note: Option<String>,
}

/// What a step changes on the complaint's row.
#[derive(Debug, Clone)]
pub enum Change {
    Forward {
        at: DateTime<Utc>,
    },
    /// A ticket number recorded (or corrected), or shared from another complaint.
    Ticket {
        at: DateTime<Utc>,
        ticket_no: String,
        linked_to: Option<String>,
    },
    HandOver {
        at: DateTime<Utc>,
        via: Channel,
    },
    Resolve {
        at: DateTime<Utc>,
        note: Option<String>,
    },
    Cancel {
        at: DateTime<Utc>,
        reason: String,
    },
}

/// A page of the queue.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub stages: Vec<Stage>,
    /// Only complaints whose deadline passed before this instant.
    pub deadline_before: Option<DateTime<Utc>>,
    /// Only this category.
    pub category: Option<String>,
    /// Keyset: the key of the last row of the previous page.
    pub after: Option<QueueKey>,
    pub limit: usize,
}

/// Where a complaint stands in the queue: complaints whose SLA clock still runs
/// come first, by deadline (the earliest is the most urgent); those whose clock
/// stopped (handed over, closed) after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueKey {
    pub clock_stopped: bool,
    pub deadline: DateTime<Utc>,
    pub id: i64,
}

impl QueueKey {
    pub fn of(c: &Complaint) -> QueueKey {
        QueueKey {
            clock_stopped: !c.stage.sla_running(),
            deadline: c.sla_deadline,
            id: c.id,
        }
    }
}

/// Numbers for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCounts {
    /// Not yet handed over: the SLA clock is running.
    pub running: i64,
    /// Handed over, waiting for Dir. IKC.
    pub waiting_dir_ikc: i64,
    /// Running and past the deadline.
    pub breached: i64,
    /// Reports in the outbox not yet delivered.
    pub waiting_to_send: i64,
}

fn parse_err(col: usize, what: &str, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown {what} '{v}'").into(),
    )
}

fn complaint_from_row(r: &Row) -> rusqlite::Result<Complaint> {
    let stage: String = r.get(2)?;
    let kind: String = r.get(3)?;
    let channel: String = r.get(11)?;
    let aju: String = r.get(16)?;
    let attachments: String = r.get(20)?;
    let via: Option<String> = r.get(28)?;
    Ok(Complaint {
        id: r.get(0)?,
        reference: r.get(1)?,
        stage: Stage::parse(&stage).ok_or_else(|| parse_err(2, "stage", &stage))?,
        details: NewComplaint {
            applicant: Applicant {
                kind: ApplicantKind::parse(&kind).ok_or_else(|| parse_err(3, "kind", &kind))?,
                name: r.get(4)?,
                nip: r.get(5)?,
                org: r.get(6)?,
                npwp: r.get(7)?,
                nib: r.get(8)?,
                phone: r.get(9)?,
                email: r.get(10)?,
            },
            channel: Channel::parse(&channel).ok_or_else(|| parse_err(11, "channel", &channel))?,
            category: r.get(12)?,
            subject: r.get(13)?,
            description: r.get(14)?,
            user_id: r.get(15)?,
            aju: aju.split_whitespace().map(str::to_string).collect(),
            doc_type: r.get(17)?,
            doc_status: r.get(18)?,
            doc_submitted_at: opt_from_sql(r.get(19)?)?,
            attachments: serde_json::from_str(&attachments).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(20, rusqlite::types::Type::Text, e.into())
            })?,
            received_at: from_sql(&r.get::<_, String>(21)?)?,
        },
        sla_deadline: from_sql(&r.get::<_, String>(22)?)?,
        forwarded_at: opt_from_sql(r.get(23)?)?,
        ticket_no: r.get(24)?,
        ticketed_at: opt_from_sql(r.get(25)?)?,
        linked_to: r.get(26)?,
        handed_over_at: opt_from_sql(r.get(27)?)?,
        handover_via: match via {
            Some(v) => Some(Channel::parse(&v).ok_or_else(|| parse_err(28, "channel", &v))?),
            None => None,
        },
        resolved_at: opt_from_sql(r.get(29)?)?,
        resolution_note: r.get(30)?,
        cancelled_at: opt_from_sql(r.get(31)?)?,
        cancel_reason: r.get(32)?,
    })
}

pub(super) fn insert_event(
    tx: &Transaction,
    complaint_id: i64,
    e: &NewEvent,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO events (complaint_id, at, officer, kind, before, after, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        complaint_id,
        to_sql(e.at),
        e.officer,
        e.kind,
        e.before,
        e.after,
        e.note
    ])?;
    Ok(())
}

/// A complaint to be written, with the year its reference is numbered in and its events.
pub struct IntakeRecord {
    pub ref_year: i32,
    pub complaint: Complaint,
    pub events: Vec<NewEvent>,
}

impl Store {
    /// Writes complaints with their events in one transaction, numbering each
    /// reference within its year. Sets `id` and `reference` on each.
    pub fn insert_complaints(&mut self, records: &mut [IntakeRecord]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut next_seq = tx.prepare_cached(
                "SELECT COALESCE(MAX(ref_seq), 0) + 1 FROM complaints WHERE ref_year = ?1",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO complaints (ref, ref_year, ref_seq, stage, applicant_kind, applicant_name,
                    nip, org, npwp, nib, phone, email, channel, category, subject, description,
                    user_id, aju, doc_type, doc_status, doc_submitted_at, attachments, received_at,
                    sla_deadline, forwarded_at, ticket_no, ticketed_at, linked_to, handed_over_at,
                    handover_via, resolved_at, resolution_note, cancelled_at, cancel_reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,
                    ?32, ?33, ?34)",
            )?;
            for rec in records.iter_mut() {
                let seq: i64 = next_seq.query_row([rec.ref_year], |r| r.get(0))?;
                let c = &mut rec.complaint;
                c.reference = crate::domain::complaint::reference(rec.ref_year, seq);
                let d = &c.details;
                let a = &d.applicant;
                insert.execute(params![
                    c.reference,
                    rec.ref_year,
                    seq,
                    c.stage.as_str(),
                    a.kind.as_str(),
                    a.name,
                    a.nip,
                    a.org,
                    a.npwp,
                    a.nib,
                    a.phone,
                    a.email,
                    d.channel.as_str(),
                    d.category,
                    d.subject,
                    d.description,
                    d.user_id,
                    d.aju.join(" "),
                    d.doc_type,
                    d.doc_status,
                    opt_to_sql(d.doc_submitted_at),
                    serde_json::to_string(&d.attachments).unwrap_or_else(|_| "[]".into()),
                    to_sql(d.received_at),
                    to_sql(c.sla_deadline),
                    opt_to_sql(c.forwarded_at),
                    c.ticket_no,
                    opt_to_sql(c.ticketed_at),
                    c.linked_to,
                    opt_to_sql(c.handed_over_at),
                    c.handover_via.map(Channel::as_str),
                    opt_to_sql(c.resolved_at),
                    c.resolution_note,
                    opt_to_sql(c.cancelled_at),
                    c.cancel_reason,
                ])?;
                c.id = tx.last_insert_rowid();
                for e in &rec.events {
                    insert_event(&tx, c.id, e)?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn get(&self, reference: &str) -> Result<Complaint> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM complaints WHERE ref = ?1"))?
            .query_row([reference.trim().to_ascii_uppercase()], complaint_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(reference.to_string()))
    }

    pub fn get_by_id(&self, id: i64) -> Result<Complaint> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM complaints WHERE id = ?1"))?
            .query_row([id], complaint_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("#{id}")))
    }

    /// Applies a step: the row changes only if it is still at `from`, and its event is
    /// written in the same transaction (with the outbox row, when there is one).
    pub fn apply(
        &mut self,
        c: &Complaint,
        to: Stage,
        change: &Change,
        event: &NewEvent,
        outbox: Option<&NewOutbox>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let (id, from) = (c.id, c.stage.as_str());
        let to = to.as_str();
        let n = match change {
            Change::Forward { at } => tx.execute(
                "UPDATE complaints SET stage = ?3, forwarded_at = ?4 WHERE id = ?1 AND stage = ?2",
                params![id, from, to, to_sql(*at)],
            )?,
            Change::Ticket {
                at,
                ticket_no,
                linked_to,
            } => tx.execute(
                "UPDATE complaints SET stage = ?3, ticket_no = ?4, linked_to = ?5,
                    ticketed_at = COALESCE(ticketed_at, ?6)
                 WHERE id = ?1 AND stage = ?2",
                params![id, from, to, ticket_no, linked_to, to_sql(*at)],
            )?,
            Change::HandOver { at, via } => tx.execute(
                "UPDATE complaints SET stage = ?3, handed_over_at = ?4, handover_via = ?5
                 WHERE id = ?1 AND stage = ?2",
                params![id, from, to, to_sql(*at), via.as_str()],
            )?,
            Change::Resolve { at, note } => tx.execute(
                "UPDATE complaints SET stage = ?3, resolved_at = ?4, resolution_note = ?5
                 WHERE id = ?1 AND stage = ?2",
                params![id, from, to, to_sql(*at), note],
            )?,
            Change::Cancel { at, reason } => tx.execute(
                "UPDATE complaints SET stage = ?3, cancelled_at = ?4, cancel_reason = ?5
                 WHERE id = ?1 AND stage = ?2",
                params![id, from, to, to_sql(*at), reason],
            )?,
        };
        if n != 1 {
            return Err(StoreError::Conflict(c.reference.clone()));
        }
        insert_event(&tx, id, event)?;
        if let Some(o) = outbox {
            outbox::insert(&tx, id, o)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Rewrites the stored deadlines of complaints whose clock still runs (after the
    /// calendar changed). `deadline_of` computes one from the received time.
    pub fn recompute_deadlines(
        &mut self,
        deadline_of: impl Fn(DateTime<Utc>) -> DateTime<Utc>,
    ) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let rows: Vec<(i64, String)> = tx
            .prepare(
                "SELECT id, received_at FROM complaints
                 WHERE stage IN ('received', 'forwarded', 'ticketed')",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, received) in &rows {
            let deadline = deadline_of(from_sql(received)?);
            tx.execute(
                "UPDATE complaints SET sla_deadline = ?2 WHERE id = ?1",
                params![id, to_sql(deadline)],
            )?;
        }
        tx.commit()?;
        Ok(rows.len())
    }

    /// One page of complaints in the given stages, most urgent (earliest deadline) first.
    pub fn list(&self, q: &ListQuery) -> Result<Vec<Complaint>> {
        let stages: Vec<&str> = if q.stages.is_empty() {
            Stage::ALL.iter().map(|s| s.as_str()).collect()
        } else {
            q.stages.iter().map(|s| s.as_str()).collect()
        };
        // The stage list is matched through a JSON array bound as one parameter,
        // so the SQL text never depends on the data.
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints
             WHERE stage IN (SELECT value FROM json_each(?1))
               AND (?2 IS NULL OR sla_deadline < ?2)
               AND (?3 IS NULL OR category = ?3)
               AND (?4 IS NULL OR (stage NOT IN ('received', 'forwarded', 'ticketed'),
                                   sla_deadline, id) > (?4, ?5, ?6))
             ORDER BY stage NOT IN ('received', 'forwarded', 'ticketed'), sla_deadline, id
             LIMIT ?7"
        );

        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                params![
                    serde_json::to_string(&stages).unwrap_or_default(),
                    opt_to_sql(q.deadline_before),
                    q.category,
                    q.after.map(|k| k.clock_stopped),
                    q.after.map(|k| to_sql(k.deadline)),
                    q.after.map(|k| k.id),
                    q.limit as i64,
                ],
                complaint_from_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Full-text search over applicant, company, subject, description, nomor aju,
    /// ticket number and reference; every word must match as a prefix.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Complaint>> {
        let query = fts_query(text);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {} FROM complaints_fts f JOIN complaints c ON c.id = f.rowid
             WHERE complaints_fts MATCH ?1
             ORDER BY (c.stage IN ('received','forwarded','ticketed','handed_over')) DESC,
                      c.sla_deadline DESC
             LIMIT ?2",
            COLUMNS
                .split(", ")
                .map(|c| format!("c.{}", c.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![query, limit as i64], complaint_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Open complaints that carry a ticket number: the ones another caller's complaint can link to.
    pub fn open_tickets(&self, category: Option<&str>, limit: usize) -> Result<Vec<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints
             WHERE ticket_no IS NOT NULL AND linked_to IS NULL
               AND stage IN ('ticketed', 'handed_over')
               AND (?1 IS NULL OR category = ?1)
             ORDER BY ticketed_at DESC, id DESC LIMIT ?2"
        );
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![category, limit as i64], complaint_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The complaint that first carried this ticket number, if any.
    pub fn by_ticket(&self, ticket_no: &str) -> Result<Option<Complaint>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM complaints WHERE ticket_no = ?1 ORDER BY linked_to IS NOT NULL, id LIMIT 1"
            ))?
            .query_row([ticket_no], complaint_from_row)
            .optional()?)
    }

    pub fn events(&self, complaint_id: i64) -> Result<Vec<Event>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT at, officer, kind, before, after, note FROM events
                 WHERE complaint_id = ?1 ORDER BY id",
            )?
            .query_map([complaint_id], |r| {
                Ok(Event {
                    at: from_sql(&r.get::<_, String>(0)?)?,
                    officer: r.get(1)?,
                    kind: r.get(2)?,
                    before: r.get(3)?,
                    after: r.get(4)?,
                    note: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn counts(&self, now: DateTime<Utc>) -> Result<QueueCounts> {
        let now = to_sql(now);
        let count = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<i64> {
            Ok(self.conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?)
        };
        let running_stages = "('received','forwarded','ticketed')";
        Ok(QueueCounts {
            running: count(
                &format!("SELECT COUNT(*) FROM complaints WHERE stage IN {running_stages}"),
                &[],
            )?,
            waiting_dir_ikc: count(
                "SELECT COUNT(*) FROM complaints WHERE stage = 'handed_over'",
                &[],
            )?,
            breached: count(
                &format!(
                    "SELECT COUNT(*) FROM complaints WHERE stage IN {running_stages} AND sla_deadline < ?1"
                ),
                &[&now],
            )?,
            waiting_to_send: count("SELECT COUNT(*) FROM outbox WHERE state = 'pending'", &[])?,
        })
    }

    /// Every complaint, for counting in reports; `COUNT(*)` and friends on indexed columns.
    pub fn total(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM complaints", [], |r| r.get(0))?)
    }
}

/// Turns what the officer typed into an FTS5 query that cannot be misread as syntax:
/// each word quoted, matched as a prefix.
fn fts_query(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod fts_tests {
    #[test]
    fn fts_syntax_in_input_is_quoted_away() {
        assert_eq!(
            super::fts_query("PT \"Maju\" OR x*"),
            "\"PT\"* \"Maju\"* \"OR\"* \"x\"*"
        );
        assert_eq!(super::fts_query("  --  "), "");
    }
}
