//! Where the time goes: each stage of the core on the generated benchmark
//! inputs (`node bench/generate.mjs target/bench-inputs` writes them;
//! `npm run bench:native` does both).

use std::path::Path;

use variorum::align::{AlignConfig, Prepared};
use variorum::diff::{diff_words, DiffOptions};
use variorum::numbers::read_figures;
use variorum::quotes::find_quotes;
use variorum::segment::segment;
use variorum::terms::Role;
use variorum::tokenize::{tokenize, Token};
use variorum::{compare, CompareOptions, Document};

fn main() {
    divan::main();
}

const SIZES: &[&str] = &["2-x-10-KB", "2-x-100-KB", "2-x-1-MB"];

fn pair(name: &str) -> [String; 2] {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-inputs").join(name);
    let read = |f: &str| {
        std::fs::read_to_string(dir.join(f))
            .unwrap_or_else(|_| panic!("run `node bench/generate.mjs target/bench-inputs` first"))
    };
    [read("000.txt"), read("001.txt")]
}

/// A text's segments, each as its tokens (what `Prepared` takes).
fn sentence_tokens(text: &str) -> Vec<Vec<Token<'_>>> {
    segment(text).iter().map(|s| tokenize(&text[s.start..s.end])).collect()
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn full_compare(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    let docs = [Document::new("a", x), Document::new("b", y)];
    b.bench(|| compare(&docs, &CompareOptions::default()).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn segment_both(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    b.bench(|| (segment(&x).len(), segment(&y).len()));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn tokenize_both(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    b.bench(|| (tokenize(&x).len(), tokenize(&y).len()));
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn terms_and_align(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    let tokens = [&x, &y].map(|t| sentence_tokens(t));
    let config = AlignConfig::default();
    b.bench(|| {
        let prepared = Prepared::new(tokens.iter().map(|v| v.iter().map(|t| (t.as_slice(), Role::Text))), &config);
        prepared.align(0, 1, &config).units.len()
    });
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn word_diff_whole_text(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    b.bench(|| diff_words(&x, &y, &DiffOptions::default()).len());
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn quotes_and_figures(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    let sx = segment(&x);
    b.bench(|| {
        (
            find_quotes(&x).len() + find_quotes(&y).len(),
            sx.iter().map(|s| read_figures(&x[s.start..s.end]).len()).sum::<usize>(),
        )
    });
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn report_to_json(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    let report = compare(&[Document::new("a", x), Document::new("b", y)], &CompareOptions::default()).unwrap();
    b.bench(|| serde_json::to_string(&report).unwrap().len());
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn terms_only(b: divan::Bencher, size: &str) {
    let [x, y] = pair(size);
    let tokens = [&x, &y].map(|t| sentence_tokens(t));
    let config = AlignConfig::default();
    b.bench(|| Prepared::new(tokens.iter().map(|v| v.iter().map(|t| (t.as_slice(), Role::Text))), &config).terms.len());
}
