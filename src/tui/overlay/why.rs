//! "Why is this on my list?" for a checklist item (F6, or Enter on the checklist): ↑↓ walk the
//! list's items, PgUp/PgDn scroll, any other key closes (back to the questions when F6 was pressed
//! there). Drawn by `view::checklist::render_why`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay, scroll};
use crate::tui::app::{Pane, Session};
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Ctx, Theme, hint, lang_hint, words};
use crate::tui::widgets::FieldKey as K;

pub fn handle(item: usize, d: &mut DraftScreen, action: Action) -> Outcome {
    match action {
        Action::Quit => d.quit(),
        Action::Key(K::Up) => return step(item, d, -1),
        Action::Key(K::Down) | Action::Why => return step(item, d, 1),
        Action::PrevScreen => scroll(d.scroll, -5),
        Action::NextScreen => scroll(d.scroll, 5),
        _ => {
            if std::mem::take(&mut d.s.why_from_questions) {
                d.s.pane = Pane::Questions;
            }
            return Outcome::Close;
        }
    }
    Outcome::Keep(Overlay::Why(item))
}

/// ↑↓: the previous or next item's why.
fn step(item: usize, d: &mut DraftScreen, delta: i32) -> Outcome {
    let n = d.s.checklist_len(d.q);
    let q = d.q;
    let s = &mut *d.s;
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

pub fn footer(_item: &usize, _s: &Session) -> Footer {
    use crate::tui::keymap::{PG_UP_DN, UP_DOWN};
    Footer::Fit(vec![
        hint(UP_DOWN, i18n::W_OTHER_ITEM),
        hint(PG_UP_DN, i18n::W_SCROLL),
        words(i18n::F_ANY_KEY),
        lang_hint(),
    ])
}

pub fn draw(item: &usize, c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    crate::tui::view::checklist::render_why(c, s, *item, area, buf, t);
    None
}
