// A sentence's origin, as the pair views badge it. Report -> DOM, text only.
import { el } from "./dom.js";

/**
 * A sentence's origin as a badge, or `null` (furniture, or no provenance
 * yet). A direction only where publication times give it: "copied from X",
 * "copied by X", "rewritten from X"; otherwise "same words as X", "reworded
 * in X". Its own: "own".
 */
export function originBadge(report, doc, seg) {
  const o = report.provenance.sentences[doc]?.[seg];
  if (!o || o.origin === "furniture") return null;
  const other = o.with === null ? "" : ` ${report.documents[o.with].name}`;
  const label = {
    copied: o.directed ? `copied from${other}` : `same words as${other}`,
    source: `copied by${other}`,
    rewritten: o.directed ? `rewritten from${other}` : `reworded in${other}`,
    own: "own",
  }[o.origin];
  return el("span", `badge origin origin-${o.origin}`, label);
}
