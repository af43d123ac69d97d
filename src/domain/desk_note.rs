//! What the desk itself writes into an event, kept as a kind and its values and
//! put into words only when shown, so a desk switched to English reads its
//! history in English. What an officer typed stays in the event's note, as typed.

pub use super::complaint::{DeskNote, Remark};
use super::complaint::{Event, Stage};
use super::msg::{FieldMsg, Lang, M, words};

impl From<&FieldMsg> for Remark {
    fn from(m: &FieldMsg) -> Remark {
        Remark {
            field: m.field.to_string(),
            id: m.id.clone(),
            en: m.en.clone(),
        }
    }
}

impl Remark {
    /// `Field name: remark` in one language.
    fn say(&self, lang: Lang) -> String {
        let text = match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        };
        format!("{}: {text}", words::field_name(&self.field, lang))
    }
}

/// The remarks of a list of warnings.
pub fn remarks(warnings: &[FieldMsg]) -> Vec<Remark> {
    warnings.iter().map(Remark::from).collect()
}

impl DeskNote {
    /// The note in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let (head, remarks) = match self {
            DeskNote::Client { client } => (
                Some(M::NoteClient(lang, words::client(client, lang))),
                &[][..],
            ),
            DeskNote::Ticket { ticket, remarks } => (
                ticket.as_ref().map(|t| M::NoteTicket(lang, t)),
                &remarks[..],
            ),
            DeskNote::Linked { ticket, from } => (
                Some(match from {
                    Some(r) => M::NoteTicketFrom(lang, ticket, r),
                    None => M::NoteTicket(lang, ticket),
                }),
                &[][..],
            ),
            DeskNote::FromBcare {
                ticket,
                client,
                remarks,
            } => (
                Some(M::NoteTicketBcare(
                    lang,
                    ticket,
                    words::client(client, lang),
                )),
                &remarks[..],
            ),
            DeskNote::KeptFromBcare {
                ticket,
                client,
                recorded,
                stage,
                remarks,
            } => {
                let head = match recorded {
                    Some(r) if r == ticket => M::NoteBcareSame(lang, client, ticket),
                    Some(r) => M::NoteBcareDiffers(lang, client, ticket, r),
                    None => {
                        let stage = Stage::parse(stage)
                            .map_or(stage.clone(), |s| words::stage_short(s).get(lang).into());
                        M::NoteBcareAtStage(lang, client, ticket, stage)
                    }
                };
                (Some(head), &remarks[..])
            }
            DeskNote::Checks { remarks } => (None, &remarks[..]),
            DeskNote::Purged { months } => (Some(M::NotePurged(lang, months)), &[][..]),
        };
        head.into_iter()
            .chain(remarks.iter().map(|r| r.say(lang)))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// An event's note as the officer reads it in `lang`: the desk's own words from
/// their kind and values; an event written before they were kept so (only a
/// stored note) read from its note as before.
pub fn shown(e: &Event, lang: Lang) -> Option<String> {
    match &e.said {
        Some(said) => Some(said.say(lang)).filter(|s| !s.is_empty()),
        None => e.note.as_deref().map(|n| words::event_note(n, lang)),
    }
}

#[cfg(test)]
mod tests;
