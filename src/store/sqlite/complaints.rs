//! Complaints and their events: intake, stage changes, the queue, search.

use super::SqliteStore;
use super::outbox;
use super::time::{from_sql, opt_from_sql, opt_to_sql, to_sql};
use crate::domain::complaint::{
    Applicant, ApplicantKind, Channel, Complaint, Event, NewComplaint, Stage,
};
use crate::domain::desk_note::DeskNote;
use crate::store::model::*;
use crate::store::search_terms;
use crate::store::{Result, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

pub(super) const COLUMNS: &str = "id, ref, stage, applicant_kind, applicant_name, nip, org, npwp, nib, phone, email, \
    channel, category, subject, description, user_id, aju, doc_type, doc_status, doc_submitted_at, \
    attachments, received_at, sla_deadline, forwarded_at, ticket_no, ticketed_at, linked_to, \
    handed_over_at, handover_via, resolved_at, resolution_note, cancelled_at, cancel_reason, notified_at";

fn parse_err(col: usize, what: &str, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown {what} '{v}'").into(),
    )
}

pub(super) fn complaint_from_row(r: &Row) -> rusqlite::Result<Complaint> {
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
        notified_at: opt_from_sql(r.get(33)?)?,
    })
}

pub(super) fn insert_event(
    tx: &Transaction,
    desk: &str,
    complaint_id: i64,
    e: &NewEvent,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        // `written_at` is the machine's clock as SQLite reads it: no setting of the
        // desk's clock (training, tests) reaches it.
        "INSERT INTO events (complaint_id, at, officer, kind, before, after, note, desk, fields, written_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    )?
    .execute(params![
        complaint_id,
        to_sql(e.at),
        e.officer,
        e.kind,
        e.before,
        e.after,
        e.note,
        (!desk.is_empty()).then_some(desk),
        e.said.as_ref().map(DeskNote::to_json),
    ])?;
    Ok(())
}

impl SqliteStore {
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
                    handover_via, resolved_at, resolution_note, cancelled_at, cancel_reason, notified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,
                    ?32, ?33, ?34, ?35)",
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
                    opt_to_sql(c.notified_at),
                ])?;
                c.id = tx.last_insert_rowid();
                for e in &rec.events {
                    insert_event(&tx, &self.desk, c.id, e)?;
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
        apply_in(&tx, &self.desk, c, to, change, event, outbox)?;
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
                 WHERE stage IN (SELECT value FROM json_each(?1))",
            )?
            .query_map([stage_list(Stage::SLA_RUNNING)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
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

    /// One page of complaints in the given stages: those whose clock runs first,
    /// then by deadline (the earliest is the most urgent). The order is the
    /// `complaints_queue` index's, so a page costs its own rows, not a sort.
    pub fn list(&self, q: &ListQuery) -> Result<Vec<Complaint>> {
        let stages: Vec<Stage> = if q.stages.is_empty() {
            Stage::ALL.to_vec()
        } else {
            q.stages.clone()
        };
        let sql = list_sql(&stages, q);
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                params![
                    stage_list(stages),
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
    /// ticket number, reference, phone and NPWP; every word must match as a prefix,
    /// and an identifier typed with dashes, dots or spaces matches as one. Open
    /// complaints first, then the latest deadline.
    ///
    /// The newest `SEARCH_CANDIDATES` matches are taken (in rowid order, which the
    /// full-text index yields without sorting) before they are ordered, so a
    /// one-letter word costs the same at a million complaints as at a thousand.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Complaint>> {
        let query = fts_query(text);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        // The end of a nomor aju: no word index matches inside a word, so the
        // column is read (only for digits typed alone, see `search_terms::aju_tail`).
        let tail = search_terms::aju_tail(text);
        let by_tail = match tail {
            Some(_) => {
                "OR id IN (SELECT id FROM complaints WHERE (aju || ' ') LIKE ?5
                           ORDER BY id DESC LIMIT ?2)"
            }
            None => "",
        };
        let sql = format!(
            // The candidates are ranked on their keys alone; only the page's rows are
            // read whole (sorting 500 whole rows cost more than the match itself).
            "SELECT {COLUMNS} FROM complaints
             WHERE id IN (SELECT id FROM complaints
                          WHERE id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?1
                                       ORDER BY rowid DESC LIMIT ?2)
                                {by_tail}
                          ORDER BY stage IN (SELECT value FROM json_each(?3)) DESC,
                                   sla_deadline DESC, id DESC
                          LIMIT ?4)
             ORDER BY stage IN (SELECT value FROM json_each(?3)) DESC, sla_deadline DESC, id DESC"
        );
        let open = stage_list(Stage::ALL.into_iter().filter(|s| s.is_open()));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = match tail {
            Some(t) => stmt
                .query_map(
                    params![
                        query,
                        SEARCH_CANDIDATES,
                        open,
                        limit as i64,
                        format!("%{t} %")
                    ],
                    complaint_from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?,
            None => stmt
                .query_map(
                    params![query, SEARCH_CANDIDATES, open, limit as i64],
                    complaint_from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        };
        Ok(rows)
    }

    /// Open complaints that carry a ticket number: the ones another caller's complaint can link to.
    pub fn open_tickets(&self, category: Option<&str>, limit: usize) -> Result<Vec<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints
             WHERE ticket_no IS NOT NULL AND linked_to IS NULL
               AND stage IN (SELECT value FROM json_each(?3))
               AND (?1 IS NULL OR category = ?1)
             ORDER BY ticketed_at DESC, id DESC LIMIT ?2"
        );
        let linkable = stage_list([Stage::Ticketed, Stage::HandedOver]);
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                params![category, limit as i64, linkable],
                complaint_from_row,
            )?
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
                "SELECT at, officer, kind, before, after, note, desk, fields, officer_name
                 FROM events WHERE complaint_id = ?1 ORDER BY id",
            )?
            .query_map([complaint_id], |r| {
                Ok(Event {
                    at: from_sql(&r.get::<_, String>(0)?)?,
                    officer: r.get(1)?,
                    officer_name: r.get(8)?,
                    kind: r.get(2)?,
                    before: r.get(3)?,
                    after: r.get(4)?,
                    note: r.get(5)?,
                    desk: r.get(6)?,
                    said: r
                        .get::<_, Option<String>>(7)?
                        .as_deref()
                        .and_then(DeskNote::from_json),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn counts(&self, now: DateTime<Utc>) -> Result<QueueCounts> {
        let now = to_sql(now);
        let running = stage_list(Stage::SLA_RUNNING);
        let count = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<i64> {
            Ok(self.conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?)
        };
        Ok(QueueCounts {
            running: count(
                "SELECT COUNT(*) FROM complaints WHERE stage IN (SELECT value FROM json_each(?1))",
                &[&running],
            )?,
            waiting_dir_ikc: count(
                "SELECT COUNT(*) FROM complaints WHERE stage = ?1",
                &[&Stage::HandedOver.as_str()],
            )?,
            breached: count(
                "SELECT COUNT(*) FROM complaints
                 WHERE stage IN (SELECT value FROM json_each(?1)) AND sla_deadline < ?2",
                &[&running, &now],
            )?,
            waiting_to_send: count(
                "SELECT COUNT(*) FROM outbox WHERE state = ?1",
                &[&super::OutboxState::Pending.as_str()],
            )?,
        })
    }

    /// How many complaints whose clock runs fall due after `after` and at or
    /// before `before` (the status bar's "≤30 min": a complaint due in exactly
    /// 30 working minutes is among them): counted in the queue's index.
    pub fn due_between(&self, after: DateTime<Utc>, before: DateTime<Utc>) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT COUNT(*) FROM complaints INDEXED BY complaints_queue
                 WHERE clock_stopped = 0 AND stage IN (SELECT value FROM json_each(?1))
                   AND sla_deadline > ?2 AND sla_deadline <= ?3",
            )?
            .query_row(
                params![
                    stage_list(Stage::SLA_RUNNING),
                    to_sql(after),
                    to_sql(before)
                ],
                |r| r.get(0),
            )?)
    }

    /// Every complaint, for counting in reports; `COUNT(*)` and friends on indexed columns.
    pub fn total(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM complaints", [], |r| r.get(0))?)
    }
}

/// The queue's SQL. Its text depends only on which filters are given, never on
/// their values: those are bound (the stage list as one JSON array).
fn list_sql(stages: &[Stage], q: &ListQuery) -> String {
    let mut conds = vec!["stage IN (SELECT value FROM json_each(?1))"];
    // Said outright, so that the index serves the range, not only the order.
    if stages.is_empty() {
        // Never the case: `list` asks for every stage then.
    } else if stages.iter().all(|s| s.sla_running()) {
        conds.push("clock_stopped = 0");
    } else if stages.iter().all(|s| !s.sla_running()) {
        conds.push("clock_stopped = 1");
    }
    if q.deadline_before.is_some() {
        conds.push("sla_deadline < ?2");
    }
    if q.category.is_some() {
        conds.push("category = ?3");
    }
    if q.after.is_some() {
        conds.push("(clock_stopped, sla_deadline, id) > (?4, ?5, ?6)");
    }
    format!(
        // Without statistics the planner prefers the stage index for `stage IN`,
        // then sorts every matching row; the queue's index reads a page and stops.
        "SELECT {COLUMNS} FROM complaints INDEXED BY complaints_queue WHERE {}
         ORDER BY clock_stopped, sla_deadline, id LIMIT ?7",
        conds.join(" AND ")
    )
}

/// One step inside a transaction the caller holds: the row changes only if it is
/// still at the complaint's stage, and its event (and outbox row) is written with it.
pub(super) fn apply_in(
    tx: &Transaction,
    desk: &str,
    c: &Complaint,
    to: Stage,
    change: &Change,
    event: &NewEvent,
    outbox: Option<&NewOutbox>,
) -> Result<()> {
    let row = StepRow {
        id: c.id,
        reference: &c.reference,
        stage: c.stage,
    };
    apply_row(tx, desk, &row, to, change, event, outbox)
}

/// The row a step is taken on, as it was read: enough to take the step without
/// reading the whole complaint (the follow-up resolves every complaint on a ticket).
pub(super) struct StepRow<'a> {
    pub id: i64,
    pub reference: &'a str,
    /// The row changes only if it is still at this stage.
    pub stage: Stage,
}

/// [`apply_in`] on a row known by its id, reference and stage: the one path every
/// stage change takes.
pub(super) fn apply_row(
    tx: &Transaction,
    desk: &str,
    c: &StepRow,
    to: Stage,
    change: &Change,
    event: &NewEvent,
    outbox: Option<&NewOutbox>,
) -> Result<()> {
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
        Change::HandOver {
            at,
            via,
            phone,
            email,
        } => tx.execute(
            "UPDATE complaints SET stage = ?3, handed_over_at = ?4, handover_via = ?5,
                phone = COALESCE(?6, phone), email = COALESCE(?7, email)
             WHERE id = ?1 AND stage = ?2",
            params![id, from, to, to_sql(*at), via.as_str(), phone, email],
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
        return Err(StoreError::Conflict(c.reference.to_string()));
    }
    insert_event(tx, desk, id, event)?;
    if let Some(o) = outbox {
        outbox::insert(tx, id, o)?;
    }
    Ok(())
}

#[cfg(test)]
impl SqliteStore {
    /// `EXPLAIN QUERY PLAN` of the queue's query, for the test that keeps it indexed.
    pub(super) fn list_plan(&self, q: &ListQuery) -> Result<Vec<String>> {
        let sql = format!("EXPLAIN QUERY PLAN {}", list_sql(&q.stages, q));
        let rows = self
            .conn
            .prepare(&sql)?
            .query_map(
                params![
                    stage_list(q.stages.clone()),
                    opt_to_sql(q.deadline_before),
                    q.category,
                    q.after.map(|k| k.clock_stopped),
                    q.after.map(|k| to_sql(k.deadline)),
                    q.after.map(|k| k.id),
                    q.limit as i64,
                ],
                |r| r.get::<_, String>(3),
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// How many of the newest matches a search orders and pages through.
const SEARCH_CANDIDATES: i64 = 500;

/// A list of stages as one JSON array, bound as a single parameter: stage names
/// come from `Stage`, never from SQL text.
pub(super) fn stage_list(stages: impl IntoIterator<Item = Stage>) -> String {
    let names: Vec<&str> = stages.into_iter().map(Stage::as_str).collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())
}

/// Turns what the officer typed into an FTS5 query that cannot be misread as syntax:
/// each word quoted, matched as a prefix. When the text holds an identifier typed
/// with separators (a nomor aju with dashes, an NPWP with dots, a phone in any
/// accepted form), the identifier as the validators store it is a second way to
/// match.
fn fts_query(text: &str) -> String {
    let words: Vec<String> = search_terms::words(text)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    if words.is_empty() {
        return String::new();
    }
    let all_words = words.join(" ");
    let idents = search_terms::identifier_forms(text);
    if idents.is_empty() {
        return all_words;
    }
    let mut alternatives = vec![format!("({all_words})")];
    alternatives.extend(idents.iter().map(|i| format!("\"{i}\"*")));
    alternatives.join(" OR ")
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
