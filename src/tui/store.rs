//! What the TUI needs from draft storage, behind a trait, so the TUI knows nothing of files.
//! `MemStore` serves tests and `citcert render --answers`; the real store (`src/drafts/`) implements
//! the same trait.

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::drafts::DraftError;
use crate::drafts::{Access, DraftStore, OpenDraft, QuestionnaireRef};
use crate::engine::{Answers, Lang, Questionnaire, Text};
use crate::words::Template;

/// How long a draft lives (SPEC §2 S0, DR-16).
pub const DRAFT_DAYS: i64 = 60;

/// One draft as listed on the start screen.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    pub id: String,
    pub label: String,
    pub created_on: NaiveDate,
    /// Days before the 60-day rule removes it.
    pub days_left: i64,
    /// The answers, so the start screen can show progress when none was cached.
    pub answers: Answers,
    /// Progress saved with the draft, for the current questionnaire version (no evaluation needed).
    pub cached_progress: Option<u8>,
}

/// An open draft: what the question screens work on (the session core's).
pub use crate::session::Draft;

/// A draft file that could not be read, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub name: String,
    pub reason: Text,
}

/// A draft past its 60 days that was not erased: several passed day 60 at once, which is also
/// what a wrong clock looks like, so they wait for the person to confirm (issue 12).
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub id: String,
    pub label: String,
    pub created_on: NaiveDate,
}

/// What erasing the held drafts did: labels erased, and labels not erased with the reason.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Erased {
    pub erased: Vec<String>,
    pub failed: Vec<(String, Text)>,
}

/// Days left before a draft started on `created_on` is removed.
pub fn days_left(created_on: NaiveDate, today: NaiveDate) -> i64 {
    DRAFT_DAYS - (today - created_on).num_days()
}

/// Draft storage as the TUI sees it. Errors are the draft store's own ([`DraftError`]); the app
/// makes their words ([`crate::engine::Explain`]) where it shows them, in the language it speaks at
/// that moment, and can tell one kind from another (a draft locked with a passphrase asks for it).
pub trait Store {
    /// Drafts, newest first.
    fn list(&mut self) -> Result<Vec<DraftSummary>, DraftError>;
    /// Labels of drafts removed by the 60-day rule since the last start.
    fn removed(&self) -> Vec<String>;
    /// Draft files that could not be read (set aside), with their reason.
    fn damaged(&self) -> Vec<Damaged>;
    /// Privacy warnings: the drafts folder or a draft file can be read by other users.
    fn warnings(&self) -> Vec<Text> {
        Vec::new()
    }
    /// A new draft in this language of service.
    fn create(&mut self, label: &str, lang: Lang) -> Result<Draft, DraftError>;
    fn open(&mut self, id: &str) -> Result<Draft, DraftError>;
    fn save(&mut self, draft: &Draft) -> Result<(), DraftError>;
    fn delete(&mut self, id: &str) -> Result<(), DraftError>;
    /// A new draft locked with a passphrase (only a real drafts folder can).
    fn create_locked(
        &mut self,
        _label: &str,
        _lang: Lang,
        _passphrase: crate::drafts::protect::Passphrase,
    ) -> Result<Draft, DraftError> {
        Err(DraftError::CannotLock)
    }
    /// Opens a draft locked with a passphrase; a wrong one changes nothing and says so.
    fn open_with_passphrase(&mut self, id: &str, _passphrase: &str) -> Result<Draft, DraftError> {
        self.open(id)
    }
    /// Gives a draft a new name (refused when empty: `drafts::check_label`).
    fn rename(&mut self, id: &str, label: &str) -> Result<(), DraftError>;
    /// Why the open draft cannot be saved (open elsewhere, example drafts), if so.
    fn read_only(&self) -> Option<Text> {
        None
    }
    /// Drafts past day 60 all at once, held until the person confirms their erasure.
    fn held(&self) -> Vec<Held> {
        Vec::new()
    }
    /// Erases the drafts past day 60 (after the person confirmed); what was and was not erased.
    fn erase_held(&mut self) -> Result<Erased, DraftError> {
        Ok(Erased::default())
    }
    /// The open draft's history as saved so far (this session's saves included), when the store
    /// keeps one; None: the history read when it was opened is all there is.
    fn history(&self) -> Option<Vec<crate::drafts::history::Entry>> {
        None
    }
}

/// Drafts in memory: tests, `render --answers`, and a fixed clock.
#[derive(Clone, Debug)]
pub struct MemStore {
    pub today: NaiveDate,
    pub drafts: Vec<Draft>,
    pub removed: Vec<String>,
    pub damaged: Vec<Damaged>,
    /// How many saves happened (tests check autosave).
    pub saves: usize,
    next: usize,
    /// Drafts past day 60 held for confirmation (tests).
    pub held: Vec<Held>,
}

impl MemStore {
    pub fn new(today: NaiveDate) -> MemStore {
        MemStore { today, drafts: vec![], removed: vec![], damaged: vec![], saves: 0, next: 1, held: vec![] }
    }
    /// Adds a draft as it would be found on disk.
    pub fn with(
        mut self,
        label: &str,
        created_on: NaiveDate,
        answers: Answers,
        screen: Option<&str>,
    ) -> Self {
        let id = format!("d{:03}", self.next);
        self.next += 1;
        let mut d = Draft::new(id, label, created_on, answers);
        d.screen = screen.map(str::to_string);
        self.drafts.push(d);
        self
    }
}

impl Store for MemStore {
    fn list(&mut self) -> Result<Vec<DraftSummary>, DraftError> {
        let mut v: Vec<DraftSummary> = self
            .drafts
            .iter()
            .map(|d| DraftSummary {
                id: d.id.clone(),
                label: d.label.clone(),
                created_on: d.created_on,
                days_left: days_left(d.created_on, self.today),
                answers: d.answers.clone(),
                cached_progress: d.progress,
            })
            .collect();
        v.sort_by(|a, b| b.created_on.cmp(&a.created_on).then(a.id.cmp(&b.id)));
        Ok(v)
    }
    fn removed(&self) -> Vec<String> {
        self.removed.clone()
    }
    fn damaged(&self) -> Vec<Damaged> {
        self.damaged.clone()
    }
    fn held(&self) -> Vec<Held> {
        self.held.clone()
    }
    fn erase_held(&mut self) -> Result<Erased, DraftError> {
        Ok(Erased { erased: self.held.drain(..).map(|h| h.label).collect(), failed: vec![] })
    }
    fn create(&mut self, label: &str, lang: Lang) -> Result<Draft, DraftError> {
        let label = &crate::drafts::check_label(label)?;
        let today = self.today;
        let s = std::mem::replace(self, MemStore::new(today));
        *self = s.with(label, today, Answers::default(), None);
        let d = self.drafts.last_mut().expect("just added");
        d.language = Some(lang);
        Ok(d.clone())
    }
    fn open(&mut self, id: &str) -> Result<Draft, DraftError> {
        self.drafts.iter().find(|d| d.id == id).cloned().ok_or_else(|| DraftError::NotFound(id.to_string()))
    }
    fn save(&mut self, draft: &Draft) -> Result<(), DraftError> {
        self.saves += 1;
        match self.drafts.iter_mut().find(|d| d.id == draft.id) {
            Some(d) => *d = draft.clone(),
            None => self.drafts.push(draft.clone()),
        }
        Ok(())
    }
    fn rename(&mut self, id: &str, label: &str) -> Result<(), DraftError> {
        let label = crate::drafts::check_label(label)?;
        match self.drafts.iter_mut().find(|d| d.id == id) {
            Some(d) => {
                d.label = label;
                Ok(())
            }
            None => Err(DraftError::NotFound(id.to_string())),
        }
    }
    fn delete(&mut self, id: &str) -> Result<(), DraftError> {
        let before = self.drafts.len();
        self.drafts.retain(|d| d.id != id);
        if self.drafts.len() == before { Err(DraftError::NotFound(id.to_string())) } else { Ok(()) }
    }
}

/// The real draft store (`src/drafts/`) seen through [`Store`]. Holds the open draft (and its lock).
pub struct DraftsStore {
    store: DraftStore,
    clock: Clock,
    questionnaire: QuestionnaireRef,
    open: Option<OpenDraft>,
    removed: Vec<String>,
    damaged: Vec<Damaged>,
    warnings: Vec<Text>,
    held: Vec<Held>,
}

/// The drafts a sweep kept past day 60 until the person confirms.
fn held_in(sweep: &crate::drafts::Sweep) -> Vec<Held> {
    let mut held: Vec<Held> = sweep
        .expired
        .iter()
        .filter(|x| x.kept == Some(crate::drafts::Kept::AwaitingConfirmation))
        .map(|x| Held { id: x.id.clone(), label: x.label.clone(), created_on: x.created_on })
        .collect();
    // Oldest first, then by name: the same order however the files are named.
    held.sort_by(|a, b| (a.created_on, &a.label, &a.id).cmp(&(b.created_on, &b.label, &b.id)));
    held
}

impl DraftsStore {
    /// Opens the folder and sweeps it once: expired drafts removed, damaged ones set aside.
    pub fn open(dir: std::path::PathBuf, clock: Clock, q: &Questionnaire) -> Result<DraftsStore, DraftError> {
        let store = DraftStore::open(dir)?;
        let sweep = store.sweep(&clock)?;
        // Only what is really gone (an erase can fail, or wait for confirmation: issue 12).
        let removed = sweep
            .expired
            .iter()
            .filter(|x| x.deleted)
            .map(|x| format!("{} ({})", x.label, x.created_on))
            .collect();
        let damaged = sweep
            .damaged
            .iter()
            .map(|d| Damaged {
                name: d.file.clone(),
                reason: match &d.moved_to {
                    Some(p) => {
                        const MOVED: Template =
                            Template::new(&["reason", "path"], "{reason} (→ {path})", "{reason} (→ {path})");
                        crate::fill_text!(MOVED, reason = &d.reason, path = p.display())
                    }
                    None => d.reason.clone(),
                },
            })
            .collect();
        Ok(DraftsStore {
            store,
            clock,
            questionnaire: QuestionnaireRef { id: q.id.clone(), version: q.version.clone() },
            open: None,
            removed,
            damaged,
            held: held_in(&sweep),
            warnings: sweep.warnings,
        })
    }

    /// The draft store underneath: `render --draft` gives it the passphrase of a locked draft
    /// (`cli::drafts::with_passphrase`, as `drafts show` and `package` do) before the app opens it.
    pub fn drafts_mut(&mut self) -> &mut DraftStore {
        &mut self.store
    }

    fn to_draft(&self, o: &OpenDraft) -> Result<Draft, DraftError> {
        Draft::from_open(o).map_err(DraftError::Shape)
    }
}

/// The TUI's stores are the session's: a draft is saved through them.
impl<S: Store + ?Sized> crate::session::DraftSink for S {
    fn save(&mut self, draft: &Draft) -> Result<(), DraftError> {
        Store::save(self, draft)
    }
    fn read_only(&self) -> Option<Text> {
        Store::read_only(self)
    }
}

impl Store for DraftsStore {
    fn list(&mut self) -> Result<Vec<DraftSummary>, DraftError> {
        let sweep = self.store.sweep(&self.clock)?;
        let today = self.clock.today();
        Ok(sweep
            .drafts
            .iter()
            .map(|d| DraftSummary {
                id: d.id().to_string(),
                label: d.label.clone(),
                created_on: d.created_on(),
                days_left: d.expiry(today).days_left,
                answers: Answers::from_map(&d.answers).unwrap_or_default(),
                cached_progress: d
                    .progress
                    .as_ref()
                    .filter(|p| p.questionnaire_version == self.questionnaire.version)
                    .map(|p| p.percent),
            })
            .collect())
    }
    fn removed(&self) -> Vec<String> {
        self.removed.clone()
    }
    fn damaged(&self) -> Vec<Damaged> {
        self.damaged.clone()
    }
    fn warnings(&self) -> Vec<Text> {
        self.warnings.clone()
    }
    fn held(&self) -> Vec<Held> {
        self.held.clone()
    }
    fn erase_held(&mut self) -> Result<Erased, DraftError> {
        let sweep = self.store.sweep_erasing_all(&self.clock)?;
        let mut done = Erased::default();
        for x in &sweep.expired {
            match &x.kept {
                None => done.erased.push(x.label.clone()),
                Some(crate::drafts::Kept::Failed(why)) => done.failed.push((x.label.clone(), why.clone())),
                Some(_) => done.failed.push((
                    x.label.clone(),
                    Text::new("not erased: a folder of examples", "non effacé : un dossier d'exemples"),
                )),
            }
        }
        self.held = held_in(&sweep);
        Ok(done)
    }
    fn create(&mut self, label: &str, lang: Lang) -> Result<Draft, DraftError> {
        self.open = None;
        let o = self.store.create(label, self.questionnaire.clone(), lang.code(), &self.clock)?;
        let d = self.to_draft(&o)?;
        self.open = Some(o);
        Ok(d)
    }
    fn create_locked(
        &mut self,
        label: &str,
        lang: Lang,
        passphrase: crate::drafts::protect::Passphrase,
    ) -> Result<Draft, DraftError> {
        self.open = None;
        let o = self.store.create_protected(
            label,
            self.questionnaire.clone(),
            lang.code(),
            &self.clock,
            Some(passphrase),
        )?;
        let d = self.to_draft(&o)?;
        self.open = Some(o);
        Ok(d)
    }
    fn open_with_passphrase(&mut self, id: &str, passphrase: &str) -> Result<Draft, DraftError> {
        let p = crate::drafts::protect::Passphrase::new(passphrase).map_err(DraftError::Invalid)?;
        self.store.set_passphrase(Some(p));
        let d = self.open(id);
        // The open draft keeps its passphrase for its saves; the store forgets it.
        self.store.set_passphrase(None);
        d
    }
    fn open(&mut self, id: &str) -> Result<Draft, DraftError> {
        self.open = None;
        let o = self.store.open_draft(id, &self.clock)?;
        let d = self.to_draft(&o)?;
        self.open = Some(o);
        Ok(d)
    }
    fn save(&mut self, draft: &Draft) -> Result<(), DraftError> {
        let Some(o) = self.open.as_mut().filter(|o| o.draft.id() == draft.id) else {
            let id = &draft.id;
            return Err(DraftError::NotOpen { id: id.clone() });
        };
        crate::session::draft::save_into_open(o, draft, &self.clock, &self.questionnaire.version)
    }
    fn history(&self) -> Option<Vec<crate::drafts::history::Entry>> {
        self.open.as_ref().map(|o| o.draft.history.clone())
    }
    fn rename(&mut self, id: &str, label: &str) -> Result<(), DraftError> {
        // The store's own rename (recorded in the history); the draft is closed on the list.
        if self.open.as_ref().is_some_and(|o| o.draft.id() == id) {
            self.open = None;
        }
        self.store.rename(id, label, &self.clock).map(|_| ())
    }
    fn delete(&mut self, id: &str) -> Result<(), DraftError> {
        if self.open.as_ref().is_some_and(|o| o.draft.id() == id) {
            self.open = None;
        }
        self.store.delete(id)
    }
    fn read_only(&self) -> Option<Text> {
        match self.open.as_ref()?.access() {
            Access::ReadWrite => None,
            Access::ReadOnly(why) => Some(why.clone()),
        }
    }
}
