use super::Invalid;
use super::message::Message;

crate::text_enum! {
    /// What the account pays for. Sales objectives and teams exist only in Dream Team.
    pub enum Edition ("edition-unknown") {
        Solopreneur => "solopreneur",
        SalesEssentials => "sales_essentials",
        DreamTeam => "dream_team",
    }
}

impl Edition {
    pub fn label(self) -> &'static str {
        match self {
            Edition::Solopreneur => "Solopreneur",
            Edition::SalesEssentials => "Sales Essentials",
            Edition::DreamTeam => "Dream Team",
        }
    }

    /// Sales objectives and teams are Dream Team features.
    pub fn has_sales_objectives(self) -> bool {
        self == Edition::DreamTeam
    }

    pub fn has_teams(self) -> bool {
        self == Edition::DreamTeam
    }

    /// The most licences the edition allows, if it caps them.
    pub fn max_licences(self) -> Option<u32> {
        match self {
            Edition::Solopreneur => Some(3),
            Edition::SalesEssentials | Edition::DreamTeam => None,
        }
    }

    /// Checks a licence count against the edition.
    pub fn check_licences(self, licences: u32) -> Result<u32, Invalid> {
        if licences == 0 {
            return Err(Invalid::new("licences-at-least-one"));
        }
        match self.max_licences() {
            Some(max) if licences > max => {
                Err(Invalid::new(Message::new("licences-at-most").arg("edition", self.label()).arg("max", max)))
            }
            _ => Ok(licences),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_round_trip_through_their_stored_names() {
        for &edition in Edition::ALL {
            assert_eq!(edition.as_str().parse::<Edition>(), Ok(edition));
        }
        assert!("gold".parse::<Edition>().is_err());
    }

    #[test]
    fn only_dream_team_has_sales_objectives_and_teams() {
        assert!(Edition::DreamTeam.has_sales_objectives() && Edition::DreamTeam.has_teams());
        assert!(!Edition::SalesEssentials.has_sales_objectives());
        assert!(!Edition::Solopreneur.has_teams());
    }

    #[test]
    fn solopreneur_allows_at_most_three_licences() {
        assert_eq!(Edition::Solopreneur.check_licences(3), Ok(3));
        assert!(Edition::Solopreneur.check_licences(4).is_err());
        assert_eq!(Edition::DreamTeam.check_licences(250), Ok(250));
        assert!(Edition::DreamTeam.check_licences(0).is_err());
    }
}
