// The JSON, CSV and standalone HTML exports, each with the reader's notes.
// Loaded on demand, when a reader first asks for one: outside the first
// download's budget.
import { $, el } from "./dom.js";
import { allNotes, notesSection } from "./notes.js";
import { renderProvenance } from "./provenance.js";
import { linksCsv } from "./rows.js";
import { result, state } from "./store.js";

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
