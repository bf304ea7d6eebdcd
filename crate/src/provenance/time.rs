//! Publication times: ISO 8601 dates and times as minutes since 1970, so
//! that the earlier of two versions can be told.

/// Minutes since 1970 of an ISO 8601 date or time (`2024-08-01`,
/// `2024-08-01T09:30:00+01:00`, `2024-08-01 09:30Z`); `None` if unreadable.
pub fn parse_time(text: &str) -> Option<i64> {
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
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let mut minutes = days * 1440;
    if let Some(clock) = t.get(11..16).filter(|_| matches!(t.get(10..11), Some("T" | " "))) {
        minutes += num(clock.get(0..2)?)? * 60 + num(clock.get(3..5)?)?;
        let zone = t[16..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
        if let Some(sign) = zone.chars().next().filter(|c| matches!(c, '+' | '-')) {
            let offset = num(zone.get(1..3)?)? * 60 + zone.get(4..6).and_then(num).unwrap_or(0);
            minutes -= if sign == '+' { offset } else { -offset };
        }
    }
    Some(minutes)
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn times_in_iso_8601() {
        let day = parse_time("2024-08-01").unwrap();
        assert_eq!(parse_time("1970-01-02"), Some(1440));
        assert_eq!(parse_time("2024-08-01T09:30:00+01:00"), Some(day + 8 * 60 + 30));
        assert_eq!(parse_time("2024-08-01T09:30Z"), Some(day + 9 * 60 + 30));
        assert!(parse_time("2024-08-01T09:30:00-04:00") > parse_time("2024-08-01T09:30:00Z"));
        assert_eq!(parse_time("August 1"), None);
        assert_eq!(parse_time("2024-13-01"), None);
    }
}
