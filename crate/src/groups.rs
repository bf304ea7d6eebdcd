//! The work across all versions, once every pair is aligned: groups of
//! corresponding sentences, and how many versions carry each sentence.

use crate::report::{Group, LinkKind, PairReport};
use crate::union_find::UnionFind;

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
