//! The intake form: what the officer types, checked field by field, becomes a
//! `NewComplaint`. Every error names its field and rule; warnings do not block.

use super::category::{Categories, Detail};
use super::complaint::{Applicant, ApplicantKind, Channel, NewComplaint};
use super::msg::{FieldError, FieldWarning, M};
use super::text::{self, DESCRIPTION_MAX, NAME_MAX, ORG_MAX, SUBJECT_MAX};
use super::validate;
use super::when::{parse_instant, short_local};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// A document type or status is one short line.
pub const DOC_LINE_MAX: usize = 120;
pub const PATH_MAX: usize = 1024;
/// A complaint is about one problem: more documents than this is a paste gone wrong
/// (or a flood), refused before each one is checked.
pub const AJU_MAX: usize = 20;
pub const ATTACHMENTS_MAX: usize = 20;
/// A complaint back-dated further than this is probably a typo: warn.
const BACKDATE_WARN_DAYS: i64 = 7;
/// The desk takes no receipt from before this day (in the calendar's zone): an
/// earlier one is a typo (1900, 2002 for 2025), and its age and SLA mean nothing.
const EARLIEST_RECEIPT: (i32, u32, u32) = (2020, 1, 1);
/// A receipt may run this far ahead of the desk's clock (another machine's clock,
/// a message stamped a little fast); further is a typo.
pub const RECEIPT_AHEAD_MINUTES: i64 = 5;

/// The first instant a receipt may carry: the earliest day's midnight in `offset`.
pub fn earliest_receipt(offset: FixedOffset) -> DateTime<Utc> {
    let (y, m, d) = EARLIEST_RECEIPT;
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(offset).single())
        .map_or(DateTime::<Utc>::MIN_UTC, |t| t.with_timezone(&Utc))
}

/// Refuses a receipt outside [`earliest_receipt`] … now + [`RECEIPT_AHEAD_MINUTES`].
fn receipt_in_range(t: DateTime<Utc>, ctx: &IntakeContext) -> Result<(), FieldError> {
    let shown = |t| format!("{} WITA", short_local(t, ctx.offset));
    let earliest = earliest_receipt(ctx.offset);
    if t < earliest {
        return Err(FieldError::says("received_at", |lang| {
            M::ReceiptTooEarly(lang, shown(earliest), shown(t))
        }));
    }
    if t > ctx.now + TimeDelta::minutes(RECEIPT_AHEAD_MINUTES) {
        return Err(FieldError::says("received_at", |lang| {
            M::ReceiptAhead(lang, RECEIPT_AHEAD_MINUTES, shown(ctx.now), shown(t))
        }));
    }
    Ok(())
}

/// The form as typed. Serialisable so a half-typed form survives as a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IntakeForm {
    pub name: String,
    pub kind: String,
    pub org: String,
    pub nip: String,
    pub npwp: String,
    pub nib: String,
    pub phone: String,
    pub email: String,
    pub channel: String,
    pub category: String,
    pub subject: String,
    pub description: String,
    pub user_id: String,
    pub aju: Vec<String>,
    pub doc_type: String,
    pub doc_status: String,
    pub doc_submitted_at: String,
    pub attachments: Vec<String>,
    /// Empty means "now".
    pub received_at: String,
}

/// What the checks need from outside the form.
pub struct IntakeContext<'a> {
    pub categories: &'a Categories,
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

/// A field that is optional: empty stays `None`, otherwise it goes through `check`.
fn optional(
    raw: &str,
    errors: &mut Vec<FieldError>,
    check: impl FnOnce(&str) -> Result<String, FieldError>,
) -> Option<String> {
    if raw.trim().is_empty() {
        return None;
    }
    match check(raw) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn required(field: &'static str) -> FieldError {
    FieldError::of(field, M::Required)
}

fn instant(
    field: &'static str,
    raw: &str,
    ctx: &IntakeContext,
) -> Result<DateTime<Utc>, FieldError> {
    parse_instant(raw, ctx.now, ctx.offset)
        .map_err(|got| FieldError::says(field, |lang| M::BadInstant(lang, &got)))
}

impl IntakeForm {
    /// Checks every field; returns the complaint and its warnings, or every error found.
    pub fn validate(
        &self,
        ctx: &IntakeContext,
    ) -> Result<(NewComplaint, Vec<FieldWarning>), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let mut line =
            |field, raw: &str, max, req| match text::free_text(field, raw, max, req, true) {
                Ok(v) => v,
                Err(e) => {
                    errors.push(e);
                    String::new()
                }
            };

        let name = line("name", &self.name, NAME_MAX, true);
        let org = line("org", &self.org, ORG_MAX, false);
        let subject = line("subject", &self.subject, SUBJECT_MAX, true);
        let doc_type = line("doc_type", &self.doc_type, DOC_LINE_MAX, false);
        let doc_status = line("doc_status", &self.doc_status, DOC_LINE_MAX, false);
        let description = match text::free_text(
            "description",
            &self.description,
            DESCRIPTION_MAX,
            true,
            false,
        ) {
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                String::new()
            }
        };

        let kind = if self.kind.trim().is_empty() {
            errors.push(required("kind"));
            None
        } else {
            let k = ApplicantKind::parse(&self.kind);
            if k.is_none() {
                errors.push(FieldError::of("kind", M::KindOneOf));
            }
            k
        };
        let nip = optional(&self.nip, &mut errors, validate::nip);
        let npwp = optional(&self.npwp, &mut errors, validate::npwp);
        let nib = optional(&self.nib, &mut errors, validate::nib);
        let phone = optional(&self.phone, &mut errors, validate::phone);
        let email = optional(&self.email, &mut errors, validate::email);
        let user_id = optional(&self.user_id, &mut errors, validate::user_id);

        match kind {
            Some(ApplicantKind::Pegawai) if self.nip.trim().is_empty() => {
                errors.push(FieldError::of("nip", M::NipForEmployee))
            }
            Some(ApplicantKind::PenggunaJasa) => {
                if self.org.trim().is_empty() {
                    errors.push(FieldError::of("org", M::OrgForServiceUser));
                }
                if self.npwp.trim().is_empty() && self.nib.trim().is_empty() {
                    errors.push(FieldError::of("npwp", M::NpwpOrNib));
                }
            }
            _ => {}
        }
        if self.phone.trim().is_empty() && self.email.trim().is_empty() {
            errors.push(FieldError::of("phone", M::PhoneOrEmail));
        }

        let channel = if self.channel.trim().is_empty() {
            errors.push(required("channel"));
            None
        } else {
            let c = Channel::parse(&self.channel);
            if c.is_none() {
                errors.push(FieldError::of("channel", M::ChannelOneOf));
            }
            c
        };

        let category = ctx.categories.get(&self.category);
        if self.category.trim().is_empty() {
            errors.push(required("category"));
        } else if category.is_none() {
            let codes = ctx.categories.codes().join(", ");
            errors.push(FieldError::says("category", |lang| {
                M::UnknownCategory(lang, text::clean_line(&self.category), &codes)
            }));
        }

        let mut aju = Vec::new();
        let given = self.aju.iter().filter(|a| !a.trim().is_empty()).count();
        if given > AJU_MAX {
            errors.push(too_many("nomor_aju", M::WordAju, AJU_MAX, given));
        }
        for raw in self
            .aju
            .iter()
            .filter(|a| !a.trim().is_empty())
            .take_while(|_| given <= AJU_MAX)
        {
            match validate::nomor_aju(raw, super::when::local_date(ctx.now, ctx.offset)) {
                Ok((v, w)) => {
                    warnings.extend(w);
                    if !aju.contains(&v) {
                        aju.push(v);
                    }
                }
                Err(e) => errors.push(e),
            }
        }

        if let Some(cat) = category {
            let missing = |d: Detail| match d {
                Detail::UserId => self.user_id.trim().is_empty(),
                Detail::NomorAju => self.aju.iter().all(|a| a.trim().is_empty()),
                Detail::DocType => self.doc_type.trim().is_empty(),
                Detail::DocStatus => self.doc_status.trim().is_empty(),
                Detail::Npwp => self.npwp.trim().is_empty(),
                Detail::Nib => self.nib.trim().is_empty(),
            };
            for d in cat.requires.iter().copied().filter(|d| missing(*d)) {
                errors.push(FieldError::says(d.field(), |lang| {
                    M::RequiredForCategory(lang, &cat.code, cat.name(lang))
                }));
            }
            for d in cat.suggests.iter().copied().filter(|d| missing(*d)) {
                warnings.push(FieldWarning::says(d.field(), |lang| {
                    M::SuggestedForCategory(lang, &cat.code)
                }));
            }
        }

        let doc_submitted_at = if self.doc_submitted_at.trim().is_empty() {
            None
        } else {
            instant("doc_submitted_at", &self.doc_submitted_at, ctx)
                .map_err(|e| errors.push(e))
                .ok()
        };

        let mut attachments = Vec::new();
        let given = self
            .attachments
            .iter()
            .filter(|a| !a.trim().is_empty())
            .count();
        if given > ATTACHMENTS_MAX {
            errors.push(too_many(
                "attach",
                M::WordAttachments,
                ATTACHMENTS_MAX,
                given,
            ));
        }
        for raw in self
            .attachments
            .iter()
            .filter(|a| !a.trim().is_empty())
            .take_while(|_| given <= ATTACHMENTS_MAX)
        {
            match text::free_text("attach", raw, PATH_MAX, true, true) {
                Ok(p) => attachments.push(p),
                Err(e) => errors.push(e),
            }
        }

        let received_at = if self.received_at.trim().is_empty() {
            ctx.now
        } else {
            match instant("received_at", &self.received_at, ctx) {
                Ok(t) => match receipt_in_range(t, ctx) {
                    Err(e) => {
                        errors.push(e);
                        ctx.now
                    }
                    Ok(()) => {
                        if ctx.now - t > TimeDelta::days(BACKDATE_WARN_DAYS) {
                            warnings.push(FieldWarning::says("received_at", |lang| {
                                M::ReceivedLongAgo(lang, BACKDATE_WARN_DAYS)
                            }));
                        }
                        t
                    }
                },
                Err(e) => {
                    errors.push(e);
                    ctx.now
                }
            }
        };

        let (Some(kind), Some(channel), Some(category), true) =
            (kind, channel, category, errors.is_empty())
        else {
            return Err(errors);
        };
        let some = |s: String| (!s.is_empty()).then_some(s);
        Ok((
            NewComplaint {
                applicant: Applicant {
                    kind,
                    name,
                    nip,
                    org: some(org),
                    npwp,
                    nib,
                    phone,
                    email,
                },
                channel,
                category: category.code.clone(),
                subject,
                description,
                user_id,
                aju,
                doc_type: some(doc_type),
                doc_status: some(doc_status),
                doc_submitted_at,
                attachments,
                received_at: received_at.with_nanosecond(0).unwrap_or(received_at),
            },
            warnings,
        ))
    }
}

use chrono::Timelike;

/// "At most N …, found M" for a repeatable field.
fn too_many(field: &'static str, what: M, max: usize, found: usize) -> FieldError {
    FieldError::says(field, |lang| M::TooManyOf(lang, max, what.get(lang), found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn ctx(cats: &Categories) -> IntakeContext<'_> {
        IntakeContext {
            categories: cats,
            now: Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap(),
            offset: FixedOffset::east_opt(8 * 3600).unwrap(),
        }
    }

    fn good() -> IntakeForm {
        IntakeForm {
            name: "Andi Wijaya".into(),
            kind: "pengguna-jasa".into(),
            org: "PT Samudra Makassar".into(),
            npwp: "01.234.567.8-901.000".into(),
            phone: "0812-3456-7890".into(),
            channel: "whatsapp".into(),
            category: "IMP".into(),
            subject: "PIB tidak mendapat respon".into(),
            description: "Sudah kirim sejak pagi, belum ada respon.".into(),
            aju: vec!["000020-010017-20261127-000123".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_becomes_a_complaint() {
        let cats = Categories::builtin();
        let (c, _warnings) = good().validate(&ctx(&cats)).expect("valid");
        assert_eq!(c.applicant.phone.as_deref(), Some("+6281234567890"));
        assert_eq!(c.applicant.npwp.as_deref(), Some("012345678901000"));
        assert_eq!(c.aju, vec!["00002001001720261127000123".to_string()]);
        assert_eq!(c.category, "IMP");
        assert_eq!(c.received_at, ctx(&cats).now);
    }

    #[test]
    fn import_without_nomor_aju_is_refused_by_field() {
        let cats = Categories::builtin();
        let form = IntakeForm {
            aju: vec![],
            ..good()
        };
        let errs = form.validate(&ctx(&cats)).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].field, "nomor_aju");
        assert!(errs[0].en.contains("IMP"));
    }

    #[test]
    fn at_most_twenty_nomor_aju_and_twenty_attachments() {
        let cats = Categories::builtin();
        let aju = |n: usize| -> Vec<String> {
            (0..n)
                .map(|i| format!("000020-010017-20261127-{:06}", i + 1))
                .collect()
        };
        let files =
            |n: usize| -> Vec<String> { (0..n).map(|i| format!("/tmp/layar-{i}.png")).collect() };
        let ok = IntakeForm {
            aju: aju(AJU_MAX),
            attachments: files(ATTACHMENTS_MAX),
            ..good()
        };
        let c = ok.validate(&ctx(&cats)).unwrap().0;
        assert_eq!(c.aju.len(), AJU_MAX);
        assert_eq!(c.attachments.len(), ATTACHMENTS_MAX);

        let flood = IntakeForm {
            aju: aju(40_000),
            attachments: files(AJU_MAX + 1),
            ..good()
        };
        let errs = flood.validate(&ctx(&cats)).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["nomor_aju", "attach"], "{errs:?}");
        assert!(
            errs[0].en.contains("at most 20") && errs[0].en.contains("40000"),
            "{errs:?}"
        );
        assert!(errs[1].en.contains("found 21"), "{errs:?}");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let cats = Categories::builtin();
        let form = IntakeForm {
            phone: "12ab".into(),
            category: "XYZ".into(),
            channel: "fax".into(),
            description: "password: rahasia123".into(),
            ..good()
        };
        let errs = form.validate(&ctx(&cats)).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        for f in ["phone", "category", "channel", "description"] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn an_employee_needs_a_nip_and_a_service_user_a_company() {
        let cats = Categories::builtin();
        let form = IntakeForm {
            kind: "pegawai".into(),
            ..good()
        };
        let errs = form.validate(&ctx(&cats)).unwrap_err();
        assert!(errs.iter().any(|e| e.field == "nip"), "{errs:?}");
        let form = IntakeForm {
            org: "".into(),
            ..good()
        };
        let errs = form.validate(&ctx(&cats)).unwrap_err();
        assert!(errs.iter().any(|e| e.field == "org"), "{errs:?}");
    }

    #[test]
    fn received_at_may_be_back_dated_but_not_in_the_future() {
        let cats = Categories::builtin();
        let form = IntakeForm {
            received_at: "2026-11-27 08:45".into(),
            ..good()
        };
        let (c, _) = form.validate(&ctx(&cats)).unwrap();
        assert_eq!(
            c.received_at,
            Utc.with_ymd_and_hms(2026, 11, 27, 0, 45, 0).unwrap()
        );
        let form = IntakeForm {
            received_at: "2026-11-27 17:00".into(),
            ..good()
        };
        let errs = form.validate(&ctx(&cats)).unwrap_err();
        assert_eq!(errs[0].field, "received_at");
    }

    #[test]
    fn a_receipt_before_2020_or_more_than_five_minutes_ahead_is_refused() {
        let cats = Categories::builtin();
        let at = |raw: &str| IntakeForm {
            received_at: raw.into(),
            ..good()
        };
        // The clock is 2026-11-27 10:00 WITA.
        for raw in [
            "2020-01-01 00:00",
            "2019-12-31T16:00:00Z",
            "2026-11-27 10:05",
            "2026-11-27T10:04:59+08:00",
        ] {
            assert!(at(raw).validate(&ctx(&cats)).is_ok(), "{raw} is in range");
        }
        for (raw, id_rule, en_rule) in [
            ("1900-01-01 08:00", "2020-01-01", "2020-01-01"),
            ("2019-12-31 23:59", "2020-01-01", "2020-01-01"),
            ("2019-12-31T15:59:59Z", "2020-01-01", "2020-01-01"),
            ("2026-11-27 10:06", "5 menit", "5 minutes"),
            ("2999-01-01 08:00", "5 menit", "5 minutes"),
        ] {
            let errs = at(raw).validate(&ctx(&cats)).unwrap_err();
            assert_eq!(errs.len(), 1, "{raw}: {errs:?}");
            assert_eq!(errs[0].field, "received_at", "{raw}");
            assert!(errs[0].id.contains(id_rule), "{raw}: {}", errs[0].id);
            assert!(errs[0].en.contains(en_rule), "{raw}: {}", errs[0].en);
        }
    }

    #[test]
    fn a_contact_is_needed_to_hand_the_ticket_over() {
        let cats = Categories::builtin();
        let form = IntakeForm {
            phone: "".into(),
            ..good()
        };
        let errs = form.validate(&ctx(&cats)).unwrap_err();
        assert_eq!(errs[0].field, "phone");
    }
}
