//! The WebAssembly JS API: `lint`, `draft`, `schedule`. Each takes and returns plain objects in
//! the same JSON shapes as the CLI's `--json` output; callers outside this crate rely on them.
//! The worker's module (`pkg/followup.js`) has all three; the in-page module has `lint` (what the
//! WASM benchmarks time: the checker as it runs in the page).

use super::convert::from_js;
#[cfg(any(feature = "popup", feature = "worker"))]
use super::convert::to_js;
use crate::tone::LintOptions;
use wasm_bindgen::prelude::*;

/// `lint(text, options) -> Finding[]`.
#[wasm_bindgen]
pub fn lint(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: LintOptions = if options.is_undefined() || options.is_null() {
        LintOptions::default()
    } else if let Some(options) = by_name::options(&options) {
        options
    } else {
        from_js(options, "options")?
    };
    by_name::findings(&crate::tone::lint(text, &options))
}

/// The pages' module moves every value as JSON text ([`super::convert`]), `lint`'s too.
#[cfg(any(feature = "popup", feature = "worker"))]
mod by_name {
    use super::*;
    use crate::tone::Finding;

    /// Always the general reader.
    pub fn options(_: &JsValue) -> Option<LintOptions> {
        None
    }

    /// Through JSON text.
    pub fn findings(findings: &[Finding]) -> Result<JsValue, JsValue> {
        to_js(findings)
    }
}

/// In the in-page module, whose `lint` the benchmarks time, `lint`'s options are read and its
/// findings written property by property by name, the two costliest crossings of a check of a
/// short message (DESIGN.md, "Values across the JS boundary").
#[cfg(not(any(feature = "popup", feature = "worker")))]
mod by_name {
    use super::*;
    use crate::tone::Finding;
    use std::borrow::Cow;

    #[wasm_bindgen]
    extern "C" {
        /// `lint`'s options as a caller writes them: a plain object, its properties read by name.
        #[wasm_bindgen(extends = js_sys::Object)]
        type OptionsObject;
        #[wasm_bindgen(method, getter)]
        fn kind(this: &OptionsObject) -> JsValue;
        #[wasm_bindgen(method, getter)]
        fn channel(this: &OptionsObject) -> JsValue;
        #[wasm_bindgen(method, getter)]
        fn subject(this: &OptionsObject) -> JsValue;
        #[wasm_bindgen(method, getter)]
        fn to(this: &OptionsObject) -> JsValue;
        #[wasm_bindgen(method, getter)]
        fn others(this: &OptionsObject) -> JsValue;
    }

    /// JS values made once per module: `Object.prototype`, to tell a plain object (`{ kind: … }`)
    /// from anything else, and the spellings of the enums `lint` reads and writes, compared with
    /// `===` and set as they are instead of copied through the module's memory each time.
    struct Known {
        object_prototype: js_sys::Object,
        kinds: Vec<JsValue>,
        channels: Vec<JsValue>,
        categories: Vec<JsValue>,
        severities: Vec<JsValue>,
    }

    thread_local! {
        static KNOWN: Known = Known {
            object_prototype: js_sys::Object::get_prototype_of(&js_sys::Object::new().into()),
            kinds: spellings(crate::model::Kind::SPELLINGS),
            channels: spellings(crate::model::Channel::SPELLINGS),
            categories: spellings(crate::tone::Category::SPELLINGS),
            severities: spellings(crate::tone::Severity::SPELLINGS),
        };
    }

    fn spellings(all: &[&str]) -> Vec<JsValue> {
        all.iter().map(|s| JsValue::from_str(s)).collect()
    }

    /// The value of `all` (in declaration order) whose spelling, in `spellings`, is `value`.
    fn spelled<T: Copy>(value: &JsValue, all: &[T], spellings: &[JsValue]) -> Option<T> {
        all.iter()
            .zip(spellings)
            .find(|(_, s)| *s == value)
            .map(|(&v, _)| v)
    }

    /// `lint`'s options read by name, for the usual call: a plain object (its prototype is
    /// `Object.prototype`) whose properties are absent, `undefined`, strings, a known kind and channel,
    /// and no `others`. `None` for anything else, which the general reader ([`from_js`]) then reads or
    /// refuses with its error, so the answer is the same either way: this path only skips
    /// `Object.entries`, a pair array a property and the copy of each property's name into the module
    /// (DESIGN.md, "Values across the JS boundary"). Unlike `Object.entries` and `JSON.stringify`,
    /// reading by name would also see a property that is not enumerable, or one added to
    /// `Object.prototype` itself; neither is an options object a caller writes.
    pub fn options(options: &JsValue) -> Option<LintOptions> {
        KNOWN.with(|known| {
            if js_sys::Object::get_prototype_of(options) != known.object_prototype {
                return None;
            }
            let options: &OptionsObject = options.unchecked_ref();
            if !options.others().is_undefined() {
                return None;
            }
            let kind = options.kind();
            let kind = if kind.is_undefined() {
                None
            } else {
                Some(spelled(&kind, crate::model::Kind::ALL, &known.kinds)?)
            };
            let channel = options.channel();
            let channel = if channel.is_undefined() {
                crate::model::Channel::default()
            } else {
                spelled(&channel, crate::model::Channel::ALL, &known.channels)?
            };
            Some(LintOptions {
                kind,
                channel,
                subject: text(options.subject())?,
                to: text(options.to())?,
                others: Vec::new(),
            })
        })
    }

    /// An absent property as `Some(None)`, a string as `Some(Some(…))`, anything else `None`.
    fn text(value: JsValue) -> Option<Option<String>> {
        if value.is_undefined() {
            Some(None)
        } else {
            value.as_string().map(Some)
        }
    }

    #[wasm_bindgen]
    extern "C" {
        /// A finding as `lint` hands it out: a plain object, its properties set by name.
        #[wasm_bindgen(extends = js_sys::Object)]
        type FindingObject;
        #[wasm_bindgen(method, setter = rule)]
        fn set_rule(this: &FindingObject, rule: &JsValue);
        #[wasm_bindgen(method, setter = category)]
        fn set_category(this: &FindingObject, category: &JsValue);
        #[wasm_bindgen(method, setter = severity)]
        fn set_severity(this: &FindingObject, severity: &JsValue);
        #[wasm_bindgen(method, setter = start)]
        fn set_start(this: &FindingObject, start: u32);
        #[wasm_bindgen(method, setter = end)]
        fn set_end(this: &FindingObject, end: u32);
        #[wasm_bindgen(method, setter = message)]
        fn set_message(this: &FindingObject, message: &JsValue);
        #[wasm_bindgen(method, setter = suggestion)]
        fn set_suggestion(this: &FindingObject, suggestion: &str);
        #[wasm_bindgen(method, setter = suggestion)]
        fn set_no_suggestion(this: &FindingObject, null: &JsValue);
    }

    thread_local! {
        /// The JS strings of the fixed text findings borrow (every rule id, most messages), by
        /// address and length, sorted: each made from the module's memory the first time a
        /// finding carries it, then set as the same JS string.
        static FIXED: std::cell::RefCell<Vec<((usize, usize), JsValue)>> = const {
            std::cell::RefCell::new(Vec::new())
        };
    }

    /// `text` as a JS string: fixed text's made once (kept in `made`, [`FIXED`]), owned text's
    /// copied out of the module's memory now.
    #[allow(clippy::ptr_arg)] // the variant matters: only borrowed text has a lasting address
    fn js_text<'a>(
        made: &'a mut Vec<((usize, usize), JsValue)>,
        text: &Cow<'static, str>,
    ) -> Cow<'a, JsValue> {
        let Cow::Borrowed(text) = text else {
            return Cow::Owned(JsValue::from_str(text));
        };
        let key = (text.as_ptr() as usize, text.len());
        let at = match made.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(at) => at,
            Err(at) => {
                made.insert(at, (key, JsValue::from_str(text)));
                at
            }
        };
        Cow::Borrowed(&made[at].1)
    }

    /// The findings as `Finding[]` of plain objects, the CLI's JSON shape: each object's seven
    /// properties set by name in the order `Finding` declares them (so every object gets the same
    /// shape), `null` for no suggestion, offsets as numbers. Fixed text (a rule id, a message
    /// that names nothing from the text) is set from a JS string made once ([`FIXED`]), the rest
    /// is copied out of the module's memory.
    pub fn findings(findings: &[Finding]) -> Result<JsValue, JsValue> {
        let array = js_sys::Array::new_with_length(findings.len() as u32);
        FIXED.with_borrow_mut(|made| {
            KNOWN.with(|known| {
                for (i, f) in findings.iter().enumerate() {
                    let object: FindingObject = js_sys::Object::new().unchecked_into();
                    object.set_rule(&js_text(made, &f.rule));
                    object.set_category(&known.categories[f.category.index()]);
                    object.set_severity(&known.severities[f.severity.index()]);
                    object.set_start(f.start as u32);
                    object.set_end(f.end as u32);
                    object.set_message(&js_text(made, &f.message));
                    match &f.suggestion {
                        Some(s) => object.set_suggestion(s),
                        None => object.set_no_suggestion(&JsValue::NULL),
                    }
                    array.set(i as u32, object.into());
                }
            })
        });
        Ok(array.into())
    }
}

/// `draft(store, request) -> Draft`.
#[cfg(feature = "worker")]
#[wasm_bindgen]
pub fn draft(store: JsValue, request: JsValue) -> Result<JsValue, JsValue> {
    let store =
        crate::store::parse(&super::convert::stringify(&store)?).map_err(|e| e.to_string())?;
    let request: crate::draft::DraftRequest = from_js(request, "request")?;
    let draft = crate::draft::draft(&store, &request).map_err(|e| e.to_string())?;
    to_js(&draft)
}

/// `schedule(store, nowIso) -> Due[]`.
#[cfg(feature = "worker")]
#[wasm_bindgen]
pub fn schedule(store: JsValue, now_iso: &str) -> Result<JsValue, JsValue> {
    let store =
        crate::store::parse(&super::convert::stringify(&store)?).map_err(|e| e.to_string())?;
    let now = chrono::DateTime::parse_from_rfc3339(now_iso)
        .map_err(|e| format!("nowIso: not an RFC 3339 time ({e})"))?;
    to_js(&crate::schedule::schedule(&store, now))
}
