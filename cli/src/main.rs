//! `variorum`: the command-line door to the comparison core.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use variorum::{compare, Document};

mod align;
mod batch;
mod options;

use options::{ComparisonArgs, SETTINGS_HELP};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the input was refused (too large, bad JSON, ...): the message says why;
     for batch, one set or more was refused (each says why on its line)
  2  wrong usage
  3  a file could not be read or written";

/// Compare several versions of one news story.
#[derive(Parser)]
#[command(name = "variorum", version, after_help = EXIT_CODES, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Segment, align and word-diff the files (each a version of the story).
    #[command(after_help = EXIT_CODES)]
    Compare {
        /// text: a readable report with [-deleted-]{+inserted+}; json: the
        /// full report (schema in docs/schema.md).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        options: ComparisonArgs,
        /// The versions, one file each.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Align pre-split sentence pairs (the alignment benchmarks' format).
    ///
    /// One JSON object a line: {"id", "a": [sentences], "b": [sentences]} in,
    /// {"id", "pred": [[i, j], ...], "pred_groups": [[[i..], [j..]], ...]} out.
    #[command(after_help = EXIT_CODES)]
    Align(align::AlignArgs),
    /// Compare many sets of versions on every core, one result a line.
    ///
    /// IN is JSON Lines, {"id", "versions": [{"name", "text", "published"?}]}
    /// a line ('-' for standard input), or a folder of story folders (each
    /// folder's .txt and .md files are one set). Out: {"id", "report"}, or
    /// {"id", "error"} for a set refused. A progress bar shows on a terminal.
    #[command(after_help = EXIT_CODES)]
    Batch(batch::BatchArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A failure and the exit code that tells scripts what kind it was.
pub(crate) struct Failure(u8, String);

fn main() -> ExitCode {
    // The settings of `align --set` are listed from the aligner's own struct.
    let command = Cli::command().mut_subcommand("align", |c| c.mut_arg("set", |a| a.long_help(SETTINGS_HELP.as_str())));
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli.command) {
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

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Compare { format, options, files } => run_compare(format, &options, &files),
        Command::Align(args) => align::run_align(&args),
        Command::Batch(args) => batch::run_batch(&args),
    }
}

fn run_compare(format: Format, options: &ComparisonArgs, files: &[PathBuf]) -> Result<(), Failure> {
    let docs = files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).map_err(|e| Failure(3, format!("cannot read {}: {e}", f.display())))?;
            let text =
                String::from_utf8(bytes).map_err(|_| Failure(1, format!("{} is not UTF-8 text", f.display())))?;
            Ok(Document::new(file_name(f), text))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let report = compare(&docs, &options.options()).map_err(|e| Failure(1, e.to_string()))?;
    let out = match format {
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| Failure(1, e.to_string()))? + "\n",
        Format::Text => report.to_string(),
    };
    write_out(None, &out)
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// A file's lines, or standard input's for '-'.
pub(crate) fn open_lines(input: &str) -> Result<Box<dyn BufRead>, Failure> {
    if input == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let f = std::fs::File::open(input).map_err(|e| Failure(3, format!("cannot read {input}: {e}")))?;
    Ok(Box::new(std::io::BufReader::new(f)))
}

pub(crate) fn write_out(path: Option<&std::path::Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| Failure(3, format!("cannot write {}: {e}", p.display()))),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout.write_all(text.as_bytes());
            Ok(())
        }
    }
}
