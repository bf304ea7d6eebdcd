// The page: versions in, comparison out. The core runs in a Web Worker.
import { SEEDS } from "./seeds.js";
import { renderSideBySide } from "./render.js";

const $ = (id) => document.getElementById(id);
const state = { documents: SEEDS.map((s) => ({ ...s })), report: null, left: 0, right: 1 };

let worker = null;
let nextId = 0;
const pending = new Map();

function startWorker() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    const done = pending.get(data.id);
    pending.delete(data.id);
    done?.(data);
  };
  worker.onerror = (event) => {
    // A trap or load failure: report it, then start a fresh worker. Inputs stay in `state`.
    const message = event.message || "the comparison engine stopped";
    for (const done of pending.values()) done({ ok: false, error: message });
    pending.clear();
    worker.terminate();
    startWorker();
  };
}

function runCompare(documents, options) {
  return new Promise((resolve) => {
    const id = ++nextId;
    pending.set(id, resolve);
    worker.postMessage({ id, documents, options });
  });
}

function fillSelect(select, selected) {
  select.replaceChildren(
    ...state.documents.map((d, k) => {
      const o = document.createElement("option");
      o.value = String(k);
      o.textContent = `${k + 1}. ${d.name}`;
      o.selected = k === selected;
      return o;
    }),
  );
}

function show() {
  const { report, left, right } = state;
  $("left-name").textContent = report.documents[left].name;
  $("right-name").textContent = report.documents[right].name;
  const tbody = document.querySelector("#side-by-side tbody");
  if (left === right) {
    tbody.replaceChildren();
    $("status").textContent = "Choose two different versions to compare.";
    return;
  }
  const rows = renderSideBySide(tbody, report, left, right);
  const sim = report.similarity[left][right];
  $("status").textContent = `${report.documents.length} versions · ${rows} rows · ${Math.round(sim * 100)}% shared between these two`;
  document.body.dataset.ready = "true";
}

async function compareAll() {
  $("status").textContent = "Comparing…";
  const reply = await runCompare(state.documents, { base: state.left });
  if (!reply.ok) {
    $("status").textContent = `Could not compare: ${reply.error}`;
    return;
  }
  state.report = reply.report;
  show();
}

function init() {
  startWorker();
  fillSelect($("left"), state.left);
  fillSelect($("right"), state.right);
  $("left").addEventListener("change", (e) => {
    state.left = Number(e.target.value);
    show();
  });
  $("right").addEventListener("change", (e) => {
    state.right = Number(e.target.value);
    show();
  });
  compareAll();
}

init();
