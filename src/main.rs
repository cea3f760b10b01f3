/// mimalloc, not the system allocator: an evaluation allocates and frees one string per answer,
/// and with glibc's allocator a 10,000-question evaluation took 30× a 1,000-question one where
/// mimalloc takes 10× (and is 1.5–4× faster). See BENCHMARKS.md. The `mimalloc` feature (on by
/// default) compiles it from C; `--no-default-features` keeps the system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use citcert::cli::help::{lang_before_parsing, localized_command};
use citcert::engine::Explain;
use clap::FromArgMatches;

fn main() {
    // `--help` speaks the language asked for too, so the language is found before clap parses.
    let env = std::env::var("CITCERT_LANG").ok();
    let locale = citcert::context::locale_lang(|k| std::env::var(k).ok());
    let help_lang = lang_before_parsing(std::env::args_os(), env.as_deref(), locale);
    let matches = localized_command(help_lang).get_matches();
    let cli = citcert::cli::Cli::from_arg_matches(&matches)
        .unwrap_or_else(|e| e.format(&mut localized_command(help_lang)).exit());
    // Errors speak the language asked for (--lang, CITCERT_LANG, the locale); English when that is
    // not a language.
    let lang = cli.global.language().unwrap_or_default();
    match citcert::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            // Messages quote file names, labels and ids the person or a file chose: neutralised.
            eprintln!("citcert: {}", citcert::safe_text::block(&e.words(lang)));
            std::process::exit(e.code());
        }
    }
}
