//! Properties that must hold for any input: no panic, segments rebuild the
//! text, word ops rebuild both sides, every sentence accounted for once.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use variorum::diff::{diff_words, rebuild, DiffOptions};
use variorum::numbers::read_figures;
use variorum::quotes::find_quotes;
use variorum::segment::segment;
use variorum::tokenize::{tokenize, word_bounds};
use variorum::{compare, CompareOptions, Document};

/// Text built from pieces that stress the rules (abbreviations, quotes,
/// figures, bullets, CRLF, right-to-left, emoji, combining marks), mixed
/// with arbitrary Unicode.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The PM said. ".to_string()),
        Just("Mr. Smith ".to_string()),
        Just("U.S. ".to_string()),
        Just("£33m ".to_string()),
        Just("1,100 people ".to_string()),
        Just("more than 40% ".to_string()),
        Just("“We must act.” ".to_string()),
        Just("‘Unclosed ".to_string()),
        Just("Labour’s ".to_string()),
        Just("' ".to_string()),
        Just("\" ".to_string()),
        Just("...".to_string()),
        Just("?! ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n- bullet ".to_string()),
        Just("date 2025-03-31 ".to_string()),
        Just("LONDON (AFP) - ".to_string()),
        Just("Sign up here. ".to_string()),
        Just("שלום עולם. ".to_string()),
        Just("مرحبا. ".to_string()),
        Just("🎉👩‍👩‍👧 ".to_string()),
        Just("e\u{301}\u{302} ".to_string()),
        Just("你好。".to_string()),
        Just("\u{200b}\u{feff}".to_string()),
        "[a-zA-Z]{1,8} ",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

/// Text of only the characters the tokenizer's fast path knows, in runs
/// that meet every rule: letters around apostrophes, colons and stops,
/// figures around commas and points, underscores, space runs, line ends.
fn fast_path_text() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "aZé9 0.,;:'’‘_\"“”-–—\r\n\t\u{b}\u{a0}£€©°ĳ".chars().collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..40).prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fast_word_bounds_agree_with_unicode_segmentation(text in fast_path_text()) {
        let expected: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
        prop_assert_eq!(word_bounds(&text), expected);
    }

    #[test]
    fn segments_and_gaps_rebuild_the_input(text in newsy()) {
        let mut pos = 0;
        for s in segment(&text) {
            prop_assert!(pos <= s.start && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(text[pos..s.start].trim().is_empty(), "a gap holds text: {:?}", &text[pos..s.start]);
            pos = s.end;
        }
        prop_assert!(text[pos..].trim().is_empty());
    }

    #[test]
    fn tokens_rebuild_the_input(text in newsy()) {
        let rebuilt: String = tokenize(&text).iter().map(|t| t.text).collect();
        prop_assert_eq!(rebuilt, text);
    }

    #[test]
    fn word_ops_rebuild_both_sides(old in newsy(), new in newsy()) {
        let ops = diff_words(&old, &new, &DiffOptions::default());
        prop_assert_eq!(rebuild(&ops), (old, new));
    }

    #[test]
    fn quotes_and_figures_never_panic(text in newsy()) {
        for q in find_quotes(&text) {
            prop_assert!(q.start <= q.end && q.end <= text.len());
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
        for s in segment(&text) {
            read_figures(&text[s.start..s.end]);
        }
    }

    #[test]
    fn every_sentence_is_linked_or_unmatched_exactly_once(a in newsy(), b in newsy(), c in newsy()) {
        let docs = [Document::new("a", a), Document::new("b", b), Document::new("c", c)];
        let report = compare(&docs, &CompareOptions::default()).unwrap();
        for pair in &report.pairs {
            let (da, db) = (&report.documents[pair.a], &report.documents[pair.b]);
            let mut seen_a = vec![0; da.segments.len()];
            let mut seen_b = vec![0; db.segments.len()];
            for l in &pair.links {
                l.a.iter().for_each(|&i| seen_a[i] += 1);
                l.b.iter().for_each(|&j| seen_b[j] += 1);
                // The ops rebuild the linked sentences, joined by a space.
                let join = |d: &variorum::report::DocumentReport, idx: &[usize]| {
                    idx.iter().map(|&i| d.segments[i].text.as_str()).collect::<Vec<_>>().join(" ")
                };
                prop_assert_eq!(rebuild(&l.ops), (join(da, &l.a), join(db, &l.b)));
            }
            pair.unmatched_a.iter().for_each(|&i| seen_a[i] += 1);
            pair.unmatched_b.iter().for_each(|&j| seen_b[j] += 1);
            prop_assert!(seen_a.iter().chain(&seen_b).all(|&n| n == 1), "a sentence is missing or counted twice");
        }
        // Spans point at the segment's text, in both units.
        for (d, doc) in report.documents.iter().enumerate() {
            let text = &docs[d].text;
            let utf16: Vec<u16> = text.encode_utf16().collect();
            for s in &doc.segments {
                prop_assert_eq!(&text[s.span.utf8[0]..s.span.utf8[1]], s.text.as_str());
                prop_assert_eq!(String::from_utf16_lossy(&utf16[s.span.utf16[0]..s.span.utf16[1]]), s.text.clone());
            }
        }
    }
}
