//! Shell completions (`citcert completions SHELL`) and manual pages (`citcert man`), made from the
//! same clap command tree as `--help`, in the language of service: French descriptions and
//! headings with `--lang fr` (or CITCERT_LANG, or a French locale), English otherwise.

use std::io::Write;
use std::path::Path;

use clap::Command;
use clap_complete::Shell;

use crate::cli::help::localized_command;
use crate::context::{CliError, output_error};
use crate::words::Template;
use crate::{fill, fill_text};

use crate::engine::Lang;

/// The completion script for `shell`, describing commands and options in `lang`.
pub fn completions(shell: Shell, lang: Lang) -> Vec<u8> {
    let mut cmd = localized_command(lang);
    let mut out = Vec::new();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    clap_complete::generate(shell, &mut cmd, "citcert", &mut out);
    out
}

/// The manual pages: `citcert.1` first, then one per subcommand (`citcert-drafts-new.1` …), each as
/// (file name, roff text). The `help` subcommand has no page.
pub fn man_pages(lang: Lang) -> Vec<(String, Vec<u8>)> {
    let mut cmd = localized_command(lang).disable_help_subcommand(true);
    cmd.build();
    let mut pages = vec![];
    collect(&cmd, lang, &mut pages);
    pages
}

fn collect(cmd: &Command, lang: Lang, pages: &mut Vec<(String, Vec<u8>)>) {
    let man = clap_mangen::Man::new(cmd.clone()).manual(lang.pick("citcert manual", "Manuel de citcert"));
    let mut roff = Vec::new();
    // Rendering into memory cannot fail.
    let _ = man.render(&mut roff);
    let roff = match lang {
        Lang::En => roff,
        Lang::Fr => french_headings(&roff),
    };
    pages.push((man.get_filename(), roff));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        collect(sub, lang, pages);
    }
}

/// clap_mangen writes its section headings in English; a French page gets French ones. Only the
/// `.SH` lines are touched, never the text of the page.
fn french_headings(roff: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(roff);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let fr = match body {
            ".SH NAME" => Some(".SH NOM"),
            ".SH SUBCOMMANDS" => Some(".SH SOUS-COMMANDES"),
            ".SH EXTRA" => Some(".SH REMARQUES"),
            ".SH AUTHORS" => Some(".SH AUTEURS"),
            _ => None,
        };
        out.push_str(fr.unwrap_or(body));
        out.push_str(end);
    }
    out.into_bytes()
}

/// `citcert completions SHELL`: the script on standard output.
pub fn completions_cmd(shell: Shell, lang: Lang) -> Result<i32, CliError> {
    let script = completions(shell, lang);
    let mut out = std::io::stdout().lock();
    out.write_all(&script).and_then(|()| out.flush()).map_err(write_error)?;
    Ok(0)
}

/// `citcert man [--out DIR]`: the main page on standard output, or every page written into DIR.
pub fn man_cmd(out_dir: Option<&Path>, lang: Lang) -> Result<i32, CliError> {
    let pages = man_pages(lang);
    let Some(dir) = out_dir else {
        let mut out = std::io::stdout().lock();
        out.write_all(&pages[0].1).and_then(|()| out.flush()).map_err(write_error)?;
        return Ok(0);
    };
    let d = crate::safe_text::path(dir);
    if dir.exists() && !dir.is_dir() {
        const NOT_A_FOLDER: Template = Template::new(
            &["dir"],
            "man --out {dir}: not a folder; give a folder for the manual pages",
            "man --out {dir} : ce n'est pas un dossier; indiquez un dossier pour les pages de manuel",
        );
        return Err(CliError::usage(fill_text!(NOT_A_FOLDER, dir = d)));
    }
    std::fs::create_dir_all(dir).map_err(|e| file_error(dir, &e))?;
    for (name, roff) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, roff).map_err(|e| file_error(&path, &e))?;
    }
    let n = pages.len();
    let mut out = std::io::stdout().lock();
    const WROTE: Template = Template::new(
        &["n", "dir"],
        "Wrote {n} manual pages in {dir} (citcert.1 and one per command).",
        "{n} pages de manuel écrites dans {dir} (citcert.1 et une par commande).",
    );
    writeln!(out, "{}", fill!(WROTE, lang, n = n, dir = d)).map_err(write_error)?;
    Ok(0)
}

fn write_error(e: std::io::Error) -> CliError {
    output_error(&e)
}

fn file_error(path: &Path, e: &std::io::Error) -> CliError {
    const CANNOT_WRITE: Template = Template::new(
        &["file", "reason"],
        "{file}: cannot be written ({reason}); check the folder",
        "{file} : impossible d'écrire ({reason}); vérifiez le dossier",
    );
    CliError::refused(fill_text!(CANNOT_WRITE, file = path.display(), reason = crate::drafts::io_reason(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(b: Vec<u8>) -> String {
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn completions_know_every_command_and_the_languages() {
        let bash = text(completions(Shell::Bash, Lang::En));
        for word in
            ["citcert", "check", "drafts", "import", "package", "verify", "completions", "--lang", "en fr"]
        {
            assert!(bash.contains(word), "bash lacks {word:?}");
        }
        let zsh = text(completions(Shell::Zsh, Lang::En));
        assert!(zsh.starts_with("#compdef citcert"), "{}", &zsh[..80]);
        assert!(zsh.contains("Make a signed submission package"), "zsh describes commands in English");
        let fish = text(completions(Shell::Fish, Lang::En));
        assert!(fish.contains("complete -c citcert"), "fish");
        assert!(fish.contains("__fish_citcert_using_subcommand drafts"), "fish: drafts subcommands");
    }

    #[test]
    fn french_completions_describe_in_french() {
        let zsh = text(completions(Shell::Zsh, Lang::Fr));
        assert!(zsh.contains("Faire un paquet de soumission signé"), "zsh in French");
        assert!(!zsh.contains("Make a signed submission package"), "no English left");
        let fish = text(completions(Shell::Fish, Lang::Fr));
        assert!(fish.contains("Commencer un nouveau brouillon aujourd"), "fish in French");
    }

    #[test]
    fn man_pages_for_every_command() {
        let pages = man_pages(Lang::En);
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "citcert.1");
        for want in [
            "citcert-check.1",
            "citcert-drafts.1",
            "citcert-drafts-new.1",
            "citcert-man.1",
            "citcert-verify.1",
        ] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("help")), "{names:?}");
        let main = String::from_utf8(pages[0].1.clone()).unwrap();
        assert!(main.starts_with(".ie"), "roff");
        assert!(main.contains(".TH citcert 1"), "{main}");
        assert!(main.contains(".SH NAME") && main.contains(".SH SUBCOMMANDS"), "{main}");
        assert!(main.contains("Canadian online Application for a Citizenship Certificate"), "{main}");
        assert!(main.contains("\\-\\-lang"), "{main}");
    }

    #[test]
    fn french_man_pages_have_french_headings_and_words() {
        let pages = man_pages(Lang::Fr);
        let main = String::from_utf8(pages[0].1.clone()).unwrap();
        assert!(main.contains(".SH NOM") && main.contains(".SH SOUS-COMMANDES"), "{main}");
        assert!(!main.contains(".SH NAME") && !main.contains(".SH SUBCOMMANDS"), "{main}");
        assert!(main.contains("Manuel de citcert"), "{main}");
        assert!(main.contains("demande en ligne de certificat de citoyenneté"), "{main}");
        let new = pages.iter().find(|(n, _)| n == "citcert-drafts-new.1").unwrap();
        assert!(
            String::from_utf8_lossy(&new.1).contains("Commencer un nouveau brouillon"),
            "drafts new in French"
        );
    }

    #[test]
    fn man_out_must_be_a_folder_and_says_so_in_both_languages() {
        let t = tempfile::tempdir().unwrap();
        let file = t.path().join("file");
        std::fs::write(&file, "x").unwrap();
        let e = man_cmd(Some(&file), Lang::En).unwrap_err();
        assert_eq!(e.code(), 2);
        let d = crate::safe_text::path(&file);
        assert_eq!(e.message.en, format!("man --out {d}: not a folder; give a folder for the manual pages"));
        assert_eq!(
            e.message.fr,
            format!("man --out {d} : ce n'est pas un dossier; indiquez un dossier pour les pages de manuel")
        );
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let e = file_error(Path::new("/m/citcert.1"), &io);
        assert_eq!(e.code(), 1);
        assert_eq!(e.message.en, format!("/m/citcert.1: cannot be written ({io}); check the folder"));
        assert_eq!(
            e.message.fr,
            format!("/m/citcert.1 : impossible d'écrire (permission refusée ({io})); vérifiez le dossier")
        );
    }

    #[test]
    fn french_headings_touch_only_heading_lines() {
        let roff = b".SH NAME\nNAME and SUBCOMMANDS stay in text\n.SH SUBCOMMANDS\n.SH OPTIONS";
        assert_eq!(
            String::from_utf8(french_headings(roff)).unwrap(),
            ".SH NOM\nNAME and SUBCOMMANDS stay in text\n.SH SOUS-COMMANDES\n.SH OPTIONS"
        );
    }
}
