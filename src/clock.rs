//! The injected clock. Nothing in citcert asks the system for the date except `Clock::System`;
//! tests and support sessions pin it with `--today` or `CITCERT_TODAY`.

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};

use crate::words::{Template, Text};

/// A `--today` or `CITCERT_TODAY` that is not a date: where it came from, and what it holds.
const NOT_A_DATE: Template = Template::new(
    &["from", "value"],
    "{from}: '{value}' is not a date; use YYYY-MM-DD, e.g. 2026-11-22",
    "{from} : « {value} » n'est pas une date; utilisez AAAA-MM-JJ, p. ex. 2026-11-22",
);

/// Where "today" comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The local calendar date of this machine.
    System,
    /// A fixed date (tests, `--today`, `CITCERT_TODAY`). `now()` is noon of that day.
    Fixed(NaiveDate),
}

impl Clock {
    /// Today's local calendar date.
    pub fn today(&self) -> NaiveDate {
        match self {
            Clock::System => Local::now().date_naive(),
            Clock::Fixed(d) => *d,
        }
    }

    /// The local date and time (seconds precision), for "last saved" stamps.
    pub fn now(&self) -> NaiveDateTime {
        match self {
            Clock::System => {
                let n = Local::now().naive_local();
                n.with_nanosecond0()
            }
            Clock::Fixed(d) => d.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("valid time")),
        }
    }

    /// The clock for a command: `--today` wins over `CITCERT_TODAY`, which wins over the system date.
    /// A bad date is refused in English and French, naming where it came from.
    pub fn resolve(arg: Option<&str>, env: Option<&str>) -> Result<Clock, Text> {
        let pick = arg
            .map(|v| ("--today", v))
            .or_else(|| env.filter(|v| !v.trim().is_empty()).map(|v| ("CITCERT_TODAY", v)));
        match pick {
            None => Ok(Clock::System),
            Some((from, v)) => parse_date(v.trim())
                .map(Clock::Fixed)
                .ok_or_else(|| crate::fill_text!(NOT_A_DATE, from = from, value = v)),
        }
    }
}

trait TruncateNanos {
    fn with_nanosecond0(self) -> Self;
}

impl TruncateNanos for NaiveDateTime {
    fn with_nanosecond0(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

/// Parses a strict `YYYY-MM-DD` calendar date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arg_beats_env_and_env_beats_system() {
        let d = |s| parse_date(s).unwrap();
        assert_eq!(
            Clock::resolve(Some("2025-06-01"), Some("2020-01-01")).unwrap(),
            Clock::Fixed(d("2025-06-01"))
        );
        assert_eq!(Clock::resolve(None, Some("2020-01-01")).unwrap(), Clock::Fixed(d("2020-01-01")));
        assert_eq!(Clock::resolve(None, Some("  ")).unwrap(), Clock::System);
        assert_eq!(Clock::resolve(None, None).unwrap(), Clock::System);
    }

    #[test]
    fn bad_dates_are_refused_with_the_source_named() {
        let e = Clock::resolve(Some("2025-13-01"), None).unwrap_err();
        assert!(e.en.contains("--today") && e.en.contains("2025-13-01"), "{e:?}");
        assert!(e.fr.contains("--today") && e.fr.contains("n'est pas une date"), "{e:?}");
        let e = Clock::resolve(None, Some("yesterday")).unwrap_err();
        assert_eq!(e.en, "CITCERT_TODAY: 'yesterday' is not a date; use YYYY-MM-DD, e.g. 2026-11-22");
        assert_eq!(
            e.fr,
            "CITCERT_TODAY : « yesterday » n'est pas une date; utilisez AAAA-MM-JJ, p. ex. 2026-11-22"
        );
        assert!(parse_date("2025-6-01").is_none());
        assert!(parse_date("2025-02-29").is_none());
        assert!(parse_date("2024-02-29").is_some());
    }

    #[test]
    fn fixed_clock_is_fixed() {
        let c = Clock::Fixed(parse_date("2025-06-01").unwrap());
        assert_eq!(c.today().to_string(), "2025-06-01");
        assert_eq!(c.now().to_string(), "2025-06-01 12:00:00");
    }
}
