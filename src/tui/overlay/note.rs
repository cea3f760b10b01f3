//! The agent note on the focused question (Alt-N): one line, 200 characters at most. Enter saves
//! it (empty: removes it), Esc cancels. Drawn by `view::notes::render_note`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::Session;
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{ENTER, ESC};
use crate::tui::view::{Ctx, Hint, Theme, hint};

/// The footer, also shown inside the window.
pub const KEYS: &[Hint] = &[hint(ENTER, i18n::W_SAVE_NOTE), hint(ESC, i18n::W_CANCEL)];
use crate::tui::widgets::{FieldKey as K, TextInput};

pub fn handle(qi: usize, mut input: TextInput, d: &mut DraftScreen, action: Action) -> Outcome {
    match action {
        Action::Key(K::Enter) => {
            let id = d.q.questions[qi].id.clone();
            let number = d.q.questions[qi].number.clone();
            let text = input.value.trim().to_string();
            let note = if text.is_empty() {
                None
            } else {
                match crate::drafts::history::check_note(&text) {
                    Ok(n) => Some(n),
                    Err(why) => {
                        *d.status = Some(format!("✗ {}", why.get(d.lang)));
                        return Outcome::Keep(Overlay::Note(qi, input));
                    }
                }
            };
            let s = &mut *d.s;
            let before = s.draft.notes.clone();
            match &note {
                Some(n) => {
                    if !s.draft.notes.contains_key(&id)
                        && s.draft.notes.len() >= crate::drafts::history::MAX_NOTES
                    {
                        *d.status = Some(format!("✗ {}", i18n::NOTES_FULL.get(d.lang)));
                        return Outcome::Keep(Overlay::Note(qi, input));
                    }
                    s.draft.notes.insert(id, n.clone());
                }
                None => {
                    s.draft.notes.remove(&id);
                }
            }
            if s.draft.notes == before {
                return Outcome::Close;
            }
            if d.save() {
                let msg = if note.is_some() {
                    i18n::note_saved(d.lang, &number)
                } else {
                    i18n::note_removed(d.lang, &number)
                };
                *d.status = Some(msg);
            } else {
                // The save said why; the note is not shown as kept.
                d.s.draft.notes = before;
            }
            Outcome::Close
        }
        Action::Back => Outcome::Close,
        Action::Quit => {
            d.quit();
            Outcome::Close
        }
        Action::Key(k) => {
            input.edit(&k);
            Outcome::Keep(Overlay::Note(qi, input))
        }
        _ => Outcome::Keep(Overlay::Note(qi, input)),
    }
}

pub fn takes_text(_qi: &usize, _input: &TextInput) -> bool {
    true
}

pub fn footer(_qi: &usize, _input: &TextInput, _s: &Session) -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(
    qi: &usize,
    input: &TextInput,
    c: Ctx,
    s: &Session,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    crate::tui::view::notes::render_note(c, s, *qi, input, area, buf, t)
}
