//! What a front end needs to run, below the front ends and the command line: the options every
//! command accepts (`GlobalArgs`: the clock, the questionnaire, the language, the drafts folder),
//! the error that ends a command (`error`), and reading the files a person gives (`input`).

use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;

use crate::clock::Clock;
use crate::engine::text::Text;
use crate::engine::{Answers, Context, Lang, Problem, Questionnaire, builtin, evaluate, load_str};
use crate::fill_text;
use crate::words::{Fixed, Template};

pub mod error;
pub mod input;
pub mod passphrase;

pub use error::{CliError, Failure, PROBLEM_WITH, cli_error, output_error};
pub use input::{MAX_INPUT_BYTES, json_reason, not_json, parse_answers_json, read_text, short_id};

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Pretend today is this date (YYYY-MM-DD); also CITCERT_TODAY.
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Where drafts are kept (default: the platform data directory); also CITCERT_DRAFTS_DIR.
    #[arg(long, global = true, value_name = "DIR", env = "CITCERT_DRAFTS_DIR")]
    pub drafts_dir: Option<PathBuf>,
    /// Use this questionnaire instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub questionnaire: Option<PathBuf>,
    /// Language of the output; also CITCERT_LANG (default: French when LC_ALL, LC_MESSAGES or LANG
    /// starts with fr, else English).
    #[arg(long, global = true, value_name = "LANG", env = "CITCERT_LANG", value_parser = LangValues)]
    pub lang: Option<String>,
    /// Plain mode: line-by-line prompts for screen readers, slow connections and scripts (also
    /// chosen when TERM=dumb or stdin/stdout is not a terminal).
    #[arg(long, global = true)]
    pub plain: bool,
    /// A file whose first line is the passphrase of a locked draft (for scripts; else it is asked
    /// on the terminal); also CITCERT_PASSPHRASE_FILE. Never give the passphrase itself.
    #[arg(long, global = true, value_name = "FILE", env = "CITCERT_PASSPHRASE_FILE")]
    pub passphrase_file: Option<PathBuf>,
}

impl GlobalArgs {
    /// The clock: `--today`, else `CITCERT_TODAY`, else the system date.
    pub fn clock(&self) -> Result<Clock, CliError> {
        let env = std::env::var("CITCERT_TODAY").ok();
        Clock::resolve(self.today.as_deref(), env.as_deref()).map_err(CliError::usage)
    }
}

/// `--lang`'s values, en and fr, for the help and the shell completions. Any text is taken:
/// [`GlobalArgs::language`] refuses a bad one in both languages (clap's own error is English only)
/// and also accepts the long names (english, français).
#[derive(Clone, Copy, Debug)]
pub struct LangValues;

impl clap::builder::TypedValueParser for LangValues {
    type Value = String;
    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }
    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(["en", "fr"].into_iter().map(clap::builder::PossibleValue::new)))
    }
}

/// The language the locale asks for, when neither `--lang` nor CITCERT_LANG is given: the first of
/// LC_ALL, LC_MESSAGES and LANG that is set and not empty decides (the POSIX order), French when it
/// starts with "fr" (fr_CA.UTF-8, fr), else English. `var` reads one environment variable.
pub fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(var).find(|v| !v.is_empty());
    match chosen {
        Some(v) if v.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("fr")) => Lang::Fr,
        _ => Lang::En,
    }
}

impl GlobalArgs {
    /// The questionnaire: `--questionnaire FILE`, else the built-in one.
    pub fn questionnaire(&self) -> Result<Questionnaire, CliError> {
        match &self.questionnaire {
            // The problems themselves are for the people who maintain questionnaire.json: English.
            None => builtin().cloned().map_err(|problems| {
                const BUILTIN_INVALID: Template = Template::new(
                    &["list"],
                    "the built-in questionnaire is invalid (a bug; please report it):\n{list}",
                    "le questionnaire intégré n'est pas valide (c'est un bogue; veuillez le signaler) :\n{list}",
                );
                CliError::bug(fill_text!(BUILTIN_INVALID, list = list(problems)))
            }),
            Some(path) => {
                let text = read_text(path)?;
                load_str(&text).map_err(|problems| {
                    const UNUSABLE: Template = Template::new(
                        &["file", "n", "problems", "first"],
                        "{file}: not a usable questionnaire ({n} {problems}); run `citcert validate {file}` for the \
                         list. First: {first}",
                        "{file} : questionnaire inutilisable ({n} {problems}); lancez `citcert validate {file}` pour \
                         la liste. Premier : {first}",
                    );
                    const PROBLEM: Fixed = Fixed::new("problem", "problème");
                    const PROBLEMS: Fixed = Fixed::new("problems", "problèmes");
                    let (p, n, first) = (crate::safe_text::path(path), problems.len(), &problems[0]);
                    let problems = if n == 1 { PROBLEM } else { PROBLEMS };
                    CliError::usage(fill_text!(UNUSABLE, file = p, n = n, problems = problems, first = first))
                })
            }
        }
    }

    /// The language: `--lang`, else `CITCERT_LANG`, else the locale ([`locale_lang`]: LC_ALL,
    /// LC_MESSAGES, LANG), else English.
    ///
    /// A bad value is refused in both languages at once (one line each): with no language to
    /// choose by, `main` prints the English field, and a French speaker must be able to read it.
    pub fn language(&self) -> Result<Lang, CliError> {
        match &self.lang {
            None => Ok(locale_lang(|k| std::env::var(k).ok())),
            Some(s) => Lang::parse(s).ok_or_else(|| {
                const NOT_A_LANGUAGE: Template = Template::new(
                    &["value"],
                    "--lang: \"{value}\" is not a language; use en or fr",
                    "--lang : « {value} » n'est pas une langue; utilisez en ou fr",
                );
                // Both lines in either language: there is no language yet to choose by.
                let t = fill_text!(NOT_A_LANGUAGE, value = s);
                CliError::usage(Text::same(format!("{}\n{}", t.en, t.fr)))
            }),
        }
    }
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}

/// Lets the draft store ask the engine about answers (progress, questions no longer asked)
/// without depending on it.
pub struct EngineInspector<'a> {
    pub q: &'a Questionnaire,
    pub today: NaiveDate,
}

impl crate::drafts::AnswerInspector for EngineInspector<'_> {
    fn progress_percent(&self, answers: &serde_json::Map<String, serde_json::Value>) -> u8 {
        match Answers::from_map(answers) {
            Ok(a) => {
                evaluate(self.q, &a, Context { today: self.today, started: None }).progress_percent(self.q)
            }
            Err(_) => 0,
        }
    }
    fn is_known_question(&self, id: &str) -> bool {
        self.q.question(id).is_some()
    }
    fn questionnaire(&self) -> crate::drafts::QuestionnaireRef {
        crate::drafts::QuestionnaireRef { id: self.q.id.clone(), version: self.q.version.clone() }
    }
    fn question_id(&self, number_or_id: &str) -> Option<String> {
        let s = number_or_id.trim();
        let by_number = self.q.questions.iter().find(|x| x.number == s);
        by_number.or_else(|| self.q.question(s)).map(|x| x.id.clone())
    }
    fn question_number(&self, id: &str) -> Option<String> {
        self.q.question(id).map(|x| x.number.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_locale_chooses_french_in_posix_order() {
        assert_eq!(locale_lang(env(&[])), Lang::En);
        assert_eq!(locale_lang(env(&[("LANG", "fr_CA.UTF-8")])), Lang::Fr);
        assert_eq!(locale_lang(env(&[("LANG", "FR")])), Lang::Fr);
        assert_eq!(locale_lang(env(&[("LANG", "en_CA.UTF-8")])), Lang::En);
        assert_eq!(locale_lang(env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(locale_lang(env(&[("LANG", "f")])), Lang::En);
        // LC_MESSAGES before LANG, LC_ALL before both; an empty one does not count.
        assert_eq!(locale_lang(env(&[("LANG", "en_US"), ("LC_MESSAGES", "fr_FR")])), Lang::Fr);
        assert_eq!(locale_lang(env(&[("LANG", "fr_CA"), ("LC_MESSAGES", "C")])), Lang::En);
        assert_eq!(locale_lang(env(&[("LANG", "fr_CA"), ("LC_ALL", "en_CA")])), Lang::En);
        assert_eq!(locale_lang(env(&[("LANG", "en_CA"), ("LC_ALL", "fr_CA.UTF-8")])), Lang::Fr);
        assert_eq!(locale_lang(env(&[("LANG", "fr_CA"), ("LC_ALL", "")])), Lang::Fr);
        // Not the language of times or numbers.
        assert_eq!(locale_lang(env(&[("LC_TIME", "fr_CA"), ("LC_NUMERIC", "fr_CA")])), Lang::En);
    }

    /// A questionnaire file that does not load, and a --lang that is no language, in both languages.
    #[test]
    fn option_refusals_in_both_languages() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("q.json");
        std::fs::write(&path, "{}").unwrap();
        let g = GlobalArgs { questionnaire: Some(path.clone()), ..GlobalArgs::default() };
        let e = g.questionnaire().unwrap_err();
        assert_eq!(e.code(), 2);
        let p = crate::safe_text::path(&path);
        let n = load_str("{}").unwrap_err().len();
        let (pe, pb) = if n == 1 { ("problem", "problème") } else { ("problems", "problèmes") };
        let en = format!(
            "{p}: not a usable questionnaire ({n} {pe}); run `citcert validate {p}` for the list. First: "
        );
        let fr = format!(
            "{p} : questionnaire inutilisable ({n} {pb}); lancez `citcert validate {p}` pour la liste. Premier : "
        );
        assert!(e.message.en.starts_with(&en), "{}", e.message.en);
        assert!(e.message.fr.starts_with(&fr), "{}", e.message.fr);

        let g = GlobalArgs { lang: Some("de".into()), ..GlobalArgs::default() };
        let both = "--lang: \"de\" is not a language; use en or fr\n--lang : « de » n'est pas une langue; utilisez en ou fr";
        let e = g.language().unwrap_err();
        assert_eq!((e.message.en.as_str(), e.message.fr.as_str()), (both, both));
    }

    #[test]
    fn exit_codes_are_distinct() {
        let codes: std::collections::BTreeSet<i32> = Failure::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes.len(), Failure::ALL.len(), "two kinds share an exit code");
        assert!(!codes.contains(&0), "a failure never exits 0");
        assert_eq!(CliError::usage(Text::default()).code(), 2);
    }
}
