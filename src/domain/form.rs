//! Errors of a submitted form, field by field, so each message shows beside its field.

use std::collections::BTreeMap;

use super::Invalid;
use super::message::Message;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<&'static str, Message>);

impl FieldErrors {
    /// The errors of the form as a whole (shown above it): the account was busy, the
    /// record changed meanwhile.
    pub const FORM: &'static str = "form";

    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &'static str, message: impl Into<Message>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    /// Records the first message for `field`.
    pub fn add(&mut self, field: &'static str, message: impl Into<Message>) {
        self.0.entry(field).or_insert_with(|| message.into());
    }

    /// The value, or `None` with its message recorded against `field`.
    pub fn check<T>(&mut self, field: &'static str, parsed: Result<T, Invalid>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(Invalid(message)) => {
                self.add(field, message);
                None
            }
        }
    }

    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0.get(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Message)> {
        self.0.iter().map(|(field, message)| (*field, message))
    }

    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.0.values()
    }

    /// `Ok(())` when no field failed.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// In English, for logs and the command line.
impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let messages: Vec<String> = self.0.values().map(Message::to_string).collect();
        f.write_str(&messages.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_message_of_a_field_wins() {
        let mut errors = FieldErrors::new();
        errors.add("name", "name-required");
        errors.add("name", "text-too-long");
        assert_eq!(errors.get("name"), Some(&Message::new("name-required")));
        assert_eq!(errors.get("amount"), None);
    }

    #[test]
    fn check_keeps_values_and_records_messages() {
        let mut errors = FieldErrors::new();
        assert_eq!(errors.check("a", Ok::<_, Invalid>(3)), Some(3));
        assert_eq!(errors.check::<i32>("b", Err(Invalid::new("name-required"))), None);
        assert_eq!(errors.into_result(), Err(FieldErrors::single("b", "name-required")));
    }
}
