//! A questionnaire screen: its visible questions, each with its number, answer or editor, and
//! problems beside it; the error summary and the set-aside notice on top.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Theme, wrap};
use crate::engine::{QType, Severity};
use crate::tui::app::{Pane, Session, is_fixed};
use crate::tui::i18n;

/// Lines of the question list, the range of lines of the focused question, and the cursor.
pub struct Built {
    pub lines: Vec<Line<'static>>,
    pub focus: Option<(usize, usize)>,
    pub cursor: Option<(usize, usize)>,
}

/// Lines pinned above the scrolled questions: the error summary and the set-aside notice.
pub fn pinned(c: Ctx, s: &Session, w: usize, t: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![];
    let q = c.q;
    let errors = s.screen_errors(c.q);
    if !errors.is_empty() {
        let nums: Vec<&str> = errors.iter().map(|&qi| q.questions[qi].number.as_str()).collect();
        let msg = crate::tui::i18n::to_fix(c.lang, errors.len(), &nums.join(", "));
        lines.extend(wrap(&msg, w, "", "  ").into_iter().map(|l| Line::styled(l, t.error())));
    }
    if let Some(n) = &s.aside_notice {
        lines.extend(wrap(n, w, "ℹ ", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    lines
}

/// The top of a screen's scrolled part: the minor reminder and the intro.
pub fn screen_top(c: Ctx, s: &Session, w: usize, t: Theme, lines: &mut Vec<Line<'static>>) {
    let q = c.q;
    let lang = c.lang;
    if s.ev.minor {
        let m =
            q.text("minor_reminder").map(|x| x.get(lang)).unwrap_or(i18n::Q_APPLYING_FOR_A_MINOR.get(lang));
        lines.extend(wrap(m, w, "ℹ ", "  ").into_iter().map(Line::raw));
    }
    let screen = &q.screens[s.screen];
    if let Some(intro) = &screen.intro {
        lines.extend(wrap(intro.get(lang), w, "", "").into_iter().map(|l| Line::styled(l, t.dim())));
    }
}

/// Builds the question list of the current screen.
pub fn build(c: Ctx, s: &Session, w: usize, t: Theme) -> Built {
    let mut lines = vec![];
    screen_top(c, s, w, t, &mut lines);
    let mut focus = None;
    let mut cursor = None;
    let q = c.q;
    let lang = c.lang;
    for qi in s.ev.visible_questions(q, s.screen) {
        let question = &q.questions[qi];
        let focused = s.focus == Some(qi) && s.pane == Pane::Questions;
        let start = lines.len();
        // A document's file named but not checked (or changed since): never ✓ (issue 10).
        let file_problem = crate::tui::attach_flow::is_file_question(q, qi)
            .then(|| question.item.and_then(|ii| s.rd.items.iter().find(|r| r.id == q.items[ii].id)))
            .flatten()
            .filter(|r| {
                r.file_not_checked
                    || r.file.as_ref().is_some_and(|f| f.state != "unchanged")
                    || r.same_file_as.is_some()
            })
            .and_then(|r| r.problem.clone());
        let status = if s.ev.has_error(qi) {
            "✗"
        } else if file_problem.is_some() {
            "?"
        } else if s.ev.problems_for(qi).next().is_some() {
            "⚠"
        } else if s.ev.values[qi].is_some() {
            "✓"
        } else if s.ev.missing.contains(&qi) {
            "*"
        } else {
            " "
        };
        let first = format!("{}{status} {:<5} ", if focused { "›" } else { " " }, question.number);
        let prompt = s.ev.prompt(q, qi, lang);
        let style = if focused { t.focus() } else { Style::default() };
        lines.extend(wrap(prompt, w, &first, "        ").into_iter().map(|l| Line::styled(l, style)));
        if question.qtype == QType::Display {
            for l in display_lines(c, s, qi, w) {
                lines.push(Line::raw(l));
            }
        } else if is_fixed(q, &s.ev, qi) {
            let label = s.ev.answer_label(q, qi, lang).unwrap_or_default();
            let note = i18n::Q_SET_BY_YOUR_OTHER.get(lang);
            lines.extend(
                wrap(&format!("= {label} {note}"), w, "        ", "          ").into_iter().map(Line::raw),
            );
        } else if focused {
            let (fl, at) = s.field.lines(true, w as u16, lang);
            let base = lines.len();
            lines.extend(fl.into_iter().map(|l| indent(l, "      ")));
            cursor = at.map(|(r, col)| (base + r, col + 6));
            let mut hints = vec![];
            if question.na {
                hints.push(i18n::Q_CTRL_N_NOT_APPLICABLE.get(lang));
            }
            if question.unknown && !question.options.iter().any(|o| o.id == "unknown") {
                hints.push(i18n::Q_CTRL_U_UNKNOWN.get(lang));
            }
            if crate::tui::attach_flow::is_file_question(q, qi) {
                hints.push(crate::tui::attach_flow::HINT.get(c.lang));
            }
            if !hints.is_empty() {
                lines.push(Line::styled(format!("        {}", hints.join(" · ")), t.dim()));
            }
        } else {
            let text = match (s.ev.answer_label(q, qi, lang), s.draft.answers.get(&question.id)) {
                (Some(l), _) => format!("→ {l}"),
                (None, Some(raw)) => format!("→ {}", raw.display()),
                (None, None) => i18n::Q_NO_ANSWER_YET.get(lang).to_string(),
            };
            let st = if text.starts_with('→') { Style::default() } else { t.dim() };
            lines.extend(wrap(&text, w, "        ", "          ").into_iter().map(|l| Line::styled(l, st)));
        }
        if let Some(note) = s.draft.notes.get(&question.id) {
            lines.extend(note_lines(note, w, lang, t));
        }
        if let Some(p) = &file_problem {
            lines.extend(
                wrap(p, w, "        ? ", "          ").into_iter().map(|l| Line::styled(l, t.warn())),
            );
        }
        for p in s.ev.problems_for(qi) {
            let (mark, st) = match p.severity {
                Severity::Error => ("✗ ", t.error()),
                Severity::Warning => ("⚠ ", t.warn()),
            };
            lines.extend(
                wrap(p.message.get(lang), w, &format!("        {mark}"), "          ")
                    .into_iter()
                    .map(|l| Line::styled(l, st)),
            );
        }
        if focused {
            focus = Some((start, lines.len()));
        }
    }
    if s.focus.is_none() && s.pane == Pane::Questions {
        lines.push(Line::raw(""));
        lines.push(Line::styled(i18n::Q_NOTHING_TO_ANSWER_HERE.get(lang), t.dim()));
    }
    Built { lines, focus, cursor }
}

/// An agent's note under its question: "✎ Note: caller will check the grant date" (issue 13).
pub fn note_lines(note: &str, w: usize, lang: crate::engine::Lang, t: Theme) -> Vec<Line<'static>> {
    let note = crate::safe_text::inline(note).into_owned();
    let text = format!("{}{note}", i18n::Q_AGENT_NOTE.get(lang));
    wrap(&text, w, "        ✎ ", "          ").into_iter().map(|l| Line::styled(l, t.dim())).collect()
}

fn indent(l: Line<'static>, pad: &'static str) -> Line<'static> {
    let mut spans = vec![ratatui::text::Span::raw(pad)];
    spans.extend(l.spans);
    Line::from(spans).style(l.style)
}

/// What a display question shows.
pub fn display_lines(c: Ctx, s: &Session, qi: usize, w: usize) -> Vec<String> {
    let q = c.q;
    let lang = c.lang;
    let question = &q.questions[qi];
    let text = match question.display.as_deref() {
        Some("indication") => {
            let label = q.text("indication_label").map(|t| t.get(lang).to_string()).unwrap_or_default();
            match s.ev.indication_text(q, lang) {
                Some(i) => format!("{label} {i}"),
                None => i18n::Q_NO_INDICATION_YET_IT.get(lang).to_string(),
            }
        }
        Some("fee_total") => {
            let fee = q.fee.per_person_cad;
            i18n::fee_line(lang, fee)
        }
        _ => question.help.get(lang).to_string(),
    };
    wrap(&text, w, "        ", "        ")
}

/// Draws the question list, scrolled so the focused question shows. Returns the cursor.
pub fn render(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let w = area.width.saturating_sub(1) as usize;
    let area = draw_pinned(c, s, area, buf, t);
    let built = build(c, s, w, t);
    draw_scrolled(built, area, buf, t)
}

/// Draws the pinned lines (at most half the area) and returns the area left below them.
pub fn draw_pinned(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Rect {
    let w = area.width.saturating_sub(1) as usize;
    let top = pinned(c, s, w, t);
    let n = (top.len() as u16).min(area.height / 2);
    if n == 0 {
        return area;
    }
    Paragraph::new(top).render(Rect { height: n, ..area }, buf);
    Rect { y: area.y + n, height: area.height - n, ..area }
}

/// Draws lines scrolled to keep the focus range in view; returns the absolute cursor.
pub fn draw_scrolled(built: Built, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let h = area.height as usize;
    let total = built.lines.len();
    let mut scroll = 0usize;
    if let Some((a, b)) = built.focus {
        // Show the whole focused question when it fits, else its top; keep the cursor line in view.
        if b > h {
            scroll = if b - a <= h { b - h } else { a };
        }
        if let Some((row, _)) = built.cursor
            && row >= scroll + h
        {
            scroll = row + 1 - h;
        }
    }
    Paragraph::new(built.lines).scroll((scroll as u16, 0)).render(area, buf);
    if scroll > 0 {
        buf.set_string(area.right().saturating_sub(1), area.y, "↑", t.dim());
    }
    if total > scroll + h {
        buf.set_string(area.right().saturating_sub(1), area.bottom().saturating_sub(1), "↓", t.dim());
    }
    built.cursor.and_then(|(row, col)| {
        let y = row.checked_sub(scroll)?;
        (y < h && col < area.width as usize).then(|| (area.x + col as u16, area.y + y as u16))
    })
}
