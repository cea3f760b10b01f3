//! The application state and `update(Action)`: the only place state changes. The `App` shows one
//! [`Screen`] at a time — the drafts list ([`StartScreen`]) or an open draft ([`Session`]) — and
//! dispatches each key on it once: the drafts list's keys are here, an open draft's in
//! `draft_screen` (handlers that cannot run without a draft). Views draw from the state.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::draft_screen::DraftScreen;
use super::i18n;
use super::keymap::{self, Action};
use super::overlay::Outcome;
use super::store::{Damaged, Draft, DraftSummary, Store, days_left};
use super::widgets::{Field, FieldKey, TextInput};
use crate::engine::Explain;
use crate::engine::text::fold;
use crate::engine::{Answers, Context, Evaluation, Lang, QType, Questionnaire};

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

/// What the views and windows ask of an open draft (the questionnaire given, nothing stored).
impl Session {
    /// The rows ↑↓ walk on the review, in the order they are shown: every answer, the sections
    /// (stops, indication, checklist, ready), each "not yet" entry, the fee.
    pub fn review_rows(&self, q: &Questionnaire) -> Vec<ReviewRow> {
        let (e, n) = (self.review_entries(q).len(), super::view::review::not_yet_len(self));
        (0..ReviewRow::count(e, n, self.paper_mode))
            .filter_map(|k| ReviewRow::at(k, e, n, self.paper_mode))
            .collect()
    }

    /// Errors on the current screen: (question, message).
    pub fn screen_errors(&self, q: &Questionnaire) -> Vec<usize> {
        let mut v: Vec<usize> =
            self.ev.visible_questions(q, self.screen).filter(|&qi| self.ev.has_error(qi)).collect();
        v.dedup();
        v
    }

    /// The checklist (or paper list) the "why" keys walk.
    pub fn checklist_len(&self, q: &Questionnaire) -> usize {
        self.list(q).len()
    }

    /// Questions matching the search words, in both languages: the number first ("4.7", "4."),
    /// then the prompt, then the help text. Every question counts, asked now or not.
    pub fn search_results(&self, q: &Questionnaire, query: &str) -> Vec<usize> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
        let whole = words.join(" ");
        let asked = |qi: usize| search_visible(q, &self.ev, qi);
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
    pub fn jump_screens(&self, q: &Questionnaire) -> Vec<usize> {
        (0..q.screens.len())
            .filter(|&sc| self.ev.screen_visible[sc] || q.screens[sc].item.is_none())
            .collect()
    }
}

/// What the App shows: the drafts list, or an open draft.
pub enum Screen {
    Start(StartScreen),
    /// Boxed: a draft is large, the drafts list small.
    Draft(Box<Session>),
}

/// The drafts list's own state (the list itself is the App's: it is read again on leaving a
/// draft and after each change to the store).
#[derive(Debug, Default)]
pub struct StartScreen {
    /// The highlighted draft (index into `App::drafts`).
    pub sel: usize,
    /// Type-to-find on the drafts list (`/`, Ctrl-F): the words typed; only the drafts whose name
    /// or id contains them are listed.
    pub find: Option<TextInput>,
}

/// One attached file as the review shows it (the session core's).
pub use crate::session::FileCheck;

/// The whole TUI's state: the screen shown (`screen`), the window over it (`overlay`), and what
/// both screens share — the questionnaire, the language, the store, the drafts listed with the
/// store's notices, the status line.
pub struct App<'a> {
    pub q: &'a Questionnaire,
    pub lang: Lang,
    pub today: NaiveDate,
    pub store: Box<dyn Store + 'a>,
    pub drafts: Vec<DraftSummary>,
    /// Progress of each listed draft.
    pub progress: Vec<u8>,
    pub removed: Vec<String>,
    pub damaged: Vec<Damaged>,
    /// Drafts past day 60 all at once, not erased until the person confirms (issue 12).
    pub held: Vec<super::store::Held>,
    /// Privacy warnings from the store (a drafts folder or file other users can read).
    pub warnings: Vec<crate::engine::Text>,
    /// The drafts list or the open draft (`draft()`, `draft_mut()`).
    pub screen: Screen,
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
    /// The size of the last frame drawn (set by the view): while it is below the minimum, the
    /// screen only asks to enlarge the terminal and keys must not act unseen.
    pub drawn: std::cell::Cell<Option<(u16, u16)>>,
}
/// The drafts list's key handling: its state and the parts of the `App` it reads or says things in.
struct StartKeys<'x> {
    drafts: &'x [DraftSummary],
    held: bool,
    lang: Lang,
    status: &'x mut Option<String>,
    overlay: &'x mut Option<Overlay>,
    quit: &'x mut bool,
}

impl StartScreen {
    /// The drafts the list shows (indices into `drafts`): all of them, or those whose name or id
    /// contains the words typed to find one (accents and case ignored).
    pub fn listed(&self, drafts: &[DraftSummary]) -> Vec<usize> {
        let words: Vec<String> = match &self.find {
            Some(f) => fold(&f.value).split_whitespace().map(str::to_string).collect(),
            None => vec![],
        };
        if words.is_empty() {
            return (0..drafts.len()).collect();
        }
        // Drafts whose name holds every word come first; then those found through their id too.
        let (mut by_name, mut by_id) = (vec![], vec![]);
        for (k, d) in drafts.iter().enumerate() {
            let label = fold(&d.label);
            if words.iter().all(|w| label.contains(w.as_str())) {
                by_name.push(k);
            } else {
                let hay = format!("{label} {}", fold(&d.id));
                if words.iter().all(|w| hay.contains(w.as_str())) {
                    by_id.push(k);
                }
            }
        }
        by_name.extend(by_id);
        by_name
    }

    /// The highlighted draft, when it is listed.
    pub fn selected<'d>(&self, drafts: &'d [DraftSummary]) -> Option<&'d DraftSummary> {
        drafts.get(self.sel).filter(|_| self.listed(drafts).contains(&self.sel))
    }

    /// Moves the highlight among the listed drafts (`delta` rows; `None`: first / last).
    fn start_move(&mut self, drafts: &[DraftSummary], to: StartMove) {
        let listed = self.listed(drafts);
        let Some(&last) = listed.last() else { return };
        let pos = listed.iter().position(|&k| k == self.sel);
        self.sel = match (to, pos) {
            (StartMove::First, _) | (StartMove::By(_), None) => listed[0],
            (StartMove::Last, _) => last,
            (StartMove::By(d), Some(p)) => listed[(p as i64 + d).clamp(0, listed.len() as i64 - 1) as usize],
        };
    }

    /// A key on the drafts list; the draft to open (id, label), if Enter chose one.
    fn update(&mut self, k: StartKeys, action: Action) -> Option<(String, String)> {
        use FieldKey as K;
        let lang = k.lang;
        if let Some(mut f) = self.find.take() {
            // Finding: keys type into the words; Esc clears them first.
            match action {
                Action::Back => {
                    *k.status = Some(i18n::FIND_CLEARED.get(lang).into());
                    return None;
                }
                Action::Key(key @ (K::Char(_) | K::Paste(_) | K::Backspace | K::Delete | K::DeleteWord))
                | Action::Key(key @ (K::DeleteToStart | K::DeleteToEnd | K::Left | K::Right)) => {
                    f.edit(&key);
                    self.find = Some(f);
                    // The highlight stays on its draft while it is listed, else goes to the first.
                    if !self.listed(k.drafts).contains(&self.sel) {
                        self.start_move(k.drafts, StartMove::First);
                    }
                    if self.listed(k.drafts).is_empty() {
                        *k.status = Some(i18n::FIND_NONE.get(lang).into());
                    }
                    return None;
                }
                _ => self.find = Some(f),
            }
        }
        match action {
            Action::Key(K::Up) | Action::FocusPrev => self.start_move(k.drafts, StartMove::By(-1)),
            Action::Key(K::Down) | Action::FocusNext => self.start_move(k.drafts, StartMove::By(1)),
            Action::PrevScreen => self.start_move(k.drafts, StartMove::By(-10)),
            Action::NextScreen => self.start_move(k.drafts, StartMove::By(10)),
            Action::Key(K::Home) => self.start_move(k.drafts, StartMove::First),
            Action::Key(K::End) => self.start_move(k.drafts, StartMove::Last),
            Action::Key(K::Enter) | Action::Key(K::Char('o' | 'O')) => match self.selected(k.drafts) {
                Some(d) => return Some((d.id.clone(), d.label.clone())),
                None => {
                    *k.status = Some(
                        if k.drafts.is_empty() { i18n::NO_DRAFT_YET } else { i18n::FIND_NONE }
                            .get(lang)
                            .into(),
                    )
                }
            },
            Action::Search | Action::Key(K::Char('/')) => {
                self.find = Some(self.find.take().unwrap_or_default());
            }
            Action::Key(K::Char('n' | 'N')) => *k.overlay = Some(Overlay::NewDraft(TextInput::default())),
            Action::Key(K::Char('r' | 'R')) => {
                if let Some(d) = self.selected(k.drafts) {
                    *k.overlay = Some(Overlay::Rename(d.id.clone(), TextInput::new(d.label.clone())));
                }
            }
            Action::Key(K::Char('d' | 'D')) | Action::Key(K::Delete) => {
                if let Some(d) = self.selected(k.drafts) {
                    *k.overlay = Some(Overlay::ConfirmDelete(d.id.clone(), d.label.clone()));
                }
            }
            Action::Key(K::Char('a' | 'A')) => *k.overlay = Some(Overlay::About),
            Action::Key(K::Char('e' | 'E')) if k.held => *k.overlay = Some(Overlay::ConfirmErase),
            Action::ReadBack | Action::Why => *k.status = Some(i18n::OPEN_A_DRAFT_FIRST.get(lang).into()),
            Action::Key(K::Char('q' | 'Q')) | Action::Back => *k.quit = true,
            Action::Key(K::Char(c)) => *k.status = Some(i18n::does_nothing(lang, c)),
            _ => {}
        }
        None
    }
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
            removed: vec![],
            damaged: vec![],
            held: vec![],
            warnings: vec![],
            screen: Screen::Start(StartScreen::default()),
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
            drawn: std::cell::Cell::new(None),
        };
        app.removed = app.store.removed();
        app.damaged = app.store.damaged();
        app.warnings = app.store.warnings();
        app.held = app.store.held();
        app.refresh_list();
        app
    }

    /// The open draft, if one is open.
    pub fn draft(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Draft(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    /// The open draft, to change, if one is open.
    pub fn draft_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Draft(s) => Some(s),
            Screen::Start(_) => None,
        }
    }

    /// The drafts list's state, while it shows.
    pub fn start(&self) -> Option<&StartScreen> {
        match &self.screen {
            Screen::Start(st) => Some(st),
            Screen::Draft(_) => None,
        }
    }

    /// Runs `f` on the open draft's handlers (None: no draft is open). The one place a draft
    /// handler is reached from the App: it borrows the draft and, beside it, the parts of the App a
    /// handler changes; a handler that leaves the draft (Esc at the top level) is obeyed after.
    pub fn in_draft<R>(&mut self, f: impl FnOnce(&mut DraftScreen<'_, 'a>) -> R) -> Option<R> {
        let App {
            screen,
            q,
            lang,
            today,
            show_codes,
            store,
            overlay,
            status,
            scroll,
            jump_typed,
            quit,
            not_saved_on_quit,
            ..
        } = self;
        let Screen::Draft(s) = screen else { return None };
        let mut d = DraftScreen {
            s,
            q,
            lang: *lang,
            today: *today,
            show_codes: *show_codes,
            store: &mut **store,
            overlay,
            status,
            scroll,
            jump_typed,
            quit,
            not_saved_on_quit,
            leave: false,
        };
        let r = f(&mut d);
        if d.leave {
            self.back_to_drafts();
        }
        Some(r)
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
        if let Screen::Start(st) = &mut self.screen {
            st.sel = st.sel.min(self.drafts.len().saturating_sub(1));
        }
    }

    /// Highlights a listed draft by its id (after a rename: the list is in a new order).
    pub fn select_draft(&mut self, id: &str) {
        if let (Screen::Start(st), Some(k)) = (&mut self.screen, self.drafts.iter().position(|d| d.id == id))
        {
            st.sel = k;
        }
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
        match (&self.overlay, &self.screen) {
            (Some(o), _) => o.takes_text(),
            (None, Screen::Draft(s)) => s.pane == Pane::Questions && s.field.takes_text(),
            (None, Screen::Start(st)) => st.find.is_some(),
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
            _ => self.update_screen(action),
        }
    }

    /// A key for the screen shown: the one dispatch on it.
    fn update_screen(&mut self, action: Action) {
        let App { screen, drafts, held, lang, status, overlay, quit, .. } = self;
        match screen {
            Screen::Start(st) => {
                let keys = StartKeys { drafts, held: !held.is_empty(), lang: *lang, status, overlay, quit };
                if let Some((id, label)) = st.update(keys, action) {
                    self.open_listed(&id, label);
                }
            }
            Screen::Draft(_) => {
                self.in_draft(|d| d.update(action));
            }
        }
    }

    /// Opens a listed draft (Enter on the list): a locked one asks its passphrase first.
    fn open_listed(&mut self, id: &str, label: String) {
        match self.store.open(id) {
            Ok(d) => {
                self.open_draft(d);
                if let Some(why) = self.store.read_only() {
                    self.status = Some(i18n::read_only(self.lang, why.get(self.lang)));
                }
            }
            Err(crate::drafts::DraftError::PassphraseNeeded { .. }) => {
                self.overlay = Some(Overlay::Passphrase(id.to_string(), label, Default::default()));
            }
            Err(e) => self.status = Some(i18n::not_opened(self.lang, &e.words(self.lang))),
        }
    }

    /// Quits: an open draft keeps the text typed in its field and is saved first.
    pub(super) fn quit(&mut self) {
        if self.in_draft(|d| d.quit()).is_none() {
            self.quit = true;
        }
    }

    /// The exit status and what to say after the screens close: 1 with the reason when the last
    /// save failed, else 0.
    pub fn exit(&self) -> (i32, Option<String>) {
        match &self.not_saved_on_quit {
            Some(why) => (1, Some(why.clone())),
            None => (0, None),
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
        self.screen = Screen::Draft(Box::new(Session {
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
        }));
        self.in_draft(|d| d.resume(screen, question.as_deref()));
    }

    /// F3: the other language, live; an open draft keeps it (saved at once).
    fn switch_lang(&mut self) {
        // The field's text is kept first, in the language it was typed in.
        self.in_draft(|d| d.commit_pending());
        self.lang = self.lang.other();
        let lang = self.lang;
        let msg = match self.in_draft(|d| d.switch_lang(lang)) {
            Some(()) => i18n::LANG_NOW,
            None => i18n::LANG_NOW_NO_DRAFT,
        };
        self.status = Some(msg.get(lang).into());
    }

    /// Ctrl-O: saves the open draft and goes to the drafts list with it highlighted, from anywhere,
    /// so the next caller's draft is one key (n) or two (↑↓ Enter) away.
    pub(super) fn back_to_drafts(&mut self) {
        if matches!(self.overlay, Some(Overlay::NewDraft(_))) {
            return;
        }
        self.overlay = None;
        let Some((id, label, saved)) = self.in_draft(|d| {
            d.commit_pending();
            (d.s.draft.id.clone(), d.s.draft.label.clone(), d.save())
        }) else {
            return;
        };
        self.screen = Screen::Start(StartScreen::default());
        self.refresh_list();
        self.select_draft(&id);
        if saved {
            self.status = Some(i18n::switched_out(self.lang, &label));
        }
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
pub(super) fn prefill(q: &Questionnaire, ev: &Evaluation, qi: usize) -> Option<String> {
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
