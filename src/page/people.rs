//! Recipients read from a page and matched to tracked interviewers: by email first, then by
//! LinkedIn profile link, then by name.

use crate::case::Lowercase as _;
use crate::model::Store;
use crate::text::fold_name;
use serde::{Deserialize, Serialize};

/// Someone a compose is addressed to, as far as the page tells. Content scripts send these to
/// the worker (`offer`), so they are also bounded there: see [`Person::check`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Profile link (LinkedIn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

/// At most this many people are read from one compose (a page could list thousands).
pub const MAX_PEOPLE: usize = 50;
/// At most this many characters per name, address or link.
pub const MAX_FIELD: usize = 400;

impl Person {
    /// Refuses a list a page could not honestly show in one compose: too many people, or a
    /// field longer than any name, address or profile link.
    pub fn check(people: &[Person]) -> Result<(), String> {
        if people.len() > MAX_PEOPLE {
            return Err(format!(
                "people: {} listed, at most {MAX_PEOPLE}",
                people.len()
            ));
        }
        let long = people.iter().enumerate().find_map(|(i, p)| {
            [&p.name, &p.email, &p.profile]
                .into_iter()
                .flatten()
                .any(|f| f.chars().count() > MAX_FIELD)
                .then_some(i)
        });
        match long {
            Some(i) => Err(format!("people[{i}]: longer than {MAX_FIELD} characters")),
            None => Ok(()),
        }
    }
}

impl Person {
    /// A person with only a name (trimmed; `None` when empty).
    pub fn named(name: &str) -> Person {
        Person {
            name: clean(name),
            ..Person::default()
        }
    }
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Parses an address list as typed in a `To` field: `Dana Lee <dana@acme.example>, raj@x.example`.
pub fn parse_addresses(list: &str) -> Vec<Person> {
    let mut out = Vec::new();
    let mut part = String::new();
    let mut quoted = false;
    let mut angle = false;
    for c in list.chars().chain(std::iter::once(',')) {
        match c {
            '"' => quoted = !quoted,
            '<' => angle = true,
            '>' => angle = false,
            ',' | ';' if !quoted && !angle => {
                if let Some(p) = parse_one(&part) {
                    out.push(p);
                }
                part.clear();
                continue;
            }
            _ => {}
        }
        part.push(c);
    }
    out
}

fn parse_one(s: &str) -> Option<Person> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let (Some(open), Some(close)) = (s.find('<'), s.rfind('>')) {
        if open < close {
            let email = clean(&s[open + 1..close]).filter(|e| e.contains('@'));
            let name = clean(s[..open].trim().trim_matches('"'));
            return (email.is_some() || name.is_some()).then_some(Person {
                name,
                email,
                profile: None,
            });
        }
    }
    let s = s.trim_matches('"');
    Some(if s.contains('@') && !s.contains(char::is_whitespace) {
        Person {
            email: Some(s.to_string()),
            ..Person::default()
        }
    } else {
        Person::named(s)
    })
}

/// A LinkedIn profile link reduced to its `/in/slug` part (lowercase), for comparison.
pub fn profile_key(url: &str) -> Option<String> {
    let lower = url.trim().lowercase();
    let at = lower.find("/in/")?;
    let slug: String = lower[at + 4..]
        .chars()
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    (!slug.is_empty()).then(|| format!("/in/{slug}"))
}

/// Whether a name shown on a page is the tracked `name`: equal after folding case, accents and
/// spaces, or the tracked name followed by extra words (`Dana Lee, PhD`, `Dana Lee (She/Her)`).
pub fn same_name(shown: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        fold_name(s)
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (shown, name) = (words(shown), words(name));
    !name.is_empty() && shown.len() >= name.len() && shown[..name.len()] == name[..]
}

/// A tracked interviewer: (interview index, interviewer index) in the store.
pub type Who = (usize, usize);

/// The tracked interviewers the people are, in the order of the people: each person matches by
/// email, else by profile link, else by name (every interviewer of that name). No duplicates.
pub fn matches(store: &Store, people: &[Person]) -> Vec<Who> {
    let all: Vec<Who> = store
        .interviews
        .iter()
        .enumerate()
        .flat_map(|(i, iv)| (0..iv.interviewers.len()).map(move |j| (i, j)))
        .collect();
    let person = |w: &Who| &store.interviews[w.0].interviewers[w.1];
    let mut out: Vec<Who> = Vec::new();
    for p in people {
        let by_email: Vec<Who> = p.email.as_deref().map_or_else(Vec::new, |e| {
            all.iter()
                .filter(|w| {
                    person(w)
                        .email
                        .as_deref()
                        .is_some_and(|x| x.trim().eq_ignore_ascii_case(e.trim()))
                })
                .copied()
                .collect()
        });
        let by_profile: Vec<Who> =
            p.profile
                .as_deref()
                .and_then(profile_key)
                .map_or_else(Vec::new, |k| {
                    all.iter()
                        .filter(|w| {
                            person(w).linkedin.as_deref().and_then(profile_key).as_ref() == Some(&k)
                        })
                        .copied()
                        .collect()
                });
        let by_name: Vec<Who> = p.name.as_deref().map_or_else(Vec::new, |n| {
            all.iter()
                .filter(|w| same_name(n, &person(w).name))
                .copied()
                .collect()
        });
        let found = [by_email, by_profile, by_name]
            .into_iter()
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        for w in found {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        crate::store::parse(
            r#"{"version": 1, "interviews": [
              {"id": "acme", "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00",
               "interviewers": [
                 {"id": "dana", "name": "Dana Lee", "email": "dana@acme.example", "linkedin": "https://www.linkedin.com/in/dana-lee/"},
                 {"id": "raj", "name": "Raj Patel", "email": "raj@acme.example"}]},
              {"id": "fable", "company": "Fable", "role": "Writer", "at": "2026-11-23T09:30:00-05:00",
               "interviewers": [{"id": "maria", "name": "María Gómez"}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn parses_address_lists() {
        let v =
            parse_addresses(r#""Lee, Dana" <dana@acme.example>; raj@acme.example, Maria Gomez"#);
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].name.as_deref(), Some("Lee, Dana"));
        assert_eq!(v[0].email.as_deref(), Some("dana@acme.example"));
        assert_eq!(v[1].email.as_deref(), Some("raj@acme.example"));
        assert_eq!(v[2].name.as_deref(), Some("Maria Gomez"));
        assert!(parse_addresses(" , ").is_empty());
    }

    #[test]
    fn matches_by_email_then_profile_then_name() {
        let s = store();
        let p = |name: Option<&str>, email: Option<&str>, profile: Option<&str>| Person {
            name: name.map(Into::into),
            email: email.map(Into::into),
            profile: profile.map(Into::into),
        };
        assert_eq!(
            matches(&s, &[p(Some("Someone"), Some("DANA@acme.example"), None)]),
            vec![(0, 0)]
        );
        assert_eq!(
            matches(
                &s,
                &[p(
                    Some("D."),
                    None,
                    Some("https://www.linkedin.com/in/Dana-Lee?x=1")
                )]
            ),
            vec![(0, 0)]
        );
        assert_eq!(
            matches(&s, &[p(Some("maria gomez"), None, None)]),
            vec![(1, 0)]
        );
        assert_eq!(
            matches(
                &s,
                &[
                    p(Some("Raj Patel (He/Him)"), None, None),
                    Person::named("Raj Patel")
                ]
            ),
            vec![(0, 1)]
        );
        assert!(matches(&s, &[Person::named("New message")]).is_empty());
        assert!(matches(&s, &[Person::named("Raj")]).is_empty());
    }

    #[test]
    fn page_lists_are_bounded() {
        assert!(Person::check(&[Person::named("Dana Lee")]).is_ok());
        let many = vec![Person::named("x"); MAX_PEOPLE + 1];
        assert!(Person::check(&many).unwrap_err().contains("at most"));
        let long = Person::named(&"a".repeat(MAX_FIELD + 1));
        assert_eq!(
            Person::check(&[Person::named("ok"), long]).unwrap_err(),
            format!("people[1]: longer than {MAX_FIELD} characters")
        );
        let json = serde_json::to_string(&Person::named("Dana")).unwrap();
        assert_eq!(json, r#"{"name":"Dana"}"#);
    }

    #[test]
    fn profile_keys() {
        assert_eq!(
            profile_key("https://www.linkedin.com/in/dana-lee/").as_deref(),
            Some("/in/dana-lee")
        );
        assert_eq!(profile_key("/in/x?miniProfile=1").as_deref(), Some("/in/x"));
        assert_eq!(profile_key("https://example.com/"), None);
    }
}
