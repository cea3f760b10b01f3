//! The application state and `update(Action)`: the only place state changes. Views draw from it.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::i18n;
use super::keymap::{self, Action};
use super::overlay::Outcome;
use super::store::{Damaged, Draft, DraftSummary, Store, days_left};
use super::widgets::{Field, FieldEvent, FieldKey, TextInput};
use crate::engine::Explain;
use crate::engine::text::fold;
use crate::engine::{AnswerValue, Answers, Context, Evaluation, Lang, QType, Questionnaire, ScreenKind};

pub use super::overlay::{NextAction, NextView, Overlay, StopView};

/// A row ↑↓ can select on the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewRow {
    /// The k-th answer of the review's entries (`App::review_entries`).
    Answer(usize),
    /// A section heading (stops, indication, checklist, ready, fee; no "ready" in paper mode).
    Section(usize),
    /// The k-th "not yet" entry.
    NotYet(usize),
}

impl ReviewRow {
    /// How many rows: `entries` answers, the sections, `not_yet` entries (none in paper mode).
    pub fn count(entries: usize, not_yet: usize, paper_mode: bool) -> usize {
        if paper_mode { entries + 4 } else { entries + 5 + not_yet }
    }

    /// The row at index `k` (answers are numbered by their place among the entries).
    pub fn at(k: usize, entries: usize, not_yet: usize, paper_mode: bool) -> Option<ReviewRow> {
        if k < entries {
            return Some(ReviewRow::Answer(k));
        }
        let r = k - entries;
        match (paper_mode, r) {
            (_, 0..=2) => Some(ReviewRow::Section(r)),
            (true, 3) => Some(ReviewRow::Section(3)),
            (false, 3) => Some(ReviewRow::Section(3)),
            (false, r) if r < 4 + not_yet => Some(ReviewRow::NotYet(r - 4)),
            (false, r) if r == 4 + not_yet => Some(ReviewRow::Section(4)),
            _ => None,
        }
    }
}

/// A move of the highlight on the drafts list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StartMove {
    First,
    Last,
    By(i64),
}

/// Where the keys go on a draft screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Questions,
    Checklist,
    /// The answers list of the review screen.
    Review,
}

/// An open draft as the TUI shows it: the session core (the draft and everything decided about
/// it, `crate::session::Session`, reached through `Deref`) and, beside it, only view state.
pub struct Session {
    pub core: crate::session::Session,
    pub screen: usize,
    /// The focused question (index into `q.questions`), when the screen has one.
    pub focus: Option<usize>,
    pub field: Field,
    pub pane: Pane,
    /// Highlighted checklist row.
    pub checklist_sel: usize,
    /// Highlighted answer on the review screen (index into `review_entries`).
    pub review_sel: usize,
    /// Items that appeared / disappeared with the last change (marked on the checklist).
    pub items_new: Vec<usize>,
    pub items_gone: Vec<usize>,
    /// One-line notice about answers set aside by the last change.
    pub aside_notice: Option<String>,
    /// Jumped from the review to change an answer: Next returns to the review.
    pub return_to_review: bool,
    /// "Why?" was opened with F6 from the questions: closing it goes back there.
    pub why_from_questions: bool,
}

impl std::ops::Deref for Session {
    type Target = crate::session::Session;
    fn deref(&self) -> &crate::session::Session {
        &self.core
    }
}

impl std::ops::DerefMut for Session {
    fn deref_mut(&mut self) -> &mut crate::session::Session {
        &mut self.core
    }
}

/// One attached file as the review shows it (the session core's).
pub use crate::session::FileCheck;

pub struct App<'a> {
    pub q: &'a Questionnaire,
    pub lang: Lang,
    pub today: NaiveDate,
    pub store: Box<dyn Store + 'a>,
    pub drafts: Vec<DraftSummary>,
    /// Progress of each listed draft.
    pub progress: Vec<u8>,
    pub start_sel: usize,
    pub removed: Vec<String>,
    pub damaged: Vec<Damaged>,
    /// Drafts past day 60 all at once, not erased until the person confirms (issue 12).
    pub held: Vec<super::store::Held>,
    /// Privacy warnings from the store (a drafts folder or file other users can read).
    pub warnings: Vec<crate::engine::Text>,
    pub session: Option<Session>,
    pub overlay: Option<Overlay>,
    /// A one-line message for the status line (refusals, save results).
    pub status: Option<String>,
    pub quit: bool,
    /// Colours on (off with NO_COLOR); meaning never rests on colour alone.
    pub color: bool,
    /// Internal codes shown (F12): rule, item and outcome codes, guide lines. Off by default.
    pub show_codes: bool,
    /// How far the open window's text is scrolled (help, why, read-back); 0 for a new window.
    pub scroll: u16,
    /// The language was given with --lang: drafts open in it rather than in their own.
    pub lang_explicit: bool,
    /// Quit with the last save failed: why (said after the screens close; exit status 1).
    pub not_saved_on_quit: Option<String>,
    /// The new-draft dialog's choice (Tab): lock the draft with a passphrase.
    pub new_draft_locked: bool,
    /// Digits typed in the jump list so far (a screen number).
    pub jump_typed: String,
    /// Type-to-find on the drafts list (`/`, Ctrl-F): the words typed; only the drafts whose name
    /// or id contains them are listed.
    pub find: Option<TextInput>,
    /// The size of the last frame drawn (set by the view): while it is below the minimum, the
    /// screen only asks to enlarge the terminal and keys must not act unseen.
    pub drawn: std::cell::Cell<Option<(u16, u16)>>,
}

impl<'a> App<'a> {
    pub fn new(q: &'a Questionnaire, lang: Lang, today: NaiveDate, store: Box<dyn Store + 'a>) -> App<'a> {
        let mut app = App {
            q,
            lang,
            today,
            store,
            drafts: vec![],
            progress: vec![],
            start_sel: 0,
            removed: vec![],
            damaged: vec![],
            held: vec![],
            warnings: vec![],
            session: None,
            overlay: None,
            status: None,
            quit: false,
            color: true,
            show_codes: false,
            lang_explicit: false,
            scroll: 0,
            not_saved_on_quit: None,
            new_draft_locked: false,
            jump_typed: String::new(),
            find: None,
            drawn: std::cell::Cell::new(None),
        };
        app.removed = app.store.removed();
        app.damaged = app.store.damaged();
        app.warnings = app.store.warnings();
        app.held = app.store.held();
        app.refresh_list();
        app
    }

    pub fn ctx(&self, created_on: NaiveDate) -> Context {
        Context { today: self.today, started: Some(created_on) }
    }

    pub(super) fn refresh_list(&mut self) {
        match self.store.list() {
            Ok(d) => self.drafts = d,
            Err(e) => self.status = Some(e.words(self.lang)),
        }
        // Once per listing, not on every frame: the progress saved with the draft, else computed.
        self.progress = self
            .drafts
            .iter()
            .map(|d| {
                d.cached_progress.unwrap_or_else(|| {
                    crate::engine::eval::progress(self.q, &d.answers, self.ctx(d.created_on))
                })
            })
            .collect();
        self.start_sel = self.start_sel.min(self.drafts.len().saturating_sub(1));
    }

    /// Progress of the k-th listed draft (0–100).
    pub fn progress(&self, k: usize) -> u8 {
        self.progress.get(k).copied().unwrap_or(0)
    }

    pub fn days_left(&self, created_on: NaiveDate) -> i64 {
        days_left(created_on, self.today)
    }

    /// Whether printable keys type text where the focus is.
    pub fn typing(&self) -> bool {
        match (&self.overlay, &self.session) {
            (Some(o), _) => o.takes_text(),
            (None, Some(s)) => s.pane == Pane::Questions && s.field.takes_text(),
            (None, None) => self.find.is_some(),
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if let Some(a) = keymap::action(key, self.typing()) {
            self.update(a);
        }
    }

    pub fn on_paste(&mut self, s: String) {
        if self.typing() {
            self.update(Action::Key(FieldKey::Paste(s)));
        }
    }

    /// Whether the last frame was too small to show anything but "enlarge the terminal".
    pub fn too_small(&self) -> bool {
        self.drawn.get().is_some_and(|(w, h)| w < super::view::MIN_W || h < super::view::MIN_H)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.too_small() {
            // "Enlarge the terminal" is all that shows: only quit and help work (and resizing).
            match action {
                Action::Quit => self.quit(),
                Action::Help if self.overlay == Some(Overlay::Help) => self.overlay = None,
                Action::Help => self.overlay = Some(Overlay::Help),
                _ if self.overlay == Some(Overlay::Help) => self.overlay = None,
                _ => {}
            }
            return;
        }
        if !matches!(action, Action::Key(FieldKey::Char(_)) | Action::Key(FieldKey::Paste(_))) {
            self.status = None;
        }
        // Keys that work over any window.
        match action {
            Action::SwitchLang => return self.switch_lang(),
            Action::Drafts => return self.back_to_drafts(),
            Action::Codes => return self.toggle_codes(),
            _ => {}
        }
        // An open window takes the key: moved out, handled, put back (never cloned).
        if let Some(o) = self.overlay.take() {
            match o.handle(self, action) {
                Outcome::Keep(o) if self.overlay.is_none() => self.overlay = Some(o),
                Outcome::Changed(o) if self.overlay.is_none() => {
                    self.overlay = Some(o);
                    self.scroll = 0;
                }
                Outcome::Open(o) => {
                    self.overlay = Some(o);
                    self.scroll = 0;
                }
                // Closed, or the App opened another window meanwhile (a stop the answer set off).
                Outcome::Keep(_) | Outcome::Changed(_) | Outcome::Close => self.scroll = 0,
            }
            return;
        }
        self.scroll = 0;
        match action {
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::About => self.overlay = Some(Overlay::About),
            Action::Quit => self.quit(),
            _ if self.session.is_none() => self.update_start(action),
            _ => self.update_session(action),
        }
    }

    pub(super) fn quit(&mut self) {
        if self.session.is_some() {
            self.commit_pending();
            if !self.save() && self.store.read_only().is_none() {
                // Said after the screen is restored, and the exit status is 1 (never "saved").
                self.not_saved_on_quit = self.status.clone();
            }
        }
        self.quit = true;
    }

    /// The exit status and what to say after the screens close: 1 with the reason when the last
    /// save failed, else 0.
    pub fn exit(&self) -> (i32, Option<String>) {
        match &self.not_saved_on_quit {
            Some(why) => (1, Some(why.clone())),
            None => (0, None),
        }
    }

    /// The drafts the list shows (indices into `drafts`): all of them, or those whose name or id
    /// contains the words typed to find one (accents and case ignored).
    pub fn listed(&self) -> Vec<usize> {
        let words: Vec<String> = match &self.find {
            Some(f) => fold(&f.value).split_whitespace().map(str::to_string).collect(),
            None => vec![],
        };
        (0..self.drafts.len())
            .filter(|&k| {
                let d = &self.drafts[k];
                let hay = fold(&format!("{} {}", d.label, d.id));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect()
    }

    /// Moves the highlight among the listed drafts (`delta` rows; `None`: first / last).
    fn start_move(&mut self, to: StartMove) {
        let listed = self.listed();
        let Some(&last) = listed.last() else { return };
        let pos = listed.iter().position(|&k| k == self.start_sel);
        self.start_sel = match (to, pos) {
            (StartMove::First, _) | (StartMove::By(_), None) => listed[0],
            (StartMove::Last, _) => last,
            (StartMove::By(d), Some(p)) => listed[(p as i64 + d).clamp(0, listed.len() as i64 - 1) as usize],
        };
    }

    fn update_start(&mut self, action: Action) {
        use FieldKey as K;
        if let Some(mut f) = self.find.take() {
            // Finding: keys type into the words; Esc clears them first.
            match action {
                Action::Back => {
                    self.status = Some(i18n::FIND_CLEARED.get(self.lang).into());
                    return;
                }
                Action::Key(k @ (K::Char(_) | K::Paste(_) | K::Backspace | K::Delete | K::DeleteWord))
                | Action::Key(k @ (K::DeleteToStart | K::DeleteToEnd | K::Left | K::Right)) => {
                    f.edit(&k);
                    self.find = Some(f);
                    // The highlight stays on its draft while it is listed, else goes to the first.
                    if !self.listed().contains(&self.start_sel) {
                        self.start_move(StartMove::First);
                    }
                    if self.listed().is_empty() {
                        self.status = Some(i18n::FIND_NONE.get(self.lang).into());
                    }
                    return;
                }
                _ => self.find = Some(f),
            }
        }
        match action {
            Action::Key(K::Up) | Action::FocusPrev => self.start_move(StartMove::By(-1)),
            Action::Key(K::Down) | Action::FocusNext => self.start_move(StartMove::By(1)),
            Action::PrevScreen => self.start_move(StartMove::By(-10)),
            Action::NextScreen => self.start_move(StartMove::By(10)),
            Action::Key(K::Home) => self.start_move(StartMove::First),
            Action::Key(K::End) => self.start_move(StartMove::Last),
            Action::Key(K::Enter) | Action::Key(K::Char('o' | 'O')) => {
                let listed = self.listed();
                let Some(d) = self.drafts.get(self.start_sel).filter(|_| listed.contains(&self.start_sel))
                else {
                    self.status = Some(
                        if self.drafts.is_empty() { i18n::NO_DRAFT_YET } else { i18n::FIND_NONE }
                            .get(self.lang)
                            .into(),
                    );
                    return;
                };
                let (id, label) = (d.id.clone(), d.label.clone());
                match self.store.open(&id) {
                    Ok(d) => {
                        self.find = None;
                        self.open_draft(d);
                        if let Some(why) = self.store.read_only() {
                            self.status = Some(i18n::read_only(self.lang, why.get(self.lang)));
                        }
                    }
                    Err(crate::drafts::DraftError::PassphraseNeeded { .. }) => {
                        self.overlay = Some(Overlay::Passphrase(id, label, Default::default()));
                    }
                    Err(e) => self.status = Some(i18n::not_opened(self.lang, &e.words(self.lang))),
                }
            }
            Action::Search | Action::Key(K::Char('/')) => {
                self.find = Some(self.find.take().unwrap_or_default());
            }
            Action::Key(K::Char('n' | 'N')) => self.overlay = Some(Overlay::NewDraft(TextInput::default())),
            Action::Key(K::Char('r' | 'R')) => {
                if let Some(d) =
                    self.drafts.get(self.start_sel).filter(|_| self.listed().contains(&self.start_sel))
                {
                    self.overlay = Some(Overlay::Rename(d.id.clone(), TextInput::new(d.label.clone())));
                }
            }
            Action::Key(K::Char('d' | 'D')) | Action::Key(K::Delete) => {
                if let Some(d) =
                    self.drafts.get(self.start_sel).filter(|_| self.listed().contains(&self.start_sel))
                {
                    self.overlay = Some(Overlay::ConfirmDelete(d.id.clone(), d.label.clone()));
                }
            }
            Action::Key(K::Char('a' | 'A')) => self.overlay = Some(Overlay::About),
            Action::Key(K::Char('e' | 'E')) if !self.held.is_empty() => {
                self.overlay = Some(Overlay::ConfirmErase)
            }
            Action::ReadBack | Action::Why => {
                self.status = Some(i18n::OPEN_A_DRAFT_FIRST.get(self.lang).into())
            }
            Action::Key(K::Char('q' | 'Q')) | Action::Back => self.quit = true,
            Action::Key(K::Char(c)) => self.status = Some(i18n::does_nothing(self.lang, c)),
            _ => {}
        }
    }

    /// Opens a draft on its last screen (or the first): the session core opens it (former ids
    /// migrated, paper mode and accepted cautions kept); the view goes back where the person was.
    pub fn open_draft(&mut self, mut draft: Draft) {
        // The draft's own language, unless --lang said otherwise; a draft without one takes ours.
        match draft.language {
            Some(l) if !self.lang_explicit => self.lang = l,
            Some(_) => {}
            None => draft.language = Some(self.lang),
        }
        let q = self.q;
        let core = crate::session::Session::open(
            q,
            draft,
            self.today,
            self.lang,
            self.store.read_only(),
            crate::session::RelativePaths::Refuse,
        );
        let screen = core
            .draft
            .screen
            .as_deref()
            .and_then(|id| q.screen_index(id))
            .filter(|&s| core.ev.screen_visible[s])
            .or_else(|| core.ev.next_screen(None))
            .unwrap_or(0);
        let question = core.draft.question.clone();
        self.session = Some(Session {
            core,
            screen,
            focus: None,
            field: Field::None,
            pane: Pane::Questions,
            checklist_sel: 0,
            review_sel: 0,
            items_new: vec![],
            items_gone: vec![],
            aside_notice: None,
            return_to_review: false,
            why_from_questions: false,
        });
        self.goto_screen(screen);
        // Back on the question the person was on, when it is still asked on that screen.
        if let Some(s) = &self.session
            && let Some(qi) = question.as_deref().and_then(|id| q.question_index(id))
            && q.questions[qi].screen == s.screen
            && editable(q, &s.ev, qi)
            && s.pane == Pane::Questions
        {
            if let Some(s) = &mut self.session {
                s.focus = Some(qi);
            }
            self.rebuild_field();
        }
    }

    /// Goes to a screen, focusing its first visible question.
    pub fn goto_screen(&mut self, screen: usize) {
        let q = self.q;
        let Some(s) = &mut self.session else { return };
        s.screen = screen.min(q.screens.len().saturating_sub(1));
        s.focus = s.core.ev.visible_questions(q, s.screen).find(|&qi| editable(q, &s.core.ev, qi));
        s.pane = if q.screens[s.screen].kind == ScreenKind::Review { Pane::Review } else { Pane::Questions };
        s.draft.screen = Some(q.screens[s.screen].id.clone());
        let review = q.screens[s.screen].kind == ScreenKind::Review;
        self.rebuild_field();
        if review {
            self.check_files();
        }
    }

    /// Reads and hashes the attached files again for the review (changed, vanished, one file on two
    /// items). Done when the review opens.
    pub fn check_files(&mut self) {
        let q = self.q;
        if let Some(s) = &mut self.session {
            s.core.check_files(q);
        }
    }

    /// Recomputes what is really done (`rd`) from the answers and the files as last read.
    pub fn refresh_truth(&mut self) {
        let q = self.q;
        if let Some(s) = &mut self.session {
            s.core.refresh_truth(q);
        }
    }

    /// Ready for a person: the answers gate and every file checked, unchanged and distinct.
    pub fn ready_now(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.ready())
    }

    /// Goes to a question's screen and focuses it.
    pub fn goto_question(&mut self, qi: usize) {
        let screen = self.q.questions[qi].screen;
        self.goto_screen(screen);
        if let Some(s) = &mut self.session {
            s.focus = Some(qi);
            s.pane = Pane::Questions;
        }
        self.rebuild_field();
    }

    fn rebuild_field(&mut self) {
        let (q, lang) = (self.q, self.lang);
        let Some(s) = &mut self.session else { return };
        s.field = match s.focus {
            Some(qi) if editable(q, &s.ev, qi) => {
                // Only the options the earlier answers leave open.
                let question = s.ev.shown_question(q, qi);
                let current = s.draft.answers.get(&question.id).cloned();
                let mut field = Field::for_question(q, &question, current.as_ref(), lang);
                // Countries, provinces, issuers, offices: never one the earlier answers rule out.
                if let Field::Picker(p) = &mut field {
                    p.retain(|code| s.ev.value_offered(q, qi, code));
                }
                if current.is_none()
                    && let Some(v) = prefill(q, &s.ev, qi)
                {
                    // A suggestion: written into the field, stored only when the user accepts it.
                    match &mut field {
                        Field::Text { input, .. } => *input = TextInput::new(v),
                        Field::Choice(c) => {
                            if let Some(i) = c.options.iter().position(|(id, _)| *id == v) {
                                c.suggest(i);
                            }
                        }
                        Field::Picker(p) => p.suggest(&v),
                        _ => {}
                    }
                }
                field
            }
            _ => Field::None,
        };
    }

    fn update_session(&mut self, action: Action) {
        let q = self.q;
        let pane = self.session.as_ref().map(|s| s.pane).unwrap_or(Pane::Questions);
        match action {
            Action::Save => {
                self.commit_pending();
                if self.save() {
                    self.status = Some(i18n::SAVED.get(self.lang).into());
                }
            }
            Action::NextScreen => self.next_screen(),
            Action::PrevScreen => {
                self.commit_pending();
                let Some(s) = &self.session else { return };
                match s.ev.prev_screen(s.screen) {
                    Some(p) => self.goto_screen(p),
                    None => self.status = Some(i18n::FIRST_SCREEN.get(self.lang).into()),
                }
            }
            Action::JumpList => {
                self.commit_pending();
                let Some(s) = &self.session else { return };
                let sel = self.jump_screens().iter().position(|&x| x == s.screen).unwrap_or(0);
                self.jump_typed.clear();
                self.overlay = Some(Overlay::Jump(sel));
            }
            Action::Review => {
                self.commit_pending();
                if let Some(r) = q.screens.iter().position(|s| s.kind == ScreenKind::Review) {
                    self.goto_screen(r);
                }
            }
            Action::Checklist => {
                self.commit_pending();
                let Some(s) = &mut self.session else { return };
                s.pane = if s.pane == Pane::Checklist {
                    if q.screens[s.screen].kind == ScreenKind::Review {
                        Pane::Review
                    } else {
                        Pane::Questions
                    }
                } else {
                    Pane::Checklist
                };
            }
            Action::Back => self.back_one_level(),
            Action::Why => self.why_first(),
            Action::ReadBack => {
                self.commit_pending();
                self.overlay = Some(Overlay::ReadBack);
            }
            Action::Search => {
                self.commit_pending();
                self.overlay = Some(Overlay::Search(TextInput::default(), 0));
            }
            Action::FocusNext => self.move_focus(1),
            Action::FocusPrev => self.move_focus(-1),
            Action::Na | Action::Unknown => self.na_unknown(action == Action::Na),
            Action::Attach => self.open_attach(),
            Action::Note => self.open_note(),
            Action::History => self.open_history(),
            // Handled over any window in `update`.
            Action::Codes => self.toggle_codes(),
            Action::Key(k) => match pane {
                Pane::Checklist => self.checklist_key(k),
                Pane::Review => self.review_key(k),
                Pane::Questions => self.field_key(k),
            },
            Action::Help | Action::About | Action::Quit | Action::SwitchLang | Action::Drafts => {}
        }
    }

    /// Esc: back one level. The checklist pane returns to the questions; an edit in progress is
    /// cancelled (the saved answer shows again; a picker's filter is cleared first); a question
    /// reached from the review returns to the review; the review returns to the questions before
    /// it; only then, at the top level, the draft is left (saved) for the drafts list, with the
    /// highlight on it.
    fn back_one_level(&mut self) {
        let q = self.q;
        let lang = self.lang;
        let Some(s) = &mut self.session else { return };
        let review = q.screens[s.screen].kind == ScreenKind::Review;
        match s.pane {
            Pane::Checklist => {
                s.pane = if review { Pane::Review } else { Pane::Questions };
                return;
            }
            Pane::Questions if s.field.cancel_edit() => {
                self.status = Some(i18n::EDIT_CANCELLED.get(lang).into());
                return;
            }
            Pane::Questions if s.return_to_review && !review => {
                s.return_to_review = false;
                if let Some(r) = q.screens.iter().position(|x| x.kind == ScreenKind::Review) {
                    self.goto_screen(r);
                }
                return;
            }
            Pane::Review | Pane::Questions if review => {
                match s.ev.prev_screen(s.screen) {
                    Some(p) => self.goto_screen(p),
                    None => self.back_to_drafts(),
                }
                return;
            }
            Pane::Review | Pane::Questions => {}
        }
        // The top level: back to the drafts list; the draft is saved, nothing is lost.
        self.back_to_drafts();
    }

    fn checklist_key(&mut self, k: FieldKey) {
        let Some(s) = &mut self.session else { return };
        let n = s.list(self.q).len();
        match k {
            FieldKey::Up => s.checklist_sel = s.checklist_sel.saturating_sub(1),
            FieldKey::Down => s.checklist_sel = (s.checklist_sel + 1).min(n.saturating_sub(1)),
            FieldKey::Enter | FieldKey::Char('w' | 'W' | ' ') => {
                if let Some(r) = s.list(self.q).get(s.checklist_sel) {
                    self.overlay = Some(Overlay::Why(r.item));
                }
            }
            _ => {}
        }
    }

    /// The answers listed on the review screen, in order (the session core's check-your-answers
    /// entries).
    pub fn review_entries(&self) -> Vec<usize> {
        self.session.as_ref().map_or_else(Vec::new, |s| s.review_entries(self.q))
    }

    /// The rows ↑↓ walk on the review, in the order they are shown: every answer, the sections
    /// (stops, indication, checklist, ready), each "not yet" entry, the fee.
    pub fn review_rows(&self) -> Vec<ReviewRow> {
        let Some(s) = &self.session else { return vec![] };
        let (e, n) = (self.review_entries().len(), super::view::review::not_yet_len(self));
        (0..ReviewRow::count(e, n, s.paper_mode))
            .filter_map(|k| ReviewRow::at(k, e, n, s.paper_mode))
            .collect()
    }

    fn review_key(&mut self, k: FieldKey) {
        let entries = self.review_entries();
        let not_yet = super::view::review::not_yet_len(self);
        let Some(s) = &mut self.session else { return };
        let count = ReviewRow::count(entries.len(), not_yet, s.paper_mode);
        match k {
            FieldKey::Up => s.review_sel = s.review_sel.saturating_sub(1),
            FieldKey::Down => {
                if s.review_sel + 1 >= count {
                    // Past the last row: the review's own questions (the declaration).
                    s.pane = Pane::Questions;
                } else {
                    s.review_sel += 1;
                }
            }
            FieldKey::Home => s.review_sel = 0,
            FieldKey::End => s.review_sel = entries.len().saturating_sub(1),
            FieldKey::Enter => match ReviewRow::at(s.review_sel, entries.len(), not_yet, s.paper_mode) {
                Some(ReviewRow::Answer(k)) => self.change_from_review(entries[k]),
                Some(ReviewRow::NotYet(k)) => {
                    let goal = super::view::review::not_yet(self).get(k).map(|(_, g)| *g);
                    let Some(s) = &self.session else { return };
                    let target = match goal {
                        Some(super::view::review::Goal::Question(qi)) => Some(qi),
                        Some(super::view::review::Goal::Rule(r)) => {
                            crate::session::fires::cause(self.q, &s.draft.answers, &s.ev, r)
                        }
                        _ => None,
                    };
                    match target {
                        Some(qi) => self.change_from_review(qi),
                        None => self.status = Some(i18n::REVIEW_GO_ON.get(self.lang).into()),
                    }
                }
                _ => self.status = Some(i18n::REVIEW_GO_ON.get(self.lang).into()),
            },
            _ => {}
        }
    }

    /// Goes to a question from the review; the next PgDn (or Enter on its last question) comes back.
    fn change_from_review(&mut self, qi: usize) {
        if let Some(s) = &mut self.session {
            s.return_to_review = true;
        }
        self.goto_question(qi);
        self.status = Some(i18n::REVIEW_CHANGE.get(self.lang).into());
    }

    fn field_key(&mut self, k: FieldKey) {
        let Some(s) = &mut self.session else { return };
        let Some(qi) = s.focus else {
            match k {
                FieldKey::Enter => self.next_screen(),
                FieldKey::Up if self.q.screens[s.screen].kind == ScreenKind::Review => s.pane = Pane::Review,
                _ => {}
            }
            return;
        };
        match s.field.on_key(&k) {
            FieldEvent::Edited => {}
            FieldEvent::Commit(v) => {
                // A choice made: "Nothing chosen: press 1-9 …" from before no longer applies.
                self.status = None;
                self.give_answer(qi, v);
            }
            FieldEvent::CommitNext(v) => {
                self.status = None;
                // Refused (a file that fails its check), or a stop or caution shown: stay here.
                // An answer that needs fixing keeps the focus too, so it can be fixed at once.
                if self.give_answer(qi, v) && self.overlay.is_none() && !self.stay_on_error(qi) {
                    self.advance(qi);
                }
            }
            FieldEvent::Next => {
                // Enter on a path nobody checked yet (imported with the answers): checked now.
                let q = self.q;
                let stored =
                    self.session.as_ref().and_then(|s| s.draft.answers.get(&q.questions[qi].id).cloned());
                let given = match stored {
                    Some(v)
                        if crate::session::files::file_item(q, qi).is_some()
                            && !self.session.as_ref().is_some_and(|s| s.paper_mode) =>
                    {
                        self.give_answer(qi, Some(v))
                    }
                    _ => true,
                };
                if given && self.overlay.is_none() {
                    self.advance(qi);
                }
            }
            FieldEvent::NeedChoice => self.status = Some(i18n::CHOOSE_EXPLICITLY.get(self.lang).into()),
            FieldEvent::Ignored => match k {
                FieldKey::Up => self.move_focus(-1),
                FieldKey::Down => self.move_focus(1),
                FieldKey::Char(c) if !matches!(s.field, Field::None) => {
                    self.status = Some(i18n::not_a_choice(self.lang, c))
                }
                _ => {}
            },
        }
    }

    /// Whether question `qi`'s answer needs fixing (an error): then the focus stays on it and the
    /// status line says so.
    fn stay_on_error(&mut self, qi: usize) -> bool {
        let Some(s) = &self.session else { return false };
        if !s.ev.has_error(qi) || s.focus != Some(qi) {
            return false;
        }
        if self.status.is_none() {
            self.status = Some(i18n::fix_this_answer(self.lang, &self.q.questions[qi].number));
        }
        true
    }

    /// After Enter on a question: the next question, or the next screen from the last one.
    fn advance(&mut self, from: usize) {
        let Some(s) = &self.session else { return };
        let focus_now = s.focus;
        let last = s.ev.visible_questions(self.q, s.screen).filter(|&x| editable(self.q, &s.ev, x)).last();
        if focus_now == Some(from) && last == Some(from) {
            self.next_screen();
        } else if focus_now == Some(from) {
            self.move_focus(1);
        }
    }

    fn move_focus(&mut self, delta: i32) {
        let committed = self.commit_pending();
        let q = self.q;
        if committed
            && let Some(qi) = self.session.as_ref().and_then(|s| s.focus)
            && self.stay_on_error(qi)
        {
            return;
        }
        let Some(s) = &mut self.session else { return };
        if s.pane == Pane::Checklist {
            self.checklist_key(if delta > 0 { FieldKey::Down } else { FieldKey::Up });
            return;
        }
        let list: Vec<usize> =
            s.ev.visible_questions(q, s.screen).filter(|&x| editable(q, &s.ev, x)).collect();
        if q.screens[s.screen].kind == ScreenKind::Review && s.pane == Pane::Review {
            if delta > 0 {
                s.pane = Pane::Questions;
                s.focus = list.first().copied();
            }
            self.rebuild_field();
            return;
        }
        let pos = s.focus.and_then(|f| list.iter().position(|&x| x == f));
        let next = match pos {
            None => list.first().copied(),
            Some(p) => {
                let np = p as i32 + delta;
                if np < 0 {
                    if q.screens[s.screen].kind == ScreenKind::Review {
                        s.pane = Pane::Review;
                    }
                    Some(list[p])
                } else {
                    Some(list[(np as usize).min(list.len() - 1)])
                }
            }
        };
        s.focus = next;
        self.rebuild_field();
    }

    fn na_unknown(&mut self, na: bool) {
        let q = self.q;
        let Some(s) = &self.session else { return };
        let Some(qi) = s.focus else { return };
        let question = &q.questions[qi];
        let (allowed, token) = if na { (question.na, "NA") } else { (question.unknown, "UNKNOWN") };
        let option = question.options.iter().any(|o| o.id == token.to_lowercase());
        if !allowed && !option {
            self.status = Some(i18n::not_accepted(self.lang, na, &question.number));
            return;
        }
        let v = if option {
            AnswerValue::Text(token.to_lowercase())
        } else if question.qtype == QType::List {
            AnswerValue::List(vec![token.into()])
        } else {
            AnswerValue::Text(token.into())
        };
        let given = self.give_answer(qi, Some(v));
        self.rebuild_field();
        if given && self.overlay.is_none() {
            self.advance(qi);
        }
    }

    /// Stores a typed but not yet committed edit (focus leaving a field).
    /// True when something was stored.
    pub fn commit_pending(&mut self) -> bool {
        let Some(s) = &self.session else { return false };
        if s.pane != Pane::Questions {
            return false;
        }
        if let (Some(qi), Some(v)) = (s.focus, s.field.pending()) {
            return self.give_answer(qi, v);
        }
        false
    }

    /// Gives one answer, as a person does (Enter, or the focus leaving the field), to the session
    /// core: a path at a document's file question is checked and recorded first (refused: the
    /// reason on the status line, nothing stored); then a stop or caution it sets off is shown at
    /// once, naming the question. False when the answer was refused.
    pub fn give_answer(&mut self, qi: usize, v: Option<AnswerValue>) -> bool {
        let q = self.q;
        let Some(s) = &mut self.session else { return false };
        match s.core.answer(q, qi, v) {
            Ok(c) => {
                self.after_change(c);
                true
            }
            Err(r) => {
                // The field keeps what was typed, so it can be corrected.
                self.status = Some(refusal_words(&r, self.lang));
                false
            }
        }
    }

    /// Stores a file given in the F7 dialog (answers and attachment record) for file question
    /// `qi`: saved, what was recorded said, and the stop or caution it set off shown.
    pub fn apply_given(&mut self, g: crate::session::files::Given, qi: usize) {
        let q = self.q;
        let Some(s) = &mut self.session else { return };
        let c = s.core.apply_given(q, g, qi);
        self.after_change(c);
    }

    /// Stores (or clears) one answer without the file check, re-evaluates, notes what changed,
    /// autosaves.
    pub fn set_answer(&mut self, qi: usize, v: Option<AnswerValue>) {
        let q = self.q;
        let Some(s) = &mut self.session else { return };
        let c = s.core.set(q, qi, v);
        self.after_change(c);
    }

    /// The view after an answer stored: what changed marked, the focus moved off a question no
    /// longer asked, the draft saved, a file recorded said, a stop or caution shown at once.
    fn after_change(&mut self, c: crate::session::Change) {
        if !c.changed {
            return;
        }
        let q = self.q;
        let lang = self.lang;
        let Some(s) = &mut self.session else { return };
        s.items_new = c.items_new;
        s.items_gone = c.items_gone;
        s.aside_notice = (!c.set_aside.is_empty()).then(|| {
            let nums: Vec<&str> = c.set_aside.iter().map(|&x| q.questions[x].number.as_str()).collect();
            i18n::set_aside(lang, c.set_aside.len(), &nums.join(", "))
        });
        // A focused question that disappeared hands the focus to the next visible one.
        if let Some(f) = s.focus
            && !s.ev.visible[f]
        {
            s.focus = s.core.ev.visible_questions(q, s.screen).find(|&x| x > f && editable(q, &s.core.ev, x));
        }
        if !s.ev.screen_visible[s.screen] {
            let to = s.ev.next_screen(Some(s.screen)).or_else(|| s.ev.prev_screen(s.screen)).unwrap_or(0);
            self.goto_screen(to);
        }
        let saved = self.save();
        if let Some(a) = c.attachment {
            let failed = self.status.take();
            let notice = super::attach_flow::attached_notice(&a, lang);
            self.status = Some(match (saved, failed) {
                (false, Some(f)) => format!("{f} — {notice}"),
                _ => notice,
            });
        }
        if let Some(f) = c.fired {
            self.overlay = Some(Overlay::Stop(StopView {
                rules: f.rules,
                caution: f.caution,
                paper_ok: f.paper_ok,
                target: None,
                question: f.question,
            }));
        }
    }

    /// Paper-preparation mode (after a stop that sends to a paper application), kept in the draft.
    pub fn enter_paper_mode(&mut self) {
        let q = self.q;
        if let Some(s) = &mut self.session {
            s.core.enter_paper_mode(q);
        }
    }

    /// "I understand" on cautions, kept in the draft.
    pub fn acknowledge(&mut self, rules: &[usize]) {
        let q = self.q;
        if let Some(s) = &mut self.session {
            s.core.acknowledge(q, rules);
        }
    }

    /// Writes the draft (where the person is, so reopening returns to that question); false (with
    /// a status message) when the store refused.
    pub fn save(&mut self) -> bool {
        let q = self.q;
        let Some(s) = &mut self.session else { return false };
        s.core.draft.question = s.focus.map(|qi| q.questions[qi].id.clone());
        match s.core.save(q, &mut *self.store) {
            Ok(()) => true,
            Err(e) => {
                self.status = Some(i18n::not_saved(self.lang, &e.words(self.lang)));
                false
            }
        }
    }

    /// Errors on the current screen: (question, message).
    pub fn screen_errors(&self) -> Vec<usize> {
        let Some(s) = &self.session else { return vec![] };
        let mut v: Vec<usize> =
            s.ev.visible_questions(self.q, s.screen).filter(|&qi| s.ev.has_error(qi)).collect();
        v.dedup();
        v
    }

    fn next_screen(&mut self) {
        self.commit_pending();
        let q = self.q;
        let errors = self.screen_errors();
        if !errors.is_empty() {
            let nums: Vec<&str> = errors.iter().map(|&qi| q.questions[qi].number.as_str()).collect();
            self.status = Some(i18n::next_refused(self.lang, &nums.join(", ")));
            // Put the focus on the first error so it is in view.
            let status = self.status.take();
            self.goto_question(errors[0]);
            self.status = status;
            return;
        }
        let Some(s) = &mut self.session else { return };
        let target = if s.return_to_review {
            s.return_to_review = false;
            q.screens.iter().position(|x| x.kind == ScreenKind::Review)
        } else {
            s.ev.next_screen(Some(s.screen))
        };
        let from = s.screen;
        if let Some(f) = s.on_leaving(q) {
            self.overlay = Some(Overlay::Stop(StopView {
                rules: f.rules,
                caution: f.caution,
                paper_ok: f.paper_ok,
                target,
                question: f.question,
            }));
            return;
        }
        // Leaving with questions unanswered is allowed (drafts fill over several sittings); say which.
        let notice = crate::session::journey::leaving_notice(q, &s.ev, from, self.lang);
        match target {
            Some(t) => self.goto_screen(t),
            // Past the last screen: what happens next.
            None => self.open_next(),
        }
        if notice.is_some() && target.is_some() {
            self.status = notice;
        }
    }

    /// Opens "what happens next".
    pub fn open_next(&mut self) {
        self.overlay = Some(Overlay::Next(NextView {
            asking: None,
            input: TextInput::default(),
            suggested: false,
            result: vec![],
        }));
    }

    /// F3: the other language, live; an open draft keeps it (saved at once).
    fn switch_lang(&mut self) {
        let q = self.q;
        self.commit_pending();
        self.lang = self.lang.other();
        let lang = self.lang;
        let msg = if let Some(s) = &mut self.session {
            s.draft.language = Some(lang);
            s.lang = lang;
            s.core.refresh_truth(q);
            s.saved = false;
            // Notices already written in the old language would now read oddly.
            s.aside_notice = None;
            i18n::LANG_NOW
        } else {
            i18n::LANG_NOW_NO_DRAFT
        };
        if self.session.is_some() {
            self.rebuild_field();
            self.save();
        }
        self.status = Some(msg.get(lang).into());
    }

    /// Ctrl-O: saves the open draft and goes to the drafts list with it highlighted, from anywhere,
    /// so the next caller's draft is one key (n) or two (↑↓ Enter) away.
    fn back_to_drafts(&mut self) {
        if matches!(self.overlay, Some(Overlay::NewDraft(_))) {
            return;
        }
        self.overlay = None;
        let Some(id) = self.session.as_ref().map(|s| s.draft.id.clone()) else { return };
        self.commit_pending();
        let saved = self.save();
        let label = self.session.as_ref().map(|s| s.draft.label.clone()).unwrap_or_default();
        self.session = None;
        self.refresh_list();
        if let Some(k) = self.drafts.iter().position(|d| d.id == id) {
            self.start_sel = k;
        }
        if saved {
            self.status = Some(i18n::switched_out(self.lang, &label));
        }
    }

    /// The checklist (or paper list) the "why" keys walk.
    pub(super) fn checklist_len(&self) -> usize {
        self.session.as_ref().map_or(0, |s| s.list(self.q).len())
    }

    /// F6: "why is this on my list?" for the highlighted checklist item, in one key.
    fn why_first(&mut self) {
        self.commit_pending();
        let n = self.checklist_len();
        let Some(s) = &mut self.session else { return };
        if n == 0 {
            self.status = Some(i18n::NO_CHECKLIST_YET.get(self.lang).into());
            return;
        }
        if s.pane != Pane::Checklist {
            s.why_from_questions = s.pane == Pane::Questions;
            s.pane = Pane::Checklist;
            // "Why" starts from the current screen's item (the photo screen: the photo).
            if let Some(item) = self.q.screens[s.screen].item
                && let Some(k) = s.list(self.q).iter().position(|r| r.item == item)
            {
                s.checklist_sel = k;
            }
        }
        s.checklist_sel = s.checklist_sel.min(n - 1);
        let item = s.list(self.q)[s.checklist_sel].item;
        self.overlay = Some(Overlay::Why(item));
    }

    /// Questions matching the search words, in both languages: the number first ("4.7", "4."),
    /// then the prompt, then the help text. Every question counts, asked now or not.
    pub fn search_results(&self, query: &str) -> Vec<usize> {
        let q = self.q;
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
        let whole = words.join(" ");
        let asked = |qi: usize| self.session.as_ref().is_some_and(|s| search_visible(q, &s.ev, qi));
        let mut ranked: Vec<(u8, bool, usize)> = vec![];
        for (qi, question) in q.questions.iter().enumerate() {
            if question.qtype == QType::Display {
                continue;
            }
            if words.is_empty() {
                ranked.push((0, false, qi));
                continue;
            }
            let number = question.number.to_lowercase();
            let prompt = fold(&format!("{} {}", question.prompt.en, question.prompt.fr));
            let minor = question.prompt_minor.as_ref().map(|p| fold(&format!("{} {}", p.en, p.fr)));
            let help = fold(&format!("{} {}", question.help.en, question.help.fr));
            let in_text = |t: &str| words.iter().all(|w| t.contains(w.as_str()));
            let exact = [&question.prompt.en, &question.prompt.fr]
                .iter()
                .any(|p| fold(p).trim_end_matches(['?', ':', '.']).trim() == whole);
            let digits = words[0].starts_with(|c: char| c.is_ascii_digit());
            let rank = if words.len() == 1 && number == words[0] {
                0
            } else if exact {
                1
            } else if words.len() == 1 && digits && number.starts_with(&words[0]) {
                2
            } else if in_text(&prompt) || minor.as_deref().is_some_and(in_text) {
                3
            } else if in_text(&format!("{number} {prompt} {help}")) {
                4
            } else {
                continue;
            };
            // Within a rank, questions asked now come first.
            ranked.push((rank, !asked(qi), qi));
        }
        ranked.sort();
        ranked.into_iter().map(|(_, _, qi)| qi).collect()
    }

    /// The screens the jump list shows: every screen asked now, and every other screen but the
    /// document screens of items not on the checklist (shown as "not asked").
    pub fn jump_screens(&self) -> Vec<usize> {
        let Some(s) = &self.session else { return vec![] };
        (0..self.q.screens.len())
            .filter(|&sc| s.ev.screen_visible[sc] || self.q.screens[sc].item.is_none())
            .collect()
    }

    /// Current screen's position among the visible screens (1-based) and their count.
    pub fn screen_position(&self) -> (usize, usize) {
        let Some(s) = &self.session else { return (0, 0) };
        let v = s.ev.visible_screens();
        (v.iter().position(|&x| x == s.screen).map_or(0, |p| p + 1), v.len())
    }
}

/// Whether a search result can be jumped to: the question and its screen are asked now.
pub fn search_visible(q: &Questionnaire, ev: &Evaluation, qi: usize) -> bool {
    ev.visible[qi] && ev.screen_visible[q.questions[qi].screen]
}

/// Whether a visible question takes an answer from the user (not display, not fixed).
pub fn editable(q: &Questionnaire, ev: &Evaluation, qi: usize) -> bool {
    let question = &q.questions[qi];
    ev.visible[qi] && !is_fixed(q, ev, qi) && (question.qtype != QType::Display)
}

/// A question whose answer is fixed by other answers right now.
pub fn is_fixed(_q: &Questionnaire, ev: &Evaluation, qi: usize) -> bool {
    ev.is_fixed(qi)
}

/// The prefill suggestion for an unanswered question (the engine's, never an option the earlier
/// answers rule out).
fn prefill(q: &Questionnaire, ev: &Evaluation, qi: usize) -> Option<String> {
    crate::session::answering::prefill(q, qi, ev)
}

/// Answers from a persona file or a draft body.
pub fn answers_from_json(root: &serde_json::Value) -> Result<Answers, crate::engine::Text> {
    Answers::from_file_json(root).map_err(|e| e.explain())
}

/// A refusal from the session core, in the TUI's words (status line).
pub fn refusal_words(r: &crate::session::Refusal, lang: Lang) -> String {
    use crate::session::Refusal as R;
    match r {
        R::PaperNoFile => i18n::PAPER_NO_FILE.get(lang).into(),
        R::ReadOnly(why) => super::attach_flow::read_only(why.clone(), lang),
        R::RelativePath(p) => i18n::relative_path(lang, p),
        R::File(e) => super::attach_flow::refusal(e, lang),
        R::Malformed(_) | R::Invalid(_) => format!("✗ {}", r.text().get(lang)),
    }
}
