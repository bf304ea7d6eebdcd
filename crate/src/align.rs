//! Sentences of two versions -> links (one-to-one, splits, merges, moves).
//!
//! Each sentence becomes a set of terms (word stems and whole numbers),
//! weighted by how rare they are across every version being compared, with
//! function words damped. Candidates come from an inverted index of each
//! sentence's rarest terms, so cost grows with text length rather than with
//! the product of sentence counts. Then:
//!
//! 1. anchors: sentence pairs that are each other's best match;
//! 2. the heaviest chain of anchors that keeps both versions' order; an
//!    anchor off the chain survives, as a *move*, if it is at least a paraphrase;
//! 3. inside the corridor the chain leaves between neighbouring anchors:
//!    more one-to-one links, then links where one sentence is largely
//!    contained in the other (the parts of a split or a merge).
//!
//! Connected links form units (`a` sentences x `b` sentences).

use foldhash::{HashMap, HashMapExt};

use serde::{Deserialize, Serialize};

use crate::tokenize::{normalize_into, tokenize, Token, TokenKind};

/// Interned term id.
type Term = u32;

/// How close two linked sentences are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LinkKind {
    /// The same words (case, quote marks, punctuation and spacing aside).
    Identical,
    /// A few words changed.
    MinorEdit,
    /// The same content in other words.
    Paraphrase,
    /// Part of one sentence is in the other (splits, merges, shared clauses).
    Partial,
}

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
            gap_similarity: 0.2,
            min_shared_terms: 2,
            minor_edit: 0.8,
            paraphrase: 0.5,
            probe_terms: 6,
            max_postings: 200,
            max_candidates: 24,
        }
    }
}

/// Term statistics shared by all versions of one comparison.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, Term>,
    /// Number of sentences (over all versions) holding each term.
    df: Vec<u32>,
    stop: Vec<bool>,
    sentences: u32,
    /// Distinct long words (folded), which may be compounds, and where each
    /// occurs: (sentence number, word number).
    long_words: HashMap<String, u32>,
    long_in: Vec<(u32, u32)>,
    /// Buffers for normal and folded forms, kept between sentences.
    scratch: (String, String),
}

/// A sentence prepared for alignment.
#[derive(Debug, Clone, Default)]
pub struct SentenceTerms {
    /// Distinct terms, sorted by id.
    pub terms: Vec<Term>,
    /// Whether the sentence may link only to sentences of the same kind at
    /// minor-edit similarity (headings, boilerplate, datelines).
    pub furniture: bool,
    /// Normalised text, for identical detection.
    pub fingerprint: u64,
}

impl Vocabulary {
    /// Interns the terms of one sentence and counts it.
    pub fn add(&mut self, sentence: &str, furniture: bool) -> SentenceTerms {
        self.add_tokens(&tokenize(sentence), furniture)
    }

    /// [`Vocabulary::add`] for a sentence already tokenised.
    pub fn add_tokens(&mut self, tokens: &[Token<'_>], furniture: bool) -> SentenceTerms {
        let mut terms: Vec<Term> = Vec::new();
        let mut fingerprint = Fnv::default();
        let (mut norm, mut folded) = std::mem::take(&mut self.scratch);
        for token in tokens {
            if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            normalize_into(token, &mut norm);
            fingerprint.write(norm.as_bytes());
            let stem = match token.kind {
                TokenKind::Number => &norm,
                _ => match number_word(&norm) {
                    Some(figure) => figure,
                    None if norm.is_ascii() => stem(&norm),
                    None => {
                        fold_umlauts(&norm, &mut folded);
                        stem(&folded)
                    }
                },
            };
            if token.kind == TokenKind::Word && norm.len() >= LONG_WORD {
                let word = if norm.is_ascii() { norm.as_str() } else { folded.as_str() };
                let number = intern(&mut self.long_words, word);
                self.long_in.push((self.sentences, number));
            }
            let id = intern(&mut self.ids, stem);
            if id as usize == self.df.len() {
                self.df.push(0);
                self.stop.push(is_stopword(&norm));
            }
            terms.push(id);
        }
        self.scratch = (norm, folded);
        // Stable sorts of plain values across the core, not `sort_unstable`:
        // in wasm each unstable instantiation is about twice the code (eight
        // of them cost 1 to 1.4 KiB of the gzipped download); speed the same.
        terms.sort();
        terms.dedup();
        for &t in &terms {
            self.df[t as usize] += 1;
        }
        self.sentences += 1;
        SentenceTerms { terms, furniture, fingerprint: fingerprint.0 }
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
                .find_map(|part| self.ids.get(stem(part)).copied());
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

    /// Weight of each term: inverse document frequency, function words damped.
    pub fn weights(&self) -> Weights {
        let n = self.sentences.max(1) as f32;
        let weight = self
            .df
            .iter()
            .zip(&self.stop)
            .map(|(&df, &stop)| {
                let idf = (1.0 + n / df.max(1) as f32).ln();
                if stop {
                    idf * 0.2
                } else {
                    idf
                }
            })
            .collect();
        Weights { weight, function_word: self.stop.clone() }
    }
}

/// Each term's weight (`weights[term as usize]`), and whether it is a function word.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    weight: Vec<f32>,
    function_word: Vec<bool>,
}

impl Weights {
    fn is_content(&self, t: Term) -> bool {
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

/// Words of at least this many bytes may be compounds.
const LONG_WORD: usize = 8;

/// Word stem good enough for matching inflections in English and German:
/// a plural or possessive `s` dropped, then the first five characters
/// ("smugglers" ~ "smuggling", "fines" ~ "fine"). The caller folds umlauts first.
/// Figures are grouped by the same stems of what they count.
pub(crate) fn stem(word: &str) -> &str {
    let word = word.strip_suffix("'s").unwrap_or(word);
    let word = match word.strip_suffix('s') {
        Some(w) if w.chars().count() >= 3 && !w.ends_with('s') => w,
        _ => word,
    };
    word.char_indices().nth(5).map_or(word, |(end, _)| &word[..end])
}

/// German umlauts and ß folded, for matching only: "Stärke" meets "stark",
/// "Straße" "Strasse".
fn fold_umlauts(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            _ => out.push(c),
        }
    }
}

/// A number written as a word, as the figure: "five", "fifth", "fünf" and
/// "fünfter" all meet "5". English and German, up to twelve, and the tens.
fn number_word(word: &str) -> Option<&'static str> {
    // Not "one" or "ein" (articles too), nor "achten" (also "to heed").
    Some(match word {
        "two" | "second" | "zwei" | "zweite" | "zweiter" | "zweiten" | "zweites" => "2",
        "three" | "third" | "drei" | "dritte" | "dritter" | "dritten" | "drittes" => "3",
        "four" | "fourth" | "vier" | "vierte" | "vierter" | "vierten" | "viertes" => "4",
        "five" | "fifth" | "fünf" | "fünfte" | "fünfter" | "fünften" | "fünftes" => "5",
        "six" | "sixth" | "sechs" | "sechste" | "sechster" | "sechsten" | "sechstes" => "6",
        "seven" | "seventh" | "sieben" | "siebte" | "siebter" | "siebten" | "siebtes" => "7",
        "eight" | "eighth" | "acht" | "achte" | "achter" | "achtes" => "8",
        "nine" | "ninth" | "neun" | "neunte" | "neunter" | "neunten" | "neuntes" => "9",
        "ten" | "tenth" | "zehn" | "zehnte" | "zehnter" | "zehnten" | "zehntes" => "10",
        "eleven" | "eleventh" | "elf" | "elfte" | "elfter" | "elften" | "elftes" => "11",
        "twelve" | "twelfth" | "zwölf" | "zwölfte" | "zwölfter" | "zwölften" | "zwölftes" => "12",
        "twenty" | "zwanzig" => "20",
        "thirty" | "dreißig" => "30",
        "forty" | "vierzig" => "40",
        "fifty" | "fünfzig" => "50",
        "hundred" | "hundert" => "100",
        _ => return None,
    })
}

/// Function words of English and German: they connect, they do not carry content.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we",
    "you", "i", "his", "her", "their", "our", "has", "have", "had", "will", "would", "can", "could", "should", "not",
    "no", "so", "than", "then", "there", "which", "who", "whom", "what", "when", "where", "also", "into", "over",
    "after", "about", "up", "out", "all", "said", "says", "him", "them", "us", "do", "does", "did", "if", "s", "der",
    "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "aber", "in", "im",
    "am", "an", "auf", "mit", "von", "zu", "zum", "zur", "für", "ist", "sind", "war", "hat", "haben", "es", "er",
    "sie", "wir", "ich", "nicht", "sich", "auch", "dass", "wie", "so", "bei", "aus", "nach", "wird", "werden", "kann",
    "man", "noch",
];

fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// FNV-1a: a small, stable hash for fingerprints (same on every platform).
#[derive(Debug)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain(std::iter::once(&0x1f)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A set of linked sentences: `a` of the first version, `b` of the second.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Sentence indices in the first version, ascending.
    pub a: Vec<usize>,
    /// Sentence indices in the second version, ascending.
    pub b: Vec<usize>,
    /// Similarity of the unit's best link, 0..1.
    pub score: f32,
    /// How close the unit's sentences are.
    pub kind: LinkKind,
    /// The unit is out of the order the rest of the text keeps.
    pub moved: bool,
}

/// The links between two versions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Linked units, in order of their first `a` sentence.
    pub units: Vec<Unit>,
    /// Sentences of the first version with no counterpart.
    pub unmatched_a: Vec<usize>,
    /// Sentences of the second version with no counterpart.
    pub unmatched_b: Vec<usize>,
    /// Share of both versions' term weight that lies in linked sentences, 0..1.
    pub similarity: f32,
}

/// A candidate link with its overlap measures.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    i: usize,
    j: usize,
    dice: f32,
    /// Share of `a[i]`'s weight found in `b[j]`.
    in_a: f32,
    /// Share of `b[j]`'s weight found in `a[i]`.
    in_b: f32,
    shared: usize,
    identical: bool,
}

/// One version's sentences, prepared once for all the pairs it is in: term
/// weights summed per sentence, and an index from terms (and fingerprints)
/// to sentences.
#[derive(Debug)]
pub struct Indexed<'a> {
    sentences: &'a [SentenceTerms],
    weights: &'a Weights,
    mass: Vec<f32>,
    /// This version's own terms, numbered from 0: memory follows the
    /// version's size, not the whole comparison's vocabulary.
    local: HashMap<Term, u32>,
    /// Sentences holding each local term `l`: `postings[starts[l]..starts[l + 1]]`.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Each sentence's terms as local numbers, in the order of its `terms`:
    /// sentence `j` has `local_terms[term_starts[j]..term_starts[j + 1]]`.
    term_starts: Vec<u32>,
    local_terms: Vec<u32>,
    by_fingerprint: HashMap<u64, Vec<usize>>,
}

impl<'a> Indexed<'a> {
    /// Indexes `sentences` under the comparison's term `weights`.
    pub fn new(sentences: &'a [SentenceTerms], weights: &'a Weights) -> Self {
        let mut local: HashMap<Term, u32> = HashMap::new();
        let mut counts: Vec<u32> = Vec::new();
        let mut term_starts = vec![0u32];
        let mut local_terms = Vec::new();
        let mut by_fingerprint: HashMap<u64, Vec<usize>> = HashMap::new();
        for (j, s) in sentences.iter().enumerate() {
            for &t in &s.terms {
                let next = local.len() as u32;
                let l = *local.entry(t).or_insert(next);
                if l == next {
                    counts.push(0);
                }
                counts[l as usize] += 1;
                local_terms.push(l);
            }
            term_starts.push(local_terms.len() as u32);
            by_fingerprint.entry(s.fingerprint).or_default().push(j);
        }
        // Counting sort: each term's sentences, ascending.
        let mut starts = Vec::with_capacity(counts.len() + 1);
        starts.push(0u32);
        for c in &counts {
            starts.push(starts.last().copied().unwrap_or(0) + c);
        }
        let mut fill: Vec<u32> = starts[..counts.len()].to_vec();
        let mut postings = vec![0u32; local_terms.len()];
        for j in 0..sentences.len() {
            for &l in &local_terms[term_starts[j] as usize..term_starts[j + 1] as usize] {
                postings[fill[l as usize] as usize] = j as u32;
                fill[l as usize] += 1;
            }
        }
        let mass = sentences.iter().map(|s| s.terms.iter().map(|&t| weights[t as usize]).sum()).collect();
        Indexed { sentences, weights, mass, local, starts, postings, term_starts, local_terms, by_fingerprint }
    }

    fn posting(&self, l: u32) -> &[u32] {
        &self.postings[self.starts[l as usize] as usize..self.starts[l as usize + 1] as usize]
    }

    fn local_terms(&self, j: usize) -> &[u32] {
        &self.local_terms[self.term_starts[j] as usize..self.term_starts[j + 1] as usize]
    }
}

/// Aligns the sentences of two versions.
pub fn align(a: &Indexed<'_>, b: &Indexed<'_>, config: &AlignConfig) -> Alignment {
    let (mass_a, mass_b) = (&a.mass, &b.mass);
    let (n, m) = (a.sentences.len(), b.sentences.len());
    let mut candidates = candidates(a, b, config);
    // Best first; among equals (repeated sentences), the one nearest the diagonal.
    // Keys computed once: the bits of a non-negative float order as its value;
    // the sort keeps the candidates' (i, j) order among equal keys.
    candidates.sort_by_cached_key(|c| {
        let off_diagonal = (c.i as f32 / n.max(1) as f32 - c.j as f32 / m.max(1) as f32).abs();
        (u64::from(!c.dice.to_bits()) << 32) | u64::from(off_diagonal.to_bits())
    });
    let neighbours = Neighbours::new(a, b, &candidates);
    let (a, b) = (a.sentences, b.sentences);
    let furniture = |c: &Candidate| a[c.i].furniture || b[c.j].furniture;
    let strong = |c: &Candidate| c.dice >= if furniture(c) { config.minor_edit } else { config.min_similarity };

    // 1. Anchors: strong links that are each other's best match.
    let anchors: Vec<usize> = mutual_best(&candidates, n, m, |_| true).filter(|&k| strong(&candidates[k])).collect();

    // 2. Their heaviest order-preserving chain; off it, anchors that are at
    //    least paraphrases survive, as moves.
    let on_chain = order_chain(&anchors.iter().map(|&k| &candidates[k]).collect::<Vec<_>>());
    let mut used_a = vec![false; n];
    let mut used_b = vec![false; m];
    let mut links: Vec<Candidate> = Vec::new();
    let mut moved: Vec<(usize, usize)> = Vec::new();
    let mut chain: Vec<(usize, usize)> = Vec::new();
    for (&k, &keep) in anchors.iter().zip(&on_chain) {
        let c = candidates[k];
        if keep {
            chain.push((c.i, c.j));
        } else if c.dice >= config.paraphrase {
            moved.push((c.i, c.j));
        } else {
            continue;
        }
        used_a[c.i] = true;
        used_b[c.j] = true;
        links.push(c);
    }
    moved.sort();

    // 3. Everything else must sit in the corridor between the chain links of
    //    its neighbours: one-to-one links first, then splits and merges.
    let corridor = Corridor::new(&chain, n, m);
    // Links so far are one-to-one: each `a` sentence has at most one partner.
    let mut partner = vec![usize::MAX; n];
    for l in &links {
        partner[l.i] = l.j;
    }
    let mut extras = Vec::new();
    for c in &candidates {
        if partner[c.i] == c.j || !corridor.allows(c.i, c.j) || furniture(c) {
            continue;
        }
        if strong(c) && !used_a[c.i] && !used_b[c.j] {
            used_a[c.i] = true;
            used_b[c.j] = true;
            links.push(*c);
        } else {
            extras.push(*c);
        }
    }
    for c in extras {
        // A split or merge brings in a sentence not linked yet; two sentences
        // that both have partners already (repeated sentences) stay apart.
        if used_a[c.i] && used_b[c.j] {
            continue;
        }
        let (small, large) = if c.in_a >= c.in_b { (c.in_a, c.in_b) } else { (c.in_b, c.in_a) };
        if small >= config.min_containment && large >= config.min_cover && c.shared >= config.min_shared_terms {
            used_a[c.i] = true;
            used_b[c.j] = true;
            links.push(c);
        }
    }

    neighbours.grow(&mut links, 0, &mut used_a, &mut used_b, config);
    let first_pass = links.len();
    fill_gaps(&candidates, &moved, &mut links, &mut used_a, &mut used_b, config);
    neighbours.grow(&mut links, first_pass, &mut used_a, &mut used_b, config);

    let units = units(&links, &moved, config);
    let linked_mass: f32 = (0..n).filter(|&i| used_a[i]).map(|i| mass_a[i]).sum::<f32>()
        + (0..m).filter(|&j| used_b[j]).map(|j| mass_b[j]).sum::<f32>();
    let total = mass_a.iter().sum::<f32>() + mass_b.iter().sum::<f32>();
    Alignment {
        units,
        unmatched_a: (0..n).filter(|&i| !used_a[i]).collect(),
        unmatched_b: (0..m).filter(|&j| !used_b[j]).collect(),
        similarity: if total > 0.0 {
            linked_mass / total
        } else if n == m {
            1.0
        } else {
            0.0
        },
    }
}

/// Candidates by `a` sentence, to grow links into free neighbouring sentences.
struct Neighbours<'a> {
    a: &'a [SentenceTerms],
    b: &'a [SentenceTerms],
    weights: &'a Weights,
    candidates: &'a [Candidate],
    /// The candidates of sentence `a[i]` (a few; never furniture, which
    /// never joins a link as a part): `by_a[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    by_a: Vec<u32>,
}

impl<'a> Neighbours<'a> {
    fn new(a: &Indexed<'a>, b: &Indexed<'a>, candidates: &'a [Candidate]) -> Self {
        let usable = |c: &&Candidate| !a.sentences[c.i].furniture && !b.sentences[c.j].furniture;
        let mut starts = vec![0u32; a.sentences.len() + 1];
        for c in candidates.iter().filter(usable) {
            starts[c.i + 1] += 1;
        }
        for i in 0..a.sentences.len() {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut by_a = vec![0u32; starts[a.sentences.len()] as usize];
        for (k, c) in candidates.iter().enumerate().filter(|(_, c)| usable(c)) {
            by_a[fill[c.i] as usize] = k as u32;
            fill[c.i] += 1;
        }
        Neighbours { a: a.sentences, b: b.sentences, weights: a.weights, candidates, starts, by_a }
    }

    fn pair(&self, i: usize, j: usize) -> Option<&'a Candidate> {
        let row = self.by_a.get(*self.starts.get(i)? as usize..*self.starts.get(i + 1)? as usize)?;
        row.iter().map(|&k| &self.candidates[k as usize]).find(|c| c.j == j)
    }

    /// Of the weight `joining` shares with `partner`, the part not already in `linked`.
    fn adds(&self, partner: &SentenceTerms, linked: &SentenceTerms, joining: &SentenceTerms) -> f32 {
        let (mut shared, mut new) = (0.0f32, 0.0f32);
        for &t in partner.terms.iter().filter(|t| joining.terms.binary_search(t).is_ok()) {
            shared += self.weights[t as usize];
            if linked.terms.binary_search(&t).is_err() {
                new += self.weights[t as usize];
            }
        }
        new / shared.max(f32::EPSILON)
    }

    /// A free sentence next to a linked one joins that link when enough of
    /// it is found in the link's partner, and it brings something the link
    /// lacks: the further parts of a split or merge. Visits `links[from..]`
    /// and the links it adds in turn, so a three-way split grows one part at
    /// a time, in linear time.
    fn grow(
        &self,
        links: &mut Vec<Candidate>,
        from: usize,
        used_a: &mut [bool],
        used_b: &mut [bool],
        config: &AlignConfig,
    ) {
        let (a, b) = (self.a, self.b);
        let mut k = from;
        while k < links.len() {
            let (i, j) = (links[k].i, links[k].j);
            // Neighbours of b[j] that are free and largely inside a[i]; then the same for a[i].
            for nj in [j.wrapping_sub(1), j + 1] {
                if let Some(c) = self.pair(i, nj).filter(|c| {
                    !used_b[nj] && c.in_b >= config.attach && self.adds(&a[i], &b[j], &b[nj]) >= config.attach_new
                }) {
                    used_b[nj] = true;
                    links.push(*c);
                }
            }
            for ni in [i.wrapping_sub(1), i + 1] {
                if let Some(c) = self.pair(ni, j).filter(|c| {
                    !used_a[ni] && c.in_a >= config.attach && self.adds(&b[j], &a[i], &a[ni]) >= config.attach_new
                }) {
                    used_a[ni] = true;
                    links.push(*c);
                }
            }
            k += 1;
        }
    }
}

/// A second, more lenient pass (as in Bleualign): a free sentence links to a
/// free sentence in the gap its neighbours' links leave when each is the
/// other's best match there, at a lower similarity than a first-pass link.
fn fill_gaps(
    candidates: &[Candidate],
    moved: &[(usize, usize)], // sorted
    links: &mut Vec<Candidate>,
    used_a: &mut [bool],
    used_b: &mut [bool],
    config: &AlignConfig,
) {
    let (n, m) = (used_a.len(), used_b.len());
    // The gap of each sentence: after the last partner of the sentences before it,
    // before the first partner of those after it (moved links aside).
    let mut after_a = vec![-1i64; n + 1];
    let mut before_a = vec![m as i64; n + 1];
    let mut after_b = vec![-1i64; m + 1];
    let mut before_b = vec![n as i64; m + 1];
    for l in links.iter().filter(|l| moved.binary_search(&(l.i, l.j)).is_err()) {
        after_a[l.i + 1] = after_a[l.i + 1].max(l.j as i64);
        before_a[l.i] = before_a[l.i].min(l.j as i64);
        after_b[l.j + 1] = after_b[l.j + 1].max(l.i as i64);
        before_b[l.j] = before_b[l.j].min(l.i as i64);
    }
    for x in 1..=n {
        after_a[x] = after_a[x].max(after_a[x - 1]);
    }
    for x in (0..n).rev() {
        before_a[x] = before_a[x].min(before_a[x + 1]);
    }
    for y in 1..=m {
        after_b[y] = after_b[y].max(after_b[y - 1]);
    }
    for y in (0..m).rev() {
        before_b[y] = before_b[y].min(before_b[y + 1]);
    }
    let in_gap = |c: &Candidate| {
        !used_a[c.i]
            && !used_b[c.j]
            && after_a[c.i] < c.j as i64
            && (c.j as i64) < before_a[c.i + 1]
            && after_b[c.j] < c.i as i64
            && (c.i as i64) < before_b[c.j + 1]
    };
    let found: Vec<usize> = mutual_best(candidates, n, m, in_gap).collect();
    for c in found.into_iter().map(|k| candidates[k]) {
        if c.dice >= config.gap_similarity && c.shared >= config.min_shared_terms {
            used_a[c.i] = true;
            used_b[c.j] = true;
            links.push(c);
        }
    }
}

/// The candidates (by number, in order) that are each other's best among
/// the `eligible`: candidates come best first, so a sentence's first is its best.
fn mutual_best<'c>(
    candidates: &'c [Candidate],
    n: usize,
    m: usize,
    eligible: impl Fn(&Candidate) -> bool,
) -> impl Iterator<Item = usize> + 'c {
    let mut best_a = vec![usize::MAX; n];
    let mut best_b = vec![usize::MAX; m];
    for (k, c) in candidates.iter().enumerate().filter(|(_, c)| eligible(c)) {
        if best_a[c.i] == usize::MAX {
            best_a[c.i] = k;
        }
        if best_b[c.j] == usize::MAX {
            best_b[c.j] = k;
        }
    }
    (0..candidates.len()).filter(move |&k| best_a[candidates[k].i] == k && best_b[candidates[k].j] == k)
}

/// Where the order-preserving chain lets sentence `i` link: between the `b`
/// sentences linked to the nearest chained `a` sentences before and after it.
struct Corridor {
    low: Vec<usize>,
    high: Vec<usize>,
}

impl Corridor {
    fn new(chain: &[(usize, usize)], n: usize, m: usize) -> Self {
        let mut at = vec![None; n];
        for &(i, j) in chain {
            at[i] = Some(j);
        }
        let mut low = vec![0; n];
        let mut high = vec![m.saturating_sub(1); n];
        let mut last = 0;
        for i in 0..n {
            low[i] = last;
            if let Some(j) = at[i] {
                last = j;
            }
        }
        let mut next = m.saturating_sub(1);
        for i in (0..n).rev() {
            high[i] = next;
            if let Some(j) = at[i] {
                next = j;
            }
        }
        Corridor { low, high }
    }

    fn allows(&self, i: usize, j: usize) -> bool {
        self.low[i] <= j && j <= self.high[i]
    }
}

/// Terms in at most this many sentences are always used to find candidates.
const CHEAP_POSTINGS: usize = 16;

/// Candidate pairs that share at least one of a sentence's rarer terms,
/// or are identical.
fn candidates(a: &Indexed<'_>, b: &Indexed<'_>, config: &AlignConfig) -> Vec<Candidate> {
    let weights = b.weights;
    let (mass_a, mass_b) = (&a.mass, &b.mass);
    let (sa, sb) = (a.sentences, b.sentences);

    // Score every sentence the probe terms reach by the weight it shares
    // through them (a dense accumulator, reset after each sentence); only
    // the best few get an exact comparison. This keeps the cost per sentence
    // bounded however long the texts are.
    let mut out = Vec::new();
    // Per `b` sentence: the `a` sentence that last reached it, and the weight shared.
    let mut acc = vec![(usize::MAX, 0.0f32); sb.len()];
    let mut ranked: Vec<(f32, usize)> = Vec::new();
    // Which of `b`'s terms the current sentence holds: marked with its number.
    let mut holds = vec![usize::MAX; b.starts.len() - 1];
    let mut touched: Vec<usize> = Vec::new();
    // Each of `a`'s terms as one of `b`'s, looked up once per term, not per use.
    let mut term_in_b = vec![u32::MAX; a.starts.len() - 1];
    for (t, &la) in &a.local {
        if let Some(&lb) = b.local.get(t) {
            term_in_b[la as usize] = lb;
        }
    }
    let mut probe: Vec<(usize, Term, u32)> = Vec::new();
    for (i, s) in sa.iter().enumerate() {
        probe.clear();
        for (&t, &la) in s.terms.iter().zip(a.local_terms(i)) {
            let l = term_in_b[la as usize];
            if l != u32::MAX {
                holds[l as usize] = i;
                probe.push((b.posting(l).len(), t, l));
            }
        }
        probe.sort();
        touched.clear();
        let mut reach = |j: usize, w: f32, touched: &mut Vec<usize>| {
            let (by, shared) = &mut acc[j];
            if *by != i {
                (*by, *shared) = (i, 0.0);
                touched.push(j);
            }
            *shared += w;
        };
        // Identical sentences: only the few nearest the expected position
        // (a text of one sentence repeated must not cost its square).
        if let Some(same) = b.by_fingerprint.get(&s.fingerprint) {
            let expected = i * sb.len() / sa.len().max(1);
            let at = same.partition_point(|&j| j < expected);
            let half = config.max_candidates / 2;
            for &j in &same[at.saturating_sub(half)..(at + half).min(same.len())] {
                reach(j, f32::MAX / 4.0, &mut touched);
            }
        }
        // Every cheap term, then the rarest few of the rest: enough to find
        // each part of a split, bounded for frequent words in long texts.
        for (k, &(len, t, l)) in probe.iter().enumerate() {
            if len > config.max_postings || (len > CHEAP_POSTINGS && k >= config.probe_terms) {
                break;
            }
            for &j in b.posting(l) {
                reach(j as usize, weights[t as usize], &mut touched);
            }
        }
        if touched.len() > config.max_candidates {
            ranked.clear();
            ranked.extend(touched.iter().map(|&j| (acc[j].1, j)));
            ranked.select_nth_unstable_by(config.max_candidates - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            touched.clear();
            touched.extend(ranked[..config.max_candidates].iter().map(|&(_, j)| j));
        }
        // In order, so candidates come out by (i, j): `align` sorts them keeping that order among equals.
        touched.sort();
        for &j in &touched {
            // The exact overlap, in term order (so sums round the same way every time).
            let (mut shared_mass, mut shared) = (0.0f32, 0);
            for (&t, &l) in sb[j].terms.iter().zip(b.local_terms(j)) {
                if holds[l as usize] == i {
                    shared_mass += weights[t as usize];
                    shared += usize::from(weights.is_content(t));
                }
            }
            let identical = s.fingerprint == sb[j].fingerprint && !s.terms.is_empty();
            if shared == 0 && !identical {
                continue;
            }
            let (ma, mb) = (mass_a[i], mass_b[j]);
            let dice = if identical { 1.0 } else { 2.0 * shared_mass / (ma + mb).max(f32::EPSILON) };
            let (in_a, in_b) = (shared_mass / ma.max(f32::EPSILON), shared_mass / mb.max(f32::EPSILON));
            // Too weak to link, to be part of a split or merge, or to attach:
            // never used, and never anyone's best (a usable one outranks it).
            if dice < config.min_similarity.min(config.gap_similarity)
                && in_a.max(in_b) < config.attach.min(config.min_containment)
            {
                continue;
            }
            out.push(Candidate { i, j, dice, in_a, in_b, shared, identical });
        }
    }
    out
}

/// Which links (in the given order) lie on the heaviest chain that keeps
/// both versions' order; the rest are out of order.
fn order_chain(links: &[&Candidate]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by_key(|&k| (links[k].i, links[k].j));
    let n = order.len();
    let mut prev = vec![usize::MAX; n];
    let end = if n <= 2000 {
        // Heaviest increasing subsequence by similarity: quadratic, exact.
        let mut best = vec![0.0f32; n];
        for x in 0..n {
            best[x] = links[order[x]].dice;
            for y in 0..x {
                if links[order[y]].j < links[order[x]].j && best[y] + links[order[x]].dice > best[x] {
                    best[x] = best[y] + links[order[x]].dice;
                    prev[x] = y;
                }
            }
        }
        (0..n).max_by(|&x, &y| best[x].total_cmp(&best[y]))
    } else {
        // Longest increasing subsequence, O(n log n), for large inputs.
        let mut tails: Vec<usize> = Vec::new();
        for x in 0..n {
            let j = links[order[x]].j;
            let pos = tails.partition_point(|&t| links[order[t]].j < j);
            if pos > 0 {
                prev[x] = tails[pos - 1];
            }
            if pos == tails.len() {
                tails.push(x);
            } else {
                tails[pos] = x;
            }
        }
        tails.last().copied()
    };
    let mut on_chain = vec![false; n];
    let mut at = end;
    while let Some(x) = at {
        on_chain[order[x]] = true;
        at = (prev[x] != usize::MAX).then_some(prev[x]);
    }
    on_chain
}

/// Groups links into connected units; `moved` is sorted.
fn units(links: &[Candidate], moved: &[(usize, usize)], config: &AlignConfig) -> Vec<Unit> {
    // Union-find over link indices, joined through shared sentences.
    let mut parent: Vec<usize> = (0..links.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // The last link seen on each sentence, to join the next one to it.
    let size = |side: fn(&Candidate) -> usize| links.iter().map(side).max().map_or(0, |x| x + 1);
    let mut by_a = vec![usize::MAX; size(|c| c.i)];
    let mut by_b = vec![usize::MAX; size(|c| c.j)];
    for (k, c) in links.iter().enumerate() {
        let earlier = [std::mem::replace(&mut by_a[c.i], k), std::mem::replace(&mut by_b[c.j], k)];
        for other in earlier.into_iter().filter(|&o| o != usize::MAX) {
            let (x, y) = (find(&mut parent, k), find(&mut parent, other));
            parent[x] = y;
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); links.len()];
    for k in 0..links.len() {
        let root = find(&mut parent, k);
        groups[root].push(k);
    }
    let mut out: Vec<Unit> = groups
        .into_iter()
        .filter(|members| !members.is_empty())
        .map(|members| {
            let mut a: Vec<usize> = members.iter().map(|&k| links[k].i).collect();
            let mut b: Vec<usize> = members.iter().map(|&k| links[k].j).collect();
            a.sort();
            a.dedup();
            b.sort();
            b.dedup();
            let best =
                members.iter().map(|&k| links[k]).max_by(|x, y| x.dice.total_cmp(&y.dice)).unwrap_or(links[members[0]]);
            let kind = if a.len() > 1 || b.len() > 1 {
                LinkKind::Partial
            } else if best.identical {
                LinkKind::Identical
            } else if best.dice >= config.minor_edit {
                LinkKind::MinorEdit
            } else if best.dice >= config.paraphrase && best.in_a.min(best.in_b) >= config.paraphrase {
                LinkKind::Paraphrase
            } else {
                LinkKind::Partial
            };
            let moved = members.iter().any(|&k| moved.binary_search(&(links[k].i, links[k].j)).is_ok());
            Unit { a, b, score: best.dice, kind, moved }
        })
        .collect();
    out.sort_by_key(|u| (u.a[0], u.b[0]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &[&str], b: &[&str]) -> Alignment {
        run_with(a, b, &AlignConfig::default())
    }

    fn run_with(a: &[&str], b: &[&str], config: &AlignConfig) -> Alignment {
        let mut vocab = Vocabulary::default();
        let a: Vec<_> = a.iter().map(|s| vocab.add(s, false)).collect();
        let b: Vec<_> = b.iter().map(|s| vocab.add(s, false)).collect();
        let weights = vocab.weights();
        align(&Indexed::new(&a, &weights), &Indexed::new(&b, &weights), config)
    }

    fn pairs(al: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
        al.units.iter().map(|u| (u.a.clone(), u.b.clone())).collect()
    }

    #[test]
    fn identical_edit_and_unmatched() {
        let al = run(
            &["The summit opened in London today.", "Crossings rose by 31% this year.", "Weather was calm."],
            &["The summit opened in London today.", "Crossings rose by 40% this year.", "Nothing else."],
        );
        assert_eq!(pairs(&al), [(vec![0], vec![0]), (vec![1], vec![1])]);
        assert_eq!(al.units[0].kind, LinkKind::Identical);
        assert_eq!(al.unmatched_a, [2]);
        assert_eq!(al.unmatched_b, [2]);
    }

    #[test]
    fn numbers_in_words_meet_figures() {
        let mut vocab = Vocabulary::default();
        let [x, y, z] =
            ["Ein fünfter Tag", "Die Leute achten darauf", "Der 5. Tag, der 8. Tag"].map(|s| vocab.add(s, false).terms);
        assert!(x.contains(&vocab.ids["5"]) && z.contains(&vocab.ids["5"]), "fünfter = 5");
        assert!(!y.contains(&vocab.ids["8"]), "the verb achten is not a number");
        let [five, fifth] = ["five people", "the fifth person"].map(|s| vocab.add(s, false).terms);
        assert_eq!(five[0], fifth[0]);
    }

    #[test]
    fn compounds_meet_their_parts() {
        let mut vocab = Vocabulary::default();
        let mut sentences = ["Der Wassersport ist beliebt.", "Sport auf dem Wasser.", "Das Stipendienprogramm."]
            .map(|s| vocab.add(s, false));
        vocab.split_compounds(sentences.iter_mut());
        let [compound, parts, unrelated] = sentences.map(|s| s.terms);
        let (water, sport) = (vocab.ids["wasse"], vocab.ids["sport"]);
        assert!(compound.contains(&water) && compound.contains(&sport), "head by its stem, tail by the split");
        assert!(parts.contains(&sport));
        assert_eq!(unrelated.len(), 2, "no part of it is a word here");
    }

    #[test]
    fn umlauts_fold_for_matching_only() {
        let mut vocab = Vocabulary::default();
        let [strength, strong] = ["Stärke", "stark"].map(|s| vocab.add(s, false));
        assert_eq!(strength.terms, strong.terms);
        assert_ne!(strength.fingerprint, strong.fingerprint, "identical means identical as written");
    }

    #[test]
    fn split_is_one_unit() {
        let al = run(
            &["The law forces employers to check workers, and firms that fail face closure and heavy fines."],
            &["The law forces employers to check workers.", "Firms that fail face closure and heavy fines."],
        );
        assert_eq!(pairs(&al), [(vec![0], vec![0, 1])]);
        assert_eq!(al.units[0].kind, LinkKind::Partial);
    }

    #[test]
    fn neighbour_joins_only_with_something_new() {
        // The second sentence shares "scholars" and "already" with the match,
        // but the first already says both: it is not part of a merge.
        let a = [
            "A scholarship programme for Syrian leaders already exists.",
            "The scholars have already started their studies.",
        ];
        let b = ["A scholarship programme for Syrian leaders already exists."];
        assert_eq!(pairs(&run(&a, &b)), [(vec![0], vec![0])]);
        // What the rewrite adds ("closure") comes from the neighbour: it joins.
        let al = run(
            &["Employers must check workers or face closure and heavy fines."],
            &["Employers must check workers or face heavy fines.", "- Company closure"],
        );
        assert_eq!(pairs(&al), [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn weak_pair_between_links_fills_the_gap() {
        let first = "Alpha bravo charlie delta echo.";
        let last = "Foxtrot golf hotel india juliet.";
        let weak = [
            "The old cat slept by the warm stove all winter.",
            "A cat dozed near the stove, waiting for the first mild days of spring.",
        ];
        let al = run(&[first, weak[0], last], &[first, weak[1], last]);
        let dice = al.units.iter().find(|u| u.a == [1]).map(|u| u.score);
        assert!(dice.is_some_and(|d| d < AlignConfig::default().min_similarity), "a second-pass link: {dice:?}");
        assert_eq!(pairs(&al), [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]);
        // The same pair on either side of a link is no gap: left apart.
        let al = run(&[weak[0], first, last], &[first, weak[1], last]);
        assert_eq!(pairs(&al), [(vec![1], vec![0]), (vec![2], vec![2])]);
    }

    #[test]
    fn moved_sentence_is_marked() {
        let al = run(
            &[
                "Alpha bravo charlie delta.",
                "Echo foxtrot golf hotel.",
                "India juliet kilo lima.",
                "Mike november oscar papa.",
            ],
            &[
                "Mike november oscar papa.",
                "Alpha bravo charlie delta.",
                "Echo foxtrot golf hotel.",
                "India juliet kilo lima.",
            ],
        );
        let moved: Vec<_> = al.units.iter().filter(|u| u.moved).map(|u| u.a[0]).collect();
        assert_eq!(moved, [3]);
    }

    #[test]
    fn empty_sides() {
        let al = run(&[], &["Something."]);
        assert!(al.units.is_empty());
        assert_eq!(al.unmatched_b, [0]);
    }
}
