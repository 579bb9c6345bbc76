use std::io::Write;
use std::process::Output;

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sales_objectives::domain::account::Locale;
use sales_objectives::domain::role::Role;

use crate::cli::{Cli, stdout};
use crate::helpers::{TestApp, texts};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A CLI with an account "Acme", a rep, and a second pipeline.
fn acme() -> Cli {
    let cli = Cli::new();
    assert!(cli.create_account("Acme", "admin@acme.example").status.success());
    let created = cli.run(&[
        "create-user",
        "--account",
        "Acme",
        "--email",
        "rep@acme.example",
        "--name",
        "Rita Rep",
        "--password",
        "a good password",
    ]);
    assert!(created.status.success());
    cli
}

fn csv_file(contents: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("temporary file");
    file.write_all(contents.as_bytes()).expect("written");
    file
}

fn import(cli: &Cli, what: &str, contents: &str) -> Output {
    let file = csv_file(contents);
    cli.run(&["import", what, "--account", "Acme", file.path().to_str().expect("UTF-8 path")])
}

const HEADER: &str = "user_email,action,outcome,subject,subject_name,pipeline,occurred_at\n";

#[test]
fn activities_import_creates_subjects_and_verify_finds_no_difference() {
    let cli = acme();
    let csv = format!(
        "{HEADER}rep@acme.example,Call,Reached,prospect,Ottica Vitale,,2026-11-10 09:30\n\
         rep@acme.example,Call,Voicemail,prospect,Ottica Vitale,,2026-11-10T10:00:00+01:00\n\
         rep@acme.example,Meeting,Held,lead,Cantina Moretti,Sales,2026-11-12 15:00\n"
    );

    let output = import(&cli, "activities", &csv);

    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("imported 3 activities lines"), "{}", stdout(&output));
    assert!(stdout(&output).contains("1 leads and 1 prospects created"));
    let verify = cli.run(&["verify", "--account", "Acme"]);
    assert!(verify.status.success());
    assert_eq!(stdout(&verify).lines().last(), Some("verified: 3 activities, 0 won leads, 0 differences"));
}

#[test]
fn one_bad_line_among_many_writes_nothing_and_every_bad_line_is_reported() {
    let cli = acme();
    let mut csv = HEADER.to_owned();
    for i in 0..200 {
        csv.push_str(&format!("rep@acme.example,Call,Reached,prospect,Prospect {i},,2026-11-10 09:30\n"));
    }
    csv.push_str("rep@acme.example,Call,Held,prospect,X,,2026-11-10 09:30\n");
    csv.push_str("nobody@acme.example,Call,Reached,prospect,X,,2026-11-10 09:30\n");
    csv.push_str("rep@acme.example,Call,Reached,prospect,X,,2026-03-29 02:30\n");
    csv.push_str("rep@acme.example,Call,Reached,lead,X,,2026-11-10 09:30\n");

    let output = import(&cli, "activities", &csv);

    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("line 202: the action has no result “Held”"), "{errors}");
    assert!(errors.contains("line 203: no user of the account has the e-mail “nobody@acme.example”"));
    assert!(errors.contains("line 204: 2026-03-29 02:30 does not exist in Europe/Rome"));
    assert!(errors.contains("line 205: a lead needs its pipeline"));
    let verify = cli.run(&["verify"]);
    assert_eq!(stdout(&verify).lines().last(), Some("verified: 0 activities, 0 won leads, 0 differences"));
}

#[test]
fn an_ambiguous_local_time_is_refused() {
    let cli = acme();
    let output =
        import(&cli, "activities", &format!("{HEADER}rep@acme.example,Call,Reached,prospect,X,,2026-10-25 02:30\n"));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 2: 2026-10-25 02:30 happens twice in Europe/Rome"), "{}", stderr(&output));
}

#[test]
fn a_wrong_header_is_refused() {
    let cli = acme();
    let output = import(&cli, "activities", "email,action\nrep@acme.example,Call\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("line 1: the header must be user_email,action,"));
}

#[test]
fn leads_import_credits_wins_and_refuses_another_currency() {
    let cli = acme();
    let header = "title,owner_email,pipeline,status,amount,currency,closed_at\n";
    let refused = import(
        &cli,
        "leads",
        &format!(
            "{header}Deal A,rep@acme.example,Sales,won,1000,EUR,2026-11-10 10:00\nDeal B,rep@acme.example,Sales,won,500,USD,2026-11-11 10:00\nDeal C,rep@acme.example,Sales,won,,,2026-11-11 10:00\n"
        ),
    );
    assert_eq!(refused.status.code(), Some(1));
    let errors = stderr(&refused);
    assert!(errors.contains("line 3: the currency USD is not the account's (EUR)"), "{errors}");
    assert!(errors.contains("line 4: a won lead needs an amount"));

    let output = import(
        &cli,
        "leads",
        &format!(
            "{header}Deal A,rep@acme.example,Sales,won,1000.50,,2026-11-10 10:00\nDeal D,rep@acme.example,Sales,todo,300,eur,\n"
        ),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let verify = cli.run(&["verify"]);
    assert_eq!(stdout(&verify).lines().last(), Some("verified: 0 activities, 1 won leads, 0 differences"));
}

#[test]
fn verify_of_an_unknown_account_is_an_error() {
    let cli = acme();
    let output = cli.run(&["verify", "--account", "Nobody"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output).trim(), "error: no account is named `Nobody`");
}

#[tokio::test]
async fn verify_reports_a_tampered_bucket_and_exits_1() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let prospect = app.new_prospect(&admin, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&admin, "Call", "Reached");
    app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[]).await;
    assert_eq!(app.differences(), 0);

    app.execute("UPDATE activity_buckets SET count = count + 1 WHERE grain = 'month'");

    let verification = sales_objectives::store::buckets::verify(&mut app.conn(), None).expect("verify");
    assert_eq!((verification.activities, verification.differences.len()), (1, 1));
}

#[tokio::test]
async fn an_admin_imports_activities_in_the_browser_and_reads_the_report() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&admin).await;
    let token = app.csrf_token("/").await;
    let upload = |csv: String| {
        // As the page's form sends it: the token first, then the file.
        let form = Form::new()
            .text("csrf_token", token.clone())
            .part("file", Part::bytes(csv.into_bytes()).file_name("activities.csv"));
        app.client.post(app.url("/control-panel/import/activities")).multipart(form).send()
    };

    let refused = upload(format!("{HEADER}rep@acme.example,Call,Reached,prospect,X,,2026-11-10 09:30\nrep@acme.example,Call,Nope,prospect,X,,2026-11-10 09:30\n"))
        .await
        .expect("sent");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&refused.text().await.expect("body"), ".report li"), ["Line 3: the action has no result “Nope”"]);
    assert_eq!(app.count("activities"), 0);

    let accepted =
        upload(format!("{HEADER}rep@acme.example,Call,Reached,prospect,X,,2026-11-10 09:30\n")).await.expect("sent");
    assert_eq!(accepted.status(), StatusCode::OK);
    assert!(
        texts(&accepted.text().await.expect("body"), "[role=status]")[0].starts_with("Imported 1 activities lines")
    );
    assert_eq!((app.count("activities"), app.differences()), (1, 0));
}

#[tokio::test]
async fn an_italian_admin_reads_the_import_report_in_italian() {
    let app = TestApp::spawn().await;
    let admin = app.create_account_in("Acme", "admin@acme.example", Locale::It);
    app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&admin).await;
    let token = app.csrf_token("/").await;
    let upload = |csv: String| {
        // As the page's form sends it: the token first, then the file.
        let form = Form::new()
            .text("csrf_token", token.clone())
            .part("file", Part::bytes(csv.into_bytes()).file_name("activities.csv"));
        app.client.post(app.url("/control-panel/import/activities")).multipart(form).send()
    };

    let refused =
        upload(format!("{HEADER}rep@acme.example,Chiamata,Nope,prospect,X,,2026-11-10 09:30\n")).await.expect("sent");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert_eq!(texts(&html, ".report li"), ["Riga 2: l'azione non ha il risultato «Nope»"]);
    assert!(html.contains("<code>user_email,action,outcome,subject,subject_name,pipeline,occurred_at</code>"));

    let empty = upload(String::new()).await.expect("sent");
    assert_eq!(texts(&empty.text().await.expect("body"), ".report li"), ["Scegli un file CSV da importare."]);

    let accepted = upload(format!("{HEADER}rep@acme.example,Chiamata,Raggiunto,prospect,X,,2026-11-10 09:30\n"))
        .await
        .expect("sent");
    assert_eq!(
        texts(&accepted.text().await.expect("body"), "[role=status]"),
        ["Importata 1 riga di attività. Lead creati: 0; prospect creati: 1."]
    );
}

#[tokio::test]
async fn an_upload_without_its_token_is_forbidden_and_a_manager_may_not_import() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let manager = app.create_user("Acme", "manager@acme.example", "Mara Manager", Role::Manager);
    app.login_as(&manager).await;
    let form = || Form::new().part("file", Part::bytes(HEADER.as_bytes().to_vec()).file_name("a.csv"));
    let no_token =
        app.client.post(app.url("/control-panel/import/activities")).multipart(form()).send().await.expect("sent");
    assert_eq!(no_token.status(), StatusCode::FORBIDDEN);
    let token = app.csrf_token("/").await;
    let in_the_query = app
        .client
        .post(app.url(&format!("/control-panel/import/activities?csrf_token={token}")))
        .multipart(form())
        .send()
        .await
        .expect("sent");
    assert_eq!(in_the_query.status(), StatusCode::FORBIDDEN, "a token in the URL is not accepted");
    let manager_upload = app
        .client
        .post(app.url("/control-panel/import/activities"))
        .multipart(form().text("csrf_token", token.clone()))
        .send()
        .await
        .expect("sent");
    assert_eq!(manager_upload.status(), StatusCode::FORBIDDEN);
    let token_first =
        Form::new().text("csrf_token", token).part("file", Part::bytes(HEADER.as_bytes().to_vec()).file_name("a.csv"));
    let manager_upload =
        app.client.post(app.url("/control-panel/import/activities")).multipart(token_first).send().await;
    assert_eq!(manager_upload.expect("sent").status(), StatusCode::FORBIDDEN, "a manager may not import");
}

/// An import writes without SQLite's foreign-key lookups (it resolves every name itself); the
/// connection it used enforces them again afterwards, whether the import succeeded or not.
#[tokio::test]
async fn the_connection_of_an_import_checks_foreign_keys_again_afterwards() {
    use diesel::RunQueryDsl;

    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let account = app.account_of(&admin);
    let orphan = "INSERT INTO teams (account_id, name, created_at) VALUES (999999, 'Nowhere', '2026-11-27 10:00:00')";
    let mut conn = app.conn();
    for (csv, succeeds) in [
        (format!("{HEADER}admin@acme.example,Call,Reached,prospect,X,,2026-11-10 09:30\n"), true),
        (format!("{HEADER}admin@acme.example,Call,Nope,prospect,X,,2026-11-10 09:30\n"), false),
    ] {
        let imported =
            sales_objectives::app::import::import_activities(&mut conn, &account, csv.as_bytes(), chrono::Utc::now());
        assert_eq!(imported.is_ok(), succeeds, "{imported:?}");
        assert!(diesel::sql_query(orphan).execute(&mut *conn).is_err(), "a team of no account is refused");
    }
    drop(conn);
    assert_eq!((app.count("activities"), app.count("teams"), app.differences()), (1, 0, 0));
}

#[tokio::test]
async fn a_line_still_to_come_is_refused_and_nothing_is_imported() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let account = app.account_of(&admin);
    let next_year = (chrono::Utc::now() + chrono::TimeDelta::days(365)).format("%Y-%m-%d 09:30");
    let in_an_hour = (chrono::Utc::now() + chrono::TimeDelta::hours(1)).to_rfc3339();
    let csv = format!(
        "{HEADER}admin@acme.example,Call,Reached,prospect,X,,2026-11-10 09:30\n\
         admin@acme.example,Call,Reached,prospect,X,,{next_year}\n\
         admin@acme.example,Call,Reached,prospect,X,,{in_an_hour}\n"
    );

    let refused =
        sales_objectives::app::import::import_activities(&mut app.conn(), &account, csv.as_bytes(), chrono::Utc::now());

    let Err(sales_objectives::app::import::ImportError::Refused(lines)) = refused else { panic!("{refused:?}") };
    assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), [3, 4], "{lines:?}");
    assert!(lines.iter().all(|l| l.reason.key() == "moment-in-future"), "{lines:?}");
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn every_bad_line_is_reported_in_one_pass_short_lines_and_bad_values_together() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let account = app.account_of(&admin);
    let csv = format!(
        "{HEADER}admin@acme.example,Call,Reached,prospect\n\
         admin@acme.example,Call,Nope,prospect,X,,2026-11-10 09:30\n\
         admin@acme.example,Call,Reached,prospect,X,,2026-11-10 09:30,extra\n"
    );

    let refused =
        sales_objectives::app::import::import_activities(&mut app.conn(), &account, csv.as_bytes(), chrono::Utc::now());

    let Err(sales_objectives::app::import::ImportError::Refused(lines)) = refused else { panic!("{refused:?}") };
    assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), [2, 3, 4], "{lines:?}");
}
