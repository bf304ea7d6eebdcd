//! What the two sides of a partial link have in common: the runs of each
//! side whose words the other side has too, read as the aligner reads them,
//! so the page marks the shared clause inside a longer sentence.

use super::versions::Version;
use crate::report::{Shared, Span};
use crate::terms::{ends_clause, is_stopword, same_quantity_in, term_text, Fnv};
use crate::tokenize::{normalize_into, utf16_len, Token, TokenKind};

/// Both sides' runs of a link of segments `ua` of one version and `ub` of another.
pub(super) fn shared((va, ua): (&Version, &[usize]), (vb, ub): (&Version, &[usize]), stem_chars: usize) -> Shared {
    let mut reader = Reader::new(stem_chars);
    // Each side read once, for its words and for its runs.
    let (read_a, read_b) = (reader.side(va, ua), reader.side(vb, ub));
    let (words_a, words_b) = (Words::of(&read_a), Words::of(&read_b));
    Shared { a: runs(va, ua, &read_a, &words_b), b: runs(vb, ub, &read_b, &words_a) }
}

/// How a token reads for this purpose.
enum Reading {
    /// A content word, by its term (hashed: no copy per word).
    Word(u64),
    /// A figure: its term (hashed), and its value when it has one.
    Figure(u64, Option<f64>),
    /// A function word, space or mid-clause punctuation: part of a run
    /// between two shared words, never a run of its own.
    Bridge,
    /// The end of a clause or sentence: a run stops here.
    Stop,
}

/// A token as read, and its length in UTF-8 bytes and UTF-16 units.
struct Read {
    reading: Reading,
    bytes: usize,
    units: usize,
    capital: bool,
}

/// Reads tokens into terms, with buffers kept between them.
struct Reader {
    stem_chars: usize,
    norm: String,
    folded: String,
    figure: String,
}

impl Reader {
    fn new(stem_chars: usize) -> Self {
        Reader { stem_chars, norm: String::new(), folded: String::new(), figure: String::new() }
    }

    /// The given segments' tokens as read, segment by segment.
    fn side(&mut self, v: &Version, segments: &[usize]) -> Vec<Vec<Read>> {
        let read = |t: &Token<'_>, reader: &mut Self| Read {
            reading: reader.read(t),
            bytes: t.text.len(),
            units: utf16_len(t.text),
            capital: t.text.starts_with(char::is_uppercase),
        };
        segments.iter().map(|&i| v.tokens[i].iter().map(|t| read(t, self)).collect()).collect()
    }

    fn read(&mut self, token: &Token<'_>) -> Reading {
        match token.kind {
            TokenKind::Word | TokenKind::Number => {
                normalize_into(token, &mut self.norm);
                if token.kind == TokenKind::Word && is_stopword(&self.norm) {
                    return Reading::Bridge;
                }
                let (term, value) = term_text(token, &self.norm, self.stem_chars, (&mut self.folded, &mut self.figure));
                let mut hash = Fnv::default();
                hash.write(term.as_bytes());
                match token.kind {
                    TokenKind::Number => Reading::Figure(hash.0, value),
                    _ => Reading::Word(hash.0),
                }
            }
            TokenKind::Punct if ends_clause(token.text) || token.text.contains(['.', '!', '?']) => Reading::Stop,
            _ => Reading::Bridge,
        }
    }
}

/// One side's content terms (hashed) and figure values, both sorted.
struct Words {
    terms: Vec<u64>,
    values: Vec<f64>,
}

impl Words {
    fn of(side: &[Vec<Read>]) -> Self {
        let (mut terms, mut values) = (Vec::new(), Vec::new());
        for read in side.iter().flatten() {
            match read.reading {
                Reading::Word(term) => terms.push(term),
                Reading::Figure(term, value) => {
                    terms.push(term);
                    values.extend(value);
                }
                _ => {}
            }
        }
        terms.sort();
        values.sort_by(f64::total_cmp);
        Words { terms, values }
    }

    /// Whether this side has the word, or a figure that may state the same
    /// quantity ("11,316" and "about 11,300"), as the aligner counts them.
    fn has(&self, reading: &Reading) -> bool {
        match reading {
            Reading::Word(term) => self.terms.binary_search(term).is_ok(),
            Reading::Figure(term, value) => {
                self.terms.binary_search(term).is_ok()
                    || value.is_some_and(|p| same_quantity_in(&self.values, p, |&q| q).next().is_some())
            }
            _ => false,
        }
    }
}

/// A run being read: its span inside the segment, and whether it says
/// enough to be shown (two shared words or more, a figure, or a name: one
/// common word alone, "people", is no shared fact).
struct Run {
    span: Span,
    words: usize,
    telling: bool,
}

/// The runs of the given segments (`side`, as read) whose content words
/// are all in `other`: each from a shared word to a shared word, through
/// function words and spaces, never over a clause's end. Spans in the version's text.
fn runs(v: &Version, segments: &[usize], side: &[Vec<Read>], other: &Words) -> Vec<Span> {
    let mut out = Vec::new();
    for (&i, reads) in segments.iter().zip(side) {
        let base = v.spans[i];
        // Offsets inside the segment, in both units.
        let (mut byte, mut unit) = (0, 0);
        let mut run: Option<Run> = None;
        let mut close = |run: &mut Option<Run>| {
            if let Some(Run { mut span, words, telling }) = run.take() {
                if words >= 2 || telling {
                    for k in 0..2 {
                        span.utf8[k] += base.utf8[0];
                        span.utf16[k] += base.utf16[0];
                    }
                    out.push(span);
                }
            }
        };
        for read in reads {
            let (start, start_unit) = (byte, unit);
            byte += read.bytes;
            unit += read.units;
            if other.has(&read.reading) {
                let telling = matches!(read.reading, Reading::Figure(..)) || read.capital;
                let run = run.get_or_insert(Run {
                    span: Span { utf8: [start, byte], utf16: [start_unit, unit] },
                    words: 0,
                    telling,
                });
                (run.span.utf8[1], run.span.utf16[1]) = (byte, unit);
                run.words += 1;
                run.telling |= telling;
            } else if !matches!(read.reading, Reading::Bridge) {
                close(&mut run);
            }
        }
        close(&mut run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::versions::Text;
    use crate::compare::Document;

    fn marked(x: &str, y: &str) -> Vec<String> {
        let docs = [Document::new("x", x), Document::new("y", y)];
        let texts: Vec<Text> = docs.iter().map(|d| Text::new(d, true)).collect();
        let versions: Vec<Version> = texts.iter().map(Version::new).collect();
        let s = shared((&versions[0], &[0]), (&versions[1], &[0]), crate::terms::STEM_CHARS);
        s.a.iter().map(|span| x[span.utf8[0]..span.utf8[1]].to_string()).collect()
    }

    #[test]
    fn a_clause_inside_a_longer_sentence_is_one_run() {
        let long =
            "Ministers met on Monday, and the bank raised interest rates to 5.25% for the first time since 2008.";
        let short = "Interest rates were raised to 5.25 per cent.";
        assert_eq!(marked(long, short), ["raised interest rates to 5.25%"]);
    }

    #[test]
    fn runs_stop_at_a_clause_end_and_count_in_both_units() {
        let x = "Öl prices rose, prices fell.";
        assert_eq!(marked(x, "Prices rose and fell."), ["prices rose", "prices fell"]);
        // One common word alone is no shared fact; a figure, even rounded, is.
        assert_eq!(marked("More than 11,316 people died.", "It killed about 11,300 people."), ["11,316 people"]);
        let docs = [Document::new("x", x), Document::new("y", "Öl prices")];
        let texts: Vec<Text> = docs.iter().map(|d| Text::new(d, true)).collect();
        let versions: Vec<Version> = texts.iter().map(Version::new).collect();
        let s = shared((&versions[0], &[0]), (&versions[1], &[0]), crate::terms::STEM_CHARS);
        assert_eq!(s.a[0].utf8, [0, 10]);
        assert_eq!(s.a[0].utf16, [0, 9]);
    }
}
