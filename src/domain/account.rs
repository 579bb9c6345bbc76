//! An account's settings, parsed from what an operator or admin typed.

use chrono::Weekday;

use super::Invalid;
use super::message::Message;

const MAX_NAME_CHARS: usize = 100;

/// The company's name, unique across the installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountName(String);

impl AccountName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let name = super::text::line(raw, MAX_NAME_CHARS)?;
        if name.is_empty() {
            return Err(Invalid::new("account-name-required"));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An IANA time zone name such as `Europe/Rome`: periods are computed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct TimeZone(chrono_tz::Tz);

impl TimeZone {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        raw.trim()
            .parse::<chrono_tz::Tz>()
            .map(Self)
            .map_err(|_| Invalid::new(Message::new("time-zone-unknown").arg("value", raw.trim())))
    }

    pub fn tz(self) -> chrono_tz::Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Its IANA name, as stored.
    pub fn as_str(&self) -> &'static str {
        self.0.name()
    }
}

impl std::str::FromStr for TimeZone {
    type Err = Invalid;

    fn from_str(s: &str) -> Result<Self, Invalid> {
        Self::parse(s)
    }
}

impl std::fmt::Display for TimeZone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

crate::text_enum! {
    /// The day weeks begin on in the account.
    #[derive(Default)]
    pub enum WeekStart ("week-start-unknown") {
        #[default]
        Monday => "monday",
        Tuesday => "tuesday",
        Wednesday => "wednesday",
        Thursday => "thursday",
        Friday => "friday",
        Saturday => "saturday",
        Sunday => "sunday",
    }
}

impl WeekStart {
    pub fn weekday(self) -> Weekday {
        match self {
            WeekStart::Monday => Weekday::Mon,
            WeekStart::Tuesday => Weekday::Tue,
            WeekStart::Wednesday => Weekday::Wed,
            WeekStart::Thursday => Weekday::Thu,
            WeekStart::Friday => Weekday::Fri,
            WeekStart::Saturday => Weekday::Sat,
            WeekStart::Sunday => Weekday::Sun,
        }
    }
}

/// An ISO 4217 currency code such as `EUR`: money is kept in its minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency(String);

impl Currency {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let code = raw.trim().to_ascii_uppercase();
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(code))
        } else {
            Err(Invalid::new("currency-unknown"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Currency {
    fn default() -> Self {
        Self("EUR".into())
    }
}

crate::text_enum! {
    /// The languages the interface speaks.
    #[derive(Default)]
    pub enum Locale ("locale-unknown") {
        #[default]
        En => "en",
        It => "it",
    }
}

impl Locale {
    pub fn label(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::It => "Italiano",
        }
    }
}

/// The month an account's fiscal year begins in: quarters and years follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalYearStart(u32);

impl FiscalYearStart {
    /// A month number, 1 (January) to 12.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim().parse::<u32>() {
            Ok(month @ 1..=12) => Ok(Self(month)),
            _ => Err(Invalid::new(Message::new("fiscal-year-start-unknown"))),
        }
    }

    pub fn month(self) -> u32 {
        self.0
    }
}

impl Default for FiscalYearStart {
    fn default() -> Self {
        Self(1)
    }
}

crate::text_enum! {
    /// The settings an admin changes on the settings page, as the audit log names them.
    pub enum Setting ("setting-unknown") {
        Name => "name" / "cp-settings-account",
        Language => "language" / "cp-settings-language",
        Currency => "currency" / "cp-settings-currency",
        TimeZone => "time-zone" / "cp-settings-time-zone",
        WeekStart => "week-start" / "cp-settings-week-start",
        FiscalYearStart => "fiscal-year-start" / "cp-settings-fiscal-year-start",
        WorkingDays => "working-days" / "cp-settings-working-days",
        RepsSeeLeaderboard => "reps-see-leaderboard" / "cp-settings-reps-see-leaderboard",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names_are_trimmed_and_required() {
        assert_eq!(AccountName::parse("  Demo Srl ").map(|n| n.as_str().to_owned()), Ok("Demo Srl".into()));
        assert!(AccountName::parse("   ").is_err());
        assert!(AccountName::parse(&"x".repeat(101)).is_err());
    }

    #[test]
    fn time_zones_must_be_iana_names() {
        assert_eq!(TimeZone::parse("Europe/Rome").map(TimeZone::name), Ok("Europe/Rome"));
        assert_eq!(TimeZone::parse("Australia/Lord_Howe").map(TimeZone::name), Ok("Australia/Lord_Howe"));
        assert!(TimeZone::parse("Mars/Olympus").is_err());
        assert!(TimeZone::parse("").is_err());
    }

    #[test]
    fn week_starts_accept_day_names_in_any_case() {
        assert_eq!("Sunday".parse::<WeekStart>().map(WeekStart::weekday), Ok(Weekday::Sun));
        assert_eq!(WeekStart::default().as_str(), "monday");
        assert_eq!("SATURDAY".parse::<WeekStart>(), Ok(WeekStart::Saturday));
        assert!("someday".parse::<WeekStart>().is_err());
    }

    #[test]
    fn currencies_are_three_letter_codes() {
        assert_eq!(Currency::parse("eur").map(|c| c.as_str().to_owned()), Ok("EUR".into()));
        for bad in ["EURO", "E1R", "", "€"] {
            assert!(Currency::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn fiscal_years_start_in_a_month_from_one_to_twelve() {
        assert_eq!(FiscalYearStart::parse(" 4 ").map(FiscalYearStart::month), Ok(4));
        for bad in ["0", "13", "april", "", "-1"] {
            assert!(FiscalYearStart::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn locales_are_english_or_italian() {
        assert_eq!("IT".parse::<Locale>(), Ok(Locale::It));
        assert!("fr".parse::<Locale>().is_err());
    }
}
