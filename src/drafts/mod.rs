//! The draft store: one JSON file per draft in a private folder, saved atomically, expired after
//! 60 days (SPEC §5 V-DRAFT, rule DR-16), damaged files quarantined, never silently lost.
//!
//! No terminal code and no system clock here: every date comes from the [`Clock`](crate::clock::Clock)
//! the caller passes in. No answer is ever written anywhere but the drafts folder (and stdout for
//! `drafts show` / `drafts export`, on the user's request).
//!
//! Map of the module:
//! * [`format`] — the draft file: parse, validate, serialize, checksum.
//! * [`expiry`] — the 60-day arithmetic.
//! * [`fsutil`] — atomic save, private folders and files, overwrite-then-remove.
//! * [`lock`] — the advisory lock that keeps a second citcert read-only.
//! * [`store`] — [`DraftStore`]: list, create, open, save, delete, purge, import, quarantine.
//! * [`cli`] — `citcert drafts …`.

pub mod cli;
#[cfg(test)]
mod examples;
pub mod expiry;
pub mod format;
pub mod fsutil;
pub mod lock;
pub mod store;

use serde_json::{Map, Value};
use std::path::PathBuf;

pub use expiry::{Expiry, MAX_DAYS, WARN_DAYS};
pub use format::{CachedProgress, Draft, FORMAT_VERSION, QuestionnaireRef};
pub use store::{
    Access, DamagedNotice, DraftStore, DraftSummary, EXAMPLES_MARKER, ExpiredNotice, OpenDraft, Sweep,
};

/// What the store needs from the questionnaire engine, which lives elsewhere (`src/engine`).
pub trait AnswerInspector: Sync {
    /// How far the answers are, 0..=100.
    fn progress_percent(&self, answers: &Map<String, Value>) -> u8;
    /// Whether the current questionnaire still asks this question id.
    fn is_known_question(&self, id: &str) -> bool;
    /// The questionnaire new drafts are started against.
    fn questionnaire(&self) -> QuestionnaireRef {
        QuestionnaireRef { id: "CIT0001".into(), version: "unknown".into() }
    }
}

/// An inspector that knows nothing: 0 %, every id known. For tests and for tools without the engine.
#[derive(Debug, Clone, Copy, Default)]
pub struct NullInspector;

impl AnswerInspector for NullInspector {
    fn progress_percent(&self, _answers: &Map<String, Value>) -> u8 {
        0
    }
    fn is_known_question(&self, _id: &str) -> bool {
        true
    }
}

/// The answer ids of a draft that the current questionnaire no longer asks. They stay in the draft.
pub fn no_longer_asked(answers: &Map<String, Value>, inspector: &dyn AnswerInspector) -> Vec<String> {
    answers.keys().filter(|k| !inspector.is_known_question(k)).cloned().collect()
}

/// Everything that can go wrong in the store. Messages name the file, the problem and what to do.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("{}: {source}; check that the folder exists and that you may write to it", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {reason}", path.display())]
    Damaged { path: PathBuf, reason: String },
    #[error(
        "draft '{label}' (started {created_on}) expired after {expired_after}: drafts are kept for 60 days \
         from the day they were started; start a new draft"
    )]
    Expired { label: String, created_on: chrono::NaiveDate, expired_after: chrono::NaiveDate },
    #[error("no draft has an id starting with '{0}'; `citcert drafts list` shows the ids")]
    NotFound(String),
    #[error("'{prefix}' matches several drafts: {}; type more of the id", candidates.join(", "))]
    Ambiguous { prefix: String, candidates: Vec<String> },
    #[error("draft {id} is open in another citcert; close it there first (here it can only be read)")]
    Locked { id: String },
    #[error("draft {id} is open read-only{why}; nothing was saved")]
    ReadOnly { id: String, why: String },
    #[error("answer '{question}': {problem}")]
    InvalidAnswer { question: String, problem: String },
    #[error("{0}")]
    Invalid(String),
    #[error("no home folder found for the default drafts folder; use --drafts-dir DIR or CITCERT_DRAFTS_DIR")]
    NoDataDir,
}

impl DraftError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        DraftError::Io { path: path.into(), source }
    }
}
