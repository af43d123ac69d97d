//! The BCare report: one function builds it from a complaint, so the portal text,
//! the HTTP body and the screen preview are the same report.
//!
//! It is laid out as CEISACare's form is filled: the katalog and masalah proposed,
//! then the template its users write (Nama, Nama Perusahaan, NPWP; 1. Jenis Dokumen
//! … 5. Waktu Submit). It is in Indonesian whatever the desk's language: it is
//! written for Dir. IKC, in the form's own words.

mod contact;
mod sheet;

pub use sheet::sheet;

use crate::domain::category::Category;
use crate::domain::complaint::{Applicant, ApplicantKind, Complaint};
use crate::domain::katalog;
use crate::domain::when::short_local;
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

/// The report as BCare's form asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BcareReport {
    /// The desk's reference; also the idempotency key, so a repeat never files twice.
    pub reference: String,
    pub category: String,
    /// Category name as BCare shows it (Indonesian).
    pub category_name: String,
    /// CEISACare's katalog, proposed from the category ("Dukungan Layanan").
    /// Empty in a report queued before the desk proposed one.
    #[serde(default)]
    pub katalog: String,
    /// CEISACare's masalah, proposed ("PIB - Status Stuck Validasi").
    #[serde(default)]
    pub masalah: String,
    /// "Permasalahan": the one-line problem.
    pub problem: String,
    /// "Uraian": CEISACare's template, filled in.
    pub description: String,
}

impl BcareReport {
    /// Lays a complaint out in CEISACare's fields, with the identifiers Dir. IKC
    /// acts on (NPWP/NITKU/NIB or NIP, user id, every aju) and the office reference
    /// that matches a ticket back to the complaint. The applicant's phone and e-mail
    /// stay on the desk, even where the caller's own message carried them: Dir. IKC
    /// answers the office.
    pub fn from_complaint(c: &Complaint, category: &Category, offset: FixedOffset) -> BcareReport {
        let d = &c.details;
        let a = &d.applicant;
        let words = [
            d.subject.as_str(),
            d.description.as_str(),
            d.doc_status.as_deref().unwrap_or(""),
        ]
        .join("\n");
        let filing = katalog::propose(category, d.doc_type.as_deref(), &words);
        let when = |t: DateTime<Utc>| format!("{} WITA", short_local(t, offset));
        let or_dash = |v: Option<String>| v.filter(|v| !v.trim().is_empty()).unwrap_or("-".into());

        let mut lines = vec![who(a)];
        if let Some(u) = d.user_id.as_deref().filter(|u| !u.is_empty()) {
            lines.push(format!("User ID : {u}"));
        }
        lines.push(format!(
            "1. Jenis Dokumen : {}",
            or_dash(d.doc_type.clone())
        ));
        lines.push(format!("2. No. Aju : {}", or_dash(Some(d.aju.join(", ")))));
        lines.push(format!("3. Uraian Masalah : {}", d.subject));
        if !d.description.trim().is_empty() {
            lines.push(d.description.clone());
        }
        lines.push(format!(
            "4. Status Dokumen : {}",
            or_dash(d.doc_status.clone())
        ));
        lines.push(format!(
            "5. Waktu Submit : {}",
            or_dash(d.doc_submitted_at.map(when))
        ));
        if !d.attachments.is_empty() {
            lines.push(format!("Lampiran : {}", d.attachments.join(", ")));
        }
        lines.push(format!("Diterima kantor : {}", when(d.received_at)));
        // The exact shape the ceisacare client looks for in a ticket's text.
        lines.push(format!("Referensi kantor: {}", c.reference));
        let keep_off = |t: &str| contact::without(t, a.phone.as_deref(), a.email.as_deref());
        BcareReport {
            reference: c.reference.clone(),
            category: category.code.clone(),
            category_name: category.name(crate::domain::msg::Lang::Id).to_string(),
            katalog: filing.katalog,
            masalah: filing.masalah,
            problem: keep_off(&d.subject),
            description: keep_off(&lines.join("\n")),
        }
    }

    /// The report as text to paste into the portal, field by field.
    pub fn portal_text(&self) -> String {
        let mut out = String::new();
        // A report queued before the desk proposed them has neither.
        if !self.katalog.is_empty() {
            out.push_str(&format!("Katalog: {}\n", self.katalog));
        }
        if !self.masalah.is_empty() {
            out.push_str(&format!("Masalah: {}\n", self.masalah));
        }
        out.push_str(&format!(
            "Permasalahan: {}\nUraian:\n{}\n",
            self.problem, self.description
        ));
        out
    }
}

/// The template's first line: who asks, and the identifiers Dir. IKC looks them up by.
fn who(a: &Applicant) -> String {
    let mut parts = vec![format!("Nama : {}", a.name)];
    let mut put = |label: &str, v: &Option<String>| {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            parts.push(format!("{label} : {v}"));
        }
    };
    let org = match a.kind {
        ApplicantKind::Pegawai => "Unit Kerja",
        ApplicantKind::PenggunaJasa => "Nama Perusahaan",
    };
    put(org, &a.org);
    if let Some(n) = &a.npwp {
        // 22 digits is the NITKU (the NPWP and the place of business).
        let digits = n.chars().filter(char::is_ascii_digit).count();
        put(if digits == 22 { "NITKU" } else { "NPWP" }, &a.npwp);
    }
    put("NIB", &a.nib);
    put("NIP", &a.nip);
    parts.join("  ")
}

#[cfg(test)]
mod tests;
