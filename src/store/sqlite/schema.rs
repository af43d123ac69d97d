//! Schema versions, applied with `PRAGMA user_version` inside one transaction.

/// `PRAGMA application_id` of every bcare-desk file ("BCDS"): how the desk tells
/// its own database from another program's SQLite file before touching it.
pub const APPLICATION_ID: i64 = 0x4243_4453;

/// The newest schema this binary knows. A file with a higher version is refused.
pub const VERSION: i64 = 9;

/// Each entry brings the schema from version `i` to `i + 1`.
///
/// A released step is never edited: a change to the schema is a new step.
pub const MIGRATIONS: [&str; 9] = [V1, V2, V3, V4, V5, V6, V7, V8, V9];

const V1: &str = r#"
CREATE TABLE complaints (
    id               INTEGER PRIMARY KEY,
    ref              TEXT    NOT NULL UNIQUE,
    ref_year         INTEGER NOT NULL,
    ref_seq          INTEGER NOT NULL,
    stage            TEXT    NOT NULL CHECK (stage IN
                       ('received','forwarded','ticketed','handed_over','resolved','cancelled')),
    applicant_kind   TEXT    NOT NULL CHECK (applicant_kind IN ('pegawai','pengguna-jasa')),
    applicant_name   TEXT    NOT NULL,
    nip              TEXT,
    org              TEXT,
    npwp             TEXT,
    nib              TEXT,
    phone            TEXT,
    email            TEXT,
    channel          TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    user_id          TEXT,
    aju              TEXT    NOT NULL DEFAULT '',   -- nomor aju, space separated
    doc_type         TEXT,
    doc_status       TEXT,
    doc_submitted_at TEXT,
    attachments      TEXT    NOT NULL DEFAULT '[]', -- JSON array of paths
    received_at      TEXT    NOT NULL,              -- UTC, 2026-11-27T07:30:00Z
    sla_deadline     TEXT    NOT NULL,              -- UTC; ordering by it is ordering by urgency
    forwarded_at     TEXT,
    ticket_no        TEXT,
    ticketed_at      TEXT,
    linked_to        TEXT,
    handed_over_at   TEXT,
    handover_via     TEXT,
    resolved_at      TEXT,
    resolution_note  TEXT,
    cancelled_at     TEXT,
    cancel_reason    TEXT,
    UNIQUE (ref_year, ref_seq)                      -- serves the next reference of a year
);
-- The queue: complaints of a stage, most urgent first, paged by (sla_deadline, id).
CREATE INDEX complaints_by_stage_deadline ON complaints (stage, sla_deadline, id);
-- Linking: open complaints that already carry a ticket, by category.
CREATE INDEX complaints_by_ticket ON complaints (ticket_no) WHERE ticket_no IS NOT NULL;
-- Reports over a period of intake.
CREATE INDEX complaints_by_received ON complaints (received_at);

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at           TEXT    NOT NULL,
    officer      TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    before       TEXT,
    after        TEXT,
    note         TEXT
);
-- A complaint's timeline.
CREATE INDEX events_by_complaint ON events (complaint_id, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER NOT NULL REFERENCES complaints (id),
    idempotency_key TEXT    NOT NULL,
    client          TEXT    NOT NULL,
    payload         TEXT    NOT NULL,              -- the BCare report, JSON
    state           TEXT    NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending','sent','failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    ticket_no       TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT
);
-- The worker: what is due next.
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
-- A complaint's deliveries.
CREATE INDEX outbox_by_complaint ON outbox (complaint_id);

CREATE TABLE drafts (
    name     TEXT PRIMARY KEY,
    body     TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE VIRTUAL TABLE complaints_fts USING fts5 (
    ref, applicant_name, org, subject, description, aju, ticket_no,
    content = 'complaints', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO complaints_fts (rowid, ref, applicant_name, org, subject, description, aju, ticket_no)
    VALUES (new.id, new.ref, new.applicant_name, new.org, new.subject, new.description, new.aju, new.ticket_no);
END;
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, ref, applicant_name, org, subject, description, aju, ticket_no)
    VALUES ('delete', old.id, old.ref, old.applicant_name, old.org, old.subject, old.description, old.aju, old.ticket_no);
END;
-- Only the ticket number of an indexed column changes after intake.
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF ticket_no ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, ref, applicant_name, org, subject, description, aju, ticket_no)
    VALUES ('delete', old.id, old.ref, old.applicant_name, old.org, old.subject, old.description, old.aju, old.ticket_no);
    INSERT INTO complaints_fts (rowid, ref, applicant_name, org, subject, description, aju, ticket_no)
    VALUES (new.id, new.ref, new.applicant_name, new.org, new.subject, new.description, new.aju, new.ticket_no);
END;
"#;

/// V2: the queue's order served by an index, and search over normalised identifiers
/// (phone, NPWP) with prefix indexes for one- and two-character words.
const V2: &str = r#"
-- Whether the SLA clock stopped: the first key of the queue's order. Generated, so
-- no write can leave it out of step with the stage. A test holds it to
-- `Stage::sla_running`.
ALTER TABLE complaints ADD COLUMN clock_stopped INTEGER
    GENERATED ALWAYS AS (stage NOT IN ('received', 'forwarded', 'ticketed')) VIRTUAL;
-- The queue: running complaints first, most urgent first, paged by (deadline, id).
CREATE INDEX complaints_queue ON complaints (clock_stopped, sla_deadline, id);

DROP TRIGGER complaints_fts_insert;
DROP TRIGGER complaints_fts_delete;
DROP TRIGGER complaints_fts_update;
DROP TABLE complaints_fts;
-- Phone (+62…) and NPWP (digits) are stored normalised by the validators, and
-- indexed as stored; the search normalises what is typed the same way.
CREATE VIRTUAL TABLE complaints_fts USING fts5 (
    ref, applicant_name, org, subject, description, aju, ticket_no, phone, npwp,
    content = 'complaints', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);
INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild');
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO complaints_fts (rowid, ref, applicant_name, org, subject, description, aju, ticket_no, phone, npwp)
    VALUES (new.id, new.ref, new.applicant_name, new.org, new.subject, new.description, new.aju, new.ticket_no, new.phone, new.npwp);
END;
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, ref, applicant_name, org, subject, description, aju, ticket_no, phone, npwp)
    VALUES ('delete', old.id, old.ref, old.applicant_name, old.org, old.subject, old.description, old.aju, old.ticket_no, old.phone, old.npwp);
END;
-- Only the ticket number of an indexed column changes after intake.
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF ticket_no ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, ref, applicant_name, org, subject, description, aju, ticket_no, phone, npwp)
    VALUES ('delete', old.id, old.ref, old.applicant_name, old.org, old.subject, old.description, old.aju, old.ticket_no, old.phone, old.npwp);
    INSERT INTO complaints_fts (rowid, ref, applicant_name, org, subject, description, aju, ticket_no, phone, npwp)
    VALUES (new.id, new.ref, new.applicant_name, new.org, new.subject, new.description, new.aju, new.ticket_no, new.phone, new.npwp);
END;
"#;

/// V3: one rule for "owed a notice" — resolved, and the applicant not told yet,
/// however it was resolved — kept on the row, so that counting and listing the
/// owed costs the owed rows, not every resolved complaint's events.
const V3: &str = r#"
-- When the applicant was last told that Dir. IKC solved it; set by `notify` in the
-- transaction of its `notified` event.
ALTER TABLE complaints ADD COLUMN notified_at TEXT;
-- Complaints resolved before this version are taken as told (when a `notified`
-- event says so, else when they were resolved): an upgraded desk is not flooded
-- with notices the officer gave outside the desk long ago.
UPDATE complaints SET notified_at = COALESCE(
        (SELECT MAX(e.at) FROM events e
         WHERE e.complaint_id = complaints.id AND e.kind = 'notified'),
        resolved_at, received_at)
    WHERE stage = 'resolved';
-- The owed notices: only their rows are in it. Keyed by the condition's own columns
-- so that the planner, without statistics, prefers it to the stage index (which
-- holds every resolved complaint). The stage is spelled here and bound in the
-- queries; a test holds both to `Stage::Resolved` and the domain's rule.
CREATE INDEX complaints_owed_notice ON complaints (stage, notified_at)
    WHERE stage = 'resolved' AND notified_at IS NULL;
"#;

/// V4: several desks. Each event records the desk that wrote it; an outbox row
/// being delivered is claimed by one desk's worker until its lease runs out, so
/// that two workers never send the same report at once.
const V4: &str = r#"
ALTER TABLE events ADD COLUMN desk TEXT;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
"#;

/// V5: the holidays live with the data. Each change to the calendar (a year's
/// announcement, a day added or taken back) is kept with who made it and when,
/// append-only: a holiday changes SLA figures, so its history is evidence.
const V5: &str = r#"
CREATE TABLE calendar_changes (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    officer      TEXT    NOT NULL,
    desk         TEXT,
    action       TEXT    NOT NULL CHECK (action IN ('announce', 'add', 'remove')),
    year         INTEGER NOT NULL,
    day          TEXT,                       -- add, remove: YYYY-MM-DD
    name         TEXT,                       -- add
    cuti_bersama INTEGER NOT NULL DEFAULT 0, -- add
    holidays     TEXT                        -- announce: JSON [{date, name, cuti_bersama}]
);
CREATE TRIGGER calendar_changes_append_only_update BEFORE UPDATE ON calendar_changes
BEGIN SELECT RAISE(ABORT, 'calendar changes are append-only'); END;
CREATE TRIGGER calendar_changes_append_only_delete BEFORE DELETE ON calendar_changes
BEGIN SELECT RAISE(ABORT, 'calendar changes are append-only'); END;
"#;

/// V6: the applicant's satisfaction (SKM), asked with the notice. One survey a
/// complaint: a second replaces the first (each is also an event in the log).
const V6: &str = r#"
CREATE TABLE surveys (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaints (id),
    answers      TEXT    NOT NULL,  -- u1..u9, 1-4 or '-': 4,3,4,-,4,4,4,3,4
    at           TEXT    NOT NULL,
    officer      TEXT    NOT NULL
);
"#;

/// V7: honest time. Each event also keeps the moment it was written, by the
/// machine's clock as SQLite reads it (set in the insert, never by the desk's
/// clock, which training and tests may set). Events written before stay NULL:
/// their moment is unknown.
const V7: &str = r#"
ALTER TABLE events ADD COLUMN written_at TEXT;
"#;

/// V8: an event keeps the desk's own words as a kind and values (JSON), worded
/// when shown in the reader's language. Older events keep only their note.
const V8: &str = r#"
ALTER TABLE events ADD COLUMN fields TEXT;
"#;

/// V9: on a shared PostgreSQL database the officer on a record is the server's
/// login role, and `[officer] name` is kept beside it as a display name. On a
/// file the file's owner is the officer: these columns stay empty, and are here
/// so a database moves between the two row for row.
const V9: &str = r#"
ALTER TABLE events ADD COLUMN officer_name TEXT;
ALTER TABLE calendar_changes ADD COLUMN officer_name TEXT;
ALTER TABLE surveys ADD COLUMN officer_name TEXT;
"#;
