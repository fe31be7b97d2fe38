//! The crate's module graph: no import cycle anywhere in `src/`, and the pure core never reaches
//! into the browser layer (`web`), nor anything but the popup into the popup's logic (`ui`).
//!
//! The graph is read from the source: a module is a file (`src/a/b.rs` or `src/a/b/mod.rs` is
//! `a::b`), and it depends on every module named by a `crate::…`, `super::…` or `self::…` path,
//! or by a path that starts with one of its child modules, in code outside `#[cfg(test)]`
//! (including every path of a `use` group such as `use super::{a, b::c}`). A path resolves to the
//! longest module it names: `crate::tone::rules::Rule` depends on `tone::rules`. Run it alone
//! with `cargo test --test layers`; on failure it prints each cycle.
// A native test, not in the module: the one-sort rule (clippy.toml) does not apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_methods,
    missing_docs
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`""` for the crate root) → its source, without its `#[cfg(test)]` parts.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                let mut inner = prefix.to_vec();
                inner.push(name);
                walk(&path, &inner, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let mut module = prefix.to_vec();
                if !matches!(stem, "mod" | "lib") {
                    module.push(stem.to_string());
                }
                let source = std::fs::read_to_string(&path).unwrap();
                out.insert(module.join("::"), without_tests(&source));
            }
        }
    }
    let mut out = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walk(&src, &[], &mut out);
    // Binaries are not part of the library's graph.
    out.retain(|m, _| !m.starts_with("bin"));
    out
}

/// `source` without comments, string literals and each item under `#[cfg(test)]` (through its
/// matching closing brace or semicolon).
fn without_tests(source: &str) -> String {
    let code = code_only(source);
    let mut out = String::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let mut depth = 0usize;
        let mut end = item.len();
        for (i, c) in item.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// `source` with comments and the contents of string literals (plain and raw) taken out, so
/// that words in them are not read as paths and braces in them do not count.
fn code_only(source: &str) -> String {
    let b = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let mut kept = 0;
    while i < b.len() {
        let skip_to = match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                source[i..].find('\n').map_or(b.len(), |n| i + n)
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                source[i..].find("*/").map_or(b.len(), |n| i + n + 2)
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body = i + 2 + hashes;
                source[body..]
                    .find(&close)
                    .map_or(b.len(), |n| body + n + close.len())
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                j + 1
            }
            // A char literal such as '"' or '{' (not a lifetime such as 'a).
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => source
                [i + 2..]
                .find('\'')
                .map_or(b.len(), |n| i + 2 + n + 1),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&source[kept..i]);
        out.push(' ');
        i = skip_to.min(b.len());
        kept = i;
    }
    out.push_str(&source[kept.min(b.len())..]);
    out
}

/// Every path written in `code` that could name a module: `use` trees expanded, then the
/// `a::b::c` paths in the rest.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    let mut outside_uses = String::new();
    while let Some(at) = find_use(rest) {
        outside_uses.push_str(&rest[..at]);
        let item = &rest[at + 4..];
        let end = item.find(';').unwrap_or(item.len());
        expand(item[..end].trim(), &[], &mut out);
        rest = &item[(end + 1).min(item.len())..];
    }
    outside_uses.push_str(rest);
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<char> = outside_uses.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if ident(chars[i]) && (i == 0 || !(ident(chars[i - 1]) || chars[i - 1] == ':')) {
            let mut segments = Vec::new();
            let mut j = i;
            loop {
                let start = j;
                while j < chars.len() && ident(chars[j]) {
                    j += 1;
                }
                segments.push(chars[start..j].iter().collect::<String>());
                if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                    j += 2;
                    if !chars.get(j).is_some_and(|&c| ident(c)) {
                        break;
                    }
                } else {
                    break;
                }
            }
            if segments.len() > 1 {
                out.push(segments);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Where the next `use` item starts (`use` as a whole word at the start of an item).
fn find_use(code: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = code[from..].find("use ") {
        let at = from + i;
        let before = code[..at].chars().next_back();
        if before.is_none_or(|c| c.is_whitespace() || c == '{' || c == ';' || c == '}') {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// Expands a use tree (`a::{b, c::{d, e}}`, `a as b`, `a::*`) into its full paths.
fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let mut base = prefix.to_vec();
        base.extend(head);
        let close = tree.rfind('}').filter(|&c| c > open).unwrap_or(tree.len());
        let inner = &tree[open + 1..close];
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], &base, out);
        return;
    }
    let path = tree.split(" as ").next().unwrap_or(tree);
    let mut full = prefix.to_vec();
    full.extend(
        path.split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty() && *s != "*")
            .map(String::from),
    );
    if full.len() > 1 {
        out.push(full);
    }
}

/// The module a path written in `module` names, if any (the longest module prefix).
fn resolve(
    module: &str,
    path: &[String],
    known: &BTreeSet<String>,
    parent_of: impl Fn(&str) -> String,
) -> Option<String> {
    let here: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").map(String::from).collect()
    };
    let mut at = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("self") => here.clone(),
        Some("super") => {
            let mut up: Vec<String> = parent_of(module)
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let mut rest = path.iter().skip(1);
            let mut segs: Vec<String> = Vec::new();
            for s in rest.by_ref() {
                if s == "super" {
                    up.pop();
                } else {
                    segs.push(s.clone());
                }
            }
            return longest(&up, &segs, known);
        }
        Some(first) => {
            let mut child = here.clone();
            child.push(first.to_string());
            if known.contains(&child.join("::")) {
                return longest(&here, path, known);
            }
            return None;
        }
        None => return None,
    };
    at.truncate(at.len());
    longest(&at, &path[1..], known)
}

fn longest(base: &[String], segs: &[String], known: &BTreeSet<String>) -> Option<String> {
    let mut best = None;
    let mut cur = base.to_vec();
    if known.contains(&cur.join("::")) {
        best = Some(cur.join("::"));
    }
    for s in segs {
        cur.push(s.clone());
        if known.contains(&cur.join("::")) {
            best = Some(cur.join("::"));
        } else {
            break;
        }
    }
    best
}

/// module → the modules it depends on.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let parent_of = |m: &str| match m.rfind("::") {
        Some(i) => m[..i].to_string(),
        None => String::new(),
    };
    modules
        .iter()
        .map(|(m, code)| {
            let deps = paths(code)
                .iter()
                .filter_map(|p| resolve(m, p, &known, parent_of))
                .filter(|d| d != m)
                .collect();
            (m.clone(), deps)
        })
        .collect()
}

/// The strongly connected components with more than one module (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_import_cycle_in_src() {
    let graph = graph();
    let found = cycles(&graph);
    let shown: Vec<String> = found
        .iter()
        .map(|c| {
            let edges: Vec<String> = c
                .iter()
                .flat_map(|a| {
                    graph[a]
                        .iter()
                        .filter(|b| c.contains(b))
                        .map(move |b| format!("  {} → {}", show(a), show(b)))
                })
                .collect();
            format!(
                "{}\n{}",
                c.iter().map(|m| show(m)).collect::<Vec<_>>().join(" ↔ "),
                edges.join("\n")
            )
        })
        .collect();
    assert!(found.is_empty(), "import cycles:\n{}", shown.join("\n"));
}

fn show(m: &str) -> &str {
    if m.is_empty() {
        "crate"
    } else {
        m
    }
}

/// Edges `m → d` where `m` is not one of `allowed` and `d` is under `target`.
fn uses_of(target: &str, allowed: &[&str]) -> Vec<String> {
    let under = |m: &str, prefix: &str| m == prefix || m.starts_with(&format!("{prefix}::"));
    graph()
        .iter()
        .filter(|(m, _)| !m.is_empty() && !allowed.iter().any(|a| under(m, a)))
        .flat_map(|(m, deps)| {
            deps.iter()
                .filter(|d| under(d, target))
                .map(move |d| format!("{m} → {d}"))
        })
        .collect()
}

#[test]
fn the_core_does_not_reach_into_the_browser_layer() {
    let offenders = uses_of("web", &["web"]);
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn only_the_popup_uses_the_popup_logic() {
    let offenders = uses_of("ui", &["ui", "web::popup"]);
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// The checker itself: a cycle written in a use group and in a `super::` path is found, and
/// test-only code is not counted.
#[test]
fn the_checker_reads_use_groups_super_paths_and_skips_tests() {
    assert_eq!(
        paths("use super::{a, b::{c, d as e}};"),
        vec![
            vec!["super".to_string(), "a".into()],
            vec!["super".into(), "b".into(), "c".into()],
            vec!["super".into(), "b".into(), "d".into()],
        ]
    );
    assert_eq!(
        paths("fn f() { crate::x::y(); }"),
        vec![vec!["crate".to_string(), "x".into(), "y".into()]]
    );
    assert!(without_tests("a\n#[cfg(test)]\nmod tests { use crate::b; }\nc").contains('c'));
    assert!(!without_tests("#[cfg(test)]\nmod tests { use crate::b; }").contains("crate::b"));
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
        ("c".to_string(), BTreeSet::new()),
    ]
    .into();
    assert_eq!(cycles(&graph), vec![vec!["a".to_string(), "b".into()]]);
    let known: BTreeSet<String> = ["", "tone", "tone::rules", "tone::rules::x"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let parent = |m: &str| match m.rfind("::") {
        Some(i) => m[..i].to_string(),
        None => String::new(),
    };
    let p = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    assert_eq!(
        resolve("tone::rules::x", &p("super::Rule"), &known, parent),
        Some("tone::rules".into())
    );
    assert_eq!(
        resolve(
            "tone::rules::x",
            &p("super::super::Finding"),
            &known,
            parent
        ),
        Some("tone".into())
    );
    assert_eq!(
        resolve("tone", &p("rules::x::X"), &known, parent),
        Some("tone::rules::x".into())
    );
    assert_eq!(
        resolve("tone", &p("serde::Serialize"), &known, parent),
        None
    );
}
