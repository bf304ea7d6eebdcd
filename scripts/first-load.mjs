// What the page's first load downloads, gzipped: the page, its styles, the
// modules main.js and the worker import statically, and the first engine.
// The full engine, the exports, the provenance view, the notes and vendor/
// libraries are imported on demand, outside the 250 KiB budget.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const WWW = join(dirname(fileURLToPath(import.meta.url)), "..", "www");

/** The budget of the first load, in KiB gzipped. */
export const BUDGET_KIB = 250;

/** The modules `entry` loads by static imports, itself included. */
function staticImports(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(join(WWW, entry), "utf8");
  for (const [, path] of source.matchAll(/^import\s[^;]*?from\s+"\.\/([^"]+)";/gms)) staticImports(path, seen);
  return seen;
}

/** Each file of the first load with its size raw and gzipped (level 9), and the total gzipped. */
export function firstLoad() {
  const modules = new Set([...staticImports("main.js"), ...staticImports("worker.js")]);
  const files = ["index.html", "style.css", ...modules, "pkg-lean/variorum_bg.wasm"];
  const sizes = files.map((file) => {
    const body = readFileSync(join(WWW, file));
    return { file, raw: statSync(join(WWW, file)).size, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { sizes, total: sizes.reduce((n, s) => n + s.gzip, 0) };
}
