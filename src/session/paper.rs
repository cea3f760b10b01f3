//! The paper route (issue 10, point 4): after a stop that sends the person to a paper application,
//! which application and why, the documents to gather in substance (SPEC §4.3: no file paths, no
//! upload), what differs for payment, and a printable paper-preparation summary (Markdown and HTML)
//! with the answers laid out by section, to copy onto the paper form.

use std::path::{Path, PathBuf};

use crate::documents::export::{self, Block, Span, Summary};
use crate::engine::eval::answer_label;
use crate::engine::text::colon;
use crate::engine::{Evaluation, Lang, Outcome, QType, Questionnaire, ScreenKind, Text};
use crate::fill;

/// The paper route's own words (the questionnaire's come from questionnaire.json).
mod w {
    use crate::words::{Fixed, Template};

    pub const OTHER_APPLICATION: Fixed = Fixed::new(
        "Another application, not this proof of citizenship",
        "Une autre demande, pas cette preuve de citoyenneté",
    );
    pub const PAPER_APPLICATION: Fixed = Fixed::new(
        "The paper Application for a Citizenship Certificate (proof of citizenship), with its Document \
         Checklist (CIT 0014)",
        "La demande papier de certificat de citoyenneté (preuve de citoyenneté), avec sa liste de \
         contrôle des documents (CIT 0014)",
    );
    /// One stop: the application it sends to, the stop's title and message, its guide source.
    pub const WHICH: Template = Template::new(
        &["form", "title", "message", "source"],
        "{form}: {title} — {message} ({source})",
        "{form} : {title} — {message} ({source})",
    );
    pub const PAYMENT: Template = Template::new(
        &["fee"],
        "The fee is the same (${fee} per person), but it is not paid in the online application: pay it as the \
         paper application's instructions say (IRCC's online fee payment), print the receipt and put it in \
         the envelope with the form. Fees are non-refundable once processing has begun.",
        "Les frais sont les mêmes ({fee} $ par personne), mais ils ne se paient pas dans la demande en ligne : \
         payez-les comme l’indiquent les instructions de la demande papier (paiement en ligne des frais \
         d’IRCC), imprimez le reçu et joignez-le au formulaire. Les frais ne sont pas remboursables une fois \
         le traitement commencé.",
    );
    /// The summary's title, with the draft's name.
    pub const TITLE: Template = Template::new(
        &["label"],
        "Paper-preparation summary — {label}",
        "Résumé de préparation papier — {label}",
    );
    pub const WHICH_HEAD: Fixed =
        Fixed::new("Which paper application, and why", "Quelle demande papier, et pourquoi");
    pub const DOCUMENTS_HEAD: Fixed = Fixed::new("Documents to gather", "Documents à réunir");
    pub const PAYMENT_HEAD: Fixed = Fixed::new("Payment", "Paiement");
    pub const ANSWERS_HEAD: Fixed = Fixed::new(
        "Your answers, to copy onto the paper form",
        "Vos réponses, à recopier sur le formulaire papier",
    );
    pub const INDICATION_HEAD: Fixed = Fixed::new(
        "Citizenship Act section (indication only)",
        "Article de la Loi sur la citoyenneté (indication seulement)",
    );
}

/// Which paper application, and why (one line per stop that fired). The guide source in words
/// ("Guide: Step 1 — …"); the rule id and guide lines only with the agent's codes switch on.
pub fn which_application(q: &Questionnaire, ev: &Evaluation, lang: Lang, codes: bool) -> Vec<String> {
    let mut v = vec![];
    for r in ev.stops(q) {
        let rule = &q.rules[r];
        let form = match rule.outcome {
            Outcome::StopWrongApplication => w::OTHER_APPLICATION,
            _ => w::PAPER_APPLICATION,
        };
        let source = crate::session::journey::source_words(&rule.source, lang, codes);
        let source = if codes { format!("{source} [{}]", rule.id) } else { source };
        v.push(fill!(
            w::WHICH,
            lang,
            form = form.get(lang),
            title = rule.title.get(lang),
            message = rule.message.get(lang),
            source = source
        ));
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
    fill!(w::PAYMENT, lang, fee = q.fee.per_person_cad)
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

/// The paper-preparation summary's model: which application and why, the documents to gather
/// (to tick off), payment, the indication when one is computed, and the answers by section as
/// tables to copy from. The draft's name and the answers are cleaned of control and bidi characters.
pub fn summary(q: &Questionnaire, ev: &Evaluation, label: &str, lang: Lang) -> Summary {
    let c = colon(lang);
    let g = |f: crate::words::Fixed| f.get(lang).to_string();
    let mut b = vec![];
    if let Some(t) = q.text("paper_prep_intro") {
        b.push(Block::Para(vec![Span::Text(t.get(lang).to_string())]));
    }
    b.push(Block::Heading(2, g(w::WHICH_HEAD)));
    b.push(Block::Bullets(
        which_application(q, ev, lang, false).iter().map(|l| vec![Span::Text(clean(l))]).collect(),
    ));
    b.push(Block::Heading(2, g(w::DOCUMENTS_HEAD)));
    b.push(Block::Tasks(
        documents(q, ev, lang)
            .iter()
            .map(|(t, what)| vec![Span::Strong(clean(t)), Span::Text(format!("{c}{}", clean(what)))])
            .collect(),
    ));
    b.push(Block::Heading(2, g(w::PAYMENT_HEAD)));
    b.push(Block::Para(vec![Span::Text(payment(q, lang))]));
    if let Some(text) = ev.indication_text(q, lang) {
        b.push(Block::Heading(2, g(w::INDICATION_HEAD)));
        b.push(Block::Para(vec![Span::Text(clean(&text))]));
    }
    b.push(Block::Heading(2, g(w::ANSWERS_HEAD)));
    for (title, rows) in answer_sections(q, ev, lang) {
        b.push(Block::Heading(3, clean(&title)));
        b.push(Block::Table {
            head: export::answer_head(lang),
            rows: rows.into_iter().map(|(n, p, a)| [clean(&n), clean(&p), clean(&a)]).collect(),
        });
    }
    Summary { lang, title: fill!(w::TITLE, lang, label = clean(label)), blocks: b }
}

/// The paper-preparation summary in Markdown, drawn from [`summary`] as the export is.
pub fn to_markdown(q: &Questionnaire, ev: &Evaluation, label: &str, lang: Lang) -> String {
    export::markdown(&summary(q, ev, label, lang))
}

/// The paper-preparation summary as one self-contained, printable HTML page, drawn from
/// [`summary`] as the export is.
pub fn to_html(q: &Questionnaire, ev: &Evaluation, label: &str, lang: Lang) -> String {
    export::html(&summary(q, ev, label, lang))
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
    crate::documents::handoff::write_md_html(
        dir,
        stem,
        &to_markdown(q, ev, label, lang),
        &to_html(q, ev, label, lang),
    )
}

/// The paper route as lines for a screen or plain mode: which application and why, the documents
/// in substance, payment, and how to get the printable summary. Codes only when `codes` (F12,
/// plain `codes`) is on.
pub fn screen_lines(q: &Questionnaire, ev: &Evaluation, lang: Lang, codes: bool) -> Vec<String> {
    let c = colon(lang);
    let head = |h: crate::words::Fixed| format!("{}{}", h.get(lang), c.trim_end());
    let mut v = vec![head(w::WHICH_HEAD)];
    v.extend(which_application(q, ev, lang, codes).into_iter().map(|l| format!("- {l}")));
    v.push(head(w::DOCUMENTS_HEAD));
    v.extend(documents(q, ev, lang).into_iter().map(|(t, what)| format!("- {t}{c}{what}")));
    v.push(head(w::PAYMENT_HEAD));
    v.push(payment(q, lang));
    v
}
