//! The one entry point: N versions in, one report out.

use std::borrow::Cow;
use std::fmt;

use foldhash::{HashSet, HashSetExt};
use serde::{Deserialize, Serialize};

use crate::align::{align, align_explained, AlignConfig, Alignment, Evidence, Prepared};
use crate::diff::{diff_tokens, mark_quotes, DiffOptions, WordOp};
use crate::groups::{groups, support};
use crate::numbers::{group_numbers, read_figures_in, Disagreement, NumberFact, NumberGroup};
use crate::provenance::{parse_time, provenance, Provenance, Published, Version, Words};
use crate::quotes::{find_quotes, group_quotes, Quote, QuoteGroup, RawQuote};
use crate::report::{
    round_score, DocumentReport, Link, LinkKind, Overlap, PairReport, Report, Segment, Span, Summary, SCHEMA_VERSION,
};
use crate::segment::{classify, segment, segment_lines, RawSegment, SegmentKind};
use crate::terms::Role;
use crate::tokenize::{tokenize, Token, TokenKind};

/// Most versions one comparison takes (every pair is aligned: 100 versions
/// are 4,950 pairs, a few seconds).
pub const MAX_DOCUMENTS: usize = 100;
/// Largest version, in UTF-8 bytes (4 MiB: a very long feature is 100 KB).
pub const MAX_DOCUMENT_BYTES: usize = 4 << 20;
/// Largest comparison, all versions together, in UTF-8 bytes (8 MiB).
pub const MAX_TOTAL_BYTES: usize = 8 << 20;

/// One version of the story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// A name for people: outlet, date, revision.
    #[serde(default)]
    pub name: String,
    /// The raw text. Ignored when `sentences` is given.
    #[serde(default)]
    pub text: String,
    /// Already split sentences, taken as they are.
    #[serde(default)]
    pub sentences: Option<Vec<String>>,
    /// When it was published, ISO 8601 (`2024-08-01`, `2024-08-01T09:30:00+01:00`):
    /// the earlier of two related versions is the source. Read from a
    /// `date 2024-08-01` dateline when not given.
    #[serde(default)]
    pub published: Option<String>,
}

impl Document {
    /// A version from raw text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document { name: name.into(), text: text.into(), sentences: None, published: None }
    }

    /// A version already split into sentences.
    pub fn from_sentences(name: impl Into<String>, sentences: Vec<String>) -> Self {
        Document { name: name.into(), text: String::new(), sentences: Some(sentences), published: None }
    }
}

/// Settings of one comparison. Every field has a default, so `{}` is valid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields)]
pub struct CompareOptions {
    /// The version the others are compared against.
    pub base: usize,
    /// Treat each non-blank line of `text` as one sentence.
    pub presplit: bool,
    /// How words are compared in the diffs.
    pub diff: DiffOptions,
    /// Which pairs get word diffs: every pair, or only those with the base
    /// (all a view of the base needs; much less work for many versions).
    pub word_diffs: WordDiffs,
    /// Alignment settings: Rust-only, for experiments; the defaults are the
    /// one configuration every benchmark figure uses.
    #[serde(skip)]
    pub align: AlignConfig,
}

/// Which pairs of versions get word diffs inside their links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum WordDiffs {
    /// Every pair.
    #[default]
    All,
    /// Only pairs with the base version; other pairs' links have empty `ops`.
    Base,
}

/// Why a comparison was refused. Its text is the message users see.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CompareError {
    /// No versions at all.
    NoDocuments,
    /// More versions than [`MAX_DOCUMENTS`].
    TooManyDocuments {
        /// How many were given.
        count: usize,
    },
    /// A version over [`MAX_DOCUMENT_BYTES`].
    DocumentTooLarge {
        /// Which version.
        index: usize,
        /// Its size in bytes.
        bytes: usize,
    },
    /// All versions together over [`MAX_TOTAL_BYTES`].
    InputTooLarge {
        /// Total size in bytes.
        bytes: usize,
    },
    /// `base` does not name a version.
    BaseOutOfRange {
        /// The base asked for.
        base: usize,
        /// How many versions there are.
        count: usize,
    },
    /// The input could not be read (from JSON or JavaScript).
    InvalidInput(String),
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mib = |b: usize| b as f64 / (1 << 20) as f64;
        match self {
            CompareError::NoDocuments => write!(f, "nothing to compare: give at least one version"),
            CompareError::TooManyDocuments { count } => {
                write!(f, "too many versions: {count} given, at most {MAX_DOCUMENTS} can be compared at once")
            }
            CompareError::DocumentTooLarge { index, bytes } => write!(
                f,
                "version {} is too large: {:.1} MiB, at most {:.0} MiB per version",
                index + 1,
                mib(*bytes),
                mib(MAX_DOCUMENT_BYTES)
            ),
            CompareError::InputTooLarge { bytes } => write!(
                f,
                "the versions are too large together: {:.1} MiB, at most {:.0} MiB",
                mib(*bytes),
                mib(MAX_TOTAL_BYTES)
            ),
            CompareError::BaseOutOfRange { base, count } => {
                write!(
                    f,
                    "base version {base} does not exist: there are {count} versions (0 to {})",
                    count.saturating_sub(1)
                )
            }
            CompareError::InvalidInput(why) => write!(f, "invalid input: {why}"),
        }
    }
}

impl std::error::Error for CompareError {}

/// What the evidence decision saw between the first two versions, pair by
/// candidate pair (for learning its weights: `bench/learn.py`).
pub fn explain(docs: &[Document], options: &CompareOptions) -> Result<Vec<Evidence>, CompareError> {
    check_limits(docs, options)?;
    if docs.len() < 2 {
        return Err(CompareError::InvalidInput("explain needs two versions".into()));
    }
    let texts: Vec<Text> = docs[..2].iter().map(|d| Text::new(d, options.presplit)).collect();
    let tokens: Vec<Vec<Vec<Token<'_>>>> =
        texts.iter().map(|t| t.segments.iter().map(|s| tokenize(t.slice(s))).collect()).collect();
    let prepared = Prepared::new(
        texts
            .iter()
            .zip(&tokens)
            .map(|(t, tokens)| t.segments.iter().zip(tokens).map(|(s, tokens)| (tokens.as_slice(), role(s.kind)))),
        &options.align,
    );
    let indexed = prepared.indexed();
    let mut evidence = Vec::new();
    align_explained(&indexed[0], &indexed[1], &options.align, Some(&mut evidence));
    Ok(evidence)
}

/// Compares N versions of one story.
///
/// ```
/// use variorum::{compare, CompareOptions, Document};
/// let docs = [
///     Document::new("wire", "Talks opened in London. More than 40 countries attend."),
///     Document::new("paper", "More than 40 countries attend. Talks opened in London on Monday."),
/// ];
/// let report = compare(&docs, &CompareOptions::default()).unwrap();
/// assert_eq!(report.pairs.len(), 1);
/// assert_eq!(report.pairs[0].links.len(), 2);
/// assert!(report.pairs[0].links.iter().any(|l| l.moved));
/// ```
pub fn compare(docs: &[Document], options: &CompareOptions) -> Result<Report, CompareError> {
    check_limits(docs, options)?;
    let texts: Vec<Text> = docs.iter().map(|d| Text::new(d, options.presplit)).collect();
    // Tokenised once, used by every stage.
    let tokens: Vec<Vec<Vec<Token<'_>>>> =
        texts.iter().map(|t| t.segments.iter().map(|s| tokenize(t.slice(s))).collect()).collect();

    let config = options.align;
    let prepared = Prepared::new(
        texts
            .iter()
            .zip(&tokens)
            .map(|(t, tokens)| t.segments.iter().zip(tokens).map(|(s, tokens)| (tokens.as_slice(), role(s.kind)))),
        &config,
    );
    let indexed = prepared.indexed();

    let n = docs.len();
    let mut pairs = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for a in 0..n {
        for b in a + 1..n {
            let alignment = align(&indexed[a], &indexed[b], &config);
            let with_diffs = options.word_diffs == WordDiffs::All || a == options.base || b == options.base;
            pairs.push(pair_report(a, b, alignment, &texts, &tokens, with_diffs.then_some(&options.diff)));
        }
    }

    let sizes: Vec<usize> = texts.iter().map(|t| t.segments.len()).collect();
    let support = support(&sizes, &pairs);
    let (groups, group_of) = groups(&sizes, &pairs);
    let mut similarity = vec![vec![1.0f64; n]; n];
    for p in &pairs {
        similarity[p.a][p.b] = p.similarity;
        similarity[p.b][p.a] = p.similarity;
    }
    let spans: Vec<Vec<Span>> = texts.iter().map(Text::spans).collect();
    // The page's first engine is built without the `analysis` feature: it
    // leaves quotes, figures and provenance out (they stay empty, and
    // `complete` says so) to keep the first download small; the full engine
    // follows it. Every other build has them.
    let complete = cfg!(feature = "analysis");
    let versions: Vec<Version> = if !complete {
        Vec::new()
    } else {
        texts
            .iter()
            .zip(&tokens)
            .zip(&spans)
            .zip(docs)
            .map(|(((t, tokens), spans), doc)| Version {
                words: Words::new(tokens, spans),
                kinds: t.segments.iter().map(|s| s.kind).collect(),
                published: doc.published.as_deref().and_then(parse_time).or_else(|| t.dateline_time()),
            })
            .collect()
    };
    let provenance = if complete { provenance(&versions, &pairs) } else { Provenance::default() };
    let documents: Vec<DocumentReport> = texts
        .iter()
        .enumerate()
        .map(|(d, t)| DocumentReport {
            name: docs[d].name.clone(),
            segments: t
                .segments
                .iter()
                .zip(spans[d].iter().copied())
                .enumerate()
                .map(|(i, (s, span))| Segment {
                    text: t.slice(s).to_string(),
                    kind: s.kind,
                    span,
                    support: support[d][i],
                    group: group_of[d][i],
                })
                .collect(),
        })
        .collect();
    let (quotes, numbers) = if complete {
        let quotes = group_quotes(texts.iter().enumerate().flat_map(|(d, t)| t.quotes(d)).collect());
        let figures = texts.iter().enumerate().flat_map(|(d, t)| t.figures(d, &tokens[d])).collect();
        (quotes, group_numbers(figures, &linked_segments(&pairs)))
    } else {
        (Vec::new(), Vec::new())
    };
    let summary = summary(&documents, &pairs, &quotes, &numbers);
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        complete,
        base: options.base,
        documents,
        pairs,
        groups,
        similarity,
        quotes,
        numbers,
        provenance,
        summary,
    })
}

/// What a segment of this kind may link to.
fn role(kind: SegmentKind) -> Role {
    match kind {
        SegmentKind::Body | SegmentKind::Bullet => Role::Text,
        SegmentKind::Heading => Role::Heading,
        _ => Role::Aside,
    }
}

fn check_limits(docs: &[Document], options: &CompareOptions) -> Result<(), CompareError> {
    if docs.is_empty() {
        return Err(CompareError::NoDocuments);
    }
    if docs.len() > MAX_DOCUMENTS {
        return Err(CompareError::TooManyDocuments { count: docs.len() });
    }
    let size = |d: &Document| d.sentences.as_ref().map_or(d.text.len(), |s| s.iter().map(|x| x.len() + 1).sum());
    let mut total = 0;
    for (index, d) in docs.iter().enumerate() {
        let bytes = size(d);
        if bytes > MAX_DOCUMENT_BYTES {
            return Err(CompareError::DocumentTooLarge { index, bytes });
        }
        total += bytes;
    }
    if total > MAX_TOTAL_BYTES {
        return Err(CompareError::InputTooLarge { bytes: total });
    }
    if options.base >= docs.len() {
        return Err(CompareError::BaseOutOfRange { base: options.base, count: docs.len() });
    }
    for (k, d) in docs.iter().enumerate() {
        if let Some(p) = d.published.as_deref().filter(|p| parse_time(p).is_none()) {
            return Err(CompareError::InvalidInput(format!(
                "version {}: publication time '{p}' is not an ISO 8601 date such as 2024-08-01 or 2024-08-01T09:30:00Z",
                k + 1
            )));
        }
    }
    Ok(())
}

/// A version's text, its segments and its quotations.
struct Text<'a> {
    /// The input itself, or pre-split sentences joined by newlines.
    text: Cow<'a, str>,
    segments: Vec<RawSegment>,
    quotes: Vec<RawQuote>,
}

impl<'a> Text<'a> {
    fn new(doc: &'a Document, presplit: bool) -> Self {
        match &doc.sentences {
            Some(sentences) => {
                // Taken as given: one segment per sentence, joined by newlines.
                let mut text = String::new();
                let mut segments = Vec::with_capacity(sentences.len());
                for s in sentences {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    let start = text.len();
                    text.push_str(s);
                    segments.push(RawSegment { start, end: text.len(), kind: classify(s) });
                }
                Text { quotes: find_quotes(&text), text: Cow::Owned(text), segments }
            }
            None => {
                let segments = if presplit { segment_lines(&doc.text) } else { segment(&doc.text) };
                Text { text: Cow::Borrowed(&doc.text), segments, quotes: find_quotes(&doc.text) }
            }
        }
    }

    /// Quote spans inside the given segments joined by single spaces (as
    /// links are diffed), in bytes of that joined text.
    fn quote_spans(&self, indices: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut offset = 0;
        for &i in indices {
            let s = &self.segments[i];
            // Quotes are in order and do not overlap: skip to the first that ends inside.
            let first = self.quotes.partition_point(|q| q.end <= s.start);
            for q in self.quotes[first..].iter().take_while(|q| q.start < s.end) {
                out.push((offset + q.start.max(s.start) - s.start, offset + q.end.min(s.end) - s.start));
            }
            offset += s.end - s.start + 1;
        }
        out
    }

    /// Index of the segment holding byte `at` (or the last one before it).
    fn segment_at(&self, at: usize) -> usize {
        self.segments.partition_point(|s| s.start <= at).saturating_sub(1)
    }

    fn quotes(&self, doc: usize) -> Vec<Quote> {
        self.quotes
            .iter()
            .map(|q| Quote {
                doc,
                segment: self.segment_at(q.start),
                text: self.text.get(q.start..q.end).unwrap_or_default().to_string(),
                speaker: q.speaker.clone(),
            })
            .collect()
    }

    fn figures(&self, doc: usize, tokens: &[Vec<Token<'_>>]) -> Vec<NumberFact> {
        self.segments
            .iter()
            .zip(tokens)
            .enumerate()
            // A dateline's date and furniture's figures are no facts of the story.
            .filter(|(_, (s, _))| !matches!(s.kind, SegmentKind::Dateline | SegmentKind::Boilerplate))
            .flat_map(|(segment, (s, tokens))| {
                read_figures_in(self.slice(s), tokens).into_iter().map(move |f| NumberFact { doc, segment, ..f })
            })
            .collect()
    }

    /// The time a `date 2024-08-01` dateline gives, in minutes since 1970.
    fn dateline_time(&self) -> Option<Published> {
        self.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Dateline)
            .find_map(|s| self.slice(s).trim().strip_prefix("date ").and_then(parse_time))
    }

    fn slice(&self, s: &RawSegment) -> &str {
        self.text.get(s.start..s.end).unwrap_or_default()
    }

    /// Every segment's span in both units, in one pass over the text
    /// (segments are in order and do not overlap).
    fn spans(&self) -> Vec<Span> {
        let (mut byte, mut unit) = (0, 0);
        let mut advance = |to: usize| {
            unit += self.text.get(byte..to).map_or(0, |p| p.encode_utf16().count());
            byte = to;
            unit
        };
        self.segments
            .iter()
            .map(|s| Span { utf8: [s.start, s.end], utf16: [advance(s.start), advance(s.end)] })
            .collect()
    }
}

/// The report of one pair; `diff` is `None` when this pair gets no word diffs.
fn pair_report(
    a: usize,
    b: usize,
    alignment: Alignment,
    texts: &[Text],
    tokens: &[Vec<Vec<Token<'_>>>],
    diff: Option<&DiffOptions>,
) -> PairReport {
    let links = alignment
        .units
        .into_iter()
        .map(|u| {
            let ops = diff.map_or_else(Vec::new, |diff| unit_ops(a, &u.a, b, &u.b, texts, tokens, diff));
            Link { a: u.a, b: u.b, kind: u.kind, score: round_score(u.score), moved: u.moved, ops }
        })
        .collect();
    PairReport {
        a,
        b,
        similarity: round_score(alignment.similarity),
        links,
        overlaps: alignment.facts.iter().map(|f| Overlap { a: f.a, b: f.b, score: round_score(f.score) }).collect(),
        unmatched_a: alignment.unmatched_a,
        unmatched_b: alignment.unmatched_b,
    }
}

/// The word diff of one link: segments `ua` of version `a` against `ub` of `b`.
fn unit_ops(
    a: usize,
    ua: &[usize],
    b: usize,
    ub: &[usize],
    texts: &[Text],
    tokens: &[Vec<Vec<Token<'_>>>],
    diff: &DiffOptions,
) -> Vec<WordOp> {
    // A unit's segments joined by a space, as tokens (one segment as it is).
    let joined = |d: usize, idx: &[usize]| -> Cow<'_, [Token<'_>]> {
        if let [i] = idx {
            return Cow::Borrowed(&tokens[d][*i]);
        }
        let mut out: Vec<Token<'_>> = Vec::new();
        for (k, &i) in idx.iter().enumerate() {
            if k > 0 {
                out.push(Token { text: " ", kind: TokenKind::Space });
            }
            out.extend_from_slice(&tokens[d][i]);
        }
        Cow::Owned(out)
    };
    let mut ops = diff_tokens(&joined(a, ua), &joined(b, ub), diff);
    mark_quotes(&mut ops, &texts[a].quote_spans(ua), &texts[b].quote_spans(ub));
    ops
}

/// Redoes only the word diffs of `report`, a report of these same `docs`,
/// for other diff options or another base: the alignment, groups, quotes,
/// figures and provenance depend on neither, so they stay. Much cheaper than
/// [`compare`] on long versions.
///
/// ```
/// use variorum::{compare, rediff, CompareOptions, Document};
/// let docs = [Document::new("a", "The PM spoke."), Document::new("b", "the PM spoke.")];
/// let mut report = compare(&docs, &CompareOptions::default())?;
/// let mut options = CompareOptions::default();
/// options.diff.ignore_case = true;
/// rediff(&docs, &mut report, &options)?;
/// assert_eq!(report, compare(&docs, &options)?);
/// # Ok::<(), variorum::CompareError>(())
/// ```
pub fn rediff(docs: &[Document], report: &mut Report, options: &CompareOptions) -> Result<(), CompareError> {
    check_limits(docs, options)?;
    let texts: Vec<Text> = docs.iter().map(|d| Text::new(d, options.presplit)).collect();
    let same = texts.len() == report.documents.len()
        && texts.iter().zip(&report.documents).all(|(t, d)| {
            t.segments.len() == d.segments.len()
                && t.segments.iter().zip(&d.segments).all(|(s, r)| t.slice(s) == r.text)
        });
    if !same {
        return Err(CompareError::InvalidInput("the versions are not those of this report: compare them again".into()));
    }
    let tokens: Vec<Vec<Vec<Token<'_>>>> =
        texts.iter().map(|t| t.segments.iter().map(|s| tokenize(t.slice(s))).collect()).collect();
    for pair in &mut report.pairs {
        let (a, b) = (pair.a, pair.b);
        let with_diffs = options.word_diffs == WordDiffs::All || a == options.base || b == options.base;
        for link in &mut pair.links {
            link.ops =
                if with_diffs { unit_ops(a, &link.a, b, &link.b, &texts, &tokens, &options.diff) } else { Vec::new() };
        }
    }
    report.base = options.base;
    Ok(())
}

/// Every (doc, segment, doc, segment) pair that some link joins, both ways round.
fn linked_segments(pairs: &[PairReport]) -> HashSet<(usize, usize, usize, usize)> {
    let size: usize = pairs.iter().flat_map(|p| &p.links).map(|l| 2 * l.a.len() * l.b.len()).sum();
    let mut set = HashSet::with_capacity(size);
    for p in pairs {
        for l in &p.links {
            for &i in &l.a {
                for &j in &l.b {
                    set.insert((p.a, i, p.b, j));
                    set.insert((p.b, j, p.a, i));
                }
            }
        }
    }
    set
}

fn summary(
    documents: &[DocumentReport],
    pairs: &[PairReport],
    quotes: &[QuoteGroup],
    numbers: &[NumberGroup],
) -> Summary {
    let mut s = Summary {
        quotes_variant: quotes.iter().filter(|q| q.variant).count(),
        numbers_disagreeing: numbers.iter().filter(|n| n.disagreement == Some(Disagreement::Value)).count(),
        numbers_hedged: numbers.iter().filter(|n| n.disagreement == Some(Disagreement::Qualifier)).count(),
        documents: documents.len(),
        segments: documents.iter().map(|d| d.segments.len()).sum(),
        // One meaning of "shared" for every view: a sentence with a
        // counterpart (a link of any kind, or an overlap) in every other version.
        shared_by_all: if documents.len() < 2 {
            0
        } else {
            documents.iter().flat_map(|d| &d.segments).filter(|s| s.support == documents.len() - 1).count()
        },
        unique: documents.iter().flat_map(|d| &d.segments).filter(|s| s.support == 0).count(),
        ..Summary::default()
    };
    for l in pairs.iter().flat_map(|p| &p.links) {
        match l.kind {
            LinkKind::Identical => s.links_identical += 1,
            LinkKind::MinorEdit => s.links_minor_edit += 1,
            LinkKind::Paraphrase => s.links_paraphrase += 1,
            LinkKind::Partial => s.links_partial += 1,
        }
        s.links_moved += usize::from(l.moved);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_give_clear_errors() {
        let opts = CompareOptions::default();
        assert_eq!(compare(&[], &opts).unwrap_err(), CompareError::NoDocuments);
        let bad_base = CompareOptions { base: 3, ..opts };
        let err = compare(&[Document::new("a", "x")], &bad_base).unwrap_err();
        assert_eq!(err.to_string(), "base version 3 does not exist: there are 1 versions (0 to 0)");
        let many = vec![Document::default(); MAX_DOCUMENTS + 1];
        assert!(matches!(compare(&many, &opts), Err(CompareError::TooManyDocuments { .. })));
    }

    #[test]
    fn spans_count_both_units_and_rebuild_input() {
        let text = "Emoji 🎉 first. Zweiter Satz über Öl.";
        let r = compare(&[Document::new("a", text)], &CompareOptions::default()).unwrap();
        let segs = &r.documents[0].segments;
        assert_eq!(segs[1].span.utf8, [18, 41]);
        assert_eq!(segs[1].span.utf16, [16, 37]);
        let js: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&js[16..37]), segs[1].text);
    }

    #[test]
    fn presplit_and_sentence_lists_are_taken_as_given() {
        let opts = CompareOptions { presplit: true, ..CompareOptions::default() };
        let r = compare(&[Document::new("a", "One. Two.\nThree")], &opts).unwrap();
        assert_eq!(r.documents[0].segments.len(), 2);
        let d = Document::from_sentences("b", vec!["A. B.".into(), "C".into()]);
        let r = compare(&[d], &CompareOptions::default()).unwrap();
        assert_eq!(r.documents[0].segments[0].text, "A. B.");
    }

    #[test]
    fn word_diffs_for_base_pairs_only() {
        let docs = ["Talks opened in London.", "Talks opened in Paris.", "Talks opened in Rome."]
            .map(|t| Document::new("v", t));
        let options = CompareOptions { base: 1, word_diffs: WordDiffs::Base, ..CompareOptions::default() };
        let r = compare(&docs, &options).unwrap();
        let with_ops: Vec<(usize, usize)> =
            r.pairs.iter().filter(|p| p.links.iter().all(|l| !l.ops.is_empty())).map(|p| (p.a, p.b)).collect();
        assert_eq!(with_ops, [(0, 1), (1, 2)]);
        assert!(r.pairs[1].links[0].ops.is_empty(), "pair 0-2 is linked but not diffed");
    }

    #[test]
    fn groups_and_support_span_versions() {
        let docs = [
            Document::new("a", "The summit opened in London. Crossings hit a record."),
            Document::new("b", "The summit opened in London. Weather was calm."),
            Document::new("c", "Crossings hit a record. The summit opened in London."),
        ];
        let r = compare(&docs, &CompareOptions::default()).unwrap();
        let summit = r.documents[0].segments[0].group;
        assert_eq!(r.groups[summit].members, [vec![0], vec![0], vec![1]]);
        assert_eq!(r.documents[0].segments[0].support, 2);
        assert_eq!(r.documents[1].segments[1].support, 0);
        // The summit sentence, in each of the three versions.
        assert_eq!(r.summary.shared_by_all, 3);
        assert_eq!(r.similarity[0][0], 1.0);
    }

    #[test]
    fn rediff_equals_a_fresh_compare_for_any_diff_options_and_base() {
        let docs = [
            Document::new("a", "The PM said: \"We will act.\" Crossings hit 1,100. Talks opened in London."),
            Document::new("b", "Talks opened in London on Monday. the PM said: \"We shall act.\" Crossings hit 1,200."),
            Document::new("c", "Crossings hit 1,100, officials said. Talks opened in London."),
        ];
        let mut report = compare(&docs, &CompareOptions::default()).unwrap();
        for (base, case, punctuation, word_diffs) in
            [(0, true, false, WordDiffs::All), (2, false, true, WordDiffs::Base), (1, true, true, WordDiffs::Base)]
        {
            let mut options = CompareOptions { base, word_diffs, ..CompareOptions::default() };
            options.diff.ignore_case = case;
            options.diff.ignore_punctuation = punctuation;
            rediff(&docs, &mut report, &options).unwrap();
            assert_eq!(
                report,
                compare(&docs, &options).unwrap(),
                "base {base}, case {case}, punctuation {punctuation}"
            );
        }
        let edited = [docs[0].clone(), Document::new("b", "Something else entirely."), docs[2].clone()];
        let err = rediff(&edited, &mut report, &CompareOptions::default()).unwrap_err();
        assert!(err.to_string().contains("compare them again"), "{err}");
    }
}
