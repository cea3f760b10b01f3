//! `citcert attach`, `export`, `package`, `verify` (issue 5): the command-line glue around
//! [`crate::attach`], [`crate::export`] and [`crate::package`].

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use crate::attach::{self, AttachOptions, Attachment, DEFAULT_MAX_MB};
use crate::cli::{CliError, GlobalArgs, read_text};
use crate::clock::Clock;
use crate::drafts::DraftStore;
use crate::drafts::cli::cli_error;
use crate::engine::{Answers, Context, Evaluation, Lang, Questionnaire, evaluate};
use crate::export::{self, DraftInfo};

#[derive(Debug, Clone, Args)]
pub struct AttachArgs {
    /// The draft id (or an unambiguous start of it).
    pub draft: String,
    /// The checklist item, e.g. CL-ID1.
    pub item: String,
    /// The file: a JPEG, PNG or PDF.
    pub file: PathBuf,
    /// The file is an explanation letter standing in for the document (SPEC §4.1).
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

/// Answers and attachments from a stored draft or a file.
pub struct Source {
    pub answers: Answers,
    pub attachments: Vec<Attachment>,
    pub created_on: Option<NaiveDate>,
    pub draft: Option<DraftInfo>,
}

impl Source {
    pub fn evaluate(&self, q: &Questionnaire, today: NaiveDate) -> Evaluation {
        evaluate(q, &self.answers, Context { today, started: self.created_on })
    }
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
        let name = path.display().to_string();
        let text = read_text(path)?;
        let root: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            CliError::usage_en(format!(
                "{name}: line {} column {}: not valid JSON: {e}",
                e.line(),
                e.column()
            ))
        })?;
        let answers = Answers::from_file_json(&root).map_err(|errs| {
            CliError::usage_en(
                errs.iter()
                    .map(|e| format!("{name}: {} {}", e.id, e.message.en))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })?;
        let unknown = answers.unknown_ids(q);
        if let Some(id) = unknown.first() {
            return Err(CliError::usage_en(format!(
                "{name}: answers.\"{id}\": no such question in questionnaire {} {}",
                q.id, q.version
            )));
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
        return Err(CliError::usage_en(format!(
            "{draft}: no such file; give a draft id (`citcert drafts list`) or the path of an answers file"
        )));
    }
    let st = store(global)?;
    let id = st.resolve(draft).map_err(cli_error)?;
    let d = st.read(&id, clock).map_err(cli_error)?;
    let answers = Answers::from_map(&d.answers)
        .map_err(|e| CliError::usage_en(format!("draft {id}: {}", e[0].message.en)))?;
    Ok(Source {
        answers,
        attachments: attach::attachments_of(&d.attachments),
        created_on: Some(d.created_on()),
        draft: Some(DraftInfo { label: d.label.clone(), created_on: d.created_on().to_string() }),
    })
}

/// The size limit in bytes from `--max-mb` / `CITCERT_MAX_UPLOAD_MB`.
pub fn max_bytes(arg: Option<&str>) -> Result<u64, CliError> {
    match arg.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(DEFAULT_MAX_MB * 1024 * 1024),
        Some(s) => match s.parse::<f64>() {
            Ok(mb) if mb > 0.0 && mb <= 1024.0 => Ok((mb * 1024.0 * 1024.0) as u64),
            _ => Err(CliError::usage_en(format!(
                "--max-mb / CITCERT_MAX_UPLOAD_MB: '{s}' is not a size in megabytes between 0 and 1024, e.g. 4"
            ))),
        },
    }
}

fn w(r: std::io::Result<()>) -> Result<(), CliError> {
    r.map_err(|e| CliError::with_code_en(1, format!("cannot write the output: {e}")))
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
            return Err(CliError::usage_en(format!(
                "--set '{s}': use FIELD=VALUE, e.g. --set doc_type=passport"
            )));
        };
        set.push((k.trim().to_string(), v.trim().to_string()));
    }
    let opts =
        AttachOptions { max_bytes: max_bytes(args.max_mb.as_deref())?, explanation: args.explanation, set };
    let st = store(global)?;
    st.sweep(&clock).map_err(cli_error)?;
    let id = st.resolve(&args.draft).map_err(cli_error)?;
    let mut open = st.open_draft(&id, &clock).map_err(cli_error)?;
    if open.is_read_only() {
        return Err(CliError::with_code_en(
            1,
            format!("draft {id} is open read-only ({:?}); nothing was attached", open.access()),
        ));
    }
    let a = attach::attach(&mut open.draft, &q, &args.item, &args.file, &opts, &clock)
        .map_err(|e| CliError::with_code_en(1, format!("attach: {e}")))?;
    w(writeln!(
        out,
        "Attached to {} ({}): {} — {}, {} bytes, SHA-256 {}, on {}.",
        a.item,
        match a.kind {
            attach::Kind::Document => "document",
            attach::Kind::Explanation => "explanation letter",
        },
        a.file_name(),
        a.file_type.code().to_uppercase(),
        a.size,
        a.sha256,
        a.attached_on
    ))?;
    let pending =
        !attach::unanswered(&q, &attach::evaluate_draft(&q, &open.draft, clock.today()), &a.item).is_empty();
    if ask && pending {
        w(writeln!(out, "{}: a few questions about this document (empty line to skip):", a.item))?;
        attach::ask_missing(&mut open.draft, &q, &a.item, &clock, lang, input, out)
            .map_err(|e| CliError::with_code_en(1, format!("cannot read the answers: {e}")))?;
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
    let rd = crate::readiness::readiness(&q, &answers, &ev, &attachments, lang);
    if let Some(item) = rd.items.iter().find(|i| i.id == a.item) {
        w(writeln!(out, "{}: {}", item.id, item.status))?;
        if let Some(p) = &item.problem {
            w(writeln!(out, "  still to do: {p}"))?;
            let missing = attach::unanswered(&q, &ev, &a.item);
            if !missing.is_empty() {
                let fields: Vec<String> = missing
                    .iter()
                    .map(|&qi| q.questions[qi].id.rsplit('.').next().unwrap_or("").to_string())
                    .collect();
                w(writeln!(
                    out,
                    "  answer with: citcert attach {id} {} FILE {}",
                    a.item,
                    fields.iter().map(|f| format!("--set {f}=…")).collect::<Vec<_>>().join(" ")
                ))?;
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
        None => w(std::io::stdout().lock().write_all(text.as_bytes()))?,
        Some(p) => {
            let mut f = crate::drafts::fsutil::create_private(p).map_err(|e| {
                CliError::with_code_en(
                    1,
                    format!("{}: cannot create: {e}; check the folder exists and is writable", p.display()),
                )
            })?;
            f.write_all(text.as_bytes())
                .map_err(|e| CliError::with_code_en(1, format!("{}: cannot write: {e}", p.display())))?;
            eprintln!("Wrote {}.", p.display());
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
    let ev = src.evaluate(&q, clock.today());
    let e = export::build(&q, &src.answers, &ev, &src.attachments, src.draft.clone(), lang);
    // Refused unless ready: the gate, files as attached, every file recorded by `attach`.
    let mut reasons = e.blockers.clone();
    let mut copies: Vec<(String, String, &Attachment)> = vec![]; // (answer id, package path, attachment)
    for c in &e.checklist {
        let Some(ii) = q.item_index(&c.item.id) else { continue };
        let Some(fq) = q.items[ii].file_q else { continue };
        let Some(v) = ev.values[fq].as_ref() else { continue };
        let path = v.as_cond_str();
        match src.attachments.iter().rev().find(|a| a.item == c.item.id && a.path.to_string_lossy() == path) {
            Some(a) => {
                let rel = format!("files/{}-{}", c.item.id, crate::package::safe_name(&a.file_name()));
                copies.push((q.questions[fq].id.clone(), rel, a));
            }
            None => reasons.push(format!(
                "{} {}: the file {} was not attached with `citcert attach` (no recorded type and hash); attach it",
                c.item.id,
                c.item.title,
                Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
            )),
        }
    }
    if !e.ready || !reasons.is_empty() {
        reasons.dedup();
        let mut msg = format!(
            "package: refused: the application is not ready to submit ({} reason{}):",
            reasons.len(),
            if reasons.len() == 1 { "" } else { "s" }
        );
        for r in &reasons {
            msg.push_str(&format!("\n  - {r}"));
        }
        msg.push_str(
            "\nFix these (see `citcert check --answers DRAFT.json --format text`), then package again.",
        );
        return Err(CliError::with_code_en(1, msg));
    }
    let mut files = vec![];
    let mut answers = src.answers.to_json_map();
    for (qid, rel, a) in &copies {
        let bytes = std::fs::read(&a.path).map_err(|err| {
            CliError::with_code_en(
                1,
                format!("{}: cannot be read ({err}); attach it again", a.path.display()),
            )
        })?;
        use sha2::Digest;
        if attach::hex(&sha2::Sha256::digest(&bytes)) != a.sha256 {
            return Err(CliError::with_code_en(
                1,
                format!(
                    "{}: changed on disk since it was attached to {}; attach it again",
                    a.path.display(),
                    a.item
                ),
            ));
        }
        answers.insert(qid.clone(), serde_json::Value::String(rel.clone()));
        files.push(crate::package::PackageFile { path: rel.clone(), bytes });
    }
    let json = |v: &serde_json::Value| {
        let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
        b.push(b'\n');
        b
    };
    files.push(crate::package::PackageFile {
        path: "answers.json".into(),
        bytes: json(&serde_json::json!({ "answers": answers })),
    });
    files.push(crate::package::PackageFile {
        path: "checklist.json".into(),
        bytes: json(&serde_json::to_value(&e.checklist).unwrap_or_default()),
    });
    files.push(crate::package::PackageFile {
        path: "summary.html".into(),
        bytes: export::to_html(&e).into_bytes(),
    });
    let pe = |e: crate::package::PackageError| CliError::with_code_en(1, format!("package: {e}"));
    let dir = crate::package::config_dir().map_err(pe)?;
    let (key, created) = crate::package::load_or_create_key(&dir).map_err(pe)?;
    if created {
        eprintln!(
            "Made a new package signing key in {} (0600).",
            dir.join(crate::package::KEY_FILE).display()
        );
    }
    let m = crate::package::write_package(
        &args.out,
        &files,
        &key,
        &clock.today().to_string(),
        &format!("{} {}", q.id, q.version),
    )
    .map_err(pe)?;
    let mut out = std::io::stdout().lock();
    w(writeln!(
        out,
        "Package written to {}: {} files, signed with key {}.",
        args.out.display(),
        m.files.len(),
        m.public_key_fingerprint
    ))?;
    for f in &m.files {
        w(writeln!(out, "  {}  {}  {} bytes", f.sha256, f.path, f.size))?;
    }
    Ok(0)
}

/// `citcert verify DIR`: exit 0 intact, 1 not.
pub fn verify_cmd(args: &VerifyArgs, _global: &GlobalArgs) -> Result<i32, CliError> {
    let own = crate::package::config_dir().ok().and_then(|d| crate::package::own_public_key(&d));
    let r = crate::package::verify(&args.dir, own.as_ref())
        .map_err(|e| CliError::usage_en(format!("verify: {e}")))?;
    let mut out = std::io::stdout().lock();
    let name = args.dir.display();
    if let Some(fp) = &r.fingerprint {
        let whose = match r.own_key {
            Some(true) => " (this machine's key)",
            Some(false) => " (not this machine's key: compare it with the fingerprint the sender gives you)",
            None => "",
        };
        w(writeln!(out, "{name}: signed with key {fp}{whose}"))?;
    }
    for p in &r.problems {
        w(writeln!(out, "{name}: {p}"))?;
    }
    for p in &r.altered {
        w(writeln!(out, "{name}: altered: {p}"))?;
    }
    for p in &r.removed {
        w(writeln!(out, "{name}: removed: {p}"))?;
    }
    for p in &r.added {
        w(writeln!(out, "{name}: added: {p} (not in the manifest)"))?;
    }
    if r.intact() {
        w(writeln!(out, "{name}: intact — the signature is good and every file matches the manifest."))?;
        Ok(0)
    } else {
        w(writeln!(out, "{name}: NOT intact — do not submit it; make the package again."))?;
        Ok(1)
    }
}
