// Assembles _site/ for GitHub Pages: the page (www/, with its built pkg/ and
// seeds.js) and the single-file build as a download. Run after the builds.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const site = join(ROOT, "_site");
rmSync(site, { recursive: true, force: true });
mkdirSync(site);
cpSync(join(ROOT, "www"), site, { recursive: true, filter: (src) => !src.endsWith(".gitignore") });
cpSync(join(ROOT, "dist/variorum.html"), join(site, "variorum.html"));
console.log(`assembled ${site}`);
