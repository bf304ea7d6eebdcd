//! Verbatim runs: each version's words hashed once, its 6-grams indexed, and
//! a run grown from a shared 6-gram as far as the words agree (linear).

use crate::report::Span;
use crate::tokenize::{normalize_into, utf16_len, Token, TokenKind};

/// Shortest run of shared words that counts as reuse rather than chance.
pub const RUN_WORDS: usize = 6;

/// One version's words, as the runs see them.
pub struct Words {
    /// Each word's hash, normalised (case and typographic apostrophes aside):
    /// runs compare words by it (64 bits: a collision is not to be expected).
    pub(super) words: Vec<u64>,
    /// Each word's range in the text, in UTF-8 bytes and in UTF-16 units.
    pub(super) spans: Vec<Span>,
    /// The segment each word is in.
    pub(super) segment_of: Vec<u32>,
    /// Each 6-gram's hash -> its first position.
    grams: GramMap,
}

impl Words {
    /// Indexes a version's tokens, segment by segment; `starts` are the
    /// segments' spans in the text (tokens slice the segments). Each word's
    /// place in both units is counted once here, so a run's span costs nothing.
    pub fn new(segments: &[Vec<Token<'_>>], starts: &[Span]) -> Self {
        let (mut words, mut spans, mut segment_of) = (Vec::new(), Vec::new(), Vec::new());
        let mut norm = String::new();
        // Each distinct word as written, hashed once: most words recur.
        let mut hashes: foldhash::HashMap<(&str, bool), u64> = Default::default();
        for (s, (tokens, start)) in segments.iter().zip(starts).enumerate() {
            let (mut byte, mut unit) = (start.utf8[0], start.utf16[0]);
            for t in tokens {
                let units = utf16_len(t.text);
                if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                    let hash = *hashes.entry((t.text, t.kind == TokenKind::Number)).or_insert_with(|| {
                        normalize_into(t, &mut norm);
                        word_hash(&norm)
                    });
                    words.push(hash);
                    spans.push(Span { utf8: [byte, byte + t.text.len()], utf16: [unit, unit + units] });
                    segment_of.push(s as u32);
                }
                byte += t.text.len();
                unit += units;
            }
        }
        let mut grams = GramMap::with_capacity_and_hasher(words.len(), Default::default());
        for i in 0..words.len().saturating_sub(RUN_WORDS - 1) {
            grams.entry(gram_hash(&words[i..i + RUN_WORDS])).or_insert(i as u32);
        }
        Words { words, spans, segment_of, grams }
    }

    pub(super) fn len(&self) -> usize {
        self.words.len()
    }
}

/// FNV-1a: in wasm a 64-bit multiply is one instruction, where foldhash's
/// 128-bit one is a call; every word of every version is hashed here.
fn word_hash(word: &str) -> u64 {
    let mut h = crate::terms::Fnv::default();
    h.write(word.as_bytes());
    h.0
}

/// Gram hashes are mixed already: the map takes them as they are.
#[derive(Default)]
struct AsIs(u64);

impl std::hash::Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type GramMap = std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<AsIs>>;

fn gram_hash(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &w| (h.rotate_left(23) ^ w).wrapping_mul(0x0100_0000_01b3))
}

/// The verbatim runs of `x` found in `y`, as (start in x, start in y, length in words).
pub(super) fn runs(x: &Words, y: &Words) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + RUN_WORDS <= x.len() {
        let found = y.grams.get(&gram_hash(&x.words[i..i + RUN_WORDS])).map(|&j| j as usize);
        match found.filter(|&j| x.words[i..i + RUN_WORDS] == y.words[j..j + RUN_WORDS]) {
            Some(j) => {
                let len = x.words[i..].iter().zip(&y.words[j..]).take_while(|(p, q)| p == q).count();
                out.push((i, j, len));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn words(text: &str) -> Words {
        Words::new(&[tokenize(text)], &[Span { utf8: [0, text.len()], utf16: [0, utf16_len(text)] }])
    }

    #[test]
    fn runs_are_maximal_and_linear() {
        let a = words("The Bank of England cut its benchmark interest rate to five per cent on Thursday.");
        let b = words("On Thursday the Bank of England cut its benchmark interest rate to five per cent, a first.");
        let r = runs(&a, &b);
        assert_eq!(r, [(0, 2, 13)], "one run of thirteen words, as far as they agree");
        assert!(runs(&words("a b c d e"), &words("a b c d e")).is_empty(), "shorter than a run");
    }
}
