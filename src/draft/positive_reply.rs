//! Positive reply: thanks for the good news and a clear, easy next step.

use super::content::Content;
use super::context::Context;

const OPENING: &[&str] = &[
    "Thank you for the good news about the {role} role. I am delighted to move forward with {company}.",
    "Thank you so much for letting me know. I am very pleased to be moving ahead in the process for the {role} position.",
    "What wonderful news, and thank you for sharing it. I am excited to take the next step toward the {role} role.",
    "Thank you for the update; I am thrilled to continue with {company} for the {role} role.",
];

const TOPIC: &[&str] = &[
    "I am looking forward to continuing our conversation about {topic}.",
    "I am especially keen to pick up where we left off on {topic}.",
    "I would love to hear more about {topic} as things move forward.",
    "Our conversation about {topic} is a big part of why I am so excited about this.",
];

const AVAILABILITY: &[&str] = &[
    "Please let me know what you need from me next; I am happy to work around your schedule.",
    "I am glad to provide anything you need, and I can make myself available at a time that suits you.",
    "Just let me know the next steps and what times work for you, and I will fit around them.",
    "If there is anything you need from me, such as documents or availability, I can send it right away.",
];

const CLOSING: &[&str] = &[
    "Thank you again for your support throughout the process.",
    "Many thanks again, and I look forward to speaking soon.",
    "Thank you again for your time and for this opportunity.",
    "I appreciate your help throughout, and I look forward to the next step.",
];

const NOTES: &[&str] = &[
    "thank you for the good news about {the_role}{at_company}. I am delighted to move forward; please let me know what you need from me next.",
    "thank you for the update on {the_role}{at_company}. I am excited to take the next step and happy to work around your schedule.",
    "what wonderful news about {the_role}{at_company}. Thank you; I look forward to the next stage and can make time whenever suits you.",
];

/// Writes a reply to good news.
pub fn write(ctx: &Context) -> Content {
    let mut c = Content {
        subjects: vec![
            ctx.fill("Thank you — {role} next steps"),
            ctx.fill("Thank you — {company} next steps"),
            "Thank you for the good news".to_string(),
        ],
        ..Content::default()
    };
    let topic = if ctx.topic(0).is_some() {
        ctx.say("topic", TOPIC)
    } else {
        String::new()
    };
    let mut opening = ctx.say("opening", OPENING);
    if !topic.is_empty() {
        opening.push(' ');
        opening.push_str(&topic);
    }
    c.para(opening);
    let availability = ctx.say("availability", AVAILABILITY);
    c.para(availability.clone());
    c.para(ctx.say("closing", CLOSING));
    // Chat: thanks for the news with the topic, then the next step; the close line thanks again.
    c.chat.line(&[&ctx.say_chat("opening", OPENING), &topic]);
    c.chat.line(&[&availability]);
    c.notes = super::notes::variants(ctx, "note", &[NOTES]);

    c.call.purpose = "reply to their good news".to_string();
    c.call.opener = super::notes::call_opener(
        ctx,
        &[
            "Thank you for the good news about the {role} role.",
            "I just saw your message about the {role} position, and I wanted to thank you.",
            "I am calling about your good news on the {role} role.",
        ],
    );
    c.call.points = vec![
        ctx.say(
            "call-thanks",
            &[
                "Thank them warmly and say you are glad to move forward.",
                "Say how pleased you are, in a sentence.",
                "Express your thanks and your enthusiasm for the next step.",
            ],
        ),
        ctx.say(
            "call-next",
            &[
                "Ask what the next step is and what they need from you.",
                "Find out what comes next and who you will meet.",
                "Ask what you should prepare for the next stage.",
            ],
        ),
        ctx.say(
            "call-times",
            &[
                "Offer a few times you are available and confirm how they prefer to be contacted.",
                "Have your calendar open and propose two or three times.",
                "Confirm your availability this week and next.",
            ],
        ),
    ];
    if ctx.topic(0).is_some() {
        c.call.points.push(ctx.say(
            "call-topic",
            &[
                "If there is time, mention that you look forward to more on {topic}.",
                "Say you are keen to hear more about {topic}.",
                "Mention {topic} as something you are excited to dig into.",
            ],
        ));
    }
    c.call.close = ctx.say(
        "call-close",
        &[
            "Thank you again{comma_name}. I look forward to the next step.",
            "Thanks so much{comma_name}; speak soon.",
            "I really appreciate it{comma_name}. See you at the next stage.",
        ],
    );
    c
}
