//! The options every comparing subcommand shares, as `CompareOptions`
//! names them, and the aligner's settings for experiments, listed and set
//! through the settings struct's own serde names.

use std::sync::LazyLock;

use clap::{Args, ValueEnum};
use serde_json::Value;
use variorum::align::AlignConfig;
use variorum::{CompareOptions, WordDiffs};

/// How versions are compared: the fields of `CompareOptions`.
#[derive(Args, Clone, Debug, Default)]
pub struct ComparisonArgs {
    /// The version the others are compared against.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub base: usize,
    /// Each non-blank line is one sentence, taken as it is.
    #[arg(long)]
    pub presplit: bool,
    /// Treat upper and lower case as equal in word diffs.
    #[arg(long)]
    pub ignore_case: bool,
    /// Treat all punctuation as equal in word diffs.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Treat all runs of whitespace as equal in word diffs.
    #[arg(long)]
    pub ignore_whitespace: bool,
    /// Which pairs get word diffs: every pair, or only those with the base.
    #[arg(long, value_enum, default_value_t = Diffs::All)]
    pub word_diffs: Diffs,
}

/// `WordDiffs` as the command line spells it.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum Diffs {
    #[default]
    All,
    Base,
}

impl ComparisonArgs {
    pub fn options(&self) -> CompareOptions {
        let mut options = CompareOptions {
            base: self.base,
            presplit: self.presplit,
            word_diffs: match self.word_diffs {
                Diffs::All => WordDiffs::All,
                Diffs::Base => WordDiffs::Base,
            },
            ..CompareOptions::default()
        };
        options.diff.ignore_case = self.ignore_case;
        options.diff.ignore_punctuation = self.ignore_punctuation;
        options.diff.ignore_whitespace = self.ignore_whitespace;
        options
    }
}

/// The aligner's settings and their defaults, from the struct itself.
fn settings() -> serde_json::Map<String, Value> {
    as_map(&AlignConfig::default()).unwrap_or_default()
}

/// The settings as JSON, each number as short as its `f32` allows (0.23, not 0.23000000417).
fn as_map(config: &AlignConfig) -> Option<serde_json::Map<String, Value>> {
    match serde_json::from_str(&serde_json::to_string(config).ok()?) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// The help of `--set`: every setting with its default.
pub static SETTINGS_HELP: LazyLock<String> = LazyLock::new(|| {
    let mut help = String::from(
        "Change one alignment setting, for experiments (repeatable); \
         a list is given as numbers separated by commas. The settings and their defaults \
         (docs/alignment.md says what each does):\n",
    );
    for (name, value) in settings() {
        help.push_str(&format!("  {name} = {value}\n"));
    }
    help
});

/// Sets one setting by its name: `value` read as the setting's own kind.
pub fn set(config: &mut AlignConfig, setting: &str) -> Result<(), String> {
    let (name, value) = setting.split_once('=').ok_or_else(|| format!("--set takes NAME=VALUE, not '{setting}'"))?;
    let mut all = as_map(config).ok_or("the settings cannot be read")?;
    let Some(slot) = all.get_mut(name) else {
        let names: Vec<String> = settings().into_iter().map(|(name, _)| name).collect();
        return Err(format!("no alignment setting '{name}'; the settings are: {}", names.join(", ")));
    };
    let given = if slot.is_array() { format!("[{value}]") } else { value.to_string() };
    *slot = serde_json::from_str(&given).map_err(|_| format!("{name} takes a value like {slot}, not '{value}'"))?;
    *config = serde_json::from_value(Value::Object(all)).map_err(|e| format!("{name}: {e}"))?;
    Ok(())
}
