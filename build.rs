//! Brings htmx from its pinned npm package (package.json + package-lock.json) so that the
//! binary serves it itself: `npm ci` runs here when the package is not installed yet, so
//! `cargo run` and `cargo test` need no extra step on a fresh machine.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

const PACKAGE: &str = "node_modules/htmx.org";

fn main() {
    // Only files that exist: cargo runs a build script again, and so rebuilds the crate,
    // whenever a path it names is missing.
    println!("cargo:rerun-if-changed=package.json");
    println!("cargo:rerun-if-changed=package-lock.json");
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    if root.join(PACKAGE).join("package.json").is_file() {
        println!("cargo:rerun-if-changed={PACKAGE}/package.json");
    }

    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let package = installed_package(&root, &out);

    let wanted = locked_version(&root);
    let installed = package_version(&package.join("package.json"));
    if installed != wanted {
        panic!("htmx.org {installed} is installed but package-lock.json pins {wanted}: run `npm ci`");
    }
    let script = package.join("dist/htmx.min.js");
    if !script.is_file() {
        panic!("{} is missing: run `npm ci`", script.display());
    }
    println!("cargo:rustc-env=HTMX_VERSION={installed}");
    println!("cargo:rustc-env=HTMX_MIN_JS={}", script.display());
}

/// The package from the checkout's node_modules, or installed by `npm ci` into OUT_DIR.
fn installed_package(root: &Path, out: &Path) -> PathBuf {
    let in_checkout = root.join(PACKAGE);
    if in_checkout.join("package.json").is_file() {
        return in_checkout;
    }
    let npm_dir = out.join("npm");
    fs::create_dir_all(&npm_dir).expect("create the npm directory in OUT_DIR");
    for file in ["package.json", "package-lock.json"] {
        fs::copy(root.join(file), npm_dir.join(file)).unwrap_or_else(|e| panic!("copy {file}: {e}"));
    }
    let status = Command::new("npm")
        .args(["ci", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(&npm_dir)
        .status()
        .unwrap_or_else(|e| panic!("cannot run npm (Node.js is needed to fetch htmx): {e}"));
    if !status.success() {
        panic!("`npm ci` failed while fetching htmx ({status})");
    }
    npm_dir.join(PACKAGE)
}

fn locked_version(root: &Path) -> String {
    let lock = fs::read_to_string(root.join("package-lock.json")).expect("read package-lock.json");
    // The entry `"node_modules/htmx.org": { "version": "x.y.z", ... }`.
    let entry =
        lock.split_once(&format!("\"{PACKAGE}\"")).map(|(_, rest)| rest).expect("package-lock.json pins htmx.org");
    version_field(entry).expect("package-lock.json gives htmx.org a version")
}

fn package_version(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    version_field(&text).unwrap_or_else(|| panic!("{} has no version", path.display()))
}

/// The first `"version": "..."` value in `text`.
fn version_field(text: &str) -> Option<String> {
    let after = text.split_once("\"version\"")?.1;
    let value = after.split_once('"')?.1;
    Some(value.split_once('"')?.0.to_owned())
}
