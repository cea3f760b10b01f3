//! The journey's states in words, for both front ends: each screen's state (for the jump list and
//! on leaving a screen), the check-your-answers entries by section, "ready" for a person (the
//! answers gate *and* the files), and what happens next (SPEC §6).

use crate::engine::{AnswerValue, Answers, Evaluation, Lang, QType, Questionnaire, ScreenKind};
use crate::readiness::Readiness;

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
        match (self, lang) {
            (ScreenState::Done, _) => lang.pick("done", "terminé").into(),
            (ScreenState::ToAnswer(n), Lang::En) => format!("{n} to answer"),
            (ScreenState::ToAnswer(n), Lang::Fr) => format!("{n} à répondre"),
            (ScreenState::Errors(1), Lang::En) => "1 error".into(),
            (ScreenState::Errors(n), Lang::En) => format!("{n} errors"),
            (ScreenState::Errors(1), Lang::Fr) => "1 erreur".into(),
            (ScreenState::Errors(n), Lang::Fr) => format!("{n} erreurs"),
            (ScreenState::NotAsked, _) => lang.pick("not asked", "non demandé").into(),
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
    Some(match lang {
        Lang::En => format!("Still to answer there: {} (Ctrl-G: every screen)", nums.join(", ")),
        Lang::Fr => format!("Reste à répondre : {} (Ctrl-G : tous les écrans)", nums.join(", ")),
    })
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
