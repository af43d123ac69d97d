//! The report pane: the section's report for a period, or the shift handoff.

use super::page::back_to_queue;
use crate::tui::action::Action;
use crate::tui::app::{App, Pane, ReportSpan, ReportState};
use crate::tui::effect::Effect;
use crate::tui::outcome::Outcome;

/// The report pane on `span`: the figures are counted by an effect, never in the view.
pub(super) fn open_report(app: &mut App, span: ReportSpan) -> Vec<Effect> {
    let today = crate::domain::when::local_date(app.now, app.setup.offset);
    let period = span.period(today);
    app.pane = Pane::Report(Box::new(ReportState {
        span,
        period,
        report: None,
        shift: None,
        error: None,
    }));
    if span == ReportSpan::Shift {
        return vec![Effect::LoadShift];
    }
    vec![Effect::LoadSectionReport(period)]
}

/// The report pane's keys: Tab (or ←→) changes the period, Esc goes back.
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Pane::Report(r) = &app.pane else {
        return Vec::new();
    };
    match action {
        Action::ChoiceNext | Action::ChoicePrev => {
            let span = r.span.step(action == Action::ChoiceNext);
            open_report(app, span)
        }
        Action::Back => back_to_queue(app),
        _ => Vec::new(),
    }
}

/// The figures counted, for the period still on screen.
pub(super) fn done(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::SectionReportLoaded(report) => {
            // An answer for a period no longer on screen is dropped.
            if let Pane::Report(r) = &mut app.pane
                && r.span != ReportSpan::Shift
                && r.period == report.period
            {
                r.report = Some(report);
            }
            Vec::new()
        }
        Outcome::ShiftLoaded(shift) => {
            if let Pane::Report(r) = &mut app.pane
                && r.span == ReportSpan::Shift
            {
                r.shift = Some(shift);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
