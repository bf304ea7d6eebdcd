//! Any JSON a caller could send: a clear error or a report, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use variorum::{compare, CompareOptions, Document};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    documents: Vec<Document>,
    #[serde(default)]
    options: CompareOptions,
}

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = serde_json::from_slice::<Input>(data) {
        let _ = compare(&input.documents, &input.options);
    }
});
