//! Static files, compiled into the binary and served under content-addressed URLs with
//! long cache lifetimes: a changed file gets a new URL, so caches never serve a stale one.

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::AppError;

const APP_CSS: &str = include_str!("../../static/app.css");
const APP_JS: &str = include_str!("../../static/app.js");
const HTMX_JS: &[u8] = include_bytes!(env!("HTMX_MIN_JS"));
const HTMX_VERSION: &str = env!("HTMX_VERSION");

static APP_CSS_URL: LazyLock<String> = LazyLock::new(|| format!("/static/app-{:016x}.css", fnv1a(APP_CSS.as_bytes())));
static APP_JS_URL: LazyLock<String> = LazyLock::new(|| format!("/static/app-{:016x}.js", fnv1a(APP_JS.as_bytes())));
static HTMX_URL: LazyLock<String> = LazyLock::new(|| format!("/static/vendor/htmx-{HTMX_VERSION}.min.js"));

pub fn app_css_url() -> &'static str {
    &APP_CSS_URL
}

pub fn app_js_url() -> &'static str {
    &APP_JS_URL
}

pub fn htmx_url() -> &'static str {
    &HTMX_URL
}

pub async fn get(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let requested = format!("/static/{}", path.into_inner());
    let (content_type, body): (&str, &'static [u8]) = if requested == *APP_CSS_URL {
        ("text/css; charset=utf-8", APP_CSS.as_bytes())
    } else if requested == *APP_JS_URL {
        ("text/javascript; charset=utf-8", APP_JS.as_bytes())
    } else if requested == *HTMX_URL {
        ("text/javascript; charset=utf-8", HTMX_JS)
    } else {
        return Err(AppError::NotFound);
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(body))
}

/// FNV-1a: a stable fingerprint of a file's bytes for its URL (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}
