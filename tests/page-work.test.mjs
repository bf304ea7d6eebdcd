// End to end, the page at work: two 1 MB versions stay responsive, notes
// travel with the versions, option boxes redo only the word diffs, Cancel
// leaves the choices matching what is shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inputs } from "../bench/generate.mjs";
import { start, openPage, openVersions, ARTIFACTS } from "./browser.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const settled = (page) =>
  page.waitForFunction(
    () => /^Compared/.test(document.querySelector("#status").textContent) && document.body.dataset.complete === "true" && document.body.dataset.drawn === "true",
    null,
    { timeout: 60000 },
  );

/**
 * Milliseconds from a real click or key press to the next frame painted after
 * its handlers ran: the browser's own Event Timing measure (what INP counts).
 */
async function untilPainted(page, act) {
  await page.evaluate(() => {
    window.__timings = [];
    window.__observer?.disconnect();
    window.__observer = new PerformanceObserver((list) => window.__timings.push(...list.getEntries().map((e) => [e.name, e.duration])));
    window.__observer.observe({ type: "event", durationThreshold: 16, buffered: false });
  });
  if (act.click) await page.click(act.click);
  else await page.keyboard.press(act.key);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  const entries = await page.evaluate(() => window.__timings);
  const wanted = act.click ? ["pointerdown", "pointerup", "click"] : ["keydown", "keyup"];
  // Below the 16 ms threshold the browser reports nothing: count it as 16.
  return Math.max(16, ...entries.filter(([name]) => wanted.includes(name)).map(([, d]) => d));
}

/** Every message the page sends its engine, recorded before the page loads. */
const recordEngineMessages = (page) =>
  page.addInitScript(() => {
    window.__sent = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      window.__sent.push(message.rediff ? "rediff" : message.full ? "compare-full" : "compare");
      return post.call(this, message, ...rest);
    };
  });

test("two 1 MB versions: drawn a part at a time, keys and view switches answer at once, the overview fits", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  const big = inputs().pairs["2 x 1 MB"];
  await page.evaluate((documents) => localStorage.setItem("variorum:v1", JSON.stringify({ documents })), big);
  await page.reload();
  await settled(page);
  const rows = Number(await page.getAttribute("#view", "data-rows"));
  assert.ok(rows > 5000, `a long comparison: ${rows} rows`);

  const step = [];
  const switches = [];
  await page.locator("#view").focus();
  for (let k = 0; k < 5; k++) step.push(await untilPainted(page, { key: "j" }));
  for (const view of ["inline", "synopsis", "numbers", "quotes", "provenance", "side"]) {
    switches.push(await untilPainted(page, { click: `[data-view=${view}]` }));
    await page.waitForFunction(() => document.body.dataset.drawn === "true", null, { timeout: 60000 });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`2 x 1 MB, ${rows} rows: key step median ${median(step).toFixed(0)} ms, view switches ${switches.map(Math.round).join(", ")} ms (inline, synopsis, numbers, quotes, provenance, side)`);
  assert.ok(median(step) < 100, `a key step paints within 100 ms: ${step.map(Math.round)}`);
  assert.ok(median(switches) < 300, `a view switch paints within 300 ms: ${switches.map(Math.round)}`);
  // The target is 300 ms for every view; the margin is for a busy CI machine, not for a view that freezes.
  assert.ok(Math.max(...switches) < 500, `no view switch takes half a second: ${switches.map(Math.round)}`);

  // Drawing reports its progress, and the whole view is there at the end.
  assert.equal(await page.locator("#view tr.row").count(), rows);
  // The overview stays within the window.
  await page.click("[data-view=overview]");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1280, `the page is ${width} px wide`);
  await page.screenshot({ path: join(ARTIFACTS, "big-overview.png") });
  await context.close();
});

test("two 1 MB files opened: compared at once, in one comparison, the alignment on screen first", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  await recordEngineMessages(page);
  await page.reload();
  await settled(page);
  await page.click("text=Start a new comparison");
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 0);
  await page.evaluate(() => {
    window.__sent.length = 0;
    // From the files handed to the page (the test's own transfer of 2 MB to the browser aside) to the frame that shows rows.
    window.__opened = new Promise((resolve) => {
      document.querySelector("#open-files").addEventListener("change", () => {
        const opened = performance.now();
        const seen = new MutationObserver(() => {
          if (document.querySelectorAll("#view tr.row").length <= 20) return;
          seen.disconnect();
          const complete = document.body.dataset.complete;
          requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - opened, complete }), 0));
        });
        seen.observe(document.querySelector("#view"), { childList: true, subtree: true });
      }, { once: true });
    });
  });
  const big = inputs().pairs["2 x 1 MB"];
  const started = Date.now();
  await page.setInputFiles("#open-files", big.map((d, i) => ({ name: `v${i}.txt`, mimeType: "text/plain", buffer: Buffer.from(d.text) })));
  const first = await page.evaluate(() => window.__opened);
  await settled(page);
  console.log(`2 x 1 MB files opened: first rows painted ${Math.round(first.ms)} ms after the page had the files, the whole view drawn after ${Date.now() - started} ms`);
  assert.equal(first.complete, "false", "the alignment is on screen before quotes, figures and provenance");
  assert.deepEqual(await page.evaluate(() => window.__sent), ["compare"], "both files in one comparison, with no wait for typing");
  // Their texts open folded in the editor (a text box lays out all it holds); a button puts one whole in its box.
  await openVersions(page);
  assert.equal(await page.locator("#versions li .folded-text").count(), 2);
  assert.equal(await page.locator("#versions li textarea").count(), 0);
  await page.locator("#versions li").nth(1).getByRole("button", { name: /Edit the whole text of version 2 \(1\.0 MB\)/ }).click();
  const box = page.locator("#versions li").nth(1).locator("textarea");
  assert.equal(await box.evaluate((t) => [t.value.length, document.activeElement === t].join()), `${big[1].text.length},true`);
  assert.ok(Number(await page.getAttribute("#view", "data-rows")) > 5000);
  await context.close();
});

test("Cancel once the alignment of long versions is on screen: it stays, said to lack the analyses; an option then compares afresh", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base);
  await page.click("text=Start a new comparison");
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 0);
  // Cancel the moment the aligned report is shown: the whole one is still being read.
  await page.evaluate(() => {
    const status = document.querySelector("#status");
    const watch = new MutationObserver(() => {
      if (!/^Aligned/.test(status.textContent)) return;
      watch.disconnect();
      document.querySelector("#cancel").click();
    });
    watch.observe(status, { childList: true, characterData: true, subtree: true });
  });
  const big = inputs().pairs["2 x 1 MB"];
  await page.setInputFiles("#open-files", big.map((d, i) => ({ name: `v${i}.txt`, mimeType: "text/plain", buffer: Buffer.from(d.text) })));
  await page.waitForFunction(() => /^Cancelled/.test(document.querySelector("#status").textContent), null, { timeout: 60000 });
  assert.match(await page.locator("#status").textContent(), /the alignment is shown, without quotes, figures and provenance/);
  assert.match(await page.locator("#summary").textContent(), /quotes, figures and provenance not read \(cancelled\)/);
  assert.ok((await page.locator("#view tr.row").count()) > 20, "the aligned rows stay");
  assert.equal(await page.getAttribute("body", "data-complete"), "false");
  await page.check("#ignore-case");
  await settled(page);
  assert.match(await page.locator("#summary").textContent(), /figures? disagrees?/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("notes on a sentence and on a link: marked, kept on reload, carried by the link and the exports", async () => {
  const { page, context } = await openPage(env.browser, env.base, { acceptDownloads: true });
  // A sentence's note, from the counterparts panel.
  const cell = page.locator("#view td[data-doc='0'][data-seg='13']");
  await cell.click();
  await page.fill("#counterparts .note-editor textarea", "Check the wording against the Downing Street transcript.");
  // A note on its link with the rewrite.
  await page.click("#counterparts .link-note summary >> nth=0");
  await page.fill("#counterparts .link-note textarea >> nth=0", "Same quote, other quote marks.");
  await page.waitForFunction(() => document.querySelectorAll("#view .has-note").length >= 2);
  assert.match(await cell.getAttribute("data-note"), /Downing Street transcript/);

  await page.reload();
  // The full engine's report replaces the first one's, and the notes are
  // marked once it is drawn (their module loads on demand): wait for both.
  await settled(page);
  const marked = await page
    .waitForFunction(() => document.querySelectorAll("#view .has-note").length >= 2, null, { timeout: 10000 })
    .then(() => true, () => false);
  assert.ok(marked, "notes survive a reload");

  const grab = async (button) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    return readFileSync(await download.path(), "utf8");
  };
  const json = JSON.parse(await grab("#export-json"));
  assert.equal(json.notes.length, 2);
  const sentenceNote = json.notes.find((n) => !n.other);
  assert.deepEqual([sentenceNote.doc, sentenceNote.segment], [0, 13]);
  const linkNote = json.notes.find((n) => n.other);
  assert.equal(linkNote.note, "Same quote, other quote marks.");
  assert.ok(linkNote.other.doc > 0 && linkNote.other.segment >= 0);
  const html = await grab("#export-html");
  assert.match(html, /<section class="notes-list"><h2>Notes \(2\)<\/h2>/);
  assert.match(html, /Downing Street transcript/);
  assert.match(html, /<details class="legend" id="legend" open="">/, "the export carries the legend, open");

  // Listed under the view; a note follows its sentence through an edit, and is kept (removable) when the sentence is gone.
  assert.equal(await page.locator("#notes li").count(), 2);
  await openVersions(page);
  const metro = page.locator("#versions li").nth(0).locator("textarea");
  const original = await metro.inputValue();
  const shows = (text) =>
    page.waitForFunction(
      (t) => document.body.dataset.drawn === "true" && [...document.querySelectorAll("#view td[data-doc='0']")].some((td) => td.textContent.includes(t)),
      text,
    );
  await metro.fill(original.replace("cannot be tackled", "can not be tackled"));
  await shows("can not be tackled");
  assert.match(await page.locator("#view td[data-doc='0'].has-note").first().textContent(), /can not be tackled/);
  await metro.fill(original.replace(/‘I simply do not believe[^.]*\./, "An entirely different sentence stands here now."));
  await shows("An entirely different sentence stands here now.");
  const orphan = page.locator("#notes li", { hasText: "Downing Street transcript" });
  assert.match(await orphan.textContent(), /has since changed/);
  await metro.fill(original);
  await shows("organised immigration crime cannot be tackled");
  assert.doesNotMatch(await orphan.textContent(), /has since changed/, "back with its sentence");

  // The permalink carries them to someone else.
  await page.click("#share");
  await page.waitForFunction(() => location.hash.startsWith("#v1="));
  const url = await page.evaluate(() => location.href);
  const other = await env.browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(url);
  await theirs.waitForSelector("body[data-drawn=true][data-complete=true]");
  const carried = await theirs
    .waitForFunction(() => document.querySelectorAll("#view .has-note").length >= 2, null, { timeout: 10000 })
    .then(() => true, () => false);
  assert.ok(carried, "notes travel in the link");
  await other.close();

  // A note whose sentence is gone can be removed.
  await metro.fill(original.replace(/‘I simply do not believe[^.]*\./, "An entirely different sentence stands here now."));
  await shows("An entirely different sentence stands here now.");
  await orphan.locator("button", { hasText: "Remove note" }).click();
  await page.waitForFunction(() => document.querySelectorAll("#notes li").length === 1);
  await context.close();
});

test("ignore-case and a new base redo only the word diffs; Cancel puts back the choices shown", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  await recordEngineMessages(page);
  await page.reload();
  await page.waitForSelector("body[data-drawn=true][data-complete=true]");
  await page.evaluate(() => (window.__sent.length = 0));
  await page.check("#ignore-case");
  await settled(page);
  await page.selectOption("#left", "2");
  await settled(page);
  assert.equal(await page.locator("table.sbs th").first().textContent(), await page.locator("#left option:checked").evaluate((o) => o.textContent.replace(/^\d+\. /, "")));
  assert.deepEqual(await page.evaluate(() => window.__sent), ["rediff", "rediff"], "no new alignment for options that change only the diffs");

  // Cancel while a comparison runs and a box has just been ticked: the box goes back to what the results use.
  await page.evaluate(() => {
    // One task: start comparing, tick the box (its new word diffs queue behind), cancel both.
    document.querySelector("#compare-now").click();
    document.querySelector("#ignore-punctuation").click();
    document.querySelector("#cancel").click();
  });
  await page.waitForFunction(() => /^Cancelled/.test(document.querySelector("#status").textContent));
  assert.equal(await page.isChecked("#ignore-punctuation"), false, "after Cancel the box matches the results shown");
  assert.equal(await page.isChecked("#ignore-case"), true, "a choice the results do use stays");
  assert.ok((await page.locator("#view tr.row").count()) > 0, "the results from before stay on screen");
  // The restarted engine holds no comparison: ticking the box again compares afresh, without complaint.
  await page.check("#ignore-punctuation");
  await settled(page);
  assert.equal(await page.locator("#notice").isHidden(), true, `no error: ${await page.locator("#notice").textContent()}`);
  await context.close();
});

test("first visit: the place to add articles is in sight; a new comparison starts empty; on a phone counterparts are a bottom sheet", async () => {
  const { page, context } = await openPage(env.browser, env.base, { viewport: { width: 390, height: 844 } });
  for (const id of ["#add-paste", "#start-new"]) {
    const box = await page.locator(id).boundingBox();
    assert.ok(box && box.y + box.height < 844, `${id} is on the first screen: ${JSON.stringify(box)}`);
  }
  assert.ok(await page.locator("#open-files").evaluate((i) => i.closest("label").offsetParent !== null));
  // Side by side stacks each row's cells, each saying which version it is.
  const linked = page.locator("#view tr.link-partial").first();
  const [upper, lower] = [await linked.locator("td").nth(0).boundingBox(), await linked.locator("td").nth(1).boundingBox()];
  assert.ok(lower.y >= upper.y + upper.height - 1 && upper.width > 300, `stacked: ${JSON.stringify([upper, lower])}`);
  assert.equal(await linked.locator("td").nth(1).evaluate((td) => getComputedStyle(td, "::before").content), '"Metro, rewritten"');
  const firstRow = await page.locator("#view tr.row").first().boundingBox();
  assert.ok(firstRow.y < 844, `the comparison starts on the first screen: ${firstRow.y}`);
  await page.screenshot({ path: join(ARTIFACTS, "phone-stacked.png") });
  await page.locator("#view td[data-seg]").first().click();
  const sheet = await page.locator("#counterparts").boundingBox();
  assert.ok(sheet.y > 844 / 2 - 5 && Math.round(sheet.width) === 390, `a bottom sheet: ${JSON.stringify(sheet)}`);
  await page.screenshot({ path: join(ARTIFACTS, "phone-counterparts.png") });
  await page.click("#counterparts button.close");
  assert.equal(await page.locator("#counterparts").isHidden(), true);
  await openVersions(page);
  await page.click("#start-new");
  assert.equal(await page.locator("#versions li").count(), 0);
  await page.waitForFunction(() => /No versions yet/.test(document.querySelector("#view").textContent));
  assert.equal(await page.locator("#summary").textContent(), "", "no summary of versions that are gone");
  await context.close();
});

test("a saved news page without <article>: Readability, loaded only then, keeps the story and drops the furniture", async () => {
  const { page, context, requests } = await openPage(env.browser, env.base);
  assert.ok(!requests.some((u) => u.includes("/vendor/")), "the reader library is not part of the first load");
  await page.setInputFiles("#open-files", join(import.meta.dirname, "fixtures", "news-page.html"));
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 6);
  assert.ok(requests.some((u) => u.endsWith("/vendor/readability.js")), "loaded when an HTML file was opened");
  await openVersions(page);
  const text = await page.locator("#versions li").nth(5).locator("textarea").inputValue();
  const lines = text.split("\n");
  assert.equal(lines[0], "Harbour bridge closes for repairs after cracks found", "the headline leads");
  assert.ok(text.includes("About 30,000 vehicles cross the bridge each day"));
  assert.ok(text.includes("The council said it would publish the survey's findings once the repairs were complete."));
  for (const furniture of ["cookies", "Accept all", "Ann Marlow", "Share on", "Photo:", "newsletter", "Related Topics", "All rights reserved", "Weather"]) {
    assert.ok(!text.includes(furniture), `dropped: ${furniture}`);
  }
  assert.equal(await page.locator("#versions li").nth(5).locator("input.published").inputValue(), "2025-05-12T08:30:00+01:00");
  // The one cross-link Readability keeps is read as furniture, not as the story.
  const sixth = () => page.evaluate(async () => (await import("./store.js")).result.report?.documents[5]?.segments.map((s) => [s.kind, s.text]));
  let kinds;
  for (let tries = 0; !(kinds = await sixth()) && tries < 100; tries++) await page.waitForTimeout(100);
  assert.deepEqual(kinds.filter(([, t]) => t.startsWith("READ:")).map(([k]) => k), ["boilerplate"]);
  assert.equal(kinds[0][1], "Harbour bridge closes for repairs after cracks found");
  await context.close();
});


test("eight versions: the synopsis keeps readable columns and scrolls sideways inside itself", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  const documents = Array.from({ length: 8 }, (_, k) => ({
    name: `Revision ${k + 1}`,
    text: `The council met on Monday. It approved ${100 + k} new homes. Residents objected to version ${k}. The vote was close.`,
  }));
  await page.evaluate((docs) => localStorage.setItem("variorum:v1", JSON.stringify({ documents: docs, view: "synopsis" })), documents);
  await page.reload();
  await settled(page);
  const widths = await page.locator("table.synopsis.parted-head th").evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
  assert.equal(widths.length, 8);
  assert.ok(widths.every((w) => w >= 200), `readable columns: ${widths.map(Math.round)}`);
  const scroll = await page.locator(".synopsis-wrap").evaluate((w) => [w.scrollWidth, w.clientWidth]);
  assert.ok(scroll[0] > scroll[1], `the synopsis scrolls sideways: ${scroll}`);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 1280, "the page itself does not");
  await page.screenshot({ path: join(ARTIFACTS, "synopsis-eight.png") });
  await context.close();
});
