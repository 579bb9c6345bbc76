//! Words for a person, named by a key and its arguments rather than written out, so each
//! reader gets them in their own language where they are shown.

use std::borrow::Cow;

/// A key of the message catalogues (`locales/*/*.ftl`) and the values it quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Cow<'static, str>)>,
}

impl Message {
    pub const fn new(key: &'static str) -> Self {
        Self { key, args: Vec::new() }
    }

    /// Quotes `value` where the message says `{ $name }`.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, Cow::Owned(value.to_string())));
        self
    }

    /// Text shown as it is, in every language: a name someone gave.
    pub fn verbatim(text: impl ToString) -> Self {
        Self::new("verbatim").arg("text", text)
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    pub fn args(&self) -> &[(&'static str, Cow<'static, str>)] {
        &self.args
    }
}

impl From<&'static str> for Message {
    fn from(key: &'static str) -> Self {
        Self::new(key)
    }
}
