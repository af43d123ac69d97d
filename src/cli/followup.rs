//! `followup` and `notify`: the tickets at Dir. IKC after the handover, a status
//! asked of BCare now or typed from the portal, and the notice owed to the
//! applicant once Dir. IKC has solved it.

use crate::bcare::portal;
use crate::config::ClientKind;
use crate::desk::Desk;
use crate::desk::StatusChange;
use crate::desk::polled::PollReport;
use crate::domain::followup::FollowupItem;
use crate::domain::msg::{Lang, M, words};
use crate::domain::text::for_terminal;
use anyhow::{Result, bail};

#[derive(clap::Args, Debug)]
pub struct FollowupArgs {
    /// A complaint whose ticket status you read on the portal (with --status).
    #[arg(requires = "status", conflicts_with = "poll")]
    pub reference: Option<String>,
    /// Ask BCare now about every ticket at Dir. IKC and print what changed (http client).
    #[arg(long)]
    pub poll: bool,
    /// The ticket's status as the portal shows it (e.g. "in progress", "selesai").
    #[arg(long, requires = "reference")]
    pub status: Option<String>,
    /// Your words with the status.
    #[arg(long, requires = "status")]
    pub note: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct NotifyArgs {
    /// The resolved complaints whose applicants you tell (all or none).
    #[arg(value_name = "REF", required_unless_present = "ticket")]
    pub references: Vec<String>,
    /// Every applicant on this ticket owed the notice.
    #[arg(long, conflicts_with = "references")]
    pub ticket: Option<String>,
    /// langsung, telepon, whatsapp, email, surat, lainnya (default: the channel
    /// each ticket number was handed over by)
    #[arg(long)]
    pub via: Option<String>,
}

/// Several applicants told: each one's message (copied together), or in JSON as
/// `handover --ticket` prints its callers.
fn notified_many(
    told: &[(
        crate::domain::complaint::Complaint,
        crate::domain::complaint::Channel,
        String,
    )],
    json: bool,
    lang: Lang,
) -> Result<()> {
    use crate::domain::handover::contact_for;
    if json {
        let out: Vec<_> = told
            .iter()
            .map(|(c, via, text)| {
                serde_json::json!({
                    "ref": c.reference,
                    "ticket_no": c.ticket_no,
                    "applicant": c.details.applicant.name,
                    "via": via.as_str(),
                    "contact": contact_for(c, *via).ok().flatten(),
                    "message": text,
                })
            })
            .collect();
        say!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "notified": out }))?
        );
        return Ok(());
    }
    let all: Vec<String> = told
        .iter()
        .map(|(c, via, text)| {
            let to = contact_for(c, *via).ok().flatten().unwrap_or("-");
            format!(
                "— {} · {} · {} {to}\n{text}",
                c.reference,
                c.details.applicant.name,
                via.label(lang)
            )
        })
        .collect();
    let all = all.join("\n\n");
    if portal::osc52_allowed() {
        put!("{}", portal::osc52(&all));
    }
    say!("{}", for_terminal(&all));
    say!();
    say!("{}", M::NotifiedMany(lang, told.len().to_string()));
    Ok(())
}

/// Whether the command writes (a status, a poll) or only lists.
pub fn writes(a: &FollowupArgs) -> bool {
    a.poll || a.status.is_some()
}

pub fn run(desk: &mut Desk, a: &FollowupArgs, json: bool, lang: Lang) -> Result<()> {
    if a.poll {
        return poll(desk, json, lang);
    }
    if let (Some(reference), Some(status)) = (&a.reference, &a.status) {
        let changes = desk.record_status(reference, status, a.note.as_deref())?;
        if json {
            say!("{}", serde_json::to_string_pretty(&changes)?);
        } else if changes.is_empty() {
            say!("{}", M::SameStatus(lang, reference));
        } else {
            print_changes(&changes, lang);
        }
        return Ok(());
    }
    list(desk, json, lang)
}

fn poll(desk: &mut Desk, json: bool, lang: Lang) -> Result<()> {
    let cfg = desk.config().clone();
    if cfg.bcare.client == ClientKind::Portal {
        bail!(M::PollPortal(lang, &cfg.bcare.portal_url));
    }
    if cfg.bcare.client == ClientKind::Sim {
        // Its tickets live in the desk screen's process (its worker polls them).
        bail!(M::PollSim.get(lang));
    }
    // BCare answers ticket by ticket, seconds each when it is slow.
    let asking = super::progress::Progress::spinner(M::ProgressPoll.get(lang), json);
    let report: PollReport = desk.poll_followup()?;
    drop(asking);
    if report.token_expired {
        // One line, and nothing was changed by the walk it cut short.
        if json {
            say!("{}", serde_json::to_string_pretty(&report)?);
        }
        bail!(M::TokenRefusedLine.get(lang));
    }
    if json {
        say!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for n in &report.numbers {
            say!(
                "{}",
                M::NumberFromCeisacare(lang, &n.reference, &n.ticket_no)
            );
        }
        for o in &report.other_tickets {
            tell!(
                "{}",
                M::OtherTicketNamesIt(lang, &o.ticket_no, &o.reference, &o.kept)
            );
        }
        if report.imported > 0 {
            say!("{}", M::CeisacareImported(lang, report.imported));
        }
        if report.changes.is_empty() && report.numbers.is_empty() && report.imported == 0 {
            say!("{}", M::PollNoChange(lang, report.asked));
        }
        print_changes(&report.changes, lang);
    }
    // When the poll stopped early, the last failure is why: it is the error line.
    let (cause, others) = match report.failures.split_last() {
        Some((last, rest)) if report.stopped => (Some(last), rest),
        _ => (None, &report.failures[..]),
    };
    for f in others {
        eprintln!("! {}: {}", f.ticket_no, for_terminal(&f.error));
    }
    if let Some(f) = cause {
        let why = for_terminal(&f.error);
        if !report.unreachable {
            bail!(M::PollRefused(lang, &why));
        }
        bail!(M::PollUnreachable(lang, &why));
    }
    Ok(())
}

fn print_changes(changes: &[StatusChange], lang: Lang) {
    for c in changes {
        let before = c.before.as_deref().map(for_terminal).unwrap_or("—".into());
        let mut line = format!(
            "{}  {}  {} → {}",
            c.reference,
            c.ticket_no,
            before,
            for_terminal(&c.after)
        );
        if c.resolved {
            line.push_str(M::ResolvedOwed.get(lang));
        }
        say!("{line}");
    }
}

#[derive(serde::Serialize)]
struct Listing<'a> {
    portal_url: &'a str,
    chase_after_days: u32,
    notices_owed: i64,
    to_chase: usize,
    tickets: &'a [FollowupItem],
}

fn list(desk: &Desk, json: bool, lang: Lang) -> Result<()> {
    let items = desk.followup()?;
    let cfg = desk.config();
    let listing = Listing {
        portal_url: &cfg.bcare.portal_url,
        chase_after_days: cfg.followup.chase_after_days,
        // Counted, not taken from the list: the list stops at its limit.
        notices_owed: desk.notices_owed()?,
        to_chase: items.iter().filter(|i| i.chase).count(),
        tickets: &items,
    };
    if json {
        say!("{}", serde_json::to_string_pretty(&listing)?);
        return Ok(());
    }
    say!(
        "{} ({}): {} {}, {} {}",
        M::FuTitle.get(lang),
        items.len(),
        listing.notices_owed,
        M::FuNoticesOwed.get(lang),
        listing.to_chase,
        M::FuToChase.get(lang),
    );
    for i in &items {
        let flag = match (i.notify_owed, i.chase) {
            (true, _) => M::FuNotify.get(lang),
            (false, true) => M::FuChase.get(lang),
            _ => "",
        };
        say!(
            "  {}  {}  {:>3} {}  {:<12} {:<14}{flag}",
            i.reference,
            i.ticket_no,
            i.working_days_open,
            M::WordWorkingDays.get(lang),
            words::event_value(i.stage, lang),
            i.last_status
                .as_deref()
                .map(for_terminal)
                .unwrap_or("—".into()),
        );
    }
    if listing.to_chase > 0 {
        say!(
            "{}",
            M::FuChaseHint(lang, listing.chase_after_days, listing.portal_url)
        );
    }
    Ok(())
}

pub fn notify(desk: &mut Desk, a: &NotifyArgs, json: bool, lang: Lang) -> Result<()> {
    let refs = match &a.ticket {
        Some(t) => desk
            .owed_on_ticket(t)?
            .into_iter()
            .map(|c| c.reference)
            .collect(),
        None => a.references.clone(),
    };
    let mut told = desk.notify_many(&refs, a.via.as_deref(), lang)?;
    if told.len() > 1 || a.ticket.is_some() {
        return notified_many(&told, json, lang);
    }
    let (c, via, text) = told.remove(0);
    let copied = !json && portal::osc52_allowed();
    if json {
        say!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "ref": c.reference,
                "ticket_no": c.ticket_no,
                "via": via.as_str(),
                "message": text,
            }))?
        );
        return Ok(());
    }
    if copied {
        put!("{}", portal::osc52(&text));
    }
    say!("{}", for_terminal(&text));
    say!();
    say!(
        "{}",
        match (lang, copied) {
            (Lang::Id, true) => format!(
                "{}: pemberitahuan dicatat; pesan disalin ke clipboard",
                c.reference
            ),
            (Lang::Id, false) => format!(
                "{}: pemberitahuan dicatat; kirim pesan di atas",
                c.reference
            ),
            (Lang::En, true) => format!(
                "{}: notice recorded; the message is on the clipboard",
                c.reference
            ),
            (Lang::En, false) =>
                format!("{}: notice recorded; send the message above", c.reference),
        }
    );
    Ok(())
}
