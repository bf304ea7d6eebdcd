// Report -> rows -> DOM. Article text is untrusted: it only ever reaches the
// page through textContent and text nodes, never as HTML.

/** The pair report between versions `left` and `right`, oriented left -> right. */
export function orientedPair(report, left, right) {
  const pair = report.pairs.find((p) => (p.a === left && p.b === right) || (p.a === right && p.b === left));
  if (!pair) return null;
  if (pair.a === left) return pair;
  const flip = { equal: "equal", delete: "insert", insert: "delete" };
  return {
    a: left,
    b: right,
    similarity: pair.similarity,
    unmatched_a: pair.unmatched_b,
    unmatched_b: pair.unmatched_a,
    links: pair.links
      .map((l) => ({ ...l, a: l.b, b: l.a, ops: l.ops.map((o) => ({ ...o, tag: flip[o.tag] })) }))
      .sort((x, y) => x.a[0] - y.a[0]),
  };
}

/**
 * Rows of the side-by-side view: linked units in the left version's order,
 * each unmatched right sentence placed after the row holding the nearest
 * earlier right sentence.
 */
export function sideBySideRows(pair) {
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
  // Unmatched right sentences go after the last row (in order) whose right side precedes them.
  for (const j of [...pair.unmatched_b].sort((x, y) => x - y)) {
    let at = 0;
    rows.forEach((r, k) => {
      const anchor = r.type === "only-right" ? r.right[0] : r.link && !r.link.moved ? Math.max(...r.right) : -1;
      if (anchor >= 0 && anchor < j) at = k + 1;
    });
    rows.splice(at, 0, { type: "only-right", left: [], right: [j] });
  }
  return rows;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text of one side of a word diff: equal runs plus that side's changes. */
function diffSide(ops, side) {
  const frag = document.createDocumentFragment();
  const mine = side === "left" ? "delete" : "insert";
  for (const op of ops) {
    if (op.tag === "equal") frag.append(document.createTextNode(op.text));
    else if (op.tag === mine) {
      const mark = el(side === "left" ? "del" : "ins", op.number ? "num" : "", op.text);
      if (op.number) mark.title = "changed figure";
      frag.append(mark);
    }
  }
  return frag;
}

function segmentsCell(doc, indices, extraClass) {
  const td = el("td", extraClass);
  for (const i of indices) {
    const seg = doc.segments[i];
    const span = el("span", `seg kind-${seg.kind}`, seg.text);
    span.dataset.seg = i;
    td.append(span, " ");
  }
  return td;
}

const KIND_LABEL = { identical: "identical", minor_edit: "minor edit", paraphrase: "paraphrase", partial: "partial overlap" };

/** Fills `tbody` with the side-by-side rows of versions `left` and `right`. */
export function renderSideBySide(tbody, report, left, right) {
  tbody.replaceChildren();
  const pair = orientedPair(report, left, right);
  if (!pair) return 0;
  const [docL, docR] = [report.documents[left], report.documents[right]];
  const rows = sideBySideRows(pair);
  for (const row of rows) {
    const tr = el("tr", `row ${row.type}`);
    if (row.type === "link") {
      const { link } = row;
      tr.classList.add(`link-${link.kind}`);
      if (link.moved) tr.classList.add("moved");
      const tdL = el("td", "cell");
      const tdR = el("td", "cell");
      const kinds = new Set([...link.a.map((i) => docL.segments[i].kind), ...link.b.map((j) => docR.segments[j].kind)]);
      if (kinds.has("boilerplate")) tr.classList.add("boilerplate");
      tdL.append(diffSide(link.ops, "left"));
      tdR.append(diffSide(link.ops, "right"));
      const badge = el("span", "badge kind", KIND_LABEL[link.kind] ?? link.kind);
      tdR.append(" ", badge);
      if (link.moved) tdR.append(" ", el("span", "badge moved", `moved (from #${link.b[0] + 1})`));
      tr.append(tdL, tdR);
    } else {
      const onlyLeft = row.type === "only-left";
      const doc = onlyLeft ? docL : docR;
      const idx = onlyLeft ? row.left : row.right;
      const filled = segmentsCell(doc, idx, "cell only");
      filled.append(el("span", "badge only", `only in ${doc.name}`));
      const empty = el("td", "cell empty");
      if (idx.some((i) => doc.segments[i].kind === "boilerplate")) tr.classList.add("boilerplate");
      tr.append(...(onlyLeft ? [filled, empty] : [empty, filled]));
    }
    tbody.append(tr);
  }
  return rows.length;
}
