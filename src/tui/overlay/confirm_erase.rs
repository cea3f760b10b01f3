//! "Erase the expired drafts?" on the drafts list (e, shown only when drafts passed day 60 all at
//! once and were held, issue 12): the drafts, this computer's date, and y (o in French) erases
//! them; any other key keeps them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome};
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::{Action, YES};
use crate::tui::view::{Ctx, Hint, StartView, Theme, hint, join_hints, popup, words};
use crate::tui::widgets::FieldKey as K;
use crate::words::Explain;

/// y (o) erases, any other key keeps the drafts.
pub const KEYS: &[Hint] = &[hint(YES, i18n::W_ERASE), words(i18n::W_KEEPS_THEM)];

pub fn handle(app: &mut App, action: Action) -> Outcome {
    if matches!(action, Action::Key(K::Char('y' | 'Y' | 'o' | 'O'))) {
        app.status = Some(match app.store.erase_held() {
            Ok(done) => i18n::erased_held(app.lang, &done),
            Err(e) => i18n::not_erased(app.lang, &e.words(app.lang)),
        });
        app.held = app.store.held();
        app.refresh_list();
    } else {
        app.status = Some(i18n::NOTHING_ERASED.get(app.lang).into());
    }
    Outcome::Close
}

pub fn takes_text() -> bool {
    false
}

pub fn footer() -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(c: Ctx, v: StartView, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let l = c.lang;
    let mut lines = vec![Line::raw(i18n::erase_question(l, c.today, v.held.len()))];
    lines.extend(
        v.held.iter().map(|h| Line::raw(format!("  {}", i18n::held_draft(l, &h.label, h.created_on)))),
    );
    lines.push(Line::raw(i18n::ERASE_CANNOT_UNDO.get(l)));
    lines.push(Line::raw(""));
    lines.push(Line::raw(join_hints(
        l,
        &[hint(YES, i18n::W_ERASE_THEM), words(i18n::W_KEEP_THEM_WINDOW)],
        "  ",
        "      ",
    )));
    popup(i18n::T_ERASE.get(l), lines, 70, area, buf, t);
    None
}
