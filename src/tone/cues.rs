//! The signals a message can show and the cue phrases for each. No dependencies: `build.rs`
//! includes this file to put the cues into the phrase index at compile time.

/// A message-level signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Signal {
    /// Thanks the reader.
    Gratitude,
    /// Shows interest or enthusiasm.
    Enthusiasm,
    /// Introduces something specific from the conversation ("about …", "you mentioned …").
    Detail,
}

/// Cue phrases per signal.
#[rustfmt::skip]
pub const CUES: &[(Signal, &[&str])] = &[
    (Signal::Gratitude, &[
        "thank", "thanks", "thankful", "thx", "grateful", "gratitude", "appreciate", "appreciated",
        "appreciation", "appreciative", "appreciating", "merci", "ty",
        // German, Spanish, French thanks (see `language.rs`).
        "danke", "dank", "bedanke", "bedanken", "dankbar", "gracias", "agradezco", "agradecer",
        "agradecido", "agradecida", "agradecimiento", "agradecerle", "agradecerles", "remercie", "remercier", "remerciements",
        "reconnaissant", "reconnaissante",
    ]),
    (Signal::Enthusiasm, &[
        "excited", "exciting", "excites", "enthusiastic", "enthusiasm", "eager", "keen", "thrilled",
        "look forward", "looking forward", "interested", "interest in", "passionate", "would love",
        "i'd love", "love to", "glad", "delighted", "enjoyed", "enjoy", "fascinating", "fascinated",
        "inspiring", "inspired", "appealing", "energized", "energised", "motivated", "can't wait",
        "cannot wait", "pleasure", "pleased", "happy to", "impressed", "compelling", "a great fit",
        "a strong fit", "hope to join", "hope to work", "opportunity to contribute", "eager to",
        "appeals to me", "drawn to", "love the", "loved", "be part of", "to join", "want to join",
        "would like to join", "welcome the chance", "welcome the opportunity",
    ]),
    (Signal::Detail, &[
        "about", "discussing", "discussed", "discussion of", "discussion on", "learning how",
        "hearing how", "seeing how", "you mentioned", "you described", "you explained",
        "you shared", "you showed", "you walked me through", "showing me", "walking",
        "walkthrough of", "tour of", "demo of", "your work on", "your plans for", "the plan to",
        "your approach to", "insight into", "insights into", "perspective on", "your thoughts on",
        "conversation on", "especially", "particularly", "in particular", "me through",
        "us through", "your point about", "your question about", "when we talked",
        "how your team", "how the team", "regarding", "around", "your plan to", "your plans to",
        "the plans to", "the plan for", "your idea to", "your goal to", "the goal of",
        "you outlined", "we discussed", "you raised", "you asked", "you're planning",
        "you are planning", "your account of", "your description of", "your explanation of",
        "your overview of", "your take on", "your view on", "your story about", "stayed with me",
        "stuck with me", "the challenge of", "your team's work on", "what stayed with me",
        "i learned", "learned that", "learning that", "hearing that", "to hear that",
        "you gave", "you told me", "you pointed out", "you noted", "your comment",
        "your remark", "you gave me", "the tour", "tour", "demo", "i was struck by",
        "your plan for", "you listed", "watching", "working the", "working on the",
    ]),
];
