//! The journey's states in words, for both front ends: each screen's state (for the jump list and
//! on leaving a screen), the check-your-answers entries by section, "ready" for a person (the
//! answers gate *and* the files), and what happens next (SPEC §6).

use crate::documents::readiness::Readiness;
use crate::engine::{AnswerValue, Answers, Evaluation, Lang, QType, Questionnaire, ScreenKind};
use crate::fill;
use crate::words::{Fixed, Template};

/// A screen's state, like a GOV.UK task list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenState {
    Done,
    /// Mandatory questions still without an answer.
    ToAnswer(usize),
    /// Answers to correct.
    Errors(usize),
    /// Not asked with the answers given so far.
    NotAsked,
}

impl ScreenState {
    /// "done", "2 to answer", "1 error", "not asked".
    pub fn words(self, lang: Lang) -> String {
        const DONE: Fixed = Fixed::new("done", "terminé");
        const NOT_ASKED: Fixed = Fixed::new("not asked", "non demandé");
        const TO_ANSWER: Template = Template::new(&["n"], "{n} to answer", "{n} à répondre");
        const ONE_ERROR: Fixed = Fixed::new("1 error", "1 erreur");
        const ERRORS: Template = Template::new(&["n"], "{n} errors", "{n} erreurs");
        match self {
            ScreenState::Done => DONE.get(lang).into(),
            ScreenState::ToAnswer(n) => fill!(TO_ANSWER, lang, n = n),
            ScreenState::Errors(1) => ONE_ERROR.get(lang).into(),
            ScreenState::Errors(n) => fill!(ERRORS, lang, n = n),
            ScreenState::NotAsked => NOT_ASKED.get(lang).into(),
        }
    }
}

/// The state of screen `screen` with these answers.
pub fn screen_state(q: &Questionnaire, ev: &Evaluation, screen: usize) -> ScreenState {
    if !ev.screen_visible[screen] {
        return ScreenState::NotAsked;
    }
    let errors = ev.visible_questions(q, screen).filter(|&qi| ev.has_error(qi)).count();
    if errors > 0 {
        return ScreenState::Errors(errors);
    }
    match unanswered_on(q, ev, screen).len() {
        0 => ScreenState::Done,
        n => ScreenState::ToAnswer(n),
    }
}

/// The mandatory questions of a screen still without an answer, in order.
pub fn unanswered_on(q: &Questionnaire, ev: &Evaluation, screen: usize) -> Vec<usize> {
    ev.missing.iter().copied().filter(|&qi| q.questions[qi].screen == screen).collect()
}

/// "Still to answer there: 4.2, 4.5 (…)" (one status line, ≤ 80 columns), or None.
pub fn leaving_notice(q: &Questionnaire, ev: &Evaluation, screen: usize, lang: Lang) -> Option<String> {
    let left = unanswered_on(q, ev, screen);
    if left.is_empty() {
        return None;
    }
    let mut nums: Vec<&str> = left.iter().take(3).map(|&qi| q.questions[qi].number.as_str()).collect();
    if left.len() > 3 {
        nums.push("…");
    }
    const T: Template = Template::new(
        &["numbers"],
        "Still to answer there: {numbers} (Ctrl-G: every screen)",
        "Reste à répondre : {numbers} (Ctrl-G : tous les écrans)",
    );
    Some(fill!(T, lang, numbers = nums.join(", ")))
}

/// The answers of the check-your-answers list, in order: every asked question of every visible
/// question screen (document screens included), displays left out.
pub fn review_entries(q: &Questionnaire, ev: &Evaluation) -> Vec<usize> {
    ev.visible_screens()
        .into_iter()
        .filter(|&sc| q.screens[sc].kind == ScreenKind::Questions)
        .flat_map(|sc| ev.visible_questions(q, sc).collect::<Vec<_>>())
        .filter(|&qi| q.questions[qi].qtype != QType::Display)
        .collect()
}

/// One answer in words for the review: its label, else the raw value (invalid), else "not answered".
pub fn answer_words(q: &Questionnaire, ev: &Evaluation, answers: &Answers, qi: usize, lang: Lang) -> String {
    match (ev.answer_label(q, qi, lang), answers.get(&q.questions[qi].id)) {
        (Some(l), _) => l,
        (None, Some(raw)) => raw.display(),
        (None, None) => lang.pick("not answered yet", "pas encore répondu").into(),
    }
}

/// Ready for a person: the answers pass the gate *and* every file named was checked and is
/// unchanged, with no file on two items.
pub fn ready(ev: &Evaluation, rd: &Readiness) -> bool {
    rd.ready(ev)
}

/// What happens next, after the declaration and the fee (SPEC §6 and S13), in `lang`: what to do in
/// citcert, then in the IRCC online account, then after submission.
pub fn next_steps(ready: bool, lang: Lang) -> Vec<String> {
    let mut v: Vec<String> = vec![];
    let p = |en: &str, fr: &str| lang.pick(en, fr).to_string();
    if !ready {
        v.push(p(
            "Not ready yet: the review lists what is left. The summary can be exported now; the package only \
             once everything is in.",
            "Pas encore prête : la révision indique ce qui reste. Le résumé peut être exporté maintenant; le \
             paquet seulement quand tout y est.",
        ));
    }
    v.push(p("In citcert:", "Dans citcert :"));
    v.push(p(
        "1. Export the summary (your answers, checklist and files, Markdown and HTML) to keep or print.",
        "1. Exportez le résumé (vos réponses, la liste de contrôle et les fichiers, Markdown et HTML) pour le \
         garder ou l’imprimer.",
    ));
    v.push(p(
        "2. Build the signed package: a folder with your answers, checklist and every file, checked and signed.",
        "2. Créez le paquet signé : un dossier avec vos réponses, la liste de contrôle et chaque fichier, \
         vérifiés et signés.",
    ));
    v.push(p("Then in your IRCC online account:", "Ensuite, dans votre compte en ligne d’IRCC :"));
    for (en, fr) in [
        ("3. Sign in to your IRCC secure account.", "3. Connectez-vous à votre compte sécurisé d’IRCC."),
        (
            "4. Choose the Application for a Citizenship Certificate (proof of citizenship).",
            "4. Choisissez la Demande de certificat de citoyenneté (preuve de citoyenneté).",
        ),
        (
            "5. Enter your answers as they are in the summary, screen by screen.",
            "5. Entrez vos réponses telles qu’elles figurent dans le résumé, écran par écran.",
        ),
        (
            "6. Upload the files in the order of the checklist, each into its own item.",
            "6. Téléversez les fichiers dans l’ordre de la liste de contrôle, chacun dans son élément.",
        ),
        (
            "7. Pay the fee ($75 per person) by credit card, Debit MasterCard or Visa Debit.",
            "7. Payez les frais (75 $ par personne) par carte de crédit, Débit MasterCard ou Visa Débit.",
        ),
        ("8. Submit, then print or save the receipt.", "8. Soumettez, puis imprimez ou enregistrez le reçu."),
    ] {
        v.push(p(en, fr));
    }
    v.push(p("After you submit:", "Après la soumission :"));
    for (en, fr) in [
        (
            "A confirmation email comes soon after. If the application is incomplete or cancelled, a letter \
             arrives in your online account.",
            "Un courriel de confirmation arrive peu après. Si la demande est incomplète ou annulée, une lettre \
             arrive dans votre compte en ligne.",
        ),
        (
            "The acknowledgement of receipt in your account shows your ten-digit UCI.",
            "L’accusé de réception dans votre compte indique votre IUC à dix chiffres.",
        ),
        (
            "A paper certificate is mailed (Canada and the US) or picked up at the office you chose; for an \
             e-certificate, the download instructions come to your account.",
            "Un certificat papier est envoyé par la poste (Canada et États-Unis) ou remis au bureau choisi; pour \
             un certificat électronique, les instructions de téléchargement arrivent dans votre compte.",
        ),
        (
            "Change your contact details with the “Change your address” tool. The Quality Assurance Program may \
             call you to an interview with your originals.",
            "Changez vos coordonnées avec l’outil « Changer votre adresse ». Le Programme d’assurance de la \
             qualité peut vous convoquer à une entrevue avec vos originaux.",
        ),
    ] {
        v.push(p(en, fr));
    }
    v
}

/// Whether a value is a real answer (not an empty list).
pub fn answered(v: Option<&AnswerValue>) -> bool {
    match v {
        Some(AnswerValue::List(l)) => !l.is_empty(),
        Some(AnswerValue::Text(t)) => !t.trim().is_empty(),
        None => false,
    }
}

/// The screen counter of both front ends, numbered the way questions are: the screen's own
/// number ("4", "11.2") and the number of the last section. Neither changes as questions or
/// document screens appear, so "11.2 of 13" holds questions 11.2.x (issue 13).
pub fn screen_counter(q: &Questionnaire, screen: usize) -> (String, usize) {
    let section = |n: &str| n.split('.').next().and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(0);
    let total = q.screens.iter().map(|s| section(&s.number)).max().unwrap_or(0);
    (q.screens[screen].number.clone(), total)
}

/// English and French.
type Both = (&'static str, &'static str);

/// The guide's sections by the line they start on (`[G Lnn]` of seeds/004), with the step they
/// belong to: (first line, step, section), in English and French.
const GUIDE_SECTIONS: &[(u32, Both, Both)] = &[
    (1, ("Overview", "Aperçu"), ("", "")),
    (27, ("Before you apply", "Avant de présenter une demande"), ("", "")),
    (
        49,
        ("Before you apply", "Avant de présenter une demande"),
        ("Exception to citizenship by birth in Canada", "Exception à la citoyenneté par naissance au Canada"),
    ),
    (58, ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"), ("", "")),
    (
        66,
        ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"),
        ("Previous citizenship certificates", "Certificats de citoyenneté antérieurs"),
    ),
    (
        74,
        ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"),
        ("Acceptable identity documents", "Pièces d’identité acceptables"),
    ),
    (
        87,
        ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"),
        ("Quebec government documents", "Documents du gouvernement du Québec"),
    ),
    (
        90,
        ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"),
        ("Crown servants", "Fonctionnaires de l’État"),
    ),
    (
        94,
        ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"),
        ("Gender identifier change", "Changement de l’identificateur de genre"),
    ),
    (100, ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"), ("Photographs", "Photos")),
    (
        106,
        ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"),
        ("Urgent processing", "Traitement urgent"),
    ),
    (
        108,
        ("Step 1, Gather your documents", "Étape 1, Rassembler vos documents"),
        ("Translation of documents", "Traduction des documents"),
    ),
    (
        128,
        ("Step 2, Complete the online questionnaire", "Étape 2, Remplir le questionnaire en ligne"),
        ("", ""),
    ),
    (
        139,
        ("Step 2, Complete the online questionnaire", "Étape 2, Remplir le questionnaire en ligne"),
        ("Helpful tips", "Conseils utiles"),
    ),
    (
        149,
        ("Step 2, Complete the online questionnaire", "Étape 2, Remplir le questionnaire en ligne"),
        ("Reason for application", "Raison de la demande"),
    ),
    (
        157,
        ("Step 2, Complete the online questionnaire", "Étape 2, Remplir le questionnaire en ligne"),
        ("Personal details", "Renseignements personnels"),
    ),
    (
        160,
        ("Step 2, Complete the online questionnaire", "Étape 2, Remplir le questionnaire en ligne"),
        ("Parent details", "Renseignements sur les parents"),
    ),
    (
        179,
        ("Step 2, Complete the online questionnaire", "Étape 2, Remplir le questionnaire en ligne"),
        ("Citizenship details", "Renseignements sur la citoyenneté"),
    ),
    (
        181,
        (
            "Step 3, Pay your fees and submit your application",
            "Étape 3, Payer les frais et présenter votre demande",
        ),
        ("Your fees", "Vos frais"),
    ),
    (
        191,
        (
            "Step 3, Pay your fees and submit your application",
            "Étape 3, Payer les frais et présenter votre demande",
        ),
        ("Submit your application", "Présenter votre demande"),
    ),
    (199, ("After you submit your application", "Après avoir présenté votre demande"), ("", "")),
    (214, ("For more information", "Pour en savoir plus"), ("", "")),
    (
        235,
        ("Appendix A", "Annexe A"),
        ("Amendments to the Citizenship Act", "Modifications à la Loi sur la citoyenneté"),
    ),
    (256, ("Appendix B", "Annexe B"), ("Crown servants", "Fonctionnaires de l’État")),
    (273, ("Appendix C", "Annexe C"), ("Legal parent at birth", "Parent légal à la naissance")),
];

/// Where a source is, in words people read: "Guide: Step 1, Gather your documents — Photographs"
/// for "G L100-L104" (the section of its first line), else the source itself without internal
/// words ("assumption" is citcert's reading of the guide). With `codes` (an agent quoting a
/// ticket), the code follows in brackets.
pub fn source_words(source: &str, lang: Lang, codes: bool) -> String {
    const GUIDE: Fixed = Fixed::new("Guide", "Guide");
    const STEP: Template = Template::new(&["step"], "Guide: {step}", "Guide : {step}");
    const SECTION: Template =
        Template::new(&["step", "section"], "Guide: {step} — {section}", "Guide : {step} — {section}");
    let words = if let Some(rest) = source.strip_prefix("G L") {
        let line: Option<u32> = rest.split(|c: char| !c.is_ascii_digit()).next().and_then(|d| d.parse().ok());
        match line.and_then(|l| GUIDE_SECTIONS.iter().rev().find(|(start, _, _)| *start <= l)) {
            Some((_, step, sec)) => {
                let (step, sec) = (lang.pick(step.0, step.1), lang.pick(sec.0, sec.1));
                if sec.is_empty() {
                    fill!(STEP, lang, step = step)
                } else {
                    fill!(SECTION, lang, step = step, section = sec)
                }
            }
            None => GUIDE.get(lang).to_string(),
        }
    } else if source == "assumption" {
        lang.pick(
            "citcert’s reading of the guide (the guide does not say it in so many words)",
            "interprétation du guide par citcert (le guide ne le dit pas en toutes lettres)",
        )
        .to_string()
    } else {
        source.to_string()
    };
    if codes && words != source { format!("{words} [{source}]") } else { words }
}

/// The first unanswered question a person answers, from screen `from_screen` on (visible
/// screens, visible questions; displays and questions fixed by earlier answers left out, and
/// file questions in paper-preparation mode): where resuming a draft starts.
pub fn first_unanswered(
    q: &Questionnaire,
    ev: &Evaluation,
    answers: &Answers,
    from_screen: usize,
    paper: bool,
) -> Option<usize> {
    ev.visible_screens().into_iter().filter(|&sc| sc >= from_screen).find_map(|sc| {
        ev.visible_questions(q, sc).find(|&qi| {
            let question = &q.questions[qi];
            question.qtype != QType::Display
                && answers.get(&question.id).is_none()
                && ev.values[qi].is_none()
                && !(paper && crate::session::files::file_item(q, qi).is_some())
                && crate::session::answering::fixed_value(q, qi, ev).is_none()
        })
    })
}

/// A draft's history as lines for both front ends, oldest first: time, event and the question
/// numbers it touched ("2025-06-01 12:00  saved: 4.1, 4.4") — never answers nor note texts.
pub fn history_lines(
    q: &Questionnaire,
    entries: &[crate::drafts::history::Entry],
    lang: Lang,
) -> Vec<String> {
    entries
        .iter()
        .map(|e| {
            let at = e.at.replace('T', " ");
            let at = at.get(..16).unwrap_or(&at).to_string();
            let mut line = format!("{at}  {}", e.event.word().get(lang));
            if !e.changed.is_empty() {
                let mut nums: Vec<String> = e
                    .changed
                    .iter()
                    .map(|id| match q.questions.iter().find(|x| &x.id == id) {
                        Some(x) => x.number.clone(),
                        None => crate::safe_text::inline(id).into_owned(),
                    })
                    .collect();
                // In questionnaire order: 4.2 before 4.10.
                nums.sort_by_cached_key(|n| {
                    let parts: Vec<u32> = n.split('.').map(|p| p.parse().unwrap_or(u32::MAX)).collect();
                    (parts, n.clone())
                });
                line.push_str(&format!("{}{}", crate::engine::text::colon(lang), nums.join(", ")));
            }
            line
        })
        .collect()
}
