//! "Why is this on my list?" for a checklist item (F6, or Enter on the checklist): ↑↓ walk the
//! list's items, PgUp/PgDn scroll, any other key closes (back to the questions when F6 was pressed
//! there). Drawn by `view::checklist::render_why`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay, scroll};
use crate::tui::app::{App, Pane};
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Theme, hint, lang_hint, words};
use crate::tui::widgets::FieldKey as K;

pub fn handle(item: usize, app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Quit => app.quit(),
        Action::Key(K::Up) => return step(item, app, -1),
        Action::Key(K::Down) | Action::Why => return step(item, app, 1),
        Action::PrevScreen => scroll(app, -5),
        Action::NextScreen => scroll(app, 5),
        _ => {
            if let Some(s) = &mut app.session
                && std::mem::take(&mut s.why_from_questions)
            {
                s.pane = Pane::Questions;
            }
            return Outcome::Close;
        }
    }
    Outcome::Keep(Overlay::Why(item))
}

/// ↑↓: the previous or next item's why.
fn step(item: usize, app: &mut App, delta: i32) -> Outcome {
    let n = app.checklist_len();
    let q = app.q;
    let Some(s) = &mut app.session else { return Outcome::Keep(Overlay::Why(item)) };
    if n == 0 {
        return Outcome::Close;
    }
    s.checklist_sel = (s.checklist_sel as i32 + delta).clamp(0, n as i32 - 1) as usize;
    let next = s.list(q)[s.checklist_sel].item;
    if next == item { Outcome::Keep(Overlay::Why(item)) } else { Outcome::Changed(Overlay::Why(next)) }
}

pub fn takes_text(_item: &usize) -> bool {
    false
}

pub fn footer(_item: &usize, _app: &App) -> Footer {
    use crate::tui::keymap::{PG_UP_DN, UP_DOWN};
    Footer::Fit(vec![
        hint(UP_DOWN, i18n::W_OTHER_ITEM),
        hint(PG_UP_DN, i18n::W_SCROLL),
        words(i18n::F_ANY_KEY),
        lang_hint(),
    ])
}

pub fn draw(item: &usize, app: &App, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    crate::tui::view::checklist::render_why(app, *item, area, buf, t);
    None
}
