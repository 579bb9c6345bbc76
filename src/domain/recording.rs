//! Words of recorded work: lead statuses, subject kinds, and the names people give things.

use chrono::{DateTime, TimeDelta, Utc};

use super::message::Message;
use super::{Invalid, range, text};

const MAX_NAME_CHARS: usize = 120;
const MAX_NOTE_CHARS: usize = 2000;

crate::text_enum! {
    /// Where a lead stands. Only a won lead counts as revenue.
    pub enum LeadStatus ("status-unknown") {
        Todo => "todo" / "status-todo",
        Standby => "standby" / "status-standby",
        Won => "won" / "status-won",
        Lost => "lost" / "status-lost",
        Cancelled => "cancelled" / "status-cancelled",
    }
}

crate::text_enum! {
    /// What an activity was done on.
    pub enum SubjectKind ("subject-kind-unknown") {
        Lead => "lead" / "subject-lead",
        Prospect => "prospect" / "subject-prospect",
    }
}

/// A name typed for an action, outcome, pipeline, lead title, prospect or list; `required`
/// is the message for an empty one ("name-required").
pub fn parse_name(raw: &str, required: &'static str) -> Result<String, Invalid> {
    let name = text::line(raw, MAX_NAME_CHARS)?;
    if name.is_empty() {
        return Err(Invalid::new(required));
    }
    Ok(name.to_owned())
}

/// An optional name: empty means none.
pub fn parse_optional_name(raw: &str) -> Result<Option<String>, Invalid> {
    if raw.trim().is_empty() { Ok(None) } else { parse_name(raw, "name-required").map(Some) }
}

pub fn parse_note(raw: &str) -> Result<String, Invalid> {
    Ok(text::lines(raw, MAX_NOTE_CHARS)?.to_owned())
}

/// A lead's probability of closing: a whole percent from 0 to 100 (`60` or `60 %`); none
/// when left empty.
pub fn parse_probability(raw: &str) -> Result<Option<i32>, Invalid> {
    let text = raw.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i32>() {
        Ok(percent) if (0..=100).contains(&percent) => Ok(Some(percent)),
        _ => Err(Invalid::new(Message::new("probability-invalid").arg("value", raw.trim()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_are_whole_percents_from_0_to_100() {
        assert_eq!(parse_probability(""), Ok(None));
        assert_eq!(parse_probability(" 60 % "), Ok(Some(60)));
        assert_eq!(parse_probability("0"), Ok(Some(0)));
        assert_eq!(parse_probability("100"), Ok(Some(100)));
        for bad in ["101", "-1", "0.5", "likely"] {
            assert!(parse_probability(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_and_subjects_round_trip() {
        for &status in LeadStatus::ALL {
            assert_eq!(status.as_str().parse::<LeadStatus>(), Ok(status));
        }
        assert!("open".parse::<LeadStatus>().is_err());
        assert_eq!("Prospect".parse::<SubjectKind>(), Ok(SubjectKind::Prospect));
        assert!("contact".parse::<SubjectKind>().is_err());
    }

    #[test]
    fn names_are_trimmed_required_and_bounded() {
        assert_eq!(parse_name("  Call ", "name-required"), Ok("Call".into()));
        assert_eq!(parse_name(" ", "name-required"), Err(Invalid::new("name-required")));
        assert!(parse_name(&"x".repeat(121), "title-required").is_err());
        assert_eq!(parse_optional_name("  "), Ok(None));
    }

    #[test]
    fn notes_may_be_empty_but_not_endless() {
        assert_eq!(parse_note("  "), Ok(String::new()));
        assert!(parse_note(&"n".repeat(2001)).is_err());
    }
}

/// A local wall-clock moment as a form or a file gives it: `2026-11-27T14:30` (what a
/// browser's datetime-local input sends) or `2026-11-27 14:30`, seconds optional.
pub fn parse_local_moment(raw: &str) -> Result<chrono::NaiveDateTime, Invalid> {
    let text = raw.trim();
    let moment = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(text, format).ok())
        .ok_or_else(|| Invalid::new(Message::new("moment-invalid").arg("value", text)))?;
    range::moment(moment)
}

/// How far past now a moment of done work may lie: clocks disagree by a little.
/// How long a deleted activity can be put back.
pub fn undo_window() -> TimeDelta {
    TimeDelta::minutes(10)
}

pub fn ahead_allowed() -> TimeDelta {
    TimeDelta::minutes(5)
}

/// `moment` if it is not after `now` by more than `ahead_allowed`: work is logged once it
/// is done, never in advance into a period still to come.
pub fn done_by(moment: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>, Invalid> {
    if moment > now + ahead_allowed() {
        return Err(Invalid::new(Message::new("moment-in-future").arg("minutes", ahead_allowed().num_minutes())));
    }
    Ok(moment)
}

/// A record id sent by a form; `refused` is the message when there is none ("choose-action").
pub fn parse_id(raw: &str, refused: &'static str) -> Result<i64, Invalid> {
    let refused = || Invalid::new(refused);
    let text = raw.trim();
    if text.is_empty() {
        return Err(refused());
    }
    text.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(refused)
}

#[cfg(test)]
mod moment_tests {
    use super::*;

    #[test]
    fn moments_accept_the_browser_and_the_file_forms() {
        let expected = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(14, 30, 0));
        for text in ["2026-11-27T14:30", "2026-11-27 14:30", " 2026-11-27T14:30:00 "] {
            assert_eq!(parse_local_moment(text).ok(), expected, "{text}");
        }
        for bad in ["", "27/11/2026 14:30", "2026-11-31 10:00", "2026-11-27"] {
            assert!(parse_local_moment(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_moment_of_done_work_is_at_most_a_few_minutes_ahead() {
        let now = DateTime::parse_from_rfc3339("2026-12-02T09:00:00Z").expect("instant").with_timezone(&Utc);
        for ok in [now - TimeDelta::days(400), now, now + ahead_allowed()] {
            assert_eq!(done_by(ok, now), Ok(ok));
        }
        for ahead in [now + ahead_allowed() + TimeDelta::seconds(1), now + TimeDelta::days(90)] {
            assert_eq!(done_by(ahead, now).map_err(|e| e.0.key().to_owned()), Err("moment-in-future".to_owned()));
        }
    }

    #[test]
    fn ids_must_be_positive_numbers() {
        assert_eq!(parse_id(" 12 ", "choose-lead"), Ok(12));
        for bad in ["", "0", "-3", "x"] {
            assert_eq!(parse_id(bad, "choose-lead"), Err(Invalid::new("choose-lead")));
        }
    }
}
