// Speed benchmark, in headless Chromium, all in one page and one run:
// Variorum's full comparison and its word diff alone, jsdiff's diffWords,
// diff-match-patch in word mode with semantic cleanup, and the floor
// (tokenise both texts and intern their words, in the same wasm).
//
//   npm run bench                 prints the tables (after building the wasm)
//   npm run bench -- --write      also writes them to docs/speed.md
//   npm run bench -- --corpus     adds a pair of real texts (bench/corpus.mjs; minutes: the peers go quadratic)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { start } from "../tests/browser.mjs";
import { inputs } from "./generate.mjs";
import { realPair } from "./corpus.mjs";
import { firstLoad } from "../scripts/first-load.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const PEER_LIMIT = 200_000; // jsdiff and diff-match-patch are quadratic: beyond this they take minutes

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = (docs) => docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const ms = (x) => (x === undefined ? "—" : x < 1 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toString());
const ratio = (x, y) => (x === undefined || y === undefined ? "—" : `${(x / y).toFixed(1)}x`);

/** The in-page runner: loads the wasm and the peers, times one function over `runs` runs. */
async function setUp(page, base) {
  await page.route(`${base}__bench.html`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title>" }));
  await page.goto(`${base}__bench.html`);
  await page.addScriptTag({ content: readFileSync(join(ROOT, "node_modules/diff/dist/diff.js"), "utf8") });
  await page.addScriptTag({
    content: `(() => { const module = { exports: {} }; ${readFileSync(require.resolve("diff-match-patch"), "utf8")}; window.DMP = module.exports.diff_match_patch ?? module.exports; })();`,
  });
  await page.evaluate(async () => {
    const mod = await import("/pkg/variorum.js");
    const wasm = await mod.default();
    // diff-match-patch in word mode (its documented recipe): each distinct
    // word or space run becomes one character, then diff, then semantic cleanup.
    const dmpWords = (a, b) => {
      const dmp = new window.DMP();
      dmp.Diff_Timeout = 0;
      const words = [""];
      const ids = new Map();
      const encode = (text) =>
        text
          .split(/(\s+)/)
          .filter(Boolean)
          .map((w) => {
            if (!ids.has(w)) {
              ids.set(w, words.length);
              words.push(w);
            }
            return String.fromCharCode(ids.get(w));
          })
          .join("");
      const [ca, cb] = [encode(a), encode(b)];
      if (words.length >= 0xd800) throw new Error("too many distinct words for word mode");
      const diffs = dmp.diff_main(ca, cb, false);
      for (const d of diffs) d[1] = [...d[1]].map((c) => words[c.charCodeAt(0)]).join("");
      dmp.diff_cleanupSemantic(diffs);
      return diffs;
    };
    const tasks = {
      floor: (docs) => mod.internWords(docs[0].text, docs[1].text),
      full: (docs, wordDiffs) => mod.compare({ documents: docs, options: { word_diffs: wordDiffs } }),
      worddiff: (docs) => mod.diffWords(docs[0].text, docs[1].text),
      jsdiff: (docs) => window.Diff.diffWords(docs[0].text, docs[1].text),
      dmp: (docs) => dmpWords(docs[0].text, docs[1].text),
    };
    window.bench = (task, docs, runs, wordDiffs = "all") => {
      const times = [];
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        tasks[task](docs, wordDiffs);
        times.push(performance.now() - t0);
      }
      return times;
    };
    // Runs `task` until its best time has not improved by 2% in the last
    // ten runs (at most 20 s): V8 compiles the optimised wasm in the
    // background, which on a busy machine takes a second or more.
    window.warmUp = (task, docs) => {
      const start = performance.now();
      let best = Infinity;
      let since = 0;
      let runs = 0;
      while (since < 10 && performance.now() - start < 20_000) {
        const t0 = performance.now();
        tasks[task](docs, "all");
        const t = performance.now() - t0;
        runs += 1;
        if (t < best * 0.98) since = 0;
        else since += 1;
        best = Math.min(best, t);
      }
      return { runs, seconds: (performance.now() - start) / 1000 };
    };
    window.memoryBytes = () => wasm.memory.buffer.byteLength;
  });
}

async function time(page, task, docs, runs, wordDiffs) {
  return median(await page.evaluate(([t, d, r, w]) => window.bench(t, d, r, w), [task, docs, runs, wordDiffs]));
}

async function main() {
  const write = process.argv.includes("--write");
  const env = await start();
  const lines = [];
  const say = (s = "") => {
    console.log(s);
    lines.push(s);
  };
  try {
    const { pairs, sets } = inputs();
    const page = await env.browser.newPage();
    await setUp(page, env.base);
    const browser = env.browser.version();

    say(`Machine: ${cpus().length} × ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; Chromium ${browser}; ${new Date().toISOString().slice(0, 10)}.`);
    say("Times are medians in milliseconds, measured in one page in one run.");
    say();
    // V8 first runs wasm from its baseline compiler and swaps in optimised
    // code as its background compiles finish: warm up on a mid-sized pair
    // until the times settle, so every row measures the optimised code a
    // user has after a few comparisons (five runs were not always enough
    // on this two-core machine: rows then caught the swap half done).
    const warm = await page.evaluate((d) => window.warmUp("full", d), pairs["2 x 100 KB"]);
    say(`Warm-up: ${warm.runs} comparisons of 2 x 100 KB (${warm.seconds.toFixed(1)} s) until the best time settled.`);
    say();
    say("| input | size | floor | Variorum full | word diff only | jsdiff diffWords | dmp word mode | full / floor | jsdiff / full | dmp / full |");
    say("|---|---|---|---|---|---|---|---|---|---|");
    const full = {};
    const floor = {};
    for (const [name, docs] of Object.entries(pairs)) {
      const size = bytes(docs);
      const runs = size > 500_000 ? 3 : size > 50_000 ? 5 : 9;
      await time(page, "full", docs, 1); // warm up
      const r = {
        floor: await time(page, "floor", docs, runs),
        full: await time(page, "full", docs, runs),
        worddiff: await time(page, "worddiff", docs, runs),
      };
      if (size <= PEER_LIMIT) {
        const peerRuns = size > 50_000 ? 3 : runs;
        r.jsdiff = await time(page, "jsdiff", docs, peerRuns);
        r.dmp = await time(page, "dmp", docs, peerRuns);
      }
      full[name] = r.full;
      floor[name] = r.floor;
      say(`| ${name} | ${(size / 1000).toFixed(0)} KB | ${ms(r.floor)} | ${ms(r.full)} | ${ms(r.worddiff)} | ${ms(r.jsdiff)} | ${ms(r.dmp)} | ${ratio(r.full, r.floor)} | ${ratio(r.jsdiff, r.full)} | ${ratio(r.dmp, r.full)} |`);
    }
    say();
    say(`jsdiff and diff-match-patch are skipped above ${PEER_LIMIT / 1000} KB: their cost grows with the square of the text.`);
    // Sizes grow tenfold between steps, so k = log10 of the time ratio.
    const growth = (t, from, to) => Math.log10(t[to] / t[from]).toFixed(2);
    const steps = [["2 x 10 KB", "2 x 100 KB"], ["2 x 100 KB", "2 x 1 MB"]];
    say(`Growth exponent k (time ∝ size^k), 10 KB → 100 KB, 100 KB → 1 MB: full ${steps.map(([f, t]) => growth(full, f, t)).join(", ")}; floor ${steps.map(([f, t]) => growth(floor, f, t)).join(", ")}.`);
    say();
    const real = process.argv.includes("--corpus") ? realPair() : null;
    if (real) {
      // Rewritten text, not edits: the peers' quadratic case. One run each of theirs.
      await time(page, "full", real, 1);
      const r = { full: await time(page, "full", real, 5), worddiff: await time(page, "worddiff", real, 5), jsdiff: await time(page, "jsdiff", real, 1), dmp: await time(page, "dmp", real, 1) };
      say(`Independent check, real text: ${real[0].name} (${(bytes([real[0]]) / 1000).toFixed(0)} KB) against ${real[1].name} (${(bytes([real[1]]) / 1000).toFixed(0)} KB): Variorum full ${ms(r.full)}, word diff only ${ms(r.worddiff)}, jsdiff ${ms(r.jsdiff)} (${ratio(r.jsdiff, r.full)}), dmp word mode ${ms(r.dmp)} (${ratio(r.dmp, r.full)}).`);
      say();
    }
    say("| versions | total size | Variorum full, diffs against the base (as the page asks) | full, diffs for every pair |");
    say("|---|---|---|---|");
    for (const [name, docs] of Object.entries(sets)) {
      const runs = docs.length > 20 ? 3 : 7;
      await time(page, "full", docs, 1, "base");
      const base = await time(page, "full", docs, runs, "base");
      const all = await time(page, "full", docs, runs, "all");
      say(`| ${name} | ${(bytes(docs) / 1000).toFixed(0)} KB | ${ms(base)} | ${ms(all)} |`);
    }
    await page.close();

    // Peak wasm memory: a fresh page, one 2 x 1 MB comparison (wasm memory only grows).
    const fresh = await env.browser.newPage();
    await setUp(fresh, env.base);
    const before = await fresh.evaluate(() => window.memoryBytes());
    await time(fresh, "full", pairs["2 x 1 MB"], 1);
    const after = await fresh.evaluate(() => window.memoryBytes());
    await fresh.close();
    say();
    say(`Peak wasm memory for 2 x 1 MB: ${(after / 2 ** 20).toFixed(1)} MiB (${(before / 2 ** 20).toFixed(1)} MiB before).`);
    const weight = firstLoad();
    say(`The page's whole download, gzipped: ${(weight.total / 1024).toFixed(1)} KiB (${weight.sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)}`).join(", ")}).`);
  } finally {
    await env.close();
  }
  if (write) {
    const doc = readFileSync(join(ROOT, "docs/speed.md"), "utf8");
    const marker = "<!-- bench:start -->";
    const end = "<!-- bench:end -->";
    const updated = doc.slice(0, doc.indexOf(marker) + marker.length) + "\n" + lines.join("\n") + "\n" + doc.slice(doc.indexOf(end));
    writeFileSync(join(ROOT, "docs/speed.md"), updated);
    console.log("\nwrote docs/speed.md");
  }
}

await main();
