//! Search over every question, asked now or not (`/`, Ctrl-F): the words typed, the highlighted
//! match. ↑↓ choose, Enter goes to a question asked now (one not asked is said), Esc clears the
//! words first, then closes. Drawn by `view::support::render_search`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::{Session, search_visible};
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Ctx, Theme, hint, lang_hint, words};
use crate::tui::widgets::{FieldKey as K, TextInput};

pub fn handle(mut input: TextInput, sel: usize, d: &mut DraftScreen, action: Action) -> Outcome {
    let n = d.s.search_results(d.q, &input.value).len();
    let mut sel = sel;
    match action {
        // Esc clears the words first, then closes.
        Action::Back if !input.value.is_empty() => {
            input.clear();
            sel = 0;
        }
        Action::Back => return Outcome::Close,
        Action::Quit => d.quit(),
        Action::Key(K::Up) | Action::FocusPrev => sel = sel.saturating_sub(1),
        Action::Key(K::Down) | Action::FocusNext => sel = (sel + 1).min(n.saturating_sub(1)),
        Action::PrevScreen => sel = sel.saturating_sub(10),
        Action::NextScreen => sel = (sel + 10).min(n.saturating_sub(1)),
        Action::Key(K::Enter) => {
            let results = d.s.search_results(d.q, &input.value);
            if let Some(&qi) = results.get(sel) {
                if search_visible(d.q, &d.s.ev, qi) {
                    d.goto_question(qi);
                    return Outcome::Close;
                }
                *d.status = Some(i18n::not_asked_status(d.lang, &d.q.questions[qi].number));
            }
        }
        Action::Key(k) => {
            input.edit(&k);
            sel = 0;
        }
        _ => {}
    }
    Outcome::Keep(Overlay::Search(input, sel))
}

pub fn takes_text(_input: &TextInput, _sel: &usize) -> bool {
    true
}

pub fn footer(_input: &TextInput, _sel: &usize, _s: &Session) -> Footer {
    use crate::tui::keymap::{ENTER, ESC, UP_DOWN};
    Footer::Fit(vec![
        words(i18n::W_TYPE_TO_FILTER),
        hint(UP_DOWN, i18n::W_CHOOSE),
        hint(ENTER, i18n::W_GO),
        hint(ESC, i18n::W_CLOSE),
        lang_hint(),
    ])
}

pub fn draw(
    input: &TextInput,
    sel: &usize,
    c: Ctx,
    s: &Session,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    crate::tui::view::support::render_search(c, s, input, *sel, area, buf, t)
}
