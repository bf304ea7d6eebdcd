//! Alignment and diffs of two versions cut from one input: every sentence
//! accounted for once, and word ops rebuild both sides.
#![no_main]
use libfuzzer_sys::fuzz_target;
use variorum::{compare, CompareOptions, Document};

fuzz_target!(|text: &str| {
    let cut = text.char_indices().nth(text.chars().count() / 2).map_or(text.len(), |(i, _)| i);
    let docs = [Document::new("a", &text[..cut]), Document::new("b", &text[cut..])];
    let report = compare(&docs, &CompareOptions::default()).unwrap();
    let pair = &report.pairs[0];
    let linked_a: usize = pair.links.iter().map(|l| l.a.len()).sum::<usize>() + pair.unmatched_a.len();
    assert_eq!(linked_a, report.documents[0].segments.len());
    for l in &pair.links {
        let (old, new) = variorum::diff::rebuild(&l.ops);
        let join = |d: usize, idx: &[usize]| {
            idx.iter().map(|&i| report.documents[d].segments[i].text.as_str()).collect::<Vec<_>>().join(" ")
        };
        assert_eq!((old, new), (join(0, &l.a), join(1, &l.b)));
    }
});
