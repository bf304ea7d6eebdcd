//! Candidate links: sentence pairs that share a rarer term, found through
//! an inverted index of each version, each with its overlap measures.

use std::collections::BinaryHeap;

use foldhash::{HashMap, HashMapExt};

use super::{AlignConfig, Candidate};
use crate::terms::{near_figures, SentenceTerms, Term, Weights};

/// Least number of content terms a clause needs to count as evidence alone.
const CLAUSE_TERMS: usize = 3;

/// One version's sentences, prepared once for all the pairs it is in: term
/// weights summed per sentence, and an index from terms (and fingerprints)
/// to sentences.
#[derive(Debug)]
pub struct Indexed<'a> {
    pub(super) sentences: &'a [SentenceTerms],
    pub(super) weights: &'a Weights,
    pub(super) mass: Vec<f32>,
    /// This version's own terms, numbered from 0: memory follows the
    /// version's size, not the whole comparison's vocabulary.
    local: HashMap<Term, u32>,
    /// Sentences holding each local term `l`: `postings[starts[l]..starts[l + 1]]`.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Each sentence's terms as local numbers, in the order of its `terms`:
    /// sentence `j` has `local_terms[term_starts[j]..term_starts[j + 1]]`.
    term_starts: Vec<u32>,
    local_terms: Vec<u32>,
    by_fingerprint: HashMap<u64, Vec<usize>>,
}

impl<'a> Indexed<'a> {
    /// Indexes `sentences` under the comparison's term `weights`.
    pub fn new(sentences: &'a [SentenceTerms], weights: &'a Weights) -> Self {
        let mut local: HashMap<Term, u32> = HashMap::new();
        let mut counts: Vec<u32> = Vec::new();
        let mut term_starts = vec![0u32];
        let mut local_terms = Vec::new();
        let mut by_fingerprint: HashMap<u64, Vec<usize>> = HashMap::new();
        for (j, s) in sentences.iter().enumerate() {
            for &t in &s.terms {
                let next = local.len() as u32;
                let l = *local.entry(t).or_insert(next);
                if l == next {
                    counts.push(0);
                }
                counts[l as usize] += 1;
                local_terms.push(l);
            }
            term_starts.push(local_terms.len() as u32);
            by_fingerprint.entry(s.fingerprint).or_default().push(j);
        }
        // Counting sort: each term's sentences, ascending.
        let mut starts = Vec::with_capacity(counts.len() + 1);
        starts.push(0u32);
        for c in &counts {
            starts.push(starts.last().copied().unwrap_or(0) + c);
        }
        let mut fill: Vec<u32> = starts[..counts.len()].to_vec();
        let mut postings = vec![0u32; local_terms.len()];
        for j in 0..sentences.len() {
            for &l in &local_terms[term_starts[j] as usize..term_starts[j + 1] as usize] {
                postings[fill[l as usize] as usize] = j as u32;
                fill[l as usize] += 1;
            }
        }
        let mass = sentences.iter().map(|s| s.terms.iter().map(|&t| weights[t as usize]).sum()).collect();
        Indexed { sentences, weights, mass, local, starts, postings, term_starts, local_terms, by_fingerprint }
    }

    fn posting(&self, l: u32) -> &[u32] {
        &self.postings[self.starts[l as usize] as usize..self.starts[l as usize + 1] as usize]
    }

    fn local_terms(&self, j: usize) -> &[u32] {
        &self.local_terms[self.term_starts[j] as usize..self.term_starts[j + 1] as usize]
    }
}

/// What a figure met at other precision weighs as evidence of a shared
/// fact: as much as a rare word.
const NEAR_FIGURE: f32 = 3.0;

/// Terms in at most this many sentences are always used to find candidates.
const CHEAP_POSTINGS: usize = 16;

/// Candidate pairs that share at least one of a sentence's rarer terms,
/// or are identical.
pub(super) fn candidates(a: &Indexed<'_>, b: &Indexed<'_>, config: &AlignConfig) -> Vec<Candidate> {
    let weights = b.weights;
    let (mass_a, mass_b) = (&a.mass, &b.mass);
    let (sa, sb) = (a.sentences, b.sentences);

    // Score every sentence the probe terms reach by the weight it shares
    // through them (a dense accumulator, reset after each sentence); only
    // the best few get an exact comparison. This keeps the cost per sentence
    // bounded however long the texts are.
    let mut out = Vec::new();
    // Per `b` sentence: the `a` sentence that last reached it, and the weight
    // shared. Eight bytes each, so twice as many share a cache line: this
    // array is read at random for every posting walked, and on long texts
    // its misses were the candidate search's largest cost.
    let mut acc = vec![(u32::MAX, 0.0f32); sb.len()];
    let mut ranked: BinaryHeap<u64> = BinaryHeap::with_capacity(config.max_candidates);
    // Which of `b`'s terms the current sentence holds: marked with its number.
    let mut holds = vec![usize::MAX; b.starts.len() - 1];
    let mut touched: Vec<usize> = Vec::new();
    // Each of `a`'s terms as one of `b`'s, looked up once per term, not per use.
    let mut term_in_b = vec![u32::MAX; a.starts.len() - 1];
    for (t, &la) in &a.local {
        if let Some(&lb) = b.local.get(t) {
            term_in_b[la as usize] = lb;
        }
    }
    let mut probe: Vec<(usize, Term, u32)> = Vec::new();
    for (i, s) in sa.iter().enumerate() {
        probe.clear();
        for (&t, &la) in s.terms.iter().zip(a.local_terms(i)) {
            let l = term_in_b[la as usize];
            if l != u32::MAX {
                holds[l as usize] = i;
                probe.push((b.posting(l).len(), t, l));
            }
        }
        probe.sort();
        touched.clear();
        let mut reach = |j: usize, w: f32, touched: &mut Vec<usize>| {
            let (by, shared) = &mut acc[j];
            if *by != i as u32 {
                (*by, *shared) = (i as u32, 0.0);
                touched.push(j);
            }
            *shared += w;
        };
        // Identical sentences: only the few nearest the expected position
        // (a text of one sentence repeated must not cost its square).
        if let Some(same) = b.by_fingerprint.get(&s.fingerprint) {
            let expected = i * sb.len() / sa.len().max(1);
            let at = same.partition_point(|&j| j < expected);
            let half = config.max_candidates / 2;
            for &j in &same[at.saturating_sub(half)..(at + half).min(same.len())] {
                reach(j, f32::MAX / 4.0, &mut touched);
            }
        }
        // Every cheap term, then the rarest few of the rest: enough to find
        // each part of a split, bounded for frequent words in long texts.
        for (k, &(len, t, l)) in probe.iter().enumerate() {
            if len > config.max_postings || (len > CHEAP_POSTINGS && k >= config.probe_terms) {
                break;
            }
            for &j in b.posting(l) {
                reach(j as usize, weights[t as usize], &mut touched);
            }
        }
        if touched.len() > config.max_candidates {
            // The best by weight shared, then the first: one number per
            // sentence that sorts so (the weight is never negative, so its
            // bits, inverted, order it downwards). The least of them kept in
            // a heap whose top is the worst kept: most sentences reached
            // fall at one comparison with it.
            ranked.clear();
            for &j in &touched {
                let key = (u64::from(!acc[j].1.to_bits()) << 32) | j as u64;
                if ranked.len() < config.max_candidates {
                    ranked.push(key);
                } else if let Some(mut worst) = ranked.peek_mut().filter(|worst| key < **worst) {
                    *worst = key;
                }
            }
            touched.clear();
            touched.extend(ranked.iter().map(|&key| (key & u64::from(u32::MAX)) as usize));
        }
        // In order, so candidates come out by (i, j): `align` sorts them keeping that order among equals.
        touched.sort();
        for &j in &touched {
            // The exact overlap, in term order (so sums round the same way every time).
            let (mut shared_mass, mut shared, mut beyond_names, mut fact_words) = (0.0f32, 0, 0, 0.0f32);
            for (&t, &l) in sb[j].terms.iter().zip(b.local_terms(j)) {
                if holds[l as usize] == i {
                    shared_mass += weights[t as usize];
                    if weights.is_content(t) {
                        shared += 1;
                        if !weights.is_name(t, s, &sb[j]) {
                            beyond_names += 1;
                            fact_words += weights[t as usize];
                        }
                    }
                }
            }
            // A figure met at other precision ("11,316" and "about 11,300")
            // counts as one shared figure.
            let mut near = 0;
            for (tp, tq) in near_figures(&s.figures, &sb[j].figures) {
                shared_mass += (weights[tp as usize] + weights[tq as usize]) / 2.0;
                shared += 1;
                beyond_names += 1;
                near += 1;
            }
            let fact_weight = fact_words + near as f32 * NEAR_FIGURE;
            let near_figures = near;
            let identical = s.fingerprint == sb[j].fingerprint && !s.terms.is_empty();
            if shared == 0 && !identical {
                continue;
            }
            let (ma, mb) = (mass_a[i], mass_b[j]);
            let dice = if identical { 1.0 } else { 2.0 * shared_mass / (ma + mb).max(f32::EPSILON) };
            let (in_a, in_b) = (shared_mass / ma.max(f32::EPSILON), shared_mass / mb.max(f32::EPSILON));
            // Too weak to link, to be part of a split or merge, or to attach:
            // never used, and never anyone's best (a usable one outranks it).
            if dice < config.min_similarity.min(config.gap_similarity).min(config.evidence_similarity)
                && in_a.max(in_b) < config.attach.min(config.min_containment)
            {
                continue;
            }
            let phrases = shared_count(&s.phrases, &sb[j].phrases);
            let quoted = shared_count(&s.quoted, &sb[j].quoted);
            out.push(Candidate {
                i,
                j,
                dice,
                in_a,
                in_b,
                shared,
                beyond_names,
                fact_weight,
                near_figures,
                phrases,
                quoted,
                identical,
            });
        }
    }
    out
}

/// The clause of either sentence most found in the other: the share of its
/// weight found there, and that weight. Asked only by the evidence decision,
/// for the few candidates it weighs.
pub(super) fn shared_clause(x: &SentenceTerms, y: &SentenceTerms, weights: &Weights) -> (f32, f32) {
    let (cx, cy) = (clause_cover(x, y, weights), clause_cover(y, x, weights));
    if cx.0 >= cy.0 {
        cx
    } else {
        cy
    }
}

/// The clause of `x` most found in `y`: the share of its weight in `y`, and
/// that weight. Clauses of fewer than [`CLAUSE_TERMS`] content terms are no
/// evidence alone ("he said").
fn clause_cover(x: &SentenceTerms, y: &SentenceTerms, weights: &Weights) -> (f32, f32) {
    let mut best = (0.0f32, 0.0f32);
    for clause in x.clauses().filter(|c| c.len() >= CLAUSE_TERMS) {
        let (mut total, mut found) = (0.0f32, 0.0f32);
        for &t in clause {
            total += weights[t as usize];
            if y.terms.binary_search(&t).is_ok() {
                found += weights[t as usize];
            }
        }
        let share = found / total.max(f32::EPSILON);
        if (share, found) > best {
            best = (share, found);
        }
    }
    best
}

/// How many values two sorted lists share. Without branches on the values:
/// which list steps is a coin toss, so a branch on it was mispredicted
/// half the time.
fn shared_count(x: &[u64], y: &[u64]) -> usize {
    let (mut p, mut q, mut n) = (0, 0, 0);
    while p < x.len() && q < y.len() {
        let (u, v) = (x[p], y[q]);
        n += usize::from(u == v);
        p += usize::from(u <= v);
        q += usize::from(v <= u);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::shared_count;

    #[test]
    fn shared_count_counts_common_values_of_sorted_lists() {
        assert_eq!(shared_count(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(shared_count(&[], &[1, 2]), 0);
        assert_eq!(shared_count(&[4], &[4]), 1);
        assert_eq!(shared_count(&[1, 2, 3], &[4, 5]), 0);
        // A value twice on one side pairs once with one on the other.
        assert_eq!(shared_count(&[2, 2, 6], &[2, 6]), 2);
    }
}
