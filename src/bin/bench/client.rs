//! A signed-in HTTP client for the benchmark: the session cookie and CSRF token by hand.

use std::time::{Duration, Instant};

use actix_web::http::header;
use anyhow::{Context, bail};

pub struct Session {
    client: awc::Client,
    base: String,
    cookie: String,
    pub csrf: String,
}

fn session_cookie(response: &awc::ClientResponse<impl futures_util::Stream>) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("so_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

fn csrf_in(html: &str) -> Option<String> {
    let after = html.split_once(r#"name="csrf_token" value=""#)?.1;
    Some(after.split_once('"')?.0.to_owned())
}

impl Session {
    pub async fn sign_in(base: &str, email: &str, password: &str) -> anyhow::Result<Session> {
        let client = awc::Client::builder().timeout(Duration::from_secs(60)).disable_redirects().finish();
        let mut page = client.get(format!("{base}/login")).send().await.map_err(|e| anyhow::anyhow!("{e}"))?;
        let cookie = session_cookie(&page).context("no session cookie")?;
        let body = page.body().await?;
        let csrf = csrf_in(&String::from_utf8_lossy(&body)).context("no CSRF token on the sign-in page")?;
        let response = client
            .post(format!("{base}/login"))
            .insert_header((header::COOKIE, cookie.clone()))
            .send_form(&[("email", email), ("password", password), ("csrf_token", &csrf)])
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if response.status() != 303 {
            bail!("sign-in of {email} answered {}", response.status());
        }
        let cookie = session_cookie(&response).context("no session after sign-in")?;
        let mut session = Session { client, base: base.to_owned(), cookie, csrf: String::new() };
        let home = session.get("/me/account").await?;
        session.csrf = csrf_in(&home).context("no CSRF token after sign-in")?;
        Ok(session)
    }

    /// How many bytes the page takes on the wire when the browser accepts `encoding`.
    pub async fn transferred(&self, path: &str, encoding: &str) -> anyhow::Result<usize> {
        let mut response = self
            .client
            .get(format!("{}{path}", self.base))
            .insert_header((header::COOKIE, self.cookie.clone()))
            .insert_header((header::ACCEPT_ENCODING, encoding.to_owned()))
            .send()
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if !response.status().is_success() {
            bail!("GET {path} answered {}", response.status());
        }
        Ok(response.body().limit(16 * 1024 * 1024).await?.len())
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<String> {
        let mut response = self
            .client
            .get(format!("{}{path}", self.base))
            .insert_header((header::COOKIE, self.cookie.clone()))
            .send()
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if !response.status().is_success() {
            bail!("GET {path} answered {}", response.status());
        }
        let body = response.body().limit(16 * 1024 * 1024).await?;
        Ok(String::from_utf8_lossy(&body).into_owned())
    }

    /// Posts a form with the session's token; the status code.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> anyhow::Result<u16> {
        let mut fields = fields.to_vec();
        fields.push(("csrf_token", &self.csrf));
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .insert_header((header::COOKIE, self.cookie.clone()))
            .send_form(&fields)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(response.status().as_u16())
    }

    /// Milliseconds each of `count` sequential GETs of `path` took.
    pub async fn time_gets(&self, path: &str, count: usize) -> anyhow::Result<Vec<f64>> {
        let mut times = Vec::with_capacity(count);
        for _ in 0..count {
            let started = Instant::now();
            self.get(path).await?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        Ok(times)
    }
}

/// Requests per second of `path` with `clients` concurrent anonymous clients for `seconds`.
pub async fn throughput(
    base: &str,
    path: &str,
    session: Option<&str>,
    clients: usize,
    seconds: f64,
) -> anyhow::Result<f64> {
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let url = format!("{base}{path}");
        let cookie = session.map(str::to_owned);
        tasks.push(actix_web::rt::spawn(async move {
            let client = awc::Client::default();
            let mut done = 0u64;
            while Instant::now() < deadline {
                let mut request = client.get(&url);
                if let Some(cookie) = &cookie {
                    request = request.insert_header((header::COOKIE, cookie.clone()));
                }
                if let Ok(mut response) = request.send().await {
                    if response.status().is_success() && response.body().limit(16 * 1024 * 1024).await.is_ok() {
                        done += 1;
                    }
                }
            }
            done
        }));
    }
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap_or(0);
    }
    Ok(total as f64 / seconds)
}

impl Session {
    pub fn cookie(&self) -> &str {
        &self.cookie
    }
}
