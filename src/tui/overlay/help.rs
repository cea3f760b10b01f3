//! Help: the focused question's help text and guide source, then the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay, scroll};
use crate::tui::app::App;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Theme, hint, lang_hint, popup_scroll, words};
use crate::tui::widgets::FieldKey as K;

/// ↑↓ and PgUp/PgDn scroll, `a` opens About, any other key closes.
pub fn handle(app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Key(K::Char('a')) | Action::About => return Outcome::Open(Overlay::About),
        Action::Key(K::Up) => scroll(app, -1),
        Action::Key(K::Down) => scroll(app, 1),
        Action::PrevScreen => scroll(app, -10),
        Action::NextScreen => scroll(app, 10),
        Action::Quit => app.quit(),
        _ => return Outcome::Close,
    }
    Outcome::Keep(Overlay::Help)
}

pub fn takes_text() -> bool {
    false
}

pub fn footer(_app: &App) -> Footer {
    use crate::tui::keymap::{A, SCROLL};
    Footer::Fit(vec![
        hint(SCROLL, i18n::W_SCROLL),
        hint(A, i18n::W_ABOUT),
        words(i18n::F_ANY_OTHER),
        lang_hint(),
    ])
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    render(app, area, buf, t);
    None
}

/// Also drawn alone when the terminal is too small for anything else.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, t: Theme) {
    let q = app.q;
    let lang = app.lang;
    let mut lines: Vec<Line> = vec![];
    if let Some(s) = &app.session
        && let Some(qi) = s.focus
    {
        let question = &q.questions[qi];
        lines.push(Line::styled(format!("{}  {}", question.number, s.ev.prompt(q, qi, lang)), t.title()));
        lines.push(Line::raw(question.help.get(lang).to_string()));
        lines.push(Line::styled(
            i18n::guide_source(lang, &question.source, &question.id, app.show_codes),
            t.dim(),
        ));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(i18n::HELP_KEYS.get(lang), t.title()));
    // On the drafts list, its own keys first.
    let list_keys: &[(crate::tui::keymap::Key, i18n::Msg)] =
        if app.session.is_none() { i18n::LIST_HELP_KEYS } else { &[] };
    for (k, what) in list_keys.iter().chain(i18n::KEYS) {
        lines.push(Line::raw(format!("{:<17} {}", k.name(lang), what.get(lang))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(i18n::HELP_ABOUT.get(lang), t.dim()));
    popup_scroll(i18n::T_HELP.get(lang), lines, 90, app.scroll, area, buf, t);
}
