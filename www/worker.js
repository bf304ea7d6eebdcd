// Runs the comparison off the main thread, so the page never freezes.
// In: {id, documents, options, full} to compare, or {id, rediff: options} to
// redo only the word diffs of the last comparison. Out: {id, ok: true,
// report}, or {id, ok: false, error} for refused input, or {id, ok: false,
// error, fatal: true} after a wasm trap: the instance cannot be trusted
// then, and the page restarts us.
//
// Two engines of one core: the first (pkg-lean/) leaves quotes, figures and
// provenance out, to keep the page's first download inside its budget; the
// full one (pkg/) loads when first asked for, from the page's own origin, and
// answers everything from then on. The single-file build inlines only the
// full engine's bytes, so there the full one answers from the start.
import initLean, { compare as compareLean } from "./pkg-lean/variorum.js";

const single = self.VARIORUM_WASM;
const lean = single ? null : initLean();
/** The full engine's module, imported (glue and wasm) only when first asked for. */
let full = single ? loadFull({ module_or_path: single }) : null;
/** The last comparison, kept in the engine that made it, for `rediff`. */
let last = null;

async function loadFull(init) {
  const engine = await import("./pkg/variorum.js");
  await engine.default(init);
  return engine.Comparison;
}

/** The first engine answers once: a comparison that only makes a report (no `rediff`). */
class LeanComparison {
  constructor(input) {
    this.made = compareLean(input);
  }
  report() {
    return this.made;
  }
  rediff() {
    throw new Error("the first engine keeps no comparison: compare again");
  }
  free() {}
}

async function engine(wantFull) {
  if (wantFull || single || full) {
    full ??= loadFull();
    return full;
  }
  await lean;
  return LeanComparison;
}

self.onmessage = async ({ data: { id, documents, options, full: wantFull, rediff } }) => {
  try {
    if (rediff) {
      if (!last) throw new Error("nothing compared yet");
      self.postMessage({ id, ok: true, report: last.rediff(rediff) });
      return;
    }
    const Comparison = await engine(wantFull);
    last?.free();
    last = null;
    last = new Comparison({ documents, options });
    self.postMessage({ id, ok: true, report: last.report() });
  } catch (error) {
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, error: String(error?.message ?? error), fatal });
  }
};
