//! The agent note on the focused question (Alt-N): one line, 200 characters at most. Enter saves
//! it (empty: removes it), Esc cancels. Drawn by `view::notes::render_note`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{ENTER, ESC};
use crate::tui::view::{Hint, Theme, hint};

/// The footer, also shown inside the window.
pub const KEYS: &[Hint] = &[hint(ENTER, i18n::W_SAVE_NOTE), hint(ESC, i18n::W_CANCEL)];
use crate::tui::widgets::{FieldKey as K, TextInput};

pub fn handle(qi: usize, mut input: TextInput, app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Key(K::Enter) => {
            let id = app.q.questions[qi].id.clone();
            let number = app.q.questions[qi].number.clone();
            let text = input.value.trim().to_string();
            let note = if text.is_empty() {
                None
            } else {
                match crate::drafts::history::check_note(&text) {
                    Ok(n) => Some(n),
                    Err(why) => {
                        app.status = Some(format!("✗ {}", why.get(app.lang)));
                        return Outcome::Keep(Overlay::Note(qi, input));
                    }
                }
            };
            let Some(s) = &mut app.session else { return Outcome::Keep(Overlay::Note(qi, input)) };
            let before = s.draft.notes.clone();
            match &note {
                Some(n) => {
                    if !s.draft.notes.contains_key(&id)
                        && s.draft.notes.len() >= crate::drafts::history::MAX_NOTES
                    {
                        app.status = Some(format!("✗ {}", i18n::NOTES_FULL.get(app.lang)));
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
            if app.save() {
                let msg = if note.is_some() {
                    i18n::note_saved(app.lang, &number)
                } else {
                    i18n::note_removed(app.lang, &number)
                };
                app.status = Some(msg);
            } else if let Some(s) = &mut app.session {
                // The save said why; the note is not shown as kept.
                s.draft.notes = before;
            }
            Outcome::Close
        }
        Action::Back => Outcome::Close,
        Action::Quit => {
            app.update(Action::Quit);
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

pub fn footer(_qi: &usize, _input: &TextInput, _app: &App) -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(
    qi: &usize,
    input: &TextInput,
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    crate::tui::view::notes::render_note(app, *qi, input, area, buf, t)
}
