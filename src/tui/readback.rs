//! "Read back": answers as full sentences a support agent can read to a caller.
//! "4.4 Date of birth: 12 April 1990." / « 4.4 Date de naissance : 12 avril 1990. »

use super::i18n;
use crate::engine::answers::{MONTHS_EN, MONTHS_FR};
use crate::engine::eval::answer_label;
use crate::engine::{AnswerValue, Evaluation, Lang, QType, Questionnaire};
use crate::fill;
use crate::words::Template;

/// "1990-04-12" → "12 April 1990" / "12 avril 1990" ("1er" for the first in French);
/// "1990-04" → "April 1990". Anything else is returned as it is.
pub fn spoken_date(s: &str, lang: Lang) -> String {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<u32>().ok();
    let month = |m: u32| match lang {
        Lang::En => MONTHS_EN.get(m.wrapping_sub(1) as usize).copied(),
        Lang::Fr => MONTHS_FR.get(m.wrapping_sub(1) as usize).copied(),
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (num(y), num(m).and_then(month), num(d)) {
            (Some(y), Some(m), Some(d)) if (1..=31).contains(&d) => {
                // French says the first of the month as an ordinal: « 1er août 2001 ».
                const FIRST: Template =
                    Template::new(&["month", "year"], "1 {month} {year}", "1er {month} {year}");
                const DAY: Template =
                    Template::new(&["day", "month", "year"], "{day} {month} {year}", "{day} {month} {year}");
                if d == 1 {
                    fill!(FIRST, lang, month = m, year = y)
                } else {
                    fill!(DAY, lang, day = d, month = m, year = y)
                }
            }
            _ => s.to_string(),
        },
        [y, m] if y.len() == 4 => match (num(y), num(m).and_then(month)) {
            (Some(y), Some(m)) => format!("{m} {y}"),
            _ => s.to_string(),
        },
        _ => s.to_string(),
    }
}

/// "A", "A and B", "A, B and C" (French: « et »).
pub fn spoken_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::En => " and ",
        Lang::Fr => " et ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// One answer as words: choices by their label, dates spelled out, lists joined, NA and UNKNOWN
/// as "Not Applicable" and "Unknown".
pub fn spoken_answer(q: &Questionnaire, qi: usize, v: &AnswerValue, lang: Lang) -> String {
    let question = &q.questions[qi];
    let is_date = matches!(question.qtype, QType::Date | QType::PDate);
    let one = |s: &str| {
        let label = answer_label(q, qi, &AnswerValue::Text(s.to_string()), lang);
        if is_date && label == s { spoken_date(s, lang) } else { label }
    };
    match v {
        AnswerValue::List(items) => {
            let words: Vec<String> = items.iter().map(|s| one(s)).collect();
            spoken_list(&words, lang)
        }
        AnswerValue::Text(s) => one(s),
    }
}

/// The sentence for one question: its number, prompt and answer (or "no answer yet").
/// `raw` is the stored answer, used when it is not valid and so has no effective value.
pub fn sentence(
    q: &Questionnaire,
    ev: &Evaluation,
    qi: usize,
    raw: Option<&AnswerValue>,
    lang: Lang,
) -> String {
    let question = &q.questions[qi];
    let prompt = ev.prompt(q, qi, lang).trim().trim_end_matches([':', '.']).trim_end();
    let answer = match (ev.values[qi].as_ref(), raw) {
        (Some(v), _) => spoken_answer(q, qi, v, lang),
        (None, Some(v)) => v.display(),
        (None, None) => i18n::NO_ANSWER_YET.get(lang).to_string(),
    };
    let question_mark = prompt.ends_with('?');
    let sep = match (question_mark, lang) {
        (true, _) => " ",
        (false, Lang::En) => ": ",
        (false, Lang::Fr) => " : ",
    };
    // After a question mark the answer starts a new sentence.
    let answer = if question_mark { capitalised(&answer) } else { answer };
    let end = if answer.ends_with(['.', '?', '!']) { "" } else { "." };
    format!("{} {prompt}{sep}{answer}{end}", question.number)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_spelled_out_in_both_languages() {
        assert_eq!(spoken_date("1990-04-12", Lang::En), "12 April 1990");
        assert_eq!(spoken_date("1990-04-12", Lang::Fr), "12 avril 1990");
        assert_eq!(spoken_date("2001-08-01", Lang::Fr), "1er août 2001");
        assert_eq!(spoken_date("2001-08-01", Lang::En), "1 August 2001");
        assert_eq!(spoken_date("1985-12", Lang::En), "December 1985");
        assert_eq!(spoken_date("1985-12", Lang::Fr), "décembre 1985");
        assert_eq!(spoken_date("12/04/1990", Lang::En), "12/04/1990");
        assert_eq!(spoken_date("1990-13-01", Lang::En), "1990-13-01");
    }

    #[test]
    fn lists_are_joined_with_and_or_et() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(spoken_list(&v(&["Ann"]), Lang::En), "Ann");
        assert_eq!(spoken_list(&v(&["Ann", "Bo"]), Lang::En), "Ann and Bo");
        assert_eq!(spoken_list(&v(&["Ann", "Bo", "Cy"]), Lang::Fr), "Ann, Bo et Cy");
    }
}
