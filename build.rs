//! Brings htmx and Swagger UI from their pinned npm packages (package.json +
//! package-lock.json) so that the binary serves them itself: `npm ci` runs here when the package is not installed yet, so
//! `cargo run` and `cargo test` need no extra step on a fresh machine.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

/// The packages the binary serves, each with the files it takes from them: (file, the
/// environment variable that names its path to the crate).
const PACKAGES: &[(&str, &[(&str, &str)])] = &[
    ("htmx.org", &[("dist/htmx.min.js", "HTMX_MIN_JS")]),
    ("swagger-ui-dist", &[("swagger-ui-bundle.js", "SWAGGER_UI_JS"), ("swagger-ui.css", "SWAGGER_UI_CSS")]),
];

fn main() {
    // Only files that exist: cargo runs a build script again, and so rebuilds the crate,
    // whenever a path it names is missing.
    println!("cargo:rerun-if-changed=package.json");
    println!("cargo:rerun-if-changed=package-lock.json");
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let in_checkout = |name: &str| root.join("node_modules").join(name);
    let installed = PACKAGES.iter().all(|(name, _)| in_checkout(name).join("package.json").is_file());
    let modules = if installed { root.join("node_modules") } else { install(&root, &out) };
    for (name, files) in PACKAGES {
        let package = modules.join(name);
        if installed {
            println!("cargo:rerun-if-changed={}/package.json", package.display());
        }
        let wanted = locked_version(&root, name);
        let found = package_version(&package.join("package.json"));
        if found != wanted {
            panic!("{name} {found} is installed but package-lock.json pins {wanted}: run `npm ci`");
        }
        for (file, variable) in *files {
            let path = package.join(file);
            if !path.is_file() {
                panic!("{} is missing: run `npm ci`", path.display());
            }
            println!("cargo:rustc-env={variable}={}", path.display());
        }
        let variable = name.split(['.', '-']).next().unwrap_or(name).to_uppercase();
        println!("cargo:rustc-env={variable}_VERSION={found}");
    }
}

/// The packages installed by `npm ci` into OUT_DIR: its node_modules.
fn install(root: &Path, out: &Path) -> PathBuf {
    let npm_dir = out.join("npm");
    fs::create_dir_all(&npm_dir).expect("create the npm directory in OUT_DIR");
    for file in ["package.json", "package-lock.json"] {
        fs::copy(root.join(file), npm_dir.join(file)).unwrap_or_else(|e| panic!("copy {file}: {e}"));
    }
    let status = Command::new("npm")
        .args(["ci", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(&npm_dir)
        .status()
        .unwrap_or_else(|e| panic!("cannot run npm (Node.js is needed to fetch htmx and Swagger UI): {e}"));
    if !status.success() {
        panic!("`npm ci` failed while fetching the front-end packages ({status})");
    }
    npm_dir.join("node_modules")
}

fn locked_version(root: &Path, name: &str) -> String {
    let lock = fs::read_to_string(root.join("package-lock.json")).expect("read package-lock.json");
    // The entry `"node_modules/NAME": { "version": "x.y.z", ... }`.
    let entry = lock
        .split_once(&format!("\"node_modules/{name}\""))
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("package-lock.json pins no {name}"));
    version_field(entry).unwrap_or_else(|| panic!("package-lock.json gives {name} no version"))
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
