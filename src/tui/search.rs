//! Search-as-you-type off the UI thread. A one-letter search can take a long
//! time on years of complaints; the screen must not wait for it. The search
//! thread holds its own connection and answers only the newest query it has
//! been sent; every query carries a sequence number, and `update` drops an
//! answer that is not for the newest one (the officer typed on meanwhile).

use super::effect::SearchQuery;
use super::outcome::Outcome;
use crate::desk::{Location, Search};
use crate::domain::msg::Lang;
use anyhow::Context;
use std::sync::mpsc::{self, Receiver, Sender};

/// The search thread's side of the channel. Dropping it ends the thread once
/// its current query returns; nothing waits for that.
pub struct Searcher {
    tx: Sender<SearchQuery>,
}

impl Searcher {
    pub fn ask(&self, q: SearchQuery) {
        if self.tx.send(q).is_err() {
            tracing::error!("the search thread has stopped");
        }
    }
}

/// Starts the search thread on its own connection to `db`. `answer` carries
/// each answer to the loop; when it returns false (the loop is gone), the thread ends.
pub fn start(
    db: Location,
    lang: Lang,
    answer: impl Fn(Outcome) -> bool + Send + 'static,
) -> anyhow::Result<Searcher> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("search".into())
        .spawn(move || serve(&db, lang, &rx, &answer))
        .context("starting the search thread")?;
    Ok(Searcher { tx })
}

fn serve(db: &Location, lang: Lang, rx: &Receiver<SearchQuery>, answer: &dyn Fn(Outcome) -> bool) {
    // Opened here, not on the UI thread; read-only, since searching never writes.
    let search = Search::open(db);
    if let Err(e) = &search {
        tracing::error!(error = %e, "the search thread could not open the database");
    }
    while let Ok(mut q) = rx.recv() {
        // The newest query wins: those typed while the last one ran are skipped.
        while let Ok(newer) = rx.try_recv() {
            q = newer;
        }
        let outcome = match &search {
            Ok(search) => run(search, lang, q),
            Err(e) => refused(q, e.text(lang)),
        };
        if !answer(outcome) {
            break;
        }
    }
}

/// Answers one query on a search connection: what the thread does, and what
/// tests do in-line.
pub fn run(search: &Search, lang: Lang, q: SearchQuery) -> Outcome {
    match search.find(&q.text, q.limit + 1) {
        Ok(mut rows) => {
            let more = rows.len() > q.limit;
            rows.truncate(q.limit);
            Outcome::SearchAnswered {
                seq: q.seq,
                text: q.text,
                rows,
                more,
                error: None,
            }
        }
        // The text is not logged: it is often an applicant's name.
        Err(e) => refused(q, e.text(lang)),
    }
}

fn refused(q: SearchQuery, error: String) -> Outcome {
    Outcome::SearchAnswered {
        seq: q.seq,
        text: q.text,
        rows: Vec::new(),
        more: false,
        error: Some(error),
    }
}

/// What [`typing_probe`] measured: for each letter typed, the time from the key
/// to the frame that shows it, and for each answer drawn, the time from the key
/// whose query it answers to its frame.
#[cfg(feature = "bench-probes")]
#[derive(Debug, Default, Clone)]
pub struct TypingTimes {
    pub letter_frames: Vec<std::time::Duration>,
    pub answer_frames: Vec<std::time::Duration>,
    /// Answers dropped because a newer query had been sent.
    pub stale_dropped: usize,
}

/// A bench aid, not used by the desk: types `words` into the search line of a
/// desk, one key every `every`, through the same pieces as the desk's loop
/// (translate, update and effects, this search thread, the views) onto an
/// off-screen terminal, and times every frame. Each word starts with `/` and
/// ends, after a pause to read the hits, with Esc.
#[cfg(feature = "bench-probes")]
pub fn typing_probe(
    desk: &mut crate::desk::Desk,
    db: &Location,
    words: &[&str],
    every: std::time::Duration,
    size: (u16, u16),
) -> anyhow::Result<TypingTimes> {
    use super::action::Msg;
    use super::effect::Effect;
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use std::time::Instant;

    enum In {
        Key(Event, Instant, bool),
        Answer(Outcome),
    }
    let lang = Lang::En;
    let theme = super::theme::Theme { color: true };
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.0, size.1))?;
    let mut app = super::open_app(desk, lang, size);
    let mut side_effects = Vec::new();
    for e in super::update::start(&mut app) {
        for o in super::effects::run(desk, lang, e) {
            super::dispatch(&mut app, desk, Msg::Done(o), &mut |e| side_effects.push(e));
        }
    }
    terminal.draw(|f| super::view::draw(f, &app, &theme))?;

    let (tx, rx) = mpsc::channel::<In>();
    let answers = tx.clone();
    let searcher = start(db.clone(), lang, move |o| {
        answers.send(In::Answer(o)).is_ok()
    })?;
    // The officer reaches for `/` a moment after the desk opens.
    std::thread::sleep(std::time::Duration::from_millis(500));
    // (key, a letter of the search, how long the officer pauses after it)
    let mut keys: Vec<(KeyCode, bool, std::time::Duration)> = Vec::new();
    for w in words {
        keys.push((KeyCode::Char('/'), false, every));
        keys.extend(w.chars().map(|c| (KeyCode::Char(c), true, every)));
        // The officer reads the hits before Esc: the last answer gets its frame.
        if let Some(last) = keys.last_mut() {
            last.2 = every * 8;
        }
        keys.push((KeyCode::Esc, false, every));
    }
    let total = keys.len();
    let typist = std::thread::spawn(move || {
        for (code, letter, pause) in keys {
            let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
            if tx.send(In::Key(ev, Instant::now(), letter)).is_err() {
                return;
            }
            std::thread::sleep(pause);
        }
    });

    let mut times = TypingTimes::default();
    // When each search was sent, by sequence number.
    let mut sent: std::collections::HashMap<u64, Instant> = Default::default();
    let mut keys_seen = 0;
    let mut pending_key: Option<Instant> = None;
    while keys_seen < total || !sent.is_empty() {
        let Ok(incoming) = rx.recv_timeout(std::time::Duration::from_secs(30)) else {
            anyhow::bail!("no key or answer for 30 s");
        };
        let mut batch = vec![incoming];
        batch.extend(rx.try_iter());
        let mut letter_keys = Vec::new();
        let mut answered = Vec::new();
        for incoming in batch {
            let msg = match incoming {
                In::Key(ev, at, letter) => {
                    keys_seen += 1;
                    if letter {
                        letter_keys.push(at);
                    }
                    pending_key = Some(at);
                    super::translate(&app, ev)
                }
                In::Answer(o) => {
                    if let Outcome::SearchAnswered { seq, .. } = &o {
                        let before = app.queue.search_seq;
                        if *seq != before {
                            times.stale_dropped += 1;
                        } else if let Some(at) = sent.get(seq) {
                            answered.push(*at);
                        }
                        // Every answer at or below the newest is settled.
                        let seq = *seq;
                        sent.retain(|s, _| *s > seq);
                    }
                    Some(Msg::Done(o))
                }
            };
            if let Some(msg) = msg {
                super::dispatch(&mut app, desk, msg, &mut |e| side_effects.push(e));
            }
            for e in side_effects.drain(..) {
                if let Effect::Search(q) = e {
                    sent.insert(q.seq, pending_key.unwrap_or_else(Instant::now));
                    searcher.ask(q);
                }
            }
        }
        terminal.draw(|f| super::view::draw(f, &app, &theme))?;
        let drawn = Instant::now();
        times
            .letter_frames
            .extend(letter_keys.iter().map(|at| drawn - *at));
        times
            .answer_frames
            .extend(answered.iter().map(|at| drawn - *at));
        if keys_seen >= total && app.queue.search.is_none() {
            // The last Esc cleared the search: answers still in flight are stale.
            break;
        }
    }
    let _ = typist.join();
    Ok(times)
}
