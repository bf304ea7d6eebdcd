//! Links into units: connected links between two versions form one unit;
//! across all versions, close links form groups of corresponding sentences.

use super::{AlignConfig, Candidate, LinkKind, Unit};
use crate::report::{Group, PairReport};

/// Disjoint sets of numbers `0..n`, each named by its smallest member's root.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` sets of one member each.
    pub fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }

    /// The root of `x`'s set (paths halved on the way).
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `x` and `y`; the smaller root stays the root.
    pub fn union(&mut self, x: usize, y: usize) {
        let (x, y) = (self.find(x), self.find(y));
        self.parent[x.max(y)] = x.min(y);
    }
}

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

/// For each sentence, how many other versions link to it or share a fact with it.
pub fn support(sizes: &[usize], pairs: &[PairReport]) -> Vec<Vec<usize>> {
    let mut support: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![0; n]).collect();
    // The pair that last counted each sentence: a sentence linked and in an
    // overlap of the same pair counts once.
    let mut counted: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![usize::MAX; n]).collect();
    for (k, p) in pairs.iter().enumerate() {
        let a_side = p.links.iter().flat_map(|l| &l.a).chain(p.overlaps.iter().map(|o| &o.a));
        let b_side = p.links.iter().flat_map(|l| &l.b).chain(p.overlaps.iter().map(|o| &o.b));
        for (doc, i) in a_side.map(|&i| (p.a, i)).chain(b_side.map(|&j| (p.b, j))) {
            if std::mem::replace(&mut counted[doc][i], k) != k {
                support[doc][i] += 1;
            }
        }
    }
    support
}

/// Groups of corresponding sentences across all versions: sentences joined
/// by close (non-partial) links, every other sentence a group of its own,
/// ordered by their mean relative position in the versions.
pub fn groups(sizes: &[usize], pairs: &[PairReport]) -> (Vec<Group>, Vec<Vec<usize>>) {
    let offsets: Vec<usize> = sizes
        .iter()
        .scan(0, |acc, &n| {
            let start = *acc;
            *acc += n;
            Some(start)
        })
        .collect();
    let total: usize = sizes.iter().sum();
    let mut sets = UnionFind::new(total);
    for p in pairs {
        for l in p.links.iter().filter(|l| l.kind != LinkKind::Partial) {
            sets.union(offsets[p.a] + l.a[0], offsets[p.b] + l.b[0]);
        }
    }
    let mut root_group: Vec<usize> = vec![usize::MAX; total];
    let mut groups: Vec<(f64, Group)> = Vec::new();
    let mut group_of: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![0; n]).collect();
    for (d, row) in group_of.iter_mut().enumerate() {
        for (i, slot) in row.iter_mut().enumerate() {
            let root = sets.find(offsets[d] + i);
            if root_group[root] == usize::MAX {
                root_group[root] = groups.len();
                groups.push((0.0, Group { members: vec![Vec::new(); sizes.len()] }));
            }
            let g = root_group[root];
            groups[g].1.members[d].push(i);
            *slot = g;
        }
    }
    // Order rows by mean relative position; renumber.
    for (pos, g) in groups.iter_mut() {
        let places: Vec<f64> = g
            .members
            .iter()
            .enumerate()
            .flat_map(|(d, m)| m.iter().map(move |&i| (i as f64 + 0.5) / sizes[d] as f64))
            .collect();
        *pos = places.iter().sum::<f64>() / places.len().max(1) as f64;
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&x, &y| groups[x].0.total_cmp(&groups[y].0).then(x.cmp(&y)));
    let mut renumber = vec![0; groups.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    for row in group_of.iter_mut() {
        for g in row.iter_mut() {
            *g = renumber[*g];
        }
    }
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(|(_, g)| Some(g)).collect();
    let groups = order.iter().filter_map(|&k| slots[k].take()).collect();
    (groups, group_of)
}
