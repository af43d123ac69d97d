//! The BCare report: one function builds it from a complaint, so the portal text,
//! the HTTP body and the screen preview are the same report.

use crate::domain::category::Category;
use crate::domain::complaint::Complaint;
use crate::domain::msg::Lang;
use crate::domain::when::short_local;
use chrono::FixedOffset;
use serde::{Deserialize, Serialize};

/// The report as BCare's form asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BcareReport {
    /// The desk's reference; also the idempotency key, so a repeat never files twice.
    pub reference: String,
    pub category: String,
    /// Category name as BCare shows it (Indonesian).
    pub category_name: String,
    /// "Permasalahan": the one-line problem.
    pub problem: String,
    /// "Deskripsi": the filled-in intake template.
    pub description: String,
}

impl BcareReport {
    /// Lays a complaint out in BCare's fields. The description follows the intake
    /// template: who, which document, its status, when, attachments, then the story.
    /// Contact details (phone, email, NPWP) stay on the desk: BCare needs the problem.
    pub fn from_complaint(c: &Complaint, category: &Category, offset: FixedOffset) -> BcareReport {
        let d = &c.details;
        let a = &d.applicant;
        let mut lines = Vec::new();
        let mut put = |label: &str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                lines.push(format!("{label}: {v}"));
            }
        };
        put("Nama pemohon", Some(a.name.clone()));
        put("Jenis pemohon", Some(a.kind.label(Lang::Id).to_string()));
        put("Perusahaan", a.org.clone());
        put("User ID", d.user_id.clone());
        put("Jenis dokumen", d.doc_type.clone());
        put("Nomor aju", (!d.aju.is_empty()).then(|| d.aju.join(", ")));
        put("Status dokumen", d.doc_status.clone());
        put(
            "Waktu pengiriman dokumen",
            d.doc_submitted_at
                .map(|t| format!("{} WITA", short_local(t, offset))),
        );
        put(
            "Diterima kantor",
            Some(format!("{} WITA", short_local(d.received_at, offset))),
        );
        put(
            "Lampiran",
            (!d.attachments.is_empty()).then(|| d.attachments.join(", ")),
        );
        put("Referensi kantor", Some(c.reference.clone()));
        let description = format!("{}\n\n{}", lines.join("\n"), d.description);
        BcareReport {
            reference: c.reference.clone(),
            category: category.code.clone(),
            category_name: category.name(Lang::Id).to_string(),
            problem: d.subject.clone(),
            description,
        }
    }

    /// The report as text to paste into the portal, field by field.
    pub fn portal_text(&self) -> String {
        format!(
            "Kategori: {} — {}\nPermasalahan: {}\nDeskripsi:\n{}\n",
            self.category, self.category_name, self.problem, self.description
        )
    }
}
