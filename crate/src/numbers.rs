//! Numeric facts: figures normalised, grouped across versions by what they
//! describe, with disagreements flagged.
//!
//! `£33 million`, `£33m` and `£33,000,000` are one value. A figure's
//! *qualifier* ("more than", "around", "up to") is part of the fact:
//! "more than 40 countries" and "40 countries" disagree. Figures correspond
//! across versions when they are in linked sentences with the same unit, or
//! have the same unit and describe the same thing (shared neighbouring words),
//! unless their sentences give them different time frames: "1,100 in the
//! past week" and "6,000 so far in 2025" are two facts, not one in dispute.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::terms::{stem, STEM_CHARS};
use crate::tokenize::{normalize, tokenize, Token, TokenKind};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// Pounds sterling.
    Gbp,
    /// US dollars.
    Usd,
    /// Euros.
    Eur,
    /// A percentage.
    Percent,
    /// A calendar year.
    Year,
    /// A span of time ("two weeks", "48 hours").
    Duration,
    /// A count of things.
    Count,
}

/// One figure in one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberFact {
    /// The version.
    pub doc: usize,
    /// The segment it is in.
    pub segment: usize,
    /// The figure as written, with its qualifier ("more than 1,100").
    pub text: String,
    /// Its value (money in units, `£33m` = 33000000).
    pub value: f64,
    /// What it measures.
    pub unit: Unit,
    /// "more than", "around"... normalised to lower case; empty if exact.
    pub qualifier: String,
    /// Content words right after the figure: what it counts ("people", "countries").
    pub describes: Vec<String>,
    /// The time frame its sentence gives it, if any ("in the past week": week).
    pub period: Option<Period>,
}

/// The time frame of a figure: the nearest day, week, month or year word
/// (or calendar year) in its sentence, not past another figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// "a day", "daily", "pro Tag".
    Day,
    /// "in the past week", "wöchentlich".
    Week,
    /// "last month", "monthly".
    Month,
    /// "so far in 2025", "a year", "jährlich".
    Year,
}

impl Period {
    /// The period a word names, English or German, as written (case aside).
    fn of_word(word: &str) -> Option<Period> {
        use Period::*;
        #[rustfmt::skip]
        const NAMES: &[(&str, Period)] = &[
            ("day", Day), ("daily", Day), ("tag", Day), ("tage", Day), ("tagen", Day), ("täglich", Day),
            ("week", Week), ("weekly", Week), ("woche", Week), ("wochen", Week), ("wöchentlich", Week),
            ("month", Month), ("monthly", Month), ("monat", Month), ("monate", Month), ("monaten", Month),
            ("monatlich", Month), ("year", Year), ("yearly", Year), ("annual", Year), ("annually", Year),
            ("annum", Year), ("jahr", Year), ("jahre", Year), ("jahren", Year), ("jährlich", Year),
        ];
        let word = word.strip_suffix(['s', 'S']).unwrap_or(word);
        NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, period)| period)
    }
}

/// How the versions disagree on one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disagreement {
    /// Different figures for the same quantity.
    Value,
    /// The same figure with different hedging ("more than 40" vs "40").
    Qualifier,
}

/// The same numeric fact across versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberGroup {
    /// The figures, in version order.
    pub facts: Vec<NumberFact>,
    /// Whether and how the versions disagree.
    pub disagreement: Option<Disagreement>,
}

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

/// How strongly two figures of different versions look like one fact, or
/// `None` if they cannot be. Same unit always; a bare year only in linked
/// sentences with the same value (every story says "2025"); a count needs the
/// same thing counted or a linked sentence, and for a different value both;
/// money and percentages may also match on value alone or on a linked
/// sentence. Never across different time frames.
fn affinity(x: &NumberFact, y: &NumberFact, same_thing: bool, linked: bool) -> Option<u8> {
    if x.doc == y.doc || x.unit != y.unit || !same_frame(x, y) {
        return None;
    }
    let same_value = x.value == y.value;
    let possible = match x.unit {
        Unit::Year => linked && same_value,
        // Counts of one thing with different values are one fact in dispute
        // only in linked sentences: "1,100 individuals arriving" and
        // "24,000 individuals deported" elsewhere are two facts.
        Unit::Count | Unit::Duration => (same_thing || linked) && (same_value || same_thing && linked),
        Unit::Gbp | Unit::Usd | Unit::Eur | Unit::Percent => same_thing || same_value || linked,
    };
    possible.then_some(2 * u8::from(linked) + 2 * u8::from(same_value) + u8::from(same_thing))
}

/// Whether two figures may be one fact as far as their time frames go.
fn same_frame(x: &NumberFact, y: &NumberFact) -> bool {
    x.period.is_none() || y.period.is_none() || x.period == y.period
}

/// What makes two figures worth comparing: the same value, or the same thing counted.
#[derive(PartialEq, Eq, Hash)]
enum Key {
    Value(Unit, u64),
    Thing(Unit, u32),
}

/// Groups facts across versions, at most one figure per version in a group,
/// strongest correspondences first. `linked` holds the (doc, segment, doc,
/// segment) pairs of sentences the alignment links.
pub fn group_numbers(facts: Vec<NumberFact>, linked: &HashSet<(usize, usize, usize, usize)>) -> Vec<NumberGroup> {
    // What each figure counts, as numbers: one per distinct stem.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let stems: Vec<Vec<u32>> = facts
        .iter()
        .map(|f| {
            f.describes
                .iter()
                .map(|d| {
                    let next = ids.len() as u32;
                    *ids.entry(stem(d, STEM_CHARS)).or_insert(next)
                })
                .collect()
        })
        .collect();
    // Candidate pairs through shared keys, never all pairs: same value, same thing counted, linked sentence.
    let mut buckets: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut by_segment: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (k, f) in facts.iter().enumerate() {
        buckets.entry(Key::Value(f.unit, f.value.to_bits())).or_default().push(k);
        for d in &stems[k] {
            buckets.entry(Key::Thing(f.unit, *d)).or_default().push(k);
        }
        by_segment.entry((f.doc, f.segment)).or_default().push(k);
    }
    // Pairs within one version never match.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in buckets.values().filter(|m| m.len() <= MAX_BUCKET) {
        for (p, &x) in members.iter().enumerate() {
            pairs.extend(
                members[p + 1..].iter().filter(|&&y| facts[y].doc != facts[x].doc).map(|&y| (x.min(y), x.max(y))),
            );
        }
    }
    // In linked sentences, each figure meets the few of the same unit at
    // about its place among them: a line of 10,000 figures costs 10,000
    // comparisons, not 10,000 squared.
    for &(da, sa, db, sb) in linked.iter().filter(|l| l.0 < l.2) {
        if let (Some(xs), Some(ys)) = (by_segment.get(&(da, sa)), by_segment.get(&(db, sb))) {
            for unit in units_in(xs, &facts) {
                let xs: Vec<usize> = xs.iter().copied().filter(|&x| facts[x].unit == unit).collect();
                let ys: Vec<usize> = ys.iter().copied().filter(|&y| facts[y].unit == unit).collect();
                for (k, &x) in xs.iter().enumerate() {
                    let at = k * ys.len() / xs.len();
                    let near = &ys[at.saturating_sub(LINKED_REACH)..(at + LINKED_REACH + 1).min(ys.len())];
                    pairs.extend(near.iter().map(|&y| (x.min(y), x.max(y))));
                }
            }
        }
    }
    pairs.sort();
    pairs.dedup();
    let mut scored: Vec<(u8, usize, usize)> = pairs
        .into_iter()
        .filter_map(|(x, y)| {
            let (a, b) = (&facts[x], &facts[y]);
            let same_thing = stems[x].iter().any(|d| stems[y].contains(d));
            affinity(a, b, same_thing, linked.contains(&(a.doc, a.segment, b.doc, b.segment))).map(|s| (s, x, y))
        })
        .collect();
    scored.sort_by(|p, q| q.0.cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));

    // Merge groups only while their versions stay distinct and their time frames agree.
    let mut group_of: Vec<usize> = (0..facts.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..facts.len()).map(|k| vec![k]).collect();
    for (_, x, y) in scored {
        let (gx, gy) = (group_of[x], group_of[y]);
        let clash = gx == gy
            || members[gx].iter().any(|&p| {
                members[gy].iter().any(|&q| facts[p].doc == facts[q].doc || !same_frame(&facts[p], &facts[q]))
            });
        if !clash {
            let moved = std::mem::take(&mut members[gy]);
            for &k in &moved {
                group_of[k] = gx;
            }
            members[gx].extend(moved);
        }
    }
    let mut slots: Vec<Option<NumberFact>> = facts.into_iter().map(Some).collect();
    members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_by_key(|&k| slots[k].as_ref().map(|f| (f.doc, f.segment)));
            let facts: Vec<NumberFact> = m.iter().filter_map(|&k| slots[k].take()).collect();
            let first = &facts[0];
            let disagreement = if facts.iter().any(|f| f.value != first.value) {
                Some(Disagreement::Value)
            } else if facts.iter().any(|f| f.qualifier != first.qualifier) {
                Some(Disagreement::Qualifier)
            } else {
                None
            };
            NumberGroup { facts, disagreement }
        })
        .collect()
}

/// Keys shared by more figures than this (a value every paragraph repeats)
/// are too common to suggest a correspondence.
const MAX_BUCKET: usize = 64;

/// How many figures of one unit either side of its place a figure meets in a linked sentence.
const LINKED_REACH: usize = 4;

/// The distinct units of some facts, in order of first appearance.
fn units_in(members: &[usize], facts: &[NumberFact]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for &k in members {
        if !units.contains(&facts[k].unit) {
            units.push(facts[k].unit);
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(doc: usize, s: &str) -> NumberFact {
        NumberFact { doc, ..read_figures(s).remove(0) }
    }

    #[test]
    fn forms_of_one_value_are_equal() {
        for s in ["£33 million", "£33m", "£33,000,000", "£33mn"] {
            assert_eq!(read_figures(s)[0].value, 33e6, "{s}");
        }
        assert_eq!(read_figures("a $10bn trade")[0].unit, Unit::Usd);
        assert_eq!(read_figures("in 2025 alone")[0].unit, Unit::Year);
        assert_eq!(read_figures("for 48 hours")[0].unit, Unit::Duration);
        assert_eq!(read_figures("5,435 arrivals")[0].value, 5435.0);
        assert_eq!(read_figures("3,5 Prozent")[0].value, 3.5);
        assert_eq!(read_figures("more than 1,100 people")[0].text, "more than 1,100");
    }

    #[test]
    fn qualifier_and_value_disagreements_are_flagged() {
        let none = HashSet::default();
        let all: HashSet<_> = [(0, 0, 1, 0), (1, 0, 0, 0)].into_iter().collect();
        let g = group_numbers(vec![fact(0, "from 40 countries"), fact(1, "more than 40 countries")], &none);
        assert_eq!(g[0].disagreement, Some(Disagreement::Qualifier));
        let g = group_numbers(vec![fact(0, "around 6,000 people"), fact(1, "more than 1,100 people")], &all);
        assert_eq!(g[0].disagreement, Some(Disagreement::Value));
        let g = group_numbers(vec![fact(0, "£33 million of funding"), fact(1, "£33m funding")], &none);
        assert_eq!(g[0].disagreement, None);
        // Unrelated figures in unlinked sentences stay apart.
        assert!(group_numbers(vec![fact(0, "40 countries"), fact(1, "6,000 people")], &none).is_empty());
    }

    #[test]
    fn figures_for_different_time_frames_are_different_facts() {
        let week = "They come after a week in which more than 1,100 people have arrived in small boats.";
        let year = "But more than 6,000 people have crossed the Channel so far in 2025, a record start to a year.";
        let open =
            "Around 6,000 people have reached the UK, surpassing the 5,435 arrivals of the first three months of 2024.";
        assert_eq!(read_figures(week)[0].period, Some(Period::Week));
        assert_eq!(read_figures(year)[0].period, Some(Period::Year));
        let mention = read_figures("Crossings are up 31% since the election with 2025 the worst year on record.");
        assert_eq!(mention[0].period, None, "2025 is mentioned here, not a frame");
        let [around, earlier] = [0, 1].map(|k| read_figures(open)[k].period);
        assert_eq!((around, earlier), (None, Some(Period::Year)), "the search stops at the next figure");
        let linked: HashSet<_> = [(0, 0, 1, 0), (0, 0, 2, 0), (1, 0, 2, 0)].into_iter().collect();
        let facts = vec![fact(0, week), fact(1, year), fact(2, open)];
        let g = group_numbers(facts, &linked);
        assert_eq!(g.len(), 1, "the week's figure stays out: {g:?}");
        assert_eq!(g[0].facts.iter().map(|f| f.doc).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(g[0].disagreement, Some(Disagreement::Qualifier));
    }

    #[test]
    fn one_figure_per_version_and_best_match_first() {
        let facts = vec![
            NumberFact { segment: 1, ..fact(0, "£33 million of funding") },
            NumberFact { segment: 2, ..fact(1, "£30 million in additional funding") },
            NumberFact { segment: 3, ..fact(1, "committed £33 million to intensify") },
        ];
        let g = group_numbers(facts, &HashSet::default());
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].facts[1].segment, 3);
        assert_eq!(g[0].disagreement, None);
    }
}
