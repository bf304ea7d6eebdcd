//! Reading the figures of one sentence: value, unit, qualifier, what it
//! counts and the time frame its sentence gives it.

use std::borrow::Cow;

use super::{NumberFact, Period, Unit};
use crate::tokenize::{normalize, tokenize, Token, TokenKind};

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
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    // The words and figures; normalised only around a figure, where they are read.
    let words: Vec<usize> =
        (0..tokens.len()).filter(|&k| matches!(tokens[k].kind, TokenKind::Word | TokenKind::Number)).collect();
    let norm = |k: usize| normalize(&tokens[k]);
    let mut out = Vec::new();
    for (w, &k) in words.iter().enumerate() {
        let token = &tokens[k];
        if token.kind != TokenKind::Number {
            continue;
        }
        let Some((value, mut unit)) = parse_figure(token.text) else {
            continue;
        };
        // What it describes: the next two content words, stopping at the next figure.
        let describes: Vec<String> = words[w + 1..]
            .iter()
            .take_while(|&&k| tokens[k].kind == TokenKind::Word)
            .map(|&k| norm(k).into_owned())
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "of" | "the" | "a" | "in" | "and" | "to" | "have" | "has" | "had" | "were" | "was"
                )
            })
            .take(2)
            .collect();
        if unit == Unit::Count && describes.first().is_some_and(|d| TIME_WORDS.iter().any(|t| d.starts_with(t))) {
            unit = Unit::Duration;
        }
        // The qualifier: one or two words right before the figure.
        let before: Vec<Cow<'_, str>> = words[..w].iter().rev().take(2).map(|&k| norm(k)).collect();
        let qualifier = [before.get(1).map(|b| format!("{b} {}", before[0])), before.first().map(|b| b.to_string())]
            .into_iter()
            .flatten()
            .find(|q| QUALIFIERS.contains(&q.as_str()))
            .unwrap_or_default();
        let start = if qualifier.is_empty() {
            token.text.as_ptr() as usize - sentence.as_ptr() as usize
        } else {
            let first = words[w - qualifier.split(' ').count()];
            tokens[first].text.as_ptr() as usize - sentence.as_ptr() as usize
        };
        let end = token.text.as_ptr() as usize - sentence.as_ptr() as usize + token.text.len();
        // A span of time is its own time frame; a calendar year frames others.
        let period = if matches!(unit, Unit::Duration | Unit::Year) { None } else { time_frame(tokens, &words, w) };
        out.push(NumberFact {
            doc: 0,
            segment: 0,
            text: sentence[start..end].to_string(),
            value,
            unit,
            qualifier,
            describes,
            period,
        });
    }
    out
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
    digits.len() == 4 && digits.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Value and unit of one number token: `£33 million`, `$10bn`, `31%`, `1,100`, `2025`.
fn parse_figure(text: &str) -> Option<(f64, Unit)> {
    let lower = text.to_lowercase();
    let (unit, rest) = match lower.chars().next()? {
        '£' => (Some(Unit::Gbp), &lower['£'.len_utf8()..]),
        '$' => (Some(Unit::Usd), &lower[1..]),
        '€' => (Some(Unit::Eur), &lower['€'.len_utf8()..]),
        _ => (None, lower.as_str()),
    };
    let digits_end = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    let (figure, suffix) = rest.split_at(digits_end);
    let figure = figure.trim_end_matches('.');
    // A comma between groups of three digits separates thousands; otherwise it is a decimal comma.
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
    let unit = match unit {
        Some(u) => u,
        None if suffix == "%" => Unit::Percent,
        None if scale == 1.0 && !plain.contains('.') && (1800.0..=2100.0).contains(&value) && figure.len() == 4 => {
            Unit::Year
        }
        None => Unit::Count,
    };
    Some((value * scale, unit))
}
