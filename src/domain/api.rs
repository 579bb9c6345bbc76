//! The rules of the JSON API that need no database: what a token may do (its scopes), how
//! a token's secret is recognised and kept (only its hash), list cursors, page sizes, and
//! external ids.

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use super::Invalid;

crate::text_enum! {
    /// One thing a token may do.
    pub enum Scope ("api-scope-unknown") {
        ActivitiesWrite => "activities:write",
        LeadsWrite => "leads:write",
        ObjectivesRead => "objectives:read",
        ObjectivesWrite => "objectives:write",
        ResultsRead => "results:read",
        UsersRead => "users:read",
    }
}

/// What a token may do: a set of scopes, stored space-separated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes(BTreeSet<Scope>);

impl Scopes {
    /// The scopes of a stored (or typed) list; an unknown one is refused.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        text.split([' ', ',']).filter(|s| !s.is_empty()).map(str::parse).collect::<Result<_, _>>().map(Scopes)
    }

    pub fn of(scopes: impl IntoIterator<Item = Scope>) -> Self {
        Scopes(scopes.into_iter().collect())
    }

    pub fn allows(&self, scope: Scope) -> bool {
        self.0.contains(&scope)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
        self.0.iter().copied()
    }

    /// As stored: space-separated, in a fixed order.
    pub fn stored(&self) -> String {
        self.iter().map(Scope::as_str).collect::<Vec<_>>().join(" ")
    }
}

/// Every secret begins so, which lets secret scanners (and people) recognise one.
pub const SECRET_PREFIX: &str = "so_";

/// Random bytes in a secret: 192 bits, beyond any guessing.
pub const SECRET_BYTES: usize = 24;

/// A token's secret from its random bytes.
pub fn secret_from(bytes: &[u8; SECRET_BYTES]) -> String {
    format!("{SECRET_PREFIX}{}", hex::encode(bytes))
}

/// What is stored of a secret. A fast hash is enough: the secret is random and long, so
/// no dictionary helps, and each API request checks one.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// The start of a secret shown in the list, so that people recognise their tokens.
pub fn secret_prefix(secret: &str) -> String {
    secret.chars().take(SECRET_PREFIX.len() + 6).collect()
}

/// Whether `text` could be a secret at all: a cheap check before any database read.
pub fn looks_like_secret(text: &str) -> bool {
    text.strip_prefix(SECRET_PREFIX)
        .is_some_and(|rest| rest.len() == SECRET_BYTES * 2 && rest.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The longest name a token may have.
pub const NAME_MAX: usize = 80;

/// A token's name as typed: trimmed, not empty, not too long.
pub fn token_name(typed: &str) -> Result<String, Invalid> {
    let name = typed.trim();
    if name.is_empty() {
        return Err(Invalid::new("api-token-name-required"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Invalid::new("api-token-name-too-long"));
    }
    Ok(name.to_owned())
}

/// Items per page when the client asks for none, and the most it may ask for.
pub const DEFAULT_LIMIT: i64 = 100;
pub const MAX_LIMIT: i64 = 500;

/// A page size as asked for.
pub fn limit(asked: Option<i64>) -> Result<i64, Invalid> {
    match asked {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(Invalid::new("api-limit-out-of-range")),
    }
}

/// A list's cursor: where the next page starts, opaque to clients (they send back what
/// they were given). It carries the last id of the page before.
pub fn cursor(last_id: i64) -> String {
    format!("c{}", hex::encode(last_id.to_be_bytes()))
}

/// The id a cursor carries; anything else is refused.
pub fn after(cursor: &str) -> Result<i64, Invalid> {
    let refused = || Invalid::new("api-cursor-invalid");
    let bytes = cursor.strip_prefix('c').and_then(|hex_id| hex::decode(hex_id).ok()).ok_or_else(refused)?;
    let bytes: [u8; 8] = bytes.try_into().map_err(|_| refused())?;
    Ok(i64::from_be_bytes(bytes))
}

/// The longest external id and idempotency key accepted.
pub const EXTERNAL_ID_MAX: usize = 200;

/// An external id as sent: trimmed, not empty, printable, not too long.
pub fn external_id(sent: &str) -> Result<String, Invalid> {
    let id = sent.trim();
    if id.is_empty() || id.chars().count() > EXTERNAL_ID_MAX || id.chars().any(char::is_control) {
        return Err(Invalid::new("api-external-id-invalid"));
    }
    Ok(id.to_owned())
}

/// An `Idempotency-Key` header's value: the same rules as an external id.
pub fn idempotency_key(sent: &str) -> Result<String, Invalid> {
    external_id(sent).map_err(|_| Invalid::new("api-idempotency-key-invalid"))
}

/// What a request is, for its idempotency key: a retry must be the same request.
pub fn fingerprint(method: &str, path: &str, body: &[u8]) -> String {
    let mut hash = Sha256::new();
    for part in [method.as_bytes(), b"\n", path.as_bytes(), b"\n", body] {
        hash.update(part);
    }
    hex::encode(hash.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_in_a_fixed_order() {
        let scopes = Scopes::parse("results:read activities:write,users:read").expect("scopes");
        assert_eq!(scopes.stored(), "activities:write results:read users:read");
        assert!(scopes.allows(Scope::ResultsRead));
        assert!(!scopes.allows(Scope::LeadsWrite));
        assert_eq!(Scopes::parse(&scopes.stored()), Ok(scopes));
        assert!(Scopes::parse("activities:write admin").is_err());
        assert!(Scopes::parse("").expect("none").is_empty());
    }

    #[test]
    fn a_secret_is_recognised_and_only_its_hash_kept() {
        let secret = secret_from(&[7; SECRET_BYTES]);
        assert!(looks_like_secret(&secret));
        assert!(!looks_like_secret("so_short"));
        assert!(!looks_like_secret(&secret.replace("so_", "xx_")));
        assert_eq!(secret_hash(&secret).len(), 64);
        assert_ne!(secret_hash(&secret), secret_hash(&secret_from(&[8; SECRET_BYTES])));
        assert_eq!(secret_prefix(&secret), "so_070707");
    }

    #[test]
    fn a_cursor_gives_back_its_id_and_refuses_anything_else() {
        for id in [0, 1, 41, i64::MAX] {
            assert_eq!(after(&cursor(id)), Ok(id));
        }
        for bad in ["", "c", "c12", "x0000000000000001", "czzzzzzzzzzzzzzzz", "c000000000000000001"] {
            assert!(after(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn limits_and_external_ids_have_bounds() {
        assert_eq!(limit(None), Ok(DEFAULT_LIMIT));
        assert_eq!(limit(Some(500)), Ok(500));
        assert!(limit(Some(0)).is_err() && limit(Some(501)).is_err());
        assert_eq!(external_id("  crm-42 "), Ok("crm-42".to_owned()));
        assert!(external_id(" ").is_err());
        assert!(external_id("a\u{0}b").is_err());
        assert!(external_id(&"x".repeat(EXTERNAL_ID_MAX + 1)).is_err());
    }

    #[test]
    fn a_retry_is_the_same_request_only_if_everything_matches() {
        let first = fingerprint("POST", "/api/v1/activities", b"{\"a\":1}");
        assert_eq!(first, fingerprint("POST", "/api/v1/activities", b"{\"a\":1}"));
        assert_ne!(first, fingerprint("POST", "/api/v1/activities", b"{\"a\":2}"));
        assert_ne!(first, fingerprint("POST", "/api/v1/leads", b"{\"a\":1}"));
    }
}
