//! Nudge: a brief, patient follow-up after an unanswered status check.

use super::content::Content;
use super::context::Context;
use super::personal;
use crate::model::EventKind;
use crate::text::word_count;
use chrono::Datelike;

const OPENING: &[&str] = &[
    "I am following up on my message {sent_day} about the {role} role at {company}.",
    "I wanted to follow up once more on the {role} position at {company}.",
    "I am writing again about the {role} role at {company}, following my note {sent_day}.",
    "I wanted to briefly follow up on my earlier note about the {role} role at {company}.",
];

const PATIENCE: &[&str] = &[
    "I understand that hiring decisions take time, and I remain very interested in the position.",
    "I know these decisions can take a while, and I am still very interested in the role.",
    "I appreciate that the process may take some time; my interest in joining the team is as strong as ever.",
    "I understand the team is busy, and I remain enthusiastic about the opportunity.",
];

/// The question, then the thanks after it (a chat message ends with its own thanks).
const ASK: &[(&str, &str)] = &[
    (
        "If there is any update you can share, I would be grateful to hear it.",
        "Thank you for your time.",
    ),
    (
        "Any news on the timeline would be very welcome.",
        "Thank you for your help.",
    ),
    (
        "I would appreciate any update when you have a moment.",
        "Thank you again.",
    ),
    (
        "Whenever you have news, I would be glad to hear it.",
        "Many thanks.",
    ),
];

const NOTES: &[&str] = &[
    "I wanted to follow up once more on {the_role}{at_company}. I remain very interested and would be grateful for any update.",
    "following up briefly on {the_role}{at_company}: I am still very interested, and any update would be welcome.",
    "I know these decisions take time. My interest in {the_role}{at_company} has not changed, and I would be glad of any news.",
];

/// Longest nudge, in words, signature included.
pub const MAX_WORDS: usize = 120;

/// Writes a nudge; a very long company name is named in full only when it fits.
pub fn write(ctx: &Context) -> Content {
    let budget = MAX_WORDS.saturating_sub(ctx.frame_words());
    let c = body(ctx, false);
    if word_count(&c.paragraphs.join(" ")) <= budget {
        c
    } else {
        body(ctx, true)
    }
}

fn body(ctx: &Context, short_company: bool) -> Content {
    let sent_day = last_sent_day(ctx);
    let company2 = ctx.value("company2").unwrap_or_default().to_string();
    let mut extra: Vec<(&str, &str)> = vec![("sent_day", sent_day.as_str())];
    if short_company {
        extra.push(("company", company2.as_str()));
    }
    let fill = |template: &str| ctx.fill_with(template, &extra);
    let mut c = Content {
        subjects: vec![
            ctx.fill("Following up again — {role} role"),
            ctx.fill("Following up again — {company}"),
            "Following up on my application".to_string(),
        ],
        ..Content::default()
    };
    let opening = OPENING[ctx.choice("opening", OPENING.len())];
    // Without an earlier message on record, the phrasings that date it are left aside.
    let opening = if sent_day.is_empty() && opening.contains("{sent_day}") {
        OPENING[3]
    } else {
        opening
    };
    let patience = ctx.say("patience", PATIENCE);
    c.para(format!("{} {patience}", fill(opening)));
    let (ask, thanks) = ASK[ctx.choice("ask", ASK.len())];
    c.para(format!("{ask} {thanks}"));
    // Chat: the same follow-up, patience and question; the close line thanks them.
    c.chat.line(&[
        &ctx.fill_chat(opening, &[("sent_day", sent_day.as_str())]),
        &patience,
    ]);
    c.chat.line(&[ask]);
    c.notes = super::notes::variants(ctx, "note", &[NOTES]);

    c.call.purpose = "brief follow-up call".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        &[
            "I am following up on the {role} role I interviewed for {day}.",
            "I wanted to check in once more about the {role} position.",
            "I am calling about my application for the {role} role.",
        ],
    );
    c.call.points = vec![
        ctx.say(
            "call-ask",
            &[
                "Keep it brief: ask whether there is any update on the role.",
                "Ask in one sentence whether there is news on the position.",
                "Politely ask where the decision stands.",
            ],
        ),
        ctx.say(
            "call-patience",
            &[
                "Say that you remain interested and understand these things take time.",
                "Show patience: the process is theirs to run; you are simply still interested.",
                "Acknowledge that hiring takes time, and confirm your interest.",
            ],
        ),
        ctx.say(
            "call-who",
            &[
                "Ask whether there is a better time or person to check with.",
                "Ask who would be best to follow up with, if not them.",
                "Check whether email or phone suits them better for updates.",
            ],
        ),
    ];
    c.call.close = ctx.say(
        "call-close",
        &[
            "Thank you{comma_name}. I appreciate your time.",
            "Thanks{comma_name}, and have a good day.",
            "I appreciate you picking up{comma_name}. Thank you.",
        ],
    );
    c
}

/// When the last message went out, in words ("on Tuesday"); empty when none is recorded.
fn last_sent_day(ctx: &Context) -> String {
    ctx.interview
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Sent)
        .map(|e| e.at)
        .max()
        .map_or_else(String::new, |at| match ctx.now {
            Some(now) => personal::day_phrase(at, Some(now)),
            None => format!("on {}", personal::date_words(at, at.year())),
        })
}
