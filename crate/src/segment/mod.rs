//! Raw text -> sentences, news-aware.
//!
//! Paragraphs are lines. A line that ends without punctuation and is followed
//! by a line starting in lower case is a soft wrap (e-mailed or copied copy)
//! and is joined to it. Inside a paragraph, a sentence ends at `.`, `?`, `!`
//! or `…` (with any closing quotes and brackets) when the next word starts a
//! new sentence, unless the word before is an abbreviation, an initial or
//! part of an e-mail address or domain. Every segment is a byte span of the
//! input, so segments plus the gaps between them rebuild the input exactly.

mod dateline;

use serde::{Deserialize, Serialize};

use dateline::dateline_len;

/// What a segment is, so views can set headings and page furniture apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SegmentKind {
    /// Running text.
    Body,
    /// A heading or subheading: a short line with no closing punctuation.
    Heading,
    /// A sentence of a bulleted or numbered list item.
    Bullet,
    /// A dateline that opens the story (`LONDON (AFP) -`, `date 2025-03-31`).
    Dateline,
    /// Page furniture: video notices, newsletter sign-ups, "Follow us on...".
    Boilerplate,
}

/// One sentence (or heading, bullet, ...) as a byte range of its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawSegment {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What the segment is.
    pub kind: SegmentKind,
}

/// Splits `text` into sentences and blocks.
///
/// ```
/// use variorum::segment::{segment, SegmentKind};
/// let text = "Mr Smith paid £7.7bn. “It works.” he said. Really?\n- A bullet";
/// let parts: Vec<&str> = segment(text).iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(parts, ["Mr Smith paid £7.7bn.", "“It works.” he said.", "Really?", "- A bullet"]);
/// assert_eq!(segment(text)[3].kind, SegmentKind::Bullet);
/// ```
pub fn segment(text: &str) -> Vec<RawSegment> {
    let paragraphs = paragraphs(text);
    let mut out: Vec<RawSegment> = Vec::new();
    // Datelines stand before the lede (one or two: "date 2023-10-08
    // CHICAGO (AP) —"), after headings, never in the body nor in a headline.
    // Kept as a flag: a page of headings alone must not rescan every segment.
    let mut before_lede = true;
    for &(start, end) in &paragraphs {
        let line = &text[start..end];
        let mut body_start = start;
        if before_lede && !is_heading(line) {
            while let Some(len) = dateline_len(&text[body_start..end]) {
                out.push(RawSegment { start: body_start, end: body_start + len, kind: SegmentKind::Dateline });
                body_start += len + leading_space(&text[body_start + len..end]);
                if body_start >= end {
                    break;
                }
            }
            if body_start >= end {
                continue;
            }
        }
        let first = out.len();
        for (s, e) in sentences(text, body_start, end) {
            out.push(RawSegment { start: s, end: e, kind: SegmentKind::Body });
        }
        classify_paragraph(text, &mut out[first..], line);
        before_lede &= out[first..].iter().all(|s| s.kind != SegmentKind::Body && s.kind != SegmentKind::Bullet);
    }
    mark_boilerplate_runs(&mut out);
    out
}

/// Splits already-split input: one segment per non-blank line, trimmed.
pub fn segment_lines(text: &str) -> Vec<RawSegment> {
    line_spans(text)
        .filter_map(|(s, e)| trim_span(text, s, e))
        .map(|(start, end)| RawSegment { start, end, kind: classify(&text[start..end]) })
        .collect()
}

/// Byte spans of the lines of `text`, without their line terminators.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        pos = end + 1;
        let end = if text[start..end].ends_with('\r') { end - 1 } else { end };
        Some((start, end))
    })
}

/// The span with surrounding whitespace removed, or `None` if nothing is left.
fn trim_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return None;
    }
    let s = start + (piece.len() - piece.trim_start().len());
    Some((s, s + trimmed.len()))
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Paragraph spans: non-blank lines, with soft-wrapped lines joined.
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open = false;
    for (s, e) in line_spans(text) {
        let Some((s, e)) = trim_span(text, s, e) else {
            open = false;
            continue;
        };
        let line = &text[s..e];
        if let Some(last) = out.last_mut() {
            if open && is_soft_wrap(&text[last.0..last.1], line) {
                last.1 = e;
                continue;
            }
        }
        out.push((s, e));
        open = true;
    }
    out
}

/// A line continues the previous one when the previous has no closing
/// punctuation and this one starts in lower case and is not a list item.
fn is_soft_wrap(previous: &str, line: &str) -> bool {
    let ends_open = previous.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',');
    let starts_lower = line.chars().next().is_some_and(|c| c.is_lowercase());
    ends_open && starts_lower && bullet_marker_len(previous) == 0 && !previous.ends_with(':')
}

/// Sentence spans inside one paragraph `text[start..end]`.
fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let para = &text[start..end];
    let mut out = Vec::new();
    let mut sentence_start = 0;
    // A list marker's full stop ("1. ") ends nothing.
    let mut k = bullet_marker_len(para);
    // From one terminator to the next, in bytes; characters decoded only there.
    while let Some(found) = para[k..].find(is_terminator) {
        let term_at = k + found;
        let c = para[term_at..].chars().next().unwrap_or('.');
        // Take the whole run of terminators and closing quotes/brackets.
        let run: usize =
            para[term_at..].chars().take_while(|&c| is_terminator(c) || is_closer(c)).map(char::len_utf8).sum();
        let boundary = term_at + run;
        let rest = &para[boundary..];
        // A full-width stop ends a sentence with no space after it (Chinese, Japanese).
        let full_width = is_full_width_end(c) && !rest.trim_start().is_empty();
        if full_width
            || rest.starts_with(char::is_whitespace)
                && starts_sentence(rest)
                && !is_non_final(para, term_at, c, rest)
                && !is_ordinal(&para[..term_at], rest)
        {
            out.push((start + sentence_start, start + boundary));
            sentence_start = para.len() - rest.trim_start().len();
        }
        k = boundary.max(term_at + c.len_utf8());
    }
    if sentence_start < para.len() {
        let tail = &para[sentence_start..];
        let trimmed = tail.trim_end();
        if !trimmed.is_empty() {
            out.push((start + sentence_start, start + sentence_start + trimmed.len()));
        }
    }
    out
}

/// Sentence ends: Latin, full-width (Chinese, Japanese), the Devanagari
/// danda (Hindi), the Arabic question mark and the Urdu full stop.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '。' | '？' | '！' | '｡' | '।' | '؟' | '۔')
}

fn is_full_width_end(c: char) -> bool {
    matches!(c, '。' | '？' | '！' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | '“' | ')' | ']' | '}' | '›' | '」' | '』' | '）' | '】')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '»' | '(' | '[' | '‹')
}

/// After whitespace: does the next word look like the start of a sentence?
fn starts_sentence(rest: &str) -> bool {
    let mut it = rest.chars().skip_while(|c| c.is_whitespace());
    let mut c = it.next();
    while c.is_some_and(is_opener) {
        c = it.next();
    }
    match c {
        // A capital, a figure, a bullet, or a letter of a script without case (Arabic, Devanagari).
        Some(c) => {
            c.is_uppercase()
                || c.is_numeric()
                || bullet_char(c)
                || (c.is_alphabetic() && !c.is_lowercase())
                || !c.is_alphabetic() && !c.is_ascii_punctuation()
        }
        None => false,
    }
}

/// Is the terminator at byte `at` part of an abbreviation, initial or similar,
/// rather than the end of a sentence?
fn is_non_final(para: &str, at: usize, terminator: char, rest: &str) -> bool {
    if terminator != '.' {
        return false;
    }
    let before = &para[..at];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || is_opener(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // An ellipsis written as dots inside running text is handled by the
    // caller's look-ahead; a word of dots is never an abbreviation.
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    // Single letters ("J. K. Rowling", "z. B.") and dotted acronyms ("U.S.", "z.B.").
    if word.chars().count() == 1 {
        return true;
    }
    let lower = word.to_lowercase();
    let acronym = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    if !acronym && !ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // "in the U.S. The president", "at 3 p.m. Then", "Smith & Co. In London":
    // an abbreviation that can close a sentence does, before a word that
    // typically opens one. Titles and initials ("Mr. Smith") never do.
    let closes = acronym || CLOSING_ABBREVIATIONS.contains(&lower.as_str());
    let next = next_word(rest);
    !(closes && SENTENCE_OPENERS.contains(&next))
}

/// Abbreviations, besides dotted acronyms, that may end a sentence.
const CLOSING_ABBREVIATIONS: &[&str] = &["inc", "ltd", "co", "corp", "plc", "etc", "jr", "sr"];

/// English words that open sentences far more often than they follow an
/// abbreviation inside one.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
    "Then", "But", "And", "Yet", "So", "In", "On", "At", "For", "After", "Before", "When", "While", "If", "As",
    "His", "Her", "Its", "Their", "Our", "My",
];

/// The letters of the word that `rest` opens with, after white space.
fn next_word(rest: &str) -> &str {
    rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("")
}

/// A German ordinal, "am 3. Oktober", "im 1. Quartal": a number of up to three
/// digits, its full stop, and a word that such ordinals go with.
fn is_ordinal(before: &str, rest: &str) -> bool {
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let number_alone = before.len() == digits || before.as_bytes()[before.len() - digits - 1].is_ascii_whitespace();
    let next = next_word(rest);
    (1..=3).contains(&digits) && number_alone && ORDINAL_NOUNS.contains(&next)
}

/// Words after a German ordinal: the months and what is commonly counted so.
#[rustfmt::skip]
const ORDINAL_NOUNS: &[&str] = &[
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
    "Quartal", "Halbjahr", "Jahrhundert", "Jahrtausend", "Jahrestag", "Geburtstag", "Weltkrieg", "Platz", "Stock",
    "Etage", "Klasse", "Liga", "Bundesliga", "Runde", "Spieltag", "Mal", "Advent", "Lesung", "Sitzung", "Kapitel",
    "Artikel", "Absatz", "Bezirk", "Wahlgang", "Tag", "Woche", "Monat", "Jahr",
];

/// Words that take a full stop without ending a sentence (English, German,
/// French, Spanish newsroom usage). Titles like "Mr" also appear dotted.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "rev", "gen", "lt", "col", "capt", "sgt", "gov", "sen",
    "rep", "pres", "supt", "insp", "det", "hon", "inc", "ltd", "co", "corp", "plc", "vs", "etc", "approx", "no", "nos",
    "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "e.g", "i.e", "a.m", "p.m", "bzw", "ca", "usw", "vgl", "nr", "str", "hr", "fr",
    "z.b", "d.h", "u.a", "sog", "mio", "mrd", "bzgl", "ggf", "mme", "mlle", "sra", "sr", "av",
];

fn bullet_char(c: char) -> bool {
    matches!(c, '-' | '*' | '•' | '–' | '—' | '▪' | '●' | '·')
}

/// Length of a list marker at the start of `line` ("- ", "• ", "1. ", "2) "), or 0.
fn bullet_marker_len(line: &str) -> usize {
    let mut chars = line.char_indices();
    match chars.next() {
        Some((_, c)) if bullet_char(c) => match chars.next() {
            Some((i, ' ' | '\t')) => i + 1,
            _ => 0,
        },
        Some((_, c)) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(|b| b.is_ascii_digit()).count();
            let rest = &line.as_bytes()[digits..];
            if digits <= 3 && rest.len() >= 2 && matches!(rest[0], b'.' | b')') && rest[1] == b' ' {
                digits + 2
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// The kind of one sentence given on its own (input already split).
pub fn classify(sentence: &str) -> SegmentKind {
    if dateline_len(sentence.trim()).is_some_and(|n| n == sentence.trim().len()) {
        return SegmentKind::Dateline;
    }
    let mut one = [RawSegment { start: 0, end: sentence.len(), kind: SegmentKind::Body }];
    classify_paragraph(sentence, &mut one, sentence.trim());
    one[0].kind
}

/// Sets the kinds of the sentences of one paragraph.
fn classify_paragraph(text: &str, segments: &mut [RawSegment], line: &str) {
    let kind = if bullet_marker_len(line) > 0 {
        SegmentKind::Bullet
    } else if is_caption(line) || is_cross_link(line) {
        SegmentKind::Boilerplate
    } else if is_heading(line) {
        if is_furniture_line(line) {
            SegmentKind::Boilerplate
        } else {
            SegmentKind::Heading
        }
    } else {
        SegmentKind::Body
    };
    for s in segments.iter_mut() {
        s.kind = kind;
    }
    // Page furniture: a paragraph where at least half the sentences are.
    let hits = segments.iter().filter(|s| is_boilerplate(&text[s.start..s.end])).count();
    if hits > 0 && hits * 2 >= segments.len() {
        for s in segments.iter_mut() {
            s.kind = SegmentKind::Boilerplate;
        }
    }
}

/// A heading is a short line with no sentence punctuation at its end.
fn is_heading(line: &str) -> bool {
    let line = line.trim_start_matches('#').trim();
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    // Cheapest tests first: most paragraphs end in a full stop.
    (last.is_alphanumeric() || last == ')')
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && line.split_whitespace().take(13).count() <= 12
        && !line.contains(['“', '”', '"'])
}

/// A heading-shaped line that is page furniture: a byline ("By Jane Doe,
/// Political Correspondent") or a time stamp ("Updated 11:05 BST").
fn is_furniture_line(line: &str) -> bool {
    let byline = line.strip_prefix("By ").is_some_and(|name| name.starts_with(char::is_uppercase));
    let stamp = ["Published ", "Updated ", "Last updated ", "First published "]
        .iter()
        .any(|p| line.strip_prefix(p).is_some_and(|rest| rest.contains(|c: char| c.is_ascii_digit())));
    byline || stamp
}

/// A picture's caption or credit, whatever its length: "Image: A doctor
/// practises … REUTERS/Baz Ratner", "Photo: AP".
fn is_caption(line: &str) -> bool {
    ["Image:", "Photo:", "Picture:", "Pictures:", "Photograph:", "Credit:", "Caption:", "Bild:", "Foto:"]
        .iter()
        .any(|p| line.starts_with(p))
}

/// A line pointing at another story: "READ: Ferry timetable changes …",
/// "Also read: …", "Related: …", "Watch: …".
fn is_cross_link(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else { return false };
    !rest.trim().is_empty()
        && ["read", "read more", "also read", "related", "see also", "watch", "listen", "more on this story"]
            .iter()
            .any(|p| label.trim().eq_ignore_ascii_case(p))
}

/// Phrases that only page furniture uses. Lower case, each opening with two letters.
const BOILERPLATE: &[&str] = &[
    "all rights reserved",
    "browser that supports",
    "click here",
    "copyright 19",
    "copyright 20",
    "copyright ©",
    "download our app",
    "editing by",
    "enable javascript",
    "follow us on",
    "for more stories like this",
    "get in touch with",
    "getty images",
    "got a story?",
    "more follows",
    "newsletter",
    "on twitter and facebook",
    "push alerts",
    "read more:",
    "reading time:",
    "reproduced with permission",
    "share this article",
    "sign up for our",
    "sign up here",
    "sign up to our",
    "submit your videos",
    "subscribe to our",
    "this article was amended",
    "this is a developing story",
    "writing by",
];

/// The first two letters of the phrases: bit `y` of entry `x` is set when
/// some phrase opens with letters `x`, `y` (0 = a).
const BOILERPLATE_OPENINGS: [u32; 26] = {
    let mut table = [0u32; 26];
    let mut k = 0;
    while k < BOILERPLATE.len() {
        let p = BOILERPLATE[k].as_bytes();
        table[(p[0] - b'a') as usize] |= 1 << (p[1] - b'a');
        k += 1;
    }
    table
};

/// Whole segments that are furniture on their own (and only on their own).
const BOILERPLATE_LINES: &[&str] =
    &["advertisement", "related topics", "share", "skip advert", "listen to this article"];

fn is_boilerplate(sentence: &str) -> bool {
    let text = sentence.trim();
    let hay = text.as_bytes();
    let word_start = |i: usize| i == 0 || !hay[i - 1].is_ascii_alphanumeric();
    // Most word starts fail on their first two letters, looked up in a bit table.
    let opens_phrase = |i: usize| {
        let letter = |k: usize| hay.get(k).map(u8::to_ascii_lowercase).filter(u8::is_ascii_lowercase).map(|b| b - b'a');
        matches!((letter(i), letter(i + 1)), (Some(x), Some(y)) if BOILERPLATE_OPENINGS[x as usize] >> y & 1 == 1)
    };
    let phrase = (0..hay.len()).filter(|&i| word_start(i) && opens_phrase(i)).any(|i| {
        let opening = [hay[i].to_ascii_lowercase(), hay[i + 1].to_ascii_lowercase()];
        BOILERPLATE.iter().filter(|p| p.as_bytes()[..2] == opening).any(|p| phrase_at(hay, i, p).is_some())
    });
    phrase
        || BOILERPLATE_LINES
            .iter()
            .any(|line| phrase_at(hay, 0, line).is_some_and(|end| text[end..].trim_end_matches(['.', ':']).is_empty()))
}

/// Where `phrase` (lower case, single spaces) ends if it starts at `at`:
/// case ignored, a space matching any run of white space. Byte by byte, with
/// no lower-cased copy and no searcher to set up: sentences are short.
fn phrase_at(hay: &[u8], at: usize, phrase: &str) -> Option<usize> {
    let space = |i: usize| match hay.get(i..) {
        Some([b' ' | b'\t' | b'\n' | b'\r', ..]) => Some(1),
        Some([0xC2, 0xA0, ..]) => Some(2), // no-break space
        _ => None,
    };
    let mut i = at;
    for &p in phrase.as_bytes() {
        if p == b' ' {
            i += space(i)?;
            while let Some(n) = space(i) {
                i += n;
            }
        } else if hay.get(i).is_some_and(|h| h.to_ascii_lowercase() == p) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

/// A body segment caught between two boilerplate segments is furniture too
/// ("Sign up to ... newsletter" / "Craig Munro breaks down ..." / "Sign up here.").
fn mark_boilerplate_runs(segments: &mut [RawSegment]) {
    let n = segments.len();
    for k in 1..n.saturating_sub(1) {
        if segments[k].kind == SegmentKind::Body
            && segments[k - 1].kind == SegmentKind::Boilerplate
            && segments[k + 1].kind == SegmentKind::Boilerplate
        {
            segments[k].kind = SegmentKind::Boilerplate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        segment(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    fn kinds(text: &str) -> Vec<SegmentKind> {
        segment(text).iter().map(|s| s.kind).collect()
    }

    #[test]
    fn wire_furniture_is_boilerplate() {
        use SegmentKind::*;
        for t in [
            "(Writing by Jane Doe; editing by John Roe)",
            "Copyright 2015 Thomson Reuters. All rights reserved.",
            "This article is reproduced with permission from the wire.",
            "This is a developing story.",
            "Reading Time: 2 minutes",
            "More follows.",
            "A runner at the finish. © Getty Images",
            "Image: A doctor in Freetown, December 16, 2014, wearing protective clothing.",
            "READ: Ferry timetable changes announced for the summer season",
            "Also read: Why the bridge was built",
        ] {
            assert!(kinds(t).iter().all(|k| *k == Boilerplate), "{t}: {:?}", kinds(t));
        }
        assert_eq!(kinds("The story developed fast. Editors were pleased."), [Body, Body]);
        assert_eq!(kinds("Read the report: it is damning."), [Body]);
    }

    #[test]
    fn other_scripts_end_sentences() {
        assert_eq!(
            split("日本の探査機が月に着陸した。太陽電池は発電していない。"),
            ["日本の探査機が月に着陸した。", "太陽電池は発電していない。"]
        );
        assert_eq!(split("埃博拉疫情结束了！世卫组织宣布。"), ["埃博拉疫情结束了！", "世卫组织宣布。"]);
        assert_eq!(split("「着陸した。」と述べた。次の文。"), ["「着陸した。」", "と述べた。", "次の文。"]);
        assert_eq!(split("भारत ने जीत हासिल की। मैच रोमांचक था।"), ["भारत ने जीत हासिल की।", "मैच रोमांचक था।"]);
        assert_eq!(split("هل انتهى الوباء؟ قالت المنظمة نعم."), ["هل انتهى الوباء؟", "قالت المنظمة نعم."]);
    }

    #[test]
    fn titles_money_decimals_and_domains_do_not_split() {
        let t = "Sir Keir and Mr Smith met Dr. Jones. The U.S. paid £7.7bn, up 3.5%. Visit Metro.co.uk today.";
        assert_eq!(
            split(t),
            ["Sir Keir and Mr Smith met Dr. Jones.", "The U.S. paid £7.7bn, up 3.5%.", "Visit Metro.co.uk today."]
        );
    }

    #[test]
    fn email_at_end_of_sentence_splits() {
        let t = "Email us at webnews@metro.co.uk. Or you can write.";
        assert_eq!(split(t), ["Email us at webnews@metro.co.uk.", "Or you can write."]);
    }

    #[test]
    fn closing_quotes_stay_and_quotes_split_inside() {
        let t = "He said: “I simply do not believe it. We’ve got to act.” She left.";
        assert_eq!(split(t), ["He said: “I simply do not believe it.", "We’ve got to act.”", "She left."]);
        let t = "“It was ready. There is no programme,” Mr Burghart said. Next.";
        assert_eq!(split(t), ["“It was ready.", "There is no programme,” Mr Burghart said.", "Next."]);
    }

    #[test]
    fn ellipsis_inside_quote_does_not_split() {
        let t = "\"between our institutions... and profits from it,\" he said.";
        assert_eq!(split(t), [t]);
    }

    #[test]
    fn headings_bullets_and_datelines() {
        let t = "date 2025-03-31 Delegates gather.\n\nOnline recruitment\n- Company closure\n- One. Two.\nCore topics include:";
        assert_eq!(
            split(t),
            [
                "date 2025-03-31",
                "Delegates gather.",
                "Online recruitment",
                "- Company closure",
                "- One.",
                "Two.",
                "Core topics include:"
            ]
        );
        use SegmentKind::*;
        assert_eq!(kinds(t), [Dateline, Body, Heading, Bullet, Bullet, Bullet, Body]);
        assert_eq!(split("LONDON (AFP) - Talks began."), ["LONDON (AFP) -", "Talks began."]);
    }

    #[test]
    fn soft_wraps_join_and_boilerplate_is_marked() {
        let t = "To view this video please enable JavaScript, and consider a web\nbrowser that\nsupports HTML5\nvideo\nBody text here.";
        assert_eq!(split(t).len(), 2);
        assert_eq!(kinds(t), [SegmentKind::Boilerplate, SegmentKind::Body]);
        let t = "Sign up to Metro’s newsletter, Alright Gov?\nCraig breaks it down. Sign up here.\nGot a story? Get in touch with us.";
        assert!(kinds(t).iter().all(|&k| k == SegmentKind::Boilerplate));
    }

    #[test]
    fn an_abbreviation_can_close_a_sentence() {
        let t = "Talks were held in the U.S. The president did not attend. He arrived at 3 p.m. Then he left. \
                 She works for Smith & Co. In London, Mr. Smith met the U.N. envoy and J. K. Rowling.";
        assert_eq!(
            split(t),
            [
                "Talks were held in the U.S.",
                "The president did not attend.",
                "He arrived at 3 p.m.",
                "Then he left.",
                "She works for Smith & Co.",
                "In London, Mr. Smith met the U.N. envoy and J. K. Rowling."
            ]
        );
    }

    #[test]
    fn numbered_items_bylines_stamps_and_credits() {
        let t = "By Jane Doe, Political Correspondent\nUpdated 11:05 BST, 31 March 2025\n1. Disrupt supply chains\n2. Target finances\nImage: Getty Images\nBy the river";
        assert_eq!(split(t)[2..4], ["1. Disrupt supply chains", "2. Target finances"]);
        use SegmentKind::*;
        assert_eq!(kinds(t), [Boilerplate, Boilerplate, Bullet, Bullet, Boilerplate, Heading]);
    }

    #[test]
    fn boilerplate_phrases_ignore_case_and_spacing() {
        assert!(is_boilerplate("FOLLOW\u{a0}us  on\nTwitter for more."));
        assert!(is_boilerplate("Share."));
        assert!(!is_boilerplate("Share prices fell."));
        assert!(!is_boilerplate("The unfollow us button."));
    }

    #[test]
    fn run_on_sentence_is_not_split_and_german_works() {
        assert_eq!(split("Labour’s policy to illegal migration the crisis requires action.").len(), 1);
        assert_eq!(
            split("Am 3. Oktober wird gefeiert. Im 1. Quartal stieg sie auf 12. Dann fiel sie."),
            ["Am 3. Oktober wird gefeiert.", "Im 1. Quartal stieg sie auf 12.", "Dann fiel sie."]
        );
        let t = "Da sprach Gott: Helligkeit soll entstehen! Da entstand z. B. Helligkeit. Gott sah es.";
        assert_eq!(
            split(t),
            ["Da sprach Gott: Helligkeit soll entstehen!", "Da entstand z. B. Helligkeit.", "Gott sah es."]
        );
    }

    #[test]
    fn empty_crlf_and_lines() {
        assert!(segment("").is_empty());
        assert!(segment(" \n\r\n\t").is_empty());
        assert_eq!(split("One.\r\nTwo.\r\n"), ["One.", "Two."]);
        let t = "a b.\n\n c. D\n";
        let lines: Vec<&str> = segment_lines(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(lines, ["a b.", "c. D"]);
    }
}
