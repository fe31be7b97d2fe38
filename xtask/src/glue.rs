//! Edits to wasm-bindgen's JS glue that its options do not offer.
//!
//! **Strings copied into the module in one call.** wasm-bindgen's `passStringToWasm0` copies a
//! string into the module's memory with a JS loop over `charCodeAt` while the chars are ASCII,
//! then `TextEncoder.encodeInto` for the rest. Every string the module reads goes through that one
//! function (the text checked, the options, each string a DOM call returns), and those strings
//! come in many representations (one-byte, two-byte, concatenated, sliced, internalized), so V8
//! finds a different string map at the loop's `charCodeAt` and the load goes megamorphic: a
//! generic lookup for every char. The function is replaced by one that encodes the whole string
//! with `encodeInto` into room for three bytes per UTF-16 unit (the most one takes, a lone
//! surrogate included) and shrinks the allocation to what was written, as wasm-bindgen's own
//! non-ASCII path does. Measured in DESIGN.md ("Strings into the module in one call").

use anyhow::{bail, Result};

/// The declaration wasm-bindgen writes (0.2.130, pinned in Cargo.lock).
const DECLARATION: &str = "function passStringToWasm0(arg, malloc, realloc) {";

/// What the original body must contain: the shape this edit was written against.
const EXPECTED: &[&str] = &[
    "realloc === undefined",
    "arg.charCodeAt(offset)",
    "cachedTextEncoder.encodeInto(arg, view)",
    "WASM_VECTOR_LEN = offset;",
];

/// The replacement, at the declaration's indentation (`{i}`). `malloc` and `realloc` are the
/// module's `__wbindgen_malloc` and `__wbindgen_realloc`; the caller builds the Rust string
/// from the pointer and `WASM_VECTOR_LEN`, so the allocation must end up exactly that long.
const REPLACEMENT: &str = "function passStringToWasm0(arg, malloc, realloc) {
{i}    if (realloc === undefined) {
{i}        const buf = cachedTextEncoder.encode(arg);
{i}        const ptr = malloc(buf.length, 1) >>> 0;
{i}        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
{i}        WASM_VECTOR_LEN = buf.length;
{i}        return ptr;
{i}    }
{i}    // One `encodeInto` for the whole string (xtask/src/glue.rs): at most three bytes per unit.
{i}    const room = arg.length * 3;
{i}    let ptr = malloc(room, 1) >>> 0;
{i}    const written = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + room)).written;
{i}    if (written !== room) {
{i}        ptr = realloc(ptr, room, written, 1) >>> 0;
{i}    }
{i}    WASM_VECTOR_LEN = written;
{i}    return ptr;
{i}}";

/// The glue with `passStringToWasm0` replaced (see the module's doc). The function must be in
/// the glue exactly once and in the shape it was written against; anything else stops the build.
pub fn pass_strings_whole(js: &str) -> Result<String> {
    let found: Vec<usize> = js.match_indices(DECLARATION).map(|(at, _)| at).collect();
    let [start] = found[..] else {
        bail!(
            "the glue declares passStringToWasm0 {} times, not once: wasm-bindgen's output \
             changed shape (xtask/src/glue.rs)",
            found.len()
        );
    };
    let open = start + DECLARATION.len() - 1;
    let Some(end) = closing_brace(js, open) else {
        bail!("passStringToWasm0 has no closing brace in the glue (xtask/src/glue.rs)");
    };
    let body = &js[open..=end];
    if let Some(missing) = EXPECTED.iter().find(|e| !body.contains(*e)) {
        bail!(
            "passStringToWasm0 no longer contains `{missing}`: wasm-bindgen's output changed \
             shape (xtask/src/glue.rs)"
        );
    }
    let line_start = js[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = &js[line_start..start];
    if !indent.chars().all(|c| c == ' ') {
        bail!("passStringToWasm0 does not start a line of the glue (xtask/src/glue.rs)");
    }
    Ok(format!(
        "{}{}{}",
        &js[..start],
        REPLACEMENT.replace("{i}", indent),
        &js[end + 1..]
    ))
}

/// The glue as the extension ships it: without its comment lines, the doc comments wasm-bindgen
/// copies from the Rust exports (`/** … */`) and its own `// …` notes, which no browser reads
/// (`pkg/` keeps them for a reader). Only whole lines go: a block that starts a line through the
/// line that closes it, and a line that is a `//` comment. That is safe because no string in the
/// glue spans lines, which is checked: a code line with an odd number of backticks (a template
/// literal left open) or ending in a backslash stops the build.
pub fn without_comments(js: &str) -> Result<String> {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for (n, line) in js.lines().enumerate() {
        let code = line.trim();
        if in_block {
            in_block = !code.ends_with("*/");
            continue;
        }
        if code.starts_with("/*") {
            in_block = !code.ends_with("*/") || code.len() < 4;
            continue;
        }
        if code.starts_with("//") {
            continue;
        }
        if code.matches('`').count() % 2 == 1 || code.ends_with('\\') {
            bail!(
                "line {} of the glue continues a string on the next line, so its comment lines \
                 cannot be told from text (xtask/src/glue.rs): {code}",
                n + 1
            );
        }
        out.push_str(line);
        out.push('\n');
    }
    if in_block {
        bail!("the glue ends inside a comment (xtask/src/glue.rs)");
    }
    Ok(out)
}

/// The byte offset of the `}` that closes the `{` at `open` (the function holds no braces in
/// strings or comments).
fn closing_brace(js: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in js.bytes().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_go_and_code_stays() {
        let glue = "    /**\n     * `lint(text, options)`.\n     * @returns {any}\n     */\n    function lint(a) {\n        // Cast intrinsic for `F64`.\n        return `${a}`; // kept: code first\n    }\n    /** one line */\n    const url = 'http://x/*y*/';\n";
        assert_eq!(
            without_comments(glue).unwrap(),
            "    function lint(a) {\n        return `${a}`; // kept: code first\n    }\n    const url = 'http://x/*y*/';\n"
        );
        // A template literal or a string that goes on to the next line: a line there that looks
        // like a comment may be text, so nothing is removed.
        assert!(without_comments("const t = `a\n// b\n`;\n").is_err());
        assert!(without_comments("const t = 'a\\\n// b';\n").is_err());
        assert!(without_comments("/** never closed\nfunction f() {}\n").is_err());
    }

    /// wasm-bindgen 0.2.130's function, as `emit` writes it inside the no-modules wrapper.
    const ORIGINAL: &str = "    function passStringToWasm0(arg, malloc, realloc) {
        if (realloc === undefined) {
            const buf = cachedTextEncoder.encode(arg);
            const ptr = malloc(buf.length, 1) >>> 0;
            getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
            WASM_VECTOR_LEN = buf.length;
            return ptr;
        }

        let len = arg.length;
        let ptr = malloc(len, 1) >>> 0;

        const mem = getUint8ArrayMemory0();

        let offset = 0;

        for (; offset < len; offset++) {
            const code = arg.charCodeAt(offset);
            if (code > 0x7F) break;
            mem[ptr + offset] = code;
        }
        if (offset !== len) {
            if (offset !== 0) {
                arg = arg.slice(offset);
            }
            ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
            const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
            const ret = cachedTextEncoder.encodeInto(arg, view);

            offset += ret.written;
            ptr = realloc(ptr, len, offset, 1) >>> 0;
        }

        WASM_VECTOR_LEN = offset;
        return ptr;
    }
";

    #[test]
    fn the_function_is_replaced_whole_and_nothing_else() {
        let glue = format!(
            "let WASM_VECTOR_LEN = 0;\n\n{ORIGINAL}\n    function next() {{ return 1; }}\n"
        );
        let out = pass_strings_whole(&glue).unwrap_or_default();
        assert!(out.starts_with("let WASM_VECTOR_LEN = 0;\n\n    function passStringToWasm0("));
        assert!(
            out.ends_with("\n    }\n\n    function next() { return 1; }\n"),
            "{out}"
        );
        assert!(!out.contains("charCodeAt"));
        assert!(
            out.contains("\n        const room = arg.length * 3;\n"),
            "indented as found"
        );
        assert_eq!(out.matches('{').count(), out.matches('}').count());
        // Applied twice: the edited function is no longer the shape the edit expects.
        assert!(pass_strings_whole(&out).is_err());
    }

    #[test]
    fn a_glue_of_another_shape_stops_the_build() {
        assert!(
            pass_strings_whole("function other() {}").is_err(),
            "missing"
        );
        let twice = format!("{ORIGINAL}{ORIGINAL}");
        assert!(pass_strings_whole(&twice).is_err(), "twice");
        let changed = ORIGINAL.replace("arg.charCodeAt(offset)", "arg.codePointAt(offset)");
        assert!(pass_strings_whole(&changed).is_err(), "another body");
        let open = ORIGINAL.trim_end().trim_end_matches('}');
        assert!(pass_strings_whole(open).is_err(), "unclosed");
    }
}
