//! The product's words in English and Italian: the Fluent catalogues of `locales/`, built
//! into the binary, and the ways each language writes dates.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use fluent_templates::LanguageIdentifier;
use fluent_templates::fluent_bundle::FluentValue;

use crate::domain::account::Locale;
use crate::domain::message::Message;
use crate::domain::number;
use crate::domain::period::{Period, PeriodKind};

fluent_templates::static_loader! {
    static CATALOGUES = {
        locales: "./locales",
        fallback_language: "en",
        // Arguments are plain text in HTML: no Unicode isolation marks around them.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static LANGUAGES: LazyLock<[LanguageIdentifier; 2]> =
    LazyLock::new(|| [fluent_templates::langid!("en"), fluent_templates::langid!("it")]);

fn language(locale: Locale) -> &'static LanguageIdentifier {
    match locale {
        Locale::En => &LANGUAGES[0],
        Locale::It => &LANGUAGES[1],
    }
}

/// The text of `key` in `locale`, quoting `args`. A key missing from a catalogue (a test
/// guards against it) falls back to English, then to the key itself, and is logged.
pub fn lookup(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let args = (!args.is_empty()).then(|| {
        args.iter()
            .map(|(name, value)| {
                // Whole numbers go in as numbers so that plurals agree with them; a name
                // such as `007` stays text.
                let value = match value.parse::<i64>() {
                    Ok(number) if number.to_string() == *value => FluentValue::from(number),
                    _ => FluentValue::from(value.to_string()),
                };
                (Cow::Owned(name.to_string()), value)
            })
            .collect::<HashMap<Cow<'static, str>, FluentValue>>()
    });
    CATALOGUES
        .lookup_single_language(language(locale), key, args.as_ref())
        .or_else(|_| CATALOGUES.lookup_single_language(language(Locale::En), key, args.as_ref()))
        .unwrap_or_else(|error| {
            // The catalogue tests catch the keys they can see; a key made at run time is
            // caught here, loudly while developing and testing.
            debug_assert!(false, "`{key}` is missing from the catalogues: {error}");
            tracing::error!(key, ?locale, %error, "message missing from the catalogues");
            key.to_owned()
        })
}

/// A message's text in `locale`.
pub fn message(locale: Locale, message: &Message) -> String {
    let args: Vec<(&str, &str)> = message.args().iter().map(|(name, value)| (*name, value.as_ref())).collect();
    lookup(locale, message.key(), &args)
}

/// In English where no reader is known: logs, the command line.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&message(Locale::En, self))
    }
}

fn chrono_locale(locale: Locale) -> chrono::Locale {
    match locale {
        Locale::En => chrono::Locale::en_GB,
        Locale::It => chrono::Locale::it_IT,
    }
}

/// `Fri 27 Nov 2026`, `ven 27 nov 2026`.
pub fn date(locale: Locale, date: NaiveDate) -> String {
    date.format_localized("%a %-d %b %Y", chrono_locale(locale)).to_string()
}

/// `Fri 27 Nov 2026, 14:30`, `ven 27 nov 2026, 14:30`.
/// An objective's dates as a sentence (`Runs from Tue 1 Dec 2026 to Tue 15 Dec 2026`,
/// `Ended on …`); empty for one without dates.
pub fn objective_dates(locale: Locale, dates: crate::domain::objective::Dates, today: NaiveDate) -> String {
    let day = |d: Option<NaiveDate>| d.map(|d| date(locale, d)).unwrap_or_default();
    let (first, last) = (day(dates.starts_on), day(dates.ends_on));
    let key = match (dates.starts_on, dates.ends_on) {
        (None, None) => return String::new(),
        _ if dates.has_ended(today) => "objective-dates-ended",
        (Some(start), _) if start > today => "objective-dates-upcoming",
        (Some(_), Some(_)) => "objective-dates-between",
        (Some(_), None) => "objective-dates-from",
        (None, Some(_)) => "objective-dates-until",
    };
    lookup(locale, key, &[("first", &first), ("last", &last)])
}

pub fn date_time(locale: Locale, at: NaiveDateTime) -> String {
    at.and_utc().format_localized("%a %-d %b %Y, %H:%M", chrono_locale(locale)).to_string()
}

/// `November 2026`, `novembre 2026`.
pub fn month(locale: Locale, date: NaiveDate) -> String {
    date.format_localized("%B %Y", chrono_locale(locale)).to_string()
}

/// A month's name alone, 1 to 12: `April`, `aprile`.
pub fn month_name(locale: Locale, month: u32) -> String {
    NaiveDate::from_ymd_opt(2000, month, 1)
        .map(|first| first.format_localized("%B", chrono_locale(locale)).to_string())
        .unwrap_or_default()
}

/// The catalogue key of a weekday's name.
pub fn weekday_key(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "cp-weekday-monday",
        chrono::Weekday::Tue => "cp-weekday-tuesday",
        chrono::Weekday::Wed => "cp-weekday-wednesday",
        chrono::Weekday::Thu => "cp-weekday-thursday",
        chrono::Weekday::Fri => "cp-weekday-friday",
        chrono::Weekday::Sat => "cp-weekday-saturday",
        chrono::Weekday::Sun => "cp-weekday-sunday",
    }
}

/// A period's name: `Fri 27 Nov 2026`, `Week of 23 Nov 2026`, `November 2026`, `Q4 2026`,
/// `2026`; in Italian `ven 27 nov 2026`, `Settimana del 23 nov 2026`, `novembre 2026`,
/// `4º trimestre 2026`, `2026`.
pub fn period(locale: Locale, period: &Period) -> String {
    let start = period.start();
    match period.kind() {
        PeriodKind::Day => date(locale, start),
        PeriodKind::Week => {
            let day = start.format_localized("%-d %b %Y", chrono_locale(locale)).to_string();
            lookup(locale, "period-label-week", &[("date", &day)])
        }
        PeriodKind::Month => month(locale, start),
        PeriodKind::Quarter => {
            let (quarter, year) = (period.quarter_number().to_string(), period.year_name().to_string());
            let key = if period.is_fiscal() { "period-label-fiscal-quarter" } else { "period-label-quarter" };
            lookup(locale, key, &[("quarter", &quarter), ("year", &year)])
        }
        PeriodKind::Year if period.is_fiscal() => {
            lookup(locale, "period-label-fiscal-year", &[("year", &period.year_name().to_string())])
        }
        PeriodKind::Year => start.year().to_string(),
    }
}

/// A percentage with one decimal: `45.5%`, `45,5%`.
pub fn percent(locale: Locale, value: f64) -> String {
    format!("{}%", number::decimal(locale, value, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date");
        assert_eq!(date(Locale::En, day), "Fri 27 Nov 2026");
        assert_eq!(date(Locale::It, day), "ven 27 nov 2026");
        assert_eq!(month(Locale::It, day), "novembre 2026");
        let at = day.and_hms_opt(14, 30, 0).expect("a time");
        assert_eq!(date_time(Locale::En, at), "Fri 27 Nov 2026, 14:30");
    }

    #[test]
    fn quoted_names_stay_as_written() {
        assert_eq!(message(Locale::It, &Message::verbatim("007")), "007");
        assert_eq!(message(Locale::En, &Message::new("holds-no-licence").arg("name", "Ann")), "Ann holds no licence.");
    }

    #[test]
    fn periods_are_named_in_each_language() {
        let calendar = crate::domain::period::Calendar::new(chrono_tz::Europe::Rome, chrono::Weekday::Mon);
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date");
        let name = |locale, kind| period(locale, &calendar.period_of_date(kind, day));
        assert_eq!(name(Locale::En, PeriodKind::Week), "Week of 23 Nov 2026");
        assert_eq!(name(Locale::It, PeriodKind::Week), "Settimana del 23 nov 2026");
        assert_eq!(name(Locale::En, PeriodKind::Quarter), "Q4 2026");
        assert_eq!(name(Locale::It, PeriodKind::Quarter), "4º trimestre 2026");
        assert_eq!(name(Locale::It, PeriodKind::Month), "novembre 2026");
        assert_eq!(name(Locale::En, PeriodKind::Year), "2026");
        assert_eq!(percent(Locale::It, 45.46), "45,5%");
    }
}

/// Every catalogue has the same keys, and every key the templates and the code name is in
/// both: a page can never show a key instead of words.
#[cfg(test)]
mod catalogue_tests {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use super::*;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).expect("a readable directory").flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files(&path, extension));
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
        found
    }

    /// The message ids of one language: lines `key = ...` at the start of a line.
    fn catalogue_keys(language: &str) -> BTreeSet<String> {
        files(&root().join("locales").join(language), "ftl")
            .iter()
            .flat_map(|path| {
                let text = std::fs::read_to_string(path).expect("a readable catalogue");
                text.lines()
                    .filter_map(|line| line.split_once(" =").map(|(id, _)| id.to_owned()))
                    .filter(|id| id.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                    .filter(|id| id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The quoted keys in `text` that stand just before one of `markers`, e.g. `"key"|t`.
    fn quoted_before(text: &str, markers: &[&str]) -> Vec<String> {
        let mut keys = Vec::new();
        for marker in markers {
            for (at, _) in text.match_indices(marker) {
                let before = &text[..at];
                let Some(closing) = before.strip_suffix('"') else { continue };
                let Some(opening) = closing.rfind('"') else { continue };
                let key = &closing[opening + 1..];
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                    keys.push(key.to_owned());
                }
            }
        }
        keys
    }

    fn is_key(text: &str) -> bool {
        text.contains('-') && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    /// The kebab-case literals inside the parentheses of each call to one of `calls`, e.g.
    /// `errors.add("amount", "amount-required")`; field names are snake_case, so not taken.
    fn keys_in_calls(text: &str, calls: &[&str]) -> Vec<String> {
        let mut keys = Vec::new();
        for call in calls {
            for (at, _) in text.match_indices(call) {
                let (mut depth, mut quoted, mut literal) = (1, false, String::new());
                for c in text[at + call.len()..].chars() {
                    match (quoted, c) {
                        (true, '"') => {
                            if is_key(&literal) {
                                keys.push(std::mem::take(&mut literal));
                            }
                            literal.clear();
                            quoted = false;
                        }
                        (true, c) => literal.push(c),
                        (false, '"') => quoted = true,
                        (false, '(') => depth += 1,
                        (false, ')') => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn english_and_italian_have_the_same_keys() {
        let (english, italian) = (catalogue_keys("en"), catalogue_keys("it"));
        assert!(english.len() > 50, "the catalogues are read");
        let only_english: Vec<_> = english.difference(&italian).collect();
        let only_italian: Vec<_> = italian.difference(&english).collect();
        assert!(only_english.is_empty(), "missing in Italian: {only_english:?}");
        assert!(only_italian.is_empty(), "missing in English: {only_italian:?}");
    }

    #[test]
    fn every_key_a_template_uses_is_in_both_languages() {
        let templates = files(&root().join("templates"), "html");
        assert!(templates.len() > 20, "the templates are read");
        for language in ["en", "it"] {
            let known = catalogue_keys(language);
            for path in &templates {
                let text = std::fs::read_to_string(path).expect("a readable template");
                for key in quoted_before(&text, &["|t ", "|t}", "|t|", "|t)", "|t1(", "|t2("]) {
                    assert!(known.contains(&key), "{} uses `{key}`, missing in {language}", path.display());
                }
            }
        }
    }

    #[test]
    fn every_key_the_code_names_is_in_both_languages() {
        const CALLS: [&str; 11] = [
            "Message::new(",
            "Invalid::new(",
            "message(",
            "invalid(",
            "lookup(",
            "Layout::signed_in(",
            "Layout::anonymous(",
            "errors.add(",
            "FieldErrors::single(",
            "changed(",
            "refused(",
        ];
        let mut named = BTreeSet::new();
        for path in files(&root().join("src"), "rs") {
            let text = std::fs::read_to_string(&path).expect("a readable source");
            named.extend(keys_in_calls(&text, &CALLS));
        }
        assert!(named.len() > 50, "the sources are read");
        for language in ["en", "it"] {
            let known = catalogue_keys(language);
            let missing: Vec<_> = named.iter().filter(|key| !known.contains(*key)).collect();
            assert!(missing.is_empty(), "named in the code, missing in {language}: {missing:?}");
        }
    }

    #[test]
    fn every_fixed_choice_has_its_name_in_both_languages() {
        use crate::domain::objective::{Context, ObjectiveKind, SalesMetric};
        use crate::domain::progress::Standing;
        use crate::domain::recording::{LeadStatus, SubjectKind};
        use crate::domain::role::Role;
        let mut keys: Vec<&str> = Vec::new();
        keys.extend(ObjectiveKind::ALL.iter().map(|v| v.label_key()));
        keys.extend(SalesMetric::ALL.iter().map(|v| v.label_key()));
        keys.extend(Context::ALL.iter().map(|v| v.label_key()));
        keys.extend(PeriodKind::ALL.iter().map(|v| v.label_key()));
        keys.extend(Role::ALL.iter().map(|v| v.label_key()));
        keys.extend(LeadStatus::ALL.iter().map(|v| v.label_key()));
        keys.extend([SubjectKind::Lead, SubjectKind::Prospect].map(SubjectKind::label_key));
        keys.extend(Standing::ALL.map(Standing::label_key));
        for language in ["en", "it"] {
            let known = catalogue_keys(language);
            for key in &keys {
                assert!(known.contains(*key), "`{key}` missing in {language}");
            }
        }
    }
}
