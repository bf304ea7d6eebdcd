// Sharing and exporting: the permalink (the versions in the URL fragment,
// never sent to a server), and the JSON, CSV and standalone HTML exports.
// Each carries the reader's notes.
import { $, el } from "./dom.js";
import { decodePermalink, encodePermalink } from "./inputs.js";
import { allNotes, cleanNotes, notesSection } from "./notes.js";
import { notice } from "./notice.js";
import { renderProvenance } from "./provenance.js";
import { linksCsv } from "./rows.js";
import { BACKUP, VIEWS, forEngine, replace, result, state, stored } from "./store.js";

/** Longest link that messengers pass on whole. */
const LONG_LINK = 2000;

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The report as JSON, with the reader's notes placed on their sentences. */
export function exportJson() {
  const { report } = result;
  if (report) download("variorum-report.json", "application/json", JSON.stringify({ ...report, notes: allNotes(report) }, null, 1));
}

export function exportCsv() {
  if (result.report) download("variorum-links.csv", "text/csv", linksCsv(result.report));
}

export function exportHtml() {
  if (result.report) download("variorum-report.html", "text/html", standaloneReport(result.report));
}

/** A standalone HTML file of the current view: its styles inline, no script at all. */
function standaloneReport(report) {
  const doc = document.implementation.createHTMLDocument("");
  doc.title = `Variorum: ${state.documents.map((d) => d.name).join(" / ")}`;
  const meta = doc.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = "default-src 'none'; style-src 'unsafe-inline'";
  const charset = doc.createElement("meta");
  charset.setAttribute("charset", "utf-8");
  const style = doc.createElement("style");
  style.textContent = [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n");
  doc.head.prepend(charset, meta);
  doc.head.append(style);
  const h1 = doc.createElement("h1");
  h1.textContent = doc.title;
  const summary = doc.createElement("p");
  summary.textContent = $("summary").textContent;
  // Which view and, for a pair, which two versions it shows.
  const shows = doc.createElement("p");
  const names = state.documents.map((d) => d.name);
  const pairView = state.view === "side" || state.view === "inline";
  shows.textContent = pairView ? `Showing ${names[state.right]} against ${names[state.left]}.` : `Showing the ${state.view} view of every version.`;
  const legend = doc.importNode($("legend"), true);
  legend.open = true;
  legend.querySelector(".keys")?.remove();
  const main = doc.createElement("main");
  main.append(...[...$("view").childNodes].map((n) => doc.importNode(n, true)));
  doc.body.append(h1, summary, shows, legend, main);
  const notes = notesSection(allNotes(report));
  if (notes) doc.body.append(doc.importNode(notes, true));
  // Where the words came from travels with every export.
  if (report.complete && state.view !== "provenance") {
    const origins = document.createElement("section");
    renderProvenance(origins, report);
    doc.body.append(doc.importNode(origins, true));
  }
  return "<!doctype html>\n" + doc.documentElement.outerHTML;
}

export async function share() {
  const { documents, left, right, view } = state;
  // replaceState, not location.hash: this page's own link must not reopen itself.
  history.replaceState(null, "", `#${await encodePermalink({ documents, left, right, view })}`);
  const url = location.href;
  // Messengers and mail clients cut long links; past this, say so.
  const long =
    url.length > LONG_LINK
      ? ` It is ${Math.round(url.length / 1000)} thousand characters long: messengers and mail may cut links past about 2,000, so send the HTML report or the JSON instead.`
      : "";
  try {
    await navigator.clipboard.writeText(url);
    notice(`Link copied. It carries your versions inside the link itself (after the #), which browsers never send to a server.${long}`);
  } catch {
    notice(`Copy this link (it carries your versions, after the #, which is never sent to a server):${long} ${url}`);
  }
}

/**
 * Opens the versions a link carries, if it carries any: they replace the
 * ones shown, and the reader's own, if different, are kept aside with a way
 * back (`ownBefore`: the reader had versions of their own here, not just the
 * demo). Returns whether a link was opened.
 */
export async function openPermalink(ownBefore) {
  let linked;
  try {
    linked = await decodePermalink(location.hash);
  } catch (e) {
    notice(`${e.message}. The versions stored in this browser are shown instead.`);
    return false;
  }
  if (!linked) return false;
  // Only well-formed fields are taken from a link: it is untrusted input.
  const documents = linked.documents.map(({ name, text, published, notes }) => {
    const doc = forEngine({ name, text, published: typeof published === "string" ? published : undefined });
    const kept = cleanNotes(notes);
    return kept ? { ...doc, notes: kept } : doc;
  });
  const mine = stored();
  const differs = mine && JSON.stringify(JSON.parse(mine).documents) !== JSON.stringify(documents);
  if (differs) localStorage.setItem(BACKUP, mine);
  const index = (v) => (Number.isInteger(v) && v >= 0 && v < documents.length ? v : 0);
  const view = VIEWS.includes(linked.view) ? linked.view : "side";
  // Loaded: drop the fragment, so a reload shows the stored copy rather than reopening the link.
  history.replaceState(null, "", location.pathname + location.search);
  replace({ ...state, documents, left: index(linked.left), right: index(linked.right ?? 1), view });
  if (differs && ownBefore) {
    notice("Showing the versions from this link. The versions you had here are kept.", "Restore mine", () => {
      replace(JSON.parse(localStorage.getItem(BACKUP)));
    });
  } else if (differs) {
    notice("Showing the versions from this link.");
  }
  return true;
}
