// The pure row logic of the views, without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { filterRows, linksCsv, orientedPair, pairRows, synopsisRows, wordsKey } from "../www/rows.js";

const seg = (text, kind = "body") => ({ text, kind, support: 0, group: 0 });
const report = {
  documents: [
    { name: "A", segments: [seg("One."), seg("Two."), seg("Three.")] },
    { name: "B, \"quoted\"", segments: [seg("Zero."), seg("One!"), seg("Three.")] },
  ],
  pairs: [
    {
      a: 0, b: 1, similarity: 0.5, unmatched_a: [1], unmatched_b: [0],
      links: [
        { a: [0], b: [1], kind: "minor_edit", score: 0.9, moved: false, ops: [{ tag: "equal", text: "One" }, { tag: "delete", text: "." }, { tag: "insert", text: "!" }] },
        { a: [2], b: [2], kind: "identical", score: 1, moved: false, ops: [{ tag: "equal", text: "Three." }] },
      ],
    },
  ],
  groups: [{ members: [[0], [1]] }, { members: [[1], []] }, { members: [[], [0]] }, { members: [[2], [2]] }],
};

test("a pair read the other way round swaps sides and tags", () => {
  const flipped = orientedPair(report, 1, 0);
  assert.deepEqual(flipped.unmatched_a, [0]);
  assert.deepEqual(flipped.links[0].a, [1]);
  assert.deepEqual(flipped.links[0].ops.map((o) => o.tag), ["equal", "insert", "delete"]);
  assert.equal(orientedPair(report, 0, 0), null);
});

test("rows follow the left version; right-only sentences sit where they stood", () => {
  const rows = pairRows(orientedPair(report, 0, 1));
  assert.deepEqual(rows.map((r) => r.type), ["only-right", "link", "only-left", "link"]);
  assert.deepEqual(filterRows(rows, { hideIdentical: true }).map((r) => r.type), ["only-right", "link", "only-left"]);
  assert.deepEqual(filterRows(rows, { onlyUnique: true }).map((r) => r.type), ["only-right", "only-left"]);
});

test("synopsis cells that depart from the majority wording are flagged", () => {
  const rows = synopsisRows(report);
  assert.equal(rows.length, 4);
  assert.equal(rows[1].unique, true);
  assert.equal(wordsKey("One!"), wordsKey("one."));
});

test("CSV quotes commas, quotes and line breaks", () => {
  const csv = linksCsv(report);
  const lines = csv.trim().split("\r\n");
  assert.equal(lines.length, 1 + 2 + 1 + 1);
  assert.equal(lines[1], 'A,"B, ""quoted""",0,1,minor_edit,0.9,false,One.,One!');
});
