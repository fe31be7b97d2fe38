//! Business days: weekends, the eleven US federal holidays at their observed dates, and the
//! candidate's own days off (`profile.holidays`).
//!
//! Federal holidays are computed per year, not read from a table, so the schedule works for any
//! year. A holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after
//! (so New Year's Day 2022, a Saturday, is observed on Friday 2021-12-31).

use chrono::{Datelike, NaiveDate, Weekday};

/// One federal holiday at its observed date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// The day it is observed (a weekday).
    pub observed: NaiveDate,
    /// Its name, e.g. `Thanksgiving Day`.
    pub name: &'static str,
}

/// The US federal holidays of `year` (5 U.S.C. 6103) at their observed dates, in calendar order.
///
/// New Year's Day of `year` is included even when it is observed on Dec 31 of the year before.
/// Juneteenth is included from 2021, the year it became a federal holiday.
pub fn federal_holidays(year: i32) -> Vec<Holiday> {
    let fixed = |month: u32, day: u32, name: &'static str| {
        NaiveDate::from_ymd_opt(year, month, day).map(|d| Holiday {
            observed: observed(d),
            name,
        })
    };
    let nth = |month: u32, n: u8, name: &'static str| {
        NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, n)
            .map(|observed| Holiday { observed, name })
    };
    let last_monday_of_may = NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Mon, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Mon, 4))
        .map(|observed| Holiday {
            observed,
            name: "Memorial Day",
        });
    let thanksgiving =
        NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4).map(|observed| Holiday {
            observed,
            name: "Thanksgiving Day",
        });
    let juneteenth = if year >= JUNETEENTH_SINCE {
        fixed(6, 19, "Juneteenth National Independence Day")
    } else {
        None
    };
    [
        fixed(1, 1, "New Year's Day"),
        nth(1, 3, "Birthday of Martin Luther King, Jr."),
        nth(2, 3, "Washington's Birthday"),
        last_monday_of_may,
        juneteenth,
        fixed(7, 4, "Independence Day"),
        nth(9, 1, "Labor Day"),
        nth(10, 2, "Columbus Day"),
        fixed(11, 11, "Veterans Day"),
        thanksgiving,
        fixed(12, 25, "Christmas Day"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

const JUNETEENTH_SINCE: i32 = 2021;

/// The observed date of a fixed-date holiday: Saturday → Friday before, Sunday → Monday after.
fn observed(date: NaiveDate) -> NaiveDate {
    let moved = match date.weekday() {
        Weekday::Sat => date.pred_opt(),
        Weekday::Sun => date.succ_opt(),
        _ => Some(date),
    };
    moved.unwrap_or(date)
}

/// Whether `date` is a weekday on which a federal holiday is observed.
///
/// Constant time and allocation-free (the schedule asks this for every day it walks over);
/// it agrees with [`federal_holidays`], which a test checks day by day.
pub fn is_federal_holiday(date: NaiveDate) -> bool {
    let weekday = date.weekday();
    if matches!(weekday, Weekday::Sat | Weekday::Sun) {
        return false;
    }
    let day = date.day();
    // Is `date` the observed day of the fixed holiday (month, dom)?
    let observes = |month: u32, dom: u32| {
        let same = |d: Option<NaiveDate>| d.is_some_and(|d| d.month() == month && d.day() == dom);
        (date.month() == month && day == dom)
            || (weekday == Weekday::Fri && same(date.succ_opt()))
            || (weekday == Weekday::Mon && same(date.pred_opt()))
    };
    let monday_in =
        |first: u32, last: u32| weekday == Weekday::Mon && (first..=last).contains(&day);
    match date.month() {
        1 => observes(1, 1) || monday_in(15, 21),
        2 => monday_in(15, 21),
        5 => monday_in(25, 31),
        6 => date.year() >= JUNETEENTH_SINCE && observes(6, 19),
        7 => observes(7, 4),
        9 => monday_in(1, 7),
        10 => monday_in(8, 14),
        11 => observes(11, 11) || (weekday == Weekday::Thu && (22..=28).contains(&day)),
        // Dec 31 is a holiday when the next New Year's Day falls on a Saturday.
        12 => observes(12, 25) || observes(1, 1),
        _ => false,
    }
}

/// Which days count as business days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Extra days off, sorted and deduplicated.
    days_off: Vec<NaiveDate>,
}

impl Calendar {
    /// Weekends and US federal holidays only.
    pub fn us_federal() -> Calendar {
        Calendar::default()
    }

    /// Weekends, US federal holidays, and the given extra days off (e.g. `profile.holidays`).
    pub fn with_days_off(days: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        let mut days_off: Vec<NaiveDate> = days.into_iter().collect();
        crate::order::sort(&mut days_off);
        days_off.dedup();
        Calendar { days_off }
    }

    /// Whether `date` is a federal holiday or one of the extra days off.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        is_federal_holiday(date) || self.days_off.binary_search(&date).is_ok()
    }

    /// Monday to Friday and not a holiday.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(date)
    }

    /// The `n`-th business day strictly after `date` (`n == 0` gives `date` itself).
    ///
    /// `None` only past the end of the calendar (year 262,143).
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut day = date;
        let mut counted = 0;
        while counted < n {
            day = day.succ_opt()?;
            if self.is_business_day(day) {
                counted += 1;
            }
        }
        Some(day)
    }
}

/// Whether `date` falls in the year-end slowdown, Dec 20 to Jan 5 inclusive.
pub fn in_holiday_season(date: NaiveDate) -> bool {
    (date.month() == 12 && date.day() >= 20) || (date.month() == 1 && date.day() <= 5)
}

/// The first business day after the Jan 5 that ends the season `date` is in.
pub fn after_holiday_season(calendar: &Calendar, date: NaiveDate) -> Option<NaiveDate> {
    let year = if date.month() == 12 {
        date.year().checked_add(1)?
    } else {
        date.year()
    };
    calendar.add_business_days(NaiveDate::from_ymd_opt(year, 1, 5)?, 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn federal_holidays_2026_at_observed_dates() {
        let got: Vec<String> = federal_holidays(2026)
            .iter()
            .map(|h| h.observed.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "2026-01-01", // Thursday
                "2026-01-19", // MLK, third Monday
                "2026-02-16",
                "2026-05-25", // last Monday of May
                "2026-06-19", // Friday
                "2026-07-03", // July 4 is a Saturday → Friday
                "2026-09-07",
                "2026-10-12",
                "2026-11-11",
                "2026-11-26", // Thanksgiving, fourth Thursday
                "2026-12-25",
            ]
        );
    }

    #[test]
    fn observed_dates_move_off_weekends() {
        let cases = [
            // (year, holiday name, observed)
            (2022, "New Year's Day", "2021-12-31"), // Saturday → Friday of the year before
            (2023, "New Year's Day", "2023-01-02"), // Sunday → Monday
            (2027, "Independence Day", "2027-07-05"), // Sunday → Monday
            (2027, "Juneteenth National Independence Day", "2027-06-18"), // Saturday
            (2027, "Christmas Day", "2027-12-24"),  // Saturday → Friday
            (2021, "Veterans Day", "2021-11-11"),
            (2023, "Veterans Day", "2023-11-10"), // Saturday → Friday
            (2025, "Thanksgiving Day", "2025-11-27"),
            (2024, "Memorial Day", "2024-05-27"),
        ];
        for (year, name, want) in cases {
            let h = federal_holidays(year)
                .into_iter()
                .find(|h| h.name == name)
                .unwrap();
            assert_eq!(h.observed, d(want), "{name} {year}");
        }
        assert!(federal_holidays(2020)
            .iter()
            .all(|h| h.name != "Juneteenth National Independence Day"));
        assert_eq!(federal_holidays(2020).len(), 10);
        assert_eq!(federal_holidays(2021).len(), 11);
    }

    #[test]
    fn fast_predicate_agrees_with_the_yearly_lists() {
        let mut listed: Vec<NaiveDate> = (1999..=2101)
            .flat_map(federal_holidays)
            .map(|h| h.observed)
            .collect();
        crate::order::sort(&mut listed);
        let mut day = d("2000-01-01");
        while day <= d("2100-12-31") {
            assert_eq!(
                is_federal_holiday(day),
                listed.binary_search(&day).is_ok(),
                "{day}"
            );
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn business_days_skip_weekends_holidays_and_days_off() {
        let cal = Calendar::with_days_off([d("2026-12-24")]);
        let cases = [
            // (from, n, want, why)
            ("2026-11-20", 1, "2026-11-23", "Friday → Monday"),
            (
                "2026-11-20",
                5,
                "2026-11-30",
                "Thanksgiving Thursday skipped",
            ),
            ("2026-12-01", 2, "2026-12-03", "plain weekdays"),
            (
                "2026-07-02",
                1,
                "2026-07-06",
                "Fri Jul 3 observed for Sat Jul 4",
            ),
            (
                "2026-12-23",
                1,
                "2026-12-28",
                "profile day off, then Christmas",
            ),
            ("2026-11-21", 1, "2026-11-23", "from a Saturday"),
            ("2026-11-20", 0, "2026-11-20", "zero days"),
            (
                "2021-12-30",
                1,
                "2022-01-03",
                "New Year's 2022 observed Dec 31",
            ),
        ];
        for (from, n, want, why) in cases {
            assert_eq!(cal.add_business_days(d(from), n), Some(d(want)), "{why}");
        }
        assert!(!Calendar::us_federal().is_holiday(d("2026-12-24")));
    }

    #[test]
    fn holiday_season_bounds() {
        for (day, inside) in [
            ("2026-12-19", false),
            ("2026-12-20", true),
            ("2026-12-31", true),
            ("2027-01-05", true),
            ("2027-01-06", false),
        ] {
            assert_eq!(in_holiday_season(d(day)), inside, "{day}");
        }
        let cal = Calendar::us_federal();
        assert_eq!(
            after_holiday_season(&cal, d("2026-12-22")),
            Some(d("2027-01-06"))
        );
        // Jan 5 2030 is a Saturday: first business day after it is Monday Jan 7.
        assert_eq!(
            after_holiday_season(&cal, d("2030-01-02")),
            Some(d("2030-01-07"))
        );
    }
}
