//! Agent notes, the draft's history and internal codes in the TUI (issue 13): Alt-N writes the note
//! on the focused question, Alt-H shows the history, F12 turns the codes on or off. The windows are
//! drawn by `view::notes`.

use super::app::{App, Overlay, Pane};
use super::draft_screen::DraftScreen;
use super::i18n;
use super::widgets::TextInput;

impl App<'_> {
    /// F12: codes on or off, anywhere.
    pub(crate) fn toggle_codes(&mut self) {
        self.show_codes = !self.show_codes;
        let msg = if self.show_codes { i18n::CODES_ON } else { i18n::CODES_OFF };
        self.status = Some(msg.get(self.lang).into());
    }
}

impl DraftScreen<'_, '_> {
    /// Alt-N on a question: the note window, with the note there is (to change it).
    pub(crate) fn open_note(&mut self) {
        let s = &*self.s;
        let Some(qi) = s.focus.filter(|_| s.pane == Pane::Questions) else {
            *self.status = Some(i18n::NOTE_NEEDS_QUESTION.get(self.lang).into());
            return;
        };
        if let Some(why) = self.store.read_only() {
            *self.status = Some(format!("{} {}", i18n::NOTE_NOT_SAVED.get(self.lang), why.get(self.lang)));
            return;
        }
        let now = s.draft.notes.get(&self.q.questions[qi].id).cloned().unwrap_or_default();
        *self.overlay = Some(Overlay::Note(qi, TextInput::new(now)));
    }

    /// Alt-H: the history, as saved so far.
    pub(crate) fn open_history(&mut self) {
        self.commit_pending();
        if let Some(h) = self.store.history() {
            self.s.draft.history = h;
        }
        *self.overlay = Some(Overlay::History);
    }
}
