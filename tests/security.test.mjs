// Untrusted text stays text, the page talks to nothing but its own files,
// and a crash of the engine loses no work.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, openPage, ARTIFACTS, openVersions } from "./browser.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

// Each payload tries to run code or restyle the page if it were ever parsed as HTML or CSS.
const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss = 'img'">`,
  `<a href="javascript:window.__xss='link'" id="evil-link">click me</a>`,
  `<svg onload="window.__xss = 'svg'"><circle r=5 /></svg>`,
  `<style>body { display: none !important }</style>`,
  `"><iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>`,
  `<div style="background:url(https://example.org/track.png)">css</div>`,
  `</textarea><script>window.__xss = "textarea"</script>`,
];
// The page's own files: its modules (any top-level .js), the engines, the reader library, nothing else.
const STATIC = /^(|index\.html|style\.css|[a-z-]+\.js|pkg(-lean)?\/variorum\.js|pkg(-lean)?\/variorum_bg\.wasm|vendor\/readability\.js)$/;

async function assertNothingRan(page, requests) {
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no payload ran");
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).display), "none", "no payload restyled the page");
  assert.equal(await page.locator("#view script, #view img, #view svg, #view iframe, #view style, #evil-link").count(), 0);
  const strays = requests.filter((u) => !u.startsWith(env.base) || !STATIC.test(new URL(u).pathname.slice(1)));
  assert.deepEqual(strays, [], "only the page's own static files are requested");
}

test("XSS payloads in pasted text, version names, file names and file contents stay text", async () => {
  const { page, context, requests } = await openPage(env.browser, env.base);
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const evil = PAYLOADS.join("\n");
  await page.evaluate((text) => {
    localStorage.setItem("variorum:v1", JSON.stringify({ documents: [{ name: "Clean", text: "A clean sentence. Another one." }] }));
  }, evil);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await openVersions(page);
  // Paste path.
  await page.click("#add-paste");
  await page.locator("#versions li").nth(1).locator("textarea").fill(`A clean sentence. ${evil}`);
  await page.locator("#versions li").nth(1).locator("input:not([type])").fill(PAYLOADS[1]);
  // File path: hostile name and hostile content.
  await page.setInputFiles("#open-files", [
    { name: `${PAYLOADS[0]}.txt`, mimeType: "text/plain", buffer: Buffer.from(`Another one. ${evil}`) },
    { name: "evil.html", mimeType: "text/html", buffer: Buffer.from(`<article><p>A clean sentence.</p><p>${PAYLOADS.map((p) => p.replace(/</g, "&lt;")).join("</p><p>")}</p>${PAYLOADS.join("")}</article>`) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 4);
  await page.waitForFunction(() => /^Compared 4/.test(document.querySelector("#status").textContent));
  // The payloads are shown as the text they are.
  await page.selectOption("#right", "1");
  await page.waitForFunction(() => document.querySelector("#view").textContent.includes('window.__xss = "script"'));
  assert.match(await page.locator("table.sbs th").nth(1).textContent(), /<img src=x onerror=/);
  for (const view of ["inline", "synopsis", "overview", "quotes", "numbers", "side"]) {
    await page.click(`[data-view=${view}]`);
    await assertNothingRan(page, requests);
  }
  await page.locator("#view td", { hasText: "window.__xss" }).first().click();
  await page.screenshot({ path: join(ARTIFACTS, "xss-as-text.png") });
  await assertNothingRan(page, requests);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test("XSS payloads in a permalink stay text, and exports carry them inert", async () => {
  const { page, context, requests } = await openPage(env.browser, env.base, { acceptDownloads: true });
  const link = await page.evaluate(async (payloads) => {
    const { encodePermalink } = await import("./inputs.js");
    const documents = payloads.map((p, k) => ({ name: p, text: `Shared opening line. ${p} Line ${k}.` }));
    return encodePermalink({ documents, left: 0, right: 1, view: "side" });
  }, PAYLOADS);
  await page.goto(`${env.base}#${link}`);
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 8);
  await page.waitForFunction(() => /^Compared 8/.test(document.querySelector("#status").textContent));
  await assertNothingRan(page, requests);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-html")]);
  const html = readFileSync(await download.path(), "utf8");
  assert.ok(!/<script|<img|<svg|<iframe|javascript:/i.test(html.replace(/&lt;[^]*?&gt;/g, "")), "payloads are escaped in the export");
  assert.match(html, /&lt;script&gt;window.__xss = "script"&lt;\/script&gt;/);
  await context.close();
});

test("a crash of the engine is reported, the engine restarts, and no input is lost", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  // The first worker's engine traps on its comparison, as a wasm panic would; the restarted one is real.
  let served = 0;
  await page.route(`${env.base}worker.js`, (route) =>
    served++ > 0
      ? route.continue()
      : route.fulfill({
          contentType: "text/javascript",
          body: `self.onmessage = ({ data: { id } }) => { const e = new WebAssembly.RuntimeError("unreachable executed"); self.postMessage({ id, ok: false, error: e.message, fatal: e instanceof WebAssembly.RuntimeError }); };`,
        }),
  );
  await page.reload();
  await page.waitForFunction(() => /crashed/.test(document.querySelector("#status").textContent));
  assert.match(await page.locator("#notice").textContent(), /engine crashed \(unreachable executed\); it has been restarted\. Your versions are unchanged/);
  await openVersions(page);
  assert.equal(await page.locator("#versions li").count(), 5, "the versions are all still there");
  // The restarted engine compares as before.
  await page.click("#compare-now");
  await page.waitForFunction(() => /^Compared 5/.test(document.querySelector("#status").textContent));
  await context.close();
});

test("bad input from JavaScript throws a readable error, not a trap", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  const errors = await page.evaluate(async () => {
    const mod = await import("./pkg/variorum.js");
    await mod.default();
    const cases = [undefined, 42, "text", {}, { documents: "x" }, { documents: [{ text: 5 }] }, { documents: [{ text: "a" }], options: { bogus: true } }, { documents: [] }];
    return cases.map((c) => {
      try {
        mod.compare(c);
        return "no error";
      } catch (e) {
        return `${e.constructor.name}: ${e.message}`;
      }
    });
  });
  assert.equal(errors.length, 8);
  for (const e of errors) assert.match(e, /^Error: (invalid input|nothing to compare)/, e);
  assert.match(errors[6], /unknown field `bogus`/);
  await context.close();
});
