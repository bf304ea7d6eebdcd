//! What a researcher tabulates from a report: every pair's links, overlaps
//! and relation, and every figure group with its verdict. The one form that
//! `variorum batch --links` and the Python package's `links=True` both give.

use serde::Serialize;

use crate::numbers::{Disagreement, Unit};
use crate::provenance::Relation;
use crate::report::LinkKind;
use crate::report::{Overlap, Report};

/// A report cut down to its links and figures.
#[derive(Debug, Clone, Serialize)]
pub struct Tabulated {
    /// Every pair of versions, in the report's order.
    pub pairs: Vec<PairRow>,
    /// Every group of figures that speak of one quantity.
    pub numbers: Vec<FigureGroupRow>,
}

/// One pair of versions.
#[derive(Debug, Clone, Serialize)]
pub struct PairRow {
    /// The first version's index.
    pub a: usize,
    /// The second version's index.
    pub b: usize,
    /// How much of the two the links cover, 0 to 1.
    pub similarity: f64,
    /// Who reprints whom, as provenance judges the pair.
    pub relation: Relation,
    /// The pair's links.
    pub links: Vec<LinkRow>,
    /// Sentences sharing a fact where both are linked elsewhere.
    pub overlaps: Vec<Overlap>,
}

/// One link, without its word diff.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRow {
    /// Segment indices in the first version.
    pub a: Vec<usize>,
    /// Segment indices in the second version.
    pub b: Vec<usize>,
    /// Identical, minor edit, paraphrase or partial.
    pub kind: LinkKind,
    /// How alike the two sides are, 0 to 1.
    pub score: f64,
    /// Out of order with the rest of the pair.
    pub moved: bool,
}

/// One group of figures.
#[derive(Debug, Clone, Serialize)]
pub struct FigureGroupRow {
    /// Where and how the versions disagree, if they do.
    pub disagreement: Option<Disagreement>,
    /// Each version's mention.
    pub facts: Vec<FigureRow>,
}

/// One figure as one version states it.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    /// The version's index.
    pub doc: usize,
    /// The sentence's index in that version.
    pub segment: usize,
    /// The figure as written.
    pub text: String,
    /// Its value.
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
}

/// The links and figures of `report`.
pub fn tabulate(report: &Report) -> Tabulated {
    let pairs = report
        .pairs
        .iter()
        .zip(&report.provenance.pairs)
        .map(|(p, reuse)| PairRow {
            a: p.a,
            b: p.b,
            similarity: p.similarity,
            relation: reuse.relation,
            links: p
                .links
                .iter()
                .map(|l| LinkRow { a: l.a.clone(), b: l.b.clone(), kind: l.kind, score: l.score, moved: l.moved })
                .collect(),
            overlaps: p.overlaps.clone(),
        })
        .collect();
    let numbers = report
        .numbers
        .iter()
        .map(|g| FigureGroupRow {
            disagreement: g.disagreement,
            facts: g
                .facts
                .iter()
                .map(|f| FigureRow {
                    doc: f.doc,
                    segment: f.segment,
                    text: f.text.clone(),
                    value: f.value,
                    unit: f.unit,
                })
                .collect(),
        })
        .collect();
    Tabulated { pairs, numbers }
}
