//! The compiled questionnaire: what `load` builds from questionnaire.json.

use std::collections::{BTreeMap, HashMap};

use super::cond::Cond;
use super::text::{Lang, Text};
use crate::words::Template;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QType {
    YesNo,
    Choice,
    Text,
    Name,
    Email,
    Date,
    PDate,
    Country,
    Province,
    Issuer,
    Office,
    List,
    Height,
    File,
    Display,
}

impl QType {
    pub fn parse(s: &str) -> Option<QType> {
        Some(match s {
            "yesno" => QType::YesNo,
            "choice" => QType::Choice,
            "text" => QType::Text,
            "name" => QType::Name,
            "email" => QType::Email,
            "date" => QType::Date,
            "pdate" => QType::PDate,
            "country" => QType::Country,
            "province" => QType::Province,
            "issuer" => QType::Issuer,
            "office" => QType::Office,
            "list" => QType::List,
            "height" => QType::Height,
            "file" => QType::File,
            "display" => QType::Display,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            QType::YesNo => "yesno",
            QType::Choice => "choice",
            QType::Text => "text",
            QType::Name => "name",
            QType::Email => "email",
            QType::Date => "date",
            QType::PDate => "pdate",
            QType::Country => "country",
            QType::Province => "province",
            QType::Issuer => "issuer",
            QType::Office => "office",
            QType::List => "list",
            QType::Height => "height",
            QType::File => "file",
            QType::Display => "display",
        }
    }
    pub fn is_date(self) -> bool {
        matches!(self, QType::Date | QType::PDate)
    }
    /// Types whose answer is picked from a fixed set.
    pub fn is_pick(self) -> bool {
        matches!(
            self,
            QType::YesNo | QType::Choice | QType::Country | QType::Province | QType::Issuer | QType::Office
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Uci,
    CertNo,
    BcReg,
    Postal,
    MinLen,
}

#[derive(Clone, Debug)]
pub struct Opt {
    pub id: String,
    pub label: Text,
    /// Offered only while this holds (earlier answers can rule an option out); `True` for most.
    pub show_if: Cond,
    /// What to say when a stored answer picks this option while it is ruled out (a generic
    /// message naming the earlier questions otherwise).
    pub ruled_out_message: Option<Text>,
}

#[derive(Clone, Debug)]
pub enum Prefill {
    /// The answer to question `q`, through `map`; an empty map copies the answer as it is.
    From {
        q: usize,
        map: BTreeMap<String, String>,
    },
    Value {
        value: String,
        when: Cond,
    },
}

/// One question. `repr(C)` with the fields evaluation reads first: a 10,000-question form then
/// costs one or two cache lines per question instead of several (see BENCHMARKS.md).
#[derive(Clone, Debug)]
#[repr(C)]
pub struct Question {
    // Hot: read by every evaluation.
    /// The question's own show_if AND its screen's.
    pub show_if: Cond,
    /// While a condition holds the answer is its value (the first that holds wins).
    pub fixed: Vec<(Cond, String)>,
    pub mandatory: Cond,
    pub qtype: QType,
    pub na: bool,
    pub unknown: bool,
    pub future_ok: bool,
    /// Some option has a `show_if` (so evaluation checks which options are offered).
    pub option_conds: bool,
    pub format: Option<Format>,
    pub min_len: usize,
    pub postal_country: Option<usize>,
    pub must_be: Option<String>,
    pub options: Vec<Opt>,
    pub screen: usize,
    /// For document questions: the checklist item (index into `items`).
    pub item: Option<usize>,
    // Cold: read by screens and reports.
    pub id: String,
    /// Stable short number an agent and a caller can both say ("4.7").
    pub number: String,
    pub prompt: Text,
    pub prompt_minor: Option<Text>,
    pub help: Text,
    pub source: String,
    pub must_be_message: Option<Text>,
    pub prefill: Option<Prefill>,
    pub display: Option<String>,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&Opt> {
        self.options.iter().find(|o| o.id == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenKind {
    Questions,
    Review,
    Fee,
}

#[derive(Clone, Debug)]
pub struct Screen {
    pub id: String,
    /// "4", or "11.2" for a document screen.
    pub number: String,
    pub title: Text,
    pub intro: Option<Text>,
    pub kind: ScreenKind,
    pub show_if: Cond,
    /// Indices into `Questionnaire::questions` (contiguous, in order).
    pub questions: std::ops::Range<usize>,
    /// For a document screen: its checklist item.
    pub item: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    OnlineOk,
    StopPaper,
    StopWrongApplication,
    StopDoNotApply,
    Caution,
    DocBlock,
    DraftExpired,
    Incomplete,
}

impl Outcome {
    pub fn parse(s: &str) -> Option<Outcome> {
        Some(match s {
            "ONLINE_OK" => Outcome::OnlineOk,
            "STOP_PAPER" => Outcome::StopPaper,
            "STOP_WRONG_APPLICATION" => Outcome::StopWrongApplication,
            "STOP_DO_NOT_APPLY" => Outcome::StopDoNotApply,
            "CAUTION" => Outcome::Caution,
            "DOC_BLOCK" => Outcome::DocBlock,
            "DRAFT_EXPIRED" => Outcome::DraftExpired,
            "INCOMPLETE" => Outcome::Incomplete,
            _ => return None,
        })
    }
    pub fn code(self) -> &'static str {
        match self {
            Outcome::OnlineOk => "ONLINE_OK",
            Outcome::StopPaper => "STOP_PAPER",
            Outcome::StopWrongApplication => "STOP_WRONG_APPLICATION",
            Outcome::StopDoNotApply => "STOP_DO_NOT_APPLY",
            Outcome::Caution => "CAUTION",
            Outcome::DocBlock => "DOC_BLOCK",
            Outcome::DraftExpired => "DRAFT_EXPIRED",
            Outcome::Incomplete => "INCOMPLETE",
        }
    }
    pub fn is_stop(self) -> bool {
        matches!(self, Outcome::StopPaper | Outcome::StopWrongApplication | Outcome::StopDoNotApply)
    }
    /// Severity among stops, for the CONTRACT's `outcome` (higher wins).
    pub fn stop_rank(self) -> u8 {
        match self {
            Outcome::StopDoNotApply => 3,
            Outcome::StopWrongApplication => 2,
            Outcome::StopPaper => 1,
            _ => 0,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub outcome: Outcome,
    pub when: Cond,
    pub title: Text,
    pub message: Text,
    /// The guide sentence, where the rule comes from one (assumptions have none).
    pub quote: Option<Text>,
    pub source: String,
    pub info: Option<Text>,
}

impl Rule {
    /// The guide sentence as it is shown, between quotation marks: “…” in English; « … » in French,
    /// then the note that it is citcert's translation (the seed is the English guide). The note
    /// is not part of the quotation, so it comes after the closing ». None without a quote.
    pub fn quote_words(&self, lang: Lang) -> Option<String> {
        const T: Template = Template::new(
            &["quote"],
            "“{quote}”",
            "« {quote} » (traduction de citcert; le texte officiel est celui du guide en français)",
        );
        let quote = self.quote.as_ref().map(|q| q.get(lang)).filter(|q| !q.is_empty())?;
        Some(crate::fill!(T, lang, quote = quote))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug)]
pub struct Check {
    pub id: String,
    pub question: usize,
    pub severity: Severity,
    pub when: Cond,
    pub message: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Upload,
    Action,
    Answer,
    Info,
    PaperPrep,
}

impl ItemKind {
    pub fn parse(s: &str) -> Option<ItemKind> {
        Some(match s {
            "UPLOAD" => ItemKind::Upload,
            "ACTION" => ItemKind::Action,
            "ANSWER" => ItemKind::Answer,
            "INFO" => ItemKind::Info,
            "PAPER_PREP" => ItemKind::PaperPrep,
            _ => return None,
        })
    }
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Upload => "UPLOAD",
            ItemKind::Action => "ACTION",
            ItemKind::Answer => "ANSWER",
            ItemKind::Info => "INFO",
            ItemKind::PaperPrep => "PAPER_PREP",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    pub paper_prep: bool,
    pub required: Cond,
    pub when: Cond,
    pub title: Text,
    pub content: Text,
    pub source: String,
    pub reason: Text,
    pub reasons: Vec<(Cond, Text)>,
    pub doc_class: String,
    pub complete_when: Option<Cond>,
    /// docs.<ITEM>.file / .provide / .ack, when the item has a document screen.
    pub file_q: Option<usize>,
    pub provide_q: Option<usize>,
    pub ack_q: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicationKind {
    Row,
    Addendum,
}

#[derive(Clone, Debug)]
pub struct Indication {
    pub id: String,
    pub kind: IndicationKind,
    pub when: Cond,
    pub text: Text,
}

#[derive(Clone, Debug)]
pub struct Office {
    pub id: String,
    pub country: String,
    pub name: Text,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub code: String,
    pub name: Text,
}

#[derive(Clone, Debug)]
pub struct Fee {
    pub per_person_cad: u32,
    pub methods: Vec<Opt>,
}

/// The id indexes hash with foldhash (already compiled in through hashbrown): fast on short
/// strings, and keys come from the questionnaire and answers files, not from an adversary; SipHash
/// was a sixth of an evaluation's work. Fixed seed: the same order on every run.
pub type IdMap<V> = HashMap<String, V, foldhash::fast::FixedState>;

/// A loaded, compiled questionnaire. Immutable; share it by reference.
#[derive(Clone, Debug)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub texts: BTreeMap<String, Text>,
    /// When it holds, prompts use their `prompt_minor` wording.
    pub minor_mode: Cond,
    pub screens: Vec<Screen>,
    pub questions: Vec<Question>,
    pub rules: Vec<Rule>,
    pub checks: Vec<Check>,
    /// Online checklist items and paper-prep items (`paper_prep` set), in display order.
    pub items: Vec<Item>,
    pub indications: Vec<Indication>,
    pub offices: Vec<Office>,
    pub countries: Vec<Place>,
    pub provinces: Vec<Place>,
    pub fee: Fee,
    pub(crate) qindex: IdMap<usize>,
    /// Former question ids (a question's `formerly` list) → the question that now asks it. Answers
    /// stored under a former id are read as answers to that question, never dropped (CONTRACT §1).
    pub(crate) former: IdMap<usize>,
    /// Question ids in byte order with their indices: answers (a sorted map) are matched to
    /// questions by one merge walk, with no hashing and in memory order.
    pub(crate) sorted_ids: Vec<(String, usize)>,
    /// Per question, one byte: what the passes after the main one need (display? mandatory?),
    /// so they do not walk the large `Question` structs again.
    pub(crate) need: Vec<Need>,
    /// Countries, provinces and offices by code, for O(1) answer checks.
    pub(crate) code_index: IdMap<(CodeKind, usize)>,
}

/// Whether a question can be missing: never (display, or never mandatory), always when shown, or
/// when its mandatory condition holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    Never,
    Always,
    When,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CodeKind {
    Country,
    Province,
    Office,
}

impl Questionnaire {
    /// The question with this id, or with this id among its former ids.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.qindex.get(id).or_else(|| self.former.get(id)).copied()
    }
    /// The question that now asks what a former id asked (None for current or unknown ids).
    pub fn renamed_to(&self, former_id: &str) -> Option<&str> {
        self.former.get(former_id).map(|&i| self.questions[i].id.as_str())
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }
    pub fn screen_index(&self, id: &str) -> Option<usize> {
        self.screens.iter().position(|s| s.id == id)
    }
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }
    pub fn text(&self, name: &str) -> Option<&Text> {
        self.texts.get(name)
    }
    pub fn country(&self, code: &str) -> Option<&Place> {
        match self.code_index.get(code) {
            Some((CodeKind::Country, i)) => self.countries.get(*i),
            _ => None,
        }
    }
    pub fn province(&self, code: &str) -> Option<&Place> {
        match self.code_index.get(code) {
            Some((CodeKind::Province, i)) => self.provinces.get(*i),
            _ => None,
        }
    }
    pub fn office(&self, id: &str) -> Option<&Office> {
        match self.code_index.get(id) {
            Some((CodeKind::Office, i)) => self.offices.get(*i),
            _ => None,
        }
    }
}
