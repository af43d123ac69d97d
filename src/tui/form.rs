//! The intake form on screen: its fields in order, the text areas behind them, and
//! the round trip to `IntakeForm` (which is also what a draft stores).

use super::i18n::T;
use crate::domain::category::Categories;
use crate::domain::complaint::{ApplicantKind, Channel};
use crate::domain::intake::IntakeForm;
use ratatui_textarea::TextArea;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Kind,
    Name,
    Nip,
    Org,
    Npwp,
    Nib,
    Phone,
    Email,
    Channel,
    Category,
    Subject,
    Description,
    UserId,
    Aju,
    DocType,
    DocStatus,
    DocSubmittedAt,
    Attachments,
    ReceivedAt,
}

impl Field {
    pub const ORDER: [Field; 19] = [
        Field::Kind,
        Field::Name,
        Field::Nip,
        Field::Org,
        Field::Npwp,
        Field::Nib,
        Field::Phone,
        Field::Email,
        Field::Channel,
        Field::Category,
        Field::Subject,
        Field::Description,
        Field::UserId,
        Field::Aju,
        Field::DocType,
        Field::DocStatus,
        Field::DocSubmittedAt,
        Field::Attachments,
        Field::ReceivedAt,
    ];

    pub fn label(self) -> T {
        match self {
            Field::Kind => T::FKind,
            Field::Name => T::FName,
            Field::Nip => T::FNip,
            Field::Org => T::FOrg,
            Field::Npwp => T::FNpwp,
            Field::Nib => T::FNib,
            Field::Phone => T::FPhone,
            Field::Email => T::FEmail,
            Field::Channel => T::FChannel,
            Field::Category => T::FCategory,
            Field::Subject => T::FSubject,
            Field::Description => T::FDescription,
            Field::UserId => T::FUserId,
            Field::Aju => T::FAju,
            Field::DocType => T::FDocType,
            Field::DocStatus => T::FDocStatus,
            Field::DocSubmittedAt => T::FDocSubmitted,
            Field::Attachments => T::FAttachments,
            Field::ReceivedAt => T::FReceivedAt,
        }
    }

    /// The key the intake checks use for this field in their messages.
    pub fn key(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Name => "name",
            Field::Nip => "nip",
            Field::Org => "org",
            Field::Npwp => "npwp",
            Field::Nib => "nib",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Channel => "channel",
            Field::Category => "category",
            Field::Subject => "subject",
            Field::Description => "description",
            Field::UserId => "user_id",
            Field::Aju => "nomor_aju",
            Field::DocType => "doc_type",
            Field::DocStatus => "doc_status",
            Field::DocSubmittedAt => "doc_submitted_at",
            Field::Attachments => "attach",
            Field::ReceivedAt => "received_at",
        }
    }

    pub fn is_choice(self) -> bool {
        matches!(self, Field::Kind | Field::Channel | Field::Category)
    }

    pub fn is_multiline(self) -> bool {
        self == Field::Description
    }

    /// Fields holding several values separated by commas.
    pub fn is_list(self) -> bool {
        matches!(self, Field::Aju | Field::Attachments)
    }
}

/// The form being filled in.
#[derive(Debug, Clone)]
pub struct IntakeState {
    pub focus: usize,
    texts: BTreeMap<Field, TextArea<'static>>,
    pub kind: Option<ApplicantKind>,
    pub channel: Option<Channel>,
    /// Index into the category list.
    pub category: Option<usize>,
    /// First error per field key, shown at the field.
    pub errors: BTreeMap<&'static str, String>,
    /// Changed since the draft was last saved.
    pub dirty: bool,
}

fn area(text: &str) -> TextArea<'static> {
    // A draft comes from the database: keep control characters out of the editor.
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| {
            l.chars()
                .filter(|c| *c == '\t' || !c.is_control())
                .collect()
        })
        .collect();
    let mut ta = TextArea::new(lines);
    ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

impl IntakeState {
    /// A fresh form; `received_at` starts as now (local time), editable.
    pub fn new(received_at_now: String) -> IntakeState {
        let mut texts = BTreeMap::new();
        for f in Field::ORDER.into_iter().filter(|f| !f.is_choice()) {
            texts.insert(f, area(""));
        }
        texts.insert(Field::ReceivedAt, area(&received_at_now));
        IntakeState {
            focus: 0,
            texts,
            kind: None,
            channel: None,
            category: None,
            errors: BTreeMap::new(),
            dirty: false,
        }
    }

    pub fn from_form(form: &IntakeForm, categories: &Categories) -> IntakeState {
        let mut s = IntakeState::new(form.received_at.clone());
        let set = |s: &mut IntakeState, f: Field, v: &str| {
            s.texts.insert(f, area(v));
        };
        set(&mut s, Field::Name, &form.name);
        set(&mut s, Field::Org, &form.org);
        set(&mut s, Field::Nip, &form.nip);
        set(&mut s, Field::Npwp, &form.npwp);
        set(&mut s, Field::Nib, &form.nib);
        set(&mut s, Field::Phone, &form.phone);
        set(&mut s, Field::Email, &form.email);
        set(&mut s, Field::Subject, &form.subject);
        set(&mut s, Field::Description, &form.description);
        set(&mut s, Field::UserId, &form.user_id);
        set(&mut s, Field::Aju, &form.aju.join(", "));
        set(&mut s, Field::DocType, &form.doc_type);
        set(&mut s, Field::DocStatus, &form.doc_status);
        set(&mut s, Field::DocSubmittedAt, &form.doc_submitted_at);
        set(&mut s, Field::Attachments, &form.attachments.join(", "));
        s.kind = ApplicantKind::parse(&form.kind);
        s.channel = Channel::parse(&form.channel);
        s.category = categories
            .all()
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(form.category.trim()));
        s
    }

    pub fn to_form(&self, categories: &Categories) -> IntakeForm {
        let list = |f: Field| -> Vec<String> {
            self.text(f)
                .split([',', '\n'])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        IntakeForm {
            name: self.text(Field::Name),
            kind: self
                .kind
                .map(|k| k.as_str().to_string())
                .unwrap_or_default(),
            org: self.text(Field::Org),
            nip: self.text(Field::Nip),
            npwp: self.text(Field::Npwp),
            nib: self.text(Field::Nib),
            phone: self.text(Field::Phone),
            email: self.text(Field::Email),
            channel: self
                .channel
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            category: self
                .category
                .and_then(|i| categories.all().get(i))
                .map(|c| c.code.clone())
                .unwrap_or_default(),
            subject: self.text(Field::Subject),
            description: self.text(Field::Description),
            user_id: self.text(Field::UserId),
            aju: list(Field::Aju),
            doc_type: self.text(Field::DocType),
            doc_status: self.text(Field::DocStatus),
            doc_submitted_at: self.text(Field::DocSubmittedAt),
            attachments: list(Field::Attachments),
            received_at: self.text(Field::ReceivedAt),
        }
    }

    pub fn focused(&self) -> Field {
        Field::ORDER[self.focus]
    }

    pub fn text(&self, f: Field) -> String {
        self.texts
            .get(&f)
            .map(|t| t.lines().join("\n"))
            .unwrap_or_default()
    }

    pub fn textarea(&self, f: Field) -> Option<&TextArea<'static>> {
        self.texts.get(&f)
    }

    pub fn textarea_mut(&mut self, f: Field) -> Option<&mut TextArea<'static>> {
        self.texts.get_mut(&f)
    }

    /// Moves focus by `step` fields (wrapping), returning the field left.
    pub fn move_focus(&mut self, step: isize) -> Field {
        let left = self.focused();
        let n = Field::ORDER.len() as isize;
        self.focus = ((self.focus as isize + step).rem_euclid(n)) as usize;
        left
    }

    /// Turns the choice under focus by one step; false when focus is on text.
    pub fn turn_choice(&mut self, forward: bool, categories: usize) -> bool {
        fn turn(cur: Option<usize>, n: usize, forward: bool) -> usize {
            match (cur, forward) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(i), true) => (i + 1) % n,
                (Some(i), false) => (i + n - 1) % n,
            }
        }
        match self.focused() {
            Field::Kind => {
                let all = ApplicantKind::ALL;
                let cur = self.kind.and_then(|k| all.iter().position(|x| *x == k));
                self.kind = Some(all[turn(cur, all.len(), forward)]);
            }
            Field::Channel => {
                let all = Channel::ALL;
                let cur = self.channel.and_then(|k| all.iter().position(|x| *x == k));
                self.channel = Some(all[turn(cur, all.len(), forward)]);
            }
            Field::Category if categories > 0 => {
                self.category = Some(turn(self.category, categories, forward));
            }
            _ => return false,
        }
        self.dirty = true;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_survives_the_round_trip_through_the_screen() {
        let cats = Categories::builtin();
        let form = IntakeForm {
            name: "Siti Rahma".into(),
            kind: "pengguna-jasa".into(),
            org: "PT Maju".into(),
            npwp: "01.234.567.8-901.000".into(),
            phone: "0811 4000 123".into(),
            channel: "whatsapp".into(),
            category: "IMP".into(),
            subject: "PIB tertahan".into(),
            description: "baris 1\nbaris 2".into(),
            aju: vec!["A".into(), "B".into()],
            received_at: "2026-11-30 08:00".into(),
            ..IntakeForm::default()
        };
        let back = IntakeState::from_form(&form, &cats).to_form(&cats);
        assert_eq!(back, form);
    }

    #[test]
    fn every_field_has_its_own_key() {
        let keys: std::collections::BTreeSet<_> = Field::ORDER.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), Field::ORDER.len());
    }
}
