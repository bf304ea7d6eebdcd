// Runs the comparison off the main thread, so the page never freezes.
// In: {id, documents, options, full, ahead} to compare, or {id, rediff:
// options} to redo only the word diffs of the last comparison. Out: {id,
// ok: true, json} (the report as JSON text: one copy to the page, where its
// objects would be cloned one by one); when `ahead` was asked, on long
// versions, {id, ahead: true, json} before it (the aligned report, before
// quotes, figures and provenance); or {id, ok: false, error} for refused input,
// or {id, ok: false, error, fatal: true} after a wasm trap: the instance
// cannot be trusted then, and the page restarts us.
//
// Two engines of one core: the first (pkg-lean/) leaves quotes, figures and
// provenance out, to keep the page's first download inside its budget; the
// full one (pkg/) loads when first asked for, from the page's own origin, and
// answers everything from then on. The single-file build inlines only the
// full engine's bytes, so there the full one answers from the start.
import initLean, { compareJson as compareLean } from "./pkg-lean/variorum.js";

const single = self.VARIORUM_WASM;
const lean = single ? null : initLean();
/** The full engine's module, imported (glue and wasm) only when first asked for. */
let full = single ? loadFull({ module_or_path: single }) : null;
/** The full engine's last comparison, kept for `rediff` (the first engine keeps none). */
let last = null;

async function loadFull(init) {
  const engine = await import("./pkg/variorum.js");
  await engine.default(init);
  return engine.Comparison;
}

/** Text above which the aligned report goes ahead of the analyses: the engine takes half a second and more there. */
const AHEAD_OF_ANALYSES = 500_000;

/**
 * A report as JSON text, from the full engine once it is asked for (or is
 * all there is), else from the first. On long versions, `ahead(json)` gets
 * the full engine's aligned report before the analyses are done.
 */
async function reportJson(documents, options, wantFull, ahead) {
  last?.free();
  last = null;
  if (wantFull || single || full) {
    const Comparison = await (full ??= loadFull());
    const long = documents.reduce((total, d) => total + d.text.length, 0) > AHEAD_OF_ANALYSES;
    last = new Comparison({ documents, options }, long ? ahead : undefined);
    return last.reportJson();
  }
  await lean;
  return compareLean({ documents, options });
}

self.onmessage = async ({ data: { id, documents, options, full: wantFull, ahead: wantAhead, rediff } }) => {
  try {
    if (rediff && !last) throw new Error("nothing compared yet");
    // Only for a page that will draw it: one that shows a first engine's report already would parse it for nothing.
    const ahead = wantAhead ? (json) => self.postMessage({ id, ahead: true, json }) : undefined;
    self.postMessage({ id, ok: true, json: rediff ? last.rediffJson(rediff) : await reportJson(documents, options, wantFull, ahead) });
  } catch (error) {
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, error: String(error?.message ?? error), fatal });
  }
};
