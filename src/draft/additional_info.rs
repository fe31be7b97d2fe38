//! Additional information: sends what was promised in the interview, or adds something the
//! candidate did not get to say.

use super::content::{Content, Missing};
use super::context::Context;

const SENDING: &[&str] = &[
    "Thank you again for {meet_me} {day} about the {role} role. As promised, I am sending {promised}.",
    "Following up on our conversation {day} about the {role} position, I have included {promised}, as I said I would.",
    "As I mentioned when we spoke {day}, I wanted to share {promised} for the {role} role.",
    "Thank you once more for your time {day}. Here, as promised, is {promised} for the {role} role.",
];

const ADDING: &[&str] = &[
    "Thank you again for {meet_me} {day} about the {role} role. Thinking over our conversation, I wanted to add a little more about my background.",
    "Since our conversation {day} about the {role} position, I realised there was one part of my experience I did not cover well.",
    "After we spoke {day} about the {role} role, I wanted to follow up with one point I did not get to make.",
    "Thank you once more for your time {day}. I wanted to add something I did not mention about my fit for the {role} role.",
];

const SKILL_NOTE: &[&str] = &[
    "My recent work has leaned heavily on {skills}, which I think bears directly on what the team needs.",
    "In particular, I have built real depth in {skills}, and I would like you to have that in view.",
    "Much of what I do day to day involves {skills}, and it seems close to what the team is looking for.",
    "I have spent a good part of the last few years on {skills}, and I expect that to be useful in this role.",
];

const LINK_TOPIC: &[&str] = &[
    "I hope it adds useful context to our discussion of {topic}.",
    "Given what you said about {topic}, I thought it would be helpful to have.",
    "It should give a fuller picture of how I would approach {topic}.",
    "I had our conversation about {topic} in mind when putting it together.",
];

const LINK_NONE: &[&str] = &[
    "I hope it gives a fuller picture of how I work.",
    "I thought it would be helpful to have it alongside my application.",
    "I hope it is useful as you consider my application.",
    "It should round out what we covered in the interview.",
];

/// The offer of more, then the interest (a chat message keeps the offer only).
const CLOSING: &[(&str, &str)] = &[
    (
        "Please let me know if anything else would help.",
        "I remain very interested in joining {company2}.",
    ),
    (
        "If there is anything more I can share, I would be glad to.",
        "I am still very enthusiastic about the role.",
    ),
    (
        "I am happy to provide anything further you need, and I look forward to the next steps with {company2}.",
        "",
    ),
    (
        "Do let me know if you have any questions.",
        "I am excited about the opportunity and grateful for your time.",
    ),
];

/// Said instead of the skill note when the candidate lists no skills.
const NO_SKILLS: &str = "I am very interested in the role, and I would be glad to walk you through any part of my experience in more detail.";

const NOTES: &[&str] = &[
    "thank you again for {meet_me} {day} about {the_role}{at_company}. As promised, I am sending {promised}; I hope this helps.",
    "following up on our conversation {day} about {the_role}{at_company}, I am sharing {promised}, as promised.",
    "as mentioned {day}, I wanted to share {promised} for {the_role}{at_company}. Thank you again for your time.",
];

const NOTES_SHORT: &[&str] = &[
    "thank you again for your time {day}. As promised, I am sending {promised}.",
    "following up on our conversation {day}, I am sharing {promised}, as promised.",
    "as mentioned {day}, I am sharing {promised}. Thank you again for your time.",
];

const NOTES_NONE: &[&str] = &[
    "thank you again for {meet_me} {day}. One thing I did not mention: my experience with {skills}, which seems close to what your team needs.",
    "since our conversation {day} about {the_role}{at_company}, I have been thinking about how my work in {skills} would carry over. I would be glad to share examples.",
    "a short addition to our interview {day}: my background in {skills} fits {the_role} well, and I would be happy to say more.",
];

/// Used when the candidate has no skills listed.
const NOTES_NONE_NO_SKILLS: &[&str] = &[
    "thank you again for your time {day}. I would be glad to share more about my background for {the_role}{at_company}.",
    "since our conversation {day}, I have thought more about {the_role}{at_company} and would be happy to share examples of my work.",
];

/// Promised items longer than this are named in general in a connection note; the email
/// carries the full list.
const NOTE_PROMISED_MAX: usize = 80;

/// Writes an additional-information message.
pub fn write(ctx: &Context) -> Content {
    let promised = ctx.promised();
    let mut c = Content::default();
    let topic_link = if ctx.topic(0).is_some() {
        ctx.say("link", LINK_TOPIC)
    } else {
        c.lacks(ctx.missing_topic());
        ctx.say("link", LINK_NONE)
    };
    let (offer, interest) = CLOSING[ctx.choice("closing", CLOSING.len())];
    let offer = ctx.fill(offer);
    if promised.is_empty() {
        c.lacks(Missing::Promised(ctx.name_or("your interviewer")));
        c.subjects = vec![
            ctx.fill("Following up on the {role} interview"),
            ctx.fill("Following up — {company} interview"),
            "Following up on our conversation".to_string(),
        ];
        c.para(ctx.say("opening", ADDING));
        let skill_note = if ctx.skills(1).is_empty() {
            c.lacks(Missing::Skills);
            NO_SKILLS.to_string()
        } else {
            ctx.say("skill-note", SKILL_NOTE)
        };
        c.para(skill_note.clone());
        // Chat: what they want to add, then the point itself and the offer of more.
        c.chat.line(&[&ctx.say_chat("opening", ADDING)]);
        c.chat.line(&[&skill_note, &offer]);
    } else {
        c.subjects = vec![
            ctx.fill("Following up — {role} interview"),
            ctx.fill("Following up — {company} interview"),
            "Following up on our conversation".to_string(),
        ];
        c.para(format!("{} {topic_link}", ctx.say("opening", SENDING)));
        // Chat: what was promised, tied to the topic, then the offer of more.
        c.chat
            .line(&[&ctx.say_chat("opening", SENDING), &topic_link]);
        c.chat.line(&[&offer]);
    }
    c.para(if interest.is_empty() {
        offer
    } else {
        format!("{offer} {}", ctx.fill(interest))
    });

    c.notes = if promised.is_empty() {
        super::notes::variants(ctx, "note", &[NOTES_NONE, NOTES_NONE_NO_SKILLS])
    } else if promised.chars().count() > NOTE_PROMISED_MAX {
        super::notes::variants_with(
            ctx,
            "note",
            &[NOTES, NOTES_SHORT],
            &[("promised", "the materials we discussed")],
        )
    } else {
        super::notes::variants(ctx, "note", &[NOTES, NOTES_SHORT])
    };

    c.call.purpose = "follow-up call".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        if promised.is_empty() {
            &[
                "Thank you again for {meet_me} {day} about the {role} role; I wanted to follow up on one thing.",
                "I am following up on our conversation {day} with one more point about my background.",
                "After we spoke {day}, I realised there was one thing I should add.",
            ]
        } else {
            &[
                "Thank you again for {meet_me} {day} about the {role} role; I wanted to follow up on what I promised.",
                "I am following up on our conversation {day} about what I said I would send.",
                "I promised to get back to you after we spoke {day}, so I wanted to do that.",
            ]
        },
    );
    if promised.is_empty() {
        c.call.points = vec![
            ctx.say(
                "call-add",
                &[
                    "Explain the point you did not get to make in the interview, in two or three sentences.",
                    "Make the point you missed in the interview, briefly and without apologising.",
                    "Add the part of your experience that did not come up, in a few sentences.",
                ],
            ),
            if ctx.skills(1).is_empty() {
                ctx.say(
                    "call-example",
                    &[
                        "Give one concrete example from your work that fits the role.",
                        "Back it up with one specific result from your work.",
                        "Offer one short story from your work that shows it.",
                    ],
                )
            } else {
                ctx.say(
                    "call-example",
                    &[
                        "Give one concrete example of your work with {skills}.",
                        "Back it up with one result from your work in {skills}.",
                        "Tell one short story that shows your {skills} experience.",
                    ],
                )
            },
        ];
    } else {
        c.call.points = vec![
            ctx.say(
                "call-send",
                &[
                    "Say that you are sending {promised} by email today.",
                    "Let them know {promised} is on its way by email.",
                    "Confirm where to send {promised}, and that it will arrive today.",
                ],
            ),
            ctx.say(
                "call-walk",
                &[
                    "Offer to walk them through it if that would help.",
                    "Ask whether a short walkthrough would be useful.",
                    "Mention you are happy to answer questions about it.",
                ],
            ),
        ];
    }
    if ctx.topic(0).is_some() {
        c.call.points.push(ctx.say(
            "call-topic",
            &[
                "Tie it back to what {name} said about {topic}.",
                "Link it to your conversation about {topic}.",
                "Show how it relates to {topic}.",
            ],
        ));
    }
    c.call.points.push(ctx.say(
        "call-more",
        &[
            "Ask whether there is anything else they need from you.",
            "Check whether anything more would help them.",
            "Offer anything further they might want to see.",
        ],
    ));
    c.call.close = ctx.say(
        "call-close",
        &[
            "Thank you{comma_name}. I appreciate your time and look forward to the next steps.",
            "Thanks for taking the call{comma_name}; I will send that over shortly.",
            "I appreciate it{comma_name}. Have a good rest of your day.",
        ],
    );
    c
}
