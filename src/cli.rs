//! The command line: clap definitions and the dispatch to each command. Commands print their own
//! results; errors come back as `CliError` with the exit code they deserve.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};

use crate::clock::Clock;
use crate::engine::answers::ShapeError;
use crate::engine::text::Text;
use crate::engine::{Answers, Context, Lang, Problem, Questionnaire, builtin, evaluate, load_str};
use crate::report;

/// Prepare the Canadian online Application for a Citizenship Certificate (CIT 0001).
#[derive(Debug, Parser)]
#[command(name = "citcert", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Plain mode: open this draft (its id or the start of it) instead of asking.
    #[arg(long, value_name = "ID")]
    pub draft: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a screen of the TUI as plain text, with no terminal (`citcert render --help` lists the screens).
    Render(crate::tui::render::RenderArgs),
    /// Evaluate an answers file: outcome, rules, indication, checklist, readiness.
    Check {
        /// The answers file (or a draft file): {"answers": {"question.id": "value", …}}.
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
    },
    /// Check a questionnaire file (default: the built-in one) and list every problem with its place.
    Validate {
        /// The questionnaire to check; without it, the built-in questionnaire.json.
        file: Option<PathBuf>,
    },
    /// Saved drafts: list, new, show, rename, note, delete, purge, export, import.
    Drafts {
        #[command(subcommand)]
        cmd: crate::drafts::cli::DraftsCommand,
    },
    /// Attach a file (JPEG, PNG, PDF) to a checklist item of a draft; asks the document's questions.
    Attach(crate::docs_cli::AttachArgs),
    /// Export a draft or answers file: answers, outcome, indication, checklist, fee, next steps.
    Export(crate::docs_cli::ExportArgs),
    /// Make a signed submission package of a ready draft (answers, checklist, summary, files, manifest).
    Package(crate::docs_cli::PackageArgs),
    /// Check a package's signature and every file's hash; names anything added, removed or altered.
    Verify(crate::docs_cli::VerifyArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) in the chosen language.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `citcert man | man -l -`), or write every page into a folder.
    Man {
        /// Write citcert.1 and one page per command (citcert-drafts-new.1 …) into this folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Json,
    Text,
}

/// An error that ends a command, with its exit status and its message in English and French
/// (`main` prints the one `--lang`/`CITCERT_LANG` asks for).
#[derive(Debug)]
pub struct CliError {
    pub code: i32,
    pub message: Text,
}

/// Exit statuses (the table is in README.md): 0 done; 1 refused or failed (nothing wrong with the
/// command line); 2 bad arguments or unusable input; 3 the draft has expired (the 60-day rule);
/// [`EXIT_BUG`] a bug in citcert itself.
pub const EXIT_EXPIRED: i32 = 3;
/// The built-in questionnaire does not load: a bug in citcert, not in the user's input (EX_SOFTWARE
/// of sysexits.h). It used to be 3, which also means "draft expired".
pub const EXIT_BUG: i32 = 70;

impl CliError {
    /// Bad arguments or unusable input: exit 2.
    pub fn usage(message: Text) -> Self {
        CliError { code: 2, message }
    }
    pub fn with_code(code: i32, message: Text) -> Self {
        CliError { code, message }
    }
}

impl GlobalArgs {
    /// The questionnaire: `--questionnaire FILE`, else the built-in one.
    pub fn questionnaire(&self) -> Result<Questionnaire, CliError> {
        match &self.questionnaire {
            // The problems themselves are for the people who maintain questionnaire.json: English.
            None => builtin().cloned().map_err(|problems| {
                let l = list(problems);
                CliError::with_code(
                    EXIT_BUG,
                    Text::new(
                        format!("the built-in questionnaire is invalid (a bug; please report it):\n{l}"),
                        format!(
                            "le questionnaire intégré n'est pas valide (c'est un bogue; veuillez le signaler) :\n{l}"
                        ),
                    ),
                )
            }),
            Some(path) => {
                let text = read_text(path)?;
                load_str(&text).map_err(|problems| {
                    let (p, n, first) = (crate::safe_text::path(path), problems.len(), &problems[0]);
                    let pb = if n == 1 { "problème" } else { "problèmes" };
                    let pe = if n == 1 { "problem" } else { "problems" };
                    CliError::usage(Text::new(
                        format!(
                            "{p}: not a usable questionnaire ({n} {pe}); run `citcert validate {p}` for the list. First: {first}"
                        ),
                        format!(
                            "{p} : questionnaire inutilisable ({n} {pb}); lancez `citcert validate {p}` pour la liste. \
                             Premier : {first}"
                        ),
                    ))
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
                CliError::usage(Text::same(format!(
                    "--lang: \"{s}\" is not a language; use en or fr\n\
                     --lang : « {s} » n'est pas une langue; utilisez en ou fr"
                )))
            }),
        }
    }
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}

/// The largest file `read_text` reads (answers files, questionnaires): 8 MB, the limit of a draft
/// file, which an answers file may be (the built-in questionnaire is under 0.3 MB).
pub const MAX_INPUT_BYTES: u64 = crate::drafts::format::MAX_FILE_BYTES as u64;

/// Reads a UTF-8 text file, with an error that names it. Only a regular file of at most
/// [`MAX_INPUT_BYTES`] is read (a FIFO or device is refused, never waited on); a UTF-8 byte order
/// mark at the start is skipped.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    let p = crate::safe_text::path(path);
    let bytes = crate::drafts::fsutil::read_regular(path, MAX_INPUT_BYTES, true).map_err(|e| {
        let r = crate::drafts::io_reason(&e);
        CliError::usage(Text::new(
            format!("{p}: cannot read: {}", r.en),
            format!("{p} : lecture impossible : {}", r.fr),
        ))
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        CliError::usage(Text::new(
            format!("{p}: not UTF-8 text (invalid byte at offset {at})"),
            format!("{p} : ce n'est pas du texte UTF-8 (octet non valide à la position {at})"),
        ))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Parses an answers file: JSON where no object has the same key twice (serde_json would keep the
/// last silently, so an answer could change without a word). Errors name the file, line and key.
pub fn parse_answers_json(name: &str, text: &str) -> Result<serde_json::Value, CliError> {
    if let Err(e) = serde_json::from_str::<NoDuplicateKeys>(text) {
        let msg = e.to_string();
        if let Some(rest) = msg.strip_prefix(DUPLICATE) {
            let key = rest.rsplit_once(" at line ").map_or(rest, |(k, _)| k);
            let (l, c) = (e.line(), e.column());
            return Err(CliError::usage(Text::new(
                format!(
                    "{name}: line {l} column {c}: the key {key} appears twice in the same object; keep only one \
                     (which one counts would be a guess)"
                ),
                format!(
                    "{name} : ligne {l}, colonne {c} : la clé {key} figure deux fois dans le même objet; n'en \
                     gardez qu'une (laquelle compte serait une supposition)"
                ),
            )));
        }
        return Err(not_json(name, &e));
    }
    serde_json::from_str(text).map_err(|e| not_json(name, &e))
}

const DUPLICATE: &str = "duplicate key ";

/// Deserializes any JSON and fails on the first object with a key seen twice.
struct NoDuplicateKeys;

impl<'de> serde::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(k) = map.next_key::<String>()? {
            if seen.contains(&k) {
                return Err(serde::de::Error::custom(format!("{DUPLICATE}\"{}\"", short_id(&k))));
            }
            map.next_value::<NoDuplicateKeys>()?;
            seen.insert(k);
        }
        Ok(self)
    }
}

/// An id from a file, for a message: neutralised, and cut at 80 characters.
pub fn short_id(id: &str) -> String {
    let cut: String = id.chars().take(80).collect();
    let more = if cut.len() < id.len() { "…" } else { "" };
    format!("{}{more}", crate::safe_text::inline(&cut))
}

/// A JSON file that does not parse: "NAME: line L column C: not valid JSON: …", in both languages.
pub fn not_json(name: &str, e: &serde_json::Error) -> CliError {
    let (l, c, r) = (e.line(), e.column(), json_reason(e));
    CliError::usage(Text::new(
        format!("{name}: line {l} column {c}: not valid JSON: {}", r.en),
        format!("{name} : ligne {l}, colonne {c} : JSON non valide : {}", r.fr),
    ))
}

/// What serde_json found wrong, in both languages. The English is serde_json's own message
/// (with its "at line L column C"); the French names the problem without the place, which the
/// callers give. A message this does not know keeps its English in parentheses.
pub fn json_reason(e: &serde_json::Error) -> Text {
    let en = e.to_string();
    let head = en.rsplit_once(" at line ").map_or(en.as_str(), |(h, _)| h);
    let fr = match head {
        "EOF while parsing a list" => "le fichier se termine au milieu d'une liste".to_string(),
        "EOF while parsing an object" => "le fichier se termine au milieu d'un objet".to_string(),
        "EOF while parsing a string" => "le fichier se termine au milieu d'une chaîne".to_string(),
        "EOF while parsing a value" => "le fichier se termine avant une valeur".to_string(),
        "expected `:`" => "« : » attendu".to_string(),
        "expected `,` or `]`" => "« , » ou « ] » attendu".to_string(),
        "expected `,` or `}`" => "« , » ou « } » attendu".to_string(),
        "expected ident" => "mot attendu (true, false ou null)".to_string(),
        "expected value" => "valeur attendue".to_string(),
        "expected `\"`" => "« \" » attendu".to_string(),
        "invalid escape" => "séquence d'échappement non valide".to_string(),
        "invalid number" => "nombre non valide".to_string(),
        "number out of range" => "nombre hors limites".to_string(),
        "invalid unicode code point" => "point de code Unicode non valide".to_string(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle (\\u0000-\\u001F) dans une chaîne".to_string()
        }
        "key must be a string" => "une clé doit être une chaîne".to_string(),
        "lone leading surrogate in hex escape" => {
            "demi-code (surrogate) isolé dans un échappement".to_string()
        }
        "trailing comma" => "virgule en trop à la fin".to_string(),
        "trailing characters" => "caractères en trop après la fin".to_string(),
        "unexpected end of hex escape" => "échappement hexadécimal incomplet".to_string(),
        "recursion limit exceeded" => "imbrication trop profonde".to_string(),
        other => match other.strip_prefix("missing field ") {
            Some(field) => format!("champ {field} manquant"),
            None => format!("erreur de format ({other})"),
        },
    };
    Text::new(en, fr)
}

/// Runs the parsed command line and returns the exit status.
pub fn run(cli: Cli) -> Result<i32, CliError> {
    let clock = cli.global.clock()?;
    match cli.command {
        None if plain_chosen(&cli.global) => run_plain(&cli.global, cli.draft, clock),
        None => crate::tui::run(&cli.global),
        Some(Command::Render(args)) => crate::tui::render::run(&args, &cli.global),
        Some(Command::Check { answers, format }) => {
            let q = cli.global.questionnaire()?;
            let lang = cli.global.language()?;
            check(&q, &answers, clock.today(), format, lang)
        }
        Some(Command::Validate { file }) => validate(file.as_deref()),
        Some(Command::Drafts { cmd }) => {
            let q = cli.global.questionnaire()?;
            crate::drafts::cli::run(&cmd, &cli.global, &EngineInspector { q: &q, today: clock.today() })
        }
        Some(Command::Attach(a)) => crate::docs_cli::attach_cmd(&a, &cli.global),
        Some(Command::Export(a)) => crate::docs_cli::export_cmd(&a, &cli.global),
        Some(Command::Package(a)) => crate::docs_cli::package_cmd(&a, &cli.global),
        Some(Command::Verify(a)) => crate::docs_cli::verify_cmd(&a, &cli.global),
        Some(Command::Completions { shell }) => {
            crate::generate::completions_cmd(shell, cli.global.language()?)
        }
        Some(Command::Man { out }) => crate::generate::man_cmd(out.as_deref(), cli.global.language()?),
    }
}

/// Plain mode when asked for, or when the terminal cannot do full-screen drawing.
fn plain_chosen(global: &GlobalArgs) -> bool {
    use std::io::IsTerminal;
    global.plain
        || std::env::var("TERM").is_ok_and(|t| t == "dumb")
        || !std::io::stdin().is_terminal()
        || !std::io::stdout().is_terminal()
}

fn run_plain(global: &GlobalArgs, draft: Option<String>, clock: Clock) -> Result<i32, CliError> {
    use std::io::IsTerminal;
    let q = global.questionnaire()?;
    let lang = global.language()?;
    let drafts_dir = match &global.drafts_dir {
        Some(d) => d.clone(),
        None => crate::drafts::DraftStore::default_dir().map_err(crate::drafts::cli::cli_error)?,
    };
    let stdin = std::io::stdin();
    let echo_input = !stdin.is_terminal();
    let ctx = crate::plain::PlainContext { questionnaire: &q, drafts_dir, clock, lang, draft, echo_input };
    crate::plain::run(stdin.lock(), std::io::stdout().lock(), ctx)
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

fn check(
    q: &Questionnaire,
    path: &Path,
    today: NaiveDate,
    format: OutputFormat,
    lang: Lang,
) -> Result<i32, CliError> {
    let name = crate::safe_text::path(path);
    let text = read_text(path)?;
    let root = parse_answers_json(&name, &text)?;
    let answers = Answers::from_file_json(&root).map_err(|errs| shape_error(&name, &errs))?;
    let unknown = answers.unknown_ids(q);
    if !unknown.is_empty() {
        let (mut en, mut fr) = (vec![], vec![]);
        // The first few, each cut short: a file can hold a million unknown ids, or a huge one.
        const SHOWN: usize = 20;
        for full in unknown.iter().take(SHOWN) {
            let near = closest_id(q, full);
            let id = short_id(full);
            let (qid, v) = (&q.id, &q.version);
            let hint = near.map(|c| format!(" (did you mean \"{c}\"?)")).unwrap_or_default();
            en.push(format!("{name}: answers.\"{id}\": no such question in questionnaire {qid} {v}{hint}"));
            let hint = near.map(|c| format!(" (vouliez-vous dire « {c} »?)")).unwrap_or_default();
            fr.push(format!(
                "{name} : answers.\"{id}\" : le questionnaire {qid} {v} n'a pas de question de ce nom{hint}"
            ));
        }
        if unknown.len() > SHOWN {
            let more = unknown.len() - SHOWN;
            en.push(format!("{name}: and {more} more unknown question ids"));
            fr.push(format!("{name} : et {more} autres identifiants de question inconnus"));
        }
        return Err(CliError::usage(Text::new(en.join("\n"), fr.join("\n"))));
    }
    let shape = answers.shape_errors(q);
    if !shape.is_empty() {
        return Err(shape_error(&name, &shape));
    }
    // A draft carries its start date; the 60-day rule (DR-16) then applies.
    let started = root.get("created_on").and_then(|v| v.as_str()).and_then(crate::clock::parse_date);
    let ev = evaluate(q, &answers, Context { today, started });
    // Readiness item by item, with attached files re-hashed (issue 5).
    // A draft records the files it was given (checked then); a file named in a draft without a
    // record is "not checked yet". A plain answers file records none: the files it names are
    // checked now, relative to its folder (issue 10).
    let recorded = root.get("attachments").and_then(|v| v.as_array());
    let attachments = recorded.map(|a| crate::attach::attachments_of(a)).unwrap_or_default();
    let rd = if recorded.is_none() {
        let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let max = crate::session::files::max_bytes_setting();
        let (checked, attachments, refused) =
            crate::session::files::check_named_files(q, &answers, &ev, &attachments, base, max, today);
        let ev2 = evaluate(q, &checked, Context { today, started });
        crate::readiness::readiness_with(q, &checked, &ev2, &attachments, &refused, lang)
    } else {
        crate::readiness::readiness(q, &answers, &ev, &attachments, lang)
    };
    match format {
        OutputFormat::Json => {
            let mut v = report::check_json(q, &ev, lang);
            report::add_readiness_json(&mut v, &rd);
            println!("{}", crate::safe_text::json(&serde_json::to_string_pretty(&v).unwrap_or_default()))
        }
        OutputFormat::Text => {
            // Invalid answers are echoed: neutralised for the terminal.
            print!("{}", crate::safe_text::block(&report::check_text(q, &ev, &rd, lang)));
            print!("{}", crate::safe_text::block(&report::readiness_text(&rd, lang)));
        }
    }
    Ok(0)
}

fn shape_error(name: &str, errs: &[ShapeError]) -> CliError {
    let lines = |lang: Lang, colon: &str| {
        errs.iter()
            .map(|e| {
                let m = e.message.get(lang);
                if e.id.is_empty() {
                    format!("{name}{colon}{m}")
                } else {
                    format!("{name}{colon}answers.\"{}\"{colon}{m}", short_id(&e.id))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    CliError::usage(Text::new(lines(Lang::En, ": "), lines(Lang::Fr, " : ")))
}

/// The known question id nearest to a misspelt one (edit distance ≤ 3). Ids whose lengths differ
/// by more than 3 cannot be that close and are not compared (a huge id costs nothing).
fn closest_id<'a>(q: &'a Questionnaire, id: &str) -> Option<&'a str> {
    let n = id.chars().count();
    q.questions
        .iter()
        .filter(|x| x.id.chars().count().abs_diff(n) <= 3)
        .map(|x| (edit_distance(&x.id, id), x.id.as_str()))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, s)| s)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(row[j + 1]) };
            prev = cur;
        }
    }
    row[b.len()]
}

fn validate(file: Option<&Path>) -> Result<i32, CliError> {
    let (name, text) = match file {
        Some(p) => (crate::safe_text::path(p), read_text(p)?),
        None => ("questionnaire.json (built in)".to_string(), crate::engine::load::BUILTIN_JSON.to_string()),
    };
    match load_str(&text) {
        Ok(q) => {
            println!(
                "{name}: valid — {} {}: {} screens, {} questions, {} rules, {} checks, {} checklist items, {} indications",
                q.id,
                q.version,
                q.screens.len(),
                q.questions.len(),
                q.rules.len(),
                q.checks.len(),
                q.items.len(),
                q.indications.len()
            );
            Ok(0)
        }
        Err(problems) => {
            for p in &problems {
                println!("{name}: {p}");
            }
            println!(
                "{name}: {} problem{} found",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            Ok(1)
        }
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

    #[test]
    fn exit_codes_are_distinct() {
        assert_ne!(EXIT_BUG, EXIT_EXPIRED);
        assert_eq!(CliError::usage(Text::default()).code, 2);
    }
}
