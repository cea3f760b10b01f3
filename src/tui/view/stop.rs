//! A stop or caution met on leaving a screen: what it means, the guide's words, and the ways on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Theme, popup};
use crate::engine::{Lang, Outcome};
use crate::tui::app::{App, StopView};

pub fn render(app: &App, v: &StopView, area: Rect, buf: &mut Buffer, t: Theme) {
    let q = app.q;
    let lang = app.lang;
    let fr = lang == Lang::Fr;
    let mut lines: Vec<Line> = vec![];
    for &r in &v.rules {
        let rule = &q.rules[r];
        let (m, st) = if rule.outcome == Outcome::Caution { ("⚠", t.warn()) } else { ("✗", t.error()) };
        lines.push(Line::styled(format!("{m} {} — {}", rule.title.get(lang), rule.outcome.code()), st));
        lines.push(Line::raw(rule.message.get(lang).to_string()));
        if let Some(quote) = rule.quote.as_ref().filter(|x| !x.get(lang).is_empty()) {
            lines.push(Line::styled(format!("  {} ({})", quote.get(lang), rule.source), t.dim()));
        }
        if let Some(info) = &rule.info {
            lines.push(Line::raw(info.get(lang).to_string()));
        }
        lines.push(Line::raw(""));
    }
    let choices: Vec<&str> = if v.caution {
        if fr {
            vec!["u  Je comprends, continuer", "c  modifier la réponse", "q  quitter (brouillon enregistré)"]
        } else {
            vec!["u  I understand, go on", "c  change the answer", "q  quit (the draft is saved)"]
        }
    } else {
        let mut c = vec![if fr { "c  modifier la réponse" } else { "c  change the answer" }];
        if v.paper_ok {
            c.push(if fr {
                "p  continuer en mode préparation papier (remplir le formulaire papier)"
            } else {
                "p  continue in paper-preparation mode (prepare the paper form)"
            });
        }
        c.push(if fr { "q  quitter (brouillon enregistré)" } else { "q  quit (the draft is saved)" });
        c
    };
    for c in choices {
        lines.push(Line::styled(c.to_string(), t.focus()));
    }
    let title = match (v.caution, fr) {
        (true, false) => "Caution",
        (true, true) => "Mise en garde",
        (false, false) => "You cannot go on online",
        (false, true) => "Impossible de continuer en ligne",
    };
    popup(title, lines, 78, area, buf, t);
}
