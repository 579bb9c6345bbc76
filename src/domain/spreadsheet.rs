//! Text cells of the CSV files we write. A spreadsheet runs a cell that starts with `=`,
//! `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(...)` in a rep's
//! name would run on the manager's machine): such a cell gets a leading single quote, as
//! OWASP advises, which spreadsheets show as text and scripts can strip.

use std::borrow::Cow;

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a cell no spreadsheet runs.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_quoted() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"] {
            assert_eq!(text_cell(formula), format!("'{formula}"), "{formula:?}");
        }
    }

    #[test]
    fn other_cells_are_left_alone() {
        for plain in ["Rita Rep", "rita@acme.example", "Calls = 10", "", "'quoted"] {
            assert_eq!(text_cell(plain), plain);
        }
    }
}
