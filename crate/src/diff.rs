//! Word diff of one aligned pair, via `similar`, cleaned up for reading.
//!
//! The diff runs on word tokens (never characters). A raw token diff of a
//! reworded sentence is confetti: "the", a comma and a space survive as
//! equal islands between changes. Cleanup absorbs islands that carry no
//! meaning of their own, so a reader sees whole changed phrases.

use std::borrow::Cow;
use std::ops::Range;

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};
use similar::algorithms::{patience, DiffHook};
use similar::DiffTag;

use crate::tokenize::{normalize, tokenize, Token, TokenKind};

/// What a word op does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    /// Text in both sentences.
    Equal,
    /// Text only in the old (left) sentence.
    Delete,
    /// Text only in the new (right) sentence.
    Insert,
}

/// A run of text with one tag. Equal and delete ops rebuild the old text;
/// equal and insert ops rebuild the new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct WordOp {
    /// What happened to the text.
    pub tag: Tag,
    /// The text itself (for equal ops, as it stands in the old sentence).
    pub text: String,
    /// The run contains a figure: a changed number deserves a stronger mark.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub number: bool,
    /// The run is a change inside a direct quotation: words put in someone's mouth.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quote: bool,
}

/// How tokens are compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields)]
pub struct DiffOptions {
    /// Treat "The" and "the" as equal.
    pub ignore_case: bool,
    /// Treat punctuation as equal whatever it is.
    pub ignore_punctuation: bool,
    /// Treat any run of whitespace as equal to any other.
    pub ignore_whitespace: bool,
}

/// Word diff of `old` against `new`.
///
/// ```
/// use variorum::diff::{diff_words, DiffOptions, Tag};
/// let ops = diff_words("more than 1,100 people", "more than 6,000 people", &DiffOptions::default());
/// let shown: Vec<(Tag, &str)> = ops.iter().map(|o| (o.tag, o.text.as_str())).collect();
/// assert_eq!(shown, [(Tag::Equal, "more than "), (Tag::Delete, "1,100"), (Tag::Insert, "6,000"), (Tag::Equal, " people")]);
/// assert!(ops[1].number);
/// ```
pub fn diff_words(old: &str, new: &str, options: &DiffOptions) -> Vec<WordOp> {
    diff_tokens(&tokenize(old), &tokenize(new), options)
}

/// [`diff_words`] on texts already tokenised.
pub fn diff_tokens<'t>(old_tokens: &[Token<'t>], new_tokens: &[Token<'t>], options: &DiffOptions) -> Vec<WordOp> {
    if old_tokens.iter().map(|t| t.text).eq(new_tokens.iter().map(|t| t.text)) {
        let text: String = old_tokens.iter().map(|t| t.text).collect();
        let equal = WordOp { tag: Tag::Equal, text, number: false, quote: false };
        return if old_tokens.is_empty() { Vec::new() } else { vec![equal] };
    }
    let same = |x: &Token<'t>, y: &Token<'t>| key(x, options) == key(y, options);
    // The common head and tail are equal as they stand (most linked
    // sentences differ in a word or two); only the middle needs a diff.
    let head = old_tokens.iter().zip(new_tokens).take_while(|(x, y)| same(x, y)).count();
    let tail =
        old_tokens[head..].iter().rev().zip(new_tokens[head..].iter().rev()).take_while(|(x, y)| same(x, y)).count();
    let (old_end, new_end) = (old_tokens.len() - tail, new_tokens.len() - tail);
    // Each distinct key of the middle becomes a number once: patience hashes
    // and compares the tokens again at every level of its recursion.
    let mut ids: HashMap<Cow<'t, str>, u32> = HashMap::with_capacity(old_end + new_end - 2 * head);
    let mut intern = |t: &Token<'t>| {
        let next = ids.len() as u32;
        *ids.entry(key(t, options)).or_insert(next)
    };
    let old_keys: Vec<u32> = old_tokens[head..old_end].iter().map(&mut intern).collect();
    let new_keys: Vec<u32> = new_tokens[head..new_end].iter().map(&mut intern).collect();
    // Patience, not Myers: Myers is faster on sentences but loses shared
    // phrases between reworded stretches (measured on the seed snapshots).
    // Into a hook of our own, not `capture_diff_slices`: its compaction and
    // replace passes, which the chunking below does its own way, cost 5.6 KiB
    // of the page's gzipped download.
    let mut raw = Ops { ops: vec![(DiffTag::Equal, 0..head, 0..head)], head };
    let (old_len, new_len) = (old_keys.len(), new_keys.len());
    let Ok(()) = patience::diff(&mut raw, &old_keys[..], 0..old_len, &new_keys[..], 0..new_len);
    let mut raw = raw.ops;
    let k = slide_last_change(&mut raw, old_tokens, new_tokens, (old_end, new_end), same);
    raw.push((DiffTag::Equal, old_end + k..old_tokens.len(), new_end + k..new_tokens.len()));

    let mut chunks: Vec<Chunk> = Vec::new();
    for (tag, o, n) in raw.into_iter().filter(|(_, o, n)| !o.is_empty() || !n.is_empty()) {
        match tag {
            // Patience reports its unique anchors and the equal runs between them apart.
            DiffTag::Equal => match chunks.last_mut() {
                Some(Chunk::Equal(eo)) => eo.end = o.end,
                _ => chunks.push(Chunk::Equal(o)),
            },
            _ => match chunks.last_mut() {
                Some(Chunk::Change(co, cn)) => {
                    co.end = co.end.max(o.end);
                    cn.end = cn.end.max(n.end);
                }
                _ => chunks.push(Chunk::Change(o, n)),
            },
        }
    }
    let chunks = absorb_islands(chunks, old_tokens, new_tokens);
    render(&chunks, old_tokens, new_tokens)
}

/// Receives the operations of the diff of the middle, placed after the head.
struct Ops {
    ops: Vec<(DiffTag, Range<usize>, Range<usize>)>,
    head: usize,
}

impl DiffHook for Ops {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        let (o, n) = (self.head + old, self.head + new);
        self.ops.push((DiffTag::Equal, o..o + len, n..n + len));
        Ok(())
    }

    fn delete(&mut self, old: usize, old_len: usize, new: usize) -> Result<(), Self::Error> {
        let (o, n) = (self.head + old, self.head + new);
        self.ops.push((DiffTag::Delete, o..o + old_len, n..n));
        Ok(())
    }

    fn insert(&mut self, old: usize, new: usize, new_len: usize) -> Result<(), Self::Error> {
        let (o, n) = (self.head + old, self.head + new);
        self.ops.push((DiffTag::Insert, o..o, n..n + new_len));
        Ok(())
    }
}

/// The trimmed tail is equal as it stands, but a pure deletion or insertion
/// just before it could sit anywhere along a repeated stretch: move it as
/// late as it goes, so "way.[- “I ... tackled.-]" drops the whole second
/// sentence rather than ".” “I ... tackled". Returns how far it moved.
fn slide_last_change<'t>(
    raw: &mut [(DiffTag, Range<usize>, Range<usize>)],
    old: &[Token<'t>],
    new: &[Token<'t>],
    tail: (usize, usize),
    same: impl Fn(&Token<'t>, &Token<'t>) -> bool,
) -> usize {
    let [.., (DiffTag::Equal, eo, en), (tag, o, n)] = raw else { return 0 };
    let (tokens, run, after) = match tag {
        DiffTag::Delete => (old, o.start, tail.0),
        DiffTag::Insert => (new, n.start, tail.1),
        _ => return 0,
    };
    let mut k = 0;
    while after + k < tokens.len() && same(&tokens[run + k], &tokens[after + k]) {
        k += 1;
    }
    (*o, *n) = (o.start + k..o.end + k, n.start + k..n.end + k);
    (eo.end, en.end) = (eo.end + k, en.end + k);
    k
}

/// What a token is compared by: its text, unless an option folds it.
fn key<'a>(token: &Token<'a>, options: &DiffOptions) -> Cow<'a, str> {
    match token.kind {
        TokenKind::Space if options.ignore_whitespace => Cow::Borrowed(" "),
        TokenKind::Punct if options.ignore_punctuation => Cow::Borrowed("·"),
        _ if options.ignore_case => normalize(token),
        _ => Cow::Borrowed(token.text),
    }
}

/// A stretch of the diff: equal old tokens, or old tokens replaced by new ones.
#[derive(Debug, Clone)]
enum Chunk {
    Equal(std::ops::Range<usize>),
    Change(std::ops::Range<usize>, std::ops::Range<usize>),
}

fn words(tokens: &[Token<'_>]) -> usize {
    tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count()
}

/// Folds meaningless equal islands between two changes into one change.
/// An island is meaningless when it has no word, or is a single short word
/// between changes that together span at least three words.
fn absorb_islands(chunks: Vec<Chunk>, old: &[Token<'_>], new: &[Token<'_>]) -> Vec<Chunk> {
    let changed_words = |c: &Chunk| match c {
        Chunk::Change(o, n) => words(&old[o.clone()]).max(words(&new[n.clone()])),
        Chunk::Equal(_) => 0,
    };
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    let mut k = 0;
    while k < chunks.len() {
        let chunk = chunks[k].clone();
        if let (Chunk::Equal(eq), Some(prev @ Chunk::Change(..)), Some(next @ Chunk::Change(..))) =
            (&chunk, out.last(), chunks.get(k + 1))
        {
            let island = &old[eq.clone()];
            let n = words(island);
            let short = island.iter().all(|t| t.kind != TokenKind::Number && t.text.chars().count() <= 3);
            let (before, after) = (changed_words(prev), changed_words(next));
            if n == 0 || (n == 1 && short && before >= 1 && after >= 1 && before + after >= 3) {
                let (Some(Chunk::Change(po, pn)), Chunk::Change(no, nn)) = (out.pop(), next) else { unreachable!() };
                out.push(Chunk::Change(po.start..no.end, pn.start..nn.end));
                k += 2;
                continue;
            }
        }
        if let (Chunk::Change(no, nn), Some(Chunk::Change(po, pn))) = (&chunk, out.last_mut()) {
            po.end = no.end;
            pn.end = nn.end;
        } else {
            out.push(chunk);
        }
        k += 1;
    }
    out
}

fn render(chunks: &[Chunk], old: &[Token<'_>], new: &[Token<'_>]) -> Vec<WordOp> {
    let text = |tokens: &[Token<'_>]| tokens.iter().map(|t| t.text).collect::<String>();
    let has_number = |tokens: &[Token<'_>]| tokens.iter().any(|t| t.kind == TokenKind::Number);
    let mut ops = Vec::new();
    for chunk in chunks {
        match chunk {
            Chunk::Equal(o) => {
                ops.push(WordOp { tag: Tag::Equal, text: text(&old[o.clone()]), number: false, quote: false })
            }
            Chunk::Change(o, n) => {
                let (o, n) = (&old[o.clone()], &new[n.clone()]);
                let number = has_number(o) || has_number(n);
                if !o.is_empty() {
                    ops.push(WordOp { tag: Tag::Delete, text: text(o), number, quote: false });
                }
                if !n.is_empty() {
                    ops.push(WordOp { tag: Tag::Insert, text: text(n), number, quote: false });
                }
            }
        }
    }
    ops
}

/// Flags the changes that fall inside a quotation: deletions against the
/// old text's quote spans, insertions against the new text's (byte ranges).
pub fn mark_quotes(ops: &mut [WordOp], old_quotes: &[(usize, usize)], new_quotes: &[(usize, usize)]) {
    let overlaps =
        |spans: &[(usize, usize)], start: usize, end: usize| spans.iter().any(|&(s, e)| start < e && s < end);
    let (mut old_pos, mut new_pos) = (0, 0);
    for op in ops.iter_mut() {
        let len = op.text.len();
        match op.tag {
            Tag::Equal => {
                old_pos += len;
                new_pos += len;
            }
            Tag::Delete => {
                op.quote = overlaps(old_quotes, old_pos, old_pos + len);
                old_pos += len;
            }
            Tag::Insert => {
                op.quote = overlaps(new_quotes, new_pos, new_pos + len);
                new_pos += len;
            }
        }
    }
}

/// Rebuilds (old, new) from ops: the invariant every diff must keep.
pub fn rebuild(ops: &[WordOp]) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for op in ops {
        match op.tag {
            Tag::Equal => {
                old.push_str(&op.text);
                new.push_str(&op.text);
            }
            Tag::Delete => old.push_str(&op.text),
            Tag::Insert => new.push_str(&op.text),
        }
    }
    (old, new)
}

/// `[-old-]{+new+}` markup of a word diff.
pub fn render_ops(ops: &[WordOp]) -> String {
    ops.iter()
        .map(|o| match o.tag {
            Tag::Equal => o.text.clone(),
            Tag::Delete => format!("[-{}-]", o.text),
            Tag::Insert => format!("{{+{}+}}", o.text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::render_ops as show;
    use super::*;

    #[test]
    fn reworded_phrase_is_one_change_not_confetti() {
        let ops = diff_words(
            "The PM said the issue makes people angry.",
            "Starmer expressed frustration at the crisis makes people angry.",
            &DiffOptions::default(),
        );
        assert_eq!(
            show(&ops),
            "[-The PM said the issue-]{+Starmer expressed frustration at the crisis+} makes people angry."
        );
    }

    #[test]
    fn ops_rebuild_both_sides_and_identical_is_one_op() {
        let (a, b) = ("Crossings are up 31% since the election.", "“Crossings are up 31% since the election.”");
        let ops = diff_words(a, b, &DiffOptions::default());
        assert_eq!(rebuild(&ops), (a.to_string(), b.to_string()));
        assert_eq!(diff_words(a, a, &DiffOptions::default()).len(), 1);
        assert!(diff_words("", "", &DiffOptions::default()).is_empty());
    }

    #[test]
    fn a_dropped_sentence_is_deleted_whole() {
        // After the changed first word, the deletion could start at the first "." as well.
        let ops = diff_words("In the same way.” “I do not.”", "On the same way.”", &DiffOptions::default());
        assert_eq!(ops.last().map(|o| (o.tag, o.text.as_str())), Some((Tag::Delete, " “I do not.”")));
        let ops = diff_words("In the same way.”", "On the same way.” “I do.”", &DiffOptions::default());
        assert_eq!(ops.last().map(|o| (o.tag, o.text.as_str())), Some((Tag::Insert, " “I do.”")));
    }

    #[test]
    fn changes_inside_quotes_are_flagged() {
        let (old, new) = ("He said “we must act now” today.", "He said “we should act now” today.");
        let mut ops = diff_words(old, new, &DiffOptions::default());
        let quote = |s: &str| s.find('“').unwrap() + '“'.len_utf8()..s.find('”').unwrap();
        let (q_old, q_new) = (quote(old), quote(new));
        mark_quotes(&mut ops, &[(q_old.start, q_old.end)], &[(q_new.start, q_new.end)]);
        let flagged: Vec<&str> = ops.iter().filter(|o| o.quote).map(|o| o.text.as_str()).collect();
        assert_eq!(flagged, ["must", "should"]);
        let mut outside = diff_words("Mr Smith said it.", "Ms Smith said it.", &DiffOptions::default());
        mark_quotes(&mut outside, &[], &[]);
        assert!(outside.iter().all(|o| !o.quote));
    }

    #[test]
    fn options_ignore_case_and_punctuation() {
        let o = DiffOptions { ignore_case: true, ignore_punctuation: true, ignore_whitespace: true };
        let ops = diff_words("The  plan, agreed.", "the plan; agreed!", &o);
        assert!(ops.iter().all(|op| op.tag == Tag::Equal));
    }
}
