//! The report: one serde structure, the same from Rust and from JavaScript.
//!
//! Schema (version [`SCHEMA_VERSION`]) is documented in `docs/schema.md`.
//! Spans carry both units, UTF-8 bytes for Rust and UTF-16 code units for
//! JavaScript, so the report is identical whichever door it came out of.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::align::LinkKind;
use crate::diff::{Tag, WordOp};
use crate::numbers::{Disagreement, NumberGroup};
use crate::provenance::Provenance;
use crate::quotes::QuoteGroup;
use crate::segment::SegmentKind;

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

/// Readable rendering for snapshots and the CLI's text format:
/// `[-deleted-]{+inserted+}` inside linked sentences.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, d) in self.documents.iter().enumerate() {
            writeln!(f, "# version {k}: {} ({} segments)", d.name, d.segments.len())?;
            for (i, s) in d.segments.iter().enumerate() {
                writeln!(f, "  {i:>3} {:<11} support {} | {}", kind_name(s.kind), s.support, one_line(&s.text))?;
            }
        }
        for p in &self.pairs {
            let (da, db) = (&self.documents[p.a], &self.documents[p.b]);
            writeln!(f, "\n## {} -> {} (similarity {:.2})", da.name, db.name, p.similarity)?;
            for l in &p.links {
                let moved = if l.moved { " moved" } else { "" };
                writeln!(f, "  {:?} ~ {:?} {:?} {:.2}{moved}", l.a, l.b, l.kind, l.score)?;
                writeln!(f, "      {}", one_line(&render_ops(&l.ops)))?;
            }
            for o in &p.overlaps {
                writeln!(f, "  shared fact [{}] ~ [{}] {:.2}", o.a, o.b, o.score)?;
            }
            for &i in &p.unmatched_a {
                writeln!(f, "  only in {}: [{i}] {}", da.name, one_line(&da.segments[i].text))?;
            }
            for &j in &p.unmatched_b {
                writeln!(f, "  only in {}: [{j}] {}", db.name, one_line(&db.segments[j].text))?;
            }
        }
        writeln!(f, "\n## Provenance")?;
        for p in &self.provenance.pairs {
            let direction = match p.source {
                Some(s) => format!(", {} first", self.documents[s].name),
                None => String::new(),
            };
            writeln!(
                f,
                "  {} ~ {}: {:?} ({:.0}% and {:.0}% verbatim, {:.0}% close{direction})",
                self.documents[p.a].name,
                self.documents[p.b].name,
                p.relation,
                100.0 * p.shared_a,
                100.0 * p.shared_b,
                100.0 * p.close
            )?;
        }
        for (d, l) in self.provenance.tree.iter().enumerate() {
            if let Some(parent) = l.parent {
                let how = if l.directed { "derives from" } else { "shares a source with" };
                writeln!(f, "  {} {how} {} ({:?})", self.documents[d].name, self.documents[parent].name, l.relation)?;
            }
        }
        if !self.quotes.is_empty() {
            writeln!(f, "\n## Quotes")?;
        }
        for g in &self.quotes {
            let verdict = match (g.only_in, g.variant) {
                (Some(d), _) => format!("only in {}", self.documents[d].name),
                (None, true) => "VARIANT WORDING".to_string(),
                (None, false) => "same wording".to_string(),
            };
            writeln!(f, "  {verdict}")?;
            for (q, ops) in g.quotes.iter().zip(&g.diffs) {
                let who = q.speaker.as_deref().unwrap_or("?");
                writeln!(
                    f,
                    "    {} [{}] ({who}): {}",
                    self.documents[q.doc].name,
                    q.segment,
                    one_line(&render_ops(ops))
                )?;
            }
        }
        if !self.numbers.is_empty() {
            writeln!(f, "\n## Numbers")?;
        }
        for g in &self.numbers {
            let verdict = match (g.only_in, g.disagreement) {
                (Some(_), _) => "only one version",
                (None, Some(Disagreement::Value)) => "DIFFERENT FIGURES",
                (None, Some(Disagreement::Qualifier)) => "DIFFERENT HEDGING",
                (None, Some(Disagreement::Precision)) => "compatible (other precision)",
                (None, None) => "agree",
            };
            let facts: Vec<String> = g
                .facts
                .iter()
                .map(|n| {
                    format!("{} [{}] \"{} {}\"", self.documents[n.doc].name, n.segment, n.text, n.describes.join(" "))
                })
                .collect();
            writeln!(f, "  {verdict}: {}", facts.join(" | "))?;
        }
        Ok(())
    }
}

/// A score as the report carries it: four decimals, so it reads the same
/// after any trip through JSON or a JavaScript number.
pub fn round_score(x: impl Into<f64>) -> f64 {
    ((x.into() * 10_000.0).round() / 10_000.0).max(0.0)
}

/// `[-old-]{+new+}` markup of a word diff.
pub fn render_ops(ops: &[WordOp]) -> String {
    ops.iter()
        .map(|o| match o.tag {
            Tag::Equal => o.text.clone(),
            Tag::Delete => format!("[-{}-]", o.text),
            Tag::Insert => format!("{{+{}+}}", o.text),
        })
        .collect()
}

fn one_line(s: &str) -> String {
    s.replace('\n', "⏎")
}

fn kind_name(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Body => "body",
        SegmentKind::Heading => "heading",
        SegmentKind::Bullet => "bullet",
        SegmentKind::Dateline => "dateline",
        SegmentKind::Boilerplate => "boilerplate",
    }
}
