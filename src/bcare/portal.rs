//! The portal client (the default, and how the work is done today): the report laid
//! out in BCare's fields, copied to the clipboard where the terminal allows, with the
//! portal's address. The officer files it in the browser and records the number
//! with `ticket`.

use super::{BcareClient, BcareError, BcareReport, Filed, TicketStatus};
use crate::domain::msg::{Lang, M};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// What the officer reads after forwarding with the portal client.
pub fn sheet(report: &BcareReport, portal_url: &str, lang: Lang, copied: bool) -> String {
    let rule = "─".repeat(60);
    let head = M::PortalSheetHead.get(lang);
    let copy = if copied {
        M::PortalCopied
    } else {
        M::PortalCopyIt
    }
    .get(lang);
    let next = M::PortalRecordWith.get(lang);
    format!(
        "{head}\n{portal_url}\n{rule}\n{}{rule}\n{copy}\n{next}\n  bcare-desk ticket {} <NOMOR-TIKET>\n",
        report.portal_text(),
        report.reference
    )
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
/// Works over SSH and in tmux and needs no display server; the terminal decides
/// whether to honour it.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{b64}\x07")
}

/// Whether to send OSC 52: only to a real terminal that is not "dumb"; terminals
/// that do not support it ignore the sequence.
pub fn osc52_allowed() -> bool {
    std::io::stdout().is_terminal() && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(false)
}

pub struct PortalClient {
    portal_url: String,
    out: Mutex<Box<dyn Write + Send>>,
    osc52: bool,
    lang: Lang,
}

impl PortalClient {
    pub fn new(portal_url: String, out: Box<dyn Write + Send>, osc52: bool) -> PortalClient {
        PortalClient {
            portal_url,
            out: Mutex::new(out),
            osc52,
            lang: Lang::Id,
        }
    }

    pub fn with_lang(mut self, lang: Lang) -> PortalClient {
        self.lang = lang;
        self
    }
}

impl BcareClient for PortalClient {
    fn name(&self) -> &'static str {
        "portal"
    }

    /// Shows the report and copies it; the number comes back by hand.
    fn file(&self, _key: &str, report: &BcareReport) -> Result<Filed, BcareError> {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let write = |out: &mut Box<dyn Write + Send>| -> std::io::Result<()> {
            if self.osc52 {
                out.write_all(osc52(&report.portal_text()).as_bytes())?;
            }
            // The OSC 52 above is the desk's own; the sheet carries complaint text
            // and goes through the terminal gate like every other output.
            let shown = sheet(report, &self.portal_url, self.lang, self.osc52);
            out.write_all(crate::domain::text::for_terminal(&shown).as_bytes())?;
            out.flush()
        };
        write(&mut out).map_err(|e| BcareError::Setup(format!("cannot show the report: {e}")))?;
        Ok(Filed::Pending)
    }

    fn status(&self, _ticket_no: &str) -> Result<TicketStatus, BcareError> {
        Err(BcareError::Unsupported("portal"))
    }

    /// The desk cannot see the browser; the portal is assumed to be there.
    fn reachable(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_wraps_the_text() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52("Tiket A0254EB2B1 — terima kasih"),
            "\x1b]52;c;VGlrZXQgQTAyNTRFQjJCMSDigJQgdGVyaW1hIGthc2lo\x07"
        );
    }
}
