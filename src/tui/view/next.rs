//! "What happens next": the last window, after the declaration and the fee (or PgDn on the last
//! screen). Whether the application is ready (answers and files), the steps in citcert (export the
//! summary, build the signed package: e and p here), then in the IRCC online account and after
//! submission (`session::journey::next_steps`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Theme, popup_scroll, wrap};
use crate::tui::app::{App, NextAction, NextView};
use crate::tui::i18n;

pub fn render(app: &App, v: &NextView, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let lang = app.lang;
    // The window is at most 88 wide, with a border and a margin: wrap to its inside.
    let w = (area.width.min(88) as usize).saturating_sub(6).max(20);
    let ready = app.ready_now();
    let mut lines: Vec<Line> = vec![];
    let paper = app.session.as_ref().filter(|s| s.paper_mode);
    if let Some(s) = paper {
        // The paper route: which application and why, the documents in substance, payment.
        for l in crate::session::paper::screen_lines(app.q, &s.ev, lang, app.show_codes) {
            let head = l.ends_with(':');
            let wrapped = wrap(&l, w, "", "  ");
            lines.extend(
                wrapped.into_iter().map(|x| if head { Line::styled(x, t.focus()) } else { Line::raw(x) }),
            );
        }
    } else if ready {
        lines.push(Line::styled(i18n::N_READY.get(lang), t.ok()));
    } else {
        lines.extend(
            wrap(i18n::N_NOT_READY.get(lang), w, "", "").into_iter().map(|l| Line::styled(l, t.error())),
        );
    }
    lines.push(Line::raw(""));
    let steps = if paper.is_some() { vec![] } else { crate::session::journey::next_steps(ready, lang) };
    for step in steps.into_iter().skip(usize::from(!ready)) {
        let head = step.ends_with(':');
        let wrapped = wrap(&step, w, "", "   ");
        lines.extend(
            wrapped.into_iter().map(|l| if head { Line::styled(l, t.focus()) } else { Line::raw(l) }),
        );
    }
    if !v.result.is_empty() {
        lines.push(Line::raw(""));
        for r in &v.result {
            let st = if r.starts_with('✗') { t.error() } else { t.ok() };
            lines.extend(wrap(r, w, "", "  ").into_iter().map(|l| Line::styled(l, st)));
        }
    }
    lines.push(Line::raw(""));
    let mut cursor_row = None;
    match v.asking {
        Some(what) => {
            let label = match what {
                NextAction::Export if paper.is_some() => i18n::N_PAPER_FOLDER,
                NextAction::Export => i18n::N_EXPORT_FOLDER,
                NextAction::Package => i18n::N_PACKAGE_FOLDER,
            };
            lines.extend(wrap(label.get(lang), w, "", "").into_iter().map(|l| Line::styled(l, t.focus())));
            cursor_row = Some(lines.len());
            lines.push(Line::raw(format!("[{}]", v.input.value)));
            lines.push(Line::styled(i18n::N_ASK_KEYS.get(lang), t.dim()));
        }
        None if paper.is_some() => lines.push(Line::styled(i18n::N_PAPER_KEYS.get(lang), t.focus())),
        None => lines.push(Line::styled(i18n::N_KEYS.get(lang), t.focus())),
    }
    // Keep the folder being typed in view: scroll so that the last lines show.
    let h = area.height.saturating_sub(4) as usize;
    let scroll = if v.asking.is_some() { lines.len().saturating_sub(h) as u16 } else { app.scroll };
    let title = if paper.is_some() { i18n::T_PAPER } else { i18n::T_NEXT };
    let r = popup_scroll(title.get(lang), lines, 88, scroll, area, buf, t);
    cursor_row.map(|row| (r.x + 1 + v.input.cursor_col() as u16, r.y + (row as u16).saturating_sub(scroll)))
}
