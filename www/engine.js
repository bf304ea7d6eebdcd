// The page's link to the engine: a Web Worker (worker.js), so the page never
// freezes. Each call is a promise of the worker's reply; cancel() ends the
// worker mid-comparison and starts a fresh one.

let worker = null;
let nextId = 0;
const pending = new Map();
/** Per call, what to do with a report sent ahead of the analyses. */
const early = new Map();
/** Calls whose report sent ahead is on its way to the screen. */
const sentAhead = new Set();
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
    const answer = () => {
      const { json, ...reply } = data;
      if (json !== undefined) reply.report = JSON.parse(json);
      if (data.ahead) return early.get(data.id)?.(reply.report);
      pending.get(data.id)?.(reply);
      pending.delete(data.id);
      early.delete(data.id);
    };
    // A report sent ahead paints before the whole one is parsed (a hidden tab paints nothing: no wait there).
    if (data.ahead) sentAhead.add(data.id);
    if (!data.ahead && sentAhead.delete(data.id) && !document.hidden) requestAnimationFrame(() => setTimeout(answer, 0));
    else answer();
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
  early.clear();
  sentAhead.clear();
  worker.terminate();
  start();
}

function ask(message, ahead) {
  if (!worker) start();
  return new Promise((resolve) => {
    const id = ++nextId;
    pending.set(id, resolve);
    if (ahead) early.set(id, ahead);
    worker.postMessage({ id, ...message });
  });
}

/**
 * Compares `documents`; `full` asks for quotes, figures and provenance too.
 * On long versions the full engine calls `ahead(report)` first, with the
 * aligned report (`complete: false`), before the analyses are done.
 */
export async function compare(documents, options, full = false, ahead = null) {
  const reply = await ask({ documents, options, full, ahead: Boolean(ahead) }, ahead);
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
