//! "Due now": open follow-ups grouped Overdue / Due / Upcoming, with their actions, and the
//! list of every interview (edit, delete).

use super::app::{fetch_draft, go, now, reload, say, App, View};
use super::html::{add, button, el, Dom};
use crate::case::Lowercase as _;
use crate::model::{Channel, Event, Outcome};
use crate::schedule::Due;
use crate::ui::action::Action;
use crate::ui::data::{context, count, item_words};
use crate::web::client;
use crate::when::{short_date_time, status_label, when_words, STATUS_ORDER};
use web_sys::Element;

/// Items shown per group before "Show all" (keeps the popup quick with hundreds of items).
const SHOWN: usize = 15;

/// Builds the screen.
fn render(app: &App) -> Dom {
    let doc = &app.doc;
    let state = app.state.borrow();
    let main = &app.main;
    if state.load_error.is_some() {
        add(main, el(doc, "h2", &[("tabindex", "-1")], Some("Due now"))?)?;
        return Ok(());
    }
    if state.store.interviews.is_empty() {
        let card = add(main, el(doc, "div", &[("class", "empty")], None)?)?;
        add(
            &card,
            el(doc, "h2", &[("tabindex", "-1")], Some("No interviews yet"))?,
        )?;
        add(
            &card,
            el(
                doc,
                "p",
                &[],
                Some("Just had an interview? Add it now: the company, the role, and who you met. It takes under a minute."),
            )?,
        )?;
        add(
            &card,
            el(
                doc,
                "p",
                &[],
                Some("We'll tell you when to thank each interviewer and when to check in, and write a personal draft for each message. Everything stays in your browser."),
            )?,
        )?;
        let row = add(&card, el(doc, "div", &[("class", "actions")], None)?)?;
        add(
            &row,
            button(doc, "Add your first interview", Action::AddFirst, "primary")?,
        )?;
        add(
            &row,
            button(doc, "Import a backup", Action::Nav(View::Settings), "quiet")?,
        )?;
        return Ok(());
    }
    let now = now();
    let pressing = state
        .items
        .iter()
        .filter(|d| d.status != crate::schedule::Status::Upcoming)
        .count();
    let heading = if pressing == 0 {
        "Due now: nothing".to_string()
    } else {
        format!("Due now: {}", count(pressing, "follow-up"))
    };
    add(main, el(doc, "h2", &[("tabindex", "-1")], Some(&heading))?)?;
    if state
        .store
        .profile
        .name
        .as_deref()
        .is_none_or(|n| n.trim().is_empty())
    {
        ask_name(app)?;
    }
    if state.items.is_empty() {
        add(
            main,
            el(
                doc,
                "p",
                &[("class", "caught-up")],
                Some("You're all caught up: nothing to send. New follow-ups appear here when they come due."),
            )?,
        )?;
    }
    for status in STATUS_ORDER {
        let group: Vec<(usize, &Due)> = state
            .items
            .iter()
            .enumerate()
            .filter(|(_, d)| d.status == status)
            .collect();
        if group.is_empty() {
            continue;
        }
        let section = add(
            main,
            el(
                doc,
                "section",
                &[("class", "group"), ("data-status", status.as_str())],
                None,
            )?,
        )?;
        let hid = format!("g-{}", status.as_str());
        let title = format!("{} ({})", status_label(status), group.len());
        // What is not due yet waits behind its heading, closed until asked for, so the list
        // opens on what to do now.
        let holder = if status == crate::schedule::Status::Upcoming && pressing > 0 {
            let later = add(&section, el(doc, "details", &[("class", "later")], None)?)?;
            let summary = add(&later, el(doc, "summary", &[], None)?)?;
            add(&summary, el(doc, "h3", &[("id", &hid)], Some(&title))?)?;
            later
        } else {
            add(&section, el(doc, "h3", &[("id", &hid)], Some(&title))?)?;
            section.clone()
        };
        let list = add(
            &holder,
            el(
                doc,
                "ul",
                &[("class", "items"), ("aria-labelledby", &hid)],
                None,
            )?,
        )?;
        let total = group.len();
        let shown = if state.show_all {
            total
        } else {
            total.min(SHOWN)
        };
        for (index, due) in group.into_iter().take(shown) {
            item(app, &list, index, due, now)?;
        }
        if shown < total {
            let more = add(
                &holder,
                button(doc, &format!("Show all {total}"), Action::ShowAll, "quiet")?,
            )?;
            more.set_attribute(
                "aria-label",
                &format!(
                    "Show all {total} {} items",
                    status_label(status).lowercase()
                ),
            )?;
        }
    }
    interviews(app, &state.store)?;
    Ok(())
}

fn item(
    app: &App,
    list: &Element,
    index: usize,
    due: &Due,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Dom {
    let doc = &app.doc;
    let state = app.state.borrow();
    let Some(words) = item_words(&state.store, due, now) else {
        return Ok(());
    };
    let li = add(
        list,
        el(
            doc,
            "li",
            &[
                ("class", "item"),
                ("data-index", &index.to_string()),
                ("data-kind", due.kind.as_str()),
                ("data-status", due.status.as_str()),
            ],
            None,
        )?,
    )?;
    let title_id = format!("t-{index}");
    add(
        &li,
        el(
            doc,
            "p",
            &[("class", "title"), ("id", &title_id)],
            Some(&words.title),
        )?,
    )?;
    let meta = add(&li, el(doc, "p", &[("class", "meta")], None)?)?;
    add(
        &meta,
        el(doc, "span", &[("class", "when")], Some(&words.when))?,
    )?;
    add(
        &meta,
        el(doc, "span", &[("class", "ctx")], Some(&words.context))?,
    )?;
    add(
        &li,
        el(doc, "p", &[("class", "reason")], Some(&words.reason))?,
    )?;
    // One action in view: the next step (write it when it is due, look at it when it is not,
    // mark it done when there is nothing to write); the rest in "More".
    let actions = add(&li, el(doc, "div", &[("class", "actions")], None)?)?;
    let pressing = due.status != crate::schedule::Status::Upcoming;
    let write = if words.channel == Channel::Linkedin {
        "Write on LinkedIn"
    } else {
        "Write in Gmail"
    };
    let sent = if words.draftable { "Mark sent" } else { "Done" };
    let primary = match (words.draftable, pressing) {
        (true, true) => button(doc, write, Action::Write, "primary")?,
        (true, false) => button(doc, "Preview", Action::Preview, "")?,
        (false, _) => button(doc, sent, Action::Sent, "primary")?,
    };
    add(&actions, primary)?;
    let more = add(&actions, el(doc, "details", &[("class", "more")], None)?)?;
    add(&more, el(doc, "summary", &[], Some("More"))?)?;
    let menu = add(&more, el(doc, "div", &[("class", "menu")], None)?)?;
    if words.draftable {
        if pressing {
            add(&menu, button(doc, "Preview", Action::Preview, "quiet")?)?;
        } else {
            add(&menu, button(doc, write, Action::Write, "quiet")?)?;
        }
        add(&menu, button(doc, "Copy draft", Action::Copy, "quiet")?)?;
        add(&menu, button(doc, sent, Action::Sent, "quiet")?)?;
    }
    let details = add(&menu, el(doc, "details", &[("class", "replied")], None)?)?;
    add(&details, el(doc, "summary", &[], Some("They replied"))?)?;
    let outcomes = add(&details, el(doc, "div", &[("class", "outcomes")], None)?)?;
    for outcome in [Outcome::Positive, Outcome::Neutral, Outcome::Negative] {
        add(
            &outcomes,
            button(doc, outcome.words(), Action::Reply(outcome), "quiet")?,
        )?;
    }
    add(&menu, button(doc, "Snooze a day", Action::Snooze, "quiet")?)?;
    // One item of a list is in the Tab order at a time (the first); arrows move between items.
    if list.child_element_count() > 1 {
        for control in roving(&li) {
            control.set_attribute("tabindex", "-1")?;
        }
    }
    // Screen readers hear which follow-up each "Preview" or "Mark sent" is for.
    for control in crate::web::dom::query_all(&li, "button, summary") {
        control.set_attribute("aria-describedby", &title_id)?;
    }
    Ok(())
}

fn interviews(app: &App, store: &crate::model::Store) -> Dom {
    let doc = &app.doc;
    let details = add(&app.main, el(doc, "details", &[("class", "all")], None)?)?;
    add(
        &details,
        el(
            doc,
            "summary",
            &[],
            Some(&format!("All interviews ({})", store.interviews.len())),
        )?,
    )?;
    let list = add(&details, el(doc, "ul", &[("class", "interviews")], None)?)?;
    let mut sorted: Vec<&crate::model::Interview> = store.interviews.iter().collect();
    crate::order::sort_by_key(&mut sorted, |i| std::cmp::Reverse(i.at));
    for i in sorted {
        let li = add(&list, el(doc, "li", &[("data-id", &i.id)], None)?)?;
        let text = add(&li, el(doc, "div", &[], None)?)?;
        add(
            &text,
            el(doc, "p", &[("class", "title")], Some(&context(i)))?,
        )?;
        add(
            &text,
            el(doc, "p", &[("class", "meta")], Some(&short_date_time(i.at)))?,
        )?;
        let actions = add(&li, el(doc, "div", &[("class", "actions")], None)?)?;
        let edit = add(&actions, button(doc, "Edit", Action::Edit, "quiet")?)?;
        edit.set_attribute("aria-label", &format!("Edit {}", context(i)))?;
        let del = add(
            &actions,
            button(doc, "Delete", Action::Remove, "quiet danger")?,
        )?;
        del.set_attribute("aria-label", &format!("Delete {}", context(i)))?;
    }
    Ok(())
}

/// The item a button belongs to.
fn item_of(app: &App, button: &Element) -> Option<Due> {
    let index = button
        .closest("li[data-index]")
        .ok()
        .flatten()?
        .get_attribute("data-index")?
        .parse::<usize>()
        .ok()?;
    app.state.borrow().items.get(index).cloned()
}

/// The channel an item is written for ([`crate::model::Interviewer::channel`]).
fn channel_for(app: &App, due: &Due) -> Channel {
    let state = app.state.borrow();
    item_words(&state.store, due, now()).map_or(Channel::Email, |w| w.channel)
}

super::app::screen!(
    /// The due list.
    render,
    action
);

/// Carries out this screen's actions ([`Action::screen`] is [`View::Due`]).
async fn action(app: &App, action: Action, button: &Element) {
    match action {
        Action::ShowAll => {
            app.state.borrow_mut().show_all = true;
            super::app::render(app);
        }
        Action::AddFirst => {
            super::form::prepare(app);
            go(app, View::Form);
        }
        Action::Edit | Action::Remove => {
            let Some(id) = button
                .closest("li[data-id]")
                .ok()
                .flatten()
                .and_then(|li| li.get_attribute("data-id"))
            else {
                return;
            };
            if action == Action::Edit {
                super::form::edit(app, &id);
            } else if !super::app::asked_first(
                app,
                button,
                "Delete it and its history?",
                "Press Delete again to remove this interview and everything recorded about it.",
            ) {
                let before = app.state.borrow().store.interview(&id).cloned();
                match client::remove_interview(&id).await {
                    Ok(_) => {
                        reload(app).await;
                        super::app::render(app);
                        match before {
                            Some(i) => super::app::say_undoable(
                                app,
                                "Interview deleted.",
                                super::app::Undo::Restore(Box::new(i)),
                            ),
                            None => say(app, "Interview deleted.", "ok"),
                        }
                    }
                    Err(e) => say(app, &format!("Not deleted. {e}"), "error"),
                }
            }
        }
        _ => {
            let Some(due) = item_of(app, button) else {
                say(app, "That item is gone; the list was refreshed.", "error");
                return;
            };
            item_action(app, action, &due).await;
        }
    }
}

async fn item_action(app: &App, action: Action, due: &Due) {
    let channel = channel_for(app, due);
    match action {
        Action::Preview => super::draft::open(app, due, channel).await,
        Action::Copy => match fetch_draft(
            &due.interview,
            due.interviewer.as_deref(),
            due.kind,
            channel,
        )
        .await
        {
            Ok(d) => {
                if super::app::copy_text(app, &d.body).await {
                    say(app, &super::app::copied(d.subject.as_deref()), "ok");
                } else {
                    say(app, "The browser did not allow copying; use Preview and copy the text from there.", "error");
                }
            }
            Err(e) => say(app, &format!("Nothing was copied. {e}"), "error"),
        },
        Action::Write => {
            // LinkedIn has no compose link: the message goes to the clipboard first.
            let copied = if channel == Channel::Linkedin {
                match fetch_draft(
                    &due.interview,
                    due.interviewer.as_deref(),
                    due.kind,
                    channel,
                )
                .await
                {
                    Ok(d) => super::app::copy_text(app, &d.body).await,
                    Err(_) => false,
                }
            } else {
                false
            };
            let who = due.interviewer.as_deref();
            match client::open(&due.interview, who, due.kind, channel, None).await {
                Ok(_) if copied => say(
                    app,
                    "Opened their LinkedIn profile; the message is copied, paste it there.",
                    "ok",
                ),
                Ok(_) => say(app, "Opened in a new tab with the draft filled in.", "ok"),
                Err(e) => say(app, &format!("Not opened. {e}"), "error"),
            }
        }
        Action::Sent => {
            let event = Event::sent(due.kind, due.interviewer.as_deref(), now());
            super::app::record(app, &due.interview, event, "Marked as sent.").await;
        }
        Action::Reply(outcome) => {
            let event = Event::reply(outcome, due.interviewer.as_deref(), now());
            let done = match outcome {
                Outcome::Negative => {
                    "Reply recorded. A gracious answer asking for feedback is now on your list."
                }
                Outcome::Positive => {
                    "Reply recorded. Congratulations! A short answer is now on your list."
                }
                Outcome::Neutral => "Reply recorded; no more nudges for this interview.",
            };
            super::app::record(app, &due.interview, event, done).await;
        }
        Action::Snooze => {
            let who = due.interviewer.as_deref();
            match client::snooze(&due.interview, who, due.kind, None).await {
                Ok(until) => {
                    reload(app).await;
                    super::app::render(app);
                    let until = when_words(until, now()).replacen("by ", "until ", 1);
                    super::app::say_undoable(
                        app,
                        &format!("Snoozed {until}."),
                        super::app::Undo::Snooze {
                            interview: due.interview.clone(),
                            interviewer: due.interviewer.clone(),
                            kind: due.kind,
                        },
                    );
                }
                Err(e) => say(app, &format!("Not snoozed. {e}"), "error"),
            }
        }
        _ => {}
    }
}

/// Asks once, at the top of the list, for the name the drafts are signed with (until there is
/// one): without it every draft ends unsigned.
fn ask_name(app: &App) -> Dom {
    let doc = &app.doc;
    let form = add(
        &app.main,
        el(
            doc,
            "form",
            &[
                ("class", "ask-name"),
                ("data-form", "name"),
                ("aria-label", "Your name"),
            ],
            None,
        )?,
    )?;
    super::html::field(
        doc,
        &form,
        "your-name",
        "Your name, to sign your drafts",
        super::html::Control::Input("text"),
        "",
        Some("Only in your drafts; change it and add a signature in Settings."),
        &[("autocomplete", "name"), ("required", "")],
    )?;
    let row = add(&form, el(doc, "div", &[("class", "actions")], None)?)?;
    add(&row, super::html::submit(doc, "Sign my drafts", "primary")?)?;
    Ok(())
}

/// Saves the name typed in [`ask_name`] to the profile (the rest of it as it is).
pub(crate) async fn submit_name(app: &App) {
    let name = app
        .doc
        .get_element_by_id(&super::html::field_id("your-name"))
        .map(|e| super::html::prop_string(&e, "value"))
        .unwrap_or_default();
    let name = name.trim();
    if name.is_empty() {
        say(app, "Type your name first.", "error");
        return;
    }
    let mut profile = app.state.borrow().store.profile.clone();
    profile.name = Some(name.to_string());
    match client::settings(&profile).await {
        Ok(()) => {
            reload(app).await;
            go(app, View::Due);
            say(app, &format!("Your drafts are signed “{name}” now."), "ok");
        }
        Err(e) => say(app, &format!("Not saved. {e}"), "error"),
    }
}

/// An item's controls in the Tab order when it is the list's current item: its next step and
/// its "More" (what "More" holds is reached from there).
fn roving(li: &Element) -> Vec<Element> {
    crate::web::dom::query_all(
        li,
        ":scope > .actions > button, :scope > .actions > details > summary",
    )
}

/// ArrowDown/ArrowUp/Home/End on an item's next step or its "More" move to another item of
/// the same list, which becomes the one in the Tab order. Returns whether the key was used.
pub(crate) fn on_key(target: &Element, key: &str) -> bool {
    let Some(li) = target.closest("li.item").ok().flatten() else {
        return false;
    };
    // Which of the item's two controls has the focus: the next item's same one gets it.
    let Some(column) = roving(&li).iter().position(|c| c == target) else {
        return false;
    };
    let Some(list) = li.parent_element() else {
        return false;
    };
    let items = crate::web::dom::query_all(&list, ":scope > li.item");
    let Some(at) = items.iter().position(|i| *i == li) else {
        return false;
    };
    let next = match key {
        "ArrowDown" => (at + 1).min(items.len() - 1),
        "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => items.len() - 1,
        _ => return false,
    };
    for (n, item) in items.iter().enumerate() {
        for control in roving(item) {
            let _ = if n == next {
                control.remove_attribute("tabindex")
            } else {
                control.set_attribute("tabindex", "-1")
            };
        }
    }
    // The same kind of control in the next item: its next step, or its "More".
    let controls = roving(&items[next]);
    if let Some(c) = controls.get(column).or_else(|| controls.first()) {
        super::html::focus(c);
    }
    true
}
