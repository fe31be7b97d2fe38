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

mod calendar;
mod guess;
mod message;
mod types;

use crate::case::Lowercase as _;
use crate::ui::form::{InterviewForm, PersonForm, MAX_PEOPLE};
pub use calendar::{read, unescape};
use chrono::{FixedOffset, NaiveDateTime};
use guess::{company_in, first_last, is_phone, is_robot, name_from_email, role_in, stage_in};
pub use message::from_message;
pub use types::{Guest, Invitation, InviteError, Me, Start, MAX_BYTES};

/// A filled form and what the user should check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefill {
    /// The form, to review and save.
    pub form: InterviewForm,
    /// Plain sentences: a guessed or missing time zone, a whole-day event, people left out.
    pub notes: Vec<String>,
}

/// Fills the "Add interview" form from an invitation. `local` is the user's UTC offset: the form
/// shows times in it.
pub fn prefill(inv: &Invitation, me: &Me, local: FixedOffset) -> Prefill {
    let mut notes = Vec::new();
    let mut form = InterviewForm::default();
    let me_email = me.email.trim().to_ascii_lowercase();
    let me_name = me.name.trim().lowercase();
    // People: the organizer first, then the guests; not the user, rooms or robots; once each.
    let mut people: Vec<PersonForm> = Vec::new();
    let mut left_out = 0;
    // Without the user's address (a first run, before Settings), the user is the guest outside
    // the organizer's company who is named by an address only ("sam@example.org"): the row it
    // would make has no name, and could not be saved.
    let company_domain = inv
        .organizer
        .as_ref()
        .filter(|o| guess::company_label(&o.email).is_some())
        .and_then(|o| o.email.rsplit_once('@'))
        .map(|(_, d)| d.to_string());
    let mut taken_for_me: Vec<&str> = Vec::new();
    for g in inv.organizer.iter().chain(&inv.guests) {
        let is_me = (!me_email.is_empty() && g.email == me_email)
            || (!me_name.is_empty() && g.name.trim().lowercase() == me_name);
        if is_me || g.resource || is_robot(&g.email) {
            continue;
        }
        let outside = company_domain
            .as_deref()
            .is_some_and(|d| g.email.rsplit_once('@').is_some_and(|(_, at)| at != d));
        let unnamed = g.name.trim().is_empty() || g.name.contains('@');
        if me_email.is_empty() && outside && unnamed {
            taken_for_me.push(&g.email);
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
    if !taken_for_me.is_empty() {
        notes.push(format!(
            "Left out {}, taken to be you (outside {} and named only by an address); add them if not. Your email in Settings makes this certain.",
            taken_for_me.join(", "),
            company_domain.as_deref().unwrap_or_default()
        ));
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
