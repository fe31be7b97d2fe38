//! The thank-you: gratitude, one thing from the conversation, fit, anything promised, and next
//! steps only when no decision date was given (`docs/follow-up-rules.md`, "A thank-you").

use super::content::{Content, Missing};
use super::context::Context;
use crate::model::Channel;
use crate::text::word_count;

const OPENING: &[&str] = &[
    "Thank you for {meet_me} {day} about the {role} role at {company}. I appreciated how openly you described the work and the team.",
    "Thank you for taking the time to talk with me {day} about the {role} position. I came away with a much clearer picture of the work at {company}.",
    "I enjoyed {meet_you} {day} and learning more about the {role} role at {company}. Thank you for your time and for your thoughtful questions.",
    "Many thanks for {meet_me} {day}. Our conversation about the {role} role gave me a real sense of how the team at {company} works.",
];

const DETAIL: &[&str] = &[
    "I especially enjoyed discussing {topic}; it is the kind of work I like to dig into.",
    "What stayed with me most was hearing about {topic}. It made the role feel concrete, and I have been thinking about how I would approach it.",
    "Your perspective on {topic} was the highlight of our conversation for me.",
    "I keep coming back to what you said about {topic}, which gave me a clear sense of where the team is headed.",
];

/// The `DETAIL` phrasings in one sentence each, for a LinkedIn chat message.
const DETAIL_CHAT: &[&str] = &[
    DETAIL[0],
    "What stayed with me most was hearing about {topic}.",
    DETAIL[2],
    DETAIL[3],
];

/// Used instead of the third `DETAIL` phrasing when the interviewer's title is known.
const DETAIL_WITH_TITLE: &str =
    "Hearing about {topic} from you as {title} was the highlight of our conversation for me.";

const DETAIL_MORE: &[&str] = &[
    "I also appreciated the chance to discuss {topic2}.",
    "Thank you as well for the insight into {topic2}.",
    "Our exchange about {topic2} was just as useful.",
    "It was also good to hear more about {topic2}.",
];

const DETAIL_NONE: &[&str] = &[
    "Learning how the team approaches its work helped me see where I could contribute from the start.",
    "Hearing how the role fits into the wider organisation made the opportunity feel concrete.",
    "The conversation gave me a clear picture of what the first months in the role would involve.",
    "It was helpful to hear how the team works day to day and what success looks like in the role.",
];

const FIT: &[&str] = &[
    "I am excited about the chance to bring my experience in {skills} to {company2}.",
    "The role lines up well with my background in {skills}, and our conversation made me even more enthusiastic about joining the team.",
    "My work in {skills} maps closely to what you described, and I am eager to put it to use for your team.",
    "I came away more interested than ever, since the problems you described draw directly on my experience with {skills}.",
];

const FIT_NONE: &[&str] = &[
    "Our conversation made me even more enthusiastic about the role and the chance to contribute at {company2}.",
    "I left more excited about the position than when I arrived, and I would welcome the chance to join the team.",
    "I am very interested in the role and eager to help the team with the work ahead.",
    "Everything I heard made me more interested in the position.",
];

const PROMISED: &[&str] = &[
    "As promised, I am sending {promised} along with this note.",
    "As I mentioned, I have included {promised} for your reference.",
    "I have included {promised} here, as promised.",
    "You will find {promised} with this message, as I promised.",
];

const TIMELINE_KNOWN: &[&str] = &[
    "I understand you hope to reach a decision by {decision}, and I look forward to hearing from you.",
    "I know the team expects to decide by {decision}. In the meantime, please let me know if I can provide anything else.",
    "I look forward to hearing from you by {decision}, and I am happy to answer any questions before then.",
    "You mentioned a decision by {decision}; until then, I would be glad to help with anything else you need.",
];

const TIMELINE_ASK: &[&str] = &[
    "Could you let me know what the next steps in the process look like?",
    "I would be glad to hear about the next steps whenever you have a moment.",
    "Please let me know what the next stage of the process involves and whether I can provide anything further.",
    "When you have a moment, I would appreciate hearing what the next steps are.",
];

const CLOSING: &[&str] = &[
    "Thank you again for your time.",
    "Thanks again, and I hope to speak with you soon.",
    "I appreciate your time and consideration.",
    "Thank you once more for a very helpful conversation.",
];

/// The thanks that open a LinkedIn chat message, each with a word of interest in the role (the
/// `OPENING` phrasings, shortened; the email says it in the fit paragraph).
const CHAT_OPENING: &[&str] = &[
    "Thank you for {meet_me} {day} about {the_role} at {company}; I am excited about the work ahead.",
    "Thank you for taking the time to talk with me {day}; I came away even more interested in {the_role}.",
    "I enjoyed {meet_you} {day} and learning more about {the_role}; thank you for your time.",
    "Many thanks for {meet_me} {day}; our conversation made me even more eager to join the team at {company}.",
];

const NOTES: &[&str] = &[
    "thank you for {meet_me} {day} about {the_role}{at_company}. I enjoyed our talk about {topic} and would be glad to stay in touch.",
    "many thanks for your time {day} and the conversation about {the_role}{at_company}. Your thoughts on {topic} stayed with me; I would welcome the chance to stay connected.",
    "I appreciated {meet_you} {day} to discuss {the_role}{at_company}, especially what you shared about {topic}. I would be glad to keep in touch.",
];

const NOTES_NO_TOPIC: &[&str] = &[
    "thank you for {meet_me} {day} about {the_role}{at_company}. I enjoyed our conversation and would be glad to stay in touch.",
    "many thanks for your time {day} and the conversation about {the_role}{at_company}. I would welcome the chance to stay connected.",
    "I appreciated {meet_you} {day} to discuss {the_role}{at_company}. I would be glad to keep in touch.",
];

/// Longest thank-you body, in words from the greeting to the last paragraph.
pub const MAX_WORDS: usize = 180;

/// Writes a thank-you, trimming optional details when very long store values would push it past
/// [`MAX_WORDS`].
pub fn write(ctx: &Context) -> Content {
    let mut c = body(ctx, 0);
    for level in 1..=Trim::MAX {
        if word_count(&c.paragraphs.join(" ")) <= MAX_WORDS - 2 {
            break;
        }
        c = body(ctx, level);
    }
    extras(ctx, &mut c);
    chat(ctx, &mut c);
    c
}

/// The LinkedIn chat lines: thanks and the one detail (a topic; without one, the fit), then
/// what was promised and the timeline or the next-steps question.
fn chat(ctx: &Context, c: &mut Content) {
    let say = |slot: &str, bank: &[&str]| ctx.say_chat(slot, bank);
    let detail = if ctx.topic(0).is_some() {
        // The topic is the detail; the fit paragraph (and its skills) stays in the email.
        c.chat.leaves_out.push(Missing::Skills);
        say("detail", DETAIL_CHAT)
    } else if ctx.skills(1).is_empty() {
        say("fit-none", FIT_NONE)
    } else {
        say("fit", FIT)
    };
    c.chat.line(&[&say("opening", CHAT_OPENING), &detail]);
    let promised = if ctx.promised().is_empty() {
        String::new()
    } else {
        say("promised", PROMISED)
    };
    let timeline = if ctx.has_decision() {
        say("timeline", TIMELINE_KNOWN)
    } else {
        say("timeline", TIMELINE_ASK)
    };
    c.chat.line(&[&promised, &timeline]);
}

/// How much to leave out, from 0 (nothing) to [`Trim::MAX`].
struct Trim;

impl Trim {
    const MAX: u8 = 4;
}

/// The email/LinkedIn paragraphs at a trim level: 1 drops the second topic, 2 the title and
/// the second skill, 3 names promised items in general, 4 leaves out the topic itself.
fn body(ctx: &Context, level: u8) -> Content {
    let mut c = Content {
        subjects: vec![
            ctx.fill("Thank you — {role} interview"),
            ctx.fill("Thank you — {company} interview"),
            "Thank you for the interview".to_string(),
        ],
        ..Content::default()
    };
    let first_skill = ctx.skills(1).first().map_or("", |s| *s).to_string();
    let mut extra: Vec<(&str, &str)> = Vec::new();
    if level >= 2 {
        extra.push(("skills", first_skill.as_str()));
    }
    if level >= 3 {
        extra.push(("promised", "the materials I promised"));
    }
    let say = |slot: &str, bank: &[&str]| ctx.fill_with(bank[ctx.choice(slot, bank.len())], &extra);
    c.para(say("opening", OPENING));

    let mut detail = if ctx.topic(0).is_some() && level < 4 {
        let i = ctx.choice("detail", DETAIL.len());
        match (i, ctx.title()) {
            (2, Some(_)) if level < 2 => ctx.fill(DETAIL_WITH_TITLE),
            _ => ctx.fill(DETAIL[i]),
        }
    } else {
        if ctx.topic(0).is_none() {
            c.lacks(ctx.missing_topic());
        }
        say("detail-none", DETAIL_NONE)
    };
    // LinkedIn messages stay shorter: one topic is enough there.
    if ctx.topic(1).is_some() && ctx.channel != Channel::Linkedin && level < 1 {
        detail.push(' ');
        detail.push_str(&say("detail-more", DETAIL_MORE));
    }
    c.para(detail);

    let mut fit = if ctx.skills(1).is_empty() {
        c.lacks(Missing::Skills);
        say("fit-none", FIT_NONE)
    } else {
        say("fit", FIT)
    };
    let promised = ctx.promised();
    if !promised.is_empty() {
        fit.push(' ');
        fit.push_str(&say("promised", PROMISED));
    }
    c.para(fit);

    let timeline = if ctx.has_decision() {
        say("timeline", TIMELINE_KNOWN)
    } else {
        say("timeline", TIMELINE_ASK)
    };
    c.para(format!("{timeline} {}", say("closing", CLOSING)));
    c
}

/// The short forms: connection notes and the call plan.
fn extras(ctx: &Context, c: &mut Content) {
    let promised = ctx.promised();
    c.notes = super::notes::variants(ctx, "note", &[NOTES, NOTES_NO_TOPIC]);

    c.call.purpose = "thank-you call".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        &[
            "Thank you again for {meet_me} {day} about the {role} role.",
            "I wanted to thank you personally for your time {day}.",
            "I am calling to say thank you for the conversation {day} about the {role} position.",
        ],
    );
    c.call.points = vec![
        match ctx.topic(0) {
            Some(_) => ctx.say(
                "call-topic",
                &[
                    "Thank {name} for their time and for the conversation about {topic}.",
                    "Say what you took away from the discussion of {topic}.",
                    "Bring up {topic} and why it caught your interest.",
                ],
            ),
            None => ctx.say(
                "call-topic",
                &[
                    "Thank {name} for their time and mention one thing from the conversation that stayed with you.",
                    "Name one moment of the interview you found useful, and say why.",
                    "Recall one part of the conversation that made the role feel real to you.",
                ],
            ),
        },
        if ctx.skills(1).is_empty() {
            ctx.say(
                "call-fit",
                &[
                    "Say in one sentence why the {role} role appeals to you.",
                    "Explain briefly what draws you to the {role} position.",
                    "Give one reason you would enjoy the work, in a sentence.",
                ],
            )
        } else {
            ctx.say(
                "call-fit",
                &[
                    "Connect the role to your experience with {skills}.",
                    "Link what they need to your work in {skills}, with one example.",
                    "Give a short example of {skills} from your recent work.",
                ],
            )
        },
    ];
    if ctx.topic(1).is_some() {
        c.call.points.push(ctx.say(
            "call-topic2",
            &[
                "Mention {topic2} and what interested you about it.",
                "If there is time, touch on {topic2}.",
                "Add a word about {topic2}.",
            ],
        ));
    }
    if !promised.is_empty() {
        c.call.points.push(ctx.say(
            "call-promised",
            &[
                "Confirm that you will email {promised} right after the call.",
                "Let them know {promised} will follow by email today.",
                "Promise {promised} by email straight after you hang up.",
            ],
        ));
    }
    c.call.points.push(if ctx.has_decision() {
        ctx.say(
            "call-timeline",
            &[
                "They expect to decide by {decision}, so acknowledge that rather than asking about timing.",
                "Do not ask about timing: they plan to decide by {decision}.",
                "Mention you look forward to hearing by {decision}; no need to ask about the timeline.",
            ],
        )
    } else {
        ctx.say(
            "call-timeline",
            &[
                "Ask what the next steps in the process are.",
                "Ask what happens next and roughly when.",
                "Find out what the next stage involves.",
            ],
        )
    });
    c.call.close = ctx.say(
        "call-close",
        &[
            "Thank you again{comma_name}. I look forward to hearing from you.",
            "That is all I wanted to say. Thanks again{comma_name}, and have a good day.",
            "I appreciate you taking the call{comma_name}. Talk soon, I hope.",
        ],
    );
}
