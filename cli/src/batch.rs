//! `variorum batch`: many version sets, one result a line, on every core.
//!
//! Sets are read in chunks of a few per thread and compared in parallel
//! (rayon); results are written in input order as each chunk ends, so memory
//! holds only the sets in flight however long the corpus. A set the core
//! refuses is reported on its own line and the run goes on.

use std::io::{BufRead, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};
use variorum::tabulate::tabulate;
use variorum::{compare, CompareOptions, Document};

use crate::options::ComparisonArgs;
use crate::{open_lines, Failure};

/// Sets in flight per thread: enough to keep every core busy between writes.
const SETS_PER_THREAD: usize = 4;

/// One line of input: a set of versions of one story.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionSet {
    id: Value,
    versions: Vec<Document>,
}

/// Where the sets come from.
enum Source {
    Lines(Box<dyn BufRead>),
    /// Story folders, each one set: its `.txt` and `.md` files, by name.
    Folders(Vec<std::path::PathBuf>),
}

#[derive(Args)]
pub struct BatchArgs {
    /// JSON Lines ('-' for standard input) or a folder of story folders.
    #[arg(value_name = "IN")]
    input: String,
    /// Output file (default: standard output).
    #[arg(long, value_name = "OUT")]
    out: Option<PathBuf>,
    /// Only what a researcher tabulates: each pair's links, overlaps and
    /// relation, each figure group and its verdict.
    #[arg(long)]
    links: bool,
    /// Threads (default: every core).
    #[arg(long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    #[command(flatten)]
    options: ComparisonArgs,
}

pub fn run_batch(args: &BatchArgs) -> Result<(), Failure> {
    let (input, links, options) = (&args.input, args.links, args.options.options());
    let (source, total) = open(input)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, NonZeroUsize::get))
        .build()
        .map_err(|e| Failure(1, format!("cannot start threads: {e}")))?;
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => {
            Box::new(std::fs::File::create(p).map_err(|e| Failure(3, format!("cannot write {}: {e}", p.display())))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut sink = BufWriter::new(sink);
    // Drawn on a terminal only; quiet when standard error is piped.
    let bar = ProgressBar::with_draw_target(total.map(|n| n as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} sets · {per_sec} · {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let chunk = pool.current_num_threads() * SETS_PER_THREAD;
    let (mut done, mut refused) = (0usize, 0usize);
    let write = |sink: &mut BufWriter<Box<dyn Write>>, line: String| {
        writeln!(sink, "{line}").map_err(|e| Failure(3, format!("cannot write the results: {e}")))
    };
    let mut run_chunk = |sets: Vec<Result<VersionSet, (Value, String)>>, sink: &mut BufWriter<Box<dyn Write>>| {
        let lines: Vec<(bool, String)> =
            pool.install(|| sets.into_par_iter().map(|set| result_line(set, links, &options)).collect());
        for (ok, line) in lines {
            refused += usize::from(!ok);
            done += 1;
            write(sink, line)?;
        }
        bar.set_position(done as u64);
        Ok::<(), Failure>(())
    };
    match source {
        Source::Lines(reader) => {
            let mut sets = Vec::with_capacity(chunk);
            for (n, line) in reader.lines().enumerate() {
                let line = line.map_err(|e| Failure(3, format!("cannot read {input}: {e}")))?;
                if line.trim().is_empty() {
                    continue;
                }
                sets.push(parse_set(&line, n + 1));
                if sets.len() == chunk {
                    run_chunk(std::mem::take(&mut sets), &mut sink)?;
                }
            }
            run_chunk(sets, &mut sink)?;
        }
        Source::Folders(folders) => {
            for part in folders.chunks(chunk) {
                run_chunk(part.iter().map(|f| read_folder(f)).collect(), &mut sink)?;
            }
        }
    }
    sink.flush().map_err(|e| Failure(3, format!("cannot write the results: {e}")))?;
    bar.finish_and_clear();
    if refused > 0 {
        return Err(Failure(1, format!("{refused} of {done} sets were refused; each says why on its line")));
    }
    Ok(())
}

/// The sets of `input`, and how many there are when that is cheap to know.
fn open(input: &str) -> Result<(Source, Option<usize>), Failure> {
    if input == "-" {
        return Ok((Source::Lines(open_lines(input)?), None));
    }
    let path = Path::new(input);
    if path.is_dir() {
        let mut folders: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| Failure(3, format!("cannot read {input}: {e}")))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        folders.sort();
        let n = folders.len();
        return Ok((Source::Folders(folders), Some(n)));
    }
    // Counted for the progress bar by streaming, never by holding the file.
    let mut count = 0;
    for line in open_lines(input)?.split(b'\n') {
        let line = line.map_err(|e| Failure(3, format!("cannot read {input}: {e}")))?;
        count += usize::from(line.iter().any(|b| !b.is_ascii_whitespace()));
    }
    Ok((Source::Lines(open_lines(input)?), Some(count)))
}

fn parse_set(line: &str, number: usize) -> Result<VersionSet, (Value, String)> {
    serde_json::from_str(line).map_err(|e| {
        let id = serde_json::from_str::<Value>(line).ok().and_then(|v| v.get("id").cloned()).unwrap_or(Value::Null);
        (id, format!("line {number}: {e}"))
    })
}

/// A story folder as a set: its `.txt` and `.md` files, in name order.
fn read_folder(folder: &Path) -> Result<VersionSet, (Value, String)> {
    let id = Value::from(folder.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned()));
    let fail = |why: String| (id.clone(), why);
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map_err(|e| fail(format!("cannot read {}: {e}", folder.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    files.sort();
    let versions = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).map_err(|e| fail(format!("cannot read {}: {e}", f.display())))?;
            Ok(Document::new(f.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned()), text))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(VersionSet { id, versions })
}

/// One output line, and whether the set was compared (with the options of `compare`).
fn result_line(set: Result<VersionSet, (Value, String)>, links: bool, options: &CompareOptions) -> (bool, String) {
    let (id, outcome) = match set {
        Ok(set) => (set.id, compare(&set.versions, options).map_err(|e| e.to_string())),
        Err((id, why)) => (id, Err(why)),
    };
    let line = match &outcome {
        Ok(report) if links => json!({ "id": id, "links": tabulate(report) }),
        Ok(report) => json!({ "id": id, "report": report }),
        Err(why) => json!({ "id": id, "error": why }),
    };
    (outcome.is_ok(), line.to_string())
}
