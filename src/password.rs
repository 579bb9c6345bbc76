//! Password hashing: argon2id with OWASP's parameters in production, cheap ones in tests.

use std::sync::{Arc, Condvar, Mutex, OnceLock};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::domain::user::NewPassword;

/// 32 random bytes, hex-encoded: session CSRF tokens and one-time links.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The operating system's generator does not fail on the platforms we run on; if it
    // ever did, a predictable token would be a silent hole, so refuse to go on.
    getrandom::fill(&mut bytes).expect("the operating system random generator failed");
    hex::encode(bytes)
}

/// How a one-time token is stored: its SHA-256, so the database never holds a usable link.
pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

/// Argon2id cost: memory in KiB, iterations, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordCost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl PasswordCost {
    /// OWASP's recommendation for argon2id: 19 MiB, 2 iterations, 1 lane.
    pub const PRODUCTION: PasswordCost = PasswordCost { memory_kib: 19 * 1024, iterations: 2, parallelism: 1 };
    /// The cheapest argon2 accepts: for tests only.
    pub const TESTING: PasswordCost = PasswordCost { memory_kib: 8, iterations: 1, parallelism: 1 };
}

/// Lets at most `limit` hashes run at once: each takes the cost's memory (19 MiB in
/// production), so a burst of sign-ins must not multiply it by the number of requests.
struct Gate {
    running: Mutex<usize>,
    freed: Condvar,
    limit: usize,
}

impl Gate {
    fn new(limit: usize) -> Self {
        Self { running: Mutex::new(0), freed: Condvar::new(), limit: limit.max(1) }
    }

    fn run<T>(&self, work: impl FnOnce() -> T) -> T {
        {
            let mut running = self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            while *running >= self.limit {
                running = self.freed.wait(running).unwrap_or_else(|poisoned| poisoned.into_inner());
            }
            *running += 1;
        }
        let result = work();
        let mut running = self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *running -= 1;
        self.freed.notify_one();
        result
    }
}

/// Hashes and verifies passwords with one cost. Cheap to clone.
#[derive(Clone)]
pub struct Passwords {
    gate: Arc<Gate>,
    argon2: Arc<Argon2<'static>>,
    // A hash of nothing anyone knows: verifying against it when the e-mail matches no user
    // makes a wrong e-mail cost the same time as a wrong password.
    decoy: Arc<OnceLock<String>>,
}

/// Has glibc serve allocations of a MiB or more with their own mappings, given back to the
/// system when freed. Otherwise argon2's 19 MiB buffers, freed into per-thread arenas after
/// each hash, stay resident: a burst of sign-ins would leave hundreds of MiB behind.
fn return_large_buffers_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only tunes the allocator; a fixed threshold is always valid.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        });
    }
}

impl Passwords {
    pub fn new(cost: PasswordCost) -> anyhow::Result<Self> {
        return_large_buffers_to_the_system();
        let params = Params::new(cost.memory_kib, cost.iterations, cost.parallelism, None)
            .map_err(|e| anyhow::anyhow!("invalid argon2 parameters: {e}"))?;
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Ok(Self {
            gate: Arc::new(Gate::new(cores)),
            argon2: Arc::new(Argon2::new(Algorithm::Argon2id, Version::V0x13, params)),
            decoy: Arc::new(OnceLock::new()),
        })
    }

    /// The PHC string (`$argon2id$v=19$m=...`) to store.
    pub fn hash(&self, password: &NewPassword) -> anyhow::Result<String> {
        self.hash_bytes(password.expose().as_bytes())
    }

    fn hash_bytes(&self, password: &[u8]) -> anyhow::Result<String> {
        self.gate.run(|| {
            self.argon2
                .hash_password(password)
                .map(|hash| hash.to_string())
                .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
        })
    }

    /// Whether `password` matches `stored`; with no stored hash, spends the same time and
    /// answers false. A stored hash is verified with its own parameters.
    pub fn verify(&self, password: &str, stored: Option<&str>) -> bool {
        let stored = match stored {
            Some(stored) => stored,
            None => {
                let decoy =
                    self.decoy.get_or_init(|| self.hash_bytes(b"no user has this password").unwrap_or_default());
                let _ = self.check(password, decoy);
                return false;
            }
        };
        self.check(password, stored)
    }

    fn check(&self, password: &str, stored: &str) -> bool {
        PasswordHash::new(stored)
            .map(|parsed| self.gate.run(|| self.argon2.verify_password(password.as_bytes(), &parsed).is_ok()))
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passwords(cost: PasswordCost) -> Passwords {
        Passwords::new(cost).expect("valid cost")
    }

    #[test]
    fn a_hash_verifies_its_password_only() {
        let passwords = passwords(PasswordCost::TESTING);
        let hash = passwords.hash(&NewPassword::parse("correct horse").expect("valid")).expect("hashed");
        assert!(hash.starts_with("$argon2id$"));
        assert!(passwords.verify("correct horse", Some(&hash)));
        assert!(!passwords.verify("battery staple", Some(&hash)));
    }

    #[test]
    fn production_hashes_use_owasp_parameters() {
        let passwords = passwords(PasswordCost::PRODUCTION);
        let hash = passwords.hash(&NewPassword::parse("correct horse").expect("valid")).expect("hashed");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(passwords.verify("correct horse", Some(&hash)));
    }

    #[test]
    fn no_stored_hash_or_a_garbled_one_never_verifies() {
        let passwords = passwords(PasswordCost::TESTING);
        assert!(!passwords.verify("anything", None));
        assert!(!passwords.verify("anything", Some("not a hash")));
    }
}
