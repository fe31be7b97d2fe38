//! The scheduling rules (in words: `docs/follow-up-rules.md`, "When each follow-up is due"):
//! which follow-ups an interview still needs, when, and why.
//!
//! How events are matched to items:
//! - a `sent` thank-you addressed to an interviewer completes that person's thank-you; one
//!   addressed to nobody completes every open thank-you of the interview (one mail to all);
//! - a `sent` status check or nudge advances the chain: status check → nudge 1 → nudge 2 →
//!   `move-on`; a `sent` move-on closes the chain;
//! - a `sent` without `follow_up` completes the recipient's open thank-you if there is one,
//!   otherwise it counts as the next step of the chain;
//! - any `reply` stops the chain; the latest reply decides whether a `rejection-reply`
//!   (negative) or `positive-reply` (positive) is owed, completed by a `sent` of that kind
//!   made at or after the reply.
//!
//! Thank-yous are per person and are not stopped by a reply.

use super::calendar::{after_holiday_season, in_holiday_season, Calendar};
use super::item::{Due, Status};
use crate::model::{Event, EventKind, Industry, Interview, Interviewer, Kind, Outcome, Store};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta};

/// Business days to wait after a follow-up before the next nudge.
const NUDGE_AFTER: u32 = 5;
/// Business days after the decision date before asking.
const AFTER_DECISION: u32 = 2;
/// Nudges after the status check before moving on.
const MAX_NUDGES: usize = 2;
/// Days a non-thank-you item stays `due` before it is `overdue`.
const DUE_WINDOW_DAYS: i64 = 3;
/// Hour of day (local to the interview) of calendar-based items.
const MORNING: u32 = 9;

/// An open item plus what the calendar export needs to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The item itself.
    pub item: Due,
    /// Index of its interview in `store.interviews`.
    pub interview: usize,
    /// 1-based number of this kind for this interview and person (nudge 1 or 2, …); with the
    /// ids and the kind it makes a stable calendar UID.
    pub sequence: u32,
}

/// [`super::schedule`] with the extra data of [`Planned`], soonest first.
pub fn plan(store: &Store, now: DateTime<FixedOffset>) -> Vec<Planned> {
    let calendar = Calendar::with_days_off(store.profile.holidays.iter().copied());
    let mut out = Vec::with_capacity(store.interviews.len() * 3);
    for (index, interview) in store.interviews.iter().enumerate() {
        Planner {
            interview,
            index,
            calendar: &calendar,
            now,
            out: &mut out,
        }
        .run();
    }
    // Stable: equal times keep store order, so output is deterministic.
    crate::order::sort_by_key(&mut out, |p| p.item.due);
    out
}

/// How long to wait for news when no decision date was given.
fn cadence(industry: Industry) -> (u32, Option<&'static str>) {
    match industry {
        Industry::Tech | Industry::Startup | Industry::Retail | Industry::Hospitality => {
            (5, Some("usually moves within a week"))
        }
        Industry::Finance
        | Industry::Healthcare
        | Industry::Government
        | Industry::Education
        | Industry::Corporate => (10, Some("often takes two weeks")),
        Industry::Other => (7, None),
    }
}

struct Planner<'a> {
    interview: &'a Interview,
    index: usize,
    calendar: &'a Calendar,
    now: DateTime<FixedOffset>,
    out: &'a mut Vec<Planned>,
}

/// What the events of one interview say, in time order.
struct History<'a> {
    /// Per interviewer (or one slot when none is listed): thank-you sent.
    thanked: Vec<bool>,
    /// Times of sent status checks and nudges, in the interview's offset.
    chain: Vec<DateTime<FixedOffset>>,
    moved_on: bool,
    last_reply: Option<&'a Event>,
    /// Replies with the same outcome as the last one, including it.
    same_outcome_replies: u32,
    answers: Vec<(Kind, DateTime<FixedOffset>)>,
}

impl<'a> Planner<'a> {
    fn run(mut self) {
        let history = self.history();
        self.thank_yous(&history.thanked);
        if let Some(reply) = history.last_reply {
            self.answer(reply, history.same_outcome_replies, &history.answers);
        } else if !history.moved_on {
            self.chain(&history.chain);
        }
    }

    fn local(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        t.with_timezone(self.interview.at.offset())
    }

    fn history(&self) -> History<'a> {
        let interview = self.interview;
        let mut events: Vec<&'a Event> = interview.events.iter().collect();
        crate::order::sort_by_key(&mut events, |e| e.at);
        let mut h = History {
            thanked: vec![false; interview.interviewers.len().max(1)],
            chain: Vec::new(),
            moved_on: false,
            last_reply: None,
            same_outcome_replies: 0,
            answers: Vec::new(),
        };
        for event in events {
            match (event.kind, event.follow_up) {
                (EventKind::Reply, _) => {
                    let same = h.last_reply.is_some_and(|r| r.outcome == event.outcome);
                    h.same_outcome_replies = if same { h.same_outcome_replies + 1 } else { 1 };
                    h.last_reply = Some(event);
                }
                (EventKind::Sent, Some(Kind::ThankYou)) => {
                    mark_thanked(&mut h.thanked, &interview.interviewers, event);
                }
                (EventKind::Sent, Some(Kind::StatusCheck | Kind::Nudge)) => {
                    h.chain.push(self.local(event.at));
                }
                (EventKind::Sent, Some(Kind::MoveOn)) => h.moved_on = true,
                (EventKind::Sent, Some(kind @ (Kind::RejectionReply | Kind::PositiveReply))) => {
                    h.answers.push((kind, event.at));
                }
                (EventKind::Sent, Some(Kind::AdditionalInfo | Kind::NextSteps)) => {}
                (EventKind::Sent, None) => {
                    if !mark_thanked(&mut h.thanked, &interview.interviewers, event) {
                        h.chain.push(self.local(event.at));
                    }
                }
            }
        }
        h
    }

    fn push(
        &mut self,
        kind: Kind,
        to: Option<&Interviewer>,
        due: DateTime<FixedOffset>,
        sequence: u32,
        reason: String,
    ) {
        let status = match kind {
            Kind::ThankYou => thank_you_status(self.interview.at, due, self.now),
            _ => status(due, self.now),
        };
        self.out.push(Planned {
            item: Due {
                interview: self.interview.id.clone(),
                interviewer: to.map(|p| p.id.clone()),
                kind,
                due,
                status,
                reason,
            },
            interview: self.index,
            sequence,
        });
    }

    fn thank_yous(&mut self, thanked: &[bool]) {
        let interview = self.interview;
        let Some(due) = interview.at.checked_add_signed(TimeDelta::hours(24)) else {
            return;
        };
        let when = format!(
            "within 24 hours of your {} interview on {}",
            interview.company,
            short_date(interview.at.date_naive())
        );
        if interview.interviewers.is_empty() {
            if thanked.first() == Some(&false) {
                self.push(
                    Kind::ThankYou,
                    None,
                    due,
                    1,
                    format!("Thank your interviewer {when}"),
                );
            }
            return;
        }
        for (person, done) in interview.interviewers.iter().zip(thanked) {
            if !done {
                let reason = format!("Thank {} {when}", display_name(person));
                self.push(Kind::ThankYou, Some(person), due, 1, reason);
            }
        }
    }

    fn chain(&mut self, sent: &[DateTime<FixedOffset>]) {
        let to = self.interview.primary_interviewer();
        let Some(last) = sent.last() else {
            if let Some((due, reason)) = self.status_check() {
                self.push(Kind::StatusCheck, to, due, 1, reason);
            }
            return;
        };
        let Some(due) = self
            .calendar
            .add_business_days(last.date_naive(), NUDGE_AFTER)
            .and_then(|d| at_morning(d, *self.interview.at.offset()))
        else {
            return;
        };
        let n = sent.len();
        if n <= MAX_NUDGES {
            let previous = if n == 1 {
                "status check"
            } else {
                "first nudge"
            };
            let reason = format!(
                "No reply to your {previous} of {}; {} (nudge {n} of {MAX_NUDGES})",
                short_date(last.date_naive()),
                self.elapsed(due.date_naive(), &format!("{NUDGE_AFTER} business days"))
            );
            self.push(
                Kind::Nudge,
                to,
                due,
                u32::try_from(n).unwrap_or(u32::MAX),
                reason,
            );
        } else {
            let reason = format!(
                "No reply after {} follow-ups; keep the door open and focus elsewhere",
                MAX_NUDGES + 1
            );
            self.push(Kind::MoveOn, to, due, 1, reason);
        }
    }

    /// "`span` have passed" once `day` has come, "by then `span` will have passed" before: a
    /// reason reads right whether its item is due or still ahead.
    fn elapsed(&self, day: NaiveDate, span: &str) -> String {
        if self.local(self.now).date_naive() < day {
            format!("by then {span} will have passed")
        } else {
            format!("{span} have passed")
        }
    }

    /// When to ask for news, and why.
    fn status_check(&self) -> Option<(DateTime<FixedOffset>, String)> {
        let interview = self.interview;
        let (day, mut reason) = match interview.decision_by {
            Some(by) => {
                let day = self.calendar.add_business_days(by, AFTER_DECISION)?;
                let reason = format!(
                    "Decision was promised by {}; {}",
                    short_date(by),
                    self.elapsed(day, "two business days")
                );
                (day, reason)
            }
            None => {
                let industry = interview.industry();
                let (days, pace) = cadence(industry);
                let day = self
                    .calendar
                    .add_business_days(interview.at.date_naive(), days)?;
                let since = format!(
                    "{} since the {} interview",
                    self.elapsed(day, &format!("{days} business days")),
                    short_date(interview.at.date_naive())
                );
                let reason = match pace {
                    Some(pace) => {
                        format!("No decision date was given, and {industry} hiring {pace}; {since}")
                    }
                    None => format!("No decision date was given; {since}"),
                };
                (day, reason)
            }
        };
        let day = if in_holiday_season(day) {
            let moved = after_holiday_season(self.calendar, day)?;
            reason.push_str(&format!(
                ", but {} falls in the year-end holidays (Dec 20–Jan 5), so wait until {}",
                short_date(day),
                short_date(moved)
            ));
            moved
        } else {
            day
        };
        Some((at_morning(day, *interview.at.offset())?, reason))
    }

    fn answer(&mut self, reply: &Event, sequence: u32, answers: &[(Kind, DateTime<FixedOffset>)]) {
        let (kind, days, news) = match reply.outcome {
            Some(Outcome::Negative) => (
                Kind::RejectionReply,
                2,
                "a rejection; thank them graciously and ask for feedback",
            ),
            Some(Outcome::Positive) => (Kind::PositiveReply, 1, "good news; answer within a day"),
            Some(Outcome::Neutral) | None => return,
        };
        if answers.iter().any(|(k, at)| *k == kind && *at >= reply.at) {
            return;
        }
        let replied = self.local(reply.at);
        let Some(due) = replied.checked_add_signed(TimeDelta::days(days)) else {
            return;
        };
        let interview = self.interview;
        let to = reply
            .interviewer
            .as_deref()
            .and_then(|id| interview.interviewer(id))
            .or_else(|| interview.primary_interviewer());
        let reason = format!(
            "{} replied on {} with {news}",
            interview.company,
            short_date(replied.date_naive())
        );
        self.push(kind, to, due, sequence, reason);
    }
}

/// Marks the thank-you(s) a sent event completes; false when none was still open.
fn mark_thanked(thanked: &mut [bool], people: &[Interviewer], event: &Event) -> bool {
    match event.interviewer.as_deref() {
        Some(id) => match people.iter().position(|p| p.id == id) {
            Some(j) => thanked
                .get_mut(j)
                .is_some_and(|done| !std::mem::replace(done, true)),
            None => false,
        },
        None => {
            let any_open = thanked.contains(&false);
            thanked.fill(true);
            any_open
        }
    }
}

/// A thank-you is due from the interview until its deadline.
fn thank_you_status(
    interview_at: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
) -> Status {
    if now < interview_at {
        Status::Upcoming
    } else if now <= deadline {
        Status::Due
    } else {
        Status::Overdue
    }
}

/// Other items are due for three days from their date.
fn status(due: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> Status {
    if now < due {
        Status::Upcoming
    } else if due
        .checked_add_signed(TimeDelta::days(DUE_WINDOW_DAYS))
        .is_none_or(|end| now < end)
    {
        Status::Due
    } else {
        Status::Overdue
    }
}

fn at_morning(day: NaiveDate, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    day.and_hms_opt(MORNING, 0, 0)?
        .and_local_timezone(offset)
        .single()
}

/// "Dec 1": short, and cheap (no `strftime` on the hot path).
fn short_date(day: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS
        .get(day.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{month} {}", day.day())
}

fn display_name(person: &Interviewer) -> &str {
    if person.name.trim().is_empty() {
        &person.id
    } else {
        person.name.trim()
    }
}
