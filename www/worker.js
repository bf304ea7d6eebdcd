// Runs the comparison off the main thread, so the page never freezes.
// In: {id, documents, options}. Out: {id, ok: true, report}, or {id, ok: false,
// error} for refused input, or {id, ok: false, error, fatal: true} after a
// wasm trap: the instance cannot be trusted then, and the page restarts us.
import init, { compare } from "./pkg/variorum.js";

// The single-file build inlines the wasm bytes here; the site fetches pkg/.
const ready = init(self.VARIORUM_WASM ? { module_or_path: self.VARIORUM_WASM } : undefined);

self.onmessage = async ({ data: { id, documents, options } }) => {
  try {
    await ready;
    const report = compare({ documents, options });
    self.postMessage({ id, ok: true, report });
  } catch (error) {
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, error: String(error?.message ?? error), fatal });
  }
};
