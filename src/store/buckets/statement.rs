//! What every bucket table shares: its grains, and multi-row upserts.

use chrono::NaiveDate;

use crate::db::Backend;
use crate::domain::bucket_plan::{self, BucketPlan, YearPlan};

pub const DAY: &str = "day";
pub const MONTH: &str = "month";
/// Objective and won buckets keep years; activity buckets add up their months.
pub const YEAR: &str = "year";

/// The grain of this name, as the statements bind it.
pub fn grain_named(name: &str) -> Option<&'static str> {
    [DAY, MONTH, YEAR].into_iter().find(|grain| *grain == name)
}

/// The day and month buckets a local date counts in.
pub fn day_and_month(day: NaiveDate) -> [(&'static str, NaiveDate); 2] {
    [(DAY, day), (MONTH, bucket_plan::month_start(day))]
}

/// The day, month and year buckets a local date counts in.
pub fn day_month_and_year(day: NaiveDate) -> [(&'static str, NaiveDate); 3] {
    [(DAY, day), (MONTH, bucket_plan::month_start(day)), (YEAR, bucket_plan::year_start(day))]
}

/// The buckets that cover local dates [start, end) in tables that keep years: year buckets
/// for the whole years, month buckets for the whole months left, day buckets for the edges.
/// Each is (grain, first bucket, last bucket), both included, one range of the key each:
/// the years and the months of a part are consecutive.
pub fn ranges_with_years(start: NaiveDate, end: NaiveDate) -> Vec<(&'static str, NaiveDate, NaiveDate)> {
    let YearPlan { years, parts } = bucket_plan::plan_with_years(start, end);
    let mut ranges = Vec::new();
    if let (Some(first), Some(last)) = (years.first(), years.last()) {
        ranges.push((YEAR, *first, *last));
    }
    for BucketPlan { months, day_ranges } in parts {
        if let (Some(first), Some(last)) = (months.first(), months.last()) {
            ranges.push((MONTH, *first, *last));
        }
        for (from, to) in day_ranges {
            ranges.push((DAY, from, to.pred_opt().unwrap_or(from)));
        }
    }
    ranges
}

/// Rows per statement: far below both backends' limits on bound values.
pub const ROWS_PER_STATEMENT: usize = 500;

// Both backends accept `ON CONFLICT ... DO UPDATE`: one statement adds to many buckets,
// creating the missing ones, without a read-then-write race.

/// `VALUES` placeholders for `rows` rows of `columns` values: `($1, $2), ($3, $4)` for
/// PostgreSQL, `(?, ?), (?, ?)` for SQLite, which reads `$1` as a parameter *name* and looks
/// each one up among those before it: quadratic in a statement of thousands of values.
pub fn placeholders(backend: Backend, rows: usize, columns: usize) -> String {
    let numbered = backend == Backend::Postgres;
    let mut sql = String::with_capacity(rows * columns * 5);
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            if numbered {
                sql.push('$');
                sql.push_str(&(row * columns + column + 1).to_string());
            } else {
                sql.push('?');
            }
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::placeholders;
    use crate::db::Backend;

    #[test]
    fn placeholders_number_every_value_once_in_order_for_postgresql() {
        assert_eq!(placeholders(Backend::Postgres, 2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(placeholders(Backend::Postgres, 1, 1), "($1)");
    }

    #[test]
    fn placeholders_are_positional_for_sqlite() {
        assert_eq!(placeholders(Backend::Sqlite, 2, 3), "(?, ?, ?), (?, ?, ?)");
    }
}
