//! The command line: clap definitions and the dispatch to each command. Commands print their own
//! results; errors come back as `CliError` with the exit code they deserve.

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

use crate::clock::Clock;
use crate::context::{
    CliError, EngineInspector, GlobalArgs, PROBLEM_WITH, parse_answers_json, read_text, short_id,
};
use crate::documents::report;
use crate::engine::answers::ShapeError;
use crate::engine::text::Text;
use crate::engine::{Answers, Context, Lang, Questionnaire, evaluate, load_str};
use crate::words::Template;
use crate::{fill, fill_text};

pub mod docs;
pub mod drafts;
pub mod generate;
pub mod help;

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
        cmd: crate::cli::drafts::DraftsCommand,
    },
    /// Attach a file (JPEG, PNG, PDF) to a checklist item of a draft; asks the document's questions.
    Attach(crate::cli::docs::AttachArgs),
    /// Export a draft or answers file: answers, outcome, indication, checklist, fee, next steps.
    Export(crate::cli::docs::ExportArgs),
    /// Make a signed submission package of a ready draft (answers, checklist, summary, files, manifest).
    Package(crate::cli::docs::PackageArgs),
    /// Check a package's signature and every file's hash; names anything added, removed or altered.
    Verify(crate::cli::docs::VerifyArgs),
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
            check(&q, &answers, clock.today(), format, lang, &cli.global)
        }
        Some(Command::Validate { file }) => validate(file.as_deref()),
        Some(Command::Drafts { cmd }) => {
            let q = cli.global.questionnaire()?;
            crate::cli::drafts::run(&cmd, &cli.global, &EngineInspector { q: &q, today: clock.today() })
        }
        Some(Command::Attach(a)) => crate::cli::docs::attach_cmd(&a, &cli.global),
        Some(Command::Export(a)) => crate::cli::docs::export_cmd(&a, &cli.global),
        Some(Command::Package(a)) => crate::cli::docs::package_cmd(&a, &cli.global),
        Some(Command::Verify(a)) => crate::cli::docs::verify_cmd(&a, &cli.global),
        Some(Command::Completions { shell }) => {
            crate::cli::generate::completions_cmd(shell, cli.global.language()?)
        }
        Some(Command::Man { out }) => crate::cli::generate::man_cmd(out.as_deref(), cli.global.language()?),
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
        None => crate::drafts::DraftStore::default_dir().map_err(crate::context::cli_error)?,
    };
    let stdin = std::io::stdin();
    let echo_input = !stdin.is_terminal();
    let ctx = crate::plain::PlainContext { questionnaire: &q, drafts_dir, clock, lang, draft, echo_input };
    crate::plain::run(stdin.lock(), std::io::stdout().lock(), ctx)
}

fn check(
    q: &Questionnaire,
    path: &Path,
    today: NaiveDate,
    format: OutputFormat,
    lang: Lang,
    global: &GlobalArgs,
) -> Result<i32, CliError> {
    let name = crate::safe_text::path(path);
    let text = read_text(path)?;
    let mut root = parse_answers_json(&name, &text)?;
    // A draft locked with a passphrase: its answers, once the passphrase opens it.
    if let Some(r) = crate::context::passphrase::unlock_file(path, text.as_bytes(), &root, global, lang)? {
        root = r;
    }
    let answers = Answers::from_file_json(&root).map_err(|errs| shape_error(&name, &errs))?;
    let unknown = answers.unknown_ids(q);
    if !unknown.is_empty() {
        const UNKNOWN_NEAR: Template = Template::new(
            &["name", "id", "qid", "v", "near"],
            "{name}: answers.\"{id}\": no such question in questionnaire {qid} {v} (did you mean \"{near}\"?)",
            "{name} : answers.\"{id}\" : le questionnaire {qid} {v} n'a pas de question de ce nom (vouliez-vous \
             dire « {near} »?)",
        );
        const MORE: Template = Template::new(
            &["name", "more"],
            "{name}: and {more} more unknown question ids",
            "{name} : et {more} autres identifiants de question inconnus",
        );
        // The first few, each cut short: a file can hold a million unknown ids, or a huge one.
        const SHOWN: usize = 20;
        let shown: Vec<_> =
            unknown.iter().take(SHOWN).map(|full| (short_id(full), closest_id(q, full))).collect();
        let (qid, v) = (&q.id, &q.version);
        let lines = |lang: Lang| {
            let mut lines: Vec<String> = shown
                .iter()
                .map(|(id, near)| match near {
                    Some(near) => {
                        fill!(UNKNOWN_NEAR, lang, name = name, id = id, qid = qid, v = v, near = near)
                    }
                    None => fill!(UNKNOWN_ID, lang, name = name, id = id, qid = qid, v = v),
                })
                .collect();
            if unknown.len() > SHOWN {
                lines.push(fill!(MORE, lang, name = name, more = unknown.len() - SHOWN));
            }
            lines.join("\n")
        };
        return Err(CliError::usage(Text::new(lines(Lang::En), lines(Lang::Fr))));
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
    let attachments = recorded.map(|a| crate::documents::attach::attachments_of(a)).unwrap_or_default();
    let rd = if recorded.is_none() {
        let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let max = crate::session::files::max_bytes_setting();
        let (checked, attachments, refused) =
            crate::session::files::check_named_files(q, &answers, &ev, &attachments, base, max, today);
        let ev2 = evaluate(q, &checked, Context { today, started });
        crate::documents::readiness::readiness_with(q, &checked, &ev2, &attachments, &refused, lang)
    } else {
        crate::documents::readiness::readiness(q, &answers, &ev, &attachments, lang)
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

/// An answers file names a question the questionnaire does not have (`check`, the document commands).
pub(crate) const UNKNOWN_ID: Template = Template::new(
    &["name", "id", "qid", "v"],
    "{name}: answers.\"{id}\": no such question in questionnaire {qid} {v}",
    "{name} : answers.\"{id}\" : le questionnaire {qid} {v} n'a pas de question de ce nom",
);

/// A problem with one answer of an answers file (`check`).
const ANSWER_PROBLEM: Template = Template::new(
    &["name", "id", "problem"],
    "{name}: answers.\"{id}\": {problem}",
    "{name} : answers.\"{id}\" : {problem}",
);

pub(super) fn shape_error(name: &str, errs: &[ShapeError]) -> CliError {
    let lines: Vec<Text> = errs
        .iter()
        .map(|e| match e.id.is_empty() {
            true => fill_text!(PROBLEM_WITH, what = name, problem = &e.message),
            false => fill_text!(ANSWER_PROBLEM, name = name, id = short_id(&e.id), problem = &e.message),
        })
        .collect();
    let join = |lang| lines.iter().map(|l| l.get(lang)).collect::<Vec<_>>().join("\n");
    CliError::usage(Text::new(join(Lang::En), join(Lang::Fr)))
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
