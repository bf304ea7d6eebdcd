//! Provenance: who reuses whose words, and what is each version's own.
//!
//! Verbatim reuse is found as runs of at least [`RUN_WORDS`] words that two
//! versions share word for word (case and typographic apostrophes aside), in
//! the manner of Churnalism's shingles: each version's word 6-grams are
//! indexed once, and a run grows from a shared 6-gram as far as the words
//! agree, so the cost is linear in the texts. From the runs and the
//! alignment, each pair of versions gets a relation:
//!
//! - **same source**: two thirds or more of one version is found verbatim in
//!   the other (a reprint, a trimmed or lightly edited wire copy);
//! - **partly shared**: a third or more;
//! - **rewrite**: less verbatim, but half or more of both versions' sentences
//!   have a close counterpart (a link scoring 0.4 or more): one rewrote the other;
//! - **independent**: otherwise (two reports of one event in their own words).
//!
//! On news-dev every copy pair lies at 0.73 or more, the partly shared pair
//! at 0.49, every independent pair at 0.20 or less (6-word runs).
//!
//! Direction is only claimed where publication times say it: the earlier of
//! two related versions is the source. Without times a relation is a shared
//! source, never a guessed direction.

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

use crate::align::LinkKind;
use crate::report::{PairReport, Span};
use crate::segment::SegmentKind;
use crate::tokenize::{normalize_into, Token, TokenKind};

/// Shortest run of shared words that counts as reuse rather than chance.
pub const RUN_WORDS: usize = 6;

/// Least share of one version found verbatim in the other for the same source text.
const SAME_SOURCE: f64 = 2.0 / 3.0;
/// Least share for a partly shared text.
const PARTLY_SHARED: f64 = 1.0 / 3.0;
/// Least share of both versions' sentences with a close counterpart for a rewrite.
const REWRITE: f64 = 0.5;
/// Least link score that makes a counterpart close.
const CLOSE_LINK: f64 = 0.4;
/// Least share of a sentence's words in runs with one version for it to be copied.
const COPIED_SENTENCE: f64 = 0.5;

/// How two versions' texts are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// One is a reprint or trimmed copy of the other's text, or both of one source.
    SameSource,
    /// They share some paragraphs verbatim; each has much of its own.
    PartlyShared,
    /// Little verbatim, but most sentences have a close counterpart.
    Rewrite,
    /// Written independently.
    Independent,
}

/// A stretch of text two versions share word for word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// Where it is in version `a`.
    pub a: Span,
    /// Where it is in version `b`.
    pub b: Span,
    /// Its length in words.
    pub words: usize,
}

/// The reuse between two versions `a < b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// First version.
    pub a: usize,
    /// Second version.
    pub b: usize,
    /// Share of `a`'s words found verbatim in `b`, 0..1.
    pub shared_a: f64,
    /// Share of `b`'s words found verbatim in `a`, 0..1.
    pub shared_b: f64,
    /// Share of both versions' body sentences with a close counterpart in the other, 0..1.
    pub close: f64,
    /// What the figures make of it.
    pub relation: Relation,
    /// The earlier version, when publication times say which; `null` otherwise.
    pub source: Option<usize>,
    /// The shared runs, in order of `a`.
    pub runs: Vec<Run>,
}

/// Where one sentence's words came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Half or more of its words are in a verbatim run with another version
    /// (copied from it where times say it came first).
    Copied,
    /// Its words were copied by a later version: it is their source.
    Source,
    /// Linked to a counterpart, but reworded.
    Rewritten,
    /// No counterpart in any other version.
    Own,
    /// A heading, dateline or page furniture.
    Furniture,
}

/// One sentence's origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceOrigin {
    /// Copied, rewritten, own or furniture.
    pub origin: Origin,
    /// The version it was copied from, copied by, or shares the words with
    /// (the most shared words); `null` for own text.
    pub with: Option<usize>,
    /// Whether publication times say which way the words went.
    pub directed: bool,
}

/// Which version one version most likely derives from: its place in the family tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    /// The closest related version, if any is related at all.
    pub parent: Option<usize>,
    /// How they are related.
    pub relation: Relation,
    /// Whether publication times make `parent` the source (otherwise the two
    /// share a source, and either may be first).
    pub directed: bool,
}

/// Provenance of every version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Every pair `a < b`, in the order of the report's pairs.
    pub pairs: Vec<Reuse>,
    /// For each version, each segment's origin.
    pub sentences: Vec<Vec<SentenceOrigin>>,
    /// For each version, its place in the family tree.
    pub tree: Vec<Lineage>,
    /// Groups of two or more versions carrying one source text that none of
    /// them is known to be (no times say which came first): a wire copy.
    pub shared_sources: Vec<Vec<usize>>,
}

/// One version's words, as the runs see them.
pub struct Words {
    /// Each word's hash, normalised (case and typographic apostrophes aside):
    /// runs compare words by it (64 bits: a collision is not to be expected).
    words: Vec<u64>,
    /// Each word's byte range in the text.
    spans: Vec<(usize, usize)>,
    /// The segment each word is in.
    segment_of: Vec<u32>,
    /// Each 6-gram's hash -> its first position.
    grams: GramMap,
}

impl Words {
    /// Indexes a version's tokens, segment by segment; `starts` are the
    /// segments' byte offsets in the text (tokens slice the segments).
    pub fn new(segments: &[Vec<Token<'_>>], starts: &[usize]) -> Self {
        let (mut words, mut spans, mut segment_of) = (Vec::new(), Vec::new(), Vec::new());
        let mut norm = String::new();
        for (s, (tokens, &start)) in segments.iter().zip(starts).enumerate() {
            let mut at = start;
            for t in tokens {
                if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                    normalize_into(t, &mut norm);
                    words.push(word_hash(&norm));
                    spans.push((at, at + t.text.len()));
                    segment_of.push(s as u32);
                }
                at += t.text.len();
            }
        }
        let mut grams = GramMap::with_capacity_and_hasher(words.len(), Default::default());
        for i in 0..words.len().saturating_sub(RUN_WORDS - 1) {
            grams.entry(gram_hash(&words[i..i + RUN_WORDS])).or_insert(i as u32);
        }
        Words { words, spans, segment_of, grams }
    }

    fn len(&self) -> usize {
        self.words.len()
    }
}

/// FNV-1a: in wasm a 64-bit multiply is one instruction, where foldhash's
/// 128-bit one is a call; every word of every version is hashed here.
fn word_hash(word: &str) -> u64 {
    let mut h = crate::terms::Fnv::default();
    h.write(word.as_bytes());
    h.0
}

/// Gram hashes are mixed already: the map takes them as they are.
#[derive(Default)]
struct AsIs(u64);

impl std::hash::Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type GramMap = std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<AsIs>>;

fn gram_hash(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &w| (h.rotate_left(23) ^ w).wrapping_mul(0x0100_0000_01b3))
}

/// The verbatim runs of `x` found in `y`, as (start in x, start in y, length in words).
fn runs(x: &Words, y: &Words) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + RUN_WORDS <= x.len() {
        let found = y.grams.get(&gram_hash(&x.words[i..i + RUN_WORDS])).map(|&j| j as usize);
        match found.filter(|&j| x.words[i..i + RUN_WORDS] == y.words[j..j + RUN_WORDS]) {
            Some(j) => {
                let len = x.words[i..].iter().zip(&y.words[j..]).take_while(|(p, q)| p == q).count();
                out.push((i, j, len));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// What provenance needs of each version.
pub struct Version<'t> {
    /// Its words, indexed.
    pub words: Words,
    /// Its segments' kinds.
    pub kinds: Vec<SegmentKind>,
    /// Its segments' spans (both units), for the runs' spans.
    pub spans: Vec<Span>,
    /// Its text, for UTF-16 offsets inside segments.
    pub text: &'t str,
    /// When it was published, in minutes since 1970, if known.
    pub published: Option<i64>,
}

/// Provenance of all versions, from their words and the alignment of every pair.
pub fn provenance(versions: &[Version<'_>], pairs: &[PairReport]) -> Provenance {
    let n = versions.len();
    // Per version and segment: (other version, its words in runs with it).
    let mut copied: Vec<Vec<Vec<(usize, usize)>>> = versions.iter().map(|v| vec![Vec::new(); v.kinds.len()]).collect();
    // Per segment of the pair's two versions, counted in flat buffers, then kept where not zero.
    let (mut count_a, mut count_b) = (Vec::new(), Vec::new());
    let mut reuse = Vec::with_capacity(pairs.len());
    for p in pairs {
        let (x, y) = (&versions[p.a], &versions[p.b]);
        let found = runs(&x.words, &y.words);
        let mut covered_b = vec![false; y.words.len()];
        let mut covered_a = 0;
        count_a.clear();
        count_a.resize(x.kinds.len(), 0usize);
        count_b.clear();
        count_b.resize(y.kinds.len(), 0usize);
        for &(i, j, len) in &found {
            covered_a += len;
            covered_b[j..j + len].iter_mut().for_each(|c| *c = true);
            for k in 0..len {
                count_a[x.words.segment_of[i + k] as usize] += 1;
                count_b[y.words.segment_of[j + k] as usize] += 1;
            }
        }
        for (s, &n) in count_a.iter().enumerate().filter(|(_, &n)| n > 0) {
            copied[p.a][s].push((p.b, n));
        }
        for (s, &n) in count_b.iter().enumerate().filter(|(_, &n)| n > 0) {
            copied[p.b][s].push((p.a, n));
        }
        // Four decimals, as every score in the report: the same after a trip through JSON.
        let share =
            |covered: usize, total: usize| if total == 0 { 0.0 } else { four_places(covered as f64 / total as f64) };
        let shared_a = share(covered_a, x.words.len());
        let shared_b = share(covered_b.iter().filter(|&&c| c).count(), y.words.len());
        let close = four_places(close_share(p, &x.kinds, &y.kinds));
        let relation = relation(shared_a.max(shared_b), close);
        let source = match (x.published, y.published) {
            (Some(tx), Some(ty)) if relation != Relation::Independent && tx != ty => {
                Some(if tx < ty { p.a } else { p.b })
            }
            _ => None,
        };
        let runs =
            found.iter().map(|&(i, j, len)| Run { a: span_of(x, i, len), b: span_of(y, j, len), words: len }).collect();
        reuse.push(Reuse { a: p.a, b: p.b, shared_a, shared_b, close, relation, source, runs });
    }
    let counterpart = best_counterparts(versions, pairs);
    let sentences = (0..n)
        .map(|d| {
            let mut words = vec![0usize; versions[d].kinds.len()];
            versions[d].words.segment_of.iter().for_each(|&s| words[s as usize] += 1);
            (0..versions[d].kinds.len())
                .map(|s| origin(versions, d, s, words[s], &copied[d][s], counterpart[d][s]))
                .collect()
        })
        .collect();
    let tree = (0..n).map(|d| lineage(d, &reuse)).collect();
    let shared_sources = shared_sources(n, &reuse);
    Provenance { pairs: reuse, sentences, tree, shared_sources }
}

fn four_places(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The relation the figures make.
fn relation(verbatim: f64, close: f64) -> Relation {
    if verbatim >= SAME_SOURCE {
        Relation::SameSource
    } else if verbatim >= PARTLY_SHARED {
        Relation::PartlyShared
    } else if close >= REWRITE {
        Relation::Rewrite
    } else {
        Relation::Independent
    }
}

/// Share of both versions' body sentences in a close link.
fn close_share(p: &PairReport, kinds_a: &[SegmentKind], kinds_b: &[SegmentKind]) -> f64 {
    let body = |k: &SegmentKind| matches!(k, SegmentKind::Body | SegmentKind::Bullet);
    let total = kinds_a.iter().filter(|k| body(k)).count() + kinds_b.iter().filter(|k| body(k)).count();
    let close = p
        .links
        .iter()
        .filter(|l| l.score >= CLOSE_LINK || l.kind != LinkKind::Partial)
        .map(|l| {
            l.a.iter().filter(|&&i| body(&kinds_a[i])).count() + l.b.iter().filter(|&&j| body(&kinds_b[j])).count()
        })
        .sum::<usize>();
    if total == 0 {
        0.0
    } else {
        close as f64 / total as f64
    }
}

/// Each segment's closest counterpart in another version, if it has any:
/// the version of its best-scoring link (an overlap scores as it is).
fn best_counterparts(versions: &[Version<'_>], pairs: &[PairReport]) -> Vec<Vec<Option<(f64, usize)>>> {
    let mut out: Vec<Vec<Option<(f64, usize)>>> = versions.iter().map(|v| vec![None; v.kinds.len()]).collect();
    let mut offer = |d: usize, s: usize, score: f64, other: usize| {
        let slot = &mut out[d][s];
        if slot.is_none_or(|(best, _)| score > best) {
            *slot = Some((score, other));
        }
    };
    for p in pairs {
        for l in &p.links {
            l.a.iter().for_each(|&i| offer(p.a, i, l.score, p.b));
            l.b.iter().for_each(|&j| offer(p.b, j, l.score, p.a));
        }
        for o in &p.overlaps {
            offer(p.a, o.a, o.score, p.b);
            offer(p.b, o.b, o.score, p.a);
        }
    }
    out
}

/// One segment's origin: copied (from the version it shares most words
/// with; from an earlier one where times are known), the source of later
/// copies, rewritten, or its own.
fn origin(
    versions: &[Version<'_>],
    d: usize,
    s: usize,
    words: usize,
    copied: &[(usize, usize)],
    counterpart: Option<(f64, usize)>,
) -> SentenceOrigin {
    let none = SentenceOrigin { origin: Origin::Own, with: None, directed: false };
    if !matches!(versions[d].kinds[s], SegmentKind::Body | SegmentKind::Bullet) {
        return SentenceOrigin { origin: Origin::Furniture, ..none };
    }
    // How the other version's time stands to this one's: Some(true) earlier, Some(false) later.
    let earlier = |o: usize| match (versions[o].published, versions[d].published) {
        (Some(to), Some(td)) if to != td => Some(to < td),
        _ => None,
    };
    let sharers: Vec<(usize, usize)> =
        copied.iter().filter(|&&(_, n)| n as f64 >= COPIED_SENTENCE * words as f64).copied().collect();
    let most = |list: &mut dyn Iterator<Item = (usize, usize)>| {
        list.max_by_key(|&(o, n)| (n, std::cmp::Reverse(o))).map(|(o, _)| o)
    };
    if !sharers.is_empty() {
        if let Some(o) = most(&mut sharers.iter().copied().filter(|&(o, _)| earlier(o) == Some(true))) {
            return SentenceOrigin { origin: Origin::Copied, with: Some(o), directed: true };
        }
        if sharers.iter().all(|&(o, _)| earlier(o) == Some(false)) {
            return SentenceOrigin { origin: Origin::Source, with: most(&mut sharers.iter().copied()), directed: true };
        }
        let with = most(&mut sharers.iter().copied().filter(|&(o, _)| earlier(o).is_none()));
        return SentenceOrigin { origin: Origin::Copied, with, directed: false };
    }
    if let Some((_, with)) = counterpart {
        // Rewritten: its counterpart is in the version whose link to it scores best.
        let directed = earlier(with) == Some(true);
        return SentenceOrigin { origin: Origin::Rewritten, with: Some(with), directed };
    }
    none
}

/// A version's closest relative: the strongest relation, then the most
/// verbatim text; with times, only an earlier version can be its source.
fn lineage(d: usize, reuse: &[Reuse]) -> Lineage {
    let best = reuse
        .iter()
        .filter(|r| (r.a == d || r.b == d) && r.relation != Relation::Independent)
        .filter(|r| r.source.is_none_or(|s| s != d))
        .min_by(|x, y| {
            let strength = |r: &Reuse| r.shared_a.max(r.shared_b) + r.close;
            x.relation.cmp(&y.relation).then(strength(y).total_cmp(&strength(x)))
        });
    match best {
        Some(r) => Lineage {
            parent: Some(if r.a == d { r.b } else { r.a }),
            relation: r.relation,
            directed: r.source.is_some(),
        },
        None => Lineage { parent: None, relation: Relation::Independent, directed: false },
    }
}

/// Versions joined by same-source relations that no time orders: each group
/// carries one source text that none of them is known to be.
fn shared_sources(n: usize, reuse: &[Reuse]) -> Vec<Vec<usize>> {
    let mut sets = crate::align::UnionFind::new(n);
    for r in reuse.iter().filter(|r| r.relation == Relation::SameSource && r.source.is_none()) {
        sets.union(r.a, r.b);
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for d in 0..n {
        groups.entry(sets.find(d)).or_default().push(d);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

/// The span of `len` words from word `i` of a version, in both units.
fn span_of(v: &Version<'_>, i: usize, len: usize) -> Span {
    let (start, end) = (v.words.spans[i].0, v.words.spans[i + len - 1].1);
    let seg = v.words.segment_of[i] as usize;
    let base = &v.spans[seg];
    // UTF-16 offsets from the segment's start, counted over the run's text only.
    let unit = |to: usize| base.utf16[0] + v.text.get(base.utf8[0]..to).map_or(0, |p| p.encode_utf16().count());
    Span { utf8: [start, end], utf16: [unit(start), unit(end)] }
}

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
    use super::*;
    use crate::tokenize::tokenize;

    fn words(text: &str) -> Words {
        Words::new(&[tokenize(text)], &[0])
    }

    #[test]
    fn runs_are_maximal_and_linear() {
        let a = words("The Bank of England cut its benchmark interest rate to five per cent on Thursday.");
        let b = words("On Thursday the Bank of England cut its benchmark interest rate to five per cent, a first.");
        let r = runs(&a, &b);
        assert_eq!(r, [(0, 2, 13)], "one run of thirteen words, as far as they agree");
        assert!(runs(&words("a b c d e"), &words("a b c d e")).is_empty(), "shorter than a run");
    }

    #[test]
    fn relations_from_the_figures() {
        assert_eq!(relation(0.9, 0.9), Relation::SameSource);
        assert_eq!(relation(0.5, 0.2), Relation::PartlyShared);
        assert_eq!(relation(0.26, 0.6), Relation::Rewrite);
        assert_eq!(relation(0.2, 0.46), Relation::Independent);
    }

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
