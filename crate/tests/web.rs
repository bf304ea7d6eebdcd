//! The same core in headless Chromium, through the JavaScript door.
//! Run with `wasm-pack test --headless --chrome crate` (scripts/test-wasm.sh).
#![cfg(target_arch = "wasm32")]

use variorum::segment::segment;
use variorum::wasm::{compare_js, compare_json_js};
use variorum::{compare, CompareOptions, Document};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: [&str; 5] = [
    include_str!("../../seeds/000_115c95e8f421d9fb.txt"),
    include_str!("../../seeds/001_2ccc05b562ed84b5.txt"),
    include_str!("../../seeds/002_6d8a06d22f37ec03.txt"),
    include_str!("../../seeds/003_bcd5be9b6dc5dbd4.txt"),
    include_str!("../../seeds/004_75680a34fa9333fc.txt"),
];

fn js(json: &str) -> variorum::wasm::CompareInputJs {
    js_sys::JSON::parse(json).expect("test JSON").unchecked_into()
}

fn seeds_input() -> serde_json::Value {
    let docs: Vec<_> =
        SEEDS.iter().enumerate().map(|(k, t)| serde_json::json!({"name": format!("v{k}"), "text": t})).collect();
    serde_json::json!({ "documents": docs, "options": {} })
}

#[wasm_bindgen_test]
fn segmentation_matches_the_annotation_counts() {
    let counts: Vec<usize> = SEEDS.iter().map(|t| segment(t).len()).collect();
    assert_eq!(counts, [29, 30, 17, 42, 16]);
}

#[wasm_bindgen_test]
fn report_through_javascript_equals_the_native_report() {
    let mut input = seeds_input();
    // Beyond the seeds' curly quotes: astral characters (surrogate pairs in JavaScript), joiners, combining marks.
    input["documents"][4]["text"] = format!("{} Party 🎉👩‍👩‍👧 in Zürich, e\u{301}té «encore». 你好。", SEEDS[4]).into();
    let from_js: JsValue = compare_js(js(&input.to_string())).map_err(JsValue::from).expect("compare").into();
    let text: String = js_sys::JSON::stringify(&from_js).unwrap().into();
    let from_js: serde_json::Value = serde_json::from_str(&text).unwrap();

    let docs: Vec<Document> = serde_json::from_value(input["documents"].clone()).unwrap();
    let native = serde_json::to_value(compare(&docs, &CompareOptions::default()).unwrap()).unwrap();
    assert_eq!(from_js["pairs"].as_array().unwrap().len(), 10);
    if let Some(path) = first_difference(&from_js, &native, String::new()) {
        panic!("reports differ at {path}");
    }
    // As JSON text (what the page's worker posts on), parsed by JavaScript: the same report.
    let json = compare_json_js(js(&input.to_string())).map_err(JsValue::from).expect("compareJson");
    assert!(json.is_ascii(), "every other character escaped");
    let text: String = js_sys::JSON::stringify(&js_sys::JSON::parse(&json).unwrap()).unwrap().into();
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    if let Some(path) = first_difference(&parsed, &native, String::new()) {
        panic!("the JSON report differs at {path}");
    }
}

/// The JSON path of the first place two values differ.
fn first_difference(x: &serde_json::Value, y: &serde_json::Value, path: String) -> Option<String> {
    use serde_json::Value::{Array, Object};
    match (x, y) {
        (Object(a), Object(b)) if a.len() == b.len() => a.iter().find_map(|(k, v)| {
            b.get(k).map_or(Some(format!("{path}.{k}")), |w| first_difference(v, w, format!("{path}.{k}")))
        }),
        (Array(a), Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).enumerate().find_map(|(i, (v, w))| first_difference(v, w, format!("{path}[{i}]")))
        }
        (serde_json::Value::Number(a), serde_json::Value::Number(b)) if a.as_f64() == b.as_f64() => None,
        _ if x == y => None,
        _ => Some(format!("{path}: {x} vs {y}")),
    }
}

fn error_message(input: &str) -> String {
    let Err(err) = compare_js(js(input)) else { panic!("must throw: {input}") };
    let err: js_sys::Error = JsValue::from(err).into();
    String::from(err.message())
}

#[wasm_bindgen_test]
fn bad_input_throws_a_readable_error_not_a_trap() {
    assert!(error_message("{}").contains("missing field `documents`"));
    assert!(error_message(r#"{"documents": 5}"#).starts_with("invalid input"));
    assert!(error_message(r#"{"documents": [{"text": 1}]}"#).starts_with("invalid input"));
    assert!(error_message(r#"{"documents": [], "options": {}}"#).starts_with("nothing to compare"));
    assert!(
        error_message(r#"{"documents": [{"text": "a"}], "options": {"colour": 1}}"#).contains("unknown field `colour`")
    );
    assert!(error_message(r#"{"documents": [{"text": "a"}], "options": {"base": 4}}"#).contains("does not exist"));
    // The module still works after errors.
    assert!(compare_js(js(r#"{"documents": [{"text": "Still alive."}]}"#)).is_ok());
}

#[wasm_bindgen_test]
fn a_kept_comparison_rediffs_as_a_fresh_comparison_would() {
    use variorum::wasm::Comparison;
    let input = seeds_input();
    let mut kept = Comparison::new(js(&input.to_string()), None).map_err(JsValue::from).expect("compare");
    let options = serde_json::json!({ "base": 2, "word_diffs": "base", "diff": { "ignore_case": true, "ignore_punctuation": true } });
    let rediffed: JsValue = kept
        .rediff(js_sys::JSON::parse(&options.to_string()).unwrap().unchecked_into())
        .map_err(JsValue::from)
        .expect("rediff")
        .into();
    let rediffed: serde_json::Value =
        serde_json::from_str(&String::from(js_sys::JSON::stringify(&rediffed).unwrap())).unwrap();
    let as_json = kept.rediff_json(js_sys::JSON::parse(&options.to_string()).unwrap().unchecked_into());
    let as_json: serde_json::Value =
        serde_json::from_str(&as_json.map_err(JsValue::from).expect("rediffJson")).unwrap();
    if let Some(path) = first_difference(&as_json, &rediffed, String::new()) {
        panic!("rediffJson is not rediff as JSON text, at {path}");
    }

    let docs: Vec<Document> = serde_json::from_value(input["documents"].clone()).unwrap();
    let options: CompareOptions = serde_json::from_value(options).unwrap();
    let fresh = serde_json::to_value(compare(&docs, &options).unwrap()).unwrap();
    if let Some(path) = first_difference(&rediffed, &fresh, String::new()) {
        panic!("reports differ at {path}");
    }
    // A misspelt option is refused, not ignored.
    assert!(kept.rediff(js_sys::JSON::parse(r#"{"diff": {"ignore_kase": true}}"#).unwrap().unchecked_into()).is_err());
}

#[wasm_bindgen_test]
fn a_kept_comparison_hands_over_the_aligned_report_first() {
    use std::{cell::RefCell, rc::Rc};
    use variorum::wasm::Comparison;
    use wasm_bindgen::closure::Closure;
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = seen.clone();
    let on_aligned = Closure::<dyn FnMut(String)>::new(move |json: String| sink.borrow_mut().push(json));
    let call: js_sys::Function = on_aligned.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let kept = Comparison::new(js(&seeds_input().to_string()), Some(call)).map_err(JsValue::from).expect("compare");
    let seen = seen.borrow();
    assert_eq!(seen.len(), 1, "called once");
    let first: serde_json::Value = serde_json::from_str(&seen[0]).unwrap();
    let whole: serde_json::Value = serde_json::from_str(&kept.report_json().map_err(JsValue::from).unwrap()).unwrap();
    assert_eq!((&first["complete"], &whole["complete"]), (&false.into(), &true.into()));
    assert_eq!(first["documents"], whole["documents"]);
    assert!(first["quotes"].as_array().unwrap().is_empty() && !whole["quotes"].as_array().unwrap().is_empty());
}
