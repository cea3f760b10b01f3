//! The session: one opened draft and everything decided about it, for both front ends. It owns the
//! draft, its evaluation, the cautions accepted, paper-preparation mode, what is really done
//! (files as last checked) and whether the draft on disk matches. Opening, answering (with the
//! file check), what an answer sets off, acknowledging, paper mode and saving happen here and
//! nowhere else; the TUI keeps only what it shows (screen, focus, field, panes, windows) beside it,
//! plain mode only where its walk is. No terminal code.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::draft::{Draft, DraftSink};
use super::files;
use super::fires::{self, Fired};
use crate::documents::attach::{AttachError, Attachment, FileState};
use crate::documents::readiness::Readiness;
use crate::engine::eval::ItemResult;
use crate::engine::{
    AnswerValue, Context, Evaluation, ItemKind, Lang, Outcome, Questionnaire, Severity, Text, evaluate,
};
use crate::words::Template;

/// One attached file as last checked: changed or vanished since attached, or the very file of
/// another item. Checked when the review opens (or the person asks), never on every frame: that
/// means reading and hashing every attached document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileCheck {
    pub item: String,
    /// unchanged | changed | missing | unreadable (`readiness::FileInfo::state`)
    pub state: &'static str,
    pub same_file_as: Option<String>,
}

/// What a relative path given at a file question means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativePaths {
    /// Refused: the full path is asked for (the TUI, where the working folder is not in view).
    Refuse,
    /// Relative to the folder the program runs in (plain mode, typed in a shell).
    FromWorkingFolder,
}

/// A file refused because the draft cannot be saved (why not).
const READ_ONLY: Template = Template::new(
    &["why"],
    "Read-only draft ({why}): nothing can be attached.",
    "Brouillon en lecture seule ({why}) : rien ne peut être joint.",
);
/// A file refused because its path (as typed) is relative.
const RELATIVE_PATH: Template = Template::new(
    &["path"],
    "“{path}” is a relative path: type the full path (starting with / or ~/).",
    "« {path} » est un chemin relatif : tapez le chemin complet (commençant par / ou ~/).",
);

/// Why an answer was not stored. Nothing changed.
#[derive(Debug)]
pub enum Refusal {
    /// Paper-preparation mode: no file is given (the documents are gathered on paper).
    PaperNoFile,
    /// The draft cannot be saved (why): no file is recorded.
    ReadOnly(Text),
    /// A relative path where the full path is asked for (the path as typed).
    RelativePath(String),
    /// The file failed its check (missing, not a regular file, wrong type, too large…).
    File(AttachError),
    /// The answer does not pass the question's own rules (the reason).
    Malformed(Text),
    /// The answer passes its own rules but is an error with the other answers (the reasons).
    Invalid(Vec<Text>),
}

impl Refusal {
    /// The reason in words, both languages.
    pub fn text(&self) -> Text {
        match self {
            Refusal::PaperNoFile => Text::new(
                "Paper mode: no file here; gather the paper documents (listed at the end).",
                "Mode papier : pas de fichier ici; les documents papier sont listés à la fin.",
            ),
            Refusal::ReadOnly(why) => crate::fill_text!(READ_ONLY, why = why),
            Refusal::RelativePath(p) => crate::fill_text!(RELATIVE_PATH, path = p),
            Refusal::File(e) => crate::engine::Explain::explain(e),
            Refusal::Malformed(t) => t.clone(),
            Refusal::Invalid(v) => Text::new(
                v.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join(" "),
                v.iter().map(|t| t.fr.as_str()).collect::<Vec<_>>().join(" "),
            ),
        }
    }
}

/// What an answer stored changed.
#[derive(Clone, Debug, Default)]
pub struct Change {
    /// The answer differs from the one stored before (giving the same answer again changes nothing).
    pub changed: bool,
    /// The stop or caution it set off, to show now (naming this question).
    pub fired: Option<Fired>,
    /// Checklist items that appeared / disappeared.
    pub items_new: Vec<usize>,
    pub items_gone: Vec<usize>,
    /// Answers set aside (no longer asked) / brought back.
    pub set_aside: Vec<usize>,
    pub back_in: Vec<usize>,
    /// Document blocks that fire now and did not before (rules).
    pub blocked: Vec<usize>,
    /// The file checked and recorded, when a file was given.
    pub attachment: Option<Attachment>,
    /// Paper-preparation mode ended: no stop applies any more.
    pub paper_mode_ended: bool,
}

/// An answer given: stored (what it changed) or refused (why).
pub type Answered = Result<Change, Refusal>;

/// One opened draft and all that is decided about it.
pub struct Session {
    pub draft: Draft,
    pub ev: Evaluation,
    /// Today, from the injected clock.
    pub today: NaiveDate,
    /// The language readiness is worded in (the front end's; changed with it).
    pub lang: Lang,
    /// Paper-preparation mode: chosen after a stop, held while a stop still applies.
    pub paper_mode: bool,
    /// Cautions accepted with "I understand" (rules).
    pub acknowledged: BTreeSet<usize>,
    /// Whether the draft on disk matches the answers.
    pub saved: bool,
    /// What is really done, item by item (files as last checked; no file is read to compute it):
    /// recomputed after each change, so frames only read it.
    pub rd: Readiness,
    /// The files' states as last read, by item.
    pub known: Vec<(String, FileState)>,
    /// Attached files as found on disk when last checked (see [`Session::check_files`]).
    pub file_checks: Vec<FileCheck>,
    /// Why the draft cannot be saved, if so (then no file is recorded).
    pub read_only: Option<Text>,
    /// What a relative path given at a file question means.
    pub relative: RelativePaths,
    /// The size limit for files given.
    pub max_bytes: u64,
}

impl Session {
    /// Opens a draft: answers kept under a renamed question's former id move to its id (CONTRACT
    /// §1); paper-preparation mode holds only while a stop still applies; the cautions accepted
    /// are kept; what is done is computed from the files as recorded (read when checked).
    pub fn open(
        q: &Questionnaire,
        mut draft: Draft,
        today: NaiveDate,
        lang: Lang,
        read_only: Option<Text>,
        relative: RelativePaths,
    ) -> Session {
        draft.answers.migrate(q);
        let ev = evaluate(q, &draft.answers, Context { today, started: Some(draft.created_on) });
        let paper_mode = draft.paper_prep && !ev.stops(q).is_empty();
        // Forgotten in the draft too (at the next save) when no stop applies any more.
        draft.paper_prep = paper_mode;
        let acknowledged =
            draft.acknowledged.iter().filter_map(|id| q.rules.iter().position(|r| &r.id == id)).collect();
        let mut s = Session {
            draft,
            ev,
            today,
            lang,
            paper_mode,
            acknowledged,
            saved: true,
            rd: Readiness { items: vec![], files_ok: true, files_distinct: true },
            known: vec![],
            file_checks: vec![],
            read_only,
            relative,
            max_bytes: files::max_bytes_setting(),
        };
        s.refresh_truth(q);
        s
    }

    /// The evaluation context: today, and the day the draft was started.
    pub fn context(&self) -> Context {
        Context { today: self.today, started: Some(self.draft.created_on) }
    }

    /// The suggestion a question offers before it is answered (the engine's; stored only when the
    /// person accepts it). The same in both front ends.
    pub fn suggestion(&self, q: &Questionnaire, qi: usize) -> Option<String> {
        super::answering::prefill(q, qi, &self.ev)
    }

    /// The value earlier answers fix question `qi` to, if any.
    pub fn fixed_value(&self, q: &Questionnaire, qi: usize) -> Option<String> {
        super::answering::fixed_value(q, qi, &self.ev)
    }

    /// Gives one answer as a person does (Enter, or the focus leaving the field): at a document's
    /// file question the path is checked and recorded first; otherwise the answer is stored as
    /// typed (normalised when it passes its rules, so that an error can be seen and fixed where it
    /// is). `None` clears the answer.
    pub fn answer(&mut self, q: &Questionnaire, qi: usize, v: Option<AnswerValue>) -> Answered {
        if let Some(r) = self.file_answer(q, qi, v.as_ref()) {
            return r;
        }
        Ok(self.set(q, qi, v))
    }

    /// Gives one answer, refused unless valid: the question's own rules, then the other answers
    /// (the previous answer is kept). A file question checks the file.
    pub fn answer_checked(&mut self, q: &Questionnaire, qi: usize, raw: &AnswerValue) -> Answered {
        if let Some(r) = self.file_answer(q, qi, Some(raw)) {
            return r;
        }
        let question = &q.questions[qi];
        let country =
            question.postal_country.and_then(|c| self.ev.values[c].as_ref()).map(|v| v.as_cond_str());
        let v = match crate::engine::answers::normalise(q, question, raw, self.today, country) {
            Ok((v, _)) => v,
            Err(msg) => return Err(Refusal::Malformed(msg)),
        };
        let mut trial = self.draft.answers.clone();
        trial.set(question.id.clone(), v.clone());
        let after = evaluate(q, &trial, self.context());
        if after.has_error(qi) {
            let why = after
                .problems_for(qi)
                .filter(|p| p.severity == Severity::Error)
                .map(|p| p.message.clone())
                .collect();
            return Err(Refusal::Invalid(why));
        }
        Ok(self.set(q, qi, Some(v)))
    }

    /// At a document's file question: the file check (None: not a file given, answer normally).
    fn file_answer(&mut self, q: &Questionnaire, qi: usize, v: Option<&AnswerValue>) -> Option<Answered> {
        let ii = files::file_item(q, qi)?;
        if self.paper_mode && v.is_some() {
            return Some(Err(Refusal::PaperNoFile));
        }
        let Some(AnswerValue::Text(typed)) = v else { return None };
        // The same path again, already checked and recorded: nothing to check.
        let item = &q.items[ii].id;
        let recorded = crate::documents::attach::attachments_of(&self.draft.attachments)
            .iter()
            .any(|a| a.item == *item && a.path.to_string_lossy() == typed.as_str());
        let same = self.draft.answers.get(&q.questions[qi].id).is_some_and(|c| c.as_cond_str() == typed);
        if same && recorded {
            return None;
        }
        Some(self.give_file(q, qi, typed))
    }

    /// A path given at file question `qi`: checked (exists, regular, readable, type by content,
    /// size) and recorded with the answer, or refused with the reason and nothing stored.
    pub fn give_file(&mut self, q: &Questionnaire, qi: usize, typed: &str) -> Answered {
        let Some(ii) = files::file_item(q, qi) else {
            return Ok(self.set(q, qi, Some(AnswerValue::Text(typed.to_string()))));
        };
        if self.paper_mode {
            return Err(Refusal::PaperNoFile);
        }
        if let Some(why) = &self.read_only {
            return Err(Refusal::ReadOnly(why.clone()));
        }
        let path = files::expand_home(typed.trim());
        if path.is_relative() && self.relative == RelativePaths::Refuse {
            // A relative path (often from an imported answers file) names a file relative to a
            // folder the draft does not record: never guess it.
            return Err(Refusal::RelativePath(crate::safe_text::inline(typed.trim()).into_owned()));
        }
        let clock = crate::clock::Clock::Fixed(self.today);
        let given = files::give_file(
            q,
            &self.draft.answers,
            &self.draft.attachments,
            self.draft.created_on,
            &q.items[ii].id,
            &path,
            None,
            self.max_bytes,
            &clock,
        )
        .map_err(Refusal::File)?;
        Ok(self.apply_given(q, given, qi))
    }

    /// Stores a file given (answers and attachment record; from a file question or the attach
    /// dialog), re-evaluates, and says what it set off at question `qi`.
    pub fn apply_given(&mut self, q: &Questionnaire, g: files::Given, qi: usize) -> Change {
        let before = self.ev.clone();
        self.draft.answers = g.answers;
        self.draft.attachments = g.attachments;
        self.known.retain(|(i, _)| *i != g.attachment.item);
        let mut c = self.reevaluate(q, &before, qi);
        c.changed = true;
        c.attachment = Some(g.attachment);
        c
    }

    /// Stores (or clears) one answer without the file check, re-evaluates, says what changed.
    pub fn set(&mut self, q: &Questionnaire, qi: usize, v: Option<AnswerValue>) -> Change {
        let id = q.questions[qi].id.clone();
        let v = v.map(|v| crate::engine::answers::for_storage(q, &self.ev, qi, v));
        if self.draft.answers.get(&id).cloned() == v {
            return Change::default();
        }
        let before = self.ev.clone();
        match v {
            Some(v) => self.draft.answers.set(id, v),
            None => {
                self.draft.answers.remove(&id);
            }
        }
        let mut c = self.reevaluate(q, &before, qi);
        c.changed = true;
        c
    }

    /// The value earlier answers fix `qi` to, stored so the draft holds what the form shows; true
    /// when it was not stored yet.
    pub fn settle_fixed(&mut self, q: &Questionnaire, qi: usize) -> bool {
        let Some(value) = self.fixed_value(q, qi) else { return false };
        let id = q.questions[qi].id.clone();
        if self.draft.answers.get(&id) == Some(&AnswerValue::Text(value.clone())) {
            return false;
        }
        self.draft.answers.set_text(id, value);
        let before = self.ev.clone();
        self.reevaluate(q, &before, qi);
        true
    }

    fn reevaluate(&mut self, q: &Questionnaire, before: &Evaluation, qi: usize) -> Change {
        self.ev = evaluate(q, &self.draft.answers, self.context());
        self.saved = false;
        let mut c = Change::default();
        // Paper-preparation mode ends when no stop applies any more (the answer that caused it changed).
        if self.paper_mode && self.ev.stops(q).is_empty() {
            self.paper_mode = false;
            self.draft.paper_prep = false;
            c.paper_mode_ended = true;
        }
        let old: Vec<usize> = before.items.iter().map(|r| r.item).collect();
        let new: Vec<usize> = self.ev.items.iter().map(|r| r.item).collect();
        c.items_new = new.iter().copied().filter(|i| !old.contains(i)).collect();
        c.items_gone = old.iter().copied().filter(|i| !new.contains(i)).collect();
        c.set_aside = self.ev.set_aside.iter().copied().filter(|x| !before.set_aside.contains(x)).collect();
        c.back_in = before.set_aside.iter().copied().filter(|x| !self.ev.set_aside.contains(x)).collect();
        c.blocked = self
            .ev
            .fired
            .iter()
            .copied()
            .filter(|r| !before.fired.contains(r) && q.rules[*r].outcome == Outcome::DocBlock)
            .collect();
        c.fired = fires::after_answer(q, before, &self.ev, qi, &self.acknowledged, self.paper_mode);
        self.refresh_truth(q);
        c
    }

    /// "I understand" on cautions: kept in the draft (not saved: the caller saves).
    pub fn acknowledge(&mut self, q: &Questionnaire, rules: &[usize]) {
        for &r in rules {
            self.acknowledged.insert(r);
            let id = &q.rules[r].id;
            if !self.draft.acknowledged.contains(id) {
                self.draft.acknowledged.push(id.clone());
            }
            self.saved = false;
        }
    }

    /// Paper-preparation mode, after a stop that sends to a paper application (not saved: the
    /// caller saves). False (nothing changed) when no such stop applies.
    pub fn enter_paper_mode(&mut self, q: &Questionnaire) -> bool {
        if !fires::paper_offered(q, &self.ev.stops(q)) {
            return false;
        }
        self.paper_mode = true;
        self.draft.paper_prep = true;
        self.saved = false;
        true
    }

    /// What stops the person leaving the screen (stops, else cautions not yet accepted).
    pub fn on_leaving(&self, q: &Questionnaire) -> Option<Fired> {
        fires::on_leaving(q, &self.draft.answers, &self.ev, &self.acknowledged, self.paper_mode)
    }

    /// The list beside the questions: the online checklist; in paper-preparation mode, the
    /// documents to gather for the paper application, in substance (the online items that are
    /// documents, then the paper-only items; not the "documents of the online checklist" summary).
    pub fn list<'s>(&'s self, q: &Questionnaire) -> Vec<&'s ItemResult> {
        if !self.paper_mode {
            return self.ev.items.iter().collect();
        }
        self.ev
            .items
            .iter()
            .filter(|r| q.items[r.item].kind != ItemKind::Action)
            .chain(self.ev.paper_prep.iter().filter(|r| q.items[r.item].id != "PP-ALL-ONLINE-ITEMS"))
            .collect()
    }

    /// The answers the review lists, in order (check your answers); on paper, without the file
    /// questions (no file is given on paper).
    pub fn review_entries(&self, q: &Questionnaire) -> Vec<usize> {
        super::journey::review_entries(q, &self.ev)
            .into_iter()
            .filter(|&qi| !self.paper_mode || files::file_item(q, qi).is_none())
            .collect()
    }

    /// Ready for a person: the answers gate and every file checked, unchanged and distinct.
    pub fn ready(&self) -> bool {
        self.rd.ready(&self.ev)
    }

    /// What happens next (SPEC §6), in `lang`.
    pub fn next_steps(&self, lang: Lang) -> Vec<String> {
        super::journey::next_steps(self.ready(), lang)
    }

    /// The answers and files as the summary export and the package read them.
    pub fn source(&self) -> crate::documents::handoff::Source {
        let created = self.draft.created_on;
        crate::documents::handoff::Source {
            answers: self.draft.answers.clone(),
            attachments: crate::documents::attach::attachments_of(&self.draft.attachments),
            created_on: Some(created),
            draft: Some(crate::documents::export::DraftInfo {
                label: self.draft.label.clone(),
                created_on: created.to_string(),
            }),
        }
    }

    /// Reads and hashes the attached files again (changed, vanished, one file on two items): when
    /// the review opens or the person asks, never on a keystroke.
    pub fn check_files(&mut self, q: &Questionnaire) {
        let attachments = crate::documents::attach::attachments_of(&self.draft.attachments);
        self.known =
            attachments.iter().map(|a| (a.item.clone(), crate::documents::attach::file_state(a))).collect();
        self.refresh_truth(q);
        self.file_checks = self
            .rd
            .items
            .iter()
            .filter_map(|i| {
                let f = i.file.as_ref()?;
                Some(FileCheck { item: i.id.clone(), state: f.state, same_file_as: i.same_file_as.clone() })
            })
            .collect();
    }

    /// Recomputes what is really done (`rd`) from the answers and the files as last read.
    pub fn refresh_truth(&mut self, q: &Questionnaire) {
        let attachments = crate::documents::attach::attachments_of(&self.draft.attachments);
        self.rd = crate::documents::readiness::readiness_known(
            q,
            &self.draft.answers,
            &self.ev,
            &attachments,
            &self.known,
            self.lang,
        );
    }

    /// Writes the draft (with its progress) through `store`. A failed save is said, and the draft
    /// is not taken for saved.
    pub fn save<S: DraftSink + ?Sized>(
        &mut self,
        q: &Questionnaire,
        store: &mut S,
    ) -> Result<(), crate::drafts::DraftError> {
        self.draft.progress = Some(self.ev.progress_percent(q));
        store.save(&self.draft)?;
        self.saved = true;
        Ok(())
    }
}
