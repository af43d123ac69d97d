//! `export` and `purge`. Export: every complaint with its events, as CSV, JSON or a workbook; `--redact`
//! keeps the figures and drops the personal data. Also the private-file writer the
//! report shares.

use super::progress::Progress;
use crate::desk::{Desk, ExportedComplaint};
use crate::domain::complaint::{Complaint, Event};
use crate::domain::desk_note;
use crate::domain::msg::{Lang, M};
use crate::domain::report::Period;
use crate::domain::text::for_file;
use crate::domain::when::rfc3339_local;
use anyhow::{Context, Result, bail};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Serialize;
use serde_json::Value;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::path::PathBuf;

/// Writes a file readable by the officer only (0600): to a temporary file beside it,
/// synced, then renamed into place, so a crash never leaves half a report.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("writing {}", path.display()));
    }
    Ok(())
}

/// One CSV record (RFC 4180), ending in CRLF. A cell a spreadsheet would run as a
/// formula (`=`, `@`, or `+`/`-` not followed by a number) is prefixed with `'`; a
/// phone number (`+` and digits) is written `="+62…"`, a constant text, so a
/// spreadsheet keeps its `+` and every digit instead of turning it into a number.
pub fn csv_line(cells: &[&str]) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // No control or bidi character another program left in the data reaches
        // the file, whichever report writes it.
        let clean = crate::domain::text::for_file(cell);
        let cell = clean.as_str();
        let defused;
        let cell = if looks_like_formula(cell) {
            defused = format!("'{cell}");
            defused.as_str()
        } else if is_phone(cell) {
            defused = format!("=\"{cell}\"");
            defused.as_str()
        } else {
            cell
        };
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
    out
}

/// `+62…` as the desk stores a phone: a plus and 8 to 15 digits.
fn is_phone(cell: &str) -> bool {
    cell.strip_prefix('+')
        .is_some_and(|d| (8..=15).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()))
}

fn looks_like_formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars
            .as_str()
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' '),
        _ => false,
    }
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// First day of receipt, YYYY-MM-DD (with --to; default: every complaint).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of receipt, YYYY-MM-DD, inclusive.
    #[arg(long)]
    pub to: Option<String>,
    /// csv, json or xlsx
    #[arg(long)]
    pub format: String,
    /// Mask names, phones, e-mails, NPWP/NIB/NIP, user ids, free text and officers.
    #[arg(long)]
    pub redact: bool,
    /// The file to write (0600).
    pub path: PathBuf,
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
    Xlsx,
}

fn period(a: &ExportArgs, lang: Lang) -> Result<Option<Period>> {
    let date = |flag: &str, raw: &str| {
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
            .with_context(|| M::FlagNotADate(lang, flag, raw))
    };
    match (&a.from, &a.to) {
        (None, None) => Ok(None),
        (Some(f), Some(t)) => Ok(Some(
            Period::new(date("from", f)?, date("to", t)?)
                .map_err(|e| anyhow::anyhow!(M::FlagRefused(lang, e.text(lang))))?,
        )),
        (Some(_), None) => bail!(M::FromNeedsTo.get(lang)),
        (None, Some(_)) => bail!(M::ToNeedsFrom.get(lang)),
    }
}

pub fn run(desk: &Desk, a: &ExportArgs, json: bool, lang: Lang) -> Result<()> {
    let format = match a.format.trim().to_ascii_lowercase().as_str() {
        "csv" => Format::Csv,
        "json" => Format::Json,
        "xlsx" => Format::Xlsx,
        other => bail!(M::NotAFormat(lang, other)),
    };
    let period = period(a, lang)?;
    let bar = Progress::bar(M::ProgressExport.get(lang), json);
    let items = desk.export(period, a.redact, &mut |done, total| {
        bar.at(done as u64, total as u64)
    })?;
    bar.doing(&M::ProgressExportWrite(lang, a.path.display()));
    let off = desk.calendar().offset();
    let bytes = match format {
        Format::Csv => csv(&items, off, lang).into_bytes(),
        Format::Json => {
            let rows: Vec<ComplaintJson> = items.iter().map(|i| to_json(i, off, lang)).collect();
            let mut v = serde_json::to_vec_pretty(&rows)?;
            v.push(b'\n');
            v
        }
        Format::Xlsx => xlsx(&items, off, lang).context("laying out the workbook")?,
    };
    write_private(&a.path, &bytes)?;
    drop(bar);
    let events: usize = items.iter().map(|i| i.events.len()).sum();
    if json {
        say!(
            "{}",
            serde_json::json!({
                "path": a.path, "complaints": items.len(), "events": events, "redacted": a.redact,
            })
        );
    } else {
        let said = if a.redact {
            M::ExportedRedacted
        } else {
            M::Exported
        };
        say!("{}", said(lang, a.path.display(), items.len(), events));
    }
    Ok(())
}

fn t(v: DateTime<Utc>, off: FixedOffset) -> String {
    rfc3339_local(v, off)
}

fn t_opt(v: Option<DateTime<Utc>>, off: FixedOffset) -> String {
    v.map(|v| t(v, off)).unwrap_or_default()
}

/// The complaint's columns, in order, as text (CSV and the workbook). Text stored
/// by another program or an older version may carry controls: none leave in a file.
fn columns(c: &Complaint, sla_met: Option<bool>, off: FixedOffset) -> Vec<(&'static str, String)> {
    let d = &c.details;
    let a = &d.applicant;
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let cols = vec![
        ("ref", c.reference.clone()),
        ("stage", c.stage.as_str().into()),
        ("applicant_kind", a.kind.as_str().into()),
        ("applicant_name", a.name.clone()),
        ("nip", o(&a.nip)),
        ("org", o(&a.org)),
        ("npwp", o(&a.npwp)),
        ("nib", o(&a.nib)),
        ("phone", o(&a.phone)),
        ("email", o(&a.email)),
        ("channel", d.channel.as_str().into()),
        ("category", d.category.clone()),
        ("subject", d.subject.clone()),
        ("description", d.description.clone()),
        ("user_id", o(&d.user_id)),
        ("aju", d.aju.join(" ")),
        ("doc_type", o(&d.doc_type)),
        ("doc_status", o(&d.doc_status)),
        ("doc_submitted_at", t_opt(d.doc_submitted_at, off)),
        ("attachments", d.attachments.join(" | ")),
        ("received_at", t(d.received_at, off)),
        ("sla_deadline", t(c.sla_deadline, off)),
        ("forwarded_at", t_opt(c.forwarded_at, off)),
        ("ticket_no", o(&c.ticket_no)),
        ("ticketed_at", t_opt(c.ticketed_at, off)),
        ("linked_to", o(&c.linked_to)),
        ("handed_over_at", t_opt(c.handed_over_at, off)),
        (
            "handover_via",
            c.handover_via
                .map(|v| v.as_str().to_string())
                .unwrap_or_default(),
        ),
        ("resolved_at", t_opt(c.resolved_at, off)),
        ("resolution_note", o(&c.resolution_note)),
        ("cancelled_at", t_opt(c.cancelled_at, off)),
        ("cancel_reason", o(&c.cancel_reason)),
        (
            "sla_met",
            sla_met.map(|m| m.to_string()).unwrap_or_default(),
        ),
    ];
    cols.into_iter().map(|(k, v)| (k, for_file(&v))).collect()
}

fn event_columns(e: &Event, off: FixedOffset, lang: Lang) -> [(&'static str, String); 6] {
    let o = |v: &Option<String>| v.as_deref().map(for_file).unwrap_or_default();
    [
        ("event_at", t(e.at, off)),
        ("event_officer", for_file(&e.officer_shown())),
        ("event_kind", for_file(&e.kind)),
        ("event_before", o(&e.before)),
        ("event_after", o(&e.after)),
        ("event_note", o(&desk_note::shown(e, lang))),
    ]
}

/// One row per event, the complaint's columns repeated: a flat file any sheet opens.
fn csv(items: &[ExportedComplaint], off: FixedOffset, lang: Lang) -> String {
    let mut out = String::new();
    for (n, i) in items.iter().enumerate() {
        let cols = columns(&i.complaint, i.sla_met, off);
        for e in &i.events {
            let ev = event_columns(e, off, lang);
            if n == 0 && out.is_empty() {
                let names: Vec<&str> = cols.iter().chain(ev.iter()).map(|(k, _)| *k).collect();
                out.push_str(&csv_line(&names));
            }
            let cells: Vec<&str> = cols
                .iter()
                .chain(ev.iter())
                .map(|(_, v)| v.as_str())
                .collect();
            out.push_str(&csv_line(&cells));
        }
    }
    out
}

#[derive(Serialize)]
struct EventJson {
    at: String,
    officer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    officer_name: Option<String>,
    kind: String,
    before: Option<String>,
    after: Option<String>,
    note: Option<String>,
}

/// The complaint's fields in column order, then its events.
struct ComplaintJson {
    fields: Vec<(&'static str, serde_json::Value)>,
    events: Vec<EventJson>,
}

impl Serialize for ComplaintJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.fields.len() + 1))?;
        for (k, v) in &self.fields {
            m.serialize_entry(k, v)?;
        }
        m.serialize_entry("events", &self.events)?;
        m.end()
    }
}

fn to_json(i: &ExportedComplaint, off: FixedOffset, lang: Lang) -> ComplaintJson {
    let c = &i.complaint;
    let mut fields = Vec::new();
    for (k, v) in columns(c, i.sla_met, off) {
        let value = match k {
            // Lists and flags keep their shape; empty text is null.
            "aju" => serde_json::json!(files(&c.details.aju)),
            "attachments" => serde_json::json!(files(&c.details.attachments)),
            "sla_met" => serde_json::json!(i.sla_met),
            _ if v.is_empty() => serde_json::Value::Null,
            _ => serde_json::Value::String(v),
        };
        fields.push((k, value));
    }
    ComplaintJson {
        fields,
        events: i
            .events
            .iter()
            .map(|e| EventJson {
                at: t(e.at, off),
                officer: for_file(&e.officer),
                officer_name: e.officer_name.as_deref().map(for_file),
                kind: for_file(&e.kind),
                before: e.before.as_deref().map(for_file),
                after: e.after.as_deref().map(for_file),
                note: desk_note::shown(e, lang).as_deref().map(for_file),
            })
            .collect(),
    }
}

fn files(list: &[String]) -> Vec<String> {
    list.iter().map(|s| for_file(s)).collect()
}

/// Two sheets: the complaints, one row each, and their events.
fn xlsx(items: &[ExportedComplaint], off: FixedOffset, lang: Lang) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let bold = Format::new().set_bold();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Pengaduan")?;
    for (r, i) in items.iter().enumerate() {
        let cols = columns(&i.complaint, i.sla_met, off);
        if r == 0 {
            for (c, (k, _)) in cols.iter().enumerate() {
                ws.write_with_format(0, c as u16, *k, &bold)?;
            }
        }
        for (c, (_, v)) in cols.iter().enumerate() {
            ws.write(1 + r as u32, c as u16, v.as_str())?;
        }
    }
    let ev = wb.add_worksheet();
    ev.set_name("Riwayat")?;
    let mut row = 0u32;
    for i in items {
        for e in &i.events {
            let cols = event_columns(e, off, lang);
            if row == 0 {
                ev.write_with_format(0, 0, "ref", &bold)?;
                for (c, (k, _)) in cols.iter().enumerate() {
                    ev.write_with_format(0, 1 + c as u16, *k, &bold)?;
                }
                row = 1;
            }
            ev.write(row, 0, i.complaint.reference.as_str())?;
            for (c, (_, v)) in cols.iter().enumerate() {
                ev.write(row, 1 + c as u16, v.as_str())?;
            }
            row += 1;
        }
    }
    Ok(wb.save_to_buffer()?)
}

/// `purge`: the personal data of complaints closed longer ago than `[retention] months`.
pub fn purge(desk: &mut Desk, dry_run: bool, json: bool, lang: Lang) -> Result<()> {
    let off = desk.calendar().offset();
    let purging = Progress::spinner(M::ProgressPurge.get(lang), json);
    let r = desk.purge(dry_run)?;
    drop(purging);
    let cleared = r.done.as_ref().is_none_or(|d| d.file_cleared);
    if json {
        let complaints: Vec<Value> = r
            .candidates
            .iter()
            .map(|c| serde_json::json!({"ref": c.reference, "closed_at": t(c.closed_at, off)}))
            .collect();
        say!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "dry_run": dry_run,
                "retention_months": r.months,
                "closed_before": t(r.cutoff, off),
                "complaints": complaints,
                "purged": r.done.as_ref().map_or(0, |d| d.complaints),
                "event_notes_blanked": r.done.as_ref().map_or(0, |d| d.events_blanked),
                "drafts_removed": r.done.as_ref().map_or(0, |d| d.drafts),
                "file_cleared": r.done.as_ref().map(|d| d.file_cleared),
            }))?
        );
    } else {
        let n = r.candidates.len();
        let line = match &r.done {
            None => M::PurgeWould(lang, n, t(r.cutoff, off), r.months),
            Some(d) => M::PurgeDone(lang, d.complaints, d.events_blanked, d.drafts),
        };
        say!("{line}");
        // The list is what a dry run is for; after the purge the count says it.
        if dry_run {
            for c in &r.candidates {
                say!("  {}  {}", c.reference, t(c.closed_at, off));
            }
        }
    }
    if !cleared {
        // The purge itself is committed; only the rebuild waits for the other reader.
        let m = if desk.file().is_none() {
            M::PurgeServerBusy
        } else {
            M::PurgeFileBusy
        };
        tell!("! purge: {}", m.get(lang));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        assert_eq!(
            csv_line(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(
            csv_line(&["=HYPERLINK(\"x\")"]),
            "\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
        // A phone stays text in a spreadsheet, its + and every digit kept.
        assert_eq!(
            csv_line(&["+6281234567890", "-12", "+SUM(A1)", "+12"]),
            "\"=\"\"+6281234567890\"\"\",-12,'+SUM(A1),+12\r\n"
        );
    }
}
