//! `citcert export`: one documented object ([`Export`]) built from a draft or answers file, written
//! as JSON, Markdown or one self-contained HTML page that prints on Letter and A4.
//!
//! Exports hold file *names* and hashes, never file contents, and never full paths.

use serde::Serialize;

use crate::documents::attach::Attachment;
use crate::documents::readiness::{ItemReadiness, readiness};
use crate::engine::eval::answer_label;
use crate::engine::text::colon;
use crate::engine::{Answers, Evaluation, Lang, Outcome, QType, Questionnaire, ScreenKind};

/// The export (also the `--format json` output).
#[derive(Clone, Debug, Serialize)]
pub struct Export {
    /// `citcert-export-1`.
    pub format: &'static str,
    pub questionnaire: String,
    pub language: &'static str,
    /// The date the export was made for (`--today`).
    pub today: String,
    pub draft: Option<DraftInfo>,
    pub applicant: Applicant,
    /// Visible answered questions, by screen, with their prompts.
    pub answers: Vec<Section>,
    pub outcome: OutcomeInfo,
    /// Every rule that fired (stops, cautions, document blocks, …), in questionnaire order.
    pub rules: Vec<RuleInfo>,
    /// The Act indication, with its required label; null when none is computed.
    pub indication: Option<IndicationInfo>,
    /// The online checklist (or the paper-prep list after STOP_PAPER) with status, reason and problem.
    pub checklist: Vec<ChecklistEntry>,
    pub ready: bool,
    /// What stands between the answers and submission, in words.
    pub blockers: Vec<String>,
    pub fee: Fee,
    /// What to do next (SPEC §6).
    pub next_steps: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DraftInfo {
    pub label: String,
    pub created_on: String,
}

#[derive(Clone, Debug, Serialize, Default)]
pub struct Applicant {
    pub surname: Option<String>,
    pub given_names: Option<String>,
    pub date_of_birth: Option<String>,
    pub uci: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub screen: String,
    pub number: String,
    pub title: String,
    pub answers: Vec<AnswerRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AnswerRow {
    pub id: String,
    pub number: String,
    pub prompt: String,
    pub answer: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct OutcomeInfo {
    pub code: &'static str,
    pub summary: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub outcome: &'static str,
    pub title: String,
    pub message: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicationInfo {
    pub id: String,
    pub text: String,
    /// "Indication only. This is not a decision. …" (SPEC §7).
    pub label: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChecklistEntry {
    #[serde(flatten)]
    pub item: ItemReadiness,
    pub reason: String,
    /// The file name given in the answers (when no attachment was recorded).
    pub file_name: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Fee {
    pub per_person_cad: u32,
    pub currency: &'static str,
}

fn base_name(s: &str) -> String {
    std::path::Path::new(s).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| s.into())
}

/// Builds the export.
pub fn build(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    attachments: &[Attachment],
    draft: Option<DraftInfo>,
    lang: Lang,
) -> Export {
    let fr = lang == Lang::Fr;
    let t = |en: &str, f: &str| if fr { f.to_string() } else { en.to_string() };
    let value = |id: &str| -> Option<String> {
        let qi = q.question_index(id)?;
        ev.values[qi].as_ref().map(|v| answer_label(q, qi, v, lang))
    };
    let applicant = Applicant {
        surname: value("pers.surname"),
        given_names: value("pers.given_names"),
        date_of_birth: value("pers.dob"),
        uci: value("pers.uci"),
    };
    let mut sections = vec![];
    for (si, s) in q.screens.iter().enumerate() {
        if !ev.screen_visible[si] || s.kind == ScreenKind::Fee && !ev.ready {
            continue;
        }
        let rows: Vec<AnswerRow> = ev
            .visible_questions(q, si)
            .filter_map(|qi| {
                let question = &q.questions[qi];
                let v = ev.values[qi].as_ref()?;
                let answer = if question.qtype == QType::File {
                    base_name(v.as_cond_str())
                } else {
                    answer_label(q, qi, v, lang)
                };
                let prompt = match question.item {
                    Some(i) => {
                        format!("{}{}{}", q.items[i].title.get(lang), colon(lang), ev.prompt(q, qi, lang))
                    }
                    None => ev.prompt(q, qi, lang).to_string(),
                };
                Some(AnswerRow { id: question.id.clone(), number: question.number.clone(), prompt, answer })
            })
            .collect();
        if !rows.is_empty() {
            sections.push(Section {
                screen: s.id.clone(),
                number: s.number.clone(),
                title: s.title.get(lang).to_string(),
                answers: rows,
            });
        }
    }
    let summary = match ev.outcome {
        Outcome::OnlineOk => {
            t("You can use the online application.", "Vous pouvez utiliser la demande en ligne.")
        }
        Outcome::StopPaper => {
            t("You must submit a paper application.", "Vous devez présenter une demande papier.")
        }
        Outcome::StopWrongApplication => {
            t("This is not the right application.", "Ce n’est pas la bonne demande.")
        }
        Outcome::StopDoNotApply => t("Do not apply online.", "Ne présentez pas de demande en ligne."),
        _ => String::new(),
    };
    let rules = ev
        .fired
        .iter()
        .map(|&r| RuleInfo {
            id: q.rules[r].id.clone(),
            outcome: q.rules[r].outcome.code(),
            title: q.rules[r].title.get(lang).to_string(),
            message: q.rules[r].message.get(lang).to_string(),
        })
        .collect();
    let indication = match (&ev.indication, ev.indication_text(q, lang)) {
        (Some((row, _)), Some(text)) => Some(IndicationInfo {
            id: q.indications[*row].id.clone(),
            text,
            label: q.text("indication_label").map(|l| l.get(lang).to_string()).unwrap_or_default(),
        }),
        _ => None,
    };
    let rd = readiness(q, answers, ev, attachments, lang);
    let list = if ev.outcome == Outcome::OnlineOk { &ev.items } else { &ev.paper_prep };
    let checklist: Vec<ChecklistEntry> = if matches!(ev.outcome, Outcome::OnlineOk | Outcome::StopPaper) {
        list.iter()
            .zip(rd.items.iter())
            .map(|(r, item)| {
                let it = &q.items[r.item];
                let file_name = if item.file.is_none() {
                    it.file_q.and_then(|f| ev.values[f].as_ref()).map(|v| base_name(v.as_cond_str()))
                } else {
                    None
                };
                ChecklistEntry { item: item.clone(), reason: ev.reason_text(q, r, lang), file_name }
            })
            .collect()
    } else {
        vec![]
    };
    let mut blockers: Vec<String> =
        ev.blockers.iter().map(|b| crate::documents::report::blocker_text(q, ev, b, lang)).collect();
    for i in &rd.items {
        let file_problem = match &i.file {
            Some(f) => f.state != "unchanged" || i.same_file_as.is_some(),
            None => i.file_not_checked,
        };
        if let Some(p) = &i.problem
            && file_problem
        {
            blockers.push(format!("{} {}{}{p}", i.id, i.title, colon(lang)));
        }
    }
    let ready = rd.ready(ev);
    let mut next_steps = vec![];
    match ev.outcome {
        Outcome::OnlineOk if ready => next_steps.push(t(
            "Your application is ready. Sign in to your IRCC account, fill in the online form with these answers, upload each file into its checklist item, and pay the fee.",
            "Votre demande est prête. Connectez-vous à votre compte IRCC, remplissez le formulaire en ligne avec ces réponses, téléversez chaque fichier dans son élément de la liste et payez les frais.",
        )),
        Outcome::OnlineOk => next_steps.push(if fr {
            format!("Pas encore prête : {} point(s) à régler (voir « Ce qui manque »).", blockers.len())
        } else {
            format!("Not ready yet: {} thing(s) to do first (see “What is missing”).", blockers.len())
        }),
        Outcome::StopPaper => {
            if let Some(x) = q.text("paper_prep_intro") {
                next_steps.push(x.get(lang).to_string());
            }
        }
        _ => next_steps.push(t(
            "Do not submit this application: read the stop above for what to do instead.",
            "Ne présentez pas cette demande : lisez l’arrêt ci-dessus pour savoir quoi faire.",
        )),
    }
    if ev.outcome == Outcome::OnlineOk {
        for name in ["review_reminders", "after_submission"] {
            if let Some(x) = q.text(name) {
                next_steps.push(x.get(lang).to_string());
            }
        }
    }
    Export {
        format: "citcert-export-1",
        questionnaire: format!("{} {}", q.id, q.version),
        language: lang.code(),
        today: ev.context.today.to_string(),
        draft,
        applicant,
        answers: sections,
        outcome: OutcomeInfo { code: ev.outcome.code(), summary },
        rules,
        indication,
        checklist,
        ready,
        blockers,
        fee: Fee { per_person_cad: q.fee.per_person_cad, currency: "CAD" },
        next_steps,
    }
}

struct Words {
    title: &'static str,
    applicant: &'static str,
    name: &'static str,
    dob: &'static str,
    draft: &'static str,
    prepared: &'static str,
    answers: &'static str,
    outcome: &'static str,
    indication: &'static str,
    checklist: &'static str,
    missing: &'static str,
    fee: &'static str,
    next: &'static str,
    ready: &'static str,
    not_ready: &'static str,
    required: &'static str,
    optional: &'static str,
    file: &'static str,
    none: &'static str,
    not_computed: &'static str,
    question: &'static str,
    answer: &'static str,
}

fn words(lang: &str) -> Words {
    if lang == "fr" {
        Words {
            title: "Demande de certificat de citoyenneté — résumé",
            applicant: "Demandeur",
            name: "Nom",
            dob: "Date de naissance",
            draft: "Brouillon",
            prepared: "Préparé le",
            answers: "Réponses",
            outcome: "Résultat et mises en garde",
            indication: "Indication de l’article de la Loi sur la citoyenneté",
            checklist: "Liste de contrôle",
            missing: "Ce qui manque",
            fee: "Frais",
            next: "Prochaines étapes",
            ready: "Prête à soumettre",
            not_ready: "Pas encore prête à soumettre",
            required: "obligatoire",
            optional: "facultatif",
            file: "Fichier",
            none: "(aucun)",
            not_computed: "Aucune indication calculée.",
            question: "Question",
            answer: "Réponse",
        }
    } else {
        Words {
            title: "Application for a Citizenship Certificate — summary",
            applicant: "Applicant",
            name: "Name",
            dob: "Date of birth",
            draft: "Draft",
            prepared: "Prepared on",
            answers: "Answers",
            outcome: "Outcome and cautions",
            indication: "Citizenship Act section — indication",
            checklist: "Checklist",
            missing: "What is missing",
            fee: "Fee",
            next: "Next steps",
            ready: "Ready to submit",
            not_ready: "Not ready to submit yet",
            required: "required",
            optional: "optional",
            file: "File",
            none: "(none)",
            not_computed: "No indication computed.",
            question: "Question",
            answer: "Answer",
        }
    }
}

fn applicant_name(a: &Applicant) -> String {
    match (&a.surname, &a.given_names) {
        (Some(s), Some(g)) => format!("{s}, {g}"),
        (Some(s), None) => s.clone(),
        (None, Some(g)) => g.clone(),
        (None, None) => "—".into(),
    }
}

fn file_line(c: &ChecklistEntry, lang: Lang) -> Option<String> {
    match (&c.item.file, &c.file_name) {
        (Some(f), _) => Some(format!(
            "{} ({}, {} {}, {}) SHA-256 {}{}",
            f.name,
            f.file_type,
            f.size,
            if lang == Lang::Fr { "octets" } else { "bytes" },
            match (lang, f.kind.as_str()) {
                (Lang::Fr, "document") => "document",
                (Lang::Fr, "explanation") => "lettre d'explication",
                (_, k) => k,
            },
            f.sha256,
            if f.state == "unchanged" { String::new() } else { format!(" — {}", f.state) }
        )),
        (None, Some(n)) => Some(n.clone()),
        _ => None,
    }
}

/// Markdown.
pub fn to_markdown(e: &Export) -> String {
    let w = words(e.language);
    let lang = Lang::parse(e.language).unwrap_or_default();
    let c = colon(lang);
    let md = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n", w.title));
    o.push_str(&format!("## {}\n\n", w.applicant));
    o.push_str(&format!("- {}{c}{}\n", w.name, applicant_name(&e.applicant)));
    o.push_str(&format!("- {}{c}{}\n", w.dob, e.applicant.date_of_birth.as_deref().unwrap_or("—")));
    if let Some(u) = &e.applicant.uci {
        o.push_str(&format!("- {}{c}{u}\n", uci_label(lang)));
    }
    if let Some(d) = &e.draft {
        o.push_str(&format!("- {}{c}{} ({})\n", w.draft, d.label, d.created_on));
    }
    o.push_str(&format!("- {}{c}{}\n\n", w.prepared, e.today));
    o.push_str(&format!("## {}\n\n**{}** — {}\n\n", w.outcome, e.outcome.code, e.outcome.summary));
    for r in &e.rules {
        o.push_str(&format!("- **{}** [{}] {}{c}{}\n", r.id, r.outcome, r.title, r.message));
    }
    if !e.rules.is_empty() {
        o.push('\n');
    }
    o.push_str(&format!("## {}\n\n", w.indication));
    match &e.indication {
        Some(i) => o.push_str(&format!("> **{}**\n\n{} — {}\n\n", i.label, i.id, i.text)),
        None => o.push_str(&format!("{}\n\n", w.not_computed)),
    }
    o.push_str(&format!("## {}\n\n", w.checklist));
    if e.checklist.is_empty() {
        o.push_str(&format!("{}\n\n", w.none));
    }
    for c in &e.checklist {
        let req = if c.item.required { w.required } else { w.optional };
        o.push_str(&format!(
            "- [{}] **{}** {} ({req})\n",
            c.item.shown_status(lang),
            c.item.id,
            c.item.title
        ));
        o.push_str(&format!("  - {}\n", md(&c.reason)));
        if let Some(f) = file_line(c, lang) {
            o.push_str(&format!("  - {}{}{}\n", w.file, colon(lang), md(&f)));
        }
        if let Some(p) = &c.item.problem {
            o.push_str(&format!("  - ⚠ {}\n", md(p)));
        }
    }
    o.push('\n');
    o.push_str(&format!("**{}**\n\n", if e.ready { w.ready } else { w.not_ready }));
    if !e.blockers.is_empty() {
        o.push_str(&format!("### {}\n\n", w.missing));
        for b in &e.blockers {
            o.push_str(&format!("- {}\n", md(b)));
        }
        o.push('\n');
    }
    o.push_str(&format!("## {}\n\nCAD {}\n\n", w.fee, e.fee.per_person_cad));
    o.push_str(&format!("## {}\n\n", w.next));
    for (k, s) in e.next_steps.iter().enumerate() {
        o.push_str(&format!("{}. {}\n", k + 1, md(s)));
    }
    o.push_str(&format!("\n## {}\n", w.answers));
    for s in &e.answers {
        o.push_str(&format!(
            "\n### {} {}\n\n| # | {} | {} |\n|---|---|---|\n",
            s.number,
            md(&s.title),
            w.question,
            w.answer
        ));
        for a in &s.answers {
            o.push_str(&format!("| {} | {} | {} |\n", a.number, md(&a.prompt), md(&a.answer)));
        }
    }
    // No raw HTML reaches a Markdown renderer, and no control or bidi character a terminal (issue 12).
    crate::safe_text::block(&o.replace('<', "&lt;")).into_owned()
}

/// The client identifier's short name: UCI, « IUC » in French.
fn uci_label(lang: Lang) -> &'static str {
    if lang == Lang::Fr { "IUC" } else { "UCI" }
}

pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// Inline, print-first CSS. Margins from `@page` only (no page size), widths in relative units, so
/// the page fits Letter (216 mm) and A4 (210 mm) alike.
pub(crate) const CSS: &str = "@page{margin:15mm 14mm}\
*{box-sizing:border-box}\
body{font-family:\"Helvetica Neue\",Arial,\"Liberation Sans\",sans-serif;font-size:10.5pt;line-height:1.35;color:#000;background:#fff;max-width:50em;margin:1.5em auto;padding:0 1em}\
h1{font-size:16pt;margin:0 0 .4em}h2{font-size:13pt;margin:1.2em 0 .4em;border-bottom:1px solid #000;break-after:avoid}h3{font-size:11pt;margin:1em 0 .3em;break-after:avoid}\
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:1px solid #888;padding:2pt 4pt;text-align:left;vertical-align:top;overflow-wrap:anywhere}\
tr,li{break-inside:avoid}th{background:#eee}col.n{width:4.5em}col.s{width:6.5em}\
.label{border:2px solid #000;padding:4pt 6pt;font-weight:bold}.warn{font-weight:bold}\
.st{font-family:monospace}.hash{font-family:monospace;font-size:8.5pt;overflow-wrap:anywhere}\
dl{display:grid;grid-template-columns:auto 1fr;gap:0 1em}dt{font-weight:bold}dd{margin:0}\
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}th{background:none}}";

/// One self-contained HTML page (inline CSS, no scripts, no external resources).
pub fn to_html(e: &Export) -> String {
    let w = words(e.language);
    let lang = Lang::parse(e.language).unwrap_or_default();
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        e.language,
        esc(w.title)
    ));
    o.push_str(&format!("<h1>{}</h1>\n", esc(w.title)));
    o.push_str(&format!("<h2>{}</h2>\n<dl>\n", esc(w.applicant)));
    o.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(w.name), esc(&applicant_name(&e.applicant))));
    o.push_str(&format!(
        "<dt>{}</dt><dd>{}</dd>\n",
        esc(w.dob),
        esc(e.applicant.date_of_birth.as_deref().unwrap_or("—"))
    ));
    if let Some(u) = &e.applicant.uci {
        o.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", uci_label(lang), esc(u)));
    }
    if let Some(d) = &e.draft {
        o.push_str(&format!(
            "<dt>{}</dt><dd>{} ({})</dd>\n",
            esc(w.draft),
            esc(&d.label),
            esc(&d.created_on)
        ));
    }
    o.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n</dl>\n", esc(w.prepared), esc(&e.today)));
    o.push_str(&format!(
        "<h2>{}</h2>\n<p><strong>{}</strong> — {}</p>\n",
        esc(w.outcome),
        esc(e.outcome.code),
        esc(&e.outcome.summary)
    ));
    if !e.rules.is_empty() {
        o.push_str("<ul>\n");
        for r in &e.rules {
            o.push_str(&format!(
                "<li><strong>{}</strong> [{}] {}{}{}</li>\n",
                esc(&r.id),
                esc(r.outcome),
                esc(&r.title),
                colon(lang),
                esc(&r.message)
            ));
        }
        o.push_str("</ul>\n");
    }
    o.push_str(&format!("<h2>{}</h2>\n", esc(w.indication)));
    match &e.indication {
        Some(i) => o.push_str(&format!(
            "<p class=\"label\">{}</p>\n<p>{} — {}</p>\n",
            esc(&i.label),
            esc(&i.id),
            esc(&i.text)
        )),
        None => o.push_str(&format!("<p>{}</p>\n", esc(w.not_computed))),
    }
    o.push_str(&format!("<h2>{}</h2>\n", esc(w.checklist)));
    if e.checklist.is_empty() {
        o.push_str(&format!("<p>{}</p>\n", esc(w.none)));
    } else {
        o.push_str("<table>\n<colgroup><col class=\"s\"><col><col></colgroup>\n<tbody>\n");
        for c in &e.checklist {
            let req = if c.item.required { w.required } else { w.optional };
            o.push_str(&format!(
                "<tr><td class=\"st\">{}</td><td><strong>{}</strong> {} ({})</td><td>{}",
                esc(c.item.shown_status(lang)),
                esc(&c.item.id),
                esc(&c.item.title),
                esc(req),
                esc(&c.reason)
            ));
            if let Some(f) = file_line(c, lang) {
                o.push_str(&format!(
                    "<br><span class=\"hash\">{}{}{}</span>",
                    esc(w.file),
                    colon(lang),
                    esc(&f)
                ));
            }
            if let Some(p) = &c.item.problem {
                o.push_str(&format!("<br><span class=\"warn\">⚠ {}</span>", esc(p)));
            }
            o.push_str("</td></tr>\n");
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str(&format!("<p><strong>{}</strong></p>\n", esc(if e.ready { w.ready } else { w.not_ready })));
    if !e.blockers.is_empty() {
        o.push_str(&format!("<h3>{}</h3>\n<ul>\n", esc(w.missing)));
        for b in &e.blockers {
            o.push_str(&format!("<li>{}</li>\n", esc(b)));
        }
        o.push_str("</ul>\n");
    }
    o.push_str(&format!("<h2>{}</h2>\n<p>CAD {}</p>\n", esc(w.fee), e.fee.per_person_cad));
    o.push_str(&format!("<h2>{}</h2>\n<ol>\n", esc(w.next)));
    for s in &e.next_steps {
        o.push_str(&format!("<li>{}</li>\n", esc(s)));
    }
    o.push_str("</ol>\n");
    o.push_str(&format!("<h2>{}</h2>\n", esc(w.answers)));
    for s in &e.answers {
        o.push_str(&format!(
            "<h3>{} {}</h3>\n<table>\n<colgroup><col class=\"n\"><col><col></colgroup>\n<thead><tr><th>#</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            esc(&s.number),
            esc(&s.title),
            esc(w.question),
            esc(w.answer)
        ));
        for a in &s.answers {
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&a.number),
                esc(&a.prompt),
                esc(&a.answer)
            ));
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}
