//! The sheet the officer files from: what the portal client prints (and the
//! ceisacare client, which files through the same web form).

use super::BcareReport;
use crate::domain::msg::{Lang, M};

/// What the officer reads after forwarding: where to file, the report as the form
/// takes it (the katalog and masalah proposed), whether it was copied, and how to
/// record the number that comes back.
pub fn sheet(report: &BcareReport, portal_url: &str, lang: Lang, copied: bool) -> String {
    let rule = "─".repeat(60);
    let copy = if copied {
        M::SheetCopied
    } else {
        M::SheetCopyIt
    };
    format!(
        "{}\n{portal_url}\n{}\n{rule}\n{}{rule}\n{}\n{}\n  bcare-desk ticket {} <{}>\n",
        M::SheetHead.get(lang),
        M::SheetProposed.get(lang),
        report.portal_text(),
        copy.get(lang),
        M::SheetRecordWith.get(lang),
        report.reference,
        M::SheetTicketNo.get(lang),
    )
}
