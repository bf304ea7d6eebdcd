// Runs the comparison off the main thread, so the page never freezes.
// Messages in: {id, documents, options}; out: {id, ok: true, report} or {id, ok: false, error}.
import init, { compare } from "./pkg/variorum.js";

const ready = init();

self.onmessage = async ({ data: { id, documents, options } }) => {
  try {
    await ready;
    const report = compare({ documents, options });
    self.postMessage({ id, ok: true, report });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
};
