//! What an invitation does not say outright: the company (from the guests' addresses and the
//! title), the role and stage (from the title), whether a location is a phone call, and which
//! guests are robots; names as people write them.

use super::types::{Invitation, Me};
use crate::case::Lowercase as _;

/// Free mail, scheduling and meeting services: their domains name no employer.
const SERVICE_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "google.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.de",
    "calendly.com",
    "zoom.us",
    "greenhouse.io",
    "lever.co",
    "goodtime.io",
    "ashbyhq.com",
    "workday.com",
    "myworkday.com",
    "icims.com",
    "smartrecruiters.com",
    "resource.calendar.google.com",
    "group.calendar.google.com",
];

/// Two-label public suffixes common in company addresses.
const SECOND_LEVEL: &[&str] = &[
    "co.uk", "org.uk", "ac.uk", "com.au", "co.nz", "co.in", "com.br", "co.za", "com.sg", "co.jp",
    "com.mx", "com.tr", "co.kr", "com.cn",
];

/// The company label of an address's domain ("dana@mail.acme-labs.co.uk" → "acme-labs"), or
/// `None` for a service's domain.
pub(super) fn company_label(email: &str) -> Option<String> {
    let domain = email.rsplit_once('@')?.1.trim().to_ascii_lowercase();
    if SERVICE_DOMAINS
        .iter()
        .any(|s| domain == *s || domain.ends_with(&format!(".{s}")))
    {
        return None;
    }
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    let suffix_len = if SECOND_LEVEL
        .iter()
        .any(|s| domain.ends_with(&format!(".{s}")))
    {
        2
    } else {
        1
    };
    let at = labels.len().checked_sub(suffix_len + 1)?;
    labels.get(at).map(|l| l.to_string())
}

/// "acme-labs" → "Acme Labs".
pub(super) fn title_case(label: &str) -> String {
    label
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(crate::case::capitalised)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scheduling robots and shared inboxes: never an interviewer.
pub(super) fn is_robot(email: &str) -> bool {
    let local = email.split('@').next().unwrap_or("");
    [
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "calendar-notification",
        "notifications",
        "scheduling",
        "calendar",
    ]
    .iter()
    .any(|r| local == *r || local.starts_with(&format!("{r}+")))
        || company_label(email).is_none() && email.ends_with("calendar.google.com")
}

/// A display name from an address's local part ("dana.lee" → "Dana Lee"); empty when the local
/// part is one word (a guess such as "Dlee" would be worse than asking).
pub(super) fn name_from_email(email: &str) -> String {
    let local = email.split('@').next().unwrap_or("");
    let local = local.split('+').next().unwrap_or("");
    if !local.contains(['.', '_', '-']) {
        return String::new();
    }
    title_case(&local.replace('.', "-"))
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Lee, Priya" (a directory's order) → "Priya Lee"; other names as they are.
pub(super) fn first_last(name: &str) -> String {
    match name.split_once(',') {
        Some((last, first))
            if !first.contains(',')
                && !last.trim().is_empty()
                && !first.trim().is_empty()
                && last.split_whitespace().count() <= 2
                && first.split_whitespace().count() <= 2 =>
        {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => name.trim().to_string(),
    }
}

/// Words of a job title: a title with one of them is a role.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "designer",
    "analyst",
    "scientist",
    "director",
    "lead",
    "specialist",
    "coordinator",
    "associate",
    "intern",
    "consultant",
    "architect",
    "administrator",
    "officer",
    "representative",
    "assistant",
    "writer",
    "editor",
    "accountant",
    "strategist",
    "researcher",
    "head",
    "vp",
    "president",
    "programmer",
    "technician",
    "nurse",
    "teacher",
    "advisor",
    "adviser",
    "executive",
    "owner",
    "partner",
    "marketer",
    "planner",
    "producer",
];

/// Words of a meeting title that are about the meeting, not the job.
const MEETING_WORDS: &[&str] = &[
    "interview",
    "interviews",
    "interviewing",
    "call",
    "chat",
    "meeting",
    "screen",
    "screening",
    "phone",
    "video",
    "onsite",
    "on-site",
    "virtual",
    "round",
    "final",
    "first",
    "second",
    "third",
    "1st",
    "2nd",
    "3rd",
    "re",
    "invitation",
    "invite",
    "updated",
    "recruiter",
    "hiring",
    "panel",
    "technical",
    "loop",
    "conversation",
    "candidate",
    "zoom",
    "teams",
    "meet",
    "google",
];

/// Small words a role keeps inside ("Head of Design") but not at its ends ("with", "for").
const CONNECTORS: &[&str] = &[
    "with", "at", "for", "and", "the", "a", "an", "to", "of", "&", "@",
];

/// The title's pieces between separators (" - ", ":", "|", "<>", " x ", "/", "(", ")", ",").
pub(super) fn title_pieces(summary: &str) -> Vec<String> {
    let mut s = summary.to_string();
    for sep in [
        " <> ", " x ", " X ", " – ", " — ", " - ", " | ", ": ", " / ", "(", ")", ",", "[", "]",
    ] {
        s = s.replace(sep, "\u{1}");
    }
    s.split('\u{1}')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether `piece` is (or holds) one of `names`, ignoring case.
pub(super) fn names_someone(piece: &str, names: &[String]) -> bool {
    let lower = piece.lowercase();
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .any(|n| lower.contains(&n.lowercase()))
}

/// The role in a meeting title: the piece with a job word, without meeting words, the company
/// or people's names ("Product Manager interview - Acme" → "Product Manager").
pub(super) fn role_in(summary: &str, company: &str, people: &[String]) -> String {
    let company = company.lowercase();
    let bare = |w: &str| {
        w.lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '&' | '@'))
            .to_string()
    };
    for piece in title_pieces(summary) {
        // Runs of words between meeting words and the company's words: "Team Lead" and
        // "with the" in "Team Lead interview with the hiring team".
        let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
        for w in piece.split_whitespace() {
            let b = bare(w);
            let splits = MEETING_WORDS.contains(&b.as_str())
                || (!company.is_empty() && company.split_whitespace().any(|c| c == b));
            match runs.last_mut() {
                Some(run) if !splits => run.push(w),
                _ => runs.push(Vec::new()),
            }
        }
        for run in runs {
            let start = run
                .iter()
                .position(|w| !CONNECTORS.contains(&bare(w).as_str()))
                .unwrap_or(run.len());
            let end = run
                .iter()
                .rposition(|w| !CONNECTORS.contains(&bare(w).as_str()))
                .map_or(start, |e| e + 1);
            let words = run.get(start..end.max(start)).unwrap_or(&[]);
            let has_role_word = words.iter().any(|w| ROLE_WORDS.contains(&bare(w).as_str()));
            let candidate = words.join(" ");
            if has_role_word && !names_someone(&candidate, people) {
                return candidate;
            }
        }
    }
    String::new()
}

/// The company: the guests' company domain, spelled as the title spells it when it appears
/// there ("ACME Labs" in the title, "acmelabs.com" in the addresses); else a title piece after
/// "at" or "with" that names no guest.
pub(super) fn company_in(inv: &Invitation, me: &Me, people: &[String]) -> String {
    let mine = company_label(&me.email);
    let mut counts: Vec<(String, usize)> = Vec::new();
    for g in inv.organizer.iter().chain(&inv.guests) {
        if let Some(label) = company_label(&g.email).filter(|l| Some(l) != mine.as_ref()) {
            match counts.iter_mut().find(|(l, _)| *l == label) {
                Some(entry) => entry.1 += 1,
                None => counts.push((label, 1)),
            }
        }
    }
    let domain = counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(l, _)| l.clone());
    let squash =
        |s: &str| -> String { crate::case::lower_each(s.chars().filter(|c| c.is_alphanumeric())) };
    if let Some(label) = &domain {
        let want = squash(label);
        // The title's own spelling: the run of words whose letters are the domain label's.
        let words: Vec<&str> = inv.summary.split_whitespace().collect();
        for i in 0..words.len() {
            for j in i + 1..=words.len().min(i + 4) {
                let run = words.get(i..j).unwrap_or(&[]).join(" ");
                let run = run.trim_matches(|c: char| !c.is_alphanumeric());
                if squash(run) == want {
                    return run.to_string();
                }
            }
        }
        return title_case(label);
    }
    let summary = inv.summary.as_str();
    for marker in [" at ", " with ", " @ "] {
        if let Some((_, after)) = summary.split_once(marker) {
            let piece = title_pieces(after).into_iter().next().unwrap_or_default();
            if !piece.is_empty() && !names_someone(&piece, people) {
                return piece;
            }
        }
    }
    String::new()
}

/// The stage a title names ("Recruiter screen" → `screen`, "Final round" → `final`).
pub(super) fn stage_in(summary: &str) -> &'static str {
    let lower = summary.lowercase();
    if lower.contains("final") || lower.contains("onsite loop") {
        "final"
    } else if lower.contains("screen") || lower.contains("recruiter") {
        "screen"
    } else if lower.contains("first round") || lower.contains("1st round") {
        "first-round"
    } else {
        ""
    }
}

/// Whether `location` reads as a phone number or a call-in.
pub(super) fn is_phone(location: &str) -> bool {
    let lower = location.lowercase();
    lower.starts_with("tel:")
        || lower.contains("phone")
        || (location.chars().filter(char::is_ascii_digit).count() >= 7
            && location
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c)))
}
