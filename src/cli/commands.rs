//! Running one command: each is thin over the desk.

use super::output::{
    complaint_json, dossier_json, dossier_text, list_lines, print_step, warnings_text,
};
use super::{Command, Setup, print_json};
use super::{
    bcare, calendar, ceisacare, export, followup, incident, log_file, message, migrate, progress,
    report, roles, rollup, survey,
};
use crate::desk::ListQuery;
use crate::desk::{Desk, Forwarded, LinkTarget};
use crate::domain::complaint::Stage;
use crate::domain::msg::{Lang, M};
use crate::domain::sla;
use crate::domain::when::{parse_instant, rfc3339_local, short_local};
use anyhow::{Result, anyhow, bail};
use chrono::{Datelike, TimeDelta};

fn stages_of(s: &str) -> Result<Vec<Stage>> {
    Ok(match s.trim().to_ascii_lowercase().as_str() {
        "running" => Stage::SLA_RUNNING.to_vec(),
        "open" => Stage::ALL.into_iter().filter(|s| s.is_open()).collect(),
        "all" => Stage::ALL.to_vec(),
        other => vec![Stage::parse(other).ok_or_else(|| {
            anyhow!(
                "--stage: '{other}' is not a stage; use received, forwarded, ticketed, handed_over, resolved, cancelled, running, open or all"
            )
        })?],
    })
}

/// Runs one command (not the TUI).
pub(super) fn run(command: &Command, s: &Setup, json: bool) -> Result<()> {
    let lang = s.lang;
    match command {
        Command::Intake(args) => {
            let form = message::intake_form(args)?;
            let mut desk = s.open_desk()?;
            warn_calendar_gap(&desk, lang);
            let (c, warnings) = match &args.link_to {
                Some(target) => desk.intake_linked(&form, &incident::link_to(target))?,
                None => desk.intake(&form)?,
            };
            let candidates = match &args.link_to {
                Some(_) => Vec::new(),
                None => incident::candidates_after_intake(&desk, &c)?,
            };
            // A warning, never a refusal: the complaint is saved either way.
            let same_caller = desk.same_caller(&c)?;
            if json {
                let mut j = complaint_json(&desk, &c, desk.sla_of(&c), None);
                j.warnings = Some(warnings_text(&warnings, lang));
                let mut v = serde_json::to_value(&j)?;
                v["incident_candidates"] = incident::candidates_json(&desk, &candidates);
                v["duplicates"] = serde_json::to_value(&same_caller)?;
                return print_json(&v);
            }
            let off = desk.calendar().offset();
            let deadline = short_local(c.sla_deadline, off);
            say!("{}", M::Received(lang, &c.reference, &deadline));
            if let Some(t) = &c.ticket_no {
                say!("{}", M::LinkedToTicket(lang, &c.reference, t));
            }
            incident::print_hints(&candidates, &c.reference, lang);
            for s in &same_caller {
                say!("! {}", s.said(lang));
            }
            for w in warnings {
                tell!("! {}", w.said(lang));
            }
        }
        Command::List {
            stage,
            overdue,
            category,
            limit,
        } => {
            let desk = s.open_desk_read_only()?;
            warn_calendar_gap(&desk, lang);
            let q = ListQuery {
                stages: stages_of(stage)?,
                deadline_before: overdue.then(|| desk.now()),
                category: category.as_ref().map(|c| c.trim().to_ascii_uppercase()),
                after: None,
                limit: (*limit).clamp(1, 10_000),
            };
            let rows = desk.list(&q)?;
            print_complaints(&desk, &rows, json, lang)?;
        }
        Command::Show { reference } => {
            let desk = s.open_desk_read_only()?;
            let d = desk.dossier(reference)?;
            if json {
                return print_json(&dossier_json(&desk, &d));
            }
            put!("{}", dossier_text(&desk, &d, lang));
        }
        Command::Search { text, limit } => {
            let desk = s.open_desk_read_only()?;
            let rows = desk.search(text, (*limit).clamp(1, 1000))?;
            print_complaints(&desk, &rows, json, lang)?;
        }
        Command::Forward { reference, wait } => {
            let mut desk = s.open_existing_desk()?;
            let (c, outcome) = desk.forward(reference)?;
            match &outcome {
                Forwarded::Portal { report, portal_url } => {
                    if json {
                        print_json(&serde_json::json!({
                            "ref": c.reference, "stage": c.stage.as_str(),
                            "client": desk.config().bcare.client.as_str(),
                            "portal_url": portal_url, "report": report,
                        }))?;
                    } else {
                        // The portal client shows the sheet and copies the report (OSC 52).
                        use crate::bcare::{BcareClient, portal};
                        portal::PortalClient::new(
                            portal_url.clone(),
                            Box::new(std::io::stdout()),
                            portal::osc52_allowed(),
                        )
                        .with_lang(lang)
                        .file(&c.reference, report)
                        .map_err(|e| anyhow!("{e}"))?;
                    }
                }
                Forwarded::Queued { client, .. } => {
                    if let Some(secs) = wait {
                        return bcare::wait_for_delivery(
                            &mut desk,
                            &c.reference,
                            std::time::Duration::from_secs(*secs),
                            json,
                            lang,
                        );
                    }
                    if json {
                        print_json(&serde_json::json!({
                            "ref": c.reference, "stage": c.stage.as_str(), "client": client, "queued": true,
                        }))?;
                    } else {
                        say!("{}", M::ForwardQueued(lang, &c.reference, client));
                    }
                }
            }
        }
        Command::Ticket {
            reference,
            ticket_no,
        } => {
            let mut desk = s.open_existing_desk()?;
            let (c, warning) = desk.record_ticket(reference, ticket_no)?;
            print_step(
                &desk,
                &c,
                warning.map(|w| warning_line(&w, json, lang)),
                json,
                lang,
            )?;
        }
        Command::Link {
            references,
            ticket,
            to,
        } => {
            let mut desk = s.open_existing_desk()?;
            let target = match (ticket, to) {
                (Some(t), _) => LinkTarget::Ticket(t.clone()),
                (None, Some(r)) => LinkTarget::Complaint(r.clone()),
                (None, None) => bail!(M::LinkNeedsTarget.get(lang)),
            };
            if let [reference] = references.as_slice() {
                let (c, warning) = desk.link(reference, &target)?;
                print_step(
                    &desk,
                    &c,
                    warning.map(|w| warning_line(&w, json, lang)),
                    json,
                    lang,
                )?;
            } else {
                let (done, warning) = desk.link_many(references, &target)?;
                incident::print_steps(
                    &desk,
                    &done,
                    warning.map(|w| warning_line(&w, json, lang)),
                    json,
                    lang,
                )?;
            }
        }
        Command::Handover {
            references,
            ticket,
            via,
            late_reason,
            note,
            email,
            phone,
        } => {
            let mut desk = s.open_existing_desk()?;
            let (late_reason, note) = (late_reason.as_deref(), note.as_deref());
            let reach = email.as_deref().or(phone.as_deref());
            if reach.is_some() && (ticket.is_some() || references.len() != 1) {
                bail!("--email/--phone: one complaint at a time (the address is its applicant's)");
            }
            if let (None, [reference]) = (ticket, references.as_slice()) {
                let c = desk.hand_over_reaching(reference, via, reach, late_reason, note)?;
                print_step(&desk, &c, None, json, lang)?;
            } else {
                let done = match ticket {
                    Some(t) => desk.hand_over_ticket(t, via, late_reason, note)?,
                    None => desk.hand_over_many(references, via, late_reason, note)?,
                };
                // Parsed again only to name it: the desk refused a bad one already.
                let via = crate::domain::complaint::Channel::parse(via)
                    .ok_or_else(|| anyhow!(M::UnknownVia.get(lang)))?;
                incident::print_handovers(&desk, &done, via, json, lang)?;
            }
        }
        Command::Resolve {
            references,
            ticket,
            note,
        } => {
            let mut desk = s.open_existing_desk()?;
            if let (None, [reference]) = (ticket, references.as_slice()) {
                let c = desk.resolve(reference, note)?;
                print_step(&desk, &c, None, json, lang)?;
            } else {
                let (done, waiting) = match ticket {
                    Some(t) => desk.resolve_ticket(t, note)?,
                    None => (desk.resolve_many(references, note)?, Vec::new()),
                };
                incident::print_steps(&desk, &done, None, json, lang)?;
                incident::warn_waiting(&waiting, lang);
            }
        }
        Command::Cancel { references, reason } => {
            let mut desk = s.open_existing_desk()?;
            if let [reference] = references.as_slice() {
                let c = desk.cancel(reference, reason)?;
                print_step(&desk, &c, None, json, lang)?;
            } else {
                let done = desk.cancel_many(references, reason)?;
                incident::print_steps(&desk, &done, None, json, lang)?;
            }
        }
        Command::Sla { start, hours } => sla_command(s, start, *hours, json, lang)?,
        Command::Check => {
            let desk = s.open_desk_read_only()?;
            let r = desk.check()?;
            // Retention: a notice, not a failure.
            let purge_due = desk.purge_due()?.len();
            if json {
                let mut v = serde_json::to_value(&r)?;
                v["purge_due"] = purge_due.into();
                print_json(&v)?;
            } else {
                say!("{}", M::CheckDatabase(lang, &r.database, r.schema_version));
                say!("{}", M::CheckIntegrity(lang, r.integrity.join("; ")));
                say!("{}", M::CheckComplaints(lang, r.complaints));
                say!("{}", M::CheckCalendar(lang, &r.calendar));
                if purge_due > 0 {
                    let months = desk.config().retention.months;
                    say!("{}", M::CheckRetention(lang, purge_due, months));
                }
            }
            if let Some(n) = desk.calendar_notice() {
                if n.is_alarm() {
                    bail!(M::CalendarGapDoctor(lang, n.year()));
                }
                // Next year's holidays: a warning, and `check` still passes.
                tell!("{}", n.text(lang));
            }
            if r.integrity != ["ok"] {
                bail!(M::IntegrityFailed.get(lang));
            }
        }
        Command::Backup { path } => {
            let desk = s.open_desk_read_only()?;
            let shown = path.display().to_string();
            let copying = progress::Progress::spinner(&M::ProgressBackup(lang, &shown), json);
            desk.backup(path)?;
            drop(copying);
            if json {
                print_json(&serde_json::json!({ "backup": path }))?;
            } else {
                say!("{}", path.display());
            }
        }
        Command::Demo { count, seed, force } => {
            let mut desk = s.open_desk()?;
            let started = std::time::Instant::now();
            let mut sampler =
                crate::demo::Sampler::new(desk.calendar().clone(), desk.now(), *count, *seed)?;
            let bar = progress::Progress::bar(M::ProgressDemo.get(lang), json);
            let total = *count as u64;
            bar.at(0, total);
            let n = desk.demo(|n| sampler.batch(n), *force, &mut |done| {
                bar.at(done as u64, total)
            })?;
            drop(bar);
            if json {
                print_json(&serde_json::json!({ "inserted": n }))?;
            } else {
                let seconds = lang.decimal(started.elapsed().as_secs_f64(), 1);
                say!("{}", M::DemoWritten(lang, n, seconds));
            }
        }
        Command::Config => config_command(s, json)?,
        Command::Manpage(args) => super::manual::manpage(args)?,
        Command::Completions(args) => super::manual::print_completions(args, lang)?,
        Command::Calendar(args) => calendar::run(s, args, json)?,
        Command::Outbox(args) => {
            // Listing only reads; `outbox retry` writes.
            let mut desk = if args.action.is_none() {
                s.open_desk_read_only()?
            } else {
                s.open_existing_desk()?
            };
            bcare::outbox(&mut desk, args, json, lang)?;
        }
        Command::Simulate(args) => bcare::simulate(args, s.clock.clone(), lang)?,
        Command::Ceisacare(args) => ceisacare::run(s, args, json)?,
        Command::ReadMessage(args) => message::read_message(args, json, lang)?,
        Command::Report(args) => report::run(&s.open_desk_read_only()?, args, json, lang)?,
        Command::Export(args) => export::run(&s.open_desk_read_only()?, args, json, lang)?,
        Command::Rollup(args) => rollup::run(args, json, lang)?,
        Command::Migrate(args) => migrate::run(s, args, json)?,
        Command::Purge { dry_run } => {
            export::purge(&mut s.open_existing_desk()?, *dry_run, json, lang)?
        }
        Command::Incident { ticket } => {
            incident::show(&s.open_desk_read_only()?, ticket, json, lang)?
        }
        Command::Followup(args) => {
            let mut desk = if followup::writes(args) {
                s.open_existing_desk()?
            } else {
                s.open_desk_read_only()?
            };
            followup::run(&mut desk, args, json, lang)?
        }
        Command::Notify(args) => followup::notify(&mut s.open_existing_desk()?, args, json, lang)?,
        Command::Survey(args) => survey::run(&mut s.open_existing_desk()?, args, json, lang)?,
        Command::Grant(args) => roles::grant(&s.open_existing_desk()?, args, json, lang)?,
        Command::Revoke(args) => roles::revoke(&s.open_existing_desk()?, args, json, lang)?,
    }
    Ok(())
}

/// A list of complaints: a JSON array, or one line each.
fn print_complaints(
    desk: &Desk,
    rows: &[crate::domain::complaint::Complaint],
    json: bool,
    lang: Lang,
) -> Result<()> {
    if json {
        let out: Vec<_> = rows
            .iter()
            .map(|c| complaint_json(desk, c, desk.sla_of(c), desk.sla_met(c)))
            .collect();
        return print_json(&out);
    }
    put!("{}", list_lines(desk, rows, lang));
    Ok(())
}

/// Says loudly, on stderr, that this year's holidays are not entered (next
/// year's, from 1 October, is said by `check`, the report and the status bar).
fn warn_calendar_gap(desk: &Desk, lang: Lang) {
    if let Some(n) = desk.calendar_notice().filter(|n| n.is_alarm()) {
        tell!("{}", n.text(lang));
    }
}

fn sla_command(s: &Setup, start: &str, hours: f64, json: bool, lang: Lang) -> Result<()> {
    let cal = s.calendar()?;
    if !(hours > 0.0 && hours <= 1000.0) {
        bail!(M::HoursRange.get(lang));
    }
    let now = (s.clock)();
    let start_t = parse_instant(start, now, cal.offset())
        .map_err(|got| anyhow!(M::StartNotATime(lang, got)))?;
    let budget = TimeDelta::seconds((hours * 3600.0).round() as i64);
    let deadline = sla::deadline(&cal, start_t, budget)
        .ok_or_else(|| anyhow!(M::NoWorkingTimeAfter(lang, start)))?;
    let off = cal.offset();
    let year = start_t.with_timezone(&off).year();
    if json {
        print_json(&serde_json::json!({
            "start": rfc3339_local(start_t, off),
            "deadline": rfc3339_local(deadline, off),
            "working_minutes": budget.num_minutes(),
            "calendar_covers_year": cal.covers_year(year),
        }))?;
    } else {
        say!("{}", rfc3339_local(deadline, off));
    }
    if !cal.covers_year(year) {
        tell!("{}", M::SlaYearUncovered(lang, year));
    }
    Ok(())
}

fn config_command(s: &Setup, json: bool) -> Result<()> {
    if json {
        return print_json(&serde_json::json!({
            "paths": s.paths,
            "config": s.config,
            "officer": s.config.officer_name(),
        }));
    }
    use crate::config::ConfigSource;
    let source = match s.paths.config_source {
        ConfigSource::Flag => M::ConfigFromFlag.get(s.lang).to_string(),
        ConfigSource::Env => M::ConfigFromEnv.get(s.lang).to_string(),
        ConfigSource::User => M::ConfigFromUser.get(s.lang).to_string(),
        ConfigSource::System => M::ConfigFromSystem.get(s.lang).to_string(),
        ConfigSource::Defaults => M::ConfigFromDefaults(s.lang, crate::config::SYSTEM_CONFIG),
    };
    say!(
        "{}",
        M::ConfigFileFrom(s.lang, s.paths.config_file.display(), source)
    );
    say!("{}", M::ConfigDatabase(s.lang, &s.paths.db));
    say!("{}", M::ConfigLog(s.lang, log_file(&s.paths).display()));
    say!("{}", M::ConfigOfficer(s.lang, s.config.officer_name()));
    say!();
    put!("{}", toml::to_string_pretty(&s.config)?);
    Ok(())
}

/// A warning as JSON keeps it (`field_key: …`) or as the officer reads it.
fn warning_line(w: &crate::domain::msg::FieldWarning, json: bool, lang: Lang) -> String {
    if json { w.text(lang) } else { w.said(lang) }
}
