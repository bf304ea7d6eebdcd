//! Sentence -> word, number, space and punctuation tokens.
//!
//! Words follow the Unicode word-boundary rules (UAX #29), so any language
//! those rules handle works. Numbers are atomic: a currency sign, the
//! figure, a `%` and a scale word travel together (`£33 million`, `31%`,
//! `$10bn`), so a diff never shows half a number.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters, like "HTML5").
    Word,
    /// A figure with its currency, percent sign or scale word.
    Number,
    /// Whitespace.
    Space,
    /// Anything else: punctuation, symbols, emoji.
    Punct,
}

/// A token: a slice of the input and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The exact text.
    pub text: &'a str,
    /// Its kind.
    pub kind: TokenKind,
}

/// Words that scale a figure and belong to it.
const SCALES: &[&str] =
    &["million", "billion", "trillion", "thousand", "hundred", "m", "bn", "k", "mn", "tn", "millionen", "milliarden"];

/// A scale word in any case; no lower-case copy for the usual ASCII word
/// (one was made after every figure followed by a space).
fn is_scale(word: &str) -> bool {
    if word.is_ascii() {
        SCALES.iter().any(|s| s.eq_ignore_ascii_case(word))
    } else {
        SCALES.contains(&word.to_lowercase().as_str())
    }
}

fn is_currency(s: &str) -> bool {
    matches!(s, "£" | "$" | "€" | "¥" | "₹")
}

/// Letters that make a dollar sign another country's ("US$", "A$"): they
/// are a word piece of their own before the sign.
fn is_dollar_country(s: &str) -> bool {
    matches!(s, "US" | "A" | "AU" | "C" | "CA" | "NZ" | "HK" | "S")
}

fn is_figure(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Splits `text` into tokens that concatenate back to `text`.
///
/// ```
/// use variorum::tokenize::{tokenize, TokenKind};
/// let t: Vec<&str> = tokenize("Up 31% to £33 million.").iter().map(|t| t.text).collect();
/// assert_eq!(t, ["Up", " ", "31%", " ", "to", " ", "£33 million", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let pieces = word_bounds(text);
    let mut out = Vec::with_capacity(pieces.len());
    let mut k = 0;
    while k < pieces.len() {
        let (start, piece) = pieces[k];
        // How many pieces a currency before a figure takes: "£", or "US" "$".
        let sign = |at: usize| pieces.get(at).is_some_and(|p| is_currency(p.1));
        let figure_at = |at: usize| pieces.get(at).is_some_and(|p| is_figure(p.1));
        let currency = if sign(k) && figure_at(k + 1) {
            1
        } else if is_dollar_country(piece) && pieces.get(k + 1).is_some_and(|p| p.1 == "$") && figure_at(k + 2) {
            2
        } else {
            0
        };
        if !(is_figure(piece) || currency > 0) {
            out.push(Token { text: piece, kind: kind_of(piece) });
            k += 1;
            continue;
        }
        // Grow a number: [currency] figure [:figure]* [%] [space scale-word];
        // a time or a race time ("12:50pm", "2:00:35") is one figure.
        let mut last = k + currency;
        while pieces.get(last + 1).is_some_and(|p| p.1 == ":") && pieces.get(last + 2).is_some_and(|p| is_figure(p.1)) {
            last += 2;
        }
        if pieces.get(last + 1).is_some_and(|p| p.1 == "%") {
            last += 1;
        } else if pieces.get(last + 1).is_some_and(|p| p.1 == " ")
            && pieces.get(last + 2).is_some_and(|p| is_scale(p.1))
        {
            last += 2;
        }
        let end = pieces[last].0 + pieces[last].1.len();
        out.push(Token { text: &text[start..end], kind: TokenKind::Number });
        k = last + 1;
    }
    out
}

/// The text's pieces between Unicode word boundaries (UAX #29). Text in the
/// scripts and marks of most English and European news copy takes a fast
/// path; anything else goes to `unicode-segmentation`. A property test holds
/// both to the same answer.
pub fn word_bounds(text: &str) -> Vec<(usize, &str)> {
    let Some(classes) = simple_classes(text) else {
        return text.split_word_bound_indices().collect();
    };
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut start = 0;
    for k in 1..classes.len() {
        if breaks_before(&classes, k) {
            let at = classes[k].0;
            out.push((start, &text[start..at]));
            start = at;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// Word-break classes of the characters the fast path knows (UAX #29, table 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    Letter,
    Numeric,
    /// `:`
    MidLetter,
    /// `.`, `‘`, `’`, and the apostrophe (Single_Quote, which the rules treat alike).
    MidNumLetQ,
    /// `,` `;`
    MidNum,
    /// `_`
    ExtendNumLet,
    Cr,
    Lf,
    /// Vertical tab and form feed.
    Newline,
    /// The space character.
    Space,
    Other,
}

/// Each character's byte offset and class, or `None` if some character
/// is outside the fast path.
fn simple_classes(text: &str) -> Option<Vec<(usize, WordClass)>> {
    let mut out = Vec::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII through a table; anything else decoded.
        if bytes[at] < 0x80 {
            out.push((at, ASCII_CLASSES[bytes[at] as usize]));
            at += 1;
            continue;
        }
        let c = text[at..].chars().next()?;
        let class = match c {
            // Latin-1 and Latin Extended-A letters (not × and ÷).
            '\u{c0}'..='\u{17f}' if c != '×' && c != '÷' => WordClass::Letter,
            '‘' | '’' => WordClass::MidNumLetQ,
            '“' | '”' | '„' | '«' | '»' | '–' | '—' | '…' | '•' | '£' | '€' | '\u{a0}' | '©' | '°' => {
                WordClass::Other
            }
            _ => return None,
        };
        out.push((at, class));
        at += c.len_utf8();
    }
    Some(out)
}

const ASCII_CLASSES: [WordClass; 128] = {
    use WordClass::*;
    let mut table = [Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Letter,
            b'0'..=b'9' => Numeric,
            b':' => MidLetter,
            b'.' | b'\'' => MidNumLetQ,
            b',' | b';' => MidNum,
            b'_' => ExtendNumLet,
            b'\r' => Cr,
            b'\n' => Lf,
            0x0b | 0x0c => Newline,
            b' ' => Space,
            _ => Other,
        };
        b += 1;
    }
    table
};

/// Whether UAX #29 puts a word boundary before character `k` (0 < k < len).
fn breaks_before(c: &[(usize, WordClass)], k: usize) -> bool {
    use WordClass::*;
    let class = |i: usize| c.get(i).map(|x| x.1);
    let (before, after) = (c[k - 1].1, c[k].1);
    let mid_letter = |x: WordClass| matches!(x, MidLetter | MidNumLetQ);
    let mid_num = |x: WordClass| matches!(x, MidNum | MidNumLetQ);
    match (before, after) {
        (Letter | Numeric, Letter | Numeric) => false, // WB5, WB8-10 (first: most of any text)
        (Cr, Lf) => false,                             // WB3
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true, // WB3a, WB3b
        (Space, Space) => false,                       // WB3d
        (Letter, m) if mid_letter(m) && class(k + 1) == Some(Letter) => false, // WB6
        (m, Letter) if mid_letter(m) && k >= 2 && class(k - 2) == Some(Letter) => false, // WB7
        (Numeric, m) if mid_num(m) && class(k + 1) == Some(Numeric) => false, // WB12
        (m, Numeric) if mid_num(m) && k >= 2 && class(k - 2) == Some(Numeric) => false, // WB11
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) | (ExtendNumLet, Letter | Numeric) => false, // WB13a, WB13b
        _ => true,                                     // WB999
    }
}

fn kind_of(piece: &str) -> TokenKind {
    let first = piece.chars().next();
    if first.is_some_and(char::is_whitespace) {
        TokenKind::Space
    } else if piece.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// The length of `text` in UTF-16 units, as JavaScript counts it (spans
/// carry both units): its byte length when it is all ASCII.
pub fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

/// A normalised form for matching: lower case, typographic apostrophes
/// folded, and numbers stripped of separators (`1,100` = `1100`).
pub fn normalize<'a>(token: &Token<'a>) -> Cow<'a, str> {
    if is_normal(token.text) {
        return Cow::Borrowed(token.text);
    }
    let mut out = String::new();
    normalize_into(token, &mut out);
    Cow::Owned(out)
}

/// [`normalize`] into a buffer the caller reuses: no allocation per word.
pub fn normalize_into(token: &Token<'_>, out: &mut String) {
    out.clear();
    let text = token.text;
    if is_normal(text) {
        out.push_str(text);
    } else if text.is_ascii() {
        let keep = |b: &u8| token.kind != TokenKind::Number || !matches!(b, b',' | b' ');
        out.extend(text.bytes().filter(keep).map(|b| char::from(b.to_ascii_lowercase())));
    } else if token.kind == TokenKind::Number {
        out.extend(text.chars().filter(|c| !matches!(c, ',' | ' ')).flat_map(char::to_lowercase));
    } else {
        out.extend(text.chars().map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase));
    }
}

/// Most words need no change.
fn is_normal(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'\'' | b'.' | b'%'))
}

/// Tokenises the texts and interns their words and figures: the least work
/// any word-level comparison must do, and so the floor the speed benchmark
/// measures against. Returns (word tokens, distinct words).
pub fn intern_words(texts: &[&str]) -> (usize, usize) {
    let mut ids: foldhash::HashMap<&str, u32> = foldhash::HashMapExt::new();
    let mut count = 0;
    for text in texts {
        for token in tokenize(text) {
            if matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                let next = ids.len() as u32;
                ids.entry(token.text).or_insert(next);
                count += 1;
            }
        }
    }
    (count, ids.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn numbers_are_atomic() {
        assert_eq!(texts("1,100 people"), ["1,100", " ", "people"]);
        assert_eq!(texts("$10bn (£7.7bn)"), ["$10bn", " ", "(", "£7.7bn", ")"]);
        assert_eq!(texts("£30 million in"), ["£30 million", " ", "in"]);
        assert_eq!(tokenize("£30 million")[0].kind, TokenKind::Number);
        assert_eq!(
            texts("30 Million, 4 MILLIARDEN"),
            ["30 Million", ",", " ", "4 MILLIARDEN"],
            "a scale word in any case"
        );
        assert_eq!(texts("30 milliona"), ["30", " ", "milliona"]);
        assert_eq!(texts("at 12:50pm, in 2:00:35."), ["at", " ", "12:50pm", ",", " ", "in", " ", "2:00:35", "."]);
        assert_eq!(
            texts("US$5bn or A$3m, ¥1,000 and ₹20"),
            ["US$5bn", " ", "or", " ", "A$3m", ",", " ", "¥1,000", " ", "and", " ", "₹20"]
        );
    }

    #[test]
    fn tokens_rebuild_input() {
        for s in ["", "We’ve got to—now! 🎉 e\u{301}", "Gott nannte „Tag “.", "a\r\nb"] {
            assert_eq!(texts(s).concat(), s);
        }
    }

    #[test]
    fn interning_counts_words_and_distinct_words() {
        assert_eq!(intern_words(&["the cat, the hat", "the £3m cat"]), (7, 4));
    }

    #[test]
    fn kinds_and_normal_forms() {
        let t = tokenize("We’ve 1,100 !");
        assert_eq!(
            t.iter().map(|t| t.kind).collect::<Vec<_>>(),
            [TokenKind::Word, TokenKind::Space, TokenKind::Number, TokenKind::Space, TokenKind::Punct]
        );
        assert_eq!(normalize(&t[0]), "we've");
        assert_eq!(normalize(&t[2]), "1100");
    }
}
