//! Styles by meaning. Only the 8 named ANSI colours and modifiers are used, never a
//! fixed background, so the desk reads on light and dark terminals alike; with
//! `NO_COLOR` set, meaning is carried by bold, reverse and underline alone.

use crate::domain::sla::SlaLevel;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// `NO_COLOR` (any non-empty value) turns colour off: <https://no-color.org>.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn muted(&self) -> Style {
        self.fg(Color::DarkGray)
    }
    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn urgent(&self) -> Style {
        let s = self.fg(Color::Red).add_modifier(Modifier::BOLD);
        // Without colour, bold alone would read like the 50 % warning.
        if self.color {
            s
        } else {
            s.add_modifier(Modifier::UNDERLINED)
        }
    }
    pub fn breached(&self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
    pub fn focus(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::UNDERLINED)
    }
    pub fn info(&self) -> Style {
        self.fg(Color::Blue)
    }

    /// The queue's colour for where a complaint stands against its 2 working hours.
    pub fn sla(&self, level: SlaLevel) -> Style {
        match level {
            SlaLevel::Ok => self.ok(),
            SlaLevel::Warn50 => self.warning(),
            SlaLevel::Warn80 => self.urgent(),
            SlaLevel::Breached => self.breached(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_urgency_still_shows() {
        let t = Theme { color: false };
        assert_eq!(t.ok().fg, None);
        assert!(t.breached().add_modifier.contains(Modifier::REVERSED));
        assert!(
            t.sla(SlaLevel::Warn80)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        assert_ne!(
            t.sla(SlaLevel::Warn50),
            t.sla(SlaLevel::Warn80),
            "50 % and 80 % look different without colour"
        );
    }
}
