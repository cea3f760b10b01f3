//! The draft a session works on, and where it is written. Both front ends' stores fit the one
//! trait [`DraftSink`]: the TUI's (`tui::store::Store`, in memory or the drafts folder) and plain
//! mode's open draft file ([`OpenStore`]). A draft file is written in one place
//! ([`save_into_open`]), whichever front end saves it.

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::drafts::{DraftError, OpenDraft};
use crate::engine::answers::ShapeError;
use crate::engine::{Answers, Lang, Text};

/// An open draft: what the session (and the screens drawn from it) works on.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub id: String,
    pub label: String,
    pub created_on: NaiveDate,
    pub answers: Answers,
    /// The screen id the user was last on ("S4").
    pub screen: Option<String>,
    /// The question id the user was last on, on that screen.
    pub question: Option<String>,
    /// Files attached to checklist items, as the draft file keeps them (see `crate::documents::attach`).
    pub attachments: Vec<serde_json::Value>,
    /// Progress the app computed for these answers; cached in the draft file for fast listing.
    pub progress: Option<u8>,
    /// The draft's language of service, when it has one (older drafts and answers files may not).
    pub language: Option<Lang>,
    /// The person chose paper-preparation mode after a stop.
    pub paper_prep: bool,
    /// Rule ids of the cautions accepted with "I understand".
    pub acknowledged: Vec<String>,
    /// Agent notes by question id (issue 13), as the draft file keeps them; shown with their
    /// question and in the review. Written by `drafts note` and plain mode's `note`.
    pub notes: std::collections::BTreeMap<String, String>,
    /// The draft's history as last read (when opened, saved, which questions changed).
    pub history: Vec<crate::drafts::history::Entry>,
}

impl Draft {
    /// A draft with these answers and nothing else yet: no screen, files, notes or history.
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        created_on: NaiveDate,
        answers: Answers,
    ) -> Draft {
        Draft {
            id: id.into(),
            label: label.into(),
            created_on,
            answers,
            screen: None,
            question: None,
            attachments: vec![],
            progress: None,
            language: None,
            paper_prep: false,
            acknowledged: vec![],
            notes: Default::default(),
            history: vec![],
        }
    }

    /// The draft as read from its file. The answers' shape errors come back as they are, for
    /// the caller to word.
    pub fn from_open(o: &OpenDraft) -> Result<Draft, Vec<ShapeError>> {
        Ok(Draft {
            id: o.draft.id().to_string(),
            label: o.draft.label.clone(),
            created_on: o.draft.created_on(),
            answers: Answers::from_map(&o.draft.answers)?,
            screen: Some(o.draft.current_screen.clone()).filter(|s| !s.is_empty()),
            question: o.draft.current_question.clone(),
            attachments: o.draft.attachments.clone(),
            progress: None,
            language: Lang::parse(&o.draft.language),
            paper_prep: o.draft.paper_prep,
            acknowledged: o.draft.acknowledged.clone(),
            notes: o.draft.notes.clone(),
            history: o.draft.history.clone(),
        })
    }
}

/// Where a session's draft is written. A failed write is the store's own error (put in words where
/// shown), never "saved".
pub trait DraftSink {
    fn save(&mut self, draft: &Draft) -> Result<(), DraftError>;
    /// Why the draft cannot be saved (open elsewhere, example drafts), if so.
    fn read_only(&self) -> Option<Text> {
        None
    }
}

/// Writes `draft` into the open draft file and saves it: answers, files, where the person is,
/// progress (for `version` of the questionnaire), language, paper mode, accepted cautions, and the
/// agent notes (the questions whose note changed go in the history, never the text). A failed
/// write keeps the notes as they were.
pub fn save_into_open(
    o: &mut OpenDraft,
    draft: &Draft,
    clock: &Clock,
    version: &str,
) -> Result<(), DraftError> {
    if o.draft.id() != draft.id {
        return Err(DraftError::NotOpen { id: draft.id.clone() });
    }
    o.draft.label = draft.label.clone();
    o.draft.answers = draft.answers.to_json_map();
    o.draft.attachments = draft.attachments.clone();
    if let Some(s) = &draft.screen {
        o.draft.current_screen = s.clone();
    }
    o.draft.current_question = draft.question.clone();
    o.draft.progress = draft
        .progress
        .map(|percent| crate::drafts::CachedProgress { percent, questionnaire_version: version.to_string() });
    if let Some(l) = draft.language {
        o.draft.language = l.code().to_string();
    }
    o.draft.paper_prep = draft.paper_prep;
    o.draft.acknowledged = draft.acknowledged.clone();
    let changed: Vec<String> = o
        .draft
        .notes
        .keys()
        .chain(draft.notes.keys())
        .filter(|k| o.draft.notes.get(*k) != draft.notes.get(*k))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let before = (o.draft.notes.clone(), o.draft.history.len());
    if !changed.is_empty() {
        o.draft.notes = draft.notes.clone();
        let entry =
            crate::drafts::history::Entry::now(clock.now(), crate::drafts::history::Event::Note, changed);
        crate::drafts::history::push(&mut o.draft.history, entry);
    }
    o.save(clock).inspect_err(|_| {
        // Not saved: the note is not kept as if it were.
        o.draft.notes = before.0;
        o.draft.history.truncate(before.1);
    })
}

/// Plain mode's store: the one draft file it opened.
pub struct OpenStore {
    pub open: OpenDraft,
    pub clock: Clock,
    /// The questionnaire version the cached progress is for.
    pub version: String,
}

impl DraftSink for OpenStore {
    fn save(&mut self, draft: &Draft) -> Result<(), DraftError> {
        save_into_open(&mut self.open, draft, &self.clock, &self.version)
    }
    fn read_only(&self) -> Option<Text> {
        match self.open.access() {
            crate::drafts::Access::ReadWrite => None,
            crate::drafts::Access::ReadOnly(why) => Some(why.clone()),
        }
    }
}
