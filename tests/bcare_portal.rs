//! The portal client: the report laid out in BCare's fields, as the officer sees it.

mod bcare_support;

use bcare_desk::bcare::portal::{PortalClient, osc52, sheet};
use bcare_desk::bcare::{BcareClient, Filed};
use bcare_desk::config::Config;
use bcare_desk::desk::Forwarded;
use bcare_desk::domain::msg::Lang;
use bcare_support::Bench;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Screen(Arc<Mutex<Vec<u8>>>);

impl Write for Screen {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn forwarded_report() -> (Bench, bcare_desk::bcare::BcareReport, String) {
    let mut b = Bench::with_config(Config::default());
    let reference = b.intake("PIB belum mendapat respon");
    let (_, outcome) = b.desk.forward(&reference).unwrap();
    let Forwarded::Portal { report, portal_url } = outcome else {
        panic!("the default client is the portal");
    };
    (b, report, portal_url)
}

#[test]
fn the_portal_sheet_lays_the_report_out_field_by_field() {
    let (_b, report, url) = forwarded_report();
    assert_eq!(url, "https://ceisacare.beacukai.go.id");
    insta::assert_snapshot!(
        "bcare_portal_sheet_id",
        sheet(&report, &url, Lang::Id, true)
    );
    insta::assert_snapshot!(
        "bcare_portal_sheet_en",
        sheet(&report, &url, Lang::En, false)
    );
}

#[test]
fn the_portal_client_copies_with_osc52_and_leaves_the_number_to_the_officer() {
    let (b, report, url) = forwarded_report();
    let screen = Screen::default();
    let client = PortalClient::new(url.clone(), Box::new(screen.clone()), true);
    assert_eq!(
        client.file(&report.reference, &report).unwrap(),
        Filed::Pending
    );
    let printed = String::from_utf8(screen.0.lock().unwrap().clone()).unwrap();
    let copy = osc52(&report.portal_text());
    assert!(printed.starts_with(&copy), "{printed:?}");
    assert_eq!(&printed[copy.len()..], sheet(&report, &url, Lang::Id, true));
    // Dir. IKC gets the NPWP it acts on; the phone stays on the desk.
    assert!(printed.contains("NPWP : 012345678901000"), "{printed}");
    assert!(
        !printed.contains("0812") && !printed.contains("+62"),
        "{printed}"
    );
    // No outbox row: the portal is filed by hand.
    let c = b.desk.get(&report.reference).unwrap();
    assert!(b.store().outbox_of(c.id).unwrap().is_empty());
}

#[test]
fn without_osc52_nothing_but_the_sheet_is_printed() {
    let (_b, report, url) = forwarded_report();
    let screen = Screen::default();
    let client =
        PortalClient::new(url.clone(), Box::new(screen.clone()), false).with_lang(Lang::En);
    client.file(&report.reference, &report).unwrap();
    let printed = String::from_utf8(screen.0.lock().unwrap().clone()).unwrap();
    assert!(!printed.contains('\x1b'));
    assert_eq!(printed, sheet(&report, &url, Lang::En, false));
}
