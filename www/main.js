// The page: versions in, comparison out. This file wires the parts together
// and runs the comparisons the store asks for; the parts are the store
// (state, and what each change sets off), the engine (a Web Worker), the
// version editor, share/export, notes and the views.
import { $, el } from "./dom.js";
import * as drawing from "./drawing.js";
import { addFiles, addVersion, fillPickers, renderVersions, setPair, undoable } from "./editor.js";
import * as engine from "./engine.js";
import { notice } from "./notice.js";
import { enterStop, forgetRows, makeStop, moveFocus } from "./focus.js";
import { refreshSearch, wireSearch } from "./search.js";
import { openPermalink, share } from "./share.js";
import { SEEDS } from "./seeds.js";
import { VIEWS, connect, forEngine, load, result, state, stored, update } from "./store.js";
import * as views from "./views.js";

let current = -1; // index of the change the keyboard is on
let provenanceDrawing = 0; // a newer drawing of the provenance view supersedes an older one

// ---- comparing ---------------------------------------------------------

let compareTimer = 0;
let comparing = 0; // a newer comparison supersedes what an older one sends ahead
function compareSoon() {
  clearTimeout(compareTimer);
  compareTimer = setTimeout(compareAll, 400);
}


/** What the views need from the engine: diffs against the base only (a new base rediffs). */
const engineOptions = () => ({ base: state.left, diff: { ...state.diff }, word_diffs: "base" });

async function compareAll() {
  clearTimeout(compareTimer);
  compareTimer = 0;
  const documents = state.documents.map(forEngine);
  if (documents.length === 0) {
    result.report = result.options = null;
    $("view").replaceChildren(el("p", "empty-note", "No versions yet: add a version, or open or drop article files (text, Markdown or HTML)."));
    $("status").textContent = "No versions.";
    $("summary").textContent = "";
    document.body.dataset.ready = document.body.dataset.complete = document.body.dataset.drawn = "true";
    return;
  }
  document.body.dataset.complete = "false";
  // Nothing on screen yet (a new comparison): say what is coming, not "no versions".
  if (!result.report) $("view").replaceChildren(el("p", "empty-note", `Comparing ${documents.length} versions…`));
  const options = engineOptions();
  const me = ++comparing;
  const started = performance.now();
  // Long versions: the alignment is drawn while the engine reads quotes, figures and provenance.
  let aligned = false;
  const ahead = (report) => {
    if (me !== comparing) return;
    aligned = true;
    statusLine = `Aligned ${documents.length} versions in ${Math.round(performance.now() - started)} ms; quotes, figures and provenance follow…`;
    show(report, options);
    $("status").textContent = statusLine;
  };
  const reply = await run("Comparing…", () => engine.compare(documents, options, false, ahead));
  if (reply === null && aligned && me === comparing) {
    $("status").textContent = statusLine = "Cancelled: the alignment is shown, without quotes, figures and provenance.";
    showSummary(false);
  }
  if (!reply) return;
  show(reply.report, options, documents.length, reply.ms);
  // The first engine leaves quotes, figures and provenance out: the full one
  // follows, and its report replaces this one unless something newer came meanwhile.
  if (!reply.report.complete) {
    const first = result.report;
    const fuller = await engine.compare(documents, options, true);
    if (result.report !== first || !fuller.ok) return;
    show(fuller.report, options);
  }
}

/** New word diffs only, for other diff options or another base; a full comparison if the engine lost its copy. */
async function rediffAll() {
  // Typing not yet compared, the full engine's report still on its way, or
  // the engine restarted (Cancel) since: compare afresh.
  if (!result.report || !result.report.complete || compareTimer || !engine.canRediff()) return compareAll();
  const options = engineOptions();
  const reply = await run("Redoing the word diffs…", () => engine.rediff(options));
  if (reply) show(reply.report, options, state.documents.length, reply.ms);
  else if (reply === undefined) compareAll();
}

/**
 * One engine call with progress and Cancel; the reply, or null when it was
 * cancelled (the choices shown go back to those of the report on screen),
 * or undefined when the engine refused.
 */
async function run(label, call) {
  busy(true, label);
  const started = performance.now();
  const reply = await call();
  busy(false);
  if (reply.cancelled) {
    if (result.options) {
      update("revert", (s) => {
        s.diff = { ...result.options.diff };
        s.left = result.options.base;
      });
    }
    syncControls();
    $("status").textContent = "Cancelled. Your versions are unchanged; the results shown are those from before.";
    return null;
  }
  if (!reply.ok) {
    $("status").textContent = `Could not compare: ${reply.error}`;
    notice(`Could not compare: ${reply.error}. Your versions are unchanged.`);
    return undefined;
  }
  return { ...reply, ms: Math.round(performance.now() - started) };
}

function show(report, options, count, ms) {
  result.report = report;
  result.options = options;
  if (ms !== undefined) $("status").textContent = statusLine = `Compared ${count} versions in ${ms} ms.`;
  showSummary();
  document.body.dataset.ready = "true";
  document.body.dataset.complete = String(report.complete);
  render();
}

/** The counts line; `awaited`: whether quotes, figures and provenance missing from it are on their way. */
function showSummary(awaited = true) {
  const s = result.report.summary;
  const count = (n, one, many) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  const analyses = result.report.complete
    ? ` · ${count(s.quotes_variant, "quote worded differently", "quotes worded differently")} · ${count(s.numbers_disagreeing, "figure disagrees", "figures disagree")}${s.numbers_hedged ? ` (${count(s.numbers_hedged, "more hedged differently", "more hedged differently")})` : ""}`
    : ` · quotes, figures and provenance ${awaited ? "on their way" : "not read (cancelled)"}`;
  $("summary").textContent =
    `${count(s.segments, "sentence", "sentences")} · ${s.shared_by_all.toLocaleString("en")} in every version · ${s.unique.toLocaleString("en")} in one only · ${s.links_moved.toLocaleString("en")} moved${analyses}`;
}

function busy(on, label) {
  $("progress").hidden = !on;
  $("cancel").hidden = !on;
  $("summary").classList.toggle("stale", on);
  document.body.toggleAttribute("aria-busy", on);
  if (on) $("status").textContent = label;
}

/** The option boxes as the state has them. */
function syncControls() {
  for (const key of ["ignore_case", "ignore_punctuation", "ignore_whitespace"]) $(key.replace("_", "-")).checked = state.diff[key];
  $("hide-identical").checked = state.filters.hideIdentical;
  $("only-unique").checked = state.filters.onlyUnique;
}

// ---- drawing -----------------------------------------------------------

function render() {
  fillPickers();
  for (const b of document.querySelectorAll("[role=tab]")) {
    const on = b.dataset.view === state.view;
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
  }
  closeCounterparts();
  current = -1;
  const { report } = result;
  if (!report) return;
  const root = $("view");
  afterDrawing = [];
  changeRows = null;
  document.body.dataset.drawn = "pending";
  const { left, right, filters } = state;
  const pairViews = state.view === "side" || state.view === "inline";
  document.querySelector(".pickers").hidden = !pairViews;
  root.dataset.view = state.view;
  if (pairViews && left === right) {
    drawing.replaceView(root, el("p", "empty-note", "Choose two different versions to compare."));
    return drawing.drawnAtOnce();
  }
  if (!report.complete && ["quotes", "numbers", "provenance"].includes(state.view)) {
    drawing.replaceView(root, el("p", "empty-note", "Reading quotes, figures and provenance…"));
    return drawing.drawnAtOnce();
  }
  const rows = {
    side: () => views.renderSideBySide(root, report, left, right, filters),
    inline: () => views.renderInline(root, report, left, right, filters),
    synopsis: () => views.renderSynopsis(root, report, filters),
    overview: () => views.renderOverview(root, report, jumpTo),
    quotes: () => views.renderQuotes(root, report),
    numbers: () => views.renderNumbers(root, report),
    provenance: () => {
      // The view's code loads when it is first opened: outside the first download.
      const me = ++provenanceDrawing;
      import("./provenance.js").then(({ renderProvenance }) => {
        if (me !== provenanceDrawing || state.view !== "provenance" || result.report !== report) return;
        root.dataset.rows = String(renderProvenance(root, report));
        drawing.drawnAtOnce();
      });
      return 0;
    },
  }[state.view]();
  root.dataset.rows = String(rows);
}

// Notes load when a reader has some, or opens a sentence to write one:
// outside the first download.
let notesModule = null; // once loaded: used at once, so marks come with the drawing
const loadNotes = async () => (notesModule ??= await import("./notes.js"));
let counterpartsShown = 0; // a newer panel supersedes an older one's note editors
let openedFrom = null; // the row whose counterparts are open: Esc comes back to it

function openCounterparts(doc, seg) {
  const panel = $("counterparts");
  const { report } = result;
  const found = views.showCounterparts(panel, report, doc, seg);
  const me = ++counterpartsShown;
  loadNotes().then(({ noteEditors }) => {
    if (me === counterpartsShown && !panel.hidden && result.report === report) panel.append(...noteEditors(report, doc, seg, found));
  });
}

const closeCounterparts = () => views.closeCounterparts($("counterparts"));

/** The notes: marked in the view, and listed under it (each jumps to its sentence). */
function showNotes() {
  const { report } = result;
  if (!report) return;
  if (!state.documents.some((d) => d.notes?.length)) {
    document.querySelectorAll("#view .has-note").forEach((n) => {
      n.classList.remove("has-note");
      n.removeAttribute("data-note");
    });
    return void $("notes").replaceChildren();
  }
  const show = ({ allNotes, markNotes, notesSection, removeNote }) => {
    if (result.report !== report) return;
    const notes = allNotes(report);
    markNotes($("view"), notes);
    const list = notesSection(notes, { onJump: jumpTo, onRemove: removeNote });
    $("notes").replaceChildren(...(list ? [list] : []));
  };
  if (notesModule) show(notesModule);
  else loadNotes().then(show);
}

/** Long views are drawn a part at a time: progress in the status line, and what waits for the end. */
let afterDrawing = [];
function whenDrawn(fn) {
  if (document.body.dataset.drawn === "true") fn();
  else afterDrawing.push(fn);
}
let statusLine = ""; // what the last comparison said, kept while drawing adds its progress
drawing.hooks.onProgress = (done, total) => {
  document.body.dataset.drawn = "false";
  $("status").textContent = `${statusLine} Drawing ${done.toLocaleString("en")} of ${total.toLocaleString("en")} rows…`.trim();
};
drawing.hooks.onDone = () => {
  if (document.body.dataset.drawn === "false") $("status").textContent = statusLine;
  document.body.dataset.drawn = "true";
  forgetRows();
  enterStop();
  refreshSearch();
  showNotes();
  const waiting = afterDrawing;
  afterDrawing = [];
  waiting.forEach((fn) => fn());
};

// ---- working with the views ---------------------------------------------

function jumpTo(doc, seg) {
  update("view", (s) => {
    if (doc !== s.left) s.right = doc;
    s.view = "side";
  });
  // The row may sit in a part not drawn yet.
  whenDrawn(() => {
    const target = document.querySelector(`#view [data-doc="${doc}"][data-seg="${seg}"]`);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    openCounterparts(doc, seg);
    target.focus();
  });
}

/** The rows a key steps through, found once per drawing. */
let changeRows = null;
function step(dir) {
  if (document.body.dataset.drawn !== "true" || !changeRows) changeRows = [...document.querySelectorAll("#view .row.change")];
  const rows = changeRows;
  if (!rows.length) return;
  // From the row the keyboard is on, where arrows took it off the changes.
  const active = document.activeElement?.closest?.("#view .row");
  if (active && rows[current] !== active) {
    const after = rows.findIndex((r) => r === active || active.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (after < 0) current = rows.length - (dir > 0 ? 1 : 0);
    else current = rows[after] === active || dir < 0 ? after : after - 1;
  }
  current = Math.max(0, Math.min(rows.length - 1, current + dir));
  document.querySelector("#view .current")?.classList.remove("current");
  const row = rows[current];
  row.classList.add("current");
  makeStop(row);
  row.scrollIntoView({ block: "center" });
  row.focus({ preventScroll: true });
  $("status").textContent = `Change ${current + 1} of ${rows.length}.`;
}

const setView = (view) => update("view", (s) => (s.view = view));

// ---- wiring --------------------------------------------------------------

function wire() {
  for (const b of document.querySelectorAll("[role=tab]")) b.addEventListener("click", () => setView(b.dataset.view));
  $("left").addEventListener("change", (e) => setPair(Number(e.target.value), state.right));
  $("right").addEventListener("change", (e) => setPair(state.left, Number(e.target.value)));
  const filters = { "hide-identical": "hideIdentical", "only-unique": "onlyUnique" };
  for (const [id, key] of Object.entries(filters)) {
    $(id).addEventListener("change", (e) => update("filters", (s) => (s.filters[key] = e.target.checked)));
  }
  for (const key of ["ignore_case", "ignore_punctuation", "ignore_whitespace"]) {
    const box = $(key.replace("_", "-"));
    box.addEventListener("change", () => update("diff", (s) => (s.diff[key] = box.checked)));
  }
  $("add-paste").addEventListener("click", () => {
    $("versions-panel").open = true;
    addVersion({ name: `Version ${state.documents.length + 1}`, text: "" });
    $("versions").lastElementChild?.querySelector("textarea")?.focus();
  });
  $("open-files").addEventListener("change", (e) => addFiles([...e.target.files]).then(() => (e.target.value = "")));
  $("start-new").addEventListener("click", () => {
    undoable("Started a new comparison: add versions by pasting, or by opening or dropping files.", (s) => {
      s.documents = [];
      s.left = 0;
      s.right = 1;
    });
    $("versions-panel").open = true;
  });
  $("restore-seeds").addEventListener("click", () => {
    undoable("The five demo versions are back.", (s) => {
      s.documents = SEEDS.map((d) => ({ ...d }));
      s.left = 0;
      s.right = 1;
    });
  });
  $("compare-now").addEventListener("click", compareAll);
  $("cancel").addEventListener("click", engine.cancel);
  wireSearch(() => statusLine);
  $("prev-change").addEventListener("click", () => step(-1));
  $("next-change").addEventListener("click", () => step(1));
  $("share").addEventListener("click", share);
  // The exports load when first asked for: few readers need them.
  const exporting = (name) => async () => (await import("./export.js"))[name]();
  $("export-json").addEventListener("click", exporting("exportJson"));
  $("export-csv").addEventListener("click", exporting("exportCsv"));
  $("export-html").addEventListener("click", exporting("exportHtml"));
  $("print").addEventListener("click", () => window.print());

  $("view").addEventListener("click", (e) => {
    const target = e.target.closest("[data-doc][data-seg]");
    if (target && result.report && !e.target.closest("a")) openCounterparts(Number(target.dataset.doc), Number(target.dataset.seg));
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      closeCounterparts();
      if (openedFrom?.isConnected) openedFrom.focus({ preventScroll: true });
      openedFrom = null;
      return;
    }
    if (e.target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    const row = e.target.closest("#view .row");
    if (e.key === "/") $("search").focus();
    else if (e.key === "j" || e.key === "n") step(1);
    else if (e.key === "k" || e.key === "p") step(-1);
    else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && row && !e.target.closest(".strip")) moveFocus(row, e.key === "ArrowDown" ? 1 : -1);
    else if ((e.key === "Enter" || e.key === " ") && result.report && row) {
      // The current row's counterparts, as a click on it would show them.
      const cell = row.querySelector("[data-doc][data-seg]") ?? e.target.closest("[data-doc][data-seg]");
      if (!cell) return;
      openedFrom = row;
      openCounterparts(Number(cell.dataset.doc), Number(cell.dataset.seg));
    } else if (/^[1-7]$/.test(e.key)) setView(VIEWS[Number(e.key) - 1]);
    else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      if (!e.target.matches("[role=tab]")) return;
      const next = (VIEWS.indexOf(state.view) + (e.key === "ArrowRight" ? 1 : VIEWS.length - 1)) % VIEWS.length;
      setView(VIEWS[next]);
      document.querySelector(`[data-view=${VIEWS[next]}]`).focus();
    } else return;
    e.preventDefault();
  });
  // Files dropped anywhere become versions.
  let depth = 0;
  window.addEventListener("dragenter", (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes("Files")) return;
    depth++;
    $("drop-overlay").hidden = false;
  });
  window.addEventListener("dragleave", () => {
    if (--depth <= 0) $("drop-overlay").hidden = true;
  });
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    $("drop-overlay").hidden = true;
    if (e.dataTransfer?.files?.length) addFiles([...e.dataTransfer.files]);
  });
  window.addEventListener("hashchange", () => {
    if (location.hash.startsWith("#v1=")) openPermalink(hasOwnVersions());
  });
}

/** Versions of the reader's own here, not (only) the demo. */
const hasOwnVersions = () => state.documents.length > 0 && JSON.stringify(state.documents.map(forEngine)) !== JSON.stringify(SEEDS.map(forEngine));

async function init() {
  const firstVisit = stored() === null;
  load();
  const ownBefore = !firstVisit && hasOwnVersions();
  connect({
    editor: () => renderVersions(true),
    compare: compareAll,
    compareSoon,
    rediff: rediffAll,
    redraw: render,
    notes: showNotes,
    saveFailed: (e) => notice(`Your versions could not be saved in this browser (${e.name}): export them before closing the tab.`),
  });
  wire();
  syncControls();
  if (!(await openPermalink(ownBefore))) {
    renderVersions(true);
    compareAll();
  }
}

init();
