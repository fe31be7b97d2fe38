//! The list and data screens: what each open item says, the preview of an import, Gmail
//! compose links and export file names.

use crate::model::{Channel, Interview, Interviewer, Kind, Store};
use crate::schedule::Due;
use crate::when::{kind_label, when_words};
use chrono::{DateTime, FixedOffset};

/// What one open item shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemWords {
    /// "Thank-you note to Dana Lee".
    pub title: String,
    /// "Product Manager at Acme Corp".
    pub context: String,
    /// "by 2 pm tomorrow".
    pub when: String,
    /// Why (from the schedule).
    pub reason: String,
    /// Where the message goes ([`Interviewer::channel`]).
    pub channel: Channel,
    /// Whether a draft can be written (not for `move-on`).
    pub draftable: bool,
}

/// Words for an open item; `None` when its interview is no longer in `store`.
pub fn item_words(store: &Store, due: &Due, now: DateTime<FixedOffset>) -> Option<ItemWords> {
    let interview = store.interview(&due.interview)?;
    let person = match &due.interviewer {
        None if due.kind == Kind::MoveOn => None,
        id => interview.person(id.as_deref()),
    };
    let name = person
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(interview.company.as_str());
    let title = match due.kind {
        Kind::MoveOn => format!("{}: {}", kind_label(due.kind), interview.company),
        _ => format!("{} to {name}", kind_label(due.kind)),
    };
    Some(ItemWords {
        title,
        context: context(interview),
        when: when_words(due.due, now),
        reason: due.reason.clone(),
        channel: Interviewer::channel(person),
        draftable: Kind::DRAFTABLE.contains(&due.kind),
    })
}

/// "Product Manager at Acme Corp".
pub fn context(interview: &Interview) -> String {
    format!("{} at {}", interview.role, interview.company)
}

/// What an import would change, shown before it replaces the stored data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// Interviews only in the file.
    pub added: Vec<String>,
    /// Interviews in both whose content differs.
    pub changed: Vec<String>,
    /// Interviews stored now that the file does not have (they would be deleted).
    pub removed: Vec<String>,
    /// Interviews that stay as they are.
    pub unchanged: usize,
    /// Whether your name, signature or holidays change.
    pub profile_changed: bool,
}

impl ImportPreview {
    /// Compares the stored data with a file about to replace it.
    pub fn new(current: &Store, incoming: &Store) -> ImportPreview {
        let mut p = ImportPreview::default();
        for i in &incoming.interviews {
            match current.interview(&i.id) {
                None => p.added.push(label(i)),
                Some(old) if old != i => p.changed.push(label(i)),
                Some(_) => p.unchanged += 1,
            }
        }
        for old in &current.interviews {
            if incoming.interview(&old.id).is_none() {
                p.removed.push(label(old));
            }
        }
        p.profile_changed = current.profile != incoming.profile;
        p
    }

    /// True when importing changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && !self.profile_changed
    }

    /// One line per kind of change, e.g. "Adds 2 interviews: Acme Corp (PM), Fable (Writer)".
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (verb, names) in [
            ("Adds", &self.added),
            ("Updates", &self.changed),
            ("Deletes", &self.removed),
        ] {
            if !names.is_empty() {
                out.push(format!(
                    "{verb} {}: {}",
                    count(names.len(), "interview"),
                    shortlist(names)
                ));
            }
        }
        if self.unchanged > 0 {
            out.push(format!(
                "Keeps {} as they are",
                count(self.unchanged, "interview")
            ));
        }
        if self.profile_changed {
            out.push("Replaces your name, signature and extra holidays".into());
        }
        if out.is_empty() {
            out.push("Nothing changes: the file holds the same data".into());
        }
        out
    }
}

fn label(i: &Interview) -> String {
    format!("{} ({})", i.company, i.role)
}

/// "1 interview", "3 interviews".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn shortlist(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut s = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        s.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    s
}

/// The words a finding is about (UTF-16 offsets `start..end`, as findings give them) with up to
/// `around` characters of context each side, cut at word boundaries with "…":
/// `(before, marked, after)`. Offsets past the end or inside a character are clamped.
pub fn excerpt(text: &str, start: usize, end: usize, around: usize) -> (String, String, String) {
    let byte = |unit: usize| {
        let mut seen = 0;
        for (i, c) in text.char_indices() {
            if seen >= unit {
                return i;
            }
            seen += c.len_utf16();
        }
        text.len()
    };
    let (s, e) = (byte(start), byte(end.max(start)));
    let before_all = &text[..s];
    let after_all = &text[e..];
    let mut before: String = before_all
        .chars()
        .rev()
        .take(around)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if before.len() < before_all.len() {
        if let Some(i) = before.find(char::is_whitespace) {
            before = before[i..].to_string();
        }
        before = format!("…{}", before.trim_start());
    }
    let mut after: String = after_all.chars().take(around).collect();
    if after.len() < after_all.len() {
        if let Some(i) = after.rfind(char::is_whitespace) {
            after.truncate(i);
        }
        after = format!("{}…", after.trim_end());
    }
    let clean = |s: String| s.replace(['\n', '\r'], " ");
    (clean(before), clean(text[s..e].to_string()), clean(after))
}

/// `interview-followup-2026-11-24.json` for `ext = "json"`.
pub fn export_file_name(now: DateTime<FixedOffset>, ext: &str) -> String {
    format!("interview-followup-{}.{ext}", crate::dates::iso_date(now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::schedule;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn store() -> Store {
        crate::store::parse(
            r#"{"version":1,"interviews":[
            {"id":"acme","company":"Acme","role":"PM","at":"2026-11-20T14:00:00-05:00",
             "interviewers":[{"id":"dana","name":"Dana Lee","email":"dana@acme.example","primary":true}]},
            {"id":"fable","company":"Fable","role":"Writer","at":"2026-11-23T09:30:00-05:00"}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn items_say_who_what_when_and_why() {
        let s = store();
        let now = t("2026-11-20T16:00:00-05:00");
        let items = schedule(&s, now);
        let w = item_words(&s, &items[0], now).unwrap();
        assert_eq!(w.title, "Thank-you note to Dana Lee");
        assert_eq!(w.context, "PM at Acme");
        assert_eq!(w.when, "by 2 pm tomorrow");
        assert_eq!(w.channel, Channel::Email);
        assert!(w.draftable && !w.reason.is_empty());
        let fable = items.iter().find(|d| d.interview == "fable").unwrap();
        let w = item_words(&s, fable, now).unwrap();
        assert_eq!(w.title, "Thank-you note to Fable");
        assert_eq!(
            w.channel,
            Channel::Email,
            "nobody to write to: a compose without a recipient"
        );
        let mut gone = items[0].clone();
        gone.interview = "nope".into();
        assert_eq!(item_words(&s, &gone, now), None);
    }

    #[test]
    fn import_preview_lists_changes() {
        let current = store();
        let mut incoming = store();
        incoming.interviews[0].role = "Senior PM".into();
        incoming.interviews.remove(1);
        incoming.interviews.push(crate::model::Interview {
            id: "zed".into(),
            company: "Zed".into(),
            ..current.interviews[1].clone()
        });
        incoming.profile.name = Some("Sam".into());
        let p = ImportPreview::new(&current, &incoming);
        assert_eq!(p.added, ["Zed (Writer)"]);
        assert_eq!(p.changed, ["Acme (Senior PM)"]);
        assert_eq!(p.removed, ["Fable (Writer)"]);
        assert_eq!(
            p.lines(),
            [
                "Adds 1 interview: Zed (Writer)",
                "Updates 1 interview: Acme (Senior PM)",
                "Deletes 1 interview: Fable (Writer)",
                "Replaces your name, signature and extra holidays"
            ]
        );
        let same = ImportPreview::new(&current, &current);
        assert!(same.is_empty());
        assert_eq!(same.lines(), ["Keeps 2 interviews as they are"]);
    }

    #[test]
    fn long_lists_are_shortened() {
        let names: Vec<String> = (0..8).map(|i| i.to_string()).collect();
        assert_eq!(shortlist(&names), "0, 1, 2, 3, 4 and 3 more");
    }

    #[test]
    fn excerpts_mark_the_words_with_context() {
        let text =
            "Dear Dana,\nThanks for the chat! I am super pumped about the role and the team here.";
        let start = text.find("super pumped").unwrap();
        let (b, m, a) = excerpt(text, start, start + 12, 12);
        assert_eq!(m, "super pumped");
        assert_eq!(b, "…chat! I am ");
        assert_eq!(a, " about the…");
        // UTF-16 offsets: the emoji counts two units.
        let text = "Hi 😀 lol";
        let (b, m, a) = excerpt(text, 6, 9, 20);
        assert_eq!((b.as_str(), m.as_str(), a.as_str()), ("Hi 😀 ", "lol", ""));
        let (_, m, _) = excerpt("abc", 5, 9, 3);
        assert_eq!(m, "");
    }

    #[test]
    fn export_names_carry_the_date() {
        assert_eq!(
            export_file_name(t("2026-11-24T01:00:00+00:00"), "ics"),
            "interview-followup-2026-11-24.ics"
        );
    }
}
