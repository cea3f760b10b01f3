//! Windows for support calls: search every question, and read the answers back in sentences.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Theme, popup, popup_scroll, truncate};
use crate::engine::{QType, ScreenKind};
use crate::tui::app::{Session, search_visible};
use crate::tui::i18n;
use crate::tui::readback::sentence;
use crate::tui::widgets::TextInput;

/// The search window; returns the text cursor.
pub fn render_search(
    c: Ctx,
    s: &Session,
    input: &TextInput,
    sel: usize,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Option<(u16, u16)> {
    let q = c.q;
    let lang = c.lang;
    let results = s.search_results(c.q, &input.value);
    let w = 76u16.min(area.width.saturating_sub(4));
    let inner_w = w.saturating_sub(2) as usize;
    // A fixed height, so the window does not jump while typing.
    let rows = area.height.saturating_sub(2 + 2 + 2).max(1) as usize;
    let label = format!("{} [", i18n::SEARCH_PROMPT.get(lang));
    let mut lines = vec![
        Line::styled(format!("{label}{}]", input.value), t.focus()),
        Line::styled(
            if results.is_empty() {
                i18n::SEARCH_NONE.get(lang).to_string()
            } else if results.iter().all(|&qi| search_visible(q, &s.ev, qi)) {
                i18n::search_count(lang, results.len())
            } else {
                format!(
                    "{} · ({}) = {}",
                    i18n::search_count(lang, results.len()),
                    i18n::NOT_ASKED_SHORT.get(lang),
                    i18n::NOT_ASKED.get(lang)
                )
            },
            t.dim(),
        ),
    ];
    let first = sel.saturating_sub(rows.saturating_sub(1));
    for (k, &qi) in results.iter().enumerate().skip(first).take(rows) {
        let question = &q.questions[qi];
        let here = k == sel;
        let asked = search_visible(q, &s.ev, qi);
        let head = format!("{} {:<7} ", if here { "›" } else { " " }, question.number);
        let note = if asked { String::new() } else { format!(" ({})", i18n::NOT_ASKED_SHORT.get(lang)) };
        let room = inner_w.saturating_sub(head.width() + note.width()).max(8);
        let text = truncate(&format!("{head}{}{note}", truncate(s.ev.prompt(q, qi, lang), room)), inner_w);
        let mut style = if asked { ratatui::style::Style::default() } else { t.dim() };
        if here {
            style = style.add_modifier(Modifier::REVERSED);
        }
        lines.push(Line::styled(text, style));
    }
    while lines.len() < rows + 2 {
        lines.push(Line::raw(""));
    }
    let r = popup(i18n::T_SEARCH.get(lang), lines, w, area, buf, t);
    Some((r.x + (label.width() + input.cursor_col()) as u16, r.y))
}

/// The sentences read back: the current screen's answers, or every answer on the review screen.
pub fn read_back_lines(c: Ctx, s: &Session) -> Vec<(bool, String)> {
    let q = c.q;
    let lang = c.lang;
    let review = q.screens[s.screen].kind == ScreenKind::Review;
    let questions: Vec<usize> = if review {
        s.review_entries(c.q)
    } else {
        s.ev.visible_questions(q, s.screen).filter(|&qi| q.questions[qi].qtype != QType::Display).collect()
    };
    let mut out = vec![];
    let mut last_screen = usize::MAX;
    for qi in questions {
        let question = &q.questions[qi];
        if review && question.screen != last_screen {
            last_screen = question.screen;
            let sc = &q.screens[question.screen];
            out.push((true, format!("{} {}", sc.number, sc.title.get(lang))));
        }
        out.push((false, sentence(q, &s.ev, qi, s.draft.answers.get(&question.id), lang)));
    }
    out
}

pub fn render_read_back(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) {
    let lang = c.lang;
    let screen = &c.q.screens[s.screen];
    let mut lines: Vec<Line> = read_back_lines(c, s)
        .into_iter()
        .map(|(heading, text)| if heading { Line::styled(text, t.title()) } else { Line::raw(text) })
        .collect();
    if lines.is_empty() {
        lines.push(Line::raw(i18n::READ_BACK_NOTHING.get(lang)));
    }
    let title = format!("{} — {} {}", i18n::T_READ_BACK.get(lang), screen.number, screen.title.get(lang));
    popup_scroll(&title, lines, 78, c.scroll, area, buf, t);
}
