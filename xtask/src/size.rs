//! Size budgets: what `cargo xtask build` holds the package to, and, when it is over, the
//! largest functions of the module (from the compiler's output, which still has names).

use anyhow::{bail, Result};

/// Gzipped bytes the extension's WebAssembly may take. A ratchet near today's size (411 KB at the
/// start of this wave, 418.5 KB with its fixes; 428.7 KB with the popup's due list and import
/// rework, 430.6 KB with its typed actions and screen registry, 433.1 KB with Undo for a snooze
/// and the draft preview's choices line, 434.1 KB with Undo for adding, editing and deleting an
/// interview and for saved settings, 436.1 KB with the checker's char loops inlined for speed:
/// DESIGN.md, "Char loops the size-optimised build inlines"; 436.9 KB with `grammar.missing_word`
/// and the capitals checks' ASCII paths; 456.0 KB with calendar invitations read into the form:
/// DESIGN.md, "Calendar invitations"; 471.8 KB with sends noticed in the page: the note with its
/// Undo, the Send watch, and the `page-sent`/`page-unsent` messages, whose serde decoders are
/// about half of it; 486.3 KB with replies noticed in Gmail: the reply classifier in the
/// module, the reply note, `page-reply`/`page-replied`; 488.4 KB with LinkedIn threads read too
/// and the popup following the store; 489.0 KB with "Save as filled in" after an invitation;
/// 487.8 KB once the two notes shared one Undo), so that the module does not grow
/// unnoticed; the
/// per-context budgets (100 KB for the in-page module, 250 KB for the others) apply once the
/// module is split per context.
pub const MODULE_BUDGET: u64 = 488 * 1024;
/// Bytes the extension package (`dist/*.zip`) may take.
pub const ZIP_BUDGET: u64 = 500 * 1024;

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
];

/// Fails when a measured size is over its budget or the module carries [`BANNED`] code; lists
/// the `raw` module's largest functions.
pub fn check(module_gz: u64, zip: u64, raw: &[u8]) -> Result<()> {
    let mut over = Vec::new();
    let names = largest(raw, usize::MAX);
    for (part, why) in BANNED {
        if let Some((_, name)) = names.iter().find(|(_, n)| n.contains(part)) {
            over.push(format!("the module carries {name}: {why}"));
        }
    }
    if module_gz > MODULE_BUDGET {
        over.push(format!(
            "the WebAssembly module is {} gzipped, over its {} budget",
            kb(module_gz),
            kb(MODULE_BUDGET)
        ));
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
    eprintln!("\nlargest functions (bytes of code, before wasm-bindgen and wasm-opt):");
    for (size, name) in largest(raw, 20) {
        eprintln!("  {size:>7}  {name}");
    }
    bail!("size budget exceeded or banned code: {}", over.join("; "))
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
        assert!(check(1, 1, &module).is_ok());
        assert!(check(MODULE_BUDGET + 1, 1, &module).is_err());
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
        let refused = check(1, 1, &module).unwrap_err().to_string();
        assert!(refused.contains("a hash table"), "{refused}");
    }
}
