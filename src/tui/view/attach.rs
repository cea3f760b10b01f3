//! The "Attach a file" dialog, and the review's flags for attached files that changed or vanished
//! on disk. Words are in `attach_flow` (fixed words and templates).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Theme, popup, truncate, wrap};
use crate::fill;
use crate::tui::app::App;
use crate::tui::attach_flow::{self as words, AttachDialog, short_size_in};
use crate::tui::i18n;

/// Width of the dialog.
const DIALOG_W: u16 = 72;

/// Draws the dialog; returns the cursor (on the path, unless the tick box has the focus).
pub fn render(app: &App, d: &AttachDialog, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let w = DIALOG_W.min(area.width.saturating_sub(4)).max(10).min(area.width);
    let inner = w.saturating_sub(2).max(1) as usize;
    let title = app
        .q
        .item_index(&d.item)
        .map(|ii| app.q.items[ii].title.get(app.lang).to_string())
        .unwrap_or_default();
    let mut lines: Vec<Line> = vec![
        Line::styled(
            truncate(&fill!(words::FOR_ITEM, app.lang, item = title, id = d.item), inner),
            t.focus(),
        ),
        Line::raw(truncate(
            &fill!(words::PATH_LABEL, app.lang, max = short_size_in(d.max_bytes, app.lang)),
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
        truncate(&format!("{mark}{tick} {}", words::EXPLANATION.get(app.lang)), inner),
        toggle_style,
    ));
    lines.push(Line::raw(""));
    if let Some(e) = &d.error {
        lines.extend(wrap(e, inner, "", "  ").into_iter().map(|l| Line::styled(l, t.error())));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(truncate(words::KEYS.get(app.lang), inner), t.dim()));
    let r = popup(words::TITLE.get(app.lang), lines, DIALOG_W, area, buf, t);
    (!d.on_toggle).then(|| (r.x + 1 + (d.input.cursor - start) as u16, r.y + 2))
}

/// Items whose attached file changed or vanished on disk, or is the very file of another item, as
/// checked when the review opened: (item id, flag in words, an error?).
pub fn file_flags(app: &App) -> Vec<(String, String, bool)> {
    let Some(s) = &app.session else { return vec![] };
    s.file_checks
        .iter()
        .filter_map(|c| {
            let (flag, err) = match c.state {
                "changed" => (words::CHANGED.get(app.lang).to_string(), false),
                "missing" => (words::MISSING.get(app.lang).to_string(), true),
                "unreadable" => (words::UNREADABLE_NOW.get(app.lang).to_string(), true),
                _ => {
                    let other = c.same_file_as.as_deref().and_then(|o| app.q.item_index(o))?;
                    (i18n::same_file_flag(app.lang, app.q.items[other].title.get(app.lang)), true)
                }
            };
            Some((c.item.clone(), flag, err))
        })
        .collect()
}

/// The flag line under a checklist item on the review, if its file changed or vanished.
pub fn flag_line(flags: &[(String, String, bool)], item: &str, w: usize, t: Theme) -> Option<Line<'static>> {
    let (_, flag, err) = flags.iter().find(|(id, _, _)| id == item)?;
    Some(Line::styled(truncate(&format!("      {flag}"), w), if *err { t.error() } else { t.warn() }))
}
