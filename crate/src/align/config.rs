//! Every tuning value of the aligner, in one place. One configuration
//! serves every language and text type; `python3 bench/align.py --sweep`
//! scores the settings around it.

use crate::terms::STEM_CHARS;

/// One fixed configuration for every language and text type.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// Least similarity for a link on a shared fact (the last pass). 0.2:
    /// news-dev 0.702, seeds 0.886; at 0.18 news-dev 0.712 but seeds 0.861
    /// (one topic-phrase link), at 0.22 0.706 and 0.870 (session 4).
    pub fact_similarity: f32,
    /// Least weight a shared-fact link shares beyond names (content words,
    /// and figures at other precision, each counted as a rare word). 4.0:
    /// news-dev 0.702; 6.0: 0.701; 3.0: 0.672 and DEplain groups 0.917.
    pub fact_evidence: f32,
    /// Versions more related than this (share of weight linked by order)
    /// get no shared-fact pass: what order left apart, they do not share.
    /// Without it DEplain groups fall to 0.914; 0.5 and 0.7 change nothing
    /// on news-dev (its independent pairs sit at 0.09 to 0.55).
    pub fact_max_related: f32,
    /// A shared-fact link must be among the best `fact_rank + 1` candidates
    /// of both its sentences. 1: news-dev 0.703 at P 0.81; 2 and 3: 0.701,
    /// 0.702 at lower precision, seeds 0.838 and 0.827.
    pub fact_rank: usize,
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

impl AlignConfig {
    /// Sets one field by name, for experiments (`variorum align --set name=value`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let number = || value.parse::<f32>().map_err(|_| format!("{name} takes a number, not '{value}'"));
        let count = || value.parse::<usize>().map_err(|_| format!("{name} takes a whole number, not '{value}'"));
        match name {
            "min_similarity" => self.min_similarity = number()?,
            "min_containment" => self.min_containment = number()?,
            "min_cover" => self.min_cover = number()?,
            "attach" => self.attach = number()?,
            "gap_similarity" => self.gap_similarity = number()?,
            "attach_new" => self.attach_new = number()?,
            "min_shared_terms" => self.min_shared_terms = count()?,
            "minor_edit" => self.minor_edit = number()?,
            "paraphrase" => self.paraphrase = number()?,
            "probe_terms" => self.probe_terms = count()?,
            "max_postings" => self.max_postings = count()?,
            "max_candidates" => self.max_candidates = count()?,
            "fact_similarity" => self.fact_similarity = number()?,
            "fact_max_related" => self.fact_max_related = number()?,
            "fact_evidence" => self.fact_evidence = number()?,
            "fact_rank" => self.fact_rank = count()?,
            "function_word_weight" => self.function_word_weight = number()?,
            "stem_chars" => self.stem_chars = count()?,
            "exact_chain_max" => self.exact_chain_max = count()?,
            _ => return Err(format!("no alignment setting '{name}'")),
        }
        Ok(())
    }
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
            fact_similarity: 0.2,
            fact_rank: 1,
            fact_evidence: 4.0,
            fact_max_related: 0.6,
            function_word_weight: 0.3,
            stem_chars: STEM_CHARS,
            exact_chain_max: 2000,
        }
    }
}
