//! Dates in English words, written by hand rather than through chrono's `format` (whose
//! strftime machinery would weigh on the WebAssembly module for a handful of patterns).
//!
//! ```
//! let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
//! assert_eq!(followup::dates::long_date(d, 2026), "December 1");
//! assert_eq!(followup::dates::long_date(d, 2027), "December 1, 2026");
//! assert_eq!(followup::dates::weekday_name(d), "Tuesday");
//! ```

use chrono::Datelike;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Monday" … "Sunday".
pub fn weekday_name(d: impl Datelike) -> &'static str {
    WEEKDAYS[d.weekday().num_days_from_monday() as usize % 7]
}

/// "January" … "December".
pub fn month_name(d: &impl Datelike) -> &'static str {
    MONTHS[d.month0() as usize % 12]
}

/// "Jan" … "Dec".
pub fn month_abbr(d: &impl Datelike) -> &'static str {
    let name = month_name(d);
    name.get(..3).unwrap_or(name)
}

/// "November 20", or "November 20, 2025" when the year is not `this_year`.
pub fn long_date(d: impl Datelike, this_year: i32) -> String {
    if d.year() == this_year {
        format!("{} {}", month_name(&d), d.day())
    } else {
        format!("{} {}, {}", month_name(&d), d.day(), d.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn words_match_chrono_format_every_day_of_two_years() {
        let mut d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while d.year() < 2028 {
            assert_eq!(weekday_name(d), d.format("%A").to_string());
            assert_eq!(month_abbr(&d), d.format("%b").to_string());
            assert_eq!(
                long_date(d, 2026),
                if d.year() == 2026 {
                    d.format("%B %-d").to_string()
                } else {
                    d.format("%B %-d, %Y").to_string()
                }
            );
            d = d.succ_opt().unwrap();
        }
    }
}
