//! Moving an account's history to its new time zone, one batch per transaction: each
//! activity's and closed lead's local date reckoned again, and its buckets moved with it,
//! so that buckets and rows agree at every commit. What is written meanwhile is already in
//! the new zone; a restart resumes from the last batch committed.

use crate::app::{Actor, App, Cx, Error};
use crate::domain::ids::AccountId;
use crate::store::accounts;
use crate::store::buckets::{self, ActivityKey};
use crate::store::leads::LeadRow;
use crate::store::rebuilds::{self, RebuildRow};

/// Rows per batch: each holds the account's write lock for a few milliseconds.
const BATCH: i64 = 2_000;

/// The account's rebuild still running, if one is (admins: the settings page polls it).
pub fn progress(cx: &mut Cx, actor: &Actor) -> Result<Option<RebuildRow>, Error> {
    actor.require_admin()?;
    Ok(rebuilds::find(cx.conn, actor.account_id())?)
}

/// Refuses to read figures while the account's history is being moved: they would mix the
/// two zones.
pub fn refuse_mixed_figures(cx: &mut Cx, account: AccountId) -> Result<(), Error> {
    match rebuilds::find(cx.conn, account)? {
        Some(rebuild) => Err(Error::Recomputing(rebuild.percent())),
        None => Ok(()),
    }
}

/// Moves the next batch of the account's history. `true` while there is more to move.
pub fn step(cx: &mut Cx, account: AccountId) -> Result<bool, Error> {
    cx.change(account, |cx| {
        let Some(mut row) = rebuilds::find(cx.conn, account)? else { return Ok(false) };
        let calendar = accounts::find(cx.conn, account)?.ok_or(Error::NotFound)?.calendar();
        if row.activities_done_to < row.activities_through {
            let range = (row.activities_done_to, row.activities_through);
            let batch = rebuilds::activities_after(cx.conn, account, range, BATCH)?;
            let mut counts = Vec::new();
            for activity in &batch {
                let day = calendar.local_date(activity.occurred_at.and_utc());
                if day != activity.occurred_on {
                    rebuilds::set_activity_day(cx.conn, activity.id, day)?;
                    let before = activity.bucket_key();
                    counts.extend([(before, -1), (ActivityKey { day, ..before }, 1)]);
                }
            }
            buckets::add_activities(cx.conn, &counts)?;
            row.activities_done_to = next_mark(&batch, |a| a.id.0, row.activities_through);
            row.done += batch.len() as i64;
        } else if row.leads_done_to < row.leads_through {
            let batch = rebuilds::closed_leads_after(cx.conn, account, (row.leads_done_to, row.leads_through), BATCH)?;
            for lead in &batch {
                let Some(closed_at) = lead.closed_at else { continue };
                let day = calendar.local_date(closed_at.and_utc());
                if lead.closed_on != Some(day) {
                    rebuilds::set_lead_day(cx.conn, lead.id, day)?;
                    let moved = LeadRow { closed_on: Some(day), ..lead.clone() };
                    buckets::replace_win(cx.conn, lead.win(), moved.win())?;
                }
            }
            row.leads_done_to = next_mark(&batch, |l| l.id.0, row.leads_through);
            row.done += batch.len() as i64;
        } else {
            rebuilds::finish(cx.conn, account)?;
            tracing::info!(account = account.0, zone = %row.time_zone, "history moved to the new time zone");
            return Ok(false);
        }
        rebuilds::advance(cx.conn, &row)?;
        Ok(true)
    })
}

/// Where the next batch starts after `batch`: its last id, or the end when it was short.
fn next_mark<T>(batch: &[T], id: impl Fn(&T) -> i64, through: i64) -> i64 {
    if (batch.len() as i64) < BATCH { through } else { batch.last().map_or(through, id) }
}

/// The server's background worker: finishes every pending rebuild (those interrupted by a
/// restart first), then waits for the next, or looks again every half minute (another
/// process, the command line, may have started one).
pub async fn work(app: App) {
    loop {
        match app.run(run_pending).await {
            Ok(0) => {}
            Ok(finished) => tracing::info!(finished, "rebuilds finished"),
            Err(error) => tracing::error!(%error, "a rebuild failed; it will be resumed"),
        }
        // Woken, or half a minute gone: either way, look again.
        let _ = tokio::time::timeout(std::time::Duration::from_secs(30), app.rebuilds_woken()).await;
    }
}

/// Runs every pending rebuild to its end: the server's background worker, and the
/// command line. Returns how many it finished.
pub fn run_pending(cx: &mut Cx) -> Result<usize, Error> {
    let pending = rebuilds::pending(cx.conn)?;
    for account in &pending {
        while step(cx, *account)? {}
    }
    Ok(pending.len())
}
