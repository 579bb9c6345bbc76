//! Money: amounts in the account currency, kept as whole minor units (cents) so that sums
//! are exact on every database; `rust_decimal` only at the edges (parsing, display).

use std::str::FromStr;

use rust_decimal::Decimal;

use super::Invalid;
use super::account::Locale;

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

    /// Parses what a person typed: digits with `.` before at most two decimals, e.g.
    /// `1250`, `1250.5`, `1250.50`. Thousands separators are refused rather than guessed.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(Invalid::new("The amount is required."));
        }
        if text.contains(',') {
            return Err(Invalid::new(
                "Write the amount without thousands separators, with a dot before the cents: 1250.50.",
            ));
        }
        let value = Decimal::from_str(text)
            .map_err(|_| Invalid::new(format!("`{text}` is not an amount: write it like 1250.50.")))?;
        if value.is_sign_negative() {
            return Err(Invalid::new("The amount cannot be negative."));
        }
        if value.normalize().scale() > 2 {
            return Err(Invalid::new("The amount has at most two decimals."));
        }
        let cents = (value * Decimal::from(CENTS_PER_UNIT))
            .trunc()
            .to_string()
            .parse::<i64>()
            .ok()
            .filter(|cents| *cents <= MAX_CENTS)
            .ok_or_else(|| Invalid::new("The amount is too large."))?;
        Ok(Self(cents))
    }

    /// As it is typed in a form: `1250.50`.
    pub fn to_input(self) -> String {
        Decimal::new(self.0, 2).to_string()
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
        let symbol = match self.currency.as_str() {
            "EUR" => "€",
            "USD" => "$",
            "GBP" => "£",
            other => other,
        };
        let is_code = symbol.len() == 3 && symbol.bytes().all(|b| b.is_ascii_uppercase());
        let sign = if cents < 0 { "-" } else { "" };
        match self.locale {
            Locale::En => {
                let number = group_thousands(cents.unsigned_abs(), ',', '.');
                if is_code { format!("{sign}{symbol} {number}") } else { format!("{sign}{symbol}{number}") }
            }
            Locale::It => format!("{sign}{} {symbol}", group_thousands(cents.unsigned_abs(), '.', ',')),
        }
    }
}

/// `123456789` cents as `1,234,567.89` (or with other separators).
fn group_thousands(cents: u64, thousands: char, decimal: char) -> String {
    let units = (cents / 100).to_string();
    let mut grouped = String::with_capacity(units.len() + units.len() / 3 + 3);
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    format!("{grouped}{decimal}{:02}", cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_to_exact_cents() {
        assert_eq!(Amount::parse("1250.50").map(Amount::cents), Ok(125_050));
        assert_eq!(Amount::parse(" 1250.5 ").map(Amount::cents), Ok(125_050));
        assert_eq!(Amount::parse("1250").map(Amount::cents), Ok(125_000));
        assert_eq!(Amount::parse("0.10").map(Amount::cents), Ok(10));
        assert_eq!(Amount::parse("1.230").map(Amount::cents), Ok(123), "trailing zeros are not decimals");
    }

    #[test]
    fn bad_amounts_are_refused_with_a_reason() {
        for bad in ["", "abc", "-5", "1.234", "1,250.50", "1e9999"] {
            assert!(Amount::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Amount::parse("9999999999999999").is_err());
    }

    #[test]
    fn amounts_print_for_forms_and_for_reading() {
        let amount = Amount::from_cents(123_456_789);
        assert_eq!(amount.to_input(), "1234567.89");
        let english = MoneyStyle { currency: "EUR".into(), locale: Locale::En };
        let italian = MoneyStyle { currency: "EUR".into(), locale: Locale::It };
        assert_eq!(amount.display(&english), "€1,234,567.89");
        assert_eq!(amount.display(&italian), "1.234.567,89 €");
        assert_eq!(Amount::from_cents(5).display(&english), "€0.05");
        assert_eq!(english.format(-100_000), "-€1,000.00");
        let francs = MoneyStyle { currency: "CHF".into(), locale: Locale::En };
        assert_eq!(francs.format(125_050), "CHF 1,250.50");
    }
}
