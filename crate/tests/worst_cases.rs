//! Hostile and degenerate inputs complete (or are refused with a clear
//! message), at sizes a debug build runs in seconds. The full-size figures
//! are in docs/robustness.md (`bash bench/worst-cases.sh`).
#![cfg(not(target_arch = "wasm32"))]

use variorum::compare::{MAX_DOCUMENTS, MAX_DOCUMENT_BYTES};
use variorum::{compare, CompareError, CompareOptions, Document, Report, WordDiffs};

fn run(texts: &[String]) -> Report {
    let docs: Vec<Document> =
        texts.iter().enumerate().map(|(k, t)| Document::new(format!("v{k}"), t.clone())).collect();
    compare(&docs, &CompareOptions { word_diffs: WordDiffs::Base, ..CompareOptions::default() }).unwrap()
}

#[test]
fn one_long_sentence_without_punctuation() {
    let text: String = (0..30_000).map(|i| format!("word{} ", i % 3_000)).collect();
    let r = run(&[text.clone(), text.replace("word7 ", "other ")]);
    assert_eq!(r.documents[0].segments.len(), 1);
    assert_eq!(r.pairs[0].links.len(), 1);
}

#[test]
fn many_identical_sentences() {
    let text = "Same sentence here. ".repeat(20_000);
    let r = run(&[text.clone(), text]);
    assert_eq!(r.pairs[0].links.len(), 20_000, "each sentence pairs with one twin, no giant unit");
}

#[test]
fn versions_that_share_nothing() {
    let r = run(&["Alpha bravo charlie.".repeat(50), "Delta echo foxtrot.".repeat(50)]);
    assert!(r.pairs[0].links.is_empty());
    assert_eq!(r.similarity[0][1], 0.0);
}

#[test]
fn a_hundred_versions() {
    let texts: Vec<String> = (0..MAX_DOCUMENTS)
        .map(|k| format!("The summit opened. Version {k} adds a line. More than {k} people came."))
        .collect();
    let r = run(&texts);
    assert_eq!(r.pairs.len(), MAX_DOCUMENTS * (MAX_DOCUMENTS - 1) / 2);
    // Every sentence of every version has a counterpart (edited) in all the others.
    assert_eq!(r.summary.shared_by_all, 300);
}

#[test]
fn empty_whitespace_and_single_versions() {
    let r = run(&[String::new(), " \n\t\r\n ".into(), "One sentence.".into()]);
    assert!(r.documents[0].segments.is_empty() && r.documents[1].segments.is_empty());
    assert_eq!(r.pairs.len(), 3);
    assert_eq!(run(&["Alone.".into()]).pairs.len(), 0);
}

#[test]
fn binary_garbage_crlf_scripts_emoji() {
    let garbage: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let garbage = String::from_utf8_lossy(&garbage).into_owned();
    let mixed = "שלום עולם. مرحبا بالعالم. Hello 🎉👩‍👩‍👧 e\u{301} world. 你好世界。\r\n".repeat(200);
    let docs = [garbage, mixed.clone(), mixed.replace('🎉', "🎈")].map(|t| Document::new("v", t));
    let r = compare(&docs, &CompareOptions::default()).unwrap();
    assert!(!r.documents[0].segments.is_empty());
    assert!(r.pairs[2].links.iter().any(|l| l.ops.iter().any(|o| o.text.contains('🎈'))));
}

#[test]
fn over_the_limits_is_refused_before_any_work() {
    let many = vec![Document::new("v", "x"); MAX_DOCUMENTS + 1];
    let err = compare(&many, &CompareOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("too many versions: {} given, at most {MAX_DOCUMENTS} can be compared at once", MAX_DOCUMENTS + 1)
    );
    let huge = Document::new("big", "a".repeat(MAX_DOCUMENT_BYTES + 1));
    let err = compare(&[huge], &CompareOptions::default()).unwrap_err();
    assert!(matches!(err, CompareError::DocumentTooLarge { index: 0, .. }));
    assert_eq!(err.to_string(), "version 1 is too large: 4.0 MiB, at most 4 MiB per version");
}

#[test]
fn a_line_of_figures_is_linear() {
    // A pasted table or data line: every figure in one sentence. The figures
    // once paired every figure of a sentence with every one of its link
    // (10,000 figures: 4 s and 1.5 GB natively).
    let numbers: Vec<String> = (0..4000).map(|i| format!("{}", 1000 + i * 7)).collect();
    let ranges: Vec<String> = (0..1500).map(|i| format!("{}% to {}%, £{}.4bn", i % 90, (i + 7) % 90, i % 50)).collect();
    for line in [numbers.join(" "), ranges.join(" ")] {
        let started = std::time::Instant::now();
        let r = run(&[line.clone(), line]);
        let figures: usize = r.numbers.iter().map(|g| g.facts.len()).sum();
        assert!(figures >= 2000, "every figure read: {figures}");
        assert!(started.elapsed().as_secs_f64() < 5.0, "took {:?}", started.elapsed());
    }
}
