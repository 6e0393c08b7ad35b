// Chromium through playwright-core, with the flags the benchmark brief fixes.
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export async function launchBrowser() {
  // headless: true makes Playwright pass --headless itself.
  return chromium.launch({ executablePath: process.env.WH_BENCH_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
}

/**
 * Opens the app served by a host at `hash` in a fresh page (1280×900) and returns it with a CDP session.
 * @param {import('playwright-core').Browser} browser @param {{ url: string, openUrl: string }} host @param {string} hash
 */
export async function openApp(browser, host, hash, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  // The token URL sets the session cookie (shared with the context's pages); loading the app there would
  // let it navigate to its remembered view, racing the route we want, so only the cookie is taken.
  await context.request.get(host.openUrl, { maxRedirects: 0 });
  const page = await context.newPage();
  await page.goto(`${host.url}${hash}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, context };
}

/** JS heap of the page (CDP Performance.getMetrics), optionally after a forced garbage collection. */
export async function jsHeap(cdp, { gc = false } = {}) {
  if (gc) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { used: m.JSHeapUsedSize, total: m.JSHeapTotalSize, nodes: m.Nodes };
}
