// Deterministic article generator for the speed benchmark.
//
// Version A: sentences drawn from a word-level Markov chain trained on the
// seed articles (so word frequencies look like news copy), with figures and
// the odd quotation. Version B: A with about 5% of words edited, 5% of
// sentences moved, 2% dropped and 2% added. Same seed, same output, always.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "..", "seeds");

/** A small, fast, seeded PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chain() {
  const words = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(join(SEEDS, f), "utf8").split(/\s+/))
    .map((w) => w.replace(/[^\p{L}\p{N}'’-]/gu, ""))
    .filter(Boolean);
  const next = new Map();
  for (let i = 0; i + 1 < words.length; i++) {
    const key = words[i].toLowerCase();
    if (!next.has(key)) next.set(key, []);
    next.get(key).push(words[i + 1]);
  }
  return { words, next };
}

const CHAIN = chain();

function sentence(random) {
  const { words, next } = CHAIN;
  let w = words[Math.floor(random() * words.length)];
  const out = [w[0].toUpperCase() + w.slice(1)];
  const length = 8 + Math.floor(random() * 22);
  while (out.length < length) {
    const options = next.get(w.toLowerCase());
    w = options && random() < 0.85 ? options[Math.floor(random() * options.length)] : words[Math.floor(random() * words.length)];
    out.push(w);
    if (random() < 0.04) out.push(`${Math.floor(random() * 5000)}`);
  }
  let s = out.join(" ") + ".";
  if (random() < 0.08) s = `“${s}” ${["he said", "she said", "the minister said"][Math.floor(random() * 3)]}.`;
  return s;
}

/** Version A of about `bytes` UTF-8 bytes: paragraphs of 1 to 3 sentences. */
export function article(bytes, seed) {
  const random = rng(seed);
  const paragraphs = [];
  let size = 0;
  while (size < bytes) {
    const p = Array.from({ length: 1 + Math.floor(random() * 3) }, () => sentence(random)).join(" ");
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paragraphs.join("\n\n");
}

/** Version B: 5% of words edited, 5% of sentences moved, 2% dropped, 2% added. */
export function revise(text, seed) {
  const random = rng(seed);
  let sentences = text.split(/(?<=[.”])\s+(?=[A-Z“])/);
  sentences = sentences.map((s) =>
    s
      .split(" ")
      .map((w) => (random() < 0.05 ? CHAIN.words[Math.floor(random() * CHAIN.words.length)] : w))
      .join(" "),
  );
  sentences = sentences.filter(() => random() >= 0.02);
  const added = [];
  for (const s of sentences) {
    added.push(s);
    if (random() < 0.02) added.push(sentence(random));
  }
  const moved = Math.round(added.length * 0.05);
  for (let k = 0; k < moved; k++) {
    const [s] = added.splice(Math.floor(random() * added.length), 1);
    added.splice(Math.floor(random() * added.length), 0, s);
  }
  // Paragraphs of about two sentences.
  const out = [];
  for (let i = 0; i < added.length; i += 2) out.push(added.slice(i, i + 2).join(" "));
  return out.join("\n\n");
}

/** `n` versions of about `bytes` each: revisions of one article. */
export function versions(n, bytes, seed) {
  const base = article(bytes, seed);
  return Array.from({ length: n }, (_, k) => ({ name: `v${k + 1}`, text: k === 0 ? base : revise(base, seed + k) }));
}

/** Every input of the benchmark, by name. */
export function inputs() {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(SEEDS, f), "utf8") }));
  const pair = (bytes, seed) => {
    const a = article(bytes, seed);
    return [{ name: "A", text: a }, { name: "B", text: revise(a, seed + 1) }];
  };
  return {
    pairs: {
      "seeds 000-001": [seeds[0], seeds[1]],
      "2 x 10 KB": pair(10_000, 10),
      "2 x 100 KB": pair(100_000, 100),
      "2 x 1 MB": pair(1_000_000, 1000),
    },
    sets: {
      "5 seeds": seeds,
      "5 x 5 KB": versions(5, 5_000, 5),
      "20 x 5 KB": versions(20, 5_000, 20),
      "50 x 5 KB": versions(50, 5_000, 50),
    },
  };
}

// `node bench/generate.mjs DIR` writes the inputs as text files, for the native benchmark and the CLI.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const dir = process.argv[2] ?? "target/bench-inputs";
  const { pairs, sets } = inputs();
  for (const [name, docs] of [...Object.entries(pairs), ...Object.entries(sets)]) {
    const sub = join(dir, name.replace(/[^a-z0-9]+/gi, "-"));
    mkdirSync(sub, { recursive: true });
    docs.forEach((d, k) => writeFileSync(join(sub, `${String(k).padStart(3, "0")}.txt`), d.text));
  }
  console.log(`wrote the benchmark inputs to ${dir}`);
}
