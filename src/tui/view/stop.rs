//! A stop or caution, shown on the answer that sets it off (or on leaving a screen): the question
//! and answer behind it, what it means, the guide's words, and the ways on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Theme, popup};
use crate::engine::Outcome;
use crate::tui::app::{App, StopView};
use crate::tui::i18n;

pub fn render(app: &App, v: &StopView, area: Rect, buf: &mut Buffer, t: Theme) {
    let q = app.q;
    let lang = app.lang;
    let mut lines: Vec<Line> = vec![];
    // The question whose answer set it off, with that answer.
    if let (Some(qi), Some(s)) = (v.question, &app.session) {
        let line = crate::session::fires::question_line(q, &s.ev, qi, lang);
        lines.push(Line::styled(format!("{} {line}", i18n::S_BECAUSE.get(lang)), t.focus()));
        lines.push(Line::raw(""));
    }
    for &r in &v.rules {
        let rule = &q.rules[r];
        let (m, st) = if rule.outcome == Outcome::Caution { ("⚠", t.warn()) } else { ("✗", t.error()) };
        lines.push(Line::styled(
            format!(
                "{m} {} — {}",
                rule.title.get(lang),
                i18n::outcome_in(lang, rule.outcome, Some(&rule.id), app.show_codes)
            ),
            st,
        ));
        lines.push(Line::raw(rule.message.get(lang).to_string()));
        if let Some(quote) = rule.quote.as_ref().filter(|x| !x.get(lang).is_empty()) {
            let source = crate::session::journey::source_words(&rule.source, lang, app.show_codes);
            lines.push(Line::styled(format!("  {} ({source})", quote.get(lang)), t.dim()));
        }
        if let Some(info) = &rule.info {
            lines.push(Line::raw(info.get(lang).to_string()));
        }
        lines.push(Line::raw(""));
    }
    let choices: Vec<i18n::Msg> = if v.caution {
        vec![i18n::S_UNDERSTAND, i18n::S_CHANGE, i18n::S_QUIT]
    } else if v.paper_ok {
        vec![i18n::S_CHANGE, i18n::S_PAPER, i18n::S_QUIT]
    } else {
        vec![i18n::S_CHANGE, i18n::S_QUIT]
    };
    for c in choices {
        lines.push(Line::styled(c.get(lang), t.focus()));
    }
    let title = if v.caution { i18n::T_CAUTION.get(lang) } else { i18n::T_STOP.get(lang) };
    popup(title, lines, 78, area, buf, t);
}
