//! The popup and the in-page helper show findings with one look: the same accent and the same
//! severity colours, in light and in dark. The popup's colours live in `extension/popup.css`,
//! the helper's in the style sheet of its closed shadow root (`src/web/content/ui.rs`); this
//! test reads both and fails when one changes without the other.

#![allow(clippy::expect_used)]

use std::collections::BTreeMap;

fn read(path: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The custom properties declared in the first block that follows `selector`.
fn variables(css: &str, selector: &str) -> BTreeMap<String, String> {
    let at = css
        .find(selector)
        .unwrap_or_else(|| panic!("no {selector:?} in the style sheet"));
    let open = at + css[at..].find('{').expect("a block");
    let close = open + css[open..].find('}').expect("a closed block");
    css[open + 1..close]
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_ascii_lowercase()))
        .filter(|(k, _)| k.starts_with("--"))
        .collect()
}

/// The helper's style sheet: the Rust string constant `STYLE`, with its line continuations.
fn helper_css() -> String {
    let src = read("src/web/content/ui.rs");
    let start = src
        .find("const STYLE: &str = \"")
        .expect("the helper's STYLE")
        + 21;
    let end = start + src[start..].find("\";").expect("the end of STYLE");
    src[start..end].replace("\\\n", "")
}

#[test]
fn popup_and_page_share_accent_and_severity_colours() {
    let popup = read("extension/popup.css");
    let page = helper_css();
    let themes = [
        (
            "light",
            variables(&popup, ":root {"),
            variables(&page, ".ui{"),
        ),
        (
            "dark",
            variables(
                &popup[popup
                    .find("prefers-color-scheme: dark")
                    .expect("a dark theme")..],
                ":root {",
            ),
            variables(&page, ".ui.dark{"),
        ),
    ];
    // popup name → helper name
    let pairs = [
        ("--accent", "--accent"),
        ("--accent", "--suggestion"),
        ("--danger", "--error"),
        ("--warn", "--warning"),
    ];
    for (theme, popup, page) in &themes {
        for (p, h) in pairs {
            let (a, b) = (popup.get(p), page.get(h));
            assert!(a.is_some() && b.is_some(), "{theme}: {p} or {h} missing");
            assert_eq!(a, b, "{theme}: the popup's {p} and the helper's {h} differ");
        }
    }
}
