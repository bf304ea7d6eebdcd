//! Sentences of two versions -> links (one-to-one, splits, merges, moves).
//!
//! Each sentence becomes a set of terms (word stems and whole numbers),
//! weighted by how rare they are across every version being compared, with
//! function words damped. Candidates come from an inverted index of each
//! sentence's rarest terms, so cost grows with text length rather than with
//! the product of sentence counts. Then:
//!
//! 1. anchors: sentence pairs that are each other's best match;
//! 2. the heaviest chain of anchors that keeps both versions' order; an
//!    anchor off the chain survives, as a *move*, if it is at least a paraphrase;
//! 3. inside the corridor the chain leaves between neighbouring anchors:
//!    more one-to-one links, then links where one sentence is largely
//!    contained in the other (the parts of a split or a merge).
//!
//! Connected links form units (`a` sentences x `b` sentences).

mod candidates;
mod chain;
mod config;
mod evidence;
mod gaps;
mod prepared;
mod units;

use serde::{Deserialize, Serialize};

pub use crate::report::LinkKind;
use crate::terms::Role;

pub use candidates::Indexed;
pub use config::AlignConfig;
pub use evidence::{Evidence, FactPair, FEATURES, FEATURE_NAMES};
pub use prepared::Prepared;

use candidates::candidates;
use chain::{mutual_best, order_chain};
use evidence::shared_facts;
use gaps::{fill_gaps, Corridor, Neighbours};
use units::units;

/// A set of linked sentences: `a` of the first version, `b` of the second.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Sentence indices in the first version, ascending.
    pub a: Vec<usize>,
    /// Sentence indices in the second version, ascending.
    pub b: Vec<usize>,
    /// Similarity of the unit's best link, 0..1.
    pub score: f32,
    /// How close the unit's sentences are.
    pub kind: LinkKind,
    /// The unit is out of the order the rest of the text keeps.
    pub moved: bool,
}

/// The links between two versions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Linked units, in order of their first `a` sentence.
    pub units: Vec<Unit>,
    /// Sentences that share a fact but are each in another unit, by `a`.
    pub facts: Vec<FactPair>,
    /// Sentences of the first version with no counterpart.
    pub unmatched_a: Vec<usize>,
    /// Sentences of the second version with no counterpart.
    pub unmatched_b: Vec<usize>,
    /// Share of both versions' term weight that lies in linked sentences, 0..1.
    pub similarity: f32,
}

/// A candidate link with its overlap measures.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub(crate) i: usize,
    pub(crate) j: usize,
    pub(crate) dice: f32,
    /// Share of `a[i]`'s weight found in `b[j]`.
    pub(crate) in_a: f32,
    /// Share of `b[j]`'s weight found in `a[i]`.
    pub(crate) in_b: f32,
    /// Content terms in both.
    pub(crate) shared: usize,
    /// Of those, the ones that are a name in neither: a name shared alone
    /// is the topic, not a fact.
    pub(crate) beyond_names: usize,
    /// The weight they share beyond names: content words that are no name,
    /// and each figure met at other precision as much as a rare word.
    pub(crate) fact_weight: f32,
    /// Figures met at other precision.
    pub(crate) near_figures: usize,
    /// Two content terms read in a row in both (a shared phrase).
    pub(crate) phrases: usize,
    /// Of those, the ones inside quote marks in both (a shared quotation).
    pub(crate) quoted: usize,
    pub(crate) identical: bool,
}

/// Aligns the sentences of two versions.
pub fn align(a: &Indexed<'_>, b: &Indexed<'_>, config: &AlignConfig) -> Alignment {
    align_explained(a, b, config, None)
}

/// [`align`], telling `explain` what the evidence decision saw (to learn its weights).
pub fn align_explained(
    a: &Indexed<'_>,
    b: &Indexed<'_>,
    config: &AlignConfig,
    explain: Option<&mut Vec<Evidence>>,
) -> Alignment {
    let (mass_a, mass_b) = (&a.mass, &b.mass);
    let (n, m) = (a.sentences.len(), b.sentences.len());
    let mut candidates = candidates(a, b, config);
    // Best first; among equals (repeated sentences), the one nearest the diagonal.
    // Keys computed once: the bits of a non-negative float order as its value;
    // the sort keeps the candidates' (i, j) order among equal keys.
    candidates.sort_by_cached_key(|c| {
        let off_diagonal = (c.i as f32 / n.max(1) as f32 - c.j as f32 / m.max(1) as f32).abs();
        (u64::from(!c.dice.to_bits()) << 32) | u64::from(off_diagonal.to_bits())
    });
    let neighbours = Neighbours::new(a, b, &candidates);
    let weights = b.weights;
    let (a, b) = (a.sentences, b.sentences);
    // Body text links to body text; a heading only to a nearly equal heading; furniture never.
    let furniture = |c: &Candidate| a[c.i].role != Role::Text || b[c.j].role != Role::Text;
    let strong = |c: &Candidate| match (a[c.i].role, b[c.j].role) {
        (Role::Text, Role::Text) => c.dice >= config.min_similarity,
        (Role::Heading, Role::Heading) => c.dice >= config.minor_edit,
        _ => false,
    };

    // 1. Anchors: strong links that are each other's best match.
    let anchors: Vec<usize> = mutual_best(&candidates, n, m, |_| true).filter(|&k| strong(&candidates[k])).collect();

    // 2. Their heaviest order-preserving chain; off it, anchors that are at
    //    least paraphrases survive, as moves.
    let on_chain = order_chain(&anchors.iter().map(|&k| &candidates[k]).collect::<Vec<_>>(), config.exact_chain_max);
    let mut used_a = vec![false; n];
    let mut used_b = vec![false; m];
    let mut links: Vec<Candidate> = Vec::new();
    let mut moved: Vec<(usize, usize)> = Vec::new();
    let mut chain: Vec<(usize, usize)> = Vec::new();
    for (&k, &keep) in anchors.iter().zip(&on_chain) {
        let c = candidates[k];
        if keep {
            chain.push((c.i, c.j));
        } else if c.dice >= config.paraphrase {
            moved.push((c.i, c.j));
        } else {
            continue;
        }
        used_a[c.i] = true;
        used_b[c.j] = true;
        links.push(c);
    }
    moved.sort();

    // 3. Everything else must sit in the corridor between the chain links of
    //    its neighbours: one-to-one links first, then splits and merges.
    let corridor = Corridor::new(&chain, n, m);
    // Links so far are one-to-one: each `a` sentence has at most one partner.
    let mut partner = vec![usize::MAX; n];
    for l in &links {
        partner[l.i] = l.j;
    }
    let mut extras = Vec::new();
    for c in &candidates {
        if partner[c.i] == c.j || !corridor.allows(c.i, c.j) || furniture(c) {
            continue;
        }
        if strong(c) && !used_a[c.i] && !used_b[c.j] {
            used_a[c.i] = true;
            used_b[c.j] = true;
            links.push(*c);
        } else {
            extras.push(*c);
        }
    }
    for c in extras {
        // A split or merge brings in a sentence not linked yet; two sentences
        // that both have partners already (repeated sentences) stay apart.
        if used_a[c.i] && used_b[c.j] {
            continue;
        }
        let (small, large) = if c.in_a >= c.in_b { (c.in_a, c.in_b) } else { (c.in_b, c.in_a) };
        if small >= config.min_containment && large >= config.min_cover && c.shared >= config.min_shared_terms {
            used_a[c.i] = true;
            used_b[c.j] = true;
            links.push(c);
        }
    }

    neighbours.grow(&mut links, 0, &mut used_a, &mut used_b, config);
    let first_pass = links.len();
    let same_role = |c: &Candidate| a[c.i].role == b[c.j].role && a[c.i].role != Role::Aside;
    fill_gaps(&candidates, &moved, &mut links, &mut used_a, &mut used_b, same_role, config);
    neighbours.grow(&mut links, first_pass, &mut used_a, &mut used_b, config);
    // How related the versions are, by the share of their weight linked so far.
    // Folded from +0.0: an empty float sum is -0.0, printed as "-0.00".
    let linked_mass = |used_a: &[bool], used_b: &[bool]| {
        let side = |used: &[bool], mass: &[f32]| (0..used.len()).filter(|&i| used[i]).fold(0.0f32, |s, i| s + mass[i]);
        side(used_a, mass_a) + side(used_b, mass_b)
    };
    let total = mass_a.iter().sum::<f32>() + mass_b.iter().sum::<f32>();
    let related = linked_mass(&used_a, &used_b) / total.max(f32::EPSILON);
    let mut facts =
        shared_facts(&candidates, a, b, weights, related, &mut links, &mut used_a, &mut used_b, config, explain);

    let units = units(&links, &moved, config);
    // A fact between sentences of one unit is said by the unit already.
    let mut unit_of_a = vec![usize::MAX; n];
    for (k, u) in units.iter().enumerate() {
        for &i in &u.a {
            unit_of_a[i] = k;
        }
    }
    facts.retain(|f| unit_of_a[f.a] == usize::MAX || !units[unit_of_a[f.a]].b.contains(&f.b));
    facts.sort_by_key(|f| (f.a, f.b));
    let linked_mass = linked_mass(&used_a, &used_b);
    Alignment {
        units,
        facts,
        unmatched_a: (0..n).filter(|&i| !used_a[i]).collect(),
        unmatched_b: (0..m).filter(|&j| !used_b[j]).collect(),
        similarity: if total > 0.0 {
            linked_mass / total
        } else if n == m {
            1.0
        } else {
            0.0
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &[&str], b: &[&str]) -> Alignment {
        run_with(a, b, &AlignConfig::default())
    }

    fn run_with(a: &[&str], b: &[&str], config: &AlignConfig) -> Alignment {
        Prepared::from_sentences(&[a, b], config).align(0, 1, config)
    }

    fn pairs(al: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
        al.units.iter().map(|u| (u.a.clone(), u.b.clone())).collect()
    }

    #[test]
    fn identical_edit_and_unmatched() {
        let al = run(
            &["The summit opened in London today.", "Crossings rose by 31% this year.", "Weather was calm."],
            &["The summit opened in London today.", "Crossings rose by 40% this year.", "Nothing else."],
        );
        assert_eq!(pairs(&al), [(vec![0], vec![0]), (vec![1], vec![1])]);
        assert_eq!(al.units[0].kind, LinkKind::Identical);
        assert_eq!(al.unmatched_a, [2]);
        assert_eq!(al.unmatched_b, [2]);
    }

    #[test]
    fn split_is_one_unit() {
        let al = run(
            &["The law forces employers to check workers, and firms that fail face closure and heavy fines."],
            &["The law forces employers to check workers.", "Firms that fail face closure and heavy fines."],
        );
        assert_eq!(pairs(&al), [(vec![0], vec![0, 1])]);
        assert_eq!(al.units[0].kind, LinkKind::Partial);
    }

    #[test]
    fn neighbour_joins_only_with_something_new() {
        // The second sentence shares "scholars" and "already" with the match,
        // but the first already says both: it is not part of a merge.
        let a = [
            "A scholarship programme for Syrian leaders already exists.",
            "The scholars have already started their studies.",
        ];
        let b = ["A scholarship programme for Syrian leaders already exists."];
        assert_eq!(pairs(&run(&a, &b)), [(vec![0], vec![0])]);
        // What the rewrite adds ("closure") comes from the neighbour: it joins.
        let al = run(
            &["Employers must check workers or face closure and heavy fines."],
            &["Employers must check workers or face heavy fines.", "- Company closure"],
        );
        assert_eq!(pairs(&al), [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn weak_pair_between_links_fills_the_gap() {
        let first = "Alpha bravo charlie delta echo.";
        let last = "Foxtrot golf hotel india juliet.";
        let weak = [
            "The old cat slept by the warm stove all winter.",
            "A cat dozed near the stove, waiting for the first mild days of spring.",
        ];
        let al = run(&[first, weak[0], last], &[first, weak[1], last]);
        let dice = al.units.iter().find(|u| u.a == [1]).map(|u| u.score);
        assert!(dice.is_some_and(|d| d < AlignConfig::default().min_similarity), "a second-pass link: {dice:?}");
        assert_eq!(pairs(&al), [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]);
        // The same pair on either side of a link is no gap: left apart.
        let al = run(&[weak[0], first, last], &[first, weak[1], last]);
        assert_eq!(pairs(&al), [(vec![1], vec![0]), (vec![2], vec![2])]);
    }

    #[test]
    fn moved_sentence_is_marked() {
        let al = run(
            &[
                "Alpha bravo charlie delta.",
                "Echo foxtrot golf hotel.",
                "India juliet kilo lima.",
                "Mike november oscar papa.",
            ],
            &[
                "Mike november oscar papa.",
                "Alpha bravo charlie delta.",
                "Echo foxtrot golf hotel.",
                "India juliet kilo lima.",
            ],
        );
        let moved: Vec<_> = al.units.iter().filter(|u| u.moved).map(|u| u.a[0]).collect();
        assert_eq!(moved, [3]);
    }

    #[test]
    fn empty_sides() {
        let al = run(&[], &["Something."]);
        assert!(al.units.is_empty());
        assert_eq!(al.unmatched_b, [0]);
    }
}
