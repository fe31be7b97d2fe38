//! Shared helpers for the short forms: LinkedIn-note candidates and call openers.

use super::context::Context;

/// Note candidates, richest first: each group (e.g. with a topic, then without) from this
/// interviewer's phrasing on, each phrasing with the company named and then without it.
///
/// A group whose templates need a value the store lacks (a topic) is skipped, so no candidate
/// ever carries an unfilled `{key}`.
pub fn variants(ctx: &Context, slot: &str, groups: &[&[&str]]) -> Vec<String> {
    variants_with(ctx, slot, groups, &[])
}

/// Like [`variants`], with `extra` values taking precedence over the context's.
pub fn variants_with(
    ctx: &Context,
    slot: &str,
    groups: &[&[&str]],
    extra: &[(&str, &str)],
) -> Vec<String> {
    let company = ctx.interview.company.trim();
    // A company name too long to repeat elsewhere is left out of notes entirely.
    let named = format!(" at {company}");
    let company_forms: &[&str] = if ctx.value("company2") == Some(company) {
        &[named.as_str(), ""]
    } else {
        &[""]
    };
    let mut out = Vec::new();
    for group in groups {
        if group.is_empty() {
            continue;
        }
        let start = ctx.choice(slot, group.len());
        // This interviewer's own phrasing first (with the company, then without), so that
        // colleagues keep different notes even when long values force a fallback.
        for i in 0..group.len() {
            let template = group[(start + i) % group.len()];
            for at_company in company_forms {
                let mut values = extra.to_vec();
                values.push(("at_company", at_company));
                let text = ctx.fill_with(template, &values);
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

const HELLO: &[&str] = &[
    "Hello {n}, this is {me}.",
    "Hi {n}, it is {me} calling.",
    "Good to reach you, {n}; this is {me}.",
    "Hello {n}, {me} here.",
];

const CHECK: &[&str] = &[
    "Do you have a couple of minutes?",
    "Is this a good moment for a quick word?",
    "Have I caught you at a convenient time?",
    "Could I take two minutes of your time?",
];

/// The first words of a call: greeting, who is calling, the reason (picked from `reasons`,
/// templates), and a check that it is a good moment.
pub fn call_opener(ctx: &Context, reasons: &[&str]) -> String {
    let me = ctx.my_name();
    let hello = match (&ctx.address, &me) {
        (Some(a), Some(me)) => ctx.fill_with(
            HELLO[ctx.choice("call-hello", HELLO.len())],
            &[("n", a.name.as_str()), ("me", me.as_str())],
        ),
        (Some(a), None) => format!("Hello {}.", a.name),
        (None, Some(me)) => format!("Hello, this is {me}."),
        (None, None) => "Hello.".to_string(),
    };
    format!(
        "{hello} {} {}",
        ctx.say("call-reason", reasons),
        ctx.say("call-check", CHECK)
    )
}
