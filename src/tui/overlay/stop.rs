//! A stop or caution, shown on the answer that sets it off (or on leaving a screen): the question
//! and answer behind it, what it means, the guide's words, and the ways on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Footer, Outcome, Overlay};
use crate::tui::app::Session;
use crate::tui::draft_screen::DraftScreen;
use crate::tui::i18n;
use crate::tui::keymap::Action;
use crate::tui::keymap::{C, P, Q, U_ENTER};
use crate::tui::view::{Ctx, Hint, Theme, hint, popup};

/// A stop: change the answer or quit.
pub const KEYS: &[Hint] = &[hint(C, i18n::W_CHANGE_ANSWER), hint(Q, i18n::W_QUIT)];
/// A stop that allows the paper application.
pub const PAPER_KEYS: &[Hint] =
    &[hint(C, i18n::W_CHANGE_ANSWER), hint(P, i18n::W_PAPER), hint(Q, i18n::W_QUIT)];
/// A caution: go on, change the answer or quit.
pub const CAUTION_KEYS: &[Hint] =
    &[hint(U_ENTER, i18n::W_UNDERSTAND), hint(C, i18n::W_CHANGE_ANSWER), hint(Q, i18n::W_QUIT)];
use crate::tui::widgets::FieldKey as K;

#[derive(Clone, Debug, PartialEq)]
pub struct StopView {
    /// Rules shown (indices into `q.rules`).
    pub rules: Vec<usize>,
    /// Cautions only: the user may go on after "I understand".
    pub caution: bool,
    /// Paper-preparation mode is offered (only STOP_PAPER / STOP_WRONG_APPLICATION).
    pub paper_ok: bool,
    /// Where "I understand" leads.
    pub target: Option<usize>,
    /// The question whose answer set it off (its number, prompt and answer are shown; "change the
    /// answer" focuses it).
    pub question: Option<usize>,
}

/// c (or Esc) changes the answer, p goes on in paper-preparation mode (when offered), u or Enter
/// goes on after a caution, q quits; other keys do nothing (the stop must be read).
pub fn handle(v: StopView, d: &mut DraftScreen, action: Action) -> Outcome {
    match action {
        Action::Key(K::Char('c' | 'C')) | Action::Back => {
            if let Some(qi) = v.question {
                d.goto_question(qi);
            }
            *d.status = Some(i18n::STOP_CHANGE.get(d.lang).into());
            Outcome::Close
        }
        Action::Key(K::Char('p' | 'P')) if v.paper_ok => {
            d.enter_paper_mode();
            if let Some(t) = v.target {
                d.goto_screen(t);
            }
            d.save();
            *d.status = Some(i18n::PAPER_MODE_ON.get(d.lang).into());
            Outcome::Close
        }
        Action::Key(K::Char('u' | 'U')) | Action::Key(K::Enter) if v.caution => {
            d.acknowledge(&v.rules);
            if let Some(t) = v.target {
                d.goto_screen(t);
            }
            d.save();
            Outcome::Close
        }
        Action::Key(K::Char('q' | 'Q')) | Action::Quit => {
            d.quit();
            Outcome::Keep(Overlay::Stop(v))
        }
        Action::Help => Outcome::Open(Overlay::Help),
        _ => Outcome::Keep(Overlay::Stop(v)),
    }
}

pub fn takes_text(_v: &StopView) -> bool {
    false
}

pub fn footer(v: &StopView, _s: &Session) -> Footer {
    Footer::Line(if v.caution {
        CAUTION_KEYS
    } else if v.paper_ok {
        PAPER_KEYS
    } else {
        KEYS
    })
}

pub fn draw(v: &StopView, c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    render(c, s, v, area, buf, t);
    None
}

fn render(c: Ctx, s: &Session, v: &StopView, area: Rect, buf: &mut Buffer, t: Theme) {
    let q = c.q;
    let lang = c.lang;
    let mut lines: Vec<Line> = vec![];
    // The question whose answer set it off, with that answer.
    if let Some(qi) = v.question {
        let line = crate::session::fires::question_line(q, &s.ev, qi, lang);
        lines.push(Line::styled(format!("{} {line}", i18n::S_BECAUSE.get(lang)), t.focus()));
        lines.push(Line::raw(""));
    }
    for &r in &v.rules {
        let rule = &q.rules[r];
        let (m, st) = if rule.outcome == crate::engine::Outcome::Caution {
            ("⚠", t.warn())
        } else {
            ("✗", t.error())
        };
        lines.push(Line::styled(
            format!(
                "{m} {} — {}",
                rule.title.get(lang),
                i18n::outcome_in(lang, rule.outcome, Some(&rule.id), c.show_codes)
            ),
            st,
        ));
        lines.push(Line::raw(rule.message.get(lang).to_string()));
        if let Some(quote) = rule.quote_words(lang) {
            let source = crate::session::journey::source_words(&rule.source, lang, c.show_codes);
            lines.push(Line::styled(format!("  {quote} ({source})"), t.dim()));
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
