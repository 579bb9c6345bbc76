use std::str::FromStr;

use super::Invalid;

/// What a user may do in their account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Admin,
    Manager,
    Rep,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Manager, Role::Rep];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Rep => "rep",
        }
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Admin => "role-admin",
            Role::Manager => "role-manager",
            Role::Rep => "role-rep",
        }
    }

    /// Managers and admins set objectives and read the whole account's figures.
    pub fn manages(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }

    /// Only admins change edition, licences and roles.
    pub fn administers(self) -> bool {
        self == Role::Admin
    }
}

impl FromStr for Role {
    type Err = Invalid;

    fn from_str(s: &str) -> Result<Self, Invalid> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim()).ok_or_else(|| Invalid::new("role-unknown"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_names() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("owner".parse::<Role>().is_err());
    }

    #[test]
    fn managers_and_admins_manage_only_admins_administer() {
        assert!(Role::Admin.manages() && Role::Manager.manages() && !Role::Rep.manages());
        assert!(Role::Admin.administers() && !Role::Manager.administers());
    }
}
