//! Where the officer is: which bindings of the keymap apply. The state says
//! which scope is on (`App::scope`), the keymap's table is keyed by it.

use super::i18n::T;

/// Where the officer is: decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Queue,
    Search,
    Intake,
    Forward,
    ForwardEdit,
    Receipt,
    Handover,
    /// Handing over past the deadline: the reason is typed or picked.
    HandoverLate,
    /// Handing over by a channel the complaint has no phone or address for: typed.
    HandoverReach,
    Close,
    Report,
    Overlay,
    Suggest,
    Bulk,
    Walk,
    /// The walk asking why a handover is past the deadline.
    WalkLate,
    Incident,
    /// The holidays, and a pasted announcement.
    Calendar,
    /// Telling applicants Dir. IKC solved it.
    Notify,
    /// The applicant's satisfaction, typed in one line after the notice.
    NotifySkm,
}

impl Scope {
    #[cfg(test)]
    pub const ALL: [Scope; 21] = [
        Scope::Global,
        Scope::Queue,
        Scope::Search,
        Scope::Intake,
        Scope::Forward,
        Scope::ForwardEdit,
        Scope::Receipt,
        Scope::Handover,
        Scope::HandoverLate,
        Scope::HandoverReach,
        Scope::Close,
        Scope::Report,
        Scope::Overlay,
        Scope::Suggest,
        Scope::Bulk,
        Scope::Walk,
        Scope::WalkLate,
        Scope::Incident,
        Scope::Calendar,
        Scope::Notify,
        Scope::NotifySkm,
    ];

    pub fn label(self) -> T {
        match self {
            Scope::Global => T::ScopeGlobal,
            Scope::Queue => T::ScopeQueue,
            Scope::Search => T::ScopeSearch,
            Scope::Intake => T::ScopeIntake,
            Scope::Forward | Scope::ForwardEdit => T::ScopeForward,
            Scope::Receipt => T::ScopeReceipt,
            Scope::Handover | Scope::HandoverLate | Scope::HandoverReach => T::ScopeHandover,
            Scope::Close => T::ScopeClose,
            Scope::Report => T::ScopeReport,
            Scope::Overlay => T::ScopeOverlay,
            Scope::Suggest => T::ScopeSuggest,
            Scope::Bulk => T::ScopeBulk,
            Scope::Walk | Scope::WalkLate => T::ScopeWalk,
            Scope::Incident => T::ScopeIncident,
            Scope::Calendar => T::ScopeCalendar,
            Scope::Notify | Scope::NotifySkm => T::ScopeNotify,
        }
    }

    /// Scopes where unbound keys are typed text.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Scope::Search
                | Scope::Intake
                | Scope::ForwardEdit
                | Scope::Receipt
                | Scope::HandoverLate
                | Scope::HandoverReach
                | Scope::Close
                | Scope::Overlay
                | Scope::Bulk
                | Scope::WalkLate
                | Scope::NotifySkm
        )
    }
}
