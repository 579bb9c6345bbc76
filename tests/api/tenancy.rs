use chrono::Utc;
use sales_objectives::domain::role::Role;
use sales_objectives::store::teams::{self, NewMembership, NewTeam};

use crate::helpers::{TestApp, texts};

/// Two accounts, each with a team and a rep.
fn two_accounts(app: &TestApp) -> (sales_objectives::store::users::UserRow, sales_objectives::store::users::UserRow) {
    let acme_admin = app.create_account("Acme", "admin@acme.example");
    let globex_admin = app.create_account("Globex", "admin@globex.example");
    for (account, admin, rep_email, rep_name, team) in [
        ("Acme", &acme_admin, "rep@acme.example", "Alice Acme", "Acme Hunters"),
        ("Globex", &globex_admin, "rep@globex.example", "Gary Globex", "Globex Farmers"),
    ] {
        let rep = app.create_user(account, rep_email, rep_name, Role::Rep);
        let mut conn = app.conn();
        let team = teams::insert(
            &mut conn,
            &NewTeam { account_id: admin.account_id, name: team, created_at: Utc::now().naive_utc() },
        )
        .expect("team");
        teams::add_member(
            &mut conn,
            &NewMembership { account_id: admin.account_id, team_id: team.id, user_id: rep.id, is_manager: false },
            chrono::Utc::now().naive_utc(),
        )
        .expect("member");
    }
    (acme_admin, globex_admin)
}

#[tokio::test]
async fn an_admin_sees_only_their_own_accounts_users_and_teams() {
    let app = TestApp::spawn().await;
    let (_, globex_admin) = two_accounts(&app);
    app.login_as(&globex_admin).await;

    let licences = app.get("/admin/licences").await.text().await.expect("body");
    let users_page = app.get("/admin/users").await.text().await.expect("body");
    let control_panel = app.get("/control-panel").await.text().await.expect("body");

    for page in [&licences, &users_page, &control_panel] {
        assert!(!page.contains("Acme"), "nothing of Acme shows");
    }
    let users = texts(&users_page, "tbody tr td:first-child");
    assert_eq!(users, ["Admin Person", "Gary Globex"]);
    assert_eq!(texts(&control_panel, ".teams h3"), ["Globex Farmers"]);
    assert!(texts(&licences, ".big-figure")[0].starts_with("2 of 10"));
}

#[tokio::test]
async fn a_membership_across_two_accounts_is_impossible() {
    let app = TestApp::spawn().await;
    let (acme_admin, globex_admin) = two_accounts(&app);
    let mut conn = app.conn();
    let globex_team = teams::list(&mut conn, globex_admin.account_id).expect("teams").remove(0);

    // An Acme user in a Globex team, whichever account id is claimed.
    for account_id in [acme_admin.account_id, globex_admin.account_id] {
        let refused = teams::add_member(
            &mut conn,
            &NewMembership { account_id, team_id: globex_team.id, user_id: acme_admin.id, is_manager: false },
            chrono::Utc::now().naive_utc(),
        );
        assert!(refused.is_err(), "the database refuses the membership");
    }
}
