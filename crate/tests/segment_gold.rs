//! Segmentation of the five seed articles against the hand annotation in
//! `tests/data/NNN__MMM.json` (from the project's news-seeds benchmark; see
//! `seeds/README.md`): every sentence and every kind must match.

use variorum::segment::{segment, SegmentKind};

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn kind_name(k: SegmentKind) -> &'static str {
    match k {
        SegmentKind::Body => "body",
        SegmentKind::Heading => "heading",
        SegmentKind::Bullet => "bullet",
        SegmentKind::Dateline => "dateline",
        SegmentKind::Boilerplate => "boilerplate",
        _ => "other",
    }
}

fn check(gold_file: &str) {
    let path = format!("{}/tests/data/{gold_file}", env!("CARGO_MANIFEST_DIR"));
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for side in ["a", "b"] {
        let file = gold[side]["file"].as_str().unwrap();
        let text = seed(&file[..3]);
        let got: Vec<(String, &str)> =
            segment(&text).iter().map(|s| (text[s.start..s.end].to_string(), kind_name(s.kind))).collect();
        let want: Vec<(String, &str)> = gold[side]["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .zip(gold[side]["kinds"].as_array().unwrap())
            .map(|(s, k)| (s.as_str().unwrap().to_string(), k.as_str().unwrap()))
            .collect();
        for (k, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "{file} segment {k}");
        }
        assert_eq!(got.len(), want.len(), "{file}: segment count");
    }
}

#[test]
fn seeds_000_001_match_annotation() {
    check("000__001.json");
}

#[test]
fn seeds_003_004_match_annotation() {
    check("003__004.json");
}

#[test]
fn seed_002_has_seventeen_body_sentences() {
    let text = seed("002");
    let segs = segment(&text);
    assert_eq!(segs.len(), 17);
    assert!(segs.iter().all(|s| s.kind == SegmentKind::Body));
}

#[test]
fn segments_and_gaps_rebuild_every_seed() {
    for p in ["000", "001", "002", "003", "004"] {
        let text = seed(p);
        let mut pos = 0;
        for s in segment(&text) {
            assert!(text[pos..s.start].trim().is_empty(), "{p}: non-space gap before {}", s.start);
            pos = s.end;
        }
        assert!(text[pos..].trim().is_empty());
    }
}
