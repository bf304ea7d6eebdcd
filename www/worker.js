// Runs the comparison off the main thread, so the page never freezes.
// In: {id, documents, options, full}. Out: {id, ok: true, report}, or {id,
// ok: false, error} for refused input, or {id, ok: false, error, fatal: true}
// after a wasm trap: the instance cannot be trusted then, and the page
// restarts us.
//
// Two engines of one core: the first (pkg-lean/) leaves quotes, figures and
// provenance out, to keep the page's first download inside its budget; the
// full one (pkg/) loads when first asked for, from the page's own origin, and
// answers everything from then on. The single-file build inlines only the
// full engine's bytes, so there the full one answers from the start.
import initLean, { compare as compareLean } from "./pkg-lean/variorum.js";
import initFull, { compare as compareFull } from "./pkg/variorum.js";

const single = self.VARIORUM_WASM;
const lean = single ? null : initLean();
let full = single ? initFull({ module_or_path: single }) : null;

async function engine(wantFull) {
  if (wantFull || single || full) {
    full ??= initFull();
    await full;
    return compareFull;
  }
  await lean;
  return compareLean;
}

self.onmessage = async ({ data: { id, documents, options, full: wantFull } }) => {
  try {
    const compare = await engine(wantFull);
    self.postMessage({ id, ok: true, report: compare({ documents, options }) });
  } catch (error) {
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, error: String(error?.message ?? error), fatal });
  }
};
