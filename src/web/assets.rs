//! Static files, compiled into the binary and served under content-addressed URLs with
//! long cache lifetimes: a changed file gets a new URL, so caches never serve a stale one.
//! Each is compressed once (brotli, gzip) on first use and served the way the browser asks.

use std::sync::LazyLock;

use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, Header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::AppError;

const APP_CSS: &str = include_str!("../../static/app.css");
const APP_JS: &str = include_str!("../../static/app.js");
const HTMX_JS: &[u8] = include_bytes!(env!("HTMX_MIN_JS"));
const HTMX_VERSION: &str = env!("HTMX_VERSION");
const SWAGGER_UI_JS: &[u8] = include_bytes!(env!("SWAGGER_UI_JS"));
const SWAGGER_UI_CSS: &[u8] = include_bytes!(env!("SWAGGER_UI_CSS"));
const SWAGGER_VERSION: &str = env!("SWAGGER_VERSION");
const API_DOCS_JS: &str = include_str!("../../static/api-docs.js");

static APP_CSS_URL: LazyLock<String> = LazyLock::new(|| format!("/static/app-{:016x}.css", fnv1a(APP_CSS.as_bytes())));
static APP_JS_URL: LazyLock<String> = LazyLock::new(|| format!("/static/app-{:016x}.js", fnv1a(APP_JS.as_bytes())));
static HTMX_URL: LazyLock<String> = LazyLock::new(|| format!("/static/vendor/htmx-{HTMX_VERSION}.min.js"));
static SWAGGER_UI_JS_URL: LazyLock<String> =
    LazyLock::new(|| format!("/static/vendor/swagger-ui-{SWAGGER_VERSION}.js"));
static SWAGGER_UI_CSS_URL: LazyLock<String> =
    LazyLock::new(|| format!("/static/vendor/swagger-ui-{SWAGGER_VERSION}.css"));
static API_DOCS_JS_URL: LazyLock<String> =
    LazyLock::new(|| format!("/static/api-docs-{:016x}.js", fnv1a(API_DOCS_JS.as_bytes())));

pub fn app_css_url() -> &'static str {
    &APP_CSS_URL
}

pub fn app_js_url() -> &'static str {
    &APP_JS_URL
}

pub fn htmx_url() -> &'static str {
    &HTMX_URL
}

/// The API docs page's script, and Swagger UI's script and style it draws with.
pub fn api_docs_urls() -> [&'static str; 3] {
    [&API_DOCS_JS_URL, &SWAGGER_UI_JS_URL, &SWAGGER_UI_CSS_URL]
}

/// A file and its compressed forms, made once.
struct Asset {
    content_type: &'static str,
    identity: &'static [u8],
    brotli: LazyLock<Vec<u8>>,
    gzip: LazyLock<Vec<u8>>,
}

macro_rules! asset {
    ($content_type:expr, $bytes:expr) => {
        Asset {
            content_type: $content_type,
            identity: $bytes,
            brotli: LazyLock::new(|| brotli_of($bytes)),
            gzip: LazyLock::new(|| gzip_of($bytes)),
        }
    };
}

static CSS: Asset = asset!("text/css; charset=utf-8", APP_CSS.as_bytes());
static JS: Asset = asset!("text/javascript; charset=utf-8", APP_JS.as_bytes());
static HTMX: Asset = asset!("text/javascript; charset=utf-8", HTMX_JS);
static SWAGGER_JS: Asset = asset!("text/javascript; charset=utf-8", SWAGGER_UI_JS);
static SWAGGER_CSS: Asset = asset!("text/css; charset=utf-8", SWAGGER_UI_CSS);
static DOCS_JS: Asset = asset!("text/javascript; charset=utf-8", API_DOCS_JS.as_bytes());

/// Compresses the API docs page's files now, while the browser is still reading the page
/// that names them: Swagger UI's bundle is megabytes. Blocking: run it off the request
/// threads.
pub fn warm_api_docs() {
    for asset in [&SWAGGER_JS, &SWAGGER_CSS, &DOCS_JS] {
        LazyLock::force(&asset.brotli);
        LazyLock::force(&asset.gzip);
    }
}

pub async fn get(req: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let requested = format!("/static/{}", path.into_inner());
    let asset = if requested == *APP_CSS_URL {
        &CSS
    } else if requested == *APP_JS_URL {
        &JS
    } else if requested == *HTMX_URL {
        &HTMX
    } else if requested == *SWAGGER_UI_JS_URL {
        &SWAGGER_JS
    } else if requested == *SWAGGER_UI_CSS_URL {
        &SWAGGER_CSS
    } else if requested == *API_DOCS_JS_URL {
        &DOCS_JS
    } else {
        return Err(AppError::NotFound);
    };
    let accepted = AcceptEncoding::parse(&req).ok();
    let supported = [Encoding::brotli(), Encoding::gzip(), Encoding::identity()];
    let chosen = accepted.and_then(|a| a.negotiate(supported.iter())).unwrap_or_else(Encoding::identity);
    let (body, encoding): (&'static [u8], _) = if chosen == Encoding::brotli() {
        (&asset.brotli, Some(ContentEncoding::Brotli))
    } else if chosen == Encoding::gzip() {
        (&asset.gzip, Some(ContentEncoding::Gzip))
    } else {
        (asset.identity, None)
    };
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::CONTENT_TYPE, asset.content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::VARY, "Accept-Encoding"));
    // Set, the compressing middleware leaves the body as it is; unset, it chooses identity
    // too, as the browser accepts neither.
    if let Some(encoding) = encoding {
        response.insert_header((header::CONTENT_ENCODING, encoding));
    }
    Ok(response.body(web::Bytes::from_static(body)))
}

/// Files above this size are compressed at a quicker level: the best one takes seconds on
/// a vendored bundle of megabytes, and its first reader would wait for them.
const LARGE: usize = 256 * 1024;

fn brotli_of(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let quality = if bytes.len() > LARGE { 5 } else { 11 };
    let params = brotli::enc::BrotliEncoderParams { quality, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compressing in memory does not fail");
    out
}

fn gzip_of(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let level = if bytes.len() > LARGE { flate2::Compression::default() } else { flate2::Compression::best() };
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder.write_all(bytes).expect("compressing in memory does not fail");
    encoder.finish().expect("compressing in memory does not fail")
}

/// FNV-1a: a stable fingerprint of a file's bytes for its URL (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}
