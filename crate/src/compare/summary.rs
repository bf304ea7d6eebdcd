//! The report's summary: the counts a reader sees first.

use crate::numbers::{Disagreement, NumberGroup};
use crate::quotes::QuoteGroup;
use crate::report::{DocumentReport, LinkKind, PairReport, Summary};

/// The counts of one report.
pub(super) fn summary(
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
