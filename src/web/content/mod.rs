//! Content script: finds compose editors on supported sites and attaches the in-page helper.
//!
//! Shared here and in the sibling modules: recognition (one selector query per scan; editors
//! that are rendered in front of the user are marked `data-followup-compose` and get a
//! helper), narrow observation (the site's containers and shadow roots, shadow hosts until
//! their root is attached, the body's own children, and a focus fallback; scans at most every
//! 30 ms; a container of composes only is watched along the paths to its recognised editors,
//! see [`Site::composes_only`]), the chip and its live checks (`ui`), reading and inserting
//! text (`editor`), and the pure logic in [`crate::page`] (offset mapping, recipient matching, what to offer).
//!
//! Each site is one small module implementing [`Site`] (in `site.rs`, with what sites share). Adding a third site (say Outlook):
//! 1. `outlook.rs`: a unit struct implementing [`Site`]: `name()` (`"outlook"`),
//!    `editor_selector()` (stable attributes first, localized labels last), optionally
//!    `containers()` / `shadow_hosts()` / `limit()`, and `compose()` reading recipients into
//!    [`Person`](crate::page::people::Person)s, the subject field and the [`Channel`](crate::model::Channel);
//! 2. `mod outlook;` and one arm in `site_for` (`"outlook.office.com" => Some(&outlook::Outlook)`);
//! 3. the origin in `extension/manifest.json` (`content_scripts.matches`, `host_permissions`,
//!    `web_accessible_resources`), a fixture folder and a test file.

mod editor;
mod gmail;
mod linkedin;
mod note;
mod opened;
mod sent;
mod site;
mod ui;

use super::{chrome, dom};
use crate::protocol::Notice;
pub use site::{Compose, Site};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit, Node};

thread_local! {
    static SITE: Cell<Option<&'static dyn Site>> = const { Cell::new(None) };
    static OBSERVER: RefCell<Option<MutationObserver>> = const { RefCell::new(None) };
    /// The observer of the paths to recognised editors ([`rewatch`]): a change it sees starts
    /// the containers' settling second, which the body's or a whole container's changes do not.
    static PATHS: RefCell<Option<MutationObserver>> = const { RefCell::new(None) };
    /// Always watched: the body (its own children only when the site names containers).
    static BASE: RefCell<Option<(Node, bool)>> = const { RefCell::new(None) };
    /// The site's containers, as the last scan found them.
    static CONTAINERS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The shadow roots of the site's hosts (watched whole while in the page).
    static ROOTS: RefCell<Vec<Node>> = const { RefCell::new(Vec::new()) };
    /// Until when containers are watched whole after a change (see [`Site::composes_only`]).
    static SETTLING_UNTIL: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// How long a container is watched whole after a change on the paths to its editors: a compose
/// that the site builds in steps (its window first, the editor later) gets its helper within
/// this time; after it, the focus fallback still recognises it when the user clicks into it.
pub const SETTLE_MS: f64 = 1000.0;

fn site_for(host: &str) -> Option<&'static dyn Site> {
    match host {
        "mail.google.com" => Some(&gmail::Gmail),
        "www.linkedin.com" => Some(&linkedin::LinkedIn),
        _ => None,
    }
}

#[wasm_bindgen]
extern "C" {
    /// `chrome.runtime.onMessage.addListener(callback)`.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onMessage"], js_name = addListener, catch)]
    fn on_message(callback: &js_sys::Function) -> Result<(), JsValue>;
}

/// Listens for the worker's notices: only from this extension (`sender.id`), only the typed
/// [`Notice`]s; anything else is ignored.
fn listen_to_worker() {
    let own = chrome::RUNTIME_ID.with(|id| id.clone());
    let callback =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |message: JsValue, sender: JsValue| {
            let from = super::convert::property(&sender, "id").as_string();
            if own.is_none() || from != own {
                return;
            }
            let notice = super::convert::from_js::<Notice>(message, "notice").ok();
            if notice == Some(Notice::Changed) {
                ui::refresh_all();
            }
        });
    if on_message(callback.as_ref().unchecked_ref()).is_ok() {
        callback.forget();
    }
}

/// Whether an editor is really in front of the user: a box of its own, inside the window,
/// not hidden (`visibility`, `display`, `opacity: 0`, `content-visibility`). A page can build an
/// off-screen or invisible compose; it gets no helper until it is shown (and focusing a shown
/// editor recognises it too).
fn rendered(editor: &Element) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let r = editor.get_bounding_client_rect();
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0);
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let boxed = r.width() >= 4.0 && r.height() >= 4.0;
    let inside = r.right() > 0.0 && r.bottom() > 0.0 && r.left() < width && r.top() < height;
    boxed && inside && dom::visible(editor)
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
    SITE.with(|s| s.set(Some(site)));
    observe(&doc, site)?;
    scan(site);
    listen_to_worker();
    opened::watch(site);
    warm_up();
    Ok(())
}

/// A message that runs most of the checker and most of what builds a finding: a greeting with
/// a name, thanks, a detail, a link, a stretched word, doubled exclamation marks, a typo, a
/// pushy phrase in capitals, a grammar slip, a sign-off.
const WARM_UP: &str = "Hi Dana,\n\nThank you sooo much for the interview yesterday!! I really \
    enjoyed hearing about the onboarding revamp; my notes are at https://example.com/notes. I am \
    definately excited about the role and look forward to hear from you ASAP.\n\nBest regards,\nSam";

/// Checks [`WARM_UP`] once the page is idle, keeping only the number of findings (for the
/// tests). Chromium compiles a function of the module the first time it runs, so the first check
/// of a tab paid for compiling the checker (4–9 ms in the e2e suite, against 0.1 ms for the
/// next); done while nobody waits, the user's first check finds it compiled. Skipped where the
/// browser has no `requestIdleCallback`.
fn warm_up() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let check = Closure::once_into_js(|| {
        let options = crate::tone::LintOptions {
            kind: Some(crate::model::Kind::ThankYou),
            channel: crate::model::Channel::Email,
            subject: Some("Thank you".to_string()),
            to: Some("Dana Lee".to_string()),
            others: Vec::new(),
        };
        let found = crate::tone::lint(WARM_UP, &options);
        WARMED.with(|w| w.set(found.len()));
    });
    let _ = window.request_idle_callback(check.unchecked_ref());
}

/// What the content script holds, for tests and benchmarks: helpers attached to editors on the
/// page, helpers still in memory (equal, unless a closed compose's helper leaked), and the
/// module's memory in bytes.
#[derive(serde::Serialize)]
struct Stats {
    attached: usize,
    alive: usize,
    memory: f64,
    /// Scans of the page so far (a quiet page makes none).
    scans: u32,
    /// Findings in [`WARM_UP`] once it was checked at idle; 0 before.
    warmed: usize,
}

/// `content_stats() -> {attached, alive, memory, scans, warmed}` (read by the browser tests
/// through the loader's `followupStats`; nothing the page can reach).
#[wasm_bindgen]
pub fn content_stats() -> Result<JsValue, JsValue> {
    let (attached, alive) = ui::counts();
    let memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer())
        .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>())
        .map_or(0.0, |b| f64::from(b.byte_length()));
    super::convert::to_js(&Stats {
        attached,
        alive,
        memory,
        scans: SCANS.with(Cell::get),
        warmed: WARMED.with(Cell::get),
    })
}

/// `content_checks() -> Float64Array`: how long the tab's first checks of a text took, in ms,
/// two numbers per check: the lint, then the whole check (read by the browser tests through the
/// loader's `followupChecks`; nothing the page can reach).
#[wasm_bindgen]
pub fn content_checks() -> Vec<f64> {
    ui::times()
}

/// Marks new editors and attaches their helper (in the document and the site's shadow roots);
/// forgets helpers whose editor left the page and puts back chips the page removed.
fn scan(site: &'static dyn Site) {
    let Ok(doc) = dom::document() else {
        return;
    };
    SCANS.with(|n| n.set(n.get().wrapping_add(1)));
    ui::prune();
    let selector = SELECTOR.with(|cached| {
        let mut cached = cached.borrow_mut();
        if cached.is_empty() {
            *cached = site
                .editor_selector()
                .split(',')
                .map(|s| format!("{}:not([data-followup-compose])", s.trim()))
                .collect::<Vec<_>>()
                .join(",");
        }
        cached.clone()
    });
    CONTAINERS.with(|c| *c.borrow_mut() = site.containers(&doc).unwrap_or_default());
    let mut roots: Vec<JsValue> = vec![doc.clone().into()];
    let hosts = site
        .shadow_hosts()
        .map(|selector| dom::query_all(&doc.clone().into(), selector))
        .unwrap_or_default();
    for host in hosts {
        match host.shadow_root() {
            Some(shadow) => {
                ROOTS.with(|r| {
                    let mut r = r.borrow_mut();
                    r.retain(Node::is_connected);
                    if !r.iter().any(|n| n.is_same_node(Some(&shadow))) {
                        r.push(shadow.clone().into());
                    }
                });
                roots.push(shadow.into());
            }
            None => await_shadow(&host),
        }
    }
    for root in &roots {
        for editor in dom::query_all(root, &selector) {
            if !rendered(&editor) {
                await_size(&editor);
                continue;
            }
            forget_size(&editor);
            let _ = editor.set_attribute("data-followup-compose", site.name());
            if let Err(e) = ui::attach(site, &editor) {
                web_sys::console::debug_2(
                    &"Interview Follow-Up: could not attach helper".into(),
                    &e,
                );
            }
        }
    }
    // Observing anew also drops the records of the chips just attached: they are not news.
    rewatch(site);
}

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
    static SCANS: Cell<u32> = const { Cell::new(0) };
    static WARMED: Cell<usize> = const { Cell::new(0) };
    static LAST_SCAN: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static SELECTOR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Scans run at most this often while the page keeps changing (recognition stays within the
/// 50 ms budget; a page that mutates all the time pays for one scan per interval, not one per
/// batch of mutations).
const SCAN_INTERVAL_MS: f64 = 30.0;

/// Called for every batch of mutations: scans now if the last scan is old enough, else once
/// when the interval is over.
fn on_mutations() {
    if PENDING.with(Cell::get) {
        return;
    }
    let wait = LAST_SCAN.with(Cell::get) + SCAN_INTERVAL_MS - dom::clock();
    if wait <= 0.0 {
        run_scan();
        return;
    }
    PENDING.with(|p| p.set(true));
    let later = Closure::once_into_js(run_scan);
    let scheduled = web_sys::window().is_some_and(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            later.unchecked_ref(),
            wait.ceil() as i32,
        )
        .is_ok()
    });
    if !scheduled {
        PENDING.with(|p| p.set(false));
    }
}

fn run_scan() {
    PENDING.with(|p| p.set(false));
    LAST_SCAN.with(|l| l.set(dom::clock()));
    if let Some(site) = SITE.with(Cell::get) {
        scan(site);
        opened::changed(site);
    }
}

fn observe(doc: &web_sys::Document, site: &'static dyn Site) -> Result<(), JsValue> {
    // The records are not read: only additions matter (`childList`), and one scan with one
    // selector query costs less than crossing into WebAssembly for every record.
    let callback = Closure::<dyn FnMut(JsValue, JsValue)>::new(|_records: JsValue, _o: JsValue| {
        on_mutations()
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    callback.forget();
    OBSERVER.with(|o| *o.borrow_mut() = Some(observer));
    let on_path = Closure::<dyn FnMut(JsValue, JsValue)>::new(|_records: JsValue, _o: JsValue| {
        settle();
        on_mutations()
    });
    let paths = MutationObserver::new(on_path.as_ref().unchecked_ref())?;
    on_path.forget();
    PATHS.with(|o| *o.borrow_mut() = Some(paths));
    let target: Node = match doc.body() {
        Some(b) => b.into(),
        None => doc.clone().into(),
    };
    let narrow = site.containers(doc).is_some();
    // Watched from the first scan on (`content_start` runs it right after this).
    BASE.with(|b| *b.borrow_mut() = Some((target, !narrow)));
    if narrow {
        // Editors outside the watched containers (an inline reply opened in a busy thread
        // view) are recognised when they get focus, which the site gives them on opening.
        let on_focus = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            let editable = e
                .composed_path()
                .get(0)
                .dyn_into::<web_sys::HtmlElement>()
                .is_ok_and(|el| el.is_content_editable() || el.tag_name() == "TEXTAREA");
            if editable {
                run_scan();
            }
        });
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_capture(true);
        doc.add_event_listener_with_callback_and_add_event_listener_options(
            "focusin",
            on_focus.as_ref().unchecked_ref(),
            &opts,
        )?;
        on_focus.forget();
    }
    Ok(())
}

fn child_list(subtree: bool) -> MutationObserverInit {
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(subtree);
    init
}

/// Watches what needs watching now, and nothing else: the body (see [`BASE`]); the shadow
/// roots whole; each container whole, unless the site's containers hold composes only
/// ([`Site::composes_only`]), every editor in it has its helper and no change is settling: then
/// only the nodes from each editor's parent up to the container, their children and not their
/// subtrees, with the [`PATHS`] observer. Called after every scan (in the same task as the scan, so no change is missed in
/// between): a `MutationObserver` cannot stop watching one node, so it is disconnected and
/// given the whole list again (a few calls, against the scan's queries); so is [`PATHS`].
fn rewatch(site: &'static dyn Site) {
    let settling = dom::clock() < SETTLING_UNTIL.with(Cell::get);
    let editors = if site.composes_only() {
        ui::editors()
    } else {
        Vec::new()
    };
    let mut want: Vec<(Node, bool)> = BASE.with(|b| b.borrow().clone()).into_iter().collect();
    let mut paths: Vec<(Node, bool)> = Vec::new();
    let containers = CONTAINERS.with(|c| c.borrow().clone());
    for container in containers.iter().filter(|c| c.is_connected()) {
        let inside: Vec<&Element> = editors
            .iter()
            .filter(|e| container.contains(Some(e)))
            .collect();
        if settling || inside.is_empty() {
            watch(&mut want, container.clone().into(), true);
            continue;
        }
        for editor in inside {
            let mut node = editor.parent_node();
            while let Some(n) = node {
                let top = n.is_same_node(Some(container));
                node = n.parent_node();
                watch(&mut paths, n, false);
                if top {
                    break;
                }
            }
        }
    }
    ROOTS.with(|r| {
        for root in r.borrow().iter().filter(|r| r.is_connected()) {
            watch(&mut want, root.clone(), true);
        }
    });
    for (observer, list) in [(&OBSERVER, want), (&PATHS, paths)] {
        observer.with(|o| {
            if let Some(observer) = o.borrow().as_ref() {
                observer.disconnect();
                for (node, subtree) in &list {
                    let _ = observer.observe_with_options(node, &child_list(*subtree));
                }
            }
        });
    }
}

/// Adds `node` to `want` (once; with its subtree if either asks).
fn watch(want: &mut Vec<(Node, bool)>, node: Node, subtree: bool) {
    match want.iter_mut().find(|(n, _)| n.is_same_node(Some(&node))) {
        Some(held) => held.1 |= subtree,
        None => want.push((node, subtree)),
    }
}

/// A change on a path to a recognised editor (a compose opened beside it, the editor's
/// surroundings rebuilt): containers are watched whole for [`SETTLE_MS`] (from the scan this
/// change brings), then along paths again. A change seen while settling does not extend it.
fn settle() {
    let now = dom::clock();
    if now < SETTLING_UNTIL.with(Cell::get) {
        return;
    }
    SETTLING_UNTIL.with(|s| s.set(now + SETTLE_MS));
    let done = Closure::once_into_js(|| {
        if let Some(site) = SITE.with(Cell::get) {
            rewatch(site);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            done.unchecked_ref(),
            SETTLE_MS as i32 + 1,
        );
    }
}

thread_local! {
    static RESIZES: RefCell<Option<web_sys::ResizeObserver>> = const { RefCell::new(None) };
    /// Editors whose size is watched (weakly held): each is observed once. By the standard,
    /// observing an element again starts a new observation that reports its size again, so a
    /// sized editor still not in front of the user (off-screen, transparent) could be scanned
    /// in a loop (Chromium 156 does not report again; the browser suite checks that a quiet
    /// page with such editors makes no scans).
    static SIZED: js_sys::WeakSet = js_sys::WeakSet::new();
}

/// Watches the size of an editor that is on the page but not yet in front of the user (a
/// compose that opens with an animation from zero size, or is laid out later): when its size
/// changes, the page is scanned again. Attribute and style changes make no `childList` record,
/// so the mutation observer would not see it; only such editors are watched.
fn await_size(editor: &Element) {
    RESIZES.with(|r| {
        let mut r = r.borrow_mut();
        if r.is_none() {
            let callback = Closure::<dyn FnMut(JsValue, JsValue)>::new(|_: JsValue, _: JsValue| {
                on_mutations()
            });
            *r = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            callback.forget();
        }
        if let Some(observer) = r.as_ref() {
            if !SIZED.with(|sized| sized.has(editor)) {
                SIZED.with(|sized| sized.add(editor));
                observer.observe(editor);
            }
        }
    });
}

/// Stops watching an editor's size (it is rendered now, or was never watched).
fn forget_size(editor: &Element) {
    RESIZES.with(|r| {
        if let Some(observer) = r.borrow().as_ref() {
            if SIZED.with(|sized| sized.delete(editor)) {
                observer.unobserve(editor);
            }
        }
    });
}

thread_local! {
    static BARE_HOSTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    static POLLING: Cell<bool> = const { Cell::new(false) };
}

/// How often a shadow host without its root is looked at.
const SHADOW_POLL_MS: i32 = 200;

/// Watches a shadow host that has no root yet. Attaching a shadow root makes no mutation
/// record, and what the page then puts inside is out of a document observer's sight, so the
/// host is looked at every [`SHADOW_POLL_MS`] until it has a root (then it is scanned and
/// observed like the others) or leaves the page. Only such hosts cost anything.
fn await_shadow(host: &Element) {
    BARE_HOSTS.with(|hosts| {
        let mut hosts = hosts.borrow_mut();
        if !hosts.iter().any(|h| h.is_same_node(Some(host))) {
            hosts.push(host.clone());
        }
    });
    if !POLLING.with(|p| p.replace(true)) {
        schedule_poll();
    }
}

fn schedule_poll() {
    let tick = Closure::once_into_js(poll_shadows);
    let scheduled = web_sys::window().is_some_and(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            tick.unchecked_ref(),
            SHADOW_POLL_MS,
        )
        .is_ok()
    });
    if !scheduled {
        POLLING.with(|p| p.set(false));
    }
}

fn poll_shadows() {
    let mut attached = false;
    BARE_HOSTS.with(|hosts| {
        hosts.borrow_mut().retain(|host| {
            if host.shadow_root().is_some() {
                attached = true;
                return false;
            }
            host.is_connected()
        })
    });
    if attached {
        run_scan();
    }
    if BARE_HOSTS.with(|hosts| hosts.borrow().is_empty()) {
        POLLING.with(|p| p.set(false));
    } else {
        schedule_poll();
    }
}
