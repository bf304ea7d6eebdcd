// The page's first download stays within its budget (after `npm run build`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUDGET_KIB, firstLoad } from "../scripts/first-load.mjs";

test(`the first load is at most ${BUDGET_KIB} KiB gzipped, and the on-demand parts are not in it`, () => {
  const { sizes, total } = firstLoad();
  const files = sizes.map((s) => s.file);
  for (const later of ["export.js", "provenance.js", "notes.js", "pkg/variorum_bg.wasm"]) assert.ok(!files.includes(later), `${later} loads on demand`);
  assert.ok(files.includes("pkg-lean/variorum_bg.wasm") && files.includes("views.js"), files.join(", "));
  assert.ok(total <= BUDGET_KIB * 1024, `first load ${(total / 1024).toFixed(1)} KiB: ${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)}`).join(", ")}`);
});
