//! Segmentation of any text: spans in order, on char boundaries, gaps blank.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut pos = 0;
    for s in variorum::segment::segment(text) {
        assert!(pos <= s.start && s.start < s.end && s.end <= text.len());
        assert!(text[pos..s.start].trim().is_empty());
        pos = s.end;
    }
    for q in variorum::quotes::find_quotes(text) {
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
});
