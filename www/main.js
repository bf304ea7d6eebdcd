// The page: versions in, comparison out. The core runs in a Web Worker, so
// the page never freezes; the user's versions live in localStorage, so a
// reload or a closed tab loses nothing.
import { SEEDS } from "./seeds.js";
import { decodePermalink, encodePermalink, readVersionFile, textOf } from "./inputs.js";
import { linksCsv } from "./rows.js";
import { renderProvenance } from "./provenance.js";
import * as views from "./views.js";

const STORE = "variorum:v1";
const BACKUP = "variorum:before-link";
const VIEWS = ["side", "inline", "synopsis", "overview", "quotes", "numbers", "provenance"];
const $ = (id) => document.getElementById(id);

const defaults = () => ({
  documents: SEEDS.map((s) => ({ ...s })),
  left: 0,
  right: 1,
  view: "side",
  filters: { hideIdentical: false, onlyUnique: false },
  diff: { ignore_case: false, ignore_punctuation: false, ignore_whitespace: false },
});

let state = defaults();
let report = null;
let current = -1; // index of the change the keyboard is on

// ---- persistence -------------------------------------------------------

function loadStored() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? "null");
    if (saved && Array.isArray(saved.documents)) return { ...defaults(), ...saved };
  } catch {
    // A damaged store is ignored, not fatal: the seeds load instead.
  }
  return null;
}

function save() {
  try {
    localStorage.setItem(STORE, JSON.stringify(state));
  } catch (e) {
    notice(`Your versions could not be saved in this browser (${e.name}): export them before closing the tab.`);
  }
}

// ---- the worker --------------------------------------------------------

let worker = null;
let nextId = 0;
const pending = new Map();

function startWorker() {
  // The single-file build runs a classic worker from a blob URL it sets here.
  const inline = globalThis.VARIORUM_WORKER_URL;
  worker = new Worker(inline ?? new URL("./worker.js", import.meta.url), { type: inline ? "classic" : "module" });
  worker.onmessage = ({ data }) => {
    if (data.fatal) {
      restartWorker({ ok: false, error: `the comparison engine crashed (${data.error}); it has been restarted` });
      return;
    }
    pending.get(data.id)?.(data);
    pending.delete(data.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    restartWorker({ ok: false, error: `the comparison engine stopped (${event.message || "load failure"}); it has been restarted` });
  };
}

/** Ends the worker (a trap, or the user cancelled) and starts a fresh one. */
function restartWorker(reply) {
  for (const done of pending.values()) done(reply);
  pending.clear();
  worker.terminate();
  startWorker();
}

function runCompare(documents, options, full = false) {
  return new Promise((resolve) => {
    const id = ++nextId;
    pending.set(id, resolve);
    worker.postMessage({ id, documents, options, full });
  });
}

// ---- comparing ---------------------------------------------------------

let compareTimer = 0;
function compareSoon() {
  clearTimeout(compareTimer);
  compareTimer = setTimeout(compareAll, 400);
}

/** A version as the engine takes it: its name, text and, if set, publication time. */
const forEngine = ({ name, text, published }) => (published ? { name, text, published } : { name, text });

async function compareAll() {
  clearTimeout(compareTimer);
  const documents = state.documents.map(forEngine);
  if (documents.length === 0) {
    report = null;
    $("view").replaceChildren(views.el("p", "empty-note", "No versions yet: add one above."));
    $("status").textContent = "No versions.";
    $("summary").textContent = "";
    document.body.dataset.ready = "true";
    document.body.dataset.complete = "true";
    return;
  }
  state.left = Math.min(state.left, documents.length - 1);
  state.right = Math.min(state.right, documents.length - 1);
  document.body.dataset.complete = "false";
  busy(true);
  const started = performance.now();
  // Views show diffs against the base only (a new base recompares), so only those pairs are diffed.
  const options = { base: state.left, diff: state.diff, word_diffs: "base" };
  const reply = await runCompare(documents, options);
  busy(false);
  if (reply.cancelled) {
    $("status").textContent = "Cancelled. Your versions are unchanged.";
    return;
  }
  if (!reply.ok) {
    $("status").textContent = `Could not compare: ${reply.error}`;
    notice(`Could not compare: ${reply.error}. Your versions are unchanged.`);
    return;
  }
  report = reply.report;
  const ms = Math.round(performance.now() - started);
  $("status").textContent = `Compared ${documents.length} versions in ${ms} ms.`;
  showSummary();
  document.body.dataset.ready = "true";
  document.body.dataset.complete = String(report.complete);
  render();
  // The first engine leaves quotes, figures and provenance out: the full one
  // follows, and its report replaces this one unless the versions changed meanwhile.
  if (!report.complete) {
    const first = report;
    const fuller = await runCompare(documents, options, true);
    if (report !== first || !fuller.ok) return;
    report = fuller.report;
    showSummary();
    document.body.dataset.complete = "true";
    render();
  }
}

function showSummary() {
  const s = report.summary;
  const analyses = report.complete
    ? ` · ${s.quotes_variant} quotes worded differently · ${s.numbers_disagreeing} figures disagree`
    : " · quotes, figures and provenance on their way";
  $("summary").textContent =
    `${s.segments} sentences · ${s.shared_by_all} in every version · ${s.unique} in one only · ${s.links_moved} moved${analyses}`;
}

function busy(on) {
  $("progress").hidden = !on;
  $("cancel").hidden = !on;
  document.body.toggleAttribute("aria-busy", on);
  if (on) $("status").textContent = "Comparing…";
}

// ---- rendering ---------------------------------------------------------

function render() {
  renderVersions();
  fillPickers();
  for (const b of document.querySelectorAll("[role=tab]")) {
    const on = b.dataset.view === state.view;
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
  }
  $("counterparts").hidden = true;
  current = -1;
  if (!report) return;
  const root = $("view");
  const { left, right, filters } = state;
  const pairViews = state.view === "side" || state.view === "inline";
  document.querySelector(".pickers").hidden = !pairViews;
  if (pairViews && left === right) {
    root.replaceChildren(views.el("p", "empty-note", "Choose two different versions to compare."));
    return;
  }
  if (!report.complete && ["quotes", "numbers", "provenance"].includes(state.view)) {
    root.replaceChildren(views.el("p", "empty-note", "Reading quotes, figures and provenance…"));
    return;
  }
  const rows = {
    side: () => views.renderSideBySide(root, report, left, right, filters),
    inline: () => views.renderInline(root, report, left, right, filters),
    synopsis: () => views.renderSynopsis(root, report, filters),
    overview: () => views.renderOverview(root, report, jumpTo),
    quotes: () => views.renderQuotes(root, report),
    numbers: () => views.renderNumbers(root, report),
    provenance: () => renderProvenance(root, report),
  }[state.view]();
  root.dataset.view = state.view;
  root.dataset.rows = String(rows);
}

function fillPickers() {
  for (const [id, selected] of [["left", state.left], ["right", state.right]]) {
    $(id).replaceChildren(
      ...state.documents.map((d, k) => {
        const o = views.el("option", "", `${k + 1}. ${d.name || "(unnamed)"}`);
        o.value = String(k);
        o.selected = k === selected;
        return o;
      }),
    );
  }
}

/** Rebuilds the versions list; `force` after the set or order of versions changed. */
function renderVersions(force = false) {
  $("version-count").textContent = `(${state.documents.length})`;
  const list = $("versions");
  // Keep focus and caret while the user types in the list.
  if (!force && list.children.length === state.documents.length && list.contains(document.activeElement)) return;
  list.replaceChildren(
    ...state.documents.map((doc, k) => {
      const li = views.el("li", "version");
      const name = views.el("input");
      name.value = doc.name;
      name.setAttribute("aria-label", `Name of version ${k + 1} (outlet, date)`);
      name.placeholder = "Outlet, date";
      name.addEventListener("input", () => {
        state.documents[k].name = name.value;
        save();
        compareSoon();
      });
      // When it was published (ISO 8601): the earlier of two related versions is the source.
      const published = views.el("input", "published");
      published.type = "text";
      published.value = doc.published ?? "";
      published.placeholder = "Published (2024-08-01T09:30Z)";
      published.setAttribute("aria-label", `Publication time of version ${k + 1}`);
      published.addEventListener("change", () => {
        if (published.value.trim()) state.documents[k].published = published.value.trim();
        else delete state.documents[k].published;
        save();
        compareSoon();
      });
      const base = views.el("label", "base-choice");
      const radio = views.el("input");
      radio.type = "radio";
      radio.name = "base";
      radio.checked = k === state.left;
      radio.addEventListener("change", () => setPair(k, state.right === k ? state.left : state.right));
      base.append(radio, " base");
      const text = views.el("textarea");
      text.value = doc.text;
      text.rows = 4;
      text.setAttribute("aria-label", `Text of version ${k + 1}`);
      text.addEventListener("input", () => {
        state.documents[k].text = text.value;
        save();
        compareSoon();
      });
      text.addEventListener("paste", (e) => pasteInto(e, text, k));
      const tools = views.el("div", "version-tools");
      tools.append(
        button("↑", `Move version ${k + 1} up`, () => move(k, -1), k === 0),
        button("↓", `Move version ${k + 1} down`, () => move(k, 1), k === state.documents.length - 1),
        button("Remove", `Remove version ${k + 1}`, () => remove(k)),
      );
      li.append(name, published, base, tools, text);
      return li;
    }),
  );
}

function button(label, aria, onClick, disabled = false) {
  const b = views.el("button", "", label);
  b.type = "button";
  b.setAttribute("aria-label", aria);
  b.disabled = disabled;
  b.addEventListener("click", onClick);
  return b;
}

// ---- editing versions --------------------------------------------------

/** After an edit: save, redraw the list (rebuilt if `rebuild`), compare again shortly. */
function changed(rebuild = false) {
  save();
  renderVersions(rebuild);
  fillPickers();
  compareSoon();
}

function addVersion(doc) {
  state.documents.push(doc);
  if (state.documents.length === 2) state.right = 1;
  changed();
}

function move(k, by) {
  const docs = state.documents;
  [docs[k], docs[k + by]] = [docs[k + by], docs[k]];
  const follow = (i) => (i === k ? k + by : i === k + by ? k : i);
  state.left = follow(state.left);
  state.right = follow(state.right);
  changed(true);
}

function remove(k) {
  const pair = [state.left, state.right];
  const [gone] = state.documents.splice(k, 1);
  const fix = (i) => (i > k ? i - 1 : i === k ? 0 : i);
  state.left = fix(state.left);
  state.right = Math.min(fix(state.right === k ? 1 : state.right), Math.max(0, state.documents.length - 1));
  changed(true);
  notice(`Removed “${gone.name || "unnamed"}”.`, "Undo", () => {
    state.documents.splice(k, 0, gone);
    [state.left, state.right] = pair;
    changed(true);
  });
}

function pasteInto(event, textarea, k) {
  const html = event.clipboardData?.getData("text/html");
  const plain = event.clipboardData?.getData("text/plain") ?? "";
  // Markup pasted as source, or a rich paste with no plain text: keep the article text only.
  const looksLikeSource = /^\s*<(!doctype|html|body|article)\b/i.test(plain);
  if (looksLikeSource || (!plain.trim() && html)) {
    event.preventDefault();
    textarea.value = textOf(looksLikeSource ? plain : html, "pasted.html");
    state.documents[k].text = textarea.value;
    save();
    compareSoon();
  }
}

async function addFiles(files) {
  for (const file of files) {
    try {
      addVersion(await readVersionFile(file));
    } catch (e) {
      notice(`Not added: ${e.message}.`);
    }
  }
}

function setPair(left, right) {
  const rebase = left !== state.left;
  state.left = left;
  state.right = right;
  save();
  if (rebase) compareAll();
  else render();
}

// ---- working with the views ---------------------------------------------

function jumpTo(doc, seg) {
  if (doc !== state.left) state.right = doc;
  state.view = "side";
  save();
  render();
  const target = document.querySelector(`#view [data-doc="${doc}"][data-seg="${seg}"]`);
  if (target) {
    target.scrollIntoView({ block: "center" });
    views.showCounterparts($("counterparts"), report, doc, seg);
    target.focus();
  }
}

function step(dir) {
  const rows = [...document.querySelectorAll("#view .row.change")];
  if (!rows.length) return;
  current = Math.max(0, Math.min(rows.length - 1, current + dir));
  document.querySelectorAll("#view .current").forEach((n) => n.classList.remove("current"));
  const row = rows[current];
  row.classList.add("current");
  row.tabIndex = -1;
  row.scrollIntoView({ block: "center" });
  row.focus({ preventScroll: true });
  $("status").textContent = `Change ${current + 1} of ${rows.length}.`;
}

function setView(view) {
  state.view = view;
  save();
  render();
}

function notice(message, actionLabel, action) {
  const box = $("notice");
  box.replaceChildren(message);
  if (actionLabel) box.append(" ", button(actionLabel, actionLabel, () => { action(); box.hidden = true; }));
  box.append(" ", button("Dismiss", "Dismiss this message", () => (box.hidden = true)));
  box.hidden = false;
}

// ---- share and export ----------------------------------------------------

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = views.el("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A standalone HTML file of the current view: its styles inline, no script at all. */
function standaloneReport() {
  const doc = document.implementation.createHTMLDocument("");
  doc.title = `Variorum: ${state.documents.map((d) => d.name).join(" / ")}`;
  const meta = doc.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = "default-src 'none'; style-src 'unsafe-inline'";
  const charset = doc.createElement("meta");
  charset.setAttribute("charset", "utf-8");
  const style = doc.createElement("style");
  style.textContent = [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n");
  doc.head.prepend(charset, meta);
  doc.head.append(style);
  const h1 = doc.createElement("h1");
  h1.textContent = doc.title;
  const summary = doc.createElement("p");
  summary.textContent = $("summary").textContent;
  // Which view and, for a pair, which two versions it shows.
  const shows = doc.createElement("p");
  const names = state.documents.map((d) => d.name);
  const pairView = state.view === "side" || state.view === "inline";
  shows.textContent = pairView ? `Showing ${names[state.right]} against ${names[state.left]}.` : `Showing the ${state.view} view of every version.`;
  const main = doc.createElement("main");
  main.append(...[...$("view").childNodes].map((n) => doc.importNode(n, true)));
  doc.body.append(h1, summary, shows, main);
  // Where the words came from travels with every export.
  if (report.complete && state.view !== "provenance") {
    const origins = document.createElement("section");
    renderProvenance(origins, report);
    doc.body.append(doc.importNode(origins, true));
  }
  return "<!doctype html>\n" + doc.documentElement.outerHTML;
}

async function share() {
  const { documents, left, right, view } = state;
  // replaceState, not location.hash: this page's own link must not reopen itself.
  history.replaceState(null, "", `#${await encodePermalink({ documents, left, right, view })}`);
  const url = location.href;
  // Messengers and mail clients cut long links; past this, say so.
  const long =
    url.length > LONG_LINK
      ? ` It is ${Math.round(url.length / 1000)} thousand characters long: messengers and mail may cut links past about 2,000, so send the HTML report or the JSON instead.`
      : "";
  try {
    await navigator.clipboard.writeText(url);
    notice(`Link copied. It carries your versions inside the link itself (after the #), which browsers never send to a server.${long}`);
  } catch {
    notice(`Copy this link (it carries your versions, after the #, which is never sent to a server):${long} ${url}`);
  }
}

/** Longest link that messengers pass on whole. */
const LONG_LINK = 2000;

async function openPermalink() {
  let linked;
  try {
    linked = await decodePermalink(location.hash);
  } catch (e) {
    notice(`${e.message}. Your own versions are shown instead.`);
    return;
  }
  if (!linked) return;
  const documents = linked.documents.map(forEngine);
  // Keep the reader's own versions aside, unless the link holds exactly those.
  const mine = localStorage.getItem(STORE);
  const differs = mine && JSON.stringify(JSON.parse(mine).documents) !== JSON.stringify(documents);
  if (differs) localStorage.setItem(BACKUP, mine);
  // Only well-formed fields are taken from a link: it is untrusted input.
  const index = (v) => (Number.isInteger(v) && v >= 0 && v < documents.length ? v : 0);
  const view = VIEWS.includes(linked.view) ? linked.view : "side";
  state = { ...state, documents, left: index(linked.left), right: index(linked.right ?? 1), view };
  save();
  // Loaded: drop the fragment, so a reload shows the stored copy rather than reopening the link.
  history.replaceState(null, "", location.pathname + location.search);
  if (differs) {
    notice("Showing the versions from this link. Your own versions are kept.", "Restore mine", () => {
      state = { ...defaults(), ...JSON.parse(localStorage.getItem(BACKUP)) };
      save();
      renderVersions(true);
      compareAll();
    });
  }
}

// ---- wiring --------------------------------------------------------------

function wire() {
  for (const b of document.querySelectorAll("[role=tab]")) b.addEventListener("click", () => setView(b.dataset.view));
  $("left").addEventListener("change", (e) => setPair(Number(e.target.value), state.right));
  $("right").addEventListener("change", (e) => setPair(state.left, Number(e.target.value)));
  const filters = { "hide-identical": "hideIdentical", "only-unique": "onlyUnique" };
  for (const [id, key] of Object.entries(filters)) {
    $(id).checked = state.filters[key];
    $(id).addEventListener("change", (e) => {
      state.filters[key] = e.target.checked;
      save();
      render();
    });
  }
  for (const key of ["ignore_case", "ignore_punctuation", "ignore_whitespace"]) {
    const box = $(key.replace("_", "-"));
    box.checked = state.diff[key];
    box.addEventListener("change", () => {
      state.diff[key] = box.checked;
      save();
      compareAll();
    });
  }
  $("add-paste").addEventListener("click", () => {
    addVersion({ name: `Version ${state.documents.length + 1}`, text: "" });
    $("versions").lastElementChild?.querySelector("textarea")?.focus();
  });
  $("open-files").addEventListener("change", (e) => addFiles([...e.target.files]).then(() => (e.target.value = "")));
  $("start-new").addEventListener("click", () => {
    const kept = { documents: state.documents, left: state.left, right: state.right };
    state.documents = [];
    state.left = 0;
    state.right = 1;
    changed(true);
    $("versions-panel").open = true;
    notice("Started a new comparison: add versions by pasting, or by opening or dropping files.", "Undo", () => {
      Object.assign(state, kept);
      changed(true);
    });
  });
  $("restore-seeds").addEventListener("click", () => {
    const kept = state.documents;
    state.documents = SEEDS.map((s) => ({ ...s }));
    state.left = 0;
    state.right = 1;
    changed(true);
    notice("The five seed versions are back.", "Undo", () => {
      state.documents = kept;
      changed(true);
    });
  });
  $("compare-now").addEventListener("click", compareAll);
  $("cancel").addEventListener("click", () => restartWorker({ ok: false, cancelled: true }));
  $("prev-change").addEventListener("click", () => step(-1));
  $("next-change").addEventListener("click", () => step(1));
  $("share").addEventListener("click", share);
  $("export-json").addEventListener("click", () => report && download("variorum-report.json", "application/json", JSON.stringify(report, null, 1)));
  $("export-csv").addEventListener("click", () => report && download("variorum-links.csv", "text/csv", linksCsv(report)));
  $("export-html").addEventListener("click", () => report && download("variorum-report.html", "text/html", standaloneReport()));
  $("print").addEventListener("click", () => window.print());

  $("view").addEventListener("click", (e) => {
    const target = e.target.closest("[data-doc][data-seg]");
    if (target && report && !e.target.closest("a")) views.showCounterparts($("counterparts"), report, Number(target.dataset.doc), Number(target.dataset.seg));
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      $("counterparts").hidden = true;
      document.querySelectorAll(".lit").forEach((n) => n.classList.remove("lit"));
      return;
    }
    if (e.target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j" || e.key === "n") step(1);
    else if (e.key === "k" || e.key === "p") step(-1);
    else if ((e.key === "Enter" || e.key === " ") && report && e.target.closest("#view .row")) {
      // The current row's counterparts, as a click on it would show them.
      const cell = e.target.closest("#view .row").querySelector("[data-doc][data-seg]") ?? e.target.closest("[data-doc][data-seg]");
      if (!cell) return;
      views.showCounterparts($("counterparts"), report, Number(cell.dataset.doc), Number(cell.dataset.seg));
    }
    else if (/^[1-7]$/.test(e.key)) setView(VIEWS[Number(e.key) - 1]);
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
  window.addEventListener("hashchange", async () => {
    if (location.hash.startsWith("#v1=")) {
      await openPermalink();
      renderVersions(true);
      compareAll();
    }
  });
}

async function init() {
  state = loadStored() ?? defaults();
  save();
  await openPermalink();
  startWorker();
  wire();
  renderVersions();
  fillPickers();
  compareAll();
}

init();
