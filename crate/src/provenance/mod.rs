//! Provenance: who reuses whose words, and what is each version's own.
//!
//! Verbatim reuse is found as runs of at least six words that two
//! versions share word for word (case and typographic apostrophes aside), in
//! the manner of Churnalism's shingles: each version's word 6-grams are
//! indexed once, and a run grows from a shared 6-gram as far as the words
//! agree, so the cost is linear in the texts. From the runs and the
//! alignment, each pair of versions gets a relation:
//!
//! - **same source**: two thirds or more of one version is found verbatim in
//!   the other (a reprint, a trimmed or lightly edited wire copy);
//! - **partly shared**: a third or more, or a fifth or more in two runs or
//!   more (paragraphs taken here and there);
//! - **rewrite**: less verbatim, but half or more of both versions' sentences
//!   have a close counterpart (a link scoring 0.4 or more): one rewrote the other;
//! - **independent**: otherwise (two reports of one event in their own words).
//!
//! Shares count body words only: a run that starts in a shared heading or
//! dateline counts from the body. On news-dev every copy pair lies at 0.73
//! or more, the partly shared pair at 0.53, every independent pair at 0.15
//! or less (6-word runs).
//!
//! Direction is only claimed where publication times order two related
//! versions (`time.rs`: a date alone does not order two versions of its
//! day): the earlier is the source. Otherwise a relation is a shared source,
//! never a guessed direction.

mod runs;
mod time;

use foldhash::{HashMap, HashMapExt};

pub use runs::Words;
use runs::{runs, RUN_WORDS};
pub use time::{parse_time, Published};

use crate::report::{round_score, LinkKind, PairReport, Span};
pub use crate::report::{Lineage, Origin, Provenance, Relation, Reuse, Run, SentenceOrigin};
use crate::segment::SegmentKind;

/// Least share of one version found verbatim in the other for the same source text.
const SAME_SOURCE: f64 = 2.0 / 3.0;
/// Least share for a partly shared text.
const PARTLY_SHARED: f64 = 1.0 / 3.0;
/// Least share for a partly shared text, where it comes in several runs
/// (paragraphs taken here and there, not one shared quotation).
const SOME_SHARED: f64 = 0.2;
/// Least number of runs for it.
const SOME_SHARED_RUNS: usize = 2;
/// Least share of both versions' sentences with a close counterpart for a rewrite.
const REWRITE: f64 = 0.5;
/// Least link score that makes a counterpart close.
const CLOSE_LINK: f64 = 0.4;
/// Least share of a sentence's words in runs with one version for it to be copied.
const COPIED_SENTENCE: f64 = 0.5;

/// What provenance needs of each version.
pub struct Version {
    /// Its words, indexed.
    pub words: Words,
    /// Its segments' kinds.
    pub kinds: Vec<SegmentKind>,
    /// When it was published, if known.
    pub published: Option<Published>,
}

impl Version {
    fn is_body_word(&self, w: usize) -> bool {
        is_body(&self.kinds[self.words.segment_of[w] as usize])
    }

    /// How many of its words are body text, not headings or furniture.
    fn body_words(&self) -> usize {
        self.words.segment_of.iter().filter(|&&s| is_body(&self.kinds[s as usize])).count()
    }
}

fn is_body(kind: &SegmentKind) -> bool {
    matches!(kind, SegmentKind::Body | SegmentKind::Bullet)
}

/// Provenance of all versions, from their words and the alignment of every pair.
pub fn provenance(versions: &[Version], pairs: &[PairReport]) -> Provenance {
    let n = versions.len();
    // Per version and segment: (other version, its words in runs with it).
    let mut copied: Vec<Vec<Vec<(usize, usize)>>> = versions.iter().map(|v| vec![Vec::new(); v.kinds.len()]).collect();
    // Per segment of the pair's two versions, counted in flat buffers, then kept where not zero.
    let (mut count_a, mut count_b) = (Vec::new(), Vec::new());
    let mut reuse = Vec::with_capacity(pairs.len());
    for p in pairs {
        let (x, y) = (&versions[p.a], &versions[p.b]);
        let found = body_runs(x, y, runs(&x.words, &y.words));
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
        // Four decimals, as every score in the report: the same after a trip through JSON.
        let share =
            |covered: usize, total: usize| if total == 0 { 0.0 } else { round_score(covered as f64 / total as f64) };
        let shared_a = share(covered_a, x.body_words());
        let shared_b = share(covered_b.iter().filter(|&&c| c).count(), y.body_words());
        let close = round_score(close_share(p, &x.kinds, &y.kinds));
        let relation = relation(shared_a.max(shared_b), found.len(), close);
        // Words that independent reports share (one statement quoted by
        // both, a stock phrase) are no copy: the sentences' origins agree with the relation.
        if relation != Relation::Independent {
            for (s, &n) in count_a.iter().enumerate().filter(|(_, &n)| n > 0) {
                copied[p.a][s].push((p.b, n));
            }
            for (s, &n) in count_b.iter().enumerate().filter(|(_, &n)| n > 0) {
                copied[p.b][s].push((p.a, n));
            }
        }
        let source = match (x.published, y.published) {
            (Some(tx), Some(ty)) if relation != Relation::Independent => {
                if tx.before(ty) {
                    Some(p.a)
                } else if ty.before(tx) {
                    Some(p.b)
                } else {
                    None
                }
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

/// The relation the figures make, from the larger verbatim share, the
/// number of shared runs and the share of close counterparts.
fn relation(verbatim: f64, runs: usize, close: f64) -> Relation {
    if verbatim >= SAME_SOURCE {
        Relation::SameSource
    } else if verbatim >= PARTLY_SHARED || (verbatim >= SOME_SHARED && runs >= SOME_SHARED_RUNS) {
        Relation::PartlyShared
    } else if close >= REWRITE {
        Relation::Rewrite
    } else {
        Relation::Independent
    }
}

/// Share of both versions' body sentences in a close link.
fn close_share(p: &PairReport, kinds_a: &[SegmentKind], kinds_b: &[SegmentKind]) -> f64 {
    let body = is_body;
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
fn best_counterparts(versions: &[Version], pairs: &[PairReport]) -> Vec<Vec<Option<(f64, usize)>>> {
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
    versions: &[Version],
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
        (Some(to), Some(td)) if to.before(td) => Some(true),
        (Some(to), Some(td)) if td.before(to) => Some(false),
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
    let mut sets = crate::union_find::UnionFind::new(n);
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

/// The runs cut to body text at both ends (a run that begins in a shared
/// heading or dateline counts from the body), and kept where still long enough.
fn body_runs(x: &Version, y: &Version, found: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let body = |i: usize, j: usize| x.is_body_word(i) && y.is_body_word(j);
    found
        .into_iter()
        .filter_map(|(mut i, mut j, mut len)| {
            while len > 0 && !body(i, j) {
                (i, j, len) = (i + 1, j + 1, len - 1);
            }
            while len > 0 && !body(i + len - 1, j + len - 1) {
                len -= 1;
            }
            (len >= RUN_WORDS).then_some((i, j, len))
        })
        .collect()
}

/// The span of `len` words from word `i` of a version, in both units.
fn span_of(v: &Version, i: usize, len: usize) -> Span {
    let (first, last) = (&v.words.spans[i], &v.words.spans[i + len - 1]);
    Span { utf8: [first.utf8[0], last.utf8[1]], utf16: [first.utf16[0], last.utf16[1]] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_from_the_figures() {
        assert_eq!(relation(0.9, 1, 0.9), Relation::SameSource);
        assert_eq!(relation(0.5, 1, 0.2), Relation::PartlyShared);
        assert_eq!(relation(0.22, 3, 0.2), Relation::PartlyShared);
        assert_eq!(relation(0.22, 1, 0.2), Relation::Independent);
        assert_eq!(relation(0.26, 1, 0.6), Relation::Rewrite);
        assert_eq!(relation(0.15, 4, 0.46), Relation::Independent);
    }
}
