// Views: report -> DOM. Article text is untrusted: it reaches the page only
// through textContent and text nodes, never as HTML.
import { el } from "./dom.js";
import { drawInParts, drawnAtOnce, partedTable, replaceView } from "./drawing.js";
import { originBadge } from "./origin.js";
import { consecutive, counterparts, filterRows, isChange, markMoves, orientedPair, pairRows, segmentsText, sharedRuns, synopsisRows } from "./rows.js";


const KIND_LABEL = { identical: "identical", minor_edit: "minor edit", paraphrase: "paraphrase", partial: "partial overlap", overlap: "shares a fact" };

/** One side of a word diff: equal runs plus that side's changes. */
function diffSide(ops, side) {
  const frag = document.createDocumentFragment();
  const mine = side === "left" ? "delete" : "insert";
  for (const op of ops) {
    if (op.tag === "equal") frag.append(op.text);
    else if (op.tag === mine) frag.append(mark(op));
  }
  return frag;
}

/** Both sides of a word diff in one run of text: a redline. Moved words show once, where they now stand. */
function diffInline(ops) {
  const frag = document.createDocumentFragment();
  for (const op of ops) {
    if (op.tag === "equal") frag.append(op.text);
    else if (op.moved && op.tag === "delete") frag.append(Object.assign(el("span", "moved-away", "↷"), { title: `moved: “${op.text.trim()}”` }));
    else frag.append(mark(op));
  }
  return frag;
}

/**
 * One side of a partial link: its sentences with what the other side shares
 * marked (the engine's runs, `spans`), sentences that do not stand together
 * in the text set apart, since they were never printed as one.
 */
function sharedSide(doc, indices, spans = []) {
  const frag = document.createDocumentFragment();
  consecutive(indices).forEach((run, k) => {
    if (k > 0) frag.append(el("span", "apart", ` … #${run[0] + 1} `));
    run.forEach((i, n) => {
      if (n > 0) frag.append(" ");
      for (const r of sharedRuns(doc.segments[i], spans)) frag.append(r.shared ? el("mark", "shared", r.text) : r.text);
    });
  });
  return frag;
}

function mark(op) {
  if (op.moved) {
    const node = el("span", "moved-words", op.text);
    node.title = "moved within the sentence";
    return node;
  }
  const classes = [op.number && "num", op.quote && "quote"].filter(Boolean).join(" ");
  const node = el(op.tag === "delete" ? "del" : "ins", classes, op.text);
  const why = [op.number && "changed figure", op.quote && "changed words inside a quotation"].filter(Boolean);
  if (why.length) node.title = why.join("; ");
  return node;
}

function badge(className, text) {
  return el("span", `badge ${className}`, text);
}

function isBoilerplate(doc, indices) {
  return indices.length > 0 && indices.every((i) => doc.segments[i].kind === "boilerplate");
}

function cell(doc, docIndex, indices, className) {
  const td = el("td", className);
  td.dataset.version = doc.name; // shown above the cell where cells stack (phones)
  if (indices.length) {
    td.dataset.doc = docIndex;
    td.dataset.seg = indices[0];
    td.tabIndex = -1;
    const kind = doc.segments[indices[0]].kind;
    if (kind !== "body") td.classList.add(`kind-${kind}`);
  }
  return td;
}

/** Side by side: two versions in aligned rows. Returns the rows shown. */
export function renderSideBySide(root, report, left, right, filters) {
  const pair = orientedPair(report, left, right);
  const [docL, docR] = [report.documents[left], report.documents[right]];
  const rows = filterRows(pairRows(pair), filters);
  // Both ends of every move, known before any row is drawn.
  const rowOfLink = new Map();
  const movedFrom = new Map();
  rows.forEach((row, k) => {
    if (row.type === "link") rowOfLink.set(row.link, k);
    if (row.type === "moved-from") movedFrom.set(row.target, k);
  });
  const drawRow = (row, k) => {
    const tr = el("tr");
    tr.id = `row-${k}`;
    tr.className = `row ${row.type}`;
    if (isChange(row)) tr.classList.add("change");
    const tdL = cell(docL, left, row.left, "cell");
    const tdR = cell(docR, right, row.right, "cell");
    if (row.type === "link") {
      const { link } = row;
      tr.classList.add(`link-${link.kind}`);
      if (link.kind === "partial") {
        tdL.append(sharedSide(docL, link.a, link.shared?.a));
        tdR.append(sharedSide(docR, link.b, link.shared?.b));
      } else {
        const ops = markMoves(link.ops);
        tdL.append(diffSide(ops, "left"));
        tdR.append(diffSide(ops, "right"));
      }
      tdR.append(" ", badge("kind", KIND_LABEL[link.kind]));
      if (link.moved) {
        tr.classList.add("moved");
        // Points at the row where the sentence used to stand.
        const back = el("a", "badge moved", `moved from #${link.b[0] + 1} ↕`);
        if (movedFrom.has(link)) back.href = `#row-${movedFrom.get(link)}`;
        tdR.append(" ", back);
      }
      if (isBoilerplate(docL, link.a) && isBoilerplate(docR, link.b)) tr.classList.add("boilerplate");
    } else if (row.type === "moved-from") {
      const go = el("a", "badge moved", `↕ moved: sentence #${row.right[0] + 1} now sits beside its counterpart`);
      go.href = `#row-${rowOfLink.get(row.target)}`;
      tdR.append(go);
      tdR.classList.add("ghost");
      tdL.classList.add("empty");
    } else {
      const onlyLeft = row.type === "only-left";
      const [doc, idx, td, other] = onlyLeft ? [docL, row.left, tdL, tdR] : [docR, row.right, tdR, tdL];
      td.append(segmentsText(doc, idx), " ", badge("only", `only in ${doc.name}`));
      td.classList.add("only");
      other.classList.add("empty");
      if (isBoilerplate(doc, idx)) tr.classList.add("boilerplate");
    }
    // Where each side's words came from: copied, rewritten, or its own.
    for (const [td, doc, idx] of [[tdL, left, row.left], [tdR, right, row.right]]) {
      const origin = row.type !== "moved-from" && idx.length ? originBadge(report, doc, idx[0]) : null;
      if (origin) td.append(" ", origin);
    }
    tr.append(tdL, tdR);
    return tr;
  };
  const view = partedTable("sbs", [docL.name, docR.name]);
  replaceView(root, view.node);
  drawInParts(view.node, rows.length, (start, end) => view.part(rows.slice(start, end).map((row, i) => drawRow(row, start + i))));
  return rows.length;
}

/** Inline redline: the other version against the base in one column. */
export function renderInline(root, report, base, other, filters) {
  const pair = orientedPair(report, base, other);
  const [docB, docO] = [report.documents[base], report.documents[other]];
  const list = el("ol", "redline");
  list.setAttribute("aria-label", `${docO.name} against ${docB.name}`);
  const rows = filterRows(pairRows(pair), filters).filter((r) => r.type !== "moved-from");
  const drawRow = (row, k) => {
    const li = el("li", `row ${row.type}`);
    li.id = `row-${k}`;
    if (isChange(row)) li.classList.add("change");
    if (row.type === "link") {
      li.classList.add(`link-${row.link.kind}`);
      li.dataset.doc = other;
      li.dataset.seg = row.right[0];
      if (row.link.kind === "partial") {
        li.append(sharedSide(docO, row.link.b, row.link.shared?.b), " ", badge("kind", KIND_LABEL.partial));
      } else li.append(diffInline(markMoves(row.link.ops)));
      if (row.link.moved) li.append(" ", badge("moved", "moved"));
    } else if (row.type === "only-left") {
      if (isBoilerplate(docB, row.left)) li.classList.add("boilerplate");
      li.dataset.doc = base;
      li.dataset.seg = row.left[0];
      li.append(el("del", "whole", segmentsText(docB, row.left)), " ", badge("only", `only in ${docB.name}`));
    } else {
      if (isBoilerplate(docO, row.right)) li.classList.add("boilerplate");
      li.dataset.doc = other;
      li.dataset.seg = row.right[0];
      li.append(el("ins", "whole", segmentsText(docO, row.right)), " ", badge("only", `only in ${docO.name}`));
    }
    li.tabIndex = -1;
    return li;
  };
  replaceView(root, list);
  drawInParts(list, rows.length, (start, end) => {
    const part = document.createDocumentFragment();
    for (let k = start; k < end; k++) part.append(drawRow(rows[k], k));
    return part;
  });
  return rows.length;
}

/** Synopsis: one column per version, one row per group of corresponding sentences. */
export function renderSynopsis(root, report, filters) {
  // Past six versions the columns keep a readable width and the table scrolls sideways.
  const view = partedTable(`synopsis${report.documents.length > 6 ? " many" : ""}`, report.documents.map((d) => d.name));
  let rows = synopsisRows(report);
  if (filters.onlyUnique) rows = rows.filter((r) => r.unique);
  else if (filters.hideIdentical) rows = rows.filter((r) => r.cells.some((c) => c.departs) || r.versions < report.documents.length);
  const drawRow = (row, k) => {
    const tr = el("tr");
    tr.id = `row-${k}`;
    tr.className = "row";
    if (row.cells.some((c) => c.departs) || row.unique) tr.classList.add("change");
    if (row.boilerplate) tr.classList.add("boilerplate");
    for (const c of row.cells) {
      const td = cell(report.documents[c.doc], c.doc, c.segments, "cell");
      if (c.segments.length) td.append(c.text);
      else if (c.partly.length) {
        // Not this row's sentence, but part of it: said once, faded, with the kind.
        td.classList.add("partly");
        td.dataset.doc = c.doc;
        td.dataset.seg = c.partly[0];
        td.append(el("span", "partly-text", segmentsText(report.documents[c.doc], c.partly)), " ", badge("kind", "partly here"));
      }
      if (c.departs) {
        td.classList.add(c.segments.length ? "departs" : "missing");
        td.append(" ", badge("departs", c.segments.length ? "≠ differs from most" : "missing here"));
      }
      if (row.unique && c.segments.length) td.append(" ", badge("only", "only here"));
      const origin = c.segments.length ? originBadge(report, c.doc, c.segments[0]) : null;
      if (origin) td.append(" ", origin);
      tr.append(td);
    }
    return tr;
  };
  const wrap = el("div", "synopsis-wrap");
  wrap.append(view.node);
  replaceView(root, wrap);
  drawInParts(view.node, rows.length, (start, end) => view.part(rows.slice(start, end).map((row, i) => drawRow(row, start + i))));
  return rows.length;
}

/**
 * Arrow keys inside the overview's strips: left and right along a version,
 * up and down to the same place in the version above or below, Home and End.
 * The block that has focus is the overview's one Tab stop.
 */
function moveInStrips(e, wrap) {
  const from = e.target.closest?.(".block");
  if (!from) return;
  const strips = [...wrap.querySelectorAll(".strip")];
  const strip = from.parentElement;
  const blocks = [...strip.children];
  const at = blocks.indexOf(from);
  let to = null;
  if (e.key === "ArrowRight") to = blocks[at + 1];
  else if (e.key === "ArrowLeft") to = blocks[at - 1];
  else if (e.key === "Home") to = blocks[0];
  else if (e.key === "End") to = blocks[blocks.length - 1];
  else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    const next = strips[strips.indexOf(strip) + (e.key === "ArrowDown" ? 1 : -1)];
    if (next?.children.length) to = next.children[Math.min(next.children.length - 1, Math.round((at / Math.max(1, blocks.length - 1)) * (next.children.length - 1)))];
  } else return;
  e.preventDefault();
  e.stopPropagation();
  if (!to) return;
  from.tabIndex = -1;
  to.tabIndex = 0;
  to.focus();
}

/** Narrowest block, gap included, in CSS pixels: past as many blocks as fit, neighbours share one. */
const BLOCK_PX = 6;

/** [start, end) ranges of sentences, one per block: every sentence its own, or as many even bins as fit `width`. */
function bins(count, width) {
  const most = Math.max(10, Math.floor(width / BLOCK_PX));
  const size = Math.ceil(count / most) || 1;
  const out = [];
  for (let i = 0; i < count; i += size) out.push([i, Math.min(count, i + size)]);
  return out;
}

/** Overview: a strip per version (shared vs unique), and the similarity matrix. */
export function renderOverview(root, report, onJump) {
  const n = report.documents.length;
  const wrap = el("div", "overview");
  wrap.append(el("h2", "", "Shared and unique content"));
  const legend = el("p", "legend-line");
  legend.append(el("span", "swatch all"), " in every version  ", el("span", "swatch some"), " in some  ", el("span", "swatch none"), " only in this version");
  wrap.append(legend);
  // The strips' width: the view's, less the names' column (12rem; above it on phones).
  const stripWidth = Math.max(100, (root.clientWidth || window.innerWidth) - (window.innerWidth > 600 ? 210 : 20));
  report.documents.forEach((doc, d) => {
    const line = el("div", "strip-line");
    line.append(el("span", "strip-name", doc.name));
    const strip = el("div", "strip");
    strip.setAttribute("role", "group");
    strip.setAttribute("aria-label", `${doc.name}: ${doc.segments.length} sentences`);
    for (const bin of bins(doc.segments.length, stripWidth)) {
      const segs = doc.segments.slice(bin[0], bin[1]);
      const shares = new Set(segs.map((s) => (s.support === n - 1 ? "all" : s.support === 0 ? "none" : "some")));
      const share = shares.size === 1 ? [...shares][0] : "some";
      const furniture = segs.every((s) => s.kind === "boilerplate") ? " kind-boilerplate" : "";
      const b = el("button", `block ${share}${furniture}`);
      b.style.flexGrow = String(Math.max(1, Math.round(segs.reduce((t, s) => t + s.text.length, 0) / 20)));
      const what = bin[1] - bin[0] === 1 ? `sentence ${bin[0] + 1}` : `sentences ${bin[0] + 1}–${bin[1]}`;
      b.title = `${what}: ${segs[0].text.slice(0, 120)}`;
      const carried = segs.length === 1 ? `carried by ${segs[0].support} of ${n - 1} other versions` : `${share === "all" ? "all" : share === "none" ? "none" : "some"} carried by the ${n - 1} other versions`;
      b.setAttribute("aria-label", `${what}, ${carried}`);
      b.addEventListener("click", () => onJump(d, bin[0]));
      // One Tab stop for the whole overview; arrow keys move inside it.
      b.tabIndex = d === 0 && bin[0] === 0 ? 0 : -1;
      strip.append(b);
    }
    line.append(strip);
    wrap.append(line);
  });
  wrap.addEventListener("keydown", (e) => moveInStrips(e, wrap));
  wrap.append(el("h2", "", "Similarity between versions"));
  const table = el("table", "matrix");
  const head = table.createTHead().insertRow();
  head.append(el("th"));
  report.documents.forEach((d) => head.append(Object.assign(el("th", "", d.name), { scope: "col" })));
  const body = table.createTBody();
  report.similarity.forEach((row, a) => {
    const tr = body.insertRow();
    tr.append(Object.assign(el("th", "", report.documents[a].name), { scope: "row" }));
    row.forEach((v, b) => {
      const td = el("td", "", a === b ? "—" : `${Math.round(v * 100)}%`);
      td.style.setProperty("--v", String(a === b ? 0 : v));
      tr.append(td);
    });
  });
  wrap.append(table);
  replaceView(root, wrap);
  drawnAtOnce();
  return n;
}

/**
 * Quotes: every quotation with each version's wording, variants first and
 * highlighted; each version's own quotes after. Long lists drawn in parts.
 */
export function renderQuotes(root, report) {
  const wrap = el("div", "quotes");
  if (!report.quotes.length) wrap.append(el("p", "empty-note", "No quotation in any version."));
  const rank = (g) => (g.only_in !== null ? 2 : g.variant ? 0 : 1);
  const ordered = [...report.quotes].sort((a, b) => rank(a) - rank(b)); // a stable sort: reading order within a rank
  const card = (group) => {
    const own = group.only_in !== null;
    const node = el("section", `card row${group.variant ? " variant change" : ""}${own ? " own" : ""}`);
    const versions = new Set(group.quotes.map((q) => q.doc)).size;
    const title = el("h2", "card-title", own ? `Only in ${report.documents[group.only_in].name}` : `Quoted in ${versions} versions`);
    if (group.variant) title.append(" ", badge("variant", "wording differs"));
    node.append(title);
    const list = el("ul", "quote-list");
    group.quotes.forEach((q, k) => {
      const li = el("li", "quote");
      li.dataset.doc = q.doc;
      li.dataset.seg = q.segment;
      li.append(el("span", "who", `${report.documents[q.doc].name}${q.speaker ? ` · ${q.speaker}` : ""}: `));
      const text = el("q");
      text.append(k === 0 ? q.text : diffInline(group.diffs[k]));
      li.append(text);
      list.append(li);
    });
    node.append(list);
    return node;
  };
  replaceView(root, wrap);
  // Each part a block of its own, skipped while off screen: one part's cards never lay out the others.
  drawInParts(wrap, ordered.length, (start, end) => {
    const part = el("div", "cards part-wrap");
    for (let k = start; k < end; k++) part.append(card(ordered[k]));
    return part;
  });
  return report.quotes.length;
}

const UNIT_LABEL = { gbp: "£", usd: "US$", eur: "€", jpy: "¥", inr: "₹", other_dollar: "$ (not US)", percent: "%", year: "year", duration: "span of time", clock: "time of day", score: "vote or score", date: "date", length: "length", count: "count" };
const VERDICT = {
  value: ["disagree", "⚠ different figures"],
  qualifier: ["disagree", "⚠ different hedging"],
  precision: ["compatible", "≈ compatible (other precision)"],
};

/** One numeric fact's row: its label, each version's figure with its unit and sentence, the verdict. */
function numberRow(report, g) {
  const tr = el("tr");
  const [verdictClass, verdictText] = VERDICT[g.disagreement] ?? ["agree", "✓ agree"];
  tr.className = `row${verdictClass === "disagree" ? " change disagree" : ""}${verdictClass === "compatible" ? " compatible" : ""}`;
  const period = g.facts.find((f) => f.period)?.period;
  const unit = UNIT_LABEL[g.facts[0].unit];
  // What it counts, as most of its versions name it; a time, a span or a year is what it is.
  tr.append(el("td", "what", `${g.label || unit}${period ? ` (${period})` : ""}`));
  const td = el("td");
  const list = el("ul", "facts");
  for (const f of g.facts) {
    const li = el("li");
    li.dataset.doc = f.doc;
    li.dataset.seg = f.segment;
    li.append(el("span", "who", `${report.documents[f.doc].name}: `), el("strong", g.disagreement ? "num" : "", f.text), el("span", "unit", ` ${UNIT_LABEL[f.unit]}`));
    li.append(el("div", "ctx", report.documents[f.doc].segments[f.segment].text));
    list.append(li);
  }
  td.append(list);
  tr.append(td, el("td", "verdict", ""));
  tr.lastChild.append(g.only_in === null ? badge(verdictClass, verdictText) : badge("own", "one version"));
  return tr;
}

/** The verdicts a reader can pick, real disagreements first: [key, label]. */
const NUMBER_FILTERS = [
  ["all", "all figures"],
  ["value", "different figures"],
  ["qualifier", "different hedging"],
  ["precision", "compatible"],
  ["agree", "agree"],
  ["own", "in one version"],
];
const verdictOf = (g) => (g.only_in !== null ? "own" : g.disagreement ?? "agree");
let numberFilter = "all"; // kept across redraws of the view

/**
 * Numbers: one row per quantity across versions, real disagreements first,
 * then hedging, compatible figures, agreement; each version's own figures
 * apart. A filter keeps one verdict; long lists are drawn in parts.
 */
export function renderNumbers(root, report) {
  const order = NUMBER_FILTERS.map(([key]) => key);
  // A stable sort: reading order within a verdict; each version's own figures last.
  const groups = [...report.numbers].sort((a, b) => order.indexOf(verdictOf(a)) - order.indexOf(verdictOf(b)));
  const counts = Object.fromEntries(order.map((key) => [key, key === "all" ? groups.length : groups.filter((g) => verdictOf(g) === key).length]));
  if (!counts[numberFilter]) numberFilter = "all";
  const pick = el("select", "number-filter");
  pick.setAttribute("aria-label", "Show figures by verdict");
  for (const [key, label] of NUMBER_FILTERS) {
    if (key !== "all" && !counts[key]) continue;
    pick.append(Object.assign(el("option", "", `${label} (${counts[key].toLocaleString("en")})`), { value: key, selected: key === numberFilter }));
  }
  pick.addEventListener("change", () => {
    numberFilter = pick.value;
    renderNumbers(root, report);
    root.querySelector("select.number-filter")?.focus();
  });
  const bar = el("p", "number-bar");
  const label = el("label", "", "Show ");
  label.append(pick);
  bar.append(label);
  const rows = groups.filter((g) => numberFilter === "all" || verdictOf(g) === numberFilter);
  const shared = rows.filter((g) => g.only_in === null).length; // rows before the own ones
  // Tables in parts, as the long views: one part's rows never lay out the others.
  const table = (className) => partedTable(className, ["What", "Figures by version, in their sentences", "Verdict"], ["18%", "", "14rem"]);
  const [together, apart] = [table("numbers"), table("numbers own")];
  const nodes = [bar];
  if (!report.numbers.some((g) => g.only_in === null)) nodes.push(el("p", "empty-note", "No figure appears in more than one version."));
  else if (shared) nodes.push(together.node);
  if (rows.length > shared) {
    nodes.push(el("h2", "numbers-apart", `Only in one version (${(rows.length - shared).toLocaleString("en")})`), apart.node);
  }
  replaceView(root, ...nodes);
  // A part's rows past the shared ones go to the other table.
  drawInParts(document.createDocumentFragment(), rows.length, (start, end) => {
    for (const [target, from, to] of [[together, start, Math.min(end, shared)], [apart, Math.max(start, shared), end]]) {
      if (from < to) target.node.append(target.part(rows.slice(from, to).map((g) => numberRow(report, g))));
    }
    return document.createDocumentFragment();
  });
  return report.numbers.length;
}

/** Hides the counterparts panel and unlights what it lit. */
export function closeCounterparts(panel) {
  panel.hidden = true;
  document.querySelectorAll(".lit").forEach((n) => n.classList.remove("lit"));
}

/** Lights a segment's counterparts in every version and lists them; returns them. */
export function showCounterparts(panel, report, doc, seg) {
  document.querySelectorAll(".lit").forEach((n) => n.classList.remove("lit"));
  const found = counterparts(report, doc, seg);
  const light = (d, i) => document.querySelectorAll(`[data-doc="${d}"][data-seg="${i}"]`).forEach((n) => n.classList.add("lit"));
  light(doc, seg);
  const close = el("button", "close", "Close");
  close.type = "button";
  close.setAttribute("aria-label", "Close the counterparts");
  close.addEventListener("click", () => closeCounterparts(panel));
  panel.replaceChildren(close, el("h2", "", "Counterparts"));
  const origin = el("p", "origin");
  origin.append(el("strong", "", `${report.documents[doc].name}: `), report.documents[doc].segments[seg].text);
  panel.append(origin);
  const list = el("ul");
  for (const c of found) {
    c.segments.forEach((i) => light(c.doc, i));
    const li = el("li");
    li.append(el("strong", "", `${report.documents[c.doc].name}: `));
    if (c.segments.length) li.append(segmentsText(report.documents[c.doc], c.segments), " ", badge("kind", KIND_LABEL[c.kind]));
    else li.append(el("em", "", "no counterpart"));
    list.append(li);
  }
  panel.append(list);
  panel.hidden = false;
  return found;
}
