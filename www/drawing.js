// Drawing long views without freezing the page: rows drawn a part at a
// time, each part a table of its own that the browser skips while off
// screen, and the old view taken out after the new one has painted.
import { el } from "./dom.js";

/** Hooks the page sets: progress while a long view is drawn, and the end of drawing. */
export const hooks = { onProgress: null, onDone: null };
let generation = 0; // a newer drawing stops an older one
/** The old view's removal, after the new one's first frame; drawing ends after it. */
let removal = Promise.resolve();
const FIRST_PART = 60; // rows drawn at once: more than a screen holds, painted in one frame
const PART = 400; // rows drawn between frames after that, so keys and clicks are answered meanwhile

/**
 * Draws `count` rows into `parent`, `makePart(start, end)` making each part:
 * the first at once, the rest a part per turn of the event loop, so a view of
 * thousands of rows paints its top at once and never freezes the page.
 */
export function drawInParts(parent, count, makePart) {
  const me = ++generation;
  let at = Math.min(FIRST_PART, count);
  parent.append(makePart(0, at));
  const next = () => {
    if (me !== generation) return;
    if (at >= count) return finish(me);
    const end = Math.min(at + PART, count);
    parent.append(makePart(at, end));
    at = end;
    hooks.onProgress?.(at, count);
    setTimeout(next, 0);
  };
  if (at < count) {
    hooks.onProgress?.(at, count);
    setTimeout(next, 0);
  } else setTimeout(() => finish(me), 0);
}

/** A view drawn at once (quotes, numbers, overview) ends any drawing in progress. */
export function drawnAtOnce() {
  const me = ++generation;
  setTimeout(() => finish(me), 0);
}

/** Drawing `me` is done, unless a newer one started: said once the old view is gone. */
const finish = (me) => removal.then(() => me === generation && hooks.onDone?.());

/**
 * Shows `nodes` in `root` in place of what it showed. A large old view is
 * hidden at once and taken out on the next turn: taking out thousands of
 * rows costs a tenth of a second, which the new view should not wait for.
 */
export function replaceView(root, ...nodes) {
  if (root.getElementsByTagName("*").length < 5000) return root.replaceChildren(...nodes);
  const old = [...root.childNodes];
  // Skipped, not display: none, which would tear down its layout in this frame.
  for (const n of old) if (n.nodeType === Node.ELEMENT_NODE) Object.assign(n.style, { contentVisibility: "hidden", containIntrinsicSize: "0 0", margin: "0", padding: "0", border: "0" });
  root.append(...nodes);
  removal = new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
    old.forEach((n) => n.remove());
    done();
  }, 0)));
}

/**
 * A long table drawn as one table per part, so that a change in one row
 * lays out only its part, not thousands of rows, each part in a block the
 * browser skips while it is off screen (content-visibility has no effect on
 * table parts themselves). The column names head the view once, kept in
 * sight; each part repeats them for screen readers only. `widths` (CSS
 * lengths, "" for the rest) fix the columns where they should not be equal.
 */
export function partedTable(className, names, widths = []) {
  const node = el("div", "parted");
  const headRow = (table) => {
    // Fixed layout takes its widths from the columns, so every part lines up with the head.
    if (widths.length) {
      const cols = el("colgroup");
      for (const width of widths) cols.append(Object.assign(el("col"), { style: width ? `width: ${width}` : "" }));
      table.append(cols);
    }
    const tr = table.createTHead().insertRow();
    for (const name of names) tr.append(Object.assign(el("th", "", name), { scope: "col" }));
    return table;
  };
  const shown = headRow(el("table", `${className} parted-head`));
  shown.setAttribute("aria-hidden", "true");
  node.append(shown);
  const part = (rows) => {
    const table = headRow(el("table", `${className} part`));
    table.tHead.className = "sr-only";
    table.createTBody().append(...rows);
    const wrap = el("div", "part-wrap");
    wrap.append(table);
    return wrap;
  };
  return { node, part };
}
