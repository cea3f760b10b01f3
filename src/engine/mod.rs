//! The questionnaire engine: questionnaire.json + answers + today → screens, problems, rules,
//! checklist, indication and the submission gate. No terminal code, no files but the ones it is
//! handed, no clock of its own.

pub mod answers;
pub mod cond;
pub mod eval;
pub mod load;
pub mod model;
pub mod text;

pub use crate::words::Explain;
pub use answers::{AnswerValue, Answers};
pub use eval::{Context, Evaluation, Status, evaluate};
pub use load::{Problem, builtin, load_str};
pub use model::*;
pub use text::{Lang, Text};
