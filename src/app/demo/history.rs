//! The demo's history and objectives: two pipelines, leads and prospects, about six months of
//! activities and wins for every rep, ending today. Generated from a fixed seed, so every
//! demo looks alike, and written the way the app writes (buckets included).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

use crate::app::objectives::ObjectiveForm;
use crate::app::objectives::{assignments, editor};
use crate::app::objectives::{holder_targets, period_targets::PeriodTargetsForm};
use crate::app::{self, Actor, Cx};
use crate::db::AnyConnection;
use crate::domain::ids::{ActionId, LeadId, OutcomeId, PipelineId, ProspectId, UserId};
use crate::domain::period::Calendar;
use crate::domain::recording::LeadStatus;
use crate::store::accounts::AccountRow;
use crate::store::actions::{self, ActionWithOutcomes};
use crate::store::activities::{self, NewActivity, Subject};
use crate::store::buckets::{self, ActivityKey};
use crate::store::lead_changes;
use crate::store::leads::{self, LeadData};
use crate::store::pipelines;
use crate::store::prospects::{self, ProspectData};

pub(crate) const DAYS: i64 = 183;
const COMPANIES: [&str; 24] = [
    "Ferramenta Conti",
    "Trattoria Da Mario",
    "Ottica Vitale",
    "Studio Lombardi",
    "Pasticceria Marino",
    "Tipografia Gallo",
    "Autofficina Costa",
    "Farmacia Fontana",
    "Cantina Moretti",
    "Hotel Bellavista",
    "Edilizia Barbieri",
    "Caseificio Rinaldi",
    "Elettronica Caruso",
    "Vivaio Ferrara",
    "Lanificio Testa",
    "Calzaturificio Galli",
    "Mobilificio Serra",
    "Oleificio De Luca",
    "Agenzia Mancini",
    "Panificio Longo",
    "Officine Leone",
    "Pelletteria Santoro",
    "Ceramiche Martini",
    "Distillerie Villa",
];
const SUFFIXES: [&str; 3] = ["Srl", "Spa", "& C."];

/// A small deterministic generator (xorshift64*): realistic variety, same demo each time.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A whole number in [0, n).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }
}

/// Company names for a rep's leads and prospects, distinct within the account.
fn company(index: usize) -> String {
    let name = COMPANIES[index % COMPANIES.len()];
    let suffix = SUFFIXES[(index / COMPANIES.len()) % SUFFIXES.len()];
    format!("{name} {suffix}")
}

/// A moment during working hours of a local date.
fn working_moment(calendar: &Calendar, dice: &mut Dice, date: NaiveDate) -> Option<chrono::DateTime<Utc>> {
    let minutes = 9 * 60 + dice.below(9 * 60) as u32;
    let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)?;
    calendar.local_to_utc(NaiveDateTime::new(date, time)).ok()
}

pub fn load(conn: &mut AnyConnection, account: &AccountRow, reps: &[UserId]) -> diesel::QueryResult<()> {
    let calendar = account.calendar();
    let now = Utc::now();
    let today = calendar.local_date(now);
    let first_day = today - Duration::days(DAYS - 1);
    let sales =
        pipelines::find_by_name(conn, account.id, pipelines::DEFAULT_NAME)?.ok_or(diesel::result::Error::NotFound)?;
    let renewals = pipelines::insert(conn, account.id, "Renewals", now.naive_utc())?;
    let pipeline_ids = [sales.id, sales.id, renewals.id];
    let catalogue = actions::list(conn, account.id)?;
    let mut dice = Dice(0x5eed_0bec_7175_2026);
    let mut logged: Vec<NewActivity> = Vec::new();
    // Leads and prospects exist before the history logged on them.
    let created_at = (now - Duration::days(DAYS)).naive_utc();
    for (rep_index, &rep) in reps.iter().enumerate() {
        let mut prospect_ids: Vec<ProspectId> = Vec::new();
        for i in 0..10 {
            let data = ProspectData {
                owner_id: rep,
                name: company(rep_index * 20 + i),
                list_name: Some(if i % 2 == 0 { "Trade fair 2026" } else { "Cold list" }.to_owned()),
            };
            prospect_ids.push(prospects::insert(conn, account.id, &data, created_at)?.id);
        }
        let mut rep_leads: Vec<(LeadId, PipelineId)> = Vec::new();
        for i in 0..10 {
            let pipeline = *dice.pick(&pipeline_ids).unwrap_or(&sales.id);
            let amount = (2_000 + dice.below(28_000)) as i64 * 100;
            let status = match dice.below(10) {
                0..=4 => LeadStatus::Won,
                5..=6 => LeadStatus::Lost,
                7 => LeadStatus::Standby,
                _ => LeadStatus::Todo,
            };
            // A win on a working day of the last six months, never later than now.
            let closed_at = match status {
                LeadStatus::Won => {
                    let day = first_day + Duration::days(dice.below(DAYS as u64) as i64);
                    working_moment(&calendar, &mut dice, day).map(|at| at.min(now))
                }
                _ => None,
            };
            let status = if status == LeadStatus::Won && closed_at.is_none() { LeadStatus::Todo } else { status };
            let kind = if pipeline == renewals.id { "renewal" } else { "new deal" };
            // An open lead is expected to close within the next two months.
            let open = matches!(status, LeadStatus::Todo | LeadStatus::Standby);
            let estimated = open.then(|| today + Duration::days(1 + dice.below(60) as i64));
            let probability = open.then(|| 10 * (1 + dice.below(9) as i32));
            let data = LeadData {
                pipeline_id: pipeline,
                owner_id: rep,
                title: format!("{} · {kind}", company(rep_index * 20 + 10 + i)),
                amount_cents: Some(amount),
                status,
                closed_at: closed_at.map(|at| at.naive_utc()),
                closed_on: closed_at.map(|at| calendar.local_date(at)),
                won_by_id: closed_at.map(|_| rep),
                estimated_closing_date: estimated,
                probability,
            };
            let lead = leads::insert(conn, account.id, &data, created_at)?;
            lead_changes::record(conn, account.id, lead.id, Some(rep), created_at, (LeadStatus::Todo, None))?;
            if status != LeadStatus::Todo {
                let at = data.closed_at.unwrap_or(created_at);
                lead_changes::record(conn, account.id, lead.id, Some(rep), at, (status, lead.win().map(|w| w.cents)))?;
            }
            rep_leads.push((lead.id, pipeline));
        }
        for offset in 0..DAYS {
            let date = first_day + Duration::days(offset);
            if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                continue;
            }
            // Some reps are busier than others; every day differs a little.
            let per_day = 4 + rep_index as u64 % 3 + dice.below(6);
            for _ in 0..per_day {
                let Some(moment) = working_moment(&calendar, &mut dice, date) else { continue };
                if moment > now {
                    continue;
                }
                let Some((action, outcome)) = pick_action(&catalogue, &mut dice) else { continue };
                let subject = if dice.below(10) < 6 {
                    dice.pick(&prospect_ids).map(|id| Subject::Prospect(*id))
                } else {
                    dice.pick(&rep_leads).map(|&(lead, pipeline)| Subject::Lead { lead, pipeline })
                };
                let Some(subject) = subject else { continue };
                logged.push(NewActivity {
                    account: account.id,
                    user: rep,
                    action,
                    outcome,
                    subject,
                    occurred_at: moment.naive_utc(),
                    occurred_on: date,
                    note: String::new(),
                    created_at,
                });
            }
        }
    }
    let counts: Vec<(ActivityKey, i64)> =
        activities::insert_many(conn, &logged)?.into_iter().map(|key| (key, 1)).collect();
    buckets::add_activities(conn, &counts)
}

/// Mostly calls, then e-mails, some meetings; results weighted like a real week.
fn pick_action(catalogue: &[ActionWithOutcomes], dice: &mut Dice) -> Option<(ActionId, OutcomeId)> {
    let name = match dice.below(20) {
        0..=10 => "Call",
        11..=15 => "Email",
        16..=17 => "Meeting",
        18 => "Video call",
        _ => "Qualification",
    };
    let action = catalogue.iter().find(|a| a.action.name == name)?;
    let outcome = dice.pick(&action.outcomes)?;
    Some((action.action.id, outcome.id))
}

/// The demo's objectives, each assigned to every rep.
pub fn objectives(cx: &mut Cx, admin: &Actor, reps: &[UserId]) -> Result<(), app::Error> {
    let account = admin.account.clone();
    let catalogue = actions::list(cx.conn, account.id)?;
    let outcome = |action: &str, outcome: &str| -> Option<(String, String)> {
        let item = catalogue.iter().find(|a| a.action.name == action)?;
        let found = item.outcomes.iter().find(|o| o.name == outcome)?;
        Some((item.action.id.to_string(), found.id.to_string()))
    };
    let sales = pipelines::find_by_name(cx.conn, account.id, pipelines::DEFAULT_NAME)?.map(|p| p.id.to_string());
    let activity =
        |name: &str, (action_id, outcome_id): (String, String), context: &str, pipeline: Option<String>, targets| {
            ObjectiveForm {
                pipeline_id: pipeline.unwrap_or_default(),
                ..ObjectiveForm::activity(name, action_id, outcome_id, context, targets)
            }
        };
    let sale = ObjectiveForm::sales;
    let mut forms = vec![
        sale("Revenue", "revenue", [("year", "150000"), ("quarter", "40000")]),
        sale("Deals won", "won_count", [("month", "1"), ("", "")]),
    ];
    if let Some(reached) = outcome("Call", "Reached") {
        forms.push(activity("Calls reached", reached, "both", None, [("day", "2"), ("week", "8")]));
    }
    if let Some(held) = outcome("Meeting", "Held") {
        forms.push(activity("Meetings held on new deals", held, "leads", sales, [("week", "1"), ("", "")]));
    }
    if let Some(qualified) = outcome("Qualification", "Qualified") {
        forms.push(activity("Prospects qualified", qualified, "prospects", None, [("month", "3"), ("", "")]));
    }
    let rep_ids: Vec<String> = reps.iter().map(ToString::to_string).collect();
    for form in forms {
        let id = editor::create(cx, admin, &form)?;
        assignments::assign_users(cx, admin, id, &rep_ids)?;
        // The senior rep carries a bigger revenue number than the others.
        if let (Some(senior), "Revenue") = (reps.first(), form.name.as_str()) {
            let own = PeriodTargetsForm {
                target_year: Some("180000".into()),
                target_quarter: Some("48000".into()),
                ..PeriodTargetsForm::default()
            };
            holder_targets::set(cx, admin, id, *senior, &own)?;
            // Team Nord carries a number of its own.
            if let Some(nord) = crate::store::teams::find_by_name(cx.conn, account.id, "Nord")? {
                let team = PeriodTargetsForm {
                    target_year: Some("450000".into()),
                    target_quarter: Some("120000".into()),
                    ..PeriodTargetsForm::default()
                };
                crate::app::objectives::team_objectives::assign(cx, admin, id, &nord.id.to_string(), &team)?;
            }
        }
    }
    Ok(())
}
