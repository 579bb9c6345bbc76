//! Text people type: one line (names, titles, e-mails) or several (notes). Control
//! characters have no place in either (a NUL byte cannot even be stored by PostgreSQL),
//! except the line breaks and tabs of a note.

use super::Invalid;
use super::message::Message;

/// `raw` trimmed, at most `max` characters, on one line without control characters.
pub fn line(raw: &str, max: usize) -> Result<&str, Invalid> {
    checked(raw.trim(), max, |c| c.is_control())
}

/// `raw` trimmed, at most `max` characters; line breaks and tabs are kept, other control
/// characters refused.
pub fn lines(raw: &str, max: usize) -> Result<&str, Invalid> {
    checked(raw.trim(), max, |c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

fn checked(text: &str, max: usize, refused: impl Fn(char) -> bool) -> Result<&str, Invalid> {
    if text.chars().any(refused) {
        return Err(Invalid::new("text-control-character"));
    }
    if text.chars().count() > max {
        return Err(Invalid::new(Message::new("text-too-long").arg("max", max)));
    }
    Ok(text)
}

/// The first NUL byte of a request's fields, if any: the field's name. Such a request is
/// refused whole, before any field reaches the database.
pub fn field_with_nul<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<&'a str> {
    fields.into_iter().find(|(name, value)| name.contains('\0') || value.contains('\0')).map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_refuses_every_control_character() {
        assert_eq!(line("  Ottica Vitale ", 20), Ok("Ottica Vitale"));
        for bad in ["a\0b", "a\nb", "a\tb", "a\u{1b}[31mb", "a\u{7f}b"] {
            assert_eq!(line(bad, 20), Err(Invalid::new("text-control-character")), "{bad:?}");
        }
        assert!(line(&"x".repeat(21), 20).is_err());
    }

    #[test]
    fn several_lines_keep_breaks_and_tabs_only() {
        assert_eq!(lines("first\r\nsecond\tcolumn", 40), Ok("first\r\nsecond\tcolumn"));
        assert!(lines("nul\0inside", 40).is_err());
        assert!(lines("bell\u{7}", 40).is_err());
    }

    #[test]
    fn right_to_left_and_other_printable_text_is_kept() {
        assert_eq!(line("\u{202e}مرحبا", 20), Ok("\u{202e}مرحبا"));
    }

    #[test]
    fn a_nul_anywhere_names_its_field() {
        assert_eq!(field_with_nul([("name", "ok"), ("note", "a\0")]), Some("note"));
        assert_eq!(field_with_nul([("name", "ok")]), None);
    }
}
