//! The command line's words: the commands, their flags and what each means.

use super::{
    bcare, calendar, ceisacare, export, followup, manual, message, migrate, report, roles, rollup,
    survey,
};
use crate::domain::intake::IntakeForm;
use crate::domain::msg::Lang;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "bcare-desk",
    version,
    about = "Desk for BCare complaint tickets (Pelayanan Tiket Pengaduan BCare): from the applicant's call to the ticket number in their hands, within 2 working hours.",
    long_about = None
)]
pub struct Cli {
    /// Database: a file (default: bcare-desk.db in the user's data dir), or a
    /// postgres:// URL of a database several desks share.
    #[arg(long, global = true, env = "BCARE_DESK_DB")]
    pub db: Option<PathBuf>,
    /// Config file; without it: BCARE_DESK_CONFIG, then config.toml in the user's
    /// config dir, then /etc/bcare-desk/config.toml.
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// Language of messages: id (Bahasa Indonesia) or en.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Machine-readable output.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("'{s}': use id or en"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Record a complaint (langkah 1); prints its reference and SLA deadline.
    Intake(Box<IntakeArgs>),
    /// The queue: most urgent first.
    List {
        /// A stage (received, forwarded, ticketed, handed_over, resolved, cancelled), or
        /// "running" (the SLA clock runs: the default), "open" or "all".
        #[arg(long, default_value = "running")]
        stage: String,
        /// Only complaints past their SLA deadline.
        #[arg(long)]
        overdue: bool,
        /// Only this category.
        #[arg(long)]
        category: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// One complaint with its timeline.
    Show { reference: String },
    /// Full-text search: applicant, company, subject, description, nomor aju, ticket.
    Search {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Send the report to Dir. IKC through BCare (langkah 2).
    Forward {
        reference: String,
        /// Deliver now and wait up to SECS for the ticket number (http/sim clients).
        #[arg(long, value_name = "SECS", num_args = 0..=1, default_missing_value = "30")]
        wait: Option<u64>,
    },
    /// Record the BCare ticket number (langkah 3); again to correct a typo.
    Ticket {
        reference: String,
        ticket_no: String,
    },
    /// Share the ticket already filed for the same problem (one outage, many callers);
    /// several references at once: all are linked or none.
    Link {
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
        /// The ticket number.
        #[arg(long, conflicts_with = "to", required_unless_present = "to")]
        ticket: Option<String>,
        /// Another complaint that carries the ticket.
        #[arg(long)]
        to: Option<String>,
    },
    /// Hand the ticket number to the applicant (langkah 4); stops the SLA clock.
    /// Several references, or --ticket for every caller on a ticket: all or none,
    /// each applicant with their own message.
    Handover {
        #[arg(value_name = "REF", required_unless_present = "ticket")]
        references: Vec<String>,
        /// Every complaint on this ticket that is ticketed and not yet handed over.
        #[arg(long, conflicts_with = "references")]
        ticket: Option<String>,
        /// langsung, telepon, whatsapp, email, surat, lainnya
        #[arg(long)]
        via: String,
        /// Why the handover is past the deadline (required then):
        /// bcare-down, applicant-unreachable, waiting-data, other
        #[arg(long)]
        late_reason: Option<String>,
        /// The officer's words on the handover (kept with the reason).
        #[arg(long)]
        note: Option<String>,
        /// The applicant's e-mail, for --via email when the complaint has none (kept).
        #[arg(long, conflicts_with = "phone")]
        email: Option<String>,
        /// The applicant's phone, for --via whatsapp or telepon when the complaint has none (kept).
        #[arg(long)]
        phone: Option<String>,
    },
    /// Dir. IKC resolved it; the applicant is then owed a notice (notify). Several references, or
    /// --ticket for every handed-over complaint on a ticket: all or none.
    Resolve {
        #[arg(value_name = "REF", required_unless_present = "ticket")]
        references: Vec<String>,
        /// Every complaint on this ticket that was handed over and is not yet resolved.
        #[arg(long, conflicts_with = "references")]
        ticket: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Withdraw a complaint, with the reason; several at once: all or none.
    Cancel {
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
        #[arg(long)]
        reason: String,
    },
    /// The working-hours deadline for a start.
    Sla {
        /// RFC 3339, or a local time in WITA such as "2026-11-27 15:30".
        #[arg(long)]
        start: String,
        /// Budget in working hours.
        #[arg(long, default_value_t = 2.0)]
        hours: f64,
    },
    /// Database integrity and calendar coverage of the current year.
    Check,
    /// Copy the database (safe while the desk is open).
    Backup { path: PathBuf },
    /// Fill the database with realistic sample complaints (training, load tests).
    Demo {
        #[arg(long, default_value_t = 200)]
        count: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Add samples even though the database holds complaints demo did not make.
        #[arg(long)]
        force: bool,
    },
    /// The paths in use and the effective config.
    Config,
    /// The working-hours calendar: holidays and coverage; `calendar read` takes a
    /// year's SKB announcement, `add`/`remove` one day off, `history` who changed what.
    Calendar(calendar::CalendarArgs),
    /// Reports waiting to be delivered to BCare.
    Outbox(bcare::OutboxArgs),
    /// Serve the BCare simulator over HTTP (training, tests); --ceisacare: the
    /// CEISACare gateway's shapes and its web form.
    Simulate(bcare::SimulateArgs),
    /// The CEISACare token: `ceisacare token` keeps a pasted one, `ceisacare status`
    /// says until when it is valid.
    Ceisacare(ceisacare::CeisacareArgs),
    /// Read a caller's message (WhatsApp, e-mail, SMS) and print what it proposes for intake.
    ReadMessage(message::ReadMessageArgs),
    /// The section's SLA report over a period; --shift: what the next officer inherits.
    Report(report::ReportArgs),
    /// The Kanwil's roll-up of the offices' report bundles (report --bundle): one row per
    /// office and the total over all their complaints; needs no database.
    Rollup(rollup::RollupArgs),
    /// Every complaint with its events, as csv, json or xlsx (0600); --redact masks personal data.
    Export(export::ExportArgs),
    /// Remove the personal data of complaints closed longer ago than [retention] months.
    Purge {
        /// Only list what would be purged.
        #[arg(long)]
        dry_run: bool,
    },
    /// Copy this desk's SQLite file into an empty PostgreSQL database (several
    /// desks, one queue); counts and checksums every table, leaves the file as it was.
    Migrate(migrate::MigrateArgs),
    /// One ticket with all its callers (one outage, many callers): stage, contact,
    /// handover, who is owed a notice. Takes the ticket number or any caller's reference.
    Incident {
        #[arg(value_name = "TICKET_NO")]
        ticket: String,
    },
    /// Tickets at Dir. IKC: days open, last status, to chase, notices owed; --poll asks BCare now.
    Followup(followup::FollowupArgs),
    /// Tell the applicant Dir. IKC solved it: prints (and copies) the message, records the notice.
    Notify(followup::NotifyArgs),
    /// Record the applicant's satisfaction (SKM): nine answers, 1–4 or '-'.
    Survey(survey::SurveyArgs),
    /// Give a server login role its duty on this shared PostgreSQL database:
    /// officer (reads and writes) or reader (reports only). The owner's command.
    Grant(roles::GrantArgs),
    /// Take every duty on this shared PostgreSQL database from a server login role.
    Revoke(roles::RevokeArgs),
    /// Write the manual pages (Indonesian and English) into a folder.
    #[command(hide = true)]
    Manpage(manual::ManpageArgs),
    /// Print the completion script for a shell.
    #[command(hide = true)]
    Completions(manual::CompletionsArgs),
}

#[derive(Args, Debug, Default)]
pub struct IntakeArgs {
    /// Applicant's name.
    #[arg(long, default_value = "")]
    pub name: String,
    /// pegawai | pengguna-jasa
    #[arg(long, default_value = "")]
    pub kind: String,
    /// Company (pengguna jasa).
    #[arg(long, default_value = "")]
    pub org: String,
    #[arg(long, default_value = "")]
    pub nip: String,
    /// NPWP (15/16 digits) or NITKU (22).
    #[arg(long, default_value = "")]
    pub npwp: String,
    #[arg(long, default_value = "")]
    pub nib: String,
    #[arg(long, default_value = "")]
    pub phone: String,
    #[arg(long, default_value = "")]
    pub email: String,
    /// langsung, telepon, whatsapp, email, surat, lainnya
    #[arg(long, default_value = "")]
    pub channel: String,
    /// AKUN REG IMP EKS MAN TPB CUK BYR INT INH TIK LAIN
    #[arg(long, default_value = "")]
    pub category: String,
    #[arg(long, default_value = "")]
    pub subject: String,
    #[arg(long, default_value = "")]
    pub description: String,
    /// The account's user id (account problems). Never a password.
    #[arg(long, default_value = "")]
    pub user_id: String,
    /// Nomor aju (repeatable).
    #[arg(long = "aju")]
    pub aju: Vec<String>,
    /// e.g. "BC 2.0 PIB", "BC 3.0 PEB", "BC 1.1"
    #[arg(long, default_value = "")]
    pub doc_type: String,
    #[arg(long, default_value = "")]
    pub doc_status: String,
    /// When the document was submitted.
    #[arg(long, default_value = "")]
    pub doc_submitted_at: String,
    /// A screenshot or file (repeatable).
    #[arg(long = "attach")]
    pub attach: Vec<String>,
    /// When the information reached the office (default now; back-date to the WhatsApp time).
    #[arg(long, default_value = "")]
    pub received_at: String,
    /// Read the caller's message in FILE ("-": standard input) for the fields not given.
    #[arg(long, value_name = "FILE")]
    pub from_message: Option<PathBuf>,
    /// Link the new complaint to this ticket (or to the ticket of this reference) in
    /// the same step: one outage, many callers. A failed link saves nothing.
    #[arg(long, value_name = "TICKET_OR_REF")]
    pub link_to: Option<String>,
}

impl IntakeArgs {
    pub(super) fn form(&self) -> IntakeForm {
        IntakeForm {
            name: self.name.clone(),
            kind: self.kind.clone(),
            org: self.org.clone(),
            nip: self.nip.clone(),
            npwp: self.npwp.clone(),
            nib: self.nib.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            channel: self.channel.clone(),
            category: self.category.clone(),
            subject: self.subject.clone(),
            description: self.description.clone(),
            user_id: self.user_id.clone(),
            aju: self.aju.clone(),
            doc_type: self.doc_type.clone(),
            doc_status: self.doc_status.clone(),
            doc_submitted_at: self.doc_submitted_at.clone(),
            attachments: self.attach.clone(),
            received_at: self.received_at.clone(),
        }
    }
}
