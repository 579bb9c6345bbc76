//! The benchmark's dataset: 100 reps in 5 teams, 3 pipelines, the default actions, 12
//! objectives assigned to every rep, activities and won leads over three years, written
//! the way the app writes them (rows and buckets), in large batches.

use anyhow::Context;
use chrono::{Duration, NaiveDateTime, NaiveTime, Utc};
use sales_objectives::app::objectives::{ObjectiveForm, assignments, editor};
use sales_objectives::app::provision::{self, AccountSpec, UserSpec};
use sales_objectives::app::{Actor, Cx};
use sales_objectives::db::AnyConnection;
use sales_objectives::domain::account::{AccountName, Currency, Locale, TimeZone, WeekStart};
use sales_objectives::domain::edition::Edition;
use sales_objectives::domain::ids::{LeadId, PipelineId, ProspectId, UserId};
use sales_objectives::domain::role::Role;
use sales_objectives::domain::user::{Email, NewPassword, PersonName};
use sales_objectives::password::{PasswordCost, Passwords};
use sales_objectives::store::accounts::{self, AccountRow};
use sales_objectives::store::activities::{self, NewActivity, Subject};
use sales_objectives::store::buckets::{self, ActivityKey};
use sales_objectives::store::leads::{self, LeadData};
use sales_objectives::store::teams::{self, NewMembership, NewTeam};
use sales_objectives::store::{actions, pipelines, prospects};

pub const ACCOUNT: &str = "Bench Spa";
pub const PASSWORD: &str = "bench-password";
pub const REPS: usize = 100;
const DAYS: i64 = 3 * 365;
const BATCH: usize = 50_000;

pub fn rep_email(n: usize) -> String {
    format!("rep{n}@bench.example")
}

pub const MANAGER: &str = "manager@bench.example";

/// A small deterministic generator: the same dataset every run.
pub struct Dice(pub u64);

impl Dice {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        if n == 0 { 0 } else { self.0 % n }
    }
}

pub struct Dataset {
    pub account: AccountRow,
    pub reps: Vec<UserId>,
}

pub fn build(conn: &mut AnyConnection, activities_wanted: u64) -> anyhow::Result<Dataset> {
    let passwords = Passwords::new(PasswordCost::PRODUCTION)?;
    let user = |email: &str, name: &str, role: Role| -> anyhow::Result<UserSpec> {
        Ok(UserSpec {
            email: Email::parse(email)?,
            name: PersonName::parse(name)?,
            role,
            password: NewPassword::parse(PASSWORD)?,
        })
    };
    let spec = AccountSpec {
        name: AccountName::parse(ACCOUNT)?,
        edition: Edition::DreamTeam,
        licences: 200,
        time_zone: TimeZone::parse("Europe/Rome")?,
        week_start: WeekStart::default(),
        currency: Currency::parse("EUR")?,
        locale: Locale::En,
        admin: user("admin@bench.example", "Bench Admin", Role::Admin)?,
    };
    let (account, admin) = provision::create_account(conn, &passwords, &spec).context("creating the account")?;
    provision::create_user(conn, &passwords, ACCOUNT, &user(MANAGER, "Bench Manager", Role::Manager)?)?;
    let now = Utc::now();
    let naive_now = now.naive_utc();
    let mut reps = Vec::with_capacity(REPS);
    let mut team_ids = Vec::new();
    accounts::change(conn, account.id, |conn| -> anyhow::Result<()> {
        for t in 0..5 {
            let name = format!("Team {}", t + 1);
            team_ids
                .push(teams::insert(conn, &NewTeam { account_id: account.id, name: &name, created_at: naive_now })?.id);
        }
        pipelines::insert(conn, account.id, "Renewals", naive_now)?;
        pipelines::insert(conn, account.id, "Partners", naive_now)?;
        Ok(())
    })?;
    for n in 0..REPS {
        let rep = provision::create_user(
            conn,
            &passwords,
            ACCOUNT,
            &user(&rep_email(n), &format!("Rep {n:03}"), Role::Rep)?,
        )?;
        let membership =
            NewMembership { account_id: account.id, team_id: team_ids[n % 5], user_id: rep.id, is_manager: false };
        teams::add_member(conn, &membership, naive_now)?;
        reps.push(rep.id);
    }
    // Set by the account's admin, as through the editor.
    let admin = Actor { user: admin.id, role: admin.role, account: std::sync::Arc::new(account.clone()) };
    // Set when the history begins, as a team that has used them for three years.
    let began = Utc::now() - chrono::Duration::days(DAYS + 1);
    objectives_for(&mut Cx::new(conn, &passwords, began), &admin, &reps)?;
    history(conn, &account, &reps, activities_wanted)?;
    Ok(Dataset { account, reps })
}

/// Twelve objectives covering every period kind, activity and sales, assigned to all.
fn objectives_for(cx: &mut Cx, admin: &Actor, reps: &[UserId]) -> anyhow::Result<()> {
    let catalogue =
        sales_objectives::app::sales_process::actions::list(cx, admin).map_err(|e| anyhow::anyhow!("{e}"))?;
    let outcome_of = |action: &str, outcome: &str| {
        let item = catalogue.iter().find(|a| a.action.name == action)?;
        Some((item.action.id.to_string(), item.outcomes.iter().find(|o| o.name == outcome)?.id.to_string()))
    };
    let activity = |name: &str, action: &str, outcome: &str, context: &str, targets| {
        outcome_of(action, outcome)
            .map(|(action_id, outcome_id)| ObjectiveForm::activity(name, action_id, outcome_id, context, targets))
    };
    let sales = ObjectiveForm::sales;
    let forms = [
        activity("Calls reached", "Call", "Reached", "both", [("day", "10"), ("week", "50")]),
        activity("Voicemails", "Call", "Voicemail", "both", [("week", "30"), ("", "")]),
        activity("E-mails sent", "Email", "Sent", "both", [("day", "20"), ("month", "400")]),
        activity("Replies", "Email", "Replied", "leads", [("month", "40"), ("", "")]),
        activity("Meetings held", "Meeting", "Held", "leads", [("week", "5"), ("quarter", "60")]),
        activity("Video calls", "Video call", "Held", "both", [("month", "10"), ("year", "120")]),
        activity("Qualified", "Qualification", "Qualified", "prospects", [("quarter", "30"), ("year", "120")]),
        activity("Calls reached yearly", "Call", "Reached", "both", [("year", "2500"), ("", "")]),
        Some(sales("Revenue", "revenue", [("year", "500000"), ("quarter", "125000")])),
        Some(sales("Deals won", "won_count", [("month", "4"), ("year", "48")])),
        Some(sales("Monthly revenue", "revenue", [("month", "40000"), ("", "")])),
        Some(sales("Weekly wins", "won_count", [("week", "1"), ("day", "1")])),
    ];
    let ids: Vec<String> = reps.iter().map(ToString::to_string).collect();
    for form in forms.into_iter().flatten() {
        let id = editor::create(cx, admin, &form).map_err(|e| anyhow::anyhow!("{e}"))?;
        assignments::assign_users(cx, admin, id, &ids).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(())
}

/// A rep's prospects, and leads with their pipelines.
type RepSubjects = (Vec<ProspectId>, Vec<(LeadId, PipelineId)>);

/// Activities (and one won lead per hundred) spread over the last three years.
fn history(conn: &mut AnyConnection, account: &AccountRow, reps: &[UserId], wanted: u64) -> anyhow::Result<()> {
    let calendar = account.calendar();
    let today = calendar.local_date(Utc::now());
    let first = today - Duration::days(DAYS);
    let now = Utc::now().naive_utc();
    let pipeline_ids: Vec<PipelineId> = pipelines::list(conn, account.id)?.into_iter().map(|p| p.id).collect();
    let catalogue = actions::list(conn, account.id)?;
    let outcomes: Vec<_> = catalogue.iter().flat_map(|a| a.outcomes.iter().map(move |o| (a.action.id, o.id))).collect();
    // Subjects: 20 prospects and 20 leads per rep.
    let mut subjects: Vec<RepSubjects> = Vec::new();
    accounts::change(conn, account.id, |conn| -> anyhow::Result<()> {
        let prospect_rows: Vec<(UserId, String)> =
            reps.iter().flat_map(|r| (0..20).map(move |i| (*r, format!("Prospect {i}")))).collect();
        prospects::insert_many(conn, account.id, &prospect_rows, now)?;
        let lead_rows: Vec<(UserId, PipelineId, String)> = reps
            .iter()
            .flat_map(|r| {
                (0..20).map(|i| (*r, pipeline_ids[i % pipeline_ids.len()], format!("Lead {i}"))).collect::<Vec<_>>()
            })
            .collect();
        leads::insert_many_open(conn, account.id, &lead_rows, now)?;
        let prospect_ids = prospects::ids_by_owner_and_name(conn, account.id)?;
        let lead_ids = leads::ids_by_owner_and_title(conn, account.id)?;
        for rep in reps {
            let p: Vec<ProspectId> =
                (0..20).filter_map(|i| prospect_ids.get(&(*rep, format!("Prospect {i}"))).copied()).collect();
            let l: Vec<(LeadId, PipelineId)> = (0..20)
                .filter_map(|i| {
                    lead_ids.get(&(*rep, format!("Lead {i}"))).map(|id| (*id, pipeline_ids[i % pipeline_ids.len()]))
                })
                .collect();
            subjects.push((p, l));
        }
        Ok(())
    })?;
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut written = 0u64;
    while written < wanted {
        let batch = BATCH.min((wanted - written) as usize);
        let mut new = Vec::with_capacity(batch);
        let mut wins = Vec::new();
        for _ in 0..batch {
            let rep_index = dice.below(reps.len() as u64) as usize;
            let (action, outcome) = outcomes[dice.below(outcomes.len() as u64) as usize];
            let day = first + Duration::days(dice.below(DAYS as u64 + 1) as i64);
            let minute = 8 * 60 + dice.below(10 * 60) as u32;
            let local =
                NaiveDateTime::new(day, NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or_default());
            let Ok(at) = calendar.local_to_utc(local) else { continue };
            let (prospect_list, lead_list) = &subjects[rep_index];
            let subject = if dice.below(2) == 0 {
                Subject::Prospect(prospect_list[dice.below(prospect_list.len() as u64) as usize])
            } else {
                let (lead, pipeline) = lead_list[dice.below(lead_list.len() as u64) as usize];
                Subject::Lead { lead, pipeline }
            };
            new.push(NewActivity {
                account: account.id,
                user: reps[rep_index],
                action,
                outcome,
                subject,
                occurred_at: at.naive_utc(),
                occurred_on: day,
                note: String::new(),
                created_at: now,
            });
            if dice.below(100) == 0 {
                wins.push((reps[rep_index], pipeline_ids[dice.below(3) as usize], day, at.naive_utc()));
            }
        }
        written += batch as u64;
        accounts::change(conn, account.id, |conn| -> anyhow::Result<()> {
            let keys = activities::insert_many(conn, &new)?;
            let counts: Vec<(ActivityKey, i64)> = keys.into_iter().map(|k| (k, 1)).collect();
            buckets::add_activities(conn, &counts)?;
            for (n, (owner, pipeline, day, at)) in wins.iter().enumerate() {
                let data = LeadData {
                    pipeline_id: *pipeline,
                    owner_id: *owner,
                    title: format!("Won {written}-{n}"),
                    amount_cents: Some((1_000 + (n as i64 * 37) % 20_000) * 100),
                    status: sales_objectives::domain::recording::LeadStatus::Won,
                    closed_at: Some(*at),
                    closed_on: Some(*day),
                    won_by_id: Some(*owner),
                    estimated_closing_date: None,
                    probability: None,
                };
                leads::insert(conn, account.id, &data, now)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}
