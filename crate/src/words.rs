//! Words as the comparison sees them: stems, function words, umlauts
//! folded. The floor under the aligner's terms and the figures' grouping.

/// Characters a stem keeps by default ([`crate::align::AlignConfig::stem_chars`]).
pub const STEM_CHARS: usize = 5;

/// Word stem good enough for matching inflections in English and German:
/// a plural or possessive `s` dropped, then the first `chars` characters
/// ("smugglers" ~ "smuggling", "fines" ~ "fine" at five). The caller folds umlauts first.
/// Figures are grouped by the same stems of what they count.
pub fn stem(word: &str, chars: usize) -> &str {
    let word = word.strip_suffix("'s").unwrap_or(word);
    let word = match word.strip_suffix('s') {
        Some(w) if w.chars().count() >= 3 && !w.ends_with('s') => w,
        _ => word,
    };
    word.char_indices().nth(chars).map_or(word, |(end, _)| &word[..end])
}

/// German umlauts and ß folded, for matching only: "Stärke" meets "stark",
/// "Straße" "Strasse".
pub fn fold_umlauts(word: &str, out: &mut String) {
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

/// Whether `word` (normalised) is a function word. Asked for nearly every
/// word of a text: a set, not a walk down the list.
pub fn is_stopword(word: &str) -> bool {
    static SET: std::sync::OnceLock<foldhash::HashSet<&str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect()).contains(word)
}
