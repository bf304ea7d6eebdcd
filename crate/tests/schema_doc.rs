//! docs/schema.md against the types: every field a report carries is
//! documented there, so the page's authors and the schema cannot drift.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use variorum::{compare, CompareOptions, Document};

/// Every object key anywhere in `value`.
fn keys(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn every_field_of_the_report_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    // Cases that between them give every part of the report: figures, quotes, copies, datelines.
    let docs: Vec<Document> = ["seeds/cases/figure-forms", "seeds/cases/partly-shared", "seeds/cases/quote-fragment"]
        .iter()
        .flat_map(|dir| ["a", "b"].map(|v| Document::new(format!("{dir}/{v}"), read(&format!("{dir}/{v}.txt")))))
        .chain([Document {
            published: Some("2025-03-31".into()),
            ..Document::new("dated", "date 2025-03-31\nLONDON: One.")
        }])
        .collect();
    let report = serde_json::to_value(compare(&docs, &CompareOptions::default()).unwrap()).unwrap();
    let mut found = BTreeSet::new();
    keys(&report, &mut found);
    let schema = read("docs/schema.md");
    // The names written in code spans (`span.utf8`, `{doc, segment, text}`).
    let documented: BTreeSet<&str> = schema
        .split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|code| code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')))
        .filter(|w| !w.is_empty())
        .collect();
    let missing: Vec<&String> = found.iter().filter(|k| !documented.contains(k.as_str())).collect();
    assert!(missing.is_empty(), "fields of the report not in docs/schema.md: {missing:?}");
    assert!(found.len() > 40, "the cases reach most of the report: {found:?}");
}
