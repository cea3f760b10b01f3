//! Handing the application over: the summary written as Markdown and HTML, and the signed
//! package — for the `export`/`package` commands, the TUI and plain mode alike.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::attach::{self, Attachment, DEFAULT_MAX_MB};
use super::export::{self, DraftInfo};
use crate::clock::Clock;
use crate::context::CliError;
use crate::drafts::io_reason;
use crate::engine::Explain;
use crate::engine::{Answers, Context, Evaluation, Lang, Questionnaire, Text, evaluate};
use crate::fill;
use crate::words::Template;

/// Text from a file name, draft or package, neutralised for the terminal.
fn safe(s: &str) -> String {
    crate::safe_text::inline(s).into_owned()
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
                let rel =
                    format!("files/{}-{}", c.item.id, crate::documents::package::safe_name(&a.file_name()));
                copies.push((q.questions[fq].id.clone(), rel, a));
            }
            None => {
                let (id, title) = (&c.item.id, &c.item.title);
                let file =
                    Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                const NOT_ATTACHED: Template = Template::new(
                    &["id", "title", "file"],
                    "{id} {title}: the file {file} was not attached with `citcert attach` (no recorded type and \
                     hash); attach it",
                    "{id} {title} : le fichier {file} n'a pas été joint avec `citcert attach` (ni type ni \
                     empreinte enregistrés); joignez-le",
                );
                reasons.push(fill!(NOT_ATTACHED, lang, id = id, title = title, file = file));
            }
        }
    }
    (copies, reasons)
}

/// "package: refused: …" with every reason, in one language.
fn package_refusal(reasons: &[String], lang: Lang) -> String {
    const REFUSED: Template = Template::new(
        &["n", "s", "reasons"],
        "package: refused: the application is not ready to submit ({n} reason{s}):{reasons}\nFix these (see \
         `citcert check --answers DRAFT.json --format text`), then package again.",
        "package : refusé : la demande n'est pas prête à soumettre ({n} raison{s}) :{reasons}\nCorrigez ces points \
         (voir `citcert check --answers BROUILLON.json --format text`), puis refaites le paquet.",
    );
    let n = reasons.len();
    // One reason a line, each "\n  - reason".
    let list: String = reasons.iter().map(|r| format!("\n  - {r}")).collect();
    fill!(REFUSED, lang, n = n, s = if n == 1 { "" } else { "s" }, reasons = list)
}

/// A package written: where, what, and the notices said on the way (a new key, loose folders).
pub struct Built {
    pub out: PathBuf,
    pub manifest: crate::documents::package::Manifest,
    pub notices: Vec<Text>,
}

impl Built {
    /// "Package written to …", then one line per file.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let m = &self.manifest;
        let (o, n, fp) = (crate::safe_text::path(&self.out), m.files.len(), &m.public_key_fingerprint);
        const WRITTEN: Template = Template::new(
            &["out", "n", "fp"],
            "Package written to {out}: {n} files, signed with key {fp}.",
            "Paquet écrit dans {out} : {n} fichiers, signé avec la clé {fp}.",
        );
        const FILE: Template = Template::new(
            &["sha", "path", "size"],
            "  {sha}  {path}  {size} bytes",
            "  {sha}  {path}  {size} octets",
        );
        let mut v = vec![fill!(WRITTEN, lang, out = o, n = n, fp = fp)];
        for f in &m.files {
            v.push(fill!(FILE, lang, sha = f.sha256, path = safe(&f.path), size = f.size));
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
        return Err(CliError::refused(Text::new(en, fr)));
    }
    let mut files = vec![];
    let mut answers = src.answers.to_json_map();
    for (qid, rel, a) in &copies {
        let p = crate::safe_text::path(&a.path);
        let bytes = crate::drafts::fsutil::read_regular(&a.path, a.size, false).map_err(|err| {
            let r = io_reason(&err);
            CliError::refused(Text::new(
                format!("{p}: cannot be read ({}); attach it again", r.en),
                format!("{p} : illisible : {}; joignez-le de nouveau", r.fr),
            ))
        })?;
        use sha2::Digest;
        if attach::hex(&sha2::Sha256::digest(&bytes)) != a.sha256 {
            let item = &a.item;
            return Err(CliError::refused(Text::new(
                format!("{p}: changed on disk since it was attached to {item}; attach it again"),
                format!(
                    "{p} : modifié sur le disque depuis qu'il a été joint à {item}; joignez-le de nouveau"
                ),
            )));
        }
        answers.insert(qid.clone(), serde_json::Value::String(rel.clone()));
        files.push(crate::documents::package::PackageFile { path: rel.clone(), bytes });
    }
    let json = |v: &serde_json::Value| {
        let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
        b.push(b'\n');
        b
    };
    files.push(crate::documents::package::PackageFile {
        path: "answers.json".into(),
        bytes: json(&serde_json::json!({ "answers": answers })),
    });
    files.push(crate::documents::package::PackageFile {
        path: "checklist.json".into(),
        bytes: json(&serde_json::to_value(&e.checklist).unwrap_or_default()),
    });
    files.push(crate::documents::package::PackageFile {
        path: "summary.html".into(),
        bytes: export::to_html(&e).into_bytes(),
    });
    let pe = |e: crate::documents::package::PackageError| {
        let t = e.explain();
        CliError::refused(Text::new(format!("package: {}", t.en), format!("package : {}", t.fr)))
    };
    let key_dir = crate::documents::package::key_dir().map_err(pe)?;
    // With the other notices: the TUI and plain mode show them; a line on stderr would land under
    // the TUI's screen.
    const CITCERT: Template = Template::new(&["notice"], "citcert: {notice}", "citcert : {notice}");
    const WARNING: Template =
        Template::new(&["warning"], "citcert: warning: {warning}", "citcert : avertissement : {warning}");
    if let Some(n) = &key_dir.notice {
        notices.push(Text::new(
            fill!(CITCERT, Lang::En, notice = n.en),
            fill!(CITCERT, Lang::Fr, notice = n.fr),
        ));
    }
    let dir = key_dir.dir;
    let (key, created) = crate::documents::package::load_or_create_key(&dir).map_err(pe)?;
    if created {
        let k = dir.join(crate::documents::package::KEY_FILE);
        let k = crate::safe_text::path(&k);
        notices.push(Text::new(
            format!("Made a new package signing key in {k} (0600)."),
            format!("Nouvelle clé de signature des paquets créée dans {k} (0600)."),
        ));
    }
    let m = crate::documents::package::write_package(
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
                fill!(WARNING, Lang::En, warning = wt.en),
                fill!(WARNING, Lang::Fr, warning = wt.fr),
            ));
        }
    }
    Ok(Built { out: out.to_path_buf(), manifest: m, notices })
}
