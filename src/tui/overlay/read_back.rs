//! The current screen's answers in full sentences, to read to a caller (F5, Ctrl-B): ↑↓ and
//! PgUp/PgDn scroll, any other key closes. Drawn by `view::support::render_read_back`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay, scroll};
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Theme, hint, lang_hint, words};
use crate::tui::widgets::FieldKey as K;

pub fn handle(app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Quit => app.quit(),
        Action::Key(K::Up) => scroll(app, -1),
        Action::Key(K::Down) => scroll(app, 1),
        Action::PrevScreen => scroll(app, -10),
        Action::NextScreen => scroll(app, 10),
        _ => return Outcome::Close,
    }
    Outcome::Keep(Overlay::ReadBack)
}

pub fn takes_text() -> bool {
    false
}

pub fn footer(_app: &App) -> Footer {
    Footer::Fit(vec![hint(crate::tui::keymap::SCROLL, i18n::W_SCROLL), words(i18n::F_ANY_KEY), lang_hint()])
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    crate::tui::view::support::render_read_back(app, area, buf, t);
    None
}
