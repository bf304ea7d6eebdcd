// End to end: the served page, in Chromium, shows the seeds compared.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { start, openPage, ARTIFACTS } from "./browser.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("seeds load and two versions show side by side with highlighted words", async () => {
  const { page, requests, errors, context } = await openPage(env.browser, env.base);
  const rows = page.locator("#side-by-side tbody tr");
  assert.ok((await rows.count()) >= 20, "aligned rows are shown");
  assert.equal(await page.locator("#left option").count(), 5, "all five seeds are loaded");

  // Metro vs its rewrite: a known reworded sentence shows deleted and inserted words.
  const ins = await page.locator("ins").allTextContents();
  const del = await page.locator("del").allTextContents();
  assert.ok(ins.length > 10 && del.length > 10, "words are highlighted on both sides");
  assert.ok(ins.some((t) => t.includes("Director of Public Prosecutions") || t.includes("Recalling")), `an insertion from the rewrite: ${ins.slice(0, 5)}`);

  // The same quote, differently punctuated, is one identical row whose only marks are the quote marks.
  const quote = page.locator("tr.link-identical", { hasText: "I simply do not believe organised immigration crime cannot be tackled" });
  assert.equal(await quote.count(), 1);
  const marks = await quote.locator("ins, del").allTextContents();
  assert.ok(marks.every((m) => /^[\p{P}\s]+$/u.test(m)), `only punctuation differs: ${marks}`);

  // Sentences with no counterpart are marked as such, in words, not colour only.
  const only = page.locator("tr.only-left .badge.only");
  assert.ok((await only.count()) >= 3);
  assert.match(await only.first().textContent(), /^only in /);
  // Boilerplate is dimmed.
  assert.ok((await page.locator("tr.boilerplate", { hasText: "Got a story?" }).count()) >= 1);

  await page.screenshot({ path: join(ARTIFACTS, "side-by-side.png") });
  assert.deepEqual(errors, []);
  const foreign = requests.filter((u) => !u.startsWith(env.base));
  assert.deepEqual(foreign, [], "no request leaves the page's own origin");
  await context.close();
});

test("choosing another pair re-renders without a new comparison", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  await page.selectOption("#left", "3");
  await page.selectOption("#right", "4");
  await page.waitForFunction(() => document.querySelector("#right-name").textContent.includes("AFP"));
  const vile = page.locator("tr.row.link", { hasText: "vile trade exploits the cracks" });
  assert.equal(await vile.count(), 1, "003's quote is linked to 004's variant wording");
  assert.ok((await vile.locator("del, ins").count()) > 0, "the variant wording is highlighted");
  await context.close();
});
