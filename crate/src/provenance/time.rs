//! Publication times: ISO 8601 dates and times as the stretch of minutes
//! since 1970 they may stand for, so that the earlier of two versions is
//! told only where the stretches do not overlap.

/// Widest offset of a time zone from UTC, in minutes (UTC-12 to UTC+14).
const ZONES: i64 = 14 * 60;

/// When a version may have been published: minutes since 1970, `from`
/// inclusive, `to` exclusive. A date is its whole day, a time its minute;
/// `zoned` when a zone says where (in UTC), otherwise in local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// First minute it may be.
    pub from: i64,
    /// The minute after the last it may be.
    pub to: i64,
    /// Whether a zone placed it in UTC.
    pub zoned: bool,
}

impl Published {
    /// Whether this was published before `other` for certain. Two local
    /// times are taken to be in one zone (revisions of one article, one
    /// outlet's datelines); against a time in UTC a local one may be in any zone.
    pub fn before(self, other: Published) -> bool {
        let widen = if self.zoned == other.zoned { 0 } else { ZONES };
        self.to + widen <= other.from
    }
}

/// The stretch of an ISO 8601 date or time (`2024-08-01`,
/// `2024-08-01T09:30:00+01:00`, `2024-08-01 09:30Z`); `None` if unreadable.
pub fn parse_time(text: &str) -> Option<Published> {
    let t = text.trim();
    let num = |s: &str| s.parse::<i64>().ok();
    let (y, m, d) = (num(t.get(0..4)?)?, num(t.get(5..7)?)?, num(t.get(8..10)?)?);
    if t.get(4..5)? != "-" || t.get(7..8)? != "-" || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let (yy, mm) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * mm + 2) / 5 + d - 1;
    let day = (era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468) * 1440;
    let Some(clock) = t.get(11..16).filter(|_| matches!(t.get(10..11), Some("T" | " "))) else {
        return Some(Published { from: day, to: day + 1440, zoned: false });
    };
    let (hours, minutes) = (num(clock.get(0..2)?)?, num(clock.get(3..5)?)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    let minute = day + hours * 60 + minutes;
    let zone = t[16..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    match zone.chars().next() {
        Some('Z' | 'z') => Some(Published { from: minute, to: minute + 1, zoned: true }),
        Some(sign @ ('+' | '-')) => {
            let offset = num(zone.get(1..3)?)? * 60 + zone.get(4..6).and_then(num).unwrap_or(0);
            let utc = minute - if sign == '+' { offset } else { -offset };
            Some(Published { from: utc, to: utc + 1, zoned: true })
        }
        _ => Some(Published { from: minute, to: minute + 1, zoned: false }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> i64 {
        let p = parse_time(text).unwrap();
        assert!(p.zoned && p.to - p.from == 1, "{text} is one minute in UTC");
        p.from
    }

    #[test]
    fn times_in_iso_8601() {
        let day = at("2024-08-01T00:00Z");
        assert_eq!(at("1970-01-02T00:00Z"), 1440);
        assert_eq!(at("2024-08-01T09:30:00+01:00"), day + 8 * 60 + 30);
        assert_eq!(at("2024-08-01T09:30Z"), day + 9 * 60 + 30);
        assert!(at("2024-08-01T09:30:00-04:00") > at("2024-08-01T09:30:00Z"));
        assert_eq!(parse_time("August 1"), None);
        assert_eq!(parse_time("2024-13-01"), None);
        assert_eq!(parse_time("2024-08-01T25:00Z"), None);
    }

    #[test]
    fn a_date_alone_does_not_order_versions_of_its_day() {
        let date = parse_time("2024-08-01").unwrap();
        let morning = parse_time("2024-08-01T09:30Z").unwrap();
        assert!(!date.before(morning) && !morning.before(date));
        // A zoneless time may be in any zone: not before a time two hours later in UTC.
        assert!(!parse_time("2024-08-01 09:30").unwrap().before(parse_time("2024-08-01T11:30Z").unwrap()));
        // Local dates are read in one zone: the next day is later.
        assert!(date.before(parse_time("2024-08-02").unwrap()));
        assert!(parse_time("2024-08-01 09:30").unwrap().before(parse_time("2024-08-01 09:31").unwrap()));
        assert!(morning.before(parse_time("2024-08-01T09:31Z").unwrap()));
    }
}
