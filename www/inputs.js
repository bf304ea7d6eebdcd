// Getting versions in: files, pasted HTML, permalinks. Nothing here touches
// the network, and no input is ever parsed into the live page.

/** Largest file accepted, in bytes (the core's limit per version is 8 MiB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,dd,dt,td,th";
const NOISE = "script,style,noscript,template,iframe,object,embed,svg,canvas,nav,header,footer,aside,form,button,select,input,textarea,figure>img";

/**
 * The article text of an HTML page: one line per block, list items as
 * bullets. The page is parsed into an inert document (DOMParser): its
 * scripts never run, its images and styles never load. Mozilla's
 * Readability (the reader view of Firefox) finds the article among bylines,
 * share bars, promos, related links and cookie banners; it is fetched from
 * the page's own origin the first time an HTML file is opened, and when it
 * cannot be had (offline single file) the plain reading below takes over.
 */
export async function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const article = await readable(doc);
  if (article) {
    const text = blocksText(article.body);
    const title = article.title?.trim();
    // Readability keeps the headline apart; it leads the text, as in the page.
    return title && text && !text.startsWith(title) ? `${title}\n${text}` : text;
  }
  doc.querySelectorAll(NOISE).forEach((n) => n.remove());
  return blocksText(doc.querySelector("article") ?? doc.querySelector("main") ?? doc.body);
}

/** Readability's article of `doc` as `{title, body}` (an inert element), or null (no article found, or no library). */
async function readable(doc) {
  try {
    const { Readability } = await import("./vendor/readability.js");
    const article = new Readability(doc.cloneNode(true), { keepClasses: false }).parse();
    if (!article?.content) return null;
    // Pictures and their captions are not the story's text.
    const content = new DOMParser().parseFromString(article.content, "text/html");
    content.querySelectorAll("figure, figcaption, picture, img").forEach((n) => n.remove());
    return { title: article.title, body: content.body };
  } catch {
    return null;
  }
}

/** Each innermost block of `root` as a line; list items as bullets. */
function blocksText(root) {
  if (!root) return "";
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const clean = (s) => s.replace(/\s+/g, " ").trim();
  const lines = blocks
    .map((el) => {
      const text = clean(el.textContent ?? "");
      return text && el.tagName === "LI" ? `- ${text}` : text;
    })
    .filter(Boolean);
  return lines.length ? lines.join("\n") : clean(root.textContent ?? "");
}

/**
 * When an HTML page says it was published: `article:published_time`, JSON-LD
 * `datePublished`, or the first `<time datetime>`; an ISO 8601 string, or "".
 */
export function publishedTime(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const iso = (s) => (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s ?? "") ? s : "");
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]')?.getAttribute("content");
  if (iso(meta?.trim())) return meta.trim();
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent ?? "");
      const found = [data, ...(Array.isArray(data?.["@graph"]) ? data["@graph"] : []), ...(Array.isArray(data) ? data : [])]
        .map((d) => d?.datePublished)
        .find((d) => iso(d));
      if (found) return found;
    } catch {
      // A damaged JSON-LD block says nothing.
    }
  }
  const time = doc.querySelector("time[datetime]")?.getAttribute("datetime")?.trim();
  return iso(time) ? time : "";
}

/** Markdown reduced to plain text: markers of headings, emphasis and links dropped. */
export function markdownToText(md) {
  return md
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/^\s*[*+]\s+/gm, "- ");
}

/** Text of a pasted or dropped string: HTML if it looks like markup. */
export async function textOf(content, fileName = "") {
  const ext = fileName.toLowerCase().split(".").pop();
  if (ext === "html" || ext === "htm" || (!fileName && /^\s*<(!doctype|html|body|article|div|p)\b/i.test(content))) {
    return await htmlToText(content);
  }
  if (ext === "md" || ext === "markdown") return markdownToText(content);
  return content;
}

/** A version from a File: `{name, text}` (and `published` when an HTML page says it), or throws an Error saying why not. */
export async function readVersionFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`${file.name} is too large (${(file.size / 1048576).toFixed(1)} MiB; at most 8 MiB)`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let content;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file.name} is not UTF-8 text`);
  }
  if (content.includes("\u0000")) throw new Error(`${file.name} looks like a binary file, not text`);
  const name = file.name.replace(/\.(txt|md|markdown|html?)$/i, "");
  const published = /\.html?$/i.test(file.name) ? publishedTime(content) : "";
  const text = await textOf(content, file.name);
  return published ? { name, text, published } : { name, text };
}

const PREFIX = "v1=";

function toBase64Url(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** A URL fragment carrying `state` compressed: it stays in the browser, never sent to a server. */
export async function encodePermalink(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** The state a fragment carries, or `null` if it carries none; throws on a damaged one. */
export async function decodePermalink(fragment) {
  const body = fragment.replace(/^#/, "");
  if (!body.startsWith(PREFIX)) return null;
  let state;
  try {
    const bytes = await pipe(fromBase64Url(body.slice(PREFIX.length)), new DecompressionStream("deflate-raw"));
    state = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error("this link is damaged: its versions could not be read");
  }
  const ok = Array.isArray(state?.documents) && state.documents.every((d) => typeof d?.name === "string" && typeof d?.text === "string");
  if (!ok) throw new Error("this link does not hold versions of a story");
  return state;
}
