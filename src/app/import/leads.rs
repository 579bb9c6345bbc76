//! Importing leads, won ones crediting their owner on their closing date.

use std::io::Read;

use chrono::{DateTime, Utc};

use super::file::{ImportLineError, check_all, parse_moment, records_with};
use super::lookups::{Lookups, unchanged};
use super::{ImportError, ImportReport};
use crate::db::AnyConnection;
use crate::domain::account::Locale;
use crate::domain::message::Message;
use crate::domain::money::Amount;
use crate::domain::recording::{self as words, LeadStatus};
use crate::store::accounts::{self, AccountRow};
use crate::store::leads::{self, LeadData};

pub const LEAD_HEADER: [&str; 7] = ["title", "owner_email", "pipeline", "status", "amount", "currency", "closed_at"];
/// Columns a file may add after `LEAD_HEADER`: an open lead's forecast.
pub const LEAD_FORECAST_COLUMNS: [&str; 2] = ["estimated_closing_date", "probability"];

pub fn import_leads(
    conn: &mut AnyConnection,
    account: &AccountRow,
    input: impl Read,
    started: DateTime<Utc>,
) -> Result<ImportReport, ImportError> {
    let rows = records_with(input, &LEAD_HEADER, &LEAD_FORECAST_COLUMNS)?;
    let calendar = account.calendar();
    let now = started.naive_utc();
    let mut lookups = Lookups::new(account);
    let leads_data = check_all(rows, |record| {
        let title = words::parse_name(&record[0], "import-title-required")?;
        let owner = lookups.user(conn, &record[1])?;
        let pipeline = lookups.pipeline(conn, &record[2])?;
        let status: LeadStatus = record[3].parse()?;
        let amount = match record[4].trim() {
            "" => None,
            raw => Some(Amount::parse(Locale::En, raw)?),
        };
        let currency = record[5].trim();
        if !currency.is_empty() && !currency.eq_ignore_ascii_case(&account.currency) {
            let message =
                Message::new("import-other-currency").arg("currency", currency).arg("account", &account.currency);
            return Err(ImportLineError::Message(message));
        }
        let closed_at = match (status, record[6].trim()) {
            (LeadStatus::Won, "") => return Err(ImportLineError::message("import-won-needs-closed-at")),
            (LeadStatus::Won, raw) => Some(parse_moment(&calendar, raw, started)?),
            (_, "") => None,
            (_, _) => return Err(ImportLineError::message("import-closed-at-only-won")),
        };
        if status == LeadStatus::Won && amount.is_none() {
            return Err(ImportLineError::message("import-won-needs-amount"));
        }
        let won = status == LeadStatus::Won;
        let estimated_closing_date = crate::domain::range::parse_date(record.get(7).unwrap_or_default())?;
        let probability = words::parse_probability(record.get(8).unwrap_or_default())?;
        Ok(LeadData {
            pipeline_id: pipeline,
            owner_id: owner,
            title,
            amount_cents: amount.map(Amount::cents),
            status,
            closed_at: closed_at.map(|at| at.naive_utc()),
            closed_on: closed_at.map(|at| calendar.local_date(at)),
            won_by_id: won.then_some(owner),
            estimated_closing_date,
            probability,
        })
    })?;
    let report = accounts::bulk_change(conn, account.id, |conn| {
        let locked = std::time::Instant::now();
        unchanged(&lookups, conn)?;
        for data in &leads_data {
            let lead = leads::insert(conn, account.id, data, now)?;
            crate::app::recording::leads::record_change(conn, &lead, None, now)?;
        }
        let lines = leads_data.len();
        Ok::<_, ImportError>(ImportReport {
            lines,
            leads_created: lines,
            prospects_created: 0,
            locked: locked.elapsed(),
        })
    })?;
    tracing::info!(lines = report.lines, locked_ms = report.locked.as_millis(), "leads imported");
    Ok(report)
}
