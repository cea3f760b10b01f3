/// mimalloc, not the system allocator: an evaluation allocates and frees one string per answer,
/// and with glibc's allocator a 10,000-question evaluation took 30× a 1,000-question one where
/// mimalloc takes 10× (and is 1.5–4× faster). See BENCHMARKS.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() {
    let cli = citcert::cli::Cli::parse();
    match citcert::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("citcert: {}", e.message);
            std::process::exit(e.code);
        }
    }
}
