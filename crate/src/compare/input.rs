//! What a comparison takes: the versions, the options, and the limits it
//! refuses input beyond, with errors that say why.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::align::AlignConfig;
use crate::diff::DiffOptions;
use crate::provenance::parse_time;

/// Most versions one comparison takes (every pair is aligned: 100 versions
/// are 4,950 pairs, a few seconds).
pub const MAX_DOCUMENTS: usize = 100;
/// Largest version, in UTF-8 bytes (4 MiB: a very long feature is 100 KB).
pub const MAX_DOCUMENT_BYTES: usize = 4 << 20;
/// Largest comparison, all versions together, in UTF-8 bytes (8 MiB).
pub const MAX_TOTAL_BYTES: usize = 8 << 20;

/// One version of the story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// A name for people: outlet, date, revision.
    #[serde(default)]
    pub name: String,
    /// The raw text. Ignored when `sentences` is given.
    #[serde(default)]
    pub text: String,
    /// Already split sentences, taken as they are.
    #[serde(default)]
    pub sentences: Option<Vec<String>>,
    /// When it was published, ISO 8601 (`2024-08-01`, `2024-08-01T09:30:00+01:00`):
    /// the earlier of two related versions is the source. Read from a
    /// `date 2024-08-01` dateline when not given.
    #[serde(default)]
    pub published: Option<String>,
}

impl Document {
    /// A version from raw text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document { name: name.into(), text: text.into(), sentences: None, published: None }
    }

    /// A version already split into sentences.
    pub fn from_sentences(name: impl Into<String>, sentences: Vec<String>) -> Self {
        Document { name: name.into(), text: String::new(), sentences: Some(sentences), published: None }
    }
}

/// Settings of one comparison. Every field has a default, so `{}` is valid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields)]
pub struct CompareOptions {
    /// The version the others are compared against.
    pub base: usize,
    /// Treat each non-blank line of `text` as one sentence.
    pub presplit: bool,
    /// How words are compared in the diffs.
    pub diff: DiffOptions,
    /// Which pairs get word diffs: every pair, or only those with the base
    /// (all a view of the base needs; much less work for many versions).
    pub word_diffs: WordDiffs,
    /// Alignment settings: Rust-only, for experiments; the defaults are the
    /// one configuration every benchmark figure uses.
    #[serde(skip)]
    pub align: AlignConfig,
}

impl CompareOptions {
    /// Whether the pair of versions `a` and `b` gets word diffs.
    pub fn diffs_pair(&self, a: usize, b: usize) -> bool {
        self.word_diffs == WordDiffs::All || a == self.base || b == self.base
    }
}

/// Which pairs of versions get word diffs inside their links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum WordDiffs {
    /// Every pair.
    #[default]
    All,
    /// Only pairs with the base version; other pairs' links have empty `ops`.
    Base,
}

/// Why a comparison was refused. Its text is the message users see.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CompareError {
    /// No versions at all.
    NoDocuments,
    /// More versions than [`MAX_DOCUMENTS`].
    TooManyDocuments {
        /// How many were given.
        count: usize,
    },
    /// A version over [`MAX_DOCUMENT_BYTES`].
    DocumentTooLarge {
        /// Which version.
        index: usize,
        /// Its size in bytes.
        bytes: usize,
    },
    /// All versions together over [`MAX_TOTAL_BYTES`].
    InputTooLarge {
        /// Total size in bytes.
        bytes: usize,
    },
    /// `base` does not name a version.
    BaseOutOfRange {
        /// The base asked for.
        base: usize,
        /// How many versions there are.
        count: usize,
    },
    /// The input could not be read (from JSON or JavaScript).
    InvalidInput(String),
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mib = |b: usize| b as f64 / (1 << 20) as f64;
        match self {
            CompareError::NoDocuments => write!(f, "nothing to compare: give at least one version"),
            CompareError::TooManyDocuments { count } => {
                write!(f, "too many versions: {count} given, at most {MAX_DOCUMENTS} can be compared at once")
            }
            CompareError::DocumentTooLarge { index, bytes } => write!(
                f,
                "version {} is too large: {:.1} MiB, at most {:.0} MiB per version",
                index + 1,
                mib(*bytes),
                mib(MAX_DOCUMENT_BYTES)
            ),
            CompareError::InputTooLarge { bytes } => write!(
                f,
                "the versions are too large together: {:.1} MiB, at most {:.0} MiB",
                mib(*bytes),
                mib(MAX_TOTAL_BYTES)
            ),
            CompareError::BaseOutOfRange { base, count } => {
                write!(
                    f,
                    "base version {base} does not exist: there are {count} versions (0 to {})",
                    count.saturating_sub(1)
                )
            }
            CompareError::InvalidInput(why) => write!(f, "invalid input: {why}"),
        }
    }
}

impl std::error::Error for CompareError {}

/// Refuses input beyond the limits, with the reason.
pub(super) fn check_limits(docs: &[Document], options: &CompareOptions) -> Result<(), CompareError> {
    if docs.is_empty() {
        return Err(CompareError::NoDocuments);
    }
    if docs.len() > MAX_DOCUMENTS {
        return Err(CompareError::TooManyDocuments { count: docs.len() });
    }
    let size = |d: &Document| d.sentences.as_ref().map_or(d.text.len(), |s| s.iter().map(|x| x.len() + 1).sum());
    let mut total = 0;
    for (index, d) in docs.iter().enumerate() {
        let bytes = size(d);
        if bytes > MAX_DOCUMENT_BYTES {
            return Err(CompareError::DocumentTooLarge { index, bytes });
        }
        total += bytes;
    }
    if total > MAX_TOTAL_BYTES {
        return Err(CompareError::InputTooLarge { bytes: total });
    }
    if options.base >= docs.len() {
        return Err(CompareError::BaseOutOfRange { base: options.base, count: docs.len() });
    }
    for (k, d) in docs.iter().enumerate() {
        if let Some(p) = d.published.as_deref().filter(|p| parse_time(p).is_none()) {
            return Err(CompareError::InvalidInput(format!(
                "version {}: publication time '{p}' is not an ISO 8601 date such as 2024-08-01 or 2024-08-01T09:30:00Z",
                k + 1
            )));
        }
    }
    Ok(())
}
