//! The start screen: drafts with start date, days left and progress; notices of removed and
//! damaged drafts, of drafts past day 60 all at once (kept until the person confirms: e), and
//! privacy warnings about the drafts folder.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, StartView, Theme, truncate, wrap};
use crate::tui::i18n;

pub fn render(c: Ctx, v: StartView, area: Rect, buf: &mut Buffer, t: Theme) {
    let w = area.width as usize;
    let l = c.lang;
    let mut lines: Vec<Line> = vec![];
    if !v.removed.is_empty() {
        let msg = i18n::removed_notice(l, &v.removed.join(", "));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    for d in v.damaged {
        let msg = i18n::damaged_notice(l, &d.name, d.reason.get(l));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    if !v.held.is_empty() {
        let list: Vec<String> = v.held.iter().map(|h| i18n::held_draft(l, &h.label, h.created_on)).collect();
        let msg = i18n::held_notice(l, c.today, &list.join(", "));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    for warning in v.warnings {
        let msg = format!("⚠ {}", warning.get(l));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    if let Some(f) = &v.st.find {
        lines.push(Line::styled(format!("{} [{}]", i18n::FIND_PROMPT.get(l), f.value), t.focus()));
    }
    // The label takes what the four fixed columns leave (the id: the draft file's name, as the
    // CLI and plain mode show it, so an agent can quote it).
    let lw = w.saturating_sub(2 + 9 + 11 + 11 + 10).clamp(10, 44);
    lines.push(Line::styled(
        truncate(
            &format!(
                "  {:<lw$} {:<8} {:<10}{:>11} {:>9}",
                i18n::COL_DRAFT.get(l),
                i18n::COL_ID.get(l),
                i18n::COL_STARTED.get(l),
                i18n::COL_DAYS.get(l),
                i18n::COL_PROGRESS.get(l)
            ),
            w,
        ),
        t.focus(),
    ));
    if v.drafts.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(i18n::NO_DRAFTS.get(l)));
    }
    let listed = v.st.listed(v.drafts);
    if listed.is_empty() && !v.drafts.is_empty() {
        lines.push(Line::raw(i18n::FIND_NONE.get(l)));
    }
    let mut sel_row = 0;
    for &k in &listed {
        let d = &v.drafts[k];
        let days = d.days_left;
        let warn = if days <= 7 { "⚠" } else { " " };
        let sel = k == v.st.sel;
        if sel {
            sel_row = lines.len();
        }
        let text = format!(
            "{} {:<lw$} {:<8} {:<10} {:>9}{warn} {:>9}",
            if sel { "›" } else { " " },
            truncate(&crate::safe_text::inline(&d.label), lw),
            truncate(&crate::safe_text::inline(&d.id), 8),
            d.created_on.to_string(),
            days,
            i18n::percent(l, v.progress.get(k).copied().unwrap_or(0))
        );
        let mut style = if days <= 7 { t.warn().add_modifier(Modifier::BOLD) } else { Style::default() };
        if sel {
            style = style.add_modifier(Modifier::REVERSED);
        }
        lines.push(Line::styled(truncate(&text, w), style));
    }
    lines.push(Line::raw(""));
    let note = i18n::DRAFTS_NOTE.get(l);
    lines.extend(wrap(note, w, "  ", "  ").into_iter().map(|l| Line::styled(l, t.dim())));
    if let Some(h) = c.q.text("honesty") {
        lines.extend(wrap(h.get(l), w, "  ", "  ").into_iter().map(|l| Line::styled(l, t.dim())));
    }
    // Keep the highlighted row in view.
    let h = area.height as usize;
    let scroll = (sel_row + 2).saturating_sub(h);
    Paragraph::new(lines).scroll((scroll as u16, 0)).render(area, buf);
}

/// The rename dialog over the drafts list; returns where the text cursor belongs.
pub fn render_rename(
    c: Ctx,
    input: &crate::tui::widgets::TextInput,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    let l = c.lang;
    let lines = vec![
        Line::raw(i18n::RENAME_NAME.get(l)),
        Line::raw(format!("[{}]", input.value)),
        Line::raw(""),
        Line::raw(i18n::F_RENAME.get(l)),
    ];
    let r = super::popup(i18n::T_RENAME.get(l), lines, 60, area, buf, t);
    Some((r.x + 2 + input.cursor_col() as u16, r.y + 2))
}
