//! Money: amounts in the account currency, kept as whole minor units (cents) so that sums
//! are exact on every database; `rust_decimal` only at the edges (parsing, display).

use rust_decimal::Decimal;

use super::Invalid;
use super::account::Locale;
use super::number;

/// Minor units per major unit. Every supported currency has two decimals.
const CENTS_PER_UNIT: i64 = 100;
/// No single amount above a trillion: far beyond any deal, far below i64 sums.
const MAX_CENTS: i64 = 1_000_000_000_000 * CENTS_PER_UNIT;

/// A non-negative amount in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(i64);

impl Amount {
    pub fn from_cents(cents: i64) -> Self {
        Self(cents)
    }

    pub fn cents(self) -> i64 {
        self.0
    }

    /// Parses what a person typed, as their language writes numbers: `1250.50` or
    /// `1,250.50` in English, `1250,50` or `1.250,50` in Italian; at most two decimals.
    pub fn parse(locale: Locale, raw: &str) -> Result<Self, Invalid> {
        if raw.trim().is_empty() {
            return Err(Invalid::new("amount-required"));
        }
        let value = number::parse(locale, raw)?;
        if value.is_sign_negative() {
            return Err(Invalid::new("amount-negative"));
        }
        if value.normalize().scale() > 2 {
            return Err(Invalid::new("amount-two-decimals"));
        }
        let cents = (value * Decimal::from(CENTS_PER_UNIT))
            .trunc()
            .to_string()
            .parse::<i64>()
            .ok()
            .filter(|cents| *cents <= MAX_CENTS)
            .ok_or_else(|| Invalid::new("amount-too-large"))?;
        Ok(Self(cents))
    }

    /// As files and exports write it: `1250.50`.
    pub fn to_input(self) -> String {
        Decimal::new(self.0, 2).to_string()
    }

    /// As the reader writes it in a form, grouped as they read it (and as the form reads it
    /// back): `1,250.50`, `1.250,50`.
    pub fn to_form(self, locale: Locale) -> String {
        number::decimal_grouped(locale, Decimal::new(self.0, 2))
    }

    /// For reading, as the account's locale writes money: `€1,250.50` or `1.250,50 €`.
    pub fn display(self, style: &MoneyStyle) -> String {
        style.format(self.0)
    }
}

/// How an account writes money: its currency, in its locale's way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyStyle {
    pub currency: String,
    pub locale: Locale,
}

impl MoneyStyle {
    /// `cents` as `€1,250.50` (English) or `1.250,50 €` (Italian); currencies without a
    /// common symbol keep their code: `CHF 1,250.50`, `1.250,50 CHF`.
    pub fn format(&self, cents: i64) -> String {
        self.written(cents < 0, units_and_cents(self.locale, cents.unsigned_abs()))
    }

    /// `cents` rounded to whole units, where cents would only clutter: `€263,124`.
    pub fn format_whole(&self, cents: i64) -> String {
        let units = i64::try_from(cents.unsigned_abs().saturating_add(50) / 100).unwrap_or(i64::MAX);
        self.written(cents <= -50, number::integer(self.locale, units))
    }

    /// `number` with the currency where the reader puts it.
    fn written(&self, negative: bool, number: String) -> String {
        let symbol = match self.currency.as_str() {
            "EUR" => "€",
            "USD" => "$",
            "GBP" => "£",
            other => other,
        };
        let is_code = symbol.len() == 3 && symbol.bytes().all(|b| b.is_ascii_uppercase());
        let sign = if negative { "-" } else { "" };
        match self.locale {
            Locale::En if is_code => format!("{sign}{symbol} {number}"),
            Locale::En => format!("{sign}{symbol}{number}"),
            Locale::It => format!("{sign}{number} {symbol}"),
        }
    }
}

/// `123456789` cents as `1,234,567.89` or `1.234.567,89`.
fn units_and_cents(locale: Locale, cents: u64) -> String {
    let units = i64::try_from(cents / 100).unwrap_or(i64::MAX);
    format!("{}{}{:02}", number::integer(locale, units), number::separators(locale).0, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_to_exact_cents() {
        let en = |raw| Amount::parse(Locale::En, raw).map(Amount::cents);
        assert_eq!(en("1250.50"), Ok(125_050));
        assert_eq!(en(" 1250.5 "), Ok(125_050));
        assert_eq!(en("1250"), Ok(125_000));
        assert_eq!(en("0.10"), Ok(10));
        assert_eq!(en("1,250.50"), Ok(125_050));
        assert_eq!(Amount::parse(Locale::It, "1.250,50").map(Amount::cents), Ok(125_050));
        assert_eq!(Amount::parse(Locale::It, "50.000").map(Amount::cents), Ok(5_000_000));
    }

    #[test]
    fn bad_amounts_are_refused_with_a_reason() {
        for bad in ["", "abc", "-5", "1.234", "1e9999", "1250,50"] {
            assert!(Amount::parse(Locale::En, bad).is_err(), "{bad:?}");
        }
        assert_eq!(Amount::parse(Locale::En, "1.234"), Err(Invalid::new("amount-two-decimals")));
        assert!(Amount::parse(Locale::En, "9999999999999999").is_err());
        assert!(Amount::parse(Locale::It, "1250.50").is_err(), "ambiguous in Italian");
    }

    #[test]
    fn amounts_print_for_forms_and_for_reading() {
        let amount = Amount::from_cents(123_456_789);
        assert_eq!(amount.to_input(), "1234567.89");
        assert_eq!(amount.to_form(Locale::It), "1.234.567,89");
        assert_eq!(amount.to_form(Locale::En), "1,234,567.89");
        let english = MoneyStyle { currency: "EUR".into(), locale: Locale::En };
        let italian = MoneyStyle { currency: "EUR".into(), locale: Locale::It };
        assert_eq!(amount.display(&english), "€1,234,567.89");
        assert_eq!(amount.display(&italian), "1.234.567,89 €");
        assert_eq!(Amount::from_cents(5).display(&english), "€0.05");
        assert_eq!(english.format_whole(26_312_421), "€263,124");
        assert_eq!(italian.format_whole(26_312_450), "263.125 €");
        assert_eq!(english.format_whole(-149), "-€1");
        assert_eq!(english.format_whole(-49), "€0");
        assert_eq!(english.format(-100_000), "-€1,000.00");
        let francs = MoneyStyle { currency: "CHF".into(), locale: Locale::En };
        assert_eq!(francs.format(125_050), "CHF 1,250.50");
    }
}
