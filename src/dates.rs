//! Dates in English words and the two numeric forms the popup and the store use
//! (`2026-12-01`, and `2026-12-01T14:30` for a `datetime-local` field), written and read by hand
//! rather than through chrono's `format` and `parse_from_str`, whose strftime machinery would
//! weigh on the WebAssembly module for a handful of fixed patterns (measured in DESIGN.md,
//! "Dates without strftime"; `clippy.toml` bans those methods outside tests and the CLI).
//! The tests check every function against chrono's own `format` and `parse_from_str`.
//!
//! ```
//! let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
//! assert_eq!(followup::dates::long_date(d, 2026), "December 1");
//! assert_eq!(followup::dates::long_date(d, 2027), "December 1, 2026");
//! assert_eq!(followup::dates::weekday_name(d), "Tuesday");
//! ```

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

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

/// The year as chrono's `%Y` writes it: four digits, with a sign outside 0–9999.
fn year(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{y:+05}")
    }
}

/// `2026-12-01` (chrono's `%Y-%m-%d`).
pub fn iso_date(d: impl Datelike) -> String {
    format!("{}-{:02}-{:02}", year(d.year()), d.month(), d.day())
}

/// `2026-12-01T14:30`, the value of a `datetime-local` field (chrono's `%Y-%m-%dT%H:%M`).
pub fn input_date_time(t: &(impl Datelike + Timelike)) -> String {
    format!(
        "{}-{:02}-{:02}T{:02}:{:02}",
        year(t.year()),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// "Dec 1" (chrono's `%b %-d`).
pub fn short_date(d: &impl Datelike) -> String {
    format!("{} {}", month_abbr(d), d.day())
}

/// The number `digits` stands for, when it has `min..=max` ASCII digits and nothing else.
fn number(digits: &str, min: usize, max: usize) -> Option<u32> {
    (min..=max)
        .contains(&digits.len())
        .then_some(())
        .filter(|()| digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|()| digits.parse().ok())
}

/// A date written `YYYY-M-D`: a four-digit year, a month and a day of one or two digits (what
/// a person types; `2026-12-01` and `2026-12-1` both read as December 1).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let y = i32::try_from(number(y, 4, 4)?).ok()?;
    NaiveDate::from_ymd_opt(y, number(m, 1, 2)?, number(d, 1, 2)?)
}

/// A date written exactly `YYYY-MM-DD`, the only form the store accepts: it reads back to the
/// same text ([`iso_date`]), so what is stored round-trips.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    parse_date(text).filter(|d| text.len() == 10 && iso_date(*d) == text)
}

/// A `datetime-local` value, `YYYY-M-DTh:m` (date as in [`parse_date`], hours and minutes of
/// one or two digits); no seconds.
pub fn parse_input_date_time(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.split_once('T')?;
    let (h, m) = time.split_once(':')?;
    let time = NaiveTime::from_hms_opt(number(h, 1, 2)?, number(m, 1, 2)?, 0)?;
    Some(parse_date(date)?.and_time(time))
}

/// An RFC 3339 date and time with its offset, or why not in the words every reader of the
/// store format uses (the store reader, the serde fields of [`serde_with`]; the popup's import
/// words read them back).
pub fn read_time(text: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    chrono::DateTime::parse_from_rfc3339(text).map_err(|_| {
        format!(
            "not an RFC 3339 time: {} (e.g. \"2026-11-20T14:00:00-05:00\")",
            crate::text::quote(text)
        )
    })
}

/// A `YYYY-MM-DD` date that reads back to the same text ([`parse_iso_date`]), or why not.
pub fn read_date(text: &str) -> Result<NaiveDate, String> {
    parse_iso_date(text).ok_or_else(|| {
        format!(
            "not a date: {} (expected YYYY-MM-DD, e.g. \"2026-12-01\")",
            crate::text::quote(text)
        )
    })
}

/// Reading dates from serde through the parsers above and chrono's `parse_from_rfc3339`, not
/// through chrono's `FromStr` (whose general parser links every format chrono knows, RFC 2822
/// included; measured in DESIGN.md, "Dates without strftime"). Writing is left to chrono's own
/// `Serialize`, so the text is unchanged. Each function is a `deserialize_with`.
pub mod serde_with {
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use serde::de::Error;
    use serde::{Deserialize, Deserializer};

    fn time<E: Error>(text: &str) -> Result<DateTime<FixedOffset>, E> {
        super::read_time(text).map_err(E::custom)
    }

    fn date<E: Error>(text: &str) -> Result<NaiveDate, E> {
        super::read_date(text).map_err(E::custom)
    }

    /// An RFC 3339 date and time with its offset (`2026-11-20T14:00:00-05:00`).
    pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        time(&String::deserialize(d)?)
    }

    /// An optional RFC 3339 date and time (`null` or absent: none).
    pub fn option_date_time<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| time(&text))
            .transpose()
    }

    /// A map of RFC 3339 dates and times by key.
    pub fn date_time_map<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<std::collections::BTreeMap<String, DateTime<FixedOffset>>, D::Error> {
        std::collections::BTreeMap::<String, String>::deserialize(d)?
            .into_iter()
            .map(|(k, text)| Ok((k, time(&text)?)))
            .collect()
    }

    /// An optional `YYYY-MM-DD` date (`null` or absent: none).
    pub fn option_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| date(&t))
            .transpose()
    }

    /// A list of `YYYY-MM-DD` dates.
    pub fn dates<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|t| date(t))
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with chrono's format and parse on purpose
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn serde_reads_what_chrono_writes() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Times {
            #[serde(deserialize_with = "super::serde_with::date_time")]
            at: chrono::DateTime<chrono::FixedOffset>,
            #[serde(default, deserialize_with = "super::serde_with::option_date")]
            by: Option<NaiveDate>,
            #[serde(deserialize_with = "super::serde_with::dates")]
            off: Vec<NaiveDate>,
        }
        for at in [
            "2026-11-20T14:00:00-05:00",
            "2026-11-20T19:00:00.250+00:00",
            "1999-12-31T23:59:59+14:00",
        ] {
            let t = Times {
                at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
                by: NaiveDate::from_ymd_opt(2026, 12, 1),
                off: vec![NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()],
            };
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(serde_json::from_str::<Times>(&json).unwrap(), t, "{json}");
        }
        let none: Times =
            serde_json::from_str(r#"{"at":"2026-11-20T14:00:00Z","by":null,"off":[]}"#).unwrap();
        assert_eq!(none.by, None);
        for bad in [
            r#"{"at":"2026-11-20 14:00","off":[]}"#,
            r#"{"at":"2026-11-20T14:00:00Z","by":"2026-12-1","off":[]}"#,
            r#"{"at":"2026-11-20T14:00:00Z","off":["Dec 24"]}"#,
        ] {
            let e = serde_json::from_str::<Times>(bad).unwrap_err().to_string();
            assert!(e.starts_with("not a"), "{bad}: {e}");
        }
    }

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

    #[test]
    fn numeric_forms_match_chrono_every_day_of_two_years_and_at_the_ends() {
        let mut d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let mut days: Vec<NaiveDate> = Vec::new();
        while d.year() < 2029 {
            days.push(d);
            d = d.succ_opt().unwrap();
        }
        days.extend(
            [
                (0, 1, 1),
                (9999, 12, 31),
                (1, 2, 3),
                (-1, 1, 1),
                (10000, 1, 1),
            ]
            .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        );
        for d in days {
            assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
            assert_eq!(short_date(&d), d.format("%b %-d").to_string());
            let t = d.and_hms_opt(7, 5, 0).unwrap();
            assert_eq!(input_date_time(&t), t.format("%Y-%m-%dT%H:%M").to_string());
            if (0..=9999).contains(&d.year()) {
                assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
                assert_eq!(parse_input_date_time(&input_date_time(&t)), Some(t));
            }
        }
    }

    /// Text shaped like a date, with the usual slips: signs, short or long fields, spaces,
    /// letters, other separators.
    fn date_like() -> impl Strategy<Value = String> {
        "[+-]?[0-9]{1,5}[-/ ][0-9]{0,3}[-.]?[0-9 ]{0,3}[a-zT]?"
    }

    proptest! {
        /// Whatever `parse_date` reads, chrono reads the same way; where they differ, chrono
        /// takes a form a person would not type (a signed, short or five-digit year, or a field
        /// padded with a space, such as "2026-1- 5").
        #[test]
        fn parse_date_agrees_with_chrono(text in date_like()) {
            let ours = parse_date(&text);
            let theirs = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
            if let Some(d) = ours {
                prop_assert_eq!(Some(d), theirs);
            } else if let Some(d) = theirs {
                prop_assert!(
                    text.starts_with(['+', '-']) || !(0..=9999).contains(&d.year())
                        || text.split('-').next().is_some_and(|y| y.len() < 4)
                        || text.contains(' '),
                    "chrono reads {:?} as {}", text, d
                );
            }
        }

        /// The store's form is exactly the text that reads back to itself.
        #[test]
        fn parse_iso_date_takes_only_what_round_trips(text in date_like()) {
            if let Some(d) = parse_iso_date(&text) {
                prop_assert_eq!(iso_date(d), text);
            }
        }

        #[test]
        fn parse_input_date_time_agrees_with_chrono(
            date in date_like(), h in "[0-9]{0,3}", m in "[0-9]{0,3}", sep in "[T ]",
        ) {
            let text = format!("{date}{sep}{h}:{m}");
            let ours = parse_input_date_time(&text);
            let theirs = NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M").ok();
            if let Some(t) = ours {
                prop_assert_eq!(Some(t), theirs);
            }
        }
    }
}
