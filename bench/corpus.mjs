// A pair of real texts for the speed benchmark's independent check: the
// first DEplain-web documents, originals against their simplified versions,
// about 100 KB of originals. Read from ../shared/bench when it is there
// (the project builds and tests without it), else null.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PAIRS = join(dirname(fileURLToPath(import.meta.url)), "../../shared/bench/deplain-web/pairs.jsonl");

/** [{name, text}, {name, text}], or null without the shared benchmarks. */
export function realPair(size = 100_000) {
  if (!existsSync(PAIRS)) return null;
  let original = "";
  let simplified = "";
  for (const line of readFileSync(PAIRS, "utf8").trim().split("\n")) {
    if (original.length >= size) break;
    const pair = JSON.parse(line);
    original += `${pair.a.join(" ")}\n\n`;
    simplified += `${pair.b.join(" ")}\n\n`;
  }
  return [
    { name: "DEplain-web originals", text: original },
    { name: "their simplified versions", text: simplified },
  ];
}
