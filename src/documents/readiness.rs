//! Readiness item by item (issue 5): for each checklist item, its status and, when it is not ready,
//! the problem in words — no file, the recorded file changed or vanished, a missing or wrong answer
//! about the document, or a document block (DB-15) it causes.

use serde::Serialize;

use crate::fill;
use crate::words::Template;

use crate::documents::attach::{Attachment, FileState, file_state};
use crate::engine::{
    Answers, Context, Evaluation, ItemKind, Lang, Outcome, Questionnaire, Severity, Status, evaluate,
};

/// One checklist item's readiness.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ItemReadiness {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub required: bool,
    /// In words, when the item is missing or blocked; None when it is fine.
    pub problem: Option<String>,
    /// The recorded file (name only, hash, state), when one was attached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<FileInfo>,
    /// The checklist item whose document is the very same file (same SHA-256), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_file_as: Option<String>,
    /// The answers name a file for this item, but no recorded attachment matches it: the file was
    /// never checked (a draft imported from an answers file, a path typed before files were checked).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub file_not_checked: bool,
    /// The item is really done: its status is not `missing`, its file (if any) was checked and is
    /// unchanged, and its own answers have no error. Only then may a person read ✓ or "provided".
    pub ok: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FileInfo {
    pub name: String,
    pub kind: String,
    #[serde(rename = "type")]
    pub file_type: String,
    pub size: u64,
    pub sha256: String,
    pub attached_on: String,
    /// unchanged | changed | missing | unreadable
    pub state: &'static str,
}

impl ItemReadiness {
    /// The status a person reads: the engine's (provided, explained, done, missing) only when it is
    /// true now; "file not checked yet" or "to correct" otherwise. Never "provided" for a document
    /// whose file was not checked or whose answers have an error.
    pub fn shown_status(&self, lang: Lang) -> &'static str {
        if self.ok || self.status == "missing" {
            crate::engine::eval::status_label(self.status, lang)
        } else if self.file_not_checked {
            lang.pick("file not checked yet", "fichier pas encore vérifié")
        } else {
            lang.pick("to correct", "à corriger")
        }
    }

    /// One mark for lists: ✓ done or provided, ~ explained, ? file not checked yet, ✗ missing and
    /// required or to correct, ○ missing but optional.
    pub fn mark(&self) -> &'static str {
        match (self.ok, self.status) {
            (true, "explained") => "~",
            (true, _) => "✓",
            (false, "missing") if !self.required => "○",
            (false, "missing") => "✗",
            (false, _) if self.file_not_checked => "?",
            (false, _) => "✗",
        }
    }
}

/// Readiness of the whole checklist, with the attached files checked on disk.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Readiness {
    pub items: Vec<ItemReadiness>,
    /// Every file the answers name was checked when given (type, size, SHA-256) and is on disk as
    /// checked: false for a file never checked, changed, missing or unreadable.
    pub files_ok: bool,
    /// No document file is attached to two checklist items (same SHA-256). An explanation letter
    /// may stand for several missing documents.
    pub files_distinct: bool,
}

impl Readiness {
    /// Everything in the gate passes and every attached file is as attached.
    pub fn ready(&self, ev: &Evaluation) -> bool {
        ev.ready && self.files_ok && self.files_distinct
    }
}

/// Computes readiness. `answers` are the evaluated answers (used to find which item causes a
/// document block); `attachments` the draft's recorded files (may be empty).
pub fn readiness(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    attachments: &[Attachment],
    lang: Lang,
) -> Readiness {
    readiness_with(q, answers, ev, attachments, &[], lang)
}

/// [`readiness`], with files named in the answers that were checked just now and refused:
/// (item id, why), e.g. `check --answers` on an answers file naming a file that does not exist.
pub fn readiness_with(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    attachments: &[Attachment],
    refused: &[(String, crate::engine::Text)],
    lang: Lang,
) -> Readiness {
    compute(q, answers, ev, attachments, refused, lang, &file_state)
}

/// [`readiness`] without reading any file: each recorded file is taken to be in the state `known`
/// gives for its item (as found when it was last checked), else as checked when given. For the
/// TUI, which re-checks files when the review opens, never on a keystroke.
pub fn readiness_known(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    attachments: &[Attachment],
    known: &[(String, FileState)],
    lang: Lang,
) -> Readiness {
    let state = |a: &Attachment| {
        known.iter().find(|(i, _)| *i == a.item).map_or(FileState::Unchanged, |(_, s)| s.clone())
    };
    compute(q, answers, ev, attachments, &[], lang, &state)
}

fn compute(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    attachments: &[Attachment],
    refused: &[(String, crate::engine::Text)],
    lang: Lang,
    file_state: &dyn Fn(&Attachment) -> FileState,
) -> Readiness {
    const SAME_FILE: Template = Template::new(
        &["other"],
        "the same file as “{other}” (identical content); each item needs its own document: attach the right one",
        "le même fichier que « {other} » (contenu identique); chaque élément demande son propre document : \
         joignez le bon",
    );
    const MISSING_ANSWER: Template =
        Template::new(&["prompt"], "missing answer: {prompt}", "réponse manquante : {prompt}");
    let fr = lang == Lang::Fr;
    let blocks = ev.fired_with(q, Outcome::DocBlock);
    let mut files_ok = true;
    let mut files_distinct = true;
    // SHA-256 of each document file met so far, with its item's title.
    let mut seen: Vec<(&str, &str, &str)> = vec![];
    let mut items = vec![];
    let list = if ev.outcome == Outcome::OnlineOk { &ev.items } else { &ev.paper_prep };
    for r in list {
        let it = &q.items[r.item];
        let mut problems: Vec<String> = vec![];
        if r.status == Status::Missing {
            problems.push(
                match it.kind {
                    ItemKind::Upload if it.file_q.is_some() => {
                        if fr {
                            "aucun fichier"
                        } else {
                            "no file"
                        }
                    }
                    ItemKind::Upload => {
                        if fr {
                            "incomplet : voir les documents concernés"
                        } else {
                            "incomplete: see the documents it names"
                        }
                    }
                    ItemKind::Action => {
                        if fr {
                            "action non confirmée"
                        } else {
                            "not acknowledged"
                        }
                    }
                    _ => {
                        if fr {
                            "réponses incomplètes"
                        } else {
                            "answers incomplete"
                        }
                    }
                }
                .to_string(),
            );
        }
        let mut file = None;
        let mut same_file_as = None;
        if let Some(a) = attachments.iter().rev().find(|a| a.item == it.id) {
            let state = file_state(a);
            // Only the file the answers point at counts: an older record for a replaced path is ignored.
            let current = it
                .file_q
                .and_then(|f| answers.get(&q.questions[f].id))
                .is_some_and(|v| v.as_cond_str() == a.path.to_string_lossy());
            if current {
                if let Some(p) = state.text() {
                    files_ok = false;
                    problems.push(p.get(lang).to_string());
                }
                if a.kind == crate::documents::attach::Kind::Document {
                    match seen.iter().find(|(h, _, _)| *h == a.sha256) {
                        Some((_, other_id, other)) => {
                            files_distinct = false;
                            same_file_as = Some(other_id.to_string());
                            problems.push(fill!(SAME_FILE, lang, other = other));
                        }
                        None => seen.push((&a.sha256, &it.id, it.title.get(lang))),
                    }
                }
                file = Some(file_info(a, &state));
            }
        }
        // A file named in the answers without a recorded, matching check.
        let mut file_not_checked = false;
        if file.is_none()
            && let Some(path) = it.file_q.and_then(|f| ev.values[f].as_ref())
        {
            file_not_checked = true;
            files_ok = false;
            match refused.iter().find(|(id, _)| *id == it.id) {
                Some((_, why)) => problems.push(why.get(lang).to_string()),
                None => problems.push(not_checked_text(&path.display()).get(lang).to_string()),
            }
        }
        // Answers about this document that are wrong or missing.
        for p in ev.problems.iter().filter(|p| p.severity == Severity::Error) {
            if q.questions[p.question].item == Some(r.item) {
                let sep = crate::words::colon(lang);
                problems.push(format!(
                    "{}{sep}{}",
                    q.questions[p.question].prompt.get(lang),
                    p.message.get(lang)
                ));
            }
        }
        for &qi in &ev.missing {
            if q.questions[qi].item == Some(r.item) && Some(qi) != it.file_q {
                problems.push(fill!(MISSING_ANSWER, lang, prompt = q.questions[qi].prompt.get(lang)));
            }
        }
        // Document blocks this item causes: the block no longer fires without its answers.
        for &b in &blocks {
            if causes(q, answers, ev, r.item, b) {
                let rule = &q.rules[b];
                let sep = crate::words::colon(lang);
                // The rule in words (its title), never its id: people read this (issue 13).
                problems.push(format!("{}{sep}{}", rule.title.get(lang), rule.message.get(lang)));
            }
        }
        items.push(ItemReadiness {
            id: it.id.clone(),
            title: it.title.get(lang).to_string(),
            kind: it.kind.code(),
            status: r.status.code(),
            required: r.required,
            problem: if problems.is_empty() {
                None
            } else {
                Some(problems.iter().map(|p| p.trim_end_matches('.')).collect::<Vec<_>>().join("; "))
            },
            ok: problems.is_empty() && r.status != Status::Missing,
            file,
            same_file_as,
            file_not_checked,
        });
    }
    Readiness { items, files_ok, files_distinct }
}

/// "file not checked yet" for a file the answers name without a recorded check.
pub fn not_checked_text(path: &str) -> crate::engine::Text {
    let name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    const NOT_CHECKED: Template = Template::new(
        &["name"],
        "file not checked yet ({name}): give it again (its path, F7 or `citcert attach`)",
        "fichier pas encore vérifié ({name}) : donnez-le de nouveau (son chemin, F7 ou `citcert attach`)",
    );
    crate::fill_text!(NOT_CHECKED, name = name)
}

fn file_info(a: &Attachment, state: &FileState) -> FileInfo {
    FileInfo {
        name: a.file_name(),
        kind: match a.kind {
            crate::documents::attach::Kind::Document => "document".into(),
            crate::documents::attach::Kind::Explanation => "explanation".into(),
        },
        file_type: a.file_type.code().into(),
        size: a.size,
        sha256: a.sha256.clone(),
        attached_on: a.attached_on.to_string(),
        state: state.code(),
    }
}

/// Whether removing the item's document answers stops rule `rule` from firing.
fn causes(q: &Questionnaire, answers: &Answers, ev: &Evaluation, item: usize, rule: usize) -> bool {
    let prefix = format!("docs.{}.", q.items[item].id);
    if !answers.map.keys().any(|k| k.starts_with(&prefix)) {
        return false;
    }
    let mut without = answers.clone();
    without.map.retain(|k, _| !k.starts_with(&prefix));
    let ev2 = evaluate(q, &without, Context { ..ev.context });
    !ev2.fired.contains(&rule)
}
