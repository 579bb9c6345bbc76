//! Reading and writing the test's database directly: counts, raw statements, `verify`.

use diesel::RunQueryDsl;

use super::TestApp;

impl TestApp {
    /// Whether the database refuses the statement.
    pub fn execute_fails(&self, sql: &str) -> bool {
        diesel::sql_query(sql).execute(&mut *self.conn()).is_err()
    }

    pub fn execute(&self, sql: &str) {
        diesel::sql_query(sql).execute(&mut *self.conn()).expect("statement ran");
    }
    /// Recomputes every bucket; returns the number of differences.
    pub fn differences(&self) -> usize {
        sales_objectives::store::buckets::verify(&mut self.conn(), None).expect("verify").differences.len()
    }

    pub fn count(&self, sql_table: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query(format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {sql_table}"))
            .get_result::<Count>(&mut *self.conn())
            .expect("count")
            .n
    }
}
