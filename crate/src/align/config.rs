//! Every tuning value of the aligner, in one place. One configuration
//! serves every language and text type; `python3 bench/align.py --sweep`
//! scores the settings around it.

use serde::{Deserialize, Serialize};

use super::evidence::FEATURES;
use crate::terms::STEM_CHARS;

/// One fixed configuration for every language and text type. Serde names
/// its fields, so every front door lists and sets them from the struct
/// itself (`variorum align --set NAME=VALUE`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Least weighted Dice similarity for a one-to-one link.
    pub min_similarity: f32,
    /// Least share of the smaller sentence found in the larger for an extra (split/merge) link.
    pub min_containment: f32,
    /// Least share of the larger sentence covered by an extra link.
    pub min_cover: f32,
    /// Least share of a free sentence found in a linked neighbour's partner
    /// for it to join that link (the next part of a split or merge).
    pub attach: f32,
    /// Least similarity for a link between free sentences that are each
    /// other's best match within the gap between their neighbours' links.
    pub gap_similarity: f32,
    /// Least share of the weight a joining sentence shares with the link's
    /// partner that is new: not in the sentence already linked to it.
    pub attach_new: f32,
    /// Least number of shared content terms for an extra link.
    pub min_shared_terms: usize,
    /// Similarity at and above which a link is a minor edit.
    pub minor_edit: f32,
    /// Similarity at and above which a one-to-one link is a paraphrase.
    pub paraphrase: f32,
    /// How many of a sentence's rarest terms look up candidates.
    pub probe_terms: usize,
    /// Terms in more sentences than this are too common to look up candidates.
    pub max_postings: usize,
    /// Most candidates per sentence compared exactly (the best by shared weight).
    pub max_candidates: usize,
    /// Least similarity for a candidate to reach the evidence pass at all
    /// (below it, and with no sentence largely inside the other, a pair is
    /// dropped when candidates are made: it keeps their number bounded).
    pub evidence_similarity: f32,
    /// The evidence decision's weights, one per feature
    /// (`evidence::FEATURE_NAMES`), and its bias: learned by `bench/learn.py`.
    pub evidence_weights: [f32; FEATURES],
    /// See `evidence_weights`.
    pub evidence_bias: f32,
    /// Least score (0..1) of the evidence decision for a link.
    pub evidence_threshold: f32,
    /// Versions more related than this (share of weight linked by order)
    /// get no evidence pass: what order left apart, they do not share.
    pub evidence_max_related: f32,
    /// An evidence link must be among the best `evidence_rank + 1`
    /// candidates of both its sentences (a hard rule: a soft one learned
    /// from five stories does not hold on the sixth).
    pub evidence_rank: usize,
    /// What a function word weighs, as a share of its rarity weight. 0.3
    /// (session 4; 0.2 before): news-dev the same, DEplain groups 0.923 →
    /// 0.925 and Aesop 0.458 → 0.478 in the sweep before the fact pass; 0.1
    /// loses on every set.
    pub function_word_weight: f32,
    /// Characters a word stem keeps. 5: with 4, news-dev 0.564, seeds 0.836,
    /// DEplain groups 0.917; with 6, 0.568, 0.866, 0.920 (against 0.587,
    /// 0.882, 0.923 at 5, the sweep of session 4 before the fact pass).
    pub stem_chars: usize,
    /// Most anchors whose order chain is the exact heaviest one (quadratic);
    /// above it, the longest chain (n log n). 2,000 anchors is 2 million
    /// steps, a few milliseconds: a 100 KB article has about 1,000 sentences,
    /// so every real article gets the exact chain and 1 MB texts stay linear.
    pub exact_chain_max: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            min_similarity: 0.25,
            min_containment: 0.5,
            min_cover: 0.1,
            attach: 0.23,
            attach_new: 0.25,
            gap_similarity: 0.18,
            min_shared_terms: 2,
            minor_edit: 0.8,
            paraphrase: 0.5,
            probe_terms: 6,
            max_postings: 200,
            max_candidates: 24,
            evidence_similarity: 0.18,
            // `python3 bench/learn.py --l2 1000` (session 6).
            evidence_weights: [
                0.465, -0.239, -0.145, 1.164, 0.275, 0.123, 0.092, 1.121, 1.933, -0.089, -1.193, 0.611, 0.979,
            ],
            evidence_bias: -3.502,
            evidence_threshold: 0.42,
            evidence_rank: 1,
            evidence_max_related: 1.0,
            function_word_weight: 0.3,
            stem_chars: STEM_CHARS,
            exact_chain_max: 2000,
        }
    }
}
