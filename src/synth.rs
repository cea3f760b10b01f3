//! A synthetic questionnaire generator for benchmarks and for comparing engines on the same form:
//! N yes/no questions, 20 to a screen, each shown only if the one before was answered "yes"
//! (a chain as long as the form), one checklist item per 10 questions, one rule per 100.

use serde_json::{Value, json};

use crate::engine::Answers;

/// The questionnaire as JSON (format 1).
pub fn questionnaire(n: usize) -> Value {
    let t = |s: String| json!({"en": s, "fr": format!("(fr) {s}")});
    let id = |i: usize| format!("g.q{i}");
    let mut screens = vec![];
    for (s, chunk) in (0..n).collect::<Vec<_>>().chunks(20).enumerate() {
        let questions: Vec<Value> = chunk
            .iter()
            .map(|&i| {
                let mut q = json!({
                    "id": id(i), "type": "yesno", "mandatory": true,
                    "prompt": t(format!("Question {i}?")), "help": t(format!("Help {i}")), "source": "synthetic",
                });
                if i > 0 {
                    q["show_if"] = json!({"q": id(i - 1), "eq": "yes"});
                }
                q
            })
            .collect();
        screens.push(json!({"id": format!("S{}", s + 1), "number": s + 1, "title": t(format!("Screen {}", s + 1)), "questions": questions}));
    }
    let checklist: Vec<Value> = (0..n / 10)
        .map(|k| {
            let a = k * 10;
            json!({
                "id": format!("CL-{k}"), "kind": "ANSWER", "required": true,
                "when": {"all": [{"q": id(a), "eq": "yes"}, {"q": id(a + 9), "answered": true}]},
                "complete_when": {"q": id(a + 5), "eq": "yes"},
                "title": t(format!("Item {k}")), "content": t("c".into()), "source": "synthetic", "reason": t(format!("Item {k}")),
            })
        })
        .collect();
    let rules: Vec<Value> = (0..n.div_ceil(100))
        .map(|k| {
            json!({
                "id": format!("CA-{k}"), "outcome": "CAUTION",
                "when": {"any": [{"q": id(k * 100), "eq": "no"}, {"item": format!("CL-{}", k * 10)}]},
                "title": t(format!("Rule {k}")), "message": t("m".into()), "source": "synthetic",
            })
        })
        .collect();
    json!({
        "format": 1, "id": "SYNTH", "version": n.to_string(), "title": t(format!("Synthetic {n}")),
        "screens": screens, "rules": rules, "checks": [], "checklist": checklist, "paper_prep": [],
        "indications": [{"id": "I-1", "kind": "row", "when": {"q": id(0), "eq": "yes"}, "text": t("row".into())}],
        "offices": [], "countries": [], "provinces": [],
        "fee": {"per_person_cad": 75, "methods": []},
    })
}

/// Answers "yes" to every question, so the whole chain is visible.
pub fn all_yes(n: usize) -> Answers {
    let mut a = Answers::default();
    for i in 0..n {
        a.set_text(format!("g.q{i}"), "yes");
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Context, evaluate, load_str};

    #[test]
    fn synthetic_questionnaires_load_and_evaluate() {
        let q = load_str(&questionnaire(250).to_string()).unwrap();
        assert_eq!(q.questions.len(), 250);
        let today = crate::clock::parse_date("2025-06-01").unwrap();
        let ev = evaluate(&q, &all_yes(250), Context { today, started: None });
        assert!(ev.visible.iter().all(|v| *v));
        assert_eq!(ev.items.len(), 25);
        let mut half = all_yes(250);
        half.set_text("g.q100", "no");
        let ev = evaluate(&q, &half, Context { today, started: None });
        assert_eq!(ev.visible.iter().filter(|v| **v).count(), 101, "the chain stops after a no");
    }
}
