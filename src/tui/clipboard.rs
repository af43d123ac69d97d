//! Copying through the terminal (OSC 52): works over SSH and in tmux, needs no
//! display server. The terminal decides whether to honour it.

use base64::Engine;

/// The escape sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{b64}\x07")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_text_travels_base64_encoded() {
        assert_eq!(
            super::osc52("Tiket A0254EB2B1"),
            "\x1b]52;c;VGlrZXQgQTAyNTRFQjJCMQ==\x07"
        );
    }
}
