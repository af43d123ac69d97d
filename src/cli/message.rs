//! `read-message`: what a caller's message proposes for the intake form, and
//! `intake --from-message`: the same proposals as the form's defaults, the
//! flags overriding them.

use super::{IntakeArgs, print_json};
use crate::desk::DeskError;
use crate::domain::category::Categories;
use crate::domain::intake::IntakeForm;
use crate::domain::message::{self, Found, MESSAGE_MAX_BYTES, Proposals};
use crate::domain::msg::{FieldError, Lang, M};
use crate::domain::text::for_terminal;
use anyhow::Result;
use clap::Args;
use serde_json::{Map, Value, json};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ReadMessageArgs {
    /// The message as pasted from WhatsApp, an e-mail or an SMS: a text file,
    /// or "-" (or nothing) to read standard input.
    pub file: Option<PathBuf>,
}

/// A refusal about the message, in both languages, naming where it came from.
fn refused(source: &str, problem: impl Fn(Lang) -> String) -> anyhow::Error {
    refused_as("message", source, problem)
}

fn refused_as(
    field: &'static str,
    source: &str,
    problem: impl Fn(Lang) -> String,
) -> anyhow::Error {
    DeskError::Invalid(vec![FieldError::says(field, |lang| {
        M::FromSource(lang, source, problem(lang))
    })])
    .into()
}

/// Reads the message from a file or standard input ("-" or none), refusing
/// more than [`MESSAGE_MAX_BYTES`] without reading further, and text that is
/// not UTF-8.
fn load(path: Option<&Path>) -> Result<(String, String)> {
    load_as("message", path)
}

/// [`load`] for another kind of pasted text (an announcement), named as `field`.
pub(super) fn load_as(field: &'static str, path: Option<&Path>) -> Result<(String, String)> {
    let refused =
        |source: &str, problem: &dyn Fn(Lang) -> String| refused_as(field, source, problem);
    let stdin = path.is_none_or(|p| p == Path::new("-"));
    let source = match path {
        Some(p) if !stdin => p.display().to_string(),
        _ => "stdin".to_string(),
    };
    let limit = MESSAGE_MAX_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if stdin {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path.unwrap_or(Path::new("-")))
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        return Err(refused(&source, &|lang| M::FileUnreadable(lang, &e)));
    }
    if bytes.len() > MESSAGE_MAX_BYTES {
        let kib = MESSAGE_MAX_BYTES / 1024;
        return Err(refused(&source, &|lang| M::PasteTooLong(lang, kib)));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((source, text)),
        Err(_) => Err(refused(&source, &|lang| M::NotUtf8Text.get(lang).into())),
    }
}

fn proposals(path: Option<&Path>) -> Result<(String, Proposals)> {
    let (source, text) = load(path)?;
    let p =
        message::read(&text, &Categories::builtin()).map_err(|e| DeskError::Invalid(vec![e]))?;
    Ok((source, p))
}

/// `bcare-desk read-message [FILE|-]`.
pub fn read_message(args: &ReadMessageArgs, json: bool, lang: Lang) -> Result<()> {
    let (_, p) = proposals(args.file.as_deref())?;
    if json {
        return print_json(&proposals_json(&p));
    }
    put!("{}", proposals_text(&p, lang));
    Ok(())
}

/// The intake form from the flags, its empty fields filled from the message
/// of `--from-message`. A message carrying a password or OTP that would
/// become the description is refused before anything is saved.
pub fn intake_form(args: &IntakeArgs) -> Result<IntakeForm> {
    let mut form = args.form();
    let Some(path) = &args.from_message else {
        return Ok(form);
    };
    let (source, p) = proposals(Some(path))?;
    let filled = message::fill_empty(&mut form, &p);
    if p.secrets && filled.contains(&"description") {
        return Err(refused(&source, |lang| M::SecretInMessage.get(lang).into()));
    }
    Ok(form)
}

/// The JSON of `read-message --json`: each field's value as the form stores
/// it, and under "from" the text it was read from.
pub fn proposals_json(p: &Proposals) -> Value {
    let one = |f: &Option<Found>| f.as_ref().map(|f| f.value.clone());
    let mut from = Map::new();
    let mut note = |key: &str, f: &Option<Found>| {
        if let Some(f) = f {
            from.insert(key.into(), Value::String(f.from.clone()));
        }
    };
    note("phone", &p.phone().cloned());
    note("email", &p.email);
    note("npwp", &p.npwp);
    note("nib", &p.nib);
    note("nip", &p.nip);
    note("user_id", &p.user_id);
    note("name", &p.name);
    note("org", &p.org);
    note("doc_type", &p.doc_type);
    note("subject", &p.subject);
    if !p.aju.is_empty() {
        from.insert(
            "aju".into(),
            p.aju
                .iter()
                .map(|f| f.from.clone())
                .collect::<Vec<_>>()
                .into(),
        );
    }
    json!({
        "phone": p.phone().map(|f| f.value.clone()),
        "phones": p.phones.iter().map(|f| f.value.clone()).collect::<Vec<_>>(),
        "email": one(&p.email),
        "npwp": one(&p.npwp),
        "nib": one(&p.nib),
        "nip": one(&p.nip),
        "aju": p.aju.iter().map(|f| f.value.clone()).collect::<Vec<_>>(),
        "user_id": one(&p.user_id),
        "name": one(&p.name),
        "org": one(&p.org),
        "doc_type": one(&p.doc_type),
        "subject": one(&p.subject),
        "received_at": one(&p.received_at),
        "channel": one(&p.channel),
        "category": p.category.as_ref().map(|c| c.code.clone()),
        "category_words": p.category.as_ref().map(|c| c.words.iter().map(|w| w.value.clone()).collect::<Vec<_>>()).unwrap_or_default(),
        "category_hints": p.category_hints.iter().map(|c| c.code.clone()).collect::<Vec<_>>(),
        "also": p.also.iter().map(|(kind, f)| json!({"kind": kind, "value": f.value, "from": f.from})).collect::<Vec<_>>(),
        "secrets": p.secrets,
        "from": from,
    })
}

/// One line per proposal: the label, the value, and the text it came from;
/// everything from the message made harmless to print.
pub fn proposals_text(p: &Proposals, lang: Lang) -> String {
    let mut lines: Vec<(&str, String, String)> = Vec::new();
    let mut add = |label: M, f: &Found| {
        lines.push((label.get(lang), f.value.clone(), f.from.clone()));
    };
    for f in &p.phones {
        add(M::MsgPhone, f);
    }
    let fields: [(M, &Option<Found>); 4] = [
        (M::MsgEmail, &p.email),
        (M::MsgNpwp, &p.npwp),
        (M::MsgNib, &p.nib),
        (M::MsgNip, &p.nip),
    ];
    for (label, f) in fields {
        if let Some(f) = f {
            add(label, f);
        }
    }
    for f in &p.aju {
        add(M::MsgAju, f);
    }
    let fields: [(M, &Option<Found>); 7] = [
        (M::MsgUserId, &p.user_id),
        (M::MsgName, &p.name),
        (M::MsgOrg, &p.org),
        (M::MsgDocType, &p.doc_type),
        (M::MsgChannel, &p.channel),
        (M::MsgSubject, &p.subject),
        (M::MsgReceived, &p.received_at),
    ];
    for (label, f) in fields {
        if let Some(f) = f {
            add(label, f);
        }
    }
    // A second NPWP, e-mail or user id of the message, for the officer to pick.
    for (kind, f) in &p.also {
        let label = match *kind {
            "npwp" => M::MsgNpwp,
            "nib" => M::MsgNib,
            "nip" => M::MsgNip,
            "email" => M::MsgEmail,
            _ => M::MsgUserId,
        };
        add(label, f);
    }
    let mut out = String::new();
    let width = lines.iter().map(|l| l.0.chars().count()).max().unwrap_or(0);
    let width = width.max(if p.category.is_some() { 8 } else { 0 });
    let one_line = |s: &str| for_terminal(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    for (label, value, from) in &lines {
        let value = one_line(value);
        let from = one_line(from);
        if value == from {
            out.push_str(&format!("{label:<width$}  {value}\n"));
        } else {
            out.push_str(&format!("{label:<width$}  {value}  ← \"{from}\"\n"));
        }
    }
    match (&p.category, p.category_hints.is_empty()) {
        (Some(c), _) => {
            let words: Vec<String> = c.words.iter().map(|w| one_line(&w.value)).collect();
            let label = M::MsgCategory.get(lang);
            out.push_str(&format!(
                "{label:<width$}  {}  ← {}\n",
                c.code,
                words.join(", ")
            ));
        }
        (None, false) => {
            let codes: Vec<&str> = p.category_hints.iter().map(|c| c.code.as_str()).collect();
            out.push_str(&M::MsgCategoryUnclear(lang, codes.join(", ")));
        }
        (None, true) => {}
    }
    if out.is_empty() {
        out.push_str(M::MsgNothingFound.get(lang));
    }
    if p.secrets {
        out.push_str(M::MsgSecret.get(lang));
    }
    out
}
