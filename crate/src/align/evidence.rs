//! The evidence pass: two outlets writing one story in their own words
//! rarely share a sentence, but often share part of one: a clause, a figure,
//! a quoted phrase. This last pass links body sentences that share such a
//! fact, anywhere in the two versions (independent reports keep no common
//! order), and may link one sentence to several.
//!
//! One decision for every candidate the order passes left: a logistic score
//! over the pair's evidence ([`features`]), with weights learned by
//! `bench/learn.py` under leave-one-story-out cross-validation and kept as
//! plain numbers in [`AlignConfig`].

use serde::{Deserialize, Serialize};

use super::candidates::shared_clause;
use super::{AlignConfig, Candidate};
use crate::terms::{Role, SentenceTerms, Weights};

/// How many numbers describe a candidate to the decision.
pub const FEATURES: usize = 13;

/// What each feature is, in order (for the learning script and the docs).
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "dice",
    "contained_min",
    "contained_max",
    "clause",
    "clause_weight",
    "fact_weight",
    "phrases",
    "near_figure",
    "rank_worse",
    "rank_better",
    "related",
    "beyond_names",
    "quoted",
];

/// A pair of sentences that share a fact, linked beyond the one-to-one
/// alignment: `a` and `b` index the two versions' sentences.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FactPair {
    /// Sentence of the first version.
    pub a: usize,
    /// Sentence of the second version.
    pub b: usize,
    /// Their similarity, 0..1.
    pub score: f32,
}

/// One candidate as the decision saw it, for learning its weights.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Sentence of the first version.
    pub a: usize,
    /// Sentence of the second version.
    pub b: usize,
    /// The order passes linked the pair already.
    pub linked: bool,
    /// What the decision weighs, as [`FEATURE_NAMES`] lists.
    pub features: [f32; FEATURES],
}

/// The numbers the decision weighs for candidate `c`: its overlap, its best
/// shared `clause` (share, weight), the evidence beyond names, how it ranks
/// among both its sentences' candidates, and how related the two versions are overall.
pub(super) fn features(
    c: &Candidate,
    clause: (f32, f32),
    rank_a: usize,
    rank_b: usize,
    related: f32,
) -> [f32; FEATURES] {
    let ln = |x: f32| (1.0 + x).ln();
    [
        c.dice,
        c.in_a.min(c.in_b),
        c.in_a.max(c.in_b),
        clause.0,
        ln(clause.1),
        ln(c.fact_weight),
        ln(c.phrases as f32),
        f32::from(u8::from(c.near_figures > 0)),
        1.0 / (1 + rank_a.max(rank_b)) as f32,
        1.0 / (1 + rank_a.min(rank_b)) as f32,
        related,
        ln(c.beyond_names as f32),
        ln(c.quoted as f32),
    ]
}

/// The decision's score for `x`, 0..1.
pub(super) fn score(x: &[f32; FEATURES], config: &AlignConfig) -> f32 {
    let z = config.evidence_bias + x.iter().zip(&config.evidence_weights).map(|(x, w)| x * w).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// The evidence pass. Pairs whose sentences are both still free become
/// links (`links`, `used_a`, `used_b` updated); the others are returned.
/// `candidates` come best first; `related` is the share of both versions'
/// weight the order passes linked. What the decision saw goes to `explain`.
#[allow(clippy::too_many_arguments)]
pub(super) fn shared_facts(
    candidates: &[Candidate],
    a: &[SentenceTerms],
    b: &[SentenceTerms],
    weights: &Weights,
    related: f32,
    links: &mut Vec<Candidate>,
    used_a: &mut [bool],
    used_b: &mut [bool],
    config: &AlignConfig,
    mut explain: Option<&mut Vec<Evidence>>,
) -> Vec<FactPair> {
    let text = |c: &&Candidate| a[c.i].role == Role::Text && b[c.j].role == Role::Text;
    // How many better candidates each sentence has had so far.
    let mut seen_a = vec![0usize; a.len()];
    let mut seen_b = vec![0usize; b.len()];
    let mut linked: Vec<(usize, usize)> = links.iter().map(|l| (l.i, l.j)).collect();
    linked.sort();
    let mut pairs = Vec::new();
    for c in candidates.iter().filter(text) {
        let (rank_a, rank_b) = (seen_a[c.i], seen_b[c.j]);
        seen_a[c.i] += 1;
        seen_b[c.j] += 1;
        let already = linked.binary_search(&(c.i, c.j)).is_ok();
        let ruled_out = already
            || c.beyond_names == 0
            || rank_a.max(rank_b) > config.evidence_rank
            || related > config.evidence_max_related;
        // The features, the shared clause above all, cost most of the pass:
        // only for a pair the decision may link, or that `explain` shows.
        if ruled_out && explain.is_none() {
            continue;
        }
        let x = features(c, shared_clause(&a[c.i], &b[c.j], weights), rank_a, rank_b, related);
        if let Some(out) = explain.as_deref_mut() {
            out.push(Evidence { a: c.i, b: c.j, linked: already, features: x });
        }
        if ruled_out || score(&x, config) < config.evidence_threshold {
            continue;
        }
        if !used_a[c.i] && !used_b[c.j] {
            used_a[c.i] = true;
            used_b[c.j] = true;
            links.push(*c);
        } else {
            pairs.push(FactPair { a: c.i, b: c.j, score: c.dice });
        }
    }
    pairs
}
