//! A headless Chromium for one test, through its own chromedriver.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::helpers::TestApp;

pub use crate::helpers::PASSWORD;

pub struct Browser {
    pub client: Client,
    pub base: String,
    driver: Child,
}

impl Drop for Browser {
    /// Ends chromedriver and the Chromium it started: they share a process group of their
    /// own, killed whole (killing the driver alone leaves its browsers running).
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The app with the demo account loaded (its users' password is `PASSWORD`).
pub async fn demo_app() -> TestApp {
    let app = TestApp::spawn().await;
    app.load_demo();
    app
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

impl Browser {
    pub async fn open(app: &TestApp, javascript: bool) -> Browser {
        let port = free_port();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("chromedriver runs (install chromium-driver)");
        let mut args = vec![
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--window-size=1280,900",
        ];
        args.push("--disable-features=Translate,OptimizationHints,MediaRouter");
        let mut options = json!({ "args": args });
        if std::path::Path::new("/usr/bin/chromium").exists() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        if !javascript {
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        let webdriver = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let connected =
                ClientBuilder::new(HttpConnector::new()).capabilities(capabilities.clone()).connect(&webdriver).await;
            match connected {
                Ok(client) => break client,
                Err(_) if started.elapsed() < Duration::from_secs(20) => {
                    tokio::time::sleep(Duration::from_millis(200)).await
                }
                Err(error) => panic!("cannot start Chromium through chromedriver: {error}"),
            }
        };
        Browser { client, base: app.address.clone(), driver }
    }

    pub async fn goto(&self, path: &str) {
        self.client.goto(&format!("{}{path}", self.base)).await.expect("page loaded");
    }

    pub async fn sign_in(&self, email: &str) {
        self.goto("/login").await;
        self.fill("#email", email).await;
        self.fill("#password", PASSWORD).await;
        self.click("form button[type=submit]").await;
        self.wait_for_path_not("/login").await;
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("cleared");
        field.send_keys(text).await.expect("typed");
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// The texts of the elements matching `css`; read again when htmx replaces them midway.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        for _ in 0..20 {
            if let Some(texts) = self.try_texts(css).await {
                return texts;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the elements {css} kept changing under the test");
    }

    async fn try_texts(&self, css: &str) -> Option<Vec<String>> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.ok()? {
            texts.push(element.text().await.ok()?.trim().to_owned());
        }
        Some(texts)
    }

    /// Chooses the option with this visible text in a `<select>`.
    pub async fn choose(&self, css: &str, label: &str) {
        self.find(css).await.select_by_label(label).await.unwrap_or_else(|e| panic!("choose {label} in {css}: {e}"));
    }

    /// Chooses the first real option of a `<select>`, past its "Choose…" placeholder.
    pub async fn choose_first(&self, css: &str) {
        self.find(css).await.select_by_index(1).await.unwrap_or_else(|e| panic!("choose in {css}: {e}"));
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    pub async fn wait_for_path_not(&self, path: &str) {
        let started = Instant::now();
        while self.client.current_url().await.expect("url").path() == path {
            assert!(started.elapsed() < Duration::from_secs(10), "still on {path}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `check` holds of the texts matching `css`.
    pub async fn wait_for_texts(&self, css: &str, check: impl Fn(&[String]) -> bool) -> Vec<String> {
        let started = Instant::now();
        loop {
            let texts = self.texts(css).await;
            if check(&texts) {
                return texts;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "{css} never matched: {texts:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Marks the current document: the mark survives an htmx swap, not a page load.
    pub async fn mark_document(&self) {
        self.client.execute("window.__mark = 'kept'; return null;", vec![]).await.expect("script");
    }

    pub async fn document_is_marked(&self) -> bool {
        self.client.execute("return window.__mark === 'kept';", vec![]).await.expect("script") == json!(true)
    }

    /// The page at a desktop's width (`NAME.png`) and a phone's (`NAME-phone.png`).
    pub async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        for (width, height, suffix) in [(1440, 900, ""), (390, 844, "-phone")] {
            self.client.set_window_size(width, height).await.expect("window resized");
            if suffix == "-phone" {
                // Nothing but a table in its own scrolling box may be wider than a phone.
                let wider = "return [...document.querySelectorAll('body *')].filter(e => \
                             e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && \
                             !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className).slice(0, 5);";
                let wider = self.client.execute(wider, vec![]).await.expect("measured");
                assert_eq!(wider, json!([]), "{name} is wider than a phone");
                // Nor may anything else widen the page (a hidden header escaping its box, say).
                let page = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
                let overflow = self.client.execute(page, vec![]).await.expect("measured");
                assert!(overflow.as_f64().is_some_and(|px| px <= 1.0), "{name} scrolls sideways by {overflow} px");
            }
            let png = self.client.screenshot().await.expect("screenshot");
            std::fs::write(dir.join(format!("{name}{suffix}.png")), png).expect("screenshot written");
        }
        self.client.set_window_size(1280, 900).await.expect("window resized");
    }
}
