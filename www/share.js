// Sharing: the permalink (the versions in the URL fragment, never sent to
// a server), carrying the reader's notes. The exports are in export.js,
// loaded when one is asked for.
import { decodePermalink, encodePermalink } from "./inputs.js";
import { notice } from "./notice.js";
import { BACKUP, VIEWS, forEngine, replace, state, stored } from "./store.js";

/** Longest link that messengers pass on whole. */
const LONG_LINK = 2000;

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
  // The notes module loads only for a link that carries notes.
  const { cleanNotes } = linked.documents.some((d) => d.notes) ? await import("./notes.js") : { cleanNotes: () => undefined };
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
