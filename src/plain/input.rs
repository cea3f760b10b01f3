//! Turning a typed line into a raw answer: option numbers, codes and name prefixes for picks,
//! commas for lists. The engine's `normalise` then validates the result.

use crate::engine::answers::{is_na_token, is_unknown_token};
use crate::engine::{AnswerValue, Lang, Place, QType, Question, Questionnaire};

use super::strings as s;
use crate::engine::text::fold;

/// What a command word means, in either language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmd {
    Help,
    Back,
    Save,
    Quit,
    Skip,
    Checklist,
    Review,
    /// The draft's history (issue 13).
    History,
    /// Internal codes on or off, for an agent quoting a ticket.
    Codes,
}

/// A command word (English or French), or None for an answer. `\word` is always an answer.
pub fn command(line: &str) -> Option<Cmd> {
    Some(match line.trim().to_lowercase().as_str() {
        "?" | "help" | "aide" => Cmd::Help,
        "back" | "retour" => Cmd::Back,
        "save" | "enregistrer" => Cmd::Save,
        "quit" | "exit" | "quitter" => Cmd::Quit,
        "skip" | "passer" => Cmd::Skip,
        "checklist" | "liste" => Cmd::Checklist,
        "review" | "revue" => Cmd::Review,
        "history" | "historique" => Cmd::History,
        "codes" => Cmd::Codes,
        _ => return None,
    })
}

/// The key a person types for option `k`: its number, or its id when the ids are numbers
/// themselves (so "1" never means two things).
pub fn option_key(question: &Question, k: usize) -> String {
    if numeric_ids(question) { question.options[k].id.clone() } else { (k + 1).to_string() }
}

fn numeric_ids(question: &Question) -> bool {
    question.options.iter().any(|o| o.id.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// The raw answer for a typed line, or a message (ambiguous name prefix).
pub fn raw_answer(
    q: &Questionnaire,
    question: &Question,
    line: &str,
    lang: Lang,
) -> Result<AnswerValue, String> {
    let t = line.trim();
    if question.qtype == QType::List {
        let items = t.split([',', ';']).map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect();
        return Ok(AnswerValue::List(items));
    }
    let text = |v: &str| Ok(AnswerValue::Text(v.to_string()));
    if (question.na && is_na_token(t)) || (question.unknown && is_unknown_token(t)) {
        return text(t);
    }
    let lower = t.to_lowercase();
    match question.qtype {
        QType::YesNo | QType::Choice => {
            if question.options.iter().any(|o| o.id == t) {
                return text(t);
            }
            if let Some(k) = (0..question.options.len()).find(|&k| option_key(question, k) == t) {
                return text(&question.options[k].id);
            }
            let by_label = question
                .options
                .iter()
                .find(|o| o.label.en.to_lowercase() == lower || o.label.fr.to_lowercase() == lower);
            let alias = question.qtype == QType::YesNo
                && matches!(lower.as_str(), "y" | "n" | "o" | "oui" | "non" | "yes" | "no");
            match by_label {
                Some(o) => text(&o.id),
                // Ids in any case and yes/no aliases: the engine normalises them.
                None if alias || question.options.iter().any(|o| o.id.eq_ignore_ascii_case(t)) => text(t),
                None => Err(crate::fill!(s::NOT_A_CHOICE, lang, typed = t, last = question.options.len())),
            }
        }
        QType::Country => pick_place(&q.countries, t, lang, |c| q.country(c).is_some()),
        QType::Province => {
            if let Ok(n) = t.parse::<usize>()
                && (1..=q.provinces.len()).contains(&n)
            {
                return text(&q.provinces[n - 1].code);
            }
            let prefixed = format!("CA-{}", t.to_uppercase());
            if t.len() == 2 && q.province(&prefixed).is_some() {
                return text(&prefixed);
            }
            pick_place(&q.provinces, t, lang, |c| q.province(c).is_some())
        }
        QType::Issuer => {
            let up = t.to_uppercase();
            if up == "CA" || q.province(&up).is_some() || q.country(&up).is_some() {
                return text(&up);
            }
            let prefixed = format!("CA-{up}");
            if t.len() == 2 && q.province(&prefixed).is_some() {
                return text(&prefixed);
            }
            let all: Vec<Place> = q.provinces.iter().chain(q.countries.iter()).cloned().collect();
            pick_place(&all, t, lang, |_| false)
        }
        QType::Office => {
            if let Ok(n) = t.parse::<usize>()
                && (1..=q.offices.len()).contains(&n)
            {
                return text(&q.offices[n - 1].id);
            }
            if q.office(&lower).is_some() {
                return text(&lower);
            }
            let places: Vec<Place> =
                q.offices.iter().map(|o| Place { code: o.id.clone(), name: o.name.clone() }).collect();
            pick_place(&places, t, lang, |_| false)
        }
        _ => text(t),
    }
}

/// A code as typed, else the one place whose name is the text or starts with it (either
/// language; an exact name wins over prefixes). Several → the candidates, by name.
fn pick_place(
    places: &[Place],
    t: &str,
    lang: Lang,
    is_code: impl Fn(&str) -> bool,
) -> Result<AnswerValue, String> {
    if is_code(t) || is_code(&t.to_uppercase()) {
        return Ok(AnswerValue::Text(t.to_string()));
    }
    let lower = fold(t.trim());
    if lower.is_empty() {
        return Ok(AnswerValue::Text(t.to_string()));
    }
    let names = |p: &Place| [fold(&p.name.en), fold(&p.name.fr)];
    if let Some(p) = places.iter().find(|p| names(p).contains(&lower)) {
        return Ok(AnswerValue::Text(p.code.clone()));
    }
    let hits: Vec<&Place> =
        places.iter().filter(|p| names(p).iter().any(|n| n.starts_with(&lower))).collect();
    match hits.len() {
        0 => Ok(AnswerValue::Text(t.to_string())),
        1 => Ok(AnswerValue::Text(hits[0].code.clone())),
        n => {
            let list: Vec<String> =
                hits.iter().take(20).map(|p| format!("{} ({})", p.name.get(lang), p.code)).collect();
            let more = if n > 20 { format!(" … (+{})", n - 20) } else { String::new() };
            Err(crate::fill!(s::AMBIGUOUS, lang, typed = t, list = list.join("; "), more = more))
        }
    }
}
