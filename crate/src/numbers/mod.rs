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

use serde::{Deserialize, Serialize};

mod read;

pub(crate) use read::{number_and_scale, word_value};
pub use read::{read_figures, read_figures_in};

use crate::words::stem;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// Pounds sterling.
    Gbp,
    /// US dollars.
    Usd,
    /// Euros.
    Eur,
    /// Japanese yen.
    Jpy,
    /// Indian rupees.
    Inr,
    /// Another country's dollars (A$, C$, NZ$, HK$, S$).
    OtherDollar,
    /// A percentage.
    Percent,
    /// A calendar year.
    Year,
    /// A span of time ("two weeks", "48 hours"; in seconds when given in
    /// several units: "2:00:35", "two hours and 35 seconds").
    Duration,
    /// A time of day, in hours ("12:50pm" = 12.83, "9pm" = 21).
    Clock,
    /// A vote or a score, "5-4", valued at its first count (its text has both).
    Score,
    /// A day of the year, as month × 100 + day ("Mar 3", "3 March", "March 3,
    /// 2024": 303; the year, where written, stays in the text).
    Date,
    /// A length, in metres ("9-meter", "30-foot", "40 miles", "64km").
    Length,
    /// A count of things.
    Count,
}

/// One figure in one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
    /// A range's upper end ("5% to 5.25%": `value` 5, `up_to` 5.25).
    pub up_to: Option<f64>,
}

/// The time frame of a figure: the nearest day, week, month or year word
/// (or calendar year) in its sentence, not past another figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
    pub(crate) fn of_word(word: &str) -> Option<Period> {
        use Period::*;
        #[rustfmt::skip]
        const NAMES: &[(&str, Period)] = &[
            ("day", Day), ("daily", Day), ("tag", Day), ("tage", Day), ("tagen", Day), ("täglich", Day),
            ("week", Week), ("weekly", Week), ("woche", Week), ("wochen", Week), ("wöchentlich", Week),
            ("month", Month), ("monthly", Month), ("monat", Month), ("monate", Month), ("monaten", Month),
            ("monatlich", Month), ("year", Year), ("yearly", Year), ("annual", Year), ("annually", Year),
            ("annum", Year), ("jahr", Year), ("jahre", Year), ("jahren", Year), ("jährlich", Year),
        ];
        // Most words are no period: turned away by length and first letter.
        let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
        if !(3..=12).contains(&word.len()) || !matches!(first, Some(b'd' | b'w' | b'm' | b'y' | b'a' | b't' | b'j')) {
            return None;
        }
        let word = word.strip_suffix(['s', 'S']).unwrap_or(word);
        NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, period)| period)
    }
}

/// How the versions disagree on one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Disagreement {
    /// Different figures for the same quantity.
    Value,
    /// The same figure with different hedging ("more than 40" vs "40").
    Qualifier,
    /// Different figures that agree at different precision ("more than 30"
    /// and "34", "about 11,300" and "11,316"): compatible, not in dispute.
    Precision,
}

/// The same numeric fact across versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct NumberGroup {
    /// The figures, in version order.
    pub facts: Vec<NumberFact>,
    /// Whether and how the versions disagree.
    pub disagreement: Option<Disagreement>,
    /// The one version that gives this figure, if only one does.
    pub only_in: Option<usize>,
    /// What it measures, for a heading: the word for the thing counted that
    /// most of its figures give ("people", "deaths"), the first such on a
    /// tie; empty where none gives one (a date, a time, a year).
    pub label: String,
}

/// How strongly two figures of different versions look like one fact, or
/// `None` if they cannot be. Same unit always; a year only with the same
/// value (in one story, "2013" is one date however each outlet words it:
/// news-dev grouping 0.825 -> 0.852; a year never disagrees with itself, so
/// at worst two mentions share an "agree" row); a count needs the same thing
/// counted or a linked sentence, and for a different value both, unless the
/// value is particular enough to be one fact anywhere; money and percentages
/// may also match on value alone or on a linked sentence. Never across
/// different time frames.
fn affinity(x: &NumberFact, y: &NumberFact, same_thing: bool, linked: bool) -> Option<u8> {
    if x.doc == y.doc || x.unit != y.unit || !same_frame(x, y) {
        return None;
    }
    let same_value = x.value == y.value;
    let possible = match x.unit {
        Unit::Year => same_value,
        Unit::Clock | Unit::Score | Unit::Date => same_value || linked,
        // Lengths in other units are rarely equal to the metre: "40 miles" and "about 64km".
        Unit::Length => same_thing || same_value || linked || compatible(x, y) && specific(x.value),
        // Counts of one thing with different values are one fact in dispute
        // only in linked sentences: "1,100 individuals arriving" and
        // "24,000 individuals deported" elsewhere are two facts.
        // The same specific value ("11,316", "2:00:35", "40.2") is one fact anywhere.
        // So is the same thing counted at other precision ("more than 11,316 died", "about 11,300 died").
        Unit::Count | Unit::Duration => {
            (same_thing || linked) && (same_value || same_thing && linked)
                || same_value && specific(x.value)
                || same_thing && compatible(x, y)
                // Particular values within 3% are one quantity at other precision ("11,316" / "about 11,300").
                || specific(x.value) && specific(y.value) && same_quantity(x.value, y.value)
        }
        _ if is_money(x.unit) || x.unit == Unit::Percent => same_thing || same_value || linked,
        _ => same_value || linked,
    };
    possible.then_some(2 * u8::from(linked) + 2 * u8::from(same_value) + u8::from(same_thing))
}

/// Two figures that may state one quantity: equal, or within 3% of each
/// other ("11,316" and "11,300"); years only when equal. The one rounding
/// rule, for the figures and the aligner's terms.
pub fn same_quantity(p: f64, q: f64) -> bool {
    p == q || !read::is_year_value(p) && !read::is_year_value(q) && within_rounding(p, q)
}

/// Within 3% of the larger: a rounding ("11,316" and "11,300").
fn within_rounding(p: f64, q: f64) -> bool {
    (p - q).abs() <= 0.03 * p.abs().max(q.abs())
}

/// A value too particular to recur by chance: a fraction, or 100 and more.
fn specific(value: f64) -> bool {
    value.fract() != 0.0 || value.abs() >= 100.0
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

/// Groups facts across versions, strongest correspondences first; a
/// version may restate its figure in a group but never gives it two values.
/// `linked` holds the (doc, segment, doc, segment) pairs of sentences the
/// alignment links; what figures count is compared by stems of
/// `stem_chars` characters, the aligner's own setting.
pub fn group_numbers(
    facts: Vec<NumberFact>,
    linked: &HashSet<(usize, usize, usize, usize)>,
    stem_chars: usize,
) -> Vec<NumberGroup> {
    // What each figure counts, as numbers: one per distinct stem.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let stems: Vec<Vec<u32>> = facts
        .iter()
        .map(|f| {
            f.describes
                .iter()
                .map(|d| {
                    let next = ids.len() as u32;
                    *ids.entry(stem(d, stem_chars)).or_insert(next)
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

    // Merge groups only while their time frames agree, and a version in both
    // gives the same figure there (a headline and its lede may both say "5%").
    let mut group_of: Vec<usize> = (0..facts.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..facts.len()).map(|k| vec![k]).collect();
    for (_, x, y) in scored {
        let (gx, gy) = (group_of[x], group_of[y]);
        let clash = gx == gy
            || members[gx].iter().any(|&p| {
                members[gy].iter().any(|&q| {
                    let (a, b) = (&facts[p], &facts[q]);
                    a.doc == b.doc && a.value != b.value || !same_frame(a, b)
                })
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
    let mut groups: Vec<NumberGroup> = members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_by_key(|&k| slots[k].as_ref().map(|f| (f.doc, f.segment)));
            let facts: Vec<NumberFact> = m.iter().filter_map(|&k| slots[k].take()).collect();
            let only_in = (facts.len() == 1).then_some(facts[0].doc);
            NumberGroup { disagreement: verdict(&facts), label: label(&facts, stem_chars), facts, only_in }
        })
        .collect();
    // Figures several versions give first, then each version's own, in reading order.
    groups.sort_by_key(|g| (g.only_in.is_some(), g.facts[0].doc, g.facts[0].segment));
    groups
}

/// The word for the thing counted most of a group's figures give.
fn label(facts: &[NumberFact], stem_chars: usize) -> String {
    if !matches!(facts[0].unit, Unit::Count | Unit::Percent | Unit::Length) && !is_money(facts[0].unit) {
        return String::new();
    }
    let words: Vec<&str> = facts.iter().filter_map(|f| f.describes.first()).map(String::as_str).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &words {
        *counts.entry(stem(w, stem_chars)).or_default() += 1;
    }
    // The first of the most given: `max_by_key` keeps the last of equals, so from the end.
    words.iter().rev().max_by_key(|w| counts[stem(w, stem_chars)]).map_or_else(String::new, |w| w.to_string())
}

/// Whether a unit is a currency.
fn is_money(unit: Unit) -> bool {
    matches!(unit, Unit::Gbp | Unit::Usd | Unit::Eur | Unit::Jpy | Unit::Inr | Unit::OtherDollar)
}

/// How the figures of one group disagree, if they do.
fn verdict(facts: &[NumberFact]) -> Option<Disagreement> {
    let first = &facts[0];
    // Scores are compared whole: "5-4" and "5-3" differ though both open with 5.
    let digits = |f: &NumberFact| f.text.chars().filter(char::is_ascii_digit).collect::<String>();
    if first.unit == Unit::Score && facts.iter().any(|f| digits(f) != digits(first)) {
        return Some(Disagreement::Value);
    }
    if facts.iter().any(|f| f.up_to != first.up_to && f.value == first.value) {
        return Some(Disagreement::Value);
    }
    if facts.iter().all(|f| f.value == first.value) {
        // "more than 40" against "40" is in dispute; "about 12:20" against "12:20" is not.
        let leaning = |f: &NumberFact| direction(&f.qualifier);
        return facts.iter().any(|f| leaning(f) != leaning(first)).then_some(Disagreement::Qualifier);
    }
    let compatible = facts.iter().all(|x| facts.iter().all(|y| x.value == y.value || compatible(x, y)));
    Some(if compatible { Disagreement::Precision } else { Disagreement::Value })
}

/// Which way a qualifier leans from its figure: up ("more than"), down
/// ("nearly"), or neither (exact, or "about").
fn direction(qualifier: &str) -> i8 {
    match qualifier {
        "more than" | "over" | "at least" | "above" | "just over" => 1,
        "fewer than" | "less than" | "under" | "below" | "up to" | "almost" | "nearly" | "just under" => -1,
        _ => 0,
    }
}

/// Whether two different figures may state one quantity at different
/// precision: within 3% (a rounding), or where a hedge allows the other
/// ("more than 30" and "34"; "about 11,300" and "11,316"), within a quarter
/// for a hedge one way and a tenth for "about".
fn compatible(x: &NumberFact, y: &NumberFact) -> bool {
    // A hedge reaches a little way: "more than 30" may be 34, not 6,000.
    let allows = |h: &NumberFact, v: f64| {
        let near = |share: f64| (v - h.value).abs() <= share * h.value.abs().max(v.abs());
        match direction(&h.qualifier) {
            1 => v >= h.value && near(0.25),
            -1 => v <= h.value && near(0.25),
            _ => !h.qualifier.is_empty() && near(0.1),
        }
    };
    within_rounding(x.value, y.value) || allows(x, y.value) || allows(y, x.value)
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
    use crate::words::STEM_CHARS;

    fn fact(doc: usize, s: &str) -> NumberFact {
        NumberFact { doc, ..read_figures(s).remove(0) }
    }

    #[test]
    fn forms_of_one_value_are_equal() {
        for s in ["£33 million", "£33m", "£33,000,000", "£33mn"] {
            assert_eq!(read_figures(s)[0].value, 33e6, "{s}");
        }
        assert_eq!(read_figures("a $10bn trade")[0].unit, Unit::Usd);
        let money: Vec<_> =
            read_figures("US$5bn, A$3m, ¥1,000 and ₹20 crore").iter().map(|f| (f.value, f.unit)).collect();
        assert_eq!(money, [(5e9, Unit::Usd), (3e6, Unit::OtherDollar), (1000.0, Unit::Jpy), (20.0, Unit::Inr)]);
        assert_eq!(read_figures("in 2025 alone")[0].unit, Unit::Year);
        assert_eq!(read_figures("2,025 people")[0].unit, Unit::Count, "a year is four digits as written");
        assert_eq!(read_figures("for 48 hours")[0].unit, Unit::Duration);
        assert_eq!(read_figures("5,435 arrivals")[0].value, 5435.0);
        assert_eq!(read_figures("3,5 Prozent")[0].value, 3.5);
        assert_eq!(read_figures("more than 1,100 people")[0].text, "more than 1,100");
    }

    #[test]
    fn qualifier_and_value_disagreements_are_flagged() {
        let none = HashSet::default();
        let all: HashSet<_> = [(0, 0, 1, 0), (1, 0, 0, 0)].into_iter().collect();
        let g = group_numbers(vec![fact(0, "from 40 countries"), fact(1, "more than 40 countries")], &none, STEM_CHARS);
        assert_eq!(g[0].disagreement, Some(Disagreement::Qualifier));
        let g =
            group_numbers(vec![fact(0, "around 6,000 people"), fact(1, "more than 1,100 people")], &all, STEM_CHARS);
        assert_eq!(g[0].disagreement, Some(Disagreement::Value));
        let g = group_numbers(vec![fact(0, "£33 million of funding"), fact(1, "£33m funding")], &none, STEM_CHARS);
        assert_eq!(g[0].disagreement, None);
        // Unrelated figures in unlinked sentences stay apart.
        let apart = group_numbers(vec![fact(0, "40 countries"), fact(1, "6,000 people")], &none, STEM_CHARS);
        assert!(apart.iter().all(|g| g.only_in.is_some()), "{apart:?}");
        // Compatible at other precision: not in dispute.
        let g = group_numbers(
            vec![fact(0, "more than 11,316 people died"), fact(1, "about 11,300 people died")],
            &none,
            STEM_CHARS,
        );
        assert_eq!(g[0].disagreement, Some(Disagreement::Precision));
        let g = group_numbers(vec![fact(0, "by more than 30 seconds"), fact(1, "by 34 seconds")], &all, STEM_CHARS);
        assert_eq!(g[0].disagreement, Some(Disagreement::Precision));
        let g = group_numbers(vec![fact(0, "at about 12:20 a.m."), fact(1, "at 12.20am")], &none, STEM_CHARS);
        assert_eq!((g[0].facts[0].value, g[0].disagreement), (20.0 / 60.0, None), "about a time is no dispute");
    }

    #[test]
    fn times_spans_and_words_are_what_they_are() {
        let f = read_figures("Kiptum won in 2:00:35, two hours and 35 seconds, at around 9pm, and five members voted.");
        let read: Vec<_> = f.iter().map(|f| (f.text.as_str(), f.value, f.unit)).collect();
        assert_eq!(
            read,
            [
                ("2:00:35", 7235.0, Unit::Duration),
                ("two hours and 35 seconds", 7235.0, Unit::Duration),
                ("around 9pm", 21.0, Unit::Clock),
                ("five", 5.0, Unit::Count),
            ]
        );
        let f = read_figures("It hit 40 degrees Celsius (104 degrees Fahrenheit) at 0900 GMT.");
        assert_eq!(f.iter().map(|f| (f.value, f.unit)).collect::<Vec<_>>(), [(40.0, Unit::Count), (9.0, Unit::Clock)]);
        assert_eq!(f[0].text, "40 degrees Celsius (104 degrees Fahrenheit)", "one fact, with both units");
        assert_eq!(
            read_figures("twenty-five people and two million pounds").iter().map(|f| f.value).collect::<Vec<_>>(),
            [25.0, 2e6]
        );
        let rates: Vec<_> =
            read_figures("to five per cent, from 5.25 percent, by 0.25%").iter().map(|f| (f.value, f.unit)).collect();
        assert_eq!(
            rates,
            [(5.0, Unit::Percent), (5.25, Unit::Percent), (0.25, Unit::Percent)],
            "per cent in words is %"
        );
        let range = read_figures("Rates may sit at 5% to 5.25% this year, down from 5.25% to 5%.");
        let read: Vec<_> = range.iter().map(|f| (f.text.as_str(), f.value, f.up_to)).collect();
        assert_eq!(
            read,
            [("5% to 5.25%", 5.0, Some(5.25)), ("5.25%", 5.25, None), ("5%", 5.0, None)],
            "a change is two facts"
        );
        let changes = read_figures("It cut rates by 0.25% to 5%, by a quarter of a point to 5%.");
        assert!(changes.iter().all(|f| f.up_to.is_none()), "a change is no range: {changes:?}");
        let cut = read_figures("It cut by a quarter of a percentage point, in the first quarter.");
        assert_eq!(
            cut.iter().map(|f| (f.text.as_str(), f.value, f.unit)).collect::<Vec<_>>(),
            [("quarter of a percentage point", 0.25, Unit::Percent)]
        );
        let vote = read_figures("The committee voted 5-4 to cut.");
        assert_eq!((vote[0].text.as_str(), vote[0].value, vote[0].unit), ("5-4", 5.0, Unit::Score));
        let all: HashSet<_> = [(0, 0, 1, 0), (1, 0, 0, 0)].into_iter().collect();
        let g = group_numbers(vec![fact(0, "voted 5-4"), fact(1, "a 5-3 vote")], &all, STEM_CHARS);
        assert_eq!(g[0].disagreement, Some(Disagreement::Value), "a score is compared whole");
    }

    #[test]
    fn names_dates_lengths_and_dashed_ranges_are_read_as_such() {
        let read =
            |s: &str| read_figures(s).into_iter().map(|f| (f.text, f.value, f.unit, f.up_to)).collect::<Vec<_>>();
        assert_eq!(read("COVID-19 and F-16 jets, Flight 370 and Article 50"), [], "names, not figures");
        assert_eq!(
            read("on Mar 3, on 3 March and on March 3, 2024, may 3 more; 20 may have died"),
            [
                ("Mar 3".into(), 303.0, Unit::Date, None),
                ("3 March".into(), 303.0, Unit::Date, None),
                ("March 3, 2024".into(), 303.0, Unit::Date, None),
                ("3".into(), 3.0, Unit::Count, None),
                ("20".into(), 20.0, Unit::Count, None),
            ]
        );
        let lengths: Vec<_> =
            read("a 9-meter wall, 9m high, 30-foot, 35-km, 9m people").into_iter().map(|f| (f.1, f.2)).collect();
        assert_eq!(
            lengths,
            [(9.0, Unit::Length), (9.0, Unit::Length), (9.144, Unit::Length), (35e3, Unit::Length), (9e6, Unit::Count)]
        );
        assert_eq!(read("at 4.50%-4.75%")[0].3, Some(4.75), "a range with a dash");
        assert_eq!(read("at 4.5-4.75%")[0].2, Unit::Percent);
        assert_eq!(read("40 miles (about 64km)").len(), 1, "a conversion in brackets is the same figure");
        let none = HashSet::default();
        let g = group_numbers(vec![fact(0, "40 miles of coast"), fact(1, "about 64km of coast")], &none, STEM_CHARS);
        assert_eq!((g.len(), g[0].disagreement), (1, Some(Disagreement::Precision)), "miles meet kilometres");
    }

    #[test]
    fn a_figure_describes_the_words_of_its_own_phrase() {
        let describes = |s: &str| read_figures(s).into_iter().map(|f| f.describes).collect::<Vec<_>>();
        assert_eq!(describes("40 countries, including France"), [vec!["countries"]]);
        assert_eq!(describes("inflation fell to 5% and a temperature of 40.2C"), [vec![], vec!["temperature"]]);
        assert_eq!(
            describes("a death toll of 40, with 12 heat-related deaths"),
            [vec!["toll"], vec!["heat", "related"]]
        );
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
        let g: Vec<NumberGroup> =
            group_numbers(facts, &linked, STEM_CHARS).into_iter().filter(|g| g.only_in.is_none()).collect();
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
        let g = group_numbers(facts, &HashSet::default(), STEM_CHARS);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].facts[1].segment, 3);
        assert_eq!((g[1].only_in, g[1].facts[0].segment), (Some(1), 2), "the other figure is one version's own");
        assert_eq!(g[0].disagreement, None);
    }
}
