//! On SQLite the server's own thread copies the write-ahead log back into the database
//! file soon after a commit (the writers never do): what is written reaches the file
//! itself within moments, and the log does not grow for ever.

use std::time::{Duration, Instant};

use diesel::{Connection, RunQueryDsl, SqliteConnection};

use crate::helpers::TestApp;

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// The activities in the database file alone, as if its log were not there.
fn in_the_file(path: &str) -> i64 {
    let mut conn = SqliteConnection::establish(&format!("file:{path}?immutable=1")).expect("the file opens");
    diesel::sql_query("SELECT COUNT(*) AS n FROM activities").get_result::<Count>(&mut conn).map_or(0, |c| c.n)
}

#[tokio::test]
async fn what_is_written_reaches_the_database_file_soon_after_its_commit() {
    let app = TestApp::spawn().await;
    if app.on_postgres() {
        return;
    }
    let acme = app.acme().with_reps(1).build();
    let rita = &acme.reps[0];
    let prospect = app.prospect_of(rita, "Initech");
    for minute in 0..3 {
        app.log_as(rita, &prospect, "Call", "Reached", &format!("2026-11-30 09:0{minute}"));
    }
    assert_eq!(app.count("activities"), 3);
    let path = app.database_path();
    let started = Instant::now();
    while in_the_file(&path) < 3 && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(in_the_file(&path), 3, "checkpointed within moments of the commit");
}
