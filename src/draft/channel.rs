//! Channels shape one [`Content`] into what is sent: an email with subject and signature, a
//! LinkedIn chat message (a few short lines, ≤ 1,000 characters), a connection note (≤ 300), or a
//! call plan.

use super::content::{Chat, Content, Missing};
use super::context::Context;
use super::phrases::{CHAT_CLOSES, SIGN_OFFS};
use crate::case::Lowercase as _;
use crate::model::Channel;
use crate::text::word_count;

/// Longest LinkedIn message ([`Channel::limit`]).
const LINKEDIN_MAX: usize = match Channel::Linkedin.limit() {
    Some(n) => n,
    None => 0,
};
/// Longest LinkedIn connection-request note ([`Channel::limit`]).
const NOTE_MAX: usize = match Channel::LinkedinNote.limit() {
    Some(n) => n,
    None => 0,
};
/// Subject length bounds, in words.
pub const SUBJECT_WORDS: std::ops::RangeInclusive<usize> = 3..=8;

/// What a channel produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Subject (email only).
    pub subject: Option<String>,
    /// The text to send (or the call plan).
    pub body: String,
    /// Email address, profile URL or name of the recipient.
    pub to: Option<String>,
    /// Details that were missing (from the content and the channel).
    pub missing: Vec<Missing>,
}

/// Shapes `content` for `ctx.channel`.
pub fn render(ctx: &Context, content: Content) -> Rendered {
    let mut missing = content.missing.clone();
    if ctx.address.is_none() {
        missing.insert(0, Missing::RecipientName);
    }
    let who = ctx.name_or("your interviewer");
    let (subject, body, to) = match ctx.channel {
        Channel::Email => {
            let to = nonempty(ctx.interviewer.email.as_deref());
            if to.is_none() {
                missing.push(Missing::RecipientEmail(who));
            }
            let (body, lacks) = email(ctx, &content);
            missing.extend(lacks);
            (
                Some(subject(&content)),
                body,
                to.or_else(|| ctx.full_name().map(str::to_string)),
            )
        }
        Channel::Linkedin | Channel::LinkedinNote => {
            let to = nonempty(ctx.interviewer.linkedin.as_deref());
            if to.is_none() {
                missing.push(Missing::RecipientLinkedin(who));
            }
            let body = if ctx.channel == Channel::Linkedin {
                linkedin(ctx, &content)
            } else {
                note(ctx, &content)
            };
            (
                None,
                body,
                to.or_else(|| ctx.full_name().map(str::to_string)),
            )
        }
        Channel::Phone => (
            None,
            call_plan(ctx, &content),
            ctx.full_name().map(str::to_string),
        ),
    };
    // Short forms leave out the parts those hints are about.
    match ctx.channel {
        Channel::LinkedinNote => missing.retain(|m| {
            matches!(
                m,
                Missing::RecipientName
                    | Missing::Topic(_)
                    | Missing::Promised(_)
                    | Missing::RecipientLinkedin(_)
            )
        }),
        Channel::Linkedin => missing.retain(|m| !content.chat.leaves_out.contains(m)),
        Channel::Phone | Channel::Email => {}
    }
    let signed =
        ctx.channel == Channel::Email && nonempty(ctx.profile.signature.as_deref()).is_some();
    if ctx.my_name().is_none() && !signed {
        missing.push(Missing::CandidateName);
    }
    Rendered {
        subject,
        body,
        to,
        missing,
    }
}

fn nonempty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The first subject candidate of 3–8 words (the last one otherwise).
fn subject(content: &Content) -> String {
    content
        .subjects
        .iter()
        .find(|s| SUBJECT_WORDS.contains(&word_count(s)))
        .or(content.subjects.last())
        .cloned()
        .unwrap_or_else(|| "Following up on our conversation".to_string())
}

fn greeting(ctx: &Context, informal: &str) -> String {
    match &ctx.address {
        Some(a) if a.formal => format!("Dear {},", a.name),
        Some(a) => format!("{informal} {},", a.name),
        None => "Hello,".to_string(),
    }
}

/// Email: greeting, paragraphs, sign-off, then the signature (or name and contact line).
fn email(ctx: &Context, content: &Content) -> (String, Vec<Missing>) {
    let mut lacks = Vec::new();
    let mut parts = vec![greeting(ctx, "Dear")];
    parts.extend(content.paragraphs.iter().cloned());
    let mut sign = ctx.say("sign-off", SIGN_OFFS);
    let signature = nonempty(ctx.profile.signature.as_deref());
    match signature {
        Some(signature) => {
            sign.push('\n');
            sign.push_str(&signature);
        }
        None => {
            if let Some(name) = ctx.my_name() {
                sign.push('\n');
                sign.push_str(&name);
            }
            let contact: Vec<String> = [&ctx.profile.phone, &ctx.profile.email]
                .into_iter()
                .filter_map(|v| nonempty(v.as_deref()))
                .collect();
            if contact.is_empty() {
                lacks.push(Missing::CandidateContact);
            } else {
                sign.push('\n');
                sign.push_str(&contact.join(" · "));
            }
        }
    }
    parts.push(sign);
    (parts.join("\n\n"), lacks)
}

/// LinkedIn message, sized for the chat window: the greeting, the content's short chat lines
/// and a one-line close with the first name ("Thanks again, Sam"), never a letter's sign-off and
/// signature block; within 1,000 characters.
fn linkedin(ctx: &Context, content: &Content) -> String {
    let mut lines = content.chat.lines.clone();
    if lines.is_empty() {
        // Every kind writes chat lines; should one not, its first and last paragraphs stand in.
        lines.extend(content.paragraphs.first().cloned());
        if content.paragraphs.len() > 1 {
            lines.extend(content.paragraphs.last().cloned());
        }
    }
    // Keep the first line (the thanks) and the last (the call to action).
    while lines.len() > Chat::MAX_LINES.max(2) {
        lines.remove(lines.len() - 2);
    }
    let close = chat_close(ctx, &lines);
    let mut parts = vec![greeting(ctx, "Hi")];
    parts.extend(lines);
    parts.push(close);
    // Cuts only when store values run to hundreds of characters.
    truncate_words(&parts.join("\n\n"), LINKEDIN_MAX)
}

/// The last line of a chat message: "Thanks again, Sam", or "Thanks again." without a name.
///
/// The phrasing is this interviewer's for the kind (so one person's messages do not all end
/// alike), moved on to the next one when the lines above already say it ("Thank you again for
/// meeting with me…").
fn chat_close(ctx: &Context, lines: &[String]) -> String {
    let said = lines.join(" ").lowercase();
    let start = ctx.choice(&format!("chat-close-{}", ctx.kind), CHAT_CLOSES.len());
    let close = (0..CHAT_CLOSES.len())
        .map(|i| CHAT_CLOSES[(start + i) % CHAT_CLOSES.len()])
        .find(|close| !said.contains(&close.lowercase()))
        .unwrap_or(CHAT_CLOSES[start % CHAT_CLOSES.len()]);
    match ctx.my_first_name() {
        Some(name) => format!("{close}, {name}"),
        None => format!("{close}."),
    }
}

/// Connection note: the richest candidate that fits 300 characters with the greeting.
fn note(ctx: &Context, content: &Content) -> String {
    let greetings = [greeting(ctx, "Hi"), "Hello,".to_string()];
    for greeting in &greetings {
        for text in &content.notes {
            let candidate = format!("{greeting} {text}");
            if utf16_len(&candidate) <= NOTE_MAX {
                return candidate;
            }
        }
    }
    // Every candidate carried a store value too long for a note; this always fits.
    "Hello, thank you for your time. I would be glad to stay in touch.".to_string()
}

/// Call plan: purpose line, opener, 3–5 talking points, close.
fn call_plan(ctx: &Context, content: &Content) -> String {
    let call = &content.call;
    let mut who = ctx
        .full_name()
        .map_or_else(|| "your interviewer".to_string(), str::to_string);
    if let Some(title) = ctx.title() {
        who.push_str(&format!(" ({title})"));
    }
    let mut lines = vec![
        format!(
            "Call plan: {} — {who}, {}",
            call.purpose,
            ctx.interview.company.trim()
        ),
        String::new(),
        format!("Opener: \"{}\"", call.opener),
        String::new(),
        "Talking points:".to_string(),
    ];
    lines.extend(call.points.iter().take(5).map(|p| format!("- {p}")));
    lines.push(String::new());
    lines.push(format!("Close: \"{}\"", call.close));
    lines.join("\n")
}

/// Length as LinkedIn counts it (UTF-16 code units).
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Cuts `text` at a word boundary so that it fits `max` UTF-16 units, ending with "…".
fn truncate_words(text: &str, max: usize) -> String {
    if utf16_len(text) <= max {
        return text.to_string();
    }
    let mut end = 0;
    let mut used = 0;
    for (i, ch) in crate::fold::char_indices(text) {
        used += ch.len_utf16();
        if used > max.saturating_sub(1) {
            break;
        }
        end = i + ch.len_utf8();
    }
    let cut = &text[..end];
    let cut = cut
        .rfind(char::is_whitespace)
        .map_or(cut, |space| &cut[..space]);
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{Kind, Store};

    fn store(name: Option<&str>) -> Store {
        let profile =
            name.map_or_else(String::new, |n| format!(r#""profile": {{"name": "{n}"}},"#));
        crate::store::parse(&format!(
            r#"{{"version": 1, {profile} "interviews": [{{"id": "acme", "company": "Acme",
                "role": "Analyst", "at": "2026-11-20T14:00:00-05:00",
                "interviewers": [{{"id": "dana", "name": "Dana Lee"}}]}}]}}"#
        ))
        .unwrap()
    }

    /// The context of a LinkedIn message of `kind` to the store's first interviewer.
    fn linkedin_ctx(store: &Store, kind: Kind) -> Context<'_> {
        Context::new(
            &store.profile,
            &store.interviews[0],
            0,
            kind,
            Channel::Linkedin,
            None,
        )
    }

    fn chat(lines: &[&str]) -> Content {
        Content {
            chat: Chat {
                lines: lines.iter().map(|l| l.to_string()).collect(),
                leaves_out: Vec::new(),
            },
            ..Content::default()
        }
    }

    #[test]
    fn a_linkedin_message_is_greeting_lines_and_a_one_line_close() {
        let store = store(Some("Sam Rivera"));
        let ctx = linkedin_ctx(&store, Kind::Nudge);
        let body = linkedin(&ctx, &chat(&["First line.", "Middle line.", "Any update?"]));
        let parts: Vec<&str> = body.split("\n\n").collect();
        // The middle line goes; the thanks and the call to action stay.
        assert_eq!(parts[..3], ["Hi Dana,", "First line.", "Any update?"]);
        assert_eq!(parts.len(), 4);
        assert!(parts[3].ends_with(", Sam"), "{body}");
        assert!(
            CHAT_CLOSES.iter().any(|c| parts[3].starts_with(c)),
            "{body}"
        );
        assert!(!SIGN_OFFS.iter().any(|s| body.contains(s)), "{body}");
        assert!(!body.contains("Rivera"), "{body}");
    }

    #[test]
    fn the_close_is_not_what_the_lines_already_say() {
        let store = store(None);
        let ctx = linkedin_ctx(&store, Kind::ThankYou);
        let plain = chat_close(&ctx, &[]);
        assert!(plain.ends_with('.'), "{plain}");
        let phrase = plain.trim_end_matches('.');
        let said = [format!("{phrase} for meeting with me.")];
        let moved = chat_close(&ctx, &said);
        assert_ne!(moved, plain);
        assert!(
            CHAT_CLOSES.iter().any(|c| moved == format!("{c}.")),
            "{moved}"
        );
    }

    #[test]
    fn a_very_long_chat_message_is_cut_at_a_word() {
        let store = store(Some("Sam Rivera"));
        let ctx = linkedin_ctx(&store, Kind::ThankYou);
        let long = "word ".repeat(300);
        let body = linkedin(&ctx, &chat(&[long.trim(), "Any update?"]));
        assert!(utf16_len(&body) <= LINKEDIN_MAX);
        assert!(body.ends_with("word…"), "{body}");
    }

    #[test]
    fn truncation_respects_the_limit_and_words() {
        let text = "alpha beta gamma delta";
        assert_eq!(truncate_words(text, 100), text);
        let cut = truncate_words(text, 12);
        assert_eq!(cut, "alpha beta…");
        assert!(utf16_len(&cut) <= 12);
        let emoji = "😀😀😀 😀😀😀";
        assert!(utf16_len(&truncate_words(emoji, 9)) <= 9);
    }
}
