//! Links around the backbone: the corridor each sentence may link in,
//! neighbours that join a link (splits and merges), and the lenient second
//! pass inside the gaps the links leave.

use super::chain::mutual_best;
use super::{AlignConfig, Candidate, Indexed};
use crate::terms::{Role, SentenceTerms, Weights};

/// Where the order-preserving chain lets sentence `i` link: between the `b`
/// sentences linked to the nearest chained `a` sentences before and after it.
pub(super) struct Corridor {
    low: Vec<usize>,
    high: Vec<usize>,
}

impl Corridor {
    pub(super) fn new(chain: &[(usize, usize)], n: usize, m: usize) -> Self {
        let mut at = vec![None; n];
        for &(i, j) in chain {
            at[i] = Some(j);
        }
        let mut low = vec![0; n];
        let mut high = vec![m.saturating_sub(1); n];
        let mut last = 0;
        for i in 0..n {
            low[i] = last;
            if let Some(j) = at[i] {
                last = j;
            }
        }
        let mut next = m.saturating_sub(1);
        for i in (0..n).rev() {
            high[i] = next;
            if let Some(j) = at[i] {
                next = j;
            }
        }
        Corridor { low, high }
    }

    pub(super) fn allows(&self, i: usize, j: usize) -> bool {
        self.low[i] <= j && j <= self.high[i]
    }
}

/// Candidates by `a` sentence, to grow links into free neighbouring sentences.
pub(super) struct Neighbours<'a> {
    a: &'a [SentenceTerms],
    b: &'a [SentenceTerms],
    weights: &'a Weights,
    candidates: &'a [Candidate],
    /// The candidates of sentence `a[i]` (a few; body text only: a heading
    /// or furniture never joins a link as a part): `by_a[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    by_a: Vec<u32>,
}

impl<'a> Neighbours<'a> {
    pub(super) fn new(a: &Indexed<'a>, b: &Indexed<'a>, candidates: &'a [Candidate]) -> Self {
        let usable = |c: &&Candidate| a.sentences[c.i].role == Role::Text && b.sentences[c.j].role == Role::Text;
        let mut starts = vec![0u32; a.sentences.len() + 1];
        for c in candidates.iter().filter(usable) {
            starts[c.i + 1] += 1;
        }
        for i in 0..a.sentences.len() {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut by_a = vec![0u32; starts[a.sentences.len()] as usize];
        for (k, c) in candidates.iter().enumerate().filter(|(_, c)| usable(c)) {
            by_a[fill[c.i] as usize] = k as u32;
            fill[c.i] += 1;
        }
        Neighbours { a: a.sentences, b: b.sentences, weights: a.weights, candidates, starts, by_a }
    }

    fn pair(&self, i: usize, j: usize) -> Option<&'a Candidate> {
        let row = self.by_a.get(*self.starts.get(i)? as usize..*self.starts.get(i + 1)? as usize)?;
        row.iter().map(|&k| &self.candidates[k as usize]).find(|c| c.j == j)
    }

    /// Of the weight `joining` shares with `partner`, the part not already in `linked`.
    fn adds(&self, partner: &SentenceTerms, linked: &SentenceTerms, joining: &SentenceTerms) -> f32 {
        let (mut shared, mut new) = (0.0f32, 0.0f32);
        for &t in partner.terms.iter().filter(|t| joining.terms.binary_search(t).is_ok()) {
            shared += self.weights[t as usize];
            if linked.terms.binary_search(&t).is_err() {
                new += self.weights[t as usize];
            }
        }
        new / shared.max(f32::EPSILON)
    }

    /// A free sentence next to a linked one joins that link when enough of
    /// it is found in the link's partner, and it brings something the link
    /// lacks: the further parts of a split or merge. Visits `links[from..]`
    /// and the links it adds in turn, so a three-way split grows one part at
    /// a time, in linear time.
    pub(super) fn grow(
        &self,
        links: &mut Vec<Candidate>,
        from: usize,
        used_a: &mut [bool],
        used_b: &mut [bool],
        config: &AlignConfig,
    ) {
        let (a, b) = (self.a, self.b);
        let mut k = from;
        while k < links.len() {
            let (i, j) = (links[k].i, links[k].j);
            // Neighbours of b[j] that are free and largely inside a[i]; then the same for a[i].
            for nj in [j.wrapping_sub(1), j + 1] {
                if let Some(c) = self.pair(i, nj).filter(|c| {
                    !used_b[nj] && c.in_b >= config.attach && self.adds(&a[i], &b[j], &b[nj]) >= config.attach_new
                }) {
                    used_b[nj] = true;
                    links.push(*c);
                }
            }
            for ni in [i.wrapping_sub(1), i + 1] {
                if let Some(c) = self.pair(ni, j).filter(|c| {
                    !used_a[ni] && c.in_a >= config.attach && self.adds(&b[j], &a[i], &a[ni]) >= config.attach_new
                }) {
                    used_a[ni] = true;
                    links.push(*c);
                }
            }
            k += 1;
        }
    }
}

/// A second, more lenient pass (as in Bleualign): a free sentence links to a
/// free sentence in the gap its neighbours' links leave when each is the
/// other's best match there, at a lower similarity than a first-pass link.
pub(super) fn fill_gaps(
    candidates: &[Candidate],
    moved: &[(usize, usize)], // sorted
    links: &mut Vec<Candidate>,
    used_a: &mut [bool],
    used_b: &mut [bool],
    may_link: impl Fn(&Candidate) -> bool,
    config: &AlignConfig,
) {
    let (n, m) = (used_a.len(), used_b.len());
    // The gap of each sentence: after the last partner of the sentences before it,
    // before the first partner of those after it (moved links aside).
    let mut after_a = vec![-1i64; n + 1];
    let mut before_a = vec![m as i64; n + 1];
    let mut after_b = vec![-1i64; m + 1];
    let mut before_b = vec![n as i64; m + 1];
    for l in links.iter().filter(|l| moved.binary_search(&(l.i, l.j)).is_err()) {
        after_a[l.i + 1] = after_a[l.i + 1].max(l.j as i64);
        before_a[l.i] = before_a[l.i].min(l.j as i64);
        after_b[l.j + 1] = after_b[l.j + 1].max(l.i as i64);
        before_b[l.j] = before_b[l.j].min(l.i as i64);
    }
    for x in 1..=n {
        after_a[x] = after_a[x].max(after_a[x - 1]);
    }
    for x in (0..n).rev() {
        before_a[x] = before_a[x].min(before_a[x + 1]);
    }
    for y in 1..=m {
        after_b[y] = after_b[y].max(after_b[y - 1]);
    }
    for y in (0..m).rev() {
        before_b[y] = before_b[y].min(before_b[y + 1]);
    }
    let in_gap = |c: &Candidate| {
        may_link(c)
            && !used_a[c.i]
            && !used_b[c.j]
            && after_a[c.i] < c.j as i64
            && (c.j as i64) < before_a[c.i + 1]
            && after_b[c.j] < c.i as i64
            && (c.i as i64) < before_b[c.j + 1]
    };
    let found: Vec<usize> = mutual_best(candidates, n, m, in_gap).collect();
    for c in found.into_iter().map(|k| candidates[k]) {
        if c.dice >= config.gap_similarity && c.shared >= config.min_shared_terms && c.beyond_names > 0 {
            used_a[c.i] = true;
            used_b[c.j] = true;
            links.push(c);
        }
    }
}
