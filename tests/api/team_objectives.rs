//! Team objectives: a team holds an objective against its own target; its figure is its
//! members' counted work while they were members, and the dashboard flags when the own
//! targets of its members do not add up to the team's.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use sales_objectives::app::admin::teams::{self, TeamChange};
use sales_objectives::app::objectives::period_targets::PeriodTargetsForm;
use sales_objectives::app::objectives::team_objectives;
use sales_objectives::domain::ids::{ObjectiveId, TeamId};
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp, input_value, texts};

const STATS: &str = "/statistics/sales-objectives";

fn at(instant: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(instant).expect("an RFC 3339 instant").with_timezone(&Utc)
}

struct World {
    admin: UserRow,
    manager: UserRow,
    reps: Vec<UserRow>,
    id: ObjectiveId,
    nord: TeamId,
}

/// "Calls", 20 a week, held by Rita and Remo; team Nord (Rita and Remo since 1 Nov 2026)
/// holds it against 50 a week.
async fn world(app: &TestApp, team_target: &str) -> World {
    let acme = app.acme().with_manager().with_reps(3).build();
    let (admin, manager, reps) = (acme.admin.clone(), acme.manager().clone(), acme.reps.clone());
    let id = ObjectiveBuilder::calls(app, &manager, "Calls")
        .targets(&[("week", "20")])
        .held_by(&[&reps[0], &reps[1]])
        .created_at(at("2026-11-01T10:00:00Z"))
        .create(app, &manager);
    app.run_as(&admin, |cx, actor| teams::create(cx, actor, "Nord"));
    let nord = sales_objectives::store::teams::find_by_name(&mut app.conn(), admin.account_id, "Nord")
        .expect("read")
        .expect("Nord")
        .id;
    for rep in &reps[..2] {
        join(app, &admin, nord, rep, "2026-11-01T08:00:00Z");
    }
    let form = weekly(team_target);
    app.run_as_at(&manager, at("2026-11-02T08:00:00Z"), |cx, actor| {
        team_objectives::assign(cx, actor, id, &nord.to_string(), &form)
    });
    app.login_as(&manager).await;
    World { admin, manager, reps, id, nord }
}

fn weekly(target: &str) -> PeriodTargetsForm {
    PeriodTargetsForm { target_week: Some(target.to_owned()), ..PeriodTargetsForm::default() }
}

fn join(app: &TestApp, admin: &UserRow, team: TeamId, who: &UserRow, when: &str) {
    let id = who.id.to_string();
    app.run_as_at(admin, at(when), |cx, actor| teams::change(cx, actor, team, TeamChange::AddMember(&id)));
}

fn leave(app: &TestApp, admin: &UserRow, team: TeamId, who: &UserRow, when: &str) {
    app.run_as_at(admin, at(when), |cx, actor| teams::change(cx, actor, team, TeamChange::RemoveMember(who.id)));
}

fn calls(app: &TestApp, who: &UserRow, per_day: usize, days: &[&str]) {
    let prospect = app.prospect_of(who, &format!("Prospect of {}", who.name));
    for day in days {
        for n in 0..per_day {
            app.log_as(who, &prospect, "Call", "Reached", &format!("{day}T{:02}:{:02}", 15 + n / 30, 2 * (n % 30)));
        }
    }
}

/// The team's row of the CSV for the week holding `date`: (achieved, target, whose).
async fn team_row(app: &TestApp, team: &str, date: &str) -> Option<(String, String, String)> {
    let csv = app.get(&format!("{STATS}.csv?type=activity&period=week&date={date}")).await.text().await.expect("csv");
    csv.lines()
        .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
        .find(|r| r[0].is_empty() && r[1] == team)
        .map(|r| (r[7].clone(), r[8].clone(), r[17].clone()))
}

#[tokio::test]
async fn a_team_counts_its_members_work_while_they_are_members() {
    let app = TestApp::spawn().await;
    let w = world(&app, "50").await;
    let (rita, rosa) = (&w.reps[0], &w.reps[2]);
    let week = ["2026-11-16", "2026-11-18", "2026-11-20"];
    calls(&app, rita, 10, &week);
    calls(&app, rosa, 5, &week);
    // Rosa joins on Wednesday, Rita leaves on Thursday (mornings, in Rome).
    join(&app, &w.admin, w.nord, rosa, "2026-11-18T08:00:00Z");
    leave(&app, &w.admin, w.nord, rita, "2026-11-19T08:00:00Z");

    // Rita's Monday and Wednesday (20), Rosa's Wednesday and Friday (10).
    assert_eq!(team_row(&app, "Nord", "2026-11-18").await, Some(("30".into(), "50".into(), "team".into())));
    // The week before, only Rita and Remo were in it, and nobody called.
    assert_eq!(team_row(&app, "Nord", "2026-11-11").await, Some(("0".into(), "50".into(), "team".into())));
    // Rita's own row is untouched by the move.
    let csv =
        app.get(&format!("{STATS}.csv?type=activity&period=week&date=2026-11-18")).await.text().await.expect("csv");
    assert!(csv.lines().any(|l| l.starts_with(&format!("{},", rita.email)) && l.split(',').nth(7) == Some("30")));
}

#[tokio::test]
async fn the_dashboard_flags_members_targets_that_do_not_add_up_to_the_teams() {
    let app = TestApp::spawn().await;
    let w = world(&app, "50").await;
    let page = app.get(&format!("{STATS}?type=activity&period=week")).await.text().await.expect("dashboard");
    let teams = texts(&page, ".team-table tbody tr");
    assert_eq!(teams.len(), 1, "{teams:?}");
    assert!(teams[0].contains("Nord") && teams[0].contains("Members' targets: 40 of 50"), "{teams:?}");

    // 20 + 20 = 40: no flag once the team's target matches.
    let form = weekly("40");
    app.run_as(&w.manager, |cx, actor| team_objectives::set_targets(cx, actor, w.id, w.nord, &form));
    let page = app.get(&format!("{STATS}?type=activity&period=week")).await.text().await.expect("dashboard");
    let teams = texts(&page, ".team-table tbody tr");
    assert!(teams[0].contains("/ 40") && !teams[0].contains("Members' targets"), "{teams:?}");

    // A rep sees no team rows.
    let mut rep = app.another_browser();
    rep.login_as(&w.reps[0]).await;
    let page = rep.get(&format!("{STATS}?type=activity&period=week")).await.text().await.expect("dashboard");
    assert!(texts(&page, ".team-table").is_empty());
    rep.new_browser();
}

#[tokio::test]
async fn giving_an_objective_to_a_team_refuses_what_cannot_be_and_keeps_the_form() {
    let app = TestApp::spawn().await;
    let w = world(&app, "50").await;
    app.run_as(&w.admin, |cx, actor| teams::create(cx, actor, "Empty"));
    let empty = sales_objectives::store::teams::find_by_name(&mut app.conn(), w.admin.account_id, "Empty")
        .expect("read")
        .expect("Empty")
        .id;
    let other = app.create_account("Other", "admin@other.example");
    app.run_as(&other, |cx, actor| teams::create(cx, actor, "Theirs"));
    let theirs = sales_objectives::store::teams::find_by_name(&mut app.conn(), other.account_id, "Theirs")
        .expect("read")
        .expect("Theirs")
        .id;
    let url = format!("/control-panel/sales-objectives/{}/teams", w.id);
    for (team, target, field, message) in [
        (empty.to_string(), "30", "team-holder-error", "has no members"),
        (w.nord.to_string(), "30", "team-holder-error", "already holds"),
        (theirs.to_string(), "30", "team-holder-error", "account's teams"),
        (empty.to_string(), "-4", "team-target_week-error", "more than zero"),
        (empty.to_string(), "", "team-target_week-error", "Enter the target"),
    ] {
        let refused = app.submit(&url, &[("team_id", &team), ("target_week", target)]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{team} {target}");
        let html = refused.text().await.expect("page");
        let said = texts(&html, &format!("#{field}"));
        assert!(said.len() == 1 && said[0].contains(message), "{team} {target}: {said:?}");
        assert_eq!(input_value(&html, "target_week").as_deref(), Some(target), "kept");
    }
    let refused =
        app.submit(&url, &[("team_id", &w.nord.to_string()), ("target_week", "30"), ("target_month", "90")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("team_assignments"), 1, "only Nord's");

    // Taken back after a confirmation: its targets go, the members' figures stay.
    let removal = format!("/control-panel/sales-objectives/{}/teams/{}/delete", w.id, w.nord);
    assert_eq!(app.get(&removal).await.status(), StatusCode::OK);
    assert_eq!(app.submit(&removal, &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!((app.count("team_assignments"), app.count("team_targets")), (0, 0));
    assert_eq!(app.get(&removal).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_team_target_changes_from_the_current_week_and_a_deleted_team_takes_its_objectives() {
    let app = TestApp::spawn().await;
    let w = world(&app, "50").await;
    let form = weekly("60");
    app.run_as_at(&w.manager, at("2026-11-25T10:00:00Z"), |cx, actor| {
        team_objectives::set_targets(cx, actor, w.id, w.nord, &form)
    });
    assert_eq!(team_row(&app, "Nord", "2026-11-18").await.map(|r| r.1), Some("50".into()), "a closed week keeps it");
    assert_eq!(team_row(&app, "Nord", "2026-11-25").await.map(|r| r.1), Some("60".into()));
    let page = format!("/control-panel/sales-objectives/{}/teams/{}", w.id, w.nord);
    let html = app.get(&page).await.text().await.expect("team page");
    assert_eq!(input_value(&html, "target_week").as_deref(), Some("60"));

    app.run_as(&w.admin, |cx, actor| teams::change(cx, actor, w.nord, TeamChange::Delete));
    assert_eq!((app.count("team_assignments"), app.count("team_targets"), app.count("team_spells")), (0, 0, 0));
    assert_eq!(team_row(&app, "Nord", "2026-11-25").await, None);
}
