//! `citcert attach`, `export`, `package`, `verify` (issue 5): the command-line glue around
//! [`crate::attach`], [`crate::export`] and [`crate::package`].

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use crate::attach::{self, AttachOptions, Attachment, DEFAULT_MAX_MB};
use crate::cli::{CliError, GlobalArgs, read_text};
use crate::clock::Clock;
use crate::drafts::cli::cli_error;
use crate::drafts::{DraftStore, io_reason};
use crate::engine::{Answers, Context, Evaluation, Lang, Questionnaire, Text, evaluate};
use crate::export::{self, DraftInfo};

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
        let name = crate::safe_text::path(path);
        let text = read_text(path)?;
        let root = crate::cli::parse_answers_json(&name, &text)?;
        let answers = Answers::from_file_json(&root).map_err(|errs| {
            let lines = |lang: Lang, colon: &str| {
                errs.iter()
                    .map(|e| format!("{name}{colon}{} {}", crate::cli::short_id(&e.id), e.message.get(lang)))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            CliError::usage(Text::new(lines(Lang::En, ": "), lines(Lang::Fr, " : ")))
        })?;
        let unknown = answers.unknown_ids(q);
        if let Some(id) = unknown.first() {
            let (qid, v, id) = (&q.id, &q.version, crate::cli::short_id(id));
            return Err(CliError::usage(Text::new(
                format!("{name}: answers.\"{id}\": no such question in questionnaire {qid} {v}"),
                format!(
                    "{name} : answers.\"{id}\" : le questionnaire {qid} {v} n'a pas de question de ce nom"
                ),
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
        return Err(CliError::usage(Text::new(
            format!(
                "{draft}: no such file; give a draft id (`citcert drafts list`) or the path of an answers file"
            ),
            format!(
                "{draft} : fichier introuvable; donnez un identifiant de brouillon (`citcert drafts list`) \
                 ou le chemin d'un fichier de réponses"
            ),
        )));
    }
    let st = store(global)?;
    let id = st.resolve(draft).map_err(cli_error)?;
    let d = st.read(&id, clock).map_err(cli_error)?;
    let answers = Answers::from_map(&d.answers).map_err(|e| {
        let m = &e[0].message;
        CliError::usage(Text::new(format!("draft {id}: {}", m.en), format!("brouillon {id} : {}", m.fr)))
    })?;
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
            _ => Err(CliError::usage(Text::new(
                format!(
                    "--max-mb / CITCERT_MAX_UPLOAD_MB: '{s}' is not a size in megabytes between 0 and 1024, e.g. 4"
                ),
                format!(
                    "--max-mb / CITCERT_MAX_UPLOAD_MB : « {s} » n'est pas une taille en mégaoctets entre 0 et 1024, \
                     p. ex. 4"
                ),
            ))),
        },
    }
}

fn w(r: std::io::Result<()>) -> Result<(), CliError> {
    r.map_err(|e| {
        let r = io_reason(&e);
        CliError::with_code(
            1,
            Text::new(
                format!("cannot write the output: {}", r.en),
                format!("impossible d'écrire la sortie : {}", r.fr),
            ),
        )
    })
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
            return Err(CliError::usage(Text::new(
                format!("--set '{s}': use FIELD=VALUE, e.g. --set doc_type=passport"),
                format!("--set « {s} » : utilisez CHAMP=VALEUR, p. ex. --set doc_type=passport"),
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
        let why = match open.access() {
            crate::drafts::Access::ReadOnly(why) => why.clone(),
            crate::drafts::Access::ReadWrite => Text::default(),
        };
        return Err(CliError::with_code(
            1,
            Text::new(
                format!("draft {id} is open read-only ({}); nothing was attached", why.en),
                format!("le brouillon {id} est ouvert en lecture seule ({}); rien n'a été joint", why.fr),
            ),
        ));
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
    .map_err(|e| {
        let t = e.text();
        CliError::with_code(1, Text::new(format!("attach: {}", t.en), format!("attach : {}", t.fr)))
    })?;
    let (item, name, ftype) = (&a.item, safe(&a.file_name()), a.file_type.code().to_uppercase());
    let (size, sha, on) = (a.size, &a.sha256, a.attached_on);
    let explanation = a.kind == attach::Kind::Explanation;
    w(writeln!(
        out,
        "{}",
        lang.pick(
            format!(
                "Attached to {item} ({}): {name} — {ftype}, {size} bytes, SHA-256 {sha}, on {on}.",
                if explanation { "explanation letter" } else { "document" }
            ),
            format!(
                "Joint à {item} ({}) : {name} — {ftype}, {size} octets, SHA-256 {sha}, le {on}.",
                if explanation { "lettre d'explication" } else { "document" }
            ),
        )
    ))?;
    let pending =
        !attach::unanswered(&q, &attach::evaluate_draft(&q, &open.draft, clock.today()), &a.item).is_empty();
    if ask && pending {
        w(writeln!(
            out,
            "{}",
            lang.pick(
                format!("{item}: a few questions about this document (empty line to skip):"),
                format!("{item} : quelques questions sur ce document (ligne vide pour passer) :"),
            )
        ))?;
        attach::ask_missing(&mut open.draft, &q, &a.item, &clock, lang, input, out).map_err(|e| {
            let r = io_reason(&e);
            CliError::with_code(
                1,
                Text::new(
                    format!("cannot read the answers: {}", r.en),
                    format!("impossible de lire les réponses : {}", r.fr),
                ),
            )
        })?;
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
        let colon = lang.pick(": ", " : ");
        w(writeln!(out, "{}{colon}{}", item.id, status_words(item.status, lang)))?;
        if let Some(p) = &item.problem {
            w(writeln!(out, "  {}{colon}{p}", lang.pick("still to do", "reste à faire")))?;
            let missing = attach::unanswered(&q, &ev, &a.item);
            if !missing.is_empty() {
                let fields: Vec<String> = missing
                    .iter()
                    .map(|&qi| q.questions[qi].id.rsplit('.').next().unwrap_or("").to_string())
                    .collect();
                let sets = fields.iter().map(|f| format!("--set {f}=…")).collect::<Vec<_>>().join(" ");
                w(writeln!(
                    out,
                    "{}",
                    lang.pick(
                        format!("  answer with: citcert attach {id} {item} FILE {sets}", item = a.item),
                        format!("  répondez avec : citcert attach {id} {item} FICHIER {sets}", item = a.item),
                    )
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
                let r = io_reason(&e);
                CliError::with_code(
                    1,
                    Text::new(
                        format!("{name}: cannot create: {}; check the folder exists and is writable", r.en),
                        format!(
                            "{name} : impossible de créer le fichier : {}; vérifiez que le dossier existe et que \
                             vous pouvez y écrire",
                            r.fr
                        ),
                    ),
                )
            })?;
            f.write_all(text.as_bytes()).map_err(|e| {
                let r = io_reason(&e);
                CliError::with_code(
                    1,
                    Text::new(
                        format!("{name}: cannot write: {}", r.en),
                        format!("{name} : impossible d'écrire : {}", r.fr),
                    ),
                )
            })?;
            eprintln!("{}", lang.pick(format!("Wrote {name}."), format!("Fichier écrit : {name}.")));
        }
    }
    Ok(0)
}

/// Writes the summary of `src` as Markdown and HTML into folder `dir` (the TUI's and plain mode's
/// "export the summary"): `<stem>.md` and `<stem>.html`, 0600. Returns the files written.
pub fn write_summary(
    q: &Questionnaire,
    src: &Source,
    dir: &Path,
    stem: &str,
    clock: &Clock,
    lang: Lang,
) -> Result<Vec<PathBuf>, Text> {
    let ev = src.evaluate(q, clock.today());
    let e = export::build(q, &src.answers, &ev, &src.attachments, src.draft.clone(), lang);
    let mut written = vec![];
    for (ext, text) in [("md", export::to_markdown(&e)), ("html", export::to_html(&e))] {
        let p = dir.join(format!("{stem}.{ext}"));
        let name = p.display().to_string();
        let fail = |e: std::io::Error| {
            let r = io_reason(&e);
            Text::new(
                format!("{name}: cannot write: {}; check the folder exists and is writable", r.en),
                format!(
                    "{name} : impossible d'écrire : {}; vérifiez que le dossier existe et que vous pouvez y écrire",
                    r.fr
                ),
            )
        };
        let mut f = crate::drafts::fsutil::create_private(&p).map_err(fail)?;
        f.write_all(text.as_bytes()).and_then(|_| f.sync_all()).map_err(fail)?;
        written.push(p);
    }
    Ok(written)
}

/// The files a package copies, as (answer id, package path, attachment), and — for files named in
/// the answers but never attached with `citcert attach` — why packaging is refused, in `e`'s language.
fn package_copies<'a>(
    q: &Questionnaire,
    ev: &Evaluation,
    e: &export::Export,
    attachments: &'a [Attachment],
    lang: Lang,
) -> (Vec<(String, String, &'a Attachment)>, Vec<String>) {
    let mut copies = vec![];
    let mut reasons = vec![];
    for c in &e.checklist {
        let Some(ii) = q.item_index(&c.item.id) else { continue };
        let Some(fq) = q.items[ii].file_q else { continue };
        let Some(v) = ev.values[fq].as_ref() else { continue };
        let path = v.as_cond_str();
        match attachments.iter().rev().find(|a| a.item == c.item.id && a.path.to_string_lossy() == path) {
            Some(a) => {
                let rel = format!("files/{}-{}", c.item.id, crate::package::safe_name(&a.file_name()));
                copies.push((q.questions[fq].id.clone(), rel, a));
            }
            None => {
                let (id, title) = (&c.item.id, &c.item.title);
                let file =
                    Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                reasons.push(lang.pick(
                    format!(
                        "{id} {title}: the file {file} was not attached with `citcert attach` (no recorded type \
                         and hash); attach it"
                    ),
                    format!(
                        "{id} {title} : le fichier {file} n'a pas été joint avec `citcert attach` (ni type ni \
                         empreinte enregistrés); joignez-le"
                    ),
                ));
            }
        }
    }
    (copies, reasons)
}

/// "package: refused: …" with every reason, in one language.
fn package_refusal(reasons: &[String], lang: Lang) -> String {
    let n = reasons.len();
    let mut msg = match lang {
        Lang::En => format!(
            "package: refused: the application is not ready to submit ({n} reason{}):",
            if n == 1 { "" } else { "s" }
        ),
        Lang::Fr => format!(
            "package : refusé : la demande n'est pas prête à soumettre ({n} raison{}) :",
            if n == 1 { "" } else { "s" }
        ),
    };
    for r in reasons {
        msg.push_str(&format!("\n  - {r}"));
    }
    msg.push_str(match lang {
        Lang::En => "\nFix these (see `citcert check --answers DRAFT.json --format text`), then package again.",
        Lang::Fr => {
            "\nCorrigez ces points (voir `citcert check --answers BROUILLON.json --format text`), puis refaites \
             le paquet."
        }
    });
    msg
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

/// A package written: where, what, and the notices said on the way (a new key, loose folders).
pub struct Built {
    pub out: PathBuf,
    pub manifest: crate::package::Manifest,
    pub notices: Vec<Text>,
}

impl Built {
    /// "Package written to …", then one line per file.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let m = &self.manifest;
        let (o, n, fp) = (crate::safe_text::path(&self.out), m.files.len(), &m.public_key_fingerprint);
        let mut v = vec![lang.pick(
            format!("Package written to {o}: {n} files, signed with key {fp}."),
            format!("Paquet écrit dans {o} : {n} fichiers, signé avec la clé {fp}."),
        )];
        let bytes = lang.pick("bytes", "octets");
        for f in &m.files {
            v.push(format!("  {}  {}  {} {bytes}", f.sha256, safe(&f.path), f.size));
        }
        v
    }
}

/// Builds the signed package of `src` in `out` (the command, the TUI and plain mode): refused unless
/// ready — the answers gate, every file checked, recorded and unchanged.
pub fn build_package(
    q: &Questionnaire,
    src: &Source,
    out: &Path,
    clock: &Clock,
    lang: Lang,
) -> Result<Built, CliError> {
    let ev = src.evaluate(q, clock.today());
    let e = export::build(q, &src.answers, &ev, &src.attachments, src.draft.clone(), lang);
    let mut notices = vec![];
    // Refused unless ready: the gate, files as attached, every file recorded by `attach`.
    let (copies, unattached) = package_copies(q, &ev, &e, &src.attachments, lang);
    if !e.ready || !e.blockers.is_empty() || !unattached.is_empty() {
        // The reasons come from the export, which speaks one language: build it in the other too.
        let refusal = |x: &export::Export, l: Lang| {
            let mut r = x.blockers.clone();
            r.extend(package_copies(q, &ev, x, &src.attachments, l).1);
            r.dedup();
            package_refusal(&r, l)
        };
        let other = export::build(q, &src.answers, &ev, &src.attachments, src.draft.clone(), lang.other());
        let (en, fr) = match lang {
            Lang::En => (refusal(&e, Lang::En), refusal(&other, Lang::Fr)),
            Lang::Fr => (refusal(&other, Lang::En), refusal(&e, Lang::Fr)),
        };
        return Err(CliError::with_code(1, Text::new(en, fr)));
    }
    let mut files = vec![];
    let mut answers = src.answers.to_json_map();
    for (qid, rel, a) in &copies {
        let p = crate::safe_text::path(&a.path);
        let bytes = crate::drafts::fsutil::read_regular(&a.path, a.size, false).map_err(|err| {
            let r = io_reason(&err);
            CliError::with_code(
                1,
                Text::new(
                    format!("{p}: cannot be read ({}); attach it again", r.en),
                    format!("{p} : illisible : {}; joignez-le de nouveau", r.fr),
                ),
            )
        })?;
        use sha2::Digest;
        if attach::hex(&sha2::Sha256::digest(&bytes)) != a.sha256 {
            let item = &a.item;
            return Err(CliError::with_code(
                1,
                Text::new(
                    format!("{p}: changed on disk since it was attached to {item}; attach it again"),
                    format!(
                        "{p} : modifié sur le disque depuis qu'il a été joint à {item}; joignez-le de nouveau"
                    ),
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
    let pe = |e: crate::package::PackageError| {
        let t = e.text();
        CliError::with_code(1, Text::new(format!("package: {}", t.en), format!("package : {}", t.fr)))
    };
    let key_dir = crate::package::key_dir().map_err(pe)?;
    if let Some(n) = &key_dir.notice {
        eprintln!("citcert: {}", n.get(lang));
    }
    let dir = key_dir.dir;
    let (key, created) = crate::package::load_or_create_key(&dir).map_err(pe)?;
    if created {
        let k = dir.join(crate::package::KEY_FILE);
        let k = crate::safe_text::path(&k);
        notices.push(Text::new(
            format!("Made a new package signing key in {k} (0600)."),
            format!("Nouvelle clé de signature des paquets créée dans {k} (0600)."),
        ));
    }
    let m = crate::package::write_package(
        out,
        &files,
        &key,
        &clock.today().to_string(),
        &format!("{} {}", q.id, q.version),
    )
    .map_err(pe)?;
    // A folder others can read (created by someone else, or by a loose umask) is said, not fixed.
    use crate::drafts::fsutil::{Kind, loose_mode_warning};
    for (path, kind) in [(dir.as_path(), Kind::KeyFolder), (out, Kind::PackageFolder)] {
        if let Some(wt) = std::fs::metadata(path).ok().and_then(|m| loose_mode_warning(path, &m, kind)) {
            notices.push(Text::new(
                format!("citcert: warning: {}", wt.en),
                format!("citcert : avertissement : {}", wt.fr),
            ));
        }
    }
    Ok(Built { out: out.to_path_buf(), manifest: m, notices })
}

/// `citcert verify DIR`: exit 0 intact, 1 not.
pub fn verify_cmd(args: &VerifyArgs, global: &GlobalArgs) -> Result<i32, CliError> {
    let lang = global.language()?;
    let key_dir = crate::package::key_dir().ok();
    if let Some(n) = key_dir.as_ref().and_then(|k| k.notice.as_ref()) {
        eprintln!("citcert: {}", n.get(lang));
    }
    let own = key_dir.and_then(|k| crate::package::own_public_key(&k.dir));
    let r = crate::package::verify(&args.dir, own.as_ref()).map_err(|e| {
        let t = e.text();
        CliError::usage(Text::new(format!("verify: {}", t.en), format!("verify : {}", t.fr)))
    })?;
    let mut out = std::io::stdout().lock();
    let name = crate::safe_text::path(&args.dir);
    let c = lang.pick(": ", " : ");
    if let Some(fp) = &r.fingerprint {
        let whose = match (r.own_key, lang) {
            (Some(true), Lang::En) => " (this machine's key)",
            (Some(true), Lang::Fr) => " (la clé de cet ordinateur)",
            (Some(false), Lang::En) => {
                " (not this machine's key: compare it with the fingerprint the sender gives you)"
            }
            (Some(false), Lang::Fr) => {
                " (pas la clé de cet ordinateur : comparez-la avec l'empreinte que vous donne l'expéditeur)"
            }
            (None, _) => "",
        };
        let signed = lang.pick("signed with key", "signé avec la clé");
        w(writeln!(out, "{name}{c}{signed} {fp}{whose}"))?;
    }
    // Every name comes from the received package: neutralised before it reaches the terminal.
    for p in &r.problems {
        w(writeln!(out, "{name}{c}{}", safe(p.get(lang))))?;
    }
    let (altered, removed, added) = match lang {
        Lang::En => ("altered: ", "removed: ", "added: "),
        Lang::Fr => ("modifié : ", "supprimé : ", "ajouté : "),
    };
    for p in &r.altered {
        w(writeln!(out, "{name}{c}{altered}{}", safe(p)))?;
    }
    for p in &r.removed {
        w(writeln!(out, "{name}{c}{removed}{}", safe(p)))?;
    }
    let not_listed = lang.pick("(not in the manifest)", "(absent du manifeste)");
    for p in &r.added {
        w(writeln!(out, "{name}{c}{added}{} {not_listed}", safe(p)))?;
    }
    if r.intact() {
        w(writeln!(
            out,
            "{name}{c}{}",
            lang.pick(
                "intact — the signature is good and every file matches the manifest.",
                "intact — la signature est valide et chaque fichier correspond au manifeste."
            )
        ))?;
        Ok(0)
    } else {
        w(writeln!(
            out,
            "{name}{c}{}",
            lang.pick(
                "NOT intact — do not submit it; make the package again.",
                "PAS intact — ne le soumettez pas; refaites le paquet."
            )
        ))?;
        Ok(1)
    }
}
