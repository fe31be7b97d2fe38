//! wasm32-only browser layer: converts values, calls the pure core, touches the DOM and
//! `chrome.*`. No policy lives here.

#[cfg(any(feature = "worker", feature = "content"))]
pub mod api;
pub mod chrome;
pub mod client;
#[cfg(feature = "content")]
pub mod content;
pub mod convert;
pub mod dom;
// The in-page module's reader of JS values (the pages' module reads JSON text).
#[cfg(not(any(feature = "popup", feature = "worker")))]
pub mod js_value;
#[cfg(feature = "popup")]
pub mod popup;
pub mod storage;
#[cfg(feature = "worker")]
pub mod sync;
#[cfg(feature = "worker")]
pub mod worker;

use wasm_bindgen::prelude::*;

/// The modules' allocator: Talc, in place of the standard library's dlmalloc (DESIGN.md,
/// "An allocator for WebAssembly").
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Runs on instantiation in every context (worker, popup, content script, Node): installs the
/// panic hook only. DOM work starts from an explicit entry point.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}
