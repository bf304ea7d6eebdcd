//! Golden tests: the seed pairs and the hand-made cases in `seeds/cases/`,
//! each as a readable snapshot (`tests/snapshots/`, review with
//! `cargo insta review`), and each hard shape with an explicit assertion too,
//! so that a snapshot cannot be accepted blindly.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use variorum::numbers::Disagreement;
use variorum::provenance::{Origin, Relation};
use variorum::report::LinkKind;
use variorum::segment::SegmentKind;
use variorum::{compare, CompareOptions, Document, Report};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

fn seed(prefix: &str) -> Document {
    let path = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    Document::new(prefix, std::fs::read_to_string(path).unwrap())
}

fn case(name: &str) -> Report {
    let dir = seeds().join("cases").join(name);
    let docs = ["a", "b"].map(|v| Document::new(v, std::fs::read_to_string(dir.join(format!("{v}.txt"))).unwrap()));
    compare(&docs, &CompareOptions::default()).unwrap()
}

#[test]
fn seed_pairs() {
    for (a, b) in [("000", "001"), ("003", "004"), ("000", "002")] {
        let report = compare(&[seed(a), seed(b)], &CompareOptions::default()).unwrap();
        insta::assert_snapshot!(format!("seeds_{a}_{b}"), report.to_string());
    }
}

#[test]
fn all_five_seeds() {
    let docs: Vec<Document> = ["000", "001", "002", "003", "004"].map(seed).into();
    let report = compare(&docs, &CompareOptions::default()).unwrap();
    assert_eq!(report.pairs.len(), 10);
    insta::assert_snapshot!("seeds_all", report.to_string());
}

#[test]
fn hand_made_cases() {
    for name in [
        "split",
        "merge",
        "move",
        "misquote",
        "changed-number",
        "boilerplate",
        "shared-quote",
        "shared-clause",
        "figure-precision",
        "name-only",
        "partly-shared",
        "quote-fragment",
        "figure-forms",
    ] {
        insta::assert_snapshot!(format!("case_{name}"), case(name).to_string());
    }
}

#[test]
fn split_is_one_to_two() {
    let r = case("split");
    let l = &r.pairs[0].links[0];
    assert_eq!((l.a.clone(), l.b.clone(), l.kind), (vec![0], vec![0, 1], LinkKind::Partial));
}

#[test]
fn merge_is_two_to_one() {
    let r = case("merge");
    let l = &r.pairs[0].links[0];
    assert_eq!((l.a.clone(), l.b.clone()), (vec![0, 1], vec![0]));
}

#[test]
fn move_is_marked_and_the_rest_is_not() {
    let r = case("move");
    let moved: Vec<_> = r.pairs[0].links.iter().filter(|l| l.moved).map(|l| (l.a[0], l.b[0])).collect();
    assert_eq!(moved, [(3, 0)]);
    assert!(r.pairs[0].links.iter().all(|l| l.kind == LinkKind::Identical));
}

#[test]
fn misquote_is_flagged_with_its_words() {
    let r = case("misquote");
    assert_eq!(r.quotes.len(), 1);
    let q = &r.quotes[0];
    assert!(q.variant);
    assert_eq!(q.quotes[0].speaker.as_deref(), Some("Prime Minister"));
    let changed: Vec<&str> =
        q.diffs[1].iter().filter(|o| o.tag != variorum::diff::Tag::Equal).map(|o| o.text.as_str()).collect();
    assert_eq!(changed, ["have got to combine", "must pool"]);
}

#[test]
fn changed_numbers_are_flagged() {
    let r = case("changed-number");
    let verdicts: Vec<_> = r.numbers.iter().map(|g| (g.facts[0].text.as_str(), g.disagreement)).collect();
    assert_eq!(verdicts, [("More than 40", Some(Disagreement::Qualifier)), ("£33 million", Some(Disagreement::Value))]);
    let ops = &r.pairs[0].links[1].ops;
    assert!(ops.iter().any(|o| o.number && o.text == "£33 million"), "the changed figure is marked in the diff");
}

#[test]
fn boilerplate_is_set_apart_and_not_linked() {
    let r = case("boilerplate");
    let kinds: Vec<_> = r.documents[0].segments.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [SegmentKind::Body, SegmentKind::Boilerplate, SegmentKind::Boilerplate, SegmentKind::Boilerplate]
    );
    assert_eq!(r.pairs[0].links.len(), 1);
    assert_eq!(r.pairs[0].links[0].kind, LinkKind::MinorEdit);
}

/// The sentence pairs that some link or overlap of the first pair joins.
fn joined(r: &Report) -> Vec<(usize, usize)> {
    let p = &r.pairs[0];
    let mut out: Vec<(usize, usize)> =
        p.links.iter().flat_map(|l| l.a.iter().flat_map(|&i| l.b.iter().map(move |&j| (i, j)))).collect();
    out.extend(p.overlaps.iter().map(|o| (o.a, o.b)));
    out.sort();
    out
}

#[test]
fn independent_reports_meet_on_a_shared_quote() {
    // The same words of Bailey's, in otherwise different sentences.
    assert!(joined(&case("shared-quote")).contains(&(1, 2)));
}

#[test]
fn a_clause_inside_a_longer_sentence_links() {
    let r = case("shared-clause");
    assert_eq!(joined(&r), [(1, 0)]);
    // The link says which part of the long sentence is shared.
    let shared = r.pairs[0].links[0].shared.as_ref().expect("a partial link carries its shared runs");
    let long = &r.documents[1].segments[0];
    let runs: Vec<&str> =
        shared.b.iter().map(|s| &long.text[s.utf8[0] - long.span.utf8[0]..s.utf8[1] - long.span.utf8[0]]).collect();
    assert_eq!(runs, ["record of 38.7C", "Cambridge in 2019"]);
}

#[test]
fn a_figure_at_other_precision_links() {
    // "More than 11,316 people died" and "killed about 11,300 people".
    assert_eq!(joined(&case("figure-precision")), [(1, 0)]);
}

#[test]
fn a_shared_name_alone_links_nothing() {
    // Both mention Kelvin Kiptum and Chicago, and say nothing in common.
    assert_eq!(joined(&case("name-only")), []);
}

#[test]
fn paragraphs_taken_here_and_there_are_partly_shared() {
    // Two of seven paragraphs word for word: under a third of either text.
    let r = case("partly-shared");
    let p = &r.provenance.pairs[0];
    assert!(p.shared_a.max(p.shared_b) < 1.0 / 3.0 && p.runs.len() == 2, "{p:?}");
    assert_eq!(p.relation, Relation::PartlyShared);
    let copied = |d: usize| r.provenance.sentences[d].iter().filter(|o| o.origin == Origin::Copied).count();
    assert_eq!((copied(0), copied(1)), (2, 2), "the origins say what the relation says");
}

#[test]
fn a_shorter_piece_of_a_quotation_is_no_misquote() {
    let r = case("quote-fragment");
    let reyes = r.quotes.iter().find(|g| g.quotes[0].text.starts_with("We will restore")).unwrap();
    assert_eq!(reyes.quotes.len(), 2, "the fragment joins the whole quotation");
    assert!(!reyes.variant, "a contiguous piece is the same utterance");
    assert!(reyes.quotes.iter().all(|q| q.speaker.as_deref() == Some("Tom Reyes")), "{reyes:?}");
    let statement = r.quotes.iter().find(|g| g.quotes[0].text.starts_with("Bottled")).unwrap();
    assert!(statement.quotes.iter().all(|q| q.speaker.as_deref() == Some("The company")));
}

#[test]
fn one_quantity_in_other_forms_is_one_fact_not_a_dispute() {
    let r = case("figure-forms");
    let group = |text: &str| r.numbers.iter().find(|g| g.facts.iter().any(|f| f.text == text)).unwrap();
    for (a, b) in
        [("9-meter", "30-foot"), ("40 miles", "about 64km"), ("4.50%-4.75%", "4.5% to 4.75%"), ("Mar 3", "March 3")]
    {
        let g = group(a);
        assert!(g.facts.iter().any(|f| f.text == b), "{a} and {b} are one quantity: {g:?}");
        assert_ne!(g.disagreement, Some(Disagreement::Value), "{a} and {b} do not disagree");
    }
    assert!(r.numbers.iter().flat_map(|g| &g.facts).all(|f| f.value != 19.0), "COVID-19 is a name, not a figure");
    assert!(r.numbers.iter().flat_map(|g| &g.facts).all(|f| f.value != 3.0), "Mar 3 is a date, not a count");
    assert_eq!(group("more than 200").disagreement, Some(Disagreement::Qualifier));
    assert_eq!((r.summary.numbers_disagreeing, r.summary.numbers_hedged), (0, 1), "hedging is no disagreement");
    assert_eq!(group("200").label, "homes", "a group is named by what it counts");
}

#[test]
fn a_date_alone_gives_no_direction_on_its_day() {
    let source = |a: &str, b: &str| {
        let dir = seeds().join("cases/partly-shared");
        let docs = [("a", a), ("b", b)].map(|(v, published)| Document {
            published: Some(published.to_string()),
            ..Document::new(v, std::fs::read_to_string(dir.join(format!("{v}.txt"))).unwrap())
        });
        compare(&docs, &CompareOptions::default()).unwrap().provenance.pairs[0].source
    };
    assert_eq!(source("2024-08-01", "2024-08-01T10:00:00+02:00"), None);
    assert_eq!(source("2024-08-01", "2024-08-03T10:00:00+02:00"), Some(0));
    assert_eq!(source("2024-08-01T11:00Z", "2024-08-01T10:00:00+02:00"), Some(1));
}

/// Two pairs of independent reports from the news-dev benchmark (two
/// outlets each, hand-linked): the report, and the gold links it finds and misses.
#[test]
fn news_dev_pairs() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/news-dev-pairs.jsonl");
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let pair: serde_json::Value = serde_json::from_str(line).unwrap();
        let side = |k: &str| -> Vec<String> {
            pair[k].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
        };
        let docs = [Document::from_sentences("a", side("a")), Document::from_sentences("b", side("b"))];
        let report = compare(&docs, &CompareOptions::default()).unwrap();
        let found = joined(&report);
        let gold: Vec<(usize, usize)> = pair["gold"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| (l[0].as_u64().unwrap() as usize, l[1].as_u64().unwrap() as usize))
            .collect();
        let hits = gold.iter().filter(|g| found.contains(g)).count();
        let missed: Vec<_> = gold.iter().filter(|g| !found.contains(g)).collect();
        let id = pair["id"].as_str().unwrap().replace(':', "_");
        let summary =
            format!("gold {} found {} of them, missed {missed:?}; {} joined in all\n\n", gold.len(), hits, found.len());
        insta::assert_snapshot!(format!("news_dev_{id}"), summary + &report.to_string());
    }
}
