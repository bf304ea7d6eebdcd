//! One comparison's versions made ready to align: every sentence's terms
//! (compounds split) under weights counted over all versions. `compare`, the
//! native benchmark and the tests all prepare through here, so they align
//! exactly the same terms.

use super::{align, AlignConfig, Alignment, Indexed};
use crate::terms::{Role, SentenceTerms, Vocabulary, Weights};
use crate::tokenize::{tokenize, Token};

/// The versions' sentences as terms, and the terms' weights.
#[derive(Debug)]
pub struct Prepared {
    /// Each version's sentences, in order.
    pub terms: Vec<Vec<SentenceTerms>>,
    /// Weights counted over every sentence of every version.
    pub weights: Weights,
}

impl Prepared {
    /// Prepares versions given as sentences, each its tokens and its role.
    pub fn new<'t, V, S>(versions: V, config: &AlignConfig) -> Self
    where
        V: IntoIterator<Item = S>,
        S: IntoIterator<Item = (&'t [Token<'t>], Role)>,
    {
        let mut vocab = Vocabulary::new(config.stem_chars);
        let mut terms: Vec<Vec<SentenceTerms>> = versions
            .into_iter()
            .map(|sentences| sentences.into_iter().map(|(tokens, role)| vocab.add_tokens(tokens, role)).collect())
            .collect();
        vocab.split_compounds(terms.iter_mut().flatten());
        Prepared { terms, weights: vocab.weights(config.function_word_weight) }
    }

    /// Prepares versions given as plain sentences, all of them body text.
    pub fn from_sentences(versions: &[&[&str]], config: &AlignConfig) -> Self {
        let tokens: Vec<Vec<Vec<Token<'_>>>> =
            versions.iter().map(|v| v.iter().map(|s| tokenize(s)).collect()).collect();
        Prepared::new(tokens.iter().map(|v| v.iter().map(|t| (t.as_slice(), Role::Text))), config)
    }

    /// Each version indexed for alignment, once for all the pairs it is in.
    pub fn indexed(&self) -> Vec<Indexed<'_>> {
        self.terms.iter().map(|t| Indexed::new(t, &self.weights)).collect()
    }

    /// Aligns versions `a` and `b` (for one pair; [`Prepared::indexed`] serves many).
    pub fn align(&self, a: usize, b: usize, config: &AlignConfig) -> Alignment {
        let indexed = [&self.terms[a], &self.terms[b]].map(|t| Indexed::new(t, &self.weights));
        align(&indexed[0], &indexed[1], config)
    }
}
