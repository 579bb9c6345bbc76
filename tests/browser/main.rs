//! Real-browser tests: headless Chromium driven through chromedriver, against the app
//! spawned on a random port with the demo account. Run with `cargo test --features browser
//! --test browser`; screenshots land in `target/screenshots/`.

#[path = "../api/helpers/mod.rs"]
#[allow(dead_code)]
mod helpers;

mod accessibility;
mod api;
mod browser;
mod everyday;
mod flows;
mod monitoring;
mod planning;
mod settings;
mod without_javascript;
