//! `citcert check` output: the CONTRACT §4 JSON object, and a text form for people.

use serde_json::{Value, json};

use crate::engine::eval::{Blocker, ItemResult, question_title};
use crate::engine::text::colon;
use crate::engine::{Evaluation, Lang, Outcome, Questionnaire, Severity};
use crate::fill;
use crate::words::{Fixed, Template};

/// The CONTRACT §4 object (further keys: warnings, set_aside, blockers).
pub fn check_json(q: &Questionnaire, ev: &Evaluation, lang: Lang) -> Value {
    let mut rules: Vec<&str> = ev.fired.iter().map(|&r| q.rules[r].id.as_str()).collect();
    rules.sort_unstable();
    let indication = match (&ev.indication, ev.indication_text(q, lang)) {
        (Some((row, adds)), Some(text)) => json!({
            "id": q.indications[*row].id,
            "text": text,
            "addenda": adds.iter().map(|&a| q.indications[a].id.clone()).collect::<Vec<_>>(),
        }),
        _ => Value::Null,
    };
    let item = |r: &ItemResult| {
        let it = &q.items[r.item];
        json!({
            "id": it.id,
            "kind": it.kind.code(),
            "required": r.required,
            "title": it.title.get(lang),
            "reason": ev.reason_text(q, r, lang),
            "status": r.status.code(),
        })
    };
    let checklist: Vec<Value> =
        if ev.outcome == Outcome::OnlineOk { ev.items.iter().map(item).collect() } else { vec![] };
    let paper_prep: Vec<Value> = ev.paper_prep.iter().map(item).collect();
    let problems = |sev: Severity| -> Vec<Value> {
        ev.problems
            .iter()
            .filter(|p| p.severity == sev)
            .map(|p| json!({"id": q.questions[p.question].id, "message": p.message.get(lang)}))
            .collect()
    };
    json!({
        "outcome": ev.outcome.code(),
        "rules": rules,
        "indication": indication,
        "checklist": checklist,
        "paper_prep": paper_prep,
        "missing_answers": ev.missing.iter().map(|&qi| q.questions[qi].id.clone()).collect::<Vec<_>>(),
        "invalid_answers": problems(Severity::Error),
        "ready": ev.ready,
        "fee_cad": q.fee.per_person_cad,
        "warnings": problems(Severity::Warning),
        "set_aside": ev.set_aside.iter().map(|&qi| q.questions[qi].id.clone()).collect::<Vec<_>>(),
        "blockers": ev.blockers.iter().map(|b| blocker_text(q, ev, b, lang)).collect::<Vec<_>>(),
    })
}

/// One reason the application cannot be submitted yet, in words.
pub fn blocker_text(q: &Questionnaire, ev: &Evaluation, b: &Blocker, lang: Lang) -> String {
    match b {
        Blocker::Rule(r) => {
            let c = colon(lang);
            format!("{} {}{c}{}", q.rules[*r].id, q.rules[*r].title.get(lang), q.rules[*r].message.get(lang))
        }
        Blocker::Invalid(qi) => {
            const TO_CORRECT: Template = Template::new(
                &["number", "title", "message"],
                "Answer to correct {number} ({title}): {message}",
                "Réponse à corriger {number} ({title}) : {message}",
            );
            let msg = ev
                .problems_for(*qi)
                .find(|p| p.severity == Severity::Error)
                .map(|p| p.message.get(lang).to_string());
            let (number, title) = (&q.questions[*qi].number, question_title(q, *qi, lang));
            fill!(TO_CORRECT, lang, number = number, title = title, message = msg.unwrap_or_default())
        }
        Blocker::Missing(qi) => {
            const MISSING: Template = Template::new(
                &["number", "title"],
                "Missing answer {number} ({title})",
                "Réponse manquante {number} ({title})",
            );
            fill!(MISSING, lang, number = q.questions[*qi].number, title = question_title(q, *qi, lang))
        }
        Blocker::Item(i) => {
            const ITEM: Template = Template::new(
                &["id", "title"],
                "Missing document or action: {id} {title}",
                "Document ou action manquant : {id} {title}",
            );
            fill!(ITEM, lang, id = q.items[*i].id, title = q.items[*i].title.get(lang))
        }
    }
}

/// A blocker in words, for people (the TUI's review, the exported summary): a rule by its title and
/// message, a document by its title. The rule and item ids only with the agent's codes on; `check`
/// and the package refusal keep them ([`blocker_text`]: `citcert attach` takes the item's id).
pub fn blocker_words(q: &Questionnaire, ev: &Evaluation, b: &Blocker, lang: Lang, codes: bool) -> String {
    match b {
        _ if codes => blocker_text(q, ev, b, lang),
        Blocker::Rule(r) => {
            let rule = &q.rules[*r];
            format!("{}{}{}", rule.title.get(lang), colon(lang), rule.message.get(lang))
        }
        Blocker::Item(i) => {
            const ITEM: Template = Template::new(
                &["title"],
                "Missing document or action: {title}",
                "Document ou action manquant : {title}",
            );
            fill!(ITEM, lang, title = q.items[*i].title.get(lang))
        }
        Blocker::Missing(_) | Blocker::Invalid(_) => blocker_text(q, ev, b, lang),
    }
}

/// The text form of `check`, for people. "Ready to submit: yes" needs the answers gate *and* every
/// file named in the answers checked and unchanged (`rd`); statuses are the ones true now.
pub fn check_text(
    q: &Questionnaire,
    ev: &Evaluation,
    rd: &crate::documents::readiness::Readiness,
    lang: Lang,
) -> String {
    let fr = lang == Lang::Fr;
    let t = |en: &'static str, f: &'static str| if fr { f } else { en };
    // ": " in English, " : " in French; `head` ends a heading line.
    let c = colon(lang);
    let head = c.trim_end();
    let mut out = String::new();
    let outcome_words = match ev.outcome {
        Outcome::OnlineOk => {
            t("you can use the online application", "vous pouvez utiliser la demande en ligne")
        }
        Outcome::StopPaper => {
            t("you must submit a paper application", "vous devez présenter une demande papier")
        }
        Outcome::StopWrongApplication => {
            t("this is not the right application", "ce n’est pas la bonne demande")
        }
        Outcome::StopDoNotApply => t("do not apply online", "ne présentez pas de demande en ligne"),
        _ => "",
    };
    const OUTCOME: Template =
        Template::new(&["code", "words"], "Outcome: {code} — {words}\n", "Résultat : {code} — {words}\n");
    out.push_str(&fill!(OUTCOME, lang, code = ev.outcome.code(), words = outcome_words));
    for &r in &ev.fired {
        let rule = &q.rules[r];
        out.push_str(&format!(
            "  {} [{}] {}\n    {}\n",
            rule.id,
            rule.outcome.code(),
            rule.title.get(lang),
            rule.message.get(lang)
        ));
    }
    out.push('\n');
    match ev.indication_text(q, lang) {
        Some(text) => {
            let label = q.text("indication_label").map(|l| l.get(lang).to_string()).unwrap_or_default();
            let id = ev.indication.as_ref().map(|(r, _)| q.indications[*r].id.as_str()).unwrap_or("");
            const INDICATION: Template = Template::new(
                &["id", "text", "label"],
                "Act indication ({id}): {text}\n  {label}\n\n",
                "Indication de la Loi ({id}) : {text}\n  {label}\n\n",
            );
            out.push_str(&fill!(INDICATION, lang, id = id, text = text, label = label));
        }
        None => out.push_str(&format!(
            "{}\n\n",
            t("Act indication: none computed.", "Indication de la Loi : aucune.")
        )),
    }
    let list = |title: &str, items: &[ItemResult], out: &mut String| {
        out.push_str(&format!("{title}{head}\n"));
        if items.is_empty() {
            out.push_str(&format!("  {}\n", t("(none)", "(aucun)")));
        }
        for r in items {
            let it = &q.items[r.item];
            let req = if r.required { t("required", "obligatoire") } else { t("optional", "facultatif") };
            let status = rd
                .items
                .iter()
                .find(|i| i.id == it.id)
                .map_or(r.status.label(lang), |i| i.shown_status(lang));
            out.push_str(&format!(
                "  [{}] {} {} ({req})\n      {}\n",
                status,
                it.id,
                it.title.get(lang),
                ev.reason_text(q, r, lang)
            ));
        }
    };
    if ev.outcome == Outcome::OnlineOk {
        list(t("Checklist", "Liste de contrôle"), &ev.items, &mut out);
    } else if ev.outcome == Outcome::StopPaper {
        list(
            t("Paper application: what to prepare", "Demande papier : ce qu’il faut préparer"),
            &ev.paper_prep,
            &mut out,
        );
    }
    if !ev.missing.is_empty() {
        out.push_str(&format!("\n{}{head}\n", t("Missing answers", "Réponses manquantes")));
        for &qi in &ev.missing {
            out.push_str(&format!(
                "  {} {} ({})\n",
                q.questions[qi].number,
                q.questions[qi].id,
                question_title(q, qi, lang)
            ));
        }
    }
    for (sev, title) in [
        (Severity::Error, t("Answers to correct", "Réponses à corriger")),
        (Severity::Warning, t("Warnings", "Avertissements")),
    ] {
        let ps: Vec<_> = ev.problems.iter().filter(|p| p.severity == sev).collect();
        if !ps.is_empty() {
            out.push_str(&format!("\n{title}{head}\n"));
            for p in ps {
                out.push_str(&format!(
                    "  {} {}{c}{}\n",
                    q.questions[p.question].number,
                    q.questions[p.question].id,
                    p.message.get(lang)
                ));
            }
        }
    }
    if !ev.set_aside.is_empty() {
        out.push_str(&format!(
            "\n{}{head}\n",
            t(
                "Answers set aside (questions no longer shown)",
                "Réponses mises de côté (questions plus affichées)"
            )
        ));
        for &qi in &ev.set_aside {
            out.push_str(&format!("  {}\n", q.questions[qi].id));
        }
    }
    const READY: Fixed = Fixed::new("\nReady to submit: yes\n", "\nPrête à soumettre : oui\n");
    const NOT_READY: Fixed = Fixed::new("\nReady to submit: no\n", "\nPrête à soumettre : non\n");
    const MORE: Template = Template::new(&["n"], "  … {n} more\n", "  … {n} de plus\n");
    const FEE: Template = Template::new(&["cad"], "Fee: CAD {cad}\n", "Frais : CAD {cad}\n");
    let ready = rd.ready(ev);
    out.push_str(if ready { READY } else { NOT_READY }.get(lang));
    if !ready && ev.outcome == Outcome::OnlineOk {
        let mut reasons: Vec<String> = ev.blockers.iter().map(|b| blocker_text(q, ev, b, lang)).collect();
        reasons.extend(file_problems(rd, lang));
        for r in reasons.iter().take(12) {
            out.push_str(&format!("  - {r}\n"));
        }
        if reasons.len() > 12 {
            out.push_str(&fill!(MORE, lang, n = reasons.len() - 12));
        }
    }
    out.push_str(&fill!(FEE, lang, cad = q.fee.per_person_cad));
    out
}

/// What keeps the files from being ready, one line per item: never checked, changed, missing,
/// unreadable, or the same file as another item.
pub fn file_problems(rd: &crate::documents::readiness::Readiness, lang: Lang) -> Vec<String> {
    rd.items
        .iter()
        .filter(|i| {
            i.file_not_checked
                || i.same_file_as.is_some()
                || i.file.as_ref().is_some_and(|f| f.state != "unchanged")
        })
        .filter_map(|i| Some(format!("{} {}{}{}", i.id, i.title, colon(lang), i.problem.as_ref()?)))
        .collect()
}

/// Adds `readiness` (each checklist item: id, status, required, problem), `files_ok` and
/// `files_distinct` to the
/// CONTRACT §4 object (added keys only).
pub fn add_readiness_json(v: &mut Value, rd: &crate::documents::readiness::Readiness) {
    if let Value::Object(m) = v {
        m.insert("readiness".into(), serde_json::to_value(&rd.items).unwrap_or(Value::Null));
        m.insert("files_ok".into(), Value::Bool(rd.files_ok));
        m.insert("files_distinct".into(), Value::Bool(rd.files_distinct));
    }
}

/// Readiness item by item, for people.
pub fn readiness_text(rd: &crate::documents::readiness::Readiness, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    if rd.items.is_empty() {
        return out;
    }
    out.push_str(if fr { "\nÉtat de chaque élément :\n" } else { "\nReadiness, item by item:\n" });
    for i in &rd.items {
        let mark = if i.problem.is_none() {
            "ok"
        } else if i.required {
            "!!"
        } else {
            "--"
        };
        out.push_str(&format!("  {mark} {} [{}] {}\n", i.id, i.shown_status(lang), i.title));
        if let Some(f) = &i.file {
            const FILE: Template = Template::new(
                &["name", "ftype", "size", "sha", "state"],
                "       {name} ({ftype}, {size} bytes) sha256 {sha} — {state}\n",
                "       {name} ({ftype}, {size} octets) sha256 {sha} — {state}\n",
            );
            let state = match (fr, f.state) {
                (true, "unchanged") => "inchangé",
                (true, "changed") => "modifié",
                (true, "missing") => "manquant",
                (true, "unreadable") => "illisible",
                (_, state) => state,
            };
            let (name, ftype, size, sha) = (&f.name, &f.file_type, f.size, &f.sha256);
            out.push_str(&fill!(
                FILE,
                lang,
                name = name,
                ftype = ftype,
                size = size,
                sha = sha,
                state = state
            ));
        }

        if let Some(p) = &i.problem {
            out.push_str(&format!("       {p}\n"));
        }
    }
    if !rd.files_distinct {
        out.push_str(if fr {
            "  Un même fichier est joint à deux éléments : chaque élément demande son propre document.\n"
        } else {
            "  The same file is attached to two items: each item needs its own document.\n"
        });
    }
    if !rd.files_ok {
        out.push_str(if fr {
            "  Des fichiers nommés dans les réponses n'ont pas été vérifiés, ou ont changé ou disparu depuis : \
             donnez-les de nouveau.\n"
        } else {
            "  Some files named in the answers were not checked, or changed or vanished since they were checked: \
             give them again.\n"
        });
    }
    out
}
