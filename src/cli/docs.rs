//! `citcert attach`, `export`, `package`, `verify` (issue 5): the command-line glue around
//! [`crate::documents::attach`], [`crate::documents::export`] and [`crate::documents::package`].

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use crate::clock::Clock;
use crate::context::passphrase::with_passphrase;
use crate::context::{CliError, GlobalArgs, PROBLEM_WITH, cli_error, output_error, read_text};
use crate::documents::attach::{self, AttachOptions};
use crate::documents::export::{self, DraftInfo};
use crate::documents::handoff::{Source, build_package, max_bytes};
use crate::drafts::{DraftStore, io_reason};
use crate::engine::Explain;
use crate::engine::{Answers, Lang, Questionnaire, Text};
use crate::words::{Fixed, Template};
use crate::{fill, fill_text};

/// The words of this file's errors.
mod msg {
    use crate::words::Template;

    /// A problem with one answer of an answers file given to a document command.
    pub const NO_SUCH_FILE: Template = Template::new(
        &["draft"],
        "{draft}: no such file; give a draft id (`citcert drafts list`) or the path of an answers file",
        "{draft} : fichier introuvable; donnez un identifiant de brouillon (`citcert drafts list`) \
         ou le chemin d'un fichier de réponses",
    );
    /// A problem with the answers of a stored draft.
    pub const DRAFT_PROBLEM: Template =
        Template::new(&["id", "problem"], "draft {id}: {problem}", "brouillon {id} : {problem}");
    pub const SET_NOT_FIELD_VALUE: Template = Template::new(
        &["set"],
        "--set '{set}': use FIELD=VALUE, e.g. --set doc_type=passport",
        "--set « {set} » : utilisez CHAMP=VALEUR, p. ex. --set doc_type=passport",
    );
    pub const READ_ONLY_NOTHING_ATTACHED: Template = Template::new(
        &["id", "why"],
        "draft {id} is open read-only ({why}); nothing was attached",
        "le brouillon {id} est ouvert en lecture seule ({why}); rien n'a été joint",
    );
    pub const CANNOT_READ_ANSWERS: Template = Template::new(
        &["reason"],
        "cannot read the answers: {reason}",
        "impossible de lire les réponses : {reason}",
    );
    pub const CANNOT_CREATE: Template = Template::new(
        &["name", "reason"],
        "{name}: cannot create: {reason}; check the folder exists and is writable",
        "{name} : impossible de créer le fichier : {reason}; vérifiez que le dossier existe et que \
         vous pouvez y écrire",
    );
    pub const CANNOT_WRITE: Template = Template::new(
        &["name", "reason"],
        "{name}: cannot write: {reason}",
        "{name} : impossible d'écrire : {reason}",
    );
}

#[derive(Debug, Clone, Args)]
pub struct AttachArgs {
    /// The draft id (or an unambiguous start of it).
    pub draft: String,
    /// The checklist item, e.g. CL-ID1.
    pub item: String,
    /// The file: a JPEG, PNG or PDF.
    pub file: PathBuf,
    /// The file is an explanation letter standing in for the document.
    #[arg(long)]
    pub explanation: bool,
    /// A per-document answer, FIELD=VALUE (e.g. doc_type=passport, language=other); repeatable.
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub set: Vec<String>,
    /// Size limit in megabytes (default 4); also CITCERT_MAX_UPLOAD_MB.
    #[arg(long, value_name = "N", env = "CITCERT_MAX_UPLOAD_MB")]
    pub max_mb: Option<String>,
    /// Never ask questions, even on a terminal.
    #[arg(long)]
    pub no_prompt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// A draft id (or start of one), or the path of a draft or answers file.
    pub draft: String,
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Write to this file (0600) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct PackageArgs {
    /// A draft id (or start of one), or the path of a draft file.
    pub draft: String,
    /// The folder to create (must not exist, or be empty).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    /// A package folder made by `citcert package`.
    pub dir: PathBuf,
}

fn store(global: &GlobalArgs) -> Result<DraftStore, CliError> {
    let dir = match &global.drafts_dir {
        Some(d) => d.clone(),
        None => DraftStore::default_dir().map_err(cli_error)?,
    };
    DraftStore::open(&dir).map_err(cli_error)
}

/// Reads DRAFT: an existing file path, else a draft id in the store.
pub fn load_source(
    global: &GlobalArgs,
    q: &Questionnaire,
    clock: &Clock,
    draft: &str,
) -> Result<Source, CliError> {
    let path = Path::new(draft);
    if path.is_file() {
        let name = crate::safe_text::path(path);
        let text = read_text(path)?;
        let mut root = crate::context::parse_answers_json(&name, &text)?;
        if let Some(r) =
            crate::context::passphrase::unlock_file(path, text.as_bytes(), &root, global, global.language()?)?
        {
            root = r;
        }
        // Each problem said as `check` says it: the file, `answers."ID"`, the problem.
        let answers = Answers::from_file_json(&root).map_err(|errs| super::shape_error(&name, &errs))?;
        let unknown = answers.unknown_ids(q);
        if let Some(id) = unknown.first() {
            use crate::cli::UNKNOWN_ID;
            let (qid, v, id) = (&q.id, &q.version, crate::context::short_id(id));
            return Err(CliError::usage(fill_text!(UNKNOWN_ID, name = name, id = id, qid = qid, v = v)));
        }

        let created = root.get("created_on").and_then(|v| v.as_str()).and_then(crate::clock::parse_date);
        let attachments = root
            .get("attachments")
            .and_then(|v| v.as_array())
            .map(|a| attach::attachments_of(a))
            .unwrap_or_default();
        let draft = match (root.get("label").and_then(|v| v.as_str()), created) {
            (Some(l), Some(c)) => Some(DraftInfo { label: l.to_string(), created_on: c.to_string() }),
            _ => None,
        };
        return Ok(Source { answers, attachments, created_on: created, draft });
    }
    if draft.contains('/') || draft.ends_with(".json") {
        return Err(CliError::usage(fill_text!(msg::NO_SUCH_FILE, draft = draft)));
    }
    let mut st = store(global)?;
    let id = st.resolve(draft).map_err(cli_error)?;
    let d = with_passphrase(&mut st, global, global.language()?, |s| s.read(&id, clock))?;
    let answers = Answers::from_map(&d.answers)
        .map_err(|e| CliError::usage(fill_text!(msg::DRAFT_PROBLEM, id = id, problem = &e[0].message)))?;
    Ok(Source {
        answers,
        attachments: attach::attachments_of(&d.attachments),
        created_on: Some(d.created_on()),
        draft: Some(DraftInfo { label: d.label.clone(), created_on: d.created_on().to_string() }),
    })
}

fn w(r: std::io::Result<()>) -> Result<(), CliError> {
    r.map_err(|e| output_error(&e))
}

/// Text from a file name, draft or package, neutralised for the terminal.
fn safe(s: &str) -> String {
    crate::safe_text::inline(s).into_owned()
}

/// A checklist status code (CONTRACT §4) in words.
fn status_words(code: &str, lang: Lang) -> &str {
    match (lang, code) {
        (Lang::Fr, "missing") => "manquant",
        (Lang::Fr, "provided") => "fourni",
        (Lang::Fr, "explained") => "expliqué (lettre d'explication)",
        (Lang::Fr, "done") => "fait",
        _ => code,
    }
}

/// `citcert attach DRAFT ITEM FILE`.
pub fn attach_cmd(args: &AttachArgs, global: &GlobalArgs) -> Result<i32, CliError> {
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal() && !args.no_prompt;
    let mut input = stdin.lock();
    attach_with(args, global, &mut input, tty, &mut std::io::stdout().lock())
}

/// `attach` with its input and output given (tests pass buffers).
pub fn attach_with(
    args: &AttachArgs,
    global: &GlobalArgs,
    input: &mut dyn BufRead,
    ask: bool,
    out: &mut dyn Write,
) -> Result<i32, CliError> {
    let clock = global.clock()?;
    let q = global.questionnaire()?;
    let lang = global.language()?;
    let mut set = vec![];
    for s in &args.set {
        let Some((k, v)) = s.split_once('=') else {
            return Err(CliError::usage(fill_text!(msg::SET_NOT_FIELD_VALUE, set = s)));
        };
        set.push((k.trim().to_string(), v.trim().to_string()));
    }
    let opts =
        AttachOptions { max_bytes: max_bytes(args.max_mb.as_deref())?, explanation: args.explanation, set };
    let mut st = store(global)?;
    st.sweep(&clock).map_err(cli_error)?;
    let id = st.resolve(&args.draft).map_err(cli_error)?;
    let mut open = with_passphrase(&mut st, global, lang, |s| s.open_draft(&id, &clock))?;
    if open.is_read_only() {
        let why = match open.access() {
            crate::drafts::Access::ReadOnly(why) => why.clone(),
            crate::drafts::Access::ReadWrite => Text::default(),
        };
        return Err(CliError::refused(fill_text!(msg::READ_ONLY_NOTHING_ATTACHED, id = id, why = why)));
    }
    // The same check as the TUI and plain mode; an explanation letter chosen before stays one.
    let explicit = args.explanation.then_some(true);
    let a = crate::session::files::give_file_to_draft(
        &mut open.draft,
        &q,
        &args.item,
        &args.file,
        explicit,
        opts.max_bytes,
        opts.set,
        &clock,
    )
    .map_err(|e| CliError::refused(fill_text!(PROBLEM_WITH, what = "attach", problem = e.explain())))?;
    let (item, name, ftype) = (&a.item, safe(&a.file_name()), a.file_type.code().to_uppercase());
    let (size, sha, on) = (a.size, &a.sha256, a.attached_on);
    const ATTACHED: Template = Template::new(
        &["item", "kind", "name", "ftype", "size", "sha", "on"],
        "Attached to {item} ({kind}): {name} — {ftype}, {size} bytes, SHA-256 {sha}, on {on}.",
        "Joint à {item} ({kind}) : {name} — {ftype}, {size} octets, SHA-256 {sha}, le {on}.",
    );
    const LETTER: Fixed = Fixed::new("explanation letter", "lettre d'explication");
    const DOCUMENT: Fixed = Fixed::new("document", "document");
    let kind = if a.kind == attach::Kind::Explanation { LETTER } else { DOCUMENT }.get(lang);
    let msg = fill!(
        ATTACHED,
        lang,
        item = item,
        kind = kind,
        name = name,
        ftype = ftype,
        size = size,
        sha = sha,
        on = on
    );
    w(writeln!(out, "{msg}"))?;
    let pending =
        !attach::unanswered(&q, &attach::evaluate_draft(&q, &open.draft, clock.today()), &a.item).is_empty();
    if ask && pending {
        const QUESTIONS: Template = Template::new(
            &["item"],
            "{item}: a few questions about this document (empty line to skip):",
            "{item} : quelques questions sur ce document (ligne vide pour passer) :",
        );
        w(writeln!(out, "{}", fill!(QUESTIONS, lang, item = item)))?;
        attach::ask_missing(&mut open.draft, &q, &a.item, &clock, lang, input, out)
            .map_err(|e| CliError::refused(fill_text!(msg::CANNOT_READ_ANSWERS, reason = io_reason(&e))))?;
    }
    let ev = attach::evaluate_draft(&q, &open.draft, clock.today());
    open.draft.progress = Some(crate::drafts::CachedProgress {
        percent: ev.progress_percent(&q),
        questionnaire_version: q.version.clone(),
    });
    open.save(&clock).map_err(cli_error)?;
    // What is still open about this item.
    let ev = attach::evaluate_draft(&q, &open.draft, clock.today());
    let answers = Answers::from_map(&open.draft.answers).unwrap_or_default();
    let attachments = attach::attachments_of(&open.draft.attachments);
    let rd = crate::documents::readiness::readiness(&q, &answers, &ev, &attachments, lang);
    if let Some(item) = rd.items.iter().find(|i| i.id == a.item) {
        let colon = crate::words::colon(lang);
        w(writeln!(out, "{}{colon}{}", item.id, status_words(item.status, lang)))?;
        if let Some(p) = &item.problem {
            const TO_DO: Template =
                Template::new(&["problem"], "  still to do: {problem}", "  reste à faire : {problem}");
            const ANSWER_WITH: Template = Template::new(
                &["id", "item", "sets"],
                "  answer with: citcert attach {id} {item} FILE {sets}",
                "  répondez avec : citcert attach {id} {item} FICHIER {sets}",
            );
            w(writeln!(out, "{}", fill!(TO_DO, lang, problem = p)))?;
            let missing = attach::unanswered(&q, &ev, &a.item);
            if !missing.is_empty() {
                let fields: Vec<String> = missing
                    .iter()
                    .map(|&qi| q.questions[qi].id.rsplit('.').next().unwrap_or("").to_string())
                    .collect();
                let sets = fields.iter().map(|f| format!("--set {f}=…")).collect::<Vec<_>>().join(" ");
                w(writeln!(out, "{}", fill!(ANSWER_WITH, lang, id = id, item = a.item, sets = sets)))?;
            }
        }
    }
    Ok(0)
}

/// `citcert export DRAFT --format md|html|json`.
pub fn export_cmd(args: &ExportArgs, global: &GlobalArgs) -> Result<i32, CliError> {
    let clock = global.clock()?;
    let q = global.questionnaire()?;
    let lang: Lang = global.language()?;
    let src = load_source(global, &q, &clock, &args.draft)?;
    let ev = src.evaluate(&q, clock.today());
    let e = export::build(&q, &src.answers, &ev, &src.attachments, src.draft.clone(), lang);
    let text = match args.format {
        ExportFormat::Md => export::to_markdown(&e),
        ExportFormat::Html => export::to_html(&e),
        ExportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&e).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    match &args.out {
        // To a terminal or a pipe: no control or bidi character raw (JSON gets JSON escapes).
        None => {
            let text = match args.format {
                ExportFormat::Json => crate::safe_text::json(&text),
                _ => crate::safe_text::block(&text),
            };
            w(std::io::stdout().lock().write_all(text.as_bytes()))?
        }
        Some(p) => {
            let name = crate::safe_text::path(p);
            let mut f = crate::drafts::fsutil::create_private(p).map_err(|e| {
                CliError::refused(fill_text!(msg::CANNOT_CREATE, name = name, reason = io_reason(&e)))
            })?;
            f.write_all(text.as_bytes()).map_err(|e| {
                CliError::refused(fill_text!(msg::CANNOT_WRITE, name = name, reason = io_reason(&e)))
            })?;
            const WROTE: Template = Template::new(&["name"], "Wrote {name}.", "Fichier écrit : {name}.");
            eprintln!("{}", fill!(WROTE, lang, name = name));
        }
    }
    Ok(0)
}

/// `citcert package DRAFT --out DIR`.
pub fn package_cmd(args: &PackageArgs, global: &GlobalArgs) -> Result<i32, CliError> {
    let clock = global.clock()?;
    let q = global.questionnaire()?;
    let lang = global.language()?;
    let src = load_source(global, &q, &clock, &args.draft)?;
    let built = build_package(&q, &src, &args.out, &clock, lang)?;
    for n in &built.notices {
        eprintln!("{}", n.get(lang));
    }
    let mut out = std::io::stdout().lock();
    for line in built.lines(lang) {
        w(writeln!(out, "{line}"))?;
    }
    Ok(0)
}

/// `citcert verify DIR`: exit 0 intact, 1 not.
pub fn verify_cmd(args: &VerifyArgs, global: &GlobalArgs) -> Result<i32, CliError> {
    let lang = global.language()?;
    let key_dir = crate::documents::package::key_dir().ok();
    if let Some(n) = key_dir.as_ref().and_then(|k| k.notice.as_ref()) {
        const CITCERT: Template = Template::new(&["notice"], "citcert: {notice}", "citcert : {notice}");
        eprintln!("{}", fill!(CITCERT, lang, notice = n.get(lang)));
    }

    let own = key_dir.and_then(|k| crate::documents::package::own_public_key(&k.dir));
    let r = crate::documents::package::verify(&args.dir, own.as_ref())
        .map_err(|e| CliError::usage(fill_text!(PROBLEM_WITH, what = "verify", problem = e.explain())))?;
    let mut out = std::io::stdout().lock();
    let name = crate::safe_text::path(&args.dir);
    let c = crate::words::colon(lang);
    if let Some(fp) = &r.fingerprint {
        const SIGNED: Template =
            Template::new(&["name", "fp"], "{name}: signed with key {fp}", "{name} : signé avec la clé {fp}");
        const SIGNED_OWN: Template = Template::new(
            &["name", "fp"],
            "{name}: signed with key {fp} (this machine's key)",
            "{name} : signé avec la clé {fp} (la clé de cet ordinateur)",
        );
        const SIGNED_OTHER: Template = Template::new(
            &["name", "fp"],
            "{name}: signed with key {fp} (not this machine's key: compare it with the fingerprint the sender \
             gives you)",
            "{name} : signé avec la clé {fp} (pas la clé de cet ordinateur : comparez-la avec l'empreinte que vous \
             donne l'expéditeur)",
        );
        let line = match r.own_key {
            Some(true) => fill!(SIGNED_OWN, lang, name = name, fp = fp),
            Some(false) => fill!(SIGNED_OTHER, lang, name = name, fp = fp),
            None => fill!(SIGNED, lang, name = name, fp = fp),
        };
        w(writeln!(out, "{line}"))?;
    }
    // Every name comes from the received package: neutralised before it reaches the terminal.
    for p in &r.problems {
        w(writeln!(out, "{name}{c}{}", safe(p.get(lang))))?;
    }
    const ALTERED: Template =
        Template::new(&["name", "file"], "{name}: altered: {file}", "{name} : modifié : {file}");
    const REMOVED: Template =
        Template::new(&["name", "file"], "{name}: removed: {file}", "{name} : supprimé : {file}");
    const ADDED: Template = Template::new(
        &["name", "file"],
        "{name}: added: {file} (not in the manifest)",
        "{name} : ajouté : {file} (absent du manifeste)",
    );
    for p in &r.altered {
        w(writeln!(out, "{}", fill!(ALTERED, lang, name = name, file = safe(p))))?;
    }
    for p in &r.removed {
        w(writeln!(out, "{}", fill!(REMOVED, lang, name = name, file = safe(p))))?;
    }
    for p in &r.added {
        w(writeln!(out, "{}", fill!(ADDED, lang, name = name, file = safe(p))))?;
    }
    const INTACT: Template = Template::new(
        &["name"],
        "{name}: intact — the signature is good and every file matches the manifest.",
        "{name} : intact — la signature est valide et chaque fichier correspond au manifeste.",
    );
    const NOT_INTACT: Template = Template::new(
        &["name"],
        "{name}: NOT intact — do not submit it; make the package again.",
        "{name} : PAS intact — ne le soumettez pas; refaites le paquet.",
    );
    if r.intact() {
        w(writeln!(out, "{}", fill!(INTACT, lang, name = name)))?;
        Ok(0)
    } else {
        w(writeln!(out, "{}", fill!(NOT_INTACT, lang, name = name)))?;
        Ok(1)
    }
}
