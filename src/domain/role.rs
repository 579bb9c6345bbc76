crate::text_enum! {
    /// What a user may do in their account.
    pub enum Role ("role-unknown") {
        Admin => "admin" / "role-admin",
        Manager => "manager" / "role-manager",
        Rep => "rep" / "role-rep",
    }
}

impl Role {
    /// Managers and admins set objectives and read the whole account's figures.
    pub fn manages(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }

    /// Only admins change edition, licences and roles.
    pub fn administers(self) -> bool {
        self == Role::Admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_names() {
        for &role in Role::ALL {
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
