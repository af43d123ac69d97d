//! What can happen to the desk: the officer's intents (from the keymap or the
//! palette), typed text, the clock, and the results of work done against the desk
//! (their shapes are in `outcome`).

use super::outcome::Outcome;
use super::work::Job;
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;

/// An intent, bound to a key in the keymap and listed in the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Palette,
    Up,
    Down,
    PageUp,
    PageDown,
    /// The first row on the page.
    Home,
    /// The last row on the page.
    End,
    NewIntake,
    Forward,
    Receipt,
    Handover,
    CycleFilter,
    Search,
    ClearFilter,
    NextField,
    PrevField,
    ChoiceNext,
    ChoicePrev,
    Save,
    Back,
    Confirm,
    EditReport,
    SwitchFocus,
    CopyMessage,
    DiscardDraft,
    MoreFields,
    Resolve,
    CancelComplaint,
    HistoryEarlier,
    HistoryLater,
    SaveReport,
    ReadMessage,
    UndoFill,
    OpenReport,
    /// Pick or unpick the complaint under the cursor (one outage, many callers).
    ToggleSelect,
    /// Pick every complaint on screen (again: unpick them).
    SelectAll,
    /// A new complaint like the selected one: same kind, channel, category and problem.
    NewLikeThis,
    /// The ticket of the selected complaint with all its callers.
    Incident,
    /// Copy the messages of every caller waiting by this channel, as one list.
    CopyList,
    /// Hand over every caller waiting by this channel, in one step.
    HandOverAll,
    /// The holidays: this year's and next, and a pasted SKB announcement to enter.
    OpenCalendar,
    /// Tell the applicants of resolved complaints (the one selected, the ones
    /// picked, or a ticket's callers), each then asked their satisfaction.
    Notify,
    /// Paste a new CEISACare token (after logging in again with the second factor).
    NewToken,
    /// Look at the ticket offered as perhaps the same problem (Enter forwards as usual).
    TakeOffer,
}

/// Everything `update` reacts to.
#[derive(Debug, Clone)]
pub enum Msg {
    Do(Action),
    /// A key no binding claimed: text for the focused field.
    Type(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    /// The 1-second tick, carrying the desk's clock.
    Tick(DateTime<Utc>),
    /// Between ticks: has anyone else written? (Another desk's change shows
    /// within a quarter of a second, not at the next tick.)
    Watch,
    Resize(u16, u16),
    Done(Outcome),
    /// Work went to the desk's thread at this time (the desk's clock).
    Posted(Job, DateTime<Utc>),
    /// The desk's thread answered one piece of work (its outcomes came first).
    Settled(Job),
    /// Work has been out longer than a blink: the screen says it is working.
    Slow,
}
