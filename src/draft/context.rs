//! Everything a kind needs to write for one interviewer: the store values in words, and the
//! phrase chooser for that interviewer.

use super::content::Missing;
use super::personal::{self, Address};
use super::phrases::{fill, Chooser};
use crate::model::{Channel, Format, Interview, Interviewer, Kind, Profile};
use chrono::{DateTime, Datelike, FixedOffset};

/// The writing context for one draft.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The interview.
    pub interview: &'a Interview,
    /// The recipient (an empty one when the interview lists nobody).
    pub interviewer: Interviewer,
    /// The candidate.
    pub profile: &'a Profile,
    /// Kind of message.
    pub kind: Kind,
    /// Channel.
    pub channel: Channel,
    /// Now, if known.
    pub now: Option<DateTime<FixedOffset>>,
    /// How to greet the recipient, if they have a name.
    pub address: Option<Address>,
    chooser: Chooser,
    values: Vec<(&'static str, String)>,
}

impl<'a> Context<'a> {
    /// Builds the context for the interviewer at `rank` (or nobody, when the list is empty).
    pub fn new(
        profile: &'a Profile,
        interview: &'a Interview,
        rank: usize,
        kind: Kind,
        channel: Channel,
        now: Option<DateTime<FixedOffset>>,
    ) -> Context<'a> {
        let interviewer = interview
            .interviewers
            .get(rank)
            .cloned()
            .unwrap_or_default();
        let address = personal::address(&interviewer.name);
        let chooser = Chooser::new(&interview.id, rank);
        let mut ctx = Context {
            interview,
            interviewer,
            profile,
            kind,
            channel,
            now,
            address,
            chooser,
            values: Vec::new(),
        };
        ctx.values = ctx.base_values();
        ctx
    }

    fn base_values(&self) -> Vec<(&'static str, String)> {
        let iv = self.interview;
        let (meet_me, meet_you) = match iv.format {
            Some(Format::Phone) => ("speaking with me", "speaking with you"),
            Some(Format::Onsite) => ("meeting with me", "meeting you in person"),
            _ => ("meeting with me", "meeting you"),
        };
        let mut values = vec![
            ("company", iv.company.trim().to_string()),
            ("company2", self.company_again()),
            ("the_role", self.the_role()),
            ("role", iv.role.trim().to_string()),
            ("day", personal::day_phrase(iv.at, self.now)),
            ("date", self.interview_date()),
            ("meet_me", meet_me.to_string()),
            ("meet_you", meet_you.to_string()),
            ("name", self.name_or("them")),
            (
                "comma_name",
                self.address
                    .as_ref()
                    .map_or_else(String::new, |a| format!(", {}", a.name)),
            ),
            ("me", self.my_name().unwrap_or_default()),
        ];
        if let Some(topic) = self.topic(0) {
            values.push(("topic", topic.to_string()));
        }
        if let Some(topic) = self.topic(1) {
            values.push(("topic2", topic.to_string()));
        }
        let skills = self.skills(2);
        if !skills.is_empty() {
            values.push(("skills", crate::text::join_list(&skills)));
        }
        let promised = self.promised();
        if !promised.is_empty() {
            values.push(("promised", promised));
        }
        if let Some(date) = iv.decision_by {
            let this_year = self.now.map_or(iv.at.year(), |n| n.year());
            let words = crate::dates::long_date(date, this_year);
            values.push(("decision", words));
        }
        if let Some(title) = self.title() {
            values.push(("title", title.to_string()));
        }
        values
    }

    /// The company named a second time: its name, or "your company" when the name is long.
    fn company_again(&self) -> String {
        let company = self.interview.company.trim();
        if crate::text::word_count(company) <= 6 && company.chars().count() <= 60 {
            company.to_string()
        } else {
            "your company".to_string()
        }
    }

    /// "the Product Manager role", or "the role" when the title is too long for a short note.
    fn the_role(&self) -> String {
        let role = self.interview.role.trim();
        if crate::text::word_count(role) <= 5 && role.chars().count() <= 40 {
            format!("the {role} role")
        } else {
            "the role".to_string()
        }
    }

    /// The interview date in words without a preposition: "November 20".
    fn interview_date(&self) -> String {
        let this_year = self.now.map_or(self.interview.at.year(), |n| n.year());
        personal::date_words(self.interview.at, this_year)
    }

    /// Fills a template with this draft's values.
    pub fn fill(&self, template: &str) -> String {
        let values: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(template, &values)
    }

    /// Fills a template with this draft's values plus `extra` ones.
    pub fn fill_with(&self, template: &str, extra: &[(&str, &str)]) -> String {
        let mut values: Vec<(&str, &str)> = extra.to_vec();
        values.extend(self.values.iter().map(|(k, v)| (*k, v.as_str())));
        fill(template, &values)
    }

    /// Picks this interviewer's phrasing for `slot` and fills it.
    pub fn say(&self, slot: &str, bank: &[&str]) -> String {
        self.fill(self.chooser.pick(slot, bank))
    }

    /// The chooser index for `slot` in a bank of `len`.
    pub fn choice(&self, slot: &str, len: usize) -> usize {
        self.chooser.index(slot, len)
    }

    /// The interviewer's `n`-th topic, if any.
    pub fn topic(&self, n: usize) -> Option<&str> {
        self.interviewer
            .topics
            .iter()
            .map(|t| t.trim().trim_end_matches('.'))
            .filter(|t| !t.is_empty())
            .nth(n)
    }

    /// Up to `max` of the candidate's skills, best fit for this interviewer first.
    pub fn skills(&self, max: usize) -> Vec<&str> {
        personal::fitting_skills(
            &self.interview.skills,
            &self.interviewer,
            self.chooser.rank(),
            max,
        )
    }

    /// The promised items as one phrase: "the portfolio link and two references"; empty if none.
    pub fn promised(&self) -> String {
        let items: Vec<String> = self
            .interview
            .promised
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| crate::text::promised_phrase(p))
            .collect();
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        crate::text::join_list(&refs)
    }

    /// Whether a decision date was given.
    pub fn has_decision(&self) -> bool {
        self.interview.decision_by.is_some()
    }

    /// Whether the decision date is known to be behind us (needs `now`).
    pub fn decision_passed(&self) -> bool {
        match (self.interview.decision_by, self.now) {
            (Some(date), Some(now)) => {
                now.with_timezone(self.interview.at.offset()).date_naive() > date
            }
            _ => false,
        }
    }

    /// The interviewer's title, if set.
    pub fn title(&self) -> Option<&str> {
        self.interviewer
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }

    /// How to address the recipient ("Dana", "Dr. Okafor"), or `fallback`.
    pub fn name_or(&self, fallback: &str) -> String {
        self.address
            .as_ref()
            .map_or_else(|| fallback.to_string(), |a| a.name.clone())
    }

    /// The recipient's full name, if any.
    pub fn full_name(&self) -> Option<&str> {
        Some(self.interviewer.name.trim()).filter(|n| !n.is_empty())
    }

    /// The candidate's full name, if set.
    pub fn my_name(&self) -> Option<String> {
        self.profile
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
    }

    /// The candidate's name as they sign a chat message: the first name ("Sam" for "Sam
    /// Rivera"), or the full name when it starts with a title ("Dr. Sam Rivera").
    pub fn my_first_name(&self) -> Option<String> {
        let name = self.my_name()?;
        match personal::address(&name) {
            Some(a) if !a.formal => Some(a.name),
            _ => Some(name),
        }
    }

    /// Fills a template for a LinkedIn chat message: as [`Context::fill_with`], with the company
    /// named in its short form (`company2`: "your company" when the name is very long).
    pub fn fill_chat(&self, template: &str, extra: &[(&str, &str)]) -> String {
        let company2 = self.value("company2").unwrap_or_default().to_string();
        let mut values = extra.to_vec();
        values.push(("company", company2.as_str()));
        self.fill_with(template, &values)
    }

    /// Picks this interviewer's phrasing for `slot` and fills it for a chat message.
    pub fn say_chat(&self, slot: &str, bank: &[&str]) -> String {
        self.fill_chat(self.chooser.pick(slot, bank), &[])
    }

    /// Words the greeting, sign-off and signature add to an email.
    pub fn frame_words(&self) -> usize {
        let signature = match self.profile.signature.as_deref().map(str::trim) {
            Some(signature) if !signature.is_empty() => signature.to_string(),
            _ => [&self.profile.name, &self.profile.phone, &self.profile.email]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
        };
        crate::text::word_count(&signature) + crate::text::word_count(&self.name_or("")) + 3
    }

    /// The value for `key`, if set.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The missing-topic hint for this recipient.
    pub fn missing_topic(&self) -> Missing {
        Missing::Topic(self.name_or("your interviewer"))
    }
}
