//! The time-zone rebuild: the account moved from its zone to New York by the settings use
//! case, then its history moved batch by batch, as the server's background worker does.

use std::sync::Arc;
use std::time::Instant;

use sales_objectives::app::settings::{self, SettingsForm, rebuild};
use sales_objectives::app::{Actor, Cx};
use sales_objectives::domain::role::Role;
use sales_objectives::password::{PasswordCost, Passwords};
use sales_objectives::store::accounts;

/// Rows moved per second, and the longest batch in milliseconds (how long the account's
/// writers waited at most).
pub struct Rebuild {
    pub rows_per_second: f64,
    pub longest_batch_ms: f64,
    pub rows: i64,
}

pub fn time_zone_rebuild(built: &super::Built) -> anyhow::Result<Rebuild> {
    let mut conn = built.pool.get()?;
    let account_id = built.dataset.account.id;
    let account = accounts::find(&mut conn, account_id)?.ok_or_else(|| anyhow::anyhow!("no account"))?;
    let actor = Actor { user: built.dataset.reps[0], role: Role::Admin, account: Arc::new(account.clone()) };
    let passwords = Passwords::new(PasswordCost::TESTING)?;
    let mut cx = Cx::new(&mut conn, &passwords, chrono::Utc::now());
    let form = SettingsForm { time_zone: "America/New_York".into(), ..SettingsForm::of(&account) };
    settings::change(&mut cx, &actor, &form).map_err(|e| anyhow::anyhow!("the zone change was refused: {e}"))?;
    let rows = sales_objectives::store::rebuilds::find(&mut *built.pool.get()?, account_id)?.map_or(0, |r| r.total);
    let (started, mut longest) = (Instant::now(), 0.0_f64);
    loop {
        let batch = Instant::now();
        let more = rebuild::step(&mut cx, account_id).map_err(|e| anyhow::anyhow!("a batch failed: {e}"))?;
        longest = longest.max(batch.elapsed().as_secs_f64() * 1000.0);
        if !more {
            break;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    Ok(Rebuild { rows_per_second: rows as f64 / seconds.max(1e-9), longest_batch_ms: longest, rows })
}
