// Provenance view: who reuses whose words. Report -> DOM, text only.
// Loaded when the view is first opened (a sentence's origin badge, which
// the pair views show, is in origin.js).
import { el } from "./dom.js";

const RELATION = {
  same_source: "same source text",
  partly_shared: "partly shared text",
  rewrite: "rewrite",
  independent: "independent",
};

const pct = (x) => `${Math.round(100 * x)}%`;

/** The family tree: each version under the one it most likely derives from; unnamed shared sources on top. */
function tree(report) {
  const { tree: lines, shared_sources: sources } = report.provenance;
  const names = report.documents.map((d) => d.name);
  const wrap = el("section", "stemma");
  wrap.append(el("h2", "", "Family tree"));
  const list = el("ul", "stemma-list");
  sources.forEach((group) => {
    const li = el("li", "source");
    li.append(el("strong", "", "A shared source none of them is known to be"), ` (a wire copy): ${group.map((d) => names[d]).join(", ")}`);
    list.append(li);
  });
  lines.forEach((line, d) => {
    const li = el("li", "version");
    li.dataset.doc = d;
    li.append(el("strong", "", names[d]));
    const children = lines.flatMap((l, c) => (l.parent === d && l.directed ? [names[c]] : []));
    if (line.parent === null && children.length) li.append(` — the earliest: the source of ${children.join(", ")}`);
    else if (line.parent === null) li.append(" — its own report: no other version shares its text");
    else if (line.directed) li.append(` ← derives from ${names[line.parent]} (${RELATION[line.relation]}, published earlier)`);
    else li.append(` — shares its source with ${names[line.parent]} (${RELATION[line.relation]}; no publication times say which came first)`);
    list.append(li);
  });
  wrap.append(list);
  return wrap;
}

/** Every pair: verbatim shares, close counterparts, relation and direction. */
function pairsTable(report) {
  const names = report.documents.map((d) => d.name);
  const table = el("table", "provenance-pairs");
  const head = table.createTHead().insertRow();
  for (const h of ["Versions", "Verbatim in the other", "Close counterparts", "Relation", "First"]) {
    head.append(Object.assign(el("th", "", h), { scope: "col" }));
  }
  const body = table.createTBody();
  for (const p of report.provenance.pairs) {
    const tr = body.insertRow();
    tr.className = `relation-${p.relation}`;
    tr.append(
      el("td", "", `${names[p.a]} · ${names[p.b]}`),
      el("td", "", `${pct(p.shared_a)} of ${names[p.a]} · ${pct(p.shared_b)} of ${names[p.b]}`),
      el("td", "", pct(p.close)),
      el("td", "relation", RELATION[p.relation]),
      el("td", "", p.source === null ? (p.relation === "independent" ? "" : "not known") : names[p.source]),
    );
  }
  return table;
}

/** Each version's share of copied, rewritten and own sentences. */
function ownership(report) {
  const list = el("ul", "ownership");
  report.documents.forEach((doc, d) => {
    const counts = { copied: 0, source: 0, rewritten: 0, own: 0 };
    report.provenance.sentences[d].forEach((o) => o.origin in counts && counts[o.origin]++);
    const li = el("li");
    li.append(
      el("strong", "", `${doc.name}: `),
      `${counts.copied} copied, ${counts.source} copied by later versions, ${counts.rewritten} rewritten, ${counts.own} its own`,
    );
    list.append(li);
  });
  return list;
}

/** Provenance: the family tree, every pair's reuse, each version's own share. */
export function renderProvenance(root, report) {
  const wrap = el("div", "provenance");
  wrap.append(tree(report), el("h2", "", "Reuse between versions"), pairsTable(report), el("h2", "", "Sentences by origin"), ownership(report));
  root.replaceChildren(wrap);
  return report.provenance.pairs.length;
}
