//! Where to go after signing in: only a path on this site, never an open redirect.

/// Returns `raw` when it is a local absolute path (`/something`), else `None`.
pub fn parse_local_path(raw: &str) -> Option<&str> {
    let local =
        raw.starts_with('/') && !raw.starts_with("//") && !raw.contains('\\') && !raw.chars().any(char::is_control);
    local.then_some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(parse_local_path("/control-panel?tab=teams"), Some("/control-panel?tab=teams"));
    }

    #[test]
    fn other_sites_and_tricks_are_refused() {
        for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", "/a\nb"] {
            assert_eq!(parse_local_path(bad), None, "{bad:?}");
        }
    }
}
