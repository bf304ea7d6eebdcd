//! Reading the figures of one sentence: value, unit, qualifier, what it
//! counts and the time frame its sentence gives it.

use std::borrow::Cow;

use super::{NumberFact, Period, Unit};
use crate::tokenize::{normalize, tokenize, Token, TokenKind};
use crate::words::is_stopword;

const QUALIFIERS: &[&str] = &[
    "more than",
    "over",
    "at least",
    "around",
    "about",
    "almost",
    "nearly",
    "up to",
    "fewer than",
    "less than",
    "some",
    "approximately",
    "an estimated",
    "roughly",
    "just over",
    "just under",
    "under",
    "below",
    "above",
    "as many as",
    "as much as",
];

/// How many words either side of a figure are searched for its time frame.
const PERIOD_REACH: usize = 15;

/// Words that introduce a time frame: "in 2025", "a week", "the past month", "months of 2024", "pro Jahr".
#[rustfmt::skip]
const FRAME_OPENERS: &[&str] = &[
    "in", "of", "a", "an", "per", "the", "this", "last", "past", "next", "each", "every", "since",
    "im", "pro", "seit", "diesem", "dieses", "dieser", "letzten", "vergangenen", "jedes", "jeden", "einem", "einer", "eine", "ein",
];

const TIME_WORDS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year", "decade"];

/// Reads the figures of one sentence.
///
/// ```
/// use variorum::numbers::{read_figures, Unit};
/// let f = read_figures("More than 1,100 people and £33m of funding, up 31%.");
/// assert_eq!((f[0].value, f[0].unit, f[0].qualifier.as_str()), (1100.0, Unit::Count, "more than"));
/// assert_eq!(f[0].describes, ["people"]);
/// assert_eq!((f[1].value, f[1].unit), (33_000_000.0, Unit::Gbp));
/// assert_eq!((f[2].value, f[2].unit), (31.0, Unit::Percent));
/// ```
pub fn read_figures(sentence: &str) -> Vec<NumberFact> {
    read_figures_in(sentence, &tokenize(sentence))
}

/// [`read_figures`] for a sentence already tokenised (`tokens` slice `sentence`).
pub fn read_figures_in(sentence: &str, tokens: &[Token<'_>]) -> Vec<NumberFact> {
    // The words and figures; normalised only around a figure, where they are read.
    let words: Vec<usize> =
        (0..tokens.len()).filter(|&k| matches!(tokens[k].kind, TokenKind::Word | TokenKind::Number)).collect();
    let norm = |w: usize| normalize(&tokens[words[w]]);
    let offset = |k: usize| tokens[k].text.as_ptr() as usize - sentence.as_ptr() as usize;
    let mut out: Vec<NumberFact> = Vec::new();
    // The last figure's last word and first byte.
    let mut previous_end: Option<usize> = None;
    let mut previous_start = 0;
    let mut w = 0;
    while w < words.len() {
        let Some(figure) = figure_at(tokens, &words, w) else {
            w += 1;
            continue;
        };
        let (value, mut unit, mut last) = figure;
        // A date's month may stand before its day ("Mar 3"): the mention starts there.
        let month_before = unit == Unit::Date && w > 0 && month_named(&tokens[words[w - 1]]).is_some();
        // A conversion in brackets right after a figure ("40C (104F)", "10
        // miles (16 km)") is that figure again: one fact, written with both units.
        // "(about 64km)": the bracket may hold a hedge before the figure.
        let mut open = tokens[..words[w]].iter().rev().filter(|t| t.kind != TokenKind::Space);
        let bracketed = match open.next() {
            Some(t) if t.kind == TokenKind::Word && QUALIFIERS.contains(&normalize(t).as_ref()) => {
                open.next().is_some_and(|t| t.text == "(")
            }
            t => t.is_some_and(|t| t.text == "("),
        };
        if bracketed && previous_end.is_some_and(|end| w <= end + 4) {
            let close = tokens[words[last]..].iter().take(8).position(|t| t.text == ")").map(|k| words[last] + k);
            if let (Some(close), Some(fact)) = (close, out.last_mut()) {
                fact.text = sentence[previous_start..offset(close) + 1].to_string();
            }
            w = last + 1;
            continue;
        }
        // The one or two words right before the figure, nearest first.
        let before: Vec<Cow<'_, str>> = (w.saturating_sub(2)..w).rev().map(norm).collect();
        // A range is one fact: "5% to 5.25%", "between 40 and 45 people".
        let mut up_to = None;
        let joiner = (last + 2 < words.len()).then(|| norm(last + 1));
        // "from 5.25% to 5%" and "by 0.25% to 5%" are changes, not ranges.
        let lead = before.iter().find(|b| !matches!(b.as_ref(), "a" | "an"));
        let from = lead.is_some_and(|b| matches!(b.as_ref(), "from" | "by" | "von" | "um"));
        // Or with a dash: "4.50%-4.75%", "4.5-4.75%", "£10m–£12m" (a dash
        // between two counts is a score).
        if dashed(tokens, words[last], words.get(last + 1).copied()) {
            if let Some((high, high_unit, high_last)) = figure_at(tokens, &words, last + 1) {
                let same_unit = unit != Unit::Count && high_unit == unit;
                let unit_after = unit == Unit::Count && !matches!(high_unit, Unit::Count | Unit::Score);
                if high > value && (same_unit || unit_after) {
                    up_to = Some(high);
                    unit = high_unit;
                    last = high_last;
                }
            }
        }
        if up_to.is_none() && matches!(joiner.as_deref(), Some("to" | "and" | "bis")) && !from {
            let between = joiner.as_deref() != Some("and") || before.first().is_some_and(|b| b == "between");
            if let Some((high, high_unit, high_last)) = figure_at(tokens, &words, last + 2) {
                if between && high > value && (high_unit == unit || unit == Unit::Count) {
                    up_to = Some(high);
                    unit = high_unit;
                    last = high_last;
                }
            }
        }
        // What it describes: the next two content words, up to the next
        // figure, punctuation or conjunction ("40 countries", "5% and a
        // temperature of 40C": the percentage describes nothing here).
        let mut describes: Vec<String> = Vec::new();
        for t in tokens[words[last] + 1..].iter().filter(|t| t.kind != TokenKind::Space && t.text != "-") {
            if t.kind != TokenKind::Word || word_value_of(t).is_some() {
                break;
            }
            let word = normalize(t);
            if month(&word).is_some() || matches!(word.as_ref(), "and" | "or" | "but" | "with" | "while" | "as") {
                break;
            }
            // Function words and words of time say nothing of what is counted.
            if !is_stopword(&word) && !matches!(word.as_ref(), "last" | "next" | "set" | "per" | "ago") {
                describes.push(word.into_owned());
                if describes.len() == 2 {
                    break;
                }
            }
        }
        if unit == Unit::Count && describes.first().is_some_and(|d| TIME_WORDS.iter().any(|t| d.starts_with(t))) {
            unit = Unit::Duration;
        }
        // The qualifier: one or two words right before the figure.
        let qualifier = [before.get(1).map(|b| format!("{b} {}", before[0])), before.first().map(|b| b.to_string())]
            .into_iter()
            .flatten()
            .find(|q| QUALIFIERS.contains(&q.as_str()))
            .unwrap_or_default();
        let first = w - usize::from(month_before) - if qualifier.is_empty() { 0 } else { qualifier.split(' ').count() };
        // "a death toll of 40", "a temperature of 40.2C": with no word after
        // it for what it counts, a figure measures the word before "of".
        if describes.is_empty() && first >= 2 && norm(first - 1) == "of" {
            let head = &tokens[words[first - 2]];
            let word = normalize(head);
            if head.kind == TokenKind::Word && word_value_of(head).is_none() && !is_stopword(&word) {
                describes.push(word.into_owned());
            }
        }
        let start = offset(words[first]);
        let end = offset(words[last]) + tokens[words[last]].text.len();
        // A span of time is its own time frame; a calendar year or a clock time frames others.
        let period = if matches!(unit, Unit::Duration | Unit::Year | Unit::Clock | Unit::Date) {
            None
        } else {
            time_frame(tokens, &words, w)
        };
        out.push(NumberFact {
            doc: 0,
            segment: 0,
            text: sentence[start..end].to_string(),
            value,
            unit,
            qualifier,
            describes,
            period,
            up_to,
        });
        previous_end = Some(last);
        previous_start = start;
        w = last + 1;
    }
    out
}

/// The figure that starts at `words[w]`, if any: its value, unit and last
/// word. Digits (`£33m`, `31%`, `12:50pm`, `2:00:35`), numbers in words
/// ("five", "twenty-five", "two million", "third"), and spans of time in
/// several units ("two hours and 35 seconds") as one figure.
fn figure_at(tokens: &[Token<'_>], words: &[usize], w: usize) -> Option<(f64, Unit, usize)> {
    let norm = |w: usize| normalize(&tokens[words[w]]);
    let token = &tokens[words[w]];
    let (mut value, mut unit, mut last) = if token.kind == TokenKind::Number {
        if is_identifier(tokens, words, w) {
            return None;
        }
        let (value, unit) = parse_figure(token.text)?;
        if let Some(date) = date_at(tokens, words, w, value, unit) {
            return Some(date);
        }
        // "9m high" is nine metres, not nine million.
        let dimension = |at: usize| {
            at < words.len() && matches!(norm(at).as_ref(), "high" | "tall" | "long" | "wide" | "deep" | "away")
        };
        if unit == Unit::Count && token.text.ends_with('m') && value >= 1e6 && dimension(w + 1) {
            return Some((value / 1e6, Unit::Length, w));
        }
        // A vote or a score, "5-4", is one figure, valued at its first count.
        let k = words[w];
        let score = unit == Unit::Count
            && tokens.get(k + 1).is_some_and(|t| t.text == "-")
            && tokens
                .get(k + 2)
                .is_some_and(|t| t.kind == TokenKind::Number && t.text.bytes().all(|b| b.is_ascii_digit()))
            && value < 1000.0;
        match score.then(|| tokens[k + 2].text.parse::<f64>().ok()).flatten().filter(|&m| m < 1000.0) {
            Some(_) => return Some((value, Unit::Score, w + 1)),
            None => (value, unit, w),
        }
    } else {
        if token.text.eq_ignore_ascii_case("quarter") || token.text.eq_ignore_ascii_case("half") {
            let ahead: Vec<_> = words[w..].iter().take(6).map(|&k| normalize(&tokens[k])).collect();
            if let Some((share, unit, more)) = fraction_of_a_point(&ahead) {
                return Some((share, unit, w + more));
            }
        }
        let mut value = word_value_of(token)?;
        let mut last = w;
        // "twenty-five", "two million", "three hundred".
        while let Some(next) = (last + 1 < words.len()).then(|| word_value_of(&tokens[words[last + 1]])).flatten() {
            match scale_word(&norm(last + 1)) {
                Some(scale) => value *= scale,
                None if value >= 20.0 && value % 10.0 == 0.0 && next < 10.0 => value += next,
                None => break,
            }
            last += 1;
        }
        (value, Unit::Count, last)
    };
    // A percentage in words: "5 per cent", "five percent", "0.25 percentage points".
    if unit == Unit::Count {
        let word = |at: usize| (at < words.len()).then(|| norm(at));
        match word(last + 1).as_deref() {
            Some("percent" | "pc") => {
                unit = Unit::Percent;
                last += 1;
            }
            Some("per") if matches!(word(last + 2).as_deref(), Some("cent")) => {
                unit = Unit::Percent;
                last += 2;
            }
            _ => {}
        }
    }
    // A length: "9-meter", "30-foot", "40 miles", "10 kilometres".
    if unit == Unit::Count {
        if let Some(metres) = (last + 1 < words.len()).then(|| metres_in(&norm(last + 1))).flatten() {
            value *= metres;
            unit = Unit::Length;
            last += 1;
        }
    }
    // A clock time: "12:50pm", "9 pm", "12:20 a.m.", "0900 GMT".
    if matches!(unit, Unit::Count | Unit::Clock) {
        if let Some(next) = (last + 1 < words.len()).then(|| norm(last + 1)) {
            let meridiem = matches!(next.as_ref(), "am" | "pm" | "a.m" | "p.m");
            let zone = matches!(next.as_ref(), "gmt" | "bst" | "utc" | "cet" | "edt" | "est" | "jst");
            if meridiem && value < 13.0 {
                // In whole minutes, so "12:20 a.m." and "12.20am" are one value.
                value = ((on_clock(value.trunc(), next.starts_with('p')) + value.fract()) * 60.0).round() / 60.0;
                unit = Unit::Clock;
                last += 1;
            } else if zone && token.kind == TokenKind::Number {
                if unit == Unit::Count && value >= 100.0 {
                    value = (value / 100.0).floor() + (value % 100.0) / 60.0;
                }
                unit = Unit::Clock;
                last += 1;
            }
        }
    }
    // A span in several units: "2 hours, 35 seconds", "two hours and 35 seconds".
    if unit == Unit::Count {
        if let Some(seconds) = (last + 1 < words.len()).then(|| seconds_of(&norm(last + 1))).flatten() {
            let mut total = value * seconds;
            let mut end = last + 1;
            loop {
                let mut next = end + 1;
                if next < words.len() && norm(next) == "and" {
                    next += 1;
                }
                let Some((more, _, more_last)) =
                    (next < words.len()).then(|| figure_at_plain(tokens, words, next)).flatten()
                else {
                    break;
                };
                let Some(unit_seconds) =
                    (more_last + 1 < words.len()).then(|| seconds_of(&norm(more_last + 1))).flatten()
                else {
                    break;
                };
                if unit_seconds >= seconds {
                    break;
                }
                total += more * unit_seconds;
                end = more_last + 1;
            }
            if end > last + 1 {
                return Some((total, Unit::Duration, end));
            }
        }
    }
    Some((value, unit, last))
}

/// Whether two tokens are joined by a dash alone ("4.50%-4.75%", "4.5 – 4.75%").
fn dashed(tokens: &[Token<'_>], from: usize, to: Option<usize>) -> bool {
    let Some(to) = to else { return false };
    let between: Vec<&str> =
        tokens[from + 1..to].iter().filter(|t| t.kind != TokenKind::Space).map(|t| t.text).collect();
    matches!(between[..], ["-" | "–" | "—"])
}

/// Whether the number at `words[w]` names something rather than counting
/// it: "COVID-19", "F-16" (a capitalised word joined by a hyphen), "Flight
/// 370", "Article 50".
fn is_identifier(tokens: &[Token<'_>], words: &[usize], w: usize) -> bool {
    let k = words[w];
    let joined = k >= 2
        && tokens[k - 1].text == "-"
        && tokens[k - 2].kind == TokenKind::Word
        && tokens[k - 2].text.chars().any(|c| c.is_ascii_uppercase());
    let named = w > 0
        && matches!(
            normalize(&tokens[words[w - 1]]).as_ref(),
            "flight" | "route" | "article" | "section" | "chapter" | "platform" | "gate" | "no"
        )
        && tokens[words[w - 1]].text.chars().next().is_some_and(char::is_uppercase);
    joined || named
}

/// The month a word names (1 to 12): "March", "Mar", "Sept.".
fn month(word: &str) -> Option<u8> {
    #[rustfmt::skip]
    const MONTHS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let at = MONTHS
        .iter()
        .position(|m| *m == word || word.len() == 3 && m.starts_with(word) || word == "sept" && *m == "september")?;
    Some(at as u8 + 1)
}

/// The month a word token names, capitalised as a month is: "20 may have
/// died" holds no date.
fn month_named(token: &Token<'_>) -> Option<u8> {
    token.text.starts_with(char::is_uppercase).then(|| month(&normalize(token))).flatten()
}

/// A date at the day `words[w]`, next to its month ("Mar 3", "3 March",
/// "March 3, 2024"): month × 100 + day, and the last word it takes.
fn date_at(tokens: &[Token<'_>], words: &[usize], w: usize, value: f64, unit: Unit) -> Option<(f64, Unit, usize)> {
    let day = tokens[words[w]].text.bytes().all(|b| b.is_ascii_digit()) && unit == Unit::Count;
    if !day || !(1.0..=31.0).contains(&value) {
        return None;
    }
    let before = (w > 0).then(|| month_named(&tokens[words[w - 1]])).flatten();
    let after = (w + 1 < words.len()).then(|| month_named(&tokens[words[w + 1]])).flatten();
    let (month, mut last) = match (before, after) {
        (Some(m), _) => (m, w),
        (None, Some(m)) => (m, w + 1),
        _ => return None,
    };
    // A year right after: "March 3, 2024", "3 March 2024".
    if last + 1 < words.len() && is_year(tokens[words[last + 1]].text) {
        last += 1;
    }
    Some((f64::from(month) * 100.0 + value, Unit::Date, last))
}

/// Metres in one unit of length named by `word` (normalised; "m" only as a
/// suffix, where the caller allows it).
fn metres_in(word: &str) -> Option<f64> {
    Some(match word {
        "m" | "metre" | "metres" | "meter" | "meters" => 1.0,
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => 1000.0,
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => 0.01,
        "mile" | "miles" => 1609.344,
        "ft" | "foot" | "feet" => 0.3048,
        "yard" | "yards" => 0.9144,
        _ => return None,
    })
}

/// A plain count in digits or words at `words[w]` (no clock, no span).
fn figure_at_plain(tokens: &[Token<'_>], words: &[usize], w: usize) -> Option<(f64, Unit, usize)> {
    let token = &tokens[words[w]];
    if token.kind == TokenKind::Number {
        let (value, unit) = parse_figure(token.text)?;
        return (unit == Unit::Count).then_some((value, unit, w));
    }
    word_value_of(token).map(|v| (v, Unit::Count, w))
}

/// The hour of the day that `hours` on a twelve-hour clock is: 12 a.m. is 0, 3 p.m. is 15.
fn on_clock(hours: f64, pm: bool) -> f64 {
    match (pm, hours >= 12.0) {
        (true, false) => hours + 12.0,
        (false, true) => hours - 12.0,
        _ => hours,
    }
}

/// "a quarter of a percentage point", "half a point": a share of a point as
/// a percentage, and how many words past the first it takes (`None` otherwise;
/// a quarter of anything else is no figure here: "the first quarter").
fn fraction_of_a_point(words: &[std::borrow::Cow<'_, str>]) -> Option<(f64, Unit, usize)> {
    let w: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
    let (value, rest) = match w.as_slice() {
        ["quarter", "of", "a", rest @ ..] => (0.25, rest),
        ["half", "a", rest @ ..] | ["half", "of", "a", rest @ ..] => (0.5, rest),
        _ => return None,
    };
    let point = match rest {
        ["percentage", "point" | "points", ..] => 2,
        ["point", ..] => 1,
        _ => return None,
    };
    Some((value, Unit::Percent, words.len() - rest.len() + point - 1))
}

/// Seconds in one unit of time named by `word` ("hours", "minute", "secs").
fn seconds_of(word: &str) -> Option<f64> {
    Some(match word.trim_end_matches('s') {
        "second" | "sec" => 1.0,
        "minute" | "min" => 60.0,
        "hour" | "hr" => 3600.0,
        _ => return None,
    })
}

/// [`word_value`] of a word token, normalised only when it may be one.
fn word_value_of(token: &Token<'_>) -> Option<f64> {
    let text = token.text;
    if !(3..=10).contains(&text.len()) {
        return None;
    }
    match text.as_bytes()[0] {
        b'a'..=b'z' => word_value(text),
        b'A'..=b'Z' => word_value(&normalize(token)),
        _ => None,
    }
}

/// A number written as a word, English or German: "five", "fifth",
/// "fünf", "fünfter", "forty", "dozen", "million". Not "one", "first" or
/// "ein" (too often no figure at all), nor "achten" (also "to heed"). The
/// one table, for the figures and the aligner's terms. One `match`: every
/// word of a text comes here, and most are turned away by length.
pub(crate) fn word_value(word: &str) -> Option<f64> {
    Some(match word {
        "two" | "second" | "zwei" | "zweite" | "zweiter" | "zweiten" | "zweites" => 2.0,
        "three" | "third" | "drei" | "dritte" | "dritter" | "dritten" | "drittes" => 3.0,
        "four" | "fourth" | "vier" | "vierte" | "vierter" | "vierten" | "viertes" => 4.0,
        "five" | "fifth" | "fünf" | "fünfte" | "fünfter" | "fünften" | "fünftes" => 5.0,
        "six" | "sixth" | "sechs" | "sechste" | "sechster" | "sechsten" | "sechstes" => 6.0,
        "seven" | "seventh" | "sieben" | "siebte" | "siebter" | "siebten" | "siebtes" => 7.0,
        "eight" | "eighth" | "acht" | "achte" | "achter" | "achtes" => 8.0,
        "nine" | "ninth" | "neun" | "neunte" | "neunter" | "neunten" | "neuntes" => 9.0,
        "ten" | "tenth" | "zehn" | "zehnte" | "zehnter" | "zehnten" | "zehntes" => 10.0,
        "eleven" | "eleventh" | "elf" | "elfte" | "elfter" | "elften" | "elftes" => 11.0,
        "twelve" | "twelfth" | "dozen" | "zwölf" | "zwölfte" | "zwölfter" | "zwölften" | "zwölftes" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" | "zwanzig" => 20.0,
        "thirty" | "dreißig" => 30.0,
        "forty" | "vierzig" => 40.0,
        "fifty" | "fünfzig" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundert" => 100.0,
        _ => return scale_word(word),
    })
}

/// A word that multiplies the number before it.
fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        _ => return None,
    })
}

/// The time frame of the figure at `words[w]`: the nearest one within reach
/// on either side (after it on a tie), not past another figure. A frame is
/// introduced ("in 2025", "the past week"), not any mention ("2025 the worst year").
fn time_frame(tokens: &[Token<'_>], words: &[usize], w: usize) -> Option<Period> {
    let mut nearest: Option<(usize, Period)> = None;
    for forward in [true, false] {
        for d in 1..=PERIOD_REACH {
            let Some(p) = (if forward { Some(w + d).filter(|&p| p < words.len()) } else { w.checked_sub(d) }) else {
                break;
            };
            let token = &tokens[words[p]];
            let named = match token.kind {
                TokenKind::Number if is_year(token.text) => Some(Period::Year),
                TokenKind::Number => break,
                _ => Period::of_word(token.text),
            };
            let introduced = || p > 0 && FRAME_OPENERS.contains(&normalize(&tokens[words[p - 1]]).as_ref());
            if let Some(period) = named.filter(|_| introduced()) {
                if nearest.is_none_or(|(best, _)| d < best) {
                    nearest = Some((d, period));
                }
                break;
            }
        }
    }
    nearest.map(|(_, period)| period)
}

/// A calendar year as written: four digits, 1800 to 2100.
fn is_year(text: &str) -> bool {
    let digits = text.trim_end_matches('.');
    digits.len() == 4 && digits.parse::<u16>().is_ok_and(|y| is_year_value(f64::from(y)))
}

/// Whether a whole number may be a calendar year: 1800 to 2100.
pub(crate) fn is_year_value(value: f64) -> bool {
    value.fract() == 0.0 && (1800.0..=2100.0).contains(&value)
}

/// The number at the start of `text` (lower case, no currency sign) and
/// the scale its suffix gives: "1,100" 1100, "3,5" 3.5 (a comma between
/// groups of three digits separates thousands, otherwise it is a decimal
/// comma), "33m" 33 × 1e6. Also the suffix and the digits as written. The
/// one reading of a written number, for the figures and the aligner's terms.
pub(crate) fn number_and_scale(text: &str) -> Option<(f64, f64, &str, &str)> {
    let digits_end = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(text.len());
    let (figure, suffix) = text.split_at(digits_end);
    let figure = figure.trim_end_matches('.');
    let plain: String = if figure.split(',').skip(1).all(|g| g.len() == 3) {
        figure.replace(',', "")
    } else {
        figure.replace('.', "").replace(',', ".")
    };
    let value: f64 = plain.parse().ok()?;
    let suffix = suffix.trim();
    let scale = match suffix {
        "m" | "mn" | "million" | "millionen" | "mio" => 1e6,
        "bn" | "billion" | "milliarden" | "mrd" => 1e9,
        "tn" | "trillion" => 1e12,
        "k" | "thousand" => 1e3,
        "hundred" => 1e2,
        _ => 1.0,
    };
    Some((value, scale, suffix, figure))
}

/// Value and unit of one number token: `£33 million`, `$10bn`, `31%`, `1,100`, `2025`.
fn parse_figure(text: &str) -> Option<(f64, Unit)> {
    let lower = text.to_lowercase();
    // "2:00:35" is a span of time (seconds); "12:50pm", "12.50pm", "9pm" a time of day (hours).
    let clock = |rest: &str, pm: bool| -> Option<f64> {
        let mut parts = rest.split([':', '.']);
        let hours: f64 = parts.next()?.parse().ok()?;
        let minutes: f64 = parts.next().map_or(Some(0.0), |m| m.parse().ok())?;
        Some((on_clock(hours, pm) * 60.0 + minutes) / 60.0)
    };
    for (suffix, pm) in [("pm", true), ("am", false)] {
        if let Some(rest) = lower.strip_suffix(suffix) {
            return clock(rest, pm).map(|v| (v, Unit::Clock));
        }
    }
    if lower.contains(':') {
        let parts: Vec<f64> = lower.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
        return Some(match parts[..] {
            [h, m, s] => (h * 3600.0 + m * 60.0 + s, Unit::Duration),
            [h, m] => ((h * 60.0 + m) / 60.0, Unit::Clock),
            _ => return None,
        });
    }
    // The currencies the tokenizer puts before a figure, every one of them;
    // letters before a dollar sign name its country ("us$", "a$", "nz$").
    let letters = lower.len() - lower.trim_start_matches(|c: char| c.is_ascii_lowercase()).len();
    let currency = match lower[letters..].chars().next() {
        Some('$') if letters == 0 || &lower[..letters] == "us" => Some((Unit::Usd, &lower[letters + 1..])),
        Some('$') => Some((Unit::OtherDollar, &lower[letters + 1..])),
        Some(sign @ ('£' | '€' | '¥' | '₹')) if letters == 0 => {
            let unit = match sign {
                '£' => Unit::Gbp,
                '€' => Unit::Eur,
                '¥' => Unit::Jpy,
                _ => Unit::Inr,
            };
            Some((unit, &lower[sign.len_utf8()..]))
        }
        _ => None,
    };
    let (unit, rest) = match currency {
        Some((unit, rest)) => (Some(unit), rest),
        None => (None, lower.as_str()),
    };
    let (value, scale, suffix, written) = number_and_scale(rest)?;
    if unit.is_none() {
        if let Some(metres) = metres_in(suffix).filter(|_| suffix != "m") {
            return Some((value * metres, Unit::Length));
        }
    }
    let unit = match unit {
        Some(u) => u,
        None if suffix == "%" => Unit::Percent,
        // Four digits as written: "2,025 people" is a count.
        None if scale == 1.0 && written.len() == 4 && is_year_value(value) => Unit::Year,
        None => Unit::Count,
    };
    Some((value * scale, unit))
}
