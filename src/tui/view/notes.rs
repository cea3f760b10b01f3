//! The agent note window (Alt-N) and the draft's history (Alt-H), issue 13.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Ctx, Theme, popup, popup_scroll};
use crate::tui::app::Session;
use crate::tui::i18n;
use crate::tui::widgets::TextInput;

/// The note being written on question `qi`; returns the cursor.
pub fn render_note(
    c: Ctx,
    s: &Session,
    qi: usize,
    input: &TextInput,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    let l = c.lang;
    let question = &c.q.questions[qi];
    let prompt = s.ev.prompt(c.q, qi, l);
    let lines = vec![
        Line::styled(format!("{} {prompt}", question.number), t.title()),
        Line::raw(i18n::NOTE_PROMPT.get(l)),
        Line::raw(format!("[{}]", input.value)),
        Line::raw(""),
        Line::styled(super::hints_line(l, crate::tui::overlay::note::KEYS), t.dim()),
    ];
    let r = popup(i18n::T_NOTE.get(l), lines, 76, area, buf, t);
    let prompt_rows = {
        let inner = r.width.saturating_sub(2).max(1);
        let a = (unicode_width::UnicodeWidthStr::width(format!("{} {prompt}", question.number).as_str())
            as u16)
            .div_ceil(inner)
            .max(1);
        let b =
            (unicode_width::UnicodeWidthStr::width(i18n::NOTE_PROMPT.get(l)) as u16).div_ceil(inner).max(1);
        a + b
    };
    Some((r.x + 2 + input.cursor_col() as u16, r.y + 1 + prompt_rows))
}

/// The history lines: time, event and question numbers (never values), oldest first.
pub fn history_lines(c: Ctx, s: &Session) -> Vec<String> {
    crate::session::journey::history_lines(c.q, &s.draft.history, c.lang)
}

pub fn render_history(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) {
    let l = c.lang;
    let mut lines: Vec<Line> = history_lines(c, s).into_iter().map(Line::raw).collect();
    if lines.is_empty() {
        lines.push(Line::raw(i18n::HISTORY_NONE.get(l)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(i18n::HISTORY_FOOT.get(l), t.dim()));
    popup_scroll(i18n::T_HISTORY.get(l), lines, 76, c.scroll, area, buf, t);
}
