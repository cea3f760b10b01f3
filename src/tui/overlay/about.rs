//! About: what citcert is, the questionnaire version, and the law-currency note (SPEC §0.2).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::{App, Session};
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::view::{Ctx, Hint, Theme, popup, words};

/// Any key closes.
const KEYS: &[Hint] = &[words(i18n::F_ANY_KEY)];

pub fn handle(app: &mut App, action: Action) -> Outcome {
    match action {
        Action::Quit => {
            app.quit();
            Outcome::Keep(Overlay::About)
        }
        _ => Outcome::Close,
    }
}

pub fn takes_text() -> bool {
    false
}

pub fn footer() -> Footer {
    Footer::Line(KEYS)
}

pub fn draw(c: Ctx, _draft: Option<&Session>, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    render(c, area, buf, t);
    None
}

fn render(c: Ctx, area: Rect, buf: &mut Buffer, t: Theme) {
    let q = c.q;
    let lang = c.lang;
    let mut lines = vec![
        Line::styled(q.title.get(lang).to_string(), t.title()),
        Line::raw(format!("citcert {} · questionnaire {} {}", env!("CARGO_PKG_VERSION"), q.id, q.version)),
        Line::raw(i18n::ABOUT_NOTHING_SENT.get(lang)),
        Line::raw(""),
    ];
    if let Some(l) = q.text("law_currency") {
        lines.push(Line::styled(i18n::LAW_CURRENCY.get(lang), t.warn()));
        lines.push(Line::raw(l.get(lang).to_string()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(i18n::F_ANY_KEY.get(lang), t.dim()));
    popup(i18n::T_ABOUT.get(lang), lines, 84, area, buf, t);
}
