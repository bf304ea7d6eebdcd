//! The report as text: for snapshots and the CLI's text format.

use std::fmt;

use super::{DocumentReport, Report, Segment, Span};
use crate::diff::render_ops;
use crate::numbers::Disagreement;
use crate::segment::SegmentKind;

/// Readable rendering for snapshots and the CLI's text format:
/// `[-deleted-]{+inserted+}` inside linked sentences.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, d) in self.documents.iter().enumerate() {
            writeln!(f, "# version {k}: {} ({} segments)", d.name, d.segments.len())?;
            for (i, s) in d.segments.iter().enumerate() {
                writeln!(f, "  {i:>3} {:<11} support {} | {}", kind_name(s.kind), s.support, one_line(&s.text))?;
            }
        }
        for p in &self.pairs {
            let (da, db) = (&self.documents[p.a], &self.documents[p.b]);
            writeln!(f, "\n## {} -> {} (similarity {:.2})", da.name, db.name, p.similarity)?;
            for l in &p.links {
                let moved = if l.moved { " moved" } else { "" };
                writeln!(f, "  {:?} ~ {:?} {:?} {:.2}{moved}", l.a, l.b, l.kind, l.score)?;
                writeln!(f, "      {}", one_line(&render_ops(&l.ops)))?;
                if let Some(shared) = &l.shared {
                    for (d, spans) in [(da, &shared.a), (db, &shared.b)] {
                        let runs: Vec<String> = spans.iter().map(|s| format!("\"{}\"", span_text(d, s))).collect();
                        writeln!(f, "      shared in {}: {}", d.name, runs.join(" "))?;
                    }
                }
            }
            for o in &p.overlaps {
                writeln!(f, "  shared fact [{}] ~ [{}] {:.2}", o.a, o.b, o.score)?;
            }
            for &i in &p.unmatched_a {
                writeln!(f, "  only in {}: [{i}] {}", da.name, one_line(&da.segments[i].text))?;
            }
            for &j in &p.unmatched_b {
                writeln!(f, "  only in {}: [{j}] {}", db.name, one_line(&db.segments[j].text))?;
            }
        }
        writeln!(f, "\n## Provenance")?;
        for p in &self.provenance.pairs {
            let direction = match p.source {
                Some(s) => format!(", {} first", self.documents[s].name),
                None => String::new(),
            };
            writeln!(
                f,
                "  {} ~ {}: {:?} ({:.0}% and {:.0}% verbatim, {:.0}% close{direction})",
                self.documents[p.a].name,
                self.documents[p.b].name,
                p.relation,
                100.0 * p.shared_a,
                100.0 * p.shared_b,
                100.0 * p.close
            )?;
        }
        for (d, l) in self.provenance.tree.iter().enumerate() {
            if let Some(parent) = l.parent {
                let how = if l.directed { "derives from" } else { "shares a source with" };
                writeln!(f, "  {} {how} {} ({:?})", self.documents[d].name, self.documents[parent].name, l.relation)?;
            }
        }
        if !self.quotes.is_empty() {
            writeln!(f, "\n## Quotes")?;
        }
        for g in &self.quotes {
            let verdict = match (g.only_in, g.variant) {
                (Some(d), _) => format!("only in {}", self.documents[d].name),
                (None, true) => "VARIANT WORDING".to_string(),
                (None, false) => "same wording".to_string(),
            };
            writeln!(f, "  {verdict}")?;
            for (q, ops) in g.quotes.iter().zip(&g.diffs) {
                let who = q.speaker.as_deref().unwrap_or("?");
                writeln!(
                    f,
                    "    {} [{}] ({who}): {}",
                    self.documents[q.doc].name,
                    q.segment,
                    one_line(&render_ops(ops))
                )?;
            }
        }
        if !self.numbers.is_empty() {
            writeln!(f, "\n## Numbers")?;
        }
        for g in &self.numbers {
            let verdict = match (g.only_in, g.disagreement) {
                (Some(_), _) => "only one version",
                (None, Some(Disagreement::Value)) => "DIFFERENT FIGURES",
                (None, Some(Disagreement::Qualifier)) => "DIFFERENT HEDGING",
                (None, Some(Disagreement::Precision)) => "compatible (other precision)",
                (None, None) => "agree",
            };
            let facts: Vec<String> = g
                .facts
                .iter()
                .map(|n| {
                    format!("{} [{}] \"{} {}\"", self.documents[n.doc].name, n.segment, n.text, n.describes.join(" "))
                })
                .collect();
            writeln!(f, "  {verdict}: {}", facts.join(" | "))?;
        }
        Ok(())
    }
}

fn one_line(s: &str) -> String {
    s.replace('\n', "⏎")
}

fn kind_name(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Body => "body",
        SegmentKind::Heading => "heading",
        SegmentKind::Bullet => "bullet",
        SegmentKind::Dateline => "dateline",
        SegmentKind::Boilerplate => "boilerplate",
    }
}

/// The text of a span inside one of the document's segments.
fn span_text<'d>(d: &'d DocumentReport, span: &Span) -> &'d str {
    let [start, end] = span.utf8;
    let k = d.segments.partition_point(|s| s.span.utf8[1] < end);
    let inside = |s: &'d Segment| Some(start.checked_sub(s.span.utf8[0])?..end.checked_sub(s.span.utf8[0])?);
    d.segments.get(k).and_then(|s| s.text.get(inside(s)?)).unwrap_or_default()
}
