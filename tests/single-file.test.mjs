// The single-file build works when opened from file://, with no network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { start, ARTIFACTS } from "./browser.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
let env;
before(async () => {
  execFileSync("node", [join(ROOT, "scripts/build-single.mjs")], { stdio: "inherit" });
  env = await start();
});
after(async () => {
  await env?.close();
});

test("dist/variorum.html compares the seeds from file:// without any request", async () => {
  const file = join(ROOT, "dist/variorum.html");
  const html = readFileSync(file, "utf8");
  assert.ok(!/(src|href)="(?!#|data:)[^"]+"/.test(html), "nothing is loaded from another file");
  const context = await env.browser.newContext({ offline: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true][data-drawn=true]", { timeout: 30000 });
  assert.ok((await page.locator("#view .row").count()) >= 20);
  assert.ok((await page.locator("#view :is(ins, mark.shared)").count()) > 10);
  await page.click("[data-view=quotes]");
  assert.ok((await page.locator(".card").count()) > 0);
  await page.screenshot({ path: join(ARTIFACTS, "single-file.png") });
  assert.deepEqual(errors, [], "no CSP violation or error");
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith("blob:") && !u.startsWith("data:")), [], "no request but the file itself");
  await context.close();
});
