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
