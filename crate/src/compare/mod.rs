//! The one entry point: N versions in, one report out. The pipeline, stage
//! by stage; what it takes is in `input`, each version's preparation in
//! `versions`, a pair's report in `pairs`, the counts in `summary`.

mod input;
mod pairs;
mod shared;
mod summary;
mod versions;

pub use input::{
    CompareError, CompareOptions, Document, WordDiffs, MAX_DOCUMENTS, MAX_DOCUMENT_BYTES, MAX_TOTAL_BYTES,
};

use crate::align::{align, align_explained, Evidence, Prepared};
use crate::groups::{groups, support};
use crate::numbers::group_numbers;
use crate::provenance::{parse_time, provenance, Provenance, Words};
use crate::quotes::group_quotes;
use crate::report::{DocumentReport, Report, Segment, SCHEMA_VERSION};
use input::check_limits;
use pairs::{linked_segments, mark_shared, pair_report, unit_ops};
use summary::summary;
use versions::{Text, Version};

/// What the evidence decision saw between the first two versions, pair by
/// candidate pair (for learning its weights: `bench/learn.py`).
pub fn explain(docs: &[Document], options: &CompareOptions) -> Result<Vec<Evidence>, CompareError> {
    check_limits(docs, options)?;
    if docs.len() < 2 {
        return Err(CompareError::InvalidInput("explain needs two versions".into()));
    }
    let texts: Vec<Text> = docs[..2].iter().map(|d| Text::new(d, options.presplit)).collect();
    let versions: Vec<Version> = texts.iter().map(Version::new).collect();
    let prepared = Prepared::new(versions.iter().map(Version::for_alignment), &options.align);
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
    compare_staged(docs, options, |_| {})
}

/// [`compare`], handing over the report as soon as the versions are aligned
/// and diffed: `aligned` sees it with `complete: false` and no quotes,
/// figures, provenance or shared runs, which follow in the report returned.
/// On long versions those are a third of the work, and a reader can start
/// on the alignment meanwhile (the page's worker posts it on at once).
pub fn compare_staged(
    docs: &[Document],
    options: &CompareOptions,
    aligned: impl FnOnce(&Report),
) -> Result<Report, CompareError> {
    check_limits(docs, options)?;
    let texts: Vec<Text> = docs.iter().map(|d| Text::new(d, options.presplit)).collect();
    // Tokenised once, used by every stage.
    let versions: Vec<Version> = texts.iter().map(Version::new).collect();
    let prepared = Prepared::new(versions.iter().map(Version::for_alignment), &options.align);
    let indexed = prepared.indexed();

    let n = docs.len();
    let mut pairs = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for a in 0..n {
        for b in a + 1..n {
            let alignment = align(&indexed[a], &indexed[b], &options.align);
            let diff = options.diffs_pair(a, b).then_some(&options.diff);
            pairs.push(pair_report(a, b, alignment, &versions, diff));
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
    let documents: Vec<DocumentReport> = versions
        .iter()
        .enumerate()
        .map(|(d, v)| DocumentReport {
            name: docs[d].name.clone(),
            segments: v
                .text
                .segments
                .iter()
                .zip(v.spans.iter().copied())
                .enumerate()
                .map(|(i, (s, span))| Segment {
                    text: v.text.slice(s).to_string(),
                    kind: s.kind,
                    span,
                    support: support[d][i],
                    group: group_of[d][i],
                })
                .collect(),
        })
        .collect();
    let mut report = Report {
        schema_version: SCHEMA_VERSION,
        complete: false,
        base: options.base,
        summary: summary(&documents, &pairs, &[], &[]),
        documents,
        pairs,
        groups,
        similarity,
        quotes: Vec::new(),
        numbers: Vec::new(),
        provenance: Provenance::default(),
    };
    // The page's first engine is built without the `analysis` feature: it
    // leaves quotes, figures, provenance and shared runs out (`complete`
    // says so) to keep the first download small; the full engine follows
    // it. Every other build has them.
    if !cfg!(feature = "analysis") {
        return Ok(report);
    }
    aligned(&report);

    for pair in &mut report.pairs {
        mark_shared(pair, &versions, options.align.stem_chars);
    }
    // Each version's words for provenance, dropped once it is read.
    report.provenance = {
        let inputs: Vec<crate::provenance::Version> = versions
            .iter()
            .zip(docs)
            .map(|(v, doc)| crate::provenance::Version {
                words: Words::new(&v.tokens, &v.spans),
                kinds: v.text.segments.iter().map(|s| s.kind).collect(),
                published: doc.published.as_deref().and_then(parse_time).or_else(|| v.text.dateline_time()),
            })
            .collect();
        provenance(&inputs, &report.pairs)
    };
    report.quotes = group_quotes(texts.iter().enumerate().flat_map(|(d, t)| t.quotes(d)).collect());
    let figures = versions.iter().enumerate().flat_map(|(d, v)| v.text.figures(d, &v.tokens)).collect();
    report.numbers = group_numbers(figures, &linked_segments(&report.pairs), options.align.stem_chars);
    report.summary = summary(&report.documents, &report.pairs, &report.quotes, &report.numbers);
    report.complete = true;
    Ok(report)
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
    let versions: Vec<Version> = texts.iter().map(Version::new).collect();
    for pair in &mut report.pairs {
        let (a, b) = (pair.a, pair.b);
        let diffs = options.diffs_pair(a, b);
        for link in &mut pair.links {
            link.ops = if diffs {
                unit_ops((&versions[a], &link.a), (&versions[b], &link.b), &options.diff)
            } else {
                Vec::new()
            };
        }
    }
    report.base = options.base;
    Ok(())
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
    fn the_aligned_report_comes_first_then_the_analyses() {
        let docs = [
            Document::new("wire", "Talks opened in London on Monday, officials said. \"We will act,\" the minister said. About 40 countries attend."),
            Document::new("paper", "\"We will act now,\" the minister said. More than 40 countries attend talks in London, which opened on Monday."),
        ];
        let options = CompareOptions::default();
        let mut first = None;
        let report = compare_staged(&docs, &options, |r| first = Some(r.clone())).unwrap();
        let first = first.expect("handed over once aligned");
        assert!(!first.complete && first.quotes.is_empty() && first.numbers.is_empty());
        assert!(first.pairs[0].links.iter().all(|l| l.shared.is_none()));
        assert!(report.complete && !report.quotes.is_empty() && !report.numbers.is_empty());
        assert!(report.pairs[0].links.iter().any(|l| l.shared.is_some()), "a partial link with its shared runs");
        // The same alignment, word diffs and documents, only the analyses added.
        let without_runs = |r: &Report| {
            r.pairs.iter().flat_map(|p| &p.links).map(|l| (l.a.clone(), l.b.clone(), l.ops.clone())).collect::<Vec<_>>()
        };
        assert_eq!(without_runs(&first), without_runs(&report));
        assert_eq!(first.documents, report.documents);
        assert_eq!(report, compare(&docs, &options).unwrap());
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
