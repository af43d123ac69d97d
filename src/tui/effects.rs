//! Work that `update` asks for, carried out against the desk. Each effect comes
//! back as an `Outcome` message; nothing here touches the screen.

use super::app::{DetailView, QueueRow, StatusCounts};
use super::effect::Effect;
use super::outcome::Outcome;
use crate::desk::ListQuery;
use crate::desk::{Desk, Forwarded, LinkTarget};
use crate::domain::complaint::Stage;
use crate::domain::msg::Lang;
use chrono::TimeDelta;

/// The intake draft's name in the drafts table.
pub const INTAKE_DRAFT: &str = "intake";

/// How long "due soon" is, in working time.
const DUE_SOON: TimeDelta = TimeDelta::minutes(30);

/// Runs one effect; terminal-side effects (`Copy`, `NudgeWorker`, `Search`) are left to the caller.
pub fn run(desk: &mut Desk, lang: Lang, effect: Effect) -> Vec<Outcome> {
    let failed = |e: crate::desk::DeskError| {
        // Only the kind: a refusal's text can quote what was typed (personal data).
        let kind = match &e {
            crate::desk::DeskError::Invalid(_) => "invalid",
            crate::desk::DeskError::Illegal(_) => "illegal step",
            crate::desk::DeskError::Database(_) => "database",
            crate::desk::DeskError::Other(_) => "other",
        };
        tracing::warn!(kind, "desk refused an action");
        vec![Outcome::Failed(e.text(lang))]
    };
    match effect {
        Effect::LoadQueue(q) => {
            let rows = match &q.search {
                _ if q.history.is_some() => {
                    let (from, to) = q.history.unwrap_or_default();
                    desk.history(from, to, q.after.map(|k| k.id), q.limit + 1)
                }
                Some(text) if !text.trim().is_empty() => desk.search(text, q.limit + 1),
                _ => desk.list(&ListQuery {
                    stages: q.stages.clone(),
                    deadline_before: None,
                    category: None,
                    after: q.after,
                    limit: q.limit + 1,
                }),
            };
            match rows {
                Ok(mut rows) => {
                    let more = rows.len() > q.limit;
                    rows.truncate(q.limit);
                    let rows = rows
                        .into_iter()
                        .map(|c| QueueRow {
                            sla: desk.sla_of(&c),
                            complaint: c,
                        })
                        .collect();
                    vec![Outcome::QueueLoaded { rows, more }]
                }
                Err(e) => failed(e),
            }
        }
        Effect::LoadDetail(None) => vec![Outcome::DetailLoaded(None)],
        Effect::LoadDetail(Some(reference)) => match desk.dossier(&reference) {
            Ok(dossier) => {
                let report = desk.report(&dossier.complaint).ok();
                vec![Outcome::DetailLoaded(Some(Box::new(DetailView {
                    dossier,
                    report,
                })))]
            }
            Err(e) => failed(e),
        },
        Effect::LoadCalendar(years) => {
            if let Err(e) = desk.refresh_calendar() {
                tracing::warn!(error = %e, "could not read the holidays again");
            }
            let cal = desk.calendar();
            vec![Outcome::CalendarLoaded(
                years
                    .into_iter()
                    .map(|year| super::app::CalendarYear {
                        year,
                        coverage: cal.coverage(year),
                        holidays: cal.holidays_in_year(year).into_iter().cloned().collect(),
                    })
                    .collect(),
            )]
        }
        Effect::ApplyAnnouncement { year, holidays } => {
            match desk.apply_announcement(year, &holidays) {
                Ok(days) => vec![
                    Outcome::AnnouncementApplied { year, days },
                    Outcome::CalendarNotice(desk.calendar_notice()),
                ],
                Err(e) => failed(e),
            }
        }
        Effect::LoadCounts => {
            // Another desk may have entered holidays: the deadlines and the
            // calendar's word follow, with the counts.
            if let Err(e) = desk.refresh_calendar() {
                tracing::warn!(error = %e, "could not read the holidays again");
            }
            match counts(desk) {
                Ok(c) => vec![
                    Outcome::CountsLoaded(c),
                    Outcome::CalendarNotice(desk.calendar_notice()),
                ],
                Err(e) => failed(e),
            }
        }
        Effect::RefreshSla(complaints) => vec![Outcome::SlaRefreshed(
            complaints.iter().map(|c| desk.sla_of(c)).collect(),
        )],
        Effect::CheckFields { form, fields } => {
            let errors = desk.check_intake(&form).err().unwrap_or_default();
            fields
                .into_iter()
                .map(|field| Outcome::FieldChecked {
                    field,
                    error: errors
                        .iter()
                        .find(|e| e.field == field)
                        .map(|e| message_only(&e.text(lang))),
                })
                .collect()
        }
        Effect::SaveIntake(form) => match desk.intake(&form) {
            Ok((c, warnings)) => {
                if let Err(e) = desk.delete_draft(INTAKE_DRAFT) {
                    tracing::warn!(error = %e, "could not delete the intake draft");
                }
                let mut warnings: Vec<String> = warnings
                    .iter()
                    .map(|w| super::words::field_message(w.field, &w.text(lang), lang))
                    .collect();
                // The same caller again is named, never refused; the complaint is saved.
                // The latest one: the notice is one line, `show` has the rest.
                match desk.same_caller(&c) {
                    Ok(same) => warnings.extend(same.first().map(|s| s.said(lang))),
                    Err(e) => tracing::warn!(error = %e, "could not look for the same caller"),
                }
                vec![Outcome::IntakeSaved {
                    reference: c.reference,
                    warnings,
                }]
            }
            Err(crate::desk::DeskError::Invalid(errors)) => vec![Outcome::IntakeRefused(errors)],
            Err(e) => failed(e),
        },
        Effect::SaveDraft(form) => {
            // A field the secret guard refuses is not written to disk (names only in the log).
            let typed = serde_json::to_value(&form).unwrap_or_default();
            let (kept, refused) = crate::domain::text::draft_safe(&typed);
            if !refused.is_empty() {
                tracing::info!(fields = ?refused, "draft saved without fields that look like secrets");
            }
            let body = kept.to_string();
            if let Err(e) = desk.save_draft(INTAKE_DRAFT, &body) {
                tracing::warn!(error = %e, "could not save the intake draft");
            }
            Vec::new()
        }
        Effect::DeleteDraft => {
            if let Err(e) = desk.delete_draft(INTAKE_DRAFT) {
                tracing::warn!(error = %e, "could not delete the intake draft");
            }
            Vec::new()
        }
        Effect::PrepareForward(reference) => {
            match desk.get(&reference).and_then(|c| desk.report(&c)) {
                Ok(report) => vec![Outcome::ReportReady { reference, report }],
                Err(e) => failed(e),
            }
        }
        Effect::Forward { reference, report } => match desk.forward_report(&reference, &report) {
            Ok((_, Forwarded::Portal { portal_url, .. })) => vec![Outcome::Forwarded {
                reference,
                portal_url: Some(portal_url),
                client: desk.config().bcare.client.as_str().into(),
            }],
            Ok((_, Forwarded::Queued { client, .. })) => vec![Outcome::Forwarded {
                reference,
                portal_url: None,
                client,
            }],
            Err(e) => failed(e),
        },
        Effect::LoadOpenTickets { category } => match desk.open_tickets(Some(&category)) {
            Ok(list) => vec![Outcome::OpenTickets(list)],
            Err(e) => failed(e),
        },
        Effect::RecordTicket { reference, raw } => match desk.record_ticket(&reference, &raw) {
            Ok((c, warning)) => vec![Outcome::TicketRecorded {
                reference,
                ticket_no: c.ticket_no.unwrap_or_default(),
                warning: warning.map(|w| super::words::field_message(w.field, &w.text(lang), lang)),
            }],
            Err(e) => failed(e),
        },
        Effect::Link { reference, other } => {
            match desk.link(&reference, &LinkTarget::Complaint(other)) {
                Ok((c, warning)) => vec![Outcome::TicketRecorded {
                    reference,
                    ticket_no: c.ticket_no.unwrap_or_default(),
                    warning: warning
                        .map(|w| super::words::field_message(w.field, &w.text(lang), lang)),
                }],
                Err(e) => failed(e),
            }
        }
        Effect::LinkTicket { reference, raw } => {
            match desk.link(&reference, &LinkTarget::Ticket(raw)) {
                Ok((c, warning)) => vec![Outcome::TicketRecorded {
                    reference,
                    ticket_no: c.ticket_no.unwrap_or_default(),
                    warning: warning
                        .map(|w| super::words::field_message(w.field, &w.text(lang), lang)),
                }],
                Err(e) => failed(e),
            }
        }
        Effect::HandOver {
            reference,
            via,
            reach,
        } => match desk.hand_over_reaching(&reference, &via, reach.as_deref(), None, None) {
            Ok(_) => vec![Outcome::HandedOver { reference }],
            Err(e) => failed(e),
        },
        Effect::HandOverLate {
            reference,
            via,
            reason,
            words,
        } => match desk.hand_over_with_reason(&reference, &via, Some(&reason), Some(&words)) {
            Ok(_) => vec![Outcome::HandedOver { reference }],
            Err(e) => failed(e),
        },
        Effect::Resolve { reference, note } => match desk.resolve(&reference, &note) {
            Ok(_) => vec![Outcome::Closed {
                reference,
                resolved: true,
            }],
            Err(e) => failed(e),
        },
        Effect::Cancel { reference, reason } => match desk.cancel(&reference, &reason) {
            Ok(_) => vec![Outcome::Closed {
                reference,
                resolved: false,
            }],
            Err(e) => failed(e),
        },
        Effect::SaveReport { reference, text } => {
            match save_report(desk, &reference, &text, lang) {
                Ok(path) => vec![Outcome::ReportSaved(path)],
                Err(e) => {
                    tracing::warn!(error = %e, "could not save a report file");
                    vec![Outcome::Failed(e.to_string())]
                }
            }
        }
        Effect::CheckDataVersion => match desk.data_version() {
            Ok(v) => vec![Outcome::DataVersion(v)],
            Err(e) => {
                // Not worth a notice every second: the next tick asks again.
                tracing::warn!(error = %e, "could not read the data version");
                Vec::new()
            }
        },
        Effect::OpenHandover(reference) => match desk.get(&reference) {
            Ok(c) if c.stage == Stage::Ticketed => vec![Outcome::HandoverReady(Box::new(c))],
            Ok(_) => Vec::new(),
            Err(e) => failed(e),
        },
        Effect::LoadSectionReport(period) => {
            match desk.section_report(period, crate::domain::report::GroupBy::Category) {
                Ok(r) => vec![Outcome::SectionReportLoaded(Box::new(r))],
                Err(e) => failed(e),
            }
        }
        Effect::LoadShift => match super::shift::load(desk) {
            Ok(s) => vec![Outcome::ShiftLoaded(Box::new(s))],
            Err(e) => failed(e),
        },
        Effect::SaveToken(pasted) => match desk.save_ceisacare_token(&pasted) {
            Ok(state) => vec![Outcome::Token(state)],
            Err(e) => failed(e),
        },
        Effect::Copy(_) | Effect::NudgeWorker | Effect::Search(_) => Vec::new(),
        other => super::callers::run(desk, other).unwrap_or_else(failed),
    }
}

/// Writes the report to `reports/REF-bcare.txt` beside the database: a directory
/// only the officer can enter, a file only the officer can read (personal data).
fn save_report(desk: &Desk, reference: &str, text: &str, lang: Lang) -> anyhow::Result<String> {
    use crate::domain::msg::M;
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    // Beside the database file; for a shared server, in this user's data dir.
    let dir = match desk.file() {
        Some(db) => db
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."))
            .to_path_buf(),
        None => crate::config::data_dir()?,
    }
    .join("reports");
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|e| anyhow::anyhow!(M::IoCreating(lang, dir.display(), e)))?;
    // The reference names the file; keep it to safe characters all the same.
    let name: String = reference
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let path = dir.join(format!("{name}-bcare.txt"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| anyhow::anyhow!(M::IoWriting(lang, path.display(), e)))?;
    // An older file may have been made with wider rights: narrow them.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(|e| anyhow::anyhow!(M::IoSettingRights(lang, path.display(), e)))?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.write_all(b"\n"))
        .and_then(|_| file.sync_all())
        .map_err(|e| anyhow::anyhow!(M::IoWriting(lang, path.display(), e)))?;
    Ok(path.display().to_string())
}

/// "phone: must start …" → "must start …": the field is already named on screen.
fn message_only(text: &str) -> String {
    text.split_once(": ")
        .map(|(_, m)| m.to_string())
        .unwrap_or_else(|| text.to_string())
}

/// The status bar numbers. "Due soon" counts running complaints whose deadline
/// falls within the next 30 working minutes (counted by the store).
fn counts(desk: &Desk) -> crate::desk::Result<StatusCounts> {
    Ok(StatusCounts {
        queue: desk.counts()?,
        due_soon: desk.due_within(DUE_SOON)?,
        notices_owed: desk.notices_owed()?,
    })
}
