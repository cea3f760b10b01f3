//! The live checklist beside (or below) the questions, and "why is this on my list?".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::{Ctx, Theme, popup_scroll, truncate, wrap};
use crate::engine::Status;
use crate::engine::eval::ItemResult;
use crate::tui::app::{Pane, Session};
use crate::tui::i18n;

/// The mark a person reads for an item: from what is really done (`Session::rd`: file checked and
/// unchanged, no answer error), else from the engine's status.
pub fn true_mark(
    s: &crate::tui::app::Session,
    q: &crate::engine::Questionnaire,
    r: &ItemResult,
) -> &'static str {
    // On paper nothing is given here: every document is one to gather.
    if s.paper_mode {
        return "•";
    }
    let id = &q.items[r.item].id;
    s.rd.items.iter().find(|i| &i.id == id).map_or_else(|| mark(r), |i| i.mark())
}

/// The status in words a person reads (see [`true_mark`]).
pub fn true_status(
    s: &crate::tui::app::Session,
    q: &crate::engine::Questionnaire,
    r: &ItemResult,
    lang: crate::engine::Lang,
) -> &'static str {
    if s.paper_mode {
        return lang.pick("to gather for the paper application", "à réunir pour la demande papier");
    }
    let id = &q.items[r.item].id;
    s.rd.items.iter().find(|i| &i.id == id).map_or_else(|| r.status.label(lang), |i| i.shown_status(lang))
}

/// ✓ done/provided, ~ explained, ✗ missing and required, ○ missing but optional.
pub fn mark(r: &ItemResult) -> &'static str {
    match r.status {
        Status::Done | Status::Provided => "✓",
        Status::Explained => "~",
        Status::Missing if r.required => "✗",
        Status::Missing => "○",
    }
}

pub fn render(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme, side: bool) {
    let q = c.q;
    let lang = c.lang;
    let focused = s.pane == Pane::Checklist;
    let list = s.list(q);
    let name = if s.paper_mode { i18n::C_PAPER_CHECKLIST } else { i18n::C_CHECKLIST };
    let title = format!(" {} ({}) ", name.get(lang), list.len());
    let title = if focused { format!("›{title}") } else { title };
    let block = if side {
        Block::default().borders(Borders::LEFT).title(title)
    } else {
        Block::default().borders(Borders::TOP).title(title)
    };
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = vec![];
    let mut sel_line = 0;
    let mut first_new: Option<usize> = None;
    for (k, &r) in list.iter().enumerate() {
        let item = &q.items[r.item];
        let new = if s.items_new.contains(&r.item) { i18n::C_NEW.get(lang) } else { "" };
        if !new.is_empty() && first_new.is_none() {
            first_new = Some(lines.len());
        }
        let pointer = if focused && k == s.checklist_sel { "›" } else { " " };
        let m = true_mark(s, q, r);
        // With the agent's codes on, the item's id comes first, so a narrow pane still shows it.
        let id = if c.show_codes { format!("[{}] ", item.id) } else { String::new() };
        let text = truncate(&format!("{pointer}{m} {id}{new}{}", item.title.get(lang)), w);
        let mut style = match m {
            "✓" | "~" | "•" => t.ok(),
            "○" => Style::default(),
            "?" => t.warn(),
            _ => t.error(),
        };
        if focused && k == s.checklist_sel {
            style = style.add_modifier(Modifier::REVERSED);
            sel_line = lines.len();
        }
        lines.push(Line::styled(text, style));
    }
    for &i in &s.items_gone {
        let gone = i18n::C_REMOVED.get(lang);
        lines
            .push(Line::styled(truncate(&format!(" − {} ({gone})", q.items[i].title.get(lang)), w), t.dim()));
    }
    if list.is_empty() {
        let none = i18n::C_NOTHING_YET.get(lang);
        lines.extend(wrap(none, w, "", " ").into_iter().map(|l| Line::styled(l, t.dim())));
    }
    let hint = i18n::C_F6_HINT.get(lang);
    let h = inner.height as usize;
    // The live checklist never hides a new item (issue 13): focused, it follows the selection;
    // otherwise it scrolls to the first new item. Items out of view are counted, never silent.
    let anchor = if focused { Some(sel_line) } else { first_new };
    let scroll = match anchor {
        Some(a) if h >= 3 && a >= h.saturating_sub(1) => a + 2 - h,
        _ => 0,
    };
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    if h >= 2 && shown.len() > h {
        let below = shown.len() - (h - 1);
        shown.truncate(h - 1);
        shown.push(Line::styled(truncate(&i18n::c_more_below(lang, below), w), t.dim()));
    }
    if h >= 3 && scroll > 0 {
        shown[0] = Line::styled(truncate(&i18n::c_more_above(lang, scroll + 1), w), t.dim());
    }
    if shown.len() < h {
        shown.truncate(h.saturating_sub(1));
        while shown.len() < h.saturating_sub(1) {
            shown.push(Line::raw(""));
        }
        shown.push(Line::styled(truncate(hint, w), t.dim()));
    }
    Paragraph::new(shown).render(inner, buf);
}

/// "Why is this on my list?": the item, its reason with the answers behind it, its source.
pub fn render_why(c: Ctx, s: &Session, item: usize, area: Rect, buf: &mut Buffer, t: Theme) {
    let q = c.q;
    let lang = c.lang;
    let list = s.ev.items.iter().chain(s.ev.paper_prep.iter());
    let Some(r) = list.into_iter().find(|r| r.item == item) else { return };
    let it = &q.items[item];
    let (why, what) = (i18n::WHY_TITLE.get(lang), i18n::WHAT_TO_PROVIDE.get(lang));
    let mut lines = vec![
        Line::styled(it.title.get(lang).to_string(), t.title()),
        Line::raw(""),
        Line::styled(why.to_string(), t.focus()),
        Line::raw(s.ev.reason_text(q, r, lang)),
        Line::raw(""),
        Line::styled(what.to_string(), t.focus()),
        Line::raw(it.content.get(lang).to_string()),
        Line::raw(""),
        Line::raw(i18n::why_status(lang, true_mark(s, q, r), true_status(s, q, r, lang), r.required)),
        // "Guide: Step 1, Gather your documents — …", not "G L74-L86" (issue 13).
        Line::raw(crate::session::journey::source_words(&it.source, lang, c.show_codes)),
    ];
    lines.push(Line::raw(""));
    lines.push(Line::styled(i18n::WHY_KEYS.get(lang), t.dim()));
    let title = if c.show_codes {
        format!("{} [{}]", it.title.get(lang), it.id)
    } else {
        it.title.get(lang).to_string()
    };
    popup_scroll(&title, lines, 76, c.scroll, area, buf, t);
}
