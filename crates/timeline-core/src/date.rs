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

/// The smallest and largest years accepted (up to four digits, with a minus
/// for years before the common era, as the `time` crate's calendar allows).
/// Years are astronomical, as in ISO 8601: year 0 is 1 BCE, year −1 is 2 BCE.
pub const MIN_YEAR: i32 = -9999;
pub const MAX_YEAR: i32 = 9999;

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// The common forms of a large file's dates read at once: `YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD` with a day every month has; `None` for anything
/// else, which [`PartialDate::parse`] reads in full (and says what is wrong).
fn iso_quick(b: &[u8]) -> Option<PartialDate> {
    let num = |r: &[u8]| {
        r.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = num(b.get(..4)?)? as i32;
    let two = |at: usize| (b[at] == b'-').then(|| num(&b[at + 1..at + 3])).flatten();
    let (month, day) = match b.len() {
        4 => (None, None),
        7 => (Some(two(4)? as u8), None),
        10 => (Some(two(4)? as u8), Some(two(7)? as u8)),
        _ => return None,
    };
    let fits = (1..=12).contains(&month.unwrap_or(1)) && (1..=28).contains(&day.unwrap_or(1));
    fits.then_some(PartialDate { year, month, day })
}

fn month_of(m: u8) -> Month {
    Month::try_from(m).unwrap_or(Month::January)
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar. The
    /// year may have fewer digits (`800`) and a minus (`-0499` is 500 BCE); a
    /// time after a full date (`2004-09-01T10:00Z`) is ignored.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let t = crate::text::trim(s);
        match iso_quick(t.as_bytes()) {
            Some(d) => Ok(d),
            None => Self::parse_general(t),
        }
    }

    fn parse_general(t: &str) -> Result<Self, DateError> {
        if t.is_empty() {
            return Err(DateError::Empty);
        }
        let bad = || DateError::Format(t.to_string());
        let (negative, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        // A time of day after a full date: the date part is kept.
        let body = match body.bytes().position(|b| b == b'T' || b == b' ') {
            Some(i) if i >= 8 && body[..i].matches('-').count() == 2 => &body[..i],
            _ => body,
        };
        let mut parts = body.split('-');
        let year = parts
            .next()
            .filter(|p| (1..=4).contains(&p.len()))
            .and_then(|p| digits(p, p.len()))
            .ok_or_else(bad)? as i32;
        let year = if negative { -year } else { year };
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

    /// A date from its parts (0: no month, or no day), when it is one: what
    /// [`PartialDate::parse`] accepts, without writing and reading text.
    pub fn from_parts(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = (month > 0).then_some(month);
        let day = month.and((day > 0).then_some(day));
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month.unwrap_or(1)) {
            return None;
        }
        if let (Some(m), Some(d)) = (month, day) {
            Date::from_calendar_date(year, month_of(m), d).ok()?;
        }
        Some(PartialDate { year, month, day })
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

    /// "2006", "April 2001", "17 April 2009", "500 BCE".
    pub fn display(self) -> String {
        let y = year_label(self.year);
        match (self.month, self.day) {
            (None, _) => y,
            (Some(m), None) => format!("{} {y}", month_name(m)),
            (Some(m), Some(d)) => format!("{d} {} {y}", month_name(m)),
        }
    }

    /// Reads the date forms people write besides ISO: "15 January 2023",
    /// "15-January-2023", "January 15, 2023", "Jan 2023", "2023/01/15",
    /// "500 BC". Numeric day-month orders other than year first are
    /// ambiguous (01/02/2003) and refused.
    ///
    /// Hand-written: the `time` crate parses one exact format at a time and
    /// has no notion of a date known only to the month or year.
    pub fn parse_loose(s: &str) -> Result<Self, DateError> {
        let t = s.trim();
        if let Ok(d) = PartialDate::parse(t) {
            return Ok(d);
        }
        let bad = || DateError::Format(t.to_string());
        let tokens: Vec<&str> = t
            .split([' ', '-', ',', '/', '.'])
            .filter(|x| !x.is_empty())
            .collect();
        let num = |x: &str| -> Option<i32> {
            (x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit()))
                .then(|| x.parse().ok())
                .flatten()
        };
        let iso = |y: i32, m: Option<i32>, d: Option<i32>| {
            let mut out = if y < 0 {
                format!("-{:04}", -y)
            } else {
                format!("{y:04}")
            };
            if let Some(m) = m {
                out.push_str(&format!("-{m:02}"));
                if let Some(d) = d {
                    out.push_str(&format!("-{d:02}"));
                }
            }
            PartialDate::parse(&out)
        };
        let is_year = |x: &str| x.len() >= 3 && num(x).is_some();
        match tokens.as_slice() {
            [n, era] if num(n).is_some() && is_bce(era) => iso(1 - num(n).unwrap_or(0), None, None),
            [y, m, d] if is_year(y) && num(m).is_some() && num(d).is_some() => {
                iso(num(y).unwrap_or(0), num(m), num(d))
            }
            [d, m, y] if num(d).is_some() && month_number(m).is_some() && is_year(y) => {
                iso(num(y).unwrap_or(0), month_number(m), num(d))
            }
            [m, d, y] if month_number(m).is_some() && num(d).is_some() && is_year(y) => {
                iso(num(y).unwrap_or(0), month_number(m), num(d))
            }
            [m, y] if month_number(m).is_some() && is_year(y) => {
                iso(num(y).unwrap_or(0), month_number(m), None)
            }
            [y, m] if is_year(y) && num(m).is_some() => iso(num(y).unwrap_or(0), num(m), None),
            _ => Err(bad()),
        }
        .map_err(|e| match e {
            DateError::Format(_) => bad(),
            e => e,
        })
    }
}

fn is_bce(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "bc" | "bce" | "b.c." | "b.c.e."
    )
}

/// 1–12 for an English month name or its first three letters.
fn month_number(s: &str) -> Option<i32> {
    let l = s.to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.to_ascii_lowercase().starts_with(&l)
                || (l.len() > 3 && l.starts_with(&m.to_ascii_lowercase()))
        })
        .map(|i| i as i32 + 1)
}

/// A year as people read it: "2006", "800", "500 BCE" (year −499).
pub fn year_label(y: i32) -> String {
    if y <= 0 {
        format!("{} BCE", 1 - y)
    } else {
        y.to_string()
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
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
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
        (None, _, None, _) => format!("{}–{}", year_label(start.year), year_label(end.year)),
        _ => format!("{} – {}", start.display(), end.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_forms_read_as_the_full_reading_does() {
        let mut n = 0;
        for year in ["2004", "0000", "9999", "0200", "204", "20a4", "-2004"] {
            for month in [
                "", "-00", "-01", "-02", "-09", "-12", "-13", "-1", "-1a", "/02",
            ] {
                for day in [
                    "", "-00", "-01", "-28", "-29", "-30", "-31", "-32", "-5", "x01",
                ] {
                    let t = format!("{year}{month}{day}");
                    assert_eq!(
                        PartialDate::parse(&t),
                        PartialDate::parse_general(&t),
                        "{t}"
                    );
                    n += 1;
                }
            }
        }
        assert!(iso_quick(b"2004-02-28").is_some() && iso_quick(b"2004-02-29").is_none());
        assert_eq!(n, 700);
    }

    #[test]
    fn from_parts_agrees_with_parse() {
        for y in [-9999, -1, 0, 1, 2000, 2004, 2100, 9999] {
            for m in 0..=13u8 {
                for d in [0u8, 1, 28, 29, 30, 31, 32] {
                    let text = match (m, d) {
                        (0, _) => format!("{y:05}"),
                        (m, 0) => format!("{y:05}-{m:02}"),
                        (m, d) => format!("{y:05}-{m:02}-{d:02}"),
                    };
                    let text = text.replacen("0", "", usize::from(y >= 0));
                    assert_eq!(
                        PartialDate::from_parts(y, m, d),
                        PartialDate::parse(&text).ok(),
                        "{text}"
                    );
                }
            }
        }
        assert_eq!(PartialDate::from_parts(10_000, 0, 0), None);
    }

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
            ("20011", DateError::Format("20011".into())),
            ("-", DateError::Format("-".into())),
        ];
        for (input, want) in cases {
            assert_eq!(PartialDate::parse(input), Err(want), "input {input:?}");
        }
        assert!(PartialDate::parse("2008-02-29").is_ok(), "leap day");
    }

    #[test]
    fn years_before_1000_and_before_the_common_era() {
        assert_eq!(d("800").display(), "800");
        assert_eq!(d("0800-05").to_string(), "0800-05");
        assert_eq!(d("-0499").display(), "500 BCE");
        assert_eq!(d("0").display(), "1 BCE");
        assert_eq!(d("-0499").to_string(), "-0499");
        assert!(d("-0499") < d("0") && d("0") < d("1"));
        assert_eq!(d("-0044-03-15").display(), "15 March 45 BCE");
        assert_eq!(
            display_range(d("-0500"), Some(d("-0400"))),
            "501 BCE–401 BCE"
        );
        assert_eq!(d("2004-09-01T10:30:00Z"), d("2004-09-01"));
    }

    #[test]
    fn reads_the_forms_people_write() {
        let cases = [
            ("15 January 2023", "2023-01-15"),
            ("15-January-2023", "2023-01-15"),
            ("January 15, 2023", "2023-01-15"),
            ("Jan 2023", "2023-01"),
            ("2023/01/15", "2023-01-15"),
            ("2023", "2023"),
            ("500 BC", "-0499"),
            ("sept 2004", "2004-09"),
        ];
        for (input, want) in cases {
            assert_eq!(
                PartialDate::parse_loose(input).map(|d| d.to_string()),
                Ok(want.into()),
                "{input}"
            );
        }
        assert!(PartialDate::parse_loose("01/02/2003").is_err());
        assert!(PartialDate::parse_loose("31 February 2003").is_err());
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
