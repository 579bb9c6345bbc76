//! The form of a target per period kind, shared by holders' and teams' targets.

use serde::Deserialize;

use crate::domain::account::Locale;
use crate::domain::period::PeriodKind;

/// A target per period kind, as typed: a holder's (empty: the objective's) or a team's. A
/// field is absent where the objective has no target of that kind (one posted anyway is
/// refused).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PeriodTargetsForm {
    pub target_day: Option<String>,
    pub target_week: Option<String>,
    pub target_month: Option<String>,
    pub target_quarter: Option<String>,
    pub target_year: Option<String>,
    /// How the person writes numbers; set from their language, never from the request body.
    #[serde(skip)]
    pub locale: Locale,
}

impl PeriodTargetsForm {
    /// The field of a period kind's target.
    pub fn field(kind: PeriodKind) -> &'static str {
        match kind {
            PeriodKind::Day => "target_day",
            PeriodKind::Week => "target_week",
            PeriodKind::Month => "target_month",
            PeriodKind::Quarter => "target_quarter",
            PeriodKind::Year => "target_year",
        }
    }

    /// What was typed for a period kind, if its field was sent.
    pub fn typed(&self, kind: PeriodKind) -> Option<&str> {
        match kind {
            PeriodKind::Day => self.target_day.as_deref(),
            PeriodKind::Week => self.target_week.as_deref(),
            PeriodKind::Month => self.target_month.as_deref(),
            PeriodKind::Quarter => self.target_quarter.as_deref(),
            PeriodKind::Year => self.target_year.as_deref(),
        }
    }

    pub fn set(&mut self, kind: PeriodKind, value: String) {
        let field = match kind {
            PeriodKind::Day => &mut self.target_day,
            PeriodKind::Week => &mut self.target_week,
            PeriodKind::Month => &mut self.target_month,
            PeriodKind::Quarter => &mut self.target_quarter,
            PeriodKind::Year => &mut self.target_year,
        };
        *field = Some(value);
    }
}
