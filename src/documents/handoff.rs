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
use crate::words::Template;
use crate::{fill, fill_text};

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
            _ => {
                const NOT_A_SIZE: Template = Template::new(
                    &["value"],
                    "--max-mb / CITCERT_MAX_UPLOAD_MB: '{value}' is not a size in megabytes between 0 and 1024, e.g. 4",
                    "--max-mb / CITCERT_MAX_UPLOAD_MB : « {value} » n'est pas une taille en mégaoctets entre 0 et \
                     1024, p. ex. 4",
                );
                Err(CliError::usage(fill_text!(NOT_A_SIZE, value = crate::safe_text::inline(s))))
            }
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
    write_md_html(dir, stem, &export::to_markdown(&e), &export::to_html(&e))
}

/// Writes `<stem>.md` and `<stem>.html` into `dir`, readable only by this user (0600): the
/// summary and the paper-preparation summary. Returns the files written; a failure names the file.
pub fn write_md_html(dir: &Path, stem: &str, md: &str, html: &str) -> Result<Vec<PathBuf>, Text> {
    const CANNOT_WRITE: Template = Template::new(
        &["path", "reason"],
        "{path}: cannot write: {reason}; check the folder exists and is writable",
        "{path} : impossible d'écrire : {reason}; vérifiez que le dossier existe et que vous pouvez y écrire",
    );
    let mut written = vec![];
    for (ext, text) in [("md", md), ("html", html)] {
        let p = dir.join(format!("{stem}.{ext}"));
        let name = crate::safe_text::path(&p);
        let fail = |e: std::io::Error| fill_text!(CANNOT_WRITE, path = name, reason = io_reason(&e));
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

/// Why the package of `src` would be refused now, with every reason (the answers gate, every file
/// checked, recorded and unchanged); `None` when it may be built. Reads the attached files to check
/// them and writes nothing: the TUI says the reasons before asking for a folder.
pub fn package_refused(q: &Questionnaire, src: &Source, clock: &Clock, lang: Lang) -> Option<CliError> {
    let ev = src.evaluate(q, clock.today());
    let e = export::build(q, &src.answers, &ev, &src.attachments, src.draft.clone(), lang);
    refusal(q, src, &ev, &e, lang).err()
}

/// The package's gate: the files to copy when ready, else the refusal with every reason, in both
/// languages.
fn refusal<'a>(
    q: &Questionnaire,
    src: &'a Source,
    ev: &Evaluation,
    e: &export::Export,
    lang: Lang,
) -> Result<Vec<(String, String, &'a Attachment)>, CliError> {
    let (copies, unattached) = package_copies(q, ev, e, &src.attachments, lang);
    if !e.ready || !e.blockers.is_empty() || !unattached.is_empty() {
        // The reasons come from the export, which speaks one language: build it in the other too.
        let reasons_in = |x: &export::Export, l: Lang| {
            let mut r = x.blockers.clone();
            r.extend(package_copies(q, ev, x, &src.attachments, l).1);
            r.dedup();
            package_refusal(&r, l)
        };
        let other = export::build(q, &src.answers, ev, &src.attachments, src.draft.clone(), lang.other());
        let (en, fr) = match lang {
            Lang::En => (reasons_in(e, Lang::En), reasons_in(&other, Lang::Fr)),
            Lang::Fr => (reasons_in(&other, Lang::En), reasons_in(e, Lang::Fr)),
        };
        return Err(CliError::refused(Text::new(en, fr)));
    }
    Ok(copies)
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
    let copies = refusal(q, src, &ev, &e, lang)?;
    let mut files = vec![];
    let mut answers = src.answers.to_json_map();
    for (qid, rel, a) in &copies {
        let p = crate::safe_text::path(&a.path);
        const UNREADABLE: Template = Template::new(
            &["path", "reason"],
            "{path}: cannot be read ({reason}); attach it again",
            "{path} : illisible : {reason}; joignez-le de nouveau",
        );
        const CHANGED: Template = Template::new(
            &["path", "item"],
            "{path}: changed on disk since it was attached to {item}; attach it again",
            "{path} : modifié sur le disque depuis qu'il a été joint à {item}; joignez-le de nouveau",
        );
        let bytes = crate::drafts::fsutil::read_regular(&a.path, a.size, false)
            .map_err(|err| CliError::refused(fill_text!(UNREADABLE, path = p, reason = io_reason(&err))))?;
        use sha2::Digest;
        if attach::hex(&sha2::Sha256::digest(&bytes)) != a.sha256 {
            return Err(CliError::refused(fill_text!(CHANGED, path = p, item = a.item)));
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
    const PACKAGE: Template = Template::new(&["problem"], "package: {problem}", "package : {problem}");
    let pe = |e: crate::documents::package::PackageError| {
        CliError::refused(fill_text!(PACKAGE, problem = e.explain()))
    };
    let key_dir = crate::documents::package::key_dir().map_err(pe)?;
    // With the other notices: the TUI and plain mode show them; a line on stderr would land under
    // the TUI's screen.
    const CITCERT: Template = Template::new(&["notice"], "citcert: {notice}", "citcert : {notice}");
    const WARNING: Template =
        Template::new(&["warning"], "citcert: warning: {warning}", "citcert : avertissement : {warning}");
    if let Some(n) = &key_dir.notice {
        notices.push(fill_text!(CITCERT, notice = n));
    }
    let dir = key_dir.dir;
    let (key, created) = crate::documents::package::load_or_create_key(&dir).map_err(pe)?;
    if created {
        const NEW_KEY: Template = Template::new(
            &["path"],
            "Made a new package signing key in {path} (0600).",
            "Nouvelle clé de signature des paquets créée dans {path} (0600).",
        );
        let k = dir.join(crate::documents::package::KEY_FILE);
        notices.push(fill_text!(NEW_KEY, path = crate::safe_text::path(&k)));
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
            notices.push(fill_text!(WARNING, warning = wt));
        }
    }
    Ok(Built { out: out.to_path_buf(), manifest: m, notices })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_limit_is_megabytes_between_0_and_1024() {
        assert_eq!(max_bytes(None).unwrap(), DEFAULT_MAX_MB * 1024 * 1024);
        assert_eq!(max_bytes(Some(" 1.5 ")).unwrap(), 1_572_864);
        for bad in ["0", "-2", "1025", "4MB", "NaN"] {
            let e = max_bytes(Some(bad)).unwrap_err().explain();
            assert_eq!(
                e.en,
                format!(
                    "--max-mb / CITCERT_MAX_UPLOAD_MB: '{bad}' is not a size in megabytes between 0 and 1024, e.g. 4"
                )
            );
            assert_eq!(
                e.fr,
                format!(
                    "--max-mb / CITCERT_MAX_UPLOAD_MB : « {bad} » n'est pas une taille en mégaoctets entre 0 et 1024, \
                     p. ex. 4"
                )
            );
        }
        // A value from the environment is shown, not obeyed: no escape sequence reaches the terminal.
        let e = max_bytes(Some("4\u{1b}[2J\u{202e}")).unwrap_err().explain();
        assert!(e.en.contains("'4\\u{1b}[2J\\u{202e}'"), "{}", e.en);
        assert!(!e.fr.contains('\u{1b}') && !e.fr.contains('\u{202e}'), "{}", e.fr);
    }
}
