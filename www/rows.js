// Report -> rows of each view. Pure data, no DOM: tested in Node too.

const FLIP = { equal: "equal", delete: "insert", insert: "delete" };

/** The pair report between versions `left` and `right`, oriented left -> right. */
export function orientedPair(report, left, right) {
  const pair = report.pairs.find((p) => (p.a === left && p.b === right) || (p.a === right && p.b === left));
  if (!pair) return null;
  if (pair.a === left) return pair;
  return {
    a: left,
    b: right,
    similarity: pair.similarity,
    unmatched_a: pair.unmatched_b,
    unmatched_b: pair.unmatched_a,
    links: pair.links
      .map((l) => ({
        ...l,
        a: l.b,
        b: l.a,
        ops: l.ops.map((o) => ({ ...o, tag: FLIP[o.tag] })),
        shared: l.shared && { a: l.shared.b, b: l.shared.a },
      }))
      .sort((x, y) => x.a[0] - y.a[0]),
  };
}

/**
 * Rows of the side-by-side and inline views, in the left version's order:
 * `link` rows (linked units), `only-left` and `only-right` rows (no
 * counterpart), and `moved-from` rows: where a moved sentence stood in the
 * right version, pointing at the row that shows it.
 */
export function pairRows(pair) {
  const rows = [];
  const linkOf = new Map();
  pair.links.forEach((l) => l.a.forEach((i) => linkOf.set(i, l)));
  const leftCount = Math.max(-1, ...pair.unmatched_a, ...pair.links.flatMap((l) => l.a)) + 1;
  const emitted = new Set();
  for (let i = 0; i < leftCount; i++) {
    const link = linkOf.get(i);
    if (link && !emitted.has(link)) {
      emitted.add(link);
      rows.push({ type: "link", left: link.a, right: link.b, link });
    } else if (!link) {
      rows.push({ type: "only-left", left: [i], right: [] });
    }
  }
  // Right-side rows that are not in left order: unmatched sentences, and the
  // old places of moved ones, each after the last in-order row whose right
  // side comes before it (one sweep: thousands of rows stay linear).
  const extra = [
    ...pair.unmatched_b.map((j) => ({ type: "only-right", left: [], right: [j] })),
    ...pair.links.filter((l) => l.moved).map((l) => ({ type: "moved-from", left: [], right: l.b, target: l })),
  ].sort((x, y) => x.right[0] - y.right[0]);
  const anchors = [];
  rows.forEach((r, k) => r.type === "link" && !r.link.moved && anchors.push([Math.max(...r.right), k]));
  anchors.sort((x, y) => x[0] - y[0]);
  let next = 0;
  let last = -1;
  const at = extra.map((row) => {
    while (next < anchors.length && anchors[next][0] < row.right[0]) last = Math.max(last, anchors[next++][1]);
    return last + 1;
  });
  const merged = [];
  let e = 0;
  for (let k = 0; k <= rows.length; k++) {
    while (e < extra.length && at[e] === k) merged.push(extra[e++]);
    if (k < rows.length) merged.push(rows[k]);
  }
  return merged;
}

/** Does a row carry a change a reader would step to? */
export function isChange(row) {
  return row.type !== "moved-from" && !(row.type === "link" && row.link.kind === "identical" && !row.link.moved);
}

/** Rows after the view filters: hide identical links; only sentences unique to a version. */
export function filterRows(rows, { hideIdentical = false, onlyUnique = false } = {}) {
  return rows.filter((r) => {
    if (onlyUnique) return r.type === "only-left" || r.type === "only-right";
    if (hideIdentical) return isChange(r);
    return true;
  });
}

/**
 * Synopsis rows: one per cross-version group, one cell per version. A cell
 * departs when its words differ from the most common wording in the row, or
 * when it is empty where most versions have the sentence.
 */
const synopses = new WeakMap();
export function synopsisRows(report) {
  if (!synopses.has(report)) synopses.set(report, buildSynopsis(report));
  return synopses.get(report);
}

function buildSynopsis(report) {
  const n = report.documents.length;
  const linked = counterpartIndex(report);
  return report.groups.map((group, index) => {
    const cells = group.members.map((members, d) => ({ doc: d, segments: members, text: segmentsText(report.documents[d], members), partly: [], departs: false }));
    const present = cells.filter((c) => c.segments.length > 0);
    // An empty cell may still hold part of the row: a partial link or a shared fact.
    for (const c of cells) {
      if (c.segments.length) continue;
      for (const p of present) for (const i of p.segments) for (const x of linked[p.doc][i]) if (x.doc === c.doc) c.partly.push(...x.segments);
      c.partly = [...new Set(c.partly)].sort((x, y) => x - y);
    }
    // A cell departs from a wording two or more others share: with three cells or more, and
    // only where the texts differ at all (keying every sentence of long versions costs).
    const keys = present.length > 2 && present.some((c) => c.text !== present[0].text) ? present.map((c) => wordsKey(c.text)) : [];
    const counts = new Map();
    keys.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
    const [majority, votes] = [...counts.entries()].sort((x, y) => y[1] - x[1])[0] ?? ["", 0];
    const mostHaveIt = present.length * 2 > n;
    // An empty cell departs where most versions have the row and it holds none of it; a full one where it is outvoted.
    for (const c of cells) if (!c.segments.length) c.departs = mostHaveIt && !c.partly.length;
    present.forEach((c, k) => (c.departs = votes > 1 && keys[k] !== majority));
    const boilerplate = present.every((c) => c.segments.every((i) => report.documents[c.doc].segments[i].kind === "boilerplate"));
    return { index, cells, versions: present.length, unique: present.length === 1, boilerplate };
  });
}

/** The text of segments `indices` of a version, joined by spaces. */
export function segmentsText(doc, indices) {
  if (indices.length === 1) return doc.segments[indices[0]].text;
  return indices.map((i) => doc.segments[i].text).join(" ");
}

/** Wording key: lower case, letters and digits only, single spaces. */
export function wordsKey(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * Every sentence's counterparts, built once per report: for `[doc][seg]`, one
 * entry per other version that has one, `{doc, segments, kind}` (a link of
 * any kind, or `kind: "overlap"` for a shared fact where both sentences are
 * linked elsewhere). The one meaning of "shared" on the page: the core's
 * `support` counts these versions, and every view shows these.
 */
const indexes = new WeakMap();
function counterpartIndex(report) {
  let index = indexes.get(report);
  if (index) return index;
  index = report.documents.map((d) => d.segments.map(() => []));
  const add = (doc, seg, entry) => {
    const list = index[doc][seg];
    if (!list.some((e) => e.doc === entry.doc)) list.push(entry);
  };
  for (const p of report.pairs) {
    for (const l of p.links) {
      l.a.forEach((i) => add(p.a, i, { doc: p.b, segments: l.b, kind: l.kind }));
      l.b.forEach((j) => add(p.b, j, { doc: p.a, segments: l.a, kind: l.kind }));
    }
    for (const o of p.overlaps ?? []) {
      add(p.a, o.a, { doc: p.b, segments: [o.b], kind: "overlap" });
      add(p.b, o.b, { doc: p.a, segments: [o.a], kind: "overlap" });
    }
  }
  indexes.set(report, index);
  return index;
}

/** For segment `seg` of version `doc`: its counterpart in every other version (`segments` empty where there is none). */
export function counterparts(report, doc, seg) {
  const found = counterpartIndex(report)[doc][seg];
  return report.documents
    .map((_, other) => other)
    .filter((other) => other !== doc)
    .map((other) => found.find((c) => c.doc === other) ?? { doc: other, segments: [], kind: null });
}

/**
 * A segment's text as runs `{text, shared}`, the engine's `spans` (a partial
 * link's shared runs, in the document's UTF-16 offsets) marked shared.
 */
export function sharedRuns(segment, spans) {
  const [start, end] = segment.span.utf16;
  const runs = [];
  let at = start;
  for (const { utf16 } of spans) {
    const [from, to] = [Math.max(utf16[0], at), Math.min(utf16[1], end)];
    if (from >= to) continue;
    if (from > at) runs.push({ text: segment.text.slice(at - start, from - start), shared: false });
    runs.push({ text: segment.text.slice(from - start, to - start), shared: true });
    at = to;
  }
  if (at < end) runs.push({ text: segment.text.slice(at - start), shared: false });
  return runs;
}

/**
 * A link's word ops with moves inside the sentence told apart: a deleted
 * run of two words or more that is inserted elsewhere in the same link is
 * marked `moved` on both sides, not shown as a deletion plus an insertion.
 */
export function markMoves(ops) {
  const key = (t) => t.trim().replace(/\s+/g, " ");
  const inserted = new Map();
  ops.forEach((o, k) => {
    if (o.tag === "insert" && key(o.text).includes(" ")) inserted.set(key(o.text), [...(inserted.get(key(o.text)) ?? []), k]);
  });
  const moved = new Set();
  ops.forEach((o, k) => {
    if (o.tag !== "delete") return;
    // Next to its twin it is a replacement in place, not a move.
    const twin = (inserted.get(key(o.text)) ?? []).find((j) => Math.abs(j - k) > 1 && !moved.has(j));
    if (twin !== undefined) {
      moved.add(k);
      moved.add(twin);
    }
  });
  return moved.size ? ops.map((o, k) => (moved.has(k) ? { ...o, moved: true } : o)) : ops;
}

/** Runs of consecutive segment indices: [3, 4, 7] -> [[3, 4], [7]]. */
export function consecutive(indices) {
  const runs = [];
  for (const i of indices) {
    const last = runs[runs.length - 1];
    if (last && i === last[last.length - 1] + 1) last.push(i);
    else runs.push([i]);
  }
  return runs;
}

/** Sentence links of every pair as CSV rows (RFC 4180 quoting). */
export function linksCsv(report) {
  const q = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [["version_a", "version_b", "sentences_a", "sentences_b", "kind", "score", "moved", "text_a", "text_b"].join(",")];
  for (const p of report.pairs) {
    const [da, db] = [report.documents[p.a], report.documents[p.b]];
    for (const l of p.links) {
      lines.push([da.name, db.name, l.a.join(" "), l.b.join(" "), l.kind, l.score, l.moved, segmentsText(da, l.a), segmentsText(db, l.b)].map(q).join(","));
    }
    for (const i of p.unmatched_a) lines.push([da.name, db.name, i, "", "unmatched", 0, false, da.segments[i].text, ""].map(q).join(","));
    for (const j of p.unmatched_b) lines.push([da.name, db.name, "", j, "unmatched", 0, false, "", db.segments[j].text].map(q).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
