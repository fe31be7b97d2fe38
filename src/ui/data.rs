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
    /// Interviews in both whose content differs, each with what changes ("Acme (PM): the role").
    pub changed: Vec<String>,
    /// Interviews stored now that the file does not have (they would be deleted).
    pub removed: Vec<String>,
    /// Interviews that stay as they are.
    pub unchanged: usize,
    /// Whether your name, signature or holidays change.
    pub profile_changed: bool,
    /// A merge (nothing is deleted; what both have keeps the value here), not a replacement.
    pub merging: bool,
    /// For a merge: the profile fields it fills in ("your phone").
    pub profile_filled: Vec<String>,
}

impl ImportPreview {
    /// Compares the stored data with a file about to replace it.
    pub fn new(current: &Store, incoming: &Store) -> ImportPreview {
        let mut p = ImportPreview::default();
        for i in &incoming.interviews {
            match current.interview(&i.id) {
                None => p.added.push(label(i)),
                Some(old) if old != i => {
                    let what = what_changes(old, i);
                    let what: Vec<&str> = what.iter().map(String::as_str).collect();
                    p.changed
                        .push(format!("{}: {}", label(i), crate::text::join_list(&what)));
                }
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

    /// What merging a backup into the data here adds ([`crate::store::merge_backup`]).
    pub fn merging(report: &crate::store::MergeReport) -> ImportPreview {
        ImportPreview {
            added: report.added.clone(),
            changed: report.enriched.clone(),
            unchanged: report.kept,
            profile_filled: report.profile.clone(),
            merging: true,
            ..ImportPreview::default()
        }
    }

    /// True when importing changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && !self.profile_changed
            && self.profile_filled.is_empty()
    }

    /// One line per kind of change, e.g. "Adds 2 interviews: Acme Corp (PM), Fable (Writer)".
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        // An update says what changes in each interview ("Acme (Senior PM): the role"), so
        // those are set apart by semicolons.
        let update = if self.merging { "Adds to" } else { "Updates" };
        for (verb, names, apart) in [
            ("Adds", &self.added, ", "),
            (update, &self.changed, "; "),
            ("Deletes", &self.removed, ", "),
        ] {
            if !names.is_empty() {
                out.push(format!(
                    "{verb} {}: {}",
                    count(names.len(), "interview"),
                    shortlist(names, apart)
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
        if !self.profile_filled.is_empty() {
            let filled: Vec<&str> = self.profile_filled.iter().map(String::as_str).collect();
            out.push(format!("Fills in {}", crate::text::join_list(&filled)));
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

/// What an import changes in one interview, in words: "the role", "adds Raj Patel",
/// "Dana Lee's details", "what happened" (sent and replied).
fn what_changes(old: &Interview, new: &Interview) -> Vec<String> {
    let mut out: Vec<String> = [
        (old.company != new.company, "the company"),
        (old.role != new.role, "the role"),
        (old.at != new.at, "the date and time"),
        (old.decision_by != new.decision_by, "the decision date"),
        (old.format != new.format, "the format"),
        (old.industry != new.industry, "the industry"),
        (old.stage != new.stage, "the stage"),
        (old.skills != new.skills, "the skills"),
        (old.promised != new.promised, "what you promised to send"),
    ]
    .into_iter()
    .filter(|(changed, _)| *changed)
    .map(|(_, words)| words.to_string())
    .collect();
    let name = |p: &Interviewer| p.name.trim().to_string();
    for p in &new.interviewers {
        match old.interviewers.iter().find(|o| o.id == p.id) {
            None => out.push(format!("adds {}", name(p))),
            Some(o) if o != p => out.push(format!("{}'s details", name(p))),
            Some(_) => {}
        }
    }
    for o in &old.interviewers {
        if !new.interviewers.iter().any(|p| p.id == o.id) {
            out.push(format!("removes {}", name(o)));
        }
    }
    if old.events != new.events {
        out.push("what happened (sent, replies)".to_string());
    }
    if out.is_empty() {
        out.push("other details".to_string());
    }
    out
}

/// What the add-interview form would refuse in a file about to be imported, one line per
/// problem, naming the interview and the field ("Acme (PM), Dana Lee's email: “dana@” is not
/// an email address; …"): an import lets in nothing the form keeps out.
pub fn import_problems(incoming: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for i in &incoming.interviews {
        let form = crate::ui::form::InterviewForm::from_interview(i);
        if let Err(errors) = form.to_interview(Some(i), &[], *i.at.offset()) {
            for e in errors {
                out.push(format!(
                    "{}, {}: {}",
                    label(i),
                    field_words(i, &e.field),
                    e.message
                ));
            }
        }
    }
    out
}

/// A form field's name in words, for an interview being imported ("Dana Lee's email").
fn field_words(i: &Interview, field: &str) -> String {
    if let Some(rest) = field.strip_prefix("people.") {
        let (n, what) = rest.split_once('.').unwrap_or((rest, ""));
        let who = n
            .parse::<usize>()
            .ok()
            .and_then(|n| i.interviewers.get(n))
            .map(|p| p.name.trim())
            .filter(|n| !n.is_empty())
            .map_or_else(|| "a person".to_string(), |n| format!("{n}'s"));
        return format!("{who} {}", person_field(what));
    }
    interview_field(field)
        .unwrap_or("the interview")
        .to_string()
}

/// An interview's field (a form name, which is also its key in the file) in words.
fn interview_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "company" => "the company",
        "role" => "the role",
        "at" => "the date and time",
        "decision_by" => "the decision date",
        "format" => "the format",
        "industry" => "the industry",
        "stage" => "the stage",
        "skills" => "the skills",
        "promised" => "what was promised",
        "people" | "interviewers" => "the people",
        "primary" => "the main contact",
        "id" => "the id",
        "events" => "what happened",
        _ => return None,
    })
}

fn person_field(what: &str) -> &'static str {
    match what {
        "name" => "name",
        "title" => "title",
        "email" => "email",
        "linkedin" => "LinkedIn profile",
        "topics" => "topics",
        _ => "details",
    }
}

/// Why a file cannot be imported, in words a person can act on: where (the interview by company
/// and role, the person by name, the field) and what, with a broken file's line and column.
/// `text` is the file, read again for the names at the error's path when it is valid JSON.
pub fn import_error_words(e: &crate::store::StoreError, text: &str) -> String {
    let (what, at) = match e.message.rsplit_once(" at line ") {
        Some((what, at)) if at.contains(" column ") => {
            (what, Some(at.replacen(" column ", ", column ", 1)))
        }
        _ => (e.message.as_str(), None),
    };
    let time;
    let plain = if let Some(value) = what
        .strip_prefix("not an RFC 3339 time: ")
        .and_then(|v| v.split(" (e.g.").next())
    {
        time = format!(
            "{value} is not a date and time with its offset from UTC, like \"2026-11-20T14:00:00-05:00\""
        );
        time.as_str()
    } else if what.starts_with("EOF while parsing") {
        "the file ends too early: it was cut short, or a closing bracket is missing"
    } else if what == "expected value" && at.as_deref() == Some("1, column 1") {
        "this is not an export of this extension (it is not JSON)"
    } else if what == "trailing comma" {
        "there is a comma too many"
    } else if what == "key must be a string" {
        "a field name is not in double quotes"
    } else if what.starts_with("expected `,` or") {
        "a comma or a closing bracket is missing"
    } else if what == "trailing characters" {
        "there is more after the end of the data"
    } else if what.contains("control character") || what.contains("escape") {
        "a text holds a character that must be written with a backslash"
    } else {
        what
    };
    let mut out = match place(&e.path, text) {
        Some(place) => format!("{place}: {plain}"),
        None => crate::case::capitalised(plain),
    };
    if let Some(at) = at {
        out.push_str(&format!(" (line {at})"));
    }
    out.push('.');
    out
}

/// "Acme (PM), Dana Lee's email" for `interviews[0].interviewers[1].email`, read from the file;
/// `None` for the whole document.
fn place(path: &str, text: &str) -> Option<String> {
    let rest = path.strip_prefix("interviews[")?;
    let (n, rest) = rest.split_once(']')?;
    let tree: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let interview = &tree["interviews"][n.parse::<usize>().ok()?];
    let named = |v: &serde_json::Value, key: &str| {
        v[key]
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let mut out = match (named(interview, "company"), named(interview, "role")) {
        (Some(c), Some(r)) => format!("{c} ({r})"),
        (Some(c), None) => c,
        _ => format!("Interview {}", n.parse::<usize>().map_or(0, |n| n + 1)),
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if let Some(person) = rest.strip_prefix("interviewers[") {
        let (m, field) = person.split_once(']').unwrap_or((person, ""));
        let who = m
            .parse::<usize>()
            .ok()
            .and_then(|m| named(&interview["interviewers"][m], "name"))
            .map_or_else(|| "a person".to_string(), |n| format!("{n}'s"));
        out.push_str(&format!(
            ", {who} {}",
            person_field(field.trim_start_matches('.'))
        ));
    } else if !rest.is_empty() {
        let key = rest.split(['.', '[']).next().unwrap_or(rest);
        match interview_field(key) {
            Some(words) => out.push_str(&format!(", {words}")),
            None => out.push_str(&format!(", the field “{key}”")),
        }
    }
    Some(out)
}

pub use crate::text::count;

fn shortlist(names: &[String], apart: &str) -> String {
    const SHOWN: usize = 5;
    let mut s = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(apart);
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
        for (i, c) in crate::fold::char_indices(text) {
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
        assert_eq!(p.changed, ["Acme (Senior PM): the role"]);
        assert_eq!(p.removed, ["Fable (Writer)"]);
        assert_eq!(
            p.lines(),
            [
                "Adds 1 interview: Zed (Writer)",
                "Updates 1 interview: Acme (Senior PM): the role",
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
        assert_eq!(shortlist(&names, ", "), "0, 1, 2, 3, 4 and 3 more");
    }

    #[test]
    fn import_errors_in_plain_words() {
        let acme = |person: &str, at: &str| {
            format!(
                r#"{{"version":1,"interviews":[{{"id":"acme","company":"Acme","role":"PM","at":{at},"interviewers":[{person}]}}]}}"#
            )
        };
        let cases: Vec<(String, &str)> = vec![
            ("hello".into(), "This is not an export of this extension (it is not JSON) (line 1, column 1)."),
            (
                r#"{"version": 1, "interviews": ["#.into(),
                "The file ends too early: it was cut short, or a closing bracket is missing (line 1, column 30).",
            ),
            (
                "{\"version\": 1,\n 5: 1}".into(),
                "A field name is not in double quotes (line 2, column 2).",
            ),
            (
                r#"{"version": 1, "interviews": [],}"#.into(),
                "There is a comma too many (line 1, column 33).",
            ),
            (
                acme(r#"{"id":"d","name":"Dana Lee"}"#, r#""soon""#),
                "Acme (PM), the date and time: \"soon\" is not a date and time with its offset from UTC, like \"2026-11-20T14:00:00-05:00\".",
            ),
            (
                acme(r#"{"id":"d","name":"Dana Lee","email":5}"#, r#""2026-11-20T14:00:00-05:00""#),
                "Acme (PM), Dana Lee's email: expected a string, found a number.",
            ),
        ];
        for (text, want) in cases {
            let e = crate::store::parse(&text).unwrap_err();
            assert_eq!(import_error_words(&e, &text), want, "{text} ({e})");
        }
    }

    #[test]
    fn import_lets_in_nothing_the_form_refuses() {
        let mut s = store();
        s.interviews[0].interviewers[0].email = Some("dana@".into());
        assert_eq!(
            import_problems(&s),
            ["Acme (PM), Dana Lee's email: “dana@” is not an email address; it should look like name@company.com."]
        );
        // What the extension exports, and the examples, come back in.
        let root = env!("CARGO_MANIFEST_DIR");
        for file in [
            "tests/e2e/fixtures/demo-store.json",
            "tests/data/draft-store.json",
            "tests/data/schedule_example.json",
        ] {
            let text = std::fs::read_to_string(format!("{root}/{file}")).unwrap();
            let store = crate::store::parse(&text).unwrap();
            assert_eq!(import_problems(&store), Vec::<String>::new(), "{file}");
        }
    }

    #[test]
    fn an_update_says_what_changes_in_each_interview() {
        let current = store();
        let mut incoming = store();
        let acme = &mut incoming.interviews[0];
        acme.decision_by = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
        acme.skills = vec!["SQL".into()];
        acme.interviewers[0].title = Some("Head of Product".into());
        acme.interviewers.push(crate::model::Interviewer {
            id: "raj".into(),
            name: "Raj Patel".into(),
            ..crate::model::Interviewer::default()
        });
        incoming.interviews[1]
            .events
            .push(crate::model::Event::sent(
                Kind::ThankYou,
                None,
                t("2026-11-23T12:00:00-05:00"),
            ));
        let p = ImportPreview::new(&current, &incoming);
        assert_eq!(
            p.lines(),
            [
                "Updates 2 interviews: Acme (PM): the decision date, the skills, Dana Lee's details, and adds Raj Patel; Fable (Writer): what happened (sent, replies)"
            ]
        );
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
