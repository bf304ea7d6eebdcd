//! The JavaScript door: bindings only, no logic.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{compare, CompareError, CompareOptions, Document};
#[cfg(feature = "analysis")]
use crate::{compare_staged, rediff, Report};

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

// The report's shape for TypeScript is derived from the Rust types
// themselves (`tsify`, on every type of the schema), so it cannot drift
// from what the engine returns.

#[wasm_bindgen]
extern "C" {
    /// A `CompareInput` object from JavaScript.
    #[wasm_bindgen(typescript_type = "CompareInput")]
    pub type CompareInputJs;
    /// A `Report` object for JavaScript.
    #[wasm_bindgen(typescript_type = "Report")]
    pub type ReportJs;
    /// Word ops for JavaScript.
    #[wasm_bindgen(typescript_type = "WordOp[]")]
    pub type WordOpsJs;
    /// `CompareOptions` from JavaScript.
    #[wasm_bindgen(typescript_type = "CompareOptions")]
    pub type CompareOptionsJs;
}

/// What JavaScript passes to [`compare_js`].
#[derive(Deserialize, tsify::Tsify)]
#[serde(deny_unknown_fields)]
pub struct CompareInput {
    /// The versions, in order.
    documents: Vec<Document>,
    /// Settings; every field has a default.
    #[serde(default)]
    options: CompareOptions,
}

/// `compare({documents: [{name, text}], options: {...}})` -> report.
/// Throws an `Error` with a readable message on bad input.
#[wasm_bindgen(js_name = compare)]
pub fn compare_js(input: CompareInputJs) -> Result<ReportJs, JsError> {
    let input = read_input(&input)?;
    let report = compare(&input.documents, &input.options)?;
    Ok(to_js(&report)?.unchecked_into())
}

/// [`compare_js`] with the report as JSON text: what the page's worker
/// posts on. A string crosses to the page's thread as one copy, where the
/// report's objects would be cloned one by one (measured on 2 x 1 MB: 34 ms
/// and a 158 ms `JSON.parse`, against 587 ms for parsing and cloning them).
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json_js(input: CompareInputJs) -> Result<String, JsError> {
    let input = read_input(&input)?;
    to_json(&compare(&input.documents, &input.options)?)
}

/// A comparison kept in the engine: `new Comparison({documents, options})`,
/// then `report()`; `rediff(options)` redoes only the word diffs for other
/// diff options or another base (the alignment depends on neither), without
/// sending the versions or the report across again. `free()` releases it.
/// In the full engine only: the page's first engine answers once, with
/// `compare`, and the full one keeps what follows.
#[cfg(feature = "analysis")]
#[wasm_bindgen]
pub struct Comparison {
    documents: Vec<Document>,
    report: Report,
}

#[cfg(feature = "analysis")]
#[wasm_bindgen]
impl Comparison {
    /// Compares the versions; throws like `compare`. `onAligned`, if given,
    /// is called with the report as JSON text as soon as the versions are
    /// aligned and diffed (`complete: false`), before quotes, figures and
    /// provenance: on long versions a reader can start a third sooner.
    #[wasm_bindgen(constructor)]
    pub fn new(input: CompareInputJs, on_aligned: Option<js_sys::Function>) -> Result<Comparison, JsError> {
        let input = read_input(&input)?;
        let report = compare_staged(&input.documents, &input.options, |first| {
            if let (Some(call), Ok(json)) = (&on_aligned, to_json(first)) {
                // What the page does with it is its own affair: an error there is not the comparison's.
                let _ = call.call1(&JsValue::NULL, &JsValue::from_str(&json));
            }
        })?;
        Ok(Comparison { documents: input.documents, report })
    }

    /// The report.
    pub fn report(&self) -> Result<ReportJs, JsError> {
        Ok(to_js(&self.report)?.unchecked_into())
    }

    /// The report as JSON text (see `compareJson`).
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> Result<String, JsError> {
        to_json(&self.report)
    }

    /// The report with word diffs for these options (`diff`, `base`, `word_diffs`).
    pub fn rediff(&mut self, options: CompareOptionsJs) -> Result<ReportJs, JsError> {
        self.redo(&options)?;
        self.report()
    }

    /// `rediff`, the report as JSON text.
    #[wasm_bindgen(js_name = rediffJson)]
    pub fn rediff_json(&mut self, options: CompareOptionsJs) -> Result<String, JsError> {
        self.redo(&options)?;
        self.report_json()
    }

    fn redo(&mut self, options: &JsValue) -> Result<(), JsError> {
        let json = js_sys::JSON::stringify(options).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "{}".into());
        let options: CompareOptions = serde_json::from_str(&json).map_err(|e| invalid(e.to_string()))?;
        Ok(rediff(&self.documents, &mut self.report, &options)?)
    }
}

/// Reads the input through JSON rather than field by field: that would read
/// only the fields it knows, so a misspelt option would pass silently instead
/// of failing as it does natively. The long texts are lifted out first and
/// cross as plain strings, not escaped into the JSON and parsed back.
fn read_input(input: &JsValue) -> Result<CompareInput, JsError> {
    let not_object = || invalid("expected an object {documents: [...], options: {...}}".into());
    if !input.is_object() {
        return Err(not_object());
    }
    let documents = js_sys::Reflect::get(input, &"documents".into()).map_err(|_| not_object())?;
    let mut texts: Vec<Option<String>> = Vec::new();
    let mut shallow = input.clone();
    if js_sys::Array::is_array(&documents) {
        let copies = js_sys::Array::new();
        for doc in js_sys::Array::from(&documents).iter() {
            let text = js_sys::Reflect::get(&doc, &"text".into()).ok().and_then(|t| t.as_string());
            if text.is_some() && !js_sys::Array::is_array(&doc) {
                let copy = js_sys::Object::assign(&js_sys::Object::new(), doc.unchecked_ref());
                js_sys::Reflect::set(&copy, &"text".into(), &"".into()).map_err(|_| not_object())?;
                copies.push(&copy);
            } else {
                copies.push(&doc);
            }
            texts.push(text);
        }
        let outer = js_sys::Object::assign(&js_sys::Object::new(), input.unchecked_ref());
        js_sys::Reflect::set(&outer, &"documents".into(), &copies).map_err(|_| not_object())?;
        shallow = outer.into();
    }
    let json = js_sys::JSON::stringify(&shallow).ok().and_then(|s| s.as_string()).ok_or_else(not_object)?;
    let mut input: CompareInput = serde_json::from_str(&json).map_err(|e| invalid(e.to_string()))?;
    for (doc, text) in input.documents.iter_mut().zip(texts) {
        if let Some(text) = text {
            doc.text = text;
        }
    }
    Ok(input)
}

/// `diffWords(old, new)` -> word ops: the word diff alone, for the speed
/// benchmark (feature `bench`: the full engine has it, not the page's first).
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = diffWords)]
pub fn diff_words_js(old: &str, new: &str) -> Result<WordOpsJs, JsError> {
    Ok(to_js(&crate::diff::diff_words(old, new, &crate::diff::DiffOptions::default()))?.unchecked_into())
}

/// `internWords(a, b)` -> number of word tokens: tokenise and intern both
/// texts, the floor the speed benchmark measures against (feature `bench`).
#[cfg(feature = "bench")]
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
    // One JSON string parsed by the engine is several times faster than
    // building the objects field by field across the boundary.
    js_sys::JSON::parse(&to_json(value)?).map_err(|_| JsError::new("could not build the report"))
}

/// Compact JSON, all ASCII (other characters escaped): JavaScript decodes
/// and parses one-byte text much faster than text with a single curly quote in it.
fn to_json<T: Serialize>(value: &T) -> Result<String, JsError> {
    let mut json = Vec::new();
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut json, AsciiJson))
        .map_err(|e| JsError::new(&format!("could not build the report: {e}")))?;
    String::from_utf8(json).map_err(|_| JsError::new("could not build the report"))
}

/// Compact JSON with every character outside ASCII written as `\uXXXX`.
struct AsciiJson;

impl serde_json::ser::Formatter for AsciiJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = fragment.as_bytes();
        let mut start = 0;
        // ASCII runs are copied whole; each other character becomes its UTF-16 escapes.
        while let Some(run) = bytes[start..].iter().position(|&b| !b.is_ascii()) {
            let at = start + run;
            w.write_all(&bytes[start..at])?;
            let c = fragment[at..].chars().next().unwrap_or_default();
            let mut units = [0u16; 2];
            for &unit in c.encode_utf16(&mut units).iter() {
                let nibble = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
                w.write_all(&[b'\\', b'u', nibble(12), nibble(8), nibble(4), nibble(0)])?;
            }
            start = at + c.len_utf8();
        }
        w.write_all(&bytes[start..])
    }
}
