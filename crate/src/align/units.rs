//! Links into units: connected links between two versions form one unit.

use super::{AlignConfig, Candidate, LinkKind, Unit};
use crate::union_find::UnionFind;

/// Groups links into connected units; `moved` is sorted.
pub(super) fn units(links: &[Candidate], moved: &[(usize, usize)], config: &AlignConfig) -> Vec<Unit> {
    // Link indices joined through shared sentences.
    let mut sets = UnionFind::new(links.len());
    // The last link seen on each sentence, to join the next one to it.
    let size = |side: fn(&Candidate) -> usize| links.iter().map(side).max().map_or(0, |x| x + 1);
    let mut by_a = vec![usize::MAX; size(|c| c.i)];
    let mut by_b = vec![usize::MAX; size(|c| c.j)];
    for (k, c) in links.iter().enumerate() {
        let earlier = [std::mem::replace(&mut by_a[c.i], k), std::mem::replace(&mut by_b[c.j], k)];
        for other in earlier.into_iter().filter(|&o| o != usize::MAX) {
            sets.union(k, other);
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); links.len()];
    for k in 0..links.len() {
        let root = sets.find(k);
        groups[root].push(k);
    }
    let mut out: Vec<Unit> = groups
        .into_iter()
        .filter(|members| !members.is_empty())
        .map(|members| {
            let mut a: Vec<usize> = members.iter().map(|&k| links[k].i).collect();
            let mut b: Vec<usize> = members.iter().map(|&k| links[k].j).collect();
            a.sort();
            a.dedup();
            b.sort();
            b.dedup();
            let best =
                members.iter().map(|&k| links[k]).max_by(|x, y| x.dice.total_cmp(&y.dice)).unwrap_or(links[members[0]]);
            let kind = if a.len() > 1 || b.len() > 1 {
                LinkKind::Partial
            } else if best.identical {
                LinkKind::Identical
            } else if best.dice >= config.minor_edit {
                LinkKind::MinorEdit
            } else if best.dice >= config.paraphrase && best.in_a.min(best.in_b) >= config.paraphrase {
                LinkKind::Paraphrase
            } else {
                LinkKind::Partial
            };
            let moved = members.iter().any(|&k| moved.binary_search(&(links[k].i, links[k].j)).is_ok());
            Unit { a, b, score: best.dice, kind, moved }
        })
        .collect();
    out.sort_by_key(|u| (u.a[0], u.b[0]));
    out
}
