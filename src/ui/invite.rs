//! Calendar invitations (iCalendar, RFC 5545) read into the "Add interview" form.
//!
//! The `ical` crate reads the text (line unfolding, parameters, components); this module reads
//! what an interview needs from the first event: its start with the right UTC offset, the place
//! or video link, and the people. It then guesses, from the invitation alone, what the form
//! asks: the company (the guests' company domain, spelled as the title spells it), the role and
//! the stage (from the title), the format, and the interviewers (everyone invited but the user,
//! rooms and scheduling robots). Nothing is saved: the user reviews the filled form.
//!
//! Times: a UTC time (`…Z`) is exact; a time with a `TZID` is placed with the `VTIMEZONE` the
//! invitation carries (its yearly `STANDARD`/`DAYLIGHT` rules: nth or last weekday of a month, or
//! month days and a weekday); a floating time is taken as the user's; a whole-day event gets
//! 9:00 and a note. Recurrence is ignored (an interview is one meeting). The form shows the time
//! in the user's own offset, with a note naming the invitation's zone when it differs.
//!
//! ```
//! use followup::ui::invite::{read, prefill, Me};
//! let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Product Manager interview - Acme\r\n\
//!            DTSTART:20261208T150000Z\r\nLOCATION:https://meet.google.com/abc-defg-hij\r\n\
//!            ORGANIZER;CN=Dana Lee:mailto:dana.lee@acme.com\r\n\
//!            ATTENDEE;CN=Sam Rivera:mailto:sam@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
//! let invitation = read(ics).unwrap();
//! let me = Me { name: "Sam Rivera".into(), email: "sam@example.org".into() };
//! let utc = chrono::FixedOffset::east_opt(0).unwrap();
//! let filled = prefill(&invitation, &me, utc);
//! assert_eq!(filled.form.company, "Acme");
//! assert_eq!(filled.form.role, "Product Manager");
//! assert_eq!(filled.form.at, "2026-12-08T15:00");
//! assert_eq!(filled.form.format, "video");
//! assert_eq!(filled.form.people[0].name, "Dana Lee");
//! ```

use crate::ui::form::{InterviewForm, PersonForm, MAX_PEOPLE};
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Weekday,
};
use ical::parser::ical::component::{IcalEvent, IcalTimeZone};
use ical::property::Property;

/// Largest invitation read (a real one is a few kilobytes; a 10 MB paste is refused, not read).
pub const MAX_BYTES: usize = 1 << 20;

/// When the event starts, as the invitation says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// An exact time (UTC, or a zone the invitation describes); the zone's name when it had one.
    At(DateTime<FixedOffset>, Option<String>),
    /// A wall-clock time: floating (no zone), or in a zone the invitation names but does not
    /// describe (the name is kept for the note).
    Local(NaiveDateTime, Option<String>),
    /// A whole day.
    Day(NaiveDate),
}

/// Someone on the invitation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guest {
    /// Display name (`CN`), empty when there is none.
    pub name: String,
    /// E-mail address (from `mailto:`), lowercase.
    pub email: String,
    /// A room or other resource rather than a person (`CUTYPE=ROOM|RESOURCE`).
    pub resource: bool,
}

/// What the form needs from an invitation's event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invitation {
    /// The event's title (`SUMMARY`).
    pub summary: String,
    /// Its start.
    pub start: Option<Start>,
    /// Where (`LOCATION`).
    pub location: String,
    /// The description (`DESCRIPTION`).
    pub description: String,
    /// A meeting link (`URL`, a conference property, or the first link in the location or
    /// description on a known meeting host).
    pub link: Option<String>,
    /// Who sent it.
    pub organizer: Option<Guest>,
    /// Who is invited.
    pub guests: Vec<Guest>,
}

/// Why an invitation could not be read; each says it in words for the popup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteError {
    /// Not iCalendar at all.
    #[error(
        "This is not a calendar invitation (an .ics file, or text starting with BEGIN:VCALENDAR)."
    )]
    NotCalendar,
    /// Over [`MAX_BYTES`].
    #[error("This is too big to be one invitation (over 1 MB); nothing was filled in.")]
    TooBig,
    /// A calendar without an event.
    #[error("This calendar file has no event in it.")]
    NoEvent,
    /// The event was cancelled.
    #[error("This invitation cancels a meeting; there is nothing to track.")]
    Cancelled,
    /// The parser refused the text.
    #[error("This invitation could not be read: {0}")]
    Unreadable(String),
}

/// The user, left out of the interviewers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Me {
    /// The name in the profile (may be empty).
    pub name: String,
    /// The e-mail address in the profile (may be empty).
    pub email: String,
}

/// A filled form and what the user should check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefill {
    /// The form, to review and save.
    pub form: InterviewForm,
    /// Plain sentences: a guessed or missing time zone, a whole-day event, people left out.
    pub notes: Vec<String>,
}

/// Reads the first event of an iCalendar text.
pub fn read(text: &str) -> Result<Invitation, InviteError> {
    if text.len() > MAX_BYTES {
        return Err(InviteError::TooBig);
    }
    let text = text.trim_start_matches('\u{feff}');
    if !text
        .trim_start()
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Err(InviteError::NotCalendar);
    }
    let unfolded = unfold(text);
    let mut parser = ical::IcalParser::new(unfolded.as_bytes());
    let calendar = match parser.next() {
        Some(Ok(c)) => c,
        Some(Err(e)) => return Err(InviteError::Unreadable(e.to_string())),
        None => return Err(InviteError::NotCalendar),
    };
    let method = value(&calendar.properties, "METHOD").unwrap_or_default();
    let event = calendar.events.first().ok_or(InviteError::NoEvent)?;
    let status = value(&event.properties, "STATUS").unwrap_or_default();
    if method.eq_ignore_ascii_case("CANCEL") || status.eq_ignore_ascii_case("CANCELLED") {
        return Err(InviteError::Cancelled);
    }
    Ok(Invitation {
        summary: text_value(event, "SUMMARY"),
        start: start(event, &calendar.timezones),
        location: text_value(event, "LOCATION"),
        description: text_value(event, "DESCRIPTION"),
        link: link(event),
        organizer: property(&event.properties, "ORGANIZER").and_then(guest),
        guests: event
            .properties
            .iter()
            .filter(|p| p.name.eq_ignore_ascii_case("ATTENDEE"))
            .filter_map(guest)
            .collect(),
    })
}

/// RFC 5545 unfolding: a line break followed by one space or tab is removed, and nothing else.
/// Done before the `ical` crate reads the text: its reader trims each physical line's trailing
/// spaces before joining, which glues words together wherever a calendar folded after a space
/// ("the Product " + " Manager" → "ProductManager").
fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\n') {
        let (line, after) = rest.split_at(at);
        let after = after.get(1..).unwrap_or("");
        if after.starts_with([' ', '\t']) {
            out.push_str(line.strip_suffix('\r').unwrap_or(line));
            rest = after.get(1..).unwrap_or("");
        } else {
            out.push_str(line);
            out.push('\n');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The first property named `name`.
fn property<'p>(props: &'p [Property], name: &str) -> Option<&'p Property> {
    props.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

/// The raw value of the first property named `name`.
fn value(props: &[Property], name: &str) -> Option<String> {
    property(props, name).and_then(|p| p.value.clone())
}

/// The first value of parameter `name` of `p`.
fn param<'p>(p: &'p Property, name: &str) -> Option<&'p str> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first())
        .map(|v| v.trim_matches('"'))
}

/// A TEXT value with its escapes (`\n`, `\,`, `\;`, `\\`) undone.
fn text_value(event: &IcalEvent, name: &str) -> String {
    unescape(&value(&event.properties, name).unwrap_or_default())
}

/// Undoes RFC 5545 TEXT escapes.
pub fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out.trim().to_string()
}

/// An `ORGANIZER` or `ATTENDEE`: its `CN` and `mailto:` address.
fn guest(p: &Property) -> Option<Guest> {
    let raw = p.value.as_deref().unwrap_or("").trim();
    let email = raw
        .get(..7)
        .filter(|head| head.eq_ignore_ascii_case("mailto:"))
        .map_or(raw, |_| raw.get(7..).unwrap_or(""))
        .trim()
        .to_ascii_lowercase();
    let name = param(p, "CN").map(unescape).unwrap_or_default();
    if email.is_empty() && name.is_empty() {
        return None;
    }
    let resource = param(p, "CUTYPE")
        .is_some_and(|t| t.eq_ignore_ascii_case("ROOM") || t.eq_ignore_ascii_case("RESOURCE"));
    Some(Guest {
        name,
        email,
        resource,
    })
}

/// Hosts of meeting links: a link there makes the interview a video call.
const VIDEO_HOSTS: &[&str] = &[
    "zoom.us",
    "meet.google.com",
    "teams.microsoft.com",
    "teams.live.com",
    "webex.com",
    "whereby.com",
    "bluejeans.com",
    "chime.aws",
    "gotomeeting.com",
    "meet.jit.si",
];

/// Whether `url` is on a meeting host.
fn is_meeting_link(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    VIDEO_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

/// The links (`http://`, `https://`) in `text`, in order.
fn links(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')'))
        .filter(|w| w.starts_with("https://") || w.starts_with("http://"))
        .map(|w| w.trim_end_matches(['.', ',', ';']))
}

/// The meeting link: `URL` or a conference property when it is on a meeting host, else the first
/// meeting-host link in the location or the description.
fn link(event: &IcalEvent) -> Option<String> {
    let direct = [
        "URL",
        "X-GOOGLE-CONFERENCE",
        "CONFERENCE",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    ]
    .iter()
    .filter_map(|n| value(&event.properties, n))
    .find(|v| is_meeting_link(v));
    direct.or_else(|| {
        let location = text_value(event, "LOCATION");
        let description = text_value(event, "DESCRIPTION");
        let found = links(&location)
            .chain(links(&description))
            .find(|l| is_meeting_link(l))
            .map(str::to_string);
        found
    })
}

/// `DTSTART`, placed in time.
fn start(event: &IcalEvent, zones: &[IcalTimeZone]) -> Option<Start> {
    let p = property(&event.properties, "DTSTART")?;
    let raw = p.value.as_deref()?.trim();
    let is_date =
        param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || raw.len() == 8;
    if is_date {
        return basic_date(raw).map(Start::Day);
    }
    if let Some(utc) = raw.strip_suffix(['Z', 'z']) {
        let naive = local_time(utc)?;
        return Some(Start::At(
            chrono::Utc.from_utc_datetime(&naive).fixed_offset(),
            None,
        ));
    }
    let naive = local_time(raw)?;
    let Some(tzid) = param(p, "TZID").map(str::to_string) else {
        return Some(Start::Local(naive, None));
    };
    let offset = zones
        .iter()
        .find(|z| value(&z.properties, "TZID").is_some_and(|id| id.trim_matches('"') == tzid))
        .and_then(|z| offset_in(z, naive))
        .or_else(|| fixed_zone(&tzid));
    match offset.and_then(|o| o.from_local_datetime(&naive).earliest()) {
        Some(at) => Some(Start::At(at, Some(tzid))),
        None => Some(Start::Local(naive, Some(tzid))),
    }
}

/// Zone names that are fixed offsets whatever the date ("UTC", "Etc/GMT", "GMT+01:00").
fn fixed_zone(tzid: &str) -> Option<FixedOffset> {
    let id = tzid.trim().to_ascii_uppercase();
    if matches!(
        id.as_str(),
        "UTC" | "GMT" | "Z" | "ETC/UTC" | "ETC/GMT" | "UNIVERSAL"
    ) {
        return FixedOffset::east_opt(0);
    }
    None
}

/// `YYYYMMDD` (no strftime in the module: DESIGN.md, "Dates without strftime").
fn basic_date(raw: &str) -> Option<NaiveDate> {
    if raw.len() != 8 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| raw.get(r).and_then(|d| d.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(4..6)?, num(6..8)?)
}

/// `YYYYMMDDTHHMMSS` (or without seconds).
fn local_time(raw: &str) -> Option<NaiveDateTime> {
    let (date, time) = raw.split_once(['T', 't'])?;
    if !matches!(time.len(), 4 | 6) || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| time.get(r).and_then(|d| d.parse::<u32>().ok());
    let time = NaiveTime::from_hms_opt(num(0..2)?, num(2..4)?, num(4..6).unwrap_or(0))?;
    Some(basic_date(date)?.and_time(time))
}

/// `+HHMM`, `-HHMM` or `+HHMMSS`.
fn utc_offset(raw: &str) -> Option<FixedOffset> {
    let raw = raw.trim();
    let (sign, digits) = match raw.as_bytes().first()? {
        b'+' => (1, raw.get(1..)?),
        b'-' => (-1, raw.get(1..)?),
        _ => (1, raw),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 4 | 6) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<i32>().ok());
    let secs = part(0..2)? * 3600 + part(2..4)? * 60 + part(4..6).unwrap_or(0);
    FixedOffset::east_opt(sign * secs)
}

/// The offset a `VTIMEZONE` gives at wall-clock time `at`: the observance (`STANDARD` or
/// `DAYLIGHT`) whose latest onset is at or before `at`.
fn offset_in(zone: &IcalTimeZone, at: NaiveDateTime) -> Option<FixedOffset> {
    let mut best: Option<(NaiveDateTime, FixedOffset)> = None;
    for t in &zone.transitions {
        let Some(offset) = value(&t.properties, "TZOFFSETTO").and_then(|v| utc_offset(&v)) else {
            continue;
        };
        let Some(first) = value(&t.properties, "DTSTART").and_then(|v| local_time(v.trim())) else {
            continue;
        };
        let rule = value(&t.properties, "RRULE");
        let mut onsets: Vec<NaiveDateTime> = vec![first];
        if let Some(rule) = rule.as_deref() {
            for year in [at.year() - 1, at.year()] {
                if let Some(onset) = yearly_onset(rule, year, first.time()) {
                    if onset >= first {
                        onsets.push(onset);
                    }
                }
            }
        }
        for rdate in event_dates(&t.properties, "RDATE") {
            onsets.push(rdate);
        }
        for onset in onsets.into_iter().filter(|o| *o <= at) {
            if best.is_none_or(|(b, _)| onset > b) {
                best = Some((onset, offset));
            }
        }
    }
    best.map(|(_, offset)| offset)
}

/// The date-times of every `name` property (comma-separated lists allowed).
fn event_dates(props: &[Property], name: &str) -> Vec<NaiveDateTime> {
    props
        .iter()
        .filter(|p| p.name.eq_ignore_ascii_case(name))
        .filter_map(|p| p.value.as_deref())
        .flat_map(|v| v.split(','))
        .filter_map(|v| local_time(v.trim()))
        .collect()
}

/// The onset in `year` of a yearly rule (`FREQ=YEARLY;BYMONTH=3;BYDAY=2SU`, `BYDAY=-1SU`, or
/// `BYMONTHDAY=8,9,…;BYDAY=SU`), at `time`; `None` past its `UNTIL` or for other rules.
fn yearly_onset(rule: &str, year: i32, time: NaiveTime) -> Option<NaiveDateTime> {
    let part = |key: &str| {
        rule.split(';').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            k.trim().eq_ignore_ascii_case(key).then(|| v.trim())
        })
    };
    if !part("FREQ")?.eq_ignore_ascii_case("YEARLY") {
        return None;
    }
    let month: u32 = part("BYMONTH")?.parse().ok()?;
    let byday = part("BYDAY")?;
    let (n, day) = byday.split_at(byday.len().checked_sub(2)?);
    let weekday = match day.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    };
    let date = if let Some(days) = part("BYMONTHDAY") {
        days.split(',')
            .filter_map(|d| d.trim().parse::<u32>().ok())
            .filter_map(|d| NaiveDate::from_ymd_opt(year, month, d))
            .filter(|d| d.weekday() == weekday)
            .min()?
    } else {
        match n.trim_start_matches('+').parse::<i32>().unwrap_or(1) {
            n @ 1..=5 => NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)?,
            -1 => {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)?
                };
                let mut d = next - Duration::days(1);
                while d.weekday() != weekday {
                    d -= Duration::days(1);
                }
                d
            }
            _ => return None,
        }
    };
    let onset = date.and_time(time);
    let until = part("UNTIL").and_then(|u| {
        local_time(u.trim_end_matches(['Z', 'z']))
            .or_else(|| basic_date(u).and_then(|d| d.and_hms_opt(23, 59, 59)))
    });
    until.is_none_or(|u| onset <= u).then_some(onset)
}

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
fn company_label(email: &str) -> Option<String> {
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
fn title_case(label: &str) -> String {
    label
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scheduling robots and shared inboxes: never an interviewer.
fn is_robot(email: &str) -> bool {
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
fn name_from_email(email: &str) -> String {
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
fn first_last(name: &str) -> String {
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
fn title_pieces(summary: &str) -> Vec<String> {
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
fn names_someone(piece: &str, names: &[String]) -> bool {
    let lower = piece.to_lowercase();
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .any(|n| lower.contains(&n.to_lowercase()))
}

/// The role in a meeting title: the piece with a job word, without meeting words, the company
/// or people's names ("Product Manager interview - Acme" → "Product Manager").
fn role_in(summary: &str, company: &str, people: &[String]) -> String {
    let company = company.to_lowercase();
    let bare = |w: &str| {
        w.to_lowercase()
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
fn company_in(inv: &Invitation, me: &Me, people: &[String]) -> String {
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
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
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
fn stage_in(summary: &str) -> &'static str {
    let lower = summary.to_lowercase();
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
fn is_phone(location: &str) -> bool {
    let lower = location.to_lowercase();
    lower.starts_with("tel:")
        || lower.contains("phone")
        || (location.chars().filter(char::is_ascii_digit).count() >= 7
            && location
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c)))
}

/// Fills the "Add interview" form from an invitation. `local` is the user's UTC offset: the form
/// shows times in it.
pub fn prefill(inv: &Invitation, me: &Me, local: FixedOffset) -> Prefill {
    let mut notes = Vec::new();
    let mut form = InterviewForm::default();
    let me_email = me.email.trim().to_ascii_lowercase();
    let me_name = me.name.trim().to_lowercase();
    // People: the organizer first, then the guests; not the user, rooms or robots; once each.
    let mut people: Vec<PersonForm> = Vec::new();
    let mut left_out = 0;
    for g in inv.organizer.iter().chain(&inv.guests) {
        let is_me = (!me_email.is_empty() && g.email == me_email)
            || (!me_name.is_empty() && g.name.trim().to_lowercase() == me_name);
        if is_me || g.resource || is_robot(&g.email) {
            continue;
        }
        if people.iter().any(|p| {
            (!g.email.is_empty() && p.email == g.email) || (g.email.is_empty() && p.name == g.name)
        }) {
            continue;
        }
        if people.len() == MAX_PEOPLE {
            left_out += 1;
            continue;
        }
        let name = if g.name.is_empty() || g.name.contains('@') {
            name_from_email(&g.email)
        } else {
            first_last(&g.name)
        };
        people.push(PersonForm {
            name,
            email: g.email.clone(),
            ..PersonForm::default()
        });
    }
    if left_out > 0 {
        notes.push(format!(
            "{} more guests were left out: a form holds {MAX_PEOPLE} people.",
            left_out
        ));
    }
    if let Some(first) = people.first_mut() {
        first.primary = true;
    }
    let names: Vec<String> = people
        .iter()
        .map(|p| p.name.clone())
        .chain([me.name.clone()])
        .collect();
    form.company = company_in(inv, me, &names);
    form.role = role_in(&inv.summary, &form.company, &names);
    form.stage = stage_in(&inv.summary).to_string();
    form.format = if inv.link.is_some() {
        "video".into()
    } else if is_phone(&inv.location) {
        "phone".into()
    } else if !inv.location.trim().is_empty() && !inv.location.contains("://") {
        "onsite".into()
    } else {
        String::new()
    };
    let input = |t: NaiveDateTime| crate::dates::input_date_time(&t);
    match &inv.start {
        Some(Start::At(at, zone)) => {
            let mine = at.with_timezone(&local);
            form.at = input(mine.naive_local());
            if at.offset() != &local {
                let theirs = crate::dates::input_date_time(&at.naive_local()).replace('T', " ");
                let zone = zone.as_deref().map_or(String::new(), |z| format!(" {z}"));
                notes.push(format!(
                    "The time is shown in your time zone; the invitation says {theirs}{zone} (UTC{}).",
                    at.offset()
                ));
            }
        }
        Some(Start::Local(naive, zone)) => {
            form.at = input(*naive);
            if let Some(zone) = zone {
                notes.push(format!(
                    "The invitation gives the time in {zone} without describing that zone; check the time."
                ));
            }
        }
        Some(Start::Day(day)) => {
            form.at = day.and_hms_opt(9, 0, 0).map(input).unwrap_or_default();
            notes.push("The invitation is for a whole day; set the time of the interview.".into());
        }
        None => notes.push("The invitation has no start time; add it.".into()),
    }
    if form.company.is_empty() {
        notes.push("The company could not be told from the invitation; add it.".into());
    }
    form.people = people;
    Prefill { form, notes }
}

#[cfg(test)]
mod tests;
