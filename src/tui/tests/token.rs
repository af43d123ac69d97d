//! The CEISACare token on the screen: its end on the status bar, a banner when
//! it is missing, expired or refused, and a new one pasted from the palette
//! (shown only as its length).

use super::{Harness, monday_morning};
use crate::config::ClientKind;
use crate::domain::ceisacare::token;
use crate::domain::msg::Lang;
use crate::tui::action::Msg;
use crate::tui::outcome::Outcome;
use crossterm::event::KeyCode;

#[test]
fn a_token_pasted_from_the_palette_shows_its_end_and_a_refusal_shows_a_banner() {
    let mut h = Harness::with_client(Lang::Id, (120, 35), ClientKind::Ceisacare);
    assert!(
        h.render().contains("Belum ada token CEISACare"),
        "{}",
        h.render()
    );
    h.key(KeyCode::Char(':'));
    h.type_text("token");
    h.key(KeyCode::Enter);
    let jwt = token::unsigned(monday_morning() + chrono::TimeDelta::hours(8), "uji");
    h.send(Msg::Paste(format!("{jwt}\r\n")));
    let shown = h.render();
    assert!(!shown.contains(&jwt[..24]), "the token is never shown");
    assert!(shown.contains("karakter"), "{shown}");
    h.key(KeyCode::Enter);
    let shown = h.render();
    assert!(shown.contains("token s/d 17:00"), "{shown}");
    assert!(shown.contains("Token CEISACare tersimpan"), "{shown}");
    assert!(!shown.contains("kedaluwarsa"), "{shown}");
    // The worker says CEISACare refused it: a banner until a new one is pasted.
    h.send(Msg::Done(Outcome::TokenRefused));
    assert!(h.render().contains("Token CEISACare kedaluwarsa"));
    h.key(KeyCode::Char('T'));
    h.send(Msg::Paste(jwt.clone()));
    h.key(KeyCode::Enter);
    assert!(!h.render().contains("kedaluwarsa"));
    // A paste that is not a token is refused by name; the one kept stays.
    h.key(KeyCode::Char('T'));
    h.send(Msg::Paste("bukan-token".into()));
    h.key(KeyCode::Enter);
    let shown = h.render();
    assert!(shown.contains("JWT"), "{shown}");
    assert!(shown.contains("token s/d 17:00"), "{shown}");
}
