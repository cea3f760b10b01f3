//! Answers (CONTRACT §3) and the per-type normalisation and validation of one answer (SPEC §0.4, §5).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::model::{Format, QType, Question, Questionnaire};
use super::text::{Bilingual, Fixed, Text};
use crate::fill_text;
use crate::words::Explain;

/// One answer: a string, or a list of strings for list questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerValue {
    Text(String),
    List(Vec<String>),
}

impl AnswerValue {
    /// The value conditions see: the text, or a one-element list's element ("" for longer lists,
    /// which count as answered but equal nothing).
    pub fn as_cond_str(&self) -> &str {
        match self {
            AnswerValue::Text(s) => s,
            AnswerValue::List(v) if v.len() == 1 => &v[0],
            AnswerValue::List(_) => "",
        }
    }
    pub fn to_json(&self) -> Value {
        match self {
            AnswerValue::Text(s) => Value::String(s.clone()),
            AnswerValue::List(v) => Value::Array(v.iter().cloned().map(Value::String).collect()),
        }
    }
    /// As typed, for showing back to the user.
    pub fn display(&self) -> String {
        match self {
            AnswerValue::Text(s) => s.clone(),
            AnswerValue::List(v) => v.join("; "),
        }
    }
}

/// A set of answers by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub map: BTreeMap<String, AnswerValue>,
}

/// Why an answers file could not be read (`check` exits 2 with these).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    /// The question id, or empty for the file as a whole.
    pub id: String,
    pub message: Text,
}

impl Explain for ShapeError {
    /// "id: problem", or the problem alone for the file as a whole.
    fn explain(&self) -> Text {
        if self.id.is_empty() {
            self.message.clone()
        } else {
            fill_text!(w::ID_PROBLEM, id = self.id, problem = &self.message)
        }
    }
}

impl Explain for [ShapeError] {
    /// "id: problem; id: problem" in both languages.
    fn explain(&self) -> Text {
        let all: Vec<Text> = self.iter().map(ShapeError::explain).collect();
        let join = |lang| all.iter().map(|t| t.get(lang)).collect::<Vec<_>>().join("; ");
        Text::new(join(super::Lang::En), join(super::Lang::Fr))
    }
}

impl Answers {
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.map.get(id)
    }
    pub fn set(&mut self, id: impl Into<String>, v: AnswerValue) {
        self.map.insert(id.into(), v);
    }
    pub fn set_text(&mut self, id: impl Into<String>, v: impl Into<String>) {
        self.map.insert(id.into(), AnswerValue::Text(v.into()));
    }
    pub fn remove(&mut self, id: &str) -> Option<AnswerValue> {
        self.map.remove(id)
    }

    /// Reads the `answers` object of an answers file or draft (other top-level keys are ignored).
    pub fn from_file_json(root: &Value) -> Result<Answers, Vec<ShapeError>> {
        let Some(obj) = root.as_object() else {
            return Err(vec![ShapeError {
                id: String::new(),
                message: Text::new(
                    "the file must hold a JSON object with an \"answers\" object, e.g. {\"answers\": {\"elig.applying_for\": \"self\"}}",
                    "le fichier doit contenir un objet JSON avec un objet « answers », p. ex. {\"answers\": {\"elig.applying_for\": \"self\"}}",
                ),
            }]);
        };
        match obj.get("answers") {
            Some(Value::Object(m)) => Answers::from_map(m),
            Some(_) => Err(vec![ShapeError {
                id: String::new(),
                message: Text::new(
                    "\"answers\" must be an object of question id → answer",
                    "« answers » doit être un objet identifiant de question → réponse",
                ),
            }]),
            None => Err(vec![ShapeError {
                id: String::new(),
                message: Text::new("there is no \"answers\" object", "il n'y a pas d'objet « answers »"),
            }]),
        }
    }

    /// Reads an `answers` map: every value a string, or a list of strings.
    pub fn from_map(m: &Map<String, Value>) -> Result<Answers, Vec<ShapeError>> {
        let mut out = Answers::default();
        let mut errs = vec![];
        for (id, v) in m {
            match v {
                Value::String(s) => out.set_text(id.clone(), s.clone()),
                Value::Array(a) if a.iter().all(Value::is_string) => out.set(
                    id.clone(),
                    AnswerValue::List(a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()),
                ),
                Value::Array(_) => errs.push(ShapeError {
                    id: id.clone(),
                    message: Text::new(
                        "a list answer must hold only strings",
                        "une réponse en liste ne doit contenir que des chaînes de caractères",
                    ),
                }),
                other => errs.push(ShapeError {
                    id: id.clone(),
                    message: fill_text!(w::EXPECTED_STRING_OR_LIST, found = json_kind_words(other)),
                }),
            }
        }
        if errs.is_empty() { Ok(out) } else { Err(errs) }
    }

    pub fn to_json_map(&self) -> Map<String, Value> {
        self.map.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()
    }

    /// Checks each answer's shape against its question (a list for list questions, a string
    /// otherwise). Unknown ids are not an error here; see `unknown_ids`.
    pub fn shape_errors(&self, q: &Questionnaire) -> Vec<ShapeError> {
        let mut errs = vec![];
        for (id, v) in &self.map {
            let Some(question) = q.question(id) else { continue };
            match (question.qtype, v) {
                (QType::List, AnswerValue::Text(_)) => errs.push(ShapeError {
                    id: id.clone(),
                    message: Text::new(
                        "expected a list of strings, e.g. [\"NA\"] or [\"MacDonald\"]",
                        "une liste de chaînes de caractères était attendue, p. ex. [\"NA\"] ou [\"MacDonald\"]",
                    ),
                }),
                (t, AnswerValue::List(_)) if t != QType::List => errs.push(ShapeError {
                    id: id.clone(),
                    message: fill_text!(w::EXPECTED_STRING_NOT_LIST, qtype = t.name()),
                }),
                _ => {}
            }
        }
        errs
    }

    /// Moves answers stored under a former question id (a question's `formerly` list) to the
    /// current id, so a draft or answers file written before a rename keeps them. When both ids
    /// hold an answer, the current one is kept (it is the later answer). Returns (former, current)
    /// for each id moved or superseded.
    pub fn migrate(&mut self, q: &Questionnaire) -> Vec<(String, String)> {
        let old: Vec<String> = self.map.keys().filter(|k| q.renamed_to(k).is_some()).cloned().collect();
        let mut moved = vec![];
        for k in old {
            let Some(new) = q.renamed_to(&k).map(str::to_string) else { continue };
            if let Some(v) = self.map.remove(&k) {
                self.map.entry(new.clone()).or_insert(v);
            }
            moved.push((k, new));
        }
        moved
    }

    /// Answers whose ids the questionnaire does not have.
    pub fn unknown_ids(&self, q: &Questionnaire) -> Vec<String> {
        self.map.keys().filter(|id| q.question(id).is_none()).cloned().collect()
    }
}

/// How a JSON value is named in error messages, in both languages.
fn json_kind_words(v: &Value) -> Fixed {
    Bilingual { en: json_kind(v), fr: json_kind_fr(v) }
}

/// How a JSON value is named in French error messages.
fn json_kind_fr(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "vrai/faux",
        Value::Number(_) => "un nombre",
        Value::String(_) => "une chaîne",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The result of normalising one answer: the stored value and an optional note (a warning).
pub type Normalised = Result<(AnswerValue, Option<Text>), Text>;

/// Is this one of the spellings of "Not Applicable"?
pub fn is_na_token(s: &str) -> bool {
    let t = s.trim().to_lowercase();
    matches!(t.as_str(), "na" | "n/a" | "not applicable" | "sans objet" | "s.o.")
}

/// Is this one of the spellings of "Unknown"?
pub fn is_unknown_token(s: &str) -> bool {
    matches!(s.trim().to_lowercase().as_str(), "unknown" | "inconnu" | "inconnue")
}

/// Normalises and validates one raw answer for question `question` (SPEC §0.4, §5). `country` is the
/// mailing country for postal codes.
pub fn normalise(
    q: &Questionnaire,
    question: &Question,
    raw: &AnswerValue,
    today: NaiveDate,
    country: Option<&str>,
) -> Normalised {
    if question.qtype == QType::List {
        let AnswerValue::List(items) = raw else {
            return Err(Text::new("Expected a list of values.", "Une liste de valeurs est attendue."));
        };
        let items: Vec<String> =
            items.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if items.is_empty() {
            return Err(if question.na { w::AT_LEAST_ONE_OR_NA } else { w::AT_LEAST_ONE }.to_text());
        }
        let mut out = vec![];
        for s in &items {
            if question.na && is_na_token(s) {
                out.push("NA".to_string());
            } else if question.unknown && is_unknown_token(s) {
                out.push("UNKNOWN".to_string());
            } else {
                out.push(s.clone());
            }
        }
        if out.len() > 1 && out.iter().any(|s| s == "NA" || s == "UNKNOWN") {
            return Err(Text::new(
                "NA or Unknown must be the only value in the list.",
                "NA ou Inconnu doit être la seule valeur de la liste.",
            ));
        }
        return Ok((AnswerValue::List(out), None));
    }
    let AnswerValue::Text(s) = raw else {
        return Err(Text::new(
            "Expected a single value, not a list.",
            "Une seule valeur est attendue, pas une liste.",
        ));
    };
    let s = s.trim();
    if s.is_empty() {
        return Err(Text::new("The answer is empty.", "La réponse est vide."));
    }
    // NA / UNKNOWN where allowed; refused elsewhere for free-text types.
    if question.na && is_na_token(s) {
        return Ok((AnswerValue::Text("NA".into()), None));
    }
    if question.unknown && is_unknown_token(s) {
        return Ok((AnswerValue::Text("UNKNOWN".into()), None));
    }
    let t = |v: String| Ok((AnswerValue::Text(v), None));
    match question.qtype {
        QType::YesNo | QType::Choice => {
            // Fast path: the option id exactly (what files and the TUI store).
            if let Some(o) = question.options.iter().find(|o| o.id == s) {
                return t(o.id.clone());
            }
            let lower = s.to_lowercase();
            let alias = match lower.as_str() {
                "y" | "oui" | "o" if question.qtype == QType::YesNo => "yes",
                "n" | "non" if question.qtype == QType::YesNo => "no",
                other => other,
            };
            match question.options.iter().find(|o| o.id == alias || o.id.eq_ignore_ascii_case(s)) {
                Some(o) => t(o.id.clone()),
                None => {
                    let ids: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
                    Err(fill_text!(w::NOT_A_CHOICE, answer = s, choices = ids.join(", ")))
                }
            }
        }
        QType::Date | QType::PDate => {
            let partial = question.qtype == QType::PDate;
            let (d, canonical) = date(s, partial)?;
            if !question.future_ok && d > today {
                return Err(fill_text!(w::DATE_IN_FUTURE, date = canonical, today = today));
            }
            t(canonical)
        }
        QType::Country => match q.country(s).or_else(|| q.country(&s.to_uppercase())) {
            Some(c) => t(c.code.clone()),
            None => Err(fill_text!(w::NOT_A_COUNTRY, answer = s)),
        },
        QType::Province => match q.province(s).or_else(|| q.province(&s.to_uppercase())) {
            Some(p) => t(p.code.clone()),
            None => Err(fill_text!(w::NOT_A_PROVINCE, answer = s)),
        },
        QType::Issuer => {
            let up = s.to_uppercase();
            if up == "CA" || q.province(&up).is_some() || q.country(&up).is_some() {
                t(up)
            } else {
                Err(fill_text!(w::NOT_AN_ISSUER, answer = s))
            }
        }
        // The list in the online application governs (G L43, SPEC §9.1 item 11): an office that
        // is not on citcert's list is kept as typed, with a note to check it there.
        QType::Office => match q.office(&s.to_lowercase()) {
            Some(o) => t(o.id.clone()),
            None if reserved_token(s) => Err(Text::new(
                "“Not Applicable” and “Unknown” are not accepted here: name the office.",
                "« Sans objet » et « Inconnu » ne sont pas acceptés ici : nommez le bureau.",
            )),
            None if s.chars().count() > 120 => Err(Text::new(
                "Name the office in at most 120 characters (city and type of office).",
                "Nommez le bureau en 120 caractères au plus (ville et type de bureau).",
            )),
            None => {
                Ok((AnswerValue::Text(s.to_string()), Some(fill_text!(w::OFFICE_NOT_LISTED, answer = s))))
            }
        },
        QType::Name => name(s),
        QType::Email => email(s),
        QType::Height => height(s),
        QType::File | QType::Display => t(s.to_string()),
        QType::List => unreachable!("handled above"),
        QType::Text => {
            if reserved_token(s) {
                return Err(Text::new(
                    "“Not Applicable” and “Unknown” are not accepted for this question.",
                    "« Sans objet » et « Inconnu » ne sont pas acceptés pour cette question.",
                ));
            }
            match question.format {
                Some(Format::Uci) => uci(s),
                Some(Format::CertNo) => cert_no(s),
                Some(Format::BcReg) => {
                    if s.chars().count() > 30 {
                        Err(Text::new(
                            "A registration number has at most 30 characters.",
                            "Un numéro d’enregistrement compte au plus 30 caractères.",
                        ))
                    } else {
                        t(s.to_string())
                    }
                }
                Some(Format::Postal) => postal(s, country),
                Some(Format::MinLen) if s.chars().count() < question.min_len => {
                    Err(fill_text!(w::MORE_DETAIL, min = question.min_len))
                }
                _ => t(s.to_string()),
            }
        }
    }
}

/// Month names, for dates in words (error messages here, read-back in the TUI).
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A date as typed: `YYYY-MM-DD`, forgiving one-digit months and days and `/` for `-`
/// ("1990-4-12", "1990/04/12"); with `partial`, `YYYY-MM` too (a month counts as its first day).
/// Returns the date and its canonical spelling (`1990-04-12`, or `2023-08` for a month); a day
/// that does not exist ("1990-02-30") is named as such, in words.
pub fn date(s: &str, partial: bool) -> Result<(NaiveDate, String), Text> {
    let not_a_date = || {
        if partial {
            fill_text!(w::NOT_A_DATE_OR_MONTH, answer = s)
        } else {
            fill_text!(w::NOT_A_DATE, answer = s)
        }
    };
    let sep = if s.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = s.split(sep).collect();
    let digits =
        |p: &str, max: usize| !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit());
    let shape_ok = match parts.as_slice() {
        [y, m, d] => y.len() == 4 && digits(y, 4) && digits(m, 2) && digits(d, 2),
        [y, m] => partial && y.len() == 4 && digits(y, 4) && digits(m, 2),
        _ => false,
    };
    if !shape_ok {
        return Err(not_a_date());
    }
    let num = |p: &str| p.parse::<u32>().unwrap_or(0);
    let (y, m) = (num(parts[0]) as i32, num(parts[1]));
    if !(1..=12).contains(&m) {
        return Err(fill_text!(w::NO_SUCH_MONTH, answer = s, m = m));
    }
    let Some(d) = parts.get(2).map(|d| num(d)) else {
        let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(not_a_date)?;
        return Ok((first, format!("{y:04}-{m:02}")));
    };
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => Ok((date, format!("{y:04}-{m:02}-{d:02}"))),
        None => {
            let days = (28..=31).rev().find(|&n| NaiveDate::from_ymd_opt(y, m, n).is_some()).unwrap_or(28);
            let month: Fixed = Bilingual { en: MONTHS_EN[m as usize - 1], fr: MONTHS_FR[m as usize - 1] };
            Err(if d == 0 {
                fill_text!(w::NO_DAY_ZERO, month = month, y = y, days = days, answer = s)
            } else {
                fill_text!(w::NO_SUCH_DAY, month = month, d = d, y = y, days = days, answer = s)
            })
        }
    }
}

/// What a front end stores for question `qi` when the person gives `raw`: the normalised value
/// ("178" → "178 cm", "1990-4-12" → "1990-04-12", "m5t1x4" → "M5T 1X4") when it passes the
/// question's per-type rules, else `raw` as typed, kept so that the person can see and fix it.
/// `ev` is the evaluation of the answers as they were (it gives the mailing country and today).
pub fn for_storage(
    q: &Questionnaire,
    ev: &super::eval::Evaluation,
    qi: usize,
    raw: AnswerValue,
) -> AnswerValue {
    let question = &q.questions[qi];
    let country =
        question.postal_country.and_then(|c| ev.values.get(c)?.as_ref()).map(AnswerValue::as_cond_str);
    match normalise(q, question, &raw, ev.context.today, country) {
        Ok((v, _)) => v,
        Err(_) => raw,
    }
}

/// In fields not flagged NA/UNK the tokens are refused (SPEC §0.4). A lone "Na" (a real surname)
/// is not a token: only "NA", "N/A", "Not Applicable" and "Unknown" are.
fn reserved_token(s: &str) -> bool {
    s == "NA"
        || s.eq_ignore_ascii_case("n/a")
        || s.eq_ignore_ascii_case("not applicable")
        || is_unknown_token(s)
}

fn name(s: &str) -> Normalised {
    if reserved_token(s) {
        return Err(Text::new(
            "“Not Applicable” and “Unknown” are not accepted for this name.",
            "« Sans objet » et « Inconnu » ne sont pas acceptés pour ce nom.",
        ));
    }
    if s.chars().count() > 100 {
        return Err(Text::new("A name has at most 100 characters.", "Un nom compte au plus 100 caractères."));
    }
    if let Some(bad) = s.chars().find(|c| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.')))
    {
        return Err(fill_text!(w::NAME_BAD_CHAR, bad = bad));
    }
    let folded: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((AnswerValue::Text(folded), None))
}

fn email(s: &str) -> Normalised {
    let ok = s.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
    }) && !s.chars().any(char::is_whitespace);
    if ok {
        Ok((AnswerValue::Text(s.to_string()), None))
    } else {
        Err(fill_text!(w::NOT_AN_EMAIL, answer = s))
    }
}

/// V-UCI: digits only after removing spaces and hyphens; 10 digits, or 8 (legacy) with a note.
pub fn uci(s: &str) -> Normalised {
    let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(fill_text!(w::UCI_NOT_DIGITS, answer = s));
    }
    match digits.len() {
        10 => Ok((AnswerValue::Text(digits), None)),
        8 => Ok((
            AnswerValue::Text(digits),
            Some(Text::new(
                "An 8-digit UCI is an older format; it is accepted. Check it against your documents.",
                "Une IUC de 8 chiffres est un ancien format; elle est acceptée. Vérifiez-la dans vos documents.",
            )),
        )),
        n => Err(fill_text!(w::UCI_LENGTH, n = n)),
    }
}

fn cert_no(s: &str) -> Normalised {
    let up: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if up.is_empty() || up.chars().count() > 12 || !up.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(fill_text!(w::NOT_A_CERT_NO, answer = s));
    }
    Ok((AnswerValue::Text(up), None))
}

fn postal(s: &str, country: Option<&str>) -> Normalised {
    match country {
        Some("CA") => {
            let c: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
            let b = c.as_bytes();
            let ok = b.len() == 6
                && b.iter()
                    .enumerate()
                    .all(|(i, ch)| if i % 2 == 0 { ch.is_ascii_alphabetic() } else { ch.is_ascii_digit() });
            if ok {
                Ok((AnswerValue::Text(format!("{} {}", &c[..3], &c[3..])), None))
            } else {
                Err(fill_text!(w::NOT_A_POSTAL_CODE, answer = s))
            }
        }
        Some("US") => {
            let b = s.as_bytes();
            let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
            let ok = (b.len() == 5 && digits(b))
                || (b.len() == 10 && b[5] == b'-' && digits(&b[..5]) && digits(&b[6..]));
            if ok {
                Ok((AnswerValue::Text(s.to_string()), None))
            } else {
                Err(fill_text!(w::NOT_A_ZIP_CODE, answer = s))
            }
        }
        _ => Ok((AnswerValue::Text(s.to_string()), None)),
    }
}

/// One piece of a typed height: a number (decimal comma or point) or a unit.
#[derive(Clone, Copy, Debug, PartialEq)]
enum HeightTok {
    Num(f64, bool),
    Cm,
    M,
    Ft,
    In,
}

/// Splits a typed height into numbers and units, in English and French ("5 pi 10 po", "1,78 m",
/// "5'10\"", "178cm"); None for anything else.
fn height_tokens(s: &str) -> Option<Vec<HeightTok>> {
    let l = s.to_lowercase().replace("''", "\"").replace("’’", "\"");
    let mut out = vec![];
    let mut chars = l.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut n = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() {
                    n.push(d);
                } else if matches!(d, '.' | ',') && !n.contains('.') {
                    n.push('.');
                } else {
                    break;
                }
                chars.next();
            }
            let decimal = n.contains('.');
            out.push(HeightTok::Num(n.trim_end_matches('.').parse().ok()?, decimal));
        } else if matches!(c, '\'' | '’' | '′') {
            chars.next();
            out.push(HeightTok::Ft);
        } else if matches!(c, '"' | '”' | '″') {
            chars.next();
            out.push(HeightTok::In);
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while let Some(&d) = chars.peek() {
                if !(d.is_alphabetic() || d == '.') {
                    break;
                }
                w.push(d);
                chars.next();
            }
            out.push(match w.trim_end_matches('.') {
                "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" | "centimètre"
                | "centimètres" => HeightTok::Cm,
                "m" | "metre" | "metres" | "meter" | "meters" | "mètre" | "mètres" => HeightTok::M,
                "ft" | "foot" | "feet" | "pi" | "pied" | "pieds" => HeightTok::Ft,
                "in" | "inch" | "inches" | "po" | "pouce" | "pouces" => HeightTok::In,
                _ => return None,
            });
        } else {
            return None;
        }
    }
    Some(out)
}

/// V-HEIGHT: a height in centimetres (30–250) or feet and inches (1 ft 0 in – 8 ft 2 in), typed as
/// people write it — "178", "178 cm", "1,78 m", "5'10\"", "5 ft 10 in", "5 pi 10 po", "70 in" —
/// and stored as "178 cm" or "5 ft 10 in".
pub fn height(s: &str) -> Normalised {
    use HeightTok::*;
    let bad = || Err(fill_text!(w::NOT_A_HEIGHT, answer = s));
    let Some(toks) = height_tokens(s) else { return bad() };
    let whole = |n: f64, decimal: bool| (!decimal && n <= f64::from(u32::MAX)).then_some(n as u32);
    match toks.as_slice() {
        [Num(n, false)] if (30.0..=250.0).contains(n) => cm(n.round() as u32),
        [Num(n, true)] if (0.3..=2.5).contains(n) => cm((n * 100.0).round() as u32),
        [Num(..)] => Err(fill_text!(w::HEIGHT_NO_UNIT, answer = s)),
        [Num(n, _), Cm] => cm(n.round() as u32),
        [Num(n, _), M] => cm((n * 100.0).round() as u32),
        [Num(f, fd), Ft, Num(i, id), In] | [Num(f, fd), Ft, Num(i, id)] => {
            match (whole(*f, *fd), whole(*i, *id)) {
                (Some(ft), Some(inch)) if inch < 12 => in_range(ft, inch),
                (Some(_), Some(_)) => Err(Text::new("Inches go from 0 to 11.", "Les pouces vont de 0 à 11.")),
                _ => bad(),
            }
        }
        [Num(f, fd), Ft] => match whole(*f, *fd) {
            Some(ft) => in_range(ft, 0),
            None => bad(),
        },
        [Num(i, id), In] => match whole(*i, *id) {
            Some(inch) => in_range(inch / 12, inch % 12),
            None => bad(),
        },
        _ => bad(),
    }
}

fn cm(cm: u32) -> Normalised {
    if (30..=250).contains(&cm) {
        Ok((AnswerValue::Text(format!("{cm} cm")), None))
    } else {
        Err(Text::new(
            "A height in centimetres is between 30 and 250 (0.30 m to 2.50 m).",
            "Une taille en centimètres se situe entre 30 et 250 (de 0,30 m à 2,50 m).",
        ))
    }
}

fn in_range(ft: u32, inch: u32) -> Normalised {
    let total = u64::from(ft) * 12 + u64::from(inch);
    if (12..=98).contains(&total) {
        Ok((AnswerValue::Text(format!("{ft} ft {inch} in")), None))
    } else {
        Err(Text::new(
            "A height in feet is between 1 ft 0 in and 8 ft 2 in.",
            "Une taille en pieds se situe entre 1 pi 0 po et 8 pi 2 po.",
        ))
    }
}

/// The words of answers files and of the per-type checks of one answer; `{answer}` is the answer
/// as typed.
mod w {
    use crate::words::{Fixed, Template};

    /// A shape error about one answer: its question id, then the problem.
    pub const ID_PROBLEM: Template = Template::new(&["id", "problem"], "{id}: {problem}", "{id}: {problem}");
    pub const EXPECTED_STRING_OR_LIST: Template = Template::new(
        &["found"],
        "expected a string (or a list of strings), found {found}",
        "une chaîne de caractères (ou une liste de chaînes) était attendue; trouvé : {found}",
    );
    pub const EXPECTED_STRING_NOT_LIST: Template = Template::new(
        &["qtype"],
        "expected a string ({qtype} question), found a list",
        "une chaîne de caractères était attendue (question {qtype}); trouvé : une liste",
    );
    pub const AT_LEAST_ONE: Fixed = Fixed::new("Enter at least one value.", "Entrez au moins une valeur.");
    pub const AT_LEAST_ONE_OR_NA: Fixed = Fixed::new(
        "Enter at least one value. Enter NA if none.",
        "Entrez au moins une valeur. Entrez NA s’il n’y en a pas.",
    );
    pub const NOT_A_CHOICE: Template = Template::new(
        &["answer", "choices"],
        "“{answer}” is not one of the choices: {choices}.",
        "« {answer} » ne fait pas partie des choix : {choices}.",
    );
    pub const DATE_IN_FUTURE: Template = Template::new(
        &["date", "today"],
        "{date} is in the future; this date cannot be after today ({today}).",
        "{date} est dans l’avenir; cette date ne peut pas être postérieure à aujourd’hui ({today}).",
    );
    pub const NOT_A_COUNTRY: Template = Template::new(
        &["answer"],
        "“{answer}” is not a country code (ISO 3166-1, e.g. CA, US, MX).",
        "« {answer} » n’est pas un code de pays (ISO 3166-1, p. ex. CA, US, MX).",
    );
    pub const NOT_A_PROVINCE: Template = Template::new(
        &["answer"],
        "“{answer}” is not a province or territory code (e.g. CA-ON, CA-QC).",
        "« {answer} » n’est pas un code de province ou de territoire (p. ex. CA-ON, CA-QC).",
    );
    pub const NOT_AN_ISSUER: Template = Template::new(
        &["answer"],
        "“{answer}” is not an issuer: use CA (federal), a province code such as CA-QC, or a country code \
         such as MX.",
        "« {answer} » n’est pas un émetteur : utilisez CA (fédéral), un code de province comme CA-QC ou un \
         code de pays comme MX.",
    );
    /// A note, not an error: the office is kept as typed.
    pub const OFFICE_NOT_LISTED: Template = Template::new(
        &["answer"],
        "“{answer}” is not on citcert's list of offices. It is kept as you typed it: make sure the online \
         application lists this office.",
        "« {answer} » ne figure pas sur la liste des bureaux de citcert. La réponse est gardée telle quelle : \
         vérifiez que la demande en ligne offre ce bureau.",
    );
    pub const MORE_DETAIL: Template = Template::new(
        &["min"],
        "Please give more detail: at least {min} characters (when, where, how and what).",
        "Veuillez donner plus de détails : au moins {min} caractères (quand, où, comment et quoi).",
    );
    pub const NOT_A_DATE: Template = Template::new(
        &["answer"],
        "“{answer}” is not a date. Use YYYY-MM-DD (e.g. 1990-04-12).",
        "« {answer} » n’est pas une date. Utilisez AAAA-MM-JJ (p. ex. 1990-04-12).",
    );
    /// For a question that takes a month alone too.
    pub const NOT_A_DATE_OR_MONTH: Template = Template::new(
        &["answer"],
        "“{answer}” is not a date. Use YYYY-MM-DD or YYYY-MM (e.g. 2023-08).",
        "« {answer} » n’est pas une date. Utilisez AAAA-MM-JJ ou AAAA-MM (p. ex. 2023-08).",
    );
    pub const NO_SUCH_MONTH: Template = Template::new(
        &["answer", "m"],
        "“{answer}” is not a date: there is no month {m} (months go from 01 to 12). Use YYYY-MM-DD.",
        "« {answer} » n’est pas une date : il n’y a pas de mois {m} (les mois vont de 01 à 12). Utilisez \
         AAAA-MM-JJ.",
    );
    /// Day 0 of a month, in words (`month` the month's name).
    pub const NO_DAY_ZERO: Template = Template::new(
        &["month", "y", "days", "answer"],
        "There is no day 0: {month} {y} has {days} days. Check the day of “{answer}”.",
        "Il n’y a pas de jour 0 : {month} {y} compte {days} jours. Vérifiez le jour de « {answer} ».",
    );
    /// A day past the end of its month ("1990-02-30"), in words.
    pub const NO_SUCH_DAY: Template = Template::new(
        &["month", "d", "y", "days", "answer"],
        "There is no {month} {d}, {y}: {month} {y} has {days} days. Check the day of “{answer}”.",
        "Le {d} {month} {y} n’existe pas : {month} {y} compte {days} jours. Vérifiez le jour de « {answer} ».",
    );
    pub const NAME_BAD_CHAR: Template = Template::new(
        &["bad"],
        "A name may hold letters, spaces, hyphens, apostrophes and periods only, not “{bad}”.",
        "Un nom ne peut contenir que des lettres, des espaces, des traits d’union, des apostrophes et des \
         points, pas « {bad} ».",
    );
    pub const NOT_AN_EMAIL: Template = Template::new(
        &["answer"],
        "“{answer}” is not an email address (name@example.ca).",
        "« {answer} » n’est pas une adresse courriel (nom@exemple.ca).",
    );
    pub const UCI_NOT_DIGITS: Template = Template::new(
        &["answer"],
        "“{answer}” is not a UCI: a UCI has only digits (10, or 8 for older ones). Enter NA if you have \
         none, Unknown if you don’t know it.",
        "« {answer} » n’est pas une IUC : une IUC ne contient que des chiffres (10, ou 8 pour les plus \
         anciennes). Entrez NA si vous n’en avez pas, Inconnu si vous ne la connaissez pas.",
    );
    pub const UCI_LENGTH: Template = Template::new(
        &["n"],
        "A UCI has 10 digits (older ones 8); this one has {n}.",
        "Une IUC compte 10 chiffres (8 pour les plus anciennes); celle-ci en compte {n}.",
    );
    pub const NOT_A_CERT_NO: Template = Template::new(
        &["answer"],
        "“{answer}” is not a certificate number: 1 to 12 letters and digits (e.g. K1234567). Enter \
         Unknown if you don’t know it.",
        "« {answer} » n’est pas un numéro de certificat : 1 à 12 lettres et chiffres (p. ex. K1234567). \
         Entrez Inconnu si vous ne le connaissez pas.",
    );
    pub const NOT_A_POSTAL_CODE: Template = Template::new(
        &["answer"],
        "“{answer}” is not a Canadian postal code (A1A 1A1).",
        "« {answer} » n’est pas un code postal canadien (A1A 1A1).",
    );
    pub const NOT_A_ZIP_CODE: Template = Template::new(
        &["answer"],
        "“{answer}” is not a US ZIP code (12345 or 12345-6789).",
        "« {answer} » n’est pas un code ZIP américain (12345 ou 12345-6789).",
    );
    pub const NOT_A_HEIGHT: Template = Template::new(
        &["answer"],
        "“{answer}” is not a height. Enter it as 165 cm, 1.65 m or 5 ft 6 in.",
        "« {answer} » n’est pas une taille. Entrez-la ainsi : 165 cm, 1,65 m ou 5 pi 6 po.",
    );
    pub const HEIGHT_NO_UNIT: Template = Template::new(
        &["answer"],
        "“{answer}” has no unit. Enter the height as 165 cm, 1.65 m or 5 ft 6 in.",
        "« {answer} » n’a pas d’unité. Entrez la taille ainsi : 165 cm, 1,65 m ou 5 pi 6 po.",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(r: Normalised) -> String {
        match r {
            Ok((v, _)) => v.display(),
            Err(e) => panic!("unexpected error: {}", e.en),
        }
    }

    #[test]
    fn uci_v_uci() {
        assert_eq!(ok(uci("12-3456-7890")), "1234567890");
        assert_eq!(ok(uci("1234 5678")), "12345678");
        assert!(uci("1234-5678").unwrap().1.is_some(), "8 digits carry a note");
        assert!(uci("123456789").is_err(), "X3: 9 digits");
        assert!(uci("12345678901").is_err());
        assert!(uci("12A4567890").is_err());
    }

    #[test]
    fn a_huge_height_in_feet_is_refused_not_wrapped_round() {
        // Found by the `answers` fuzz target: 1124930229 × 12 overflowed u32 (a panic in debug
        // builds; in release it wrapped, and 357913943 ft 6 in was accepted as a height).
        for s in ["1124930229 ft", "0000001124930229Ft", "357913943 ft 6 in", "4294967295 ft 11 in"] {
            assert!(height(s).is_err(), "{s}");
        }
        assert!(height("5 ft 6 in").is_ok());
    }

    #[test]
    fn height_v_height() {
        assert_eq!(ok(height("165 cm")), "165 cm");
        assert_eq!(ok(height("165cm")), "165 cm");
        assert_eq!(ok(height("5 ft 6 in")), "5 ft 6 in");
        assert_eq!(ok(height("5'6\"")), "5 ft 6 in");
        assert_eq!(ok(height("6 ft")), "6 ft 0 in");
        assert!(height("29 cm").is_err() && height("251 cm").is_err());
        assert!(height("8 ft 3 in").is_err() && height("0 ft 11 in").is_err());
        assert_eq!(ok(height("8 ft 2 in")), "8 ft 2 in");
        assert!(height("5 ft 12 in").is_err() && height("tall").is_err() && height("5.5 ft 1 in").is_err());
    }

    #[test]
    fn heights_as_people_type_them() {
        for (typed, stored) in [
            ("178", "178 cm"),
            ("178 cm", "178 cm"),
            ("178 CM", "178 cm"),
            ("178 centimètres", "178 cm"),
            ("1,78 m", "178 cm"),
            ("1.78m", "178 cm"),
            ("1,78", "178 cm"),
            ("5'10\"", "5 ft 10 in"),
            ("5’10”", "5 ft 10 in"),
            ("5'10''", "5 ft 10 in"),
            ("5'10", "5 ft 10 in"),
            ("5 ft 10 in", "5 ft 10 in"),
            ("5ft10in", "5 ft 10 in"),
            ("5 feet 10 inches", "5 ft 10 in"),
            ("5 pi 10 po", "5 ft 10 in"),
            ("5 pieds 10 pouces", "5 ft 10 in"),
            ("70 in", "5 ft 10 in"),
        ] {
            assert_eq!(ok(height(typed)), stored, "{typed}");
        }
        let e = height("5").unwrap_err();
        assert!(e.en.contains("no unit") && e.fr.contains("pas d’unité"), "{e:?}");
        let e = height("tall").unwrap_err();
        assert!(e.fr.contains("5 pi 6 po"), "the French hint spells French units: {e:?}");
        assert!(height("3 m").is_err() && height("0,2 m").is_err() && height("5 pi 10 po 3").is_err());
        assert!(height("5 ft -1 in").is_err() && height("1e3 cm").is_err());
    }

    #[test]
    fn dates_forgiving_and_exact() {
        let d = |s: &str, partial| date(s, partial).map(|(_, c)| c);
        assert_eq!(d("1990-4-12", false).unwrap(), "1990-04-12");
        assert_eq!(d("1990/04/12", false).unwrap(), "1990-04-12");
        assert_eq!(d("1990-04-12", false).unwrap(), "1990-04-12");
        assert_eq!(d("2023-8", true).unwrap(), "2023-08");
        assert_eq!(d("2024-02-29", false).unwrap(), "2024-02-29");
        assert!(d("2023-08", false).is_err(), "a full date needs the day");
        let e = d("1990-02-30", false).unwrap_err();
        assert!(e.en.contains("There is no February 30, 1990") && e.en.contains("28 days"), "{e:?}");
        assert!(e.fr.contains("Le 30 février 1990 n’existe pas") && e.fr.contains("28 jours"), "{e:?}");
        let e = d("1990-13-01", false).unwrap_err();
        assert!(e.en.contains("no month 13") && e.fr.contains("pas de mois 13"), "{e:?}");
        for bad in ["90-04-12", "1990-4-12-1", "1990-004-12", "12/04/1990", "1990-04-1x", "", "1990-04/12"] {
            assert!(d(bad, true).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_emails_postal_certificates() {
        assert_eq!(ok(name("  Joseph-Gagnon  ")), "Joseph-Gagnon");
        assert_eq!(ok(name("Zoë O’Brien")), "Zoë O’Brien");
        assert_eq!(ok(name("Na")), "Na", "Na is a surname, not a token");
        assert!(name("NA").is_err() && name("R2D2").is_err() && name(&"a".repeat(101)).is_err());
        assert!(email("a@b.ca").is_ok());
        for bad in ["a@b", "@b.ca", "a b@c.ca", "a@@b.ca", "a@b..ca", "a@.ca"] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert_eq!(ok(postal("m5v2t6", Some("CA"))), "M5V 2T6");
        assert!(postal("12345", Some("CA")).is_err());
        assert_eq!(ok(postal("02115", Some("US"))), "02115");
        assert!(ok(postal("02115-1234", Some("US"))).len() == 10);
        assert!(postal("0211", Some("US")).is_err());
        assert_eq!(ok(postal("44100", Some("MX"))), "44100");
        assert_eq!(ok(cert_no("k1234567")), "K1234567");
        assert!(cert_no("K-123").is_err() && cert_no("ABCDEFGHIJKLM").is_err());
    }

    #[test]
    fn tokens() {
        for s in ["NA", "n/a", "Not Applicable", " na "] {
            assert!(is_na_token(s), "{s}");
        }
        for s in ["Unknown", "UNKNOWN", "unknown "] {
            assert!(is_unknown_token(s), "{s}");
        }
        assert!(!is_na_token("nap") && !is_unknown_token("unknowns"));
    }

    #[test]
    fn answers_file_shapes() {
        let v: Value =
            serde_json::from_str(r#"{"answers": {"a": "x", "b": ["y"], "c": 3, "d": [1]}}"#).unwrap();
        let e = Answers::from_file_json(&v).unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(
            e.iter()
                .any(|e| e.id == "c" && e.message.en.contains("number") && e.message.fr.contains("nombre"))
        );
        assert!(e.iter().any(|e| e.id == "d"));
        assert!(Answers::from_file_json(&Value::Array(vec![])).is_err());
        assert!(
            Answers::from_file_json(&serde_json::json!({"x": 1})).unwrap_err()[0]
                .message
                .en
                .contains("no \"answers\"")
        );
        let ok =
            Answers::from_file_json(&serde_json::json!({"answers": {"a": "x", "b": ["y", "z"]}, "other": 1}))
                .unwrap();
        assert_eq!(ok.get("b"), Some(&AnswerValue::List(vec!["y".into(), "z".into()])));
        assert_eq!(ok.to_json_map()["a"], "x");
    }

    /// The sentences built from several pieces (issue 14: each is one `Template`), word for word in
    /// both languages.
    #[test]
    fn pieced_sentences_word_for_word() {
        let d = |s: &str, partial| date(s, partial).unwrap_err();
        let e = d("1990-02-30", false);
        assert_eq!(
            e.en,
            "There is no February 30, 1990: February 1990 has 28 days. Check the day of “1990-02-30”."
        );
        assert_eq!(
            e.fr,
            "Le 30 février 1990 n’existe pas : février 1990 compte 28 jours. Vérifiez le jour de « 1990-02-30 »."
        );
        let e = d("2024-2-0", true);
        assert_eq!(e.en, "There is no day 0: February 2024 has 29 days. Check the day of “2024-2-0”.");
        assert_eq!(
            e.fr,
            "Il n’y a pas de jour 0 : février 2024 compte 29 jours. Vérifiez le jour de « 2024-2-0 »."
        );
        let e = d("2023-8x", true);
        assert_eq!(e.en, "“2023-8x” is not a date. Use YYYY-MM-DD or YYYY-MM (e.g. 2023-08).");
        assert_eq!(e.fr, "« 2023-8x » n’est pas une date. Utilisez AAAA-MM-JJ ou AAAA-MM (p. ex. 2023-08).");

        let v: Value = serde_json::from_str(r#"{"answers": {"c": true}}"#).unwrap();
        let e = Answers::from_file_json(&v).unwrap_err();
        let t = e.explain();
        assert_eq!(t.en, "c: expected a string (or a list of strings), found true/false");
        assert_eq!(
            t.fr,
            "c: une chaîne de caractères (ou une liste de chaînes) était attendue; trouvé : vrai/faux"
        );

        let e = uci("123").unwrap_err();
        assert_eq!(e.en, "A UCI has 10 digits (older ones 8); this one has 3.");
        assert_eq!(e.fr, "Une IUC compte 10 chiffres (8 pour les plus anciennes); celle-ci en compte 3.");
        let e = height("5000").unwrap_err();
        assert_eq!(e.en, "“5000” has no unit. Enter the height as 165 cm, 1.65 m or 5 ft 6 in.");
        assert_eq!(e.fr, "« 5000 » n’a pas d’unité. Entrez la taille ainsi : 165 cm, 1,65 m ou 5 pi 6 po.");
    }
}
