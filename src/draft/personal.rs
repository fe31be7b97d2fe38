//! Personal details in words: how to address someone, the interview day relative to now,
//! lists, the skills that fit an interviewer, and promised items.

use crate::case::Lowercase as _;
use crate::model::Interviewer;
use chrono::{DateTime, Datelike, FixedOffset, Timelike};

/// Courtesy titles that, when written in front of a name, ask for "Dear Dr. Okafor".
const HONORIFICS: &[(&str, &str)] = &[
    ("mr", "Mr."),
    ("mrs", "Mrs."),
    ("ms", "Ms."),
    ("mx", "Mx."),
    ("miss", "Miss"),
    ("dr", "Dr."),
    ("prof", "Prof."),
    ("professor", "Professor"),
];

/// Name suffixes that are not a surname.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq"];

/// How to greet a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The name used after "Dear" / "Hi": a first name, or "Dr. Okafor".
    pub name: String,
    /// True when only a title-and-surname form fits (then "Dear", never "Hi").
    pub formal: bool,
}

/// Works out how to address someone from the name as tracked.
///
/// "Dana Lee" → "Dana"; "Dr. Adaeze Okafor" or "Ms. Okafor" → "Dr. Okafor" / "Ms. Okafor"
/// (formal); "Okafor, Adaeze" → "Adaeze"; "J. Smith" → "J. Smith" (an initial is no first name).
pub fn address(full_name: &str) -> Option<Address> {
    let full = full_name.trim();
    if full.is_empty() {
        return None;
    }
    // "Surname, Given" is how some address books store names.
    if let Some((surname, given)) = full.split_once(',') {
        let given = given.trim();
        let surname = surname.trim();
        let given_is_suffix = SUFFIXES.contains(&normal(given).as_str());
        if !given.is_empty() && !surname.contains(' ') && !given_is_suffix {
            return address(&format!("{given} {surname}"));
        }
    }
    let mut words: Vec<&str> = full
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| SUFFIXES.contains(&normal(w).as_str()))
    {
        words.pop();
    }
    let first = words.first().copied().unwrap_or(full);
    if let Some((_, title)) = HONORIFICS.iter().find(|(k, _)| *k == normal(first)) {
        return match words.last() {
            Some(surname) if words.len() >= 2 => Some(Address {
                name: format!("{title} {surname}"),
                formal: true,
            }),
            _ => Some(Address {
                name: full.to_string(),
                formal: false,
            }),
        };
    }
    let is_initial = first.trim_end_matches('.').chars().count() == 1;
    if is_initial && words.len() >= 2 {
        return Some(Address {
            name: words.join(" "),
            formal: false,
        });
    }
    Some(Address {
        name: first.to_string(),
        formal: false,
    })
}

fn normal(word: &str) -> String {
    word.trim_matches(|c: char| c == '.' || c == ',')
        .lowercase()
}

/// The interview day in words, seen from `now`.
///
/// Same day: "this morning" / "this afternoon" / "this evening"; the day before: "yesterday";
/// within the week: "on Tuesday"; otherwise "on November 20" (with the year when it differs).
/// Without `now`, the weekday: "on Friday".
pub fn day_phrase(at: DateTime<FixedOffset>, now: Option<DateTime<FixedOffset>>) -> String {
    let Some(now) = now else {
        return format!("on {}", crate::dates::weekday_name(at));
    };
    let now = now.with_timezone(at.offset());
    let days = (now.date_naive() - at.date_naive()).num_days();
    match days {
        0 if now >= at => match at.hour() {
            0..=11 => "this morning".to_string(),
            12..=16 => "this afternoon".to_string(),
            _ => "this evening".to_string(),
        },
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        2..=6 => format!("on {}", crate::dates::weekday_name(at)),
        _ => format!("on {}", date_words(at, now.year())),
    }
}

/// "November 20", or "November 20, 2025" when the year is not `this_year`.
pub fn date_words(at: DateTime<FixedOffset>, this_year: i32) -> String {
    crate::dates::long_date(at, this_year)
}

/// Up to `max` skills, best fit to this interviewer first.
///
/// A skill fits when it shares a word with the interviewer's topics or title; ties keep the
/// candidate's order, rotated by `rank` so colleagues of one interview hear about different skills.
pub fn fitting_skills<'a>(
    skills: &'a [String],
    interviewer: &Interviewer,
    rank: usize,
    max: usize,
) -> Vec<&'a str> {
    let mut context: Vec<String> = interviewer.topics.iter().flat_map(|t| words(t)).collect();
    if let Some(title) = &interviewer.title {
        context.extend(words(title));
    }
    let skills: Vec<&str> = skills
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let n = skills.len();
    let mut scored: Vec<(usize, usize, &str)> = skills
        .iter()
        .enumerate()
        .map(|(i, skill)| {
            let score = words(skill).iter().filter(|w| context.contains(w)).count();
            let order = (i + n - rank % n.max(1)) % n.max(1);
            (score, order, *skill)
        })
        .collect();
    crate::order::sort_by(&mut scored, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(max).map(|(_, _, s)| s).collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| w.lowercase())
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn addresses_by_first_name_or_title_and_surname() {
        let a = |n: &str| address(n).map(|a| (a.name, a.formal));
        assert_eq!(a("Dana Lee"), Some(("Dana".into(), false)));
        assert_eq!(a("  José Núñez "), Some(("José".into(), false)));
        assert_eq!(a("Siobhán O'Brien"), Some(("Siobhán".into(), false)));
        assert_eq!(a("Dr. Adaeze Okafor"), Some(("Dr. Okafor".into(), true)));
        assert_eq!(a("Ms Okafor"), Some(("Ms. Okafor".into(), true)));
        assert_eq!(a("Okafor, Adaeze"), Some(("Adaeze".into(), false)));
        assert_eq!(a("Martin Luther King Jr."), Some(("Martin".into(), false)));
        assert_eq!(a("J. Smith"), Some(("J. Smith".into(), false)));
        assert_eq!(a("Cher"), Some(("Cher".into(), false)));
        assert_eq!(a("Dr."), Some(("Dr.".into(), false)));
        assert_eq!(a("   "), None);
    }

    #[test]
    fn day_phrases_follow_now() {
        let interview = at("2026-11-20T14:00:00-05:00"); // a Friday afternoon
        let phrase = |now: &str| day_phrase(interview, Some(at(now)));
        assert_eq!(phrase("2026-11-20T17:00:00-05:00"), "this afternoon");
        assert_eq!(phrase("2026-11-20T22:00:00Z"), "this afternoon");
        assert_eq!(phrase("2026-11-21T09:00:00-05:00"), "yesterday");
        assert_eq!(phrase("2026-11-24T09:00:00-05:00"), "on Friday");
        assert_eq!(phrase("2026-12-04T09:00:00-05:00"), "on November 20");
        assert_eq!(phrase("2027-01-04T09:00:00-05:00"), "on November 20, 2026");
        assert_eq!(phrase("2026-11-20T09:00:00-05:00"), "today");
        assert_eq!(day_phrase(interview, None), "on Friday");
        let morning = at("2026-11-20T09:30:00-05:00");
        assert_eq!(
            day_phrase(morning, Some(at("2026-11-20T11:00:00-05:00"))),
            "this morning"
        );
        let evening = at("2026-11-20T18:30:00-05:00");
        assert_eq!(
            day_phrase(evening, Some(at("2026-11-20T20:00:00-05:00"))),
            "this evening"
        );
    }

    #[test]
    fn skills_matching_topics_come_first() {
        let skills: Vec<String> = ["SQL", "user research", "roadmapping"]
            .map(String::from)
            .to_vec();
        let dana = Interviewer {
            topics: vec!["how user interviews shape the roadmap".into()],
            title: Some("Head of Research".into()),
            ..Interviewer::default()
        };
        assert_eq!(fitting_skills(&skills, &dana, 0, 1), vec!["user research"]);
        let nobody = Interviewer::default();
        assert_eq!(
            fitting_skills(&skills, &nobody, 0, 2),
            vec!["SQL", "user research"]
        );
        assert_eq!(
            fitting_skills(&skills, &nobody, 1, 2),
            vec!["user research", "roadmapping"]
        );
        assert!(fitting_skills(&[], &nobody, 3, 2).is_empty());
    }
}
