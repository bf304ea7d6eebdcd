//! Shared facts: two outlets writing one story in their own words rarely
//! share a sentence, but often share part of one: a figure, a clause, a
//! quoted phrase. This last pass links body sentences that share such a fact,
//! anywhere in the two versions (independent reports keep no common order),
//! and may link one sentence to several.
//!
//! Evidence counts, not just overlap: the pair must be among the best
//! matches of both its sentences, overlap enough by weight, and share enough
//! weight in content words that are no name (a name alone is the topic, not
//! a fact) and in figures. Figures meet at different precision ("11,316" and "about
//! 11,300"), years aside.

use serde::{Deserialize, Serialize};

use super::{AlignConfig, Candidate};
use crate::terms::{Role, SentenceTerms};

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

/// The evidence pass. Pairs whose sentences are both still free become
/// links (`links`, `used_a`, `used_b` updated); the others are returned.
/// `candidates` come best first.
pub(super) fn shared_facts(
    candidates: &[Candidate],
    a: &[SentenceTerms],
    b: &[SentenceTerms],
    links: &mut Vec<Candidate>,
    used_a: &mut [bool],
    used_b: &mut [bool],
    config: &AlignConfig,
) -> Vec<FactPair> {
    let text = |c: &&Candidate| a[c.i].role == Role::Text && b[c.j].role == Role::Text;
    // How many better candidates each sentence has had so far.
    let mut seen_a = vec![0usize; a.len()];
    let mut seen_b = vec![0usize; b.len()];
    let mut linked: Vec<(usize, usize)> = links.iter().map(|l| (l.i, l.j)).collect();
    linked.sort();
    let mut pairs = Vec::new();
    for c in candidates.iter().filter(text) {
        let rank = seen_a[c.i].max(seen_b[c.j]);
        seen_a[c.i] += 1;
        seen_b[c.j] += 1;
        if rank > config.fact_rank
            || c.dice < config.fact_similarity
            || linked.binary_search(&(c.i, c.j)).is_ok()
            || c.fact_weight < config.fact_evidence
        {
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
