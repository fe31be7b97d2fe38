//! Data types of the store format v1 (the JSON document of import, export and the CLI's
//! `--store`, read by [`crate::store`]) and the enums every layer shares.
//!
//! Every struct keeps fields it does not know in `extra`, so a round trip through an older
//! build never drops data a newer build wrote. Optional fields are skipped when absent, so an
//! export of an import is the same document.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Unknown JSON fields, preserved on round trip.
pub type Extra = Map<String, Value>;

/// The whole store: profile plus every tracked interview.
///
/// Deserialising goes through [`crate::store::from_value`], so every serde path (JSON,
/// serde-wasm-bindgen, …) gets the same validation and path-named errors as
/// [`crate::store::parse`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Value")]
pub struct Store {
    /// Format version; this build writes 1.
    pub version: u32,
    /// The candidate.
    #[serde(default, skip_serializing_if = "Profile::is_empty")]
    pub profile: Profile,
    /// Tracked interviews.
    #[serde(default)]
    pub interviews: Vec<Interview>,
    /// Unknown fields, kept.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            version: 1,
            profile: Profile::default(),
            interviews: Vec::new(),
            extra: Extra::new(),
        }
    }
}

/// The candidate's own details, used for signatures and business-day holidays.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Signature block appended to emails (may span lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Extra days off that are not business days.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dates::serde_with::dates"
    )]
    pub holidays: Vec<NaiveDate>,
    /// Whether reminders name the company, role and interviewer. Off by default: a
    /// notification can pop up while the screen is shared (in the next interview, say).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub notification_details: bool,
    /// Whether the in-page helper leaves sent follow-ups for the user to record by hand. Off by
    /// default: a follow-up sent from a Gmail or LinkedIn compose addressed to a tracked
    /// interviewer is recorded as sent (with an Undo).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub record_sent_by_hand: bool,
    /// Unknown fields, kept.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Profile {
    /// True when nothing at all is set (then the profile is not written out).
    pub fn is_empty(&self) -> bool {
        *self == Profile::default()
    }
}

/// One interview (one meeting, possibly with several interviewers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interview {
    /// Unique id within the store.
    pub id: String,
    /// Company name.
    pub company: String,
    /// Role interviewed for.
    pub role: String,
    /// Industry, which sets the waiting cadence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<Industry>,
    /// Stage of the process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// How the interview took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// When it took place, with the local UTC offset.
    #[serde(deserialize_with = "crate::dates::serde_with::date_time")]
    pub at: DateTime<FixedOffset>,
    /// The decision date they promised, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::serde_with::option_date"
    )]
    pub decision_by: Option<NaiveDate>,
    /// The candidate's skills that fit this role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Things the candidate promised to send.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promised: Vec<String>,
    /// People met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviewers: Vec<Interviewer>,
    /// What happened since (messages sent, replies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Unknown fields, kept.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Interview {
    /// The industry, `other` when unset.
    pub fn industry(&self) -> Industry {
        self.industry.unwrap_or_default()
    }

    /// The primary interviewer, else the first; `None` when nobody is listed.
    pub fn primary_interviewer(&self) -> Option<&Interviewer> {
        self.interviewers
            .iter()
            .find(|i| i.primary)
            .or_else(|| self.interviewers.first())
    }

    /// Looks an interviewer up by id.
    pub fn interviewer(&self, id: &str) -> Option<&Interviewer> {
        self.interviewers.iter().find(|i| i.id == id)
    }

    /// The person a message goes to: this interviewer when an id is given, else the primary
    /// one (the first when none is marked).
    pub fn person(&self, interviewer: Option<&str>) -> Option<&Interviewer> {
        match interviewer {
            Some(id) => self.interviewer(id),
            None => self.primary_interviewer(),
        }
    }
}

/// A person who interviewed the candidate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Interviewer {
    /// Id, unique within the interview (events refer to it).
    #[serde(default)]
    pub id: String,
    /// Full name as they write it.
    #[serde(default)]
    pub name: String,
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// LinkedIn profile URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<String>,
    /// What this person and the candidate talked about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The main contact for status checks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub primary: bool,
    /// Unknown fields, kept.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Interviewer {
    /// How to reach this person: email when there is an address, LinkedIn when there is only
    /// a profile, else email (a compose with no recipient yet). The one rule "Write it", the
    /// list's button and the notification all follow.
    pub fn channel(person: Option<&Interviewer>) -> Channel {
        match person {
            Some(p) if p.email.as_deref().is_some_and(|e| !e.trim().is_empty()) => Channel::Email,
            Some(p) if p.linkedin.as_deref().is_some_and(|l| !l.trim().is_empty()) => {
                Channel::Linkedin
            }
            _ => Channel::Email,
        }
    }

    /// The first name (first word of `name`), if any.
    pub fn first_name(&self) -> Option<&str> {
        self.name.split_whitespace().next()
    }
}

/// Something that happened after the interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `sent` or `reply`.
    pub kind: EventKind,
    /// For `sent`: which follow-up it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Kind>,
    /// For `sent`: to whom (interviewer id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<String>,
    /// When.
    #[serde(deserialize_with = "crate::dates::serde_with::date_time")]
    pub at: DateTime<FixedOffset>,
    /// For `reply`: how it went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// For `sent`: how it went out, when known (the in-page helper records it when it sees the
    /// message sent from Gmail or LinkedIn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Unknown fields, kept.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Event {
    /// "A follow-up of `kind` was sent (to `interviewer`, if one) at `at`."
    pub fn sent(kind: Kind, interviewer: Option<&str>, at: DateTime<FixedOffset>) -> Event {
        Event {
            kind: EventKind::Sent,
            follow_up: Some(kind),
            interviewer: interviewer.map(str::to_owned),
            at,
            outcome: None,
            channel: None,
            extra: Extra::new(),
        }
    }

    /// The same event, sent through `channel`.
    pub fn via(self, channel: Channel) -> Event {
        Event {
            channel: Some(channel),
            ..self
        }
    }

    /// "The company replied (through `interviewer`, if known) at `at`."
    pub fn reply(outcome: Outcome, interviewer: Option<&str>, at: DateTime<FixedOffset>) -> Event {
        Event {
            kind: EventKind::Reply,
            follow_up: None,
            interviewer: interviewer.map(str::to_owned),
            at,
            outcome: Some(outcome),
            channel: None,
            extra: Extra::new(),
        }
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        /// Read from its spelling, a string, and nothing else: serde's derived decoder of an
        /// enum also reads `{"spelling": null}` and compiles that form for every reader (DESIGN.md,
        /// "Enums read as strings").
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Spelling;
                impl serde::de::Visitor<'_> for Spelling {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("enum ", stringify!($name)))
                    }
                    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<$name, E> {
                        $name::from_spelling(s)
                            .ok_or_else(|| E::unknown_variant(s, $name::SPELLINGS))
                    }
                }
                deserializer.deserialize_str(Spelling)
            }
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every spelling, in declaration order.
            pub const SPELLINGS: &'static [&'static str] = &[$($text),+];

            /// Its place in [`Self::ALL`] and [`Self::SPELLINGS`] (declaration order).
            pub fn index(self) -> usize {
                self as usize
            }

            /// The stable JSON spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value spelled `s`, if it is one of [`Self::SPELLINGS`].
            pub fn from_spelling(s: &str) -> Option<Self> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::model::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::from_spelling(s).ok_or_else(|| crate::model::UnknownValue {
                    what: stringify!($name),
                    value: s.to_string(),
                    expected: $name::SPELLINGS,
                })
            }
        }
    };
}
pub(crate) use string_enum;

/// A value that is not one of an enum's spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}`, expected one of: {}", expected.join(", "))]
pub struct UnknownValue {
    /// The enum's name.
    pub what: &'static str,
    /// What was given.
    pub value: String,
    /// The accepted spellings.
    pub expected: &'static [&'static str],
}

string_enum! {
    /// Industry; sets how long to wait for a decision.
    #[derive(Default)]
    Industry {
        /// Fast.
        Tech = "tech",
        /// Fast.
        Startup = "startup",
        /// Fast.
        Retail = "retail",
        /// Fast.
        Hospitality = "hospitality",
        /// Slow.
        Finance = "finance",
        /// Slow.
        Healthcare = "healthcare",
        /// Slow.
        Government = "government",
        /// Slow.
        Education = "education",
        /// Slow.
        Corporate = "corporate",
        /// Neither.
        #[default]
        Other = "other",
    }
}

string_enum! {
    /// Stage of the hiring process.
    Stage {
        /// Recruiter screen.
        Screen = "screen",
        /// First round.
        FirstRound = "first-round",
        /// Final round.
        Final = "final",
        /// Anything else.
        Other = "other",
    }
}

string_enum! {
    /// How the interview took place.
    Format {
        /// Phone call.
        Phone = "phone",
        /// Video call.
        Video = "video",
        /// In person.
        Onsite = "onsite",
    }
}

string_enum! {
    /// Event kind.
    EventKind {
        /// The candidate sent a follow-up.
        Sent = "sent",
        /// The company replied.
        Reply = "reply",
    }
}

string_enum! {
    /// How a reply went.
    Outcome {
        /// Good news (next round, offer).
        Positive = "positive",
        /// A rejection.
        Negative = "negative",
        /// Anything else.
        Neutral = "neutral",
    }
}

string_enum! {
    /// Kind of follow-up: schedule items, draft kinds and lint context share it.
    Kind {
        /// Thank-you after the interview.
        ThankYou = "thank-you",
        /// Sending something promised or forgotten.
        AdditionalInfo = "additional-info",
        /// Asking about next steps.
        NextSteps = "next-steps",
        /// Polite status check after the decision date.
        StatusCheck = "status-check",
        /// A later nudge.
        Nudge = "nudge",
        /// Stop following up (schedule only).
        MoveOn = "move-on",
        /// Gracious answer to a rejection.
        RejectionReply = "rejection-reply",
        /// Answer to good news.
        PositiveReply = "positive-reply",
    }
}

impl Kind {
    /// Kinds a draft can be written for (everything but `move-on`).
    pub const DRAFTABLE: &'static [Kind] = &[
        Kind::ThankYou,
        Kind::AdditionalInfo,
        Kind::NextSteps,
        Kind::StatusCheck,
        Kind::Nudge,
        Kind::RejectionReply,
        Kind::PositiveReply,
    ];
}

string_enum! {
    /// Where a message goes.
    #[derive(Default)]
    Channel {
        /// Email with subject.
        #[default]
        Email = "email",
        /// LinkedIn message (≤ 1,000 characters).
        Linkedin = "linkedin",
        /// LinkedIn connection-request note (≤ 300 characters).
        LinkedinNote = "linkedin-note",
        /// A call plan.
        Phone = "phone",
    }
}

impl Channel {
    /// The most characters a message on this channel may have, counted as the site counts them
    /// (UTF-16 units, a JavaScript string's length): 300 for a LinkedIn connection note, 1,000
    /// for a LinkedIn message, none for email or a call. The composer writes within it, the
    /// checker flags what goes past it, and the in-page helper and the popup count against it.
    ///
    /// ```
    /// use followup::model::Channel;
    /// assert_eq!(Channel::LinkedinNote.limit(), Some(300));
    /// assert_eq!(Channel::Email.limit(), None);
    /// ```
    pub const fn limit(self) -> Option<usize> {
        match self {
            Channel::LinkedinNote => Some(300),
            Channel::Linkedin => Some(1000),
            Channel::Email | Channel::Phone => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failure::Code;
    use crate::schedule::Status;
    use crate::tone::{Category, Severity};
    use serde::de::DeserializeOwned;
    use std::collections::BTreeMap;
    use std::fmt::Debug;

    /// Each value of a `string_enum!` reads back from its spelling (JSON text, a JSON value, a
    /// map key); anything else is refused with serde's own words.
    fn spellings_read_back<T>(all: &[T])
    where
        T: Serialize + DeserializeOwned + PartialEq + Ord + Debug + Copy,
    {
        for &v in all {
            let value = serde_json::to_value(v).unwrap();
            let spelling = value.as_str().unwrap().to_string();
            assert_eq!(
                serde_json::from_str::<T>(&format!("\"{spelling}\"")).unwrap(),
                v
            );
            assert_eq!(serde_json::from_value::<T>(value).unwrap(), v);
            let keyed = BTreeMap::from([(v, 1u8)]);
            let text = serde_json::to_string(&keyed).unwrap();
            assert_eq!(
                serde_json::from_str::<BTreeMap<T, u8>>(&text).unwrap(),
                keyed
            );
            // The object form serde's derived enum decoder also read is not a spelling.
            let object = serde_json::json!({ spelling.as_str(): null });
            assert!(serde_json::from_value::<T>(object).is_err(), "{spelling}");
        }
        let unknown = serde_json::from_str::<T>("\"no-such\"")
            .unwrap_err()
            .to_string();
        assert!(
            unknown.starts_with("unknown variant `no-such`, expected `")
                || unknown.starts_with("unknown variant `no-such`, expected one of `"),
            "{unknown}"
        );
        let number = serde_json::from_str::<T>("3").unwrap_err().to_string();
        assert!(
            number.starts_with("invalid type: integer `3`, expected enum "),
            "{number}"
        );
    }

    #[test]
    fn a_string_enums_index_is_its_place_among_the_spellings() {
        fn places<T: Copy + Debug + PartialEq>(
            all: &[T],
            spellings: &[&str],
            of: impl Fn(T) -> (usize, &'static str),
        ) {
            assert_eq!(all.len(), spellings.len());
            for (i, &v) in all.iter().enumerate() {
                assert_eq!(of(v), (i, spellings[i]), "{v:?}");
            }
        }
        places(Category::ALL, Category::SPELLINGS, |v| {
            (v.index(), v.as_str())
        });
        places(Severity::ALL, Severity::SPELLINGS, |v| {
            (v.index(), v.as_str())
        });
        places(Kind::ALL, Kind::SPELLINGS, |v| (v.index(), v.as_str()));
        places(Channel::ALL, Channel::SPELLINGS, |v| {
            (v.index(), v.as_str())
        });
        places(Outcome::ALL, Outcome::SPELLINGS, |v| {
            (v.index(), v.as_str())
        });
    }

    #[test]
    fn every_string_enum_reads_its_spellings_and_nothing_else() {
        spellings_read_back(Industry::ALL);
        spellings_read_back(Stage::ALL);
        spellings_read_back(Format::ALL);
        spellings_read_back(EventKind::ALL);
        spellings_read_back(Outcome::ALL);
        spellings_read_back(Kind::ALL);
        spellings_read_back(Channel::ALL);
        spellings_read_back(Code::ALL);
        spellings_read_back(Status::ALL);
        spellings_read_back(Category::ALL);
        spellings_read_back(Severity::ALL);
    }
}
