//! `variorum align`: benchmark pairs of pre-split sentences in, links out.

use std::io::BufRead;
use std::path::PathBuf;

use clap::Args;
use serde_json::{json, Value};
use variorum::{compare, CompareOptions, Document};

use crate::{open_lines, options, usage, write_out, Failure};

#[derive(Args)]
pub struct AlignArgs {
    /// Input file, one pair a line ('-' for standard input).
    #[arg(long, value_name = "IN")]
    jsonl: String,
    /// Output file (default: standard output).
    #[arg(long, value_name = "OUT")]
    out: Option<PathBuf>,
    /// Change one alignment setting (the list: variorum align --help).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Instead of links, every candidate the evidence decision weighed, with
    /// its features (what bench/learn.py learns from).
    #[arg(long)]
    explain: bool,
}

pub fn run_align(args: &AlignArgs) -> Result<(), Failure> {
    let mut options = CompareOptions::default();
    for setting in &args.set {
        options::set(&mut options.align, setting).map_err(usage)?;
    }
    let input = &args.jsonl;
    let mut out = String::new();
    for (n, line) in open_lines(input)?.lines().enumerate() {
        let line = line.map_err(|e| Failure(3, format!("cannot read {input}: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line).map_err(|e| Failure(1, format!("{input}:{}: {e}", n + 1)))?;
        let result =
            align_one(&value, &options, args.explain).map_err(|e| Failure(1, format!("{input}:{}: {e}", n + 1)))?;
        out.push_str(&result.to_string());
        out.push('\n');
    }
    write_out(args.out.as_deref(), &out)
}

/// Aligns one benchmark pair and returns its prediction line.
/// With `explain`, what the evidence decision saw instead (`bench/learn.py` learns from it).
fn align_one(pair: &Value, options: &CompareOptions, explain: bool) -> Result<Value, String> {
    let sentences = |side: &str| -> Result<Vec<String>, String> {
        pair[side]
            .as_array()
            .ok_or(format!("'{side}' must be an array of sentences"))?
            .iter()
            .map(|s| s.as_str().map(str::to_string).ok_or(format!("'{side}' must hold strings")))
            .collect()
    };
    let docs = [Document::from_sentences("a", sentences("a")?), Document::from_sentences("b", sentences("b")?)];
    if explain {
        let evidence = variorum::explain(&docs, options).map_err(|e| e.to_string())?;
        return Ok(json!({ "id": pair["id"], "features": variorum::align::FEATURE_NAMES, "evidence": evidence }));
    }
    let report = compare(&docs, options).map_err(|e| e.to_string())?;
    let links = &report.pairs[0].links;
    let mut pred: Vec<[usize; 2]> =
        links.iter().flat_map(|l| l.a.iter().flat_map(move |&i| l.b.iter().map(move |&j| [i, j]))).collect();
    pred.extend(report.pairs[0].overlaps.iter().map(|o| [o.a, o.b]));
    let groups: Vec<[&Vec<usize>; 2]> = links.iter().map(|l| [&l.a, &l.b]).collect();
    Ok(json!({ "id": pair["id"], "pred": pred, "pred_groups": groups }))
}
