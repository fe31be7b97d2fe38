//! A deterministic synthetic store, for benchmarks and size checks (the budgets: `schedule` over
//! 1,000 interviews ≤ 5 ms, 1,000 interviews stored ≤ 1 MB).

use crate::model::{
    Channel, Event, EventKind, Extra, Industry, Interview, Interviewer, Kind, Outcome, Profile,
    Stage, Store,
};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Offset, TimeDelta, Utc};

/// `count` interviews spread over the year before `end`, with one to three interviewers each,
/// realistic text lengths, and every kind of history (nothing sent, thank-yous sent, a chain
/// under way, each reply outcome). The same `count` and `end` always give the same store.
pub fn sample_store(count: usize, end: NaiveDate) -> Store {
    let mut rng = Lcg(0x5eed_1234_abcd_0001);
    let offsets = [-5 * 3600, -8 * 3600, 0, 3600, 5 * 3600 + 1800, 9 * 3600];
    let interviews = (0..count)
        .map(|n| {
            let offset = FixedOffset::east_opt(offsets[n % offsets.len()]).unwrap_or(Utc.fix());
            let days_back = i64::from(rng.below(365));
            let at = end
                .and_hms_opt(9 + rng.below(8), 15 * rng.below(4), 0)
                .and_then(|t| t.and_local_timezone(offset).single())
                .and_then(|t| t.checked_sub_signed(TimeDelta::days(days_back)))
                .unwrap_or_default();
            interview(n, at, &mut rng)
        })
        .collect();
    Store {
        version: 1,
        profile: Profile {
            name: Some("Sam Rivera".into()),
            email: Some("sam@example.com".into()),
            phone: Some("+1 555 0100".into()),
            signature: Some("Sam Rivera\n+1 555 0100".into()),
            holidays: NaiveDate::from_ymd_opt(end.year(), 12, 24)
                .into_iter()
                .collect(),
            notification_details: false,
            record_sent_by_hand: false,
            extra: Extra::new(),
        },
        interviews,
        extra: Extra::new(),
    }
}

fn interview(n: usize, at: DateTime<FixedOffset>, rng: &mut Lcg) -> Interview {
    const COMPANIES: [&str; 6] = [
        "Acme Corp",
        "Globex",
        "Initech",
        "Umbrella Health",
        "Stark Industries",
        "Wayne Financial",
    ];
    const ROLES: [&str; 4] = [
        "Product Manager",
        "Senior Software Engineer",
        "Data Analyst",
        "Customer Success Lead",
    ];
    const NAMES: [&str; 6] = [
        "Dana Lee",
        "Priya Natarajan",
        "Marcus O'Neil",
        "Sofia García",
        "Chen Wei",
        "Amara Okafor",
    ];
    let industry = Industry::ALL[n % Industry::ALL.len()];
    let people = 1 + rng.below(3) as usize;
    let interviewers: Vec<Interviewer> = (0..people)
        .map(|p| {
            let name = NAMES[(n + p) % NAMES.len()];
            Interviewer {
                id: format!("p{p}"),
                name: name.into(),
                title: Some("Engineering Manager".into()),
                email: Some(format!("p{p}@example.com")),
                linkedin: None,
                topics: vec![format!(
                    "the migration of the billing service to event sourcing (team {})",
                    n % 17
                )],
                primary: p == 0,
                extra: Extra::new(),
            }
        })
        .collect();
    let later = |days: i64| at.checked_add_signed(TimeDelta::days(days)).unwrap_or(at);
    let decision_by = (rng.below(2) == 0).then(|| later(i64::from(7 + rng.below(10))).date_naive());
    let mut events = Vec::new();
    let history = rng.below(6);
    let channel = [None, Some(Channel::Email), Some(Channel::Linkedin)][rng.below(3) as usize];
    let sent = |kind: Kind, to: Option<&str>, after_days: i64| Event {
        kind: EventKind::Sent,
        follow_up: Some(kind),
        interviewer: to.map(str::to_owned),
        at: later(after_days),
        outcome: None,
        channel,
        extra: Extra::new(),
    };
    if history >= 1 {
        events.push(sent(Kind::ThankYou, Some("p0"), 0));
    }
    if history >= 2 {
        events.push(sent(Kind::StatusCheck, Some("p0"), 14));
    }
    if history >= 3 {
        events.push(sent(Kind::Nudge, Some("p0"), 21));
    }
    if history >= 4 {
        let outcome = if history == 4 {
            Outcome::Negative
        } else {
            Outcome::Positive
        };
        events.push(Event {
            kind: EventKind::Reply,
            follow_up: None,
            interviewer: None,
            at: later(25),
            outcome: Some(outcome),
            channel: None,
            extra: Extra::new(),
        });
    }
    Interview {
        id: format!("interview-{n:04}"),
        company: COMPANIES[n % COMPANIES.len()].into(),
        role: ROLES[n % ROLES.len()].into(),
        industry: Some(industry),
        stage: Some(Stage::ALL[n % Stage::ALL.len()]),
        format: None,
        at,
        decision_by,
        skills: vec!["user research".into(), "SQL".into()],
        promised: if n % 3 == 0 {
            vec!["portfolio link".into()]
        } else {
            Vec::new()
        },
        interviewers,
        events,
        extra: Extra::new(),
    }
}

/// A tiny deterministic generator (no dependency, same numbers on every platform).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(n.max(1))) as u32
    }
}
