// The version editor: each version's name, publication time, text and
// place in the list, and the ways versions arrive (typing, pasting, files).
// Every change goes through the store, which decides what follows.
import { $, button, el } from "./dom.js";
import { readVersionFile, textOf } from "./inputs.js";
import { notice, retireUndo } from "./notice.js";
import { snapshot, state, update } from "./store.js";

/** Redraws the list; `force` after the set or order of versions changed. */
export function renderVersions(force = false) {
  $("version-count").textContent = `(${state.documents.length})`;
  const list = $("versions");
  // Keep focus and caret while the reader types in the list.
  if (!force && list.children.length === state.documents.length && list.contains(document.activeElement)) return;
  list.replaceChildren(...state.documents.map(versionItem));
  fillPickers();
}

function versionItem(doc, k) {
  const li = el("li", "version");
  const name = el("input");
  name.value = doc.name;
  name.setAttribute("aria-label", `Name of version ${k + 1} (outlet, date)`);
  name.placeholder = "Outlet, date";
  name.addEventListener("input", () => edit("text", (s) => (s.documents[k].name = name.value)));
  name.addEventListener("change", fillPickers);
  // When it was published (ISO 8601): the earlier of two related versions is the source.
  const published = el("input", "published");
  published.type = "text";
  published.value = doc.published ?? "";
  published.placeholder = "Published (2024-08-01T09:30Z)";
  published.setAttribute("aria-label", `Publication time of version ${k + 1}`);
  published.addEventListener("change", () =>
    edit("text", (s) => {
      if (published.value.trim()) s.documents[k].published = published.value.trim();
      else delete s.documents[k].published;
    }),
  );
  const base = el("label", "base-choice");
  const radio = el("input");
  radio.type = "radio";
  radio.name = "base";
  radio.checked = k === state.left;
  radio.addEventListener("change", () => setPair(k, state.right === k ? state.left : state.right));
  base.append(radio, " base");
  const text = el("textarea");
  text.rows = 4;
  text.setAttribute("aria-label", `Text of version ${k + 1}`);
  text.addEventListener("input", () => edit("text", (s) => (s.documents[k].text = text.value)));
  text.addEventListener("paste", (e) => pasteInto(e, text, k));
  const tools = el("div", "version-tools");
  tools.append(
    button("↑", `Move version ${k + 1} up`, () => move(k, -1), k === 0),
    button("↓", `Move version ${k + 1} down`, () => move(k, 1), k === state.documents.length - 1),
    button("Remove", `Remove version ${k + 1}`, () => remove(k)),
  );
  li.append(name, published, base, tools, doc.text.length > LONG_TEXT ? folded(doc, k, text) : Object.assign(text, { value: doc.text }));
  return li;
}

/** Characters past which a version's text opens folded: a text box lays out all it holds, a second for a megabyte. */
const LONG_TEXT = 200_000;

/** A long text's first lines and its size, and a button that puts the whole text in its box. */
function folded(doc, k, text) {
  const node = el("div", "folded-text");
  const size = `${(new Blob([doc.text]).size / 1e6).toFixed(1)} MB`;
  node.append(el("p", "folded-start", `${doc.text.slice(0, 300)}…`));
  node.append(
    button(`Edit the whole text (${size})`, `Edit the whole text of version ${k + 1} (${size})`, () => {
      text.value = state.documents[k].text;
      node.replaceWith(text);
      text.focus();
    }),
  );
  return node;
}

/** The base and compare-with pickers, one option per version. */
export function fillPickers() {
  for (const [id, selected] of [["left", state.left], ["right", state.right]]) {
    $(id).replaceChildren(
      ...state.documents.map((d, k) => {
        const o = el("option", "", `${k + 1}. ${d.name || "(unnamed)"}`);
        o.value = String(k);
        o.selected = k === selected;
        return o;
      }),
    );
  }
}

/** An edit to the versions: an Undo offered earlier no longer applies. */
function edit(kind, mutate) {
  retireUndo();
  update(kind, mutate);
}

/** A change to the versions that can be taken back: done, then offered as Undo. */
export function undoable(message, mutate) {
  const before = snapshot();
  edit("versions", mutate);
  notice(message, "Undo", () => update("all", (s) => Object.assign(s, before)));
}

export function addVersion(doc) {
  addVersions([doc], "versions");
}

function addVersions(docs, kind) {
  edit(kind, (s) => {
    const before = s.documents.length;
    s.documents.push(...docs);
    if (before < 2 && s.documents.length >= 2) s.right = 1;
  });
}

function move(k, by) {
  edit("versions", (s) => {
    const docs = s.documents;
    [docs[k], docs[k + by]] = [docs[k + by], docs[k]];
    const follow = (i) => (i === k ? k + by : i === k + by ? k : i);
    s.left = follow(s.left);
    s.right = follow(s.right);
  });
}

function remove(k) {
  const gone = state.documents[k];
  undoable(`Removed “${gone.name || "unnamed"}”.`, (s) => {
    s.documents.splice(k, 1);
    const fix = (i) => (i > k ? i - 1 : i === k ? 0 : i);
    const rightGone = s.right === k;
    s.left = fix(s.left);
    // The other side of the pair, when it was the one removed: the first version that is not the base.
    s.right = rightGone ? (s.left === 0 && s.documents.length > 1 ? 1 : 0) : fix(s.right);
  });
}

export function setPair(left, right) {
  update(left !== state.left ? "base" : "pair", (s) => {
    s.left = left;
    s.right = right;
  });
}

function pasteInto(event, textarea, k) {
  const html = event.clipboardData?.getData("text/html");
  const plain = event.clipboardData?.getData("text/plain") ?? "";
  // Markup pasted as source, or a rich paste with no plain text: keep the article text only.
  const looksLikeSource = /^\s*<(!doctype|html|body|article)\b/i.test(plain);
  if (looksLikeSource || (!plain.trim() && html)) {
    event.preventDefault();
    textOf(looksLikeSource ? plain : html, "pasted.html").then((text) => {
      textarea.value = text;
      edit("text", (s) => (s.documents[k].text = text));
    });
  }
}

/** Versions from files, added in one change and compared at once (nobody is typing). */
export async function addFiles(files) {
  const read = [];
  for (const file of files) {
    try {
      read.push(await readVersionFile(file));
    } catch (e) {
      notice(`Not added: ${e.message}.`);
    }
  }
  if (read.length) addVersions(read, "opened");
}
