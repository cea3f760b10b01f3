//! Agent notes, the draft's history and internal codes in the TUI (issue 13): Alt-N writes the note
//! on the focused question, Alt-H shows the history, F12 turns the codes on or off. The windows are
//! drawn by `view::notes`.

use super::app::{App, Overlay, Pane};
use super::i18n;
use super::keymap::Action;
use super::widgets::{FieldKey, TextInput};

impl App<'_> {
    /// F12: codes on or off, anywhere.
    pub(crate) fn toggle_codes(&mut self) {
        self.show_codes = !self.show_codes;
        let msg = if self.show_codes { i18n::CODES_ON } else { i18n::CODES_OFF };
        self.status = Some(msg.get(self.lang).into());
    }

    /// Alt-N on a question: the note window, with the note there is (to change it).
    pub(crate) fn open_note(&mut self) {
        let Some(s) = &self.session else { return };
        let Some(qi) = s.focus.filter(|_| s.pane == Pane::Questions) else {
            self.status = Some(i18n::NOTE_NEEDS_QUESTION.get(self.lang).into());
            return;
        };
        if let Some(why) = self.store.read_only() {
            self.status = Some(format!("{} {}", i18n::NOTE_NOT_SAVED.get(self.lang), why.get(self.lang)));
            return;
        }
        let now = s.draft.notes.get(&self.q.questions[qi].id).cloned().unwrap_or_default();
        self.overlay = Some(Overlay::Note(qi, TextInput::new(now)));
    }

    pub(crate) fn update_note(&mut self, qi: usize, mut input: TextInput, action: Action) {
        match action {
            Action::Key(FieldKey::Enter) => {
                let id = self.q.questions[qi].id.clone();
                let number = self.q.questions[qi].number.clone();
                let text = input.value.trim().to_string();
                let note = if text.is_empty() {
                    None
                } else {
                    match crate::drafts::history::check_note(&text) {
                        Ok(n) => Some(n),
                        Err(why) => {
                            self.status = Some(format!("✗ {}", why.get(self.lang)));
                            self.overlay = Some(Overlay::Note(qi, input));
                            return;
                        }
                    }
                };
                let Some(s) = &mut self.session else { return };
                let before = s.draft.notes.clone();
                match &note {
                    Some(n) => {
                        if !s.draft.notes.contains_key(&id)
                            && s.draft.notes.len() >= crate::drafts::history::MAX_NOTES
                        {
                            self.status = Some(format!("✗ {}", i18n::NOTES_FULL.get(self.lang)));
                            self.overlay = Some(Overlay::Note(qi, input));
                            return;
                        }
                        s.draft.notes.insert(id, n.clone());
                    }
                    None => {
                        s.draft.notes.remove(&id);
                    }
                }
                if s.draft.notes == before {
                    self.overlay = None;
                    return;
                }
                self.overlay = None;
                if self.save() {
                    let msg = if note.is_some() {
                        i18n::note_saved(self.lang, &number)
                    } else {
                        i18n::note_removed(self.lang, &number)
                    };
                    self.status = Some(msg);
                } else if let Some(s) = &mut self.session {
                    // The save said why; the note is not shown as kept.
                    s.draft.notes = before;
                }
            }
            Action::Back => self.overlay = None,
            Action::Quit => {
                self.overlay = None;
                self.update(Action::Quit);
            }
            Action::Key(k) => {
                input.edit(&k);
                self.overlay = Some(Overlay::Note(qi, input));
            }
            _ => self.overlay = Some(Overlay::Note(qi, input)),
        }
    }

    /// Alt-H: the history, as saved so far.
    pub(crate) fn open_history(&mut self) {
        self.commit_pending();
        if let Some(h) = self.store.history()
            && let Some(s) = &mut self.session
        {
            s.draft.history = h;
        }
        self.overlay = Some(Overlay::History);
    }

    pub(crate) fn update_history(&mut self, action: Action) {
        match action {
            Action::Key(FieldKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            Action::Key(FieldKey::Down) => self.scroll = self.scroll.saturating_add(1),
            Action::PrevScreen => self.scroll = self.scroll.saturating_sub(10),
            Action::NextScreen => self.scroll = self.scroll.saturating_add(10),
            Action::Quit => {
                self.overlay = None;
                self.update(Action::Quit);
            }
            _ => self.overlay = None,
        }
    }
}
