// The page's state and the one place that changes it. Every change names
// what it touched, and update() decides the work from that: save always,
// then a redraw, new word diffs only, or a new comparison (at once, or
// shortly while the reader types). The report is derived state: it lives in
// `result` with the options it was made with, never copied into `state`.
import { SEEDS } from "./seeds.js";

const STORE = "variorum:v1";
/** The reader's choices alone, saved on every change without rewriting megabytes of versions. */
const CHOICES = "variorum:v1:choices";
const CHOSEN = ["left", "right", "view", "filters", "diff"];
export const BACKUP = "variorum:before-link";
export const VIEWS = ["side", "inline", "synopsis", "overview", "quotes", "numbers", "provenance"];

export const defaults = () => ({
  documents: SEEDS.map((s) => ({ ...s })),
  left: 0,
  right: 1,
  view: "side",
  filters: { hideIdentical: false, onlyUnique: false },
  diff: { ignore_case: false, ignore_punctuation: false, ignore_whitespace: false },
});

/** A version as the engine takes it: its name, text and, if set, publication time. */
export const forEngine = ({ name, text, published }) => (published ? { name, text, published } : { name, text });

/** What the reader chose and wrote: versions (with their notes), pair, view, filters, diff options. */
export let state = defaults();

/** The report on screen and the options it was made with, or null. */
export const result = { report: null, options: null };

/** The kinds of change that touch the versions (and so rewrite them in storage). */
const TOUCH_VERSIONS = new Set(["text", "versions", "opened", "all", "notes"]);

/** What each kind of change sets off, in order. */
const EFFECTS = {
  text: ["compareSoon"], // a name, text or time typed in the editor
  versions: ["editor", "compareSoon"], // added, removed or reordered
  opened: ["compare", "editor"], // read from files: compared at once, the engine at work while the editor draws
  all: ["editor", "compare"], // a whole new set: a link, restore, undo
  base: ["editor", "rediff"], // the alignment does not depend on the base
  diff: ["rediff"], // ignore case, punctuation, whitespace
  pair: ["redraw"],
  view: ["redraw"],
  filters: ["redraw"],
  notes: ["notes"],
  revert: ["editor"], // back to the choices of the report on screen (after Cancel)
};

let effects = {};

/** The functions that carry out the effects: {editor, compare, compareSoon, rediff, redraw, notes, saveFailed}. */
export function connect(handlers) {
  effects = handlers;
}

/** Changes the state through `mutate(state)` and does what a change of this `kind` needs. */
export function update(kind, mutate) {
  if (!EFFECTS[kind]) throw new Error(`unknown change: ${kind}`);
  mutate?.(state);
  state.left = clamp(state.left);
  state.right = clamp(state.right);
  save(TOUCH_VERSIONS.has(kind));
  for (const effect of EFFECTS[kind]) effects[effect]?.();
}

/** Replaces the whole state (a link, a restore) and compares it. */
export function replace(next) {
  update("all", () => {
    state = { ...defaults(), ...next };
  });
}

/** A copy of everything undo needs to put back. */
export function snapshot() {
  return structuredClone({ documents: state.documents, left: state.left, right: state.right });
}

const clamp = (i) => Math.max(0, Math.min(i, state.documents.length - 1));

export function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? "null");
    if (saved && Array.isArray(saved.documents)) state = { ...defaults(), ...saved };
    // Later choices, if they were made on these very versions.
    const choices = JSON.parse(localStorage.getItem(CHOICES) ?? "null");
    if (choices && saved?.stamp !== undefined && choices.stamp === saved.stamp) Object.assign(state, pick(choices));
  } catch {
    // A damaged store is ignored, not fatal: the seeds load instead.
  }
  save(true);
}

const pick = (from) => Object.fromEntries(CHOSEN.filter((k) => k in from).map((k) => [k, from[k]]));

/** The stored state as a string, for comparing with a link's. */
export const stored = () => localStorage.getItem(STORE);

/** Saves the choices, and the versions too when `versions` changed (a stamp ties the two). */
function save(versions) {
  try {
    if (versions) state.stamp = Date.now();
    localStorage.setItem(CHOICES, JSON.stringify({ ...pick(state), stamp: state.stamp }));
    if (versions) localStorage.setItem(STORE, JSON.stringify(state));
  } catch (e) {
    effects.saveFailed?.(e);
  }
}
