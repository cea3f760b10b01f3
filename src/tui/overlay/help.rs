//! Help: the focused question's help text and guide source, then the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay, scroll};
use crate::tui::app::{App, Session};
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Ctx, Theme, hint, lang_hint, popup_scroll, words};
use crate::tui::widgets::FieldKey as K;

/// ↑↓ and PgUp/PgDn scroll, `a` opens About, any other key closes.
pub fn handle(app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Key(K::Char('a')) | Action::About => return Outcome::Open(Overlay::About),
        Action::Key(K::Up) => scroll(&mut app.scroll, -1),
        Action::Key(K::Down) => scroll(&mut app.scroll, 1),
        Action::PrevScreen => scroll(&mut app.scroll, -10),
        Action::NextScreen => scroll(&mut app.scroll, 10),
        Action::Quit => app.quit(),
        _ => return Outcome::Close,
    }
    Outcome::Keep(Overlay::Help)
}

pub fn takes_text() -> bool {
    false
}

pub fn footer() -> Footer {
    use crate::tui::keymap::{A, SCROLL};
    Footer::Fit(vec![
        hint(SCROLL, i18n::W_SCROLL),
        hint(A, i18n::W_ABOUT),
        words(i18n::F_ANY_OTHER),
        lang_hint(),
    ])
}

pub fn draw(c: Ctx, draft: Option<&Session>, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    render(c, draft, area, buf, t);
    None
}

/// Over the drafts list or an open draft (`draft`: then the focused question's help first). Also
/// drawn alone when the terminal is too small for anything else.
pub fn render(c: Ctx, draft: Option<&Session>, area: Rect, buf: &mut Buffer, t: Theme) {
    let q = c.q;
    let lang = c.lang;
    let mut lines: Vec<Line> = vec![];
    if let Some(s) = draft
        && let Some(qi) = s.focus
    {
        let question = &q.questions[qi];
        lines.push(Line::styled(format!("{}  {}", question.number, s.ev.prompt(q, qi, lang)), t.title()));
        lines.push(Line::raw(question.help.get(lang).to_string()));
        lines.push(Line::styled(
            i18n::guide_source(lang, &question.source, &question.id, c.show_codes),
            t.dim(),
        ));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(i18n::HELP_KEYS.get(lang), t.title()));
    // On the drafts list, its own keys first.
    let list_keys: &[(crate::tui::keymap::Key, i18n::Msg)] =
        if draft.is_none() { i18n::LIST_HELP_KEYS } else { &[] };
    for (k, what) in list_keys.iter().chain(i18n::KEYS) {
        lines.push(Line::raw(format!("{:<17} {}", k.name(lang), what.get(lang))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(i18n::HELP_ABOUT.get(lang), t.dim()));
    popup_scroll(i18n::T_HELP.get(lang), lines, 90, c.scroll, area, buf, t);
}
