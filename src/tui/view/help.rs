//! Help: the focused question's help text and guide source, then the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Theme, popup};
use crate::tui::app::App;

pub const KEYS: &[(&str, &str)] = &[
    ("Tab S-Tab ↑↓", "next / previous question"),
    ("Enter", "choose, add to a list, go on"),
    ("Space 1-9 letter", "choose an option"),
    ("PgDn PgUp", "next / previous screen (Next waits for ✗ fixes)"),
    ("Ctrl-G F4", "jump to a screen"),
    ("Ctrl-R", "review: check your answers"),
    ("Ctrl-L F6", "checklist; Enter: why is this on my list?"),
    ("Ctrl-N Ctrl-U", "Not Applicable / Unknown, where allowed"),
    ("Ctrl-← Ctrl-→", "move by word (Home End, Ctrl-W too)"),
    ("Ctrl-S", "save (answers also save as you go)"),
    ("Esc", "close a window; back to the drafts"),
    ("Ctrl-Q", "save and quit"),
    ("F1 ?  F2", "this help · about"),
];

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
            format!("Guide source: {}  ·  question id: {}", question.source, question.id),
            t.dim(),
        ));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Keys", t.title()));
    for (k, what) in KEYS {
        lines.push(Line::raw(format!("{k:<17} {what}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("a  About (law currency)    any other key closes", t.dim()));
    popup("Help", lines, 90, area, buf, t);
}
