//! Complaints and their events on PostgreSQL: intake, stage changes, the queue,
//! search, history and the incident's lookups. The twin of `sqlite::complaints`.

use super::records::{COLUMNS, col, complaint, complaints, event, opt_text, stage_names, text};
use super::{PgStore, Writer, server_error};
use crate::domain::complaint::{Channel, Complaint, Event, Stage};
use crate::domain::desk_note::DeskNote;
use crate::store::model::*;
use crate::store::search_terms;
use crate::store::{Result, StoreError};
use chrono::{DateTime, Utc};
use postgres::Transaction;
use postgres::types::ToSql;

/// How many of the newest matches a search orders and pages through (as SQLite).
const SEARCH_CANDIDATES: i64 = 500;

pub(super) fn insert_event(
    tx: &mut Transaction<'_>,
    w: &Writer,
    complaint_id: i64,
    e: &NewEvent,
) -> Result<()> {
    insert_events(tx, w, &[(complaint_id, e)])
}

fn insert_outbox(
    tx: &mut Transaction<'_>,
    at: &str,
    complaint_id: i64,
    o: &NewOutbox,
) -> Result<()> {
    tx.execute(
        "INSERT INTO outbox (complaint_id, idempotency_key, client, payload, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $5)",
        &[
            &complaint_id,
            &o.idempotency_key,
            &o.client,
            &o.payload,
            &text(o.created_at),
        ],
    )
    .map_err(|e| server_error(at, e))?;
    Ok(())
}

/// PostgreSQL binds at most this many parameters in one statement.
const PARAMS_MAX: usize = 65_535;
/// The values of one complaint row, as [`complaint_values`] lists them.
const COMPLAINT_VALUES: usize = 35;
/// The values of one event row, as [`insert_events`] lists them.
const EVENT_VALUES: usize = 9;

/// `($1, …, $k), ($k+1, …)` for `rows` rows of `k` values.
fn placeholders(rows: usize, k: usize) -> String {
    let row = |r: usize| {
        let cells: Vec<String> = (1..=k).map(|i| format!("${}", r * k + i)).collect();
        format!("({})", cells.join(", "))
    };
    (0..rows).map(row).collect::<Vec<_>>().join(", ")
}

type Value = Box<dyn ToSql + Sync>;

/// A new complaint's row, in the order of the insert's columns.
fn complaint_values(c: &Complaint, year: i64, seq: i64) -> Vec<Value> {
    let d = &c.details;
    let a = &d.applicant;
    let values: [Value; COMPLAINT_VALUES] = [
        Box::new(c.reference.clone()),
        Box::new(year),
        Box::new(seq),
        Box::new(c.stage.as_str()),
        Box::new(a.kind.as_str()),
        Box::new(a.name.clone()),
        Box::new(a.nip.clone()),
        Box::new(a.org.clone()),
        Box::new(a.npwp.clone()),
        Box::new(a.nib.clone()),
        Box::new(a.phone.clone()),
        Box::new(a.email.clone()),
        Box::new(d.channel.as_str()),
        Box::new(d.category.clone()),
        Box::new(d.subject.clone()),
        Box::new(d.description.clone()),
        Box::new(d.user_id.clone()),
        Box::new(d.aju.join(" ")),
        Box::new(d.doc_type.clone()),
        Box::new(d.doc_status.clone()),
        Box::new(opt_text(d.doc_submitted_at)),
        Box::new(serde_json::to_string(&d.attachments).unwrap_or_else(|_| "[]".into())),
        Box::new(text(d.received_at)),
        Box::new(text(c.sla_deadline)),
        Box::new(opt_text(c.forwarded_at)),
        Box::new(c.ticket_no.clone()),
        Box::new(opt_text(c.ticketed_at)),
        Box::new(c.linked_to.clone()),
        Box::new(opt_text(c.handed_over_at)),
        Box::new(c.handover_via.map(Channel::as_str)),
        Box::new(opt_text(c.resolved_at)),
        Box::new(c.resolution_note.clone()),
        Box::new(opt_text(c.cancelled_at)),
        Box::new(c.cancel_reason.clone()),
        Box::new(opt_text(c.notified_at)),
    ];
    values.into()
}

/// Many complaints' events (complaint id, event), in as few statements as the
/// parameter limit allows.
fn insert_events(tx: &mut Transaction<'_>, w: &Writer, events: &[(i64, &NewEvent)]) -> Result<()> {
    let desk = (!w.desk.is_empty()).then_some(w.desk);
    for chunk in events.chunks(PARAMS_MAX / EVENT_VALUES) {
        let ats: Vec<String> = chunk.iter().map(|(_, e)| text(e.at)).collect();
        let said: Vec<Option<String>> = chunk
            .iter()
            .map(|(_, e)| e.said.as_ref().map(DeskNote::to_json))
            .collect();
        let mut params: Vec<&(dyn ToSql + Sync)> = Vec::with_capacity(chunk.len() * EVENT_VALUES);
        for (((id, e), at), said) in chunk.iter().zip(&ats).zip(&said) {
            params.extend([
                id as &(dyn ToSql + Sync),
                at,
                &e.officer,
                &e.kind,
                &e.before,
                &e.after,
                &e.note,
                &desk,
                said,
            ]);
        }
        let sql = format!(
            "INSERT INTO events (complaint_id, at, officer, kind, before, after, note, desk, fields)
             VALUES {}",
            placeholders(chunk.len(), EVENT_VALUES)
        );
        tx.execute(&sql, &params)
            .map_err(|e| server_error(w.at, e))?;
    }
    Ok(())
}

/// A step on a row known by id, reference and stage: it changes only if the row
/// is still at that stage (another desk's step meanwhile makes it a conflict),
/// and its event (and outbox row) is written with it.
pub(super) fn apply_row(
    tx: &mut Transaction<'_>,
    w: &Writer,
    row: (i64, &str, Stage),
    to: Stage,
    change: &Change,
    event: &NewEvent,
    outbox: Option<&NewOutbox>,
) -> Result<()> {
    let (id, reference, from) = row;
    let (from, to) = (from.as_str(), to.as_str());
    let n = match change {
        Change::Forward { at } => tx.execute(
            "UPDATE complaints SET stage = $3, forwarded_at = $4 WHERE id = $1 AND stage = $2",
            &[&id, &from, &to, &text(*at)],
        ),
        Change::Ticket {
            at,
            ticket_no,
            linked_to,
        } => tx.execute(
            "UPDATE complaints SET stage = $3, ticket_no = $4, linked_to = $5,
                ticketed_at = COALESCE(ticketed_at, $6)
             WHERE id = $1 AND stage = $2",
            &[&id, &from, &to, ticket_no, linked_to, &text(*at)],
        ),
        Change::HandOver {
            at,
            via,
            phone,
            email,
        } => tx.execute(
            "UPDATE complaints SET stage = $3, handed_over_at = $4, handover_via = $5,
                phone = COALESCE($6, phone), email = COALESCE($7, email)
             WHERE id = $1 AND stage = $2",
            &[&id, &from, &to, &text(*at), &via.as_str(), phone, email],
        ),
        Change::Resolve { at, note } => tx.execute(
            "UPDATE complaints SET stage = $3, resolved_at = $4, resolution_note = $5
             WHERE id = $1 AND stage = $2",
            &[&id, &from, &to, &text(*at), note],
        ),
        Change::Cancel { at, reason } => tx.execute(
            "UPDATE complaints SET stage = $3, cancelled_at = $4, cancel_reason = $5
             WHERE id = $1 AND stage = $2",
            &[&id, &from, &to, &text(*at), reason],
        ),
    }
    .map_err(|e| server_error(w.at, e))?;
    if n != 1 {
        return Err(StoreError::Conflict(reference.to_string()));
    }
    insert_event(tx, w, id, event)?;
    if let Some(o) = outbox {
        insert_outbox(tx, w.at, id, o)?;
    }
    Ok(())
}

impl PgStore {
    /// Writes complaints with their events in one transaction. Each reference's
    /// number comes from the year's counter row, locked until the transaction
    /// ends: another desk's intake waits for it, so numbers are unique and
    /// without gaps (a transaction that fails gives its numbers back).
    /// Writes a batch of new complaints with their events in one transaction, in
    /// a few multi-row statements rather than one round trip per row: `demo`'s
    /// batches would otherwise spend their time waiting on the server.
    pub fn insert_complaints(&mut self, records: &mut [IntakeRecord]) -> Result<()> {
        let at = self.at.clone();
        let e = |e| server_error(&at, e);
        self.write(|tx, w| {
            // Each year's numbers are taken as one block. The counter's row stays
            // locked to the commit, so a concurrent intake waits, then takes the
            // number after the block: unique and without a gap either way. Years
            // in order, so that two batches never lock them crosswise.
            let mut per_year = std::collections::BTreeMap::<i64, i64>::new();
            for rec in records.iter() {
                *per_year.entry(i64::from(rec.ref_year)).or_default() += 1;
            }
            let mut next_seq = std::collections::BTreeMap::new();
            for (year, n) in per_year {
                let last: i64 = tx
                    .query_one(
                        "INSERT INTO ref_counters (year, last)
                         VALUES ($1, (SELECT COALESCE(MAX(ref_seq), 0) + $2 FROM complaints
                                      WHERE ref_year = $1))
                         ON CONFLICT (year) DO UPDATE SET last = ref_counters.last + $2
                         RETURNING last",
                        &[&year, &n],
                    )
                    .map_err(e)?
                    .get(0);
                next_seq.insert(year, last - n + 1);
            }
            let mut rows = Vec::with_capacity(records.len());
            for rec in records.iter_mut() {
                let year = i64::from(rec.ref_year);
                let seq = next_seq.get_mut(&year).expect("every year has its block");
                rec.complaint.reference = crate::domain::complaint::reference(rec.ref_year, *seq);
                rows.push(complaint_values(&rec.complaint, year, *seq));
                *seq += 1;
            }
            let mut ids = std::collections::HashMap::with_capacity(records.len());
            for chunk in rows.chunks(PARAMS_MAX / COMPLAINT_VALUES) {
                let sql = format!(
                    "INSERT INTO complaints (ref, ref_year, ref_seq, stage, applicant_kind,
                        applicant_name, nip, org, npwp, nib, phone, email, channel, category,
                        subject, description, user_id, aju, doc_type, doc_status,
                        doc_submitted_at, attachments, received_at, sla_deadline, forwarded_at,
                        ticket_no, ticketed_at, linked_to, handed_over_at, handover_via,
                        resolved_at, resolution_note, cancelled_at, cancel_reason, notified_at)
                     VALUES {}
                     RETURNING ref, id",
                    placeholders(chunk.len(), COMPLAINT_VALUES)
                );
                let params: Vec<&(dyn ToSql + Sync)> =
                    chunk.iter().flatten().map(|v| v.as_ref()).collect();
                for r in tx.query(&sql, &params).map_err(e)? {
                    ids.insert(r.get::<_, String>(0), r.get::<_, i64>(1));
                }
            }
            let mut events = Vec::new();
            for rec in records.iter_mut() {
                let c = &mut rec.complaint;
                c.id = *ids.get(&c.reference).ok_or_else(|| StoreError::Server {
                    at: w.at.to_string(),
                    detail: format!("{}: the insert returned no id for it", c.reference),
                })?;
                events.extend(rec.events.iter().map(|ev| (c.id, ev)));
            }
            insert_events(tx, w, &events)
        })
    }

    pub fn get(&self, reference: &str) -> Result<Complaint> {
        let wanted = reference.trim().to_ascii_uppercase();
        self.read(|c| {
            c.query_opt(
                &format!("SELECT {COLUMNS} FROM complaints WHERE ref = $1"),
                &[&wanted],
            )
            .map_err(self.err())?
            .map(|r| complaint(&r))
            .transpose()?
            .ok_or_else(|| StoreError::NotFound(reference.to_string()))
        })
    }

    pub fn get_by_id(&self, id: i64) -> Result<Complaint> {
        self.read(|c| {
            c.query_opt(
                &format!("SELECT {COLUMNS} FROM complaints WHERE id = $1"),
                &[&id],
            )
            .map_err(self.err())?
            .map(|r| complaint(&r))
            .transpose()?
            .ok_or_else(|| StoreError::NotFound(format!("#{id}")))
        })
    }

    pub fn apply(
        &mut self,
        c: &Complaint,
        to: Stage,
        change: &Change,
        event: &NewEvent,
        outbox: Option<&NewOutbox>,
    ) -> Result<()> {
        self.write(|tx, w| {
            apply_row(
                tx,
                w,
                (c.id, &c.reference, c.stage),
                to,
                change,
                event,
                outbox,
            )
        })
    }

    /// Every step in one transaction; the first that finds its complaint moved
    /// on undoes them all.
    pub fn apply_all(&mut self, steps: &[BulkStep]) -> Result<()> {
        self.write(|tx, w| {
            for s in steps {
                let c = &s.complaint;
                apply_row(
                    tx,
                    w,
                    (c.id, &c.reference, c.stage),
                    s.to,
                    &s.change,
                    &s.event,
                    None,
                )?;
            }
            Ok(())
        })
    }

    pub fn recompute_deadlines(
        &mut self,
        deadline_of: impl Fn(DateTime<Utc>) -> DateTime<Utc>,
    ) -> Result<usize> {
        let at = self.at.clone();
        self.write(|tx, _| {
            let e = |e| server_error(&at, e);
            let rows = tx
                .query(
                    "SELECT id, received_at FROM complaints WHERE stage = ANY($1)
                     FOR UPDATE",
                    &[&stage_names(Stage::SLA_RUNNING)],
                )
                .map_err(e)?;
            let update = tx
                .prepare("UPDATE complaints SET sla_deadline = $2 WHERE id = $1")
                .map_err(e)?;
            for r in &rows {
                let id: i64 = col(r, 0)?;
                let deadline = deadline_of(super::records::at(r, 1)?);
                tx.execute(&update, &[&id, &text(deadline)]).map_err(e)?;
            }
            Ok(rows.len())
        })
    }

    /// One page of the queue, in the `complaints_queue` index's order.
    pub fn list(&self, q: &ListQuery) -> Result<Vec<Complaint>> {
        let stages = if q.stages.is_empty() {
            Stage::ALL.to_vec()
        } else {
            q.stages.clone()
        };
        let mut conds = vec!["stage = ANY($1)".to_string()];
        if stages.iter().all(|s| s.sla_running()) {
            conds.push("NOT clock_stopped".into());
        } else if stages.iter().all(|s| !s.sla_running()) {
            conds.push("clock_stopped".into());
        }
        let deadline = opt_text(q.deadline_before);
        let limit = q.limit as i64;
        let names = stage_names(stages);
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&names, &limit];
        if let Some(d) = &deadline {
            params.push(d);
            conds.push(format!("sla_deadline < ${}", params.len()));
        }
        if let Some(cat) = &q.category {
            params.push(cat);
            conds.push(format!("category = ${}", params.len()));
        }
        let after = q.after.map(|k| (k.clock_stopped, text(k.deadline), k.id));
        if let Some((stopped, deadline, id)) = &after {
            params.extend([stopped as &(dyn ToSql + Sync), deadline, id]);
            let n = params.len();
            conds.push(format!(
                "(clock_stopped, sla_deadline, id) > (${}, ${}, ${n})",
                n - 2,
                n - 1
            ));
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints WHERE {}
             ORDER BY clock_stopped, sla_deadline, id LIMIT $2",
            conds.join(" AND ")
        );
        self.read(|c| complaints(&c.query(&sql, &params).map_err(self.err())?))
    }

    /// Every word a prefix of a word of the complaint (`word:*` on the
    /// `search_words` index), or an identifier as stored; the newest
    /// `SEARCH_CANDIDATES` matches are ordered: open first, latest deadline first.
    pub fn search(&self, typed: &str, limit: usize) -> Result<Vec<Complaint>> {
        let Some(query) = ts_query(typed) else {
            return Ok(Vec::new());
        };
        let open = stage_names(Stage::ALL.into_iter().filter(|s| s.is_open()));
        // The end of a nomor aju: no word index matches inside a word, so the
        // column is read (only for digits typed alone, see `search_terms::aju_tail`).
        let tail = search_terms::aju_tail(typed).map(|t| format!("%{t} %"));
        let by_tail = match tail {
            Some(_) => "OR (aju || ' ') LIKE $5",
            None => "",
        };
        // One level, no join: a new session plans it in a third of the time, and
        // ordering 500 whole rows costs less here than fetching the page again.
        let sql = format!(
            "SELECT {COLUMNS} FROM (
                SELECT * FROM complaints WHERE search_words @@ to_tsquery('simple', $1)
                    {by_tail}
                ORDER BY id DESC LIMIT $2) c
             ORDER BY stage = ANY($3) DESC, sla_deadline DESC, id DESC
             LIMIT $4"
        );
        let limit = limit as i64;
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&query, &SEARCH_CANDIDATES, &open, &limit];
        if let Some(t) = &tail {
            params.push(t);
        }
        self.read(|c| complaints(&c.query(&sql, &params).map_err(self.err())?))
    }

    pub fn open_tickets(&self, category: Option<&str>, limit: usize) -> Result<Vec<Complaint>> {
        let linkable = stage_names([Stage::Ticketed, Stage::HandedOver]);
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints
             WHERE ticket_no IS NOT NULL AND linked_to IS NULL AND stage = ANY($3)
               AND ($1::text IS NULL OR category = $1)
             ORDER BY ticketed_at DESC, id DESC LIMIT $2"
        );
        self.read(|c| {
            complaints(
                &c.query(&sql, &[&category, &(limit as i64), &linkable])
                    .map_err(self.err())?,
            )
        })
    }

    pub fn by_ticket(&self, ticket_no: &str) -> Result<Option<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints WHERE ticket_no = $1
             ORDER BY linked_to IS NOT NULL, id LIMIT 1"
        );
        self.read(|c| {
            c.query_opt(&sql, &[&ticket_no])
                .map_err(self.err())?
                .map(|r| complaint(&r))
                .transpose()
        })
    }

    pub fn events(&self, complaint_id: i64) -> Result<Vec<Event>> {
        self.read(|c| {
            c.query(
                "SELECT at, officer, kind, before, after, note, desk, fields, officer_name FROM events
                 WHERE complaint_id = $1 ORDER BY id",
                &[&complaint_id],
            )
            .map_err(self.err())?
            .iter()
            .map(event)
            .collect()
        })
    }

    pub fn counts(&self, now: DateTime<Utc>) -> Result<QueueCounts> {
        let running = stage_names(Stage::SLA_RUNNING);
        let row = self.read(|c| {
            c.query_one(
                "SELECT
                    (SELECT COUNT(*) FROM complaints WHERE stage = ANY($1)),
                    (SELECT COUNT(*) FROM complaints WHERE stage = $2),
                    (SELECT COUNT(*) FROM complaints WHERE stage = ANY($1) AND sla_deadline < $3),
                    (SELECT COUNT(*) FROM outbox WHERE state = $4)",
                &[
                    &running,
                    &Stage::HandedOver.as_str(),
                    &text(now),
                    &OutboxState::Pending.as_str(),
                ],
            )
            .map_err(self.err())
        })?;
        Ok(QueueCounts {
            running: col(&row, 0)?,
            waiting_dir_ikc: col(&row, 1)?,
            breached: col(&row, 2)?,
            waiting_to_send: col(&row, 3)?,
        })
    }

    /// How many complaints whose clock runs fall due after `after` and at or
    /// before `before` (the status bar's "≤30 min"): counted in the queue's index.
    pub fn due_between(&self, after: DateTime<Utc>, before: DateTime<Utc>) -> Result<i64> {
        self.read(|c| {
            col(
                &c.query_one(
                    "SELECT COUNT(*) FROM complaints
                     WHERE NOT clock_stopped AND stage = ANY($1)
                       AND sla_deadline > $2 AND sla_deadline <= $3",
                    &[
                        &stage_names(Stage::SLA_RUNNING),
                        &text(after),
                        &text(before),
                    ],
                )
                .map_err(self.err())?,
                0,
            )
        })
    }

    pub fn total(&self) -> Result<i64> {
        self.read(|c| {
            col(
                &c.query_one("SELECT COUNT(*) FROM complaints", &[])
                    .map_err(self.err())?,
                0,
            )
        })
    }

    /// Complaints received in `[from, to)`, newest first, paged by id.
    pub fn history(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        before_id: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints
             WHERE received_at >= $1 AND received_at < $2 AND id < $3
             ORDER BY id DESC LIMIT $4"
        );
        self.read(|c| {
            complaints(
                &c.query(
                    &sql,
                    &[
                        &text(from),
                        &text(to),
                        &before_id.unwrap_or(i64::MAX),
                        &(limit as i64),
                    ],
                )
                .map_err(self.err())?,
            )
        })
    }

    /// Complaints of a category received since `since`, in the given stages,
    /// newest first (the incident's suggestion).
    pub fn received_since(
        &self,
        category: &str,
        stages: &[Stage],
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints
             WHERE category = $1 AND stage = ANY($2) AND received_at >= $3
             ORDER BY received_at DESC, id DESC LIMIT $4"
        );
        self.read(|c| {
            complaints(
                &c.query(
                    &sql,
                    &[
                        &category,
                        &stage_names(stages.iter().copied()),
                        &text(since),
                        &(limit as i64),
                    ],
                )
                .map_err(self.err())?,
            )
        })
    }

    /// Every complaint carrying `ticket_no`, in order of receipt.
    pub fn on_ticket(&self, ticket_no: &str, limit: usize) -> Result<Vec<Complaint>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM complaints WHERE ticket_no = $1
             ORDER BY received_at, id LIMIT $2"
        );
        self.read(|c| {
            complaints(
                &c.query(&sql, &[&ticket_no, &(limit as i64)])
                    .map_err(self.err())?,
            )
        })
    }
}

/// What the officer typed as a `tsquery` that cannot be misread as syntax: the
/// words are letters and digits only (see `search_terms::words`), each a prefix,
/// all required; an identifier typed with separators is a second way to match.
fn ts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = search_terms::words(typed)
        .map(|w| format!("{}:*", w.to_lowercase()))
        .collect();
    if words.is_empty() {
        return None;
    }
    let all_words = format!("({})", words.join(" & "));
    let idents = search_terms::identifier_forms(typed);
    let mut alternatives = vec![all_words];
    alternatives.extend(idents.iter().map(|i| format!("{}:*", i.to_lowercase())));
    Some(alternatives.join(" | "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_syntax_never_reaches_the_tsquery() {
        assert_eq!(
            super::ts_query("PT \"Maju\" | x:* & !y").as_deref(),
            Some("(pt:* & maju:* & x:* & y:*)")
        );
        assert_eq!(super::ts_query("  --  "), None);
    }
}
