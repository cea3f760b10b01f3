//! "Delete this draft?" on the drafts list (d, Delete): y (o in French) deletes, any other key
//! keeps it.

use crate::words::Explain;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome};
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::YES;
use crate::tui::view::{Ctx, Hint, StartView, Theme, hint, join_hints, popup, words};

/// y (o) deletes, any other key keeps the draft.
pub const KEYS: &[Hint] = &[hint(YES, i18n::W_DELETE), words(i18n::W_KEEPS_IT)];
use crate::tui::widgets::FieldKey as K;

pub fn handle(id: String, label: String, app: &mut App, action: Action) -> Outcome {
    if matches!(action, Action::Key(K::Char('y' | 'Y' | 'o' | 'O'))) {
        match app.store.delete(&id) {
            Ok(()) => app.status = Some(i18n::deleted(app.lang, &label)),
            Err(e) => app.status = Some(i18n::not_deleted(app.lang, &label, &e.words(app.lang))),
        }
        app.refresh_list();
    } else {
        app.status = Some(i18n::NOTHING_DELETED.get(app.lang).into());
    }
    Outcome::Close
}

pub fn takes_text(_id: &str, _label: &str) -> bool {
    false
}

pub fn footer(_id: &str, _label: &str) -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(
    _id: &str,
    label: &str,
    c: Ctx,
    _v: StartView,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    let l = c.lang;
    let lines = vec![
        Line::raw(i18n::delete_question(l, label)),
        Line::raw(i18n::DELETE_CANNOT_UNDO.get(l)),
        Line::raw(""),
        Line::raw(join_hints(l, &[hint(YES, i18n::W_DELETE), words(i18n::W_KEEP_IT_WINDOW)], "  ", "      ")),
    ];
    popup(i18n::T_DELETE.get(l), lines, 56, area, buf, t);
    None
}
