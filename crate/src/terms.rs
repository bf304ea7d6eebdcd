//! Terms: what the aligner, figures and quotes compare words by.
//!
//! A word becomes a term: its stem (umlauts folded), or the figure it names
//! ("five" = "5"); a number is its own term. Terms are interned once per
//! comparison, counted per sentence, and weighted by rarity with function
//! words damped. Long words that end in another word of the comparison
//! (compounds) also carry that word's stem.

use foldhash::{HashMap, HashMapExt};

use crate::numbers::same_quantity;
use crate::tokenize::{normalize_into, tokenize, Token, TokenKind};
pub use crate::words::{fold_umlauts, is_stopword, stem, STEM_CHARS};

/// Interned term id.
pub type Term = u32;

/// Term statistics shared by all versions of one comparison.
#[derive(Debug)]
pub struct Vocabulary {
    /// Characters a stem keeps ([`stem`]).
    stem_chars: usize,
    ids: HashMap<String, Term>,
    /// Number of sentences (over all versions) holding each term.
    df: Vec<u32>,
    stop: Vec<bool>,
    /// How each term's words were written: [`CAPITAL`], [`LOWER`] or both.
    cases: Vec<u8>,
    sentences: u32,
    /// Distinct long words (folded), which may be compounds, and where each
    /// occurs: (sentence number, word number).
    long_words: HashMap<String, u32>,
    long_in: Vec<(u32, u32)>,
    /// Each distinct word or figure as written, read once: most words of a
    /// text recur, and reading one (normalise, stem, intern) is most of this pass.
    readings: HashMap<String, Reading>,
    /// Words of four letters or more inside sentences, and how many of them
    /// are capitalised: where most are, capitals mark nouns, not names.
    inner_words: u32,
    inner_capitals: u32,
    /// Buffers kept between sentences.
    scratch: Scratch,
}

/// [`Vocabulary::add_tokens`]'s buffers: a word's normal and folded forms
/// and its figure, and where each term was read inside quote marks.
#[derive(Debug, Default)]
struct Scratch {
    norm: String,
    folded: String,
    figure: String,
    inside: Vec<bool>,
}

/// Most distinct words whose readings are kept: far more than real copy has
/// (DEplain-web's 0.23 MB of originals hold 7,919), while versions of random
/// words, nearly all distinct, stay bounded (keeping every one doubled the
/// peak for 100 versions of 80 KB, 204 to 411 MiB; kept to this many, 217).
const READINGS_KEPT: usize = 1 << 16;

/// What one word or figure token reads as ([`Vocabulary::add_tokens`]).
#[derive(Debug)]
struct Reading {
    kind: TokenKind,
    /// Its normal form ([`normalize_into`]), which the fingerprint hashes.
    norm: Box<str>,
    term: Term,
    /// The figure's value, for a figure written in digits.
    value: Option<f64>,
    /// It opens a clause ("and", "which").
    opens: bool,
    /// Its number among the long words that may be compounds.
    long: Option<u32>,
}

/// What a sentence may link to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Role {
    /// Body text and bullets: linked on shared content.
    #[default]
    Text,
    /// A heading: linked only to a heading, and only when nearly the same.
    Heading,
    /// A dateline or page furniture: carries no fact of the story, never linked.
    Aside,
}

/// A sentence prepared for alignment.
#[derive(Debug, Clone, Default)]
pub struct SentenceTerms {
    /// Distinct terms, sorted by id.
    pub terms: Vec<Term>,
    /// What it may link to.
    pub role: Role,
    /// Normalised text, for identical detection.
    pub fingerprint: u64,
    /// Every figure written in digits: its value and its term, by value.
    pub figures: Vec<(f64, Term)>,
    /// Terms written with a capital inside this sentence ("the Organised
    /// Immigration Crime Summit"), sorted: names here, whatever they are elsewhere.
    pub capitals: Vec<Term>,
    /// The sentence's content terms in reading order, clause by clause:
    /// clause `k` is `sequence[clause_starts[k]..clause_starts[k + 1]]` (the
    /// last runs to the end). Clauses end at commas, colons, semicolons,
    /// brackets, dashes and quote marks, and before a conjunction.
    pub sequence: Vec<Term>,
    /// Where each clause of `sequence` starts.
    pub clause_starts: Vec<u32>,
    /// Each two content terms read one after the other, as one number, sorted:
    /// what two sentences share of these is a shared phrase, not only shared words.
    pub phrases: Vec<u64>,
    /// Those of `phrases` read inside quote marks: a quoted phrase two
    /// outlets share is one utterance, however short.
    pub quoted: Vec<u64>,
}

impl SentenceTerms {
    /// The clauses of [`SentenceTerms::sequence`], in order.
    pub fn clauses(&self) -> impl Iterator<Item = &[Term]> + '_ {
        let end = self.sequence.len() as u32;
        self.clause_starts
            .iter()
            .enumerate()
            .map(move |(k, &s)| &self.sequence[s as usize..*self.clause_starts.get(k + 1).unwrap_or(&end) as usize])
    }
}

/// Punctuation that ends a clause.
pub(crate) fn ends_clause(punct: &str) -> bool {
    punct.chars().any(|c| {
        matches!(
            c,
            ',' | ';'
                | ':'
                | '('
                | ')'
                | '\u{2013}'
                | '\u{2014}'
                | '"'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{201E}'
                | '\u{00AB}'
                | '\u{00BB}'
        )
    })
}

/// Conjunctions that open a clause (English and German, the languages the
/// benchmarks hold; elsewhere punctuation alone splits).
fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "but"
            | "while"
            | "whereas"
            | "which"
            | "who"
            | "after"
            | "before"
            | "because"
            | "although"
            | "when"
            | "und"
            | "aber"
            | "während"
            | "weil"
            | "dass"
            | "nachdem"
            | "obwohl"
            | "sowie"
    )
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary::new(STEM_CHARS)
    }
}

impl Vocabulary {
    /// An empty vocabulary whose stems keep `stem_chars` characters.
    pub fn new(stem_chars: usize) -> Self {
        Vocabulary {
            stem_chars,
            ids: HashMap::new(),
            df: Vec::new(),
            stop: Vec::new(),
            cases: Vec::new(),
            sentences: 0,
            long_words: HashMap::new(),
            long_in: Vec::new(),
            readings: HashMap::new(),
            inner_words: 0,
            inner_capitals: 0,
            scratch: Default::default(),
        }
    }

    /// The id of a term (a stem or a figure), if any sentence holds it.
    pub fn id(&self, term: &str) -> Option<Term> {
        self.ids.get(term).copied()
    }

    /// Interns the terms of one sentence and counts it.
    pub fn add(&mut self, sentence: &str, role: Role) -> SentenceTerms {
        self.add_tokens(&tokenize(sentence), role)
    }

    /// [`Vocabulary::add`] for a sentence already tokenised.
    pub fn add_tokens(&mut self, tokens: &[Token<'_>], role: Role) -> SentenceTerms {
        // Sized once: growing them word by word was a tenth of this pass.
        let words = tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count();
        let mut terms: Vec<Term> = Vec::with_capacity(words);
        let mut figures: Vec<(f64, Term)> = Vec::new();
        let mut capitals: Vec<Term> = Vec::new();
        let mut fingerprint = Fnv::default();
        let Scratch { mut norm, mut folded, mut figure, mut inside } = std::mem::take(&mut self.scratch);
        let (mut sequence, mut clause_starts) = (Vec::with_capacity(words), vec![0u32]);
        let mut boundary = false;
        // Where each term of `sequence` was read inside quote marks.
        inside.clear();
        let mut in_quote = false;
        for token in tokens {
            if token.kind == TokenKind::Punct && ends_clause(token.text) {
                boundary = true;
                for c in token.text.chars() {
                    match c {
                        '\u{201C}' | '\u{201E}' | '\u{00AB}' => in_quote = true,
                        '\u{201D}' | '\u{00BB}' => in_quote = false,
                        '"' => in_quote = !in_quote,
                        _ => {}
                    }
                }
            }
            if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            let unkept;
            let reading = match self.readings.get(token.text).filter(|r| r.kind == token.kind) {
                Some(r) => r,
                None => {
                    let r = self.read(token, (&mut norm, &mut folded, &mut figure));
                    if self.readings.len() < READINGS_KEPT {
                        self.readings.entry(token.text.to_string()).insert_entry(r).into_mut()
                    } else {
                        unkept = r;
                        &unkept
                    }
                }
            };
            let Reading { term: id, value, opens, long, .. } = *reading;
            fingerprint.write(reading.norm.as_bytes());
            boundary |= opens;
            if std::mem::take(&mut boundary) && clause_starts.last() != Some(&(sequence.len() as u32)) {
                clause_starts.push(sequence.len() as u32);
            }
            if let Some(number) = long {
                self.long_in.push((self.sentences, number));
            }
            if let Some(value) = value {
                figures.push((value, id));
            }
            if token.kind == TokenKind::Word {
                let capital = token.text.starts_with(char::is_uppercase);
                self.cases[id as usize] |= if capital { CAPITAL } else { LOWER };
                if !terms.is_empty() {
                    if capital {
                        capitals.push(id);
                    }
                    if token.text.chars().nth(3).is_some() {
                        self.inner_words += 1;
                        self.inner_capitals += u32::from(capital);
                    }
                }
            }
            terms.push(id);
            if !self.stop[id as usize] {
                sequence.push(id);
                inside.push(in_quote);
            }
        }
        if clause_starts.len() > 1 && clause_starts.last() == Some(&(sequence.len() as u32)) {
            clause_starts.pop();
        }
        let pair = |k: usize| (u64::from(sequence[k]) << 32) | u64::from(sequence[k + 1]);
        let mut phrases: Vec<u64> = (0..sequence.len().saturating_sub(1)).map(pair).collect();
        let mut quoted: Vec<u64> =
            (0..sequence.len().saturating_sub(1)).filter(|&k| inside[k] && inside[k + 1]).map(pair).collect();
        self.scratch = Scratch { norm, folded, figure, inside };
        for list in [&mut phrases, &mut quoted] {
            list.sort();
            list.dedup();
        }
        capitals.sort();
        capitals.dedup();
        figures.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        figures.dedup();
        // Stable sorts of plain values across the core, not `sort_unstable`:
        // in wasm each unstable instantiation is about twice the code (eight
        // of them cost 1 to 1.4 KiB of the gzipped download); speed the same.
        terms.sort();
        terms.dedup();
        for &t in &terms {
            self.df[t as usize] += 1;
        }
        self.sentences += 1;
        SentenceTerms {
            terms,
            role,
            fingerprint: fingerprint.0,
            figures,
            capitals,
            sequence,
            clause_starts,
            phrases,
            quoted,
        }
    }

    /// Reads a word or figure token met for the first time, numbering its
    /// term (and its long word) if they are new. The buffers are scratch.
    fn read(&mut self, token: &Token<'_>, (norm, folded, figure): (&mut String, &mut String, &mut String)) -> Reading {
        normalize_into(token, norm);
        let (term, value) = term_text(token, norm, self.stem_chars, (folded, figure));
        let id = intern(&mut self.ids, term);
        let long = (token.kind == TokenKind::Word && norm.len() >= LONG_WORD).then(|| {
            let word = if norm.is_ascii() { norm.as_str() } else { folded.as_str() };
            intern(&mut self.long_words, word)
        });
        if id as usize == self.df.len() {
            self.df.push(0);
            self.stop.push(is_stopword(norm));
            self.cases.push(0);
        }
        Reading { kind: token.kind, norm: norm.as_str().into(), term: id, value, opens: opens_clause(norm), long }
    }

    /// Compounds meet their parts: a long word that ends in another word of
    /// the comparison ("Wassersport", "Sport") also carries that word's stem
    /// (its head is in its own stem already). `sentences` in the order they were added.
    pub fn split_compounds<'s>(&mut self, sentences: impl Iterator<Item = &'s mut SentenceTerms>) {
        // Each distinct word's part, found once: its longest ending of four
        // letters or more, after three or more, that is a word's stem here.
        let mut parts = vec![None; self.long_words.len()];
        for (word, &k) in &self.long_words {
            parts[k as usize] = word
                .char_indices()
                .skip(3)
                .map(|(at, _)| &word[at..])
                .take_while(|part| part.chars().nth(3).is_some())
                .find_map(|part| self.ids.get(stem(part, self.stem_chars)).copied());
        }
        let mut occurrences = std::mem::take(&mut self.long_in).into_iter().peekable();
        for (number, sentence) in sentences.enumerate() {
            while let Some((_, k)) = occurrences.next_if(|&(n, _)| n as usize == number) {
                let Some(id) = parts[k as usize] else { continue };
                if let Err(at) = sentence.terms.binary_search(&id) {
                    sentence.terms.insert(at, id);
                    self.df[id as usize] += 1;
                }
            }
        }
    }

    /// Whether capitals inside sentences mark names: in English they do (a
    /// tenth to a fifth of longer words are capitalised in news copy); in
    /// German every noun has one (nearly half), so none of them is a name.
    fn capitals_mark_names(&self) -> bool {
        self.inner_capitals * 3 <= self.inner_words
    }

    /// Weight of each term: inverse document frequency, function words
    /// multiplied by `function_word_weight`.
    pub fn weights(&self, function_word_weight: f32) -> Weights {
        let n = self.sentences.max(1) as f32;
        let weight = self
            .df
            .iter()
            .zip(&self.stop)
            .map(|(&df, &stop)| {
                let idf = (1.0 + n / df.max(1) as f32).ln();
                if stop {
                    idf * function_word_weight
                } else {
                    idf
                }
            })
            .collect();
        // A name: a word never written in lower case, where capitals mark names.
        let names = self.capitals_mark_names();
        let name = self.cases.iter().map(|&c| names && c == CAPITAL).collect();
        Weights { weight, function_word: self.stop.clone(), name, names_marked: names }
    }
}

/// Each term's weight (`weights[term as usize]`), and whether it is a function word.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    weight: Vec<f32>,
    function_word: Vec<bool>,
    name: Vec<bool>,
    names_marked: bool,
}

impl Weights {
    /// Whether `t` is a name ("Kiptum") in either sentence: never written
    /// in lower case, or capitalised inside one of them ("Crime Summit").
    /// Shared alone, a name is the story's topic, not one of its facts.
    pub fn is_name(&self, t: Term, x: &SentenceTerms, y: &SentenceTerms) -> bool {
        self.names_marked
            && (self.name[t as usize] || x.capitals.binary_search(&t).is_ok() || y.capitals.binary_search(&t).is_ok())
    }

    /// Whether `t` carries content (is not a function word).
    pub fn is_content(&self, t: Term) -> bool {
        !self.function_word[t as usize]
    }
}

impl std::ops::Index<usize> for Weights {
    type Output = f32;
    fn index(&self, t: usize) -> &f32 {
        &self.weight[t]
    }
}

/// The number of `key` in `map`, numbering it next if it is new; no copy of
/// the key is made when it is there already (nearly always).
fn intern(map: &mut HashMap<String, u32>, key: &str) -> u32 {
    if let Some(&k) = map.get(key) {
        return k;
    }
    let k = map.len() as u32;
    map.insert(key.to_string(), k);
    k
}

/// How a term's words were written ([`Vocabulary`]'s `cases`).
const CAPITAL: u8 = 1;
const LOWER: u8 = 2;

/// Words of at least this many bytes may be compounds.
const LONG_WORD: usize = 8;

/// The term a word or number token is read as: the figure it names ("5%",
/// "five" and "5" are all "5") with its value, or its stem. `norm` is the
/// token normalised ([`normalize_into`]); `folded` and `figure` are buffers
/// the term may be read into.
pub fn term_text<'s>(
    token: &Token<'_>,
    norm: &'s str,
    stem_chars: usize,
    (folded, figure): (&'s mut String, &'s mut String),
) -> (&'s str, Option<f64>) {
    if token.kind == TokenKind::Number {
        return match figure_value(token.text, figure) {
            Some(value) => (figure.as_str(), Some(value)),
            None => (norm, None),
        };
    }
    if number_word(norm, figure).is_some() {
        return (figure.as_str(), None);
    }
    if norm.is_ascii() {
        return (stem(norm, stem_chars), None);
    }
    fold_umlauts(norm, folded);
    (stem(folded, stem_chars), None)
}

/// A figure's value, and its term into `out`: the number itself, with its
/// currency and percent sign dropped and its scale applied, so "5%" meets
/// "five per cent" and "£33m" meets "£33 million"; a time keeps its colon
/// ("12.50pm" and "12:50pm" are both "12:50"). `None` for a figure it cannot read.
pub fn figure_value(text: &str, out: &mut String) -> Option<f64> {
    let lower;
    let text = if text.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = text.to_ascii_lowercase();
        lower.as_str()
    } else {
        text
    };
    // A currency sign, and the letters before a dollar sign ("us$", "a$"), say nothing of the value.
    let body = text.trim_start_matches(|c: char| c.is_ascii_lowercase()).trim_start_matches(['£', '$', '€', '¥', '₹']);
    let digits = body.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':')).unwrap_or(body.len());
    let (number, suffix) = body.split_at(digits);
    let number = number.trim_end_matches('.');
    out.clear();
    let clock = matches!(suffix, "am" | "pm" | "a.m" | "p.m" | "a.m." | "p.m.");
    if number.contains(':') || (clock && number.contains('.')) {
        out.extend(number.chars().map(|c| if c == '.' { ':' } else { c }));
        return number.split([':', '.']).next()?.parse().ok();
    }
    let (number, scale, _, _) = crate::numbers::number_and_scale(body)?;
    let value = number * scale;
    use std::fmt::Write;
    let _ = write!(out, "{value}");
    Some(value)
}

/// For each figure of `x`, a figure of `y` written otherwise that may state
/// the same quantity ("11,316" and "11,300"), as their two terms. Both
/// sorted by value; a few steps per figure, so a line of numbers stays linear.
pub fn near_figures<'a>(x: &'a [(f64, Term)], y: &'a [(f64, Term)]) -> impl Iterator<Item = (Term, Term)> + 'a {
    x.iter().filter_map(move |&(p, tp)| {
        same_quantity_in(y, p, |&(q, _)| q).find(|&&(_, tq)| tq != tp).map(|&(_, tq)| (tp, tq))
    })
}

/// The entries of `sorted` (by `value`) that may state the quantity `p`
/// ([`same_quantity`]): looked for a few steps from where `p` would stand,
/// so a line of numbers stays linear.
pub(crate) fn same_quantity_in<T>(sorted: &[T], p: f64, value: impl Fn(&T) -> f64 + Copy) -> impl Iterator<Item = &T> {
    let from = sorted.partition_point(|x| value(x) < p - 0.03 * p.abs());
    sorted[from..]
        .iter()
        .take(8)
        .take_while(move |x| value(x) <= p + 0.03 * p.abs())
        .filter(move |x| same_quantity(p, value(x)))
}

/// A number written as a word, as the figure's term into `out`: "five",
/// "fifth", "fünf" and "fünfter" all meet "5". Up to a hundred: a scale
/// word ("million") stays a word, as it is a part of a figure.
pub fn number_word(word: &str, out: &mut String) -> Option<()> {
    let value = crate::numbers::word_value(word).filter(|&v| v <= 100.0)?;
    use std::fmt::Write;
    out.clear();
    let _ = write!(out, "{value}");
    Some(())
}

/// FNV-1a: a small, stable hash for fingerprints (same on every platform).
#[derive(Debug)]
pub(crate) struct Fnv(pub(crate) u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain(std::iter::once(&0x1f)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_meet_figures() {
        let mut vocab = Vocabulary::default();
        let [x, y, z] = ["Ein fünfter Tag", "Die Leute achten darauf", "Der 5. Tag, der 8. Tag"]
            .map(|s| vocab.add(s, Role::Text).terms);
        assert!(x.contains(&vocab.ids["5"]) && z.contains(&vocab.ids["5"]), "fünfter = 5");
        assert!(!y.contains(&vocab.ids["8"]), "the verb achten is not a number");
        let [five, fifth] = ["five people", "the fifth person"].map(|s| vocab.add(s, Role::Text).terms);
        assert_eq!(five[0], fifth[0]);
    }

    #[test]
    fn compounds_meet_their_parts() {
        let mut vocab = Vocabulary::default();
        let mut sentences = ["Der Wassersport ist beliebt.", "Sport auf dem Wasser.", "Das Stipendienprogramm."]
            .map(|s| vocab.add(s, Role::Text));
        vocab.split_compounds(sentences.iter_mut());
        let [compound, parts, unrelated] = sentences.map(|s| s.terms);
        let (water, sport) = (vocab.ids["wasse"], vocab.ids["sport"]);
        assert!(compound.contains(&water) && compound.contains(&sport), "head by its stem, tail by the split");
        assert!(parts.contains(&sport));
        assert_eq!(unrelated.len(), 2, "no part of it is a word here");
    }

    #[test]
    fn figures_meet_across_styles() {
        let mut vocab = Vocabulary::default();
        let [percent, words, millions, short, clock, dotted] =
            ["rose 5%", "rose five per cent", "£33 million", "£33m", "at 12:50pm", "at 12.50pm"]
                .map(|s| vocab.add(s, Role::Text));
        assert!(percent.terms.iter().any(|t| words.terms.contains(t)), "5% = five");
        assert_eq!(millions.terms, short.terms);
        assert_eq!(millions.figures[0].0, 33e6);
        assert!(clock.terms.iter().any(|t| dotted.terms.contains(t) && vocab.id("12:50") == Some(*t)));
    }

    #[test]
    fn names_are_words_never_in_lower_case() {
        let mut vocab = Vocabulary::default();
        vocab.add("The Bank of England cut the interest rate today.", Role::Text);
        vocab.add("Kelvin Kiptum's bank said the rate was the lowest.", Role::Text);
        let rates = vocab.add("Rates fell.", Role::Text);
        let weights = vocab.weights(0.3);
        let name = |w: &str| weights.is_name(vocab.id(w).unwrap(), &rates, &rates);
        assert!(name("engla") && name("kelvi") && name("kiptu"), "capitals only, at the start of a sentence too");
        assert!(!name("bank") && !name("the") && !name("rate"), "also written in lower case");
        let bank = vocab.add("The Bank cut.", Role::Text);
        assert!(weights.is_name(vocab.id("bank").unwrap(), &bank, &rates), "capitalised inside this sentence");
        let mut german = Vocabulary::default();
        let s = german.add("Der Hund und die Katze spielen im Garten mit dem Ball.", Role::Text);
        let weights = german.weights(0.3);
        assert!(
            !weights.is_name(german.id("katze").unwrap(), &s, &s),
            "capitals mark every German noun: none is a name"
        );
    }

    #[test]
    fn figures_at_other_precision() {
        assert!(same_quantity(11316.0, 11300.0));
        assert!(same_quantity(28639.0, 28000.0));
        assert!(!same_quantity(2013.0, 2014.0), "years are exact");
        assert!(!same_quantity(5.0, 5.25));
    }

    #[test]
    fn umlauts_fold_for_matching_only() {
        let mut vocab = Vocabulary::default();
        let [strength, strong] = ["Stärke", "stark"].map(|s| vocab.add(s, Role::Text));
        assert_eq!(strength.terms, strong.terms);
        assert_ne!(strength.fingerprint, strong.fingerprint, "identical means identical as written");
    }
}
