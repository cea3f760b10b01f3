//! The error that ends a command, with its exit status and its words in English and French.

use crate::drafts::DraftError;
use crate::engine::text::Text;

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

/// Maps a store error to the exit status it deserves.
pub fn cli_error(e: DraftError) -> CliError {
    let code = match &e {
        DraftError::Expired { .. } => EXIT_EXPIRED,
        DraftError::Io { .. } | DraftError::Locked { .. } | DraftError::ReadOnly { .. } => 1,
        // A wrong or missing passphrase is bad input (2), like an unknown id.
        _ => 2,
    };
    CliError::with_code(code, e.text())
}
