// The one message line: errors, confirmations, and an Undo when an action
// can be taken back. A later change to the versions retires an Undo, so it
// can never put back a state the reader has since moved on from.
import { $, button } from "./dom.js";

let undoable = false;

export function notice(message, actionLabel, action) {
  const box = $("notice");
  box.replaceChildren(message);
  if (actionLabel) box.append(" ", button(actionLabel, actionLabel, () => { dismiss(); action(); }));
  box.append(" ", button("Dismiss", "Dismiss this message", dismiss));
  box.hidden = false;
  undoable = Boolean(actionLabel);
}

export function dismiss() {
  $("notice").hidden = true;
  undoable = false;
}

/** Retires an outstanding Undo (and only that): the versions changed since. */
export function retireUndo() {
  if (undoable) dismiss();
}
