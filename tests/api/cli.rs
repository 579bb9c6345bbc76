use std::process::{Command, Output};

use sales_objectives::db::{DatabaseUrl, Scratch};

use crate::helpers::fresh_database;

/// The command line against its own fresh database.
pub struct Cli {
    database_url: DatabaseUrl,
    _database: Scratch,
}

impl Cli {
    pub fn new() -> Self {
        let (database_url, database) = fresh_database();
        Self { database_url, _database: database }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_url(self.database_url.as_str(), args)
    }

    fn run_with_url(&self, url: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sales-objectives"))
            .args(args)
            .env("DATABASE_URL", url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("the binary runs")
    }

    pub fn create_account(&self, name: &str, email: &str) -> Output {
        self.run(&["create-account", "--name", name, "--admin-email", email, "--admin-password", "a good password"])
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The error, checked to be one line and a failure.
fn one_line_error(output: &Output) -> String {
    assert!(!output.status.success(), "the command should fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line of error, got: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    lines[0].to_owned()
}

#[test]
fn create_account_then_create_user_succeed() {
    let cli = Cli::new();
    let output = cli.create_account("Acme", "Admin@Acme.example");
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).contains("admin@acme.example"));

    let output = cli.run(&[
        "create-user",
        "--account",
        "Acme",
        "--email",
        "rep@acme.example",
        "--name",
        "Rita Rep",
        "--role",
        "rep",
        "--password",
        "another password",
    ]);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).contains("rep@acme.example"));
}

#[test]
fn wrong_arguments_give_one_line_and_exit_code_2() {
    let cli = Cli::new();
    let output = cli.run(&["create-account", "--name", "Acme"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line_error(&output).contains("--admin-email"));
    let output = cli.run(&["no-such-command"]);
    assert_eq!(output.status.code(), Some(2));
    one_line_error(&output);
}

#[test]
fn an_unknown_account_is_an_error() {
    let cli = Cli::new();
    let output = cli.run(&[
        "create-user",
        "--account",
        "Nobody Inc",
        "--email",
        "x@nobody.example",
        "--name",
        "X",
        "--password",
        "a good password",
    ]);
    assert_eq!(one_line_error(&output), "error: no account is named `Nobody Inc`");
}

#[test]
fn a_duplicate_email_is_an_error_and_writes_nothing() {
    let cli = Cli::new();
    assert!(cli.create_account("Acme", "admin@acme.example").status.success());
    let user = [
        "create-user",
        "--account",
        "Acme",
        "--email",
        "rep@acme.example",
        "--name",
        "Rita",
        "--password",
        "a good password",
    ];
    assert!(cli.run(&user).status.success());

    let again = [
        "create-user",
        "--account",
        "Acme",
        "--email",
        "REP@acme.example",
        "--name",
        "Rita",
        "--password",
        "a good password",
    ];
    let output = cli.run(&again);

    assert!(one_line_error(&output).contains("already used"));
    // An e-mail is unique within its account only: another account may have it too.
    assert!(cli.create_account("Globex", "rep@acme.example").status.success());
}

#[test]
fn a_duplicate_account_name_is_an_error() {
    let cli = Cli::new();
    assert!(cli.create_account("Acme", "admin@acme.example").status.success());
    let output = cli.create_account("Acme", "other@acme.example");
    assert!(one_line_error(&output).contains("already exists"));
}

#[test]
fn an_invalid_time_zone_is_an_error() {
    let cli = Cli::new();
    let output = cli.run(&[
        "create-account",
        "--name",
        "Acme",
        "--admin-email",
        "admin@acme.example",
        "--admin-password",
        "a good password",
        "--time-zone",
        "Mars/Olympus",
    ]);
    assert!(one_line_error(&output).contains("IANA time zone"));
}

#[test]
fn more_licences_than_the_edition_allows_is_an_error() {
    let cli = Cli::new();
    let output = cli.run(&[
        "create-account",
        "--name",
        "Solo",
        "--admin-email",
        "solo@solo.example",
        "--admin-password",
        "a good password",
        "--edition",
        "solopreneur",
        "--licences",
        "4",
    ]);
    assert!(one_line_error(&output).contains("at most 3 licences"));
}

#[test]
fn a_bad_database_url_is_an_error() {
    let cli = Cli::new();
    let output = cli.run_with_url("mysql://root@localhost/app", &["migrate"]);
    assert!(one_line_error(&output).contains("not supported"));
    let output = cli.run_with_url("/no/such/directory/app.db", &["migrate"]);
    one_line_error(&output);
}

#[test]
fn migrate_succeeds_twice() {
    let cli = Cli::new();
    assert!(cli.run(&["migrate"]).status.success());
    assert!(cli.run(&["migrate"]).status.success());
}

#[test]
fn demo_loads_the_demo_account_once_and_prints_its_logins() {
    let cli = Cli::new();
    let output = cli.run(&["demo", "--password", "demo password"]);
    assert!(output.status.success(), "{output:?}");
    let printed = stdout(&output);
    assert!(printed.contains("giulia.ferri@demo-srl.example") && printed.contains("demo password"));
    assert_eq!(printed.matches("@demo-srl.example").count(), 8, "an admin, a manager and six reps");

    let again = cli.run(&["demo"]);
    assert!(one_line_error(&again).contains("already exists"));
}
