//! The intake form on screen: its fields in order, the text areas behind them, and
//! the round trip to `IntakeForm` (which is also what a draft stores).

use super::i18n::T;
use crate::domain::category::{Categories, Detail};
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

/// What typing on a choice field did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// The typed text picks this option; more typing may still change it.
    Picked,
    /// The typed number can only mean this option: the form moves on.
    Settled,
    /// Nothing matches: the key is ignored.
    NoMatch,
}

/// The form being filled in.
#[derive(Debug, Clone)]
pub struct IntakeState {
    /// The field with the cursor. Always one of `visible()`.
    pub focus: Field,
    texts: BTreeMap<Field, TextArea<'static>>,
    pub kind: Option<ApplicantKind>,
    pub channel: Option<Channel>,
    /// Index into the category list.
    pub category: Option<usize>,
    /// The optional fields are shown (one key toggles them).
    pub extras: bool,
    /// What was typed on the focused choice field, to pick by code, name or number.
    pub choice_typed: String,
    /// First error per field key, shown at the field.
    pub errors: BTreeMap<&'static str, String>,
    /// Changed since the draft was last saved.
    pub dirty: bool,
    /// Filled from a caller's message and not yet passed by the officer: marked on screen.
    pub marked: Vec<Field>,
    /// What the last fill from a message changed, and the form as it was: one key undoes it.
    pub fill: Option<Fill>,
    /// The receipt time the form opened with (the clock's): while the field still
    /// holds it, a message's own time is the better one and replaces it.
    received_default: String,
}

/// One fill from a caller's message, kept so it can be undone.
#[derive(Debug, Clone)]
pub struct Fill {
    pub fields: Vec<Field>,
    pub before: Box<IntakeState>,
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

/// A field's editor: the description wraps at words (a long line never scrolls
/// sideways out of sight); the one-line fields keep their line.
fn field_area(f: Field, text: &str) -> TextArea<'static> {
    let mut ta = area(text);
    if f.is_multiline() {
        ta.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    }
    ta
}

/// The field a category detail is typed into.
fn detail_field(d: Detail) -> Field {
    match d {
        Detail::UserId => Field::UserId,
        Detail::NomorAju => Field::Aju,
        Detail::DocType => Field::DocType,
        Detail::DocStatus => Field::DocStatus,
        Detail::Npwp => Field::Npwp,
        Detail::Nib => Field::Nib,
    }
}

/// Does `typed` (lower case) start `candidate` or one of its words?
fn starts(candidate: &str, typed: &str) -> bool {
    let c = candidate.to_lowercase();
    c.starts_with(typed)
        || c.split([' ', '/', '(', '-', '&'])
            .any(|w| !w.is_empty() && w.starts_with(typed))
}

/// The first option `typed` names: by code (or stored name) first, then by label.
/// `names[i]` holds the code first, then the labels in both languages.
fn pick(names: &[Vec<String>], typed: &str) -> Option<usize> {
    let typed = typed.to_lowercase();
    names
        .iter()
        .position(|n| n[0].to_lowercase().starts_with(&typed))
        .or_else(|| {
            names
                .iter()
                .position(|n| n[1..].iter().any(|l| l.to_lowercase().starts_with(&typed)))
        })
        .or_else(|| {
            names
                .iter()
                .position(|n| n.iter().any(|l| starts(l, &typed)))
        })
}

impl IntakeState {
    /// A fresh form; `received_at` starts as now (local time), editable.
    pub fn new(received_at_now: String) -> IntakeState {
        let mut texts = BTreeMap::new();
        for f in Field::ORDER.into_iter().filter(|f| !f.is_choice()) {
            texts.insert(f, field_area(f, ""));
        }
        texts.insert(Field::ReceivedAt, area(&received_at_now));
        IntakeState {
            received_default: received_at_now,
            focus: Field::Kind,
            texts,
            kind: None,
            channel: None,
            category: None,
            extras: false,
            choice_typed: String::new(),
            errors: BTreeMap::new(),
            dirty: false,
            marked: Vec::new(),
            fill: None,
        }
    }

    /// Nothing typed or chosen yet (the receipt time does not count): a paste
    /// here is a caller's whole message.
    pub fn is_blank(&self) -> bool {
        self.kind.is_none()
            && self.channel.is_none()
            && self.category.is_none()
            && Field::ORDER
                .iter()
                .filter(|f| !f.is_choice() && **f != Field::ReceivedAt)
                .all(|f| self.text(*f).trim().is_empty())
    }

    /// Is the field still empty (no text, no choice)?
    pub fn is_empty(&self, f: Field) -> bool {
        if f.is_choice() {
            self.chosen(f).is_none()
        } else {
            self.text(f).trim().is_empty()
        }
    }

    /// Copies one field's value (text or choice) from another state of the form.
    pub fn copy_field(&mut self, f: Field, from: &IntakeState) {
        match f {
            Field::Kind => self.kind = from.kind,
            Field::Channel => self.channel = from.channel,
            Field::Category => self.category = from.category,
            _ => {
                self.texts.insert(f, field_area(f, &from.text(f)));
            }
        }
    }

    /// Fills the empty fields from a caller's message (the reader's proposals),
    /// marks them and remembers how to undo it. `message` becomes the description
    /// (`from_description`: it was read from there, and is replaced). Returns the
    /// fields filled, in form order.
    pub fn fill_from(
        &mut self,
        p: &crate::domain::message::Proposals,
        categories: &Categories,
        from_description: bool,
    ) -> Vec<Field> {
        let before = self.clone();
        let mut form = self.to_form(categories);
        // The message read from the description replaces it, cleaned.
        if from_description {
            form.description.clear();
        }
        // The clock's time is only a default: the SLA starts when the message was
        // sent (a WhatsApp line's own time), unless the officer typed another.
        let defaulted = form.received_at.trim() == self.received_default.trim();
        if defaulted && p.received_at.is_some() {
            form.received_at.clear();
        }
        let keys = crate::domain::message::fill_empty(&mut form, p);
        let filled_state = IntakeState::from_form(&form, categories);
        let mut fields: Vec<Field> = Field::ORDER
            .into_iter()
            .filter(|f| keys.contains(&f.key()))
            .collect();
        for f in &fields {
            self.copy_field(*f, &filled_state);
        }
        // The message is read from its first line (where a password may hide), not its last.
        if let Some(ta) = self.texts.get_mut(&Field::Description) {
            ta.move_cursor(ratatui_textarea::CursorMove::Top);
            ta.move_cursor(ratatui_textarea::CursorMove::Head);
        }
        // A NIB read from the message, with no NPWP beside it, shows in the required
        // "NPWP/NITKU/NIB" field (13 digits there go to the NIB on the way to the
        // form), not in the optional one out of sight while the required one looks
        // empty.
        if self.is_empty(Field::Npwp) && !self.is_empty(Field::Nib) && fields.contains(&Field::Nib)
        {
            let nib = self.text(Field::Nib);
            self.texts.insert(Field::Npwp, area(&nib));
            self.texts.insert(Field::Nib, area(""));
            fields.retain(|f| *f != Field::Nib);
            if !fields.contains(&Field::Npwp) {
                fields.push(Field::Npwp);
                fields.sort();
            }
        }
        if fields.is_empty() {
            return fields;
        }
        let main = self.main_fields(categories);
        if fields.iter().any(|f| !main.contains(f)) {
            self.extras = true;
        }
        self.marked = fields.clone();
        self.fill = Some(Fill {
            fields: fields.clone(),
            before: Box::new(before),
        });
        self.dirty = true;
        // The cursor goes where the officer has to act: the first required field
        // still empty, else the last field (where Enter saves).
        let visible = self.visible(categories);
        self.focus = visible
            .iter()
            .copied()
            .find(|f| self.required(*f, categories) && self.is_empty(*f))
            .or_else(|| visible.last().copied())
            .unwrap_or(Field::Description);
        self.choice_typed.clear();
        fields
    }

    /// Undoes the last fill from a message: the fields it filled go back to what
    /// they were; what the officer typed elsewhere since stays. False if nothing to undo.
    pub fn undo_fill(&mut self) -> bool {
        let Some(fill) = self.fill.take() else {
            return false;
        };
        for f in &fill.fields {
            self.copy_field(*f, &fill.before);
        }
        self.marked.clear();
        // Errors the fill brought (a password in the message) go with it.
        self.errors = fill.before.errors.clone();
        self.extras = fill.before.extras;
        self.focus = fill.before.focus;
        self.choice_typed.clear();
        self.dirty = true;
        true
    }

    pub fn from_form(form: &IntakeForm, categories: &Categories) -> IntakeState {
        let mut s = IntakeState::new(form.received_at.clone());
        let set = |s: &mut IntakeState, f: Field, v: &str| {
            s.texts.insert(f, field_area(f, v));
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
        // A draft with something in an optional field opens with those fields shown.
        let main = s.main_fields(categories);
        s.extras = Field::ORDER
            .iter()
            .filter(|f| !f.is_choice() && **f != Field::ReceivedAt && !main.contains(f))
            .any(|f| !s.text(*f).trim().is_empty());
        s
    }

    pub fn to_form(&self, categories: &Categories) -> IntakeForm {
        // A field that does not belong to this applicant (a NIP typed before the kind
        // changed to service user) is not sent: it could not be seen or corrected.
        let relevant = self.relevant(categories);
        let text = |f: Field| {
            if relevant.contains(&f) {
                self.text(f)
            } else {
                String::new()
            }
        };
        let list = |f: Field| -> Vec<String> {
            text(f)
                .split([',', '\n'])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        // The one identity line for a service user takes an NIB too (13 digits).
        let (mut npwp, mut nib) = (text(Field::Npwp), text(Field::Nib));
        let digits = npwp.chars().filter(|c| c.is_ascii_digit()).count();
        let only_number = npwp
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | ' '));
        if digits == 13 && only_number && nib.trim().is_empty() {
            nib = std::mem::take(&mut npwp);
        }
        IntakeForm {
            name: text(Field::Name),
            kind: self
                .kind
                .map(|k| k.as_str().to_string())
                .unwrap_or_default(),
            org: text(Field::Org),
            nip: text(Field::Nip),
            npwp,
            nib,
            phone: text(Field::Phone),
            email: text(Field::Email),
            channel: self
                .channel
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            category: self
                .category
                .and_then(|i| categories.all().get(i))
                .map(|c| c.code.clone())
                .unwrap_or_default(),
            subject: text(Field::Subject),
            description: text(Field::Description),
            user_id: text(Field::UserId),
            aju: list(Field::Aju),
            doc_type: text(Field::DocType),
            doc_status: text(Field::DocStatus),
            doc_submitted_at: text(Field::DocSubmittedAt),
            attachments: list(Field::Attachments),
            received_at: text(Field::ReceivedAt),
        }
    }

    /// The fields asked for without the extra key, in the order an officer asks
    /// them on the phone: who, how to reach them, what about, then the problem.
    /// The applicant kind and the category decide which identity and document
    /// fields belong here.
    pub fn main_fields(&self, categories: &Categories) -> Vec<Field> {
        let mut out = vec![Field::Kind, Field::Name];
        match self.kind {
            Some(ApplicantKind::Pegawai) => out.push(Field::Nip),
            Some(ApplicantKind::PenggunaJasa) => out.extend([Field::Org, Field::Npwp]),
            None => {}
        }
        out.extend([Field::Phone, Field::Channel, Field::Category]);
        if let Some(cat) = self.category.and_then(|i| categories.all().get(i)) {
            // The user id and the nomor aju are what Dir. IKC looks up first:
            // asked for whenever the category names them at all.
            for d in [Detail::UserId, Detail::NomorAju] {
                if cat.requires(d) || cat.suggests.contains(&d) {
                    out.push(detail_field(d));
                }
            }
            for d in cat.requires.iter().copied() {
                let f = detail_field(d);
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        out.extend([Field::Subject, Field::Description]);
        out
    }

    /// Every field that belongs to this applicant and category: the main ones, then
    /// the optional ones in form order.
    fn relevant(&self, categories: &Categories) -> Vec<Field> {
        let mut out = self.main_fields(categories);
        for f in Field::ORDER {
            let foreign = match self.kind {
                Some(ApplicantKind::PenggunaJasa) => f == Field::Nip,
                Some(ApplicantKind::Pegawai) => f == Field::Org,
                None => false,
            };
            if !out.contains(&f) && !foreign {
                out.push(f);
            }
        }
        out
    }

    /// The fields on screen, in order.
    pub fn visible(&self, categories: &Categories) -> Vec<Field> {
        if self.extras {
            self.relevant(categories)
        } else {
            self.main_fields(categories)
        }
    }

    /// Is the field required for this applicant and category (the mark on screen)?
    pub fn required(&self, f: Field, categories: &Categories) -> bool {
        let cat = self.category.and_then(|i| categories.all().get(i));
        match f {
            Field::Kind
            | Field::Name
            | Field::Channel
            | Field::Category
            | Field::Subject
            | Field::Description => true,
            // Phone or email: the phone is where the mark goes.
            Field::Phone => true,
            Field::Nip => self.kind == Some(ApplicantKind::Pegawai),
            // NPWP or NIB; the NPWP is the one on the main form.
            Field::Org | Field::Npwp => self.kind == Some(ApplicantKind::PenggunaJasa),
            _ => cat.is_some_and(|c| c.requires.iter().any(|d| detail_field(*d) == f)),
        }
    }

    pub fn focused(&self) -> Field {
        self.focus
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

    /// Puts the cursor on `f`, showing the optional fields if it is one of them.
    pub fn focus_on(&mut self, f: Field, categories: &Categories) {
        if !self.main_fields(categories).contains(&f) {
            self.extras = true;
        }
        self.focus = f;
        self.choice_typed.clear();
    }

    /// Is the focus on the last field on screen (where Enter saves)?
    pub fn on_last(&self, categories: &Categories) -> bool {
        self.visible(categories).last() == Some(&self.focus)
    }

    /// How many fields ahead the next required field still empty is (1 when none is):
    /// a choice settled by its number moves there, past fields already filled (from a
    /// pasted message, say), so the officer's next keys land where they are needed.
    pub fn steps_to_next_needed(&self, categories: &Categories) -> isize {
        let fields = self.visible(categories);
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        fields[at + 1..]
            .iter()
            .position(|f| self.required(*f, categories) && self.is_empty(*f))
            .map_or(1, |k| k as isize + 1)
    }

    /// Moves focus by `step` fields among those on screen (wrapping), returning the field left.
    pub fn move_focus(&mut self, step: isize, categories: &Categories) -> Field {
        let left = self.focus;
        // A field filled from the message loses its mark once the officer has been on it.
        self.marked.retain(|f| *f != left);
        let fields = self.visible(categories);
        let n = fields.len() as isize;
        let at = fields.iter().position(|f| *f == left).unwrap_or(0) as isize;
        self.focus = fields[((at + step).rem_euclid(n)) as usize];
        self.choice_typed.clear();
        left
    }

    /// Shows or hides the optional fields; focus stays on screen.
    pub fn toggle_extras(&mut self, categories: &Categories) {
        self.extras = !self.extras;
        if !self.visible(categories).contains(&self.focus) {
            self.focus = Field::Description;
        }
    }

    /// The options of a choice field, each as its code then its labels.
    pub fn options(f: Field, categories: &Categories) -> Vec<Vec<String>> {
        use crate::domain::msg::Lang;
        match f {
            Field::Kind => ApplicantKind::ALL
                .iter()
                .map(|k| {
                    vec![
                        k.as_str().into(),
                        k.label(Lang::Id).into(),
                        k.label(Lang::En).into(),
                    ]
                })
                .collect(),
            Field::Channel => Channel::ALL
                .iter()
                .map(|c| {
                    vec![
                        c.as_str().into(),
                        c.label(Lang::Id).into(),
                        c.label(Lang::En).into(),
                    ]
                })
                .collect(),
            Field::Category => categories
                .all()
                .iter()
                .map(|c| {
                    vec![
                        c.code.clone(),
                        c.name(Lang::Id).into(),
                        c.name(Lang::En).into(),
                    ]
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The index of the option chosen on a choice field.
    pub fn chosen(&self, f: Field) -> Option<usize> {
        match f {
            Field::Kind => self
                .kind
                .and_then(|k| ApplicantKind::ALL.iter().position(|x| *x == k)),
            Field::Channel => self
                .channel
                .and_then(|c| Channel::ALL.iter().position(|x| *x == c)),
            Field::Category => self.category,
            _ => None,
        }
    }

    fn choose(&mut self, f: Field, i: usize) {
        match f {
            Field::Kind => self.kind = ApplicantKind::ALL.get(i).copied(),
            Field::Channel => self.channel = Channel::ALL.get(i).copied(),
            Field::Category => self.category = Some(i),
            _ => return,
        }
        self.dirty = true;
    }

    /// A character typed on the focused choice field: letters pick by code or the
    /// start of a name ("BY" → BYR, "w" → WhatsApp), digits by number ("3" →
    /// the third). A number that no longer number could extend settles the choice.
    pub fn type_choice(&mut self, c: char, categories: &Categories) -> Typed {
        let f = self.focus;
        let options = IntakeState::options(f, categories);
        if options.is_empty() {
            return Typed::NoMatch;
        }
        let n = options.len();
        if let Some(d) = c.to_digit(10) {
            let digits_so_far = self.choice_typed.chars().all(|c| c.is_ascii_digit());
            let mut typed = if digits_so_far {
                format!("{}{d}", self.choice_typed)
            } else {
                d.to_string()
            };
            let valid = |t: &str| t.parse::<usize>().ok().filter(|v| (1..=n).contains(v));
            if valid(&typed).is_none() {
                typed = d.to_string();
            }
            let Some(v) = valid(&typed) else {
                return Typed::NoMatch;
            };
            self.choose(f, v - 1);
            if v * 10 > n {
                self.choice_typed.clear();
                return Typed::Settled;
            }
            self.choice_typed = typed;
            return Typed::Picked;
        }
        if c.is_whitespace() || c.is_control() {
            return Typed::NoMatch;
        }
        let typed = if self.choice_typed.chars().all(|c| c.is_ascii_digit()) {
            c.to_string()
        } else {
            format!("{}{c}", self.choice_typed)
        };
        match pick(&options, &typed) {
            Some(i) => {
                self.choose(f, i);
                self.choice_typed = typed;
                Typed::Picked
            }
            None => Typed::NoMatch,
        }
    }

    /// Backspace on a choice field: forgets the last typed character.
    pub fn untype_choice(&mut self, categories: &Categories) {
        self.choice_typed.pop();
        if !self.choice_typed.is_empty() {
            let options = IntakeState::options(self.focus, categories);
            if let Some(i) = pick(&options, &self.choice_typed) {
                self.choose(self.focus, i);
            }
        }
    }

    /// Turns the choice under focus by one step; false when focus is on text.
    pub fn turn_choice(&mut self, forward: bool, categories: &Categories) -> bool {
        let n = IntakeState::options(self.focus, categories).len();
        if n == 0 {
            return false;
        }
        let next = match (self.chosen(self.focus), forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.choose(self.focus, next);
        self.choice_typed.clear();
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
