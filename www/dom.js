// The two DOM helpers every part of the page uses. Text goes in through
// textContent only: article text is untrusted and never parsed as HTML.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function button(label, aria, onClick, disabled = false) {
  const b = el("button", "", label);
  b.type = "button";
  b.setAttribute("aria-label", aria);
  b.disabled = disabled;
  b.addEventListener("click", onClick);
  return b;
}

export const $ = (id) => document.getElementById(id);
