//! Content script: finds compose editors on supported sites and attaches the in-page helper.
//! Each site is a small module implementing [`Site`]; everything else is shared.

mod gmail;
mod linkedin;
mod ui;

use super::dom;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};

/// What a supported site must tell the shared code.
pub trait Site {
    /// The value of `data-followup-compose` for this site's editors.
    fn name(&self) -> &'static str;
    /// Compose editors currently under `root`, in document order.
    fn editors(&self, root: &JsValue) -> Vec<Element>;
    /// Where the helper chip goes for `editor` (it is inserted before this element's first child
    /// or appended to it); `None` places it just before the editor.
    fn chip_anchor(&self, editor: &Element) -> Option<Element>;
}

thread_local! {
    static SITE: RefCell<Option<&'static dyn Site>> = const { RefCell::new(None) };
}

fn site_for(host: &str) -> Option<&'static dyn Site> {
    match host {
        "mail.google.com" => Some(&gmail::Gmail),
        "www.linkedin.com" => Some(&linkedin::LinkedIn),
        _ => None,
    }
}

/// Entry point called by `content.js` once the module is instantiated.
#[wasm_bindgen]
pub fn content_start() -> Result<(), JsValue> {
    let doc = dom::document()?;
    let host = doc
        .location()
        .map(|l| l.hostname().unwrap_or_default())
        .unwrap_or_default();
    let Some(site) = site_for(&host) else {
        return Ok(());
    };
    SITE.with(|s| *s.borrow_mut() = Some(site));
    scan(site, &doc.clone().into());
    observe(&doc)?;
    Ok(())
}

/// Marks new editors and attaches their helper; already-processed editors are skipped.
fn scan(site: &'static dyn Site, root: &JsValue) {
    for editor in site.editors(root) {
        if editor.has_attribute("data-followup-compose") {
            continue;
        }
        let _ = editor.set_attribute("data-followup-compose", site.name());
        if let Err(e) = ui::attach(site, &editor) {
            web_sys::console::debug_2(&"Interview Follow-Up: could not attach helper".into(), &e);
        }
    }
}

fn observe(doc: &web_sys::Document) -> Result<(), JsValue> {
    let Some(body) = doc.body() else {
        return Ok(());
    };
    let pending = std::rc::Rc::new(std::cell::Cell::new(false));
    let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
        move |records: js_sys::Array, _| {
            // Only additions can bring a new editor; batch the scan to one per microtask.
            let added = records.iter().any(|r| {
                r.dyn_into::<web_sys::MutationRecord>()
                    .map(|r| r.added_nodes().length() > 0)
                    .unwrap_or(false)
            });
            if !added || pending.get() {
                return;
            }
            pending.set(true);
            let pending = pending.clone();
            wasm_bindgen_futures::spawn_local(async move {
                pending.set(false);
                if let (Some(site), Ok(doc)) = (SITE.with(|s| *s.borrow()), dom::document()) {
                    scan(site, &doc.into());
                }
            });
        },
    );
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer.observe_with_options(&body, &init)?;
    callback.forget();
    Ok(())
}
