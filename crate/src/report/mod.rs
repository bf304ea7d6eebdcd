//! The report: one serde structure, the same from Rust and from JavaScript.
//!
//! Schema (version [`SCHEMA_VERSION`]) is documented in `docs/schema.md`.
//! Spans carry both units, UTF-8 bytes for Rust and UTF-16 code units for
//! JavaScript, so the report is identical whichever door it came out of.

use serde::{Deserialize, Serialize};

use crate::diff::WordOp;
use crate::numbers::NumberGroup;
use crate::quotes::QuoteGroup;
use crate::segment::SegmentKind;

mod provenance;
mod text;

pub use provenance::{Lineage, Origin, Provenance, Relation, Reuse, Run, SentenceOrigin};

/// Version of the report's shape. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything one comparison found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Report {
    /// Shape version of this report.
    pub schema_version: u32,
    /// Whether quotes, figures and provenance were computed: `false` only
    /// from the page's first, lighter engine (they are then empty).
    pub complete: bool,
    /// The index of the base version (views compare the others against it).
    pub base: usize,
    /// Each version with its segments.
    pub documents: Vec<DocumentReport>,
    /// Every pair of versions `a < b`, with its links.
    pub pairs: Vec<PairReport>,
    /// Corresponding sentences across all versions, in reading order.
    pub groups: Vec<Group>,
    /// `similarity[a][b]`: share of content the two versions have in common, 0..1.
    pub similarity: Vec<Vec<f64>>,
    /// Quotations of the same utterance in several versions.
    pub quotes: Vec<QuoteGroup>,
    /// Every figure, grouped by the quantity it states across versions.
    pub numbers: Vec<NumberGroup>,
    /// Who reuses whose words: verbatim runs, relations, a family tree.
    pub provenance: Provenance,
    /// Counts for a headline view.
    pub summary: Summary,
}

/// One version and its segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DocumentReport {
    /// The name the user gave (outlet, date).
    pub name: String,
    /// Sentences, headings, bullets... in order; gaps between them are whitespace.
    pub segments: Vec<Segment>,
}

/// One sentence or block of a version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Segment {
    /// The exact text.
    pub text: String,
    /// What it is.
    pub kind: SegmentKind,
    /// Where it is in the version's text.
    pub span: Span,
    /// How many other versions carry this sentence (any link or overlap).
    pub support: usize,
    /// Index into [`Report::groups`].
    pub group: usize,
}

/// A range of the input in both units: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Span {
    /// UTF-8 byte offsets (Rust `&str` indices).
    pub utf8: [usize; 2],
    /// UTF-16 code-unit offsets (JavaScript string indices).
    pub utf16: [usize; 2],
}

/// The links between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PairReport {
    /// First version (the "old" side of every diff).
    pub a: usize,
    /// Second version (the "new" side).
    pub b: usize,
    /// Share of content in common, 0..1.
    pub similarity: f64,
    /// Linked units in order of `a`; each sentence is in at most one.
    pub links: Vec<Link>,
    /// Sentences that share a fact (a clause, a figure, a quoted phrase)
    /// but are each in another link: independent reports tell one fact in
    /// several places. In order of `a`.
    pub overlaps: Vec<Overlap>,
    /// Sentences of `a` with no counterpart in `b`.
    pub unmatched_a: Vec<usize>,
    /// Sentences of `b` with no counterpart in `a`.
    pub unmatched_b: Vec<usize>,
}

/// Two sentences, one of each version, that share a fact beyond the links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Overlap {
    /// Sentence index in version `a`.
    pub a: usize,
    /// Sentence index in version `b`.
    pub b: usize,
    /// Similarity 0..1.
    pub score: f64,
}

/// Linked sentences of two versions and the word diff between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Link {
    /// Sentence indices in version `a`.
    pub a: Vec<usize>,
    /// Sentence indices in version `b`.
    pub b: Vec<usize>,
    /// How close they are.
    pub kind: LinkKind,
    /// Similarity 0..1.
    pub score: f64,
    /// Out of the order the rest of the text keeps.
    pub moved: bool,
    /// Word diff of the `a` sentences (joined by a space) against the `b` sentences.
    pub ops: Vec<WordOp>,
    /// For a partial link, what its two sides have in common (with the word diffs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<Shared>,
}

/// What the two sides of a partial link have in common: the runs of each
/// side's text whose words the other side also has, as the aligner reads
/// words (stems; a figure in any form). Spans in each document's text, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Shared {
    /// Runs in version `a`'s text.
    pub a: Vec<Span>,
    /// Runs in version `b`'s text.
    pub b: Vec<Span>,
}

/// Corresponding sentences across versions: a row of the synopsis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Group {
    /// For each version, the indices of its sentences in this group (often none or one).
    pub members: Vec<Vec<usize>>,
}

/// Headline counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Summary {
    /// Number of versions.
    pub documents: usize,
    /// Segments over all versions.
    pub segments: usize,
    /// Segments with a counterpart (a link of any kind, or an overlap) in
    /// every other version: the overview's "in every version".
    pub shared_by_all: usize,
    /// Segments no other version carries.
    pub unique: usize,
    /// Links over all pairs, by kind: identical, minor edit, paraphrase, partial.
    pub links_identical: usize,
    /// See `links_identical`.
    pub links_minor_edit: usize,
    /// See `links_identical`.
    pub links_paraphrase: usize,
    /// See `links_identical`.
    pub links_partial: usize,
    /// Links marked moved.
    pub links_moved: usize,
    /// Quote groups whose versions differ in wording.
    pub quotes_variant: usize,
    /// Number groups whose versions give different figures.
    pub numbers_disagreeing: usize,
    /// Number groups whose versions give one figure, hedged differently
    /// ("more than 40" and "40"): apart from real disagreements.
    pub numbers_hedged: usize,
}

/// A score as the report carries it: four decimals, so it reads the same
/// after any trip through JSON or a JavaScript number.
pub fn round_score(x: impl Into<f64>) -> f64 {
    ((x.into() * 10_000.0).round() / 10_000.0).max(0.0)
}

/// How close two linked sentences are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LinkKind {
    /// The same words (case, quote marks, punctuation and spacing aside).
    Identical,
    /// A few words changed.
    MinorEdit,
    /// The same content in other words.
    Paraphrase,
    /// Part of one sentence is in the other (splits, merges, shared clauses).
    Partial,
}
