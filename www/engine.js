// The page's link to the engine: a Web Worker (worker.js), so the page never
// freezes. Each call is a promise of the worker's reply; cancel() ends the
// worker mid-comparison and starts a fresh one.

let worker = null;
let nextId = 0;
const pending = new Map();
/** Whether the worker holds a finished comparison to rediff (a restart loses it). */
let kept = false;

function start() {
  // The single-file build runs a classic worker from a blob URL it sets here.
  const inline = globalThis.VARIORUM_WORKER_URL;
  worker = new Worker(inline ?? new URL("./worker.js", import.meta.url), { type: inline ? "classic" : "module" });
  worker.onmessage = ({ data }) => {
    if (data.fatal) {
      restart({ ok: false, error: `the comparison engine crashed (${data.error}); it has been restarted` });
      return;
    }
    const { json, ...reply } = data;
    if (json !== undefined) reply.report = JSON.parse(json);
    pending.get(data.id)?.(reply);
    pending.delete(data.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    restart({ ok: false, error: `the comparison engine stopped (${event.message || "load failure"}); it has been restarted` });
  };
}

/** Ends the worker (a trap, or the user cancelled), answers every waiting call with `reply`, starts a fresh one. */
function restart(reply) {
  kept = false;
  for (const done of pending.values()) done(reply);
  pending.clear();
  worker.terminate();
  start();
}

function ask(message) {
  if (!worker) start();
  return new Promise((resolve) => {
    const id = ++nextId;
    pending.set(id, resolve);
    worker.postMessage({ id, ...message });
  });
}

/** Compares `documents`; `full` asks for quotes, figures and provenance too. */
export async function compare(documents, options, full = false) {
  const reply = await ask({ documents, options, full });
  // Only the full engine keeps its comparison, and only it answers complete.
  kept = Boolean(reply.ok && reply.report.complete);
  return reply;
}

/** Whether `rediff` can answer: the worker still holds the last comparison. */
export const canRediff = () => kept;

/** Only the word diffs of the last comparison, for other diff options or another base. */
export const rediff = (options) => ask({ rediff: options });

/** Stops whatever the engine is doing; the waiting calls answer `{ok: false, cancelled: true}`. */
export const cancel = () => restart({ ok: false, cancelled: true });
