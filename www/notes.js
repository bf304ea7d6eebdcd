// Annotations: a reader's note on a sentence, or on the link between a
// sentence and its counterpart in another version. A note is kept in its
// version (`documents[k].notes`) and found again by the sentence's words, so
// it survives edits elsewhere, reordering and reloads, and travels with the
// versions in the permalink and the exports. A note whose sentence has been
// edited away is kept and listed as such, never silently dropped.
import { el } from "./dom.js";
import { wordsKey } from "./rows.js";
import { state, update } from "./store.js";

/** Longest note kept; a link is untrusted input. */
const MAX_NOTE = 5000;

const words = (text) => new Set(wordsKey(text).split(" ").filter(Boolean));

/**
 * Where a note's sentence stands in version `doc` now: the sentence with the
 * same words, or else the one most like it (half its words or more shared),
 * so a note follows its sentence through an edit; -1 when none is close.
 */
function segmentOf(report, doc, sentence) {
  const segments = report?.documents[doc]?.segments ?? [];
  const exact = segments.findIndex((s) => s.text === sentence);
  if (exact >= 0) return exact;
  const mine = words(sentence);
  let best = -1;
  let bestScore = 0.5;
  segments.forEach((s, k) => {
    const theirs = words(s.text);
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    const score = shared / Math.max(1, new Set([...mine, ...theirs]).size);
    if (score >= bestScore && (best < 0 || score > bestScore)) [best, bestScore] = [k, score];
  });
  return best;
}
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

/** Marks every drawn sentence that has a note (its own or on one of its links); `notes` as `allNotes` gives them. */
export function markNotes(root, notes) {
  root.querySelectorAll(".has-note").forEach((n) => {
    n.classList.remove("has-note");
    n.removeAttribute("data-note");
  });
  for (const n of notes) {
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

/**
 * The notes (as `allNotes` gives them) as a list: each with its sentence and, for a link, the other
 * side. On the page (`onJump`, `onRemove` given) a note jumps to its
 * sentence, and one whose sentence has since changed past recognition can be
 * removed; in an export it is plain text. Null when there are no notes.
 */
export function notesSection(notes, { onJump, onRemove } = {}) {
  if (!notes.length) return null;
  const section = el("section", "notes-list");
  section.append(el("h2", "", `Notes (${notes.length})`));
  const list = el("ul");
  for (const n of notes) {
    const li = el("li");
    const name = state.documents[n.doc].name;
    const where = `${name}: “${n.sentence}”${n.other ? ` ↔ ${state.documents[n.other.doc]?.name ?? "a version no longer here"}: “${n.other.sentence}”` : ""}`;
    li.append(el("strong", "", n.note), el("br"));
    if (onJump && n.segment >= 0) {
      const go = el("button", "link-button", where);
      go.type = "button";
      go.addEventListener("click", () => onJump(n.doc, n.segment));
      li.append(go);
    } else li.append(where);
    if (n.segment < 0) {
      li.append(" ", el("em", "", "(this sentence has since changed)"));
      if (onRemove) {
        const remove = el("button", "", "Remove note");
        remove.type = "button";
        remove.addEventListener("click", () => onRemove(n));
        li.append(" ", remove);
      }
    }
    list.append(li);
  }
  section.append(list);
  return section;
}

/** Removes a note (as `allNotes` gives it). */
export function removeNote(n) {
  const other = n.other && { version: state.documents[n.other.doc]?.name, sentence: n.other.sentence };
  setNote(n.doc, n.sentence, "", other);
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

