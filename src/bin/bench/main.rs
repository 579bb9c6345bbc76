//! The benchmark: builds a dataset, starts the real server in a child process, measures
//! the statistics over HTTP against the naive way, checks that the cost stays flat when the
//! history grows a hundredfold, measures ingest under 32 concurrent clients (pages and JSON
//! API), API batches and results, the CSV import, and reports the server's peak memory. See BENCHMARKS.md.
//!
//! `cargo run --release --bin bench -- [--activities N] [--quick]`

mod api;
mod client;
mod dataset;
mod rebuild;

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use clap::Parser;
use diesel::prelude::*;
use sales_objectives::config::Config;
use sales_objectives::db::schema::activities;
use sales_objectives::db::{self, DatabaseUrl, Pool, Scratch};
use sales_objectives::domain::period::PeriodKind;
use sales_objectives::startup::Application;
use sales_objectives::store::{accounts, actions, buckets, leads, prospects, users};

use client::Session;

#[derive(Parser)]
#[command(name = "bench", about = "Measures statistics, ingest and import of Sales Objectives")]
struct Args {
    /// Activities in the large dataset.
    #[arg(long, default_value_t = 5_000_000)]
    activities: u64,
    /// A small dataset and short runs: proves the benchmark works, in well under a minute.
    #[arg(long)]
    quick: bool,
    /// Runs only the server (the benchmark starts itself this way as its child).
    #[arg(long, hide = true)]
    serve: Option<String>,
}

struct Plan {
    activities: u64,
    requests: usize,
    ingest_seconds: f64,
    throughput_seconds: f64,
    import_lines: usize,
    /// Batches of 5,000 activities posted to the API.
    api_batches: usize,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(bind) = args.serve {
        return serve(&bind);
    }
    let plan = if args.quick {
        Plan {
            activities: 20_000,
            requests: 20,
            ingest_seconds: 2.0,
            throughput_seconds: 1.0,
            import_lines: 5_000,
            api_batches: 2,
        }
    } else {
        Plan {
            activities: args.activities,
            requests: 200,
            ingest_seconds: 10.0,
            throughput_seconds: 5.0,
            import_lines: 100_000,
            api_batches: 20,
        }
    };
    run(&plan)
}

/// The child process: the real application on `bind`, configured from the environment.
fn serve(bind: &str) -> anyhow::Result<()> {
    let config = Config::from_env(Some(bind))?;
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(config)?;
        app.run_until_stopped().await?;
        anyhow::Ok(())
    })
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(url: &DatabaseUrl) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let bind = format!("127.0.0.1:{port}");
        let child = Command::new(std::env::current_exe()?)
            .args(["--serve", &bind])
            .env("DATABASE_URL", url.as_str())
            .env("SESSION_KEY", "b".repeat(64))
            .env("RUST_LOG", "error")
            .env("DB_POOL_SIZE", "8")
            .env("API_RATE_LIMIT", "1000000")
            .stdout(Stdio::null())
            .spawn()?;
        let server = Server { child, base: format!("http://{bind}") };
        let started = Instant::now();
        while std::net::TcpStream::connect(&bind).is_err() {
            anyhow::ensure!(started.elapsed() < Duration::from_secs(30), "the server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(server)
    }

    /// The child's peak resident memory, in MiB.
    /// CPU seconds the server has used so far (user and system), read from `/proc`: a cost per
    /// request that the load of the other core does not blur as much as a rate.
    fn cpu_seconds(&self) -> f64 {
        let ticks_per_second = 100.0; // USER_HZ, fixed at 100 on Linux
        std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()))
            .ok()
            .and_then(|stat| {
                // The fields after the command name, which is in parentheses and may hold spaces.
                let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
                let user: f64 = fields.get(11)?.parse().ok()?;
                let system: f64 = fields.get(12)?.parse().ok()?;
                Some((user + system) / ticks_per_second)
            })
            .unwrap_or(0.0)
    }

    fn peak_rss_mib(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
                line.split_whitespace().nth(1)?.parse::<f64>().ok()
            })
            .map_or(0.0, |kib| kib / 1024.0)
    }
}

fn percentile(times: &[f64], p: f64) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// A fresh database, removed when the benchmark is done with it (a run at full size leaves
/// gigabytes behind otherwise): a SQLite file in a temporary directory, or (DATABASE_URL)
/// PostgreSQL.
fn fresh_database(name: &str) -> anyhow::Result<(DatabaseUrl, Scratch)> {
    if let Ok(server) = std::env::var("DATABASE_URL") {
        let url = DatabaseUrl::parse(&server).map_err(anyhow::Error::msg)?;
        if url.backend() == db::Backend::Postgres {
            return Scratch::postgres(&server, &format!("so_bench_{name}_{}", std::process::id()));
        }
    }
    Scratch::sqlite(&format!("so-bench-{name}-"))
}

struct Built {
    url: DatabaseUrl,
    pool: Pool,
    dataset: dataset::Dataset,
    seconds: f64,
    // Last, so that the pool is closed before the database goes.
    _database: Scratch,
}

impl Built {
    /// An empty write to the account, counted in its revision like any change: the server's
    /// kept statistics pages of the account are stale after it.
    fn change_account(&self) -> anyhow::Result<()> {
        accounts::change(&mut *self.pool.get()?, self.dataset.account.id, |_| Ok::<_, anyhow::Error>(()))?;
        Ok(())
    }
}

fn build(name: &str, activities: u64) -> anyhow::Result<Built> {
    let (url, database) = fresh_database(name)?;
    let pool = db::connect(&url, &db::PoolSettings { size: 4, ..db::PoolSettings::default() })?;
    let started = Instant::now();
    let dataset = dataset::build(&mut *pool.get()?, activities)?;
    Ok(Built { url, pool, dataset, seconds: started.elapsed().as_secs_f64(), _database: database })
}

fn stats_path(kind: &str, period: PeriodKind) -> String {
    format!("/statistics/sales-objectives?type={kind}&period={}", period.as_str())
}

/// How the timed statistics requests meet the pages the server keeps rendered.
#[derive(Clone, Copy)]
enum Views<'a> {
    /// Each request asks another day (today, the day before, …): the period is mostly the
    /// same, but every page is computed from the buckets.
    Computed,
    /// Each request follows a change to the account (not timed): computed, after a write
    /// from another process has made SQLite's page caches stale.
    AfterChange(&'a Built),
    /// The same page again and again (a dashboard is then served from the kept ones).
    Kept,
}

/// Untimed requests before the timed ones: enough for each of the server's pooled
/// connections to have read what the page reads into its own page cache.
const WARM_UP: usize = 40;

/// p50 and p99 of a statistics page (`path` without its date), after warm-up.
async fn stats_times(manager: &Session, path: &str, requests: usize, views: Views<'_>) -> anyhow::Result<(f64, f64)> {
    let today = Utc::now().date_naive();
    let mut times = Vec::with_capacity(requests);
    for n in 0..requests + WARM_UP {
        let date = match views {
            Views::Computed => today - chrono::Duration::days(n as i64),
            Views::AfterChange(built) => {
                built.change_account()?;
                today
            }
            Views::Kept => today,
        };
        let time = manager.time_gets(&format!("{path}&date={date}"), 1).await?;
        if n >= WARM_UP {
            times.extend(time);
        }
    }
    Ok((percentile(&times, 50.0), percentile(&times, 99.0)))
}

/// The yearly figures as a user would compute them without buckets: one aggregate over
/// the raw activities. Milliseconds, p50 of several runs.
fn naive_year_p50(built: &Built, runs: usize) -> anyhow::Result<f64> {
    let calendar = built.dataset.account.calendar();
    let year = calendar.period_containing(PeriodKind::Year, Utc::now());
    let mut conn = built.pool.get()?;
    let mut times = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        let rows: Vec<(i64, i64, i64)> = activities::table
            .filter(activities::account_id.eq(built.dataset.account.id))
            .filter(activities::occurred_on.ge(year.start()))
            .filter(activities::occurred_on.lt(year.end()))
            .group_by((activities::user_id, activities::outcome_id))
            .select((
                activities::user_id,
                activities::outcome_id,
                diesel::dsl::sql::<diesel::sql_types::BigInt>("CAST(COUNT(*) AS BIGINT)"),
            ))
            .load::<(sales_objectives::domain::ids::UserId, sales_objectives::domain::ids::OutcomeId, i64)>(&mut conn)?
            .into_iter()
            .map(|(u, o, n)| (u.0, o.0, n))
            .collect();
        std::hint::black_box(rows);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(percentile(&times, 50.0))
}

struct Ingest {
    per_second: f64,
    p99_ms: f64,
    logged: u64,
}

/// 32 reps logging activities over HTTP at once for `seconds`.
async fn ingest(built: &Built, base: &str, seconds: f64) -> anyhow::Result<Ingest> {
    let account = built.dataset.account.id;
    let mut conn = built.pool.get()?;
    let catalogue = actions::list(&mut conn, account)?;
    let call = catalogue.iter().find(|a| a.action.name == "Call").ok_or_else(|| anyhow::anyhow!("no Call action"))?;
    let (action_id, outcome_id) = (call.action.id.to_string(), call.outcomes[0].id.to_string());
    let subjects = prospects::ids_by_owner_and_name(&mut conn, account)?;
    drop(conn);
    let mut sessions = Vec::new();
    for n in 0..32 {
        let session = Session::sign_in(base, &dataset::rep_email(n), dataset::PASSWORD).await?;
        let prospect = subjects
            .get(&(built.dataset.reps[n], "Prospect 0".to_owned()))
            .ok_or_else(|| anyhow::anyhow!("no prospect for rep {n}"))?;
        sessions.push((session, format!("prospect:{prospect}")));
    }
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for (session, subject) in sessions {
        let (action_id, outcome_id) = (action_id.clone(), outcome_id.clone());
        tasks.push(actix_web::rt::spawn(async move {
            let mut times = Vec::new();
            while Instant::now() < deadline {
                let started = Instant::now();
                let status = session
                    .post(
                        "/activities",
                        &[
                            ("subject", &subject),
                            ("action_id", &action_id),
                            ("outcome_id", &outcome_id),
                            ("occurred_at", ""),
                        ],
                    )
                    .await;
                if matches!(status, Ok(303)) {
                    times.push(started.elapsed().as_secs_f64() * 1000.0);
                }
            }
            times
        }));
    }
    let mut times = Vec::new();
    for task in tasks {
        times.extend(task.await.unwrap_or_default());
    }
    Ok(Ingest {
        per_second: times.len() as f64 / seconds,
        p99_ms: percentile(&times, 99.0),
        logged: times.len() as u64,
    })
}

/// Lines per second of an activity import of `lines` lines: the median of three imports
/// (each of other days, so each writes new buckets), a single one varying too much here.
fn import_rate(built: &Built, lines: usize) -> anyhow::Result<f64> {
    let mut rates = Vec::new();
    for month in 3..6 {
        let mut csv = String::from("user_email,action,outcome,subject,subject_name,pipeline,occurred_at\n");
        let mut dice = dataset::Dice(42 + month);
        for i in 0..lines {
            let rep = dice.below(dataset::REPS as u64) as usize;
            let day = 1 + dice.below(28);
            let (subject, pipeline) = if i % 2 == 0 { ("prospect", "") } else { ("lead", "Sales") };
            csv.push_str(&format!(
                "{},Call,Reached,{subject},Imported {},{pipeline},2025-{month:02}-{day:02} 10:{:02}\n",
                dataset::rep_email(rep),
                i % 500,
                i % 60
            ));
        }
        let mut conn = built.pool.get()?;
        let started = Instant::now();
        sales_objectives::app::import::import_activities(&mut conn, &built.dataset.account, csv.as_bytes(), Utc::now())
            .map_err(|e| anyhow::anyhow!("import failed: {e}"))?;
        rates.push(lines as f64 / started.elapsed().as_secs_f64());
    }
    Ok(percentile(&rates, 50.0))
}

/// Milliseconds a rep takes to delete one of their leads, with its activities and what they
/// counted: the write lock is held meanwhile, so every other writer waits as long.
fn lead_delete_ms(built: &Built) -> anyhow::Result<f64> {
    let mut conn = built.pool.get()?;
    let rep = built.dataset.reps[0];
    let rep_row = users::find(&mut conn, rep)?.ok_or_else(|| anyhow::anyhow!("no rep"))?;
    let account = std::sync::Arc::new(built.dataset.account.clone());
    let actor = sales_objectives::app::Actor { user: rep_row.id, role: rep_row.role, account };
    let passwords = sales_objectives::password::Passwords::new(sales_objectives::password::PasswordCost::TESTING)?;
    let lead = leads::ids_by_owner_and_title(&mut conn, built.dataset.account.id)?
        .get(&(rep, "Lead 0".to_owned()))
        .copied()
        .ok_or_else(|| anyhow::anyhow!("no lead 0 for the first rep"))?;
    let started = Instant::now();
    let mut cx = sales_objectives::app::Cx::new(&mut conn, &passwords, chrono::Utc::now());
    sales_objectives::app::recording::leads::delete(&mut cx, &actor, lead)
        .map_err(|e| anyhow::anyhow!("deleting a lead failed: {e}"))?;
    Ok(started.elapsed().as_secs_f64() * 1000.0)
}

/// What is measured against the running servers: (p50, p99) in ms, requests per second.
struct OverHttp {
    /// The yearly page computed, computed after a change to the account, and kept.
    year: (f64, f64),
    year_after_change: (f64, f64),
    year_kept: (f64, f64),
    week: (f64, f64),
    quarter: (f64, f64),
    detail: (f64, f64),
    /// The overview (every objective's current periods × every rep), computed, on the large
    /// dataset and on the small one.
    overview: (f64, f64),
    overview_small_p50: f64,
    /// Server CPU time per computed yearly page, in microseconds.
    year_cpu_us: f64,
    /// Requests per second of the kept yearly page, and its server CPU per request.
    stats_rps: f64,
    stats_cpu_us: f64,
    stats_page_kib: f64,
    /// The same page as a browser accepting brotli receives it.
    stats_page_br_kib: f64,
    healthz_rps: f64,
    /// Requests per second of the lightest signed-in page.
    signed_in_rps: f64,
    small_p50: f64,
    ingest: Ingest,
    ingest_cpu_us: f64,
    api: api::ApiFigures,
}

/// Microseconds of CPU per request.
fn per_request_us(cpu_seconds: f64, requests: f64) -> f64 {
    cpu_seconds * 1e6 / requests.max(1.0)
}

async fn over_http(
    plan: &Plan,
    (large, large_server): (&Built, &Server),
    small_server: &Server,
) -> anyhow::Result<OverHttp> {
    let manager = Session::sign_in(&large_server.base, dataset::MANAGER, dataset::PASSWORD).await?;
    let year_path = stats_path("activity", PeriodKind::Year);
    let cpu_before = large_server.cpu_seconds();
    let year = stats_times(&manager, &year_path, plan.requests, Views::Computed).await?;
    let year_cpu_us = per_request_us(large_server.cpu_seconds() - cpu_before, (plan.requests + WARM_UP) as f64);
    let year_after_change = stats_times(&manager, &year_path, plan.requests, Views::AfterChange(large)).await?;
    let year_kept = stats_times(&manager, &year_path, plan.requests, Views::Kept).await?;
    let week = stats_times(&manager, &stats_path("activity", PeriodKind::Week), plan.requests, Views::Computed).await?;
    let quarter =
        stats_times(&manager, &stats_path("sales", PeriodKind::Quarter), plan.requests, Views::Computed).await?;
    let detail_path = "/statistics/sales-objectives/1?type=activity&period=week";
    let detail = stats_times(&manager, detail_path, plan.requests / 4 + 1, Views::Kept).await?;
    let overview_path = "/statistics/sales-objectives?type=overview";
    let overview = stats_times(&manager, overview_path, plan.requests, Views::Computed).await?;
    let base = &large_server.base;
    let cpu_before = large_server.cpu_seconds();
    let stats_rps = client::throughput(base, &year_path, Some(manager.cookie()), 4, plan.throughput_seconds).await?;
    let stats_cpu_us = per_request_us(large_server.cpu_seconds() - cpu_before, stats_rps * plan.throughput_seconds);
    let healthz_rps = client::throughput(base, "/healthz", None, 4, plan.throughput_seconds).await?;
    // The lightest signed-in page: what any page costs before its own work (session, user,
    // layout), the floor under the statistics page's ceiling ratio.
    let signed_in_rps =
        client::throughput(base, "/me/account", Some(manager.cookie()), 4, plan.throughput_seconds).await?;
    let stats_page_kib = manager.get(&year_path).await?.len() as f64 / 1024.0;
    let stats_page_br_kib = manager.transferred(&year_path, "br").await? as f64 / 1024.0;
    let small_manager = Session::sign_in(&small_server.base, dataset::MANAGER, dataset::PASSWORD).await?;
    let (small_p50, _) = stats_times(&small_manager, &year_path, plan.requests, Views::Computed).await?;
    let (overview_small_p50, _) = stats_times(&small_manager, overview_path, plan.requests, Views::Computed).await?;
    let cpu_before = large_server.cpu_seconds();
    let ingest = ingest(large, base, plan.ingest_seconds).await?;
    let ingest_cpu_us = per_request_us(large_server.cpu_seconds() - cpu_before, ingest.logged as f64);
    let api = api::measure(large, base, plan.ingest_seconds, plan.api_batches, plan.requests).await?;
    Ok(OverHttp {
        year,
        year_after_change,
        year_kept,
        week,
        quarter,
        detail,
        overview,
        overview_small_p50,
        year_cpu_us,
        stats_rps,
        stats_cpu_us,
        stats_page_kib,
        stats_page_br_kib,
        healthz_rps,
        signed_in_rps,
        small_p50,
        ingest,
        ingest_cpu_us,
        api,
    })
}

fn run(plan: &Plan) -> anyhow::Result<()> {
    let mut out = std::io::stdout();
    writeln!(out, "building {} activities…", plan.activities)?;
    let large = build("large", plan.activities)?;
    let small = build("small", (plan.activities / 100).max(1))?;
    writeln!(out, "datasets built in {:.1} s and {:.1} s", large.seconds, small.seconds)?;

    let large_server = Server::start(&large.url)?;
    let small_server = Server::start(&small.url)?;
    let system = actix_web::rt::System::new();
    let http = system.block_on(over_http(plan, (&large, &large_server), &small_server))?;
    let ((year_p50, year_p99), ingest) = (http.year, &http.ingest);
    let peak_rss = large_server.peak_rss_mib();
    drop(large_server);
    drop(small_server);
    let verification = buckets::verify(&mut *large.pool.get()?, Some(large.dataset.account.id))?;
    let naive = naive_year_p50(&large, if plan.requests > 50 { 20 } else { 5 })?;
    let import = import_rate(&large, plan.import_lines)?;
    let lead_delete = lead_delete_ms(&large)?;
    let rebuild = rebuild::time_zone_rebuild(&large)?;
    let after_rebuild = buckets::verify(&mut *large.pool.get()?, Some(large.dataset.account.id))?;

    let speedup = naive / year_p50.max(0.001);
    let flatness = year_p50 / http.small_p50.max(0.001);
    let ceiling = http.stats_rps / http.healthz_rps.max(0.001);
    writeln!(out, "\n| measure | value |\n|---|---|")?;
    let rows = [
        ("activities (large / small)", format!("{} / {}", plan.activities, (plan.activities / 100).max(1))),
        ("statistics, activity, year, computed: p50 / p99 ms", format!("{year_p50:.2} / {year_p99:.2}")),
        (
            "statistics, activity, year, after a change: p50 / p99 ms",
            format!("{:.2} / {:.2}", http.year_after_change.0, http.year_after_change.1),
        ),
        (
            "statistics, activity, year, kept: p50 / p99 ms",
            format!("{:.2} / {:.2}", http.year_kept.0, http.year_kept.1),
        ),
        ("statistics, activity, week, computed: p50 / p99 ms", format!("{:.2} / {:.2}", http.week.0, http.week.1)),
        (
            "statistics, sales, quarter, computed: p50 / p99 ms",
            format!("{:.2} / {:.2}", http.quarter.0, http.quarter.1),
        ),
        ("objective detail: p50 / p99 ms", format!("{:.2} / {:.2}", http.detail.0, http.detail.1)),
        (
            "overview, 100 reps × 12 objectives, computed: p50 / p99 ms (small dataset p50)",
            format!("{:.2} / {:.2} ({:.2})", http.overview.0, http.overview.1, http.overview_small_p50),
        ),
        ("naive yearly aggregate: p50 ms", format!("{naive:.2}")),
        ("statistics, year, computed, small dataset: p50 ms", format!("{:.2}", http.small_p50)),
        ("server CPU per computed yearly page: µs", format!("{:.0}", http.year_cpu_us)),
        (
            "kept statistics req/s vs /healthz req/s (4 clients)",
            format!("{:.0} / {:.0}", http.stats_rps, http.healthz_rps),
        ),
        ("server CPU per kept statistics request: µs", format!("{:.0}", http.stats_cpu_us)),
        ("statistics page, activity, year: KiB", format!("{:.0}", http.stats_page_kib)),
        ("statistics page, activity, year, brotli: KiB", format!("{:.1}", http.stats_page_br_kib)),
        ("lightest signed-in page (/me/account) req/s (4 clients)", format!("{:.0}", http.signed_in_rps)),
        (
            "ingest: logged, per second, p99 ms",
            format!("{} / {:.0} / {:.2}", ingest.logged, ingest.per_second, ingest.p99_ms),
        ),
        ("server CPU per logged activity: µs", format!("{:.0}", http.ingest_cpu_us)),
        (
            "API: single activity POSTs (32 clients): posted, per second, p99 ms",
            format!("{} / {:.0} / {:.2}", http.api.posted, http.api.post_per_s, http.api.post_p99_ms),
        ),
        (
            "API: batches of 5,000: activities, per second",
            format!("{} / {:.0}", http.api.batched, http.api.batch_per_s),
        ),
        (
            "API: one objective's results, 100 holders: p50 / p99 ms",
            format!("{:.2} / {:.2}", http.api.results.0, http.api.results.1),
        ),
        (
            "verify: activities, differences",
            format!("{} / {}", verification.activities, verification.differences.len()),
        ),
        ("import: lines per second (median of 3)", format!("{import:.0}")),
        ("deleting a lead with its activities: ms", format!("{lead_delete:.2}")),
        (
            "time-zone rebuild: rows, rows per second, longest batch ms, differences after",
            format!(
                "{} / {:.0} / {:.1} / {}",
                rebuild.rows,
                rebuild.rows_per_second,
                rebuild.longest_batch_ms,
                after_rebuild.differences.len()
            ),
        ),
        ("server peak RSS MiB", format!("{peak_rss:.1}")),
    ];
    for (name, value) in rows {
        writeln!(out, "| {name} | {value} |")?;
    }
    writeln!(
        out,
        "summary: activities={} stats_year_p50_ms={year_p50:.2} stats_year_p99_ms={year_p99:.2} naive_year_p50_ms={naive:.2} speedup={speedup:.1} flatness={flatness:.2} ceiling_ratio={ceiling:.2} ingest_per_s={:.0} ingest_p99_ms={:.2} import_per_s={import:.0} peak_rss_mib={peak_rss:.1} differences={} rebuild_rows_per_s={:.0} overview_p99_ms={:.2} overview_flatness={:.2} api_post_per_s={:.0} api_post_p99_ms={:.2} api_batch_per_s={:.0} api_results_p99_ms={:.2}",
        plan.activities,
        ingest.per_second,
        ingest.p99_ms,
        verification.differences.len(),
        rebuild.rows_per_second,
        http.overview.1,
        http.overview.0 / http.overview_small_p50.max(0.001),
        http.api.post_per_s,
        http.api.post_p99_ms,
        http.api.batch_per_s,
        http.api.results.1
    )?;
    anyhow::ensure!(verification.differences.is_empty(), "verify found differences");
    anyhow::ensure!(after_rebuild.differences.is_empty(), "verify found differences after the time-zone rebuild");
    Ok(())
}
