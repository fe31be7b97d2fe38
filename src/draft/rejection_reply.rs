//! Rejection reply: gracious thanks, a request for feedback, and a door left open.

use super::content::Content;
use super::context::Context;

const OPENING: &[&str] = &[
    "Thank you for letting me know about your decision on the {role} role, and for the time you and the team gave me.",
    "Thank you for the update on the {role} position. I appreciate you letting me know.",
    "Thank you for getting back to me about the {role} role. I am grateful for the chance to have interviewed with {company}.",
    "I appreciate you letting me know where things landed for the {role} role, and thank you for considering me.",
];

const TOPIC: &[&str] = &[
    "I especially enjoyed our conversation about {topic}, and I learned a great deal about {company2} along the way.",
    "Talking with you about {topic} was a highlight of the process for me.",
    "I valued the chance to hear about {topic} and to learn how the team works.",
    "Our discussion of {topic} gave me a lot to think about.",
];

/// The `TOPIC` phrasings kept to the topic, for a LinkedIn chat message.
const TOPIC_CHAT: &[&str] = &[
    "I especially enjoyed our conversation about {topic}.",
    TOPIC[1],
    TOPIC[2],
    TOPIC[3],
];

const NO_TOPIC: &[&str] = &[
    "I enjoyed meeting you and learning how the team at {company2} works.",
    "The process taught me a lot about {company2}, and I enjoyed our conversation.",
    "I valued the chance to learn about the team and its work.",
    "I enjoyed our conversation and the insight into how {company2} approaches its work.",
];

const FEEDBACK: &[&str] = &[
    "If you have a few minutes, I would be grateful for any feedback on how I could strengthen my candidacy.",
    "Would you be open to sharing any feedback on my interview? It would help me grow.",
    "If you are able to share any feedback, I would welcome it.",
    "I would appreciate any feedback you can offer on my application or interview.",
];

/// The door left open, then good wishes (a chat message keeps the first part).
const CLOSING: &[(&str, &str)] = &[
    (
        "I would be glad to stay in touch, and I hope our paths cross again.",
        "I wish you and the team at {company2} every success.",
    ),
    (
        "I remain very interested in {company2}, so please keep me in mind for future openings.",
        "Best wishes to you and the team.",
    ),
    (
        "I hope we have the chance to work together in the future.",
        "Thank you again, and all the best.",
    ),
    (
        "Please keep me in mind should another role come up.",
        "I wish you all the best with the work ahead.",
    ),
];

const NOTES: &[&str] = &[
    "thank you for letting me know about {the_role}{at_company}. I enjoyed our conversation and would welcome any feedback. I hope we stay in touch.",
    "thank you for the update on {the_role}{at_company}. I am grateful for your time, would value any feedback, and hope our paths cross again.",
    "I appreciate you letting me know about {the_role}{at_company}. Any feedback would help me grow, and I would be glad to stay connected.",
];

/// Writes a reply to a rejection.
pub fn write(ctx: &Context) -> Content {
    let mut c = Content {
        subjects: vec![
            ctx.fill("Thank you — {role} role"),
            ctx.fill("Thank you — {company}"),
            "Thank you for the update".to_string(),
        ],
        ..Content::default()
    };
    c.para(ctx.say("opening", OPENING));
    let detail = if ctx.topic(0).is_some() {
        ctx.say("topic", TOPIC)
    } else {
        c.lacks(ctx.missing_topic());
        ctx.say("topic", NO_TOPIC)
    };
    c.para(detail);
    let feedback = ctx.say("feedback", FEEDBACK);
    c.para(feedback.clone());
    let (door, wishes) = CLOSING[ctx.choice("closing", CLOSING.len())];
    let door = ctx.fill(door);
    c.para(format!("{door} {}", ctx.fill(wishes)));
    // Chat: thanks with the topic, then the request for feedback and the door left open; the
    // close line thanks them again.
    let chat_detail = if ctx.topic(0).is_some() {
        ctx.say_chat("topic", TOPIC_CHAT)
    } else {
        ctx.say_chat("topic", NO_TOPIC)
    };
    c.chat
        .line(&[&ctx.say_chat("opening", OPENING), &chat_detail]);
    c.chat.line(&[&feedback, &door]);
    c.notes = super::notes::variants(ctx, "note", &[NOTES]);

    c.call.purpose = "reply to their decision".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        &[
            "Thank you for letting me know about the {role} role.",
            "I got your news about the {role} position and wanted to thank you.",
            "I am calling to thank you for the update on the {role} role.",
        ],
    );
    c.call.points = vec![
        ctx.say(
            "call-thanks",
            &[
                "Thank them sincerely for their time and for telling you.",
                "Show you take the news well and appreciate the process.",
                "Say you valued the interviews, whatever the outcome.",
            ],
        ),
        ctx.say(
            "call-feedback",
            &[
                "Ask whether they have any feedback that would help you in future interviews.",
                "Ask what would have made your application stronger.",
                "Invite one or two points of feedback, if they can share them.",
            ],
        ),
        ctx.say(
            "call-listen",
            &[
                "Listen, take notes, and do not argue with the decision.",
                "Take the feedback without debating it; thank them for it.",
                "Write down what they say and keep your answers short.",
            ],
        ),
        ctx.say(
            "call-door",
            &[
                "Say you would be glad to be considered for future roles at {company2}.",
                "Ask them to keep you in mind for other openings.",
                "Suggest staying in touch, for example on LinkedIn.",
            ],
        ),
    ];
    c.call.close = ctx.say(
        "call-close",
        &[
            "Thank you again{comma_name}. I wish you and the team all the best.",
            "I really appreciate it{comma_name}. Best of luck with the hire.",
            "Thanks so much{comma_name}; I hope our paths cross again.",
        ],
    );
    c
}
