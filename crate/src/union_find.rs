//! Disjoint sets: which sentences a chain of links joins.

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
