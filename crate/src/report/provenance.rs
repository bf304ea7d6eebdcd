//! Provenance in the report: how versions' texts are related, where each
//! sentence's words came from, the family tree.

use serde::{Deserialize, Serialize};

use super::Span;

/// How two versions' texts are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// One is a reprint or trimmed copy of the other's text, or both of one source.
    SameSource,
    /// They share some paragraphs verbatim; each has much of its own.
    PartlyShared,
    /// Little verbatim, but most sentences have a close counterpart.
    Rewrite,
    /// Written independently.
    Independent,
}

/// A stretch of text two versions share word for word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Run {
    /// Where it is in version `a`.
    pub a: Span,
    /// Where it is in version `b`.
    pub b: Span,
    /// Its length in words.
    pub words: usize,
}

/// The reuse between two versions `a < b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Reuse {
    /// First version.
    pub a: usize,
    /// Second version.
    pub b: usize,
    /// Share of `a`'s words found verbatim in `b`, 0..1.
    pub shared_a: f64,
    /// Share of `b`'s words found verbatim in `a`, 0..1.
    pub shared_b: f64,
    /// Share of both versions' body sentences with a close counterpart in the other, 0..1.
    pub close: f64,
    /// What the figures make of it.
    pub relation: Relation,
    /// The earlier version, when publication times say which; `null` otherwise.
    pub source: Option<usize>,
    /// The shared runs, in order of `a`.
    pub runs: Vec<Run>,
}

/// Where one sentence's words came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Half or more of its words are in a verbatim run with another version
    /// (copied from it where times say it came first).
    Copied,
    /// Its words were copied by a later version: it is their source.
    Source,
    /// Linked to a counterpart, but reworded.
    Rewritten,
    /// No counterpart in any other version.
    Own,
    /// A heading, dateline or page furniture.
    Furniture,
}

/// One sentence's origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SentenceOrigin {
    /// Copied, rewritten, own or furniture.
    pub origin: Origin,
    /// The version it was copied from, copied by, or shares the words with
    /// (the most shared words); `null` for own text.
    pub with: Option<usize>,
    /// Whether publication times say which way the words went.
    pub directed: bool,
}

/// Which version one version most likely derives from: its place in the family tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Lineage {
    /// The closest related version, if any is related at all.
    pub parent: Option<usize>,
    /// How they are related.
    pub relation: Relation,
    /// Whether publication times make `parent` the source (otherwise the two
    /// share a source, and either may be first).
    pub directed: bool,
}

/// Provenance of every version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Provenance {
    /// Every pair `a < b`, in the order of the report's pairs.
    pub pairs: Vec<Reuse>,
    /// For each version, each segment's origin.
    pub sentences: Vec<Vec<SentenceOrigin>>,
    /// For each version, its place in the family tree.
    pub tree: Vec<Lineage>,
    /// Groups of two or more versions carrying one source text that none of
    /// them is known to be (no times say which came first): a wire copy.
    pub shared_sources: Vec<Vec<usize>>,
}
