//! One version, prepared once for every stage: its text, segments,
//! quotations, tokens and spans.

use std::borrow::Cow;

use super::Document;
use crate::numbers::{read_figures_in, NumberFact};
use crate::provenance::{parse_time, Published};
use crate::quotes::{find_quotes, Quote, RawQuote};
use crate::report::Span;
use crate::segment::{classify, segment, segment_lines, RawSegment, SegmentKind};
use crate::terms::Role;
use crate::tokenize::{tokenize, utf16_len, Token};

/// A version's text, its segments and its quotations.
pub(super) struct Text<'a> {
    /// The input itself, or pre-split sentences joined by newlines.
    text: Cow<'a, str>,
    pub(super) segments: Vec<RawSegment>,
    quotes: Vec<RawQuote>,
}

impl<'a> Text<'a> {
    pub(super) fn new(doc: &'a Document, presplit: bool) -> Self {
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
    pub(super) fn quote_spans(&self, indices: &[usize]) -> Vec<(usize, usize)> {
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

    pub(super) fn quotes(&self, doc: usize) -> Vec<Quote> {
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

    pub(super) fn figures(&self, doc: usize, tokens: &[Vec<Token<'_>>]) -> Vec<NumberFact> {
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
    pub(super) fn dateline_time(&self) -> Option<Published> {
        self.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Dateline)
            .find_map(|s| self.slice(s).trim().strip_prefix("date ").and_then(parse_time))
    }

    pub(super) fn slice(&self, s: &RawSegment) -> &str {
        self.text.get(s.start..s.end).unwrap_or_default()
    }

    /// Every segment's span in both units, in one pass over the text
    /// (segments are in order and do not overlap).
    pub(super) fn spans(&self) -> Vec<Span> {
        let (mut byte, mut unit) = (0, 0);
        let mut advance = |to: usize| {
            unit += self.text.get(byte..to).map_or(0, utf16_len);
            byte = to;
            unit
        };
        self.segments
            .iter()
            .map(|s| Span { utf8: [s.start, s.end], utf16: [advance(s.start), advance(s.end)] })
            .collect()
    }
}

/// A version's text with its tokens (per segment) and its segments' spans:
/// what every stage reads, made once.
pub(super) struct Version<'t> {
    pub(super) text: &'t Text<'t>,
    pub(super) tokens: Vec<Vec<Token<'t>>>,
    pub(super) spans: Vec<Span>,
}

impl<'t> Version<'t> {
    pub(super) fn new(text: &'t Text<'t>) -> Self {
        let tokens = text.segments.iter().map(|s| tokenize(text.slice(s))).collect();
        Version { text, tokens, spans: text.spans() }
    }

    /// Each segment's tokens with what it may link to, for the aligner.
    pub(super) fn for_alignment(&self) -> impl Iterator<Item = (&[Token<'t>], Role)> {
        self.text.segments.iter().zip(&self.tokens).map(|(s, tokens)| (tokens.as_slice(), role(s.kind)))
    }
}

/// What a segment of this kind may link to.
fn role(kind: SegmentKind) -> Role {
    match kind {
        SegmentKind::Body | SegmentKind::Bullet => Role::Text,
        SegmentKind::Heading => Role::Heading,
        _ => Role::Aside,
    }
}
