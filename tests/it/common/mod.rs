//! What the end-to-end tests of documents share: a private folder with drafts and config, and the
//! real binary run in it with a fixed date.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod drafts;
#[cfg(unix)]
pub mod tmux;

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = citcert();
        c.args(args)
            .current_dir(self.dir.path())
            .env("CITCERT_DRAFTS_DIR", self.path("drafts"))
            .env("CITCERT_KEY_DIR", self.path("config"))
            .env_remove("CITCERT_CONFIG_DIR")
            .env("CITCERT_TODAY", "2025-06-01")
            .env_remove("CITCERT_MAX_UPLOAD_MB")
            .stdin(std::process::Stdio::null());
        c
    }
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }
    pub fn write(&self, name: &str, bytes: &[u8]) -> String {
        std::fs::write(self.path(name), bytes).unwrap();
        self.path(name).to_string_lossy().into_owned()
    }
    /// Imports a persona's answers as a draft; returns its id.
    pub fn import(&self, persona: &str) -> String {
        let file =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/personas/{persona}.answers.json"));
        let o = self.run(&["drafts", "import", file.to_str().unwrap(), "--label", persona]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let out = text(&o.stdout);
        out.split("as draft ").nth(1).unwrap()[..8].to_string()
    }
    /// Writes each (item, name, content) as file `name` (the content followed by the name) and
    /// attaches it to `item` of draft `id`; each must succeed.
    pub fn attach_each(&self, id: &str, files: &[(&str, &str, &[u8])]) {
        for (item, name, bytes) in files {
            // Each document its own content: one file attached to two items is refused.
            let f = self.write(name, &[bytes, name.as_bytes()].concat());
            let o = self.run(&["attach", id, item, &f]);
            assert_eq!(o.status.code(), Some(0), "stdout: {}\nstderr: {}", text(&o.stdout), text(&o.stderr));
        }
    }
    pub fn draft_file(&self, id: &str) -> String {
        self.path("drafts").join(format!("{id}.json")).to_string_lossy().into_owned()
    }
    pub fn check(&self, id: &str) -> serde_json::Value {
        self.check_in(id, "en")
    }
    /// `check --answers DRAFT --lang LANG`, as JSON.
    pub fn check_in(&self, id: &str, lang: &str) -> serde_json::Value {
        let o = self.run(&["check", "--answers", &self.draft_file(id), "--lang", lang]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    }
}

/// Every `.rs` file below `dir`, sorted (the source checks read src/ with it).
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut out = vec![];
    walk(dir, &mut out);
    out.sort();
    out
}

/// The citcert binary with no language from the environment: CITCERT_LANG and the locale
/// variables (LC_ALL, LC_MESSAGES, LANG, LANGUAGE) removed, so a developer with French set gets the
/// same English as CI. A test that wants French sets it on the returned command.
pub fn citcert() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_citcert"));
    for var in ["CITCERT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(var);
    }
    c
}

/// [`citcert`] on the drafts folder `dir` (CITCERT_DRAFTS_DIR), with no date from the environment
/// (CITCERT_TODAY removed) and nothing on stdin.
pub fn citcert_on(dir: &Path) -> Command {
    let mut c = citcert();
    c.env("CITCERT_DRAFTS_DIR", dir).env_remove("CITCERT_TODAY").stdin(std::process::Stdio::null());
    c
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

pub const PDF: &[u8] = b"%PDF-1.4\n% a test document\n";
pub const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00 test photo";
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR test";

/// A ready P01 draft with every file attached; returns (env, id).
pub fn ready_draft() -> (Env, String) {
    let env = Env::new();
    let id = env.import("P01");
    env.attach_each(&id, &P01_FILES);
    (env, id)
}

/// P01's documents: (item, file name, the kind of content).
pub const P01_FILES: [(&str, &str, &[u8]); 5] = [
    ("CL-ID1", "licence.pdf", PDF),
    ("CL-ID2", "health card.pdf", PDF),
    ("CL-PHOTO", "photo.jpg", JPEG),
    ("CL-PHOTOGRAPHER", "receipt.png", PNG),
    ("CL-BIRTHCERT", "birth.pdf", PDF),
];

/// The signing-key folder of the in-process tests that build a package (the TUI's "build the
/// package"): set once for the whole test binary, in cargo's scratch folder for tests, and never
/// changed, since every test of the binary shares the process environment. Runs of the binary get
/// their own folder through [`Env::cmd`].
pub fn in_process_key_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("in-process-keys");
        std::fs::create_dir_all(&dir).unwrap();
        // SAFETY: set once, before any in-process package is built; std's own environment reads
        // and writes are synchronised, and nothing in these tests reads it through libc.
        unsafe { std::env::set_var("CITCERT_KEY_DIR", &dir) };
        dir
    })
}

/// The built-in questionnaire.
pub fn q() -> &'static citcert::engine::Questionnaire {
    citcert::engine::builtin().expect("built-in questionnaire")
}

/// A date written YYYY-MM-DD.
pub fn day(s: &str) -> chrono::NaiveDate {
    citcert::clock::parse_date(s).unwrap()
}

/// The answers of `tests/NAME.answers.json` (e.g. "personas/P01").
pub fn answers_file(name: &str) -> citcert::engine::Answers {
    let path = format!("{}/tests/{name}.answers.json", env!("CARGO_MANIFEST_DIR"));
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    citcert::engine::Answers::from_file_json(&root).unwrap()
}

/// Runs plain mode in-process with drafts in `dir`, the date `today` and `input` typed (echoed,
/// as a transcript reads); returns (exit status, output).
pub fn plain_session(
    dir: &Path,
    input: &str,
    lang: citcert::engine::Lang,
    draft: Option<&str>,
    today: &str,
) -> (i32, String) {
    let mut out = Vec::new();
    let code = citcert::plain::run(
        input.as_bytes(),
        &mut out,
        citcert::plain::PlainContext {
            questionnaire: q(),
            drafts_dir: dir.to_path_buf(),
            clock: citcert::clock::Clock::Fixed(day(today)),
            lang,
            draft: draft.map(str::to_string),
            echo_input: true,
        },
    )
    .unwrap();
    (code, String::from_utf8(out).unwrap())
}

/// What a run of the binary gave: its exit status (-1 when ended by a signal), stdout and stderr.
pub struct Run {
    pub code: i32,
    pub out: String,
    pub err: String,
}

impl Run {
    /// The run's output, which must be UTF-8.
    pub fn of(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            out: String::from_utf8(o.stdout).unwrap(),
            err: String::from_utf8(o.stderr).unwrap(),
        }
    }
    /// The run's output, bytes that are not UTF-8 replaced.
    pub fn lossy(o: &Output) -> Run {
        Run { code: o.status.code().unwrap_or(-1), out: text(&o.stdout), err: text(&o.stderr) }
    }
}
