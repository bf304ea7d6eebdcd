// Annotations: a reader's note on a sentence, or on the link between a
// sentence and its counterpart in another version. A note is kept in its
// version (`documents[k].notes`) and found again by the sentence's words, so
// it survives edits elsewhere, reordering and reloads, and travels with the
// versions in the permalink and the exports. A note whose sentence has been
// edited away is kept and listed as such, never silently dropped.
import { el } from "./dom.js";
import { state, update } from "./store.js";

/** Longest note kept; a link is untrusted input. */
const MAX_NOTE = 5000;

const segmentOf = (report, doc, sentence) => report?.documents[doc]?.segments.findIndex((s) => s.text === sentence) ?? -1;
const versionNamed = (name) => state.documents.findIndex((d) => d.name === name);

/** Every note, resolved against the report: where it sits now (segment -1: its sentence is gone). */
export function allNotes(report) {
  return state.documents.flatMap((d, doc) =>
    (d.notes ?? []).map((n) => {
      const other = n.other && { doc: versionNamed(n.other.version), sentence: n.other.sentence };
      if (other) other.segment = segmentOf(report, other.doc, other.sentence);
      return { doc, segment: segmentOf(report, doc, n.sentence), sentence: n.sentence, note: n.note, ...(other && { other }) };
    }),
  );
}

function find(doc, sentence, other) {
  return (state.documents[doc].notes ?? []).findIndex(
    (n) => n.sentence === sentence && (n.other?.version ?? null) === (other?.version ?? null) && (n.other?.sentence ?? null) === (other?.sentence ?? null),
  );
}

function noteText(doc, sentence, other) {
  const at = find(doc, sentence, other);
  return at < 0 ? "" : state.documents[doc].notes[at].note;
}

/** Sets (or with empty text removes) the note on a sentence, or on its link with `other`. */
function setNote(doc, sentence, text, other) {
  update("notes", (s) => {
    const notes = (s.documents[doc].notes ??= []);
    const at = find(doc, sentence, other);
    if (text.trim() === "") {
      if (at >= 0) notes.splice(at, 1);
      if (!notes.length) delete s.documents[doc].notes;
    } else if (at >= 0) notes[at].note = text;
    else notes.push(other ? { sentence, note: text, other } : { sentence, note: text });
  });
}

/** Marks every drawn sentence that has a note (its own or on one of its links). */
export function markNotes(root, report) {
  root.querySelectorAll(".has-note").forEach((n) => {
    n.classList.remove("has-note");
    n.removeAttribute("data-note");
  });
  for (const n of allNotes(report)) {
    for (const [doc, seg] of [[n.doc, n.segment], [n.other?.doc, n.other?.segment]]) {
      if (seg === undefined || seg < 0) continue;
      root.querySelectorAll(`[data-doc="${doc}"][data-seg="${seg}"]`).forEach((node) => {
        node.classList.add("has-note");
        node.dataset.note = node.dataset.note ? `${node.dataset.note}\n${n.note}` : n.note;
      });
    }
  }
}

/** A labelled box that saves the note as the reader types. */
function editor(label, doc, sentence, other) {
  const wrap = el("label", "note-editor");
  const box = el("textarea");
  box.rows = 2;
  box.value = noteText(doc, sentence, other);
  box.placeholder = "Your note (kept with the versions)";
  box.addEventListener("input", () => setNote(doc, sentence, box.value, other));
  wrap.append(el("span", "", label), box);
  return wrap;
}

/** Note boxes for a sentence and for each of its links, inside the counterparts panel. */
export function noteEditors(report, doc, seg, found) {
  const sentence = report.documents[doc].segments[seg].text;
  const nodes = [editor("Note on this sentence", doc, sentence)];
  for (const c of found.filter((c) => c.segments.length === 1)) {
    const otherDoc = state.documents[c.doc];
    const other = { version: otherDoc.name, sentence: report.documents[c.doc].segments[c.segments[0]].text };
    const open = noteText(doc, sentence, other) !== "";
    const details = el("details", "link-note");
    details.open = open;
    details.append(el("summary", "", `Note on the link with ${otherDoc.name}`), editor("Note", doc, sentence, other));
    nodes.push(details);
  }
  return nodes;
}

/** Notes as a reader sees them in an export: each with its sentence and, for a link, the other side. */
export function notesSection(report) {
  const notes = allNotes(report);
  if (!notes.length) return null;
  const section = el("section", "notes-list");
  section.append(el("h2", "", `Notes (${notes.length})`));
  const list = el("ul");
  for (const n of notes) {
    const li = el("li");
    const name = state.documents[n.doc].name;
    li.append(el("strong", "", n.note), el("br"), `${name}: “${n.sentence}”`);
    if (n.other) li.append(` ↔ ${state.documents[n.other.doc]?.name ?? "a version no longer here"}: “${n.other.sentence}”`);
    if (n.segment < 0) li.append(" ", el("em", "", "(this sentence has since changed)"));
    list.append(li);
  }
  section.append(list);
  return section;
}

/** Only well-formed notes from untrusted input (a link): strings, bounded. */
export function cleanNotes(notes) {
  if (!Array.isArray(notes)) return undefined;
  const str = (v) => typeof v === "string";
  const kept = notes
    .filter((n) => str(n?.sentence) && str(n?.note) && (n.other === undefined || (str(n.other?.version) && str(n.other?.sentence))))
    .map((n) => ({ sentence: n.sentence, note: n.note.slice(0, MAX_NOTE), ...(n.other && { other: { version: n.other.version, sentence: n.other.sentence } }) }));
  return kept.length ? kept : undefined;
}

