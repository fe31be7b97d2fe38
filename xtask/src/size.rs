//! Size budgets: what `cargo xtask build` holds each module and the package to, and, when one
//! is over, the largest functions of that module (from the compiler's output, which still has
//! names).

use anyhow::{bail, Result};

/// One WebAssembly module of the extension: one per context, each built from the crate with one
/// Cargo feature and its own profile (DESIGN.md, "One module per context").
pub struct Module {
    /// The Cargo feature that selects the context's entry points.
    pub feature: &'static str,
    /// The Cargo profile (its own build cache; `opt-level` per module).
    pub profile: &'static str,
    /// wasm-bindgen's output name in `pkg/`.
    pub name: &'static str,
    /// A classic script (the content script's, `--target no-modules`) rather than an ES module.
    pub classic: bool,
    /// wasm-opt's level (for size, or for speed where the module's lint is timed).
    pub wasm_opt: &'static str,
    /// The WebAssembly stack in bytes (DESIGN.md, "A small stack").
    pub stack: u32,
    /// Gzipped bytes the module may take (the build fails over it).
    pub budget: u64,
    /// [`BANNED`] code this module may carry (a part of the names), with why.
    pub allowed: &'static [(&'static str, &'static str)],
}

/// The extension's modules, built in this order. Their budgets are ratchets at today's sizes, so
/// that no module grows unnoticed; they are not yet the product's targets (the in-page module
/// ≤ 100 KB gzipped, every other ≤ 250 KB, the package ≤ 500 KB). History: one module for every
/// context grew from 411 KB to 489.0 KB over the last waves (this file's history has each step);
/// split in two, it became 231.2 KB for the page (opt-level "s": 14.6 KB more than "z" for a lint
/// 1.5× faster), 220.3 KB with serde-wasm-bindgen there, and 429.8 KB for the extension's pages;
/// then 218.7 and 427.4 KB with the phrase index keyed by 32-bit word keys (wasm-opt -O3 for
/// the page's lint cost 1.3 KB of that saving); then 222.3 and 439.8 KB with invitations
/// tracked from Gmail (the page: the chip, the note, the request; the pages: the message reader
/// and the hand-over; the popup decodes what the worker keeps with the worker's own decoder,
/// which saved 3 KB of that); then 223.3 KB for the page with Gmail's own Undo send heard;
/// then 501.3 KB for the pages with sync across devices (the register document, its JSON, the
/// worker's exchange with `storage.sync`, WebCrypto and base64: 84.5 KB gzipped as first
/// written, 61.5 KB once values were read by hand, maps filled without `collect`'s stable sort
/// and the sorts routed through `order.rs`; DESIGN.md, "Sync across devices"); then 504.2 KB
/// with imports that merge a backup and sync writes held to the browser's rate limits; then
/// 213.6 and 499.2 KB with case mappings generated as runs (DESIGN.md, "Case mappings as runs");
/// then 211.2 and 500.3 KB with the in-page helper's requests as types of their own, encoded
/// alone (`protocol::PageAsk`; DESIGN.md, "The typed contract"); then 211.5 and 501.2 KB with a
/// lint 12 % faster (a 4096-bit filter of the phrase index's leading words, one lookup per word
/// for the detail signals, judged only for a thank-you; DESIGN.md, "Fewer lookups, and work only
/// a thank-you needs"); then
/// 213.0 KB for the page watching a compose's path instead of its container (DESIGN.md,
/// "Watching a compose, not its container"); then 210.0 and 497.8 KB with the text only tests
/// read left out (each rule's one-line description, each table entry's phrase and spellings as
/// written: the phrase index has the spellings); then 202.8 KB for the page reading JS values
/// with its own deserializer, which formats no float (DESIGN.md, "Values across the JS
/// boundary"); then 488.0 KB for the pages with requests read `type` first, not through serde's
/// buffer, and 198.6 KB for the page reading only a draft's text of the worker's answer,
/// 195.6 KB with the worker's notice read by its `type` (DESIGN.md, "The typed contract"); then
/// 195.9 KB with the first checks of a tab timed for the tests, and 191.1 KB with a recorded
/// send's event kept as the JS object the page hands back unread (the same section); then 190.9
/// and 484.2 KB with 128-bit SIMD on (16-byte moves in one load and store; DESIGN.md, "Sizes
/// are ratchets"); then 187.6 and 481.0 KB with Talc as the allocator instead of dlmalloc
/// (DESIGN.md, "An allocator for WebAssembly"); then 186.5 KB with the page's requests
/// written `type` first without `flatten` (DESIGN.md, "The typed contract"); then 184.4 and
/// 479.4 KB with enums read from their spelling only (DESIGN.md, "Enums read as strings"); then
/// 180.7 and 475.5 KB with the imports' hashed names shortened (DESIGN.md, "Short import
/// names"); then 179.4 and 474.0 KB with the unstable sort gone (DESIGN.md, "One sort for the
/// whole module"); then 177.6 and 471.5 KB with the toolchain's custom sections stripped (0.24
/// KB a module), the page's failures read as `Exchange` and the client's part that does not
/// depend on a reply's type compiled once (DESIGN.md, "Failures"); then 177.3 and 471.1 KB with
/// the duplicate check's shingles kept in a table instead of sorted (DESIGN.md, "Fewer passes
/// over a message"); then 176.4 and 470.5 KB with the phrase index's patterns naming their text
/// and targets by offset (DESIGN.md, "Phrase tables and the phrase index, compiled"); then
/// 176.9 KB for the page checking a built-in message at idle, so that the first check finds
/// the checker compiled (DESIGN.md, "A helper's lifetime"); then 177.8 and 471.2 KB with
/// a fifth fewer instructions a check in WebAssembly (ASCII read a byte at a time, punctuation found eight
/// bytes at a time, the other interviewers' messages' shingles remembered; DESIGN.md, "Fewer
/// passes over a message"); then 176.3 and 469.6 KB with a check another eighth cheaper (the
/// phrase index's leading words found by their filter bit's rank instead of a binary search of
/// their keys, which the index no longer holds; filters before the modifier and text-speak
/// lists; the language guess stopping once English is certain; the same section); then 176.5
/// and 468.9 KB with fewer allocations a check (names compared as they fold, the findings'
/// spans converted in one pass after the sort; DESIGN.md, "Fewer passes over a message"); then
/// 176.2 and 469.1 KB with the rules' marks found in one pass and the answers for most words
/// inline (the same section); then 469.2 KB for the pages with a sync tombstone that shows a
/// deleted interview again kept (DESIGN.md, "Sync across devices"); then 176.5 and 469.3 KB with
/// `lint`'s options and findings crossing by name in the in-page module, 177.0 KB with a
/// finding's fixed text borrowed and set from JS strings made once (DESIGN.md, "Values across
/// the JS boundary").
pub const MODULES: &[Module] = &[
    Module {
        feature: "content",
        profile: "wasm-content",
        name: "content",
        classic: true,
        // Binaryen's speed level on the size-compiled code: 6 % faster lint for 1.3 KB
        // gzipped more than -Os (measured interleaved in one Node process).
        wasm_opt: "-O3",
        stack: 64 * 1024,
        budget: 178 * 1024,
        allowed: &[(
            "hashbrown::",
            "serde-wasm-bindgen keeps the JS strings of field names in a small map keyed by \
             address (`static_str_to_js`); with it the module is 10.9 KB smaller than with JSON \
             text (DESIGN.md, Values across the JS boundary)",
        )],
    },
    Module {
        feature: "popup,worker",
        profile: "wasm-release",
        name: "followup",
        classic: false,
        wasm_opt: "-Oz",
        stack: 128 * 1024,
        budget: 470 * 1024,
        allowed: &[
            (
                "core::num::flt2dec::",
                "serde_json's decoders describe an unexpected float in their errors with serde's \
                 `Unexpected`, which formats it; the pages' module reads JSON text with \
                 serde_json (the store's paths in its errors), so it keeps them (DESIGN.md, \
                 Values across the JS boundary)",
            ),
            (
                "serde_json::value::",
                "the pages' module reads and writes store documents as JSON values (the store's \
                 checks, sync, imports)",
            ),
        ],
    },
];

/// Bytes the extension package (`dist/*.zip`) may take. Over the product's 500 KB since the split
/// (486.7 KB with one module, 677.5 KB with two, 666.6 KB with serde-wasm-bindgen in the page,
/// 660.9 KB with 32-bit keys in the phrase index, 662.2 KB with the verdict as the findings'
/// heading in both modules, 677.3 KB with invitations tracked from Gmail, 678.0 KB with Gmail's
/// own Undo send heard, 738.4 KB with sync across devices, 741.8 KB with imports that merge,
/// 726.4 KB with case mappings as runs, 728.3 KB with a faster lint and a compose watched along
/// its path, 720.7 KB without the text only tests read, 712.8 KB without float formatting in
/// the page, 702.0 KB with requests read `type` first, 697.3 KB with the page reading only a
/// draft's text, 694.0 KB with the notice read by its `type`, 694.7 KB with the first checks
/// timed, 689.9 KB with the page's Undo event kept as a JS object, 686.8 KB with SIMD on,
/// 679.7 KB with Talc as the allocator, 678.3 KB with the page's requests written without
/// `flatten`, 674.6 KB with enums read from their spelling only, 664.8 KB with short import
/// names, 661.9 KB with one sort, 657.2 KB with NUL written `\0` in the in-page module's
/// literal, 653.3 KB with the custom sections stripped and the client's failures split, 652.5
/// KB with the duplicate check's shingles in a table instead of sorted, 641.7 KB with the phrase
/// index's patterns naming shared text and targets and the in-page module shipped deflated in
/// base64 (DESIGN.md, "One module per context"), 642.2 KB with the checker compiled at idle
/// before the first check (DESIGN.md, "A helper's lifetime"), 643.9 KB with a faster check,
/// 641.3 KB with the phrase index's leading words found by their filter bit's rank, 640.4 KB
/// with fewer allocations a check, 640.2 KB with the rules' marks found in one pass (DESIGN.md,
/// "Fewer passes over a message"), 641.0 KB with `lint`'s options and findings crossing by name,
/// 638.7 KB with the shipped glue without its comment lines, 639.2 KB with a finding's fixed
/// text set from JS strings made once (DESIGN.md, "Values across the JS boundary")): the checker, the message
/// types and their decoders are in both modules. A ratchet, like the modules' budgets: the way back
/// under 500 KB is the modules shrinking (DESIGN.md, "One module per context").
pub const ZIP_BUDGET: u64 = 640 * 1024;

/// Code the module must not carry, by a part of its function names, with why: each was cut with
/// a measurement in DESIGN.md, and would come back silently through a derive or a generic call
/// that no lint sees.
pub const BANNED: &[(&str, &str)] = &[
    (
        "chrono::format::parse::parse_internal",
        "chrono's general date parser (RFC 2822 and every other format): read dates through crate::dates::serde_with (DESIGN.md, Dates without strftime)",
    ),
    (
        "hashbrown::",
        "a hash table: use a sorted Vec (DESIGN.md, Small sets without hash tables)",
    ),
    (
        "core::num::flt2dec::",
        "the standard library's float formatting (9.9 KB gzipped), linked by serde's description of an unexpected float in an error: read JS values with web::js_value (DESIGN.md, Values across the JS boundary)",
    ),
    (
        "dlmalloc::",
        "the standard library's allocator for WebAssembly (dlmalloc): the modules allocate with Talc, smaller and as fast (DESIGN.md, An allocator for WebAssembly)",
    ),
    (
        "serde_json::value::",
        "the JSON value type (its decoder, encoder and BTreeMap: 4.8 KB gzipped of the in-page module), for a document the page only hands back: hold it as web::convert::Raw (DESIGN.md, The typed contract)",
    ),
];

/// Fails when a module is over its budget or carries [`BANNED`] code, or the package is over
/// [`ZIP_BUDGET`]; then lists the largest functions of each module at fault.
pub fn check(built: &[crate::Built], zip: u64) -> Result<()> {
    let mut over = Vec::new();
    for b in built {
        over.extend(problems(b.module, b.gz, &b.unstripped));
    }
    if zip > ZIP_BUDGET {
        over.push(format!(
            "the package is {}, over its {} budget",
            kb(zip),
            kb(ZIP_BUDGET)
        ));
    }
    if over.is_empty() {
        return Ok(());
    }
    bail!("size budget exceeded or banned code: {}", over.join("; "))
}

/// What is wrong with one module (its gzipped size, its compiler output with names); prints its
/// largest functions when something is.
pub fn problems(module: &Module, gz: u64, unstripped: &[u8]) -> Vec<String> {
    let mut over = Vec::new();
    let names = largest(unstripped, usize::MAX);
    for (part, why) in BANNED {
        if module.allowed.iter().any(|(allowed, _)| allowed == part) {
            continue;
        }
        if let Some((_, name)) = names.iter().find(|(_, n)| n.contains(part)) {
            over.push(format!(
                "the {} module carries {name}: {why}",
                module.feature
            ));
        }
    }
    if gz > module.budget {
        over.push(format!(
            "the {} module is {} gzipped, over its {} budget",
            module.feature,
            kb(gz),
            kb(module.budget)
        ));
    }
    if !over.is_empty() {
        eprintln!(
            "\nthe {} module's largest functions (bytes of code, before wasm-bindgen and wasm-opt):",
            module.feature
        );
        for (size, name) in names.iter().take(20) {
            eprintln!("  {size:>7}  {name}");
        }
    }
    over
}

/// Kilobytes, one decimal.
pub fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

/// The `n` largest function bodies of a WebAssembly module with their names (from its `name`
/// section), wasm-bindgen's describe functions left out (the bindgen step removes them).
pub fn largest(module: &[u8], n: usize) -> Vec<(u32, String)> {
    let mut imported = 0u32;
    let mut sizes: Vec<u32> = Vec::new();
    let mut names = std::collections::HashMap::new();
    let mut at = 8;
    while let Some((id, body, next)) = section(module, at) {
        match id {
            2 => imported = count_function_imports(body).unwrap_or(0),
            10 => sizes = code_sizes(body).unwrap_or_default(),
            0 => {
                if let Some(found) = function_names(body) {
                    names = found;
                }
            }
            _ => {}
        }
        at = next;
    }
    let mut out: Vec<(u32, String)> = sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            let index = imported + i as u32;
            let name = names.get(&index).map_or_else(
                || format!("function {index}"),
                |n| format!("{:#}", rustc_demangle::demangle(n)),
            );
            (size, name)
        })
        .filter(|(_, name)| !name.contains("describe"))
        .collect();
    out.sort_by_key(|item| std::cmp::Reverse(item.0));
    out.truncate(n);
    out
}

fn leb(bytes: &[u8], mut at: usize) -> Option<(u32, usize)> {
    let (mut value, mut shift) = (0u32, 0);
    loop {
        let b = *bytes.get(at)?;
        at += 1;
        value |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some((value, at));
        }
        shift += 7;
    }
}

/// The section at `at`: (id, body, offset after it).
fn section(module: &[u8], at: usize) -> Option<(u8, &[u8], usize)> {
    let id = *module.get(at)?;
    let (len, start) = leb(module, at + 1)?;
    let end = start.checked_add(len as usize)?;
    Some((id, module.get(start..end)?, end))
}

fn name(bytes: &[u8], at: usize) -> Option<(&str, usize)> {
    let (len, start) = leb(bytes, at)?;
    let end = start + len as usize;
    Some((std::str::from_utf8(bytes.get(start..end)?).ok()?, end))
}

fn count_function_imports(body: &[u8]) -> Option<u32> {
    let (count, mut at) = leb(body, 0)?;
    let mut functions = 0;
    for _ in 0..count {
        let (_, next) = name(body, at)?;
        let (_, next) = name(body, next)?;
        let kind = *body.get(next)?;
        at = match kind {
            0 => {
                functions += 1;
                leb(body, next + 1)?.1
            }
            1 => {
                // table: reftype, limits
                let flags = *body.get(next + 2)?;
                let (_, after) = leb(body, next + 3)?;
                if flags & 1 == 1 {
                    leb(body, after)?.1
                } else {
                    after
                }
            }
            2 => {
                let flags = *body.get(next + 1)?;
                let (_, after) = leb(body, next + 2)?;
                if flags & 1 == 1 {
                    leb(body, after)?.1
                } else {
                    after
                }
            }
            3 => next + 3,
            _ => return None,
        };
    }
    Some(functions)
}

fn code_sizes(body: &[u8]) -> Option<Vec<u32>> {
    let (count, mut at) = leb(body, 0)?;
    let mut sizes = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (size, start) = leb(body, at)?;
        sizes.push(size);
        at = start + size as usize;
    }
    Some(sizes)
}

fn function_names(body: &[u8]) -> Option<std::collections::HashMap<u32, String>> {
    let (section_name, mut at) = name(body, 0)?;
    if section_name != "name" {
        return None;
    }
    while at < body.len() {
        let id = *body.get(at)?;
        let (len, start) = leb(body, at + 1)?;
        let end = start + len as usize;
        if id == 1 {
            let sub = body.get(start..end)?;
            let (count, mut p) = leb(sub, 0)?;
            let mut names = std::collections::HashMap::with_capacity(count as usize);
            for _ in 0..count {
                let (index, next) = leb(sub, p)?;
                let (n, next) = name(sub, next)?;
                names.insert(index, n.to_string());
                p = next;
            }
            return Some(names);
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sizes_and_names_of_a_tiny_module() {
        // (module (func $a) (func $b nop nop)) with a name section.
        let module: Vec<u8> = [
            &b"\0asm\x01\0\0\0"[..],
            &[1, 4, 1, 0x60, 0, 0], // type section: () -> ()
            &[3, 3, 2, 0, 0],       // two functions of type 0
            &[10, 9, 2, 2, 0, 0x0b, 4, 0, 1, 1, 0x0b], // bodies: 2 and 4 bytes
            &[
                0, 16, 4, b'n', b'a', b'm', b'e', 1, 9, 2, 0, 2, b'f', b'a', 1, 2, b'f', b'b',
            ],
        ]
        .concat();
        assert_eq!(
            largest(&module, 5),
            vec![(4, "fb".to_string()), (2, "fa".to_string())]
        );
        let content = &MODULES[0];
        assert!(problems(content, 1, &module).is_empty());
        assert_eq!(problems(content, content.budget + 1, &module).len(), 1);
        // The same module with its second function named like banned code.
        let banned = b"hashbrown::raw";
        let mut names = vec![1u8, 0, 2, 0, 2, b'f', b'a', 1, banned.len() as u8];
        names.extend_from_slice(banned);
        names[1] = (names.len() - 2) as u8;
        let mut custom = vec![0u8, 0, 4, b'n', b'a', b'm', b'e'];
        custom.extend_from_slice(&names);
        custom[1] = (custom.len() - 2) as u8;
        let module = [&module[..module.len() - 18], &custom[..]].concat();
        assert_eq!(largest(&module, 1), vec![(4, "hashbrown::raw".to_string())]);
        let pages = &MODULES[1];
        let refused = problems(pages, 1, &module).join("; ");
        assert!(refused.contains("a hash table"), "{refused}");
        // The in-page module may carry it (serde-wasm-bindgen's cache), and only it.
        assert!(problems(content, 1, &module).is_empty());
    }
}
