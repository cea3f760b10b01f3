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
use crate::fill;
use crate::words::Fixed;

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
    /// What stands between the answers and submission, with the rule and item ids (`check`'s
    /// wording; the package refusal names items by id for `citcert attach`).
    pub blockers: Vec<String>,
    /// The same for people, in words only (the summary's "What is missing").
    pub missing: Vec<String>,
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
        Outcome::OnlineOk => w::ONLINE_OK,
        Outcome::StopPaper => w::STOP_PAPER,
        Outcome::StopWrongApplication => w::STOP_WRONG_APPLICATION,
        Outcome::StopDoNotApply => w::STOP_DO_NOT_APPLY,
        _ => Fixed::new("", ""),
    }
    .get(lang)
    .to_string();
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
    let mut missing: Vec<String> =
        ev.blockers.iter().map(|b| crate::documents::report::blocker_words(q, ev, b, lang, false)).collect();
    for i in &rd.items {
        let file_problem = match &i.file {
            Some(f) => f.state != "unchanged" || i.same_file_as.is_some(),
            None => i.file_not_checked,
        };
        if let Some(p) = &i.problem
            && file_problem
        {
            // The item id stays: `package` refuses with these lines, and `citcert attach` needs it.
            blockers.push(format!("{} {}{}{p}", i.id, i.title, colon(lang)));
            missing.push(format!("{}{}{p}", i.title, colon(lang)));
        }
    }
    let ready = rd.ready(ev);
    let mut next_steps = vec![];
    match ev.outcome {
        Outcome::OnlineOk if ready => next_steps.push(w::READY_STEPS.get(lang).to_string()),
        Outcome::OnlineOk => next_steps.push(fill!(w::NOT_READY_STEPS, lang, n = blockers.len())),
        Outcome::StopPaper => {
            if let Some(x) = q.text("paper_prep_intro") {
                next_steps.push(x.get(lang).to_string());
            }
        }
        _ => next_steps.push(w::DO_NOT_SUBMIT.get(lang).to_string()),
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
        missing,
        fee: Fee { per_person_cad: q.fee.per_person_cad, currency: "CAD" },
        next_steps,
    }
}

/// The export's own words (the questionnaire's come from questionnaire.json).
mod w {
    use crate::words::{Fixed, Template};

    pub const TITLE: Fixed = Fixed::new(
        "Application for a Citizenship Certificate — summary",
        "Demande de certificat de citoyenneté — résumé",
    );
    pub const APPLICANT: Fixed = Fixed::new("Applicant", "Demandeur");
    pub const NAME: Fixed = Fixed::new("Name", "Nom");
    pub const DOB: Fixed = Fixed::new("Date of birth", "Date de naissance");
    /// The client identifier's short name: UCI, « IUC » in French.
    pub const UCI: Fixed = Fixed::new("UCI", "IUC");
    pub const DRAFT: Fixed = Fixed::new("Draft", "Brouillon");
    pub const PREPARED: Fixed = Fixed::new("Prepared on", "Préparé le");
    pub const ANSWERS: Fixed = Fixed::new("Answers", "Réponses");
    pub const OUTCOME: Fixed = Fixed::new("Outcome and cautions", "Résultat et mises en garde");
    pub const INDICATION: Fixed = Fixed::new(
        "Citizenship Act section — indication",
        "Indication de l’article de la Loi sur la citoyenneté",
    );
    pub const CHECKLIST: Fixed = Fixed::new("Checklist", "Liste de contrôle");
    pub const MISSING: Fixed = Fixed::new("What is missing", "Ce qui manque");
    pub const FEE: Fixed = Fixed::new("Fee", "Frais");
    pub const NEXT: Fixed = Fixed::new("Next steps", "Prochaines étapes");
    pub const READY: Fixed = Fixed::new("Ready to submit", "Prête à soumettre");
    pub const NOT_READY: Fixed = Fixed::new("Not ready to submit yet", "Pas encore prête à soumettre");
    pub const REQUIRED: Fixed = Fixed::new("required", "obligatoire");
    pub const OPTIONAL: Fixed = Fixed::new("optional", "facultatif");
    pub const FILE: Fixed = Fixed::new("File", "Fichier");
    pub const NONE: Fixed = Fixed::new("(none)", "(aucun)");
    pub const NOT_COMPUTED: Fixed = Fixed::new("No indication computed.", "Aucune indication calculée.");
    pub const QUESTION: Fixed = Fixed::new("Question", "Question");
    pub const ANSWER: Fixed = Fixed::new("Answer", "Réponse");
    pub const DOCUMENT: Fixed = Fixed::new("document", "document");
    pub const LETTER: Fixed = Fixed::new("explanation letter", "lettre d’explication");
    /// A recorded file's state when it is no longer as attached (the JSON keeps the code).
    pub const CHANGED: Fixed = Fixed::new("changed", "modifié");
    pub const MISSING_FILE: Fixed = Fixed::new("missing", "manquant");
    pub const UNREADABLE: Fixed = Fixed::new("unreadable", "illisible");
    pub const FEE_AMOUNT: Template = Template::new(&["fee"], "CAD {fee}", "{fee} $ CA");
    pub const FILE_LINE: Template = Template::new(
        &["name", "type", "size", "kind", "hash"],
        "{name} ({type}, {size} bytes, {kind}) SHA-256 {hash}",
        "{name} ({type}, {size} octets, {kind}) SHA-256 {hash}",
    );
    pub const ONLINE_OK: Fixed =
        Fixed::new("You can use the online application.", "Vous pouvez utiliser la demande en ligne.");
    pub const STOP_PAPER: Fixed =
        Fixed::new("You must submit a paper application.", "Vous devez présenter une demande papier.");
    pub const STOP_WRONG_APPLICATION: Fixed =
        Fixed::new("This is not the right application.", "Ce n’est pas la bonne demande.");
    pub const STOP_DO_NOT_APPLY: Fixed =
        Fixed::new("Do not apply online.", "Ne présentez pas de demande en ligne.");
    pub const READY_STEPS: Fixed = Fixed::new(
        "Your application is ready. Sign in to your IRCC account, fill in the online form with these answers, upload each file into its checklist item, and pay the fee.",
        "Votre demande est prête. Connectez-vous à votre compte IRCC, remplissez le formulaire en ligne avec ces réponses, téléversez chaque fichier dans son élément de la liste et payez les frais.",
    );
    pub const NOT_READY_STEPS: Template = Template::new(
        &["n"],
        "Not ready yet: {n} thing(s) to do first (see “What is missing”).",
        "Pas encore prête : {n} point(s) à régler (voir « Ce qui manque »).",
    );
    pub const DO_NOT_SUBMIT: Fixed = Fixed::new(
        "Do not submit this application: read the stop above for what to do instead.",
        "Ne présentez pas cette demande : lisez l’arrêt ci-dessus pour savoir quoi faire.",
    );
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
        (Some(f), _) => {
            let kind = if f.kind == "explanation" { w::LETTER } else { w::DOCUMENT };
            let line = fill!(
                w::FILE_LINE,
                lang,
                name = f.name,
                type = f.file_type,
                size = f.size,
                kind = kind.get(lang),
                hash = f.sha256
            );
            let state = match f.state {
                "unchanged" => return Some(line),
                "changed" => w::CHANGED.get(lang),
                "missing" => w::MISSING_FILE.get(lang),
                "unreadable" => w::UNREADABLE.get(lang),
                code => code,
            };
            Some(format!("{line} — {state}"))
        }
        (None, Some(n)) => Some(n.clone()),
        _ => None,
    }
}

/// One model of a printable summary, drawn by [`markdown`] and [`html`] (issue 14): which words,
/// in which order, with which punctuation (": " in English, " : " in French) is decided once where
/// the model is built; the two drawings only add their markup. Two summaries are built as one:
/// the export's ([`summary`]) and the paper-preparation summary (`session::paper::summary`).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub lang: Lang,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A piece of a line: plain words, or words in bold.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
}

/// A line of spans.
pub type Spans = Vec<Span>;

/// One part of the summary, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading of level 2 (section) or 3 (sub-section).
    Heading(u8, String),
    /// Label/value rows ("Nom : Ortiz Reid, Valeria").
    Rows(Vec<String>),
    Para(Spans),
    /// The indication's required label, set apart.
    Label(String),
    Bullets(Vec<Spans>),
    /// A list to tick off by hand ("- [ ]" in Markdown, "☐" in HTML): the paper route's documents.
    Tasks(Vec<Spans>),
    Numbered(Vec<String>),
    /// Checklist entries: status, heading line, and notes under it.
    Checklist(Vec<CheckRow>),
    /// The answers of one screen: number, question, answer.
    Table {
        head: [String; 3],
        rows: Vec<[String; 3]>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckRow {
    pub status: String,
    pub head: Spans,
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub text: String,
    pub kind: NoteKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// Why the item is on the list.
    Reason,
    /// The file given (name, type, size, hash).
    File,
    /// A problem to fix ("⚠ …").
    Problem,
}

impl Summary {
    /// The words of every line, in order, without markup: what both drawings must show.
    pub fn texts(&self) -> Vec<String> {
        let spans = |s: &Spans| {
            s.iter()
                .map(|x| match x {
                    Span::Text(t) | Span::Strong(t) => t.as_str(),
                })
                .collect::<String>()
        };
        let mut out = vec![self.title.clone()];
        for b in &self.blocks {
            match b {
                Block::Heading(_, t) | Block::Label(t) => out.push(t.clone()),
                Block::Rows(r) | Block::Numbered(r) => out.extend(r.iter().cloned()),
                Block::Para(s) => out.push(spans(s)),
                Block::Bullets(l) | Block::Tasks(l) => out.extend(l.iter().map(spans)),
                Block::Checklist(rows) => {
                    for r in rows {
                        out.push(r.status.clone());
                        out.push(spans(&r.head));
                        out.extend(r.notes.iter().map(|n| n.text.clone()));
                    }
                }
                Block::Table { head, rows } => {
                    out.extend(head.iter().cloned());
                    out.extend(rows.iter().flatten().cloned());
                }
            }
        }
        out
    }
}

/// The summary's model from the export, in its language.
pub fn summary(e: &Export) -> Summary {
    let lang = Lang::parse(e.language).unwrap_or_default();
    let c = colon(lang);
    let g = |f: Fixed| f.get(lang).to_string();
    let row = |label: Fixed, value: &str| format!("{}{c}{value}", label.get(lang));
    let mut b = vec![Block::Heading(2, g(w::APPLICANT))];
    let mut rows = vec![
        row(w::NAME, &applicant_name(&e.applicant)),
        row(w::DOB, e.applicant.date_of_birth.as_deref().unwrap_or("—")),
    ];
    if let Some(u) = &e.applicant.uci {
        rows.push(row(w::UCI, u));
    }
    if let Some(d) = &e.draft {
        rows.push(row(w::DRAFT, &format!("{} ({})", d.label, d.created_on)));
    }
    rows.push(row(w::PREPARED, &e.today));
    b.push(Block::Rows(rows));
    b.push(Block::Heading(2, g(w::OUTCOME)));
    // Words for the applicant; the codes (outcome, rule, indication and item ids) are in the JSON.
    b.push(Block::Para(vec![Span::Text(e.outcome.summary.clone())]));
    if !e.rules.is_empty() {
        b.push(Block::Bullets(
            e.rules
                .iter()
                .map(|r| vec![Span::Strong(r.title.clone()), Span::Text(format!("{c}{}", r.message))])
                .collect(),
        ));
    }
    b.push(Block::Heading(2, g(w::INDICATION)));
    match &e.indication {
        Some(i) => {
            b.push(Block::Label(i.label.clone()));
            b.push(Block::Para(vec![Span::Text(i.text.clone())]));
        }
        None => b.push(Block::Para(vec![Span::Text(g(w::NOT_COMPUTED))])),
    }
    b.push(Block::Heading(2, g(w::CHECKLIST)));
    if e.checklist.is_empty() {
        b.push(Block::Para(vec![Span::Text(g(w::NONE))]));
    } else {
        let entries = e.checklist.iter().map(|ch| {
            let req = if ch.item.required { w::REQUIRED } else { w::OPTIONAL };
            let mut notes = vec![Note { text: ch.reason.clone(), kind: NoteKind::Reason }];
            if let Some(f) = file_line(ch, lang) {
                notes.push(Note { text: row(w::FILE, &f), kind: NoteKind::File });
            }
            if let Some(p) = &ch.item.problem {
                notes.push(Note { text: format!("⚠ {p}"), kind: NoteKind::Problem });
            }
            CheckRow {
                status: ch.item.shown_status(lang).to_string(),
                head: vec![Span::Strong(ch.item.title.clone()), Span::Text(format!(" ({})", req.get(lang)))],
                notes,
            }
        });
        b.push(Block::Checklist(entries.collect()));
    }
    b.push(Block::Para(vec![Span::Strong(g(if e.ready { w::READY } else { w::NOT_READY }))]));
    if !e.missing.is_empty() {
        b.push(Block::Heading(3, g(w::MISSING)));
        b.push(Block::Bullets(e.missing.iter().map(|x| vec![Span::Text(x.clone())]).collect()));
    }
    b.push(Block::Heading(2, g(w::FEE)));
    b.push(Block::Para(vec![Span::Text(fill!(w::FEE_AMOUNT, lang, fee = e.fee.per_person_cad))]));
    b.push(Block::Heading(2, g(w::NEXT)));
    b.push(Block::Numbered(e.next_steps.clone()));
    b.push(Block::Heading(2, g(w::ANSWERS)));
    for s in &e.answers {
        b.push(Block::Heading(3, format!("{} {}", s.number, s.title)));
        b.push(Block::Table {
            head: answer_head(lang),
            rows: s.answers.iter().map(|a| [a.number.clone(), a.prompt.clone(), a.answer.clone()]).collect(),
        });
    }
    Summary { lang, title: g(w::TITLE), blocks: b }
}

/// The column heads of an answer table ("#", question, answer): the export's and the paper
/// summary's.
pub(crate) fn answer_head(lang: Lang) -> [String; 3] {
    ["#".into(), w::QUESTION.get(lang).into(), w::ANSWER.get(lang).into()]
}

/// The export in Markdown: its [`summary`] drawn by [`markdown`].
pub fn to_markdown(e: &Export) -> String {
    markdown(&summary(e))
}

/// A summary in Markdown. Every text is put on one line (a new line would end the item) with "|"
/// escaped; no raw HTML and no control or bidi character is left in it.
pub fn markdown(s: &Summary) -> String {
    // One line per item: a "|" would end a table cell, a new line would end the item.
    let md = |t: &str| t.replace('|', "\\|").replace('\n', " ");
    let spans = |l: &Spans| {
        l.iter()
            .map(|x| match x {
                Span::Text(t) => md(t),
                Span::Strong(t) => format!("**{}**", md(t)),
            })
            .collect::<String>()
    };
    let mut o = format!("# {}\n", md(&s.title));
    for b in &s.blocks {
        o.push('\n');
        match b {
            Block::Heading(level, t) => {
                o.push_str(&format!("{} {}\n", "#".repeat(usize::from(*level)), md(t)));
            }
            Block::Rows(rows) => rows.iter().for_each(|r| o.push_str(&format!("- {}\n", md(r)))),
            Block::Para(l) => o.push_str(&format!("{}\n", spans(l))),
            Block::Label(t) => o.push_str(&format!("> **{}**\n", md(t))),
            Block::Bullets(items) => items.iter().for_each(|l| o.push_str(&format!("- {}\n", spans(l)))),
            Block::Tasks(items) => items.iter().for_each(|l| o.push_str(&format!("- [ ] {}\n", spans(l)))),
            Block::Numbered(items) => {
                for (k, t) in items.iter().enumerate() {
                    o.push_str(&format!("{}. {}\n", k + 1, md(t)));
                }
            }
            Block::Checklist(rows) => {
                for r in rows {
                    o.push_str(&format!("- [{}] {}\n", md(&r.status), spans(&r.head)));
                    for n in &r.notes {
                        o.push_str(&format!("  - {}\n", md(&n.text)));
                    }
                }
            }
            Block::Table { head, rows } => {
                o.push_str(&format!(
                    "| {} | {} | {} |\n|---|---|---|\n",
                    md(&head[0]),
                    md(&head[1]),
                    md(&head[2])
                ));
                for r in rows {
                    o.push_str(&format!("| {} | {} | {} |\n", md(&r[0]), md(&r[1]), md(&r[2])));
                }
            }
        }
    }
    // No raw HTML reaches a Markdown renderer, and no control or bidi character a terminal (issue 12).
    crate::safe_text::block(&o.replace('<', "&lt;")).into_owned()
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
ul.rows{list-style:none;padding-left:0}\
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}th{background:none}}";

/// The export as one HTML page: its [`summary`] drawn by [`html`].
pub fn to_html(e: &Export) -> String {
    html(&summary(e))
}

/// A summary as one self-contained HTML page (inline CSS, no scripts, no external resources) in
/// the summary's language; every text is escaped.
pub fn html(s: &Summary) -> String {
    let spans = |l: &Spans| {
        l.iter()
            .map(|x| match x {
                Span::Text(t) => esc(t),
                Span::Strong(t) => format!("<strong>{}</strong>", esc(t)),
            })
            .collect::<String>()
    };
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        s.lang.code(),
        esc(&s.title),
        esc(&s.title)
    );
    for b in &s.blocks {
        match b {
            Block::Heading(level, t) => o.push_str(&format!("<h{level}>{}</h{level}>\n", esc(t))),
            Block::Rows(rows) => {
                o.push_str("<ul class=\"rows\">\n");
                rows.iter().for_each(|r| o.push_str(&format!("<li>{}</li>\n", esc(r))));
                o.push_str("</ul>\n");
            }
            Block::Para(l) => o.push_str(&format!("<p>{}</p>\n", spans(l))),
            Block::Label(t) => o.push_str(&format!("<p class=\"label\">{}</p>\n", esc(t))),
            Block::Bullets(items) => {
                o.push_str("<ul>\n");
                items.iter().for_each(|l| o.push_str(&format!("<li>{}</li>\n", spans(l))));
                o.push_str("</ul>\n");
            }
            Block::Tasks(items) => {
                o.push_str("<ul class=\"rows\">\n");
                items.iter().for_each(|l| o.push_str(&format!("<li>☐ {}</li>\n", spans(l))));
                o.push_str("</ul>\n");
            }
            Block::Numbered(items) => {
                o.push_str("<ol>\n");
                items.iter().for_each(|t| o.push_str(&format!("<li>{}</li>\n", esc(t))));
                o.push_str("</ol>\n");
            }
            Block::Checklist(rows) => {
                o.push_str("<table>\n<colgroup><col class=\"s\"><col><col></colgroup>\n<tbody>\n");
                for r in rows {
                    let notes: Vec<String> = r
                        .notes
                        .iter()
                        .map(|n| match n.kind {
                            NoteKind::Reason => esc(&n.text),
                            NoteKind::File => format!("<span class=\"hash\">{}</span>", esc(&n.text)),
                            NoteKind::Problem => format!("<span class=\"warn\">{}</span>", esc(&n.text)),
                        })
                        .collect();
                    o.push_str(&format!(
                        "<tr><td class=\"st\">{}</td><td>{}</td><td>{}</td></tr>\n",
                        esc(&r.status),
                        spans(&r.head),
                        notes.join("<br>")
                    ));
                }
                o.push_str("</tbody>\n</table>\n");
            }
            Block::Table { head, rows } => {
                o.push_str(&format!(
                    "<table>\n<colgroup><col class=\"n\"><col><col></colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                    esc(&head[0]),
                    esc(&head[1]),
                    esc(&head[2])
                ));
                for r in rows {
                    o.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        esc(&r[0]),
                        esc(&r[1]),
                        esc(&r[2])
                    ));
                }
                o.push_str("</tbody>\n</table>\n");
            }
        }
    }
    o.push_str("</body>\n</html>\n");
    o
}
