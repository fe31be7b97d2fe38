//! Reading iCalendar text: the first event, its people and meeting link, and its start placed
//! in time with the invitation's own `VTIMEZONE`.

use super::types::{Guest, Invitation, InviteError, Start, MAX_BYTES};
use chrono::{
    Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday,
};
use ical::parser::ical::component::{IcalEvent, IcalTimeZone};
use ical::property::Property;

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
pub(super) fn unfold(text: &str) -> String {
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
pub(super) fn is_meeting_link(url: &str) -> bool {
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
pub(super) fn fixed_zone(tzid: &str) -> Option<FixedOffset> {
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
pub(super) fn basic_date(raw: &str) -> Option<NaiveDate> {
    if raw.len() != 8 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| raw.get(r).and_then(|d| d.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(4..6)?, num(6..8)?)
}

/// `YYYYMMDDTHHMMSS` (or without seconds).
pub(super) fn local_time(raw: &str) -> Option<NaiveDateTime> {
    let (date, time) = raw.split_once(['T', 't'])?;
    if !matches!(time.len(), 4 | 6) || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| time.get(r).and_then(|d| d.parse::<u32>().ok());
    let time = NaiveTime::from_hms_opt(num(0..2)?, num(2..4)?, num(4..6).unwrap_or(0))?;
    Some(basic_date(date)?.and_time(time))
}

/// `+HHMM`, `-HHMM` or `+HHMMSS`.
pub(super) fn utc_offset(raw: &str) -> Option<FixedOffset> {
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
pub(super) fn offset_in(zone: &IcalTimeZone, at: NaiveDateTime) -> Option<FixedOffset> {
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
pub(super) fn yearly_onset(rule: &str, year: i32, time: NaiveTime) -> Option<NaiveDateTime> {
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
