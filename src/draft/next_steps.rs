//! Next steps: a short note asking what comes next, or, when a decision date was given, offering
//! help until then instead of asking about timing again.

use super::content::Content;
use super::context::Context;

const OPENING: &[&str] = &[
    "Thank you again for {meet_me} {day} about the {role} role at {company}.",
    "I hope you are well. I enjoyed our conversation {day} about the {role} position at {company}.",
    "I am still thinking about our conversation {day} about the {role} role at {company}.",
    "Thanks once more for your time {day} and for the conversation about the {role} role.",
];

const TOPIC: &[&str] = &[
    "Learning about {topic} made me even more interested in the work.",
    "What you shared about {topic} has stayed with me.",
    "Our discussion of {topic} was a highlight for me.",
    "I especially valued hearing about {topic}.",
];

const ASK: &[&str] = &[
    "Could you tell me what the next steps in the process are, and roughly when I might expect to hear back?",
    "I would appreciate knowing what the next stage looks like and the timeline you have in mind.",
    "When convenient, could you share what happens next and when a decision is likely?",
    "I would be grateful to know the next steps and the timing you expect for them.",
];

const KNOWN: &[&str] = &[
    "I understand a decision is expected by {decision}. Until then, is there anything more I can share, such as references or work samples?",
    "You mentioned that the team hopes to decide by {decision}. In the meantime, please let me know if anything from me would help.",
    "I know a decision is planned for {decision}; if there is anything else you would like to see from me before then, I would be glad to send it.",
    "Knowing you expect to decide by {decision}, I wanted to offer any further material that might help, such as references or examples of my work.",
];

/// Used when the decision date has already passed: asking about timing is fair again.
const PASSED: &[&str] = &[
    "I know the team hoped to decide by {decision}. Could you let me know where things stand and what the next steps will be?",
    "You mentioned a decision around {decision}; I would be grateful to hear how the process is moving and what comes next.",
    "Now that {decision} has passed, I wanted to ask about the next steps and whether I can provide anything further.",
    "I understand the decision was planned for {decision}. I would appreciate knowing what the next stage looks like.",
];

const CLOSING: &[&str] = &[
    "I remain very interested in the role. Thank you for your time.",
    "I am still very enthusiastic about joining the team, and I appreciate your help.",
    "Thank you, and I look forward to hearing from you.",
    "I appreciate your time and remain excited about the opportunity.",
];

const NOTES: &[&str] = &[
    "thank you again for {meet_me} {day} about {the_role}{at_company}. Could you share what the next steps are?",
    "I enjoyed our conversation {day} about {the_role}{at_company}. I would appreciate knowing what comes next in the process.",
    "many thanks for your time {day}. I remain very interested in {the_role}{at_company} and would be glad to hear how the process continues.",
];

const NOTES_KNOWN: &[&str] = &[
    "thank you again for {meet_me} {day} about {the_role}{at_company}. Before your decision on {decision}, please let me know if I can share anything else.",
    "I enjoyed our conversation {day} about {the_role}{at_company}. If anything from me would help before {decision}, I would be glad to send it.",
    "many thanks for your time {day}. I remain very interested in {the_role}{at_company}; should references or samples help before {decision}, just say.",
];

/// Writes a next-steps message.
pub fn write(ctx: &Context) -> Content {
    let mut c = Content {
        subjects: vec![
            ctx.fill("Next steps — {role} role"),
            ctx.fill("Next steps — {company}"),
            "Next steps after our interview".to_string(),
        ],
        ..Content::default()
    };
    let mut opening = ctx.say("opening", OPENING);
    let topic = if ctx.topic(0).is_some() {
        ctx.say("topic", TOPIC)
    } else {
        c.lacks(ctx.missing_topic());
        String::new()
    };
    if !topic.is_empty() {
        opening.push(' ');
        opening.push_str(&topic);
    }
    c.para(opening);
    // A decision date still ahead answers the timing question; one already passed does not.
    let date_ahead = ctx.has_decision() && !ctx.decision_passed();
    let ask = if date_ahead {
        KNOWN
    } else if ctx.has_decision() {
        PASSED
    } else {
        ASK
    };
    c.para(ctx.say("ask", ask));
    c.para(ctx.say("closing", CLOSING));
    // Chat: the thanks with the topic, then the question; the close line thanks them again.
    c.chat.line(&[&ctx.say_chat("opening", OPENING), &topic]);
    c.chat.line(&[&ctx.say_chat("ask", ask)]);

    c.notes = if date_ahead {
        super::notes::variants(ctx, "note", &[NOTES_KNOWN])
    } else {
        super::notes::variants(ctx, "note", &[NOTES])
    };

    c.call.purpose = "call about next steps".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        &[
            "Thank you again for {meet_me} {day} about the {role} role.",
            "I enjoyed our conversation {day} and wanted to ask a quick question about the process.",
            "I am calling about the {role} position we discussed {day}.",
        ],
    );
    c.call.points = vec![match ctx.topic(0) {
        Some(_) => ctx.say(
            "call-topic",
            &[
                "Mention what stayed with you about {topic}.",
                "Recall {topic} in a sentence to place the conversation.",
                "Refer to {topic} so they remember your interview.",
            ],
        ),
        None => ctx.say(
            "call-topic",
            &[
                "Mention one thing from the interview that stayed with you.",
                "Recall one moment of the interview in a sentence.",
                "Remind them briefly which interview was yours.",
            ],
        ),
    }];
    if date_ahead {
        c.call.points.push(ctx.say(
            "call-ask",
            &[
                "They expect to decide by {decision}: do not ask about timing; ask whether they need anything more from you.",
                "Skip the timeline (they named {decision}); ask if anything from you would help before then.",
                "Acknowledge the {decision} decision date and ask what else they need from you.",
            ],
        ));
        c.call.points.push(ctx.say(
            "call-offer",
            &[
                "Offer references or work samples if they would help.",
                "Mention that references are ready whenever they want them.",
                "Offer a work sample that fits the role.",
            ],
        ));
    } else {
        c.call.points.push(ctx.say(
            "call-ask",
            &[
                "Ask what the next steps are and when they expect to decide.",
                "Ask how the process continues and roughly when.",
                "Find out the next stage and its likely timing.",
            ],
        ));
        c.call.points.push(ctx.say(
            "call-offer",
            &[
                "Ask whether they need anything more from you.",
                "Offer references or samples if they would help.",
                "Check whether any documents are still missing.",
            ],
        ));
    }
    c.call.points.push(ctx.say(
        "call-interest",
        &[
            "Say briefly that you remain very interested in the role.",
            "Confirm your interest in the position before you finish.",
            "Let them hear that you are still keen on the role.",
        ],
    ));
    c.call.close = ctx.say(
        "call-close",
        &[
            "Thank you{comma_name}. I appreciate your time.",
            "That is very helpful, thank you{comma_name}.",
            "Thanks for the update{comma_name}; I will keep an eye out for your note.",
        ],
    );
    c
}
