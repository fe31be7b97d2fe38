//! Short import names. wasm-bindgen names each JS function a module imports after the function
//! and a 64-bit hash (`__wbg_appendChild_7465eba84213c75f`), once in the module's import section
//! and once as a key of the glue's import object. The hashes are 16 hex digits gzip cannot
//! shrink: renamed `_0`, `_1`, … in both places, the in-page module is about 4 KB gzipped
//! smaller and its glue about 2.7 KB (DESIGN.md, "Short import names").

use anyhow::{bail, Result};

/// The short name of the `index`-th import: `_` and the index in base 36 (a JS identifier that
/// is never a keyword).
fn short(mut index: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[index % 36]);
        index /= 36;
        if index == 0 {
            break;
        }
    }
    digits.reverse();
    format!("_{}", String::from_utf8_lossy(&digits))
}

/// Renames every function the module imports from its glue (`./{stem}_bg.js`), and returns the
/// renames, old name first, for [`rename_in_glue`].
pub fn shorten(module: &mut walrus::Module, glue: &str) -> Vec<(String, String)> {
    let mut renames = Vec::new();
    for import in module.imports.iter_mut().filter(|i| i.module == glue) {
        let new = short(renames.len());
        renames.push((std::mem::replace(&mut import.name, new.clone()), new));
    }
    renames
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Where `name` occurs in `js` as a whole identifier.
fn occurrences(js: &str, name: &str) -> Vec<usize> {
    let bytes = js.as_bytes();
    js.match_indices(name)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(at + name.len()).copied();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .collect()
}

/// The glue with each import's key renamed. Each old name must be in the glue exactly once, as
/// the key of the import object (`name: function…`); anything else means wasm-bindgen's glue
/// changed shape, and the build stops rather than ship a module whose imports are missing.
pub fn rename_in_glue(js: &str, renames: &[(String, String)]) -> Result<String> {
    let mut edits = Vec::new();
    for (old, new) in renames {
        let found = occurrences(js, old);
        let [at] = found[..] else {
            bail!(
                "the glue names the import `{old}` {} times, not once: wasm-bindgen's output \
                 changed shape (xtask/src/imports.rs)",
                found.len()
            );
        };
        if !js[at + old.len()..].trim_start().starts_with(':') {
            bail!("the glue's `{old}` is not an import object's key (xtask/src/imports.rs)");
        }
        edits.push((at, old.len(), new.as_str()));
    }
    edits.sort_unstable();
    let mut out = String::with_capacity(js.len());
    let mut from = 0;
    for (at, len, new) in edits {
        out.push_str(&js[from..at]);
        out.push_str(new);
        from = at + len;
    }
    out.push_str(&js[from..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_count_in_base_36() {
        let names: Vec<_> = [0, 9, 10, 35, 36, 205, 1295, 1296]
            .into_iter()
            .map(short)
            .collect();
        assert_eq!(names, ["_0", "_9", "_a", "_z", "_10", "_5p", "_zz", "_100"]);
    }

    fn renames(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn renames_the_import_object_keys_only() {
        let js = "const ret = __wbg_x_1a; // not a key\n";
        assert!(rename_in_glue(js, &renames(&[("__wbg_x_1a", "_0")])).is_err());
        let js = "imports = {\n  __wbg_get_ab: function(a) { return a.get_ab; },\n  \
                  __wbg_get_abc: function(a) {},\n};\n";
        let out = rename_in_glue(
            js,
            &renames(&[("__wbg_get_abc", "_0"), ("__wbg_get_ab", "_1")]),
        )
        .unwrap();
        assert_eq!(
            out,
            "imports = {\n  _1: function(a) { return a.get_ab; },\n  _0: function(a) {},\n};\n"
        );
    }

    #[test]
    fn refuses_a_name_missing_or_repeated() {
        let js = "{ __wbg_a_1: function() {}, b: __wbg_a_1 }";
        let err = rename_in_glue(js, &renames(&[("__wbg_a_1", "_0")])).unwrap_err();
        assert!(err.to_string().contains("2 times"), "{err}");
        let err = rename_in_glue(js, &renames(&[("__wbg_b_2", "_0")])).unwrap_err();
        assert!(err.to_string().contains("0 times"), "{err}");
    }

    #[test]
    fn renames_a_real_module_and_its_glue_alike() {
        // A module importing two functions from its glue and one from elsewhere.
        let mut module = walrus::Module::default();
        let ty = module.types.add(&[], &[]);
        module.add_import_func("./x_bg.js", "__wbg_log_0123456789abcdef", ty);
        module.add_import_func("env", "keep", ty);
        module.add_import_func("./x_bg.js", "__wbindgen_init_externref_table", ty);
        let renames = shorten(&mut module, "./x_bg.js");
        let names: Vec<_> = module
            .imports
            .iter()
            .map(|i| (i.module.as_str(), i.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [("./x_bg.js", "_0"), ("env", "keep"), ("./x_bg.js", "_1")]
        );
        let js = "{ __wbg_log_0123456789abcdef: function() {}, \
                  __wbindgen_init_externref_table: function() {} }";
        assert_eq!(
            rename_in_glue(js, &renames).unwrap(),
            "{ _0: function() {}, _1: function() {} }"
        );
    }
}
