//! How far someone is from a target, and at what pace: what the statistics colour and say.

use super::working_calendar::Pace;

/// Where an achievement stands against the pace the period asks for. Each has a word and
/// a symbol, so it reads without colour too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Reached,
    OnTrack,
    Behind,
    AtRisk,
}

impl Standing {
    /// The catalogue key of its word.
    pub fn label_key(self) -> &'static str {
        match self {
            Standing::Reached => "standing-reached",
            Standing::OnTrack => "standing-on-track",
            Standing::Behind => "standing-behind",
            Standing::AtRisk => "standing-at-risk",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Standing::Reached => "reached",
            Standing::OnTrack => "on-track",
            Standing::Behind => "behind",
            Standing::AtRisk => "at-risk",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Standing::Reached => "✔",
            Standing::OnTrack => "▲",
            Standing::Behind => "▼",
            Standing::AtRisk => "!",
        }
    }
}

/// Below this share of the expected pace, "behind" becomes "at risk".
const AT_RISK_SHARE: f64 = 0.7;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub achieved: i64,
    pub target: i64,
    /// achieved / target, in percent.
    pub percent: f64,
    /// What a steady pace would have achieved by now: target × elapsed share.
    pub expected: f64,
    /// achieved − expected: positive ahead of pace, negative behind.
    pub gap: f64,
    /// What is left to do per remaining working day, while the target is not reached and
    /// working time remains.
    pub needed_per_day: Option<f64>,
    pub standing: Standing,
}

/// The progress of `achieved` against `target` at `pace`: the share of the period's
/// working time gone, and the working days left.
pub fn progress(achieved: i64, target: i64, pace: &Pace) -> Progress {
    let (elapsed, remaining_days) = (pace.fraction(), pace.remaining());
    let target_f = target.max(1) as f64;
    let achieved_f = achieved as f64;
    let expected = target as f64 * elapsed;
    let standing = if achieved >= target {
        Standing::Reached
    } else if achieved_f >= expected {
        Standing::OnTrack
    } else if achieved_f >= expected * AT_RISK_SHARE {
        Standing::Behind
    } else {
        Standing::AtRisk
    };
    let needed_per_day =
        (achieved < target && remaining_days > 0.0).then(|| (target - achieved) as f64 / remaining_days);
    Progress {
        achieved,
        target,
        percent: achieved_f / target_f * 100.0,
        expected,
        gap: achieved_f - expected,
        needed_per_day,
        standing,
    }
}

/// A percentage rounded to one decimal, as the CSV and the tables print it.
pub fn percent_one_decimal(percent: f64) -> String {
    format!("{:.1}", (percent * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `elapsed` of the period's working time gone, `remaining` working days left.
    fn progress(achieved: i64, target: i64, elapsed: f64, remaining: i64) -> Progress {
        let total = if elapsed < 1.0 { remaining as f64 / (1.0 - elapsed) } else { 1.0 };
        super::progress(achieved, target, &Pace::new(elapsed * total, total))
    }

    #[test]
    fn reaching_the_target_is_reached_whatever_the_pace() {
        let p = progress(10, 10, 0.1, 20);
        assert_eq!((p.standing, p.needed_per_day), (Standing::Reached, None));
        assert_eq!(p.percent, 100.0);
    }

    #[test]
    fn at_or_above_the_expected_pace_is_on_track() {
        // Half the period gone, half the target done.
        let p = progress(25, 50, 0.5, 4);
        assert_eq!(p.standing, Standing::OnTrack);
        assert_eq!((p.expected, p.gap), (25.0, 0.0));
        assert_eq!(p.needed_per_day, Some(6.25));
    }

    #[test]
    fn below_pace_is_behind_then_at_risk() {
        assert_eq!(progress(20, 50, 0.5, 4).standing, Standing::Behind, "20 of an expected 25");
        assert_eq!(progress(17, 50, 0.5, 4).standing, Standing::AtRisk, "under 70% of the pace");
        assert_eq!(progress(0, 50, 0.0, 7).standing, Standing::OnTrack, "nothing expected yet");
    }

    #[test]
    fn an_ended_period_needs_nothing_more_per_day() {
        let p = progress(3, 10, 1.0, 0);
        assert_eq!((p.needed_per_day, p.standing), (None, Standing::AtRisk));
        assert_eq!(p.gap, -7.0);
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(percent_one_decimal(33.333), "33.3");
        assert_eq!(percent_one_decimal(66.666), "66.7");
        assert_eq!(percent_one_decimal(100.0), "100.0");
    }
}
