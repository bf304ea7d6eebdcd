//! `variorum`: the command-line door to the comparison core.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use serde_json::{json, Value};
use variorum::{compare, CompareOptions, Document};

mod batch;

const HELP: &str = "\
variorum: compare several versions of one news story

USAGE:
    variorum compare [OPTIONS] FILE FILE...
    variorum align --jsonl IN [--out OUT]
    variorum batch IN [--out OUT] [--links] [--jobs N]
    variorum --help | --version

COMMANDS:
    compare     Segment, align and word-diff the files (each a version of the story).
    align       Align pre-split sentence pairs, one JSON object a line:
                {\"id\", \"a\": [sentences], \"b\": [sentences]} in,
                {\"id\", \"pred\": [[i, j], ...], \"pred_groups\": [[[i..], [j..]], ...]} out.
    batch       Compare many sets of versions on every core, one result a line:
                IN is JSON Lines, {\"id\", \"versions\": [{\"name\", \"text\", \"published\"?}]}
                a line ('-' for standard input), or a folder of story folders
                (each folder's .txt and .md files are one set). Out:
                {\"id\", \"report\"}, or {\"id\", \"error\"} for a set refused.

OPTIONS (compare):
    --format text|json   text: readable report with [-deleted-]{+inserted+} (default);
                         json: the full report (schema in docs/schema.md)
    --base N             the version the others are compared against (default 0)
    --presplit           each non-blank line is one sentence, taken as it is
    --ignore-case        treat upper and lower case as equal in word diffs
    --ignore-punctuation treat all punctuation as equal in word diffs
    --ignore-whitespace  treat all runs of whitespace as equal in word diffs

OPTIONS (batch):
    --out OUT            output file (default: standard output)
    --links              only what a researcher tabulates: each pair's links, overlaps
                         and relation, each figure group and its verdict
    --jobs N             threads (default: every core); a progress bar shows on a terminal

OPTIONS (align):
    --jsonl IN           input file ('-' for standard input)
    --out OUT            output file (default: standard output)
    --set NAME=VALUE     change one alignment setting, for experiments (repeatable);
                         names: the fields of AlignConfig (docs/alignment.md)
    --explain            instead of links, every candidate the evidence decision
                         weighed, with its features (what bench/learn.py learns from)

EXIT CODES:
    0  success
    1  the input was refused (too large, bad JSON, ...): the message says why;
       for batch, one set or more was refused (each says why on its line)
    2  wrong usage
    3  a file could not be read or written
";

/// A failure and the exit code that tells scripts what kind it was.
pub(crate) struct Failure(u8, String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(code, message)) => {
            eprintln!("variorum: {message}");
            if code == 2 {
                eprintln!("Try 'variorum --help'.");
            }
            ExitCode::from(code)
        }
    }
}

pub(crate) fn usage(msg: impl Into<String>) -> Failure {
    Failure(2, msg.into())
}

fn run(args: &[String]) -> Result<(), Failure> {
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{HELP}");
            Ok(())
        }
        Some("-V" | "--version") => {
            println!("variorum {} (report schema {})", env!("CARGO_PKG_VERSION"), variorum::report::SCHEMA_VERSION);
            Ok(())
        }
        Some("compare") => run_compare(&args[1..]),
        Some("align") => run_align(&args[1..]),
        Some("batch") => batch::run_batch(&args[1..]),
        Some(other) => Err(usage(format!("unknown command '{other}'"))),
    }
}

fn run_compare(args: &[String]) -> Result<(), Failure> {
    let mut options = CompareOptions::default();
    let mut json_format = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json_format = true,
                Some("text") => json_format = false,
                other => return Err(usage(format!("--format takes 'text' or 'json', not {other:?}"))),
            },
            "--base" => {
                let n = it.next().ok_or_else(|| usage("--base needs a number"))?;
                options.base = n.parse().map_err(|_| usage(format!("--base takes a version number, not '{n}'")))?;
            }
            "--presplit" => options.presplit = true,
            "--ignore-case" => options.diff.ignore_case = true,
            "--ignore-punctuation" => options.diff.ignore_punctuation = true,
            "--ignore-whitespace" => options.diff.ignore_whitespace = true,
            flag if flag.starts_with("--") => return Err(usage(format!("unknown option '{flag}'"))),
            file => files.push(file.to_string()),
        }
    }
    if files.is_empty() {
        return Err(usage("compare needs at least one FILE"));
    }
    let docs = files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).map_err(|e| Failure(3, format!("cannot read {f}: {e}")))?;
            let text = String::from_utf8(bytes).map_err(|_| Failure(1, format!("{f} is not UTF-8 text")))?;
            Ok(Document::new(file_name(f), text))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let report = compare(&docs, &options).map_err(|e| Failure(1, e.to_string()))?;
    let out = if json_format {
        serde_json::to_string_pretty(&report).map_err(|e| Failure(1, e.to_string()))? + "\n"
    } else {
        report.to_string()
    };
    write_out(None, &out)
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path).file_name().map_or(path.to_string(), |n| n.to_string_lossy().into_owned())
}

fn run_align(args: &[String]) -> Result<(), Failure> {
    let (mut input, mut output) = (None, None);
    let mut options = CompareOptions::default();
    let mut explain = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--set" => {
                let setting = it.next().ok_or_else(|| usage("--set needs NAME=VALUE"))?;
                let (name, value) = setting.split_once('=').ok_or_else(|| usage("--set needs NAME=VALUE"))?;
                options.align.set(name, value).map_err(usage)?;
            }
            "--explain" => explain = true,
            "--jsonl" => input = Some(it.next().ok_or_else(|| usage("--jsonl needs a file"))?.clone()),
            "--out" => output = Some(it.next().ok_or_else(|| usage("--out needs a file"))?.clone()),
            other => return Err(usage(format!("unknown argument '{other}'"))),
        }
    }
    let input = input.ok_or_else(|| usage("align needs --jsonl IN"))?;
    let reader = open_lines(&input)?;
    let mut out = String::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Failure(3, format!("cannot read {input}: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line).map_err(|e| Failure(1, format!("{input}:{}: {e}", n + 1)))?;
        out.push_str(
            &align_one(&value, &options, explain)
                .map_err(|e| Failure(1, format!("{input}:{}: {e}", n + 1)))?
                .to_string(),
        );
        out.push('\n');
    }
    write_out(output.as_deref(), &out)
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

/// A file's lines, or standard input's for '-'.
pub(crate) fn open_lines(input: &str) -> Result<Box<dyn BufRead>, Failure> {
    if input == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let f = std::fs::File::open(input).map_err(|e| Failure(3, format!("cannot read {input}: {e}")))?;
    Ok(Box::new(std::io::BufReader::new(f)))
}

fn write_out(path: Option<&str>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| Failure(3, format!("cannot write {p}: {e}"))),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout.write_all(text.as_bytes());
            Ok(())
        }
    }
}
