/// mimalloc, not the system allocator: an evaluation allocates and frees one string per answer,
/// and with glibc's allocator a 10,000-question evaluation took 30× a 1,000-question one where
/// mimalloc takes 10× (and is 1.5–4× faster). See BENCHMARKS.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() {
    let cli = citcert::cli::Cli::parse();
    // Errors speak the language asked for (--lang, CITCERT_LANG); English when that is not a language.
    let lang = cli.global.language().unwrap_or_default();
    match citcert::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("citcert: {}", e.message.get(lang));
            std::process::exit(e.code);
        }
    }
}
