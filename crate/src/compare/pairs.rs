//! One pair's part of the report: its links with their word diffs (and a
//! partial link's shared runs), its overlaps; and every pair of sentences some link joins.

use std::borrow::Cow;

use foldhash::{HashSet, HashSetExt};

use super::shared::shared;
use super::versions::Version;
use crate::align::Alignment;
use crate::diff::{diff_tokens, mark_quotes, DiffOptions, WordOp};
use crate::report::{round_score, Link, LinkKind, Overlap, PairReport};
use crate::tokenize::{Token, TokenKind};

/// The report of one pair; `diff` is `None` when this pair gets no word diffs.
pub(super) fn pair_report(
    a: usize,
    b: usize,
    alignment: Alignment,
    versions: &[Version],
    diff: Option<&DiffOptions>,
) -> PairReport {
    let links = alignment
        .units
        .into_iter()
        .map(|u| {
            let sides = ((&versions[a], u.a.as_slice()), (&versions[b], u.b.as_slice()));
            let ops = diff.map_or_else(Vec::new, |diff| unit_ops(sides.0, sides.1, diff));
            Link { a: u.a, b: u.b, kind: u.kind, score: round_score(u.score), moved: u.moved, ops, shared: None }
        })
        .collect();
    PairReport {
        a,
        b,
        similarity: round_score(alignment.similarity),
        links,
        overlaps: alignment.facts.iter().map(|f| Overlap { a: f.a, b: f.b, score: round_score(f.score) }).collect(),
        unmatched_a: alignment.unmatched_a,
        unmatched_b: alignment.unmatched_b,
    }
}

/// Each partial link's shared runs, on both sides.
pub(super) fn mark_shared(pair: &mut PairReport, versions: &[Version], stem_chars: usize) {
    let (va, vb) = (&versions[pair.a], &versions[pair.b]);
    for link in pair.links.iter_mut().filter(|l| l.kind == LinkKind::Partial) {
        link.shared = Some(shared((va, &link.a), (vb, &link.b), stem_chars));
    }
}

/// The word diff of one link: segments `ua` of one version against `ub` of another.
pub(super) fn unit_ops(
    (va, ua): (&Version, &[usize]),
    (vb, ub): (&Version, &[usize]),
    diff: &DiffOptions,
) -> Vec<WordOp> {
    let mut ops = diff_tokens(&joined(va, ua), &joined(vb, ub), diff);
    mark_quotes(&mut ops, &va.text.quote_spans(ua), &vb.text.quote_spans(ub));
    ops
}

/// A unit's segments joined by a space, as tokens (one segment as it is).
fn joined<'v, 't>(v: &'v Version<'t>, segments: &[usize]) -> Cow<'v, [Token<'t>]> {
    if let [i] = segments {
        return Cow::Borrowed(&v.tokens[*i]);
    }
    let mut out: Vec<Token<'t>> = Vec::new();
    for (k, &i) in segments.iter().enumerate() {
        if k > 0 {
            out.push(Token { text: " ", kind: TokenKind::Space });
        }
        out.extend_from_slice(&v.tokens[i]);
    }
    Cow::Owned(out)
}

/// Every (doc, segment, doc, segment) pair that some link joins, both ways round.
pub(super) fn linked_segments(pairs: &[PairReport]) -> HashSet<(usize, usize, usize, usize)> {
    let size: usize = pairs.iter().flat_map(|p| &p.links).map(|l| 2 * l.a.len() * l.b.len()).sum();
    let mut set = HashSet::with_capacity(size);
    for p in pairs {
        for l in &p.links {
            for &i in &l.a {
                for &j in &l.b {
                    set.insert((p.a, i, p.b, j));
                    set.insert((p.b, j, p.a, i));
                }
            }
        }
    }
    set
}
