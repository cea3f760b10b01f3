//! The 60-day rule (SPEC §5 V-DRAFT, DR-16): a draft may be opened and saved while
//! `today - created_on <= 60` days; from day 61 it is expired and deleted.
//!
//! Two guards against a clock that goes backwards:
//! * "today" is never taken to be earlier than the draft's last save (`last_saved` never moves
//!   backwards either), so setting the clock back cannot win back days already used;
//! * days left are capped at 60, so a "today" before the start date gives 60, never more.
//!
//! The last allowed day is always `created_on + 60`; nothing here can move it.

use crate::engine::text::Lang;
use crate::fill;
use crate::words::Template;
use chrono::{NaiveDate, NaiveDateTime};

/// Days a draft is kept, counted from the day it was started ("up to 60 days", G L140).
pub const MAX_DAYS: i64 = 60;
/// A warning is shown when this many days or fewer are left (SPEC V-DRAFT [assumption]).
pub const WARN_DAYS: i64 = 7;

/// Where a draft stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expiry {
    pub created_on: NaiveDate,
    /// The last day the draft may be opened or saved: `created_on + 60`.
    pub last_day: NaiveDate,
    /// The date the computation used: `max(today, last saved date)`.
    pub effective_today: NaiveDate,
    /// `60 - (effective_today - created_on)`, capped at 60; negative once expired.
    pub days_left: i64,
}

impl Expiry {
    pub fn compute(created_on: NaiveDate, last_saved: Option<NaiveDateTime>, today: NaiveDate) -> Expiry {
        let effective_today = match last_saved {
            Some(ls) if ls.date() > today => ls.date(),
            _ => today,
        };
        let elapsed = (effective_today - created_on).num_days();
        Expiry {
            created_on,
            last_day: created_on + chrono::Duration::days(MAX_DAYS),
            effective_today,
            days_left: (MAX_DAYS - elapsed).min(MAX_DAYS),
        }
    }

    /// Day 61 or later: may not be opened or saved; deleted at the next start.
    pub fn is_expired(&self) -> bool {
        self.days_left < 0
    }

    /// Still allowed, with 7 days or fewer left.
    pub fn is_warning(&self) -> bool {
        !self.is_expired() && self.days_left <= WARN_DAYS
    }

    /// "12 days left", "0 days left — last day", "expired".
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    /// "12 days left" / « 12 jours restants ».
    pub fn describe_in(&self, lang: Lang) -> String {
        const EXPIRED: Template = Template::new(
            &["last"],
            "expired (last day was {last})",
            "expiré (le dernier jour était le {last})",
        );
        const LAST_DAY: Template = Template::new(
            &["last"],
            "0 days left — today ({last}) is the last day",
            "0 jour restant — aujourd’hui ({last}) est le dernier jour",
        );
        match self.days_left {
            d if d < 0 => fill!(EXPIRED, lang, last = self.last_day),
            0 => fill!(LAST_DAY, lang, last = self.last_day),
            d => days_left_words(lang, d),
        }
    }
}

/// "12 days left", "1 day left", "0 days left" (« 12 jours restants », « 1 jour restant », « 0 jour
/// restant »): the short form, also the TUI header's.
pub fn days_left_words(lang: Lang, days: i64) -> String {
    const ONE: Template = Template::new(&["n"], "{n} day left", "{n} jour restant");
    const MANY: Template = Template::new(&["n"], "{n} days left", "{n} jours restants");
    match (lang, days) {
        (_, 1) | (Lang::Fr, 0) => fill!(ONE, lang, n = days),
        _ => fill!(MANY, lang, n = days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_form_counts_in_each_language() {
        assert_eq!(days_left_words(Lang::En, 1), "1 day left");
        assert_eq!(days_left_words(Lang::En, 0), "0 days left");
        assert_eq!(days_left_words(Lang::En, 59), "59 days left");
        assert_eq!(days_left_words(Lang::Fr, 1), "1 jour restant");
        assert_eq!(days_left_words(Lang::Fr, 0), "0 jour restant");
        assert_eq!(days_left_words(Lang::Fr, 2), "2 jours restants");
    }

    fn d(s: &str) -> NaiveDate {
        crate::clock::parse_date(s).unwrap()
    }

    #[test]
    fn x1_day_60_is_allowed_with_zero_days_left_and_a_warning() {
        let e = Expiry::compute(d("2025-06-01"), None, d("2025-07-31"));
        assert_eq!(e.days_left, 0);
        assert!(!e.is_expired());
        assert!(e.is_warning());
        assert!(e.describe().starts_with("0 days left"), "{}", e.describe());
        assert_eq!(e.last_day, d("2025-07-31"));
    }

    #[test]
    fn x2_day_61_is_expired() {
        let e = Expiry::compute(d("2025-06-01"), None, d("2025-08-01"));
        assert_eq!(e.days_left, -1);
        assert!(e.is_expired());
        assert!(!e.is_warning());
    }

    #[test]
    fn warning_starts_at_seven_days_left() {
        assert!(!Expiry::compute(d("2025-06-01"), None, d("2025-07-23")).is_warning()); // 8 left
        assert!(Expiry::compute(d("2025-06-01"), None, d("2025-07-24")).is_warning()); // 7 left
    }

    #[test]
    fn start_day_has_sixty_days_left_and_a_clock_before_the_start_gives_no_more() {
        assert_eq!(Expiry::compute(d("2025-06-01"), None, d("2025-06-01")).days_left, 60);
        let e = Expiry::compute(d("2025-06-01"), None, d("2025-01-01"));
        assert_eq!(e.days_left, 60);
        assert_eq!(e.last_day, d("2025-07-31"));
    }

    #[test]
    fn a_clock_set_back_below_the_last_save_does_not_give_days_back() {
        let saved = d("2025-07-30").and_hms_opt(9, 0, 0);
        let e = Expiry::compute(d("2025-06-01"), saved, d("2025-06-05"));
        assert_eq!(e.days_left, 1);
        assert_eq!(e.effective_today, d("2025-07-30"));
        // and a save on the last day followed by a clock set back still expires the next day
        let saved = d("2025-07-31").and_hms_opt(23, 59, 59);
        assert!(!Expiry::compute(d("2025-06-01"), saved, d("2025-06-02")).is_expired());
        assert!(Expiry::compute(d("2025-06-01"), saved, d("2025-08-01")).is_expired());
    }

    #[test]
    fn leap_years_count_calendar_days() {
        // 2024-01-01 + 60 days = 2024-03-01 (29 days in February 2024)
        assert_eq!(Expiry::compute(d("2024-01-01"), None, d("2024-03-01")).days_left, 0);
        assert!(Expiry::compute(d("2024-01-01"), None, d("2024-03-02")).is_expired());
    }
}
