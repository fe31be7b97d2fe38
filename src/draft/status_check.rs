//! Status check: one polite question after the decision date (or the usual wait) has passed.

use super::content::Content;
use super::context::Context;

const OPENING: &[&str] = &[
    "I hope your week is going well. I am writing to follow up on my interview {day} for the {role} role at {company}.",
    "I hope all is well. I wanted to check in about the {role} position at {company}, which we discussed {day}.",
    "I hope you are doing well. I am following up on our conversation {day} about the {role} role at {company}.",
    "I hope things are going well at {company}. I wanted to follow up on the {role} role we talked about {day}.",
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
    "My interest in joining {company} is as strong as ever.",
    "I continue to be very interested in the opportunity.",
];

const CLOSING: &[&str] = &[
    "Thank you for your time.",
    "Thank you, and I look forward to hearing from you.",
    "I appreciate your help.",
    "Many thanks for your time.",
];

const NOTES: &[&str] = &[
    "I hope you are well. I wanted to check in on the {role} role{at_company} and ask whether there is any update. I remain very interested.",
    "following up on my interview {day} for the {role} role{at_company}: is there any news you can share? I am still very interested.",
];

/// Writes a status check.
pub fn write(ctx: &Context) -> Content {
    let mut c = Content {
        subjects: vec![
            ctx.fill("Following up on the {role} role"),
            ctx.fill("Following up — {company} interview"),
            "Following up on my interview".to_string(),
        ],
        ..Content::default()
    };
    c.para(ctx.say("opening", OPENING));
    let ask = if ctx.has_decision() {
        ctx.say("ask", ASK_KNOWN)
    } else {
        ctx.say("ask", ASK)
    };
    let interest = if ctx.topic(0).is_some() {
        ctx.say("interest", INTEREST_TOPIC)
    } else {
        ctx.say("interest", INTEREST)
    };
    c.para(format!("{ask} {interest}"));
    c.para(ctx.say("closing", CLOSING));
    c.notes = super::notes::variants(ctx, "note", &[NOTES]);

    c.call.purpose = "status check".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        "I interviewed for the {role} role {day} and wanted to check in briefly.",
    );
    c.call.points = vec![
        if ctx.has_decision() {
            ctx.fill("Note that the team planned to decide by {decision}, and ask politely whether there is an update.")
        } else {
            "Ask politely whether there is an update and when they expect to decide.".to_string()
        },
        "Say that you remain very interested in the role.".to_string(),
        "Offer anything else they might need from you.".to_string(),
    ];
    if ctx.topic(0).is_some() {
        c.call.points.insert(
            1,
            ctx.fill("Mention {topic} to remind them of your conversation."),
        );
    }
    c.call.close = ctx.fill("Thank you{comma_name}. I appreciate the update.");
    c
}
