//! The dates and page numbers the product accepts, defined once: a date outside years
//! 1900 to 2200 is a typing mistake (and some are beyond what a database stores), a page
//! beyond the last possible one a forged link.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::Invalid;
use super::message::Message;

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;
/// No listing has more pages than this (25 records a page: 25 million records).
pub const LAST_PAGE: i64 = 1_000_000;

/// `date`, if its year is within the accepted range.
pub fn date(date: NaiveDate) -> Result<NaiveDate, Invalid> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(Invalid::new(Message::new("date-out-of-range").arg("first", FIRST_YEAR).arg("last", LAST_YEAR)))
    }
}

/// `moment`, if its date is within the accepted range.
pub fn moment(moment: NaiveDateTime) -> Result<NaiveDateTime, Invalid> {
    date(moment.date()).map(|_| moment)
}

/// A date typed as `YYYY-MM-DD`; empty is none.
pub fn parse_date(raw: &str) -> Result<Option<NaiveDate>, Invalid> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Invalid::new(Message::new("date-invalid").arg("value", text)))?;
    date(parsed).map(Some)
}

/// A page number of a listing; none is the first.
pub fn page(page: Option<i64>) -> Result<i64, Invalid> {
    match page {
        None => Ok(1),
        Some(page) if (1..=LAST_PAGE).contains(&page) => Ok(page),
        Some(_) => Err(Invalid::new(Message::new("page-out-of-range").arg("last", LAST_PAGE))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn dates_from_1900_to_2200_are_accepted() {
        assert_eq!(date(day(1900, 1, 1)), Ok(day(1900, 1, 1)));
        assert_eq!(date(day(2200, 12, 31)), Ok(day(2200, 12, 31)));
        for bad in [day(1899, 12, 31), day(2201, 1, 1), day(0, 1, 1), day(-4714, 1, 1)] {
            assert!(date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn typed_dates_are_read_strictly() {
        assert_eq!(parse_date(" 2026-12-01 "), Ok(Some(day(2026, 12, 1))));
        assert_eq!(parse_date(""), Ok(None));
        for bad in ["-262143-01-01", "0000-01-01", "2026-02-30", "01/12/2026", "+275760-09-13"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pages_run_from_one_to_the_last() {
        assert_eq!(page(None), Ok(1));
        assert_eq!(page(Some(3)), Ok(3));
        for bad in [0, -1, i64::MAX, LAST_PAGE + 1] {
            assert!(page(Some(bad)).is_err(), "{bad}");
        }
    }
}
