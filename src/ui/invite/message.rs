//! Reading an invitation from the message that carries it, as the user sees it in Gmail: the
//! subject, the sender, the text and its links ([`Invited`]). Calendar services write the same
//! facts the `.ics` file holds into the message, in English words rather than fields:
//!
//! - Google Calendar: the subject "Invitation: Title @ Tue Dec 8, 2026 3pm - 4pm (EST)
//!   (sam@example.org)", and in the text "Tuesday Dec 8, 2026 ⋅ 3pm – 4pm (Eastern Time - New
//!   York)", the Meet link and the guests' addresses;
//! - Outlook and Teams: "When: Tuesday, December 8, 2026 3:00 PM-4:00 PM (UTC-05:00) Eastern Time
//!   (US & Canada)" and a "Join the meeting now" link;
//! - Zoom: "Time: Dec 8, 2026 03:00 PM Eastern Time (US and Canada)";
//! - Calendly: "10:00am - Tuesday, December 8, 2026 (Eastern Time - US & Canada)".
//!
//! The first line with a date (the subject first, then the text) gives the start: the date
//! (month by name, day and year in either order; a missing year is the next such date), the
//! nearest time on that line (after the date, else before it; `3pm`, `3:30 PM`, `15:00`) and
//! the zone written after it. A zone named in words ("Eastern Time", "Central European Time")
//! gets its summer time by its region's rule, since Outlook labels it with the winter offset
//! all year; an abbreviation ("EDT") or an offset ("GMT-4") is exact; an unknown or missing
//! zone leaves the time as written, and the form says to check it. Everything read here is a
//! guess the user reviews; the `.ics` file itself, dropped on the form, is exact.

use super::calendar::is_meeting_link;
use super::guess::is_robot;
use super::types::{Guest, Invitation, InviteError, Start};
use crate::page::invited::Invited;
use chrono::{
    Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday,
};

/// Reads what the form needs from the message. `today` places a date written without its year.
pub fn from_message(message: &Invited, today: NaiveDate) -> Result<Invitation, InviteError> {
    let subject = message.subject.trim();
    let lower = subject.to_ascii_lowercase();
    if CANCELLED.iter().any(|p| lower.starts_with(p)) {
        return Err(InviteError::Cancelled);
    }
    if ANSWERS.iter().any(|p| lower.starts_with(p)) {
        return Err(InviteError::Answer);
    }
    let start = std::iter::once(subject)
        .chain(message.body.lines())
        .find_map(|line| start_in(line, today));
    let organizer = message
        .from
        .iter()
        .filter_map(|p| {
            let email = p.email.as_deref()?.trim().to_ascii_lowercase();
            (!email.is_empty() && !is_robot(&email)).then(|| Guest {
                name: p.name.clone().unwrap_or_default(),
                email,
                resource: false,
            })
        })
        .next();
    let mut guests: Vec<Guest> = Vec::new();
    let mut add = |g: Guest| {
        let known = organizer.as_ref().is_some_and(|o| o.email == g.email)
            || guests.iter().any(|h| h.email == g.email);
        if !known {
            guests.push(g);
        }
    };
    for l in &message.links {
        if let Some(email) = mailto(&l.href) {
            let text = l.text.trim();
            let name = if text.contains('@') || text.len() > 80 {
                String::new()
            } else {
                text.to_string()
            };
            add(Guest {
                name,
                email,
                resource: false,
            });
        }
    }
    for line in message.body.lines() {
        for g in addresses_in(line) {
            add(g);
        }
    }
    let link = message
        .links
        .iter()
        .map(|l| l.href.trim())
        .find(|h| (h.starts_with("https://") || h.starts_with("http://")) && is_meeting_link(h))
        .map(str::to_string)
        .or_else(|| link_in_text(&message.body));
    let summary = summary_of(subject, today);
    if summary.is_empty() && start.is_none() && organizer.is_none() && guests.is_empty() {
        return Err(InviteError::NothingRead);
    }
    Ok(Invitation {
        summary,
        start,
        location: location_in(&message.body),
        description: message.body.clone(),
        link,
        organizer,
        guests,
    })
}

/// Subjects of a message that cancels a meeting.
const CANCELLED: &[&str] = &[
    "canceled event",
    "cancelled event",
    "canceled:",
    "cancelled:",
    "canceled invitation",
    "cancelled invitation",
];
/// Subjects of an answer to an invitation (the user invited someone).
const ANSWERS: &[&str] = &[
    "accepted:",
    "declined:",
    "tentatively accepted:",
    "tentative:",
    "invitation accepted",
    "invitation declined",
];
/// What calendar services put before the title.
const PREFIXES: &[&str] = &[
    "updated invitation with note:",
    "updated invitation:",
    "invitation from google calendar:",
    "invitation:",
    "new event:",
    "confirmed:",
    "updated:",
    "fwd:",
    "fw:",
];

/// The event's title: the subject without the service's prefix ("Invitation:") and the date
/// it appends (" @ Tue Dec 8, 2026 …", " on Tuesday, December 8, 2026").
fn summary_of(subject: &str, today: NaiveDate) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        let Some(p) = PREFIXES.iter().find(|p| lower.starts_with(**p)) else {
            break;
        };
        s = s.get(p.len()..).unwrap_or("").trim_start();
    }
    if let Some(at) = s.rfind(" @ ") {
        if date_in(s.get(at..).unwrap_or(""), today).is_some() {
            s = s.get(..at).unwrap_or(s);
        }
    } else if let Some((_, from, _)) = date_in(s, today) {
        // The weekday before the date goes with it.
        let head = s.get(..from).unwrap_or(s).trim_end_matches([' ', ',']);
        let head = match head.rsplit_once(' ') {
            Some((before, last)) if weekday(last).is_some() => before,
            None if weekday(head).is_some() => "",
            _ => head,
        };
        let head = head.trim_end();
        let head = [" on", " at", " -", " –", " |", ","]
            .iter()
            .find_map(|c| head.strip_suffix(c))
            .unwrap_or(head);
        if !head.trim().is_empty() {
            s = head;
        }
    }
    s.trim().to_string()
}

/// A word of a line, with where it is (bytes).
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// The line's words: runs of ASCII letters, digits and `:` (so "3:30pm" is one word).
fn words(line: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, b) in line.bytes().enumerate().chain([(line.len(), b' ')]) {
        let inside = b.is_ascii_alphanumeric() || b == b':';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let raw = line.get(s..i).unwrap_or("");
                let text = raw.trim_matches(':');
                if !text.is_empty() {
                    let lead = raw.len() - raw.trim_start_matches(':').len();
                    out.push(Word {
                        text,
                        start: s + lead,
                        end: s + lead + text.len(),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month by its English name or its first three letters ("Sept" too).
fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let at = MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w.as_str())))
        .or((w == "sept").then_some(8))?;
    u32::try_from(at + 1).ok()
}

/// A weekday by its English name or its first three letters.
fn weekday(word: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    DAYS.iter()
        .find(|(d, _)| *d == w || (w.len() == 3 && d.starts_with(w.as_str())))
        .map(|(_, d)| *d)
}

/// A day of the month: 1–31, with or without "st", "nd", "rd", "th".
fn day(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| {
            word.to_ascii_lowercase()
                .strip_suffix(s)
                .map(str::to_string)
        })
        .unwrap_or_else(|| word.to_string());
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year from 2000 to 2100.
fn year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (2000..=2100).contains(y))
}

/// The first date in `line`, with the bytes it spans: "Dec 8, 2026", "December 8th",
/// "8 December 2026". Without a year, the next such date from 60 days before `today`.
fn date_in(line: &str, today: NaiveDate) -> Option<(NaiveDate, usize, usize)> {
    let ws = words(line);
    for (i, w) in ws.iter().enumerate() {
        let next = |k: usize| ws.get(i + k).map(|w| w.text);
        let found = match (month(w.text), next(1).and_then(day)) {
            (Some(m), Some(d)) => Some((m, d)),
            _ => match (day(w.text), next(1).and_then(month)) {
                (Some(d), Some(m)) => Some((m, d)),
                _ => None,
            },
        };
        let Some((m, d)) = found else { continue };
        let (y, last) = match next(2).and_then(year) {
            Some(y) => (Some(y), i + 2),
            None => (None, i + 1),
        };
        let end = ws.get(last).map_or(w.end, |w| w.end);
        let date = match y {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d),
            None => {
                let from = today - Duration::days(60);
                [from.year(), from.year() + 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                    .find(|date| *date >= from)
            }
        };
        if let Some(date) = date {
            return Some((date, w.start, end));
        }
    }
    None
}

/// A time at word `i`: "3pm", "3:30pm", "3:30 PM", "03:00 pm", "15:00", "noon"; with the byte
/// where it ends.
fn time_at(ws: &[Word<'_>], i: usize) -> Option<(NaiveTime, usize)> {
    let w = ws.get(i)?;
    let lower = w.text.to_ascii_lowercase();
    if lower == "noon" {
        return Some((NaiveTime::from_hms_opt(12, 0, 0)?, w.end));
    }
    let split = lower
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(lower.len());
    let (digits, suffix) = lower.split_at(split);
    let (meridiem, end) = match suffix {
        "am" | "pm" => (Some(suffix == "pm"), w.end),
        "" => match ws.get(i + 1) {
            Some(n) if n.start <= w.end + 1 && matches!(n.text, "am" | "pm" | "AM" | "PM") => {
                (Some(n.text.eq_ignore_ascii_case("pm")), n.end)
            }
            _ => (None, w.end),
        },
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, Some(m)),
        None => (digits, None),
    };
    let number = |s: &str, max: u32| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    let minute = match m {
        Some(m) if m.len() == 2 => number(m, 59)?,
        Some(_) => return None,
        None => 0,
    };
    let hour = match meridiem {
        Some(pm) => {
            let h = number(h, 12).filter(|h| *h >= 1)?;
            (h % 12) + if pm { 12 } else { 0 }
        }
        // A bare number is no time; "15:00" is.
        None if m.is_some() => number(h, 23)?,
        None => return None,
    };
    Some((NaiveTime::from_hms_opt(hour, minute, 0)?, end))
}

/// The start a line gives: its date, the nearest time on it (after the date, else before), and
/// the zone written after them.
fn start_in(line: &str, today: NaiveDate) -> Option<Start> {
    let (date, from, to) = date_in(line, today)?;
    let ws = words(line);
    let times: Vec<(usize, NaiveTime, usize)> = (0..ws.len())
        .filter(|&i| ws.get(i).is_some_and(|w| w.end <= from || w.start >= to))
        .filter_map(|i| time_at(&ws, i).map(|(t, end)| (ws.get(i).map_or(0, |w| w.start), t, end)))
        .collect();
    let chosen = times
        .iter()
        .find(|(start, ..)| *start >= to)
        .or_else(|| times.iter().rev().find(|(_, _, end)| *end <= from));
    let Some(&(at, time, _)) = chosen else {
        return Some(Start::Day(date));
    };
    let naive = date.and_time(time);
    let rest = line.get(from.min(at)..).unwrap_or("");
    Some(match zone_in(rest, naive) {
        Some((offset, name)) => match offset.from_local_datetime(&naive).single() {
            Some(exact) => Start::At(exact, Some(name)),
            None => Start::Local(naive, Some(name)),
        },
        None => Start::Local(naive, None),
    })
}

/// A region's summer time.
#[derive(Clone, Copy)]
enum Summer {
    /// None.
    No,
    /// The United States and Canada: second Sunday of March to first Sunday of November.
    America,
    /// The European Union and the United Kingdom: last Sunday of March to last Sunday of
    /// October.
    Europe,
}

/// Zones named in words, their winter offset in minutes and summer rule. European names come
/// before American ones ("Eastern European Time" is not "Eastern Time").
const NAMED: &[(&str, i32, Summer)] = &[
    ("central european", 60, Summer::Europe),
    ("western european", 0, Summer::Europe),
    ("eastern european", 120, Summer::Europe),
    ("british", 0, Summer::Europe),
    ("united kingdom time", 0, Summer::Europe),
    ("london", 0, Summer::Europe),
    ("greenwich mean time", 0, Summer::No),
    ("coordinated universal time", 0, Summer::No),
    ("eastern time", -300, Summer::America),
    ("eastern standard time", -300, Summer::America),
    ("eastern daylight time", -300, Summer::America),
    ("central time", -360, Summer::America),
    ("central standard time", -360, Summer::America),
    ("central daylight time", -360, Summer::America),
    ("mountain time", -420, Summer::America),
    ("mountain standard time", -420, Summer::America),
    ("mountain daylight time", -420, Summer::America),
    ("pacific time", -480, Summer::America),
    ("pacific standard time", -480, Summer::America),
    ("pacific daylight time", -480, Summer::America),
    ("india standard time", 330, Summer::No),
    ("japan standard time", 540, Summer::No),
    ("singapore", 480, Summer::No),
    ("china standard time", 480, Summer::No),
];

/// Abbreviations with one offset each (minutes).
const ABBREVIATIONS: &[(&str, i32)] = &[
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("AKST", -540),
    ("AKDT", -480),
    ("HST", -600),
    ("UTC", 0),
    ("GMT", 0),
    ("WET", 0),
    ("WEST", 60),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("JST", 540),
    ("SGT", 480),
    ("AEST", 600),
    ("AEDT", 660),
];

/// The zone written in `text` (from the date or time on), and its offset at wall time `at`:
/// a name in words, else an abbreviation, else "UTC±h[:mm]" / "GMT±h".
fn zone_in(text: &str, at: NaiveDateTime) -> Option<(FixedOffset, String)> {
    let lower = text.to_ascii_lowercase();
    for (name, winter, summer) in NAMED {
        if let Some(i) = lower.find(name) {
            let summer_now = match summer {
                Summer::No => false,
                Summer::America => american_summer(at),
                Summer::Europe => european_summer(at),
            };
            let minutes = winter + if summer_now { 60 } else { 0 };
            let written = text.get(i..i + name.len()).unwrap_or(name).to_string();
            return Some((FixedOffset::east_opt(minutes * 60)?, written));
        }
    }
    for w in words(text) {
        if matches!(w.text, "UTC" | "GMT") {
            if let Some(offset) = offset_after(text.get(w.end..).unwrap_or("")) {
                return Some((offset, format!("{}{}", w.text, offset_label(offset))));
            }
        }
        if let Some((_, minutes)) = ABBREVIATIONS.iter().find(|(a, _)| *a == w.text) {
            return Some((FixedOffset::east_opt(minutes * 60)?, w.text.to_string()));
        }
    }
    None
}

/// "+01:00", "-5", "−04:30", "+0530" right after "UTC"/"GMT".
fn offset_after(rest: &str) -> Option<FixedOffset> {
    let rest = rest.trim_start();
    let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
        (1, d)
    } else if let Some(d) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('−')) {
        (-1, d)
    } else {
        return None;
    };
    let len = digits
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b':')
        .count();
    let raw = digits.get(..len)?.trim_end_matches(':');
    let (h, m) = match raw.split_once(':') {
        Some((h, m)) => (h, m),
        None if raw.len() == 4 => raw.split_at(2),
        None => (raw, "0"),
    };
    let h: i32 = h.parse().ok().filter(|h| (0..=14).contains(h))?;
    let m: i32 = m.parse().ok().filter(|m| (0..60).contains(m))?;
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// "+01:00" for an offset.
fn offset_label(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, secs / 60 % 60)
}

/// Summer time in the United States and Canada at wall time `at`: from 2:00 on the second Sunday
/// of March to 2:00 on the first Sunday of November.
fn american_summer(at: NaiveDateTime) -> bool {
    let y = at.year();
    let two = NaiveTime::from_hms_opt(2, 0, 0).unwrap_or(NaiveTime::MIN);
    let from = NaiveDate::from_weekday_of_month_opt(y, 3, Weekday::Sun, 2).map(|d| d.and_time(two));
    let to = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Sun, 1).map(|d| d.and_time(two));
    matches!((from, to), (Some(f), Some(t)) if at >= f && at < t)
}

/// Summer time in Europe at wall time `at`: from the last Sunday of March to the last Sunday of
/// October (the change is at 1:00 UTC; the wall hour of the change is taken as 2:00).
fn european_summer(at: NaiveDateTime) -> bool {
    let y = at.year();
    let last_sunday = |month: u32| {
        let next = NaiveDate::from_ymd_opt(y, month + 1, 1)?;
        let mut d = next - Duration::days(1);
        while d.weekday() != Weekday::Sun {
            d -= Duration::days(1);
        }
        d.and_hms_opt(2, 0, 0)
    };
    matches!((last_sunday(3), last_sunday(10)), (Some(f), Some(t)) if at >= f && at < t)
}

/// The address of a `mailto:` link, lowercase, without its query.
fn mailto(href: &str) -> Option<String> {
    let rest = href.trim();
    let rest = rest
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
        .and_then(|_| rest.get(7..))?;
    let address = rest.split(['?', ',']).next()?.replace("%40", "@");
    is_address(&address).then(|| address.to_ascii_lowercase())
}

/// Whether `s` looks like one e-mail address.
fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && s.len() <= 254
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"@.-_+'".contains(&b))
        && !domain.contains('@')
}

/// The addresses written in a line, with the name before each one written as
/// "Name <address>" (after any "Label:").
fn addresses_in(line: &str) -> Vec<Guest> {
    let mut out = Vec::new();
    let mut from = 0;
    for piece in line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '"'))
    {
        let start = line
            .get(from..)
            .and_then(|r| r.find(piece))
            .map_or(from, |i| from + i);
        from = start + piece.len();
        let bracketed = piece.starts_with('<');
        let address = piece.trim_matches(|c: char| matches!(c, '<' | '>' | '.' | ':'));
        if !address.contains('@') || !is_address(address) {
            continue;
        }
        let name = if bracketed {
            let before = line.get(..start).unwrap_or("");
            let before = before.rsplit_once(':').map_or(before, |(_, b)| b);
            let before = before
                .rsplit_once(['>', ',', ';'])
                .map_or(before, |(_, b)| b);
            let name = before.trim().trim_matches('"').trim();
            if name.len() <= 80 && !name.contains('@') {
                name.to_string()
            } else {
                String::new()
            }
        } else {
            String::new()
        };
        out.push(Guest {
            name,
            email: address.to_ascii_lowercase(),
            resource: false,
        });
    }
    out
}

/// A meeting link written in the text: an `https://` address on a meeting host, or one written
/// without its scheme ("meet.google.com/abc-defg-hij").
fn link_in_text(body: &str) -> Option<String> {
    body.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ',', ';']))
        .filter(|w| w.contains('.') && w.contains('/'))
        .find_map(|w| {
            let url = if w.starts_with("https://") || w.starts_with("http://") {
                w.to_string()
            } else {
                format!("https://{w}")
            };
            is_meeting_link(&url).then_some(url)
        })
}

/// Where, when the text says it on a "Where:", "Location:" or "Address:" line (or on the line
/// after one that says only that).
fn location_in(body: &str) -> String {
    let mut lines = body.lines().map(str::trim);
    while let Some(line) = lines.next() {
        for label in ["where", "location", "address"] {
            let lower = line.to_ascii_lowercase();
            if let Some(rest) = lower.strip_prefix(label) {
                if let Some(value) = rest.strip_prefix(':') {
                    let at = line.len() - value.len();
                    let value = line.get(at..).unwrap_or("").trim();
                    if !value.is_empty() {
                        return value.to_string();
                    }
                    return lines.next().unwrap_or("").to_string();
                }
                if rest.is_empty() {
                    return lines.next().unwrap_or("").to_string();
                }
            }
        }
    }
    String::new()
}

#[cfg(test)]
mod tests;
