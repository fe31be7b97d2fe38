//! Status check: one polite question after the decision date (or the usual wait) has passed.

use super::content::Content;
use super::context::Context;
use crate::text::word_count;

/// A pleasantry, then what the message is about (a chat message keeps only the second).
const OPENING: &[(&str, &str)] = &[
    (
        "I hope your week is going well.",
        "I am writing to follow up on my interview {day} for the {role} role at {company}.",
    ),
    (
        "I hope all is well.",
        "I wanted to check in about the {role} position at {company}, which we discussed {day}.",
    ),
    (
        "I hope you are doing well.",
        "I am following up on our conversation {day} about the {role} role at {company}.",
    ),
    (
        "I hope things are going well at {company}.",
        "I wanted to follow up on the {role} role we talked about {day}.",
    ),
];

const ASK_KNOWN: &[&str] = &[
    "I know the team planned to reach a decision by {decision}, so I wanted to ask whether there is any update you can share.",
    "You mentioned a decision around {decision}; I would be grateful for any news on where things stand.",
    "Since the team had hoped to decide by {decision}, I wanted to see whether there is any update on the role.",
    "With {decision} now behind us, I would appreciate hearing whether there is any news on the process.",
];

const ASK: &[&str] = &[
    "I wanted to ask whether there is any update on the process or the timing of a decision.",
    "Could you let me know where things stand and when you expect to decide?",
    "I would be grateful for any update on the timeline and the next steps.",
    "If there is any news on the process, I would be glad to hear it.",
];

const INTEREST_TOPIC: &[&str] = &[
    "I remain very interested in the role, especially after our conversation about {topic}.",
    "Our discussion of {topic} has stayed with me, and I am still very enthusiastic about the position.",
    "I am still excited about the chance to contribute, particularly to {topic}.",
    "I continue to be very interested in the role and in the work on {topic}.",
];

const INTEREST: &[&str] = &[
    "I remain very interested in the role and would be glad to provide anything else you need.",
    "I am still very enthusiastic about the position and happy to share anything further.",
    "My interest in joining {company2} is as strong as ever.",
    "I continue to be very interested in the opportunity.",
];

const CLOSING: &[&str] = &[
    "Thank you for your time.",
    "Thank you, and I look forward to hearing from you.",
    "I appreciate your help.",
    "Many thanks for your time.",
];

const NOTES: &[&str] = &[
    "I hope you are well. I wanted to check in on {the_role}{at_company} and ask whether there is any update. I remain very interested.",
    "following up on my interview {day} for {the_role}{at_company}: is there any news you can share? I am still very interested.",
    "I am still very enthusiastic about {the_role}{at_company}, and I would be grateful to hear where the process stands.",
];

/// Longest status check, in words, signature included.
pub const MAX_WORDS: usize = 120;

/// Writes a status check; very long store values drop the topic, then the company's full name.
pub fn write(ctx: &Context) -> Content {
    let budget = MAX_WORDS.saturating_sub(ctx.frame_words());
    let mut c = body(ctx, 0);
    for level in 1..=2 {
        if word_count(&c.paragraphs.join(" ")) <= budget {
            break;
        }
        c = body(ctx, level);
    }
    c
}

fn body(ctx: &Context, level: u8) -> Content {
    let company2 = ctx.value("company2").unwrap_or_default().to_string();
    let mut extra: Vec<(&str, &str)> = Vec::new();
    if level >= 2 {
        extra.push(("company", company2.as_str()));
    }
    let say = |slot: &str, bank: &[&str]| ctx.fill_with(bank[ctx.choice(slot, bank.len())], &extra);
    let mut c = Content {
        subjects: vec![
            ctx.fill("Following up on the {role} role"),
            ctx.fill("Following up — {company} interview"),
            "Following up on my interview".to_string(),
        ],
        ..Content::default()
    };
    let (hello, about) = OPENING[ctx.choice("opening", OPENING.len())];
    c.para(format!(
        "{} {}",
        ctx.fill_with(hello, &extra),
        ctx.fill_with(about, &extra)
    ));
    let ask = if ctx.has_decision() {
        say("ask", ASK_KNOWN)
    } else {
        say("ask", ASK)
    };
    let interest = if ctx.topic(0).is_some() && level < 1 {
        say("interest", INTEREST_TOPIC)
    } else {
        say("interest", INTEREST)
    };
    c.para(format!("{ask} {interest}"));
    c.para(say("closing", CLOSING));
    // Chat: what it is about and the question, then the interest (with the topic); the close
    // line thanks them.
    let chat_ask = if ctx.has_decision() {
        ctx.say_chat("ask", ASK_KNOWN)
    } else {
        ctx.say_chat("ask", ASK)
    };
    let chat_interest = if ctx.topic(0).is_some() {
        ctx.say_chat("interest", INTEREST_TOPIC)
    } else {
        ctx.say_chat("interest", INTEREST)
    };
    c.chat.line(&[&ctx.fill_chat(about, &[]), &chat_ask]);
    c.chat.line(&[&chat_interest]);
    c.notes = super::notes::variants(ctx, "note", &[NOTES]);

    c.call.purpose = "status check".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        &[
            "I interviewed for the {role} role {day} and wanted to check in briefly.",
            "I am calling about the {role} position; we spoke {day}.",
            "I wanted to follow up on my interview {day} for the {role} role.",
        ],
    );
    c.call.points = vec![
        if ctx.has_decision() {
            ctx.say(
                "call-ask",
                &[
                    "Note that the team planned to decide by {decision}, and ask politely whether there is an update.",
                    "Refer to the {decision} decision date and ask where things stand.",
                    "Ask, kindly, whether the {decision} decision has moved.",
                ],
            )
        } else {
            ctx.say(
                "call-ask",
                &[
                    "Ask politely whether there is an update and when they expect to decide.",
                    "Ask where the process stands and what the likely timing is.",
                    "Find out whether a decision has been made or when it is expected.",
                ],
            )
        },
        ctx.say(
            "call-interest",
            &[
                "Say that you remain very interested in the role.",
                "Confirm your interest in the position in a sentence.",
                "Let them know you are still keen on the role.",
            ],
        ),
        ctx.say(
            "call-offer",
            &[
                "Offer anything else they might need from you.",
                "Ask whether you can provide anything to help the decision.",
                "Check whether anything is missing from your application.",
            ],
        ),
    ];
    if ctx.topic(0).is_some() {
        c.call.points.insert(
            1,
            ctx.say(
                "call-topic",
                &[
                    "Mention {topic} to remind them of your conversation.",
                    "Refer to {topic} so they can place you.",
                    "Bring up {topic} briefly.",
                ],
            ),
        );
    }
    c.call.close = ctx.say(
        "call-close",
        &[
            "Thank you{comma_name}. I appreciate the update.",
            "Thanks very much for your time{comma_name}.",
            "That helps a lot{comma_name}; thank you.",
        ],
    );
    c
}
