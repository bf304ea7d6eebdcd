// Search over every version's sentences: the matches counted in all
// versions, and marked in whatever view is drawn. The query is text, never
// a pattern; matches are only marked, the text is never rewritten.
import { $ } from "./dom.js";
import { currentStop, makeStop } from "./focus.js";
import { result } from "./store.js";

let hits = null; // "doc:segment" of each matching sentence
let timer = 0;
let idleStatus = () => ""; // what the status line says with no search

function run() {
  const query = $("search").value.trim().toLocaleLowerCase();
  document.querySelectorAll("#view .hit").forEach((n) => n.classList.remove("hit"));
  hits = null;
  if (!query || !result.report) return void ($("status").textContent = idleStatus());
  hits = new Set();
  result.report.documents.forEach((d, k) => d.segments.forEach((s, i) => s.text.toLocaleLowerCase().includes(query) && hits.add(`${k}:${i}`)));
  const shown = mark();
  const sentences = hits.size === 1 ? "1 sentence" : `${hits.size.toLocaleString("en")} sentences`;
  $("status").textContent = `“${$("search").value.trim()}”: ${sentences} in all versions, ${shown.toLocaleString("en")} marked in this view.`;
}

/** Marks the matches in the view; returns how many it marked. */
function mark() {
  let shown = 0;
  for (const n of document.querySelectorAll("#view [data-doc][data-seg]")) {
    if (hits.has(`${n.dataset.doc}:${n.dataset.seg}`)) {
      n.classList.add("hit");
      shown++;
    }
  }
  return shown;
}

/** Moves the keyboard to the next match after the row it is on. */
function next() {
  const rows = [...document.querySelectorAll("#view .hit")].map((n) => n.closest(".row") ?? n);
  if (!rows.length) return;
  const from = currentStop();
  const to = rows.find((r) => from && from.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING) ?? rows[0];
  if (to.matches(".row")) makeStop(to);
  to.scrollIntoView({ block: "center" });
  to.focus({ preventScroll: true });
}

/** A new view or report is drawn: its matches, if a search is on. */
export function refreshSearch() {
  if ($("search").value.trim()) run();
}

/** The search box: typing searches, Enter goes to the next match, Esc clears. */
export function wireSearch(status) {
  idleStatus = status;
  const box = $("search");
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  box.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      run();
      next();
    } else if (e.key === "Escape") {
      box.value = "";
      run();
    }
  });
}
