//! Wire datelines: where and when a story was filed, set before its lede.
//!
//! Read left to right as a small grammar, never by searching the line:
//! an optional syndication tag in brackets (`(MENAFN- IANS)`), a place
//! (`CHICAGO`, `Tokyo`, `CITY/CITY`), an optional date (`Aug 1`,
//! `September 25.`), an optional agency (`(AP)`, `/TASS/.`), then a dash, a
//! colon or the end of the line. A place alone counts only in capitals, so a
//! lede that opens "Paris, the capital, …" is never taken for one.

/// Length of the dateline that opens `line`, with its closing dash or colon:
/// `date 2025-03-31`, `LONDON (AFP) -`, `LONDON, March 31 (Reuters) —`,
/// `Tokyo, Jan 19 (AP)`, `PARIS, September 25. /TASS/.`, `GENEVA:`.
pub(super) fn dateline_len(line: &str) -> Option<usize> {
    if let Some(rest) = line.strip_prefix("date ") {
        let date = rest.bytes().take_while(|c| c.is_ascii_digit() || *c == b'-').count();
        if date >= 8 {
            return Some(5 + date);
        }
    }
    let mut at = Reader { line, pos: 0 };
    // A syndication tag: "(MENAFN- IANS) "; or the agency alone: "(Xinhua) —".
    if at.rest().starts_with('(') {
        at.bracketed('(', ')', 24)?;
        let tag_end = at.pos;
        at.spaces();
        for dash in ["—", "–"] {
            if at.eat(dash) && (at.rest().is_empty() || at.rest().starts_with(' ')) {
                return Some(at.pos);
            }
        }
        at.pos = tag_end;
        at.spaces();
    }
    let capitals = at.place()?;
    let mut date = false;
    let mut source = false;
    if at.eat(",") {
        at.spaces();
        date = at.date();
        // Or the outlet: "London, Europe Brief News –" (a dash must follow).
        source = !date && at.place().is_some();
        if !date && !source {
            return None;
        }
    }
    let before_agency = at.pos;
    at.spaces();
    let (open, close) = if at.rest().starts_with('/') { ('/', '/') } else { ('(', ')') };
    let agency = at.bracketed(open, close, 24).is_some_and(|tag| tag.starts_with(char::is_uppercase));
    if agency {
        at.eat(".");
    } else {
        at.pos = before_agency;
    }
    let end_of_head = at.pos;
    // "/TASS/." closes itself; so does a date and an agency before the lede
    // ("Tokyo, Jan 19 (AP) A Japanese spacecraft").
    if agency && at.line[..end_of_head].ends_with('.') {
        return Some(end_of_head);
    }
    at.spaces();
    if at.rest().is_empty() {
        return (date || agency || capitals).then_some(end_of_head);
    }
    if agency && date && at.rest().starts_with(char::is_uppercase) {
        return Some(end_of_head);
    }
    // A dash set off by spaces, or a colon right after the place's capitals.
    for dash in ["—", "–", "-"] {
        if at.pos > end_of_head && at.eat(dash) && at.rest().starts_with(' ') {
            return (date || agency || capitals || source).then_some(at.pos);
        }
    }
    if source {
        return None;
    }
    if capitals && at.pos == end_of_head && at.eat(":") && (at.rest().is_empty() || at.rest().starts_with(' ')) {
        return Some(at.pos);
    }
    None
}

/// A cursor over the line.
struct Reader<'a> {
    line: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.line[self.pos..]
    }

    fn eat(&mut self, s: &str) -> bool {
        let found = self.rest().starts_with(s);
        if found {
            self.pos += s.len();
        }
        found
    }

    fn spaces(&mut self) {
        self.pos += self.rest().len() - self.rest().trim_start_matches(' ').len();
    }

    /// `open … close` of at most `max` bytes inside; returns the inside.
    fn bracketed(&mut self, open: char, close: char, max: usize) -> Option<&str> {
        let start = self.pos + open.len_utf8();
        let end = start + self.rest().strip_prefix(open)?.char_indices().take(max + 1).find(|&(_, c)| c == close)?.0;
        self.pos = end + close.len_utf8();
        Some(&self.line[start..end])
    }

    /// One to four capitalised words (`/` joins places); whether all are in capitals.
    fn place(&mut self) -> Option<bool> {
        let mut words = 0;
        let mut capitals = true;
        let start = self.pos;
        loop {
            let word_len = self
                .rest()
                .char_indices()
                .find(|&(_, c)| !(c.is_alphabetic() || c == '.' || c == '\'' || c == '’'))
                .map_or(self.rest().len(), |(k, _)| k);
            let word = &self.rest()[..word_len];
            if word.is_empty() || !word.starts_with(char::is_uppercase) {
                break;
            }
            capitals &= word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            words += 1;
            self.pos += word_len;
            let mark = self.pos;
            if !(self.eat("/") || self.eat(" ")) || words == 4 {
                self.pos = if words == 4 { mark } else { self.pos };
                break;
            }
            if !self.rest().starts_with(char::is_uppercase) {
                self.pos = mark;
                break;
            }
        }
        let letters = self.line[start..self.pos].chars().filter(|c| c.is_alphabetic()).count();
        (words > 0 && letters >= 3).then_some(capitals)
    }

    /// `Aug 1`, `August 1.`, `1 August`, `Jan. 19, 2024`, `September 25.`
    fn date(&mut self) -> bool {
        let start = self.pos;
        let month = |r: &mut Self| {
            let len = r.rest().chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
            let word = r.rest()[..len].to_ascii_lowercase();
            let ok = len >= 3 && MONTHS.iter().any(|m| m.starts_with(&word));
            if ok {
                r.pos += len;
                r.eat(".");
            }
            ok
        };
        let day = |r: &mut Self| {
            let len = r.rest().bytes().take_while(u8::is_ascii_digit).count();
            r.pos += len;
            (1..=2).contains(&len)
        };
        let found = if month(self) {
            self.spaces();
            day(self)
        } else if day(self) {
            self.spaces();
            month(self)
        } else {
            false
        };
        if !found {
            self.pos = start;
            return false;
        }
        let mark = self.pos;
        if self.eat(",") {
            self.spaces();
            if self.rest().bytes().take_while(u8::is_ascii_digit).count() == 4 {
                self.pos += 4;
            } else {
                self.pos = mark;
            }
        }
        self.eat(".");
        true
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

#[cfg(test)]
mod tests {
    use super::dateline_len;

    fn head(line: &str) -> Option<&str> {
        dateline_len(line).map(|n| &line[..n])
    }

    #[test]
    fn wire_forms() {
        assert_eq!(head("CHICAGO (AP) — Kelvin Kiptum ran."), Some("CHICAGO (AP) —"));
        assert_eq!(head("GENEVA (Reuters) – The WHO said."), Some("GENEVA (Reuters) –"));
        assert_eq!(head("LONDON, March 31 (Reuters) — The talks."), Some("LONDON, March 31 (Reuters) —"));
        assert_eq!(head("WASHINGTON — The talks."), Some("WASHINGTON —"));
        assert_eq!(head("PARIS, September 25. /TASS/. A court ruled."), Some("PARIS, September 25. /TASS/."));
        assert_eq!(head("PARIS, September 25. /TASS/."), Some("PARIS, September 25. /TASS/."));
        assert_eq!(head("Tokyo, Jan 19 (AP)"), Some("Tokyo, Jan 19 (AP)"));
        assert_eq!(head("(MENAFN- IANS) London, Aug 1 (IANS)"), Some("(MENAFN- IANS) London, Aug 1 (IANS)"));
        assert_eq!(head("NAIROBI/GENEVA: The death toll rose."), Some("NAIROBI/GENEVA:"));
        assert_eq!(head("date 2024-08-01"), Some("date 2024-08-01"));
        assert_eq!(head("(Xinhua) — The probe landed."), Some("(Xinhua) —"));
        assert_eq!(head("TOKYO, Jan. 20:"), Some("TOKYO, Jan. 20:"));
        assert_eq!(head("Tokyo, Jan 19 (AP) A Japanese spacecraft landed."), Some("Tokyo, Jan 19 (AP)"));
        assert_eq!(head("London, Europe Brief News – The UK has hit 40C."), Some("London, Europe Brief News –"));
    }

    #[test]
    fn ledes_are_not_datelines() {
        assert_eq!(head("Paris, the capital, was hot."), None);
        assert_eq!(head("Paris, France, was hot."), None, "a place and an outlet need a dash");
        assert_eq!(head("Tokyo (AP) A spacecraft landed."), None, "an agency alone before the lede needs a dash");
        assert_eq!(head("London: The PM said so."), None, "a place in title case needs a date or an agency");
        assert_eq!(head("Kenya's Kelvin Kiptum breaks men's marathon world record in Chicago"), None);
        assert_eq!(head("The Bank of England - a central bank - voted."), None);
        assert_eq!(head("Bank Of England Cuts Interest Rate To 5 Percent"), None);
        assert_eq!(head("UK"), None);
        assert_eq!(head("NHS staff - nurses and doctors - struck."), None, "a sentence, though it opens in capitals");
    }
}
