//! Shared helpers for the short forms: LinkedIn-note candidates and call openers.

use super::context::Context;

/// Note candidates, richest first: each group (e.g. with a topic, then without) is tried with
/// the company named, then without it, starting from this interviewer's phrasing.
///
/// A group whose templates need a value the store lacks (a topic) is skipped, so no candidate
/// ever carries an unfilled `{key}`.
pub fn variants(ctx: &Context, slot: &str, groups: &[&[&str]]) -> Vec<String> {
    let company = format!(" at {}", ctx.interview.company.trim());
    let mut out = Vec::new();
    for group in groups {
        if group.is_empty() {
            continue;
        }
        let start = ctx.choice(slot, group.len());
        for at_company in [company.as_str(), ""] {
            for i in 0..group.len() {
                let template = group[(start + i) % group.len()];
                let text = ctx.fill_with(template, &[("at_company", at_company)]);
                if !has_unfilled_key(&text, template) {
                    out.push(text);
                }
            }
        }
    }
    out
}

/// True when filling left a `{key}` of the template in place (its value was missing).
fn has_unfilled_key(text: &str, template: &str) -> bool {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        match after.find('}') {
            Some(close) => {
                if text.contains(&after[..=close]) {
                    return true;
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    false
}

/// The first words of a call: greeting, who is calling, the reason (`reason` is a template),
/// and a check that it is a good moment.
pub fn call_opener(ctx: &Context, reason: &str) -> String {
    let hello = match &ctx.address {
        Some(a) => format!("Hello {},", a.name),
        None => "Hello,".to_string(),
    };
    let me = match ctx.my_name() {
        Some(name) => format!(" this is {name}."),
        None => String::new(),
    };
    let hello = if me.is_empty() {
        hello.trim_end_matches(',').to_string() + "."
    } else {
        hello
    };
    format!(
        "{hello}{me} {} Do you have a couple of minutes?",
        ctx.fill(reason)
    )
}
