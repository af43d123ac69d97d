//! Scores the message reader against labelled complaints: one JSON object a
//! line, in the shared label format (`uraian`, `category`, `ids`,
//! `passwords`, ...). Used by the look-alike table and by the measuring run
//! on hand-labelled real tickets.

use std::collections::BTreeMap;
use std::fmt;

use bcare_desk::domain::category::Categories;
use bcare_desk::domain::message::{Proposals, read};
use serde_json::Value;

/// One labelled complaint. Other keys (katalog, masalah, doc_type, traps,
/// note) are not read: the reader is judged on what it proposes.
#[derive(Debug)]
pub struct Label {
    pub nomor_tiket: String,
    pub uraian: String,
    pub category: Option<String>,
    pub template: bool,
    pub ids: BTreeMap<String, Vec<String>>,
    pub passwords: Vec<String>,
}

/// A list of strings as labellers write it: an array, one string, or null.
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .filter(|s| !s.trim().is_empty())
            .collect(),
        Some(Value::String(s)) if !s.trim().is_empty() => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn label(v: &Value) -> Result<Label, String> {
    let uraian = v
        .get("uraian")
        .and_then(Value::as_str)
        .ok_or("no uraian text")?
        .to_string();
    let ids = match v.get("ids") {
        Some(Value::Object(m)) => m
            .iter()
            .map(|(k, v)| (k.clone(), strings(Some(v))))
            .collect(),
        _ => BTreeMap::new(),
    };
    Ok(Label {
        nomor_tiket: v
            .get("nomor_tiket")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        uraian,
        category: v
            .get("category")
            .and_then(Value::as_str)
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty()),
        template: v.get("template").and_then(Value::as_bool).unwrap_or(false),
        ids,
        passwords: strings(v.get("passwords")),
    })
}

/// Parses label lines; a blank line is skipped. Returns the labels and,
/// for each line that is not one, where and why (labels by hand can be
/// imperfect: they are counted, not fixed).
pub fn parse_lenient(text: &str, source: &str) -> (Vec<Label>, Vec<String>) {
    let mut labels = Vec::new();
    let mut broken = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line)
            .map_err(|e| e.to_string())
            .and_then(|v| label(&v))
        {
            Ok(l) => labels.push(l),
            Err(e) => broken.push(format!("{source}:{}: {e}", i + 1)),
        }
    }
    (labels, broken)
}

/// Parses label lines, every one of which must be a label.
pub fn parse(text: &str, source: &str) -> Vec<Label> {
    let (labels, broken) = parse_lenient(text, source);
    assert!(broken.is_empty(), "not label lines:\n{}", broken.join("\n"));
    labels
}

/// The kinds of identifier the labels name, as the reader proposes them.
pub const KINDS: [&str; 7] = ["aju", "npwp", "nib", "nip", "phone", "email", "user_id"];

/// A value as the comparison sees it: digits for numbers (letters kept in an
/// aju that has them), a phone's leading 0 or +62 as 62, an e-mail in lower
/// case, a user id as written.
pub fn normalise(kind: &str, v: &str) -> String {
    let v = v.trim();
    match kind {
        "aju" => v
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase(),
        "npwp" | "nib" | "nip" => v.chars().filter(char::is_ascii_digit).collect(),
        "phone" => {
            let d: String = v.chars().filter(char::is_ascii_digit).collect();
            match d.strip_prefix('0') {
                Some(rest) => format!("62{rest}"),
                None => d,
            }
        }
        "email" => v.to_lowercase(),
        _ => v.to_string(),
    }
}

/// Every identifier the reader proposed, by kind, normalised.
pub fn proposed(p: &Proposals) -> BTreeMap<&'static str, Vec<String>> {
    let mut out: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut put = |k: &'static str, v: &str| {
        let n = normalise(k, v);
        let list = out.entry(k).or_default();
        if !list.contains(&n) {
            list.push(n);
        }
    };
    for f in &p.aju {
        put("aju", &f.value);
    }
    for f in &p.phones {
        put("phone", &f.value);
    }
    for (k, f) in [
        ("npwp", &p.npwp),
        ("nib", &p.nib),
        ("nip", &p.nip),
        ("email", &p.email),
        ("user_id", &p.user_id),
    ] {
        if let Some(f) = f {
            put(k, &f.value);
        }
    }
    for (k, f) in &p.also {
        put(k, &f.value);
    }
    out
}

/// What went wrong on one ticket, for the listing under the rates.
#[derive(Debug, Default)]
pub struct Miss {
    pub ticket: String,
    pub category: Option<(String, String)>,
    pub missed: Vec<(String, String)>,
    pub extra: Vec<(String, String)>,
    pub password_missed: bool,
    pub refused: bool,
}

/// The rates the targets are set on.
#[derive(Debug, Default)]
pub struct Rates {
    pub tickets: usize,
    pub template: usize,
    pub category_right: usize,
    pub category_none: usize,
    pub ids_labelled: usize,
    pub ids_found: usize,
    pub ids_extra: usize,
    pub with_password: usize,
    pub passwords_named: usize,
    pub ordinary: usize,
    pub ordinary_refused: usize,
    pub by_kind: BTreeMap<String, (usize, usize, usize)>,
    pub misses: Vec<Miss>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        a as f64 * 100.0 / b as f64
    }
}

impl Rates {
    pub fn category_pct(&self) -> f64 {
        pct(self.category_right, self.tickets)
    }
    pub fn none_pct(&self) -> f64 {
        pct(self.category_none, self.tickets)
    }
    pub fn ids_pct(&self) -> f64 {
        pct(self.ids_found, self.ids_labelled)
    }
    pub fn extra_per_100(&self) -> f64 {
        pct(self.ids_extra, self.tickets)
    }

    /// The targets this falls short of, each named with its number.
    pub fn shortfalls(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.category_pct() < 85.0 {
            out.push(format!(
                "category right {:.1} % < 85 %",
                self.category_pct()
            ));
        }
        if self.none_pct() > 10.0 {
            out.push(format!("none proposed {:.1} % > 10 %", self.none_pct()));
        }
        if self.ids_pct() < 97.0 {
            out.push(format!("identifiers found {:.1} % < 97 %", self.ids_pct()));
        }
        if self.extra_per_100() > 1.0 {
            out.push(format!(
                "identifiers not there {:.2} per 100 > 1",
                self.extra_per_100()
            ));
        }
        if self.passwords_named < self.with_password {
            out.push(format!(
                "passwords named {}/{}",
                self.passwords_named, self.with_password
            ));
        }
        if self.ordinary_refused > 0 {
            out.push(format!("ordinary texts refused {}", self.ordinary_refused));
        }
        out
    }
}

impl fmt::Display for Rates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "tickets {} (template {})", self.tickets, self.template)?;
        writeln!(
            f,
            "category right {}/{} = {:.1} %; none proposed {} = {:.1} %",
            self.category_right,
            self.tickets,
            self.category_pct(),
            self.category_none,
            self.none_pct()
        )?;
        writeln!(
            f,
            "identifiers found {}/{} = {:.1} %; proposed but not there {} = {:.2} per 100 tickets",
            self.ids_found,
            self.ids_labelled,
            self.ids_pct(),
            self.ids_extra,
            self.extra_per_100()
        )?;
        for (k, (lab, found, extra)) in &self.by_kind {
            writeln!(f, "  {k}: found {found}/{lab}, not there {extra}")?;
        }
        writeln!(
            f,
            "passwords named {}/{}; ordinary texts refused {}/{}",
            self.passwords_named, self.with_password, self.ordinary_refused, self.ordinary
        )
    }
}

/// Reads every label's text and counts against its labels.
pub fn score(labels: &[Label]) -> Rates {
    let cats = Categories::builtin();
    let mut r = Rates::default();
    for l in labels {
        let p = read(&l.uraian, &cats).expect("a complaint is shorter than 64 KiB");
        let mut miss = Miss {
            ticket: l.nomor_tiket.clone(),
            ..Miss::default()
        };
        r.tickets += 1;
        r.template += usize::from(l.template);
        let got = p.category.as_ref().map(|c| c.code.clone());
        match (&got, &l.category) {
            (None, _) => {
                r.category_none += 1;
                miss.category = Some(("-".into(), l.category.clone().unwrap_or_default()));
            }
            (Some(g), Some(want)) if g == want => r.category_right += 1,
            (Some(g), want) => {
                miss.category = Some((g.clone(), want.clone().unwrap_or_default()));
            }
        }
        let proposed = proposed(&p);
        for kind in KINDS {
            let want: Vec<String> = l
                .ids
                .get(kind)
                .map(|vs| vs.iter().map(|v| normalise(kind, v)).collect())
                .unwrap_or_default();
            let mut want_set = want.clone();
            want_set.sort();
            want_set.dedup();
            let got = proposed.get(kind).cloned().unwrap_or_default();
            let e = r.by_kind.entry(kind.to_string()).or_default();
            for w in &want_set {
                e.0 += 1;
                r.ids_labelled += 1;
                if got.contains(w) {
                    e.1 += 1;
                    r.ids_found += 1;
                } else {
                    miss.missed.push((kind.to_string(), w.clone()));
                }
            }
            for g in &got {
                if !want_set.contains(g) {
                    e.2 += 1;
                    r.ids_extra += 1;
                    miss.extra.push((kind.to_string(), g.clone()));
                }
            }
        }
        if l.passwords.is_empty() {
            r.ordinary += 1;
            if p.secrets {
                r.ordinary_refused += 1;
                miss.refused = true;
            }
        } else {
            r.with_password += 1;
            if p.secrets {
                r.passwords_named += 1;
            } else {
                miss.password_missed = true;
            }
        }
        if miss.category.is_some()
            || !miss.missed.is_empty()
            || !miss.extra.is_empty()
            || miss.password_missed
            || miss.refused
        {
            r.misses.push(miss);
        }
    }
    r
}

/// The misses, one line each; values are printed only when `values` is true
/// (never for real tickets: a value is personal data).
pub fn misses(r: &Rates, values: bool) -> String {
    let mut out = String::new();
    for m in &r.misses {
        let mut parts = Vec::new();
        if let Some((got, want)) = &m.category {
            parts.push(format!("category {got} (labelled {want})"));
        }
        let show = |v: &(String, String)| {
            if values {
                format!("{}={}", v.0, v.1)
            } else {
                v.0.clone()
            }
        };
        if !m.missed.is_empty() {
            let v: Vec<String> = m.missed.iter().map(show).collect();
            parts.push(format!("missed {}", v.join(", ")));
        }
        if !m.extra.is_empty() {
            let v: Vec<String> = m.extra.iter().map(show).collect();
            parts.push(format!("not there {}", v.join(", ")));
        }
        if m.password_missed {
            parts.push("password not named".into());
        }
        if m.refused {
            parts.push("ordinary text refused".into());
        }
        out.push_str(&format!("{}: {}\n", m.ticket, parts.join("; ")));
    }
    out
}
