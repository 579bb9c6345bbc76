//! Money: amounts in the account currency, kept as whole minor units (cents) so that sums
//! are exact on every database; `rust_decimal` only at the edges (parsing, display).

use std::str::FromStr;

use rust_decimal::Decimal;

use super::Invalid;

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

    /// For reading: `1,250.50 EUR`.
    pub fn display(self, currency: &str) -> String {
        format!("{} {currency}", group_thousands(self.0))
    }
}

/// `123456789` cents as `1,234,567.89`.
pub fn group_thousands(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let units = (cents / 100).to_string();
    let mut grouped = String::with_capacity(units.len() + units.len() / 3);
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}.{:02}", cents % 100)
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
        assert_eq!(amount.display("EUR"), "1,234,567.89 EUR");
        assert_eq!(Amount::from_cents(5).display("EUR"), "0.05 EUR");
        assert_eq!(group_thousands(-100_000), "-1,000.00");
    }
}
