//! The draft screen's handlers: the keys on an open draft's questions, checklist and review, and
//! what they do to it (answers given, screens changed, the draft saved). [`DraftScreen`] borrows
//! the open draft (`app::Session`) and, beside it, only the parts of the `App` a draft handler
//! changes; the `App` builds it at its one dispatch point (`App::in_draft`), so no handler here can
//! run without a draft.

use chrono::NaiveDate;

use super::app::{NextView, Overlay, Pane, ReviewRow, Session, StopView, editable, prefill, refusal_words};
use super::i18n;
use super::keymap::Action;
use super::store::Store;
use super::widgets::{Field, FieldEvent, FieldKey, TextInput};
use crate::engine::Explain;
use crate::engine::{AnswerValue, Lang, QType, Questionnaire, ScreenKind};

/// An open draft and the parts of the `App` its handlers use (borrowed for one key).
pub struct DraftScreen<'x, 'a> {
    /// The open draft.
    pub s: &'x mut Session,
    pub q: &'a Questionnaire,
    pub lang: Lang,
    pub today: NaiveDate,
    pub show_codes: bool,
    pub store: &'x mut (dyn Store + 'a),
    pub overlay: &'x mut Option<Overlay>,
    pub status: &'x mut Option<String>,
    pub scroll: &'x mut u16,
    pub jump_typed: &'x mut String,
    pub quit: &'x mut bool,
    pub not_saved_on_quit: &'x mut Option<String>,
    /// Set by a handler that leaves the draft for the drafts list (Esc at the top level): the
    /// `App` does it once the key is handled, as it alone changes the screen.
    pub leave: bool,
}

impl<'a> DraftScreen<'_, 'a> {
    /// What the views read besides the draft (the "not yet" entries the review's Enter follows).
    pub fn ctx(&self) -> crate::tui::view::Ctx<'a> {
        crate::tui::view::Ctx {
            q: self.q,
            lang: self.lang,
            show_codes: self.show_codes,
            scroll: *self.scroll,
            today: self.today,
        }
    }

    /// Quits from the draft: the pending edit kept, the draft saved (a failed save is said after
    /// the screens close, with exit status 1).
    pub fn quit(&mut self) {
        self.commit_pending();
        if !self.save() && self.store.read_only().is_none() {
            // Said after the screen is restored, and the exit status is 1 (never "saved").
            *self.not_saved_on_quit = self.status.clone();
        }
        *self.quit = true;
    }

    /// Just opened: on `screen`, and back on the question the person was on (its id), when it is
    /// still asked on that screen.
    pub fn resume(&mut self, screen: usize, question: Option<&str>) {
        let q = self.q;
        self.goto_screen(screen);
        let s = &mut *self.s;
        if let Some(qi) = question.and_then(|id| q.question_index(id))
            && q.questions[qi].screen == s.screen
            && editable(q, &s.ev, qi)
            && s.pane == Pane::Questions
        {
            s.focus = Some(qi);
            self.rebuild_field();
        }
    }

    /// F3 (the App has switched to `lang`): the draft keeps the language, saved at once.
    pub fn switch_lang(&mut self, lang: Lang) {
        let q = self.q;
        self.lang = lang;
        let s = &mut *self.s;
        s.draft.language = Some(lang);
        s.lang = lang;
        s.core.refresh_truth(q);
        s.saved = false;
        // Notices already written in the old language would now read oddly.
        s.aside_notice = None;
        self.rebuild_field();
        self.save();
    }

    /// Goes to a screen, focusing its first visible question.
    pub fn goto_screen(&mut self, screen: usize) {
        let q = self.q;
        let s = &mut *self.s;
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
        self.s.core.check_files(self.q);
    }

    /// Recomputes what is really done (`rd`) from the answers and the files as last read.
    pub fn refresh_truth(&mut self) {
        self.s.core.refresh_truth(self.q);
    }

    /// Goes to a question's screen and focuses it.
    pub fn goto_question(&mut self, qi: usize) {
        let screen = self.q.questions[qi].screen;
        self.goto_screen(screen);
        self.s.focus = Some(qi);
        self.s.pane = Pane::Questions;
        self.rebuild_field();
    }

    fn rebuild_field(&mut self) {
        let (q, lang) = (self.q, self.lang);
        let s = &mut *self.s;
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

    /// A key on the draft (no window open; the keys that work everywhere were handled).
    pub fn update(&mut self, action: Action) {
        let q = self.q;
        let pane = self.s.pane;
        match action {
            Action::Save => {
                self.commit_pending();
                if self.save() {
                    *self.status = Some(i18n::SAVED.get(self.lang).into());
                }
            }
            Action::NextScreen => self.next_screen(),
            Action::PrevScreen => {
                self.commit_pending();
                let s = &*self.s;
                match s.ev.prev_screen(s.screen) {
                    Some(p) => self.goto_screen(p),
                    None => *self.status = Some(i18n::FIRST_SCREEN.get(self.lang).into()),
                }
            }
            Action::JumpList => {
                self.commit_pending();
                let s = &*self.s;
                let sel = s.jump_screens(q).iter().position(|&x| x == s.screen).unwrap_or(0);
                self.jump_typed.clear();
                *self.overlay = Some(Overlay::Jump(sel));
            }
            Action::Review => {
                self.commit_pending();
                if let Some(r) = q.screens.iter().position(|s| s.kind == ScreenKind::Review) {
                    self.goto_screen(r);
                }
            }
            Action::Checklist => {
                self.commit_pending();
                let s = &mut *self.s;
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
                *self.overlay = Some(Overlay::ReadBack);
            }
            Action::Search => {
                self.commit_pending();
                *self.overlay = Some(Overlay::Search(TextInput::default(), 0));
            }
            Action::FocusNext => self.move_focus(1),
            Action::FocusPrev => self.move_focus(-1),
            Action::Na | Action::Unknown => self.na_unknown(action == Action::Na),
            Action::Attach => self.open_attach(),
            Action::Note => self.open_note(),
            Action::History => self.open_history(),
            Action::Key(k) => match pane {
                Pane::Checklist => self.checklist_key(k),
                Pane::Review => self.review_key(k),
                Pane::Questions => self.field_key(k),
            },
            // Handled by the App before the screen has the key.
            Action::Help
            | Action::About
            | Action::Quit
            | Action::SwitchLang
            | Action::Drafts
            | Action::Codes => {}
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
        let s = &mut *self.s;
        let review = q.screens[s.screen].kind == ScreenKind::Review;
        match s.pane {
            Pane::Checklist => {
                s.pane = if review { Pane::Review } else { Pane::Questions };
                return;
            }
            Pane::Questions if s.field.cancel_edit() => {
                *self.status = Some(i18n::EDIT_CANCELLED.get(lang).into());
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
                    None => self.leave = true,
                }
                return;
            }
            Pane::Review | Pane::Questions => {}
        }
        // The top level: back to the drafts list; the draft is saved, nothing is lost.
        self.leave = true;
    }

    fn checklist_key(&mut self, k: FieldKey) {
        let s = &mut *self.s;
        let n = s.list(self.q).len();
        match k {
            FieldKey::Up => s.checklist_sel = s.checklist_sel.saturating_sub(1),
            FieldKey::Down => s.checklist_sel = (s.checklist_sel + 1).min(n.saturating_sub(1)),
            FieldKey::Enter | FieldKey::Char('w' | 'W' | ' ') => {
                if let Some(r) = s.list(self.q).get(s.checklist_sel) {
                    *self.overlay = Some(Overlay::Why(r.item));
                }
            }
            _ => {}
        }
    }

    fn review_key(&mut self, k: FieldKey) {
        let entries = self.s.review_entries(self.q);
        let not_yet = super::view::review::not_yet_len(self.s);
        let s = &mut *self.s;
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
                    let goal = super::view::review::not_yet(self.ctx(), self.s).get(k).map(|(_, g)| *g);
                    let s = &*self.s;
                    let target = match goal {
                        Some(super::view::review::Goal::Question(qi)) => Some(qi),
                        Some(super::view::review::Goal::Rule(r)) => {
                            crate::session::fires::cause(self.q, &s.draft.answers, &s.ev, r)
                        }
                        _ => None,
                    };
                    match target {
                        Some(qi) => self.change_from_review(qi),
                        None => *self.status = Some(i18n::REVIEW_GO_ON.get(self.lang).into()),
                    }
                }
                _ => *self.status = Some(i18n::REVIEW_GO_ON.get(self.lang).into()),
            },
            _ => {}
        }
    }

    /// Goes to a question from the review; the next PgDn (or Enter on its last question) comes back.
    fn change_from_review(&mut self, qi: usize) {
        self.s.return_to_review = true;
        self.goto_question(qi);
        *self.status = Some(i18n::REVIEW_CHANGE.get(self.lang).into());
    }

    fn field_key(&mut self, k: FieldKey) {
        let s = &mut *self.s;
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
                *self.status = None;
                self.give_answer(qi, v);
            }
            FieldEvent::CommitNext(v) => {
                *self.status = None;
                // Refused (a file that fails its check), or a stop or caution shown: stay here.
                // An answer that needs fixing keeps the focus too, so it can be fixed at once.
                if self.give_answer(qi, v) && self.overlay.is_none() && !self.stay_on_error(qi) {
                    self.advance(qi);
                }
            }
            FieldEvent::Next => {
                // Enter on a path nobody checked yet (imported with the answers): checked now.
                let q = self.q;
                let stored = self.s.draft.answers.get(&q.questions[qi].id).cloned();
                let given = match stored {
                    Some(v) if crate::session::files::file_item(q, qi).is_some() && !self.s.paper_mode => {
                        self.give_answer(qi, Some(v))
                    }
                    _ => true,
                };
                if given && self.overlay.is_none() {
                    self.advance(qi);
                }
            }
            FieldEvent::NeedChoice => *self.status = Some(i18n::CHOOSE_EXPLICITLY.get(self.lang).into()),
            FieldEvent::Ignored => match k {
                FieldKey::Up => self.move_focus(-1),
                FieldKey::Down => self.move_focus(1),
                FieldKey::Char(c) if !matches!(s.field, Field::None) => {
                    *self.status = Some(i18n::not_a_choice(self.lang, c))
                }
                _ => {}
            },
        }
    }

    /// Whether question `qi`'s answer needs fixing (an error): then the focus stays on it and the
    /// status line says so.
    fn stay_on_error(&mut self, qi: usize) -> bool {
        let s = &*self.s;
        if !s.ev.has_error(qi) || s.focus != Some(qi) {
            return false;
        }
        if self.status.is_none() {
            *self.status = Some(i18n::fix_this_answer(self.lang, &self.q.questions[qi].number));
        }
        true
    }

    /// After Enter on a question: the next question, or the next screen from the last one.
    fn advance(&mut self, from: usize) {
        let s = &*self.s;
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
            && let Some(qi) = self.s.focus
            && self.stay_on_error(qi)
        {
            return;
        }
        let s = &mut *self.s;
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
        let s = &*self.s;
        let Some(qi) = s.focus else { return };
        let question = &q.questions[qi];
        let (allowed, token) = if na { (question.na, "NA") } else { (question.unknown, "UNKNOWN") };
        let option = question.options.iter().any(|o| o.id == token.to_lowercase());
        if !allowed && !option {
            *self.status = Some(i18n::not_accepted(self.lang, na, &question.number));
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
        let s = &*self.s;
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
        let s = &mut *self.s;
        match s.core.answer(q, qi, v) {
            Ok(c) => {
                self.after_change(c);
                true
            }
            Err(r) => {
                // The field keeps what was typed, so it can be corrected.
                *self.status = Some(refusal_words(&r, self.lang));
                false
            }
        }
    }

    /// Stores a file given in the F7 dialog (answers and attachment record) for file question
    /// `qi`: saved, what was recorded said, and the stop or caution it set off shown.
    pub fn apply_given(&mut self, g: crate::session::files::Given, qi: usize) {
        let q = self.q;
        let s = &mut *self.s;
        let c = s.core.apply_given(q, g, qi);
        self.after_change(c);
    }

    /// Stores (or clears) one answer without the file check, re-evaluates, notes what changed,
    /// autosaves.
    pub fn set_answer(&mut self, qi: usize, v: Option<AnswerValue>) {
        let q = self.q;
        let s = &mut *self.s;
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
        let s = &mut *self.s;
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
            *self.status = Some(match (saved, failed) {
                (false, Some(f)) => format!("{f} — {notice}"),
                _ => notice,
            });
        }
        if let Some(f) = c.fired {
            *self.overlay = Some(Overlay::Stop(StopView {
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
        self.s.core.enter_paper_mode(self.q);
    }

    /// "I understand" on cautions, kept in the draft.
    pub fn acknowledge(&mut self, rules: &[usize]) {
        self.s.core.acknowledge(self.q, rules);
    }

    /// Writes the draft (where the person is, so reopening returns to that question); false (with
    /// a status message) when the store refused.
    pub fn save(&mut self) -> bool {
        let q = self.q;
        let s = &mut *self.s;
        s.core.draft.question = s.focus.map(|qi| q.questions[qi].id.clone());
        match s.core.save(q, &mut *self.store) {
            Ok(()) => true,
            Err(e) => {
                *self.status = Some(i18n::not_saved(self.lang, &e.words(self.lang)));
                false
            }
        }
    }

    fn next_screen(&mut self) {
        self.commit_pending();
        let q = self.q;
        let errors = self.s.screen_errors(self.q);
        if !errors.is_empty() {
            let nums: Vec<&str> = errors.iter().map(|&qi| q.questions[qi].number.as_str()).collect();
            *self.status = Some(i18n::next_refused(self.lang, &nums.join(", ")));
            // Put the focus on the first error so it is in view.
            let status = self.status.take();
            self.goto_question(errors[0]);
            *self.status = status;
            return;
        }
        let s = &mut *self.s;
        let target = if s.return_to_review {
            s.return_to_review = false;
            q.screens.iter().position(|x| x.kind == ScreenKind::Review)
        } else {
            s.ev.next_screen(Some(s.screen))
        };
        let from = s.screen;
        if let Some(f) = s.on_leaving(q) {
            *self.overlay = Some(Overlay::Stop(StopView {
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
            *self.status = notice;
        }
    }

    /// Opens "what happens next".
    pub fn open_next(&mut self) {
        *self.overlay = Some(Overlay::Next(NextView {
            asking: None,
            input: TextInput::default(),
            suggested: false,
            result: vec![],
        }));
    }

    /// F6: "why is this on my list?" for the highlighted checklist item, in one key.
    fn why_first(&mut self) {
        self.commit_pending();
        let n = self.s.checklist_len(self.q);
        let s = &mut *self.s;
        if n == 0 {
            *self.status = Some(i18n::NO_CHECKLIST_YET.get(self.lang).into());
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
        *self.overlay = Some(Overlay::Why(item));
    }
}
