//! What identifies a person and lets them sign in.

use super::Invalid;
use super::message::Message;

const MAX_EMAIL_CHARS: usize = 254;
const MAX_NAME_CHARS: usize = 100;
const MIN_PASSWORD_CHARS: usize = 8;
// Long enough for any passphrase, short enough that hashing stays cheap.
const MAX_PASSWORD_CHARS: usize = 256;

/// An e-mail address, lower-cased so that sign-in ignores case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let email = raw.trim().to_lowercase();
        let invalid = || Invalid::new(Message::new("email-invalid").arg("value", raw.trim()));
        if email.is_empty() {
            return Err(Invalid::new("email-required"));
        }
        if email.chars().count() > MAX_EMAIL_CHARS || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (local, domain) = email.rsplit_once('@').ok_or_else(invalid)?;
        let domain_ok =
            !domain.starts_with('.') && !domain.ends_with('.') && domain.contains('.') && !domain.contains("..");
        if local.is_empty() || local.contains('@') || !domain_ok {
            return Err(invalid());
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The throttle key for what someone typed on the sign-in form, valid or not.
    pub fn throttle_key(raw: &str) -> String {
        raw.trim().to_lowercase()
    }
}

/// A person's display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let name = super::text::line(raw, MAX_NAME_CHARS)?;
        if name.is_empty() {
            return Err(Invalid::new("name-required"));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password, as chosen by a person (not yet hashed).
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let count = raw.chars().count();
        if count < MIN_PASSWORD_CHARS {
            return Err(Invalid::new(Message::new("password-too-short").arg("min", MIN_PASSWORD_CHARS)));
        }
        if count > MAX_PASSWORD_CHARS {
            return Err(Invalid::new(Message::new("text-too-long").arg("max", MAX_PASSWORD_CHARS)));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(Email::parse(" Giulia.Ferri@Demo.Example ").map(|e| e.0), Ok("giulia.ferri@demo.example".into()));
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "plain",
            "@demo.example",
            "a@b",
            "a@.example",
            "a@demo.example.",
            "a b@demo.example",
            "a@@demo.example",
            "a@demo..example",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn names_are_required_and_bounded() {
        assert!(PersonName::parse(" ").is_err());
        assert!(PersonName::parse(&"n".repeat(101)).is_err());
        assert_eq!(PersonName::parse(" Luca Rossi ").map(|n| n.0), Ok("Luca Rossi".into()));
    }

    #[test]
    fn passwords_have_a_minimum_and_maximum_length() {
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse(&"p".repeat(257)).is_err());
        assert!(NewPassword::parse("long enough").is_ok());
    }

    #[test]
    fn passwords_never_show_in_debug_output() {
        let password = NewPassword::parse("secret-password").expect("valid");
        assert!(!format!("{password:?}").contains("secret"));
    }
}
