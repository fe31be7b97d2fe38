//! The in-page helper for one editor: a host element (`data-followup-ui`, nothing else on it)
//! with a **closed** shadow root holding the chip (insert, chooser, findings count, note
//! counter), the chooser and findings lists, and an overlay of underlines positioned from
//! `Range.getClientRects()` (the page's own DOM is never edited for them) with a card offering
//! a one-click fix.
//!
//! Private by construction: the helper holds no store. It asks the worker for the offer for
//! the people its compose is addressed to, and for the one draft the user picks; the page's
//! scripts cannot read the closed root, and every action ignores events they make
//! (`isTrusted == false`). The chip looks the same whether or not anybody on screen is tracked,
//! so not even its size tells the page.

use super::editor;
use super::sent;
use super::site::Site;
use crate::model::Channel;
use crate::page::offer::{Choice, Offer};
use crate::page::people::Person;
use crate::page::sent::Pick;
use crate::tone::{lint_with, Finding, LintOptions, Severity};
use crate::web::{client, dom};
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{
    Document, Element, Event, EventTarget, MouseEvent, Range, ShadowRootInit, ShadowRootMode,
};

/// Checks run this long after typing stops (the hook promises ≤ 300 ms).
const DEBOUNCE_MS: u32 = 200;

/// The helper's look. Colours are variables on `.ui`, which takes the class `dark` when the page
/// around the editor is dark; text, focus rings and underlines keep at least 3:1 (text 4.5:1)
/// against what they sit on in both themes.
const STYLE: &str = ":host{all:initial;display:block;position:relative;margin:2px 8px;z-index:2;\
font:12px/1.3 'Google Sans',Roboto,system-ui,-apple-system,sans-serif}\
.ui{--bg:#fff;--fg:#1f2328;--muted:#5f6368;--line:#d3dce6;--chip:#f0f4f9;--hover:#dbe5f1;\
--accent:#1a5fb4;--on-accent:#fff;--error:#b3261e;--warning:#8a5a00;--suggestion:#1a5fb4;\
--ok-bg:#e6f4ea;--ok-fg:#137333;--some-bg:#fef7e0;--some-fg:#7a4a00;--bad-bg:#fce8e6;--bad-fg:#a50e0e;\
color:var(--fg)}\
.ui.dark{--bg:#2d2e30;--fg:#e8eaed;--muted:#bdc1c6;--line:#5f6368;--chip:#35363a;--hover:#3c4043;\
--accent:#78aeed;--on-accent:#0d1b2a;--error:#ff8a80;--warning:#f2c04c;--suggestion:#78aeed;\
--ok-bg:#0d3a1c;--ok-fg:#81c995;--some-bg:#3f3100;--some-fg:#fdd663;--bad-bg:#5c1a16;--bad-fg:#f6aea9}\
.bar{display:flex;justify-content:flex-end;position:relative}\
.chip{display:inline-flex;max-width:100%;box-sizing:border-box;gap:2px;align-items:center;background:var(--chip);border:1px solid var(--line);\
border-radius:14px;padding:1px 3px}\
button{font:inherit;border:0;border-radius:10px;padding:3px 8px;min-height:24px;background:transparent;color:inherit;cursor:pointer}\
button:hover{background:var(--hover)}\
button:focus-visible{outline:2px solid var(--accent);outline-offset:1px;background:var(--hover)}\
button:disabled{color:var(--muted);cursor:default;background:transparent}\
.insert{font-weight:600;color:var(--accent);width:16em;flex-shrink:1;min-width:4em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;text-align:left}\
.count{min-width:2.4em;font-variant-numeric:tabular-nums;border-radius:9px;background:var(--ok-bg);color:var(--ok-fg);font-weight:600}\
.count::after{content:attr(data-noun)}.count.some{background:var(--some-bg);color:var(--some-fg)}.count.bad{background:var(--bad-bg);color:var(--bad-fg)}\
.counter{padding:0 6px;color:var(--muted)}.counter.over{color:var(--bad-fg);font-weight:600}\
.pop{position:absolute;right:0;top:calc(100% + 4px);z-index:2147483000;background:var(--bg);\
border:1px solid var(--line);border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.16);padding:6px;\
max-width:380px;min-width:240px;max-height:260px;overflow:auto}\
.pop.up{top:auto;bottom:calc(100% + 4px)}\
.pop[hidden],.card[hidden]{display:none}\
.pop button{display:block;width:100%;text-align:left;border-radius:6px}\
.pop,.card{font-size:13px}.pop h3{font-size:13px;margin:2px 6px 6px;font-weight:600}\
.menu h3{font-size:11px;color:var(--muted);text-transform:uppercase}\
.pop p{margin:4px 6px}\
.item{padding:4px 6px;border-radius:6px}.item+.item{border-top:1px solid var(--line)}\
.acts{display:flex;flex-wrap:wrap;gap:4px}.pop .acts button{display:inline-block;width:auto}\
.acts .act,.card .ignore{color:var(--accent)}\
.layer{position:absolute;left:0;top:0;width:0;height:0;overflow:visible}\
.mark{position:absolute;height:0;border-bottom:2px solid var(--error);pointer-events:none}\
.mark.warning{border-bottom-color:var(--warning)}.mark.suggestion{border-bottom:2px dotted var(--suggestion)}\
.card{position:absolute;z-index:2147483000;background:var(--bg);border:1px solid var(--line);border-radius:8px;\
box-shadow:0 4px 16px rgba(0,0,0,.18);padding:8px 10px;width:280px}\
.card p{margin:0 0 6px}.card .rule{color:var(--muted);font-size:11px}\
.fix{background:var(--accent);color:var(--on-accent);font-weight:600}.fix:hover{background:var(--accent)}\
.fix:focus-visible{outline-offset:2px;background:var(--accent)}\
.sev{display:inline-block;font-size:11px;font-weight:600;line-height:15px;padding:0 6px;margin-right:6px;\
border:1px solid currentColor;border-radius:8px;color:var(--error)}\
.sev.warning{color:var(--warning)}.sev.suggestion{color:var(--suggestion)}\
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
[data-text]::before{content:attr(data-text)}";

/// One helper per recognised editor.
struct Helper {
    site: &'static dyn Site,
    editor: Element,
    host: Element,
    insert: Element,
    count: Element,
    /// The editor's limit (`Site::limit`) and the counter showing it.
    limit: Option<usize>,
    counter: Option<Element>,
    menu: Element,
    panel: Element,
    marks: Element,
    card: Element,
    /// The element that takes the page's theme (class `ui`, plus `dark`).
    ui: Element,
    /// A polite live region announcing the number of findings when it changes.
    status: Element,
    /// Whether the editor has a positive `tabindex` (Gmail gives its compose fields `1`). Those
    /// come first in the Tab order, so the chip, just before the message in the page, would be
    /// reached only after everything else: Shift+Tab in the message goes to the chip instead,
    /// and Tab from the chip back to the message.
    ahead_in_tab_order: bool,
    state: RefCell<State>,
    /// The compose's Send button, once found, whose clicks are watched ([`watch_send_button`]).
    send_button: RefCell<Option<Element>>,
    /// Its listeners (editor, subject field, its own root, the window's scroll and resize).
    /// Each holds the helper weakly and is removed when the helper is dropped, so a closed
    /// compose leaves nothing behind: no listener, no closure, no helper.
    listeners: RefCell<Vec<EventListener>>,
}

impl Drop for Helper {
    fn drop(&mut self) {
        ALIVE.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

#[derive(Default)]
struct State {
    /// The pending check; dropping it cancels it.
    timer: Option<Timeout>,
    /// When the check is due ([`dom::clock`]): each key moves it, the timer follows it.
    due: f64,
    offer: Offer,
    /// Who `offer` is for (`None`: not asked yet, or the tracked data changed since).
    offered_to: Option<Vec<Person>>,
    /// Bumped on every request for an offer: a late answer to an older one is dropped.
    asked: u32,
    findings: Vec<Finding>,
    /// The text the findings are about.
    text: String,
    /// Underline boxes: finding index and (left, top, right, bottom) relative to the host.
    boxes: Vec<(usize, [f64; 4])>,
    card: Option<usize>,
    pinned: bool,
    /// Findings the user chose to ignore in this compose: rule and the words it was about
    /// (empty for a message-level finding). They stay ignored while the compose is open.
    ignored: Vec<(String, String)>,
    saved: Option<Range>,
    layout_pending: bool,
    /// The follow-up last inserted here from the offer: what a send of this compose answers.
    inserted: Option<Pick>,
    /// Whether the text changed since it was last checked (`text` may be out of date).
    typed: bool,
}

thread_local! {
    static HELPERS: RefCell<Vec<Rc<Helper>>> = const { RefCell::new(Vec::new()) };
    /// Helpers not yet freed (attached or not): equal to the attached ones unless something
    /// still holds a helper whose compose is gone.
    static ALIVE: Cell<usize> = const { Cell::new(0) };
    /// How long the tab's first [`TIMED`] checks of a text took, in ms: the lint, and the whole
    /// check (reading the compose and the text, the lint, the chip and the underlines).
    static TIMES: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// How many checks [`times`] keeps (the first ones of the tab: a bound, not a window).
const TIMED: usize = 128;

/// The tab's first checks of a text (not of an empty editor), in ms: the lint, then the whole
/// check, for each.
pub fn times() -> Vec<f64> {
    TIMES.with(|t| t.borrow().clone())
}

/// `performance.now()`: milliseconds with a fraction (`Date.now()` has none), for [`times`].
fn precise_clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// How many helpers are attached to editors on the page, and how many exist (a number above
/// the first is a helper kept alive after its compose left).
pub fn counts() -> (usize, usize) {
    (HELPERS.with(|h| h.borrow().len()), ALIVE.with(Cell::get))
}

fn button(doc: &Document, action: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    dom::el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("data-action", action),
            ("class", class),
        ],
        Some(text),
    )
}

/// An element showing `text` as CSS generated content (`data-text`, drawn by `::before`): seen
/// and read aloud like text, but not a text node, so the page's `window.find()` (which searches
/// inside closed shadow roots too) cannot probe the helper for a company or a name.
fn unfindable(
    doc: &Document,
    tag: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> Result<Element, JsValue> {
    let e = dom::el(doc, tag, attrs, None)?;
    e.set_attribute("data-text", text)?;
    Ok(e)
}

fn style(e: &Element, props: &[(&str, String)]) {
    if let Some(h) = dom::html(e) {
        let s = h.style();
        for (k, v) in props {
            let _ = s.set_property(k, v);
        }
    }
}

fn clear(e: &Element) {
    while let Some(c) = e.first_child() {
        let _ = e.remove_child(&c);
    }
}

/// Builds the helper for `editor`, places it just before the editor, and wires it.
pub fn attach(site: &'static dyn Site, editor: &Element) -> Result<(), JsValue> {
    let doc = dom::document()?;
    let host = dom::el(&doc, "div", &[("data-followup-ui", "")], None)?;
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    let sheet = dom::el(&doc, "style", &[], Some(STYLE))?;
    shadow.append_child(&sheet)?;
    let bar = dom::el(&doc, "div", &[("class", "bar")], None)?;
    let chip = dom::el(
        &doc,
        "div",
        &[
            ("class", "chip"),
            ("role", "toolbar"),
            ("aria-label", "Interview Follow-Up"),
        ],
        None,
    )?;
    // Its words name the person (`update_insert`): generated content, which `window.find()`
    // cannot probe.
    let insert = button(&doc, "insert-draft", "insert", "")?;
    insert.set_attribute("data-text", "Insert follow-up")?;
    let choose = button(&doc, "choose-draft", "choose", "▾")?;
    choose.set_attribute("aria-label", "Choose a follow-up")?;
    choose.set_attribute("aria-haspopup", "menu")?;
    choose.set_attribute("aria-expanded", "false")?;
    choose.set_attribute("title", "Choose a follow-up")?;
    let count = button(&doc, "open-findings", "count", "0")?;
    count.set_attribute("data-noun", noun(0))?;
    count.set_attribute("title", "Open the wording check")?;
    count.set_attribute("aria-expanded", "false")?;
    chip.append_child(&insert)?;
    chip.append_child(&choose)?;
    let limit = site.limit(editor);
    let counter = match limit {
        Some(_) => {
            let c = dom::el(
                &doc,
                "span",
                &[("class", "counter"), ("data-followup-counter", "")],
                None,
            )?;
            chip.append_child(&c)?;
            Some(c)
        }
        _ => None,
    };
    chip.append_child(&count)?;
    let menu = dom::el(&doc, "div", &[("class", "pop menu"), ("hidden", "")], None)?;
    let panel = dom::el(
        &doc,
        "div",
        &[
            ("class", "pop panel"),
            ("role", "dialog"),
            ("aria-label", "Wording findings"),
            ("hidden", ""),
        ],
        None,
    )?;
    bar.append_child(&chip)?;
    bar.append_child(&menu)?;
    bar.append_child(&panel)?;
    let layer = dom::el(&doc, "div", &[("class", "layer")], None)?;
    let marks = dom::el(&doc, "div", &[("class", "marks")], None)?;
    let card = dom::el(
        &doc,
        "div",
        &[
            ("class", "card"),
            ("role", "dialog"),
            ("aria-label", "Wording finding"),
            ("hidden", ""),
        ],
        None,
    )?;
    layer.append_child(&marks)?;
    layer.append_child(&card)?;
    let status = dom::el(
        &doc,
        "span",
        &[("class", "vh"), ("role", "status"), ("aria-live", "polite")],
        None,
    )?;
    let ui = dom::el(&doc, "div", &[("class", "ui")], None)?;
    ui.append_child(&bar)?;
    ui.append_child(&layer)?;
    ui.append_child(&status)?;
    shadow.append_child(&ui)?;
    let parent = editor
        .parent_node()
        .ok_or_else(|| JsValue::from_str("editor has no parent"))?;
    parent.insert_before(&host, Some(editor))?;

    let helper = Rc::new(Helper {
        site,
        editor: editor.clone(),
        host: host.clone(),
        insert,
        count,
        limit,
        counter,
        menu,
        panel,
        marks,
        card,
        ui,
        status,
        ahead_in_tab_order: editor
            .get_attribute("tabindex")
            .is_some_and(|t| t.trim().parse::<i32>().is_ok_and(|t| t > 0)),
        state: RefCell::new(State::default()),
        send_button: RefCell::new(None),
        listeners: RefCell::new(Vec::new()),
    });
    ALIVE.with(|n| n.set(n.get() + 1));
    wire(&helper, &shadow);
    HELPERS.with(|h| h.borrow_mut().push(helper.clone()));
    refresh(&helper);
    Ok(())
}

/// Listens to `event` on `target` for as long as `helper` lives: the callback gets the helper
/// (held weakly, so the listener does not keep it alive) and the event.
fn listen(
    helper: &Rc<Helper>,
    target: &EventTarget,
    event: &'static str,
    options: EventListenerOptions,
    f: impl Fn(&Rc<Helper>, &Event) + 'static,
) {
    let weak = Rc::downgrade(helper);
    let listener = EventListener::new_with_options(target, event, options, move |e| {
        if let Some(h) = weak.upgrade() {
            f(&h, e);
        }
    });
    helper.listeners.borrow_mut().push(listener);
}

/// Whether a key pressed in the message may be one the helper acts on (Escape, Enter, Tab, or a
/// modifier alone), judged by its `keyCode`: a number, where reading `key` copies a string out of
/// JS on every key the user types. Only these are then read by name; so are keys without a code
/// (0) and those an input method holds (229), whose names can be any of them.
fn may_act_on(k: &web_sys::KeyboardEvent) -> bool {
    matches!(
        k.key_code(),
        0 | 9 | 13 | 16 | 17 | 18 | 27 | 91 | 92 | 93 | 224 | 229
    )
}

/// Passive, in the bubbling phase (nothing here cancels the event).
const PASSIVE: EventListenerOptions = EventListenerOptions {
    phase: EventListenerPhase::Bubble,
    passive: true,
};

fn wire(helper: &Rc<Helper>, shadow: &web_sys::ShadowRoot) {
    let editor: &EventTarget = &helper.editor;
    // Runs on every key: nothing here reads the whole text (but a limited editor's counter).
    listen(helper, editor, "input", PASSIVE, |h, _| {
        h.state.borrow_mut().typed = true;
        update_counter(h);
        hide_card(h);
        drop_marks(h);
        schedule_refresh(h);
    });
    if let Some(field) = helper.site.compose(&helper.editor).subject_field {
        listen(helper, &field, "input", PASSIVE, |h, _| schedule_refresh(h));
        listen(helper, &field, "keydown", PASSIVE, |h, e| {
            let key = e
                .dyn_ref::<web_sys::KeyboardEvent>()
                .filter(|k| may_act_on(k));
            if e.is_trusted() && key.is_some_and(|k| h.site.sends_on_key(&h.editor, k)) {
                asked_to_send(h);
            }
        });
    }
    watch_send_button(helper);
    listen(helper, editor, "blur", PASSIVE, |h, _| {
        let saved = editor::saved_caret(&h.editor);
        if saved.is_some() {
            h.state.borrow_mut().saved = saved;
        }
    });
    listen(helper, editor, "mousemove", PASSIVE, |h, e| {
        if let Some(e) = e.dyn_ref::<MouseEvent>() {
            hover(h, e, false);
        }
    });
    listen(helper, editor, "click", PASSIVE, |h, e| {
        if let Some(e) = e.dyn_ref::<MouseEvent>() {
            hover(h, e, true);
        }
    });
    // Keep the editor's caret when the chip is clicked.
    let cancels = EventListenerOptions::enable_prevent_default();
    listen(helper, shadow, "mousedown", cancels, |_, e| {
        if !e.is_trusted() {
            return;
        }
        let on_button = e
            .composed_path()
            .get(0)
            .dyn_into::<Element>()
            .ok()
            .and_then(|t| t.closest("button").ok().flatten())
            .is_some();
        if on_button {
            e.prevent_default();
        }
    });
    listen(helper, shadow, "click", PASSIVE, |h, e| {
        // Only the user acts here: clicks made by the page's scripts do nothing.
        if !e.is_trusted() {
            return;
        }
        let Some(target) = e
            .composed_path()
            .get(0)
            .dyn_into::<Element>()
            .ok()
            .and_then(|t| t.closest("[data-action]").ok().flatten())
        else {
            return;
        };
        let index = target
            .get_attribute("data-index")
            .and_then(|i| i.parse::<usize>().ok());
        match target.get_attribute("data-action").as_deref() {
            Some("insert-draft") => on_insert(h),
            Some("choose-draft") => toggle_menu(h),
            Some("insert-choice") => {
                set_hidden(&h.menu, true);
                if let Some(c) = index.and_then(|i| h.state.borrow().offer.choices.get(i).cloned())
                {
                    insert(h, &c);
                }
            }
            Some("open-findings") => toggle_panel(h),
            Some("apply-fix") => {
                if let Some(i) = index {
                    apply_fix(h, i);
                }
            }
            Some("ignore-finding") => {
                if let Some(i) = index {
                    ignore(h, i);
                }
            }
            Some("show-finding") => {
                if let Some(i) = index {
                    show(h, i);
                }
            }
            _ => {}
        }
    });
    // Keys inside the helper: Escape closes what is open and puts the focus back at the caret
    // the user left in the message; arrows move through the chooser.
    listen(helper, shadow, "keydown", cancels, |h, e| {
        let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else {
            return;
        };
        if !e.is_trusted() {
            return;
        }
        match key.as_str() {
            "Escape" => {
                close_all(h);
                let saved = h.state.borrow().saved.clone();
                editor::focus_at(&h.editor, saved.as_ref());
                e.prevent_default();
            }
            "Tab" if h.ahead_in_tab_order && h.panel.has_attribute("hidden") => {
                let k = e.dyn_ref::<web_sys::KeyboardEvent>();
                let on_last = active(h).is_some_and(|a| a.is_same_node(Some(&h.count)));
                if on_last && !k.is_some_and(web_sys::KeyboardEvent::shift_key) {
                    let saved = h.state.borrow().saved.clone();
                    editor::focus_at(&h.editor, saved.as_ref());
                    e.prevent_default();
                }
            }
            "ArrowDown" | "ArrowUp" | "Home" | "End" => {
                if h.menu.has_attribute("hidden") {
                    let on_chooser = active(h).is_some_and(|a| {
                        a.get_attribute("data-action").as_deref() == Some("choose-draft")
                    });
                    if key == "ArrowDown" && on_chooser {
                        toggle_menu(h);
                        e.prevent_default();
                    }
                    return;
                }
                move_in_menu(h, &key);
                e.prevent_default();
            }
            _ => {}
        }
    });
    // Escape in the message closes whatever of the helper is open (and only then is kept from
    // the page: a site may close the compose on Escape).
    listen(helper, editor, "keydown", cancels, |h, e| {
        if !e.is_trusted() {
            return;
        }
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        // Most keys are letters: told apart by their code, without copying a name out of JS.
        if !may_act_on(k) {
            sent::typed(&h.editor);
            return;
        }
        let key = k.key();
        if key == "Escape" && close_all(h) {
            e.prevent_default();
            e.stop_propagation();
        }
        if key == "Enter" && h.site.sends_on_key(&h.editor, k) {
            asked_to_send(h);
        } else if !matches!(key.as_str(), "Control" | "Meta" | "Shift" | "Alt") {
            sent::typed(&h.editor);
        }
        if key == "Tab" && k.shift_key() && h.ahead_in_tab_order {
            if let Some(last) = dom::html(&h.count) {
                let _ = last.focus();
                e.prevent_default();
            }
        }
    });
    if let Some(window) = web_sys::window() {
        // Scrolling anything on the page (capture phase) or resizing moves the underlines.
        let scroll = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        listen(helper, &window, "scroll", scroll, |h, _| schedule_layout(h));
        listen(helper, &window, "resize", PASSIVE, |h, _| {
            schedule_layout(h)
        });
    }
}

/// The user asked to send this compose (its button or shortcut; trusted input only).
fn asked_to_send(helper: &Rc<Helper>) {
    let (chosen, had_text) = {
        let st = helper.state.borrow();
        (st.inserted.clone(), st.typed || !st.text.trim().is_empty())
    };
    sent::asked(helper.site, &helper.editor, chosen, had_text);
}

/// Watches the compose's Send button (found again when the site replaced it): a click, or Enter
/// or Space on it, asks to send. Its release is watched too, since a site may act on it and
/// close the compose before any click arrives.
fn watch_send_button(helper: &Rc<Helper>) {
    let current = helper
        .send_button
        .borrow()
        .as_ref()
        .is_some_and(|b| b.is_connected());
    if current {
        return;
    }
    let Some(button) = helper.site.send_button(&helper.editor) else {
        return;
    };
    *helper.send_button.borrow_mut() = Some(button.clone());
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    for event in ["mouseup", "click"] {
        listen(helper, &button, event, capture, |h, e| {
            let main = e.dyn_ref::<MouseEvent>().is_some_and(|m| m.button() == 0);
            if e.is_trusted() && main {
                asked_to_send(h);
            }
        });
    }
    listen(helper, &button, "keydown", capture, |h, e| {
        let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
        if e.is_trusted() && matches!(key.as_deref(), Some("Enter" | " ")) {
            asked_to_send(h);
        }
    });
}

fn set_hidden(e: &Element, hidden: bool) {
    let _ = if hidden {
        e.set_attribute("hidden", "")
    } else {
        e.remove_attribute("hidden")
    };
    // The button that opens a list says whether it is open; an open list fits in the window.
    let classes = e.class_list();
    let opener = if classes.contains("menu") {
        "choose-draft"
    } else if classes.contains("panel") {
        "open-findings"
    } else {
        return;
    };
    if let Some(button) = e.parent_element().and_then(|bar| {
        bar.query_selector(&format!("[data-action=\"{opener}\"]"))
            .ok()
            .flatten()
    }) {
        let _ = button.set_attribute("aria-expanded", if hidden { "false" } else { "true" });
    }
    if !hidden {
        place_pop(e);
    }
}

/// Opens a list below the chip, or above it when below would leave the window and there is
/// more room above (a compose docked at the bottom of the window); either way no taller than
/// the room it has (it scrolls inside).
fn place_pop(pop: &Element) {
    const GAP: f64 = 8.0;
    let _ = pop.class_list().remove_1("up");
    style(pop, &[("max-height", String::new())]);
    let (Some(bar), Some(height)) = (pop.parent_element(), viewport().map(|v| v.1)) else {
        return;
    };
    let r = pop.get_bounding_client_rect();
    let bar = bar.get_bounding_client_rect();
    let below = height - r.top() - GAP;
    let above = bar.top() - GAP;
    if r.bottom() <= height - GAP {
        return;
    }
    let room = if above > below {
        let _ = pop.class_list().add_1("up");
        above
    } else {
        below
    };
    style(pop, &[("max-height", px(room.clamp(48.0, 260.0)))]);
}

/// The window's inner width and height.
fn viewport() -> Option<(f64, f64)> {
    let w = web_sys::window()?;
    Some((
        w.inner_width().ok()?.as_f64()?,
        w.inner_height().ok()?.as_f64()?,
    ))
}

/// Closes the chooser, the list and the card; whether any was open.
fn close_all(helper: &Helper) -> bool {
    let open = !helper.menu.has_attribute("hidden")
        || !helper.panel.has_attribute("hidden")
        || helper.state.borrow().card.is_some();
    if open {
        set_hidden(&helper.menu, true);
        set_hidden(&helper.panel, true);
        hide_card(helper);
    }
    open
}

/// The focused element inside the helper's root, if any.
fn active(helper: &Helper) -> Option<Element> {
    helper
        .ui
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()?
        .active_element()
}

/// Moves the focus through the chooser's items (`ArrowDown`, `ArrowUp`, `Home`, `End`; the
/// first item when the focus is not on one).
fn move_in_menu(helper: &Helper, key: &str) {
    let items = dom::query_all(&helper.menu.clone().into(), "[role=menuitem]");
    if items.is_empty() {
        return;
    }
    let last = items.len() - 1;
    let now = active(helper).and_then(|a| items.iter().position(|i| i.is_same_node(Some(&a))));
    let next = match (key, now) {
        ("Home", _) | ("ArrowDown", None) => 0,
        ("End", _) | ("ArrowUp", None) => last,
        ("ArrowDown", Some(i)) => (i + 1) % items.len(),
        (_, Some(i)) => i.checked_sub(1).unwrap_or(last),
        _ => 0,
    };
    if let Some(item) = items.get(next).and_then(dom::html) {
        let _ = item.focus();
    }
}

/// What identifies a finding across checks of a changing text: its rule and its words.
fn identity(text: &str, f: &Finding) -> (String, String) {
    (f.rule.to_string(), excerpt(text, f).unwrap_or_default())
}

/// Ignores finding `i` for as long as this compose is open (its rule on these words), and
/// checks again.
fn ignore(helper: &Rc<Helper>, i: usize) {
    {
        let mut st = helper.state.borrow_mut();
        let Some(id) = st.findings.get(i).map(|f| identity(&st.text, f)) else {
            return;
        };
        if !st.ignored.contains(&id) {
            st.ignored.push(id);
        }
    }
    hide_card(helper);
    refresh(helper);
}

/// Finding `i` as it stands in the text now: if the text changed since the check (typing
/// within the debounce), it is checked again and the same finding (rule and words) is looked up.
fn current(helper: &Rc<Helper>, i: usize) -> Option<Finding> {
    let (id, checked) = {
        let st = helper.state.borrow();
        let f = st.findings.get(i)?;
        (identity(&st.text, f), st.text.clone())
    };
    if editor::read(&helper.editor).map.text() != checked {
        refresh(helper);
    }
    let st = helper.state.borrow();
    st.findings
        .iter()
        .find(|f| identity(&st.text, f) == id)
        .cloned()
}

/// Selects finding `i`'s words in the message and scrolls to them; the list closes so that
/// they can be seen.
fn show(helper: &Rc<Helper>, i: usize) {
    let found = current(helper, i);
    set_hidden(&helper.panel, true);
    if let Some(f) = found {
        editor::select(&helper.editor, f.start, f.end);
    }
}

/// Follows the page's theme: dark when the nearest opaque background around the editor is.
fn follow_theme(helper: &Helper) {
    let dark = dom::dark_around(&helper.editor);
    let _ = helper.ui.class_list().toggle_with_force("dark", dark);
}

/// The word after the number on the findings button ("3 findings"), drawn by CSS after the
/// number so the button's name is what it shows.
fn noun(n: usize) -> &'static str {
    match n {
        1 => " finding",
        _ => " findings",
    }
}

/// "3 wording findings": what the live region says when the number changes.
fn findings_label(n: usize) -> String {
    format!("{n} wording{}", noun(n))
}

/// The tracked data changed: every helper asks for its offer again.
pub fn refresh_all() {
    let all: Vec<Rc<Helper>> = HELPERS.with(|h| h.borrow().clone());
    for h in all {
        h.state.borrow_mut().offered_to = None;
        refresh(&h);
    }
}

/// The editors that have a helper, in the page.
pub fn editors() -> Vec<Element> {
    HELPERS.with(|h| {
        h.borrow()
            .iter()
            .filter(|helper| helper.editor.is_connected())
            .map(|helper| helper.editor.clone())
            .collect()
    })
}

/// Drops helpers whose editor left the page (unmarking it); puts back a chip the page removed
/// while its editor stayed.
pub fn prune() {
    HELPERS.with(|h| {
        h.borrow_mut().retain(|helper| {
            if !helper.editor.is_connected() {
                helper.host.remove();
                // An editor that comes back (Gmail's Undo send re-opens the same compose) is
                // recognised again.
                let _ = helper.editor.remove_attribute("data-followup-compose");
                return false;
            }
            if !helper.host.is_connected() {
                if let Some(parent) = helper.editor.parent_node() {
                    let _ = parent.insert_before(&helper.host, Some(&helper.editor));
                }
            }
            true
        })
    });
}

/// Checks the text once typing has paused for [`DEBOUNCE_MS`]. One timer per pause, not one
/// per key: a key only moves the deadline, and the timer, when it fires early, waits the rest.
fn schedule_refresh(helper: &Rc<Helper>) {
    let due = dom::clock() + f64::from(DEBOUNCE_MS);
    let idle = {
        let mut st = helper.state.borrow_mut();
        st.due = due;
        st.timer.is_none()
    };
    if idle {
        let timer = arm(helper, DEBOUNCE_MS);
        helper.state.borrow_mut().timer = Some(timer);
    }
}

/// A timer that checks the text in `wait` ms, or waits again if the deadline moved.
fn arm(helper: &Rc<Helper>, wait: u32) -> Timeout {
    let weak = Rc::downgrade(helper);
    Timeout::new(wait, move || {
        let Some(h) = weak.upgrade() else { return };
        let left = h.state.borrow().due - dom::clock();
        let next = (left >= 1.0).then(|| arm(&h, left.ceil() as u32));
        // The spent timer is let go once the borrow ends.
        let spent = std::mem::replace(&mut h.state.borrow_mut().timer, next);
        drop(spent);
        if left < 1.0 {
            refresh(&h);
        }
    })
}

/// The text changed: its underlines would sit in the wrong places, so they go until the next
/// check (without reading the editor).
fn drop_marks(helper: &Helper) {
    if helper.state.borrow().boxes.is_empty() {
        return;
    }
    clear(&helper.marks);
    helper.state.borrow_mut().boxes.clear();
}

fn update_counter(helper: &Helper) {
    let (Some(counter), Some(max)) = (&helper.counter, helper.limit) else {
        return;
    };
    let used = editor::read(&helper.editor).map.len_utf16();
    counter.set_text_content(Some(&format!("{used}/{max}")));
    let _ = counter.set_attribute(
        "class",
        if used >= max {
            "counter over"
        } else {
            "counter"
        },
    );
    let _ = counter.set_attribute(
        "title",
        &format!("{} characters left", max.saturating_sub(used)),
    );
}

/// Asks the worker what to offer for `people`; on the answer, the chip and the checks follow
/// it, and a message "Write it" opened this tab for is typed in.
fn ask_offer(helper: &Rc<Helper>, people: Vec<Person>, channel: Channel) {
    let asked = {
        let mut st = helper.state.borrow_mut();
        st.asked = st.asked.wrapping_add(1);
        st.offered_to = Some(people.clone());
        st.offer = Offer::default();
        st.asked
    };
    let h = helper.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let (offer, waiting) = match client::offer(people.clone(), channel).await {
            Ok(offered) => (offered.offer, offered.insert),
            Err(e) => {
                web_sys::console::debug_2(
                    &"Interview Follow-Up: no offer".into(),
                    &e.to_string().into(),
                );
                (Offer::default(), None)
            }
        };
        if h.state.borrow().asked != asked {
            return;
        }
        h.state.borrow_mut().offer = offer;
        refresh(&h);
        if let Some(w) = waiting {
            let saved = h.state.borrow_mut().saved.take();
            type_in(&h, w.subject, &w.body, saved);
        }
    });
}

/// Re-reads the compose, asks for the offer again when the people changed, and re-checks the
/// text.
fn refresh(helper: &Rc<Helper>) {
    let began = precise_clock();
    watch_send_button(helper);
    let mut compose = helper.site.compose(&helper.editor);
    compose.people.truncate(crate::page::people::MAX_PEOPLE);
    if helper.state.borrow().offered_to.as_ref() != Some(&compose.people) {
        // Until the answer comes, nothing is offered (`ask_offer` empties the offer).
        ask_offer(helper, compose.people.clone(), compose.channel);
    }
    let offer = helper.state.borrow().offer.clone();
    // Read once: the underlines below are placed from the same reading.
    let read = editor::read(&helper.editor);
    let text = read.map.text().to_string();
    let top = offer.choices.first().filter(|_| offer.matched > 0);
    let options = LintOptions {
        kind: top.map(|c| c.kind),
        channel: compose.channel,
        subject: compose
            .subject
            .filter(|_| compose.channel == Channel::Email),
        to: top
            .and_then(|c| c.name.clone())
            .or_else(|| compose.people.iter().find_map(|p| p.name.clone())),
        others: Vec::new(),
    };
    let facts = top.map(|c| c.facts.clone()).unwrap_or_default();
    let mut lint_ms = None;
    let mut findings = if text.trim().is_empty() {
        Vec::new()
    } else {
        let lint_began = precise_clock();
        let found = lint_with(&text, &options, &facts);
        lint_ms = Some(precise_clock() - lint_began);
        found
    };
    {
        let st = helper.state.borrow();
        findings.retain(|f| !st.ignored.contains(&identity(&text, f)));
    }
    let n = findings.len();
    let worst = findings.iter().map(|f| f.severity).min_by_key(|s| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Suggestion => 2,
    });
    helper.count.set_text_content(Some(&n.to_string()));
    let _ = helper.count.set_attribute(
        "class",
        match worst {
            None => "count",
            Some(Severity::Suggestion) => "count some",
            Some(Severity::Warning) => "count some",
            Some(Severity::Error) => "count bad",
        },
    );
    let _ = helper.count.set_attribute("data-noun", noun(n));
    let label = findings_label(n);
    // Screen readers hear the number when it changes (politely, after what they are reading).
    if helper.state.borrow().findings.len() != n {
        let _ = helper.status.set_attribute("data-text", &label);
    }
    follow_theme(helper);
    update_insert(helper, &offer);
    {
        let mut st = helper.state.borrow_mut();
        st.findings = findings;
        st.text = text;
        st.typed = false;
        st.card = None;
        st.pinned = false;
    }
    set_hidden(&helper.card, true);
    update_counter(helper);
    layout(helper, Some(&read));
    // An open list is drawn again; a focused item in it keeps the focus.
    let focused = active(helper).map(|a| {
        let attr = |name: &str| a.get_attribute(name).unwrap_or_default();
        (attr("data-action"), attr("data-index"))
    });
    if !helper.panel.has_attribute("hidden") {
        render_panel(helper);
    }
    if !helper.menu.has_attribute("hidden") {
        render_menu(helper);
    }
    if let Some((action, index)) = focused.filter(|(action, _)| !action.is_empty()) {
        let again = helper
            .ui
            .query_selector(&format!(
                "[data-action=\"{action}\"][data-index=\"{index}\"], [data-action=\"{action}\"]:not([data-index])"
            ))
            .ok()
            .flatten();
        if let Some(again) = again.as_ref().and_then(dom::html) {
            let _ = again.focus();
        }
    }
    if let Some(lint_ms) = lint_ms {
        let whole = precise_clock() - began;
        TIMES.with(|t| {
            let mut t = t.borrow_mut();
            if t.len() < 2 * TIMED {
                t.extend([lint_ms, whole]);
            }
        });
    }
}

/// The insert button says whom the follow-up is for, and its tooltip what it will do
/// ([`Offer::button`]). The button's width is fixed (16em, less only in a narrower container;
/// longer words end in "…"), so the chip's size never depends on who is tracked.
fn update_insert(helper: &Helper, offer: &Offer) {
    let (label, title) = offer.button();
    let _ = helper.insert.set_attribute("data-text", &label);
    let _ = helper.insert.set_attribute("title", &title);
}

fn on_insert(helper: &Rc<Helper>) {
    refresh(helper);
    let (direct, first) = {
        let st = helper.state.borrow();
        (st.offer.direct, st.offer.choices.first().cloned())
    };
    match (direct, first) {
        (true, Some(c)) => insert(helper, &c),
        _ => toggle_menu(helper),
    }
}

fn toggle_menu(helper: &Rc<Helper>) {
    let open = helper.menu.has_attribute("hidden");
    set_hidden(&helper.panel, true);
    hide_card(helper);
    if open {
        render_menu(helper);
    }
    set_hidden(&helper.menu, !open);
    // Opened from the keyboard (the focus is on the chip, not in the message): to the first item.
    if open && active(helper).is_some() {
        move_in_menu(helper, "Home");
    }
}

fn toggle_panel(helper: &Rc<Helper>) {
    let open = helper.panel.has_attribute("hidden");
    set_hidden(&helper.menu, true);
    hide_card(helper);
    if open {
        render_panel(helper);
    }
    set_hidden(&helper.panel, !open);
}

fn render_menu(helper: &Helper) {
    let Ok(doc) = dom::document() else { return };
    clear(&helper.menu);
    let st = helper.state.borrow();
    let heading = if st.offer.matched == 0 {
        "No tracked interviewer here — open the toolbar popup"
    } else {
        "Insert a follow-up"
    };
    // Named by its label too: a screen reader's heading list does not read generated content.
    if let Ok(h) = unfindable(&doc, "h3", &[("aria-label", heading)], heading) {
        let _ = helper.menu.append_child(&h);
    }
    if st.offer.choices.is_empty() {
        if let Ok(p) = unfindable(
            &doc,
            "p",
            &[],
            "Drafts show here for the people you track. The Interview Follow-Up toolbar popup has every draft, and adds new interviews.",
        ) {
            let _ = helper.menu.append_child(&p);
        }
        return;
    }
    let Ok(list) = dom::el(
        &doc,
        "div",
        &[("role", "menu"), ("aria-label", heading)],
        None,
    ) else {
        return;
    };
    let _ = helper.menu.append_child(&list);
    for (i, c) in st.offer.choices.iter().enumerate() {
        if let Ok(b) = unfindable(
            &doc,
            "button",
            &[
                ("type", "button"),
                ("role", "menuitem"),
                ("data-action", "insert-choice"),
                ("data-index", &i.to_string()),
                ("aria-label", &c.label),
            ],
            &c.label,
        ) {
            let _ = list.append_child(&b);
        }
    }
}

fn excerpt(text: &str, f: &Finding) -> Option<String> {
    if f.start >= f.end {
        return None;
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    units
        .get(f.start..f.end.min(units.len()))
        .map(String::from_utf16_lossy)
}

fn render_panel(helper: &Helper) {
    let Ok(doc) = dom::document() else { return };
    clear(&helper.panel);
    let st = helper.state.borrow();
    if let Ok(h) = dom::el(
        &doc,
        "h3",
        &[],
        Some(&crate::tone::verdict(&st.findings).text),
    ) {
        let _ = helper.panel.append_child(&h);
    }
    for (i, f) in st.findings.iter().enumerate() {
        let Ok(item) = dom::el(
            &doc,
            "div",
            &[("class", "item"), ("data-rule", &f.rule)],
            None,
        ) else {
            continue;
        };
        if let Ok(p) = dom::el(&doc, "p", &[], None) {
            if let Ok(badge) = unfindable(
                &doc,
                "span",
                &[("class", &format!("sev {}", f.severity.as_str()))],
                f.severity.word(),
            ) {
                let _ = p.append_child(&badge);
            }
            let msg = match excerpt(&st.text, f) {
                Some(x) => format!("“{x}”: {}", f.message),
                None => f.message.to_string(),
            };
            if let Ok(span) = unfindable(&doc, "span", &[], &msg) {
                let _ = p.append_child(&span);
            }
            let _ = item.append_child(&p);
        }
        let Ok(acts) = dom::el(&doc, "div", &[("class", "acts")], None) else {
            continue;
        };
        let index = i.to_string();
        if let Some(label) = f.fix_label() {
            if let Ok(b) = unfindable(
                &doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "fix"),
                    ("data-action", "apply-fix"),
                    ("data-index", &index),
                    ("aria-label", &label),
                ],
                &label,
            ) {
                let _ = acts.append_child(&b);
            }
        }
        let words = excerpt(&st.text, f);
        let act = |action: &str, text: &str, label: String| {
            if let Ok(b) = button(&doc, action, "act", text) {
                let _ = b.set_attribute("data-index", &index);
                let _ = b.set_attribute("aria-label", &label);
                let _ = acts.append_child(&b);
            }
        };
        if let Some(w) = &words {
            act("show-finding", "Show", format!("Show “{w}” in the message"));
        }
        let about = words.map_or_else(|| f.message.to_string(), |w| format!("“{w}”"));
        act("ignore-finding", "Ignore", format!("Ignore {about}"));
        let _ = item.append_child(&acts);
        let _ = helper.panel.append_child(&item);
    }
}

fn schedule_layout(helper: &Rc<Helper>) {
    {
        let st = helper.state.borrow();
        if st.findings.is_empty() || st.layout_pending || !helper.editor.is_connected() {
            return;
        }
    }
    helper.state.borrow_mut().layout_pending = true;
    let weak: Weak<Helper> = Rc::downgrade(helper);
    let run = Closure::once_into_js(move || {
        if let Some(h) = weak.upgrade() {
            h.state.borrow_mut().layout_pending = false;
            layout(&h, None);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(run.unchecked_ref());
    }
}

/// Draws the underlines for the current findings from the text's client rects, with the
/// editor's text if it was just read (else it is read here). They are drawn only if it is still
/// the text that was checked, and only in a rich-text editor (a textarea has no ranges to
/// measure). With nothing to underline, nothing is read or measured (measuring forces the
/// page's layout).
fn layout(helper: &Helper, read: Option<&editor::EditorText>) {
    clear(&helper.marks);
    let mut boxes = Vec::new();
    if editor::textarea(&helper.editor).is_none() && !helper.state.borrow().findings.is_empty() {
        let fresh;
        let text = match read {
            Some(text) => text,
            None => {
                fresh = editor::read(&helper.editor);
                &fresh
            }
        };
        let st = helper.state.borrow();
        if text.map.text() == st.text {
            let host = helper.host.get_bounding_client_rect();
            let area = helper.editor.get_bounding_client_rect();
            let doc = dom::document().ok();
            for (i, f) in st.findings.iter().enumerate() {
                let Some(range) = (f.start < f.end)
                    .then(|| editor::range(text, f.start, f.end))
                    .flatten()
                else {
                    continue;
                };
                let Some(rects) = range.get_client_rects() else {
                    continue;
                };
                for r in (0..rects.length()).filter_map(|k| rects.get(k)) {
                    if r.width() < 1.0 || r.bottom() < area.top() || r.top() > area.bottom() {
                        continue;
                    }
                    let b = [
                        r.left() - host.left(),
                        r.top() - host.top(),
                        r.right() - host.left(),
                        r.bottom() - host.top(),
                    ];
                    boxes.push((i, b));
                    let Some(mark) = doc.as_ref().and_then(|d| {
                        dom::el(
                            d,
                            "div",
                            &[
                                ("class", &format!("mark {}", f.severity.as_str())),
                                ("data-followup-mark", &f.rule),
                                ("data-index", &i.to_string()),
                            ],
                            None,
                        )
                        .ok()
                    }) else {
                        continue;
                    };
                    style(
                        &mark,
                        &[
                            ("left", px(b[0])),
                            ("top", px(b[3] - 2.0)),
                            ("width", px(b[2] - b[0])),
                        ],
                    );
                    let _ = helper.marks.append_child(&mark);
                }
            }
        }
    }
    helper.state.borrow_mut().boxes = boxes;
}

/// Shows the card for the underline under the pointer (a click pins it).
fn hover(helper: &Rc<Helper>, e: &MouseEvent, click: bool) {
    {
        // No underline and no card: nothing to find under the pointer (and no layout to force).
        let st = helper.state.borrow();
        if st.boxes.is_empty() && st.card.is_none() {
            return;
        }
    }
    let host = helper.host.get_bounding_client_rect();
    let (x, y) = (
        e.client_x() as f64 - host.left(),
        e.client_y() as f64 - host.top(),
    );
    let hit = helper
        .state
        .borrow()
        .boxes
        .iter()
        .find(|(_, b)| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] + 3.0)
        .map(|&(i, b)| (i, b));
    match hit {
        Some((i, b)) => {
            let same = helper.state.borrow().card == Some(i);
            if !same {
                show_card(helper, i, b);
            }
            if click {
                helper.state.borrow_mut().pinned = true;
            }
        }
        None => {
            if click || !helper.state.borrow().pinned {
                hide_card(helper);
            }
        }
    }
}

/// A CSS length in whole pixels (integer formatting: float formatting would add ~20 KB of
/// code to the module loaded into every tab).
fn px(value: f64) -> String {
    format!("{}px", value.round() as i64)
}

fn show_card(helper: &Helper, i: usize, b: [f64; 4]) {
    let Ok(doc) = dom::document() else { return };
    let st = helper.state.borrow();
    let Some(f) = st.findings.get(i) else { return };
    clear(&helper.card);
    if let Ok(p) = unfindable(&doc, "p", &[], &f.message) {
        let _ = helper.card.append_child(&p);
    }
    if let Ok(p) = dom::el(
        &doc,
        "p",
        &[("class", "rule")],
        Some(&format!(
            "{} · {}",
            f.category.as_str(),
            f.severity.as_str()
        )),
    ) {
        let _ = helper.card.append_child(&p);
    }
    if let Some(label) = f.fix_label() {
        if let Ok(btn) = unfindable(
            &doc,
            "button",
            &[
                ("type", "button"),
                ("class", "fix"),
                ("data-action", "apply-fix"),
                ("data-index", &i.to_string()),
                ("aria-label", &label),
            ],
            &label,
        ) {
            let _ = helper.card.append_child(&btn);
        }
    }
    if let Ok(btn) = button(&doc, "ignore-finding", "ignore", "Ignore") {
        let _ = btn.set_attribute("data-index", &i.to_string());
        let _ = btn.set_attribute("aria-label", "Ignore this finding");
        let _ = helper.card.append_child(&btn);
    }
    let _ = helper.card.set_attribute("data-index", &i.to_string());
    style(
        &helper.card,
        &[("left", px(b[0].max(0.0))), ("top", px(b[3] + 4.0))],
    );
    drop(st);
    helper.state.borrow_mut().card = Some(i);
    set_hidden(&helper.card, false);
    place_card(helper, b);
}

/// Keeps the card in the window: above the words when below would leave it (a compose docked
/// at the bottom), and moved left when it would leave on the right. `b` is the words' box
/// relative to the host.
fn place_card(helper: &Helper, b: [f64; 4]) {
    const GAP: f64 = 4.0;
    let Some((width, height)) = viewport() else {
        return;
    };
    let card = helper.card.get_bounding_client_rect();
    let host = helper.host.get_bounding_client_rect();
    let mut top = b[3] + GAP;
    if card.bottom() > height - GAP && host.top() + b[1] - GAP - card.height() >= 0.0 {
        top = b[1] - GAP - card.height();
    }
    let mut left = b[0].max(0.0);
    let overflow = card.right() - (width - GAP);
    if overflow > 0.0 {
        left = (left - overflow).max(GAP - host.left());
    }
    style(&helper.card, &[("left", px(left)), ("top", px(top))]);
}

fn hide_card(helper: &Helper) {
    let mut st = helper.state.borrow_mut();
    if st.card.is_none() {
        // Already hidden (`card` is set whenever it is shown).
        st.pinned = false;
        return;
    }
    st.card = None;
    st.pinned = false;
    set_hidden(&helper.card, true);
}

/// Replaces finding `i`'s span with its suggestion (the same finding in the text as it is now,
/// see [`current`]).
fn apply_fix(helper: &Rc<Helper>, i: usize) {
    hide_card(helper);
    let target = current(helper, i)
        .and_then(|f| f.suggestion.map(|s| (f.start, f.end, s)))
        .filter(|(s, e, _)| s < e);
    if let Some((start, end, replacement)) = target {
        editor::replace(&helper.editor, start, end, &replacement);
    }
    // The list would stay open over the text: closed, back to the message.
    set_hidden(&helper.panel, true);
    refresh(helper);
}

/// Asks the worker for the draft for `choice` (for the people this compose is addressed to)
/// and inserts it; fills an empty subject of a new message.
fn insert(helper: &Rc<Helper>, choice: &Choice) {
    set_hidden(&helper.menu, true);
    let compose = helper.site.compose(&helper.editor);
    let people = helper.state.borrow().offered_to.clone().unwrap_or_default();
    // The caret the user left, taken now: the answer comes after a round trip.
    let saved = helper.state.borrow_mut().saved.take();
    let choice = choice.clone();
    let pick = Pick {
        interview: choice.interview.clone(),
        interviewer: choice.interviewer.clone(),
        kind: choice.kind,
    };
    let request = move |channel: Channel| {
        let (people, choice) = (people.clone(), choice.clone());
        async move {
            client::page_draft(
                people,
                &choice.interview,
                choice.interviewer.as_deref(),
                choice.kind,
                channel,
            )
            .await
        }
    };
    let h = helper.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let written = match request(compose.channel).await {
            Ok(d) => d,
            Err(e) => {
                web_sys::console::debug_2(
                    &"Interview Follow-Up: no draft".into(),
                    &e.to_string().into(),
                );
                return;
            }
        };
        let mut subject = written.subject.clone();
        let wants_subject = compose
            .subject_field
            .as_ref()
            .is_some_and(|f| f.value().trim().is_empty());
        if subject.is_none() && wants_subject {
            subject = request(Channel::Email).await.ok().and_then(|d| d.subject);
        }
        h.state.borrow_mut().inserted = Some(pick);
        type_in(&h, subject, &written.body, saved);
    });
}

/// Types a message in at the caret the user left (`saved`, else the current one; never over
/// their text) and fills the subject of a new message when it is empty.
fn type_in(helper: &Rc<Helper>, subject: Option<String>, body: &str, saved: Option<Range>) {
    let compose = helper.site.compose(&helper.editor);
    if let (Some(field), Some(s)) = (&compose.subject_field, subject) {
        if field.value().trim().is_empty() {
            field.set_value(&s);
            editor::nudge(field);
        }
    }
    editor::insert(&helper.editor, body, saved.as_ref(), helper.limit);
    refresh(helper);
}
