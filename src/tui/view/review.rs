//! "Check your answers": every answer by screen (Enter to change it), stops, cautions and blocks,
//! the Act indication, the checklist, readiness and the fee; then the review's own questions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::checklist::{true_mark, true_status};
use super::question::{Built, build, draw_scrolled};
use super::{Ctx, Theme, truncate, wrap};
use crate::documents::report::blocker_words;
use crate::engine::{Outcome, ScreenKind};

/// How many "not yet" entries [`not_yet`] gives, without writing them.
pub fn not_yet_len(s: &Session) -> usize {
    if s.paper_mode {
        return 0;
    }
    let files =
        s.rd.items
            .iter()
            .filter(|i| {
                i.problem.is_some()
                    && (i.file_not_checked
                        || i.same_file_as.is_some()
                        || i.file.as_ref().is_some_and(|f| f.state != "unchanged"))
            })
            .count();
    (s.ev.blockers.len() + files).min(BLOCKERS_SHOWN)
}

/// Where a "not yet" entry leads: a question, or the answer behind a rule (found on Enter, never
/// per frame: it evaluates once per answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    Question(usize),
    Rule(usize),
    Nowhere,
}

/// What keeps the application from being ready, in words, each with where Enter goes: the gate's
/// blockers, then the files not checked, changed or vanished. At most [`BLOCKERS_SHOWN`].
pub fn not_yet(c: Ctx, s: &Session) -> Vec<(String, Goal)> {
    let (q, lang) = (c.q, c.lang);
    if s.paper_mode {
        return vec![];
    }
    let mut v: Vec<(String, Goal)> =
        s.ev.blockers
            .iter()
            .map(|b| {
                use crate::engine::eval::Blocker;
                let target = match b {
                    Blocker::Missing(qi) | Blocker::Invalid(qi) => Goal::Question(*qi),
                    Blocker::Item(i) => {
                        s.ev.missing
                            .iter()
                            .copied()
                            .find(|&qi| q.questions[qi].item == Some(*i))
                            .or(q.items[*i].file_q)
                            .map_or(Goal::Nowhere, Goal::Question)
                    }
                    Blocker::Rule(r) => Goal::Rule(*r),
                };
                (blocker_words(q, &s.ev, b, lang, c.show_codes), target)
            })
            .collect();
    for i in s.rd.items.iter() {
        let file_problem = i.file_not_checked
            || i.same_file_as.is_some()
            || i.file.as_ref().is_some_and(|f| f.state != "unchanged");
        if let (true, Some(p)) = (file_problem, &i.problem) {
            let target =
                q.item_index(&i.id).and_then(|ii| q.items[ii].file_q).map_or(Goal::Nowhere, Goal::Question);
            let id = if c.show_codes { format!("{} ", i.id) } else { String::new() };
            v.push((format!("{id}{}{}{p}", i.title, crate::engine::text::colon(lang)), target));
        }
    }
    v.truncate(BLOCKERS_SHOWN);
    v
}
use crate::tui::app::{Pane, ReviewRow, Session};
use crate::tui::i18n;

/// Blockers listed before "… and N more".
const BLOCKERS_SHOWN: usize = 12;

pub fn render(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) -> Option<(u16, u16)> {
    let w = area.width.saturating_sub(1) as usize;
    let area = super::question::draw_pinned(c, s, area, buf, t);
    let built = build_review(c, s, w, t);
    draw_scrolled(built, area, buf, t)
}

pub fn build_review(c: Ctx, s: &Session, w: usize, t: Theme) -> Built {
    let q = c.q;
    let lang = c.lang;
    let mut lines: Vec<Line<'static>> = vec![];
    // Header lines of the sections after the answers; ↓ past the last answer visits them.
    let mut sections: Vec<usize> = vec![];
    let head = |lines: &mut Vec<Line<'static>>, text: &str| {
        lines.push(Line::raw(""));
        lines.push(Line::styled(truncate(text, w), t.title()));
    };
    if let Some(h) = q.text("honesty") {
        lines.extend(wrap(h.get(lang), w, "", "").into_iter().map(|l| Line::styled(l, t.warn())));
    }
    if s.paper_mode {
        let m = q
            .text("paper_prep_intro")
            .map(|x| x.get(lang))
            .unwrap_or(i18n::R_PAPER_PREPARATION_MODE_THIS.get(lang));
        lines.extend(wrap(m, w, "ℹ ", "  ").into_iter().map(|l| Line::styled(l, t.warn())));
        let how = i18n::R_PAPER_HOW.get(lang);
        lines.extend(wrap(how, w, "  ", "  ").into_iter().map(|l| Line::styled(l, t.focus())));
    }

    // Answers by screen.
    head(&mut lines, i18n::R_YOUR_ANSWERS_THEN_ENTER.get(lang));
    let entries = s.review_entries(c.q);
    let nots = not_yet(c, s);
    let sel_row = ReviewRow::at(s.review_sel, entries.len(), nots.len(), s.paper_mode);
    let mut focus = None;
    let mut last_screen = usize::MAX;
    for (k, &qi) in entries.iter().enumerate() {
        let question = &q.questions[qi];
        if question.screen != last_screen {
            last_screen = question.screen;
            let sc = &q.screens[question.screen];
            lines.push(Line::styled(
                truncate(&format!("── {} {}", sc.number, sc.title.get(lang)), w),
                t.focus(),
            ));
        }
        let answer = match (s.ev.answer_label(q, qi, lang), s.draft.answers.get(&question.id)) {
            (Some(l), _) => l,
            (None, Some(raw)) => raw.display(),
            (None, None) => i18n::R_NO_ANSWER.get(lang).to_string(),
        };
        let status = if s.ev.has_error(qi) {
            "✗"
        } else if s.ev.missing.contains(&qi) {
            "*"
        } else {
            " "
        };
        let sel = s.pane == Pane::Review && k == s.review_sel;
        // Whole, never cut: the prompt and the answer wrap onto as many lines as they need.
        let head = format!("{}{status} {:<6} ", if sel { "›" } else { " " }, question.number);
        let indent = " ".repeat(head.chars().count().min(w / 3));
        let text = format!("{} → {answer}", s.ev.prompt(q, qi, lang));
        let mut style = if s.ev.has_error(qi) { t.error() } else { Style::default() };
        if sel {
            style = style.add_modifier(Modifier::REVERSED);
        }
        // Most answers fit on one line: wrap only those that do not.
        let wrapped = if head.width() + text.width() <= w {
            vec![format!("{head}{text}")]
        } else {
            wrap(&text, w, &head, &indent)
        };
        if sel {
            focus = Some((lines.len(), lines.len() + wrapped.len()));
        }
        lines.extend(wrapped.into_iter().map(|l| Line::styled(l, style)));
        if let Some(note) = s.draft.notes.get(&question.id) {
            lines.extend(super::question::note_lines(note, w, lang, t));
        }
    }

    // Outcomes.
    sections.push(lines.len() + 1);
    head(&mut lines, i18n::R_STOPS_CAUTIONS_AND_BLOCKS.get(lang));
    if s.ev.fired.is_empty() {
        lines.push(Line::raw(i18n::R_NONE.get(lang)));
    }
    for &r in &s.ev.fired {
        let rule = &q.rules[r];
        let m = match rule.outcome {
            Outcome::Caution => "⚠",
            _ => "✗",
        };
        let text = format!(
            "{m} {} — {}: {}",
            i18n::outcome_in(lang, rule.outcome, Some(&rule.id), c.show_codes),
            rule.title.get(lang),
            rule.message.get(lang)
        );
        let st = if m == "⚠" { t.warn() } else { t.error() };
        lines.extend(wrap(&text, w, "  ", "    ").into_iter().map(|l| Line::styled(l, st)));
    }

    // Indication.
    let label = q.text("indication_label").map(|x| x.get(lang).to_string()).unwrap_or_default();
    sections.push(lines.len() + 1);
    head(&mut lines, i18n::R_CITIZENSHIP_ACT_SECTION.get(lang));
    lines.extend(wrap(&label, w, "  ⚠ ", "    ").into_iter().map(|l| Line::styled(l, t.warn())));
    let ind = s.ev.indication_text(q, lang).unwrap_or_else(|| i18n::R_NO_INDICATION.get(lang).to_string());
    lines.extend(wrap(&ind, w, "  ", "  ").into_iter().map(Line::raw));

    // Checklist.
    let list = s.list(q);
    sections.push(lines.len() + 1);
    head(&mut lines, i18n::R_CHECKLIST.get(lang));
    let flags = super::attach::file_flags(c, s);
    for r in list {
        let item = &q.items[r.item];
        let text =
            format!("{} {} — {}", true_mark(s, q, r), item.title.get(lang), true_status(s, q, r, lang));
        lines.push(Line::raw(truncate(&format!("  {text}"), w)));
        lines.extend(super::attach::flag_line(&flags, &item.id, w, t));
    }

    // Readiness.
    if !s.paper_mode {
        sections.push(lines.len() + 1);
        head(&mut lines, i18n::R_READY_TO_SUBMIT.get(lang));
        let reasons = &nots;
        if reasons.is_empty() {
            lines.push(Line::styled(i18n::R_READY_EVERY_ANSWER_AND.get(lang), t.ok()));
        } else {
            let n = reasons.len();
            let head =
                format!("  ✗ {} ({n}) — {}", i18n::R_NOT_YET.get(lang), i18n::R_NOT_YET_KEYS.get(lang));
            lines.push(Line::styled(truncate(&head, w), t.error()));
            for (k, (text, _)) in reasons.iter().enumerate().take(BLOCKERS_SHOWN) {
                let sel = s.pane == Pane::Review && sel_row == Some(ReviewRow::NotYet(k));
                let first = if sel { "  › " } else { "   - " };
                let mut wrapped = wrap(text, w, first, "     ");
                if sel {
                    focus = Some((lines.len(), lines.len() + wrapped.len()));
                    let st = Style::default().add_modifier(Modifier::REVERSED);
                    lines.extend(wrapped.drain(..).map(|l| Line::styled(l, st)));
                } else {
                    lines.extend(wrapped.into_iter().map(Line::raw));
                }
            }
            if n > BLOCKERS_SHOWN {
                lines.push(Line::raw(format!("   … {} {}", n - BLOCKERS_SHOWN, i18n::R_MORE.get(lang))));
            }
        }
    }

    // Fee.
    sections.push(lines.len() + 1);
    head(&mut lines, i18n::R_FEE.get(lang));
    let methods: Vec<&str> = q.fee.methods.iter().map(|m| m.label.get(lang)).collect();
    // On paper the fee is not paid in the online application (issue 10, point 4).
    let fee = if s.paper_mode {
        crate::session::paper::payment(q, lang)
    } else {
        i18n::fee_methods(lang, q.fee.per_person_cad, &methods.join(", "))
    };
    lines.extend(wrap(&fee, w, "  ", "  ").into_iter().map(Line::raw));
    if let Some(r) = q.text("review_reminders") {
        lines.push(Line::raw(""));
        lines.extend(wrap(r.get(lang), w, "  ", "  ").into_iter().map(|l| Line::styled(l, t.dim())));
    }

    // A selected section: marked, and kept in view.
    if s.pane == Pane::Review
        && let Some(ReviewRow::Section(k)) = sel_row
        && let Some(&a) = sections.get(k)
    {
        let b = sections.get(k + 1).map_or(lines.len(), |&n| n - 1);
        let text = lines[a].spans.iter().map(|x| x.content.as_ref()).collect::<String>();
        lines[a] =
            Line::styled(truncate(&format!("› {text}"), w), t.title().add_modifier(Modifier::REVERSED));
        focus = Some((a, b));
    }

    // The review screen's own questions (the declaration).
    if q.screens[s.screen].kind == ScreenKind::Review {
        head(&mut lines, i18n::R_DECLARATION.get(lang));
        let offset = lines.len();
        let qb = build(c, s, w, t);
        lines.extend(qb.lines);
        if s.pane == Pane::Questions {
            focus = qb.focus.map(|(a, b)| (a + offset, b + offset));
            let cursor = qb.cursor.map(|(r, c)| (r + offset, c));
            return Built { lines, focus, cursor };
        }
    }
    Built { lines, focus, cursor: None }
}
