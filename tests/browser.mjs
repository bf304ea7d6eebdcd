// Shared by the page-level tests: serve www/ on a free port and drive
// Debian's Chromium with playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../scripts/serve.mjs";

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

// Without the networking flags Chromium floods this machine's closed network.
const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

/** Starts the server and the browser; returns {base, browser, close}. */
export async function start() {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A new page that records every request and every page error. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  // Ready: the first engine's report is on screen; complete: the full one's too; drawn: every part of the view.
  await page.waitForSelector("body[data-ready=true][data-complete=true][data-drawn=true]", { timeout: 30000 });
  return { page, context, requests, errors };
}

/** Opens the Versions panel as a reader would: a click on its heading, unless it is already open (as on a first visit). */
export async function openVersions(page) {
  if (!(await page.locator("#versions-panel").evaluate((d) => d.open))) await page.click("#versions-panel summary");
}
