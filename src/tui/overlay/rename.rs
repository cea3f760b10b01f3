//! A new name for a listed draft (r on the drafts list): Enter renames it (the store refuses an
//! empty name: said, and the dialog stays), Esc keeps the old name. Drawn by
//! `view::start::render_rename`.

use crate::words::Explain;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{ENTER, ESC};
use crate::tui::view::{Ctx, Hint, StartView, Theme, hint, words};

/// The footer, also shown inside the window.
pub const KEYS: &[Hint] =
    &[words(i18n::W_TYPE_NAME), hint(ENTER, i18n::W_RENAME), hint(ESC, i18n::W_KEEP_OLD_NAME)];
use crate::tui::widgets::{FieldKey as K, TextInput};

pub fn handle(id: String, mut input: TextInput, app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Key(K::Enter) => {
            let old = app.drafts.iter().find(|d| d.id == id).map(|d| d.label.clone()).unwrap_or_default();
            match app.store.rename(&id, &input.value) {
                Ok(()) => {
                    app.refresh_list();
                    // The highlight follows the draft wherever the list puts it now.
                    app.select_draft(&id);
                    let new =
                        app.drafts.iter().find(|d| d.id == id).map(|d| d.label.clone()).unwrap_or_default();
                    app.status = Some(i18n::renamed(
                        app.lang,
                        &crate::safe_text::inline(&old),
                        &crate::safe_text::inline(&new),
                    ));
                    Outcome::Close
                }
                Err(e) => {
                    app.status = Some(i18n::not_renamed(app.lang, &e.words(app.lang)));
                    Outcome::Changed(Overlay::Rename(id, input))
                }
            }
        }
        Action::Back => {
            app.status = Some(i18n::NOTHING_RENAMED.get(app.lang).into());
            Outcome::Close
        }
        Action::Quit => {
            app.quit = true;
            Outcome::Close
        }
        Action::Key(k) => {
            input.edit(&k);
            Outcome::Changed(Overlay::Rename(id, input))
        }
        _ => Outcome::Changed(Overlay::Rename(id, input)),
    }
}

pub fn takes_text(_id: &str, _input: &TextInput) -> bool {
    true
}

pub fn footer(_id: &str, _input: &TextInput) -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(
    _id: &str,
    input: &TextInput,
    c: Ctx,
    _v: StartView,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    crate::tui::view::start::render_rename(c, input, area, buf, t)
}
