//! `--help` in the language of service. clap's derive writes the English help from the doc
//! comments in `cli.rs` and the argument structs; [`localized_command`] gives the same command
//! tree with French words (about, argument help, headings, the built-in `--help`/`--version`/
//! `help`) when the language is French, and the untouched English command otherwise.
//!
//! The French table is keyed by subcommand path ("", "check", "drafts new") and argument id; a
//! unit test walks the English and French trees side by side and fails on any text left English.
//! clap's own parse errors ("unexpected argument …") and the `[OPTIONS]`/`<COMMAND>` of the
//! usage line stay English.

use clap::builder::PossibleValue;
use clap::{Arg, Command, CommandFactory};

use crate::cli::Cli;
use crate::engine::Lang;

/// The language for `--help`, decided before parsing: the value of `--lang`/`--lang=` among
/// `args` (before any `--`) when it is a language, else `CITCERT_LANG` when it is one, else
/// `locale` (the language LC_ALL, LC_MESSAGES or LANG asks for: [`crate::context::locale_lang`]).
pub fn lang_before_parsing<I, S>(args: I, env: Option<&str>, locale: Lang) -> Lang
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut from_args = None;
    let mut next_is_value = false;
    for a in args.into_iter().skip(1) {
        let a = a.as_ref().to_string_lossy();
        if next_is_value {
            from_args = Some(a.to_string());
            next_is_value = false;
        } else if a == "--" {
            break;
        } else if a == "--lang" {
            next_is_value = true;
        } else if let Some(v) = a.strip_prefix("--lang=") {
            from_args = Some(v.to_string());
        }
    }
    from_args.as_deref().and_then(Lang::parse).or_else(|| env.and_then(Lang::parse)).unwrap_or(locale)
}

/// The citcert command with its help in `lang`: for English exactly `Cli::command()`; for
/// French, built (so the built-in `--help`, `--version` and `help` exist) and translated.
pub fn localized_command(lang: Lang) -> Command {
    let mut cmd = <Cli as CommandFactory>::command();
    match lang {
        Lang::En => cmd,
        Lang::Fr => {
            cmd.build();
            french(cmd, "")
        }
    }
}

/// Translates `cmd` (at `path`) and everything under it.
fn french(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd;
    if cmd.get_about().is_some() {
        cmd = cmd.about(about_fr(path));
    }
    if cmd.get_long_about().is_some() {
        cmd = cmd.long_about(about_fr(path));
    }
    if cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some() {
        let after = after_help_fr(path);
        cmd = cmd.after_help(after.clone()).after_long_help(after);
    }
    let p = path.to_string();
    cmd = cmd.mut_args(|a| french_arg(a, &p));
    cmd = cmd.mut_subcommands(|s| {
        let sub = if path.is_empty() { s.get_name().to_string() } else { format!("{path} {}", s.get_name()) };
        french(s, &sub)
    });
    let template = template_fr(&cmd);
    cmd.help_template(template)
}

fn french_arg(a: Arg, path: &str) -> Arg {
    let id = a.get_id().as_str().to_string();
    let global = a.is_global_set();
    let mut a = a;
    if let Some(h) = a.get_help() {
        // The built-in -h says "(see more with '--help')" when some text has a long form.
        let more = id == "help" && h.to_string().contains("--help");
        a = a.help(if more {
            "Afficher l'aide (plus de détails avec « --help »)".to_string()
        } else {
            arg_fr(path, &id, false, global)
        });
    }
    if a.get_long_help().is_some() {
        a = a.long_help(arg_fr(path, &id, true, global));
    }
    // A positional with no value name shows its id in capitals: <DRAFT>, <FILE>.
    let shown = match a.get_value_names() {
        Some([one]) => Some(one.as_str().to_string()),
        None if a.is_positional() => Some(id.to_uppercase()),
        _ => None,
    };
    if let Some(fr) = shown.as_deref().and_then(value_name_fr) {
        a = a.value_name(fr);
    }
    spec_vals_fr(a)
}

/// clap's "[env: …]", "[default: …]" and "[possible values: …]", written in French at the end of
/// the help (and clap's own hidden).
fn spec_vals_fr(a: Arg) -> Arg {
    if a.is_hide_set() {
        return a;
    }
    let mut spec = vec![];
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        let value = std::env::var_os(env).map(|v| v.to_string_lossy().to_string()).unwrap_or_default();
        spec.push(format!("[var. d'environnement : {}={value}]", env.to_string_lossy()));
    }
    let defaults = a.get_default_values();
    if a.get_action().takes_values() && !a.is_hide_default_value_set() && !defaults.is_empty() {
        let d: Vec<String> = defaults.iter().map(|d| d.to_string_lossy().to_string()).collect();
        spec.push(format!("[par défaut : {}]", d.join(" ")));
    }
    let values: Vec<PossibleValue> = a.get_possible_values();
    if !a.is_hide_possible_values_set() && !values.is_empty() {
        let v: Vec<&str> = values.iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name()).collect();
        spec.push(format!("[valeurs possibles : {}]", v.join(", ")));
    }
    if spec.is_empty() {
        return a;
    }
    let help = match a.get_help() {
        Some(h) => format!("{h} {}", spec.join(" ")),
        None => spec.join(" "),
    };
    let long = a.get_long_help().map(|h| format!("{h}\n{}", spec.join("\n")));
    let a = a.help(help).hide_env(true).hide_default_value(true).hide_possible_values(true);
    match long {
        Some(l) => a.long_help(l),
        None => a,
    }
}

/// clap's default template with French headings, one per section the command has.
fn template_fr(cmd: &Command) -> String {
    let styles = cmd.get_styles();
    let (h, u) = (styles.get_header(), styles.get_usage());
    let subs = cmd.get_subcommands().any(|s| !s.is_hide_set());
    let pos = cmd.get_positionals().any(|a| !a.is_hide_set());
    let opts = cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set());
    let mut sections = vec![];
    if subs {
        sections.push(format!("{h}Commandes :{h:#}\n{{subcommands}}"));
    }
    if pos {
        sections.push(format!("{h}Arguments :{h:#}\n{{positionals}}"));
    }
    if opts {
        sections.push(format!("{h}Options :{h:#}\n{{options}}"));
    }
    let head = format!("{{before-help}}{{about-with-newline}}\n{u}Utilisation :{u:#} {{usage}}");
    if sections.is_empty() {
        format!("{head}{{after-help}}")
    } else {
        format!("{head}\n\n{}{{after-help}}", sections.join("\n\n"))
    }
}

/// The French about of the command at `path`. A `help` subcommand holds copies of the commands
/// beside it ("help drafts new", "drafts help new"): they take the about of the command they copy.
fn about_fr(path: &str) -> String {
    let words: Vec<&str> = path.split_whitespace().collect();
    let path = match words.last() {
        Some(&"help") => "help".to_string(),
        _ => words.iter().filter(|w| **w != "help").copied().collect::<Vec<_>>().join(" "),
    };
    let s = match path.as_str() {
        "" => {
            "Préparer la demande en ligne de certificat de citoyenneté canadienne (CIT 0001) depuis le terminal"
        }
        "help" => "Afficher ce message ou l'aide des sous-commandes données",
        "render" => {
            "Afficher un écran de l'interface en texte brut, sans terminal (`citcert render --help` donne \
             la liste des écrans)"
        }
        "check" => {
            "Évaluer un fichier de réponses : résultat, règles, indication, liste de contrôle, état de \
             préparation"
        }
        "validate" => {
            "Vérifier un fichier de questionnaire (par défaut, le questionnaire intégré) et donner chaque \
             problème avec son emplacement"
        }
        "drafts" => "Brouillons enregistrés : list, new, show, rename, note, delete, purge, export, import",
        "drafts list" => {
            "Lister les brouillons : nom, identifiant, date de début, jours restants, progression"
        }
        "drafts new" => "Commencer un nouveau brouillon aujourd'hui",
        "drafts show" => {
            "Afficher un brouillon : ses réponses et ses notes (et, avec --history, son historique)"
        }
        "drafts rename" => "Donner un nouveau nom à un brouillon",
        "drafts protect" => {
            "Verrouiller un brouillon par une phrase de passe (demandée deux fois dans le terminal, ou \
             --passphrase-file FICHIER)"
        }
        "drafts unprotect" => {
            "Retirer la phrase de passe d'un brouillon (elle est demandée) : ses réponses sont de nouveau \
             enregistrées sans chiffrement"
        }
        "drafts note" => {
            "Écrire une courte note sur une question d'un brouillon (au plus 200 caractères), ou la retirer \
             avec --clear"
        }
        "drafts delete" => "Supprimer un brouillon maintenant (demande une confirmation)",
        "drafts purge" => {
            "Supprimer tous les brouillons de plus de 60 jours (demande d'abord quand plusieurs expirent en même temps)"
        }
        "drafts export" => {
            "Écrire le fichier de réponses d'un brouillon sur la sortie standard ou dans --out FICHIER"
        }
        "drafts import" => {
            "Créer un brouillon à partir d'un fichier de réponses ou d'un brouillon citcert (qui garde sa \
             date de début)"
        }
        "attach" => {
            "Joindre un fichier (JPEG, PNG, PDF) à un élément de la liste de contrôle d'un brouillon; pose \
             les questions sur le document"
        }
        "export" => {
            "Exporter un brouillon ou un fichier de réponses : réponses, résultat, indication, liste de \
             contrôle, frais, prochaines étapes"
        }
        "package" => {
            "Faire un paquet de soumission signé d'un brouillon prêt (réponses, liste de contrôle, résumé, \
             fichiers, manifeste)"
        }
        "verify" => {
            "Vérifier la signature d'un paquet et l'empreinte de chaque fichier; nomme tout fichier ajouté, \
             retiré ou modifié"
        }
        "completions" => {
            "Afficher un script de complétion pour l'interpréteur de commandes (bash, zsh, fish, elvish, \
             powershell) dans la langue choisie"
        }
        "man" => {
            "Afficher la page de manuel (roff; `citcert man | man -l -`), ou écrire toutes les pages dans un \
             dossier"
        }
        _ => return String::new(),
    };
    s.to_string()
}

fn after_help_fr(path: &str) -> String {
    match path.split_whitespace().filter(|w| *w != "help").collect::<Vec<_>>().join(" ").as_str() {
        "render" => format!("Noms des écrans : {}", crate::tui::render::SCREEN_NAMES_FR),
        _ => String::new(),
    }
}

/// The French help of argument `id` of the command at `path` (`long`: its long help). Global
/// arguments are copied into every subcommand and have one wording everywhere.
fn arg_fr(path: &str, id: &str, long: bool, global: bool) -> String {
    let path = if global { "*" } else { path };
    let s = match (path, id) {
        (_, "help") if long => "Afficher l'aide (un résumé avec « -h »)",
        (_, "help") => "Afficher l'aide",
        (_, "version") => "Afficher la version",
        ("help", "subcommand") => "Afficher l'aide de ces sous-commandes",
        ("*", "today") => "Faire comme si on était à cette date (AAAA-MM-JJ); aussi CITCERT_TODAY",
        ("*", "drafts_dir") => {
            "Où garder les brouillons (par défaut : le dossier de données de la plateforme); aussi \
             CITCERT_DRAFTS_DIR"
        }
        ("*", "questionnaire") => "Utiliser ce questionnaire au lieu du questionnaire intégré",
        ("*", "lang") => {
            "Langue des résultats; aussi CITCERT_LANG (par défaut : le français quand LC_ALL, LC_MESSAGES \
             ou LANG commence par fr, sinon l'anglais)"
        }
        ("*", "plain") => {
            "Mode texte : questions ligne par ligne pour les lecteurs d'écran, les connexions lentes et \
             les scripts (aussi choisi quand TERM=dumb ou quand l'entrée ou la sortie standard n'est pas \
             un terminal)"
        }
        ("*", "passphrase_file") => {
            "Un fichier dont la première ligne est la phrase de passe d'un brouillon verrouillé (pour les \
             scripts; sinon, elle est demandée dans le terminal); aussi CITCERT_PASSPHRASE_FILE. Ne donnez \
             jamais la phrase de passe elle-même"
        }
        ("", "draft") => {
            "Mode texte : ouvrir ce brouillon (son identifiant ou le début de celui-ci) au lieu de demander"
        }
        ("render", "draft") => {
            "Le brouillon à afficher (un identifiant ou son début), pris dans le dossier des brouillons"
        }
        ("render", "answers") => {
            "Un fichier de réponses (p. ex. tests/personas/P01.answers.json) au lieu d'un brouillon"
        }
        ("render", "screen") => "Quel écran (voir la liste ci-dessous)",
        ("render", "size") => {
            "Largeur x hauteur, en cellules; `auto` (ou LARGEURxauto) pour autant de lignes que l'écran en \
             demande, afin que rien ne soit coupé"
        }
        ("render", "redact") => {
            "Remplacer ce que la personne a tapé (noms, dates, numéros, adresses, courriels, noms de \
             fichiers, nom du brouillon) par des marques, pour un billet de soutien"
        }
        ("check", "answers") => {
            "Le fichier de réponses (ou un fichier de brouillon) : {\"answers\": {\"question.id\": \"valeur\", …}}"
        }
        ("check", "format") => "Format de sortie",
        ("validate", "file") => "Le questionnaire à vérifier; sans lui, le questionnaire.json intégré",
        ("drafts new", "label") => "Un nom de votre choix, p. ex. « Liam — premier certificat »",
        ("drafts new", "protect") => {
            "Le verrouiller par une phrase de passe (demandée deux fois dans le terminal, ou \
             --passphrase-file FICHIER) : ses réponses, pièces jointes et notes sont alors chiffrées sur \
             le disque"
        }
        ("drafts protect" | "drafts unprotect", "id") => {
            "L'identifiant du brouillon, ou un début de celui-ci sans ambiguïté"
        }
        ("drafts show", "id") => "L'identifiant du brouillon, ou un début de celui-ci sans ambiguïté",
        ("drafts show", "history") => {
            "Aussi quand le brouillon a été créé, ouvert et enregistré, et quelles questions ont changé \
             chaque fois"
        }
        ("drafts rename" | "drafts note", "id") => {
            "L'identifiant du brouillon, ou un début de celui-ci sans ambiguïté"
        }
        ("drafts rename", "label") => "Le nouveau nom, p. ex. « Liam — remplacement »",
        ("drafts note", "question") => "La question : son numéro (4.4) ou son identifiant (pers.dob)",
        ("drafts note", "text") => "La note; les mots peuvent suivre sans guillemets",
        ("drafts note", "clear") => "Retirer la note sur cette question",
        ("drafts delete", "yes") => "Ne pas demander",
        ("drafts purge", "yes") => "Ne pas demander, même quand plusieurs brouillons expirent en même temps",
        ("drafts import", "label") => {
            "Nom du nouveau brouillon (par défaut : le nom inscrit dans le fichier, sinon le nom du fichier)"
        }
        ("attach", "draft") => "L'identifiant du brouillon (ou un début de celui-ci sans ambiguïté)",
        ("attach", "item") => "L'élément de la liste de contrôle, p. ex. CL-ID1",
        ("attach", "file") => "Le fichier : un JPEG, un PNG ou un PDF",
        ("attach", "explanation") => "Le fichier est une lettre d'explication qui remplace le document",
        ("attach", "set") => {
            "Une réponse propre au document, CHAMP=VALEUR (p. ex. doc_type=passport, language=other); \
             peut être répété"
        }
        ("attach", "max_mb") => "Taille maximale en mégaoctets (4 par défaut); aussi CITCERT_MAX_UPLOAD_MB",
        ("attach", "no_prompt") => "Ne jamais poser de questions, même dans un terminal",
        ("export", "draft") => {
            "Un identifiant de brouillon (ou son début), ou le chemin d'un fichier de brouillon ou de réponses"
        }
        ("export", "out") => "Écrire dans ce fichier (0600) au lieu de la sortie standard",
        ("package", "draft") => {
            "Un identifiant de brouillon (ou son début), ou le chemin d'un fichier de brouillon"
        }
        ("package", "out") => "Le dossier à créer (il ne doit pas exister, ou doit être vide)",
        ("verify", "dir") => "Un dossier de paquet fait par `citcert package`",
        ("completions", "shell") => "L'interpréteur de commandes visé",
        ("man", "out") => {
            "Écrire citcert.1 et une page par commande (citcert-drafts-new.1 …) dans ce dossier"
        }
        _ => return String::new(),
    };
    s.to_string()
}

/// Value names shown in `<…>` that are words, in French (ID, N, en|fr… stay as they are).
fn value_name_fr(name: &str) -> Option<&'static str> {
    Some(match name {
        "FILE" => "FICHIER",
        "DIR" => "DOSSIER",
        "NAME" => "NOM",
        "WxH" => "LxH",
        "YYYY-MM-DD" => "AAAA-MM-JJ",
        "FIELD=VALUE" => "CHAMP=VALEUR",
        "DRAFT" => "BROUILLON",
        "ITEM" => "ÉLÉMENT",
        "LABEL" => "NOM",
        "NEW-NAME" => "NOUVEAU-NOM",
        "TEXT" => "TEXTE",
        "LANG" => "LANGUE",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of the English tree, by place, with the French tree's text at the same place.
    fn pairs(en: &Command, fr: &Command, path: &str, out: &mut Vec<(String, String, String)>) {
        let mut push = |place: String, e: Option<String>, f: Option<String>| {
            if let Some(e) = e {
                out.push((place, e, f.unwrap_or_default()));
            }
        };
        let s = |x: Option<&clap::builder::StyledStr>| x.map(|x| x.to_string());
        push(format!("{path}: about"), s(en.get_about()), s(fr.get_about()));
        push(format!("{path}: long_about"), s(en.get_long_about()), s(fr.get_long_about()));
        push(format!("{path}: after_help"), s(en.get_after_help()), s(fr.get_after_help()));
        push(format!("{path}: after_long_help"), s(en.get_after_long_help()), s(fr.get_after_long_help()));
        push(format!("{path}: before_help"), s(en.get_before_help()), s(fr.get_before_help()));
        let en_args: Vec<&Arg> = en.get_arguments().collect();
        let fr_args: Vec<&Arg> = fr.get_arguments().collect();
        assert_eq!(en_args.len(), fr_args.len(), "{path}: not the same arguments");
        for (e, f) in en_args.iter().zip(&fr_args) {
            assert_eq!(e.get_id(), f.get_id(), "{path}: arguments in another order");
            let id = e.get_id();
            push(format!("{path} {id}: help"), s(e.get_help()), s(f.get_help()));
            push(format!("{path} {id}: long_help"), s(e.get_long_help()), s(f.get_long_help()));
        }
        let en_subs: Vec<&Command> = en.get_subcommands().collect();
        let fr_subs: Vec<&Command> = fr.get_subcommands().collect();
        assert_eq!(en_subs.len(), fr_subs.len(), "{path}: not the same subcommands");
        for (e, f) in en_subs.iter().zip(&fr_subs) {
            assert_eq!(e.get_name(), f.get_name(), "{path}: subcommands in another order");
            pairs(e, f, format!("{path} {}", e.get_name()).trim(), out);
        }
    }

    fn built(lang: Lang) -> Command {
        let mut c = localized_command(lang);
        c.build();
        c
    }

    #[test]
    fn every_help_text_has_its_french() {
        let mut out = vec![];
        pairs(&built(Lang::En), &built(Lang::Fr), "", &mut out);
        assert!(out.len() > 40, "too few texts found: {}", out.len());
        let english: Vec<String> = out
            .iter()
            .filter(|(_, e, f)| f.is_empty() || f == e)
            .map(|(place, e, _)| format!("{place}: {e:?}"))
            .collect();
        assert!(english.is_empty(), "help left English (add it to cli_help.rs):\n{}", english.join("\n"));
    }

    /// The help of the command at `path` (words separated by spaces; "" for the root).
    fn help(lang: Lang, path: &str) -> String {
        render(built(lang), path, false)
    }

    fn render(mut c: Command, path: &str, long: bool) -> String {
        let mut cmd = &mut c;
        for name in path.split_whitespace() {
            cmd = cmd.find_subcommand_mut(name).unwrap();
        }
        if long { cmd.render_long_help() } else { cmd.render_help() }.to_string()
    }

    fn paths(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for s in cmd.get_subcommands() {
            paths(s, format!("{path} {}", s.get_name()).trim(), out);
        }
    }

    /// Every help text in both languages, with its place.
    fn all_texts() -> Vec<(String, String, String)> {
        let mut out = vec![];
        pairs(&built(Lang::En), &built(Lang::Fr), "", &mut out);
        out
    }

    #[test]
    fn help_names_no_spec_sections() {
        for (place, en, fr) in all_texts() {
            for text in [&en, &fr] {
                assert!(
                    !text.contains('§') && !text.contains("CONTRACT") && !text.contains("SPEC "),
                    "{place}: {text:?} cites the project's spec; say it in words"
                );
            }
        }
    }

    #[test]
    fn lang_is_shown_with_its_values() {
        let h = help(Lang::En, "check");
        assert!(h.contains("--lang <LANG>") && h.contains("[possible values: en, fr]"), "{h}");
        let h = help(Lang::Fr, "check");
        assert!(h.contains("--lang <LANGUE>") && h.contains("[valeurs possibles : en, fr]"), "{h}");
    }

    #[test]
    fn english_help_is_clap_s_own() {
        let mut all = vec![];
        paths(&built(Lang::En), "", &mut all);
        assert!(all.contains(&"drafts import".to_string()));
        for path in &all {
            for long in [false, true] {
                let mut clap_s = <Cli as CommandFactory>::command();
                clap_s.build();
                let ours = render(built(Lang::En), path, long);
                assert_eq!(ours, render(clap_s, path, long), "{path:?} long={long}");
            }
        }
    }

    #[test]
    fn french_help_has_french_headings_and_no_clap_english() {
        let mut all = vec![];
        paths(&built(Lang::Fr), "", &mut all);
        for path in &all {
            let h = help(Lang::Fr, path);
            assert!(h.contains("Utilisation : citcert"), "{path:?}:\n{h}");
            for english in [
                "Usage:",
                "Commands:",
                "Options:",
                "Arguments:",
                "Print ",
                "[default:",
                "[possible values:",
                "[env:",
            ] {
                assert!(!h.contains(english), "{path:?} has {english:?}:\n{h}");
            }
        }
        let root = help(Lang::Fr, "");
        assert!(root.contains("Commandes :") && root.contains("Options :"), "{root}");
        assert!(root.contains("Afficher ce message ou l'aide des sous-commandes données"), "{root}");
        assert!(root.contains("-V, --version") && root.contains("Afficher la version"), "{root}");
        let check = help(Lang::Fr, "check");
        assert!(check.contains("[par défaut : json] [valeurs possibles : json, text]"), "{check}");
        assert!(check.contains("--answers <FICHIER>"), "{check}");
        let attach = help(Lang::Fr, "attach");
        assert!(attach.contains("Arguments :") && attach.contains("<BROUILLON>"), "{attach}");
        assert!(help(Lang::Fr, "render").contains("Noms des écrans : start, about"));
    }

    #[test]
    fn french_command_still_parses_and_helps() {
        let m = localized_command(Lang::Fr)
            .try_get_matches_from(["citcert", "--lang", "fr", "drafts", "new", "--label", "x"])
            .unwrap();
        let cli = <Cli as clap::FromArgMatches>::from_arg_matches(&m).unwrap();
        assert!(matches!(cli.command, Some(crate::cli::Command::Drafts { .. })));
        for args in [&["citcert", "help", "drafts", "new"][..], &["citcert", "drafts", "new", "-h"]] {
            let e = localized_command(Lang::Fr).try_get_matches_from(args).unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
            let text = e.render().to_string();
            assert!(text.contains("Commencer un nouveau brouillon aujourd'hui"), "{text}");
            assert!(text.contains("Utilisation : citcert drafts new"), "{text}");
        }
        let e = localized_command(Lang::Fr).try_get_matches_from(["citcert", "-V"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayVersion);
    }

    #[test]
    fn language_is_found_before_parsing() {
        let l = |args: &[&str], env: Option<&str>| {
            lang_before_parsing(std::iter::once("citcert").chain(args.iter().copied()), env, Lang::En)
        };
        assert_eq!(l(&["--help"], None), Lang::En);
        assert_eq!(l(&["--help", "--lang", "fr"], None), Lang::Fr);
        assert_eq!(l(&["--lang=français", "check"], None), Lang::Fr);
        assert_eq!(l(&["--help"], Some("fr")), Lang::Fr);
        assert_eq!(l(&["--lang", "en"], Some("fr")), Lang::En);
        assert_eq!(l(&["--lang", "de"], Some("fr")), Lang::Fr);
        assert_eq!(l(&["--lang", "de"], Some("xx")), Lang::En);
        assert_eq!(l(&["--", "--lang", "fr"], None), Lang::En);
        // The locale comes last: after --lang and CITCERT_LANG, and only when they are not languages.
        let fr_locale = |args: &[&str], env: Option<&str>| {
            lang_before_parsing(std::iter::once("citcert").chain(args.iter().copied()), env, Lang::Fr)
        };
        assert_eq!(fr_locale(&["--help"], None), Lang::Fr);
        assert_eq!(fr_locale(&["--help"], Some("en")), Lang::En);
        assert_eq!(fr_locale(&["--lang", "en"], None), Lang::En);
        assert_eq!(fr_locale(&["--lang", "de"], Some("xx")), Lang::Fr);
    }
}
