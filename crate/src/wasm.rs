//! The JavaScript door: bindings only, no logic.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{compare, CompareError, CompareOptions, Document};

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// What JavaScript passes to [`compare_js`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    documents: Vec<Document>,
    #[serde(default)]
    options: CompareOptions,
}

/// `compare({documents: [{name, text}], options: {...}})` -> report.
/// Throws an `Error` with a readable message on bad input.
#[wasm_bindgen(js_name = compare)]
pub fn compare_js(input: JsValue) -> Result<JsValue, JsError> {
    // Through JSON rather than serde-wasm-bindgen: it reads only the fields it
    // knows, so a misspelt option would pass silently instead of failing as
    // it does natively.
    let json = js_sys::JSON::stringify(&input)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| invalid("expected an object {documents: [...], options: {...}}".into()))?;
    let input: Input = serde_json::from_str(&json).map_err(|e| invalid(e.to_string()))?;
    let report = compare(&input.documents, &input.options)?;
    to_js(&report)
}

/// `diffWords(old, new)` -> word ops: the word diff alone, for the speed benchmark.
#[wasm_bindgen(js_name = diffWords)]
pub fn diff_words_js(old: &str, new: &str) -> Result<JsValue, JsError> {
    to_js(&crate::diff::diff_words(old, new, &crate::diff::DiffOptions::default()))
}

/// `internWords(a, b)` -> number of word tokens: tokenise and intern both
/// texts, the floor the speed benchmark measures against.
#[wasm_bindgen(js_name = internWords)]
pub fn intern_words_js(a: &str, b: &str) -> u32 {
    crate::tokenize::intern_words(&[a, b]).0 as u32
}

/// The report schema version this build produces.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    crate::report::SCHEMA_VERSION
}

fn invalid(why: String) -> JsError {
    JsError::from(CompareError::InvalidInput(why))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Plain objects, not Maps, so the report reads the same as its JSON.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| JsError::new(&format!("could not build the report: {e}")))
}
