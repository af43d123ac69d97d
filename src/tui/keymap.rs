//! The keymap is data: one table says which key does what where. Dispatch, the
//! footer hints, the help overlay and the command palette all read this table,
//! so help can never drift from behaviour.

use super::action::Action;
use super::i18n::T;
use super::scope::Scope;
use crate::domain::msg::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    pub label: T,
    /// Shown in the footer of its scope.
    pub hint: bool,
    /// Listed in the help (a key every terminal user expects, such as Home and
    /// End, is left out so an 80×24 help keeps its last lines).
    pub listed: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn b(scope: Scope, code: KeyCode, mods: KeyModifiers, action: Action, label: T) -> Binding {
    Binding {
        scope,
        code,
        mods,
        action,
        label,
        hint: true,
        listed: true,
    }
}

/// Like `b`, but left out of the footer (an alternative key, or an obvious one).
const fn quiet(
    scope: Scope,
    code: KeyCode,
    mods: KeyModifiers,
    action: Action,
    label: T,
) -> Binding {
    Binding {
        hint: false,
        ..b(scope, code, mods, action, label)
    }
}

/// Like `quiet`, and left out of the help too (the README names it).
const fn unlisted(
    scope: Scope,
    code: KeyCode,
    mods: KeyModifiers,
    action: Action,
    label: T,
) -> Binding {
    Binding {
        listed: false,
        ..quiet(scope, code, mods, action, label)
    }
}

use Action as A;
use KeyCode as K;
use Scope as S;

pub const KEYMAP: &[Binding] = &[
    quiet(S::Global, K::Char('c'), CTRL, A::Quit, T::AQuit),
    quiet(S::Global, K::F(1), NONE, A::Help, T::AHelp),
    quiet(S::Global, K::Char('p'), CTRL, A::Palette, T::APalette),
    // Queue: help and quit first, so the footer always has room for them
    b(S::Queue, K::Char('?'), NONE, A::Help, T::AHelp),
    b(S::Queue, K::Char('q'), NONE, A::Quit, T::AQuit),
    b(S::Queue, K::Char(':'), NONE, A::Palette, T::APalette),
    b(S::Queue, K::Char('n'), NONE, A::NewIntake, T::ANew),
    b(S::Queue, K::Char('f'), NONE, A::Forward, T::AForward),
    b(S::Queue, K::Char('t'), NONE, A::Receipt, T::AReceipt),
    b(S::Queue, K::Char('h'), NONE, A::Handover, T::AHandover),
    b(S::Queue, K::Char('r'), NONE, A::Resolve, T::AResolve),
    b(S::Queue, K::Char('x'), NONE, A::CancelComplaint, T::ACancel),
    b(S::Queue, K::Char('s'), NONE, A::CycleFilter, T::AFilter),
    b(S::Queue, K::Char('/'), NONE, A::Search, T::ASearch),
    b(S::Queue, K::Char('l'), NONE, A::OpenReport, T::AReport),
    quiet(S::Queue, K::Char('K'), NONE, A::OpenCalendar, T::ACalendar),
    quiet(S::Queue, K::Char('T'), NONE, A::NewToken, T::ANewToken),
    quiet(S::Queue, K::Char('['), NONE, A::HistoryEarlier, T::AEarlier),
    quiet(S::Queue, K::Char(']'), NONE, A::HistoryLater, T::ALater),
    quiet(S::Queue, K::Esc, NONE, A::ClearFilter, T::AClear),
    quiet(S::Queue, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Queue, K::Char('k'), NONE, A::Up, T::AUp),
    quiet(S::Queue, K::Down, NONE, A::Down, T::ADown),
    quiet(S::Queue, K::Char('j'), NONE, A::Down, T::ADown),
    quiet(S::Queue, K::PageUp, NONE, A::PageUp, T::APageUp),
    quiet(S::Queue, K::PageDown, NONE, A::PageDown, T::APageDown),
    unlisted(S::Queue, K::Home, NONE, A::Home, T::AEdge),
    unlisted(S::Queue, K::End, NONE, A::End, T::AEdge),
    // Search (typing filters the queue)
    b(S::Search, K::Enter, NONE, A::Confirm, T::AConfirm),
    b(S::Search, K::Esc, NONE, A::ClearFilter, T::AClear),
    quiet(S::Search, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Search, K::Down, NONE, A::Down, T::ADown),
    // Intake: Enter moves on and saves on the last field; Tab is the same without saving.
    // (footer order is importance: the last hints give way first on a narrow screen)
    b(S::Intake, K::Enter, NONE, A::Confirm, T::ANextOrSave),
    b(S::Intake, K::Char('s'), CTRL, A::Save, T::ASave),
    b(S::Intake, K::Esc, NONE, A::Back, T::ABack),
    b(S::Intake, K::Char('o'), CTRL, A::MoreFields, T::AMoreFields),
    quiet(S::Intake, K::Tab, NONE, A::NextField, T::ANextField),
    quiet(
        S::Intake,
        K::BackTab,
        KeyModifiers::SHIFT,
        A::PrevField,
        T::APrevField,
    ),
    quiet(S::Intake, K::Right, NONE, A::ChoiceNext, T::AChoice),
    quiet(S::Intake, K::Left, NONE, A::ChoicePrev, T::AChoice),
    b(S::Intake, K::Char('d'), CTRL, A::DiscardDraft, T::ADiscard),
    // Ctrl-T (tempel): the caller's message in the description fills the empty
    // fields (Ctrl-V is the terminal's own paste; a paste into an empty form reads it too).
    b(
        S::Intake,
        K::Char('t'),
        CTRL,
        A::ReadMessage,
        T::AReadMessage,
    ),
    quiet(S::Intake, K::Char('z'), CTRL, A::UndoFill, T::AUndoFill),
    // Forward
    b(S::Forward, K::Enter, NONE, A::Confirm, T::ASend),
    b(S::Forward, K::Char('e'), NONE, A::EditReport, T::AEdit),
    b(
        S::Forward,
        K::Char('w'),
        NONE,
        A::SaveReport,
        T::ASaveReport,
    ),
    b(S::Forward, K::Esc, NONE, A::Back, T::ABack),
    // A ticket offered as perhaps the same problem: looked at on purpose, never on Enter.
    quiet(S::Forward, K::Char('l'), NONE, A::TakeOffer, T::ATakeOffer),
    quiet(S::Forward, K::Char('?'), NONE, A::Help, T::AHelp),
    b(S::ForwardEdit, K::Tab, NONE, A::NextField, T::ANextField),
    b(S::ForwardEdit, K::Esc, NONE, A::Back, T::ADone),
    // Receipt
    b(S::Receipt, K::Enter, NONE, A::Confirm, T::ASave),
    b(S::Receipt, K::Tab, NONE, A::SwitchFocus, T::ASwitch),
    quiet(S::Receipt, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Receipt, K::Down, NONE, A::Down, T::ADown),
    b(S::Receipt, K::Esc, NONE, A::Back, T::ABack),
    // Handover
    b(S::Handover, K::Right, NONE, A::ChoiceNext, T::AChoice),
    quiet(S::Handover, K::Left, NONE, A::ChoicePrev, T::AChoice),
    b(S::Handover, K::Char('y'), NONE, A::CopyMessage, T::ACopy),
    b(S::Handover, K::Enter, NONE, A::Confirm, T::AHandOverNow),
    b(S::Handover, K::Esc, NONE, A::Back, T::ABack),
    quiet(S::Handover, K::Char('?'), NONE, A::Help, T::AHelp),
    // Handover by a channel the complaint has no contact for: the phone or address typed
    b(
        S::HandoverReach,
        K::Enter,
        NONE,
        A::Confirm,
        T::AHandOverNow,
    ),
    b(S::HandoverReach, K::Right, NONE, A::ChoiceNext, T::AChoice),
    quiet(S::HandoverReach, K::Left, NONE, A::ChoicePrev, T::AChoice),
    b(S::HandoverReach, K::Esc, NONE, A::Back, T::ABack),
    // Handover past the deadline: the reason by number or name, optional words, Enter
    b(S::HandoverLate, K::Enter, NONE, A::Confirm, T::AHandOverNow),
    b(
        S::HandoverLate,
        K::Tab,
        NONE,
        A::SwitchFocus,
        T::AReasonWords,
    ),
    quiet(S::HandoverLate, K::Up, NONE, A::Up, T::AUp),
    quiet(S::HandoverLate, K::Down, NONE, A::Down, T::ADown),
    b(S::HandoverLate, K::Right, NONE, A::ChoiceNext, T::AChoice),
    quiet(S::HandoverLate, K::Left, NONE, A::ChoicePrev, T::AChoice),
    b(S::HandoverLate, K::Esc, NONE, A::Back, T::ABack),
    // Resolve or cancel: a note or reason, then Enter
    b(S::Close, K::Enter, NONE, A::Confirm, T::AConfirm),
    b(S::Close, K::Esc, NONE, A::Back, T::ABack),
    // The section's report: the period steps with Tab or the arrows
    b(S::Report, K::Tab, NONE, A::ChoiceNext, T::APeriod),
    quiet(S::Report, K::Right, NONE, A::ChoiceNext, T::APeriod),
    quiet(S::Report, K::Left, NONE, A::ChoicePrev, T::APeriod),
    quiet(
        S::Report,
        K::BackTab,
        KeyModifiers::SHIFT,
        A::ChoicePrev,
        T::APeriod,
    ),
    b(S::Report, K::Esc, NONE, A::Back, T::ABack),
    b(S::Report, K::Char('?'), NONE, A::Help, T::AHelp),
    quiet(S::Report, K::Char('q'), NONE, A::Back, T::ABack),
    // Help, palette and questions
    b(S::Overlay, K::Enter, NONE, A::Confirm, T::ARun),
    b(S::Overlay, K::Esc, NONE, A::Back, T::ABack),
    quiet(S::Overlay, K::Char('?'), NONE, A::Help, T::AHelp),
    quiet(S::Overlay, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Overlay, K::Down, NONE, A::Down, T::ADown),
    // One outage, many callers: picking in the queue, and its panes
    quiet(S::Queue, K::Char(' '), NONE, A::ToggleSelect, T::ASelect),
    quiet(S::Queue, K::Char('*'), NONE, A::SelectAll, T::ASelectAll),
    quiet(S::Queue, K::Char('N'), NONE, A::NewLikeThis, T::ANewLike),
    quiet(S::Queue, K::Char('i'), NONE, A::Incident, T::AIncident),
    quiet(S::Queue, K::Char('m'), NONE, A::Notify, T::ANotify),
    b(S::Suggest, K::Enter, NONE, A::Confirm, T::ALinkTicket),
    b(S::Suggest, K::Char('f'), NONE, A::Forward, T::AForward),
    b(S::Suggest, K::Esc, NONE, A::Back, T::AToQueue),
    quiet(S::Suggest, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Suggest, K::Down, NONE, A::Down, T::ADown),
    b(S::Bulk, K::Enter, NONE, A::Confirm, T::AForAll),
    b(S::Bulk, K::Esc, NONE, A::Back, T::ABack),
    quiet(S::Bulk, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Bulk, K::Down, NONE, A::Down, T::ADown),
    // (footer order is importance: the last hints give way first on a narrow screen)
    b(S::Walk, K::Enter, NONE, A::Confirm, T::AHandOverNext),
    b(S::Walk, K::Esc, NONE, A::Back, T::ABack),
    b(S::Walk, K::Char('a'), NONE, A::HandOverAll, T::AHandOverAll),
    b(S::Walk, K::Char('l'), NONE, A::CopyList, T::ACopyList),
    b(S::Walk, K::Right, NONE, A::ChoiceNext, T::AChoice),
    quiet(S::Walk, K::Left, NONE, A::ChoicePrev, T::AChoice),
    b(S::Walk, K::Char('y'), NONE, A::CopyMessage, T::ACopy),
    quiet(S::Walk, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Walk, K::Down, NONE, A::Down, T::ADown),
    quiet(S::Walk, K::Char('?'), NONE, A::Help, T::AHelp),
    // The walk past the deadline: the reason as in the handover pane, then Enter
    b(S::WalkLate, K::Enter, NONE, A::Confirm, T::AHandOverNow),
    b(S::WalkLate, K::Tab, NONE, A::SwitchFocus, T::AReasonWords),
    quiet(S::WalkLate, K::Up, NONE, A::Up, T::AUp),
    quiet(S::WalkLate, K::Down, NONE, A::Down, T::ADown),
    b(S::WalkLate, K::Esc, NONE, A::Back, T::ABack),
    b(
        S::Incident,
        K::Char('h'),
        NONE,
        A::Handover,
        T::AHandOverWaiting,
    ),
    b(S::Incident, K::Char('m'), NONE, A::Notify, T::ANotify),
    b(S::Incident, K::Enter, NONE, A::Confirm, T::AShowInQueue),
    b(S::Incident, K::Esc, NONE, A::Back, T::ABack),
    quiet(S::Incident, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Incident, K::Down, NONE, A::Down, T::ADown),
    quiet(S::Incident, K::Char('?'), NONE, A::Help, T::AHelp),
    quiet(S::Suggest, K::Char('?'), NONE, A::Help, T::AHelp),
    // Telling applicants: Enter records this one's notice, then the SKM line.
    b(S::Notify, K::Enter, NONE, A::Confirm, T::ANotifyNext),
    b(S::Notify, K::Esc, NONE, A::Back, T::ABack),
    b(S::Notify, K::Right, NONE, A::ChoiceNext, T::AChoice),
    quiet(S::Notify, K::Left, NONE, A::ChoicePrev, T::AChoice),
    b(S::Notify, K::Char('y'), NONE, A::CopyMessage, T::ACopy),
    quiet(S::Notify, K::Up, NONE, A::Up, T::AUp),
    quiet(S::Notify, K::Down, NONE, A::Down, T::ADown),
    quiet(S::Notify, K::Char('?'), NONE, A::Help, T::AHelp),
    b(S::NotifySkm, K::Enter, NONE, A::Confirm, T::ASkmSave),
    b(S::NotifySkm, K::Esc, NONE, A::Back, T::ASkmSkip),
    // Calendar: a paste is read; Enter stores what it proposes.
    b(S::Calendar, K::Enter, NONE, A::Confirm, T::ACalendarApply),
    b(S::Calendar, K::Esc, NONE, A::Back, T::ABack),
    quiet(S::Calendar, K::Char('?'), NONE, A::Help, T::AHelp),
];

/// Whether an action means anything on this desk: a CEISACare token only with
/// that client, and nothing that changes a complaint on a reader's desk (the
/// footer, the help and the palette leave it out otherwise).
pub fn offered(action: Action, setup: &crate::tui::app::Setup) -> bool {
    let token = action != Action::NewToken || setup.client == crate::config::ClientKind::Ceisacare;
    token && !(setup.reader.is_some() && changes_complaints(action))
}

/// The actions that open a pane to change complaints (or the token, or a draft):
/// a reader's desk refuses them.
pub fn changes_complaints(action: Action) -> bool {
    use Action as A;
    matches!(
        action,
        A::NewIntake
            | A::Forward
            | A::Receipt
            | A::Handover
            | A::Resolve
            | A::CancelComplaint
            | A::NewLikeThis
            | A::HandOverAll
            | A::Notify
            | A::NewToken
            | A::ReadMessage
            | A::DiscardDraft
            | A::TakeOffer
    )
}

/// More words, Indonesian and English, the palette finds an action by (beside its
/// label in both languages): what an officer might type for it.
pub fn keywords(action: Action) -> &'static str {
    match action {
        A::Quit => "keluar tutup quit exit close",
        A::Help => "bantuan tombol help keys",
        A::NewIntake => "baru aduan pengaduan terima intake new complaint caller",
        A::Forward => "teruskan kirim lapor laporan bcare forward send file report",
        A::Receipt => "tiket nomor catat tautkan koreksi ticket number record link correct",
        A::Handover => "serahkan kabari pemohon hand over notify applicant",
        A::Resolve => "selesai selesaikan tuntas resolve resolved done finish",
        A::CancelComplaint => "batal batalkan cabut cancel cancelled withdraw",
        A::CycleFilter => "saring tahap riwayat semua filter stage history all",
        A::Search => "cari temukan search find",
        A::ClearFilter => "hapus saringan clear filter reset",
        A::HistoryEarlier | A::HistoryLater => "riwayat minggu history week",
        A::SaveReport => "simpan laporan file save report",
        A::EditReport => "ubah laporan edit report",
        A::CopyMessage => "salin pesan copy message clipboard",
        A::DiscardDraft => "buang draf discard draft",
        A::MoreFields => "kolom tambahan opsional more fields optional",
        A::Save => "simpan save",
        A::OpenReport => "laporan rekap kinerja sla bulanan report recap performance monthly",
        A::ReadMessage => "baca pesan tempel isi whatsapp email read message paste fill",
        A::UndoFill => "batalkan urungkan isian pesan undo fill message",
        A::ToggleSelect | A::SelectAll => "pilih tandai semua select mark all",
        A::NewLikeThis => "baru sama serupa penelepon new same like caller",
        A::Incident => "gangguan insiden tiket penelepon incident outage ticket callers",
        A::CopyList => "salin daftar saluran copy list channel whatsapp",
        A::HandOverAll => "serahkan semua hand over all",
        A::Notify => {
            "kabari beritahu pemohon selesai hasil skm survei kepuasan notify tell applicant outcome survey satisfaction"
        }
        A::NewToken => "token ceisacare masuk login kedaluwarsa expired paste",
        A::OpenCalendar => {
            "kalender libur hari libur cuti bersama skb tahun baru calendar holidays new year"
        }
        _ => "",
    }
}

/// The action a key press means in `scope`; the scope's own bindings win over global ones.
/// Releases and repeats-as-release do not count: only `KeyEventKind::Press`.
pub fn lookup(scope: Scope, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    // Shift is part of the character for printable keys ('?' is Shift-/ on most layouts).
    let mods = match key.code {
        KeyCode::Char(_) => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    let find = |s: Scope| {
        KEYMAP
            .iter()
            .find(|b| b.scope == s && b.code == key.code && b.mods == mods)
            .map(|b| b.action)
    };
    find(scope).or_else(|| find(Scope::Global))
}

/// The first key bound to `action` in `scope`, as printed: what a notice tells the officer to press.
pub fn key_for(scope: Scope, action: Action, lang: Lang) -> String {
    KEYMAP
        .iter()
        .find(|b| b.scope == scope && b.action == action)
        .map(|b| key_label(b.code, b.mods, lang))
        .unwrap_or_default()
}

/// The bindings of a scope shown in the footer.
pub fn hints(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.scope == scope && b.hint)
}

/// What the palette offers in `scope`: each action once, with its first key.
pub fn commands(scope: Scope) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    for b in KEYMAP
        .iter()
        .filter(|b| b.scope == scope || b.scope == Scope::Global)
    {
        let navigation = matches!(b.action, Action::Up | Action::Down | Action::Palette);
        if !navigation && !out.iter().any(|o| o.action == b.action) {
            out.push(b);
        }
    }
    out
}

/// A key as printed in hints and help: `Ctrl-S`, `Tab`, `↑`, `q`; a named key in
/// the screen's language (`Spasi` / `Space`).
pub fn key_label(code: KeyCode, mods: KeyModifiers, lang: Lang) -> String {
    let base = match code {
        KeyCode::Char(' ') => T::KeySpace.get(lang).to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => return "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn scope_bindings_win_and_global_ones_apply_everywhere() {
        let q = press(K::Char('q'), NONE);
        assert_eq!(lookup(Scope::Queue, &q), Some(A::Quit));
        assert_eq!(lookup(Scope::Intake, &q), None, "q is a letter in a form");
        let ctrl_c = press(K::Char('c'), CTRL);
        assert_eq!(lookup(Scope::Intake, &ctrl_c), Some(A::Quit));
        assert_eq!(
            lookup(Scope::Queue, &press(K::Char('?'), KeyModifiers::SHIFT)),
            Some(A::Help)
        );
    }

    #[test]
    fn key_names_follow_the_language() {
        let space = |lang| key_label(K::Char(' '), NONE, lang);
        assert_eq!(space(Lang::Id), "Spasi");
        assert_eq!(space(Lang::En), "Space");
        assert_eq!(key_for(Scope::Queue, A::ToggleSelect, Lang::En), "Space");
        assert_eq!(key_label(K::Char('s'), CTRL, Lang::En), "Ctrl-S");
    }

    #[test]
    fn releases_do_not_count() {
        let mut k = press(K::Char('n'), NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(lookup(Scope::Queue, &k), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b2 in &KEYMAP[i + 1..] {
                assert!(
                    !(a.scope == b2.scope && a.code == b2.code && a.mods == b2.mods),
                    "{:?} {:?} bound twice",
                    a.scope,
                    a.code
                );
            }
        }
    }

    #[test]
    fn every_scope_but_global_has_a_way_back_or_out() {
        for s in Scope::ALL.into_iter().filter(|s| *s != Scope::Global) {
            assert!(
                KEYMAP.iter().any(|b| b.scope == s
                    && matches!(b.action, A::Back | A::Quit | A::ClearFilter)),
                "{s:?}"
            );
        }
    }
}
