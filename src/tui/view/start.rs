//! The start screen: drafts with start date, days left and progress; notices of removed and
//! damaged drafts, and privacy warnings about the drafts folder.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Theme, truncate, wrap};
use crate::tui::app::App;
use crate::tui::i18n;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, t: Theme) {
    let w = area.width as usize;
    let l = app.lang;
    let mut lines: Vec<Line> = vec![];
    if !app.removed.is_empty() {
        let msg = i18n::removed_notice(app.lang, &app.removed.join(", "));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    for d in &app.damaged {
        let msg = i18n::damaged_notice(app.lang, &d.name, d.reason.get(app.lang));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    for warning in &app.warnings {
        let msg = format!("⚠ {}", warning.get(app.lang));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    // The label takes what the three fixed columns leave.
    let lw = w.saturating_sub(2 + 11 + 11 + 10).clamp(10, 44);
    lines.push(Line::styled(
        truncate(
            &format!(
                "  {:<lw$} {:<10}{:>11} {:>9}",
                i18n::COL_DRAFT.get(l),
                i18n::COL_STARTED.get(l),
                i18n::COL_DAYS.get(l),
                i18n::COL_PROGRESS.get(l)
            ),
            w,
        ),
        t.focus(),
    ));
    if app.drafts.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(i18n::NO_DRAFTS.get(l)));
    }
    for (k, d) in app.drafts.iter().enumerate() {
        let days = d.days_left;
        let warn = if days <= 7 { "⚠" } else { " " };
        let sel = k == app.start_sel;
        let text = format!(
            "{} {:<lw$} {:<10} {:>9}{warn} {:>8}%",
            if sel { "›" } else { " " },
            truncate(&crate::safe_text::inline(&d.label), lw),
            d.created_on.to_string(),
            days,
            app.progress(k)
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
    if let Some(h) = app.q.text("honesty") {
        lines.extend(wrap(h.get(app.lang), w, "  ", "  ").into_iter().map(|l| Line::styled(l, t.dim())));
    }
    let h = area.height as usize;
    let scroll = (app.start_sel + 6).saturating_sub(h);
    Paragraph::new(lines).scroll((scroll as u16, 0)).render(area, buf);
}
