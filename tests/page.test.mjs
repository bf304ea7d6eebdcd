// End to end: the served page in Chromium, every feature as a person uses it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { start, openPage, openVersions, ARTIFACTS } from "./browser.mjs";

const require = createRequire(import.meta.url);
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const rows = (page) => page.locator("#view .row");
const compared = (page) =>
  page.waitForFunction(
    () => /^Compared/.test(document.querySelector("#status").textContent) && document.body.dataset.complete === "true" && document.body.dataset.drawn === "true",
  );

test("seeds load and two versions show side by side with highlighted words", async () => {
  const { page, requests, errors, context } = await openPage(env.browser, env.base);
  assert.ok((await rows(page).count()) >= 20, "aligned rows are shown");
  assert.equal(await page.locator("#left option").count(), 5, "all five seeds are loaded");
  // A rewrite shares facts, not sentences: its partial links mark what both sides share, on both sides.
  const sharedLeft = await page.locator("#view tr.link-partial td:first-child mark.shared").allTextContents();
  const sharedRight = await page.locator("#view tr.link-partial td:nth-child(2) mark.shared").allTextContents();
  assert.ok(sharedLeft.length > 10 && sharedRight.length > 10, "shared words are marked on both sides");
  // The engine's runs: a name, a figure, the shared clause of a longer sentence.
  assert.ok(sharedLeft.includes("Sir Keir Starmer") && sharedRight.includes("Sir Keir Starmer"), `a shared name: ${sharedLeft.slice(0, 5)}`);
  assert.ok(sharedRight.includes("more than 1,100"), `a shared figure: ${sharedRight.slice(0, 8)}`);
  assert.ok(sharedLeft.includes("record-breaking start to the year"), "a shared clause");
  assert.equal(await page.locator("#view tr.link-partial :is(ins, del)").count(), 0, "a partial link is not a diff of everything else");
  // Closer links keep their word diff.
  const ins = await page.locator("#view ins").allTextContents();
  assert.ok(ins.some((t) => t.includes("responded critically")), `an insertion in a minor edit: ${ins.slice(0, 5)}`);

  // The same quote, differently punctuated, is one identical row whose only marks are quote marks.
  const quote = page.locator("tr.link-identical", { hasText: "I simply do not believe organised immigration crime cannot be tackled" });
  assert.equal(await quote.count(), 1);
  const marks = await quote.locator("ins, del").allTextContents();
  assert.ok(marks.every((m) => /^[\p{P}\s]+$/u.test(m)), `only punctuation differs: ${marks}`);

  // Unmatched sentences are marked in words, not colour only; boilerplate is dimmed.
  const only = page.locator("tr.only-left .badge.only");
  assert.ok((await only.count()) >= 3);
  assert.match(await only.first().textContent(), /^only in /);
  assert.ok((await page.locator("tr.boilerplate", { hasText: "Got a story?" }).count()) >= 1);

  await page.screenshot({ path: join(ARTIFACTS, "side-by-side.png") });
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.base)), [], "no request leaves the page's own origin");
  await context.close();
});

test("every view renders, by click and by keyboard", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  const expect = {
    side: "table.sbs",
    inline: "ol.redline",
    synopsis: "table.synopsis",
    overview: ".strip",
    quotes: ".card",
    numbers: "table.numbers",
    provenance: ".stemma-list",
  };
  for (const [view, selector] of Object.entries(expect)) {
    await page.click(`[data-view=${view}]`);
    await page.waitForSelector("body[data-drawn=true]"); // the provenance view loads on demand
    assert.ok((await page.locator(`#view ${selector}`).count()) > 0, `${view} shows ${selector}`);
    await page.screenshot({ path: join(ARTIFACTS, `view-${view}.png`) });
  }
  // Keys 1-7 switch views.
  await page.locator("body").press("3");
  assert.equal(await page.getAttribute("#view", "data-view"), "synopsis");
  await page.locator("body").press("7");
  assert.equal(await page.getAttribute("#view", "data-view"), "provenance");
  // The seeds: the rewrite takes paragraphs of Metro's report, which came first.
  assert.match(await page.locator(".stemma-list li.version").nth(1).textContent(), /Metro, rewritten ← derives from Metro \(31 Mar 2025\) \(partly shared text/);
  await page.locator("body").press("1");
  assert.equal(await page.getAttribute("#view", "data-view"), "side");
  await context.close();
});

test("views carry their specific content", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  // Synopsis: a row per group, cells departing from the majority flagged in words.
  await page.click("[data-view=synopsis]");
  assert.equal(await page.locator("table.synopsis.parted-head th").count(), 5);
  assert.ok((await page.locator("table.synopsis .badge.only").count()) > 10);
  // Side by side, changes inside a quotation are marked more strongly than other edits.
  await page.click("[data-view=side]");
  await page.selectOption("#left", "3");
  await page.selectOption("#right", "4");
  await compared(page);
  const inQuote = page.locator("tr.row", { hasText: "combine our resources, share intelligence" }).locator("del.quote, ins.quote");
  assert.ok((await inQuote.count()) >= 2, "changed quoted words are marked as such");
  assert.match(await inQuote.first().getAttribute("title"), /inside a quotation/);
  // Quotes: the "vile trade" quote's variant wording between 003 and 004 is flagged.
  await page.click("[data-view=quotes]");
  const vile = page.locator(".card", { hasText: "This vile trade exploits the cracks" });
  assert.equal(await vile.locator(".badge.variant").count(), 1);
  assert.ok((await vile.locator("ins, del").count()) > 0);
  // Numbers: "40 countries" vs "more than 40 countries" is a hedging disagreement.
  await page.click("[data-view=numbers]");
  const forty = page.locator("tr", { hasText: "more than 40" }).filter({ hasText: "countries" });
  assert.match(await forty.locator(".badge.disagree").textContent(), /different hedging/);
  // "1,100 in the past week" and "6,000 so far in 2025" are two facts, not one in dispute.
  const week = page.locator("tr", { hasText: "more than 1,100" });
  assert.equal(await week.count(), 1);
  assert.match(await week.locator(".what").textContent(), /\(week\)/);
  assert.equal(await week.locator(".badge.agree").count(), 1);
  assert.equal(await week.filter({ hasText: "6,000" }).count(), 0);
  // Overview: clicking a strip block jumps to that sentence, side by side, and lights it.
  await page.click("[data-view=overview]");
  assert.equal(await page.locator(".matrix tbody tr").count(), 5);
  await page.locator(".strip-line").nth(1).locator(".block").nth(0).click();
  assert.equal(await page.getAttribute("#view", "data-view"), "side");
  assert.equal(await page.locator("table.sbs th").nth(1).textContent(), "Metro, rewritten");
  assert.ok((await page.locator("#view .lit").count()) >= 1);
  await context.close();
});

test("moved sentences are connected both ways", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  await page.evaluate(() => {
    const a = "Alpha bravo charlie delta echo.\nFoxtrot golf hotel india juliet.\nKilo lima mike november oscar.\nPapa quebec romeo sierra tango.";
    const b = "Papa quebec romeo sierra tango.\nAlpha bravo charlie delta echo.\nFoxtrot golf hotel india juliet.\nKilo lima mike november oscar.";
    localStorage.setItem("variorum:v1", JSON.stringify({ documents: [{ name: "A", text: a }, { name: "B", text: b }], left: 0, right: 1 }));
  });
  await page.reload();
  await compared(page);
  const moved = page.locator("tr.moved");
  assert.equal(await moved.count(), 1);
  const ghost = page.locator("tr.moved-from a");
  assert.equal(await ghost.getAttribute("href"), `#${await moved.getAttribute("id")}`);
  assert.equal(await moved.locator("a.badge.moved").getAttribute("href"), `#${await page.locator("tr.moved-from").getAttribute("id")}`);
  await context.close();
});

test("adding, naming, reordering, rebasing and removing versions; all of it survives a reload", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  await openVersions(page);
  await page.click("#add-paste");
  const fresh = page.locator("#versions li").nth(5);
  await fresh.locator("textarea").fill("Sir Keir Starmer has launched a first-of-its-kind international people-smuggling summit in London. More than 2,000 people crossed.");
  await fresh.locator("input:not([type])").fill("My draft, 1 April");
  await compared(page);
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 6);

  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await openVersions(page);
  assert.equal(await page.locator("#versions li").count(), 6, "the pasted version survived the reload");
  assert.equal(await page.locator("#versions li").nth(5).locator("input:not([type])").inputValue(), "My draft, 1 April");

  // Move it up one place, make it the base, then remove it and undo.
  await page.click("[aria-label='Move version 6 up']");
  assert.equal(await page.locator("#versions li").nth(4).locator("input:not([type])").inputValue(), "My draft, 1 April");
  await page.locator("#versions li").nth(4).locator("input[type=radio]").check();
  await compared(page);
  assert.equal(await page.locator("table.sbs th").first().textContent(), "My draft, 1 April");
  await page.click("[aria-label='Remove version 5']");
  assert.equal(await page.locator("#versions li").count(), 5);
  await page.click("#notice button:has-text('Undo')");
  assert.equal(await page.locator("#versions li").count(), 6);
  await context.close();
});

test("files: text and HTML are read, an HTML page is reduced to its article and its scripts never run", async () => {
  const { page, context, requests } = await openPage(env.browser, env.base);
  const html = `<!doctype html><html><head><script>window.__pwned = 1</script><link rel="stylesheet" href="https://example.org/x.css"></head>
    <body><nav>Home | World</nav><article><h1>Summit opens</h1><p>Delegates from 40 countries met <b>in London</b>.</p>
    <img src="https://example.org/x.png" onerror="window.__pwned = 2"><ul><li>Item one</li></ul>
    <p onclick="window.__pwned = 3">Second paragraph.</p></article><footer>Follow us on X</footer></body></html>`;
  await page.setInputFiles("#open-files", [
    { name: "afp.html", mimeType: "text/html", buffer: Buffer.from(html) },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Plain text version.") },
    { name: "blob.bin.txt", mimeType: "text/plain", buffer: Buffer.from([0xff, 0xfe, 0x00, 0x01]) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 7);
  await openVersions(page);
  const text = await page.locator("#versions li").nth(5).locator("textarea").inputValue();
  assert.equal(text, "Summit opens\nDelegates from 40 countries met in London.\n- Item one\nSecond paragraph.");
  assert.equal(await page.locator("#versions li").nth(5).locator("input:not([type])").inputValue(), "afp");
  assert.match(await page.locator("#notice").textContent(), /Not added: blob\.bin\.txt is not UTF-8 text/);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script of the file ran");
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.base)), [], "nothing the file references was fetched");
  await context.close();
});

test("clicking a sentence lights its counterparts in every version", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  await page.locator("#view td[data-doc='0']", { hasText: "I simply do not believe" }).click();
  const panel = page.locator("#counterparts");
  assert.equal(await panel.isVisible(), true);
  assert.equal(await panel.locator("li").count(), 4, "one line per other version");
  assert.match(await panel.textContent(), /AFP-style wire: But he will insist/);
  assert.ok((await page.locator("#view .lit").count()) >= 2);
  await page.keyboard.press("Escape");
  assert.equal(await panel.isVisible(), false);
  await context.close();
});

test("keyboard steps through changes; filters hide identical and show only unique", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  const all = await rows(page).count();
  await page.locator("body").press("j");
  await page.locator("body").press("j");
  assert.equal(await page.locator("#view .row.current").count(), 1);
  assert.match(await page.locator("#status").textContent(), /^Change 2 of \d+/);
  await page.locator("body").press("k");
  assert.match(await page.locator("#status").textContent(), /^Change 1 of/);

  await page.check("#hide-identical");
  assert.equal(await page.locator("#view tr.link-identical:not(.moved)").count(), 0);
  assert.ok((await rows(page).count()) < all);
  await page.uncheck("#hide-identical");
  await page.check("#only-unique");
  const types = await rows(page).evaluateAll((trs) => trs.map((t) => t.classList.contains("only-left") || t.classList.contains("only-right")));
  assert.ok(types.length > 0 && types.every(Boolean));
  await page.uncheck("#only-unique");

  // Ignore case recompares in the worker: a case-only change stops being highlighted.
  await page.evaluate(() => {
    localStorage.setItem("variorum:v1", JSON.stringify({ documents: [{ name: "A", text: "The Summit Opened." }, { name: "B", text: "The summit opened." }] }));
  });
  await page.reload();
  await compared(page);
  assert.ok((await page.locator("#view ins").count()) > 0);
  await page.check("#ignore-case");
  await page.waitForFunction(() => document.querySelectorAll("#view ins").length === 0);
  await context.close();
});

test("permalink carries the versions in the fragment and keeps the reader's own work", async () => {
  const { page, context, requests } = await openPage(env.browser, env.base);
  await page.evaluate(() => {
    localStorage.setItem("variorum:v1", JSON.stringify({ documents: [{ name: "Mine", text: "My own draft." }, { name: "Also mine", text: "Another draft." }] }));
  });
  await page.reload();
  await compared(page);
  await page.click("#share");
  await page.waitForFunction(() => location.hash.startsWith("#v1="));
  const url = await page.evaluate(() => location.href);
  assert.match(url, /#v1=[A-Za-z0-9_-]+$/);
  assert.ok(requests.every((u) => !u.includes("v1=")), "the fragment is never sent");

  // Someone who has never been here opens the link: the versions, and no word of "your own" ones.
  const other = await env.browser.newContext();
  const first = await other.newPage();
  await first.goto(url);
  await first.waitForFunction(() => document.querySelector("table.sbs th")?.textContent === "Mine");
  assert.equal(await first.locator("#notice").textContent(), "Showing the versions from this link. Dismiss");
  await first.close();

  // Someone with versions of their own opens it: theirs are kept aside, and come back.
  const theirs = await other.newPage();
  await theirs.goto(env.base);
  await theirs.evaluate(() => localStorage.setItem("variorum:v1", JSON.stringify({ documents: [{ name: "Theirs", text: "Their draft." }] })));
  await theirs.reload();
  await theirs.waitForSelector("body[data-ready=true]");
  await theirs.goto(url);
  await theirs.waitForFunction(() => document.querySelector("table.sbs th")?.textContent === "Mine");
  assert.match(await theirs.locator("#notice").textContent(), /The versions you had here are kept/);
  await theirs.click("#notice button:has-text('Restore mine')");
  await theirs.waitForFunction(() => document.querySelector("#left option")?.textContent === "1. Theirs");

  const broken = await other.newPage();
  await broken.goto(`${env.base}#v1=AAAA`);
  await broken.waitForSelector("body[data-ready=true]");
  assert.match(await broken.locator("#notice").textContent(), /this link is damaged/);
  await other.close();
  await context.close();
});

test("exports: JSON report, links CSV, standalone HTML without scripts", async () => {
  const { page, context } = await openPage(env.browser, env.base, { acceptDownloads: true });
  const grab = async (button) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    return readFileSync(await download.path(), "utf8");
  };
  const report = JSON.parse(await grab("#export-json"));
  assert.equal(report.schema_version, 2);
  assert.equal(report.documents.length, 5);
  const csv = await grab("#export-csv");
  assert.ok(csv.startsWith("version_a,version_b,sentences_a,sentences_b,kind,score,moved,text_a,text_b\r\n"));
  assert.ok(csv.split("\r\n").length > 100);
  const html = await grab("#export-html");
  assert.ok(html.startsWith("<!doctype html>"));
  assert.match(html, /Showing Metro, rewritten against Metro \(31 Mar 2025\)\./, "the exported report says which pair it shows");
  assert.match(html, /Family tree/, "and where the words came from");
  assert.ok(!/<script/i.test(html), "the standalone report has no script");
  assert.match(html, /Content-Security-Policy/);
  assert.match(html, /<mark class="shared">Sir Keir Starmer<\/mark>/);
  // The exported report renders on its own, offline.
  const offline = await context.newPage();
  await offline.setContent(html);
  assert.ok((await offline.locator("table.sbs tr").count()) > 20);
  await context.close();
});

test("a big comparison shows progress and can be cancelled without losing the inputs", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  await page.evaluate(() => {
    const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split(" ");
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const text = Array.from({ length: 20000 }, () => Array.from({ length: 12 }, () => words[Math.floor(rnd() * 12)]).join(" ") + ".").join(" ");
    localStorage.setItem("variorum:v1", JSON.stringify({ documents: [{ name: "Big A", text }, { name: "Big B", text: text.replace(/alpha/g, "omega") }] }));
  });
  await page.reload();
  await page.waitForSelector("#cancel:not([hidden])");
  assert.equal(await page.locator("#progress").isVisible(), true);
  // The page stays responsive while the worker computes.
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  assert.ok(Date.now() - t0 < 1000);
  await page.click("#cancel");
  await page.waitForFunction(() => /^Cancelled/.test(document.querySelector("#status").textContent));
  assert.equal(await page.locator("#cancel").isHidden(), true);
  await openVersions(page);
  assert.equal(await page.locator("#versions li").count(), 2, "the inputs are still there");
  await context.close();
});

test("accessibility: no serious axe violations, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    // axe is injected as an inline script, which the page's CSP forbids: bypass it for this check only.
    const { page, context } = await openPage(env.browser, env.base, { bypassCSP: true, colorScheme });
    await openVersions(page);
    await page.click("#legend summary");
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    for (const view of ["side", "inline", "synopsis", "overview", "quotes", "numbers", "provenance"]) {
      await page.click(`[data-view=${view}]`);
      await page.waitForSelector("body[data-drawn=true]");
      // The counterparts panel with its note boxes is part of every sentence view.
      if (["side", "inline", "synopsis"].includes(view)) await page.locator("#view [data-seg]").nth(2).click();
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0].target})`);
      });
      assert.deepEqual(result, [], `${colorScheme} ${view}`);
    }
    await page.click("[data-view=side]");
    await page.screenshot({ path: join(ARTIFACTS, `side-by-side-${colorScheme}.png`) });
    await context.close();
  }
});

test("numbers of independent reports: a dispute, a compatible pair, times and race times as themselves, no dateline", async () => {
  const { encodePermalink } = await import("../www/inputs.js");
  const documents = [
    {
      name: "Wire",
      text: "date 2023-10-08\nCHICAGO (AP) — Kelvin Kiptum set a world record in the Chicago Marathon on Sunday, finishing in 2:00:35 to beat the old mark by 34 seconds. The race began at 7:30am. Organisers said 48,000 runners took part.",
    },
    {
      name: "Paper",
      text: "Kenyan Kelvin Kiptum broke the marathon world record in Chicago, winning in two hours and 35 seconds to beat Eliud Kipchoge's mark by more than 30 seconds. The race started at 7.30am. Organisers said 45,000 runners took part.",
    },
  ];
  const link = await encodePermalink({ documents, left: 0, right: 1, view: "numbers" });
  const { page, context, errors } = await openPage(env.browser, `${env.base}#${link}`);
  await page.waitForSelector("table.numbers tbody tr");
  const shared = page.locator("table.numbers:not(.own) tbody tr");
  const row = (figure) => shared.filter({ has: page.locator("strong", { hasText: figure }) });
  // One row per quantity, both figures and their sentences in it.
  const runners = row("48,000");
  assert.equal(await runners.count(), 1);
  assert.match(await runners.textContent(), /45,000/);
  assert.match(await runners.locator(".badge.disagree").textContent(), /different figures/);
  assert.match(await runners.locator(".ctx").first().textContent(), /Organisers said 48,000 runners took part/);
  const margin = row("more than 30");
  assert.match(await margin.locator(".badge").textContent(), /compatible/);
  assert.match(await margin.textContent(), /34/);
  // A race time and a time of day are one figure each, and agree across notations.
  const time = row("2:00:35");
  assert.match(await time.textContent(), /two hours and 35 seconds/);
  assert.equal(await time.locator(".badge.agree").count(), 1);
  assert.equal(await row("7.30am").locator(".unit").first().textContent(), " time of day");
  // No row for a part of a time, nor for the dateline's date.
  const figures = await page.locator("table.numbers li strong").allTextContents();
  for (const part of ["00", "35", "2023", "08", "7", "30"]) assert.ok(!figures.includes(part), `no "${part}" figure: ${figures}`);
  // Real disagreements first; the filter keeps one verdict.
  assert.match(await shared.first().locator(".badge").textContent(), /different figures/);
  await page.selectOption("select.number-filter", "precision");
  const kept = await page.locator("table.numbers tbody tr .badge").allTextContents();
  assert.ok(kept.length > 0 && kept.every((b) => /compatible/.test(b)), `only compatible rows: ${kept}`);
  await page.selectOption("select.number-filter", "all");
  await page.screenshot({ path: join(ARTIFACTS, "numbers.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("provenance: two reprints of one wire text and an independent report, times read from the HTML", async () => {
  const { encodePermalink } = await import("../www/inputs.js");
  const wire = [
    "Japan's SLIM probe landed on the moon early on Saturday, the country's space agency said, making Japan the fifth nation to reach the lunar surface.",
    "The lander touched down at about 12:20am Tokyo time, but its solar cells are not generating electricity, officials told a news conference.",
    "Engineers switched the craft to its batteries, which would last only for hours, and were working to send data back to Earth.",
    "The agency said it would take up to a month to confirm whether the landing was as precise as planned.",
  ];
  const page1 = (head, body) => `<!doctype html><html><head>${head}</head><body><article>${body.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
  const files = [
    { name: "wire.html", head: '<meta property="article:published_time" content="2024-01-20T01:00:00+09:00">', body: wire },
    {
      name: "reprint.html",
      head: '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-01-20T03:00:00+09:00"}</script>',
      body: [...wire.slice(0, 3), "The mission cost about 18 billion yen."],
    },
    { name: "trimmed.html", head: "", body: [`<time datetime="2024-01-20T05:30:00+09:00">20 January</time> ${wire[0]}`, wire[1]] },
    {
      name: "own.html",
      head: '<meta property="article:published_time" content="2024-01-20T02:00:00+09:00">',
      body: [
        "A small Japanese spacecraft has reached the Moon, but a power fault may cut its mission short.",
        "Controllers said the probe was running on reserve power after its panels failed to produce any.",
      ],
    },
  ];
  const link = await encodePermalink({ documents: [], left: 0, right: 1, view: "side" });
  const { page, context, errors } = await openPage(env.browser, `${env.base}#${link}`);
  await page.setInputFiles(
    "#open-files",
    files.map((f) => ({ name: f.name, mimeType: "text/html", buffer: Buffer.from(page1(f.head, f.body)) })),
  );
  await page.waitForFunction(() => document.querySelectorAll("#left option").length === 4);
  await compared(page);
  // Side by side, wire against its reprint: the reprint's sentences are copied from the wire.
  await page.selectOption("#left", "0");
  await page.selectOption("#right", "1");
  const marks = await page.locator("table.sbs td:nth-child(2) .badge.origin").allTextContents();
  assert.ok(marks.filter((m) => m === "copied from wire").length >= 3, `marks: ${marks}`);
  assert.ok(marks.includes("own"), `the reprint's own sentence: ${marks}`);
  const wireMarks = await page.locator("table.sbs td:nth-child(1) .badge.origin").allTextContents();
  assert.ok(wireMarks.some((m) => m.startsWith("copied by ")), `the wire's words went to later versions: ${wireMarks}`);
  // The tree: both reprints derive from the wire (it came first); the independent report is its own.
  await page.click("[data-view=provenance]");
  await page.waitForSelector("body[data-drawn=true]");
  const lines = await page.locator(".stemma-list li.version").allTextContents();
  assert.match(lines[1], /reprint ← derives from wire \(same source text/);
  assert.match(lines[2], /trimmed ← derives from (wire|reprint) \(same source text/);
  assert.match(lines[0], /wire — the earliest: the source of reprint, trimmed/);
  assert.match(lines[3], /own — its own report/);
  // The synopsis marks every sentence's origin too.
  await page.click("[data-view=synopsis]");
  assert.ok((await page.locator("table.synopsis .badge.origin", { hasText: "copied from wire" }).count()) >= 3);
  await page.click("[data-view=provenance]");
  await page.waitForSelector("body[data-drawn=true]");
  const pair = page.locator(".provenance-pairs tr", { hasText: "wire · reprint" });
  assert.match(await pair.textContent(), /same source text.*wire$/);
  await page.screenshot({ path: join(ARTIFACTS, "provenance.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("keyboard opens counterparts; a new comparison starts empty and can be undone; no request 404s", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base);
  const missing = [];
  page.on("response", (r) => r.status() >= 400 && missing.push(r.url()));
  await page.reload();
  await page.waitForSelector("body[data-ready=true][data-complete=true]");
  // j reaches a row; Enter opens its counterparts, as a click would.
  await page.locator("body").press("j");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#counterparts").isVisible(), true);
  await page.keyboard.press("Escape");
  // Start a new comparison: no versions, the place to add them open; Undo brings them back.
  await openVersions(page);
  await page.click("#start-new");
  await page.waitForFunction(() => /No versions yet/.test(document.querySelector("#view").textContent));
  assert.equal(await page.locator("#versions li").count(), 0);
  assert.equal(await page.locator("#summary").textContent(), "");
  await page.locator("#notice button", { hasText: "Undo" }).click();
  await page.waitForFunction(() => document.querySelectorAll("#versions li").length === 5);
  await compared(page);
  assert.deepEqual(missing, [], "every request is answered (the favicon is inline)");
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a phone (390 x 844) no view is wider than the screen", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base, { viewport: { width: 390, height: 844 } });
  for (const view of ["side", "inline", "synopsis", "overview", "quotes", "numbers", "provenance"]) {
    await page.click(`[data-view=${view}]`);
    await page.waitForSelector("body[data-drawn=true]");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${view}: the page is ${width} px wide`);
    if (view === "numbers" || view === "provenance") {
      // Verdicts and relations stacked in the phone's width, not in a sideways scroller.
      const hidden = await page.evaluate(() => { const v = document.getElementById("view"); return v.scrollWidth - v.clientWidth; });
      assert.ok(hidden <= 1, `${view}: ${hidden} px off the edge of the view`);
    }
    await page.screenshot({ path: join(ARTIFACTS, `phone-${view}.png`) });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("the keyboard reaches every sentence: Tab enters the view, arrows move over every row, Enter and Esc", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base);
  let tabs = 0;
  while (tabs < 60 && !(await page.evaluate(() => !!document.activeElement?.closest("#view .row")))) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  assert.ok(tabs < 60, "Tab reaches a row of the view");
  const stops = await page.locator("#view .row").evaluateAll((rows) => rows.filter((r) => r.tabIndex === 0).length);
  assert.equal(stops, 1, "the view is one Tab stop");
  const at = () => page.evaluate(() => [...document.querySelectorAll("#view .row")].indexOf(document.activeElement.closest("#view .row")));
  const first = await at();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await at(), first + 2, "arrows step over every row, changed or not");
  const unchanged = await page.evaluate(() => [...document.querySelectorAll("#view .row")].findIndex((r) => !r.classList.contains("change") && r.querySelector("[data-doc]")));
  assert.ok(unchanged >= 0, "the demo has a row without a change");
  while ((await at()) < unchanged) await page.keyboard.press("ArrowDown");
  while ((await at()) > unchanged) await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#counterparts:not([hidden])");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#counterparts").isHidden(), true);
  assert.equal(await at(), unchanged, "Esc comes back to the row");
  assert.deepEqual(errors, []);
  await context.close();
});

test("search counts matches in all versions, marks them in the view, and Enter goes to one", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base);
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search", "/ goes to the search box");
  await page.keyboard.type("summit");
  await page.waitForFunction(() => document.querySelectorAll("#view .hit").length > 0);
  const status = await page.locator("#status").textContent();
  const [, all, shown] = status.match(/(\d+) sentences? in all versions, (\d+) marked/) ?? [];
  assert.ok(Number(all) >= Number(shown) && Number(shown) > 0, status);
  const marked = await page.locator("#view .hit").allTextContents();
  assert.ok(marked.every((t) => /summit/i.test(t)), `only matches marked: ${marked}`);
  await page.keyboard.press("Enter");
  assert.ok(await page.evaluate(() => /summit/i.test(document.activeElement.textContent)), "Enter goes to a match");
  await page.click("[data-view=inline]");
  await page.waitForFunction(() => document.querySelectorAll("#view .hit").length > 0);
  await page.locator("#search").fill("");
  await page.locator("#search").press("Escape");
  assert.equal(await page.locator("#view .hit").count(), 0, "cleared");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the overview is one Tab stop; arrow keys move inside it and Enter jumps", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base);
  await page.click("[data-view=overview]");
  const stops = await page.locator(".strip .block").evaluateAll((bs) => bs.filter((b) => b.tabIndex === 0).length);
  assert.equal(stops, 1, "one Tab stop for every block of every strip");
  await page.locator(".strip .block").first().focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => {
    const b = document.activeElement;
    return { strip: [...document.querySelectorAll(".strip")].indexOf(b.parentElement), tab: b.tabIndex };
  });
  assert.deepEqual(focused, { strip: 1, tab: 0 }, "down moves to the next version's strip");
  assert.equal(await page.locator(".strip .block").evaluateAll((bs) => bs.filter((b) => b.tabIndex === 0).length), 1);
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute("#view", "data-view"), "side", "Enter on a block jumps to its sentence");
  assert.deepEqual(errors, []);
  await context.close();
});
