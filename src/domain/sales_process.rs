//! The sales process every new account starts with: its actions and their results, named
//! in the account's language (they are the account's own data afterwards, renamed at will).

use super::account::Locale;

/// An action's name and its results' names.
pub type DefaultAction = (&'static str, &'static [&'static str]);

const ENGLISH: [DefaultAction; 5] = [
    ("Call", &["Reached", "Voicemail", "No answer", "Wrong number"]),
    ("Email", &["Sent", "Replied"]),
    ("Meeting", &["Held", "Cancelled", "No show"]),
    ("Video call", &["Held", "No show"]),
    ("Qualification", &["Qualified", "Disqualified"]),
];

const ITALIAN: [DefaultAction; 5] = [
    ("Chiamata", &["Raggiunto", "Segreteria", "Nessuna risposta", "Numero errato"]),
    ("Email", &["Inviata", "Risposta ricevuta"]),
    ("Incontro", &["Svolto", "Annullato", "Non presentato"]),
    ("Videochiamata", &["Svolta", "Non presentato"]),
    ("Qualificazione", &["Qualificato", "Non qualificato"]),
];

/// The actions a new account of `locale` starts with, in order.
pub fn default_actions(locale: Locale) -> &'static [DefaultAction] {
    match locale {
        Locale::En => &ENGLISH,
        Locale::It => &ITALIAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_names_the_same_process() {
        let (english, italian) = (default_actions(Locale::En), default_actions(Locale::It));
        assert_eq!(english.len(), italian.len());
        for ((_, en), (it_name, it)) in english.iter().zip(italian) {
            assert_eq!(en.len(), it.len(), "{it_name}");
        }
        assert_eq!(italian[0], ("Chiamata", &["Raggiunto", "Segreteria", "Nessuna risposta", "Numero errato"][..]));
    }
}
