//! Numbers as each language writes and reads them: `1,250.50` in English, `1.250,50` in
//! Italian. Input accepts the reader's grouping; a separator that only the other language
//! would put there is refused with the number written the reader's way, never guessed.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::Invalid;
use super::account::Locale;
use super::message::Message;

/// The decimal mark and the thousands separator of `locale`.
pub fn separators(locale: Locale) -> (char, char) {
    match locale {
        Locale::En => ('.', ','),
        Locale::It => (',', '.'),
    }
}

/// `1234567` as `1,234,567` or `1.234.567`.
pub fn integer(locale: Locale, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        grouped.push('-');
    }
    push_grouped(&mut grouped, &digits, separators(locale).1);
    grouped
}

/// `value` with exactly `decimals` decimals, grouped: `1,250.5`, `1.250,5`.
pub fn decimal(locale: Locale, value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    // No minus before a figure rounded to zero.
    let negative = value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    grouped(locale, &text, negative)
}

/// An exact decimal grouped the reader's way, with its own decimals: `1,250.50`, `1.250,50`.
pub fn decimal_grouped(locale: Locale, value: Decimal) -> String {
    grouped(locale, &value.abs().to_string(), value.is_sign_negative() && !value.is_zero())
}

/// `unsigned` (`1250.5`) written the reader's way, with a minus when `negative`.
fn grouped(locale: Locale, unsigned: &str, negative: bool) -> String {
    let (mark, thousands) = separators(locale);
    let (units, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if !units.bytes().all(|b| b.is_ascii_digit()) {
        return unsigned.to_owned(); // inf, NaN: nothing to group
    }
    let mut written = String::with_capacity(unsigned.len() + units.len() / 3 + 2);
    if negative {
        written.push('-');
    }
    push_grouped(&mut written, units, thousands);
    if !fraction.is_empty() {
        written.push(mark);
        written.push_str(fraction);
    }
    written
}

/// Appends `digits` with `thousands` between each group of three from the right.
fn push_grouped(written: &mut String, digits: &str, thousands: char) {
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            written.push(thousands);
        }
        written.push(digit);
    }
}

/// A number as `locale` writes it in a form, without grouping: `1250.5`, `1250,5`.
pub fn to_input(locale: Locale, value: Decimal) -> String {
    let (mark, _) = separators(locale);
    value.to_string().replace('.', &mark.to_string())
}

/// What a person typed: digits, the locale's thousands separator in groups of three, and
/// the locale's decimal mark. `1250,50` typed in English or `1250.50` in Italian is refused
/// as ambiguous, with the number shown the reader's way.
pub fn parse(locale: Locale, raw: &str) -> Result<Decimal, Invalid> {
    let text: String = raw.trim().chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
    if text.is_empty() {
        return Err(Invalid::new("number-required"));
    }
    let (mark, thousands) = separators(locale);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (units, fraction) = match unsigned.rsplit_once(mark) {
        Some((units, fraction)) => (units, Some(fraction)),
        None => (unsigned, None),
    };
    let not_a_number = || Invalid::new(Message::new("number-invalid").arg("value", raw.trim()));
    if !units.chars().all(|c| c.is_ascii_digit() || c == thousands)
        || fraction.is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()))
        || units.is_empty()
    {
        return Err(not_a_number());
    }
    let groups: Vec<&str> = units.split(thousands).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped {
        // `1250.50` in Italian or `1250,5` in English: the other language's decimal mark.
        if fraction.is_none() && groups.len() == 2 && (1..=2).contains(&groups[1].len()) {
            let meant = format!("{}{mark}{}", groups[0], groups[1]);
            return Err(Invalid::new(Message::new("number-ambiguous").arg("value", raw.trim()).arg("meant", meant)));
        }
        return Err(not_a_number());
    }
    let plain = format!("{sign}{}{}", groups.concat(), fraction.map(|f| format!(".{f}")).unwrap_or_default());
    Decimal::from_str(&plain).map_err(|_| not_a_number())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(locale: Locale, raw: &str) -> Option<String> {
        parse(locale, raw).ok().map(|d| d.to_string())
    }

    #[test]
    fn each_language_reads_its_own_grouping_and_decimal_mark() {
        assert_eq!(parsed(Locale::It, "1.250,50").as_deref(), Some("1250.50"));
        assert_eq!(parsed(Locale::It, "1250,5").as_deref(), Some("1250.5"));
        assert_eq!(parsed(Locale::It, "50.000").as_deref(), Some("50000"));
        assert_eq!(parsed(Locale::En, "1,250.50").as_deref(), Some("1250.50"));
        assert_eq!(parsed(Locale::En, "50,000").as_deref(), Some("50000"));
        assert_eq!(parsed(Locale::En, " 1250.5 ").as_deref(), Some("1250.5"));
        assert_eq!(parsed(Locale::En, "-3").as_deref(), Some("-3"));
    }

    #[test]
    fn the_other_languages_decimal_mark_is_called_ambiguous() {
        let italian = parse(Locale::It, "1250.50").expect_err("ambiguous");
        assert_eq!(italian.0, Message::new("number-ambiguous").arg("value", "1250.50").arg("meant", "1250,50"));
        let english = parse(Locale::En, "1250,5").expect_err("ambiguous");
        assert_eq!(english.0.key(), "number-ambiguous");
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for bad in ["", "abc", "1,2,3", "1.250.5", "12,", ",5", "1e3", "1.25.000,0"] {
            assert!(parse(Locale::It, bad).is_err(), "{bad}");
        }
        for bad in ["1,25,000", "1.2.3", "1,250.5.0"] {
            assert!(parse(Locale::En, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_print_grouped_in_each_language() {
        assert_eq!(integer(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(integer(Locale::It, -1_234), "-1.234");
        assert_eq!(decimal(Locale::It, 1250.46, 1), "1.250,5");
        assert_eq!(decimal(Locale::En, 12.0, 0), "12");
        assert_eq!(decimal(Locale::En, -0.01, 1), "0.0");
        assert_eq!(decimal(Locale::En, -1234.56, 1), "-1,234.6");
        assert_eq!(decimal(Locale::En, 999.96, 1), "1,000.0");
        assert_eq!(decimal(Locale::En, 0.5, 0), "0");
        assert_eq!(decimal(Locale::En, f64::INFINITY, 1), "inf");
        assert_eq!(to_input(Locale::It, Decimal::new(125_050, 2)), "1250,50");
        assert_eq!(decimal_grouped(Locale::It, Decimal::new(15_000_000, 2)), "150.000,00");
        assert_eq!(decimal_grouped(Locale::En, Decimal::new(-125_050, 2)), "-1,250.50");
        for locale in [Locale::En, Locale::It] {
            let written = decimal_grouped(locale, Decimal::new(123_456_789, 2));
            assert_eq!(parse(locale, &written), Ok(Decimal::new(123_456_789, 2)), "{written} reads back");
        }
    }
}
