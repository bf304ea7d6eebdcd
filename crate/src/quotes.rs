//! Direct quotations, their speakers, and the same utterance across versions.
//!
//! Quotes are found per paragraph: curly (“ ” ‘ ’), straight (" '), German
//! („ “) and guillemets (« » » «). A quote still open at the end of its
//! paragraph ends there: the British multi-paragraph style opens each
//! paragraph again and closes only the last. An apostrophe inside a word
//! (We’ve, Labour’s) never closes a quote.

use foldhash::{HashMap, HashMapExt};

use serde::{Deserialize, Serialize};

use crate::diff::{diff_tokens, DiffOptions, Tag, WordOp};
use crate::segment::paragraphs;
use crate::tokenize::{normalize, tokenize, Token, TokenKind};

/// One quotation in one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Quote {
    /// The version.
    pub doc: usize,
    /// The segment the quote starts in.
    pub segment: usize,
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Who said it, where the text attributes it.
    pub speaker: Option<String>,
}

/// The same utterance as quoted by several versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct QuoteGroup {
    /// The quotes: first the longest rendering, then the others in version
    /// order (a version may quote several fragments of one utterance).
    pub quotes: Vec<Quote>,
    /// The versions quote it in different words (a possible misquote).
    pub variant: bool,
    /// For each quote, its word diff against the first (longest) quote, trimmed
    /// to the stretch it quotes: a fragment that quotes part of the utterance
    /// faithfully shows no change.
    pub diffs: Vec<Vec<WordOp>>,
    /// The one version that quotes it, if only one does.
    pub only_in: Option<usize>,
}

/// A quote found in a text: byte range of the quoted words.
#[derive(Debug, Clone, PartialEq)]
pub struct RawQuote {
    /// First byte of the quoted words.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Who said it, if the paragraph says.
    pub speaker: Option<String>,
}

fn closer_for(open: char) -> Option<&'static [char]> {
    Some(match open {
        '“' => &['”'],
        '‘' => &['’'],
        '"' => &['"'],
        '\'' => &['\''],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        _ => return None,
    })
}

/// Finds the quotes of `text`, with speakers where the text names them.
///
/// ```
/// use variorum::quotes::find_quotes;
/// let t = "“We’ve got to act,” Mr Smith said. He added: ‘It is Labour’s fault.’";
/// let q: Vec<_> = find_quotes(t).iter().map(|q| (&t[q.start..q.end], q.speaker.clone())).collect();
/// assert_eq!(q[0], ("We’ve got to act,", Some("Mr Smith".to_string())));
/// assert_eq!(q[1], ("It is Labour’s fault.", Some("Mr Smith".to_string())));
/// ```
pub fn find_quotes(text: &str) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut last_speaker: Option<String> = None;
    // The segmenter's paragraphs: a soft-wrapped line ("“We must\nact now,”
    // he said.") does not end one.
    for (para_start, end) in paragraphs(text) {
        let para = &text[para_start..end];
        let first = out.len();
        scan_paragraph(para, para_start, &mut out);
        let found = &mut out[first..];
        // Speakers serve the quote groups only: the page's first engine,
        // built without them, leaves them out (and their code with them).
        if !found.is_empty() && cfg!(feature = "analysis") {
            let speaker = attribute(para, para_start, found).or_else(|| last_speaker.clone());
            for q in found.iter_mut() {
                q.speaker.clone_from(&speaker);
            }
            last_speaker = speaker;
        }
    }
    out
}

fn scan_paragraph(para: &str, offset: usize, out: &mut Vec<RawQuote>) {
    // Most paragraphs open no quote at all.
    if !para.contains(|c| closer_for(c).is_some()) {
        return;
    }
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    // Where each mark can close a quote: it ends a word (a mark followed by a
    // letter is an apostrophe) and does not follow a space. Listed up front,
    // so finding an opener's closer is a binary search, not a scan.
    const MARKS: [char; 7] = ['"', '\'', '”', '’', '“', '»', '«'];
    let mark_of = |c: char| MARKS.iter().position(|&m| m == c);
    let mut closings: [Vec<usize>; MARKS.len()] = Default::default();
    for m in 1..chars.len() {
        let next = chars.get(m + 1).map(|x| x.1);
        if let Some(mark) = mark_of(chars[m].1) {
            if !next.is_some_and(char::is_alphabetic) && !chars[m - 1].1.is_whitespace() {
                closings[mark].push(m);
            }
        }
    }
    let next_closing = |closers: &[char], after: usize| {
        closers
            .iter()
            .filter_map(|&c| mark_of(c).and_then(|i| closings[i].get(closings[i].partition_point(|&m| m <= after))))
            .min()
            .copied()
    };
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let Some(closers) = closer_for(c) else {
            k += 1;
            continue;
        };
        // A straight or single mark opens only at a word start: "Labour’s" is not a quote.
        if prev.is_some_and(char::is_alphanumeric) {
            k += 1;
            continue;
        }
        let body_start = at + c.len_utf8();
        let (body_end, resume) = match next_closing(closers, k) {
            Some(m) => (chars[m].0, m + 1),
            // Unclosed: the quote runs to the end of the paragraph (British style).
            None if matches!(c, '‘' | '“' | '"' | '„' | '«') => (para.trim_end().len(), chars.len()),
            None => {
                k += 1;
                continue;
            }
        };
        let body = &para[body_start..body_end];
        if body.chars().any(char::is_alphabetic) && body.trim() == body {
            out.push(RawQuote { start: offset + body_start, end: offset + body_end, speaker: None });
        }
        k = resume;
    }
}

/// Verbs that attribute speech.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "insisted",
    "insist",
    "warned",
    "warns",
    "urged",
    "stated",
    "stating",
    "argued",
    "argue",
    "asserted",
    "assert",
    "explained",
    "noted",
    "announced",
    "declared",
    "recalled",
    "wrote",
    "writes",
    "claimed",
    "stressed",
    "emphasised",
    "emphasized",
    "acknowledged",
    "responded",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// The speaker the paragraph names for its quotes: a capitalised name next
/// to a speech verb outside the quotes ("Mr Burghart said", "said Cooper",
/// "Starmer will say", "Sir Keir told attendees:"). `None` for a pronoun
/// ("he said"): the caller then keeps the previous speaker.
fn attribute(para: &str, offset: usize, quotes: &[RawQuote]) -> Option<String> {
    // The paragraph with the quoted words blanked out.
    let mut outside = String::with_capacity(para.len());
    let mut pos = 0;
    for q in quotes {
        let (s, e) = (q.start - offset, q.end - offset);
        outside.push_str(&para[pos..s]);
        outside.push_str(&" ".repeat(e - s));
        pos = e;
    }
    outside.push_str(&para[pos..]);
    let words: Vec<&str> = outside
        .split(|c: char| c.is_whitespace() || matches!(c, '“' | '”' | '‘' | '"' | '„' | '«' | '»'))
        .filter(|w| !w.is_empty())
        .collect();
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    // A name is a run of capitalised words; punctuation after a word ends the run.
    let is_name = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().last().is_some_and(char::is_alphanumeric)
            && !PRONOUNS.contains(&w.to_lowercase().as_str())
    };
    let verb_at = words.iter().position(|w| SPEECH_VERBS.contains(&clean(w).to_lowercase().as_str()))?;
    let mut before = verb_at;
    while before > 0 && AUXILIARIES.contains(&clean(words[before - 1]).as_str()) {
        before -= 1;
    }
    let start = (0..before).rev().take_while(|&p| is_name(words[p])).last();
    if let Some(start) = start.filter(|&s| before - s <= 5) {
        let name: Vec<String> =
            words[start..before].iter().map(|w| clean(w)).skip_while(|w| w == "The" || w == "A").collect();
        if !name.is_empty() {
            return Some(name.join(" "));
        }
    }
    if before > 0 && PRONOUNS.contains(&clean(words[before - 1]).to_lowercase().as_str()) {
        return None;
    }
    // "Tom Reyes, director at the water company, said": the name before the
    // apposition speaks, not the company the apposition names.
    if before > 1 && words[before - 1].ends_with(',') {
        if let Some(comma) = (before.saturating_sub(9)..before - 1).rev().find(|&p| words[p].ends_with(',')) {
            let run: Vec<String> = (0..=comma)
                .rev()
                .take_while(|&p| is_name(&clean(words[p])) && (p == comma || is_name(words[p])))
                .map(|p| clean(words[p]))
                .collect();
            if !run.is_empty() && run.len() <= 4 {
                return Some(run.into_iter().rev().collect::<Vec<_>>().join(" "));
            }
        }
    }
    // "the company said", "a spokeswoman for the ministry told": the speaker
    // the text gives, not the last person named before it.
    if let Some(article) = (before.saturating_sub(5)..before)
        .rev()
        .find(|&p| DETERMINERS.contains(&clean(words[p]).to_lowercase().as_str()))
    {
        let phrase: Vec<String> = words[article..before].iter().map(|w| clean(w)).collect();
        if phrase.len() > 1 && phrase.iter().all(|w| !w.is_empty()) {
            return Some(phrase.join(" "));
        }
    }
    // After the verb a name runs to its first punctuation ("said Jane Doe, the chief executive").
    let mut after: Vec<String> = Vec::new();
    for w in words[verb_at + 1..].iter().take(5) {
        let ends = !w.chars().last().is_some_and(char::is_alphanumeric);
        if !(is_name(w) || ends && is_name(&clean(w)) && w.chars().next().is_some_and(char::is_alphanumeric)) {
            break;
        }
        after.push(clean(w));
        if ends {
            break;
        }
    }
    (!after.is_empty()).then(|| after.join(" "))
}

/// Words that open a speaker described rather than named.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their"];

/// Words between a speaker and the speech verb ("will say", "has said").
const AUXILIARIES: &[&str] = &["will", "has", "had", "would", "also", "later", "then", "is", "was"];

/// Content words of a quote, for matching utterances.
fn terms(text: &str) -> Vec<String> {
    let mut t: Vec<String> = tokenize(text)
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| normalize(t).into_owned())
        .filter(|w| w.chars().count() > 2)
        .collect();
    t.sort();
    t.dedup();
    t
}

/// How many of the sorted, distinct words `x` are also in `y`.
fn shared_count(x: &[String], y: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// Groups quotes that render the same utterance. The longest rendering of
/// an utterance leads its group; each shorter quote joins the group whose
/// leader holds most of its words (two thirds at least), so short fragments
/// never chain unrelated passages together. An utterance only one version
/// quotes is a group too, marked `only_in`.
pub fn group_quotes(mut quotes: Vec<Quote>) -> Vec<QuoteGroup> {
    quotes.sort_by_key(|q| std::cmp::Reverse(q.text.len()));
    let terms: Vec<Vec<String>> = quotes.iter().map(|q| terms(&q.text)).collect();
    // Leaders indexed by their terms. A leader holding `need` of a quote's
    // `t` terms holds one of any `t - need + 1` of them, so only the leaders
    // found through its rarest few are counted: a frequent word never makes
    // each quote meet every other.
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut found: Vec<usize> = Vec::new();
    for (k, t) in terms.iter().enumerate() {
        let need = (t.len() * 2).div_ceil(3).max(2.min(t.len()));
        let mut probe: Vec<&[usize]> = t.iter().map(|w| index.get(w.as_str()).map_or(&[][..], Vec::as_slice)).collect();
        probe.sort_unstable_by_key(|p| p.len());
        found.clear();
        found.extend(probe.iter().take(t.len() - need + 1).flat_map(|p| p.iter().copied()));
        found.sort();
        found.dedup();
        let best = found
            .iter()
            .map(|&g| (shared_count(t, &terms[members[g][0]]), g))
            .filter(|&(n, _)| n >= need && n > 0)
            .max_by_key(|&(n, g)| (n, std::cmp::Reverse(g)))
            .map(|(_, g)| g);
        match best {
            Some(g) => members[g].push(k),
            None => {
                for w in t {
                    index.entry(w.as_str()).or_default().push(members.len());
                }
                members.push(vec![k]);
            }
        }
    }
    let words_only = DiffOptions { ignore_case: true, ignore_punctuation: true, ignore_whitespace: true };
    let mut groups: Vec<QuoteGroup> = members
        .into_iter()
        .map(|mut m| {
            m[1..].sort_by_key(|&k| (quotes[k].doc, quotes[k].segment));
            let group: Vec<Quote> = m.iter().map(|&k| quotes[k].clone()).collect();
            let tokens = tokenize(&group[0].text);
            let leader = Leader { words: words_of(&tokens), tokens };
            let (diffs, changed): (Vec<Vec<WordOp>>, Vec<bool>) =
                group.iter().map(|q| quote_diff(&leader, &q.text, &words_only)).unzip();
            // Worded differently: another version renders the leader's stretch in other words.
            // A one-word gloss ("a “historic” day") is no rendering of an utterance to misquote.
            let variant = m
                .iter()
                .zip(&group)
                .zip(&changed)
                .any(|((&k, q), &changed)| q.doc != group[0].doc && terms[k].len() > 1 && changed);
            let first = group[0].doc;
            let only_in = group.iter().all(|q| q.doc == first).then_some(first);
            QuoteGroup { quotes: group, variant, diffs, only_in }
        })
        .collect();
    groups.sort_by_key(|g| (g.quotes[0].doc, g.quotes[0].segment));
    groups
}

/// A quote's word diff against its group's leader, on the stretch both
/// render, and whether it changes words there. A quote whose words stand in
/// the leader in one piece is a fragment of it: all equal, wherever the diff
/// alone might have matched a repeated word elsewhere. Words only one side
/// has at either end are no change (one quoted more of the utterance than
/// the other), and the leader's are dropped from the diff; other words in
/// their place, or a change inside, are a change.
fn quote_diff(leader: &Leader<'_>, quote: &str, options: &DiffOptions) -> (Vec<WordOp>, bool) {
    let tokens = tokenize(quote);
    let stretch = contiguous_in(leader, &tokens).unwrap_or(0..leader.tokens.len());
    let mut ops = diff_tokens(&leader.tokens[stretch], &tokens, options);
    let one_sided = |run: &[WordOp]| run.windows(2).all(|w| w[0].tag == w[1].tag);
    let head = ops.iter().take_while(|op| op.tag != Tag::Equal).count();
    let tail = ops[head..].iter().rev().take_while(|op| op.tag != Tag::Equal).count();
    let from = if one_sided(&ops[..head]) { head } else { 0 };
    let to = if one_sided(&ops[ops.len() - tail..]) { ops.len() - tail } else { ops.len() };
    let changed =
        ops[from..to.max(from)].iter().any(|op| op.tag != Tag::Equal && op.text.chars().any(char::is_alphanumeric));
    while ops.last().is_some_and(|op| op.tag == Tag::Delete) {
        ops.pop();
    }
    let lead = ops.iter().take_while(|op| op.tag == Tag::Delete).count();
    (ops.split_off(lead), changed)
}

/// The tokens of `leader` from the first to the last word of `quote` (and
/// the punctuation next to them), where the quote's words (normalised)
/// stand in the leader in one piece; found with Knuth-Morris-Pratt, linear
/// in both.
fn contiguous_in(leader: &Leader<'_>, quote: &[Token<'_>]) -> Option<std::ops::Range<usize>> {
    let (hay, needle, leader) = (&leader.words, words_of(quote), &leader.tokens);
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    // fail[k]: the longest proper prefix of needle[..=k] that is also its suffix.
    let mut fail = vec![0usize; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i].1 != needle[k].1 {
            k = fail[k - 1];
        }
        if needle[i].1 == needle[k].1 {
            k += 1;
        }
        fail[i] = k;
    }
    let mut k = 0;
    for (i, (_, w)) in hay.iter().enumerate() {
        while k > 0 && *w != needle[k].1 {
            k = fail[k - 1];
        }
        if *w == needle[k].1 {
            k += 1;
        }
        if k == needle.len() {
            // Widened over the punctuation next to it, so the leader's own
            // closing comma is no difference against itself.
            let is_word = |t: &Token<'_>| matches!(t.kind, TokenKind::Word | TokenKind::Number);
            let (mut start, mut end) = (hay[i + 1 - k].0, hay[i].0 + 1);
            while start > 0 && !is_word(&leader[start - 1]) {
                start -= 1;
            }
            while end < leader.len() && !is_word(&leader[end]) {
                end += 1;
            }
            return Some(start..end);
        }
    }
    None
}

/// A group's leading quote: its tokens, and its words normalised once for
/// every member the group compares with it.
struct Leader<'a> {
    tokens: Vec<Token<'a>>,
    words: Vec<(usize, String)>,
}

/// The words of `tokens`, normalised, with their token indices.
fn words_of(tokens: &[Token<'_>]) -> Vec<(usize, String)> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|(k, t)| (k, normalize(t).into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(t: &str) -> Vec<&str> {
        find_quotes(t).iter().map(|q| &t[q.start..q.end]).collect()
    }

    #[test]
    fn marks_of_every_style() {
        assert_eq!(quoted("He called it a “vile trade”."), ["vile trade"]);
        assert_eq!(quoted("a ‘tough new law’ demanding"), ["tough new law"]);
        assert_eq!(quoted("the \"vile trade\" in migrants"), ["vile trade"]);
        assert_eq!(quoted("Gott nannte es „Tag“ und «Nacht»."), ["Tag", "Nacht"]);
    }

    #[test]
    fn a_line_break_inside_a_quote_keeps_it_whole() {
        assert_eq!(quoted("“We must\nact now,” he said."), ["We must\nact now,"]);
        // A new paragraph still ends an unclosed British quote.
        assert_eq!(quoted("‘We act.\n‘Now.’"), ["We act.", "Now."]);
    }

    #[test]
    fn apostrophes_do_not_close_quotes() {
        assert_eq!(
            quoted("‘We’ve got to combine Labour’s resources.’ Next."),
            ["We’ve got to combine Labour’s resources."]
        );
        assert!(quoted("The governments’ plans and Labour’s policy.").is_empty());
    }

    #[test]
    fn british_multi_paragraph_quotes_and_speakers() {
        let t = "Chris Philp said: ‘We welcome it.\n‘Crossings are up 31%.\n‘This is the clear impact.’\n";
        let q = find_quotes(t);
        let texts: Vec<&str> = q.iter().map(|q| &t[q.start..q.end]).collect();
        assert_eq!(texts, ["We welcome it.", "Crossings are up 31%.", "This is the clear impact."]);
        assert!(q.iter().all(|q| q.speaker.as_deref() == Some("Chris Philp")));
        let t = "“It was ready to go,” Mr Burghart said.";
        assert_eq!(find_quotes(t)[0].speaker.as_deref(), Some("Mr Burghart"));
        let t = "\"We know this,\" Cooper told the BBC on Sunday.";
        assert_eq!(find_quotes(t)[0].speaker.as_deref(), Some("Cooper"));
        let t = "Starmer will say Monday: \"This vile trade exploits the cracks.\"";
        assert_eq!(find_quotes(t)[0].speaker.as_deref(), Some("Starmer"));
    }

    #[test]
    fn a_statement_keeps_the_speaker_the_text_gives() {
        let t = "“We are sorry,” said Jane Doe, the chief executive.\n\
                 The company said in a statement: “Services will resume on Monday.”\n\
                 Tom Reyes, operations director at the water company, said staff “will not rest”.";
        let speakers: Vec<_> = find_quotes(t).into_iter().map(|q| q.speaker).collect();
        assert_eq!(speakers[0].as_deref(), Some("Jane Doe"));
        assert_eq!(speakers[1].as_deref(), Some("The company"));
        assert_eq!(speakers[2].as_deref(), Some("Tom Reyes"), "the name before an apposition speaks");
    }

    fn q(doc: usize, text: &str) -> Quote {
        Quote { doc, segment: 0, text: text.into(), speaker: None }
    }

    #[test]
    fn misquote_is_a_variant_of_the_same_utterance() {
        let groups = group_quotes(vec![
            q(0, "This vile trade exploits the cracks between our institutions, pits nations against one another"),
            q(1, "This vile trade exploits the cracks between our institutions... and profits from our inability"),
            q(0, "It makes me furious, frankly"),
            q(1, "It makes me angry, frankly, because it is unfair."),
            q(1, "unrelated words entirely here"),
        ]);
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().filter(|g| g.only_in.is_none()).all(|g| g.variant));
        let unrelated = groups.iter().find(|g| g.quotes[0].text.starts_with("unrelated")).unwrap();
        assert_eq!((unrelated.only_in, unrelated.variant), (Some(1), false), "quoted by one version: kept, marked");
        let vile = groups.iter().find(|g| g.quotes[0].text.starts_with("This vile")).unwrap();
        assert!(vile.diffs[1].iter().any(|op| op.tag != Tag::Equal && op.text.contains("pits nations")));
        // A faithful fragment of a longer quote is not a variant.
        let faithful = group_quotes(vec![
            q(0, "combine our resources and share intelligence now"),
            q(1, "share intelligence now"),
        ]);
        assert!(!faithful[0].variant);
    }

    #[test]
    fn a_contiguous_piece_is_a_fragment_whatever_the_diff_would_match() {
        // "cut" twice in the leader: a bare diff may take the first and
        // report the words between as dropped.
        let groups = group_quotes(vec![
            q(0, "we will cut when the data allow, and we will not cut too quickly or by too much"),
            q(1, "not cut too quickly or by too much"),
        ]);
        assert!(!groups[0].variant, "{:?}", groups[0].diffs[1]);
        assert!(groups[0].diffs[1].iter().all(|op| op.tag == Tag::Equal));
    }

    #[test]
    fn only_a_change_inside_the_shared_stretch_is_a_variant() {
        // Each quotes a little more than the other at one end: no variant.
        let overlap = group_quotes(vec![
            q(0, "the economy has turned a corner and the worst is now behind us"),
            q(1, "turned a corner and the worst is now behind us all"),
        ]);
        assert!(!overlap[0].variant, "{:?}", overlap[0].diffs[1]);
        // Other words at the end of the shared stretch: a variant.
        let changed = group_quotes(vec![
            q(0, "the economy has turned a corner and the worst is now behind us"),
            q(1, "the economy has turned a corner and the worst is yet to come"),
        ]);
        assert!(changed[0].variant);
    }

    #[test]
    fn fragments_do_not_chain_unrelated_quotes() {
        let groups = group_quotes(vec![
            q(0, "tackle the problem upstream at every step of the routes"),
            q(1, "tackle the problem upstream"),
            q(1, "the problem of the routes is upstream and so is the problem of money"),
            q(0, "money is short"),
        ]);
        let shared: Vec<_> = groups.iter().filter(|g| g.only_in.is_none()).collect();
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].quotes.len(), 2);
        assert_eq!(groups.len(), 3, "the other two are each one version's own");
    }

    #[test]
    fn one_versions_own_fragments_are_no_variant() {
        // A version quoting two stretches of one utterance does not misquote itself.
        let groups = group_quotes(vec![
            q(0, "we need to make sure inflation stays low and be careful not to cut too quickly"),
            q(0, "careful not to cut too quickly"),
            q(1, "we need to make sure inflation stays low"),
        ]);
        assert_eq!(groups.len(), 1);
        assert!(!groups[0].variant);
    }
}
