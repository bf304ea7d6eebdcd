// The core as an npm library: packed, installed and imported from Node, and
// its TypeScript types checked against the example that uses them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

test("the packed library installs, imports from Node and type-checks", () => {
  const dir = mkdtempSync(join(tmpdir(), "variorum-lib-"));
  const tarball = run("npm", ["pack", join(ROOT, "www/pkg"), "--pack-destination", dir, "--silent"], dir).trim().split("\n").pop();
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--offline", join(dir, tarball)], dir);

  // Plain JavaScript, as a researcher's script would use it.
  writeFileSync(
    join(dir, "plain.mjs"),
    `import init, { compare, schemaVersion } from "variorum";
     import { readFile } from "node:fs/promises";
     await init({ module_or_path: await readFile(new URL("variorum_bg.wasm", import.meta.resolve("variorum"))) });
     const r = compare({ documents: [{ name: "a", text: "More than 1,100 people crossed." }, { name: "b", text: "More than 1,200 people crossed." }] });
     console.log(JSON.stringify({ v: schemaVersion(), ops: r.pairs[0].links[0].ops }));
     try { compare({ documents: [] }); } catch (e) { console.log(e.message); }`,
  );
  const [first, second] = run("node", ["plain.mjs"], dir).trim().split("\n");
  const out = JSON.parse(first);
  assert.equal(out.v, 2);
  assert.deepEqual(out.ops.filter((o) => o.tag !== "equal").map((o) => o.text), ["1,100", "1,200"]);
  assert.match(second, /^nothing to compare/);

  // The typed example compiles under --strict against the package's own types, and runs.
  copyFileSync(join(ROOT, "examples/node-compare.ts"), join(dir, "example.ts"));
  const tsc = join(ROOT, "node_modules/.bin/tsc");
  run(tsc, ["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(ROOT, "node_modules/@types"), "example.ts"], dir);
  // A wrong use of the report is a type error.
  writeFileSync(join(dir, "wrong.ts"), `import type { Report } from "variorum";\nexport const k = (r: Report): number => r.pairs[0].links[0].kind;\n`);
  assert.throws(() => run(tsc, ["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "wrong.ts"], dir));
});
