//! "Check my text": paste any message and see the findings. On a page whose CSP refused
//! WebAssembly (so the in-page checker is off), *Insert into page* types the text at the caret
//! of the focused editor in that tab, through `chrome.scripting.executeScript` and
//! `execCommand('insertText')` (one Ctrl+Z undoes it, nothing already written is deleted).

use super::app::{save_check, say, Action, App, View};
use super::html::{self, add, button, el, field, Control, Dom};
use crate::model::Kind;
use crate::web::client;
use crate::when::kind_label;
use serde_json::{json, Value};
use web_sys::Element;

const CHANNELS: &[(&str, &str)] = &[
    ("email", "Email"),
    ("linkedin", "LinkedIn message"),
    ("linkedin-note", "LinkedIn connection note"),
];

/// Finds the tab the popup belongs to (the active one, else the Gmail or LinkedIn tab used
/// last) and whether its page refused WebAssembly.
pub(crate) async fn detect(app: &App) {
    let map = match client::wasm_status().await {
        Ok(refused) if !refused.is_empty() => refused,
        _ => return,
    };
    let mut tabs = query(json!({"active": true, "lastFocusedWindow": true})).await;
    if !tabs.iter().any(|t| web_origin(t).is_some()) {
        let mut all =
            query(json!({"url": ["https://mail.google.com/*", "https://www.linkedin.com/*"]}))
                .await;
        crate::order::sort_by(&mut all, |a, b| {
            let last = |t: &Value| t.get("lastAccessed").and_then(Value::as_f64).unwrap_or(0.0);
            last(b).total_cmp(&last(a))
        });
        tabs = all;
    }
    let target = tabs.iter().find_map(|t| {
        let origin = web_origin(t)?;
        let id = t.get("id").and_then(Value::as_i64)?;
        map.contains_key(&origin)
            .then(|| (i32::try_from(id).ok(), origin))
    });
    if let Some((Some(id), origin)) = target {
        app.state.borrow_mut().check.target = Some((id, origin));
    }
}

async fn query(q: Value) -> Vec<Value> {
    let Ok(q) = crate::web::convert::to_js(&q) else {
        return Vec::new();
    };
    let Ok(tabs) = crate::web::chrome::tabs_query(&q).await else {
        return Vec::new();
    };
    crate::web::convert::stringify(&tabs)
        .ok()
        .and_then(|t| serde_json::from_str::<Vec<Value>>(&t).ok())
        .unwrap_or_default()
}

/// `https://host` of a tab on the web.
fn web_origin(tab: &Value) -> Option<String> {
    let url = tab.get("url").and_then(Value::as_str)?;
    let rest = url.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(format!("https://{host}"))
}

super::app::screen!(
    /// Check text.
    render,
    action,
    on_input
);

/// Builds the screen.
fn render(app: &App) -> Dom {
    let doc = &app.doc;
    let state = app.state.borrow();
    let c = &state.check;
    add(
        &app.main,
        el(doc, "h2", &[("tabindex", "-1")], Some("Check my text"))?,
    )?;
    add(
        &app.main,
        el(doc, "p", &[("class", "lead")], Some("Paste a message you are about to send. It is checked here, on your computer, for tone, clichés, pushy or casual wording and missing details."))?,
    )?;
    if let Some((_, origin)) = &c.target {
        let host = origin.trim_start_matches("https://");
        add(
            &app.main,
            el(doc, "p", &[("class", "notice info"), ("data-insert-target", host)], Some(&format!("In-page checks are off on {host} (the page blocks them). Write or paste here, then insert the text where your cursor is in the message box on that page.")))?,
        )?;
    }
    let row = add(&app.main, el(doc, "div", &[("class", "row")], None)?)?;
    let mut kinds: Vec<(&str, &str)> = vec![("", "Any message")];
    kinds.extend(Kind::DRAFTABLE.iter().map(|k| (k.as_str(), kind_label(*k))));
    field(
        doc,
        &row,
        "check-kind",
        "What it is",
        Control::Select(&kinds),
        c.kind.map_or("", Kind::as_str),
        None,
        &[],
    )?;
    field(
        doc,
        &row,
        "check-channel",
        "Channel",
        Control::Select(CHANNELS),
        c.channel.as_str(),
        None,
        &[],
    )?;
    field(
        doc,
        &app.main,
        "check-text",
        "Your message",
        Control::Text(6),
        &c.text,
        None,
        &[
            ("spellcheck", "true"),
            ("placeholder", "Dear Dana, thank you for…"),
        ],
    )?;
    let findings = add(
        &app.main,
        el(
            doc,
            "div",
            &[
                ("class", "findings"),
                ("id", "check-findings"),
                ("data-for", &html::field_id("check-text")),
            ],
            None,
        )?,
    )?;
    match &c.findings {
        Some(f) if !c.text.trim().is_empty() => {
            super::findings::render_findings(app, &findings, &c.text, f, true)?
        }
        _ => {
            add(
                &findings,
                el(
                    doc,
                    "p",
                    &[("class", "hint")],
                    Some("Findings appear here as you type."),
                )?,
            )?;
        }
    }
    let actions = add(
        &app.main,
        el(doc, "div", &[("class", "actions sticky")], None)?,
    )?;
    if c.target.is_some() {
        add(
            &actions,
            button(doc, "Insert into page", Action::Insert, "primary")?,
        )?;
    }
    add(&actions, button(doc, "Copy", Action::CheckCopy, "")?)?;
    add(&actions, button(doc, "Clear", Action::CheckClear, "quiet")?)?;
    if c.findings.is_none() && !c.text.trim().is_empty() {
        spawn_relint();
    }
    Ok(())
}

fn spawn_relint() {
    wasm_bindgen_futures::spawn_local(async {
        if let Some(app) = super::app::app() {
            relint(&app).await;
        }
    });
}

async fn relint(app: &App) {
    let (seq, c) = {
        let mut state = app.state.borrow_mut();
        state.seq += 1;
        (state.seq, state.check.clone())
    };
    let result = if c.text.trim().is_empty() {
        Ok(Vec::new())
    } else {
        super::findings::lint(&c.text, c.kind, c.channel, None, None, None).await
    };
    if app.state.borrow().seq != seq || app.state.borrow().view != View::Check {
        return;
    }
    match result {
        Ok(findings) => {
            app.state.borrow_mut().check.findings = Some(findings.clone());
            if let Some(into) = app.doc.get_element_by_id("check-findings") {
                if c.text.trim().is_empty() {
                    html::clear(&into);
                    let _ = into.set_attribute("data-count", "0");
                } else {
                    let _ = super::findings::render_findings(app, &into, &c.text, &findings, true);
                }
            }
        }
        Err(e) => say(app, &format!("The wording was not checked. {e}"), "error"),
    }
}

/// Typing re-checks (a late answer never wins) and keeps the text.
fn on_input(app: &App, target: &Element, kind: &str) {
    let name = target.get_attribute("name").unwrap_or_default();
    let value = html::prop_string(target, "value");
    {
        let mut state = app.state.borrow_mut();
        match (name.as_str(), kind) {
            ("check-text", "input") => {
                save_check(&value);
                state.check.text = value;
            }
            ("check-kind", "change") => state.check.kind = value.parse().ok(),
            ("check-channel", "change") => state.check.channel = value.parse().unwrap_or_default(),
            _ => return,
        }
    }
    spawn_relint();
}

/// Handles this screen's actions; false when `action` is not one of them.
async fn action(app: &App, action: Action, _button: &Element) {
    match action {
        Action::CheckCopy => {
            let text = app.state.borrow().check.text.clone();
            if super::app::copy_text(app, &text).await {
                say(app, "Text copied.", "ok");
            } else {
                say(
                    app,
                    "The browser did not allow copying; select the text and press Ctrl+C.",
                    "error",
                );
            }
        }
        Action::CheckClear => {
            {
                let mut state = app.state.borrow_mut();
                state.check.text.clear();
                state.check.findings = None;
            }
            save_check("");
            super::app::render(app);
            if let Some(area) = app.doc.get_element_by_id(&html::field_id("check-text")) {
                html::focus(&area);
            }
        }
        Action::Insert => insert(app).await,
        _ => {}
    }
}

async fn insert(app: &App) {
    let (text, target) = {
        let state = app.state.borrow();
        (state.check.text.clone(), state.check.target.clone())
    };
    let Some((tab, origin)) = target else {
        say(app, "No page to insert into.", "error");
        return;
    };
    if text.trim().is_empty() {
        say(app, "Write or paste the message first.", "error");
        return;
    }
    let injection = js_sys::Object::new();
    let target_obj = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&target_obj, &"tabId".into(), &tab.into());
    let _ = js_sys::Reflect::set(&injection, &"target".into(), &target_obj);
    let _ = js_sys::Reflect::set(&injection, &"func".into(), &app.insert_fn);
    let _ = js_sys::Reflect::set(
        &injection,
        &"args".into(),
        &js_sys::Array::of1(&text.as_str().into()),
    );
    let host = origin.trim_start_matches("https://").to_string();
    match crate::web::chrome::execute_script(&injection).await {
        Ok(results) => {
            let first = js_sys::Array::from(&results).get(0);
            let inserted = js_sys::Reflect::get(&first, &"result".into())
                .ok()
                .and_then(|r| r.as_bool())
                .unwrap_or(false);
            if inserted {
                say(
                    app,
                    &format!("Inserted into the message on {host}. Press Ctrl+Z there to undo."),
                    "ok",
                );
            } else {
                say(app, &format!("Nothing was inserted: click into the message box on {host} first, then try again."), "error");
            }
        }
        Err(e) => say(
            app,
            &format!(
                "Could not reach the page: {}",
                crate::web::chrome::error_text(&e)
            ),
            "error",
        ),
    }
}
