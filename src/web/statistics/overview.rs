//! The overview tab of `/statistics/sales-objectives`: people × objectives, each cell
//! achieved / target, percent and standing; the teams' totals; the leaderboard.

use askama::Template;

use super::dashboard::{HERE, period_label_key};
use crate::app::statistics::overview::{Overview, Place, Sort};
use crate::app::statistics::{HolderProgress, Scope};
use crate::domain::account::Locale;
use crate::domain::money::MoneyStyle;
use crate::domain::objective::{Measure, ObjectiveKind};
use crate::domain::period::PeriodKind;
use crate::domain::progress::{Progress, Standing};
use crate::web::i18n::filters;

/// A column's heading: the objective, its period, where its detail is.
pub struct Head {
    pub name: String,
    pub period: String,
    pub url: String,
}

/// One cell, ready to print.
pub struct Cell {
    pub achieved: String,
    pub target: String,
    pub percent: String,
    pub standing: Standing,
    pub forecast: String,
    pub partial: bool,
    pub url: String,
}

pub struct MatrixRow {
    pub name: String,
    pub active: bool,
    pub cells: Vec<Option<Cell>>,
}

pub struct PlaceLine {
    pub rank: usize,
    pub name: String,
    pub percent: String,
    /// "▲ 2", "▼ 1", "=" or "—" (not ranked before).
    pub change: String,
}

#[derive(Template)]
#[template(path = "statistics/_overview.html")]
pub struct Region {
    pub scope: Scope,
    pub kinds: &'static [ObjectiveKind],
    pub overview: bool,
    pub sorts: &'static [Sort],
    pub sort: &'static str,
    pub heads: Vec<Head>,
    pub rows: Vec<MatrixRow>,
    pub teams: Vec<MatrixRow>,
    pub leaderboard: Vec<PlaceLine>,
    /// The date the periods contain, worded.
    pub date: String,
    /// Each standing's word, looked up once for the hundreds of cells.
    pub words: Vec<(Standing, String)>,
    pub at_this_pace: String,
}

impl Region {
    pub fn new(found: Overview, sort: Sort, money: &MoneyStyle) -> Self {
        let Overview { scope, columns, rows, teams, leaderboard } = found;
        let locale = money.locale;
        let measures: Vec<Measure> = columns.iter().map(|c| c.objective.row.measure()).collect();
        // Each column's detail URL once; a cell adds its person.
        let urls: Vec<String> = columns
            .iter()
            .map(|c| {
                let pairs = [("period", c.period.kind().as_str().to_owned()), ("date", scope.date.to_string())];
                format!("{HERE}/{}?{}", c.objective.row.id, serde_urlencoded::to_string(pairs).unwrap_or_default())
            })
            .collect();
        let detail = |column: usize, user: Option<crate::domain::ids::UserId>| match user {
            Some(user) => format!("{}&user={user}", urls[column]),
            None => urls[column].clone(),
        };
        let heads = columns
            .iter()
            .enumerate()
            .map(|(i, c)| Head {
                name: c.objective.row.name.clone(),
                period: crate::i18n::period(locale, &c.period),
                url: detail(i, None),
            })
            .collect();
        // Every holder of a column shares its target: worded once.
        let targets: Vec<(i64, String)> =
            columns.iter().zip(&measures).map(|(c, m)| (c.target, m.display_whole(c.target, money))).collect();
        let cell = |i: usize, progress: &Progress, url: String| Cell {
            // Read at a glance: money in whole units, its cents in the detail.
            achieved: measures[i].display_whole(progress.achieved, money),
            target: match &targets[i] {
                (target, worded) if *target == progress.target => worded.clone(),
                _ => measures[i].display_whole(progress.target, money),
            },
            percent: crate::i18n::percent(locale, progress.percent),
            standing: progress.standing,
            forecast: super::dashboard::forecast(locale, progress).unwrap_or_default(),
            partial: progress.partial,
            url,
        };
        let rows = rows
            .into_iter()
            .map(|row| MatrixRow {
                name: row.person.name.clone(),
                active: row.person.active,
                cells: row
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        c.as_ref()
                            .map(|HolderProgress { progress, .. }| cell(i, progress, detail(i, Some(row.person.id))))
                    })
                    .collect(),
            })
            .collect();
        let teams = teams
            .into_iter()
            .map(|team| MatrixRow {
                name: team.name,
                active: true,
                cells: team
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| c.as_ref().map(|p| cell(i, p, detail(i, None))))
                    .collect(),
            })
            .collect();
        Self {
            words: Standing::ALL.iter().map(|s| (*s, crate::i18n::lookup(locale, s.label_key(), &[]))).collect(),
            at_this_pace: crate::i18n::lookup(locale, "overview-at-this-pace", &[]),
            date: crate::i18n::date(locale, scope.date),
            scope,
            kinds: ObjectiveKind::ALL,
            overview: true,
            sorts: &Sort::ALL,
            sort: sort.as_str(),
            heads,
            rows,
            teams,
            leaderboard: places(locale, leaderboard, true),
        }
    }

    fn period_label_key(&self, kind: &PeriodKind) -> &'static str {
        period_label_key(&self.scope.period, kind)
    }

    fn word(&self, standing: &Standing) -> &str {
        self.words.iter().find(|(s, _)| s == standing).map_or("", |(_, word)| word.as_str())
    }
}

/// The leaderboard's lines; without `percent`, names and ranks only (a rep's view: a
/// colleague's percent of a shared target is their amount).
pub fn places(locale: Locale, places: Vec<Place>, percent: bool) -> Vec<PlaceLine> {
    places
        .into_iter()
        .map(|place| PlaceLine {
            rank: place.rank,
            name: place.name,
            percent: if percent { crate::i18n::percent(locale, place.percent) } else { String::new() },
            change: match place.change {
                None => "—".to_owned(),
                Some(0) => "=".to_owned(),
                Some(up) if up > 0 => format!("▲ {up}"),
                Some(down) => format!("▼ {}", -down),
            },
        })
        .collect()
}
