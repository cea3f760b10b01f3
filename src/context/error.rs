//! The error that ends a command: its kind, which decides the exit status (the table in README.md,
//! "Exit status"), and its words in English and French.

use crate::drafts::DraftError;
use crate::engine::text::Text;
use crate::fill_text;
use crate::words::{Explain, Template};

/// A problem with something named first — a file, a command: "NAME: problem".
pub const PROBLEM_WITH: Template =
    Template::new(&["what", "problem"], "{what}: {problem}", "{what} : {problem}");

/// Writing a command's output (stdout, stderr) failed.
pub const CANNOT_WRITE_OUTPUT: Template = Template::new(
    &["reason"],
    "cannot write the output: {reason}",
    "impossible d'écrire la sortie : {reason}",
);

/// What kind of failure ends a command. Each kind has one exit status, the one README.md's table
/// documents; no call site chooses a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Failure {
    /// 1: refused or failed, with the command line in order (a draft open elsewhere or read-only,
    /// a file that could not be written, an attach or package refused).
    Refused,
    /// 2: bad arguments or unusable input (an unreadable file, invalid JSON, an unknown draft id,
    /// a damaged draft, a wrong passphrase).
    Usage,
    /// 3: the draft has expired (the guide's 60-day rule).
    Expired,
    /// 70: a bug in citcert itself: the built-in questionnaire does not load (EX_SOFTWARE of
    /// sysexits.h; it used to be 3, which also means "draft expired").
    Bug,
}

impl Failure {
    /// Every kind, for the tests that hold the table.
    pub const ALL: [Failure; 4] = [Failure::Refused, Failure::Usage, Failure::Expired, Failure::Bug];

    /// The exit status of this kind of failure.
    pub const fn code(self) -> i32 {
        match self {
            Failure::Refused => 1,
            Failure::Usage => 2,
            Failure::Expired => 3,
            Failure::Bug => 70,
        }
    }
}

/// An error that ends a command, with its kind and its message in English and French (`main`
/// prints the one `--lang`/`CITCERT_LANG` asks for and exits with [`CliError::code`]).
#[derive(Debug)]
pub struct CliError {
    pub kind: Failure,
    pub message: Text,
}

impl CliError {
    pub fn new(kind: Failure, message: Text) -> Self {
        CliError { kind, message }
    }
    /// Bad arguments or unusable input: exit 2.
    pub fn usage(message: Text) -> Self {
        CliError::new(Failure::Usage, message)
    }
    /// Refused or failed with the command line in order: exit 1.
    pub fn refused(message: Text) -> Self {
        CliError::new(Failure::Refused, message)
    }
    /// A bug in citcert: exit 70.
    pub fn bug(message: Text) -> Self {
        CliError::new(Failure::Bug, message)
    }
    /// The exit status, from the kind.
    pub fn code(&self) -> i32 {
        self.kind.code()
    }
}

impl Explain for CliError {
    fn explain(&self) -> Text {
        self.message.clone()
    }
}

impl From<DraftError> for CliError {
    /// A store error ends the command with the status its kind deserves.
    fn from(e: DraftError) -> Self {
        let kind = match &e {
            DraftError::Expired { .. } => Failure::Expired,
            DraftError::Io { .. }
            | DraftError::Locked { .. }
            | DraftError::ReadOnly { .. }
            | DraftError::NotOpen { .. }
            | DraftError::CannotLock => Failure::Refused,
            // A wrong or missing passphrase is bad input (2), like an unknown id.
            DraftError::Damaged { .. }
            | DraftError::NotFound(_)
            | DraftError::Ambiguous { .. }
            | DraftError::InvalidAnswer { .. }
            | DraftError::Invalid(_)
            | DraftError::NoDataDir
            | DraftError::PassphraseNeeded { .. }
            | DraftError::WrongPassphrase { .. }
            | DraftError::Shape(_) => Failure::Usage,
        };
        CliError::new(kind, e.explain())
    }
}

/// The output of a command could not be written (a closed pipe, a full disk): exit 1.
pub fn output_error(e: &std::io::Error) -> CliError {
    CliError::refused(fill_text!(CANNOT_WRITE_OUTPUT, reason = crate::drafts::io_reason(e)))
}

/// Maps a store error to the exit status it deserves (`map_err(cli_error)`).
pub fn cli_error(e: DraftError) -> CliError {
    CliError::from(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Lang;

    /// README.md's table, "Exit status": kind → code, each code once.
    #[test]
    fn each_kind_has_the_exit_status_of_the_readme_table() {
        let table = [(Failure::Refused, 1), (Failure::Usage, 2), (Failure::Expired, 3), (Failure::Bug, 70)];
        for (kind, code) in table {
            assert_eq!(kind.code(), code, "{kind:?}");
            assert_eq!(CliError::new(kind, Text::same("x")).code(), code);
        }
        assert_eq!(table.len(), Failure::ALL.len());
        assert!(Failure::ALL.iter().all(|k| table.iter().any(|(t, _)| t == k)));
        assert_eq!(CliError::usage(Text::default()).code(), 2);
        assert_eq!(CliError::refused(Text::default()).code(), 1);
        assert_eq!(CliError::bug(Text::default()).code(), 70);
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("## Exit status").expect("README has the table")..];
        for kind in Failure::ALL {
            assert!(section.contains(&format!("\n| {} |", kind.code())), "{kind:?} is not in README's table");
        }
    }

    #[test]
    fn output_errors_say_why_in_both_languages() {
        let io = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let e = output_error(&io);
        assert_eq!(e.code(), 1);
        assert_eq!(e.message.en, format!("cannot write the output: {io}"));
        assert_eq!(e.message.fr, format!("impossible d'écrire la sortie : le disque est plein ({io})"));
        let t = crate::fill_text!(PROBLEM_WITH, what = "verify", problem = Text::new("gone", "disparu"));
        assert_eq!((t.en.as_str(), t.fr.as_str()), ("verify: gone", "verify : disparu"));
    }

    #[test]
    fn a_store_error_ends_with_the_status_of_its_kind() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let cases = [
            (DraftError::Expired { label: "A".into(), created_on: day, expired_after: day }, 3),
            (DraftError::Io { path: "/x".into(), source: io }, 1),
            (DraftError::Locked { id: "d1".into() }, 1),
            (DraftError::ReadOnly { id: "d1".into(), why: None }, 1),
            (DraftError::NotOpen { id: "d1".into() }, 1),
            (DraftError::CannotLock, 1),
            (DraftError::NotFound("d9".into()), 2),
            (DraftError::WrongPassphrase { id: "d1".into() }, 2),
            (DraftError::PassphraseNeeded { id: "d1".into(), label: "A".into() }, 2),
            (DraftError::NoDataDir, 2),
        ];
        for (e, code) in cases {
            let words = e.explain();
            let c = cli_error(e);
            assert_eq!(c.code(), code, "{}", words.en);
            // The words go with it unchanged, in both languages.
            assert_eq!(c.words(Lang::En), words.en);
            assert_eq!(c.words(Lang::Fr), words.fr);
        }
    }
}
