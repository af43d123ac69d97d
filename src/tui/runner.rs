//! The desk's own thread. Every read and write the screen asks for runs here,
//! one after another in the order asked, so a held SQLite file or a slow
//! PostgreSQL server delays the answer but never the keys or the clock on screen.

use super::effect::Effect;
use super::effects;
use super::outcome::Outcome;
use super::work::Job;
use crate::desk::Desk;
use crate::domain::msg::Lang;
use anyhow::Context;
use std::mem::Discriminant;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

/// What the thread answers for one piece of work.
pub struct Answer {
    pub outcomes: Vec<Outcome>,
    pub job: Job,
    /// The effect's kind, so a routine one may be asked for again.
    pub kind: Discriminant<Effect>,
}

pub struct Runner {
    jobs: Option<Sender<(Effect, Lang)>>,
    thread: Option<JoinHandle<()>>,
}

/// Moves the desk to its thread; `answer` carries each answer back, and stops
/// the thread when it returns false (the screen is gone).
pub fn start(
    mut desk: Desk,
    mut answer: impl FnMut(Answer) -> bool + Send + 'static,
) -> anyhow::Result<Runner> {
    let (jobs, inbox) = mpsc::channel::<(Effect, Lang)>();
    let thread = std::thread::Builder::new()
        .name("desk".into())
        .spawn(move || {
            for (effect, lang) in inbox {
                let job = Job {
                    step: effect.is_step(),
                };
                let kind = std::mem::discriminant(&effect);
                let outcomes = effects::run(&mut desk, lang, effect);
                if !answer(Answer {
                    outcomes,
                    job,
                    kind,
                }) {
                    break;
                }
            }
        })
        .context("starting the desk's thread")?;
    Ok(Runner {
        jobs: Some(jobs),
        thread: Some(thread),
    })
}

impl Runner {
    pub fn post(&self, effect: Effect, lang: Lang) {
        if let Some(jobs) = &self.jobs
            && jobs.send((effect, lang)).is_err()
        {
            tracing::error!("the desk's thread is gone; the work was not done");
        }
    }

    /// Waits for the work already asked for (the draft saved on quitting among
    /// it): what the officer confirmed is written before the desk closes.
    pub fn finish(mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::error!("the desk's thread panicked");
        }
    }
}
