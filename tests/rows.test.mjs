// The pure row logic of the views, without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { consecutive, counterparts, filterRows, linksCsv, markMoves, orientedPair, pairRows, sharedRuns, synopsisRows, wordsKey } from "../www/rows.js";

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

test("a synopsis cell departs where the other versions outvote its wording, or where most have the row and it has none of it", () => {
  const docs = (...texts) => texts.map((t, d) => ({ name: `V${d}`, segments: t.map((x) => seg(x)) }));
  const none = { pairs: [] };
  // Three versions: the odd wording out departs; case and punctuation are no wording of their own.
  const three = { ...none, documents: docs(["Talks opened."], ["talks opened!"], ["Talks began."]), groups: [{ members: [[0], [0], [0]] }] };
  assert.deepEqual(synopsisRows(three)[0].cells.map((c) => c.departs), [false, false, true]);
  // Two versions that differ: neither outvotes the other.
  const two = { ...none, documents: docs(["Talks opened."], ["Talks began."]), groups: [{ members: [[0], [0]] }] };
  assert.deepEqual(synopsisRows(two)[0].cells.map((c) => c.departs), [false, false]);
  // Missing where two of three have it: departs; where only one has it, the others do not.
  const gaps = { ...none, documents: docs(["A."], ["A.", "B."], ["A."]), groups: [{ members: [[0], [0], []] }, { members: [[], [1], []] }] };
  assert.deepEqual(synopsisRows(gaps).map((r) => r.cells.map((c) => c.departs)), [[false, false, true], [false, false, false]]);
});

test("CSV quotes commas, quotes and line breaks", () => {
  const csv = linksCsv(report);
  const lines = csv.trim().split("\r\n");
  assert.equal(lines.length, 1 + 2 + 1 + 1);
  assert.equal(lines[1], 'A,"B, ""quoted""",0,1,minor_edit,0.9,false,One.,One!');
});

test("a sentence's counterparts: links of any kind, and shared facts where both are linked elsewhere", () => {
  const three = {
    documents: [0, 1, 2].map((d) => ({ name: `V${d}`, segments: [seg("One."), seg("Two.")] })),
    pairs: [
      { a: 0, b: 1, links: [{ a: [0], b: [1], kind: "partial" }], overlaps: [{ a: 1, b: 0, score: 0.4 }], unmatched_a: [1], unmatched_b: [0] },
      { a: 0, b: 2, links: [{ a: [0, 1], b: [0], kind: "minor_edit" }], overlaps: [], unmatched_a: [], unmatched_b: [1] },
      { a: 1, b: 2, links: [], overlaps: [], unmatched_a: [0, 1], unmatched_b: [0, 1] },
    ],
    groups: [],
  };
  assert.deepEqual(counterparts(three, 0, 0), [{ doc: 1, segments: [1], kind: "partial" }, { doc: 2, segments: [0], kind: "minor_edit" }]);
  assert.deepEqual(counterparts(three, 0, 1), [{ doc: 1, segments: [0], kind: "overlap" }, { doc: 2, segments: [0], kind: "minor_edit" }]);
  assert.deepEqual(counterparts(three, 2, 1), [{ doc: 0, segments: [], kind: null }, { doc: 1, segments: [], kind: null }]);
});

test("shared runs mark the engine's spans inside a segment, the text whole, in UTF-16 offsets", () => {
  // The segment starts at 10 in its document; spans may reach past it (another segment's part).
  const segment = { text: "Öl: more than 1,100 people 🎉 crossed.", span: { utf16: [10, 48] } };
  const spans = [{ utf16: [4, 12] }, { utf16: [14, 36] }, { utf16: [40, 47] }];
  const runs = sharedRuns(segment, spans);
  assert.deepEqual(runs.filter((r) => r.shared).map((r) => r.text), ["Öl", "more than 1,100 people", "crossed"]);
  assert.equal(runs.map((r) => r.text).join(""), segment.text, "the text is whole");
  assert.deepEqual(sharedRuns(segment, []), [{ text: segment.text, shared: false }]);
});

test("a flipped pair swaps a partial link's shared runs with its sides", () => {
  const shared = { a: [{ utf16: [0, 3] }], b: [{ utf16: [5, 9] }] };
  const report = { pairs: [{ a: 0, b: 1, similarity: 0.5, unmatched_a: [], unmatched_b: [], links: [{ a: [0], b: [2], kind: "partial", ops: [], shared }] }] };
  const flipped = orientedPair(report, 1, 0).links[0];
  assert.deepEqual([flipped.a, flipped.b, flipped.shared], [[2], [0], { a: shared.b, b: shared.a }]);
});

test("a run of words deleted here and inserted there is a move, a replacement in place is not", () => {
  const ops = [
    { tag: "delete", text: "On Monday " },
    { tag: "equal", text: "the summit opened" },
    { tag: "insert", text: " on Monday" },
    { tag: "equal", text: " in " },
    { tag: "delete", text: "Central London" },
    { tag: "insert", text: "central London" },
  ];
  assert.deepEqual(markMoves(ops).map((o) => Boolean(o.moved)), [false, false, false, false, false, false], "case differs: not the same words");
  const moved = markMoves([{ tag: "delete", text: "on Monday " }, ...ops.slice(1)]);
  assert.deepEqual(moved.map((o) => Boolean(o.moved)), [true, false, true, false, false, false]);
  const inPlace = markMoves([{ tag: "delete", text: "two words" }, { tag: "insert", text: "two words" }]);
  assert.ok(inPlace.every((o) => !o.moved));
});

test("segments that do not stand together are told apart", () => {
  assert.deepEqual(consecutive([3, 4, 7, 9, 10]), [[3, 4], [7], [9, 10]]);
  assert.deepEqual(consecutive([]), []);
});
