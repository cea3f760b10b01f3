//! The "Attach a file" dialog, and the review's flags for attached files that changed or vanished
//! on disk. Words are in `attach_flow` (fixed words and templates).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Ctx, Theme, popup, truncate, wrap};
use crate::fill;
use crate::tui::app::Session;
use crate::tui::attach_flow::{self as words, AttachDialog, short_size_in};
use crate::tui::i18n;

/// Width of the dialog.
const DIALOG_W: u16 = 72;

/// Draws the dialog; returns the cursor (on the path, unless the tick box has the focus).
pub fn render(c: Ctx, d: &AttachDialog, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let w = DIALOG_W.min(area.width.saturating_sub(4)).max(10).min(area.width);
    let inner = w.saturating_sub(2).max(1) as usize;
    let title =
        c.q.item_index(&d.item).map(|ii| c.q.items[ii].title.get(c.lang).to_string()).unwrap_or_default();
    let mut lines: Vec<Line> = vec![
        Line::styled(truncate(&fill!(words::FOR_ITEM, c.lang, item = title, id = d.item), inner), t.focus()),
        Line::raw(truncate(
            &fill!(words::PATH_LABEL, c.lang, max = short_size_in(d.max_bytes, c.lang)),
            inner,
        )),
    ];
    // The path, scrolled so the cursor shows.
    let chars: Vec<char> = d.input.value.chars().collect();
    let room = inner.saturating_sub(2).max(1);
    let start = d.input.cursor.saturating_sub(room - 1);
    let shown: String = chars.iter().skip(start).take(room).collect();
    let pad = " ".repeat(room.saturating_sub(shown.chars().count()));
    let path_style = match (d.on_toggle, d.prefilled) {
        (true, _) => t.dim(),
        // Selected: typing replaces it.
        (false, true) => t.focus().add_modifier(ratatui::style::Modifier::REVERSED),
        (false, false) => t.focus(),
    };
    lines.push(Line::styled(format!("[{shown}{pad}]"), path_style));
    let tick = if d.explanation { "[x]" } else { "[ ]" };
    let mark = if d.on_toggle { "›" } else { " " };
    let toggle_style = if d.on_toggle { t.focus() } else { ratatui::style::Style::default() };
    lines.push(Line::styled(
        truncate(&format!("{mark}{tick} {}", words::EXPLANATION.get(c.lang)), inner),
        toggle_style,
    ));
    lines.push(Line::raw(""));
    if let Some(e) = &d.error {
        lines.extend(wrap(e, inner, "", "  ").into_iter().map(|l| Line::styled(l, t.error())));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        truncate(&super::hints_line(c.lang, crate::tui::overlay::attach::WINDOW_KEYS), inner),
        t.dim(),
    ));
    let r = popup(words::TITLE.get(c.lang), lines, DIALOG_W, area, buf, t);
    (!d.on_toggle).then(|| (r.x + 1 + (d.input.cursor - start) as u16, r.y + 2))
}

/// Items whose attached file changed or vanished on disk, or is the very file of another item, as
/// checked when the review opened: (item id, flag in words, an error?).
pub fn file_flags(c: Ctx, s: &Session) -> Vec<(String, String, bool)> {
    s.file_checks
        .iter()
        .filter_map(|f| {
            let (flag, err) = match f.state {
                "changed" => (words::CHANGED.get(c.lang).to_string(), false),
                "missing" => (words::MISSING.get(c.lang).to_string(), true),
                "unreadable" => (words::UNREADABLE_NOW.get(c.lang).to_string(), true),
                _ => {
                    let other = f.same_file_as.as_deref().and_then(|o| c.q.item_index(o))?;
                    (i18n::same_file_flag(c.lang, c.q.items[other].title.get(c.lang)), true)
                }
            };
            Some((f.item.clone(), flag, err))
        })
        .collect()
}

/// The flag line under a checklist item on the review, if its file changed or vanished.
pub fn flag_line(flags: &[(String, String, bool)], item: &str, w: usize, t: Theme) -> Option<Line<'static>> {
    let (_, flag, err) = flags.iter().find(|(id, _, _)| id == item)?;
    Some(Line::styled(truncate(&format!("      {flag}"), w), if *err { t.error() } else { t.warn() }))
}
