// Roving focus over the view's rows: the view is one Tab stop, a row; the
// arrow keys move it over every row, changed or not.
let rows = null; // the view's rows, found once per drawing
let stop = null; // the row that is the view's Tab stop

/** A new drawing: its rows are found again when first needed. */
export function forgetRows() {
  rows = null;
}

/** The row that is the view's Tab stop, if any. */
export const currentStop = () => stop;

/** Makes `row` the view's Tab stop (and only it). */
export function makeStop(row) {
  if (stop && stop !== row) stop.tabIndex = -1;
  row.tabIndex = 0;
  stop = row;
}

/** The first row is the Tab stop of a new view. */
export function enterStop() {
  const first = document.querySelector("#view .row");
  if (first && !stop?.isConnected) makeStop(first);
}

/** Moves the keyboard from row `from` to the next (`dir` 1) or previous (-1) row. */
export function moveFocus(from, dir) {
  rows ??= [...document.querySelectorAll("#view .row")];
  const at = rows.indexOf(from);
  const to = rows[Math.max(0, Math.min(rows.length - 1, (at < 0 ? 0 : at) + dir))];
  if (!to) return;
  makeStop(to);
  to.focus({ preventScroll: true });
  to.scrollIntoView({ block: "nearest" });
}
