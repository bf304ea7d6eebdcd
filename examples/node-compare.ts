// The npm library from Node, typed: compare two versions and list what changed.
//   npm run build && npm pack ./www/pkg   ->  variorum-0.1.0.tgz
//   npm install ./variorum-0.1.0.tgz
import init, { compare, type Report, type WordOp } from "variorum";
import { readFile } from "node:fs/promises";

// In Node, hand the wasm bytes to init(); in a browser, init() fetches them.
await init({ module_or_path: await readFile(new URL("variorum_bg.wasm", import.meta.resolve("variorum"))) });

const report: Report = compare({
  documents: [
    { name: "wire", text: "More than 40 countries attend. The PM said: “We must act now.”" },
    { name: "paper", text: "Around 40 countries attend. The PM said: “We should act now.”" },
  ],
  options: { base: 0 },
});

const show = (ops: WordOp[]): string =>
  ops.map((o) => (o.tag === "equal" ? o.text : o.tag === "delete" ? `[-${o.text}-]` : `{+${o.text}+}`)).join("");

for (const link of report.pairs[0].links) console.log(`${link.kind}: ${show(link.ops)}`);
for (const g of report.numbers) if (g.disagreement) console.log(`figures disagree (${g.disagreement}): ${g.facts.map((f) => f.text).join(" / ")}`);
for (const q of report.quotes) if (q.variant) console.log(`quote worded differently: ${q.quotes.map((x) => x.text).join(" / ")}`);
