//! Which language a reader gets: their own preference, else the first language their
//! browser asks for that we speak, else their account's, else English.

use super::account::Locale;

/// `accepted` is the browser's `Accept-Language`, most wanted first (`it-IT`, `en`, `*`).
pub fn choose(preference: Option<Locale>, account: Option<Locale>, accepted: &[String]) -> Locale {
    preference
        .or_else(|| {
            accepted.iter().find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default();
                primary.parse::<Locale>().ok()
            })
        })
        .or(account)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|tag| (*tag).to_owned()).collect()
    }

    #[test]
    fn a_preference_beats_the_browser_which_beats_the_account() {
        let italian_browser = tags(&["it-IT", "en"]);
        assert_eq!(choose(Some(Locale::En), Some(Locale::It), &italian_browser), Locale::En);
        assert_eq!(choose(None, Some(Locale::En), &italian_browser), Locale::It);
        assert_eq!(choose(None, Some(Locale::It), &tags(&["de-DE"])), Locale::It, "a browser language we lack");
        assert_eq!(choose(None, Some(Locale::It), &[]), Locale::It);
        assert_eq!(choose(None, None, &italian_browser), Locale::It);
    }

    #[test]
    fn the_browser_languages_we_do_not_speak_are_skipped() {
        assert_eq!(choose(None, None, &tags(&["de-DE", "it", "en"])), Locale::It);
        assert_eq!(choose(None, None, &tags(&["fr", "*"])), Locale::En);
        assert_eq!(choose(None, None, &[]), Locale::En);
    }
}
