//! The paper route (issue 10, point 4): after a stop that sends the person to a paper application,
//! which application and why, the documents to gather in substance (SPEC §4.3: no file paths, no
//! upload), what differs for payment, and a printable paper-preparation summary (Markdown and HTML)
//! with the answers laid out by section, to copy onto the paper form.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::documents::export::{CSS, esc};
use crate::engine::eval::answer_label;
use crate::engine::text::colon;
use crate::engine::{Evaluation, Lang, Outcome, QType, Questionnaire, ScreenKind, Text};

/// Which paper application, and why (one line per stop that fired). The guide source in words
/// ("Guide: Step 1 — …"); the rule id and guide lines only with the agent's codes switch on.
pub fn which_application(q: &Questionnaire, ev: &Evaluation, lang: Lang, codes: bool) -> Vec<String> {
    let c = colon(lang);
    let mut v = vec![];
    for r in ev.stops(q) {
        let rule = &q.rules[r];
        let form = match rule.outcome {
            Outcome::StopWrongApplication => lang.pick(
                "Another application, not this proof of citizenship",
                "Une autre demande, pas cette preuve de citoyenneté",
            ),
            _ => lang.pick(
                "The paper Application for a Citizenship Certificate (proof of citizenship), with its Document \
                 Checklist (CIT 0014)",
                "La demande papier de certificat de citoyenneté (preuve de citoyenneté), avec sa liste de \
                 contrôle des documents (CIT 0014)",
            ),
        };
        let source = crate::session::journey::source_words(&rule.source, lang, codes);
        let source = if codes { format!("{source} [{}]", rule.id) } else { source };
        v.push(format!("{form}{c}{} — {} ({source})", rule.title.get(lang), rule.message.get(lang)));
    }
    v
}

/// The documents to gather, in substance: the online checklist's items as they apply on paper, then
/// the paper-only items (SPEC §4.3). (title, what it is) — never a file path.
pub fn documents(q: &Questionnaire, ev: &Evaluation, lang: Lang) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = ev
        .items
        .iter()
        .filter(|r| q.items[r.item].kind != crate::engine::ItemKind::Action)
        .map(|r| {
            let it = &q.items[r.item];
            (it.title.get(lang).to_string(), it.content.get(lang).to_string())
        })
        .collect();
    for r in &ev.paper_prep {
        let it = &q.items[r.item];
        if it.id == "PP-ALL-ONLINE-ITEMS" {
            continue;
        }
        v.push((it.title.get(lang).to_string(), it.content.get(lang).to_string()));
    }
    v
}

/// What differs for payment on paper.
pub fn payment(q: &Questionnaire, lang: Lang) -> String {
    let fee = q.fee.per_person_cad;
    match lang {
        Lang::En => format!(
            "The fee is the same (${fee} per person), but it is not paid in the online application: pay it as the \
             paper application's instructions say (IRCC's online fee payment), print the receipt and put it in \
             the envelope with the form. Fees are non-refundable once processing has begun."
        ),
        Lang::Fr => format!(
            "Les frais sont les mêmes ({fee} $ par personne), mais ils ne se paient pas dans la demande en ligne : \
             payez-les comme l’indiquent les instructions de la demande papier (paiement en ligne des frais \
             d’IRCC), imprimez le reçu et joignez-le au formulaire. Les frais ne sont pas remboursables une fois \
             le traitement commencé."
        ),
    }
}

/// One answer on the paper summary: question number, prompt, answer.
pub type Row = (String, String, String);

/// The answers by section (screen number and title; question number, prompt, answer), without the
/// file questions: what is copied onto the paper form.
pub fn answer_sections(q: &Questionnaire, ev: &Evaluation, lang: Lang) -> Vec<(String, Vec<Row>)> {
    let mut out = vec![];
    for sc in ev.visible_screens() {
        let s = &q.screens[sc];
        if s.kind != ScreenKind::Questions || s.item.is_some() {
            continue;
        }
        let rows: Vec<Row> = ev
            .visible_questions(q, sc)
            .filter(|&qi| !matches!(q.questions[qi].qtype, QType::Display | QType::File))
            .filter_map(|qi| {
                let v = ev.values[qi].as_ref()?;
                Some((
                    q.questions[qi].number.clone(),
                    ev.prompt(q, qi, lang).to_string(),
                    answer_label(q, qi, v, lang),
                ))
            })
            .collect();
        if !rows.is_empty() {
            out.push((format!("{} {}", s.number, s.title.get(lang)), rows));
        }
    }
    out
}

/// Text from answers without control or bidi-override characters (they would reach a terminal or
/// reorder the printed page).
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !c.is_control()
                && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
        })
        .collect()
}

fn heads(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => [
            "Paper-preparation summary",
            "Which paper application, and why",
            "Documents to gather",
            "Payment",
            "Your answers, to copy onto the paper form",
            "Citizenship Act section (indication only)",
        ],
        Lang::Fr => [
            "Résumé de préparation papier",
            "Quelle demande papier, et pourquoi",
            "Documents à réunir",
            "Paiement",
            "Vos réponses, à recopier sur le formulaire papier",
            "Article de la Loi sur la citoyenneté (indication seulement)",
        ],
    }
}

/// The paper-preparation summary in Markdown.
pub fn to_markdown(q: &Questionnaire, ev: &Evaluation, label: &str, lang: Lang) -> String {
    let h = heads(lang);
    let c = colon(lang);
    let md = |s: &str| clean(s).replace('<', "&lt;").replace('>', "&gt;");
    let mut o = format!("# {} — {}\n\n", h[0], md(label));
    if let Some(t) = q.text("paper_prep_intro") {
        o.push_str(&format!("{}\n\n", t.get(lang)));
    }
    o.push_str(&format!("## {}\n\n", h[1]));
    for l in which_application(q, ev, lang, false) {
        o.push_str(&format!("- {}\n", md(&l)));
    }
    o.push_str(&format!("\n## {}\n\n", h[2]));
    for (t, what) in documents(q, ev, lang) {
        o.push_str(&format!("- [ ] **{}**{c}{}\n", md(&t), md(&what)));
    }
    o.push_str(&format!("\n## {}\n\n{}\n", h[3], payment(q, lang)));
    if let Some(text) = ev.indication_text(q, lang) {
        o.push_str(&format!("\n## {}\n\n{}\n", h[5], md(&text)));
    }
    o.push_str(&format!("\n## {}\n", h[4]));
    for (title, rows) in answer_sections(q, ev, lang) {
        o.push_str(&format!("\n### {}\n\n", md(&title)));
        for (n, p, a) in rows {
            o.push_str(&format!("- {n} {}{c}**{}**\n", md(&p), md(&a)));
        }
    }
    o
}

/// The paper-preparation summary as one self-contained, printable HTML page.
pub fn to_html(q: &Questionnaire, ev: &Evaluation, label: &str, lang: Lang) -> String {
    let h = heads(lang);
    let e = |s: &str| esc(&clean(s));
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>{CSS}</style></head><body>\n",
        lang.code(),
        h[0],
        e(label)
    );
    o.push_str(&format!("<h1>{} — {}</h1>\n", h[0], e(label)));
    if let Some(t) = q.text("paper_prep_intro") {
        o.push_str(&format!("<p>{}</p>\n", e(t.get(lang))));
    }
    o.push_str(&format!("<h2>{}</h2>\n<ul>\n", h[1]));
    for l in which_application(q, ev, lang, false) {
        o.push_str(&format!("<li>{}</li>\n", e(&l)));
    }
    o.push_str(&format!("</ul>\n<h2>{}</h2>\n<ul>\n", h[2]));
    for (t, what) in documents(q, ev, lang) {
        o.push_str(&format!("<li>☐ <strong>{}</strong>{}{}</li>\n", e(&t), colon(lang), e(&what)));
    }
    o.push_str(&format!("</ul>\n<h2>{}</h2>\n<p>{}</p>\n", h[3], e(&payment(q, lang))));
    if let Some(text) = ev.indication_text(q, lang) {
        o.push_str(&format!("<h2>{}</h2>\n<p>{}</p>\n", h[5], e(&text)));
    }
    o.push_str(&format!("<h2>{}</h2>\n", h[4]));
    for (title, rows) in answer_sections(q, ev, lang) {
        o.push_str(&format!("<h3>{}</h3>\n<table><col class=\"n\"><col><col>\n", e(&title)));
        for (n, p, a) in rows {
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td><strong>{}</strong></td></tr>\n",
                e(&n),
                e(&p),
                e(&a)
            ));
        }
        o.push_str("</table>\n");
    }
    o.push_str("</body></html>\n");
    o
}

/// Writes `<stem>.md` and `<stem>.html` (0600) into `dir`; the files written, or why not.
pub fn write_summary(
    q: &Questionnaire,
    ev: &Evaluation,
    label: &str,
    dir: &Path,
    stem: &str,
    lang: Lang,
) -> Result<Vec<PathBuf>, Text> {
    let mut written = vec![];
    for (ext, text) in [("md", to_markdown(q, ev, label, lang)), ("html", to_html(q, ev, label, lang))] {
        let p = dir.join(format!("{stem}.{ext}"));
        let name = p.display().to_string();
        let fail = |e: std::io::Error| {
            let r = crate::drafts::io_reason(&e);
            Text::new(
                format!("{name}: cannot write: {}; check the folder exists and is writable", r.en),
                format!(
                    "{name} : impossible d'écrire : {} ; vérifiez que le dossier existe et que vous pouvez y écrire",
                    r.fr
                ),
            )
        };
        let mut f = crate::drafts::fsutil::create_private(&p).map_err(fail)?;
        f.write_all(text.as_bytes()).and_then(|_| f.sync_all()).map_err(fail)?;
        written.push(p);
    }
    Ok(written)
}

/// The paper route as lines for a screen or plain mode: which application and why, the documents
/// in substance, payment, and how to get the printable summary. Codes only when `codes` (F12,
/// plain `codes`) is on.
pub fn screen_lines(q: &Questionnaire, ev: &Evaluation, lang: Lang, codes: bool) -> Vec<String> {
    let h = heads(lang);
    let c = colon(lang);
    let mut v = vec![format!("{}{}", h[1], c.trim_end())];
    v.extend(which_application(q, ev, lang, codes).into_iter().map(|l| format!("- {l}")));
    v.push(format!("{}{}", h[2], c.trim_end()));
    v.extend(documents(q, ev, lang).into_iter().map(|(t, what)| format!("- {t}{c}{what}")));
    v.push(format!("{}{}", h[3], c.trim_end()));
    v.push(payment(q, lang));
    v
}
