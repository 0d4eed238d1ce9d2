//! Dates with the precision the source gives them: a year, a month, or a day.
//!
//! "April 2001" is stored as `2001-04` and is never turned into a fake exact
//! day. On the continuous time axis a partial date covers its whole period:
//! April 2001 spans from 1 April to 30 April inclusive.
//!
//! Calendar arithmetic (month lengths, leap years, day numbers) is done by the
//! `time` crate.

use std::cmp::Ordering;
use std::fmt;
use time::{Date, Month};

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string is not a valid date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Format(String),
    Month(String),
    Day(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Empty => write!(f, "the date is empty"),
            DateError::Format(s) => {
                write!(
                    f,
                    "\"{s}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
                )
            }
            DateError::Month(s) => write!(f, "\"{s}\" has no month of that number (01–12)"),
            DateError::Day(s) => write!(f, "\"{s}\" is not a day of that month"),
        }
    }
}

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

/// The smallest and largest years accepted (four digits, as the format says).
pub const MIN_YEAR: i32 = 1;
pub const MAX_YEAR: i32 = 9999;

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn month_of(m: u8) -> Month {
    Month::try_from(m).unwrap_or(Month::January)
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let t = s.trim();
        if t.is_empty() {
            return Err(DateError::Empty);
        }
        let bad = || DateError::Format(t.to_string());
        let mut parts = t.split('-');
        let year = parts.next().and_then(|p| digits(p, 4)).ok_or_else(bad)? as i32;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(bad());
        }
        let month = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(bad)? as u8),
        };
        let day = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(bad)? as u8),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Month(t.to_string()));
            }
            if let Some(d) = day {
                Date::from_calendar_date(year, month_of(m), d)
                    .map_err(|_| DateError::Day(t.to_string()))?;
            }
        }
        Ok(PartialDate { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> Option<u8> {
        self.month
    }
    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// A year-precision date.
    pub fn from_year(year: i32) -> Self {
        PartialDate {
            year: year.clamp(MIN_YEAR, MAX_YEAR),
            month: None,
            day: None,
        }
    }

    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    fn first_date(self) -> Date {
        let m = month_of(self.month.unwrap_or(1));
        let d = self.day.unwrap_or(1);
        Date::from_calendar_date(self.year, m, d).unwrap_or(Date::MIN)
    }

    fn last_date(self) -> Date {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_date(),
            (Some(m), None) => {
                let month = month_of(m);
                let len = time::util::days_in_month(month, self.year);
                Date::from_calendar_date(self.year, month, len).unwrap_or(Date::MAX)
            }
            (None, _) => {
                Date::from_calendar_date(self.year, Month::December, 31).unwrap_or(Date::MAX)
            }
        }
    }

    /// Day number (Julian day) of the first day the date covers.
    pub fn first_day(self) -> i32 {
        self.first_date().to_julian_day()
    }

    /// Day number (Julian day) of the last day the date covers.
    pub fn last_day(self) -> i32 {
        self.last_date().to_julian_day()
    }

    /// The date of a day number, at day precision.
    pub fn from_day_number(jd: i32) -> Self {
        let d = Date::from_julian_day(jd).unwrap_or(Date::MIN);
        let year = d.year().clamp(MIN_YEAR, MAX_YEAR);
        PartialDate {
            year,
            month: Some(d.month() as u8),
            day: Some(d.day()),
        }
    }

    /// "2006", "April 2001", "17 April 2009".
    pub fn display(self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{}", self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            (Some(m), Some(d)) => format!("{} {} {}", d, month_name(m), self.year),
        }
    }
}

/// The English name of month 1–12.
pub fn month_name(m: u8) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// The short English name of month 1–12 ("Apr").
pub fn month_short(m: u8) -> &'static str {
    &month_name(m)[..3]
}

/// The ISO form it was written in: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Ordered by the first day covered; at the same first day the coarser date
/// (which covers more) comes first, then by the last day.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
            .then(self.last_day().cmp(&other.last_day()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A date or a span of dates for display: "17–19 April 2009",
/// "14 August – 4 September 2008", "April 2001", "2006 – 2008".
pub fn display_range(start: PartialDate, end: Option<PartialDate>) -> String {
    let Some(end) = end else {
        return start.display();
    };
    if end == start {
        return start.display();
    }
    let same_precision = start.precision() == end.precision();
    match (start.month, start.day, end.month, end.day) {
        (Some(m1), Some(d1), Some(m2), Some(_)) if same_precision && start.year == end.year => {
            if m1 == m2 {
                format!("{}–{}", d1, end.display())
            } else {
                format!("{} {} – {}", d1, month_name(m1), end.display())
            }
        }
        (Some(m1), None, Some(_), None) if same_precision && start.year == end.year => {
            format!("{} – {}", month_name(m1), end.display())
        }
        (None, _, None, _) => format!("{}–{}", start.year, end.year),
        _ => format!("{} – {}", start.display(), end.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_three_precisions_and_keeps_them() {
        assert_eq!(d("2006").precision(), Precision::Year);
        assert_eq!(d("2001-04").precision(), Precision::Month);
        assert_eq!(d("2009-04-17").precision(), Precision::Day);
        assert_eq!(d("2001-04").to_string(), "2001-04");
        assert_eq!(d("2006").to_string(), "2006");
    }

    #[test]
    fn rejects_bad_dates_with_a_reason() {
        let cases = [
            ("", DateError::Empty),
            ("April 2001", DateError::Format("April 2001".into())),
            ("2001-4", DateError::Format("2001-4".into())),
            ("01-04-2001", DateError::Format("01-04-2001".into())),
            ("2001-04-01-02", DateError::Format("2001-04-01-02".into())),
            ("2001-13", DateError::Month("2001-13".into())),
            ("2001-00", DateError::Month("2001-00".into())),
            ("2009-02-29", DateError::Day("2009-02-29".into())),
            ("2009-04-31", DateError::Day("2009-04-31".into())),
            ("0000", DateError::Format("0000".into())),
        ];
        for (input, want) in cases {
            assert_eq!(PartialDate::parse(input), Err(want), "input {input:?}");
        }
        assert!(PartialDate::parse("2008-02-29").is_ok(), "leap day");
    }

    #[test]
    fn spans_cover_the_whole_period() {
        assert_eq!(d("2001-04").last_day() - d("2001-04").first_day(), 29);
        assert_eq!(d("2008-02").last_day() - d("2008-02").first_day(), 28);
        assert_eq!(d("2006").last_day() - d("2006").first_day(), 364);
        assert_eq!(d("2009-04-17").first_day(), d("2009-04-17").last_day());
        assert_eq!(
            PartialDate::from_day_number(d("2009-04-17").first_day()),
            d("2009-04-17")
        );
    }

    #[test]
    fn displays_at_true_precision() {
        let cases = [
            ("2001-04", None, "April 2001"),
            ("2006", None, "2006"),
            ("2009-04-17", None, "17 April 2009"),
            ("2009-04-17", Some("2009-04-19"), "17–19 April 2009"),
            (
                "2008-08-14",
                Some("2008-09-04"),
                "14 August – 4 September 2008",
            ),
            (
                "2008-12-30",
                Some("2009-01-02"),
                "30 December 2008 – 2 January 2009",
            ),
            ("2008-06", Some("2008-08"), "June – August 2008"),
            ("2006", Some("2008"), "2006–2008"),
            ("2006", Some("2008-05"), "2006 – May 2008"),
            ("2009-04-17", Some("2009-04-17"), "17 April 2009"),
        ];
        for (start, end, want) in cases {
            assert_eq!(display_range(d(start), end.map(d)), want, "{start} {end:?}");
        }
    }

    #[test]
    fn orders_by_time_then_coarser_first() {
        let mut v = [
            d("2004-09"),
            d("2001-06-15"),
            d("2004"),
            d("2001-06"),
            d("2004-01-01"),
        ];
        v.sort();
        let got: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            got,
            ["2001-06", "2001-06-15", "2004", "2004-01-01", "2004-09"]
        );
    }
}
