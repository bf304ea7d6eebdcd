//! Variorum compares several versions of one news story.
//!
//! The pipeline runs one way, each stage a pure function:
//!
//! 1. [`segment`]: raw text -> sentences, headings, bullets, datelines and
//!    boilerplate, each an exact span of the input;
//! 2. [`align`]: the sentences of every pair of versions -> links
//!    (one-to-one, splits, merges, moves) and unmatched sentences;
//! 3. [`diff`]: a word diff inside every link, via `similar`;
//! 4. [`groups`]: across all versions, groups of corresponding sentences;
//! 5. [`quotes`], [`numbers`], [`provenance`]: quotations, figures and who
//!    reprinted whose words;
//! 6. [`report`]: one serde report, the same from Rust and JavaScript;
//!    [`compare`] runs the stages.
//!
//! Layers, each using only those below it: `tokenize`, `words`, `diff`,
//! `segment`, `numbers`, `terms`, `quotes`, `report`, `union_find`,
//! `align`, `groups`, `provenance`, `compare`, `tabulate`, `wasm`
//! (`python3 ../shared/tools/layers.py crate/src --cycles`).
//!
//! ```
//! use variorum::{compare, CompareOptions, Document};
//! let docs = [
//!     Document::new("first", "More than 1,100 people crossed. The PM spoke."),
//!     Document::new("second", "More than 1,200 people crossed. The PM spoke."),
//! ];
//! let report = compare(&docs, &CompareOptions::default())?;
//! let changed = &report.pairs[0].links[0];
//! assert_eq!(variorum::diff::render_ops(&changed.ops), "More than [-1,100-]{+1,200+} people crossed.");
//! # Ok::<(), variorum::CompareError>(())
//! ```
#![warn(missing_docs)]

pub mod align;
pub mod compare;
pub mod diff;
pub mod groups;
pub mod numbers;
pub mod provenance;
pub mod quotes;
pub mod report;
pub mod segment;
pub mod tabulate;
pub mod terms;
pub mod tokenize;
pub mod union_find;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod words;

pub use compare::{compare, compare_staged, explain, rediff, CompareError, CompareOptions, Document, WordDiffs};
pub use report::Report;
