//! One outage, many callers on screen: the complaints picked in the queue, the
//! offer of an open ticket after intake, the bulk step on the picked ones, the
//! walk through their handovers and the incident view's state. Pure data.

use crate::domain::complaint::{Channel, Complaint};
use crate::domain::incident::{Incident, IncidentCandidate};
use ratatui_textarea::TextArea;

/// The complaints picked in the queue, by reference, in the order picked. It
/// outlives a page or a reload: the officer may pick across pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    refs: Vec<String>,
}

impl Selection {
    /// Picks the complaint, or drops it if it was picked; true when it is now picked.
    pub fn toggle(&mut self, reference: &str) -> bool {
        match self.refs.iter().position(|r| r == reference) {
            Some(i) => {
                self.refs.remove(i);
                false
            }
            None => {
                self.refs.push(reference.to_string());
                true
            }
        }
    }

    /// Picks every one of `references` (the rows on screen); already picked stay once.
    /// When all of them were picked already, drops them instead: the same key undoes.
    pub fn toggle_all<'a>(&mut self, references: impl IntoIterator<Item = &'a str>) {
        let visible: Vec<&str> = references.into_iter().collect();
        if !visible.is_empty() && visible.iter().all(|r| self.contains(r)) {
            self.refs.retain(|r| !visible.contains(&r.as_str()));
            return;
        }
        for r in visible {
            if !self.contains(r) {
                self.refs.push(r.to_string());
            }
        }
    }

    pub fn contains(&self, reference: &str) -> bool {
        self.refs.iter().any(|r| r == reference)
    }

    pub fn clear(&mut self) {
        self.refs.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    pub fn len(&self) -> usize {
        self.refs.len()
    }

    pub fn refs(&self) -> &[String] {
        &self.refs
    }
}

/// After a complaint is saved: the open tickets of its category within the window.
#[derive(Debug, Clone)]
pub struct SuggestState {
    pub reference: String,
    pub candidates: Vec<IncidentCandidate>,
    pub selected: usize,
}

impl SuggestState {
    pub fn chosen(&self) -> Option<&IncidentCandidate> {
        self.candidates.get(self.selected)
    }
}

/// What a bulk step on the picked complaints does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkKind {
    /// Link them all to one ticket (typed: a ticket number or a reference).
    Link,
    /// Cancel them all with one reason.
    Cancel,
}

#[derive(Debug, Clone)]
pub struct BulkState {
    pub kind: BulkKind,
    pub refs: Vec<String>,
    pub text: TextArea<'static>,
    pub error: Option<String>,
    /// A link's open tickets to choose from (↑/↓ puts one's number in the line).
    pub choices: Vec<IncidentCandidate>,
    pub chosen: Option<usize>,
}

impl BulkState {
    pub fn new(kind: BulkKind, refs: Vec<String>) -> BulkState {
        BulkState {
            kind,
            refs,
            text: TextArea::default(),
            error: None,
            choices: Vec::new(),
            chosen: None,
        }
    }

    /// Moves the choice by `step` (−1 up, +1 down) and writes its ticket number
    /// in the line, replacing what was typed.
    pub fn choose(&mut self, step: isize) {
        if self.choices.is_empty() {
            return;
        }
        let last = self.choices.len() as isize - 1;
        let at = match self.chosen {
            None if step < 0 => last,
            None => 0,
            Some(i) => (i as isize + step).clamp(0, last),
        } as usize;
        self.chosen = Some(at);
        if let Some(t) = &self.choices[at].ticket_no {
            self.text = TextArea::from([t.clone()]);
            self.text.move_cursor(ratatui_textarea::CursorMove::End);
        }
        self.error = None;
    }
}

/// Handing one ticket number to many applicants, one after the other.
#[derive(Debug, Clone)]
pub struct WalkState {
    /// The callers, in order, each with the channel it will be handed over by
    /// (at first the one the complaint came by) and whether it is done.
    pub callers: Vec<WalkCaller>,
    pub at: usize,
    pub error: Option<String>,
    /// Past the deadline: the reason asked for before Enter (or `a`) records it.
    pub late: Option<Box<WalkLate>>,
}

/// The late reason the walk asks for, as the single handover pane does: for the
/// caller on screen, or one reason for all those waiting by a channel.
#[derive(Debug, Clone)]
pub struct WalkLate {
    /// Who is handed over once the reason is given (all of them with `all`).
    pub refs: Vec<String>,
    pub via: Channel,
    pub all: bool,
    /// How many of `refs` are past their deadline.
    pub late: usize,
    pub reason: Option<crate::domain::report::LateReason>,
    pub words: TextArea<'static>,
    /// Typing goes to the words rather than picking the reason.
    pub on_words: bool,
}

impl WalkLate {
    pub fn new(refs: Vec<String>, via: Channel, all: bool, late: usize) -> WalkLate {
        WalkLate {
            refs,
            via,
            all,
            late,
            reason: None,
            words: TextArea::default(),
            on_words: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct WalkCaller {
    pub complaint: Complaint,
    pub via: Channel,
    pub done: bool,
}

impl WalkState {
    pub fn new(complaints: Vec<Complaint>) -> WalkState {
        let callers = complaints
            .into_iter()
            .map(|c| WalkCaller {
                via: c.details.channel,
                complaint: c,
                done: false,
            })
            .collect();
        WalkState {
            callers,
            at: 0,
            error: None,
            late: None,
        }
    }

    pub fn current(&self) -> Option<&WalkCaller> {
        self.callers.get(self.at)
    }

    /// Marks `reference` handed over and moves to the next caller still waiting
    /// (after it, then from the top). False when none waits any more.
    pub fn handed_over(&mut self, reference: &str) -> bool {
        for c in self
            .callers
            .iter_mut()
            .filter(|c| c.complaint.reference == reference)
        {
            c.done = true;
        }
        let n = self.callers.len();
        let next = (1..=n)
            .map(|step| (self.at + step) % n.max(1))
            .find(|i| !self.callers[*i].done);
        match next {
            Some(i) => {
                self.at = i;
                true
            }
            None => false,
        }
    }

    /// The callers still waiting whose handover goes by `via`.
    pub fn waiting_by(&self, via: Channel) -> Vec<&Complaint> {
        self.callers
            .iter()
            .filter(|c| !c.done && c.via == via)
            .map(|c| &c.complaint)
            .collect()
    }

    pub fn remaining(&self) -> usize {
        self.callers.iter().filter(|c| !c.done).count()
    }
}

#[derive(Debug, Clone)]
pub struct IncidentState {
    pub incident: Incident,
    pub selected: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_picks_and_unpicks_and_the_order_is_kept() {
        let mut s = Selection::default();
        assert!(s.toggle("ADU-2026-00002"));
        assert!(s.toggle("ADU-2026-00001"));
        assert_eq!(s.refs(), ["ADU-2026-00002", "ADU-2026-00001"]);
        assert!(!s.toggle("ADU-2026-00002"));
        assert_eq!(s.refs(), ["ADU-2026-00001"]);
        assert!(!s.contains("ADU-2026-00002"));
    }

    #[test]
    fn select_all_adds_the_visible_ones_once_and_a_second_press_drops_them() {
        let mut s = Selection::default();
        s.toggle("ADU-2026-00009");
        s.toggle("ADU-2026-00001");
        let page = ["ADU-2026-00001", "ADU-2026-00002", "ADU-2026-00003"];
        s.toggle_all(page);
        assert_eq!(s.len(), 4, "{:?}", s.refs());
        s.toggle_all(page);
        assert_eq!(s.refs(), ["ADU-2026-00009"], "picked on another page stays");
        s.toggle_all([]);
        assert_eq!(s.len(), 1);
    }
}
