// Builds dist/variorum.html: the whole page in one file (styles, scripts,
// the seeds and the wasm inlined) that works from file:// with no network,
// so a journalist can e-mail it. Run after scripts/build.sh.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const WWW = join(ROOT, "www");

async function bundle(entry, format) {
  const out = await build({
    entryPoints: [join(WWW, entry)],
    bundle: true,
    format,
    minify: true,
    write: false,
    logLevel: "error",
    // The wasm is passed as bytes, so the glue never resolves its own URL.
    define: format === "iife" ? { "import.meta.url": "self.location.href" } : {},
  });
  return out.outputFiles[0].text;
}

// Text placed inside <script> must not close it early.
const scriptSafe = (js) => js.replace(/<\/(script)/gi, "<\\/$1");
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const wasm = readFileSync(join(WWW, "pkg/variorum_bg.wasm")).toString("base64");
const worker = scriptSafe(
  // A classic worker: Chromium refuses module workers from blob URLs in file:// pages.
  `self.VARIORUM_WASM = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));\n` + (await bundle("worker.js", "iife")),
);
const boot = `globalThis.VARIORUM_WORKER_URL = URL.createObjectURL(new Blob([document.getElementById("variorum-worker").textContent], { type: "text/javascript" }));`;
const main = scriptSafe(await bundle("main.js", "esm"));
const css = readFileSync(join(WWW, "style.css"), "utf8");

const csp = [
  "default-src 'none'",
  `script-src ${sha256(boot)} ${sha256(main)} 'wasm-unsafe-eval'`,
  "worker-src blob:",
  `style-src ${sha256(css)}`,
  "img-src data: blob:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let html = readFileSync(join(WWW, "index.html"), "utf8");
const swap = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html no longer contains: ${from}`);
  html = html.replace(from, () => to);
};
swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/.exec(html)[0], `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(`<link rel="stylesheet" href="style.css">`, `<style>${css}</style>`);
swap(
  `<script type="module" src="main.js"></script>`,
  `<script type="text/plain" id="variorum-worker">${worker}</script>\n  <script>${boot}</script>\n  <script type="module">${main}</script>`,
);
// The boot script reads the worker's text, so it must run after that element: keep the order above.
mkdirSync(join(ROOT, "dist"), { recursive: true });
writeFileSync(join(ROOT, "dist/variorum.html"), html);
console.log(`wrote dist/variorum.html (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)`);
