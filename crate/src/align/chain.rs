//! The backbone: anchors (mutual best matches) and the chain of them that
//! keeps both versions' order.

use super::Candidate;

/// The candidates (by number, in order) that are each other's best among
/// the `eligible`: candidates come best first, so a sentence's first is its best.
pub(super) fn mutual_best<'c>(
    candidates: &'c [Candidate],
    n: usize,
    m: usize,
    eligible: impl Fn(&Candidate) -> bool,
) -> impl Iterator<Item = usize> + 'c {
    let mut best_a = vec![usize::MAX; n];
    let mut best_b = vec![usize::MAX; m];
    for (k, c) in candidates.iter().enumerate().filter(|(_, c)| eligible(c)) {
        if best_a[c.i] == usize::MAX {
            best_a[c.i] = k;
        }
        if best_b[c.j] == usize::MAX {
            best_b[c.j] = k;
        }
    }
    (0..candidates.len()).filter(move |&k| best_a[candidates[k].i] == k && best_b[candidates[k].j] == k)
}

/// Which links (in the given order) lie on the heaviest chain that keeps
/// both versions' order; the rest are out of order.
pub(super) fn order_chain(links: &[&Candidate], exact_max: usize) -> Vec<bool> {
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by_key(|&k| (links[k].i, links[k].j));
    let n = order.len();
    let mut prev = vec![usize::MAX; n];
    let end = if n <= exact_max {
        // Heaviest increasing subsequence by similarity: quadratic, exact.
        let mut best = vec![0.0f32; n];
        for x in 0..n {
            best[x] = links[order[x]].dice;
            for y in 0..x {
                if links[order[y]].j < links[order[x]].j && best[y] + links[order[x]].dice > best[x] {
                    best[x] = best[y] + links[order[x]].dice;
                    prev[x] = y;
                }
            }
        }
        (0..n).max_by(|&x, &y| best[x].total_cmp(&best[y]))
    } else {
        // Longest increasing subsequence, O(n log n), for large inputs.
        let mut tails: Vec<usize> = Vec::new();
        for x in 0..n {
            let j = links[order[x]].j;
            let pos = tails.partition_point(|&t| links[order[t]].j < j);
            if pos > 0 {
                prev[x] = tails[pos - 1];
            }
            if pos == tails.len() {
                tails.push(x);
            } else {
                tails[pos] = x;
            }
        }
        tails.last().copied()
    };
    let mut on_chain = vec![false; n];
    let mut at = end;
    while let Some(x) = at {
        on_chain[order[x]] = true;
        at = (prev[x] != usize::MAX).then_some(prev[x]);
    }
    on_chain
}
