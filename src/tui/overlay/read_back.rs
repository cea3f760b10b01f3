//! The current screen's answers in full sentences, to read to a caller (F5, Ctrl-B): ↑↓ and
//! PgUp/PgDn scroll, any other key closes. Drawn by `view::support::render_read_back`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay, scroll};
use crate::tui::app::Session;
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Ctx, Theme, hint, lang_hint, words};
use crate::tui::widgets::FieldKey as K;

pub fn handle(d: &mut DraftScreen, action: Action) -> Outcome {
    match action {
        Action::Quit => d.quit(),
        Action::Key(K::Up) => scroll(d.scroll, -1),
        Action::Key(K::Down) => scroll(d.scroll, 1),
        Action::PrevScreen => scroll(d.scroll, -10),
        Action::NextScreen => scroll(d.scroll, 10),
        _ => return Outcome::Close,
    }
    Outcome::Keep(Overlay::ReadBack)
}

pub fn takes_text() -> bool {
    false
}

pub fn footer(_s: &Session) -> Footer {
    Footer::Fit(vec![hint(crate::tui::keymap::SCROLL, i18n::W_SCROLL), words(i18n::F_ANY_KEY), lang_hint()])
}

pub fn draw(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    crate::tui::view::support::render_read_back(c, s, area, buf, t);
    None
}
